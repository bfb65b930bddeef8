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

from analysis import document, lexicons, tokenize
from analysis.cues import Cue, SentenceLocator, WordMatcher, Words

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
    "business",
    "advocacy or NGO",
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
        # open-class actors (analysis.actors)
        "company": "business",
        "advocacy group": "advocacy or NGO",
        "party": "politician",
        "armed group": "military",
        "government body": "government official",
        # unnamed collectives ("police", "voters") and texts ("the poll")
        "group": "anonymous or vague",
        "document": "document",
    }
)
# Actor types whose country decides between a home and a foreign government.
_STATE_TYPES = frozenset({"country", "bloc", "government body", "other"})
# Organisation types a speaker's actor gives before any role word of the mention
# ("Google" is a business even when "a Google spokesman" speaks).
_ORG_FIRST = frozenset(
    {"company", "advocacy group", "party", "armed group", "government body"}
)

# A word before a verb form that makes it a noun or adjective ("the claims", "his
# orders", "member states"): closed-class words, kept here as constants.
_NOUN_MARKERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this"}
    | {"these", "those", "such", "member", "no"}
)

_SPACE = re.compile(r"\s+")

# The source of a claim or quote with no speaker named ("reportedly", a cue alone).
UNATTRIBUTED = "unattributed"


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
    text: str,
    sentences: Sequence[tokenize.Sentence] | None = None,
    words: Words | None = None,
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
    for hit in _verb_table()[1].find(text, words):
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


def _by_rows(mention: str, skip: frozenset[str] = frozenset()) -> str | None:
    mention = _SPACE.sub(" ", mention.strip())
    for kind, regex in _source_rows():
        if kind not in skip and regex.search(mention):
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
    return _source_type(speaker_text, speaker)


@functools.lru_cache(maxsize=8192)
def _source_type(speaker_text: str | None, speaker: str | None) -> str:
    # Cached: the actor gazetteer's `canonical` is costly and speakers repeat.
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
    return quote.speaker or quote.speaker_text or UNATTRIBUTED


_COUNTED_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(text: str) -> int:
    return sum(1 for _ in _COUNTED_WORD.finditer(text))


def attributed(quotes: Iterable[Any]) -> list[Any]:
    """The quotes that have a speaker or a cue (scare quotes have neither)."""
    return [
        q
        for q in quotes
        if q.kind != "scare" and (q.speaker or q.speaker_text or q.cue)
    ]


# Rows that describe a group or a text, not the role of a named person: not used on
# the words around a name ("John Smith, a senior official" is an official).
_CONTEXT_SKIP = frozenset({"anonymous or vague", "document"})
_PRE_CUT = re.compile(r".*[.;:!?()\[\]“”\"\n—–]|.*,\s")  # not "LONDON —"
_APPOSITIVE = re.compile(
    r",\s+((?:a|an|the|who|whose|[a-z])[^,.;:()\[\]“”\"\n]{0,100})"
)
# A capitalised role in apposition, closed by punctuation ("X, NUJ General Secretary.").
_CAPITAL_ROLE = re.compile(r",\s+([A-Z][^,.;:()\[\]“”\"\n]{0,60})(?=[,.;:])")
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# "Speaking to the BBC News website Mr Molyneux": the words before a name after a speech
# verb name whom the speaker addresses, not the speaker's role.
# A speaker phrase that opens with whom the speaker addresses ("Speaking to the BBC
# News website Mr Molyneux"): its words are no role of the speaker.
_ADDRESSED = re.compile(
    r"(?:speaking|talking|writing|explaining|told)\s+(?:to|with)?\b", re.IGNORECASE
)
_ADDRESSEE = re.compile(
    r"\b(?:speaking|talking|spoke|told|telling|writing|wrote)\s+(?:to|with)?\b",
    re.IGNORECASE,
)


def _role_words(text: str, start: int, end: int) -> list[str]:
    """The title before a name and the appositive after it ("strategist X, a ...")."""
    pre = text[max(0, start - 60) : start]
    cut = _PRE_CUT.match(pre)
    pre = pre[cut.end() :] if cut else pre
    if _ADDRESSEE.search(pre):
        pre = ""
    out = [" ".join(pre.split()[-5:])]
    appositive = _APPOSITIVE.match(text, end, min(len(text), end + 120))
    if appositive:
        out.append(appositive.group(1))
    return [w for w in out if w.strip()]


# "head of research at Acme Bank", "Doug Williams of BT": the organisation a person works
# for (a run of capitalised words after "at", "of" or "for").
_ORG_OF = re.compile(
    r"\b(?:at|of|for|from)\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w.&'-]*)*)"
)
# Role nouns that follow an employer's name ("NUJ official", "Telegraph executive").
_ROLE_NOUNS = frozenset(
    {"official", "officer", "secretary", "spokesman", "spokeswoman", "spokesperson"}
    | {"executive", "director", "chief", "head", "chairman", "chairwoman", "boss"}
    | {"president", "manager", "analyst", "economist", "editor", "researcher"}
)
# Organisation types whose members speak as that type; not a country ("Mary of Denmark").
_EMPLOYER_TYPES = _ORG_FIRST | {"media", "state media"}


def _employer(
    words: str, article: dict[str, tuple[str, str, str | None]]
) -> tuple[str, str, str | None] | None:
    """The organisation of the article that a role phrase names as the employer:
    after "at", "of", "for" ("head of research at Acme Bank"), or opening the role
    ("NUJ official", "NUJ General Secretary", "Telegraph executive")."""
    for match in _ORG_OF.finditer(words):
        actor = _article_actor(match.group(1), article)
        if actor is not None and actor[1] in _EMPLOYER_TYPES:
            return actor
    tokens = words.split()
    for k in range(min(len(tokens) - 1, 4), 0, -1):
        role = tokens[k:]
        at = next((i for i, w in enumerate(role) if w.lower() in _ROLE_NOUNS), None)
        if len(role) > 6 or at is None or any(w[:1].isupper() for w in role[at + 1 :]):
            continue  # no role, or a name after it ("NAACP president Ben Jealous")
        org = " ".join(tokens[:k]).removesuffix("'s").removesuffix("’s")
        if (
            not all(w[:1].isupper() for w in tokens[:k])
            or not org.replace(" ", "").isalnum()
        ):
            continue  # a name of capitalised words only: not "POOL New/Reuters."
        actor = _article_actor(org, article)
        if actor is not None and actor[1] in _EMPLOYER_TYPES:
            return actor
    return None


def _spans(
    text: str, quotes: Sequence[Any], name: str, named: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Where the speaker is named: the first use of the name, each quote's, then the
    other mentions of the speaker's actor ("Federal Reserve chairman Mr Greenspan")."""
    spans = [
        (q.speaker_start, q.speaker_end)
        for q in quotes
        if q.speaker_start is not None and q.speaker_end is not None
    ]
    first = text.find(name) if len(name) > 3 else -1
    if first >= 0:
        spans.insert(0, (first, first + len(name)))
    return spans + [s for s in named if s not in spans]


def _context_type(
    text: str, quotes: Sequence[Any], name: str, named: Sequence[tuple[int, int]] = ()
) -> str | None:
    for start, end in _spans(text, quotes, name, named):
        for words in _role_words(text, start, end):
            kind = _by_rows(words, skip=_CONTEXT_SKIP)
            if kind is not None:
                return kind
    return None


# Lower-case office words that a title before a name may hold ("Federal Reserve
# chairman Mr Greenspan"); any other lower-case word ends the title ("the officer who
# shot Scott").
_TITLE_NOUNS = frozenset(
    {"chairman", "chairwoman", "chair", "chief", "head", "president", "director"}
    | {"governor", "minister", "secretary", "spokesman", "spokeswoman", "executive"}
    | {"economist", "analyst", "strategist", "professor", "boss", "founder", "editor"}
    | {"manager", "coach", "captain", "adviser", "advisor", "general"}
)


def _title_type(text: str, named: Sequence[tuple[int, int]]) -> str | None:
    """The type of a title right before another mention of the person: its words
    capitalised or office words only, read back from the name."""
    for start, end in named:
        words = text[max(0, start - 60) : start].split()
        title: list[str] = []
        for word in reversed(words):
            bare = word.strip(',.;:()"“”')
            if bare != word or not bare:
                break
            if not (bare[0].isupper() or bare in _TITLE_NOUNS):
                break
            title.insert(0, bare)
        kind = _by_rows(" ".join(title), skip=_CONTEXT_SKIP) if title else None
        if kind is not None:
            return kind
        appositive = _APPOSITIVE.match(text, end, min(len(text), end + 120))
        if appositive:
            kind = _by_rows(appositive.group(1), skip=_CONTEXT_SKIP)
            if kind is not None:
                return kind
    return None


_ORG_ROLE = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<org>.+?)(?:['’]s)?\s+(?:head|chief|chairman|chairwoman"
    r"|chair|boss|president|director|governor|executive|chief\s+executive)$",
    re.IGNORECASE,
)


def _employer_of(
    text: str | None,
    items: list[Any],
    name: str,
    mentions: list[str],
    article: dict[str, tuple[str, str, str | None]],
    named: Sequence[tuple[int, int]] = (),
) -> tuple[str, str, str | None] | None:
    """The organisation a speaker works for: "Federal Reserve head", "Doug Williams of
    BT", "Robert Sinche, head of currency strategy at Bank of America"."""
    for mention in mentions:
        match = _ORG_ROLE.match(_SPACE.sub(" ", mention.strip()))
        if match is not None:
            actor = _article_actor(match.group("org"), article)
            if actor is not None and actor[1] in _EMPLOYER_TYPES:
                return actor
        actor = _employer(mention, article)
        if actor is not None:
            return actor
    if text is None:
        return None
    for start, end in _spans(text, items, name, named):
        # a capitalised role in apposition names the employer, not an office:
        # "Jeremy Dear, NUJ General Secretary", "Katie Harbath, Facebook's ... director"
        role = _CAPITAL_ROLE.match(text, end, min(len(text), end + 80))
        for words in _role_words(text, start, end) + ([role.group(1)] if role else []):
            actor = _employer(words, article)
            if actor is not None:
                return actor
    return None


def speaker_types(
    quotes: Iterable[Any], text: document.TextOrDocument | None = None
) -> dict[str, str]:
    """The source type of every speaker of `quotes` (by `Claim.source` name).

    The type comes from the first of: the organisation a spokesperson speaks for ("a
    Google spokesman" is a business source); the speaker's own actor when the article
    makes it an organisation (a company, an NGO, a government body); any mention of the
    speaker as written ("Sen. Cruz"); the canonical name; the title or appositive
    around a mention in `text` ("Democratic strategist Tad Devine", "Jared Sexton, a
    professor"); the actor gazetteer; an unresolved "I" or "we" is the narrator; else
    "other". With `text`, the story's home country (`home_country`) decides what is
    foreign: a government of the home country is a government source, not a foreign one.
    """
    groups: dict[str, list[Any]] = {}
    for q in attributed(quotes):
        groups.setdefault(_speaker_name(q), []).append(q)
    doc = document.of(text) if text is not None else None
    article = _article_actors(doc) if doc is not None else {}
    home = home_country(doc) if doc is not None else None
    text = doc.text if doc is not None else None
    named = _person_spans(doc) if doc is not None else {}
    out = {}
    for name, items in groups.items():
        written = list(
            dict.fromkeys(m for q in items for m in (q.speaker_text, q.speaker) if m)
        )
        mentions = [m for m in written if not _ADDRESSED.match(m)] or written
        out[name] = _speaker_type(
            name, items, mentions, text, article, home, named.get(name, ())
        )
    return out


_NAMED_SPANS = 6  # the first mentions of a person searched for a role


def _person_spans(doc: document.Document) -> dict[str, tuple[tuple[int, int], ...]]:
    """The first mentions of each person of the article, by actor name."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in doc.mentions:
        if m.type in ("leader", "official", "person"):
            spans = out.setdefault(m.actor, [])
            if len(spans) < _NAMED_SPANS:
                spans.append((m.start, m.end))
    return {k: tuple(v) for k, v in out.items()}


def _speaker_type(
    name: str,
    items: list[Any],
    mentions: list[str],
    text: str | None,
    article: dict[str, tuple[str, str, str | None]],
    home: str | None,
    named: Sequence[tuple[int, int]] = (),
) -> str:
    found = next(
        (f for m in mentions if (f := _spoken_for(m, article)) is not None), None
    )
    if found is None:
        found = next(
            (
                a
                for m in reversed(mentions)
                if (a := _article_actor(m, article)) is not None and a[1] in _ORG_FIRST
            ),
            None,
        )
    if found is not None:
        return _home_type(_ACTOR_TYPES.get(found[1], "other"), found, home)
    kind = next((k for m in mentions if (k := _rows_cached(m)) is not None), None)
    if kind is None and text is not None:
        kind = _context_type(text, items, name)
    if kind in (None, "government official"):
        # "a spokesman at Acme Bank", "a director of Google": the employer's type says
        # more than an office word that any organisation has.
        employer = _employer_of(text, items, name, mentions, article)
        if employer is not None:
            return _home_type(_ACTOR_TYPES.get(employer[1], "other"), employer, home)
    if kind is None:
        # The speaker's actor as the article types it (an open-class official, a
        # company), else as the gazetteer does: the same type every table shows.
        actor = next(
            (a for m in reversed(mentions) if (a := _article_actor(m, article))),
            None,
        )
        if actor is not None and actor[1] in _ACTOR_TYPES:
            return _home_type(_ACTOR_TYPES[actor[1]], actor, home)
        kind = next(
            (k for m in reversed(mentions) if (k := _actor_cached(m)) is not None),
            None,
        )
    if kind is None and text is not None and named:
        # Last, the role words around the person's other mentions ("Federal Reserve
        # chairman Mr Greenspan" after "Alan Greenspan said").
        kind = _title_type(text, named)
        employer = None if kind else _employer_of(text, (), "", [], article, named)
        if employer is not None:
            return _home_type(_ACTOR_TYPES.get(employer[1], "other"), employer, home)
    if kind is None and all(m.lower() in _FIRST_PERSON for m in mentions):
        kind = "narrator"
    if kind == "foreign government" and home is not None:
        actor = next(
            (a for m in reversed(mentions) if (a := _article_actor(m, article))), None
        )
        if actor is not None:
            return _home_type(kind, actor, home)
    return kind or "other"


def _home_type(kind: str, actor: tuple[str, str, str | None], home: str | None) -> str:
    """A government of the home country is a government source, any other foreign."""
    name, actor_type, country = actor
    if actor_type not in _STATE_TYPES or kind not in (
        "foreign government",
        "government official",
    ):
        return kind
    if actor_type == "government body":
        # A body named without a country is the home country's ("the FAA").
        foreign = country is not None and home is not None and country != home
        return "foreign government" if foreign else "government official"
    if home is None:
        return kind
    return "government official" if home in (name, country) else "foreign government"


_SPOKESPERSON = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<org>.+?)(?:['’]s)?\s+spokes(?:man|woman|person|people|men|women)$"
    r"|^(?:an?\s+|the\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(?P<org2>.+)$",
    re.IGNORECASE,
)


def _spoken_for(
    mention: str, article: dict[str, tuple[str, str, str | None]]
) -> tuple[str, str, str | None] | None:
    """The organisation "a Google spokesman" or "a spokeswoman for Acme" speaks for."""
    match = _SPOKESPERSON.match(_SPACE.sub(" ", mention.strip()))
    if match is None:
        return None
    org = match.group("org") or match.group("org2")
    actor = _article_actor(org, article)
    if actor is None:
        return None
    return actor if actor[1] not in ("leader", "official", "person") else None


def _article_actor(
    mention: str, article: dict[str, tuple[str, str, str | None]]
) -> tuple[str, str, str | None] | None:
    """(actor, type, country) of a mention: as the article names it, else the gazetteer."""
    key = _SPACE.sub(" ", mention.strip()).removeprefix("the ").removeprefix("The ")
    if key in article:
        return article[key]
    try:
        from analysis import actors
    except ImportError:
        return None
    found = actors.canonical(key)
    if found is None:
        return None
    return found[0], found[1], actors.affiliation(found[0])


def _article_actors(doc: document.Document) -> dict[str, tuple[str, str, str | None]]:
    """Every alias the article uses -> (actor, type, country)."""
    try:
        from analysis import actors
    except ImportError:
        return {}
    out: dict[str, tuple[str, str, str | None]] = {}
    for a in doc.actors:
        country = actors.affiliation(a.actor)
        for alias in (a.actor, *a.aliases):
            out.setdefault(alias, (a.actor, a.type, country))
    return out


def home_country(text: document.TextOrDocument) -> str | None:
    """The story's home country (`analysis.actors.home_country`), or None."""
    try:
        from analysis import actors
    except ImportError:
        return None
    return actors.home_country(text)


@functools.lru_cache(maxsize=8192)
def _rows_cached(mention: str) -> str | None:
    return _by_rows(mention)


@functools.lru_cache(maxsize=8192)
def _actor_cached(mention: str) -> str | None:
    return _actor_type(mention)


def speakers(
    quotes: Iterable[Any],
    text: document.TextOrDocument | None = None,
    types: dict[str, str] | None = None,
) -> list[SpeakerVerbs]:
    """Per speaker: source type, quotes, quoted words and the verbs that cite them.

    Sorted by quotes (most first), then name. With the article `text`, a speaker's
    type can also come from the words around their name (see `speaker_types`, whose
    result `types` may pass if already computed).
    """
    quotes = list(quotes)
    types = speaker_types(quotes, text) if types is None else types
    groups: dict[str, list[Any]] = {}
    for q in attributed(quotes):
        groups.setdefault(_speaker_name(q), []).append(q)
    out = []
    for name, items in groups.items():
        verbs = sorted({_SPACE.sub(" ", q.cue.strip()) for q in items if q.cue})
        classes = sorted({c for v in verbs if (c := verb_class(v)) is not None})
        out.append(
            SpeakerVerbs(
                speaker=name,
                source_type=types[name],
                quotes=len(items),
                words=sum(_words(q.text) for q in items),
                verbs=tuple(verbs),
                verb_classes=tuple(classes),
            )
        )
    out.sort(key=lambda s: (-s.quotes, s.speaker))
    return out


def shares(
    quotes: Iterable[Any],
    text: document.TextOrDocument | None = None,
    people: list[SpeakerVerbs] | None = None,
) -> list[SourceShare]:
    """Per source type: speakers, quotes, quoted words and their shares.

    Sorted by quotes (most first), then type. Shares are over all attributed quotes
    and their words; an article with none gives an empty list. `people` may pass
    `speakers(quotes, text)` if already computed.
    """
    people = speakers(quotes, text) if people is None else people
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
