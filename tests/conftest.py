import json
from pathlib import Path

import pytest

from analysis import corpus

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_1bbc821df740a206.txt"
SHARED = ROOT.parent / "shared"
GOLD_PATH = SHARED / "eval" / "seed_gold.json"
POLNEAR = SHARED / "data" / "quotes" / "polnear"

needs_shared = pytest.mark.skipif(
    not GOLD_PATH.exists(),
    reason="../shared (evaluation data) is not present beside the project",
)


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ files from the current output (review the diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request):
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed_path():
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_article():
    return corpus.read_article(SEED_PATH)


@pytest.fixture(scope="session")
def seed_text(seed_article):
    return seed_article.text


@pytest.fixture(scope="session")
def seed_gold():
    if not GOLD_PATH.exists():
        pytest.skip("../shared/eval/seed_gold.json is not present")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))
