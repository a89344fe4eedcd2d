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

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from . import names as nm
from .link_features import (
    add_to_profile, display_name, empty_profile, features, keys, kind_of, main_type, model, MODEL_PATH, top_counts,
)
from .link_score import Placement, score, _show
from .link_edit import merge, _next_n, rebuild_entities, split, unlink_docs

if TYPE_CHECKING:
    from ..records import Record
    from .base import Store

__all__ = ["MODEL_PATH", "model", "kind_of", "features", "keys", "score", "link_record", "link_reads", "LinkReads", "unlink_docs", "relink",
           "merge", "split", "Placement"]


_ORDER = {"place": 0, "org": 1, "other": 2, "person": 3}


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


def _in_key_order(by_key: dict[str, list[str]], ks: Iterable[str]) -> list[str]:
    """The entities filed under any of the keys ``ks``: by key, then by id (each once)."""
    return list(dict.fromkeys(lid for k in sorted(ks) for lid in by_key.get(k, ())))


def _filed_under_queries(ks: Iterable[str]) -> tuple[list[str], list[tuple[str, list]]]:
    """The queries that find, for each key of ``ks``, the ledger entities filed under it (at most
    ``candidates_per_key``, by id) and their profiles as stored (JSON): one for up to 50 keys (all of an
    article's, usually); a round trip each would be most of linking's cost on PostgreSQL. With the keys,
    sorted, for :func:`_filed_under`."""
    per = int(model()["candidates_per_key"])
    keys = sorted(set(ks))
    queries = []
    for at in range(0, len(keys), 50):
        chunk = keys[at:at + 50]
        union = " UNION ALL ".join(f"SELECT {at + i} AS i, lid FROM (SELECT lid FROM ledger_keys WHERE key = ? "
                                   f"ORDER BY lid LIMIT ?) AS k{i}" for i in range(len(chunk)))
        queries.append((f"SELECT u.i, u.lid, e.profile FROM ({union}) AS u LEFT JOIN ledger_entities e ON e.id = u.lid",
                        [x for k in chunk for x in (k, per)]))
    return keys, queries


def _filed_under(keys: list[str], results: Iterable[list[tuple]]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The answers of :func:`_filed_under_queries`: the entities filed under each key, in id order, and the
    stored profiles of them all."""
    found: list[tuple[int, str]] = []
    profiles: dict[str, str] = {}
    for rows in results:
        for i, lid, profile in rows:
            found.append((int(i), lid))
            if profile is not None:
                profiles[lid] = profile
    found.sort()
    by_key: dict[str, list[str]] = {}
    for i, lid in found:
        by_key.setdefault(keys[i], []).append(lid)
    return by_key, profiles


_DECISIONS_SQL = ("SELECT 0, a_entity, kind, b_doc, b_entity FROM ledger_decisions WHERE a_doc = ? "
                  "UNION ALL SELECT 1, b_entity, kind, a_doc, a_entity FROM ledger_decisions WHERE b_doc = ?")


def _record_decisions(rows: list[tuple]) -> dict[str, list[tuple[str, str, str]]]:
    """For each entity of an article: (kind, other doc, other entity) of every decision by hand naming it,
    those that name it first before those that name it second, from the rows of ``_DECISIONS_SQL`` (one
    query for the article)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for _, ent, k, d, e in sorted(rows, key=lambda r: r[0]):  # stable: each side keeps its order
        out.setdefault(ent, []).append((k, d, e))
    return out


def _lid_of(store: "Store", doc: str, ent: str) -> str | None:
    r = store._rows("SELECT lid FROM ledger_members WHERE doc_id = ? AND entity_id = ?", (doc, ent))
    return r[0][0] if r else None


@dataclass(frozen=True)
class LinkReads:
    """Every read linking an article needs (:func:`link_reads`), known before anything is written: a backend may
    send them with the article's own first statements (one round trip on PostgreSQL, issue 13). ``queries``: whether
    it is linked already and the last ledger number; the decisions by hand naming its entities; the candidates of
    all its entities (portable SQL, ``?`` placeholders)."""

    doc_id: str
    feats: dict[str, dict]
    keys: list[str]
    queries: list[tuple[str, tuple]]


def link_reads(record: "Record") -> LinkReads:
    """The reads :func:`link_record` makes for ``record`` (see :class:`LinkReads`)."""
    feats = {e.id: features(record, e) for e in record.entities}
    keys_sorted, key_queries = _filed_under_queries(k for f in feats.values() for k in keys(f))
    queries = [
        ("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM ledger_members WHERE doc_id = ? LIMIT 1) AS x), "
         "(SELECT COALESCE(MAX(n), 0) FROM ledger_entities)", (record.id,)),
        *([(_DECISIONS_SQL, (record.id, record.id))] if record.entities else []),
        *((sql, tuple(params)) for sql, params in key_queries)]
    return LinkReads(record.id, feats, keys_sorted, queries)


def link_record(store: "Store", record: "Record", reads: LinkReads | None = None,
                answers: list[list[tuple]] | None = None) -> list[Placement]:
    """Link every entity of a stored ``record`` to the ledger (inside the caller's transaction).

    An article whose entities are linked already is left alone (linking twice changes nothing). ``reads`` and
    ``answers``: the reads of :func:`link_reads` and their rows, where the caller sent them already (under the link
    lock, in the same transaction); else they are sent here, at once (one round trip on PostgreSQL): nothing is
    written before the end of this article's linking.
    """
    if reads is None or reads.doc_id != record.id:
        reads, answers = link_reads(record), None
    if answers is None:
        answers = store._rows_many(reads.queries)
    feats, keys_sorted = reads.feats, reads.keys
    linked, last_n = answers[0][0]
    if linked:
        return []
    m = model()
    order = sorted(record.entities, key=lambda e: (_ORDER.get(feats[e.id]["kind"].split(":")[0], 2),
                                                   1 if feats[e.id].get("only") else 0))
    partner = _written_as(record)
    placed: dict[str, Placement] = {}
    profiles: dict[str, dict] = {}
    new_profiles: dict[str, dict] = {}
    taken_people: set[str] = set()  # ledger persons a full name of this article holds
    next_n = int(last_n) + 1
    decisions = _record_decisions(answers[1]) if record.entities else {}
    by_key, stored = _filed_under(keys_sorted, answers[2:])

    def doc_lids() -> set[str]:
        return {p.lid for p in placed.values()}

    for e in order:
        f = feats[e.id]
        aff_lids = {placed[x].lid for x in f.get("aff_ids", []) if x in placed}
        forced: str | None = None
        banned: set[str] = set()
        for kind, d, x in decisions.get(e.id, ()):
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
            found = _in_key_order(by_key, keys(f))
            cands = [c for c in found if c not in banned]
            if f["kind"] != "person":  # one body or place written twice in one article
                cands += [p.lid for p in placed.values() if p.new and feats[p.entity]["kind"] == f["kind"]
                          and p.lid not in cands]
            need = [c for c in cands if c not in profiles and c not in new_profiles]
            profiles.update({c: json.loads(stored[c]) for c in need if c in stored})
            profiles.update(_load_profiles(store, [c for c in need if c not in stored]))
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
    given name or surname, or a shorter form of the full name: "Tomas Arel" beside "Tomas Arel Vidal")
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
            prof["co"] = top_counts(co_counts, cap)
        touched[p.lid] = prof
    # each table's rows in one executemany, in the order they were written one by one before
    added, updated = [], []
    for lid, prof in touched.items():
        js = json.dumps(prof, ensure_ascii=False)
        if lid in new_profiles:
            added.append((lid, int(lid[1:]), main_type(prof), prof["kind"], display_name(prof), js))
        else:
            updated.append((main_type(prof), display_name(prof), js, lid))
    store._exec_many("INSERT INTO ledger_entities (id, n, type, kind, name, profile) VALUES (?, ?, ?, ?, ?, ?)", added)
    store._exec_many("UPDATE ledger_entities SET type = ?, name = ?, profile = ? WHERE id = ?", updated)
    members, key_rows, name_rows = [], [], []
    for eid, p in placed.items():
        f = dict(feats[eid])
        f["co"] = sorted(all_lids - {p.lid})
        f["aff_lids"] = sorted({placed[x].lid for x in f.get("aff_ids", []) if x in placed})
        members.append((record.id, eid, p.lid, p.score, json.dumps(p.why, ensure_ascii=False),
                        json.dumps(f, ensure_ascii=False)))
        key_rows += [(k, p.lid) for k in sorted(keys(f))]
        name_rows += [(folded, p.lid) for folded in map(nm.fold, f["names"]) if folded]
    store._exec_many("INSERT INTO ledger_members (doc_id, entity_id, lid, score, why, features) "
                     "VALUES (?, ?, ?, ?, ?, ?)", members)
    store._exec_many("INSERT INTO ledger_keys (key, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", key_rows)
    store._exec_many("INSERT INTO ledger_names (folded, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", name_rows)


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


