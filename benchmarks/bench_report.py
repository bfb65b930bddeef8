"""Speed of the framing report on the seed: the whole run, and each notebook beside the floor.

Usage: python benchmarks/bench_report.py [--repeat 2] [--jobs 2]

1. The whole seed report as `python -m analysis report seeds/<seed>.txt` builds it (wall
   time of `reporting.build`, with `--jobs`), best of `--repeat` runs. Goal: <= 15 s.
2. Each notebook on its own (`--jobs 1`), papermill + HTML export, beside the floor: an
   empty notebook (question + parameters cell only) run through the same pipeline in the
   same run. Goal: no notebook above 2x the floor.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import reporting

SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
GOAL_SECONDS = 15.0
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

        books = scratch / "notebooks"
        books.mkdir()
        for nb in reporting.notebooks():
            if not nb.compare:
                shutil.copy(nb.path, books / nb.path.name)
        _floor_notebook(books)
        per_page: dict[str, list[float]] = {}
        for n in range(args.repeat):
            result = reporting.build(
                [SEED], scratch / f"one{n}", jobs=1, notebook_dir=books, echo=False
            )
            for page in result.articles[0].pages:
                per_page.setdefault(page.notebook.name, []).append(page.seconds)
        best_of = {name: min(times) for name, times in per_page.items()}
        floor = best_of.pop("09-floor")
        print(f"floor (empty notebook, papermill + export): {floor:.2f} s")
        print(f"{'notebook':<14} {'seconds':>8} {'x floor':>8}")
        worst = 0.0
        for name, seconds in sorted(best_of.items()):
            worst = max(worst, seconds / floor)
            print(f"{name:<14} {seconds:8.2f} {seconds / floor:8.2f}")
        print(f"sequential total: {sum(best_of.values()):.2f} s")
        ok = best <= GOAL_SECONDS and worst <= GOAL_FACTOR
        print("goals met" if ok else "goal missed")
        return 0 if ok else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
