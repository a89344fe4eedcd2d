"""Events on real reporting (issue 11, round events8): families of news acts, fixed by mechanism, each
reproduced by an invented article: people rescued at sea or in the mountains (AID, whoever did it, the
people saved unnamed), funds released to a region (AID, not a prisoner's release), and an act the headline
announces and the body tells again (one event, not two).

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- rescues: people saved by a named body, the people saved unnamed ---------------------------------

@slow
def test_a_rescue_by_a_named_body_is_aid_with_that_body_as_source():
    rec = extract("The Ostravian Coast Guard rescued six fishermen from a burning trawler near Pellam Point "
                  "on Sunday, a spokeswoman said.")
    (v,) = events(rec, "AID")
    assert names(rec, v.source) == {"Ostravian Coast Guard"}
    assert v.date is not None and v.date.value == "2026-03-01"


@slow
def test_people_rescued_by_an_agent_in_the_passive_is_that_agents_aid():
    rec = extract("Two hikers were rescued on Tuesday by the Marrow Valley Mountain Rescue Service after "
                  "a night on the Ostra ridge.")
    (v,) = events(rec, "AID")
    assert names(rec, v.source) == {"Marrow Valley Mountain Rescue Service"}


@slow
def test_rescuing_an_economy_or_a_deal_is_no_aid():
    rec = extract("Finance minister Dara Quell said on Monday that the Pellam Bank had rescued the economy "
                  "and that the Velmar accord could still be rescued by the Ostravian cabinet.")
    assert events(rec, "AID") == []


# -- funds released to a region: aid, not a prisoner's release ----------------------------------------

@slow
def test_funds_released_to_a_province_are_aid_not_a_release_of_captives():
    rec = extract("The government of Ostravia on Thursday released 40 million crowns in emergency aid to Velmar "
                  "after the storm destroyed hundreds of homes there.")
    (v,) = events(rec, "AID")
    assert names(rec, v.source) == {"Ostravia"}
    assert names(rec, v.target) == {"Velmar"}
    assert events(rec, "RETREAT") == []


# -- an act the headline announces and the body tells again: one event ------------------------------

@slow
def test_an_act_in_the_headline_and_told_again_below_is_one_event():
    rec = extract("Tumbria declares truce in Velmar\n\n"
                  "President Anton Kessel of Tumbria on Wednesday declared a truce in the northern province of "
                  "Velmar, his office said.")
    (v,) = events(rec, "RETREAT")
    assert "Anton Kessel" in names(rec, v.source)
    assert v.date is not None and v.date.value == "2026-03-04"


@slow
def test_a_headline_act_the_body_never_tells_again_stays_an_event():
    rec = extract("Tumbria declares truce in Velmar\n\n"
                  "Fighting in the northern province of Velmar went on into the night, residents said, and "
                  "Ostravia summoned the Tumbrian ambassador on Wednesday.")
    (v,) = events(rec, "RETREAT")
    assert v.trigger.text == "truce"


@slow
def test_a_headline_request_is_not_merged_into_a_request_told_with_another_verb():
    rec = extract("Velmar Dockworkers Union urges calm after port fire\n\n"
                  "The Velmar Dockworkers Union has called on the Pellam Port Authority to open an inquiry into "
                  "the blaze.")
    assert sorted(v.trigger.text for v in events(rec, "REQUEST")) == ["called", "urges"]


# -- an assault and its outcome told by conjoined verbs: one act -------------------------------------

@slow
def test_shot_and_killed_is_one_assault_on_the_victim():
    rec = extract("Nadia Orlov, a Velmar city councillor, was shot in the chest and killed outside her home in "
                  "Pellam on Saturday, police said.")
    (v,) = events(rec, "ASSAULT")
    assert v.mode == "firearms"
    assert names(rec, v.target) == {"Nadia Orlov"} and not v.source


@slow
def test_stabbed_and_then_shot_are_two_assaults():
    rec = extract("Tomas Brel was stabbed by one gunman and shot by another in Pellam on Saturday, police said.")
    assert sorted(v.mode for v in events(rec, "ASSAULT")) == ["firearms", "primitive"]


@slow
def test_a_conjoined_participle_the_parser_tags_as_a_past_tense_stays_passive():
    rec = extract("Ilya Marten, the party's deputy leader, was shot in the back and killed earlier this week.")
    (v,) = events(rec, "ASSAULT")
    assert names(rec, v.target) == {"Ilya Marten"} and not v.source


# -- a collective act announced by a body's officer: the body's ------------------------------------

@slow
def test_a_strike_announced_by_a_union_officer_is_the_unions():
    rec = extract("Lena Frosk, secretary general of the Velmar Nurses Union, on Tuesday announced a nationwide "
                  "strike for Thursday.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Velmar Nurses Union"}


@slow
def test_a_hunger_strike_of_a_member_stays_her_own():
    rec = extract("Maria Lund, a member of the Pellam Tenants Association, began a hunger strike on Tuesday.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Maria Lund"}


# -- an act the speaker asks the reader to do (or not to do) is no act told -----------------------

@slow
def test_an_imperative_in_a_quote_is_no_visit():
    rec = extract("\"Please visit Velmar,\" Mayor Ilse Varga told tourists on Friday.")
    assert events(rec, "CONSULT") == []


@slow
def test_a_visit_told_in_a_quote_stays_a_visit():
    rec = extract("\"We visited Velmar on Monday,\" Mayor Ilse Varga of Pellam told reporters on Friday.")
    (v,) = events(rec, "CONSULT")
    assert names(rec, v.target) == {"Velmar"}


# -- a state's protest is a formal complaint, not a demonstration ----------------------------------

@slow
def test_a_ministry_summoning_an_envoy_in_protest_accuses_not_demonstrates():
    rec = extract("Tumbria's Foreign Ministry summoned the Arvelian envoy to Tumbria in protest against the arrest "
                  "of two Tumbrian journalists.")
    assert events(rec, "PROTEST") == []
    (v,) = events(rec, "ACCUSE")
    assert v.mode == "disapprove" and names(rec, v.source) == {"Foreign Ministry"}


@slow
def test_a_country_protesting_an_arrest_accuses():
    rec = extract("Tumbria protested on Monday against the arrest of two of its journalists in Velmar.")
    assert events(rec, "PROTEST") == []
    (v,) = events(rec, "ACCUSE")
    assert v.mode == "disapprove" and names(rec, v.source) == {"Tumbria"}


@slow
def test_students_protesting_in_a_country_still_demonstrate():
    rec = extract("Students in Ostravia protested on Monday against the fee rise announced by the Pellam "
                  "University Senate.")
    assert events(rec, "ACCUSE") == []
    assert [v.mode for v in events(rec, "PROTEST")] == ["demo"]
