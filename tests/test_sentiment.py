import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment, tokenize
from analysis.document import Document
from tests.conftest import POLNEAR, needs_shared

GOLDEN = Path(__file__).parent / "golden" / "000_1bbc821df740a206.sentiment.json"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agreement is a great success for both countries.", "positive"),
        ("The talks ended in a breakthrough and a ceasefire.", "positive"),
        ("She praised his wise leadership.", "positive"),
        ("The shelling killed twelve civilians and wounded dozens.", "negative"),
        ("The invasion has caused terrible suffering.", "negative"),
        ("Critics condemned the brutal crackdown.", "negative"),
        ("The plan is not good.", "negative"),
        (
            "The minister did not condemn the attack, but praised the response.",
            "positive",
        ),
        ("The summit was cordial, but the outcome was a bitter failure.", "negative"),
        ("The meeting took place on Tuesday in the capital.", "neutral"),
        ("The committee will publish its report next week.", "neutral"),
    ],
)
def test_label_table(text, expected):
    assert sentiment.label(sentiment.score(text)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.06, "positive"),
        (0.05, "neutral"),
        (0.0, "neutral"),
        (-0.05, "neutral"),
        (-0.051, "negative"),
        (1.0, "positive"),
        (-1.0, "negative"),
    ],
)
def test_label_thresholds(value, expected):
    assert sentiment.label(value) == expected


def test_negation_lowers_score():
    assert sentiment.score("The result is good.") > sentiment.score(
        "The result is not good."
    )


def test_but_weights_the_second_clause():
    # After "but" the second clause dominates (VADER's rule, kept with enumerate).
    good_then_bad = sentiment.score("The plan is good, but the outcome is terrible.")
    bad_then_good = sentiment.score("The plan is terrible, but the outcome is good.")
    assert good_then_bad < bad_then_good


def test_news_words_are_scored():
    # War words VADER 3.3.2 lacks are in the news lexicon.
    assert sentiment.vader_lexicon()["invasion"] < 0
    assert sentiment.score("The invasion began.") < sentiment.score("The visit began.")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_an_error(text):
    with pytest.raises(ValueError, match="empty"):
        sentiment.score(text)
    with pytest.raises(ValueError, match="empty"):
        sentiment.sentences(text)


def test_scores_in_range_and_deterministic(seed_text):
    first = sentiment.sentences(seed_text)
    second = sentiment.sentences(seed_text)
    assert first == second
    for tone in first:
        assert -1.0 <= tone.score <= 1.0
        assert seed_text[tone.start : tone.end] == tone.text
        assert tone.label == sentiment.label(tone.score)
    assert [t.start for t in first] == sorted(t.start for t in first)


def test_sentences_skip_the_byline(seed_text):
    tones = sentiment.sentences(seed_text)
    body = [s for s in tokenize.sentences(seed_text) if s.kind != "byline"]
    assert [t.index for t in tones] == [s.index for s in body]
    assert "Team BharatShakti" not in [t.text for t in tones]


def test_extreme_inputs_stay_in_range():
    assert sentiment.score("great " * 200) <= 1.0
    assert sentiment.score("horrible " * 200) >= -1.0
    assert -1.0 <= sentiment.score("!!!???") <= 1.0


def test_golden_seed(seed_text, update_golden):
    tones = sentiment.sentences(seed_text)
    current = [
        {
            "index": t.index,
            "start": t.start,
            "end": t.end,
            "score": round(t.score, 4),
            "label": t.label,
        }
        for t in tones
    ]
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(current, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(
                f"wrote missing golden file {GOLDEN.name}; review and commit it"
            )
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [(e["index"], e["start"], e["end"], e["label"]) for e in expected] == [
        (c["index"], c["start"], c["end"], c["label"]) for c in current
    ]
    assert [c["score"] for c in current] == pytest.approx(
        [e["score"] for e in expected], abs=1e-4
    )


def test_cli_sentiment_json(seed_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "sentiment",
            str(seed_path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(out.stdout)
    assert rows
    assert set(rows[0]) >= {"index", "start", "end", "score", "label", "text"}


def test_cli_sentiment_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "analysis", "sentiment", str(empty)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


# The fast VADER path must score exactly as vaderSentiment's own method does (run on
# the same analyser, so with the news lexicon and the fixed "but" rule).
def _upstream(text):
    analyzer = sentiment._analyzer()
    return SentimentIntensityAnalyzer.polarity_scores(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "The deal is good.",
        "The deal is not good.",
        "The deal isn't very good at all.",
        "It was never so bad, and never this good.",
        "Without doubt a great win; without a doubt a loss.",
        "No problem, no good deed, no or nor bad.",
        "There is no hope or joy.",
        "It is kind of nice and sort of awful, kinda sad.",
        "The GREAT victory was a TERRIBLE mistake.",
        "THE WHOLE TEXT IS IN CAPITALS AND IT IS GOOD.",
        "He is extremely happy but somewhat worried about the EXTREMELY bad news.",
        "At least the good news, the least good news, very least bad.",
        "Least good.",
        "Yeah right, that was the bomb, the shit, a bad ass kiss of death.",
        "a beating heart to die for",
        "Wow!!! Is this good?? Really??? Terrible!!!!!",
        "Great :) :( :-) ok",
        "“Disgraceful,” he said — a ‘shameful’ act (truly awful).",
        "Good 😀 news and bad 💔 news.",
        "",
        "   ",
        "but",
        "good but bad but good",
        "The attack killed 12; 'horrific', officials said.",
    ],
)
def test_fast_vader_equals_upstream(text):
    fast = sentiment._analyzer().polarity_scores(text)
    assert fast == _upstream(text)
    assert [type(v) for v in fast] == [type(v) for v in _upstream(text)]


_VOCAB = (
    "good bad not never no nor or so this without doubt kind of sort least at very "
    "extremely somewhat but GREAT Terrible the bomb yeah right kiss death isn't "
    "hardly n't love hate war peace ! ? , . “ ” :) 😀"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=14))
def test_fast_vader_equals_upstream_property(words):
    text = " ".join(words)
    assert sentiment._analyzer().polarity_scores(text) == _upstream(text)


@needs_shared
def test_fast_vader_equals_upstream_on_polnear():
    texts = [
        s.text
        for path in sorted(POLNEAR.glob("raw/dev/text/*.txt"))
        for s in tokenize.sentences(path.read_text(encoding="utf-8"))
    ]
    assert len(texts) > 1000
    analyzer = sentiment._analyzer()
    differ = [t for t in texts if analyzer.polarity_scores(t) != _upstream(t)]
    assert differ == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials praised the deal. Critics called it a disaster!",
        "  Leading white space.\n\nA second paragraph, not so good.  ",
        "By Jane Doe\n\nThe talks failed. Nobody was happy.",  # a byline first
        "😀 An emoji opens it. 😡 And another.",
    ],
)
def test_vader_parts_are_each_sentences_sums(text):
    doc = Document(text)
    parts = doc.vader_parts
    assert len(parts) == len(doc.sentences)
    for sentence, sums in zip(doc.sentences, parts, strict=True):
        assert sums == sentiment.vader_sums(sentence.text)
        # Stance scores a sentence from its first to its last token: the same sums.
        assert sums == sentiment.vader_sums(sentence.text.strip())
    # Sentence tone from the shared sums equals tone from the text alone.
    for tone in doc.tones:
        assert tone.score == sentiment.score(tone.text)
