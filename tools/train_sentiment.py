"""Fit the news correction of `analysis.sentiment` on half of the NYT editorial snippets.

First derives a news word-tone table from NewsMTSC train (Hamborg & Donnay 2021, MIT):
for every word in at least TONE_MIN_COUNT training sentences, the mean polarity of the
targets of the sentences holding it (-1, 0, +1), smoothed toward the overall mean with
TONE_PRIOR pseudo-sentences, minus that mean. Writes `analysis/data/news_word_tone.tsv`.

Then reads ../shared/data/sentiment/vader_nyt_editorials/nytEditorialSnippets_GroundTruth.txt
(only even-numbered editorials are distributed; the odd half is held out for release
checks). Tunes on editorials numbered 0 mod 4 ("half A") and leaves those numbered 2 mod 4
("half B") for checking (`benchmarks/eval_sentiment.py`). Writes
`analysis/data/news_sentiment_adjust.tsv` (the weights of the VADER score, of the
summed word tone, and of single words). Deterministic: sorted vocabulary, closed-form
ridge regression, grid searches in a fixed order.

Usage: .venv/bin/python tools/train_sentiment.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

from analysis import sentiment

ROOT = Path(__file__).resolve().parents[1]

NYT = "data/sentiment/vader_nyt_editorials/nytEditorialSnippets_GroundTruth.txt"
OUT = ROOT / "analysis" / "data" / "news_sentiment_adjust.tsv"
TONE_OUT = ROOT / "analysis" / "data" / "news_word_tone.tsv"
NEWSMTSC = "data/sentiment/newsmtsc/train.jsonl"
TONE_MIN_COUNT = 3  # sentences a word must occur in to get a tone
TONE_PRIOR = 10.0  # pseudo-sentences at the mean polarity (smoothing)
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
SHIFTS = tuple(round(-0.05 + 0.01 * i, 2) for i in range(11))  # -0.05 .. +0.05


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


def word_tone(shared: Path) -> dict[str, float]:
    """Smoothed mean target polarity of NewsMTSC train sentences per word."""
    counts: collections.Counter[str] = collections.Counter()
    sums: dict[str, float] = collections.defaultdict(float)
    total, n = 0.0, 0
    for line in (shared / NEWSMTSC).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        polarity = [(t["polarity"] - 4.0) / 2.0 for t in record["targets"]]
        y = sum(polarity) / len(polarity)
        total += y
        n += 1
        for w in sentiment.features(record["sentence_normalized"]):
            counts[w] += 1
            sums[w] += y
    mean = total / n
    return {
        w: (sums[w] + TONE_PRIOR * mean) / (c + TONE_PRIOR) - mean
        for w, c in sorted(counts.items())
        if c >= TONE_MIN_COUNT
    }


def fit(texts: list[str], gold: np.ndarray, positive_weight: float, tone: dict):
    """Ridge regression of gold on [word indicators, VADER base score, word tone]."""
    docs = [sentiment.features(t) for t in texts]
    counts = collections.Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    index = {w: j for j, w in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab) + 2))
    for i, doc in enumerate(docs):
        for w in doc:
            if w in index:
                x[i, index[w]] = 1.0
    x[:, -2] = [sentiment.base_score(t, positive_weight) for t in texts]
    x[:, -1] = [sum(tone.get(w, 0.0) for w in doc) for doc in docs]
    mu, y_mu = x.mean(axis=0), gold.mean()
    xc = x - mu
    penalty = np.full(x.shape[1], RIDGE)
    penalty[-2:] = 1e-3  # the VADER score and the word tone are barely penalised
    w = np.linalg.solve(xc.T @ xc + np.diag(penalty), xc.T @ (gold - y_mu))
    intercept = float(y_mu - mu @ w)
    words = {v: float(w[j]) for v, j in index.items()}
    return float(w[-2]), float(w[-1]), intercept, words, x @ w + intercept


def predict(texts: list[str], positive_weight: float, tone: dict, fitted) -> np.ndarray:
    """Raw predictions (before scale and shift) of a fitted correction."""
    base_weight, tone_weight, intercept, words, _ = fitted
    out = []
    for text in texts:
        doc = sentiment.features(text)
        value = base_weight * sentiment.base_score(text, positive_weight) + intercept
        value += sum(words.get(w, 0.0) + tone_weight * tone.get(w, 0.0) for w in doc)
        out.append(value)
    return np.array(out)


def main(argv: list[str] | None = None) -> int:
    """Fit on half A and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    for needed in (NYT, NEWSMTSC):
        if not (args.shared / needed).exists():
            print(f"error: {args.shared / needed} not found", file=sys.stderr)
            return 2
    tone = word_tone(args.shared)
    TONE_OUT.write_text(
        "# News word tone for analysis.sentiment, written by tools/train_sentiment.py:\n"
        "# smoothed mean target polarity (-1..+1) of the NewsMTSC train sentences holding\n"
        "# the word, minus the overall mean (Hamborg & Donnay 2021; fhamborg/NewsMTSC, MIT).\n"
        "# word\ttone\n" + "".join(f"{w}\t{v:.4f}\n" for w, v in tone.items()),
        encoding="utf-8",
    )
    print(f"wrote {TONE_OUT.relative_to(ROOT)} ({len(tone)} words)")
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
    base_weight, tone_weight, intercept, words, pred = fit(texts, gold, best_pw, tone)
    # The scale and shift leave r unchanged; they set which scores pass +-0.05
    # (macro-F1). Chosen on 2-fold cross-validated predictions within half A (folds:
    # editorials 0 and 4 mod 8), as in-sample predictions are too confident.
    folds = np.array([int(r[0].split("_")[0]) % 8 for r in rows])
    cv = np.zeros(len(rows))
    for fold in (0, 4):
        train_rows = folds != fold
        train_texts = [t for t, keep in zip(texts, train_rows, strict=True) if keep]
        fitted = fit(train_texts, gold[train_rows], best_pw, tone)
        cv[~train_rows] = predict(
            [t for t, keep in zip(texts, train_rows, strict=True) if not keep],
            best_pw,
            tone,
            fitted,
        )
    best_scale, best_shift, best_f1 = 1.0, 0.0, -1.0
    for scale in SCALES:
        for shift in SHIFTS:
            f1 = macro_f1(gold, np.clip(scale * cv + shift, -1, 1))
            if f1 > best_f1 + 1e-9:
                best_scale, best_shift, best_f1 = scale, shift, f1
    print(
        f"half A ({len(rows)} sentences): positive weight {best_pw}, "
        f"{len(words)} words, base weight {base_weight:.4f}, scale {best_scale}, "
        f"shift {best_shift}, r {np.corrcoef(gold, pred)[0, 1]:.4f} (in-sample), "
        f"cross-validated r {np.corrcoef(gold, cv)[0, 1]:.4f}, macro-F1 {best_f1:.4f}"
    )
    lines = [
        "# Linear news correction for analysis.sentiment, written by tools/train_sentiment.py.",
        "# Fitted by ridge regression (penalty 50, words in >= 2 sentences) on the VADER NYT",
        "# editorial snippets numbered 0 mod 4 (Hutto & Gilbert 2014; MIT, cjhutto/vaderSentiment).",
        "# score = clip(@scale * (@base_weight * vader + @tone_weight * summed word tone",
        "#         + @intercept + sum of word weights) + @shift, -1, 1)",
        "# key\tvalue",
        f"@positive_weight\t{best_pw}",
        f"@base_weight\t{base_weight:.6f}",
        f"@tone_weight\t{tone_weight:.6f}",
        f"@intercept\t{intercept:.6f}",
        f"@scale\t{best_scale}",
        f"@shift\t{best_shift}",
    ]
    lines += [f"{w}\t{v:.6f}" for w, v in sorted(words.items()) if abs(v) >= 5e-4]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
