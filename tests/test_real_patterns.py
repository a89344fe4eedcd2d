"""Patterns seen in real published reports (issue 11), each reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger
from newsledger.nlp import mark_line_breaks

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def by_content(rec, words: str):
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement with {words!r}: {[s.content.text for s in rec.statements]}"
    return hits[0]


def name_of(rec, eid):
    return rec.entity(eid).name if eid else None


# -- layout: headlines and paragraphs are sentences of their own ---------------------------------

def _blank_doc(text: str):
    import spacy

    return mark_line_breaks(spacy.blank("en")(text))


def _starts(doc) -> list[str]:
    return [t.text for t in doc if t.is_sent_start]


def test_headline_without_full_stop_starts_a_new_sentence_below_it():
    doc = _blank_doc("Port Strike Could Spread, Warns Dock Union\nThe union said talks had failed.")
    assert "The" in _starts(doc)


def test_paragraph_after_a_closing_quote_starts_a_sentence_and_the_quote_stays():
    doc = _blank_doc('He said it would "end badly."\nShe said nothing.')
    starts = _starts(doc)
    assert "She" in starts and '"' not in starts


def test_wrapped_line_inside_a_sentence_is_left_to_the_parser():
    doc = _blank_doc("The committee said the\nreport was late. Members agreed.")
    assert doc[5].text == "report" and doc[5].is_sent_start is not True


def test_blank_line_starts_a_sentence_even_without_punctuation():
    doc = _blank_doc("Results at a glance\n\nturnout was low")
    assert "turnout" in _starts(doc)


@pytest.mark.slow
def test_lead_under_a_headline_is_not_read_as_part_of_the_headline():
    text = ("'We will not give up the harbour': new port chief\n"
            "Newly appointed Harbour Authority chief Tomas Verhoek has said that his first task will be "
            "reopening the northern quay.\n")
    rec = extract(text)
    s = by_content(rec, "his first task will be reopening")
    assert s.cue == "said" and name_of(rec, s.speaker) == "Tomas Verhoek"


# -- when it was said ------------------------------------------------------------------------------

@pytest.mark.slow
def test_quoted_paragraph_without_a_cue_takes_the_date_of_the_statement_it_continues():
    text = ("The central bank kept its main rate at 4 percent.\n\n"
            '"The figures show the worst is behind us," Governor Alma Reyes said at a news conference '
            'on Tuesday. "We have done what was needed."\n\n'
            '"We will keep rates where they are until the summer."\n')
    rec = extract(text)
    first = by_content(rec, "the worst is behind us")
    later = by_content(rec, "keep rates where they are")
    assert [p.text for p in first.parts][-1:] == ["We have done what was needed."]  # one quote, two parts
    assert first.date is not None and first.date.value == "2026-03-03"
    assert later.cue is None and later.date is not None and later.date.value == "2026-03-03"


# -- one person one entity: a headline word is not a person ---------------------------------------

def test_headline_tokens_are_found_only_on_title_case_lines():
    from newsledger.extract.entities.names import headline_tokens

    doc = _blank_doc("Harbour Board Says Strike 'Will Hurt' If Talks Fail\nThe board said on Monday it was worried.")
    heads = headline_tokens(doc)
    assert {doc[k].text for k in heads} >= {"Harbour", "Says", "Strike", "Fail"}
    assert not any(doc[k].text in ("board", "worried") for k in heads)
    plain = _blank_doc("Harbour board says strike will hurt\nThe board said it was worried.")
    assert not headline_tokens(plain)


@pytest.mark.slow
def test_title_case_headline_words_are_not_names_but_real_names_in_it_are():
    text = ("Velmar Says Port Deal 'Will Collapse' If Orvan Imposes New Tariffs\n\n"
            "Velmar's trade ministry warned on Thursday that the port agreement would fail if Orvan went "
            "ahead with tariffs. Orvan has not commented.\n")
    rec = extract(text)
    names = {e.name for e in rec.entities}
    assert not any(w in n for n in names for w in ("Says", "Collapse", "Imposes", "Tariffs"))
    assert "Orvan" in names


# -- reporting frames -----------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("sentence, cue, content, kind", [
    ("Opposition leader Marta Ilves decried the decision as a betrayal of voters.", "decried",
     "the decision as a betrayal of voters", "opinion"),
    ("Prime Minister Eero Saar reiterated that the country would not join the pact.", "reiterated",
     "the country would not join the pact", None),
    ("Prime Minister Eero Saar made clear that the country would not join the pact.", "made clear",
     "the country would not join the pact", None),
    ("The minister made it plain that the talks were over.", "made it plain", "the talks were over", None),
    ("The inquiry concluded that the pilot had ignored the warnings.", "concluded",
     "the pilot had ignored the warnings", "claim"),
])
def test_real_reporting_frames(sentence, cue, content, kind):
    rec = extract(sentence)
    s = by_content(rec, content)
    assert s.cue == cue
    if kind:
        assert s.kind == kind


@pytest.mark.slow
def test_make_without_clear_reports_nothing():
    rec = extract("The council made a decision that angered farmers.")
    assert not rec.statements


@pytest.mark.slow
def test_a_title_case_headline_closed_by_says_and_a_named_speaker_is_a_statement():
    rec = extract("Harbour Board of Tarvos Will Act If Fuel Prices Climb, Says Chair Hallberg\n\n"
                  "The harbour board could cut fees next week, chair Ines Hallberg said on Friday.")
    st = by_content(rec, "Will Act")
    assert name_of(rec, st.speaker) == "Ines Hallberg"


def test_a_headline_says_hung_under_an_if_clause_still_attributes_the_headline():
    # hand-built parse: the parser hangs "Says" as an advcl carrying the headline's "If" and its speaker after it
    import spacy
    from spacy.tokens import Doc

    from newsledger.extract.statements.cues import find_drafts

    words = ["Mint", "of", "Tarvos", "Is", "Set", "to", "Act", "If", "Fuel", "Costs", ",", "Says", "Governor", "Veld"]
    heads = [3, 0, 1, 3, 3, 6, 4, 11, 9, 11, 11, 3, 13, 11]
    deps = ["nsubj", "prep", "pobj", "ROOT", "acomp", "aux", "xcomp", "mark", "compound", "nsubj", "punct", "advcl",
            "compound", "nsubj"]
    tags = ["NNP", "IN", "NNP", "VBZ", "JJ", "TO", "VB", "IN", "NNP", "NNP", ",", "VBZ", "NNP", "NNP"]
    pos = ["PROPN", "ADP", "PROPN", "AUX", "ADJ", "PART", "VERB", "SCONJ", "PROPN", "PROPN", "PUNCT", "VERB",
           "PROPN", "PROPN"]
    lemmas = ["Mint", "of", "Tarvos", "be", "set", "to", "act", "if", "fuel", "cost", ",", "say", "Governor", "Veld"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * 13)
    assert [(d.cue_text, d.subject_i, d.content_tokens) for d in find_drafts(doc, [])] == [("Says", 13, (0, 10))]


@pytest.mark.slow
def test_pointed_out_is_a_cue_plain_and_inverted_with_a_descriptor_speaker():
    rec = extract("Governor Ines Hallberg spoke in Tarvos on Friday. "
                  "Prices have fallen for three months, pointed out the governor. "
                  "She pointed out that wages had risen. She pointed to the harbour.")
    inverted = by_content(rec, "Prices have fallen")
    assert name_of(rec, inverted.speaker) == "Ines Hallberg" and inverted.cue == "pointed out"
    assert name_of(rec, by_content(rec, "wages had risen").speaker) == "Ines Hallberg"
    assert not [s for s in rec.statements if "harbour" in s.content.text]


# -- wrong speakers ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_relay_through_an_agency_is_one_statement_with_the_agency_as_channel():
    rec = extract("The strike will continue, Ivo Tamm said, according to the Baltic News Agency.")
    assert len(rec.statements) == 1
    s = rec.statements[0]
    assert name_of(rec, s.speaker) == "Ivo Tamm" and "Baltic News Agency" in (s.channel_text or "")


@pytest.mark.slow
def test_according_to_with_content_of_its_own_stays_a_statement():
    rec = extract("According to the Baltic News Agency, the strike will continue until May.")
    assert [s.cue for s in rec.statements] == ["According to"]


@pytest.mark.slow
def test_name_before_who_is_a_person_and_keeps_the_statement():
    rec = extract("Ivo Tamm, who leads the winning party, said he would form a government quickly.")
    tamm = next(e for e in rec.entities if e.name == "Ivo Tamm")
    assert tamm.type == "PERSON"
    assert name_of(rec, by_content(rec, "form a government").speaker) == "Ivo Tamm"


# -- one person one entity ------------------------------------------------------------------------

@pytest.mark.slow
def test_unknown_given_name_opening_a_sentence_stays_with_the_surname():
    rec = extract('Ruta Kask told reporters: "We will not back down." Kask leads the dockers.')
    people = [e for e in rec.entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Ruta Kask"]
    assert name_of(rec, rec.statements[0].speaker) == "Ruta Kask"


@pytest.mark.slow
def test_headline_attribution_at_the_end_after_a_comma():
    text = ("Two held over warehouse fire, Harbour police say\n\n"
            "Two men were arrested on Thursday after a fire destroyed a warehouse, police said.\n")
    rec = extract(text)
    s = by_content(rec, "Two held over warehouse fire")
    assert s.cue == "say" and s.content.text == "Two held over warehouse fire"
    assert s.date is None  # a headline carries no day, so neither does its statement


@pytest.mark.slow
def test_headline_attribution_with_the_cue_first():
    rec = extract("Talks could collapse, warns union chief\nThe dockers' union said on Monday that talks had stalled.\n")
    s = by_content(rec, "Talks could collapse")
    assert s.cue == "warns" and s.speaker_text == "union chief"


@pytest.mark.slow
def test_body_qualifying_a_title_gives_the_title_holder_not_the_body():
    text = ("Lena Varga, the governor of the Kestrel National Bank (KNB), said on Thursday that prices "
            "had stopped rising. The KNB governor also said that \"there is no need to panic.\"\n")
    rec = extract(text)
    s = by_content(rec, "there is no need to panic")
    assert name_of(rec, s.speaker) == "Lena Varga"


@pytest.mark.slow
def test_body_qualifying_a_title_with_no_holder_named_is_an_unnamed_speaker():
    rec = extract("The Kestrel National Bank (KNB) raised rates. A KNB official said more rises would follow.")
    s = by_content(rec, "more rises would follow")
    assert s.speaker is None and "official" in s.speaker_text


@pytest.mark.slow
def test_role_after_a_bodys_name_is_not_part_of_the_bodys_name():
    rec = extract("Ana Pop, the Kestrel National Bank Governor, said rates would stay high.")
    names = {e.name: e for e in rec.entities}
    assert "Kestrel National Bank" in names and names["Kestrel National Bank"].type == "ORG"
    assert not any(n.endswith("Governor") for n in names)
    assert "Governor" in names["Ana Pop"].attributes.titles


# -- speakers named as bodies -----------------------------------------------------------------------

@pytest.mark.slow
def test_lower_case_body_named_by_its_office_is_an_organization_and_speaks():
    rec = extract('"The strike will go on," the foreign ministry said on Monday. The ministry added that '
                  'talks would resume.')
    s = by_content(rec, "The strike will go on")
    body = rec.entity(s.speaker)
    assert body.type == "ORG" and body.name == "foreign ministry"
    assert by_content(rec, "talks would resume").speaker == body.id


@pytest.mark.slow
def test_place_before_police_joins_it_and_bare_police_names_nobody():
    rec = extract("Two men were arrested after the fire, Harbourton police said. Police said earlier "
                  "that nobody was hurt.")
    names = {e.name: e.type for e in rec.entities}
    assert names.get("Harbourton police") == "ORG"
    assert "police" not in {n.lower() for n in names}


@pytest.mark.slow
def test_police_qualifying_a_person_is_no_body():
    rec = extract("A Harbourton police officer was wounded on Saturday, officials said.")
    assert not any("police" in e.name for e in rec.entities)


@pytest.mark.slow
def test_lead_under_a_headline_dates_the_statements_that_follow():
    text = ("Ferry talks collapse; crews walk out\n"
            "Ferry wage talks collapsed on Wednesday hours before a strike deadline.\n"
            "Chief negotiator Lars Ekholm said the two sides would not meet again this month.\n")
    rec = extract(text)
    s = by_content(rec, "would not meet again this month")
    assert s.date is not None and s.date.value == "2026-03-04"


def test_second_word_of_a_line_never_starts_a_sentence_after_a_forced_start():
    doc = _blank_doc("Ferry talks collapse\nSteel wage talks collapsed today.")
    steel = next(t for t in doc if t.text == "Steel")
    assert steel.is_sent_start and doc[steel.i + 1].is_sent_start is False


@pytest.mark.slow
def test_title_with_a_for_phrase_is_split_from_the_name():
    rec = extract("Commissioner for Fair Trading Anna Varn has brushed aside complaints about her staff.")
    person = next(e for e in rec.entities if e.type == "PERSON")
    assert person.name == "Anna Varn"
    assert "Commissioner for Fair Trading" in person.attributes.titles


@pytest.mark.slow
def test_relay_phrase_closing_the_content_is_the_channel_not_a_second_statement():
    rec = extract("Transport Minister Pavel Drozd said the ministry had offered a 6 percent raise, "
                  "according to the state news agency Ostrapress.")
    assert len(rec.statements) == 1
    s = rec.statements[0]
    assert s.content.text == "the ministry had offered a 6 percent raise"
    assert "Ostrapress" in (s.channel_text or "")


# -- quotation styles -------------------------------------------------------------------------------

def test_straight_single_quotes_over_two_sentences_and_apostrophes_are_not_quotes():
    from newsledger.extract.statements.quotes import find_quotes

    text = "Governor Ana Vell told reporters: 'We're not there yet. We won't cut before the dockers' pay deal.'"
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.start:q.end] == "We're not there yet. We won't cut before the dockers' pay deal."


def test_a_possessive_plural_alone_opens_no_quote():
    from newsledger.extract.statements.quotes import find_quotes

    assert find_quotes("The farmers' union and the dockers' leader met on Monday.") == []


@pytest.mark.slow
def test_british_single_quote_after_told_reporters_colon_is_one_direct_statement():
    rec = extract("KCB Governor Marit Solheim told reporters: 'We are not there yet. Inflation is still "
                  "above our target.'")
    s = by_content(rec, "We are not there yet")
    assert s.direct and s.content.text.endswith("above our target.")


@pytest.mark.slow
def test_the_statement_speaks_for_the_body_that_issued_it_and_keeps_its_day():
    text = ('The health ministry on Thursday accused Norvex Medical of fraud. "The company billed us for '
            'machines that were never delivered," the ministry said in a statement. The statement said the '
            'ministry had asked prosecutors to open an investigation.')
    rec = extract(text)
    first = by_content(rec, "billed us for machines")
    later = by_content(rec, "asked prosecutors to open an investigation")
    assert later.speaker is not None and later.speaker == first.speaker
    assert later.date is not None and later.date.value == "2026-03-05"


# -- events -----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_signing_a_contract_is_no_support_and_a_fraud_accusation_is_accuse():
    rec = extract("The health ministry on Thursday accused Norvex Medical of defrauding the state. Health "
                  "Minister Ada Lind, who signed the contract in 2024, said she welcomed the investigation.")
    types = {(v.type, v.trigger.text) for v in rec.events}
    assert ("ACCUSE", "accused") in types
    assert not any(t == "SUPPORT" and w == "signed" for t, w in types)


@pytest.mark.slow
def test_headline_speaker_after_the_cue_is_the_title_holder_introduced_below():
    text = ("Port shutdown could last weeks, warns dockers' leader\n\n"
            "Dockers walked off the job on Thursday. \"We will not return until the offer is fair,\" "
            "Irena Kovalska, the leader of the dockers' union, told reporters.\n")
    rec = extract(text)
    s = by_content(rec, "Port shutdown could last weeks")
    assert s.cue == "warns" and name_of(rec, s.speaker) == "Irena Kovalska"


@pytest.mark.slow
def test_office_word_opening_a_headline_joins_the_body():
    rec = extract("Health ministry accuses supplier of fraud\n\nThe health ministry on Thursday accused "
                  "Norvex Medical of fraud.\n")
    s = by_content(rec, "supplier of fraud")
    assert s.speaker is not None and rec.entity(s.speaker).name.lower() == "health ministry"


@pytest.mark.slow
@pytest.mark.parametrize("sentence, trigger", [
    ("Dockers at the three main ports walked off the job on Thursday.", "walked"),
    ("Nurses went on strike on Monday over pay.", "went"),
])
def test_the_strike_the_story_is_about_is_an_event(sentence, trigger):
    rec = extract(sentence)
    assert [(v.type, v.mode, v.trigger.text) for v in rec.events] == [("PROTEST", "strike", trigger)]


@pytest.mark.slow
def test_walking_off_a_stage_is_no_strike():
    assert not extract("The minister walked off the stage.").events


@pytest.mark.slow
def test_first_word_of_a_sentence_case_headline_is_no_name_unless_the_body_says_so():
    rec = extract("Port shutdown could last weeks, warns union\n\nDockers walked off the job on Thursday.\n")
    assert not any(e.name == "Port" for e in rec.entities)
    rec = extract("Velmora port shut by strike\n\nDockers in Velmora walked off the job on Thursday.\n")
    assert any(e.name == "Velmora" for e in rec.entities)


@pytest.mark.slow
def test_a_quote_that_binds_its_side_in_a_later_clause_is_a_commitment():
    rec = extract("Governor Marit Solheim told reporters: \"We are not there yet. Inflation is still above our "
                  "target, and we will not cut before we are sure it is coming down.\"")
    assert by_content(rec, "We are not there yet").kind == "commitment"


@pytest.mark.slow
def test_a_quote_predicting_what_others_will_do_stays_what_its_first_clause_says():
    rec = extract("Governor Marit Solheim told reporters: \"Prices rose in March. The banks will follow.\"")
    assert by_content(rec, "Prices rose in March").kind != "commitment"


@pytest.mark.slow
def test_expecting_its_own_next_act_is_a_commitment_expecting_others_act_a_prediction():
    rec = extract("The central bank said it expected to lower borrowing costs. Analysts said they expected "
                  "the bank to cut.")
    assert by_content(rec, "it expected to lower").kind == "commitment"
    assert by_content(rec, "they expected the bank to cut").kind == "prediction"


@pytest.mark.slow
def test_acronym_that_is_also_a_word_stays_with_its_full_name():
    rec = extract("The World Health Organization (WHO) said on Monday that cases had doubled. WHO experts "
                  "will visit the region.")
    orgs = [e for e in rec.entities if e.type == "ORG"]
    assert len(orgs) == 1 and "WHO" in orgs[0].aliases


@pytest.mark.slow
def test_unknown_two_word_speaker_is_one_person_with_the_bare_surname():
    rec = extract("The strike will continue, Ivo Tamm said on Monday. Tamm added that the union would meet again.")
    people = [e for e in rec.entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Ivo Tamm"] and "Tamm" in people[0].aliases
    assert {s.speaker for s in rec.statements} == {people[0].id}


@pytest.mark.slow
def test_a_speaking_body_with_an_international_name_stays_an_organization():
    rec = extract("Mercy Rivers International said it had sent two planes of supplies.")
    assert [(e.name, e.type) for e in rec.entities] == [("Mercy Rivers International", "ORG")]


@pytest.mark.slow
def test_a_place_and_a_neutral_council_title_before_a_name_stay_with_the_person():
    rec = extract("Former Ostravin City Councilmember Pella Dunmore was sentenced on Monday to six years in prison. "
                  "Dunmore pleaded guilty last year, Ostravin City Councilmember Rilo Mant said.")
    people = [e for e in rec.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Pella Dunmore", "Rilo Mant"]
    assert any("Councilmember" in t for t in people[0].attributes.titles)
    assert not any("Dunmore" in e.name for e in rec.entities if e.type != "PERSON")
    place = [e for e in rec.entities if e.name == "Ostravin"]  # "City" belongs to the title, not the place
    assert place and place[0].id in people[1].attributes.affiliation
    assert not people[0].attributes.affiliation  # a former office: no longer the city's (real16, past_office_words)


@pytest.mark.slow
def test_a_known_city_named_with_city_keeps_its_name_before_a_title():
    rec = extract("Mexico City Mayor Ana Ruiz said the metro would reopen.")
    assert "Mexico City" in [e.name for e in rec.entities]


@pytest.mark.slow
def test_a_title_after_a_comma_opens_the_next_name_and_the_judge_is_that_one():
    rec = extract("In sentencing Dunmore, Judge Corin Falk said the harm was grave. Dunmore wept in court. "
                  '"It is hard to see why he did it," the judge said.')
    judge = [e for e in rec.entities if e.name == "Corin Falk"][0]
    dunmore = [e for e in rec.entities if e.name == "Dunmore"][0]
    assert "Judge" in judge.attributes.titles and "Judge" not in dunmore.attributes.titles
    assert by_content(rec, "hard to see").speaker == judge.id


# -- times ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_months_ago_is_a_month():
    rec = extract("Prices started rising two months ago, the agency said.")
    assert [(t.text, t.value) for t in rec.times] == [("two months ago", "2026-01")]


@pytest.mark.slow
def test_a_weekday_inside_a_programme_or_show_name_is_no_date():
    rec = extract("The minister spoke on the Sunday Morning programme about the budget. He will appear on "
                  "the Friday show. They will rally next Saturday.")
    assert [(t.text, t.value) for t in rec.times] == [("next Saturday", "2026-03-07")]


@pytest.mark.slow
def test_a_year_less_holiday_in_a_forward_looking_clause_is_the_next_one():
    rec = extract("Talks may drag on past Easter, diplomats said. The strike could last until Christmas. "
                  "Prices rose before Christmas.")
    assert [(t.text, t.value) for t in rec.times] == [
        ("Easter", "2026-04-05"), ("Christmas", "2026-12-25"), ("Christmas", "2025-12-25")]


@pytest.mark.slow
def test_a_weekday_under_a_modal_or_this_in_a_future_clause_is_the_coming_one():
    # PUB is a Friday: the coming Monday is 03-09, the past one 03-02
    rec = extract("Farmers in the valley can expect a visit from inspectors this Monday. "
                  "Inspectors visited the northern farms this Monday.")
    assert [(t.text, t.value) for t in rec.times] == [("this Monday", "2026-03-09"), ("this Monday", "2026-03-02")]


@pytest.mark.slow
def test_a_weekday_ahead_of_which_something_happens_is_the_coming_one():
    rec = extract("The coach won't speak to reporters ahead of Tuesday's match. "
                  "The coach spoke to reporters on Tuesday. "
                  "Ahead of the vote on Wednesday, the mayor had said she would abstain.")
    assert [(t.text, t.value) for t in rec.times] == [
        ("Tuesday", "2026-03-10"), ("Tuesday", "2026-03-03"), ("Wednesday", "2026-03-04")]


@pytest.mark.slow
def test_a_weekday_under_an_infinitive_takes_the_modal_of_its_governor():
    rec = extract("Residents can expect to see repair crews on Monday. Crews were sent to repair roads on Monday.")
    assert [(t.text, t.value) for t in rec.times] == [("Monday", "2026-03-09"), ("Monday", "2026-03-02")]


@pytest.mark.slow
def test_a_weekday_in_a_simple_present_timetable_is_the_coming_one():
    rec = extract("The Harriers are next in action on Tuesday. The Harriers play the Rovers on Wednesday. "
                  "The Harriers lost to the Rovers on Thursday.")
    assert [(t.text, t.value) for t in rec.times] == [
        ("Tuesday", "2026-03-10"), ("Wednesday", "2026-03-11"), ("Thursday", "2026-03-05")]


def test_this_weekday_read_forward_only_when_it_has_passed_this_week():
    import datetime as dt

    from newsledger.extract.times import values as tv
    from newsledger.extract.times.pieces import Ctx, _weekday

    friday = tv.day(dt.date(2026, 3, 6))
    assert _weekday(Ctx(friday, "future"), 0, "this").start.isoformat() == "2026-03-09"
    assert _weekday(Ctx(friday, "future"), 5, "this").start.isoformat() == "2026-03-07"
    assert _weekday(Ctx(friday, "past"), 0, "this").start.isoformat() == "2026-03-02"
    assert _weekday(Ctx(friday, None), 4, "this").start.isoformat() == "2026-03-06"


def test_movable_holidays_count_from_easter_sunday():
    from newsledger.extract.times.pieces import _holiday_in

    assert _holiday_in("easter")(2026).start.isoformat() == "2026-04-05"
    assert _holiday_in("easter-2")(2024).start.isoformat() == "2024-03-29"
    assert _holiday_in("12-25")(2026).start.isoformat() == "2026-12-25"


# -- references inside quotes -----------------------------------------------------------------------

@pytest.mark.slow
def test_the_company_inside_a_bodys_quote_is_not_the_body_itself():
    rec = extract('The health ministry on Thursday accused Norvex Medical of fraud. "The company billed us for '
                  'machines that were never delivered," the ministry said.')
    ministry = next(e for e in rec.entities if "ministry" in e.name.lower())
    assert "The company" not in [m.text for m in ministry.mentions]


@pytest.mark.slow
def test_demonym_before_an_office_body_names_the_body():
    rec = extract("The Mexican navy said on Thursday that all pupils had been accounted for.")
    s = rec.statements[0]
    assert s.speaker is not None and rec.entity(s.speaker).name == "Mexican navy"
    assert rec.entity(s.speaker).type == "ORG"


@pytest.mark.slow
@pytest.mark.parametrize("sentence, speaker_text, content", [
    ("Two soldiers were wounded in the attack (officials reported earlier).", "officials",
     "Two soldiers were wounded in the attack"),
    ("A spokesman read a statement from the embassy saying the diplomat had left the country.", "the embassy",
     "the diplomat had left the country"),
])
def test_parenthetical_and_read_statement_frames(sentence, speaker_text, content):
    rec = extract(sentence)
    s = by_content(rec, content)
    assert s.speaker_text == speaker_text and s.content.text == content


@pytest.mark.slow
def test_a_statement_issued_by_a_body_speaks_for_it():
    rec = extract("The Velmor Embassy issued a statement saying the diplomat had left the country.")
    s = by_content(rec, "the diplomat had left")
    assert s.speaker is not None and rec.entity(s.speaker).name == "Velmor Embassy"


@pytest.mark.slow
def test_colon_headline_gives_a_statement_of_the_title_holder_introduced_below():
    text = ("Borrowing costs 'high enough' to cool prices: KCB Governor\n"
            "Kestrel Central Bank (KCB) Governor Marit Solheim says borrowing costs are high enough.\n")
    rec = extract(text)
    s = by_content(rec, "Borrowing costs 'high enough' to cool prices")
    assert s.cue is None and name_of(rec, s.speaker) == "Marit Solheim" and s.date is None


@pytest.mark.slow
def test_colon_in_a_headline_without_a_speaker_after_it_makes_no_statement():
    rec = extract("Rates: what the decision means for borrowers\nThe central bank kept rates on hold.\n")
    assert not rec.statements


@pytest.mark.slow
def test_a_name_coordinated_with_a_person_is_a_person_and_its_surname_joins_it():
    rec = extract("The rebels released two hostages, Anna Lepp and Ivo Tamm, on Friday. Tamm said he was well.")
    people = {e.name: e for e in rec.entities if e.type == "PERSON"}
    assert set(people) == {"Anna Lepp", "Ivo Tamm"} and "Tamm" in people["Ivo Tamm"].aliases


@pytest.mark.slow
def test_every_name_in_an_apposition_is_released_not_the_first_only():
    rec = extract("The rebels released two hostages, Anna Lepp and Ivo Tamm, to the Red Cross on Friday.")
    rel = [v for v in rec.events if v.trigger.text == "released"]
    assert rel and sorted(rec.entity(x).name for x in rel[0].target) == ["Anna Lepp", "Ivo Tamm"]


@pytest.mark.slow
def test_the_release_said_speaks_for_the_body_that_put_it_out_and_a_named_body_in_a_headline_stays():
    text = ("Guard hurt at depot, Harbourton police say\n\n"
            "A depot guard was hurt early on Sunday, the Harbourton Police Department said in a release. "
            "Officers later arrested a man nearby, the release said. Police Chief Oren Malik said the man "
            "had a knife.\n")
    rec = extract(text)
    head = by_content(rec, "Guard hurt at depot")
    body = rec.entity(head.speaker)
    assert body.type == "ORG" and "Harbourton police" in (body.name, *body.aliases)  # not the police chief
    later = by_content(rec, "Officers later arrested a man nearby")
    assert later.speaker == head.speaker


@pytest.mark.slow
def test_appointed_as_gives_the_title_and_the_title_later_names_the_holder():
    text = ("Lena Varga, appointed on Wednesday for a third term as Governor of the Kestrel National Bank, "
            "said prices had stopped rising. The KNB governor also said that \"there is no need to panic.\"")
    rec = extract(text)
    varga = next(e for e in rec.entities if e.name == "Lena Varga")
    assert "Governor" in varga.attributes.titles
    assert by_content(rec, "no need to panic").speaker == varga.id


def test_a_colon_dateline_ends_before_the_lead():
    doc = _blank_doc("Ministry slams new tariffs\n\nVELMAR: The trade ministry said on Monday it would respond.")
    assert "The" in _starts(doc)


@pytest.mark.slow
def test_a_colon_dateline_is_the_place_filed_from_not_the_speaker():
    rec = extract("Ministry slams new tariffs\n\nVELMAR: The Tumbrian Trade Ministry said on Monday it would respond "
                  "to the tariffs.\n")
    s = by_content(rec, "it would respond")
    assert rec.entity(s.speaker).name == "Tumbrian Trade Ministry"


@pytest.mark.slow
@pytest.mark.parametrize("sentence, content, date", [
    ("Officials in Velmar said on Friday the bridge would reopen.", "the bridge would reopen", "2026-03-06"),
    ("Police in Arlo said Tuesday the suspect had fled.", "the suspect had fled", "2026-03-03"),
    ("Velmar's government said on Monday it would cut fuel taxes.", "it would cut fuel taxes", "2026-03-02"),
])
def test_the_day_right_after_the_cue_dates_the_saying_not_the_content(sentence, content, date):
    s = by_content(extract(sentence), content)
    assert s.content.text == content and s.date is not None and s.date.value == date


@pytest.mark.slow
def test_a_time_that_is_the_contents_subject_or_possessor_stays_in_the_content():
    rec = extract("The clerk said Tuesday was the deadline. She said last week's vote was rigged.")
    for words, value in (("Tuesday was the deadline", "2026-03-03"), ("last week's vote was rigged", "2026-W09")):
        s = by_content(rec, words)
        assert s.content.text == words and (s.date is None or s.date.value != value)


@pytest.mark.slow
def test_ages_written_aged_and_before_an_apposed_name():
    rec = extract("A 32-year-old nurse, Lisa Marrow, was injured. Carl Ottman, aged 61, said he saw the fire. "
                  "Ida Lunde, age 29, was unhurt.")
    ages = {e.name: e.attributes.age for e in rec.entities}
    assert ages == {"Lisa Marrow": 32, "Carl Ottman": 61, "Ida Lunde": 29}  # and no entity "A"


def test_a_hyphen_inside_a_word_is_no_dateline_dash_but_a_glued_double_dash_is():
    import spacy

    from newsledger.extract._doc import dateline_tokens

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert not dateline_tokens(nlp("A 32-year-old man was hurt."))
    assert 0 in dateline_tokens(nlp("VELMAR--The mayor spoke."))


@pytest.mark.slow
def test_she_is_not_given_to_the_man_who_was_the_last_subject():
    rec = extract("Tomas Becker, the harbour master, met Anna Rothe on Monday. She said the port would reopen. "
                  "He said the cranes were ready.")
    names = {e.id: e.name for e in rec.entities}
    assert names[by_content(rec, "the port would reopen").speaker] == "Anna Rothe"
    assert names[by_content(rec, "the cranes were ready").speaker] == "Tomas Becker"


def test_known_gender_from_pronouns_then_given_name():
    from newsledger.analysis.reference import agrees, known_gender

    assert known_gender(["Ivo Brandt", "he", "his"]) == "male"
    assert known_gender(["Ivo Brandt", "he", "his"], "female") == "male"  # the text's pronouns outrank the name
    assert known_gender(["Ivo Brandt", "he", "she"], "female") is None  # mentions disagree: nothing is known
    assert known_gender(["Anna Rothe"], "female") == "female"
    assert known_gender(["Kestrel Vaan"]) is None
    assert not agrees("she", "male") and agrees("she", None) and agrees("they", "male")


@pytest.mark.slow
def test_a_name_the_tagger_reads_across_of_or_and_stays_one_organization():
    rec = extract("Velmar's Flood and Drought Relief Agency said the toll rose. Ona Brisk quit the Chamber of "
                  "Deputies on Monday.")
    names = {e.name for e in rec.entities}
    assert "Flood and Drought Relief Agency" in names and "Chamber of Deputies" in names
    assert not names & {"Flood", "Deputies", "Chamber"}


@pytest.mark.slow
def test_a_common_word_opening_a_sentence_or_quote_alone_is_no_name():
    rec = extract("Harbour fire spreads; Salvage crews called in\n\nSalvage crews in Port Ellis worked overnight. "
                  "\u201cTime is short,\u201d the Ellis Fire Brigade said, as time ran out for the ship. "
                  "Parliament will debate the fire next week.")
    names = {e.name for e in rec.entities}
    assert not names & {"Salvage", "Time"}
    assert "Ellis Fire Brigade" in names and "Parliament" in names


@pytest.mark.slow
def test_a_possessive_pronoun_before_the_speaker_noun_does_not_make_its_owner_speak():
    rec = extract("Ivo Marrick pleaded guilty on Monday. His lawyer said he had returned the money.")
    s = by_content(rec, "he had returned the money")
    assert s.speaker is None and s.speaker_text == "His lawyer"


@pytest.mark.slow
def test_the_army_later_is_the_army_named_before_and_but_stays_outside_the_quote():
    rec = extract('The Velmar Army said the bridge held. But "there is damage," the army said in a statement.')
    first, second = by_content(rec, "the bridge held"), by_content(rec, "there is damage")
    assert second.content.text == "there is damage" and second.direct
    assert second.speaker is not None and second.speaker == first.speaker


@pytest.mark.slow
def test_hypothetical_and_reduced_relative_cues_report_nothing():
    rec = extract("The prosecutor remarked the office will consider whether to appeal for a tougher sentence. "
                  "A boy widely reported to have been found alive is still missing, officials said.")
    assert not [s for s in rec.statements if s.content.text.startswith(("for a tougher", "to have been"))]
    assert len(rec.statements) == 2


@pytest.mark.slow
def test_a_generational_suffix_does_not_keep_the_bare_surname_apart():
    rec = extract("Justice Orlen Vaszy Jr., who retired in 2019, spoke first. \"Nobody is safe,\" said Vaszy.")
    people = [e for e in rec.entities if e.type == "PERSON"]
    assert len(people) == 1 and "Vaszy" in people[0].aliases


@pytest.mark.slow
def test_district_judge_is_a_title_not_a_place():
    rec = extract("U.S. District Judge Hana Brell said the case was closed.")
    brell = next(e for e in rec.entities if e.name == "Hana Brell")
    assert "District Judge" in brell.attributes.titles
    assert not [e for e in rec.entities if "District" in e.name]


@pytest.mark.slow
def test_two_places_joined_by_and_stay_two_places():
    rec = extract("Cases were found in Tarnovo and Belitsa, the health ministry said.")
    names = {e.name for e in rec.entities}
    assert not [n for n in names if " and " in n]


@pytest.mark.slow
def test_an_organization_before_a_title_is_the_holders_affiliation_and_ceo_is_no_acronym():
    rec = extract("Tolvark CEO Greta Vancel said prices would rise. Tolvark shares fell.")
    vancel = next(e for e in rec.entities if e.name == "Greta Vancel")
    assert "CEO" in vancel.attributes.titles
    assert [rec.entity(a).name for a in vancel.attributes.affiliation] == ["Tolvark"]
    assert not [e for e in rec.entities if e.name == "CEO"]


@pytest.mark.slow
def test_the_party_after_a_countrys_possessive_is_the_affiliation():
    rec = extract("John Brandvik, the presidential candidate of Ghana's main opposition Green Unity Party (GUP), "
                  "said he accepted the defeat.")
    brandvik = next(e for e in rec.entities if e.name == "John Brandvik")
    assert [rec.entity(a).name for a in brandvik.attributes.affiliation] == ["Green Unity Party"]
    assert any(r.type == "member_of" and r.subject == brandvik.id for r in rec.relations)


def test_a_quote_running_over_paragraphs_is_one_quote_per_paragraph():
    from newsledger.extract.statements.quotes import find_quotes

    text = ('Union chief Hal Prost said: "The offer is an insult.\n\n"We will strike again.\n\n'
            '"Ministers cannot wish this away."\n\nTalks resume on Monday.')
    got = [text[q.start:q.end] for q in find_quotes(text)]
    assert got == ["The offer is an insult.", "We will strike again.", "Ministers cannot wish this away."]


@pytest.mark.slow
def test_each_paragraph_of_a_running_quote_is_a_statement_of_the_same_speaker():
    text = ('Union chief Hal Prostin said: "The offer is an insult.\n\n"We will strike again in June.\n\n'
            '"Ministers cannot wish this dispute away."\n\nTalks resume on Monday.')
    rec = extract(text)
    contents = [s.content.text for s in rec.statements]
    assert contents == ["The offer is an insult.", "We will strike again in June.",
                        "Ministers cannot wish this dispute away."]
    assert len({s.speaker for s in rec.statements}) == 1 and rec.statements[0].speaker is not None


@pytest.mark.slow
def test_a_quote_before_was_quoted_as_saying_is_the_quoted_persons():
    rec = extract('John Brandvik lost the vote. "There is no real gap between the figures," he was quoted by '
                  'local media as saying.')
    s = by_content(rec, "There is no real gap between the figures")
    assert s.direct and rec.entity(s.speaker).name == "John Brandvik"


@pytest.mark.slow
def test_a_storms_name_is_no_entity_and_a_participle_of_saying_is_no_name():
    rec = extract("Cyclone Mirabel killed 20 people in Madagascar. Mirabel made landfall on Monday, the agency "
                  "said. Noting Malagasy officials were overwhelmed, John Brandvik said aid was coming.")
    names = {e.name for e in rec.entities}
    assert not [n for n in names if "Mirabel" in n or n.startswith("Noting")]
    assert {"Madagascar", "John Brandvik"} <= names


@pytest.mark.slow
def test_a_plural_possessive_inside_a_tagged_name_and_a_republic_of_stay_one_name():
    rec = extract("The minister now has the Dock Workers\u2019 Review Board\u2019s report on pay. Aid reached the "
                  "Democratic Republic of Congo on Monday.")
    names = {e.name for e in rec.entities}
    assert "Dock Workers\u2019 Review Board" in names and "Democratic Republic of Congo" in names


@pytest.mark.slow
def test_a_plain_said_in_a_report_whose_lead_dates_nothing_is_the_story_day():
    rec = extract("Rescuers searched the rubble of the Harbour Hotel. Mayor Dana Quill said at a news conference "
                  "that 40 people were missing. The hotel had been inspected in May, officials had said.")
    s = by_content(rec, "40 people were missing")
    assert s.date is not None and s.date.value == PUB
    assert by_content(rec, "The hotel had been inspected").date is None  # pluperfect: an earlier occasion


@pytest.mark.slow
def test_no_story_day_without_a_publication_date():
    rec = newsledger.extract("Mayor Dana Quill said at a news conference that 40 people were missing.")
    assert by_content(rec, "40 people were missing").date is None


@pytest.mark.slow
def test_a_weekday_under_a_present_progressive_is_the_coming_one():
    rec = extract("Tolvark is shutting two of its mills as of Monday for a week. Tolvark shut a mill on "
                  "Tuesday.")
    values = {t.text: t.value for t in rec.times}
    assert values["Monday"] == "2026-03-09" and values["Tuesday"] == "2026-03-03"


@pytest.mark.slow
def test_relay_after_a_quote_is_the_channel_and_the_quote_stays_the_speakers():
    rec = extract("\u201cThe plant will stay closed until the inspection is over,\u201d Ardent Motors chief executive "
                  "Lena Varga said in a memo to staff, according to the Lakeside Courier. \u201cOur workers come first "
                  "and they will be paid in full.\u201d")
    assert all(name_of(rec, s.speaker) == "Lena Varga" for s in rec.statements), \
        [(s.speaker_text, s.content.text) for s in rec.statements]
    first = by_content(rec, "stay closed")
    assert first.direct and "Lakeside Courier" in (first.channel_text or "")
    assert by_content(rec, "paid in full").speaker == first.speaker


@pytest.mark.slow
def test_the_opposition_party_is_the_party_introduced_as_the_opposition_and_gives_the_affiliation():
    rec = extract("Arvelia's opposition Green Renewal Alliance said the count was flawed. Ida Tamm, spokeswoman "
                  "for the opposition party's election team, told reporters the party had won.")
    odm = next(e for e in rec.entities if e.name == "Green Renewal Alliance")
    assert "the opposition party" in [m.text for m in odm.mentions]
    tamm = next(e for e in rec.entities if e.name == "Ida Tamm")
    assert tamm.attributes.affiliation == (odm.id,)
    assert [(r.type, r.subject, r.object) for r in rec.relations] == [("member_of", tamm.id, odm.id)]


@pytest.mark.slow
def test_the_ruling_party_is_not_the_party_introduced_as_the_opposition():
    rec = extract("Arvelia's opposition Green Renewal Alliance said the count was flawed. Ivo Tamm, spokesman "
                  "for the ruling party's election team, told reporters the party had won.")
    odm = next(e for e in rec.entities if e.name == "Green Renewal Alliance")
    assert "the ruling party" not in [m.text for m in odm.mentions]
    assert not rec.relations


@pytest.mark.slow
def test_its_title_said_is_the_named_holder_of_that_title_at_the_body():
    rec = extract("The Harbor Authority said the port would reopen on Monday, its operations director said. "
                  "\u201cWe are clearing the last berths,\u201d Harbor Authority operations director Lena Varga told reporters.")
    s = by_content(rec, "port would reopen")
    assert name_of(rec, s.speaker) == "Lena Varga", (s.speaker_text, s.speaker)


@pytest.mark.slow
def test_its_title_said_with_no_holder_named_is_an_unnamed_member():
    rec = extract("The Harbor Authority said the port would reopen on Monday, its operations director said. "
                  "Dock director Ivo Tamm of the Pelin Shipping company was not available.")
    s = by_content(rec, "port would reopen")
    assert s.speaker is None and "director" in (s.speaker_text or "")


@pytest.mark.slow
@pytest.mark.parametrize("text, title", [
    ("After a meeting of the Dockers Union, joint general secretaries Dr Lena Varga and Ivo Tamm said the "
     "offer was too low.", "joint general secretaries"),
    ("The Dockers Union said on Monday that co-chairs Lena Varga and Ivo Tamm would meet the minister.", "co-chairs"),
])
def test_a_plural_title_before_two_names_is_held_by_both(text, title):
    rec = extract(text)
    for name in ("Lena Varga", "Ivo Tamm"):
        person = next(e for e in rec.entities if e.name == name)
        assert person.attributes.titles == (title,), (name, person.attributes.titles)
