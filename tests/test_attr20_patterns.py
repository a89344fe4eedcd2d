"""Attributes and relations on real reporting, round attr20 (issue 11): invented articles, one per general
pattern seen on the work samples; each test failed before its change."""

from __future__ import annotations

from record_helpers import extract, name_of


def _rels(rec) -> set[tuple[str | None, str, str | None]]:
    return {(name_of(rec, r.subject), r.type, name_of(rec, r.object)) for r in rec.relations}


def test_a_possessors_children_are_listed_with_their_parent():
    # "his daughters, A and B": each daughter's father is the possessor (the SPEC's types name the parent)
    rec = extract("Retired judge Osric Penwarden was questioned on Monday. His daughters, Ysolde and Merryn, "
                  "were not at the hearing in Carnbrea.")
    rels = _rels(rec)
    assert ("Ysolde", "father", "Osric Penwarden") in rels, rels
    assert ("Merryn", "father", "Osric Penwarden") in rels, rels
    assert not any(t in ("child", "grandchild") for _, t, _ in rels), rels


def test_a_child_of_unknown_gender_possessor_has_a_parent():
    # "Tresize's son, X": the possessor's gender is not told: the generic parent
    rec = extract("Lowenna Tresize's son, Jory Tresize, 19, told the inquiry in Polwithen that the gate was open.")
    rels = _rels(rec)
    assert ("Jory Tresize", "parent", "Lowenna Tresize") in rels or \
        ("Jory Tresize", "mother", "Lowenna Tresize") in rels, rels


def test_x_is_the_mother_of_y_names_y_mother():
    # "X is the mother of Y": Y's mother is X (no "child" from the parent's side)
    rec = extract("Demelza Annear is the mother of Kitto Annear, the driver held in Truvenna since May.")
    rels = _rels(rec)
    assert ("Kitto Annear", "mother", "Demelza Annear") in rels, rels
    assert not any(t == "child" for _, t, _ in rels), rels


def test_a_body_named_of_another_body_belongs_to_it():
    # "<Org> (ACR) of the <Org>": the first is a member of the second
    rec = extract("The Harbour Pilots and Boatmen Association (HPBA) of the Velmar Labour Congress joined the "
                  "stoppage on Tuesday, its leaders said in Ostrand.")
    rels = _rels(rec)
    assert ("Harbour Pilots and Boatmen Association", "member_of", "Velmar Labour Congress") in rels, rels


def test_a_body_in_apposition_to_another_bodys_arm_belongs_to_it():
    # "<Org>, <Org>'s arm for ...": a part of the other body
    rec = extract("Growers marched to the Tarnic Relief Office, the Velmar Council's arm for farm aid, in "
                  "Castrel on Monday.")
    rels = _rels(rec)
    assert ("Tarnic Relief Office", "member_of", "Velmar Council") in rels, rels


def test_a_person_of_a_place_or_a_rival_body_is_no_body_link():
    # a town after "of" and a rival in apposition are no membership
    rec = extract("The Orvell Farmers Union of Dunmarsh met the Kestrel Grain Company, the Tarvos Milling "
                  "Group's rival, on Friday.")
    rels = _rels(rec)
    assert not any(t == "member_of" for _, t, _ in rels), rels


def _attrs(rec, name: str, key: str) -> list[str]:
    e = next((e for e in rec.entities if e.name == name), None)
    assert e is not None, [x.name for x in rec.entities]
    return [name_of(rec, v) or v for v in getattr(e.attributes, key)]


def test_two_titles_joined_before_a_name_are_both_held_with_the_first_ones_body():
    # "<Body> (ACR) <title> and <title> <Name>": both titles; the body is the person's
    rec = extract("Protesters surrounded Tarvos Harbour Board (THB) Special Officer and Deputy Commissioner "
                  "Osric Venwell when he came to read the notice in Kelbrook on Monday.")
    titles = _attrs(rec, "Osric Venwell", "titles")
    assert "Special Officer" in titles and "Deputy Commissioner" in titles, titles
    assert "Tarvos Harbour Board" in _attrs(rec, "Osric Venwell", "affiliation")
    assert ("Osric Venwell", "member_of", "Tarvos Harbour Board") in _rels(rec)


def test_a_person_before_and_keeps_the_later_title_to_the_later_name():
    # "A and Deputy Minister B": the and joins two people, no title pair for B
    rec = extract("Fisheries Minister Alwen Drake and Deputy Minister Tomas Reel met the Kelbrook Growers "
                  "Union in Castrel on Monday.")
    assert not any("Fisheries" in t for t in _attrs(rec, "Tomas Reel", "titles")), _attrs(rec, "Tomas Reel", "titles")


def test_a_former_officer_of_a_body_named_in_the_article_is_its_member():
    # "former <portfolio> minister X" and "the <Portfolio> Ministry": the body's, though the office is past;
    # a former mayor stays no member of the town (test_real16_patterns)
    rec = extract("A court in Tarvos on Sunday cleared former fisheries minister Odran Kell of graft charges. "
                  "Kell held senior posts in the Fisheries Ministry for a decade.")
    assert ("Odran Kell", "member_of", "Fisheries Ministry") in _rels(rec), _rels(rec)
    assert "Fisheries Ministry" in _attrs(rec, "Odran Kell", "affiliation")


def test_a_new_governor_of_a_bank_written_in_lower_case_in_his_sentence():
    # the bank written in lower case in the governor's sentence, named with capitals before
    rec = extract("The Central Bank of Tarvos kept its rate at 9 per cent in May. A cut by the central bank of "
                  "Tarvos is likely in July, new governor Pell Omara told a banking forum.")
    assert ("Pell Omara", "member_of", "Central Bank of Tarvos") in _rels(rec), _rels(rec)


def test_a_director_general_for_a_portfolio_serves_its_ministry():
    # "Acting Director General for <portfolio> Dr X" and "the Ministry of <portfolio>"
    rec = extract("The Ministry of Water confirmed 40 cases of the fever on Monday. Acting Director General for "
                  "Water Dr Ysella Marrak said most were in Kelbrook.")
    assert ("Ysella Marrak", "member_of", "Ministry of Water") in _rels(rec), _rels(rec)
    rec = extract("The Ministry of Water confirmed 40 cases of the fever on Monday. Acting Director General for "
                  "Roads Dr Ysella Marrak said most were in Kelbrook.")
    assert not any(t == "member_of" for _, t, _ in _rels(rec)), _rels(rec)



def test_a_former_officer_keeps_no_place_the_tagger_took_for_a_body():
    # "former <State> minister X" where a dateline's bracketed initials made the state a body: no affiliation
    rec = extract("Dorran (NP), Mar 2 (XNA) A district court on Friday fined former Nalvar Pradesh minister "
                  "Osk Ranveer over a land deal.")
    assert not _attrs(rec, "Osk Ranveer", "affiliation"), _attrs(rec, "Osk Ranveer", "affiliation")


def test_a_title_phrase_that_runs_into_a_verb_is_no_apposition():
    # "<...> under X, <Body> chief says": the chief is the speaker, X holds no title
    rec = extract("Ferry fares rose sharply under Omara, Tarvos Ferries chief says\n\nThe chief executive of "
                  "Tarvos Ferries, Ilse Brandt, told reporters on Monday that fuel costs had doubled.")
    assert not _attrs(rec, "Omara", "titles"), _attrs(rec, "Omara", "titles")
    assert not any(s == "Omara" for s, _, _ in _rels(rec)), _rels(rec)


def test_a_title_after_according_to_is_not_the_next_clauses_subject():
    # "According to a <Body> spokesman, X had ...": the spokesman is someone else
    rec = extract("A second gunman was named as Torvin Hale. According to a Velmar Prisons Service spokesman, "
                  "Hale had served four years for arson.")
    assert not _attrs(rec, "Torvin Hale", "titles"), _attrs(rec, "Torvin Hale", "titles")
    assert not any(s == "Torvin Hale" for s, _, _ in _rels(rec)), _rels(rec)


def test_a_place_in_a_police_title_is_where_the_service_is():
    # "<Place> police spokesman X": X serves the police the article names, not the place
    rec = extract("Velmarian police arrested four men in Castrel on Friday. \"We have made arrests,\" Castrel "
                  "police spokesman Odo Brask told reporters.")
    assert not any(s == "Odo Brask" and o == "Castrel" for s, _, o in _rels(rec)), _rels(rec)
    assert _attrs(rec, "Odo Brask", "affiliation") == ["Velmarian police"], _attrs(rec, "Odo Brask", "affiliation")


def test_common_role_nouns_are_titles():
    # role nouns of everyday reporting, before a name or in apposition: kept as the person's titles
    rec = extract("Tamsin Orrell, an ambulance supervisor, said the road was shut. Homeowner Piran Lusk lost his roof, "
                  "and Advocate Elowen Tregear asked the court for bail. Kenver Jago, a frequent critic of the "
                  "council, said the warnings came late.")
    assert "ambulance supervisor" in _attrs(rec, "Tamsin Orrell", "titles"), _attrs(rec, "Tamsin Orrell", "titles")
    assert "Homeowner" in _attrs(rec, "Piran Lusk", "titles"), _attrs(rec, "Piran Lusk", "titles")
    assert "Advocate" in _attrs(rec, "Elowen Tregear", "titles"), [e.name for e in rec.entities]
    assert any("critic" in t for t in _attrs(rec, "Kenver Jago", "titles")), _attrs(rec, "Kenver Jago", "titles")


def test_a_named_subject_keeps_its_title_before_the_verb_without_a_comma():
    # "X, <Body>'s spokesperson tells ...": no comma closes the apposition, but X is the one speaking
    rec = extract("\"Nobody will be allowed to disturb the peace,\" Captain Olek Varsany, the Velmar Guard's "
                  "northern spokesperson tells reporters in Ostrand.")
    assert any("spokesperson" in t for t in _attrs(rec, "Olek Varsany", "titles")), _attrs(rec, "Olek Varsany", "titles")


def test_an_everyday_service_abbreviation_is_no_body_of_its_worker():
    # "X is an EMS supervisor": the title holds the service's everyday abbreviation, no organization
    rec = extract("Wenna Polkerris is an EMS supervisor in Tarnby County. She said two crews were sent.")
    assert any("supervisor" in t for t in _attrs(rec, "Wenna Polkerris", "titles")), _attrs(rec, "Wenna Polkerris", "titles")
    assert not any(e.name == "EMS" for e in rec.entities), [e.name for e in rec.entities]
    assert not any(s == "Wenna Polkerris" and o == "EMS" for s, _, o in _rels(rec)), _rels(rec)
