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
from typing import Any

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

    def _display_frame(self) -> pd.DataFrame:
        shown = self.frame.head(self.max_rows).copy()
        for column in shown.columns:
            if pd.api.types.is_float_dtype(shown[column]):
                shown[column] = shown[column].map(
                    lambda v: "" if pd.isna(v) else f"{v:.{self.digits}f}"
                )
        return shown.fillna("")

    def _repr_html_(self) -> str:
        shown = self._display_frame()
        body = shown.to_html(index=False, escape=True, border=0, classes="report-table")
        body = body.replace(' style="text-align: right;"', "")
        caption = f"<caption>{html.escape(self.caption)}</caption>"
        body = body.replace(">\n", ">\n" + caption + "\n", 1)
        more = len(self.frame) - len(shown)
        if more > 0:
            body += f'\n<p class="more">… and {more} more rows in the CSV.</p>'
        if self.frame.empty:
            body += '\n<p class="more">(none found)</p>'
        return body

    def __repr__(self) -> str:
        return f"{self.caption}\n{self._display_frame().to_string(index=False)}"


class Note(str):
    """A sentence for the reader (an answer, a caveat), shown as escaped HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return f'<p class="answer">{html.escape(str(self))}</p>'


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


def _body(text: str) -> list[tokenize.Sentence]:
    return [s for s in tokenize.sentences(text) if s.kind != "byline"]


def overview(article: Any) -> pd.DataFrame:
    """The article in numbers: one row per measure (`measure`, `value`, `unit`)."""
    text = article.text
    body = [s for s in tokenize.sentences(text) if s.kind == "sentence"]
    words = len(_words(text))
    paragraphs = tokenize.paragraphs(text)
    rows = [
        ("title", article.title or "(none)", ""),
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

    Stopwords are left out; a two-word term is counted when both words are content words
    and it occurs at least twice. Ties are broken alphabetically.
    """
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for sentence in _body(text):
        tokens = [w.lower().replace("’", "'") for _, _, w in _words(sentence.text)]
        content = [t if t not in stop and len(t) > 1 else None for t in tokens]
        counts.update(t for t in content if t)
        pairs = (f"{a} {b}" for a, b in itertools.pairwise(content) if a and b)
        counts.update(pairs)
    pairs = {t: c for t, c in counts.items() if " " in t and c >= 2}
    singles = {t: c for t, c in counts.items() if " " not in t}
    # a word that only ever occurs inside a frequent pair adds nothing beside the pair
    for pair, c in pairs.items():
        for word in pair.split():
            if singles.get(word) == c:
                singles.pop(word)
    merged = sorted({**singles, **pairs}.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    total = sum(1 for _ in _words(text)) or 1
    return pd.DataFrame(
        [(term, count, 1000 * count / total) for term, count in merged],
        columns=["term", "count", "per 1,000 words"],
    )


def kwic(
    text: str,
    terms: Sequence[str],
    width: int = 40,
    key_terms: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword in context: every whole-word, case-insensitive match of each term.

    With no `terms`, the first three of `key_terms` (a `key_terms()` table) are used.
    """
    if not terms and key_terms is not None:
        terms = top_terms(key_terms)
    rows = []
    sentences = _body(text)
    for term in terms:
        if not term.strip():
            continue
        words = [re.escape(w) for w in term.split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text):
            start, end = match.span()
            sentence = next(
                (s.index for s in sentences if s.start <= start < s.end), -1
            )
            left = " ".join(text[max(0, start - width) : start].split())
            right = " ".join(text[end : end + width].split())
            rows.append((term, sentence, start, left, match.group(), right))
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


def log_odds(texts: dict[str, str], n: int = 10, prior: float = 0.01) -> pd.DataFrame:
    """Distinctive words per article: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: each article against all
    the others, the prior being the pooled counts scaled to `prior` times their total.
    Returns the `n` words with the highest z-score per article (`article`, `word`,
    `count`, `z`).
    """
    stop = _stopwords()
    counts = {
        name: Counter(
            w.lower().replace("’", "'")
            for _, _, w in _words(text)
            if w.lower() not in stop and len(w) > 1
        )
        for name, text in sorted(texts.items())
    }
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    alpha0 = prior * sum(pooled.values()) or 1.0
    total_pooled = sum(pooled.values()) or 1
    rows = []
    for name, own in counts.items():
        rest = pooled - own
        n_own, n_rest = sum(own.values()), sum(rest.values())
        for word in sorted(own):
            a = alpha0 * pooled[word] / total_pooled
            y_i, y_j = own[word], rest.get(word, 0)
            delta = math.log((y_i + a) / (n_own + alpha0 - y_i - a)) - math.log(
                (y_j + a) / (n_rest + alpha0 - y_j - a)
            )
            variance = 1 / (y_i + a) + 1 / (y_j + a)
            rows.append((name, word, y_i, delta / math.sqrt(variance)))
    frame = pd.DataFrame(rows, columns=["article", "word", "count", "z"])
    frame = frame.sort_values(["article", "z", "word"], ascending=[True, False, True])
    return frame.groupby("article", sort=True).head(n).reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Command line: `python -m analysis report PATH... [--out DIR] [--jobs N] [--show-code]`.


def register_cli(subparsers: Any) -> None:
    """Add the `report` sub-command (it runs the notebooks; see `analysis.reporting`)."""
    parser = subparsers.add_parser(
        "report",
        help="the framing report: run the notebooks for each article, export HTML",
        description="Run every notebook of notebooks/ for each article with papermill, "
        "export the pages to HTML and write DIR/<article-id>/index.html (and, with several "
        "articles, DIR/index.html and the comparison). Exit status 1 if a page failed, "
        "2 for bad input.",
    )
    from analysis import reporting

    reporting.add_arguments(parser)
    parser.set_defaults(handler=_report_command)


def _report_command(args: Any) -> int:
    from analysis import reporting

    return reporting.main(args)
