"""Sentence uncertainty against the Szeged Uncertainty Corpus (FactBank news part).

A sentence is read as uncertain when `hedging.find` gives it a cue that lowers
certainty (kind hedge, or an evidential other than "according to"), and as "has a
hedge" when it gives one of kind hedge only. Gold: `hedged` (the sentence has an
epistemic, doxastic, conditional or investigation cue). The dev file holds half of the
corpus by document; it is split again into halves A (chosen on) and B (held out) by a
hash of `doc_id`. A 20-word keyword list is scored beside it as the floor to beat.

    .venv/bin/python benchmarks/eval_certainty.py [--shared ../shared] [--misses N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from analysis import hedging

ROOT = Path(__file__).resolve().parents[1]

# The floor: twenty words that most often mark uncertainty in news (our choice).
KEYWORDS = re.compile(
    r"\b(?:may|might|could|would|should|possible|possibly|perhaps|probably|likely"
    r"|believe[sd]?|think|thinks|if|whether|unless|suggest(?:s|ed)?|appear(?:s|ed)?"
    r"|seem(?:s|ed)?|expect(?:s|ed)?)\b",
    re.IGNORECASE,
)


def half(key: str) -> str:
    """'A' or 'B', from the first byte of the key's SHA-1 (stable across runs)."""
    return "A" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "B"


def _uncertain(text: str, hedges_only: bool) -> bool:
    for cue in hedging.find(text):
        if cue.kind == "hedge":
            return True
        if not hedges_only and cue.kind == "evidential" and cue.label != "according to":
            return True
    return False


def _prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in pairs if g and p)
    npred = sum(1 for _, p in pairs if p)
    ngold = sum(1 for g, _ in pairs if g)
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


def main(argv: list[str] | None = None) -> int:
    """Print F1/P/R per half; with --misses, that many errors of half A."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args(argv)
    path = (
        args.shared / "data" / "eval-dev" / "szeged_factbank_news_uncertainty_dev.jsonl"
    )
    try:
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError as exc:
        print(f"error: {exc.filename} not found", file=sys.stderr)
        return 2
    readings = {
        "hedge or evidential": lambda t: _uncertain(t, False),
        "hedge only": lambda t: _uncertain(t, True),
        "20-word keyword list": lambda t: KEYWORDS.search(t) is not None,
    }
    print(f"{'reading':22} {'half':14} {'n':>5} {'F1':>6} {'P':>6} {'R':>6}")
    for name, read in readings.items():
        for label, which in (("A (chosen on)", "A"), ("B (held out)", "B")):
            part = [r for r in rows if half(r["doc_id"]) == which]
            f1, p, r = _prf([(row["hedged"], read(row["text"])) for row in part])
            print(f"{name:22} {label:14} {len(part):5d} {f1:6.3f} {p:6.3f} {r:6.3f}")
    shown = 0
    for row in rows:
        if shown >= args.misses or half(row["doc_id"]) != "A":
            continue
        found = [c for c in hedging.find(row["text"]) if c.kind != "booster"]
        if bool(found) != row["hedged"]:
            shown += 1
            gold = [(c["text"], c["type"]) for c in row["cues"]]
            ours = [(c.text, c.label) for c in found]
            print(f"\n- gold {gold} ours {ours}\n  {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
