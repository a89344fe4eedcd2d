"""Events on real reporting (issue 11, round events6): families of news acts, fixed by mechanism, each
reproduced by an invented article: arrests and detentions with no actor written are the one police body
the article names ("kind" nouns: "police", "the policemen", never a police union).

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- arrests with no actor written: the article's one police body ------------------------------------

@slow
def test_a_passive_arrest_with_no_agent_is_the_one_police_body_of_the_article():
    rec = extract("Two dock clerks were arrested on Thursday over the theft of fuel from the Ostra terminal. "
                  "The Ostra Valley Constabulary said the men would appear in court next week.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "arrest"
    assert names(rec, v.source) == {"Ostra Valley Constabulary"}


@slow
def test_a_bare_police_subject_is_the_one_police_body_of_the_article():
    rec = extract("The Marrow County Police Service opened an inquiry into the break-in. "
                  "The police detained a night watchman at the scene, and the policemen later searched his flat.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "arrest"]
    assert names(rec, v.source) == {"Marrow County Police Service"}


@slow
def test_a_police_union_is_no_police_body_and_two_forces_are_both_the_arrest_s_actors():
    union = extract("A warehouse guard was arrested on Tuesday in Pellam. The Pellam Police Union said "
                    "its members had done nothing wrong.")
    (v,) = events(union, "COERCE")
    assert v.source == ()
    two = extract("A warehouse guard was arrested on Tuesday in Pellam. The Pellam Police Service and the "
                  "Harlow Constabulary said they were working together.")
    (w,) = events(two, "COERCE")  # several police bodies: all of them (events10, collective_kinds)
    assert names(two, w.source) == {"Pellam Police Service", "Harlow Constabulary"}


@slow
def test_soldiers_who_detain_someone_are_never_made_the_police():
    rec = extract("Soldiers detained three fishermen near the border on Sunday. The Ostra Valley Constabulary "
                  "opened an inquiry into a fire at the harbour.")
    for v in events(rec, "COERCE"):
        assert "Ostra Valley Constabulary" not in names(rec, v.source)


# -- protests of people named by a noun that one body's name holds -----------------------------------

@slow
def test_students_who_protest_are_the_one_body_named_for_students():
    rec = extract("Students protest the new tuition charges at Harlow College. The Students for Open Learning (SOL) "
                  "said the charges would shut out poorer families.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Students for Open Learning"}


@slow
def test_protesters_named_by_a_noun_no_body_holds_stay_without_actor():
    rec = extract("Residents protested outside the Harlow town hall on Monday. The Harlow Student Union said "
                  "it backed them.")
    for v in events(rec, "PROTEST"):
        assert v.source == ()


# -- prosecutions ----------------------------------------------------------------------------------

@slow
def test_a_prosecution_by_a_named_body_accuses_the_person():
    rec = extract("A former customs officer, Ilan Dorr, was jailed on Tuesday. He was prosecuted by the Velmar "
                  "Anti-Fraud Commission on three counts of taking bribes.")
    (v,) = events(rec, "ACCUSE")
    assert names(rec, v.source) == {"Velmar Anti-Fraud Commission"}
    assert names(rec, v.target) == {"Ilan Dorr"}


# -- condolences to no one named ----------------------------------------------------------------------

@slow
def test_condolences_to_unnamed_families_are_no_support_of_anyone():
    rec = extract('"We express our deep condolences to the families of the miners," the Ostra Mining Board '
                  "said on Monday.")
    assert events(rec, "SUPPORT") == []


@slow
def test_condolences_to_a_named_country_are_support():
    rec = extract("Tumbria expressed its condolences to Arvelia after the floods on Monday.")
    (v,) = events(rec, "SUPPORT")
    assert names(rec, v.target) == {"Arvelia"}


@slow
def test_a_defendant_prosecuted_by_a_named_body_is_an_accusation_by_that_body():
    rec = extract("The defendant was prosecuted by the Velmar Anti-Fraud Commission on two counts of forgery.")
    (v,) = events(rec, "ACCUSE")
    assert names(rec, v.source) == {"Velmar Anti-Fraud Commission"}


# -- an act someone is summoned to do is no act told ------------------------------------------------------

@slow
def test_an_act_a_body_is_called_to_do_is_no_event():
    rec = extract("Smoke rose over a barn near Ostra overnight. The Harlow Rescue Unit was called to assist the "
                  "Ostra Valley Constabulary.")
    assert events(rec, "AID") == []


@slow
def test_an_act_done_after_a_summons_is_still_an_event():
    rec = extract("Tumbria assisted Arvelia after the flood, and Arvelia was asked to host the talks.")
    (v,) = events(rec, "AID")
    assert names(rec, v.target) == {"Arvelia"}


@slow
def test_an_act_a_body_is_called_in_to_do_is_no_event():
    # (the parser hangs "to assist" on "called in" as an adverbial clause, not a complement)
    rec = extract("Smoke rose over a barn near Ostra overnight. Shortly after midnight, the Harlow Rescue Unit was "
                  "called in to assist the Ostra Valley Constabulary on the quay.")
    assert events(rec, "AID") == []


# -- an act one has the right or the option to do is no act --------------------------------------------

@slow
def test_the_power_to_boycott_is_no_boycott():
    rec = extract("Mara Holt of the Ostra Dockers' Union said the union had the power to boycott Harlow Shipping.")
    assert events(rec, "PROTEST") == []


@slow
def test_a_union_reserving_the_right_to_strike_is_no_strike():
    rec = extract("The Ostra Dockers' Union reserves the right to strike if the pay talks fail, its leader "
                  "Mara Holt said on Monday.")
    assert events(rec, "PROTEST") == []


@slow
def test_an_appeal_lodged_is_still_an_appeal():
    rec = extract("Harlow Shipping appealed the ruling of the Velmar Appeals Court on Monday.")
    assert len(events(rec, "REJECT")) == 1


# -- protest acts done "in protest" -------------------------------------------------------------------

@slow
def test_blocking_anything_in_protest_is_one_obstruction():
    rec = extract("On Tuesday, fishermen blocked the ferry ramp at Ostra in protest against the new quotas.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "obstruct"
    assert v.date is not None and v.date.value == "2026-03-03"


@slow
def test_blocking_a_ramp_for_no_protest_is_no_event():
    rec = extract("On Tuesday, a fallen tree blocked the ferry ramp at Ostra for two hours.")
    assert events(rec, "PROTEST") == []


# -- a meeting noun whose relative clause holds the light verb -----------------------------------------

@slow
def test_talks_she_held_with_a_body_are_her_consultation_with_it():
    rec = extract("Mara Holt praised the talks that she held with the Ostra Dockers' Union last week.")
    consult = events(rec, "CONSULT")
    assert len(consult) == 1
    assert names(rec, consult[0].source) == {"Mara Holt"}
    assert "Ostra Dockers' Union" in names(rec, consult[0].target)


@slow
def test_discussions_the_speaker_has_had_are_the_speakers_own():
    rec = extract('"The treasurer has been very open in the discussions I have had with her on the new dam," '
                  "Velmar Premier Ilsa Varn said on Tuesday.")
    consult = events(rec, "CONSULT")
    assert len(consult) == 1
    assert names(rec, consult[0].source) == {"Ilsa Varn"}


@slow
def test_a_union_official_in_custody_is_no_custody_of_the_union():
    rec = extract("The Ostra Dockers' Union called a strike on Monday. Dockers marched on Thursday to demand the "
                  "release of Tarel Bask, a union official who has been in custody since March 1.")
    for v in events(rec):
        if v.type in ("COERCE", "REQUEST"):
            assert "Ostra Dockers' Union" not in names(rec, v.target)
