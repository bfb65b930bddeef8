"""The report: table builders, escaping, and the runner (batch, comparison, failures)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

from analysis import cli, compare, display, reporting, tables, tokenize
from analysis.document import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"


# ---------------------------------------------------------------------------------------
# Records shaped like the modules' (the seams in DESIGN.md), for the table builders.


@dataclass(frozen=True, slots=True)
class FakeQuote:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class FakeClaim:
    start: int
    end: int
    text: str
    certainty: float
    source: str
    source_type: str = ""
    sentence: int = 0


# ---------------------------------------------------------------------------------------
# Table builders.


def test_key_terms_skip_stopwords_and_fold_words_into_pairs():
    text = (
        "North Korea said the pact is new. North Korea and the pact. The pact, again.\n"
    )
    terms = tables.key_terms(Document(text), 5)
    assert terms["term"].tolist()[:2] == ["pact", "north korea"]
    assert "the" not in terms["term"].tolist()
    assert "north" not in terms["term"].tolist()  # only ever inside "north korea"
    assert terms.equals(tables.key_terms(Document(text), 5))


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["korea"], ["Korea", "Korea’s", "KOREA"]),  # a possessive is a use
        (["north korea"], ["North Korea’s"]),
        (["Korean"], []),  # whole words only: not inside "Koreans"
        (["korea's"], ["Korea", "Korea’s", "KOREA"]),  # the term is read alike
        (["spoke north"], []),  # no match across a sentence end ("spoke. North")
        (["", "  "], []),
    ],
)
def test_kwic_matches_whole_words_case_insensitively(terms, expected):
    text = "Koreans met.\n\nSouth Korea spoke. North Korea’s envoy replied to KOREA.\n"
    found = tables.kwic(Document(text), terms, 20)
    assert found["match"].tolist() == expected
    for row in found.itertuples():
        assert text[row.start : row.start + len(row.match)] == row.match


def test_kwic_falls_back_to_the_key_terms():
    text = "The pact was signed. The pact holds. Rain fell.\n"
    found = tables.kwic(
        Document(text), [], 20, key_terms=tables.key_terms(Document(text))
    )
    assert set(found["term"]) == {"pact", "fell", "holds"}  # the top three
    assert found["term"].tolist().count("pact") == 2


def test_kwic_context_keeps_whole_words():
    text = "alpha beta gamma delta TARGET epsilon zeta eta theta\n"
    row = tables.kwic(Document(text), ["target"], 10).iloc[0]
    assert row.left == "delta"  # "gamma" was cut by the window
    assert row.right == "epsilon"


def test_table_escapes_and_rounds_for_display_only(tmp_path):
    frame = pd.DataFrame({"text": ["<script>alert(1)</script>"], "score": [0.123456]})
    shown = reporting.table(frame, tmp_path, "t", "<b>caption</b>")
    markup = shown._repr_html_()
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    assert "&lt;b&gt;caption&lt;/b&gt;" in markup
    assert "0.12" in markup
    assert "0.123456" in (tmp_path / "t.csv").read_text(encoding="utf-8")


def test_note_escapes():
    assert display.Note("a <img src=x onerror=alert(1)>")._repr_html_() == (
        '<p class="answer">a &lt;img src=x onerror=alert(1)&gt;</p>'
    )


def _visible_text(markup: str) -> str:
    without_badges = re.sub(r'<span class="speaker">.*?</span>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", without_badges))


def test_annotated_view_escapes_and_keeps_every_character():
    text = (
        "Headline with <script>alert(1)</script>\n\n"
        "“We <img src=x onerror=alert(1)> agree,” said Kim & Lee. It may rain.\n"
    )
    quote = FakeQuote("direct", 41, 80, text[41:80], "Kim <b>", "Kim & Lee", "said")
    tones = [
        type(
            "T",
            (),
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "label": "negative",
                "score": -0.5,
            },
        )
        for s in tokenize.sentences(text)
    ]
    markup = display.Annotated(
        text, tuple(tokenize.paragraphs(text)), (quote,), (), tuple(tones)
    )._repr_html_()
    assert "<script" not in markup
    assert "<img" not in markup
    assert "<b>" not in markup
    paragraphs = [p.text for p in tokenize.paragraphs(text)]
    assert _visible_text(markup) == "".join(paragraphs)
    assert 'class="speaker">Kim &lt;b&gt;</span>' in markup


def test_voice_shares_add_up_and_leave_out_scare_quotes():
    quotes = [
        FakeQuote("direct", 0, 10, "one two three", "Kim", "Kim", "said"),
        FakeQuote("indirect", 20, 30, "four five", "Lee", "she", "said"),
        FakeQuote("direct", 40, 50, "six", "Kim", "he", "told"),
        FakeQuote("scare", 60, 70, "“scare”", None, None, None),
    ]
    shares = tables.voice_shares(quotes)
    assert shares["speaker"].tolist() == ["Kim", "Lee"]
    assert shares["quotes"].tolist() == [2, 1]
    assert shares["quotes %"].sum() == pytest.approx(100)
    assert shares["words %"].sum() == pytest.approx(100)


def test_log_odds_finds_each_articles_own_words():
    texts = {
        "a": "sanctions sanctions sanctions pact pact treaty",
        "b": "missiles missiles missiles pact pact treaty",
    }
    top = compare.log_odds(texts, n=1)
    assert dict(zip(top["article"], top["word"], strict=True)) == {
        "a": "sanctions",
        "b": "missiles",
    }
    assert top.equals(compare.log_odds(dict(reversed(list(texts.items()))), n=1))
    assert top[["in a", "in b"]].values.tolist() == [[3, 0], [0, 3]]


@pytest.mark.parametrize(
    ("common", "rare"),
    [("like", "sanctions"), ("using", "missile"), ("still", "ceasefire")],
)
def test_log_odds_discounts_words_common_in_english(common, rare):
    # the same counts in the same texts: only the background tells them apart
    texts = {
        "a": f"{common} {common} {rare} {rare} pact treaty",
        "b": "pact treaty summit envoy border talks",
    }
    ranked = compare.log_odds(texts, n=10).query("article == 'a'")["word"].tolist()
    assert ranked.index(rare) < ranked.index(common)


def test_log_odds_does_not_favour_the_shorter_article():
    # "pact" at the same rate in both: neither side's pact is distinctive
    texts = {"a": "pact envoy " * 5, "b": "pact border " * 20}
    found = compare.log_odds(texts, n=10).set_index(["article", "word"])["z"]
    assert abs(found[("a", "pact")]) < 0.05


def _coverage_tables(claims: list[tuple[str, str, str]]) -> dict[str, pd.DataFrame]:
    """Corpus tables holding one claim per sentence: (article, sentence kind, text)."""
    ids = sorted({a for a, _, _ in claims})
    rows = [
        {"article": a, "index": n, "kind": kind, "text": text, "start": n, "end": n + 1}
        for n, (a, kind, text) in enumerate(claims)
    ]
    sentences = pd.DataFrame(rows)
    claims_frame = sentences.rename(columns={"index": "sentence"}).drop(columns="kind")
    return {
        "articles": pd.DataFrame({"article": ids}),
        "sentences": sentences,
        "claims": claims_frame,
    }


def test_claim_coverage_groups_the_same_claim_across_articles():
    tables = _coverage_tables(
        [
            ("a", "sentence", "North Korea ratified the defence pact with Russia"),
            ("a", "sentence", "Troops were deployed to Kursk"),
            ("b", "sentence", "Pyongyang ratified its defence pact with Russia"),
            ("b", "sentence", "Seoul protested to the Russian envoy"),
            ("c", "sentence", "The pact was ratified by North Korea and Russia"),
        ]
    )
    coverage = compare.claim_coverage(tables)
    assert coverage["carried by"].tolist() == ["all 3", "only a", "only b"]
    assert coverage["articles"].tolist() == [3, 1, 1]
    assert coverage["a"].tolist() == ["✓", "✓", "–"]
    assert coverage["b"].tolist() == ["✓", "–", "✓"]


@pytest.mark.parametrize(
    ("kind", "text", "kept"),
    [
        ("sentence", "Please share your videos of the flood with us.", False),
        ("sentence", "5 healthy eating tips for holiday travelers", False),
        ("sentence", "Sign up for our morning newsletter.", False),
        ("sentence", "Valley Radio News, 15 March 2026", False),
        ("sentence", "© 2026 Example Media. All rights reserved.", False),
        ("title", "Bridge closed after engineers find crack", False),
        ("byline", "By Jane Doe", False),
        # negatives: reporting that uses the same words
        ("sentence", "Officials share the blame for the closure.", True),
        ("sentence", "The council sent 5 engineers to the bridge.", True),
        ("sentence", "Residents said they would follow the advice.", True),
        ("sentence", "Police said the diversions were working.", True),
    ],
)
def test_claim_coverage_leaves_out_headlines_and_site_furniture(kind, text, kept):
    tables = _coverage_tables([("a", kind, text), ("b", "sentence", "Unrelated words")])
    coverage = compare.claim_coverage(tables)
    assert (text in coverage["claim"].tolist()) == kept


def test_comparison_tables_from_the_corpus_tables(tmp_path, seed_text):
    from analysis import pipeline

    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Russia and North Korea signed a pact, officials said. Critics in the West "
        "condemned Russia’s war.\n",
        encoding="utf-8",
    )
    tables = pipeline.tables([tmp_path])
    frames = compare.compare_frames(tables)
    assert list(frames.columns) == ["a", "b"]
    assert (frames.sum(axis=1).diff().dropna() <= 0).all()  # largest rows first
    # Policy and generic frames are two answers, never rows of one table.
    generic = compare.compare_frames(tables, "generic")
    # ("Morality" is a frame of both families: each answer keeps its own score.)
    of = tables["frames"].groupby("family")["frame"].agg(set)
    assert set(frames.index) <= of["mfc"]
    assert set(generic.index) <= of["generic"]
    assert "Conflict" in generic.index
    assert "Conflict" not in frames.index
    sources = compare.compare_sources(tables)
    assert sources.sum().round(6).tolist() == [100.0, 100.0]
    portrayal = compare.compare_portrayal(tables)
    assert list(portrayal.columns) == ["a", "b"]
    assert "the West" in portrayal.index  # the narrator judges it in both articles
    seen = tables["stance"].query("holder == 'narrator'").groupby("target")["article"]
    assert set(portrayal.index) == {t for t, n in seen.nunique().items() if n >= 2}
    assert portrayal.stack().between(-1, 1).all()
    labels = compare.labelling(tables).set_index("actor")
    assert "Moscow" in labels.loc["Russia", "a"]
    assert "Russia ×" in labels.loc["Russia", "b"]
    texts = compare.article_texts(tables)
    assert texts["b"].startswith("Russia and North Korea signed")
    assert "Team BharatShakti" not in texts["a"]
    answer = compare.compare_answer(tables)
    assert answer.startswith(("All 2 articles share", "Primary frames differ: a: "))
    assert "claims the others omit: a: " in answer


def test_certainty_bands_and_unattributed_claims():
    claims = [
        FakeClaim(0, 1, "a", 0.9, "narrator"),
        FakeClaim(0, 1, "b", 0.6, "Kim"),
        FakeClaim(0, 1, "c", 0.2, "unattributed"),
    ]
    assert tables.certainty_bands(claims)["claims"].tolist() == [1, 1, 1]
    assert tables.unattributed_claims(claims)["voice"].tolist() == [
        "own voice",
        "hearsay",
    ]


def test_figure_png_has_fixed_metadata(tmp_path):
    from analysis import plots

    frame = pd.DataFrame({"term": ["a", "b"], "count": [2, 1]})
    data = []
    for n in range(2):
        fig, ax = plots.figure()
        plots.key_terms(frame, ax)
        reporting.figure(fig, frame, tmp_path, f"f{n}")
        data.append((tmp_path / f"f{n}.png").read_bytes())
    assert data[0] == data[1]
    assert b"Software" not in data[0]
    assert (tmp_path / "f0.csv").read_text(encoding="utf-8") == "term,count\na,2\nb,1\n"


# ---------------------------------------------------------------------------------------
# HTML safety checks, used on every page the runner writes.


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_safe_page(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names, f"{path.name}: <script>"
    assert "iframe" not in names
    assert "link" not in names, f"{path.name}: external stylesheet"
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"{path.name}: <{tag} {name}=...>"
            if name in ("src", "href"):
                assert not re.match(
                    r"\s*(https?:|//|javascript:)", value or "", re.IGNORECASE
                ), f"{path.name}: <{tag} {name}={value!r}>"
            if tag == "img" and name == "src":
                assert (value or "").startswith("data:image/png;base64,")
    assert "@import" not in text
    assert "default-src 'none'" in text  # the Content-Security-Policy


# ---------------------------------------------------------------------------------------
# A folder of three articles: batch index, comparison, escaping, sanitised names.

NASTY_NAME = "we!rd <name> & co.txt"
NASTY_TEXT = (
    "Officials <script>alert('title')</script> meet in Geneva\n\n"
    "“We will <img src=x onerror=alert(1)> never accept this,” said Foreign Minister "
    "Sergei Lavrov, according to <b onclick=alert(2)>state media</b>. Russia may respond.\n\n"
    "The United States reportedly rejected the plan, officials said on Monday.\n"
)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    shutil.copy(SEED, folder / SEED.name)
    seed_text = SEED.read_text(encoding="utf-8")
    (folder / "002_variant.txt").write_text(
        seed_text.replace("staunchest supporters", "closest allies"), encoding="utf-8"
    )
    (folder / NASTY_NAME).write_text(NASTY_TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "reports"
    result = reporting.build([folder], out, jobs=2, echo=False)
    return result, out


def test_batch_of_three_articles_with_comparison(batch):
    result, out = batch
    assert result.status == 0, [
        p.error for r in result.articles for p in r.pages if not p.ok
    ]
    folders = sorted(r.folder for r in result.articles)
    assert folders == ["000_1bbc821df740a206", "002_variant", "we_rd_name_co"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in folders:
        assert f'href="{name}/index.html"' in index
        assert (out / name / "index.html").exists()
    assert [p.notebook.name for p in result.compare] == ["10-compare"]
    assert all(p.ok for p in result.compare), [p.error for p in result.compare]
    compare = out / reporting.COMPARE_FOLDER
    assert (compare / "10-compare.html").exists()
    assert 'href="compare/10-compare.html"' in index
    for png in compare.glob("*.png"):
        assert png.with_suffix(".csv").exists()
    provenance = json.loads((compare / "provenance.json").read_text(encoding="utf-8"))
    assert len(provenance["inputs"]) == 3
    assert not list(out.parent.glob(".reports-build-*")), "build folder left behind"


def test_batch_pages_are_safe(batch):
    _, out = batch
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert_safe_page(page)


def test_article_text_is_shown_escaped(batch):
    _, out = batch
    annotated = (out / "we_rd_name_co" / "06-annotated.html").read_text(
        encoding="utf-8"
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in annotated
    assert "&lt;script&gt;" in (out / "we_rd_name_co" / "index.html").read_text(
        encoding="utf-8"
    )


# ---------------------------------------------------------------------------------------
# Failures: a failing notebook gets its page, the rest is produced, the exit is non-zero.


def _notebook_dir(tmp_path: Path) -> Path:
    books = tmp_path / "notebooks"
    books.mkdir()
    shutil.copy(ROOT / "notebooks" / "01-overview.ipynb", books)
    broken = nbformat.read(ROOT / "notebooks" / "01-overview.ipynb", as_version=4)
    broken.cells[0].source = "# Does this notebook fail?"
    broken.cells.insert(4, nbformat.v4.new_code_cell('raise ValueError("boom <b>")'))
    for number, cell in enumerate(broken.cells):
        cell["id"] = f"cell-{number}"
    nbformat.write(broken, books / "02-broken.ipynb")
    unparameterised = nbformat.read(
        ROOT / "notebooks" / "01-overview.ipynb", as_version=4
    )
    unparameterised.cells[1].source = "n_terms: int = 3  # no article parameter"
    nbformat.write(unparameterised, books / "03-noparams.ipynb")
    return books


def test_failing_notebook_gives_a_page_and_a_nonzero_exit(tmp_path, capsys):
    out = tmp_path / "reports"
    old = out / SEED.stem
    old.mkdir(parents=True)
    (old / "stale.txt").write_text("from an earlier run", encoding="utf-8")
    result = reporting.build(
        [SEED],
        out,
        jobs=2,
        notebook_dir=_notebook_dir(tmp_path),
        show_code=True,
    )
    line = capsys.readouterr().out.strip()
    assert line.startswith(
        f"{SEED.stem}: 1/3 pages ok (failed: 02-broken, 03-noparams);"
    )
    assert line.endswith(f"-> {out / SEED.stem / 'index.html'}")
    assert result.status == 1
    pages = {p.notebook.name: p for p in result.articles[0].pages}
    assert pages["01-overview"].ok
    assert not pages["02-broken"].ok
    assert "cell 4" in pages["02-broken"].error
    assert "ValueError" in pages["02-broken"].error
    broken = (old / "02-broken.html").read_text(encoding="utf-8")
    assert "This page failed" in broken
    assert "02-broken" in broken
    assert "boom &lt;b&gt;" in broken
    assert (
        "does not declare parameter(s) article_path, output_dir"
        in pages["03-noparams"].error
    )
    assert "read_article" in (old / "01-overview.html").read_text(encoding="utf-8")
    index = (old / "index.html").read_text(encoding="utf-8")
    assert "failed: cell 4" in index
    assert not (old / "stale.txt").exists(), "the earlier report was not replaced whole"
    for page in old.glob("*.html"):
        assert_safe_page(page)


def test_a_cell_that_runs_too_long_times_out(tmp_path):
    books = tmp_path / "notebooks"
    books.mkdir()
    slow = nbformat.read(ROOT / "notebooks" / "01-overview.ipynb", as_version=4)
    slow.cells.insert(2, nbformat.v4.new_code_cell("import time\n\ntime.sleep(60)"))
    for number, cell in enumerate(slow.cells):
        cell["id"] = f"cell-{number}"
    nbformat.write(slow, books / "01-slow.ipynb")
    result = reporting.build(
        [SEED], tmp_path / "r", jobs=1, timeout=2, notebook_dir=books, echo=False
    )
    assert result.status == 1
    page = result.articles[0].pages[0]
    assert "Timeout" in page.error
    assert result.seconds < 30


@pytest.mark.parametrize("kernel", ["warm", "bare"])
def test_the_kernel_gets_the_hash_seed_and_the_caller_keeps_its_process(
    tmp_path, monkeypatch, kernel
):
    # The kernels run with PYTHONHASHSEED=0 (set order is the same in every run); the
    # process calling `build` keeps its own environment and its own imports. "bare": no
    # warm kernel could start, so the page starts one itself, with the same environment.
    if kernel == "bare":
        monkeypatch.setattr(reporting._WarmKernels, "_start", lambda *a: None)
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    environment, modules = dict(os.environ), set(sys.modules)
    books = tmp_path / "notebooks"
    books.mkdir()
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    parameters = nbformat.v4.new_code_cell(
        'article_path: str = ""  # the article\noutput_dir: str = "."  # output folder'
    )
    parameters.metadata["tags"] = ["parameters"]
    seed = nbformat.v4.new_code_cell(
        "import os, pathlib\n"
        'pathlib.Path("seed.txt").write_text(os.environ.get("PYTHONHASHSEED", "unset"))'
    )
    book.cells = [nbformat.v4.new_markdown_cell("# Which seed?"), parameters, seed]
    nbformat.write(book, books / "01-seed.ipynb")
    out = tmp_path / "r"
    result = reporting.build([SEED], out, jobs=1, notebook_dir=books, echo=False)
    assert result.status == 0
    assert (out / SEED.stem / "seed.txt").read_text(encoding="utf-8") == "0"
    assert dict(os.environ) == environment
    assert not [m for m in set(sys.modules) - modules if sys.modules[m] is None]


def test_a_crash_leaves_the_earlier_report_alone(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    old = out / SEED.stem
    old.mkdir(parents=True)
    (old / "index.html").write_text("earlier report", encoding="utf-8")
    books = tmp_path / "notebooks"
    books.mkdir()
    shutil.copy(ROOT / "notebooks" / "01-overview.ipynb", books)

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(reporting, "_article_index", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        reporting.build([SEED], out, jobs=1, notebook_dir=books, echo=False)
    assert (old / "index.html").read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "reports"]


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    status = cli.main(
        ["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "r")]
    )
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "missing.txt" in err[0]
    assert not (tmp_path / "r").exists()


def test_report_options_are_checked(tmp_path, capsys):
    status = cli.main(
        ["report", str(SEED), "--jobs", "0", "--out", str(tmp_path / "r")]
    )
    assert status == 2
    assert "--jobs" in capsys.readouterr().err


def test_key_terms_and_kwic_count_alike(seed_text):
    terms = tables.key_terms(Document(seed_text), 15)
    found = tables.kwic(Document(seed_text), terms["term"].tolist(), 30)
    listed = found.groupby("term").size()
    pairs = [t for t in terms["term"] if " " in t]
    for row in terms.itertuples():
        if any(row.term in pair.split() for pair in pairs):
            continue  # a word inside a listed pair counts there, not on its own
        assert listed.get(row.term, 0) == row.count, row.term


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia’s army. Russia's navy. Russia.\n", {"russia": 3, "russia's": None}),
        ("The states' budgets. The states.\n", {"states": 2, "states'": None}),
        ("Kim's plan. Kim said it's late.\n", {"kim": 2, "kim's": None}),
        ("Don't go. Don't.\n", {"don't": 2, "don": None}),  # not a possessive
    ],
)
def test_key_terms_count_possessives_with_their_noun(text, expected):
    found = dict(tables.key_terms(Document(text), 10)[["term", "count"]].values)
    assert {t: found.get(t) for t in expected} == expected


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (-0.001, 2, "0.00"),
        (-0.0, 2, "0.00"),
        (-0.005001, 2, "-0.01"),
        (0.004, 2, "0.00"),
        (-1.5, 1, "-1.5"),
        (-0.04, 1, "0.0"),
        (12.0, 0, "12"),
    ],
)
def test_numbers_never_show_minus_zero(value, digits, expected):
    frame = pd.DataFrame({"score": [value]})
    assert display.Table(frame, "t", digits)._display_frame()["score"][0] == expected


def test_tone_table_numbers_sentences_once():
    tones = [SimpleNamespace(index=0, score=-0.0001, label="neutral", text="A b.")]
    table = tables.tone_table(tones)
    assert list(table.columns) == ["sentence", "score", "label", "text"]
    assert table["sentence"].tolist() == [1]
    assert "-0.00" not in display.Table(table, "t")._repr_html_()


def _quote(speaker, cue, words="a b c", kind="indirect"):
    return SimpleNamespace(
        kind=kind,
        speaker=speaker,
        speaker_text=speaker,
        cue=cue,
        text=words,
        quote_start=None,
        quote_end=None,
        sentence=0,
    )


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        ([_quote("Ann", "said"), _quote("Bob", "said")], "“said” ×2"),
        (
            [_quote(f"S{n}", cue) for n, cue in enumerate("abcdefgh")],
            (
                "“a” ×1, “b” ×1, “c” ×1, “d” ×1, “e” ×1, “f” ×1 (6 of 8 cues shown; "
                "all in the speakers table)"
            ),
        ),
        ([], "no cues"),
    ],
)
def test_fingerprint_says_when_it_shows_some_cues(quotes, expected):
    assert tables._introduced(Counter(q.cue for q in quotes)) == expected


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        # equal counts: more quoted words first, then by name; and it says so
        (
            [_quote("Zed", "said", "a b c d"), _quote("Amy", "said", "a")],
            "Zed (1), Amy (1); equal counts ordered by quoted words, then name",
        ),
        (
            [_quote("Zed", "said"), _quote("Amy", "said")],
            "Amy (1), Zed (1); equal counts ordered by quoted words, then name",
        ),
        (
            [_quote("Zed", "said"), _quote("Zed", "said"), _quote("Amy", "said")],
            "Zed (2), Amy (1)",
        ),
        (
            [_quote(n, "said") for n in ("A", "A", "B", "B", "C", "D")],
            (
                "A (2), B (2), C (1) and 1 more; equal counts ordered by quoted words, "
                "then name"
            ),
        ),
    ],
)
def test_who_speaks_most_breaks_ties_by_a_stated_rule(quotes, expected):
    shares = tables.voice_shares(quotes)
    assert tables._most_quoted(shares) == expected


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^python -m analysis (\w+) ", readme, re.MULTILINE)
    assert sorted(listed) == sorted(cli.COMMANDS)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([9.0, 3.0, 0.0], ["9", "3", "0"]),  # counts: whole numbers, never "9.00"
        ([77.4, 3.23], ["77", "3"]),  # percentages: one format for every cell
        ([0.14, 0.0009], ["0.14", "<0.01"]),
        ([-0.001, 0.06], [">-0.01", "0.06"]),
        ([-0.0, 0.5], ["0.00", "0.50"]),
    ],
)
def test_heatmap_cells_share_one_number_format(values, expected):
    import numpy as np

    from analysis import plots

    fmt = plots._format(np.ma.masked_invalid(np.array(values)))
    assert [fmt(v) for v in values] == expected


def test_heatmap_of_counts_has_whole_colorbar_ticks():
    from analysis import plots

    frame = pd.DataFrame([[0, 9], [9, 0]], index=["a", "b"], columns=["a", "b"])
    fig, ax = plots.figure()
    plots.heatmap(frame, ax, "t", "sentences")
    fig.canvas.draw()
    bar = fig.axes[-1]
    ticks = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
    assert ticks
    assert all(t.isdigit() for t in ticks), ticks
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == ["9", "9"]


@pytest.mark.parametrize(
    ("title", "outlet", "date", "expected"),
    [
        (
            "Pact signed",
            "Daily News",
            "2026-03-14",
            "Pact signed — Daily News, 2026-03-14",
        ),
        ("Pact signed", "Daily News", None, "Pact signed — Daily News"),
        ("Pact signed", None, "2026-03-14", "Pact signed — 2026-03-14"),
        ("Pact signed", None, None, "Pact signed"),
        (None, None, None, "x"),  # no headline: the file's id
    ],
)
def test_reports_are_titled_by_headline_outlet_and_date(title, outlet, date, expected):
    from analysis import corpus

    article = corpus.Article("x", "x.html", "t", title=title, outlet=outlet, date=date)
    assert reporting.display_title(article) == expected


def test_navigation_names_pages_by_their_question():
    pages = [
        reporting.Page(nb, f"{nb.name}.html", True)
        for nb in reporting.notebooks()
        if not nb.compare
    ]
    nav = reporting._nav("A headline", pages, "02-voices.html", up=False)
    labels = re.findall(r">([^<>]+)</a>", nav)
    assert labels == [
        "Contents",
        *[reporting.REPORT_NOTEBOOKS[p.notebook.name] for p in pages],
    ]
    assert '<a href="02-voices.html" class="here">Who speaks?</a>' in nav
    assert "02-voices<" not in nav  # never the file name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "a_herald.html",
            {
                "outlet": "Eastmoor Herald",
                "author": "Jane Holloway",
                "date": "2026-03-14",
            },
        ),
        ("c_radio.txt", {}),  # a text file says nothing about itself: no such rows
    ],
)
def test_overview_shows_what_the_page_says_about_itself(name, expected):
    from analysis import corpus

    article = corpus.read_article(ROOT / "tests" / "fixtures" / "bridge" / name)
    rows = dict(
        tables.overview(Document.from_article(article))[["measure", "value"]].values
    )
    assert {k: rows[k] for k in ("outlet", "author", "date") if k in rows} == expected


def test_frame_profile_puts_the_answer_first():
    # In this story "commuters" (Quality of life, one sentence) outweighs "budget" and
    # "cost" (Economic, two sentences), but only Economic has the evidence to be
    # selected: the chart's first bar must be the primary frame, not a grey one.
    from analysis import corpus, frames

    bridge = Path(__file__).parent / "fixtures" / "bridge" / "a_herald.html"
    result = frames.analyze(corpus.read_article(bridge).text)
    profile = tables.frame_profile(result, "policy")
    assert profile["frame"].iloc[0] == result.primary_frame
    assert profile["selected"].tolist() == sorted(profile["selected"], reverse=True)
    unselected = profile[~profile["selected"]]
    assert (unselected["score"] > profile["score"].iloc[0]).any()  # the case at hand


# ---------------------------------------------------------------------------------------
# The report's modules import one way: analysis -> tables -> compare -> notebooks, with
# display below tables and reporting at the edge; every import at the top of the module.

# What each report module may import from the package (besides the analysis modules).
REPORT_LAYERS = {
    "display": {"document"},
    "tables": {"display", "document"},
    "compare": {"display", "tables", "pipeline"},
    "reporting": {"display", "tables", "corpus", "lexicons", "outputs"},
}
EDGE = {"display", "tables", "compare", "reporting", "report", "plots", "cli"}


def _package_imports(name: str) -> tuple[set[str], list[str]]:
    """(modules of `analysis` imported at the top, imports of it inside functions)."""
    import ast

    tree = ast.parse((ROOT / "analysis" / f"{name}.py").read_text(encoding="utf-8"))
    top, nested = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "analysis"
        ):
            found = (
                {a.name for a in node.names}
                if node.module == "analysis"
                else {node.module.split(".")[1]}
            )
            if node in tree.body:
                top |= found
            else:
                nested.append(ast.unparse(node))
    return top, nested


@pytest.mark.parametrize("name", sorted(REPORT_LAYERS))
def test_report_modules_import_one_way_and_at_the_top(name):
    top, nested = _package_imports(name)
    assert not nested, f"imports inside functions hide a dependency: {nested}"
    assert top & EDGE <= REPORT_LAYERS[name], top & EDGE - REPORT_LAYERS[name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no policy frame selected: the codebook's "Other" says why it stands there
        ("The talks went on.", "Other (no dominant frame)"),
        (
            "Troops crossed the border. The army shelled the town. Soldiers fled.",
            "Security and defense",
        ),
    ],
)
def test_fingerprint_primary_frame_says_when_none_dominates(text, expected):
    doc = Document(text)
    table = tables.fingerprint(doc.quotes, doc.actors, doc.stances, doc.frames)
    found = dict(zip(table["aspect"], table["finding"], strict=True))
    assert found["primary frame"] == expected


@pytest.mark.parametrize(
    ("quotes", "speakers", "expected"),
    [
        ("1", "1", "1 quote from 1 named speaker,"),
        ("15", "1", "15 quotes from 1 named speaker,"),
        ("4", "2", "4 quotes from 2 named speakers,"),
        ("0", "0", "0 quotes from 0 named speakers,"),
    ],
)
def test_summary_counts_agree_in_number(quotes, speakers, expected):
    rows = [
        ("primary frame", "Economic"),
        ("quotes", quotes),
        ("named speakers", speakers),
        ("who speaks most", "nobody"),
        ("claims", "3 claims, mean certainty 0.80"),
    ]
    table = pd.DataFrame(rows, columns=["aspect", "finding"])
    assert expected in tables.summary_answer(table)


def test_frame_heatmap_marks_articles_with_no_dominant_frame():
    articles = pd.DataFrame(
        {
            "article": ["a", "b", "c"],
            "primary_frame": ["Economic", "Other", "Political"],
        }
    )
    labels = compare.frame_columns({"articles": articles})
    assert labels == ["a", "b\n(no dominant frame)", "c"]
