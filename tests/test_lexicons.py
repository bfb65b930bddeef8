import pytest

from analysis import lexicons


def test_every_data_file_is_documented():
    sources = lexicons.read_text("SOURCES.md")
    undocumented = [
        name
        for name in lexicons.data_files()
        if name != "SOURCES.md"
        and name not in sources
        and name.split("/")[0] + "/" not in sources
    ]
    assert undocumented == []


def test_hashes_are_stable():
    for name in lexicons.data_files():
        assert len(lexicons.sha256(name)) == 64


def test_duplicates_are_rejected(monkeypatch):
    monkeypatch.setattr(lexicons, "read_text", lambda name: "a\nb\n# c\na\n")
    lexicons._word_set.cache_clear()
    try:
        with pytest.raises(lexicons.LexiconError, match="duplicate"):
            lexicons.word_set("fake.txt")
    finally:
        lexicons._word_set.cache_clear()


def test_malformed_rows_are_rejected(monkeypatch):
    monkeypatch.setattr(lexicons, "read_text", lambda name: "a\tb\nc\n")
    lexicons.table.cache_clear()
    try:
        with pytest.raises(lexicons.LexiconError, match=r"fake\.tsv:2"):
            lexicons.table("fake.tsv", 2)
    finally:
        lexicons.table.cache_clear()


def test_abbreviations_loaded():
    abbrevs = lexicons.word_set("news_abbreviations.txt")
    assert {"u.s", "mr", "sept", "a.m", "no", "corp"} <= abbrevs
