"""Dump every corpus table for some articles, to check that a refactoring changes no result.

Usage:
    python tools/dump_tables.py OUT PATH...            # PATH: files or folders of articles
    python tools/dump_tables.py --compare OLD NEW      # exit 1 if any table differs

Each table is written as CSV (floats in full `repr` precision) with its SHA-256 in
`OUT/SHA256SUMS`, so two dumps compare byte for byte. Run it before and after a change,
in fresh processes, on PolNeAR train+dev (924 articles) and the seed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from analysis import pipeline


def dump(out: Path, paths: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sums = []
    for name, frame in pipeline.tables(paths).items():
        path = out / f"{name}.csv"
        frame.to_csv(path, index=False, float_format=None, lineterminator="\n")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sums.append(f"{digest}  {name}.csv ({len(frame)} rows)")
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    print("\n".join(sums))


def compare(old: Path, new: Path) -> int:
    a = (old / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    b = (new / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    differ = sorted(set(a) ^ set(b))
    for line in differ:
        print(("only in old: " if line in a else "only in new: ") + line)
    print("identical" if not differ else f"{len(differ)} lines differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("out", nargs="?")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out or not args.paths:
        parser.error("give OUT and at least one PATH, or --compare OLD NEW")
    dump(Path(args.out), args.paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
