from types import SimpleNamespace

import pytest

from analysis import document, sources

VERBS = [
    ("She said the deal was done.", "said", "neutral"),
    ("He told reporters the talks failed.", "told", "neutral"),
    ("The ministry confirmed the report.", "confirmed", "endorsing"),
    ("Officials revealed the plan.", "revealed", "endorsing"),
    ("She noted that prices rose.", "noted", "endorsing"),
    ("He pointed out that the law is old.", "pointed out", "endorsing"),
    ("Moscow claimed the strike hit a depot.", "claimed", "distancing"),
    ("He insisted he was innocent.", "insisted", "distancing"),
    ("Prosecutors alleged that he lied.", "alleged", "distancing"),
    ("She denied the charge.", "denied", "distancing"),
    ("Critics slammed the plan.", "slammed", "emotive"),
    ("He praised the troops.", "praised", "emotive"),
    ("Senators blasted the deal.", "blasted", "emotive"),
    ("He lauded her courage.", "lauded", "emotive"),
    ("The UN urged restraint.", "urged", "directive"),
    ("Activists called for a ban.", "called for", "directive"),
    ("Unions demanded higher pay.", "demanded", "directive"),
    ("Some said the plan failed.", "said", "neutral"),  # "some" is no determiner here
    ("It was a report that claimed fraud.", "claimed", "distancing"),
]

NOT_VERBS = [
    "She claimed the title in 2019.",  # a prize
    "The flood claimed 12 lives.",
    "He claimed victory on Sunday.",
    "He slammed the door.",
    "The claims were false.",  # a noun after a determiner
    "Her family hailed from Ohio.",
    "The orders came late.",
    "He was denied entry at the border.",
    "He was admitted to hospital.",
    "It reflects the will of the people.",
]


@pytest.mark.parametrize(("sentence", "verb", "label"), VERBS)
def test_verb_classes(sentence, verb, label):
    found = [(c.label, c.text) for c in sources.verb_cues(sentence)]
    assert (label, verb) in found


@pytest.mark.parametrize("sentence", NOT_VERBS)
def test_not_reporting_verbs(sentence):
    assert sources.verb_cues(sentence) == []


@pytest.mark.parametrize(
    ("cue", "label"),
    [
        ("said", "neutral"),
        ("Said", "neutral"),
        ("according to", "neutral"),
        ("pointed  out", "endorsing"),
        ("added", "neutral"),  # only a cue: too ambiguous in running text
        ("has claimed", "distancing"),
        ("called for", "directive"),
        ("warned", "emotive"),
        ("ate", None),
        ("", None),
        (None, None),
    ],
)
def test_verb_class_of_cue(cue, label):
    assert sources.verb_class(cue) == label


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("state media reports", "state media"),
        ("KCNA", "state media"),
        ("Xinhua", "state media"),
        ("Intelligence reports from South Korea", "intelligence"),
        ("U.S. intelligence officials", "intelligence"),
        ("the Pentagon", "military"),
        ("a military spokesman", "military"),
        ("the United Nations", "international organisation"),
        ("NATO", "international organisation"),
        ("analysts", "expert or analyst"),
        ("a professor at Yale", "expert or analyst"),
        ("The treaty", "document"),
        ("a report by the watchdog", "document"),
        ("the Senate bill", "document"),
        ("Western sources", "anonymous or vague"),
        ("officials", "anonymous or vague"),
        ("a senior official", "anonymous or vague"),
        ("people familiar with the matter", "anonymous or vague"),
        ("Foreign Minister Choe Son Hui", "government official"),
        ("the White House", "government official"),
        # Local government and the police speak for the state at home.
        ("Councillor Tom Ashby", "government official"),
        ("the city council", "government official"),
        ("Police", "government official"),
        ("a police spokesman", "government official"),
        ("a police officer", "anonymous or vague"),  # unnamed, like "a senior official"
        ("Sheriff Dan Cole", "government official"),
        ("the fire department", "government official"),
        ("the company's chief executive officer", "business"),
        ("a lawyer for the family", "other"),
        ("Western nations", "foreign government"),
        ("Beijing", "foreign government"),
        ("Republican strategist John Doe", "politician"),
        ("The New York Times", "media"),
        ("a man who lives nearby", "other"),
        ("Bill Burton", "other"),  # a first name, not a bill
        ("a company spokeswoman", "business"),
        ("Acme executives", "business"),
        ("an advocacy group", "advocacy or NGO"),
        ("campaigners", "advocacy or NGO"),
        # groups and documents of the actor inventory
        ("voters", "anonymous or vague"),
        ("Protesters", "anonymous or vague"),
        ("environmentalists", "anonymous or vague"),
        ("the poll", "document"),
        ("Video", "document"),
        ("PolitiFact", "media"),
        # the opposition's front bench and a party's spokespeople speak for a party
        ("The shadow foreign secretary, Michael Ancram", "politician"),
        (
            "Liberal Democrat foreign affairs spokesman Sir Menzies Campbell",
            "politician",
        ),
        ("a Labour spokeswoman", "politician"),
        ("Tory leader Michael Howard", "politician"),
        ("Shadow leader of the Commons Oliver Heald", "politician"),
        ("the opposition leader", "politician"),
        # negatives: a government's spokesman and a minister stay government
        ("the Conservative government spokesman", "government official"),
        ("Foreign Secretary Jack Straw", "government official"),
    ],
)
def test_source_type(mention, kind):
    assert sources.source_type(mention) == kind


def test_no_speaker_is_the_narrator():
    assert sources.source_type(None, None) == "narrator"
    assert sources.source_type("  ", None) == "narrator"


def _quote(text, start, speaker_text, speaker, cue, kind="indirect"):
    return SimpleNamespace(
        kind=kind,
        start=start,
        end=start + len(text),
        text=text,
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_start=None,
        speaker_end=None,
        cue=cue,
        cue_start=None,
        cue_end=None,
        sentence=0,
    )


def test_speakers_and_shares():
    quotes = [
        _quote("the talks failed", 0, "officials", None, "said"),
        _quote("the plan is dead", 20, "Sen. Jane Roe", "Jane Roe", "claimed"),
        _quote("we will win", 40, "she", "Jane Roe", "insisted"),
        _quote("“scary”", 60, None, None, None, kind="scare"),
    ]
    people = sources.speakers(quotes)
    assert [(p.speaker, p.source_type, p.quotes) for p in people] == [
        ("Jane Roe", "government official", 2),
        ("officials", "anonymous or vague", 1),
    ]
    assert people[0].verbs == ("claimed", "insisted")
    assert people[0].verb_classes == ("distancing",)
    shares = sources.shares(quotes)
    assert [s.source_type for s in shares] == [
        "government official",
        "anonymous or vague",
    ]
    assert sum(s.quote_share for s in shares) == pytest.approx(1.0)
    assert sum(s.word_share for s in shares) == pytest.approx(1.0)
    assert sources.shares([]) == []


def test_role_from_the_article_text():
    # A made-up person, so that no gazetteer entry decides the type.
    text = "Mara Quellen, a Democratic strategist, spoke. “We lost,” Quellen said."
    start = text.index("“")
    quote = _quote("“We lost,”", start, "Quellen", "Mara Quellen", "said", "direct")
    assert sources.speaker_types([quote], text) == {"Mara Quellen": "politician"}
    assert sources.speaker_types([quote]) == {"Mara Quellen": "other"}


def test_unresolved_first_person_is_the_narrator():
    quote = _quote("it was wrong", 0, "I", None, "argued")
    assert sources.speaker_types([quote]) == {"I": "narrator"}


# --- home country, open-class organisations and spokespeople ---

_US_STORY = (
    "WASHINGTON — The Federal Aviation Administration (FAA) grounded the jets on "
    "Friday. Google, a company that makes maps, said it would help. "
    "Human Rights Watch, an advocacy group, criticised the delay."
)


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker", "expected"),
    [
        # the story's home country is not "foreign"
        (
            _US_STORY,
            "the FAA",
            "Federal Aviation Administration",
            "government official",
        ),
        (_US_STORY, "Washington", "United States", "government official"),
        (
            "MOSCOW (Reuters) - Washington said no.",
            "Washington",
            "United States",
            "foreign government",
        ),
        (
            "SEOUL, South Korea — Seoul said yes.",
            "Seoul",
            "South Korea",
            "government official",
        ),
        (
            "SEOUL, South Korea — Pyongyang said no.",
            "Pyongyang",
            "North Korea",
            "foreign government",
        ),
        # a company and an NGO are sources of their own kind
        (_US_STORY, "Google", "Google", "business"),
        (
            _US_STORY,
            "Human Rights Watch",
            "Human Rights Watch",
            "international organisation",
        ),
        # a spokesman speaks for their organisation's type
        (_US_STORY, "a Google spokesman", None, "business"),
        (_US_STORY, "an FAA spokeswoman", None, "government official"),
        # no home country known: a country is foreign as before
        ("Beijing said no; Moscow agreed.", "Beijing", "China", "foreign government"),
        # the one country of a story is its home
        ("Beijing said no.", "Beijing", "China", "government official"),
    ],
)
def test_speaker_types_in_the_story(text, speaker_text, speaker, expected):
    quote = _quote("it would help", 0, speaker_text, speaker, "said")
    assert sources.speaker_types([quote], text) == {speaker or speaker_text: expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON — The Senate voted.", "United States"),
        ("MOSCOW (Reuters) - The Kremlin said.", "Russia"),
        ("LONDON, Oct 2 — Ministers met.", "United Kingdom"),
        ("Russia and Russia and Russia met China.", "Russia"),
        ("Russia met China.", None),  # no clear lead: unknown
        # a nation within a state counts for the state
        ("Wales and Wales and Scotland met France.", "United Kingdom"),
        ("Snow continued to fall.", None),
    ],
)
def test_home_country(text, expected):
    assert sources.home_country(text) == expected


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Kim Jong-un", True),
        ("Korea Central News Agency", True),
        ("Mara Quellen", True),  # a person the gazetteer does not list
        ("FAA", True),  # an acronym
        ("Western nations", False),
        ("state media reports", False),
        ("officials", False),
        ("Police", False),  # a group, not a named organisation
        ("Voters", False),
        ("Intelligence reports", False),
        ("(unattributed)", False),
        ("she", False),
    ],
)
def test_named_speakers_are_persons_and_organisations(name, named):
    from analysis import tables

    assert tables._named(name) is named


def test_voices_answer_counts_named_speakers_once():
    from analysis import tables

    quotes = [
        _quote("a", 0, "KCNA", "Korea Central News Agency", "said"),
        _quote(
            "b",
            10,
            "the Korea Central News Agency",
            "Korea Central News Agency",
            "said",
        ),
        _quote("c", 20, "Western nations", "Western nations", "said"),
        _quote("d", 30, "state media reports", "state media reports", "said"),
    ]
    note = str(tables.voices_answer(quotes))
    assert note.startswith("4 quotes from 1 named speakers;"), note


def test_one_type_per_speaker_in_every_report_table():
    from analysis import tables

    quotes = [
        _quote("the plan is dead", 0, "Sen. Jane Roe", "Jane Roe", "claimed"),
        _quote("we will win", 20, "she", "Jane Roe", "insisted"),
        _quote("no comment", 40, "a company spokesman", None, "said"),
    ]
    expected = sources.speaker_types(quotes)
    assert expected["Jane Roe"] == "government official"
    table = tables.quote_table(quotes)
    assert set(zip(table["speaker"], table["source type"], strict=True)) == {
        (name, expected[name]) for name in expected
    }
    speakers = tables.speaker_table(quotes)
    assert dict(zip(speakers["speaker"], speakers["source type"], strict=True)) == (
        expected
    )
    by_type = tables.voice_shares(quotes, by="source type")
    assert (
        int(by_type.set_index("source type").loc["government official", "quotes"]) == 2
    )


# --- source types follow the article's actor types (non-political stories too) ---

_BUSINESS_STORY = (
    "CHARLESTON, W.Va. — Patriot Coal said on Monday it would close two mines. "
    "The S.E.C. declined to comment. Americans said in a poll that prices were too high. Supporters of the "
    "mine said it should stay open. Melanie Ortiz, 34, said she would move."
)


@pytest.mark.parametrize(
    ("speaker_text", "speaker", "expected"),
    [
        # an open-class company (by its industry word), a listed body
        ("Patriot Coal", "Patriot Coal", "business"),
        ("Patriot", "Patriot Coal", "business"),
        ("The S.E.C.", "Securities and Exchange Commission", "government official"),
        # a demonym's people and a group's supporters are no government, no politician
        ("Americans", "United States", "anonymous or vague"),
        ("Supporters of the mine", None, "anonymous or vague"),
        # a named person with no role word stays "other"
        ("Melanie Ortiz", "Melanie Ortiz", "other"),
    ],
)
def test_source_types_follow_actor_types(speaker_text, speaker, expected):
    quote = _quote("it would help", 0, speaker_text, speaker, "said")
    types = sources.speaker_types([quote], _BUSINESS_STORY)
    assert types == {speaker or speaker_text: expected}


def test_one_type_per_speaker_across_mentions():
    # one speaker named two ways keeps one type in the speakers and claims tables
    quotes = [
        _quote("we will close", 0, "Patriot Coal", "Patriot Coal", "said"),
        _quote("no deal", 30, "the company", "Patriot Coal", "said"),
    ]
    types = sources.speaker_types(quotes, _BUSINESS_STORY)
    rows = sources.speakers(quotes, _BUSINESS_STORY, types)
    assert types == {"Patriot Coal": "business"}
    assert [(r.speaker, r.source_type, r.quotes) for r in rows] == [
        ("Patriot Coal", "business", 2)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        # a dateline before a name is no role ("LONDON —" is no foreign government)
        (
            "LONDON — Margaret Thatcher said the unions went too far.",
            "Margaret Thatcher",
            "government official",
        ),
        ("LONDON — Jane Doe said the unions went too far.", "Jane Doe", "other"),
        # negative: a title before the name still gives the role
        ("LONDON — Economist Jane Doe said no.", "Jane Doe", "expert or analyst"),
    ],
)
def test_dateline_is_no_role(text, speaker, expected):
    quote = _quote("it went too far", 0, speaker, speaker, "said")
    assert sources.speaker_types([quote], text) == {speaker: expected}


# --- news outside politics: employers, markets, addressees, vague groups ---

_MARKETS_STORY = (
    "And Alan Greenspan spoke on Friday. Federal Reserve chairman Mr Greenspan's speech "
    "moved markets. Acme Bank, a bank based in Ohio, raised rates. Jane Roe, head of currency strategy at Zeta Capital, said so. "
    "John Poe, a spokesman at Acme Bank, agreed. Speaking to the BBC News website Mr "
    "Molyneux said so. Crown Prince Frederik visited."
)


@pytest.mark.parametrize(
    ("speaker_text", "speaker", "expected"),
    [
        # a central bank's head is a government official, a market strategist an expert
        ("Alan Greenspan", "Alan Greenspan", "government official"),
        ("the Federal Reserve head", None, "government official"),
        ("Jane Roe", "Jane Roe", "expert or analyst"),
        # the organisation a person works for gives the type ("at Acme Bank")
        ("John Poe", "John Poe", "business"),
        ("Acme Bank chief", None, "business"),
        # the outlet a speaker talks to is not the speaker's type
        (
            "Speaking to the BBC News website Mr Molyneux",
            "Peter Molyneux",
            "other",
        ),
        # royals of the crown are officials, like a king or a queen
        ("Crown Prince Frederik", "Frederik", "government official"),
        # a quantified plural is vague, whatever its noun
        ("many commentators", None, "anonymous or vague"),
        ("several fans", None, "anonymous or vague"),
        # negatives: a market word in no role; a named pundit's own outlet counts
        ("Bob Stone", "Bob Stone", "other"),
        ("a CNN commentator", None, "media"),
        ("many analysts", None, "expert or analyst"),
    ],
)
def test_source_types_outside_politics(speaker_text, speaker, expected):
    quote = _quote("rates will rise", 0, speaker_text, speaker, "said")
    types = sources.speaker_types([quote], _MARKETS_STORY)
    assert types == {speaker or speaker_text: expected}


@pytest.mark.parametrize(
    ("text", "speaker_text", "speaker", "expected"),
    [
        # a central bank of the home country speaks as its government
        (
            "LONDON — The Bank of England said rates would rise.",
            "The Bank of England",
            "Bank of England",
            "government official",
        ),
        # negative: a commercial bank is a business
        (
            "LONDON — Bank of China said rates would rise.",
            "Bank of China",
            "Bank of China",
            "business",
        ),
    ],
)
def test_banks_as_sources(text, speaker_text, speaker, expected):
    quote = _quote("rates would rise", 0, speaker_text, speaker, "said")
    assert sources.speaker_types([quote], text) == {speaker: expected}


# An organisation that opens a role names the employer ("NUJ official", "Facebook's ...
# director"); "General" in "Attorney General" or "General Secretary" is no rank.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "The National Union of Journalists condemned the cuts. "
                '"They have no respect for us," said Jane Dale, NUJ General Secretary. '
                "NUJ official Tom Reed said the talks had failed."
            ),
            {
                "National Union of Journalists": "advocacy or NGO",
                "Jane Dale": "advocacy or NGO",
                "Tom Reed": "advocacy or NGO",
            },
        ),
        (
            (
                '"We removed the posts," said Katie Harbath, Facebook\'s global politics '
                "and government outreach director."
            ),
            {"Katie Harbath": "business"},
        ),
        (
            "Attorney General Loretta Lynch said the case was closed.",
            {"Loretta Lynch": "government official"},
        ),
        # negatives: a rank is military; a role with a name after it is someone else's
        (
            "Major General Tom Smith said the troops would stay.",
            {"Tom Smith": "military"},
        ),
        (
            (
                "The rules were set in May.\nFormer NAACP president Ben Jealous spoke "
                "first.\n\nJane Dale, who chairs the panel, said the rules were fair."
            ),
            {"Jane Dale": "other"},
        ),
    ],
)
def test_employer_opens_the_role(text, expected):
    assert document.Document(text).source_types == expected
