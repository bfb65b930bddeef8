"""Sentence tone against the VADER NYT editorial snippets: Pearson r and 3-class macro-F1.

Gold = mean rating / 4; classes cut at +-0.05 (Hutto & Gilbert 2014). Only the
even-numbered editorials are in ../shared; `tools/train_sentiment.py` tunes on half A
(editorials 0 mod 4), so half B (2 mod 4) is the held-out figure. Plain vaderSentiment
is scored on the same sentences beside ours.

Usage: .venv/bin/python benchmarks/eval_sentiment.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The same data reader, halves and metric as the training script.
from tools.train_sentiment import half, load, macro_f1

# Anchors on the full 5,190 sentences (docs/anchors/sentiment.md).
ANCHORS = (
    ("vaderSentiment 3.3.2 (full set, measured)", 0.503, 0.525),
    ("NLTK VADER (full set, measured)", 0.490, 0.521),
    ("AFINN (full set, measured)", 0.462, 0.513),
    ("individual human rater (paper)", 0.745, None),
)


def main(argv: list[str] | None = None) -> int:
    """Print r and macro-F1 per half and on the whole, beside plain VADER."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    try:
        rows = load(args.shared)
    except FileNotFoundError as exc:
        print(f"error: {exc.filename} not found", file=sys.stderr)
        return 2
    ids = [ident for ident, _, _ in rows]
    texts = [text for _, _, text in rows]
    y = np.array([gold for _, gold, _ in rows])
    ours = np.array([sentiment.score(t) for t in texts])
    vader = SentimentIntensityAnalyzer()
    plain = np.array([vader.polarity_scores(t)["compound"] for t in texts])
    halves = np.array([half(i) for i in ids])
    parts = (
        ("half A (0 mod 4, tuned on)", halves == "A"),
        ("half B (2 mod 4, held out)", halves == "B"),
        ("whole (even editorials)", np.ones(len(ids), dtype=bool)),
    )
    print(f"{'part':32} {'n':>5} {'r':>7} {'F1m':>7}   vaderSentiment r / F1m")
    for name, mask in parts:
        r = np.corrcoef(y[mask], ours[mask])[0, 1]
        f1 = macro_f1(y[mask], ours[mask])
        r0 = np.corrcoef(y[mask], plain[mask])[0, 1]
        f0 = macro_f1(y[mask], plain[mask])
        print(f"{name:32} {mask.sum():5d} {r:7.4f} {f1:7.4f}   {r0:.4f} / {f0:.4f}")
    print("anchors:")
    for name, r, f1 in ANCHORS:
        f1_text = f"{f1:.3f}" if f1 is not None else "-"
        print(f"  {name:44} r {r:.3f}  F1m {f1_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
