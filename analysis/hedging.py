"""Hedges, evidentials and boosters, and the certainty they leave a claim with.

After Hyland (1998, 2005) on hedges and boosters, with the news evidentials he does not
list (reportedly, "according to", "yet to be confirmed"). Patterns and weights are in
`analysis/data/hedges.tsv`; see that file for what each weight means.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from analysis import lexicons, tokenize
from analysis.cues import Cue, SentenceLocator, Words, words_of

KINDS = ("hedge", "evidential", "booster")

# The verb group after a modal: adverbs and auxiliaries, then one word that is not a
# function word ("may have deployed", "could potentially advance", "might not be"); a
# capitalised word is a name, not the verb ("may be Donald Trump's kind of guy").
_VP = (
    r"(?:\s+(?:not|well|also|still|even|already|soon|eventually|potentially|possibly"
    r"|ultimately|yet|never|now|indeed|further|have\s+been|have|be|been))*"
    r"(?:\s+(?!(?:and|or|but|the|a|an|to|that|in|of|on|at|by|for|with|as)\b)"
    r"(?-i:[a-z]+(?:-[a-z]+)?))?"
)

# Certainty of a plain assertion in the narrator's voice, before any cue: below 1 so
# that a booster can still raise it (Soni et al. 2014 find readers rate unhedged
# reported claims high but not certain).
BASE_CERTAINTY = 0.8


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    label: str
    weight: float
    regex: re.Pattern
    order: int


@functools.cache
def _patterns() -> MappingProxyType:
    """First word -> the patterns whose matches can begin with it."""
    by_word: dict[str, list[_Pattern]] = {}
    for order, (kind, label, weight, first_words, pattern) in enumerate(
        lexicons.table("hedges.tsv", 5)
    ):
        if kind not in KINDS:
            raise lexicons.LexiconError(f"hedges.tsv: unknown kind {kind!r}")
        value = float(weight)
        if not 0.0 <= value <= 1.0:
            raise lexicons.LexiconError(f"hedges.tsv: weight {weight} not in [0, 1]")
        source = pattern.replace("{VP}", _VP)
        try:
            regex = re.compile(rf"(?:{source})(?![\w-])", re.IGNORECASE)
        except re.error as exc:
            raise lexicons.LexiconError(
                f"hedges.tsv: bad pattern {pattern!r}: {exc}"
            ) from exc
        words = [w.strip() for w in first_words.split(",") if w.strip()]
        if not words:
            raise lexicons.LexiconError(f"hedges.tsv: no first words for {pattern!r}")
        item = _Pattern(kind, label, value, regex, order)
        for word in words:
            by_word.setdefault(word, []).append(item)
    return MappingProxyType({w: tuple(ps) for w, ps in by_word.items()})


# The leading run of letters of an indexed word ("hasn't" -> "hasn", "so-called" ->
# "so"): the first word a pattern is keyed by.
_LEAD = re.compile(r"[a-z]+")


def find(
    text: str,
    sentences: Sequence[tokenize.Sentence] | None = None,
    words: Words | None = None,
) -> list[Cue]:
    """Hedge, evidential and booster cues in `text`, sorted by offset.

    Where two matches overlap, the longer wins (then the earlier line of the data
    file), so "yet to be officially confirmed" is one evidential, not a booster inside
    it. `words` may pass `cues.words_of(text)` if already computed.

    >>> [(c.kind, c.text) for c in find("Troops may have deployed, reportedly.")]
    [('hedge', 'may have deployed'), ('evidential', 'reportedly')]
    """
    by_word = _patterns()
    words = words_of(text) if words is None else words
    candidates = []
    # Only where a pattern's first word begins a word of the text.
    for key, where in words.positions.items():
        lead = _LEAD.match(key)
        patterns = by_word.get(lead.group()) if lead else None
        if not patterns:
            continue
        for i in where:
            start = words.spans[i][0]
            for p in patterns:
                hit = p.regex.match(text, start)
                if hit is None:
                    continue
                end = hit.end()
                # A verb group can end in white space when its last word was optional.
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    candidates.append((start, end, p))
    if not candidates:
        return []
    locate = SentenceLocator(
        tokenize.sentences(text) if sentences is None else sentences
    )
    candidates.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    taken = _Taken()
    cues = []
    for start, end, p in candidates:
        if not taken.add(start, end):
            continue
        cues.append(
            Cue(p.kind, p.label, start, end, text[start:end], locate(start), p.weight)
        )
    cues.sort(key=lambda c: (c.start, c.end, c.kind, c.label))
    return cues


class _Taken:
    """Disjoint spans kept sorted, so that an overlap check looks at two neighbours
    instead of every span taken (a text made of one cue repeated has thousands)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Take `[start, end)` unless it overlaps a span already taken."""
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        if i < len(self.starts) and self.starts[i] < end:
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


def certainty(cues: Iterable[Cue], base: float = BASE_CERTAINTY) -> float:
    """The certainty in [0, 1] that `cues` leave a claim with.

    Each hedge or evidential keeps `1 - weight` of the certainty; each booster closes
    `weight` of the gap to 1. Cues of other kinds are ignored.

    >>> round(certainty([Cue("hedge", "modal", 0, 3, "may", 0, 0.3)]), 2)
    0.56
    """
    value = min(max(base, 0.0), 1.0)
    for cue in sorted(cues, key=lambda c: (c.start, c.end, c.kind, c.label)):
        if cue.kind in ("hedge", "evidential"):
            value *= 1.0 - cue.weight
        elif cue.kind == "booster":
            value += (1.0 - value) * cue.weight
    return min(max(value, 0.0), 1.0)
