"""Records to tidy DataFrames (the edge of the package), and the framing report.

`to_frame` builds its columns from the record type's fields, so an empty result still
has its schema (pandas#27999). The table builders below take the records the analysis
modules return (never the modules themselves, so this module imports none of them) and
give the DataFrames the notebooks show and plot. `Table` and `Note` display a DataFrame
or a sentence in a notebook with every piece of article text HTML-escaped. No I/O here:
`analysis.reporting` writes files and runs the notebooks.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Self

import pandas as pd

from analysis import lexicons, tokenize


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
# Display: tables and one-line answers, escaped.


@dataclasses.dataclass(frozen=True, eq=False)
class Table:
    """A DataFrame with a caption, shown as an escaped HTML table.

    Numbers are rounded to `digits` for display only; the CSV beside it keeps them whole.
    """

    frame: pd.DataFrame
    caption: str
    digits: int = 2
    max_rows: int = 60
    data: str = ""  # link to the CSV of the whole table, shown under it

    def _display_frame(self) -> pd.DataFrame:
        shown = self.frame.head(self.max_rows).copy()
        for column in shown.columns:
            if pd.api.types.is_float_dtype(shown[column]):
                shown[column] = shown[column].map(
                    lambda v: "" if pd.isna(v) else _fixed(v, self.digits)
                )
        return shown.fillna("")

    def _repr_html_(self) -> str:
        shown = self._display_frame()
        body = shown.to_html(index=False, escape=True, border=0, classes="report-table")
        body = body.replace(' style="text-align: right;"', "")
        if self.data:  # an anchor for links to this table ("#10-claims")
            anchor = html.escape(self.data.rsplit("/", 1)[-1].removesuffix(".csv"))
            body = body.replace("<table ", f'<table id="{anchor}" ', 1)
        caption = f"<caption>{html.escape(self.caption)}</caption>"
        body = body.replace(">\n", ">\n" + caption + "\n", 1)
        more = len(self.frame) - len(shown)
        if more > 0:
            body += f'\n<p class="more">… and {more} more rows in the CSV.</p>'
        if self.frame.empty:
            body += '\n<p class="more">(none found)</p>'
        if self.data:
            body += "\n" + DataLink(self.data)._repr_html_()
        return body

    def __repr__(self) -> str:
        return f"{self.caption}\n{self._display_frame().to_string(index=False)}"


def _fixed(value: float, digits: int) -> str:
    """`value` to `digits` decimals, never "-0.00" (a tiny negative shows as zero)."""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


class Note(str):
    """A sentence for the reader (an answer, a caveat), shown as escaped HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return f'<p class="answer">{html.escape(str(self))}</p>'


class Answer(Note):
    """An answer with links to its evidence: (label, href) pairs shown under it."""

    evidence: tuple[tuple[str, str], ...]

    def __new__(cls, text: str, evidence: Sequence[tuple[str, str]] = ()) -> Self:
        made = super().__new__(cls, text)
        made.evidence = tuple(evidence)
        return made

    def _repr_html_(self) -> str:
        links = " · ".join(
            f'<a href="{html.escape(href)}">{html.escape(label)}</a>'
            for label, href in self.evidence
        )
        more = f'\n<p class="more">Evidence: {links}</p>' if links else ""
        return super()._repr_html_() + more


class DataLink(str):
    """A link to the CSV beside a table or figure (its path, relative to the page)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        name = html.escape(str(self).rsplit("/", 1)[-1])
        return (
            f'<p class="data">Data: <a href="{html.escape(str(self))}">{name}</a></p>'
        )


def links(pages: Sequence[tuple[str, str]]) -> Links:
    """Links to the other notebooks of the report: (file name, title) pairs."""
    return Links(tuple(pages))


@dataclasses.dataclass(frozen=True)
class Links:
    """Links between the notebooks (`.ipynb` in Jupyter, rewritten to `.html` pages)."""

    pages: tuple[tuple[str, str], ...]

    def _repr_html_(self) -> str:
        items = "".join(
            f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>'
            for name, title in self.pages
        )
        return f'<ul class="links">{items}</ul>'

    def __repr__(self) -> str:
        return "\n".join(f"{title}: {name}" for name, title in self.pages)


# ---------------------------------------------------------------------------------------
# 01-overview: the article in numbers, key terms, keyword in context.

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def _stopwords() -> frozenset[str]:
    return lexicons.word_set("stopwords_en.txt")


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_POSSESSIVE = re.compile(r"(?:'s|')$")


def term(word: str) -> str:
    """The term a word counts for: lower case, the possessive dropped.

    One definition for the key-terms chart, the in-context table and the distinctive
    words, so that "Russia’s" counts as Russia everywhere.

    >>> [term(w) for w in ("Russia’s", "states'", "Kim's", "it's", "don't")]
    ['russia', 'states', 'kim', 'it', "don't"]
    """
    return _POSSESSIVE.sub("", word.lower().replace("’", "'"))


def word_count(text: str) -> int:
    """Words in `text` (runs of letters, with inner apostrophes and hyphens)."""
    return len(_words(text))


def _body(text: str) -> list[tokenize.Sentence]:
    return [s for s in tokenize.sentences(text) if s.kind != "byline"]


def overview(article: Any) -> pd.DataFrame:
    """The article in numbers: one row per measure (`measure`, `value`, `unit`)."""
    text = article.text
    body = [s for s in tokenize.sentences(text) if s.kind == "sentence"]
    words = len(_words(text))
    paragraphs = tokenize.paragraphs(text)
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
        ("length", len(text), "characters"),
        ("words", words, "words"),
        ("paragraphs", len(paragraphs), "paragraphs"),
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


def paragraph_lengths(text: str) -> pd.DataFrame:
    """Words and sentences per paragraph, with the paragraph's first words."""
    sentences = tokenize.sentences(text)
    rows = []
    for par in tokenize.paragraphs(text):
        inside = [s for s in sentences if s.paragraph == par.index]
        kinds = {s.kind for s in inside}
        kind = (
            "byline" if kinds == {"byline"} else "title" if "title" in kinds else "body"
        )
        opening = " ".join(par.text.split()[:8])
        rows.append(
            (
                par.index + 1,
                kind,
                len(_words(par.text)),
                len(inside),
                par.start,
                opening,
            )
        )
    return pd.DataFrame(
        rows,
        columns=["paragraph", "kind", "words", "sentences", "start", "opening words"],
    )


def key_terms(text: str, n: int = 15) -> pd.DataFrame:
    """The most frequent content words and two-word names of the body text.

    Words are counted as `term` gives them (a possessive counts for its noun); stopwords
    are left out; a two-word term is counted when both words are content words and it
    occurs at least twice. Ties are broken alphabetically.
    """
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for sentence in _body(text):
        tokens = [term(w) for _, _, w in _words(sentence.text)]
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
    total = sum(1 for _ in _words(text)) or 1
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
    text: str,
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
    sentences = [
        (s.index, [(s.start + a, s.start + b, term(w)) for a, b, w in _words(s.text)])
        for s in _body(text)
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


def overview_answer(article: Any, terms: pd.DataFrame) -> Note:
    """One sentence: how long the article is and what it is mostly about."""
    body = [s for s in tokenize.sentences(article.text) if s.kind == "sentence"]
    top = ", ".join(f"“{t}”" for t in terms["term"].head(3)) or "no repeated terms"
    return Note(
        f"{len(_words(article.text))} words in {len(body)} sentences and "
        f"{len(tokenize.paragraphs(article.text))} paragraphs; the most frequent "
        f"terms are {top}."
    )


def top_terms(terms: pd.DataFrame, n: int = 3) -> list[str]:
    """The first `n` terms of a `key_terms` table (the default keyword-in-context terms)."""
    return [str(t) for t in terms["term"].head(n)]


# ---------------------------------------------------------------------------------------
# 10-compare helpers that need no analysis module.


# How much of the prior's expected rate comes from general English (the rest from the
# articles pooled): half, so a word common everywhere is not news in these articles.
BACKGROUND_WEIGHT = 0.5


def _background(words: Sequence[str]) -> dict[str, float]:
    """Frequency of each word in general English, news included (wordfreq's "best" list,
    which blends news, Wikipedia, books, subtitles and the web; Speer 2022)."""
    from wordfreq import word_frequency

    return {w: word_frequency(w, "en") or 1e-9 for w in words}


def log_odds(texts: dict[str, str], n: int = 10) -> pd.DataFrame:
    """Distinctive words per article: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: each article against all
    the others. The prior's expected rate of a word mixes its rate in the articles
    pooled with its frequency in general English (`BACKGROUND_WEIGHT`), so words common
    in any English text ("like", "still", "using") are pulled toward their expected rate
    and do not stand out; the prior is as strong as each side's own word count, so a
    short article is not favoured. Words are counted as `term` gives them, stopwords
    left out.

    Returns:
        The `n` words with the highest z-score per article: `article`, `word`, `z`,
        `count` (in that article), `others` (in all the others) and one column of
        counts per article (`in <article>`).
    """
    stop = _stopwords()
    counts = {
        name: Counter(
            t for _, _, w in _words(text) if (t := term(w)) not in stop and len(t) > 1
        )
        for name, text in sorted(texts.items())
    }
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    total = sum(pooled.values()) or 1
    background = _background(sorted(pooled))
    scale = sum(background.values()) or 1.0
    rows = []
    for name, own in counts.items():
        n_own = sum(own.values())
        n_rest = total - n_own
        for word in sorted(own):
            expected = (1 - BACKGROUND_WEIGHT) * pooled[word] / total + (
                BACKGROUND_WEIGHT * background[word] / scale
            )
            y_i, y_j = own[word], pooled[word] - own[word]
            a_i, a_j = expected * n_own, expected * max(n_rest, 1)
            delta = math.log((y_i + a_i) / (2 * n_own - y_i - a_i)) - math.log(
                (y_j + a_j) / (2 * max(n_rest, 1) - y_j - a_j)
            )
            z = delta / math.sqrt(1 / (y_i + a_i) + 1 / (y_j + a_j))
            rows.append((name, word, z, y_i, y_j))
    frame = pd.DataFrame(rows, columns=["article", "word", "z", "count", "others"])
    frame = frame.sort_values(["article", "z", "word"], ascending=[True, False, True])
    frame = frame.groupby("article", sort=True).head(n).reset_index(drop=True)
    for name, own in counts.items():
        frame[f"in {name}"] = [own.get(w, 0) for w in frame["word"]]
    return frame


# ---------------------------------------------------------------------------------------
# Records of the analysis modules to tables. Each builder takes the records a module
# returns (quotes.Quote, actors.Mention/Actor, sentiment.SentenceTone, stance.Stance,
# frames.FramesResult), so the notebooks make each analysis call once.

UNATTRIBUTED = "(unattributed)"


def _signed(value: float) -> str:
    """A score with its sign, never "-0.00"."""
    value = float(value)
    return "+0.00" if abs(value) < 0.005 else f"{value:+.2f}"


def _speaker(quote: Any) -> str:
    return quote.speaker or quote.speaker_text or UNATTRIBUTED


def _n_words(text: str) -> int:
    return len(_words(text))


def _quoted_text(quote: Any, text: str) -> str:
    if quote.quote_start is not None and quote.quote_end is not None:
        return text[quote.quote_start : quote.quote_end]
    return quote.text


def _source_type(quote: Any, types: dict[str, str] | None = None) -> str:
    """The quote's source type: its speaker's one type in `types` (from
    `sources.speaker_types`, so that every table agrees), else from its own mention."""
    from analysis import frames

    if not (quote.speaker or quote.speaker_text):
        return "unattributed"
    if types is not None and _speaker(quote) in types:
        return types[_speaker(quote)]
    return frames.source_type(quote.speaker_text, quote.speaker)


def _speaker_types(quotes: Sequence[Any], text: str | None = None) -> dict[str, str]:
    from analysis import sources

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
            _speaker(q) if q.kind != "scare" else "",
            q.speaker_text or "",
            q.cue or "",
            _source_type(q, types) if q.kind != "scare" else "",
            _n_words(q.text),
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
    key = _speaker if by == "speaker" else (lambda q: _source_type(q, types))
    counts: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for q in attributed:
        counts[key(q)] += 1
        words[key(q)] += _n_words(q.text)
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
    classes = [
        c
        for c in cues
        if str(getattr(c, "kind", "")).replace("_", " ") in ("verb class", "verb")
    ]
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
            c.sentence + 1 if hasattr(c, "sentence") else "",
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
    from analysis import actors

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


def tone_by_voice(
    text: str, tones: Sequence[Any], quotes: Sequence[Any]
) -> pd.DataFrame:
    """Mean tone of the narrator (sentences holding no quote) and of each speaker's quotes.

    A speaker's tone is the mean `sentiment.score` of the words in quote marks (or of
    the reported clause when nothing is quoted).
    """
    from analysis import sentiment

    attributed = [q for q in quotes if q.kind != "scare"]
    quoted = {q.sentence for q in attributed}
    narrator = [t.score for t in tones if t.index not in quoted]
    rows = []
    if narrator:
        rows.append(("narrator", len(narrator), sum(narrator) / len(narrator)))
    scores: dict[str, list[float]] = {}
    for q in attributed:
        scores.setdefault(_speaker(q), []).append(
            sentiment.score(_quoted_text(q, text))
        )
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
        f"Mean tone {_signed(mean)} over {len(tones)} sentences ({labels['negative']} "
        f"negative, {labels['neutral']} neutral, {labels['positive']} positive); the most "
        f"negative is sentence {low.index + 1} ({_signed(low.score)})."
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


def cooccurrence(mentions: Sequence[Any], text: str, top: int = 8) -> pd.DataFrame:
    """Sentences in which two actors are both mentioned (the `top` most mentioned)."""
    sentences = tokenize.sentences(text)
    starts = [s.start for s in sentences]
    import bisect

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
        f"; the narrator's stance toward {first} is {narrator.label} ({_signed(narrator.score)})"
        if narrator
        else ""
    )
    return Note(f"{len(table)} actors; the most mentioned are {names}{portrayal}.")


# Framing.


def _frame_name(value: Any) -> str:
    if value is None:
        return "none"
    return str(getattr(value, "frame", value))


def _frame_scores(result: Any) -> list[tuple[str, float]]:
    """(label, score) per frame; a name two families share gets its family added."""
    names = Counter(f.frame for f in result.frames)
    return [
        (
            f.frame
            if names[f.frame] == 1
            else f"{f.frame} ({getattr(f, 'family', '')})",
            float(f.score),
        )
        for f in result.frames
    ]


# The two answers of `frames`: the policy frames (Boydstun et al.) and the generic frames
# (Semetko & Valkenburg); they are never ranked together.
ANSWERS = {"policy": "mfc", "generic": "generic"}
PROFILE_COLUMNS = ["frame", "score", "selected", "sentences", "words"]


def frame_profile(result: Any, answer: str = "policy") -> pd.DataFrame:
    """One answer's frames with evidence, strongest first.

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
            bool(getattr(f, "selected", False)),
            len(getattr(f, "sentences", ())),
            ", ".join(getattr(f, "terms", ())),
        )
        for f in result.frames
        if getattr(f, "family", "mfc") == family and float(f.score) > 0
    ]
    frame = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return frame.sort_values(["score", "frame"], ascending=[False, True]).reset_index(
        drop=True
    )


def frame_evidence(result: Any, text: str, answer: str = "policy") -> pd.DataFrame:
    """For each frame of one answer, the sentences that triggered it and their words.

    Columns: `frame`, `sentence` (1-based), `words`, `text` (the sentence, spaces
    normalised); frames in profile order, sentences in text order.
    """
    from analysis import tokenize

    sentences = {s.index: s for s in tokenize.sentences(text)}
    order = {f: n for n, f in enumerate(frame_profile(result, answer)["frame"])}
    family = ANSWERS[answer]
    rows = []
    for f in result.frames:
        if getattr(f, "family", "mfc") != family or f.frame not in order:
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
            getattr(c, "source", None) or UNATTRIBUTED,
            getattr(c, "source_type", "") or "",
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


def _policy_answer(result: Any) -> str:
    """The selected policy frames, or "no dominant frame" when none is selected."""
    selected = list(getattr(result, "policy_frames", ()) or ())
    if not selected:
        if _frame_name(result.primary_frame) in ("Other", "none"):
            return "no dominant frame"
        selected = [_frame_name(result.primary_frame)]
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
    generic = getattr(result, "generic_frame", None)
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
        f"{name}: {narrator[name].label} ({_signed(narrator[name].score)})"
        if name in narrator
        else f"{name}: not scored"
        for name in actors["actor"]
    )
    claims = list(result.claims)
    mean = sum(float(c.certainty) for c in claims) / len(claims) if claims else 0.0
    bands = certainty_bands(claims)
    rows = [
        ("primary frame", _frame_name(result.primary_frame)),
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
    return Note(
        f"The primary frame is {facts['primary frame']}. {facts['quotes']} quotes from "
        f"{facts['named speakers']} named speakers, {top}; {facts['claims']}."
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
        views = "; ".join(f"{s.holder}: {s.label} ({_signed(s.score)})" for s in held)
        rows.append((actor.actor, actor.type, actor.mentions, views or "not scored"))
    return pd.DataFrame(
        rows, columns=["actor", "type", "mentions", "portrayed as (by whom)"]
    )


def speaker_table(quotes: Sequence[Any], text: str | None = None) -> pd.DataFrame:
    """Who speaks and how they are introduced: per speaker, quotes, kinds, cues, source type.

    The source type is the speaker's one type (`sources.speaker_types`, as the claims
    table has it when `text` is the article's)."""
    from analysis import sources

    types = sources.speaker_types(quotes, text)
    groups: dict[str, list[Any]] = {}
    for q in quotes:
        if q.kind != "scare":
            groups.setdefault(_speaker(q), []).append(q)
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


@dataclasses.dataclass(frozen=True, eq=False)
class Annotated:
    """The article as HTML: sentences tinted by tone, quotes marked with their speaker,
    hedges and evidentials underlined. Every character of the article is escaped."""

    text: str
    quotes: tuple[Any, ...] = ()
    cues: tuple[Any, ...] = ()
    tones: tuple[Any, ...] = ()

    def _segments(self, start: int, end: int) -> list[tuple[int, int, list[str], str]]:
        """(start, end, classes, tooltip) pieces of text[start:end] with one markup each."""
        cuts = {start, end}
        spans: list[tuple[int, int, str, str]] = []
        for t in self.tones:
            if t.label in ("negative", "positive"):
                spans.append(
                    (t.start, t.end, f"tone-{t.label}", f"tone {_signed(t.score)}")
                )
        for q in self.quotes:
            if q.kind == "scare":
                spans.append((q.start, q.end, "scare", "scare quote"))
            else:
                spans.append(
                    (q.start, q.end, "quote", f"{q.kind} quote: {_speaker(q)}")
                )
        for c in self.cues:
            if c.kind in ("hedge", "evidential", "booster"):
                spans.append((c.start, c.end, "hedge", f"{c.kind}: {c.label}"))
        for s, e, _, _ in spans:
            cuts.update(x for x in (s, e) if start < x < end)
        points = sorted(cuts)
        pieces = []
        for a, b in itertools.pairwise(points):
            inside = [(cls, tip) for s, e, cls, tip in spans if s <= a and b <= e]
            pieces.append(
                (
                    a,
                    b,
                    sorted({c for c, _ in inside}),
                    "; ".join(sorted({t for _, t in inside})),
                )
            )
        return pieces

    def _repr_html_(self) -> str:
        ends: dict[int, list[str]] = {}
        for q in self.quotes:
            if q.kind != "scare":
                ends.setdefault(q.end, []).append(_speaker(q))
        parts = ['<div class="annotated">']
        for par in tokenize.paragraphs(self.text):
            parts.append("<p>")
            for a, b, classes, tip in self._segments(par.start, par.end):
                chunk = html.escape(self.text[a:b])
                if classes:
                    chunk = (
                        f'<span class="{" ".join(classes)}" title="{html.escape(tip)}">'
                        f"{chunk}</span>"
                    )
                parts.append(chunk)
                for name in ends.get(b, []):
                    parts.append(f'<span class="speaker">{html.escape(name)}</span>')
            parts.append("</p>")
        parts.append("</div>")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"Annotated article ({len(self.quotes)} quotes, {len(self.cues)} cues)"


def annotated(
    text: str,
    quotes: Sequence[Any] = (),
    cues: Sequence[Any] = (),
    tones: Sequence[Any] = (),
) -> Annotated:
    """The annotated view of `text` for display in a notebook or report page."""
    return Annotated(text, tuple(quotes), tuple(cues), tuple(tones))


def legend() -> Note:
    """The key to the annotated view."""
    return Note(
        "Key: sentences tinted red are negative in tone, blue positive; quoted or "
        "reported speech is underlined in orange with its speaker in a brown tag; hedges, "
        "evidentials and boosters are dotted and in italics; hover for details."
    )


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
    rows += [("quote", q.kind, q.start, q.end, _speaker(q)) for q in quotes]
    rows += [
        (c.kind, c.label, c.start, c.end, c.text)
        for c in cues
        if c.kind in ("hedge", "evidential", "booster")
    ]
    rows.sort(key=lambda r: (r[2], r[3], r[0], r[1]))
    return pd.DataFrame(rows, columns=["layer", "label", "start", "end", "detail"])


# Several articles (10-compare).


# ---------------------------------------------------------------------------------------
# Comparing articles, from the corpus tables of `analysis.pipeline` (`tables(paths)` in
# this process, or `load(out, table)` after `python -m analysis corpus`): the same code
# serves two articles or a whole archive.


def corpus_tables(
    article_paths: Sequence[str], corpus_dir: str = ""
) -> dict[str, pd.DataFrame]:
    """The corpus tables for a comparison.

    Args:
        article_paths: files or folders to analyse here when `corpus_dir` is empty.
        corpus_dir: the `--out` folder of an earlier `python -m analysis corpus` run.
    """
    from analysis import pipeline

    if corpus_dir:
        return {name: pipeline.load(corpus_dir, name) for name in pipeline.TABLES}
    return pipeline.tables(article_paths)


def _article_ids(tables: dict[str, pd.DataFrame]) -> list[str]:
    return tables["articles"]["article"].tolist()


def _by_size(frame: pd.DataFrame) -> pd.DataFrame:
    # Rows with the largest total first, ties by name: a stable order for the heatmaps.
    order = sorted(frame.index, key=lambda r: (-frame.loc[r].sum(), r))
    return frame.loc[order]


def compare_frames(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Frame scores: one row per frame some article scores, one column per article."""
    ids = _article_ids(tables)
    frame = (
        tables["frames"]
        .pivot_table(index="frame", columns="article", values="score", aggfunc="sum")
        .reindex(columns=ids)
        .fillna(0.0)
        .astype(float)
    )
    frame.columns.name = None
    frame = _by_size(frame[frame.abs().sum(axis=1) > 0])
    frame.index.name = "frame"
    return frame


def compare_sources(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Share of each article's quotes (%) per source type: source type × article.

    Scare quotes (quoted words with no speaker and no cue) are left out.
    """
    quotes = tables["quotes"]
    quotes = quotes[quotes["kind"] != "scare"]
    types = quotes["source_type"].fillna("unattributed")
    counts = pd.crosstab(types, quotes["article"])
    frame = (100 * counts / counts.sum()).reindex(columns=_article_ids(tables))
    frame = frame.fillna(0.0).astype(float)
    frame.columns.name = None
    frame = _by_size(frame)
    frame.index.name = "source type"
    return frame


def compare_portrayal(tables: dict[str, pd.DataFrame], top: int = 10) -> pd.DataFrame:
    """The narrator's stance score toward each actor: actor × article (empty if absent).

    Only actors the narrator judges in at least two articles: a heatmap of actors each
    found in one article compares nothing. `labelling` shows every actor, with the
    narrator's stance in each article.
    """
    stance = tables["stance"]
    narrator = stance[stance["holder"] == "narrator"]
    seen = narrator.groupby("target")["article"].nunique()
    shared = seen[seen >= 2]
    keep = sorted(shared.index, key=lambda t: (-shared[t], t))[:top]
    frame = narrator.pivot_table(
        index="target", columns="article", values="score", aggfunc="mean"
    ).reindex(index=keep, columns=_article_ids(tables))
    frame.columns.name = None
    frame.index.name = "actor"
    return frame.astype(float)


def labelling(tables: dict[str, pd.DataFrame], top: int = 10) -> pd.DataFrame:
    """The words each article uses for each actor, and the narrator's stance toward it.

    One row per actor, one column per article (`–` where the article does not name it).
    The actors named in the most articles come first (ties: most mentions, name).
    """
    ids = _article_ids(tables)
    mentions = tables["mentions"]
    stance = tables["stance"]
    judged = {
        (r.article, r.target): f"narrator: {r.label} {_signed(r.score)}"
        for r in stance[stance["holder"] == "narrator"].itertuples()
    }
    used: dict[str, dict[str, Counter[str]]] = {}
    for (actor, article, text), n in (
        mentions.groupby(["actor", "article", "text"]).size().items()
    ):
        used.setdefault(actor, {}).setdefault(article, Counter())[text] = int(n)
    counts = {
        a: sum(sum(c.values()) for c in arts.values()) for a, arts in used.items()
    }
    actors = sorted(used, key=lambda t: (-len(used[t]), -counts[t], t))[:top]
    rows = []
    for actor in actors:
        row = [actor]
        for article in ids:
            words = used[actor].get(article, Counter())
            items = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
            named = ", ".join(f"{w} ×{n}" for w, n in items)
            view = judged.get((article, actor))
            row.append(f"{named} ({view})" if named and view else named or "–")
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor", *ids])


def article_texts(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Each article's body and headline rebuilt from the sentences table (for log-odds)."""
    sentences = tables["sentences"]
    body = sentences[sentences["kind"] != "byline"]
    joined = body.groupby("article", sort=True)["text"].agg("\n".join)
    return {a: joined.get(a, "") for a in _article_ids(tables)}


def _content(text: str) -> frozenset[str]:
    stop = _stopwords()
    return frozenset(
        t for _, _, w in _words(text) if (t := term(w)) not in stop and len(t) > 2
    )


# The furniture of news web pages that reaches the text as sentences: calls to action
# ("Please share your videos", "Sign up for our newsletter"), listicle teasers ("5
# healthy eating tips for holiday travelers"), notices, and a dateline standing alone.
# General facts about news sites, not about one article.
BOILERPLATE = re.compile(
    r"^(?:please\s+)?(?:share|send|subscribe|sign\s+(?:up|in)|follow\s+us|click|tap|"
    r"read\s+(?:more|next)|watch|listen|download|contact\s+us|email\s+us|tell\s+us|"
    r"join\s+us|like\s+us|register|log\s+in|get\s+(?:the|our)|don't\s+miss)\b"
    r"|^\d+\s+(?:\w+\s+){0,3}(?:ways|tips|things|reasons|facts|signs|steps|ideas|"
    r"tricks|secrets|foods|places|photos|pictures)\b"
    r"|©|\ball rights reserved\b|\bcookie(?:s| settings| policy)\b|^advertisement\b"
    r"|\bnewsletter\b|\bprivacy policy\b|\bterms of (?:use|service)\b"
    r"|^[^.!?]{0,60},\s+(?:\d{1,2}\s+\w+|\w+\s+\d{1,2},?)\s+\d{4}\.?$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """Whether a sentence is site furniture rather than reporting (see `BOILERPLATE`).

    >>> [is_boilerplate(t) for t in ("Please share your videos with us.",
    ...     "5 healthy eating tips for holiday travelers", "Officials share the blame.")]
    [True, True, False]
    """
    return bool(BOILERPLATE.search(" ".join(text.split())))


def _reported_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The claims made in body sentences (not the headline or byline), furniture left out."""
    claims = tables["claims"]
    sentences = tables["sentences"][["article", "index", "kind", "text"]]
    merged = claims.merge(
        sentences.rename(columns={"index": "sentence", "text": "sentence_text"}),
        on=["article", "sentence"],
        how="left",
    )
    keep = (merged["kind"].fillna("sentence") == "sentence") & ~(
        merged["text"].map(is_boilerplate)
        | merged["sentence_text"].fillna("").map(is_boilerplate)
    )
    return merged[keep].sort_values(["article", "start", "end"], kind="stable")


def _carried_by(found: set[str], ids: Sequence[str]) -> str:
    if len(found) == len(ids):
        return f"all {len(ids)}"
    names = [a for a in ids if a in found]
    return f"only {names[0]}" if len(names) == 1 else ", ".join(names)


def claim_coverage(
    tables: dict[str, pd.DataFrame], overlap: float = 0.35
) -> pd.DataFrame:
    """Which claims each article carries (✓) and which the others omit (–), grouped.

    Claims of body sentences are compared (headlines, bylines and site furniture such
    as teasers and "Please share…" lines are left out). Claims are grouped across
    articles when their content words overlap by at least `overlap` (Jaccard); each
    group is shown by its first claim, in article order. Rows come shared first (by all,
    then by several), then each article's own claims in article and text order. The
    grouping compares every claim with every group: meant for a handful of articles.
    """
    ids = _article_ids(tables)
    order = {a: n for n, a in enumerate(ids)}
    groups: list[tuple[str, frozenset[str], set[str], int]] = []
    for article, text in _reported_claims(tables)[["article", "text"]].itertuples(
        index=False
    ):
        words = _content(text)
        if not words:
            continue
        best = None
        for group in groups:
            jaccard = len(words & group[1]) / len(words | group[1])
            if jaccard >= overlap and (best is None or jaccard > best[0]):
                best = (jaccard, group)
        if best is None:
            groups.append((" ".join(text.split()), words, {article}, len(groups)))
        else:
            best[1][2].add(article)

    def rank(group: tuple[str, frozenset[str], set[str], int]) -> tuple:
        found = group[2]
        first = min(order[a] for a in found)
        return (-len(found), first if len(found) == 1 else 0, group[3])

    rows = [
        [_carried_by(found, ids), text, len(found)]
        + ["✓" if a in found else "–" for a in ids]
        for text, _, found, _ in sorted(groups, key=rank)
    ]
    return pd.DataFrame(rows, columns=["carried by", "claim", "articles", *ids])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def compare_answer(
    tables: dict[str, pd.DataFrame], evidence: Sequence[tuple[str, str]] = ()
) -> Answer:
    """What differs between the articles, in a few sentences: frames, sources, claims.

    Args:
        tables: the corpus tables.
        evidence: (label, href) links to the tables and data behind the answer.
    """
    articles = tables["articles"]
    ids = _article_ids(tables)
    if len(ids) < 2:
        return Answer(f"{len(ids)} article: nothing to compare.")
    primary = dict(zip(articles["article"], articles["primary_frame"], strict=True))
    named = {a: primary.get(a) or "no dominant frame" for a in ids}
    if len(set(named.values())) == 1:
        frames = f"All {len(ids)} articles share the primary frame {named[ids[0]]}"
    else:
        frames = "Primary frames differ: " + "; ".join(
            f"{a}: {f}" for a, f in named.items()
        )
    sources = compare_sources(tables)
    leading = []
    for a in ids:
        column = sources[a] if a in sources else pd.Series(dtype=float)
        if column.empty or column.max() <= 0:
            leading.append(f"{a}: no quotes")
        else:
            top = min(column.items(), key=lambda kv: (-kv[1], kv[0]))
            leading.append(f"{a}: {top[0]} ({top[1]:.0f}%)")
    coverage = claim_coverage(tables)
    shared = int((coverage["articles"] == len(ids)).sum())
    own = "; ".join(
        f"{a}: {_count(int((coverage['carried by'] == f'only {a}').sum()), 'claim')}"
        for a in ids
    )
    return Answer(
        f"{frames}. Most quoted source type: {'; '.join(leading)}. "
        f"{_count(shared, 'claim')} carried by all {len(ids)}; claims the others omit: "
        f"{own}.",
        evidence,
    )
