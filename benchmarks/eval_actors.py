"""Alias recall of `analysis.actors` on the NewsWCL50 mention annotations.

NewsWCL50 (Hamborg, Zhukova & Gipp 2019; CC BY-SA 4.0) codes every mention of its target
concepts in 50 articles, but ships no article texts. So this script rebuilds, for each
article, a stand-in text: the annotated phrases in reading order (paragraph, sentence,
token), one per sentence. On it, `mentions()` must find the coded actor for each phrase of
a COUNTRY, ACTOR or GROUP code that names one of our actors (USA -> United States, PRK\\Kim ->
Kim Jong-un ...). The order keeps surnames after a first full mention ("Kim" after "Kim
Jong Un") resolvable, as in the article.

Figures:
- strict: a mention inside the phrase has the coded actor;
- affiliated: ... or an actor that belongs to it ("U.S. officials", "Mike Pompeo" for USA);
- named: the same, over phrases with a capitalised word (a name, not "the country");
- wrong: phrases where every mention found is of another actor.

A second figure uses PolNeAR dev (real texts with offsets): the share of annotated
attribution Sources (who is quoted) that overlap an actor mention, over the sources that
are not pronouns and over those with a capitalised word (named sources).

A third output, `--sample N`, lists N open-class actors (types the gazetteer does not
give: found by their form and context) drawn deterministically from PolNeAR dev, each
with its context, for a person to judge (precision of open-class actors).

Usage: python benchmarks/eval_actors.py [--shared ../shared] [--misses N] [--sample N]
       [--salt S] [--split dev|train [--quarter K]]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from analysis import actors

ROOT = Path(__file__).resolve().parents[1]

# NewsWCL50 code -> canonical actor of our gazetteer (countries by ISO 3166 alpha-3).
CODES = {
    "USA": "United States",
    "PRK": "North Korea",
    "RUS": "Russia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "GBR": "United Kingdom",
    "EU": "European Union",
    "MEX": "Mexico",
    "ISR": "Israel",
    "JPN": "Japan",
    "CAN": "Canada",
    "CHN": "China",
    "FRA": "France",
    "SYR": "Syria",
    "SAU": "Saudi Arabia",
    "GUM": "United States",
    "USA\\Trump": "Donald Trump",
    "USA\\Republicans\\Trump": "Donald Trump",
    "USA\\Comey": "James Comey",
    "USA\\Mueller": "Robert Mueller",
    "USA\\Mike Pompeo": "Mike Pompeo",
    "USA\\Flynn": "Michael Flynn",
    "USA\\Obama": "Barack Obama",
    "USA\\Democrats\\Clinton": "Hillary Clinton",
    "PRK\\Kim": "Kim Jong-un",
    "PRK\\Jong Un": "Kim Jong-un",
    "KOR\\Moon": "Moon Jae-in",
    "KOR\\Moon Jae": "Moon Jae-in",
    "FRA\\Macron": "Emmanuel Macron",
    "ISR\\Netanyahu": "Benjamin Netanyahu",
    "JPN\\Abe": "Shinzo Abe",
    "GBR\\May": "Theresa May",
    "GBR\\GBR-Misc\\Khan": "Sadiq Khan",
    "RUS\\Putin": "Vladimir Putin",
    "CHN\\Jinping": "Xi Jinping",
    "CHN\\Xi": "Xi Jinping",
    "CAN\\Trudeau": "Justin Trudeau",
    "IRN\\Rouhani": "Hassan Rouhani",
    "USA\\Democrats": "Democratic Party",
    "USA\\Republicans": "Republican Party",
    "Wikileaks": "WikiLeaks",
}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        lines = handle.read().splitlines()
    if lines and lines[0].startswith("sep="):
        lines = lines[1:]
    return list(csv.DictReader(lines))


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def evaluate(rows: list[dict], show_misses: int = 0) -> dict:
    articles: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if row["code_type"] in ("COUNTRY", "ACTOR", "ACTOR-I", "GROUP"):
            articles[(row["event_id"], row["publisher_id"])].append(row)
    tally: Counter = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    misses: Counter = Counter()
    wrongs: Counter = Counter()
    for key in sorted(articles):
        items = sorted(
            articles[key],
            key=lambda r: (_int(r["paragraph"]), _int(r["sentence"]), _int(r["start"])),
        )
        parts, spans = [], []
        pos = 0
        for row in items:
            phrase = " ".join(row["code_mention"].split()).strip("`'\" ")
            spans.append((pos, pos + len(phrase), row))
            parts.append(phrase)
            pos += len(phrase) + 2
        text = ". ".join(parts)
        found = actors.mentions(text)
        for start, end, row in spans:
            expected = CODES.get(row["code_name"])
            if expected is None or row["code_type"] not in (
                "COUNTRY",
                "ACTOR",
                "GROUP",
            ):
                continue
            inside = [m for m in found if m.start < end and start < m.end]
            strict = any(m.actor == expected for m in inside)
            affiliated = strict or any(
                actors.affiliation(m.actor) == expected for m in inside
            )
            named = any(w[:1].isupper() for w in row["code_mention"].split()[1:]) or (
                row["code_mention"][:1].isupper()
                and row["code_mention"].split()[0].lower()
                not in ("the", "a", "his", "her")
            )
            # "all" keeps to COUNTRY and ACTOR; GROUP codes also hold party members
            # ("Tom Perez" coded as the Democrats), which a gazetteer cannot know.
            buckets = [by_type[row["code_type"]]]
            if row["code_type"] != "GROUP":
                buckets.append(tally)
            for bucket in buckets:
                bucket["phrases"] += 1
                bucket["strict"] += strict
                bucket["affiliated"] += affiliated
                bucket["named"] += named
                bucket["named_affiliated"] += named and affiliated
                bucket["wrong"] += bool(inside) and not affiliated
            if named and not affiliated:
                if inside:
                    wrongs[(row["code_mention"], expected, inside[0].actor)] += 1
                else:
                    misses[(row["code_mention"], expected)] += 1
    result = {"all": tally, **dict(sorted(by_type.items()))}
    if show_misses:
        print("most frequent named misses:")
        for (phrase, expected), n in misses.most_common(show_misses):
            print(f"  {n:3d}  {phrase!r} -> {expected}")
        print("most frequent wrong actors:")
        for (phrase, expected, got), n in wrongs.most_common(show_misses):
            print(f"  {n:3d}  {phrase!r} -> {got} (gold {expected})")
    return result


PRONOUNS = frozenset(
    [
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "they",
        "them",
        "it",
        "his",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "who",
        "which",
        "one",
    ]
)


def polnear_sources(articles: list[dict]) -> dict:
    """Coverage of PolNeAR attribution sources by actor mentions."""
    tally: Counter = Counter()
    for article in articles:
        found = actors.mentions(article["text"])
        for attribution in article["attributions"]:
            for span in attribution["source"]:
                words = span["text"].split()
                if not words or span["text"].strip().lower() in PRONOUNS:
                    continue
                named = any(w[:1].isupper() for w in words if w.lower() not in PRONOUNS)
                inside = [
                    m for m in found if m.start < span["end"] and span["start"] < m.end
                ]
                hit = bool(inside)
                tally["sources"] += 1
                tally["covered"] += hit
                # documents ("the poll") are mentions but not inventory actors
                tally["by_actors"] += any(
                    m.type not in actors.SOURCE_ONLY_TYPES for m in inside
                )
                tally["named"] += named
                tally["named_covered"] += named and hit
    return tally


OPEN_TYPES = frozenset(
    {"government body", "company", "advocacy group", "party", "armed group"}
    | {"organisation", "place"}
)


def open_class_sample(path: Path, n: int, salt: str = "") -> list[tuple[str, str, str]]:
    """(actor, type, context) of n open-class actors of PolNeAR dev (not listed in
    the gazetteer), one per actor and type, chosen by a hash of `salt` and the
    actor's name (deterministic; another salt draws a fresh sample)."""
    import hashlib
    import json

    listed = {name for name, _ in actors.known_actors()}
    seen: dict[tuple[str, str], tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for m in actors.mentions(text):
            if (
                m.type in OPEN_TYPES
                and (m.actor, m.type) not in seen
                and m.actor not in listed
            ):
                context = " ".join(text[max(0, m.start - 60) : m.end + 60].split())
                seen[(m.actor, m.type)] = (m.actor, m.type, context)
    ranked = sorted(
        seen.values(),
        key=lambda r: hashlib.sha256((salt + r[0]).encode()).hexdigest(),
    )
    return ranked[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--misses", type=int, default=0, help="list the N top misses")
    parser.add_argument(
        "--sample", type=int, default=0, help="list N open-class actors to judge"
    )
    parser.add_argument(
        "--salt", default="", help="draw another sample (hash salt; default none)"
    )
    parser.add_argument(
        "--split", choices=("dev", "train"), default="dev", help="PolNeAR split"
    )
    parser.add_argument(
        "--quarter", type=int, choices=(0, 1, 2, 3), help="every 4th train article"
    )
    args = parser.parse_args(argv)
    path = Path(args.shared) / "data" / "framing" / "newswcl50" / "Annotations.csv"
    if not path.exists():
        print(f"error: {path}: not found (NewsWCL50 is in ../shared)", file=sys.stderr)
        return 2
    result = evaluate(load(path), args.misses)
    print(
        "NewsWCL50 alias recall (codes mapped to gazetteer actors; all = COUNTRY + ACTOR)"
    )
    print(
        f"{'codes':8} {'phrases':>7} {'strict':>7} {'affil.':>7} {'named':>6} "
        f"{'named affil.':>12} {'wrong':>6}"
    )
    for name, t in result.items():
        n, named = t["phrases"], t["named"]
        print(
            f"{name:8} {n:7d} {t['strict'] / n:7.3f} {t['affiliated'] / n:7.3f} "
            f"{named:6d} {t['named_affiliated'] / max(named, 1):12.3f} "
            f"{t['wrong'] / n:6.3f}"
        )
    dev = Path(args.shared) / "data" / "quotes" / "polnear" / "polnear_dev.jsonl"
    if dev.exists():
        import json

        if args.split == "train":
            from eval_quotes import (
                load_brat,
            )  # the raw brat files, as eval_quotes reads

            articles = load_brat("train")
            if args.quarter is not None:
                articles = articles[args.quarter :: 4]
            label = "train" + (
                f" quarter {args.quarter}" if args.quarter is not None else ""
            )
        else:
            lines = dev.read_text(encoding="utf-8").splitlines()
            articles = [json.loads(x) for x in lines if x.strip()]
            label = "dev"
        t = polnear_sources(articles)
        print(
            f"PolNeAR {label} attribution sources (not pronouns): {t['sources']}, "
            f"covered by an actor mention {t['covered'] / t['sources']:.3f} "
            f"(by an inventory actor, documents left out, "
            f"{t['by_actors'] / t['sources']:.3f}); "
            f"named {t['named']}, covered {t['named_covered'] / t['named']:.3f}"
        )
        if args.sample:
            print(f"open-class actors to judge ({args.sample}, PolNeAR dev):")
            for actor, kind, context in open_class_sample(dev, args.sample, args.salt):
                print(f"  {actor!r} [{kind}]  ...{context}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
