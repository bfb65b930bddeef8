"""The framing report: run the notebooks with papermill, export them to HTML, index them.

`build(paths, out)` runs every notebook of `notebooks/` for each article in one process
(papermill, kernel `python3`, an execution timeout, no timing metadata), exports each
executed notebook to HTML in-process with nbconvert, and writes

    OUT/<article-id>/index.html      links to every page, data file and the provenance
    OUT/<article-id>/NN-name.html    one page per notebook (code hidden unless show_code)
    OUT/<article-id>/*.csv, *.png    every table and figure, the CSV beside its PNG
    OUT/<article-id>/provenance.json input sha256, parameters, versions, lexicon sha256s
    OUT/index.html, OUT/compare/     with several articles: the batch and the comparison

Reproducible: two runs on the same input give byte-identical files (cell ids renumbered,
papermill timing metadata dropped, fixed PNG metadata, no clock anywhere; provenance
paths relative to the input root). Atomic: the report is built in a hidden folder beside
OUT and each finished folder is renamed into place; Ctrl-C stops the run and leaves OUT
as it was; a second run into the same OUT is refused (a lock in OUT), and a killed run's
build folder is removed by the next. Safe: pages are sanitised with an allow-list and carry a Content-Security-Policy
that forbids scripts and remote resources.

The notebooks also call the small helpers `folder`, `table`, `figure` and `read_articles`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import html
import importlib.metadata
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from analysis import corpus, display, document, lexicons, outputs

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
# Per-article notebooks are numbered 00-09; 10 and above compare several articles.
_NOTEBOOK_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+$")
COMPARE_FOLDER = "compare"
# Packages whose versions go into provenance.json.
PACKAGES = (
    "analysis",
    "bleach",
    "ipykernel",
    "matplotlib",
    "nbclient",
    "nbconvert",
    "nbformat",
    "nltk",
    "numpy",
    "pandas",
    "papermill",
    "vaderSentiment",
)
# PNG text chunks: matplotlib would write its version under "Software"; nothing else.
PNG_METADATA = {"Software": None}


# ---------------------------------------------------------------------------------------
# Writers used inside the notebooks.


def folder(output_dir: str) -> Path:
    """The notebook's output folder, created if missing."""
    path = Path(output_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write_csv(frame: Any, path: Path) -> None:
    import pandas as pd

    keep_index = not isinstance(frame.index, pd.RangeIndex)
    frame.to_csv(path, index=keep_index, lineterminator="\n")


def table(
    frame: Any, out: Path, name: str, caption: str, digits: int = 2
) -> display.Table:
    """Write `frame` to `out/name.csv` and return it for display with its caption."""
    csv = Path(out) / f"{name}.csv"
    _write_csv(frame, csv)
    return display.Table(frame, caption, digits, data=csv.as_posix())


def figure(fig: Any, frame: Any, out: Path, name: str) -> display.DataLink:
    """Save `fig` as `out/name.png` beside `frame` as `out/name.csv`; display the PNG.

    Returns the link to the CSV, shown under the figure. The PNG carries no date and no
    software version, so its bytes depend on the data.
    """
    import IPython.display

    out = Path(out)
    csv = out / f"{name}.csv"
    _write_csv(frame, csv)
    png = out / f"{name}.png"
    fig.savefig(png, format="png", metadata=PNG_METADATA)
    titles = [t for ax in fig.axes for t in (ax.get_title("left"), ax.get_title()) if t]
    alt = f"{titles[0] if titles else name} (data: {name}.csv)"
    IPython.display.display(
        IPython.display.Image(data=png.read_bytes(), format="png", alt=alt)
    )
    return display.DataLink(csv.as_posix())


def read_articles(paths: Sequence[str | Path]) -> list[corpus.Article]:
    """The readable articles under `paths` (files or folders); bad files are skipped."""
    return [a for a in corpus.iter_articles(paths) if isinstance(a, corpus.Article)]


# ---------------------------------------------------------------------------------------
# Notebooks.


# The report's notebooks, in page order, each with the short question that names its
# page in the navigation. Declared, not globbed: a notebook saved in notebooks/ while
# exploring does not become a page of everyone's report.
REPORT_NOTEBOOKS: dict[str, str] = {
    "00-summary": "Summary",
    "01-overview": "What is in it?",
    "02-voices": "Who speaks?",
    "03-tone": "What tone?",
    "04-actors": "Who is portrayed how?",
    "05-framing": "Which frames?",
    "06-annotated": "Where in the text?",
    "10-compare": "How do they differ?",
}


@dataclasses.dataclass(frozen=True)
class Notebook:
    """One notebook of the report: its file, title and the modules it imports."""

    path: Path
    name: str  # file stem, e.g. "01-overview"
    title: str  # the question in its first markdown cell
    imports: tuple[
        str, ...
    ]  # the analysis modules it imports (its kernel loads them ahead)
    label: str = ""  # the short question naming its page in the navigation

    @property
    def compare(self) -> bool:
        """Whether it compares several articles (numbered 10 and above)."""
        return int(self.name[:2]) >= 10


def notebooks(directory: Path = NOTEBOOK_DIR) -> list[Notebook]:
    """The report's notebooks, in page order.

    In the project's notebooks/ these are the ones `REPORT_NOTEBOOKS` declares; another
    folder (a test's, a benchmark's) gives every numbered notebook in it, by name.
    The files are read as plain JSON: importing nbformat costs 0.8 s of CPU, which the
    pages' worker threads pay while the first kernels start.
    """
    if Path(directory).resolve() == NOTEBOOK_DIR.resolve():
        paths = [directory / f"{name}.ipynb" for name in REPORT_NOTEBOOKS]
    else:
        paths = sorted(
            p for p in directory.glob("*.ipynb") if _NOTEBOOK_NAME.match(p.stem)
        )
    found = []
    for path in paths:
        cells = [
            (cell["cell_type"], "".join(cell["source"]))
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        ]
        title = path.stem
        if cells and cells[0][0] == "markdown":
            first = cells[0][1].strip().splitlines()
            title = first[0].lstrip("#").strip() if first else title
        label = REPORT_NOTEBOOKS.get(path.stem, title)
        found.append(Notebook(path, path.stem, title, _imports(cells), label))
    return found


_IMPORT = re.compile(r"^from analysis import (.+)$", re.MULTILINE)


def _imports(cells: list[tuple[str, str]]) -> tuple[str, ...]:
    """The analysis modules a notebook imports (`from analysis import a, b`)."""
    names = {
        name.strip()
        for kind, source in cells
        if kind == "code"
        for line in _IMPORT.findall(source)
        for name in line.split(",")
    }
    return tuple(sorted(names))


def check_parameters(nb: Notebook, parameters: dict[str, Any]) -> str | None:
    """None if the notebook declares every parameter passed, else the problem."""
    import papermill

    declared = papermill.inspect_notebook(str(nb.path))
    if not declared:
        return f"{nb.name}: no cell tagged 'parameters'"
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        return f"{nb.name}: does not declare parameter(s) {', '.join(unknown)}"
    return None


# ---------------------------------------------------------------------------------------
# Execution.


@dataclasses.dataclass
class Page:
    """The outcome of one notebook run (timings never go into files)."""

    notebook: Notebook
    file: str  # the HTML page's file name
    ok: bool
    error: str = ""  # "cell N: Name: message" when not ok
    seconds: float = 0.0


# What a kernel does while it waits for its notebook: import the modules every notebook
# uses and the ones its notebook imports and, for a notebook that plots (it imports
# analysis.plots), matplotlib, drawing one glyph so that it has found its font (half a
# second of CPU a page that draws nothing need not spend). All inside a function, so
# that no name is left in the notebook's namespace, and nothing that could change an
# output.
_PRELOAD = """
def _preload(extra):
    import importlib
    plots = "analysis.plots" in extra
    draws = ("matplotlib.figure", "matplotlib.backends.backend_agg") if plots else ()
    for name in ("pandas", *draws, "IPython.display", "analysis.corpus",
                 "analysis.document", "analysis.reporting", *extra):
        importlib.import_module(name)
    if not plots:
        return
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        figure = Figure(figsize=(1, 1))
        FigureCanvasAgg(figure)
        figure.text(0.5, 0.5, "x", family="DejaVu Sans")
        figure.canvas.draw()
    except Exception:
        pass
_preload(%r)
del _preload
"""
_KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]  # no TCP warning on every start
# Set in the kernels' environment only: string hashing (set order) is the same in every
# run, and the debugger does not validate files at start-up.
_KERNEL_ENV = {"PYTHONHASHSEED": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


async def _start_kernel(cwd: Path) -> Any:
    """A bare `python3` kernel started in `cwd`, with `_KERNEL_ENV` in its environment."""
    from jupyter_client import AsyncKernelManager

    km = AsyncKernelManager(kernel_name="python3")
    env = {**os.environ, **_KERNEL_ENV}
    await km.start_kernel(cwd=str(cwd), extra_arguments=_KERNEL_ARGS, env=env)
    return km


async def _warm_kernel(cwd: Path, modules: tuple[str, ...] = ()) -> Any:
    """A `python3` kernel started in `cwd` with the modules already imported."""
    km = await _start_kernel(cwd)
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        code = _PRELOAD % (tuple(modules),)
        msg_id = kc.execute(code, silent=True, store_history=False)
        while True:
            reply = await kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
    except BaseException:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        raise
    kc.stop_channels()
    return km


def _stop_kernel(km: Any) -> None:
    import asyncio

    with contextlib.suppress(Exception):  # already dead: nothing left to stop
        asyncio.run(km.shutdown_kernel(now=True))


class _WarmKernels:
    """Kernels started one at a time, in page order, ahead of the page that needs them.

    While a page runs, the kernel for a later page starts and imports the common modules
    (start-up is mostly waiting and importing, which overlaps with the running page). At
    most `ahead` kernels wait at any time, so a long batch does not pile up processes.
    Every page must `take` its kernel (even one it will not use) to free its slot.
    """

    def __init__(self, ahead: int) -> None:
        self._slots = threading.Semaphore(max(1, ahead))
        self._starter = ThreadPoolExecutor(max_workers=max(1, ahead))
        self._futures: dict[Any, Any] = {}
        self._closed = False
        self.running = _Running()

    def prepare(self, key: Any, cwd: Path, modules: Sequence[str] = ()) -> None:
        """Queue the start of the kernel for page `key`, in `cwd`, importing `modules`."""
        self._futures[key] = self._starter.submit(self._start, cwd, tuple(modules))

    def _start(self, cwd: Path, modules: tuple[str, ...]) -> Any:
        import asyncio

        self._slots.acquire()
        if self._closed:
            self._slots.release()
            return None
        try:
            return asyncio.run(_warm_kernel(cwd, modules))
        except Exception:  # noqa: BLE001 -- the page starts its own kernel instead
            self._slots.release()
            return None

    def take(self, key: Any) -> Any:
        """The kernel for page `key` (None: let papermill start one).

        Raises:
            _Stopped: the run was interrupted; the page must not start.
        """
        km = self._futures.pop(key).result()
        if km is not None:
            self._slots.release()
            self.running.add(km)
        if self.running.stopped.is_set():
            if km is not None:
                _stop_kernel(km)
            raise _Stopped
        return km

    def close(self) -> None:
        """Stop the starter and every kernel nobody took."""
        self._closed = True
        for future in self._futures.values():
            future.cancel()
        for _ in range(len(self._futures)):
            self._slots.release()
        self._starter.shutdown(wait=True)
        for future in self._futures.values():
            if not future.cancelled() and future.result() is not None:
                _stop_kernel(future.result())
        self._futures.clear()


def _execute(
    nb: Notebook, parameters: dict[str, Any], cwd: Path, timeout: int, km: Any = None
) -> tuple[Any, str]:
    """Run one notebook (in kernel `km` if given); return it executed and "" or the error."""
    import asyncio

    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    work = cwd / f".{nb.name}.ipynb"
    try:
        if km is None:  # no warm kernel: a bare one, with the same environment
            km = asyncio.run(_start_kernel(cwd))
        executed = papermill.execute_notebook(
            str(nb.path),
            str(work),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            record_timing=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            start_timeout=60,
            shutdown_kernel="immediate",
            resources={"metadata": {"path": str(cwd)}},
            extra_arguments=_KERNEL_ARGS,
            km=km,
        )
        error = ""
    except PapermillExecutionError as exc:
        executed = nbformat.read(work, as_version=4)
        first = next((line for line in exc.source.splitlines() if line.strip()), "")
        # papermill counts the cell it injects after the parameters cell; number the
        # cells as in the notebook's file
        original = nbformat.read(nb.path, as_version=4).cells
        tagged = [
            i
            for i, c in enumerate(original)
            if "parameters" in c.metadata.get("tags", [])
        ]
        injected = tagged[0] + 1 if tagged else 0
        number = exc.cell_index - (1 if exc.cell_index > injected else 0)
        error = (
            f"cell {number}, In [{exc.exec_count}] ({first.strip()[:60]}): "
            f"{exc.ename}: {exc.evalue}"
        )
    except Exception as exc:  # noqa: BLE001 -- a kernel that died or timed out, a bad notebook
        executed = nbformat.read(nb.path, as_version=4)
        error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    finally:
        if km is not None:
            _stop_kernel(km)
        if work.exists():
            work.unlink()
    return _normalise(executed), error or _kernel_error(executed)


# What the kernel (or a library's logger in it) writes when something broke behind the
# cell's back: a traceback, or a logged error (tornado's "ERROR:tornado.general:...").
_KERNEL_ERROR = re.compile(
    r"^(?:Traceback \(most recent call last\)|ERROR[:\s]).*$", re.MULTILINE
)


def _kernel_error(nb: Any) -> str:
    """ "" if no output holds an error, else the first one (a page with one is not ok).

    An error inside a page is not ok even when every cell finished: its numbers may be
    wrong, and its text (local paths) differs from a clean run's.
    """
    for number, cell in enumerate(nb.cells):
        for output in cell.get("outputs", ()):
            if output.get("output_type") == "error":
                return f"cell {number}: {output.get('ename')}: {output.get('evalue')}"
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found = _KERNEL_ERROR.search(output.get("text", ""))
                if found:
                    return f"cell {number}: kernel error on stderr: {found[0][:200]}"
    return ""


class _Stopped(Exception):
    """The run was interrupted: a page that has not started yet is not run."""


class _Running:
    """The kernels of the pages now running, so that an interrupt can stop them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kernels: set[Any] = set()
        self.stopped = threading.Event()

    def add(self, km: Any) -> None:
        with self.lock:
            self.kernels.add(km)

    def discard(self, km: Any) -> None:
        with self.lock:
            self.kernels.discard(km)

    def stop(self) -> None:
        """No new page starts; every running kernel is killed (its page then fails)."""
        self.stopped.set()
        with self.lock:
            kernels = list(self.kernels)
        for km in kernels:
            with contextlib.suppress(Exception):  # already gone
                km.provisioner.process.kill()


def _normalise(nb: Any) -> Any:
    """Drop everything that changes between two runs of the same notebook."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    cells = []
    for cell in nb.cells:
        if "papermill-error-cell-tag" in cell.metadata.get("tags", []):
            continue  # papermill's red banner: the page gets its own
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cells.append(cell)
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    nb.cells = cells
    return nb


# ---------------------------------------------------------------------------------------
# HTML.

_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "div",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_ATTRIBUTES = {
    "*": ["class", "id", "title"],
    "a": ["href", "class", "id", "title"],
    "td": ["class", "colspan", "rowspan", "title"],
    "th": ["class", "colspan", "rowspan", "title"],
}


def _clean_html(element: Any) -> str:
    """nbconvert's `clean_html` filter with an allow-list that keeps tables and headings."""
    import bleach

    text = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(text, tags=_TAGS, attributes=_ATTRIBUTES, strip=False)


# One exporter for all pages, used under a lock: building one and its first export (the
# templates compiled) costs about as much CPU as twenty exports, and an export is short
# beside a notebook's run, so the worker threads share it instead of making one each.
_EXPORT_LOCK = threading.Lock()
_EXPORTERS: dict[bool, Any] = {}


def _exporter(show_code: bool) -> Any:
    cache = _EXPORTERS
    if show_code not in cache:
        from nbconvert import HTMLExporter

        cache[show_code] = HTMLExporter(
            template_name="basic",
            exclude_input=not show_code,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            sanitize_html=True,
            anchor_link_text="",
            filters={"clean_html": _clean_html},
        )
    return cache[show_code]


_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, "DejaVu Serif", serif; color: #222; background: #fff;
  margin: 0; }
header.site { background: #f3f1ec; border-bottom: 1px solid #ddd; padding: .6rem 1.2rem;
  font: 14px/1.4 "DejaVu Sans", Arial, sans-serif; }
header.site a { color: #0b5394; margin-right: .9rem; text-decoration: none; }
header.site a.here { color: #222; font-weight: bold; }
header.site .article { color: #555; display: block; margin-bottom: .2rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .4rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .4rem; }
a.anchor-link { display: none; }
p.answer { font-size: 1.1rem; background: #eef4fb; border-left: 4px solid #0b5394;
  padding: .5rem .8rem; }
p.more, p.caption, p.data { color: #555; font-size: .9rem; }
p.data { margin: -.8rem 0 1.4rem; font: 13px/1.35 "DejaVu Sans", Arial, sans-serif; }
table { border-collapse: collapse; margin: .8rem 0 1.4rem; min-width: 60%; font: 13px/1.35 "DejaVu Sans",
  Arial, sans-serif; max-width: 100%; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f6f6f6; }
td { overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
/* on a narrow screen a wide table or figure scrolls in its own box, not the page, and a
   figure keeps its drawn size so that its labels stay legible */
table { display: block; overflow-x: auto; }
.output_png { overflow-x: auto; max-width: 100%; }
@media (max-width: 720px) {
  main { padding: .6rem .7rem 2rem; }
  h1 { font-size: 1.35rem; }
  .output_png img { max-width: none; width: auto; }
  th, td { padding: .2rem .35rem; }
}
pre, code { font: 12.5px/1.4 "DejaVu Sans Mono", monospace; }
.input_area, div.highlight { background: #f7f7f7; padding: .3rem .6rem; margin: .4rem 0; }
.output_stderr, .output_error { background: #fdecea; }
.banner { background: #fdecea; border: 1px solid #d55e00; padding: .6rem .9rem; }
ul.links li { margin: .2rem 0; }
.status-failed { color: #b00020; font-weight: bold; }
.status-ok { color: #1b7a3d; }
.annotated { font-size: 1rem; line-height: 1.9; }
.annotated p { margin: 0 0 1rem; }
.tone-negative { background: #fbe3d6; }
.tone-positive { background: #dcebf7; }
.quote { border-bottom: 2px solid #e69f00; background: #fff3d6; }
.speaker { font: bold 11px/1 "DejaVu Sans", Arial, sans-serif; color: #fff;
  background: #8a5a00; border-radius: 3px; padding: 1px 4px; margin-left: 2px;
  vertical-align: 2px; }
.hedge { border-bottom: 2px dotted #cc79a7; font-style: italic; }
.legend span { margin-right: 1rem; padding: 0 .3rem; }
"""
# No script may run and nothing may load from elsewhere (images are inline data).
_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def _page(title: str, header: str, body: str) -> str:
    from pygments.formatters import HtmlFormatter

    highlight = HtmlFormatter(style="default").get_style_defs(".highlight")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}\n{highlight}\n</style>\n"
        f'</head>\n<body>\n<header class="site">{header}</header>\n<main>\n{body}\n'
        "</main>\n</body>\n</html>\n"
    )


def _nav(article_title: str, pages: Sequence[Page], here: str, up: bool) -> str:
    links = []
    if up:
        links.append('<a href="../index.html">All articles</a>')
    target = ' class="here"' if here == "index.html" else ""
    links.append(f'<a href="index.html"{target}>Contents</a>')
    for page in pages:
        target = ' class="here"' if page.file == here else ""
        label = html.escape(page.notebook.label or page.notebook.title)
        links.append(f'<a href="{html.escape(page.file)}"{target}>{label}</a>')
    return f'<span class="article">{html.escape(article_title)}</span>' + "".join(links)


def _render(nb: Any, page: Page, show_code: bool) -> str:
    with _EXPORT_LOCK:
        body, _ = _exporter(show_code).from_notebook_node(nb)
    # links between notebooks point at .ipynb in Jupyter and at .html pages here
    body = re.sub(r'href="(\d\d-[a-z0-9-]+)\.ipynb"', r'href="\1.html"', body)
    if not page.ok:
        body = (
            '<div class="banner"><strong>This page failed.</strong> Notebook '
            f"<code>{html.escape(page.notebook.name)}</code>, "
            f"{html.escape(page.error)}. The rest of the report was still produced.</div>\n"
            + body
        )
    return body


# ---------------------------------------------------------------------------------------
# Provenance and index pages.


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def provenance(
    inputs: Sequence[Path],
    parameters: dict[str, dict[str, Any]],
    books: Sequence[Notebook] = (),
    names: Sequence[str] | None = None,
) -> dict[str, Any]:
    """What the report was made from: inputs, parameters, versions, data file hashes.

    `names` are what the inputs are recorded as (their paths relative to the input
    root, `Article.source`), so that the file reveals no local folder and is the same
    from any checkout; without them, the paths as given.
    """
    names = [str(p) for p in inputs] if names is None else names
    return {
        "inputs": [
            {"path": name, "sha256": _sha256(p)}
            for p, name in zip(inputs, names, strict=True)
        ],
        "parameters": parameters,
        "python": sys.version.split()[0],
        "packages": _versions(),
        "lexicons": {name: lexicons.sha256(name) for name in lexicons.data_files()},
        "notebooks": {nb.name: _sha256(nb.path) for nb in books},
    }


def _write_json(path: Path, payload: Any) -> None:
    text = json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def _files_list(directory: Path) -> str:
    items = []
    for path in sorted(directory.iterdir()):
        if path.suffix in (".csv", ".png", ".json") and not path.name.startswith("."):
            name = html.escape(path.name)
            items.append(f'<li><a href="{name}">{name}</a></li>')
    return '<ul class="files">' + "".join(items) + "</ul>"


def display_title(article: corpus.Article) -> str:
    """How a report names its article: headline, outlet and date where known.

    >>> display_title(corpus.Article("x", "x.html", "t", title="Pact signed",
    ...     outlet="Daily News", date="2026-03-14"))
    'Pact signed — Daily News, 2026-03-14'
    """
    where = ", ".join(x for x in (article.outlet, article.date) if x)
    headline = article.title or article.id
    return f"{headline} — {where}" if where else headline


def _article_index(
    title: str, pages: Sequence[Page], directory: Path, summary: str, up: bool
) -> str:
    rows = []
    for page in pages:
        status = (
            '<span class="status-ok">ok</span>'
            if page.ok
            else f'<span class="status-failed">failed: {html.escape(page.error)}</span>'
        )
        rows.append(
            f'<tr><td><a href="{html.escape(page.file)}">{html.escape(page.notebook.title)}'
            f"</a></td><td>{status}</td></tr>"
        )
    body = (
        f'<h1>{html.escape(title)}</h1>\n<p class="answer">{html.escape(summary)}</p>\n'
        "<table><caption>Pages of this report</caption><thead><tr><th>question</th>"
        "<th>status</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>\n"
        "<h2>Data behind the tables and figures</h2>\n"
        '<p class="caption">Every figure (PNG) sits beside the CSV of exactly what it '
        "plots; provenance.json records the input's sha256, the parameters, the "
        "package versions and the sha256 of every lexicon.</p>\n"
        + _files_list(directory)
    )
    return _page(f"Framing report: {title}", _nav(title, pages, "index.html", up), body)


# ---------------------------------------------------------------------------------------
# The whole report.


@dataclasses.dataclass
class ArticleReport:
    """One article's report (for the terminal summary and the benchmark)."""

    article: corpus.Article
    folder: str
    pages: list[Page]
    summary: str = ""

    @property
    def ok(self) -> bool:
        """Whether every page was produced without error."""
        return all(p.ok for p in self.pages)


@dataclasses.dataclass
class Result:
    """What `build` did; `status` is the exit status of `python -m analysis report`."""

    status: int
    articles: list[ArticleReport]
    compare: list[Page]
    seconds: float


def _unique_folders(articles: Sequence[corpus.Article]) -> list[str]:
    seen: set[str] = {COMPARE_FOLDER, "index.html"}
    names = []
    for article in articles:
        name, number = article.id, 2
        while name in seen:
            name, number = f"{article.id}-{number}", number + 1
        seen.add(name)
        names.append(name)
    return names


def _summary_line(
    article: corpus.Article, directory: Path, pages: Sequence[Page]
) -> str:
    facts = []
    fingerprint = directory / "00-fingerprint.csv"
    if fingerprint.exists():
        import csv

        with fingerprint.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("aspect") in ("primary frame", "quotes", "named speakers"):
                    facts.append(f"{row['aspect']}: {row['finding']}")
    failed = [p.notebook.name for p in pages if not p.ok]
    done = f"{len(pages) - len(failed)}/{len(pages)} pages ok"
    if failed:
        done += f" (failed: {', '.join(failed)})"
    words = document.Document.from_article(article).word_count
    return "; ".join([done, f"{words} words", *facts])


@dataclasses.dataclass(frozen=True)
class _Group:
    """The pages of one folder: an article's report, or the comparison."""

    name: str  # folder name
    title: str
    directory: Path
    books: tuple[Notebook, ...]
    parameters: dict[str, Any]
    up: bool  # whether pages link up to a batch index
    sources: tuple[str, ...] = ()  # the inputs' paths relative to the input root


def _recorded(group: _Group) -> dict[str, Any]:
    """The parameters as provenance.json records them: input paths made relative."""
    recorded = dict(group.parameters)
    if "article_path" in recorded:
        recorded["article_path"] = group.sources[0]
    if "article_paths" in recorded:
        recorded["article_paths"] = list(group.sources)
    return recorded


def _run_page(
    group: _Group, nb: Notebook, timeout: int, show_code: bool, kernels: _WarmKernels
) -> Page:
    """Check, execute, render and write one notebook's page (runs in a worker thread)."""
    started = time.perf_counter()
    km = kernels.take((group.name, nb.name))
    problem = check_parameters(nb, group.parameters)
    if problem:
        import nbformat

        if km is not None:
            _stop_kernel(km)
        executed, error = _normalise(nbformat.read(nb.path, as_version=4)), problem
    else:
        executed, error = _execute(nb, group.parameters, group.directory, timeout, km)
    page = Page(nb, f"{nb.name}.html", not error, error)
    siblings = [Page(b, f"{b.name}.html", True) for b in group.books]
    body = _render(executed, page, show_code)
    header = _nav(group.title, siblings, page.file, group.up)
    text = _page(f"{nb.title} — {group.title}", header, body)
    (group.directory / page.file).write_text(text, encoding="utf-8")
    page.seconds = time.perf_counter() - started
    return page


def _finish(group: _Group, pages: list[Page], summary: str) -> None:
    """Write the folder's provenance.json and index.html once its pages are done."""
    inputs = group.parameters.get("article_paths") or [group.parameters["article_path"]]
    _write_json(
        group.directory / "provenance.json",
        provenance(
            [Path(p) for p in inputs],
            {nb.name: _recorded(group) for nb in group.books},
            group.books,
            group.sources,
        ),
    )
    index = _article_index(group.title, pages, group.directory, summary, group.up)
    (group.directory / "index.html").write_text(index, encoding="utf-8")


BusyError = outputs.BusyError  # another run writes into the same folder


# The lock file inside OUT held by the run writing there.
LOCK = ".report.lock"


def _locked(out: Path) -> contextlib.AbstractContextManager[None]:
    """Hold `OUT/.report.lock` for the run, or raise `BusyError`."""
    return outputs.locked(out, LOCK, "another report is being built")


def _build_prefix(out: Path) -> str:
    return f".{out.name}-build-"


def _remove_stale_builds(out: Path) -> None:
    """Remove build folders of earlier runs killed before they could (we hold the lock)."""
    for stale in sorted(out.parent.glob(f"{_build_prefix(out)}*")):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def _uninterrupted() -> Any:
    """Hold Ctrl-C back while folders are renamed into place, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def build(
    paths: Sequence[str | Path],
    out: str | Path = "reports",
    jobs: int = 2,
    show_code: bool = False,
    timeout: int = 300,
    notebook_dir: Path = NOTEBOOK_DIR,
    echo: bool = True,
) -> Result:
    """Build the report for every article under `paths` into `out` (see module doc).

    Raises:
        BusyError: another run is building into `out`.
        KeyboardInterrupt: interrupted; `out` is left as it was (the running pages'
            kernels are stopped, no queued page starts).
    """
    started = time.perf_counter()
    articles, status = _read_inputs(paths)
    if not articles:
        return Result(2, [], [], time.perf_counter() - started)
    single, several = _pages_to_run(notebook_dir, len(articles))
    if not single:
        print(f"error: no notebooks found in {notebook_dir}", file=sys.stderr)
        return Result(2, [], [], time.perf_counter() - started)
    out = Path(out)
    with _locked(out):
        _remove_stale_builds(out)
        reports, compare_pages = _build_and_move_into_place(
            articles, single, several, out, jobs, show_code, timeout, echo
        )
    if any(not r.ok for r in reports) or any(not p.ok for p in compare_pages):
        status = max(status, 1)
    return Result(status, reports, compare_pages, time.perf_counter() - started)


def _read_inputs(paths: Sequence[str | Path]) -> tuple[list[corpus.Article], int]:
    """The readable articles under `paths`, and 2 if any input was bad (each said)."""
    status = 0
    articles: list[corpus.Article] = []
    for item in corpus.iter_articles(paths):
        if isinstance(item, corpus.ArticleError):
            print(f"error: {item}", file=sys.stderr)
            status = 2
        else:
            articles.append(item)
    if not articles and status == 0:
        print(
            f"error: {', '.join(map(str, paths))}: no .txt, .md or .html files",
            file=sys.stderr,
        )
    return articles, status


def _pages_to_run(
    notebook_dir: Path, n_articles: int
) -> tuple[tuple[Notebook, ...], tuple[Notebook, ...]]:
    """The notebooks of each article's report, and of the comparison (several only)."""
    found = notebooks(notebook_dir)
    single = tuple(nb for nb in found if not nb.compare)
    several = tuple(nb for nb in found if nb.compare) if n_articles > 1 else ()
    return single, several


def _build_and_move_into_place(
    articles: Sequence[corpus.Article],
    single: tuple[Notebook, ...],
    several: tuple[Notebook, ...],
    out: Path,
    jobs: int,
    show_code: bool,
    timeout: int,
    echo: bool,
) -> tuple[list[ArticleReport], list[Page]]:
    """Run every page in a build folder beside `out`, then rename it into place."""
    build_root = Path(tempfile.mkdtemp(prefix=_build_prefix(out), dir=out.parent))
    try:
        groups = _groups(articles, single, several, build_root)
        reports, compare_pages = _run_groups(
            groups, articles, out, jobs, show_code, timeout, echo
        )
        if len(articles) > 1:
            (build_root / "index.html").write_text(
                _batch_index(reports, compare_pages), encoding="utf-8"
            )
        with _uninterrupted():
            _move_into_place(build_root, out)
    finally:
        shutil.rmtree(build_root, ignore_errors=True)
    return reports, compare_pages


def _groups(
    articles: Sequence[corpus.Article],
    single: tuple[Notebook, ...],
    several: tuple[Notebook, ...],
    build_root: Path,
) -> list[_Group]:
    """One group of pages per article, and the comparison if there is one."""
    batch = len(articles) > 1
    groups: list[_Group] = []
    for article, name in zip(articles, _unique_folders(articles), strict=True):
        groups.append(
            _Group(
                name,
                display_title(article),
                build_root / name,
                single,
                {"article_path": str(Path(article.path).resolve()), "output_dir": "."},
                batch,
                (_source(article),),
            )
        )
    if several:
        groups.append(
            _Group(
                COMPARE_FOLDER,
                f"Comparison of {len(articles)} articles",
                build_root / COMPARE_FOLDER,
                several,
                {
                    "article_paths": [str(Path(a.path).resolve()) for a in articles],
                    "output_dir": ".",
                },
                True,
                tuple(_source(a) for a in articles),
            )
        )
    for group in groups:
        group.directory.mkdir()
    return groups


def _source(article: corpus.Article) -> str:
    return article.source or Path(article.path).name


def _run_groups(
    groups: Sequence[_Group],
    articles: Sequence[corpus.Article],
    out: Path,
    jobs: int,
    show_code: bool,
    timeout: int,
    echo: bool,
) -> tuple[list[ArticleReport], list[Page]]:
    """Run every page of every group; write each folder's index as it completes."""
    progress = None
    if len(groups) > 1:
        from tqdm import tqdm

        total = sum(len(g.books) for g in groups)
        progress = tqdm(
            total=total, unit="page", file=sys.stderr, disable=None, leave=False
        )
    reports: list[ArticleReport] = []
    compare_pages: list[Page] = []
    kernels = _WarmKernels(ahead=max(1, jobs))
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        for group in groups:
            for nb in group.books:
                kernels.prepare(
                    (group.name, nb.name),
                    group.directory,
                    [f"analysis.{m}" for m in nb.imports],
                )
        # every page of every folder is queued at once, so no worker waits for the
        # slowest page of one article before starting on the next
        futures = {
            (group.name, nb.name): pool.submit(
                _run_page, group, nb, timeout, show_code, kernels
            )
            for group in groups
            for nb in group.books
        }
        if progress is not None:
            for future in futures.values():
                future.add_done_callback(lambda _: progress.update(1))
        for group in groups:
            pages = [futures[(group.name, nb.name)].result() for nb in group.books]
            if group.name == COMPARE_FOLDER:
                _finish(group, pages, "")
                compare_pages = pages
                continue
            article = articles[len(reports)]
            summary = _summary_line(article, group.directory, pages)
            _finish(group, pages, summary)
            reports.append(ArticleReport(article, group.name, pages, summary))
            if echo:
                line = f"{group.name}: {summary} -> {out / group.name / 'index.html'}"
                (progress.write if progress is not None else print)(line)
    except BaseException:
        # Ctrl-C (or a crash): no queued page starts, running kernels are killed, so
        # the run ends in seconds rather than after every queued notebook; papermill
        # would log each killed kernel ("Kernel died...") on the terminal.
        import logging

        papermill_log = logging.getLogger("papermill")
        level = papermill_log.level
        papermill_log.setLevel(logging.CRITICAL)
        try:
            kernels.running.stop()
            pool.shutdown(wait=True, cancel_futures=True)
        finally:
            papermill_log.setLevel(level)
        raise
    finally:
        pool.shutdown(wait=True)
        kernels.close()
        if progress is not None:
            progress.close()
    return reports, compare_pages


def _batch_index(
    reports: Sequence[ArticleReport], compare_pages: Sequence[Page]
) -> str:
    rows = []
    for item in reports:
        title = display_title(item.article)
        rows.append(
            f'<tr><td><a href="{html.escape(item.folder)}/index.html">'
            f"{html.escape(title)}</a></td><td>{html.escape(item.folder)}</td>"
            f"<td>{html.escape(item.summary)}</td></tr>"
        )
    compare = ""
    if compare_pages:
        links = "".join(
            f'<li><a href="{COMPARE_FOLDER}/{html.escape(p.file)}">'
            f"{html.escape(p.notebook.title)}</a>"
            + (
                ""
                if p.ok
                else f' <span class="status-failed">failed: {html.escape(p.error)}</span>'
            )
            + "</li>"
            for p in compare_pages
        )
        compare = f'<h2>Comparison</h2><ul class="links">{links}</ul>'
    body = (
        f"<h1>Framing reports: {len(reports)} articles</h1>\n"
        "<table><caption>One report per article</caption><thead><tr><th>article</th>"
        "<th>folder</th><th>summary</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>\n"
        + compare
    )
    return _page(
        "Framing reports", '<a href="index.html" class="here">All articles</a>', body
    )


def _move_into_place(build_root: Path, out: Path) -> None:
    """Rename each finished folder (and index.html) over its earlier version in `out`."""
    out.mkdir(exist_ok=True)
    entries = sorted(build_root.iterdir())
    # Earlier versions go into a folder of their own under their own names (a prefix
    # would push a 251-character name over the 255-byte limit).
    old = build_root / ".old"
    old.mkdir()
    for entry in entries:
        target = out / entry.name
        if target.exists():
            target.rename(
                old / entry.name
            )  # same file system: build_root is beside out
        entry.rename(target)


# ---------------------------------------------------------------------------------------
# Command line.


def add_arguments(parser: Any) -> None:
    """The options of `python -m analysis report`."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article file or folder"
    )
    parser.add_argument(
        "--out",
        default="reports",
        metavar="DIR",
        help="output folder (default: reports/)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="notebooks run at the same time (default: 2, or 1 on one core)",
    )
    parser.add_argument(
        "--show-code", action="store_true", help="show the notebooks' code in the pages"
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=300,
        metavar="SECONDS",
        help="per notebook cell (default: 300)",
    )


def main(args: Any) -> int:
    """Handler of `python -m analysis report`: build, then return the exit status."""
    if args.jobs < 1 or args.timeout < 1:
        print("error: --jobs and --timeout must be at least 1", file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"error: {out}: --out must be a folder, not a file", file=sys.stderr)
        return 2
    # SIGTERM ends the run as Ctrl-C does: kernels stopped, build folder removed.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        result = build(
            args.paths,
            args.out,
            args.jobs,
            args.show_code,
            args.timeout,
            notebook_dir=NOTEBOOK_DIR,
        )
    except BusyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"error: interrupted; {out} keeps the last complete report", file=sys.stderr
        )
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    return result.status


def _interrupt(number: int, frame: Any) -> None:
    raise KeyboardInterrupt
