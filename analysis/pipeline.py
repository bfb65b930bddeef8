"""Corpus scale: the whole per-article analysis as tidy Parquet tables, run on Dask.

`analyze(article)` turns one article into rows for the tables in `SCHEMAS`; `run(paths,
out)` runs it over files and folders on a Dask cluster (a local one by default, or a
running one by address), streaming the file list in batches with a bounded number of
tasks in flight, and writes `OUT/<table>/part-NNNNN.parquet`; `load(out, table)` reads a
table back for notebooks, and `tables(paths)` computes the same tables in this process.
A run writes into a hidden folder inside OUT and replaces the old tables only once it is
complete, then writes `OUT/COMPLETE.json`; `load` refuses an output without it.
Row order (article id, then offsets) and part names depend only on the inputs and
`partition_size`, never on the number of workers or the order tasks finish in.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis import actors, corpus, document, outputs, sentiment

# Articles per Dask task: small enough to balance load over a few workers, large enough
# that the scheduler's per-task cost (about a millisecond) stays negligible.
BATCH_SIZE = 20
# Articles per Parquet part: parts of a few megabytes, so 200,000 articles make a few
# hundred files per table rather than tens of thousands.
PARTITION_SIZE = 1000
# Tasks submitted but not yet written, per worker thread: keeps every worker busy while
# the client's memory stays bounded whatever the corpus size.
TASKS_PER_THREAD = 4
# How long to keep trying to reach a running scheduler.
CONNECT_TIMEOUT = "10s"
# Written last into OUT by a run that finished; `load` reads nothing without it.
COMPLETE = "COMPLETE.json"
# Held by the run writing into OUT (fcntl lock): a second run into OUT is refused.
LOCK = ".lock"
# The folder prefix of a run in progress, inside OUT (a killed run's is removed next time).
_STAGING = ".run-"

# Column declarations, once: (name, type, nullable). Types: str, int, float, bool,
# ints (list of int), strs (list of str). Every table carries the article id first.
_COLUMNS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "articles": (
        ("article", "str", False),
        ("path", "str", False),
        ("sha256", "str", False),  # of the text as read, UTF-8
        ("title", "str", True),
        ("byline", "str", True),
        ("chars", "int", False),
        ("paragraphs", "int", False),
        ("sentences", "int", False),  # body sentences (kind == "sentence")
        ("words", "int", False),
        ("quotes", "int", True),  # null: that analysis is not installed
        ("mentions", "int", True),
        ("claims", "int", True),
        ("tone", "float", True),  # mean tone of the body sentences
        ("primary_frame", "str", True),  # of the 15 policy frames (Boydstun et al.)
        ("generic_frame", "str", True),  # of Semetko & Valkenburg's five
        ("episodic", "str", True),  # episodic, thematic or mixed
    ),
    "sentences": (
        ("article", "str", False),
        ("index", "int", False),
        ("kind", "str", False),
        ("paragraph", "int", False),
        ("start", "int", False),
        ("end", "int", False),
        ("text", "str", False),
        ("tone", "float", True),
        ("tone_label", "str", True),
    ),
    "quotes": (
        ("article", "str", False),
        ("kind", "str", False),
        ("start", "int", False),
        ("end", "int", False),
        ("text", "str", False),
        ("quote_start", "int", True),
        ("quote_end", "int", True),
        ("speaker", "str", True),
        ("speaker_text", "str", True),
        ("speaker_start", "int", True),
        ("speaker_end", "int", True),
        ("speaker_type", "str", True),  # actor type of the resolved speaker
        ("source_type", "str", True),  # the speaker's one type (sources.speaker_types)
        ("cue", "str", True),
        ("cue_start", "int", True),
        ("cue_end", "int", True),
        ("relay", "str", True),  # the document or medium relaying the speech, if any
        ("relay_start", "int", True),
        ("relay_end", "int", True),
        ("sentence", "int", False),
        ("tone", "float", True),
    ),
    "mentions": (
        ("article", "str", False),
        ("actor", "str", False),
        ("type", "str", False),
        ("start", "int", False),
        ("end", "int", False),
        ("text", "str", False),
    ),
    "stance": (
        ("article", "str", False),
        ("holder", "str", False),
        ("target", "str", False),
        ("score", "float", False),
        ("label", "str", False),
        ("mentions", "int", False),
        ("evidence", "ints", False),  # sentence indices
    ),
    "claims": (
        ("article", "str", False),
        ("start", "int", False),
        ("end", "int", False),
        ("text", "str", False),
        ("sentence", "int", False),
        ("certainty", "float", False),
        ("source", "str", True),
        ("source_type", "str", True),
        ("verb_class", "str", True),
        ("actors", "strs", False),
        ("cues", "strs", False),  # kind:label of each cue
    ),
    "cues": (
        ("article", "str", False),
        ("kind", "str", False),
        ("label", "str", False),
        ("start", "int", False),
        ("end", "int", False),
        ("text", "str", False),
        ("sentence", "int", False),
    ),
    "frames": (
        ("article", "str", False),
        ("family", "str", False),  # mfc or generic
        ("frame", "str", False),
        ("score", "float", False),  # share of the family's weighted cues
        ("primary", "bool", False),
        ("hits", "int", False),
        ("terms", "strs", False),
        ("evidence", "ints", False),  # sentence indices
    ),
    "errors": (
        ("path", "str", False),
        ("reason", "str", False),
    ),
}
_ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "ints": pa.list_(pa.int64()),
    "strs": pa.list_(pa.string()),
}

# The Parquet schema of every table.
SCHEMAS: dict[str, pa.Schema] = {
    table: pa.schema(
        [pa.field(n, _ARROW_TYPES[t], nullable=null) for n, t, null in cols]
    )
    for table, cols in _COLUMNS.items()
}
# Every table, in the order they are written; `errors` last.
TABLES: tuple[str, ...] = tuple(SCHEMAS)
# The tables `analyze` fills (one row set per article).
ARTICLE_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t != "errors")


def dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of each column of `table`, as `load` returns it.

    Integers that may be null are pandas' nullable `Int64`, strings pandas' `str`, and
    lists are `object` columns holding tuples.
    """
    names = {"str": "str", "float": "float64", "bool": "bool", "ints": "object"}
    names["strs"] = "object"
    return {
        n: ("Int64" if null else "int64") if t == "int" else names[t]
        for n, t, null in _COLUMNS[table]
    }


class _Timer:
    """Adds the seconds spent in each stage to a dict (for benchmarks; not in output)."""

    def __init__(self, timings: dict[str, float] | None):
        self.timings = timings
        self.stage = ""
        self.began = 0.0

    def __call__(self, stage: str) -> _Timer:
        self.stage = stage
        return self

    def __enter__(self) -> None:
        if self.timings is not None:
            self.began = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        if self.timings is not None:
            spent = time.perf_counter() - self.began
            self.timings[self.stage] = self.timings.get(self.stage, 0.0) + spent


def analyze(
    article: corpus.Article, *, timings: dict[str, float] | None = None
) -> dict[str, list[dict]]:
    """The whole per-article analysis as rows for every table in `ARTICLE_TABLES`.

    One `Document` is built for the article; each table reads the layers it needs from
    it, and each layer is computed once. The layers are computed here first, in order,
    so that `timings` can say what each stage costs.

    Args:
        article: the article; its `id` goes into every row as `article`.
        timings: if given, the seconds spent in each stage are added to it.

    Returns:
        For each table, its rows (dicts with the table's columns) in a fixed order:
        by offsets where rows have them.
    """
    doc = document.Document.from_article(article)
    _compute_layers(doc, _Timer(timings))
    rows = {
        "sentences": _sentence_rows(doc),
        "quotes": _quote_rows(doc),
        "mentions": _mention_rows(doc),
        "stance": _stance_rows(doc),
        "cues": _cue_rows(doc),
        "claims": _claim_rows(doc),
        "frames": _frame_rows(doc),
    }
    rows["articles"] = [_article_row(doc, rows)]
    rows = {table: rows[table] for table in ARTICLE_TABLES}
    _check(rows)
    return rows


def _compute_layers(doc: document.Document, timer: _Timer) -> None:
    """Compute every layer of `doc`, timing each stage (later reads are free)."""
    with timer("tokenize"):
        doc.paragraphs, doc.sentences, doc.word_count  # noqa: B018 - computes them
    with timer("sentiment"):
        doc.tones  # noqa: B018
    with timer("quotes"):
        doc.quotes  # noqa: B018
    with timer("actors"):
        doc.mentions  # noqa: B018
    with timer("frames"):
        doc.source_types  # noqa: B018
    with timer("stance"):
        doc.stances  # noqa: B018
    with timer("frames"):
        doc.frames  # noqa: B018


def _sentence_rows(doc: document.Document) -> list[dict]:
    """One row per sentence (headline and credit lines too), with its tone if scored."""
    tones = {(t.start, t.end): t for t in doc.tones}
    rows = []
    for s in doc.sentences:
        tone = tones.get((s.start, s.end))
        rows.append(
            {
                "article": doc.id,
                "index": s.index,
                "kind": s.kind,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "tone": None if tone is None else float(tone.score),
                "tone_label": None if tone is None else tone.label,
            }
        )
    return rows


def _quote_rows(doc: document.Document) -> list[dict]:
    """One row per quote, with its speaker's actor and source type and its tone."""
    rows = []
    for q in doc.quotes:
        row = {c: getattr(q, c) for c in _QUOTE_FIELDS}
        row["article"] = doc.id
        kind = actors.canonical(q.speaker) if q.speaker else None
        row["speaker_type"] = kind[1] if kind else None
        speaker = q.speaker or q.speaker_text
        row["source_type"] = doc.source_types.get(speaker) if speaker else None
        row["tone"] = float(sentiment.score(q.text))
        rows.append(row)
    return rows


def _mention_rows(doc: document.Document) -> list[dict]:
    return [
        {"article": doc.id, "actor": m.actor, "type": m.type}
        | {"start": m.start, "end": m.end, "text": m.text}
        for m in doc.mentions
    ]


def _stance_rows(doc: document.Document) -> list[dict]:
    return [
        {
            "article": doc.id,
            "holder": s.holder,
            "target": s.target,
            "score": float(s.score),
            "label": s.label,
            "mentions": s.mentions,
            "evidence": list(s.evidence),
        }
        for s in sorted(doc.stances, key=lambda s: (s.holder, s.target))
    ]


def _cue_rows(doc: document.Document) -> list[dict]:
    return [
        {"article": doc.id, "kind": c.kind, "label": c.label, "start": c.start}
        | {"end": c.end, "text": c.text, "sentence": c.sentence}
        for c in doc.frames.cues
    ]


def _claim_rows(doc: document.Document) -> list[dict]:
    return [
        {
            "article": doc.id,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "sentence": c.sentence,
            "certainty": float(c.certainty),
            "source": c.source,
            "source_type": c.source_type,
            "verb_class": c.verb_class,
            "actors": list(c.actors),
            "cues": [f"{cue.kind}:{cue.label}" for cue in c.cues],
        }
        for c in doc.frames.claims
    ]


def _frame_rows(doc: document.Document) -> list[dict]:
    result = doc.frames
    return [
        {
            "article": doc.id,
            "family": f.family,
            "frame": f.frame,
            "score": float(f.score),
            "primary": f.frame == result.primary_frame,
            "hits": f.hits,
            "terms": list(f.terms),
            "evidence": sorted({cue.sentence for cue in f.evidence}),
        }
        for f in sorted(result.frames, key=lambda f: (f.family, f.frame))
    ]


def _article_row(doc: document.Document, rows: dict[str, list[dict]]) -> dict:
    """The article's one row: counts, mean tone of the body sentences, frames."""
    article, text, result = doc.article, doc.text, doc.frames
    body = [r["tone"] for r in rows["sentences"] if r["kind"] == "sentence"]
    body = [t for t in body if t is not None]
    return {
        "article": doc.id,
        "path": article.path,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": article.title,
        "byline": article.byline,
        "chars": len(text),
        "paragraphs": len(doc.paragraphs),
        "sentences": sum(1 for s in doc.sentences if s.kind == "sentence"),
        "words": doc.word_count,
        "quotes": len(rows["quotes"]),
        "mentions": len(rows["mentions"]),
        "claims": len(rows["claims"]),
        "tone": sum(body) / len(body) if body else None,
        "primary_frame": result.primary_frame,
        "generic_frame": result.generic_frame,
        "episodic": result.episodic.label,
    }


# The fields of a quote record that the quotes table copies.
_QUOTE_FIELDS = (
    "kind",
    "start",
    "end",
    "text",
    "quote_start",
    "quote_end",
    "speaker",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "relay",
    "relay_start",
    "relay_end",
    "sentence",
)


def _check(rows: dict[str, list[dict]]) -> None:
    """Every row has exactly its table's columns and no null where none is allowed."""
    for table, table_rows in rows.items():
        columns = _COLUMNS[table]
        names = {n for n, _, _ in columns}
        required = [n for n, _, null in columns if not null]
        for row in table_rows:
            if row.keys() != names:
                missing = sorted(names - row.keys())
                extra = sorted(row.keys() - names)
                raise ValueError(f"{table} row: missing {missing}, unexpected {extra}")
            for name in required:
                if row[name] is None:
                    raise ValueError(f"{table} row: {name} is null")


def _arrow(table: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())


@dataclasses.dataclass(frozen=True)
class _Batch:
    """What one task returns: Arrow tables and measurements (not part of the output)."""

    index: int
    tables: dict[str, pa.Table]
    articles: int
    timings: dict[str, float]
    pid: int
    peak_rss: int  # bytes: the worker process's high-water mark so far


def _peak_rss() -> int:
    """This process's own RSS high-water mark, in bytes.

    On Linux, `VmHWM` of the process's memory map: `getrusage`'s `ru_maxrss` would
    also count the parent's RSS at the fork before the worker's exec (Linux keeps the
    larger), so every worker of a big client would look big.
    """
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    try:
        import resource
    except ImportError:  # not on Unix: psutil (a dependency of distributed) knows
        import psutil

        return int(psutil.Process().memory_info().peak_wset)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


@functools.cache
def _system_allocator() -> None:
    """Arrow memory from the C library's malloc in this process, not mimalloc.

    Arrow's default pool (mimalloc) keeps pages of the freed batch tables: a worker's
    RSS crept up by 1-3 MiB per 1,000 articles; with malloc it stays flat.
    """
    pa.set_memory_pool(pa.system_memory_pool())


class ArticleTimeout(BaseException):
    """Raised in the analysing thread when an article exceeds its time limit.

    A `BaseException`, so that no `except Exception` inside an analysis swallows it.
    """


class _TimeLimit:
    """Raise `ArticleTimeout` in this thread if the block runs over `seconds`.

    A timer thread sets an asynchronous exception on the analysing thread (signals
    only reach the main thread, and Dask runs tasks in worker threads). It takes
    effect at the next Python bytecode: a single long call into C (one regex match)
    finishes first. The lock makes sure it never lands after the block has ended.
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.active = False
        self.timer: threading.Timer | None = None

    def _expire(self) -> None:
        import ctypes

        with self.lock:
            if self.active:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self.thread), ctypes.py_object(ArticleTimeout)
                )

    def __enter__(self) -> None:
        if self.seconds is None:
            return
        self.active = True
        self.timer = threading.Timer(self.seconds, self._expire)
        self.timer.daemon = True
        self.timer.start()

    def __exit__(self, *exc: object) -> None:
        if self.timer is None:
            return
        with self.lock:
            self.active = False
        self.timer.cancel()


def _process_batch(
    index: int, items: Sequence[tuple[str, str]], timeout: float | None = None
) -> _Batch:
    """Read and analyse `(path, article id)` items; a bad file becomes an error row.

    An article whose analysis takes more than `timeout` seconds becomes an error row
    too, and the batch goes on with the next.
    """
    _system_allocator()  # here: it must hold on every worker, however it was started
    timings: dict[str, float] = {}
    timer = _Timer(timings)
    cpu = time.process_time()
    per_article: list[dict[str, list[dict]]] = []
    errors: list[dict] = []
    for path, article_id in items:
        try:
            with timer("read"):
                article = corpus.read_article(path)
        except corpus.ArticleError as exc:
            errors.append({"path": str(path), "reason": exc.reason})
            continue
        if article.id != article_id:
            article = dataclasses.replace(article, id=article_id)
        try:
            with _TimeLimit(timeout):
                per_article.append(analyze(article, timings=timings))
        except ArticleTimeout:
            errors.append(
                {
                    "path": str(path),
                    "reason": f"timed out: analysis took more than {timeout:g} s",
                }
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            errors.append(
                {"path": str(path), "reason": f"analysis failed: {_one_line(exc)}"}
            )
    with timer("tables"):
        tables = _tables_of(per_article, errors)
    timings["cpu"] = time.process_time() - cpu  # CPU seconds, whatever else runs
    return _Batch(index, tables, len(items), timings, os.getpid(), _peak_rss())


def _tables_of(per_article: list[dict[str, list[dict]]], errors: list[dict]) -> dict:
    rows = {t: [r for a in per_article for r in a[t]] for t in ARTICLE_TABLES}
    try:
        tables = {t: _arrow(t, rows[t]) for t in ARTICLE_TABLES}
    except (pa.ArrowException, TypeError, ValueError):
        # A value of the wrong type: find the article, make it an error, keep the rest.
        good = []
        for result in per_article:
            try:
                for t in ARTICLE_TABLES:
                    _arrow(t, result[t])
                good.append(result)
            except (pa.ArrowException, TypeError, ValueError) as exc:
                path = result["articles"][0]["path"]
                errors.append(
                    {"path": path, "reason": f"analysis failed: {_one_line(exc)}"}
                )
        rows = {t: [r for a in good for r in a[t]] for t in ARTICLE_TABLES}
        tables = {t: _arrow(t, rows[t]) for t in ARTICLE_TABLES}
    tables["errors"] = _arrow("errors", errors)
    return tables


def plan(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """The `(path, article id)` work list: sorted by id, ids unique.

    Files named directly and article files in named folders, as `corpus.iter_paths`
    finds them, made absolute; a repeated path is analysed once. Ids are
    `corpus.unique_ids`: two files with the same name in two folders both get a short
    hash of their path relative to the input root, whatever order they come in.
    """
    # Absolute paths: workers elsewhere may run in another working directory.
    work = {(os.path.abspath(p), aid) for p, aid in corpus.unique_ids(paths)}
    return sorted(work, key=lambda item: (item[1], item[0]))


def _batches(
    work: list[tuple[str, str]], batch_size: int
) -> list[list[tuple[str, str]]]:
    return [work[i : i + batch_size] for i in range(0, len(work), batch_size)]


@dataclasses.dataclass
class Summary:
    """What a run did; `timings` and the `peak_rss` fields are measurements, not results.

    `timings` holds the seconds spent in each stage, summed over the workers, plus
    `cpu` (the workers' CPU seconds) and `write` (the client writing Parquet).
    `peak_rss` is each worker's RSS high-water mark; `peak_rss_by_partition` the
    largest of them as each partition was written (flat once the caches are warm).
    """

    out: str
    files: int = 0
    articles: int = 0
    errors: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    partitions: int = 0
    workers: int = 0
    timings: dict[str, float] = dataclasses.field(default_factory=dict)
    peak_rss: dict[int, int] = dataclasses.field(default_factory=dict)  # pid -> bytes
    peak_rss_by_partition: list[int] = dataclasses.field(default_factory=list)


class _Writer:
    """Collects batches in order and writes one Parquet part per table per partition."""

    def __init__(self, out: Path, batches_per_partition: int, summary: Summary):
        self.out = out
        self.per_partition = batches_per_partition
        self.summary = summary
        self.buffer: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
        self.partition = 0
        self.in_buffer = 0
        for table in TABLES:
            folder = out / table
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("part-*.parquet"):
                stale.unlink()

    def add(self, batch: _Batch) -> None:
        for table, data in batch.tables.items():
            self.buffer[table].append(data)
        self.in_buffer += 1
        if self.in_buffer == self.per_partition:
            self.flush()

    def flush(self, force: bool = False) -> None:
        if not self.in_buffer and not force:
            return
        with _Timer(self.summary.timings)("write"):
            self._write()

    def _write(self) -> None:
        name = f"part-{self.partition:05d}.parquet"
        for table in TABLES:
            parts = self.buffer[table] or [SCHEMAS[table].empty_table()]
            data = pa.concat_tables(parts)
            temporary = self.out / table / f".{name}.tmp"
            pq.write_table(data, temporary, compression="zstd")
            temporary.replace(self.out / table / name)
            self.buffer[table] = []
        self.partition += 1
        self.in_buffer = 0
        self.summary.partitions = self.partition
        self.summary.peak_rss_by_partition.append(
            max(self.summary.peak_rss.values(), default=0)
        )


def _add_measures(summary: Summary, batch: _Batch) -> None:
    for stage, seconds in batch.timings.items():
        summary.timings[stage] = summary.timings.get(stage, 0.0) + seconds
    summary.peak_rss[batch.pid] = max(
        summary.peak_rss.get(batch.pid, 0), batch.peak_rss
    )
    errors = batch.tables["errors"]
    summary.errors += zip(
        errors.column("path").to_pylist(),
        errors.column("reason").to_pylist(),
        strict=True,
    )
    summary.articles += batch.tables["articles"].num_rows


class ClusterError(RuntimeError):
    """The Dask cluster could not be reached or cannot run the analysis (one line)."""


def default_workers() -> int:
    """Worker processes for a local cluster: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fingerprint() -> str:
    """sha256 over the package's source and data files: workers must match the client."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    for p in files:
        if p.suffix in (".pyc", ".pyo"):
            continue
        digest.update(p.relative_to(root).as_posix().encode() + b"\0")
        digest.update(p.read_bytes())
    return digest.hexdigest()


def _worker_ready() -> str:
    """Import every analysis and load its lexicons once; return the package fingerprint."""
    warm_up = corpus.from_text("Warm-up. “It works,” the analyst said on Monday.\n")
    with contextlib.suppress(Exception):  # a failing analysis is reported per article
        analyze(warm_up)
    # The lexicons, gazetteers and models now loaded (~90,000 objects) live as long as
    # the worker: out of the garbage collector's way, its full collections no longer
    # walk them (they were 3% of the analysis time).
    gc.collect()
    gc.freeze()
    return fingerprint()


def local_cluster(workers: int | None = None) -> Any:
    """A quiet local Dask cluster: `workers` processes (default one per CPU), 1 thread each.

    No dashboard, logs at ERROR, and no worker profiler (it keeps a call tree per
    second of the last 1000 seconds: memory that grows with the run time). The event
    loops' health checks run every second instead of every 20 ms, so that they wake
    the analysis thread less often, and Dask's own task logs keep 1,000 and 100
    entries instead of 10,000 and 1,000 (a worker's memory levels off about 2 MiB
    lower: docs/corpus.md has the figures). Use it as a context manager;
    `cluster.scheduler_address` is what `run(scheduler=...)` takes.
    """
    import dask
    from distributed import LocalCluster

    quiet = {
        "distributed.worker.profile.enabled": False,
        "distributed.admin.tick.interval": "1s",
        "distributed.admin.system-monitor.interval": "2s",
        "distributed.admin.log-length": 1000,
        "distributed.admin.low-level-log-length": 100,
    }
    # The nannies pass the current config on to the worker processes they start.
    with dask.config.set(quiet):
        return LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # The scheduler's small health endpoint (there is no dashboard) takes any
            # free local port, so two clusters never fight over 8787.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )


@contextlib.contextmanager
def _client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    from distributed import Client

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"cannot reach the scheduler at {scheduler}: {exc}"
            ) from None
        with client:
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except TimeoutError:
                raise ClusterError(
                    f"the scheduler at {scheduler} has no workers"
                ) from None
            yield client
        return
    cluster = local_cluster(workers)
    with cluster, Client(cluster, set_as_default=False) as client:
        yield client


def _threads(client: Any) -> int:
    workers = client.scheduler_info(n_workers=-1)["workers"].values()
    return sum(w.get("nthreads", 1) for w in workers)


def _check_workers(client: Any) -> None:
    """Warm every worker up and make sure it runs the same package as this process.

    Raises:
        ClusterError: a worker cannot import or run the analysis, or its source or
            data files differ from ours.
    """
    for _ in range(2):
        mine = fingerprint()
        try:
            theirs = set(client.run(_worker_ready).values())
        except Exception as exc:  # noqa: BLE001 - any failure here means unusable workers
            raise ClusterError(
                f"workers cannot run the analysis: {_one_line(exc)}"
            ) from None
        if theirs <= {mine}:
            return
        if fingerprint() == mine:
            break  # our files did not change meanwhile: a real mismatch
        # else a file was edited during the check (a shared checkout): look again.
    raise ClusterError(
        "workers run another version of the analysis package; install the same "
        "checkout on every worker"
    )


class IncompleteOutputError(RuntimeError):
    """A corpus output without its completion marker (a run died or is running)."""


BusyError = outputs.BusyError  # another run writes into the same folder


def _locked(out: Path) -> contextlib.AbstractContextManager[None]:
    """Hold `OUT/.lock` for the run, or raise `BusyError`."""
    return outputs.locked(out, LOCK, "another corpus run is writing")


def _replace(staging: Path, out: Path, summary: Summary) -> None:
    """Put the finished tables of `staging` in place of OUT's, then mark OUT complete."""
    marker = out / COMPLETE
    marker.unlink(missing_ok=True)  # until the new marker, OUT is incomplete
    old = staging / ".old"
    old.mkdir()
    for table in TABLES:
        target = out / table
        if target.exists():
            target.rename(old / table)
        (staging / table).rename(target)
    record = {
        "articles": summary.articles,
        "errors": len(summary.errors),
        "files": summary.files,
        "partitions": summary.partitions,
        "tables": list(TABLES),
    }
    temporary = out / f".{COMPLETE}.tmp"
    temporary.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    temporary.replace(marker)


def run(
    paths: Iterable[str | Path],
    out: str | Path,
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = PARTITION_SIZE,
    *,
    batch_size: int = BATCH_SIZE,
    progress: bool | None = None,
    timeout: float | None = None,
) -> Summary:
    """Analyse every article under `paths` on Dask and write the tables as Parquet.

    Args:
        paths: files, and folders of .txt, .md and .html files.
        out: output folder; gets `<table>/part-NNNNN.parquet` for every table in
            `TABLES` and `COMPLETE.json`. The old tables there are replaced only when
            the new ones are complete; an interrupted run leaves them as they were.
        workers: worker processes of the local cluster (default: one per CPU).
        scheduler: address of a running Dask scheduler (`tcp://host:port`) to use
            instead of a local cluster; its workers must see `paths` and have this
            package installed at the same version.
        partition_size: articles per Parquet part (rounded down to whole batches).
        batch_size: articles per Dask task (at most `partition_size`).
        progress: show a progress bar (default: when stderr is a terminal).
        timeout: seconds one article's analysis may take; a slower article becomes
            an `errors` row and its worker goes on (default: no limit).

    Returns:
        A `Summary`: counts, the bad files and their reasons, and measurements.

    Raises:
        ClusterError: the scheduler cannot be reached, or its workers run another
            version of the package.
        BusyError: another run is writing into `out`.
    """
    if workers is not None and scheduler is not None:
        raise ValueError("give workers or scheduler, not both")
    if batch_size < 1 or partition_size < 1:
        raise ValueError("batch_size and partition_size must be at least 1")
    out = Path(out)
    with _locked(out):
        for stale in sorted(out.glob(f"{_STAGING}*")):  # left by a killed run
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=out))
        try:
            summary = _run_into(
                staging,
                plan(paths),
                (workers, scheduler),
                min(batch_size, partition_size),
                partition_size,
                progress,
                timeout,
            )
            _replace(staging, out, summary)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    summary.out = str(out)
    return summary


def _run_into(
    out: Path,
    work: list[tuple[str, str]],
    where: tuple[int | None, str | None],
    batch_size: int,
    partition_size: int,
    progress: bool | None,
    timeout: float | None,
) -> Summary:
    """`run`'s work: analyse `work` on the cluster and write every table into `out`."""
    from distributed import as_completed

    batches = _batches(work, batch_size)
    summary = Summary(out=str(out), files=len(work))
    if not batches:
        _Writer(out, 1, summary).flush(force=True)
        return summary

    from tqdm import tqdm

    with _client(*where) as client:
        _check_workers(client)
        # Only now that the cluster can do the work are the old parts replaced.
        writer = _Writer(out, partition_size // batch_size, summary)
        summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
        window = max(2, TASKS_PER_THREAD * _threads(client))
        done: dict[int, _Batch] = {}
        submitted = written = 0
        queue = as_completed(loop=client.loop)
        bar = tqdm(
            total=len(work),
            unit="article",
            desc="corpus",
            disable=(not progress) if progress is not None else None,
            file=sys.stderr,
        )
        with bar:
            while written < len(batches):
                while submitted < len(batches) and submitted - written < window:
                    future = client.submit(
                        _process_batch,
                        submitted,
                        batches[submitted],
                        timeout,
                        pure=False,
                    )
                    queue.add(future)
                    submitted += 1
                future = next(queue)
                batch = future.result()
                future.release()
                done[batch.index] = batch
                bar.update(batch.articles)
                while written in done:
                    ready = done.pop(written)
                    _add_measures(summary, ready)
                    writer.add(ready)
                    written += 1
    writer.flush()
    return summary


def tables(
    paths: Iterable[str | Path], *, timeout: float | None = None
) -> dict[str, pd.DataFrame]:
    """Every table for the articles under `paths`, computed in this process.

    The same rows, in the same order and with the same dtypes, as `run` then `load`:
    for a few articles in a notebook, where starting a cluster is not worth it.
    """
    work = plan(paths)
    batches = [
        _process_batch(i, b, timeout) for i, b in enumerate(_batches(work, BATCH_SIZE))
    ]
    result = {}
    for table in TABLES:
        parts = [b.tables[table] for b in batches] or [SCHEMAS[table].empty_table()]
        result[table] = _pandas(table, pa.concat_tables(parts))
    return result


def _pandas(table: str, data: pa.Table) -> pd.DataFrame:
    frame = data.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for name, dtype in dtypes(table).items():
        if dtype == "object":
            frame[name] = pd.Series(
                [tuple(v) if v is not None else () for v in frame[name]],
                index=frame.index,
                dtype="object",
            )
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def load(out: str | Path, table: str) -> pd.DataFrame:
    """One table of a run as a DataFrame, parts in order, with the dtypes of `dtypes`.

    Raises:
        ValueError: unknown table name.
        FileNotFoundError: `out` holds no such table (not the output of `run`).
        IncompleteOutputError: `out` has no `COMPLETE.json`: its run was interrupted
            (or is still running), so its tables may miss articles.
    """
    if table not in SCHEMAS:
        raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    folder = Path(out) / table
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        raise FileNotFoundError(f"{folder}: no Parquet parts (run the corpus first)")
    if not (Path(out) / COMPLETE).is_file():
        raise IncompleteOutputError(
            f"{out}: incomplete corpus output (no {COMPLETE}: its run was interrupted "
            "or is still running); run the corpus again"
        )
    data = pa.concat_tables([pq.read_table(p, schema=SCHEMAS[table]) for p in parts])
    return _pandas(table, data)
