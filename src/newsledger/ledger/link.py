"""Cross-article entity linking: every document entity joins one ledger entity (``L1``, ``L2``, ...).

The approach (see README, "The cross-article ledger"): an incremental Fellegi–Sunter-style record
linkage, one article at a time, with rapidfuzz and jellyfish for the string comparisons
(:mod:`newsledger.ledger.names`). When an article is stored, each of its entities

1. is described by its *features* (:func:`features`): kind (person, org, place, other), name parts,
   age with the publication date, titles, affiliations, citizenship, places;
2. finds *candidates* through blocking keys (:func:`keys`: the transliteration skeleton and folded
   form of each surname, an organization's name and acronym, a place's country code or name) in the
   indexed ``ledger_keys`` table, at most ``candidates_per_key`` per key, so the cost of linking one
   article does not grow with the store;
3. is *scored* against each candidate's profile (:func:`score`): the sum of the log-likelihood
   weights in ``data/linking.json`` (the only place weights and the threshold live), each weight
   given with the words a person can check ("surname transliteration Marchuk~Martchouk",
   "same age 29", "co-mentioned with L7");
4. joins the best candidate at or above the threshold, or starts a new ledger entity.

Hard rules, never outweighed: kinds must agree (PERSON with PERSON, ORG with ORG, GPE/LOC places with
places); two people one article names as different people never share a ledger entity; a person
named only by a given name or only by a title is never linked across articles (a lone given name
within its own article joins the one person of the article it fits: a leftover of the entities
stage); a person's decisions by hand (``ledger_decisions``: merge, split) override the score, now and
on every :func:`relink`.

Everything here writes through the store's portable primitives (``_rows``/``_exec``) inside the
caller's transaction, so one article is linked in the same transaction that stores it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from rapidfuzz import fuzz

from ..errors import StoreError
from . import names as nm

if TYPE_CHECKING:
    from ..records import Entity, Record
    from .base import Store

__all__ = ["MODEL_PATH", "model", "kind_of", "features", "keys", "score", "link_record", "unlink_docs", "relink",
           "merge", "split", "Placement"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "linking.json"

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ORDER = {"place": 0, "org": 1, "other": 2, "person": 3}
_SURNAME_WORDS = {"exact": "same surname", "translit": "surname transliteration", "near": "surname spelling"}
_GIVEN_WORDS = {"exact": "same given name", "variant": "given-name variant", "translit": "given-name transliteration",
                "initial": "matching initial"}


@functools.cache
def model() -> dict[str, Any]:
    """The linking weights and thresholds (``data/linking.json``), read once."""
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def kind_of(etype: str) -> str:
    """What must agree for two entities to link: "person", "org", "place", or "other:TYPE"."""
    if etype == "PERSON":
        return "person"
    if etype == "ORG":
        return "org"
    if etype in PLACE_TYPES:
        return "place"
    return f"other:{etype}"


def _year(published: str | None) -> int | None:
    try:
        return int(str(published)[:4]) if published else None
    except ValueError:
        return None


def _country(name: str) -> str:
    from ..extract.entities.lex import country_code

    return country_code(name) or nm.fold(name)


# ---------------------------------------------------------------------------- features
def features(record: "Record", entity: "Entity") -> dict[str, Any]:
    """What linking compares of one document entity (plain JSON, stored with the member)."""
    a = entity.attributes
    by_id = {e.id: e for e in record.entities}

    def ref(x: str) -> str:  # an attribute value: an entity id of the record, or words
        return by_id[x].name if x in by_id else x

    kind = kind_of(entity.type)
    f: dict[str, Any] = {"kind": kind, "type": entity.type, "name": entity.name,
                         "names": list(dict.fromkeys([entity.name, *entity.aliases])),
                         "published": (record.published or "")[:10] or None, "outlet": record.outlet}
    if kind == "person":
        parsed = [nm.parse_person(n) for n in f["names"]]
        full = [p for p in parsed if p.full]
        given = list(dict.fromkeys(g for p in parsed for g in p.given))
        surnames = list(dict.fromkeys(s for p in parsed for s in p.surnames))
        only = "" if full else ("surname" if surnames else ("given" if given else "title"))
        f.update(given=given, surnames=surnames, only=only, age=a.age,
                 titles=sorted({nm.fold(ref(t)) for t in a.titles}),
                 aff_ids=[x for x in a.affiliation if x in by_id], aff=sorted({nm.fold(ref(x)) for x in a.affiliation}),
                 cit=sorted({_country(ref(x)) for x in a.citizenship}),
                 places=sorted({nm.fold(ref(x)) for x in (*a.residence, *a.origin)}))
    elif kind == "org":
        pairs = [nm.org_keys(n) for n in f["names"]]
        folded = sorted({_strip_suffix(p[0]) for p in pairs if p[0]})
        countries, cores = _org_country(record, entity, folded)
        f.update(folded=folded, acronyms=sorted({p[1] for p in pairs if p[1]}),
                 heads=sorted({h for x in folded for h in _heads(x)}), countries=countries, cores=cores)
    elif kind == "place":
        f.update(folded=sorted({_country(n) for n in f["names"] if nm.fold(n)}))
    else:
        f.update(folded=sorted({nm.fold(n) for n in f["names"] if nm.fold(n)}))
    return f


_POSSESSIVE = re.compile(r"([A-Z](?:\w|\.(?=\w))*(?:\s+[A-Z](?:\w|\.(?=\w))*)*)\.?['\u2019]s\s+(?:the\s+)?$")


def _org_country(record: "Record", entity: "Entity", folded: list[str]) -> tuple[list[str], list[str]]:
    """The country a body's name ties it to ("Belarusian Foreign Ministry", "Belarus's Foreign Ministry":
    BY), and its names without that word ("foreign ministry"): two ministries of one name in two countries
    are two bodies."""
    from ..extract.entities.lex import country_code, demonym_country

    countries, cores = set(), set()
    for x in folded:
        first, _, rest = x.partition(" ")
        code = demonym_country(first) or country_code(first)
        if code and rest:
            countries.add(code)
            cores.add(rest)
    for m in entity.mentions:
        hit = _POSSESSIVE.search(record.text[max(0, m.start - 40):m.start])
        if hit:
            code = country_code(hit.group(1)) or country_code(hit.group(1) + ".")
            if code:
                countries.add(code)
    return sorted(countries), sorted(cores)


def _strip_suffix(folded: str) -> str:
    words = folded.split()
    suffixes = set(model()["org"]["suffixes"])
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


def _heads(folded: str) -> set[str]:
    """Shorter forms an organization's name is also written in: the part before " of ", the first two words."""
    out = set()
    if " of " in folded:
        out.add(folded.split(" of ", 1)[0])
    words = [w for w in folded.split() if w not in ("the", "of", "and", "for")]
    if len(words) >= 3:
        out.add(" ".join(words[:2]))
    return {h for h in out if len(h.split()) >= 2}


def _org_skeleton(folded: str) -> str:
    return " ".join(nm.skeleton(w) or w for w in folded.split())


def _words_translit(a: str, b: str) -> bool:
    """Two names of as many words, each word the same or a transliteration of the other's (Hrodna / Grodno)."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) >= 2 and a != b and all(
        x == y or nm.surname_match(x, y) in ("exact", "translit") for x, y in zip(wa, wb))


def keys(f: dict[str, Any]) -> set[str]:
    """The blocking keys of an entity's features (what finds its candidates)."""
    kind = f["kind"]
    if kind == "person":
        if f["only"] in ("given", "title"):
            return set()
        out = set()
        for s in f["surnames"]:
            out.add("f:" + s)
            sk = nm.skeleton(s)
            if sk:
                out.add("s:" + sk)
        return out
    if kind == "org":
        return {"o:" + x for x in (*f["folded"], *f["acronyms"], *f.get("heads", []), *f.get("cores", []))} | \
            {"os:" + _org_skeleton(x) for x in f["folded"] if len(x.split()) >= 2}
    if kind == "place":
        return {"p:" + x for x in f["folded"]}
    return {"x:" + kind + ":" + x for x in f["folded"]}


# ---------------------------------------------------------------------------- profiles
def empty_profile(kind: str, etype: str) -> dict[str, Any]:
    return {"kind": kind, "types": {}, "names": {}, "given": [], "surnames": [], "folded": [], "acronyms": [],
            "ages": [], "titles": [], "aff": [], "aff_lids": [], "cit": [], "places": [], "co": {}, "members": 0,
            "partial": 0}


def _add_list(xs: list, new: Iterable, cap: int) -> list:
    out = list(xs)
    for x in new:
        if x not in out:
            out.append(x)
    return out[:cap]


def add_to_profile(p: dict[str, Any], f: dict[str, Any], co: Iterable[str] = (), aff_lids: Iterable[str] = ()) -> dict:
    """The profile ``p`` with one more member of features ``f`` (capped, so its size stays bounded)."""
    caps = model()["profile_caps"]
    p = dict(p)
    p["types"] = dict(p.get("types", {}))
    p["types"][f["type"]] = p["types"].get(f["type"], 0) + 1
    names = dict(p.get("names", {}))
    for n in f["names"]:
        names[n] = names.get(n, 0) + 1
    p["names"] = dict(sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[: caps["names"]])
    p["members"] = p.get("members", 0) + 1
    if f["kind"] == "person":
        p["given"] = _add_list(p.get("given", []), f["given"], caps["names"])
        p["surnames"] = _add_list(p.get("surnames", []), f["surnames"], caps["names"])
        if f.get("age") is not None and f.get("published"):
            p["ages"] = _add_list(p.get("ages", []), [[f["age"], f["published"][:10]]], caps["ages"])
        p["titles"] = _add_list(p.get("titles", []), f["titles"], caps["titles"])
        p["aff"] = _add_list(p.get("aff", []), f["aff"], caps["affiliation"])
        p["aff_lids"] = _add_list(p.get("aff_lids", []), aff_lids, caps["affiliation"])
        p["cit"] = _add_list(p.get("cit", []), f["cit"], caps["citizenship"])
        p["places"] = _add_list(p.get("places", []), f["places"], caps["places"])
        if f["only"]:
            p["partial"] = p.get("partial", 0) + 1
    else:
        p["folded"] = _add_list(p.get("folded", []), f.get("folded", []), caps["names"])
        p["acronyms"] = _add_list(p.get("acronyms", []), f.get("acronyms", []), caps["names"])
        p["heads"] = _add_list(p.get("heads", []), f.get("heads", []), caps["names"])
        p["countries"] = _add_list(p.get("countries", []), f.get("countries", []), caps["citizenship"])
        p["cores"] = _add_list(p.get("cores", []), f.get("cores", []), caps["names"])
    co_counts = dict(p.get("co", {}))
    for lid in co:
        co_counts[lid] = co_counts.get(lid, 0) + 1
    p["co"] = dict(sorted(co_counts.items(), key=lambda kv: (-kv[1], kv[0]))[: caps["co"]])
    return p


def display_name(p: dict[str, Any]) -> str:
    """The entity's name: the commonest full name among its members (the longest on a tie)."""
    names = p.get("names", {})
    if not names:
        return "?"
    if p.get("kind") == "person":
        full = {n: c for n, c in names.items() if nm.parse_person(n).full}
        names = full or names
    return sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def main_type(p: dict[str, Any]) -> str:
    types = p.get("types", {})
    return sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if types else "UNKNOWN"


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


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _in(n: int) -> str:
    return ", ".join("?" * n)


def _load_profiles(store: "Store", lids: Iterable[str]) -> dict[str, dict]:
    lids = list(dict.fromkeys(lids))
    out: dict[str, dict] = {}
    for i in range(0, len(lids), 500):
        chunk = lids[i:i + 500]
        for lid, profile in store._rows(f"SELECT id, profile FROM ledger_entities WHERE id IN ({_in(len(chunk))})", chunk):
            out[lid] = json.loads(profile)
    return out


def _candidates(store: "Store", ks: set[str]) -> list[str]:
    per = int(model()["candidates_per_key"])
    found: list[str] = []
    for k in sorted(ks):
        found += [r[0] for r in store._rows("SELECT lid FROM ledger_keys WHERE key = ? ORDER BY lid LIMIT ?", (k, per))]
    return list(dict.fromkeys(found))


def _next_n(store: "Store") -> int:
    return int(store._rows("SELECT COALESCE(MAX(n), 0) FROM ledger_entities")[0][0]) + 1


def _decisions(store: "Store", doc: str, ent: str) -> list[tuple[str, str, str]]:
    """(kind, other doc, other entity) of every decision by hand naming this document entity."""
    rows = store._rows("SELECT kind, b_doc, b_entity FROM ledger_decisions WHERE a_doc = ? AND a_entity = ? "
                       "UNION ALL SELECT kind, a_doc, a_entity FROM ledger_decisions WHERE b_doc = ? AND b_entity = ? ",
                       (doc, ent, doc, ent))
    return [(k, d, e) for k, d, e in rows]


def _lid_of(store: "Store", doc: str, ent: str) -> str | None:
    r = store._rows("SELECT lid FROM ledger_members WHERE doc_id = ? AND entity_id = ?", (doc, ent))
    return r[0][0] if r else None


def link_record(store: "Store", record: "Record") -> list[Placement]:
    """Link every entity of a stored ``record`` to the ledger (inside the caller's transaction).

    An article whose entities are linked already is left alone (linking twice changes nothing).
    """
    if store._rows("SELECT 1 FROM ledger_members WHERE doc_id = ? LIMIT 1", (record.id,)):
        return []
    m = model()
    feats = {e.id: features(record, e) for e in record.entities}
    order = sorted(record.entities, key=lambda e: (_ORDER.get(feats[e.id]["kind"].split(":")[0], 2),
                                                   1 if feats[e.id].get("only") else 0))
    partner = _written_as(record)
    placed: dict[str, Placement] = {}
    profiles: dict[str, dict] = {}
    new_profiles: dict[str, dict] = {}
    taken_people: set[str] = set()  # ledger persons a full name of this article holds
    next_n = _next_n(store)

    def doc_lids() -> set[str]:
        return {p.lid for p in placed.values()}

    for e in order:
        f = feats[e.id]
        aff_lids = {placed[x].lid for x in f.get("aff_ids", []) if x in placed}
        forced: str | None = None
        banned: set[str] = set()
        for kind, d, x in _decisions(store, record.id, e.id):
            other = placed[x].lid if d == record.id and x in placed else _lid_of(store, d, x)
            if other is None:
                continue
            if kind == "merge":
                forced = other
            else:
                banned.add(other)
        choice: tuple[str, float | None, list[str]] | None = None
        if forced is not None:
            choice = (forced, None, ["merged by hand"])
        elif f["kind"] == "person" and f["only"] != "title":
            choice = _leftover(f, e.id, feats, placed)
        if choice is None and forced is None:
            cands = [c for c in _candidates(store, keys(f)) if c not in banned]
            if f["kind"] != "person":  # one body or place written twice in one article
                cands += [p.lid for p in placed.values() if p.new and feats[p.entity]["kind"] == f["kind"]
                          and p.lid not in cands]
            need = [c for c in cands if c not in profiles and c not in new_profiles]
            profiles.update(_load_profiles(store, need))
            scored = []
            for c in cands:
                if f["kind"] == "person" and c in taken_people:
                    continue  # another person of this article holds it
                prof = new_profiles.get(c) or profiles.get(c)
                if prof is None:
                    continue
                res = score(f, prof, doc_lids(), aff_lids, c)
                if res is not None and res[0] >= m["threshold"]:
                    scored.append((res[0], c, res[1]))
            scored.sort(key=lambda x: (-x[0], x[1]))
            if scored:
                ambiguous = (len(scored) > 1 and f["kind"] == "person" and f["only"]
                             and scored[0][0] - scored[1][0] < m["ambiguity_margin"])
                if not ambiguous:
                    choice = (scored[0][1], scored[0][0], scored[0][2])
                    if f["kind"] != "person":  # one body written two ways in this article: one entity
                        for _, c, _ in scored[1:]:
                            if c in new_profiles and c != choice[0]:
                                _absorb(c, choice[0], placed, feats, profiles, new_profiles, store)
        if forced is None and e.id in partner and partner[e.id][0] in placed:  # "Long Name (SHORT)"
            plid, words = placed[partner[e.id][0]].lid, partner[e.id][1]
            if choice is None:
                choice = (plid, None, [f"written as {words}"])
            elif plid != choice[0] and plid in new_profiles:
                _absorb(plid, choice[0], placed, feats, profiles, new_profiles, store)
        if choice is None:
            lid = f"L{next_n}"
            next_n += 1
            new_profiles[lid] = empty_profile(f["kind"], f["type"])
            placed[e.id] = Placement(e.id, lid, None, [], True)
        else:
            placed[e.id] = Placement(e.id, choice[0], choice[1], choice[2], False)
        lid = placed[e.id].lid
        if f["kind"] == "person" and not f["only"]:
            taken_people.add(lid)
        prof = new_profiles.get(lid) or profiles.get(lid) or _load_profiles(store, [lid]).get(lid)
        if prof is None:  # a forced lid whose profile was not loaded yet
            prof = empty_profile(f["kind"], f["type"])
        updated = add_to_profile(prof, f, (), aff_lids)
        if lid in new_profiles:
            new_profiles[lid] = updated
        else:
            profiles[lid] = updated
    _write(store, record, feats, placed, profiles, new_profiles)
    return [placed[e.id] for e in record.entities]


def _leftover(f: dict, eid: str, feats: dict[str, dict], placed: dict[str, Placement]):
    """A person of an article whose names fit exactly one person already placed from the same article (a lone
    given name or surname, or a shorter form of the full name: "Edwin Quispe" beside "Edwin Quispe Huaman")
    is that person, written twice: a leftover of the entities stage."""
    fits = []
    mine = [nm.parse_person(n) for n in f["names"]]
    for other, p in placed.items():
        g = feats[other]
        if g["kind"] != "person" or g["only"]:
            continue
        if f["only"] == "given":
            hit = [(a, b) for a in f["given"] for b in g["given"] if nm.given_match(a, b) in ("exact", "variant", "translit")]
        elif f["only"] == "surname":
            hit = [(a, b) for a in f["surnames"] for b in g["surnames"] if nm.surname_match(a, b) != "differ"]
        else:
            theirs = [nm.parse_person(n) for n in g["names"]]
            hit = [(" ".join((*a.given[:1], *a.surnames)), " ".join((*b.given[:1], *b.surnames)))
                   for a in mine for b in theirs if a.full and b.full and _same_full(a, b)]
        if hit:
            fits.append((p.lid, hit[0]))
    lids = {x[0] for x in fits}
    if len(lids) == 1:
        lid, (a, b) = fits[0]
        return lid, None, [f"same article: '{_show(a)}' is {_show(b)}"]
    return None


def _absorb(old: str, into: str, placed: dict[str, Placement], feats: dict, profiles: dict, new_profiles: dict,
            store: "Store") -> None:
    """Fold a ledger entity started by this article into another one the same article's names lead to."""
    prof = new_profiles.get(into) or profiles.get(into) or _load_profiles(store, [into]).get(into)
    for p in placed.values():
        if p.lid == old:
            p.lid, p.new, p.why = into, False, ["same article: another name of it"]
            prof = add_to_profile(prof, feats[p.entity])
    new_profiles.pop(old, None)
    if into in new_profiles:
        new_profiles[into] = prof
    else:
        profiles[into] = prof


_PAREN_GAP = re.compile(r"^\s*[(\[]\s*$")


def _written_as(record: "Record") -> dict[str, tuple[str, str]]:
    """Bodies and places an article writes as "Long Name (SHORT)": each of the two names the other."""
    spans = []
    for e in record.entities:
        if kind_of(e.type) in ("org", "place") or e.type == "NORP":
            spans += [(m.start, m.end, e.id) for m in e.mentions]
    spans.sort()
    text = record.text
    out: dict[str, tuple[str, str]] = {}
    for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
        if a != b and s2 - e1 <= 3 and _PAREN_GAP.match(text[e1:s2]) and text[e2:e2 + 1] in (")", "]"):
            words = f"'{text[s1:e2 + 1]}'"
            out.setdefault(b, (a, words))
            out.setdefault(a, (b, words))
    return out


def _same_full(a: nm.PersonName, b: nm.PersonName) -> bool:
    """Two full names one article may give one person: the same given name (or a variant) and the surnames of
    one all among the other's."""
    if not any(nm.given_match(x, y) in ("exact", "variant", "translit") for x in a.given for y in b.given):
        return False
    short, long_ = sorted((a.surnames, b.surnames), key=len)
    return all(any(nm.surname_match(s, t) == "exact" for t in long_) for s in short)  # one article, one spelling


def _write(store: "Store", record: "Record", feats: dict, placed: dict[str, Placement], profiles: dict,
           new_profiles: dict) -> None:
    all_lids = {p.lid for p in placed.values()}
    touched: dict[str, dict] = {}
    for eid, p in placed.items():
        co = sorted(all_lids - {p.lid})
        prof = new_profiles.get(p.lid) if p.lid in new_profiles else profiles[p.lid]
        co_counts = dict(prof.get("co", {}))
        if p.lid not in touched:  # count each co-mentioned entity once per article
            for lid in co:
                co_counts[lid] = co_counts.get(lid, 0) + 1
            cap = model()["profile_caps"]["co"]
            prof["co"] = dict(sorted(co_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap])
        touched[p.lid] = prof
    for lid, prof in touched.items():
        kind = prof["kind"]
        if lid in new_profiles:
            store._exec("INSERT INTO ledger_entities (id, n, type, kind, name, profile) VALUES (?, ?, ?, ?, ?, ?)",
                        (lid, int(lid[1:]), main_type(prof), kind, display_name(prof), json.dumps(prof, ensure_ascii=False)))
        else:
            store._exec("UPDATE ledger_entities SET type = ?, name = ?, profile = ? WHERE id = ?",
                        (main_type(prof), display_name(prof), json.dumps(prof, ensure_ascii=False), lid))
    for eid, p in placed.items():
        f = dict(feats[eid])
        f["co"] = sorted(all_lids - {p.lid})
        f["aff_lids"] = sorted({placed[x].lid for x in f.get("aff_ids", []) if x in placed})
        store._exec("INSERT INTO ledger_members (doc_id, entity_id, lid, score, why, features) VALUES (?, ?, ?, ?, ?, ?)",
                    (record.id, eid, p.lid, p.score, json.dumps(p.why, ensure_ascii=False),
                     json.dumps(f, ensure_ascii=False)))
        for k in sorted(keys(f)):
            store._exec("INSERT INTO ledger_keys (key, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", (k, p.lid))
        for n in f["names"]:
            if nm.fold(n):
                store._exec("INSERT INTO ledger_names (folded, lid) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            (nm.fold(n), p.lid))


# ---------------------------------------------------------------------------- rebuilding entities
def rebuild_entities(store: "Store", lids: Iterable[str]) -> None:
    """Recompute the profile, keys and names of these ledger entities from their members (deleting the ones
    left without members). Inside the caller's transaction."""
    for lid in sorted(set(lids)):
        rows = store._rows("SELECT features FROM ledger_members WHERE lid = ? ORDER BY doc_id, entity_id", (lid,))
        store._exec("DELETE FROM ledger_keys WHERE lid = ?", (lid,))
        store._exec("DELETE FROM ledger_names WHERE lid = ?", (lid,))
        if not rows:
            store._exec("DELETE FROM ledger_entities WHERE id = ?", (lid,))
            continue
        prof: dict | None = None
        ks: set[str] = set()
        names: set[str] = set()
        for (fj,) in rows:
            f = json.loads(fj)
            if prof is None:
                prof = empty_profile(f["kind"], f["type"])
            prof = add_to_profile(prof, f, f.get("co", []), f.get("aff_lids", []))
            ks |= keys(f)
            names |= {nm.fold(n) for n in f["names"] if nm.fold(n)}
        assert prof is not None
        store._exec("UPDATE ledger_entities SET type = ?, kind = ?, name = ?, profile = ? WHERE id = ?",
                    (main_type(prof), prof["kind"], display_name(prof), json.dumps(prof, ensure_ascii=False), lid))
        for k in sorted(ks):
            store._exec("INSERT INTO ledger_keys (key, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", (k, lid))
        for n in sorted(names):
            store._exec("INSERT INTO ledger_names (folded, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", (n, lid))


def unlink_docs(store: "Store", doc_ids: Iterable[str]) -> None:
    """Take these documents' entities out of the ledger (before the documents are deleted or replaced),
    rebuilding the ledger entities they belonged to. Inside the caller's transaction."""
    lids: set[str] = set()
    for d in doc_ids:
        lids |= {r[0] for r in store._rows("SELECT DISTINCT lid FROM ledger_members WHERE doc_id = ?", (d,))}
        store._exec("DELETE FROM ledger_members WHERE doc_id = ?", (d,))
    rebuild_entities(store, lids)


def relink(store: "Store") -> int:
    """Link every stored article from scratch, in publication order, honouring the decisions by hand;
    one transaction. Returns the number of ledger entities."""
    with store._transaction("the relink of the ledger"):
        for t in ("ledger_members", "ledger_keys", "ledger_names", "ledger_entities"):
            store._exec(f"DELETE FROM {t}")
        ids = [r[0] for r in store._rows("SELECT id FROM documents ORDER BY COALESCE(published, ''), pk")]
        for i in range(0, len(ids), 200):
            for rec in store.get_many(ids[i:i + 200]):
                link_record(store, rec)
        # merges by hand, whole: the entity holding one named member is the entity holding the other
        for ad, ae, bd, be in store._rows("SELECT a_doc, a_entity, b_doc, b_entity FROM ledger_decisions "
                                          "WHERE kind = 'merge' ORDER BY pk"):
            la, lb = _lid_of(store, ad, ae), _lid_of(store, bd, be)
            if la and lb and la != lb:
                store._exec("UPDATE ledger_members SET lid = ?, why = ? WHERE lid = ?",
                            (la, json.dumps(["merged by hand"]), lb))
                rebuild_entities(store, [la, lb])
        return int(store._rows("SELECT COUNT(*) FROM ledger_entities")[0][0])


# ---------------------------------------------------------------------------- decisions by hand
def _members(store: "Store", lid: str) -> list[tuple[str, str]]:
    return [(d, e) for d, e in store._rows("SELECT doc_id, entity_id FROM ledger_members WHERE lid = ? "
                                            "ORDER BY doc_id, entity_id", (lid,))]


def merge(store: "Store", a: str, b: str) -> str:
    """Merge ledger entity ``b`` into ``a`` (ids); stored as a decision that survives every relink."""
    if a == b:
        raise StoreError(f"cannot merge {a} with itself; give two different ledger entities")
    with store._transaction(f"the merge of {b} into {a}"):
        ma, mb = _members(store, a), _members(store, b)
        for lid, ms in ((a, ma), (b, mb)):
            if not ms:
                raise StoreError(f"no ledger entity {lid}; list them with `newsledger ledger --format pretty`")
        (da, ea), (db_, eb) = ma[0], mb[0]
        for d1, e1 in ma:  # earlier splits between the two are overruled
            for d2, e2 in mb:
                store._exec("DELETE FROM ledger_decisions WHERE kind = 'split' AND ((a_doc = ? AND a_entity = ? AND "
                            "b_doc = ? AND b_entity = ?) OR (a_doc = ? AND a_entity = ? AND b_doc = ? AND b_entity = ?))",
                            (d1, e1, d2, e2, d2, e2, d1, e1))
        store._exec("INSERT INTO ledger_decisions (kind, a_doc, a_entity, b_doc, b_entity, made_at, note) "
                    "VALUES ('merge', ?, ?, ?, ?, ?, ?)", (da, ea, db_, eb, _now(), f"{b} merged into {a}"))
        store._exec("UPDATE ledger_members SET lid = ?, why = ? WHERE lid = ?",
                    (a, json.dumps(["merged by hand"]), b))
        rebuild_entities(store, [a, b])
    return a


def split(store: "Store", lid: str, doc: str, entity: str) -> str:
    """Take document entity ``(doc, entity)`` out of ledger entity ``lid`` into a new one; stored as a
    decision (it is not the same as any other member) that survives every relink. The new id."""
    with store._transaction(f"the split of {doc}/{entity} from {lid}"):
        ms = _members(store, lid)
        if not ms:
            raise StoreError(f"no ledger entity {lid}; list them with `newsledger ledger --format pretty`")
        if (doc, entity) not in ms:
            raise StoreError(f"{doc}/{entity} is not a member of {lid}; its members are "
                             + ", ".join(f"{d}/{e}" for d, e in ms[:10]))
        if len(ms) == 1:
            raise StoreError(f"{doc}/{entity} is the only member of {lid}; there is nothing to split it from")
        now = _now()
        for d, e in ms:
            if (d, e) == (doc, entity):
                continue
            store._exec("DELETE FROM ledger_decisions WHERE kind = 'merge' AND ((a_doc = ? AND a_entity = ? AND "
                        "b_doc = ? AND b_entity = ?) OR (a_doc = ? AND a_entity = ? AND b_doc = ? AND b_entity = ?))",
                        (doc, entity, d, e, d, e, doc, entity))
            store._exec("INSERT INTO ledger_decisions (kind, a_doc, a_entity, b_doc, b_entity, made_at, note) "
                        "VALUES ('split', ?, ?, ?, ?, ?, ?)", (doc, entity, d, e, now, f"split from {lid}"))
        n = _next_n(store)
        new = f"L{n}"
        fj = store._rows("SELECT features FROM ledger_members WHERE doc_id = ? AND entity_id = ?", (doc, entity))[0][0]
        f = json.loads(fj)
        store._exec("INSERT INTO ledger_entities (id, n, type, kind, name, profile) VALUES (?, ?, ?, ?, ?, '{}')",
                    (new, n, f["type"], f["kind"], f["name"]))
        store._exec("UPDATE ledger_members SET lid = ?, score = NULL, why = ? WHERE doc_id = ? AND entity_id = ?",
                    (new, json.dumps(["split by hand"]), doc, entity))
        rebuild_entities(store, [lid, new])
    return new


def member_map(rows: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """{(doc, entity): lid} from (doc, entity, lid) rows."""
    return {(d, e): lid for d, e, lid in rows}


def counts(xs: Iterable[str]) -> Counter:
    return Counter(xs)
