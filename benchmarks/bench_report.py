"""Speed of the framing report on the seed: the whole run, and each notebook beside the floor.

Usage: python benchmarks/bench_report.py [--repeat 2] [--jobs 2]

1. The whole seed report as `python -m analysis report seeds/<seed>.txt` builds it (wall
   time of `reporting.build`, with `--jobs`), best of `--repeat` runs. Goal: <= 10 s (issue 17).
2. Each notebook on its own (a report of the seed with only that notebook, `--jobs 1`):
   kernel start (with the common imports the runner preloads), execution, HTML export,
   beside the floor: an empty notebook (question + parameters cell only) through the same
   pipeline in the same run. Goal: no notebook above 2x the floor. Also shown: the floor
   when papermill starts a bare kernel itself (no preloading), for comparison.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import reporting

SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
GOAL_SECONDS = 10.0
GOAL_FACTOR = 2.0


def _floor_notebook(directory: Path) -> None:
    import nbformat

    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    parameters = nbformat.v4.new_code_cell(
        'article_path: str = ""  # the article\noutput_dir: str = "."  # output folder'
    )
    parameters.metadata["tags"] = ["parameters"]
    book.cells = [
        nbformat.v4.new_markdown_cell("# Floor: an empty notebook?"),
        parameters,
    ]
    nbformat.write(book, directory / "09-floor.ipynb")


def _cold_floor(path: Path, scratch: Path, repeat: int) -> float:
    """The empty notebook with papermill starting its own bare kernel, plus export."""
    nb = reporting.Notebook(path, path.stem, "Floor", ())
    cwd = scratch / "cold"
    cwd.mkdir()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        executed, error = reporting._execute(
            nb, {"article_path": str(SEED), "output_dir": "."}, cwd, 60
        )
        page = reporting.Page(nb, "09-floor.html", not error, error)
        reporting._render(executed, page, show_code=False)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    """Print the timings; exit 1 if a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        whole = []
        for n in range(args.repeat):
            result = reporting.build(
                [SEED], scratch / f"run{n}", jobs=args.jobs, echo=False
            )
            if result.status != 0:
                errors = [
                    f"{p.notebook.name}: {p.error}"
                    for p in result.articles[0].pages
                    if not p.ok
                ]
                print(f"report failed: {'; '.join(errors)}")
                return 1
            whole.append(result.seconds)
        pages = len(result.articles[0].pages)
        best = min(whole)
        print(
            f"seed report ({pages} notebooks, --jobs {args.jobs}): best {best:.2f} s "
            f"of {', '.join(f'{s:.2f}' for s in whole)} (goal <= {GOAL_SECONDS:.0f} s)"
        )

        # Each notebook alone (a folder holding only it), so that its time is its own:
        # kernel start with the common imports, execution, export, page written.
        books = [nb.path for nb in reporting.notebooks() if not nb.compare]
        floor_dir = scratch / "floor"
        floor_dir.mkdir()
        _floor_notebook(floor_dir)
        books.append(floor_dir / "09-floor.ipynb")
        per_page: dict[str, float] = {}
        for path in books:
            alone = scratch / f"alone-{path.stem}"
            alone.mkdir()
            shutil.copy(path, alone / path.name)
            times = []
            for n in range(args.repeat):
                result = reporting.build(
                    [SEED],
                    scratch / f"one-{path.stem}-{n}",
                    jobs=1,
                    notebook_dir=alone,
                    echo=False,
                )
                times.append(result.articles[0].pages[0].seconds)
            per_page[path.stem] = min(times)
        floor = per_page.pop("09-floor")
        cold = _cold_floor(floor_dir / "09-floor.ipynb", scratch, args.repeat)
        print(
            f"floor (empty notebook, papermill + export, same pipeline): {floor:.2f} s; "
            f"with papermill starting a bare kernel itself: {cold:.2f} s"
        )
        print(f"{'notebook':<14} {'seconds':>8} {'x floor':>8} {'x bare':>8}")
        worst = 0.0
        for name, seconds in sorted(per_page.items()):
            worst = max(worst, seconds / floor)
            print(
                f"{name:<14} {seconds:8.2f} {seconds / floor:8.2f} {seconds / cold:8.2f}"
            )
        ok = best <= GOAL_SECONDS and worst <= GOAL_FACTOR
        print("goals met" if ok else "goal missed")
        return 0 if ok else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
