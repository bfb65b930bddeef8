"""Corpus scale on Dask: articles/s with 1 and 2 workers, peak memory, time per stage.

Runs `analysis.pipeline.run` over PolNeAR train+dev (924 articles) and a 10x copy of it
(9,240 files: symlinks with distinct names in a temporary folder), each on a fresh
local Dask cluster (so every worker's RSS high-water mark belongs to that run alone).
The cluster is started and warmed up (analyses imported, lexicons loaded) before the
clock starts; the timed part is `run()` itself: listing the files, connecting, the
analysis on the workers, and writing Parquet.

    .venv/bin/python benchmarks/bench_corpus.py [--copies 10] [--workers 1 2]

Goals (issue 7): speed-up >= 1.7x from 1 to 2 workers; >= 50 articles/s per core; peak
memory per worker the same at 924 and at 9,240 articles.

Peak memory is each worker's own RSS high-water mark (`VmHWM`), also given after
each 1,000-article part of the big run (where it levels off). Wall-clock rates
depend on whatever else runs on the machine: "per CPU s" (articles per CPU second of
the workers) and the load averages before and after each run tell the two apart.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from distributed import Client

from analysis import pipeline

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "raw"
MIB = 1024 * 1024


def corpus_paths() -> list[Path]:
    """PolNeAR train+dev texts (never the test split)."""
    paths = sorted(POLNEAR.glob("train/text/*.txt")) + sorted(
        POLNEAR.glob("dev/text/*.txt")
    )
    if not paths:
        sys.exit(f"error: {POLNEAR}: PolNeAR texts not found (../shared is needed)")
    return paths


def make_copies(paths: list[Path], folder: Path, copies: int) -> Path:
    """`copies` symlinks of every file, named `cNN_<name>` so every id is distinct."""
    folder.mkdir(parents=True)
    for k in range(copies):
        for p in paths:
            (folder / f"c{k:02d}_{p.name}").symlink_to(p.resolve())
    return folder


def measure(inputs: list[str], n_articles: int, workers: int, out: Path) -> dict:
    """One timed run on a fresh, warmed-up local cluster of `workers` processes."""
    load = round(os.getloadavg()[0], 2)
    started = time.perf_counter()
    with (
        pipeline.local_cluster(workers) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        client.run(pipeline._worker_ready)
        startup = time.perf_counter() - started
        began = time.perf_counter()
        client_cpu = time.process_time()  # this process: the scheduler and the writer
        summary = pipeline.run(
            inputs, out, scheduler=cluster.scheduler_address, progress=False
        )
        seconds = time.perf_counter() - began
        client_cpu = time.process_time() - client_cpu
        peaks = client.run(pipeline._peak_rss)
    if summary.articles + len(summary.errors) != n_articles:
        sys.exit(f"error: expected {n_articles} files, got {summary.files}")
    if summary.errors:  # an analysis failing on some article: reported, not hidden
        path, reason = summary.errors[0]
        print(f"warning: {len(summary.errors)} bad: first {path}: {reason}", flush=True)
    worker_stages = {
        k: v for k, v in summary.timings.items() if k not in ("write", "cpu")
    }
    cpu = summary.timings.get("cpu", 0.0)
    busy = sum(worker_stages.values())
    return {
        "articles": n_articles,
        "errors": len(summary.errors),
        "workers": workers,
        "seconds": round(seconds, 2),
        "startup_seconds": round(startup, 2),
        "articles_per_s": round(n_articles / seconds, 1),
        "articles_per_s_per_core": round(n_articles / seconds / workers, 1),
        # Robust to other processes on the machine: articles per worker CPU second.
        "articles_per_cpu_s": round(n_articles / cpu, 1) if cpu else None,
        "load_average_before_after": [load, round(os.getloadavg()[0], 2)],
        "client_cpu_seconds": round(client_cpu, 2),
        "client_peak_rss_mib": round(pipeline._peak_rss() / MIB, 1),
        "peak_rss_mib_per_worker": sorted(round(v / MIB, 1) for v in peaks.values()),
        # The largest worker's high-water mark as each 1,000-article part was written.
        "peak_rss_mib_by_partition": [
            round(v / MIB, 1) for v in summary.peak_rss_by_partition
        ],
        "stage_seconds": {k: round(v, 2) for k, v in sorted(summary.timings.items())},
        "stage_share": {
            k: round(v / busy, 3) for k, v in sorted(worker_stages.items())
        },
        "partitions": summary.partitions,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies", type=int, default=10, help="size of the big corpus (1: none)"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    paths = corpus_paths()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp:
        runs = [(make_copies(paths, Path(tmp) / "x1", 1), len(paths))]
        if args.copies > 1:
            big = make_copies(paths, Path(tmp) / f"x{args.copies}", args.copies)
            runs.append((big, len(paths) * args.copies))
        for folder, n in runs:
            for workers in args.workers:
                result = measure([str(folder)], n, workers, Path(tmp) / "out")
                results.append(result)
                print(json.dumps(result), flush=True)

    print()
    print(
        "| articles | workers | seconds | articles/s | per core | per CPU s "
        "| peak RSS/worker MiB | load avg before, after |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|---|")
    for r in results:
        print(
            f"| {r['articles']} | {r['workers']} | {r['seconds']} | {r['articles_per_s']} "
            f"| {r['articles_per_s_per_core']} | {r['articles_per_cpu_s']} "
            f"| {r['peak_rss_mib_per_worker']} | {r['load_average_before_after']} |"
        )
    by = {(r["articles"], r["workers"]): r for r in results}
    for n in sorted({r["articles"] for r in results}):
        one, two = by.get((n, 1)), by.get((n, 2))
        if one and two:
            speedup = two["articles_per_s"] / one["articles_per_s"]
            print(f"speed-up 1 -> 2 workers at {n} articles: {speedup:.2f}x")
    for r in results:
        if r["partitions"] > 1:
            trajectory = ", ".join(map(str, r["peak_rss_mib_by_partition"]))
            print(
                f"peak RSS (MiB) after each part, {r['articles']} articles, "
                f"{r['workers']} worker(s): {trajectory}"
            )
    first = results[0]
    print("share of worker time per stage (first run):")
    for stage, share in sorted(first["stage_share"].items(), key=lambda kv: -kv[1]):
        print(f"  {stage:10s} {share:6.1%}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
