"""The package works with no NLTK data and no network: nltk.download must never run."""

import os
import subprocess
import sys

SCRIPT = """
import nltk
def refuse(*a, **k):
    raise RuntimeError("nltk.download called")
nltk.download = refuse
from analysis import corpus, tokenize, lexicons
import analysis.cli
article = corpus.read_article(sys.argv[1])
assert len(tokenize.sentences(article.text)) == 16
for module in ("quotes", "sentiment", "stance", "actors", "frames"):
    try:
        mod = __import__("analysis." + module, fromlist=["x"])
    except ImportError:
        continue
    if hasattr(mod, "extract"):
        mod.extract(article.text)
    if hasattr(mod, "score"):
        mod.score(article.text)
    if hasattr(mod, "mentions"):
        mod.mentions(article.text)
    if hasattr(mod, "analyze"):
        mod.analyze(article.text)
print("ok")
"""


def test_runs_without_nltk_data(tmp_path, seed_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(empty)}
    r = subprocess.run(
        [sys.executable, "-c", "import sys\n" + SCRIPT, str(seed_path)],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
