"""Events on real reporting (issue 11, round events7): families of news acts, fixed by mechanism, each
reproduced by an invented article: officials dismissed, sacked or removed from their posts (SANCTION
dismiss, the office holder as target), and investigations opened by a named body whatever they look
into (ACCUSE investigate).

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- dismissals: an office holder dismissed, sacked, fired or removed from a post --------------------

@slow
def test_a_governor_dismissed_by_a_premier_is_a_sanction_on_the_governor():
    rec = extract("Premier Anselm Torvik of Ostravia said on Sunday that he had dismissed the harbour authority "
                  "governor Lenka Marsh because she ignored his orders on tariffs.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.source) == {"Anselm Torvik"}
    assert "Lenka Marsh" in names(rec, v.target)


@slow
def test_a_minister_removed_from_a_post_in_the_passive_is_the_target():
    rec = extract("Deputy minister Corin Halvey was removed from his post in May after an audit of the "
                  "Pellam water board, the cabinet office said.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.target) == {"Corin Halvey"}


@slow
def test_the_club_sacked_its_coach_but_dismissing_pupils_or_claims_sacks_no_one():
    rec = extract("The Harlow Rovers sacked their head coach Mirek Stavros on Monday after six defeats.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.target) == {"Mirek Stavros"}
    assert names(rec, v.source) == {"Harlow Rovers"}
    calm = extract("The Ostra Academy dismissed its pupils early on Friday because of the storm. "
                   "The Velmar council removed the benches from the square for the winter.")
    assert events(calm, "SANCTION") == []


# -- investigations opened by a body, whatever they look into ----------------------------------------

@slow
def test_an_investigation_launched_into_an_incident_is_the_regulators_act():
    rec = extract("A tunnel near Velmar caved in on Monday, and the Marrow Mines Inspectorate opened an "
                  "investigation the same evening, a spokeswoman said.")
    (v,) = events(rec, "ACCUSE")
    assert v.mode == "investigate"
    assert names(rec, v.source) == {"Marrow Mines Inspectorate"}


@slow
def test_an_investigation_called_for_or_merely_mentioned_is_not_opened():
    rec = extract("Residents of Pellam called for an investigation into the flooding of the lower town. "
                  "Investigation of the cause may take months, engineers said.")
    assert events(rec, "ACCUSE") == []
    promised = extract("The Marrow Mines Inspectorate said it will open an investigation after the tunnel collapse.")
    assert events(promised, "ACCUSE") == []


# -- a protest named as a noun, its protesters unnamed: one PROTEST with no actor ---------------------

@slow
def test_a_protest_of_unnamed_people_named_as_a_noun_is_one_protest():
    rec = extract("Governor Ilse Varga of Pellam told nurses on Tuesday to end the protest and return to the "
                  "wards. Varga called their protest reckless, but the nurses carried on with the protest "
                  "outside the Pellam General Hospital.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "demo"
    assert v.source == ()  # the nurses end it, not the governor who tells them to
    bare = extract("Police in Velmar seized petrol bombs ahead of protests, a spokesman said.")
    assert events(bare, "PROTEST") == []


@slow
def test_resigning_in_protest_or_a_protest_note_is_no_demonstration():
    rec = extract("Oren Malik resigned in protest on Monday. Tumbria lodged a protest note with Arvelia "
                  "over the border fence.")
    assert [v for v in events(rec, "PROTEST") if v.mode == "demo" and not v.source] == []


# -- requests: a capitalized title as the one person so titled; a question is no request -----------------

@slow
def test_a_directive_by_the_capitalized_title_is_the_titled_persons_request():
    rec = extract("Governor Ilse Varga of Pellam spoke to reporters on Friday. The Governor directed the port "
                  "workers to return to their posts by Monday.")
    (v,) = events(rec, "REQUEST")
    assert names(rec, v.source) == {"Ilse Varga"}


@slow
def test_a_quoted_or_reported_question_is_no_request():
    rec = extract('"If the mill is safe, why have the inspectors not reopened it?" Oren Malik asked on Monday. '
                  "Dara Quell asked whether the Velmar council would pay for the repairs.")
    assert events(rec, "REQUEST") == []


# -- "their strike": the workers the possessive stands for, and the one union of theirs ---------------------

@slow
def test_their_strike_is_the_one_union_of_the_workers_the_possessive_stands_for():
    rec = extract("Dockers told reporters on Tuesday that two further harbours will back their strike from next week, "
                  "whatever Governor Ilse Varga orders. The Pellam Union of Dockers has four thousand members.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Pellam Union of Dockers"}


# -- a leader's camp as an actor; a breakthrough made in talks is an accord ---------------------------------

@slow
def test_a_leaders_camp_acts_through_the_leader_and_a_breakthrough_in_talks_is_an_accord():
    rec = extract("Premier Anselm Torvik's conservatives and the Velmar Labour Party made a breakthrough early on "
                  "Friday in talks on forming a new government.")
    (talks,) = events(rec, "CONSULT")
    assert names(rec, talks.source) == {"Anselm Torvik", "Velmar Labour Party"}
    (deal,) = events(rec, "AGREE")
    assert names(rec, deal.source) == {"Anselm Torvik", "Velmar Labour Party"}
    research = extract("Engineers at the Pellam Institute made a breakthrough in battery research on Friday.")
    assert events(research, "AGREE") == []


# -- an apology: PLOVER's CONCEDE (four independent annotators read the SPEC so), not SUPPORT ------------

@slow
def test_an_apology_to_a_named_person_is_a_concession():
    rec = extract("The harbour master Ilse Vantor apologized to the skipper Rolf Anker on Thursday for the "
                  "wrongful seizure of his trawler.")
    (v,) = [e for e in rec.events if e.type in ("CONCEDE", "SUPPORT")]
    assert v.type == "CONCEDE"
    assert names(rec, v.source) == {"Ilse Vantor"}
