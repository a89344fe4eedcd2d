"""Scoring an entity against a ledger entity's profile (step 3 of :mod:`.link`): the sum of the
log-likelihood weights of ``data/linking.json``, each given with the words a person can check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from . import names as nm
from .link_features import model, _words_translit, _year


_SURNAME_WORDS = {"exact": "same surname", "translit": "surname transliteration", "near": "surname spelling"}
_GIVEN_WORDS = {"exact": "same given name", "variant": "given-name variant", "translit": "given-name transliteration",
                "initial": "matching initial"}


# ---------------------------------------------------------------------------- scoring
def _show(s: str) -> str:
    return " ".join(w.capitalize() for w in s.split())


def score(f: dict[str, Any], p: dict[str, Any], co_lids: set[str], aff_lids: set[str],
          lid: str = "") -> tuple[float, list[str]] | None:
    """The log-likelihood score of features ``f`` belonging to the entity of profile ``p``, with the
    evidence in words; None when a hard rule forbids the link (kinds differ, a conflicting surname)."""
    m = model()
    if f["kind"] != p.get("kind"):
        return None
    why: list[str] = []
    total = 0.0
    if f["kind"] == "person":
        w = m["person"]
        if f["only"] in ("given", "title"):
            return None
        best_pair: tuple[float, list[str]] | None = None
        theirs = [nm.parse_person(n) for n in p.get("names", {})]
        mine = [nm.parse_person(n) for n in f["names"]]
        if any(a.full for a in mine):  # a full name answers to full names (a bare surname fits anyone of it)
            mine = [a for a in mine if a.full]
            theirs = [b for b in theirs if b.full] or theirs
        for a in mine:
            for b in theirs:
                r = _name_pair(a, b, w)
                if r is not None and (best_pair is None or r[0] > best_pair[0]):
                    best_pair = r
        if best_pair is None:
            return None
        total += best_pair[0]
        why += best_pair[1]
        y = _year(f.get("published"))
        if f.get("age") is not None and y is not None and p.get("ages"):
            tol = w["age"]["tolerance_years"]
            ok = False
            for age, when in p["ages"]:
                y0 = _year(when)
                if y0 is not None and abs(f["age"] - (age + (y - y0))) <= tol:
                    ok = True
                    break
            if ok:
                total += w["age"]["consistent"]
                same = any(age == f["age"] for age, _ in p["ages"])
                why.append(f"same age {f['age']}" if same else f"age {f['age']} consistent with the dates")
            else:
                total += w["age"]["inconsistent"]
                why.append(f"ages differ ({f['age']} vs {p['ages'][0][0]})")
        shared = sorted(set(f["titles"]) & set(p.get("titles", [])))
        if shared:
            total += w["title"]
            why.append(f"both '{shared[0]}'")
        shared_aff = sorted(aff_lids & set(p.get("aff_lids", []))) or sorted(set(f["aff"]) & set(p.get("aff", [])))
        if shared_aff:
            total += w["affiliation"]
            why.append(f"same affiliation {shared_aff[0] if shared_aff[0].startswith('L') else _show(shared_aff[0])}")
        if f["cit"] and p.get("cit"):
            if set(f["cit"]) & set(p["cit"]):
                total += w["citizenship"]["agree"]
                why.append(f"same citizenship {sorted(set(f['cit']) & set(p['cit']))[0]}")
            else:
                total += w["citizenship"]["disagree"]
                why.append("different citizenship")
        if set(f["places"]) & set(p.get("places", [])):
            total += w["place"]
            why.append(f"same place {_show(sorted(set(f['places']) & set(p['places']))[0])}")
        co = sorted((co_lids - {lid}) & set(p.get("co", {})), key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)
        if co:
            bonus = min(w["co_mention"]["max"], w["co_mention"]["each"] * len(co))
            total += bonus
            why.append("co-mentioned with " + ", ".join(co[:3]))
        return total, why
    if f["kind"] == "org":
        w = m["org"]
        mine, theirs = set(f["folded"]), set(p.get("folded", []))
        c1, c2 = set(f.get("countries", [])), set(p.get("countries", []))
        if c1 and c2 and not c1 & c2:
            return None  # one ministry name, two countries
        same_country = sorted(c1 & c2)
        if same_country:
            core = (mine | set(f.get("cores", []))) & (theirs | set(p.get("cores", [])))
            if core:
                return w["name"] + w["country"], [f"same body {_show(sorted(core)[0])} of {same_country[0]}"]
        if mine & theirs:
            return w["name"], [f"same name {_show(sorted(mine & theirs)[0])}"]
        if c1 or c2:  # "Moldovan Interior Ministry" is not any "Interior Ministry"
            return None
        acr_hit = (set(f["acronyms"]) & (theirs | set(p.get("acronyms", [])))) or (mine & set(p.get("acronyms", [])))
        if acr_hit:
            return w["acronym"], [f"acronym {sorted(acr_hit)[0].upper()}"]
        for a_, b_ in [(x, y) for x in f["acronyms"] for y in theirs] + [(x, y) for x in p.get("acronyms", []) for y in mine]:
            if len(a_) >= 4 and nm.abbreviates(a_, b_):
                return w["acronym"], [f"{a_.upper()} abbreviates {_show(b_)}"]
        for a_ in mine:
            for b_ in theirs:
                if _words_translit(a_, b_):
                    return w["fuzzy"], [f"names transliterated {_show(a_)}~{_show(b_)}"]
        best = max((fuzz.token_set_ratio(a, b) for a in mine for b in theirs
                    if min(len(a.split()), len(b.split())) >= 2), default=0)
        if best >= w["fuzzy_min_ratio"]:
            return w["fuzzy"], [f"names alike ({best:.0f}%)"]
        return None
    w = m["place"] if f["kind"] == "place" else m["other"]
    hit = set(f["folded"]) & set(p.get("folded", []))
    if hit:
        x = sorted(hit)[0]
        return w["name"], [f"same place {x.upper() if len(x) == 2 else _show(x)}" if f["kind"] == "place"
                           else f"same name {_show(x)}"]
    return None


_SRANK = {"exact": 3, "translit": 2, "near": 1}
_GRANK = {"exact": 4, "variant": 3, "translit": 2, "initial": 1}


def _name_pair(a: nm.PersonName, b: nm.PersonName, w: dict) -> tuple[float, list[str]] | None:
    """The name evidence of two person names: surnames (one of them must match; of two double Spanish
    surnames, every one of the shorter), then given names. None when the surnames rule it out."""
    if not a.surnames or not b.surnames:
        return None
    best, pair = None, ("", "")
    for s in a.surnames:
        for t in b.surnames:
            lvl = nm.surname_match(s, t)
            if lvl != "differ" and (best is None or _SRANK[lvl] > _SRANK[best]):
                best, pair = lvl, (s, t)
    if best is None:
        return None
    if len(a.surnames) >= 2 and len(b.surnames) >= 2:  # Ramírez Ortega / Ramírez Soto: two people
        short, long_ = sorted((a.surnames, b.surnames), key=len)
        if not all(any(nm.surname_match(s, t) != "differ" for t in long_) for s in short):
            return None
    total = w["surname"][best]
    why = [f"{_SURNAME_WORDS[best]} {_show(pair[0])}" + (f"~{_show(pair[1])}" if pair[0] != pair[1] else "")]
    if a.given and b.given:
        glvl, gpair = None, ("", "")
        for g in a.given:
            for h in b.given:
                lvl = nm.given_match(g, h)
                if lvl != "differ" and (glvl is None or _GRANK[lvl] > _GRANK[glvl]):
                    glvl, gpair = lvl, (g, h)
        if glvl is None:
            total += w["given"]["differ"]
            why.append(f"different given names {_show(a.given[0])}/{_show(b.given[0])}")
        else:
            total += w["given"][glvl]
            why.append(f"{_GIVEN_WORDS[glvl]} {_show(gpair[0])}" + (f"~{_show(gpair[1])}" if gpair[0] != gpair[1] else ""))
    return total, why


# ---------------------------------------------------------------------------- the store side
@dataclass
class Placement:
    """Where one document entity went: its ledger id, the score and the evidence (``new``: it started
    a ledger entity of its own)."""

    entity: str
    lid: str
    score: float | None
    why: list[str]
    new: bool
