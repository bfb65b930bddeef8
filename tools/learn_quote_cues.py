"""Learn the weighted reporting-cue lexicon `analysis/data/quote_cues_learned.tsv`.

PolNeAR (Newell et al., LREC 2018) marks the cue of every attribution. This tool reads
PolNeAR train quarters 0-2 (every fourth article from K = 0, 1, 2 of the first annotator's
files, as `benchmarks/eval_quotes.py --split train --quarter K` reads them; quarter 3 is
held out) and, for each lower-case word form that is not a form or lemma of `quote_cues.tsv`, not a
function word (`stopwords_en.txt`) and not an -ly adverb, counts its occurrences in four
frames:

- `that`: the word then "that" ("warned that", "believes that");
- `to`: the word then "to" and a word ("wants to", "appears to");
- `pronoun`: the word then a subject pronoun and a word ("believe he is");
- `object`: the word then a determiner or a name ("backing the bill", "supporting Cruz").

`n` is how often the frame occurs in the train text, `gold` how often the word there lies
in a gold cue span; `p` = (gold + 1) / (n + 2) (add-one smoothing) estimates how often the
frame is a cue. Rows with gold >= MIN_GOLD are written, sorted by form and frame: counts
only, no PolNeAR text. Deterministic.

Usage: .venv/bin/python tools/learn_quote_cues.py [--quarters 0 1 2]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import lexicons
from benchmarks import eval_quotes

OUT = ROOT / "analysis" / "data" / "quote_cues_learned.tsv"
MIN_GOLD = 2  # a frame must be a gold cue at least this often in train
# The same lower-case words the extractor looks cues up by (analysis.quotes._WORDS).
WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
# A determiner or a name after the word; a day or a month is no object ("released Monday").
_OBJECT = (
    r"\s+(?:the|an?|his|her|their|its|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)[A-Z][a-z])"
)
FRAMES = (
    ("that", re.compile(r"\s+that\b")),
    ("to", re.compile(r"\s+to\s+[a-z]")),
    ("pronoun", re.compile(r"\s+(?:he|she|they|we|I|it|there)\s+[a-z]")),
    ("object", re.compile(_OBJECT)),
)
HEADER = (
    "# Reporting cues learned from PolNeAR train quarters 0-2 by tools/learn_quote_cues.py\n"
    "# (see SOURCES.md). form, frame (that | to | pronoun | object: what follows), n\n"
    "# (occurrences of the frame in train), gold (of them, in a gold cue span), p =\n"
    "# (gold + 1) / (n + 2). Forms and lemmas of quote_cues.tsv, function words and\n"
    "# -ly adverbs are left out.\n"
)


def _stem(form: str) -> str:
    """A regular inflection's stem ("showing" -> "show", "argued" -> "argu", checked with
    an "e" too), so that every form of a hand-judged lemma stays out; else the form."""
    for suffix, put in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            return form[: len(form) - len(suffix)] + put
    return form


def _frame(text: str, end: int) -> str | None:
    for name, pattern in FRAMES:
        if pattern.match(text, end, end + 30):
            return name
    return None


def _cue_spans(doc: dict) -> tuple[list[int], list[int]]:
    spans = sorted(
        (c["start"], c["end"]) for att in doc["attributions"] for c in att["cue"]
    )
    return [s for s, _ in spans], [e for _, e in spans]


def _in_cue(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_left(starts, e)  # spans starting before the word's end
    return any(ends[j] > s for j in range(max(0, i - 8), i))


def count(docs: list[dict], known: set[str]) -> tuple[Counter, Counter]:
    """Occurrences and gold-cue occurrences of each (form, frame) in `docs`."""
    seen: Counter = Counter()
    gold: Counter = Counter()
    for doc in docs:
        text = doc["text"]
        starts, ends = _cue_spans(doc)
        for m in WORD.finditer(text):
            form = m.group()
            stem = _stem(form)
            if form in known or form.endswith("ly") or {stem, stem + "e"} & known:
                continue
            frame = _frame(text, m.end())
            if frame is None:
                continue
            seen[form, frame] += 1
            if _in_cue(starts, ends, m.start(), m.end()):
                gold[form, frame] += 1
    return seen, gold


def main(argv: list[str] | None = None) -> int:
    """Write the lexicon."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarters", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args(argv)
    if 3 in args.quarters:
        print("error: train quarter 3 is held out", file=sys.stderr)
        return 2
    if not eval_quotes.RAW.exists():
        print(
            f"error: {eval_quotes.RAW} not found (../shared is needed)", file=sys.stderr
        )
        return 2
    every = eval_quotes.load_brat("train")
    docs = [d for q in sorted(args.quarters) for d in every[q::4]]
    # "according to" is a cue of its own in analysis.quotes; function words and -ly
    # adverbs are only parts of a longer gold cue ("talking about", "repeatedly said")
    # forms and lemmas of quote_cues.tsv were judged by hand ("call", "support" and
    # "show" were left out there as mostly nouns)
    hand = lexicons.table("quote_cues.tsv", 3)
    known = {form for form, _, _ in hand} | {lemma for _, lemma, _ in hand}
    known.add("according")
    known |= lexicons.word_set("stopwords_en.txt")
    seen, gold = count(docs, known)
    rows = [
        f"{form}\t{frame}\t{n}\t{gold[form, frame]}\t"
        f"{(gold[form, frame] + 1) / (n + 2):.3f}"
        for (form, frame), n in sorted(seen.items())
        if gold[form, frame] >= MIN_GOLD
    ]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows from {len(docs)} articles -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
