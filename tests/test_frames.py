import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import frames

GOLDEN = Path(__file__).parent / "golden" / "000_1bbc821df740a206.frames.json"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_result(seed_text):
    return frames.analyze(seed_text)


# ---- seed checks (../shared/eval/seed_gold.json) ----------------------------------


def test_seed_hedges_all_found(seed_text, seed_result, seed_gold):
    hedgy = [c for c in seed_result.cues if c.kind in ("hedge", "evidential")]
    missed = [
        h["text"]
        for h in seed_gold["hedges"]
        if not any(c.start < h["span"][1] and c.end > h["span"][0] for c in hedgy)
    ]
    assert missed == []


def test_seed_troop_claims_are_hedged(seed_result, seed_gold):
    troops = [
        c
        for c in seed_result.claims
        if "thousands of North Korean troops" in c.text or "10,000 troops" in c.text
    ]
    assert len(troops) == 2
    assert all(c.certainty < 0.5 for c in troops)
    by_text = {("10,000" in c.text): c for c in troops}
    assert by_text[False].source == "unattributed"  # "reportedly", no named source
    assert by_text[False].source_type == "anonymous or vague"


def test_seed_intelligence_claim(seed_result, seed_gold):
    pytest.importorskip("analysis.quotes")
    claim = next(c for c in seed_result.claims if "10,000 troops" in c.text)
    assert claim.source_type == "intelligence"
    assert "Intelligence reports" in claim.source


def test_seed_ratification_from_state_media(seed_result, seed_gold):
    pytest.importorskip("analysis.quotes")
    claim = next(c for c in seed_result.claims if "ratified defence pact" in c.text)
    assert claim.source_type == "state media"


def test_seed_primary_frame(seed_result, seed_gold):
    assert seed_result.primary_frame == "Security and defense"
    assert seed_result.generic_frame == "Conflict"


# ---- golden file: the framing layer alone (no quotes, no actors) -----------------


def _golden_view(result):
    return {
        "cues": [
            [c.kind, c.label, c.start, c.end, c.text, c.sentence]
            for c in result.cues
            if c.kind != "frame"
        ],
        "frame_cues": [
            [c.label, c.start, c.end] for c in result.cues if c.kind == "frame"
        ],
        "claims": [
            [c.start, c.end, round(c.certainty, 4), c.source, c.source_type]
            for c in result.claims
        ],
        "frames": [
            [f.family, f.frame, round(f.score, 4), f.hits]
            for f in result.frames
            if f.hits
        ],
        "primary_frame": result.primary_frame,
        "policy_frames": list(result.policy_frames),
        "generic_frame": result.generic_frame,
        "episodic": [result.episodic.label, round(result.episodic.score, 4)],
    }


def test_golden_seed(seed_text, update_golden):
    current = _golden_view(frames.analyze(seed_text, quotes=[], mentions=[]))
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(current, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(
                f"wrote missing golden file {GOLDEN.name}; review and commit it"
            )
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert current == expected


# ---- invariants ---------------------------------------------------------------------


def _key(c):
    return (c.start, c.end, c.kind, c.label)


@pytest.mark.parametrize("with_quotes", [True, False])
def test_invariants(seed_text, with_quotes):
    kwargs = {} if with_quotes else {"quotes": [], "mentions": []}
    result = frames.analyze(seed_text, **kwargs)
    assert list(result.cues) == sorted(result.cues, key=_key)
    for c in result.cues:
        assert seed_text[c.start : c.end] == c.text
    claims = list(result.claims)
    assert claims == sorted(claims, key=lambda c: (c.start, c.end, c.source))
    for c in claims:
        assert seed_text[c.start : c.end] == c.text
        assert 0.0 <= c.certainty <= 1.0
        for cue in c.cues:
            assert seed_text[cue.start : cue.end] == cue.text
    for family in frames.FAMILIES:
        scores = [f.score for f in result.frames if f.family == family]
        assert len(scores) == len(frames.FAMILIES[family])
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert sum(scores) == pytest.approx(1.0) or sum(scores) == 0.0
    for f in result.frames:
        assert f.hits == len(f.evidence)
        assert all(seed_text[c.start : c.end] == c.text for c in f.evidence)


def test_without_quotes_every_claim_is_the_narrators(seed_text):
    result = frames.analyze(seed_text, quotes=[], mentions=[])
    body = list(result.claims)
    assert {c.source for c in body} <= {"narrator", "unattributed"}
    assert all(c.actors == () for c in body)
    assert result.speakers == ()
    assert result.source_types == ()


# ---- frames, loaded words, episodic/thematic -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "frame"),
    [
        ("The Senate passed the tax bill after a long debate.", "Economic"),
        ("Troops and tanks massed near the border.", "Security and defense"),
        ("Police arrested three suspects on fraud charges.", "Crime and punishment"),
        (
            "The Supreme Court ruled the law unconstitutional.",
            "Legality, constitutionality and jurisprudence",
        ),
        ("A new poll shows voters' approval rating slipping.", "Public opinion"),
        ("Hospitals struggled with the virus outbreak.", "Health and safety"),
        (
            "Sanctions damaged the country's reputation abroad.",
            "External regulation and reputation",
        ),
        ("Republican candidates campaigned before the election.", "Political"),
        (
            "Critics called the policy discriminatory and unfair.",
            "Fairness and equality",
        ),
    ],
)
def test_frame_cues(sentence, frame):
    labels = {c.label for c in frames.frame_cues(sentence)}
    assert frame in labels


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Foreign Minister Choe Son Hui visited Moscow.", "Son"),  # a name, not "son"
        ("Bill Price spoke at the event.", "Price"),
        ("The think tank met on Monday.", "tank"),
    ],
)
def test_names_are_not_frame_cues(sentence, word):
    assert word not in [c.text for c in frames.frame_cues(sentence)]


# (sentence, cue word, frame it signals there or None): every sense rule of
# frame_senses.tsv with a negative (the word in another sense) and a positive (its
# frame sense) beside it.
SENSES = [
    ("Gatlin is the biggest threat to his ambitions.", "threat", None),
    ("Rivals are threats to its market share.", "threats", None),
    ("The militia is a threat to the capital.", "threat", "Security and defense"),
    ("He was granted the honour for services to sport.", "honour", None),
    ("It is an honour to play for my country.", "honour", None),
    ("She got the highest honour of the state.", "honour", None),
    ("He won the highest honor in physics.", "honor", None),
    ("It is an honor to serve.", "honor", None),
    ("He said the deal would honour the dead.", "honour", "Morality"),
    ("Airport security lines stretched for hours.", "security", None),
    ("Passengers waited at the security checkpoint.", "security", None),
    ("The security guard locked the doors.", "security", None),
    ("The airport's security staff helped.", "security", None),
    ("Apple fixed a security flaw in the phone.", "security", None),
    ("Workers fear for their job security.", "job security", "Economic"),
    ("Farmers markets are busy in summer.", "markets", None),
    ("Markets fell on Monday.", "Markets", "Economic"),
    ("Panic attacks are common.", "attacks", None),
    (
        "Custody battles drag on.",
        "battles",
        "Legality, constitutionality and jurisprudence",
    ),
    ("Price wars hurt small shops.", "wars", "Economic"),
    ("Tennis courts reopened.", "courts", None),
    ("Ad campaigns cost millions.", "campaigns", None),
    ("Retirees want financial security.", "security", "Economic"),
    ("Drought threatens food security.", "security", "Health and safety"),
    ("The pact strengthens regional security.", "security", "Security and defense"),
    ("He wrote in defence of Keith.", "defence", None),
    ("She spoke in defense of the teachers.", "defense", None),
    ("He rose to his defence.", "defence", None),
    (
        "The defence lawyer objected.",
        "defence",
        "Legality, constitutionality and jurisprudence",
    ),
    ("Troops died in defense of the homeland.", "defense", "Security and defense"),
    ("The ministry raised defence spending.", "defence", "Security and defense"),
    ("The defensive end was injured.", "defensive", None),
    ("The army took defensive positions.", "defensive", "Security and defense"),
    ("Critics blame grade inflation.", "inflation", None),
    ("Inflation rose to 6% in May.", "Inflation", "Economic"),
    ("The incident commander ordered an evacuation.", "commander", None),
    ("The fire commander praised the crews.", "commander", None),
    ("The rebel commander was captured.", "commander", "Security and defense"),
    ("The farmers market opens on Sunday.", "market", None),
    ("The stock fell as the market slid.", "market", "Economic"),
    ("He flew economy class to Paris.", "economy", None),
    ("The economy shrank last quarter.", "economy", "Economic"),
    ("She booked a budget airline.", "budget", None),
    ("The city cut its budget.", "budget", "Economic"),
    (
        "The legal battle lasted years.",
        "battle",
        "Legality, constitutionality and jurisprudence",
    ),
    ("The battle for the town raged.", "battle", "Security and defense"),
    ("The primary battle turned nasty.", "battle", None),
    ("Budget battles stalled Congress.", "battles", None),
    ("He accused them of political warfare.", "warfare", None),
    ("Drone warfare changed the front.", "warfare", "Security and defense"),
    ("He flew north to court voters.", "court", None),
    ("A price war hit the airlines.", "war", "Economic"),
    ("The culture war over schools grew.", "war", "Cultural identity"),
    ("The war on drugs failed.", "war", "Crime and punishment"),
    ("The war killed thousands.", "war", "Security and defense"),
    ("She held the baby in her arms.", "arms", None),
    ("He wrapped his arms around her.", "arms", None),
    ("The arms embargo was lifted.", "arms", "Security and defense"),
    ("He apologised for offensive remarks.", "offensive", None),
    ("The tweet was deeply offensive.", "offensive", None),
    ("The army launched an offensive.", "offensive", "Security and defense"),
    ("The car deployed its airbags.", "deployed", None),
    ("The firm deployed the software update.", "deployed", None),
    ("The Pentagon deployed troops.", "deployed", "Security and defense"),
    ("SpaceX launched a rocket to orbit.", "rocket", None),
    ("A rocket launch was delayed by weather.", "rocket", None),
    ("Militants fired a rocket at the base.", "rocket", "Security and defense"),
    ("She had a heart attack.", "attack", None),
    ("The rebels launched an attack.", "attack", "S&V: Conflict"),
    ("Film critics loved the movie.", "critics", None),
    ("Critics of the bill protested.", "Critics", "S&V: Conflict"),
    ("She collected sea shells.", "shells", None),
    ("Artillery shells hit the town.", "shells", "Security and defense"),
    ("The advertising campaign won awards.", "campaign", None),
    ("A vaccination campaign began.", "campaign", None),
    ("The senator's campaign raised money.", "campaign", "Political"),
    ("They installed a kitchen cabinet.", "cabinet", None),
    ("The cabinet met on Monday.", "cabinet", "Political"),
    ("Kids played on the basketball court.", "court", None),
    (
        "The court upheld the ban.",
        "court",
        "Legality, constitutionality and jurisprudence",
    ),
    (
        "It was an invasion of privacy.",
        "invasion",
        "Legality, constitutionality and jurisprudence",
    ),
    ("Fans staged a pitch invasion.", "invasion", None),
    ("The invasion began at dawn.", "invasion", "Security and defense"),
    ("His occupation was listed as farmer.", "occupation", None),
    ("Students held a rally at the Capitol.", "rally", "Public opinion"),
    ("He spoke at a campaign rally in Ohio.", "rally", "Political"),
    ("Election rallies drew crowds.", "rallies", "Political"),
    ("A stock market rally lifted banks.", "rally", "Economic"),
    ("The rally in stocks faded.", "rally", "Economic"),
    ("The rally driver crashed.", "rally", None),
    ("A Clinton ally resigned.", "ally", None),
    ("She is an ally of John Smith.", "ally", None),
    ("Japan is a close ally of the US.", "ally", "External regulation and reputation"),
    ("His political allies stayed quiet.", "allies", None),
    ("NATO allies met in Brussels.", "allies", "External regulation and reputation"),
    ("They took a charter flight home.", "charter", None),
    ("The city opened a charter school.", "charter", None),
    ("The rich lease or charter them instead.", "charter", None),
    ("He works as a private-jet charter broker.", "charter", None),
    (
        "The UN charter forbids it.",
        "charter",
        "Legality, constitutionality and jurisprudence",
    ),
    ("He called it a threat to democracy.", "threat", None),
    ("Trump was a threat to America's democracy.", "threat", None),
    ("The missile is a threat to the region.", "threat", "Security and defense"),
    ("He worried about his reputation.", "reputation", None),
    ("She got a reputation as a troublemaker.", "reputation", None),
    (
        "The war hurt the nation's reputation abroad.",
        "reputation",
        "External regulation and reputation",
    ),
    ("Farmers in Western Canada fear drought.", "Western", None),
    (
        "Western leaders imposed sanctions.",
        "Western",
        "External regulation and reputation",
    ),
    ("Voters raised legitimate concerns.", "legitimate", None),
    (
        "He called the vote legitimate.",
        "legitimate",
        "Legality, constitutionality and jurisprudence",
    ),
    ("Cuts will shred the social safety net.", "safety net", "Economic"),
    (
        "The occupation of the territory continued.",
        "occupation",
        "Security and defense",
    ),
]


@pytest.mark.parametrize(("sentence", "word", "frame"), SENSES)
def test_cue_counts_only_in_its_frame_sense(sentence, word, frame):
    labels = {c.label for c in frames.frame_cues(sentence) if c.text == word}
    if frame is None:
        assert labels == set()  # no frame of either family
    else:
        assert frame in labels


def test_every_sense_rule_has_a_test():
    tested = {w.lower() for _, w, _ in SENSES}
    rules = {
        cue.rstrip("*").lower()
        for _, cue, *_ in frames.lexicons.table("frame_senses.tsv", 5)
    }
    missing = [r for r in rules if not any(t.startswith(r) for t in tested)]
    assert missing == []


# (text, policy frames selected): one sentence of evidence does not make a frame in a
# longer story; a headline can state it; common words cannot carry a frame alone.
SELECTION = [
    (
        (
            "Storm snarls holiday travel\n\nA winter storm hit the Midwest, delaying "
            "flights. Airport security lines stretched for hours. The incident commander "
            "said crews were clearing runways. Security at the terminal was tight."
        ),
        (),
    ),
    (
        (
            "Critics question the plan\n\nThe town will repaint the bridge in May. "
            "Residents were asked to use another road. Work starts on Monday."
        ),
        (),
    ),
    (
        (
            "Troops mass on the border\n\nThe army moved tanks north on Friday. "
            "Officials said the deployment would last a month."
        ),
        ("Security and defense",),
    ),
    (
        (
            "China blocks Gmail as censorship tightens\n\nChina has blocked Gmail, in "
            "what critics called a new step in the censorship of the internet. Users "
            "said the service had been down since Friday. Investors worried that "
            "Google's business in China, a huge market, would suffer."
        ),
        ("Legality, constitutionality and jurisprudence",),
    ),
    (
        (
            "Plane skids off runway in snow\n\nA jet skidded off a runway on "
            "Thursday as snow fell. Passengers in economy class left by the slide. "
            "The airport's security staff helped travellers to the terminal."
        ),
        (),
    ),
    (
        (
            "Apple fixes security flaw in iPhones\n\nApple released a software "
            "update to fix a security flaw. The company deployed the update to all "
            "models. Security researchers urged users to install it."
        ),
        (),
    ),
    (
        (
            "Exam results published\n\nIn defence of Keith, the former minister said "
            "grade inflation was a myth. Pupils collected their results on Thursday."
        ),
        (),
    ),
]


@pytest.mark.parametrize(("text", "selected"), SELECTION)
def test_selected_policy_frames(text, selected):
    assert frames.judge(text).selected == selected


def test_no_dominant_frame_is_said():
    from analysis import tables

    result = frames.analyze(SELECTION[0][0], quotes=[], mentions=[])
    assert result.primary_frame == "Other"
    assert "no dominant frame" in str(tables.framing_answer(result)).lower()


def test_policy_and_generic_frames_are_separate_answers(seed_text):
    from analysis import tables

    result = frames.analyze(seed_text, quotes=[], mentions=[])
    policy = tables.frame_profile(result, "policy")
    generic = tables.frame_profile(result, "generic")
    assert set(policy["frame"]) <= set(frames.MFC_FRAMES)
    assert set(generic["frame"]) <= set(frames.GENERIC_FRAMES)
    assert policy["score"].sum() == pytest.approx(1.0)
    assert generic["score"].sum() == pytest.approx(1.0)
    assert policy["frame"].iloc[0] == "Security and defense"


def test_common_words_weigh_less_than_specific_ones():
    weights = {
        c.text: c.weight
        for c in frames.frame_cues("Critics said troops used artillery.")
    }
    assert weights["Critics"] < weights["artillery"]
    assert all(0 < w <= 1 for w in weights.values())


# (headline, cue words that count): in a Title Case headline every long word is
# capitalised, so capitals there do not mark names; in a sentence-case line they do.
TITLE_CASE = [
    ("Students Lead Huge Rallies for Gun Control", ["Rallies", "Gun Control"]),
    ("Parkland Students Protest in Tallahassee", ["Protest"]),
    ("Foreign Minister Choe Son Hui visited Moscow", ["Foreign Minister"]),
    ("Bill Price says troops will stay", ["troops"]),
]


@pytest.mark.parametrize(("headline", "words"), TITLE_CASE)
def test_title_case_headlines(headline, words):
    found = [
        c.text for c in frames.frame_cues(headline) if not c.label.startswith("S&V")
    ]
    assert found == words


def test_capitalised_cue_at_sentence_start():
    assert "Troops" in [
        c.text for c in frames.frame_cues("Troops left. Son and father wept.")
    ]
    assert "Son" in [
        c.text for c in frames.frame_cues("Troops left. Son and father wept.")
    ]


def test_headline_and_lead_weigh_more():
    text = (
        "Troops deployed to the border\n\n"
        "The army sent soldiers north.\n\n"
        "Later, the budget debate resumed. Taxes and spending were discussed. "
        "The economy grew and jobs rose."
    )
    result = frames.analyze(text, quotes=[], mentions=[])
    security = next(f for f in result.frames if f.frame == "Security and defense")
    economic = next(f for f in result.frames if f.frame == "Economic")
    assert economic.hits > security.hits
    assert security.weighted > economic.weighted
    assert result.primary_frame == "Security and defense"


def test_too_few_cues_is_other():
    text = "The troops left. The weather was fine and the river rose."
    result = frames.analyze(text, quotes=[], mentions=[])
    assert result.primary_frame == "Other"
    assert result.policy_frames == ()


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The regime's brutal crackdown shocked observers.", "pejorative"),
        ("It was a horrific massacre.", "emotive"),
        ("She called it a sacred struggle.", "emotive"),
        ("He called the probe a phony scandal.", "pejorative"),
        ("The senator lashed out at reporters.", "emotive"),
    ],
)
def test_loaded(sentence, label):
    assert label in {c.label for c in frames.loaded(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee met on Tuesday to discuss the budget.",
        "The pension scheme pays out monthly.",  # British "scheme" is neutral
        "Toxic chemicals leaked into the river.",  # literal toxicity
        "The far-right party won seats.",  # a description, not a slur
    ],
)
def test_neutral_words_are_not_loaded(sentence):
    assert frames.loaded(sentence) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The mayor resigned on Tuesday. He left at 5 p.m. yesterday.", "episodic"),
        ("Unemployment has risen 3 percent since 2010, a long-term trend.", "thematic"),
        ("The cat sat on the mat.", "none"),
    ],
)
def test_episodic_thematic(text, label):
    assert frames.episodic_thematic(text).label == label


# ---- bad input and the command line ---------------------------------------------------


@pytest.mark.parametrize("text", ["", " \n\t", "\x00\x01\x02", "“ ” ‘", "A" * 5000])
def test_odd_text(text):
    result = frames.analyze(text, quotes=[], mentions=[])
    assert result.primary_frame == "Other" or result.primary_frame in frames.MFC_FRAMES
    judged = frames.judge(text)
    assert judged == frames.judge(text)
    assert judged.primary == result.primary_frame
    for c in result.cues:
        assert text[c.start : c.end] == c.text


def test_not_a_string():
    with pytest.raises(TypeError, match="str"):
        frames.analyze(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        frames.judge(None)  # type: ignore[arg-type]


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "frames", *args],
        capture_output=True,
        check=False,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_json(seed_path):
    out = _cli(str(seed_path), "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert {"cues", "claims", "frames", "primary_frame"} <= set(obj)
    assert obj["primary_frame"] == "Security and defense"
    assert {"kind", "label", "start", "end", "text", "sentence"} <= set(obj["cues"][0])
    assert {"start", "end", "text", "certainty", "source", "actors", "cues"} <= set(
        obj["claims"][0]
    )


def test_cli_csv_prints_claims(seed_path):
    out = _cli(str(seed_path), "--format", "csv", "--rows", "claims")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("article,sentence,start,end,certainty,source")
    assert len(lines) - 1 == len(
        frames.analyze(seed_path.read_text(encoding="utf-8")).claims
    )


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_cli_prints_the_frame_profile_with_evidence(seed_path, fmt):
    out = _cli(str(seed_path), "--format", fmt)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert {"frame", "words", "evidence"} <= set(re.split(r"[\s,]+", lines[0]))
    first = lines[1]
    assert first.split(",")[1:2] == ["policy"] or first.startswith("policy")
    assert "Security and defense" in first
    assert "troops" in first
    generic = [line for line in lines if "generic" in line]
    assert generic
    assert all("Security and defense" not in line for line in generic)


def test_cli_bad_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = _cli(str(empty), "--format", "json")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "empty.txt" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_records_make_dataframes_with_fixed_columns(seed_text):
    from analysis import tables

    result = frames.analyze(seed_text, quotes=[], mentions=[])
    for records, kind in (
        (result.cues, frames.Cue),
        (result.claims, frames.Claim),
        (result.frames, frames.FrameScore),
    ):
        full = tables.to_frame(records, kind)
        empty = tables.to_frame([], kind)
        assert list(full.columns) == list(empty.columns)
        assert len(full) == len(records)
        assert len(empty) == 0
