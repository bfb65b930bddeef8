"""Fit the keep/drop model of learned-cue candidates, `analysis/data/quote_filter.tsv`.

The quote extractor opens an indirect candidate at every learned reporting cue
(`quote_cues_learned.tsv`, all four frames) with a person or group as its subject and a
content after it. This tool runs the extractor on PolNeAR train quarters 0-2 (every
fourth article from K = 0, 1, 2 of the first annotator's files, as
`benchmarks/eval_quotes.py --split train --quarter K` reads them; quarter 3 is held out)
with every candidate kept and logged (`quotes.CANDIDATE_LOG`), labels a candidate 1 when
its content covers more than 30% of a gold content's characters (the reference scorer's
match rule), and fits an L2-regularised logistic regression by Newton's method (numpy,
float64, a fixed number of steps from zero weights). Features seen fewer than MIN_COUNT
times are left out. Weights are written rounded, sorted by feature: deterministic and
byte-reproducible; no PolNeAR text (only cue words and head nouns the learned lexicons
already hold).

Usage: .venv/bin/python tools/train_quote_filter.py [--quarters 0 1 2] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import quotes
from benchmarks import eval_quotes

OUT = ROOT / "analysis" / "data" / "quote_filter.tsv"
MIN_COUNT = 3  # a feature must occur in at least this many candidates
L2 = 1.0  # the penalty on every weight but the bias
STEPS = 30  # Newton steps
MATCH = 0.3  # share of a gold content's characters a candidate must cover
HEADER = (
    "# Keep/drop model of learned-cue quote candidates (analysis.quotes), fitted on\n"
    "# PolNeAR train quarters 0-2 by tools/train_quote_filter.py (see SOURCES.md).\n"
    "# feature, weight of an L2-regularised logistic regression; a numeric feature\n"
    "# (logit_p, log_gold, head_logit) multiplies its weight by its value.\n"
)

Features = tuple[tuple[str, float], ...]


def _label(span: tuple[int, int], gold: list[set[int]]) -> int:
    chars = set(range(*span))
    return int(any(len(g & chars) > MATCH * len(g) for g in gold if g))


def candidates(docs: list[dict]) -> tuple[list[Features], list[int]]:
    """Every learned-cue candidate of `docs` with its features and its label."""
    rows: list[Features] = []
    labels: list[int] = []
    saved = quotes.CANDIDATE_LOG, quotes.SPEECH_ONLY
    # every learned frame: the model weighs them all; SPEECH_ONLY narrows what it sees
    quotes.SPEECH_ONLY = False
    try:
        for doc in docs:
            quotes.CANDIDATE_LOG = []
            quotes.extract(doc["text"])
            gold = [
                set().union(*(range(c["start"], c["end"]) for c in att["content"]))
                for att in doc["attributions"]
                if att["content"]
            ]
            for start, end, features in quotes.CANDIDATE_LOG:
                rows.append(features)
                labels.append(_label((start, end), gold))
    finally:
        quotes.CANDIDATE_LOG, quotes.SPEECH_ONLY = saved
    return rows, labels


def fit(
    rows: Sequence[Features], labels: Sequence[int], l2: float = L2
) -> dict[str, float]:
    """Feature -> weight of a logistic regression on the candidates (Newton's method)."""
    counts = Counter(name for row in rows for name, _ in row)
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or n == "bias")
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row:
            if name in index:
                x[r, index[name]] = value
    y = np.asarray(labels, dtype=float)
    penalty = np.full(len(names), l2)
    if "bias" in index:
        penalty[index["bias"]] = 1e-6
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
    return {n: float(w[i]) for n, i in index.items()}


def render(weights: dict[str, float]) -> str:
    """The TSV text of a model: header, then one sorted `feature<TAB>weight` row each."""
    rows = [
        f"{name}\t{weight:.4f}"
        for name, weight in sorted(weights.items())
        if round(weight, 4) != 0 or name == "bias"
    ]
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarters", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        docs = eval_quotes.fitting_quarters(args.quarters)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    rows, labels = candidates(docs)
    weights = fit(rows, labels, args.l2)
    args.out.write_text(render(weights), encoding="utf-8")
    print(
        f"{len(rows)} candidates ({sum(labels)} gold) from {len(docs)} articles, "
        f"{len(weights)} features -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
