"""How positive or negative is a sentence or a quote? VADER, fitted to news.

Method: VADER (Hutto & Gilbert, ICWSM 2014) as the vaderSentiment 3.3.2 package ships it
(its own `SentimentIntensityAnalyzer` reading the `vader_lexicon.txt` inside the wheel).
We use vaderSentiment rather than NLTK's port because it is the reference implementation
(r 0.503 against 0.490 on the NYT editorials), about twice as fast, and loads its lexicon
from its own package folder with no `nltk.data.path` set-up. Three changes fit it to news:

1. `news_sentiment_lexicon.tsv`: war and conflict words VADER lacks ("invasion",
   "shelling", "casualties"), written for this project and merged into VADER's lexicon.
2. Editorial raters read VADER's positive words as much weaker than its negative words
   ("hope", "support", "good" in a critical editorial): positive valences are
   down-weighted before VADER's normalisation.
3. `news_sentiment_adjust.tsv`: a small linear correction (per-word weights, the weight
   of the VADER score and of the summed news word tone of `news_word_tone.tsv`, itself
   derived from NewsMTSC train), fitted by ridge regression with
   `tools/train_sentiment.py` on one half of the NYT editorial snippets in ../shared
   (editorials numbered 0 mod 4).

VADER's "but" rule is re-implemented with `enumerate` (upstream's `list.index` scales
the wrong item when two words have the same valence).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from typing import Literal

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import cli, lexicons, tokenize

Label = Literal["negative", "neutral", "positive"]

# VADER paper: a compound score above +0.05 is positive, below -0.05 negative.
THRESHOLD = 0.05
# VADER's normalisation constant: x / sqrt(x^2 + alpha).
ALPHA = 15.0

_WORD = re.compile(r"[a-z][a-z'’-]*")


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """The tone of one sentence (or the headline) of an article."""

    index: int
    start: int
    end: int
    text: str
    score: float
    label: Label


class _NewsVader(SentimentIntensityAnalyzer):
    """vaderSentiment's analyser with news words, a fixed "but" rule, and raw sums."""

    def __init__(self, extra: dict[str, float]) -> None:
        super().__init__()
        self.lexicon = {**self.lexicon, **extra}

    @staticmethod
    def _but_check(
        words_and_emoticons: list[str], sentiments: list[float]
    ) -> list[float]:
        # Upstream finds items with `sentiments.index(value)`, which picks the first of
        # two equal valences; scale by position instead.
        lowered = [w.lower() for w in words_and_emoticons]
        if "but" not in lowered:
            return sentiments
        but = lowered.index("but")  # the first "but", as upstream
        return [
            s * 0.5 if i < but else s * 1.5 if i > but else s
            for i, s in enumerate(sentiments)
        ]

    def score_valence(self, sentiments: list[float], text: str) -> tuple[float, ...]:
        positive = sum(s for s in sentiments if s > 0)
        negative = sum(s for s in sentiments if s < 0)
        return positive, negative, self._punctuation_emphasis(text)


@dataclass(frozen=True, slots=True)
class _Model:
    positive_weight: float
    base_weight: float
    tone_weight: float
    intercept: float
    scale: float
    shift: float
    words: dict[str, float]
    tone: dict[str, float]


@functools.cache
def _analyzer() -> _NewsVader:
    extra = {w: float(v) for w, v in lexicons.table("news_sentiment_lexicon.tsv", 2)}
    return _NewsVader(extra)


@functools.cache
def _model() -> _Model:
    raw = lexicons.mapping("news_sentiment_adjust.tsv")
    words = {k: float(v) for k, v in raw.items() if not k.startswith("@")}
    return _Model(
        positive_weight=float(raw["@positive_weight"]),
        base_weight=float(raw["@base_weight"]),
        tone_weight=float(raw["@tone_weight"]),
        intercept=float(raw["@intercept"]),
        scale=float(raw["@scale"]),
        shift=float(raw["@shift"]),
        words=words,
        tone={w: float(v) for w, v in lexicons.table("news_word_tone.tsv", 2)},
    )


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..+4) with the news words merged in (read-only use)."""
    return _analyzer().lexicon


@functools.lru_cache(maxsize=4096)
def vader_sums(text: str) -> tuple[float, float, float]:
    """VADER's positive and negative valence sums and punctuation emphasis of `text`.

    Uses vaderSentiment's rules (negation, boosters, "but", idioms) with the news
    lexicon merged in; the sums are before VADER's normalisation. Cached: the sentence
    table, stance and the pipeline score the same sentences.
    """
    return tuple(_analyzer().polarity_scores(text))


def base_score(text: str, positive_weight: float) -> float:
    """VADER's compound score with positive valences scaled by `positive_weight`."""
    positive, negative, emphasis = vader_sums(text)
    total = positive_weight * positive + negative
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return total / math.sqrt(total * total + ALPHA)


def features(text: str) -> list[str]:
    """The lower-cased word types of `text` that the linear correction reads, sorted."""
    return sorted(set(_WORD.findall(text.lower().replace("’", "'"))))


def _score(text: str) -> float:
    model = _model()
    raw = model.base_weight * base_score(text, model.positive_weight) + model.intercept
    for w in features(text):
        raw += model.words.get(w, 0.0) + model.tone_weight * model.tone.get(w, 0.0)
    return max(-1.0, min(1.0, model.scale * raw + model.shift))


def score(text: str) -> float:
    """The tone of a sentence or quote, from -1 (negative) to +1 (positive).

    >>> score("The talks were a great success.") > 0.05
    True
    >>> score("The shelling killed twelve civilians.") < -0.05
    True

    Raises:
        ValueError: if `text` is empty or only white space.
    """
    if not text or not text.strip():
        raise ValueError("cannot score empty text")
    return _score(text)


def label(value: float) -> Label:
    """ "negative", "neutral" or "positive" with VADER's thresholds of +-0.05."""
    if value > THRESHOLD:
        return "positive"
    if value < -THRESHOLD:
        return "negative"
    return "neutral"


def sentences(text: str) -> list[SentenceTone]:
    """The tone of every body sentence and the headline (credit lines are left out).

    Raises:
        ValueError: if `text` is empty or only white space.
    """
    if not text or not text.strip():
        raise ValueError("cannot score empty text")
    out = []
    for sentence in tokenize.sentences(text):
        if sentence.kind == "byline":
            continue
        value = _score(sentence.text)
        out.append(
            SentenceTone(
                sentence.index,
                sentence.start,
                sentence.end,
                sentence.text,
                value,
                label(value),
            )
        )
    return out


def _run(article, args) -> list[dict]:
    return [dataclasses.asdict(tone) for tone in sentences(article.text)]


CLI_COMMAND = cli.Command(
    "sentiment",
    "tone of each sentence (VADER fitted to news), from -1 to +1, with its label",
    _run,
    ("index", "start", "end", "score", "label", "text"),
)
