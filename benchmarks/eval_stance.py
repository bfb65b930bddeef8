"""Target sentiment on the NewsMTSC dev parts (and directed sentiment on Park 2021 valid).

NewsMTSC (Hamborg & Donnay 2021): polarity 2/4/6 = negative/neutral/positive toward the
target at `sentence[from:to]`; macro-F1 over the three classes and accuracy, with
`analysis.stance.target_sentiment` + `label`. The model is trained on train.jsonl only.

Park, Pan & Joo 2021 valid: each sentence has two bracketed entities P and Q and a label
(0 neutral, 1 P+ toward Q, 2 Q+ toward P, 3 P- toward Q, 4 Q- toward P). We use the
speech-act rule of `analysis.stance` (holder, act, target) and, optionally, the
target sentiment of each entity: a rough check of direction, not the task the model
was built for.

BASIL (Fan et al. 2019; ../shared/data/eval-dev/basil_articles.jsonl): article-level
author feeling (neg/neu/pos) toward each main entity. The narrator's stance of
`analysis.stance.stances` toward that entity is the prediction (neutral when the narrator
has none); macro-F1 on two halves split by a hash of the story id (the three outlets'
versions of one story stay together): half A is for choosing, half B is reported.

Usage: .venv/bin/python benchmarks/eval_stance.py [--shared ../shared] [--basil-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from analysis import actors, stance

ROOT = Path(__file__).resolve().parents[1]
NEWSMTSC = "data/sentiment/newsmtsc"
PARK = "data/sentiment/directed_sentiment_park2021/valid.txt"
BASIL = "data/eval-dev/basil_articles.jsonl"
FEELING = {"neg": "negative", "neu": "neutral", "pos": "positive"}
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
ANCHORS = (
    "anchors on the paper's test parts (rw / mt macro-F1): VADER sentence 0.513 / 0.481, "
    "AFINN window 0.539 / 0.559, TF-IDF+LR 0.622 / 0.582, RoBERTa GRU-TSC 0.831 / 0.825"
)


def macro_f1(gold: list[str], pred: list[str], classes: tuple[str, ...]) -> float:
    """Macro-F1 over `classes`."""
    scores = []
    for k in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p == k)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != k and p == k)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p != k)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def newsmtsc(path: Path) -> tuple[float, float, int]:
    """(macro-F1, accuracy, n) on one NewsMTSC file."""
    gold, pred = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["sentence_normalized"]
        for target in record["targets"]:
            gold.append(POLARITY[target["polarity"]])
            value = stance.target_sentiment(text, target["from"], target["to"])
            pred.append(stance.label(value))
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return (
        macro_f1(gold, pred, ("negative", "neutral", "positive")),
        accuracy,
        len(gold),
    )


def _unbracket(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, start = [], [], None
    for ch in sentence:
        if ch == "[":
            start = sum(len(t) for t in text)
        elif ch == "]" and start is not None:
            spans.append((start, sum(len(t) for t in text)))
            start = None
        else:
            text.append(ch)
    return "".join(text), spans


def park(path: Path, fallback: bool) -> tuple[float, float, int]:
    """(5-class macro-F1, accuracy, n) on Park 2021 valid.

    A reported speech act between the two entities ("P criticised Q") decides first,
    as `analysis.stance` does in articles. Without one, the prediction is neutral, or
    (with `fallback`) read from the target sentiment of each entity: the entity with
    the stronger polar score is the target, the other its holder.
    """
    gold, pred = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 4:
            continue
        text, spans = _unbracket(fields[0])
        if len(spans) != 2 or any(e <= s for s, e in spans) or not text.strip():
            continue
        gold.append(fields[3].strip())
        pred.append(str(_park_guess(text, spans, fallback)))
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return macro_f1(gold, pred, ("0", "1", "2", "3", "4")), accuracy, len(gold)


def _park_guess(text: str, spans: list[tuple[int, int]], fallback: bool) -> int:
    mentions = sorted(
        [
            stance._Mention("P", "person", *spans[0]),
            stance._Mention("Q", "person", *spans[1]),
        ],
        key=lambda m: m.start,
    )
    for holder, target, value, _ in stance._speech_acts(
        stance._SentenceTokens(text), mentions, [(0, len(text))]
    ):
        if holder == "P" and target.actor == "Q":
            return 1 if value > 0 else 3
        if holder == "Q" and target.actor == "P":
            return 2 if value > 0 else 4
    if not fallback:
        return 0
    to_p = stance.target_sentiment(text, *spans[0])
    to_q = stance.target_sentiment(text, *spans[1])
    _strength, toward_p, value = max((abs(to_q), 0, to_q), (abs(to_p), 1, to_p))
    if stance.label(value) == "neutral":
        return 0
    if not toward_p:  # toward Q, so P holds it
        return 1 if value > 0 else 3
    return 2 if value > 0 else 4


def basil_half(record: dict) -> str:
    """ "A" or "B": a hash of the story id, shared by the outlets' versions."""
    story = record["id"].rsplit("_", 1)[0]
    return "AB"[hashlib.sha256(story.encode()).digest()[0] % 2]


def _feeling(value: str) -> str:
    return FEELING[value.strip().lower().removeprefix("str-")[:3]]


def _entity_actor(name: str, present: set[str]) -> str:
    """The article's actor for a BASIL entity name (itself when not resolved)."""
    found = actors.canonical(name)
    if found is not None and found[0] in present:
        return found[0]
    same_case = [a for a in sorted(present) if a.casefold() == name.casefold()]
    if same_case:  # "Lois lerner" in the labels
        return same_case[0]
    last = name.split()[-1]
    same = sorted(a for a in present if a.split()[-1:] == [last])
    return same[0] if len(same) == 1 else (found[0] if found else name)


def basil(path: Path) -> dict[str, tuple[float, float, int]]:
    """Per half: (macro-F1, accuracy, n) of the narrator's stance vs author feeling."""
    gold: dict[str, list[str]] = {"A": [], "B": []}
    pred: dict[str, list[str]] = {"A": [], "B": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record.get("text", "").strip():
            continue
        found = stance.stances(record["text"])
        narrator = {s.target: s.label for s in found if s.holder == "narrator"}
        present = {a.actor for a in actors.inventory(record["text"])}
        half = basil_half(record)
        for entity, feeling in sorted(record["author_feeling"].items()):
            actor = _entity_actor(entity, present)
            gold[half].append(_feeling(feeling))
            pred[half].append(narrator.get(actor, "neutral"))
    out = {}
    for half in "AB":
        g, p = gold[half], pred[half]
        accuracy = sum(x == y for x, y in zip(g, p, strict=True)) / len(g)
        out[half] = (
            macro_f1(g, p, ("negative", "neutral", "positive")),
            accuracy,
            len(g),
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Print macro-F1 and accuracy per dev part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--basil-only", action="store_true")
    args = parser.parse_args(argv)
    if (args.shared / BASIL).exists():
        for half, (f1, acc, n) in basil(args.shared / BASIL).items():
            use = "choose" if half == "A" else "report"
            print(
                f"BASIL half {half} ({use}): n {n:3d}  narrator stance vs author "
                f"feeling macro-F1 {f1:.4f}  accuracy {acc:.4f}"
            )
    if args.basil_only:
        return 0
    base = args.shared / NEWSMTSC
    if not base.exists():
        print(f"error: {base} not found", file=sys.stderr)
        return 2
    for part in ("rw", "mt"):
        f1, acc, n = newsmtsc(base / f"paper_split_{part}_dev.jsonl")
        print(f"NewsMTSC dev {part}: n {n:4d}  macro-F1 {f1:.4f}  accuracy {acc:.4f}")
    print(ANCHORS)
    if (args.shared / PARK).exists():
        for fallback, name in ((False, "speech acts"), (True, "speech acts + tone")):
            f1, acc, n = park(args.shared / PARK, fallback)
            print(
                f"Park 2021 valid, {name:18}: n {n}  5-class macro-F1 {f1:.4f}  "
                f"accuracy {acc:.4f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
