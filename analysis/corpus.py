"""Reading news articles from files and folders into `Article` records.

Plain text (`.txt`), Markdown (`.md`) and HTML (`.html`, `.htm`) are read as UTF-8 (a BOM
is dropped); markup is removed from Markdown, and a web page's main text, headline, outlet,
author and date are found with trafilatura. Line endings of text files are kept, so every
offset the package reports slices `Article.text` exactly. An article is at most
`MAX_CHARS` characters (docs/corpus.md, "Limits"): a longer one is refused, not analysed
for minutes.
"""

from __future__ import annotations

import errno
import hashlib
import html
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from analysis import tokenize

SUFFIXES = (".txt", ".md", ".html", ".htm")
# The longest article text analysed, in characters (about 300,000 words, a short book):
# every stage is linear, at about 10 s per MB for the slowest, so this bounds one
# article's time; the longest PolNeAR article has 41,000 characters.
MAX_CHARS = 2_000_000
# The largest file read at all, in bytes: HTML pages carry more markup than text, but a
# file ten times the text bound is not an article.
MAX_FILE_BYTES = 10 * MAX_CHARS
# Ids: a slug of the file name, and where that is not enough a short hash of the path
# relative to the input root; never longer than this (a file name is at most 255 bytes).
_SLUG_LENGTH = 60
_HASH_LENGTH = 10
MAX_ID_LENGTH = _SLUG_LENGTH + 1 + _HASH_LENGTH


class ArticleError(ValueError):
    """An input that cannot be read as an article; `str()` is a one-line message."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Article:
    """One article: `text` is what every offset points into.

    `source` is the path relative to the input root (the named folder, or the named
    file's folder), the same on every machine: for provenance records and ids.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    byline: str | None = None
    source: str | None = None
    outlet: str | None = None  # the site's name, where the page says it
    author: str | None = None  # from the page's metadata
    date: str | None = None  # publication date, YYYY-MM-DD, where the page says it


def _slug(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")


def relative_path(path: str | Path, root: str | Path) -> str:
    """`path` relative to the input `root`, with the root folder's own name first.

    `root` is the folder named on the command line, or the file itself when the file was
    named: `seeds/a.txt` is `seeds/a.txt` either way, wherever the checkout lives.
    """
    p, r = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    base = p.parent.parent if r == p else r.parent
    try:
        return p.relative_to(base).as_posix()
    except ValueError:  # not under the root: its own folder and name
        return p.relative_to(p.parent.parent).as_posix()


def article_id(
    path: str | Path, root: str | Path | None = None, *, hashed: bool = False
) -> str:
    """A file-name-safe id: `seeds/000_ab.txt` -> `000_ab`.

    An ASCII name keeps its plain slug. A name that leaves no slug, is not ASCII (every
    Cyrillic or Chinese name would be `article`) or is too long gets a shortened slug
    and a hash of its path relative to `root`, so the id is stable and distinct;
    `hashed` asks for the hash anyway (two files with the same slug).
    """
    p = Path(path)
    slug = _slug(p.stem)
    if slug and p.stem.isascii() and len(slug) <= MAX_ID_LENGTH and not hashed:
        return slug
    where = relative_path(p, root if root is not None else p)
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{slug[:_SLUG_LENGTH].rstrip('._-') or 'article'}-{digest}"


def unique_ids(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Every path `iter_paths` finds, with an id unique in the batch (a file named
    twice keeps one id).

    Ids never depend on the order of the inputs: every file of a group that shares a
    slug gets the hash of its relative path; only two files with the same relative
    path in different places fall back to `~2`, `~3` (by absolute path).
    """
    return [(path, aid) for path, _, aid in _unique(paths)]


def _unique(paths: Iterable[str | Path]) -> list[tuple[Path, Path, str]]:
    """`(path, input root, id)` for every file, in `iter_paths` order."""
    named = [(os.path.abspath(path), path, root) for path, root in _entries(paths)]
    entries: dict[str, tuple[Path, Path]] = {}
    for key, path, root in named:
        entries.setdefault(key, (path, root))
    ids = {key: article_id(p, root) for key, (p, root) in entries.items()}
    groups: dict[str, list[str]] = {}
    for key, aid in ids.items():
        groups.setdefault(aid, []).append(key)
    for keys in groups.values():
        if len(keys) > 1:
            for key in keys:
                ids[key] = article_id(*entries[key], hashed=True)
    seen: dict[str, int] = {}
    for key in sorted(ids, key=lambda k: (ids[k], k)):
        seen[ids[key]] = seen.get(ids[key], 0) + 1
        if seen[ids[key]] > 1:  # `_slug` never yields "~": no clash with another id
            ids[key] = f"{ids[key]}~{seen[ids[key]]}"
    return [(path, root, ids[key]) for key, path, root in named]


def from_text(text: str, id: str = "text", path: str = "<text>") -> Article:
    """An `Article` from a string (for notebooks and tests)."""
    _check_text(path, text)
    return Article(
        id=id, path=path, text=text, title=_title(text), byline=_byline(text)
    )


def _check_text(path: str | Path, text: str) -> None:
    if not text.strip():
        raise ArticleError(path, "empty or whitespace-only text")
    if len(text) > MAX_CHARS:
        raise ArticleError(
            path,
            f"too long: {len(text):,} characters (the limit is {MAX_CHARS:,}; "
            "split the article into parts)",
        )


def _file_status(p: Path) -> os.stat_result:
    """The file's status, or the reason it is not a readable regular file."""
    try:
        status = p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(
                p, "symlink loop (the link points back to itself)"
            ) from None
        if exc.errno == errno.ENOENT:
            broken = " (a broken symlink)" if p.is_symlink() else ""
            raise ArticleError(p, f"no such file{broken}") from None
        raise ArticleError(p, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(status.st_mode):
        if not any(_is_article_file(f) for f in p.iterdir()):
            raise ArticleError(p, "folder has no .txt, .md or .html files")
        raise ArticleError(p, "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(status.st_mode) else "a device or socket"
        raise ArticleError(p, f"not a regular file ({kind}); not read")
    if status.st_size > MAX_FILE_BYTES:
        raise ArticleError(
            p,
            f"file too large: {status.st_size:,} bytes (the limit is "
            f"{MAX_FILE_BYTES:,})",
        )
    return status


def read_article(path: str | Path) -> Article:
    """Read one file into an `Article`.

    Raises:
        ArticleError: missing or unreadable file, symlink loop, FIFO or other file that
            is not a regular file, binary data, undecodable bytes, no text, or more
            than `MAX_CHARS` characters.
    """
    p = Path(path)
    _file_status(p)  # before opening: a FIFO would block the read forever
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
    _check_text(p, text)
    return Article(
        id=article_id(p),
        path=str(p),
        text=text,
        title=title or _title(text),
        byline=_byline(text),
        source=relative_path(p, p),
        outlet=page.outlet,
        author=page.author,
        date=page.date,
    )


def _entries(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """`(file, input root)` for every file named or found in a named folder."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = [f for f in p.iterdir() if _is_article_file(f) and not f.is_dir()]
            if not found:  # an empty folder is reported, not skipped
                yield p, p
            for f in sorted(found, key=lambda f: f.name):
                yield f, p
        else:
            yield p, p


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the article files in named folders, sorted by name.

    In a folder, `.txt`, `.md`, `.html` and `.htm` entries are articles, except README
    files and hidden files; entries that are not regular files (a symlink loop, a
    FIFO) are yielded too, so the reader reports them. A named path that does not
    exist, and a folder with no article files, are yielded as is, for the same reason.
    """
    for path, _ in _entries(paths):
        yield path


def _is_article_file(path: Path) -> bool:
    # A folder's README and hidden files document the folder; they are not articles.
    name = path.name.lower()
    return (
        path.suffix.lower() in SUFFIXES
        and not name.startswith(".")
        and not name.startswith("readme.")
    )


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Every article under `paths`; a bad file is yielded as its `ArticleError`.

    Ids are unique in the batch (`unique_ids`) and `source` is relative to the input
    root.
    """
    for p, root, aid in _unique(paths):
        try:
            article = read_article(p)
        except ArticleError as exc:
            yield exc
            continue
        yield replace(article, id=aid, source=relative_path(p, root))


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


# Every pattern is linear in the text: no two quantifiers may match the same run (a
# nested or overlapping pair backtracks over every start, O(n^2) on a hostile line), and
# spans stop at the next delimiter or line end.
_MD_RULES = (
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),  # code fences
    (re.compile(r"!\[[^\]\[\n]*\]\([^()\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\[\n]+)\]\([^()\n]*\)"), r"\1"),  # links keep their words
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (
        re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE),
        "",
    ),  # list markers
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
    # emphasis before strong, so that `**a *b* c**` loses both
    (re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"\*\*(?!\s)([^*\n]+)(?<!\s)\*\*"), r"\1"),  # strong
    (re.compile(r"__(?!\s)([^_\n]+)(?<!\s)__"), r"\1"),  # strong
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)
# An ATX heading line; its text is cut from its closing hashes in `_heading_text`
# (a pattern for both would overlap on the spaces and hashes at the end).
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n]*)$", re.MULTILINE)


def _heading_text(line: str) -> str:
    """A heading's text without its closing `#` run (which must follow a space)."""
    text = line.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare
    return text.strip(" \t")


def markdown_to_text(markup: str) -> tuple[str, str | None]:
    """Text of a Markdown document with its markup removed, and its first `#` heading."""
    title = next(
        (_heading_text(m[2]) for m in _MD_HEADING.finditer(markup) if m[1] == "#"),
        None,
    )
    text = _MD_HEADING.sub(lambda m: _heading_text(m[2]), markup)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return html.unescape(text), title or None
