"""Figures for the report: each function draws one DataFrame onto a given Axes.

Every function has the shape `(df, ax) -> ax`, sets a title and labelled axes with units,
and draws nothing but what is in `df` (the CSV saved beside the figure). `figure()` makes
a pyplot-free Figure, so notebooks never touch global pyplot state. No file I/O here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

# Colours for labels, readable for the common colour-vision deficiencies (Okabe & Ito).
COLOURS = {
    "negative": "#D55E00",
    "neutral": "#999999",
    "positive": "#0072B2",
    "narrator": "#444444",
    "quote": "#E69F00",
    "bar": "#0072B2",
}
# Fixed settings so that the PNG bytes depend only on the data (no fonts found at run
# time, no date, no random ids in SVG).
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "analysis-report",
    "savefig.dpi": 100,
}


def figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, Axes]:
    """A new Figure (not registered with pyplot) and its single Axes, in inches."""
    with mpl.rc_context(RC):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
    return fig, ax


def height_for(rows: int, base: float = 1.2, per_row: float = 0.28) -> float:
    """A figure height (inches) that fits `rows` horizontal bars."""
    return max(2.2, base + per_row * max(rows, 1))


def _empty(ax: Axes, title: str, message: str = "nothing to plot") -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    return ax


def _short(label: object, limit: int = 38) -> str:
    text = " ".join(str(label).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def barh(
    df: pd.DataFrame,
    ax: Axes,
    label: str,
    value: str,
    title: str,
    xlabel: str,
    colour: str = COLOURS["bar"],
) -> Axes:
    """Horizontal bars of `value` per `label`, first row at the top, values printed."""
    if df.empty:
        return _empty(ax, title)
    labels = [_short(v) for v in df[label]]
    values = df[value].astype(float).tolist()
    positions = list(range(len(values)))
    ax.barh(positions, values, color=colour)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    top = max(values) if values else 0
    for y, v in zip(positions, values, strict=True):
        text = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
        ax.text(v + top * 0.01, y, text, va="center", fontsize=8)
    ax.set_xlim(0, top * 1.12 if top > 0 else 1)
    return ax


def key_terms(df: pd.DataFrame, ax: Axes) -> Axes:
    """Occurrences of each key term (`term`, `count`)."""
    return barh(
        df,
        ax,
        "term",
        "count",
        "Key terms",
        "occurrences in the article (a word inside a listed two-word term counts there)",
    )


def paragraph_lengths(df: pd.DataFrame, ax: Axes) -> Axes:
    """Words per paragraph (`paragraph`, `words`, `kind`), in reading order."""
    title = "Paragraph lengths"
    if df.empty:
        return _empty(ax, title)
    colours = [
        COLOURS["bar"] if k == "body" else COLOURS["neutral"] for k in df["kind"]
    ]
    ax.bar(df["paragraph"].astype(int), df["words"].astype(int), color=colours)
    ax.set_title(title, loc="left")
    ax.set_xlabel("paragraph (in reading order; grey: headline or byline)")
    ax.set_ylabel("words")
    ax.set_xticks(df["paragraph"].astype(int))
    return ax


def _label_legend(ax: Axes) -> None:
    from matplotlib.patches import Patch

    handles = [
        Patch(color=COLOURS[k], label=k) for k in ("negative", "neutral", "positive")
    ]
    # under the whole figure, so that it covers no bar and no title
    ax.figure.legend(
        handles=handles, loc="outside lower center", frameon=False, ncols=3, fontsize=8
    )


def tone_along(df: pd.DataFrame, ax: Axes) -> Axes:
    """Tone of each sentence in reading order (`sentence`, `score`, `label`)."""
    title = "Tone along the article"
    if df.empty:
        return _empty(ax, title)
    colours = [COLOURS.get(str(label), COLOURS["neutral"]) for label in df["label"]]
    ax.bar(df["sentence"].astype(int), df["score"].astype(float), color=colours)
    ax.axhline(0, color="#333333", linewidth=0.8)
    bound = max(0.5, float(df["score"].abs().max()) * 1.25)
    ax.set_ylim(-bound, bound)
    ax.set_title(title, loc="left")
    ax.set_xlabel("sentence (in reading order)")
    ax.set_ylabel("tone (−1 negative … +1 positive)")
    if len(df) <= 40:
        ax.set_xticks(df["sentence"].astype(int))
    _label_legend(ax)
    return ax


def _signed(value: float) -> str:
    """A score with its sign to two decimals; one that rounds to zero is "0.00"."""
    text = f"{value:+.2f}"
    return "0.00" if text in ("+0.00", "-0.00") else text


def _signed_bars(
    ax: Axes, labels: list[str], values: list[float], colours: list[str]
) -> None:
    positions = list(range(len(values)))
    ax.barh(positions, values, color=colours)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", linewidth=0.8)
    bound = max(0.25, max((abs(v) for v in values), default=0) * 1.3)
    ax.set_xlim(-bound, bound)
    for y, v in zip(positions, values, strict=True):
        ax.text(
            v + (bound * 0.02 if v >= 0 else -bound * 0.02),
            y,
            _signed(v),
            va="center",
            ha="left" if v >= 0 else "right",
            fontsize=8,
        )


def tone_by_voice(df: pd.DataFrame, ax: Axes) -> Axes:
    """Mean tone of the narrator's sentences and of quoted words (`voice`, `mean`)."""
    title = "Tone: narrator vs quoted voices"
    if df.empty:
        return _empty(ax, title)
    colours = [
        COLOURS["narrator"] if v == "narrator" else COLOURS["quote"]
        for v in df["voice"]
    ]
    _signed_bars(
        ax, [_short(v) for v in df["voice"]], df["mean"].astype(float).tolist(), colours
    )
    ax.set_title(title, loc="left")
    ax.set_xlabel("mean tone (−1 negative … +1 positive)")
    return ax


def diverging(df: pd.DataFrame, ax: Axes) -> Axes:
    """Stance of holders toward targets as diverging bars (`holder`, `target`, `score`)."""
    title = "Stance toward each actor"
    if df.empty:
        return _empty(ax, title, "no stance found")
    labels = [
        f"{_short(h, 22)} → {_short(t, 26)}"
        for h, t in zip(df["holder"], df["target"], strict=True)
    ]
    scores = df["score"].astype(float).tolist()
    colours = [
        COLOURS["negative"]
        if label == "negative"
        else COLOURS["positive"]
        if label == "positive"
        else COLOURS["neutral"]
        for label in df["label"]
    ]
    _signed_bars(ax, labels, scores, colours)
    ax.set_title(title, loc="left")
    ax.set_xlabel("stance (−1 hostile … +1 favourable)")
    _label_legend(ax)
    return ax


def heatmap(
    df: pd.DataFrame,
    ax: Axes,
    title: str,
    colorbar: str,
    diverge: bool = False,
    empty: str = "nothing to plot",
    columns: Sequence[str] | None = None,
) -> Axes:
    """A labelled heatmap of a table (index × columns); empty (NaN) cells stay blank.
    `columns` labels the columns instead of their names (one per column).

    Every cell and colorbar tick has one number format: whole numbers for counts,
    else as many decimals as the largest value needs (`_format`).
    """
    if df.empty:
        return _empty(ax, title, empty)
    values = np.ma.masked_invalid(df.astype(float).to_numpy())
    # a score scale keeps two decimals even when every score is zero
    fmt = _signed if diverge else _format(values)
    if diverge:
        # a score scale (−1 … 1): near-zero scores must look near-neutral
        bound = max(float(abs(values).max() or 0.0), 0.25)
        cmap = mpl.colormaps["RdBu"].with_extremes(bad="white")
        image = ax.imshow(
            values, cmap=cmap, norm=TwoSlopeNorm(0, -bound, bound), aspect="auto"
        )
    else:
        cmap = mpl.colormaps["Blues"].with_extremes(bad="white")
        image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    labels = [_short(c, 30) for c in df.columns] if columns is None else list(columns)
    ax.set_xticks(range(len(df.columns)), labels)
    ax.set_yticks(range(len(df.index)), [_short(i, 30) for i in df.index])
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    light = float(abs(values).max() or 1.0) * 0.6
    for (y, x), v in _cells(values):
        colour = "white" if abs(v) > light else "black"
        ax.text(x, y, fmt(v), ha="center", va="center", fontsize=8, color=colour)
    ax.set_title(title, loc="left")
    ax.spines[:].set_visible(False)
    bar = ax.figure.colorbar(image, ax=ax, label=colorbar, shrink=0.8)
    bar.ax.yaxis.set_major_locator(
        MaxNLocator(nbins=5, integer=fmt is _whole, min_n_ticks=2)
    )
    bar.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt(v)))
    return ax


def _whole(value: float) -> str:
    text = f"{value:.0f}"
    return "0" if text == "-0" else text


def _two(value: float) -> str:
    if value != 0 and abs(value) < 0.005:
        return "<0.01" if value > 0 else ">-0.01"
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _format(values: np.ma.MaskedArray) -> Callable[[float], str]:
    """One number format for a whole heatmap: whole numbers when every value is one or
    the largest is 10 or more (counts, percentages); else two decimals (a value too
    small to show is "<0.01"). Never "-0"."""
    finite = [float(v) for v in values.compressed()]
    if all(v.is_integer() for v in finite) or max(map(abs, finite), default=0) >= 10:
        return _whole
    return _two


def _cells(values) -> list[tuple[tuple[int, int], float]]:
    return [
        ((y, x), float(values[y, x]))
        for y in range(values.shape[0])
        for x in range(values.shape[1])
        if values[y, x] is not np.ma.masked and values[y, x] != 0
    ]


def cooccurrence(df: pd.DataFrame, ax: Axes) -> Axes:
    """Sentences in which two actors are both mentioned (square actor × actor table)."""
    return heatmap(df, ax, "Actors mentioned in the same sentence", "sentences")


def shares(df: pd.DataFrame, ax: Axes, label: str, title: str) -> Axes:
    """Share of quotes and of quoted words per `label` (`quotes %`, `words %`)."""
    if df.empty:
        return _empty(ax, title, "no quotes found")
    positions = list(range(len(df)))
    height = 0.4
    ax.barh(
        [p - height / 2 for p in positions],
        df["quotes %"].astype(float),
        height,
        label="quotes",
        color=COLOURS["bar"],
    )
    ax.barh(
        [p + height / 2 for p in positions],
        df["words %"].astype(float),
        height,
        label="quoted words",
        color=COLOURS["quote"],
    )
    ax.set_yticks(positions, [_short(v) for v in df[label]])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_title(title, loc="left")
    ax.set_xlabel("share of the article's quotes (%)")
    ax.legend(loc="lower right", frameon=False)
    return ax


def frame_profile(df: pd.DataFrame, ax: Axes, answer: str = "policy") -> Axes:
    """Share of each frame of one answer (`frame`, `score`), strongest first.

    One answer per axis: the policy frames and the generic frames are separate
    rankings (`tables.frame_profile(result, answer)`); frames past the threshold
    (`selected`) are drawn in the bar colour, the others in grey.
    """
    title = (
        "Policy frames (Boydstun et al.)"
        if answer == "policy"
        else "Generic frames (Semetko & Valkenburg)"
    )
    ax = barh(
        df,
        ax,
        "frame",
        "score",
        title,
        "share of this answer's cue evidence (weighted by specificity and position)",
    )
    if not df.empty and "selected" in df:
        from matplotlib.patches import Patch

        for bar, chosen in zip(ax.patches, df["selected"], strict=False):
            if not chosen:
                bar.set_color(COLOURS["neutral"])
        handles = [
            Patch(color=COLOURS["bar"], label="selected"),
            Patch(color=COLOURS["neutral"], label="not enough evidence"),
        ]
        # under the whole figure, so that it covers no bar and no title
        ax.figure.legend(
            handles=handles,
            loc="outside lower center",
            frameon=False,
            ncols=2,
            fontsize=8,
        )
    return ax


def certainty(df: pd.DataFrame, ax: Axes) -> Axes:
    """Claims per certainty band (`band`, `claims`)."""
    return barh(
        df,
        ax,
        "band",
        "claims",
        "How certain are the claims?",
        "claims (asserted: certainty ≥ 0.8; qualified: 0.5 to 0.8; hedged: below 0.5)",
    )


def distinctive_words(df: pd.DataFrame, ax: Axes) -> Axes:
    """Log-odds z-scores of each article's distinctive words (`article`, `word`, `z`, and
    `in <article>` counts), grouped under the article's name; each word is labelled with
    its count in every article, in column order."""
    title = "Distinctive words (log-odds, informative Dirichlet prior)"
    if df.empty:
        return _empty(ax, title)
    count_columns = [c for c in df.columns if str(c).startswith("in ")]
    labels: list[str] = []
    values: list[float] = []
    headers: list[int] = []
    for article, rows in df.groupby("article", sort=False):
        headers.append(len(labels))
        labels.append(_short(article, 34))
        values.append(0.0)
        for row in rows.to_dict("records"):
            counts = " · ".join(str(int(row[c])) for c in count_columns)
            labels.append(f"{_short(row['word'], 22)}  ({counts})")
            values.append(float(row["z"]))
    positions = list(range(len(labels)))
    colours = [COLOURS["bar"]] * len(labels)
    ax.barh(positions, values, color=colours)
    ax.set_yticks(positions, labels)
    for index in headers:
        tick = ax.get_yticklabels()[index]
        tick.set_fontweight("bold")
        tick.set_horizontalalignment("right")
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    order = " · ".join(_short(c[3:], 18) for c in count_columns)
    ax.set_xlabel(
        f"z-score (higher: more typical of this article than of the others)\n"
        f"(counts in: {order})"
    )
    return ax
