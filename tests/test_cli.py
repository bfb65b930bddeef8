import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import cli, corpus, reporting

PY = sys.executable


def run(*args, timeout=120):
    return subprocess.run(
        [PY, "-m", "analysis", *map(str, args)],
        capture_output=True,
        check=False,
        text=True,
        timeout=timeout,
    )


def test_format_table_cuts_long_cells():
    table = cli.format_table([{"a": 1, "b": "x" * 100}], ["a", "b"], width=10)
    assert table.splitlines() == ["a  b", "1  xxxxxxxxx…"]


def test_help_for_program_and_commands():
    r = run("--help")
    assert r.returncode == 0
    assert "sentences" in r.stdout
    r = run("sentences", "--help")
    assert r.returncode == 0
    assert "--format" in r.stdout


def test_sentences_json(seed_path, seed_text):
    r = run("sentences", seed_path, "--format", "json")
    assert r.returncode == 0, r.stderr
    records = json.loads(r.stdout)
    assert all(seed_text[s["start"] : s["end"]] == s["text"] for s in records)
    assert {"index", "start", "end", "text", "paragraph", "kind"} <= set(records[0])
    assert [s["kind"] for s in records].count("byline") == 1


def test_sentences_csv_and_table_and_jsonl(seed_path):
    r = run("sentences", seed_path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 16
    assert rows[0]["article"] == "000_1bbc821df740a206"
    r = run("sentences", seed_path, seed_path, "--format", "jsonl")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == {"path", "sentences"}
    r = run("sentences", seed_path)
    assert r.stdout.splitlines()[0].split() == [
        "index",
        "kind",
        "paragraph",
        "start",
        "end",
        "text",
    ]


BAD = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\n",
    "binary.txt": bytes(range(256)) * 4,
    "latin1.txt": "café".encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    r = run("sentences", path, "--format", "json")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert name in lines[0]


def test_missing_file(tmp_path):
    r = run("sentences", tmp_path / "missing.txt")
    assert r.returncode == 2
    assert "missing.txt" in r.stderr
    assert "Traceback" not in r.stderr


def test_empty_folder(tmp_path):
    r = run("sentences", tmp_path)
    assert r.returncode == 2
    assert str(tmp_path) in r.stderr


def test_batch_goes_on_past_a_bad_file(tmp_path, seed_text):
    (tmp_path / "a_good.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c_good.txt").write_text(
        "One sentence. Two sentences.", encoding="utf-8"
    )
    r = run("sentences", tmp_path, "--format", "jsonl")
    assert r.returncode == 2
    paths = [json.loads(line)["path"] for line in r.stdout.splitlines()]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a_good.txt", "c_good.txt"]
    assert "b_bad.txt" in r.stderr
    assert "Traceback" not in r.stderr


def test_html_input(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>x()</script></head><body><p>Kim met Putin. They signed.</p>"
        "<p>By Jane Doe</p></body></html>",
        encoding="utf-8",
    )
    r = run("sentences", page, "--format", "json")
    assert r.returncode == 0, r.stderr
    records = json.loads(r.stdout)
    assert [(s["kind"], s["text"]) for s in records] == [
        ("sentence", "Kim met Putin."),
        ("sentence", "They signed."),
        ("byline", "By Jane Doe"),
    ]


def test_bom_crlf_offsets(tmp_path, seed_text):
    path = tmp_path / "bom_crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode())
    r = run("sentences", path, "--format", "json")
    text = path.read_bytes().decode("utf-8-sig")
    assert r.returncode == 0
    assert all(text[s["start"] : s["end"]] == s["text"] for s in json.loads(r.stdout))


# --- report runs: interrupts, locks, stale folders, kernel errors, names (issue 18) ----

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"


def _notebook(folder, name, *cells):
    """A minimal report notebook: the question, the parameters, then `cells`."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {name}?"),
        nbformat.v4.new_code_cell(
            'article_path: str = ""  # input article\n'
            'output_dir: str = "."  # where files go',
            metadata={"tags": ["parameters"]},
        ),
        *(nbformat.v4.new_code_cell(c) for c in cells),
    ]
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"
    folder.mkdir(exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")


@pytest.fixture(scope="module")
def small_report(tmp_path_factory):
    """One build of two tiny notebooks, one of which logs a traceback on stderr."""
    root = tmp_path_factory.mktemp("report")
    books = root / "notebooks"
    _notebook(books, "01-size", "print(len(open(article_path).read()))")
    _notebook(
        books,
        "02-logs",
        "import sys\nsys.stderr.write('Traceback (most recent call last):\\n"
        '  File "x.py", line 1\\nValueError: DELIM not in msg_list\\n\')',
    )
    inputs = root / "batch"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    out = root / "out"
    stale = root / ".out-build-killed"  # a SIGKILLed run's folder
    stale.mkdir()
    (stale / "x.html").write_text("half a report", encoding="utf-8")
    result = reporting.build([inputs], out, jobs=2, notebook_dir=books, echo=False)
    return root, out, result


def test_stale_build_folders_are_removed(small_report):
    root, _, _ = small_report
    assert not list(root.glob(".out-build-*"))


def test_kernel_errors_never_in_a_page_marked_ok(small_report):
    _, _, result = small_report
    pages = {p.notebook.name: p for p in result.articles[0].pages}
    assert pages["01-size"].ok
    assert not pages["02-logs"].ok
    assert "kernel error" in pages["02-logs"].error
    assert result.status == 1


def test_provenance_has_paths_relative_to_the_input_root(small_report):
    _, out, _ = small_report
    text = (out / SEED.stem / "provenance.json").read_text(encoding="utf-8")
    record = json.loads(text)
    assert [i["path"] for i in record["inputs"]] == [f"batch/{SEED.name}"]
    assert {p["article_path"] for p in record["parameters"].values()} == {
        f"batch/{SEED.name}"
    }
    assert str(out.parent) not in text


@pytest.mark.parametrize(
    ("outputs", "error"),
    [
        ([], ""),
        ([{"output_type": "stream", "name": "stdout", "text": "ERROR: x\n"}], ""),
        (
            [{"output_type": "stream", "name": "stderr", "text": "UserWarning: y\n"}],
            "",
        ),
        (
            [{"output_type": "stream", "name": "stderr", "text": "ERROR:tornado.x\n"}],
            "cell 0: kernel error on stderr: ERROR:tornado.x",
        ),
        (
            [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": []}],
            "cell 0: E: v",
        ),
    ],
)
def test_kernel_error(outputs, error):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    nb.cells = [cell]
    assert reporting._kernel_error(nb) == error


def test_a_second_report_into_one_out_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    with reporting._locked(out):
        status = cli.main(["report", str(SEED), "--out", str(out)])
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "another report is being built" in err


def test_long_names_are_moved_into_place(tmp_path):
    name = "n" * 251
    build_root, out = tmp_path / ".out-build-x", tmp_path / "out"
    for folder, text in ((out, "old"), (build_root, "new")):
        (folder / name).mkdir(parents=True)
        (folder / name / "index.html").write_text(text, encoding="utf-8")
    reporting._move_into_place(build_root, out)
    assert (out / name / "index.html").read_text(encoding="utf-8") == "new"


def test_long_file_name_gets_a_bounded_folder(tmp_path):
    path = tmp_path / ("n" * 247 + ".txt")
    shutil.copy(SEED, path)
    [article] = corpus.iter_articles([tmp_path])
    assert reporting._unique_folders([article]) == [article.id]
    assert len(article.id) <= corpus.MAX_ID_LENGTH


def test_ctrl_c_stops_the_report_promptly(tmp_path):
    import signal
    import time

    books = tmp_path / "notebooks"
    _notebook(books, "01-size", "print(len(open(article_path).read()))")
    for n in (2, 3, 4):
        _notebook(books, f"0{n}-slow", "import time\ntime.sleep(60)")
    out = tmp_path / "out"
    (out / SEED.stem).mkdir(parents=True)
    (out / SEED.stem / "index.html").write_text("earlier report", encoding="utf-8")
    driver = (
        "import sys; from pathlib import Path; from analysis import cli, reporting; "
        f"reporting.NOTEBOOK_DIR = Path({str(books)!r}); "
        "reporting.REPORT_NOTEBOOKS = {p.stem: p.stem for p in "
        "sorted(reporting.NOTEBOOK_DIR.glob('*.ipynb'))}; "
        f"sys.exit(cli.main(['report', {str(SEED)!r}, '--out', {str(out)!r}, "
        "'--jobs', '1']))"
    )
    child = subprocess.Popen(
        [PY, "-c", driver], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 90
    while not list(tmp_path.glob(".out-build-*/*/01-size.html")):
        assert time.monotonic() < deadline, "the first page never finished"
        assert child.poll() is None, child.communicate()
        time.sleep(0.2)
    time.sleep(2)  # the second page is now sleeping in its kernel
    began = time.monotonic()
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert time.monotonic() - began < 15
    assert child.returncode == 130
    assert err.strip().splitlines() == [
        f"error: interrupted; {out} keeps the last complete report"
    ]
    assert (out / SEED.stem / "index.html").read_text(encoding="utf-8") == (
        "earlier report"
    )
    assert not list(tmp_path.glob(".out-build-*"))


def test_fifo_and_symlink_loop_are_one_line_errors_not_hangs(tmp_path, seed_text):
    import os

    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    r = run(
        "sentences", tmp_path, tmp_path / "loop.txt", "--format", "jsonl", timeout=60
    )
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert sorted(lines) == [
        f"error: {tmp_path / 'loop.txt'}: symlink loop (the link points back to itself)",
        f"error: {tmp_path / 'loop.txt'}: symlink loop (the link points back to itself)",
        f"error: {tmp_path / 'pipe.txt'}: not a regular file (a FIFO); not read",
    ]
    assert len(r.stdout.splitlines()) == 1  # a.txt still ran


def test_an_article_over_the_size_bound_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The talks went on. " * 120_000, encoding="utf-8")  # 2.28 M chars
    r = run("quotes", big, timeout=60)
    assert r.returncode == 2
    assert r.stderr == (
        f"error: {big}: too long: 2,280,000 characters (the limit is 2,000,000; "
        "split the article into parts)\n"
    )


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["frames", "SEED", "--fromat", "json"], "usage: python -m analysis frames"),
        (["report", "SEED", "--jbos", "2"], "usage: python -m analysis report"),
        (["quotes", "SEED", "--format", "yaml"], "usage: python -m analysis quotes"),
        (["nonsense"], "usage: python -m analysis [-h] COMMAND"),
    ],
)
def test_a_misspelled_option_shows_the_commands_usage(argv, usage, seed_path):
    r = run(*[str(seed_path) if a == "SEED" else a for a in argv])
    assert r.returncode == 2
    assert r.stderr.startswith(usage)
    assert "Traceback" not in r.stderr


# The command line is at the edge: the analysis modules know nothing of it.
_ANALYSIS_MODULES = sorted(
    p.stem
    for p in (Path(__file__).resolve().parents[1] / "analysis").glob("*.py")
    if p.stem not in {"cli", "__main__"}
)


@pytest.mark.parametrize("name", _ANALYSIS_MODULES)
def test_no_analysis_module_imports_the_command_line(name):
    import ast

    path = Path(__file__).resolve().parents[1] / "analysis" / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
            imported |= {f"{node.module}.{a.name}" for a in node.names}
    assert "argparse" not in imported
    assert "analysis.cli" not in imported
    defined = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    defined |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert not defined & {"CLI_COMMAND", "register_cli"}


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_every_command_has_help_from_the_one_table(command):
    r = run(command, "--help")
    assert r.returncode == 0, r.stderr
    first_words = " ".join(cli.COMMANDS[command].split()[:4])
    top = run("--help")
    assert first_words in " ".join(top.stdout.split())
    if command in cli.ANALYSES:
        assert first_words in " ".join(r.stdout.split())
