"""Grouping typed name mentions into entities (step 4 of :mod:`.names`): persons by name parts,
nicknames and given names, organizations by sub-name, first word and acronym, countries by ISO code."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, TYPE_CHECKING

from ...analysis.words import word_class
from .lex import demonym_country, fold, initials as _initials, lexicon
from .mentions import Cluster, FAC, GPE, is_acronym, LOC, NameMention, NORP, ORG, PARTICLES, PERSON
from .runs import SUFFIXES
from .acronym_merge import merge_initials
from .short_names import merge_short_names
from .spelling import SpellIndex
from .._doc import folded, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ============================================================================ clustering
def _tokens(name: str) -> list[str]:
    """The words of a name, a generational suffix dropped ("Ovid Marsh Jr." is "Marsh" later on)."""
    words = [w for w in re.split(r"[\s]+", fold(name)) if w]
    while len(words) > 2 and words[-1].strip(",") in SUFFIXES:
        words.pop()
    return words


def _strip_particle(w: str) -> str:
    """The word less a particle joined to it by a hyphen ("al-Rashid": "rashid"; no particle holds a hyphen,
    so the particle is the part before the first one)."""
    head, hyphen, rest = w.partition("-")
    return rest if hyphen and head in PARTICLES else w


def cluster_names(doc: "Doc", ms: list[NameMention]) -> tuple[list[Cluster], list[NameMention]]:
    """Group mentions into entities; return (clusters in order of first mention, ambiguous mentions)."""
    # 1. type of each distinct surface form: votes summed over all its mentions
    by_form: dict[str, Counter] = defaultdict(Counter)
    for m in ms:
        by_form[fold(m.text)].update(m.votes)
    for m in ms:
        if m.kind not in ("demonym", "state"):
            m.votes = Counter(by_form[fold(m.text)])
    persons_full = [m for m in ms if m.label == PERSON and len(_tokens(m.full or m.text)) >= 2]
    clusters: list[Cluster] = []
    unresolved: list[NameMention] = []
    person_of: dict[tuple[str, ...], Cluster] = {}
    # 2. persons with a full name
    for m in persons_full:
        key = tuple(_tokens(m.full or m.text))
        c = person_of.get(key) or _person_suffix(person_of, key) or _misspelt(person_of, key)
        if c is None:
            c = Cluster(PERSON, [])
            clusters.append(c)
        c.mentions.append(m)
        person_of.setdefault(key, c)
        for a in m.aliases:
            if len(_tokens(a)) >= 2:
                person_of.setdefault(tuple(_tokens(a)), c)
    persons = _unique(person_of.values())
    # 3. the rest
    org_of: dict[str, Cluster] = {}
    org_spelled: SpellIndex[Cluster] = SpellIndex()
    place_acr: dict[str, Cluster] = {}  # a place's initials given in brackets after its name
    place_of: dict[str, Cluster] = {}
    in_person = {id(x) for c in persons for x in c.mentions}
    pindex = _PersonIndex(persons)
    for m in ms:
        if id(m) in in_person:
            continue
        if m.kind in ("demonym", "state"):
            continue
        toks = _tokens(m.text)
        cands = [] if m.country else pindex.candidates(toks)
        if len(cands) > 1:  # only the persons introduced so far compete ("Lavrenko" before his brother appears)
            cands = [c for c in cands if c.first < m.start] or cands
        if not cands and len(toks) == 1 and m.label in (PERSON, ORG, GPE, NORP, "") and not m.country:
            cands = pindex.first_name(toks[0], m.start)
        if not cands and len(toks) == 1 and m.label in (PERSON, "") and not m.country \
                and pindex.first_shared(toks[0], m.start):
            unresolved.append(m)  # "Lu" after "Lu Hanwei" and "Lu Mingzhi": either of them (issue 11)
            continue
        if not cands and len(toks) == 1 and m.label in (PERSON, "") and not m.country:
            near = pindex.spelled.near((toks[0],))  # "Radhakirshnan" for "Radhakrishnan" (spelling.py)
            cands = [near] if near is not None else []
        if len(cands) == 1 and (m.label in (PERSON, NORP, GPE, ORG, LOC, "") ):
            cands[0].mentions.append(m)
            continue
        if len(cands) > 1:
            unresolved.append(m)
            continue
        lab = m.label or ""
        if m.alias_of is not None:
            target = _cluster_of(clusters, ms[m.alias_of])
            if target is not None and target.type == PERSON:
                target.mentions.append(m)
                continue
        if m.acronym_of is not None:
            target = _cluster_of(clusters, ms[m.acronym_of])
            if target is not None and (target.type != GPE or _initials(target.name) == m.text.replace(".", "")
                                       or _initials(target.name, True) == m.text):
                target.mentions.append(m)
                if target.type == ORG:
                    org_of.setdefault(fold(m.text), target)
                elif target.type in (GPE, LOC, FAC):
                    place_acr.setdefault(fold(m.text), target)  # "the RoT" later on: the same country
                if target.type == PERSON:
                    target.type = ORG
                continue
        if (lab in (GPE, LOC) and len(toks) == 1 and not m.country and _tagged_org(m)
                and (short := _org_match(org_of, m)) is not None and len(short.name.split()) >= 2):
            short.mentions.append(m)  # "Delta Airlines ... cost Delta": a town's name the tagger read as the firm's
            continue
        if fold(m.text) in place_acr and lab in (GPE, LOC, FAC, ORG, ""):
            place_acr[fold(m.text)].mentions.append(m)  # a place's initials, whatever the tagger made of them
            continue
        if lab in (GPE, LOC, FAC):
            # "the X port" is "the port of X"; "Velmar (and Tarnwick counties)" is "Velmar County"
            key = m.country or fold(m.full if m.full else m.text)
            c = place_of.get(key)
            if c is None:
                c = Cluster(lab, [], country=m.country)
                place_of[key] = c
                clusters.append(c)
            c.mentions.append(m)
        elif (len(toks) == 1 and m.votes[PERSON] < 3 and not m.country and lab in ("", PERSON, ORG, GPE)
              and _org_match(org_of, m, _after_the(doc, m)) is not None):
            _org_match(org_of, m, _after_the(doc, m)).mentions.append(m)  # a short form of a named organization ("Brackwell")
        elif lab == ORG or (m.kind == "acronym" and not lab):
            c = _org_match(org_of, m, _after_the(doc, m))
            if c is None and len(toks) >= 2:
                c = org_spelled.near(tuple(toks))  # "Valmar University" for "Velmar University" (spelling.py)
            if c is None:
                c = Cluster(ORG, [])
                clusters.append(c)
            c.mentions.append(m)
            org_of.setdefault(fold(m.text), c)
            org_spelled.add(tuple(toks), c)
        elif lab == PERSON:
            key = tuple(toks)
            c = person_of.get(key)
            if c is None:
                c = Cluster(PERSON, [])
                clusters.append(c)
                person_of[key] = c
            c.mentions.append(m)
        elif lab == NORP:
            c = place_of.get("norp:" + fold(m.text))
            if c is None:
                c = Cluster(NORP, [])
                place_of["norp:" + fold(m.text)] = c
                clusters.append(c)
            c.mentions.append(m)
    # 4. demonyms: a mention of their country where the article names it, else a NORP entity
    countries = {c.country: c for c in clusters if c.type == GPE and c.country}
    for m in ms:
        if m.kind == "state" and m.country and m.country not in countries:
            countries[m.country] = Cluster(GPE, [], country=m.country)
            clusters.append(countries[m.country])
    for m in ms:
        if m.kind not in ("demonym", "state"):
            continue
        c = countries.get(m.country or "")
        if c is None:
            key = "norp:" + (m.country or fold(m.text))
            c = place_of.get(key)
            if c is None:
                c = Cluster(NORP, [], country=m.country)
                place_of[key] = c
                clusters.append(c)
        c.mentions.append(m)
    clusters = [c for c in clusters if c.mentions and not _joined_pair(c, clusters)]  # (issue 11)
    clusters = merge_initials(clusters)  # "the Varrow Dock Workers' Federation ... the VDF" (issue 11)
    clusters = merge_short_names(clusters)  # "Brannix wins appeal ... Brannix Group said" (issue 11)
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
    clusters.sort(key=lambda c: c.first)
    return clusters, unresolved


def sub_bodies(clusters: list[Cluster]) -> list[tuple[Cluster, Cluster, NameMention]]:
    """(part, whole, the part's mention) for each organization named as another's name and a body
    inside it ("the Velmar University Senate" of "Velmar University": data/words/sub_body_heads.json)."""
    whole: dict[tuple[str, ...], Cluster] = {}
    for c in clusters:
        if c.type == ORG:
            for m in c.mentions:
                whole.setdefault(tuple(fold(m.text).split()), c)
    out: list[tuple[Cluster, Cluster, NameMention]] = []
    for c in clusters:
        if c.type != ORG:
            continue
        for m in c.mentions:
            words = tuple(fold(m.text).split())
            w = whole.get(words[:-1]) if len(words) >= 3 and words[-1] in word_class("sub_body_heads") else None
            if w is not None and w is not c and not any(x[0] is c for x in out):
                out.append((c, w, m))
    return out


def feature_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """"the Halvo valley", "Orsk county": a place's name and the lower-case noun of a feature or unit after
    it are one more mention of the place (data/words/place_feature_heads.json), the name alone kept too."""
    heads = word_class("place_feature_heads")
    toks = tokens(doc)
    for c in clusters:
        if c.type not in (GPE, LOC, FAC):
            continue
        seen = set(c.extra)
        for m in c.mentions:
            if m.t1 < len(doc) and toks[m.t1].is_lower and folded(doc)[m.t1] in heads:
                end = toks[m.t1].idx + len(toks[m.t1].text)
                if (m.start, end) not in seen:
                    seen.add((m.start, end))
                    c.extra.append((m.start, end))


def _tagged_org(m: NameMention) -> bool:
    """The tagger read this mention as an organization (a gazetteer may still call the word a town)."""
    return any(rule == "spacy-ner" and label == ORG for rule, label, _w in m.why)


def _after_the(doc: "Doc", m: NameMention) -> bool:
    return m.t0 >= 1 and folded(doc)[m.t0 - 1] == "the"


def _unique(cs: Iterable[Cluster]) -> list[Cluster]:
    out: list[Cluster] = []
    for c in cs:
        if not any(c is x for x in out):
            out.append(c)
    return out


def _person_suffix(person_of: dict[tuple[str, ...], Cluster], key: tuple[str, ...]) -> Cluster | None:
    """An already seen person whose full name ends with (or is ended by) ``key``, when just one."""
    hits = _unique(c for k, c in person_of.items()
                   if len(k) >= 2 and len(key) >= 2 and (k[-len(key):] == key or key[-len(k):] == k))
    return hits[0] if len(hits) == 1 else None


class _PersonIndex:
    """The short names each full-named person answers to: surname, "Abu Selim", "Qassar" of
    "al-Qassar", a nickname; and their given names. Built once, looked up per mention."""

    def __init__(self, persons: list[Cluster]) -> None:
        self.by_tail: dict[tuple[str, ...], list[Cluster]] = defaultdict(list)
        self.by_first: dict[str, list[Cluster]] = defaultdict(list)
        self.spelled: SpellIndex[Cluster] = SpellIndex()  # surnames, for one spelled another way
        for c in persons:
            keys: set[tuple[str, ...]] = set()
            for m in c.mentions:
                for form in (m.full or m.text, *m.aliases):
                    ft = _tokens(form)
                    keys.add(tuple(ft))
                    for k in range(1, min(len(ft), 4)):
                        tail = ft[-k:]
                        keys.add(tuple(tail))
                        keys.add(tuple(_strip_particle(w) for w in tail))
                full = _tokens(m.full or m.text)
                if len(full) >= 2 and c not in self.by_first[full[0]]:
                    self.by_first[full[0]].append(c)
            for key in keys:
                self.by_tail[key].append(c)
            for key in keys:
                if len(key) == 1:
                    self.spelled.add(key, c)

    def candidates(self, toks: list[str]) -> list[Cluster]:
        """Persons whose name ends with these words (particles aside) or who go by them as a nickname."""
        if not toks or len(toks) > 3:
            return []
        hits = self.by_tail.get(tuple(toks), []) + self.by_tail.get(tuple(_strip_particle(w) for w in toks), [])
        return _unique(hits)

    def first_name(self, word: str, before: int) -> list[Cluster]:
        """The one person introduced before ``before`` whose full name starts with this word, if only one."""
        every = self.by_first.get(word, [])
        hits = [c for c in every if c.first < before] or every  # named later: "Milos" before "Milos K."
        return list(hits) if len(hits) == 1 else []

    def first_shared(self, word: str, before: int) -> bool:
        """Two persons or more introduced before ``before`` have full names that start with this word."""
        return sum(1 for c in self.by_first.get(word, []) if c.first < before) >= 2


def _joined_pair(c: Cluster, clusters: list[Cluster]) -> bool:
    """"the Velair-Nordjet merger": two bodies the article names, joined by a hyphen, are no third body
    (issue 11). Each half is a name of another organization, or the first word of one."""
    if c.type != ORG:
        return False
    names = {fold(m.text) for o in clusters if o is not c and o.type == ORG for m in o.mentions}
    firsts = {n.split()[0] for n in names if len(n.split()) >= 2}
    for m in c.mentions:
        halves = [h.strip() for h in fold(m.text).split("-")]
        if len(halves) != 2 or not all(h in names or h in firsts for h in halves):
            return False
    return True


def _misspelt(person_of: dict[tuple[str, ...], Cluster], key: tuple[str, ...]) -> Cluster | None:
    """A person already named whose full name differs from ``key`` by one letter in one given name, the
    surname the same ("Muhammadu X" / "Muhammdu X": a typo or a second spelling in one text; issue 11)."""
    for k, c in person_of.items():
        if len(k) != len(key) or len(k) < 2 or k[-1] != key[-1]:
            continue
        diff = [(a, b) for a, b in zip(k[:-1], key[:-1]) if a != b]
        if len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 5 and _one_edit(*diff[0]):
            return c
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one inserted, dropped or changed letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _cluster_of(clusters: list[Cluster], m: NameMention) -> Cluster | None:
    for c in clusters:
        if any(x is m for x in c.mentions):
            return c
    return None


def _part_of(a: list[str], b: list[str]) -> bool:
    """One name is the other's and a word of a body inside it ("velmar university senate" and "velmar
    university": a part and its whole, two organizations; data/words/sub_body_heads.json)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    # "halden police union" and "halden police": the body of its members is another one (issue 11)
    return (len(long) == len(short) + 1 and long[:-1] == short
            and (long[-1] in word_class("sub_body_heads") or long[-1] in word_class("member_body_heads")))


def _org_match(org_of: dict[str, Cluster], m: NameMention, the: bool = False) -> Cluster | None:
    """An organization already seen that this name writes in full, in part, or as an acronym; after
    "the" (``the``), one capitalized head word is the latest organization whose name ends with it."""
    key = fold(m.text)
    if key in org_of:
        return org_of[key]
    toks = key.split()
    acr = m.text.replace(".", "") if is_acronym(m.text) else None
    hits: list[Cluster] = []
    own: list[str] = []  # _initials(m.text), worked out once, when first needed

    def initials() -> str:
        if not own:
            own.append(_initials(m.text))
        return own[0]

    for k, c in reversed(list(org_of.items())):
        kt = k.split()
        if acr and any(_initials(x.text) == acr for x in c.mentions):
            hits.append(c)
        elif len(toks) >= 2 and (_contiguous(toks, kt) or _contiguous(kt, toks)) and not _part_of(toks, kt):
            hits.append(c)
        elif len(toks) == 1 and the and len(kt) >= 2 and kt[-1] == toks[0] and toks[0] in lexicon().org_keywords:
            hits.append(c)  # "the Command" of "the Halden State Police Command" (issue 11)
        elif (len(toks) == 1 and not acr and len(kt) >= 2 and kt[0] == toks[0] and toks[0] not in lexicon().org_keywords
              and not demonym_country(toks[0]) and not is_acronym(m.text)):
            hits.append(c)  # "Harrowgate" of "Harrowgate Pharma"
        elif (len(toks) == 1 and not acr and len(kt) >= 2 and len(toks[0]) >= 3 and m.text[:1].isupper()
              and m.text[1:].islower() and kt[0].startswith(toks[0]) and len(kt[0]) > len(toks[0])
              and toks[0] not in lexicon().titles):
            hits.append(c)  # "the Fed" of "the Federated Water Board": a clipped first word (issue 11)
        elif not acr and any(is_acronym(x.text) and x.text.replace(".", "") == initials() for x in c.mentions):
            hits.append(c)
    hits = _unique(hits)
    return hits[0] if hits else None


def _contiguous(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return n <= len(big) and any(big[k:k + n] == small for k in range(len(big) - n + 1))
