"""Speed of `analysis.actors.mentions` on the PolNeAR train and dev article texts.

Reads every `.txt` under ../shared/data/quotes/polnear/raw/{train,dev}/text, runs
`mentions()` on each article's Document, its quotes computed first (the named speakers
are read from them): best of --repeat passes, one core, wall and CPU time, gazetteer
loaded beforehand. Prints articles, characters, time per article and per 4,600
characters (the seed article's size), and how many mentions of which types were found.

With --stance, also the actor and stance layers of each article's Document, after the
layers other modules own (tokens, sentence tone, quotes): actors and stance together must
stay within 6 ms per article (CPU time, one pass). The old end-to-end figure is printed too.

Usage: python benchmarks/bench_actors.py [--shared ../shared] [--repeat 3] [--stance]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from analysis import actors, document

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stance", action="store_true")
    args = parser.parse_args(argv)
    base = Path(args.shared) / "data" / "quotes" / "polnear" / "raw"
    paths = sorted(
        p for split in ("train", "dev") for p in (base / split / "text").glob("*.txt")
    )
    if not paths:
        print(
            f"error: {base}: no PolNeAR texts (they are in ../shared)", file=sys.stderr
        )
        return 2
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    load = time.perf_counter()
    # Loads what a process loads once: the gazetteer, and wordfreq's table (read by
    # the transcript-label rule, which this text reaches). Left to the first article
    # with labels, wordfreq's 0.2 s CPU was charged to mentions(): 0.22 ms an article.
    actors.mentions("WALLACE: Warm up the gazetteer.\nWALLACE: Thank you.\n")
    load = time.perf_counter() - load
    # mentions() reads the quotes layer (its named speakers are actors): that layer is
    # computed first, as a Document does, so that the time below is the actors' own.
    docs = [document.Document(t) for t in texts]
    quoted = sum(len(doc.quotes) for doc in docs)  # computed once, kept on each
    best = cpu = float("inf")
    found: list[list[actors.Mention]] = []
    for _ in range(max(1, args.repeat)):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = [actors.mentions(doc) for doc in docs]
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    total = sum(len(f) for f in found)
    types = Counter(m.type for f in found for m in f)
    print(
        f"PolNeAR train+dev: {len(texts)} articles, {chars:,} characters "
        f"(mean {chars / len(texts):,.0f})"
    )
    print(f"gazetteer and wordfreq load: {load * 1000:.0f} ms (once per process)")
    print(f"quotes read for their speakers (computed before the timing): {quoted:,}")
    print(
        f"mentions(): {best:.2f} s in all (best of {args.repeat}), "
        f"{best / len(texts) * 1000:.2f} ms per article, "
        f"{best / chars * 4600 * 1000:.2f} ms per 4,600 characters, "
        f"{chars / best / 1e6:.2f} M characters/s"
    )
    print(
        f"CPU time (less sensitive to a loaded machine): {cpu:.2f} s, "
        f"{cpu / chars * 4600 * 1000:.2f} ms per 4,600 characters"
    )
    print(
        f"mentions found: {total:,} ({total / len(texts):.1f} per article); "
        f"articles with none: {sum(1 for f in found if not f)}"
    )
    print("by type: " + ", ".join(f"{k} {v:,}" for k, v in types.most_common()))
    if args.stance:
        _bench_stance(texts)
    return 0


def _bench_stance(texts: list[str]) -> None:
    """Two figures for the actors + stance budget (CPU time, one pass).

    - own layers: each article's Document first computes what other modules own
      (paragraphs, sentences, words, sentence tones, quotes); then `doc.mentions` and
      `doc.stances` are timed, with whatever they compute on the way (actors, source
      types). This is the cost the 6 ms budget is about.
    - end to end: `stance.stances(text)` from plain text, less `quotes.extract`, as
      measured before this split (it also charges tokenizing and sentence tone)."""
    from analysis import quotes, stance

    # Russia named three times is scored, so the model's weights (0.02 s CPU) are
    # loaded here, not in the first article timed.
    stance.stances("Warm up the model, Russia said. Russia and Russia.")
    others = own = 0.0
    for t in texts:
        start = time.process_time()
        doc = document.Document(t)
        for layer in ("paragraphs", "sentences", "words", "tones", "quotes"):
            getattr(doc, layer)  # computed once and kept on the Document
        middle = time.process_time()
        for layer in ("mentions", "stances"):
            getattr(doc, layer)
        end = time.process_time()
        others += middle - start
        own += end - middle
    start = time.process_time()
    for t in texts:
        quotes.extract(t)
    quoting = time.process_time() - start
    start = time.process_time()
    for t in texts:
        stance.stances(t)
    total = time.process_time() - start
    n = len(texts)
    print(
        f"actors + stance, own layers: {own / n * 1000:.2f} ms CPU per article "
        f"(other modules' layers before them: {others / n * 1000:.2f} ms)"
    )
    print(
        f"end to end: stances() {total / n * 1000:.2f} ms CPU per article, of which "
        f"quotes.extract {quoting / n * 1000:.2f} ms; the rest "
        f"{max(total - quoting, 0.0) / n * 1000:.2f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
