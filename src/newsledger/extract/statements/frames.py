"""The frame of one reporting cue, read off the dependency parse: which clause is the content, who the
speaker is and through which channel, for verbs (plain, inverted, participles), 'according to',
colon and quote-first forms and speech nouns. :func:`.cues.find_drafts` turns frames into drafts."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ...analysis.clause import subtree as _subtree
from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .quotes import Quote
from .._doc import doc_text
from .._doc import sent_of as _sent_of
from .draft import Draft, _Frame, _is_dateline, _is_to_inf, lexicon, _own_subject, _SUBJ, _subtree_range
from .frame_extras import _quoting_verb_clause, _trailing_relay
from .frame_speakers import _quoted_as, _speaker_beside  # noqa: F401  (importable from here as before)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _channel_of(cue: "Token", entry: dict, objs: list["Token"], has_clause: bool) -> tuple[int, int] | None:
    lex = lexicon()
    if entry.get("audience") and objs and has_clause:
        o = objs[0]
        a, b = _phrase_range(o)
        doc = cue.doc
        # "told the news channel Telenord 5 ...": a name right after the object belongs to it
        while b < len(doc) and b < _sent_of(cue).end and (doc[b].pos_ == "PROPN" or (
                doc[b].like_num and doc[b - 1].pos_ == "PROPN" and doc[b].head.i == b - 1)):
            b += 1
        return a, b
    for c in _children(cue):
        if c.dep_ != "prep" or c.lower_ not in lex["channel_preps"]:
            continue
        pobj = next((g for g in _children(c) if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if pobj.lemma_.lower() in lex["medium_nouns"] or pobj.lower_ in lex["medium_nouns"]:
            continue
        if pobj.lower_ == "interview" or pobj.lemma_ == "interview":
            w = next((g for g in _children(pobj) if g.dep_ == "prep" and g.lower_ == "with"), None)
            x = next((g for g in _children(w) if g.dep_ == "pobj"), None) if w is not None else None
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
    for c in _children(noun):
        if c.i > noun.i and not (c.dep_ == "prep" and c.lower_ != "of") and c.dep_ not in ("relcl", "acl", "punct"):
            end = max(end, c.right_edge.i)
    return noun.left_edge.i, end + 1


def _with_frame(cue: "Token", entry: dict) -> _Frame | None:
    """A verb that reports speech only with a word of its entry's 'with' ("made clear that ...", "made it
    plain that ..."): the content is the clause after that word, whichever of the two the parser hung it on."""
    word = next((c for c in _children(cue) if c.lower_ in entry["with"] and c.i > cue.i), None)
    if word is None:
        return None
    inner = [c for c in _children(cue) if c.dep_ == "ccomp" and c.i > word.i]
    inner += [c for c in _children(word) if c.dep_ in ("ccomp", "advcl") and c.i > word.i]
    if not inner:
        return _inverted_with(cue, word, entry)
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
    for c in _children(cue):
        d = c.dep_
        if d in ("ccomp", "xcomp"):
            if not _trailing_relay(c):  # "X said Y, broadcaster Z reported": Z's attribution is not what X said
                clauses.append(c)
        elif d in ("advcl",) and _is_to_inf(c) and c.i > cue.i:
            clauses.append(c)
        elif d in ("dobj", "dative"):
            objs.append(c)
        elif d == "oprd":
            oprd.append(c)
        elif d == "prep" and c.i > cue.i:
            if lex_particle and c.lower_ == lex_particle and particle_obj is None:
                po = next((g for g in _children(c) if g.dep_ == "pobj"), None)
                if po is not None:
                    particle_obj = po
                    cue_end = c
                    continue
            if c.lower_ in preps_ok and any(g.dep_ in ("pobj", "pcomp") for g in _children(c)):
                preps.append(c)
            elif c.lower_ == "as" and "as" in preps_ok and entry["frame"] == "clause" and any(
                    g.dep_ in ("amod", "acomp") for g in _children(c)):
                preps.append(c)  # 'rejected as "rigged" the results': the parser hangs the object on the label
    cue_text = doc_text(cue.doc)[cue.idx:cue_end.idx + len(cue_end.text)]  # the span's text, not rebuilt from its tokens
    kind = entry.get("kind")
    if entry["frame"] == "clause":
        if entry.get("object_clause_nouns"):  # "shared the view that ...": only the clause of such a noun
            clause_of = _claim_clause(objs[0], entry["object_clause_nouns"]) if objs else None
            return _Frame(*_subtree_range(clause_of), kind, cue_text) if clause_of is not None else None
        if entry.get("needs_clause") and not clauses:
            inf = next((c for c in _children(objs[0]) if c.dep_ in ("relcl", "acl") and c.i > objs[0].i
                        and _is_to_inf(c)), None) if objs else None
            if inf is not None:  # "expects more money to flow to the farms": the parser's relative clause
                return _Frame(objs[0].left_edge.i, inf.right_edge.i + 1, kind, cue_text, None)
            return None  # "Video shows flames racing": no reported clause, nothing said
        if clauses and all(_reflexive_small_clause(c) for c in clauses):
            return None  # "would declare itself neutral": a status taken, nothing reported (issue 11)
        before = [c for c in clauses if c.i < cue.i]
        if before and len(before) < len(clauses):  # "\"We are ready,\" she said, \"to sign.\"": one side only
            clauses = before
        claimed = _claim_clause(objs[0]) if objs and entry.get("kind") == "denial" else None
        if not clauses and claimed is None:
            stray = _stray_that_clause(cue)
            stray = _quoting_verb_clause(cue) if stray is None else stray  # '"...," X quoted Y as saying'
            if stray is not None:  # "told X in an interview that ...": the clause hung on a noun
                clauses = [stray]
        misread = _that_as_object(cue) if not clauses and claimed is None else None
        if misread is not None:  # "added that Ada's attempt ... shows ...": "that" parsed as the object
            return _Frame(misread.i + 1, misread.right_edge.i + 1, kind, cue_text, _channel_of(cue, entry, [], True))
        if clauses:
            toks = clauses
            if entry.get("object_common") and objs and objs[0].pos_ == "NOUN" and all(
                    c.dep_ == "advcl" and c.i > objs[0].i for c in clauses):
                toks = objs[:1] + clauses  # "announced talks with X to end Y": the talks, and what for
        elif claimed is not None:  # "rejected claims that it had ...": the claim rejected
            toks = [claimed]
        elif objs and (entry.get("object_ok") or objs[0].lemma_.lower() in entry.get("object_nouns", ())
                       or (entry.get("object_common") and objs[0].pos_ == "NOUN" and _told(cue))) \
                and entry.get("kind") != "denial":
            toks = objs[:1]  # object_nouns: "declared their success in ...", never "declared a state of emergency"
            if (bare := _bare_clause_end(objs[0])) is not None:  # "confirming a second boat has been seized"
                return _Frame(objs[0].left_edge.i, bare, kind, cue_text, _channel_of(cue, entry, [], True))
        elif objs and entry.get("kind") == "denial" and objs[0].lemma_.lower() in lexicon()["denied_nouns"]:
            toks = objs[:1]  # "denied any role (in the attack)", "denied involvement"
        elif preps:
            toks = objs[:1] + preps  # "rejected the figures as rigged": the object belongs to what was said
        else:
            return _inverted(cue, cue_text, kind)
        channel = _channel_of(cue, entry, objs, True)
        if channel is None and objs and entry.get("audience") and clauses:
            channel = _subtree_range(objs[0])
        a = min(t.left_edge.i for t in toks)
        b = max(t.right_edge.i for t in toks) + 1
        tail = _list_tail(cue, max(clauses, key=lambda t: t.i)) if clauses else None
        if tail is not None:  # "They say A, B, and C": the list's last item the parser hung on the cue
            b = max(b, tail.right_edge.i + 1)
        return _Frame(a, b, kind, cue_text, channel)
    return _object_frame(cue, entry, _Parts(clauses, objs, oprd, preps, particle_obj, cue_end), cue_text)


def _list_tail(cue: "Token", last: "Token") -> "Token | None":
    """"They say A continues, B is rising, and C is rising": a clause that already lists items after commas
    and a clause the parser hung on the cue right after ", and" is the list's last item (issue 11)."""
    doc = cue.doc
    if last.i < cue.i or not any(c.dep_ == "conj" and any(t.text == "," for t in doc[max(last.i, c.left_edge.i - 1):c.i])
                                 for c in _children(last)):
        return None
    for c in _children(cue):
        if c.dep_ == "conj" and c.i > last.right_edge.i and c.pos_ in ("VERB", "AUX") \
                and c.lemma_.lower() not in lexicon()["cues"] and _own_subject(c) is not None:
            between = [t.lower_ for t in doc[last.right_edge.i + 1:c.left_edge.i] if not t.is_space]
            return c if between in ([",", "and"], [",", "or"]) else None
    return None


def _told(cue: "Token") -> bool:
    """Whether the cue tells what was said: not an infinitive or a modal's verb ("may wait weeks to announce
    the posts": nothing announced yet), nor a verb an outlet's closing relay reports ("X announced Y, the
    Courier reports": the outlet's statement of the whole sentence, speak18), nor one whose participle says
    what was said ("announced his decision in an address, saying he ...": the saying's content)."""
    cues = lexicon()["cues"]
    return not any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") or _trailing_relay(c) or (
        c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in cues) for c in _children(cue))


def _reflexive_small_clause(c: "Token") -> bool:
    """"itself neutral", "themselves bankrupt": an adjective whose subject is a reflexive pronoun."""
    return c.pos_ == "ADJ" and any(g.dep_ == "nsubj" and g.tag_ == "PRP" and g.lower_.endswith(("self", "selves"))
                                   for g in c.children)


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
        oprd = [a for a in _children(p.objs[0]) if a.dep_ in ("appos", "attr", "oprd") and a.i > p.objs[0].i]
    rest = p.clauses + oprd + p.preps
    if oprd and entry.get("oprd_kind"):
        kind = entry["oprd_kind"]
    # "dismissed calls for a timetable": an object that is itself someone's words (object_nouns) is what the
    # cue answers, with no "as" (issue 11)
    words_obj = bool(p.objs) and p.objs[0].lemma_.lower() in entry.get("object_nouns", ()) and not rest \
        and not any(t.lower_ in preps_ok for t in _subtree(p.objs[0]))  # ("dismissed the claims as noise": a label)
    if words_obj:
        kind = entry.get("object_nouns_kind", kind)
    elif entry.get("needs_prep") and not oprd and not _has_prep(p.objs, p.preps, preps_ok):
        return None
    if not head_toks and not p.clauses and not any(x.lower_ == "for" for x in p.preps):
        return None  # "accused of crimes" with nobody accused: not a speech act here
    for_to = _for_to_clause(p.clauses, preps_ok)  # "called for the mayor to be tried" (speak20)
    if entry.get("needs_complement") and p.particle_obj is None and not oprd and not p.preps and for_to is None:
        return None  # "called a meeting"
    if head_toks and not rest and not entry.get("object_ok") and not words_obj and not any(
            t.lower_ in preps_ok for t in _subtree(head_toks[0])):
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
    if for_to is not None and a == for_to.left_edge.i:
        a += 1  # the content is what is called for, without the "for"
    return _Frame(a, b, kind, cue_text, _channel_of(cue, entry, [], False))


def _for_to_clause(clauses: list["Token"], preps_ok: set[str]) -> "Token | None":
    """"called for the mayor to be tried": an infinitive with a subject of its own that opens with "for", which
    the parser hangs on the cue as a clause marked by "for" (no preposition), for a cue whose content "for"
    introduces (issue 11)."""
    if "for" not in preps_ok:
        return None
    return next((c for c in clauses if c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c))), None)


def _bare_clause_end(obj: "Token") -> int | None:
    """The sentence's end where a finite auxiliary follows the object: a clause without "that" to its end."""
    doc, k, end = obj.doc, obj.right_edge.i + 1, _sent_of(obj).end
    if k >= end or doc[k].pos_ != "AUX" or doc[k].tag_ not in ("VBZ", "VBD", "VBP", "MD"):
        return None
    while end - 1 > k and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _stray_that_clause(cue: "Token") -> "Token | None":
    """A that-clause with its own subject that the parser attached below the cue's object or
    prepositional phrase instead of to the cue. Below any other noun of a prepositional phrase ("told media
    during a visit to X on Sunday that ...", the clause read as the visit's), the clause must open
    with its "that" (speak19)."""
    lex = lexicon()
    for c in _children(cue):
        if c.i < cue.i or c.dep_ not in ("dobj", "dative", "prep"):
            continue
        hosts = [c]
        if c.dep_ == "prep":
            hosts = [g for g in _children(c) if g.dep_ == "pobj"]
        for h in hosts:
            named = h.dep_ != "pobj" or h.lemma_.lower() in lex["channel_nouns"] or h.lemma_.lower() in lex["medium_nouns"]
            for t in _children(h):
                if t.dep_ in ("acl", "relcl", "ccomp") and t.i > cue.i and any(
                        g.dep_ == "mark" and g.lower_ == "that" and (named or g.i == t.left_edge.i)
                        for g in _children(t)) and any(g.dep_ in _SUBJ for g in _children(t)):
                    return t
    return None


def _that_as_object(cue: "Token") -> "Token | None":
    """The complementizer "that" right after a clause cue that the parser took for its object or a
    preposition, with the reported clause's words below it ("Walt added that Ada's attempt to ... shows
    ..."): the words after it are what was said."""
    for o in _children(cue):
        if o.dep_ in ("dobj", "prep") and o.lower_ == "that" and o.tag_ == "IN" and o.i == cue.i + 1 \
                and o.right_edge.i > o.i + 2:
            return o
    return None


def _claim_clause(obj: "Token", nouns: "Iterable[str] | None" = None) -> "Token | None":
    """The that-clause of a claim noun ("claims that ...", "reports that ..."), or of one of ``nouns``."""
    nouns = lexicon()["claim_nouns"] if nouns is None else nouns
    if obj.lemma_.lower() not in nouns and obj.lower_ not in nouns:
        return None
    for c in _children(obj):
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in _children(c)):
            return c
    return None


def _has_prep(objs: list["Token"], preps: list["Token"], preps_ok: set[str]) -> bool:
    if preps:
        return True
    return any(t.dep_ == "prep" and t.lower_ in preps_ok for o in objs for t in _subtree(o))


def _inverted(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"..., the ministry said." parsed with the cue hanging off the reported clause; else a headline's
    "..., Says Governor X" that the parser hung under the clause before the comma."""
    head = cue.head
    if head.i == cue.i:
        return _inverted_root(cue, cue_text, kind)
    return _inverted_clause(cue, cue_text, kind) or _inverted_headline(cue, cue_text, kind)


def _inverted_clause(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    head = cue.head
    if cue.dep_ not in ("parataxis", "advcl", "conj", "ccomp") or head.i == cue.i or head.i > cue.i:
        return None
    subj = _own_subject(cue)
    cut = None
    if subj is None:  # "X will be replaced by Y, the listed firm said": the subject hung on Y as an apposition
        subj, cut = _trailing_subject(cue)
    if subj is None or subj.i > cue.i:
        return None
    # the attribution closes its sentence and follows a comma: "X happened, the ministry said."
    sent_end = _sent_of(cue).end
    rest = [t for t in cue.doc[cue.right_edge.i + 1:sent_end] if not t.is_space]
    if any(not t.is_punct for t in rest) and not _participle_after(rest):
        return None
    before = subj.left_edge.i - 1
    if before < 0 or cue.doc[before].text not in (",", "\"", "”", "("):
        return None  # "..., the ministry said", "... (officials reported earlier)"
    a = head.left_edge.i
    b = cue.left_edge.i if cut is None else cut
    while a < b and (_is_dateline(cue.doc[a]) or cue.doc[a].is_punct or cue.doc[a].is_space):
        a += 1  # "BORVIK — X happened, ... said": the dateline is not what was said
    if b - a < 3:
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True)


def _inverted_root(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"Suspect held over shootings, city police say": the parser made the reported clause a second
    subject of the cue. The attribution (subject, cue) closes the sentence right after a comma."""
    doc = cue.doc
    subjects = [c for c in _children(cue) if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if len(subjects) < 2:
        return _inverted_headline(cue, cue_text, kind)
    subj = subjects[-1]
    rest = [t for t in doc[cue.i + 1:_sent_of(cue).end] if not t.is_space]
    if any(not t.is_punct for t in rest):
        return None
    comma = subj.left_edge.i - 1
    if comma <= _sent_of(cue).start or doc[comma].text != ",":
        return None
    a, b = _sent_of(cue).start, comma
    while a < b and (_is_dateline(doc[a]) or doc[a].is_punct or doc[a].is_space):
        a += 1
    if b - a < 3:
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True)


def _inverted_headline(cue: "Token", cue_text: str, kind: str | None) -> _Frame | None:
    """"Port shutdown could last weeks, warns dockers' leader": a present-tense cue right after a comma
    whose speaker, after it, closes the sentence (the parser took the speaker for an object)."""
    doc = cue.doc
    if cue.tag_ != "VBZ" or cue.i == _sent_of(cue).start or doc[cue.i - 1].text != ",":
        return None
    after = [c for c in _children(cue) if c.i > cue.i and c.dep_ in ("dobj", "dative", "nsubj", "attr")]
    if len(after) != 1 or after[0].pos_ not in ("NOUN", "PROPN"):
        return None
    spk = after[0]
    rest = [t for t in doc[spk.right_edge.i + 1:_sent_of(cue).end] if not (t.is_space or t.is_punct)]
    if rest:
        return None
    a, b = _sent_of(cue).start, cue.i - 1
    while a < b and (_is_dateline(doc[a]) or doc[a].is_punct or doc[a].is_space):
        a += 1
    if b - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
        return None
    return _Frame(a, b, kind, cue_text, None, inverted=True, speaker=spk.i)


def _inverted_with(cue: "Token", word: "Token", entry: dict) -> _Frame | None:
    """"Inflation has eased, pointed out the governor": the cue and its word after a comma, the speaker
    (which the parser takes for the object) closing the sentence, what was said before the comma."""
    doc = cue.doc
    if cue.i == _sent_of(cue).start or doc[cue.i - 1].text != "," or word.i != cue.i + 1:
        return None
    after = [c for c in list(_children(cue)) + list(_children(word))
             if c.i > word.i and c.dep_ in ("dobj", "pobj", "nsubj", "attr")]
    if len(after) != 1 or after[0].pos_ not in ("NOUN", "PROPN"):
        return None
    spk = after[0]
    if any(not (t.is_space or t.is_punct) for t in doc[spk.right_edge.i + 1:_sent_of(cue).end]):
        return None
    a, b = _sent_of(cue).start, cue.i - 1
    while a < b and (_is_dateline(doc[a]) or doc[a].is_punct or doc[a].is_space):
        a += 1
    if b - a < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
        return None
    return _Frame(a, b, entry.get("kind"), doc[cue.i:word.i + 1].text, None, inverted=True, speaker=spk.i)


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
        if d.subject_i < inv.cue_i and _sent_of(doc[inv.cue_i]).start == _sent_of(tok).start and \
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


def _this_is_what(cue: "Token") -> _Frame | None:
    """"<A sentence.> This is what the minister said during the talks": the sentence just before, in the same
    paragraph, is what the cue's subject said."""
    doc = cue.doc
    be = cue.head
    if not any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < cue.i for c in _children(cue)) or be.i == cue.i \
            or be.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and c.lower_ in ("this", "that") for c in _children(be)):
        return None
    sent = _sent_of(cue)
    if be.i > sent.start + 2 or sent.start == 0:
        return None  # "This is what" opens the sentence
    prev = _sent_of(doc[sent.start - 1])
    if "\n" in doc[prev.start:sent.start].text_with_ws.rstrip() or len(prev) < 4:
        return None  # not across a paragraph break
    kind = lexicon()["cues"].get(cue.lemma_.lower(), {}).get("kind")
    return _Frame(prev.start, prev.end, kind, cue.text)


def _closing_root(cue: "Token") -> bool:
    """A cue the tagger took for a participle (VBN, no auxiliary) that is a finite past tense: the root of its
    sentence with a subject before it, or closing it and governing a reported clause before it
    ('"...," the 58-year-old alleged.')."""
    doc = cue.doc
    if cue.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.i < cue.i for c in _children(cue)):
        return True  # "X on Thursday rejected as ... the results": a root with a subject is finite
    return cue.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < cue.i for c in _children(cue)) and all(
        t.is_punct or t.is_space for t in doc[cue.i + 1:_sent_of(cue).end])


def _colon_quote(cue: "Token", quotes: list[Quote], starts: list[int]) -> _Frame | None:
    """"X told the assembly: \"...\"" where the parser left the quote unattached: the quote after the colon."""
    doc = cue.doc
    text = doc_text(doc)
    colon_tok = next((c for c in _children(cue) if c.text == ":" and c.i > cue.i), None)
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
    objs = [c for c in _children(cue) if c.dep_ in ("dobj", "dative")]
    channel = _subtree_range(objs[0]) if objs and lexicon()["cues"].get(cue.lemma_.lower(), {}).get("audience") else None
    return _Frame(span.start, span.end, lexicon()["cues"][cue.lemma_.lower()].get("kind"),
                  cue.text, channel)


def _quote_before(cue: "Token", quotes: list[Quote], starts: list[int]) -> _Frame | None:
    """"\"A,\" she said, \"and B.\"" where the parser hung the first quote on the second: the quote that
    closes right before the attribution's subject (a comma, "?" or "!" inside it) is what was said."""
    subj = _own_subject(cue)
    quoted = _quoted_as(cue) if subj is None else None
    if quoted is not None and quoted[0].i < cue.i and quoted[0].dep_ == "nsubjpass":
        subj = quoted[0]  # '"...," she was quoted by a regional paper as saying': the quote before the quoted man
    elif subj is None or subj.i > cue.i or cue.i - subj.right_edge.i > 3:
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
    to = next((c for c in _children(tok) if c.lower_ == "to"), None)
    src = next((g for g in _children(to) if g.dep_ == "pobj"), None) if to is not None else None
    if src is None:
        return None
    by = next((p for a in _children(src) if a.dep_ == "acl" and a.tag_ == "VBN" for ag in _children(a)
               if ag.dep_ == "agent" for p in _children(ag) if p.dep_ == "pobj"), None)
    if by is not None and src.ent_type_ not in ("PERSON", "ORG"):
        src = by  # "according to the results published by the commission": who published them speaks
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
