"""The `Cue` record shared by the framing modules, and whole-word lexicon matching.

A cue is a word or phrase in the article that signals something about framing (a
hedge, an evidential, a booster, a reporting verb's class, a frame or a loaded word).
`WordMatcher` finds lexicon entries (words, phrases and `prefix*` entries) on word
boundaries in one pass over the words of a text, longest entry first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from analysis import tokenize


@dataclass(frozen=True, slots=True)
class Cue:
    """A framing cue: `text == article_text[start:end]`.

    `kind` is one of hedge, evidential, booster, verb class, frame, loaded; `label`
    says which sort within the kind (e.g. modal, unconfirmed, distancing, Economic);
    `sentence` is the index into `tokenize.sentences(text)`; `weight` is how much the
    cue moves a claim's certainty (hedges and evidentials lower it, boosters raise it),
    for a frame cue its specificity in (0, 1] (docs/framing.md), 0 for other cues.
    """

    kind: str
    label: str
    start: int
    end: int
    text: str
    sentence: int
    weight: float = 0.0


class SentenceLocator:
    """Maps a character offset to the index of the sentence that holds it."""

    def __init__(self, sentences: Sequence[tokenize.Sentence]):
        """Index `sentences` (sorted, as `tokenize.sentences` returns them)."""
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]

    def __call__(self, offset: int) -> int:
        """The index of the sentence holding `offset` (the one before, in a gap)."""
        if not self.sentences:
            return 0
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[max(i, 0)].index

    def kind(self, offset: int) -> str:
        """The kind (sentence, title, byline) of the sentence holding `offset`."""
        if not self.sentences:
            return "sentence"
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[max(i, 0)].kind


# Words for lexicon matching: letters, digits, inner hyphens and apostrophes; a
# possessive 's is not part of the word ("regime's" -> "regime").
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+|['’](?![sS]\b)[A-Za-z0-9]+)*")
# Prefix entries are indexed by their first letters; no prefix may be shorter.
PREFIX_KEY = 4


def _starts_sentence(text: str, start: int) -> bool:
    """Whether only white space, an opening mark or sentence punctuation precedes."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0“‘\"'([":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r—–-…"


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text for lexicon matching, computed once for every lexicon.

    `positions` maps each lower-case word, each first PREFIX_KEY letters of a word
    (keyed with a leading "^") and "#" (a number) to where they occur, so that a
    lexicon only visits the words it may match.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    lowered: tuple[str, ...]
    positions: MappingProxyType

    def common(self, i: int) -> bool:
        """Whether word i may match an all-lower-case entry: it is lower case, all
        capitals, or capitalised at a sentence start."""
        start, end = self.spans[i]
        word = self.text[start:end]
        return (
            self.lowered[i] == word
            or word.isupper()
            or _starts_sentence(self.text, start)
        )


def words_of(text: str) -> Words:
    """Index the words of `text` for `WordMatcher.find`."""
    spans = [m.span() for m in _WORD.finditer(text)]
    lowered = list(map(str.lower, _WORD.findall(text)))  # the same matches, faster
    positions: dict[str, list[int]] = {}
    for i, low in enumerate(lowered):
        if low in positions:
            positions[low].append(i)
        else:
            positions[low] = [i]
    # Prefix and number keys, over the distinct words only.
    extra: dict[str, list[int]] = {}
    for low, where in positions.items():
        if len(low) >= PREFIX_KEY:
            extra.setdefault("^" + low[:PREFIX_KEY], []).extend(where)
        if low[0].isdigit():
            extra.setdefault("#", []).extend(where)
    for where in extra.values():
        where.sort()
    positions.update(extra)
    return Words(text, tuple(spans), tuple(lowered), MappingProxyType(positions))


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon hit: the entry that matched and the values it carries."""

    start: int
    end: int
    entry: str
    values: tuple[str, ...]


class WordMatcher:
    """Whole-word matching of words, phrases and `prefix*` entries.

    Each entry maps to a tuple of values (e.g. the frames it cues). Phrases are matched
    word by word; where entries overlap the longest wins, then the earliest. An entry
    with a capital letter ("Pentagon", "Social Security") matches in any case; an
    all-lower-case entry matches a capitalised word only at the start of a sentence or
    in an all-capitals word, so that "son" is not found in "Choe Son Hui".
    """

    def __init__(self, entries: Iterable[tuple[str, tuple[str, ...]]]):
        """Build the matcher from `(entry, values)` pairs."""
        # first word -> (entry words, is_prefix, entry, values, any_case), longest first
        self._first: dict[
            str, list[tuple[tuple[str, ...], bool, str, tuple, bool]]
        ] = {}
        # first PREFIX_KEY letters -> (stem, entry, values, any_case), longest first
        self._stems: dict[str, list[tuple[str, str, tuple, bool]]] = {}
        for entry, values in entries:
            prefix = entry.endswith("*")
            words = tuple(_WORD.findall(entry.rstrip("*").lower()))
            if not words:
                continue
            any_case = entry != entry.lower()
            if prefix and len(words) == 1:
                stem = words[0]
                if len(stem) < PREFIX_KEY:
                    raise ValueError(
                        f"prefix entry {entry!r} is shorter than {PREFIX_KEY}"
                    )
                self._stems.setdefault(stem[:PREFIX_KEY], []).append(
                    (stem, entry, values, any_case)
                )
            else:
                self._first.setdefault(words[0], []).append(
                    (words, prefix, entry, values, any_case)
                )
        for items in self._first.values():
            items.sort(key=lambda it: (-len(it[0]), it[2]))
        for stems in self._stems.values():
            stems.sort(key=lambda it: (-len(it[0]), it[1]))
        self._keys = frozenset(self._first) | frozenset("^" + k for k in self._stems)

    def find(self, text: str, words: Words | None = None) -> list[Match]:
        """Non-overlapping hits in `text` (whose `words_of` may be given), sorted."""
        words = words_of(text) if words is None else words
        spans, lowered = words.spans, words.lowered
        first, stems = self._first, self._stems
        # Only the words that may begin an entry are visited, in text order.
        vocabulary = words.positions.keys()
        starts: list[int] = []
        for key in vocabulary & self._keys:
            starts.extend(words.positions[key])
        starts = sorted(set(starts))
        out: list[Match] = []
        free = 0  # the first word not yet inside a match
        for i in starts:
            if i < free:
                continue
            word = lowered[i]
            hit = None
            candidates = first.get(word)
            if candidates:
                hit = self._phrase_at(lowered, i, words.common(i), candidates)
            if hit is None and len(word) >= PREFIX_KEY:
                for stem, entry, values, any_case in stems.get(word[:PREFIX_KEY], ()):
                    if (any_case or words.common(i)) and word.startswith(stem):
                        hit = (1, entry, values)
                        break
            if hit is None:
                continue
            length, entry, values = hit
            out.append(Match(spans[i][0], spans[i + length - 1][1], entry, values))
            free = i + length
        return out

    @staticmethod
    def _phrase_at(
        words: Sequence[str], i: int, common: bool, candidates: list
    ) -> tuple[int, str, tuple] | None:
        for seq, prefix, entry, values, any_case in candidates:
            if not (common or any_case):
                continue
            k = len(seq)
            if k == 1 and not prefix:
                return 1, entry, values
            if i + k > len(words):
                continue
            if prefix:
                ok = tuple(words[i : i + k - 1]) == seq[:-1] and words[
                    i + k - 1
                ].startswith(seq[-1])
            else:
                ok = tuple(words[i : i + k]) == seq
            if ok:
                return k, entry, values
        return None
