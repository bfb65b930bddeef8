"""Benchmark of the framing layer on PolNeAR train + dev (924 US political articles).

Prints the distribution of primary frames (Media Frames Corpus dimensions and generic
frames), of episodic/thematic labels and of speakers' source types, and the time per
article of each stage: sentences, quotes and actors are timed apart so that the
framing layer's own cost (`frames.analyze` given those) is visible.

With `--sample PATH` it also writes 30 random frame hits and 30 random hedges or
evidentials (fixed seed) with their sentence, for reading by hand. PolNeAR texts may
not be shipped: write the sample outside the project (e.g. /tmp).

    .venv/bin/python benchmarks/bench_frames.py [--limit N] [--sample /tmp/frames_sample.txt]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from analysis import corpus, frames, tokenize

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "raw"
SAMPLE_SIZE = 30
SEED = 0


def _paths(limit: int | None) -> list[Path]:
    paths = sorted((POLNEAR / "train" / "text").glob("*.txt"))
    paths += sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    return paths[:limit] if limit else paths


def _optional(name: str):
    try:
        return __import__(f"analysis.{name}", fromlist=[name])
    except ImportError:
        return None


def _table(title: str, counts: Counter, total: int) -> None:
    print(f"\n{title} (n={total})")
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {n:5d}  {100 * n / total:5.1f}%  {key}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles")
    parser.add_argument("--sample", type=Path, default=None, help="write a sample here")
    args = parser.parse_args(argv)
    if not POLNEAR.exists():
        print(f"error: {POLNEAR} not found (../shared is needed)", file=sys.stderr)
        return 2
    quotes_mod, actors_mod = _optional("quotes"), _optional("actors")
    timers = Counter()
    primary, generic, episodic = Counter(), Counter(), Counter()
    speaker_types, quote_types = Counter(), Counter()
    claim_sources = Counter()
    selected_counts = Counter()
    answers: list[tuple[str, frames.FramesResult, list[tokenize.Sentence]]] = []
    deterministic = True
    frame_hits: list[tuple[str, frames.Cue, tokenize.Sentence]] = []
    hedges: list[tuple[str, frames.Cue, tokenize.Sentence]] = []
    paths = _paths(args.limit)
    for path in paths:
        article = corpus.read_article(path)
        text = article.text
        t0 = time.process_time()
        sents = tokenize.sentences(text)
        t1 = time.process_time()
        quotes = quotes_mod.extract(text) if quotes_mod else []
        t2 = time.process_time()
        mentions = actors_mod.mentions(text) if actors_mod else []
        t3 = time.process_time()
        result = frames.analyze(text, sentences=sents, quotes=quotes, mentions=mentions)
        t4 = time.process_time()
        timers["sentences"] += t1 - t0
        timers["quotes"] += t2 - t1
        timers["actors"] += t3 - t2
        timers["frames"] += t4 - t3
        if len(answers) < 25:  # same input, same output (a spot check)
            again = frames.analyze(
                text, sentences=sents, quotes=quotes, mentions=mentions
            )
            deterministic = deterministic and again == result
        primary[result.primary_frame] += 1
        selected_counts[len(result.policy_frames)] += 1
        answers.append((article.id, result, sents))
        generic[result.generic_frame or "(none)"] += 1
        episodic[result.episodic.label] += 1
        for s in result.speakers:
            speaker_types[s.source_type] += 1
            quote_types[s.source_type] += s.quotes
        for c in result.claims:
            claim_sources[c.source_type] += 1
        by_index = {s.index: s for s in sents}
        for c in result.cues:
            if c.kind == "frame" and not c.label.startswith("S&V"):
                frame_hits.append((article.id, c, by_index[c.sentence]))
            elif c.kind in ("hedge", "evidential"):
                hedges.append((article.id, c, by_index[c.sentence]))

    n = len(paths)
    _table("Primary frame (MFC dimensions)", primary, n)
    _table(
        "Policy frames selected per article (0 = no dominant frame)", selected_counts, n
    )
    _table("Strongest generic frame (Semetko & Valkenburg)", generic, n)
    _table("Episodic vs thematic", episodic, n)
    _table("Speakers by source type", speaker_types, sum(speaker_types.values()) or 1)
    _table("Quotes by source type", quote_types, sum(quote_types.values()) or 1)
    _table("Claims by source type", claim_sources, sum(claim_sources.values()) or 1)
    print(f"\nCPU ms per article over {n} articles (process time, one core):")
    for stage in ("sentences", "quotes", "actors", "frames"):
        print(f"  {stage:10s} {1000 * timers[stage] / n:7.2f}")
    print(
        f"  framing layer alone (frames.analyze given the above): "
        f"{1000 * timers['frames'] / n:.2f} ms/article"
    )
    print(f"  same output on a second run (first 25 articles): {deterministic}")

    if args.sample:
        rng = random.Random(SEED)
        lines = []
        for title, pool in (("FRAME HITS", frame_hits), ("HEDGES", hedges)):
            picks = rng.sample(pool, min(SAMPLE_SIZE, len(pool)))
            lines.append(f"== {title} ({len(picks)} of {len(pool)}, seed {SEED})")
            for number, (aid, cue, sent) in enumerate(picks, start=1):
                a, b = cue.start - sent.start, cue.end - sent.start
                shown = sent.text[:a] + "[[" + sent.text[a:b] + "]]" + sent.text[b:]
                shown = " ".join(shown.split())
                lines.append(f"{number:2d}. {cue.label} | {aid} | {shown}")
        picks = rng.sample(answers, min(SAMPLE_SIZE, len(answers)))
        lines.append(f"== FRAME ANSWERS ({len(picks)} articles, seed {SEED})")
        for number, (aid, result, sents) in enumerate(picks, start=1):
            title = next((s.text for s in sents if s.kind == "title"), "")
            chosen = ", ".join(result.policy_frames) or frames.NO_DOMINANT_FRAME
            lines.append(f"{number:2d}. {aid} | {' '.join(title.split())[:90]}")
            lines.append(f"    policy: {chosen}")
            for f in result.frames:
                if f.family == "mfc" and f.selected:
                    lines.append(f"    {f.frame}: {', '.join(f.terms[:10])}")
        args.sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\nsample written to {args.sample}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
