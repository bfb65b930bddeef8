"""Reading news articles from files and folders into `Article` records.

Plain text (`.txt`), Markdown (`.md`) and HTML (`.html`, `.htm`) are read as UTF-8 (a BOM
is dropped); markup is removed from Markdown, and a web page's main text, headline, outlet,
author and date are found with trafilatura. Line endings of text files are kept, so every
offset the package reports slices `Article.text` exactly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis import tokenize

SUFFIXES = (".txt", ".md", ".html", ".htm")


class ArticleError(ValueError):
    """An input that cannot be read as an article; `str()` is a one-line message."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Article:
    """One article: `text` is what every offset points into."""

    id: str
    path: str
    text: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None  # the site's name, where the page says it
    author: str | None = None  # from the page's metadata
    date: str | None = None  # publication date, YYYY-MM-DD, where the page says it


def article_id(path: str | Path) -> str:
    """A file-name-safe id from the file name: `seeds/000_ab.txt` -> `000_ab`."""
    stem = Path(path).stem
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")
    return safe or "article"


def from_text(text: str, id: str = "text", path: str = "<text>") -> Article:
    """An `Article` from a string (for notebooks and tests)."""
    if not text.strip():
        raise ArticleError(path, "empty or whitespace-only text")
    return Article(
        id=id, path=path, text=text, title=_title(text), byline=_byline(text)
    )


def read_article(path: str | Path) -> Article:
    """Read one file into an `Article`.

    Raises:
        ArticleError: missing or unreadable file, binary data, undecodable bytes, or no
            text.
    """
    p = Path(path)
    if not p.exists():
        raise ArticleError(p, "no such file")
    if p.is_dir():
        raise ArticleError(p, "is a folder, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(p, f"cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise ArticleError(p, "binary data (NUL bytes), not text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            p, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    suffix = p.suffix.lower()
    title, page = None, Page("")
    if suffix in (".html", ".htm"):
        try:
            page = read_html(raw)
        except ValueError as exc:
            raise ArticleError(p, str(exc)) from None
        text, title = page.text, page.title
        if not text and raw.strip():
            raise ArticleError(
                p, "no article text in the HTML page (empty, or only menus and scripts)"
            )
    elif suffix == ".md":
        text, title = markdown_to_text(raw)
    else:
        text = raw
    if not text.strip():
        raise ArticleError(p, "empty or whitespace-only text")
    return Article(
        id=article_id(p),
        path=str(p),
        text=text,
        title=title or _title(text),
        byline=_byline(text),
        outlet=page.outlet,
        author=page.author,
        date=page.date,
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the article files in named folders, sorted by name.

    In a folder, `.txt`, `.md`, `.html` and `.htm` files are articles, except README
    files and hidden files. A named path that does not exist is yielded as is, so the
    reader reports it.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = [f for f in p.iterdir() if f.is_file() and _is_article_file(f)]
            yield from sorted(found, key=lambda f: f.name)
        else:
            yield p


def _is_article_file(path: Path) -> bool:
    # A folder's README and hidden files document the folder; they are not articles.
    name = path.name.lower()
    return (
        path.suffix.lower() in SUFFIXES
        and not name.startswith(".")
        and not name.startswith("readme.")
    )


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Every article under `paths`; a bad file is yielded as its `ArticleError`."""
    for p in iter_paths(paths):
        try:
            yield read_article(p)
        except ArticleError as exc:
            yield exc


def _title(text: str) -> str | None:
    span = tokenize.title_span(text)
    return text[span[0] : span[1]] if span else None


def _byline(text: str) -> str | None:
    spans = tokenize.byline_spans(text)
    return "; ".join(text[s:e] for s, e in spans) if spans else None


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page holds for us: its main text and what it says about itself."""

    text: str  # headline and body paragraphs, one blank line apart ("" if none found)
    title: str | None = None  # the headline
    outlet: str | None = None  # the site's name
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD


def read_html(markup: str) -> Page:
    """The article in an HTML page, with its headline, outlet, author and date.

    Raises:
        ValueError: the page cannot be parsed at all (an empty `Page` when it parses
            but holds no article text).

    trafilatura (Barbaresi 2021) finds the main text and drops the site's furniture
    (navigation, teasers, cookie notices, footers); it favours precision, because a
    footer line read as a sentence becomes a claim. Its paragraphs are joined by one
    blank line, and the headline is put first when the body does not start with it,
    as in a plain-text article.
    """
    from trafilatura import bare_extraction

    _quiet_extractors()
    if not _WHOLE_PAGE.search(markup):
        markup = f"<html><body>{markup}</body></html>"  # lxml drops a bare fragment
    try:
        found = bare_extraction(
            markup,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except Exception as exc:  # noqa: BLE001 -- a page lxml cannot parse: one line, ours
        raise ValueError(f"cannot parse the HTML page ({type(exc).__name__})") from None
    if found is None or not (found.text or "").strip():
        return Page("")
    title = _one_line(found.title)
    paragraphs = [_one_line(line) for line in found.text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return Page(
        "\n\n".join(paragraphs) + "\n",
        title,
        _one_line(found.sitename),
        _one_line(found.author),
        _one_line(found.date),
    )


_WHOLE_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
# trafilatura and the libraries it calls log what they discard; with no handler Python
# would print those lines on stderr, and a bad page must give one line, ours.
_EXTRACTOR_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability")


def _quiet_extractors() -> None:
    import logging

    for name in _EXTRACTOR_LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Main text of an HTML page (see `read_html`) and its headline, if any."""
    page = read_html(markup)
    return page.text, page.title


_MD_RULES = (
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (
        re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE),
        r"\1",
    ),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (
        re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE),
        "",
    ),  # list markers
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)


def markdown_to_text(markup: str) -> tuple[str, str | None]:
    """Text of a Markdown document with its markup removed, and its first `#` heading."""
    found = _MD_HEADING.search(markup)
    title = found.group(1).strip() if found else None
    text = markup
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return html.unescape(text), title or None
