"""Fit the news correction of `analysis.sentiment` on half of the NYT editorial snippets.

Reads ../shared/data/sentiment/vader_nyt_editorials/nytEditorialSnippets_GroundTruth.txt
(only even-numbered editorials are distributed; the odd half is held out for release
checks). Tunes on editorials numbered 0 mod 4 ("half A") and leaves those numbered 2 mod 4
("half B") for checking (`benchmarks/eval_sentiment.py`). Writes
`analysis/data/news_sentiment_adjust.tsv`. Deterministic: sorted vocabulary, closed-form
ridge regression, grid searches in a fixed order.

Usage: .venv/bin/python tools/train_sentiment.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import numpy as np

from analysis import sentiment

ROOT = Path(__file__).resolve().parents[1]

NYT = "data/sentiment/vader_nyt_editorials/nytEditorialSnippets_GroundTruth.txt"
OUT = ROOT / "analysis" / "data" / "news_sentiment_adjust.tsv"
POSITIVE_WEIGHTS = (
    0.4,
    0.5,
    0.6,
    0.7,
    0.8,
    1.0,
)  # grid for the positive down-weighting
RIDGE = 50.0  # L2 penalty on word weights (chosen by cross-fitting the two halves)
MIN_COUNT = 2  # a word must occur in this many tuning sentences
SCALES = tuple(round(0.5 + 0.05 * i, 2) for i in range(51))  # 0.5 .. 3.0


def load(shared: Path) -> list[tuple[str, float, str]]:
    """(id, mean rating / 4, text) rows of the NYT ground truth."""
    rows = []
    path = shared / NYT
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ident, mean, text = line.split("\t", 2)
            rows.append((ident, float(mean) / 4.0, text))
    return rows


def half(ident: str) -> str:
    """ "A" for editorials numbered 0 mod 4, "B" for 2 mod 4."""
    return "A" if int(ident.split("_")[0]) % 4 == 0 else "B"


def macro_f1(gold: np.ndarray, pred: np.ndarray, threshold: float = 0.05) -> float:
    """3-class macro-F1 with classes cut at +-threshold."""

    def classes(x: np.ndarray) -> np.ndarray:
        return np.where(x > threshold, 1, np.where(x < -threshold, -1, 0))

    g, p = classes(gold), classes(pred)
    scores = []
    for k in (-1, 0, 1):
        tp = int(((g == k) & (p == k)).sum())
        fp = int(((g != k) & (p == k)).sum())
        fn = int(((g == k) & (p != k)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def fit(texts: list[str], gold: np.ndarray, positive_weight: float):
    """Ridge regression of gold on [VADER base score, word indicators]."""
    docs = [sentiment.features(t) for t in texts]
    counts = collections.Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    index = {w: j for j, w in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab) + 1))
    for i, doc in enumerate(docs):
        for w in doc:
            if w in index:
                x[i, index[w]] = 1.0
    x[:, -1] = [sentiment.base_score(t, positive_weight) for t in texts]
    mu, y_mu = x.mean(axis=0), gold.mean()
    xc = x - mu
    penalty = np.full(x.shape[1], RIDGE)
    penalty[-1] = 1e-3  # the VADER score itself is barely penalised
    w = np.linalg.solve(xc.T @ xc + np.diag(penalty), xc.T @ (gold - y_mu))
    intercept = float(y_mu - mu @ w)
    words = {v: float(w[j]) for v, j in index.items()}
    return float(w[-1]), intercept, words, x @ w + intercept


def main(argv: list[str] | None = None) -> int:
    """Fit on half A and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / NYT).exists():
        print(f"error: {args.shared / NYT} not found", file=sys.stderr)
        return 2
    rows = [r for r in load(args.shared) if half(r[0]) == "A"]
    texts = [r[2] for r in rows]
    gold = np.array([r[1] for r in rows])
    # The positive weight is chosen on VADER alone (no word weights), so the word
    # weights cannot absorb it.
    best_pw, best_r = 1.0, -1.0
    for pw in POSITIVE_WEIGHTS:
        base = np.array([sentiment.base_score(t, pw) for t in texts])
        r = float(np.corrcoef(gold, base)[0, 1])
        print(f"positive weight {pw}: r {r:.4f}")
        if r > best_r + 1e-9:
            best_pw, best_r = pw, r
    base_weight, intercept, words, pred = fit(texts, gold, best_pw)
    # The scale leaves r unchanged; it sets how many scores pass +-0.05 (macro-F1).
    best_scale, best_f1 = 1.0, -1.0
    for scale in SCALES:
        f1 = macro_f1(gold, np.clip(scale * pred, -1, 1))
        if f1 > best_f1 + 1e-9:
            best_scale, best_f1 = scale, f1
    print(
        f"half A ({len(rows)} sentences): positive weight {best_pw}, "
        f"{len(words)} words, base weight {base_weight:.4f}, scale {best_scale}, "
        f"r {np.corrcoef(gold, pred)[0, 1]:.4f}, macro-F1 {best_f1:.4f} (in-sample)"
    )
    lines = [
        "# Linear news correction for analysis.sentiment, written by tools/train_sentiment.py.",
        "# Fitted by ridge regression (penalty 50, words in >= 2 sentences) on the VADER NYT",
        "# editorial snippets numbered 0 mod 4 (Hutto & Gilbert 2014; MIT, cjhutto/vaderSentiment).",
        "# score = clip(@scale * (@base_weight * vader + @intercept + sum of word weights), -1, 1)",
        "# key\tvalue",
        f"@positive_weight\t{best_pw}",
        f"@base_weight\t{base_weight:.6f}",
        f"@intercept\t{intercept:.6f}",
        f"@scale\t{best_scale}",
    ]
    lines += [f"{w}\t{v:.6f}" for w, v in sorted(words.items()) if abs(v) >= 5e-4]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
