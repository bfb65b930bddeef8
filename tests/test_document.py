"""The Document: every layer computed once, equal to the module functions, and the
same in fresh processes whatever the hash seed."""

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from analysis import actors, frames, quotes, sentiment, sources, stance
from analysis.document import Document, of
from tests.conftest import POLNEAR, ROOT, SEED_PATH, needs_shared

# A PolNeAR article with quotes, speakers and several actors.
POLNEAR_ARTICLE = (
    POLNEAR
    / "raw"
    / "dev"
    / "text"
    / "breitbart_2016-09-12_stealth-over-health-hillary-clin.txt"
)

# (module, function, layer that calls it)
LAYERS = [
    (sentiment, "sentences", "tones"),
    (actors, "mentions", "mentions"),
    (actors, "inventory", "actors"),
    (quotes, "extract", "quotes"),
    (sources, "speaker_types", "source_types"),
    (stance, "stances", "stances"),
    (frames, "analyze", "frames"),
]


def test_each_layer_is_computed_once(seed_text, monkeypatch):
    calls = {}
    for module, name, _ in LAYERS:
        real = getattr(module, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            # canonical() also finds the mentions of a short name: not the document's
            if any(isinstance(a, Document) for a in args):
                calls[_name] = calls.get(_name, 0) + 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    doc = Document(seed_text)
    for _ in range(2):  # the frames and stances read quotes, mentions... again
        for _, _, layer in LAYERS:
            getattr(doc, layer)
    assert calls == {name: 1 for _, name, _ in LAYERS}


def test_layers_equal_the_module_functions_on_text(seed_text):
    doc = Document(seed_text)
    assert doc.quotes == quotes.extract(seed_text)
    assert doc.mentions == actors.mentions(seed_text)
    assert doc.actors == actors.inventory(seed_text)
    assert doc.tones == sentiment.sentences(seed_text)
    assert doc.stances == stance.stances(seed_text)
    assert doc.frames == frames.analyze(seed_text)


@pytest.mark.parametrize(
    ("value", "error"),
    [(b"bytes", TypeError), (None, TypeError), (3, TypeError)],
)
def test_a_document_needs_text(value, error):
    with pytest.raises(error, match="str"):
        Document(value)


def test_of_keeps_a_document_and_wraps_text():
    doc = Document("Officials said the bridge would reopen.")
    assert of(doc) is doc
    assert of("Officials said.").text == "Officials said."
    assert of("Officials said.") is not of("Officials said.")


def test_from_article_carries_the_id(seed_article):
    doc = Document.from_article(seed_article)
    assert doc.id == seed_article.id
    assert doc.article is seed_article
    assert Document("Text.").id == "text"


# Prints every layer of each file given as JSON (sorted keys): what must not depend on
# the process or its hash seed.
_DUMP = """
import dataclasses, json, sys
from analysis import frames
from analysis.document import Document

out = {}
for path in sys.argv[1:]:
    doc = Document(open(path, encoding="utf-8").read())
    out[path] = {
        "words": doc.word_count,
        "tones": [dataclasses.asdict(t) for t in doc.tones],
        "mentions": [dataclasses.asdict(m) for m in doc.mentions],
        "quotes": [dataclasses.asdict(q) for q in doc.quotes],
        "source_types": doc.source_types,
        "stances": [dataclasses.asdict(s) for s in doc.stances],
        "frames": frames.to_dict(doc.frames),
    }
print(json.dumps(out, sort_keys=True, default=str))
"""


def _layers_in_fresh_process(paths, seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return done.stdout


def _assert_same_across_hash_seeds(paths):
    first = _layers_in_fresh_process(paths, "0")
    second = _layers_in_fresh_process(paths, "4242")
    assert json.loads(first)  # something was computed
    assert first == second


def test_layers_are_deterministic_across_processes_seed():
    _assert_same_across_hash_seeds([SEED_PATH])


@needs_shared
def test_layers_are_deterministic_across_processes_polnear():
    assert POLNEAR_ARTICLE.exists(), POLNEAR_ARTICLE
    _assert_same_across_hash_seeds([POLNEAR_ARTICLE])


def test_records_are_frozen(seed_text):
    doc = Document(seed_text)
    record = doc.quotes[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.text = "changed"
