"""Speakers named by a description, resolved to the named person or body it stands for.

- "the chief minister said", "The Health Minister is urging", "the judge said": a definite title
  with no name of its own is the person the article gives that title (before it, else after it),
  the title's modifiers included ("the deputy minister" is never the minister).
- "a company spokesperson confirmed", "the search giant's spokesperson said", "a Velmar Port
  spokesman": an unnamed spokesperson is the body speaking (the SPEC's "a body named by its office is
  an entity"): the body named on it, else the organization the description names ("the ministry"),
  else, for a generic company word (word class ``body_descriptors``), the organization the article
  has named most so far.
- "Tumbria's foreign minister said": a title owned by a named place or body is the person the article
  gives that title who is affiliated with it (the title's modifiers included, so "Minister of Foreign
  Affairs" holds "foreign minister": a title is matched on its words, not its word order).
- "Officials there, including X, are calling it ...": the named member speaks.
- "Deputy Commissioner of Police X told ...", "according to the Deputy Registrar for Land Dr X": a
  subject the parser heads on a title written before a name is the person named at the title's end.
- "According to the official, ...": whoever the article last gives a title of state office, unless it
  wrote of an unnamed official before (word class ``generic_official_nouns``; issue 11).
- "..., his club announced": the body of the person "his" stands for (an organization the person is
  affiliated with), else the organization the article has named most so far.

Hand-written: no library resolves news descriptions to the names a report gave before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .._doc import folded, sent_of, tokens
from .._index import EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["GENERIC_OFFICIAL", "unnamed_official_before", "holder_after_title", "definite_title", "possessor_body",
           "title_modifiers", "including_member", "spokesperson_body", "owned_body", "SPOKES", "described_body",
           "listed_body", "recent_subject_body"]

SPOKES = word_class("spokesperson_nouns")
_BODY_WORDS = word_class("body_descriptors")
GENERIC_OFFICIAL = word_class("generic_official_nouns")  # "the official": any holder of a state office
_BODY_TYPES = ("ORG",)


_TITLE_JOINERS = frozenset({"of", "for", "and", "the", "&", "-"})


def _portfolio_list_holder(tok: "Token", index: EntityIndex) -> str | None:
    """"Minister for Ports, Roads and Rural Water T. Vell said": the person after a title whose "for"/"of"
    opens a list of portfolios (capitalized words, commas and "and", within fourteen words); the
    portfolios may read as bodies (issue 11)."""
    doc, k = tok.doc, tok.i + 1
    if k >= len(doc) or doc[k].lower_ not in ("for", "of"):
        return None
    seen = set()
    k += 1
    while k < min(len(doc), tok.i + 15) and not doc[k].is_sent_start and (
            doc[k].text[:1].isupper() or doc[k].text in (",", "&") or doc[k].lower_ == "and"):
        if doc[k].text in (",", "&") or doc[k].lower_ == "and":
            seen.add("," if doc[k].text == "," else "and")
        hits = [e for _, _, e in index.overlapping(doc[k].idx, doc[k].idx + len(doc[k].text))]
        person = next((e for e in hits if getattr(index.get(e), "type", "") == "PERSON"), None)
        if person is not None:
            return person if seen == {",", "and"} and doc[k - 1].text[:1].isupper() else None
        k += 1
    return None


def holder_after_title(tok: "Token", index: EntityIndex, titles: frozenset[str]) -> str | None:
    """The person named right after the title word ``tok`` ("Deputy Commissioner of Police Arun Dekka":
    Arun Dekka), through capitalized words and the small joiners of a title ("of", "for"), within eight words."""
    if tok.lower_ not in titles:
        return None
    doc, k = tok.doc, tok.i + 1
    listed = _portfolio_list_holder(tok, index)
    if listed is not None:
        return listed
    while k < min(len(doc), tok.i + 9) and not doc[k].is_sent_start and (
            doc[k].text[:1].isupper() or doc[k].lower_ in _TITLE_JOINERS):
        spans = index.overlapping(doc[k].idx, doc[k].idx + len(doc[k].text))
        hits = [e for _, _, e in spans]
        person = next((e for e in hits if getattr(index.get(e), "type", "") == "PERSON"), None)
        if person is not None:  # (a name right after "of" is the office's place: "the chief minister of X")
            return person if doc[k - 1].lower_ not in _TITLE_JOINERS else None
        if hits:  # a body or place named first: "Director of Velmar Port Tavo Rensi" is left alone, unless
            # the names stage cut the holder's name off it ("Commissioner of the VHA Tarn Oselli", issue 11)
            end = max(e for _, e, _ in spans)
            q = next((t for t in range(k + 1, min(len(doc), k + 8)) if doc[t].idx >= end), None)
            if q is None or doc[q].is_sent_start or doc[q - 1].idx + len(doc[q - 1].text) > end \
                    or doc[k - 1].lower_ not in _TITLE_JOINERS:
                return None
            return next((e for _, _, e in index.overlapping(doc[q].idx, doc[q].idx + len(doc[q].text))
                         if getattr(index.get(e), "type", "") == "PERSON"), None)
        k += 1
    return None


def definite_title(tok: "Token", titles: frozenset[str]) -> bool:
    """"the chief minister", "The Health Minister": a title word under "the" (no possessive, no name)."""
    return tok.lower_ in titles and tok.lower_ not in SPOKES and tok.tag_ in ("NN", "NNP") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in _children(tok)) \
        and not any(c.dep_ == "poss" for c in _children(tok))


def possessor_body(tok: "Token", titles: frozenset[str], index: EntityIndex) -> str | None:
    """"Tumbria's foreign minister", "the Harbour Board's chair": the entity a named possessive of a title
    word stands for (None: no title, no possessive, or a pronoun such as "its")."""
    if tok.lower_ not in titles or tok.lower_ in SPOKES or tok.tag_ not in ("NN", "NNP"):
        return None
    for c in _children(tok):
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            found = [eid for _s, _e, eid in index.overlapping(c.idx, c.idx + len(c.text))]
            if found:
                return found[0]
    return None


def title_modifiers(tok: "Token") -> frozenset[str]:
    """The words before a title that narrow it ("chief" minister, "Health" Minister, "deputy")."""
    return frozenset(c.lower_ for c in _children(tok) if c.i < tok.i and c.dep_ in ("amod", "compound")
                     and c.is_alpha)


def including_member(tok: "Token") -> "Token | None":
    """"Officials there, including X": the named person in an "including" phrase of a plural subject."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return None
    for p in _children(tok):
        if p.dep_ == "prep" and p.lower_ == "including":
            obj = next((o for o in _children(p) if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in _children(obj)):
                return obj
    return None


def spokesperson_body(tok: "Token", index: EntityIndex, titled: Callable[["Token"], "str | None"]) -> str | None:
    """The body an unnamed spokesperson speaks for (None: nobody the text names)."""
    if tok.lower_ not in SPOKES:
        return None
    named = [c for c in _children(tok) if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i
             and not any(t.text == "," for t in tok.doc[c.i:tok.i])]  # "..., the Press Agency, a spokeswoman"
    for p in (c for c in _children(tok) if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
        for o in (o for o in _children(p) if o.dep_ == "pobj"):
            # "a spokeswoman for the Mount Orrin, Tarvos-based carrier": the parser may hang the company
            # word in apposition to the place it is based in (issue 11)
            named += [o, *(a for a in _children(o) if a.dep_ == "appos" and a.pos_ == "NOUN")]
    for m in named:  # "a Velmar Port spokesman", "a spokeswoman for the Harbour Board"
        body = _body_on(m, index)
        if body is not None:
            return body
    for m in named:  # "the ministry's spokesman", "a company spokesperson", "the search giant's"
        if m.pos_ != "NOUN":
            continue
        body = titled(m)
        if body is not None and getattr(index.get(body), "type", None) in _BODY_TYPES:
            return body
        if m.lower_ in _BODY_WORDS:
            return recent_subject_body(tok, index) or most_named_body(index, tok.idx)
    return None


def listed_body(tok: "Token", index: EntityIndex) -> str | None:
    """"Fares fell in May, the third monthly fall, the Velmar Carriers Association said": a common-noun subject
    that names nothing, with a body set off by a comma that the parser hangs on it as a conjunct with no "and"
    (a misread apposition), is that body (issue 11)."""
    if tok.pos_ != "NOUN" or any(c.dep_ == "cc" for c in _children(tok)) or index.overlapping(tok.idx, tok.idx + len(tok.text)):
        return None
    for c in _children(tok):
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.left_edge.i > 0 and tok.doc[c.left_edge.i - 1].text == ",":
            body = _body_on(c, index)
            if body is not None:
                return body
    return None


def _body_on(tok: "Token", index: EntityIndex) -> str | None:
    lo, hi = tok.left_edge.idx, tok.idx + len(tok.text)
    for _s, _e, eid in index.overlapping(lo, hi):
        ent = index.get(eid)
        if ent is not None and ent.type in _BODY_TYPES:
            return eid
    return None


def described_body(tok: "Token", eid: "str | None", index: EntityIndex) -> str | None:
    """"the Castrel-based pump maker said", "the Tumbria-listed group said": a definite company word
    (``body_descriptors``) whose only name is a place, or a name inside an adjective ("X-based",
    "X 100-listed"), is the organization the article has named most so far, never that place or name
    (issue 11). None where the word is owned ("its company"), named ("the Korvath group"), names nothing
    ("the company": other routes read it) or is no company word."""
    if tok.pos_ != "NOUN" or tok.lower_ not in _BODY_WORDS or tok.tag_ != "NN":
        return None
    kids = _children(tok)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(c.dep_ == "poss" for c in kids):
        return None
    if eid is None:
        return None  # "the company said": the title-noun route reads it
    ent = index.get(eid)
    if ent is not None and ent.type in _BODY_TYPES and not _inside_adjective(tok, eid, index):
        return None
    return most_named_body(index, tok.left_edge.idx)


def _inside_adjective(tok: "Token", eid: str, index: EntityIndex) -> bool:
    """Whether every mention of ``eid`` inside ``tok``'s phrase hangs from it through an adjective."""
    doc = tok.doc
    found = False
    for k in range(tok.left_edge.i, tok.i):
        t = doc[k]
        if eid not in {e for _s, _e, e in index.overlapping(t.idx, t.idx + len(t.text))}:
            continue
        found = True
        if any(doc[q].text == "-" and not doc[q].whitespace_ and doc[q + 1].dep_ == "amod" for q in range(k + 1, tok.i)):
            continue  # "the Tumbex 50-listed group": the name qualifies a hyphened adjective the parser split
        node, seen = t, 0
        while node.i != tok.i and seen < 8 and node.head.i != node.i:
            if node.dep_ == "amod" or node.text == "-":
                break
            node, seen = node.head, seen + 1
        else:
            return False
        if node.i == tok.i:
            return False
    return found


def recent_subject_body(tok: "Token", index: EntityIndex, back: int = 2) -> str | None:
    """The organization last written as the subject of a main clause in ``tok``'s sentence before it or in the
    ``back`` sentences before: "But Tarvex said the case may go on. '...,' a company spokesman said" is Tarvex's,
    though the article names another body more often (speak20, issue 11). None where no such subject is near."""
    doc, toks = tok.doc, tokens(tok.doc)
    lo = sent_of(tok).start
    for _ in range(back):
        if lo > 0:
            lo = sent_of(toks[lo - 1]).start
    for k in range(tok.i - 1, lo - 1, -1):
        t = toks[k]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT", "conj") and t.head.i > t.i:
            body = _body_on(t, index)
            if body is not None:
                return body
    return None


def most_named_body(index: EntityIndex, pos: int) -> str | None:
    """The organization named most often before ``pos``; of equals, the one named first (the body the
    article opens on is the one it is about)."""
    counts: dict[str, list[int]] = {}
    for s, _e, eid in index.overlapping(0, pos):
        ent = index.get(eid)
        if s < pos and ent is not None and ent.type in _BODY_TYPES:
            counts.setdefault(eid, [0, -s])[0] += 1
    if not counts:
        return None
    return max(counts, key=lambda e: tuple(counts[e]))


def owned_body(tok: "Token", index: EntityIndex, person: "str | None") -> str | None:
    """"his club announced", "their company said": a company word (``body_descriptors``) owned by a
    personal pronoun is the body of that person (``person``: the entity the pronoun stands for)."""
    if tok.lower_ not in _BODY_WORDS or tok.lower_ in ("group", "team"):
        return None
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in _children(tok)):
        return None
    ent = index.get(person) if person else None
    if ent is not None:
        bodies = [a for a in ent.attributes.affiliation if getattr(index.get(a), "type", None) in _BODY_TYPES]
        if bodies:
            return bodies[0]
    return most_named_body(index, tok.idx)


def unnamed_official_before(doc: "Doc", i: int) -> bool:
    """An "an official" / "a senior official" / "officials" the article writes before token ``i`` (the first
    one's position is found once per doc)."""
    first = doc.user_data.get("newsledger:unnamed_official")
    if first is None:
        fol, first = folded(doc), len(doc)
        for k, w in enumerate(fol):
            if w == "officials" or w in GENERIC_OFFICIAL and any(fol[q] in ("a", "an") for q in range(max(0, k - 3), k)):
                first = k
                break
        doc.user_data["newsledger:unnamed_official"] = first
    return first < i


def governing_plural_subject(tok: "Token") -> "Token | None":
    """"Police questioned the crowd, and a woman they said had thrown the first stone was held": "they", the
    subject of a cue in a clause embedded in its sentence's main clause (a relative or contact clause), stands for
    the main clause's plural subject before it, a plural noun ("police", "officials"), not for a speaker of
    an earlier sentence (issue 11)."""
    cue = tok.head
    if tok.dep_ != "nsubj" or cue.dep_ not in ("relcl", "acl", "ccomp") or cue.i < tok.i:
        return None
    node = cue
    for _ in range(12):
        if node.head.i == node.i:
            break
        node = node.head
    subj = next((c for c in _children(node) if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or node.i == cue.i or subj.pos_ != "NOUN" or subj.tag_ != "NNS":
        return None
    return subj
