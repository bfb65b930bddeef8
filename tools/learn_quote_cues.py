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

from analysis import lexicons, quotes
from benchmarks import eval_quotes

OUT = ROOT / "analysis" / "data" / "quote_cues_learned.tsv"
HEADS_OUT = ROOT / "analysis" / "data" / "quote_cue_objects.tsv"
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
HEADS_HEADER = (
    "# Object head nouns of the learned 'object' frame, from PolNeAR train quarters 0-2\n"
    "# by tools/learn_quote_cues.py (see SOURCES.md). head (analysis.quotes.object_head\n"
    "# of the determiner phrase after a word outside quote_cues.tsv), n (occurrences),\n"
    "# gold (of them, the word before in a gold cue span), p = (gold + 1) / (n + 2).\n"
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


def count(
    docs: list[dict], known: set[str]
) -> tuple[Counter, Counter, Counter, Counter]:
    """Occurrences and gold-cue occurrences of each (form, frame) in `docs`, and of
    each object head noun after such a word."""
    seen: Counter = Counter()
    gold: Counter = Counter()
    head_seen: Counter = Counter()
    head_gold: Counter = Counter()
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
            is_gold = _in_cue(starts, ends, m.start(), m.end())
            seen[form, frame] += 1
            gold[form, frame] += is_gold
            head = quotes.object_head(text, m.end())
            if frame == "object" and head is not None:
                head_seen[head] += 1
                head_gold[head] += is_gold
    return seen, gold, head_seen, head_gold


def _rows(seen: Counter, gold: Counter) -> list[str]:
    """Tab-separated key fields, n, gold and p for keys with gold >= MIN_GOLD."""
    return [
        "\t".join(key if isinstance(key, tuple) else (key,))
        + f"\t{n}\t{gold[key]}\t{(gold[key] + 1) / (n + 2):.3f}"
        for key, n in sorted(seen.items())
        if gold[key] >= MIN_GOLD
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the lexicon."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quarters", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args(argv)
    try:
        docs = eval_quotes.fitting_quarters(args.quarters)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # "according to" is a cue of its own in analysis.quotes; function words and -ly
    # adverbs are only parts of a longer gold cue ("talking about", "repeatedly said")
    # forms and lemmas of quote_cues.tsv were judged by hand ("call", "support" and
    # "show" were left out there as mostly nouns)
    hand = lexicons.table("quote_cues.tsv", 3)
    known = {form for form, _, _ in hand} | {lemma for _, lemma, _ in hand}
    known.add("according")
    known |= lexicons.word_set("stopwords_en.txt")
    seen, gold, head_seen, head_gold = count(docs, known)
    rows = _rows(seen, gold)
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows from {len(docs)} articles -> {OUT.relative_to(ROOT)}")
    heads = _rows(head_seen, head_gold)
    HEADS_OUT.write_text(HEADS_HEADER + "\n".join(heads) + "\n", encoding="utf-8")
    print(f"{len(heads)} object heads -> {HEADS_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
