"""Speaker mentions and their resolution: (text, expected) tables with negatives."""

import pytest

from analysis import quotes, speakers


def _speaker_of(text: str, cue: str) -> tuple[str | None, str | None]:
    """The speaker mention and the resolved name of the quote with cue `cue`."""
    found = [q for q in quotes.extract(text) if q.cue == cue]
    assert found, f"no quote with cue {cue!r}"
    return found[0].speaker_text, found[0].speaker


# A quantifier floated off its subject ("both", "all", "each") is not the speaker.
@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        (
            "Republicans have since both criticized the plan as reckless.",
            "criticized",
            "Republicans",
        ),
        ("The governors have all said the plan would fail.", "said", "The governors"),
        (
            (
                "Republican establishment figures — whose party was once respected "
                "for its discipline — both suggested the speechwriter be fired."
            ),
            "suggested",
            "Republican establishment figures",
        ),
        ("Obama and Reid both said the bill would pass.", "said", "Obama and Reid"),
        # negatives: "both of them" is the subject; "since" as a conjunction still bounds
        ("Both of them said the bill would pass.", "said", "Both of them"),
        ("Since the vote, Smith said the talks would resume.", "said", "Smith"),
        ("He has since said the talks would resume.", "said", "He"),
    ],
)
def test_floating_quantifier(text, cue, mention):
    assert _speaker_of(text, cue)[0] == mention


# After a comma the quantifier is a subject of its own: not the clause before it.
@pytest.mark.parametrize(
    "text",
    [
        "The senators met on Tuesday, both saying the deal was dead.",
        "The two leaders spoke by phone, each promising that talks would resume.",
    ],
)
def test_quantifier_after_comma_keeps_no_clause(text):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker_text is None or len(quote.speaker_text.split()) <= 3


# A participle before a name, or a fronted adverb, is no speaker.
@pytest.mark.parametrize(
    ("text", "cue", "mention", "name"),
    [
        (
            "Newly sworn in Gov. Matt Bevin said the state would not comply.",
            "said",
            "Gov. Matt Bevin",
            "Matt Bevin",
        ),
        (
            "Recently elected Mayor Jane Doe told reporters the budget was short.",
            "told",
            "Mayor Jane Doe",
            "Jane Doe",
        ),
        # negatives: names in -ly stay names
        ("Connolly said the plan would fail.", "said", "Connolly", "Connolly"),
        ("Beverly said the plan would fail.", "said", "Beverly", "Beverly"),
        ("Kelly said the plan would fail.", "said", "Kelly", "Kelly"),
        (
            "Officials in Seoul said the talks would resume.",
            "said",
            "Officials",
            "Officials",
        ),
    ],
)
def test_modifier_before_name(text, cue, mention, name):
    assert _speaker_of(text, cue) == (mention, name)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Publicly"], True),
        (["Essentially"], True),
        (["Recently"], True),
        (["Connolly"], False),
        (["Donnelly"], False),
        (["Reilly"], False),
        (["Kelly"], False),
        (["Kimberly"], False),
        (["Publicly", "funded"], False),
    ],
)
def test_lone_adverb(words, expected):
    assert speakers._lone_adverb(words) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publicly", False),
        ("Essentially", False),
        ("Donnelly", True),
        ("Reilly", True),
    ],
)
def test_sentence_initial_adverb_is_no_actor(text, expected):
    assert speakers.is_actor(text, 0, len(text), sentence_start=True) is expected
