from pathlib import Path

import pytest

from analysis import corpus

GOOD = "North Korea ratified the pact. Russia welcomed it.\n"


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_seed(seed_article, seed_path):
    assert seed_article.id == "000_1bbc821df740a206"
    assert seed_article.path == str(seed_path)
    assert seed_article.text == seed_path.read_text(encoding="utf-8")
    assert seed_article.byline == "Team BharatShakti"
    assert seed_article.title is None


def test_bom_removed_and_crlf_kept(tmp_path):
    path = _write(tmp_path, "a.txt", b"\xef\xbb\xbfOne line.\r\nTwo line.\r\n")
    article = corpus.read_article(path)
    assert article.text == "One line.\r\nTwo line.\r\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n", "empty"),
        (b"\x00\x01\x02text", "binary"),
        (b"caf\xe9 au lait", "UTF-8"),
    ],
)
def test_bad_input(tmp_path, data, reason):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(corpus.ArticleError) as info:
        corpus.read_article(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(corpus.ArticleError, match="no such file"):
        corpus.read_article(tmp_path / "nope.txt")


def test_folder_sorted_and_filtered(tmp_path):
    _write(tmp_path, "b.txt", GOOD)
    _write(tmp_path, "a.md", "# Title\n\n" + GOOD)
    _write(tmp_path, "c.html", "<p>" + GOOD + "</p>")
    _write(tmp_path, "notes.csv", "x,y\n")
    _write(tmp_path, "README.md", "# About this folder\n")
    _write(tmp_path, ".hidden.txt", GOOD)
    _write(tmp_path, "z.txt", b"")
    items = list(corpus.iter_articles([tmp_path]))
    names = [getattr(i, "id", None) or i.path for i in items]
    assert names[:3] == ["a", "b", "c"]
    assert isinstance(items[3], corpus.ArticleError)
    assert len(items) == 4


HTML = """<!doctype html><html><head><title>Page title</title>
<style>p { color: red }</style><script>alert("x")</script></head>
<body><h1>Pact &amp; treaty</h1><p>North Korea ratified the pact.</p>
<div>Russia welcomed it<br>on Tuesday.</div><noscript>enable js</noscript></body></html>"""


def test_html():
    text, title = corpus.html_to_text(HTML)
    assert title == "Pact & treaty"
    assert "alert" not in text
    assert "color" not in text
    assert "enable js" not in text
    assert text.split("\n\n") == [
        "Pact & treaty",
        "North Korea ratified the pact.",
        "Russia welcomed it",
        "on Tuesday.\n",
    ]


def test_html_file(tmp_path):
    article = corpus.read_article(_write(tmp_path, "page.html", HTML))
    assert article.title == "Pact & treaty"
    assert article.text.startswith("Pact & treaty\n\nNorth Korea")


def test_markdown():
    text, title = corpus.markdown_to_text(
        "# The pact\n\nNorth Korea **ratified** the [pact](http://x.org).\n\n- one item\n"
    )
    assert title == "The pact"
    assert text == "The pact\n\nNorth Korea ratified the pact.\n\none item\n"


def test_html_only_scripts_is_empty(tmp_path):
    path = _write(tmp_path, "s.html", "<script>var a = 1;</script>")
    with pytest.raises(corpus.ArticleError, match="empty"):
        corpus.read_article(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_ab.txt", "000_ab"),
        ("a b/c d.txt", "c_d"),
        ("../x<y>.md", "x_y"),
        (".txt", "txt"),
    ],
)
def test_article_id(name, expected):
    assert corpus.article_id(name) == expected


# --- ids, paths and sizes (issue 18) ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # ordinary ASCII names keep their plain slug (reports/<id>/ paths depend on it)
        ("000_1bbc821df740a206.txt", "000_1bbc821df740a206"),
        ("a b.txt", "a_b"),
        # non-ASCII, empty or very long names get a short hash of the relative path
        ("статья.txt", r"article-[0-9a-f]{10}"),
        ("café.txt", r"caf-[0-9a-f]{10}"),
        ("!!!.txt", r"article-[0-9a-f]{10}"),
        ("x" * 247 + ".txt", r"x{60}-[0-9a-f]{10}"),
    ],
)
def test_unique_ids_shape(tmp_path, name, expected):
    import re

    path = _write(tmp_path, name, GOOD)
    [(found, aid)] = corpus.unique_ids([tmp_path])
    assert found == path
    assert re.fullmatch(expected, aid), aid
    assert len(aid) <= corpus.MAX_ID_LENGTH


def test_non_ascii_ids_are_distinct_and_do_not_depend_on_order(tmp_path):
    names = ["статья.txt", "新闻.txt", "خبر.txt"]
    for name in names:
        _write(tmp_path, name, GOOD)
    ids = dict(corpus.unique_ids([tmp_path]))
    assert len(set(ids.values())) == 3
    # the same file alone gets the same id as in the batch
    alone = dict(corpus.unique_ids([tmp_path / names[1]]))
    assert alone[tmp_path / names[1]] == ids[tmp_path / names[1]]


def test_colliding_ids_all_get_a_hash(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "same.txt", GOOD)
    ids = [aid for _, aid in corpus.unique_ids([tmp_path / "x", tmp_path / "y"])]
    assert len(set(ids)) == 2
    assert all(aid.startswith("same-") for aid in ids)
    # reversed order of the inputs: the same ids
    again = [aid for _, aid in corpus.unique_ids([tmp_path / "y", tmp_path / "x"])]
    assert sorted(again) == sorted(ids)


def test_relative_path_is_from_the_input_root(tmp_path):
    (tmp_path / "batch").mkdir()
    path = _write(tmp_path / "batch", "a.txt", GOOD)
    assert corpus.relative_path(path, tmp_path / "batch") == "batch/a.txt"
    assert corpus.relative_path(path, path) == "batch/a.txt"
    [article] = corpus.iter_articles([tmp_path / "batch"])
    assert article.source == "batch/a.txt"


def test_long_file_name(tmp_path):
    path = _write(tmp_path, "n" * 247 + ".txt", GOOD)
    [article] = corpus.iter_articles([tmp_path])
    assert article.path == str(path)
    assert len(article.id) <= corpus.MAX_ID_LENGTH


def _bad_reason(path):
    with pytest.raises(corpus.ArticleError) as info:
        corpus.read_article(path)
    assert "\n" not in str(info.value)
    return info.value.reason


def test_symlink_loop_named_directly(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "symlink loop" in _bad_reason(loop)


def test_fifo_is_refused_without_reading(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _bad_reason(fifo)  # would hang if it were opened


def test_bad_entries_in_a_folder_are_reported(tmp_path):
    import os

    _write(tmp_path, "a.txt", GOOD)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(corpus.iter_articles([tmp_path]))
    errors = {Path(e.path).name: e.reason for e in items if isinstance(e, Exception)}
    assert [i.id for i in items if isinstance(i, corpus.Article)] == ["a"]
    assert "symlink loop" in errors["loop.txt"]
    assert "not a regular file" in errors["pipe.txt"]
    assert "no such file" in errors["gone.txt"]


def test_empty_folder_among_paths_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    good = _write(tmp_path, "a.txt", GOOD)
    items = list(corpus.iter_articles([good, tmp_path / "empty"]))
    assert isinstance(items[0], corpus.Article)
    assert isinstance(items[1], corpus.ArticleError)
    assert "no .txt, .md or .html files" in items[1].reason


@pytest.mark.parametrize(
    ("chars", "refused"), [(corpus.MAX_CHARS, False), (corpus.MAX_CHARS + 1, True)]
)
def test_size_bound(tmp_path, chars, refused):
    text = ("North Korea ratified the pact. " * (chars // 31 + 1))[: chars - 1] + "\n"
    path = _write(tmp_path, "big.txt", text)
    if refused:
        reason = _bad_reason(path)
        assert "too long" in reason
        assert f"{chars:,}" in reason
    else:
        assert len(corpus.read_article(path).text) == chars
    with pytest.raises(corpus.ArticleError, match="too long"):
        corpus.from_text("x" * (corpus.MAX_CHARS + 1))


def test_huge_file_refused_without_decoding(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(corpus.MAX_FILE_BYTES + 1)  # sparse: no disk used
    assert "too large" in _bad_reason(path)


@pytest.mark.parametrize(
    "shape", [" *a", "**a ", "__a ", "[a ", "![a ", "# a #", "`a "]
)
def test_markdown_cost_is_linear(shape):
    import time

    def cost(n):  # CPU seconds, the best of three: other jobs on the machine
        text = shape * (n // len(shape))
        times = []
        for _ in range(3):
            began = time.process_time()
            corpus.markdown_to_text(text)
            times.append(time.process_time() - began)
        return min(times)

    # the quadratic patterns took 8 s at 50 kB for ` *a`
    small, large = cost(5_000), cost(50_000)
    assert large < 15 * small + 0.1, (shape, small, large)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("a *b* c", "a b c"),
        ("a **b** c", "a b c"),
        ("a __b__ c", "a b c"),
        ("a **b *c* d** e", "a b c d e"),
        ("2 * 3 * 4", "2 * 3 * 4"),  # arithmetic, not emphasis
        ("## Heading ##", "Heading"),
        ("# Heading #with hash", "Heading #with hash"),
        ("see [the pact](http://x.org) now", "see the pact now"),
        ("[not a link] (x)", "[not a link] (x)"),
    ],
)
def test_markdown_rules(markup, expected):
    assert corpus.markdown_to_text(markup)[0] == expected


BRIDGE = Path(__file__).parent / "fixtures" / "bridge"


@pytest.mark.parametrize(
    ("name", "title", "outlet", "author", "date"),
    [
        (
            "a_herald.html",
            "Eastmoor closes Harrow Bridge after engineers find crack",
            "Eastmoor Herald",
            "Jane Holloway",
            "2026-03-14",
        ),
        (
            "b_business.html",
            "Bridge closure will cost Eastmoor traders millions, business leaders warn",
            "Northern Business Daily",
            "Samir Patel",
            "2026-03-15",
        ),
        # plain text: the headline is the first line; a text file has no metadata
        (
            "c_radio.txt",
            "Harrow Bridge shut: residents count the cost of a longer journey",
            None,
            None,
            None,
        ),
    ],
)
def test_page_metadata(name, title, outlet, author, date):
    article = corpus.read_article(BRIDGE / name)
    assert (article.title, article.outlet, article.author, article.date) == (
        title,
        outlet,
        author,
        date,
    )
    assert article.text.startswith(title + "\n\n")


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("a_herald.html", "Subscribe now"),
        ("a_herald.html", "Cookie settings"),
        ("a_herald.html", "Advertisement"),
        ("a_herald.html", "Please share your photos"),
        ("a_herald.html", "5 ways to beat the traffic"),
        ("b_business.html", "Sign up for our morning markets newsletter"),
        ("b_business.html", "Sign in"),
    ],
)
def test_page_furniture_is_dropped(name, furniture):
    article = corpus.read_article(BRIDGE / name)
    assert furniture not in article.text
    assert "Harrow Bridge" in article.text  # negative control: the article is there


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body> </body></html>",
        "<html><head><title>Home</title></head><body><script>x()</script></body></html>",
    ],
)
def test_page_without_article_is_one_line_error(tmp_path, markup):
    path = _write(tmp_path, "menu.html", markup)
    with pytest.raises(corpus.ArticleError) as info:
        corpus.read_article(path)
    assert "no article text" in str(info.value)
    assert "\n" not in str(info.value)


def test_page_the_parser_rejects_is_one_line_error(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("parser exploded\nwith a second line")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    path = _write(tmp_path, "odd.html", "<html><body><p>Text.</p></body></html>")
    with pytest.raises(corpus.ArticleError) as info:
        corpus.read_article(path)
    assert str(info.value) == f"{path}: cannot parse the HTML page (RuntimeError)"
