"""Patterns of a fifth blind sample of real reports (issue 11, real11), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger
from newsledger.nlp import load_model

PUB = "2026-03-04"  # a Wednesday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def names(rec) -> set[str]:
    return {e.name for e in rec.entities}


def speaker_of(rec, words: str) -> tuple[str | None, str | None]:
    """(the speaker's name, the speaker's words) of the statement whose content holds ``words``."""
    by_id = {e.id: e.name for e in rec.entities}
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement holds {words!r}: {[s.content.text for s in rec.statements]}"
    return by_id.get(hits[0].speaker), hits[0].speaker_text


# -- punctuation glued by real copy: a closing quote before the attribution, a code's full stop ----

@pytest.mark.slow
def test_a_closing_quote_glued_to_the_attribution_is_split_from_it():
    words = [t.text for t in load_model()("\u201cWe found it in Marrow County,\u201dhe said.")]
    assert words[-6:] == ["County", ",", "\u201d", "he", "said", "."]
    assert [t.text for t in load_model()('The "best" offer, he said.')][1:4] == ['"', "best", '"']


@pytest.mark.slow
def test_a_glued_closing_quote_keeps_the_quote_a_statement_of_its_speaker():
    rec = extract("Health officer Dr Oren Vask said the clinic was busy.\n\n"
                  "\u201cThe Board has confirmed a fever outbreak in four wards following a fair held in "
                  "Marrow County,\u201dhe said.")
    assert speaker_of(rec, "fever outbreak") == ("Oren Vask", "he")
    assert "Marrow County" in names(rec) and not any("\u201d" in n for n in names(rec))


@pytest.mark.slow
def test_a_code_ending_a_sentence_ends_the_name_there():
    rec = extract("As of 3 a.m. Wednesday, 2,310 residents of Velmora were moved to shelters, according "
                  "to the Office of Emergency Relief of Zone-7C. In Harwick City, about 900 families are in "
                  "shelters, Governor Talia Brenn told Coastline Radio.")
    assert "Harwick City" in names(rec)
    assert not any("Harwick" in n and "Office" in n for n in names(rec))
    assert [t.text for t in load_model()("the Office of Zone-7C. In the U.S. they met.")][3:6] == [
        "Zone-7C", ".", "In"]


# -- a long official name cut by commas, spelled out by its acronym after it -------------------------

@pytest.mark.slow
def test_a_name_with_commas_spelled_out_by_its_acronym_is_one_body():
    rec = extract("The Dock, Crane and Harbour Workers Union (DCHWU) said on Tuesday its members would strike "
                  "after the Board for Arbitration, Conciliation and Mediation (BACM) allowed it.")
    assert {"Dock, Crane and Harbour Workers Union", "Board for Arbitration, Conciliation and Mediation"} <= names(rec)
    assert not {"Conciliation", "Mediation", "Harbour Workers Union"} & names(rec)
    union = next(e for e in rec.entities if e.name.startswith("Dock"))
    assert "DCHWU" in union.aliases


@pytest.mark.slow
def test_names_in_a_list_before_an_acronym_that_spells_only_the_last_stay_apart():
    rec = extract("Delegates of Velmora, Tumbria and the Harbour Workers Union (HWU) met on Tuesday.")
    assert {"Velmora", "Tumbria", "Harbour Workers Union"} <= names(rec)


# -- a title written before a name, which the parser makes the subject's head ------------------------

@pytest.mark.slow
def test_a_title_of_several_words_before_a_name_speaks_as_the_named_person():
    rec = extract("Two held over damaged fountain in Velmora\n\n"
                  "Velmora, March 3 Police on Monday arrested two men for damaging a fountain in the town "
                  "square, an officer said.\n\n"
                  "Superintendent of Police Harsh Gill told reporters that Tavo Rensi and Milo were arrested "
                  "near the old mill on Monday.")
    assert speaker_of(rec, "old mill")[0] == "Harsh Gill"


@pytest.mark.slow
def test_a_title_with_no_name_after_it_gives_no_later_person():
    rec = extract("The Acting Director General said on Monday that Tavo Rensi would resign.")
    assert speaker_of(rec, "would resign")[0] != "Tavo Rensi"


# -- who works where: initials side by side, "X is the director of Y", "X of The <Demonym>" ------------

def member_of(rec) -> set[tuple[str, str]]:
    by_id = {e.id: e.name for e in rec.entities}
    return {(by_id[r.subject], by_id[r.object]) for r in rec.relations if r.type == "member_of"}


@pytest.mark.slow
def test_a_place_and_a_body_initials_before_a_title_give_the_body():
    rec = extract("Velmar rail staff to strike\n\n"
                  "The Velmar Transport Workers Union (VTWU) has been trying to negotiate a pay rise.\n\n"
                  "But TAS VTWU secretary Alex Marr says the minister refuses to meet.")
    assert ("Alex Marr", "Velmar Transport Workers Union") in member_of(rec)
    assert not any(o == "TAS" for _, o in member_of(rec))


@pytest.mark.slow
def test_a_body_head_introduced_by_a_copula_is_its_member_and_the_body_an_org():
    rec = extract("Marl Relief and the Velmar Office of Roads are clearing the passes.\n\n"
                  "Kevin Dask is the director of Marl Relief. He says the northern pass is the top priority.")
    assert ("Kevin Dask", "Marl Relief") in member_of(rec)
    assert next(e for e in rec.entities if e.name == "Marl Relief").type == "ORG"


@pytest.mark.slow
def test_a_copula_with_a_kin_word_or_a_place_after_of_gives_no_membership():
    rec = extract("Oren Dask is the brother of Ilsa Varn. Tavo Rensi of Velmora and Lena Osk of Leeds said the pass was shut.")
    assert member_of(rec) == set()


@pytest.mark.slow
def test_a_person_of_a_paper_titled_the_demonym_is_its_member():
    rec = extract("Ilsa Varn said the minister had handed the letters to Peter Dask of The Norwegian on Monday.")
    paper = next(e for e in rec.entities if "Norwegian" in e.name)
    assert paper.type == "ORG"
    assert ("Peter Dask", paper.name) in member_of(rec)


# -- events: one act told by its doer and by its target; funds authorized --------------------------

def events_of(rec, type_: str) -> list:
    return [v for v in rec.events if v.type == type_]


@pytest.mark.slow
def test_an_arrest_told_by_who_made_it_and_by_whom_it_took_is_one_event():
    rec = extract("Velmora, March 3 Police on Monday arrested two men for damaging a fountain, an officer said.\n\n"
                  "Superintendent of Police Harsh Gill told reporters that Tavo Rensi and Milo Park were "
                  "arrested near the old mill on Monday.")
    arrests = [v for v in events_of(rec, "COERCE") if v.status == "asserted"]
    by_id = {e.id: e.name for e in rec.entities}
    assert len(arrests) == 1
    assert {by_id[t] for t in arrests[0].target} == {"Tavo Rensi", "Milo Park"} and arrests[0].source


@pytest.mark.slow
def test_arrests_on_different_days_stay_two_events():
    rec = extract("Police on Monday arrested two men in Velmora, an officer said.\n\n"
                  "Tavo Rensi and Milo Park were arrested near the old mill on Friday, the officer said.")
    assert len([v for v in events_of(rec, "COERCE") if v.status == "asserted"]) == 2


@pytest.mark.slow
def test_funds_authorized_by_a_governor_are_aid():
    rec = extract("Governor Ilsa Varn has authorized an additional $9 million in emergency funds for the fire "
                  "crews. That will pay for more helicopters.")
    by_id = {e.id: e.name for e in rec.entities}
    assert [by_id[s] for v in events_of(rec, "AID") for s in v.source] == ["Ilsa Varn"]


# -- a strike of workers named by their place or employer is their union's --------------------------

STRIKE = ("Velmar rail staff to strike\n\n"
          "TAS train workers will strike for 24 hours at the end of March, with the union saying its members "
          "are fed up with Transport Minister Oren Malik.\n\n"
          "The Velmar Transport Workers Union (VTWU) has been trying to negotiate a pay rise.\n")


@pytest.mark.slow
def test_workers_named_by_their_place_strike_as_the_one_union_named():
    rec = extract(STRIKE)
    by_id = {e.id: e.name for e in rec.entities}
    strikes = [v for v in rec.events if v.type == "PROTEST" and v.mode == "strike"]
    assert strikes and all([by_id[s] for s in v.source] == ["Velmar Transport Workers Union"] for v in strikes)


@pytest.mark.slow
def test_the_union_saying_before_the_union_is_named_is_that_union():
    assert speaker_of(extract(STRIKE), "fed up")[0] == "Velmar Transport Workers Union"


@pytest.mark.slow
def test_workers_strike_with_two_unions_named_gets_no_union():
    rec = extract("Velmar port workers will strike on Monday.\n\n"
                  "The Velmar Dockers Union and the Crane Operators Union both backed the action.")
    by_id = {e.id: e.name for e in rec.entities}
    strikes = [v for v in rec.events if v.type == "PROTEST" and v.mode == "strike"]
    assert not any("Velmar" == by_id.get(s) for v in strikes for s in v.source)
    assert not any("Union" in by_id.get(s, "") for v in strikes for s in v.source)


# -- wildfires named after where they started are events, not entities ------------------------------

@pytest.mark.slow
def test_named_wildfires_are_no_entities():
    rec = extract("Marl Relief is fighting fires across the state. Kevin Dask is the director of Marl Relief. "
                  "He says the Pine Creek and Ashby fires are the top priorities, and that people near the "
                  "Ashby fire did not leave soon enough. Cars were left on the road in the Valley Fire as well.")
    assert not {"Pine Creek", "Ashby", "Valley Fire", "Valley"} & names(rec)
    assert {"Marl Relief", "Kevin Dask"} <= names(rec)


@pytest.mark.slow
def test_a_fire_service_and_a_town_hit_by_fire_stay_entities():
    rec = extract("Crews from Velmar Fire and Rescue Service fought the blaze. Kevin Dask said fire reached "
                  "Ashby on Monday.")
    assert "Ashby" in names(rec) and any("Velmar Fire" in n for n in names(rec))


# -- place names: an ampersand inside one name, a capitalized plural unit after coordinated names ----

@pytest.mark.slow
def test_an_ampersand_joins_one_place_name():
    rec = extract("Roads were shut in Velmarshire, Tarn & Ashby and Northmoor on Monday, the council said.")
    assert "Tarn & Ashby" in names(rec) and not {"Tarn", "Ashby"} & names(rec)


@pytest.mark.slow
def test_a_capitalized_plural_unit_after_coordinated_names_is_no_part_of_the_last():
    rec = extract("Marl County reported 31 cases. Kajara and Velmo Counties confirmed two cases each.")
    assert {"Kajara", "Velmo"} <= names(rec) | {n.replace(" County", "") for n in names(rec)}
    assert not any("Counties" in n for n in names(rec))


# -- a reported clause with no "that" whose subject the parser took for the cue's object ---------------

@pytest.mark.slow
def test_a_clause_without_that_after_a_cue_is_reported_whole():
    rec = extract("The inquiry has continued since then, with Velmar Police Headquarters now confirming "
                  "another arrest has been made and a man charged.")
    assert speaker_of(rec, "another arrest")[0] == "Velmar Police Headquarters"
    st = next(s for s in rec.statements if "another arrest" in s.content.text)
    assert st.content.text == "another arrest has been made and a man charged"


@pytest.mark.slow
def test_a_noun_phrase_content_stays_a_noun_phrase():
    rec = extract("The Velmar Health Board has confirmed a fever outbreak in four wards.")
    st = next(s for s in rec.statements if "fever" in s.content.text)
    assert st.content.text.startswith("a fever outbreak")


# -- "When told by X that Y claims ..., he responded": "he" is the one told ---------------------------

@pytest.mark.slow
def test_he_after_a_fronted_clause_reporting_someone_else_is_the_one_told():
    rec = extract("Union secretary Alex Marr said the members were angry, Marr told reporters on Tuesday.\n\n"
                  "When told by presenter Dara Quell on Morning Live that Oren Malik claims he won't meet "
                  "him, he responded by saying \"he's not telling the truth\".")
    assert speaker_of(rec, "not telling the truth")[0] == "Alex Marr"


@pytest.mark.slow
def test_he_after_a_fronted_clause_spoken_by_someone_is_still_that_speaker():
    rec = extract("Union secretary Alex Marr said the members were angry.\n\n"
                  "After Oren Malik said the depot would close, he told reporters the talks would resume.")
    assert speaker_of(rec, "talks would resume")[0] == "Oren Malik"


@pytest.mark.slow
def test_a_wage_demand_at_a_company_targets_the_company():
    rec = extract("The Velmar Miners Union said it would strike.\n\nThe union was demanding a 7 percent "
                  "increase at Hexacorp even though the company had offered 4 percent.")
    by_id = {e.id: e.name for e in rec.entities}
    demands = [v for v in rec.events if v.type == "REQUEST"]
    assert any(by_id.get(t) == "Hexacorp" for v in demands for t in v.target)


@pytest.mark.slow
def test_a_demand_of_the_union_at_a_company_targets_the_company():
    rec = extract("The Velmar Miners Union (VMU) said it would strike.\n\nMarr said VMU at Hexacorp was demanding "
                  "an 8 percent wage increase across the board while Hexacorp offered 1.5 percent.")
    by_id = {e.id: e.name for e in rec.entities}
    assert any(by_id.get(t) == "Hexacorp" for v in rec.events if v.type == "REQUEST" for t in v.target)


# -- an agency dateline with no dash: place, state code, date, credit, then the story ------------------

@pytest.mark.slow
def test_an_agency_dateline_without_a_dash_names_the_place_and_no_actor():
    rec = extract("Two held over damaged fountain in Velmora\n\n"
                  "Velmora (VL), Mar 2 (XNA) Police on Monday arrested two men for damaging a fountain in the "
                  "town square, a senior officer said.")
    place = next((e for e in rec.entities if e.name == "Velmora"), None)
    assert place is not None and place.type in ("GPE", "LOC")
    st = next(s for s in rec.statements if "fountain" in s.content.text)
    assert "XNA" not in st.content.text and "Velmora (VL)" not in st.content.text


@pytest.mark.slow
def test_a_cue_said_now_is_dated_to_the_story_day():
    rec = extract("Three people were arrested last month and released without charge.\n\n"
                  "The inquiry has continued since then, with Velmar Police Headquarters now confirming "
                  "another arrest has been made and a man charged.")
    st = next(s for s in rec.statements if "another arrest" in s.content.text)
    assert st.date is not None and st.date.value == PUB


@pytest.mark.slow
def test_a_headline_count_reported_is_no_statement():
    rec = extract("At least 6 casualties reported, thousands of residents evacuated due to storm\n\n"
                  "Tens of thousands of residents in parts of Velmora were evacuated amid strong winds, "
                  "Governor Lena Osk said.")
    assert not any("thousands of residents evacuated" in s.content.text for s in rec.statements)
    assert speaker_of(rec, "strong winds")[0] == "Lena Osk"
