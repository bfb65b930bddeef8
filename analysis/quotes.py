"""Who says what: direct, partial, mixed and indirect quotes with cue and speaker.

Rule-based and parser-free, after the layouts of PARC/PolNeAR (Pareti 2016; Newell et al.
2018), the Guardian/AFP regex layouts and GenderGapTracker's floating-quote rule: a quote
mark scanner that never gives up on a document, reporting cues from
`analysis/data/quote_cues.tsv`, the speaker noun phrase next to the cue, and speaker
resolution in `analysis.speakers`.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from analysis import document, lexicons, speakers, tokenize

Kind = Literal["direct", "partial", "mixed", "indirect", "according_to", "scare"]
KINDS = ("direct", "partial", "mixed", "indirect", "according_to", "scare")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed stretch of text (or a scare quote), with offsets into the article.

    `text == article[start:end]` is the content as PARC/PolNeAR define it; `quote_start`
    and `quote_end` span the quoted words with their marks (None for indirect speech);
    `speaker` is the canonical name, `speaker_text` the mention as written; `relay` the
    document or medium that relays a nested attribution, if any.
    """

    kind: str
    start: int
    end: int
    text: str
    quote_start: int | None
    quote_end: int | None
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    sentence: int
    # a document or medium that relays the attribution ("according to court papers, she
    # told detectives ..."): the speaker is the inner one, the relay is kept here
    relay: str | None = None
    relay_start: int | None = None
    relay_end: int | None = None


# ---- quote marks ----------------------------------------------------------------------

# `''` is the double quote mark of some newspapers' plain-text feeds (NYT archives).
_MARKS = re.compile(r"''(?!')|[\"“”„«»‘’‚']")
_OPEN_CONTEXT = set(" \t\n\r([{—–-/\u00a0“‘«„\"'")
_CLOSE_PUNCT = set(" \t\n\r.,;:!?)]}—–-\u00a0”’»\"'…")
_DOUBLE = "d"
_SINGLE = "s"


@dataclass(frozen=True, slots=True)
class Marked:
    """A top-level quoted stretch: `start` at its opening mark, `end` after its closer.

    `closed` is False for a quote that runs to the end of its paragraph; `group` links
    the paragraphs of one multi-paragraph quote.
    """

    start: int
    end: int
    closed: bool
    group: int


def _is_apostrophe(text: str, pos: int, lo: int, hi: int) -> bool:
    prev = text[pos - 1] if pos > lo else " "
    nxt = text[pos + 1] if pos + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # don’t, O’Brien, rock’n’roll
    # ’90s, ’em, ’n’ (rock ’n’ roll), ’til
    tail = text[pos + 1 : pos + 5]
    if re.match(r"\d0s|em\b|n[’']|til\b|cause\b|tis\b", tail):
        return True
    # the closing ’ of ’n’
    return prev == "n" and pos - 2 >= lo and text[pos - 2] in "’'" and not nxt.isalnum()


def scan(text: str, paragraphs: list[tokenize.Paragraph] | None = None) -> list[Marked]:
    """Top-level quoted stretches of `text`, paired by mark type, paragraph by paragraph.

    Apostrophes (’s, s’, ’90s, rock ’n’ roll, O’Brien) are not quote marks; quotes inside
    quotes stay inside their outer quote; an unclosed quote ends at its paragraph; a
    paragraph that opens a quote and does not close it continues into the next paragraph
    that opens with a mark (the news convention for multi-paragraph quotes).

    >>> [text[m.start:m.end] for text in ['He said “it’s ‘fine’” and left.'] for m in scan(text)]
    ['“it’s ‘fine’”']
    """
    pars = paragraphs if paragraphs is not None else tokenize.paragraphs(text)
    out: list[Marked] = []
    group = 0
    pending_group: int | None = None
    for par in pars:
        lo, hi = par.start, par.end
        spans = _scan_paragraph(text, lo, hi)
        opens_with_mark = bool(text[lo:hi][:1] in "“\"„«‘'")
        for i, (s, e, closed) in enumerate(spans):
            if i == 0 and pending_group is not None and opens_with_mark and s == lo:
                g = pending_group
            elif i > 0 and not spans[i - 1][2]:
                g = group  # reopened after a lost paragraph break: the same quote
            else:
                group += 1
                g = group
            out.append(Marked(s, e, closed, g))
        pending_group = None
        if spans and not spans[-1][2] and text[spans[-1][0]] in '“"„«':
            pending_group = out[-1].group
    return out


def _scan_paragraph(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """The outermost quoted spans of the paragraph `text[lo:hi]`: (start, end, closed).

    Marks are read left to right onto a stack of open quotes; a span is recorded when
    its outermost quote closes, and an unclosed double quote runs to the paragraph end.
    """
    marks = [
        (m.start(), '"' if m.group() == "''" else m.group(), len(m.group()))
        for m in _MARKS.finditer(text, lo, hi)
    ]
    closer_after = _single_closers_after(text, lo, hi, marks)
    stack = _OpenQuotes()
    for k, (pos, ch, width) in enumerate(marks):
        prev = text[pos - 1] if pos > lo else " "
        nxt = text[pos + width] if pos + width < hi else " "
        open_ctx = prev in _OPEN_CONTEXT
        close_ctx = not prev.isspace() and (nxt in _CLOSE_PUNCT or not nxt.isalnum())
        open_double = stack.innermost(_DOUBLE)
        if ch in "“„«":
            if ch == "“" and open_double is not None and stack.char(open_double) == "„":
                stack.close(open_double, pos + width)
            elif (
                ch == "“"
                and open_double is not None
                and stack.char(open_double) == "“"
                and close_ctx
                and not open_ctx
            ):
                stack.close(open_double, pos + width)  # “ typed for ”
            else:
                stack.open(pos, ch, _DOUBLE)
        elif ch in "”»":
            if open_double is not None:
                stack.close(open_double, pos + width)
            elif ch == "”" and open_ctx and nxt.isalnum():
                stack.open(pos, ch, _DOUBLE)  # ” typed for “
        elif ch == '"':
            top_ascii = open_double is not None and stack.char(open_double) in '"”'
            if top_ascii and (close_ctx or not open_ctx):
                stack.close(open_double, pos + width)
            elif top_ascii and _new_quoted_sentence(text, lo, pos, nxt):
                # A quote continued in a new paragraph reopens with a mark and leaves
                # the last one unclosed; where the paragraph break is lost, the mark
                # follows the sentence end: the open quote ends there.
                stack.leave_unclosed(open_double, _end_before(text, lo, pos))
                stack.open(pos, ch, _DOUBLE)
            elif open_ctx and not nxt.isspace():
                stack.open(pos, ch, _DOUBLE)
            elif open_double is not None and not open_ctx:
                stack.close(open_double, pos + width)
        else:  # single marks ‘ ’ ‚ '
            if _is_apostrophe(text, pos, lo, hi):
                continue
            open_single = stack.innermost(_SINGLE)
            if ch in "‘‚" or (ch == "'" and open_ctx and nxt.isalpha()):
                if open_ctx and (nxt.isalnum() or nxt in '“"$'):
                    stack.open(pos, ch, _SINGLE)
                continue
            # ’ or ' as a closer
            if open_single is None or not close_ctx:
                continue
            if open_double is not None and open_double > open_single:
                continue  # a double quote opened inside the single one is still open
            if _plural_possessive(text, pos) and closer_after[k + 1]:
                # "the workers’ union": close here only if no later closer for this
                # quote exists in the paragraph
                continue
            stack.close(open_single, pos + width)
    return _outermost(stack.spans + stack.unclosed(hi))


class _OpenQuotes:
    """The quotes open at a point of a paragraph, innermost last, and the spans of the
    outermost ones closed so far."""

    def __init__(self) -> None:
        self.items: list[tuple[int, str, str]] = []  # (position, mark, family)
        self.spans: list[tuple[int, int, bool]] = []

    def innermost(self, family: str) -> int | None:
        """The index of the innermost open quote of `family`, if any."""
        for i in range(len(self.items) - 1, -1, -1):
            if self.items[i][2] == family:
                return i
        return None

    def char(self, index: int) -> str:
        return self.items[index][1]

    def open(self, pos: int, ch: str, family: str) -> None:
        self.items.append((pos, ch, family))

    def close(self, index: int, end: int) -> None:
        """Close the quote at `index` and every quote opened inside it at `end`."""
        start = self.items[index][0]
        del self.items[index:]
        if not self.items:
            self.spans.append((start, end, True))

    def leave_unclosed(self, index: int, end: int) -> None:
        """End the quote at `index` at `end` without a closing mark."""
        start = self.items[index][0]
        del self.items[index:]
        if not self.items:
            self.spans.append((start, end, False))

    def unclosed(self, hi: int) -> list[tuple[int, int, bool]]:
        """The outermost double quote still open, running to `hi`, if any."""
        bottom = self.outermost(_DOUBLE)
        return [] if bottom is None else [(self.items[bottom][0], hi, False)]

    def outermost(self, family: str) -> int | None:
        """The index of the outermost open quote of `family`, if any."""
        return next((i for i, item in enumerate(self.items) if item[2] == family), None)


def _end_before(text: str, lo: int, pos: int) -> int:
    """The end of the text before `pos`, trailing spaces left out."""
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def _new_quoted_sentence(text: str, lo: int, pos: int, nxt: str) -> bool:
    """The straight mark at `pos` opens a quoted sentence: it follows a sentence end
    and a space, and a capital or a digit follows it."""
    end = _end_before(text, lo, pos)
    return (
        end < pos
        and end > lo
        and text[end - 1] in ".!?"
        and (nxt.isupper() or nxt.isdigit())
    )


def _plural_possessive(text: str, pos: int) -> bool:
    """The mark at `pos` may be a plural possessive: "workers’ union"."""
    return text[pos - 1] in "sS" and bool(
        re.match(r"\s+[a-z]", text[pos + 1 : pos + 3])
    )


def _single_closers_after(
    text: str, lo: int, hi: int, marks: list[tuple[int, str, int]]
) -> list[bool]:
    """[k]: a single closing mark that is no plural possessive is at mark k or later."""
    after = [False] * (len(marks) + 1)
    for k in range(len(marks) - 1, -1, -1):
        pos, ch, _ = marks[k]
        after[k] = after[k + 1] or (
            ch in "’'"
            and not _is_apostrophe(text, pos, lo, hi)
            and not _plural_possessive(text, pos)
        )
    return after


def _outermost(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Sorted spans without those inside another (singles inside an unclosed double
    quote are nested); overlapping spans are merged."""
    kept: list[tuple[int, int, bool]] = []
    for s, e, closed in sorted(spans):
        if kept and s < kept[-1][1]:
            if e > kept[-1][1]:
                kept[-1] = (kept[-1][0], e, closed)
            continue
        kept.append((s, e, closed))
    return kept


# ---- cues -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    lemma: str
    frame: str  # say | tell | ask | name | according | colon | dash
    # the learned frame (that | to | pronoun | object) of a cue from
    # quote_cues_learned.tsv, which opens indirect quotes only; "" for a hand-written cue
    learned: str = ""


@functools.cache
def _cue_table() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for form, lemma, frame in lexicons.table("quote_cues.tsv", 3):
        if form in out:
            raise lexicons.LexiconError(f"quote_cues.tsv: duplicate form {form!r}")
        if frame not in _FRAMES:
            raise lexicons.LexiconError(f"quote_cues.tsv: unknown frame {frame!r}")
        out[form] = (lemma, frame)
    return out


# What may follow a cue (see analysis/data/SOURCES.md).
_FRAMES = frozenset(
    {"say", "tell", "ask", "name", "act", "think", "manner", "evidence"}
)


_WORDS = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")


# A possessive before a cue word makes it a noun ("Trump’s claim that"): see _NOMINAL.
_POSSESSIVE_BEFORE = re.compile(
    r"(?:[’']s|s[’']|\b(?:his|her|their|its|my|our|your))\s+$"
)


# Verbs whose object is a speech noun ("faced ridicule", "drew criticism", "sparked
# protests"): the word after them is no cue.
_NOUN_AFTER_VERB = re.compile(
    r"\b(?:faced?|faces|facing|drew|draws?|drawn|received?|receives|sparked?|sparks|"
    r"prompted?|prompts|attracted?|attracts|earned?|earns|invited?|invites)\s+$"
)


# A common noun right before a naming participle ("a play called “...”"): the noun is
# what is named; a subject ("what she called", "who he dubbed") would be a pronoun.
_NOUN_BEFORE = re.compile(
    r"(?<![\w’'-])(?!(?:he|she|they|it|we|i|you|who|whom|which|what|that|have|has|had|"
    r"was|were|is|are|be|been|also|once|then|now|later|often|[a-z]+ly)\b)"
    r"[a-z][a-z’'-]*\s+$"
)


# Compound nouns that open with a cue word ("a Paris-based think tank said").
_COMPOUND_AFTER = {
    "think": re.compile(r"[\s-]+tanks?\b"),
    "pledged": re.compile(r"\s+(?:super)?delegates?\b"),
    "talk": re.compile(r"[\s-]+(?:shows?|radio)\b"),
    "report": re.compile(r"[\s-]+cards?\b"),
}


# The first word of a compound noun before a cue word ("phone calls", "free internet
# telephone calls"): the cue word is the noun's head.
_COMPOUND_BEFORE = {
    "calls": re.compile(
        r"\b(?:phone|telephone|conference|video|internet|net|free|cold|mobile|local|"
        r"international|emergency|voice|landline)\s+$"
    ),
}
_COMPOUND_BEFORE["call"] = _COMPOUND_BEFORE["calls"]


# An article right before a cue word makes it an adjective or a noun.
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Nn]o)\s+$")


# A singular noun phrase opened by "a", "another", "each" or "every" right before a cue
# word in its base form: no verb agrees with it, so the word is a noun ("a draft note
# intended for", "another technical concern that"); words of quantity take a plural
# verb ("a majority believe", "a few say").
_SINGULAR_BEFORE = re.compile(
    # not inside a prepositional phrase ("4 in 10 voters in each state want")
    r"(?<![\w’'-])(?<!\bin )(?<!\bof )(?<!\bat )(?<!\bon )(?<!\bfor )(?<!\bfrom )"
    r"(?:[Aa]n?|[Aa]nother|[Ee]ach|[Ee]very)\s+"
    r"(?!(?:few|majority|minority|number|lot|couple|handful|third|quarter|half|dozen|"
    r"host|group|variety|range|series|pair|bunch)\b)"
    # no infinitive, modal or clause between ("a chance to say", "a man who can say")
    r"(?:(?!(?:to|will|would|can|could|should|may|might|must|do|does|did|not|never|"
    r"who|that|which|they|we|i|you|he|she|it)\b)[a-z][\w’'-]*\s+){1,2}$"
)


# A preposition right before a word: no finite verb can follow it (a gerund can).
_NO_VERB_BEFORE = re.compile(
    r"(?<![\w’'-])(?:of|in|with|for|by|from|on|at|about|among|over|under|amid|"
    r"against|into|despite)\s+$"
)
# A progressive verb right before a word in -ed: the word is an adjective of its object
# ("is investigating alleged interference"); not "is being told", a noun in -ing
# ("Exit polling showed") or a participle ("the shooting described").
_GERUND_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|am|[’']re)\s+(?:[a-z]+ly\s+)?"
    r"(?!being|having|getting)[a-z]{2,}ing\s+$"
)
_DEGREE_BEFORE = re.compile(
    r"(?<![\w’'-])(?:[Mm]ost|[Mm]ore|[Ll]ess|[Ll]east|[Vv]ery)\s+$"
)


# Cues learned from PolNeAR train (quote_cues_learned.tsv, tools/learn_quote_cues.py):
# a word outside quote_cues.tsv followed by "that", "to" + a verb, a subject pronoun or
# an object opens an indirect candidate when that frame was a gold cue often enough in
# train ("seemed to", "sought to", "made it clear that", "assailed the media"). The
# thresholds were chosen on PolNeAR dev (F1 all 0.729 -> 0.742 with all four frames).
# These rules hold when the keep/drop model below is off (FILTER_MIN_P = None): then
# only the object frame is on by default, and only with a message as the object
# ("issued a statement", "released an ad"): PolNeAR marks intentions and acts as
# attributions ("sought to", "released her tax returns", "signed a pledge"), and on
# unseen newspaper articles (BASIL) most of what the other frames add is no reported
# speech, against the precision-first goal of issue 16. Set LEARNED_FRAMES (e.g. to
# LEARNED_FRAME_NAMES) to use them.
LEARNED_MIN_P = 0.25
LEARNED_MIN_GOLD = 3  # and was a gold cue at least this often
LEARNED_FRAME_NAMES = ("that", "to", "pronoun", "object")
LEARNED_FRAMES: tuple[str, ...] = ("object",)  # the frames used
# The object frame opens a candidate only when the object's head noun made the frame a
# cue often enough in train (quote_cue_objects.tsv; chosen on PolNeAR dev).
OBJECT_MIN_P = 0.45  # the word's own p for its object frame
OBJECT_HEAD_MIN_P = 0.35
OBJECT_HEAD_MIN_GOLD = 3
# The keep/drop model (quote_filter.tsv, tools/train_quote_filter.py): every learned
# frame with p >= CANDIDATE_MIN_P and gold >= CANDIDATE_MIN_GOLD may open a candidate
# (with its own subject, not passive, its content no relative clause), and a logistic
# model fitted on the candidates of PolNeAR train quarters 0-2 weighs its cue word,
# frame, subject, content and object (candidate_features); a candidate is kept when its
# probability of being a gold attribution is at least FILTER_MIN_P (chosen on PolNeAR
# dev). None turns the model off: then LEARNED_FRAMES and the thresholds above decide.
FILTER_MIN_P: float | None = 0.5
FILTER_FRAMES: tuple[str, ...] = LEARNED_FRAME_NAMES  # the frames the model weighs
CANDIDATE_MIN_P = 0.1
CANDIDATE_MIN_GOLD = 2
# PolNeAR marks acts and intentions as attributions ("sought to", "released her tax
# returns", "signed a pledge"); on newspaper text (BASIL) only 14 of 45 quotes the model
# added with every frame were reported speech. With SPEECH_ONLY a learned frame opens a
# candidate only where it can report speech or thought (_speech_candidate).
SPEECH_ONLY = True
# tools/train_quote_filter.py sets a list here: every candidate's (content start, content
# end, features) is appended to it, and every candidate is kept.
CANDIDATE_LOG: list | None = None
# A determiner or a name after the word; a day or a month is no object ("released Monday").
_OBJECT = (
    r"\s+(?:the|an?|his|her|their|its|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)[A-Z][a-z])"
)
_LEARNED_FRAMES = {
    "that": (re.compile(r"\s+that\b"), "say"),
    "to": (re.compile(r"\s+to\s+[a-z]"), "act"),
    "pronoun": (re.compile(r"\s+(?:he|she|they|we|I|it|there)\s+[a-z]"), "say"),
    "object": (re.compile(_OBJECT), "act"),
}


@functools.cache
def _learned_table() -> dict[str, tuple[tuple[str, float, int], ...]]:
    """form -> its learned (frame, precision, gold count) rows."""
    out: dict[str, list[tuple[str, float, int]]] = {}
    for form, frame, n, gold, p in lexicons.table("quote_cues_learned.tsv", 5):
        if frame not in _LEARNED_FRAMES:
            raise lexicons.LexiconError(
                f"quote_cues_learned.tsv: unknown frame {frame!r}"
            )
        if not (n.isdigit() and gold.isdigit()):
            raise lexicons.LexiconError(
                f"quote_cues_learned.tsv: bad counts for {form!r}"
            )
        out.setdefault(form, []).append((frame, float(p), int(gold)))
    return {form: tuple(rows) for form, rows in out.items()}


@functools.cache
def _learned_kept(
    min_p: float, min_gold: int, frames: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """form -> the learned frames that pass the thresholds."""
    out = {}
    for form, rows in _learned_table().items():
        kept = tuple(
            f for f, p, gold in rows if p >= min_p and gold >= min_gold and f in frames
        )
        if kept:
            out[form] = kept
    return out


def _learned_frame(masked: str, form: str, end: int) -> tuple[str, str] | None:
    """The extractor frame and the learned frame of a learned cue word ending at `end`,
    if its learned frame follows and was a cue often enough in train. Without the keep/drop
    model the object frame needs a message as its object ("issued a statement", not
    "released her tax returns"); with it, any determiner phrase or name, and the model
    weighs the object's head (_keep_candidate)."""
    if FILTER_MIN_P is None:
        kept = _learned_kept(LEARNED_MIN_P, LEARNED_MIN_GOLD, LEARNED_FRAMES)
    else:
        kept = _learned_kept(CANDIDATE_MIN_P, CANDIDATE_MIN_GOLD, FILTER_FRAMES)
    for frame in kept.get(form, ()):
        pattern, as_frame = _LEARNED_FRAMES[frame]
        if not pattern.match(masked, end, end + 30):
            continue
        if FILTER_MIN_P is None:
            if frame == "object" and not _message_object(masked, form, end):
                continue
        elif SPEECH_ONLY and not _speech_candidate(masked, form, frame, end):
            continue
        return as_frame, frame
    return None


def _speech_candidate(masked: str, form: str, frame: str, end: int) -> bool:
    """Whether a learned frame can report speech or thought, not an act or an intention
    ("sought to", "signed a pledge", "sent a bill"): a that-clause ("was adamant that");
    a bare clause, a subject pronoun and a finite verb ("made clear he would"); an object
    that is a message after a word often a cue ("issued a statement", not "received a
    letter") or after a reporting verb of running text (verb_classes.tsv use=scan:
    "lauded the plan"; "addressed the nation" names an audience); an infinitive only
    after a directive reporting verb ("requested to")."""
    if frame == "that":
        return True
    if frame == "pronoun":
        return bool(_CLAUSE_AFTER.match(masked, end, end + 40))
    cls = _verb_classes().get(form)
    use = cls is not None and _scan_forms().get(form, False)
    if frame == "to":
        return use and cls == "directive"
    return use or _message_object(masked, form, end)


# A subject pronoun and a finite verb: a zero-that clause ("made clear he would"), not
# an object and its complement ("made it hard for Ryan").
_CLAUSE_AFTER = re.compile(
    r"\s+(?:he|she|they|we|I|it|there)\s+(?:[a-z]+(?:ed|s)|is|are|was|were|has|have|"
    r"had|will|would|could|can|may|might|should|must|did|does|do|[a-z]+n[’']t)\b"
)
# Between the subject and a learned that- or clause-frame word: only auxiliaries, a
# copula, adverbs or "made (it)", so that the subject is the one who holds the content
# ("they were adamant that", "he made it clear that"), not the subject of a clause
# that merely mentions it ("relayed a response to allegations that").
_LINKED_SUBJECT = re.compile(
    r"(?:[\s,]+(?:is|are|was|were|be|been|being|has|have|had|remains?|remained|"
    r"seems?|seemed|appears?|appeared|make|makes|made|making|it|not|n[’']t|also|"
    r"very|quite|so|too|[a-z]+ly))*[\s,]*"
)
# "they made (it) clear that": the subject is before "made", "it" is no speaker.
_MADE_BEFORE = re.compile(r"\b(?:make|makes|made|making)(?:\s+it)?\s+$")


def _not_a_subject(masked: str, sp: tuple[int, int]) -> bool:
    """Whether a subject phrase ends in a lower-case function word or an -ed form: a
    clause the speaker finder ran into ("The IG found no [evidence that]", "Responding
    to Gorsuch's stated [belief that]"), no subject of the cue word."""
    words = masked[sp[0] : sp[1]].rstrip(" ,").split()
    last = words[-1] if words else ""
    return (
        last.islower()
        and (last.endswith("ed") or last in lexicons.word_set("stopwords_en.txt"))
        and last not in _SUBJECT_PRONOUNS
    )


# A content that opens with a verb has no subject of its own: the "that" before it was
# a relative pronoun ("another idea that has been kicking around"), no complementizer.
_VERB_OPENING = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|"
    r"does|do|been|being)\b"
)


def _message_object(masked: str, form: str, end: int) -> bool:
    """Whether a learned object-frame word is a cue often enough in train for its
    object frame (OBJECT_MIN_P: "issued", not "passed") and its object is a message."""
    p = max(p for f, p, _ in _learned_table()[form] if f == "object")
    heads = _message_heads(OBJECT_HEAD_MIN_P, OBJECT_HEAD_MIN_GOLD)
    return p >= OBJECT_MIN_P and object_head(masked, end) in heads


# The head noun of a determiner phrase right after a word ("issued [a] strongly worded
# statement saying" -> "statement"): up to three lower-case words, cut at a function
# word or at an -ing/-ed word after the first (a participle after the noun); none
# before "of" ("a series of rulings", "the amount of").
_DETERMINER_PHRASE = re.compile(
    r"\s+(?:the|an?|his|her|their|its)\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)"
)


def object_head(text: str, end: int) -> str | None:
    """The head noun of the determiner phrase after position `end`, if any."""
    m = _DETERMINER_PHRASE.match(text, end, end + 60)
    if m is None:
        return None
    stop = lexicons.word_set("stopwords_en.txt")
    kept = []
    for i, word in enumerate(m.group(1).split()):
        if word == "of":
            return None  # "a series of rulings": a quantity, its noun comes later
        if word in stop or (i and word.endswith(("ing", "ed"))):
            break
        kept.append(word)
    return kept[-1] if kept else None


@functools.cache
def _message_heads(min_p: float, min_gold: int) -> frozenset[str]:
    """Object head nouns that made a learned object frame a cue often enough in train
    (quote_cue_objects.tsv: "statement", "letter", "endorsement", ...)."""
    out = set()
    for head, n, gold, p in lexicons.table("quote_cue_objects.tsv", 4):
        if not (n.isdigit() and gold.isdigit()):
            raise lexicons.LexiconError(
                f"quote_cue_objects.tsv: bad counts for {head!r}"
            )
        if float(p) >= min_p and int(gold) >= min_gold:
            out.add(head)
    return frozenset(out)


# Forms that are far more often nouns ("a report", "the report said") but report
# speech where a plural source closes the sentence with them ("..., state media
# report."): cues only there (quote_cues.tsv lists them with that note).
_CLOSING_ONLY = frozenset(["report"])
_CLOSES_SENTENCE = re.compile(r"[ \t]*(?:[.!?]|$)")
# ... after a comma and a short source with no verb or preposition in it.
_CLOSING_SOURCE = re.compile(
    r",\s*(?:(?!(?:of|in|on|at|for|to|and|or|a|an|its|his|her|their|will|would|has|"
    r"have|had|is|are|was|were)\b)[\w’'.-]+\s+){1,4}$"
)


# The full stop of an initial or a title ("Steven M. Rosenthal", "Ms. Simonyan").
# and before a comma ("Sen. Rand Paul, R-Ky., put it").
_ABBREVIATION_DOT = (
    r"(?:(?:(?<=\b[A-Z])|(?<=\bM[rs])|(?<=\bMrs)|(?<=\bDr)|(?<=\bSen)|(?<=\bRep)|"
    r"(?<=\bGov))\.|\.(?=,))"
)
# "As X put it, ...": the idiom names a speaker and quotes them; "put it" elsewhere
# ("put it on the table") reports nothing, so "put" is a cue only in that shape (and
# stays out of quote_cues.tsv, whose forms the learned table must not hold).
_IDIOM_CUES = {"put": ("put", "say")}
_PUT_IT = re.compile(
    r"\s+it\b(?:\s+(?:in|to|on|at|during)\b(?:[^,;:.\x01]|"
    + _ABBREVIATION_DOT
    + r"){0,60})?"
    r"(?=\s*[,:])"
)
# "as" opening the clause, its speaker (initials and appositions allowed) before "put"
_AS_BEFORE = re.compile(
    r"(?:^|[.,;:\x01\n]\s*|\bbut\s+)[Aa]s\s+(?!(?:it|if|a|an)\b)"
    r"(?:[^.;:\x01]|" + _ABBREVIATION_DOT + r"){1,150}$"
)


# A headline in title case that closes with its source ("Clinton Hid Health Problems,
# Former White House Doctor Says"): the capitalised cue after a comma and a name, at the
# end of its line.
_HEADLINE_SAYS = re.compile(
    r"(?m),[ \t]+(?:[A-Z][\w.’'-]*[ \t]+){1,5}(Says|Said|Say)[ \t]*[.:]?[ \t]*$"
)


# A finite report verb right after a participle cue ("those questioned said", "people
# polled say"): the participle is part of the subject.
_FINITE_CUE_AFTER = re.compile(
    r"\s+(?:said|say|says|told|tell|believe|believed|believes|think|thought|thinks|"
    r"agreed|agree|felt|feel|reported|added|expected|expect)\b"
)


# A wish in a participle right after a noun, with no comma ("People wanting to take
# advantage of the offer", "those hoping for a deal"): it modifies the noun, nobody is
# reported; after an auxiliary ("is hoping that") it is the verb.
_DESIRE_PARTICIPLES = frozenset("wanting hoping wishing".split())
_NOUN_RIGHT_BEFORE = re.compile(
    r"(?<![\w’'-])(?!(?:is|are|was|were|be|been|being|am|not|still|also|now|keep|keeps|"
    r"kept|start|started|stop|stopped|and|or|but)\s)[A-Za-z][\w’'-]*[ \t]+$"
)


def _find_cues(masked: str) -> list[_Cue]:
    table = _cue_table()
    out = [
        _Cue(m.start(), m.end(), "according to", "according")
        for m in _ACCORDING.finditer(masked)
    ]
    last_end = 0
    for m in _WORDS.finditer(masked):
        word = m.group()
        entry = table.get(word) or _IDIOM_CUES.get(word)
        if entry is None:
            found = _learned_frame(masked, word, m.end())
            if found is None or last_end > m.start():
                continue  # "pointed out that": "out" is part of the cue before it
            entry = (word, found[0])
            learned = found[1]
        else:
            learned = ""
        lemma, frame = entry
        if word in _CLOSING_ONLY and not (
            _CLOSES_SENTENCE.match(masked, m.end())
            and _CLOSING_SOURCE.search(masked, max(0, m.start() - 60), m.start())
        ):
            continue  # "a new report found": the noun, not "..., state media report."
        if _POSSESSIVE_BEFORE.search(masked, max(0, m.start() - 8), m.start()):
            continue
        if _ARTICLE_BEFORE.search(masked, max(0, m.start() - 7), m.start()):
            continue  # "the alleged use", "a reported 500 deaths": no finite verb
        if not word.endswith("ing") and _NO_VERB_BEFORE.search(
            masked, max(0, m.start() - 8), m.start()
        ):
            continue  # "a majority of pledged delegates", "a flurry of tweets"
        if word == lemma and _SINGULAR_BEFORE.search(
            masked, max(0, m.start() - 40), m.start()
        ):
            continue  # "a draft note intended for", "another technical concern that"
        if word.endswith("ed") and _GERUND_BEFORE.search(
            masked, max(0, m.start() - 40), m.start()
        ):
            continue  # "is investigating alleged Russian interference"
        if word in _DESIRE_PARTICIPLES and _NOUN_RIGHT_BEFORE.search(
            masked, max(0, m.start() - 30), m.start()
        ):
            continue  # "People wanting to take advantage": a noun's modifier
        if word.endswith("ed") and _FINITE_CUE_AFTER.match(masked, m.end()):
            continue  # "Many of those questioned said": the participle modifies them
        if word.endswith("ing") and _DEGREE_BEFORE.search(
            masked, max(0, m.start() - 8), m.start()
        ):
            continue  # "the most telling promise": an adjective ("most said" is not)
        noun = (
            frame == "name"
            and word.endswith("ed")
            and masked.startswith("\x01", m.end() + 1)
            and _NOUN_BEFORE.search(masked, max(0, m.start() - 30), m.start())
        )
        if noun and not speakers.is_actor(
            masked, noun.start(), noun.end(), sentence_start=False
        ):
            continue  # "a psychology class called “Perception”", not "what critics called"
        compound = _COMPOUND_AFTER.get(word)
        if compound and compound.match(masked, m.end()):
            continue  # "a progressive think tank", "pledged delegates": a noun
        compound = _COMPOUND_BEFORE.get(word)
        if compound and compound.search(masked, max(0, m.start() - 16), m.start()):
            continue  # "free internet telephone calls": a noun
        if _NOUN_AFTER_VERB.search(masked, max(0, m.start() - 12), m.start()):
            continue  # "has faced ridicule", "drew criticism": the cue word is a noun
        end = m.end()
        if lemma in ("point", "refer"):
            part = re.match(r"\s+(?:out|to)\b", masked[end : end + 5])
            if not part:
                continue
            end += part.end()
            if re.match(r"\s+as\b", masked[end : end + 4]):
                continue  # "a price tag, referred to as a “score”": a passive name
        elif lemma == "put":
            # "As Vulture put it, “...”": only "put it" after "as" and its speaker
            part = _PUT_IT.match(masked, end)
            if not part or not _AS_BEFORE.search(
                masked, max(0, m.start() - 160), m.start()
            ):
                continue
            end = part.end()  # the cue takes its medium: "put it in her memoir"
        elif lemma == "call":
            # "called for new tariffs", "called on Obama to retaliate"
            part = re.match(r"\s+(?:for|on)\b", masked[end : end + 5])
            if part:
                end += part.end()
        out.append(_Cue(m.start(), end, lemma, frame, learned))
        last_end = end
    out.extend(
        _Cue(m.start(1), m.end(1), "say", "say")
        for m in _HEADLINE_SAYS.finditer(masked)
    )
    out.sort(key=lambda c: (c.start, c.end))
    return out


# ---- attribution ------------------------------------------------------------------------


@dataclass(slots=True)
class _Att:
    kind: str
    parts: list[tuple[int, int]]
    quote: tuple[int, int] | None
    speaker: tuple[int, int] | None
    cue: _Cue | None
    paragraph: int
    order: int = 0
    relay: tuple[int, int] | None = None  # "according to court papers, she told ..."


_CLAUSE_START = re.compile(
    r"(?:he|she|they|it|we|I|you|there|this|these|those|that|the|a|an|his|her|their|its|"
    r"our|my|your|some|many|most|no|all|every|each|another|both|neither|nobody|none|"
    r"everyone|everybody|someone|anyone|people)\b|[A-Z0-9$“\"‘]",
)
_NOT_OBJECT = re.compile(
    r"(?:in|on|at|for|by|with|from|about|as|of|into|after|before|during|since|up|out|"
    r"down|off|over|back|away|again|also|so|too|it\s+was|that|this\s+week|last|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|him\s*$|her\s*$)\b"
)
# A zero-that clause that opens with a lower-case word: "hoped electric utilities would".
_LOWER_CLAUSE = re.compile(
    r"(?!(?:to|in|on|at|for|by|with|from|about|as|of|into|after|before|during|since|up|"
    r"out|down|off|over|back|away|again|also|so|nothing|anything|something|yes|no|"
    # ("more than 13,000 people voted" opens a clause: a quantity as its subject, not
    # "posted more than 5,000 times since June")
    r"not|goodbye|hello|thanks|(?:more|less)(?!\s+than\s+[\d$£€][\d,.]*(?:\s+[A-Za-z][\w-]*)"
    r"{1,3}\s+(?:[a-z]+ed|were|was|are|is|had|have|has|would|will|could|can|did|made|took)"
    r"\b)|"
    r"little|publicly|privately|recently|"
    r"repeatedly|earlier|later|then|now|here|there|this|last|next|when|while|and|or|"
    r"but|if|because|though|although|before|after|until|unless|whether|what|which|who|"
    r"how|why|where)\b)[a-z][\w’'-]*\s+[a-z][\w’'-]*\s+\w"
)
# Speech verbs that also report a commitment with an infinitive.
_INFINITIVE_SAY = frozenset(
    [
        "vow",
        "pledge",
        "promise",
        "agree",
        "hope",
        "expect",
        "threaten",
        "swear",
        "claim",
    ]
)
_QUESTION_START = re.compile(r"(?:whether|if|why|how|what|when|who|where|which)\b")
_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:on|in|at|during|last|this|earlier|late|early|after|before|over|to|"
    r"via|through|from|with|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tonight|recently|repeatedly|also|again|publicly|privately|"
    r"previously|once|often|later|flatly|simply|bluntly)\b[^,;:\x01.]{0,60}?)?"
    r"\s+that\b"
)
# "X was quoted as saying (that) ...": the content follows "saying".
_QUOTED_AS = re.compile(r"\s+as\s+(?:having\s+said|saying)(?:\s+that)?\s+(?=[A-Za-z])")
# "quoted [the minister] as saying (that) ...": the object is the one who spoke.
_QUOTED_OBJECT_AS = re.compile(
    r"\s+((?:(?:the|an?|his|her|their|its)\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,4}?)"
    r"\s+as\s+(?:having\s+said|saying)(?:\s+that)?\s+(?=[A-Za-z])"
)
# A day or a recent time between a say cue and a zero-that clause that opens with a
# pronoun or a determiner: "said on Friday [he met ...]", "said last week [the talks ...]".
_TIME_BEFORE_CLAUSE = re.compile(
    r"\s+(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|"
    r"(?:earlier\s+|late\s+)?(?:last|this)\s+(?:week|month|year|weekend)|"
    r"for\s+(?:days|weeks|months|years)|repeatedly|recently|previously|publicly|"
    r"privately)\s+"
    r"((?:he|she|they|we|I|it|there|the|his|her|their|its)(?:[’'](?:s|re|ll|d))?"
    r"\s+[a-z])"
)
_TELL_OBJECT = re.compile(
    r"\s+(?:him|her|them|us|me|you|it|reporters|journalists|supporters|voters|viewers|"
    r"listeners|readers|members|lawmakers|officials|delegates|donors|students|audiences?|"
    r"(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*(?=\s+that\b)|"
    r"(?:an?|the|his|her|their|its|our)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?"
    r"(?=\s+(?:that|on|in|at|during|last|this|he|she|they|it|we|the|a|his|her)\b)|"
    r"[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*|"
    r"[“\"][A-Z][^”\"\n]{0,40}[”\"])"  # a programme in quote marks: told “Meet the Press”
    r"(?:\s+(?:on|in|at|during|last|this)\s+[A-Z\d][\w’'.-]*(?:\s+\w+)?|\s+(?:Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight))?"
)
_TRIM_END = " \t\n,;:—–-"


# Say verbs that as often take a plain object ("maintained a lead", "claiming victory",
# "felt blindsided", "added another voice"): a zero-that clause must open with a
# pronoun subject or reach a finite verb soon.
_CLAUSE_OR_PRONOUN = frozenset(["maintain", "claim", "feel", "add"])
# A cue in -s used as a plural noun: owned ("his hopes", "Smith's claims") or the
# subject of a plural verb ("Bekele's record hopes were dashed").
_OWNER_BEFORE = re.compile(r"(?:\w[’']s|\b(?:his|her|their|its|our|my|your))\s+$")
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:were|are|have\s+been|had\s+been)\b")
_SUBJECT_BEFORE = re.compile(
    r"\b(?:he|she|it|they|we|I|you|who|[Ww]hat|(?!(?:The|These|Those|This|That|His|Her|"
    r"Their|Its|Our|My|Your|Such|Some|Many|Most|All)\b)[A-Z][a-z]+)\s+$"
)


def _plural_noun(masked: str, cue: _Cue) -> bool:
    if (
        not masked.endswith("s", cue.start, cue.end)
        or " " in masked[cue.start : cue.end]
    ):
        return False
    if _OWNER_BEFORE.search(masked, max(0, cue.start - 40), cue.start):
        return True
    # not after a subject: "what he believes are their assets" is a verb
    return bool(
        _PLURAL_VERB_AFTER.match(masked, cue.end)
    ) and not _SUBJECT_BEFORE.search(masked, max(0, cue.start - 20), cue.start)


# "called" that gives a name, with nothing said of it: the name, then the sentence's
# end, a comma, an infinitive or the main clause's verb ("handheld computers called E
# slates.", "a company called Akamai to ensure", "spyware called adware has"), unlike
# "called Clinton a liar", "called it “a disgrace”".
_CALLED = frozenset({"called", "calls", "calling"})  # not "called on", "called for"
_NAMING_PARTICIPLE = re.compile(
    r"\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|[a-z][\w’'-]*)"
    r"(?=\s*[.,;:)]|\s*$|\s+(?:to|has|have|had|is|was|were|are|will|would|can|could|"
    r"which|that|who|and|or|in|on|at|for|from|with)\b)"
)

# Reporting verbs that also book a company's figures: with a figure as the object they
# report no speech ("posted a profit", "posted larger than expected profits",
# "reported a 40% drop in sales", "restate its accounts"), unlike "posted a video",
# "reported that sales fell", "reported sales rose 5%".
_FIGURE_VERBS = frozenset(["post", "report", "restate"])
_FIGURE_OBJECT = re.compile(
    r"\s+(?:(?!(?:that|it|he|she|they|we)\b)[\w$£€.,%-]+\s+){0,5}?"
    r"(?:profits?|loss(?:es)?|gains?|revenues?|sales|earnings|deficit|surplus|results|"
    r"accounts|figures|dividends?|turnover|margins?|drop|rise|fall|increase|decline|"
    r"growth)\b"
    # the object, not the subject of a reported clause ("reported sales rose 5%")
    r"(?!\s+(?:\w+ed|rose|fell|grew|were|was|had|have|would|will|could|are|is)\b)"
)
# A clause: a pronoun subject, or an auxiliary, modal or copula within a few words.
_FINITE_SOON = re.compile(
    r"(?:(?:he|she|they|it|we|I|you|there)\b|(?:[^\s.;:!?\x01]+\s+){0,6}?"
    r"(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must|"
    r"did|does|do|isn’t|wasn’t|won’t|wouldn’t|didn’t|doesn’t)\b)"
)


# "was warned by aides that ...": an agent, not "by saying that", "by some to announce"
_AGENT_BEFORE_THAT = re.compile(
    r"\s+by\s+(?![a-z]+ing\b)(?:(?!\bto\b)[^,;.\x01\n]){1,60}?(?=\s+that\b)"
)


def _complement_start(masked: str, cue: _Cue, hi: int) -> int | None:
    """Where the reported clause after a cue begins, or None if none follows."""
    pos = cue.end
    agent = _AGENT_BEFORE_THAT.match(masked, pos, hi)
    if agent:
        pos = agent.end()  # "was warned by aides [that ...]": the agent is the speaker
    if cue.frame == "tell":
        obj = _TELL_OBJECT.match(masked, pos, hi)
        if obj:
            pos = obj.end()
    m = _ADVERBIAL.match(masked, pos, hi)
    said_that = False
    if m and m.end() - pos < 90:
        pos = m.end()
        said_that = True
    rest = masked[pos:hi]
    if said_that:
        stripped = rest.lstrip(" ,:\u00a0")
        return hi - len(stripped) if stripped else None
    stripped = rest.lstrip(" ,:\u00a0")
    start = hi - len(stripped)
    if not stripped:
        return None
    if rest[: len(rest) - len(stripped)].strip(" \u00a0") == ",":
        if cue.lemma == "put":
            return start  # "As Vulture put it, [the deal is dead]"
        return None  # "said, ..." with no quote is an adverbial
    quoted_as = _QUOTED_AS.match(masked, pos, hi)
    if cue.lemma == "quote" and quoted_as:
        return quoted_as.end()  # "was quoted as saying [the bill would pass]"
    if cue.frame in ("ask", "say", "tell") and _QUESTION_START.match(stripped):
        return start  # "asked whether", "isn't saying if", "told them how"
    when = _TIME_BEFORE_CLAUSE.match(masked, pos, hi)
    if cue.frame in ("say", "tell") and when:
        return when.start(1)  # "said on Friday he met ...", "said Sunday the talks ..."
    if cue.lemma in _CLAUSE_OR_PRONOUN and not _FINITE_SOON.match(stripped):
        return None  # "maintained his lead", "claiming victory": an object, no clause
    if cue.frame == "think":
        # "found the deal illegal" is no report: only "that" or a pronoun clause
        if re.match(r"(?:he|she|they|it|we|I|there)\s+[a-z]", stripped):
            return start
        return None
    if cue.frame in ("name", "act"):
        # the object (and what the cue says about it) is the content
        if re.match(
            r"(?:to\s+[a-z]|[a-zA-Z0-9$“\"‘])", stripped
        ) and not _NOT_OBJECT.match(stripped):
            return start
        return None
    if _LOWER_CLAUSE.match(stripped):
        return start
    if cue.lemma in _INFINITIVE_SAY and re.match(r"to\s+[a-z]", stripped):
        return start  # "vowed to form a task force"
    if _CLAUSE_START.match(stripped) and not re.match(
        r"(?:to|that’s|this week|last|the (?:day|week|month|year|night)\b|in|on|at|"
        r"[A-Z][a-z]+day\b)",
        stripped,
    ):
        return start
    return None


# A programme or publication named in quote marks after "on", "told" or "with" ("said
# on “Fox & Friends.”", "told “Meet the Press” that ..."): a name in title case, no quote.
_TITLE_BEFORE = re.compile(r"\b(?:on|told|tells|with)\s+$")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'.-]*|&|(?:the|of|and|a|an|in|on|for|to|at)\b")


def _show_title(text: str, q) -> bool:
    """Whether quote mark `q` holds a title right after "on"/"told"/"with"."""
    if not _TITLE_BEFORE.search(text, max(0, q.start - 8), q.start):
        return False
    inner = text[q.start + 1 : q.end - 1].strip().rstrip(".,")
    words = inner.split()
    return (
        2 <= len(words) <= 6
        and all(_TITLE_WORD.fullmatch(w) for w in words)
        and sum(w[0].isupper() for w in words) >= 2
    )


# The longest unit (sentence, or sentences joined by a quote) analysed as one: the
# longest of PolNeAR train+dev is 1,704 characters.
MAX_UNIT = 3000
_NOT_WORDS = re.compile(r"[\s.,;:!?\x01]+")


class _Article:
    """Everything one article's extraction needs, computed once."""

    def __init__(self, doc: document.Document):
        text = self.text = doc.text
        self.pars = doc.paragraphs
        self.par_starts = [p.start for p in self.pars]
        self.sents = doc.sentences
        self.sent_starts = [s.start for s in self.sents]
        # programme titles in quote marks are names, no quotes
        self.marks = [q for q in scan(text, self.pars) if not _show_title(text, q)]
        pieces, last = [], 0
        for q in self.marks:
            pieces += [text[last : q.start], "\x01" * (q.end - q.start)]
            last = q.end
        pieces.append(text[last:])
        self.masked = "".join(pieces)
        every = _find_cues(self.masked)
        # learned cues open indirect quotes only: a quote's speaker is found by the
        # hand-written cues ("in a written statement" must not take over "said")
        self.cues = [c for c in every if not c.learned]
        self.cue_starts = [c.start for c in self.cues]
        self.learned = [c for c in every if c.learned]
        self.learned_starts = [c.start for c in self.learned]
        self.units = self._units()
        self.mark_starts = [q.start for q in self.marks]
        self._outside: dict[tuple[int, int], int] = {}
        self._lower_words: frozenset[str] | None = None

    def words_outside(self, unit_start: int, unit_end: int) -> int:
        """Characters of a unit outside its quotes, other than spaces and punctuation
        (counted once per unit: a unit may hold thousands of quotes)."""
        key = (unit_start, unit_end)
        found = self._outside.get(key)
        if found is None:
            found = self._outside[key] = len(
                _NOT_WORDS.sub("", self.masked[unit_start:unit_end])
            )
        return found

    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case (computed once)."""
        if self._lower_words is None:
            self._lower_words = frozenset(re.findall(r"\b[a-z]+\b", self.text))
        return self._lower_words

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.par_starts, pos) - 1)

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def _units(self) -> list[tuple[int, int, int]]:
        """Sentences merged where a quote runs across their boundary: (start, end, par)."""
        units: list[tuple[int, int, int]] = []
        mi = 0
        marks = self.marks
        for s in self.sents:
            if s.kind == "byline":
                continue
            if units and units[-1][2] == s.paragraph:
                unit_start, unit_end, unit_par = units[-1]
                while mi < len(marks) and marks[mi].end <= unit_end:
                    mi += 1
                crossing = any(
                    q.start < unit_end and q.end > s.start
                    for q in marks[max(0, mi - 1) : mi + 2]
                )
                # a quote closing just before a lower-case attribution: `“...?” he asked.`
                lower_tail = re.match(r"[a-z—–―]", s.text) is not None
                if crossing or lower_tail:
                    units[-1] = (unit_start, s.end, unit_par)
                    continue
            units.append((s.start, s.end, s.paragraph))
        return [piece for unit in units for piece in self._split_long(*unit)]

    def _split_long(
        self, unit_start: int, unit_end: int, par: int
    ) -> list[tuple[int, int, int]]:
        """A unit longer than MAX_UNIT (never a real sentence, see the constant) is cut
        at spaces into pieces of at most that size, so that the per-unit searches stay
        bounded and the cost of the whole article linear."""
        pieces = []
        while unit_end - unit_start > MAX_UNIT:
            cut = self.text.rfind(
                " ", unit_start + MAX_UNIT // 2, unit_start + MAX_UNIT
            )
            cut = cut if cut != -1 else unit_start + MAX_UNIT
            pieces.append((unit_start, cut, par))
            unit_start = cut
        pieces.append((unit_start, unit_end, par))
        return pieces


def _cues_in(art: _Article, lo: int, hi: int, learned: bool = False) -> list[_Cue]:
    cues, starts = (
        (art.learned, art.learned_starts) if learned else (art.cues, art.cue_starts)
    )
    i = bisect.bisect_left(starts, lo)
    out = []
    while i < len(cues) and cues[i].start < hi:
        if cues[i].end <= hi:
            out.append(cues[i])
        i += 1
    return out


_AFTER_LEAD = re.compile(r"[\s,\u00a0]*")
_DASH_SPEAKER = re.compile(
    r"[\s\u00a0]*[—–―][\s\u00a0]*([A-Z](?:\b[A-Z][a-z]{0,2}\.|[^,.;:!?\x01\n]){1,60})"
)


def _runs_on(art: _Article, q: Marked, pos: int, cue: _Cue) -> bool:
    """The sentence runs on through the quote into a noun phrase (`will be a
    “destructive” force in ..., adding`), or the cue after it is a participle after a
    comma, which never has its own subject: no `“...” X said` shape."""
    masked = art.masked
    participle = masked[cue.start : cue.end].split()[0].endswith("ing") and re.search(
        r",\s*$", masked[pos : cue.start]
    )
    # the masked text hides the quote's own punctuation: read it in the text
    unpunctuated = q.end - q.start > 2 and art.text[q.end - 2] not in ",.?!—–-"
    noun_after = _LOWER_NOUN_START.match(masked, pos) is not None
    return bool(participle) or (unpunctuated and noun_after and q.end == pos - 1)


# A lower-case word that is no pronoun: "force" after `a “destructive” force`.
_LOWER_NOUN_START = re.compile(
    r"(?!(?:he|she|they|it|we|I|you|one|the|a|an|his|her|their|its)\b)[a-z]"
)


# What opens a reported clause right after a cue: "that", a subject pronoun and its
# verb ("he's", "she will"), or a short subject and an auxiliary ("Gatlin will").
_REPORT_AFTER_CUE = re.compile(
    r"\s*(?:that\b|(?:he|she|they|it|we|I)(?:[’'](?:s|re|ll|d|ve|m)\b|\s+[a-z])|"
    r"(?:[A-Za-z][\w’'-]*\s+){1,3}(?:is|are|was|were|has|have|had|will|would|can|could)\b)"
)


def _new_report(art: _Article, q: Marked, cue: _Cue) -> bool:
    """A sentence that follows a quote closed with a full stop and opens with its own
    speaker and cue reports its own clause (`“... venue.” The champion says he's in
    good shape`), not the quote before it: news closes a quote it attributes after it
    with a comma, a question or an exclamation mark."""
    if q.end - q.start < 3 or art.text[q.end - 2] != "." or not q.closed:
        return False
    return _REPORT_AFTER_CUE.match(art.masked, cue.end) is not None


# A cue followed by a colon and a quote introduces that quote ("X added: “...”", "X
# said in a statement: “...”"), so it is no tag of the quote before it.
_INTRODUCES_QUOTE = re.compile(
    r"\s*(?:(?:on|in|at|to)\s+[^,.!?;:\x01\n]{1,40})?:\s*\x01"
)


def _after_quote(
    art: _Article, q: Marked, hi: int
) -> tuple[_Cue, tuple[int, int]] | None:
    """`“...,” X said` / `“...,” said X` / `“...” — X` right after a quote."""
    masked = art.masked
    lead = _AFTER_LEAD.match(masked, q.end, hi)
    pos = lead.end() if lead else q.end
    window_end = min(hi, pos + 160)
    for cue in _cues_in(art, pos, window_end):
        if "\x01" in masked[q.end : cue.start]:
            break
        if art.sentence_of(cue.start) > art.sentence_of(pos + 1):
            # "“...” Campaigners were outraged. Amnesty has called ...": a tag that
            # attributes the quote before it opens the sentence after it at the latest
            break
        if cue.frame == "evidence":
            continue  # `the reality show “The Apprentice,”`: a noun
        if cue.frame == "according":
            return None
        if _INTRODUCES_QUOTE.match(masked, cue.end):
            # `“...” Phil Willis added: “...”`: the tag opens the next quote
            return None
        if cue.start == pos:
            if masked[cue.start : cue.end].endswith("ing") or cue.lemma in (
                "call",
                "refer",
            ):
                return None  # `“...,” referring to X`: a participle, not `said X`
            sp = speakers.right_speaker(masked, cue.end, hi)
            if sp:
                return cue, sp
            return None
        if _runs_on(art, q, pos, cue):
            return None  # `a “destructive” force in ..., adding`: the quote runs on
        sp = speakers.left_speaker(masked, pos, cue.start)
        if sp and sp[0] == pos and _new_report(art, q, cue):
            return None  # `“... venue.” The champion says he's in good shape`
        if sp and sp[0] == pos and not _passive(masked, cue):
            return cue, sp  # not `“...” Greene was also denied gold`: a new clause
        if sp is None and re.search(r"[.!?;]", masked[pos : cue.start]):
            return None
        return None
    # the dash and the name fit in 80 characters: look no further for the line end
    line_end = masked.find("\n", q.end, q.end + 200)
    dash = _DASH_SPEAKER.match(
        masked, q.end, min(len(masked), q.end + 200) if line_end == -1 else line_end
    )
    if dash:
        s = dash.start(1)
        e = dash.end(1)
        while e > s and masked[e - 1] in " \t":
            e -= 1
        dash_at = masked.index(dash.group(0).strip()[0], dash.start())
        return _Cue(dash_at, dash_at + 1, "—", "dash"), (s, e)
    return None


# The start of a new reporting clause before a cue: a comma, the end of a quote or a
# conjunction, then at most five words (the speaker and its auxiliaries).
_NEW_CLAUSE = re.compile(
    r"(?:(?<!\d),|,(?!\d)|\x01(?=[^\x01])|\b(?:and|but|while|whereas|although|though|as|because)\b)"
    r"\s*(?:[^\s,;\x01]+\s+){0,5}$"
)


# A past participle with a preposition after it modifies a noun ("accused of", "quoted
# in"); an inverted tag has its speaker there (", said Smith").
_PASSIVE_MODIFIER = re.compile(r"[a-z]+ed\s+(?:of|by|in|at|for|with|as|on)\b")


def _content_end(art: _Article, pos: int, hi: int, other_cues: list[_Cue]) -> int:
    """End of a reported clause that goes on from `pos`: before `;`, a new attribution
    (", adding", "and said", ", he said"), or the end of the unit."""
    masked = art.masked
    stop = hi
    semi = masked.find(";", pos, hi)
    if semi != -1:
        stop = semi
    for cue in other_cues:
        if cue.start < pos or cue.start >= stop:
            continue
        # a quote that closes the clause (`“...,” referring to ...`) ends it too
        lead = (
            1
            if pos > 1
            and masked[pos - 1] == "\x01"
            and art.text[pos - 2] == ","
            and masked[cue.start : cue.end].split()[0].endswith("ing")
            else 0
        )
        before = masked[pos - lead : cue.start]
        if cue.frame == "according":
            stop = cue.start
            break
        if _PASSIVE_MODIFIER.match(masked, cue.start) and re.search(
            r",\s*(?:[a-z]+ly\s+)?$", before
        ):
            continue  # "Habib, previously accused of terrorist offences, will": a modifier
        m = _NEW_CLAUSE.search(before)
        if m:
            # ", he said" / "but he said" / `“...,” she added`: the clause ends before it
            stop = pos - lead + m.start() + (1 if before[m.start()] == "\x01" else 0)
            break
    # an aside that closes with the clause: "(She says the photo was taken later.)"
    while (
        stop > pos
        and masked[stop - 1] in ".!? )"
        and ")" in masked[pos:stop]
        and "(" not in masked[pos:stop]
    ):
        stop -= 1
    while stop > pos and (
        masked[stop - 1] in _TRIM_END
        or (masked[stop - 1] in ".!?" and masked[stop - 1] != "\x01")
    ):
        if masked[stop - 1] in ".!?" and stop - 1 > pos and masked[stop - 2] == "\x01":
            break
        stop -= 1
    # keep the closing mark of a quote that ends the clause, drop a trailing period
    return stop


def _extract(doc: document.Document) -> list[Quote]:
    art = _Article(doc)
    masked = art.masked
    atts: list[_Att] = []
    att_ids: set[int] = set()
    quote_att: dict[int, _Att] = {}  # marked index -> attribution
    pending: _Att | None = None  # a colon introduction waiting for its quote
    group_att: dict[int, _Att] = {}
    marks = art.marks
    mark_starts = [q.start for q in marks]
    used_cues: set[int] = set()
    line: _Att | None = None  # a speaker's line ("TAPPER: ...") that may go on

    for unit_start, unit_end, unit_par in art.units:
        i0 = bisect.bisect_left(mark_starts, unit_start)
        i1 = bisect.bisect_left(mark_starts, unit_end, i0)
        quotes_in_unit = list(range(i0, i1))
        unit_cues = _cues_in(art, unit_start, unit_end)
        unit_atts: list[_Att] = []
        prev_end = unit_start
        for n, i in enumerate(quotes_in_unit):
            q = marks[i]
            q_end = min(q.end, unit_end) if q.closed else q.end
            att = None
            # 0. a later paragraph of a multi-paragraph quote (unless it has its own cue)
            # the attribution may follow in what Punkt split off: `“...?” Trump said.`
            lead_cues = any(
                c.start not in used_cues for c in _cues_in(art, unit_start, q.start)
            )
            after = _after_quote(
                art, q, unit_end if lead_cues else max(unit_end, art.pars[unit_par].end)
            )
            if (
                after is None
                and q.group in group_att
                and (q.start == art.pars[unit_par].start or _reopened(marks, i))
            ):
                att = group_att[q.group]
                att.parts.append((q.start, q.end))
                quote_att[i] = att
                prev_end = q.end
                continue
            # 1. continuation of the previous quote's attribution: `“A,” he said, “B.”`
            if n > 0 and quotes_in_unit[n - 1] in quote_att:
                prev_att = quote_att[quotes_in_unit[n - 1]]
                if _continues(masked, prev_att, q.start):
                    prev_att.parts.append((q.start, q.end))
                    quote_att[i] = prev_att
                    prev_end = q.end
                    continue
            # 2. attribution right after the quote
            if after:
                cue, sp = after
                att = _Att(
                    "direct", [(q.start, q_end)], (q.start, q_end), sp, cue, unit_par
                )
                used_cues.add(cue.start)
            else:
                # 3. a cue before the quote, in the same clause
                att = _before_quote(
                    art,
                    q,
                    prev_end,
                    unit_start,
                    unit_end,
                    unit_cues,
                    used_cues,
                    unit_atts,
                    unit_par,
                )
            if (
                att is None
                and pending is not None
                and q.start == art.pars[unit_par].start
            ):
                att = pending
                att.parts.append((q.start, q.end))
                att.quote = att.quote or (q.start, q.end)
                att.kind = "direct"
                pending = None
            if att is None:
                att = _trailing_quote(
                    art, q, unit_start, unit_end, unit_par, unit_cues, used_cues
                )
            if att is None:
                att = _message_from(art, q, unit_par)
            if att is None:
                att = _floating(art, q, unit_start, unit_end, unit_par, atts, unit_cues)
            if att is not None:
                if id(att) not in att_ids:  # by identity: `in atts` was quadratic
                    att_ids.add(id(att))
                    atts.append(att)
                    unit_atts.append(att)
                quote_att[i] = att
                if not q.closed:
                    group_att[q.group] = att
                prev_end = max(
                    prev_end, att.parts[-1][1], att.cue.end if att.cue else 0, q.end
                )
            else:
                prev_end = q.end
        # indirect speech and "according to" from the cues nobody used
        learned = _cues_in(art, unit_start, unit_end, learned=True)
        found = _indirect(
            art,
            unit_start,
            unit_end,
            unit_par,
            sorted(unit_cues + learned, key=lambda c: (c.start, c.end))
            if learned
            else unit_cues,
            used_cues,
            unit_atts,
        )
        if (
            not found
            and not unit_atts
            and line is not None
            and line.paragraph == unit_par
        ):
            # a transcript turn goes on to the end of its paragraph
            line.parts.append((unit_start, _content_end(art, unit_start, unit_end, [])))
        line = next((a for a in found if a.cue and a.cue.lemma == ":"), None) or (
            line if line is not None and not found and not unit_atts else None
        )
        for att in found:
            att_ids.add(id(att))
            atts.append(att)
            unit_atts.append(att)
        # a colon introduction at the end of a paragraph: `He said:` + quote paragraph
        pending = _colon_intro(
            art, unit_start, unit_end, unit_par, unit_cues, used_cues
        ) or (pending if pending and unit_par == art.paragraph_of(unit_start) else None)

    _attribute_back(marks, quote_att)
    scare = [(q.start, q.end) for i, q in enumerate(marks) if i not in quote_att]
    return _records(art, _vet(art, atts), scare)


def _attribute_back(marks: list[Marked], quote_att: dict[int, _Att]) -> None:
    """An opening paragraph of a multi-paragraph quote with no cue of its own takes the
    attribution of a later paragraph of the same quote (`“A.` ¶ `“B,” she said.`):
    the paragraphs are one quote, and news names its speaker once."""
    for i in range(len(marks) - 1, -1, -1):
        q = marks[i]
        if i in quote_att or q.closed or i + 1 >= len(marks):
            continue
        nxt = marks[i + 1]
        att = quote_att.get(i + 1)
        if nxt.group != q.group or att is None or att.kind != "direct":
            continue
        att.parts.append((q.start, q.end))
        att.parts.sort()
        quote_att[i] = att


def _reopened(marks: list[Marked], i: int) -> bool:
    """Quote `i` goes on the unclosed quote before it (a lost paragraph break)."""
    return i > 0 and marks[i - 1].group == marks[i].group and not marks[i - 1].closed


def _continues(masked: str, prev_att: _Att, start: int) -> bool:
    """The quote at `start` goes on the previous quote's direct attribution: only
    blanks, punctuation or "and" lie between that attribution and it (`“A,” he said,
    “B.”`)."""
    cue = prev_att.cue
    if not cue or cue.frame in ("according", "dash") or prev_att.kind != "direct":
        return False
    tail_lo = max(cue.end, prev_att.speaker[1] if prev_att.speaker else 0)
    if tail_lo > start:
        return False
    between = masked[tail_lo:start]
    return "\n" not in between and bool(
        re.fullmatch(r"[\s,.:;—–-]*(?:and\s*)?", between)
        # `“A,” said Karen Thomson, Chief Executive of AOL UK, “B.”`: the speaker's
        # apposition between the two parts
        or _APPOSITION_BETWEEN.fullmatch(between)
    )


_APPOSITION_BETWEEN = re.compile(
    r",\s*(?![a-z]+ing\b)"
    r"(?!.*\b(?:said|says|told|tells|added|adds|adding|but|while|and)\b)"
    r"[^,;:.\x01\n]{1,80},\s*"
)


# "said he wants", "says she believes that": a pronoun subject and a verb of thought
# inside what a say cue reports.
_INNER_SUBJECT = re.compile(
    r"\s+(?:that\s+)?(?:he|she|they|we|I|it)\s+(?:(?:still|now|also|really|never|"
    r"always|strongly|firmly|personally)\s+)?$"
)


_INNER_CLAUSE_SUBJECT = re.compile(
    r"\s+(?:that\s+)?(?:the|a|an|[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,3}?\s+"
    r"(?:had|has|have|was|were|is|are|would|will|could|might|may)(?:\s+not)?\s+$"
)


_THOUGHT_LEMMAS = frozenset(
    "believe think want hope expect feel know fear wish doubt suspect plan intend "
    "consider worry".split()
)


def _outer_say(masked: str, cands: list[_Cue]) -> _Cue:
    """The cue nearest a quote, or the say cue that reports it with its pronoun
    subject ("Trump said he wants “a total shutdown”": Trump said it)."""
    cue = cands[-1]
    inner = cue.lemma in _THOUGHT_LEMMAS or cue.frame not in (
        "say",
        "tell",
        "according",
    )
    if len(cands) >= 2:
        outer = cands[-2]
        if outer.frame in ("say", "tell") and (
            (inner and _INNER_SUBJECT.fullmatch(masked, outer.end, cue.start))
            # "Mr Straw said the US had agreed to ... “...”": the inner cue's subject
            # is a noun phrase in the outer report's clause
            or _INNER_CLAUSE_SUBJECT.fullmatch(masked, outer.end, cue.start)
        ):
            return outer
    return cue


def _before_quote(
    art: _Article,
    q: Marked,
    lo: int,
    unit_start: int,
    unit_end: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
    unit_atts: list[_Att],
    unit_par: int,
) -> _Att | None:
    masked = art.masked
    cands = [
        c
        for c in unit_cues
        if lo <= c.start
        and c.end <= q.start
        and c.start not in used_cues
        and c.frame != "evidence"  # "the TV show “Cake Boss”"
    ]
    if not cands:
        # `In a statement, KCNA: “...”` with no verb
        colon = re.search(r"([A-Z][^:;\x01\n]{0,60}):\s*$", masked[lo : q.start])
        if colon:
            cpos = masked.rfind(":", lo, q.start)
            sp = speakers.left_speaker(masked, lo, cpos)
            if sp and len(masked[sp[0] : sp[1]].split()) <= 8:
                cue = _Cue(cpos, cpos + 1, ":", "colon")
                return _Att(
                    "direct", [(q.start, q.end)], (q.start, q.end), sp, cue, unit_par
                )
        return None
    cue = _outer_say(masked, cands)
    if cue.frame == "according":
        # `According to Limbaugh, “...”`
        m = re.match(r"\s+([^,;:\x01\n]{2,80}?)\s*[,:]?\s*$", masked[cue.end : q.start])
        if not m:
            return None
        used_cues.add(cue.start)
        sp = (cue.end + m.start(1), cue.end + m.end(1))
        return _Att("direct", [(q.start, q.end)], (q.start, q.end), sp, cue, unit_par)
    if speakers.ends_sentence(masked[cue.end : q.start]):
        return None
    relay = None
    outer = _relaying_cue(masked, cue, cands)
    if outer is not None:
        # "Leaked documents have suggested ex Home Secretary David Blunkett branded
        # new opening hours as a “leap in the dark”": Blunkett speaks, the documents
        # relay it
        relay = speakers.left_speaker(masked, max(lo, unit_start), outer.start)
        lo = outer.end
    sp = _participle_subject(art, cue, unit_start) or speakers.left_speaker(
        masked, max(lo, unit_start), cue.start
    )
    if sp is None:
        sp = _elided_speaker(masked, cue, unit_atts, unit_start)
    if sp is None:
        sp = _participle_subject(art, cue, unit_start)
    if sp is None:
        inv = speakers.right_speaker(masked, cue.end, q.start)
        if inv and re.fullmatch(r"[\s,:]*", masked[inv[1] : q.start]):
            sp = inv
    if sp is None:
        return None
    used_cues.add(cue.start)
    cstart = _complement_start(masked, cue, q.start + 1)
    if cstart is None or cstart > q.start:
        cstart = q.start
    if cue.frame == "name":
        # "described the agreement as a “...”": the object is part of the content
        obj = re.match(
            r"\s+(?:to\s+|as\s+|of\s+|on\s+)?", masked[cue.end : q.start + 1]
        )
        cstart = cue.end + (obj.end() if obj else 0)
        cstart = min(cstart, q.start)
    other = [c for c in unit_cues if c.start > q.end]
    cend = _content_end(art, q.end, unit_end, other)
    cend = max(cend, q.end)
    if cstart >= q.start - 1 and cend <= q.end:
        kind = "direct"
        if cue.frame == "name" or len(art.text[q.start : q.end].split()) <= 3:
            kind = "partial"
    else:
        kind = "partial" if cue.frame == "name" else "mixed"
    return _Att(
        kind, [(cstart, cend)], (q.start, q.end), sp, cue, unit_par, relay=relay
    )


def _relaying_cue(masked: str, cue: _Cue, cands: list[_Cue]) -> _Cue | None:
    """The cue before `cue` that relays it with its own subject named in between ("The
    documents suggested [ex Home Secretary David Blunkett] branded ..."): an evidence
    or report verb, then a capitalised name with no comma, "that" or conjunction."""
    i = next((k for k, c in enumerate(cands) if c is cue), 0)
    if i == 0:
        return None
    outer = cands[i - 1]
    if outer.learned or outer.frame not in ("say", "evidence"):
        return None
    between = masked[outer.end : cue.start]
    if re.search(r"[,;:\x01]|\b(?:that|and|but|or|who|which|to)\b", between):
        return None
    words = between.split()
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() for w in words[-2:]):
        return None
    return outer


def _trailing_quote(
    art: _Article,
    q: Marked,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
) -> _Att | None:
    """`“...” to drive up the price, she said.`: a clause that opens with a quote and
    ends with its attribution."""
    masked = art.masked
    if (
        masked[unit_start : q.start].strip()
        or len(art.text[q.start : q.end].split()) < 4
    ):
        return None
    for cue in unit_cues:
        if (
            cue.start < q.end
            or cue.start in used_cues
            or cue.frame not in ("say", "ask")
        ):
            continue
        sp = speakers.left_speaker(masked, q.end, cue.start)
        if sp is None:
            continue
        comma = masked.rfind(",", q.end, sp[0])
        if comma == -1 or masked[comma + 1 : sp[0]].strip():
            continue
        if not _TAIL_OK.fullmatch(masked, cue.end, unit_end):
            continue
        used_cues.add(cue.start)
        return _Att("mixed", [(q.start, comma)], (q.start, q.end), sp, cue, unit_par)
    return None


_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:after|before|when|because|since|while|although|though|if|as|that)\s+"
    r"(he|she|they|we|I|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s+[a-z]"
)


def _elided_speaker(
    masked: str, cue: _Cue, unit_atts: list[_Att], unit_start: int
) -> tuple[int, int] | None:
    """`She referred to ... and praised ...`: a coordinated cue shares the subject."""
    if not unit_atts:
        return None
    prev = unit_atts[-1]
    if prev.speaker is None or prev.cue is None:
        return None
    if _passive(masked, prev.cue) and re.fullmatch(
        r"\s*,\s*", masked[prev.parts[-1][1] : cue.start]
    ):
        return prev.speaker  # "Jordan, asked if Mr. Trump should act, said ..."
    between = masked[prev.cue.end : cue.start]
    if (
        re.search(r"(?:\band|\bbut|,)\s*(?:(?:also|then|later)\s+)?$", between)
        and "." not in between
    ):
        # "... as a “disgrace” after she attacked police and blamed ...": the cue is
        # coordinated inside a subordinate clause with its own subject
        inner = None
        for m in _SUBORDINATE_SUBJECT.finditer(masked, prev.cue.end, cue.start):
            inner = m
        if inner is not None:
            return inner.start(1), inner.end(1)
        relative = masked[prev.speaker[0] : prev.speaker[1]] in ("who", "which")
        if relative and not re.search(r"\band\s*(?:(?:also|then|later)\s+)?$", between):
            # "Mr. Obama, who understood that ..., told": the relative clause has ended
            comma = masked.rfind(",", unit_start, prev.speaker[0])
            return (
                speakers.left_speaker(masked, unit_start, comma + 1)
                if comma != -1
                else None
            )
        return prev.speaker
    return None


_SUBJECT = re.compile(
    # a dateline is no subject: "WASHINGTON — President Trump ...", "BEIJING (AP) —"
    r"[\s,\x01]*(?:[A-Z][A-Z.’' ]+(?:,\s*[A-Z][\w.]*)?(?:\s*\([\w. ]{1,20}\))?\s*[—–-]+\s*)?"
    r"(?:(?:In|On|At|During|After|Before|Since|Earlier|Later|Last|This)\b[^,;\x01]{0,60},\s*)?"
    r"(?:(?:Meanwhile|However|Still|Instead|Later|Earlier|Recently|Then|Now|Also|But|And|Yet|"
    r"So|Separately|Again)\b,?\s*(?:however,?\s*)?)?"
    r"((?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b|"
    # after a fronted phrase ("In theory, the government has ..., but continues to")
    r"(?<=,\s)the\s+[a-z][\w’'-]*(?:\s+(?![a-z]+(?:ed|s)\b)[a-z][\w’'-]*)?"
    r"(?=\s+(?:has|have|had|is|are|was|were|will|would|[a-z]+s)\b)|(?:The\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*"
    r"(?:,\s*(?:a|an|the|who)\b[^,;\x01]{0,80},)?)"
)


# "in Burlington, [Iowa]": a capitalised word after "in/at/from/of City," is a place.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|of|near|outside)\s+[A-Z][\w.’'-]*,$")


# A relative clause that holds a coordinated cue: ", who saw the incident and [cue]".
_RELATIVE_OPENS_CHUNK = re.compile(r",\s*(who|which)\b[^,;\x01\n]*$")


_COORDINATED_AUX = re.compile(
    r"\b(?:and|but)\s+(?:has|have|had|will|would|could|can|did|does)\s+"
    r"(?:(?:since|also|then|later|never|not|repeatedly|publicly|[a-z]+ly)\s+)*$"
)


# An absolute "with" clause names the subject of its -ing verb: "with some polls
# indicating that ...", "with 30 percent of voters saying they ...".
_WITH_SUBJECT = re.compile(
    r"\b[Ww]ith\s+((?:some|many|most|all|each|both|\d[\d,.]*\s+(?:percent|in\s+\d+)|"
    r"(?:the|a|an|his|her|their|its)\s+[\w’'-]+|[A-Z][\w’'.&-]*)"
    r"(?:\s+(?!and\b|or\b)[\w’'.&%-]+){0,4}?)\s+$"
)


# A reporting verb in the infinitive: "to declare that", "led her to say".
_INFINITIVE_CUE = re.compile(
    r"(?:\b(him|her|them|us|me)\s+)?\bto\s+(?:(?:also|then|publicly|[a-z]+ly)\s+)?$"
)
# What the infinitive hangs on when nothing is said: "declined to say", "refused to
# discuss", "would not say", "hard to say".
_NOT_SAYING = re.compile(
    r"\b(?:declin\w*|refus\w*|fail\w*|unable|unwilling|reluctant|hesitant|not|never|"
    r"hard|difficult|impossible|easy|too|enough|wait\w*|want\w*|going|plan\w*|"
    r"hop\w*|expect\w*|tried|try\w*|need\w*|ha[sdve]+|having|ought|able|got)\s+(?:(?:him|her|them|us|me)\s+)?to\s+"
    r"(?:(?:also|then|publicly|[a-z]+ly)\s+)?$"
)


# Lower-case nouns that go on a capitalised subject, up to its verb.
_NOUNS_AFTER = re.compile(
    r"(?:\s+(?!(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|"
    r"must|did|does|do|met|also|then|who|which|that|and|or|but|to|in|on|at|for|with|by|"
    r"from|of|says|said|tells|told|went|came|he|she|they|we|it|i)\b)[a-z][a-z’'-]*(?<!ed)(?<!ly)){1,3}"
    r"(?=\s+(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|"
    r"must|did|does|do)\b)"
)


# Verbs whose object is the subject of a following infinitive ("urged Clinton to ...").
_OBJECT_CONTROL = re.compile(
    r"\b(?:forc|urg|ask|press|push|allow|led|lead|prompt|encourag|invit|challeng|"
    r"call(?:ed|ing|s)?\s+on|got|get|persuad|convinc|permit|order|tell|told|want|"
    r"need|expect)\w*\s+\S"
)


# An object noun phrase: a name or a determiner and up to four more words.
_OBJECT_NP = re.compile(
    r"(?:[A-Z]|(?:the|a|an|his|her|their|its|our|some|many|several|two|three)\s)"
    r"[\w’'.-]*(?:\s+[\w’'.-]+){0,4}"
)
# Control verbs that report the object saying it ("forced Stumpf to admit", "pressed
# the minister to explain"); "allow", "want", "need" report no speech by the object.
_PRESSED_TO_SPEAK = re.compile(
    r"(?:forc|urg|ask|press|push|prompt|encourag|invit|challeng|call(?:ed|ing|s)?\s+on|"
    r"persuad|convinc|led|lead)\w*\s+"
)


def _unsaid(art: _Article, cue: _Cue, unit_start: int) -> bool:
    """A speech verb in an infinitive that reports nothing: "declined to say whether",
    "would not discuss", "It is hard to say"."""
    if cue.frame not in ("say", "tell", "ask"):
        return False
    masked = art.masked
    infinitive = _INFINITIVE_CUE.search(masked, unit_start, cue.start)
    if infinitive is None:
        return False
    if _NOT_SAYING.search(masked, unit_start, cue.start):
        return True
    main = _SUBJECT.match(masked, unit_start, cue.start)
    return (
        not infinitive.group(1)
        and main is not None
        and re.fullmatch(r"It|There|This|That", main.group(1).strip(" ,")) is not None
    )


# A negator right before a cue ("did not discuss", "has never mentioned", "won't say").
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|never|neither|nor)|n[’']t)\s+(?:(?:yet|always|once|even|[a-z]+ly)\s+)?"
    # "were not authorized to discuss the case": no leave to speak, no report
    r"(?:(?:authorized|allowed|permitted|cleared)\s+to\s+(?:[a-z]+ly\s+)?)?$"
)
# Content that reports a clause: "that" before it, a subject pronoun, an infinitive,
# or a finite auxiliary among its first words ("did not suggest it would be Trump",
# "does not dispute that ...", "had not said Donald Trump had given ..."); an indirect
# question ("would not say whether ...") reports no clause.
_QUESTION_CONTENT = re.compile(r"(?:whether|if|when|who|what|how|why|where|which)\b")
_CLAUSE_CONTENT = re.compile(
    r"(?:he|she|it|they|we|I|you|there|to\s+[a-z]+)\b|(?:\S+\s+){0,5}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|can|should|did|does|may|"
    r"might|must)\b"
)


# Verbs of belief take a clause even without "that" or an auxiliary.
_COGNITION = frozenset(
    {"believe", "think", "know", "feel", "expect", "doubt", "suspect", "realize"}
)


def _negated_without_clause(masked: str, cue: _Cue, content: tuple[int, int]) -> bool:
    """A negated speech act whose content is no clause reports nothing: "would not
    discuss the investigation", "did not respond to questions", "will not say whether";
    a negated report of a clause is still a report ("did not dispute that ...")."""
    if cue.lemma in _COGNITION or not _NEGATED_BEFORE.search(
        masked, max(0, cue.start - 48), cue.start
    ):
        return False  # "did not believe the episode merited ...": a belief, a clause
    start, end = content
    if _QUESTION_CONTENT.match(masked, start, end):
        return True
    if re.search(r"\bthat\s*$", masked[cue.end : start]):
        return False
    return _CLAUSE_CONTENT.match(masked, start, end) is None


def _participle_subject(
    art: _Article, cue: _Cue, unit_start: int
) -> tuple[int, int] | None:
    """`Dean poked at Trump, tweeting, “...”`: an -ing cue after a comma takes the
    subject of its sentence."""
    masked = art.masked
    if cue.start - unit_start > speakers.SPEAKER_WINDOW:  # the subject is near its verb
        cut = masked.find(" ", cue.start - speakers.SPEAKER_WINDOW, cue.start)
        unit_start = cut + 1 if cut != -1 else cue.start - speakers.SPEAKER_WINDOW
    word = masked[cue.start : cue.end].split()[0]
    if word.endswith("ing"):
        absolute = _WITH_SUBJECT.search(masked, unit_start, cue.start)
        if absolute:
            return absolute.span(1)  # "with 50 percent saying she is prepared"
    participle = (
        word.endswith("ing")
        and (
            re.search(
                r",\s*(?:(?:even|also|then|again|[a-z]+ly)\s+)?$",
                masked[unit_start : cue.start],
            )
            # `... the party,” claiming that ...`: the comma closes inside the quote
            # (a speech verb with a clause; "referring to X" there names its object)
            or (
                cue.frame in ("say", "tell", "ask", "think")
                and re.search(r"\x01\s*$", masked[unit_start : cue.start])
                and art.text[: cue.start].rstrip()[-2:-1] == ","
            )
        )
    )
    # "Trump stirred the crowd by suggesting the vote may be rigged", "while saying":
    # an adverbial -ing clause after the main clause shares its subject (one that opens
    # the sentence, "In asking to depose Clinton, Judicial Watch ...", comes before it);
    # only a speech verb with a clause: "while seeking a renewed clearance" is no report
    participle = (
        participle
        or (
            word.endswith("ing")
            and cue.frame in ("say", "tell", "ask", "think")
            and re.search(
                r"\S\s+(?:by|while|in|when|after|before)\s+(?:(?:also|then|[a-z]+ly)\s+)?$",
                masked[unit_start : cue.start],
            )
            # "A day after telling reporters ..., Weiner broke": a fronted time phrase
            and not re.match(
                r"\s*(?:(?:A|An|The|One|Two|Three|Just|Shortly|Moments?|Hours?|Days?|Weeks?|"
                r"Months?|Years?|Soon|Long)\b[^,;\x01]*)?\b(?:after|before|when|while|in|by)\s",
                masked[unit_start : cue.start],
                re.IGNORECASE,
            )
        )
    )
    # "met last week to discuss how ...", "led her to declare that ...": a speech verb
    # in the infinitive takes the subject of the clause, or the object right before
    # "to"; "declined to say whether", "It is hard to say" report nothing
    infinitive = cue.frame in ("say", "tell", "ask") and _INFINITIVE_CUE.search(
        masked, unit_start, cue.start
    )
    if infinitive:
        if _unsaid(art, cue, unit_start):
            return None
        if infinitive.group(1):
            return infinitive.span(1)
        control = _OBJECT_CONTROL.search(masked, unit_start, infinitive.start())
        if control:
            # "forced Stumpf to admit": the object speaks, not the subject
            s, e = control.end() - 1, infinitive.start()
            e = s + len(masked[s:e].rstrip(" ,"))
            pressed = _PRESSED_TO_SPEAK.match(masked, control.start(), s)
            if (
                pressed
                and _OBJECT_NP.fullmatch(masked, s, e)
                and _actor_subject(art, s, e)
            ):
                return s, e
            return None  # "allowed her staff to think": no one reported to speak
        participle = True
    # "The president noted that ..., and added: “...”": a coordinated cue
    coordinated = re.search(
        r"\b(?:and|but)\s+(?:(?:then|also|later|almost|[a-z]+ly)\s+)*$",
        masked[unit_start : cue.start],
    ) or (
        # "but has since said he ...": a speech verb after an auxiliary
        cue.frame in ("say", "tell")
        and _COORDINATED_AUX.search(masked, unit_start, cue.start)
    )
    if not (participle or coordinated):
        return None
    if infinitive:
        main = _SUBJECT.match(masked, unit_start, cue.start)
        if (
            main is None
            or speakers.BAD_START.match(main.group(1))
            or re.search(r"ly\b|\s(?:never|not|says|said)$", main.group(1).strip(" ,"))
        ):
            return None  # "Hopefully", "Trump never": no subject
        # "Technology companies are quick to ...": the nouns after a capitalised word
        e = main.start(1) + len(main.group(1).rstrip(" ,"))
        nouns = _NOUNS_AFTER.match(masked, e, cue.start)
        return main.start(1), nouns.end() if nouns else e
    if coordinated:
        inner = None
        for m in _SUBORDINATE_SUBJECT.finditer(masked, unit_start, cue.start):
            inner = m
        # a "that" clause after a main clause does not hold the coordinated verb: it is
        # the main subject's ("Mr. Putin backpedaled on his claim that Russia ... and
        # blamed"); an adverbial clause does ("because he favors ... and opposes")
        if inner is not None and (
            not masked[unit_start : inner.start()].strip(" \t\n\"“‘'(,")
            or inner.group().split()[0] != "that"
        ):
            return inner.start(1), inner.end(1)
        # "Ben Terris, who saw the incident and described it": the relative pronoun,
        # as PolNeAR marks it (the resolver follows it back)
        rel = _RELATIVE_OPENS_CHUNK.search(masked, unit_start, cue.start)
        if rel:
            return rel.span(1)
    # the subject opens the last comma-separated chunk that can start a clause
    # ("Chastened by the analyses, Trump revised his plan, promising ...")
    chunks = [
        m.start() for m in re.finditer(r"(?:^|,)\s*", masked[unit_start : cue.start])
    ]
    fallback = None
    for offset in reversed(chunks):
        m = _SUBJECT.match(masked, unit_start + offset, cue.start)
        if not m or speakers.BAD_START.match(m.group(1)):
            continue
        s, e = m.start(1), m.end(1)
        text = masked[s:e].rstrip(" ,")
        e = s + len(text)
        if text in ("It", "it", "This", "That"):
            events = list(_EVENT_SUBJECT.finditer(masked, e, cue.start))
            if events:
                # "It came after Boehner chided Obama ..., accusing him": the event
                # clause's subject acts, not "it"
                return events[-1].span(1)
        if not text or (text.split()[0] in ("The",) and len(text.split()) == 1):
            continue
        if re.fullmatch(r"[A-Z][a-z]+(?:ed|ing)", text) or re.fullmatch(
            r"[RDI]-[A-Z][\w.]*", text
        ):
            continue  # "Chastened", "Following", a party label ("R-S.C.")
        if (
            offset
            and re.fullmatch(r"[A-Z][\w.]*", text)
            and masked.startswith(",", e)
            and _PLACE_BEFORE.search(
                masked,
                max(unit_start, unit_start + offset - 40),
                unit_start + offset + 1,
            )
        ):
            continue  # "at his pulpit in Burlington, Iowa, and, citing ...": a state
        if re.search(r"[’']s$", text):
            # "China, Pyongyang’s only ally, said ..., warning": a possessive after a
            # comma opens an apposition, so the subject is further left
            owned = None if offset else _possessed(masked, s, e, cue.start)
            if owned is None:
                fallback = fallback or (s, e)
                continue
            return owned
        if " " not in text and text not in _NOT_ALONE:
            e = _named_after(masked, e, cue.start) or _group_noun_end(
                masked, s, e, cue.start
            )
            if not _actor_subject(art, s, e):
                continue  # "Ahead of the meeting ...", "Shortly after ..."
        elif text.startswith("the ") and not _actor_subject(art, s, e):
            continue  # "At this point, the camera is facing ..., and she ...": no actor
        return s, e
    return fallback  # the possessor, when no better subject is found


# The subject of a time or reason clause with a verb in the past: "after Boehner
# publicly chided", "as the top Republican on the committee called".
_EVENT_SUBJECT = re.compile(
    r"\b(?:after|before|when|as|while|since|because)\s+"
    r"(the\s+[a-z][^,;\x01]{0,60}?|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|he|she|they)"
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|said|told|wrote|made|took|gave|met)\b"
)


# "Democratic campaign officials", "Administration officials": lower-case words after a
# capitalised modifier, up to a noun that names people.
_LOWER_WORDS_AFTER = re.compile(r"(?:\s+[a-z][a-z’'-]*){1,2}")


# Words that open a longer subject found later ("But the president’s campaign", "His
# comments", "A spokesperson for ..."): no one-word subject to check or extend.
_NOT_ALONE = frozenset(
    "A An The But And Or Yet So His Her Their Its My Our Your".split()
)


# "UK advertising giant WPP", "Sportswear firm Umbro": a capitalised modifier, a
# lower-case descriptor headed by a person or organisation noun, and the name it
# describes.
_DESCRIBED_NAME = re.compile(
    r"(?:\s+(?!(?:in|of|at|for|with|from|to|on|by|and|or|but|has|have|had|is|are|was|"
    r"were|will|would|who|that|which|also|then)\b)[a-z][\w’'-]*){1,3}"
    r"\s+([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)"
)


def _named_after(masked: str, e: int, limit: int) -> int | None:
    """The end of the name that a one-word capitalised subject and a descriptor lead
    up to ("UK advertising giant [WPP]"), else None."""
    m = _DESCRIBED_NAME.match(masked, e, limit)
    if m is None:
        return None
    words = masked[e : m.start(1)].split()
    if not speakers._actor_noun(words[-1]) or any(w in _cue_table() for w in words):
        return None  # "Trump met Putin", "Obama praised Clinton": a verb and its object
    return m.end(1)


def _group_noun_end(masked: str, s: int, e: int, limit: int) -> int:
    """The end of a one-word capitalised subject extended by the people noun after it
    ("Republican [leaders]"), else `e`; no verb in between ("Trump told reporters")."""
    m = _LOWER_WORDS_AFTER.match(masked, e, limit)
    if m is None:
        return e
    words = m.group().split()
    for i in range(len(words), 0, -1):
        if any(w.endswith("ed") or w in _cue_table() for w in words[:i]):
            continue
        if speakers._actor_noun(words[i - 1]) and words[i - 1].endswith("s"):
            return (
                e
                + len(" ".join(words[:i]))
                + (len(m.group()) - len(m.group().lstrip()))
            )
    return e


def _actor_subject(art: _Article, s: int, e: int) -> bool:
    """Whether a subject found for a participle or a coordinated cue can name a
    speaker (not an adverb, a time word or a pronoun-like "Nothing")."""
    sentence = art.sents[art.sentence_of(s)].start if art.sents else 0
    opens = not art.masked[sentence:s].strip(" \t\n\"“‘'(,—–-")
    return speakers.is_actor(
        art.text, s, e, sentence_start=opens, lower_words=art.lower_words()
    )


# After a possessive subject: "Trump’s personal lawyer [John Dowd]" or "Trump’s lawyer".
_POSSESSED_NAME = re.compile(
    r"(?:\s+[a-z][\w’'-]*){0,3}?\s+([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*)"
)
_POSSESSED_NOUN = re.compile(
    r"(?:\s+(?![a-z]+(?:ed|ly)\b|(?:later|also|then|now|again|still|often|never|once|"
    r"soon|has|had|was|is|will|would|and|or|but|in|on|at|for|with|to|from|by)\b)[a-z][\w’'-]*){1,2}"
)


def _possessed(masked: str, s: int, e: int, hi: int) -> tuple[int, int] | None:
    """`Trump’s personal lawyer John Dowd later said ..., saying`: the subject is the
    one possessed (the name after the possessive, or the whole noun phrase), never the
    possessor."""
    m = _POSSESSED_NAME.match(masked, e, hi)
    if m:
        return m.span(1)
    m = _POSSESSED_NOUN.match(masked, e, hi)
    return (s, m.end()) if m else None


FLOATING_BACK = 20  # attributions looked back at for a floating quote's speaker


# A sentence that names the speaker of the quote before it without a speech verb:
# "“We will fight on.” That was the message from Mayor Ann Lee on Sunday."
_MESSAGE_FROM = re.compile(
    r"\s*(?:That|This|Such|So)\s+(?:was|is|were|are)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(message|word|words|verdict|view|warning|reaction|response|assessment|promise|"
    r"pledge|answer|reply|advice|argument|plea|appeal|vow|refrain|rallying\s+cry)"
    r"\s+from(?=\s)"
)


def _message_from(art: _Article, q: Marked, unit_par: int) -> _Att | None:
    """A quote that ends its sentence, named in the next: "That was the message from X"."""
    masked = art.masked
    if len(art.text[q.start : q.end].split()) < 3:
        return None
    m = _MESSAGE_FROM.match(masked, q.end, min(len(masked), q.end + 120))
    if m is None or art.paragraph_of(m.end()) != unit_par:
        return None
    hi = min(len(masked), m.end() + 120)
    sp = speakers.right_speaker(masked, m.end(), hi)
    if sp is None:
        return None
    cue = _Cue(m.start(1), m.end(1), m.group(1), "dash")
    return _Att("direct", [(q.start, q.end)], (q.start, q.end), sp, cue, unit_par)


def _floating(
    art: _Article,
    q: Marked,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    atts: list[_Att],
    unit_cues: list[_Cue],
) -> _Att | None:
    """A quote that is its own sentence takes the speaker of the quote just before it."""
    inside = q.end - q.start
    if inside < 15 or art.words_outside(unit_start, unit_end) > 25:
        return None
    for att in reversed(atts[-FLOATING_BACK:]):
        if att.speaker is None or att.cue is None:
            continue
        if att.paragraph < unit_par - 1:
            return None
        if att.quote is None and att.kind not in ("indirect",):
            continue
        if att.cue.frame in ("according",):
            return None
        if att.parts[-1][1] > q.start:
            continue
        att.parts.append((q.start, q.end))
        return att
    return None


def _colon_intro(
    art: _Article,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
) -> _Att | None:
    masked = art.masked
    body = masked[unit_start:unit_end].rstrip()
    if not body.endswith(":") or "\x01" in body[-3:]:
        return None
    colon = unit_start + len(body) - 1
    par = art.pars[unit_par]
    if colon < par.end - 3:
        return None
    cands = [c for c in unit_cues if c.start not in used_cues and c.end <= colon]
    if cands and re.fullmatch(r"[\s,]*(?:[^,;]{0,40})?", masked[cands[-1].end : colon]):
        cue = cands[-1]
        sp = speakers.left_speaker(
            masked, unit_start, cue.start
        ) or speakers.right_speaker(masked, cue.end, colon)
        if sp:
            used_cues.add(cue.start)
            return _Att("direct", [], None, sp, cue, unit_par)
    sp = speakers.left_speaker(masked, unit_start, colon)
    if sp and len(masked[sp[0] : sp[1]].split()) <= 8:
        return _Att(
            "direct", [], None, sp, _Cue(colon, colon + 1, ":", "colon"), unit_par
        )
    return None


_NOMINAL_NOUNS = (
    r"(claims?|assertions?|allegations?|arguments?|insistence|contention|suggestions?|"
    r"warnings?|promises?|pledges?|view|belief|statements?|charges?|accusations?)"
    r"\s+that\b"
)
_NOMINAL = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*?(?:’s|'s|s’)|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
    r"\s+(?:(?:latest|repeated|false|new|recent|earlier|unfounded|baseless|frequent|"
    r"oft-repeated|central|main)\s+)?" + _NOMINAL_NOUNS
)
# The noun and "that" alone: a cheap test that _NOMINAL may match at all (it tries
# every capitalised word otherwise).
_NOMINAL_HINT = re.compile(_NOMINAL_NOUNS)


def _indirect(
    art: _Article,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
    unit_atts: list[_Att],
) -> list[_Att]:
    """Indirect quotes and attributions of one unit, beside its quotes `unit_atts`:
    a closing "..., sources said." first, then each cue in order, then nominal cues
    ("Trump's claim that ...")."""
    claimed = _Claimed([p for a in unit_atts for p in a.parts], used_cues)
    out: list[_Att] = []
    hand = [c for c in unit_cues if not c.learned]
    if not unit_atts:
        # a trailing attribution ("..., sources said." / "..., according to X.") covers
        # the whole clause before it, so it goes first
        found = _closing_attribution(
            art, unit_start, unit_end, unit_par, hand, used_cues
        )
        if found is not None and claimed.free_for(found[0]):
            claimed.take(found[0], found[1], out)
    for cue in unit_cues:
        if cue.start in used_cues:
            continue
        att = _cue_attribution(
            art,
            cue,
            unit_start,
            unit_end,
            unit_par,
            unit_cues,
            claimed,
            unit_atts + out,
        )
        if att is not None and claimed.free_for(att):
            claimed.take(att, cue, out)
    for att in _nominal_attributions(
        art, unit_start, unit_end, unit_par, unit_cues, claimed
    ):
        claimed.take(att, None, out)
    if not out and not unit_atts:
        att = _in_document(art, unit_start, unit_end, unit_par, hand, used_cues)
        if att is not None and claimed.free_for(att):
            claimed.take(att, None, out)
    if not out and not unit_atts:
        att = _speaker_line(art, unit_start, unit_end, unit_par)
        if att is not None:
            claimed.take(att, None, out)
    return out


# A paragraph that opens with a name and a colon: a transcript turn ("TAPPER: Do you
# think ...", "Matthews: Well, ...") or a headline ("Graham: Trump's rhetoric is ...").
_SPEAKER_LINE = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*):[ \t\u00a0]+(?=[\w\x01“\"‘'])"
)
# Labels that open a line with a colon but name no speaker.
_NOT_SPEAKER_LINE = re.compile(
    r"(?:update|updated|note|editor|correction|clarification|related|source|sources|"
    r"photo|photos|video|watch|read|see|listen|credit|warning|disclaimer|tags?|"
    r"topics?|contact|email|exclusive|breaking|live|full|partial|transcript|"
    r"question|answer|q|a|and|but|so|here|there|this|that|the|bottom|why|what|how|"
    r"who|when|where|step|part|chapter|day|week|round|phase|item|fact|facts|"
    r"quote|quotes|total|result|results|score|final|summary|background|analysis|"
    r"opinion|comment|commentary|view|perspective|headline|subhead|by|from|to|cc|"
    r"subject|date|time|location|place|price|cost|age|status|example|examples|"
    r"wow|revealed|look|leaked|bombshell|shocking|boom|busted|alert|must|new|just|big|"
    r"huge|in|is|daily|guide|roundup|recap|takeaways?|lessons?|tips?|contributing|"
    r"contributors|reporting|additional|"
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\w*)"
    r"(?:’s|'s)?$",
    re.IGNORECASE,
)


_NAME_LIST = re.compile(r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},\s+){3}")


def _speaker_line(
    art: _Article, unit_start: int, unit_end: int, unit_par: int
) -> _Att | None:
    """The turn or headline of a paragraph that opens with a speaker's name and a
    colon; its content runs to the end of the sentence (_extract carries it on)."""
    if unit_start != art.pars[unit_par].start:
        return None
    m = _SPEAKER_LINE.match(art.masked, unit_start, unit_end)
    if m is None or _NOT_SPEAKER_LINE.match(m.group(1).split()[-1]):
        return None
    if _NOT_SPEAKER_LINE.match(m.group(1).split()[0]):
        return None
    cstart = m.end()
    cend = _content_end(art, cstart, unit_end, [])
    if len(art.masked[cstart:cend].split()) < 3 or _NAME_LIST.match(art.masked, cstart):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ..." is a list
    cue = _Cue(m.end(1), m.end(1) + 1, ":", "colon")
    return _Att("indirect", [(cstart, cend)], None, m.span(1), cue, unit_par)


# "In a CNN/ORC poll released Monday, 50 percent chose Clinton": a sentence that opens
# with a poll, survey or study reports its findings, as "according to" does.
_IN_DOCUMENT = re.compile(
    r"\s*In\s+((?:an?|the|its|their|his|her|this|that|one)\s+(?:[\w/.’'&-]+\s+){0,6}?"
    r"(?:polls?|surveys?|study|studies|report|analysis))\b[^,;\x01]{0,60},\s+"
)


def _in_document(
    art: _Article,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
) -> _Att | None:
    """The findings of a poll or study named in the sentence's opening phrase, when no
    speech cue of the sentence is left to attribute them."""
    m = _IN_DOCUMENT.match(art.masked, unit_start, unit_end)
    if m is None or any(c.start not in used_cues for c in unit_cues):
        return None
    cstart = m.end()
    cend = _content_end(art, cstart, unit_end, [])
    if len(art.masked[cstart:cend].split()) < 4 or "\x01" in art.masked[cstart:cend]:
        return None
    cue = _Cue(m.start(), m.start() + 2, "in", "according")
    return _Att("according_to", [(cstart, cend)], None, m.span(1), cue, unit_par)


class _Claimed:
    """The stretches of a unit already attributed, and the cues already used."""

    def __init__(self, parts: list[tuple[int, int]], used_cues: set[int]) -> None:
        self.parts = parts
        self.used_cues = used_cues

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.parts)

    def free_for(self, att: _Att) -> bool:
        return all(self.free(s, e) for s, e in att.parts)

    def take(self, att: _Att, cue: _Cue | None, out: list[_Att]) -> None:
        """Add `att` to `out`; its stretches and its cue (if one) are taken."""
        if cue is not None:
            self.used_cues.add(cue.start)
        out.append(att)
        self.parts.extend(att.parts)

    def start_before(self, unit_start: int, pos: int) -> int:
        """Where a speaker before `pos` may start: after the last taken stretch."""
        lo = unit_start
        for _a, b in self.parts:
            if b <= pos:
                lo = max(lo, b)
        return lo


def _closing_attribution(
    art: _Article,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    used_cues: set[int],
) -> tuple[_Att, _Cue] | None:
    """The attribution of the unit's last say or according-to cue when it closes the
    unit ("..., sources said."), with that cue."""
    last = [c for c in unit_cues if c.start not in used_cues]
    according = [c for c in last if c.frame == "according"]
    if according:
        last = according  # "..., according to state media reports on Tuesday."
    if not last or last[-1].frame not in ("say", "according"):
        return None
    cue = last[-1]
    if cue.frame == "according":
        att = _according(art, cue, unit_start, unit_end, unit_par, unit_cues)
        if att is None or len(att.parts) != 1 or att.parts[0][1] > cue.start:
            return None
        return (_relayed(art, att, unit_cues, used_cues, unit_par) or att), cue
    sp = speakers.left_speaker(art.masked, unit_start, cue.start)
    if sp is None:
        return None
    att = _trailing(art, cue, sp, unit_start, unit_end, unit_par, unit_start)
    if att is None or len(att.parts) != 1:
        return None
    return att, cue


_INVERTED_QUESTION = re.compile(
    r"(?:Do|Does|Did|Don[’']t|Doesn[’']t|Didn[’']t|Can|Could|Would|Will|Should|Shall)\s+"
    r"(?:you|he|she|they|we|I|it|people|voters|Americans)"
)


def _same_speaker(masked: str, cue: _Cue, found: list[_Att]) -> tuple[int, int] | None:
    """`“...,” Rendell recalled, suggesting ...`: an -ing cue right after the previous
    attribution's cue and speaker shares that speaker."""
    before = [a for a in found if a.cue is not None and a.cue.end <= cue.start]
    if not before or not masked[cue.start : cue.end].split()[0].endswith("ing"):
        return None
    prev = before[-1]
    if prev.speaker is None or prev.cue is None:
        return None
    # after the cue and speaker, or after the content of an -ing cue that shares them
    # ("Mr. Schumer said, citing concerns ..., adding, “...”")
    tail = max(prev.cue.end, prev.speaker[1])
    if masked[prev.cue.start : prev.cue.end].split()[0].endswith("ing"):
        tail = max(tail, prev.parts[-1][1])
    if tail <= cue.start and re.fullmatch(r"\s*,\s*", masked[tail : cue.start]):
        return prev.speaker
    return None


def _cue_attribution(
    art: _Article,
    cue: _Cue,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    claimed: _Claimed,
    found: list[_Att],
) -> _Att | None:
    """The attribution of one cue: "according to X", an indirect quote ("Smith said
    that ..."), or a trailing or parenthetical one ("..., Smith said.")."""
    if cue.frame == "according":
        att = _according(art, cue, unit_start, unit_end, unit_par, unit_cues)
        if att is not None:
            att = _relayed(art, att, unit_cues, claimed.used_cues, unit_par) or att
        return att
    if cue.frame not in ("say", "tell", "ask", "name", "act", "think", "evidence"):
        return None
    masked = art.masked
    if cue.lemma in _FIGURE_VERBS and _FIGURE_OBJECT.match(masked, cue.end):
        return None  # "posted a profit of $3.36bn", "restate its accounts": no report
    if _plural_noun(masked, cue):
        return None  # "Bekele's record hopes were dashed": a noun, no report
    if masked[cue.start : cue.end] in _CALLED and _NAMING_PARTICIPLE.match(
        masked, cue.end
    ):
        return None  # "a company called Akamai to ensure ...": a name given, no report
    lo = claimed.start_before(unit_start, cue.start)
    if not cue.learned and _unsaid(art, cue, unit_start):
        return None
    if cue.learned:
        return _learned_attribution(
            art, cue, lo, unit_end, unit_par, unit_cues, claimed
        )
    aside = _inverted_aside(art, cue, lo, unit_end, unit_par, unit_cues)
    if aside is not None:
        return aside
    sp = (
        _same_speaker(masked, cue, found)
        or _participle_subject(art, cue, unit_start)
        or speakers.left_speaker(masked, lo, cue.start)
    )
    whose = None
    if sp is not None and masked.startswith("whose", sp[0]):
        # the speaker phrase is "whose attorneys" (speakers resolves it to the
        # antecedent's attorneys): the cue must follow the possessed noun directly
        whose = _WHOSE_SUBJECT.search(masked, sp[0], cue.start)
        if whose is None:
            return None  # "whose campaign was not widely expected to survive"
    if sp is None:
        # "Trump, whose attorneys argued that ...": the possessed noun is the subject
        whose = _WHOSE_SUBJECT.search(masked, max(lo, cue.start - 60), cue.start)
        sp = whose.span(1) if whose else None
    if sp is not None and _INVERTED_QUESTION.fullmatch(masked, *sp):
        return None  # "Do you think he has campaigned well?" asks, it reports nothing
    if cue.frame == "evidence" or cue.lemma in _EVIDENCE_LEMMAS:
        cue = _evidence_cue(masked, cue, sp)
        if cue is None:
            return None
    if sp is not None and _inverted_tail(masked, cue, unit_end):
        sp = None  # "The deal is dead, said Peter Brown, a lawyer."
    if sp is None:
        sp = _elided_speaker(masked, cue, found, unit_start)
    if sp is None:
        sp = _participle_subject(art, cue, unit_start)
    if cue.lemma == "quote":
        att = _quoted_as(art, cue, sp, unit_end, unit_cues, unit_par)
        if att is not None:
            return att
    if sp is not None:
        content = _indirect_content(art, cue, unit_end, unit_cues, claimed)
        if content is not None and _negated_without_clause(masked, cue, content):
            # "would not discuss the bill", "would not say whether he believes ...":
            # no report, and no cue inside it reports either
            claimed.parts.append(content)
            return None
        if content is not None and (whose or _comma_relative(masked, sp)):
            content = _relative_content(masked, content)
        if content is not None and (
            _work_read(art, cue, content) or _future_release(art, cue, content)
        ):
            # the clause is narration: a later cue's subject starts after it
            claimed.parts.append(content)
            return None
        if content is not None:
            return _Att("indirect", [content], None, sp, cue, unit_par)
    # trailing or parenthetical: "The deal is dead, Smith said." / "The deal, he said, ..."
    if cue.learned:
        return None  # a learned cue reports only the clause after it
    return _trailing(art, cue, sp, unit_start, unit_end, unit_par, lo)


# A fronted adverb before a parenthetical report: no part of the reported clause.
_FRONTED_ADVERB = re.compile(
    r"\s*(?:(?:But|And|So|Yet)\s+)?(?:"
    r"(?:(?:[Mm]ore|[Mm]ost|[Ll]ess)\s+)?[A-Za-z]+ly"
    r"|However|Still|Yet|But|And|Now|So|Also|Already|Instead|Rather|Overall|Meanwhile"
    r"|Indeed|Moreover|Furthermore|Today|Then|Even\s+then|After\s+all|So\s+far"
    r"|(?:Before|Until|For)\s+now|By\s+then|In\s+fact|Of\s+course|In\s+addition"
    r"|What[’']s\s+more|In\s+\d{4}|On\s+[A-Z][a-z]+day|Last\s+(?:year|month|week))"
)


# Verb forms that invert with their subject in a report set off by commas ("argues
# the report", "said Smith").
_INVERTING_CUES = frozenset(
    "said says argued argues added adds noted notes wrote writes explained explains "
    "insisted insists warned warns claimed claims suggested suggests observed observes "
    "continued continues".split()
)


def _inverted_aside(
    art: _Article,
    cue: _Cue,
    lo: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
) -> _Att | None:
    """`More significantly, argues the report, broadband is ...`, `The deal, said
    Smith, is dead`: an inverted report between commas inside the clause it reports;
    the content is the clause around it."""
    masked = art.masked
    if masked[cue.start : cue.end] not in _INVERTING_CUES or not re.search(
        r"\S\s*,\s*$", masked[max(lo, cue.start - 4) : cue.start]
    ):
        return None
    if _inverted_tail(masked, cue, unit_end):
        return None  # "The deal is dead, said Peter Brown, a lawyer.": a closing tag
    sp = speakers.right_speaker(masked, cue.end, unit_end)
    if sp is None or not speakers.is_actor(masked, *sp, sentence_start=False):
        return None
    after = re.match(r"\s*,\s*", masked[sp[1] : unit_end])
    if after is None:
        return None
    rest = sp[1] + after.end()
    if re.match(
        r"(?:which|who|whom|whose|where|when|and|but|or|[a-z]+ing)\b", masked[rest:]
    ):
        return None  # "The court ruled, said the lawyer, which ...": a trailing tag
    other = [c for c in unit_cues if c.start >= rest]
    end = _content_end(art, rest, unit_end, other)
    if len(masked[rest:end].split()) < 2:
        return None
    comma = masked.rfind(",", lo, cue.start)
    head_start = lo + len(masked[lo:comma]) - len(masked[lo:comma].lstrip())
    parts = [(rest, end)]
    if not _FRONTED_ADVERB.fullmatch(masked, lo, comma) and head_start < comma:
        parts.insert(0, (head_start, comma))  # "The deal, said Smith, is dead"
    return _Att("indirect", parts, None, sp, cue, unit_par)


# A release still to come: "will announce", "is due to unveil", "is set to publish".
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|[’']ll|shall|(?:is|are)\s+(?:due\s+|set\s+|scheduled\s+)?to)\s+"
    r"(?:(?:also|then|formally|officially|publicly)\s+)?$"
)
_RELEASE_LEMMAS = frozenset(["announce", "unveil", "publish", "release", "reveal"])
_OBJECT_ONLY = re.compile(r"(?:the|an?|its|his|her|their|our|my|[A-Z])")


def _future_release(art: _Article, cue: _Cue, content: tuple[int, int]) -> bool:
    """`The White House will announce its budget on Monday`: a release still to come
    of a thing (no clause, no quote) reports nothing yet."""
    masked = art.masked
    text = masked[content[0] : content[1]]
    return (
        cue.lemma in _RELEASE_LEMMAS
        and _FUTURE_BEFORE.search(masked, max(0, cue.start - 40), cue.start) is not None
        and _OBJECT_ONLY.match(text) is not None
        and "\x01" not in text
        and _FINITE.search(text) is None
    )


# The subject of a cue in a "whose" relative clause: "Trump, whose attorneys argued".
_WHOSE_SUBJECT = re.compile(
    r"\bwhose\s+((?:(?!(?:is|was|are|were|has|have|had|be|been|not|will|would)\b)"
    r"[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s+"
    r"(?:(?:also|had|have|has|later|then|repeatedly|[a-z]+ly)\s+)?$"
)


# The main clause going on after a relative clause: ", was freed", ", lost the case".
_MAIN_CLAUSE_AFTER = re.compile(
    r",\s+(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|"
    r"lost|won|left|went|came|made|"
    r"took|got|gave|became|fell|rose|ran|saw|began|kept|held|[a-z]+ed|[a-z]+s)\b"
)


def _comma_relative(masked: str, sp: tuple[int, int]) -> bool:
    """Whether the speaker is a relative pronoun after a comma ("Jones, who says ..."):
    its clause is an aside, and the main clause goes on after it."""
    before = masked[max(0, sp[0] - 4) : sp[0]].rstrip()
    return masked[sp[0] : sp[1]] in ("who", "which") and before.endswith(",")


def _relative_content(masked: str, content: tuple[int, int]) -> tuple[int, int]:
    """The content of a cue inside a relative clause ends where the main clause goes on
    ("Smith, whose lawyers said the charges were false, was freed")."""
    # the last: the main verb comes after any comma inside the content
    ends = [m.start() for m in _MAIN_CLAUSE_AFTER.finditer(masked, *content)]
    return (content[0], ends[-1]) if ends else content


# What "read" reports with no quote marks: a text read out, named by a determiner and a
# common noun ("read a statement", "read the verdict", "read his decision").
_TEXT_READ_OUT = re.compile(r"(?:the|an?|his|her|their|its|our|my)\s+[a-z]")


def _work_read(art: _Article, cue: _Cue, content: tuple[int, int]) -> bool:
    """`Queen Mary read The Ugly Duckling to the children`, `read some of their case
    files`, `read between the lines`: a work or a file read, no report of speech."""
    return (
        cue.lemma == "read"
        and "\x01" not in art.masked[content[0] : content[1]]
        and not _TEXT_READ_OUT.match(art.masked, content[0])
    )


def _learned_attribution(
    art: _Article,
    cue: _Cue,
    lo: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    claimed: _Claimed,
) -> _Att | None:
    """An indirect quote opened by a learned cue: only with its own subject right
    before it, a person or a group ("Clinton sought to ...", not "..., underscoring" or
    "the report appears to"), and the clause after it."""
    subject_end = cue.start
    if FILTER_MIN_P is not None:
        made = _MADE_BEFORE.search(art.masked, max(lo, cue.start - 16), cue.start)
        subject_end = made.start() if made else cue.start
    sp = speakers.left_speaker(art.masked, lo, subject_end)
    if sp is None or not _person_or_group(art, sp):
        return None
    if FILTER_MIN_P is not None and _not_a_subject(art.masked, sp):
        return None
    if cue.lemma.startswith(("appear", "seem")) and art.masked[sp[0] : sp[1]].strip(
        " ,"
    ) in ("it", "It"):
        return None  # "it appears (that) ...": impersonal, an evidential with no holder
    content = _indirect_content(art, cue, unit_end, unit_cues, claimed)
    if content is None:
        return None
    if FILTER_MIN_P is not None:
        if (
            _passive(art.masked, cue)
            or _VERB_OPENING.match(art.masked, content[0])
            or (
                cue.learned in ("that", "pronoun")
                and not _LINKED_SUBJECT.fullmatch(art.masked, sp[1], cue.start)
            )
        ):
            # "were invited to share": spoken to; "an idea that has been": a relative
            # clause; "relayed his response to allegations that": not their subject's
            return None
        if not _keep_candidate(art, cue, sp, content):
            return None
    return _Att("indirect", [content], None, sp, cue, unit_par)


# ---- the keep/drop model of learned-cue candidates -------------------------------------


def _keep_candidate(
    art: _Article, cue: _Cue, sp: tuple[int, int], content: tuple[int, int]
) -> bool:
    """Whether the model finds a learned-cue candidate likely enough an attribution
    (every candidate is kept, and logged, while CANDIDATE_LOG collects them)."""
    features = candidate_features(
        art.text, cue.start, cue.end, cue.learned, sp, content
    )
    if CANDIDATE_LOG is not None:
        CANDIDATE_LOG.append((content[0], content[1], features))
        return True
    return filter_probability(features) >= FILTER_MIN_P


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "you", "who"])
# A finite verb or an auxiliary in the content: a clause, not a bare noun phrase.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|"
    r"did|does|do|says|said|[a-z]{3,}ed)\b"
)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b")
_CONTENT_OPENINGS = (
    ("that", re.compile(r"that\b")),
    ("to", re.compile(r"to\b")),
    ("wh", re.compile(r"(?:whether|if|how|what|why|when|where|who|which)\b")),
    ("pronoun", re.compile(r"(?:he|she|they|it|we|I|there|this|you)\b")),
    ("determiner", re.compile(r"(?:the|an?|his|her|their|its|our|my)\b")),
    ("name", re.compile(r"[A-Z]")),
)


@functools.cache
def _verb_classes() -> dict[str, str]:
    """Word form -> its reporting-verb class (verb_classes.tsv; the first row wins)."""
    out: dict[str, str] = {}
    for cls, _lemma, form, _use in lexicons.table("verb_classes.tsv", 4):
        out.setdefault(form, cls)
    return out


@functools.cache
def _scan_forms() -> dict[str, bool]:
    """Word form -> whether verb_classes.tsv marks it a reporting verb of running text
    (use=scan), not only a class for a cue found otherwise (use=cue)."""
    out: dict[str, bool] = {}
    for _cls, _lemma, form, use in lexicons.table("verb_classes.tsv", 4):
        out.setdefault(form, use == "scan")
    return out


@functools.cache
def _object_heads() -> dict[str, float]:
    """Object head noun -> its p in quote_cue_objects.tsv."""
    return {
        head: float(p)
        for head, _n, _gold, p in lexicons.table("quote_cue_objects.tsv", 4)
    }


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def _subject_kind(subject: str) -> str:
    """pronoun, name (capitalised words), org or person (by its head noun), or other."""
    words = subject.split()
    if not words:
        return "other"
    if words[0].lower() in _SUBJECT_PRONOUNS and len(words) == 1:
        return "pronoun"
    head = words[-1].strip(".,’'")
    if head in _org_words():
        return "org"
    if all(w[:1].isupper() for w in words if w not in ("of", "the", "and", "for")):
        return "name"
    if head.lower() in lexicons.word_set("quote_speaker_nouns.txt"):
        return "noun"
    return "other"


def _org_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation (quote_org_words.txt)."""
    return lexicons.word_set("quote_org_words.txt")


def _length_bin(n: int) -> str:
    return "4" if n <= 4 else "10" if n <= 10 else "25" if n <= 25 else "long"


def candidate_features(
    text: str,
    cue_start: int,
    cue_end: int,
    frame: str,
    sp: tuple[int, int],
    content: tuple[int, int],
) -> tuple[tuple[str, float], ...]:
    """The features of a learned-cue candidate, sorted: its cue word and learned frame
    with their train precision and count, the verb class of the word, the kind of its
    subject, negation, the shape of its content, and for the object frame the object's
    head noun with its train precision."""
    form = text[cue_start:cue_end].lower()
    p, gold = next((p, g) for f, p, g in _learned_table()[form] if f == frame)
    out: dict[str, float] = {
        "bias": 1.0,
        f"frame={frame}": 1.0,
        f"form={form}": 1.0,
        "logit_p": _logit(p),
        "log_gold": math.log1p(gold),
        f"subject={_subject_kind(text[sp[0] : sp[1]].strip(' ,'))}": 1.0,
    }
    cls = _verb_classes().get(form)
    out[f"class={cls or 'none'}"] = 1.0
    shape = next((x for x in ("ing", "ed", "s") if form.endswith(x)), "other")
    out[f"shape={shape}"] = 1.0
    between = text[sp[1] : cue_start]
    if _NEGATION.search(between) or _NEGATION.search(
        text, max(0, cue_start - 8), cue_start
    ):
        out["negated"] = 1.0
    if len(between.split()) > 1:
        out["words_between"] = 1.0
    cs, ce = content
    body = text[cs:ce].strip()
    opening = next((n for n, rx in _CONTENT_OPENINGS if rx.match(body)), "other")
    out[f"opens={opening}"] = 1.0
    out[f"length={_length_bin(len(body.split()))}"] = 1.0
    if _FINITE.search(body):
        out["finite"] = 1.0
    if frame == "object":
        head = object_head(text, cue_end)
        heads = _object_heads()
        if head in heads:
            out[f"head={head}"] = 1.0
            out["head_logit"] = _logit(heads[head])
        else:
            out["head=unknown"] = 1.0
    return tuple(sorted(out.items()))


@functools.cache
def _filter_weights() -> dict[str, float]:
    """Feature -> weight of the keep/drop model (quote_filter.tsv)."""
    out: dict[str, float] = {}
    for feature, weight in lexicons.table("quote_filter.tsv", 2):
        if feature in out:
            raise lexicons.LexiconError(f"quote_filter.tsv: duplicate {feature!r}")
        try:
            out[feature] = float(weight)
        except ValueError:
            raise lexicons.LexiconError(
                f"quote_filter.tsv: bad weight for {feature!r}"
            ) from None
    return out


def filter_probability(features: tuple[tuple[str, float], ...]) -> float:
    """The model's probability that a candidate is an attribution (unknown features
    weigh nothing)."""
    weights = _filter_weights()
    z = sum(weights.get(name, 0.0) * value for name, value in features)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _person_or_group(art: _Article, sp: tuple[int, int]) -> bool:
    """Whether a whole subject phrase names an actor that is no document or record."""
    s, e = sp
    sentence = art.sents[art.sentence_of(s)].start if art.sents else 0
    opens = s - sentence < 40 and not art.masked[sentence:s].strip(" \t\n\"“‘'(")
    phrase = art.text[s:e].rstrip(" ,")
    return speakers.is_actor(
        art.text, s, e, sentence_start=opens, lower_words=art.lower_words()
    ) and not any(_DOCUMENT_HEAD.search(part.strip()) for part in phrase.split(","))


# "A new poll shows Sanders leading", "records show he never donated": a poll, a study or
# records report what they show or find as a source does, with any clause or finding.
_EVIDENCE_LEMMAS = frozenset({"show", "find"})
_EVIDENCE_HEAD = re.compile(
    r"(?:polls?|polling|surveys?|stud(?:y|ies)|records|data|analys[ie]s|reports?|"
    r"figures|statistics|research|reviews?|audits?|census|investigation|documents|"
    r"filings?|tally|numbers|results|estimates|article|memo|probe)$",
    re.IGNORECASE,
)


_DOCUMENT_HEAD = re.compile(
    _EVIDENCE_HEAD.pattern[:-2] + r"|videos?|tweets?|posts?|statements?|letters?)$",
    re.IGNORECASE,
)


def _evidence_cue(masked: str, cue: _Cue, sp: tuple[int, int] | None) -> _Cue | None:
    """A show/find cue whose subject is a poll, study or record takes any reported
    clause or finding (as "say"); with another subject it keeps its own frame, and the
    bare "show" (mostly a noun: "the TV show") is no cue at all."""
    if sp is not None and _EVIDENCE_HEAD.search(masked[sp[0] : sp[1]].rstrip(" ,")):
        return _Cue(cue.start, cue.end, cue.lemma, "say")
    return None if cue.frame == "evidence" else cue


def _quoted_as(
    art: _Article,
    cue: _Cue,
    relay: tuple[int, int] | None,
    unit_end: int,
    unit_cues: list[_Cue],
    unit_par: int,
) -> _Att | None:
    """`Reuters quoted the minister as saying the talks had stalled`: the one quoted is
    the speaker, and the subject of "quoted" relays the report."""
    m = _QUOTED_OBJECT_AS.match(art.masked, cue.end, unit_end)
    if m is None:
        return None
    cstart = m.end()
    later = [c for c in unit_cues if c.start > cstart]
    cend = _content_end(art, cstart, unit_end, later)
    if len(art.masked[cstart:cend].split()) < 3 or "\x01" in art.masked[cstart:cend]:
        return None
    speaker = (m.start(1), m.end(1))
    return _Att("indirect", [(cstart, cend)], None, speaker, cue, unit_par, relay=relay)


def _indirect_content(
    art: _Article, cue: _Cue, unit_end: int, unit_cues: list[_Cue], claimed: _Claimed
) -> tuple[int, int] | None:
    """The reported content after a cue ("said [that the talks would resume]"), if it
    is long enough, holds no quote and is not taken."""
    masked = art.masked
    cstart = _complement_start(masked, cue, unit_end)
    if cstart is None:
        return None
    later = [c for c in unit_cues if c.start > cstart]
    cend = _content_end(art, cstart, unit_end, later)
    if (
        cend > cstart
        and len(masked[cstart:cend].split())
        >= (2 if cue.frame in ("name", "act") else 3)
        and "\x01" not in masked[cstart:cend]
        and claimed.free(cstart, cend)
    ):
        return cstart, cend
    return None


def _nominal_attributions(
    art: _Article,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
    claimed: _Claimed,
) -> Iterator[_Att]:
    """Nominal cues: "Trump's claim that ...", "his promise that ..." (each yielded
    attribution must be taken before the next is looked for)."""
    masked = art.masked
    if not _NOMINAL_HINT.search(masked, unit_start, unit_end):
        return
    for m in _NOMINAL.finditer(masked, unit_start, unit_end):
        cstart = m.end()
        while cstart < unit_end and masked[cstart] in " ,":
            cstart += 1
        cend = _content_end(
            art, cstart, unit_end, [c for c in unit_cues if c.start > cstart]
        )
        if cend - cstart < 10 or not claimed.free(cstart, cend):
            continue
        cue = _Cue(m.start(2), m.end(2), m.group(2).lower(), "nominal")
        yield _Att(
            "indirect", [(cstart, cend)], None, (m.start(1), m.end(1)), cue, unit_par
        )


def _relayed(
    art: _Article, acc: _Att, unit_cues: list[_Cue], used_cues: set[int], unit_par: int
) -> _Att | None:
    """`According to court papers, she told detectives that ...`: a report relayed by a
    document or medium keeps its inner speaker and content, with the relay beside it."""
    masked = art.masked
    for s, e in acc.parts:
        for cue in _cues_in(art, s, e):
            if cue.start in used_cues or cue.frame not in ("say", "tell"):
                continue
            sp = speakers.left_speaker(masked, s, cue.start)
            if sp is None:
                continue
            cstart = _complement_start(masked, cue, e)
            if cstart is None:
                continue
            later = [c for c in unit_cues if c.start > cstart]
            cend = _content_end(art, cstart, e, later)
            if len(masked[cstart:cend].split()) < 3 or "\x01" in masked[cstart:cend]:
                continue
            used_cues.add(cue.start)
            used_cues.add(acc.cue.start)
            return _Att(
                "indirect", [(cstart, cend)], None, sp, cue, unit_par, relay=acc.speaker
            )
    return None


def _inverted_tail(masked: str, cue: _Cue, unit_end: int) -> bool:
    """`..., said Peter Brown, a lawyer.`: a comma before the cue and only a speaker
    (with an apposition) after it."""
    comma = re.search(r",\s*$", masked[max(0, cue.start - 3) : cue.start])
    if not comma and (
        cue.lemma not in ("say", "add")
        or not (
            _UNMARKED_INVERSION.search(masked, max(0, cue.start - 30), cue.start)
            or _UNMARKED_INVERSION_NAME.search(
                masked, max(0, cue.start - 40), cue.start
            )
        )
        or _SUBJECT_NOUN_BEFORE.search(masked, max(0, cue.start - 30), cue.start)
    ):
        return False
    sp = speakers.right_speaker(masked, cue.end, unit_end)
    if sp is None or not speakers.is_actor(masked, *sp, sentence_start=False):
        return False  # "..., noted the rule in the interview": an object, no speaker
    if not comma and not _CAPITALISED_NAME.fullmatch(masked, *sp):
        return False  # with no comma, only a name reads as an inverted speaker
    return bool(_AFTER_INVERTED.fullmatch(masked, sp[1], unit_end))


# A say cue right after a content word with no comma ("the rules of editing said John
# Wyver, from ..."): an inversion the writer left unmarked, where a pronoun, a relative
# word, an auxiliary or a conjunction would make the cue the verb of its own clause.
_UNMARKED_INVERSION = re.compile(
    r"(?<![\w’'-])(?!(?:he|she|they|it|we|i|you|who|which|that|what|and|or|but|has|have|"
    r"had|is|was|also|then|later|never|not|just|only|reportedly|repeatedly|publicly)\b)"
    r"[a-z]{3,}\s+$"
)
# ... or after a name inside the clause ("making banks turn to Windows said Dominic
# Hirsch, managing director of ..."), not one that opens it ("Obama said John Kerry").
_UNMARKED_INVERSION_NAME = re.compile(r"(?<![\w’'-])[a-z]{2,}\s+[A-Z][\w’'-]+\s+$")
# "what the president said John Smith": a determiner phrase before the cue is its subject
_SUBJECT_NOUN_BEFORE = re.compile(
    r"(?<![\w’'-])(?:the|a|an|his|her|their|its|our|my)\s+[a-z]+\s+$", re.IGNORECASE
)
_CAPITALISED_NAME = re.compile(
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|This|"
    r"That|It)\b)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}"
)


# What may follow an inverted speaker to the end of the sentence: an apposition ("a
# lawyer", "Facebook's outreach director", "director of ..."), a relative clause, a
# time or place, or an added report.
_AFTER_INVERTED = re.compile(
    r"(?:\s*,\s*(?:(?:a|an|the)\b[^,;\x01]*|[A-Z][\w.&-]*(?:’s|')s?\s[^;\x01]*|"
    r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+(?:\s*,[^;\x01]*)?|"
    r"(?:who|which|adding|noting|referring)\b[^;\x01]*|"
    r"(?!(?:is|was|are|were|has|had|have|will|would|can|could|may|might|should|must|"
    r"does|did|do|remains?|seems?|looks?)\b)(?:[a-z]+\s+){0,3}(?:of|at|for|with|in|from)\s"
    r"[^;\x01]*)|"
    r"\s+who\b[^;\x01]*|"
    r"\s+(?:in|at|on|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:interview|statement|speech|e-?mail|letter|conference|call|briefing|post|"
    r"tweet|video|appearance|hearing|meeting|rally)s?\b[^;\x01]*)?[\s.,]*"
)


_TAIL_OK = re.compile(
    r"[\s,]*(?:(?:on|in|at|during|last|this|earlier|late|after|before|to|from|via|with|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"recently|later|afterward|afterwards)\b(?:(?!\bthat\b)[^,;\x01]){0,50})?[\s.,;!?]*"
)


def _quote_led(art: _Article, fs: int, fe: int) -> bool:
    """Whether a clause before a trailing cue is mostly a quote (the quote's own
    attribution handles it); a quote among narrated words ("A cashier who “steals a
    handful of $20s” is held accountable, Warren said") leaves the clause a mixed report
    of the trailing cue."""
    clause = art.masked[fs:fe]
    if "\x01" not in clause:
        return False
    narrated = [w for w in clause.split() if "\x01" not in w]
    quoted = [
        art.text[m.start() : m.end()] for m in re.finditer("\x01+", art.masked[fs:fe])
    ]
    # a title in marks ("The film “Say Anything” was a hit") quotes no one's words:
    # the clause is left to the rules for clauses without quotes, as before
    return len(narrated) < 3 or all(_is_title(q) for q in quoted)


def _is_title(quoted: str) -> bool:
    """Whether quoted text is a title in title case ("“Say Anything”")."""
    words = quoted.strip("“”\"‘’'„«» .,").split()
    return (
        1 <= len(words) <= 6
        and all(_TITLE_WORD.fullmatch(w) for w in words)
        and words[0][0].isupper()
    )


def _trailing(
    art: _Article,
    cue: _Cue,
    sp: tuple[int, int] | None,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    lo: int,
) -> _Att | None:
    masked = art.masked
    if sp is None:
        inv = speakers.right_speaker(masked, cue.end, unit_end)
        if inv is None:
            return None
        sp_lo = cue.start
        sp, after = inv, inv[1]
    else:
        sp_lo = sp[0]
        after = cue.end
    comma = masked.rfind(",", lo, sp_lo)
    unmarked = sp_lo == cue.start and not re.search(r",\s*$", masked[lo:sp_lo])
    if unmarked and _inverted_tail(masked, cue, unit_end):
        comma = sp_lo  # "... and editing said John Wyver, from ...": the clause before
    elif comma == -1 or masked[comma + 1 : sp_lo].strip():
        return None
    if masked[comma - 1 : comma].isdigit() and masked[comma + 1 : comma + 2].isdigit():
        return None  # "$84,000 from a fund ... claim": a thousands comma ends no clause
    before_lo = lo
    first = (before_lo, comma)
    fs, fe = first
    while fs < fe and masked[fs] in " \t":
        fs += 1
    if (
        not masked[fs:fe].split()
        or _quote_led(art, fs, fe)
        or cue.frame not in ("say", "ask", "tell")
        or _ACCORDING.search(masked, fs, fe)
    ):
        return None  # "According to X, ... reports.": the clause has its source
    if cue.frame == "tell":
        # "..., a spokesman told The Wall Street Journal.": the addressee comes first
        obj = _TELL_OBJECT.match(masked, after, unit_end)
        if obj is None:
            return None
        after = obj.end()
    tail = _TAIL_OK.match(masked, after, unit_end)
    # a semicolon ends the reported clause as a full stop would ("..., analysts say;
    # in 2012, ...")
    closes = tail and (tail.end() >= unit_end or ";" in masked[after : tail.end()])
    if closes or (sp_lo == cue.start and _inverted_tail(masked, cue, unit_end)):
        if len(masked[fs:fe].split()) < 3:
            return None
        return _Att("indirect", [(fs, fe)], None, sp, cue, unit_par)
    if cue.frame == "tell":
        return None  # "..., she told reporters, ..." is too often a narrated clause
    # parenthetical: ", he said, the deal ..." -> two parts
    m = re.match(r"[^,;\x01]{0,40}?,\s*", masked[after:unit_end])
    if m and not re.search(r"\b(?:that|and)\s*$", masked[after : after + m.end()]):
        s2 = after + m.end()
        e2 = _content_end(art, s2, unit_end, [])
        if len(masked[s2:e2].split()) >= 2 and "\x01" not in masked[s2:e2]:
            # "Already, he said, friends had declared ...": a fronted adverb is no
            # part of what was said ("Now, 52 percent said X, compared with ..." is
            # no aside: words come between the cue and the comma)
            if _FRONTED_ADVERB.fullmatch(masked, fs, fe) and not masked[
                after : after + m.end()
            ].strip(" \t,"):
                return _Att("indirect", [(s2, e2)], None, sp, cue, unit_par)
            return _Att("indirect", [(fs, fe), (s2, e2)], None, sp, cue, unit_par)
    return None


# What follows "according to X," after a clause (a verb or four words) describes X ("..., according to
# the Great Elephant Census, a project financed by ...", "Sen. Dick Durbin, D-Ill."):
# it is no second part of the content.
_APPOSITIVE = re.compile(
    r"(?:an?|the|which|who|whose|writing|speaking|[DRI]-[A-Z][\w.]*)\b|[DRI]-[A-Z]"
)


def _according(
    art: _Article,
    cue: _Cue,
    unit_start: int,
    unit_end: int,
    unit_par: int,
    unit_cues: list[_Cue],
) -> _Att | None:
    masked = art.masked
    m = re.match(
        # a full stop after one capital is an initial ("Dennis B. Ross", "F.A.A.")
        r"\s+((?:[^,;:.\x01\n]|(?<=\b[A-Z])\.){2,120}?)"
        r"(?=\s*(?:[,;:\x01\n]|(?<!\b[A-Z])\.(?:\s|$)|$))",
        masked[cue.end : unit_end],
    )
    if not m:
        return None
    s = cue.end + m.start(1)
    e = cue.end + m.end(1)
    tail = re.search(
        r"\s+(?:on|in|at|last|this|earlier)\s+\S+$|\s+(?:Monday|Tuesday|"
        r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)$",
        masked[s:e],
    )
    if tail:
        e = s + tail.start()
    sp = (s, e)
    parts = []
    before = masked[unit_start : cue.start]
    if before.strip(" ,\u00a0"):
        bs, be = unit_start, cue.start
        be -= len(before) - len(before.rstrip(" ,\u00a0"))
        if "\x01" not in masked[bs:be]:
            parts.append((bs, be))
    after_lo = e
    rest = masked[after_lo:unit_end]
    rm = re.match(r"\s*,\s*", rest)
    if (
        rm
        and len(rest[rm.end() :].split()) >= 3
        and not (
            (_FINITE.search(before) or len(before.split()) >= 4)
            and _APPOSITIVE.match(rest, rm.end())
        )
    ):
        s2 = after_lo + rm.end()
        e2 = _content_end(art, s2, unit_end, [c for c in unit_cues if c.start > s2])
        if e2 > s2 and "\x01" not in masked[s2:e2]:
            parts.append((s2, e2))
    if not parts:
        return None
    return _Att("according_to", parts, None, sp, cue, unit_par)


# ---- vetting: speakers are actors -----------------------------------------------------

# A form of "be" (or "get") right before a past participle cue: "was advised that",
# "were told", "is expected to", "is said to". The subject is the addressee or the topic.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got|getting|’s|'s)\s+"
    r"(?:(?:not|also|never|often|first|previously|already|reportedly|repeatedly|"
    r"widely|long|later|then|[a-z]+ly)\s+)*$"
)
_BY_AGENT = re.compile(r"\s+by\s+")
# A question put to the subject, as an aside: "X, asked about ..., said" / "when asked".
_ASKED_WORDS = frozenset(["asked", "pressed", "questioned"])
_ASIDE_BEFORE = re.compile(r"(?:,|\b(?:[Ww]hen|[Ii]f|after\s+being))\s+$")


def _passive(masked: str, cue: _Cue) -> bool:
    """`was advised that`, `is said to`: the cue is a passive participle ("was quoted
    as saying" keeps its subject, who did speak)."""
    word = masked[cue.start : cue.end].split()[0]
    if cue.frame in ("according", "colon", "dash", "nominal") or cue.lemma == "quote":
        return False
    if word.endswith("ing") or (word.endswith("s") and not word.endswith("ss")):
        return False
    if word in _ASKED_WORDS and _ASIDE_BEFORE.search(
        masked, max(0, cue.start - 12), cue.start
    ):
        return True  # "Jordan, asked if Mr. Trump should act, said ...": he was asked
    return bool(_PASSIVE_BEFORE.search(masked, max(0, cue.start - 60), cue.start))


def _vet(art: _Article, atts: list[_Att]) -> list[_Att]:
    """Keep the speakers that can be actors; the others leave their quote unattributed
    rather than name a fragment as its speaker. Reported speech with no quote marks needs
    an actor as its subject: without one it is no attribution and goes.

    A passive cue ("was warned that") takes the agent after "by" as its speaker: its
    subject is the one spoken to. Without an agent a quote stays, unattributed, and
    reported speech with no quote marks goes.
    """
    out = []
    for att in atts:
        sp = att.speaker
        passive = (
            sp is not None
            and att.cue is not None
            and sp[1] <= att.cue.start
            and _passive(art.masked, att.cue)
        )
        if passive:
            by = _BY_AGENT.match(art.masked, att.cue.end)
            sp = (
                speakers.right_speaker(art.masked, by.end() - 1, len(art.masked))
                if by
                else None
            )
            agent = _AGENT_BEFORE_THAT.match(art.masked, att.cue.end)
            if sp is None and agent:
                # "was warned by aides that": the agent up to the clause
                sp = (by.end(), agent.end()) if by else None
            if sp is None and art.masked[att.cue.start : att.cue.end] == "called":
                # "was called a disaster by Senator Smith": the agent after the name
                s, e = att.parts[-1]
                late = _BY_AGENT.search(art.masked, s, e)
                if (
                    late
                    and len(art.masked[s : late.start()].split()) >= 2
                    and speakers.is_actor(
                        art.masked, late.end(), e, sentence_start=False
                    )
                ):
                    # "by fellow physicians for promoting cures": the agent only
                    tail = re.search(
                        r"\s+(?:for|over|after|because|in|at|on|during)\s",
                        art.masked[late.end() : e],
                    )
                    sp = (late.end(), late.end() + tail.start() if tail else e)
                    att.parts[-1] = (s, late.start())
            if (
                sp is None
                and att.cue.frame == "name"
                and not _has_marks(art, att)
                and not any(re.search(r"\bby\b", art.masked[s:e]) for s, e in att.parts)
            ):
                continue  # "The company was called Granny Sayz": a name, no report
            if sp is None and att.quote is None and not _has_marks(art, att):
                # "The game is expected to be released", "Staff were told that ...":
                # with no agent, reported speech has no source to be an attribution
                continue
        if sp is not None:
            sp = _actor_speaker(art, sp)
            if sp is None and att.quote is None and not _has_marks(art, att):
                continue  # "Manufacturing jobs in Ohio have ..." is no speaker
        att.speaker = sp
        if att.quote is None and _no_report(art, att) and not _has_marks(art, att):
            continue
        out.append(att)
    return out


def _has_marks(art: _Article, att: _Att) -> bool:
    return any(
        bisect.bisect_left(art.mark_starts, s) < bisect.bisect_left(art.mark_starts, e)
        for s, e in att.parts
    )


# "declined to comment", "did not respond", "refused to discuss the case": a no-comment
# event, not a report (a refusal to act, "refused to drop the gun", is no report either,
# but "refused to say whether" keeps its question as content in PARC; see _no_report).
_NO_COMMENT = re.compile(
    r"to\s+(?:comment|respond|elaborate|speak|talk|answer|discuss|be\s+interviewed|"
    r"return|reply|provide\s+(?:a\s+)?comment|make\s+(?:a\s+)?comment)\b"
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|"
    r"did|does|do|said|says)\b"
)
_COMMENT_NOUN = re.compile(r"(?:any\s+|further\s+)?comments?\b")
# Verbs that take a content clause or a bare object ("denied the allegations",
# "confirmed his attendance"): a bare object of a few words is a denial without content.
_CLAUSE_ONLY = frozenset(["deny", "confirm", "acknowledge", "admit", "dispute"])
_CLAUSE_OPENING = re.compile(
    r"(?:that|having|being|he|she|they|it|we|I|there|this|these|those|what|how|why)\b"
)
# A stretch that is only a fronted adverbial, subordinate clause or prepositional phrase
# ("After the deal was signed", "In the Wells Fargo scandal", "If she is elected").
_ADVERBIAL_ONLY = re.compile(
    r"(?:after|before|when|whenever|while|since|until|once|if|unless|in|on|at|during|"
    r"despite|following|amid|like|unlike|given|throughout)\b[^,;:]*",
    re.IGNORECASE,
)
_QUESTION_OPENING = re.compile(
    r"(?:whether|if|how|what|why|when|where|who|whom|which)\b", re.IGNORECASE
)
_NARRATOR = frozenset(["i", "we", "you", "one"])


def _no_report(art: _Article, att: _Att) -> bool:
    """Reported speech needs an actor, a speech or cognition event and a content: a
    no-comment, a bare denial, a narrator's question, a time clause or a fragment
    opening with a conjunction is none."""
    cue = att.cue
    if cue is None or cue.frame in ("according", "nominal") or not att.parts:
        return False
    masked = art.masked
    s, e = att.parts[0]
    content = masked[s:e].strip()
    after_cue = s > cue.start
    if (
        cue.lemma in ("decline", "refuse", "seek", "request")
        and after_cue
        and (_NO_COMMENT.match(content) or _COMMENT_NOUN.match(content))
    ):
        return True  # "declined to comment", "declined comment", "seeking comment"
    if re.match(r"(?:nor|or|but|and)\b", content):
        return True  # "would neither confirm nor deny wrongdoing"
    if (
        cue.lemma == "continue"
        and after_cue
        and not _CLAUSE_OPENING.match(content)
        and not _AUXILIARY.search(" ".join(content.split()[:10]))
    ):
        return True  # "continued its offensive": an act goes on, no words are reported
    if (
        cue.lemma in _CLAUSE_ONLY
        and after_cue
        and len(content.split()) <= 3
        and not _CLAUSE_OPENING.match(content)
    ):
        return True  # "denied the allegations"
    if (
        cue.lemma in _CLAUSE_ONLY
        and after_cue
        and _passive(masked, cue)
        and not _CLAUSE_OPENING.match(content)
    ):
        return True  # "was denied Olympic gold", "was confirmed as coach": no speech
    if not after_cue and len(att.parts) == 1 and _ADVERBIAL_ONLY.fullmatch(content):
        return True  # "After the deal was signed, officials said."
    if after_cue and _QUESTION_OPENING.match(content):
        # the narrator's own question ("we asked whether", "It is unclear how many ...?")
        speaker = art.masked[att.speaker[0] : att.speaker[1]] if att.speaker else None
        unit_end = art.text.find("\n", e, e + 400)
        rest = art.text[e : unit_end if unit_end != -1 else e + 400]
        asks = rest.lstrip().startswith("?")
        return speaker is None or speaker.lower() in _NARRATOR or asks
    return False


def _actor_speaker(art: _Article, sp: tuple[int, int]) -> tuple[int, int] | None:
    """The actor a speaker phrase names (the subject of a phrase that runs into its
    clause: "a reporter can be heard" -> "a reporter"), or None."""
    s, e = sp
    sentence = art.sents[art.sentence_of(s)].start if art.sents else 0
    opens = s - sentence < 40 and not art.masked[sentence:s].strip(" \t\n\"“‘'(")
    return speakers.actor_span(
        art.text, s, e, sentence_start=opens, lower_words=art.lower_words()
    )


# ---- records --------------------------------------------------------------------------


# Listed actors a speaker's name stands for as a whole: the speakers table names them as
# the actors table does ("Obama" -> "Barack Obama", "Labour" -> "Labour Party"), and a
# stance holder is the actor it is about. Places and countries keep the name written
# ("Downing Street said" is not "the United Kingdom said"), as do plurals ("Democrats":
# members, not the party), "state media" (several outlets) and a full name whose listed
# name is its initials.
_ACTOR_NAMED = frozenset(
    {
        "leader",
        "official",
        "person",
        "party",
        "company",
        "media",
        "government body",
        "international organisation",
        "military",
        "advocacy group",
    }
)


@functools.lru_cache(maxsize=4096)  # the same few speakers in every article
def _actor_name(name: str | None) -> str | None:
    """The gazetteer's name for a speaker named by a listed alias, else `name`."""
    if name is None:
        return None
    from analysis import actors  # the gazetteer, loaded on first use

    found = actors.listed(name)
    if found is None or found[1] not in _ACTOR_NAMED:
        return name
    last = name.split()[-1]
    if last.endswith("s") and found[0].split()[-1] != last:
        return name  # "Democrats", "House Democrats": members, not the body itself
    if found[0].isupper() and not name.isupper():
        return name  # "International Atomic Energy Agency" says more than "IAEA"
    return found[0]


def _records(
    art: _Article, atts: list[_Att], scare: list[tuple[int, int]]
) -> list[Quote]:
    text = art.text
    headings = [(x.start, x.end) for x in art.sents if x.kind == "title"]
    for i, par in enumerate(art.pars):
        # headlines and subheads in title case ("Chris Christie Calls Clinton a Disgrace")
        words = re.findall(r"[A-Za-z][\w’'-]*", par.text)
        caps = sum(1 for w in words if w[0].isupper())
        short = len(words) <= (25 if i == 0 else 8)
        one_line = len(art.pars) > 1 and (
            len(words) <= 8 or not re.search(r"[.!?][”\"’']*\s+\S", par.text)
        )
        if words and short and one_line and caps >= 0.6 * len(words):
            headings.append((par.start, par.end))
    resolver = speakers.Resolver(
        text, art.masked, art.sent_starts, tuple(headings), paragraphs=art.pars
    )
    resolved: dict[int, str | None] = {}
    for att in sorted(
        atts,
        key=lambda a: a.speaker[0] if a.speaker else (a.parts[0][0] if a.parts else 0),
    ):
        if att.speaker is not None and id(att) not in resolved:
            resolved[id(att)] = _actor_name(resolver.resolve(*att.speaker))
    out: list[Quote] = []
    taken = _Taken()
    for att in atts:
        for s, e in att.parts:
            while s < e and text[s] in " \t\n":
                s += 1
            while e > s and text[e - 1] in " \t\n":
                e -= 1
            if e <= s or not taken.add(s, e):
                continue
            qs, qe = _quote_within(art, s, e)
            cue = att.cue
            sp = att.speaker
            kind = att.kind
            if kind == "direct" and qs is not None and (qs > s + 1 or qe < e - 1):
                kind = "mixed" if att.cue and att.cue.frame != "name" else "partial"
            if qs is None and kind in ("direct", "mixed", "partial"):
                kind = "indirect"
            elif qs is not None and kind == "indirect":
                kind = "mixed"  # "Trump’s claim that there were “thousands” ..."
            out.append(
                Quote(
                    kind=kind,
                    start=s,
                    end=e,
                    text=text[s:e],
                    quote_start=qs,
                    quote_end=qe,
                    speaker=resolved.get(id(att)),
                    speaker_text=text[sp[0] : sp[1]] if sp else None,
                    speaker_start=sp[0] if sp else None,
                    speaker_end=sp[1] if sp else None,
                    cue=text[cue.start : cue.end] if cue else None,
                    cue_start=cue.start if cue else None,
                    cue_end=cue.end if cue else None,
                    sentence=art.sentence_of(s),
                    relay=text[att.relay[0] : att.relay[1]] if att.relay else None,
                    relay_start=att.relay[0] if att.relay else None,
                    relay_end=att.relay[1] if att.relay else None,
                )
            )
    for s, e in scare:
        if not taken.add(s, e):
            continue
        out.append(
            Quote(
                "scare",
                s,
                e,
                text[s:e],
                s,
                e,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                art.sentence_of(s),
            )
        )
    out.sort(key=lambda r: (r.start, r.end))
    return out


class _Taken:
    """Disjoint spans kept sorted, so that an overlap test is a binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, s: int, e: int) -> bool:
        """Keep [s, e) if it overlaps no span kept so far; say whether it was kept."""
        i = bisect.bisect_right(self.starts, s)
        if i and self.ends[i - 1] > s:
            return False
        if i < len(self.starts) and self.starts[i] < e:
            return False
        self.starts.insert(i, s)
        self.ends.insert(i, e)
        return True


def _quote_within(art: _Article, s: int, e: int) -> tuple[int | None, int | None]:
    marks = art.marks
    i = bisect.bisect_left(art.mark_starts, s)
    first = last = None
    while i < len(marks) and marks[i].start < e:
        if marks[i].end <= e + 1:
            first = first if first is not None else marks[i]
            last = marks[i]
        i += 1
    if first is None:
        return None, None
    return first.start, min(last.end, e)


def extract(text: document.TextOrDocument) -> list[Quote]:
    """Quotes, attributions and scare quotes of a news text, sorted by (start, end).

    >>> [(q.kind, q.speaker, q.text) for q in extract('“We will win,” Smith said.')]
    [('direct', 'Smith', '“We will win,”')]
    """
    doc = document.of(text)
    if not doc.text.strip():
        return []
    return _extract(doc)
