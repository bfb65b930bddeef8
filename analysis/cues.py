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

from analysis import tokenize


@dataclass(frozen=True, slots=True)
class Cue:
    """A framing cue: `text == article_text[start:end]`.

    `kind` is one of hedge, evidential, booster, verb class, frame, loaded; `label`
    says which sort within the kind (e.g. modal, unconfirmed, distancing, Economic);
    `sentence` is the index into `tokenize.sentences(text)`; `weight` is how much the
    cue moves a claim's certainty (hedges and evidentials lower it, boosters raise it;
    0 for cues that do not bear on certainty).
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


# Words for lexicon matching: letters, digits, inner hyphens and apostrophes.
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")


def _starts_sentence(text: str, start: int) -> bool:
    """Whether only white space, an opening mark or sentence punctuation precedes."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0“‘\"'([":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r—–-…"


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
        """Build the matcher from `(entry, values)` pairs (entries lower case)."""
        # first word -> (entry words, is_prefix, entry, values, any_case), longest first
        self._exact: dict[str, list[tuple[tuple[str, ...], bool, str, tuple]]] = {}
        self._prefixes: dict[str, list[tuple[tuple[str, ...], bool, str, tuple]]] = {}
        self._prefix_lengths: set[int] = set()
        for entry, values in entries:
            prefix = entry.endswith("*")
            words = tuple(_WORD.findall(entry.rstrip("*").lower()))
            if not words:
                continue
            item = (words, prefix, entry, values, entry != entry.lower())
            if prefix and len(words) == 1:
                self._prefixes.setdefault(words[0], []).append(item)
                self._prefix_lengths.add(len(words[0]))
            else:
                self._exact.setdefault(words[0], []).append(item)
        for table in (self._exact, self._prefixes):
            for items in table.values():
                items.sort(key=lambda it: (-len(it[0]), it[2]))
        self._lengths = sorted(self._prefix_lengths, reverse=True)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping hits in `text[start:end]`, sorted by offset."""
        end = len(text) if end is None else end
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        lowered = [text[s:e].lower() for s, e in spans]
        # Which words may match an all-lower-case entry: lower case, all capitals, or
        # capitalised at a sentence start.
        common = [
            low == text[s:e] or text[s:e].isupper() or _starts_sentence(text, s)
            for (s, e), low in zip(spans, lowered, strict=True)
        ]
        out: list[Match] = []
        i = 0
        n = len(spans)
        while i < n:
            hit = self._match_at(lowered, i, common[i])
            if hit is None:
                i += 1
                continue
            length, entry, values = hit
            out.append(Match(spans[i][0], spans[i + length - 1][1], entry, values))
            i += length
        return out

    def _match_at(
        self, words: list[str], i: int, common: bool
    ) -> tuple[int, str, tuple] | None:
        word = words[i]
        for seq, prefix, entry, values, any_case in self._exact.get(word, ()):
            if not (common or any_case):
                continue
            k = len(seq)
            if (
                tuple(words[i : i + k]) == seq
                if not prefix
                else (
                    tuple(words[i : i + k - 1]) == seq[:-1]
                    and i + k <= len(words)
                    and words[i + k - 1].startswith(seq[-1])
                )
            ):
                return k, entry, values
        for length in self._lengths:
            if len(word) >= length:
                for _seq, _prefix, entry, values, any_case in self._prefixes.get(
                    word[:length], ()
                ):
                    if common or any_case:
                        return 1, entry, values
        return None
