"""Events on real reporting (issue 11, pattern 9, round events4): the mechanisms behind acts named by nouns
and phrases, false acts, roles and modes, each reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsledger.extract.events.syntax import fronted_apposition_subject
from record_helpers import events, extract, names

slow = pytest.mark.slow
VOCAB = spacy.blank("en").vocab  # hand-built Docs: no model


# -- acts named by nouns and phrases -----------------------------------------------------------------

@slow
def test_a_fine_of_a_sum_on_a_party_targets_the_party_not_the_sum_or_the_day():
    rec = extract("The Velmar Competition Authority imposed a fine of 50 million euros on Hexacorp on Tuesday.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.source) == {"Velmar Competition Authority"}
    assert names(rec, v.target) == {"Hexacorp"}


@slow
def test_a_unions_first_strike_is_a_strike_by_the_union():
    rec = extract("The Redhand Front walked out at dawn. It is the Redhand Front's first strike in forty years.")
    strikes = events(rec, "PROTEST")
    assert strikes and all(v.mode == "strike" for v in strikes)
    assert any(names(rec, v.source) == {"Redhand Front"} for v in strikes)


# -- false acts: a goal someone judges is not an act told ------------------------------------------

@slow
@pytest.mark.parametrize("text", [
    "It is crucial for Harbor Group and the Redhand Front to reach a new agreement this week.",
    "Oren Malik said it was vital for Harbor Group to reach a deal with the Redhand Front.",
])
def test_an_infinitive_an_adjective_evaluates_is_no_agreement(text):
    assert events(extract(text), "AGREE") == []


@slow
def test_an_infinitive_a_verb_controls_or_a_purpose_is_still_an_act():
    assert events(extract("Harbor Group agreed on Monday to sign a deal with the Redhand Front."), "AGREE")
    (v,) = events(extract("Harbor Group and the Redhand Front met on Monday to reach an agreement."), "AGREE")
    assert v.status == "future"


@slow
def test_a_speech_act_that_a_call_performs_is_no_mere_goal():
    rec = extract("The outgoing president Oren Malik made a call to congratulate his successor, Dara Quell.")
    (v,) = events(rec, "SUPPORT")
    assert names(rec, v.target) == {"Dara Quell"}


# -- false acts: a clause that describes a thing ------------------------------------------------------

@slow
def test_a_relative_clause_describing_a_thing_is_no_act():
    rec = extract("Oren Malik said the projects he supported were good for the city.")
    assert events(rec, "SUPPORT") == []


@slow
def test_a_relative_clause_with_a_party_of_its_own_is_still_an_act():
    rec = extract("Under the deal that Arvelia struck with Tumbria, the border reopened.")
    (v,) = events(rec, "AGREE")
    assert names(rec, v.source) == {"Arvelia"} and names(rec, v.target) == {"Tumbria"}


# -- roles: a subject the parser hung on a fronted phrase -------------------------------------------

def _parse(rows: str) -> Doc:
    words, heads, deps, pos, tags = [], [], [], [], []
    for line in rows.strip().splitlines():
        w, h, d, p, t = line.split()
        words.append(w), heads.append(int(h)), deps.append(d), pos.append(p), tags.append(t)
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


_FRONTED = """
Under {v} prep ADP IN
the 2 det DET DT
deal 0 pobj NOUN NN
in 2 prep ADP IN
court 3 pobj NOUN NN
{sep} 4 {sepdep} {seppos} {septag}
Malik 4 {dep} PROPN NNP
, 6 punct PUNCT ,
55 6 appos NUM CD
, {v} punct PUNCT ,
had {v} aux AUX VBD
{extra}agreed {v} ROOT VERB VBN
. {v} punct PUNCT .
"""


def _fronted(dep: str = "appos", extra: bool = False, listed: bool = False) -> Doc:
    sep = dict(sep="and", sepdep="cc", seppos="CCONJ", septag="CC") if listed else \
        dict(sep=",", sepdep="punct", seppos="PUNCT", septag=",")
    v = 12 if extra else 11
    return _parse(_FRONTED.format(v=v, dep=dep, extra=f"soon {v} advcl ADV RB\n" if extra else "", **sep))


@pytest.mark.parametrize("dep", ["appos", "conj"])
def test_a_name_hung_on_the_fronted_phrase_is_the_subject_of_the_verb(dep):
    doc = _fronted(dep)
    assert doc[11].text == "agreed" and fronted_apposition_subject(doc[11]).text == "Malik"


def test_a_name_with_words_of_its_own_before_the_verb_is_not_its_subject():
    # "Under the deal in court, Malik, 55, had soon agreed": a word between that is no auxiliary of the verb
    doc = _fronted(extra=True)
    assert doc[12].text == "agreed" and fronted_apposition_subject(doc[12]) is None


def test_a_listed_conjunct_is_not_taken_for_the_subject():
    doc = _fronted("conj", listed=True)  # "the deal in court and Malik, 55, had agreed"
    assert fronted_apposition_subject(doc[11]) is None


@slow
def test_a_fronted_phrase_does_not_take_the_agreement_from_its_subject():
    rec = extract("As part of a custody deal struck last spring in county court, Malik, 47, had agreed not to "
                  "seek more than two visits a month.")
    assert any(names(rec, v.source) == {"Malik"} for v in events(rec, "AGREE"))


# -- roles: "the union" for the one body whose name says it is one ------------------------------------

_UNION = ("Crane crews of the Velmar Longshore Association walked out on Thursday. The union representing "
          "the dockworkers is demanding a 30% wage increase from Harbor Group.")


@slow
def test_the_union_is_the_one_association_of_the_article():
    (v,) = events(extract(_UNION), "REQUEST")
    assert names(extract(_UNION), v.source) == {"Velmar Longshore Association"}


@slow
def test_the_union_is_nobody_when_two_bodies_could_be_it():
    text = _UNION.replace("the Velmar Longshore Association", "the Velmar Longshore Association and the "
                                                               "Tumbrian Pilots Federation")
    (v,) = events(extract(text), "REQUEST")
    assert v.source == ()


# -- roles: a description in time names the holder of the title --------------------------------------

@slow
def test_a_former_minister_is_the_person_titled_minister():
    rec = extract("A district court in Velmar on Thursday sentenced a former finance minister to five years in jail. "
                  "Oren Malik, the finance minister of Tumbria until April, denied the charges.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.target) == {"Oren Malik"}


# -- roles: a strike with no actor, told by a labour body ---------------------------------------------

@slow
def test_a_strike_a_union_tells_of_is_the_unions():
    rec = extract("The Tumbrian Nurses Guild has announced nurses will stage further strikes in August. "
                  "The Velmar Rail Union staged a walkout on Monday. The Velmar Rail Union said no improved offer "
                  "had been put forward since the last strike on April 9.")
    strikes = {v.trigger.text: names(rec, v.source) for v in events(rec, "PROTEST")}
    assert strikes["strikes"] == {"Tumbrian Nurses Guild"}
    assert strikes["strike"] == {"Velmar Rail Union"}


@slow
def test_a_strike_a_company_tells_of_has_no_striker():
    rec = extract("Hexacorp said no improved offer had been put forward since the last strike on April 9.")
    assert all(v.source == () for v in events(rec, "PROTEST"))


# -- times: a bare possessive "weekend's" is the weekend ---------------------------------------------

@slow
def test_a_bare_possessive_weekend_is_the_last_weekend():
    rec = extract("Dara Quell on Thursday accepted the result of weekend's mayoral election in Velmar.",
                  published="2019-06-13")
    assert {t.text: t.value for t in rec.times}.get("weekend") == "2019-06-08/2019-06-09"


@slow
def test_weekend_as_a_plain_modifier_is_no_date():
    rec = extract("Weekend traffic in Velmar was light, the police said.", published="2015-04-01")
    assert not any("weekend" in t.text.lower() for t in rec.times)


@slow
def test_the_strike_of_a_story_with_one_striker_is_that_strikers():
    rec = extract("A port strike began in Velmar at midnight on Monday. It is the Velmar Longshore Association's "
                  "first strike in forty years.")
    strikes = events(rec, "PROTEST")
    assert strikes and all(names(rec, v.source) == {"Velmar Longshore Association"} for v in strikes)
    assert any(v.date is not None and v.date.value == "2026-03-02" for v in strikes)


@slow
def test_a_strike_others_hold_is_not_given_to_the_storys_striker():
    rec = extract("The Velmar Longshore Association began a strike on Monday. Nurses will hold more strikes in July.")
    held = [v for v in events(rec, "PROTEST") if v.trigger.text == "strikes"]
    assert held and all(v.source == () for v in held)


# -- false acts: supporting a thing, asking for comment ---------------------------------------------

@slow
@pytest.mark.parametrize("text", [
    "Oren Malik, who supported the bill, said he was pleased.",
    "The measures, supported by Arvelia, took effect on Monday.",
])
def test_supporting_a_thing_is_no_support_of_anyone(text):
    assert events(extract(text), "SUPPORT") == []


@slow
@pytest.mark.parametrize("text", [
    "The Velmar Times asked Hexacorp for comment on Tuesday.",
    "The Velmar Times sought comment from Hexacorp on Tuesday.",
    "Hexacorp did not immediately respond to requests for comment.",
])
def test_asking_for_comment_is_no_request(text):
    assert events(extract(text), "REQUEST") == []


# -- acts: a labour body or its workers strike (the verb) ------------------------------------------

@slow
def test_a_union_that_could_strike_is_a_hypothetical_strike():
    rec = extract("The Velmar Dockers Union could strike as early as Thursday.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "strike" and v.status == "hypothetical" and names(rec, v.source) == {"Velmar Dockers Union"}


@slow
@pytest.mark.parametrize("text", [
    "An earthquake struck Velmar on Monday.",
    "The Velmar Dockers Union struck a deal with Harbor Group.",
    "Arvelian troops struck at dawn on Monday.",
])
def test_other_strikes_are_no_labour_strike(text):
    assert events(extract(text), "PROTEST") == []


# -- roles, dates and status: a visit paid, received or expected ------------------------------------

@slow
def test_paying_a_visit_is_the_payers_visit_with_its_time_and_status():
    rec = extract("Dara Quell will pay a visit to Tumbria on Monday.")
    (v,) = events(rec, "CONSULT")
    assert names(rec, v.source) == {"Dara Quell"} and names(rec, v.target) == {"Tumbria"}
    assert v.status == "future" and v.date.value == "2026-03-09"


@slow
def test_a_received_visit_is_done_to_the_receiver_by_whom_it_comes_from():
    rec = extract("Tumbria will receive a visit from President Dara Quell on Monday.")
    (v,) = events(rec, "CONSULT")
    assert names(rec, v.source) == {"Dara Quell"} and names(rec, v.target) == {"Tumbria"}
    assert v.status == "future" and v.date.value == "2026-03-09"


@slow
def test_welcoming_an_act_is_not_receiving_it():
    rec = extract("Health Minister Ada Lind said she welcomed the investigation by Velmar prosecutors.")
    assert not any("Ada Lind" in names(rec, v.target) for v in events(rec) if v.type != "SUPPORT")


# -- roles: "they" of a reciprocal act after a two-party act ------------------------------------------

@slow
def test_they_who_agree_after_a_meeting_are_the_two_who_met():
    rec = extract("Dara Quell met Oren Malik in Velmar on Monday. They agreed to meet again in May.")
    (v,) = events(rec, "AGREE")
    assert names(rec, v.source) == {"Dara Quell", "Oren Malik"}
