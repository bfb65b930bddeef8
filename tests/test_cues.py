import pytest

from analysis import tokenize
from analysis.cues import SentenceLocator, WordMatcher, words_of


def test_locator_maps_offsets_to_sentences():
    text = "One sentence here. Another one.\n\nTeam Byline"
    sents = tokenize.sentences(text)
    locate = SentenceLocator(sents)
    assert locate(0) == 0
    assert locate(text.index("Another")) == 1
    assert locate(text.index("Another") - 1) == 0  # the gap belongs to the one before
    assert SentenceLocator([])(5) == 0


def test_longest_entry_wins_and_prefixes():
    m = WordMatcher(
        [("security", ("a",)), ("social security", ("b",)), ("milit*", ("c",))]
    )
    hits = m.find("Social security and military security.")
    assert [(h.entry, h.values) for h in hits] == [
        ("social security", ("b",)),
        ("milit*", ("c",)),
        ("security", ("a",)),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The son left.", ["son"]),
        ("Son of a farmer, he left.", ["son"]),  # a sentence start
        ("Choe Son Hui left.", []),  # a name
        ("THE SON LEFT.", ["son"]),  # all capitals: a headline
        ("“Son,” she said.", ["son"]),
    ],
)
def test_lower_case_entries_skip_names(text, found):
    assert [h.entry for h in WordMatcher([("son", ("x",))]).find(text)] == found


def test_capitalised_entries_match_any_case():
    m = WordMatcher([("Pentagon", ("x",))])
    assert [h.entry for h in m.find("the Pentagon and the pentagon")] == [
        "Pentagon"
    ] * 2


def test_possessive_is_not_part_of_the_word():
    m = WordMatcher([("regime", ("x",))])
    text = "The regime's and the regime’s plans."
    assert [text[h.start : h.end] for h in m.find(text)] == ["regime", "regime"]
    assert "don't" in words_of("I don't know").lowered


def test_short_prefix_is_rejected():
    with pytest.raises(ValueError, match="shorter"):
        WordMatcher([("ab*", ("x",))])
