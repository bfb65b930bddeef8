"""Speed of sentence tone (sentences/s) and of target sentiment (targets/s), one core.

Sentences: the NYT editorial snippets in ../shared (or the seed's sentences repeated when
../shared is absent). Targets: NewsMTSC dev targets in their sentences (or the seed's
capitalised words). Best of three runs; caches are cleared before each run so repeated
texts are not free. Plain vaderSentiment is timed on the same sentences as a reference for
how loaded the machine is.

Usage: .venv/bin/python benchmarks/bench_sentiment.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment, stance, tokenize

ROOT = Path(__file__).resolve().parents[1]
NYT = "data/sentiment/vader_nyt_editorials/nytEditorialSnippets_GroundTruth.txt"
DEV = "data/sentiment/newsmtsc/paper_split_{}_dev.jsonl"
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
GOALS = {"sentences/s": 5000, "targets/s": 2000}


def _sentences(shared: Path) -> list[str]:
    path = shared / NYT
    if path.exists():
        lines = path.read_text(encoding="utf-8").splitlines()
        return [line.split("\t", 2)[2] for line in lines if line.strip()]
    text = SEED.read_text(encoding="utf-8")
    return [s.text for s in tokenize.sentences(text)] * 100


def _targets(shared: Path) -> list[tuple[str, int, int]]:
    out = []
    for part in ("rw", "mt"):
        path = shared / DEV.format(part)
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                for t in record["targets"]:
                    out.append((record["sentence_normalized"], t["from"], t["to"]))
    if not out:
        text = SEED.read_text(encoding="utf-8")
        out = [(text, m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+", text)]
    return out


def _best_rate(func, items) -> float:
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        func(items)
        best = max(best, len(items) / (time.perf_counter() - start))
    return best


def main(argv: list[str] | None = None) -> int:
    """Print both rates beside their goals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    sentences = _sentences(args.shared)
    targets = _targets(args.shared)
    sentiment.score("warm up")
    stance.target_sentiment("Warm up Smith.", 8, 13)

    def score_all(items: list[str]) -> None:
        for text in items:
            sentiment.score(text)

    def target_all(items: list[tuple[str, int, int]]) -> None:
        for text, start, end in items:
            stance.target_sentiment(text, start, end)

    vader = SentimentIntensityAnalyzer()

    def vader_all(items: list[str]) -> None:
        for text in items:
            vader.polarity_scores(text)

    rates = {
        "sentences/s": _best_rate(score_all, sentences),
        "targets/s": _best_rate(target_all, targets),
    }
    reference = _best_rate(vader_all, sentences)
    for name, rate in rates.items():
        print(
            f"{name:12} {rate:9.0f}   (goal >= {GOALS[name]}; n = "
            f"{len(sentences) if name == 'sentences/s' else len(targets)})"
        )
    print(
        f"reference: plain vaderSentiment {reference:.0f} sentences/s on this machine "
        "now (8,000-12,000 on an idle 2-core box)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
