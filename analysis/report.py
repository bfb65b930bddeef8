"""Records to tidy DataFrames (the edge of the package), and the framing report.

`to_frame` builds its columns from the record type's fields, so an empty result still
has its schema (pandas#27999).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import pandas as pd


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame with one row per record and one column per dataclass field.

    Args:
        records: frozen dataclass records, all of one type.
        record_type: the dataclass, needed for the columns when `records` is empty.
    """
    rows = list(records)
    kind = record_type or (type(rows[0]) if rows else None)
    if kind is None:
        raise TypeError("to_frame needs record_type when there are no records")
    columns = [f.name for f in dataclasses.fields(kind)]
    data = [[getattr(r, c) for c in columns] for r in rows]
    return pd.DataFrame(data, columns=columns)
