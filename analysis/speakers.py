"""Speaker mentions and who they stand for, without a parser or neural coreference.

Finds the noun phrase that names a speaker next to a reporting cue, and resolves it to a
canonical name: the fullest named mention of that entity in the article. Pronouns ("she"),
surnames ("Choe"), role nouns ("the agency") and acronyms in parentheses ("KCNA") go to
the most recent compatible named speaker or entity, in the spirit of the sieves of Muzny
et al. (EACL 2017) and citron's name/pronoun resolver, with gender from titles and a list
of first names.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from analysis import lexicons, tokenize

# Personal pronouns that can be the source of a quote, with what they can refer to.
PRONOUNS = {
    "he": "m",
    "she": "f",
    "it": "org",
    "they": "group",
    "i": "self",
    "we": "self",
    "you": "self",
    "his": "m",
    "her": "f",
    "their": "group",
    "its": "org",
}

# Words that sit between a speaker and its cue without being part of the speaker
# ("Trump has repeatedly said", "She also told", "officials in Seoul say").
_AUX = (
    r"has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|shall|"
    r"did|does|do|been|be|being|not|n’t|n't|never|also|again|still|just|even|already|"
    r"first|then|later|recently|earlier|now|long|too|once|often|since|previously|"
    r"instead|further|however|quickly|soon|ever|always|herself|himself|themselves|itself|"
    r"almost|nearly|rather|quite|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
    r"[a-z]+ly"
)
_TRAILING_MODS = re.compile(
    # "The New Haven Register on July 20, 2006": a date
    r"\s+(?:on|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s*$|"
    # "less than two weeks ago": a time phrase
    r"(?:\s+(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|just\s+)?(?:a|an|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|"
    r"years?|hours?|decades?)\s+ago)\s*$|"
    rf"(?:(?:\s+|^)(?:{_AUX})|\s+(?:on|in|at|during|last|this|late|early|earlier)"
    # "in which he said" opens a relative clause with its own subject: no adverbial
    # nor does a title ("Newly sworn in Gov. Matt Bevin said"): a name, not a place
    r"(?:\s+(?!(?:which|who|whom|whose|he|she|they|we|I|Gov|Sen|Rep|Gen|Dr|Mr|Mrs|Ms|"
    r"President|Governor|Senator|Secretary|Mayor|Judge|Justice|Speaker)\b)"
    # a number keeps the comma after it: "Tester, himself up for reelection in 2018,"
    r"(?:a|an|the|[A-Z][\w’'.-]*|\d\w*(?:,\d+)*|[a-z]+)){1,3}?"
    r"(?=\s*$)|\s*[’']s)\s*$"
)
# A clause boundary left of a cue: the speaker starts after the last one.
_LEFT_BOUNDARY = re.compile(
    r"[;:\x01\u2014\u2013\u2015\n]|(?<![\w’'])-\s|\s-\s"
    # "since" after a perfect auxiliary is an adverb ("Republicans have since said")
    r"|\b(?:that|but|while|because|although|though|whereas|when|after|before|"
    r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)since|"
    r"if|unless|so|where|whether|once|until|than|what|how|why|as)\b"
    r"|\b(?:But|While|Because|Although|Though|When|After|Before|Since|If|Unless|As|"
    r"Once|Whether|Where|Until)\b"
    r"|\b(?:and|or)\s+(?=(?:he|she|they|it|we|I|then)\b)"
)
# "and"/"but" before a noun phrase, and a finite auxiliary or copula before it: the two
# tell a coordinated clause ("X is useful and the commission predicts") from a
# coordinated subject ("Obama and the commission said").
_AND_NEW_SUBJECT = re.compile(
    r"\s(?:and|but)\s+(?=(?:the|a|an|its|his|her|their|[A-Z])\b)"
)
_FINITE_AUX = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|should|"
    r"do|does|did)\b"
)
_LEADING_SKIP = re.compile(
    r"(?:(?:and|but|so|yet|still|now|then|also|meanwhile|instead|however|later|earlier|"
    r"today|yesterday|tonight|indeed|moreover|finally|separately|similarly|likewise|"
    r"nonetheless|nevertheless|even|only|thus|here|there|And|But|So|Yet|Still|Now|Then|"
    r"Also|Meanwhile|Instead|However|Later|Earlier|Today|Yesterday|Indeed|Moreover|"
    r"Finally|Separately|Similarly|Likewise|Nonetheless|Nevertheless|Thus|Here|Plus|"
    r"plus)\b\s*)+"
)
BAD_START = re.compile(
    r"^(?:in|on|at|of|to|for|with|by|from|about|as|than|into|over|under|is|was|are|"
    r"were|be|been|being|has|have|had|do|does|did|not|it’s|it's|there|this|these|that|"
    r"what|which|how|why|who|whom|whose|If|In|On|At|For|With|By|From|As|To|Of|After|"
    r"Before|During|When|While|Since|Although|Though|Because|Asked|It’s|It's|There|"
    r"This|That|These|What|Which|How|Why|Where|Who|[Aa]ccording|Besides|Despite|"
    r"Without|Instead|Rather|Unlike|Amid)\b"
)
_WORD = re.compile(r"[\w’'.&-]+")
_FUNCTION = frozenset(
    [
        "and",
        "or",
        "but",
        "so",
        "yet",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "than",
        "then",
        "also",
        "not",
        "no",
        "nor",
        "if",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "of",
        "by",
        "from",
        "to",
        "for",
        "with",
        "on",
        "in",
        "at",
        "about",
        "into",
        "than",
        "as",
    ]
)
_VERBS = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "be",
        "been",
    ]
)
_FUNCTION = _FUNCTION | frozenset(
    [
        "aside",
        "perhaps",
        "despite",
        "including",
        "such",
        "even",
        "only",
        "just",
        "very",
        "more",
        "much",
        "well",
        "either",
        "neither",
        "while",
        "whose",
        "whom",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "this",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "why",
        "there",
        "here",
        "again",
        "still",
        "already",
        "though",
        "although",
        "because",
        "since",
    ]
)
_NP_RIGHT = re.compile(
    r"\s+((?:the|a|an|one|another|(?=[A-Z0-9])|(?=(?:(?!"
    r"(?:that|which|who|or|but|if|when|as|to|of|in|on|at|for|with|by|from|about|"
    r"it|is|was|are|were|has|have|had|he|she|they|we|this|these|those|his|her|their|"
    r"its|not|also|then|so|said|says|told|added)\b)[a-z][\w-]*\s+){1,3}[A-Z]))"
    r"(?:\b[A-Z][a-z]{0,2}\.|"
    r"\.(?=(?:com|org|net|gov|edu|io|info|co|news|uk)\b)|[^,.;:!?\x01\n()]){1,80}?"
    r"(?:\s*\([^()\n]{1,40}\))?)"
    r"(?=\s*[,;:!?\x01\n]|(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)"
    r"(?<!\bMrs)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)\s*\."
    r"(?!(?:com|org|net|gov|edu|io|info|co|news|uk)\b)"
    r"|\s+(?:who|in|on|at|during|to|about|that|after|before|when|as|"
    r"while|from|of\s+the\s+[a-z]|told|said|says|and)\b|\s*$)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention as written: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str


def _strip_span(masked: str, start: int, end: int) -> tuple[int, int]:
    while (
        start < end
        and (
            masked[start] in " \t,\n"
            # an aside that opens a sentence: "(She says the photo was ...)"; a bracket
            # closed inside the span is part of it ("Mitch McConnell (R-Ky.)")
            or (masked[start] == "(" and ")" not in masked[start:end])
        )
    ):
        start += 1
    while end > start and masked[end - 1] in " \t,\n":
        end -= 1
    return start, end


def _trim_trailing(seg: str) -> str:
    while True:
        new = _TRAILING_MODS.sub("", seg)
        if new == seg:
            return seg
        seg = new


_ENDS_COORDINATION = re.compile(r"\s(?:and|or)\s*$")
# An aside in commas after a name, opening with a lower-case word: ", clad in ...,".
# An apposition left open before the cue: ", of the Centre ...", ", a professor at ...".
_UNCLOSED_APPOSITION = re.compile(r",\s*(?:of|from|at|with|an?)\s[^,;:\x01\n]*$")
# A person's full name (or title and surname) right before that comma; the caller
# checks that it opens its sentence.
_PERSON_BEFORE_COMMA = re.compile(
    r"(?<![\w’'.-])(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir)\.?\s+)?"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]*)+$"
)
# A role in apposition, perhaps a company's ("Microsoft's chief financial officer"), up
# to the cue with no closing comma.
_UNCLOSED_ROLE = re.compile(
    r",\s*(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[’']s\s+)?[a-z][^,;:\x01\n]*$"
)
_TRAILING_ASIDE = re.compile(r",\s*[a-z][^,;:\x01\n]*,$")
_ENDS_NAME = re.compile(r"(?:\b[A-Z][\w’'.-]*|\))$")
# A quantifier floated off the subject before it: "Obama and Reid both [said]". After a
# comma it is a subject of its own (", both saying"), left as it is.
_FLOATING_QUANTIFIER = re.compile(r"(?<=[\w’'.)])\s+(?:both|all|each)\s*$")
_LONE_QUANTIFIER_AFTER_DASH = re.compile(
    r"[\u2014\u2013\u2015]\s*(?:both|all|each)\s*$"
)
_STOP_SPACE = re.compile(r"[.!?](?=\s)")
_WORD_BEFORE_STOP = re.compile(r"[^\s(\"“‘']*$")


def ends_sentence(text: str, start: int = 0) -> bool:
    """Whether `text[start:]` holds the end of a sentence: "!", "?" or a full stop before
    a space that closes no initial or listed abbreviation ("told Lt. Gov. Dan Patrick:
    “...”", "said Mark S. Zaid, the lawyer, “...”" go on; "said so. Later, “...”" ends).
    """
    abbreviations = lexicons.word_set("news_abbreviations.txt")
    for stop in _STOP_SPACE.finditer(text, start):
        if stop.group() != ".":
            return True
        # the word the full stop closes (an abbreviation is short: look 20 back)
        word = _WORD_BEFORE_STOP.search(text, max(0, stop.start() - 20), stop.start())
        word = word.group() if word else ""
        if (
            not (len(word) == 1 and word.isupper())
            and word.lower() not in abbreviations
        ):
            return True
    return False


# An aside between dashes right before the cue: "Smith — who has long opposed the plan
# — said", "Clinton -- speaking in Iowa -- said". The closing dash, and the opening one
# (the last dash before it, within the same clause).
_CLOSING_DASH = re.compile(r"(?:[\u2014\u2013\u2015]|\s--?)\s*$")
_OPENING_DASH = re.compile(r"(?:[\u2014\u2013\u2015]|\s--?\s)(?=[^;:\x01\n]*$)")
_ENDS_RELATIVE = re.compile(r"(?:,\s*|\s+)(who|which)\s*$")
# "Smith, whose attorneys [argued]": the possessed noun speaks for the antecedent.
_WHOSE = re.compile(
    r"(?:,\s*|\s+)(whose\s+(?:[a-z][\w’'-]*\s+){0,2}?([a-z][\w’'-]*))\s*$"
)
_ASKED_ASIDE = re.compile(
    r",\s*(?:(?:when|if|after\s+being)\s+)?(?:asked|pressed|questioned)\b"
    r"[^;:\x01]*,\s*$"
)
# ", who has ...," or an apposition that runs into one: ", a Tennessee Republican who
# has met privately with Mr. Trump and been mentioned as a choice,".
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:(?:a|an|the)\s+[^,;:\x01]{1,60}?\s)?(who|whose|which)\b[^;:\x01]*,\s*$"
)


# The object of a verb or preposition right before ", who": "puts the party at odds
# with [Mr. Romney], who supports ...", "at odds with [her father], who offered ...".
_OBJECT_VERBS = (
    r"\b(?:with|to|from|by|for|against|than|like|at|on|about|over|under|behind|"
    r"beside|between|among|including|criticized|attacked|defeated|replaced|"
    r"succeeded|joined|met|called|named|appointed|nominated|endorsed|thanked|praised|"
    r"blamed|accused|urged|asked|told|invited|hired|fired|followed|challenged)\s+"
)
# a party-and-state tag between the name and the comma: "Sen. Rand Paul (R-Ky.), who"
_TAG_AT_COMMA = r"(?:\s*\([^()]{1,40}\))?\s*$"
_OBJECT_BEFORE_COMMA = re.compile(
    _OBJECT_VERBS + r"((?:(?:the|a|an|his|her|their|its|our|my|your)\s+"
    r"(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*|(?:[A-Z][\w’'.&-]*\s+)*[A-Z][\w’'.&-]*))"
    + _TAG_AT_COMMA
)
# Before ", which" an organisation's full name may have "the" and "of" ("held by the
# Muslim Association of Britain (MAB), which believes"); before ", who" such a name
# mostly ends an apposition ("Dianne Feinstein, the ranking Democrat on the Senate
# Intelligence Committee, who said"), whose person is the antecedent.
_ORG_BEFORE_COMMA = re.compile(
    _OBJECT_VERBS + r"((?:the\s+)?(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|on)\s+)?)*"
    r"[A-Z][\w’'.&-]*)" + _TAG_AT_COMMA
)


def _object_antecedent(
    masked: str, floor: int, comma: int, which: bool = False
) -> tuple[int, int] | None:
    """The antecedent of ", who" (or ", which") when the clause before it ends with an
    object: the nearest noun phrase, not the clause's subject ("The vote puts the party
    at odds with Mr. Romney, who ..." -> "Mr. Romney")."""
    lo = max(floor, comma - 120)
    m = which and _ORG_BEFORE_COMMA.search(masked, lo, comma)
    m = m or _OBJECT_BEFORE_COMMA.search(masked, lo, comma)
    return m.span(1) if m else None


# A name or a person noun that ends the text before a window: "praised candidates like
# [Mr. Carson], who claimed ...", where the object was taken as the content of "praised".
_NAME_OR_PERSON_END = re.compile(
    r"(?:[A-Z][\w’'.&-]*|[a-z]+(?:man|woman|er|or|ist|ian))$"
)


def _antecedent_before(masked: str, lo: int, comma: int) -> bool:
    """Whether ", who" opens the window (nothing but blanks before it from `lo`) right
    after a name or a person noun that lies before the window: the relative pronoun
    then names the speaker, as PolNeAR marks it."""
    if masked[lo:comma].strip() or not masked.startswith(",", comma):
        return False
    return bool(_NAME_OR_PERSON_END.search(masked, max(0, lo - 40), lo))


_OBJECT_RELATIVE = re.compile(r"\b(?:which|who|whom)\s+([\w’'.-]+)")
_SUBJECT_OPENERS = frozenset(
    "the a an his her their its our many some most several few both all other "
    "two three four five six seven eight nine ten dozens hundreds thousands".split()
)


_DETERMINERS = frozenset(
    "the a an this that these those his her their its one some many two three".split()
)
# A name, perhaps with its place ("Nancy Pelosi of California"), and the comma that
# opens an apposition after it.
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)"
    r"(?:\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?,\s+$"
)
# Words that end a modifier run leftwards ("passing them through [friends]",
# "Among [those]", "Cruz said [any candidate]").
_NOT_MODIFIERS = frozenset(
    "among through during including like as than about against between into over "
    "under upon via within without that said says told them him us".split()
)
_OBJECT_PREPOSITION = re.compile(r"\s(?:in|of|at|from|for|with|to|on)\s+$")
_NP_TOKEN = re.compile(r"[\w’'-]+")


def _person_before_who(
    masked: str, floor: int, np_start: int, named: bool
) -> tuple[int, int] | None:
    """The person noun phrase a bare 'who' follows: right before it ("a young woman
    who"), or before a preposition and the name after it (`named`: "a tech staffer at
    the State Department who"); None when its head is no actor noun."""
    end = np_start
    if named:
        prep = _OBJECT_PREPOSITION.search(masked, max(floor, np_start - 8), np_start)
        if prep is None:
            return None
        end = prep.start() + 1
        if any(
            m.end() == np_start
            for m in _PARTITIVE.finditer(masked, max(floor, end - 30), np_start)
        ):
            return None  # "a handful of House Democrats who": the Democrats
    words = list(_NP_TOKEN.finditer(masked, max(floor, end - 80), end))
    if not words or masked[words[-1].end() : end].strip():
        return None
    head = words[-1].group(0)
    if (
        not head[:1].islower()
        or head in _FUNCTION
        or not _actor_noun(head)
        # "the Clinton administration who": 'who' is a person, no organisation
        or _roles().get(head) in ("org", "document")
        or head in ("country", "state", "city", "nation")
    ):
        return None
    first = len(words) - 1
    # up to three modifiers ("conservative", "tech", "young"), then a determiner
    while first > 0 and len(words) - first <= 3:
        w = words[first - 1]
        low = w.group(0).lower()
        if masked[w.end() : words[first].start()].strip():
            break  # a comma or a dash between: another phrase
        if low in _DETERMINERS:
            first -= 1
            break
        if (
            low in _FUNCTION
            or low in _VERBS
            or low in _PREPOSITIONS
            or low in _NOT_MODIFIERS
            or low.endswith(("ed", "ing"))
        ):
            break
        first -= 1
    start = words[first].start()
    # "Steve Smith, a veteran newspaper editor who": the name in apposition
    name = _NAME_BEFORE_APPOSITION.search(masked, max(floor, start - 80), start)
    if name:
        return name.start(1), name.end(1)
    return start, words[-1].end()


def _opens_subject(word: str) -> bool:
    """`word` can open a noun phrase subject (not a verb of the relative clause)."""
    if word[0].isupper() and word not in ("I",):
        return True
    low = word.lower()
    plural = low.endswith("s") and not low.endswith("ss")
    return low in _SUBJECT_OPENERS or (
        plural and (low in _speaker_nouns() or low[:-1] in _speaker_nouns())
    )


# How far left of a cue its speaker phrase may begin (characters).
SPEAKER_WINDOW = 300


def left_speaker(masked: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker noun phrase in `masked[lo:cue_start]`, right before a cue.

    Handles titles and appositions ("Hugh Hill, a doctor,"), lists ("reports from South
    Korea, Ukraine, and Western sources"), relative clauses (", who ...") and adverbs
    between subject and cue. Returns offsets or None when there is no subject.
    """
    lo = _window_start(masked, lo, cue_start)
    seg = _trim_trailing(masked[lo:cue_start])
    floating = _FLOATING_QUANTIFIER.search(seg)
    if floating:
        # "Obama and Reid both said", "Republicans have since both criticized": the
        # quantifier floats off the subject before it
        seg = _trim_trailing(seg[: floating.start()])
    else:
        lone = _LONE_QUANTIFIER_AFTER_DASH.search(seg)
        # "Republican figures — whose party was once ... — both suggested": the
        # subject stands before the dashed apposition
        opening = masked.rfind(seg[lone.start()], lo, lo + lone.start()) if lone else -1
        if opening > lo:
            return left_speaker(masked, lo, opening)
    closing = _CLOSING_DASH.search(seg)
    if closing:
        before = seg[: closing.start()]
        openings = list(_OPENING_DASH.finditer(before))
        if openings and not ends_sentence(before, openings[-1].end()):
            # the subject stands right before the aside's opening dash
            opening = lo + openings[-1].start()
            subject = left_speaker(masked, lo, opening)
            if subject and not masked[subject[1] : opening].strip():
                return subject
    if _ENDS_COORDINATION.search(seg):
        return (
            None  # "they learned of it and almost immediately disclosed": coordination
        )
    end = lo + len(seg.rstrip())
    aside = _TRAILING_ASIDE.search(masked, lo, end)
    if (
        aside
        and _ENDS_NAME.search(masked, lo, aside.start())
        and _LEFT_BOUNDARY.search(masked, aside.start(), end)
    ):
        # "Mary Susan, clad in a cape with lights that formed the name Trump, said",
        # "Howard Stern, in 2013, questioned": a boundary inside an aside after a
        # name bounds nothing; the subject is the name before it
        return left_speaker(masked, lo, aside.start() + 1)
    unclosed = _UNCLOSED_APPOSITION.search(masked, lo, end)
    if (
        unclosed
        and not _LEFT_BOUNDARY.search(masked, unclosed.start(), end)
        and not _ENDS_RELATIVE.search(masked[unclosed.start() : end])
    ):
        # "Dr Erel Avineri, of the Centre ... in Bristol said": an apposition the writer
        # did not close with a comma; the person before it speaks
        name = _PERSON_BEFORE_COMMA.search(masked, lo, unclosed.start())
        before = masked[lo : name.start()].rstrip() if name else ""
        opens = name is not None and (not before or before[-1] in ".;:\x01\n")
        if opens and not BAD_START.match(name.group()):
            return name.start(), end
    if not _ENDS_RELATIVE.search(masked[lo:end]):
        name = _unclosed_role_name(masked, lo, end)
        if name is not None:
            return name[0], end
    start = lo
    for m in _LEFT_BOUNDARY.finditer(masked, lo, end):
        start = m.end()
    for m in _AND_NEW_SUBJECT.finditer(masked, start, end):
        # "Robots can fulfil serious functions and the commission predicts": after a
        # clause with a finite verb, "and" opens a new clause with its own subject
        if _FINITE_AUX.search(masked, start, m.start()):
            start = m.end()
    for m in _OBJECT_RELATIVE.finditer(masked, start, end):
        # "attacks, which the probe said were ...", "hackers who U.S. officials say
        # is ...": a relative pronoun followed by a subject of its own
        if _opens_subject(m.group(1)):
            start = m.start(1)
    text = masked[start:end]
    whose = _WHOSE.search(masked, lo, end)
    if whose and _actor_noun(whose.group(2)):
        return whose.span(1)  # "Smith, whose attorneys argued": the attorneys
    # ", who" / ", which": the speaker is the noun phrase before the relative pronoun.
    rel = _ENDS_RELATIVE.search(masked[lo:end])
    if rel:
        # PARC/PolNeAR take the relative pronoun as the mention ("Mr. Obama, who
        # said ..."); the resolver follows it back to its antecedent
        if left_speaker(
            masked, lo, lo + rel.start() + 1
        ) is None and not _antecedent_before(masked, lo, lo + rel.start()):
            return None
        return lo + rel.start(1), lo + rel.end(1)
    # "Jordan, asked if Mr. Trump should act, said": skip the question put to him
    asked = _ASKED_ASIDE.search(masked[lo:end])
    if asked and asked.start() > 0:
        return left_speaker(masked, lo, lo + asked.start() + 1)
    # "Christie, who has campaigned for Trump since ..., blasted": skip the relative clause
    rel = _RELATIVE_CLAUSE.search(masked[lo:end])
    participle = re.match(r"[a-z]+ing\b", masked[cue_start : cue_start + 20])
    if rel and rel.start() > 0 and not (participle and rel.group(1) == "which"):
        # (not "the program, which was blocked after Texas sued, calling it ...":
        # a participle's subject is the clause's)
        return left_speaker(masked, lo, lo + rel.start() + 1)
    if not text.strip():
        return None
    stripped = text.rstrip()
    s, e = _trimmed_span(masked, start + _head_offset(stripped), start + len(stripped))
    phrase = _noun_phrase(masked, s, e)
    if phrase is None:
        return None
    return _subject_of(masked, *phrase)


def _unclosed_role_name(masked: str, lo: int, end: int) -> tuple[int, int] | None:
    """The person named before a role in apposition that runs to `end` with no closing
    comma ("John Connors, Microsoft's chief financial officer [said]", "Evan Bayh, a
    moderate Indiana Democrat [who]"): the name's span, if it opens its sentence with a
    first name, a title or initials and the apposition holds a role word."""
    role = _UNCLOSED_ROLE.search(masked, lo, end)
    if role is None or _LEFT_BOUNDARY.search(masked, role.start(), end):
        return None
    name = _PERSON_BEFORE_COMMA.search(masked, lo, role.start())
    if name is None:
        return None
    before = masked[lo : name.start()].rstrip()
    words = re.findall(r"[a-z]+", masked[role.start() : end])
    if (
        (not before or before[-1] in ".;:\x01\n")
        and not words[0].endswith("ing")  # "Joe Biden, urging those calling for"
        and _first_name_or_title(name.group())
        and any(w in _speaker_nouns() or w in _title_words() for w in words)
    ):
        return name.span()
    return None


def _window_start(masked: str, lo: int, cue_start: int) -> int:
    """`lo`, or a word start SPEAKER_WINDOW before the cue if `lo` is further back."""
    if cue_start - lo <= SPEAKER_WINDOW:
        return lo
    # a speaker phrase (with its apposition) is never this long: look at the words just
    # before the cue only, so that the cost per cue is bounded
    cut = masked.find(" ", cue_start - SPEAKER_WINDOW, cue_start)
    return cut + 1 if cut != -1 else cue_start - SPEAKER_WINDOW


# A party label in apposition: "Ben Sasse, Republican of Nebraska, said", "Chris Shays,
# a former Connecticut Republican, said", "Mitch McConnell, R-Ky., said".
_PARTY_APPOSITION = re.compile(
    r"\s*(?:(?:Republican|Democrat|Independent|Democratic-Farmer-Labor)\s+(?:of|from)\s|"
    r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*$)"
)


# A time phrase that opens a sentence: "Late last year", "Earlier this month", "Last
# week", "Two days ago" (a sentence's other openers are in BAD_START).
_TIME_OPENER = re.compile(
    r"(?:(?:[Ll]ate|[Ee]arly|[Ee]arlier|[Ll]ater)\s+)?(?:(?:[Ll]ast|[Nn]ext|[Tt]his|"
    r"[Tt]hat|[\w-]+)\s+)?(?:year|week|month|weekend|spring|summer|autumn|fall|winter|"
    r"morning|afternoon|evening|night|quarter|decade|days\s+ago|weeks\s+ago|"
    r"months\s+ago|years\s+ago|" + "|".join(sorted(tokenize.CALENDAR_WORDS)) + r")"
)


# A name after the noun that describes it: "marketing company Doubleclick", "rival
# Google" (not "his wife", "a former Connecticut Republican").
_DESCRIBED_NAME = re.compile(
    r"\s*(?!(?:a|an|the|his|her|its|their|our|of|from|at|in|former|then|now)\b)"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}(?:\s+[A-Z][\w’'.&-]*){1,4}\s*"
)


def _fronted(part: str) -> bool:
    """Whether a comma-closed part that opens a sentence is a fronted phrase: a
    preposition, a subordinate clause, a time phrase ("Late last year")."""
    return bool(BAD_START.match(part) or _TIME_OPENER.fullmatch(part))


# A capitalised office and what it is for: "Minister for Defence Procurement", "Head of
# Security" (an apposition after a name, as British news writes it, not a name).
_OFFICE = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+){0,2}([A-Z][a-z]+)\s+(?:for|of)\s+(?:the\s+)?[A-Z]"
)


def _is_office(part: str) -> bool:
    m = _OFFICE.match(part)
    return m is not None and (
        m.group(1).lower() in _title_words()
        or _roles().get(m.group(1).lower()) == "person"
    )


def _role_part(part: str) -> bool:
    """An apposition that names a role ("MP for Witney", "BBC News 24 political
    correspondent"), whatever its case."""
    words = re.findall(r"[A-Za-z]+", part)
    return 0 < len(words) <= 8 and any(
        (w.islower() and _actor_noun(w)) or w in _MEMBERS for w in words
    )


# A full name ending a part: "Carol Walker", not "Disillusioned" nor "Chiefs of Staff".
_ENDS_FULL_NAME = re.compile(r"[A-Z][\w’'.-]+\s+[A-Z][\w’'-]+\s*$")
# Members of parliaments, written as their initials: "MP for Witney".
_MEMBERS = frozenset({"MP", "MEP", "MSP", "AM", "TD"})


def _head_offset(stripped: str) -> int:
    """Where the part of `stripped` that names the speaker starts: after appositions,
    or at the start of a closing list."""
    parts = _split_commas(stripped)
    if stripped.endswith(",") and len(parts) >= 2:
        # Apposition: "Hugh Hill, a doctor, said", "Johnnie Wilson, of Springfield, Va.,
        # said": back over the appositive parts to the part that names the speaker.
        body = parts[:-1]
        j = len(body) - 1
        # after an opening phrase ("In an appeal to farmers, Joni Ernst, a ..., said",
        # "Late last year, marketing company Doubleclick, one of ..., warned"), the
        # speaker starts with the next part
        opens = re.match(r"\s*[A-Z]", body[0]) and _fronted(body[0].strip())
        while j >= 1 and (
            (
                re.match(r"\s*(?:[a-z]|\()", body[j])
                and not (j == 1 and opens and _DESCRIBED_NAME.fullmatch(body[j]))
            )
            # a short part is a place ("of Springfield, Va.,")
            or (len(_WORD.findall(body[j])) <= 2 and not (j == 1 and opens))
            or _PARTY_APPOSITION.match(body[j])
            or _is_office(body[j])
            # "David Cameron, MP for Witney,", "Carol Walker, BBC News 24 political
            # correspondent,": a capitalised role after a name
            or (_role_part(body[j]) and _ENDS_FULL_NAME.search(body[j - 1]))
        ):
            j -= 1
        chosen = ",".join(body[j:]) + ","
    else:
        last = len(parts) - 1
        head = parts[last]
        # A list: "reports from South Korea, Ukraine, and Western sources".
        if re.match(r"\s*(?:and|or)\s", head) and last >= 1:
            j = last - 1
            while j >= 1 and len(_WORD.findall(parts[j])) <= 3:
                j -= 1
            chosen = ",".join(parts[j:])
        else:
            chosen = head
    return len(stripped) - len(chosen)


def _trimmed_span(masked: str, s: int, e: int) -> tuple[int, int]:
    """The span without surrounding blanks and punctuation or a leading skip word."""
    s, e = _strip_span(masked, s, e)
    lead = _LEADING_SKIP.match(masked, s, e)
    if lead:
        s = lead.end()
    return _strip_span(masked, s, e)


_DEMONSTRATIVE = re.compile(r"(?:[Tt]hese|[Tt]hose|[Tt]his|[Tt]hat)\s+([a-z][\w’'-]*)")


def _demonstrative_source(span: str) -> bool:
    """A demonstrative before a people noun names a source mentioned before ("these
    people said", "this official said"), not a clause ("This is", "these days")."""
    m = _DEMONSTRATIVE.match(span)
    return m is not None and _actor_noun(m.group(1))


_FRONTED_PLACE = re.compile(
    r"(?:In|Across|Throughout|Outside)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z][\w.’'-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w.’'-]*)*\s+(?=[a-z\d])"
)


def _noun_phrase(masked: str, s: int, e: int) -> tuple[int, int, list[str]] | None:
    """The phrase's (start, end, words) once a long apposition and a leading clause
    are cut off; None if nothing that can name a speaker is left."""
    span = masked[s:e]
    if not span or "\x01" in span:
        return None
    words = _WORD.findall(span)
    if len(words) > 14 and "," in span:
        # a long apposition: keep the name before it ("Richard Revesz, director of ...")
        e = s + span.index(",")
        span = masked[s:e]
        words = _WORD.findall(span)
    place = _FRONTED_PLACE.match(span)
    if place and place.end() < len(span) and not BAD_START.match(span[place.end() :]):
        # "In the UK 69% of those questioned said", "In the US and Germany many of
        # those interviewed said": the subject after a fronted place with no comma
        s += place.end()
        span = masked[s:e]
        words = _WORD.findall(span)
    if words and BAD_START.match(span) and not _demonstrative_source(span):
        # "In a meeting with the board of the Post Trump said": the name before the cue
        tail = re.search(
            r"(?:\b(?:he|she|they|we|I)|"
            + _NAME_TOKEN
            + r"(?:\s+"
            + _NAME_TOKEN
            + r")*)(?:\s*\([^()]{1,20}\))?\s*$",  # "Sen. Elizabeth Warren (D-MA)"
            span,
        )
        if not tail or tail.start() == 0:
            return None
        s += tail.start()
        words = _WORD.findall(masked[s:e])
    if not words or len(words) > 14:
        return None
    return s, e, words


def _subject_of(
    masked: str, s: int, e: int, words: list[str]
) -> tuple[int, int] | None:
    """The speaker within the noun phrase `masked[s:e]`: a leading or closing pronoun,
    the subject of a clause, or the whole phrase; None for function words alone."""
    lead = _LEAD_PARTICIPLE.match(masked, s, e)
    if lead:
        s = lead.end()  # "Newly elected Mayor Jane Doe": the name after it
        words = _WORD.findall(masked[s:e])
    span = masked[s:e]
    # "She then urges her husband ... and repeatedly says": a clause, not a noun
    # phrase; its subject is the speaker
    first = re.match(r"(?:he|she|they|it|we|I|He|She|They|It|We)\b", span)
    if first and len(words) > 1:
        return s, s + first.end()
    # "aside from saying he", "Contrary to his": the pronoun is the speaker
    last = re.search(r"(?<=\s)(?:he|she|they|it|we|I|his|her|their|its)$", span)
    if last and not re.match(r"[A-Z][\w’'.-]*\s+(?:and|or)\s", span):
        return s + last.start(), e
    verb = re.match(
        r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?:[a-z]+ed|took|made|went|came|"
        r"gave|began|had|has|was|is|got|left|met|ran|won|lost|spoke|wrote|saw|held)\b",
        span,
    )
    if verb and len(words) > 3 and not _lone_adverb(verb.group(1).split()):
        return s, s + verb.end(1)  # not "Newly [elected members]"
    if all(w.lower() in _FUNCTION for w in words):
        return None
    if words[-1] in _PREPOSITIONS or (
        len(words) == 1 and re.fullmatch(r"[a-z]+(?:ing|ed)", words[0])
    ):
        return None  # "stopped short of calling", "began by saying", "going on to say"
    if not (span[0].isalpha() or span[0].isdigit()):
        return None
    return s, e


_IN_NUMBER = re.compile(r"\d,\d{3}(?!\d)")


def _split_commas(text: str) -> list[str]:
    """Split at commas outside parentheses and numbers ("10,000 workers"), keeping
    every character."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and not _IN_NUMBER.match(text, i - 1):
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def right_speaker(masked: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """An inverted speaker after its cue: `“...,” said Hugh Hill`."""
    m = _NP_RIGHT.match(masked, cue_end, hi)
    if not m:
        return None
    s, e = _strip_span(masked, m.start(1), m.end(1))
    words = _WORD.findall(masked[s:e])
    if not words or len(words) > 10:
        return None
    first = words[0]
    if first.lower() in PRONOUNS and first.lower() not in ("he", "she", "they"):
        return None
    if any(w in _VERBS for w in words):
        return None  # "..., say the bill is flawed": a clause, not an inverted speaker
    if first.lower() in ("he", "she", "they", "it"):
        return s, e
    modifier = _COORDINATED_MODIFIER.match(masked, e, hi)
    if modifier and first[0].isupper():
        # "said Richard and Judy executive producer Amanda Ross": the coordination
        # names a show or a firm that modifies the role, whose holder is named last
        return s, modifier.end()
    named = _APPOSED_NAME.match(masked, e, hi)
    if named and re.fullmatch(
        r"(?:the|a|an|one\s+of\s+(?:the|their|his|her|its)|[A-Z]{2,6})\s+[a-z][\w\s’'-]*",
        masked[s:e],
    ):
        # "said the spokesman, Peter Carr", "said one of their lawyers, Michalis
        # Dimitrakopoulos", "said RNID technology director, Guido Gybels": the role
        # and name
        return s, named.end(1)
    if not (
        first[0].isupper()
        or first[0].isdigit()
        or first in ("the", "a", "an", "one", "another")
        or _NAMED_ROLE.fullmatch(masked, s, e)
    ):
        return None
    return s, e


# After an inverted "X" that stopped at "and": "and Judy executive producer Amanda
# Ross" (capitalised words, a lower-case role, a full name, then the sentence's end).
_COORDINATED_MODIFIER = re.compile(
    r"\s+and\s+(?:[A-Z][\w’'&-]*\s+){1,3}(?:[a-z][\w-]*\s+){1,3}"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2}(?=\s*[.,;\x01\n])"
)
# A name in apposition after an inverted role: "said the spokesman, [Peter Carr]."
_APPOSED_NAME = re.compile(
    r",\s+((?:[A-Z][\w’'-]*\.?\s+){1,3}[A-Z][\w’'-]+)(?=\s*(?:[.;!?\x01\n]|$))"
)


# A role before a name: "former Gov. Bill Richardson", "political scientist Jo Satpayev".
_NAMED_ROLE = re.compile(
    r"(?:(?!(?:that|which|who|or|but|to|of|in|on|at|for|with|by|from|it|is|was|"
    r"are|were|has|have|had|he|she|they|we|this|his|her|their|its|not)\b)"
    r"[a-z][\w-]*\s+){1,3}(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'-]+(?:\s+(?:Jr|Sr)\.?)?"
)


# ---- resolution -------------------------------------------------------------------

# Salience weights for pronoun antecedents (tuned on PolNeAR dev pronoun sources):
W_SPEAKER = 55.0  # a speaker of an earlier quote
W_SUBJECT = 50.0  # a name that opens its sentence or clause
W_MENTION = 5.0  # any other named mention
W_DISTANCE = 20.0  # per sentence back
W_FREQUENCY = 3.0  # per earlier mention of the same entity (up to 8)
W_UNKNOWN = 15.0  # a name of unknown kind (no title, no first name)
WINDOW = 8  # sentences back
WINDOW_CHARS = 4000  # and at most this many characters back
# A bare surname continues the speaker of that surname quoted this many sentences back.
RECENT_SPEAKER = 5
MATCH_STEPS = 400  # mentions of one surname tried each way when finding a full name


@functools.cache
def _titles() -> tuple[tuple[str, ...], ...]:
    out = {tuple(t.split()) for t in lexicons.word_set("quote_titles.txt")}
    return tuple(sorted(out, key=lambda t: (-len(t), t)))


@functools.cache
def _title_set() -> frozenset[tuple[str, ...]]:
    return frozenset(_titles())


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for t in _titles() for w in t)


@functools.cache
def _first_names() -> dict[str, str]:
    return dict(lexicons.mapping("quote_first_names.tsv"))


@functools.cache
def _census_first_names() -> frozenset[str]:
    """More first names, with no gender (the actors layer's list from the US Census)."""
    from analysis import actors  # the module only: its gazetteer loads on first use

    return lexicons.word_set(actors.CENSUS_FIRST_NAMES_FILE)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]{1,2}")


@functools.cache
def _honours() -> frozenset[str]:
    """Letters after a name, no part of it ("Frank Field MP"): the actors layer's set."""
    from analysis import actors

    return actors.HONOURS


def _is_first_name(token: str) -> bool:
    return token in _first_names() or token in _census_first_names()


def _from_first_name(tokens: list[str], offs: list[int]) -> tuple[list[str], list[int]]:
    """A person's name starts at its first name, with the titles just before it:
    "Vermonter Bernie Sanders", "Billionaire Donald Trump", "Tory Shadow Chancellor
    Oliver Letwin" (-> "Chancellor Oliver Letwin"), "Secretary of Energy Spencer
    Abraham" (-> "Spencer Abraham"). Only where a first name follows a word that is
    none, with a surname after it, and no word from the first name on makes it an
    organisation's name ("The Trayvon Martin Foundation")."""
    if len(tokens) < 3:
        return tokens, offs  # most runs: a name, or a title and a surname
    at = next(
        (
            j
            for j in range(1, len(tokens) - 1)
            if _is_first_name(tokens[j])
            and not _is_first_name(tokens[j - 1])
            and not _INITIALS.fullmatch(tokens[j - 1])  # "A.E. Dick Howard"
        ),
        None,
    )
    title_words = _title_words()
    if (
        at is None
        or _org_words().intersection(tokens[at:])
        # "Supporters of Hillary Clinton"; but an office's "of" ("Secretary of Energy
        # Spencer Abraham", "Minister for Europe Denis MacShane") is part of its title
        or any(
            t[:1].islower()
            and not (t in ("of", "for") and tokens[i - 1].lower() in title_words)
            for i, t in enumerate(tokens[:at])
        )
        # "Senators Charles E. Grassley and Patrick J. Leahy": a group's title
        or any(t.endswith("s") and t[:-1].lower() in title_words for t in tokens[:at])
    ):
        return tokens, offs
    start = at
    while start > 0 and tokens[start - 1].lower().rstrip(".") in title_words:
        start -= 1  # the titles before it say who the person is
    if len(_strip_title(tokens[start:])[0]) != at - start:
        start = at  # "Senior Adviser": not a title as a whole
    return tokens[start:], offs[start:]


@functools.cache
def _roles() -> dict[str, str]:
    return dict(lexicons.mapping("quote_roles.tsv"))


@functools.cache
def _place_words() -> frozenset[str]:
    return lexicons.word_set("quote_place_words.txt")


def _first_name_or_title(name: str) -> bool:
    """The name opens with a known first name, a title or initials ("John Connors",
    "Dr Hill", "JF Sullivan"), not with a place word ("New York")."""
    first = name.split()[0]
    return (
        first in _first_names()
        or first.lower().rstrip(".") in _title_words()
        or bool(re.fullmatch(r"(?:[A-Z]\.?){1,3}", first))
    )


def _person_epithet(mention: str) -> bool:
    """ "the 30-year-old", "the 30 year old", "the Moroccan", "the Spaniard": a person
    described by age or by a nationality noun (a people adjective of the gazetteer, in
    the singular: "the Americans" is a group, "the American team" no person)."""
    if _AGE_EPITHET.fullmatch(mention):
        return True
    m = re.fullmatch(r"[Tt]he\s+([A-Z][a-z]+)", mention)
    if m is None or m.group(1).endswith("s"):
        return False
    from analysis import actors  # the gazetteer, loaded on first use

    found = actors.canonical(m.group(1))
    return (
        found is not None
        and found[1] == "country"
        and found[0] != m.group(1)  # "the Moroccan", not "the Morocco"
        and (
            m.group(1).endswith(("an", "ish", "ese", "ic", "i", "man"))
            or m.group(1) in _PEOPLE_NOUNS
        )  # a people word, not a capital or a seat of power ("the Kremlin")
    )


# Nationality nouns with no adjective ending ("Moroccan", "Frenchman" have one).
_PEOPLE_NOUNS = frozenset(
    {"Spaniard", "Briton", "Scot", "Swede", "Dane", "Finn", "Pole", "Turk", "Swiss"}
    | {"Greek", "Czech", "Thai", "Kiwi", "Dutch"}
)


_AGE_EPITHET = re.compile(r"[Tt]he\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[-\s]year[-\s]old")


@functools.cache
def _epithets() -> frozenset[str]:
    return lexicons.word_set("speaker_epithets.txt")


@functools.cache
def _states() -> frozenset[str]:
    return lexicons.word_set("speaker_states.txt")


@functools.cache
def _org_words() -> frozenset[str]:
    return lexicons.word_set("quote_org_words.txt")


_NAME_TOKEN = (
    # an abbreviated title, state or firm word before a name ("Sen. Rand Paul"), not any
    # short word that ends a sentence ("... launch title Project Rub. Nintendo has")
    r"(?:(?:[A-Z]\.){1,3}(?![\w’'])|(?:Mr|Mrs|Ms|Mme|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|"
    r"Sgt|Cpl|Pvt|Adm|Amb|Det|Rev|Fr|Hon|Jr|Sr|St|Mt|Ft|Co|Inc|Ltd|Pa|Va|Md|Mo|Ga|Ky|"
    r"Ill|Ind|Kan|Neb|Nev|Ala|Ark|Del|Vt|Wis|Wyo|Ore|Tex|Fla)\.(?=\s+[A-Z])"
    r"|[A-Z][\w&-]*(?:[’'](?!s\b)[A-Za-z]+)*"
    # a surname opened by a lower-case particle: "Joseph diGenova", "Neil deGrasse"
    r"|(?:di|de|da|du|le|la|van|von)[A-Z][a-z]{2,}"
    r"|\d+(?:st|nd|rd|th))"
)
_PARTICLE_NAME = re.compile(r"(?:di|de|da|du|le|la|van|von)[A-Z][a-z]{2,}")
# A person's name that ends a capitalised run after a place or an organisation
# ("... of Columbia Joseph diGenova"): its first name, and the surname after it.
_HOLDER_NAME = re.compile(
    r"\bthe\s+(?:[A-Z][\w.-]*\s+(?:of\s+)?)*?([A-Z][\w.-]*)\s+([A-Z][a-z]+)"
    r"(?:\s+[A-Z]\.)?\s+(?:[A-Z][\w’'-]+|(?:di|de|da|du|le|la|van|von)[A-Z][a-z]{2,})"
    r"\s*$"
)
# Space inside a name: any but a blank line ("Brown names 16 March for Budget" and,
# a paragraph below, "Chancellor Gordon Brown" are two names).
_NAME_SPACE = r"(?:(?!\n[ \t\u00a0]*\n)\s)+"
_NAME_RUN = re.compile(
    # not inside a word: "3GSM" holds no name "GSM"
    rf"(?<![\w’'-]){_NAME_TOKEN}(?:(?:{_NAME_SPACE}(?:of|de|da|del|la|van|von|bin|al|for|&)"
    rf"(?={_NAME_SPACE}[A-Z]))?{_NAME_SPACE}{_NAME_TOKEN})*"
)
_NONSPACE = re.compile(r"\S+")
# Organisation and place words of quote_org_words.txt that are also common surnames.
_SURNAME_ORG_WORDS = frozenset(
    "Fox Post Press West North South Church House Washington London Paris Young".split()
)
_COURTESY = frozenset("Mr Mrs Ms Miss Dr Sir Dame".split())
# Capitalised quantifiers that open "X of Y" ("One of", "Some of"): no part of a name.
_QUANTIFIERS = frozenset(
    "One Two Three Four Five Some Many Most All None Each Both Several Few Half".split()
)
_WEEKDAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# Titles that can follow an organisation inside one capitalised run ("Wells Fargo CEO").
_INNER_TITLES = frozenset(
    "CEO President Chairman Chairwoman Director Secretary Spokesman Spokeswoman "
    "Minister Senator Sen. Rep. Gov. Governor Mayor Chief Commissioner Ambassador "
    "Leader Judge General Gen.".split()
)
_ROLE_MENTION = re.compile(
    r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:president|senator|minister|governor|secretary|"
    r"spokesman|spokeswoman|mayor|candidate|nominee|chairman|congressman|congresswoman|"
    r"agency|campaign|committee|company|newspaper)\b"
)
_ACRONYM = re.compile(r"\(([A-Z][A-Z&.-]{1,9}s?)\)")
_STOP_CAPS = (
    frozenset(
        [
            "The",
            "A",
            "An",
            "In",
            "On",
            "At",
            "But",
            "And",
            "So",
            "Yet",
            "For",
            "Of",
            "To",
            "By",
            "From",
            "As",
            "With",
            "After",
            "Before",
            "During",
            "When",
            "While",
            "If",
            "This",
            "That",
            "These",
            "Those",
            "It",
            "He",
            "She",
            "They",
            "We",
            "I",
            "His",
            "Her",
            "Their",
            "Its",
            "Our",
            "My",
            "Your",
            "There",
            "Here",
            "Still",
            "Now",
            "Then",
            "Also",
            "Meanwhile",
            "However",
            "Later",
            "Earlier",
            "Today",
            "Yesterday",
        ]
    )
    | tokenize.CALENDAR_WORDS
)
_STOP_CAPS = _STOP_CAPS | frozenset(
    [
        "Although",
        "Though",
        "Because",
        "Since",
        "Once",
        "Whether",
        "Despite",
        "Even",
        "Only",
        "Just",
        "Until",
        "Unless",
        "Like",
        "Including",
        "Unlike",
        "Among",
        # capitalised prepositions that open a sentence ("Under Acpo's proposal")
        "Under",
        "Over",
        "Against",
        "Without",
        "Within",
        "Through",
        "Throughout",
        "Across",
        "Behind",
        "Beyond",
        "Amid",
        "Upon",
        "Into",
        "Toward",
        "Towards",
        "Between",
        "Following",
        "According",
        "Asked",
        "Says",
        "Said",
        "Why",
        "What",
        "How",
        "Where",
        "Who",
        "Whom",
        "Which",
        "Indeed",
        "Instead",
        "Perhaps",
        "Maybe",
        "Yet",
        "Nor",
        "Or",
        "Not",
        "No",
        "Yes",
        "Both",
        "Each",
        "Every",
        "All",
        "Some",
        "Many",
        "Most",
        "Contrary",
        "Keeps",
        "Former",
        "Neither",
        "Either",
        "See",
    ]
)


@dataclass(slots=True)
class _Entity:
    name: str  # canonical: the fullest name seen
    kind: str  # person | org | group | unknown
    gender: str | None = None  # m | f | None
    roles: set[str] = field(default_factory=set)


_FEMALE_TITLE = re.compile(r"\b(?:mrs|ms|miss|lady|queen|princess|dame|sister)\b")
_MALE_TITLE = re.compile(r"\b(?:mr|sir|lord|king|prince|father)\b")
_MAN = re.compile(r"(?:wo)man\b")


def _is_proper_name(name: str) -> bool:
    """A name of capitalised words ("Marco Rubio"), not a description ("A spokesman")."""
    words = name.split()
    return (
        bool(words)
        and words[0] not in ("A", "An", "The")
        and all(
            w[:1].isupper() or w in ("de", "van", "von", "bin", "al", "la", "der")
            for w in words
        )
    )


# The object of a speech verb right after a pronoun: "he told Hannity", "she asked Mr. Smith".
_OWN_OBJECT = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:told|tells|asked|asks|informed|urged|assured|warned|"
    r"reminded|thanked)\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?"
    r"((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)"
)
# Party words that are capitalised without naming a person.
_PARTY_ADJECTIVES = frozenset(
    "Democratic Republican Democrat Republicans Democrats GOP".split()
    # British parties' words: "Tory co chairman Liam Fox" names no person "Tory"
    + "Tory Tories Conservative Conservatives Labour Liberal Lib Dem".split()
)
# Offices that name the story's person without a title of their own ("the senator",
# "the candidate"): resolved by salience when no mention carries the title.
_PROTAGONIST_ROLES = frozenset(
    "senator governor president candidate nominee mayor congressman congresswoman "
    "businessman billionaire mogul".split()
    # offices of parliamentary governments: "the chancellor", "the prime minister",
    # "the home secretary", "the premier"
    + "chancellor minister secretary premier".split()
)
# Between coordinated names: "Obama and Reid", "Bush, Cruz and Rubio".
_COORDINATION = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# A fronted adverbial before a subject: "Addressing the members, [the chief]",
# "Speaking in Harlem, [Clinton]", "Last month, [the Independent]".
_FRONTED = re.compile(
    r"(?:[A-Z][a-z]+ing|In|On|At|After|Before|During|Since|Last|Earlier|Later|"
    r"Asked|Speaking|Writing|Meanwhile|Still|Separately|Instead)\b"
)
_NOT_A_SUBJECT_START = re.compile(r"(?:and|or|but|like|about|including|such)\b")
# A role noun phrase before its name in apposition: "the spokesman, [Peter Carr]".
_ORG_POSSESSIVE = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s")
_ROLE_THEN_NAME = re.compile(
    r"(?:[Oo]ne\s+of\s+(?:the|their|his|her|its)\s+|[Tt]he\s+|[Aa]n?\s+|[Hh]is\s+|"
    # or an organisation's acronym: "RNID technology director, Guido Gybels", or its
    # possessive: "IBM's senior vice president of technology and manufacturing, Nick
    # Donofrio"
    r"[Hh]er\s+|[Tt]heir\s+|[Ii]ts\s+|[A-Z]{2,6}\s+|"
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s\s+)(?:[a-z][\w’'-]*\s+){0,6}"
    r"[a-z][\w’'-]*,\s+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+\s*,?\s*$)"
)


def _bare_role(name: str, role: str) -> bool:
    """Whether a speaker's name is only its role, perhaps with lower-case modifiers
    ("Minister" of a headline, "rural affairs minister"): no name of a person."""
    words = name.split()
    return (
        bool(words)
        and words[-1].lower() == role
        and all(w[:1].islower() for w in words[:-1])
    )


def _listed_type(name: str) -> str | None:
    """The actor gazetteer's type of `name` ("company", "country", ...), if listed."""
    from analysis import actors  # the gazetteer, loaded on first use

    found = actors.canonical(name)
    return found[1] if found is not None else None


def _listed_organisation(name: str) -> bool:
    """Whether `name` as a whole is a listed organisation's alias (no guess)."""
    from analysis import actors

    found = actors.listed(name)
    return found is not None and found[1] in actors.ORGANISATION_TYPES


def _listed_place(name: str) -> bool:
    """Whether the actor gazetteer lists `name` as a country, place or bloc."""
    return _listed_type(name) in ("country", "place", "bloc")


def _listed_kind(name: str) -> str:
    """ "org" for a one-word name the actor gazetteer lists as an organisation
    ("EgyptAir" is a company: never "he"), else "unknown"."""
    from analysis import actors

    # not a country: its adjective ("Mexican") is no antecedent; a listed person stays
    # as before, weighed by salience alone
    return "org" if _listed_type(name) in actors.ORGANISATION_TYPES else "unknown"


# A study as a speaker ("the report", "The survey"), and a study with its author
# ("Research by handset maker Nokia", "The report by Nielsen/NetRatings", "a survey
# from Gallup").
_DOCUMENT = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Aa])?\s*(?:new\s+|latest\s+)?"
    r"(?:report|study|survey|research|poll|analysis|findings|paper)"
)
# A new study with no author named ("a massive report on ...", "an online survey").
_NEW_DOCUMENT = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,2}?(?:report|study|survey|poll|analysis)\b"
)
# An author that makes a study ("Pew Internet conducted an online survey").
_DOCUMENT_MAKER = re.compile(
    r"([A-Z][\w’'./&-]*(?:\s+[A-Z][\w’'./&-]*)*)\s+(?:has\s+|have\s+)?"
    r"(?:conducted|carried\s+out|published|released|commissioned|produced)\s+"
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:report|study|survey|poll|analysis)\b"
)
_DOCUMENT_BY = re.compile(
    r"\b(?:[Rr]eport|[Ss]tudy|[Ss]urvey|[Rr]esearch|[Pp]oll|[Aa]nalysis|[Pp]aper)\s+"
    r"(?:by|from|for|commissioned\s+by|carried\s+out\s+by|conducted\s+by)\s+"
    r"(?:the\s+)?(?:(?:[A-Z]{2,}\s+)?[a-z][\w-]*,?\s+){0,3}"
    r"([A-Z][\w’'./&-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w’'./&-]*)*)"
)
# A work with its author as the speaker: "The book, by Sunday Telegraph journalist Robert
# Peston", "a long planned speech by Mr Brown", "a statement by the company".
_WORK_BY = re.compile(
    r"\b(?:book|speech|statement|letter|article|memo|column|essay)\s*,?\s+by\s+"
    r"(?:(?:[A-Z][\w’'.&-]*\s+){0,3}(?:journalist|reporter|correspondent|editor|"
    r"columnist|writer|analyst|economist|professor|director|chief|spokesman|"
    r"spokeswoman|minister|secretary|chancellor)\s+)?"
    r"((?:the\s+[a-z]+)|[A-Z][\w’'./&-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w’'./&-]*)*)"
)
# A quantity with no group ("18%", "Many", "Some") as a speaker, and a quantity of a
# group that spoke before ("65% of those questioned said").
_BARE_QUANTIFIER = re.compile(
    r"(?:[Mm]any|[Mm]ost|[Ss]ome|[Oo]thers|[Ff]ew|[Ss]everal|[Hh]alf|(?:[Aa]lmost|[Nn]early|"
    r"[Aa]bout|[Mm]ore\s+than|[Ll]ess\s+than)\s+(?:half|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))|"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))"
)
_PARTITIVE_SPEAKER = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|[Mm]any|[Mm]ost|[Ss]ome|[Hh]alf|"
    r"[Mm]ajority|[Mm]inority|[Oo]ne|[Ff]ew|[Aa]ll)\s+of\s+"
    r"((?:the\s+|those\s+|these\s+)?[\w’'-]+(?:\s+(?!said\b|say\b|says\b)[\w’'-]+){0,4}?)"
    r"\s+(?:said|say|says|told|believe|believed|think|thought|agreed|felt)\b"
)
# A person's possessive and the noun it owns, with up to two words before the noun:
# "his lawyer", "her chief of staff". Not "its" and "their": on PolNeAR train q0-2 their
# owners were resolved wrong 3 times in 4 ("DC’s website", "Washington Post’s
# candidate"), and "Its ministers" in a BBC story became the EU's, not Poland's.
_POSSESSED = re.compile(r"([Hh]is|[Hh]er)\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)")
# One capitalised word and a comma that open a mention ("Worse, the companies").
_OPENER_COMMA = re.compile(r"([A-Z][a-z]+),\s+(?=\S)")
# An indefinite determiner before a capitalised people noun ("one Democrat").
_INDEFINITE = re.compile(r"(?:[Oo]ne|[Aa]n?|[Aa]nother|[Ss]ome|[Aa]ny)\s+")


# A title word after these is a different office: a vice president is no president.
_DEPUTY = frozenset("vice deputy assistant associate lieutenant under".split())


_DEPUTY_ROLE = re.compile(
    rf"\b(?:{'|'.join(sorted(_DEPUTY))})[\s-]+([a-z]+)\b", re.IGNORECASE
)


def _deputy_roles(words: list[str]) -> set[str]:
    """The role words that follow "vice", "deputy", ... ("Vice President" -> president;
    "Deputy Prime Minister" -> prime, minister: a deputy is not the prime minister)."""
    low = [w.lower().rstrip(".,") for w in words]
    at = next((i for i, w in enumerate(low) if w in _DEPUTY), None)
    return set() if at is None else set(low[at + 1 :])


def _role_words(titles: list[str]) -> set[str]:
    """The roles a run of titles gives, without the deputy ones."""
    return {t.lower().rstrip(".") for t in titles} - _deputy_roles(titles)


def _title_gender(titles: list[str]) -> str | None:
    """The gender a courtesy title gives ("Mr." m, "Mrs." f), else None."""
    t = " ".join(titles).lower()
    if _FEMALE_TITLE.search(t):
        return "f"
    return "m" if _MALE_TITLE.search(t) else None


def _same_gender(
    mention: tuple[int, int, str, str, str | None], want: str | None
) -> bool:
    """Whether an indexed name mention can be of gender `want` (unknown fits both)."""
    if want is None:
        return True
    got = mention[4] or _gender_of(mention[2])
    return got is None or got == want


def _gender_of(name: str, title: str = "") -> str | None:
    first = name.split()[0] if name.split() else ""
    g = _first_names().get(first)
    if g:
        return g
    t = title.lower()
    if not t:
        return None
    if _FEMALE_TITLE.search(t):
        return "f"
    if _MALE_TITLE.search(t):
        return "m"
    if _MAN.search(t):
        return "f" if "woman" in t else "m"
    return None


@functools.cache
def _titles_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in _titles():
        out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


# Head nouns of public bodies that a title word may name ("Justice Department",
# "Defense Ministry"), unlike a surname after a title ("Mr Fox").
_BODY_HEADS = frozenset(
    "Department Ministry Committee Commission Court Office Agency Council Board "
    "Bureau Service".split()
)


def _strip_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles off a name: (title tokens, name tokens)."""
    i = 0
    changed = True
    by_first = _titles_by_first()
    while changed and len(tokens) - i > 1:
        changed = False
        for t in by_first.get(tokens[i], ()):
            n = len(t)
            if n < len(tokens) - i and tuple(tokens[i : i + n]) == t:
                if len(tokens) == i + n + 1 and tokens[-1] in _BODY_HEADS:
                    return tokens[:i], tokens[i:]  # "Justice Department": a body
                if tokens[i + n] in ("for", "of"):
                    return tokens[:i], tokens[i:]  # "Minister for Defence Procurement"
                i += n
                changed = True
                break
    return tokens[:i], tokens[i:]


# A family noun right before a name, perhaps with a comma: "his wife, Gabriela Lazar".
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|ex-wife|ex-husband|widow|widower|son|daughter|brother|sister|"
    r"father|mother|mom|dad|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|"
    r"grandfather|grandmother|stepson|stepdaughter|spouse|fiancée?|partner)"
    r"[’']?s?,?\s+$"
)
# ... or in apposition after it: "Eric Trump, son of the front-runner".
_KIN_AFTER = re.compile(
    r",\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[a-z]+\s+)?(?:wife|husband|widow|son|"
    r"daughter|brother|sister|father|mother|nephew|niece|cousin|grandson|"
    r"granddaughter|spouse)\b"
)
# A role noun after up to four modifiers, capitalised or not: "the presumptive
# Republican nominee", "The 43-year-old former congressman" (no possessive, no "and").
_DESCRIBED_ROLE = re.compile(
    r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+((?:(?!and\b|or\b|of\b)[A-Za-z0-9][\w.-]*\s+){1,4})"
    r"([a-z]+)"
)
# Roles that a story's own person rarely holds: "the official" of a headline naming
# Clinton is someone else, often unnamed.
_ANONYMOUS_ROLES = frozenset(
    "official spokesman spokeswoman spokesperson lawmaker diplomat".split()
)
_AGENT_NOUN = re.compile(r"..(?:er|or|ist|ian)s?$")
_NOT_AGENT_ADVERBS = frozenset(
    "later earlier further however neither never ever rather whether".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w’'-]*)")
# An article right before a position ("the Mac mini"): that word names no person.
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?)[ \t]+$")
_ENDS_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St)\.\s*$")
_POSSESSIVE_OR_STOP = re.compile(r"(?:[’']s?|[.,])$")
# What may precede a name that is its sentence's subject: up to three capitalised
# words, an opening phrase and a comma, or a possessive description ("Holt’s liberal
# NBC News colleague Matt Lauer").
# Words after which the next name is no subject: a verb in the past (the name is its
# object: "Edwards himself kept [Idowu] off") or a reflexive.
_NO_SUBJECT_BETWEEN = (
    r"himself|herself|themselves|itself|kept|met|won|beat|took|made|gave|sent|left|"
    r"led|saw|told|said|held|brought|lost|ran|became|came|went|wrote|got|found|[a-z]+ed"
)
_SUBJECT_LEAD = re.compile(
    # an opening phrase of up to three parts: "At a rally in Portland, Maine, on
    # Thursday, [Trump] included ..."
    r"\s*(?:(?:[A-Z][\w’'.-]*\s+){0,3}|(?:[A-Z][^,;\x01]{0,60},\s*(?:[^,;\x01]{1,40},\s*){0,2})"
    # "the veteran [Smith]", not "Edwards himself kept [Idowu]": no verb or reflexive
    rf"(?:(?:a|an|the)\s+)?(?:(?!(?:{_NO_SUBJECT_BETWEEN})\b)[a-z]+\s+){{0,3}}"
    # "North Korean leader [Kim]", not "Cruz never mentioned [Trump]": no verb between
    r"|(?:[A-Z][\w’'-]*\s+){1,2}(?:(?!(?:is|was|are|were|has|had|have|says|"
    rf"never|not|also|will|would|could|can|did|does|may|might|must|should|then|later|"
    rf"{_NO_SUBJECT_BETWEEN})\b)[\w’'-]+\s+){{1,5}}"
    # "Delegates questioned how [Cruz] could ...": the subject of a complement clause
    r"|(?:[A-Z][\w’'-]*\s+){1,2}(?:[\w’'-]+\s+){1,4}(?:that|how|whether|why|if|when)\s+)"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Tt]o|[Aa]cross|[Ii]nside|[Oo]utside|[Vv]isited)\s+$"
)
# Prepositions of place only ("in Ohio", not "to Sanders" or "at Boeing").
_IN_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Nn]ear|[Ii]nside|[Oo]utside)\s+$")
_IN_REGION = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Nn]ear|[Ii]nside|[Oo]utside)\s+(?:(?:north|south|east|west|"
    r"central|northern|southern|eastern|western)\s+)?$"
)
# A person's job at or for a body, right before its name: "spokesman for [Ask Jeeves]",
# "top tester at [PC Pro]", "chief executive of [Blinkx]".
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|executive|director|manager|analyst|editor|tester|"
    r"head|chairman|chairwoman|founder|officer|boss|researcher|economist|consultant|"
    r"engineer|designer|producer|employee|worker|staff|partner|president)s?"
    r"[ \t]+(?:at|for|of|with)[ \t]+(?:the[ \t]+)?$"
)
_ALL_CAPS = re.compile(r"[A-Z]{3,}")
_ACRONYM_NAME = re.compile(r"[A-Z][A-Z&.-]+s?")
# Acronyms of common nouns: things, not organisations.
_COMMON_ACRONYMS = frozenset(
    "TV TVs PC PCs DVD DVDs CD CDs GDP HIV AIDS CEO CEOs ATM ATMs GPS SMS VAT DNA IQ "
    "HQ IT AI MP3 PDF USB LCD OBE MBE CBE KBE".split()
)


# A letter's signature: a paragraph that is only a name ("Vicki Venhuizen.", "John Smith,
# Springfield, Ill.").
_SIGNATURE = re.compile(
    r"—?\s*([A-Z][a-z][\w’'.-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})"
    r"(?:,\s*[A-Z][\w .,’'-]{0,40})?\.?"
)
_BYLINE = re.compile(r"By\s+([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})")
# An author's note: "Charlotte Meehan is playwright-in-residence at ..."
_AUTHOR_NOTE = re.compile(
    r"([A-Z][a-z][\w’'.-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}),?\s+"
    r"(?:is|was|has been|writes|teaches|served|, a)\b"
)


# A full name, then "of"/"from"/"at" and the organisation or place it belongs to.
_PERSON_OF = re.compile(
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?\s+)?(([A-Z][a-z’'-]+)"
    r"(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+)\s+(?:of|from|at)\s+\S"
)
# A parenthesised acronym, then lower-case role words and a full name to the end.
_HOLDER_AFTER_ACRONYM = re.compile(
    r".*?\([A-Z][A-Za-z.&-]{0,11}\)\s+((?:[a-z][\w’'-]*\s+){1,3}"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)\s*$"
)


# A noun phrase and a participle that modifies it, then its preposition: "A letter
# sent to Martin Mubanga", "a report written by aides" name the noun, not the person.
_REDUCED_RELATIVE = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+"
    r"(?:sent|written|addressed|signed|issued|released|published|obtained|seen|"
    r"prepared|commissioned|posted|filed|delivered)\s+(?:to|by|from|on|in|for|at)\s"
)


# Role nouns that "the <noun>" resolves to a listed organisation named just before, and
# the gazetteer types they may name (empty: any organisation).
_ORG_ROLE_TYPES: dict[str, frozenset[str]] = {
    "company": frozenset({"company"}),
    "firm": frozenset({"company"}),
    "organisation": frozenset(),
    "organization": frozenset(),
}


class Resolver:
    """Resolves speaker mentions of one article to canonical names, in text order."""

    def __init__(
        self,
        text: str,
        masked: str,
        sentence_starts: list[int],
        headings: tuple[tuple[int, int], ...] = (),
        paragraphs: list[tokenize.Paragraph] | None = None,
    ):
        """Index the names of `text` (quoted stretches blanked out in `masked`;
        `paragraphs`: its paragraphs, if already found)."""
        self.text = text
        self._paragraphs = paragraphs
        self.masked = masked
        # a split after a title ("since Mr. | Tribe") is not a sentence start
        sentence_starts = [
            b
            for b in sentence_starts
            if not _ENDS_TITLE.search(text[max(0, b - 6) : b])
        ]
        self._sentence_starts = sentence_starts
        self.names: list[
            tuple[int, int, str, str, str | None]
        ] = []  # s, e, name, kind, gender
        self.acronyms: dict[str, str] = {}
        self._by_token: dict[str, list[tuple[int, int, str, str, str | None]]] = {}
        self.history: list[tuple[int, _Entity]] = []  # (position, entity) of speakers
        self._lower_words = frozenset(re.findall(r"\b[a-z]+\b", text))
        self._cap_words = frozenset(re.findall(r"\b[A-Z][a-z]+\b", text))
        self._sentence_start_set = frozenset(sentence_starts)
        self._subjects: set[int] = set()
        self._name_roles: dict[int, set[str]] = {}
        self._title = headings
        # the headings as disjoint sorted spans, for a binary search per name
        merged: list[list[int]] = []
        for a, b in sorted(headings):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._title_starts = [a for a, _ in merged]
        self._title_ends = [b for _, b in merged]
        self._authors: tuple[list[tuple[int, str]], str | None, str | None] | None = (
            None
        )
        self._fullest_found: dict[tuple[str, int], tuple[str, str, str | None]] = {}
        self._longest_found: dict[tuple[str, bool], str] = {}
        self._bearers: dict[tuple[str, str | None], tuple | None] = {}
        self._genders: dict[str, str] = {}  # the last gender a speaker was seen with
        self._deputies: dict[str, int] | None = None
        self._index_names()
        self._name_starts = [n[0] for n in self.names]
        self._token_starts = {
            tok: [n[0] for n in names] for tok, names in self._by_token.items()
        }
        # where each surname (last token) is mentioned, for counts before a position
        self._tail_starts: dict[str, list[int]] = {}
        for n in self.names:
            self._tail_starts.setdefault(n[2].rsplit(" ", 1)[-1], []).append(n[0])
        self._role_starts: dict[str, list[int]] = {}
        for pos in sorted(self._name_roles):
            for role in sorted(self._name_roles[pos]):
                self._role_starts.setdefault(role, []).append(pos)
        self._name_at = {n[0]: n for n in self.names}

    # names ---------------------------------------------------------------------------

    def _clean_run(
        self, s: int, e: int
    ) -> tuple[int, int, list[str], list[str]] | None:
        masked = self.masked
        tokens = masked[s:e].split()  # the runs of _NONSPACE, and where they start:
        offs = []
        for token in tokens:
            s = masked.find(token, s)
            offs.append(s)
            s += len(token)
        # skip leading stop words by index (slicing in the loop would be quadratic)
        i = 0
        if len(tokens) > 2 and tokens[0] in _QUANTIFIERS and tokens[1] == "of":
            i = 2  # "One of Trump’s earlier jeremiads": a part of, not a name
        while i < len(tokens) and (
            tokens[i] in _STOP_CAPS
            or tokens[i].rstrip(".") in _STOP_CAPS
            or (
                offs[i] in self._sentence_start_set
                and tokens[i].lower() in self._lower_words
                # "Top Clinton aides", "Neither Donald J. Trump": a common word that
                # opens the sentence, unless it is a first name ("Will Smith")
                and (
                    i == len(tokens) - 1
                    or (
                        tokens[i] not in _first_names()
                        and tokens[i].lower().rstrip(".") not in _title_words()
                    )
                )
            )
        ):
            i += 1
        while (
            i < len(tokens)
            and tokens[i][:1].islower()
            and not _PARTICLE_NAME.fullmatch(tokens[i])
        ):
            i += 1  # "As for RT" -> "RT"
        tokens, offs = tokens[i:], offs[i:]
        # possessive and trailing punctuation: "Russia’s", "Jr.,"
        if tokens:
            last = _POSSESSIVE_OR_STOP.sub("", tokens[-1])
            if last != tokens[-1]:
                tokens[-1] = last
        tokens = [t for t in tokens if t]
        while tokens and tokens[-1] in _WEEKDAYS:
            tokens.pop()  # "broke with President Obama Monday over ...": a date, no name
        while (
            len(tokens) > 2
            and tokens[-1] in _honours()
            and any(_is_first_name(t) for t in tokens[:-1])
        ):
            tokens.pop()  # "Frank Field MP": the person; not "the Mid Bedfordshire MP"
        if not tokens:
            return None
        # "Wells Fargo CEO John Stumpf": a title inside the run starts the name after it
        cut = 0
        for i, tok in enumerate(tokens[:-1]):
            if (
                i > 0
                and tok in _INNER_TITLES
                and tokens[i - 1] not in ("&", "and")  # "Daily Mail & General Trust"
                and tokens[-1] not in _org_words()  # "Acme General Insurance"
            ):
                cut = i
        if cut:
            tokens, offs = tokens[cut:], offs[cut:]
        holder = self._holder_start(tokens)
        if holder:
            tokens, offs = tokens[holder:], offs[holder:]
        if (
            len(tokens) >= 3
            and tokens[1] in _first_names()
            and tokens[0] not in _first_names()
            # not a title of its own ("Chairman"); a word of a longer title may be
            # a body's name ("the Treasury Paul Boateng")
            and (tokens[0].rstrip("."),) not in _title_set()
            and (
                tokens[0] in _PARTY_ADJECTIVES
                or re.fullmatch(r"[A-Z]{2,3}", tokens[0])  # not an initial ("J.")
                # not a plural ("Senators Charles E. Grassley and ..."): a group
                or (tokens[0].lower() in self._lower_words and tokens[0][-1] != "s")
                # "leader of the Commons Oliver Heald": a body's name, then a person's
                or (
                    self.masked[max(0, offs[0] - 4) : offs[0]] in ("the ", "The ")
                    # "The Trayvon Martin Foundation" is the body's name; "the
                    # Treasury Paul Boateng" a body's, then a person's
                    and not _org_words().intersection(tokens[1:])
                )
            )
        ):
            # "Democrat Bernie Sanders", "AG Michael Mukasey": a label before a first
            # name, no part of the name
            tokens, offs = tokens[1:], offs[1:]
        tokens, offs = _from_first_name(tokens, offs)
        titles, name = _strip_title(tokens)
        if titles and _listed_organisation(" ".join(tokens)):
            titles, name = [], tokens  # "General Motors", "General Electric"
        title_words = _title_words()
        if all(t.lower().rstrip(".") in title_words for t in name):
            return None
        s2 = offs[len(titles)] if len(titles) < len(offs) else offs[0]
        return s2, s2 + len(" ".join(name)), titles, name

    @staticmethod
    def _holder_start(tokens: list[str]) -> int:
        """Where a person's name starts inside a run that opens with a place or an
        organisation ("District of Columbia Joseph diGenova" -> 2, at "Joseph"): a known
        first name after a word that is neither a first name nor a title; 0 if none."""
        names, titles = _first_names(), _title_words()
        for i in range(2, len(tokens) - 1):
            before = tokens[i - 1]
            if (
                tokens[i] in names
                and before[:1].isupper()  # not "Supporters of Hillary Clinton"
                and before not in names
                # "Supporters of Democrat Hillary Clinton", not "Missouri Republican
                # Roy Blunt"
                and not (before in _PARTY_ADJECTIVES and tokens[i - 2] == "of")
                and before.lower().rstrip(".") not in titles
                and not re.fullmatch(r"[A-Z]\.", before)
            ):
                return i
        return 0

    def _in_title(self, pos: int) -> bool:
        i = bisect.bisect_right(self._title_starts, pos)
        return i > 0 and pos < self._title_ends[i - 1]

    def _is_subject(self, pos: int) -> bool:
        """A name that opens its sentence or clause (the likeliest antecedent)."""
        floor = self._sentence_floor(pos, back=0)
        if pos - floor > 300:
            return False  # longer than anything _SUBJECT_LEAD can match
        return bool(_SUBJECT_LEAD.fullmatch(self.masked, floor, pos))

    def _index_names(self) -> None:
        masked = self.masked
        for m in _NAME_RUN.finditer(masked):
            got = self._clean_run(m.start(), m.end())
            if not got:
                continue
            s, e, titles, name = got
            name_text = " ".join(name)
            kind = self._kind(name, titles)
            if kind == "unknown" and _PLACE_BEFORE.search(masked[max(0, s - 10) : s]):
                kind = "place"  # "In Honolulu", "visited Moscow"
            elif (
                kind == "org"
                and len(name) == 1
                and _IN_REGION.search(masked, max(0, s - 20), s)
                and _listed_type(name_text) in ("country", "place")
            ):
                kind = "place"  # "in north London": the city, not its government
            if (
                kind == "person"
                and not titles
                and name[0] not in _first_names()
                and _ARTICLE_BEFORE.search(masked, max(0, s - 6), s)
            ):
                kind = "unknown"  # "The Daily Source Code": a person takes no article
            gender = (
                _gender_of(name_text, " ".join(titles)) if kind == "person" else None
            )
            if self._in_title(s) or (
                len(name) >= 2 and all(_ALL_CAPS.fullmatch(t) for t in name)
            ):
                continue  # headlines, subheads and all-caps datelines are no mentions
            self.names.append((s, e, name_text, kind, gender))
            if self._is_subject(s):
                self._subjects.add(s)
            if titles:
                self._name_roles[s] = _role_words(titles) - _deputy_roles(
                    masked[max(0, m.start() - 12) : s].split()
                )
            acro = _ACRONYM.match(
                masked, m.end() + (1 if masked[m.end() : m.end() + 1] == " " else 0)
            )
            if acro and kind != "person":
                self.acronyms[acro.group(1)] = name_text
        # a name seen as a place once ("in Ohio") is a place everywhere in the article
        # ("Ohio is a swing state. She said ..."): no "he" or "she" lands on it
        places = {
            n[2]
            for n in self.names
            if n[3] == "place"
            and _IN_PLACE.search(masked, max(0, n[0] - 10), n[0])
            and not re.match(r"[’']s\b", masked[n[1] : n[1] + 3])
        }
        # a name someone works at or speaks for ("Tony Macklin, spokesman for Ask
        # Jeeves", "top tester at PC Pro") is an organisation everywhere in the article
        surnames = {n[2].rsplit(" ", 1)[-1] for n in self.names if " " in n[2]}
        employers = {
            n[2]
            for n in self.names
            if n[3] in ("person", "unknown")
            and n[2].split()[0] not in _first_names()
            # one word is no person's surname ("spokesman for Sanders" after Bernie
            # Sanders)
            and n[2] not in surnames
            and _EMPLOYER_BEFORE.search(masked, max(0, n[0] - 40), n[0])
        }
        self.names = [
            (s, e, name, "place", None)
            if kind == "unknown" and name in places
            else (s, e, name, "org", None)
            if name in employers
            else n
            for n in self.names
            for s, e, name, kind, _g in (n,)
        ]
        for n in self.names:
            toks = n[2].split()
            for tok in sorted({toks[0], toks[-1]}):
                self._by_token.setdefault(tok, []).append(n)

    def _kind(self, name: list[str], titles: list[str]) -> str:
        if "&" in name:
            return "org"  # "Procter & Gamble", "Transport & General Worker's Union"
        if len(name) == 1 and name[0] in _PARTY_ADJECTIVES:
            return "group"  # "the Democratic presidential candidate": no person
        if not titles and " ".join(name) in _states() and name[0] not in _first_names():
            return "place"  # "Arkansas", "New Hampshire" (not "Georgia" the person)
        orgs = _org_words()
        places = _place_words()
        if (
            any(t in places for t in name)
            and not titles
            and name[0] not in _first_names()
        ):
            return "place"  # "Oak Street", "Camp David", "Lake Placid"
        if name[-1] in _SURNAME_ORG_WORDS and (
            (len(name) == 2 and name[0] in _first_names())
            or any(t.rstrip(".") in _COURTESY for t in titles)
        ):
            return "person"  # "Chris Fox", "Mr Fox", "Allen West": no Fox News
        if any(t in orgs or t.rstrip("’'s") in orgs for t in name):
            return "org"
        if (
            len(name) >= 2
            and (name[0].lower() in self._lower_words or name[1] == "of")
            and name[0].endswith("s")
            and name[0] not in _first_names()
        ):
            return "group"  # "Residents of Maple Avenue", "Residents of Flint"
        if len(name) == 1 and name[0] in _COMMON_ACRONYMS:
            return "unknown"  # "TV", "GDP": a thing, no organisation for "it"
        if len(name) == 1 and _ACRONYM_NAME.fullmatch(name[0]):
            return "org"
        if len(name) >= 2 and any(
            (t in _STOP_CAPS and t not in tokenize.CALENDAR_WORDS)
            or _ALL_CAPS.fullmatch(t)
            for t in name[1:]
        ):
            return "org"  # a title or a site, not a person: "Gap Goes On", "Today USA"
        if titles or name[0] in _first_names():
            return "person"
        if len(name) >= 2 and _listed_kind(name[0]) == "org":
            return "org"  # "Apple Mac", "Nintendo DS": a listed company's product
        if len(name) >= 2:
            return "person"
        if (
            name[0].endswith("s")
            and not name[0].endswith("ss")
            # not a surname in -s ("Jones", "Evans"): a plural noun of the article,
            # or of a capitalised word the article also writes in the singular
            # ("Muslim refugees" ... "Muslims"), not a first name ("Robert", "Roberts")
            and (
                name[0].lower() in self._lower_words
                or name[0].lower()[:-1] in _speaker_nouns()
                or (
                    name[0][:-1] in self._cap_words
                    and name[0][:-1] not in _first_names()
                )
            )
        ):
            return "group"  # "Demonstrators", "Democrats"
        if len(name) == 1 and not any(
            n[2].endswith(" " + name[0])
            for n in self.names  # "Michael Bloomberg"
        ):
            return _listed_kind(name[0])
        return "unknown"

    def _fullest(
        self, name: str, before: int, gender: str | None = None
    ) -> tuple[str, str, str | None]:
        """The fullest name of the entity `name` (surname or first-name match); with
        `gender` (from a title: "Mr. Cruz"), never a name of the other gender
        ("Heidi Cruz")."""
        # Memoised: the names are all indexed by now, and pronoun resolution asks
        # again for every name in its window.
        key = (name, before, gender)
        found = self._fullest_found.get(key)
        if found is None:
            found = self._fullest_found[key] = self._find_fullest(name, before, gender)
        return found

    def _find_fullest(
        self, name: str, before: int, gender: str | None = None
    ) -> tuple[str, str, str | None]:
        if name in self.acronyms:
            name = self.acronyms[name]
        toks = name.split()
        if not toks:
            return name, "unknown", None
        best = self._nearest_match(toks, before, gender)
        if best is None:
            return name, "unknown", gender
        if len(toks) == 1 and best[3] in ("person", "unknown"):
            # a bare surname ("Johnson said") after a quote of one of its bearers
            recent = self._recent_speaker(toks[0], before, gender)
            if recent is not None:
                # the name only: the bare mention keeps its own weight as an antecedent
                return recent.name, best[3], best[4] or recent.gender
        if len(toks) == 1 and best[3] == "person":
            best = self._surname_bearer(toks[0], gender) or best
        full = self._longest_form(best[2], best[3] == "person", gender)
        g = best[4] or _gender_of(full) or gender
        return full, best[3], g

    def _matches(self, toks: list[str], full: str, kind: str) -> bool:
        ft = full.split()
        n = len(toks)
        if len(ft) < n:
            return False
        if not (ft[-n:] == toks or (n == 1 and ft[0] == toks[0] and kind == "person")):
            return False
        # "Donald" alone rarely names Donald Trump as a speaker; keep exact first-token
        # matches for names of three tokens (Choe Son Hui).
        return not (
            n == 1
            and ft[0] == toks[0]
            and ft[-1] != toks[0]
            and len(ft) == 2
            and ft[0] in _first_names()
        )

    def _nearest_match(
        self, toks: list[str], before: int, gender: str | None = None
    ) -> tuple[int, int, str, str, str | None] | None:
        """The named mention of `toks` closest before `before`, else the first after.

        The mentions sharing the last token are indexed in text order, so this walks out
        from `before` (at most MATCH_STEPS mentions each way) instead of over them all.
        """
        cands = self._by_token.get(toks[-1], [])
        at = bisect.bisect_left(self._token_starts.get(toks[-1], []), before)
        for i in range(at - 1, max(-1, at - 1 - MATCH_STEPS), -1):
            if self._matches(toks, cands[i][2], cands[i][3]) and _same_gender(
                cands[i], gender
            ):
                return cands[i]
        for i in range(at, min(len(cands), at + MATCH_STEPS)):
            if self._matches(toks, cands[i][2], cands[i][3]) and _same_gender(
                cands[i], gender
            ):
                return cands[i]
        return None

    def _recent_speaker(
        self, surname: str, before: int, gender: str | None
    ) -> _Entity | None:
        """The speaker last quoted under the full name of a bearer of `surname`, within
        RECENT_SPEAKER sentences before `before`: a bare surname right after a quote of
        "Homeland Security Secretary Jeh Johnson" continues with him, not with the
        Gary Johnson the article named first (the subject of the previous attribution
        is the likeliest referent). None when no speaker with that surname is that
        recent."""
        cur = self._sentence_index(before)
        for pos, ent in reversed(self.history):
            if pos >= before:
                continue
            if cur - self._sentence_index(pos) > RECENT_SPEAKER:
                return None
            words = ent.name.split()
            # "Bill Clinton said ... Hillary Clinton sought ... Clinton": not Bill
            if words[-1:] == [surname] and self._other_bearer_between(
                ent.name, pos, before
            ):
                return None
            if (
                ent.kind == "person"
                and len(words) >= 2
                and words[-1] == surname
                # a known gender, so that a wife quoted last ("Lolita Grayson") does
                # not take her husband's surname and his "he"
                and ent.gender is not None
                and gender in (None, ent.gender)
                and not self._introduced_as_kin(ent.name)
            ):
                return ent
        return None

    def _other_bearer_between(self, name: str, lo: int, hi: int) -> bool:
        """Whether another person of the surname of `name` is named in full between
        `lo` and `hi`."""
        return any(
            lo < n[0] < hi
            and len(n[2].split()) >= 2
            and n[2] != name
            and not name.endswith(" " + n[2])
            for n in self._by_token.get(name.split()[-1], [])
        )

    def _introduced_as_kin(self, name: str) -> bool:
        """Whether the first mention of `name` follows or precedes a family noun ("his
        wife, Gabriela Violeta Lazar", "Eric Trump, son of ..."): a relative shares the
        surname, which keeps naming the story's person."""
        for n in self._by_token.get(name.split()[-1], []):
            if n[2] == name or (name.endswith(" " + n[2]) and len(n[2].split()) >= 2):
                return bool(
                    _KIN_BEFORE.search(self.masked, max(0, n[0] - 40), n[0])
                    or _KIN_AFTER.match(self.masked, n[1])
                )
        return False

    def _surname_bearer(
        self, surname: str, gender: str | None
    ) -> tuple[int, int, str, str, str | None] | None:
        """The person a bare surname means when the article names several with it
        ("Barack Obama", "Sasha Obama"): the one named first (news introduces its
        protagonist first, a family member later, in full each time), not the last one
        seen. A run opened by a common word of the article ("Neither Warren") names
        no one.
        None when one person or none bears it. Memoised: it does not depend on the
        position."""
        key = (surname, gender)
        if key in self._bearers:
            return self._bearers[key]
        named: dict[str, list[tuple[int, int, str, str, str | None]]] = {}
        for n in self._by_token.get(surname, []):
            toks = n[2].split()
            while len(toks) > 2 and toks[0].lower() in self._lower_words:
                toks = toks[1:]  # "Actor Clint Howard": the first name is Clint
            if (
                n[3] == "person"
                and len(toks) >= 2
                and toks[-1] == surname
                and toks[0].lower() not in self._lower_words  # "Neither Warren"
                and not any(t[:1].islower() for t in toks)  # "One of Trump"
                and not _ACRONYM_NAME.fullmatch(toks[0])  # "AG Mukasey"
                and _same_gender(n, gender)
            ):
                # one person per first name, named without the common word
                named.setdefault(toks[0], []).append(
                    (n[0], n[1], " ".join(toks), *n[3:])
                )
        chosen = None
        if len(named) >= 2:
            first = min(named, key=lambda f: named[f][0][0])
            chosen = named[first][0]
        self._bearers[key] = chosen
        return chosen

    def _longest_form(self, full: str, person: bool, gender: str | None = None) -> str:
        """The longest name of the article that ends like `full` ("Putin" ->
        "Vladimir Putin"), of the same gender if known; memoised, since it does not
        depend on the position."""
        key = (full, person, gender)
        found = self._longest_found.get(key)
        if found is not None:
            return found
        chosen = full
        last = full.split()[-1]
        for _s, _e2, other, _k, _g in self._by_token.get(last, []):
            if (
                len(other) > len(chosen)
                and _same_gender((_s, _e2, other, _k, _g), gender)
                and other.endswith(" " + last)
                and (
                    chosen in other
                    or other.split()[-len(chosen.split()) :] == chosen.split()
                )
                and other.split()[0] not in _title_words()
                and not (person and re.search(r"\s[a-z]", other))
            ):
                chosen = other
        self._longest_found[key] = chosen
        return chosen

    # mentions --------------------------------------------------------------------------

    def resolve(self, start: int, end: int) -> str | None:
        """Canonical name for the speaker mention `text[start:end]`; None if unresolved."""
        mention = self.text[start:end]
        low = mention.lower().strip()
        if low in ("who", "which", "whose"):
            floor = self._sentence_floor(start, back=0)
            comma = self.masked.rfind(",", max(floor, start - 400), start)
            if comma >= floor and not self.masked[comma + 1 : start].strip():
                antecedent = _object_antecedent(
                    self.masked, floor, comma, which=low == "which"
                ) or left_speaker(self.masked, floor, comma + 1)
            elif low == "who" and (
                named := _unclosed_role_name(self.masked, floor, start)
            ):
                # "Evan Bayh, a moderate Indiana Democrat who": the person named
                antecedent = named
            else:
                # no comma: the noun phrase right before ("the Police Department which")
                m = re.search(
                    r"((?:[Tt]he\s+)?(?:[A-Z][\w’'.&-]*\s+)*[A-Z][\w’'.&-]*)\s*$",
                    self.masked[floor:start],
                )
                antecedent = (floor + m.start(1), floor + m.end(1)) if m else None
                if low == "who":
                    # "a staffer at the State Department who", "a young woman who":
                    # a person noun, not the organisation or place after it
                    antecedent = (
                        _person_before_who(
                            self.masked,
                            floor,
                            floor + m.start(1) if m else start,
                            bool(m),
                        )
                        or antecedent
                    )
            if antecedent is None:
                return None
            return self.resolve(*antecedent)
        if low.startswith("whose "):
            # "Smith, whose attorneys": the attorneys of the antecedent
            owner = self.resolve(start, start + len("whose"))
            noun = " ".join(mention.split()[1:])
            return f"{owner}’s {noun}" if owner else noun
        if low in ("i", "me", "my"):
            author = self._author(start)
            if author is not None:
                ent = _Entity(author, "person", _gender_of(author))
                self._remember(start, ent)
                return author
            return None
        if low in PRONOUNS:
            ent = self._pronoun(low, start)
            if ent is not None:
                if ent.gender is None and PRONOUNS[low] in ("m", "f"):
                    # "says Cara Diemont ... she says": the pronoun tells the gender an
                    # unlisted first name did not ("Ms Diemont" is then the same woman)
                    ent = _Entity(ent.name, ent.kind, PRONOUNS[low])
                self._remember(start, ent)
                return ent.name
            return None
        ent = None
        # "A letter sent to Martin Mubanga": the letter as described, not its addressee
        described = _REDUCED_RELATIVE.match(mention) is not None
        if _person_epithet(mention.strip()):
            # "said the 30-year-old", "said the Moroccan": the story's person described
            # again by age or nationality, the likeliest person, as for "he"/"she"
            ent = self._salient("person", start)
        if ent is None and not described:
            ent = (
                self._coordinated(start, end)
                or self._named(start, end)
                or self._possessed(mention, start)
                or self._document_author(mention, start)
                or self._role(mention, start)
                or self._role_from_headline(mention, start)
            )
        if ent is None and _BARE_QUANTIFIER.fullmatch(mention.strip()):
            # "18% said" after "65% of those questioned said": 18% of the same people
            group = None
            for m in _PARTITIVE_SPEAKER.finditer(
                self.masked, self._sentence_floor(start, back=2), start
            ):
                group = m.group(1)
            if group:
                ent = _Entity(f"{mention.strip()} of {group}", "group")
        if ent is None:
            desc = re.sub(r"^(?:the|The)\s+", "", mention.strip(" ,"))
            desc = re.sub(r"\s+", " ", desc)
            kind = (
                "group"
                if re.search(r"s\b", desc.split()[-1] if desc.split() else "")
                else "org"
            )
            ent = _Entity(desc, kind)
            role = desc.split()[-1].lower() if desc.split() else ""
            if role in _roles():
                # "the statement", "a poll": a document, never "the company" later
                kept = (
                    ent.kind if _roles()[role] not in ("person", "document") else None
                )
                ent.kind = kept or _roles()[role]
                ent.roles.add(role)
        self._remember(start, ent)
        return ent.name

    def _document_author(self, mention: str, start: int) -> _Entity | None:
        """A study as the speaker: its author, as the mention names it ("The report by
        Nielsen/NetRatings") or as the story named the author of its latest study before
        ("Research by handset maker Nokia shows ... the research found" -> Nokia; "Pew
        Internet conducted an online survey ... The survey found" -> Pew Internet); None
        if the latest study before has no author ("a massive report on ...")."""
        lead = re.match(r"\s*(?:(?:[Tt]he|[Aa]n?)\s+)?", mention).end()
        by = _DOCUMENT_BY.match(self.masked, start + lead, start + len(mention))
        if by is not None:
            return self._author_entity(by.group(1), by.start(1))
        by = _WORK_BY.search(self.masked, start + lead, start + len(mention))
        if by is not None and by.group(1)[:1].isupper():
            return self._author_entity(by.group(1), by.start(1))
        if not _DOCUMENT.fullmatch(mention.strip()):
            return None
        lo = max(0, start - WINDOW_CHARS)
        # (position, author start, author) of each study before: the last one counts
        studies = [
            (m.start(), -1, None)
            for m in _NEW_DOCUMENT.finditer(self.masked, lo, start)
        ]
        studies += [
            (m.start(1), m.start(1), m.group(1))
            for m in _DOCUMENT_BY.finditer(self.masked, lo, start)
        ]
        studies += [
            (m.end(), m.start(1), m.group(1))
            for m in _DOCUMENT_MAKER.finditer(self.masked, lo, start)
        ]
        if not studies:
            return None
        _, s, name = max(studies)
        return self._author_entity(name, s) if name else None

    def _author_entity(self, name: str, start: int) -> _Entity | None:
        if _listed_place(name) or name in _states():
            return None  # "a report from London": a place, no author
        ent = self._named(start, start + len(name))
        if ent is None or (
            ent.kind == "person" and name.split()[0] not in _first_names()
        ):
            # "Pew Internet": two capitalised words with no first name author as a body
            return _Entity(ent.name if ent else name, "org")
        return ent

    def _possessed(self, mention: str, start: int) -> _Entity | None:
        """ "his lawyer", "her chief of staff": the owner (the possessive resolved as
        its pronoun) and the noun ("John Smith’s lawyer"), so that two people's lawyers
        are two sources; None if the owner is unknown."""
        m = _POSSESSED.fullmatch(mention.strip())
        if m is None:
            return None
        owner = self._pronoun(m.group(1).lower(), start)
        if owner is None:
            return None
        noun = m.group(2)
        mark = "’" if owner.name.endswith("s") else "’s"
        ent = _Entity(
            f"{owner.name}{mark} {noun}", "group" if noun[-1] == "s" else "person"
        )
        role = noun.split()[-1]
        if role in _roles():
            ent.roles.add(role)
        return ent

    def _coordinated(self, start: int, end: int) -> _Entity | None:
        """ "Obama and Reid", "Oklahoma and Nebraska": every name resolved, joined (a
        group), rather than the last one alone."""
        mention = self.masked[start:end]
        if not re.search(r"\s+and\s+[A-Z]", mention):
            return None
        parts = []
        pos = start
        pieces = _COORDINATION.split(mention)
        if all(p in _first_names() for p in pieces[:-1]) and re.match(
            r"(\S+)\s+(?!of\b)[a-z]", pieces[-1]
        ):
            # "Richard and Judy executive producer Amanda Ross": first names alone,
            # joined, name a show or a brand before a role; its holder is the one
            return None
        for piece in pieces:
            s = self.masked.find(piece, pos, end)
            pos = s + len(piece)
            if not piece[:1].isupper() or re.match(r"[RDI]-[A-Z]", piece):
                return None  # not "the mayor", nor a party label "R-Ky."
            ent = self._named(s, pos, bare_first=False)
            if ent is None or ent.name in [p.name for p in parts]:
                return None
            parts.append(ent)
        if len(parts) < 2:
            return None
        names = [p.name for p in parts]
        joined = ", ".join(names[:-1]) + " and " + names[-1]
        return _Entity(joined, "group")

    def _author(self, pos: int) -> str | None:
        """Who "I" is in an opinion piece or a letter: the signature that follows the
        letter ("Vicki Venhuizen."), the byline ("By Jane Doe") or the author's note that
        ends the article ("Charlotte Meehan is playwright-in-residence at ...")."""
        if self._authors is None:
            self._authors = self._index_authors()
        signatures, byline, note = self._authors
        at = bisect.bisect_right([a for a, _ in signatures], pos)
        if at < len(signatures):
            return signatures[at][1]
        return byline or note

    def _index_authors(
        self,
    ) -> tuple[list[tuple[int, str]], str | None, str | None]:
        text = self.text
        signatures, byline, note = [], None, None
        pars = (
            tokenize.paragraphs(text) if self._paragraphs is None else self._paragraphs
        )
        for par in pars:
            body = text[par.start : par.end].strip()
            sign = _SIGNATURE.fullmatch(body)
            if sign and not (set(sign.group(1).split()) & _STOP_CAPS):
                signatures.append((par.start, sign.group(1)))
                continue
            by = _BYLINE.match(body)
            if by and byline is None and par.start < 400:
                byline = by.group(1)
            bio = _AUTHOR_NOTE.match(body)
            if bio:
                note = bio.group(1)  # the last one: the note ends the article
        return signatures, byline, note

    def _remember(self, pos: int, ent: _Entity) -> None:
        self.history.append((pos, ent))
        if ent.gender:
            self._genders[ent.name] = ent.gender

    def _titled_elsewhere(self, surname: str) -> bool:
        """Whether the article writes the surname after a courtesy title ("Ms Diemont"):
        a person, whether or not the first name is a known one."""
        return (
            re.search(
                rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{re.escape(surname)}\b", self.text
            )
            is not None
        )

    def _named(self, start: int, end: int, bare_first: bool = True) -> _Entity | None:
        """The named entity of a speaker mention; `bare_first`: a lone first name may
        be the article's one person with it ("Boris"), not in "David and Jeanne
        Heidler", whose first names share the surname."""
        masked = self.masked
        mention = masked[start:end]
        acro = re.fullmatch(r"(?:the\s+)?([A-Z][A-Z&.-]{1,9}s?)", mention.strip())
        if acro and acro.group(1) in self.acronyms:
            return _Entity(self.acronyms[acro.group(1)], "org")
        # the head name: the last capitalised run that ends the mention, or the run
        # before an apposition / parenthesis ("Hugh Hill, a doctor", "Gwen Moore (D-Wis.)")
        opener = _OPENER_COMMA.match(mention)
        if opener and (
            opener.group(1).lower() in self._lower_words
            or _lone_adverb([opener.group(1)])
        ):
            # "Worse, the companies", "Privately, Mr. Smith": a fronted word, not a name
            return self._named(start + opener.end(), end)
        holder = _HOLDER_AFTER_ACRONYM.match(mention)
        if holder:
            # "World Anti Doping Agency (WADA) chief Dick Pound": the organisation and
            # its acronym modify the role, whose holder is named last
            ent = self._named(start + holder.start(1), end)
            if ent is not None and ent.kind == "person":
                return ent
        head = re.split(r",\s*|\s*\(", mention, maxsplit=1)[0]
        head = re.sub(r"(?<=\w)(?:[’']s|s[’'])$", "", head)  # "Trump’s claim"
        person_of = _PERSON_OF.match(head)
        if person_of and (
            person_of.group(2) in _first_names()
            or person_of.group(2) in _census_first_names()
            or self._titled_elsewhere(person_of.group(1).split()[-1])
        ):
            # "Cara Diemont of IT firm Dimension Data": a person named by first name
            # and surname, then where they work
            ent = self._named(start + person_of.start(1), start + person_of.end(1))
            if ent is not None and ent.kind == "person":
                return ent
        role_then_name = _ROLE_THEN_NAME.match(mention) if head != mention else None
        if role_then_name and (
            mention.startswith(("one", "One")) or _ORG_POSSESSIVE.match(mention)
        ):
            # "one of their lawyers, Michalis Dimitrakopoulos", "IBM's senior vice
            # president of technology and manufacturing, Nick Donofrio": the name after
            # the role (its "of" is the role's, not the head's)
            return self._named(start + role_then_name.end(), end)
        # "reports from South Korea", "a video by the RNC": the head is the common noun
        post = re.search(
            r"\b[a-z][\w’'-]*\s+(?:from|of|by|at|in|with|for|on|about|close to)\s", head
        )
        if post:
            # "former U.S. attorney for the District of Columbia Joseph diGenova": a
            # role with its place, then the name of its holder
            noun = head[post.start() :].split()[0]
            holder = _HOLDER_NAME.search(head, post.end())
            if (
                holder
                and holder.group(2) in _first_names()
                # a person noun: not "supporters of", "a group led by"
                and _actor_noun(noun)
                and not noun.endswith("s")
                and _roles().get(noun, "person") == "person"
                and holder.group(1).lower().rstrip(".") not in _title_words()
                and holder.group(1) not in _PARTY_ADJECTIVES
            ):
                return self._named(start + holder.start(2), start + holder.end())
            return None
        head_end = start + len(head.rstrip(" ,"))
        run = None
        for m in _NAME_RUN.finditer(masked, start, head_end):
            run = m
        if head != mention and _ROLE_THEN_NAME.match(mention):
            # "the spokesman, Peter Carr", "The lawyer, John Dowd": the name after
            # the role
            after = start + _ROLE_THEN_NAME.match(mention).end()
            return self._named(after, end)
        if run is None or run.end() < head_end - 1:
            return None
        got = self._clean_run(run.start(), run.end())
        if not got:
            return None
        _s, _e, titles, name = got
        if (
            len(name) == 1
            and _INDEFINITE.fullmatch(masked, start, _s)
            and _actor_noun(name[0])
        ):
            return None  # "one Democrat who opposed her": someone, not a named one
        name_text = " ".join(name)
        roles = {
            w.lower() for w in re.findall(r"[A-Za-z]+", masked[start : run.start()])
        }
        roles |= _role_words(titles)
        roles -= _deputy_roles(masked[max(0, start - 12) : _s].split())
        full, kind, gender = self._fullest(name_text, start, _title_gender(titles))
        if (
            bare_first
            and len(name) == 1
            and full == name_text
            and name_text in _first_names()
        ):
            # "Boris", "Sir John": the one person of the article with that first name
            bearer = self._first_name_bearer(name_text)
            if bearer is not None:
                full, kind, gender = bearer
        if kind == "unknown":
            kind = self._kind(full.split(), titles)
        gender = gender or _gender_of(full, " ".join(titles) + " " + mention)
        if kind == "person" and not gender:
            gender = self._learned_gender(full)
        ent = _Entity(full, kind, gender, roles & set(_roles()))
        return ent

    def _first_name_bearer(self, first: str) -> tuple[str, str, str | None] | None:
        """(name, kind, gender) of the one person named "<first> <surname>" in the
        article; None if there is none or more than one."""
        found = {
            (n[2], n[3], n[4])
            for n in self._by_token.get(first, ())
            if n[3] == "person" and n[2].split()[0] == first and " " in n[2]
        }
        return found.pop() if len(found) == 1 else None

    def _learned_gender(self, name: str) -> str | None:
        return self._genders.get(name)

    def _tail_count(self, tail: str, before: int) -> int:
        """How often the surname `tail` was mentioned before `before`."""
        return bisect.bisect_left(self._tail_starts.get(tail, []), before)

    def _deputy_first(self) -> dict[str, int]:
        """Where each office is first named with "vice", "deputy", ... before it (one
        pass over the text, kept: every "the president" asks)."""
        if self._deputies is None:
            self._deputies = {}
            for m in _DEPUTY_ROLE.finditer(self.masked):
                self._deputies.setdefault(m.group(1).lower(), m.start())
        return self._deputies

    def _described_role(
        self, mention: str, start: int, fallback: bool
    ) -> _Entity | None:
        """A role noun after more modifiers than `_role` takes, or capitalised ones
        ("the presumptive Republican nominee", "The billionaire real estate magnate"):
        resolved as the bare role, and kept only when every capitalised modifier is
        written next to a mention of the entity found ("Republican presidential
        candidate Donald Trump", "Vermont Sen. Bernie Sanders"), so that "the
        Democratic nominee" is not the Republican one. A former office ("the former
        Florida governor") may be anyone's: left as it is."""
        m = _DESCRIBED_ROLE.fullmatch(mention.strip())
        if not m:
            return None
        modifiers = m.group(1).split()
        if any(
            w.lower() in ("former", "ex", "onetime", "then", "late") for w in modifiers
        ):
            return None
        if _roles().get(m.group(2)) != "person" and m.group(2) not in _epithets():
            return None  # "The Clinton campaign": the organisation of a person
        ent = self._role(f"the {m.group(2)}", start, fallback)
        if ent is None or not _is_proper_name(ent.name):
            return None
        caps = [w for w in modifiers if w[:1].isupper()]
        if all(self._written_near(ent.name, w) for w in caps):
            return ent
        return None

    def _written_near(self, name: str, word: str) -> bool:
        """Whether `word` is part of `name` or written in the words right before a
        mention of it (its surname) in the same phrase ("Georgia businessman Bruce
        LeVell", not "After the New York trip, LeVell")."""
        if word in name.split():
            return True
        masked = self.masked
        for n in self._by_token.get(name.split()[-1], []):
            lo = max(self._sentence_floor(n[0], back=0), n[0] - 50)
            before = re.split(r"[,;:\n\x01()\u2014]", masked[lo : n[0]])[-1]
            if word in before.split():
                return True
        return False

    def _role(self, mention: str, start: int, fallback: bool = True) -> _Entity | None:
        m = re.fullmatch(
            r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+){0,2}([a-z]+)", mention.strip()
        )
        if not m:
            return self._described_role(mention, start, fallback)
        role = m.group(1)
        want = _roles().get(role) or ("person" if role in _epithets() else None)
        if want is None:
            return None
        head = role.capitalize()
        for pos, ent in reversed(self.history):
            if start - pos > 3000:
                break
            if want == "org" and ent.kind == "org" and head in ent.name.split():
                return ent  # "the court": the "U.S. Court of Appeals" quoted before
        if role in _ORG_ROLE_TYPES:
            found = self._organisation_before(start, role)
            if found is not None:
                # "In the latest release of Blinkx, the company has added": the one
                # named in this sentence or the one before, not an earlier speaker
                return found
        unnamed = None  # "Minister" of a headline: kept only if no named one is found
        for pos, ent in reversed(self.history):
            if start - pos > 3000:
                break
            if role in ent.roles and _bare_role(ent.name, role):
                unnamed = unnamed or ent
                continue
            if role in ent.roles or (
                want == "org"
                and ent.kind == "org"
                # a described organisation is another one ("state media" is no
                # "government"); a named one may be ("Pfizer" ... "the company")
                and _is_proper_name(ent.name)
                # but no country or place ("the firm" is not the UK)
                and not (role in _ORG_ROLE_TYPES and _listed_place(ent.name))
            ):
                return ent
        # a named mention introduced with that title ("Defense Minister Paula Diaz")
        starts = self._role_starts.get(role, [])
        at = bisect.bisect_left(starts, start)
        if at:
            s, _e, name, kind, gender = self._name_at[starts[at - 1]]
            return self._entity_for_name(name, kind, gender, s)
        if (
            fallback
            and (role in _PROTAGONIST_ROLES or role in _epithets())
            and self._deputy_first().get(role, start) >= start
        ):
            # "Rubio stopped by ... the senator said": an office the story's person
            # holds, never given as a title; the likeliest person, as for "he"/"she"
            # "the actress": a woman; the other roles say nothing of gender
            found = self._salient("f" if role.endswith("ess") else "person", start)
            if found is not None and not (found.roles & _PROTAGONIST_ROLES) - {role}:
                return found  # not one who holds another office ("London mayor")
        return unnamed

    def _organisation_before(self, start: int, role: str) -> _Entity | None:
        """The organisation named last before `start`, in its sentence or the one
        before (two for "the organisation"), if the actor gazetteer lists it with a
        type the role noun names (no speaker yet: "Nintendo's new console will launch
        in March, the company has announced")."""
        from analysis import actors

        types = _ORG_ROLE_TYPES[role] or actors.ORGANISATION_TYPES
        back = 1 if role in ("company", "firm") else 2
        cur = self._sentence_index(start)
        for s, _e, name, kind, gender in reversed(
            self.names[: bisect.bisect_left(self._name_starts, start)]
        ):
            if cur - self._sentence_index(s) > back:
                return None
            if kind != "org":
                continue
            listed = _listed_type(name)
            if listed in types or (
                # an organisation the gazetteer does not list (its guess for two
                # capitalised words is a person): "CENTR, the Council of European
                # National Top Level Domain Registries, agrees ... the organisation
                # said"; "Argonaut Games ... the company said"
                listed in (None, "person")
                and (not _ORG_ROLE_TYPES[role] or name.split()[-1] in _org_words())
            ):
                return self._entity_for_name(name, kind, gender, s)
        return None

    def _role_from_headline(self, mention: str, start: int) -> _Entity | None:
        """A person role ("the Federal Reserve head") that nothing in the body names:
        the one person of the headline, unless a party or a former office says it may
        be someone else ("the Democratic nominee", "the former governor")."""
        m = _DESCRIBED_ROLE.fullmatch(mention.strip()) or re.fullmatch(
            r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+()([a-z]+)", mention.strip()
        )
        if not m:
            return None
        role, modifiers = m.group(2), m.group(1).split()
        if role in _ANONYMOUS_ROLES or (
            _roles().get(role) != "person" and role not in _epithets()
        ):
            return None
        if any(
            w in _PARTY_ADJECTIVES
            or w.lower() in ("former", "ex", "onetime", "then", "late")
            for w in modifiers
        ):
            return None
        return self._headline_person(start)

    def _headline_person(self, start: int) -> _Entity | None:
        """The one person the headline names, for a role the body has no named
        person for before `start` ("Greenspan warns on deficits" ... "the Federal
        Reserve head said"): many inputs open with their headline, whose names are
        not indexed as mentions. None when the body named a person before, or the
        headline names none or several."""
        if not self._title_starts or any(
            n[0] < start and n[3] == "person" for n in self.names
        ):
            return None
        lo, hi = self._title_starts[0], self._title_ends[0]
        if lo > 200 or hi > start:
            return None  # a subhead further down, or the mention is in the headline
        found = set(self._headline_names(lo, hi))
        if len(found) != 1:
            return None
        name = found.pop()
        return _Entity(name, "person", _gender_of(name))

    def _headline_names(self, lo: int, hi: int) -> list[str]:
        """Person names in the headline `masked[lo:hi]`: a known first name and the
        capitalised word after it ("Alan Greenspan Warns ..." -> "Alan Greenspan"),
        and, in a headline in sentence case, a lone capitalised word that the article
        never writes in lower case and never as a place or organisation
        ("Greenspan warns on deficits")."""
        words = re.findall(r"[A-Za-z][\w’'.-]*", self.masked[lo:hi])
        sentence_case = sum(w[0].isupper() for w in words) < 0.5 * len(words)
        out = []
        for run in _NAME_RUN.finditer(self.masked, lo, hi):
            toks = [re.sub(r"[’']s?$", "", t) for t in run.group(0).split()]
            toks = [t for t in toks if t not in _STOP_CAPS]
            first = next((i for i, t in enumerate(toks) if t in _first_names()), None)
            if first is not None and first + 1 < len(toks):
                out.append(" ".join(toks[first : first + 2]))
            elif (
                sentence_case
                and len(toks) == 1
                and toks[0].lower() not in self._lower_words
                and toks[0].lower() not in _title_words()
                and self._kind(toks, []) == "unknown"
                and not any(n[2] == toks[0] and n[3] != "unknown" for n in self.names)
            ):
                out.append(toks[0])
        return out

    def _pronoun(self, pronoun: str, start: int) -> _Entity | None:
        """The likeliest antecedent: a salience score over recent speakers and named
        mentions (speaker, sentence subject, recency in sentences, frequency)."""
        want = PRONOUNS[pronoun]
        if want == "self":
            return None
        # "he told Hannity": the object of the pronoun's own verb is someone else
        obj = _OWN_OBJECT.match(self.masked, start + len(pronoun))
        return self._salient(want, start, obj.group(1).split()[-1] if obj else None)

    def _salient(
        self, want: str, start: int, not_named: str | None = None
    ) -> _Entity | None:
        """The likeliest entity of kind `want` (m, f, person, org, group) before
        `start`, not one whose name ends with `not_named`."""
        cur = self._sentence_index(start)
        best: dict[str, tuple[float, int, _Entity]] = {}

        def add(ent: _Entity, pos: int, bonus: float, strict: bool) -> None:
            if not self._compatible(ent, want, strict=strict):
                return
            if not_named and ent.name.split()[-1:] == [not_named]:
                return
            score = bonus - W_DISTANCE * (cur - self._sentence_index(pos))
            old = best.get(ent.name)
            if old is None or (score, pos) > (old[0], old[1]):
                best[ent.name] = (score, pos, ent)

        # the window: WINDOW sentences back, and no more than WINDOW_CHARS characters
        # (one endless "sentence" of adversarial text must not make it unbounded)
        lo = self._sentence_starts[max(0, cur - WINDOW)] if self._sentence_starts else 0
        lo = max(lo, start - WINDOW_CHARS)
        for pos, ent in reversed(self.history):
            if cur - self._sentence_index(pos) > WINDOW or pos < lo:
                break
            add(ent, pos, W_SPEAKER, strict=False)

        def count(name: str) -> int:
            return self._tail_count(name.rsplit(" ", 1)[-1], start)

        first = bisect.bisect_left(self._name_starts, lo)
        for s, e, name, kind, gender in self.names[first:]:
            if s >= start:
                break
            if kind == "unknown" and self._modifier(name, e):
                continue  # "The Ethiopian marathoner": no one to refer back to
            ent = self._entity_for_name(name, kind, gender, s)
            if cur - self._sentence_index(s) <= WINDOW:
                bonus = W_SUBJECT if s in self._subjects else W_MENTION
                if ent.kind == "unknown" and want in ("m", "f", "person"):
                    # a bare surname with no title or first name ("Putin"), if the
                    # article keeps using it (places and one-off words do not count);
                    # not after an article ("the Mac mini", "a Vulcan bomber"): a
                    # person's bare surname takes none
                    if count(name) >= 2 and not _ARTICLE_BEFORE.search(
                        self.masked, max(0, s - 6), s
                    ):
                        add(ent, s, bonus - W_UNKNOWN, strict=False)
                else:
                    add(ent, s, bonus, strict=True)
        if want in ("m", "f", "group", "org", "person"):
            # role nouns for named entities: "The president's Pacific roots ... he"
            for m in _ROLE_MENTION.finditer(self.masked, lo, start):
                # no salience fallback inside salience: its cost would compound
                ent = self._role(
                    m.group(0).rstrip("’'s").strip(), m.start(), fallback=False
                )
                if ent is not None:
                    subject = m.start() in self._sentence_start_set
                    add(
                        ent,
                        m.start(),
                        W_SUBJECT if subject else W_MENTION,
                        strict=False,
                    )
        if not best:
            return None
        ranked = sorted(
            best.values(),
            key=lambda v: (
                v[0] + W_FREQUENCY * min(count(v[2].name), 8),
                v[1],
            ),
        )
        return ranked[-1][2]

    def _modifier(self, name: str, end: int) -> bool:
        """A lone capitalised word before a person noun ("The Ethiopian marathoner",
        "Russian leader", "Sanders supporters"): it modifies the noun, no one is named
        there to be an antecedent."""
        if " " in name:
            return False
        m = _NEXT_WORD.match(self.masked, end)
        if not m:
            return False
        word = m.group(1)
        nouns = _speaker_nouns()
        if word in nouns or (word.endswith("s") and word[:-1] in nouns):
            return True
        # an agent noun ("marathoner", "supporters"), not a verb or adverb in -ent or
        # -er ("Murphy sent", "Ryan later")
        return (
            bool(_AGENT_NOUN.search(word))
            and word not in _NOT_AGENTS
            and word not in _NOT_AGENT_ADVERBS
        )

    def _sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def _entity_for_name(
        self, name: str, kind: str, gender: str | None, pos: int
    ) -> _Entity:
        full, k2, g2 = self._fullest(name, pos + 1)
        kind = kind if kind != "unknown" else k2
        return _Entity(full, kind, gender or g2 or self._learned_gender(full))

    def _sentence_floor(self, pos: int, back: int) -> int:
        starts = self._sentence_starts
        idx = max(bisect.bisect_right(starts, pos) - 1, 0)  # the sentence holding pos
        return starts[max(0, idx - back)] if starts else 0

    @staticmethod
    def _compatible(ent: _Entity, want: str, strict: bool = False) -> bool:
        if want in ("m", "f", "person"):
            if ent.kind not in ("person", "unknown") or (
                strict and ent.kind != "person"
            ):
                return False
            if want == "person":
                return _is_proper_name(ent.name)  # not "A spokesman"
            return ent.gender in (None, want)
        if want == "org":
            # "The report found ... It said"; an earlier speaker of no known kind
            # ("Yukos said ... However, it claimed"), never a named mention alone
            return ent.kind in ("org", "document") or (
                not strict and ent.kind == "unknown" and " " not in ent.name
            )
        if want == "group":
            return ent.kind in ("group", "org")
        return False


# ---- is a speaker phrase an actor? ---------------------------------------------------

# A finite verb inside the phrase: it is a narrated clause ("The clip has faced",
# "Officers later found a van"), not a noun phrase.
_CLAUSE_VERB = re.compile(
    r"\b(?:has|have|had|is|are|was|were|did|does|do|will|would|can|could|should|may|"
    r"might|must|shall|[a-z]+n[’']t)\s+\w"
    r"|\b(?:[a-z]{2,}ed|found|made|took|gave|got|saw|met|won|lost|held|left|sent|"
    r"wrote|began|ran|brought|bought|kept|put|set|led|paid|built|sold|struck|hit|"
    r"became|came|went|knew|thought|showed|drew|chose|spent|faced)"
    r"\s+(?:a|an|the|his|her|their|its|this|that|these|those|my|our|some|him|them|it)\b"
)
# Where the head of a speaker phrase ends: an apposition, a relative clause, a
# post-modifier ("a spokesman for the agency", "two people familiar with the talks").
_POSTMODIFIER = re.compile(
    r",|\(|\s(?:who|whom|whose|which|that|of|for|from|at|in|on|with|to|close|familiar|"
    r"involved|working|speaking|based|briefed|near|under|within|known|nicknamed|"
    # "sources inside the White House", but "an inside source" is a source
    r"(?:inside|outside)(?=\s+(?:the|a|an|his|her|their|its|our|[A-Z]))|"
    r"representing|including|like|than)\b"
    r"|\s(?=[a-z]{2,}ing\s+(?:through|in|on|at|to|for|with|from|outside|across|along|"
    r"against|near)\b)"
    r"|\s(?=[a-z]{2,}ed\b(?:\s+(?:at|in|on|by|for|with|from|to|about|during|over|"
    r"under|after|before|near|last|this|earlier)\b|\s*$))"
)
# Quantities whose noun follows "of" ("a number of studies", "two-thirds of voters").
_PARTITIVE = re.compile(
    r"(?:[\w’'-]+\s+)?(?:\d[\d.,%]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|hundreds|thousands|millions|third|thirds|quarter|quarters|half|majority|"
    r"minority|number|proportion|share|percent|some|many|most|all|each|none|both|"
    r"several|few|any|either|neither|group|handful|lot|lots|chorus|array|range|variety|"
    r"host|slew|[a-z]+-thirds|"
    r"[a-z]+-quarters|[a-z]+-fourths|[a-z]+-fifths|one\s+or\s+more|more)"
    r"\s+(?:out\s+)?of\s+(?:the\s+|those\s+|them\b|whom\b)?",
    re.IGNORECASE,
)
# Words that may open a quantity and say nothing of the head ("nearly half").
_SOFT_START = re.compile(
    r"(?:(?:nearly|almost|about|roughly|only|just|more\s+than|fewer\s+than|"
    r"less\s+than|at\s+least|over|under|around|approximately|exactly)\s+)+",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d[\d.,%]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"[a-z]+-thirds|[a-z]+-quarters|dozen|third|quarter|half",
    re.IGNORECASE,
)
# Words that open no noun phrase: adverbs, particles and polite forms.
_NOT_NP_START = frozenset(
    "too far so very please perhaps maybe even still already also "
    "rather quite ever never yes here there now then thus hence "
    "however indeed ahead shortly soon".split()
)
# Agent nouns by their ending ("reporter", "investor", "economist", "historian") and the
# common words with those endings that name no agent.
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|eer|man|woman|person)s?$")
_NOT_AGENTS = frozenset(
    "water weather number numbers power border center centre quarter winter summer "
    "corner river matter letter order other others either whether rather together "
    "after over under ever never paper tower cancer danger dinner hunger layer "
    "manner monster murder shelter silver temper thunder timber wonder answer "
    "chapter cover error factor favor floor honor labor major minor motor mirror "
    "sector terror vapor actor event moment comment content percent element "
    "segment statement argument agreement document government department "
    "parliament treatment movement payment development investment experiment "
    "environment management equipment judgment judgement instrument achievement "
    "announcement assessment commitment employment engagement enforcement "
    "improvement requirement settlement entertainment incident accident talent "
    "extent intent consent descent plant grant giant ant want elephant restaurant "
    "instant distant brilliant significant vacant warrant tenant pleasant "
    "snow rain wind storm fog ice heat cold flood weather".split()
)


# Prepositions and time words that open an adverbial, never a speaker phrase.
_NO_ACTOR_START = re.compile(
    r"(?:[Aa]longside|[Aa]bsent|[Bb]eyond|[Dd]espite|[Aa]mid|[Aa]midst|[Aa]mong|"
    r"[Aa]round|[Bb]ehind|[Bb]etween|[Tt]hrough|[Tt]oward|[Tt]owards|[Uu]nlike|[Uu]pon|"
    r"[Vv]ia|[Ww]ithin|[Ww]ithout|[Dd]uring|[Uu]ntil|"
    r"[Aa]ddressing|[Hh]astily|"
    # "especially among Republicans seeking re-election": a focus adverb opens no subject
    r"[Ee]specially|[Pp]articularly|[Nn]otably)\b"
)
# An abbreviation standing alone: a state in a dateline or address ("Wisc.", "Calif.").
_LONE_ABBREVIATION = re.compile(
    r"(?!(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen)\.)[A-Z][a-z]{1,4}\."
)
# Weather words that open a sentence ("Snow continued"): no name, whatever the capital.
_WEATHER = frozenset(
    "snow rain wind winds storm storms fog ice heat cold flooding".split()
)


@functools.cache
def _speaker_nouns() -> frozenset[str]:
    return lexicons.word_set("quote_speaker_nouns.txt") | _epithets()


def _actor_noun(word: str) -> bool:
    """A common noun that can head a speaker phrase."""
    w = re.sub(r"[’']s?$", "", word.lower())
    nouns = _speaker_nouns()
    if w in nouns or (w.endswith("s") and w[:-1] in nouns):
        return True
    if w.endswith("ies") and w[:-3] + "y" in nouns:
        return True  # agencies, parties
    if w.endswith("ses") and w[:-2] + "is" in nouns:
        return True  # analyses
    return bool(_AGENT_SUFFIX.search(w)) and w not in _NOT_AGENTS and len(w) > 3


def is_actor(
    text: str, start: int, end: int, *, sentence_start: bool, lower_words=frozenset()
) -> bool:
    """Whether `text[start:end]` can name a speaker: a pronoun, a name, or a phrase whose
    head is a person, group, organisation, document or anonymous source. A narrated
    clause, a generic noun phrase, an adverb or a determiner cannot.

    Args:
        sentence_start: the phrase opens its sentence, so a capital is no sign of a name.
        lower_words: the article's lower-case words ("snow" written lower-case elsewhere
            makes a sentence-initial "Snow" a common noun).
    """
    span = text[start:end].strip()
    low = re.sub(r"[’'](?:re|ll|s|d|ve|m)$", "", span.lower())  # "they’re", "she’ll"
    if low in PRONOUNS or low in ("who", "which", "that", "whom", "him", "them", "us"):
        return True  # "according to him"
    if _is_actor_phrase(span, sentence_start, lower_words):
        return True
    # "Last month, the Independent, a British newspaper" / "Speaking in Harlem, Clinton":
    # an opening phrase before the speaker
    comma = span.find(", ")
    return (
        comma > 0
        # "would not be read, preventing lawmakers ...": a clause, no opening phrase
        and not _FINITE_WORD.search(span, 0, comma)
        and _is_actor_phrase(span[comma + 2 :], False, lower_words)
    )


# A comma (and a conjunction) before what can open a subject: a capital, a number or a
# determiner.
_CLAUSE_COMMA = re.compile(
    r",\s+(?:(?:and|but|yet|while)\s+)?"
    r"(?=[A-Z0-9]|(?:the|a|an|his|her|their|its|our|some|many|most|all|several|few|"
    r"other|one|two|three|four|five|about|nearly|more|those|these)\b)"
)
_APPOSITION = re.compile(r"(?:a|an|the)\s+[a-z]")
_FINITE_WORD = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|"
    r"did|does|do)\b"
)


def _is_actor_phrase(span: str, sentence_start: bool, lower_words) -> bool:
    if _NO_ACTOR_START.match(span) or _LONE_ABBREVIATION.fullmatch(span):
        return False  # "Alongside BLM", "Beyond", "Last", "Wisc.", "Calif."
    lead = _WORD.match(span)
    while lead and lead.group().lower() in _NOT_NP_START:
        rest = span[lead.end() :].strip()
        if len(_WORD.findall(rest)) < 2:
            return False  # "far", "please", "too many", "Perhaps"
        span = rest  # "Far more voters"
        lead = _WORD.match(span)
    span = span[_SOFT_START.match(span).end() if _SOFT_START.match(span) else 0 :]
    part = _PARTITIVE.match(span)
    if part and re.search(r"(?:those|them|whom)\s*$", part.group()):
        return True  # "all of whom", "two of them", "a third of those surveyed"
    if part and span[part.end() :].strip():
        span = span[part.end() :]  # "a number of studies": the head is "studies"
    elif part:
        return True  # "all of whom", "two of them"
    head = _POSTMODIFIER.split(span, maxsplit=1)[0]
    if _CLAUSE_VERB.search(head):
        return False
    words = _WORD.findall(head)
    if not words:
        return False
    first = words[0]
    if re.fullmatch(r"[a-z]+(?:ly|ing|ed)", first) and (
        len(words) == 1
        or words[1].lower() in _FUNCTION
        or words[1].lower() in ("back", "up", "out", "off", "near", "down")
    ):
        return False  # "dialing back", "built near a stream", not "elected officials"
    if _NUMBER.fullmatch(words[-1]):
        return True  # "two", "nearly three": anonymous sources by number
    if "." in words[-1].strip(".") and re.search(r"\.[a-z]{2,}$", words[-1]):
        return True  # a web name: "GreatFire.org"
    if re.search(r"\w[’']s?\s+\w", head) and words[-1][:1].islower():
        return _actor_noun(words[-1])  # "Trump’s spokesman", not "Trump’s plan"
    named = [
        i
        for i, w in enumerate(words)
        if (w[0].isupper() or w[0].isdigit() or _PARTICLE_NAME.fullmatch(w))
        and w not in _STOP_CAPS
    ]
    # a capital that only opens the sentence is no name when the word is also written
    # in lower case in the article ("Snow continued", "Health worries")
    if (
        named == [0]
        and sentence_start
        and (
            words[0].lower() in lower_words
            or words[0].lower() in _WEATHER
            or (len(words) > 1 and re.fullmatch(r"[A-Z][a-z]+(?:ed|ing|ly)", words[0]))
            or _lone_adverb(words)
        )
    ):
        named = []
    if named:
        return True
    while len(words) > 1 and (
        words[-1] in tokenize.CALENDAR_WORDS  # "a report Tuesday"
        or words[-1].lower() in ("here", "there", "today", "now", "overall")
        # "all the experts I (interviewed)"
        or words[-1].lower() in ("i", "we", "he", "she", "they", "you")
    ):
        words.pop()
    # not "the", "printed books", "the nation’s rail system"
    return _actor_noun(words[-1])


# A capitalised adverb in -ly ("Publicly", "Essentially", "Recently"); not a name in
# -lly of that shape ("Connolly", "Donnelly", "Reilly") or a short one ("Kelly").
_ADVERB = re.compile(r"[A-Z][a-z]{2,}(?<![eoi]l)ly")


def _lone_adverb(words: list[str]) -> bool:
    """A sentence-initial adverb standing alone ("Publicly, the nominee ...")."""
    return (
        len(words) == 1
        and _ADVERB.fullmatch(words[0]) is not None
        and words[0] not in _first_names()
    )


# A verb inside a speaker phrase, where its subject ends: an auxiliary, a verb in -ed or a
# common irregular past ("a reporter can be heard", "Cruz called them", "The senator
# paused and").
_VERB_TOKEN = re.compile(
    r"\s(?:has|have|had|is|are|was|were|did|does|do|will|would|can|could|should|may|"
    r"might|must|shall|[a-z]+n[’']t|[a-z]{2,}ed|found|made|took|gave|got|saw|met|won|"
    r"lost|held|left|sent|wrote|began|ran|brought|bought|kept|put|led|paid|sold|"
    r"became|came|went|knew|thought|showed|drew|chose|spent|told|said|says)\b"
)
# adverbs and a reflexive between a subject and its verb ("The president himself")
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:[a-z]+ly|later|also|then|again|first|now|himself|herself|themselves|"
    r"itself))+$"
)


_LONE_ARTICLE = re.compile(r"(?:A|An|The|a|an|the)")
# A speech verb inside a speaker phrase ends its subject: no name contains "said"; nor
# does a name run into a past verb and its object ("Cruz knocked Rubio"), while "the
# embattled company" and "another unnamed GOP official" keep their modifiers.
_TRAILING_DATE = re.compile(
    r"\s+(?:on|in)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?[\s,]*$"
)
# A participle that ends a phrase after its noun: "a Des Moines Register poll released".
_TRAILING_PARTICIPLE = re.compile(r"([\w’'-]+)\s+[a-z]{3,}ed$")
_AUX_WORDS = frozenset(
    "be been being is are was were has have had not to who that".split()
)
_SAID = re.compile(r"(?<=\S)\s+(?:said|says|told)\b")
_NAME_VERB = re.compile(
    # not "based": "Moscow based US lawyer Jamie Firestone" is "Moscow-based" unhyphened
    r"\b[A-Z][\w’'.-]*(\s+(?:(?!based\s+[A-Z])[a-z]{2,}ed|took|made|gave|held|sent|won|beat|"
    r"hit))"
    r"(?=\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|him|them|ahead|back|up|out|off|"
    r"on|forward|down|over)\b))"
    # "Tea Party members have challenged": a perfect ends the subject
    r"|(?<=\S)(\s+(?:has|have|had)\s+(?:[a-z]{2,}ed|been|said|told|made|taken)\b)"
)


_LEFT_OVER = re.compile(r"\s+(?:who|that|which|has|have|had|was|were|is|are)$")
# A past verb after a noun that takes an object ("the mayors of Chicago heaped scorn
# upon", "House interns hauled signs") or cannot be a passive participle ("responded on
# Twitter", "vented about"): the phrase is a narrated clause and its subject ends there.
# A passive participle after its noun takes no bare object ("a poll released Tuesday",
# "officials briefed on the talks", "a memo circulated by an analyst").
_CLAUSE_PAST = re.compile(
    r"(?<=[\w.)])\s+((?:responded|replied|reacted|tweeted|vented|exited|testified|spoke)"
    r"\b|[a-z]{3,}ed(?=\s+(?:the|a|an|his|her|their|its|our|him|them|it|us)\b))"
)
# Words after which a verb in -ed is an adjective ("a group of disaffected Ethiopians").
_NOT_BEFORE_VERB = frozenset(
    "the a an his her their its our my your newly of in on at for with and or "
    "another some many most all few both any each two three four five".split()
)
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")


def _verb_cut(text: str, start: int, end: int) -> int | None:
    """Where a speech verb, or a past verb right after a name, ends the subject."""
    m = _SAID.search(text, start, end)
    cut = m.start() if m else None
    if cut is None:
        m = _NAME_VERB.search(text, start, end)
        cut = (m.start(1) if m.group(1) else m.start(2)) if m else None
    if cut is None:
        m = _CLAUSE_PAST.search(text, start, end)
        before = text[start : m.start()].split() if m else []
        if (
            m
            and before
            and before[-1].lower() not in _NOT_BEFORE_VERB
            and not _RELATIVE_WORD.search(text, start, m.start(1))
        ):
            cut = m.start() - len(_trailing_adverbs(text[start : m.start()]))
    while cut is not None:
        # "officials who have [said]": no relative pronoun or auxiliary left over
        tail = _LEFT_OVER.search(text, start, cut)
        if tail is None:
            break
        cut = tail.start()
    if cut is not None:
        cut = start + len(text[start:cut].rstrip(" ,"))  # "Sanders, who has made"
    return cut if cut is not None and cut > start else None


# A participle that modifies the name after it: "Newly sworn in Gov. Matt Bevin",
# "recently elected Mayor Jane Doe".
# A fronted participle phrase left without its comma, as British news often writes it,
# before a courtesy title: "Speaking to the BBC News website [Mr Molyneux] said".
_FRONTED_NO_COMMA = re.compile(
    r"(?:Speaking|Writing|Talking|Addressing|Asked|Interviewed|Commenting)\s"
    r"[^,;\n]{1,80}?\s(?=(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|Prof)\.?\s+[A-Z])"
)
_LEAD_PARTICIPLE = re.compile(
    r"(?:[Nn]ewly|[Rr]ecently|[Jj]ust|[Ff]reshly)\s+(?:sworn|[a-z]+(?:ed|en))"
    r"(?:\s+in)?\s+(?=[A-Za-z])"
)
# The noun phrase after a lone article, up to its verb or a modifier that follows it.
_ARTICLE_NP = re.compile(
    r"(?:\s+[\w’'-]+){1,4}?(?:\s+(?:of|for)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3})?"
    r"(?=\s+(?:in|on|at|who|that|last|this|[a-z]+ed|has|have|had|was|were|is|are|will|"
    r"would|said|says|told|sent|spotted|made|took|wrote)\b)"
)


# A participle of polling that ends a speaker phrase ("those questioned", "voters
# surveyed"): part of the phrase, no verb of its own.
_SURVEYED = re.compile(
    r"\s+(?:questioned|surveyed|polled|interviewed|asked|sampled|contacted|consulted)$"
)


def actor_span(
    text: str, start: int, end: int, *, sentence_start: bool, lower_words=frozenset()
) -> tuple[int, int] | None:
    """The part of a speaker phrase that names an actor: the whole phrase, or the subject
    before a verb when the phrase runs into its clause; None if there is none. A lone
    article ("A" of "A group of doctors in 2015 sent ...") takes its noun phrase."""
    lead = _LEAD_PARTICIPLE.match(text, start, end)
    if lead:
        start = lead.end()  # "Newly sworn in Gov. Matt Bevin": the name after it
    comma = text.find(", ", start, end)
    if (
        comma > start
        and _FRONTED.match(text, start, comma)
        and not _NOT_A_SUBJECT_START.match(text, comma + 2, end)
        and _is_actor_phrase(text[comma + 2 : end], False, lower_words)
    ):
        start = comma + 2  # "Addressing the members, the campaign chief, Paul Manafort"
    for clause in _CLAUSE_COMMA.finditer(text, start, end):
        # "Lieberman could get 100 votes, and Sen. John McCain", "so far, and
        # investigators": a clause or an adverb before the comma, the subject after it
        before = text[start : clause.start()]
        if (
            (
                _FINITE_WORD.search(before)
                or not (
                    _is_actor_phrase(before, False, lower_words)
                    # "So far Canova, a law professor": a name before its apposition
                    or (
                        re.search(r"\b[A-Z]", before)
                        and _APPOSITION.match(text, clause.end())
                    )
                )
            )
            and _is_actor_phrase(text[clause.end() : end], False, lower_words)
        ):
            start = clause.end()
            break
    fronted = _FRONTED_NO_COMMA.match(text, start, end)
    if fronted:
        start = fronted.end()  # "Speaking to the BBC News website Mr Molyneux"
    date = _TRAILING_DATE.search(text, start, end)
    if date and date.start() > start:
        end = date.start()  # "The New Haven Register on July 20, 2006,"
    surveyed = _SURVEYED.search(text, start, end)
    if (
        surveyed
        # not "[chairs that] POLITICO interviewed": a name alone is the subject of a
        # relative clause
        and not re.fullmatch(r"\s*[A-Z][^\s]*\s*", text[start : surveyed.start()])
        and is_actor(
            text,
            start,
            surveyed.start(),
            sentence_start=sentence_start,
            lower_words=lower_words,
        )
    ):
        return start, end  # "Many of those questioned": the participle is theirs
    tail = _TRAILING_PARTICIPLE.search(text, start, end)
    if tail and tail.group(1).lower() not in _FUNCTION | _AUX_WORDS:
        end = tail.start(1) + len(tail.group(1))  # "a Register poll released [Tuesday]"
    cut = _verb_cut(text, start, end)
    if cut and is_actor(
        text, start, cut, sentence_start=sentence_start, lower_words=lower_words
    ):
        end = cut  # ", McConnell said in June 2012, citing": the subject
    if _LONE_ARTICLE.fullmatch(text, start, end):
        np = _ARTICLE_NP.match(text, end)
        if np is None:
            return None
        end = np.end()
    if is_actor(
        text, start, end, sentence_start=sentence_start, lower_words=lower_words
    ):
        return start, end
    verb = _VERB_TOKEN.search(text, start, end)
    if verb is None:
        return None
    subject = text[start : verb.start()]
    subject = subject[: len(subject) - len(_trailing_adverbs(subject))].rstrip(" ,")
    if not subject or subject.lower() in ("who", "which", "that"):
        return None
    e = start + len(subject)
    if is_actor(text, start, e, sentence_start=sentence_start, lower_words=lower_words):
        return start, e
    return None


def _trailing_adverbs(subject: str) -> str:
    m = _TRAILING_ADVERBS.search(subject)
    return m.group() if m else ""
