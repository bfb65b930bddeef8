"""Policy frames against independent labels: FrAC sentences and GVFC headlines (+ lead).

Each data set is split into two halves by a hash of its document key (FrAC `source_id`,
GVFC record `id`): half A is the one designs were chosen on, half B is held out. For
each half it prints, over the data set's own label space:
- multi-label micro-F1 of the frames the package selects (`frames.judge`: every policy
  frame past the calibrated threshold), and of its top three ranked frames (the figure
  of issue 14 before the change);
- primary in gold: the share of records with a primary frame whose primary frame is
  among the gold frames, and how many records got one (coverage);
- the baseline that answers the same k most common gold frames of half A for every
  record (k = 3, and k = 1).

Label spaces. FrAC merges some codebook frames (Legality and Crime; Political and
Policies) and keeps "Other" for Capacity and resources, Quality of life, External
regulation; a record with no frame predicts "Other". GVFC's nine issue frames map to
the policy frames as in ../shared/data/eval-dev/README.md; only the policy frames that
mapping reaches are scored (a gun headline's Crime and punishment is neither right nor
wrong there), and "School or public space safety" is matched by either Health and
safety or Security and defense. GVFC records with no issue frame are left out.

Loaded language (`frames.loaded`) is scored against BASIL's lexical-bias spans (halves
by the story triplet): recall = share of lexical spans that a loaded cue overlaps;
precision = share of loaded cues inside a lexical span, a floor, since BASIL marks only
bias aimed at the story's main entities.

    .venv/bin/python benchmarks/eval_frames.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from analysis import frames

ROOT = Path(__file__).resolve().parents[1]

FRAC_MAP = {
    "Economic": "Economic",
    "Capacity and resources": "Other",
    "Morality": "Morality",
    "Fairness and equality": "Fairness and Equality",
    "Legality, constitutionality and jurisprudence": "Legality and Crime",
    "Policy prescription and evaluation": "Political and Policies",
    "Crime and punishment": "Legality and Crime",
    "Security and defense": "Security and Defense",
    "Health and safety": "Health and Safety",
    "Quality of life": "Other",
    "Cultural identity": "Cultural Identity",
    "Public opinion": "Public Opinion",
    "Political": "Political and Policies",
    "External regulation and reputation": "Other",
    "Other": "Other",
}
# GVFC issue frame -> the policy frames that express it (README mapping).
GVFC_MAP = {
    "Gun/2nd Amendment rights": ("Legality, constitutionality and jurisprudence",),
    "Gun control/regulation": ("Policy prescription and evaluation",),
    "Politics": ("Political",),
    "Mental health": ("Health and safety",),
    "School or public space safety": ("Health and safety", "Security and defense"),
    "Race/ethnicity": ("Fairness and equality", "Cultural identity"),
    "Public opinion": ("Public opinion",),
    "Society/culture": ("Cultural identity",),
    "Economic consequences": ("Economic",),
}


def half(key: str) -> str:
    """'A' or 'B', from the first byte of the key's SHA-1 (stable across runs)."""
    return "A" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "B"


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _judge(text: str) -> tuple[list[str], list[str], str | None]:
    """(selected frames, ranked frames with any evidence, primary frame or None)."""
    if not hasattr(frames, "judge"):  # a package from before issue 14
        return _judge_before(text)
    judged = frames.judge(text)
    primary = judged.primary if judged.primary in judged.selected else None
    return list(judged.selected), list(judged.ranked), primary


def _judge_before(text: str) -> tuple[list[str], list[str], str | None]:
    """Before issue 14 there was no selection: the top three ranked frames."""
    from analysis import tokenize

    sents = tokenize.sentences(text)
    scores, _, primary, _ = frames._frame_scores(frames.frame_cues(text, sents), sents)
    mfc = [s for s in scores if s.family == "mfc" and s.weighted > 0]
    order = frames.MFC_FRAMES.index
    ranked = [
        s.frame
        for s in sorted(mfc, key=lambda s: (-s.weighted, -s.hits, order(s.frame)))
    ]
    return ranked[:3], ranked, None if primary == "Other" else primary


def _frac_pred(policy: Iterable[str]) -> list[str]:
    out: list[str] = []
    for f in policy:
        label = FRAC_MAP[f]
        if label not in out:
            out.append(label)
    return out


def _gvfc_gold(issue_frames: list[str]) -> list[tuple[str, ...]]:
    return [GVFC_MAP[f] for f in issue_frames]


def _gvfc_scored(policy: Iterable[str]) -> list[str]:
    reachable = {f for alts in GVFC_MAP.values() for f in alts}
    return [f for f in policy if f in reachable]


def _match(pred: list[str], gold: list[tuple[str, ...]]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) where a gold item is a set of alternatives."""
    used: set[str] = set()
    tp = 0
    for alts in gold:
        hit = next((a for a in alts if a in pred and a not in used), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp, len(set(pred)), len(gold)


def _f1(counts: Iterable[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp = npred = ngold = 0
    for a, b, c in counts:
        tp, npred, ngold = tp + a, npred + b, ngold + c
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _evaluate(
    name: str,
    records: list[tuple[str, str, list[tuple[str, ...]]]],
    project: Callable[[list[str]], list[str]],
    empty: list[str],
) -> None:
    """records: (half key, text, gold alternatives). Prints one row per half."""
    judged = [(key, _judge(text), gold) for key, text, gold in records]
    # The baseline's frames: the most common gold labels of half A.
    common = Counter(
        alts[0] for key, _, gold in judged if half(key) == "A" for alts in gold
    )
    top = [f for f, _ in sorted(common.items(), key=lambda kv: (-kv[1], kv[0]))]
    print(f"\n{name}")
    print(
        f"  {'half':14} {'n':>5} {'F1 sel':>7} {'P':>6} {'R':>6} {'F1 top3':>8}"
        f" {'prim∈gold':>9} {'cover':>6} {'top1∈gold':>9} {'base3':>6} {'base1':>6}"
    )
    for label, which in (("A (chosen on)", "A"), ("B (held out)", "B")):
        part = [r for r in judged if half(r[0]) == which]
        sel, top3, base3, base1, primary_ok, primary_n = [], [], [], [], 0, 0
        top1_ok = top1_n = 0
        for _, (selected, ranked, primary), gold in part:
            first = project(ranked)[:1]
            if first:
                top1_n += 1
                top1_ok += any(first[0] in alts for alts in gold)
            chosen = project(selected) or empty
            sel.append(_match(chosen, gold))
            top3.append(_match(project(ranked)[:3] or empty, gold))
            base3.append(_match(top[:3], gold))
            base1.append(_match(top[:1], gold))
            if primary is not None and project([primary]):
                primary_n += 1
                primary_ok += any(project([primary])[0] in alts for alts in gold)
        f1, p, r = _f1(sel)
        share = primary_ok / primary_n if primary_n else 0.0
        print(
            f"  {label:14} {len(part):5d} {f1:7.3f} {p:6.3f} {r:6.3f}"
            f" {_f1(top3)[0]:8.3f} {share:9.3f} {primary_n / len(part):6.2f}"
            f" {top1_ok / max(top1_n, 1):9.3f}"
            f" {_f1(base3)[0]:6.3f} {_f1(base1)[0]:6.3f}"
        )


def _loaded(records: list[dict]) -> None:
    print("\nBASIL lexical-bias spans vs frames.loaded")
    print(f"  {'half':14} {'spans':>6} {'recall':>7} {'cues':>6} {'in span':>8}")
    for label, which in (("A (chosen on)", "A"), ("B (held out)", "B")):
        spans = found = cues = inside = 0
        for r in records:
            if half(r["id"].rsplit("_", 1)[0]) != which:
                continue
            lexical = [
                (x["start"], x["end"])
                for x in r["spans"]
                if x["bias"] == "lexical" and x["start"] is not None
            ]
            hits = [(c.start, c.end) for c in frames.loaded(r["text"])]
            spans += len(lexical)
            found += sum(1 for a, b in lexical if any(s < b and a < e for s, e in hits))
            cues += len(hits)
            inside += sum(
                1 for s, e in hits if any(s < b and a < e for a, b in lexical)
            )
        print(
            f"  {label:14} {spans:6d} {found / max(spans, 1):7.3f} {cues:6d}"
            f" {inside / max(cues, 1):8.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Print the figures for each development set; exit 2 without ../shared."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    dev = args.shared / "data" / "eval-dev"
    try:
        frac = _read(dev / "frac_sentence_frames.jsonl")
        heads = _read(dev / "gvfc_headline_frames.jsonl")
        leads = _read(dev / "gvfc_headline_lead_frames.jsonl")
    except FileNotFoundError as exc:
        print(f"error: {exc.filename} not found", file=sys.stderr)
        return 2
    frac_rows = [
        (str(r["source_id"]), r["text"], [(f,) for f in r["frames"]]) for r in frac
    ]
    _evaluate("FrAC sentences (all genres)", frac_rows, _frac_pred, ["Other"])
    news = [
        row for row, r in zip(frac_rows, frac, strict=True) if r["genre"] == "article"
    ]
    _evaluate("FrAC sentences (news articles only)", news, _frac_pred, ["Other"])
    head_rows = [
        (r["text"], r["text"], _gvfc_gold(r["frames"])) for r in heads if r["frames"]
    ]
    _evaluate("GVFC headlines", head_rows, _gvfc_scored, [])
    lead_rows = [
        (r["headline"], r["text"], _gvfc_gold(r["frames"]))
        for r in leads
        if r["frames"]
    ]
    _evaluate("GVFC headline + lead", lead_rows, _gvfc_scored, [])
    basil = dev / "basil_articles.jsonl"
    if basil.exists():
        _loaded(_read(basil))
    return 0


if __name__ == "__main__":
    sys.exit(main())
