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

import functools
import math
import re
import string
from dataclasses import dataclass
from typing import Literal

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    scalar_inc_dec,
)

from analysis import document, lexicons

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
        self._emoji_chars = frozenset(self.emojis)

    def polarity_scores(self, text: str) -> tuple[float, ...]:
        # Upstream's rules with each word lower-cased once and the rules only run for
        # lexicon words (upstream lower-cases the whole sentence up to four times per
        # lexicon word, and copies the text character by character for emojis): 3-4x
        # faster. tests/test_sentiment.py checks it equals upstream's path.
        if not self._emoji_chars.isdisjoint(text):
            text = self._describe_emojis(text)
        text = text.strip()
        # Upstream's SentiText: white-space tokens, punctuation stripped off words
        # (a token left with two characters or fewer is kept: an emoticon).
        words = [
            token if len(stripped := token.strip(string.punctuation)) <= 2 else stripped
            for token in text.split()
        ]
        capitals = sum(map(str.isupper, words))
        is_cap_diff = 0 < len(words) - capitals < len(words)  # some words ALL CAPS
        lowered = list(map(str.lower, words))
        lexicon = self.lexicon
        last = len(words) - 1
        sentiments: list[float] = [0] * len(words)
        for i in [i for i, low in enumerate(lowered) if low in lexicon]:
            low = lowered[i]
            if low in BOOSTER_DICT or (
                low == "kind" and i < last and lowered[i + 1] == "of"
            ):
                continue  # a booster or "kind of" weighs nothing itself
            sentiments[i] = self._valence(words, lowered, i, is_cap_diff)
        return self.score_valence(_but(lowered, sentiments), text)

    def _describe_emojis(self, text: str) -> str:
        """Upstream's first step: each emoji becomes its description, space-separated.

        Upstream then runs its own rules, which re-scan the sentence for every word
        (10 kB of emoji took 13 s); the descriptions go through the rules above instead.
        """
        emojis = self.emojis
        parts: list[str] = []
        after_space = True
        for char in text:
            if char in emojis:
                if not after_space:
                    parts.append(" ")
                parts.append(emojis[char])
                after_space = False
            else:
                parts.append(char)
                after_space = char == " "
        return "".join(parts)

    def _valence(
        self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool
    ) -> float:
        """VADER's valence of the lexicon word at `i` (upstream `sentiment_valence`)."""
        lexicon = self.lexicon
        low = lowered[i]
        valence = lexicon[low]
        if low == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next word instead
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence += C_INCR if valence > 0 else -C_INCR
        for k in range(3):  # the three words before: boosters, negations, idioms
            if i > k and lowered[i - k - 1] not in lexicon:
                boost = scalar_inc_dec(words[i - k - 1], valence, is_cap_diff)
                if boost != 0 and k:
                    boost *= 0.95 if k == 1 else 0.9
                valence = _negation(valence + boost, lowered, k, i)
                if k == 2:
                    valence = _idioms(valence, lowered, i)
        if (  # "least good" negates; "at least", "very least" do not
            i > 0
            and lowered[i - 1] == "least"
            and "least" not in lexicon
            and (i == 1 or lowered[i - 2] not in ("at", "very"))
        ):
            valence *= N_SCALAR
        return valence

    @staticmethod
    def _but_check(
        words_and_emoticons: list[str], sentiments: list[float]
    ) -> list[float]:
        return _but([str(w).lower() for w in words_and_emoticons], sentiments)

    def score_valence(self, sentiments: list[float], text: str) -> tuple[float, ...]:
        positive = sum(s for s in sentiments if s > 0)
        negative = sum(s for s in sentiments if s < 0)
        return positive, negative, self._punctuation_emphasis(text)


def _but(lowered: list[str], sentiments: list[float]) -> list[float]:
    """VADER's "but" rule: words before the first "but" count half, after it 1.5 times.

    Upstream finds items with `sentiments.index(value)`, which picks the first of two
    equal valences; this scales by position instead.
    """
    if "but" not in lowered:
        return sentiments
    but = lowered.index("but")  # the first "but", as upstream
    return [
        s * 0.5 if i < but else s * 1.5 if i > but else s
        for i, s in enumerate(sentiments)
    ]


_NEGATE = frozenset(NEGATE)


def _negated(word: str) -> bool:
    return word in _NEGATE or "n't" in word


def _negation(valence: float, lowered: list[str], k: int, i: int) -> float:
    """Upstream `_negation_check` for the word `k + 1` places before `i`."""
    if k == 0:
        return valence * N_SCALAR if _negated(lowered[i - 1]) else valence
    if k == 1:
        if lowered[i - 2] == "never" and lowered[i - 1] in ("so", "this"):
            return valence * 1.25
        if lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            return valence
        return valence * N_SCALAR if _negated(lowered[i - 2]) else valence
    if (lowered[i - 3] == "never" and lowered[i - 2] in ("so", "this")) or lowered[
        i - 1
    ] in ("so", "this"):
        return valence * 1.25
    if lowered[i - 3] == "without" and "doubt" in (lowered[i - 2], lowered[i - 1]):
        return valence
    return valence * N_SCALAR if _negated(lowered[i - 3]) else valence


# First words of VADER's multi-word idioms and boosters: no sequence of words can match
# one unless it starts with one of these.
_IDIOM_STARTS = frozenset(
    key.split()[0] for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key
)


def _idioms(valence: float, lowered: list[str], i: int) -> float:
    """Upstream `_special_idioms_check` at `i` (i >= 3)."""
    if _IDIOM_STARTS.isdisjoint(lowered[i - 3 : i + 1]):
        return valence  # every sequence below starts at one of words i-3 .. i
    w3, w2, w1, w0 = lowered[i - 3], lowered[i - 2], lowered[i - 1], lowered[i]
    before = (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}")
    for seq in (*before, f"{w3} {w2}"):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowered) - 1 > i:
        after = f"{w0} {lowered[i + 1]}"
        if after in SPECIAL_CASES:
            valence = SPECIAL_CASES[after]
    if len(lowered) - 1 > i + 1:
        after = f"{w0} {lowered[i + 1]} {lowered[i + 2]}"
        if after in SPECIAL_CASES:
            valence = SPECIAL_CASES[after]
    for gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if gram in BOOSTER_DICT:  # "sort of", "kind of" before the word
            valence += BOOSTER_DICT[gram]
    return valence


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
    # What each word adds to the raw score: its own weight plus the weighted news tone.
    weights: dict[str, float]


@functools.cache
def _analyzer() -> _NewsVader:
    extra = {w: float(v) for w, v in lexicons.table("news_sentiment_lexicon.tsv", 2)}
    return _NewsVader(extra)


@functools.cache
def _model() -> _Model:
    raw = lexicons.mapping("news_sentiment_adjust.tsv")
    words = {k: float(v) for k, v in raw.items() if not k.startswith("@")}
    tone = {w: float(v) for w, v in lexicons.table("news_word_tone.tsv", 2)}
    tone_weight = float(raw["@tone_weight"])
    return _Model(
        positive_weight=float(raw["@positive_weight"]),
        base_weight=float(raw["@base_weight"]),
        tone_weight=tone_weight,
        intercept=float(raw["@intercept"]),
        scale=float(raw["@scale"]),
        shift=float(raw["@shift"]),
        words=words,
        tone=tone,
        weights={
            w: words.get(w, 0.0) + tone_weight * tone.get(w, 0.0)
            for w in sorted(words.keys() | tone.keys())
        },
    )


def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..+4) with the news words merged in (read-only use)."""
    return _analyzer().lexicon


def vader_sums(text: str) -> tuple[float, float, float]:
    """VADER's positive and negative valence sums and punctuation emphasis of `text`.

    Uses vaderSentiment's rules (negation, boosters, "but", idioms) with the news
    lexicon merged in; the sums are before VADER's normalisation. (Not cached: a cache
    on sentence text saved nothing measurable on PolNeAR train+dev.)
    """
    return tuple(_analyzer().polarity_scores(text))


def vader_parts(text: document.TextOrDocument) -> list[tuple[float, float, float]]:
    """`vader_sums` of every sentence of the document (bylines too), in order.

    Sentence tone and target stance both read them (`Document.vader_parts`), so each
    sentence goes through VADER once.
    """
    doc = document.of(text)
    return [vader_sums(sentence.text) for sentence in doc.sentences]


def base_score(text: str, positive_weight: float) -> float:
    """VADER's compound score with positive valences scaled by `positive_weight`."""
    return compound(vader_sums(text), positive_weight)


def compound(sums: tuple[float, float, float], positive_weight: float) -> float:
    """VADER's compound score of `vader_sums`, positive valences scaled."""
    positive, negative, emphasis = sums
    total = positive_weight * positive + negative
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return total / math.sqrt(total * total + ALPHA)


def features(text: str) -> list[str]:
    """The lower-cased word types of `text` that the linear correction reads, sorted."""
    return sorted(set(_WORD.findall(_fold(text))))


def _fold(text: str) -> str:
    return text.lower().replace("’", "'")


def _score(text: str, sums: tuple[float, float, float] | None = None) -> float:
    """The tone of `text`; `sums` are its `vader_sums` when already known."""
    model = _model()
    sums = vader_sums(text) if sums is None else sums
    raw = model.base_weight * compound(sums, model.positive_weight) + model.intercept
    # The word types of `features(text)` that carry a weight, in the same order.
    for w in sorted(model.weights.keys() & set(_WORD.findall(_fold(text)))):
        raw += model.weights[w]
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


def sentences(text: document.TextOrDocument) -> list[SentenceTone]:
    """The tone of every body sentence and the headline (credit lines are left out).

    Raises:
        ValueError: if `text` is empty or only white space.
    """
    doc = document.of(text)
    if not doc.text.strip():
        raise ValueError("cannot score empty text")
    out = []
    for sentence, sums in zip(doc.sentences, doc.vader_parts, strict=True):
        if sentence.kind == "byline":
            continue
        value = _score(sentence.text, sums)
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
