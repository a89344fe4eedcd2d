"""Speakers of statements on real reporting (issue 11, speak18), each pattern reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import extract, name_of, speaker_of


# -- a name set off by commas right before the cue, hung elsewhere by the parser ------------------------------

MARKET = ("Traders protest in Velmar market\n\n"
          "According to one of the stall holders who sell fish along the Velmar quay, trade stopped yesterday "
          "as the protest spread through the market.\n\n"
          "In her letter, chair for the market traders guild, Ilsa Marrow, said that traders were angry with "
          "the council over the rent rise.")

BERTHS = ("Berth inspections halted in Tarvel\n\n"
          "\"The cranes on the north quay have not been checked since spring,\" the head of the Tarvel Port "
          "Authority's Office of Berth Inspection, Mara Quist, said in the letter.")


@pytest.mark.slow
def test_a_name_after_a_title_in_a_leading_phrase_speaks():
    """The parser reads "chair for the market traders guild" as a clause and hangs the name on it: the
    name right before "said" is the speaker, not the title word."""
    rec = extract(MARKET)
    assert speaker_of(rec, "traders were angry") == "Ilsa Marrow"


@pytest.mark.slow
def test_a_name_hung_on_the_last_noun_of_the_title_phrase_speaks():
    """"the head of <body>'s <office>, X, said": the name hangs on the office, the subject is "head"."""
    rec = extract(BERTHS)
    assert speaker_of(rec, "cranes on the north quay") == "Mara Quist"
    st = next(s for s in rec.statements if "cranes" in s.content.text)
    assert st.speaker_text == "Mara Quist"


@pytest.mark.slow
def test_a_name_inside_a_relative_clause_after_the_subject_is_not_taken():
    """A name closing a relative clause on the subject ("who hired a lawyer, X,") is not the speaker."""
    rec = extract("Market rent row\n\n"
                  "The stall holders, who on Monday hired a lawyer, Dorn Ekvall, said the rent rise broke the "
                  "market charter.")
    st = next(s for s in rec.statements if "rent rise broke" in s.content.text)
    assert st.speaker_text == "The stall holders"


# -- a relay closing the sentence that the parser hung on the speaker's verb --------------------------------

@pytest.mark.slow
def test_a_broadcaster_closing_the_sentence_relays_the_statement():
    """"X said Y, broadcaster Z reported on Sunday": one statement, X's, with Z as its channel; Y stops
    before the relay."""
    rec = extract("Port fees to fall\n\n"
                  "Mayor Gard Olsen said Velmar will make deep cuts to port fees, broadcaster Radio Tesk reported "
                  "late on Friday, two days after the mayor named a new harbour master.")
    (st,) = [s for s in rec.statements if "port fees" in s.content.text]
    assert name_of(rec, st.speaker) == "Gard Olsen"
    assert st.content.text == "Velmar will make deep cuts to port fees"
    assert name_of(rec, st.channel) == "Radio Tesk"


@pytest.mark.slow
def test_an_outlet_closing_a_sentence_whose_verb_reports_nothing_speaks_it():
    """"X announced his resignation ..., the Courier reports": X's verb reports no clause of its own, so the
    outlet's statement is the whole sentence, not "the Courier reports" as X's content."""
    rec = extract("Velmar mayor quits\n\n"
                  "Velmar mayor Pell Arvander announced his resignation at a news conference on Monday, the Tesk "
                  "Courier reports.")
    assert not [s for s in rec.statements if "Courier reports" in s.content.text]
    assert speaker_of(rec, "announced his resignation") == "Tesk Courier"


# -- "who" the parser hung on the place a person comes from ------------------------------------------------

@pytest.mark.slow
def test_who_after_a_place_of_origin_is_the_person_described():
    """"X, 52, is a fisher from Norland, who said ...": the speaker is X, never the place."""
    rec = extract("Fishers rally in Velmar\n\n"
                  "Hundreds of fishers marched through Velmar on Monday.\n\n"
                  "Tove Brandt, 52, is a fisher from Norland, who said the catch had halved since spring.")
    assert speaker_of(rec, "catch had halved") == "Tove Brandt"


# -- "they" in a clause embedded in the sentence of its plural subject -------------------------------------

@pytest.mark.slow
def test_they_in_a_contact_clause_is_the_plural_subject_of_its_sentence():
    """"Police questioned the crowd, and a woman they said had thrown ...": "they" is the police of the same
    sentence (the force named before), not left as a bare pronoun."""
    rec = extract("Stones thrown at Velmar market\n\n"
                  "The Velmar police closed the fish market on Monday after a fight between traders.\n\n"
                  "Police questioned the crowd, and a woman they said had thrown the first stone was held overnight.")
    (st,) = [s for s in rec.statements if "had thrown" in s.content.text]
    assert st.speaker_text == "Police"
    assert name_of(rec, st.speaker) == "Velmar police"


# -- impersonal passive reports and "be to blame" ----------------------------------------------------------

DAIRY = ("Milk prices fall in Norland\n\n"
         "It is said that the new quota rules and the dry summer are to blame for the fall in milk prices.\n\n"
         "It was reported that two dairies had closed.")


@pytest.mark.slow
def test_it_is_said_that_is_a_statement_with_no_speaker():
    rec = extract(DAIRY)
    (st,) = [s for s in rec.statements if "dairies had closed" in s.content.text]
    assert st.speaker is None and st.speaker_text is None
    (st,) = [s for s in rec.statements if "quota rules" in s.content.text]
    assert st.content.text == "the new quota rules and the dry summer are to blame for the fall in milk prices"
    assert st.speaker is None


@pytest.mark.slow
def test_to_be_to_blame_reports_no_saying():
    """"X and Y are to blame for Z" names who is responsible: no statement of X and Y."""
    rec = extract("Milk prices fall in Norland\n\n"
                  "Farmers marched on Monday. The new quota rules and the dry summer are to blame for the fall "
                  "in milk prices.")
    assert not [s for s in rec.statements if "fall in milk prices" in s.content.text], \
        [(s.speaker_text, s.content.text) for s in rec.statements]
