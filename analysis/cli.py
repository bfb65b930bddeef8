"""The command line: `python -m analysis <command> PATH... [--format ...]`.

Each analysis command reads every article under PATH (files, or folders of .txt, .md and
.html files), runs one analysis and prints its records. A bad file is reported on stderr
in one line naming the file and the reason; the others still run; the exit status is 2
if any file was bad.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from analysis import corpus
from analysis.document import Document

FORMATS = ("table", "json", "jsonl", "csv")

# A command turns one article (and the parsed options) into a list of records, or into
# an object whose `rows_key` list is what csv and table print.
Runner = Callable[[corpus.Article, argparse.Namespace], Any]


@dataclasses.dataclass(frozen=True)
class Command:
    """One per-article analysis command of the command line."""

    name: str
    run: Runner
    columns: tuple[str, ...]  # columns for csv and table, in order
    rows_key: str | None = None  # for object results: which list csv and table print
    add_options: Callable[[argparse.ArgumentParser], None] | None = None
    # for commands whose options choose what csv and table print: args -> (key, columns)
    view: Callable[[argparse.Namespace], tuple[str, tuple[str, ...]]] | None = None

    @property
    def help(self) -> str:
        return COMMANDS[self.name]


# Every command and its one-line help: the one place the help text lives.
COMMANDS: dict[str, str] = {
    "sentences": "paragraph-aware sentences with offsets (headline and byline marked)",
    "quotes": "direct, partial, mixed and indirect quotes with cue and resolved speaker",
    "actors": "actors named in the article with their aliases grouped: count, first "
    "position (json also lists every mention with offsets)",
    "sentiment": "tone of each sentence (VADER fitted to news), from -1 to +1, with its "
    "label",
    "stance": "who holds which stance toward whom: narrator and speakers toward each "
    "actor",
    "frames": "frame profile with its evidence (policy and generic frames apart), or "
    "the claims with certainty and source",
    "report": "the framing report: run the notebooks for each article, export HTML",
    "corpus": "run every analysis over a corpus on Dask and write Parquet tables",
}


def _records(items: Sequence[Any]) -> list[dict]:
    return [dataclasses.asdict(item) for item in items]


# ---- the per-article commands (each imports its analysis when run, so `--help` and
# `sentences` start fast and an error in one module cannot hide another command)


def _run_sentences(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    from analysis import tokenize

    return _records(tokenize.sentences(article.text))


def _run_quotes(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    return _records(Document.from_article(article).quotes)


def _run_actors(article: corpus.Article, args: argparse.Namespace) -> dict:
    doc = Document.from_article(article)
    return {"actors": _records(doc.actors), "mentions": _records(doc.mentions)}


def _run_sentiment(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    return _records(Document.from_article(article).tones)


def _stance_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--targets",
        default=None,
        help='comma-separated actors to report, e.g. "Russia,North Korea"',
    )


def _run_stance(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    from analysis import stance

    targets = None
    if getattr(args, "targets", None):
        targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    try:
        found = stance.stances(Document.from_article(article), targets)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return _records(found)


def _run_frames(article: corpus.Article, args: argparse.Namespace) -> dict[str, Any]:
    from analysis import frames

    return frames.to_dict(Document.from_article(article).frames)


_CLAIM_COLUMNS = (
    "sentence",
    "start",
    "end",
    "certainty",
    "source",
    "source_type",
    "verb_class",
    "actors",
    "text",
)
_PROFILE_COLUMNS = (
    "answer",
    "rank",
    "frame",
    "score",
    "selected",
    "sentences",
    "words",
    "evidence",
)


def _frames_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rows",
        choices=("profile", "claims"),
        default="profile",
        help="what csv and table print: the frame profile with its evidence "
        "(default) or the claims with their certainty",
    )


def _frames_view(args: argparse.Namespace) -> tuple[str, tuple[str, ...]]:
    if getattr(args, "rows", "profile") == "claims":
        return "claims", _CLAIM_COLUMNS
    return "profile", _PROFILE_COLUMNS


ANALYSES: dict[str, Command] = {
    c.name: c
    for c in (
        Command(
            "sentences",
            _run_sentences,
            ("index", "kind", "paragraph", "start", "end", "text"),
        ),
        Command(
            "quotes",
            _run_quotes,
            ("kind", "start", "end", "speaker", "speaker_text", "cue", "text"),
        ),
        Command(
            "actors",
            _run_actors,
            ("actor", "type", "count", "first_start", "aliases"),
            rows_key="actors",
        ),
        Command(
            "sentiment",
            _run_sentiment,
            ("index", "start", "end", "score", "label", "text"),
        ),
        Command(
            "stance",
            _run_stance,
            ("holder", "target", "score", "label", "mentions", "evidence"),
            add_options=_stance_options,
        ),
        Command(
            "frames",
            _run_frames,
            _PROFILE_COLUMNS,
            rows_key="profile",
            add_options=_frames_options,
            view=_frames_view,
        ),
    )
}


def load_command(name: str) -> Command | None:
    """The per-article `Command` for `name`, or None for report and corpus."""
    return ANALYSES.get(name)


# ---- report and corpus: commands with their own options and handler


def _add_report_parser(sub: Any) -> None:
    from analysis import reporting

    parser = sub.add_parser(
        "report",
        help=COMMANDS["report"],
        description="Run every notebook of notebooks/ for each article with papermill, "
        "export the pages to HTML and write DIR/<article-id>/index.html (and, with several "
        "articles, DIR/index.html and the comparison). Exit status 1 if a page failed, "
        "2 for bad input.",
    )
    reporting.add_arguments(parser)
    parser.set_defaults(handler=reporting.main)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {value!r}")
    return number


def _add_corpus_parser(sub: Any) -> None:
    """`corpus PATH... --out OUT [--workers N] [--scheduler ADDRESS]`."""
    from analysis import pipeline

    text = COMMANDS["corpus"]
    parser = sub.add_parser("corpus", help=text, description=text)
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article file or folder"
    )
    parser.add_argument("--out", required=True, metavar="OUT", help="output folder")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="worker processes of the local Dask cluster (default: one per CPU)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="use a running Dask scheduler (tcp://host:port) instead of a local cluster",
    )
    parser.add_argument(
        "--partition-size",
        type=_positive,
        default=pipeline.PARTITION_SIZE,
        metavar="N",
        help=f"articles per Parquet part (default {pipeline.PARTITION_SIZE})",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive,
        default=pipeline.BATCH_SIZE,
        metavar="N",
        help=f"articles per Dask task (default {pipeline.BATCH_SIZE})",
    )
    parser.add_argument(
        "--timeout",
        type=_positive,
        default=None,
        metavar="SECONDS",
        help="per article: a slower article becomes an errors row and its worker "
        "goes on (default: no limit)",
    )
    parser.set_defaults(handler=_run_corpus)


# Bad files listed on the terminal before "... and N more".
_SHOW_ERRORS = 10


def _run_corpus(args: argparse.Namespace) -> int:
    from analysis import pipeline

    try:
        summary = pipeline.run(
            args.paths,
            args.out,
            workers=args.workers,
            scheduler=args.scheduler,
            partition_size=args.partition_size,
            batch_size=args.batch_size,
            timeout=args.timeout,
        )
    except (pipeline.ClusterError, pipeline.BusyError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"error: interrupted; {args.out} keeps the last complete output",
            file=sys.stderr,
        )
        return 130
    except Exception as exc:  # noqa: BLE001 - e.g. a worker killed: one line, no traceback
        print(
            f"error: the corpus run failed: {pipeline._one_line(exc)}", file=sys.stderr
        )
        return 1
    if not summary.files:
        print(
            f"error: {', '.join(args.paths)}: no .txt, .md or .html files",
            file=sys.stderr,
        )
        return 2
    for path, reason in summary.errors[:_SHOW_ERRORS]:
        print(f"error: {path}: {reason}", file=sys.stderr)
    if len(summary.errors) > _SHOW_ERRORS:
        more = len(summary.errors) - _SHOW_ERRORS
        print(f"error: ... and {more} more (see {args.out}/errors)", file=sys.stderr)
    print(
        f"{summary.articles} articles, {len(summary.errors)} bad files -> "
        f"{summary.out} ({summary.partitions} part(s) per table: "
        f"{', '.join(pipeline.TABLES)})",
        file=sys.stderr,
    )
    return 2 if summary.errors else 0


_OTHER_PARSERS: dict[str, Callable[[Any], None]] = {
    "report": _add_report_parser,
    "corpus": _add_corpus_parser,
}


def _add_analysis_parser(sub: Any, command: Command) -> None:
    p = sub.add_parser(command.name, help=command.help, description=command.help)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="json: one array (one file) or one object per file; jsonl: one line "
        "per article; csv: one row per record; table: for reading (default)",
    )
    if command.add_options:
        command.add_options(p)


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the `selected` command's options are built (report
    and corpus import their modules for it)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="How a news article frames its story, offline. Each command reads "
        "articles (files or folders of .txt, .md, .html) and prints what it finds.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if name != selected:
            sub.add_parser(name, help=help_text, description=help_text)
        elif name in ANALYSES:
            _add_analysis_parser(sub, ANALYSES[name])
        else:
            _OTHER_PARSERS[name](sub)
    return parser


def _rows(result: Any, command: Command) -> list[dict]:
    if command.rows_key is not None:
        return list(result[command.rows_key])
    return list(result)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def format_table(rows: list[dict], columns: Sequence[str], width: int = 60) -> str:
    """Rows as aligned plain-text columns; long cells are cut with an ellipsis."""
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    cells = [
        [v if len(v) <= width else v[: width - 1] + "…" for v in row] for row in cells
    ]
    widths = [
        max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)
    ]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()
    ]
    for row in cells:
        lines.append(
            "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


def _emit(
    results: list[tuple[corpus.Article, Any]],
    command: Command,
    fmt: str,
    out: io.TextIOBase,
) -> None:
    if fmt == "json":
        if len(results) == 1:
            payload = results[0][1]
        else:
            payload = [{"path": a.path, command.name: r} for a, r in results]
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for article, result in results:
            line = {"path": article.path, command.name: result}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["article", *command.columns])
        for article, result in results:
            for row in _rows(result, command):
                writer.writerow(
                    [article.id, *(_cell(row.get(c)) for c in command.columns)]
                )
    else:
        for n, (article, result) in enumerate(results):
            if n:
                out.write("\n")
            if len(results) > 1:
                out.write(f"== {article.path}\n")
            out.write(format_table(_rows(result, command), command.columns) + "\n")


def run_articles(
    paths: Sequence[str], command: Command, args: argparse.Namespace
) -> int:
    """Run `command` over every article; print results; return the exit status."""
    status = 0
    results: list[tuple[corpus.Article, Any]] = []
    seen_any = False
    for item in corpus.iter_articles(paths):
        seen_any = True
        if isinstance(item, corpus.ArticleError):
            print(f"error: {item}", file=sys.stderr)
            status = 2
            continue
        try:
            results.append((item, command.run(item, args)))
        except corpus.ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
    if not seen_any:
        print(
            f"error: {', '.join(paths)}: no .txt, .md or .html files", file=sys.stderr
        )
        return 2
    if command.view is not None:
        key, columns = command.view(args)
        command = dataclasses.replace(command, rows_key=key, columns=columns)
    _emit(results, command, args.format, sys.stdout)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m analysis`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    selected = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(selected if selected in COMMANDS else None)
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # a misspelled option: show the command's usage, not the top level's
        commands = next(a for a in parser._actions if a.dest == "command")
        commands.choices[args.command].error(
            f"unrecognized arguments: {' '.join(unknown)}"
        )
    if hasattr(args, "handler"):
        return args.handler(args)
    try:
        return run_articles(args.paths, load_command(args.command), args)
    except BrokenPipeError:  # `... | head` closed the pipe: not an error
        return 0
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


class UsageError(ValueError):
    """A bad option value (e.g. an unknown target); reported in one line, exit 2."""
