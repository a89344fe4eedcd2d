"""Statements and speakers as real reports write them (issue 11, round six), each pattern reproduced by
an invented article. Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def by_content(rec, words: str):
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement with {words!r}: {[s.content.text for s in rec.statements]}"
    return hits[0]


def name_of(rec, eid):
    return rec.entity(eid).name if eid else None


# -- one quote cut by its attribution, the attribution closing the sentence -------------------------

@pytest.mark.slow
def test_quote_resumed_after_an_attribution_sentence_is_one_statement_in_two_parts():
    rec = extract('Storm Hits Velmar Coast\n\nA storm flattened piers along the Velmar coast on Thursday.\n\n'
                  '"The harbour has never seen a night like this. Boats were thrown onto the quay," Mayor Lina '
                  'Orvik said in a statement on Friday. "We will rebuild every pier before summer."\n')
    said = [s for s in rec.statements if "harbour has never" in s.content.text or "rebuild" in s.content.text]
    assert len(said) == 1, [s.content.text for s in rec.statements]
    st = said[0]
    assert [p.text for p in st.parts] == [
        "The harbour has never seen a night like this. Boats were thrown onto the quay",
        "We will rebuild every pier before summer."]
    assert name_of(rec, st.speaker) == "Lina Orvik" and st.direct


@pytest.mark.slow
def test_quote_after_an_abbreviated_title_in_the_attribution_still_resumes():
    rec = extract('"The strike has closed three ports," Velmar Gov. Tomas Brandt said on Thursday. '
                  '"We expect talks to resume soon."\n')
    assert len(rec.statements) == 1, [s.content.text for s in rec.statements]
    assert len(rec.statements[0].parts) == 2


@pytest.mark.slow
def test_a_quote_someone_else_attributes_is_not_resumed():
    rec = extract('"The offer is fair," Ivo Brenn said on Monday. "It is far too low," union leader Mara '
                  'Quist replied.\n')
    fair, low = by_content(rec, "offer is fair"), by_content(rec, "far too low")
    assert fair is not low and not fair.parts
    assert name_of(rec, low.speaker) == "Mara Quist"


# -- descriptor speakers -----------------------------------------------------------------------------

@pytest.mark.slow
def test_the_chief_minister_is_the_person_given_that_title_later():
    rec = extract("Floods Swamp Velmar\n\nFloods have swept the north. The chief minister of Velmar has "
                  'described the situation as "a grave crisis."\n\n"Thousands have lost their homes," Chief '
                  "Minister Ana Rusk said on Thursday.\n")
    st = by_content(rec, "grave crisis")
    assert name_of(rec, st.speaker) == "Ana Rusk"


@pytest.mark.slow
def test_a_capitalized_health_minister_is_the_named_health_minister_not_another_minister():
    rec = extract("Finance Minister Oren Tal said the budget was tight. Health Minister Dr. Ilse Varn says "
                  "clinics will open on Monday.\n\nThe Health Minister is urging parents to vaccinate their "
                  "children.\n")
    st = by_content(rec, "parents to vaccinate")
    assert name_of(rec, st.speaker) == "Ilse Varn"


@pytest.mark.slow
def test_the_deputy_minister_is_not_the_minister():
    rec = extract("Minister Oren Tal opened the bridge on Monday. The deputy minister said the road would "
                  "be repaired by May.\n")
    st = by_content(rec, "road would be repaired")
    assert st.speaker is None or name_of(rec, st.speaker) != "Oren Tal"


@pytest.mark.slow
def test_an_unnamed_company_spokesperson_speaks_for_the_company():
    rec = extract("Hexacorp to Fight Fine\n\nHexacorp will appeal a 40 million euro fine from the Velmar "
                  "regulator, a company spokesperson confirmed to reporters.\n")
    st = by_content(rec, "will appeal")
    assert name_of(rec, st.speaker) == "Hexacorp"


@pytest.mark.slow
def test_the_giants_spokesperson_is_the_company_the_article_is_about_not_the_regulator():
    rec = extract("Hexacorp will appeal the fine, its lawyers said on Monday. The Velmar Data Office fined "
                  'Hexacorp in January. The Velmar Data Office said the rules were clear.\n\n'
                  "Hexacorp has appealed twice before.\n\n"
                  '"We followed the law at every step," the software giant\'s spokesperson said in an email.\n')
    st = by_content(rec, "followed the law")
    assert name_of(rec, st.speaker) == "Hexacorp"


@pytest.mark.slow
def test_a_bare_spokesperson_stays_unnamed():
    rec = extract("Hexacorp opened a plant in Velmar. A spokesperson said more jobs would follow.\n")
    st = by_content(rec, "more jobs")
    assert st.speaker is None and st.speaker_text


@pytest.mark.slow
def test_officials_including_a_named_person_are_that_person_speaking():
    rec = extract("Governor Tal Bren toured the flooded valley on Friday.\n\nOfficials there, including "
                  'Bren, are calling the flood "the worst in a century."\n')
    st = by_content(rec, "the worst")
    assert name_of(rec, st.speaker) == "Tal Bren"


# -- a quote paragraph standing alone after a reporting sentence -------------------------------------

@pytest.mark.slow
def test_quote_paragraph_after_a_reporting_sentence_with_no_clause_is_its_subjects():
    rec = extract("Velmar Rovers Injury News\n\nMidfielder Ivo Sand is out until May, Rovers said on Monday.\n\n"
                  "Winger Tal Oren is fit again and coach Mara Quist reported no new injuries at her weekly "
                  "press conference.\n\n"
                  '"We have a full squad for the first time this year. The players are hungry."\n')
    st = by_content(rec, "full squad")
    assert name_of(rec, st.speaker) == "Mara Quist" and st.direct and st.cue is None


@pytest.mark.slow
def test_quote_paragraph_after_a_sentence_that_reports_nothing_stays_unattributed():
    rec = extract("Velmar Rovers Injury News\n\nMidfielder Ivo Sand is out until May, Rovers said on Monday.\n\n"
                  "Winger Tal Oren is fit again and coach Mara Quist trained with the squad on Friday.\n\n"
                  '"We have a full squad for the first time this year. The players are hungry."\n')
    assert not [s for s in rec.statements if "full squad" in s.content.text and s.speaker is not None
                and name_of(rec, s.speaker) == "Mara Quist"]


# -- "First, A. But B, noted X.": the cue at the end reports both sentences ---------------------------

@pytest.mark.slow
def test_inverted_cue_after_a_linked_second_sentence_reports_the_first_sentence_too():
    rec = extract("Governor Ana Holt said on Wednesday the bank had two messages.\n\n"
                  "First, high import duties have hurt exporters, and weak demand is weighing on "
                  "investment. But so far, the harbour trade is holding up nicely, noted Governor Holt at the "
                  "briefing.\n")
    st = by_content(rec, "holding up nicely")
    assert st.content.text.startswith("First, high import duties")
    assert name_of(rec, st.speaker) == "Ana Holt"


@pytest.mark.slow
def test_inverted_cue_without_a_linking_word_reports_its_own_sentence_only():
    rec = extract("Governor Ana Holt said on Wednesday the bank had two messages.\n\n"
                  "High import duties have hurt exporters. The economy is holding up well, noted Governor "
                  "Holt at the press conference.\n")
    st = by_content(rec, "holding up well")
    assert not st.content.text.startswith("High import")


# -- the story's own day ------------------------------------------------------------------------------

def _date(st):
    return st.date.value if st.date is not None else None


@pytest.mark.slow
def test_a_present_tense_says_in_a_story_dating_nothing_earlier_is_the_story_day():
    rec = extract("Bank governor Ana Holt says borrowing costs are at a sensible level. The bank left its rate "
                  "at 4 percent.\n")
    assert _date(by_content(rec, "sensible level")) == PUB


@pytest.mark.slow
def test_coming_fixtures_told_before_the_cue_do_not_stop_the_story_day():
    rec = extract("Velmar Rovers are top of the table. They play Ostrava on Saturday and meet Tarn next week.\n\n"
                  "Coach Mara Quist has confirmed that Ivo Sand will be out for six weeks.\n")
    assert _date(by_content(rec, "will be out")) == PUB


@pytest.mark.slow
def test_an_earlier_day_told_before_the_cue_leaves_the_date_open():
    rec = extract("Velmar Rovers lost to Ostrava on Monday.\n\nRovers coach Mara Quist says the team "
                  "will recover.\n")
    assert _date(by_content(rec, "will recover")) != PUB


@pytest.mark.slow
def test_a_later_statement_of_the_same_speaker_keeps_the_day_of_the_first():
    rec = extract("Coach Mara Quist has confirmed that Ivo Sand will be out for six weeks after an injury "
                  "in last weekend's win.\n\nWinger Tal Oren is fit again and Quist reported no new injuries "
                  "at her press conference.\n\n"
                  '"We have a full squad for the first time this year. The players are hungry."\n')
    assert _date(by_content(rec, "will be out")) == PUB
    assert _date(by_content(rec, "full squad")) == PUB


# -- frames -------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_added_that_with_a_long_subject_is_still_what_was_added():
    rec = extract("Judge Ana Holt sentenced Ivo Sand to nine years on Monday.\n\nHolt added that Sand's attempt "
                  "to excuse his actions by saying the deals he made in exchange for cash were good for the town "
                  'shows "he has no regret."\n')
    st = by_content(rec, "attempt to excuse")
    assert name_of(rec, st.speaker) == "Ana Holt" and st.cue == "added"


@pytest.mark.slow
def test_appealing_a_fine_is_a_legal_act_not_a_statement():
    rec = extract("Hexacorp appealed the watchdog's fine over its part in the billing scandal. The mayor appealed "
                  "for calm.\n")
    assert not [s for s in rec.statements if "fine" in s.content.text]
    assert by_content(rec, "calm").cue.startswith("appealed")


@pytest.mark.slow
def test_his_company_announced_is_the_company_not_the_man():
    rec = extract("Ivo Sand, who runs sales at Hexacorp Inc., will retire in May, his company said.\n")
    st = by_content(rec, "will retire")
    assert name_of(rec, st.speaker) == "Hexacorp Inc."
