"""Paragraphs, sentences and words of a news article, each with character offsets.

Sentences come from NLTK's Punkt (Kiss & Strunk 2006) with English punkt_tab parameters
shipped in `analysis/data/punkt_english/` and a news abbreviation list the project wrote,
so nothing is downloaded. Paragraph breaks are hard sentence boundaries. Credit lines,
bylines and datelines are reported apart (`kind="byline"`), a headline as `kind="title"`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
)

from analysis import lexicons

Kind = Literal["sentence", "title", "byline"]

# Capitalised words that name days and months, never people or places.
CALENDAR_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December".split()
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: `text == article_text[start:end]`, no surrounding white space."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, or a headline or credit line (`kind`), within one paragraph."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: Kind = "sentence"


class Token(NamedTuple):
    """A word or punctuation mark (a named tuple: articles have thousands of them)."""

    start: int
    end: int
    text: str


class _NewsLanguageVars(PunktLanguageVars):
    # Opening curly quotes and guillemets may not start a word, so `“The` is read as
    # `“` + `The` and Punkt sees the capital letter of the next sentence.
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201c\u2018\xab\u201e]"


@functools.cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    abbrevs = set(lexicons.word_set("punkt_english/abbrev_types.txt"))
    abbrevs |= lexicons.word_set("news_abbreviations.txt")
    params.abbrev_types = abbrevs
    params.sent_starters = set(lexicons.word_set("punkt_english/sent_starters.txt"))
    params.collocations = set(lexicons.table("punkt_english/collocations.tab", 2))
    for word, flags in lexicons.table("punkt_english/ortho_context.tab", 2):
        params.ortho_context[word] = int(flags)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\r?\n|\r")
_TERMINAL = re.compile(r"[.!?:;\"”’'»)\]…]\s*$")


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of `text`: a line break ends a paragraph.

    A block of three or more lines that mostly end mid-sentence is read as hard-wrapped
    text and kept as one paragraph.

    >>> [p.text for p in paragraphs("One.\\nTwo.\\n\\nThree.")]
    ['One.', 'Two.', 'Three.']
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        block_end = match.start() if match else len(text)
        spans.extend(_block_paragraphs(text, block_start, block_end))
        if match:
            block_start = match.end()
    out = []
    for start, end in spans:
        chunk = text[start:end]
        lstrip = len(chunk) - len(chunk.lstrip())
        rstrip = len(chunk) - len(chunk.rstrip())
        start, end = start + lstrip, end - rstrip
        if end > start:
            out.append(Paragraph(len(out), start, end, text[start:end]))
    return out


def _block_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    for match in _LINE_BREAK.finditer(text, start, end):
        lines.append((pos, match.start()))
        pos = match.end()
    lines.append((pos, end))
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    if len(lines) >= 3:
        open_ended = sum(1 for s, e in lines[:-1] if not _TERMINAL.search(text[s:e]))
        if open_ended / (len(lines) - 1) >= 0.6:
            return [(lines[0][0], lines[-1][1])]
    return lines


# A credit or byline paragraph: "By Jane Doe", "Reporting by ...; Editing by ...".
_BY = re.compile(
    r"^(?:By|BY|Written by|Story by|Words by)\s+[A-Z][\w.'’-]*"
    r"(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’-]*){0,7}"
    r"(?:\s*[,|/–—-]\s*[A-Za-z][\w .'’-]{0,40})?\s*$"
)
_CREDITS = re.compile(
    r"^\(?(?:Additional\s+)?(?:reporting|writing|editing|compiled|compiling|research"
    r"|translated|translation|graphics|photos?)\s+by\b",
    re.IGNORECASE,
)
# A dateline: "WASHINGTON (Reuters) -", "(AP) —", "MOSCOW, Nov 5 (Reuters) -".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s+)?"
    r"\((?:[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,3})\)\s*[-–—]{1,2}\s*(?=\S)"
)
_CREDIT_WORD = re.compile(r"^(?:[A-Z][\w.'’&-]*|and|&|of|the|de|van|von|for)$")


# A verb no credit line has: "Research by handset maker Nokia shows that ..." is prose.
_PROSE_VERB = re.compile(
    r"\b(?:shows?|showed|shown|finds|found|suggests?|suggested|says?|said|is|are|was|"
    r"were|has|have|had|will|would|could)\b"
)


def _is_credit(par: str, last: bool) -> bool:
    if _BY.match(par) or (_CREDITS.match(par) and not _PROSE_VERB.search(par)):
        return True
    # A short closing line in title case with no sentence punctuation: "Team BharatShakti",
    # "Staff Reporter", "Associated Press".
    if not last:
        return False
    words = par.split(maxsplit=6)  # 7 parts: too long; never all of a long paragraph
    return (
        1 <= len(words) <= 6
        and not _TERMINAL.search(par)
        and all(_CREDIT_WORD.match(w) for w in words)
        and words[0][0].isupper()
    )


def byline_spans(
    text: str, pars: Sequence[Paragraph] | None = None
) -> list[tuple[int, int]]:
    """Offsets of credit lines, bylines and datelines in `text`, in order (`pars`:
    its paragraphs, if already found)."""
    pars = paragraphs(text) if pars is None else pars
    out = []
    for i, par in enumerate(pars):
        if _is_credit(par.text, last=i == len(pars) - 1 and i > 0):
            out.append((par.start, par.end))
            continue
        dateline = _DATELINE.match(par.text)
        if dateline and i <= 2:
            end = par.start + len(par.text[: dateline.end()].rstrip())
            out.append((par.start, end))
    return out


def title_span(
    text: str, pars: Sequence[Paragraph] | None = None
) -> tuple[int, int] | None:
    """The headline: a short first paragraph without closing punctuation, or one short
    sentence in title case, if any (`pars`: its paragraphs, if already found)."""
    pars = paragraphs(text) if pars is None else pars
    if len(pars) < 2:
        return None
    first = pars[0]
    words = first.text.split(maxsplit=25)  # 26 parts: too long for a headline
    if (
        len(words) > 25
        or _is_credit(first.text, last=False)
        or _DATELINE.match(first.text)
    ):
        return None
    if not _TERMINAL.search(first.text) and len(words) <= 20:
        return first.start, first.end
    # Some archives end headlines with a period: "Poll: Voters Abandon Party." A headline
    # is then one sentence in title case.
    letters = [w for w in words if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in letters)
    if (
        letters
        and capitalised >= 0.6 * len(letters)
        and not _INNER_END.search(first.text)
    ):
        return first.start, first.end
    return None


def sentences(text: str, pars: Sequence[Paragraph] | None = None) -> list[Sentence]:
    """Sentences of `text`, with the headline and credit lines marked by `kind`.

    Offsets are into `text`; `text[s.start:s.end] == s.text`; records are sorted, do
    not overlap, and carry no surrounding white space.

    >>> [s.text for s in sentences("Mr. Kim met Gen. Park in the U.S. on Jan. 5. He left.")]
    ['Mr. Kim met Gen. Park in the U.S. on Jan. 5.', 'He left.']
    """
    pars = paragraphs(text) if pars is None else pars
    punkt = _punkt()
    credits = dict(byline_spans(text, pars))
    title = title_span(text, pars)
    spans: list[tuple[int, int, int, Kind]] = []
    for par in pars:
        if title and par.start == title[0]:
            spans.append((par.start, par.end, par.index, "title"))
            continue
        body_start = par.start
        if par.start in credits:
            end = credits[par.start]
            spans.append((par.start, end, par.index, "byline"))
            if end >= par.end:
                continue
            body_start = (
                end + len(text[end : par.end]) - len(text[end : par.end].lstrip())
            )
        body = text[body_start : par.end]
        pieces: list[list[int]] = []
        # Punkt is the costly step: a paragraph with no inner boundary skips it.
        inner = _INNER_END.search(body)
        for start, end in punkt.span_tokenize(body) if inner else [(0, len(body))]:
            chunk = body[start:end]
            end -= len(chunk) - len(chunk.rstrip())
            if end <= start:
                continue
            # Punkt always splits at "?" and "!"; a sentence never starts in lower case
            # (`“Are you sure?” she asked.`), except for words like iPhone or eBay. And a
            # title never ends a sentence: Punkt's orthographic evidence splits "Mr. |
            # Tribe" when "tribe" is a common lower-case word.
            if pieces and (
                _LOWER_START.match(body, start)
                or _TITLE_END.search(body, max(0, pieces[-1][1] - 8), pieces[-1][1])
            ):
                pieces[-1][1] = end
            else:
                pieces.append([start, end])
        for start, end in pieces:
            spans.append((body_start + start, body_start + end, par.index, "sentence"))
    return [
        Sentence(i, start, end, text[start:end], paragraph, kind)
        for i, (start, end, paragraph, kind) in enumerate(spans)
    ]


# Titles that always precede a name (a closed class, so a constant).
_TITLE_END = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Pvt|Sen"
    r"|Rep|Gov|Amb|Atty|Supt|Insp|Rev|Fr|Hon|Pres|Mme|Mlle)\.$"
)
_INNER_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
_LOWER_START = re.compile(r"[a-z](?![a-z]*[A-Z])")

_WORD = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])          # initialisms: U.S., a.m.
    | \d+(?:[.,:/]\d+)*                        # numbers: 3.5, 1,200, 10:30, 9/11
    | \w+(?:-\w+)*(?:['’](?!s\b)\w+)*          # words: Jong-un, O'Brien, don't
    | ['’]s\b                                  # possessive 's
    | \.{3}|--+                                # ellipsis, double dash
    | \S                                       # any other mark
    """,
    re.VERBOSE,
)


def words(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of `text[start:end]`, with offsets into `text`.

    >>> [t.text for t in words("Russia’s “breakthrough” 3.5% U.S. deal")]
    ['Russia', '’s', '“', 'breakthrough', '”', '3.5', '%', 'U.S.', 'deal']
    """
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m[0]) for m in _WORD.finditer(text, start, end)]


def is_word(token: str) -> bool:
    """A token a reader counts as a word: a word, a number or an initialism ("don't",
    "Jong-un", "3.5", "U.S."), not a punctuation mark or a possessive "’s"."""
    return token[:1].isalnum()


def word_count(text: str) -> int:
    """The number of words of `text`: its `words` tokens for which `is_word` holds.

    The one word count of the package: the articles table and the report show it.

    >>> word_count("Russia’s “breakthrough” 3.5% U.S. deal.")
    5
    """
    return sum(1 for token in _WORD.findall(text) if token[:1].isalnum())
