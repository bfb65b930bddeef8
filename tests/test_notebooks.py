"""The notebooks: their parameters cells, and a papermill smoke test of every one.

The smoke tests run the whole report once per article (module-scoped fixtures) and check
each notebook's page and files, so every notebook is executed by papermill on the seed
and on one PolNeAR dev article. A notebook whose analysis module has not landed is
skipped, naming the module.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from analysis import reporting

pytestmark = pytest.mark.notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [
    ROOT / "notebooks" / f"{name}.ipynb" for name in reporting.REPORT_NOTEBOOKS
]
POLNEAR_DEV = (
    ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "polnear_dev.jsonl"
)
NAMES = [p.stem for p in NOTEBOOKS]


def _book(path: Path):
    return nbformat.read(path, as_version=4)


def test_every_declared_notebook_is_found():
    assert "01-overview" in NAMES
    assert all(path.exists() for path in NOTEBOOKS)
    assert [nb.name for nb in reporting.notebooks()] == NAMES


def test_a_stray_notebook_is_not_a_page(tmp_path, monkeypatch):
    books = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", books)
    shutil.copy(books / "01-overview.ipynb", books / "07-my-exploration.ipynb")
    monkeypatch.setattr(reporting, "NOTEBOOK_DIR", books)
    assert [nb.name for nb in reporting.notebooks(books)] == NAMES
    # a folder other than the report's own: every numbered notebook in it
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(books / "07-my-exploration.ipynb", other)
    assert [nb.name for nb in reporting.notebooks(other)] == ["07-my-exploration"]


def test_docs_name_every_page_as_the_navigation_does():
    docs = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\d\d-[a-z-]+)` \| ([^|]+) \|", docs, re.MULTILINE)
    assert [(n, label.strip()) for n, label in rows] == list(
        reporting.REPORT_NOTEBOOKS.items()
    )


# ---------------------------------------------------------------------------------------
# Static checks (no kernel).


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_first_cell_is_the_question(path):
    first = _book(path).cells[0]
    assert first.cell_type == "markdown"
    heading = first.source.splitlines()[0]
    assert heading.startswith("# ")
    assert heading.endswith("?")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_second_cell_holds_typed_literals_with_comments(path):
    cell = _book(path).cells[1]
    assert cell.cell_type == "code"
    assert cell.metadata.get("tags") == ["parameters"]
    tree = ast.parse(cell.source)
    for statement in tree.body:
        assert isinstance(statement, ast.AnnAssign), ast.unparse(statement)
        ast.literal_eval(statement.value)  # a literal, nothing derived
    for line in cell.source.splitlines():
        assert "  # " in line, f"no trailing comment: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_papermill_sees_the_parameters(path):
    import papermill

    declared = papermill.inspect_notebook(str(path))
    wanted = (
        {"article_paths", "output_dir"}
        if path.stem >= "10"
        else {"article_path", "output_dir"}
    )
    assert wanted <= set(declared)
    for name, info in declared.items():
        assert info["inferred_type_name"] != "None", name
        assert info["help"], f"{name} has no comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebook_only_orchestrates(path):
    book = _book(path)
    assert book.metadata.kernelspec.name == "python3"
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code[1].source.lstrip().startswith("from analysis import")
    imported = set()
    for cell in code:
        assert not cell.outputs, "committed with outputs"
        assert cell.execution_count is None, "committed with execution counts"
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda)
            assert not isinstance(node, ast.For | ast.While | ast.If), ast.unparse(node)
            if isinstance(node, ast.ImportFrom):
                assert node.module == "analysis", "import the analysis package only"
                imported |= {alias.name for alias in node.names}
    assert len(code) <= 10
    # the edge of the package only: layers come from the Document, never re-extracted
    edge = {"compare", "corpus", "display", "document", "plots", "reporting", "tables"}
    assert imported <= edge, imported - edge
    assert "analysis" not in book.metadata, "no optional-stage metadata"
    # what the runner's kernel imports ahead is what the notebook imports
    assert reporting.notebooks()[NAMES.index(path.stem)].imports == tuple(
        sorted(imported)
    )


# ---------------------------------------------------------------------------------------
# Smoke tests: the report of one article runs every notebook through papermill.


def _report(article: Path, out: Path):
    result = reporting.build([article], out, jobs=2, echo=False)
    assert len(result.articles) == 1
    return result, out / result.articles[0].folder


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    return _report(
        ROOT / "seeds" / "000_1bbc821df740a206.txt", tmp_path_factory.mktemp("seed")
    )


@pytest.fixture(scope="module")
def polnear_report(tmp_path_factory):
    if not POLNEAR_DEV.exists():
        pytest.skip("../shared (PolNeAR dev) is not present beside the project")
    with POLNEAR_DEV.open(encoding="utf-8") as handle:
        record = json.loads(handle.readline())
    article = tmp_path_factory.mktemp("polnear-in") / f"{record['id']}.txt"
    article.write_text(record["text"], encoding="utf-8")
    return _report(article, tmp_path_factory.mktemp("polnear"))


def _check_page(report, name: str) -> None:
    result, folder = report
    pages = {p.notebook.name: p for p in result.articles[0].pages}
    assert name in pages, f"{name} was not run"
    page = pages[name]
    assert page.ok, page.error
    text = (folder / f"{name}.html").read_text(encoding="utf-8")
    assert "This page failed" not in text
    number = name[:2]
    pngs = sorted(folder.glob(f"{number}-*.png"))
    csvs = sorted(folder.glob(f"{number}-*.csv"))
    assert csvs, f"{name} wrote no CSV"
    for png in pngs:
        assert png.stat().st_size > 1000
        assert png.with_suffix(".csv").exists(), f"{png.name} has no CSV beside it"
    for csv in csvs:
        assert csv.read_text(encoding="utf-8").strip(), f"{csv.name} is empty"


ARTICLE_NOTEBOOKS = [p for p in NOTEBOOKS if p.stem < "10"]


@pytest.mark.parametrize(
    "path", ARTICLE_NOTEBOOKS, ids=[p.stem for p in ARTICLE_NOTEBOOKS]
)
def test_notebook_runs_on_the_seed(path, seed_report):
    _check_page(seed_report, path.stem)


@pytest.mark.parametrize(
    "path", ARTICLE_NOTEBOOKS, ids=[p.stem for p in ARTICLE_NOTEBOOKS]
)
def test_notebook_runs_on_a_polnear_article(path, polnear_report):
    _check_page(polnear_report, path.stem)


def test_seed_report_exit_status_and_index(seed_report):
    result, folder = seed_report
    assert result.status == 0
    index = (folder / "index.html").read_text(encoding="utf-8")
    for page in result.articles[0].pages:
        assert f'href="{page.file}"' in index
    provenance = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["inputs"][0]["sha256"] == reporting._sha256(
        ROOT / "seeds" / "000_1bbc821df740a206.txt"
    )
    assert set(provenance["parameters"]) == {
        p.notebook.name for p in result.articles[0].pages
    }
    assert provenance["packages"]["papermill"] != "not installed"
    assert provenance["lexicons"], "no lexicon hashes"


def test_two_runs_are_byte_identical(seed_report, tmp_path):
    _, first = seed_report
    _, second = _report(ROOT / "seeds" / "000_1bbc821df740a206.txt", tmp_path)
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*"))
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*"))
    different = [
        n for n in names if (first / n).read_bytes() != (second / n).read_bytes()
    ]
    assert not different, f"differ between two runs: {different}"


def test_docs_show_the_seed_summary_line_of_a_run(seed_report):
    result, _folder = seed_report
    docs = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    shown = re.search(r"^(000_1bbc821df740a206: .*) -> reports/", docs, re.MULTILINE)
    assert shown, "docs/report.md shows no seed summary line"
    item = result.articles[0]
    line = f"{item.folder}: {item.summary}"
    assert shown.group(1) == line, (
        f"docs/report.md shows another run; the line of this one is:\n{line} -> "
        f"reports/{item.folder}/index.html"
    )
