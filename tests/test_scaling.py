"""Fuzz every stage with news-like and hostile text: bounded time, offsets that slice.

Hypothesis builds texts from pieces of news (quotes, cues, titles, names) and from the
shapes that were quadratic in issue 18 (runs of `"`, `said that`, `Mr.`, `The`, open
quotes, mixed scripts, emoji, Markdown emphasis), and every stage must finish within a
time budget and return records whose offsets slice the text, in order.
"""

from __future__ import annotations

import dataclasses
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import (
    actors,
    corpus,
    frames,
    pipeline,
    quotes,
    sentiment,
    stance,
    tokenize,
)

# CPU seconds (not wall time: the machine is shared) one stage may take on one
# generated text of a few kB: linear stages take milliseconds; the quadratic shapes of
# issue 18 took seconds at this size.
BUDGET = 5.0

NEWS = (
    "The minister said on Monday that talks would resume. ",
    "“We are hopeful,” she said. ",
    "“It is a good deal,” said Mr. Smith, a spokesman, ",
    "according to officials in Moscow, ",
    "North Korea ratified the pact with Russia. ",
    "President Vladimir Putin told reporters: “No.” ",
    "He added that the deal was “historic” but fragile. ",
    "Dr. Lee, who heads the U.S. office, declined to comment. ",
    "\n\n",
    "\n",
)
HOSTILE = (
    '"',
    "“",
    "”",
    "said that ",
    "— said ",
    "Mr. ",
    "The ",
    "The President Of The United States Said ",
    "according to ",
    "Президент заявил. ",
    "قال الرئيس. ",
    "总统说。",
    "😀 ",
    " *a",
    "'",
    "(",
    "\r\n",
    "\t",
    "...",
    "-",
)
texts = st.one_of(
    st.lists(st.sampled_from(NEWS + HOSTILE), min_size=1, max_size=60).map("".join),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=400).map("".join),
    st.text(min_size=1, max_size=400),
).filter(lambda t: t.strip())


def _records(value):
    """Every record with offsets in a stage's result (lists, nested records)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _records(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "start") and hasattr(value, "end"):
            yield value
        for field in dataclasses.fields(value):
            inner = getattr(value, field.name)
            if isinstance(inner, (list, tuple)) or dataclasses.is_dataclass(inner):
                yield from _records(inner)


def _check_offsets(text, result, name):
    for record in _records(result):
        assert 0 <= record.start <= record.end <= len(text), (name, record)
        if isinstance(getattr(record, "text", None), str):
            assert text[record.start : record.end] == record.text, (name, record)
    groups = result if name == "frames" else [result]
    for group in groups:
        spans = [(r.start, r.end) for r in group if hasattr(r, "start")]
        assert spans == sorted(spans), name


def _stages():
    stages = {
        "paragraphs": tokenize.paragraphs,
        "sentences": tokenize.sentences,
        "words": tokenize.words,
        "markdown": _markdown,
    }
    stages["quotes"] = quotes.extract
    stages["actors"] = actors.mentions
    stages["sentiment"] = sentiment.sentences
    stages["stance"] = stance.stances
    stages["frames"] = lambda text: _frames(frames, text)
    return stages


def _markdown(text):
    corpus.markdown_to_text(text)  # no offsets: Markdown text is new text
    return []


def _frames(frames, text):
    result = frames.analyze(text)
    return [list(result.cues), list(result.claims)]


STAGES = _stages()


@pytest.mark.parametrize("name", sorted(STAGES))
@settings(
    max_examples=25,
    deadline=None,  # the budget below is checked per stage, with a clear message
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(text=texts)
def test_every_stage_is_bounded_and_its_offsets_slice_the_text(name, text):
    began = time.process_time()
    result = STAGES[name](text)
    seconds = time.process_time() - began
    assert seconds < BUDGET, f"{name} took {seconds:.1f} s on {len(text)} characters"
    _check_offsets(text, result, name)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_the_whole_analysis_rows_slice_the_text(text):
    began = time.process_time()
    rows = pipeline.analyze(corpus.from_text(text))
    assert time.process_time() - began < 3 * BUDGET
    for table in ("sentences", "quotes", "mentions", "claims", "cues"):
        spans = []
        for row in rows[table]:
            assert text[row["start"] : row["end"]] == row["text"], table
            spans.append((row["start"], row["end"]))
        assert spans == sorted(spans), table


@pytest.mark.parametrize(
    ("shape", "size"),
    [
        ('"', 20_000),
        ("said that ", 20_000),
        ("Mr. ", 20_000),
        ("😀 ", 10_000),
        ("“The minister said the talks would resume.\n\n", 50_000),
    ],
)
def test_issue_shapes_do_not_stall_the_fast_stages(shape, size):
    """The stages this module's owners made linear, at a size that took seconds."""
    text = shape * (size // len(shape))
    began = time.process_time()
    tokenize.sentences(text)
    sentiment.sentences(text)
    corpus.markdown_to_text(text)
    assert time.process_time() - began < BUDGET
