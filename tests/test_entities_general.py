"""Generalization checks of the entities stage on short invented articles (fictional people and
places): appositive occupations, coordinated titles, residence after an appositive, adjectives
between a possessor and a kinship word, place names joined by "of", administrative places written
before a title, sentence-opening common words and numbers, and datelines."""

from __future__ import annotations

import pytest

from newsledger.extract.entities.stage import EntityResult
from test_entities import by_name, run  # the entity tests' helpers (tests/ is on sys.path)

pytestmark = pytest.mark.slow


def names(result: EntityResult) -> set[str]:
    return {e.name for e in result.entities}


def has_rel(result: EntityResult, subject: str, type_: str, obj: str) -> bool:
    s, o = by_name(result, subject).id, by_name(result, obj).id
    return any(r.subject == s and r.type == type_ and r.object == o for r in result.relations)


def test_occupation_with_a_noun_modifier_and_residence_after_it(nlp):
    r = run(nlp, "Among those held is Tomas Verrel, 24, a music student from the town of Brackenford. "
                 "He was released on Monday.")
    tv = by_name(r, "Tomas Verrel")
    assert "music student" in tv.attributes.titles
    assert tv.attributes.age == 24
    assert [by_name(r, "Brackenford").id] == list(tv.attributes.residence)


def test_plain_occupations_are_titles(nlp):
    r = run(nlp, "Jarek Holby, 52, a fisherman, said the river rose overnight. "
                 "Among those freed was Ilan Dostro, a shepherd from Vellamoor who was detained in May.")
    assert "fisherman" in by_name(r, "Jarek Holby").attributes.titles
    dostro = by_name(r, "Ilan Dostro")
    assert "shepherd" in dostro.attributes.titles
    assert by_name(r, "Vellamoor").id in dostro.attributes.residence


def test_coordinated_titles_in_an_appositive(nlp):
    r = run(nlp, "The prime minister named Orin Vaszka, 44, a deputy trade minister and former central bank "
                 "economist, as his successor.")
    titles = by_name(r, "Orin Vaszka").attributes.titles
    assert "deputy trade minister" in titles
    assert "former central bank economist" in titles


def test_adjective_between_possessor_and_kin_word(nlp):
    r = run(nlp, "At the crossing, Borek Imanov, 45, embraced his younger brother, Saltan, a driver held since 2024.")
    assert has_rel(r, "Borek Imanov", "sibling", "Saltan")


def test_counterpart_serves_the_country_in_the_title(nlp):
    r = run(nlp, "Chilean Foreign Minister Edel Marsk met officials in Peru. His Peruvian counterpart, "
                 "Rune Odvik, said talks would continue.")
    odvik = by_name(r, "Rune Odvik")
    assert "counterpart" in odvik.attributes.titles
    assert list(odvik.attributes.affiliation) == [by_name(r, "Peru").id]  # not the possessing minister


def test_generic_org_possessor_in_an_appositive(nlp):
    r = run(nlp, "The Northern Lakes Trade Compact (NLTC) froze the assets. \"It was deliberate,\" said "
                 "Mira Castell, the compact's secretary-general.")
    mc = by_name(r, "Mira Castell")
    assert "secretary-general" in mc.attributes.titles
    assert by_name(r, "NLTC").id in mc.attributes.affiliation


def test_place_name_joined_by_of_is_one_name(nlp):
    r = run(nlp, "The Bay of Marrow Fisheries Council banned trawling on Friday.")
    assert "Bay of Marrow Fisheries Council" in names(r)
    assert "Marrow" not in names(r)


def test_administrative_place_before_a_title(nlp):
    r = run(nlp, "Ostra Vale County Governor Linnea Brandvik blamed the operator for the flood.")
    lb = by_name(r, "Linnea Brandvik")
    county = by_name(r, "Ostra Vale County")
    assert county.type == "GPE"
    assert lb.attributes.titles == ("Governor",)
    assert county.id in lb.attributes.affiliation


def test_sentence_opening_common_words_and_numbers_are_not_names(nlp):
    text = ("Floodwaters tore through three villages on Sunday.\n\n"
            "Government spokesman Daro Keel said aid was on its way. "
            "Seven Korvanian and five Talvian fishermen were freed.")
    r = run(nlp, text)
    assert not {"Floodwaters", "Government", "Seven Korvanian"} & names(r)
    assert "Daro Keel" in names(r)


def test_dateline_names_a_place(nlp):
    r = run(nlp, "BRELLO, Korvania — Water rose in Brello on Monday, and officials moved families into Brello's "
                 "schools.")
    assert by_name(r, "Brello").type == "GPE"


def test_name_in_apposition_to_a_place_noun_is_a_place(nlp):
    r = run(nlp, "The president visited the worst-hit village, Orvane Ketu, on Tuesday.")
    assert by_name(r, "Orvane Ketu").type in ("GPE", "LOC")


def test_paper_named_with_a_place_word_and_holding_companies(nlp):
    r = run(nlp, "Jarek Holby told the Harbour Coast newspaper that Brisvale Road Holding had won the contract.")
    assert by_name(r, "Harbour Coast").type == "ORG"
    assert by_name(r, "Brisvale Road Holding").type == "ORG"


def test_narrated_possessive_skips_bodies_named_inside_a_quotation(nlp):
    r = run(nlp, "The Supreme Court of Valdora struck down the decree on Monday. The opposition Harvest Union "
                 "Party welcomed the decision. \"Today the court showed courage,\" said its leader, Selma Orvik.")
    orvik = by_name(r, "Selma Orvik")
    assert list(orvik.attributes.affiliation) == [by_name(r, "Harvest Union Party").id]


def test_lede_source_named_in_the_next_sentence(nlp):
    r = run(nlp, "VELMAR — Soldiers fired on a crowd in the capital on Friday, a human rights group said. "
                 "The Velmar Rights League said in a statement that six people were hurt.")
    league = by_name(r, "Velmar Rights League")
    assert "human rights group" in [m.text for m in league.mentions]


def test_description_without_a_matching_named_speaker_stays_unattached(nlp):
    r = run(nlp, "Soldiers fired on a crowd on Friday, a rights group said. The Velmar Chamber of Commerce said "
                 "shops would stay shut.")
    assert all("rights group" not in [m.text for m in e.mentions] for e in r.entities)


def test_title_owned_by_the_country(nlp):
    r = run(nlp, "Foreign Minister Ines Kalt said the talks had failed. Kalt, the country's top diplomat, urged calm.")
    assert "top diplomat" in by_name(r, "Ines Kalt").attributes.titles


def test_natural_features_are_places(nlp):
    r = run(nlp, "Two Norwegian climbers were rescued on the Ostra Glacier near the Belvik Strait.")
    assert by_name(r, "Ostra Glacier").type == "LOC"
    assert by_name(r, "Belvik Strait").type == "LOC"


def test_places_after_place_nouns_with_of(nlp):
    r = run(nlp, "The mayor of Brisk, Tomas Olin, said roads were closed. Residents of Dunmore said water reached "
                 "the rooftops.")
    assert by_name(r, "Brisk").type == "GPE"
    assert by_name(r, "Dunmore").type == "GPE"
    assert by_name(r, "Brisk").id in by_name(r, "Tomas Olin").attributes.affiliation


def test_organization_after_a_titled_name(nlp):
    r = run(nlp, "Opposition leader Karin Moss of the Green Dawn party called the vote rigged.")
    assert by_name(r, "Green Dawn").id in by_name(r, "Karin Moss").attributes.affiliation


def test_capitalized_generic_org_in_a_title_opening_a_sentence(nlp):
    r = run(nlp, "The Marlow Workers' Union called a strike. Union leader Ida Fenn said talks had collapsed.")
    assert by_name(r, "Marlow Workers' Union").id in by_name(r, "Ida Fenn").attributes.affiliation


def test_administrative_unit_of_a_country_names_two_places(nlp):
    r = run(nlp, "Shelling hit the Velka Region of Ukraine on Monday. Ships crossed the Gulf of Marrow.")
    assert "Ukraine" in names(r)
    assert "Gulf of Marrow" in names(r)


def test_port_named_after_a_town_is_a_place_of_its_own(nlp):
    text = ("MARLOWE BAY — Ferry crews stopped work on Tuesday at the port of Marlowe Bay, officially Puerto "
            "Tomas Ardent, after talks failed. The Marlowe Bay port has been closed since then, said Rina Vostok. "
            "Residents of Marlowe Bay said shops were empty.")
    r = run(nlp, text)
    port = by_name(r, "port of Marlowe Bay")
    assert port.type == "FAC"
    assert {"Marlowe Bay port", "Puerto Tomas Ardent"} <= set(port.aliases)  # one entity, both writings and its other name
    assert by_name(r, "Marlowe Bay").type == "GPE"  # the town stays the town
    assert by_name(r, "Marlowe Bay").id != port.id


def test_port_before_a_noun_only_qualifies_it(nlp):
    r = run(nlp, "Tessmark port workers marched on Monday, said Rina Vostok.")
    assert "port of Tessmark" not in names(r)
