"""Who is in the story: actor mentions found with a gazetteer and name patterns, offline.

A project gazetteer (`data/actors.tsv`) maps aliases and metonyms to canonical actors
(North Korea = DPRK = Pyongyang = "North Korean"; Russia = Moscow = the Kremlin), in the
spirit of the target-concept grouping of Hamborg et al. (2019, NewsWCL50). Title patterns
("Foreign Minister Choe Son Hui"), "Name said" patterns, surnames after a first full
mention and role phrases ("the Russian President") find and resolve persons it does not
list. Mentions never overlap: the longest candidate span wins.

Decisions, so that callers know what a mention is:
- A person's mention is the name only; a title before it is a cue, not part of the span.
  A country word inside a title phrase is a mention of the country of its own, so
  "North Korean leader Kim Jong-un" gives North Korea ("North Korean") and Kim Jong-un.
  Mentions do not nest.
- A country or bloc word followed by a collective noun is one mention of that actor that
  spans both ("Western nations", "Russian lawmakers", "U.S. officials"); a hyphenated
  compound is one mention ("Western-imposed", "US-led").
- A possessive is not part of a mention ("Russia" in "Russia's").
- "the Russian President" is a mention of the person only when the article names a
  person with that office and country (e.g. "President Vladimir Putin"), or names one
  person whose listed office it is; otherwise "Russian" is a mention of Russia.
- Case matters: acronyms match as written ("US", not "us"); an alias written in lower
  case also matches with a capital at a sentence start ("Officials said").
- Ambiguous words: "Kim", "the North", "the South" only after a mention of the actor
  or of someone belonging to it; "Jordan", "Chad", "Washington", "Western", "Paris" not
  next to another capitalised word ("Michael Jordan", "Western Europe"); bare "Georgia"
  and "Congo" never (the US state; two Congos); "Europe" and "European" mean the EU;
  US bodies ("Senate", "Supreme Court", "Democrats") mean the US ones.
- Persons the gazetteer does not list come from titles, "Name said", "said Name",
  "according to Name", "Name, who", "Name, a former aide" and a known first name with
  a capitalised surname ("John Stumpf"); their type follows the title (leader,
  official) or is "person". A bare first name is that person when the article has one
  person with it ("Keith" after "Keith Joseph").
- Open-class organisations and places come from their form and context: head words
  and suffixes (`data/actors_org_heads.tsv`: "Federal Aviation Administration" is a
  government body, "Acme Corp." a company, "Human Rights Watch" an advocacy group),
  web names ("GreatFire.org"), "X's spokesman", "X, a company that", "X CEO Name",
  "according to X."; what the article says a name is types all its mentions ("the
  insurer Norwich Union" is a company though "Union" heads unions); an acronym
  defined in the text ("... Administration (FAA)") names the same actor, and every
  other use of the name in the article is a mention. A place named after a person
  ("JFK airport", "Reagan National", "Lincoln Memorial") is a place, never the person.
  Title-case headline lines are not read for open-class names.
- Sources that are not names are actors too: groups ("police", "voters"), unnamed
  sources next to a speech verb ("his lawyer said"), and documents ("the poll", "the
  report"), which are mentions but not actors of the inventory or of stance
  (`SOURCE_ONLY_TYPES`). A group or document word that modifies a noun ("police
  shootings") is none.
- Definite descriptions resolve to the one actor of the article they can mean, or
  stay unresolved: "the mayor", "the Vermont senator" (the one holder of the office),
  "the company", "the agency" (the one such organisation named shortly before), "the
  administration" (the government of the story's home country, `home_country`),
  "the Republican nominee" (the one person the article gives that candidacy).
  See docs/actors.md.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter
from typing import Any

from analysis import document, lexicons, tokenize

ACTORS_FILE = "actors.tsv"
# Companies often in the news, in the same columns (a list apart: a different kind of
# fact, kept and reviewed on its own).
COMPANIES_FILE = "actors_companies.tsv"
TITLES_FILE = "actors_titles.tsv"
COLLECTIVES_FILE = "actors_collectives.txt"
FAMILY_FIRST_FILE = "actors_family_first.txt"
STOPLIST_FILE = "actors_stoplist.txt"
NONPERSON_FILE = "actors_nonperson_words.txt"
PLACE_WORDS_FILE = "quote_place_words.txt"  # "Oak Street", "Camp David"
ORG_HEADS_FILE = "actors_org_heads.tsv"
COMPOUND_HEADS_FILE = "actors_compound_heads.txt"
NICKNAMES_FILE = "actors_nicknames.tsv"  # short given names: "Dick" -> Richard
CITIES_FILE = "actors_cities.txt"  # capitals the gazetteer gives as a country's alias
FIRST_NAMES_FILE = "quote_first_names.tsv"  # first names of people in news (shared)
CENSUS_FIRST_NAMES_FILE = "actors_first_names.txt"  # more, from the 1990 US Census

TYPES = (
    "country",
    "leader",
    "official",
    "person",
    "state media",
    "media",
    "military",
    "bloc",
    "international organisation",
    "anonymous source",
    "other",
    # open-class actors (found by their form and context, not listed)
    "government body",
    "company",
    "advocacy group",
    "party",
    "armed group",
    "organisation",
    "place",
    # unnamed collectives and texts that speak (listed: "police", "the poll")
    "group",
    "document",
)
# Types that are sources but not portrayed actors: a poll or a report is cited, but
# tables of how actors are portrayed (stance) leave them out.
SOURCE_ONLY_TYPES = frozenset({"document"})
ORGANISATION_TYPES = frozenset(
    {
        "government body",
        "company",
        "advocacy group",
        "party",
        "armed group",
        "organisation",
        "media",
        "state media",
        "military",
        "international organisation",
        "other",
    }
)
_PERSON_TYPES = frozenset({"leader", "official", "person"})
# Actors whose adjective or name can head a collective ("Russian officials").
# The gazetteer's parties and government bodies ("Senate Republicans", "FBI
# agents") head collectives as they did when typed "other"; open-class bodies never
# reach these rules (they are found after them).
_COLLECTIVE_HEADS = frozenset(
    {"country", "bloc", "other", "international organisation"}
    | {"party", "government body", "place"}
)

# Words, punctuation marks one by one; offsets come from the match, never from strings.
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_INITIAL_RE = re.compile(r"(?<=\w )[A-Z]\.(?= [A-Z])")
_SPACED_TOKEN_RE = re.compile(r"(\s*)(\w+|[^\w\s])")
# Typographic apostrophes and hyphens compare equal to their ASCII forms.
_REPLACEMENTS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"), ("–", "-"))


def _normalise(text: str) -> str:
    """Typographic apostrophes and hyphens as ASCII; one character for one."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


_SENTENCE_PUNCT = frozenset('.!?:;"“”(')
# Closed classes (like a stop-word list): they can never start or continue a name.
_NOT_NAME = (
    frozenset(
        [
            "The",
            "A",
            "An",
            "This",
            "That",
            "These",
            "Those",
            "In",
            "On",
            "At",
            "For",
            "And",
            "But",
            "Or",
            "If",
            "When",
            "While",
            "After",
            "Before",
            "As",
            "By",
            "From",
            "To",
            "Of",
            "With",
            "Without",
            "He",
            "She",
            "It",
            "They",
            "We",
            "I",
            "You",
            "His",
            "Her",
            "Their",
            "Our",
            "Its",
            "My",
            "Today",
            "Yesterday",
            "Tomorrow",
            "Last",
            "Next",
            "Earlier",
            "Later",
            "Meanwhile",
            "However",
            "Also",
            "Still",
            "Then",
            "Some",
            "Many",
            "Most",
            "Both",
            "All",
            "No",
            "Not",
            "Why",
            "How",
            "What",
            "Who",
            "Where",
            "Which",
            "Yet",
            "So",
            "Thus",
            "Instead",
            "Even",
            "Only",
            "Just",
            "Now",
            "Here",
            "There",
            "Perhaps",
            "Maybe",
            "Indeed",
            "Like",
            "Unlike",
            "Under",
            "Over",
            "Through",
            "During",
            "Since",
            "Until",
            "Despite",
            "Although",
            "Though",
            "Because",
            "Whether",
            "Every",
            "Each",
            "Any",
            "Another",
            "Other",
            "Such",
            "Several",
            "Few",
            "More",
            "Less",
            "About",
            "Among",
            "Against",
            "Between",
            "Within",
            "Into",
            "Upon",
            "Via",
            "Per",
            "Please",
            "Thanks",
            "Dear",
            "Sir",
            "Madam",
            "Hey",
            "Yes",
            "Oh",
            "Well",
        ]
    )
    | tokenize.CALENDAR_WORDS
)
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "van",
        "von",
        "ten",  # "Erik ten Hag"
        "ter",
        "der",
        "del",
        "dos",
        "du",
        "di",
        "la",
        "le",
        "bin",
        "ibn",
    }
)
_HYPHEN_PARTICLES = frozenset({"al", "el", "bin", "abu", "ibn"})
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# Modifiers that make a title a different office ("Deputy Foreign Minister").
_ROLE_MODIFIERS = frozenset(
    {"deputy", "vice", "assistant", "under", "former", "acting", "first", "ex"}
)
# Verbs after a capitalised "First Last" that show it is a person speaking.
_SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "wrote",
        "noted",
        "argued",
        "explained",
        "stated",
        "asked",
        "tweeted",
        "warned",
        "insisted",
        "claimed",
        "declared",
        "replied",
        "recalled",
        "announced",
        # (the verbs above also come after their speaker: "said a spokesman")
        # the present and the verbs of belief and reporting that open a source as
        # well (PolNeAR cues: "His aides say", "Wines believes", "CNS reported")
        "say",
        "tell",
        "tells",
        "writes",
        "adds",
        "argue",
        "argues",
        "explains",
        "asks",
        "warns",
        "insists",
        "believe",
        "believes",
        "believed",
        "suggested",
        "suggests",
        "predicted",
        "predicts",
        "accused",
        "accuses",
        "acknowledged",
        "agreed",
        "commented",
        "contend",
        "contends",
        "contended",
        "maintains",
        "reported",
        "testified",
        "stressed",
        "urged",
        "denied",
        "admitted",
        "estimated",
        "concluded",
    ]
)
# The verbs an unnamed source may follow ("said a spokesman", "added one aide").
_INVERTED_VERBS = frozenset(
    {"said", "says", "told", "added", "wrote", "noted", "argued", "explained"}
    | {"stated", "asked", "tweeted", "warned", "insisted", "claimed", "declared"}
    | {"replied", "recalled", "announced"}
)
_LANGUAGE_WORDS = frozenset({"language", "speaking", "speaker", "speakers", "born"})
# Offices in "Mr. President", "Madam Speaker": a form of address, not a surname
_VOCATIVE_TITLES = frozenset(
    [
        "president",
        "speaker",
        "chairman",
        "chairwoman",
        "secretary",
        "minister",
        "ambassador",
        "senator",
        "governor",
        "mayor",
        "prime",
        "vice",
        "director",
        "commissioner",
        "premier",
        "chancellor",
    ]
)
# Honorifics: never a name themselves ("Mr. Mr." is no person called Mr)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "mx", "madam"})
# Words after "Name, a" that make Name a person ("a former", "a lawyer")
_APPOSITIVE_ROLES = frozenset(
    [
        "former",
        "senior",
        "retired",
        "longtime",
        "veteran",
        "top",
        "leading",
        "spokesman",
        "spokeswoman",
        "lawyer",
        "attorney",
        "economist",
        "researcher",
        "historian",
        "scholar",
        "fellow",
        "member",
        "candidate",
        "resident",
        "student",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "friend",
        "colleague",
        "reporter",
        "journalist",
        "author",
        "writer",
        "columnist",
        "activist",
        "strategist",
        "consultant",
        "pollster",
        "executive",
        "businessman",
        "businesswoman",
    ]
)
# "Name said", "Name, who", "Name, a spokesman", "according to Name"
_SPEAKER_TRIGGERS = _SPEECH_VERBS | {"who", "whose", "a", "an", "according"}
_SPEAKER_TRIGGERS_CASED = frozenset(
    form for w in _SPEAKER_TRIGGERS for form in (w, w.capitalize(), w.upper())
)
# Offices that "the <office>" may refer to without a country, when one person holds it.
_BARE_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "foreign minister",
        "secretary of state",
        "foreign secretary",
        "supreme leader",
        "king",
        "queen",
        "pope",
        # offices of one person in a place or body: "the mayor", "the senator"
        "vice president",
        "mayor",
        "governor",
        "senator",
        "attorney general",
        "special counsel",
        "chief justice",
        "judge",
        "ambassador",
        "press secretary",
        "national security adviser",
        "treasury secretary",
        "defense secretary",
        "defence secretary",
        "home secretary",
        "secretary-general",
        "chairman",
        "chairwoman",
        "commissioner",
        "chief executive",
    }
)
# Occupations written as a title ("Lawyer Louise Christian", "actress Rosario Dawson",
# `actors_titles.tsv`) but held by many at once and by no office: "the actress" stays
# an unnamed source rather than any actress the article names (in a listicle of
# actors, the one titled so was the wrong referent five times in six).
_OCCUPATIONS = frozenset(
    {"lawyer", "actor", "actress", "author", "writer", "champion", "striker"}
    | {"midfielder", "defender", "goalkeeper", "footballer", "cricketer", "golfer"}
    | {"athlete", "sprinter", "boxer", "swimmer", "singer", "musician", "composer"}
    | {"novelist", "poet", "playwright", "economist", "scientist", "researcher"}
    | {"historian", "designer", "chef", "artist", "journalist", "columnist"}
    | {"photographer", "expert"}
)
# Offices many hold at once (fifty governors, a hundred senators): among several
# holders the article names, "the senator" needs one salient holder to resolve. The
# others have one holder at a time, so the nearest named one is the likely referent.
_SHARED_OFFICES = frozenset(
    {"mayor", "governor", "senator", "judge", "ambassador", "attorney general"}
    | {"chairman", "chairwoman", "commissioner", "chief executive"}
)
# Offices that "leader" also refers to ("the Russian leader" -> the president).
_HEAD_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "leader",
        "king",
        "queen",
        "emir",
        "sultan",
        "supreme leader",
        "general secretary",
        "crown prince",
    }
)
_PINYIN_RE = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ue|ui|er|a|o|e|i|u|v)){1,2}$"
)
_KOREAN_RE = re.compile(
    r"^(?:(?:kk|tt|pp|ss|jj|ch|g|k|n|d|t|r|l|m|b|p|s|j|h|y|w)?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
    r"(?:ng|k|n|t|l|m|p|g|b|d)?){1,2}$"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: `text == article_text[start:end]`."""

    actor: str
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of one text: how often and where first it is mentioned, and as what."""

    actor: str
    type: str
    count: int
    first_start: int
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    actor: str
    type: str
    country: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class _Alias:
    tokens: tuple[str, ...]
    gaps: tuple[bool, ...]  # whitespace before each token after the first
    entry: _Entry | None  # None: a stop phrase that blocks the aliases inside it
    weak: bool  # not next to another capitalised word ("Jordan Peterson")
    after_mention: bool  # only after a full mention of the same actor ("the North")


@dataclass(frozen=True, slots=True)
class _Title:
    tokens: tuple[str, ...]
    gaps: tuple[bool, ...]
    role: str | None
    type: str


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    entries: dict  # canonical name -> _Entry
    index: dict  # first token -> aliases, longest first
    titles: dict  # first token (lower case) -> titles, longest first
    collectives: dict  # first token (lower case) -> token tuples, longest first
    exact: dict  # normalised alias -> canonical name
    folded: dict  # case-folded alias -> canonical name (unambiguous only)
    surnames: dict  # surname -> canonical names of gazetteer persons
    family_first: frozenset[str]
    nonperson: frozenset[str]
    title_words: frozenset[str]
    title_keys: frozenset[str]  # first tokens of titles in lower, Title and UPPER case


@dataclass(slots=True)
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    entry: _Entry | None
    priority: int  # higher wins among equally long candidates
    after_mention: bool = False


# --------------------------------------------------------------------------- loading


def _split_tokens(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    toks: list[str] = []
    gaps: list[bool] = []
    last_end = None
    for m in _TOKEN_RE.finditer(_normalise(text)):
        if last_end is not None:
            gaps.append(m.start() > last_end)
        toks.append(m.group())
        last_end = m.end()
    return tuple(toks), tuple(gaps)


def _person_variants(alias: str) -> list[str]:
    """Spellings of a hyphenated given name: Jong-un, Jong-Un, Jong Un."""
    out = [alias]
    if "-" in alias:
        out.append(re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), alias))
        out.append(re.sub(r"-(\w)", lambda m: " " + m.group(1).upper(), alias))
    return out


def _surname(name: str, family_first: frozenset[str]) -> str | None:
    """The family name of a full personal name (East Asian names put it first)."""
    parts = [p for p in name.replace(".", "").split() if p not in _SUFFIXES]
    if len(parts) < 2:
        return None
    first, rest = parts[0], parts[1:]
    if first in family_first:
        given = " ".join(rest)
        if "-" in given:
            return first
        if len(rest) == 2 and all(len(p) <= 5 for p in rest):
            return first
        if len(rest) == 1 and (
            _PINYIN_RE.match(rest[0].lower()) or _KOREAN_RE.match(rest[0].lower())
        ):
            return first
    return parts[-1]


@functools.cache
def _gazetteer() -> _Gazetteer:
    entries: dict[str, _Entry] = {}
    aliases: dict[tuple[tuple[str, ...], tuple[bool, ...]], _Alias] = {}
    folded: dict[str, set[str]] = {}
    family_first = lexicons.word_set(FAMILY_FIRST_FILE)
    surnames: dict[str, set[str]] = {}

    def add(text: str, alias: _Alias) -> None:
        key = _split_tokens(text)
        if not key[0]:
            return
        alias = _Alias(key[0], key[1], alias.entry, alias.weak, alias.after_mention)
        old = aliases.get(key)
        if old is not None and old.entry is not None and alias.entry is not None:
            if old.entry.actor != alias.entry.actor:
                raise lexicons.LexiconError(
                    f"{ACTORS_FILE}: alias {text!r} names both {old.entry.actor!r} "
                    f"and {alias.entry.actor!r}"
                )
            return
        if old is not None and old.entry is not None:
            raise lexicons.LexiconError(
                f"{STOPLIST_FILE}: {text!r} is an alias of {old.entry.actor!r}"
            )
        aliases[key] = alias

    rows = lexicons.table(ACTORS_FILE, 5) + lexicons.table(COMPANIES_FILE, 5)
    for canonical, kind, country, role, alias_field in rows:
        if kind not in TYPES:
            raise lexicons.LexiconError(
                f"{ACTORS_FILE}: {canonical!r}: unknown type {kind!r}"
            )
        if canonical in entries:
            raise lexicons.LexiconError(f"{ACTORS_FILE}: duplicate actor {canonical!r}")
        entry = _Entry(
            canonical,
            kind,
            None if country == "-" else country,
            None if role == "-" else role,
        )
        entries[canonical] = entry
        raw = [
            a.strip() for a in alias_field.split("|") if a.strip() and a.strip() != "-"
        ]
        if f"-{canonical}" not in raw and canonical not in {
            a.lstrip("@~") for a in raw
        }:
            raw.insert(0, canonical)
        for item in raw:
            if item == f"-{canonical}":
                continue
            flags = ""
            while item[:1] in ("@", "~"):
                flags, item = flags + item[0], item[1:]
            forms = _person_variants(item) if kind in _PERSON_TYPES else [item]
            if kind in _PERSON_TYPES and " " not in item and len(item) > 3:
                forms.append(item.upper())  # transcripts: "PUTIN: ..."
            if item[:1].islower():
                forms += [f[0].upper() + f[1:] for f in forms]
            if item.isupper() and item.isalpha() and 2 < len(item) <= 5:
                forms.append(".".join(item) + ".")  # house styles: "S.E.C.", "D.N.C."
            for form in forms:
                add(form, _Alias((), (), entry, "~" in flags, "@" in flags))
                if "@" not in flags and not (form.isupper() and len(form) <= 3):
                    folded.setdefault(form.casefold(), set()).add(canonical)
        if kind in _PERSON_TYPES:
            last = _surname(canonical, family_first)
            if last:
                surnames.setdefault(last, set()).add(canonical)
    for canonical, entry in entries.items():
        if entry.country is not None and entry.country not in entries:
            raise lexicons.LexiconError(
                f"{ACTORS_FILE}: {canonical!r}: unknown country {entry.country!r}"
            )
    for phrase in sorted(lexicons.word_set(STOPLIST_FILE)):
        add(phrase, _Alias((), (), None, False, False))

    index: dict[str, list[_Alias]] = {}
    for key in sorted(aliases):
        index.setdefault(key[0][0], []).append(aliases[key])
    # first token -> (one-token alias or None, {second token: longer aliases})
    index_final: dict[str, tuple[_Alias | None, dict[str, tuple[_Alias, ...]]]] = {}
    for first, group in index.items():
        one = next((a for a in group if len(a.tokens) == 1), None)
        longer: dict[str, list[_Alias]] = {}
        for a in group:
            if len(a.tokens) > 1:
                longer.setdefault(a.tokens[1], []).append(a)
        index_final[first] = (
            one,
            {
                k: tuple(sorted(v, key=lambda a: -len(a.tokens)))
                for k, v in longer.items()
            },
        )

    titles: dict[str, list[_Title]] = {}
    for title, role, kind in lexicons.table(TITLES_FILE, 3):
        if kind not in _PERSON_TYPES:
            raise lexicons.LexiconError(f"{TITLES_FILE}: {title!r}: type {kind!r}")
        toks, gaps = _split_tokens(title)
        low = tuple(t.lower() for t in toks)
        titles.setdefault(low[0], []).append(
            _Title(low, gaps, None if role == "-" else role, kind)
        )
    titles_final = {
        k: tuple(sorted(v, key=lambda t: -len(t.tokens))) for k, v in titles.items()
    }
    title_words = frozenset(
        t for group in titles_final.values() for x in group for t in x.tokens
    )

    collectives: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(lexicons.word_set(COLLECTIVES_FILE)):
        toks = tuple(phrase.lower().split())
        collectives.setdefault(toks[0], []).append(toks)
    collectives_final = {
        k: tuple(sorted(v, key=len, reverse=True)) for k, v in collectives.items()
    }

    exact = {
        " ".join(k[0]): a.entry.actor
        for k, a in sorted(aliases.items())
        if a.entry is not None and not a.after_mention
    }
    return _Gazetteer(
        entries=entries,
        index=index_final,
        titles=titles_final,
        collectives=collectives_final,
        exact=exact,
        folded=({k: next(iter(v)) for k, v in folded.items() if len(v) == 1}),
        surnames=({k: frozenset(v) for k, v in surnames.items()}),
        family_first=family_first,
        nonperson=lexicons.word_set(NONPERSON_FILE),
        title_words=title_words,
        title_keys=frozenset(
            form for k in titles_final for form in (k, k.capitalize(), k.upper())
        ),
    )


# --------------------------------------------------------------------------- matching


class _Doc:
    """The tokens of one text, with the facts about them that matching needs."""

    __slots__ = (
        "_capitals",
        "_cues",
        "_keyed",
        "_sentences",
        "cap",
        "ends",
        "gap",
        "n",
        "norm",
        "text",
        "tight",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._cues: dict[str, list[int]] | None = None
        self._keyed: list[tuple[int, str]] | None = None
        self._capitals: list[tuple[int, str]] | None = None
        self._sentences: tuple[list[int], list[int]] | None = None
        # The translation maps single characters to single characters: offsets hold.
        found = _SPACED_TOKEN_RE.findall(_normalise(text))
        self.n = len(found)
        self.norm = [token for _, token in found]
        # Only the end offsets are kept: a token starts at its end less its length
        # (`start`); one accumulated list instead of two appended in a loop saves
        # 0.04 ms per PolNeAR article (timed alone); gap and tight read the white
        # space from `found` with no list in between.
        self.ends = list(
            accumulate([len(space) + len(token) for space, token in found])
        )
        # gap[i]: white space before token i; tight[i]: only spaces (same line)
        self.gap = [space != "" for space, _ in found]
        self.tight = [space != "" and "\n" not in space for space, _ in found]
        if self.n:
            self.gap[0] = self.tight[0] = False
        self.cap = [token[0].isupper() for token in self.norm]

    def at(self, words: Collection[str]) -> list[int]:
        """Positions of the given cue words (of `_CUE_WORDS`), sorted. One scan of
        the tokens serves every rule that looks for speech verbs, "the" and so on."""
        if self._cues is None:
            cues: dict[str, list[int]] = {}
            for i, token in self.keyed(_cue_words()):
                cues.setdefault(token, []).append(i)
            self._cues = cues
        if len(words) > len(self._cues):  # a long list: walk the words found instead
            return sorted(i for w, at in self._cues.items() if w in words for i in at)
        return sorted(i for w in words for i in self._cues.get(w, ()))

    # A scan of every token for the words of one set costs as much as the set
    # lookups (30 ns a token); eight rules each scanned the whole text. Now one scan
    # keeps the tokens of any of those sets (a fifth of them) and each rule scans
    # only those, or only the capitalised tokens (a sixth) when all its words are
    # capitalised: mentions() 1.52 -> 1.40 ms per PolNeAR article (CPU), same output.
    def keyed(self, words: Container[str]) -> list[tuple[int, str]]:
        """(position, token) of the tokens in `words`, a subset of `_scan_words()`."""
        if self._keyed is None:
            scan = _scan_words()
            self._keyed = [(k, t) for k, t in enumerate(self.norm) if t in scan]
        return _among(self._keyed, words)

    def find(self, words: Collection[str]) -> list[tuple[int, str]]:
        """(position, token) of the tokens in `words`, any set of words."""
        if not all(w[:1].isupper() for w in words):
            return [(k, t) for k, t in enumerate(self.norm) if t in words]
        return _among(self.capitals(), words)

    def capitals(self) -> list[tuple[int, str]]:
        """(position, token) of every capitalised token."""
        if self._capitals is None:
            cap = self.cap
            self._capitals = [(k, t) for k, t in enumerate(self.norm) if cap[k]]
        return self._capitals

    def sentences(self, abbreviations: Container[str]) -> tuple[list[int], list[int]]:
        """The first token of each sentence, and each sentence's paragraph (a line
        break starts one). Built only when a rule needs it (a role among several
        holders), from the tokens: Punkt (`tokenize.sentences`) took 0.08 ms per
        PolNeAR article on average here. A period ends no sentence after a title
        ("Sen.", from `abbreviations`) or an initial ("T.", "U.S.")."""
        if self._sentences is None:
            norm, cap = self.norm, self.cap
            starts, paragraph, par = [0], [0], 0
            for k in range(1, self.n):
                if self.gap[k] and not self.tight[k]:
                    par += 1
                    starts.append(k)
                    paragraph.append(par)
                    continue
                end = k - 1
                if norm[end] in ('"', "”") and end > 0:
                    end -= 1  # 'he said." Then'
                if not (cap[k] and self.gap[k] and norm[end] in (".", "!", "?")):
                    continue
                word = norm[end - 1] if end > 0 else ""
                if norm[end] == "." and (
                    len(word) == 1 or word.lower() in abbreviations
                ):
                    continue
                starts.append(k)
                paragraph.append(par)
            self._sentences = (starts, paragraph)
        return self._sentences

    def start(self, i: int) -> int:
        """Character offset where token i starts."""
        return self.ends[i] - len(self.norm[i])

    def is_cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.cap[i]

    def sentence_initial(self, i: int) -> bool:
        return i == 0 or self.norm[i - 1] in _SENTENCE_PUNCT or not self.tight[i]

    def matches(
        self, i: int, toks: tuple[str, ...], gaps: tuple[bool, ...], lower: bool = False
    ) -> bool:
        if i + len(toks) > self.n:
            return False
        norm = self.norm
        for k in range(1, len(toks)):
            word = norm[i + k].lower() if lower else norm[i + k]
            if word != toks[k] or self.gap[i + k] != gaps[k - 1]:
                return False
            if gaps[k - 1] and not self.tight[i + k]:
                return False
        return True


def _among(
    pairs: list[tuple[int, str]], words: Container[str]
) -> list[tuple[int, str]]:
    """The (position, token) pairs whose token is in `words`. Filtered by compress()
    over the membership tests, not a comprehension: half the time (0.03 -> 0.015 ms
    per PolNeAR article for the gazetteer's words)."""
    return list(compress(pairs, map(words.__contains__, map(itemgetter(1), pairs))))


# A product's model number after its maker's name: "757", "A380", "iPhone" is not one.
_MODEL_NUMBER = re.compile(r"[A-Z]{0,2}-?\d")


def _weak_ok(doc: _Doc, start: int, end: int, title_words: frozenset[str]) -> bool:
    """A weak alias stands alone: no capitalised word right before or after it."""
    if end < doc.n and doc.tight[end] and doc.is_cap(end):
        return False
    return _left_ok(doc, start, title_words)


def _left_ok(doc: _Doc, start: int, title_words: frozenset[str]) -> bool:
    """No capitalised word (other than a title or a sentence opener) right before; a
    known first name that opens a sentence does count ("Mike German said", "George
    Romney was"), but not in a title-case headline ("Glenn Beck Just Responded")."""
    prev = start - 1
    if prev < 0 or not doc.tight[start] or not doc.is_cap(prev):
        return True
    if doc.norm[prev].lower() in title_words:
        return True
    if not doc.sentence_initial(prev):
        return False
    title_case = start + 1 < doc.n and doc.tight[start + 1] and doc.is_cap(start + 1)
    return doc.norm[prev] not in _first_names() or title_case


def _extend(doc: _Doc, end: int, gaz: _Gazetteer, entry: _Entry) -> int:
    """Grow a country or bloc mention over a hyphen compound or a collective noun."""
    if (
        end + 1 < doc.n
        and doc.norm[end] == "-"
        and not doc.gap[end]
        and not doc.gap[end + 1]
        and doc.norm[end + 1][:1].islower()
        and doc.norm[end + 1].isalpha()
    ):
        return end + 2
    if entry.type not in _COLLECTIVE_HEADS:
        return end
    for _ in range(2):
        if end >= doc.n or not doc.tight[end]:
            break
        options = gaz.collectives.get(doc.norm[end].lower(), ())
        for toks in options:
            if doc.matches(end, toks, (True,) * (len(toks) - 1), lower=True):
                after = end + len(toks)
                if (
                    after < doc.n
                    and doc.tight[after]
                    and doc.norm[after] in _org_heads()
                ):
                    return end  # "Senate Intelligence Committee": a body's name
                end = after
                break
        else:
            break
    return end


def _middle_name(doc: _Doc, k: int, j: int, gaz: _Gazetteer) -> bool:
    """A word that is a thing's name elsewhere standing between a first name and a
    surname ("Kathleen Hall Jamieson"; not "John Hall Center", "Anne Arundel County")."""
    nxt = j + 1
    return (
        j == k + 1
        and doc.norm[k] in _first_names()
        and doc.norm[j] not in _NOT_NAME
        and nxt < doc.n
        and doc.tight[nxt]
        and doc.is_cap(nxt)
        and doc.norm[nxt] not in _NOT_NAME
        and doc.norm[nxt] not in gaz.nonperson
        and doc.norm[nxt].lower() not in gaz.title_words
    )


def _middle_name_head(
    doc: _Doc, start: int, end: int, k: int, heads: dict[str, str]
) -> bool:
    """A place's head word as the middle of three names, after a known first name and
    before a surname the article uses again: "Kathleen Hall Jamieson ... Jamieson
    said" (not "Lincoln Memorial", "Jimmy Carter Center": the head ends them; not
    "Neal Street Productions", "Anna Maria Park Hotel")."""
    return (
        k == start + 1 == end - 2
        and heads.get(doc.norm[k]) == "place"
        and doc.norm[start] in _first_names()
        and _stands_alone(doc, end - 1)  # "Jamieson said"
    )


def _stands_alone(doc: _Doc, k: int) -> bool:
    """Whether the word at k stands alone elsewhere: after a word in lower case or a
    sentence's first word ("Jamieson said", "Later Jamieson said"; not "Langley Park
    Productions")."""
    word = doc.norm[k]
    return any(
        w == word
        and p != k
        and p > 0
        and (not doc.cap[p - 1] or doc.sentence_initial(p - 1))
        for p, w in enumerate(doc.norm)
    )


def _name_end(doc: _Doc, k: int, gaz: _Gazetteer) -> int:
    """End of a capitalised personal name starting at token k (k itself if none)."""
    j = k
    parts = 0
    while j < doc.n and parts < 4:
        word = doc.norm[j]
        # "G.K. Butterfield": a second initial right after the first one's period
        glued = (
            j > k
            and not doc.gap[j]
            and doc.norm[j - 1] == "."
            and len(word) == 1
            and doc.cap[j]
        )
        if j > k and not doc.tight[j] and not glued:
            break
        if (
            word in _HYPHEN_PARTICLES
            and j + 2 < doc.n
            and doc.norm[j + 1] == "-"
            and not doc.gap[j + 1]
            and not doc.gap[j + 2]
            and doc.is_cap(j + 2)
        ):
            j += 3
            parts += 1
            continue
        if word in _NAME_PARTICLES and parts and j + 1 < doc.n and doc.is_cap(j + 1):
            j += 1
            continue
        middle_initial = (  # "Lewis A. Kaplan": "A" is no article here
            j > k
            and len(word) == 1
            and j + 1 < doc.n
            and doc.norm[j + 1] == "."
            and not doc.gap[j + 1]
            and doc.is_cap(j + 2)
        )
        if not doc.is_cap(j) or (
            not middle_initial
            and (word in _NOT_NAME or word in gaz.nonperson)
            and not _middle_name(doc, k, j, gaz)
        ):
            break
        if word.lower() in gaz.title_words and not _title_is_surname(doc, k, j):
            break
        j += 1
        parts += 1
        # Hyphenated and apostrophe parts: Jong-un, Thomas-Greenfield, O'Reilly
        while (
            j + 1 < doc.n
            and doc.norm[j] in ("-", "'")
            and not doc.gap[j]
            and not doc.gap[j + 1]
            and doc.norm[j + 1][:1].isalpha()
            and (doc.norm[j] == "-" or doc.cap[j + 1])
        ):
            j += 2
        # An initial or a suffix with its period: George W. Bush, Robert F. Kennedy Jr.
        if (
            j < doc.n
            and doc.norm[j] == "."
            and not doc.gap[j]
            and (len(word) == 1 or word in _SUFFIXES)
            and (word in _SUFFIXES or (j + 1 < doc.n and doc.is_cap(j + 1)))
        ):
            j += 1
    return j


def _title_is_surname(doc: _Doc, k: int, j: int) -> bool:
    """A title word ends a name ("Trump Chief of Staff ..."), except right after a first
    name and its initials, with no name after it: then it is a surname ("Peter King",
    "Peter T. King", "Patty Judge"; not "Charlotte Mayor Jennifer Roberts")."""
    if j == k or doc.norm[k] not in _first_names():
        return False
    if j + 1 < doc.n and doc.norm[j + 1] in _SUFFIXES and doc.tight[j + 1]:
        return True  # "Martin Luther King Jr.": a suffix follows only a surname
    if any(len(doc.norm[t]) > 1 and doc.norm[t] != "." for t in range(k + 1, j)):
        return False  # only initials between the first name and the title word
    nxt = j + 1
    return not (
        nxt < doc.n
        and doc.tight[nxt]
        and doc.is_cap(nxt)
        and doc.norm[nxt] not in _SUFFIXES
    )


def _name_before(doc: _Doc, end: int, gaz: _Gazetteer) -> int | None:
    """Start of a personal name of two or more capitalised words ending at `end`."""
    j = end - 1
    while (
        j >= 0
        and end - j <= 8
        and (
            doc.cap[j]
            or doc.norm[j] in ("-", ".", "'")
            or doc.norm[j] in _NAME_PARTICLES
        )
        and (j == end - 1 or doc.tight[j + 1] or not doc.gap[j + 1])
    ):
        j -= 1
    for start in range(j + 1, end - 1):
        if _name_end(doc, start, gaz) == end and _is_full_name(doc, start, end):
            if start > 0 and (
                doc.norm[start - 1] in ("the", "of") or doc.cap[start - 1]
            ):
                # "leader of the Commons Oliver Heald", "chairman of the Federal
                # Reserve Ben Bernanke": the office's name ends where a first name
                # opens the person's
                first = _first_names()
                given = next(
                    (k for k in range(start, end - 1) if doc.norm[k] in first), None
                )
                if given is not None and given > start:
                    return given
            return start
    return None


def _is_full_name(doc: _Doc, start: int, end: int) -> bool:
    return sum(1 for t in range(start, end) if doc.cap[t]) >= 2


def _speaker_names(doc: _Doc, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """Spans of 'First Last said', 'said First Last', 'First Last, who', 'according to'."""
    out = []
    norm = doc.norm
    for v, token in doc.keyed(_SPEAKER_TRIGGERS_CASED):
        word = token.lower()
        if word in _SPEECH_VERBS:
            start = _name_before(doc, v, gaz)
            if start is not None and doc.tight[v]:
                out.append((start, v))
            elif v > 3 and norm[v - 1] == "," and norm[v - 2].isdigit():
                start = _name_before(doc, v - 3, gaz)  # "Quina Jones, 25, said"
                if start is not None and norm[v - 3] == ",":
                    out.append((start, v - 3))
            if v + 1 < doc.n and doc.tight[v + 1]:
                end = _name_end(doc, v + 1, gaz)
                if _is_full_name(doc, v + 1, end):
                    out.append((v + 1, end))
        elif word in ("who", "whose", "a", "an") and v > 0 and norm[v - 1] == ",":
            if word in ("a", "an") and not (
                v + 1 < doc.n
                and (
                    doc.cap[v + 1]
                    or norm[v + 1].lower() in gaz.title_words
                    or norm[v + 1].lower() in _APPOSITIVE_ROLES
                )
            ):
                continue  # "Goldman Sachs, a bank": only a person role makes a person
            start = _name_before(doc, v - 1, gaz)
            if start is not None:
                out.append((start, v - 1))
        elif word == "according" and v + 2 < doc.n and norm[v + 1].lower() == "to":
            end = _name_end(doc, v + 2, gaz)
            if _is_full_name(doc, v + 2, end):
                out.append((v + 2, end))
    if "―" in doc.text:  # one C-level test: few texts sign quotes so
        for k in _positions(norm, ("―",)):
            # '"...," ― Beck Pimentel': a quotation signed with a full name
            if k > 0 and norm[k - 1] in _CLOSE_QUOTES and k + 1 < doc.n:
                end = _name_end(doc, k + 1, gaz)
                if _is_full_name(doc, k + 1, end):
                    out.append((k + 1, end))
    return out


def _demonym(word: str, gaz: _Gazetteer) -> bool:
    """ "American", "Danish": a country's people word, which can stand before a name
    ("fellow American Justin Gatlin") without being part of it."""
    actor = gaz.exact.get(word)
    return (
        actor is not None
        and actor != word
        and gaz.entries[actor].type in ("country", "bloc")
        and word.endswith(("an", "ish", "ese", "i", "ch", "ic"))
    )


def _first_name_persons(doc: _Doc, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """ "Ava DuVernay", "John Stumpf": a known first name and a capitalised surname."""
    names = _first_names()
    out = []
    for i, _ in doc.keyed(names):
        if (
            i > 0
            and doc.tight[i]
            and doc.is_cap(i - 1)
            and not doc.sentence_initial(i - 1)
            and doc.norm[i - 1].lower() not in gaz.title_words
            and not _demonym(doc.norm[i - 1], gaz)
        ):
            continue  # inside a longer name ("Bank of America Stadium")
        end = _name_end(doc, i, gaz)
        # words, not tokens: "Martin Luther King Jr." has five tokens, four words
        words = end - i - doc.norm[i:end].count(".")
        if words < 2 or words > 4 or not _is_full_name(doc, i, end):
            continue
        heads = _org_heads()
        if any(
            doc.norm[k] in heads and not _middle_name_head(doc, i, end, k, heads)
            for k in range(i + 1, min(end + 1, doc.n))
        ):
            continue  # "Jimmy Carter Center", "Lincoln Memorial": a place or a body
        if end < doc.n and doc.tight[end] and doc.is_cap(end):
            continue  # more capitalised words follow: not clearly a name
        out.append((i, end))
    return out


# A sentence's first word this rare opens a name ("Berhanu", "Witold"); "Comedian",
# "Interestingly" and "Donor" (3.6-4.0) open a sentence before one.
_OPENER_ZIPF = 3.0


def _recurring_surnames(doc: _Doc, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """ "Sant Singh Chatwal, hotelier, ... In 2012, Chatwal pleaded guilty": two or
    three capitalised words whose last word, rare in English, stands alone later in
    the text before a lower-case word (a verb: "Chatwal pleaded", "Chatwal's"), as a
    person's surname does. The name is a person's when no word of it is a known
    alias, first name, acronym, organisation's head word or a word common in lower
    case, and a sentence's first word is a rare one ("Berhanu Nega said", not
    "Meanwhile Rihanna" or "Comedian Sarah Silverman")."""
    norm, cap, n = doc.norm, doc.cap, doc.n
    heads, first_names = _org_heads(), _first_names()
    alone: set[str] = set()
    for k, word in doc.capitals():
        if (
            k + 1 < n
            and not doc.sentence_initial(k)
            and not cap[k - 1]
            and (norm[k + 1][:1].islower() or norm[k + 1] in ("'", "’"))
            and word.isalpha()
            and _rare_word(word.lower())
        ):
            alone.add(word)
    if not alone:
        return []
    lower_words = {w for w in norm if w[:1].islower()}  # written in lower case
    out = []
    for k, word in doc.capitals():
        if word not in alone or k == 0 or not doc.tight[k]:
            continue
        start = k
        while (
            start > 0
            and k - start < 2
            and cap[start - 1]
            and doc.tight[start]
            and norm[start - 1].isalpha()
        ):
            start -= 1
        if start == k or (start > 0 and cap[start - 1] and norm[start - 1].isalpha()):
            continue  # one word, or more than three: not clearly a name
        words = norm[start : k + 1]
        if (
            any(
                w in heads
                or w in gaz.exact
                or w in gaz.nonperson
                or w in first_names  # the first-name rule finds these names
                or w.isupper()  # an acronym: "Junge SVP", "RJR Nabisco"
                or w.lower() in gaz.title_words
                or _zipf(w.lower()) >= _COMMON_ZIPF
                for w in words
            )
            or any(_adjective(w) for w in words[:-1])  # "Eurosceptic SVP"
            or (doc.sentence_initial(start) and _zipf(words[0].lower()) >= _OPENER_ZIPF)
            or word.lower() in lower_words
        ):
            continue
        out.append((start, k + 1))
    return out


# Speech verbs as written at any position, and honorifics before a surname.
_SPEECH_FORMS = frozenset(
    form for w in _SPEECH_VERBS for form in (w, w.capitalize(), w.upper())
)
_HONORIFIC_FORMS = frozenset(
    form for w in _HONORIFICS for form in (w, w.capitalize(), w.upper())
)
_ECHO_TRIGGERS = _SPEECH_FORMS | _HONORIFIC_FORMS
_ACCORDING = frozenset({"according", "According"})
_SOURCE_TRIGGERS = _SPEECH_FORMS | {"according", "According"}
# Every word `_Doc.at` indexes.
_CUE_WORDS = _ECHO_TRIGGERS | _SOURCE_TRIGGERS | {"the", "The", "administration"}
_CUE_WORDS |= {"government"}
QUOTE_CUES_FILE = "quote_cues.tsv"  # reporting verbs, every form (shared with quotes)
# Reporting verbs whose present forms are no nouns in news ("they argue", "she insists").
_PRESENT_OK = frozenset(
    {"say", "tell", "believe", "argue", "insist", "warn", "contend", "agree"}
    | {"suggest", "know", "predict", "explain", "acknowledge", "admit"}
    | {"maintain", "deny", "expect", "complain", "accuse", "urge", "write", "ask"}
)
# What may stand right before a quantifier or bare plural that is a clause's subject:
# a clause boundary ("Some believe", "which advocates say", "when veterans ask"), not
# a verb or preposition ("offered some pointed advice", "at some point").
_SUBJECT_OPENERS = frozenset(
    {"that", "and", "but", "when", "while", "because", "as", "if", "which", "who"}
    | {"where", "though", "although", "so", "since", "even", "still", "now", "then"}
    | {"yet", "not", "also", "many", "most", "few", "very", "some"}
    | {"after", "before", "until", "unless", "whether"}
)


@functools.cache
def _source_verbs() -> frozenset[str]:
    """Finite forms of the reporting and belief verbs of `quote_cues.tsv` (not the
    -ing forms): after an unnamed phrase they make it a source ("Delegates
    questioned", "veterans ask", "no one expected")."""
    forms = {
        form
        for form, lemma, _frame in lexicons.table(QUOTE_CUES_FILE, 3)
        if form.isalpha()
        and not form.endswith("ing")
        # a past form, or the present of a verb that is no noun: "the poll numbers
        # show", "his general point", "some thought" are no sources
        and ((form != lemma and not form.endswith("s")) or lemma in _PRESENT_OK)
    }
    # participles that are no past tense ("the legislation written down")
    forms = {f for f in forms if not f.endswith(("en", "wn"))}
    return frozenset(forms - {"thought"}) | _SPEECH_VERBS


@functools.cache
def _source_triggers() -> frozenset[str]:
    """The words `_unnamed_speakers` starts from: reporting verbs, "according"."""
    return _SOURCE_TRIGGERS | _source_verbs() | _EVIDENCE_FORMS


# Verbs whose subject speaks only when it is a text ("other studies have shown",
# "polling averages show"; not "the reality show").
_EVIDENCE_FORMS = frozenset({"show", "shows", "shown"})


@functools.cache
def _source_heads() -> dict[str, str]:
    """The speaker heads, and "source(s)" ("another source said", "the source added")."""
    anonymous = "anonymous source"
    return {**_speaker_heads(), "source": anonymous, "sources": anonymous}


@functools.cache
def _subject_ends() -> frozenset[str]:
    """The lower-case words an unnamed subject may end with right before its verb."""
    return frozenset(_source_heads()) | _quantifier_heads() | _AUXILIARIES | {"one"}


@functools.cache
def _cue_words() -> frozenset[str]:
    """Every word `_Doc.at` indexes: the cue words and the source verbs."""
    return _CUE_WORDS | _source_verbs() | _EVIDENCE_FORMS


def _positions(norm: list[str], words: Iterable[str]) -> list[int]:
    """Sorted positions of a few words: `list.index` scans in C, word by word."""
    out = []
    for word in words:
        k = -1
        try:
            while True:
                k = norm.index(word, k + 1)
                out.append(k)
        except ValueError:
            pass
    return sorted(out)


def _echoed_names(doc: _Doc, gaz: _Gazetteer) -> tuple[list[tuple[int, int]], set[str]]:
    """'Ava DuVernay ... DuVernay explained': two or three capitalised words whose
    last one the article also uses alone as a speaker ("X said") or after Mr./Ms.;
    and the words used so whose full name the article does not give."""
    norm, cap = doc.norm, doc.cap
    alone: set[str] = set()
    spoken: set[str] = set()  # "X said", not "Miss X" (a nickname in scare quotes)
    # Positions found by a comprehension first: the loop body runs on few words.
    for v in doc.at(_ECHO_TRIGGERS | _ACCORDING):
        token = norm[v]
        if token in _ACCORDING:
            if (
                v + 3 < doc.n
                and norm[v + 1] == "to"
                and cap[v + 2]
                and norm[v + 3] in (".", ",", ";")
                and (v + 4 == doc.n or doc.gap[v + 4])  # not "Tchadinfos.com"
                and norm[v + 2] not in _NOT_NAME
            ):
                alone.add(norm[v + 2])  # "according to Gallup."
                spoken.add(norm[v + 2])
            continue
        if (
            token in _SPEECH_FORMS
            and token.lower() in _INVERTED_VERBS
            and v + 2 < doc.n
            and doc.tight[v + 1]
            and cap[v + 1]
            and norm[v + 2] in (".", ",", ";")
            and norm[v + 1] not in _NOT_NAME
        ):
            alone.add(norm[v + 1])  # '"...," said Blair.'
            spoken.add(norm[v + 1])
        if token in _SPEECH_FORMS and v > 1 and norm[v - 1] in _AUXILIARIES:
            v -= 1  # "Putney later told", "Wines also said"
        if token in _SPEECH_FORMS and v > 0 and doc.tight[v]:
            word, before = norm[v - 1], v - 2  # "DuVernay explained"
            if (
                before >= 0
                and doc.tight[v - 1]
                and cap[before]
                and norm[before] not in _HONORIFIC_FORMS
            ):
                continue  # "Lester Holt said" is a full name, not an echo
        elif token in _HONORIFIC_FORMS and v + 1 < doc.n:
            word = norm[v + 1]  # "Mr DuVernay"
            if word == "." and v + 2 < doc.n:
                word = norm[v + 2]  # "Mr. DuVernay"
        else:
            continue
        if word[:1].isupper() and word not in _NOT_NAME:
            alone.add(word)
            if token in _SPEECH_FORMS:
                spoken.add(word)
    if not alone:
        return [], set()
    # A surname the gazetteer knows is its person's ("Neither Clinton" is no name).
    alone = {w for w in alone if w not in gaz.surnames and w not in gaz.exact}
    out = []
    heads = _org_heads()
    firsts = _first_names()
    for last in _positions(norm, alone):
        end = last + 1
        for i in (last - 1, last - 2):
            if i < 0 or not cap[i] or norm[i] in _NOT_NAME:
                continue
            if (
                i > 0
                and doc.tight[i]
                and cap[i - 1]
                and not doc.sentence_initial(i - 1)
            ):
                continue  # inside a longer capitalised run
            if _name_end(doc, i, gaz) != end:
                continue
            if end < doc.n and doc.tight[end] and doc.is_cap(end):
                continue
            if any(norm[k] in heads for k in range(i, end)):
                continue
            if _title_at(doc, i, gaz) is not None or norm[i] in gaz.exact:
                continue
            if norm[i] in _HONORIFIC_FORMS:
                continue  # "Miss Universe": a title, not a first name
            if (
                doc.sentence_initial(i)
                and norm[i] not in firsts
                and not _appositive_after(doc, end, gaz)
            ):
                continue  # "Injecting Quiros": capitalised only as the first word
            out.append((i, end))
            break
    return out, (alone & spoken) - {norm[end - 1] for _, end in out}


def _appositive_after(doc: _Doc, end: int, gaz: _Gazetteer) -> bool:
    """A person's apposition follows: "Kerr Putney, the police chief", ", 25,",
    "Keron Blair, executive director of AROS"."""
    if end + 1 >= doc.n or doc.norm[end] != ",":
        return False
    word = doc.norm[end + 1]
    return (
        word in ("the", "a", "an")
        or (word.isdigit() and len(word) <= 3)
        or (word.islower() and (word in _APPOSITIVE_ROLES or word in gaz.title_words))
    )


# Below this Zipf frequency (wordfreq; log10 of uses per billion words) a capitalised
# word is rare enough in English to be a name when it speaks alone ("McLenney said",
# "Wines believes"); common words ("Everybody", "Critics", "Together") are 4 and up.
_NAME_ZIPF = 4.0
# A capitalised first word this frequent in lower case ("call", "union", "king") is
# read as the common word ("Call centre users"), not a name ("Heathrow airport": 3.4).
_COMMON_ZIPF = 5.0


@functools.lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loaded on first use, not at import

    return zipf_frequency(word, "en")


def _rare_word(word: str) -> bool:
    return _zipf(word) < _NAME_ZIPF


def _lone_speakers(
    doc: _Doc, gaz: _Gazetteer, words: set[str]
) -> list[tuple[int, int, str]]:
    """(start, end, type) of a capitalised word that speaks alone ("Melanie said",
    "AROS argues") with no full name in the article: a person, or an organisation
    when written in capitals; only a word rare in English and never written in lower
    case in the article, nor a role, group or title word."""
    if not words:
        return []
    heads, quantifiers = _speaker_heads(), _quantifier_heads()
    keep, brands = [], set()
    for word in sorted(words):
        low = word.lower()
        if (
            len(word) < 2
            or not word.isalpha()
            or low in heads
            or low in quantifiers
            or low in gaz.title_words
            or word in _org_heads()
        ):
            continue
        if low in doc.norm:  # a C-level scan for each of a few words
            continue
        if word not in gaz.nonperson and (_rare_word(low) or word in _first_names()):
            keep.append(word)  # "Melanie said", "Joseph said": a person
        elif _capitalised_within(doc, word) >= 2:
            # a common word always capitalised, also within sentences: a brand or
            # body's name ("Google said", "Apple said"), not a person's surname
            keep.append(word)
            brands.add(word)
    out = []
    inside = set()  # words also part of a longer name: "Keith" of "Keith Vaz"
    alone = []
    for k in _positions(doc.norm, keep):
        if (
            k > 0
            and doc.tight[k]
            and doc.cap[k - 1]
            and not doc.sentence_initial(k - 1)
        ) or (k + 1 < doc.n and doc.tight[k + 1] and doc.cap[k + 1]):
            inside.add(doc.norm[k])
        else:
            alone.append(k)
    cited = {
        doc.norm[k]
        for k in alone
        if k >= 2 and doc.norm[k - 1] == "to" and doc.norm[k - 2] in _ACCORDING
    }
    for k in alone:
        word = doc.norm[k]
        if word in inside:
            continue  # the name's other persons decide (`_first_name_candidates`)
        # "according to Gallup": one word cited so is a pollster, paper or body; a
        # person would be named in full
        organisation = word.isupper() or word in brands or word in cited
        out.append((k, k + 1, "organisation" if organisation else "person"))
    return out


# Words before a speaker's name that are no part of it ("Tory Shadow Chancellor Oliver
# Letwin", "Chief Supt Mick Deats"): the titles of the gazetteer, demonyms, and these.
_BEFORE_NAME = frozenset(
    "ex former shadow tory labour senior acting deputy assistant supt det insp sgt".split()
)
# Letters after a person's name: a seat or an honour, no part of it ("Frank Field MP").
# The speakers layer reads the same set.
HONOURS = frozenset({"MP", "MEP", "MSP", "AM", "QC", "KC", "OBE", "MBE", "CBE", "KBE"})
# Acronyms of common nouns and of offices: no organisation speaks by them.
_THING_ACRONYMS = frozenset(
    "TV PC DVD CD GDP HIV AIDS CEO CFO VP ATM GPS SMS VAT DNA IQ HQ IT AI PDF USB LCD "
    "MP MPS MEP MSP PAC".split()
)
# How a quote names a person or an organisation in place of its name.
_PERSONAL = frozenset({"he", "she", "him", "her"})
_IMPERSONAL = frozenset({"it", "its", "the company", "the firm", "the group"})


def _opens_a_name(doc: _Doc, word: str) -> bool:
    """The article writes `word` first in a longer name ("Argonaut Games", "Sumitomo
    Mitsui Financial") or after "called" ("a company called Akamai"): a body's name."""
    return any(
        (k + 1 < doc.n and doc.tight[k + 1] and doc.cap[k + 1])
        or (k > 0 and doc.norm[k - 1] == "called")
        for k in _positions(doc.norm, (word,))
    )


def _ends_a_name(doc: _Doc, word: str, gaz: _Gazetteer) -> bool:
    """The article writes `word` as a person's surname somewhere ("Fidel Castro",
    "Prince Alwaleed", "Mr Sanders"): after a capitalised word inside a sentence."""
    return any(
        k > 0
        and doc.tight[k]
        and doc.cap[k - 1]
        and (
            not doc.sentence_initial(k - 1)
            or doc.norm[k - 1] in _HONORIFIC_FORMS
            or doc.norm[k - 1].lower() in gaz.title_words
        )
        for k in _positions(doc.norm, (word,))
    )


@functools.cache
def _place_words() -> frozenset[str]:
    return lexicons.word_set(PLACE_WORDS_FILE)


def _speaker_candidates(
    doc: _Doc, gaz: _Gazetteer, speakers: dict[str, set[str]] | None
) -> list[tuple[int, int, str]]:
    """(start, end, type) of each place the article names a speaker of its quotes.

    The quotes layer resolves "he" and "the company" to the name it stands for; that
    name is an actor even where no pattern here finds it ("Jeremy Dear, NUJ General
    Secretary", "said project manager Livio Costantini"). Only names of a clear shape
    count (`_speaker_shape`); group phrases ("Labour MPs", "Many") are no names.
    """
    out = []
    for name, written in (speakers or {}).items():
        shape = _speaker_shape(name, written, doc, gaz)
        if shape is None:
            continue
        words, kind = shape
        for k in _positions(doc.norm, (words[0],)):
            end = k + len(words)
            if end > doc.n or doc.norm[k:end] != list(words):
                continue
            before = doc.norm[k - 1] if k > 0 else ""
            if (
                k > 0
                and doc.tight[k]
                and doc.cap[k - 1]
                and not doc.sentence_initial(k - 1)
                and before not in _HONORIFIC_FORMS
                and before.lower() not in gaz.title_words
                and not _demonym(before, gaz)
            ) or (end < doc.n and doc.tight[end] and doc.cap[end]):
                continue  # part of a longer name
            after = doc.norm[end] if end < doc.n else ""
            if "&" in (before, after) or (
                after == "and" and end + 1 < doc.n and doc.cap[end + 1]
            ):
                continue  # "Ernst & Young", "Ernst and Young's Sanjay Mehta"
            out.append((k, end, kind))
    return out


def _speaker_shape(
    name: str, written: set[str], doc: _Doc, gaz: _Gazetteer
) -> tuple[tuple[str, ...], str] | None:
    """A speaker's name as tokens with its type, or None if it has no name's shape.

    A person's name is two or three capitalised words after the titles, demonyms and
    honours around it ("Russian Dmitriy Bogdanov"), none of them a title, a place or
    an organisation's head word, the last not a word the article writes in lower case
    ("Kings Cross"). One word is an organisation when it is an acronym ("MPAA"), or a
    word rare in English that the article capitalises inside sentences, never writes
    in lower case nor as a surname, and either opens a longer name or is called "it"
    or "the company" by the quotes ("Argonaut", "Akamai"); else it may be a surname
    ("Castro") and is left to the other finders.
    """
    words = name.split()
    while len(words) > 1 and (
        words[0].lower() in gaz.title_words
        or words[0].lower() in _BEFORE_NAME
        or words[0] in _HONORIFIC_FORMS
        or _demonym(words[0], gaz)
        or (words[0].endswith(("ian", "ean")) and words[0] not in _first_names())
    ):
        words = words[1:]
    honoured = len(words) > 1 and words[-1] in HONOURS
    if honoured:
        words = words[:-1]
        if words[0] not in _first_names():
            return None  # "Mid Bedfordshire MP": a seat, not a name
    if words[0] in _NOT_NAME or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    if len(words) == 1:
        word = words[0]
        if len(word) >= 2 and word.isupper():
            if word in _THING_ACRONYMS or len(word) > 5 or not _rare_word(word.lower()):
                return None  # "TV"; "TAPPER:", "WASHINGTON —", "COULD": no acronyms
            return (word,), "organisation"
        if (
            word in _first_names()
            or word in gaz.nonperson
            or word.lower() in doc.norm
            or not _rare_word(word.lower())
            or _capitalised_within(doc, word) == 0
            or (word.endswith("s") and word[:-1] in doc.norm)  # "Hispanics"
            or _ends_a_name(doc, word, gaz)
        ):
            return None
        if written & _IMPERSONAL or _opens_a_name(doc, word):
            return (word,), "organisation"
        return None  # a surname, perhaps ("Castro"): the other finders decide
    if (
        len(words) > 3
        or not (words[0] in _first_names() or _rare_word(words[0].lower()))
        or any(
            w.isupper()
            or w.lower() in gaz.title_words
            or w in gaz.exact
            or w in gaz.nonperson
            or f"{w}s" in gaz.exact  # "Republican"
            or f"{w} Party" in gaz.exact  # "Democratic"
            or w in _org_heads()
            or w in _place_words()
            for w in words
        )
    ):
        return None  # "Presumptive Democratic", "Boston Globe", "Lee County"
    if words[-1].lower() in doc.norm or written & _IMPERSONAL:
        return None  # "Kings Cross", "Ask Jeeves ... it said": no person's name
    return tuple(words), "person"


# A capitals word and a colon opening a line ("WALLACE: ..."), to skip texts with none.
_LABEL_RE = re.compile(r"(?m)^\s*[\"“]?[A-Z]{3,}:")


def _transcript_labels(doc: _Doc) -> list[tuple[int, int, str]]:
    """'WALLACE: ...' opening two or more paragraphs: a transcript's speaker label, a
    person, unless a common word (not "UPDATE:", "WATCH:"). Listed
    persons are found by their capitals form already ("PENCE:")."""
    if _LABEL_RE.search(doc.text) is None:  # one C-level pass: most texts have none
        return []
    labels: dict[str, list[int]] = {}
    for colon in _positions(doc.norm, (":",)):  # colons are few: start from them
        k = colon - 1
        token = doc.norm[k] if k >= 0 else ""
        if len(token) >= 3 and token.isupper() and token.isalpha():
            at = k - 1 if k > 0 and doc.norm[k - 1] in ('"', "“") else k
            if at == 0 or (doc.gap[at] and not doc.tight[at]):
                labels.setdefault(token, []).append(k)
    return [
        (k, k + 1, "person")
        for token, at in sorted(labels.items())
        if len(at) >= 2 and _zipf(token.lower()) < _LABEL_ZIPF
        for k in at
    ]


# A label that opens paragraphs twice is a name unless a common word ("UPDATE:",
# "QUESTION:", Zipf 5): a common surname ("WALLACE:", 4.05) passes.
_LABEL_ZIPF = 4.5


def _capitalised_within(doc: _Doc, word: str) -> int:
    """How often `word` stands alone inside a sentence, not first in it."""
    return sum(
        1
        for k in _positions(doc.norm, (word,))
        if not doc.sentence_initial(k)
        and not (doc.tight[k] and doc.cap[k - 1])
        and not (k + 1 < doc.n and doc.tight[k + 1] and doc.cap[k + 1])
    )


def _token_at(doc: _Doc, offset: int) -> int:
    """The first token that starts at `offset` or after it. Bisecting the end offsets
    spares a list of every start offset, which cost 0.05 ms per PolNeAR article (4% of
    mentions() in pyinstrument) as most articles have a middle initial."""
    i = bisect_right(doc.ends, offset)  # the first token that ends after it
    return i + 1 if i < doc.n and doc.start(i) < offset else i


def _title_at(doc: _Doc, i: int, gaz: _Gazetteer) -> _Title | None:
    for title in gaz.titles.get(doc.norm[i].lower(), ()):
        if doc.matches(i, title.tokens, title.gaps, lower=True):
            return title
    return None


def _person_entry(name: str, kind: str) -> _Entry:
    return _Entry(name, kind, None, None)


def _name_text(doc: _Doc, start: int, end: int) -> str:
    text = doc.text[doc.start(start) : doc.ends[end - 1]]
    return _normalise(" ".join(text.split()))


def _select(cands: Iterable[_Cand], doc: _Doc) -> list[_Cand]:
    """Non-overlapping candidates: longest span first, then priority, then position."""
    ends, norm = doc.ends, doc.norm
    order = sorted(
        cands,
        # the span's length in characters, without a method call per candidate
        # (too small a saving to time apart from the noise)
        key=lambda c: (
            -(ends[c.end - 1] - ends[c.start] + len(norm[c.start])),
            -c.priority,
            c.start,
            c.entry.actor if c.entry else "",
        ),
    )
    taken = [False] * doc.n
    chosen: list[_Cand] = []
    for c in order:
        if any(taken[c.start : c.end]):
            continue
        for t in range(c.start, c.end):
            taken[t] = True
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def mentions(text: document.TextOrDocument) -> list[Mention]:
    """Every actor mention in `text`, sorted by (start, end); mentions never overlap.

    >>> [(m.actor, m.text) for m in mentions("Moscow and Pyongyang signed.")]
    [('Russia', 'Moscow'), ('North Korea', 'Pyongyang')]
    """
    if not isinstance(text, (str, document.Document)):
        raise TypeError(f"mentions() needs a str, not {type(text).__name__}")
    article = document.of(text)
    return _find_mentions(article.text, _quoted_names(article.quotes))


def _quoted_names(quotes: Iterable[Any]) -> dict[str, set[str]]:
    """The names the quotes layer gives its speakers, in text order, each with the
    words that stood for it ("he", "the company", the name itself), in lower case."""
    out: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker:
            out.setdefault(q.speaker, set()).add((q.speaker_text or "").lower())
    return out


def _find_mentions(
    text: str, speakers: dict[str, set[str]] | None = None
) -> list[Mention]:
    gaz = _gazetteer()
    doc = _Doc(text)

    # Round 1: gazetteer aliases (with collectives), titles, "Name said".
    cands, deferred, ends_at, starts_at = _gazetteer_candidates(doc, gaz)
    # A name guess never overlaps what the gazetteer found ("Trump Should Win GOP").
    covered = bytearray(doc.n)
    for c in cands:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    ends_any = {k: list(v) for k, v in ends_at.items()}
    for c in deferred:
        ends_any.setdefault(c.end, []).append(c)
    titled = _titles(doc, gaz, ends_any, starts_at)
    names = _speaker_names(doc, gaz) + _first_name_persons(doc, gaz)
    names += _recurring_surnames(doc, gaz)
    echoed, lone = _echoed_names(doc, gaz)
    heads = _org_heads()
    for start, end in names + echoed:
        if any(covered[start:end]) or any(
            doc.norm[k] in heads and not _middle_name_head(doc, start, end, k, heads)
            for k in range(start + 1, end)
        ):
            continue  # "Delta Air Lines said": an organisation's head word
        entry = _person_for(_name_text(doc, start, end), "person", gaz)
        cands.append(_Cand(start, end, entry, -1))  # a title says more: it wins
    for start, end, kind in _lone_speakers(doc, gaz, lone) + _transcript_labels(doc):
        if not covered[start]:
            name = doc.norm[start]
            if kind == "person" and name.isupper():
                name = name.title()  # a transcript's "WALLACE:" is Wallace
            cands.append(_Cand(start, end, _Entry(name, kind, None, None), -3))
    for t in titled:
        if any(covered[t.name_start : t.name_end]):
            continue
        if t.name_end - t.name_start >= 2 or (
            t.name_end - t.name_start == 1
            and "-" in _name_text(doc, t.name_start, t.name_end)
        ):
            if t.title.role in _OCCUPATIONS and _headline(
                doc, t.name_start, t.name_end
            ):
                continue  # "Well-Known Author Would Consider Third-Party Run"
            name = _name_text(doc, t.name_start, t.name_end)
            entry = _person_for(name, t.title.type, gaz)
            cands.append(_Cand(t.name_start, t.name_end, entry, 0))
    first = _select(cands, doc)

    # Who was named in full, with which office and country, and where first.
    persons: dict[str, _PersonInfo] = {}
    first_seen: dict[str, int] = {}
    for c in first:
        if c.entry is None:
            continue
        first_seen.setdefault(c.entry.actor, c.start)
        # "the North" may follow a mention of Kim Jong-un or KCNA as well
        if c.entry.country is not None:
            first_seen.setdefault(c.entry.country, c.start)
        if c.entry.type in _PERSON_TYPES:
            info = persons.setdefault(
                c.entry.actor, _PersonInfo(c.entry, [], set(), None)
            )
            info.full.append(c.start)
    titled = [
        t
        if not t.country_needs_mention
        or first_seen.get(t.country.actor, t.country_start) < t.country_start
        else dataclasses.replace(t, country=None, country_start=t.start)
        for t in titled
    ]
    by_name_start = {c.start: c for c in first if c.entry is not None}
    for t in titled:
        c = by_name_start.get(t.name_start)
        if c is None or c.entry is None or c.entry.type not in _PERSON_TYPES:
            continue
        info = persons[c.entry.actor]
        if t.title.role and not _hypothetical(doc, t.start):
            info.roles.add(t.title.role)
        if t.country is not None and info.country is None:
            info.country = t.country.actor

    # Round 2: aliases that need an earlier mention, surnames, titles + surname, roles.
    extra = [
        _Cand(c.start, c.end, c.entry, 2)
        for c in deferred
        if c.entry is not None and first_seen.get(c.entry.actor, c.start) < c.start
    ]
    extra += _surname_candidates(doc, gaz, persons, titled)
    extra += _tail_names(doc, persons)
    extra += _role_phrases(doc, titled, persons, gaz)
    extra += _first_name_candidates(doc, gaz, persons, first)
    extra += _open_class_candidates(doc, gaz, first, persons, starts_at)
    # Whom the quotes layer names as a speaker is an actor wherever the article names
    # them ("New Yorker Dick Morris" for the man quoted as "he" throughout); any other
    # finding of the same span says more about its type.
    found = bytearray(doc.n)
    for c in first:
        found[c.start : c.end] = b"\x01" * (c.end - c.start)
    extra += [
        _Cand(start, end, _Entry(_name_text(doc, start, end), kind, None, None), -4)
        for start, end, kind in _speaker_candidates(doc, gaz, speakers)
        if not any(found[start:end])
    ]

    chosen = _select(first + extra, doc)
    # Round 3: "the company", "the agency" -> the one such organisation named before.
    # "North and South Korea": "North" is North Korea, its head word shared.
    chosen += _definite_orgs(doc, chosen) + _shared_heads(doc, chosen, gaz)
    # "the Republican nominee" -> the one person the article gives that candidacy.
    roles = _party_roles(doc, chosen)
    if roles:  # the party word inside one is no mention of the party of its own
        inside = {k for c in roles for k in range(c.start, c.end)}
        chosen = [c for c in chosen if c.start not in inside] + roles
    # "the administration": the government of the story's home country.
    home = _home_country(text, [c.entry for c in chosen if c.entry is not None], gaz)
    if home is not None:
        chosen += _home_government(doc, chosen, gaz.entries[home])
    # "his lawyer said", "according to two doctors": an unnamed source phrase.
    chosen += _unnamed_speakers(doc, chosen, gaz)
    chosen = [
        _city_as_place(doc, c)
        for c in chosen
        if not _named_after(doc, c) and not _in_title(doc, c)
    ]
    chosen = _country_opens_names(doc, chosen)
    chosen = _merge_name_variants(_merge_full_names(_retype(doc, chosen, gaz)), gaz)
    chosen = _merge_body_names(_merge_company_names(chosen, gaz), gaz)
    chosen = _without_descriptors(doc, chosen)
    chosen.sort(key=lambda c: c.start)

    out = []
    for c in chosen:
        if c.entry is None:
            continue
        start, end = doc.start(c.start), doc.ends[c.end - 1]
        out.append(Mention(c.entry.actor, c.entry.type, start, end, text[start:end]))
    return out


def _without_descriptors(doc: _Doc, chosen: list[_Cand]) -> list[_Cand]:
    """ "say analysts Jupiter Research": the noun that types a named organisation right
    after it is no anonymous source of its own."""
    typed = {
        c.start
        for c in chosen
        if c.entry is not None and c.entry.type in ORGANISATION_TYPES
    }
    return [
        c
        for c in chosen
        if not (
            c.entry is not None
            and c.entry.type == "anonymous source"
            and c.end in typed
            and doc.norm[c.end - 1].lower() in _ORG_NOUNS
        )
    ]


# --------------------------------------------------------------------------- cities

# Words before a city that make it the place where something happens ("the Olympics in
# Athens", "a concert at Copenhagen"), not its state; "from" and "to" are left out:
# "pressure from Beijing", "a message to Moscow" mean the government.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "around", "across", "throughout", "inside"}
)
# Words after a city that make it an event's venue ("the Athens Olympics").
_VENUE_WORDS = frozenset({"Olympic", "Olympics", "Games", "Marathon", "Open"})


@functools.cache
def _cities() -> frozenset[str]:
    return lexicons.word_set(CITIES_FILE)


@functools.cache
def _city_first_words() -> frozenset[str]:
    return frozenset(_normalise(city).split()[0].split("-")[0] for city in _cities())


def _city_as_place(doc: _Doc, c: _Cand) -> _Cand:
    """A capital after "in" or before "Olympics" is a place, its own actor; its
    possessive ("in Beijing's policy") stays the government's."""
    entry = c.entry
    if entry is None or entry.type not in ("country", "bloc"):
        return c
    if doc.norm[c.start] not in _city_first_words():
        return c  # most country mentions: "Russia", "Russian" (no text built)
    name = _name_text(doc, c.start, c.end)
    if name not in _cities():
        return c
    before = doc.norm[c.start - 1].lower() if c.start > 0 else ""
    after = doc.norm[c.end] if c.end < doc.n else ""
    if after == "'":
        return c  # "a shift in Beijing's policy": the government's
    if before in _PLACE_PREPOSITIONS or after in _VENUE_WORDS:
        return dataclasses.replace(c, entry=_Entry(name, "place", None, None))
    return c


# --------------------------------------------------------------------------- things

# Capitalised words after a person's name that make the phrase a thing named after the
# person ("the Hans Christian Andersen Award", "the Turner Prize"), not the person.
_NAMED_AFTER_WORDS = frozenset(
    {"Award", "Awards", "Prize", "Prizes", "Medal", "Trophy", "Cup", "Lecture"}
    | {"Scholarship", "Fellowship", "Memorial"}
)


def _named_after(doc: _Doc, c: _Cand) -> bool:
    """A person's name that is part of an award's or a trophy's name."""
    if c.entry is None or c.entry.type not in _PERSON_TYPES:
        return False
    after = doc.norm[c.end] if c.end < doc.n else ""
    return doc.norm[c.end - 1] in _NAMED_AFTER_WORDS or after in _NAMED_AFTER_WORDS


# Capitalised heads of the names of events, games and institutions that a country's
# name, city or people word opens: "the London Marathon", "the European Indoor
# Championships", "the Athens Olympics", "the British Empire", "UK Athletics", "the UK
# Internet Forum".
_EVENT_HEADS = frozenset(
    {"Marathon", "Olympics", "Olympic", "Games", "Championships", "Championship"}
    | {"Cup", "Open", "League", "Grand", "Empire", "Forum", "Athletics", "Festival"}
    | {"Museum", "Gallery", "Derby", "Rally", "Classic", "Series", "Tour"}
)


def _names_an_event(doc: _Doc, c: _Cand) -> bool:
    """A country or bloc word (a people word, or a city read as its country) that opens
    the name of an event or an institution (its head word one or two capitalised words
    on), not a mention of the country; a city kept as a place ("the Athens Olympics")
    stays one."""
    if c.entry is None or c.entry.type not in ("country", "bloc"):
        return False
    j = c.end
    for _ in range(2):
        if j >= doc.n or not doc.is_cap(j) or not doc.tight[j]:
            return False
        if doc.norm[j] in _EVENT_HEADS:
            return True
        j += 1
    return False


def _country_opens_names(doc: _Doc, chosen: list[_Cand]) -> list[_Cand]:
    """The candidates less the country words that open an event's or an institution's
    name (`_names_an_event`); the name found after such a word takes it in ("the UK
    Internet Forum", "the United States Football League")."""
    openers = [c for c in chosen if _names_an_event(doc, c)]
    by_end = {c.end: c for c in openers}
    out = []
    for c in chosen:
        if c in openers:
            continue
        word = by_end.get(c.start)
        if (
            word is not None
            and c.entry is not None
            and c.entry.type in ORGANISATION_TYPES
        ):
            name = _name_text(doc, word.start, c.end)
            c = dataclasses.replace(
                c, start=word.start, entry=dataclasses.replace(c.entry, actor=name)
            )
        out.append(c)
    return out


def _in_title(doc: _Doc, c: _Cand) -> bool:
    """ "Andrew Taylor's The American Boy", "The British Museum": a people word after a
    capitalised "The" inside a sentence and before another capitalised word is part of
    a title or a name, no mention of the country."""
    if c.entry is None or c.entry.type not in ("country", "bloc"):
        return False
    i = c.start
    return (
        i >= 1
        and doc.norm[i - 1] == "The"
        and not doc.sentence_initial(i - 1)
        and c.end < doc.n
        and doc.is_cap(c.end)
        and doc.tight[c.end]
        and _demonym(doc.norm[i], _gazetteer())
    )


def _remap(chosen: list[_Cand], target: dict[str, _Entry]) -> list[_Cand]:
    """The candidates with each actor named in `target` replaced by its entry."""
    return [
        dataclasses.replace(c, entry=target[c.entry.actor])
        if c.entry is not None and c.entry.actor in target
        else c
        for c in chosen
    ]


def _merge_full_names(chosen: list[_Cand]) -> list[_Cand]:
    """ "Christian Andersen" after or before "Hans Christian Andersen": one person, the
    longest full name, when only one full name of the article ends so."""
    entries = {
        c.entry.actor: c.entry
        for c in chosen
        if c.entry is not None
        and c.entry.type in _PERSON_TYPES
        and " " in c.entry.actor
    }
    if len(entries) < 2:
        return chosen
    # each name's word suffixes of two words or more -> the longer names ending so
    longer: dict[str, list[str]] = {}
    for full in sorted(entries):
        words = full.split()
        for k in range(1, len(words) - 1):
            longer.setdefault(" ".join(words[k:]), []).append(full)
    target = {
        short: entries[names[0]]
        for short, names in longer.items()
        if len(names) == 1 and short in entries
    }
    if not target:
        return chosen
    return _remap(chosen, target)


@functools.cache
def _given_names() -> dict[str, frozenset[str]]:
    """A given name (folded) -> the formal names it may stand for, itself included."""
    out: dict[str, set[str]] = {}
    for short, formal in lexicons.table(NICKNAMES_FILE, 2):
        out.setdefault(_fold(short), {_fold(short)}).add(_fold(formal))
    return {name: frozenset(forms) for name, forms in out.items()}


def _given_forms(name: str) -> frozenset[str]:
    """The formal names the first word of a full name may stand for, itself included."""
    first = _fold(name.split()[0])
    return _given_names().get(first, frozenset({first}))


def _fold(word: str) -> str:
    """Lower case without accents: "Raúl" -> "raul"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_PERSON_RANK = {"leader": 0, "official": 1, "person": 2}


def _merge_name_variants(chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """ "Dick Blumenthal" and "Richard Blumenthal", "Raúl R. Labrador" and "Raul
    Labrador", "Donald John Trump" and "Donald Trump": one person when two full names
    of the article share the surname and the given name (a short form counts as its
    formal name; accents, middle names and initials aside). A name with Jr. or Sr.
    stays apart (father and son), and so do two listed actors.

    The merged person takes the listed name if there is one, else the most mentioned
    (the longest of equals), and the most specific type of the names (leader,
    official, person)."""
    count: dict[str, int] = {}
    entries: dict[str, _Entry] = {}
    for c in chosen:
        if c.entry is not None and c.entry.type in _PERSON_TYPES:
            count[c.entry.actor] = count.get(c.entry.actor, 0) + 1
            entries.setdefault(c.entry.actor, c.entry)
    groups: dict[str, list[str]] = {}
    for name in entries:
        words = name.replace(".", "").split()
        if len(words) >= 2 and not _SUFFIXES.intersection(words):
            groups.setdefault(_fold(words[-1]), []).append(name)
    target: dict[str, _Entry] = {}
    for members in groups.values():
        for name in members:
            if name in target:
                continue
            forms = _given_forms(name)
            same = [m for m in members if m not in target and forms & _given_forms(m)]
            listed = [m for m in same if m in gaz.entries]
            if len(same) < 2 or len(listed) > 1:
                continue
            keep = listed[0] if listed else max(same, key=lambda m: (count[m], len(m)))
            merged = entries[keep]
            if not listed:
                kind = min(
                    (entries[m] for m in same), key=lambda e: _PERSON_RANK[e.type]
                )
                role = merged.role or kind.role
                merged = dataclasses.replace(merged, type=kind.type, role=role)
            for m in same:
                target[m] = merged
    if not target:
        return chosen
    return _remap(chosen, target)


def _entries_of_type(chosen: list[_Cand], kind: str) -> dict[str, _Entry]:
    """The entries of the candidates' actors of type `kind`, by actor name."""
    return {
        c.entry.actor: c.entry
        for c in chosen
        if c.entry is not None and c.entry.type == kind
    }


def _merge_company_names(chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """ "Wal-Mart" and "Wal-Mart Stores Inc.", "Valeant" and "Valeant
    Pharmaceuticals": a company's name without its trailing company words is the same
    company, when only one company of the article has that core; the full name is
    kept unless the core is a listed actor's."""
    heads = _org_heads()
    companies = _entries_of_type(chosen, "company")
    if len(companies) < 2:
        return chosen
    longer: dict[str, list[str]] = {}
    for name in sorted(companies):
        words = name.split()
        k = len(words)
        while k > 1 and heads.get(words[k - 1].rstrip(",")) == "company":
            k -= 1
            longer.setdefault(" ".join(words[:k]), []).append(name)
    target = {}
    for core, names in longer.items():
        if len(set(names)) == 1 and core in companies:
            if core in gaz.entries:
                target[names[0]] = companies[core]
            else:
                target[core] = companies[names[0]]
    if not target:
        return chosen
    return _remap(chosen, target)


def _merge_body_names(chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """ "Senate Judiciary Committee" and "Judiciary Committee": a government body's
    unlisted name that ends another body's name (in two words or more) after a listed
    body or place is that body, when only one body of the article ends with it (not
    with both "House Intelligence Committee" and "Senate Intelligence Committee")."""
    bodies = _entries_of_type(chosen, "government body")
    if len(bodies) < 2:
        return chosen

    longer: dict[str, list[str]] = {}
    for name in sorted(bodies):
        words = name.split()
        for k in range(1, len(words) - 1):
            before = _listed_entry(gaz, " ".join(words[:k]))  # "Senate"
            if before is not None and before.type in _CHAMBER_TYPES:
                longer.setdefault(" ".join(words[k:]), []).append(name)
    target = {
        tail: bodies[names[0]]
        for tail, names in longer.items()
        if len(names) == 1 and tail in bodies and _listed_entry(gaz, tail) is None
    }
    return _remap(chosen, target) if target else chosen


def _listed_entry(gaz: _Gazetteer, name: str) -> _Entry | None:
    """The gazetteer entry `name` (as written) is an alias of, if any."""
    actor = gaz.exact.get(" ".join(_split_tokens(name)[0]))
    return None if actor is None else gaz.entries[actor]


# What a body's name may start with and still be the body without it.
_CHAMBER_TYPES = frozenset({"government body", "country", "place"})


# Types a name's context may replace: a guess from "Name said" (a person) or from a
# head word ("Norwich Union": a union), never a listed actor's or a title's.
_RETYPABLE = frozenset({"person", "advocacy group", "organisation"})


def _retype(doc: _Doc, chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """An unlisted name whose context anywhere in the article says what it is ("the
    insurer Norwich Union", "Omnicom, the advertising group", "Acme's profits") takes
    that type in all its mentions: the context says more than a head word or a
    speech verb."""
    # Unlisted names only (most mentions are of listed actors); "Wells Fargo said"
    # read as a person's full name is the company found elsewhere.
    unlisted = [c for c in chosen if c.entry and c.entry.actor not in gaz.entries]
    kinds: dict[str, str] = {}
    for c in unlisted:
        # "organisation" ("a Honda spokesman") says less than "car maker Honda"
        if (
            c.entry
            and c.entry.type in ORGANISATION_TYPES
            and (c.entry.type != "organisation" or c.entry.actor not in kinds)
        ):
            kinds[c.entry.actor] = c.entry.type
    for c in unlisted:
        entry = c.entry
        if entry is None or entry.type not in _RETYPABLE:
            continue
        if entry.type == "person" and " " in entry.actor:
            continue  # a person's full name (unless found as an organisation)
        kind = _org_context(doc, c.end, c.start) or _descriptor_before(doc, c.start)
        # "organisation" says less than a head word, but more than a speech verb
        if kind is not None and (kind != "organisation" or entry.type == "person"):
            kinds[entry.actor] = kind
    changed = {
        id(c)
        for c in unlisted
        if c.entry and kinds.get(c.entry.actor, c.entry.type) != c.entry.type
    }
    if not changed:
        return chosen  # most articles
    return [
        dataclasses.replace(
            c, entry=dataclasses.replace(c.entry, type=kinds[c.entry.actor])
        )
        if id(c) in changed and c.entry is not None
        else c
        for c in chosen
    ]


# --------------------------------------------------------------------------- open class


@functools.cache
def _org_heads() -> dict[str, str]:
    heads = {}
    for word, kind in lexicons.table(ORG_HEADS_FILE, 2):
        if kind not in TYPES:
            raise lexicons.LexiconError(f"{ORG_HEADS_FILE}: {word!r}: type {kind!r}")
        if word in heads:
            raise lexicons.LexiconError(f"{ORG_HEADS_FILE}: duplicate {word!r}")
        heads[word] = kind
    return heads


# Listed actors named by a common noun ("police", "the poll").
_LISTED_COMMON_TYPES = frozenset({"group", "document"})


@functools.cache
def _compound_heads() -> frozenset[str]:
    return lexicons.word_set(COMPOUND_HEADS_FILE)


@functools.cache
def _first_names() -> frozenset[str]:
    listed = {name for name, _gender in lexicons.table(FIRST_NAMES_FILE, 2)}
    return frozenset(listed | lexicons.word_set(CENSUS_FIRST_NAMES_FILE))


_TITLE_GENDERS = {"Mr": "m", "Mr.": "m", "Sir": "m", "Lord": "m"} | {
    "Mrs": "f",
    "Mrs.": "f",
    "Ms": "f",
    "Ms.": "f",
    "Miss": "f",
    "Dame": "f",
}


def _title_before(doc: _Doc, i: int) -> str:
    """The gendered title right before token i ("Mr", "Ms."), or ""."""
    norm = doc.norm
    if i >= 1 and norm[i - 1] in _TITLE_GENDERS:
        return norm[i - 1]
    if i >= 2 and norm[i - 1] == "." and norm[i - 2] + "." in _TITLE_GENDERS:
        return norm[i - 2] + "."
    return ""


def _gender_fits(actor: str, title: str) -> bool:
    """Whether a gendered title ("Mr", "Ms") may name the listed person `actor`: not
    when the person's first name is known for the other gender."""
    want = _TITLE_GENDERS.get(title)
    if want is None:
        return True
    genders = lexicons.mapping(FIRST_NAMES_FILE)
    first = actor.split()[0]
    return genders.get(first, want) == want


@functools.cache
def _scan_words() -> frozenset[str]:
    """Every word a rule finds with `_Doc.keyed`: aliases, titles, cues, first names."""
    gaz = _gazetteer()
    return frozenset(gaz.index).union(
        gaz.title_keys,
        _cue_words(),
        _SPEAKER_TRIGGERS_CASED,
        _first_names(),
        _subject_heads(),
    )


# Words inside a capitalised name that join its parts ("Department of State").
_CONNECTORS = frozenset({"of", "for", "&", "de", "du", "des", "Against"})
# Lower-case facility words after a name: "JFK airport", "Reagan airport".
_FACILITIES = frozenset(
    {"airport", "street", "avenue", "bridge", "school", "hospital", "stadium"}
    | {"station", "highway", "boulevard", "square", "library", "center", "centre"}
)
# "Reagan National", "Dulles International": a person's name before these is an airport.
_AIRPORT_WORDS = frozenset({"National", "International"})
_WEB_SUFFIXES = {
    "com": "company",
    "org": "advocacy group",
    "net": "organisation",
    "gov": "government body",
    "io": "company",
    "info": "organisation",
}
# "Google's spokesman", "Acme's shares": what only an organisation has.
_ORG_POSSESSED = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "ceo", "employees", "shares"}
    | {"headquarters", "executives", "founder", "stock", "customers", "website"}
    | {"subsidiary", "staff", "workers", "board", "users", "products", "servers"}
    | {"shareholders", "investors", "earnings", "profit", "profits", "revenue"}
    | {"sales", "factory", "factories", "plant", "plants", "stores", "app"}
)
# "Acme's shareholders", "Acme's quarterly profit": what only a company has (a subset of
# the above; the rest, a spokesman or a website, any organisation has).
_COMPANY_POSSESSED = frozenset(
    {"ceo", "shares", "stock", "shareholders", "investors", "earnings", "profit"}
    | {"profits", "revenue", "sales", "customers", "subsidiary", "stores"}
)
# "shares of Tesla", "a unit of Acme": what only a company has.
_COMPANY_OF = frozenset({"shares", "stock", "subsidiary", "unit", "division", "stake"})
# ... and "shares in Tesla", "a stake in Omnicom".
_STAKES = frozenset({"shares", "stock", "stake"})
# "Google, a company that", "GreatFire, an advocacy group": the noun gives the type.
_ORG_NOUNS = {
    "company": "company",
    "firm": "company",
    "startup": "company",
    "bank": "company",
    "retailer": "company",
    "airline": "company",
    "carrier": "company",
    "automaker": "company",
    "manufacturer": "company",
    "conglomerate": "company",
    "maker": "company",
    "corporation": "company",
    "group": "advocacy group",
    "nonprofit": "advocacy group",
    "charity": "advocacy group",
    "watchdog": "advocacy group",
    "coalition": "advocacy group",
    "organization": "organisation",
    "organisation": "organisation",
    "website": "organisation",
    "site": "organisation",
    "service": "organisation",
    "agency": "government body",
    "regulator": "government body",
    "ministry": "government body",
    "newspaper": "media",
    "broadcaster": "media",
    "network": "media",
    "outlet": "media",
    "party": "party",
    "militia": "armed group",
    "university": "organisation",
    "institute": "organisation",
    "tank": "organisation",  # think tank
    "insurer": "company",
    "lender": "company",
    "carmaker": "company",
    "drugmaker": "company",
    "chipmaker": "company",
    "giant": "company",  # "the advertising giant Omnicom"
    "union": "advocacy group",
    # trades of business news: "analysts Jupiter Research", "consultancy Deloitte",
    # "mobile operator Vodafone" (not "pollster", "publisher", "developer": persons too)
    "analysts": "company",
    "consultancy": "company",
    "operator": "company",
    "provider": "company",
}
# Sectors of trade: "the insurance group", "an advertising group" is a company, where a
# bare "group" is an advocacy group.
_TRADES = frozenset(
    {"advertising", "insurance", "banking", "media", "mining", "oil", "energy"}
    | {"retail", "drinks", "food", "engineering", "publishing", "technology", "tech"}
    | {"travel", "hotel", "steel", "chemicals", "pharmaceutical", "pharmaceuticals"}
    | {"telecoms", "financial", "construction", "property", "fashion", "leisure"}
    | {"entertainment", "investment", "defence", "defense", "software", "airline"}
)
# What a group campaigns for: "the lobby group X", "civil rights group X" is an
# advocacy group whatever head word its name has ("... Human Rights Commission").
_CAUSES = frozenset(
    {"lobby", "lobbying", "campaign", "campaigning", "pressure", "rights"}
    | {"advocacy", "activist", "protest", "environmental", "environmentalist"}
)
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Jobs held at an organisation: "top tester at [PC Pro]", "managing director of [X]".
_JOBS = frozenset(
    "tester director manager executive analyst editor founder economist "
    "researcher chairman chairwoman spokesman spokeswoman".split()
)
_ARTICLES = frozenset({"a", "an", "the"})
_MAX_RUN = 8


# Words that make a body named by what it deals with a government's ("House Committee
# on Oversight", "Senate Committee on Intelligence", "National Commission on Fiscal
# Responsibility"); without one it is a private body ("Council on Foreign Relations",
# "Commission on Presidential Debates").
_GOVERNMENT_MARKERS = frozenset(
    {"House", "Senate", "Joint", "Select", "Permanent", "National", "Federal"}
    | {"Presidential", "State", "City", "County", "Congressional", "Parliamentary"}
)
# Bodies named by what they deal with: "Commission on Presidential Debates", "Council
# on Foreign Relations" (not "Hofstra University on Long Island").
_ON_HEADS = frozenset(
    {"Commission", "Committee", "Subcommittee", "Council", "Institute", "Center"}
    | {"Centre", "Conference", "Panel", "Board"}
)


# Words a capitalised run may not end with ("Bank of", "Smith &").
_RUN_TRAILERS = _CONNECTORS | {"-", "&", "the", "on"}


def _run_word(doc: _Doc, j: int) -> bool:
    word = doc.norm[j]
    return (
        doc.cap[j]
        and word[:1].isalnum()
        and (word not in _NOT_NAME or _paper_day(doc, j))
    )


_TIME_PREPOSITIONS = frozenset(
    {"on", "by", "since", "until", "till", "from", "last", "next", "this", "every"}
)


def _paper_day(doc: _Doc, j: int) -> bool:
    """A day naming a newspaper: "the Sunday Times", "the Sunday Telegraph" (not
    after a preposition of time: "On Sunday Times Square was empty")."""
    return (
        doc.norm[j] in tokenize.CALENDAR_WORDS
        and (j == 0 or doc.norm[j - 1].lower() not in _TIME_PREPOSITIONS)
        and j + 1 < doc.n
        and doc.tight[j + 1]
        and _org_heads().get(doc.norm[j + 1]) == "media"
    )


def _cap_runs(doc: _Doc, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words on one line, joined by "of", "&", "-", "."
    ("Department of Homeland Security", "U.S.", "Acme Co.")."""
    runs = []
    n, norm = doc.n, doc.norm
    after = 0  # where the last run ended
    # Only capitalised words start a run: stepping through them alone rather than
    # every token saves 0.04 ms per PolNeAR article.
    for i, _ in doc.capitals():
        if i < after:
            continue
        if not _run_word(doc, i) or (
            i >= 2 and norm[i - 1] == "-" and not doc.gap[i] and not doc.cap[i - 2]
        ):
            continue  # "pro-Clinton Priorities USA Action": the prefix is no name
        j = i + 1
        while j < n and j - i < _MAX_RUN:
            if doc.gap[j] and not doc.tight[j]:
                break  # a new line
            word = norm[j]
            if (
                word in (".", "-", "&")
                and not doc.gap[j]
                and (
                    word != "."
                    or len(norm[j - 1]) <= 3
                    or norm[j - 1] + "." in _org_heads()
                )
            ):
                if word == "." and not (
                    j + 1 < n and doc.cap[j + 1] and not doc.gap[j + 1]
                ):
                    j += 1  # "Inc.", "Co.": the period ends the run
                    break
                j += 1
                continue
            if word in _CONNECTORS and j + 1 < n and _run_word(doc, j + 1):
                j += 1
                continue
            if (
                word == "on"
                and norm[j - 1] in _ON_HEADS
                and j + 1 < n
                and _run_word(doc, j + 1)
            ):
                j += 1  # "Commission on Presidential Debates", "Council on ..."
                continue
            if (
                word == "and"
                and j + 1 < n
                and _run_word(doc, j + 1)
                and (
                    not any(norm[k] in _org_heads() for k in range(i, j))
                    # one head word is no name alone: "Securities and Exchange
                    # Commission", "Fish and Wildlife Service" (not "House and
                    # Senate", "Department and Commission officials")
                    or (
                        j - i == 1
                        and norm[i] not in gaz.exact
                        and _org_heads()[norm[i]] != "place"  # "55th Street and"
                        and norm[j + 1] not in _org_heads()
                    )
                    # the head first, its complement joined: "Center for Strategic
                    # and International Studies", "Department of Health and Human
                    # Services"
                    # (one word before "and": not "Association of Flight
                    # Attendants and Delta Air Lines")
                    or (
                        j - i == 3
                        and norm[i] in _org_heads()
                        and norm[i + 1] in ("of", "for", "on", "Against")
                        and norm[i + 2] not in _org_heads()
                    )
                )
            ):
                j += 1  # not "X Fund and Y Bank": two names
                continue
            if (
                word in _CONNECTORS
                and j + 2 < n
                and norm[j + 1] == "the"
                and _run_word(doc, j + 2)
            ):
                j += 2  # "Coalition for the Homeless"
                continue
            if _run_word(doc, j):
                j += 1
                continue
            break
        while j > i and norm[j - 1] in _RUN_TRAILERS:
            j -= 1
        runs.append((i, j))
        after = max(j, i + 1)
    return runs


def _adjective(word: str) -> bool:
    """A nationality adjective ("American", "European", "Chinese"), not a country name."""
    return word.endswith(("an", "ish", "ese", "ic", "i")) and not word.isupper()


_OPEN_QUOTES = frozenset({'"', "“"})
_CLOSE_QUOTES = frozenset({'"', "”"})


def _quoted_title(doc: _Doc, i: int, j: int) -> bool:
    """A capitalised run alone in quotation marks is the title of a work (CNN's "State
    of the Union", "Face the Nation"), not an organisation."""
    if i == 0 or doc.norm[i - 1] not in _OPEN_QUOTES:
        return False
    if j < doc.n and doc.norm[j] in (".", ",", "?", "!"):
        j += 1  # American style: the period inside the quotes
    return j < doc.n and doc.norm[j] in _CLOSE_QUOTES


def _headline(doc: _Doc, i: int, j: int) -> bool:
    """The run i..j is on a title-case line ("Clinton Campaign Reportedly Scrambling
    For Black Voter Turnout"): most longer words around it are capitalised."""
    lo = i  # the line: stop at a line break only
    while lo > 0 and (doc.tight[lo] or not doc.gap[lo]) and i - lo < 12:
        lo -= 1
    hi = j
    while hi < doc.n and (doc.tight[hi] or not doc.gap[hi]) and hi - j < 12:
        hi += 1
    words = [
        k
        for k in (*range(lo, i), *range(j, hi))
        if len(doc.norm[k]) > 3 and doc.norm[k].isalpha()
    ]
    caps = sum(1 for k in words if doc.cap[k])
    if len(words) >= 2 and caps == len(words):
        return True  # a short title-case line: "Joining Forces With China."
    return len(words) >= 4 and caps >= 0.75 * len(words)


def _open_entry(
    doc: _Doc, start: int, end: int, kind: str, country: str | None
) -> _Entry:
    return _Entry(_name_text(doc, start, end), kind, country, None)


def _open_class_candidates(
    doc: _Doc,
    gaz: _Gazetteer,
    first: list[_Cand],
    persons: dict[str, _PersonInfo],
    starts_at: dict[int, list[_Cand]],
) -> list[_Cand]:
    """Organisations and places the gazetteer does not list, found by their form
    (head words, suffixes, web names, "Name (ACRONYM)") and their context ("X's
    spokesman", "X, a company"); then every other use of the same name."""
    heads = _org_heads()
    covered = bytearray(doc.n)
    for c in first:
        if c.entry is not None:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    person_words = {w for name in persons for w in name.replace("-", " ").split()}
    norm, n = doc.norm, doc.n
    found: list[_Cand] = []
    names: dict[tuple[str, ...], _Entry] = {}

    def add(start: int, end: int, entry: _Entry) -> None:
        if _headline(doc, start, end) or _quoted_title(doc, start, end):
            return
        found.append(_Cand(start, end, entry, -2))
        names.setdefault(tuple(norm[start:end]), entry)

    for i, j in _cap_runs(doc, gaz):
        # A country before the body it has ("U.S. Federal Aviation Administration").
        country = None
        for c in starts_at.get(i, ()):
            if c.entry is not None and c.entry.type in _COLLECTIVE_HEADS and c.end < j:
                country = c.entry.actor
                if (
                    c.entry.type == "government body"
                    and c.entry.country
                    and _run_word(doc, c.end)  # not "FBI and Justice Department"
                ):
                    # "Senate Intelligence Committee": a body of the body, one name
                    country = c.entry.country
                elif not _adjective(norm[c.end - 1]):
                    i = c.end  # "U.S. Federal Aviation Administration": two actors
                break  # "American Action Forum": one name
        while i < j and not _run_word(doc, i):
            i += 1  # "Republicans on the Oversight Committee"
        if (
            j - i >= 2
            and norm[i].lower() in _ORG_NOUNS
            and norm[i] not in heads  # "Bank of China", "Union Pacific"
            and doc.sentence_initial(i)
        ):
            i += 1  # "Insurer Norwich Union said": the noun is no part of the name
        if j - i >= 3 and norm[i].lower() in _COMPANY_OF and norm[i + 1] == "of":
            i += 2  # "Shares of Tesla fell": the company only
        if j - i == 1 and norm[i] in _PAPER_WORDS and norm[i - 1].lower() == "the":
            continue  # "The Post sent its reporter": a paper (`_definite_orgs`)
        if j - i > 2 and not _EXECUTIVES.isdisjoint(norm[i + 1 : j - 1]):
            for k in range(i + 1, j - 1):
                if norm[k] in _EXECUTIVES and covered[k + 1]:
                    if norm[k - 1].lower() not in _ROLE_MODIFIERS | _PAST_MARKERS:
                        j = k  # "Wells Fargo CEO John Stumpf": the company, its head
                    break  # not "Former CEO John Smith"
        if i == j:
            continue
        if j + 1 < n and norm[j] == "-" and not doc.gap[j] and norm[j + 1].islower():
            continue  # "Ivy League-trained surgeon": a modifier, not the league
        kind, j = _place_or_body(doc, gaz, i, j, heads)
        if kind is not None and "News" in norm[i:j]:
            kind = "media"  # "Christian News Service", "Kyodo News Agency"
        if kind in _UNIT_TYPES and i > 0:
            if _university_unit(doc, i, j):
                kind = "organisation"  # "Transport Studies Group at X University"
            elif (told := _descriptor_before(doc, i)) not in (None, "organisation"):
                kind = told  # "the lobby group Guantanamo Human Rights Commission"
        if (
            kind == "government body"
            and "on" in norm[i:j]
            and norm[i] not in _GOVERNMENT_MARKERS
            and (i == 0 or norm[i - 1] not in _GOVERNMENT_MARKERS)
        ):
            kind = "organisation"  # "Council on Foreign Relations": a think tank
        if (
            kind == "government body"
            and country
            and gaz.entries[country].type == "party"
        ):
            kind = "party"  # "DNC Rules Committee": a body of the party
        if kind is not None and j - i >= 2:
            end = j
            if kind == "place" and j < n and norm[j].lower() in _FACILITIES:
                end = j + 1
            add(i, end, _open_entry(doc, i, end, kind, country))
        elif (
            j < n
            and norm[j] in _FACILITIES
            and doc.tight[j]
            and not (
                j - i == 1
                and doc.sentence_initial(i)
                and _zipf(norm[i].lower()) >= _COMMON_ZIPF
            )  # "Call centre users 'lose patience'": a common noun first in a line
        ):
            add(i, j + 1, _open_entry(doc, i, j + 1, "place", None))  # "JFK airport"
        elif _person_of_acronym(doc, gaz, i, j, covered):
            end = _acronym_end(doc, j)
            add(end - 1, end, _open_entry(doc, end - 1, end, "organisation", None))
        elif any(covered[i:j]):
            continue
        elif (
            j < n
            and norm[j].lower() in _EXECUTIVE_WORDS
            and (kind := _executive_after(doc, j)) is not None
        ):
            add(i, j, _open_entry(doc, i, j, kind, country))  # a person's name is
            # never followed by "CEO": "Wells" of "Wells Fargo" is no first name
        elif norm[i] in _first_names() or norm[i] in person_words:
            continue
        elif (kind := _web_name(doc, i, j)) is not None:
            add(i, j + 2, _open_entry(doc, i, j + 2, kind, None))
        elif (kind := _org_context(doc, j, i)) is not None:
            end = _acronym_end(doc, j) if j - i > 1 else j  # "tester at PC Pro."
            add(i, end, _open_entry(doc, i, end, kind, country))
        elif (kind := _descriptor_names(doc, gaz, i, j)) is not None:
            end = _acronym_end(doc, j) if j - i == 2 else j  # "nonprofit E3G."
            add(i, end, _open_entry(doc, i, end, kind, country))  # "car giant Toyota"
        else:
            continue
        if not found or found[-1].start != i:
            continue  # skipped (a headline)
        # "the Federal Aviation Administration (FAA)": the acronym names it too.
        last = found[-1]
        k = last.end
        if (
            k + 2 < n
            and norm[k] == "("
            and norm[k + 2] == ")"
            and norm[k + 1].isupper()
            and norm[k + 1].isalpha()
            and 2 <= len(norm[k + 1]) <= 8
            and norm[k + 1] not in gaz.exact
        ):
            names.setdefault((norm[k + 1],), last.entry)
        # "International Steel Group ... ISG said": the initials name it too
        initials = "".join(
            w[0] for w in norm[last.start : last.end] if w not in _INITIAL_SKIPS
        )
        if (
            3 <= len(initials) <= 6
            and initials.isupper()
            and initials.isalpha()
            and last.end - last.start >= 3
            and initials not in gaz.exact
        ):
            names.setdefault((initials,), last.entry)
    # Acronyms defined after a gazetteer-less run with no head ("Protect Democracy (PD)")
    # are left out: without a head or a context the run may be anything.
    for start, end in _ampersand_names(doc, gaz):
        add(start, end, _open_entry(doc, start, end, "company", None))
    return found + _other_uses(doc, names, found)


# Words an organisation's initials skip: "International Energy Agency" is the IEA,
# "Department of Health" the DoH (lower case: no match), "Bank of England" the BoE.
_INITIAL_SKIPS = frozenset({"of", "for", "and", "the", "on", "&", "-", "in", "to"})


def _ampersand_names(doc: _Doc, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """ "Scottish & Newcastle", "Black & Decker", "Barnes & Noble": names joined by
    "&" are a firm's (a listed one is found by the gazetteer); not when a side is a
    country or the name is listed with "and" ("Bosnia & Herzegovina", "Trinidad &
    Tobago") nor when the last word is a common one ("Arts & Culture", "Research &
    Development")."""
    norm, n = doc.norm, doc.n
    out = []
    for k in _positions(norm, ["&"]):
        if not (0 < k < n - 1 and doc.tight[k] and doc.tight[k + 1]):
            continue
        i = k
        while i > 0 and k - i < 2 and _run_word(doc, i - 1) and doc.tight[i]:
            i -= 1
        j = k + 1
        while (
            j < n and j - k <= 2 and _run_word(doc, j) and (j == k + 1 or doc.tight[j])
        ):
            j += 1
        last = norm[j - 1]
        if (
            i == k
            or j == k + 1
            or _zipf(last.lower()) >= _AMPERSAND_ZIPF
            or last.endswith("ed")  # "Fair & Balanced": a slogan
            or last.lower() in gaz.title_words  # "Rudy Giuliani & Sen. Jeff Sessions"
            or norm[i] in _first_names()  # two persons: "Rudy Giuliani & ..."
        ):
            continue
        sides = (" ".join(norm[i:k]), " ".join(norm[k + 1 : j]))
        if _listed_entry(gaz, " and ".join(sides)) is not None:
            continue  # "Trinidad & Tobago": a listed name written with "and"
        if any(
            (e := _listed_entry(gaz, side)) is not None
            and e.type in ("country", "bloc")
            and not _adjective(side)  # "Scottish & Newcastle" is a brewer
            for side in sides
        ):
            continue
        out.append((i, j))
    return out


# A name's last word rarer than this is a name ("Newcastle" 4.1, "Noble" 4.2), not a
# common noun ("Culture" 5.0, "Development" 5.3).
_AMPERSAND_ZIPF = 4.5


def _person_of_acronym(
    doc: _Doc, gaz: _Gazetteer, i: int, j: int, covered: bytearray
) -> bool:
    """ "Doug Williams of BT", "Dr Doug Williams of BT": a named person of an acronym
    the gazetteer does not list; the acronym is the person's organisation."""
    norm = doc.norm
    j = _acronym_end(doc, j)
    if j - i < 3 or norm[j - 2] != "of":
        return False  # most runs: checked before any other test
    word = norm[j - 1]
    if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 6):
        return False
    if j < doc.n and norm[j] in _ORG_NOUNS and doc.tight[j]:
        return False  # "Cara Diemont of IT firm Dimension Data": a trade, the firm
    while i < j - 2 and (
        norm[i].lower() in _HONORIFICS or norm[i].lower() in gaz.title_words
    ):
        i += 1  # "Dr Doug Williams of BT": the title is no part of the name
    return i < j - 2 and word not in gaz.exact and all(covered[i : j - 2])


def _acronym_end(doc: _Doc, j: int) -> int:
    """The end of a run without the period that closes its sentence ("of BT.")."""
    return j - 1 if doc.norm[j - 1] == "." else j


# Words before "Center" that make it a building or site, not a think tank or a
# charity ("Center for American Progress"): what is done or found there.
_FACILITY_CENTERS = frozenset(
    {"Trade", "Convention", "Shopping", "Medical", "Medicine", "Trauma", "Civic"}
    | {"Detention"}
    | {"Conference", "Community", "Data", "Distribution", "Arts", "Events", "Sports"}
)


# Words before "League" that make it a sports league, not a civic league.
_SPORTS_LEAGUES = frozenset(
    {"Football", "Baseball", "Basketball", "Hockey", "Soccer", "Premier", "Major"}
)


def _place_or_body(
    doc: _Doc, gaz: _Gazetteer, i: int, j: int, heads: dict[str, str]
) -> tuple[str | None, int]:
    """The type a run's head words give it (the last head decides), and the run's
    end: a title after the head starts a person ("Acme Bank President John Smith")."""
    norm = doc.norm
    kind, last = None, None
    for k in range(i + 1, j):
        head = heads.get(norm[k])
        if head is not None:
            kind, last = head, k
    head_first = (
        j - i >= 3
        and norm[i] in heads
        and norm[i + 1] in ("of", "for", "on", "Against")
    )
    if last is None and head_first:
        # the head first: "Association of Flight Attendants", "Center for American
        # Progress", "Coalition for the Homeless"
        kind, last = heads[norm[i]], i
    elif head_first and heads[norm[i]] != "place":
        # and it names the body whatever its complement holds: "League Against Cruel
        # Sports", "Department of Energy"
        kind = heads[norm[i]]
    if (
        last is not None
        and last > i
        and norm[last] == "League"
        and norm[last - 1] in _SPORTS_LEAGUES
    ):
        kind = "organisation"  # "National Football League", "Premier League"
    if (
        last is not None
        and last > i
        and norm[last] in ("Center", "Centre")
        and norm[last - 1] in _FACILITY_CENTERS
    ):
        kind = "place"  # "World Trade Center", "Javits Convention Center"
    if last is not None:
        if last + 1 < j and _middle_name_head(doc, i, j, last, heads):
            return None, j  # "Kathleen Hall Jamieson": a person
        if last + 1 < j and norm[last + 1] in gaz.index:
            return kind, last + 1  # "Oversight Committee Republicans": the body ends
        if last + 1 < j and norm[last + 1] not in _CONNECTORS | {".", "&", "-", "on"}:
            return None, j  # "President Park Geun-hye": a head word inside a name
        for k in range(last + 1, j):
            word = norm[k]
            if (
                doc.cap[k]
                and word.lower() in gaz.title_words
                and word not in heads
                and k + 1 < j  # a name follows: not "Center of Media Justice"
                # ... a person's: not "Council on Foreign Relations"
                and (norm[k + 1] in _first_names() or j - k > 2)
            ):
                while norm[k - 1] in _CONNECTORS or norm[k - 1] == "the":
                    k -= 1
                return kind, k  # "Acme Bank President John Smith": a person starts
    if kind is None and j - i == 2 and norm[j - 1] in _AIRPORT_WORDS:
        actor = gaz.exact.get(norm[i])
        if (actor and gaz.entries[actor].type in _PERSON_TYPES) or norm[
            i
        ] in gaz.surnames:
            return "place", j  # "Reagan National", "Dulles International"
    return kind, j


def _web_name(doc: _Doc, i: int, j: int) -> str | None:
    """ "GreatFire.org": a run glued to a web suffix."""
    norm = doc.norm
    if j + 1 < doc.n and norm[j] == "." and not doc.gap[j] and not doc.gap[j + 1]:
        return _WEB_SUFFIXES.get(norm[j + 1])
    return None


# What follows "X shares" when X is a listed company: where they trade or how they
# moved ("Pernod shares in Paris slipped", "Acme shares fell"), not an object ("Obama
# shares his doubts").
_SHARE_MOVES = frozenset(
    {"in", "on", "were", "are", "have", "had", "rose", "fell", "slipped", "jumped"}
    | {"dropped", "climbed", "gained", "tumbled", "plunged", "surged", "soared"}
    | {"closed", "ended", "traded", "rallied", "sank", "slid", "lost", "added"}
)


def _org_context(doc: _Doc, j: int, i: int = 0) -> str | None:
    """ "X's spokesman", "a spokesman for X" (an organisation), "X, a company that"
    (the noun's type), "shares of X" (a company), "X lowered its target" (an
    organisation: a person's own things are "his" or "her")."""
    norm, n = doc.norm, doc.n
    if (
        i >= 2
        and norm[i - 2].lower() in _COMPANY_OF
        and (
            norm[i - 1] == "of"
            or (norm[i - 1] == "in" and norm[i - 2].lower() in _STAKES)
        )
    ):
        return "company"  # "shares of Tesla", "a stake in Omnicom"
    if (
        j + 1 < n
        and norm[j + 1] == "its"
        and norm[j].isalpha()
        and norm[j].islower()
        and doc.tight[j]
        and norm[j] not in ("and", "or", "of", "in", "for", "with", "to")
    ):
        return "organisation"
    if j + 2 < n and norm[j] == "'" and norm[j + 1] == "s":
        owned = norm[j + 2].lower()
        if owned in _COMPANY_POSSESSED:
            return "company"
        return "organisation" if owned in _ORG_POSSESSED else None
    if j < n and norm[j] in _SPOKESPEOPLE:
        return "organisation"  # "a Google spokesman"
    if (
        i >= 2
        and norm[i - 1] == "for"
        and norm[i - 2] in _SPOKESPEOPLE
        and norm[j - 1] != "."  # "a spokesman for Mr. Trump": a title
    ):
        return "organisation"  # "a spokeswoman for YouTube" (a person's is known)
    if j + 1 < n and (
        (norm[j] in ("shares", "stock") and norm[j + 1] in _SHARE_MOVES)
        or (norm[j] == "share" and norm[j + 1] == "price")
    ):
        return "company"  # "Pernod shares in Paris slipped" (not "Obama shares his")
    kind = _predicate_org(doc, j)
    if kind is not None:
        return kind  # "Ask Jeeves has become the third leading online search firm"
    if j + 2 < n and norm[j] == "," and norm[j + 1].lower() in _ARTICLES:
        for k in range(j + 2, min(n, j + 8)):
            word = norm[k].lower()
            if word in _ORG_NOUNS:
                if k + 1 < n and norm[k + 1] in ("of", "'"):
                    # "a group of Republicans" counts people; "Nonetheless, the
                    # group's openness", "R. Clarke Cooper, the group's director"
                    return None
                return _org_noun(doc, k)
            if (doc.cap[k] and not _adjective(norm[k])) or not (
                word.isalpha() or (word == "'" and norm[k + 1] == "s")
            ):
                return (
                    None  # the world's biggest advertising group", not "miners' union"
                )
    if (
        i >= 2
        and norm[i - 1] == "at"
        and norm[i - 2] in _JOBS
        and norm[i] not in _first_names()
        # a head word types the name itself ("National Nurses United"); a city is a
        # place; a single common word is no name ("Keep")
        and not any(norm[k] in _org_heads() for k in range(i, j))
        and _name_text(doc, i, j) not in _cities()
        and (j - i > 1 or _zipf(norm[i].lower()) < _AMPERSAND_ZIPF)
        and all(doc.is_cap(k) for k in range(i, j) if norm[k] != ".")
    ):
        return "organisation"  # "top tester at PC Pro", "an analyst at Evercore"
    return None


# A name said to be an organisation: "X is a company", "X has become the largest
# search firm", "X was the bank that"; the noun ends its phrase ("X is a company man",
# "X is the company's founder" are no such statements).
_COPULAS = frozenset({"is", "was", "has", "had", "become", "became", "remains"})
_AFTER_ORG_NOUN = frozenset(
    {".", ",", ";", ":", "that", "which", "to", "in", "with", "for", "since", "and"}
    | {"this", "last", "on", "at", "by", "after"}
)


def _predicate_org(doc: _Doc, j: int) -> str | None:
    """The organisation type of a copular statement right after the name ending at j."""
    norm, n = doc.norm, doc.n
    k = j
    while k < n and k - j < 2 and norm[k] in _COPULAS:
        k += 1
    if k == j or k >= n or norm[k - 1] in ("has", "had") or norm[k] not in _ARTICLES:
        return None  # "X has said" is no statement of what X is
    for m in range(k + 1, min(n, k + 7)):
        word = norm[m]
        if not word.isalpha() or doc.cap[m]:
            return None
        if word in _ORG_NOUNS:
            after = norm[m + 1] if m + 1 < n else "."
            return _org_noun(doc, m) if after in _AFTER_ORG_NOUN else None
    return None


# Heads of a company or organisation named after it ("Wells Fargo CEO John Stumpf",
# "Omnicom chief executive John Wren"): the name before them is its own.
_EXECUTIVES = frozenset({"CEO", "CFO", "COO", "Chairman", "Chairwoman", "Founder"})
_EXECUTIVE_WORDS = frozenset({w.lower() for w in _EXECUTIVES} | {"chief"})


def _executive_after(doc: _Doc, j: int) -> str | None:
    """ "X CEO", "X chief executive", "X chairman", "X founder" with a capitalised
    name after the title: an organisation (charities have CEOs too: "AARP CEO")."""
    norm = doc.norm
    if j >= doc.n or not doc.tight[j]:
        return None
    k = j + 1
    if norm[j] == "chief" and k < doc.n and norm[k] == "executive":
        k += 1
    elif norm[j].capitalize() not in _EXECUTIVES and norm[j] not in _EXECUTIVES:
        return None
    if k < doc.n and doc.is_cap(k) and doc.tight[k]:
        return "organisation"
    return None


def _org_noun(doc: _Doc, k: int) -> str:
    """The type the organisation noun at k gives: "an advertising group" a company."""
    word = doc.norm[k].lower()
    if word == "group" and k > 0 and doc.norm[k - 1].lower() in _TRADES:
        return "company"
    return _ORG_NOUNS[word]


# "market leader Diageo", "industry leader Intel": a firm that leads its market, not a
# leader's title.
_MARKETS = frozenset({"market", "industry", "sector"})


def _market_leader(doc: _Doc, k: int) -> bool:
    """Token k is "leader" after a market word ("market leader")."""
    return k >= 1 and doc.norm[k] == "leader" and doc.norm[k - 1].lower() in _MARKETS


def _descriptor_before(doc: _Doc, i: int) -> str | None:
    """ "the insurer Norwich Union", "advertising giant Omnicom": an organisation noun
    right before the name (lower case, or first in its sentence) gives its type."""
    k = i - 1
    if _market_leader(doc, k):
        return "company"  # "market leader Diageo"
    if k < 0 or doc.norm[k].lower() not in _ORG_NOUNS:
        return None
    if doc.cap[k] and not doc.sentence_initial(k):
        return None  # "Norwich Union Group": part of the name
    if doc.norm[k].lower() == "group":
        before = doc.norm[k - 1].lower() if k > 0 else ""
        if before in _CAUSES:
            return "advocacy group"  # "the lobby group X", "civil rights group X"
        if before not in _TRADES:
            return None  # "the group Human Rights Watch": the noun says little
    return _org_noun(doc, k)


# Head types a name's context may correct: a university's "Group" or "Centre" does
# research, and a "Commission" a lobby group names is no government's.
_UNIT_TYPES = frozenset({"company", "advocacy group", "government body"})


def _university_unit(doc: _Doc, i: int, j: int) -> bool:
    """ "the Transport Studies Group at Loughborough University", "the Centre for X at
    the University of Y", "Z University's Transport Studies Group": a university's
    group or centre is a research body."""
    norm = doc.norm
    if i >= 3 and norm[i - 2] == "'" and norm[i - 1] == "s":
        return norm[i - 3] == "University"
    k = j
    if k + 1 < doc.n and norm[k] in ("at", "of"):
        k += 2 if norm[k + 1] == "the" else 1
        return "University" in norm[k : k + 4]
    return False


# Nouns too general to introduce a name when capitalised ("Site Mobile Navigation" in a
# page's menu); lower case they do ("the website Infowars").
_GENERAL_NOUNS = frozenset({"Site", "Website", "Service", "Network", "Group", "Party"})


def _descriptor_names(doc: _Doc, gaz: _Gazetteer, i: int, j: int) -> str | None:
    """The type an organisation noun right before a run with no other evidence gives
    it ("Japanese car giant Toyota", "IT firm Dimension Data", "retail giant
    Wal-Mart"), or None."""
    norm = doc.norm
    if i == 0 or norm[i - 1] in _GENERAL_NOUNS or norm[i - 1].isupper():
        return None  # not a section label's "WATCHDOG MEMO"
    word = norm[i].lower().rstrip(".")
    if j - i == 1 and _zipf(word) >= _COMMON_ZIPF:
        return None  # "cable and network TV", "the advocacy group Campaign for an"
    if word in _HONORIFICS or word in gaz.title_words:
        return None  # "The company Mr. Grimm formed": a person follows
    if j + 2 < doc.n and norm[j] == "'" and doc.cap[j + 2] and doc.tight[j + 2]:
        return None  # "the Web site Freedom's Lighthouse": the name goes on
    return _descriptor_before(doc, i)


def _other_uses(
    doc: _Doc, names: dict[tuple[str, ...], _Entry], found: list[_Cand]
) -> list[_Cand]:
    """Every other use of an open-class name (and of a company without its suffix)."""
    heads = _org_heads()
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for toks, entry in sorted(names.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        index.setdefault(toks[0], []).append((toks, entry))
        if entry.type == "company":
            short = tuple(t for t in toks if t != ".")
            if (
                len(short) >= 2
                and heads.get(short[-1]) == "company"
                and short[-2][:1].isupper()
            ):
                core = short[:-1]
                if core[0] not in _NOT_NAME:
                    index.setdefault(core[0], []).append((core, entry))
    taken = {(c.start, c.end) for c in found}
    out = []
    norm = doc.norm
    for i, word in doc.find(index):
        for toks, entry in index[word]:
            end = i + len(toks)
            if tuple(norm[i:end]) == toks and (i, end) not in taken:
                if end < doc.n and doc.cap[end] and doc.tight[end]:
                    continue  # part of a longer name
                out.append(_Cand(i, end, entry, -2))
                break
    return out


def _first_name_candidates(
    doc: _Doc, gaz: _Gazetteer, persons: dict[str, _PersonInfo], first: list[_Cand]
) -> list[_Cand]:
    """A bare first name ("Keith") after a full mention, when one person has it."""
    by_first: dict[str, list[str]] = {}
    surnames = set()
    for name in sorted(persons):
        parts = name.split()
        if len(parts) >= 2 and persons[name].entry.type in _PERSON_TYPES:
            by_first.setdefault(parts[0], []).append(name)
            surnames.add(parts[-1])
    unique = {
        w: names[0]
        for w, names in by_first.items()
        if len(names) == 1
        and w not in surnames
        and w not in gaz.exact
        and w in _first_names()
        and w.isalpha()
    }
    if not unique:
        return []
    out = []
    for i, _ in doc.keyed(unique):  # first names only
        name = unique[doc.norm[i]]
        info = persons[name]
        if not info.full or info.full[0] >= i:
            continue  # only after the full name
        if i + 1 < doc.n and doc.cap[i + 1] and doc.tight[i + 1]:
            continue  # "Keith Joseph" itself, or another Keith's full name
        if not _left_ok(doc, i, gaz.title_words):
            continue
        out.append(_Cand(i, i + 1, info.entry, 1))
    return out


@dataclass(slots=True)
class _PersonInfo:
    entry: _Entry
    full: list[int]  # token indexes of full-name mentions
    roles: set[str]  # offices the article gives the person
    country: str | None  # the country the article gives the person


@dataclass(frozen=True, slots=True)
class _Titled:
    start: int  # first token of the title
    name_start: int  # first token after the title
    name_end: int  # == name_start when no name follows
    title: _Title
    country: _Entry | None  # "Russian President", "Russia's foreign minister"
    country_start: int  # first token of the country phrase (or of the title)
    country_end: int | None = None  # last token + 1 of "of <Country>" after the title
    country_needs_mention: bool = (
        False  # the country word is an "@" alias ("the North")
    )


def _gazetteer_candidates(
    doc: _Doc, gaz: _Gazetteer
) -> tuple[list[_Cand], list[_Cand], dict[int, list[_Cand]], dict[int, list[_Cand]]]:
    cands: list[_Cand] = []
    deferred: list[_Cand] = []
    ends_at: dict[int, list[_Cand]] = {}
    starts_at: dict[int, list[_Cand]] = {}
    norm, index = doc.norm, gaz.index
    last = doc.n - 1
    for i, word in doc.keyed(index):
        one, longer = index[word]
        options = longer.get(norm[i + 1], ()) if longer and i < last else ()
        if one is not None:
            options = (*options, one)
        for alias in options:
            if len(alias.tokens) > 1 and not doc.matches(i, alias.tokens, alias.gaps):
                continue
            end = i + len(alias.tokens)
            if alias.weak and not _weak_ok(doc, i, end, gaz.title_words):
                continue
            entry = alias.entry
            if (
                entry is not None
                and entry.type == "company"
                and end < doc.n
                and doc.tight[end]
                and _MODEL_NUMBER.match(norm[end])
            ):
                continue  # "his Boeing 757", "an Airbus A380": a product, not the maker
            # "Mr Bondi" is no Pam Bondi: a title of the other gender before a surname.
            if (
                entry is not None
                and entry.type in _PERSON_TYPES
                and len(alias.tokens) == 1
                and not _gender_fits(entry.actor, _title_before(doc, i))
            ):
                continue
            # A bare surname right after a first name is someone else ("Jill Biden").
            if (
                entry is not None
                and entry.type in _PERSON_TYPES
                and len(alias.tokens) == 1
                and not _left_ok(doc, i, gaz.title_words)
            ):
                continue
            # "Mark Cuban said": a country word as a surname after a first name.
            if (
                entry is not None
                and entry.type in ("country", "bloc")
                and len(alias.tokens) == 1
                and not (end < doc.n and doc.cap[end] and doc.tight[end])
                and not _left_ok(doc, i, gaz.title_words)
                and not any(c.end == i for c in ends_at.get(i, ()))
            ):
                continue
            # "police shootings", "the email controversy", "9/11 Lawsuit Bill": a
            # group or document word that modifies the noun or name after it.
            if (
                entry is not None
                and entry.type in _LISTED_COMMON_TYPES
                and end < doc.n
                and doc.tight[end]
                and (
                    norm[end] in _compound_heads()
                    or (doc.cap[end] and norm[end].isalpha())
                )
            ):
                continue
            # "Spanish-language", "Russian-speaking": a language, not the country.
            if (
                end + 1 < doc.n
                and doc.norm[end] == "-"
                and not doc.gap[end]
                and doc.norm[end + 1].lower() in _LANGUAGE_WORDS
            ):
                continue
            if entry is not None and entry.type not in _PERSON_TYPES:
                ext = _extend(doc, end, gaz, entry)
                if ext != end:
                    cands.append(_Cand(i, ext, entry, 1, alias.after_mention))
            cand = _Cand(i, end, entry, 1, alias.after_mention)
            if alias.after_mention:
                deferred.append(cand)
            else:
                cands.append(cand)
                ends_at.setdefault(end, []).append(cand)
                starts_at.setdefault(i, []).append(cand)
    # "Michael T. Flynn": a listed "First Last" with a middle initial
    for m in _INITIAL_RE.finditer(doc.text):
        j = _token_at(doc, m.start()) + 1  # the period
        if not (2 <= j < doc.n - 1 and doc.cap[j - 2] and doc.cap[j + 1]):
            continue
        actor = gaz.exact.get(f"{norm[j - 2]} {norm[j + 1]}")
        entry = gaz.entries.get(actor) if actor else None
        if entry is not None and entry.type in _PERSON_TYPES:
            cands.append(_Cand(j - 2, j + 2, entry, 1))
    return cands, deferred, ends_at, starts_at


def _titles(
    doc: _Doc,
    gaz: _Gazetteer,
    ends_at: dict[int, list[_Cand]],
    starts_at: dict[int, list[_Cand]],
) -> list[_Titled]:
    """Every title, with the name after it and the country before or after it."""
    out = []
    titles, norm, n = gaz.titles, doc.norm, doc.n
    for i, word in doc.keyed(gaz.title_keys):
        title = next(
            (
                t
                for t in titles[word.lower()]
                if len(t.tokens) == 1 or doc.matches(i, t.tokens, t.gaps, lower=True)
            ),
            None,
        )
        if title is None or _market_leader(doc, i):
            continue
        k = i + len(title.tokens)
        if k < n and doc.gap[k] and not doc.tight[k]:
            continue
        name_end = _name_end(doc, k, gaz) if k < n else k
        if (
            name_end == k
            and title.role is None
            and k < n
            and doc.cap[k]
            and doc.tight[k]
            and norm[k] not in _NOT_NAME
            and norm[k].lower() not in _VOCATIVE_TITLES
            and norm[k].lower() not in _HONORIFICS
            and norm[k].isalpha()
        ):
            name_end = k + 1  # "Mr. King": after an honorific a title word is a name
        role = title.role
        if i > 0 and norm[i - 1].lower() in _ROLE_MODIFIERS:
            role = None
        if i > 1 and norm[i - 1] == "-" and norm[i - 2].lower() in _ROLE_MODIFIERS:
            role = None
        country, country_start, needs_mention = _country_before(doc, i, ends_at)
        kind = title.type
        if (
            kind == "leader"
            and country is None
            and i > 0
            and doc.cap[i - 1]
            and norm[i - 1] not in _NOT_NAME
            and norm[i - 1].lower() not in gaz.title_words
            and norm[i - 1].lower() not in _ROLE_MODIFIERS
        ):
            # "CNN President Jeff Zucker" heads a company, not a state
            kind = "official"
        title = _Title(title.tokens, title.gaps, role, kind)
        country_end = None
        if country is None and name_end == k and k + 1 < n and norm[k].lower() == "of":
            # "the President of the United States", "leader of Japan"
            j = k + 2 if norm[k + 1].lower() == "the" else k + 1
            for c in starts_at.get(j, ()):
                if c.entry is not None and c.entry.type in _COLLECTIVE_HEADS:
                    country, country_end = c.entry, c.end
                    break
        out.append(
            _Titled(
                i,
                k,
                name_end,
                title,
                country,
                country_start,
                country_end,
                needs_mention,
            )
        )
    return out


def _person_for(name: str, kind: str, gaz: _Gazetteer) -> _Entry:
    """The gazetteer person a found name is (also without middle initials), or a new one."""
    for form in (name, re.sub(r"\b[A-Z]\.\s+", "", name)):
        actor = gaz.exact.get(" ".join(_split_tokens(form)[0]))
        if actor is not None and gaz.entries[actor].type in _PERSON_TYPES:
            return gaz.entries[actor]
    return _person_entry(name, kind)


def _surname_index(
    persons: dict[str, _PersonInfo], gaz: _Gazetteer
) -> dict[str, list[tuple[tuple[str, ...], dict[str, list[int]]]]]:
    """First word of a surname -> each surname starting with it (its words) and the
    persons who have it, with the sorted positions of their full mentions.

    Surnames sharing a first word are listed in the order of their earliest full
    mention. Positions are kept per person, so a text that names the same people
    thousands of times costs a bisect per surname, not a scan of every mention.
    """
    found: dict[str, dict[tuple[str, ...], dict[str, list[int]]]] = {}
    for name, info in persons.items():
        last = _surname(name, gaz.family_first)
        if last and info.full:
            toks = _split_tokens(last)[0]
            by_name = found.setdefault(toks[0], {}).setdefault(toks, {})
            by_name.setdefault(name, []).extend(info.full)
    index = {}
    for first, surnames in found.items():
        for by_name in surnames.values():
            for where in by_name.values():
                where.sort()
        index[first] = sorted(
            surnames.items(),
            key=lambda item: min((w[0], n) for n, w in item[1].items()),
        )
    return index


def _tail_names(doc: _Doc, persons: dict[str, _PersonInfo]) -> list[_Cand]:
    """ "Lewis Francis" after "Mark Lewis Francis": the last two words of a three-word
    full name, after it, name the one person whose name ends so."""
    tails: dict[tuple[str, str], list[_PersonInfo]] = {}
    for name, info in persons.items():
        words = name.split()
        if len(words) == 3 and words[1][0].isupper() and "." not in name:
            tails.setdefault((words[1], words[2]), []).append(info)
    out = []
    for (middle, last), infos in sorted(tails.items()):
        if len(infos) > 1:
            continue  # "John Paul Jones" and "Peter Paul Jones": "Paul Jones" is neither
        first = min(infos[0].full)
        for k, token in doc.capitals():
            if (
                token == middle
                and k > first
                and k + 1 < doc.n
                and doc.norm[k + 1] == last
                and doc.gap[k + 1]
                and not doc.is_cap(k - 1)
            ):
                out.append(_Cand(k, k + 2, infos[0].entry, 1))
    return out


# The longest first line read as a headline (PolNeAR dev's longest: 98 characters).
_HEADLINE_CHARS = 150


def _headline_end(doc: _Doc) -> int:
    """The token after the headline, a short first line (0 if none): it names people
    and organisations before the story does, in title case."""
    line_end = doc.text.find("\n", 0, _HEADLINE_CHARS)
    return _token_at(doc, line_end) if line_end > 0 else 0


def _surname_candidates(
    doc: _Doc,
    gaz: _Gazetteer,
    persons: dict[str, _PersonInfo],
    titled: list[_Titled],
) -> list[_Cand]:
    """Surnames after a full mention; "Mr. Kim"; a title before an unknown surname."""
    out = []
    surname_index = _surname_index(persons, gaz)
    titled_names = {t.name_start: t for t in titled}
    headline_end = _headline_end(doc)
    for i, word in doc.find(surname_index):
        has_title = i in titled_names
        # A loop, not next() over a generator, and no slices for a one-word surname
        # (most): with the one-holder path below, 0.03 ms less per PolNeAR article.
        for match in surname_index[word]:
            toks = match[0]
            if len(toks) == 1 or (
                tuple(doc.norm[i : i + len(toks)]) == toks
                and not any(doc.gap[i + 1 : i + len(toks)])
            ):
                break
        else:
            continue
        toks, names = match
        end = i + len(toks)
        # Another full name that starts with this word ("Kim Yo-jong") is not a surname.
        if _name_end(doc, i, gaz) > end:
            continue
        if not has_title and (
            (doc.norm[i] in _NOT_NAME and not _month_surname(doc, i))
            or not _left_ok(doc, i, gaz.title_words)
        ):
            continue  # "in May" is a month; "Mrs. May", "May said" a person
        role = titled_names[i].title.role if has_title else None
        if role is not None:
            # "President Clinton" is the Clinton who was president
            fitting = {
                name: where
                for name, where in names.items()
                if role in persons[name].roles
                or role == (gaz.entries[name].role if name in gaz.entries else None)
            }
            names = fitting or names
        # The person most recently named in full before this word, else (after a
        # title) the first named; positions are sorted, so each look-up is a bisect.
        if len(names) == 1:
            ((name, where),) = names.items()
            if where[0] < i or has_title or end <= headline_end:
                out.append(_Cand(i, end, persons[name].entry, 2))
            continue
        before = max(
            (
                (where[bisect_left(where, i) - 1], name)
                for name, where in names.items()
                if where[0] < i
            ),
            default=None,
        )
        if before is not None:
            name = before[1]
        elif has_title:
            name = min((where[0], name) for name, where in names.items())[1]
        else:
            continue
        out.append(_Cand(i, end, persons[name].entry, 2))
    for k, t in titled_names.items():
        if t.name_end - k != 1 or doc.norm[k] in surname_index:
            continue
        word = _name_text(doc, k, t.name_end)
        if word in gaz.exact or word in gaz.nonperson:
            continue
        known = gaz.surnames.get(word, ())
        if len(known) == 1 and _gender_fits(next(iter(known)), t.title.tokens[0]):
            # "Mr. Sanders" when the gazetteer has one Sanders (not "Mr Bondi" for
            # Pam Bondi: the title says the person is someone else)
            entry = gaz.entries[next(iter(known))]
        else:
            entry = _person_entry(word, t.title.type)
        out.append(_Cand(k, t.name_end, entry, 0))
    return out


# Months that are also surnames ("Theresa May"), and the words that make them dates.
_MONTH_SURNAMES = frozenset({"April", "May", "June", "August"})
_DATE_BEFORE = frozenset(
    {"in", "on", "since", "until", "till", "by", "of", "last", "next", "this", "early"}
    | {"late", "mid", "from", "through", "to", "between", "and", "or", "during"}
    | {"before", "after", "end", "beginning", "-", "that", "each", "every", "in-"}
)


def _month_surname(doc: _Doc, i: int) -> bool:
    """'May' after a full mention of Theresa May is her, unless it reads as a date
    ("in May", "May 5", "May 2017", "April and May")."""
    if doc.norm[i] not in _MONTH_SURNAMES:
        return False
    if i > 0 and doc.norm[i - 1].lower() in _DATE_BEFORE:
        return False
    nxt = doc.norm[i + 1] if i + 1 < doc.n else ""
    return not (nxt[:1].isdigit() or nxt in ("and", "or", "-"))


def _country_before(
    doc: _Doc, i: int, ends_at: dict[int, list[_Cand]]
) -> tuple[_Entry | None, int, bool]:
    """The country or bloc named right before a title ("Russian President", "Russia's").

    Returns the actor, the first token of its mention, and whether that mention is
    an alias that needs an earlier mention of its actor.
    """
    end = i
    if (
        i >= 2
        and doc.norm[i - 2] == "'"
        and doc.norm[i - 1] == "s"
        and not doc.gap[i - 1]
    ):
        end = i - 2
    elif i >= 2 and doc.norm[i - 1] == "'" and doc.norm[i - 2].endswith("s"):
        end = i - 1
    elif not (i > 0 and doc.tight[i]):
        return None, i, False
    for c in ends_at.get(end, ()):
        if c.entry is None:
            continue
        if c.entry.type in _COLLECTIVE_HEADS:
            return c.entry, c.start, c.after_mention
        if c.entry.type in ("military", "state media") and c.entry.country:
            return _gazetteer().entries[c.entry.country], c.start, c.after_mention
    return None, i, False


def _role_phrases(
    doc: _Doc,
    titled: list[_Titled],
    persons: dict[str, _PersonInfo],
    gaz: _Gazetteer,
) -> list[_Cand]:
    """'the Russian President', "Russia's foreign minister", 'the president' -> a person."""
    out = []
    for t in titled:
        if t.name_end != t.name_start or t.title.role is None:
            continue  # a name follows: that is a title pattern, not a role phrase
        start, end = t.country_start, t.name_start
        if t.country_end is not None:
            end = t.country_end
        elif t.country is None:
            if t.title.role not in _BARE_ROLES:
                continue
            if end < doc.n and doc.norm[end].lower() == "of":
                continue  # "the president of the company"
        if start > 0 and doc.norm[start - 1].lower() == "the" and doc.tight[start]:
            start -= 1
        elif t.country is None:
            # "the Vermont senator", "the Wells Fargo CEO": a place or body before
            # the office; a bare "president" without "the" is not a reference.
            the = _the_before_modifiers(doc, start)
            if the is None:
                continue
            start = the
        country = t.country.actor if t.country else None
        person = _holder(t.title.role, country, persons, gaz, start, doc)
        if person is not None:
            out.append(_Cand(start, end, person, 2))
    return out


def _the_before_modifiers(doc: _Doc, i: int) -> int | None:
    """The "the" before one to three capitalised words before token `i` ("the South
    Carolina senator"), or None."""
    k = i - 1
    while k >= 0 and i - k <= 3 and doc.tight[k + 1]:
        word = doc.norm[k]
        if word in ("the", "The") and k < i - 1:
            return k
        if not (doc.cap[k] and word.isalpha()) or word in _NOT_NAME:
            return None
        k -= 1
    if k >= 0 and doc.norm[k] in ("the", "The") and doc.tight[k + 1] and k < i - 1:
        return k
    return None


def _holder(
    role: str,
    country: str | None,
    persons: dict[str, _PersonInfo],
    gaz: _Gazetteer,
    at: int,
    doc: _Doc,
) -> _Entry | None:
    """The person of the article who holds `role` (for `country`) for a phrase at `at`.

    One holder is the answer; among several the article titles so, the one a reader
    takes the phrase for (`_salient_holder`), else none.
    """

    def fits(roles: set[str], kind: str) -> bool:
        if role in roles:
            return True
        return role == "leader" and (
            bool(roles & _HEAD_ROLES) or (not roles and kind == "leader")
        )

    def country_of(info: _PersonInfo) -> str | None:
        if info.country is not None:
            return info.country
        entry = gaz.entries.get(info.entry.actor)
        return entry.country if entry else None

    for use_gazetteer in (False, True):
        found = []
        for name in sorted(persons):
            info = persons[name]
            roles = set(info.roles)
            if use_gazetteer:
                entry = gaz.entries.get(name)
                if entry is not None and entry.role:
                    roles.add(entry.role)
            if not fits(roles, info.entry.type):
                continue
            if country is not None and country_of(info) != country:
                continue
            found.append(info)
        if len(found) == 1:
            return found[0].entry
        # "the senator" refers back: of two senators, the one named so far
        named = [f for f in found if f.full and min(f.full) < at]
        if len(found) > 1 and len(named) == 1 and not use_gazetteer:
            return named[0].entry
        if len(found) > 1:
            # Only offices the article gives ("President Obama ... President Trump"):
            # the gazetteer's are not dated, and "the president" is the sitting one.
            if use_gazetteer:
                return None
            if role in _SHARED_OFFICES:
                return _salient_holder(doc, found, at, gaz)
            return _nearest_before(found, at)
    return None


def _hypothetical(doc: _Doc, start: int) -> bool:
    """'a President Romney' (a title after a/an) names a possible office, not one held."""
    return start > 0 and doc.norm[start - 1].lower() in ("a", "an")


def _nearest_before(found: list[_PersonInfo], at: int) -> _Entry | None:
    """The person whose last full-name mention before token `at` is nearest to it."""
    last = [
        (max((i for i in f.full if i < at), default=-1), f.entry.actor, f)
        for f in found
    ]
    best = max(last, key=lambda x: (x[0], x[1]))
    return best[2].entry if best[0] >= 0 else None


def _salient_holder(
    doc: _Doc, found: list[_PersonInfo], at: int, gaz: _Gazetteer
) -> _Entry | None:
    """Among several holders of a shared office, the one "the senator" at `at` means:
    the one named right before it ("Mr. Rubio, the Florida senator"), else the only
    one named in its paragraph before it, else the one named at the start of the
    sentence before (its subject). Otherwise none: the holder named last was the old
    answer, and with two senators in play it was most often the wrong one."""
    if at >= 2 and doc.norm[at - 1] == ",":
        named = [f for f in found if _surname_ends(doc, f, at - 1, gaz)]
        if len(named) == 1:
            return named[0].entry
    starts, paragraph = doc.sentences(gaz.title_words | _ABBREVIATIONS)
    cur = bisect_right(starts, at) - 1
    if cur < 0:
        return None
    lo = next(k for k in range(cur + 1) if paragraph[k] == paragraph[cur])
    named = [f for f in found if _named_in(doc, f, starts[lo], at, gaz)]
    if len(named) == 1:
        return named[0].entry
    if cur > 0:
        first = starts[cur - 1]
        # skip "The", a title and its period: "Sen. Bernie Sanders said ..."
        while first < at and (
            doc.norm[first] in ("The", ".")
            or doc.norm[first].lower() in gaz.title_words
        ):
            first += 1
        # "Democrat Bernie Sanders has won", "But first, Pence said"
        last = min(first + 3, at)
        subject = [f for f in found if _named_in(doc, f, first, last, gaz)]
        if len(subject) == 1:
            return subject[0].entry
    return None


def _surname_ends(doc: _Doc, info: _PersonInfo, end: int, gaz: _Gazetteer) -> bool:
    """Whether the person's surname ends right before token `end`."""
    last = _surname(info.entry.actor, gaz.family_first)
    if not last:
        return False
    toks = _split_tokens(last)[0]
    return end >= len(toks) and tuple(doc.norm[end - len(toks) : end]) == toks


def _named_in(doc: _Doc, info: _PersonInfo, lo: int, hi: int, gaz: _Gazetteer) -> bool:
    """Whether a mention of the person (full name or surname) starts in tokens lo..hi."""
    if any(lo <= i < hi for i in info.full):
        return True
    last = _surname(info.entry.actor, gaz.family_first)
    if not last:
        return False
    toks = _split_tokens(last)[0]
    return any(
        tuple(doc.norm[k : k + len(toks)]) == toks
        for k in range(lo, hi)
        if doc.norm[k] == toks[0]
    )


def _shared_heads(doc: _Doc, chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """'North and South Korea', 'South or North Korea': the first word with the head
    of the name after it is a name of the gazetteer, so it is a mention of that actor."""
    taken = bytearray(doc.n)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = []
    for c in chosen:
        i = c.start - 2
        if c.entry is None or c.end - c.start < 2 or i < 0 or taken[i]:
            continue
        if doc.norm[i + 1] not in ("and", "or") or not doc.is_cap(i):
            continue
        key = " ".join([doc.norm[i], *doc.norm[c.start + 1 : c.end]])
        actor = gaz.exact.get(key)
        if actor is not None and actor != c.entry.actor:
            out.append(_Cand(i, i + 1, gaz.entries[actor], 1))
    return out


SPEAKER_NOUNS_FILE = "quote_speaker_nouns.txt"  # heads of unnamed speakers (shared)
# What opens an unnamed source phrase: "a", "his", "two", "several".
_SOURCE_OPENERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "one", "two", "three", "four"}
    | {"some", "several", "many", "other", "another", "most", "few", "both", "our"}
    | {"my", "your", "those", "these", "all", "no", "every", "each", "fellow"}
)


# Heads of the documents-and-media section that name an outlet, not a text.
_MEDIA_HEADS = frozenset({"blog", "journal", "magazine", "post", "paper"})


@functools.cache
def _quantifier_heads() -> frozenset[str]:
    """The quantifiers and pronouns that are an anonymous source as a verb's subject
    ("some say", "others argued", "no one expected"), from the same list."""
    words, inside = set(), False
    for line in lexicons.read_text(SPEAKER_NOUNS_FILE).splitlines():
        line = line.strip()
        if line.startswith("#"):
            inside = line.startswith("# quantifiers")
        elif inside and line.isalpha():
            words.add(line)
    return frozenset(words - {"one", "source", "sources"})  # "one" is no subject alone


@functools.cache
def _speaker_heads() -> dict[str, str]:
    """Head noun -> actor type, from the sections of the speakers' head-noun list:
    people and roles, and groups, are anonymous sources; documents are documents."""
    kinds = {
        "# people and roles": "anonymous source",
        "# groups and organisations": "anonymous source",
        "# documents and media": "document",
    }
    heads: dict[str, str] = {}
    kind = None
    for line in lexicons.read_text(SPEAKER_NOUNS_FILE).splitlines():
        line = line.strip()
        if line in kinds or line.startswith("# quantifiers"):
            kind = kinds.get(line)  # the quantifiers section is no head
        elif line and not line.startswith("#") and kind and line.isalpha():
            heads.setdefault(line, "media" if line in _MEDIA_HEADS else kind)
            if kind != "document" and not line.endswith("s"):
                heads.setdefault(line + "s", kind)  # "doctors", "aides"
    return heads


# Numbers before "percent" ("Twelve percent said"); digits are numbers by their form.
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred".split()
)
# What follows a participle that modifies the noun before it, not a verb of which
# the noun is the subject: "a message posted Friday", "a report released by".
_PARTICIPLE_FOLLOWERS = frozenset(
    {"by", "on", "in", "at", "last", "this", "earlier", "down", "yesterday", "today"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


# Auxiliaries and adverbs between a subject and its verb ("would have described").
_AUXILIARIES = frozenset(
    {"would", "will", "could", "may", "might", "should", "can", "must", "have", "has"}
    | {"had", "did", "do", "does", "also", "later", "now", "still", "often", "never"}
    | {"reportedly", "repeatedly", "privately", "publicly", "openly", "already"}
)


# Verbs that show a phrase after "said" is the subject of the reported clause.
_CLAUSE_VERBS = _AUXILIARIES | {"is", "are", "was", "were", "be", "been", "will"}


def _verb_follows(doc: _Doc, end: int, verbs: frozenset[str]) -> bool:
    """A verb right after the phrase ending at `end` ("the unions were")."""
    if end >= doc.n or not doc.tight[end]:
        return False
    word = doc.norm[end].lower()
    return word in _CLAUSE_VERBS or word in verbs


def _number_word(token: str) -> bool:
    return token[:1].isdigit() or token.lower() in _NUMBER_WORDS


def _reduced_relative(doc: _Doc, v: int) -> bool:
    """The -ed form at v modifies the noun before it ("a Facebook message posted
    Friday") rather than telling what it did."""
    return (
        doc.norm[v].endswith("ed")
        and v + 1 < doc.n
        and doc.norm[v + 1].lower() in _PARTICIPLE_FOLLOWERS
    )


# Participles that are prepositions: "including numerous politicians" is no subject.
_PREPOSITIONS_ING = frozenset(
    {"including", "regarding", "concerning", "following", "excluding", "among"}
)


def _modifier(doc: _Doc, k: int, gaz: _Gazetteer) -> bool:
    """Token k may modify a head noun after it: a lower-case word ("campaign aides",
    "human rights groups"), or a capitalised one opening its sentence ("Voting
    rights advocates"); no function word ("that aides"), number or name ("Clinton
    supporters")."""
    word = doc.norm[k]
    if (
        len(word) < 2
        or not word.isalpha()
        or word.capitalize() in _NOT_NAME
        or word.lower() in _PREPOSITIONS_ING
        or word.lower() in _CLAUSE_VERBS  # not "has aides"
        or word in _SPEECH_FORMS
        or word.lower() in _source_verbs()  # not "said parents"
    ):
        return False
    if word.islower():
        return True
    return (
        doc.sentence_initial(k)
        and word[1:].islower()
        and word not in gaz.surnames
        and word not in gaz.exact
        and word not in _first_names()
    )


def _unnamed_speakers(doc: _Doc, chosen: list[_Cand], gaz: _Gazetteer) -> list[_Cand]:
    """'his lawyer said', 'said a spokesman', 'according to two doctors': a phrase of
    an opener, at most two modifiers and a head noun of a speaker is an unnamed
    source, right before or after a speech verb, or after "according to"."""
    heads = _source_heads()
    quantifiers = _quantifier_heads()
    subject_ends = _subject_ends()
    taken = bytearray(doc.n)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out: list[_Cand] = []

    def phrase_from(start: int, bare: bool = False) -> tuple[int, int] | None:
        if start >= doc.n:
            return None
        word = doc.norm[start].lower()
        if (
            bare  # after "according to"; "said parents still want" is a clause
            and word not in _SOURCE_OPENERS
            and word in heads
            and word.endswith("s")
            and heads[word] != "document"
            and not taken[start]
        ):
            return start, start + 1  # "according to attorneys for the family"
        if word not in _SOURCE_OPENERS:
            return None
        for end in range(start + 2, min(start + 5, doc.n + 1)):
            if any(taken[start:end]) or not doc.tight[end - 1]:
                return None
            if doc.norm[end - 1] in heads and (
                end == doc.n
                or (
                    doc.norm[end].lower() not in heads
                    and doc.norm[end] != "of"  # "a note of caution"
                    and doc.gap[end]
                )
                or doc.norm[end] in (",", ".", ";", ":")
            ):
                return start, end  # not "the post-debate", "the poll numbers"
            if not doc.norm[end - 1][:1].isalpha():
                return None
        return None

    def phrase_to(end: int, texts: bool = False) -> tuple[int, int] | None:
        if end < 1 or taken[end - 1]:
            return None
        head = doc.norm[end - 1].lower()
        if head == "one" and end >= 2 and doc.norm[end - 2].lower() == "no":
            return (end - 2, end) if subject_at(end - 2) else None  # "no one knew"
        if head in quantifiers:  # "Some believe", "others say", "46 percent said"
            start = end - 1
            if head == "percent" and start > 0 and _number_word(doc.norm[start - 1]):
                start -= 1
                if start > 0 and doc.norm[start - 1].lower() in _SOURCE_OPENERS:
                    start -= 1  # "Another 19 percent said"
            return (start, end) if subject_at(start) else None
        if head not in heads:
            return None
        for start in range(end - 1, max(end - 5, -1), -1):
            if taken[start] or (start < end - 1 and not doc.tight[start + 1]):
                break
            if doc.norm[start].lower() in _SOURCE_OPENERS:
                return start, end
            if not doc.norm[start][:1].isalpha():
                break
        # A bare plural as the verb's subject: "Delegates questioned", "veterans say",
        # with up to two modifiers: "campaign aides insisted", "Voting rights
        # advocates have expressed"
        if (head.endswith("s") or head == "people") and (
            texts or heads[head] != "document"  # "Records show" only
        ):
            for start in range(end - 1, max(end - 4, -1), -1):
                if subject_at(start) and not (
                    doc.norm[start - 1] in ("-", "'") and not doc.gap[start]
                ):
                    return start, end  # not "veto-wielding members", "Obama's aides"
                if start == 0 or taken[start - 1] or not _modifier(doc, start - 1, gaz):
                    break  # not "Clinton supporters": a name is no modifier
        return None

    def subject_at(k: int) -> bool:
        """Token k opens a clause: first in its sentence or after a boundary word."""
        if k == 0 or not doc.tight[k] or not doc.norm[k - 1][:1].isalnum():
            return True
        return doc.norm[k - 1].lower() in _SUBJECT_OPENERS

    def add(start: int, end: int) -> None:
        head = doc.norm[end - 1]
        if doc.norm[start].lower() == "the" and (
            head in _DEFINITE_TYPES
            or head in _DEFINITE_NAME_WORDS
            or (head in gaz.title_words and head not in _OCCUPATIONS)
            or head in _CANDIDACIES
        ):
            return  # "the mayor", "the company": one named actor, or unresolved
        name = "no one" if head == "one" else head.lower()
        if name == "tank" and end >= 2 and doc.norm[end - 2].lower() == "think":
            name = "think tank"  # "says the think tank": no "tank" of its own
        entry = _Entry(name, heads.get(head.lower(), "anonymous source"), None, None)
        out.append(_Cand(start, end, entry, 0))
        taken[start:end] = b"\x01" * (end - start)

    verbs = _source_verbs()
    norm = doc.norm
    for v in doc.at(_source_triggers()):
        word = norm[v].lower()
        # Most verbs follow no head, quantifier or auxiliary: one set test skips them.
        if (
            v
            and word not in _INVERTED_VERBS
            and word != "according"
            and norm[v - 1].lower() not in subject_ends
        ):
            continue
        found = None
        if v + 1 < doc.n and (
            (
                word == "called"
                and doc.cap[v + 1]
                and any(w in ("a", "an", "A", "An") for w in norm[max(0, v - 3) : v])
            )
            or (
                word.startswith("continu")
                and norm[v + 1] == "to"
                and (v + 2 >= doc.n or norm[v + 2].lower() not in verbs)
            )
        ):
            continue  # "a firm called Swarm Systems", "the market continued to be"
        evidence = word in _EVIDENCE_FORMS
        if (word in verbs or evidence) and (
            word in _INVERTED_VERBS or not _reduced_relative(doc, v)
        ):
            k = v  # "46 percent would choose", "a reader would now ask"
            while k - 1 > 0 and v - k < 3 and doc.norm[k - 1].lower() in _AUXILIARIES:
                k -= 1
            found = phrase_to(k, texts=evidence) if doc.tight[k] else None
            if (
                evidence
                and found is not None
                and heads.get(doc.norm[found[1] - 1].lower()) != "document"
            ):
                found = None
        if word in _INVERTED_VERBS:  # "said a spokesman", not "tells his supporters"
            if found is None and v + 1 < doc.n and doc.tight[v + 1]:
                found = phrase_from(v + 1)
                if found is not None and _verb_follows(doc, found[1], verbs):
                    found = None  # "said the unions were too strong": a clause
        elif word == "according" and v + 2 < doc.n and doc.norm[v + 1] == "to":
            found = phrase_from(v + 2, bare=True)
        if found is not None:
            add(*found)
    # The subject of any verb: "Scholars have long debated", "a doctor had typed",
    # "Her daughter likes" (a head opening a clause, a verb-like word after it).
    # Plurals of people only (`_subject_heads`): "a separate fund was created", "His
    # district was", "a person is", "his wife was" (named or not) are no actors.
    n = doc.n
    for k, head in doc.keyed(_subject_heads()):
        if (
            k + 1 >= n
            or not _verb_like(norm[k + 1], verbs)
            or taken[k]
            or not doc.tight[k + 1]
            or (head[0].isupper() and not doc.sentence_initial(k))  # "The Republican"
        ):
            continue
        found = phrase_to(k + 1)
        if found is None or not subject_at(found[0]):
            continue
        if norm[found[0]].lower() in _GENERIC_OPENERS:
            continue  # "your children", "no leaders can": anyone
        if _quoted(doc, found[0]):
            continue  # '"Teachers should teach," he said': a speaker's generic people
        add(*found)
    return out


_QUOTE_MARKS = frozenset({'"', "“", "”"})


def _quoted(doc: _Doc, k: int) -> bool:
    """Token k is inside a quotation: an odd number of quotation marks before it in
    its paragraph."""
    text = doc.text
    start = text.rfind("\n", 0, doc.start(k)) + 1
    return sum(text.count(q, start, doc.start(k)) for q in _QUOTE_MARKS) % 2 == 1


# Openers of a phrase that means anyone ("no leaders can", "your children").
_GENERIC_OPENERS = frozenset({"every", "each", "no", "any", "your", "our", "all"})


def _verb_like(word: str, verbs: frozenset[str]) -> bool:
    """A word that can only be a verb after a subject noun: an auxiliary or adverb
    ("have", "would", "also"), a reporting verb or a past form ("voted"); not a
    noun ("state officials") or a present form that may be one ("likes", "shows")."""
    return (
        word in _CLAUSE_VERBS
        or word in verbs
        or (word[-2:] == "ed" and word.isalpha() and word.islower())
    )


@functools.cache
def _people_heads() -> frozenset[str]:
    """Heads of unnamed people, the section of people and roles ("judge", "aides"; not
    "city", "government"), singular and plural, lower case."""
    words, inside = set(), False
    for line in lexicons.read_text(SPEAKER_NOUNS_FILE).splitlines():
        line = line.strip()
        if line.startswith("#"):
            inside = line == "# people and roles"
        elif inside and line.isalpha():
            words.update((line, line + "s"))
    return frozenset(words)


@functools.cache
def _subject_heads() -> frozenset[str]:
    """The plurals of `_people_heads`, in lower case and capitalised ("Scholars
    have"), and the share of a poll ("46 percent would choose")."""
    words = {w for w in _people_heads() if w.endswith("s")} | {"percent"}
    return frozenset(words | {w.capitalize() for w in words})


# "WASHINGTON —", "MOSCOW (Reuters) -", "SEOUL, South Korea —": a dateline's place.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z.])(?:,[^—–\n(]{1,30})?\s*"
    r"(?:\([^)\n]{1,30}\)\s*)?[—–-]{1,2}\s"
)
# Words before "administration" that make it the government of the story's country.
_HOME_DETERMINERS = frozenset({"the", "The", "his", "her", "its"})


def home_country(text: document.TextOrDocument) -> str | None:
    """The story's home country: its dateline's ("WASHINGTON —" -> United States), else
    the country most of the story happens in (mentions of it and of its people and
    bodies; Wales and Scotland count for the United Kingdom), when it leads the next
    by two to one; None when unclear."""
    doc = document.of(text)
    gaz = _gazetteer()
    found = [
        gaz.entries.get(m.actor) or _Entry(m.actor, m.type, None, None)
        for m in doc.mentions
    ]
    return _home_country(doc.text, found, gaz)


def _home_country(text: str, found: list[_Entry], gaz: _Gazetteer) -> str | None:
    head = _DATELINE.match(text[:120])
    if head is not None:
        place = head.group("place").strip().title()
        known = canonical(place)
        if known is not None:
            entry = gaz.entries.get(known[0])
            if known[1] == "country":
                return known[0]
            if entry is not None and entry.country:
                return entry.country
    counts: dict[str, int] = {}
    for e in found:
        # a nation within a state counts for the state: Wales, Scotland for the UK
        country = e.actor if e.type == "country" and not e.country else e.country
        if country is not None:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _home_government(doc: _Doc, chosen: list[_Cand], home: _Entry) -> list[_Cand]:
    """'the administration', 'his administration' -> the home country's government
    (a word of US news for the executive; abroad, the story's own government)."""
    places = doc.at(("administration", "government"))
    if not places:
        return []
    taken = bytearray(doc.n)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = []
    for i in places:
        if i == 0 or taken[i] or taken[i - 1]:
            continue
        if doc.norm[i] == "government":
            # "the federal government": the home country's (a bare "the government"
            # may be any government the story names)
            if (
                i >= 2
                and doc.norm[i - 1] == "federal"
                and doc.norm[i - 2].lower() == "the"
                and not taken[i - 2]
                and (i + 1 >= doc.n or doc.norm[i + 1] != "of")
            ):
                out.append(_Cand(i - 2, i + 1, home, 1))
            continue
        if doc.norm[i - 1] in _HOME_DETERMINERS and doc.tight[i]:
            out.append(_Cand(i - 1, i + 1, home, 1))
    return out


# "the company", "the bank": the noun names a type of organisation.
_DEFINITE_TYPES = {
    "company": "company",
    "firm": "company",
    "bank": "company",
    "retailer": "company",
    "airline": "company",
    "automaker": "company",
    "carrier": "company",
    "corporation": "company",
    "agency": "government body",
    "regulator": "government body",
    "ministry": "government body",
    "department": "government body",
    "bureau": "government body",
    "nonprofit": "advocacy group",
    "charity": "advocacy group",
    "union": "advocacy group",  # "the union" after "Association of Flight Attendants"
    "carmaker": "company",
    "insurer": "company",
    "lender": "company",
    "drugmaker": "company",
    "chipmaker": "company",
    "network": "media",  # not "the newspaper": often any paper ("in the newspaper")
    "broadcaster": "media",
    "militia": "armed group",
}
# "the commission", "the union": the noun is a word of the organisation's name only.
_DEFINITE_NAME_WORDS = frozenset(
    {"commission", "committee", "council", "court", "fund", "foundation", "union"}
    | {"institute", "university", "group", "organization", "organisation", "center"}
    | {"centre", "association", "board", "service", "office", "administration"}
    | {"agency", "department", "bank", "company", "party", "bureau", "ministry"}
    | {"alliance"}  # NATO, the "North Atlantic alliance"
)
_ORG_ENTRY_TYPES = ORGANISATION_TYPES | {"bloc"}  # "the alliance": NATO
# Last words of newspaper names that "the Times", "The Post" shorten them to.
_PAPER_WORDS = frozenset(
    {"Times", "Post", "Journal", "Herald", "Tribune", "Globe", "Guardian"}
    | {"Telegraph", "Observer", "Chronicle", "Inquirer", "Gazette"}
)
# How far back (tokens) "the company" looks for the organisation it refers to.
_DEFINITE_REACH = 80
# The actor types a type noun may refer to: "the agency" may be the FBI (military and
# intelligence bodies are typed "military"), "the network" a state broadcaster.
_DEFINITE_KINDS = {
    "company": ("company", "organisation"),  # "Wells Fargo CEO ...": an organisation
    "government body": (
        "government body",
        "military",
        "international organisation",
        "other",
    ),
    "advocacy group": ("advocacy group",),
    "media": ("media", "state media"),
    "party": ("party",),
    "armed group": ("armed group", "military"),
}


# Abbreviations before a capitalised word that are no sentence end ("Mr. Kim").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "no"}
)
# "the Republican nominee", "the GOP front-runner": a party's candidacy, held by one
# person per race; the party word says which (GOP is the Republican party).
_PARTY_ADJECTIVES = {
    "Republican": "Republican",
    "GOP": "Republican",
    "Democratic": "Democratic",
    "Democrat": "Democratic",
    "Libertarian": "Libertarian",
}
# The party word of "the GOP nominee" may have been found as the party ("GOP").
_PARTY_TYPES = frozenset({"party", "other"})
# Not "candidate": a party has many in a primary.
_CANDIDACIES = frozenset({"nominee", "frontrunner", "front-runner"})
# "2012 GOP nominee Mitt Romney", "former Democratic nominee": another race's holder.
_PAST_MARKERS = frozenset({"former", "then", "past", "onetime", "ex"})
# What may close an apposition: "Donald Trump, the Republican nominee, said";
# in "Barack Obama, the GOP nominee had to" the phrase is a new clause's subject.
_APPOSITION_CLOSERS = frozenset({",", ".", ";", ")", "—", "–"})


def _party_role_at(doc: _Doc, i: int) -> tuple[tuple[str, str], int] | None:
    """'Republican [presidential] nominee' at token i: (party, candidacy) and its end."""
    k = i + 1
    if k < doc.n and doc.norm[k] == "presidential" and doc.tight[k]:
        k += 1
    if k >= doc.n or not doc.tight[k]:
        return None
    noun, end = doc.norm[k], k + 1
    if noun == "front" and doc.matches(k, ("front", "-", "runner"), (False, False)):
        noun, end = "front-runner", k + 3
    if noun not in _CANDIDACIES:
        return None
    return (_PARTY_ADJECTIVES[doc.norm[i]], noun), end


def _party_roles(doc: _Doc, chosen: list[_Cand]) -> list[_Cand]:
    """'the Republican nominee' -> the one person the article itself gives that
    candidacy, by apposition ("Donald Trump, the Republican nominee") or as a title
    ("Republican nominee Donald Trump"). Two such persons, or none: no mention (a
    party's nominee differs by race and by year, so no list can say who it is)."""
    at = [
        (i, found)
        for i, _ in doc.find(_PARTY_ADJECTIVES)
        if (found := _party_role_at(doc, i)) is not None
    ]
    persons = [c for c in chosen if c.entry and c.entry.type in _PERSON_TYPES]
    if not at or not persons:
        return []  # most articles: no work past this point
    ends_at = {c.end: c.entry for c in persons}
    starts_at = {c.start: c.entry for c in persons}
    taken = bytearray(doc.n)
    for c in chosen:
        if c.entry is None or c.entry.type not in _PARTY_TYPES or c.end - c.start > 1:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    holders: dict[tuple[str, str], set[str]] = {}
    entries: dict[str, _Entry] = {}
    phrases = []
    for i, (key, end) in at:
        the = i - 1 if i > 0 and doc.norm[i - 1] in ("the", "The") else None
        possessive = (
            end + 1 < doc.n and doc.norm[end] == "'" and doc.norm[end + 1] == "s"
        )
        holder = None
        if the is None:
            past = i > 0 and (
                doc.norm[i - 1].isdigit()
                or doc.norm[i - 1].lower() in _PAST_MARKERS
                or (i > 1 and doc.norm[i - 1] == "-" and doc.norm[i - 2] == "then")
            )
            if not past:
                holder = starts_at.get(end)  # "Republican nominee Donald Trump"
        elif (
            the >= 1
            and doc.norm[the - 1] == ","
            and not possessive
            and (end >= doc.n or doc.norm[end] in _APPOSITION_CLOSERS)
        ):
            holder = ends_at.get(the - 1)  # "Donald Trump, the Republican nominee,"
        if holder is not None:
            holders.setdefault(key, set()).add(holder.actor)
            entries[holder.actor] = holder
        if the is not None:
            phrases.append((the, end, key))
    out = []
    for the, end, key in phrases:
        names = holders.get(key, set())
        if len(names) == 1 and not any(taken[the:end]):
            out.append(_Cand(the, end, entries[next(iter(names))], 2))
    return out


def _paper(doc: _Doc, i: int, orgs: list[tuple[int, _Entry]]) -> _Entry:
    """'the Times' at token i: the one newspaper named before whose name ends so
    ("The New York Times"), at any distance; else the paper by its short name."""
    word = doc.norm[i + 1]
    found = {
        e.actor: e
        for start, e in orgs
        if start < i
        and e.type in ("media", "state media")
        and e.actor.split()[-1] == word
    }
    if len(found) == 1:
        return next(iter(found.values()))
    return _Entry(f"The {word}", "media", None, None)


def _alias_words(actor: str) -> frozenset[str]:
    """The words of a listed actor's aliases ("Fund" of the IMF's "International
    Monetary Fund"), so that "the fund" finds it."""
    return _all_alias_words().get(actor, frozenset())


@functools.cache
def _all_alias_words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for one, longer in _gazetteer().index.values():
        for alias in ((one,) if one else ()) + tuple(
            a for v in longer.values() for a in v
        ):
            if alias.entry is not None:
                words.setdefault(alias.entry.actor, set()).update(alias.tokens)
    return {actor: frozenset(w) for actor, w in words.items()}


def _definite_orgs(doc: _Doc, chosen: list[_Cand]) -> list[_Cand]:
    """'the company' -> the one organisation of that kind the article named before it.

    The noun picks the organisations whose name has it as a word ("the commission"
    after "the Commission on Presidential Debates"), else those of its type ("the
    bank" after "Wells Fargo", a company); `_antecedent` chooses among them. A
    resolved phrase counts as a mention of its organisation for the next one, so
    "the company" a story keeps returning to stays the story's company.
    """
    orgs: list[tuple[int, _Entry]] = [
        (c.start, c.entry)
        for c in chosen
        if c.entry is not None and c.entry.type in _ORG_ENTRY_TYPES
    ]
    if not orgs and not doc.find(_PAPER_WORDS):
        return []
    taken = bytearray(doc.n)
    for c in chosen:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = []
    for i in doc.at(("the", "The")):
        if i + 1 >= doc.n or taken[i] or taken[i + 1]:
            continue
        noun = doc.norm[i + 1]
        if noun in _PAPER_WORDS and not (i + 2 < doc.n and doc.is_cap(i + 2)):
            out.append(_Cand(i, i + 2, _paper(doc, i, orgs), 1))
            continue
        if noun not in _DEFINITE_NAME_WORDS and noun not in _DEFINITE_TYPES:
            continue
        if i + 2 < doc.n and (doc.norm[i + 2] == "of" or doc.is_cap(i + 2)):
            continue  # "the company of ...", "the Bank Secrecy Act": a new name
        for by_name in (True, False):  # a word of its name first, then its type
            fitting = [(s, e) for s, e in orgs if _fits(noun, e, by_name)]
            found = _antecedent(i, fitting)
            if found is not None:
                out.append(_Cand(i, i + 2, found, 1))
                orgs.append((i, found))  # the next "the company" may refer to it
                break
    return out


def _fits(noun: str, entry: _Entry, by_name: bool) -> bool:
    """Whether "the <noun>" may name `entry`: by a word of its name ("the commission"),
    or else by its type ("the bank": a company)."""
    if by_name:
        word = noun.capitalize()
        return noun in _DEFINITE_NAME_WORDS and (
            word in entry.actor.split()
            or not _alias_words(entry.actor).isdisjoint((word, noun))
        )
    kind = _DEFINITE_TYPES.get(noun)
    return kind is not None and entry.type in _DEFINITE_KINDS[kind]


def _antecedent(i: int, earlier: list[tuple[int, _Entry]]) -> _Entry | None:
    """The organisation "the company" at token `i` refers to, among those that fit it:
    the one named lately (within _DEFINITE_REACH tokens: an antecedent far back is
    likely another one); of several, the one named most often before `i` if it was
    named more often than each other one (reporters call the company a story is about
    "the company" and name the others); None if none, or no party's ("the party" is
    the one of whoever the sentence is about).
    """
    recent = {e.actor: e for start, e in earlier if i - _DEFINITE_REACH <= start < i}
    if len(recent) == 1:
        return next(iter(recent.values()))
    if len(recent) < 2 or any(e.type == "party" for e in recent.values()):
        return None
    counts = dict.fromkeys(recent, 0)
    for start, e in earlier:
        if start < i and e.actor in counts:
            counts[e.actor] += 1
    first, second = sorted(counts.values(), reverse=True)[:2]
    if first == second:
        return None
    return next(recent[a] for a, n in counts.items() if n == first)


# --------------------------------------------------------------------------- API


def inventory(text: document.TextOrDocument) -> list[Actor]:
    """The actors of `text`: count, first position and the aliases used, most mentioned first.

    Documents (`SOURCE_ONLY_TYPES`: "the poll", "the report") are mentions, and
    sources of quotes, but not actors of the story: the inventory, and so the actor
    and portrayal tables, leave them out.
    """
    groups: dict[str, list[Mention]] = {}
    for m in document.of(text).mentions:
        if m.type not in SOURCE_ONLY_TYPES:
            groups.setdefault(m.actor, []).append(m)
    actors = []
    for name, ms in groups.items():
        seen: dict[str, None] = {}
        for m in ms:
            seen.setdefault(" ".join(m.text.split()), None)
        actors.append(Actor(name, ms[0].type, len(ms), ms[0].start, tuple(seen)))
    actors.sort(key=lambda a: (-a.count, a.first_start, a.actor))
    return actors


# "U.S.", "D.C.": an initialism keeps its last period ("U.S" is no name).
_INITIALISM_RE = re.compile(r"(?:^|[^\w.])(?:[A-Z]\.){2,}$")


def _strip_name(name: str) -> str:
    s = _normalise(" ".join(name.split()))
    s = re.sub(r"'s?$", "", s)
    initialism = _INITIALISM_RE.search(s) is not None
    s = s.strip(' ,.;:"“”')
    return s + "." if initialism else s


def listed(name: str) -> tuple[str, str] | None:
    """The gazetteer actor and type `name` is an alias of, as a whole ("Labour",
    "the Tories", "IAEA"), or None: no guess from a surname or a name inside it.

    >>> listed("Tories")
    ('Conservative Party', 'party')
    """
    key = re.sub(r"^(?:the|The)\s+", "", name.strip())
    entry = _listed_entry(_gazetteer(), key) if key else None
    return None if entry is None else (entry.actor, entry.type)


def canonical(name: str) -> tuple[str, str] | None:
    """The canonical actor and its type for an alias, metonym or speaker string.

    >>> canonical("KCNA")
    ('Korea Central News Agency', 'state media')
    >>> canonical("Kremlin")
    ('Russia', 'country')
    """
    if not isinstance(name, str):
        return None
    return _canonical(name)


# Quotes, sources, stance and the pipeline ask for the same speaker strings again.
@functools.lru_cache(maxsize=4096)
def _canonical(name: str) -> tuple[str, str] | None:
    gaz = _gazetteer()
    s = _strip_name(name)
    if not s:
        return None
    for candidate in (s, re.sub(r"^(?:the|The)\s+", "", s)):
        key = " ".join(_split_tokens(candidate)[0])
        actor = gaz.exact.get(key) or gaz.folded.get(candidate.casefold())
        if actor is not None:
            return actor, gaz.entries[actor].type
    found = _find_mentions(s)  # a name alone: no quotes to read
    tail = [m for m in found if m.end == len(s)]
    if tail:
        return tail[-1].actor, tail[-1].type
    # A bare personal name (possibly after a title) that the gazetteer does not list.
    doc = _Doc(s)
    i, kind = 0, "person"
    title = _title_at(doc, 0, gaz) if doc.n else None
    if title is not None:
        i, kind = len(title.tokens), title.type
    end = _name_end(doc, i, gaz) if i < doc.n else i
    if (
        end == doc.n
        and end - i >= 2
        and sum(1 for t in range(i, end) if doc.is_cap(t)) >= 2
        and any(len(doc.norm[t]) > 1 for t in range(i, end))  # not "U.S"
    ):
        return _name_text(doc, i, end), kind
    return None


def resolve_targets(names: Iterable[str]) -> list[str]:
    """Canonical actors for user-given target names, in order, without repeats.

    Raises:
        ValueError: naming the first name that is empty or not an actor.
    """
    out: list[str] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise ValueError("empty target name")
        found = canonical(name)
        if found is None:
            raise ValueError(
                f"unknown target {name.strip()!r}: not an actor the gazetteer or a name pattern knows"
            )
        if found[0] not in out:
            out.append(found[0])
    return out


def resolve(name: str, text: document.TextOrDocument) -> tuple[str, str] | None:
    """The actor of `text` that `name` (a speaker or target string) refers to, and its
    type: an alias the article uses ("Google", "the FAA"), a gazetteer alias, or a
    first name or surname that one person of the article has ("Keith", "Joseph")."""
    if not isinstance(name, str) or not name.strip():
        return None
    return resolve_in(name, document.of(text).actors)


def resolve_in(name: str, found: Sequence[Actor]) -> tuple[str, str] | None:
    """`resolve` with the article's inventory already made (one per article)."""
    key = _strip_name(name)
    key = re.sub(r"^(?:the|The)\s+", "", key)
    for a in found:
        if key == a.actor or key in a.aliases:
            return a.actor, a.type
    known = canonical(name)
    if known is not None:
        return known
    words = key.split()
    if len(words) == 1:
        people = [
            a
            for a in found
            if a.type in _PERSON_TYPES
            and len(a.actor.split()) >= 2
            and key in (a.actor.split()[0], a.actor.split()[-1])
        ]
        if len(people) == 1:
            return people[0].actor, people[0].type
    return None


def affiliation(actor: str) -> str | None:
    """The country or organisation a gazetteer actor belongs to (Putin -> Russia), or
    an unlisted body named after a listed one ("Senate Foreign Relations Committee" ->
    United States), if any."""
    gaz = _gazetteer()
    entry = gaz.entries.get(actor)
    if entry is not None:
        return entry.country
    words = actor.split()
    for k in range(len(words) - 1, 0, -1):
        listed = _listed_entry(gaz, " ".join(words[:k]))
        if listed is not None and listed.type == "government body":
            return listed.country
    return None


def known_actors() -> list[tuple[str, str]]:
    """Every gazetteer actor as (canonical name, type), sorted by name."""
    return sorted((e.actor, e.type) for e in _gazetteer().entries.values())
