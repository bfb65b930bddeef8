"""Speed of `quotes.extract` over the PolNeAR train and dev texts, on one core.

Run from the project root: `.venv/bin/python benchmarks/bench_quotes.py [--repeat N]`.
Prints milliseconds per article (mean over all articles, best of N passes, so that noise
from other processes on the machine counts as little as possible) and the median.
Goal (issue 3): <= 10 ms per average article.

`--scaling SMALL,LARGE` times one extraction of each shape of issue 18 (the seed repeated,
`"` only, `said that ` / `— said ` repeated, `The ` repeated, `according to ` repeated,
unbalanced “ paragraphs, mixed scripts) at both sizes (characters), prints the ratio and
exits 1 where 10x the text costs more than 15x the time.
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
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
SHAPES = {
    "seed repeated": None,  # the seed article, paragraphs kept
    '" only': '"',
    "said that": "said that ",
    "— said": "— said ",
    "The": "The ",
    "according to": "according to ",
    "unbalanced “ paragraphs": "“He said this and that without an end\n\n",
    "mixed scripts": "Привет мир. مرحبا بالعالم. 你好世界。 ",
}
MAX_GROWTH = 15.0  # time ratio allowed for 10x the text


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def scaling(small: int, large: int) -> int:
    """Time each shape at two sizes; 1 if any grows faster than allowed."""
    seed = SEED.read_text(encoding="utf-8") + "\n\n"
    quotes.extract(seed)  # load the lexicons once
    worst = 0.0
    for name, unit in SHAPES.items():
        times = []
        for size in (small, large):
            text = _repeat(seed if unit is None else unit, size)
            # CPU time of this process: the machine is shared, wall time is noisy
            t0 = time.process_time()
            quotes.extract(text)
            times.append(time.process_time() - t0)
        ratio = times[1] / max(times[0], 1e-6)
        allowed = MAX_GROWTH * large / small / 10
        worst = max(worst, ratio / allowed)
        print(
            f"{name:24s} {small:>9,} chars {times[0]:7.3f} s   {large:>9,} chars "
            f"{times[1]:7.3f} s   ratio {ratio:5.1f}{'  TOO SLOW' if ratio > allowed else ''}"
        )
    return 1 if worst > 1 else 0


def main(argv: list[str] | None = None) -> int:
    """Time the extractor and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes (best is kept)")
    parser.add_argument(
        "--scaling", metavar="SMALL,LARGE", help="time the hostile shapes at two sizes"
    )
    args = parser.parse_args(argv)
    if args.scaling:
        small, large = (int(x) for x in args.scaling.split(","))
        return scaling(small, large)
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
