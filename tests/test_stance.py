import dataclasses
import json
import subprocess
import sys

import pytest

from analysis import stance
from analysis.document import Document
from tests.conftest import needs_shared


def _span(text, name, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Critics accused Smith of lying to investigators.", "Smith", "negative"),
        ("Smith was arrested for fraud.", "Smith", "negative"),
        ("Smith is a corrupt liar.", "Smith", "negative"),
        ("Smith was praised for her courage by colleagues.", "Smith", "positive"),
        ("Smith won a landslide victory.", "Smith", "positive"),
        ("Smith met reporters on Tuesday.", "Smith", "neutral"),
        # Two targets, two tones: the patient of "attacked" is negative.
        ("Jones attacked Smith, who had defended the refugees.", "Smith", "negative"),
        ("The senator praised Smith but condemned Jones.", "Smith", "positive"),
        # the act aimed at the target ("condemned Jones") is a feature of its own
        ("The senator praised Smith but condemned Jones.", "Jones", "negative"),
    ],
)
def test_target_sentiment_table(text, target, expected):
    start, end = _span(text, target)
    assert stance.label(stance.target_sentiment(text, start, end)) == expected


def test_negation_is_not_negative():
    text = "Smith was not a failure."
    negated = stance.target_sentiment(text, 0, 5)
    plain = stance.target_sentiment("Smith was a failure.", 0, 5)
    assert stance.label(negated) != "negative"
    assert negated > plain


def test_same_sentence_different_targets():
    # A target-blind scorer would give both the same score.
    text = "Jones attacked Smith, who had defended the refugees."
    assert stance.target_sentiment(text, *_span(text, "Smith")) != pytest.approx(
        stance.target_sentiment(text, *_span(text, "Jones"))
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, "positive"),
        (0.051, "positive"),
        (0.05, "neutral"),
        (0.0, "neutral"),
        (-0.05, "neutral"),
        (-0.3, "negative"),
    ],
)
def test_label_thresholds(value, expected):
    assert stance.label(value) == expected


@pytest.mark.parametrize(
    "probs",
    [
        (0.7, 0.2, 0.1),
        (0.1, 0.2, 0.7),
        (0.2, 0.6, 0.2),
        (0.45, 0.1, 0.45),
        (0.0, 0.0, 1.0),
    ],
)
def test_score_label_is_the_most_probable_class(probs):
    value = stance.to_score(*probs)
    assert -1.0 <= value <= 1.0
    winner = stance.CLASSES[max(range(3), key=lambda k: (probs[k], k == 1))]
    if probs[0] == probs[2] and probs[1] < probs[0]:
        return  # a tie between the polar classes has no single winner
    assert stance.label(value) == winner


@pytest.mark.parametrize(
    ("text", "start", "end", "match"),
    [
        ("", 0, 1, "empty"),
        ("   ", 0, 1, "empty"),
        ("Smith spoke.", 3, 3, "empty or outside"),
        ("Smith spoke.", 5, 2, "empty or outside"),
        ("Smith spoke.", -1, 3, "empty or outside"),
        ("Smith spoke.", 6, 40, "empty or outside"),
        ("Smith  spoke.", 5, 7, "white space"),
    ],
)
def test_bad_spans(text, start, end, match):
    with pytest.raises(ValueError, match=match):
        stance.target_sentiment(text, start, end)


def test_scores_in_range_and_deterministic(seed_text):
    import re

    spans = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][a-z]+", seed_text)]
    first = [stance.target_sentiment(seed_text, s, e) for s, e in spans]
    second = [stance.target_sentiment(seed_text, s, e) for s, e in spans]
    assert first == second
    assert all(-1.0 <= v <= 1.0 for v in first)


def test_scoring_equals_the_model_on_all_features(seed_text):
    # target_sentiment sums only the model's features, in parts; the result must be
    # exactly the model applied to the full feature list (what training sees).
    import re

    doc = Document(seed_text)
    spans = [(s.start, s.end) for s in doc.sentences]
    for m in re.finditer(r"[A-Z][a-z]+", seed_text):
        s, e = stance._sentence_of(spans, m.start(), m.end())
        feats = stance.features(seed_text, m.start(), m.end(), s, e)
        expected = stance.to_score(*stance.probabilities(feats))
        assert stance.target_sentiment(doc, m.start(), m.end()) == expected


# --- per-article stances (analysis.actors and analysis.quotes) ---


def _table(seed_text):
    return {(s.holder, s.target): s for s in stance.stances(seed_text)}


def test_stances_records(seed_text):
    found = stance.stances(seed_text)
    assert found
    assert found == stance.stances(seed_text)
    keys = [(s.holder != "narrator", s.holder, s.target) for s in found]
    assert keys == sorted(keys)
    n_sentences = len(stance._sentence_spans(Document(seed_text)))
    for s in found:
        assert -1.0 <= s.score <= 1.0
        assert s.label == stance.label(s.score)
        assert s.mentions >= 1
        assert s.evidence == tuple(sorted(set(s.evidence)))
        assert all(0 <= i < n_sentences for i in s.evidence)
        assert s.holder != s.target
        assert isinstance(s.evidence, tuple)
    assert {f.name for f in dataclasses.fields(stance.Stance)} == {
        "holder",
        "target",
        "score",
        "label",
        "mentions",
        "evidence",
    }


def _expected_cases():
    cases = [
        ("Choe Son Hui", "Russia", "positive", None),
        ("Choe Son Hui", "Vladimir Putin", "positive", None),
        ("narrator", "North Korea", "negative", None),
        (
            "narrator",
            "Russia",
            "negative",
            (
                "the narrated mentions of Russia read as neutral one by one (the war "
                "wording 'Moscow’s ongoing war' sits in the according-to claim of state "
                "media, 'its full-scale offensive' needs pronoun resolution)"
            ),
        ),
        ("Vladimir Putin", "the West", "negative", None),
    ]
    out = []
    for holder, target, label, reason in cases:
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(
            pytest.param(holder, target, label, marks=marks, id=f"{holder}->{target}")
        )
    return out


@needs_shared
@pytest.mark.parametrize(("holder", "target", "expected"), _expected_cases())
def test_seed_stance_expected(seed_text, seed_gold, holder, target, expected):
    assert seed_gold["stance_expected"][holder][target] == expected
    table = _table(seed_text)
    assert (holder, target) in table, f"no stance of {holder} toward {target}"
    assert table[(holder, target)].label == expected


def test_gold_table_is_covered(seed_gold):
    # Every stance the gold names is one of the parametrized cases above.
    named = {
        (h, t) for h, targets in seed_gold["stance_expected"].items() for t in targets
    }
    covered = {(p.values[0], p.values[1]) for p in _expected_cases()}
    assert named <= covered


def test_putin_stance_comes_from_a_speech_act(seed_text):
    entry = _table(seed_text)[("Vladimir Putin", "the West")]
    sentence = stance._sentence_spans(Document(seed_text))[entry.evidence[0]]
    assert "criticism" in seed_text[sentence[0] : sentence[1]]


@pytest.mark.parametrize(
    ("text", "holder", "target", "expected"),
    [
        (
            "Moscow. Putin condemned NATO on Friday.",
            "Vladimir Putin",
            "NATO",
            "negative",
        ),
        (
            "Moscow. Putin praised China on Friday.",
            "Vladimir Putin",
            "China",
            "positive",
        ),
        # A negated act carries no stance.
        (
            "Moscow. Putin did not condemn NATO on Friday.",
            "Vladimir Putin",
            "NATO",
            None,
        ),
    ],
)
def test_speech_act_stances(text, holder, target, expected):
    acts = {
        (h, m.actor): stance.label(v)
        for h, m, v, _ in stance._speech_acts(
            stance._SentenceTokens(text),
            stance._mentions(Document(text)),
            stance._sentence_spans(Document(text)),
        )
    }
    assert acts.get((holder, target)) == expected


def test_stances_targets_filter(seed_text):
    found = stance.stances(seed_text, targets=["Kremlin"])
    assert found
    assert {s.target for s in found} == {"Russia"}


def test_no_actor_gives_empty_table():
    assert stance.stances("the weather was mild and the river was calm.") == []


@pytest.mark.parametrize("targets", [["Xyzzq Land"], [""], ["   "]])
def test_unknown_target_is_an_error(seed_text, targets):
    with pytest.raises(ValueError, match="target"):
        stance.stances(seed_text, targets=targets)


def test_empty_text_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        stance.stances("  ")


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "stance", *args],
        check=False,
        capture_output=True,
        text=True,
    )


def test_cli_stance_json(seed_path):
    out = _cli(str(seed_path), "--format", "json", "--targets", "Russia,North Korea")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows
    assert {r["target"] for r in rows} <= {"Russia", "North Korea"}
    assert set(rows[0]) == {
        "holder",
        "target",
        "score",
        "label",
        "mentions",
        "evidence",
    }


def test_cli_unknown_target(seed_path):
    out = _cli(str(seed_path), "--targets", "Russia,Xyzzq Land")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Xyzzq Land" in out.stderr


def test_cli_no_actor_table_has_columns(tmp_path):
    path = tmp_path / "calm.txt"
    path.write_text("the weather was mild and the river was calm.\n", encoding="utf-8")
    out = _cli(str(path), "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "article,holder,target,score,label,mentions,evidence"
    ]


# --- directives, rebukes and what happens to an actor ---


@pytest.mark.parametrize(
    ("text", "holder", "target", "expected"),
    [
        # speaker stance from directives and rebukes toward their object
        (
            "State Department spokesman Ned Price urged China to release the activists.",
            "Ned Price",
            "China",
            "negative",
        ),
        (
            "Foreign Secretary David Cameron called on Russia to withdraw its troops.",
            "David Cameron",
            "Russia",
            "negative",
        ),
        (
            "Secretary of State Antony Blinken criticised Beijing over the crackdown.",
            "Antony Blinken",
            "China",
            "negative",
        ),
        (
            "Chancellor Olaf Scholz rebuked Hungary for blocking the aid.",
            "Olaf Scholz",
            "Hungary",
            "negative",
        ),
        (
            "President Emmanuel Macron praised Ukraine for its courage.",
            "Emmanuel Macron",
            "Ukraine",
            "positive",
        ),
    ],
)
def test_speech_act_stance_table(text, holder, target, expected):
    table = {(s.holder, s.target): s.label for s in stance.stances(text)}
    assert table.get((holder, target)) == expected, table


@pytest.mark.parametrize(
    ("text", "holder", "target"),
    [
        # a directive needs its object right after it: no stance toward China here
        (
            "Antony Blinken urged that talks with China resume.",
            "Antony Blinken",
            "China",
        ),
        # negated: no stance either way
        ("Antony Blinken did not criticise China.", "Antony Blinken", "China"),
    ],
)
def test_no_speech_act_stance(text, holder, target):
    acts = stance._speech_acts(
        stance._SentenceTokens(text), stance._mentions(Document(text)), [(0, len(text))]
    )
    assert [(h, m.actor) for h, m, _, _ in acts if h == holder] == []


@pytest.mark.parametrize(
    ("text", "actor", "sign"),
    [
        ("Paul Manafort was arrested on Monday.", "Paul Manafort", -1),
        ("Paul Manafort has been indicted.", "Paul Manafort", -1),
        ("The indictment of Paul Manafort shook Washington.", "Paul Manafort", -1),
        ("Paul Ryan drew fierce criticism on Friday.", "Paul Ryan", -1),
        ("Angela Merkel was praised by the delegates.", "Angela Merkel", 1),
        ("Angela Merkel was re-elected.", "Angela Merkel", 1),
        # negatives: no event
        ("Paul Manafort was not arrested.", "Paul Manafort", 0),
        ("Paul Manafort arrested the thief.", "Paul Manafort", 0),
        ("Angela Merkel spoke on Friday.", "Angela Merkel", 0),
        # the active voice: what the actor wins or loses, what is done to it
        ("Roger Federer won his fifth title on Sunday.", "Roger Federer", 1),
        ("Roger Federer has finally beaten Rafael Nadal.", "Roger Federer", 1),
        ("Roger Federer has finally beaten Rafael Nadal.", "Rafael Nadal", 0),
        ("Roger Federer beat Rafael Nadal in straight sets.", "Rafael Nadal", -1),
        ("Roger Federer, who lost in the final, was upbeat.", "Roger Federer", -1),
        ("Roger Federer narrowly failed to qualify.", "Roger Federer", -1),
        ("The club sacked Jose Mourinho on Monday.", "Jose Mourinho", -1),
        ("The Queen honoured Paul McCartney.", "Paul McCartney", 1),
        # negatives: not happened (modal, negator), or not the actor's own verb
        ("Roger Federer will win the title, pundits say.", "Roger Federer", 0),
        ("Roger Federer did not win the title.", "Roger Federer", 0),
        ("The club has not sacked Jose Mourinho.", "Jose Mourinho", 0),
        ("Fans of Roger Federer lost their voices.", "Roger Federer", 0),
        # the actor's fortune: a measure of it that rises or falls
        ("Google's profits rose 20% in the quarter.", "Google", 1),
        ("Shares in Google Inc fell sharply on Monday.", "Google Inc", -1),
        ("Sales at Google Inc jumped to a record.", "Google Inc", 1),
        ("Google's profits did not fall.", "Google", 0),
        ("Google said its costs rose.", "Google", 0),
    ],
)
def test_narrated_events(text, actor, sign):
    events = stance._narrated_events(
        stance._SentenceTokens(text), stance._mentions(Document(text)), [(0, len(text))]
    )
    values = [v for m, v, _ in events if m.actor == actor]
    got = ((values[0] > 0) - (values[0] < 0)) if values else 0
    assert got == sign


def test_narrator_is_polar_only_about_actors_the_story_dwells_on():
    once = "Paul Manafort was arrested. Officials met."
    assert {s.target: s.label for s in stance.stances(once)}.get(
        "Paul Manafort"
    ) == "neutral"
    many = " ".join(
        ["Paul Manafort was arrested on fraud charges."]
        + ["Critics accused Manafort of lying to investigators."] * 7
    )
    table = {(s.holder, s.target): s.label for s in stance.stances(many)}
    assert table[("narrator", "Paul Manafort")] == "negative"


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        # the story's main actor, named three times in a short story: a side taken
        (
            (
                "Kelly Holmes won the 1500m. Kelly Holmes beat the field easily. "
                "The crowd cheered Kelly Holmes."
            ),
            "Kelly Holmes",
            "positive",
        ),
        # an actor named as often as the main one shares its place
        (
            (
                "Kelly Holmes won the race. Paula Radcliffe lost. Kelly Holmes beat "
                "Paula Radcliffe. Paula Radcliffe failed again. Kelly Holmes won."
            ),
            "Paula Radcliffe",
            "negative",
        ),
        # negatives: a side actor named less often than the main one stays neutral
        (
            (
                "Kelly Holmes won the 1500m. Kelly Holmes beat Paula Radcliffe. "
                "Paula Radcliffe failed again. Kelly Holmes won once more."
            ),
            "Paula Radcliffe",
            "neutral",
        ),
        # ... and so does a main actor named only twice
        (
            "Kelly Holmes won the 1500m. Kelly Holmes beat the field.",
            "Kelly Holmes",
            "neutral",
        ),
    ],
)
def test_narrator_takes_a_side_on_the_main_actor(text, target, expected):
    table = {(s.holder, s.target): s.label for s in stance.stances(text)}
    assert table[("narrator", target)] == expected


_MET = "Mark Hollis met donors in Ohio on Monday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quotes a writer chooses about the main actor are part of its portrayal
        (
            _MET + "“Hollis is a liar and a disgrace,” said Anna Reyes, a voter. "
            "“Hollis betrayed every family here,” said Tom Baker, a farmer. "
            "“Hollis should resign in shame,” said Jo Lane, a nurse.",
            "negative",
        ),
        (
            _MET + "“Hollis is an honest and brilliant leader,” said Anna Reyes, a "
            "voter. “Hollis has helped every family here,” said Tom Baker, a farmer. "
            "“Hollis deserves great praise,” said Jo Lane, a nurse.",
            "positive",
        ),
        # negatives: one critical quote among plain narration is too little to take
        # a side ...
        (
            _MET
            + "Hollis spoke about taxes for an hour. Hollis later flew to Chicago. "
            "“Hollis betrayed every family here,” said Tom Baker, a farmer.",
            "neutral",
        ),
        # ... so is a faint lean of the narrated mentions (neutral is most probable)
        (
            _MET + "Hollis spoke about taxes and the deficit for an hour. Hollis faced "
            "questions about the budget.",
            "neutral",
        ),
        (
            (
                "Mark Hollis met angry donors in Ohio on Monday. Hollis spoke about the "
                "crisis for an hour. Hollis later flew to Chicago."
            ),
            "neutral",
        ),
        # ... and the actor's own praise of itself is not the article's
        (
            _MET + "“Hollis is an honest and brilliant leader,” said Mark Hollis. "
            "“Hollis has helped every family here,” Hollis said. “Hollis deserves "
            "great praise,” Hollis added.",
            "neutral",
        ),
    ],
)
def test_narrator_portrayal_reads_quotes_and_abstains(text, expected):
    table = {(s.holder, s.target): s.label for s in stance.stances(text)}
    assert table[("narrator", "Mark Hollis")] == expected


def test_a_speaker_about_their_own_side_is_no_stance():
    text = (
        "Foreign Minister Choe Son Hui said: “North Korea would stand firmly by our "
        "Russian comrades.”"
    )
    holders = {(s.holder, s.target) for s in stance.stances(text)}
    assert ("Choe Son Hui", "North Korea") not in holders


def test_open_class_targets_and_first_names():
    text = (
        "Google, a company that runs search, said it would leave China. "
        "Keith Joseph said the plan failed. “It is over,” Keith said."
    )
    found = stance.stances(text, targets=["Google", "China"])
    assert {s.target for s in found} == {"Google", "China"}
    holders = {s.holder for s in stance.stances(text)}
    assert "Keith" not in holders


@pytest.mark.parametrize("unit", ["Mr. ", "The President Of The United States Said "])
def test_stance_cost_is_linear_in_run_on_text(unit):
    import time

    def cost(n):
        doc = Document((unit * (n // len(unit) + 1))[:n])
        _ = doc.quotes, doc.mentions, doc.actors  # other modules' cost (issue 18)
        start = time.process_time()
        stance.stances(doc)
        return time.process_time() - start

    cost(2000)  # warm up the caches of the models and lexicons
    small, large = cost(10000), cost(100000)
    assert large <= 15 * max(small, 0.05), (small, large)


@pytest.mark.parametrize(
    "text",
    [
        "Russia praised China. The West criticised Russia!",
        "  Leading white space.\n\nIran was condemned, not praised.  ",
        "By Jane Doe\n\nThe talks failed. Nobody blamed Iran.",
    ],
)
def test_shared_vader_sums_equal_fresh_ones(text):
    doc = Document(text)
    shared = stance._SentenceTokens(text, doc)
    assert len(shared.sums) == len(doc.sentences)
    for (start, end), sums in shared.sums.items():
        span = text[start:end]
        assert span == span.strip()  # keyed as the first and last tokens bound it
        assert sums == stance._SentenceTokens(text).vader(start, end)
    fresh = stance._SentenceTokens(text)
    assert not fresh.sums  # plain text: nothing shared, each span scored on use


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("criticised", "s:criticis"),
        ("criticises", "s:criticis"),
        ("praising", "s:prais"),
        ("praise", "s:prais"),
        ("stopped", "s:stop"),
        ("parties", "s:party"),
        ("taxes", "s:tax"),
        ("votes", "s:vot"),  # as "voted", "voting"
        ("voted", "s:vot"),
        ("attacks", "s:attack"),
        ("killed", "s:kill"),  # a doubled l stays
        ("passes", "s:pass"),
        ("crisis", "s:crisis"),  # -is, -us, -ss are no plurals
        ("status", "s:status"),
        ("is", "s:is"),  # short words keep their endings
        ("was", "s:was"),
        ("don’t", "s:n't"),
        ("Smith", None),  # names, numbers and marks have no stem
        ("Criticised", None),
        ("42", None),
        (",", None),
    ],
)
def test_stem_table(token, expected):
    assert stance._stem(token) == expected


@pytest.mark.parametrize(
    ("text", "target", "present", "absent"),
    [
        ("Voters criticised Smith.", "Smith", ["s:criticis"], ["s:voter"]),
        ("Smith was praised by voters.", "Smith", ["s:prais", "s:voter"], []),
        # The target's own words are masked: no stem of them.
        (
            "The protesters attacked police.",
            "protesters",
            ["s:attack"],
            ["s:protester"],
        ),
        ("Smith won 42 votes over Jones.", "Smith", ["s:vot", "s:won"], ["s:jone"]),
    ],
)
def test_stem_features(text, target, present, absent):
    start = text.index(target)
    names = {name for name, _ in stance.features(text, start, start + len(target))}
    for name in present:
        assert name in names
    for name in absent:
        assert name not in names
