"""What cross-article linking (:mod:`.link`) compares: the linking model (``data/linking.json``), an
entity's features and blocking keys (steps 1 and 2), and the profile a ledger entity accumulates."""

from __future__ import annotations

import functools
import json
import re
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterable, TYPE_CHECKING

from . import names as nm

if TYPE_CHECKING:
    from ..records import Entity, Record


MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "linking.json"

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


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
    """The country a body's name ties it to ("Norwegian Foreign Ministry", "Norway's Foreign Ministry":
    NO), and its names without that word ("foreign ministry"): two ministries of one name in two countries
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


def top_counts(counts: dict[str, int], cap: int) -> dict[str, int]:
    """The ``cap`` largest counts, largest first, ties by key: ``sorted(key=lambda kv: (-kv[1], kv[0]))`` done
    as two sorts on C-level keys (a stable sort keeps the key order among equal counts), a profile's
    co-mention counts being sorted several times for every article linked."""
    items = sorted(counts.items())
    items.sort(key=itemgetter(1), reverse=True)
    return dict(items[:cap])


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
    # linking adds no co-mentions here (``link._write`` counts them and sorts once per article): a profile within
    # its cap is kept as it is rather than sorted again (issue 13: the sorts were a tenth of linking's own time)
    p["co"] = top_counts(co_counts, caps["co"]) if co or len(co_counts) > caps["co"] else co_counts
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
