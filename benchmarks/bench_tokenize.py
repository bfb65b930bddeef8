"""Tokenizing speed on PolNeAR train+dev, and sentence-splitting variants on hard cases.

Usage: python benchmarks/bench_tokenize.py [--repeat 3]

Speed: `analysis.tokenize.sentences` + `words` over every PolNeAR train and dev text on
one core, beside NLTK's untrained `PunktSentenceTokenizer` + `NLTKWordTokenizer` in the
same run. Quality: the hard cases of tests/test_tokenize.py under four Punkt parameter
sets (untrained; the project's news abbreviations only; NLTK's English punkt_tab only;
both, which is what the package uses).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import lexicons, tokenize
from tests.test_tokenize import SPLIT_CASES

POLNEAR = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "raw"


def _texts() -> list[str]:
    files = sorted(POLNEAR.glob("train/text/*.txt")) + sorted(
        POLNEAR.glob("dev/text/*.txt")
    )
    return [f.read_text(encoding="utf-8") for f in files]


def _ours(text: str) -> int:
    return len(tokenize.sentences(text)) + len(tokenize.words(text))


_BASE_SENT = PunktSentenceTokenizer()
_BASE_WORD = NLTKWordTokenizer()


def _baseline(text: str) -> int:
    n = 0
    for start, end in _BASE_SENT.span_tokenize(text):
        n += 1 + len(list(_BASE_WORD.span_tokenize(text[start:end])))
    return n


def _time(func, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _variant(abbrevs: bool, punkt_tab: bool) -> PunktSentenceTokenizer:
    params = PunktParameters()
    types: set[str] = set()
    if abbrevs:
        types |= lexicons.word_set("news_abbreviations.txt")
    if punkt_tab:
        types |= lexicons.word_set("punkt_english/abbrev_types.txt")
        params.sent_starters = set(lexicons.word_set("punkt_english/sent_starters.txt"))
        params.collocations = set(lexicons.table("punkt_english/collocations.tab", 2))
        for word, flags in lexicons.table("punkt_english/ortho_context.tab", 2):
            params.ortho_context[word] = int(flags)
    params.abbrev_types = types
    return PunktSentenceTokenizer(params, lang_vars=tokenize._NewsLanguageVars())


def _hard_cases() -> None:
    cases = [(c.values if hasattr(c, "values") else c) for c in SPLIT_CASES]
    variants = {
        "untrained Punkt": _variant(False, False),
        "project abbreviations only": _variant(True, False),
        "NLTK punkt_tab english only": _variant(False, True),
        "punkt_tab + project abbreviations (punkt only)": _variant(True, True),
    }
    print(
        f"\nHard sentence-splitting cases ({len(cases)}), exact sentence lists right:"
    )
    for name, splitter in variants.items():
        right = sum(
            [
                text[s:e].strip()
                for s, e in splitter.span_tokenize(text.replace("\n", " "))
            ]
            == expected
            for text, expected in cases
            if "\n" not in text
        )
        total = sum("\n" not in text for text, _ in cases)
        print(f"  {name:48s} {right}/{total}")
    right = sum(
        [s.text for s in tokenize.sentences(text) if s.kind == "sentence"] == expected
        for text, expected in cases
    )
    print(f"  {'analysis.tokenize.sentences (package)':48s} {right}/{len(cases)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _hard_cases()
    if not POLNEAR.exists():
        print(f"\n{POLNEAR} is absent: speed benchmark skipped")
        return
    texts = _texts()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    _ours(texts[0])  # load the parameters before timing
    print(
        f"\nPolNeAR train+dev: {len(texts)} articles, {mb:.2f} MB, best of {args.repeat}"
    )
    for name, func in (
        ("analysis.tokenize (sentences + words)", _ours),
        ("baseline: untrained Punkt + NLTKWordTokenizer", _baseline),
    ):
        secs = _time(func, texts, args.repeat)
        print(
            f"  {name:46s} {len(texts) / secs:8.0f} articles/s  {mb / secs:6.2f} MB/s  "
            f"{secs / len(texts) * 1000:6.2f} ms/article"
        )


if __name__ == "__main__":
    main()
