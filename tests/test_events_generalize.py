"""The events stage on invented sentences: general mechanisms added after checking unseen articles.

Fictional cast and helpers come from ``test_events``.
"""

from __future__ import annotations

import pytest

from test_events import events_of, only


@pytest.mark.slow
def test_exchanging_detained_citizens_is_a_mutual_release(nlp):
    ev = only(events_of(nlp, "Arvelia and Tumbria exchanged 14 detained citizens on Friday."), "RETREAT")
    assert ev.mode == "release" and set(ev.source) == {"e1", "e2"} and set(ev.target) == {"e1", "e2"}


@pytest.mark.slow
def test_summoning_an_ambassador_is_a_consultation(nlp):
    ev = only(events_of(nlp, "Arvelia summoned Tumbria's ambassador, Oren Malik, on Monday."), "CONSULT")
    assert ev.source == ("e1",) and "e4" in ev.target


@pytest.mark.slow
def test_flying_in_medical_teams_is_aid(nlp):
    ev = only(events_of(nlp, "The Redhand Front flew two medical teams into Velmar on Monday."), "AID")
    assert ev.source == ("e5",)


@pytest.mark.slow
def test_ordering_an_inquiry_is_the_inquiry_not_a_request(nlp):
    evs = events_of(nlp, "Dara Quell ordered an inquiry into the collapse.")
    assert [(e.type, e.mode, e.source) for e in evs] == [("ACCUSE", "investigate", ("e3",))]


@pytest.mark.slow
def test_two_conjoined_measures_of_different_kinds_are_two_events(nlp):
    evs = [e for e in events_of(nlp, "Arvelia imposed sanctions on Tumbria and expelled nine diplomats.")
           if e.type == "SANCTION"]
    assert sorted((e.mode or "") for e in evs) == ["", "expel"]
    assert all(e.source == ("e1",) for e in evs)


def _reattached(nlp, text: str, word: str, new_head: str):
    """``text`` parsed, then ``word`` hung on ``new_head`` (both first occurrences): a parser's mistake."""
    from spacy.tokens import Doc

    doc = nlp(text)
    heads = [t.head.i for t in doc]
    words = [t.text for t in doc]
    heads[words.index(word)] = words.index(new_head)
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], heads=heads,
               deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc],
               lemmas=[t.lemma_ for t in doc])


@pytest.mark.slow
def test_who_refers_to_the_person_not_the_place_the_parser_hung_it_on(nlp):
    from newsledger.extract.events.stage import find_events
    from test_events import make_entities

    text = "Oren Malik, a farmer from Velmar who was detained by Tumbrian guards, was freed."
    doc = _reattached(nlp, text, "detained", "Velmar")
    assert doc[[t.text for t in doc].index("detained")].head.text == "Velmar"
    evs = [e for e in find_events(doc, make_entities(text), []) if e.type == "COERCE"]
    assert [e.target for e in evs] == [("e4",)]


@pytest.mark.slow
def test_meeting_unnamed_representatives_is_a_consultation_but_meeting_reporters_is_not(nlp):
    ev = only(events_of(nlp, "Oren Malik met union leaders on Thursday."), "CONSULT")
    assert ev.source == ("e4",) and ev.target == ()
    assert not events_of(nlp, "Oren Malik met reporters on Thursday.")
    assert not events_of(nlp, "Oren Malik visited his uncle on Thursday.")


@pytest.mark.slow
def test_visiting_an_unnamed_place_is_a_visit(nlp):
    ev = only(events_of(nlp, "Oren Malik visited the flooded port on Wednesday."), "CONSULT")
    assert ev.mode == "visit" and ev.source == ("e4",) and ev.target == ()


@pytest.mark.slow
def test_marching_to_a_bodys_office_targets_the_body_but_a_town_is_only_where(nlp):
    ev = only(events_of(nlp, "Several hundred residents marched to the Redhand Front's regional office on Tuesday."),
              "PROTEST")
    assert ev.target == ("e5",) and ev.mode == "demo"
    ev = only(events_of(nlp, "Several hundred residents marched to Velmar on Tuesday."), "PROTEST")
    assert ev.target == ()


@pytest.mark.slow
def test_clashes_along_their_border_are_between_the_two_parties_just_named(nlp):
    text = ("Arvelia and Tumbria exchanged 14 detained citizens on Friday, the first such release since "
            "deadly clashes along their disputed frontier in 2022.")
    ev = only(events_of(nlp, text, times=(("2022", "2022"),)), "ASSAULT")
    assert set(ev.source) == {"e1", "e2"} and set(ev.target) == {"e1", "e2"}


@pytest.mark.slow
def test_a_pronoun_resolved_to_the_target_itself_is_no_source(nlp):
    text = "Dara Quell called on Arvelia to dismiss Oren Malik, whom she accused of ordering the arrests."
    she = text.index(" she ") + 1
    ev = only(events_of(nlp, text, pronouns={"e4": [(she, she + 3)]}), "ACCUSE")  # a wrong antecedent
    assert ev.source == () and ev.target == ("e4",)


@pytest.mark.slow
def test_signing_a_decree_is_no_support_but_signing_a_treaty_is(nlp):
    assert not events_of(nlp, "Oren Malik signed the decree on Monday.")
    assert not events_of(nlp, "Decree 12, which Oren Malik signed on Monday, was annulled.")
    ev = only(events_of(nlp, "Arvelia and Tumbria signed a treaty on Monday."), "SUPPORT")
    assert set(ev.source) == {"e1", "e2"}
