"""Reporting cues and what they govern: the content, the speaker phrase and the channel of each
statement, read off the dependency parse, then reconciled with the quotation marks.

See :mod:`newsledger.extract.statements.stage` for the overall approach. Everything here is linear in the
number of tokens (each cue looks at its own children and subtree; quotes are found by bisection).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from ...analysis import clause
from ...analysis.words import word_class
from ...analysis.rules import rule_table
from ...records import TimeValue
from .quotes import Quote
from .._doc import dateline_tokens, doc_text, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Draft", "find_drafts", "lexicon", "subject_of"]

_EDGE_PUNCT = set(" \t\n\r,;:—–-\"'“”‘’«»„()")
_SUBJ = clause.SUBJECT_DEPS
_NOT_SAYING = frozenset({"decline", "refuse", "fail", "avoid", "hesitate", "neglect"})


@functools.cache
def lexicon() -> dict[str, Any]:
    """The statements lexicon (``data/lexicons/statements.json``), loaded once."""
    path = resources.files("newsledger.data") / "lexicons" / "statements.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("channel_nouns", "channel_preps", "medium_nouns", "opinion_words",
                "according_to", "opinion_verbs", "demand_verbs", "org_nouns",
                "own_org_nouns", "claim_nouns", "government_titles", "expectation_verbs", "lesson_verbs", "predicate_nouns_neutral", "denied_nouns"):
        data[key] = frozenset(data[key])
    data["cues"] = {row["id"]: row["yields"] for row in rule_table("reporting_cues")["rows"]}
    data["titles"] = frozenset(w.rstrip(".") for c in ("titles", "honorifics", "title_modifiers") for w in word_class(c))
    data["denial_re"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in data["denial_phrases"]) + r")\b", re.I)
    return data


@dataclass
class Draft:
    """A statement being built (character offsets into the doc's text)."""

    cue_i: int                                  # token index of the cue (the reporting word)
    cue_text: str
    content: tuple[int, int]
    subject_i: int | None                       # token index of the speaker's head, if any
    kind_hint: str | None = None
    direct: bool = False
    parts: tuple[tuple[int, int], ...] = ()
    channel_span: tuple[int, int] | None = None
    channel_head: tuple[int, int] | None = None   # the channel phrase's head word
    evidence: tuple[int, int] = (0, 0)
    content_tokens: tuple[int, int] = (0, 0)     # token range [a, b) of the content
    inherited: bool = False                      # the speaker comes from a governing verb
    speaker_from: "Draft | None" = None          # an unattributed quote continuing this statement
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_key: str | None = None               # a normalized name, for matching without entity ids
    speaker_span: tuple[int, int] | None = None
    speaker_phrase: tuple[int, int] | None = None  # the whole subject phrase (titles, appositives)
    speaker_person: bool | None = None
    channel: str | None = None
    about: tuple[str, ...] = ()
    kind: str = "claim"
    date: TimeValue | None = None
    horizon: TimeValue | None = None
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------- helpers
def _trim(text: str, start: int, end: int, keep_period: bool = True) -> tuple[int, int]:
    """Strip spaces, quotation marks, commas and dashes from both ends (a trailing period stays)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or (not keep_period and text[end - 1] == ".")):
        end -= 1
    return start, end


def _paragraph_cap(doc: "Doc", a: int, b: int, cue: int) -> tuple[int, int]:
    """Shrink token range [a, b) to the paragraph holding token ``cue`` (or the part next to it)."""
    for i in range(max(a, cue), b - 1):
        if "\n" in doc[i].whitespace_ or doc[i + 1].is_space and "\n" in doc[i + 1].text:
            b = i + 1
            break
    for i in range(min(b, cue) - 1, a - 1, -1):
        if "\n" in doc[i].text_with_ws[len(doc[i].text):] or (doc[i].is_space and "\n" in doc[i].text):
            a = i + 1
            break
    return a, b


def _tok_chars(doc: "Doc", a: int, b: int) -> tuple[int, int]:
    """Characters of tokens ``a .. b-1``."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _is_dateline(tok: "Token") -> bool:
    """A token of a dateline ("BORVIK — ..."), which never speaks."""
    return tok.i in dateline_tokens(tok.doc)


def _own_subject(tok: "Token") -> "Token | None":
    """The nearest subject hung on ``tok`` itself, past a dateline ("BORVIK — Lena Strand, ..., said")."""
    return clause.own_subject(tok, skip=dateline_tokens(tok.doc), nearest=True)


def subject_of(tok: "Token") -> "Token | None":
    """Who speaks for the cue ``tok`` (:func:`newsledger.analysis.clause.reporting_subject`)."""
    return clause.reporting_subject(tok, skip=dateline_tokens(tok.doc))


_is_to_inf = clause.is_to_infinitive


# ----------------------------------------------------------------------------- cue analysis
@dataclass
class _Frame:
    a: int                    # content token range [a, b)
    b: int
    kind: str | None
    cue_text: str
    channel: tuple[int, int] | None = None  # token range of the channel phrase
    inverted: bool = False
    speaker: int | None = None              # a speaker the parser did not make the cue's subject


def _subtree_range(tok: "Token") -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _channel_of(cue: "Token", entry: dict, objs: list["Token"], has_clause: bool) -> tuple[int, int] | None:
    lex = lexicon()
    if entry.get("audience") and objs and has_clause:
        o = objs[0]
        a, b = _phrase_range(o)
        doc = cue.doc
        # "told the news channel Telenord 5 ...": a name right after the object belongs to it
        while b < len(doc) and b < cue.sent.end and (doc[b].pos_ == "PROPN" or (
                doc[b].like_num and doc[b - 1].pos_ == "PROPN" and doc[b].head.i == b - 1)):
            b += 1
        return a, b
    for c in cue.children:
        if c.dep_ != "prep" or c.lower_ not in lex["channel_preps"]:
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if pobj.lemma_.lower() in lex["medium_nouns"] or pobj.lower_ in lex["medium_nouns"]:
            continue
        if pobj.lower_ == "interview" or pobj.lemma_ == "interview":
            w = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "with"), None)
            x = next((g for g in w.children if g.dep_ == "pobj"), None) if w is not None else None
            if x is not None:
                return _subtree_range(x)
            continue
        if pobj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"):
            continue  # "on Wednesday", "in Brussels": when and where, not to whom
        if pobj.lower_ in lex["channel_nouns"] or pobj.lemma_.lower() in lex["channel_nouns"] or (
                pobj.pos_ == "PROPN" and c.lower_ in ("to", "on")):
            return _phrase_range(pobj)
    return None


def _phrase_range(noun: "Token") -> tuple[int, int]:
    """A noun phrase without trailing prepositional phrases other than "of" ("a news conference in
    Vell" → "a news conference")."""
    end = noun.i
    for c in noun.children:
        if c.i > noun.i and not (c.dep_ == "prep" and c.lower_ != "of") and c.dep_ not in ("relcl", "acl", "punct"):
            end = max(end, c.right_edge.i)
    return noun.left_edge.i, end + 1


def _with_frame(cue: "Token", entry: dict) -> _Frame | None:
    """A verb that reports speech only with a word of its entry's 'with' ("made clear that ...", "made it
    plain that ..."): the content is the clause after that word, whichever of the two the parser hung it on."""
    word = next((c for c in cue.children if c.lower_ in entry["with"] and c.i > cue.i), None)
    if word is None:
        return None
    inner = [c for c in cue.children if c.dep_ == "ccomp" and c.i > word.i]
    inner += [c for c in word.children if c.dep_ in ("ccomp", "advcl") and c.i > word.i]
    if not inner:
        return None
    a = min(t.left_edge.i for t in inner)
    b = max(t.right_edge.i for t in inner) + 1
    return _Frame(a, b, entry.get("kind"), cue.doc[cue.i:word.i + 1].text)


def _frame(cue: "Token", entry: dict) -> _Frame | None:
    """What the cue governs, or None when it is not used as a reporting verb here."""
    if entry.get("with"):
        return _with_frame(cue, entry)
    lex_particle = entry.get("particle")
    preps_ok = set(entry.get("preps", ()))
    clauses: list["Token"] = []
    objs: list["Token"] = []
    oprd: list["Token"] = []
    preps: list["Token"] = []
    particle_obj: "Token | None" = None
    cue_end = cue
    for c in cue.children:
        d = c.dep_
        if d in ("ccomp", "xcomp"):
            clauses.append(c)
        elif d in ("advcl",) and _is_to_inf(c) and c.i > cue.i:
            clauses.append(c)
        elif d in ("dobj", "dative"):
            objs.append(c)
        elif d == "oprd":
            oprd.append(c)
        elif d == "prep" and c.i > cue.i:
            if lex_particle and c.lower_ == lex_particle and particle_obj is None:
                po = next((g for g in c.children if g.dep_ == "pobj"), None)
                if po is not None:
                    particle_obj = po
                    cue_end = c
                    continue
            if c.lower_ in preps_ok and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                preps.append(c)
    cue_text = cue.doc[cue.i:cue_end.i + 1].text
    kind = entry.get("kind")
    if entry["frame"] == "clause":
        before = [c for c in clauses if c.i < cue.i]
        if before and len(before) < len(clauses):  # "\"We are ready,\" she said, \"to sign.\"": one side only
            clauses = before
        claimed = _claim_clause(objs[0]) if objs and entry.get("kind") == "denial" else None
        if not clauses and claimed is None:
            stray = _stray_that_clause(cue)
            if stray is not None:  # "told X in an interview that ...": the clause hung on a noun
                clauses = [stray]
        if clauses:
            toks = clauses
        elif claimed is not None:  # "rejected claims that it had ...": the claim rejected
            toks = [claimed]
        elif objs and entry.get("object_ok") and entry.get("kind") != "denial":
            toks = objs[:1]
        elif objs and entry.get("kind") == "denial" and objs[0].lemma_.lower() in lexicon()["denied_nouns"]:
            toks = objs[:1]  # "denied any role (in the attack)", "denied involvement"
        elif preps:
            toks = preps
        else:
            return _inverted(cue, cue_text, kind)
        channel = _channel_of(cue, entry, objs, True)
        if channel is None and objs and entry.get("audience") and clauses:
            channel = _subtree_range(objs[0])
        a = min(t.left_edge.i for t in toks)
        b = max(t.right_edge.i for t in toks) + 1
        return _Frame(a, b, kind, cue_text, channel)
    return _object_frame(cue, entry, _Parts(clauses, objs, oprd, preps, particle_obj, cue_end), cue_text)


@dataclass
class _Parts:
    """The complements of a cue, by kind."""

    clauses: list["Token"]
    objs: list["Token"]
    oprd: list["Token"]
    preps: list["Token"]
    particle_obj: "Token | None"
    cue_end: "Token"


def _object_frame(cue: "Token", entry: dict, p: _Parts, cue_text: str) -> _Frame | None:
    """Object frames: urge X to, call on X to, accuse X of, dismiss X as, call X Y, call for X."""
    kind = entry.get("kind")
    preps_ok = set(entry.get("preps", ()))
    head_toks = [p.particle_obj] if p.particle_obj is not None else p.objs[:1]
    oprd = p.oprd
    if not oprd and entry.get("oprd_kind") and p.objs and p.particle_obj is None:
        # "called the ruling \"a sham\"": the second object parsed as an apposition
        oprd = [a for a in p.objs[0].children if a.dep_ in ("appos", "attr", "oprd") and a.i > p.objs[0].i]
    rest = p.clauses + oprd + p.preps
    if oprd and entry.get("oprd_kind"):
        kind = entry["oprd_kind"]
    if entry.get("needs_prep") and not oprd and not _has_prep(p.objs, p.preps, preps_ok):
        return None
    if not head_toks and not p.clauses and not any(x.lower_ == "for" for x in p.preps):
        return None  # "accused of crimes" with nobody accused: not a speech act here
    if entry.get("needs_complement") and p.particle_obj is None and not oprd and not p.preps:
        return None  # "called a meeting"
    if head_toks and not rest and not entry.get("object_ok") and not any(
            t.lower_ in preps_ok for t in head_toks[0].subtree):
        return None
    if entry.get("needs_clause") and not p.clauses and not p.preps:
        return None
    toks = head_toks + rest
    if head_toks and head_toks[0].i < cue.i and head_toks[0].tag_ in ("WP", "WDT") and rest:
        toks = rest  # ", whom she accused of X": the object is the relative pronoun; what was said is X
    a = min(t.left_edge.i for t in toks)
    b = max(t.right_edge.i for t in toks) + 1
    if p.particle_obj is not None:
        a = max(a, p.cue_end.i + 1)
    return _Frame(a, b, kind, cue_text, _channel_of(cue, entry, [], False))


def _stray_that_clause(cue: "Token") -> "Token | None":
    """A that-clause with its own subject that the parser attached below the cue's object or
    prepositional phrase instead of to the cue."""
    lex = lexicon()
    for c in cue.children:
        if c.i < cue.i or c.dep_ not in ("dobj", "dative", "prep"):
            continue
        hosts = [c]
        if c.dep_ == "prep":
            hosts = [g for g in c.children if g.dep_ == "pobj" and (
                g.lemma_.lower() in lex["channel_nouns"] or g.lemma_.lower() in lex["medium_nouns"])]
        for t in (t for h in hosts for t in h.children):
            if t.dep_ in ("acl", "relcl", "ccomp") and t.i > cue.i and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in t.children) and any(
                    g.dep_ in _SUBJ for g in t.children):
                return t
    return None


def _claim_clause(obj: "Token") -> "Token | None":
    """The that-clause of a claim noun ("claims that ...", "reports that ...")."""
    if obj.lemma_.lower() not in lexicon()["claim_nouns"] and obj.lower_ not in lexicon()["claim_nouns"]:
        return None
    for c in obj.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    return None


def _has_prep(objs: list["Token"], preps: list["Token"], preps_ok: set[str]) -> bool:
    if preps:
        return True
    return any(t.dep_ == "prep" and t.lower_ in preps_ok for o in objs for t in o.subtree)


def _inverted(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"..., the ministry said." parsed with the cue hanging off the reported clause."""
    head = cue.head
    if head.i == cue.i:
        return _inverted_root(cue, cue_text, kind)
    if cue.dep_ not in ("parataxis", "advcl", "conj", "ccomp") or head.i == cue.i or head.i > cue.i:
        return None
    subj = _own_subject(cue)
    if subj is None or subj.i > cue.i:
        return None
    # the attribution closes its sentence and follows a comma: "X happened, the ministry said."
    sent_end = cue.sent.end
    rest = [t for t in cue.doc[cue.right_edge.i + 1:sent_end] if not t.is_space]
    if any(not t.is_punct for t in rest) and not _participle_after(rest):
        return None
    before = subj.left_edge.i - 1
    if before < 0 or cue.doc[before].text not in (",", "\"", "”", "("):
        return None  # "..., the ministry said", "... (officials reported earlier)"
    a = head.left_edge.i
    b = cue.left_edge.i
    while a < b and (_is_dateline(cue.doc[a]) or cue.doc[a].is_punct or cue.doc[a].is_space):
        a += 1  # "BORVIK — X happened, ... said": the dateline is not what was said
    if b - a < 3:
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True)


def _inverted_root(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"Suspect held over shootings, city police say": the parser made the reported clause a second
    subject of the cue. The attribution (subject, cue) closes the sentence right after a comma."""
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if len(subjects) < 2:
        return _inverted_headline(cue, cue_text, kind)
    subj = subjects[-1]
    rest = [t for t in doc[cue.i + 1:cue.sent.end] if not t.is_space]
    if any(not t.is_punct for t in rest):
        return None
    comma = subj.left_edge.i - 1
    if comma <= cue.sent.start or doc[comma].text != ",":
        return None
    a, b = cue.sent.start, comma
    while a < b and (_is_dateline(doc[a]) or doc[a].is_punct or doc[a].is_space):
        a += 1
    if b - a < 3:
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True)


def _inverted_headline(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"Port shutdown could last weeks, warns dockers' leader": a present-tense cue right after a comma
    whose speaker, after it, closes the sentence (the parser took the speaker for an object)."""
    doc = cue.doc
    if cue.tag_ != "VBZ" or cue.i == cue.sent.start or doc[cue.i - 1].text != ",":
        return None
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "dative", "nsubj", "attr")]
    if len(after) != 1 or after[0].pos_ not in ("NOUN", "PROPN"):
        return None
    spk = after[0]
    rest = [t for t in doc[spk.right_edge.i + 1:cue.sent.end] if not (t.is_space or t.is_punct)]
    if rest:
        return None
    a, b = cue.sent.start, cue.i - 1
    while a < b and (_is_dateline(doc[a]) or doc[a].is_punct or doc[a].is_space):
        a += 1
    if b - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True, speaker=spk.i)


def _participle_after(rest: list["Token"]) -> bool:
    """", accusing officers of ...": a participle clause after the attribution (the speaker's next act)."""
    words = [t for t in rest if not t.is_punct]
    if len(words) < 2:
        return False
    first = words[0]
    return first.tag_ == "VBG" and first.dep_ in ("advcl", "acl") and first.doc[first.i - 1].text == ","


def _participle_speaker(doc: "Doc", drafts: list[Draft]) -> None:
    """"X happened, a rights group said, accusing officers of Y": the participle after an inverted
    attribution shares its subject, not the subject of the reported clause the parser hung it on."""
    inverted = sorted((d for d in drafts if d.extra.get("inverted") and d.subject_i is not None), key=lambda d: d.cue_i)
    cue_is = [d.cue_i for d in inverted]
    for d in drafts:
        tok = doc[d.cue_i]
        if not d.inherited or tok.tag_ != "VBG" or d.subject_i is None:
            continue
        k = bisect.bisect_left(cue_is, d.cue_i) - 1  # the nearest inverted attribution before the participle
        if k < 0:
            continue
        inv = inverted[k]
        if d.subject_i < inv.cue_i and doc[inv.cue_i].sent.start == tok.sent.start and \
                all(t.is_punct for t in doc[doc[inv.cue_i].right_edge.i + 1:tok.i]):
            d.subject_i = inv.subject_i
            d.extra["speaker_route"] = "participle-of-inverted"


def _trailing_subject(cue: "Token") -> tuple["Token | None", int]:
    """"..., his club, Nova Rovers, said.": a subject the parser hung as an apposition inside the
    reported clause. Returns it and the token index where the reported clause must stop."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].dep_ != "appos" or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None, 0
    top = doc[i]
    while top.head.dep_ == "appos" and top.head.i < top.i:
        top = top.head
    if not any(t.text == "," for t in doc[max(0, top.left_edge.i - 1):top.left_edge.i]):
        return None, 0
    return doc[i], top.left_edge.i


def _quoted_as(cue: "Token") -> tuple["Token", tuple[int, int] | None] | None:
    """For "saying" under "quoted ... as": (the speaker, the outlet's token range)."""
    node = cue.head
    if cue.tag_ != "VBG" or node.i == cue.i:
        return None
    if node.lower_ == "as" and node.head.i != node.i:
        node = node.head
    if node.lemma_.lower() != "quote":
        return None
    obj = next((c for c in node.children if c.dep_ == "dobj"), None)
    subj = clause.own_subject(node)
    if obj is not None:
        return obj, (_subtree_range(subj) if subj is not None and subj.dep_ == "nsubj" else None)
    agent = next((g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subj is not None:
        return subj, (_subtree_range(agent) if agent is not None else None)
    return None


def _colon_quote(cue: "Token", quotes: list[Quote], starts: list[int]) -> _Frame | None:
    """"X told the assembly: \"...\"" where the parser left the quote unattached: the quote after the colon."""
    doc = cue.doc
    text = doc_text(doc)
    colon_tok = next((c for c in cue.children if c.text == ":" and c.i > cue.i), None)
    if colon_tok is None:
        return None
    colon = colon_tok.idx
    i = bisect.bisect_left(starts, colon)
    if i >= len(quotes) or text[colon + 1:quotes[i].open_at].strip():
        return None
    q = quotes[i]
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    objs = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    channel = _subtree_range(objs[0]) if objs and lexicon()["cues"].get(cue.lemma_.lower(), {}).get("audience") else None
    return _Frame(span.start, span.end, lexicon()["cues"][cue.lemma_.lower()].get("kind"),
                  cue.text, channel)


def _quote_before(cue: "Token", quotes: list[Quote], starts: list[int]) -> _Frame | None:
    """"\"A,\" she said, \"and B.\"" where the parser hung the first quote on the second: the quote that
    closes right before the attribution's subject (a comma, "?" or "!" inside it) is what was said."""
    subj = _own_subject(cue)
    if subj is None or subj.i > cue.i or cue.i - subj.right_edge.i > 3:
        return None
    doc = cue.doc
    text = doc_text(doc)
    lead = subj.left_edge.idx
    i = bisect.bisect_left(starts, lead) - 1
    if i < 0:
        return None
    q = quotes[i]
    if q.close_at >= lead or text[q.close_at + 1:lead].strip() or not text[q.start:q.end].rstrip().endswith((",", "?", "!")):
        return None
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return _Frame(span.start, span.end, lexicon()["cues"][cue.lemma_.lower()].get("kind"), cue.text, None)


def _according(tok: "Token") -> tuple[_Frame, "Token"] | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    src = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if src is None:
        return None
    head = tok.head
    if head.i == tok.i:
        return None
    a, b = head.left_edge.i, head.right_edge.i + 1
    doc = tok.doc
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    sa, sb = tok.left_edge.i, tok.right_edge.i + 1
    if sa <= a:  # "According to X, ...": content follows the phrase
        a = sb
    elif sb >= b:  # "..., according to X."
        b = sa
    else:
        b = sa
    if b - a < 3:
        return None
    return _Frame(a, b, None, tok.doc[tok.i:to.i + 1].text), src


# ----------------------------------------------------------------------------- drafts
def _quote_at(quotes: list[Quote], starts: list[int], pos: int) -> Quote | None:
    """The quote whose marks enclose ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and quotes[i].open_at <= pos <= quotes[i].close_at:
        return quotes[i]
    return None


def _content_chars(doc: "Doc", a: int, b: int, cue: int | None = None) -> tuple[int, int] | None:
    text = doc_text(doc)
    if cue is not None:  # reported content stays in the paragraph of its cue (multi-paragraph quotes aside)
        a, b = _paragraph_cap(doc, a, b, cue)
    # drop a leading complementizer ("that") and a trailing comma/quote
    while a < b and (doc[a].is_punct or doc[a].is_space or (doc[a].dep_ == "mark" and doc[a].lower_ in ("that", "whether", "if"))
                     or (doc[a].lower_ == "that" and a + 1 < b and doc[a + 1].pos_ not in ("VERB", "AUX"))):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        if doc[b - 1].text in ("?", "!") and b - 1 > a:
            break
        b -= 1
    if b <= a:
        return None
    s, e = _tok_chars(doc, a, b)
    s, e = _trim(text, s, e)
    if e - s < 3:
        return None
    return s, e


def _leading_time(doc: "Doc", cue: int, a: int, b: int) -> tuple[int, int] | None:
    """Wire style puts the day of the saying right after the verb, before an unmarked clause ("said on
    Tuesday it would ...", "said Friday the bridge ..."); the parser often hangs it inside the clause. The
    token range of that time (its preposition included) when the content starts with it, else None."""
    if a != cue + 1 or a >= b:
        return None
    k = a
    if doc[k].lower_ in lexicon()["cue_time_preps"] and k + 1 < b:
        k += 1
    j = k
    while j < b and doc[j].ent_type_ in ("DATE", "TIME") and (j == k or doc[j].ent_iob_ == "I"):
        j += 1
    if j == k or j >= b:
        return None
    if any(doc[i].dep_ in ("nsubj", "nsubjpass") or doc[i].tag_ == "POS" for i in range(k, j)) \
            or doc[j].tag_ == "POS":
        return None  # "said Tuesday was the deadline", "said last week's vote ...": the time is the content's
    rest = doc[j:b]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest) or doc[j].is_punct and doc[j].text != ",":
        return None
    return a, j


def _noun_frame(noun: "Token", kind: str) -> tuple[_Frame, "Token"] | None:
    """"the company's pledge *not to negotiate*", "the spokeswoman whose prediction *that the port would ...*":
    a speech noun with a possessor (the speaker; "whose": the noun the relative clause hangs on) and a
    that-clause or to-infinitive (what was said)."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ == "whose":
        rel = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
        before = noun.doc[poss.i - 1] if poss.i > 0 else None
        if rel is not None:
            poss = rel.head
        elif before is not None and before.pos_ in ("NOUN", "PROPN"):  # parsed flat: the noun just before "whose"
            poss = before.head if before.dep_ == "appos" else before
        else:
            return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and (
        any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        or any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))), None)
    if clause is None:
        return None
    a, b = _subtree_range(clause)
    if a < len(noun.doc) and noun.doc[a].lower_ == "that":
        a += 1
    return _Frame(a=a, b=b, kind=kind, cue_text=noun.text), poss


def find_drafts(doc: "Doc", quotes: list[Quote]) -> list["Draft"]:
    """The statements of ``doc`` before speakers, kinds and dates are resolved."""
    lex = lexicon()
    cues = lex["cues"]
    starts = [q.open_at for q in quotes]
    drafts: list[Draft] = []
    toks = tokens(doc)
    according = lex["according_to"]
    speech_nouns = lex["speech_nouns"]
    for tok in toks:
        lower = tok.lower_
        if lower not in according and not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues) \
                and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns):
            continue  # neither "according to", a cue verb nor a speech noun (the branches below test the same)
        if _quote_at(quotes, starts, tok.idx) is not None:
            continue  # words inside a quotation are the quoted speaker's, not attributions
        frame: _Frame | None = None
        subj: "Token | None" = None
        if lower in according and tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ == "to":
            got = _according(tok)
            if got is None:
                continue
            frame, subj = got
            route = "according-to"
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues:
            if any(c.dep_ == "auxpass" for c in tok.children) or (
                    tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)):
                continue  # "officers accused of fraud", "was told", "Asked whether ...,": no speaker here
            if any(c.dep_ == "neg" for c in tok.children) or (
                    tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _NOT_SAYING):
                continue  # "did not say when", "declined to say whether": nothing was said
            frame = _frame(tok, cues[tok.lemma_.lower()]) or _colon_quote(tok, quotes, starts) \
                or _quote_before(tok, quotes, starts)
            if frame is None:
                continue
            subj = subject_of(tok)
            route = "cue-subject" if _own_subject(tok) is not None else "governing-subject"
            if subj is None and frame.speaker is not None:
                subj = doc[frame.speaker]
                route = "object-speaker"
            if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" \
                    and tok.head.lemma_.lower() in lex["medium_nouns"]:
                subj = tok.head  # "read a statement from the embassy saying ...": the document speaks
                route = "medium-speaks"
            if subj is not None and frame.a <= subj.i < frame.b:
                subj = None
            if subj is not None and subj.lower_ in ("that", "which") and subj.head.dep_ in ("relcl", "acl") \
                    and not _named_which(subj):
                continue  # "a dispute that threatens to ...": things do not make statements
            if subj is None:
                subj, cut = _trailing_subject(tok)
                route = "trailing-apposition"
                if subj is None:
                    continue
                frame.b = min(frame.b, cut)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex["speech_nouns"]:
            got = _noun_frame(tok, lex["speech_nouns"][tok.lemma_.lower()])
            if got is None:
                continue
            frame, subj = got
            route = "speech-noun-possessor"
        else:
            continue
        if frame.a < frame.b and doc[frame.a].dep_ == "prep" and doc[frame.a].head.i == tok.i:
            frame.a += 1  # "warned of a crisis", "called for calm": what was said is the object
        frame.a, frame.b = _paragraph_cap(doc, frame.a, frame.b, tok.i)
        cue_time = _leading_time(doc, tok.i, frame.a, frame.b)
        if cue_time is not None:  # "said on Tuesday it would ...": the day belongs to the saying
            frame.a = cue_time[1]
        chars = _content_chars(doc, frame.a, frame.b)
        if chars is None:
            continue
        quoted = _quoted_as(tok)
        if quoted is not None:  # "X quoted Y as saying ...", "Y was quoted by X as saying ...": Y speaks to X
            subj, frame.channel = quoted
            route = "quoted-as"
        d = Draft(cue_i=tok.i, cue_text=frame.cue_text, content=chars, subject_i=subj.i if subj is not None else None,
                  kind_hint=frame.kind, content_tokens=(frame.a, frame.b),
                  inherited=subj is not None and _own_subject(tok) is None and lower not in lex["according_to"])
        ante = tok.head if tok.dep_ == "relcl" and tok.left_edge.tag_ in ("WP", "WDT") and tok.left_edge.i < frame.a \
            and tok.left_edge.dep_ in ("dobj", "dative") else None
        if ante is not None:  # ", whom she accused of X": the accused (the clause's antecedent) is what X is about
            d.extra["antecedent"] = (ante.left_edge.idx, ante.idx + len(ante.text))
        if cue_time is not None:
            d.extra["cue_time"] = _tok_chars(doc, *cue_time)
        if frame.inverted:
            d.extra["inverted"] = True
        d.extra["speaker_route"] = "inverted" if frame.inverted and route == "cue-subject" else route
        if frame.channel is not None:
            ca, cb = frame.channel
            d.channel_span = _trim(doc_text(doc), *_tok_chars(doc, ca, cb))
            head = doc[ca:cb].root
            d.channel_head = (head.idx, head.idx + len(head.text))
        drafts.append(d)
    _participle_speaker(doc, drafts)
    _cut_nested(doc, drafts)
    drafts = _drop_embedded(doc, drafts)
    drafts = _relays(doc, drafts)
    drafts = [d for d in drafts if d.content[1] - d.content[0] >= 3]
    drafts.extend(_colon_headline(doc, drafts))
    _apply_quotes(doc, drafts, quotes, starts)
    drafts.extend(_unattributed_quotes(doc, drafts, quotes))
    for d in drafts:
        d.evidence = _evidence(doc, d)
    drafts.sort(key=lambda d: (d.evidence[0], d.content[0], d.cue_i))
    return drafts


def _colon_headline(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """A headline "<what was said>: <who>" ("Rates at the right level: central bank governor", "'My
    first priority is inflation': new bank governor"): a statement with no cue word, the speaker after
    the colon (a short phrase with no verb)."""
    text = doc_text(doc)
    nl = text.find("\n")
    if nl < 0 or any(d.content[0] < nl for d in drafts):
        return []
    colon = text.rfind(":", 0, nl)
    if colon < 0:
        return []
    who = doc.char_span(colon + 1, nl, alignment_mode="contract")
    what = _trim(text, 0, colon)
    if who is None or not len(who) or len(who) > 6 or len(text[what[0]:what[1]].split()) < 3:
        return []
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in ("'", "’", ".") for t in who):
        return []
    if not any(t.text[:1].isupper() for t in who):
        return []
    head = who[-1]
    first = doc.char_span(what[0], what[0] + 1, alignment_mode="expand")
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if first is None or colon_tok is None:
        return []
    return [Draft(cue_i=colon_tok[0].i, cue_text="", content=what, subject_i=head.i,
                  content_tokens=(first[0].i, colon_tok[0].i))]


def _cut_nested(doc: "Doc", drafts: list[Draft]) -> None:
    """A cue inside another statement's content that shares the outer subject ("said X and urged Y",
    "said X, calling it Y") is a statement of its own: cut it (and what it governs) out of the outer one."""
    by_cue = sorted(drafts, key=lambda d: d.cue_i)
    cue_is = [d.cue_i for d in by_cue]
    for d in drafts:
        a, b = d.content_tokens
        for other in by_cue[bisect.bisect_left(cue_is, a):bisect.bisect_left(cue_is, b)]:
            if other is d:
                continue
            tok = doc[other.cue_i]
            if _own_subject(tok) is not None and not tok.dep_ == "advcl" and not _aside(tok):
                continue
            cut = min(tok.left_edge.i, other.content_tokens[0])
            if cut <= a:
                continue
            chars = _content_chars(doc, a, cut)
            if chars is None:
                continue
            d.content = (d.content[0], min(d.content[1], chars[1]))
            d.content_tokens = (a, cut)
            if _own_subject(tok) is None and (other.subject_i is None or a <= other.subject_i < b):
                other.subject_i = d.subject_i
                other.inherited = True


def _named_which(rel: "Token") -> bool:
    """"the Harbour Union, an alliance of dockers, which said ...": a non-restrictive "which" whose
    antecedent is a name (an organization speaks)."""
    ante = rel.head.head
    return rel.lower_ == "which" and rel.i > 0 and rel.doc[rel.i - 1].text == "," and ante.pos_ == "PROPN" \
        and ante.i < rel.i


def _aside(tok: "Token") -> bool:
    """", whom she accused of ...": a cue in a non-restrictive relative clause with a pronoun subject is
    the writer's narration of another statement, not part of the content it sits in."""
    if tok.dep_ != "relcl":
        return False
    subj = _own_subject(tok)
    left = tok.left_edge
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that") and \
        left.lower_ in ("whom", "who", "which") and left.i > 0 and tok.doc[left.i - 1].text == ","


def _relays(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """"X said Y, according to <agency>" and "Y, X said, according to <agency>": the agency relays X's
    statement; it is one statement (X's) made through the agency (its channel), not a second one whose
    content is "X said ..."; X's content stops before the relay phrase."""
    lex = lexicon()
    text = doc_text(doc)
    cues = sorted(((d.cue_i, d) for d in drafts if doc[d.cue_i].lower_ not in lex["according_to"]), key=lambda x: x[0])
    keys = [c for c, _ in cues]
    drop: set[int] = set()
    for d in drafts:
        tok = doc[d.cue_i]
        if tok.lower_ not in lex["according_to"] or d.subject_i is None:
            continue
        a, b = d.content_tokens
        if tok.i < b:
            continue  # "According to X, ...": the phrase opens its content, nobody else speaks
        i = bisect.bisect_left(keys, a)
        own = next((x for c, x in cues[i:i + 4] if c < b and x is not d and x.subject_i is not None), None)
        if own is not None:
            subj_start = doc[own.subject_i].left_edge.i
            before = [t for t in doc[a:subj_start] if not (t.is_punct or t.is_space)]
            if before and not (own.content[1] <= d.content[0] + 1 or own.extra.get("inverted")):
                continue  # words before X's attribution that are not X's: the agency reports more than X said
        else:
            # "X said Y, according to Z" with the phrase parsed inside Y: it closes X's content
            k = bisect.bisect_left(keys, tok.i)
            own = next((x for c, x in reversed(cues[max(0, k - 4):k]) if x.content_tokens[0] <= a
                        and x.content_tokens[0] < tok.i < x.content_tokens[1] and x.subject_i is not None), None)
            if own is None or any(not (t.is_punct or t.is_space) for t in doc[tok.right_edge.i + 1:own.content_tokens[1]]):
                continue
        drop.add(id(d))
        if own.content[1] > tok.idx:  # "X said Y, according to Z": Y ends before the relay phrase
            s0, e0 = _trim(text, own.content[0], tok.idx)
            if e0 - s0 >= 3:
                own.content = (s0, e0)
        if own.channel_span is None:
            src = doc[d.subject_i]
            own.channel_span = _trim(text, *_tok_chars(doc, src.left_edge.i, src.right_edge.i + 1))
            own.channel_head = (src.idx, src.idx + len(src.text))
    return [d for d in drafts if id(d) not in drop]


def _drop_embedded(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """A cue with its own subject deep inside another statement's content ("she said she had asked
    the government for funds") is part of what was said, not a statement of the article's."""
    spans = sorted((d.content_tokens[0], d.content_tokens[1]) for d in drafts)
    starts = [a for a, _ in spans]
    keep = []
    for d in drafts:
        tok = doc[d.cue_i]
        inside = False
        if _own_subject(tok) is not None and tok.dep_ in ("ccomp", "xcomp", "relcl", "acl", "advcl", "conj") \
                and not _aside(tok):
            i = bisect.bisect_right(starts, d.cue_i)
            inside = any(a <= d.cue_i < b and (a, b) != d.content_tokens for a, b in spans[max(0, i - 8):i])
        if not inside:
            keep.append(d)
    return keep


def _apply_quotes(doc: "Doc", drafts: list[Draft], quotes: list[Quote], starts: list[int]) -> None:
    """Content starting inside a quote is that quote (direct); a quote resuming right after the
    attribution is a second part; partly quoted content stays indirect."""
    text = doc_text(doc)
    claimed: set[int] = set()
    qpos = {id(q): i for i, q in enumerate(quotes)}
    for d in drafts:
        s, e = d.content
        q = _quote_at(quotes, starts, s)
        if q is None or not (q.start <= s):
            # content may start just before the opening mark ("said that \"...\"")
            q2 = _quote_at(quotes, starts, s - 1) if s > 0 else None
            q = q2 if q2 is not None and q2.start >= s - 1 else None
        if q is None:
            continue
        cue_tok = doc[d.cue_i]
        if q.open_at <= cue_tok.idx <= q.close_at:
            continue
        if e > q.close_at + 1 and e - q.close_at > 2 and not _quote_closes_clause(doc, q):
            continue  # a clause that opens with a quote and goes on unquoted: mixed, indirect
        d.content = (q.start, q.end)
        d.direct = True
        d.parts = q.pieces if len(q.pieces) > 1 else ()
        claimed.add(qpos[id(q)])
        nxt = _resumed_quote(doc, d, quotes, qpos[id(q)])
        if nxt is not None:
            q2 = quotes[nxt]
            d.parts = tuple(q.pieces) + tuple(q2.pieces)
            d.content = (q.start, q2.end)
            claimed.add(nxt)
    for d in drafts:  # trailing commas inside the quote are not words said
        s, e = d.content
        while e > s and text[e - 1] in ", ":
            e -= 1
        d.content = (s, e)
        d.parts = tuple(_strip_comma(text, p) for p in d.parts)


def _quote_closes_clause(doc: "Doc", q: Quote) -> bool:
    """Whether the quote ends its clause: closing punctuation inside the marks, or a comma then a
    participle or a new clause after them ("...within weeks," referring to ...)."""
    text = doc_text(doc)
    inner = text[q.start:q.end].rstrip()
    if inner.endswith((".", "?", "!")):
        return True
    after = text[q.close_at + 1:q.close_at + 3]
    if inner.endswith(",") or after.startswith(","):
        nxt = doc.char_span(q.close_at + 1, min(len(text), q.close_at + 40), alignment_mode="expand")
        toks = [t for t in (nxt or []) if not t.is_punct and not t.is_space][:1]
        return bool(toks) and toks[0].tag_ in ("VBG", "VBD", "VBZ")
    return False


def _strip_comma(text: str, p: tuple[int, int]) -> tuple[int, int]:
    s, e = p
    while e > s and text[e - 1] in ", ":
        e -= 1
    return s, e


def _resumed_quote(doc: "Doc", d: Draft, quotes: list[Quote], qi: int) -> int | None:
    """``"We are ready," she said, "to sign today."``: the quote right after the attribution."""
    if qi + 1 >= len(quotes):
        return None
    q, q2 = quotes[qi], quotes[qi + 1]
    cue = doc[d.cue_i]
    if not (q.close_at < cue.idx < q2.open_at):
        return None
    between = doc_text(doc)[q.close_at + 1:q2.open_at]
    if "\n" in between or len(between) > 200:
        return None
    if not between.rstrip().endswith(",") and not between.rstrip().endswith(":"):
        return None
    if any(c in between for c in ".?!"):
        return None
    return qi + 1


def _unattributed_quotes(doc: "Doc", drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """A full-sentence quote with no attribution of its own continues the previous statement (same or
    previous paragraph, nothing said by anyone else in between): news style for a speaker's next words."""
    text = doc_text(doc)
    covered = sorted([(d.content[0], d.content[1]) for d in drafts] + [p for d in drafts for p in d.parts])
    cov_starts = [c[0] for c in covered]
    cov_max_end: list[int] = []  # running max of ends, for "does anything before q reach into it"
    for _s, e in covered:
        cov_max_end.append(max(e, cov_max_end[-1]) if cov_max_end else e)
    direct_sorted = sorted((d for d in drafts if not d.extra.get("unattributed")), key=lambda d: d.content[1])
    direct_ends = [d.content[1] for d in direct_sorted]
    starts_all = sorted(d.content[0] for d in drafts)
    out: list[Draft] = []
    for q in quotes:
        i = bisect.bisect_right(cov_starts, q.start)
        if (i > 0 and cov_max_end[i - 1] > q.start) or (i < len(cov_starts) and cov_starts[i] < q.end):
            continue  # already some statement's content
        before = text[max(0, q.open_at - 50):q.open_at].rstrip(" \t")
        if before and before[-1] not in "\n.?!:":
            continue
        if len(text[q.start:q.end].split()) < 2:
            continue
        if not text[q.end - 1:q.end] in ".?!" and not text[q.close_at + 1:q.close_at + 2] in (".", "\n", ""):
            continue
        j = bisect.bisect_right(direct_ends, q.open_at)
        if j == 0:
            continue
        src = direct_sorted[j - 1]
        gap = text[src.content[1]:q.open_at]
        if gap.count("\n\n") + (gap.count("\n") if "\n\n" not in gap else 0) > 1 or len(gap) > 400:
            continue
        k = bisect.bisect_left(starts_all, src.content[1])
        if k < len(starts_all) and starts_all[k] < q.open_at:
            continue  # another statement sits between them
        tok = _first_token(doc, q.start)
        if tok is None:
            continue
        nd = Draft(cue_i=src.cue_i, cue_text="", content=_strip_comma(text, (q.start, q.end)),
                   subject_i=src.subject_i, kind_hint=None, direct=True,
                   parts=q.pieces if len(q.pieces) > 1 else (), speaker_from=src,
                   content_tokens=(tok.i, tok.i + 1))
        nd.extra["unattributed"] = True
        nd.extra["speaker_route"] = "continues-quote"
        out.append(nd)
    return out


def _first_token(doc: "Doc", pos: int) -> "Token | None":
    span = doc.char_span(pos, min(pos + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _evidence(doc: "Doc", d: Draft) -> tuple[int, int]:
    lo = d.content[0]
    hi = d.content[1]
    if not d.extra.get("unattributed"):
        cue = doc[d.cue_i]
        lo = min(lo, cue.idx)
        hi = max(hi, cue.idx + len(cue.text))
        if d.subject_i is not None:
            st = doc[d.subject_i]
            lo, hi = min(lo, st.idx), max(hi, st.idx + len(st.text))
    first = doc.char_span(lo, lo + 1, alignment_mode="expand")
    last = doc.char_span(max(lo, hi - 1), hi, alignment_mode="expand")
    s = first.sent.start_char if first is not None and len(first) else lo
    e = last.sent.end_char if last is not None and len(last) else hi
    s, e = min(s, lo), max(e, hi)
    text = doc_text(doc)
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e
