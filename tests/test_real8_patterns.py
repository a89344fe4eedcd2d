"""Statement recall, dates and kinds seen in a third sample of real reports (issue 11, real8), each
pattern reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday

pytestmark = pytest.mark.slow  # every test here parses with the model


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def by_content(rec, words: str):
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement with {words!r}: {[s.content.text for s in rec.statements]}"
    return hits[0]


def no_statement(rec, words: str) -> None:
    assert not [s for s in rec.statements if words in s.content.text], [s.content.text for s in rec.statements]


def name_of(rec, eid):
    return rec.entity(eid).name if eid else None


# -- 1. stance verbs whose content is a noun phrase --------------------------------------------------

def test_affirmed_commitment_is_a_commitment_and_stressed_need_a_demand():
    rec = extract("Envoy Tom Hale affirmed Freedonia's commitment to the canal treaty and stressed the need "
                  "for new inspections.")
    s = by_content(rec, "commitment to the canal treaty")
    assert (s.cue, s.kind, name_of(rec, s.speaker)) == ("affirmed", "commitment", "Tom Hale")
    s = by_content(rec, "the need for new inspections")
    assert (s.cue, s.kind) == ("stressed", "demand")


def test_expressed_readiness_is_a_commitment_and_expressed_concern_an_opinion():
    rec = extract("Trade minister Tom Hale expressed his country's readiness to expand farming ties with Vell. "
                  "He also expressed concern over the drought.")
    assert by_content(rec, "readiness to expand farming ties").kind == "commitment"
    assert by_content(rec, "concern over the drought").kind == "opinion"


def test_expressed_in_the_passive_says_nothing():
    rec = extract("The plan was expressed in figures by the council.")
    no_statement(rec, "figures")


def test_highly_appreciated_support_is_an_opinion_but_a_currency_appreciating_is_not_speech():
    rec = extract("Foreign minister Ana Lima highly appreciated Vell's support for the peace talks. "
                  "The krone appreciated sharply last month.")
    s = by_content(rec, "support for the peace talks")
    assert (s.cue, s.kind, name_of(rec, s.speaker)) == ("appreciated", "opinion", "Ana Lima")
    assert len(rec.statements) == 1


def test_shared_the_view_that_gives_the_clause_and_shared_a_meal_nothing():
    rec = extract("Ana Lima and Tom Hale shared the view that the dispute must be settled through talks. "
                  "They shared a meal after the talks.")
    s = by_content(rec, "the dispute must be settled through talks")
    assert (s.cue, s.kind) == ("shared", "opinion")
    assert not s.content.text.startswith("that")
    no_statement(rec, "meal")


# -- 11. documentary sources -----------------------------------------------------------------------

def test_court_papers_show_a_claim_with_no_speaker_but_a_video_shows_no_statement():
    rec = extract("Court papers show the man is 40 and lives in Eastfield. "
                  "Video of the blaze shows flames racing up the hill. Polls show the mayor is ahead.")
    s = by_content(rec, "the man is 40")
    assert (s.cue, s.speaker, s.kind) == ("show", None, "claim")
    assert len(rec.statements) == 1


# -- 5. direct quotes opened by less common cues -----------------------------------------------------

def test_opined_opens_a_direct_quote_that_is_an_opinion():
    rec = extract('Coach Tom Ruiz opined, "We were the better side for an hour."')
    s = by_content(rec, "the better side for an hour")
    assert (s.cue, s.direct, s.kind, name_of(rec, s.speaker)) == ("opined", True, "opinion", "Tom Ruiz")


def test_highlighted_after_a_quote_attributes_it():
    rec = extract('"We are glad to be back in Vell to talk about trade," Minister Ana Lima highlighted in her '
                  'opening remarks.')
    s = by_content(rec, "glad to be back in Vell")
    assert (s.cue, s.direct, name_of(rec, s.speaker)) == ("highlighted", True, "Ana Lima")
