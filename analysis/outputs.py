"""Output folders: one run writes into a folder at a time.

`corpus --out` and `report --out` both hold a lock file inside their output folder for
the whole run, so that a second run into the same folder stops at once with one line
instead of mixing its files with the first's.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path


class BusyError(RuntimeError):
    """Another run holds the lock of the output folder (one line)."""


@contextlib.contextmanager
def locked(out: Path, lock_name: str, what: str) -> Iterator[None]:
    """Hold `out/lock_name` while the block runs, or raise `BusyError`.

    `what` names the other run in the message ("another report is being built").
    The lock is the kernel's (flock): it goes with the process, so a killed run never
    leaves a stale lock behind.
    """
    out.mkdir(parents=True, exist_ok=True)
    path = out / lock_name
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BusyError(
                f"{out}: {what} here (lock {path}); wait for it to finish or choose "
                "another --out"
            ) from None
        yield  # closing the file releases the lock
