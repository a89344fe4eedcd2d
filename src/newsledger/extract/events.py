"""The ``events`` stage: PLOVER events with actors, targets, dates, places and status.

Approach, sentence by sentence over the parsed ``Doc`` (linear in its length):

1. **Triggers.** Each token (or phrase, "hunger strike") whose lemma has a sense in the PLOVER lexicon
   (``data/lexicons/plover_triggers.json``) and whose conditions hold ("call" + "on", "order" + "to
   leave", "fire" + "tear gas") is a trigger; the first matching sense gives type, mode and CAMEO code.
   Adjectival participles ("frozen assets") and the content of a verbal act ("urged X *to release* Y":
   the release is what was asked for, not an event) are skipped, and so are embedded questions
   ("whether to release him").
2. **Participants** come from the syntax and are mapped to entities with
   :class:`~newsledger.extract._index.EntityIndex`: subject → source, object or the sense's
   preposition ("talks *with*", "visit *to*", "call *on*") → target; in the passive the subject is the
   target and the ``by`` agent the source (no agent: no source, never a guess); conjuncts, appositions
   and relative pronouns are followed; proxy nouns ("the X delegation", "its spokesman") stand for the
   entity modifying them. Nouns take their actor from a possessor or compound ("X's visit", "an X
   ambush"), from a light verb ("*held* talks"), or from the clause they sit in ("*during* a visit").
   A pronoun or a generic agent ("officers") inside a statement stands for the statement's speaker.
3. **Date**: the time expression attached to the trigger (its own modifiers), else the one of the
   clause it depends on (a participle, a conjunct, a light verb), else the date of the statement it is
   reported in, else null. **Location**: a place entity in the trigger's place phrase ("in Kyiv").
4. **Status**: negation → negated; modals "could/might", conditionals → hypothetical; "will/would",
   governors such as "expect", "set for" → future; otherwise the status implied by the statement the
   trigger is reported in (a prediction or demand → future, a denial → negated); else asserted.
5. **One event per act.** A noun trigger of the same type in a prepositional phrase of a verb trigger
   ("killed in an ambush", "visits ... for talks") and conjoined verbs of the same type are one event;
   then mentions of the same type and mode whose participants agree and whose dates do not conflict
   are merged (``evidence`` is the sentence of the first mention, ``mentions`` every trigger span).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from ..pipeline import Found, stage
from ..records import Entity, Event, Span, Statement, Time, TimeValue
from ._index import EntityIndex
from .events_lexicon import Lexicon, Sense, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

__all__ = ["find_events"]

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "through", "around"})
# a noun trigger in one of these phrases happens in the clause's own act ("told X *during a visit*",
# "arrested *on suspicion*"); not "after his arrest", "since the attack" (other acts, other actors)
_OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})
_SETTING_PREPS = frozenset({"during", "in", "at", "on", "through", "via"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj", "parataxis"})
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_OBJ_DEPS = frozenset({"dobj", "obj"})
_RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "me", "its", "their",
                       "his", "our", "my"})
_CO_PARTICIPANT = frozenset({"along", "together"})
_PHYSICAL_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "RETREAT"})
_CONTENT_OBJECT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_REASON_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION", "COERCE"})
_NP_MODIFIER = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
_HORIZON_PREPS = frozenset({"until", "till", "by", "within", "before"})  # deadlines, not dates


# ----------------------------------------------------------------------------------------- helpers
@dataclass
class _Ctx:
    """What the per-sentence work needs about the whole document."""

    doc: "Doc"
    text: str  # doc.text, read once (spaCy builds it anew on each access)
    lex: Lexicon
    index: EntityIndex
    types: dict[str, str]
    affiliation: dict[str, frozenset[str]]
    statements: "_Statements"
    times_at: dict[int, list[Time]]  # token index of the attachment point -> times
    anchors: dict[int, Sense] = field(default_factory=dict)  # token index -> sense of the trigger there
    dateline: frozenset[int] = frozenset()  # tokens of a dateline ("KYIV —"): never an actor
    name_words: dict[str, list[tuple[frozenset[str], str]]] = field(default_factory=dict)
    described: dict[str, set[str]] = field(default_factory=dict)  # word of an apposition -> entity ids


@dataclass
class _Raw:
    """An event mention while it is being built."""

    sense: Sense
    tokens: list["Token"]
    anchor: "Token"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    date: TimeValue | None = None
    status: str = "asserted"
    mode: str | None = None
    mentions: list[Span] = field(default_factory=list)
    sentence: Span | None = None
    absorbed: bool = False
    keep: bool = True  # False: too little to stand alone, but may still be a mention of another event
    soft_date: bool = False  # the date is the statement's, not the event's own
    type: str = ""

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)


def _add(out: list[str], ids: Iterable[str | None]) -> None:
    for i in ids:
        if i and i not in out:
            out.append(i)


def _conjuncts(tok: "Token") -> list["Token"]:
    """The token and the tokens conjoined with it ("X, Y and Z")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop(0)
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _pobjs(prep: "Token") -> list["Token"]:
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return [t for o in objs for t in _conjuncts(o)]


def _children(tok: "Token", deps: Iterable[str]) -> list["Token"]:
    deps = set(deps)
    return [c for c in tok.children if c.dep_ in deps]


def _time_value(t: Time) -> TimeValue:
    return TimeValue(t.value, t.text)


# ------------------------------------------------------------------------------------- entities
def _entity_of(tok: "Token", ctx: _Ctx, depth: int = 0) -> str | None:
    """The entity a noun phrase headed by ``tok`` stands for, or None."""
    if depth > 3:
        return None
    if tok.lower_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.tag_ in ("WDT", "WP", "WP$", "IN"):
        return _entity_of(tok.head.head, ctx, depth + 1)
    if tok.i in ctx.dateline:
        return None
    eid = ctx.index.at(tok.idx, tok.idx + len(tok.text))
    if eid is None and depth == 0 and tok.lower_ in ("him", "her", "them") and tok.dep_ in _OBJ_DEPS:
        for antecedent in _matrix_objects(tok.head):
            if tok.lower_ != "them" and not _is_person(antecedent, ctx):
                continue  # "him" is not "the country"
            eid = _entity_of(antecedent, ctx, depth + 1)
            if eid:
                return eid
    if eid:
        if ctx.types.get(eid) in ("GPE", "NORP") and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None  # "a Belarusian convicted of spying" is a person, not the country
        return eid
    for ap in _children(tok, ("appos",)):
        eid = _entity_of(ap, ctx, depth + 1)
        if eid:
            return eid
    if tok.dep_ == "appos" and depth <= 2 and tok.head.i not in ctx.dateline:  # "X, the journalist freed"
        eid = ctx.index.at(tok.head.idx, tok.head.idx + len(tok.head.text))
        if eid:
            return eid
    eid = _by_description(tok, ctx)
    if eid:
        return eid
    if tok.lemma_.lower() in ctx.lex.proxy_heads or tok.lower_ in ctx.lex.proxy_heads:
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                eid = _entity_of(c, ctx, depth + 1)
                if eid:
                    return eid
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "at"):
                for o in _pobjs(c):
                    eid = _entity_of(o, ctx, depth + 1)
                    if eid:
                        return eid
    return None


def _matrix_objects(verb: "Token") -> list["Token"]:
    """Objects of the clauses a participle hangs on, nearest first: "ordered *a diplomat* to leave the
    country, accusing him" (a pronoun object of the participle most often means one of them)."""
    out: list["Token"] = []
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return out
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("advcl", "xcomp", "conj") or cur.head is cur:
            break
        cur = cur.head
        out.extend(c for c in cur.children if c.dep_ in _OBJ_DEPS and c.lower_ not in _PRONOUNS)
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[^a-z0-9]+", text.lower()) if w)


def _name_words(entities: Sequence[Entity]) -> dict[str, list[tuple[frozenset[str], str]]]:
    """Head word -> (words of a name, alias or title, entity id), for descriptions of named entities."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for e in entities:
        for name in {e.name, *e.aliases, *(e.attributes.titles if e.type == "PERSON" else ())}:
            ws = _words(name)
            for w in ws:
                out.setdefault(w, []).append((ws, e.id))
    return out


def _by_description(tok: "Token", ctx: _Ctx) -> str | None:
    """A common-noun description of exactly one named entity: "the anti-corruption bureau" for the
    National Anti-Corruption Bureau, "a deputy infrastructure minister" for the person with that title.
    The head and every modifier must be words of the same name or title."""
    if tok.pos_ != "NOUN":
        return None
    words = {tok.lower_, tok.lemma_.lower()}
    if [c.lower_ for c in tok.children if c.dep_ != "punct"] == ["the"]:  # "the rebels" after "X, a rebel group"
        ids = set().union(*(ctx.described.get(w, set()) for w in words))
        return ids.pop() if len(ids) == 1 else None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.is_alpha]
    places = [t.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
              for t in c.subtree if t.pos_ == "PROPN"]  # "a court in the city of Grodno"
    if not mods and not places:
        return None  # a bare "the bureau" is left to the entities stage
    found = set()
    for ws, eid in ctx.name_words.get(tok.lower_, []) + ctx.name_words.get(tok.lemma_.lower(), []):
        if words & ws and all(m.lower_ in ws for m in mods) and (not places or any(p in ws for p in places)):
            found.add(eid)
    return found.pop() if len(found) == 1 else None


def _descriptions(doc: "Doc", index: EntityIndex) -> dict[str, set[str]]:
    """Words of the appositions that describe entities ("the SMPF, a leftist *rebel group*") -> ids."""
    out: dict[str, set[str]] = {}
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "NOUN" or index.at(tok.idx, tok.idx + len(tok.text)):
            continue
        head = tok.head
        conjs = [c for c in head.children if c.dep_ == "conj" and c.i < tok.i]
        if conjs:  # "X and Y, a rebel group": the apposition follows, and describes, Y
            head = conjs[-1]
        eid = index.at(head.idx, head.idx + len(head.text))
        if eid is None:
            continue
        for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "amod"))]:
            if t.pos_ in ("NOUN", "ADJ"):
                out.setdefault(t.lemma_.lower(), set()).add(eid)
    return out


def _actors(toks: Iterable["Token"], ctx: _Ctx) -> list[str]:
    out: list[str] = []
    for t in toks:
        _add(out, (_entity_of(c, ctx) for c in _conjuncts(t)))
    return out


def _speaker_stand_in(tok: "Token", ctx: _Ctx) -> str | None:
    """A pronoun or generic agent ("it", "we", "officers") inside a statement: its speaker's side."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    pronoun = low in _PRONOUNS
    if not pronoun and lemma not in ctx.lex.generic_agents and low not in ctx.lex.generic_agents:
        return None
    st = _statement_at(tok.idx, ctx)
    if st is None or not st.speaker:
        return None
    kind = ctx.types.get(st.speaker, "")
    if pronoun:
        if low in ("i", "we", "me", "us", "our", "my"):
            return st.speaker
        if low in ("it", "its") and kind in ("ORG", "GPE", "NORP"):
            return st.speaker
        if low in ("he", "she", "him", "her", "his") and kind == "PERSON":
            return st.speaker
        if low in ("they", "them", "their") and kind in ("ORG", "GPE", "NORP"):
            return st.speaker
        return None
    if kind in ("ORG", "GPE"):
        return st.speaker
    aff = sorted(ctx.affiliation.get(st.speaker, ()))
    return aff[0] if len(aff) == 1 else None


class _Statements:
    """Statements looked up by offset: those whose content (or quoted parts) or evidence covers it."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self._rows = sorted(((st.evidence.start, i, st) for i, st in enumerate(statements)), key=lambda r: r[:2])
        self._starts = [r[0] for r in self._rows]
        self._reach = max((st.evidence.end - st.evidence.start for st in statements), default=0)

    def around(self, offset: int) -> list[Statement]:
        """Statements whose evidence holds ``offset``."""
        hi = bisect.bisect_right(self._starts, offset)
        lo = bisect.bisect_left(self._starts, offset - self._reach)
        return [st for _s, _i, st in self._rows[lo:hi] if st.evidence.start <= offset < st.evidence.end]


def _statement_at(offset: int, ctx: _Ctx) -> Statement | None:
    """The statement whose content (or a quoted part) holds ``offset``: the innermost one."""
    best = None
    for st in ctx.statements.around(offset):
        spans = st.parts or (st.content,)
        if any(s.start <= offset < s.end for s in spans):
            if best is None or st.content.end - st.content.start < best.content.end - best.content.start:
                best = st
    return best


def _statement_with_cue(tok: "Token", ctx: _Ctx, conjuncts: bool = False) -> Statement | None:
    """The statement whose cue is this verb (the verbal act reports it); with ``conjuncts``, also that
    of a verb conjoined with it ("welcomed the vote but *urged* ...")."""
    verbs = [tok]
    if conjuncts:
        verbs += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if tok.dep_ == "conj":
            verbs.append(tok.head)
    for v in verbs:
        for st in ctx.statements.around(v.idx):
            if st.cue and not (st.content.start <= v.idx < st.content.end) and v.text.lower() in st.cue.lower().split():
                return st
    return None


# ------------------------------------------------------------------------------------- triggers
def _has(tok: "Token", key: str, words: frozenset[str]) -> bool:
    """Whether ``tok`` satisfies one condition of a sense (see plover_triggers.json)."""
    anyw = "*" in words
    if key == "prep":
        return any(c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ in words for c in tok.children)
    if key == "prt":
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in words for c in tok.children)
    if key == "dobj":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")]
        if tok.dep_ in ("acl", "relcl") and not objs:
            objs = [tok.head]
        heads = [o for c in objs for o in _conjuncts(c)]
        heads += [p for o in heads for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                  for p in _pobjs(c)]  # "20 million euros *in aid*", "a shipment *of weapons*"
        return any(o.lemma_.lower() in words or o.lower_ in words for o in heads)
    if key == "xcomp":
        return any(c.dep_ in ("xcomp", "ccomp") and (anyw or c.lemma_.lower() in words) for c in tok.children)
    if key == "oprd":
        return any(t.lemma_.lower() in words or t.lower_ in words
                   for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree)
    if key == "xsubj":  # "wants *Poland* to release": a complement clause with a subject of its own
        return any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   for c in tok.children)
    if key == "mod":
        return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in words for c in tok.children)
    if key == "pobj":
        return any(o.lemma_.lower() in words for c in tok.children if c.dep_ == "prep" for o in _pobjs(c))
    return False


def _phrase_at(sent: "SpacySpan", i: int, sense: Sense) -> list["Token"] | None:
    toks = []
    for k, w in enumerate(sense.words):
        j = i + k
        if j >= sent.end:
            return None
        t = sent.doc[j]
        if w not in (t.lemma_.lower(), t.lower_):
            return None
        toks.append(t)
    return toks


def _phrase_root(toks: list["Token"]) -> "Token":
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _match(sent: "SpacySpan", lex: Lexicon) -> list[tuple[Sense, list["Token"], "Token"]]:
    """Every trigger of the sentence, in text order: (sense, tokens, anchor token)."""
    out = []
    used: set[int] = set()
    for tok in sent:
        if tok.i in used:
            continue
        senses = lex.by_first.get(tok.lemma_.lower(), ()) or lex.by_first.get(tok.lower_, ())
        for sense in senses:
            toks = _phrase_at(sent, tok.i, sense)
            if toks is None:
                continue
            anchor = _phrase_root(toks)
            if anchor.pos_ not in sense.pos or anchor.dep_ == "amod":
                continue
            if anchor.pos_ != "VERB" and anchor.dep_ == "compound":  # "cease-fire talks": a modifier
                continue
            if anchor.pos_ == "VERB" and anchor.tag_ in ("VBN",) and anchor.dep_ in ("compound", "nmod"):
                continue
            if all(_has(anchor, k, v) for k, v in sense.needs.items()):
                out.append((sense, toks, anchor))
                used.update(t.i for t in toks)
                break
    return out


def _is_content_of_act(anchor: "Token", ctx: _Ctx) -> bool:
    """Whether the trigger lies in the complement of a verbal act ("urged X to *release* Y") or in an
    embedded question ("whether to *release* him")."""
    cur = anchor
    for _ in range(40):
        if cur.dep_ == "ROOT" or cur.head is cur:
            return False
        if cur.dep_ in ("xcomp", "ccomp", "advcl", "pcomp") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ == "whether" for c in cur.children):
            return True
        if cur.dep_ == "relcl":  # a relative clause about a participant reports a fact of its own
            return False
        head = cur.head
        to_clause = cur.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in cur.children)
        sense = ctx.anchors.get(head.i)
        if sense is not None:
            if sense.speech and (cur.dep_ in ("xcomp", "ccomp") or to_clause):
                return True
            # what is asked for or threatened: "demanded *the release* of X"
            if sense.type in _CONTENT_OBJECT_TYPES and cur.dep_ in _OBJ_DEPS:
                return True
            # what someone is accused, arrested or sentenced for: "charged *with aiding* her"
            if sense.type in _REASON_TYPES and cur.dep_ == "prep" and cur.lower_ in ("of", "for", "with"):
                return True
        cur = head
    return False


# ----------------------------------------------------------------------------------- participants
def _is_passive(verb: "Token") -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in _SUBJ_DEPS for c in verb.children):
        return _is_passive(verb.head)  # "was arrested ... and *sentenced*"
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):  # "the journalist *freed* in an exchange"
        return not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "nsubj") or (
            c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in verb.children)
    return False


def _subject(verb: "Token", ctx: _Ctx | None = None) -> "Token | None":
    """The subject of a verb, looking up through conjuncts, participles and control verbs; a dateline
    the parser took for a subject ("KYIV — The bureau arrested ...") is passed over."""
    skip = ctx.dateline if ctx is not None else frozenset()
    cur = verb
    for _ in range(8):
        for subj in (c for c in cur.children if c.dep_ in _SUBJ_DEPS):
            if subj.i not in skip:
                return subj
            follow = [c for c in subj.children if c.dep_ in ("appos", "conj")]  # past the dateline
            while follow:
                t = follow.pop(0)
                if t.i not in skip:
                    return t
                follow.extend(c for c in t.children if c.dep_ in ("appos", "conj"))
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":  # "the EU, which agreed": the antecedent
            return cur.head
        if cur.dep_ == "acl" and not _is_passive(cur) and cur.tag_ in ("VBD", "VBZ", "VBP", "VBG") and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):  # "the militia controlling X"
            return cur.head
        return None
    return None


def _agent(verb: "Token") -> list["Token"]:
    return [o for a in verb.children if a.dep_ == "agent" for o in _pobjs(a)]


def _prep_objects(tok: "Token", words: Iterable[str]) -> list[list["Token"]]:
    """The objects of each prepositional child of ``tok`` whose word is in ``words``, one group per prep
    ("with X and, days later, with Y" gives two groups)."""
    words = set(words)
    groups = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent", "prt") and c.lower_ in words:
            for p in [c] + [cc for cc in c.children if cc.dep_ == "conj" and cc.lower_ == c.lower_]:
                objs = _pobjs(p)
                if objs:
                    groups.append(objs)
    return groups


def _verb_targets(verb: "Token", sense: Sense, passive: bool) -> list[list["Token"]]:
    groups: list[list["Token"]] = []
    for ch in sense.target:
        if ch == "dobj" and not passive:
            objs = [c for c in verb.children if c.dep_ in _OBJ_DEPS]
            if objs:
                groups.append(objs)
        elif ch == "xsubj":
            for c in verb.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    groups.extend([g] for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif ch == "dative":
            for c in verb.children:
                if c.dep_ == "dative":
                    groups.append(_pobjs(c) if c.pos_ == "ADP" else [c])
        else:
            found = _prep_objects(verb, (ch,))
            if not found:  # "expressed appreciation *for* X": the object's complement
                for o in verb.children:
                    if o.dep_ in _OBJ_DEPS:
                        found = _prep_objects(o, (ch,))
            groups.extend(found)
    return groups


def _co_participants(tok: "Token") -> list["Token"]:
    """"along with X", "together with X"."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _CO_PARTICIPANT:
            for cc in c.children:
                if cc.dep_ == "prep" and cc.lower_ == "with":
                    out.extend(_pobjs(cc))
        elif c.dep_ == "prep" and c.lower_ == "with" and tok.pos_ == "VERB" and any(
                a.lower_ in _CO_PARTICIPANT for a in c.children if a.dep_ == "advmod"):
            out.extend(_pobjs(c))
    return out


def _governor(noun: "Token") -> tuple["Token | None", str]:
    """The verb a noun trigger depends on and how: ("light", "prep", "subj", "obj") or (None, "")."""
    head = noun.head
    if noun.dep_ in _OBJ_DEPS and head.pos_ in ("VERB", "AUX"):
        return head, "obj"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head, "subj"
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "prep"
    if noun.dep_ == "conj":
        return _governor(head)
    return None, ""


def _roles(raw: _Raw, ctx: _Ctx) -> tuple[list[list[str]], list[str], "Token | None", list["Token"]]:
    """Target groups (one event each), sources, the subject token, and the target head tokens."""
    sense, tok = raw.sense, raw.anchor
    sources: list[str] = []
    target_toks: list[list["Token"]] = []
    subj: "Token | None" = None
    if tok.pos_ == "VERB":
        passive = _is_passive(tok)
        if passive:
            if tok.dep_ == "acl":
                patient = [tok.head]
            else:
                patient = [c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")]
                if not patient and tok.dep_ in ("conj", "xcomp"):
                    s = _subject(tok, ctx)
                    patient = [s] if s is not None else []
            target_toks.append(patient + _co_participants(tok))
            sources = _actors(_agent(tok), ctx)
            extra = [g for g in _verb_targets(tok, sense, passive) if g]
            if not any(patient) and extra:
                target_toks = extra
        else:
            subj = _subject(tok, ctx)
            subj_toks = ([subj] if subj is not None else []) + _co_participants(tok)
            sources = _actors(subj_toks, ctx)
            if not sources and subj is not None:
                _add(sources, [_speaker_stand_in(subj, ctx)])
            target_toks = _verb_targets(tok, sense, passive)
    else:
        poss = [c for c in tok.children if c.dep_ == "poss"]
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                and c.i not in {t.i for t in raw.tokens}]
        of = [o for g in _prep_objects(tok, ("of",)) for o in g]
        if sense.patient:
            target_toks.append(poss + of)
            if mods and not poss and not of:
                target_toks.append(mods)
        else:
            sources = _actors(poss, ctx) or _actors(mods, ctx)
            if "of" not in sense.target and not sources:
                sources = _actors(of, ctx)
        _add(sources, _actors([o for g in _prep_objects(tok, sense.source_preps or ("by",)) for o in g], ctx))
        for g in _prep_objects(tok, [p for p in sense.target if p not in ("of", "dobj", "dative")]):
            target_toks.append(g)
        between = [o for g in _prep_objects(tok, ("between", "among")) for o in g]
        if between and sense.reciprocal:
            _add(sources, _actors(between, ctx))
        elif between:
            target_toks.append(between)
        gov, how = _governor(tok)
        if gov is not None and not sources:
            if how == "obj" and gov.lemma_.lower() in ctx.lex.light_verbs and not _is_passive(gov):
                subj = _subject(gov, ctx)
            elif how == "obj" and gov.lemma_.lower() in ctx.lex.light_verbs:
                subj = next(iter(_agent(gov)), None)
            elif how == "prep" and tok.head.lower_ in _SETTING_PREPS and not sense.patient:
                subj = _subject(gov, ctx) if not _is_passive(gov) else next(iter(_agent(gov)), None)
            if subj is not None:
                sources = _actors([subj], ctx) or [x for x in [_speaker_stand_in(subj, ctx)] if x]
        if gov is not None and how == "obj" and gov.lemma_.lower() in ctx.lex.light_verbs:
            target_toks.extend(_prep_objects(gov, [p for p in sense.target if p not in ("of", "dobj", "dative")]))
        if gov is not None and how == "prep" and sense.inherit_target:
            objs = [c for c in gov.children if c.dep_ in _OBJ_DEPS or c.dep_ == "nsubjpass"]
            target_toks.append(objs)
    groups = [_actors(g, ctx) for g in target_toks if g]
    groups = [g for g in groups if g]
    if sense.speech and tok.pos_ == "VERB":
        if not sources:  # the verbal act reported as a statement: its speaker
            st = _statement_with_cue(tok, ctx)
            if st is not None and st.speaker:
                sources = [st.speaker]
        if not groups:  # "agreed to open talks *with* X", "pledged never to raise arms *against* X"
            comp = _actors(_complement_objects(tok), ctx)
            groups = [[x for x in comp if x not in sources]] if comp else []
            groups = [g for g in groups if g]
    heads = [t for g in target_toks for t in g]
    return groups, sources, subj, heads


def _complement_objects(verb: "Token") -> list["Token"]:
    """Objects of "with", "against" and "to" phrases inside the complement clause of a verbal act."""
    out = []
    for comp in verb.children:
        if comp.dep_ not in ("xcomp", "ccomp"):
            continue
        todo = [(comp, 0)]
        while todo:
            t, depth = todo.pop()
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "against", "to"):
                    out.extend(_pobjs(c))
                elif depth < 2 and c.dep_ in ("dobj", "xcomp", "ccomp"):
                    todo.append((c, depth + 1))
    return out


def _is_group(tok: "Token", ctx: _Ctx) -> bool:
    """Security forces or a group of people as an unnamed actor ("police", "gunmen", "protesters")."""
    words = ctx.lex.generic_agents | ctx.lex.person_nouns
    return tok.lemma_.lower() in words or tok.lower_ in words


def _is_person(tok: "Token", ctx: _Ctx) -> bool:
    """Whether a noun phrase names people: a PERSON entity, a person noun ("hostages"), a name
    described by one ("hostage X"), or a personal pronoun."""
    eid = _entity_of(tok, ctx)
    if eid is not None and ctx.types.get(eid) == "PERSON":
        return True
    if tok.ent_type_ == "PERSON" or tok.lower_ in _PRONOUNS:
        return True
    nouns = ctx.lex.person_nouns
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns
               for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos", "nmod"))])


# --------------------------------------------------------------------------------- time, place
def _attach_times(doc: "Doc", times: Sequence[Time], anchors: dict[int, Sense]) -> dict[int, list[Time]]:
    """Each dated time expression -> the token it modifies.

    From the expression's root, climb through prepositions and nouns ("rejected the claims at a news
    conference *on Saturday*", where the parser often hangs the phrase on a noun) to the first trigger
    or verb; a time that is a modifier inside a noun phrase ("*Thursday's* vote") belongs to that noun. Deadlines ("until", "by", "within") are horizons, not
    dates, and attach nowhere.
    """
    out: dict[int, list[Time]] = {}
    for t in times:
        if t.type not in ("DATE", "TIME") or not t.value or t.value.startswith("P"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        first = span[0]
        before = doc[first.i - 1] if first.i > 0 else None
        if first.lower_ in _HORIZON_PREPS or (before is not None and before.lower_ in _HORIZON_PREPS):
            continue
        cur = span.root
        if cur.dep_ in _NP_MODIFIER:  # "Thursday's vote": the time of that noun
            out.setdefault(cur.head.i, []).append(t)
            continue
        for _ in range(12):
            head = cur.head
            if head is cur:
                break
            if cur.i != span.root.i and (cur.i in anchors or cur.pos_ in ("VERB", "AUX")):
                break
            cur = head
        out.setdefault(cur.i, []).append(t)
    return out


def _own_time(tok: "Token", ctx: _Ctx) -> TimeValue | None:
    """The time attached to ``tok``; of several, one inside its own phrase and nearest to it."""
    ts = ctx.times_at.get(tok.i)
    if not ts:
        return None
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    best = min(ts, key=lambda t: (not (lo <= t.start < hi), abs(t.start - tok.idx)))
    return _time_value(best)


def _inherited_time(tok: "Token", ctx: _Ctx) -> TimeValue | None:
    """The time of the clause a trigger depends on: participles, conjuncts, light and aspectual verbs."""
    cur = tok
    for _ in range(6):
        if cur.pos_ == "VERB":
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "with Russia abstaining"
                cur = cur.head.head
            elif cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OTHER_TIME_MARKS for c in cur.children):
                return None  # "a week *after* the court sentenced her": another time
            elif cur.dep_ in ("conj", "advcl", "xcomp", "acl") and cur.head is not cur:
                cur = cur.head  # an acl ("a truce brokered by X") takes its noun's time
                if cur.pos_ != "VERB":
                    tv = _own_time(cur, ctx) or _inherited_time(cur, ctx)
                    return tv
            else:
                return None
        else:
            gov, how = _governor(cur)
            if gov is None:
                return None
            lemma = gov.lemma_.lower()
            if how == "obj" and lemma not in ctx.lex.light_verbs:
                return None
            if how == "subj" and lemma not in ctx.lex.aspectual_verbs:
                return None
            cur = gov
        tv = _own_time(cur, ctx)
        if tv is not None:
            return tv
    return None


def _place(tok: "Token", ctx: _Ctx) -> str | None:
    """A place entity in a place phrase of the trigger (or of the clause a noun trigger sits in)."""
    cands = [tok]
    gov, _how = _governor(tok) if tok.pos_ != "VERB" else (None, "")
    if gov is not None:
        cands.append(gov)
    for c in cands:
        for prep in c.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            for o in _pobjs(prep):
                eid = _entity_of(o, ctx)
                if eid and ctx.types.get(eid) in _PLACE_TYPES:
                    return eid
                for p2 in o.children:  # "from their home in X"
                    if p2.dep_ == "prep" and p2.lower_ in ("in", "at", "near"):
                        for o2 in _pobjs(p2):
                            eid = _entity_of(o2, ctx)
                            if eid and ctx.types.get(eid) in _PLACE_TYPES:
                                return eid
    return None


# ------------------------------------------------------------------------------------- status
def _clause_verb(tok: "Token") -> "Token":
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _status(raw: _Raw, ctx: _Ctx, ignore_negation: bool = False) -> str:
    lex = ctx.lex
    tok = raw.anchor
    near = [tok]
    if tok.pos_ != "VERB":  # a noun: the verb it is the object of, when that verb only carries it
        gov, how = _governor(tok)
        if gov is not None and how in ("obj", "subj") and gov.lemma_.lower() in lex.light_verbs | lex.aspectual_verbs:
            near.append(gov)
    kids = [c for v in near for c in v.children]
    if not ignore_negation and any(
            c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")) for c in kids):
        return "negated"
    status = None
    if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in kids):
        status = "hypothetical"
    auxes = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
    if status is None and any(a in lex.hypothetical_aux for a in auxes):
        status = "hypothetical"
    if status is None and any(a in lex.future_aux for a in auxes):
        status = "future"
    if status is None:  # governed: "expects the release", "set for release", "risked sliding"
        cur = tok
        for _ in range(4):
            head = cur.head
            if head is cur:
                break
            lemma = head.lemma_.lower()
            if cur.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "prep", "pcomp") or head.pos_ == "ADP":
                if lemma in lex.negating_governors and not ignore_negation:
                    return "negated"
                if lemma in lex.hypothetical_governors:
                    status = "hypothetical"
                    break
                if lemma in lex.future_governors and head.i not in ctx.anchors:
                    status = "future"
                    break
                if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("ccomp",):
                    break
                cur = head
                continue
            break
    if status is None and not _past(near[-1]):
        st = _statement_at(tok.idx, ctx)
        if st is not None:
            status = lex.statement_status.get(st.kind)
            if status == "negated" and ignore_negation:
                status = None
    return status or "asserted"


def _past(verb: "Token") -> bool:
    """A clause in the past or perfect ("freed", "had arrested"): what a statement reports as done."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "was", "were", "did")
               for c in verb.children)


def _complement_mode(raw: _Raw, ctx: _Ctx) -> str | None:
    """REQUEST, REJECT and THREATEN modes from the act asked for, refused or threatened: "urged X to
    *talk*" -> meet, "threatened to *expel*" -> expel."""
    table = ctx.lex.complement_modes.get(raw.type)
    if raw.sense.mode or not table:
        return raw.sense.mode
    for c in raw.anchor.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)):
            return table.get(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ in ("for", "with"):
            for o in _pobjs(c):
                mode = table.get(o.lemma_.lower())
                if mode:
                    return mode
    return None


# ------------------------------------------------------------------------------------- building
def _build(sense: Sense, toks: list["Token"], anchor: "Token", sent: "SpacySpan", ctx: _Ctx) -> list[_Raw]:
    text = ctx.text
    raw = _Raw(sense, toks, anchor)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    raw.mentions = [Span.of(text, start, end)]
    raw.sentence = Span.of(text, sent.start_char, sent.end_char)
    groups, sources, subj, heads = _roles(raw, ctx)
    raw.type = sense.type
    raw.status = _status(raw, ctx)
    if raw.status == "negated" and sense.negated_as:  # "would not concede": a rejection
        raw.type, raw.status = sense.negated_as, _status(raw, ctx, ignore_negation=True)
    keep = True
    if sense.only_status and raw.status not in sense.only_status:
        return []
    if raw.status == "negated" and sense.speech:  # "did not blame him": no act took place
        return []
    if sense.person_target and not any(_is_person(t, ctx) for t in heads):
        keep = False
    if sense.target_entity and not groups:
        keep = False
    if not sources and not groups:
        anonymous = subj is not None and sense.type in _PHYSICAL_TYPES and _is_group(subj, ctx)
        if sense.standalone != "always" and not (sense.standalone == "subject" and subj is not None) and not anonymous:
            keep = False  # no actor at all; but "police detained 14 protesters" is an event
    raw.mode = _complement_mode(raw, ctx)
    raw.location = _place(anchor, ctx)
    raw.date = _own_time(anchor, ctx) or _inherited_time(anchor, ctx)
    if raw.date is None:
        st = _statement_at(anchor.idx, ctx) or _statement_with_cue(anchor, ctx, conjuncts=sense.speech)
        raw.date = st.date if st is not None else None
        raw.soft_date = raw.date is not None
    if keep and not sources and not groups and sense.standalone == "always" and (raw.soft_date or raw.date is None):
        keep = raw.location is not None  # a bare "the ceasefire", in no time or place, is a reference
    if sense.reciprocal and len(sources) > 1 and not groups:
        groups = [list(sources)]
    out = []
    for g in groups or [[]]:
        out.append(_Raw(sense, toks, anchor, list(sources), list(g), raw.location, raw.date, raw.status, raw.mode,
                        list(raw.mentions), raw.sentence, keep=keep, type=raw.type, soft_date=raw.soft_date))
    return out


def _absorb(raws: list[_Raw], ctx: _Ctx) -> None:
    """One act, two words: a noun trigger in a prep phrase of a verb trigger of the same type ("killed
    in an ambush"), a verb whose subject is a same-type noun trigger ("clashes that killed"), and
    conjoined verbs and participles of the same type sharing their subject ("exchanged prisoners, *freeing*
    X") become one event."""
    by_anchor: dict[int, _Raw] = {}
    for r in raws:
        by_anchor.setdefault(r.anchor.i, r)
    for r in raws:
        if r.absorbed:
            continue
        tok = r.anchor
        host: _Raw | None = None
        if tok.pos_ != "VERB":
            gov, how = _governor(tok)
            if gov is not None and how in ("prep", "obj") and gov.i in by_anchor:  # "imposed sanctions"
                host = by_anchor[gov.i]
        else:
            subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
            if subj is not None and subj.lower_ in _RELATIVE and tok.dep_ == "relcl" and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
            elif subj is None and tok.dep_ in ("conj", "advcl") and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
        if host is None or host is r or host.absorbed or host.type != r.type:
            continue
        _merge_into(host, r)
        host.keep = host.keep or bool(host.source or host.target)


def _merge_into(host: _Raw, r: _Raw) -> None:
    _add(host.source, r.source)
    _add(host.target, r.target)
    host.location = host.location or r.location
    if host.date is None or (host.soft_date and r.date is not None and not r.soft_date):
        host.date, host.soft_date = r.date, r.soft_date
    host.mode = host.mode or r.mode
    host.mentions.extend(r.mentions)  # put in order, without repeats, when the event is written
    r.absorbed = True


def _dates_agree(a: _Raw, b: _Raw) -> bool:
    """Dates of two mentions can be the same act's: equal, one within the other, or one unknown or only
    the date of the statement reporting it."""
    if a.soft_date or b.soft_date:
        return True
    return _values_agree(a.date, b.date)


def _values_agree(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _same_act(a: _Raw, b: _Raw, ctx: _Ctx) -> bool:
    if a.type != b.type or a.mode != b.mode:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    if not _dates_agree(a, b):
        return False
    if (a.sense.speech or b.sense.speech) and a.sense.lemma != b.sense.lemma and "VERB" == a.anchor.pos_ == b.anchor.pos_:
        return False  # two verbal acts, unless one is a noun referring back ("promised ... the pledge")
    shared = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            if not _overlap(x, y, ctx):
                return False
            shared = True
    if not (a.source or a.target or b.source or b.target):
        return a.sense.lemma == b.sense.lemma
    return shared


def _overlap(x: list[str], y: list[str], ctx: _Ctx) -> bool:
    """The same actor on both sides, or a member and its organization ("Abu Marzook" and "Hamas");
    two members of one organization are not the same actor."""
    if set(x) & set(y):
        return True
    return any(i in ctx.affiliation.get(j, ()) or j in ctx.affiliation.get(i, ()) for i in x for j in y)


def _dedup(raws: list[_Raw], ctx: _Ctx) -> list[_Raw]:
    kept: list[_Raw] = []
    by_type: dict[str, list[_Raw]] = {}
    for r in sorted((r for r in raws if r.keep and not r.absorbed), key=lambda r: r.start):
        same = next((k for k in by_type.get(r.type, []) if _same_act(k, r, ctx)), None)
        if same is not None:
            if same.status != r.status and "asserted" in (same.status, r.status):
                same.status = "asserted"
            _merge_into(same, r)
            continue
        kept.append(r)
        by_type.setdefault(r.type, []).append(r)
    return kept


def _dateline(doc: "Doc") -> frozenset[int]:
    """The tokens of a dateline at the start of a paragraph: capitals before a dash ("KYIV —")."""
    out: set[int] = set()
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        head: list[int] = []
        if not toks or not toks[0].is_upper or not toks[0].is_alpha:
            continue
        for t in toks[:6]:  # "KYIV —", "TERESPOL, Poland —"
            if t.text in ("—", "–", "--", "-"):
                out.update(head)
                break
            head.append(t.i)
    return frozenset(out)


# ----------------------------------------------------------------------------------------- entry
def find_events(
    doc: "Doc",
    entities: Sequence[Entity],
    times: Sequence[Time],
    statements: Sequence[Statement] = (),
    published: dt.date | None = None,
) -> list[Event]:
    """The PLOVER events of a parsed article, ids ``v1, v2, ...`` in text order of first mention.

    ``published`` is accepted for symmetry with the other stages but never used as a date: an event
    with no time expression of its own and no dated statement around it has ``date`` null.
    """
    lex = lexicon()
    ents = list(entities)
    ctx = _Ctx(
        doc=doc, text=doc.text, lex=lex, index=EntityIndex(ents), types={e.id: e.type for e in ents},
        affiliation={e.id: frozenset(a for a in e.attributes.affiliation if a.startswith("e")) for e in ents},
        statements=_Statements(statements), times_at={},
    )
    ctx.dateline = _dateline(doc)
    ctx.name_words = _name_words(ents)
    ctx.described = _descriptions(doc, ctx.index)
    matched = []
    for sent in doc.sents:
        for sense, toks, anchor in _match(sent, lex):
            matched.append((sense, toks, anchor, sent))
            ctx.anchors[anchor.i] = sense
    ctx.times_at = _attach_times(doc, times, ctx.anchors)
    raws: list[_Raw] = []
    for sense, toks, anchor, sent in matched:
        if _is_content_of_act(anchor, ctx):
            continue
        raws.extend(_build(sense, toks, anchor, sent, ctx))
    _absorb(raws, ctx)
    events = []
    kept = _dedup(raws, ctx)
    for r in kept:
        r.mentions = sorted(set(r.mentions), key=lambda m: (m.start, m.end))
    for n, r in enumerate(sorted(kept, key=lambda r: r.start), 1):
        events.append(Event(
            id=f"v{n}", type=r.type, mode=r.mode, trigger=r.mentions[0], evidence=r.sentence or r.mentions[0],
            source=tuple(r.source), target=tuple(t for t in r.target if t not in r.source or r.sense.reciprocal),
            location=r.location, date=r.date, status=r.status, mentions=tuple(r.mentions), cameo=r.sense.cameo,
        ))
    return events


@stage("events", provides=["events"], requires=["entities", "times", "statements"])
def events_stage(doc: "Doc", found: Found) -> dict:
    return {"events": find_events(doc, found.entities, found.times, found.statements, found.published)}
