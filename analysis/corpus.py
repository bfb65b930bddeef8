"""Reading news articles from files and folders into `Article` records.

Plain text (`.txt`), Markdown (`.md`) and HTML (`.html`, `.htm`) are read as UTF-8 (a BOM
is dropped); markup is removed from Markdown and HTML. Line endings are kept, so every
offset the package reports slices `Article.text` exactly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
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
    title = None
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
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


# Elements whose content is never article text.
_DROP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
# Elements that end a paragraph.
_BLOCK = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol blockquote section article header footer aside "
    "figure figcaption table tr td th pre hr dd dt dl main nav".split()
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop_depth = 0
        self.title: list[str] = []
        self.h1: list[str] = []
        self.where: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROP:
            self.drop_depth += 1
        elif tag == "title" or (tag == "h1" and not self.h1):
            self.where = tag
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop_depth = max(0, self.drop_depth - 1)
        if tag == self.where:
            self.where = None
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.where == "title":
            self.title.append(data)
            return
        if self.drop_depth:
            return
        if self.where == "h1":
            self.h1.append(data)
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Text of an HTML page: scripts and styles dropped, blocks become paragraphs.

    Returns:
        The text (paragraphs separated by one blank line) and the page title, if any.
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    body = "\n\n".join(p for p in paragraphs if p)
    title = " ".join("".join(parser.h1 or parser.title).split()) or None
    return body + "\n" if body else "", title


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
