"""The comparison across articles (10-compare), from the corpus tables.

The corpus tables come from `analysis.pipeline` (`corpus_tables`: analysed here, or
loaded from an earlier `python -m analysis corpus --out` folder), so the same code
serves two articles or a whole archive; `corpus_tables` is the only place in the
report that starts the pipeline. Each function returns the DataFrame the notebook
plots or shows; `compare_answer` says what differs in a few sentences.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd
from wordfreq import word_frequency

from analysis import pipeline
from analysis.display import Answer, signed
from analysis.tables import content_terms

# How much of the prior's expected rate comes from general English (the rest from the
# articles pooled): half, so a word common everywhere is not news in these articles.
BACKGROUND_WEIGHT = 0.5


def _background(words: Sequence[str]) -> dict[str, float]:
    """Frequency of each word in general English, news included (wordfreq's "best" list,
    which blends news, Wikipedia, books, subtitles and the web; Speer 2022)."""
    return {w: word_frequency(w, "en") or 1e-9 for w in words}


def log_odds(texts: dict[str, str], n: int = 10) -> pd.DataFrame:
    """Distinctive words per article: log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 22: each article against all
    the others. The prior's expected rate of a word mixes its rate in the articles
    pooled with its frequency in general English (`BACKGROUND_WEIGHT`), so words common
    in any English text ("like", "still", "using") are pulled toward their expected rate
    and do not stand out; the prior is as strong as each side's own word count, so a
    short article is not favoured. Words are counted as `term` gives them, stopwords
    left out.

    Returns:
        The `n` words with the highest z-score per article: `article`, `word`, `z`,
        `count` (in that article), `others` (in all the others) and one column of
        counts per article (`in <article>`).
    """
    counts = {
        name: Counter(content_terms(text)) for name, text in sorted(texts.items())
    }
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    total = sum(pooled.values()) or 1
    background = _background(sorted(pooled))
    scale = sum(background.values()) or 1.0
    rows = []
    for name, own in counts.items():
        n_own = sum(own.values())
        n_rest = total - n_own
        for word in sorted(own):
            expected = (1 - BACKGROUND_WEIGHT) * pooled[word] / total + (
                BACKGROUND_WEIGHT * background[word] / scale
            )
            y_i, y_j = own[word], pooled[word] - own[word]
            a_i, a_j = expected * n_own, expected * max(n_rest, 1)
            delta = math.log((y_i + a_i) / (2 * n_own - y_i - a_i)) - math.log(
                (y_j + a_j) / (2 * max(n_rest, 1) - y_j - a_j)
            )
            z = delta / math.sqrt(1 / (y_i + a_i) + 1 / (y_j + a_j))
            rows.append((name, word, z, y_i, y_j))
    frame = pd.DataFrame(rows, columns=["article", "word", "z", "count", "others"])
    frame = frame.sort_values(["article", "z", "word"], ascending=[True, False, True])
    frame = frame.groupby("article", sort=True).head(n).reset_index(drop=True)
    for name, own in counts.items():
        frame[f"in {name}"] = [own.get(w, 0) for w in frame["word"]]
    return frame


# ---------------------------------------------------------------------------------------
# The corpus tables, and what they show side by side.


def corpus_tables(
    article_paths: Sequence[str], corpus_dir: str = ""
) -> dict[str, pd.DataFrame]:
    """The corpus tables for a comparison.

    Args:
        article_paths: files or folders to analyse here when `corpus_dir` is empty.
        corpus_dir: the `--out` folder of an earlier `python -m analysis corpus` run.
    """
    if corpus_dir:
        return {name: pipeline.load(corpus_dir, name) for name in pipeline.TABLES}
    return pipeline.tables(article_paths)


def _article_ids(tables: dict[str, pd.DataFrame]) -> list[str]:
    return tables["articles"]["article"].tolist()


def frame_columns(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Column labels for the policy-frame heatmap: the article id, marked where no policy
    frame is selected (its shares may rest on one or two cues)."""
    articles = tables["articles"]
    primary = dict(zip(articles["article"], articles["primary_frame"], strict=True))
    return [
        f"{a}\n(no dominant frame)" if primary.get(a) in (None, "Other") else a
        for a in _article_ids(tables)
    ]


def _by_size(frame: pd.DataFrame) -> pd.DataFrame:
    # Rows with the largest total first, ties by name: a stable order for the heatmaps.
    order = sorted(frame.index, key=lambda r: (-frame.loc[r].sum(), r))
    return frame.loc[order]


# The two frame answers: policy frames (Boydstun et al.) and generic frames (Semetko &
# Valkenburg) are never ranked together or drawn on one axis.
FRAME_FAMILIES = {"policy": "mfc", "generic": "generic"}


def compare_frames(
    tables: dict[str, pd.DataFrame], answer: str = "policy"
) -> pd.DataFrame:
    """One answer's frame scores (`answer`: policy or generic): one row per frame some
    article scores, one column per article."""
    ids = _article_ids(tables)
    rows = tables["frames"]
    frame = (
        rows[rows["family"] == FRAME_FAMILIES[answer]]
        .pivot_table(index="frame", columns="article", values="score", aggfunc="sum")
        .reindex(columns=ids)
        .fillna(0.0)
        .astype(float)
    )
    frame.columns.name = None
    frame = _by_size(frame[frame.abs().sum(axis=1) > 0])
    frame.index.name = "frame"
    return frame


def compare_sources(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Share of each article's quotes (%) per source type: source type × article.

    Scare quotes (quoted words with no speaker and no cue) are left out.
    """
    quotes = tables["quotes"]
    quotes = quotes[quotes["kind"] != "scare"]
    types = quotes["source_type"].fillna("unattributed")
    counts = pd.crosstab(types, quotes["article"])
    frame = (100 * counts / counts.sum()).reindex(columns=_article_ids(tables))
    frame = frame.fillna(0.0).astype(float)
    frame.columns.name = None
    frame = _by_size(frame)
    frame.index.name = "source type"
    return frame


def compare_portrayal(tables: dict[str, pd.DataFrame], top: int = 10) -> pd.DataFrame:
    """The narrator's stance score toward each actor: actor × article (empty if absent).

    Only actors the narrator judges in at least two articles: a heatmap of actors each
    found in one article compares nothing. `labelling` shows every actor, with the
    narrator's stance in each article.
    """
    stance = tables["stance"]
    narrator = stance[stance["holder"] == "narrator"]
    seen = narrator.groupby("target")["article"].nunique()
    shared = seen[seen >= 2]
    keep = sorted(shared.index, key=lambda t: (-shared[t], t))[:top]
    frame = narrator.pivot_table(
        index="target", columns="article", values="score", aggfunc="mean"
    ).reindex(index=keep, columns=_article_ids(tables))
    frame.columns.name = None
    frame.index.name = "actor"
    return frame.astype(float)


def labelling(tables: dict[str, pd.DataFrame], top: int = 10) -> pd.DataFrame:
    """The words each article uses for each actor, and the narrator's stance toward it.

    One row per actor, one column per article (`–` where the article does not name it).
    The actors named in the most articles come first (ties: most mentions, name).
    """
    ids = _article_ids(tables)
    mentions = tables["mentions"]
    stance = tables["stance"]
    judged = {
        (r.article, r.target): f"narrator: {r.label} {signed(r.score)}"
        for r in stance[stance["holder"] == "narrator"].itertuples()
    }
    used: dict[str, dict[str, Counter[str]]] = {}
    for (actor, article, text), n in (
        mentions.groupby(["actor", "article", "text"]).size().items()
    ):
        used.setdefault(actor, {}).setdefault(article, Counter())[text] = int(n)
    counts = {
        a: sum(sum(c.values()) for c in arts.values()) for a, arts in used.items()
    }
    actors = sorted(used, key=lambda t: (-len(used[t]), -counts[t], t))[:top]
    rows = []
    for actor in actors:
        row = [actor]
        for article in ids:
            words = used[actor].get(article, Counter())
            items = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
            named = ", ".join(f"{w} ×{n}" for w, n in items)
            view = judged.get((article, actor))
            row.append(f"{named} ({view})" if named and view else named or "–")
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor", *ids])


def article_texts(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Each article's body and headline rebuilt from the sentences table (for log-odds)."""
    sentences = tables["sentences"]
    body = sentences[sentences["kind"] != "byline"]
    joined = body.groupby("article", sort=True)["text"].agg("\n".join)
    return {a: joined.get(a, "") for a in _article_ids(tables)}


def _content(text: str) -> frozenset[str]:
    return frozenset(content_terms(text, shortest=3))


# The furniture of news web pages that reaches the text as sentences: calls to action
# ("Please share your videos", "Sign up for our newsletter"), listicle teasers ("5
# healthy eating tips for holiday travelers"), notices, and a dateline standing alone.
# General facts about news sites, not about one article.
BOILERPLATE = re.compile(
    r"^(?:please\s+)?(?:share|send|subscribe|sign\s+(?:up|in)|follow\s+us|click|tap|"
    r"read\s+(?:more|next)|watch|listen|download|contact\s+us|email\s+us|tell\s+us|"
    r"join\s+us|like\s+us|register|log\s+in|get\s+(?:the|our)|don't\s+miss)\b"
    r"|^\d+\s+(?:\w+\s+){0,3}(?:ways|tips|things|reasons|facts|signs|steps|ideas|"
    r"tricks|secrets|foods|places|photos|pictures)\b"
    r"|©|\ball rights reserved\b|\bcookie(?:s| settings| policy)\b|^advertisement\b"
    r"|\bnewsletter\b|\bprivacy policy\b|\bterms of (?:use|service)\b"
    r"|^[^.!?]{0,60},\s+(?:\d{1,2}\s+\w+|\w+\s+\d{1,2},?)\s+\d{4}\.?$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """Whether a sentence is site furniture rather than reporting (see `BOILERPLATE`).

    >>> [is_boilerplate(t) for t in ("Please share your videos with us.",
    ...     "5 healthy eating tips for holiday travelers", "Officials share the blame.")]
    [True, True, False]
    """
    return bool(BOILERPLATE.search(" ".join(text.split())))


def _reported_claims(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The claims made in body sentences (not the headline or byline), furniture left out."""
    claims = tables["claims"]
    sentences = tables["sentences"][["article", "index", "kind", "text"]]
    merged = claims.merge(
        sentences.rename(columns={"index": "sentence", "text": "sentence_text"}),
        on=["article", "sentence"],
        how="left",
    )
    keep = (merged["kind"].fillna("sentence") == "sentence") & ~(
        merged["text"].map(is_boilerplate)
        | merged["sentence_text"].fillna("").map(is_boilerplate)
    )
    return merged[keep].sort_values(["article", "start", "end"], kind="stable")


def _carried_by(found: set[str], ids: Sequence[str]) -> str:
    if len(found) == len(ids):
        return f"all {len(ids)}"
    names = [a for a in ids if a in found]
    return f"only {names[0]}" if len(names) == 1 else ", ".join(names)


def claim_coverage(
    tables: dict[str, pd.DataFrame], overlap: float = 0.35
) -> pd.DataFrame:
    """Which claims each article carries (✓) and which the others omit (–), grouped.

    Claims of body sentences are compared (headlines, bylines and site furniture such
    as teasers and "Please share…" lines are left out). Claims are grouped across
    articles when their content words overlap by at least `overlap` (Jaccard); each
    group is shown by its first claim, in article order. Rows come shared first (by all,
    then by several), then each article's own claims in article and text order. The
    grouping compares every claim with every group: meant for a handful of articles.
    """
    ids = _article_ids(tables)
    order = {a: n for n, a in enumerate(ids)}
    groups: list[tuple[str, frozenset[str], set[str], int]] = []
    for article, text in _reported_claims(tables)[["article", "text"]].itertuples(
        index=False
    ):
        words = _content(text)
        if not words:
            continue
        best = None
        for group in groups:
            jaccard = len(words & group[1]) / len(words | group[1])
            if jaccard >= overlap and (best is None or jaccard > best[0]):
                best = (jaccard, group)
        if best is None:
            groups.append((" ".join(text.split()), words, {article}, len(groups)))
        else:
            best[1][2].add(article)

    def rank(group: tuple[str, frozenset[str], set[str], int]) -> tuple:
        found = group[2]
        first = min(order[a] for a in found)
        return (-len(found), first if len(found) == 1 else 0, group[3])

    rows = [
        [_carried_by(found, ids), text, len(found)]
        + ["✓" if a in found else "–" for a in ids]
        for text, _, found, _ in sorted(groups, key=rank)
    ]
    return pd.DataFrame(rows, columns=["carried by", "claim", "articles", *ids])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def compare_answer(
    tables: dict[str, pd.DataFrame], evidence: Sequence[tuple[str, str]] = ()
) -> Answer:
    """What differs between the articles, in a few sentences: frames, sources, claims.

    Args:
        tables: the corpus tables.
        evidence: (label, href) links to the tables and data behind the answer.
    """
    articles = tables["articles"]
    ids = _article_ids(tables)
    if len(ids) < 2:
        return Answer(f"{len(ids)} article: nothing to compare.")
    primary = dict(zip(articles["article"], articles["primary_frame"], strict=True))
    named = {a: primary.get(a) or "no dominant frame" for a in ids}
    if len(set(named.values())) == 1:
        frames = f"All {len(ids)} articles share the primary frame {named[ids[0]]}"
    else:
        frames = "Primary frames differ: " + "; ".join(
            f"{a}: {f}" for a, f in named.items()
        )
    sources = compare_sources(tables)
    leading = []
    for a in ids:
        column = sources[a] if a in sources else pd.Series(dtype=float)
        if column.empty or column.max() <= 0:
            leading.append(f"{a}: no quotes")
        else:
            top = min(column.items(), key=lambda kv: (-kv[1], kv[0]))
            leading.append(f"{a}: {top[0]} ({top[1]:.0f}%)")
    coverage = claim_coverage(tables)
    shared = int((coverage["articles"] == len(ids)).sum())
    own = "; ".join(
        f"{a}: {_count(int((coverage['carried by'] == f'only {a}').sum()), 'claim')}"
        for a in ids
    )
    return Answer(
        f"{frames}. Most quoted source type: {'; '.join(leading)}. "
        f"{_count(shared, 'claim')} carried by all {len(ids)}; claims the others omit: "
        f"{own}.",
        evidence,
    )
