"""Loaders for the data files in `analysis/data/`: the only module that reads them.

Every loader is cached, returns an immutable value, and fails on duplicate keys and
malformed lines, so that a lexicon can never silently let its last entry win.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from types import MappingProxyType


class LexiconError(ValueError):
    """A data file of the package is malformed."""


def read_text(name: str) -> str:
    """The text of `analysis/data/<name>`."""
    return resources.files("analysis.data").joinpath(name).read_text(encoding="utf-8")


def sha256(name: str) -> str:
    """The sha256 of a data file's bytes (for provenance)."""
    data = resources.files("analysis.data").joinpath(name).read_bytes()
    return hashlib.sha256(data).hexdigest()


def data_files() -> list[str]:
    """Names of every data file shipped, relative to `analysis/data/`, sorted."""
    root = resources.files("analysis.data")
    names: list[str] = []

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, f"{prefix}{child.name}/")
            elif not child.name.endswith((".py", ".pyc")):
                names.append(prefix + child.name)

    walk(root, "")
    return sorted(names)


def _lines(name: str) -> list[tuple[int, str]]:
    """Non-blank, non-comment lines with their 1-based numbers."""
    out = []
    for number, line in enumerate(read_text(name).splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append((number, line.rstrip("\r\n")))
    return out


def word_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list (comments with `#`); duplicates are an error."""
    return _word_set(name)


@functools.cache
def _word_set(name: str) -> frozenset[str]:
    seen: dict[str, int] = {}
    for number, line in _lines(name):
        entry = line.strip()
        if entry in seen:
            raise LexiconError(f"{name}:{number}: duplicate entry {entry!r}")
        seen[entry] = number
    return frozenset(seen)


@functools.cache
def table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file with exactly `columns` fields (no header)."""
    rows = []
    for number, line in _lines(name):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns:
            raise LexiconError(
                f"{name}:{number}: expected {columns} tab-separated fields, "
                f"got {len(fields)}"
            )
        rows.append(fields)
    return tuple(rows)


@functools.cache
def mapping(name: str) -> MappingProxyType:
    """A two-column tab-separated file as an immutable `key -> value` mapping."""
    out: dict[str, str] = {}
    for number, (key, value) in enumerate(table(name, 2), start=1):
        if key in out:
            raise LexiconError(f"{name}: duplicate key {key!r} (row {number})")
        out[key] = value
    return MappingProxyType(out)
