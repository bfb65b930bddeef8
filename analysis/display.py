"""Display helpers for the notebooks: tables, answers, links and the annotated article.

Every piece of article text is HTML-escaped here, so a notebook (and the report page
made from it) shows what the article says and never runs what it contains. These are
the only classes with a `_repr_html_`; they compute nothing about the article.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
from collections.abc import Sequence
from typing import Any, Self

import pandas as pd

from analysis import document

# The speaker shown for a quote nobody is named for.
UNATTRIBUTED = "(unattributed)"


def signed(value: float) -> str:
    """A score with its sign, never "-0.00"."""
    value = float(value)
    return "+0.00" if abs(value) < 0.005 else f"{value:+.2f}"


def speaker(quote: Any) -> str:
    """The name a quote is shown under: its speaker, as resolved or as written."""
    return quote.speaker or quote.speaker_text or UNATTRIBUTED


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
# The annotated article (06-annotated).


@dataclasses.dataclass(frozen=True, eq=False)
class Annotated:
    """The article as HTML: sentences tinted by tone, quotes marked with their speaker,
    hedges and evidentials underlined. Every character of the article is escaped."""

    text: str
    paragraphs: tuple[Any, ...]  # the text's paragraphs (`Document.paragraphs`)
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
                    (t.start, t.end, f"tone-{t.label}", f"tone {signed(t.score)}")
                )
        for q in self.quotes:
            if q.kind == "scare":
                spans.append((q.start, q.end, "scare", "scare quote"))
            else:
                spans.append((q.start, q.end, "quote", f"{q.kind} quote: {speaker(q)}"))
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
                ends.setdefault(q.end, []).append(speaker(q))
        parts = ['<div class="annotated">']
        for par in self.paragraphs:
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


def annotated(doc: document.Document) -> Annotated:
    """The annotated view of an article: its tones, quotes and framing cues, in place."""
    return Annotated(
        doc.text,
        tuple(doc.paragraphs),
        tuple(doc.quotes),
        tuple(doc.frames.cues),
        tuple(doc.tones),
    )


def legend() -> Note:
    """The key to the annotated view."""
    return Note(
        "Key: sentences tinted red are negative in tone, blue positive; quoted or "
        "reported speech is underlined in orange with its speaker in a brown tag; hedges, "
        "evidentials and boosters are dotted and in italics; hover for details."
    )
