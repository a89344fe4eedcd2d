"""Entities on real reporting, round ent20 (issue 11): invented articles, one per general pattern seen on the
work samples; each test failed before its change."""

from __future__ import annotations

from record_helpers import extract


def _names(rec):
    return {e.name: e.type for e in rec.entities}


def test_programme_named_by_its_head_word_is_no_entity():
    # "<Name> Agreement / Plan / Project / Scheme": a programme, plan or pact names no person, body or place
    rec = extract("Farmers in Dallow will get water next year under the Lower Tarn Irrigation Project, "
                  "Governor Mira Talvik said on Monday. The money comes from the Coastal Renewal Partnership "
                  "Agreement, which the Velmar Water Board signed in March.")
    names = _names(rec)
    assert "Lower Tarn Irrigation Project" not in names and "Coastal Renewal Partnership Agreement" not in names, names
    assert not any(n.startswith(("Lower Tarn", "Coastal Renewal")) for n in names), names
    assert names.get("Velmar Water Board") == "ORG" and names.get("Mira Talvik") == "PERSON", names


def test_name_written_before_a_programme_noun_is_the_programme():
    # "the <Name> scheme", "the <Name> (ABC) program": every use of the name is a programme's, so no body
    rec = extract("Rural Cash Support scheme to reach 40 more districts\n\n"
                  "The Rural Cash Support (RCS) scheme will reach 40 more districts, the Finance Ministry said. "
                  "Under the RCS scheme, money goes straight into bank accounts.")
    names = _names(rec)
    assert not any(n.startswith("Rural Cash") or n == "RCS" for n in names), names
    assert names.get("Finance Ministry") == "ORG", names


def test_body_written_before_a_programme_noun_elsewhere_stays():
    # a body whose name also stands alone in the article is still a body ("the <Body> program" is its programme)
    rec = extract("The Harlow Relief Foundation said its food program would close. "
                  "The Harlow Relief Foundation has run the kitchens since 2019.")
    assert _names(rec).get("Harlow Relief Foundation") == "ORG", _names(rec)


def test_word_two_persons_names_start_with_is_left_unresolved():
    # two people whose names open with the same word (family name first): the word alone is either of them,
    # so it is no third person and joins neither
    rec = extract("Lu Hanwei, head of the harbour rescue team, said two divers had been found. "
                  "The search will go on, said Lu Mingzhi, the deputy mayor of Qarvel. "
                  "Lu and other officials met the families on Sunday.")
    persons = [e.name for e in rec.entities if e.type == "PERSON"]
    assert sorted(persons) == ["Lu Hanwei", "Lu Mingzhi"], persons
    assert any(rec.text[u.start:u.end] == "Lu" for u in rec.unresolved), rec.unresolved


def test_number_after_a_road_head_is_part_of_the_road():
    # "<Name> Highway <number>", "Route <number>": the number names the road, a place
    rec = extract("Landslides have cut the Coastal Highway 212 in three places, the Dovra roads agency said. "
                  "Trucks were sent back to Route 9 near Kelby.")
    names = _names(rec)
    assert names.get("Coastal Highway 212") in ("LOC", "FAC", "GPE"), names
    assert names.get("Route 9") in ("LOC", "FAC", "GPE"), names
    assert "Coastal Highway" not in names, names


def test_designation_before_a_town_is_not_glued_to_it():
    # "the <CODE-number> <Town>-<Town> road": the road's designation, then a route between two towns
    rec = extract("Farmers lost land to the widening of the KR-58 Tessaly-Omburg road, officials in Varn said.")
    names = _names(rec)
    assert names.get("Tessaly") == "GPE" and names.get("Omburg") == "GPE", names
    assert not any("KR-58" in n and n != "KR-58" for n in names), names


def test_place_before_a_unit_title_is_the_titles_seat():
    # "<Place> District Collector <Name>", and "says <Place> Collector" in the headline: the place is named,
    # the title is no person
    rec = extract("Relief will reach farmers soon, says Tarvani Collector\n\n"
                  "Tarvani District Collector R.K. Menon told farmers on Monday that the Collector would visit "
                  "Sorel village.")
    names = _names(rec)
    assert names.get("Tarvani") == "GPE", names
    assert not any("Collector" in n for n in names), names
    assert names.get("R.K. Menon") == "PERSON", names


def test_name_before_a_title_alone_stays_a_name():
    # two capitalized words, the last a title word, with no seat written elsewhere: a person's name
    rec = extract("Retired general John Major told the Velmar Courier on Friday that the plan would fail.")
    assert _names(rec).get("John Major") == "PERSON", _names(rec)


def test_portfolio_words_between_two_title_words_are_the_titles():
    # "Deputy <Unit> Public Affairs Officer <Name>": the whole title stands before the name
    rec = extract("Deputy Harbour Public Affairs Officer Amos Phiri confirmed the arrests on Tuesday.")
    names = _names(rec)
    assert names.get("Amos Phiri") == "PERSON", names
    assert not any("Officer" in n or "Affairs" in n for n in names), names


def test_capitalized_portfolio_before_a_lower_case_ministry_is_the_ministry():
    # "the Health ministry": one body named by its office, not a body called "Health"
    rec = extract("Nurses in Dorvale who stay away will face dismissal by the county boards and the Health "
                  "ministry, union leader Amara Osei said on Friday.")
    names = _names(rec)
    assert names.get("Health ministry") == "ORG", names
    assert "Health" not in names, names


def test_body_named_with_and_opening_a_paragraph_is_one_body():
    # "The <Word> and <Word> Union" opening a paragraph after a quote: one body, not two
    rec = extract('A worker died at the Tarn pit on Sunday, police said.\n\n'
                  '"Our thoughts are with his family tonight," the operator said.\n\n'
                  'The Forestry and Timber Union called for an inquiry into the death on Monday.')
    names = _names(rec)
    assert names.get("Forestry and Timber Union") == "ORG", names
    assert "Timber Union" not in names and "Forestry" not in names, names


def test_first_word_of_a_portfolio_pair_is_no_body():
    # "secretary of <Word> and <Word> <Name>": a portfolio of two words, then the holder's name
    rec = extract("Regional secretary of Quarries and Minerals Tomas Brevik visited the site on Monday.")
    names = _names(rec)
    assert names.get("Tomas Brevik") == "PERSON", names
    assert "Quarries" not in names, names


def test_names_listed_with_a_known_place_are_places():
    # "<County>, <X> & <Y> and <Z>", "from <Town> City, <Province>": a list with a place in it is of places
    rec = extract("Roads were shut in Dorrow County, Tarn & Wear and Oswick on Monday. "
                  "A worker from Kelby City, Marrow Sur died when a wall fell.")
    names = _names(rec)
    for place in ("Tarn & Wear", "Oswick", "Marrow Sur"):
        assert names.get(place) in ("GPE", "LOC"), (place, names)


def test_list_with_a_person_is_no_list_of_places():
    rec = extract("Anna Lepp, Dorrow County and Ivo Tamm signed the letter on Monday.")
    assert _names(rec).get("Ivo Tamm") not in ("GPE", "LOC"), _names(rec)


def _entity_with(rec, form):
    return [e.name for e in rec.entities if any(rec.text[m.start:m.end] == form for m in e.mentions)]


def test_initials_written_later_without_brackets_are_the_bodys():
    # a body's initials used later with no bracket defining them: the same body ("VDF" for "Varrow Dock
    # Workers' Federation" keeps the first and last words' initials)
    rec = extract("The Varrow Dock Workers' Federation said crews were stuck. The VDF has asked the Tarn Customs "
                  "and Border Service to help. CBS officers declined. The Department of Harbours said DOH staff "
                  "would check. The Tarn & Wexby Hospital Trust closed two wards, TaWH said.")
    assert _entity_with(rec, "VDF") == ["Varrow Dock Workers' Federation"], _names(rec)
    assert _entity_with(rec, "CBS") == ["Tarn Customs and Border Service"], _names(rec)
    assert _entity_with(rec, "DOH") == ["Department of Harbours"], _names(rec)
    assert _entity_with(rec, "TaWH") == ["Tarn & Wexby Hospital Trust"], _names(rec)


def test_initials_spelling_no_body_or_two_stay_apart():
    # initials that spell no body of the article, and a country's initials, join no body
    rec = extract("The Kelvar Port Board met on Monday. The KTU union said it would strike. Ships from the "
                  "United States Shipping Board and the USA docked.")
    assert _entity_with(rec, "KTU") == ["KTU"], _names(rec)
    assert "United States Shipping Board" not in _entity_with(rec, "USA"), _names(rec)


def test_person_after_a_place_and_a_comma_and_is_no_listed_place():
    # ", and <Name>, <role>": a new clause about a person, not one more place of a list
    rec = extract("Crew members stayed on board the freighter, which docked at Dock 4 in Orvel, and "
                  "Teo Marsk, North Shore coordinator for the Harbour Workers Guild, found the crew were paid.")
    assert _names(rec).get("Teo Marsk") == "PERSON", _names(rec)


def test_pronoun_after_a_place_and_a_comma_is_no_place():
    rec = extract('"Nobody bargains like this in Norway, I am sorry," the union leader Ada Kross said.')
    assert "I" not in _names(rec), _names(rec)


def test_body_named_after_a_noble_title_is_one_body():
    # "the Countess of <Place> Hospital": a hospital named after a rank, one body, no person "Countess"
    rec = extract("The Countess of Leeds Hospital will review its maternity unit, its board said on Thursday. "
                  "Staff at the Countess of Leeds Hospital were told on Friday.")
    names = _names(rec)
    assert names.get("Countess of Leeds Hospital") == "ORG", names
    assert _entity_with(rec, "Countess") == [] and _entity_with(rec, "Leeds Hospital") == [], names


def test_hyphenated_demonyms_are_a_nationality():
    # "<Demonym>-<Demonyms>, who ...": people by descent, never a person
    rec = extract("Several Irish-Americans, who travelled from Boston for the parade, spoke to reporters.")
    assert _names(rec).get("Irish-Americans") == "NORP", _names(rec)


def test_short_name_in_a_headline_is_the_body_named_in_full_later():
    # "<Short> deserves damages" in the headline, "<Short> Group" in the text: one body, not a person
    rec = extract("Appeals court rules Brannix deserves damages in Velcor row\n\n"
                  "A court in Harlow ruled on Tuesday that Brannix Group deserved damages. "
                  "Brannix had booked the money as income.")
    assert _entity_with(rec, "Brannix") == ["Brannix Group"], _names(rec)
    assert _names(rec).get("Brannix Group") == "ORG", _names(rec)


def test_surname_shared_with_a_body_stays_a_person_when_titled():
    rec = extract("Minister Ada Brannix visited the plant. Brannix Holdings said it would hire 40 people, "
                  "and Brannix praised the firm.")
    assert _names(rec).get("Ada Brannix") == "PERSON", _names(rec)
    assert "Ada Brannix" in _entity_with(rec, "Brannix") or _entity_with(rec, "Brannix") == [], _names(rec)


def test_place_words_area_foothills_river_and_plural_kinds_make_places():
    # "the <X> area of <Y> district", "<A>, <B> and <C> villages", "the River <X>", "the <X> Foothills"
    rec = extract("He was arrested in the Tarlo Chapori area of Senvar district on Thursday. Fields at Ravali, "
                  "Ogasan, Kottal Minta and Mitte Borgur villages were flooded. The River Orwy burst its banks "
                  "near the Tamar Foothills.")
    names = _names(rec)
    for place in ("Tarlo Chapori", "Ravali", "Ogasan", "Kottal Minta", "Mitte Borgur", "River Orwy", "Tamar Foothills"):
        assert names.get(place) in ("GPE", "LOC"), (place, names)


def test_industry_word_opening_a_sentence_before_and_stays_in_the_body():
    # "The <industry word> and <Word> Union" opening a sentence: one body (the industry word is no body alone)
    rec = extract("A crane collapsed at the Orvel yard on Sunday.\n\nThe Mining and Quarry Union said it would "
                  "ask for an inquiry.")
    names = _names(rec)
    assert names.get("Mining and Quarry Union") == "ORG", names
    assert "Mining" not in names, names
