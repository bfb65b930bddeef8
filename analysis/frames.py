"""How a story is framed: claims and their certainty, cues, frames, episodic/thematic.

`analyze(text)` gathers the framing indicators of one article, each with its evidence
(offsets and the words that triggered it):
- cues (`Cue.kind` / `Cue.label`): hedge (modal, adverb, epistemic verb, doxastic,
  conditional, investigation), evidential (hearsay, according to, alleged, and
  unconfirmed for negated or pending confirmation), booster (`analysis.hedging`); verb
  class (neutral, endorsing, distancing, emotive, directive; `analysis.sources`); frame
  (a frame name; "S&V: <frame>" for the generic frames); loaded (pejorative, emotive);
- claims: a sentence, or the content of an attributed quote, with a certainty in
  [0, 1], its source and source type, the actors in it and its cues;
- frames: two separate answers. The policy frames (the 15 dimensions of the Policy
  Frames Codebook, Boydstun et al. 2014, as in the Media Frames Corpus) and the five
  generic frames of Semetko & Valkenburg (2000), each scored from cue lexicons the
  project wrote, a cue counting only in its frame sense (`frame_senses.tsv`) and
  weighted by its specificity (PolNeAR document frequency) and its position (headline,
  lead); every policy frame past a calibrated threshold, with evidence from two
  sentences unless the headline states it, is selected (`policy_frames`); none
  selected is "no dominant frame" (`primary_frame` "Other"). See docs/framing.md;
- an episodic vs thematic indicator (Iyengar 1991).
Quotes and actors come from `analysis.quotes` and `analysis.actors` when installed;
without them every claim is the narrator's and names no actors.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from analysis import document, hedging, lexicons, sources, tokenize
from analysis.cues import Cue, SentenceLocator, WordMatcher, Words, words_of
from analysis.sources import UNATTRIBUTED, source_type, verb_class

__all__ = [
    "Claim",
    "Cue",
    "EpisodicThematic",
    "FrameJudgment",
    "FrameScore",
    "FramesResult",
    "SentenceFrame",
    "analyze",
    "judge",
    "source_type",
    "verb_class",
]

# The 15 dimensions of the Policy Frames Codebook, in codebook order (names are facts;
# the descriptions and cues in analysis/data/frame_cues.tsv are our own).
MFC_FRAMES = (
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
    "Other",
)
# The five generic news frames of Semetko & Valkenburg (2000).
GENERIC_FRAMES = (
    "Conflict",
    "Human interest",
    "Economic consequences",
    "Morality",
    "Responsibility",
)
FAMILIES = MappingProxyType({"mfc": MFC_FRAMES, "generic": GENERIC_FRAMES})

# Position weights: the headline and the lead carry the frame (inverted pyramid; the
# Media Frames Corpus codes a headline frame apart from the primary frame).
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LEAD_SENTENCES = 2  # sentences of the first body paragraph that count as the lead
# Specificity (docs/framing.md): a cue found in at most this share of PolNeAR train
# articles weighs 1; a commoner one weighs its inverse document frequency relative to
# that, down to the floor ("republican*" in 70% of those political articles).
SPECIFICITY_FULL_SHARE = 0.01
SPECIFICITY_FLOOR = 0.25
# Selection of policy frames, chosen on half A of the development sets
# (benchmarks/eval_frames.py): a frame is selected when its specificity-weighted
# evidence reaches SELECT_MIN and SELECT_SHARE of the family's, and comes from at least
# two sentences (one, when the text has one sentence or the headline states it).
SELECT_MIN = 0.5
SELECT_SHARE = 0.1
MIN_SENTENCES = 2
# What the report says when no policy frame is selected; `primary_frame` is then the
# codebook's "Other".
NO_DOMINANT_FRAME = "no dominant frame"
# Episodic vs thematic: the share of marked sentences that are thematic.
THEMATIC_ABOVE = 0.6
EPISODIC_BELOW = 0.4

# Certainty adjustments from the attribution (see hedging.certainty for the cues):
# a distancing verb keeps 80% of it, an emotive verb 95%; an endorsing verb closes
# 15% of the gap to 1; an anonymous or vague source keeps 90%.
_VERB_FACTOR = MappingProxyType({"distancing": 0.8, "emotive": 0.95})
_VERB_BOOST = MappingProxyType({"endorsing": 0.15})
_VAGUE_FACTOR = 0.9
# Evidentials that make a claim hearsay with no named source ("unattributed").
_HEARSAY = frozenset({"hearsay"})


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim: a sentence, or the content of an attributed quote.

    `source` is the speaker's canonical name (or the mention as written), "narrator"
    for a sentence in the writer's own voice, or "unattributed" for hearsay with no
    named source ("reportedly", "is said to") and for a quote with a cue but no
    speaker. `actors` are canonical actor names in
    order of first mention; `cues` the cues that bear on it (its own, and the hedge or
    reporting verb that introduces it).
    """

    start: int
    end: int
    text: str
    certainty: float
    source: str
    source_type: str
    actors: tuple[str, ...]
    cues: tuple[Cue, ...]
    sentence: int
    verb_class: str | None = None


@dataclass(frozen=True, slots=True)
class FrameScore:
    """One frame of one family: `score` is its share of the family's weighted cues.

    `evidence` holds the frame cues (offsets, words, sentence; `Cue.weight` is the
    cue's specificity); `terms` the distinct cue words, most frequent first; `hits` the
    number of cues, `weighted` their sum weighted by specificity and by headline and
    lead position; `sentences` the sentences with evidence; `selected` whether the frame
    passes the calibrated threshold; `rank` its place in its family (1 = strongest, 0
    for a frame with no evidence).
    """

    frame: str
    family: str
    score: float
    evidence: tuple[Cue, ...]
    terms: tuple[str, ...]
    hits: int
    weighted: float
    sentences: tuple[int, ...] = ()
    selected: bool = False
    rank: int = 0


@dataclass(frozen=True, slots=True)
class SentenceFrame:
    """The cues of one frame in one sentence, with the sentence's position weight."""

    sentence: int
    family: str
    frame: str
    hits: int
    weight: float
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EpisodicThematic:
    """Iyengar's episodic vs thematic framing, from sentence markers.

    `score` is the share of marked sentences that are thematic (0.5 with none);
    `label` is episodic, thematic, mixed, or none when no sentence is marked.
    """

    label: str
    score: float
    episodic: tuple[int, ...]
    thematic: tuple[int, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FramesResult:
    """Everything `analyze` finds in one article."""

    cues: tuple[Cue, ...]
    claims: tuple[Claim, ...]
    frames: tuple[FrameScore, ...]
    primary_frame: str
    generic_frame: str | None
    episodic: EpisodicThematic
    speakers: tuple[sources.SpeakerVerbs, ...]
    source_types: tuple[sources.SourceShare, ...]
    sentence_frames: tuple[SentenceFrame, ...]
    policy_frames: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FrameJudgment:
    """The frame answer alone (`judge`): selected policy frames, strongest first.

    `ranked` lists every policy frame with evidence, strongest first; `primary` is the
    first selected frame or "Other" (no dominant frame); `generic` the strongest
    generic frame with enough evidence, a separate answer.
    """

    selected: tuple[str, ...]
    ranked: tuple[str, ...]
    primary: str
    generic: str | None
    frames: tuple[FrameScore, ...]


# ---- lexicons ---------------------------------------------------------------------


@functools.cache
def _frame_matchers() -> MappingProxyType:
    per_family: dict[str, dict[str, tuple[str, str]]] = {f: {} for f in FAMILIES}
    for number, (family, frame, cue) in enumerate(
        lexicons.table("frame_cues.tsv", 3), start=1
    ):
        if family not in FAMILIES or frame not in FAMILIES[family]:
            raise lexicons.LexiconError(
                f"frame_cues.tsv:{number}: unknown frame {family}/{frame}"
            )
        key = cue.lower()
        if key in per_family[family]:
            raise lexicons.LexiconError(f"frame_cues.tsv: duplicate cue {cue!r}")
        per_family[family][key] = (cue, frame)
    return MappingProxyType(
        {
            family: WordMatcher(
                (cue, (frame,)) for _, (cue, frame) in sorted(cues.items())
            )
            for family, cues in per_family.items()
        }
    )


@dataclass(frozen=True, slots=True)
class _Sense:
    before: re.Pattern | None
    after: re.Pattern | None
    meaning: str | None  # None: the cue signals no frame there


@functools.cache
def _senses() -> MappingProxyType:
    """(family, cue) -> the sense rules of that cue, in file order."""
    known = {
        (f, c.lower()): frame for f, frame, c in lexicons.table("frame_cues.tsv", 3)
    }
    out: dict[tuple[str, str], list[_Sense]] = {}
    rows = lexicons.table("frame_senses.tsv", 5)
    for number, (family, cue, before, after, meaning) in enumerate(rows, start=1):
        key = (family, cue.lower())
        if key not in known:
            raise lexicons.LexiconError(f"frame_senses.tsv:{number}: no cue {cue!r}")
        if meaning != "-" and meaning not in FAMILIES[family]:
            raise lexicons.LexiconError(f"frame_senses.tsv:{number}: frame {meaning!r}")
        try:
            sense = _Sense(
                None
                if before == "*"
                else re.compile(rf"(?:{before})(?:['’]s)?[\s'’-]*$", re.IGNORECASE),
                None if after == "*" else re.compile(rf"\s*(?:{after})", re.IGNORECASE),
                None if meaning == "-" else meaning,
            )
        except re.error as exc:
            raise lexicons.LexiconError(f"frame_senses.tsv:{number}: {exc}") from exc
        out.setdefault(key, []).append(sense)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})


@functools.cache
def _specificity() -> MappingProxyType:
    """(family, cue) -> weight in [SPECIFICITY_FLOOR, 1] from PolNeAR train counts."""
    rows = lexicons.table("frame_cue_df.tsv", 3)
    total = next((int(n) for f, c, n in rows if f == "*"), 0)
    if total <= 0:
        raise lexicons.LexiconError("frame_cue_df.tsv: no '*  articles' row")
    full = math.log((total + 1) / (SPECIFICITY_FULL_SHARE * total + 1))
    out = {}
    for family, cue, count in rows:
        if family == "*":
            continue
        idf = math.log((total + 1) / (int(count) + 1))
        out[(family, cue)] = min(1.0, max(SPECIFICITY_FLOOR, idf / full))
    return MappingProxyType(out)


# Context looked at around a cue for its sense (longer than any rule's words).
_SENSE_WINDOW = 48


def _sense_of(text: str, start: int, end: int, rules: Sequence[_Sense]) -> str | bool:
    """The frame a sense rule gives the cue, None for no frame, or True: no rule."""
    before = text[max(0, start - _SENSE_WINDOW) : start]
    after = text[end : end + _SENSE_WINDOW]
    for rule in rules:
        if rule.before is not None and rule.before.search(before) is None:
            continue
        if rule.after is not None and rule.after.match(after) is None:
            continue
        return rule.meaning
    return True


@functools.cache
def _loaded_matcher() -> WordMatcher:
    seen: dict[str, str] = {}
    for label, cue in lexicons.table("loaded_words.tsv", 2):
        key = cue.lower()
        if key in seen:
            raise lexicons.LexiconError(f"loaded_words.tsv: duplicate cue {cue!r}")
        seen[key] = label
    return WordMatcher((cue, (label,)) for cue, label in sorted(seen.items()))


@functools.cache
def _episodic_patterns() -> MappingProxyType:
    """First word ("#" for a number) -> (label, pattern) pairs that may start there."""
    by_word: dict[str, list[tuple[str, re.Pattern]]] = {}
    for label, first_words, pattern in lexicons.table("episodic_thematic.tsv", 3):
        if label not in ("episodic", "thematic"):
            raise lexicons.LexiconError(f"episodic_thematic.tsv: label {label!r}")
        regex = re.compile(rf"(?:{pattern})(?![\w-])", re.IGNORECASE)
        for word in first_words.split(","):
            by_word.setdefault(word.strip(), []).append((label, regex))
    return MappingProxyType({w: tuple(v) for w, v in by_word.items()})


# ---- the parts ------------------------------------------------------------------------


def _lexicon_cues(
    text: str,
    locate: SentenceLocator,
    matcher: WordMatcher,
    kind: str,
    prefix: str,
    words: Words | None = None,
) -> list[Cue]:
    return [
        Cue(
            kind,
            prefix + m.values[0],
            m.start,
            m.end,
            text[m.start : m.end],
            locate(m.start),
        )
        for m in matcher.find(text, words)
    ]


def frame_cues(
    text: str,
    sentences: Sequence[tokenize.Sentence] | None = None,
    words: Words | None = None,
) -> list[Cue]:
    """Frame cues of both families, sorted; generic frames are labelled "S&V: <frame>".

    >>> [(c.label, c.text) for c in frame_cues("Troops crossed the border.")]
    [('Security and defense', 'Troops')]
    """
    sents = tokenize.sentences(text) if sentences is None else list(sentences)
    locate = SentenceLocator(sents)
    matchers = _frame_matchers()
    senses, weights = _senses(), _specificity()
    words = words_of(text) if words is None else words
    matched = _title_case_lowered(text, sents)
    if matched != text:
        # Same words at the same offsets (ASCII case only): only the capitals differ.
        words = dataclasses.replace(words, text=matched)
    out = []
    for family, prefix in (("mfc", ""), ("generic", "S&V: ")):
        for m in matchers[family].find(matched, words):
            key = (family, m.entry.lower())
            frame = m.values[0]
            if key in senses:
                sense = _sense_of(text, m.start, m.end, senses[key])
                if sense is None:
                    continue  # the word in another sense ("airport security")
                if sense is not True:
                    frame = sense
            out.append(
                Cue(
                    "frame",
                    prefix + frame,
                    m.start,
                    m.end,
                    text[m.start : m.end],
                    locate(m.start),
                    weights.get(key, 1.0),
                )
            )
    return sorted(out, key=_cue_key)


# A headline in Title Case capitalises every long word, so there a capital does not mark
# a name ("Students Lead Rallies for Gun Control"): such a line is matched in lower case.
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
TITLE_CASE_SHARE = 1.0  # share of words of 4+ letters that are capitalised (all)
TITLE_CASE_WORDS = 3  # at least this many such words


def _title_case(sentence: str) -> bool:
    long = _LONG_WORD.findall(sentence)
    if len(long) < TITLE_CASE_WORDS:
        return False
    return sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def _title_case_lowered(text: str, sents: Sequence[tokenize.Sentence]) -> str:
    """`text` with its Title Case lines in lower case (same length, same offsets)."""
    parts, last = [], 0
    for s in sents:
        if s.kind not in ("title", "sentence") or not _title_case(s.text):
            continue
        lowered = text[s.start : s.end].lower()
        if len(lowered) != s.end - s.start:  # a character whose lower case is longer
            continue
        parts += [text[last : s.start], lowered]
        last = s.end
    return "".join([*parts, text[last:]]) if parts else text


def loaded(
    text: str,
    sentences: Sequence[tokenize.Sentence] | None = None,
    words: Words | None = None,
) -> list[Cue]:
    """Loaded and emotive words (label pejorative or emotive), sorted.

    >>> [(c.label, c.text) for c in loaded("The regime's brutal crackdown.")]
    [('pejorative', 'regime'), ('emotive', 'brutal'), ('emotive', 'crackdown')]
    """
    sents = tokenize.sentences(text) if sentences is None else list(sentences)
    locate = SentenceLocator(sents)
    return _lexicon_cues(text, locate, _loaded_matcher(), "loaded", "", words)


def _cue_key(c: Cue) -> tuple:
    return (c.start, c.end, c.kind, c.label)


def _weights(sents: Sequence[tokenize.Sentence]) -> dict[int, float]:
    weights = {}
    lead_paragraph = next((s.paragraph for s in sents if s.kind == "sentence"), None)
    lead_seen = 0
    for s in sents:
        if s.kind == "title":
            weights[s.index] = TITLE_WEIGHT
        elif (
            s.kind == "sentence"
            and s.paragraph == lead_paragraph
            and lead_seen < LEAD_SENTENCES
        ):
            weights[s.index] = LEAD_WEIGHT
            lead_seen += 1
        elif s.kind == "sentence":
            weights[s.index] = 1.0
        else:
            weights[s.index] = 0.0  # bylines and credits frame nothing
    return weights


def _family_of(cue: Cue) -> tuple[str, str]:
    if cue.label.startswith("S&V: "):
        return "generic", cue.label[5:]
    return "mfc", cue.label


def _frame_scores(
    cues: Sequence[Cue], sents: Sequence[tokenize.Sentence]
) -> tuple[list[FrameScore], list[SentenceFrame], str, str | None, tuple[str, ...]]:
    """Scores of both families, per-sentence frames, primary, generic, selected."""
    weights = _weights(sents)
    titles = {s.index for s in sents if s.kind == "title"}
    counted = sum(1 for w in weights.values() if w > 0)
    per_sentence: dict[tuple[int, str, str], list[Cue]] = {}
    for c in cues:
        if c.kind == "frame" and weights.get(c.sentence, 0.0) > 0.0:
            per_sentence.setdefault((c.sentence, *_family_of(c)), []).append(c)
    sentence_frames = []
    totals: dict[tuple[str, str], list] = {}
    for (index, family, frame), items in sorted(per_sentence.items()):
        w = weights[index]
        terms = tuple(sorted({c.text.lower() for c in items}))
        sentence_frames.append(
            SentenceFrame(index, family, frame, len(items), w, terms)
        )
        slot = totals.setdefault((family, frame), [0.0, []])
        slot[0] += w * sum(c.weight for c in items)
        slot[1].extend(items)
    scores: list[FrameScore] = []
    chosen: dict[str, tuple[str, ...]] = {}
    for family, frames in FAMILIES.items():
        family_total = sum(v[0] for (f, _), v in totals.items() if f == family)
        rows = []
        for order, frame in enumerate(frames):
            weighted, items = totals.get((family, frame), (0.0, []))
            where = tuple(sorted({c.sentence for c in items}))
            share = weighted / family_total if family_total else 0.0
            rows.append((frame, order, weighted, share, items, where))
        need = min(MIN_SENTENCES, counted)
        passing = {
            r[0]
            for r in rows
            if r[2] >= SELECT_MIN
            and r[3] >= SELECT_SHARE
            and (len(r[5]) >= need or any(i in titles for i in r[5]))
        }
        # Selected frames rank first, so that rank 1 is the primary frame and a chart
        # ordered by rank never puts an unselected frame above the answer.
        ranked = sorted(
            (r for r in rows if r[2] > 0),
            key=lambda r: (r[0] not in passing, -r[2], -len(r[4]), r[1]),
        )
        rank_of = {r[0]: n for n, r in enumerate(ranked, start=1)}
        picked = tuple(r[0] for r in ranked if r[0] in passing)
        chosen[family] = picked
        for frame, _, weighted, share, items, where in rows:
            counts = Counter(c.text.lower() for c in items)
            terms = tuple(
                t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            )
            scores.append(
                FrameScore(
                    frame,
                    family,
                    share,
                    tuple(sorted(items, key=_cue_key)),
                    terms,
                    len(items),
                    weighted,
                    where,
                    frame in picked,
                    rank_of.get(frame, 0),
                )
            )
    primary = chosen["mfc"][0] if chosen["mfc"] else "Other"
    generic = chosen["generic"][0] if chosen["generic"] else None
    return scores, sentence_frames, primary, generic, chosen["mfc"]


def judge(
    text: str, sentences: Sequence[tokenize.Sentence] | None = None
) -> FrameJudgment:
    """The policy frames of a text with their evidence, without claims or quotes.

    >>> judge("Troops crossed the border. The army shelled the town.").selected
    ('Security and defense',)
    """
    if not isinstance(text, str):
        raise TypeError(f"judge needs a str, got {type(text).__name__}")
    sents = tokenize.sentences(text) if sentences is None else list(sentences)
    locate = SentenceLocator(sents)
    cues = [c for c in frame_cues(text, sents) if locate.kind(c.start) != "byline"]
    scores, _, primary, generic, selected = _frame_scores(cues, sents)
    ranked = tuple(
        f.frame
        for f in sorted(
            (f for f in scores if f.family == "mfc" and f.rank), key=lambda f: f.rank
        )
    )
    return FrameJudgment(selected, ranked, primary, generic, tuple(scores))


def episodic_thematic(
    text: str,
    sentences: Sequence[tokenize.Sentence] | None = None,
    words: Words | None = None,
) -> EpisodicThematic:
    """Episodic vs thematic framing from date/event and trend/statistic markers.

    >>> episodic_thematic("Unemployment has risen 3 percent since 2010.").label
    'thematic'
    """
    sents = tokenize.sentences(text) if sentences is None else list(sentences)
    body = [s for s in sents if s.kind in ("sentence", "title")]
    marked: dict[str, set[int]] = {"episodic": set(), "thematic": set()}
    evidence: set[str] = set()
    locate = SentenceLocator(sents)
    patterns = _episodic_patterns()
    words = words_of(text) if words is None else words
    # Only where a marker may begin (its first word, or "#" for a number).
    for key in patterns.keys() & words.positions.keys():
        for i in words.positions[key]:
            start = words.spans[i][0]
            for label, regex in patterns[key]:
                m = regex.match(text, start)
                if m is None or locate.kind(start) == "byline":
                    continue
                marked[label].add(locate(start))
                evidence.add(" ".join(m.group().lower().split()))
    episodic, thematic = len(marked["episodic"]), len(marked["thematic"])
    if not body or episodic + thematic == 0:
        return EpisodicThematic("none", 0.5, (), (), ())
    score = thematic / (episodic + thematic)
    label = (
        "thematic"
        if score > THEMATIC_ABOVE
        else "episodic"
        if score < EPISODIC_BELOW
        else "mixed"
    )
    return EpisodicThematic(
        label,
        score,
        tuple(sorted(marked["episodic"])),
        tuple(sorted(marked["thematic"])),
        tuple(sorted(evidence)),
    )


# Longer than any hedge, evidential or verb cue (for finding cues around a quote's cue).
_MAX_CUE = 120


class _Spans:
    """Records sorted by start, with the ones starting in [lo, hi) found by bisection."""

    def __init__(self, items: Sequence[Any]):
        self.items = sorted(items, key=lambda r: (r.start, r.end))
        self.starts = [r.start for r in self.items]

    def starting_in(self, lo: int, hi: int) -> list[Any]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi, i)
        return self.items[i:j]


def _actors_in(mentions: _Spans, start: int, end: int) -> tuple[str, ...]:
    names: list[str] = []
    for m in mentions.starting_in(start, end):
        if m.end <= end and m.actor not in names:
            names.append(m.actor)
    return tuple(names)


def _certainty(cues: Sequence[Cue], verb: str | None, kind: str) -> float:
    value = hedging.certainty(cues)
    if verb in _VERB_FACTOR:
        value *= _VERB_FACTOR[verb]
    if verb in _VERB_BOOST:
        value += (1.0 - value) * _VERB_BOOST[verb]
    if kind == "anonymous or vague":
        value *= _VAGUE_FACTOR
    return min(max(value, 0.0), 1.0)


def _claims(
    text: str,
    sents: Sequence[tokenize.Sentence],
    cues: Sequence[Cue],
    quotes: Sequence[Any],
    mentions: Sequence[Any],
    types: dict[str, str],
) -> list[Claim]:
    stance_cues = _Spans(
        [c for c in cues if c.kind in ("hedge", "evidential", "booster")]
    )
    verb_cues = _Spans([c for c in cues if c.kind == "verb class"])
    actors = _Spans(mentions)
    spoken = sources.attributed(quotes)
    locate = SentenceLocator(sents)
    # The attributed quotes that overlap each sentence, in order.
    by_sentence: dict[int, list[int]] = {}
    for number, q in enumerate(spoken):
        first, last = locate(q.start), locate(max(q.start, q.end - 1))
        for index in range(first, last + 1):
            by_sentence.setdefault(index, []).append(number)
    claimed: set[int] = set()
    out = []
    for s in sents:
        if s.kind not in ("sentence", "title"):
            continue
        inside = [
            n
            for n in by_sentence.get(s.index, ())
            if spoken[n].start < s.end and s.start < spoken[n].end
        ]
        if inside:
            for n in inside:
                if n in claimed:
                    continue
                claimed.add(n)
                out.append(
                    _quote_claim(text, spoken[n], stance_cues, verb_cues, actors, types)
                )
            continue
        own = stance_cues.starting_in(s.start, s.end)
        own += verb_cues.starting_in(s.start, s.end)
        own = tuple(sorted(own, key=_cue_key))
        hearsay = any(c.kind == "evidential" and c.label in _HEARSAY for c in own)
        source, kind = (
            (UNATTRIBUTED, "anonymous or vague")
            if hearsay
            else ("narrator", "narrator")
        )
        out.append(
            Claim(
                s.start,
                s.end,
                s.text,
                _certainty(own, None, kind),
                source,
                kind,
                _actors_in(actors, s.start, s.end),
                own,
                s.index,
                None,
            )
        )
    out.sort(key=lambda c: (c.start, c.end, c.source))
    return out


def _quote_claim(
    text: str,
    q: Any,
    stance_cues: _Spans,
    verb_cues: _Spans,
    mentions: _Spans,
    types: dict[str, str],
) -> Claim:
    verb = verb_class(q.cue)
    own = stance_cues.starting_in(q.start, q.end)
    has_cue = q.cue_start is not None and q.cue_end is not None
    if has_cue:
        # Cues are short: one overlapping the reporting cue starts shortly before it.
        lo, hi = q.cue_start - _MAX_CUE, q.cue_end
        at_cue = [c for c in stance_cues.starting_in(lo, hi) if q.cue_start < c.end]
        # The verb's class already weighs in; a hedge that is the cue ("suggest") or
        # an evidential ("according to") counts only when the verb has no class.
        if verb is None or q.cue.strip().lower() == "according to":
            own += at_cue
        own += [c for c in verb_cues.starting_in(lo, hi) if q.cue_start < c.end]
    own = sorted(set(own), key=_cue_key)
    name = q.speaker or q.speaker_text or UNATTRIBUTED
    kind = types.get(name) or source_type(q.speaker_text, q.speaker)
    cues_for_score = [c for c in own if c.kind != "verb class"]
    return Claim(
        q.start,
        q.end,
        text[q.start : q.end],
        _certainty(
            cues_for_score,
            None if q.cue and q.cue.strip().lower() == "according to" else verb,
            kind,
        ),
        name,
        kind,
        _actors_in(mentions, q.start, q.end),
        tuple(own),
        q.sentence,
        verb,
    )


def _quote_verb_cues(
    text: str, quotes: Sequence[Any], locate: SentenceLocator, found: Sequence[Cue]
) -> list[Cue]:
    """Verb-class cues for the quotes' own cues that the running-text scan missed."""
    have = {(c.start, c.end) for c in found}
    out = []
    for q in quotes:
        if q.cue_start is None or q.cue_end is None or (q.cue_start, q.cue_end) in have:
            continue
        cls = verb_class(q.cue)
        if cls is None or q.cue.strip().lower() == "according to":
            continue
        have.add((q.cue_start, q.cue_end))
        out.append(
            Cue(
                "verb class",
                cls,
                q.cue_start,
                q.cue_end,
                text[q.cue_start : q.cue_end],
                locate(q.cue_start),
            )
        )
    return out


def analyze(
    text: document.TextOrDocument,
    *,
    sentences: Sequence[tokenize.Sentence] | None = None,
    quotes: Sequence[Any] | None = None,
    mentions: Sequence[Any] | None = None,
) -> FramesResult:
    """All framing indicators of one article.

    Args:
        text: the article's Document (or its text); every offset points into it.
        sentences, quotes, mentions: to use instead of the document's own layers
            (tests pass `quotes=[]` to see the frames of the narration alone).

    Returns:
        cues, claims, frames and primary frame, plus the generic frame, the episodic vs
        thematic indicator, speakers with their verbs, and source-type shares.
    """
    doc = document.of(text)
    text = doc.text
    sents = doc.sentences if sentences is None else list(sentences)
    quotes = doc.quotes if quotes is None else list(quotes)
    mentions = doc.mentions if mentions is None else list(mentions)
    locate = SentenceLocator(sents)

    words = words_of(text)
    stance = hedging.find(text, sents, words)
    # A verb under negation or pending confirmation ("yet to be confirmed", "did not
    # confirm") is not the endorsement its class says.
    negated = [c for c in stance if c.kind == "evidential" and c.label == "unconfirmed"]
    verbs = [
        c
        for c in sources.verb_cues(text, sents, words)
        if not any(c.start < n.end and n.start < c.end for n in negated)
    ]
    verbs += _quote_verb_cues(text, quotes, locate, verbs)
    lexical = frame_cues(text, sents, words) + loaded(text, sents, words)
    cues = [*stance, *verbs, *lexical]
    # Bylines and credit lines are not part of the story.
    cues = sorted((c for c in cues if locate.kind(c.start) != "byline"), key=_cue_key)

    # The document's own source types, unless other quotes were given.
    types = (
        doc.source_types if quotes is doc.quotes else sources.speaker_types(quotes, doc)
    )
    people = sources.speakers(quotes, doc, types)
    claims = _claims(text, sents, cues, quotes, mentions, types)
    scores, per_sentence, primary, generic, selected = _frame_scores(cues, sents)
    return FramesResult(
        cues=tuple(cues),
        claims=tuple(claims),
        frames=tuple(scores),
        primary_frame=primary,
        generic_frame=generic,
        episodic=episodic_thematic(text, sents, words),
        speakers=tuple(people),
        source_types=tuple(sources.shares(quotes, doc, people)),
        sentence_frames=tuple(per_sentence),
        policy_frames=selected,
    )


# ---- records as JSON ------------------------------------------------------------------


def to_dict(result: FramesResult) -> dict[str, Any]:
    """The JSON object of the command line: cues, claims, frames, primary_frame, ...,
    and `profile`, the frame profile as rows (see `profile_rows`)."""
    out = dataclasses.asdict(result)
    out["profile"] = profile_rows(result)
    return out


def _evidence_sentences(frame: FrameScore, limit: int = 3) -> str:
    """The sentences (1-based) that hold the frame's evidence, with their cue words."""
    words: dict[int, list[str]] = {}
    for c in frame.evidence:
        words.setdefault(c.sentence, [])
        if c.text.lower() not in words[c.sentence]:
            words[c.sentence].append(c.text.lower())
    parts = [f"{i + 1}: {', '.join(w)}" for i, w in sorted(words.items())[:limit]]
    more = len(words) - limit
    return "; ".join(parts) + (f"; +{more} more" if more > 0 else "")


def profile_rows(result: FramesResult) -> list[dict[str, Any]]:
    """The frame profile as rows: policy frames, then generic frames, each ranked.

    Each row: `answer` (policy or generic: two separate answers, never one ranking),
    `rank`, `frame`, `score` (share of its family's weighted evidence), `selected`
    (past the threshold), `sentences` (how many hold evidence), `words` (cue words,
    most frequent first) and `evidence` (sentence number: its cue words). With no
    policy frame selected, a row says "no dominant frame".
    """
    rows = []
    for family, answer in (("mfc", "policy"), ("generic", "generic")):
        ranked = sorted(
            (f for f in result.frames if f.family == family and f.rank),
            key=lambda f: f.rank,
        )
        if family == "mfc" and not result.policy_frames:
            rows.append(
                {
                    "answer": answer,
                    "rank": 0,
                    "frame": NO_DOMINANT_FRAME,
                    "score": None,
                    "selected": True,
                    "sentences": 0,
                    "words": "",
                    "evidence": "",
                }
            )
        for f in ranked:
            rows.append(
                {
                    "answer": answer,
                    "rank": f.rank,
                    "frame": f.frame,
                    "score": round(f.score, 4),
                    "selected": f.selected,
                    "sentences": len(f.sentences),
                    "words": ", ".join(f.terms),
                    "evidence": _evidence_sentences(f),
                }
            )
    return rows
