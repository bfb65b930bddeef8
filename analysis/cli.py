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


def _records(items: Sequence[Any]) -> list[dict]:
    return [dataclasses.asdict(item) for item in items]


def _run_sentences(article: corpus.Article, args: argparse.Namespace) -> list[dict]:
    from analysis import tokenize

    return _records(tokenize.sentences(article.text))


def _commands() -> dict[str, Command]:
    commands = [
        Command(
            "sentences",
            "paragraph-aware sentences with offsets (headline and byline marked)",
            _run_sentences,
            ("index", "kind", "paragraph", "start", "end", "text"),
        ),
    ]
    commands += _extra_commands()
    return {c.name: c for c in commands}


def _extra_commands() -> list[Command]:
    """Commands that live with their modules (registered as they land)."""
    found: list[Command] = []
    import importlib

    for module_name in ("actors", "quotes", "sentiment", "stance", "frames"):
        try:
            module = importlib.import_module(f"analysis.{module_name}")
        except ImportError:
            continue
        command = getattr(module, "CLI_COMMAND", None)
        if command is not None:
            found.append(command)
    return found


def build_parser(commands: dict[str, Command]) -> argparse.ArgumentParser:
    """The argument parser with one sub-command per analysis, plus report and corpus."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="How a news article frames its story, offline. Each command reads "
        "articles (files or folders of .txt, .md, .html) and prints what it finds.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands.values():
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        p.add_argument(
            "paths", nargs="+", metavar="PATH", help="article file or folder"
        )
        p.add_argument(
            "--format",
            choices=FORMATS,
            default="table",
            help="json: one array (one file) or one object per file; jsonl: one line "
            "per article; csv: one row per record; table: for reading (default)",
        )
        if command.add_options:
            command.add_options(p)
    for extra in _extra_subcommands():
        extra(sub)
    return parser


def _extra_subcommands() -> list[Callable[[Any], None]]:
    """`report` and `corpus` register their own sub-parsers (they are not per-article)."""
    found = []
    import importlib

    for module_name in ("report", "pipeline"):
        try:
            module = importlib.import_module(f"analysis.{module_name}")
        except ImportError:
            continue
        register = getattr(module, "register_cli", None)
        if register is not None:
            found.append(register)
    return found


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
    _emit(results, command, args.format, sys.stdout)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m analysis`."""
    commands = _commands()
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    if hasattr(args, "handler"):
        return args.handler(args)
    try:
        return run_articles(args.paths, commands[args.command], args)
    except BrokenPipeError:  # `... | head` closed the pipe: not an error
        return 0
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


class UsageError(ValueError):
    """A bad option value (e.g. an unknown target); reported in one line, exit 2."""
