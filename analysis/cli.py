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

FORMATS = ("table", "json", "jsonl", "csv")

# A command turns one article (and the parsed options) into a list of records, or into
# an object whose `rows_key` list is what csv and table print.
Runner = Callable[[corpus.Article, argparse.Namespace], Any]


@dataclasses.dataclass(frozen=True)
class Command:
    """One analysis command of the command line."""

    name: str
    help: str
    run: Runner
    columns: tuple[str, ...]  # columns for csv and table, in order
    rows_key: str | None = None  # for object results: which list csv and table print
    add_options: Callable[[argparse.ArgumentParser], None] | None = None
    # for commands whose options choose what csv and table print: args -> (key, columns)
    view: Callable[[argparse.Namespace], tuple[str, tuple[str, ...]]] | None = None


def _records(items: Sequence[Any]) -> list[dict]:
    return [dataclasses.asdict(item) for item in items]


def _run_sentences(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    from analysis import tokenize

    return _records(tokenize.sentences(article.text))


# Every command, the module that implements it, and its one-line help. Only the module of
# the command being run is imported, so `--help` and `sentences` start fast and an error
# in one module cannot hide another command.
COMMANDS: dict[str, tuple[str | None, str]] = {
    "sentences": (
        None,
        "paragraph-aware sentences with offsets (headline and byline marked)",
    ),
    "quotes": (
        "quotes",
        "direct, partial, mixed and indirect quotes with cue and resolved speaker",
    ),
    "actors": ("actors", "actors named in the article, aliases grouped, with counts"),
    "sentiment": ("sentiment", "tone of each sentence, from -1 to +1, with its label"),
    "stance": (
        "stance",
        "stance of the narrator and of each speaker toward each actor",
    ),
    "frames": ("frames", "claims with certainty and source, hedges and cues, frames"),
    "report": ("report", "the framing report: run the notebooks, export HTML pages"),
    "corpus": (
        "pipeline",
        "the whole analysis over a corpus on Dask, to Parquet tables",
    ),
}

SENTENCES = Command(
    "sentences",
    COMMANDS["sentences"][1],
    _run_sentences,
    ("index", "kind", "paragraph", "start", "end", "text"),
)


def _module(name: str) -> Any:
    import importlib

    module_name = COMMANDS[name][0]
    return importlib.import_module(f"analysis.{module_name}") if module_name else None


def load_command(name: str) -> Command | None:
    """The per-article `Command` for `name`, or None for report and corpus."""
    if name == "sentences":
        return SENTENCES
    return getattr(_module(name), "CLI_COMMAND", None)


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
    """The argument parser; only the `selected` command's module is imported."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="How a news article frames its story, offline. Each command reads "
        "articles (files or folders of .txt, .md, .html) and prints what it finds.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        if name != selected:
            sub.add_parser(name, help=help_text, description=help_text)
            continue
        command = load_command(name)
        if command is not None:
            _add_analysis_parser(sub, command)
        else:
            _module(name).register_cli(sub)
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
