"""One article's tables and answers, built from the layers of its `Document`.

Each builder takes a `Document` when it needs the article's tokens or several layers,
or the records of one layer (quotes, tones, stances, a frames result) when that is all
it reads, and returns the DataFrame a notebook shows, plots and writes as CSV; the
`*_answer` functions give the one-sentence answer above a page. Nothing is computed
twice: a table reads the layers the document already holds. `to_frame` builds its
columns from the record type's fields, so an empty result still has its schema
(pandas#27999). No I/O here (`analysis.reporting` writes files), no HTML
(`analysis.display`).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from analysis import actors, document, frames, lexicons, sentiment, sources, tokenize
from analysis.display import UNATTRIBUTED, Note, signed, speaker


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame with one row per record and one column per dataclass field.

    Args:
        records: frozen dataclass records, all of one type.
        record_type: the dataclass, needed for the columns when `records` is empty.
    """
    rows = list(records)
    kind = record_type or (type(rows[0]) if rows else None)
    if kind is None:
        raise TypeError("to_frame needs record_type when there are no records")
    columns = [f.name for f in dataclasses.fields(kind)]
    data = [[getattr(r, c) for c in columns] for r in rows]
    return pd.DataFrame(data, columns=columns)


# ---------------------------------------------------------------------------------------
# 01-overview: the article in numbers, key terms, keyword in context.

# Key terms count their own tokens: runs of letters with inner apostrophes and hyphens,
# read as `term` gives them, so that "Russia’s" counts as Russia and "2024" is no term.
# This is the key-term statistic's tokenizer, not a word count: counts shown as "words"
# come from `Document.word_count`.
_TERM_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def _stopwords() -> frozenset[str]:
    return lexicons.word_set("stopwords_en.txt")


def term_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word the key-term statistics count (see `_TERM_WORD`)."""
    return [(m.start(), m.end(), m.group()) for m in _TERM_WORD.finditer(text)]


_POSSESSIVE = re.compile(r"(?:'s|')$")


def term(word: str) -> str:
    """The term a word counts for: lower case, the possessive dropped.

    One definition for the key-terms chart, the in-context table and the distinctive
    words, so that "Russia’s" counts as Russia everywhere.

    >>> [term(w) for w in ("Russia’s", "states'", "Kim's", "it's", "don't")]
    ['russia', 'states', 'kim', 'it', "don't"]
    """
    return _POSSESSIVE.sub("", word.lower().replace("’", "'"))


def content_terms(text: str, shortest: int = 2) -> list[str]:
    """The terms of `text` that are not stopwords and have at least `shortest` letters."""
    stop = _stopwords()
    return [
        t
        for _, _, w in term_words(text)
        if (t := term(w)) not in stop and len(t) >= shortest
    ]


def _body(doc: document.Document) -> list[Any]:
    """The headline and body sentences (the byline apart)."""
    return [s for s in doc.sentences if s.kind != "byline"]


def _sentences(doc: document.Document) -> list[Any]:
    """The body sentences (headline and byline apart)."""
    return [s for s in doc.sentences if s.kind == "sentence"]


def overview(doc: document.Document) -> pd.DataFrame:
    """The article in numbers: one row per measure (`measure`, `value`, `unit`)."""
    article = doc.article
    body = _sentences(doc)
    words = doc.word_count
    # what a web page says about itself (outlet, author, date), where it says it
    page = [
        (name, value, "")
        for name, value in (
            ("outlet", getattr(article, "outlet", None)),
            ("author", getattr(article, "author", None)),
            ("date", getattr(article, "date", None)),
        )
        if value
    ]
    rows = [
        ("title", article.title or "(none)", ""),
        *page,
        ("byline or credit", article.byline or "(none)", ""),
        ("length", len(doc.text), "characters"),
        ("words", words, "words"),
        ("paragraphs", len(doc.paragraphs), "paragraphs"),
        ("sentences", len(body), "sentences (headline and byline apart)"),
        (
            "mean sentence length",
            round(words / len(body), 1) if body else 0.0,
            "words per sentence",
        ),
    ]
    return pd.DataFrame(
        [(m, str(v), u) for m, v, u in rows], columns=["measure", "value", "unit"]
    )


def paragraph_lengths(doc: document.Document) -> pd.DataFrame:
    """Words and sentences per paragraph, with the paragraph's first words."""
    rows = []
    for par in doc.paragraphs:
        inside = [s for s in doc.sentences if s.paragraph == par.index]
        kinds = {s.kind for s in inside}
        kind = (
            "byline" if kinds == {"byline"} else "title" if "title" in kinds else "body"
        )
        opening = " ".join(par.text.split()[:8])
        rows.append(
            (
                par.index + 1,
                kind,
                tokenize.word_count(par.text),
                len(inside),
                par.start,
                opening,
            )
        )
    return pd.DataFrame(
        rows,
        columns=["paragraph", "kind", "words", "sentences", "start", "opening words"],
    )


def key_terms(doc: document.Document, n: int = 15) -> pd.DataFrame:
    """The most frequent content words and two-word names of the body text.

    Words are counted as `term` gives them (a possessive counts for its noun; the
    tokens are `term_words`, this statistic's own); stopwords are left out; a two-word
    term is counted when both words are content words and it occurs at least twice.
    Ties are broken alphabetically.
    """
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for sentence in _body(doc):
        tokens = [term(w) for _, _, w in term_words(sentence.text)]
        content = [t if t not in stop and len(t) > 1 else None for t in tokens]
        counts.update(t for t in content if t)
        pairs = (f"{a} {b}" for a, b in itertools.pairwise(content) if a and b)
        counts.update(pairs)
    pairs = {t: c for t, c in counts.items() if " " in t and c >= 2}
    singles = {t: c for t, c in counts.items() if " " not in t}
    # a word counts only where it is not part of a listed pair ("north" of "north korea")
    for pair, c in pairs.items():
        for word in pair.split():
            singles[word] = singles.get(word, 0) - c
    singles = {t: c for t, c in singles.items() if c > 0}
    merged = sorted({**singles, **pairs}.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    total = doc.word_count or 1
    return pd.DataFrame(
        [(term, count, 1000 * count / total) for term, count in merged],
        columns=["term", "count", "per 1,000 words"],
    )


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """Whole words within `width` characters left and right of text[start:end]."""
    left = text[max(0, start - width) : start].split()
    right = text[end : end + width].split()
    if start - width > 0 and left and not text[start - width - 1].isspace():
        left = left[1:]
    if end + width < len(text) and right and not text[end + width].isspace():
        right = right[:-1]
    return " ".join(left), " ".join(right)


def kwic(
    doc: document.Document,
    terms: Sequence[str],
    width: int = 40,
    key_terms: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword in context: every use of each term, as `key_terms` counts words.

    Words match as `term` reads them (case-insensitive, a possessive counts for its noun),
    in the headline and body (not the byline). With no `terms`, the first three of
    `key_terms` (a `key_terms()` table) are used.
    """
    if not terms and key_terms is not None:
        terms = top_terms(key_terms)
    # the words of each sentence as `key_terms` reads them, so that both count alike
    # ("Russia’s" is a use of "russia"; the byline is not searched)
    text = doc.text
    sentences = [
        (
            s.index,
            [(s.start + a, s.start + b, term(w)) for a, b, w in term_words(s.text)],
        )
        for s in _body(doc)
    ]
    rows = []
    for wanted in terms:
        parts = [term(w) for w in wanted.split()]
        if not parts:
            continue
        for index, words in sentences:
            for i in range(len(words) - len(parts) + 1):
                if [w for _, _, w in words[i : i + len(parts)]] != parts:
                    continue
                start, end = words[i][0], words[i + len(parts) - 1][1]
                left, right = _context(text, start, end, width)
                rows.append((wanted, index + 1, start, left, text[start:end], right))
    rows.sort(key=lambda r: (r[2], r[0]))
    return pd.DataFrame(
        rows, columns=["term", "sentence", "start", "left", "match", "right"]
    )


def overview_answer(doc: document.Document, terms: pd.DataFrame) -> Note:
    """One sentence: how long the article is and what it is mostly about."""
    top = ", ".join(f"“{t}”" for t in terms["term"].head(3)) or "no repeated terms"
    return Note(
        f"{doc.word_count} words in {len(_sentences(doc))} sentences and "
        f"{len(doc.paragraphs)} paragraphs; the most frequent terms are {top}."
    )


def top_terms(terms: pd.DataFrame, n: int = 3) -> list[str]:
    """The first `n` terms of a `key_terms` table (the default keyword-in-context terms)."""
    return [str(t) for t in terms["term"].head(n)]


# ---------------------------------------------------------------------------------------
# Records of the analysis modules to tables. Each builder takes the records a module
# returns (quotes.Quote, actors.Mention/Actor, sentiment.SentenceTone, stance.Stance,
# frames.FramesResult), so the notebooks make each analysis call once.


def _quoted_text(quote: Any, text: str) -> str:
    if quote.quote_start is not None and quote.quote_end is not None:
        return text[quote.quote_start : quote.quote_end]
    return quote.text


def _source_type(quote: Any, types: dict[str, str] | None = None) -> str:
    """The quote's source type: its speaker's one type in `types` (from
    `sources.speaker_types`, so that every table agrees), else from its own mention."""
    if not (quote.speaker or quote.speaker_text):
        return "unattributed"
    if types is not None and speaker(quote) in types:
        return types[speaker(quote)]
    return frames.source_type(quote.speaker_text, quote.speaker)


def _speaker_types(quotes: Sequence[Any], text: str | None = None) -> dict[str, str]:
    return sources.speaker_types(quotes, text)


def quote_table(quotes: Sequence[Any], text: str | None = None) -> pd.DataFrame:
    """Every quote with its kind, speaker, cue, source type and words, in text order.

    With the article's `text`, source types are the ones every other table shows
    (`sources.speaker_types`: the story's home country decides what is foreign).
    """
    types = _speaker_types(quotes, text)
    rows = [
        (
            q.sentence + 1,
            q.kind,
            speaker(q) if q.kind != "scare" else "",
            q.speaker_text or "",
            q.cue or "",
            _source_type(q, types) if q.kind != "scare" else "",
            tokenize.word_count(q.text),
            " ".join(q.text.split()),
        )
        for q in quotes
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "sentence",
            "kind",
            "speaker",
            "as written",
            "cue",
            "source type",
            "words",
            "content",
        ],
    )


def voice_shares(
    quotes: Sequence[Any], by: str = "speaker", text: str | None = None
) -> pd.DataFrame:
    """Quotes and quoted words per speaker (`by="speaker"`) or per source type.

    Scare quotes (quoted words with no speaker and no cue) are left out.
    """
    attributed = [q for q in quotes if q.kind != "scare"]
    types = _speaker_types(quotes, text) if by != "speaker" else None
    key = speaker if by == "speaker" else (lambda q: _source_type(q, types))
    counts: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for q in attributed:
        counts[key(q)] += 1
        words[key(q)] += tokenize.word_count(q.text)
    total_q, total_w = sum(counts.values()) or 1, sum(words.values()) or 1
    rows = [
        (
            name,
            counts[name],
            words[name],
            100 * counts[name] / total_q,
            100 * words[name] / total_w,
        )
        for name in sorted(counts, key=lambda n: (-counts[n], -words[n], n))
    ]
    return pd.DataFrame(rows, columns=[by, "quotes", "words", "quotes %", "words %"])


def reporting_verbs(quotes: Sequence[Any], cues: Sequence[Any] = ()) -> pd.DataFrame:
    """Cues of the quotes, with the verb class the framing cues give them.

    Args:
        quotes: quote records.
        cues: `frames` cue records; a cue of kind "verb class" (or "verb") overlapping
            a quote's cue gives its class, else "unclassified".
    """
    classes = [c for c in cues if c.kind == "verb class"]
    counts: Counter[tuple[str, str]] = Counter()
    for q in quotes:
        if not q.cue:
            continue
        found = next(
            (
                c.label
                for c in classes
                if q.cue_start is not None
                and c.start < q.cue_end
                and q.cue_start < c.end
            ),
            "unclassified",
        )
        counts[(found, q.cue.lower())] += 1
    rows = [(cls, cue, n) for (cls, cue), n in counts.items()]
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    return pd.DataFrame(rows, columns=["verb class", "cue", "quotes"])


def unattributed_claims(claims: Sequence[Any]) -> pd.DataFrame:
    """Claims with no named source: the article's own voice, and hearsay.

    A claim's `source` is "narrator" for the writer's own voice and "unattributed" for
    hearsay with no named source ("reportedly"); either way nobody is named for it.
    """
    rows = [
        (
            c.sentence + 1,
            "hearsay" if c.source == "unattributed" else "own voice",
            round(float(c.certainty), 2),
            " ".join(c.text.split()),
        )
        for c in claims
        if not c.source or c.source in ("narrator", "unattributed")
    ]
    return pd.DataFrame(rows, columns=["sentence", "voice", "certainty", "claim"])


def _named(name: str) -> bool:
    """A named person or organisation ("Kim Jong-un", "KCNA", "Google"), not a group,
    a description or a pronoun ("Western nations", "state media reports", "officials")."""
    if name == UNATTRIBUTED or not any(w[:1].isupper() for w in name.split()):
        return False
    found = actors.canonical(name)
    if found is None:
        # A name the gazetteer does not list: two capitalised words or an acronym.
        words = name.split()
        return sum(w[:1].isupper() for w in words) >= 2 or (
            len(words) == 1 and name.isupper() and len(name) >= 2
        )
    return found[1] in ("leader", "official", "person") or (
        found[1] in actors.ORGANISATION_TYPES and found[1] != "other"
    )


def voices_answer(quotes: Sequence[Any]) -> Note:
    """One sentence: how many quotes, from how many named persons and organisations
    (each source once under its canonical name), who speaks most."""
    shares = voice_shares(quotes)
    if shares.empty:
        return Note("The article quotes nobody.")
    named = shares[[_named(name) for name in shares["speaker"]]]
    top = named.iloc[0] if not named.empty else shares.iloc[0]
    return Note(
        f"{int(shares['quotes'].sum())} quotes from {len(named)} named speakers; "
        f"{top['speaker']} has the most ({int(top['quotes'])} quotes, "
        f"{top['words %']:.0f}% of the quoted words)."
    )


# Tone.


def tone_table(tones: Sequence[Any]) -> pd.DataFrame:
    """Sentence tones (`sentiment.sentences`) as a table, sentences numbered from 1."""
    rows = [(t.index + 1, t.score, t.label, " ".join(t.text.split())) for t in tones]
    return pd.DataFrame(rows, columns=["sentence", "score", "label", "text"])


def tone_by_voice(doc: document.Document) -> pd.DataFrame:
    """Mean tone of the narrator (sentences holding no quote) and of each speaker's quotes.

    The narrator's tone is the mean of the document's sentence tones. A speaker's tone
    is the mean `sentiment.score` of the words in quote marks (or of the reported clause
    when nothing is quoted): a span the document scores nowhere else, so it is scored
    here, once per quote.
    """
    text, tones, quotes = doc.text, doc.tones, doc.quotes
    attributed = [q for q in quotes if q.kind != "scare"]
    quoted = {q.sentence for q in attributed}
    narrator = [t.score for t in tones if t.index not in quoted]
    rows = []
    if narrator:
        rows.append(("narrator", len(narrator), sum(narrator) / len(narrator)))
    scores: dict[str, list[float]] = {}
    for q in attributed:
        scores.setdefault(speaker(q), []).append(sentiment.score(_quoted_text(q, text)))
    for name in sorted(scores, key=lambda n: (-len(scores[n]), n)):
        values = scores[name]
        rows.append((name, len(values), sum(values) / len(values)))
    return pd.DataFrame(rows, columns=["voice", "sentences or quotes", "mean"])


def tone_answer(tones: Sequence[Any]) -> Note:
    """One sentence: the overall tone and the most negative sentence."""
    if not tones:
        return Note("No sentences to score.")
    labels = Counter(t.label for t in tones)
    low = min(tones, key=lambda t: (t.score, t.index))
    mean = sum(t.score for t in tones) / len(tones)
    return Note(
        f"Mean tone {signed(mean)} over {len(tones)} sentences ({labels['negative']} "
        f"negative, {labels['neutral']} neutral, {labels['positive']} positive); the most "
        f"negative is sentence {low.index + 1} ({signed(low.score)})."
    )


# Actors.


def actor_table(inventory: Sequence[Any]) -> pd.DataFrame:
    """The actor inventory: canonical name, type, mentions, first offset, aliases."""
    rows = [
        (a.actor, a.type, a.count, a.first_start, ", ".join(a.aliases))
        for a in inventory
    ]
    frame = pd.DataFrame(
        rows, columns=["actor", "type", "mentions", "first at (character)", "aliases"]
    )
    return frame.sort_values(
        ["mentions", "first at (character)"], ascending=[False, True]
    ).reset_index(drop=True)


def stance_table(stances: Sequence[Any], limit: int = 25) -> pd.DataFrame:
    """Stance of each holder toward each target, narrator first, then by mentions."""
    rows = [
        (
            s.holder,
            s.target,
            float(s.score),
            s.label,
            s.mentions,
            ", ".join(str(i + 1) for i in s.evidence),
        )
        for s in stances
    ]
    frame = pd.DataFrame(
        rows, columns=["holder", "target", "score", "label", "mentions", "sentences"]
    )
    frame["_narrator"] = frame["holder"] != "narrator"
    frame = frame.sort_values(
        ["_narrator", "holder", "mentions", "target"],
        ascending=[True, True, False, True],
    )
    return frame.drop(columns="_narrator").head(limit).reset_index(drop=True)


def cooccurrence(doc: document.Document, top: int = 8) -> pd.DataFrame:
    """Sentences in which two actors are both mentioned (the `top` most mentioned).

    The actors are those of the inventory: documents ("the poll") are left out, as in
    the actor table beside this chart.
    """
    starts = [s.start for s in doc.sentences]
    mentions = [m for m in doc.mentions if m.type not in actors.SOURCE_ONLY_TYPES]
    per_sentence: dict[int, set[str]] = {}
    counts: Counter[str] = Counter()
    for m in mentions:
        index = bisect.bisect_right(starts, m.start) - 1
        per_sentence.setdefault(index, set()).add(m.actor)
        counts[m.actor] += 1
    names = sorted(counts, key=lambda n: (-counts[n], n))[:top]
    frame = pd.DataFrame(0, index=pd.Index(names, name="actor"), columns=names)
    for found in per_sentence.values():
        for a in found:
            for b in found:
                if a in names and b in names and a != b:
                    frame.loc[a, b] += 1
    return frame


def actors_answer(inventory: Sequence[Any], stances: Sequence[Any]) -> Note:
    """One sentence: the main actors and how the narrator portrays the first."""
    if not inventory:
        return Note("No actors found.")
    table = actor_table(inventory)
    names = ", ".join(table["actor"].head(3))
    first = table["actor"].iloc[0]
    narrator = next(
        (s for s in stances if s.holder == "narrator" and s.target == first), None
    )
    portrayal = (
        f"; the narrator's stance toward {first} is {narrator.label} ({signed(narrator.score)})"
        if narrator
        else ""
    )
    return Note(f"{len(table)} actors; the most mentioned are {names}{portrayal}.")


# Framing.


# The two answers of `frames`: the policy frames (Boydstun et al.) and the generic frames
# (Semetko & Valkenburg); they are never ranked together.
ANSWERS = {"policy": "mfc", "generic": "generic"}
PROFILE_COLUMNS = ["frame", "score", "selected", "sentences", "words"]


def frame_profile(result: Any, answer: str = "policy") -> pd.DataFrame:
    """One answer's frames with evidence: the selected ones first, each part strongest
    first (the order of `FrameScore.rank`, so the first row is the answer).

    Columns: `frame`, `score` (its share of the answer's specificity-weighted evidence),
    `selected` (past the calibrated threshold), `sentences` (how many hold evidence),
    `words` (cue words, most frequent first). The policy and generic frames are
    separate answers (`answer="policy"` or `"generic"`), never one axis.
    """
    family = ANSWERS[answer]
    rows = [
        (
            f.frame,
            float(f.score),
            f.selected,
            len(f.sentences),
            ", ".join(f.terms),
        )
        for f in result.frames
        if f.family == family and f.score > 0
    ]
    frame = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    order = ["selected", "score", "frame"]
    return frame.sort_values(order, ascending=[False, False, True]).reset_index(
        drop=True
    )


def frame_evidence(doc: document.Document, answer: str = "policy") -> pd.DataFrame:
    """For each frame of one answer, the sentences that triggered it and their words.

    Columns: `frame`, `sentence` (1-based), `words`, `text` (the sentence, spaces
    normalised); frames in profile order, sentences in text order.
    """
    result = doc.frames
    sentences = {s.index: s for s in doc.sentences}
    order = {f: n for n, f in enumerate(frame_profile(result, answer)["frame"])}
    family = ANSWERS[answer]
    rows = []
    for f in result.frames:
        if f.family != family or f.frame not in order:
            continue
        words: dict[int, list[str]] = {}
        for c in f.evidence:
            found = words.setdefault(c.sentence, [])
            if c.text.lower() not in found:
                found.append(c.text.lower())
        for index, found in sorted(words.items()):
            sentence = sentences.get(index)
            body = " ".join(sentence.text.split()) if sentence else ""
            rows.append((order[f.frame], f.frame, index + 1, ", ".join(found), body))
    rows.sort()
    return pd.DataFrame(
        [r[1:] for r in rows], columns=["frame", "sentence", "words", "text"]
    )


# Certainty bands for claims (certainty in [0, 1]).
BANDS = ((0.8, "asserted"), (0.5, "qualified"), (0.0, "hedged"))


def _band(certainty: float) -> str:
    return next(label for low, label in BANDS if certainty >= low)


def claims_table(claims: Sequence[Any]) -> pd.DataFrame:
    """Every claim with its certainty, band, source and source type."""
    rows = [
        (
            float(c.certainty),
            _band(float(c.certainty)),
            c.source or UNATTRIBUTED,
            c.source_type,
            " ".join(c.text.split()),
        )
        for c in claims
    ]
    return pd.DataFrame(
        rows, columns=["certainty", "band", "source", "source type", "claim"]
    )


def certainty_bands(claims: Sequence[Any]) -> pd.DataFrame:
    """How many claims fall in each certainty band."""
    counts = Counter(_band(float(c.certainty)) for c in claims)
    return pd.DataFrame(
        [(label, counts[label]) for _, label in BANDS], columns=["band", "claims"]
    )


def cue_table(
    result: Any, text: str, kinds: Sequence[str] = ("hedge", "evidential", "booster")
) -> pd.DataFrame:
    """Hedges, evidentials and boosters in place: kind, label, sentence, words around."""
    rows = []
    for c in result.cues:
        if c.kind not in kinds:
            continue
        left, right = _context(text, c.start, c.end, 40)
        rows.append((c.sentence + 1, c.kind, c.label, left, c.text, right))
    return pd.DataFrame(
        rows, columns=["sentence", "kind", "label", "left", "cue", "right"]
    )


def _primary_label(result: Any) -> str:
    """The primary frame, with "(no dominant frame)" where none is selected and the
    codebook's "Other" stands in."""
    if result.primary_frame == "Other" and not result.policy_frames:
        return "Other (no dominant frame)"
    return result.primary_frame


def _policy_answer(result: Any) -> str:
    """The selected policy frames, or "no dominant frame" when none is selected."""
    selected = list(result.policy_frames)
    if not selected:
        if result.primary_frame == "Other":
            return "no dominant frame"
        selected = [result.primary_frame]
    if len(selected) == 1:
        return f"Primary frame: {selected[0]}"
    return f"Primary frame: {selected[0]} (also {', '.join(selected[1:])})"


def framing_answer(result: Any) -> Note:
    """One sentence: the policy frames, the generic frame, and how hedged the claims are.

    The policy frames and the generic frame are two answers, given apart.
    """
    claims = list(result.claims)
    hedged = sum(1 for c in claims if float(c.certainty) < 0.5)
    mean = sum(float(c.certainty) for c in claims) / len(claims) if claims else 0.0
    policy = _policy_answer(result)
    policy = policy[0].upper() + policy[1:]
    generic = result.generic_frame
    generic_text = f" Generic frame: {generic}." if generic else ""
    return Note(
        f"{policy}.{generic_text} {len(claims)} claims, mean certainty {mean:.2f}; "
        f"{hedged} hedged below 0.5."
    )


# The fingerprint (00-summary).


def fingerprint(
    quotes: Sequence[Any],
    inventory: Sequence[Any],
    stances: Sequence[Any],
    result: Any,
    text: str | None = None,
) -> pd.DataFrame:
    """The framing fingerprint: one row per aspect (`aspect`, `finding`).

    "named speakers" counts named persons and organisations only (`_named`); with the
    article's `text`, source types are the ones every other table shows.
    """
    attributed = [q for q in quotes if q.kind != "scare"]
    shares = voice_shares(quotes)
    named = shares[[_named(name) for name in shares["speaker"]]]
    kinds = Counter(q.kind for q in attributed)
    cues = Counter(q.cue.lower() for q in attributed if q.cue)
    types = voice_shares(quotes, by="source type", text=text)
    actors = actor_table(inventory).head(3)
    narrator = {s.target: s for s in stances if s.holder == "narrator"}
    portrayal = "; ".join(
        f"{name}: {narrator[name].label} ({signed(narrator[name].score)})"
        if name in narrator
        else f"{name}: not scored"
        for name in actors["actor"]
    )
    claims = list(result.claims)
    mean = sum(float(c.certainty) for c in claims) / len(claims) if claims else 0.0
    bands = certainty_bands(claims)
    rows = [
        ("primary frame", _primary_label(result)),
        ("main actors (narrator's stance)", portrayal or "none found"),
        ("quotes", str(len(attributed))),
        ("named speakers", str(len(named))),
        ("who speaks most", _most_quoted(named)),
        (
            "source types",
            ", ".join(f"{r._1} {r._4:.0f}%" for r in types.itertuples()) or "none",
        ),
        (
            "quote kinds",
            ", ".join(
                f"{k} {n}"
                for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            )
            or "none",
        ),
        ("how they are introduced", _introduced(cues)),
        ("claims", f"{len(claims)} claims, mean certainty {mean:.2f}"),
        (
            "certainty of the claims",
            ", ".join(f"{r.band}: {r.claims}" for r in bands.itertuples()),
        ),
    ]
    return pd.DataFrame(rows, columns=["aspect", "finding"])


# How many speakers and cues the fingerprint names before it refers to the tables.
FINGERPRINT_SPEAKERS = 3
FINGERPRINT_CUES = 6


def _most_quoted(named: pd.DataFrame, top: int = FINGERPRINT_SPEAKERS) -> str:
    """The most quoted speakers, with the rule that orders speakers with equal quotes.

    `voice_shares` orders by quotes, then quoted words, then name; when equal counts sit
    among the names shown (or at the cut), the finding says so.
    """
    if named.empty:
        return "nobody"
    shown = named.head(top)
    text = ", ".join(f"{r.speaker} ({r.quotes})" for r in shown.itertuples())
    counts = named["quotes"].tolist()
    tied = len(set(counts[:top])) < len(counts[:top]) or (
        len(counts) > top and counts[top] == counts[top - 1]
    )
    if len(named) > top:
        text += f" and {len(named) - top} more"
    if tied:
        text += "; equal counts ordered by quoted words, then name"
    return text


def _introduced(cues: Counter[str], top: int = FINGERPRINT_CUES) -> str:
    """The cues that introduce the quotes, most used first; says when some are left out."""
    if not cues:
        return "no cues"
    ranked = sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"“{c}” ×{n}" for c, n in ranked[:top])
    if len(ranked) > top:
        text += f" ({top} of {len(ranked)} cues shown; all in the speakers table)"
    return text


def summary_answer(fingerprint_table: pd.DataFrame) -> Note:
    """One sentence from the fingerprint: frame, main voice, certainty."""
    facts = dict(
        zip(fingerprint_table["aspect"], fingerprint_table["finding"], strict=True)
    )
    named = re.findall(r"(?:^|, )([^,;]+?) \((\d+)\)", facts["who speaks most"])
    most = max((int(n) for _, n in named), default=0)
    leaders = [name for name, n in named if int(n) == most]
    if not leaders:
        top = "nobody"
    elif len(leaders) == 1:
        top = f"the most from {leaders[0]}"
    else:
        top = f"the most from {', '.join(leaders[:-1])} and {leaders[-1]} ({most} each)"
    quotes = "1 quote" if facts["quotes"] == "1" else f"{facts['quotes']} quotes"
    speakers = facts["named speakers"]
    speakers += " named speaker" if speakers == "1" else " named speakers"
    return Note(
        f"The primary frame is {facts['primary frame']}. {quotes} from {speakers}, "
        f"{top}; {facts['claims']}."
    )


def portrayal_table(
    inventory: Sequence[Any], stances: Sequence[Any], top: int = 8
) -> pd.DataFrame:
    """The main actors and how the narrator and each speaker portray them."""
    rows = []
    for actor in actor_table(inventory).head(top).itertuples():
        held = sorted(
            (s for s in stances if s.target == actor.actor),
            key=lambda s: (s.holder != "narrator", s.holder),
        )
        views = "; ".join(f"{s.holder}: {s.label} ({signed(s.score)})" for s in held)
        rows.append((actor.actor, actor.type, actor.mentions, views or "not scored"))
    return pd.DataFrame(
        rows, columns=["actor", "type", "mentions", "portrayed as (by whom)"]
    )


def speaker_table(quotes: Sequence[Any], text: str | None = None) -> pd.DataFrame:
    """Who speaks and how they are introduced: per speaker, quotes, kinds, cues, source type.

    The source type is the speaker's one type (`sources.speaker_types`, as the claims
    table has it when `text` is the article's)."""
    types = sources.speaker_types(quotes, text)
    groups: dict[str, list[Any]] = {}
    for q in quotes:
        if q.kind != "scare":
            groups.setdefault(speaker(q), []).append(q)
    rows = []
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n)):
        items = groups[name]
        kinds = Counter(q.kind for q in items)
        cues = sorted({q.cue.lower() for q in items if q.cue})
        written = sorted({q.speaker_text for q in items if q.speaker_text})
        rows.append(
            (
                name,
                _source_type(items[0], types),
                len(items),
                ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
                ", ".join(cues),
                ", ".join(written),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["speaker", "source type", "quotes", "kinds", "cues", "introduced as"],
    )


# The annotated article.
def annotation_counts(
    quotes: Sequence[Any], cues: Sequence[Any], tones: Sequence[Any]
) -> pd.DataFrame:
    """What the annotated view marks, counted (the data behind it, besides the text)."""
    rows = [
        ("quotes", sum(1 for q in quotes if q.kind != "scare")),
        ("scare quotes", sum(1 for q in quotes if q.kind == "scare")),
        ("hedges", sum(1 for c in cues if c.kind == "hedge")),
        ("evidentials", sum(1 for c in cues if c.kind == "evidential")),
        ("boosters", sum(1 for c in cues if c.kind == "booster")),
        ("negative sentences", sum(1 for t in tones if t.label == "negative")),
        ("positive sentences", sum(1 for t in tones if t.label == "positive")),
    ]
    return pd.DataFrame(rows, columns=["marked", "count"])


def annotation_table(
    quotes: Sequence[Any], cues: Sequence[Any], tones: Sequence[Any]
) -> pd.DataFrame:
    """Every marked span with its offsets (the CSV behind the annotated view)."""
    rows = [("tone", t.label, t.start, t.end, f"{t.score:+.3f}") for t in tones]
    rows += [("quote", q.kind, q.start, q.end, speaker(q)) for q in quotes]
    rows += [
        (c.kind, c.label, c.start, c.end, c.text)
        for c in cues
        if c.kind in ("hedge", "evidential", "booster")
    ]
    rows.sort(key=lambda r: (r[2], r[3], r[0], r[1]))
    return pd.DataFrame(rows, columns=["layer", "label", "start", "end", "detail"])
