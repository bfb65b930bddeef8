"""Quote extraction on PolNeAR dev, pronoun resolution, and the seed article.

Run from the project root: `.venv/bin/python benchmarks/eval_quotes.py [--split train
--quarter K]`. `--split train --quarter K` reads the brat files of PolNeAR train (the first
annotator of each article, as in polnear_dev.jsonl) and keeps every fourth article from the
K-th; quarter 3 is held out from any fitting and tuning. Scores with the
reference scorer `../shared/eval/score_quotes.py` (greedy one-to-one, |gold & pred| /
|gold| over characters > 0.3 and > 0.8, parts sharing a cue merged, scare left out), then
the pronoun rule of `../shared/eval/polnear_pronoun_speakers.md` and the seed gold.
`--judge-basil N [--basil-from K]` prints a sample of about N quotes found in 40 BASIL
newspaper articles (no quote labels) for judging by hand: a proxy for unseen news.
`--learned-cues all` (or e.g. `that,to`, or `none`) sets the frames of the cues learned
from PolNeAR train (`analysis/data/quote_cues_learned.tsv`); by default only `object`,
with a message as the object, when the keep/drop model is off (`--filter off`); with it
on (the default), `--filter P` sets its threshold and `--all-frames` lets it weigh every
learned frame, not only those that can report speech. `--judge-basil N --added-only`
shows only the quotes the model adds (overlapping none found with it off).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

from analysis import actors, quotes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "quotes" / "polnear" / "polnear_dev.jsonl"
RAW = SHARED / "data" / "quotes" / "polnear" / "raw"
# The quote marks that make a gold content "direct" or "mixed" (the README's rule).
GOLD_MARKS = frozenset('"“”')
PRONOUNS = SHARED / "eval" / "polnear_dev_pronoun_speakers.jsonl"
SEED_GOLD = SHARED / "eval" / "seed_gold.json"
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
# Newspaper articles (Fox, NYT, HuffPost) with no quote labels: a proxy for unseen news,
# judged by hand from the sample `--judge-basil N` prints.
BASIL = SHARED / "data" / "eval-dev" / "basil_articles.jsonl"
BASIL_ARTICLES = 40  # the first articles in id order
TITLES = re.compile(
    r"^(?:the|mr\.?|mrs\.?|ms\.?|dr\.?|sen\.?|senator|rep\.?|gov\.?|president|"
    r"vice president|secretary)\s+",
    re.IGNORECASE,
)


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_quotes", SHARED / "eval" / "score_quotes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_kind(content: str) -> str:
    """The PolNeAR README's heuristic kind of a gold content."""
    content = content.strip()
    n = sum(ch in GOLD_MARKS for ch in content)
    if n == 2 and content[:1] in GOLD_MARKS and content[-1:] in GOLD_MARKS:
        return "direct"
    return "mixed" if n else "indirect"


def _brat_spans(field: str, text: str) -> list[dict]:
    out = []
    for piece in field.split(";"):
        a, b = (int(x) for x in piece.split())
        out.append({"start": a, "end": b, "text": text[a:b]})
    return out


HELD_OUT_QUARTER = 3


def fitting_quarters(quarters: list[int]) -> list[dict]:
    """The PolNeAR train articles of `quarters` (quarter K: every 4th article from the
    K-th), for the tools that fit on train.

    Raises:
        ValueError: if the held-out quarter is asked for, or ../shared is absent.
    """
    if HELD_OUT_QUARTER in quarters:
        raise ValueError(f"train quarter {HELD_OUT_QUARTER} is held out")
    if not RAW.exists():
        raise ValueError(f"{RAW} not found (../shared is needed)")
    every = load_brat("train")
    return [d for q in sorted(quarters) for d in every[q::4]]


def load_brat(split: str) -> list[dict]:
    """The articles of a raw PolNeAR split in the shape of polnear_dev.jsonl (the first
    annotation file of each article in sorted order)."""
    docs, seen = [], set()
    for ann in sorted((RAW / split / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        if article in seen:
            continue
        seen.add(article)
        text = (RAW / split / "text" / f"{article}.txt").read_text(encoding="utf-8")
        spans: dict[str, list[dict]] = {}
        events = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T") and len(cols) >= 2:
                spans[cols[0]] = _brat_spans(cols[1].partition(" ")[2], text)
            elif line.startswith("E") and len(cols) >= 2:
                events.append(dict(x.split(":", 1) for x in cols[1].split()))
        atts = []
        for ev in events:
            content = spans.get(ev.get("Content", ""), [])
            atts.append(
                {
                    "kind": _gold_kind(" ".join(c["text"] for c in content)),
                    "source": spans.get(ev.get("Source", ""), []),
                    "cue": spans.get(ev.get("Cue", ""), []),
                    "content": content,
                }
            )
        docs.append({"id": article, "text": text, "attributions": atts})
    return docs


def _norm(name: str) -> str:
    name = name.replace("’", "'").strip(" \t\n.,;:\"'“”‘’()").lower()
    name = re.sub(r"\s+", " ", name)
    prev = None
    while prev != name:
        prev = name
        name = TITLES.sub("", name)
    return name


def _name_ok(pred: str | None, row: dict) -> bool:
    if not pred:
        return False
    p = _norm(pred)
    names = [_norm(row["referent"]), *(_norm(a) for a in row.get("aliases", []))]
    if p in names:
        return True
    for n in names:
        if len(p.split()) >= 2 and len(n.split()) >= 2 and (p in n or n in p):
            return True
    # The gazetteer's name for the same actor ("Barack Obama" for the referent "Obama"):
    # speakers named by a listed alias take the name the actors table gives them.
    listed = [actors.canonical(x) for x in (row["referent"], *row.get("aliases", []))]
    return any(found is not None and found[0] == pred for found in listed)


def polnear(docs: list[dict]) -> tuple[list[list[dict]], float]:
    """Predictions for every dev article (as CLI dicts) and seconds per article."""
    preds = []
    t0 = time.perf_counter()
    for d in docs:
        preds.append([dataclasses.asdict(q) for q in quotes.extract(d["text"])])
    return preds, (time.perf_counter() - t0) / max(len(docs), 1)


def pronoun_scores(docs: list[dict], preds: list[list[dict]], scorer) -> dict:
    """Accuracy of resolved speakers on the hand-resolved pronoun sources of dev."""
    rows = [
        json.loads(x) for x in PRONOUNS.read_text(encoding="utf-8").splitlines() if x
    ]
    want = {(r["id"], r["content_start"]): r for r in rows}
    named = [r for r in rows if r["named"] and r["confident"]]
    matched = right = bare = 0
    unnamed_matched = 0
    for d, p in zip(docs, preds, strict=True):
        gold = [a for a in d["attributions"] if a["content"]]
        kept = [x for x in p if x.get("kind") != "scare"]
        groups = {}
        order = []
        for x in kept:
            key = (
                (x["cue_start"], x["cue_end"]) if x["cue_start"] is not None else id(x)
            )
            if key not in groups:
                groups[key] = {"chars": set(), "speaker": x.get("speaker")}
                order.append(key)
            groups[key]["chars"] |= set(range(x["start"], x["end"]))
        gchars = [
            set().union(*(range(s["start"], s["end"]) for s in a["content"]))
            for a in gold
        ]
        used = set()
        for key in order:
            g = groups[key]
            best, bi = 0.0, None
            for i, gc in enumerate(gchars):
                if i in used:
                    continue
                sc = len(gc & g["chars"]) / len(gc)
                if sc > best:
                    best, bi = sc, i
            if bi is None or best <= 0.3:
                continue
            used.add(bi)
            row = want.get((d["id"], gold[bi]["content"][0]["start"]))
            if row is None:
                continue
            if not (row["named"] and row["confident"]):
                unnamed_matched += 1
                continue
            matched += 1
            sp = g["speaker"]
            if sp and sp.strip().lower() in (
                "he",
                "she",
                "they",
                "it",
                "i",
                "we",
                "you",
            ):
                bare += 1
            right += _name_ok(sp, row)
    return {
        "named_confident": len(named),
        "matched": matched,
        "matched_share": matched / max(len(named), 1),
        "accuracy": right / max(matched, 1),
        "bare_pronoun": bare,
        "unnamed_matched": unnamed_matched,
    }


def seed_report() -> list[str]:
    """One line per seed gold item: found or not, with kind and speaker."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    preds = quotes.extract(text)
    lines = []
    for q in gold["quotes"]:
        qs, qe = q["quote"]
        m = [
            p
            for p in preds
            if p.quote_start is not None
            and p.quote_start <= qs + 1
            and p.quote_end >= qe - 1
        ]
        kinds = q.get("kind_accepts", [q["kind"]])
        got = f"{m[0].kind} / {m[0].speaker} ({m[0].speaker_text})" if m else "missed"
        ok = (
            bool(m)
            and m[0].kind in kinds
            and (
                m[0].speaker in [q["speaker"], *q.get("speaker_aliases", [])]
                if q["speaker"]
                else m[0].speaker is None
            )
        )
        lines.append(
            f"{'ok  ' if ok else 'MISS'} quote {text[qs:qe][:40]!r}: want {q['kind']}/{q['speaker']}, got {got}"
        )
    for q in gold["reported_speech"]:
        gs, ge = q["content"]
        m = [
            p
            for p in preds
            if len(set(range(p.start, p.end)) & set(range(gs, ge))) > 0.5 * (ge - gs)
        ]
        got = f"{m[0].kind} / {m[0].speaker}" if m else "missed"
        names = [q["speaker"].lower(), *(a.lower() for a in q["speaker_aliases"])]
        ok = (
            bool(m)
            and m[0].speaker is not None
            and any(n in m[0].speaker.lower() for n in names)
        )
        lines.append(
            f"{'ok  ' if ok else 'MISS'} reported {text[gs:ge][:40]!r}: want {q['speaker']}, got {got}"
        )
    return lines


def _baseline_keys(text: str) -> set[tuple[int, int]]:
    """The (start, end) of the quotes found without the keep/drop model (learned cues
    as before it: the object frame with a message object only)."""
    saved = quotes.FILTER_MIN_P, quotes.LEARNED_FRAMES
    quotes.FILTER_MIN_P, quotes.LEARNED_FRAMES = None, ("object",)
    try:
        return {(q.start, q.end) for q in quotes.extract(text)}
    finally:
        quotes.FILTER_MIN_P, quotes.LEARNED_FRAMES = saved


def basil_sample(n: int, first: int = 0, added: bool = False) -> list[str]:
    """Every k-th non-scare quote over BASIL_ARTICLES articles (in id order, from the
    `first`), about `n` in all, one numbered block each, for judging by hand; with
    `added`, only the quotes the keep/drop model adds (overlapping none found without
    it)."""
    rows = [json.loads(x) for x in BASIL.read_text(encoding="utf-8").splitlines() if x]
    rows = sorted(rows, key=lambda r: r["id"])[first : first + BASIL_ARTICLES]
    found = []
    for r in rows:
        text = r["text"]
        before = _baseline_keys(text) if added else set()
        for q in quotes.extract(text):
            new = not any(s < q.end and q.start < e for s, e in before)
            if q.kind != "scare" and new:
                found.append((r["id"], text, q))
    step = max(len(found) // max(n, 1), 1)
    what = "quotes added by the keep/drop model" if added else "quotes"
    lines = [f"BASIL: {len(rows)} articles, {len(found)} {what}, every {step}th shown"]
    for i, (aid, text, q) in enumerate(found[::step][:n]):
        lo = max(text.rfind("\n", 0, min(q.start, q.speaker_start or q.start)), 0)
        context = " ".join(text[lo : q.end + 40].split())
        lines += [
            (
                f"[{i + 1}] {aid} {q.kind} cue={q.cue!r} speaker={q.speaker!r} "
                f"(as {q.speaker_text!r})"
            ),
            f"    content: {' '.join(q.text.split())!r}",
            f"    context: {context!r}",
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument(
        "--quarter", type=int, choices=(0, 1, 2, 3), help="every 4th train article"
    )
    parser.add_argument(
        "--judge-basil", type=int, metavar="N", help="print N BASIL quotes to judge"
    )
    parser.add_argument(
        "--basil-from", type=int, default=0, metavar="K", help="first BASIL article"
    )
    parser.add_argument(
        "--added-only",
        action="store_true",
        help="with --judge-basil: only the quotes the keep/drop model adds",
    )
    parser.add_argument(
        "--learned-cues",
        metavar="FRAMES",
        help="learned-cue frames to use (comma-separated, 'all' or 'none')",
    )
    parser.add_argument(
        "--filter",
        metavar="P",
        help="keep/drop model threshold for learned-cue candidates, or 'off'",
    )
    parser.add_argument(
        "--all-frames",
        action="store_true",
        help="let the keep/drop model weigh every learned frame, not only speech ones",
    )
    args = parser.parse_args(argv)
    if args.all_frames:
        quotes.SPEECH_ONLY = False
    if args.filter:
        try:
            quotes.FILTER_MIN_P = None if args.filter == "off" else float(args.filter)
        except ValueError:
            print(f"error: bad --filter {args.filter!r}", file=sys.stderr)
            return 2
    if args.learned_cues:
        frames = args.learned_cues.split(",")
        if args.learned_cues == "all":
            frames = list(quotes.LEARNED_FRAME_NAMES)
        elif args.learned_cues == "none":
            frames = []
        bad = sorted(set(frames) - set(quotes.LEARNED_FRAME_NAMES))
        if bad:
            print(f"error: unknown learned-cue frame {bad[0]!r}", file=sys.stderr)
            return 2
        quotes.LEARNED_FRAMES = tuple(frames)
    if args.judge_basil is not None:
        if not BASIL.exists():
            print(f"error: {BASIL} not found (../shared is needed)", file=sys.stderr)
            return 2
        print(
            "\n".join(basil_sample(args.judge_basil, args.basil_from, args.added_only))
        )
        return 0
    if not DEV.exists():
        print(f"error: {DEV} not found (../shared is needed)", file=sys.stderr)
        return 2
    scorer = _scorer()
    if args.split == "train":
        docs = load_brat("train")
        if args.quarter is not None:
            docs = docs[args.quarter :: 4]
        label = f"train quarter {args.quarter}" if args.quarter is not None else "train"
    else:
        docs = [
            json.loads(x)
            for x in DEV.read_text(encoding="utf-8").splitlines()
            if x.strip()
        ]
        label = "dev"
    preds, spa = polnear(docs)
    print(
        f"PolNeAR {label}: {len(docs)} articles, {spa * 1000:.1f} ms/article (extract only)"
    )
    for thr in (0.3, 0.8):
        s = scorer.score(docs, preds, thr)
        print(
            f"threshold {thr}: "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in s.items()
            )
        )
    kinds: dict[str, int] = {}
    for p in preds:
        for x in p:
            kinds[x["kind"]] = kinds.get(x["kind"], 0) + 1
    print(
        "predicted kinds: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in quotes.KINDS)
    )
    if args.split != "dev":
        return 0
    pr = pronoun_scores(docs, preds, scorer)
    print(
        f"pronoun speakers (named, confident: {pr['named_confident']}): matched "
        f"{pr['matched']} ({pr['matched_share']:.3f}), resolved right {pr['accuracy']:.3f}, "
        f"left as bare pronoun {pr['bare_pronoun']}; unnamed rows matched {pr['unnamed_matched']}"
    )
    print("seed:")
    for line in seed_report():
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
