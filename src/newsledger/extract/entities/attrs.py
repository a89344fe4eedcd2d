"""Attributes of entities and the relations between them, read from the words around each name.

**Titles** come from the noun phrase written before a name ("Deputy Trade Minister X", "Tarvos'
regional leader X", "Chilean Ambassador to Norway X"), from an appositive after it ("X,
secretary-general of the UDA", "X, a retired navy admiral") and from a title phrase the name is in
apposition to ("Its treasurer, X", "The head of the Authority, X"). The same phrases give
**affiliation**: an organization or country written inside the title ("UDA spokesman"), its
possessor ("Chile's ambassador", "Its treasurer" once "its" is resolved) or an "of" phrase
("head of the Authority"); a place after "to" ("Ambassador to Norway") is where the post
is, not whom it serves. Every affiliation is also a ``member_of`` relation.

A demonym or country in the title of someone who is not an official ("a Danish journalist") is
their **citizenship** instead.

**Age** from ", 41," after a name and "a 57-year-old"; **residence** from ", from <place>", "a
<demonym> resident", "resident of", "<place>-based", "his home in <place>"; **citizenship** from
"holds <demonym> citizenship", "a <demonym> citizen"; **origin** from "a <place> native",
"native of", "born in". Pronouns resolved to a person count as that person ("He became a
Danish citizen").

``member_of`` also comes from "X's firm, Y", "her employer, Y", "X, whose company, Y".

**Family** relations from a kinship word with a possessor and a name in apposition ("his sister,
Orla", "Brandt's wife, Ilse", lists that share the possessor: "his father, Jonas,
uncle, Tomas and cousin, Mira Feld"), from "whose <kin>, Y" and from "X is the <kin>
of Y" (read backwards: X's parent is Y, gendered when Y's gender is known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...analysis.clause import own_subject
from ...records import Attributes
from .._doc import folded, sentences, tokens
from .lex import country_name, fold, lexicon
from .names import GPE, LOC, NORP, ORG, PERSON, Cluster, NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TitleInfo", "RelationFound", "find_titles", "find_attributes", "MentionMap"]

_POSS_PRON = {"its", "their", "his", "her"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."}  # forms of address, not titles
_DETS = {"the", "a", "an", "this", "that"}
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
_SPECIAL = {"resident", "residents", "native", "citizen", "national"}
_EMPLOYER = frozenset({"employer", "employers", "party", "newspaper", "company", "firm", "organization"})


@dataclass
class TitleInfo:
    """A title phrase attached to a person mention."""

    cluster: Cluster
    title: tuple[int, int] | None  # token range of the title text
    orgs: list[Cluster] = field(default_factory=list)  # affiliations written in the phrase
    possessor_tok: int | None = None  # token index of "its"/"their"/"his" owning the phrase
    span: tuple[int, int] = (0, 0)  # token range of the whole phrase, name included (evidence)


@dataclass
class RelationFound:
    type: str
    subject: Cluster
    object: Cluster
    evidence: tuple[int, int]  # char offsets


class MentionMap:
    """Token index -> (mention, cluster) for name mentions, and char span -> cluster for others."""

    def __init__(self, doc: "Doc", clusters: list[Cluster]) -> None:
        self.doc = doc
        self.by_tok: dict[int, tuple[NameMention, Cluster]] = {}
        for c in clusters:
            for m in c.mentions:
                for t in range(m.t0, m.t1):
                    self.by_tok[t] = (m, c)
        self.extra: dict[int, Cluster] = {}  # first token of a pronoun/reference -> cluster

    def at(self, t: int) -> tuple[NameMention, Cluster] | None:
        return self.by_tok.get(t)

    def cluster_at(self, t: int) -> Cluster | None:
        hit = self.by_tok.get(t)
        if hit:
            return hit[1]
        return self.extra.get(t)

    def add_extra(self, clusters: list[Cluster]) -> None:
        for c in clusters:
            for s, e in c.extra:
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    for t in range(span.start, span.end):
                        self.extra.setdefault(t, c)


# ============================================================================ titles
def _is_title(w: str) -> bool:
    lex = lexicon()
    return (w in lex.titles or w in lex.honorifics) and w not in _SPECIAL


def _is_mod(w: str) -> bool:
    lex = lexicon()
    return w in lex.title_modifiers or _is_title(w)


def _scan_title_left(doc: "Doc", k: int, mm: MentionMap,
                     floor: int | None = None) -> tuple[int, int, list[Cluster], int] | None:
    """The title phrase ending just before token ``k``: (first, head+1, affiliations, phrase start)."""
    lex = lexicon()
    j = k
    # skip a trailing "of/at <org>" or "in <place>" (only for appositive phrases the caller allows)
    head = None
    orgs: list[Cluster] = []
    i = j - 1
    while i >= 0:
        t = doc[i]
        w = fold(t.text)
        hit = mm.at(i)
        if hit and hit[1].type in (ORG, GPE, NORP) and not _is_title(w):
            m, c = hit
            if head is not None and m.t1 < len(doc) and doc[m.t1].text == "-" and not doc[m.t1 - 1].whitespace_:
                i = m.t0 - 1  # "Castrel-based lawyer": a place of work, not an affiliation
                continue
            if m.t0 >= 2 and folded(doc)[m.t0 - 1] == "to" and _is_title(folded(doc)[m.t0 - 2]):
                i = m.t0 - 2  # "Ambassador to Norway": where the post is, not whom it serves
                if head is None:
                    head = i
                    i -= 1
                continue
            if head is None:
                break
            orgs.append(c)
            i = m.t0 - 1
            continue
        if _is_title(w) and not (hit and hit[1].type == PERSON):
            if head is None:
                head = i
            i -= 1
            continue
        if head is not None and (_is_mod(w) or t.text == "-" or (t.is_lower and t.pos_ == "ADJ")
                                 or _in_compound(doc, i)
                                 or (t.is_lower or t.is_sent_start) and t.dep_ in ("compound", "amod") and not hit):
            i -= 1
            continue
        if head is not None and floor is not None and i >= floor and not hit:
            i -= 1  # a word of the title written with the name ("Treasury Secretary X")
            continue
        if head is not None and (t.is_lower or t.is_sent_start) and w in lex.org_generic_refs and not hit:
            i -= 1  # "ministry spokesman X": the caller resolves the ministry
            continue
        break
    if head is None:
        return None
    first = i + 1
    # title text: drop leading affiliations (demonyms, org names)
    tstart = first
    while tstart <= head and mm.at(tstart) and mm.at(tstart)[1].type in (ORG, GPE, NORP):
        tstart = mm.at(tstart)[0].t1
    while tstart <= head and doc[tstart].text in ("-", "'s", "'", "based"):
        tstart += 1
    if tstart > head:
        return None
    return tstart, head + 1, orgs, first


def _pre_title(doc: "Doc", rng: tuple[int, int], mm: MentionMap) -> tuple[int, int, list[Cluster], int] | None:
    """The title written in the same capitalized run as the name ("U.S. Secretary of State X"):
    its words less the leading affiliations, and the bodies and countries written in it."""
    i, k = rng
    orgs: list[Cluster] = []
    t = i
    while t < k:
        hit = mm.at(t)
        if hit and hit[1].type in (ORG, GPE, NORP):
            if not (hit[0].t0 >= 1 and fold(doc[hit[0].t0 - 1].text) == "to"):
                orgs.append(hit[1])
            t = hit[0].t1
            continue
        break
    if t >= k:
        return None
    for q in range(t, k):  # bodies written after the title words ("Minister of Defence" has none)
        hit = mm.at(q)
        if hit and hit[1].type == ORG and hit[1] not in orgs:
            orgs.append(hit[1])
    return t, k, orgs, i


def _in_compound(doc: "Doc", i: int) -> bool:
    """Token i is glued by hyphens to its neighbours ("editor-in-chief", "Castrel-based")."""
    n = len(doc)
    left = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    right = i + 1 < n and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
    return left or right


def _possessor(doc: "Doc", first: int) -> int | None:
    """The token owning the phrase starting at token ``first``: "Chile('s)", "Tarvos(')", "its"."""
    if first <= 0:
        return None
    prev = doc[first - 1]
    if prev.tag_ == "POS" and first >= 2:
        return first - 2
    if fold(prev.text) in _POSS_PRON:
        return first - 1
    return None


def find_titles(doc: "Doc", clusters: list[Cluster]) -> list[TitleInfo]:
    """Title phrases before, after and around every person mention."""
    mm = MentionMap(doc, clusters)
    out: list[TitleInfo] = []
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            out.extend(_titles_of(doc, c, m, mm))
    return out


def _titles_of(doc: "Doc", c: Cluster, m: NameMention, mm: MentionMap) -> list[TitleInfo]:
    out: list[TitleInfo] = []
    # before the name: "Deputy Trade Minister X", "Tarvos' regional leader X"
    got = _scan_title_left(doc, m.t0, mm, m.pre_title[0] if m.pre_title else None)
    if m.pre_title and (got is None or got[3] > m.pre_title[0]):
        got = _pre_title(doc, m.pre_title, mm) or got
    if got:
        ts, te, orgs, first = got
        of_org = _of_org_after(doc, m.t1, mm)
        if of_org is not None and not orgs:
            orgs = [of_org[0]]
        out.append(TitleInfo(c, (ts, te), orgs, _possessor(doc, first), (first, of_org[1] if of_org else m.t1)))
    # the name in apposition to a title phrase: "Its treasurer, X", "The head of the UDA, X"
    t0 = m.pre_title[0] if m.pre_title else m.t0  # "The army's chief, General X"
    if t0 >= 2 and doc[t0 - 1].text == ",":
        k = t0 - 1
        of_org: list[Cluster] = []
        prev = mm.at(k - 1)
        if prev and prev[1].type in (ORG, GPE, LOC, NORP):
            pm, pc = prev
            p = pm.t0 - 1
            if p >= 0 and folded(doc)[p] in _DETS:
                p -= 1
            if p >= 0 and folded(doc)[p] in ("of", "at", "for", "in"):
                if folded(doc)[p] != "in":
                    of_org.append(pc)
                k = p
        got = _scan_title_left(doc, k, mm)
        if got and not (got[1] - got[0] == 0):
            ts, te, orgs, first = got
            if first == 0 or folded(doc)[first - 1] in _DETS | _POSS_PRON or doc[first - 1].tag_ == "POS" \
                    or doc[first - 1].is_sent_start or doc[first].is_sent_start:
                start = first - 1 if first and folded(doc)[first - 1] in _DETS else first
                out.append(TitleInfo(c, (ts, te), orgs + of_org, _possessor(doc, first), (start, m.t1)))
    # after the name: "X, secretary-general of the UDA", "X, a retired navy admiral"
    k = m.t1
    if k + 1 < len(doc) and doc[k].text == ",":
        k += 1
        if _age_at(doc, k):
            k += 2
        p = k
        if p < len(doc) and doc[p].lemma_ == "be" and doc[p].pos_ == "AUX" and p > m.t1 + 1:
            p += 1  # "X, 71, is a former foreign minister"
        if p + 1 < len(doc) and folded(doc)[p] == "who" and doc[p + 1].lemma_ in ("be", "become"):
            p += 2  # "X, who was deputy trade minister until ..."
        if p < len(doc) and doc[p].tag_ == "VBN" and doc[p].lemma_.lower() in _APPOINTED:
            q = next((x for x in range(p + 1, min(p + 12, len(doc))) if doc[x].lower_ == "as" or doc[x].text == ","),
                     None)
            if q is not None and doc[q].lower_ == "as":
                p = q + 1  # "X, appointed on Wednesday for a 7th term as Governor of the National Bank"
    elif k < len(doc) and doc[k].lemma_ == "be" and doc[k].dep_ in ("ROOT", "conj", "ccomp") and doc[k].text != "'s":
        p = k + 1  # "X is a retired navy admiral"
    else:
        p = None
    if p is not None:
        if p < len(doc) and folded(doc)[p] in _DETS:
            p += 1
        if p < len(doc) and doc[p].tag_ == "POS":
            p += 1
        got = _scan_title_right(doc, p, mm)
        if got:
            ts, te, orgs, end = got
            ptok = p if p < len(doc) and folded(doc)[p] in ("its", "their") else None
            out.append(TitleInfo(c, (ts, te), orgs, ptok, (m.t0, end)))
            second = _coordinated_title(doc, end, mm)
            if second:
                ts, te, orgs2, end2 = second
                out.append(TitleInfo(c, (ts, te), orgs2, None, (m.t0, end2)))
    return out


_APPOINTED = frozenset({"appoint", "name", "elect", "re-elect", "reelect", "nominate", "install", "confirm",
                        "reappoint", "choose", "select"})


def _coordinated_title(doc: "Doc", end: int, mm: MentionMap) -> tuple[int, int, list[Cluster], int] | None:
    """A second title joined by "and" to the appositive that ends at token ``end`` ("X, a deputy
    minister and former bank economist")."""
    if end + 1 >= len(doc) or folded(doc)[end] != "and":
        return None
    p = end + 1
    if folded(doc)[p] in _DETS:
        p += 1
    got = _scan_title_right(doc, p, mm)
    if got is None or got[0] != p:
        return None  # the conjunct must start with the title phrase itself
    return got


def _of_org_after(doc: "Doc", k: int, mm: MentionMap) -> tuple[Cluster, int] | None:
    """"Opposition leader X of the Green Dawn party": the organization right after the name, and the
    token where it ends."""
    if k >= len(doc) or folded(doc)[k] != "of":
        return None
    q = k + 1
    if q < len(doc) and folded(doc)[q] == "the":
        q += 1
    hit = mm.at(q) if q < len(doc) else None
    if hit and hit[1].type == ORG and hit[0].t0 == q:
        return hit[1], hit[0].t1
    return None


def _age_at(doc: "Doc", k: int) -> bool:
    return (k + 1 < len(doc) and doc[k].text.isdecimal() and 0 < int(doc[k].text) < 120
            and doc[k + 1].is_punct)


def _scan_title_right(doc: "Doc", p: int, mm: MentionMap) -> tuple[int, int, list[Cluster], int] | None:
    """A title phrase starting at token ``p`` (after "X, a"): (start, end, affiliations, phrase end)."""
    orgs: list[Cluster] = []
    n = len(doc)
    # a possessor: "Tarvos' deputy regional leader"
    hit = mm.at(p)
    if hit and hit[1].type in (ORG, GPE, NORP):
        m, c = hit
        q = m.t1
        if q < n and doc[q].tag_ == "POS":
            orgs.append(c)
            p = q + 1
    elif p < n and folded(doc)[p] in ("its", "their"):
        p += 1  # "X, its spokesman": the caller resolves the pronoun
    elif (p + 1 < n and doc[p + 1].tag_ == "POS" and doc[p].is_lower
          and folded(doc)[p] in lexicon().org_generic_refs | _COUNTRY_NOUNS):
        p += 2  # "X, the bloc's secretary-general": the caller resolves "the bloc"; "the country's top diplomat"
    start = p
    # skip an age adjective: "a 48-year-old judge"
    if p < n and doc[p].like_num and p + 4 < n and doc[p + 2].text.startswith("year"):
        p += 5
        start = p
    head = None
    i = p
    while i < n:
        t = doc[i]
        w = fold(t.text)
        h = mm.at(i)
        if h and h[1].type in (ORG, GPE, NORP) and not _is_title(w):
            orgs.append(h[1])
            i = h[0].t1
            continue
        if _is_title(w):
            head = i
            i += 1
            continue
        if _is_mod(w) or t.text == "-" or (t.is_lower and t.pos_ == "ADJ") or _in_compound(doc, i):
            i += 1
            continue
        if head is None and t.is_lower and t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.i > i:
            i += 1  # "a law student", "a bank economist": a noun modifying the title
            continue
        break
    if head is None:
        return None
    while head + 1 < n and _in_compound(doc, head + 1) and doc[head].whitespace_ == "":
        head += 1  # "editor-in-chief"
    end = head + 1
    # "of the UDA", "at the agency"
    q = end
    prep = folded(doc)[q] if q < n else ""
    if prep in ("of", "at", "for", "with", "from"):
        q += 1
        if q < n and folded(doc)[q] in _DETS:
            q += 1
        h = mm.at(q)
        for _ in range(6):  # "for the Castrel-based newspaper X": skip the place and the kind
            if h and not (h[0].t1 < n and doc[h[0].t1].text == "-" and not doc[h[0].t1 - 1].whitespace_):
                break
            q = h[0].t1 if h else q + 1
            if q >= n or doc[q].is_punct and doc[q].text != "-":
                h = None
                break
            h = mm.at(q)
        if h and (h[1].type == ORG or h[1].type == GPE and prep != "from") and not orgs:
            # "the EU's envoy for Foreign Affairs": the EU; "a lawyer from Castrel": where she lives
            orgs.append(h[1])
            end = h[0].t1
    while start < head and mm.at(start) and mm.at(start)[1].type in (ORG, GPE, NORP):
        start = mm.at(start)[0].t1
    return start, head + 1, orgs, end


# ============================================================================ attributes
def find_attributes(doc: "Doc", clusters: list[Cluster], titles: list[TitleInfo],
                    ids: dict[int, str]) -> tuple[dict[int, Attributes], list[RelationFound]]:
    """Attributes by ``id(cluster)`` (entity values as the ids in ``ids``) and the relations found."""
    mm = MentionMap(doc, clusters)
    mm.add_extra(clusters)
    acc: dict[int, dict] = {}
    relations: list[RelationFound] = []

    def bag(c: Cluster) -> dict:
        return acc.setdefault(id(c), {"age": None, "titles": [], "affiliation": [], "citizenship": [],
                                      "residence": [], "origin": []})

    for ti in titles:
        b = bag(ti.cluster)
        if ti.title:
            t = doc[ti.title[0]:ti.title[1]].text
            if t and fold(t) not in _HONORIFICS and fold(t) not in {fold(x) for x in b["titles"]}:
                b["titles"].append(t)
        orgs = list(ti.orgs)
        generic = _generic_org(doc, ti, clusters, mm)
        if generic is not None and not orgs:
            orgs.append(generic)
        based = _based_in(doc, ti, mm)
        if based is not None:
            _add(b["residence"], based)
        if ti.possessor_tok is not None:
            owner = mm.cluster_at(ti.possessor_tok)
            if owner is not None and owner.type in (ORG, GPE, NORP):
                orgs = [owner]  # "Chile's U.N. ambassador" serves Chile, not the U.N.
            if owner is not None and owner.type == PERSON:
                # "Brandt's lawyer": a personal tie, not an affiliation; but "his Tajik counterpart"
                # serves the country written in the title
                orgs = [o for o in ti.orgs if o.type in (GPE, NORP)]
        official = ti.title is not None and any(fold(t.text) in lexicon().official_titles
                                                for t in tokens(doc)[ti.title[0]:ti.title[1]])
        for o in orgs:
            if not official and o.type in (NORP, GPE) and o.country:
                # "a Danish journalist": a nationality, not an employer
                _add(b["citizenship"], _country_of(o, clusters) or country_name(o.country))
                continue
            o = _country_of(o, clusters)
            if o is None or o is ti.cluster or o.type not in (ORG, GPE):
                continue
            if not any(x is o for x in b["affiliation"]):
                b["affiliation"].append(o)
                s, e = doc[ti.span[0]].idx, doc[ti.span[1] - 1].idx + len(doc[ti.span[1] - 1].text)
                relations.append(RelationFound("member_of", ti.cluster, o, (s, e)))
    for r in _owned_orgs(doc, clusters, mm):
        if not any(x is r.object for x in bag(r.subject)["affiliation"]):
            bag(r.subject)["affiliation"].append(r.object)
            relations.append(r)
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            _age(doc, m, bag(c))
            _places(doc, m.t0, m.t1, c, bag(c), mm, clusters)
        for s, e in c.extra:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                _places(doc, span.start, span.end, c, bag(c), mm, clusters)
    for owner, place in _homes(doc, mm, clusters):
        _add(bag(owner)["residence"], place)
    relations.extend(_family(doc, clusters, mm))
    out: dict[int, Attributes] = {}

    def _ref(o: "Cluster | str") -> str:
        return o if isinstance(o, str) else ids[id(o)]

    for key, b in acc.items():
        out[key] = Attributes(
            age=b["age"], titles=tuple(b["titles"]),
            affiliation=tuple(_ref(o) for o in b["affiliation"]),
            citizenship=tuple(_ref(o) for o in b["citizenship"]),
            residence=tuple(_ref(o) for o in b["residence"]),
            origin=tuple(_ref(o) for o in b["origin"]),
        )
    return out, relations


def _country_of(c: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """A NORP demonym entity stands for its country where the article names it."""
    if c.type != NORP or not c.country:
        return c
    for x in clusters:
        if x.type == GPE and x.country == c.country:
            return x
    return None


def _age(doc: "Doc", m: NameMention, b: dict) -> None:
    if b["age"] is not None:
        return
    k = m.t1
    if k + 2 < len(doc) and doc[k].text == "," and _age_at(doc, k + 1):
        b["age"] = int(doc[k + 1].text)
        return
    # "X, a 48-year-old judge" / "the 48-year-old X"
    after = doc[m.t1:m.t1 + 8].text  # (doc.text would rebuild the whole text: slices of spans stay local)
    mt = re.match(r"\s*,\s*(?:a|an)\s+(\d{1,3})-year-old\b", after) \
        or re.match(r"\s*,?\s*(?:%s)\s+(\d{1,3})\b" % "|".join(lexicon().age_words), after)  # "X, aged 61,"
    if mt and 0 < int(mt.group(1)) < 120:  # a 999-year-old is no person's age: null, not a guess
        b["age"] = int(mt.group(1))
        return
    before = doc[max(0, m.t0 - 8):m.t0].text + " "
    mt = re.search(r"\b(\d{1,3})-year-old\s+(?:[a-z-]+,?\s+){0,3}$", before)  # "a 32-year-old nurse, X"
    if mt and 0 < int(mt.group(1)) < 120:
        b["age"] = int(mt.group(1))


def _place_value(doc: "Doc", t: int, mm: MentionMap, clusters: list[Cluster]) -> "Cluster | str | None":
    """The place named at token t: its entity (a demonym's country where named), else the word."""
    hit = mm.at(t)
    if hit is None:
        return None
    m, c = hit
    if c.type == NORP:
        return _country_of(c, clusters) or m.text
    if c.type in (GPE, LOC):
        return c
    return None


def _places(doc: "Doc", t0: int, t1: int, c: Cluster, b: dict, mm: MentionMap, clusters: list[Cluster]) -> None:
    """Residence, citizenship and origin in the clause after a mention (and the appositive)."""
    n = len(doc)
    k = t1
    end = min(n, k + 25)
    sent_end = doc[t0].sent.end
    end = min(end, sent_end)
    i = k
    while i < end:
        w = folded(doc)[i]
        if w == "from" and k < n and doc[k].text == "," and _appositive_until(doc, k + 1, i):
            q = i + 1
            if (q + 2 < end and folded(doc)[q] == "the" and folded(doc)[q + 1] in lexicon().place_keywords
                    and folded(doc)[q + 2] == "of"):
                q += 3  # "from the town of X"
            v = _place_value(doc, q, mm, clusters)
            if v is not None:
                _add(b["residence"], v)
        if w in ("resident", "native", "citizen", "national") and i > k:
            v = _place_value(doc, i - 1, mm, clusters)
            key = {"resident": "residence", "native": "origin", "citizen": "citizenship",
                   "national": "citizenship"}[w]
            if v is not None:
                _add(b[key], v)
            elif i + 2 < end and folded(doc)[i + 1] == "of":
                v = _place_value(doc, i + 2, mm, clusters)
                if v is not None:
                    _add(b[key], v)
        if w == "citizenship" and i > k:
            v = _place_value(doc, i - 1, mm, clusters)
            if v is not None:
                _add(b["citizenship"], v)
        if w == "born" and i + 2 < end and folded(doc)[i + 1] == "in":
            v = _place_value(doc, i + 2, mm, clusters)
            if v is not None:
                _add(b["origin"], v)
        # stop at the next person named: what follows is about them
        hit = mm.at(i)
        if hit and hit[1].type == PERSON and hit[1] is not c:
            break
        i += 1


_APPOSITIVE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _appositive_until(doc: "Doc", k: int, i: int) -> bool:
    """Tokens ``k:i`` (after "X,") are empty, an age, or a short noun phrase with a title head
    ("a law student"), so a "from" at ``i`` still describes X ("X, 23, a farmer from Y")."""
    if _age_at(doc, k):
        k += 2
    if i == k:
        return True
    words = doc[k:i]
    return (len(words) <= 6 and all(t.pos_ in _APPOSITIVE_POS or t.text == "-" for t in words)
            and _is_title(folded(doc)[i - 1]))


def _homes(doc: "Doc", mm: MentionMap, clusters: list[Cluster]) -> list[tuple[Cluster, "Cluster | str"]]:
    """"his home in X", "outside their house in X": where the owner lives ("their" is the clause's subject)."""
    out: list[tuple[Cluster, Cluster | str]] = []
    for t in tokens(doc):
        if fold(t.text) not in ("home", "house", "apartment", "flat") or t.i < 1 or t.i + 2 >= len(doc):
            continue
        poss = doc[t.i - 1]
        if fold(poss.text) not in ("his", "her", "their") or folded(doc)[t.i + 1] != "in":
            continue
        place = _place_value(doc, t.i + 2, mm, clusters)
        if place is None:
            continue
        owner = mm.cluster_at(poss.i)
        if owner is None and fold(poss.text) == "their":
            verb = t.head
            while verb.dep_ != "ROOT" and verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head
            subj = own_subject(verb)
            owner = mm.cluster_at(subj.i) if subj is not None else None
        if owner is not None and owner.type == PERSON:
            out.append((owner, place))
    return out


def _add(lst: list, v: "Cluster | str") -> None:
    if not any(x is v or x == v for x in lst):
        lst.append(v)


def _generic_org(doc: "Doc", ti: TitleInfo, clusters: list[Cluster], mm: MentionMap) -> Cluster | None:
    """"ministry spokesman X": the organization of that kind named last before the phrase."""
    lex = lexicon()
    if ti.title is None:
        return None
    for t in tokens(doc)[ti.span[0]:ti.title[1]]:
        w = fold(t.text)
        if (t.is_lower or t.is_sent_start) and w in lex.org_generic_refs and not mm.at(t.i):
            best = None
            for c in clusters:
                if c.type != ORG:
                    continue
                words = {fold(x) for f in c.forms() for x in f.split()}
                if w in words:
                    before = [m.start for m in c.mentions if m.start < t.idx]
                    if before and (best is None or max(before) > best[0]):
                        best = (max(before), c)
            return best[1] if best else None
    return None


def _based_in(doc: "Doc", ti: TitleInfo, mm: MentionMap) -> Cluster | None:
    """"His Castrel-based accountant": the person lives and works in Castrel."""
    for t in tokens(doc)[ti.span[0]:ti.span[1]]:
        if fold(t.text) == "based" and t.i >= 2 and doc[t.i - 1].text == "-":
            hit = mm.at(t.i - 2)
            if hit and hit[1].type in (GPE, LOC):
                return hit[1]
    return None


def _owned_orgs(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"Holm's firm, Vestrabyg": the person belongs to the organization."""
    lex = lexicon()
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != ORG:
            continue
        for m in c.mentions:
            k = m.t0
            if not (k >= 3 and doc[k - 1].text == "," and folded(doc)[k - 2] in lex.org_nouns_before | _EMPLOYER):
                continue
            if doc[k - 3].tag_ == "POS" and k >= 4:
                owner = mm.cluster_at(k - 4)
            elif folded(doc)[k - 3] in ("his", "her"):
                owner = mm.cluster_at(k - 3)
            elif folded(doc)[k - 3] == "whose":  # "X, whose company, Y, ..."
                owner = next((mm.cluster_at(q) for q in range(k - 4, max(-1, k - 12), -1)
                              if mm.cluster_at(q) is not None and mm.cluster_at(q).type == PERSON), None)
            else:
                continue
            if owner is not None and owner.type == PERSON:
                start = doc[k - 4].idx if doc[k - 3].tag_ == "POS" else doc[k - 3].idx
                out.append(RelationFound("member_of", owner, c, (start, m.end)))

    return out


# ============================================================================ family
def _family(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    lex = lexicon()
    out: list[RelationFound] = []
    toks = tokens(doc)
    for sent in sentences(doc):
        owner: Cluster | None = None
        last_person: Cluster | None = None
        i = sent.start
        while i < sent.end:
            t = toks[i]
            hit = mm.at(i)
            if hit and hit[1].type == PERSON:
                last_person = hit[1]
            w, width, plural = _kin_word(doc, i)
            if w is None or not t.is_lower:
                i += width
                continue
            poss = _kin_possessor(doc, i, mm, sent.start, last_person)
            if poss is not None:
                owner = poss
            if owner is not None:
                named = _named_after(doc, i + width, mm, sent.end, many=plural)
                named = [x for x in named if x[1] is not owner]
                if named:
                    kin = lex.family[w]
                    for m, c in named:
                        _gender_from_kin(c, kin)
                        out.append(RelationFound(kin["type"], owner, c, (toks[i].idx, m.end)))
                    i = named[-1][0].t1
                    continue
            if width == 1:  # "X is the daughter of Y"
                inv = _kin_of(doc, i, mm, sent, lex)
                if inv is not None:
                    out.append(inv)
            i += width
    return out


def _kin_word(doc: "Doc", i: int) -> tuple[str | None, int, bool]:
    """The kinship word at token i ("mother", "father-in-law", "sons"), its width in tokens and
    whether it is plural; (None, width, False) where there is none (a hyphenated "mother-of-three"
    is skipped whole)."""
    lex = lexicon()
    toks, fw = tokens(doc), folded(doc)
    k = i + 1
    while k + 1 < len(toks) and fw[k] == "-" and not toks[k - 1].whitespace_ and not toks[k].whitespace_:
        k += 2
    width = k - i
    word = fold(doc[i:k].text) if width > 1 else fw[i]
    if word in lex.family:
        return word, width, word in _PLURAL_KIN
    if width == 1:
        lemma = fold(toks[i].lemma_)
        if lemma in lex.family and lemma != word:
            return lemma, 1, True
    return None, width, False


_PLURAL_KIN = {"parents"}


def _kin_possessor(doc: "Doc", i: int, mm: MentionMap, start: int, last_person: Cluster | None) -> Cluster | None:
    """Who "his mother", "Brandt's wife", "whose husband" belongs to."""
    if i <= start:
        return None
    while i - 1 > start and doc[i - 1].is_lower and doc[i - 1].pos_ == "ADJ":
        i -= 1  # "his younger brother", "her late husband"
    prev = doc[i - 1]
    w = fold(prev.text)
    if prev.tag_ == "POS" and i >= 2:
        c = mm.cluster_at(i - 2)
        return c if c is not None and c.type == PERSON else None
    if w in ("his", "her", "their"):
        c = mm.cluster_at(i - 1)
        return c if c is not None and c.type == PERSON else None
    if w == "whose":
        return last_person
    return None


def _named_after(doc: "Doc", k: int, mm: MentionMap, end: int,
                 many: bool = False) -> list[tuple[NameMention, Cluster]]:
    """The person named right after a kinship word (", Orla", ", Corporal Jonas Feld");
    with ``many``, all the persons of a list (", Anna and Boris")."""
    out: list[tuple[NameMention, Cluster]] = []
    while k < end:
        if doc[k].text == "," or many and out and folded(doc)[k] == "and":
            k += 1
            continue
        while k < end and _is_title(folded(doc)[k]) and not mm.at(k):
            k += 1
        hit = mm.at(k) if k < end else None
        if not (hit and hit[1].type == PERSON and hit[0].t0 == k):
            break
        out.append(hit)
        if not many:
            break
        k = hit[0].t1
    return out


def _gender_from_kin(c: Cluster, kin: dict) -> None:
    g = kin.get("gender")
    if g and c.gender is None:
        c.gender = g


def _kin_of(doc: "Doc", i: int, mm: MentionMap, sent, lex) -> RelationFound | None:
    """"X is the daughter of Y": X's parent is Y (mother or father where Y's gender is known)."""
    t = doc[i]
    if not (i + 1 < sent.end and folded(doc)[i + 1] == "of"):
        return None
    if t.dep_ not in ("attr", "appos", "acomp"):
        return None
    verb = t.head
    if verb.lemma_ != "be":
        return None
    subj = own_subject(verb)
    if subj is None:
        return None
    x = mm.cluster_at(subj.i)
    if x is None:  # "The club's new coach, X, is the daughter of Y"
        x = next((mm.cluster_at(ch.i) for ch in subj.children if ch.dep_ == "appos" and mm.cluster_at(ch.i)), None)
    if x is None or x.type != PERSON:
        return None
    # Y: the person in the "of" phrase (possibly through an appositive)
    y = None
    for k in range(i + 2, min(sent.end, i + 12)):
        hit = mm.at(k)
        if hit and hit[1].type == PERSON:
            y = hit
            break
        if doc[k].text in (";", "."):
            break
    if y is None or y[1] is x:
        return None
    kin = lex.family[fold(t.text)]
    rtype = lex.family_inverse.get(kin["type"], "relative")
    _gender_from_kin(x, kin)
    gendered = lex.gendered_parent.get(rtype)
    if gendered and y[1].gender in gendered:
        rtype = gendered[y[1].gender]
    return RelationFound(rtype, x, y[1], (doc[subj.i].idx if subj.i < i else doc[i].idx, y[0].end))
