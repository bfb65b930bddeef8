import csv
import io
import json
import subprocess
import sys

import pytest

from analysis import cli

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
