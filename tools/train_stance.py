"""Train the target-sentiment model of `analysis.stance` on NewsMTSC train.

Reads ../shared/data/sentiment/newsmtsc/train.jsonl (Hamborg & Donnay, EACL 2021; MIT),
extracts `analysis.stance.features` for every target, fits a multinomial logistic
regression with L2 penalty and balanced class weights by full-batch gradient descent
(Nesterov momentum with a diagonal preconditioner, a fixed number of steps:
deterministic), and writes `analysis/data/stance_model.tsv`
(`feature<TAB>w_neg<TAB>w_neu<TAB>w_pos`). The label is the most probable class
(`analysis.stance.to_score` keeps it recoverable from the score). The penalty is chosen
by the cross-validation below (the model pruned as shipped; with the stems) within the
speed budget: 4 0.6597, 8 0.6626, 15 0.6659, 30 0.6622, 60 0.6540 (60 without stems:
0.6488). A lower penalty keeps more features past PRUNE (60: 10,816; 30: 25,784; 15:
41,785), and each costs time per target: stance alone on PolNeAR train+dev 3.16-3.31
ms an article at 60, 3.46-3.52 at 30, 3.58-3.65 at 15; actors + stance own layers
(bench_actors.py --repeat 1 --stance, interleaved with main d9cdb2c) 5.28-5.39
against 5.20-5.28 at 60, but 6.17-6.77 against 5.22-5.84 at 15, over the 6 ms budget.
MIN_COUNT 3 (30,411 features at 15) saved about 0.1 ms for CV 0.6650; 5 gave 0.6610.
The dev parts (the paper's 30 % dev split; the test parts are held out) were read once
per model shipped.

With --cv, also a 5-fold cross-validation on train (folds by sentence, so that the
targets of one sentence stay together): the mean macro-F1 and its standard error. The
dev parts are small (343 and 442 targets: a standard error near 0.02), so a feature or
penalty change is compared first on the folds (standard error near 0.004), then on dev.

Usage: .venv/bin/python tools/train_stance.py [--shared ../shared] [--eval] [--cv]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

from analysis import stance

ROOT = Path(__file__).resolve().parents[1]
DATA = "data/sentiment/newsmtsc"
OUT = ROOT / "analysis" / "data" / "stance_model.tsv"
L2 = 60.0  # penalty (times the number of examples) on all weights but the bias
STEPS = 300
LEARNING_RATE = 0.1
MIN_COUNT = 2  # a binary feature must fire for this many training targets
# Binary features whose largest weight is below this are dropped from the shipped file
# (348 KB instead of 2.4 MB; dev macro-F1 moves by less than 0.01).
PRUNE = 0.02
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}


FOLDS = 5


def examples(path: Path) -> list[tuple[list[tuple[str, float]], int, int]]:
    """(features, class, sentence number) per target of a NewsMTSC file, in file order."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["sentence_normalized"]
        for target in record["targets"]:
            feats = stance.features(text, target["from"], target["to"])
            out.append((feats, POLARITY[target["polarity"]], number))
    return out


def cross_validate(
    rows: list[list[tuple[str, float]]], y: np.ndarray, sentences: np.ndarray
) -> tuple[float, float]:
    """Mean macro-F1 over FOLDS folds by sentence number, and its standard error.

    Each fold's model is pruned as the shipped one is (`kept`), so the figure is the
    shipped model's."""
    fold = sentences % FOLDS
    scores = []
    for k in range(FOLDS):
        held = fold == k
        fit_rows = [r for r, h in zip(rows, held, strict=True) if not h]
        vocab, w = train(fit_rows, y[~held])
        w = w * kept(vocab, w, numeric_features(fit_rows))[:, None]
        held_rows = [r for r, h in zip(rows, held, strict=True) if h]
        scores.append(macro_f1(y[held], predict(held_rows, vocab, w).argmax(axis=1)))
    return float(np.mean(scores)), float(np.std(scores) / np.sqrt(FOLDS))


def numeric_features(rows: list[list[tuple[str, float]]]) -> set[str]:
    """The features with a value other than 1.0 somewhere: never pruned."""
    return {name for feats in rows for name, value in feats if value != 1.0}


def kept(vocab: dict[str, int], w: np.ndarray, numeric: set[str]) -> np.ndarray:
    """Per feature, whether the shipped file keeps it: the bias, the numeric ones, and
    binary ones with a weight of at least PRUNE."""
    keep = np.abs(w).max(axis=1) >= PRUNE
    for name in numeric | {"bias"}:
        if name in vocab:
            keep[vocab[name]] = True
    return keep


class Matrix:
    """A sparse design matrix in CSR arrays over a fixed feature vocabulary."""

    def __init__(self, rows: list[list[tuple[str, float]]], vocab: dict[str, int]):
        cols, vals, ptr = [], [], [0]
        for feats in rows:
            for name, value in feats:
                j = vocab.get(name)
                if j is not None and value != 0.0:
                    cols.append(j)
                    vals.append(value)
            ptr.append(len(cols))
        self.cols = np.array(cols, dtype=np.int64)
        self.vals = np.array(vals, dtype=np.float64)
        self.row = np.repeat(np.arange(len(rows)), np.diff(ptr))
        self.n = len(rows)
        self.d = len(vocab)

    def dot(self, w: np.ndarray) -> np.ndarray:
        z = np.zeros((self.n, w.shape[1]))
        contrib = self.vals[:, None] * w[self.cols]
        for k in range(w.shape[1]):
            z[:, k] = np.bincount(self.row, weights=contrib[:, k], minlength=self.n)
        return z

    def tdot(self, g: np.ndarray) -> np.ndarray:
        out = np.zeros((self.d, g.shape[1]))
        contrib = self.vals[:, None] * g[self.row]
        for k in range(g.shape[1]):
            out[:, k] = np.bincount(self.cols, weights=contrib[:, k], minlength=self.d)
        return out


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(x: Matrix, y: np.ndarray, bias: int) -> np.ndarray:
    """Multinomial logistic regression, balanced class weights, L2; Nesterov GD."""
    counts = np.bincount(y, minlength=3)
    sample_weight = (len(y) / (3.0 * counts))[y]
    onehot = np.eye(3)[y]
    penalty = np.full((x.d, 1), L2 / x.n)
    penalty[bias] = 0.0
    # Diagonal preconditioning: each weight's step is scaled by the inverse of its
    # feature's mean square (plus the penalty), so rare and common features converge
    # alike.
    second = np.bincount(x.cols, weights=x.vals**2, minlength=x.d)[:, None] / x.n
    step = LEARNING_RATE / (second + penalty + 1e-3)
    w = np.zeros((x.d, 3))
    velocity = np.zeros_like(w)
    for _ in range(STEPS):
        ahead = w + 0.9 * velocity
        p = softmax(x.dot(ahead))
        grad = x.tdot((p - onehot) * sample_weight[:, None]) / x.n + penalty * ahead
        velocity = 0.9 * velocity - step * grad
        w = w + velocity
    return w


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over the three classes."""
    scores = []
    for k in range(3):
        tp = int(((gold == k) & (pred == k)).sum())
        fp = int(((gold != k) & (pred == k)).sum())
        fn = int(((gold == k) & (pred != k)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def vocabulary(rows: list[list[tuple[str, float]]]) -> dict[str, int]:
    """Features firing for at least MIN_COUNT rows (numeric ones always), sorted."""
    counts = collections.Counter(name for feats in rows for name, _ in feats)
    numeric = {name for feats in rows for name, value in feats if value != 1.0}
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or n in numeric)
    return {n: j for j, n in enumerate(names)}


def train(rows, y):
    """Fit on rows; return (vocabulary, weights)."""
    vocab = vocabulary(rows)
    w = fit(Matrix(rows, vocab), y, vocab["bias"])
    return vocab, w


def predict(rows, vocab, w) -> np.ndarray:
    """Class probabilities per row."""
    return softmax(Matrix(rows, vocab).dot(w))


def main(argv: list[str] | None = None) -> int:
    """Train on NewsMTSC train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--eval", action="store_true", help="also score the dev parts")
    parser.add_argument(
        "--cv", action="store_true", help=f"also a {FOLDS}-fold cross-validation"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="model file to write")
    args = parser.parse_args(argv)
    train_path = args.shared / DATA / "train.jsonl"
    if not train_path.exists():
        print(f"error: {train_path} not found", file=sys.stderr)
        return 2
    data = examples(train_path)
    rows = [f for f, _, _ in data]
    y = np.array([c for _, c, _ in data])
    if args.cv:
        mean, error = cross_validate(rows, y, np.array([n for _, _, n in data]))
        print(f"train {FOLDS}-fold CV by sentence: macro-F1 {mean:.4f} +- {error:.4f}")
    vocab, w = train(rows, y)
    print(f"train: {len(y)} targets, {len(vocab)} features")
    if args.eval:
        for part in ("rw", "mt"):
            dev = examples(args.shared / DATA / f"paper_split_{part}_dev.jsonl")
            pred = predict([f for f, _, _ in dev], vocab, w).argmax(axis=1)
            gold = np.array([c for _, c, _ in dev])
            print(
                f"dev {part}: macro-F1 {macro_f1(gold, pred):.4f} "
                f"acc {(gold == pred).mean():.4f}"
            )
    lines = [
        "# Target-sentiment model of analysis.stance, written by tools/train_stance.py.",
        "# Multinomial logistic regression (L2, balanced classes) on NewsMTSC train",
        (
            "# (Hamborg & Donnay, EACL 2021; fhamborg/NewsMTSC, MIT), penalty "
            f"{L2}, {STEPS} steps."
        ),
        "# feature\tw_negative\tw_neutral\tw_positive",
    ]
    keep = kept(vocab, w, numeric_features(rows))
    for name, j in sorted(vocab.items()):
        if keep[j]:
            lines.append(f"{name}\t{w[j, 0]:.4f}\t{w[j, 1]:.4f}\t{w[j, 2]:.4f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(lines) - 3} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
