"""Speed of `quotes.extract` over the PolNeAR train and dev texts, on one core.

Run from the project root: `.venv/bin/python benchmarks/bench_quotes.py [--repeat N]`.
Prints milliseconds per article (mean over all articles, best of N passes, so that noise
from other processes on the machine counts as little as possible) and the median.
Goal (issue 3): <= 10 ms per average article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from analysis import quotes

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "raw"


def main(argv: list[str] | None = None) -> int:
    """Time the extractor and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes (best is kept)")
    args = parser.parse_args(argv)
    paths = sorted(RAW.glob("train/text/*.txt")) + sorted(RAW.glob("dev/text/*.txt"))
    if not paths:
        print(f"error: no texts under {RAW} (../shared is needed)", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in paths]
    quotes.extract(texts[0])  # load the lexicons once
    best_total = float("inf")
    best_each: list[float] = []
    found = 0
    for _ in range(max(1, args.repeat)):
        each = []
        found = 0
        for text in texts:
            t0 = time.perf_counter()
            found += len(quotes.extract(text))
            each.append(time.perf_counter() - t0)
        if sum(each) < best_total:
            best_total, best_each = sum(each), each
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"{len(texts)} articles (PolNeAR train+dev, {chars:.0f} chars on average), "
        f"{found} records: {best_total / len(texts) * 1000:.2f} ms/article mean, "
        f"{statistics.median(best_each) * 1000:.2f} ms median, "
        f"{max(best_each) * 1000:.1f} ms max (best of {max(1, args.repeat)} passes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
