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
