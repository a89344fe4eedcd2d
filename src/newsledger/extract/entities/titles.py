"""Titles of person mentions (the first part of :mod:`.attrs`): the title phrase before a name, in an
appositive after it or the name is in apposition to, and the affiliation written inside it; with the
records attributes are read into (:class:`TitleInfo`, :class:`RelationFound`, :class:`MentionMap`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._doc import folded, sentences
from .lex import fold, lexicon
from .title_acronyms import title_acronyms
from .title_pairs import title_before_and
from .title_bounds import governed_not_apposition, subject_not_apposition
from .title_lists import epithet_titles, portfolio_list_title, predicate_titles, short_body_in_title
from .names import GPE, LOC, NORP, ORG, PERSON, Cluster, NameMention
from .mention_map import MentionMap
from .title_words import _COUNTRY_NOUNS, _DETS, _in_compound, _is_mod, _is_title, _SPECIAL  # noqa: F401 (re-exported)
from .title_right import _age_at, _of_org_after, _scan_title_right  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from spacy.tokens import Doc


_POSS_PRON = {"its", "their", "his", "her"}
_ADDRESS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})  # forms of address, as attrs


@dataclass
class TitleInfo:
    """A title phrase attached to a person mention."""

    cluster: Cluster
    title: tuple[int, int] | None  # token range of the title text
    orgs: list[Cluster] = field(default_factory=list)  # affiliations written in the phrase
    possessor_tok: int | None = None  # token index of "its"/"their"/"his" owning the phrase
    span: tuple[int, int] = (0, 0)  # token range of the whole phrase, name included (evidence)
    rule: str = ""  # the route for the trace when not a phrase written with the name ("lead-descriptor")
    text: str | None = None  # the title as held when not the words of ``title`` ("the lawyers, A and B": "lawyer")


@dataclass
class RelationFound:
    type: str
    subject: Cluster
    object: Cluster
    evidence: tuple[int, int]  # char offsets
    rule: str = ""  # which rule found it (entities/trace.py RELATION_ROUTES), for the trace


# ============================================================================ titles
def _scan_title_left(doc: "Doc", k: int, mm: MentionMap,
                     floor: int | None = None) -> tuple[int, int, list[Cluster], int] | None:
    """The title phrase ending just before token ``k``: (first, head+1, affiliations, phrase start)."""
    fw_ = folded(doc)
    lex = lexicon()
    j = k
    # skip a trailing "of/at <org>" or "in <place>" (only for appositive phrases the caller allows)
    head = None
    orgs: list[Cluster] = []
    stacked: set[int] = set()  # first tokens of the body names taken, to see a name right before one
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
            if m.t0 >= 2 and fw_[m.t0 - 1] == "to" and _is_title(fw_[m.t0 - 2]):
                i = m.t0 - 2  # "Ambassador to Norway": where the post is, not whom it serves
                if head is None:
                    head = i
                    i -= 1
                continue
            if head is None and m.t1 == k and (of := _title_of_before(doc, m.t0)) is not None:
                orgs.append(c)  # "Former deputy mayor of Ostrava Lena Hradec": the title's body or place (issue 11)
                head = of - 1
                i = of - 2
                continue
            if head is None:
                break
            if not (orgs and m.kind == "acronym" and c.type == ORG and m.t1 in stacked):
                orgs.append(c)  # (not "NSW" of "NSW VTWU secretary": initials qualifying the body's, issue 11)
            stacked.add(m.t0)
            i = m.t0 - 1
            continue
        if head is not None and t.text == ")" and i >= 2 and doc[i - 2].text == "(" \
                and (acr := mm.at(i - 1)) is not None and acr[1].type == ORG and acr[0].kind == "acronym" \
                and (full := mm.at(i - 3)) is not None and full[1] is acr[1]:
            i -= 3  # "Port Board (TPB) Special Officer X": the body's own acronym, in brackets (issue 11)
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
        if head is not None and not hit and t.text[:1].isupper() and t.is_alpha and not t.is_sent_start \
                and i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and not mm.at(i + 1):
            i -= 1  # "former Harbour Cabinet Secretary, X": a capitalized portfolio word of the title (issue 11)
            continue
        if head is not None and (t.is_lower or t.is_sent_start) and w in lex.org_generic_refs and not hit:
            i -= 1  # "ministry spokesman X": the caller resolves the ministry
            continue
        break
    if head is None or fold(doc[head].text) in _ADDRESS and not any(_is_title(fw_[q]) for q in range(i + 1, head)):
        return None  # "it was appropriate Mr X had ...": a form of address heads no title (issue 11)
    first = i + 1
    # title text: drop leading affiliations (demonyms, org names)
    tstart = first
    while tstart <= head:
        if mm.at(tstart) and mm.at(tstart)[1].type in (ORG, GPE, NORP):
            tstart = mm.at(tstart)[0].t1
        elif doc[tstart].text == "(" and tstart + 2 < head and doc[tstart + 2].text == ")" and mm.at(tstart + 1):
            tstart += 3  # "Port Board (TPB) Special Officer": the body's bracketed acronym (issue 11)
        elif (named := mm.org_written(tstart, head)) is not None:
            if not any(o is named[0] for o in orgs):  # "Labor leader X": the party named elsewhere leads the title
                orgs.append(named[0])
            tstart = named[1]
        else:
            break
    while tstart <= head and doc[tstart].text in ("-", "'s", "'", "based"):
        tstart += 1
    if tstart > head:
        return None
    return tstart, head + 1, orgs, first


def _title_of_before(doc: "Doc", t0: int) -> int | None:
    """The "of"/"for" before a name starting at token ``t0`` that a title word governs ("mayor of (the)
    Ostrava", "Commissioner of the VHA"), else None."""
    fw_ = folded(doc)
    p = t0 - 1
    if p >= 0 and fw_[p] == "the":
        p -= 1
    if p >= 1 and fw_[p] in ("of", "for") and _is_title(fw_[p - 1]) and doc[p - 1].tag_ not in ("NNS", "NNPS"):
        return p  # (a plural, "commissioners of Ostrava A and B", is no one's title here)
    return None


def _pre_title(doc: "Doc", rng: tuple[int, int], mm: MentionMap) -> tuple[int, int, list[Cluster], int] | None:
    """The title written in the same capitalized run as the name ("U.S. Secretary of State X"):
    its words less the leading affiliations, and the bodies and countries written in it."""
    i, k = rng
    orgs: list[Cluster] = []
    t = i
    while t < k:
        hit = mm.at(t)
        if hit and hit[1].type in (ORG, GPE, NORP, LOC):  # a place the tagger calls LOC serves only if governed (attrs)
            if not (hit[0].t0 >= 1 and fold(doc[hit[0].t0 - 1].text) == "to"):
                orgs.append(hit[1])
            t = hit[0].t1
            continue
        named = mm.org_written(t, k - 1)
        if named is not None:  # "Labor leader X": an organization the article names, unlabelled here
            if not any(o is named[0] for o in orgs):
                orgs.append(named[0])
            t = named[1]
            continue
        break
    if t >= k:
        return None
    for q in range(t, k):  # bodies written after the title words ("Minister of Defence" has none)
        hit = mm.at(q)
        if hit and hit[1].type == ORG and hit[1] not in orgs:
            orgs.append(hit[1])
    return t, k, orgs, i


def _shared_plural_title(doc: "Doc", m: NameMention, mm: MentionMap) -> tuple[int, int, str | None] | None:
    """A plural title written before two names joined by "and" ("joint general secretaries Dr A and
    B", "co-chairs A and B"): the token range of the title, which both names hold, as written; or in
    apposition before them ("the lawyers, A and B"), where each holds the singular (the third item,
    else None); None otherwise."""
    fw_ = folded(doc)
    t0 = _first_of_names(doc, m, mm)
    if t0 is None:
        return None
    lex = lexicon()
    i = t0 - 1
    while i >= 0 and fold(doc[i].text) in lex.honorifics:
        i -= 1
    apposed = i >= 2 and doc[i].text == "," and (fw_[i - 2] in _DETS | _POSS_PRON or doc[i - 2].like_num)
    # ("all three commissioners, A, B, and C": a count before the plural, issue 11)
    if apposed:
        i -= 1  # "The lawyers, A and B, obtained ...": the plural in apposition, each one of them
    if i < 0 or not doc[i].is_lower or mm.at(i):
        return None
    w = fold(doc[i].text)
    single = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else None
    if single is None or not _is_title(single):
        return None
    head = i
    if apposed:
        return i, head + 1, single
    while i >= 1 and not mm.at(i - 1) and (doc[i - 1].is_lower and (_is_mod(fold(doc[i - 1].text)) or _in_compound(doc, i - 1))
                                           or doc[i - 1].text == "-" and i >= 2 and not doc[i - 1].whitespace_
                                           and not doc[i - 2].whitespace_):
        i -= 1  # "joint general secretaries", "co-chairs"
    return i, head + 1, None


def _first_of_names(doc: "Doc", m: NameMention, mm: MentionMap) -> int | None:
    """The first token of the names joined by "and" (or listed with commas and a last "and": "A, B, and C")
    that person mention ``m`` is one of, None where it stands alone."""
    fw_, n = folded(doc), len(doc)

    def prev(t: int) -> int | None:  # the person named just before token t, joined by "," / "and" / ", and"
        k = t - 1
        while k >= 0 and fw_[k] in (",", "and") and t - k <= 2:
            k -= 1
        hit = mm.at(k) if 0 <= k < t - 1 else None
        return hit[0].t0 if hit is not None and hit[1].type == PERSON and hit[0].t1 == k + 1 else None

    def nxt(t: int) -> int | None:  # the person named just after token t (the end of a mention)
        k = t
        while k < n and fw_[k] in (",", "and") and k - t < 2:
            k += 1
        hit = mm.at(k) if t < k < n else None
        return hit[0].t1 if hit is not None and hit[1].type == PERSON and hit[0].t0 == k else None

    first, count, t = m.t0, 1, m.t0
    while (p := prev(t)) is not None and count < 8:
        first, count, t = p, count + 1, p
    e = m.t1
    while (q := nxt(e)) is not None and count < 8:
        count, e = count + 1, q
    return first if count >= 2 and "and" in fw_[first:e] else None


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
    for c, title, span in predicate_titles(doc, clusters, _is_title):
        served = [h[1] for t in range(title[1], span[1]) if (h := mm.at(t)) is not None and h[0].t0 == t
                  and h[1].type in (ORG, GPE)][:1]  # "X is a Flood Response Officer for Dorr County"
        out.append(TitleInfo(c, title, served, None, span, "predicate-title"))
    for c, title, span in epithet_titles(doc, clusters, _is_title):
        out.append(TitleInfo(c, title, [], None, span, "epithet-title"))
        s, e = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
        if (s, e) not in c.extra:
            c.extra.append((s, e))  # "The member for Ostra ... said": a mention of the person
    _shared_country(doc, out, mm)
    short_body_in_title(doc, out, clusters)
    titled = {id(ti.cluster) for ti in out if ti.title}
    out.extend(_lead_descriptors(doc, [c for c in clusters if id(c) not in titled or c.type != PERSON], mm))
    return out


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _shared_country(doc: "Doc", out: list[TitleInfo], mm: MentionMap) -> None:
    """"Tumbrian Trade Minister A and Fisheries Secretary B": a title written right after "A and", with no
    place or body of its own, serves the country of the title before it (issue 11)."""
    fw_ = folded(doc)
    ends = {ti.span[1]: ti for ti in out if ti.title and ti.orgs}
    for ti in out:
        s0 = ti.span[0]
        if not ti.title or ti.orgs or ti.possessor_tok is not None or s0 < 2 or fw_[s0 - 1] != "and":
            continue
        if s0 >= 3 and fw_[s0 - 2] in _DETS:
            continue
        before = ends.get(s0 - 1)
        if before is None or before.cluster is ti.cluster or before.cluster.type != PERSON:
            continue
        ti.orgs = [o for o in before.orgs if o.type in (GPE, NORP)]


def _lead_descriptors(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[TitleInfo]:
    """A wire lead that names its speaker by a description first and by name in the next sentence:
    "Tumbria's fisheries minister has called for a meeting ... . Olek Varsany, who runs ..., briefed
    ...": the owned title ("<place or body>'s <title>", the subject of its sentence, with nobody named
    before it) is the title of the person whose first mention opens the next sentence, as its subject,
    with no title of its own (nor a person named before it). Issue 11."""
    sents = sentences(doc)
    if len(sents) < 2:
        return []
    starts = [s.start for s in sents]
    persons = [c for c in clusters if c.type == PERSON and c.mentions]
    if not persons:
        return []
    first_person = min(m.t0 for c in persons for m in c.mentions)
    out: list[TitleInfo] = []
    for c in persons:
        m = min(c.mentions, key=lambda x: x.t0)
        if m.pre_title:
            continue
        si = max(bisect.bisect_right(starts, m.t0) - 1, 0)
        if si == 0 or m.t0 != starts[si] or doc[m.t0].dep_ not in _SUBJECT_DEPS and doc[m.t1 - 1].dep_ not in _SUBJECT_DEPS:
            continue
        prev = sents[si - 1]
        if first_person < prev.end:
            continue  # someone is named before: the description may be theirs
        got = _owned_subject_title(doc, prev.start, prev.end, mm)
        if got is not None:
            ts, te, poss = got
            out.append(TitleInfo(c, (ts, te), [], poss, (poss, m.t1), "lead-descriptor"))
    return out


def _owned_subject_title(doc: "Doc", lo: int, hi: int, mm: MentionMap) -> tuple[int, int, int] | None:
    """"Tumbria's fisheries minister" as the subject of the sentence ``lo:hi``: (title start, title
    end, possessor token), the possessor a named place or body and the title's modifiers its words."""
    for i in range(lo, hi):
        t = doc[i]
        if t.dep_ not in _SUBJECT_DEPS or t.pos_ not in ("NOUN", "PROPN") or not _is_title(fold(t.text)) \
                or fold(t.text) in lexicon().honorifics or mm.at(i):
            continue
        poss = next((ch for ch in t.children if ch.dep_ == "poss"), None)
        owner = mm.at(poss.i) if poss is not None else None
        if owner is None or owner[1].type not in (GPE, ORG):
            continue
        ts = i
        while ts - 1 > owner[0].t1 and not mm.at(ts - 1) and doc[ts - 1].dep_ in ("compound", "amod") \
                and doc[ts - 1].head.i >= ts - 1:
            ts -= 1
        if doc[ts - 1].tag_ != "POS" and ts - 1 != owner[0].t1 - 1:
            continue  # a word between the possessor and the title that is no part of it
        if any(ch.dep_ == "appos" for ch in t.children):
            continue  # "Tumbria's minister, X, said": named on the spot
        return ts, i + 1, owner[0].t0
    return None


def _titles_of(doc: "Doc", c: Cluster, m: NameMention, mm: MentionMap) -> list[TitleInfo]:
    fw_ = folded(doc)
    out: list[TitleInfo] = []
    listed = portfolio_list_title(doc, m.t0, _is_title)
    if listed is not None:  # "Minister for Ports, Roads and Rural Water T. Vell": the whole list is the title
        out.append(TitleInfo(c, listed, [], None, (listed[0], m.t1), "portfolio-list"))
        return out
    # before the name: "Deputy Trade Minister X", "Tarvos' regional leader X"
    got = _scan_title_left(doc, m.t0, mm, m.pre_title[0] if m.pre_title else None)
    if m.pre_title and (got is None or got[3] > m.pre_title[0]):
        got = _pre_title(doc, m.pre_title, mm) or got
    shared = _shared_plural_title(doc, m, mm)
    if shared is not None:  # "joint general secretaries A and B": each holds the title
        out.append(TitleInfo(c, shared[:2], [], _possessor(doc, shared[0]), (shared[0], m.t1),
                             "plural-apposition" if shared[2] else "", shared[2]))
        if got is not None and got[1] - got[0] == 1 and fold(doc[got[0]].text) in lexicon().honorifics:
            got = None  # "... secretaries Dr A and B": the title is the plural, "Dr" only a form of address
    if got:
        ts, te, orgs, first = got
        of_org = _of_org_after(doc, m.t1, mm)
        if of_org is not None and not orgs:
            orgs = [of_org[0]]
        span = (first, of_org[1] if of_org else m.t1)
        rank = te - 1
        if te - ts >= 2 and fold(doc[rank].text) in lexicon().honorifics and doc[rank - 1].is_lower:
            # "police spokesman Sgt. X": a role and a rank, two titles (the rank is no part of the role)
            out.append(TitleInfo(c, (rank, te), [], None, span))
            te = rank
        out.append(TitleInfo(c, (ts, te), orgs, _possessor(doc, first), span))
        pair = title_before_and(doc, first, mm, _scan_title_left)
        if pair is not None:  # "Port Board Special Officer and Deputy Harbourmaster X": two titles (issue 11)
            out.append(TitleInfo(c, pair[:2], pair[2], _possessor(doc, pair[3]), (pair[3], m.t1), "title-pair-before"))
    # the name in apposition to a title phrase: "Its treasurer, X", "The head of the UDA, X"
    t0 = m.pre_title[0] if m.pre_title else m.t0  # "The army's chief, General X"
    if t0 >= 2 and doc[t0 - 1].text == ",":
        k = t0 - 1
        of_org: list[Cluster] = []
        prev = mm.at(k - 1)
        if prev is None and k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "(" \
                and (acr := mm.at(k - 2)) is not None and acr[1].type == ORG:
            # "Chief of the national space agency (VSA), X": the body by its bracketed acronym (issue 11)
            of = next((q for q in range(k - 4, max(t0 - 12, 0), -1) if fw_[q] in ("of", "at")
                       or doc[q].is_punct), None)
            if of is not None and fw_[of] in ("of", "at") and of > 0 and _is_title(fw_[of - 1]):
                of_org.append(acr[1])
                k = of
        if prev is None:  # "Minister for Fisheries, X": a portfolio that is no name of its own (issue 11)
            p = k - 1
            while p > t0 - 10 and p > 0 and not mm.at(p) and not _is_title(fw_[p]) and (
                    doc[p].text[:1].isupper() or fw_[p] in ("and", "&") and p < k - 1
                    and doc[p - 1].text[:1].isupper()):  # "Minister for Energy and Coastal Roads, X"
                p -= 1
            if p < k - 1 and fw_[p] in ("of", "for") and p > 0 and _is_title(fw_[p - 1]):
                k = p
        if prev and prev[1].type in (ORG, GPE, LOC, NORP):
            pm, pc = prev
            p = pm.t0 - 1
            if p >= 1 and doc[p].tag_ == "POS" and (own := mm.at(p - 1)) is not None and own[1].type in (ORG, GPE):
                p = own[0].t0 - 1  # "the head of the Port Authority's Dredging Office, X" (issue 11)
            if p >= 0 and fw_[p] in _DETS:
                p -= 1
            if p >= 0 and fw_[p] in ("of", "at", "for", "in"):
                if fw_[p] != "in":
                    of_org.append(pc)
                k = p
        got = _scan_title_left(doc, k, mm)
        if got and not (got[1] - got[0] == 0):
            ts, te, orgs, first = got
            listed = doc[first - 1].text == "," and first >= 2 and (before := mm.at(first - 2)) is not None \
                and before[1].type == PERSON  # "Justice A, Minister for Fisheries, B": a list of the titled
            if (first == 0 or fw_[first - 1] in _DETS | _POSS_PRON or doc[first - 1].tag_ == "POS"
                    or doc[first - 1].is_sent_start or doc[first].is_sent_start or listed
                    or doc[first - 1].pos_ == "VERB") \
                    and not governed_not_apposition(doc, first, m.t1):  # "removed former Harbour Secretary, X"
                # (not "According to an agency spokesman, X had served": someone else; issue 11)
                start = first - 1 if first and fw_[first - 1] in _DETS else first
                out.append(TitleInfo(c, (ts, te), orgs + of_org, _possessor(doc, first), (start, m.t1)))
    bracketed = _bracketed_title(doc, m, mm)
    if bracketed is not None:  # "Ana Lima (CS Water)", "Ana Lima (Minister of Health)"
        out.append(TitleInfo(c, bracketed, [], None, (m.t0, bracketed[1] + 1), "bracketed-title"))
    # after the name: "X, secretary-general of the UDA", "X, a retired navy admiral"
    k = m.t1
    if k + 1 < len(doc) and doc[k].text == ",":
        k += 1
        if _age_at(doc, k):
            k += 2
        p = k
        if p < len(doc) and doc[p].lemma_ == "be" and doc[p].pos_ == "AUX" and p > m.t1 + 1:
            p += 1  # "X, 71, is a former foreign minister"
        if p + 2 < len(doc) and fw_[p] == "who" and doc[p + 1].tag_ == "MD" and doc[p + 2].lemma_ == "become":
            p += 3  # "X, who will become chairman of the enlarged group" (issue 11)
        elif p + 1 < len(doc) and fw_[p] == "who" and doc[p + 1].lemma_ in ("be", "become"):
            p += 2  # "X, who was deputy trade minister until ..."
        if p < len(doc) and doc[p].tag_ == "VBN" and doc[p].lemma_.lower() in _APPOINTED:
            q = next((x for x in range(p + 1, min(p + 12, len(doc))) if doc[x].lower_ == "as" or doc[x].text == ","),
                     None)
            if q is not None and doc[q].lower_ == "as":
                p = q + 1  # "X, named on Friday to a third stint as Director of the Harbour Board"
    elif k < len(doc) and doc[k].lemma_ == "be" and doc[k].dep_ in ("ROOT", "conj", "ccomp") and doc[k].text != "'s":
        p = k + 1  # "X is a retired navy admiral"
    else:
        p = None
    if p is not None:
        if p < len(doc) and fw_[p] in _DETS:
            p += 1
        if p < len(doc) and doc[p].tag_ == "POS":
            p += 1
        got = _scan_title_right(doc, p, mm)
        nxt = mm.at(got[1]) if got else None
        if nxt and nxt[1].type == PERSON and nxt[0].t0 == got[1] and nxt[1] is not c:
            got = None  # "In sentencing X, Judge Y said": the title is Y's, written before Y's name
        if got and subject_not_apposition(doc, m.pre_title[0] if m.pre_title else m.t0, got[3]):
            got = None  # "... under X, Harbour Air chief says": the chief speaks, not X (issue 11)
        if got and _next_names_title(doc, got[0], got[3], mm, c, m.pre_title is not None):
            got = None  # "Justice A, Minister for Health B, ...", "Justice A, leader of the Union, B": B's
        if got:
            ts, te, orgs, end = got
            ptok = p if p < len(doc) and fw_[p] in ("its", "their") else None
            out.append(TitleInfo(c, (ts, te), orgs, ptok, (m.t0, end)))
            second = _coordinated_title(doc, end, mm)
            if second:
                ts, te, orgs2, end2 = second
                out.append(TitleInfo(c, (ts, te), orgs2, None, (m.t0, end2)))
    return out


def _next_names_title(doc: "Doc", ts: int, end: int, mm: MentionMap, c: Cluster, titled: bool) -> bool:
    """In a list of titled people, the title phrase ``ts:end`` after a name is the next name's: written in
    that name's own title run ("A, Minister for Health B"), or, after a name with a title of its own,
    followed by a comma and a name with none ("Chief Justice A, leader of the Union, B"). Issue 11."""
    n, q = len(doc), end
    while q < n and q < end + 6 and (doc[q].text[:1].isupper() or folded(doc)[q] in _NAME_WORDS):
        h = mm.at(q)
        if h is not None and h[1].type == PERSON:
            break
        q = h[0].t1 if h is not None else q + 1  # "leader of the Union": a body's name read past
    hit = mm.at(q) if q < n else None
    if hit is not None and hit[1].type == PERSON and hit[1] is not c and hit[0].pre_title \
            and hit[0].pre_title[0] <= ts:
        return True
    if not titled or q + 1 >= n or doc[q].text != ",":
        return False
    nxt = mm.at(q + 1)
    return nxt is not None and nxt[1].type == PERSON and nxt[1] is not c and nxt[0].t0 == q + 1 \
        and not nxt[0].pre_title


_NAME_WORDS = frozenset({"of", "for", "and", "the"})


def _bracketed_title(doc: "Doc", m: NameMention, mm: MentionMap) -> tuple[int, int] | None:
    """"Ana Lima (Minister of Health)", "Ana Lima (CS Water)" where the article wrote "Cabinet Secretary
    (CS)": the token range of a title in brackets right after the name (issue 11)."""
    n, o = len(doc), m.t1
    if o + 2 >= n or doc[o].text != "(":
        return None
    close = next((q for q in range(o + 2, min(o + 9, n)) if doc[q].text in (")", "(")), None)
    if close is None or doc[close].text != ")" or any(mm.at(q) and mm.at(q)[1].type == PERSON for q in range(o + 1, close)):
        return None
    first = doc[o + 1].text
    spelled = title_acronyms(doc).get(first)
    if spelled and tuple(folded(doc)[o - len(spelled):o]) == spelled:
        return None  # "Minister of Trade (MoT)": the bracket defines the title before it, no name's title (issue 11)
    if first in title_acronyms(doc) or _is_title(fold(first)) and fold(first) not in lexicon().honorifics:
        return o + 1, close
    return None


_APPOINTED = frozenset({"appoint", "name", "elect", "re-elect", "reelect", "nominate", "install", "confirm",
                        "reappoint", "choose", "select"})


def _coordinated_title(doc: "Doc", end: int, mm: MentionMap) -> tuple[int, int, list[Cluster], int] | None:
    """A second title joined by "and" to the appositive that ends at token ``end`` ("X, a deputy
    minister and former bank economist")."""
    fw_ = folded(doc)
    if end + 1 >= len(doc) or fw_[end] != "and":
        return None
    p = end + 1
    if fw_[p] in _DETS:
        p += 1
    got = _scan_title_right(doc, p, mm)
    if got is None or got[0] != p:
        return None  # the conjunct must start with the title phrase itself
    return got
