"""Statement recall, dates and kinds seen in a third sample of real reports (issue 11, real8), each
pattern reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday

def extract(text: str, published: str = PUB):  # (tests calling it parse with the model: marked slow)
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

@pytest.mark.slow
def test_affirmed_commitment_is_a_commitment_and_stressed_need_a_demand():
    rec = extract("Envoy Tom Hale affirmed Freedonia's commitment to the canal treaty and stressed the need "
                  "for new inspections.")
    s = by_content(rec, "commitment to the canal treaty")
    assert (s.cue, s.kind, name_of(rec, s.speaker)) == ("affirmed", "commitment", "Tom Hale")
    s = by_content(rec, "the need for new inspections")
    assert (s.cue, s.kind) == ("stressed", "demand")


@pytest.mark.slow
def test_expressed_readiness_is_a_commitment_and_expressed_concern_an_opinion():
    rec = extract("Trade minister Tom Hale expressed his country's readiness to expand farming ties with Vell. "
                  "He also expressed concern over the drought.")
    assert by_content(rec, "readiness to expand farming ties").kind == "commitment"
    assert by_content(rec, "concern over the drought").kind == "opinion"


@pytest.mark.slow
def test_expressed_in_the_passive_says_nothing():
    rec = extract("The plan was expressed in figures by the council.")
    no_statement(rec, "figures")


@pytest.mark.slow
def test_highly_appreciated_support_is_an_opinion_but_a_currency_appreciating_is_not_speech():
    rec = extract("Foreign minister Ana Lima highly appreciated Vell's support for the peace talks. "
                  "The krone appreciated sharply last month.")
    s = by_content(rec, "support for the peace talks")
    assert (s.cue, s.kind, name_of(rec, s.speaker)) == ("appreciated", "opinion", "Ana Lima")
    assert len(rec.statements) == 1


@pytest.mark.slow
def test_shared_the_view_that_gives_the_clause_and_shared_a_meal_nothing():
    rec = extract("Ana Lima and Tom Hale shared the view that the dispute must be settled through talks. "
                  "They shared a meal after the talks.")
    s = by_content(rec, "the dispute must be settled through talks")
    assert (s.cue, s.kind) == ("shared", "opinion")
    assert not s.content.text.startswith("that")
    no_statement(rec, "meal")


# -- 11. documentary sources -----------------------------------------------------------------------

@pytest.mark.slow
def test_court_papers_show_a_claim_with_no_speaker_but_a_video_shows_no_statement():
    rec = extract("Court papers show the man is 40 and lives in Eastfield. "
                  "Video of the blaze shows flames racing up the hill. Polls show the mayor is ahead.")
    s = by_content(rec, "the man is 40")
    assert (s.cue, s.speaker, s.kind) == ("show", None, "claim")
    assert len(rec.statements) == 1


# -- 5. direct quotes opened by less common cues -----------------------------------------------------

@pytest.mark.slow
def test_opined_opens_a_direct_quote_that_is_an_opinion():
    rec = extract('Coach Tom Ruiz opined, "We were the better side for an hour."')
    s = by_content(rec, "the better side for an hour")
    assert (s.cue, s.direct, s.kind, name_of(rec, s.speaker)) == ("opined", True, "opinion", "Tom Ruiz")


@pytest.mark.slow
def test_highlighted_after_a_quote_attributes_it():
    rec = extract('"We are glad to be back in Vell to talk about trade," Minister Ana Lima highlighted in her '
                  'opening remarks.')
    s = by_content(rec, "glad to be back in Vell")
    assert (s.cue, s.direct, name_of(rec, s.speaker)) == ("highlighted", True, "Ana Lima")


@pytest.mark.slow
def test_a_speaker_after_the_cue_closing_the_sentence_is_the_speaker():
    rec = extract('Tom Ruiz coaches Northfield.\n\n"There were two brave sides in it and I feel we have proven '
                  'our spirit against them. We\'ll now try to lift ourselves from here," remarked Ruiz.')
    s = by_content(rec, "two brave sides in it")
    assert (s.cue, s.direct, name_of(rec, s.speaker)) == ("remarked", True, "Tom Ruiz")


def test_a_name_hung_inside_a_leading_phrase_speaks_for_the_cue_after_it():
    # hand-built parse of 'In the first half Ruiz stated , it was close .' as the model reads such sentences:
    # the name hangs inside the leading phrase and the cue has no subject of its own
    import spacy
    from spacy.tokens import Doc

    from newsledger.extract.statements.draft import _Frame
    from newsledger.extract.statements.frames import _speaker_beside

    rows = [("In", 5, "prep", "ADP", "IN"), ("the", 3, "det", "DET", "DT"), ("first", 3, "amod", "ADJ", "JJ"),
            ("half", 4, "compound", "NOUN", "NN"), ("Ruiz", 0, "pobj", "PROPN", "NNP"),
            ("stated", 5, "ROOT", "VERB", "VBD"), (",", 5, "punct", "PUNCT", ","), ("it", 8, "nsubj", "PRON", "PRP"),
            ("was", 5, "ccomp", "AUX", "VBD"), ("close", 8, "acomp", "ADJ", "JJ"), (".", 5, "punct", "PUNCT", ".")]
    words, heads, deps, pos, tags = (list(x) for x in zip(*rows))
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    got = _speaker_beside(doc[5], _Frame(7, 10, None, "stated"))
    assert got is not None and got.text == "Ruiz"
    assert _speaker_beside(doc[5], _Frame(0, 4, None, "stated")) is None  # content before the cue: not this route


@pytest.mark.slow
def test_an_age_descriptor_after_a_quote_continues_the_latest_person():
    rec = extract('But Lena Ortiz rejected the figures. "Many steps have been taken to rig the count in favour of '
                  'the mayor," the 58-year-old alleged.')
    s = by_content(rec, "Many steps have been taken")
    assert (s.cue, s.kind, s.direct, name_of(rec, s.speaker)) == ("alleged", "claim", True, "Lena Ortiz")


# -- 7. statement dates --------------------------------------------------------------------------

@pytest.mark.slow
def test_a_date_set_off_by_commas_dates_the_saying_and_the_speakers_next_statement():
    rec = extract("Harbour board spokeswoman Ana Lima said, on Tuesday, the court had agreed to a new hearing. "
                  "Lima said the ferry crews would return to work next month.")
    s = by_content(rec, "the court had agreed")
    assert not s.content.text.startswith(("on", ",")), s.content.text
    assert s.date is not None and s.date.value == "2026-03-03"
    later = by_content(rec, "the ferry crews would return")
    assert later.date is not None and later.date.value == "2026-03-03"


@pytest.mark.slow
def test_the_day_of_the_act_not_a_week_inside_its_object_dates_the_speakers_occasion():
    rec = extract('Opposition leader Lena Ortiz on Thursday rejected as "rigged" the results of the council vote '
                  'earlier this week.\n\n"We will not accept this outcome," Lena Ortiz told reporters.')
    s = by_content(rec, "the results of the council vote")
    assert (s.cue, s.kind, name_of(rec, s.speaker)) == ("rejected", "denial", "Lena Ortiz")
    assert s.date is not None and s.date.value == "2026-03-05"
    q = by_content(rec, "We will not accept this outcome")
    assert q.date is not None and q.date.value == "2026-03-05"


@pytest.mark.slow
def test_a_season_in_the_standfirst_never_dates_the_statements_the_match_day_does():
    rec = extract("Northfield beaten at home\n\n"
                  "Northfield were handed their first loss of the 2025-26 season.\n\n"
                  "Despite brave efforts, Northfield lost 4-2 to Eastfield as they went down at home on Thursday.\n\n"
                  'Coach Tom Ruiz spoke after the match. Ruiz stated, "Eastfield are a very strong side."')
    s = by_content(rec, "Eastfield are a very strong side")
    assert s.date is not None and s.date.value == "2026-03-05", s.date


# -- 14. kinds ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_said_it_was_time_to_act_is_a_demand_and_it_was_not_time_to_panic_is_not():
    rec = extract("Mayor Ana Lima said it was time for the council to act. She said it was not time to panic.")
    assert by_content(rec, "time for the council to act").kind == "demand"
    assert by_content(rec, "not time to panic").kind != "demand"


@pytest.mark.slow
def test_you_must_is_a_demand():
    rec = extract("Sheriff Tom Hale said you must leave the valley tonight.")
    assert by_content(rec, "you must leave the valley").kind == "demand"


# -- 8. headline attributions ----------------------------------------------------------------------

@pytest.mark.slow
def test_a_headline_who_colon_what_is_an_undated_statement_but_a_topic_label_is_not():
    rec = extract("Police: Driver had been drinking before the crash\n\n"
                  "A driver who hit a bus shelter in Eastfield had been drinking, police said on Thursday.")
    s = by_content(rec, "Driver had been drinking before the crash")
    assert (s.cue, s.date, s.kind) == (None, None, "claim")
    rec = extract("Eastfield: Forces advance on the eastern front\n\nForces moved on Tuesday.")
    assert rec.statements == ()


@pytest.mark.slow
def test_a_headline_title_before_the_colon_is_the_holder_named_below():
    rec = extract("Chief: Crews met with hostility near the ridge\n\n"
                  "Fire crews were threatened by residents, Fire Chief Tom Hale said on Wednesday.")
    s = by_content(rec, "Crews met with hostility near the ridge")
    assert (name_of(rec, s.speaker), s.date) == ("Tom Hale", None)


@pytest.mark.slow
def test_a_headline_notice_with_a_quote_after_the_colon_is_a_direct_undated_statement():
    rec = extract("Harbour board issues stark warning as storm nears: 'You are in grave danger and you must leave "
                  "the coast now'\n\nThe storm is expected to hit on Friday.")
    s = by_content(rec, "you must leave the coast now")
    assert (s.cue, s.direct, s.kind, s.date) == ("warning", True, "demand", None)


# -- 10. speakers: a dateline city never speaks ------------------------------------------------------

def test_a_title_case_dateline_with_a_date_and_a_wire_credit_is_a_dateline():
    import spacy

    from newsledger.extract._doc import dateline_tokens

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Lisbon, March 3 (XNA) - The port authority said on Sunday that the harbour would reopen.")
    assert {doc[i].text for i in dateline_tokens(doc)} == {"Lisbon", ",", "March", "3", "(", "XNA", ")"}
    doc = nlp("Lena Fosse, 45, who chairs it - said the harbour would reopen.")
    assert not dateline_tokens(doc)


@pytest.mark.slow
def test_the_dateline_city_is_not_the_speaker_of_the_lead():
    rec = extract("Lisbon, March 3 (XNA) - South Vell's foreign office said on Saturday that Vell Foreign Minister "
                  "Ana Lima and her Freedonian counterpart Tom Hale agreed in talks in Porto to deepen trade ties.")
    s = by_content(rec, "agreed in talks in Porto")
    assert name_of(rec, s.speaker) != "Lisbon"


# -- 5/10. a closing attribution the tagger read as a noun; an indirect question is no claim --------------

@pytest.mark.slow
def test_a_station_that_reports_at_the_end_of_the_sentence_is_the_speaker():
    rec = extract("In a few instances, farmers have drawn knives and threatened surveyors on their fields, "
                  "KVLT-TV reports.")
    s = by_content(rec, "farmers have drawn knives")
    assert (s.cue, s.speaker_text) == ("reports", "KVLT-TV")


@pytest.mark.slow
def test_an_indirect_question_is_not_a_statement_but_a_subject_clause_is():
    rec = extract("The coach revealed what she said in the locker room at the interval. "
                  "Ana Lima said what happened was a tragedy.")
    no_statement(rec, "locker room")
    assert by_content(rec, "what happened was a tragedy").kind == "opinion"


@pytest.mark.slow
def test_this_is_what_x_said_gives_x_the_sentence_before_but_not_across_a_paragraph():
    rec = extract("Vell and Freedonia have a large agenda in trade and energy. This is what Vell's foreign minister "
                  "Ana Lima said during her meeting with Tom Hale, the ministry reports.")
    s = by_content(rec, "a large agenda in trade and energy")
    assert (s.cue, name_of(rec, s.speaker)) == ("said", "Ana Lima")
    rec = extract("The bridge will close in May.\n\nThis is what the mayor said.")
    no_statement(rec, "The bridge will close")


@pytest.mark.slow
def test_according_to_figures_published_by_a_body_gives_the_body():
    rec = extract("According to the provisional figures published by the Vell Electoral Board, the ruling party won "
                  "a majority in the assembly.")
    s = by_content(rec, "the ruling party won a majority")
    assert name_of(rec, s.speaker) == "Vell Electoral Board"


@pytest.mark.slow
def test_an_undated_saying_at_a_briefing_shares_the_day_of_the_dated_one():
    rec = extract("The Ridge Fire has destroyed an estimated 30 homes since it started, Fire Chief Tom Hale said "
                  'during a news briefing.\n\n"Please leave when you are told to," Sheriff Ana Lima said Tuesday at '
                  "the news conference.")
    s = by_content(rec, "destroyed an estimated 30 homes")
    assert s.date is not None and s.date.value == "2026-03-03"
