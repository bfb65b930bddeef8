"""Speaker mentions and their resolution: (text, expected) tables with negatives."""

import pytest

from analysis import quotes, speakers


def _speaker_of(text: str, cue: str) -> tuple[str | None, str | None]:
    """The speaker mention and the resolved name of the quote with cue `cue`."""
    found = [q for q in quotes.extract(text) if q.cue == cue]
    assert found, f"no quote with cue {cue!r}"
    return found[0].speaker_text, found[0].speaker


def _last_quote(text: str) -> quotes.Quote:
    """The last quote of `text` that is not a scare quote."""
    return [q for q in quotes.extract(text) if q.kind != "scare"][-1]


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


# Appositions and relative clauses between a speaker and its cue are skipped; documents
# and non-profits are speakers.
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            (
                "Senator Bob Corker, a Tennessee Republican who has met privately with "
                "Mr. Trump and been mentioned as a choice, said there could be a line."
            ),
            "said",
            "Bob Corker",
        ),
        (
            "Tester, himself up for reelection in 2018, said he voted against it.",
            "said",
            "Tester",
        ),
        (
            "The essay accuses Bob of treating guards like “Wal-Mart security.”",
            "accuses",
            "essay",
        ),
        (
            "The non-profit is seeking “groundbreaking ideas” for housing.",
            "seeking",
            "non-profit",
        ),
        # negatives: a time adverbial and a list are no appositions
        ("Smith, in 2018, said he voted against it.", "said", "Smith"),
        ("Smith, 45, said the vote was close.", "said", "Smith"),
        (
            "Johnnie Wilson, of Springfield, Va., said the bill is bad.",
            "said",
            "Johnnie Wilson",
        ),
        (
            (
                "In an appeal to farmers, Joni Ernst, a candidate in the primary on "
                "June 3, said that she grew up on a farm."
            ),
            "said",
            "Joni Ernst",
        ),
    ],
)
def test_apposition_and_documents(text, cue, name):
    assert _speaker_of(text, cue)[1] == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the base chief known as Bob", True),
        ("the op-ed", True),
        ("the nonprofit", True),
        ("the plan known as Obamacare", False),
        ("printed books", False),
    ],
)
def test_actor_heads(text, expected):
    assert speakers.is_actor(text, 0, len(text), sentence_start=False) is expected


# A courtesy title's gender picks the family member ("Mr. Cruz" is not Heidi Cruz).
@pytest.mark.parametrize(
    ("text", "cue_text", "name"),
    [
        (
            "Heidi Cruz spoke in Iowa on Monday. Mr. Cruz said the plan was a disaster.",
            "Mr. Cruz",
            "Cruz",
        ),
        (
            "Ted Cruz and his wife Heidi Cruz spoke. Mrs. Cruz said it was fine.",
            "Mrs. Cruz",
            "Heidi Cruz",
        ),
        (
            "Bill Clinton campaigned in Ohio. Mrs. Clinton said the plan was bad.",
            "Mrs. Clinton",
            "Clinton",
        ),
        # negatives: the same title gender, or no title, still finds the full name
        (
            "Ted Cruz and his wife Heidi Cruz spoke. Mr. Cruz said it was fine.",
            "Mr. Cruz",
            "Ted Cruz",
        ),
        ("Ted Cruz spoke in Iowa. Cruz said it was fine.", "Cruz", "Ted Cruz"),
    ],
)
def test_title_gender_in_resolution(text, cue_text, name):
    found = [q for q in quotes.extract(text) if q.speaker_text == cue_text]
    assert found
    assert found[0].speaker == name


# A speech verb never ends up inside a speaker mention.
@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        (
            (
                'The country "has made dramatic changes," McConnell said in June '
                "2012, citing the release of prisoners."
            ),
            "citing",
            "McConnell",
        ),
        # negative: a name that merely contains the letters stays whole
        ("Saidi Musa said the vote was close.", "said", "Saidi Musa"),
    ],
)
def test_no_speech_verb_in_mention(text, cue, mention):
    assert _speaker_of(text, cue)[0] == mention


# "he"/"she" never land on a place, a group or a company-like plural; a surname in -s
# is a person.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Jones met voters in Ohio. Ohio is a swing state. She said the race was close.",
            None,
        ),
        (
            "Residents of Flint sued the city. Later, he said the water was unsafe.",
            None,
        ),
        (
            "Police closed Oak Street. Oak Street was flooded. He said it would recede.",
            None,
        ),
        # positives: the person is found past the place
        (
            (
                "Jones met voters in Ohio. Ohio is a swing state. Jones said the race was "
                "close. She said it would tighten."
            ),
            "Jones",
        ),
        (
            (
                "Mary Smith met voters in Ohio. Ohio is a swing state. She said the race "
                "was close."
            ),
            "Mary Smith",
        ),
    ],
)
def test_pronoun_never_a_place(text, name):
    last = _last_quote(text)
    assert last.speaker_text.lower() in ("he", "she")
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Democrats met on Monday. Democrats said the race was close. They said so.",
            "Democrats",
        ),
        # negative: "Evans" is one person, not a group
        ("Evans spoke on Monday. Evans said the race was close. He said so.", "Evans"),
    ],
)
def test_plural_names(text, name):
    last = _last_quote(text)
    assert last.speaker == name


# A cue coordinated with the main verb takes the main subject, past a "that" clause;
# inside an adverbial clause it takes that clause's subject.
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            (
                "Mr. Putin backpedaled on his prediction that Russia would recover within "
                "two years, and blamed the tumble in oil prices."
            ),
            "blamed",
            "Vladimir Putin",
        ),
        (
            (
                "Trump conceded that Lewandowski had touched Fields but implied that it "
                "was the reporter's fault."
            ),
            "implied",
            "Donald Trump",
        ),
        # negatives: the adverbial clause holds the verb; an opening "that" clause too
        (
            (
                "Union leaders have never trusted him, because Trump favors right-to-work "
                "laws and opposes a federal minimum wage increase."
            ),
            "opposes",
            "Donald Trump",
        ),
        (
            (
                "Christie called Clinton a disgrace after Clinton attacked the police and "
                "blamed the shootings on bias."
            ),
            "blamed",
            "Clinton",
        ),
        # a capitalised modifier and a descriptor before the name: the name is the
        # subject ("UK", "Sportswear" are modifiers)
        (
            (
                "UK advertising giant WPP has posted record profits and predicted "
                "that growth would continue."
            ),
            "predicted",
            "WPP",
        ),
        (
            (
                "Sportswear firm Umbro has reported a rise in sales and said it "
                "expected more growth."
            ),
            "said",
            "Umbro",
        ),
        # negatives: a verb and its object are no descriptor and name
        (
            "Trump met Putin on Monday and said the talks went well.",
            "said",
            "Donald Trump",
        ),
        ("Obama praised Clinton and said she would win.", "said", "Barack Obama"),
    ],
)
def test_coordinated_cue_subject(text, cue, name):
    assert _speaker_of(text, cue)[1] == name


# A name after a past-tense verb or a reflexive is that verb's object, no subject:
# "he" in the next sentence continues the subject ("Edwards himself kept Idowu off").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Jonathan Edwards believes Phillips Idowu can take gold. "He could '
                'win," said Edwards. Idowu made his breakthrough five years ago. Edwards '
                "himself kept Idowu off top spot at the Games. But he believes the "
                "European Indoors are a chance for him."
            ),
            "Jonathan Edwards",
        ),
        # negative: a name after a modifier is a subject ("the veteran Idowu")
        (
            (
                'Jonathan Edwards believes Phillips Idowu can take gold. "He could '
                'win," said Edwards. Idowu made his breakthrough five years ago. Then '
                "the veteran Idowu kept quiet. But he believes the European Indoors are "
                "a chance."
            ),
            "Phillips Idowu",
        ),
    ],
)
def test_object_of_a_past_verb_is_no_subject(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# "it" continues an earlier speaker of no known kind (a company written bare), not a
# country named in between; a named mention alone is no antecedent for it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "The US court's jurisdiction had been challenged by Deutsche Bank. "
                "Yukos said it would consider its options in light of the ruling. "
                "However, it claimed that the court had backed its argument."
            ),
            "Yukos",
        ),
        # negative: a person is no antecedent for "it"
        (
            "Mitt Romney said the plan was good. It said the plan had failed.",
            None,
        ),
    ],
)
def test_it_continues_an_earlier_speaker(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A surname that is also an organisation word ("Fox") names a person after a first
# name or a courtesy title; a law ("the new Licensing Act") and a sentence-opening
# preposition ("Under Acpo's proposal") name no one for "he".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Association of Chief Police Officers president Chris Fox said the "
                "power was weak. Mr Fox's comments follow the row. He rejected calls "
                "for a delay."
            ),
            "Chris Fox",
        ),
        (
            (
                "Mr Fox said the industry was not regulating itself. Under Acpo's "
                "proposal, orders would need the council's agreement. "
                '"It is making money at the cost of human misery," he said.'
            ),
            "Fox",
        ),
        (
            (
                "Chris Fox spoke first. Instead, the new Licensing Act could help reduce "
                "disorder, he argued."
            ),
            "Chris Fox",
        ),
        # negatives: the broadcaster stays an organisation
        ("Fox News said the poll was wrong.", "Fox News"),
    ],
)
def test_surnames_that_are_organisation_words(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A person's full name before "of" and where they work is the speaker, not the
# organisation ("Cara Diemont of IT firm Dimension Data"); a "she" that follows gives an
# unlisted first name its gender, so "Ms Diemont" is the same woman. "One of X's" is a
# part of something, no person.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            (
                '"Customers are getting impatient," says Cara Diemont of IT firm '
                "Dimension Data, which commissioned the survey. Call centres saw a rise, "
                'she says. "It is scary," Ms Diemont says.'
            ),
            ["Cara Diemont", "Cara Diemont", "Cara Diemont"],
        ),
        (
            '"The deal is bad," said David French of the National Retail Federation.',
            ["David French"],
        ),
        (
            (
                "Donald Trump spoke. One of Trump's earlier attacks came in February, "
                "when he told Fox News that the judge was biased."
            ),
            ["Donald Trump"],
        ),
        # negatives: an organisation named with "of" stays whole; another gender's
        # title does not join a woman's surname
        ("Bank of America said the plan failed.", ["Bank of America"]),
        ('"We won," said Kay Brody. "We lost," Mr Brody said.', ["Kay Brody", "Brody"]),
    ],
)
def test_person_of_organisation(text, names):
    found = [q.speaker for q in quotes.extract(text) if q.kind != "scare"]
    assert found == names


# An apposition the writer left open before the cue (no closing comma): the person
# before it speaks, not the last name inside it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Design matters. Dr Erel Avineri, of the Centre for Transport and "
                "Society at the University of the West of England in Bristol said: "
                '"The design is poor."'
            ),
            "Erel Avineri",
        ),
        (
            (
                "Gary Byrne, a former Secret Service agent for President Bill Clinton "
                "has written a book in which he says the rage was real."
            ),
            "Gary Byrne",
        ),
        # negatives: a fronted place is no person; a closed apposition as before
        ("In Ohio, a senator said the vote was rigged.", "a senator"),
        (
            "Vincent Koen, a senior economist with the OECD, said growth would slow.",
            "Vincent Koen",
        ),
    ],
)
def test_unclosed_apposition(text, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker == name


# After a clause with a finite verb, "and" opens a new clause whose subject speaks;
# without one, "and" joins two subjects.
@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        (
            (
                "Robots can fulfil serious functions and the United Nations Economic "
                "Commission for Europe predicts that the market will swell."
            ),
            "the United Nations Economic Commission for Europe",
        ),
        (
            (
                "He was charged with assault, and the authorities said they would "
                "charge him again."
            ),
            "the authorities",
        ),
        # negatives: a coordinated subject stays whole
        (
            "Obama and the commission said the market will swell.",
            "Obama and the commission",
        ),
        (
            "Reid and Pelosi said the bill was dead.",
            "Reid and Pelosi",
        ),
    ],
)
def test_and_opens_a_new_clause(text, speaker_text):
    quote = _last_quote(text)
    assert quote.speaker_text == speaker_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cruz knocked Rubio", "Cruz"),
        ("Sen. Ted Cruz knocked Rubio", "Sen. Ted Cruz"),
        ("McConnell said in June", "McConnell"),
        # negatives: modifiers in -ed stay, and a name with no verb stays whole
        ("another unnamed GOP official", "another unnamed GOP official"),
        ("the embattled company", "the embattled company"),
        ("United Airlines", "United Airlines"),
    ],
)
def test_actor_span_ends_before_verb(text, expected):
    sp = speakers.actor_span(text, 0, len(text), sentence_start=False)
    assert text[sp[0] : sp[1]] == expected


# Roles: "the president" is not the vice president; "the statement" is a document, not
# the report or organisation named before it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Vice President Joe Biden said the plan was good. In addition, the "
                "president is proposing a new initiative that would hire officers."
            ),
            "president",
        ),
        (
            (
                "President Obama and Vice President Joe Biden met. In addition, the "
                "president is proposing a new initiative that would hire officers."
            ),
            "Barack Obama",
        ),
        (
            (
                "A Congressional Research Service report said benefits would fall. Rand "
                'said in a statement, "We support it." The statement does not deny '
                "that AARP is open to cuts."
            ),
            "statement",
        ),
        # negative: the report itself is still found by "the report"
        (
            (
                "A Congressional Research Service report said benefits would fall. "
                "The report also found that costs would rise."
            ),
            "A Congressional Research Service report",
        ),
    ],
)
def test_role_resolution(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "“There’s going to be a review,” said House Minority Whip Steny Hoyer "
                "(D-Md.). He added that Ryan was investigating the matter."
            ),
            "Steny Hoyer",
        ),
        (
            (
                "Perry netted just six percent, according to a Des Moines Register poll "
                "released Tuesday."
            ),
            "a Des Moines Register poll",
        ),
    ],
)
def test_titles_and_trailing_participles(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a Des Moines Register poll released", "a Des Moines Register poll"),
        ("officials involved", "officials"),
        # negative: a participle after "to be" is part of the phrase
        ("a person who asked not to be named", "a person who asked not to be named"),
    ],
)
def test_trailing_participle(text, expected):
    sp = speakers.actor_span(text, 0, len(text), sentence_start=False)
    assert text[sp[0] : sp[1]] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Rep. Jane Doe, a California Democrat, spoke. “There’s a lot of anger,” "
                "said one Democrat who opposed her."
            ),
            "one Democrat",
        ),
        ("A Democrat said the bill would fail.", "A Democrat"),
        (
            (
                "Ralph Reed spoke at the Conservative Political Action Conference on "
                "Friday. Both parties are to blame, he said."
            ),
            "Ralph Reed",
        ),
        # negative: a named Democrat is still resolved by surname
        (
            "Rep. Jane Doe spoke on Monday. Later, Doe said the bill would fail.",
            "Jane Doe",
        ),
    ],
)
def test_indefinite_and_organisation_names(text, name):
    last = _last_quote(text)
    assert last.speaker == name


# Asides and time phrases between the speaker and the cue.
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            (
                "Minnesota state delegate Mary Susan, clad in a red cape with lights that "
                "formed the name Trump, said the convention could be fun."
            ),
            "said",
            "Mary Susan",
        ),
        (
            (
                "The State Department less than two weeks ago said in a statement "
                "that the emails were secret."
            ),
            "said",
            "State Department",
        ),
        (
            (
                "At the state’s party convention Sen. Elizabeth Warren (D-MA) said the "
                "nominee was a failure."
            ),
            "said",
            "Elizabeth Warren",
        ),
        # negatives: an aside with no boundary in it, and a clause before the name
        ("Hugh Hill, a doctor, said the plan failed.", "said", "Hugh Hill"),
        (
            "The mayor said that the vote, which was close, would stand.",
            "said",
            "mayor",
        ),
    ],
)
def test_asides_before_cue(text, cue, name):
    assert _speaker_of(text, cue)[1] == name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            (
                "Trump clashed with Megyn Kelly, a star anchor at Fox News who questioned "
                "his respect for women in a debate."
            ),
            "who",
        ),
        # negatives: a place adverbial before the cue is still stripped
        ("Officials in Seoul said the talks would resume.", "Officials"),
        (
            "The officials, who spoke on condition of anonymity, said the talks failed.",
            "The officials",
        ),
    ],
)
def test_relative_pronoun_after_place_phrase(text, mention):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker_text == mention


# A cue coordinated inside a relative clause takes the relative pronoun, resolved back.
@pytest.mark.parametrize(
    ("text", "cue", "mention", "name"),
    [
        (
            (
                "Bujnowski also interviewed reporter Ben Terris, who saw the incident and "
                "described it in print."
            ),
            "described",
            "who",
            "Ben Terris",
        ),
        # negative: a main-clause subject after the relative clause keeps the cue
        (
            (
                "Mr. Kirk, who faces a tough race, spoke on Monday and said the deal was "
                "dead."
            ),
            "said",
            "Mr. Kirk, who faces a tough race",
            "Kirk",
        ),
    ],
)
def test_coordinated_cue_in_relative_clause(text, cue, mention, name):
    assert _speaker_of(text, cue) == (mention, name)


# "the senator" with no senator named by title is the story's likeliest person; a common
# word that opens a sentence is no first name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Marco Rubio stopped by his campaign headquarters. Walking into the office, "
                "the senator said his campaign was strong."
            ),
            "Marco Rubio",
        ),
        (
            (
                "Top Clinton aides met on Monday, at the top of the agenda. Hillary Clinton "
                "spoke later. Clinton seemed irritated: “Just email it,” she wrote."
            ),
            "Hillary Clinton",
        ),
        # negatives: an unnamed spokesman is no senator; a first name opens a name
        (
            (
                "Marco Rubio stopped by his headquarters. A spokesman said the campaign was "
                "strong. The senator said it was fine."
            ),
            "Marco Rubio",
        ),
        ("Will Smith will speak tonight. Smith said it was fine.", "Will Smith"),
        (
            (
                "A spokesman said the campaign was strong. The spokesman added that it "
                "was fine."
            ),
            "A spokesman",
        ),
    ],
)
def test_salient_roles_and_sentence_openers(text, name):
    last = _last_quote(text)
    assert last.speaker == name


# The subject of the sentence before, not its object, is the likeliest "he".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Ted Cruz and Donald Trump spoke. Cruz never mentioned Trump by name. "
                "Instead, he suggested that no one could win."
            ),
            "Ted Cruz",
        ),
        (
            (
                "Donald Trump spoke on Monday. Joey Salceda said in a bill that it was "
                "wrong. At a rally in Portland, Maine, on Thursday afternoon, Trump "
                "included the Philippines on a list of countries he said had sent "
                "immigrants."
            ),
            "Donald Trump",
        ),
        # negative: the subject of a complement clause counts
        (
            (
                "Donald Trump spoke. Ted Cruz said in July that he was hurt. Delegates "
                "questioned how Cruz could turn back on a pledge. “The day that was "
                "abrogated was the day this became personal,” he said."
            ),
            "Ted Cruz",
        ),
    ],
)
def test_pronoun_prefers_subject(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tea Party members have challenged", "Tea Party members"),
        ("officials who have said", "officials"),
        (
            "Republicans and Democrats pressed ahead with one point",
            "Republicans and Democrats",
        ),
        ("The New Haven Register on July 20, 2006,", "The New Haven Register"),
        # negatives: no verb, or a modifier in -ed before the noun
        ("the Republican nominee", "the Republican nominee"),
        ("elected officials", "elected officials"),
    ],
)
def test_actor_span_trims_clauses_and_dates(text, expected):
    sp = speakers.actor_span(text, 0, len(text), sentence_start=False)
    assert text[sp[0] : sp[1]] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Vermont Sen. Bernie Sanders gave qualified support. While the Democratic "
                "candidate declined to comment, he said on ABC that Trump is a “faker.”"
            ),
            "Bernie Sanders",
        ),
        ("Worse, the companies said the cost was low.", "companies"),
        # negative: a name before an apposition is the name
        ("Smith, the mayor, said the cost was low.", "Smith"),
    ],
)
def test_names_not_adjectives_or_openers(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue coordinated after "and" has no noun phrase before it to name
        (
            "some in the crowd chanted, and a cluster of people blew whistles and screamed",
            None,
        ),
        ("they learned of it and almost immediately disclosed", None),
        # negatives: a coordinated subject is a subject
        ("Obama and Reid said", "Obama and Reid"),
        ("Smith and Jones told", "Smith and Jones"),
    ],
)
def test_left_speaker_after_coordination(text, expected):
    cue = text.rfind(" ") + 1
    sp = speakers.left_speaker(text, 0, cue)
    assert (text[sp[0] : sp[1]] if sp else None) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Obama and Reid both said the bill would pass.", "Obama and Reid"),
        ("Oklahoma and Nebraska said Colorado broke the law.", "Oklahoma and Nebraska"),
        (
            "Obama and Reid both said the bill would pass. They said it would be close.",
            "Obama and Reid",
        ),
        # negatives: a party label and an organisation with "and" in it
        ("Mitch McConnell, R-Ky., said the plan failed.", "Mitch McConnell"),
        (
            "The United States Fish and Wildlife Service said the ban would end.",
            "United States Fish and Wildlife Service",
        ),
    ],
)
def test_coordinated_names(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mr. Huckabee spoke in Arkansas. Arkansas is poor. “It is real,” he said.",
            "Huckabee",
        ),
        (
            (
                "Director of National Intelligence James Clapper issued a statement. "
                "“It is reprehensible,” he said."
            ),
            "James Clapper",
        ),
        (
            "Newly elected members of the House said the document was long.",
            "members of the House",
        ),
        # negative: a first name that is also a state keeps its person reading
        ("Georgia Smith spoke. Georgia said the plan failed.", "Georgia Smith"),
    ],
)
def test_states_titles_and_openers(text, name):
    last = _last_quote(text)
    assert last.speaker == name


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            (
                "The company was sued by John Smith, whose attorneys argued that the "
                "contract was void."
            ),
            "whose attorneys",
            "John Smith’s attorneys",
        ),
        # negative: "whose" before a thing names no speaker
        (
            "Officials whose agency oversees the program said it was safe.",
            "Officials whose agency oversees the program",
            "Officials whose agency oversees the program",
        ),
    ],
)
def test_whose_speaker(text, mention, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert (quote.speaker_text, quote.speaker) == (mention, name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alongside BLM", False),
        ("Beyond", False),
        ("Despite Mr. Trump's", False),
        ("Wisc.", False),
        ("Calif.", False),
        # negatives: focus words and time words before a real speaker, and names
        ("Even Lindsey Graham", True),
        ("Last year’s FBI statistics", True),
        ("Dr. Smith", True),
        ("Viacom", True),
    ],
)
def test_adverbial_openers_are_no_actors(text, expected):
    assert speakers.is_actor(text, 0, len(text), sentence_start=True) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Hannity asked Donald Trump how high the wall would be. “I think the "
                "height could be 35 feet,” he told Hannity."
            ),
            "Donald Trump",
        ),
        (
            "Mark Smith met Hillary Clinton. “We will win,” she told Mr. Smith.",
            "Hillary Clinton",
        ),
        # negative: with no object after the verb the last speaker stays likeliest
        (
            (
                "Hannity asked Donald Trump a question. “We will see,” Hannity said. "
                "“It is early,” he added."
            ),
            "Sean Hannity",
        ),
    ],
)
def test_pronoun_not_its_own_object(text, name):
    last = _last_quote(text)
    assert last.speaker == name


# A role with its name in apposition resolves to the name; a fronted adverbial before
# a subject is not part of it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“The report is not accurate,” said the spokesman, Peter Carr.", "Peter Carr"),
        ("The lawyer, John Dowd, said the case was weak.", "John Dowd"),
        (
            (
                "Addressing the members, the campaign chief, Paul Manafort, suggested that "
                "the style was an act."
            ),
            "Paul Manafort",
        ),
        # negatives: no name after the role, or one word only
        ("“It is fine,” said a lawyer, adding that it was.", "a lawyer"),
        ("“It is fine,” said the mayor, Paris.", "mayor"),
    ],
)
def test_role_with_name_in_apposition(text, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking in Harlem, Clinton", "Clinton"),
        (
            "Last month, the Independent, a British newspaper",
            "the Independent, a British newspaper",
        ),
        # a clause or a phrase that names no actor before the comma: the subject
        # is after it ("... called it most unfair, and a third said ...")
        ("most unfair, and a third", "a third"),
        ("Just shy of half, 49%", "49%"),
        ("Lieberman could get 100 votes, and Sen. John McCain", "Sen. John McCain"),
        # negatives: a list, a name before its apposition
        (
            "Officials in Texas, Ohio, and Florida",
            "Officials in Texas, Ohio, and Florida",
        ),
        (
            "So far Canova, a law professor in his first campaign",
            "So far Canova, a law professor in his first campaign",
        ),
    ],
)
def test_fronted_phrase_before_subject(text, expected):
    sp = speakers.actor_span(text, 0, len(text), sentence_start=True)
    assert (text[sp[0] : sp[1]] if sp else None) == expected


# A bare surname that several persons of the article bear means the one the article
# names first (its protagonist), not the family member named last.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Barack Obama spoke at the school on Friday. His daughter Sasha Obama "
                "was in the audience. “We must do better,” Obama said."
            ),
            "Barack Obama",
        ),
        (
            (
                "Ted Cruz campaigned in Iowa. Heidi Cruz joined him at the rally. "
                "“We will win,” Cruz said."
            ),
            "Ted Cruz",
        ),
        # a courtesy title still picks the family member of that gender
        (
            (
                "Ted Cruz campaigned in Iowa. Heidi Cruz joined him at the rally. "
                "“We will win,” Mrs. Cruz said."
            ),
            "Heidi Cruz",
        ),
        # negatives: one bearer keeps the nearest full name; a full name is itself
        (
            "Vladimir Putin met the envoy. “It went well,” Putin said.",
            "Vladimir Putin",
        ),
        (
            (
                "Barack Obama spoke at the school. His daughter Sasha Obama was there. "
                "“It was fun,” Sasha Obama said."
            ),
            "Sasha Obama",
        ),
        # a common word before the surname is no first name of a bearer
        (
            (
                "Elizabeth Warren met donors. Neither Warren nor the donors were named. "
                "“We talked,” Warren said."
            ),
            "Elizabeth Warren",
        ),
    ],
)
def test_bare_surname_means_first_named_bearer(text, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker == name


# "the government", "the court": an organisation quoted before, if named ("the
# company" after "Pfizer") or named with that word ("U.S. Court of Appeals"); a
# described one of another kind ("state media") is not it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Banks had a bad year. China's efforts to cool the economy are working, "
                "state media report. But the government insists the slowdown does not "
                'mean a "hard landing" for the economy.'
            ),
            "government",
        ),
        (
            (
                "Drug makers had a good year. “Sales rose,” Pfizer Inc. said. The company "
                "said prices would hold."
            ),
            "Pfizer Inc",
        ),
        (
            (
                "The law was argued. “It is valid,” the U.S. Court of Appeals said. A "
                "lawyer disagreed, the paper said. The appeals court said the state may "
                "appeal."
            ),
            "U.S. Court of Appeals",
        ),
        # negative: the role named in the described organisation itself
        (
            (
                "Farms had a bad year. “Prices rose,” the state government said. The "
                "government said they would fall."
            ),
            "state government",
        ),
    ],
)
def test_org_role_needs_a_fitting_organisation(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A bare 'who' after a person noun names that noun's referent, not the organisation
# or place after a preposition, and the name an apposition describes.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Gridlock grew in the capital. One of the conservative members in the "
                "House who wanted to vote no said the bill was bad."
            ),
            "conservative members",
        ),
        (
            (
                "Records were sought. John Bentel, a tech staffer at the State Department "
                "who told his boss the server was fine, declined to testify."
            ),
            "John Bentel",
        ),
        (
            (
                "Money came from William E. Oberndorf, a California investor who said he "
                "liked the plan."
            ),
            "William E. Oberndorf",
        ),
        (
            (
                "Jarrett spoke for an hour. She later met a young woman who suggested "
                "that the plan had failed."
            ),
            "a young woman",
        ),
        # negatives: an organisation noun is no 'who'; a name right before keeps it
        (
            (
                "Money came from a secretary of labor during the Clinton administration "
                "who said the plan had failed."
            ),
            None,
        ),
        ("Funds came from Greenpeace who said the deal was bad.", "Greenpeace"),
        # a quantity before 'of' is no person: "a handful of [House Democrats] who"
        (
            (
                "The vote was close. Fudge was among a handful of House Democrats who "
                "said the leader had to go."
            ),
            "House Democrats",
        ),
    ],
)
def test_who_after_a_person_noun(text, name):
    found = [q for q in quotes.extract(text) if q.speaker_text == "who"]
    assert found, "no quote with 'who' as its speaker"
    assert found[0].speaker == name


# An epithet for the story's person ("The world champion says", "the veteran game
# maker") resolves to the likeliest person; an office a second person holds does not.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Kim Collins will run in Birmingham. “I am looking forward to it,” he "
                "said. The world champion says he is in good shape."
            ),
            "Kim Collins",
        ),
        (
            (
                "Peter Molyneux has been made an OBE. “I never would have guessed it,” "
                "he said. The veteran game maker says he has one problem still to solve."
            ),
            "Peter Molyneux",
        ),
        (
            (
                "Susan Sarandon spoke on TV. “Really,” she said. Tom Hanks was there. "
                "The actress said she would not vote."
            ),
            "Susan Sarandon",
        ),
        # negatives: a spokesman is someone else; no person before, no name
        (
            (
                "Peter Molyneux has been made an OBE. “I never would have guessed it,” "
                "he said. The spokesman said the award was deserved."
            ),
            "spokesman",
        ),
        ("The world champion says he is in good shape.", "world champion"),
    ],
)
def test_epithet_resolves_to_the_story_person(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A coordination that names a show or a firm before a role is no list of speakers:
# the role's holder, named last, is the speaker.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Books were chosen. “It was hard,” said Richard and Judy executive "
                "producer Amanda Ross. “We had a choice.”"
            ),
            "Amanda Ross",
        ),
        pytest.param(
            (
                "She refused to answer. “She had a right to,” said Oversight and "
                "Government Reform Committee spokesman Ali Ahmad."
            ),
            "Ali Ahmad",
            marks=pytest.mark.xfail(
                strict=True,
                reason="joined words that are no first names read as a list of names",
            ),
        ),
        # negatives: coordinated names stay a group; "and" before a verb ends the name
        (
            (
                "The bill passed. Obama and Senate leader Harry Reid said they needed a "
                "wall."
            ),
            "Obama and Harry Reid",
        ),
        ("The bill passed. “It was hard,” said Smith and added that it was.", "Smith"),
    ],
)
def test_coordinated_modifier_before_a_role(text, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker == name


# A fronted participle phrase without its comma, before a courtesy title, is no part
# of the speaker.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking to the BBC News website Mr Molyneux", "Mr Molyneux"),
        ("Writing in the Guardian Dr Jane Smith", "Dr Jane Smith"),
        # negatives: no title after it; a comma-less phrase that is the subject
        ("Speakers at the BBC Mr Smith", "Speakers at the BBC Mr Smith"),
        ("Mr Molyneux", "Mr Molyneux"),
    ],
)
def test_fronted_participle_without_comma(text, expected):
    sp = speakers.actor_span(text, 0, len(text), sentence_start=True)
    assert (text[sp[0] : sp[1]] if sp else None) == expected


# A bare surname right after a quote of one of its bearers continues with that
# speaker, not with the bearer the article named first; a relative ("his wife, ...",
# "..., son of ...") or a bearer named in full in between leaves it to the first one.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Libertarian candidate Gary Johnson spoke in Ohio. Homeland Security "
                "Secretary Jeh Johnson says hackers are busy. “We are watching,” "
                "Johnson said."
            ),
            "Jeh Johnson",
        ),
        (
            (
                "Hillary Clinton campaigned in Ohio. Former president Bill Clinton said "
                "she was qualified. “The world is in tough shape,” Clinton said."
            ),
            "Bill Clinton",
        ),
        # negatives: a relative quoted last; another bearer named after the quote
        (
            (
                "Marcel Lazar pleaded guilty. “We need him,” his wife, Maria Lazar, "
                "wrote. “It was wrong,” Lazar said."
            ),
            "Marcel Lazar",
        ),
        (
            (
                "Donald Trump spoke in Ohio. Eric Trump, son of the candidate, said "
                "the race was close. “She is a liar,” Trump said."
            ),
            "Donald Trump",
        ),
        (
            (
                "Hillary Clinton spoke. Bill Clinton said she was ready. Hillary "
                "Clinton then spoke again. “I am ready,” Clinton said."
            ),
            "Hillary Clinton",
        ),
    ],
)
def test_bare_surname_continues_the_recent_speaker(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A party label or an acronym before a first name is no part of the name; a title,
# an initial or a plural group word is kept.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The vote was close. Democrat Bernie Sanders said it was rigged.",
            "Bernie Sanders",
        ),
        ("The vote was close. Republican Marco Rubio said it was fair.", "Marco Rubio"),
        (
            "The trial opened. Former AG Michael Mukasey said it was fair.",
            "Michael Mukasey",
        ),
        (
            (
                "Neither Donald Trump nor Ted Cruz came. Cruz was in Iowa. “It is "
                "over,” Trump said."
            ),
            "Donald Trump",
        ),
        # negatives: an initial, a title
        (
            "The firm fell. J. Michael Pearson said it would recover.",
            "J. Michael Pearson",
        ),
        (
            "The rules changed. RNC Chairman Reince Priebus said they were fair.",
            "Reince Priebus",
        ),
    ],
)
def test_label_before_a_first_name(text, name):
    found = [q for q in quotes.extract(text) if q.kind != "scare"]
    assert (found[0].speaker if found else None) == name


# A role after more or capitalised modifiers ("the presumptive Republican nominee")
# is the person it describes when each capitalised modifier is written next to a
# mention of that person; a party or place written elsewhere, a former office or an
# organisation role are left as descriptions.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Republican presidential candidate Donald Trump spoke in Ohio. The "
                "presumptive Republican nominee said the race was rigged."
            ),
            "Donald Trump",
        ),
        (
            (
                "Donald Trump spoke in Reno. The billionaire real estate magnate said "
                "the game had gone soft."
            ),
            "Donald Trump",
        ),
        (
            (
                "Florida Sen. Marco Rubio spoke in Iowa. The Florida senator said the "
                "race was open."
            ),
            "Marco Rubio",
        ),
        # negatives: another party; a modifier written elsewhere; a former office; an
        # organisation
        (
            (
                "Republican presidential candidate Donald Trump spoke in Ohio. The "
                "presumptive Democratic nominee said the race was rigged."
            ),
            "presumptive Democratic nominee",
        ),
        (
            (
                "Bruce LeVell spoke. After the New York trip, LeVell flew home. The New "
                "York billionaire said the race was rigged."
            ),
            "New York billionaire",
        ),
        (
            (
                "Florida Gov. Rick Scott spoke in Iowa. The former Florida governor said "
                "the race was open."
            ),
            "former Florida governor",
        ),
        (
            (
                "Bernie Sanders spoke in Iowa. The Sanders campaign said the race was "
                "open."
            ),
            "Sanders campaign",
        ),
    ],
)
def test_described_role(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# Many inputs open with their headline, whose names are no mentions: a person role
# that the body names no one for is the one person of the headline.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Alan Greenspan Warns On Deficits\n\nThe Federal Reserve head said on "
                "Tuesday that deficits were a risk to growth."
            ),
            "Alan Greenspan",
        ),
        (
            (
                "Greenspan warns on deficits\n\nThe Federal Reserve head said on Tuesday "
                "that deficits were a risk to growth."
            ),
            "Greenspan",
        ),
        # negatives: two people, a place, a person named in the body, an anonymous
        # role, a party
        (
            (
                "Greenspan and Bernanke warn on deficits\n\nThe Federal Reserve head said "
                "on Tuesday that deficits were a risk to growth."
            ),
            "Federal Reserve head",
        ),
        (
            (
                "Ohio warns on deficits\n\nThe state governor said on Tuesday that "
                "deficits were a risk to growth."
            ),
            "state governor",
        ),
        (
            (
                "Greenspan warns on deficits\n\nBen Bernanke spoke on Monday. The Federal "
                "Reserve head said on Tuesday that deficits were a risk to growth."
            ),
            "Federal Reserve head",
        ),
        (
            (
                "Clinton emails were secret\n\nThe official said on Tuesday that the "
                "emails were a risk."
            ),
            "official",
        ),
        (
            (
                "Trump slams media\n\nThe Democratic nominee said on Tuesday that "
                "deficits were a risk to growth."
            ),
            "Democratic nominee",
        ),
    ],
)
def test_role_named_only_in_the_headline(text, name):
    quote = next(q for q in quotes.extract(text) if q.kind != "scare")
    assert quote.speaker == name


# A lone capitalised word before a person noun modifies it ("The Ethiopian
# marathoner", "Sanders supporters"): no antecedent for "he" or "she"; before a verb
# ("Murphy sent", "Ryan later said") it is a name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Felipe Calderon spoke in Mexico. Calderon said he was worried. The "
                "Mexican leader was angry. Mexican officials agreed. “It is "
                "incredible,” he said."
            ),
            "Felipe Calderon",
        ),
        (
            (
                "The Ethiopian marathoner Feyisa Lilesa won silver. Ethiopian officials "
                "were angry. He says he fears returning home."
            ),
            "Feyisa Lilesa",
        ),
        # negatives: a name before a verb stays an antecedent
        (
            (
                "Protesters gathered. Chris Murphy spoke first. Murphy sent his family "
                "home. Murphy later met the families. “It was awful,” he said."
            ),
            "Chris Murphy",
        ),
    ],
)
def test_modifier_is_no_antecedent(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# Buildings and institutions ("Quicken Loans Arena", "Sandy Hook Elementary School")
# and places opened by "Los", "San", ... are no person for "he" or "she".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Bill Clinton spoke for an hour. The crowd cheered. Las Vegas Arena was "
                "full. “I am proud of her,” he said."
            ),
            "Bill Clinton",
        ),
        (
            (
                "Chris Murphy was elected in 2012. The news came in December. Sandy Hook "
                "Elementary School was closed. “It was awful,” he said."
            ),
            "Chris Murphy",
        ),
        # negative: a person named with a first name stays one
        (
            "Sandy Hook spoke for an hour. “It was awful,” she said.",
            "Sandy Hook",
        ),
    ],
)
def test_buildings_and_places_are_no_persons(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A surname opened by a lower-case particle ("diGenova") is a name; a person's name
# that ends a capitalised run after an organisation or a place ("Chief of Staff Katie
# Walsh", "attorney for the District of Columbia Joseph diGenova") starts at its first
# name. A name after "supporters of", "a group led by" or a title stays inside its
# phrase.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "The arrest was criticised. Former U.S. attorney for the District of "
                "Columbia Joseph diGenova blasted the tactic. “I am appalled,” "
                "diGenova told Fox News. “Make no mistake,” he said."
            ),
            "Joseph diGenova",
        ),
        (
            (
                "The party spent money. “It is by design,” RNC Chief of Staff Katie "
                "Walsh said."
            ),
            "Katie Walsh",
        ),
        # negatives
        (
            (
                "The poll was out. Supporters of Democrat Hillary Clinton said they "
                "were pleased."
            ),
            "Supporters of Democrat Hillary Clinton",
        ),
        (
            (
                "The bill stalled. A small group led by Senate Foreign Relations "
                "Committee Chairman Bob Corker said it would try again."
            ),
            "A small group led by Senate Foreign Relations Committee Chairman Bob Corker",
        ),
        (
            "The vote was close. Texas Gov. Greg Abbott said it was fair.",
            "Greg Abbott",
        ),
        # an organisation with its acronym in parentheses before the role and name
        (
            (
                "The case grew. World Anti Doping Agency (WADA) chief Dick Pound says "
                "the medals must go."
            ),
            "Dick Pound",
        ),
        # negatives: no name after the role, or the acronym closes the phrase
        (
            (
                "The rule held. A Department of Homeland Security (DHS) spokesman said "
                "it would stay."
            ),
            "Department of Homeland Security",
        ),
        (
            (
                "The rule held. The Federal Aviation Administration (FAA) said it "
                "would stay."
            ),
            "Federal Aviation Administration",
        ),
    ],
)
def test_particle_surnames_and_holders(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


# A capitalised plural whose singular the article also writes ("Muslim refugees" ...
# "Muslims") is a group, for "they", never for "he"; a surname in -s whose singular is
# a first name ("Roberts", "Robert") stays a person.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Barack Obama spoke on Sunday. Muslim leaders were present. Muslims "
                "were worried. Muslims gathered outside. “We must not give in to fear,” "
                "he said."
            ),
            "Barack Obama",
        ),
        # negative
        (
            (
                "Robert Smith spoke on Sunday. Roberts was there. Roberts said it was "
                "cold. “It was fine,” he said."
            ),
            "Roberts",
        ),
    ],
)
def test_capitalised_plural_is_a_group(text, name):
    quote = _last_quote(text)
    assert quote.speaker == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between dashes: the subject before the opening dash speaks
        ("Mr. Smith — who has long opposed the plan — said", "Mr. Smith"),
        ("The senator — a former prosecutor from Ohio — told", "The senator"),
        ("Clinton -- speaking in Iowa on Monday -- said", "Clinton"),
        ("Exxon Mobil — the largest U.S. oil company — said", "Exxon Mobil"),
        # negatives: no noun phrase before the aside, no subject
        ("Then — as expected — said", None),
        ("In Iowa — as expected — said", None),
        # a dash with no opening one before it: the clause's subject, as before
        ("she declined to claim victory - only saying", "she"),
        # a dash inside the subject's clause that opens no aside changes nothing
        ("The deal was signed — and the minister said", "the minister"),
        ("Prices rose sharply — analysts said", "analysts"),
    ],
)
def test_left_speaker_before_a_dashed_aside(text, expected):
    cue = text.rfind(" ") + 1
    sp = speakers.left_speaker(text, 0, cue)
    assert (text[sp[0] : sp[1]] if sp else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said so. Later, ", True),
        ("They spoke at length! ", True),
        ("Was it? ", True),
        ("the bill would hurt the economy. The ", True),
        # negatives: the full stop of a title, an initial or a listed abbreviation
        (" Texas Lt. Gov. Dan Patrick: ", False),
        (" Mark S. Zaid, the lawyer, ", False),
        (" the U.S. and Mexico ", False),
        (" Acme Inc. on Monday ", False),
        ("no stop at all", False),
        ("3.5 percent", False),  # a decimal point is followed by no space
    ],
)
def test_ends_sentence(text, expected):
    assert speakers.ends_sentence(text) is expected


# Speakers of unseen BBC stories (business, politics, tech): the shapes, with negatives.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unhyphened "X based" modifies the role: the person is named last
        (
            (
                "“It will pay,” said Moscow based US lawyer Jamie Firestone, who is not "
                "connected to the case."
            ),
            "Jamie Firestone",
        ),
        ("“It will pay,” said Moscow-based lawyer Jamie Firestone.", "Jamie Firestone"),
        # ", which" after an organisation's full name with "of" and its acronym
        (
            (
                "The event is held by the Muslim Association of Britain (MAB), which "
                "believes Muslim voters could decide the result."
            ),
            "Muslim Association of Britain",
        ),
        # negative: ", who" after an apposition is the person, not the committee
        (
            (
                "Clinton’s position was supported Friday by Sen. Dianne Feinstein of "
                "California, the ranking Democrat on the Senate Intelligence Committee, "
                "who said none of the emails was marked."
            ),
            "Dianne Feinstein of California",
        ),
        # a title word before an organisation's head is part of its name
        ("The Justice Department said the plan was illegal.", "Justice Department"),
        # negative: before a person's name it is a title
        ("Justice Ruth Bader Ginsburg said the law was clear.", "Ruth Bader Ginsburg"),
        # a document with a participle phrase is the speaker, not the person in it
        (
            "A letter sent to Martin Mubanga said his passport would not be issued.",
            "A letter sent to Martin Mubanga",
        ),
        # negative: a person sent somewhere is still the speaker named
        ("Martin Mubanga, sent to Cuba, said he was innocent.", "Martin Mubanga"),
        # "the company": the company named in its sentence or the one before
        (
            "Nintendo's new console will launch in March, the company has announced.",
            "Nintendo",
        ),
        (
            "Rosneft officials were unavailable. The company said it would sue.",
            "Rosneft",
        ),
        # negative: a place is never "the company"
        ("Officials met in Moscow. The company said it would sue.", "company"),
    ],
)
def test_speakers_of_unseen_stories(text, name):
    last = _last_quote(text)
    assert last.speaker == name


# A short word that ends a sentence is no abbreviated title: the next sentence's name is
# a name of its own ("Project Rub. Nintendo", "the Iraq War. Khan").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Nintendo said 15 games would be ready. A microphone is used in the "
                "launch title Project Rub. Nintendo has also announced a media adapter."
            ),
            "Nintendo",
        ),
        ("He spoke of the Iraq War. Khan decried the plan as cruel.", "Khan"),
        # negatives: an abbreviated title or state still joins its name
        ("Sen. Rand Paul said the bill was flawed.", "Rand Paul"),
        ("Lt. Gov. Dan Patrick said the bill was flawed.", "Dan Patrick"),
    ],
)
def test_sentence_end_is_no_title(text, name):
    assert _last_quote(text).speaker == name


# British news: first names, knights, parties, firms and offices (BBC stories outside
# the evaluation sets), with negatives.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lone first name: the article's one person with it
        (
            "Tory MP Boris Johnson spoke on Monday. Boris said the mayor was right.",
            "Boris Johnson",
        ),
        (
            (
                "Auditor General Sir John Bourn praised the plan. Sir John said "
                "progress had been made."
            ),
            "John Bourn",
        ),
        # negative: two people with that first name, so it stays as written
        (
            "John Smith and John Major met. John said the talks went well.",
            "John",
        ),
        # negative: coordinated first names share the surname after them
        (
            (
                "David Eisenhower spoke first. David and Jeanne Heidler wrote that "
                "the book was late."
            ),
            "David and Jeanne Heidler",
        ),
        # a headline and the first line are two names, not one
        (
            (
                "Brown names 16 March for Budget\n\nChancellor Gordon Brown will "
                "speak. Mr Brown said the date was set."
            ),
            "Gordon Brown",
        ),
        # a party's word is no person: "he" is the co-chairman named after it
        (
            (
                "Tory co chairman Liam Fox opened the conference. Labour has lost "
                "trust, he told delegates."
            ),
            "Liam Fox",
        ),
        # firm names joined by "&"
        ("Accountancy firm Ernst & Young urged him to act on tax.", "Ernst & Young"),
        # an office with what it is for is an apposition after the name
        (
            "Lord Bach, Minister for Defence Procurement, said costs had risen.",
            "Bach",
        ),
        (
            "Mervyn King, Governor of the Bank of England, said rates would rise.",
            "Mervyn King",
        ),
        # negative: an organisation with "of" is itself the speaker
        ("The Bank of England said rates would rise.", "Bank of England"),
    ],
)
def test_british_speakers(text, name):
    assert _last_quote(text).speaker == name


# More shapes of the BBC sample (judged blind), with negatives.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # no name inside a word: "3GSM" holds no "GSM" for "it" to refer to
        (
            "Phones were shown at the 3GSM show on Monday. It said it would cut prices.",
            None,
        ),
        # a relative clause between the subject and its verb is skipped
        (
            (
                "Nintendo said sales rose. The company, which is to receive a payment "
                "of £24.5m, said it was pleased with the results."
            ),
            "Nintendo",
        ),
        # negative: a participle's subject is in the relative clause
        (
            (
                "The program, which was blocked after Texas and 25 other states sued "
                "the administration, calling the moves illegal, ended."
            ),
            "Texas and 25 other states",
        ),
        # "the organisation": the listed organisation named just before
        (
            (
                "The International Atomic Energy Agency (IAEA) is upgrading its "
                "systems. The organisation is aiming to start in November."
            ),
            "International Atomic Energy Agency",
        ),
        # negative: a country is never "the firm"
        (
            "The UK said exports rose sharply. The firm said it was pleased.",
            "firm",
        ),
    ],
)
def test_bbc_sample_speakers(text, name):
    assert _last_quote(text).speaker == name


# A tag that opens the next quote with a colon is no tag of the quote before it.
@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            (
                'Tim Collins said: "This is the third report." "Employers have '
                'voiced concern." Lib Dem spokesman Phil Willis added: "Far too '
                'little has been done."'
            ),
            "Employers",
            "Tim Collins",
        ),
        # negative: a tag after the quote, with a colon later in the sentence
        (
            (
                '"There is a young man with problems," Cruz said as the heckler '
                'yelled: "You suck!"'
            ),
            "young man",
            "Cruz",
        ),
    ],
)
def test_colon_tag_opens_the_next_quote(text, words, speaker):
    (quote,) = [q for q in quotes.extract(text) if words in q.text]
    assert quote.speaker == speaker


# Offices of parliamentary governments name the story's person; a headline's bare role
# does not stand for a named one; "one of their lawyers, <name>" is the name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Gordon Brown has issued a rallying cry to Labour voters. The "
                "chancellor said the election would offer a clear choice."
            ),
            "Gordon Brown",
        ),
        (
            (
                "Minister defends hunting ban law\n\nThe law is clear, Alun Michael "
                "has said.\n\nThe rural affairs minister said it would become obvious "
                "if people flouted the law."
            ),
            "Alun Michael",
        ),
        (
            (
                '"A decision is now expected by mid March," said one of their lawyers, '
                "Michalis Dimitrakopoulos."
            ),
            "Michalis Dimitrakopoulos",
        ),
        # negative: the story's person holds another office
        (
            (
                "London mayor Ken Livingstone refused to apologise. The prime minister "
                "says it is time for Mr Livingstone to say sorry."
            ),
            "prime minister",
        ),
    ],
)
def test_offices_and_named_roles(text, name):
    assert _last_quote(text).speaker == name


# A two-word name opened by a listed company names its product, never "he".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Apple Mac mini gets warm welcome\n\n"It is cheap even for a PC," '
                "said Nick Ross, deputy labs editor at PC Pro. Apple Mac fans would "
                "also help the mini win fans, he said."
            ),
            "Nick Ross",
        ),
        # negative: a person's two-word name stays a person
        (
            "Mark Jones spoke first. Later he said the plan was sound.",
            "Mark Jones",
        ),
    ],
)
def test_company_products_are_no_persons(text, name):
    assert _last_quote(text).speaker == name


# A capitalised word of unknown kind after an article ("the Mac mini") is no person's
# bare surname, however often the story repeats it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                '"It is cheap even for a PC," said Nick Ross, deputy labs editor at PC '
                "Pro. Apple's work would help the Mac mini win fans, he said. The Mac "
                "mini could find a role in homes, he said."
            ),
            "Nick Ross",
        ),
        # negative: a bare surname the story keeps using, with no article, stays one
        (
            (
                '"It is cheap," said Nick Ross of PC Pro. Critics praised Zorlov. '
                "Zorlov was in Paris. Later he said the plan was sound."
            ),
            "Zorlov",
        ),
    ],
)
def test_words_after_an_article_are_no_surnames(text, name):
    assert _last_quote(text).speaker == name


# A role in apposition the writer did not close with a comma: the named person before it
# speaks.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Microsoft held a call. John Connors, Microsoft's chief financial "
                "officer said a test version should be available."
            ),
            "John Connors",
        ),
        (
            (
                "Experts agree. JF Sullivan, spokesman for e mail software firm "
                "Sendmail said many organisations were starting to realise it."
            ),
            "JF Sullivan",
        ),
        # negative: a place before the comma is no person
        ("Experts agree. New York, officials said the deal was off.", "officials"),
    ],
)
def test_unclosed_role_apposition(text, name):
    assert _last_quote(text).speaker == name


def test_unclosed_apposition_needs_a_role():
    # a time phrase after the name is no role: no speaker is made of it
    assert not quotes.extract("Experts agree. Mary Jones, two weeks later said it.")


# Two capitalised words after an article, with no first name or title, name a thing or
# a place ("The Daily Source Code", "the Wisconsin Republican"), no person to take "he".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Adam Curry makes shows. He loves doing The Daily Source Code because "
                'it is good. He has been called a star which, he says, "is a badge."'
            ),
            "Adam Curry",
        ),
        (
            (
                "Paul Ryan spoke on Monday. The Wisconsin Republican was upbeat. He "
                "said the bill would pass."
            ),
            "Paul Ryan",
        ),
        # negative: a full name with a first name after "the" stays a person
        (
            (
                "Critics spoke. The Mary Jones was upbeat about it. Later she said the "
                "bill would pass."
            ),
            "Mary Jones",
        ),
    ],
)
def test_names_after_an_article_are_no_persons(text, name):
    assert _last_quote(text).speaker == name


# A participle of polling belongs to the speaker phrase ("those questioned said"); it is
# no cue of its own.
@pytest.mark.parametrize(
    ("text", "written", "content"),
    [
        (
            "Phones are popular. Many of those questioned said they loved them.",
            "Many of those questioned",
            "they loved them",
        ),
        (
            "Most voters surveyed said they backed Smith.",
            "Most voters surveyed",
            "they backed Smith",
        ),
        # negative: a name before the participle is the subject of a relative clause
        (
            (
                "Many of the chairs that POLITICO interviewed predicted Clinton will "
                "win."
            ),
            "POLITICO",
            "Clinton will win",
        ),
    ],
)
def test_polling_participles(text, written, content):
    found = [q for q in quotes.extract(text) if q.kind == "indirect"]
    assert [(q.speaker_text, q.text) for q in found] == [(written, content)]


# "X said Name, role." with no comma before the cue: an inversion when a name inside the
# clause comes before the cue; not when the name opens the clause.
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            (
                "Banks are busy. Other pressures make banks turn to Windows said "
                "Dominic Hirsch, managing director of Retail Banking Research."
            ),
            "Dominic Hirsch",
            "Other pressures make banks turn to Windows",
        ),
        # negative: the name opens the clause
        (
            "Aides met. Then Obama said John Kerry would travel.",
            "Barack Obama",
            "John Kerry would travel",
        ),
    ],
)
def test_unmarked_inversion_after_a_name(text, speaker, content):
    q = _last_quote(text)
    assert (q.speaker, q.text) == (speaker, content)


# A study as the speaker: its author, as the mention or the story names it.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Shoppers are busy. The report by Nielsen Group found that sales rose "
                "sharply in the first quarter."
            ),
            "Nielsen Group",
        ),
        (
            (
                "Mobiles rule\n\nResearch by handset maker Nokia shows that more and "
                "more people are using their mobile phone for every call.\n\nHome "
                "phones were used for longer calls. Women aged 50 or above almost never "
                "use a mobile phone, the research found."
            ),
            "Nokia",
        ),
        (
            (
                "Pew Internet conducted an online survey of 2,755 musicians. The survey "
                "found that musicians liked the net. It found that most saw file "
                "sharing as both good and bad."
            ),
            "Pew Internet",
        ),
        # negatives: a newer study with no author; a place is no author
        (
            (
                "In 2007, a study by Fordham University proved it. Later the bureau "
                "sent a massive report on voters to officials. The survey asks where "
                "each resident of a household was born."
            ),
            "survey",
        ),
        (
            (
                "Traders sold on Monday. A new report from London said that sales fell "
                "sharply in the first quarter."
            ),
            "A new report from London",
        ),
    ],
)
def test_studies_speak_for_their_authors(text, name):
    assert _last_quote(text).speaker == name


# Acronyms of common nouns are no organisations for "it".
def test_common_acronyms_are_no_antecedents():
    text = (
        "Analysts at Jupiter Research published a study. Broadband is growing in the "
        "UK, said the report. It said TV companies faced a threat."
    )
    assert _last_quote(text).speaker == "Jupiter Research"


# A capital in a place phrase ("in north London") is the city, not its
# government: no antecedent for "it".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Argonaut Games has been put up for sale. The London based company has "
                "sacked staff. Argonaut warned in August that it was low on cash. Along "
                "with its headquarters in north London, it operates studios in Cambridge. "
                "In October it warned it was heading for losses of six million pounds."
            ),
            "Argonaut",
        ),
        # negative: a capital as the subject speaks for its government
        (
            (
                "Talks stalled on Monday. Moscow rejected the plan. Later it said the "
                "offer was an insult to the country."
            ),
            "Moscow",
        ),
    ],
)
def test_capitals_in_place_phrases_are_places(text, name):
    assert _last_quote(text).speaker == name


# A bare quantity as the speaker is a share of the group a partitive speaker named just
# before ("65% of those questioned said ... 18% said").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "The move was strongest in South Korea, where 65% of those questioned "
                "said they make most calls from a mobile. 18% said they would not get a "
                "landline if they moved house."
            ),
            "18% of those questioned",
        ),
        # negative: no group named before
        (
            (
                "Broadband is spreading fast in Europe this year. In homes with "
                "broadband, 40% said they were spending less time watching TV."
            ),
            "40%",
        ),
    ],
)
def test_bare_quantities_share_the_group_before(text, name):
    assert _last_quote(text).speaker == name


# "the organisation" after an organisation the gazetteer does not list; "the company"
# after an unlisted company with a company head word.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Browsers could warn users. CENTR, the Council of European National Top "
                "Level Domain Registries, agrees. Such a step would harm public trust in "
                "the new names, the organisation said in a statement."
            ),
            "Council of European National Top Level Domain Registries",
        ),
        (
            (
                "Staff were sent home. Argonaut Games has been put up for sale. It had "
                "run out of cash after deals were delayed, the company said."
            ),
            "Argonaut Games",
        ),
        # negative: an unlisted body with no company head word is no "company"
        (
            (
                "Browsers could warn users. The Domain Council agrees with the plan. "
                "Such a step would harm public trust in the names, the company said."
            ),
            "company",
        ),
    ],
)
def test_unlisted_organisations_for_role_nouns(text, name):
    assert _last_quote(text).speaker == name


# A fronted place with no comma before the subject ("In the UK 69% of those questioned
# said"); a month is no place.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Phones\n\nMobiles won. In the UK 69% of those questioned said they used "
                "the fixed phone because it was cheaper."
            ),
            "69% of those questioned",
        ),
        (
            (
                "Phones\n\nMobiles won. In the US and Germany many of those interviewed "
                "said they used the fixed phone because it was more reliable."
            ),
            "many of those interviewed",
        ),
    ],
)
def test_subject_after_a_fronted_place(text, name):
    assert _last_quote(text).speaker == name


# A name someone works at or speaks for is an organisation everywhere in the story, no
# person for "he".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Search sites\n\n"The future is personal," said Tony Macklin, spokesman '
                "for Ask Jeeves. Ask Jeeves has added the ability to save sites. "
                '"It is about finding again what you found before," he said.'
            ),
            "Tony Macklin",
        ),
        (
            (
                'Search sites\n\n"The competition has validated the problem," said '
                "Suranga Chandratillake, co founder of Blinkx. Blinkx is desktop "
                'search software. "Users do not stop using other systems," he said.'
            ),
            "Suranga Chandratillake",
        ),
        # negative: a person's surname stays a person ("spokesman for Sanders")
        (
            (
                "Rallies\n\nBernie Sanders spoke in Ohio. Michael Briggs, a spokesman for "
                "Sanders, agreed. Later he said the plan was sound."
            ),
            "Michael Briggs",
        ),
    ],
)
def test_employers_are_organisations(text, name):
    assert _last_quote(text).speaker == name


# "the company" is the listed company named in its sentence or the one before, before an
# older speaker.
def test_company_named_just_before_wins():
    text = (
        "Oil\n\nMenatep Group said it would sue. Its managing director Tim Osborne told "
        'Reuters: "We will fight them."\n\nRosneft officials were unavailable for '
        "comment. But the company has said it intends to take action against Menatep "
        "to recover some debts."
    )
    assert _last_quote(text).speaker == "Rosneft"


# A person named before where they work ("Herbert Hansen of Respond's partner Keyobs");
# a body's name before a person's ("Chief Secretary to the Treasury Paul Boateng").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Maps\n\nMaps help. "A map is a working document," explains Herbert '
                "Hansen of Respond's Belgian partner Keyobs."
            ),
            "Herbert Hansen",
        ),
        (
            (
                "Tax\n\nCuts loom. Chief Secretary to the Treasury Paul Boateng said "
                "the Tory plans would mean cuts to schools."
            ),
            "Paul Boateng",
        ),
        # negatives: a body's name ending in an organisation word; a title of its own
        (
            (
                "Fund\n\nThe Trayvon Martin Foundation said the case was closed and "
                "would not be reopened."
            ),
            "Trayvon Martin Foundation",
        ),
        (
            "Tax\n\nMr Smith met Chairman John Smith, who said it was fine by him.",
            "John Smith",
        ),
    ],
)
def test_person_after_a_body_or_before_an_employer(text, name):
    assert _last_quote(text).speaker == name


# An inverted role named in apposition after an acronym: "said RNID technology
# director, Guido Gybels".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Deaf\n\n"There are no reasons for not providing access," said RNID '
                "technology director, Guido Gybels."
            ),
            "Guido Gybels",
        ),
        (
            (
                'Deaf\n\n"There are no reasons for not providing access," said the '
                "technology director, Guido Gybels."
            ),
            "Guido Gybels",
        ),
    ],
)
def test_inverted_role_then_name(text, name):
    assert _last_quote(text).speaker == name


# A capitalised role in apposition after a full name ("David Cameron, MP for Witney,
# added", "Carol Walker, BBC News 24 political correspondent, added"): the name speaks.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Row\n\nCrime rose. Carol Walker, BBC News 24 political correspondent, "
                'added: "There is a real concern."'
            ),
            "Carol Walker",
        ),
        (
            (
                "Row\n\nCrime rose. Conservative policy co ordinator David Cameron, MP "
                'for Witney, added: "If it was not so serious it would be funny."'
            ),
            "David Cameron",
        ),
        # negative: a role before a titled name is no full name; the titled name speaks
        (
            (
                "Row\n\nTalks failed. The chairman of the Joint Chiefs of Staff, Gen. "
                "Joseph Dunford, said the plan would not work."
            ),
            "Joseph Dunford",
        ),
    ],
)
def test_capitalised_role_after_a_name(text, name):
    assert _last_quote(text).speaker == name


# A person's name starts at its first name: capitalised labels before it are no part
# of it ("Billionaire Donald Trump", "Tory Shadow Chancellor Oliver Letwin").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Billionaire Donald Trump said the deal was a disaster.", "Donald Trump"),
        (
            '"We will cut taxes," said Tory Shadow Chancellor Oliver Letwin.',
            "Oliver Letwin",
        ),
        ("Californian Thomas Slattery said he was suing the firm.", "Thomas Slattery"),
        (
            "Supreme Court Justice Ruth Bader Ginsburg said the case was hard.",
            "Ruth Bader Ginsburg",
        ),
        (
            "The US Secretary of Energy Spencer Abraham said the machine was fast.",
            "Spencer Abraham",
        ),
        # negatives: initials, a group of people, a plural title, an organisation
        (
            "He consulted scholar A.E. Dick Howard, who said the law was clear.",
            "A.E. Dick Howard",
        ),
        (
            "Supporters of Hillary Clinton said the vote was unfair.",
            "Supporters of Hillary Clinton",
        ),
        (
            "Senators Charles Grassley and Patrick Leahy said the bill was flawed.",
            "Senators Charles Grassley and Patrick Leahy",
        ),
        (
            "The Trayvon Martin Foundation said the march would go ahead.",
            "Trayvon Martin Foundation",
        ),
    ],
)
def test_names_start_at_the_first_name(text, name):
    assert [q.speaker for q in quotes.extract(text)] == [name]


# "General" opens company names ("General Motors") and follows "&" in them ("Daily Mail
# & General Trust"): no military title there; before a person's name it still is one.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Deal\n\nShares rose. The Daily Mail & General Trust announced that it would "
                "bid for the paper."
            ),
            "Daily Mail & General Trust",
        ),
        (
            (
                "Sales\n\nShares fell. General Motors said that sales fell by a tenth in "
                "the quarter."
            ),
            "General Motors",
        ),
        (
            (
                "Sales\n\nShares fell. Acme General Insurance said that sales fell by a "
                "tenth in the quarter."
            ),
            "Acme General Insurance",
        ),
        # negatives: a title before a person's name
        (
            (
                "War\n\nTroops left. General Dunford said that the war would go on for a "
                "long time."
            ),
            "Dunford",
        ),
        (
            (
                "Sales\n\nShares fell. Wells Fargo CEO John Stumpf said that sales fell by a "
                "tenth in the quarter."
            ),
            "John Stumpf",
        ),
    ],
)
def test_general_in_company_names(text, name):
    assert _last_quote(text).speaker == name


# A work speaks for its author ("The book, by ... Robert Peston", "a speech by Mr
# Brown"); letters after a person's name are no part of it ("Frank Field MP").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Row\n\nThe minister was angry. The book, by Sunday Telegraph journalist "
                "Robert Peston and serialised in the paper, said that the two men had "
                "argued for years."
            ),
            "Robert Peston",
        ),
        (
            (
                "Row\n\nGordon Brown spoke on Monday. A long planned speech by Mr Brown "
                "said that growth would return."
            ),
            "Gordon Brown",
        ),
        (
            (
                "Row\n\nThe vote was close all day. Former welfare minister Frank Field "
                "MP said the plan was wrong."
            ),
            "Frank Field",
        ),
        # negatives: a seat is no first name; a work by no one named keeps the work
        (
            (
                "Row\n\nThe vote was close all day. "
                '"It is wrong," said the Mid Bedfordshire MP.'
            ),
            "Mid Bedfordshire MP",
        ),
        (
            (
                "Row\n\nThe vote was close all day. A statement by the company said "
                "that the plan was wrong."
            ),
            "A statement by the company",
        ),
    ],
)
def test_works_speak_for_their_authors(text, name):
    assert _last_quote(text).speaker == name


# A deputy holds none of the words after "Deputy": "Deputy Prime Minister John Prescott"
# is no prime minister; "the deputy prime minister" is still him.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Row\n\nTony Blair met ministers on Monday. At a dinner hosted by Deputy "
                "Prime Minister John Prescott, the talks went on. The prime minister "
                "said that he would stay in office."
            ),
            "Tony Blair",
        ),
        # negative: the deputy's own office
        (
            (
                "Row\n\nDeputy Prime Minister John Prescott spoke first. The deputy prime "
                "minister said that the bill would pass."
            ),
            "John Prescott",
        ),
    ],
)
def test_deputies_hold_no_office_after_deputy(text, name):
    assert _last_quote(text).speaker == name


# A role owned by an organisation or a person, then the name in apposition: the name
# speaks ("IBM's senior vice president of technology and manufacturing, Nick Donofrio").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Row\n\nThe machine is fast. IBM's senior vice president of technology "
                "and manufacturing, Nick Donofrio, believes that the machine will be "
                "faster by 2006."
            ),
            "Nick Donofrio",
        ),
        (
            (
                "Row\n\nThe race is close. Sanders's campaign manager, Jeff Weaver, said "
                "that the race was far from over."
            ),
            "Jeff Weaver",
        ),
        # negative: with no name in apposition the role phrase stays the speaker
        (
            (
                "Row\n\nThe race is close. Jeff Weaver runs the campaign. Sanders's "
                "campaign manager said that the race was far from over."
            ),
            "Sanders's campaign manager",
        ),
    ],
)
def test_owned_role_then_name(text, name):
    assert _last_quote(text).speaker == name
