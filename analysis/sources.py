"""Who is cited, with which verb: source types and reporting-verb connotation classes.

The verb that introduces a speaker carries the writer's evaluation of what is reported
(Bergler 1992; Soni et al. 2014): classes and their words are in
`analysis/data/verb_classes.tsv`. Source types come from the speaker's mention as
written (`analysis/data/source_types.tsv`) and, for a bare name or a pronoun, from the
actor gazetteer (`analysis.actors.canonical`) when it is installed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from analysis import lexicons, tokenize
from analysis.cues import Cue, SentenceLocator, WordMatcher

VERB_CLASSES = ("neutral", "endorsing", "distancing", "emotive", "directive")

SOURCE_TYPES = (
    "state media",
    "government official",
    "foreign government",
    "military",
    "intelligence",
    "expert or analyst",
    "international organisation",
    "document",
    "anonymous or vague",
    "politician",
    "media",
    "other",
    "narrator",
)

# Actor types of the gazetteer (analysis.actors) -> source type.
_ACTOR_TYPES = MappingProxyType(
    {
        "country": "foreign government",
        "bloc": "foreign government",
        "leader": "government official",
        "official": "government official",
        "state media": "state media",
        "media": "media",
        "military": "military",
        "international organisation": "international organisation",
        "anonymous source": "anonymous or vague",
    }
)

# A word before a verb form that makes it a noun or adjective ("the claims", "his
# orders", "member states"): closed-class words, kept here as constants.
_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this"}
    | {"that", "these", "those", "such", "member", "some", "any", "no", "every", "each"}
)

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SpeakerVerbs:
    """One speaker: how often quoted, how many words, and the verbs that cite them."""

    speaker: str
    source_type: str
    quotes: int
    words: int
    verbs: tuple[str, ...]
    verb_classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceShare:
    """One source type: its quotes and quoted words, and their share of all quotes."""

    source_type: str
    speakers: int
    quotes: int
    quote_share: float
    words: int
    word_share: float


@functools.cache
def _verb_table() -> tuple[MappingProxyType, WordMatcher]:
    by_form: dict[str, tuple[str, str]] = {}
    scanned = []
    for number, (cls, lemma, form, use) in enumerate(
        lexicons.table("verb_classes.tsv", 4), start=1
    ):
        if cls not in VERB_CLASSES:
            raise lexicons.LexiconError(f"verb_classes.tsv:{number}: class {cls!r}")
        if use not in ("scan", "cue"):
            raise lexicons.LexiconError(f"verb_classes.tsv:{number}: use {use!r}")
        key = form.lower()
        if key in by_form:
            raise lexicons.LexiconError(f"verb_classes.tsv: duplicate form {form!r}")
        by_form[key] = (cls, lemma)
        if use == "scan":
            scanned.append((key, (cls, lemma)))
    return MappingProxyType(by_form), WordMatcher(scanned)


@functools.cache
def _exceptions() -> MappingProxyType:
    out: dict[str, list[re.Pattern]] = {}
    for lemma, pattern in lexicons.table("verb_exceptions.tsv", 2):
        out.setdefault(lemma, []).append(re.compile(pattern, re.IGNORECASE))
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


def verb_class(cue: str | None) -> str | None:
    """The connotation class of a reporting cue ("said" -> neutral), or None.

    The whole cue is looked up first, then its words from the left ("pointed out
    that" -> endorsing); "according to" is neutral attribution.

    >>> verb_class("claimed"), verb_class("called for"), verb_class("ate")
    ('distancing', 'directive', None)
    """
    if not cue:
        return None
    key = _SPACE.sub(" ", cue.strip().lower())
    if key == "according to":
        return "neutral"
    by_form = _verb_table()[0]
    if key in by_form:
        return by_form[key][0]
    words = key.split(" ")
    for n in range(min(len(words), 3), 0, -1):
        for i in range(len(words) - n + 1):
            hit = by_form.get(" ".join(words[i : i + n]))
            if hit:
                return hit[0]
    return None


def verb_cues(
    text: str, sentences: Sequence[tokenize.Sentence] | None = None
) -> list[Cue]:
    """Reporting verbs in running text, each as a `verb class` cue, sorted.

    A form is skipped after a determiner or possessive ("the claims") and in the
    contexts of `verb_exceptions.tsv` ("claimed the title", "slammed the door").

    >>> [(c.label, c.text) for c in verb_cues("He claimed the title. She claimed it.")]
    [('distancing', 'claimed')]
    """
    locate = SentenceLocator(
        tokenize.sentences(text) if sentences is None else sentences
    )
    exceptions = _exceptions()
    out = []
    for hit in _verb_table()[1].find(text):
        cls, lemma = hit.values
        before = text[max(0, hit.start - 20) : hit.start].split()
        if before and before[-1].lower().strip("“\"'‘(") in _NOUN_MARKERS:
            continue
        if any(p.match(text, hit.end) for p in exceptions.get(lemma, ())):
            continue
        out.append(
            Cue(
                "verb class",
                cls,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                locate(hit.start),
            )
        )
    return out


@functools.cache
def _source_rows() -> tuple[tuple[str, re.Pattern], ...]:
    rows = []
    for number, (kind, pattern) in enumerate(
        lexicons.table("source_types.tsv", 2), start=1
    ):
        if kind not in SOURCE_TYPES:
            raise lexicons.LexiconError(f"source_types.tsv:{number}: type {kind!r}")
        rows.append((kind, re.compile(pattern, re.IGNORECASE)))
    return tuple(rows)


def _by_rows(mention: str) -> str | None:
    mention = _SPACE.sub(" ", mention.strip())
    for kind, regex in _source_rows():
        if regex.search(mention):
            return kind
    return None


def _actor_type(name: str) -> str | None:
    try:
        from analysis import actors
    except ImportError:  # the actor gazetteer is optional
        return None
    found = actors.canonical(name)
    if found is None:
        return None
    return _ACTOR_TYPES.get(found[1])


def source_type(speaker_text: str | None, speaker: str | None = None) -> str:
    """The source type of a speaker, from the mention as written and its resolved name.

    Returns "narrator" when there is no speaker at all.

    >>> source_type("state media reports"), source_type("Western sources")
    ('state media', 'anonymous or vague')
    >>> source_type("Intelligence reports from South Korea"), source_type(None, None)
    ('intelligence', 'narrator')
    """
    mentions = [m for m in (speaker_text, speaker) if m and m.strip()]
    if not mentions:
        return "narrator"
    for mention in mentions:
        kind = _by_rows(mention)
        if kind is not None:
            return kind
    for mention in reversed(mentions):
        kind = _actor_type(mention)
        if kind is not None:
            return kind
    return "other"


def _speaker_name(quote: Any) -> str:
    return quote.speaker or quote.speaker_text or "(unnamed)"


def _words(text: str) -> int:
    return sum(1 for t in tokenize.words(text) if t.text[:1].isalnum())


def attributed(quotes: Iterable[Any]) -> list[Any]:
    """The quotes that have a speaker or a cue (scare quotes have neither)."""
    return [
        q
        for q in quotes
        if q.kind != "scare" and (q.speaker or q.speaker_text or q.cue)
    ]


def speakers(quotes: Iterable[Any]) -> list[SpeakerVerbs]:
    """Per speaker: source type, quotes, quoted words and the verbs that cite them.

    Sorted by quotes (most first), then name.
    """
    groups: dict[str, list[Any]] = {}
    for q in attributed(quotes):
        groups.setdefault(_speaker_name(q), []).append(q)
    out = []
    for name, items in groups.items():
        first = items[0]
        verbs = sorted({_SPACE.sub(" ", q.cue.strip()) for q in items if q.cue})
        classes = sorted({c for v in verbs if (c := verb_class(v)) is not None})
        out.append(
            SpeakerVerbs(
                speaker=name,
                source_type=source_type(first.speaker_text, first.speaker),
                quotes=len(items),
                words=sum(_words(q.text) for q in items),
                verbs=tuple(verbs),
                verb_classes=tuple(classes),
            )
        )
    out.sort(key=lambda s: (-s.quotes, s.speaker))
    return out


def shares(quotes: Iterable[Any]) -> list[SourceShare]:
    """Per source type: speakers, quotes, quoted words and their shares.

    Sorted by quotes (most first), then type. Shares are over all attributed quotes
    and their words; an article with none gives an empty list.
    """
    people = speakers(quotes)
    total_quotes = sum(s.quotes for s in people)
    total_words = sum(s.words for s in people)
    by_type: dict[str, list[SpeakerVerbs]] = {}
    for s in people:
        by_type.setdefault(s.source_type, []).append(s)
    out = []
    for kind, items in by_type.items():
        n_quotes = sum(s.quotes for s in items)
        n_words = sum(s.words for s in items)
        out.append(
            SourceShare(
                source_type=kind,
                speakers=len(items),
                quotes=n_quotes,
                quote_share=n_quotes / total_quotes if total_quotes else 0.0,
                words=n_words,
                word_share=n_words / total_words if total_words else 0.0,
            )
        )
    out.sort(key=lambda s: (-s.quotes, s.source_type))
    return out
