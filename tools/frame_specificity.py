"""Document frequency of each frame cue over PolNeAR train, for cue specificity.

A cue found in many news articles whatever their subject ("critics", "market", "said")
says little about a frame; one found in few ("tariff", "asylum") says much.
`analysis.frames` turns the document frequency written here into a weight per cue
(see docs/framing.md). Only counts leave the corpus: the texts are not shipped.

Each article is matched with the same per-family matchers as `analysis.frames`
(longest cue wins where cues overlap, so "social security" is not counted as
"security"); a cue counts once per article.

Usage (from the project root, ../shared beside it):
    PYTHONPATH=. .venv/bin/python tools/frame_specificity.py [--shared ../shared]
writes analysis/data/frame_cue_df.tsv.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "data" / "frame_cue_df.tsv"


def main(argv: list[str] | None = None) -> int:
    """Count, write the table, print a summary; exit 2 without ../shared."""
    sys.path.insert(0, str(ROOT))
    from analysis import frames
    from analysis.cues import words_of

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    folder = args.shared / "data" / "quotes" / "polnear" / "raw" / "train" / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"error: no PolNeAR train texts in {folder}", file=sys.stderr)
        return 2
    matchers = frames._frame_matchers()
    df: Counter = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        words = words_of(text)
        seen = set()
        for family, matcher in sorted(matchers.items()):
            for m in matcher.find(text, words):
                seen.add((family, m.entry.lower()))
        df.update(seen)
    cues = sorted(
        (family, cue.lower())
        for family, _, cue in frames.lexicons.table("frame_cues.tsv", 3)
    )
    lines = [
        "# Document frequency of each frame cue over PolNeAR train (written by",
        "# tools/frame_specificity.py; see analysis/data/SOURCES.md).",
        "# Columns: family <TAB> cue <TAB> articles containing it; the row with",
        "# family * gives the number of articles counted.",
        f"*\tarticles\t{len(paths)}",
    ]
    lines += [f"{family}\t{cue}\t{df[(family, cue)]}" for family, cue in cues]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(cues)} cues over {len(paths)} articles")
    for (family, cue), n in df.most_common(15):
        print(f"  {n:4d}  {family}  {cue}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
