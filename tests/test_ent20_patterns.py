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
