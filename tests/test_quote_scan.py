"""Quote marks where a paragraph break was lost, and passive cues after a quote."""

from __future__ import annotations

import pytest

from analysis import quotes

# A quote that goes on in a new paragraph reopens with a mark and leaves the last one
# unclosed. Where the text lost its paragraph breaks, the mark after a sentence end
# reopens the quote: the open quote ends at that sentence, and the narrator's next
# sentence stays out.
LOST_BREAK = (
    '"I was conserving energy. "That is when he came up," said Greene. '
    "Greene was also denied gold in the relay."
)


def test_reopening_mark_ends_the_open_quote() -> None:
    spans = [(m.start, m.end, m.closed) for m in quotes.scan(LOST_BREAK)]
    first = LOST_BREAK.index('"That')
    assert spans[0] == (0, first - 1, False)
    assert LOST_BREAK[spans[1][0] : spans[1][1]] == '"That is when he came up,"'
    groups = {m.group for m in quotes.scan(LOST_BREAK)}
    assert len(groups) == 1  # one quote in two parts


def test_reopened_quote_keeps_its_speaker_and_narration_stays_out() -> None:
    found = quotes.extract(LOST_BREAK)
    said = [q for q in found if q.text.startswith('"That')]
    assert [q.speaker for q in said] == ["Greene"]
    assert not any("denied" in q.text for q in found)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a mark inside a sentence opens a nested quote as before
        ('He said "the "big" one" and left.', 1),
        # closed quotes one after another stay apart
        ('"We won." "We will win again," she said.', 2),
        # a mark after a sentence end but before a small letter is no reopening
        ('"It ended. "and then" it went on," he said.', 1),
    ],
)
def test_marks_that_are_no_reopening(text: str, spans: int) -> None:
    assert len(quotes.scan(text)) == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive cue after a quote is a new clause, not the quote's attribution
        ('"It hurts." Greene was denied the title.', 0),
        # passive deny/confirm with a plain object: withheld or appointed, no speech
        ("He was confirmed as head coach on Monday.", 0),
        ("Greene was also denied Olympic gold in the relay.", 0),
        # negatives: active denials with a clause stay, and so do passive reports with
        # a clause and an agent (one with no agent has no source: no attribution)
        ("The minister denied that the talks had failed.", 1),
        ("Smith was told by aides that the plant would close.", 1),
        ("Smith was told that the plant would close.", 0),
    ],
)
def test_passive_cues(text: str, expected: int) -> None:
    found = quotes.extract(text)
    assert sum(q.kind != "scare" for q in found) == expected


# A multi-paragraph quote names its speaker once; where that is in a later paragraph,
# the opening paragraph is the same quote by the same speaker, not a scare quote.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            (
                'The club met.\n\n"We did all we could.\n\n"It is up to the players," '
                "said Jim Smith, the manager.\n\nThe season starts in May."
            ),
            "Jim Smith",
        ),
        ('"We did all we could.\n\n"It is up to them," Smith said.', "Smith"),
        # negatives: a closed quote in its own paragraph is a quote of its own
        ('"We did all we could."\n\n"It is up to them," Smith said.', None),
        # an unclosed quote whose next paragraph opens no quote stays alone
        ('"We did all we could.\n\nSmith said it was up to them.', None),
    ],
)
def test_multi_paragraph_quote_attributed_from_a_later_paragraph(
    text: str, speaker: str | None
) -> None:
    first = [q for q in quotes.extract(text) if q.text.startswith('"We did')]
    assert [q.speaker for q in first] == [speaker]


# A sentence after a quote closed with a full stop, with its own speaker, cue and clause,
# reports that clause; it is not the quote's attribution.
@pytest.mark.parametrize(
    ("text", "cue_of_quote"),
    [
        (
            (
                '"It will be exciting to return." The world champion says he\'s in '
                "good shape."
            ),
            None,
        ),
        ('"We lost the game." The coach said that the team was tired.', None),
        ('"We lost." Smith says Jones will start on Friday.', None),
        # negatives: a comma, a question mark, or a cue with no clause after it
        ('"We lost the game," the coach said on Sunday.', "said"),
        ('"Did we lose?" the coach asked.', "asked"),
        ('"We lost the game." Smith said.', "said"),
    ],
)
def test_new_report_after_a_closed_quote(text: str, cue_of_quote: str | None) -> None:
    first = [q for q in quotes.extract(text) if q.text.startswith('"')]
    assert [q.cue for q in first] == [cue_of_quote]


def _indirect(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in quotes.extract(text) if q.kind != "scare"]


# A plural source that closes the sentence with a bare present "report" ("..., state
# media report."): the noun "report" elsewhere opens nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The economy grew by 9% last year, state media report.",
            [("The economy grew by 9% last year", "state media")],
        ),
        (
            "Growth slowed in May, analysts report.",
            [("Growth slowed in May", "analysts")],
        ),
        # negatives: the noun, at the end of a sentence or before a verb
        ("The agency grew last year, and released a damning report.", []),
        ("The panel has the email, and will address it in its final report.", []),
        # the noun before a verb is a document speaker, not a cue
        (
            "A new report found the economy grew.",
            [("the economy grew", "A new report")],
        ),
    ],
)
def test_closing_plural_report(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A subject after a fronted phrase ("In theory, the government has ..., but continues to
# insist that ..."): a coordinated cue shares it; a subject that is no actor gives none.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            (
                "In theory, the government has a growth target, but continues to insist "
                "that the overshoot is no hard landing."
            ),
            "the government",
        ),
        # negative: the economy insists nothing
        (
            (
                "In theory, the economy has a growth target, but continues to insist "
                "that the overshoot is no hard landing."
            ),
            None,
        ),
    ],
)
def test_subject_after_a_fronted_phrase(text: str, speaker: str | None) -> None:
    found = _indirect(text)
    assert [sp for _, sp in found] == ([speaker] if speaker else [])


# A lower-case subject after a fronted phrase that names no actor is passed over for
# the actor of a later clause.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            (
                "At this point, the camera is facing the ground, and she becomes upset, "
                "shouting that the police must stop."
            ),
            "she",
        ),
    ],
)
def test_fronted_subject_that_is_no_actor(text: str, speaker: str) -> None:
    found = _indirect(text)
    assert [sp for _, sp in found] == ([speaker] if speaker else [])


# "said John Wyver" after the clause with no comma: an inversion the writer left
# unmarked, read as one only with a name after the cue and a content word before it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "The tools must obey the rules of cinematography and editing said John "
                "Wyver, from TV producer Illuminations."
            ),
            [
                (
                    "The tools must obey the rules of cinematography and editing",
                    "John Wyver",
                )
            ],
        ),
        ("The deal is dead said Peter Brown.", [("The deal is dead", "Peter Brown")]),
        # negatives: a day, a subject before the cue, a pronoun subject
        ("The deal is what he said Friday.", []),
        ("It is what the president said John Smith.", []),
        ("He never said John Smith.", []),
    ],
)
def test_unmarked_inversion(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# "read" with no quote marks reports a text read out ("read a statement"); a work with
# a title, a file or an idiom read is no speech.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crown Princess Mary read The Ugly Duckling to the young audience.", []),
        ("He got to know them and read some of their case files.", []),
        ("Well, if you read between the lines, the plan is dead.", []),
        # negatives: a text read out, and a quote read
        (
            "The judge read his decision to the court.",
            [("his decision to the court", "The judge")],
        ),
        (
            "The prosecutor read a summary of the facts.",
            [("a summary of the facts", "The prosecutor")],
        ),
        (
            'The sign read "Trust in the Force."',
            [('"Trust in the Force."', "The sign")],
        ),
    ],
)
def test_work_read_is_no_report(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A cue in a "whose" relative clause has "whose" + the possessed noun as its subject
# (resolved to the antecedent's attorneys, tests/test_speakers.py), and its
# content ends where the main clause goes on.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "It was a setback for Trump, whose attorneys argued that the documents "
                "contained trade secrets."
            ),
            [("the documents contained trade secrets", "whose attorneys")],
        ),
        (
            "Smith, whose lawyers said the charges were false, was freed.",
            [("the charges were false", "whose lawyers")],
        ),
        # negatives: no cue, and a passive "expected" in the relative clause
        ("The firm, whose profits rose, said nothing.", []),
        ("Sanders, whose campaign was not widely expected to survive, lost.", []),
    ],
)
def test_whose_subject(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# "As X put it, ...": the idiom names a speaker and reports what follows the comma or
# colon; "put it" elsewhere reports nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'As Vulture put it, "Hello, it is the Biebs." Bieber is back.',
            [('"Hello, it is the Biebs."', "Vulture")],
        ),
        ("As he put it, the deal is dead.", [("the deal is dead", "he")]),
        (
            (
                "As Steven M. Rosenthal, a tax lawyer, recently put it, ''Did Trump lower "
                "his taxes?''"
            ),
            [("''Did Trump lower his taxes?''", "Steven M. Rosenthal, a tax lawyer")],
        ),
        (
            'As Sen. Rand Paul, R-Ky., put it, "Libya was a hot spot."',
            [('"Libya was a hot spot."', "Sen. Rand Paul, R-Ky.")],
        ),
        # negatives: "put it" as a plain verb phrase, with or without "as"
        ("He put it on the table, and left.", []),
        ("As the bill put it on hold, talks stalled.", []),
    ],
)
def test_as_x_put_it(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A release still to come of a thing ("will announce its budget") reports nothing yet;
# a release that happened, or one of a clause, does.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The White House will announce its budget on Monday.", []),
        ("The ministry is set to reveal the figures in May.", []),
        # the narrated clause leaves the next report its own subject
        (
            (
                "The White House will announce its budget on Monday, and many "
                "commentators believe the deficit will remain high."
            ),
            [("the deficit will remain high", "many commentators")],
        ),
        # negatives: past, a clause, a quote
        (
            "The White House announced its budget on Monday.",
            [("its budget on Monday", "The White House")],
        ),
        (
            "The White House will announce that the budget is balanced.",
            [("the budget is balanced", "The White House")],
        ),
    ],
)
def test_future_release_of_a_thing(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A clause that quotes a few words among narrated ones and closes with ", X said" is a
# mixed report of X; a clause that is mostly a quote is the quote's own direct one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "A cashier who “steals a handful of $20s” is held accountable, Warren "
                "said. Bank executives are not."
            ),
            [
                (
                    "A cashier who “steals a handful of $20s” is held accountable",
                    "Warren",
                )
            ],
        ),
        (
            "Trump’s “excesses” are sickening, Hollande said.",
            [("Trump’s “excesses” are sickening", "Hollande")],
        ),
        # negatives: the quote is the clause, a quote with two words around it, and a
        # title in marks (no one's words: the clause keeps the rules without quotes)
        ("The film “Say Anything” was a hit, critics said.", []),
        ('"We won the game," he said.', [('"We won the game,"', "he")]),
        ('He won "the game," she said.', [('"the game,"', "she")]),
    ],
)
def test_trailing_cue_after_a_mixed_clause(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A semicolon after a trailing cue ends the reported clause as a full stop would.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Candidates need about 40 percent of the Hispanic vote, analysts say; in "
                "2012, Mitt Romney fell short."
            ),
            [("Candidates need about 40 percent of the Hispanic vote", "analysts")],
        ),
        # negative: a fragment of under three words before the cue
        ("The plan, he said; the talks went on.", []),
    ],
)
def test_trailing_cue_before_a_semicolon(text: str, expected: list) -> None:
    assert _indirect(text) == expected


# A title-case headline that closes with ", <Source> Says" attributes the headline.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Clinton Hid Health Problems From Public, Former White House Doctor Says"
                "\n\nSecrecy is nothing new."
            ),
            [("Clinton Hid Health Problems From Public", "Former White House Doctor")],
        ),
        # negatives: "Says" inside a line, and a lower-case source
        ("Simon Says Is a Game, the Teacher Explained\n\nIt is fun.", []),
        ("The plan failed, everyone Says\n\nIt is over.", []),
    ],
)
def test_headline_closing_source(text: str, expected: list) -> None:
    assert _indirect(text) == expected
