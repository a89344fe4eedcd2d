"""Syntax and entities for the events stage: who a noun phrase stands for, subjects, agents, objects.

A noun phrase maps to an entity through :class:`~newsledger.extract._index.EntityIndex` (its head's
mention), else an apposition ("X, *the sailor* freed"), else a description of a named entity ("the
water board", "the movement" after "X, an armed movement"), else the entity modifying a proxy noun
("the X delegation", "X's spokesman", "officials from X"). Subjects are found through conjuncts,
participles, relative clauses and control verbs; datelines ("VELMAR —") are never actors. A pronoun or a
generic agent ("it", "officers") inside a statement stands for the statement's speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from ...analysis.clause import subtree as _subtree
from ...analysis.clause import children as _children
from ...analysis import clause
from ...analysis.reference import only_carrier, relative_antecedent
from ...analysis.words import word_class
from ...records import Entity, Statement, Time
from .._doc import attr_lists, tokens
from .._index import EntityIndex
from .lexicon import Lexicon, Sense, lexicon
from .kinds import every_of_kind, implied_bodies, implied_body, kind_bodies, of_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "SUBJ_DEPS", "SETTING_PREPS", "OBJ_DEPS", "RELATIVE", "PRONOUNS", "Context", "add_ids", "conjuncts", "pobjs", "children",
    "entity_of", "matrix_objects", "word_set", "name_words", "by_description", "descriptions", "actors",
    "speaker_stand_in", "speaker_side", "StatementIndex", "statement_at", "statement_with_cue", "is_passive", "subject",
    "agents_of", "prep_objects", "governor", "is_group", "is_person", "kind_bodies", "implied_body", "implied_bodies", "every_of_kind",
    "light_clause",
]

SUBJ_DEPS = clause.CLAUSAL_SUBJECT_DEPS
# a noun trigger in one of these phrases happens in its clause's own act ("signed X *during a visit*",
# "detained *on suspicion*"); not "after his arrest", "under a truce" (other acts, other times)
SETTING_PREPS = frozenset({"during", "in", "at", "on", "through", "via"})
OBJ_DEPS = frozenset({"dobj", "obj"})
RELATIVE = word_class("relative_pronouns")
PRONOUNS = frozenset().union(*(word_class(c) for c in (
    "male_pronouns", "female_pronouns", "plural_pronouns", "neuter_pronouns", "first_person")))


@dataclass
class Context:
    """What the per-sentence work needs about the whole document."""

    doc: "Doc"
    text: str  # doc.text, read once (spaCy builds it anew on each access)
    lex: Lexicon
    index: EntityIndex
    types: dict[str, str]
    affiliation: dict[str, frozenset[str]]
    statements: "StatementIndex"
    times_at: dict[int, list[Time]]  # token index of the attachment point -> times
    anchors: dict[int, Sense] = field(default_factory=dict)  # token index -> sense of the trigger there
    dateline: frozenset[int] = frozenset()  # tokens of a dateline ("VELMAR —"): never an actor
    name_words: dict[str, list[tuple[frozenset[str], str]]] = field(default_factory=dict)
    described: dict[str, set[str]] = field(default_factory=dict)  # word of an apposition -> entity ids
    last_parties: dict[str, list[str]] = field(default_factory=dict)  # kind -> the latest two parties
    party_tokens: dict[str, int] = field(default_factory=dict)  # party id -> a token of one of its mentions
    built: list = field(default_factory=list)  # event mentions built so far, in text order
    kind_bodies: dict[str, frozenset[str]] = field(default_factory=dict)  # kind noun -> bodies of that kind


def add_ids(out: list[str], ids: Iterable[str | None]) -> None:
    """Append the ids not yet in ``out`` (None skipped), keeping order."""
    for i in ids:
        if i and i not in out:
            out.append(i)


def conjuncts(tok: "Token") -> list["Token"]:
    """The token and the tokens conjoined with it ("X, Y and Z")."""
    return clause.conjuncts(tok)


def pobjs(prep: "Token") -> list["Token"]:
    """The objects of a preposition, conjuncts included."""
    objs = [c for c in _children(prep) if c.dep_ in ("pobj", "pcomp")]
    return [t for o in objs for t in conjuncts(o)]


def children(tok: "Token", deps: Iterable[str]) -> list["Token"]:
    deps = set(deps)
    return [c for c in _children(tok) if c.dep_ in deps]


def entity_of(tok: "Token", ctx: Context, depth: int = 0) -> str | None:
    """The entity a noun phrase headed by ``tok`` stands for, or None."""
    if depth > 3:
        return None
    if tok.lower_ in RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.tag_ in ("WDT", "WP", "WP$", "IN"):
        return entity_of(_antecedent(tok, ctx), ctx, depth + 1)
    if tok.lower_ == "whose" and tok.dep_ == "poss":  # "the two leaders *whose* arrest turned ...": the leaders
        cur = tok.head
        for _ in range(4):
            if cur.dep_ == "relcl":
                return entity_of(cur.head, ctx, depth + 1)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return None
    if tok.i in ctx.dateline:
        return None
    eid = ctx.index.at(tok.idx, tok.idx + len(tok.text))
    if eid is None and depth == 0 and tok.lower_ in ("him", "her", "them") and tok.dep_ in OBJ_DEPS:
        for antecedent in matrix_objects(tok.head):
            if tok.lower_ != "them" and not is_person(antecedent, ctx):
                continue  # "him" is not "the country"
            eid = entity_of(antecedent, ctx, depth + 1)
            if eid:
                return eid
    if eid:
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _children(tok))
        if indefinite and ctx.types.get(eid) in ("GPE", "NORP"):
            return None  # "a Tumbrian jailed for fraud" is a person, not the country
        return eid
    for ap in children(tok, ("appos",)):
        eid = entity_of(ap, ctx, depth + 1)
        if eid:
            return eid
    if tok.dep_ == "appos" and depth <= 2 and tok.head.i not in ctx.dateline:  # "X, the reporter released"
        eid = ctx.index.at(tok.head.idx, tok.head.idx + len(tok.head.text))
        if eid:
            return eid
    eid = by_description(tok, ctx)
    if eid:
        return eid
    if tok.lemma_.lower() in ctx.lex.proxy_heads or tok.lower_ in ctx.lex.proxy_heads:
        for c in _children(tok):
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                eid = entity_of(c, ctx, depth + 1)
                if eid and c.dep_ != "poss" and tok.lower_ in _WORKFORCE:
                    continue  # "Velmar rail workers", "Hexacorp staff": where or for whom they work, not who acts
                if eid:
                    return eid
        for c in _children(tok):
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "at"):
                for o in pobjs(c):
                    eid = entity_of(o, ctx, depth + 1)
                    if eid:
                        return eid
    return None


_PERSONAL_RELATIVES = word_class("personal_relatives")
_WORKFORCE = word_class("workforce_nouns")
_TITLE_TIMES = word_class("title_times")
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _antecedent(rel: "Token", ctx: Context) -> "Token":
    """The noun a relative pronoun refers to. "who" never refers to a place: in "a farmer from Velmar
    who was detained" the parser may hang the clause on the place; the person is the noun the place's
    preposition modifies."""
    ante = relative_antecedent(rel) or rel.head.head
    if rel.lower_ in _PERSONAL_RELATIVES and ante.dep_ == "pobj" and ante.head.dep_ == "prep":
        eid = ctx.index.at(ante.idx, ante.idx + len(ante.text))
        if eid is not None and ctx.types.get(eid) in _PLACE_TYPES and ante.head.head.pos_ in ("NOUN", "PROPN"):
            return ante.head.head
    return ante


def matrix_objects(verb: "Token") -> list["Token"]:
    """Objects of the clauses a participle hangs on, nearest first: "summoned *an attaché* to the
    ministry, accusing him" (a pronoun object of the participle most often means one of them)."""
    out: list["Token"] = []
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return out
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("advcl", "xcomp", "conj") or cur.head is cur:
            break
        cur = cur.head
        out.extend(c for c in _children(cur) if c.dep_ in OBJ_DEPS and c.lower_ not in PRONOUNS)
    return out


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def word_set(text: str) -> frozenset[str]:
    return frozenset(w for w in _NOT_WORD.split(text.lower()) if w)


def name_words(entities: Sequence[Entity]) -> dict[str, list[tuple[frozenset[str], str]]]:
    """Head word -> (words of a name, alias or title, entity id), for descriptions of named entities."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for e in entities:
        for name in {e.name, *e.aliases, *(e.attributes.titles if e.type == "PERSON" else ())}:
            ws = word_set(name)
            for w in ws:
                out.setdefault(w, []).append((ws, e.id))
    return out


def by_description(tok: "Token", ctx: Context) -> str | None:
    """A common-noun description of exactly one named entity: "the state water board" for the Velmar
    Water Board, "a senior fisheries commissioner" for the person with that title.
    The head and every modifier must be words of the same name or title."""
    if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and ctx.index.at(tok.idx, tok.idx + len(tok.text)) is None):
        return None  # a capitalized title outside any name ("The Health Minister is urging") describes too
    words = {tok.lower_, tok.lemma_.lower()}
    if [c.lower_ for c in _children(tok) if c.dep_ != "punct"] == ["the"]:  # "the movement" after "X, an armed movement"
        return only_carrier((eid for w in words for eid in ctx.described.get(w, ())), lambda eid: eid) \
            or of_kind(tok, ctx) or _titled(tok, ctx)
    if [c.lower_ for c in _children(tok) if c.dep_ not in ("punct", "acl", "relcl")] == ["the"]:
        return of_kind(tok, ctx)  # "the union representing the dockworkers"
    if tok.dep_ != "compound" \
            and [c.lower_ for c in _children(tok) if c.dep_ not in ("punct", "acl", "relcl", "cc", "conj")] == ["the"]:
        # "The police and soldiers arrested ...", "shot by the police"; not "a union official" (a person, not the
        # union). A bare "police" ("as police clashed with strikers") is left unnamed: the ledger would take an
        # untargeted act of the force for the same act as every other act of it that day
        kind = of_kind(tok, ctx)
        if kind:
            return kind
    # "a *former* justice minister": a word of time is no part of the title it describes (word class title_times)
    mods = [c for c in _children(tok) if c.dep_ in ("amod", "compound") and c.is_alpha and c.lower_ not in _TITLE_TIMES]
    places = [t.lower_ for c in _children(tok) if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
              for t in _subtree(c) if t.pos_ == "PROPN"]  # "a tribunal in the province of X"
    if not mods and not places:
        return None  # a bare "the board" is left to the entities stage

    def carrier(row: tuple[frozenset[str], str]) -> str | None:
        ws, eid = row
        carries = words & ws and all(m.lower_ in ws for m in mods) and (not places or any(p in ws for p in places))
        return eid if carries else None

    return only_carrier(ctx.name_words.get(tok.lower_, []) + ctx.name_words.get(tok.lemma_.lower(), []), carrier)


def _titled(tok: "Token", ctx: Context) -> str | None:
    """"the referee", "the magistrate": the one person of the article whose title is this very word (issue 11:
    "a player assaulted the referee" before the text names "referee X"); none or several such: None."""
    if (tok.pos_, tok.tag_) not in (("NOUN", "NN"), ("PROPN", "NNP")):
        return None
    if tok.pos_ == "PROPN" and ctx.index.at(tok.idx, tok.idx + len(tok.text)) is not None:
        return None  # a capitalized title outside any name ("The President directed ...") is a title too
    word = tok.lower_
    rows = {eid for ws, eid in ctx.name_words.get(word, []) if ws == frozenset({word}) and ctx.types.get(eid) == "PERSON"}
    return next(iter(rows)) if len(rows) == 1 else None


def descriptions(doc: "Doc", index: EntityIndex) -> dict[str, set[str]]:
    """Words of the appositions that describe entities ("the Redhand Front, an *armed movement*") -> ids."""
    out: dict[str, set[str]] = {}
    toks, deps, appos = tokens(doc), attr_lists(doc)[3], doc.vocab.strings["appos"]
    for tok in (toks[k] for k, dep in enumerate(deps) if dep == appos):  # (by label id: a Token only for those)
        if tok.pos_ != "NOUN" or index.at(tok.idx, tok.idx + len(tok.text)):
            continue
        head = tok.head
        conjs = [c for c in _children(head) if c.dep_ == "conj" and c.i < tok.i]
        if conjs:  # "X and Y, a farmers' union": the apposition follows, and describes, Y
            head = conjs[-1]
        eid = index.at(head.idx, head.idx + len(head.text))
        if eid is None:
            continue
        for t in [tok, *(c for c in _children(tok) if c.dep_ in ("compound", "amod"))]:
            if t.pos_ in ("NOUN", "ADJ"):
                out.setdefault(t.lemma_.lower(), set()).add(eid)
    return out


def _plural_relative(rel: "Token", ctx: Context) -> "Token | None":
    """"X and another organizer, *who have* been held": a relative pronoun with a plural verb refers to
    every conjunct of its antecedent; the first of them, or None."""
    if rel.lower_ == "whose" and rel.dep_ == "poss":  # "X and Y, the two leaders *whose* arrest ...": both
        clause = next((a for a in list(rel.ancestors)[:4] if a.dep_ == "relcl"), None)
        if clause is None or clause.head.tag_ not in ("NNS", "NNPS"):
            return None
        ante = clause.head.head if clause.head.dep_ == "appos" else clause.head
    elif rel.lower_ not in RELATIVE or rel.head.dep_ not in ("relcl", "acl"):
        return None
    else:
        clause = rel.head
        if not any(t.tag_ == "VBP" or t.lower_ == "were" for t in [clause, *_children(clause)] if t.pos_ in ("AUX", "VERB")):
            return None
        ante = _antecedent(rel, ctx)
    while ante.dep_ == "conj" and ante.head.i != ante.i:
        ante = ante.head
    return ante if any(c.dep_ == "conj" for c in _children(ante)) else None


def actors(toks: Iterable["Token"], ctx: Context) -> list[str]:
    out: list[str] = []
    for t in toks:
        t = _plural_relative(t, ctx) or t
        for c in conjuncts(t):
            found = entity_of(c, ctx)
            if found is None and (c.lower_ in _CAMPS or c.lemma_.lower() in _CAMPS):
                # "the chancellor's conservatives and X made a breakthrough": the leader for the camp (issue 11)
                found = next((e for p in children(c, ("poss",)) if (e := entity_of(p, ctx)) is not None), None)
            add_ids(out, [found] if found is not None else every_of_kind(c, ctx))
            if ctx.index.at(c.idx, c.idx + len(c.text)) is None:
                # "two hostages, Anna Lepp and Ivo Tamm": every name of the apposition, not its first only
                for ap in children(c, ("appos",)):
                    add_ids(out, (entity_of(x, ctx) for x in conjuncts(ap)))
    return out


_CAMPS = word_class("camp_nouns")


def speaker_stand_in(tok: "Token", ctx: Context) -> str | None:
    """A pronoun or generic agent ("it", "we", "officers") inside a statement: its speaker's side."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    pronoun = low in PRONOUNS
    if not pronoun and lemma not in ctx.lex.generic_agents and low not in ctx.lex.generic_agents:
        return None
    st = statement_at(tok.idx, ctx)
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


def speaker_side(tok: "Token", ctx: Context) -> list[str]:
    """:func:`speaker_stand_in` as a list; a first-person plural ("we launched an inquiry", "our officers") in
    the quote of a person who speaks for one body (an affiliation the entities stage found: "RSHQ chief X") is
    that body as well as the speaker (issue 11)."""
    who = speaker_stand_in(tok, ctx)
    if who is None:
        return []
    out = [who]
    if tok.lower_ in ("we", "us", "our") and ctx.types.get(who) == "PERSON":
        aff = sorted(a for a in ctx.affiliation.get(who, ()) if ctx.types.get(a) == "ORG")
        if len(aff) == 1:
            out.append(aff[0])
    return out


class StatementIndex:
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


def statement_at(offset: int, ctx: Context) -> Statement | None:
    """The statement whose content (or a quoted part) holds ``offset``: the innermost one."""
    best = None
    for st in ctx.statements.around(offset):
        spans = st.parts or (st.content,)
        if any(s.start <= offset < s.end for s in spans):
            if best is None or st.content.end - st.content.start < best.content.end - best.content.start:
                best = st
    return best


def statement_with_cue(tok: "Token", ctx: Context, conjuncts: bool = False) -> Statement | None:
    """The statement whose cue is this verb (the verbal act reports it); with ``conjuncts``, also that
    of a verb conjoined with it ("praised the plan but *asked* ...")."""
    verbs = [tok]
    if conjuncts:
        verbs += [c for c in _children(tok) if c.dep_ == "conj" and c.pos_ == "VERB"]
        if tok.dep_ == "conj":
            verbs.append(tok.head)
    for v in verbs:
        for st in ctx.statements.around(v.idx):
            if st.cue and not (st.content.start <= v.idx < st.content.end) and v.text.lower() in st.cue.lower().split():
                return st
    return None


def is_passive(verb: "Token") -> bool:
    """:func:`newsledger.analysis.clause.is_passive`; and "was stabbed near the gate and *wounded*", where the
    parser tagged the conjoined participle a past tense: a verb of a transitive act (a sense of the lexicon takes
    its object as target) with no subject, auxiliary or object of its own shares the passive of the verb it is
    conjoined to; an intransitive act ("was detained and *resigned*") keeps its own voice (issue 11)."""
    if clause.is_passive(verb):
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBD" and _transitive_act(verb.lemma_.lower())
            and not any(c.dep_ in (*SUBJ_DEPS, "aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp")
                        for c in _children(verb))
            and clause.is_passive(verb.head))


def _transitive_act(lemma: str) -> bool:
    return any("dobj" in s.target and len(s.words) == 1 for s in lexicon().by_first.get(lemma, ()))


def subject(verb: "Token", ctx: Context | None = None) -> "Token | None":
    """The subject of a verb (:func:`newsledger.analysis.clause.subject`); a dateline the parser took for
    a subject ("VELMAR — The agency detained ...") is passed over; a subject the parser hung as an
    apposition on the last noun of a fronted phrase is recovered (:func:`fronted_apposition_subject`)."""
    found = clause.subject(verb, skip=ctx.dateline if ctx is not None else frozenset())
    if found is None and verb.pos_ == "VERB" and verb.dep_ == "pcomp" and verb.head.lower_ in _SUBJECT_SHARING_PREPS \
            and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "let me start *by thanking* X", "*after meeting* X, she said": the gerund's doer is the subject
        # of the verb its preposition hangs on (issue 11; "arrested X *for attacking* Y" is another's act)
        found = subject(verb.head.head, ctx)
    return found if found is not None else fronted_apposition_subject(verb)


#: prepositions whose gerund shares the subject of the verb they modify (not "for", "of", "with": a reason)
_SUBJECT_SHARING_PREPS = frozenset({"by", "after", "before", "while", "without", "upon", "on", "through"})


def fronted_apposition_subject(verb: "Token") -> "Token | None":
    """"As part of a deal struck in court, *Malik*, 55, had agreed ...": the parser takes the name for an
    apposition (or a conjunct) of "court" and leaves the finite verb without a subject. A proper noun so hung inside
    a phrase fronted before the verb, with nothing but commas and the verb's auxiliaries between the end of
    its own phrase and the verb, is that verb's subject. (Hand-written: the parser's error has no library fix.)"""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in _children(verb)):
        return None
    for front in (c for c in _children(verb) if c.dep_ in ("prep", "advcl") and c.i < verb.i):
        for t in _subtree(front):
            # an apposition, or a conjunct with no "and"/"or" (the comma misread as a list)
            if t.dep_ not in ("appos", "conj") or t.pos_ != "PROPN" or t.head.pos_ not in ("NOUN", "PROPN") \
                    or (t.dep_ == "conj" and any(c.dep_ == "cc" for c in _children(t.head))):
                continue
            between = verb.doc[t.right_edge.i + 1:verb.i]
            if between and all(b.is_punct or (b.head.i == verb.i and b.dep_ in ("aux", "neg", "advmod")) for b in between):
                return t
    return None


def agents_of(verb: "Token") -> list["Token"]:
    return clause.passive_agents(verb)


def prep_objects(tok: "Token", words: Iterable[str]) -> list[list["Token"]]:
    """The objects of each prepositional child of ``tok`` whose word is in ``words``, one group per prep
    ("with X and, after lunch, with Y" gives two groups)."""
    words = set(words)
    groups = []
    for c in _children(tok):
        if c.dep_ in ("prep", "dative", "agent", "prt") and c.lower_ in words:
            for p in [c] + [cc for cc in _children(c) if cc.dep_ == "conj" and cc.lower_ == c.lower_]:
                objs = pobjs(p)
                if objs:
                    groups.append(objs)
    return groups


def governor(noun: "Token") -> tuple["Token | None", str]:
    """The verb a noun trigger depends on and how: ("light", "prep", "subj", "obj") or (None, "")."""
    head = noun.head
    if noun.dep_ in OBJ_DEPS and head.pos_ in ("VERB", "AUX"):
        return head, "obj"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head, "subj"
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "prep"
    if noun.dep_ == "conj":
        return governor(head)
    return None, ""


def light_clause(noun: "Token", lex: Lexicon) -> "Token | None":
    """The relative clause of a light verb that a noun is the object of ("the talks *she held* with X",
    "the discussions *I have had* with him"): the verb, whose subject and prepositions are the act's; or None."""
    if noun.pos_ == "VERB":
        return None
    for c in _children(noun):
        if c.dep_ == "relcl" and c.lemma_.lower() in lex.light_verbs \
                and all(o.lower_ in RELATIVE for o in _children(c) if o.dep_ in OBJ_DEPS):
            return c
    return None


def is_group(tok: "Token", ctx: Context) -> bool:
    """Security forces, armed men or protesters as an unnamed actor ("police", "gunmen", "protesters");
    not any group of people ("volunteers rescued a family")."""
    words = ctx.lex.generic_agents
    return tok.lemma_.lower() in words or tok.lower_ in words


def is_person(tok: "Token", ctx: Context) -> bool:
    """Whether a noun phrase names people: a PERSON entity, a person noun ("captives"), a name
    described by one ("farmer X"), or a personal pronoun."""
    tok = _plural_relative(tok, ctx) or tok
    eid = entity_of(tok, ctx)
    if eid is not None and ctx.types.get(eid) == "PERSON":
        return True
    if tok.ent_type_ == "PERSON" or tok.lower_ in PRONOUNS:
        return True
    nouns = ctx.lex.person_nouns
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns
               for t in [tok, *(c for c in _children(tok) if c.dep_ in ("compound", "appos", "nmod"))])


