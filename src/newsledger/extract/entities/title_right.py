"""Title phrases written after a name (part of :mod:`.titles`): "X, a professor of law at Y", "X of the
Y party", an age after the name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded
from .lex import fold, lexicon
from .mention_map import MentionMap
from .names import GPE, NORP, ORG, PERSON, Cluster
from .parties import body_like
from .capital_titles import capital_title_ahead
from .title_acronyms import title_acronyms
from .title_words import _COUNTRY_NOUNS, _DETS, _in_compound, _is_mod, _is_title

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _of_org_after(doc: "Doc", k: int, mm: MentionMap) -> tuple[Cluster, int] | None:
    """"Opposition leader X of the Green Dawn party": the organization right after the name, and the
    token where it ends."""
    fw_ = folded(doc)
    if k >= len(doc) or fw_[k] != "of":
        return None
    q = k + 1
    if q < len(doc) and fw_[q] == "the":
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
    fw_ = folded(doc)
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
    elif p < n and fw_[p] in ("its", "their"):
        p += 1  # "X, its spokesman": the caller resolves the pronoun
    elif (p + 1 < n and doc[p + 1].tag_ == "POS" and doc[p].is_lower
          and fw_[p] in lexicon().org_generic_refs | _COUNTRY_NOUNS):
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
        if head is None and not h and i == start and capital_title_ahead(doc, i):
            i += 1  # "X, Harbour Minister, said": a capitalized portfolio before the title word (issue 11)
            continue
        if _is_mod(w) or t.text == "-" or (t.is_lower and t.pos_ == "ADJ") or _in_compound(doc, i):
            i += 1
            continue
        if head is None and t.is_lower and t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.i > i:
            i += 1  # "a law student", "a bank economist": a noun modifying the title
            continue
        if head is not None and t.is_lower and t.is_alpha and i + 1 < n and doc[i + 1].is_lower \
                and _is_title(fold(doc[i + 1].text)):
            i += 1  # "deputy chief operating officer": a word between two title words is inside the title (issue 11)
            continue
        break
    if head is None:
        return None
    while head + 1 < n and _in_compound(doc, head + 1) and doc[head].whitespace_ == "":
        head += 1  # "editor-in-chief"
    end = head + 1
    # "of the UDA", "at the agency"
    q = end
    if q + 2 < n and doc[q].text == "(" and doc[q + 2].text == ")" and doc[q + 1].text in title_acronyms(doc):
        q += 3  # "the district flood officer (DFO) of the X": the title's initials, then its body (issue 11)
    if q < n and fw_[q] in ("on", "in"):  # "an expert on tax law at Y": the field, then the body (issue 11)
        r = q + 1
        while r < n and r - q <= 5 and doc[r].is_lower and doc[r].pos_ in ("ADJ", "NOUN") and not mm.at(r):
            r += 1
        if r > q + 1 and r < n and fw_[r] == "at":
            q = r
    prep = fw_[q] if q < n else ""
    if prep in ("of", "at", "for", "with", "from"):
        q += 1
        if q < n and fw_[q] in _DETS:
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
        if h and h[1].type in (GPE, ORG, PERSON) and h[0].t1 < n and doc[h[0].t1].tag_ == "POS":
            r = h[0].t1 + 1  # "candidate of Tumbria's main opposition Unity Party": the party, not its country;
            while r < n and doc[r].is_lower and doc[r].pos_ in ("ADJ", "NOUN") and not mm.at(r):
                r += 1  # "treasurer of Ilse Brandt's Free Democrats": the party, not its leader (issue 11)
            owned = mm.at(r) if r < n and (r > h[0].t1 + 1 or h[1].type == PERSON) else None
            if owned and body_like(owned[1]) and owned[0].t0 == r:
                h = owned
        if h and prep == "for":
            h = _body_after_portfolio(doc, h, mm) or h  # "Director for Ward Hygiene at Y": Y (issue 11)
        if h and (body_like(h[1]) or h[1].type == GPE and prep != "from") and not orgs:
            # "the EU's envoy for Foreign Affairs": the EU; "a lawyer from Castrel": where she lives
            orgs.append(h[1])
            end = h[0].t1
    while start < head and mm.at(start) and mm.at(start)[1].type in (ORG, GPE, NORP):
        start = mm.at(start)[0].t1
    return start, head + 1, orgs, end


def _body_after_portfolio(doc: "Doc", h: tuple, mm: MentionMap) -> tuple | None:
    """The body after a title's "for" portfolio ("Director for Ward Hygiene and Safety at Y"): the
    name after "at" that follows the portfolio's capitalized words (joined by "and"), None where none does."""
    n = len(doc)
    q = h[0].t1
    while q < n and (doc[q].text[:1].isupper() or folded(doc)[q] in ("and", "&")):
        q += 1
    if q + 1 < n and folded(doc)[q] == "at":
        q += 1 + (folded(doc)[q + 1] == "the")
        got = mm.at(q) if q < n else None
        if got and got[1].type == ORG and got[0].t0 == q:
            return got
    return None
