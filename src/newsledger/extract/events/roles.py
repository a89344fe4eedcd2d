"""The participants of a triggered event (step 2 of :mod:`.stage`) and the event being built: source,
target and co-participants from the verb or noun, instruments and complements, the date of a
'during' phrase. Holds :class:`_Raw`, the event before merging. A noun's or an adjective's participants are
found by :mod:`.noun_roles` (split out in round events12; the names stay importable from here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...analysis.clause import subtree as _subtree
from ...analysis.clause import children as _children
from ...analysis.words import word_class
from ...records import Span, TimeValue
from .lexicon import Sense, lexicon
from .syntax import (
    OBJ_DEPS, RELATIVE, SUBJ_DEPS, Context, actors, add_ids, agents_of, conjuncts, governor,
    is_group, is_passive, is_person, pobjs, prep_objects, speaker_side, statement_at, statement_with_cue,
    entity_of, implied_bodies, subject,
)
from .grants import GRANTED_TYPES, grantor
from .parties import _both_parties, _party_mentions, _remember_parties
from .noun_roles import (  # noqa: F401  (the names stay importable from here)
    _claimed_by, _doers, _during_meeting, _judgment_roles, _meeting_parties, _noun_roles, _object_controller, _theirs,
    noun_is_passive_subject,
)
from .when import (
    conjunct_time, event_place, event_status, inherited_time, is_recurrence_bound, own_time, past, relative_when_time,
    time_value,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


_CO_PARTICIPANT = frozenset({"along", "together"})
_PHYSICAL_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "RETREAT"})


_DESTINATION_PREPS = frozenset({"to", "on"})  # a march's destination is its target only as a body's office
_UNNAMED_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "ACCUSE", "THREATEN"})


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


def _verb_targets(verb: "Token", sense: Sense, passive: bool) -> list[list["Token"]]:
    groups: list[list["Token"]] = []
    for ch in sense.target:
        if ch == "dobj" and not passive:
            objs = [_named_recipient(c) for c in _children(verb) if c.dep_ in OBJ_DEPS]
            if not objs and sense.type == "REQUEST" and sense.speech:
                # "demanded *Hexacorp* take part in a recall", "demanded that *Arvelia* free them": who is to act
                objs = [g for c in _children(verb) if c.dep_ == "ccomp" for g in _children(c) if g.dep_ == "nsubj"]
            if objs:
                groups.append(objs)
        elif ch == "xsubj":
            for c in _children(verb):
                if c.dep_ in ("xcomp", "ccomp"):
                    groups.extend([g] for g in _children(c) if g.dep_ in ("nsubj", "nsubjpass"))
        elif ch == "dative":
            for c in _children(verb):
                if c.dep_ == "dative":
                    groups.append(pobjs(c) if c.pos_ == "ADP" else [c])
        else:
            # a time is no party: "imposed a fine on X *on Tuesday*"
            found = [g for g in prep_objects(verb, (ch,)) if not all(t.ent_type_ in ("DATE", "TIME") for t in g)]
            if sense.type == "PROTEST" and ch in _DESTINATION_PREPS:  # "marched to Velmar" is where, not whom
                found = [[t for t in g if t.lemma_.lower() in lexicon().proxy_heads] for g in found]
            if not found:  # "voiced backing *for* X": the object's complement
                for o in _children(verb):
                    if o.dep_ in OBJ_DEPS:
                        found = prep_objects(o, (ch,))
                        # "imposed a fine *of 50 million euros on X*": the parser hangs the party on the sum
                        found = found or [g for c in _children(o) if c.dep_ == "prep" and c.lower_ == "of"
                                          for p in pobjs(c) for g in prep_objects(p, (ch,))]
            if not found and ch == "with":  # "agreed *to a settlement with X*": the party of what was agreed to
                found = [g for c in _children(verb) if c.dep_ == "prep" and c.lower_ == "to"
                         for o in pobjs(c) for g in prep_objects(o, (ch,))]
            if not found and ch == "at":  # "the union at Hexacorp was demanding ...": the employer (issue 11)
                found = [g for c in verb.children if c.dep_ in ("nsubj",) for g in prep_objects(c, ("at",))]
            if ch == "from" and sense.mode == "seize":  # "seized *from his possession*", "from X's car": its owner
                found = [[*g, *(c for x in g for c in _children(x) if c.dep_ == "poss")] for g in found]
            groups.extend(found)
    return groups


def _named_recipient(obj: "Token") -> "Token":
    """The party of a double object whose other object is a sum: "fined *X* €2 billion" parses X as the
    indirect object (dative) of the verb or as a compound of "billion"; the party, not the sum, is the
    object ("fined Oren Malik 500 euros": a modifier of "euros")."""
    if obj.pos_ in ("NUM", "SYM") or obj.like_num or any(c.dep_ == "nummod" for c in _children(obj)):
        names = [c for c in _children(obj.head) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
        names += [c for c in _children(obj) if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < obj.i]
        if names:
            return names[0]
    return obj


def _antecedent_objects(verb: "Token") -> list["Token"]:
    """A pronoun object of a participle clause stands for the object of the verb the clause hangs from:
    "X fined Y €2 billion, accusing *it* of ..." (the nearest antecedent of that role, resolved here
    because the participle shares its main verb's parties)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    third = word_class("neuter_pronouns") | word_class("male_pronouns") | word_class("female_pronouns") \
        | word_class("plural_pronouns")
    if not any(c.dep_ in OBJ_DEPS and c.pos_ == "PRON" and c.lower_ in third for c in _children(verb)):
        return []
    return [_named_recipient(c) for c in _children(verb.head) if c.dep_ in OBJ_DEPS and c.pos_ != "PRON"]


def _co_participants(tok: "Token") -> list["Token"]:
    """"along with X", "together with X"."""
    out = []
    for c in _children(tok):
        if c.dep_ == "prep" and c.lower_ in _CO_PARTICIPANT:
            for cc in _children(c):
                if cc.dep_ == "prep" and cc.lower_ == "with":
                    out.extend(pobjs(cc))
        elif c.dep_ == "prep" and c.lower_ == "with" and tok.pos_ == "VERB" and any(
                a.lower_ in _CO_PARTICIPANT for a in _children(c) if a.dep_ == "advmod"):
            out.extend(pobjs(c))
    return out


def _roles(raw: _Raw, ctx: Context) -> tuple[list[list[str]], list[str], "Token | None", list["Token"]]:
    """Target groups (one event each), sources, the subject token, and the target head tokens."""
    sense, tok = raw.sense, raw.anchor
    if tok.pos_ == "VERB":
        sources, target_toks, subj = _verb_roles(tok, sense, ctx)
    elif tok.pos_ == "ADJ":
        sources, target_toks, subj = _judgment_roles(tok, ctx)
    else:
        sources, target_toks, subj = _noun_roles(tok, sense, {t.i for t in raw.tokens}, ctx)
    groups = [g for g in (actors(g, ctx) for g in target_toks if g) if g]
    if not groups and tok.pos_ == "VERB":  # "fined X ..., accusing *it* of fraud": the main verb's object
        groups = [g for g in [actors(_antecedent_objects(tok), ctx)] if g]
    if not groups and tok.dep_ == "relcl":
        # "the first visit to X since 2011, when Y *visited*": an act of the same kind as the noun the clause
        # hangs from (or the time phrase of that noun), to the same party
        noun = tok.head
        for _ in range(2):
            if noun.i in ctx.anchors or noun.dep_ not in ("pobj", "prep"):
                break
            noun = noun.head.head if noun.dep_ == "pobj" else noun.head
        other = ctx.anchors.get(noun.i)
        if other is not None and noun.pos_ != "VERB" and other.type == sense.type and other.mode == sense.mode:
            groups = [g for g in [actors([o for g in prep_objects(noun, other.target) for o in g], ctx)] if g]
    if sense.speech and tok.pos_ == "VERB":
        if not sources:  # the verbal act reported as a statement: its speaker
            st = statement_with_cue(tok, ctx)
            if st is not None and st.speaker:
                sources = [st.speaker]
        if not groups:  # "agreed to start negotiations *with* X", "promised never to act *against* X"
            comp = [x for x in actors(_complement_objects(tok), ctx) if x not in sources]
            groups = [comp] if comp else []
        if not groups:  # "called *the raid* a provocation": who raided
            deed = [x for o in _children(tok) if o.dep_ in OBJ_DEPS for x in _doers(o, ctx) if x not in sources]
            groups = [deed] if deed else []
    if sense.mode == "release" and groups:  # "freeing X *in return for* Y": Y was handed over too
        swapped = [o for t in _subtree(tok) if t.lower_ in ("return", "exchange") and t.head.lower_ == "in"
                   for c in _children(t) if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)]
        extra = [x for x in actors(swapped, ctx) if x not in sources]
        groups = [g + [x for x in extra if x not in g] for g in groups]
    heads = [t for g in target_toks for t in g]
    return groups, sources, subj, heads


def _verb_roles(tok: "Token", sense: Sense, ctx: Context) -> tuple[list[str], list[list["Token"]], "Token | None"]:
    """Sources, target phrases and subject of a verb trigger: subject and objects, or in the passive the
    patient and the ``by`` agent (no agent: no source)."""
    if is_passive(tok):
        if tok.dep_ == "acl":  # "the sailor freed in ..."
            patient = [tok.head]
        else:
            patient = [c for c in _children(tok) if c.dep_ in ("nsubjpass", "csubjpass")]
            if not patient and tok.dep_ in ("conj", "xcomp"):
                s = subject(tok, ctx)
                patient = [s] if s is not None else []
            elif not patient and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
                s = subject(tok.head.head, ctx)  # "spent ten days in jail before being released": who spent them
                patient = [s] if s is not None and s.dep_ in SUBJ_DEPS else []
        extra = [g for g in _verb_targets(tok, sense, True) if g]
        patient += [t for p in list(patient) for t in _party_mentions(p, ctx)]  # "the two were charged"
        # a thing undergoing it ("two horns were seized *from his possession*", "a fine was imposed *on X*"): the party
        thing = bool(patient) and not actors(patient, ctx) and not any(is_person(p, ctx) for p in patient)
        target_toks = extra if (not patient or thing) and extra else [patient + _co_participants(tok)]
        agents = actors(agents_of(tok), ctx)
        meeting = _during_meeting(tok, ctx) if not agents and sense.reciprocal else None
        if meeting is not None:
            # "three agreements were signed during the talks": by the parties of the talks (issue 11)
            agents = _meeting_parties(meeting, ctx)
        return agents, target_toks, None
    subj = subject(tok, ctx)
    sources = actors(([subj] if subj is not None else []) + _co_participants(tok), ctx)
    if not sources and subj is not None and sense.reciprocal and subj.lower_ == "they" and subj.dep_ in SUBJ_DEPS:
        # "X and Y met ... (it said) they agreed to ...": a reciprocal act of "they" is between the latest two
        # parties, before the speaker's own side
        sources = list(ctx.last_parties.get("ANY", []))
    if not sources and subj is not None:
        add_ids(sources, speaker_side(subj, ctx) + _both_parties(subj, ctx))
    target_toks = _verb_targets(tok, sense, False)
    for group in target_toks:  # "urged both sides to ...": the parties, as entity mentions
        group.extend(t for o in list(group) for t in _party_mentions(o, ctx))
    return sources, target_toks, subj


def _complement_objects(verb: "Token") -> list["Token"]:
    """Objects of "with", "against" and "to" phrases inside the complement clause of a verbal act."""
    out = []
    for comp in _children(verb):
        if comp.dep_ not in ("xcomp", "ccomp"):
            continue
        todo = [(comp, 0)]
        while todo:
            t, depth = todo.pop()
            for c in _children(t):
                if c.dep_ == "prep" and c.lower_ in ("with", "against", "to"):
                    out.extend(pobjs(c))
                elif depth < 2 and c.dep_ in ("dobj", "xcomp", "ccomp"):
                    todo.append((c, depth + 1))
    return out


def _instrument_mode(raw: _Raw, ctx: Context) -> str | None:
    """ASSAULT and CONSULT modes from the instrument or means: a modifier ("a *drone* attack"), a
    "with"/"by" phrase ("killed *by a rocket*", "spoke *by phone*"), or the subject ("a *gunman* shot")."""
    table = ctx.lex.instrument_modes.get(raw.type)
    if not table:
        return None
    tok = raw.anchor
    words = [c for c in _children(tok) if c.dep_ in ("compound", "amod", "nmod", "nsubj")]
    for c in _children(tok):
        if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "in"):
            words += [w for o in pobjs(c) for w in [o, *(m for m in _children(o) if m.dep_ in ("compound", "amod"))]]
    return next((table[w.lemma_.lower()] for w in words if w.lemma_.lower() in table), None)


def _complement_mode(raw: _Raw, ctx: Context) -> str | None:
    """REQUEST, REJECT and THREATEN modes from the act asked for, refused or threatened: "urged X to
    *talk*" -> meet, "threatened to *expel*" -> expel; ASSAULT and CONSULT modes from the means."""
    if raw.sense.mode:
        return raw.sense.mode
    if raw.type in ctx.lex.instrument_modes:
        return _instrument_mode(raw, ctx)
    table = ctx.lex.complement_modes.get(raw.type)
    if not table:
        return None
    for c in _children(raw.anchor):
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in _children(c))):
            return table.get(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ in ("for", "with"):
            for o in pobjs(c):
                mode = table.get(o.lemma_.lower())
                if mode:
                    return mode
    return None


def _unnamed_counterpart(heads: list["Token"], sense: Sense, ctx: Context) -> bool:
    """Whether a target phrase that names no entity still makes the act: people who speak for a body
    ("met union leaders", "officials"), or for a visit a place ("visited the port")."""
    words = ctx.lex.representative_nouns | (ctx.lex.visited_places if sense.mode == "visit" else frozenset())
    return any(t.lemma_.lower() in words for h in heads for t in conjuncts(h))


def _build(sense: Sense, toks: list["Token"], anchor: "Token", sent: "SpacySpan", ctx: Context) -> list[_Raw]:
    text = ctx.text
    raw = _Raw(sense, toks, anchor)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    raw.mentions = [Span.of(text, start, end)]
    raw.sentence = Span.of(text, sent.start_char, sent.end_char)
    groups, sources, subj, heads = _roles(raw, ctx)
    granted_by = grantor(anchor, ctx) if sense.type in GRANTED_TYPES else None
    if granted_by is not None and actors([granted_by], ctx):  # "the tribunal granted the application to hold X"
        sources = actors([granted_by], ctx)
    if not sources and sense.implied_source and (anchor.pos_ != "VERB" or is_passive(anchor)):
        # "three men were arrested", "another arrest was made": no actor written, and the article names one
        # body that does such acts (the sense's implied_source, "police"), or several police bodies: theirs (issue 11)
        add_ids(sources, [b for kind in sense.implied_source for b in implied_bodies(kind, ctx)])
        groups = [[x for x in g if x not in sources] for g in groups]
        groups = [g for g in groups if g]
    if sense.type == "COERCE" and sense.mode == "arrest":  # "Velmar, May 4 A man was arrested": people are
        # arrested, never a place (a dateline or a district read as the patient; issue 11); a group with one
        # person in it ("Tavo Rensi and Milo Park") is people, whatever type a name was given
        groups = [g for g in groups if not all(ctx.types.get(x) in ("GPE", "LOC", "FAC") for x in g)]
    raw.type = sense.type
    raw.status = event_status(anchor, ctx)
    if raw.status == "negated" and sense.negated_as:  # "has never conceded": a rejection
        raw.type, raw.status = sense.negated_as, event_status(anchor, ctx, ignore_negation=True)
    keep = True
    if sense.only_status and raw.status not in sense.only_status:
        return []
    if sense.type == "ASSAULT" and subj is not None and any(
            t.lemma_.lower() in ctx.lex.natural_agents for t in [subj, *(c for c in _children(subj) if c.dep_ == "compound")]):
        return []  # "Cyclone X killed 12", "the floods injured hundreds": no one's assault
    if raw.status == "negated" and sense.speech:  # "did not criticize her": no act took place
        return []
    if sense.person_target and not any(is_person(t, ctx) for t in heads):
        keep = False
    if anchor.pos_ != "VERB":
        gov, how = governor(anchor)
        if gov is not None and how in ("subj", "obj") and gov.lemma_.lower() in ctx.lex.topic_verbs:
            keep = False  # "her transfer would be discussed", "they debated sanctions": a topic
    if not sense.reciprocal and subj is not None and subj.lower_ in ("i", "we") and statement_at(subj.idx, ctx):
        # '"I urge the minister to think again," she said': the speaker urges; a description of the target read as the
        # speaker ("the minister") is someone else, so the target goes, not the source (issue 11)
        groups = [g for g in ([x for x in g if x not in sources] for g in groups) if g]
    elif not sense.reciprocal and subj is not None and subj.pos_ == "PRON" and subj.lower_ not in RELATIVE:
        # "X, whom she accused": a pronoun resolved to the very target is a wrong antecedent, not a self-accusation
        sources = [x for x in sources if not any(x in g for g in groups)]
    if anchor.pos_ == "VERB" and anchor.dep_ == "relcl" and not groups and "dobj" in sense.target \
            and not any(c.dep_ in OBJ_DEPS and c.lower_ not in RELATIVE for c in _children(anchor)) \
            and entity_of(anchor.head, ctx) is None:
        keep = False  # "the projects he supported were good": the clause describes the projects, tells no act
    if sense.reciprocal and len(sources) > 1 and not groups:  # "X and Y met": each other
        groups = [list(sources)]
    if sense.target_entity and not groups and not (sources and _unnamed_counterpart(heads, sense, ctx)):
        keep = False  # "met reporters", "visited his uncle"; but "met union leaders" is a meeting
    unnamed = False
    if not sources and not groups:
        anonymous = subj is not None and sense.type in _PHYSICAL_TYPES and is_group(subj, ctx)
        if sense.standalone != "always" and not (sense.standalone == "subject" and subj is not None) and not anonymous:
            # no actor at all; but "soldiers detained nine farmers" is an event, and so is a dated act on
            # people the text names later or never ("a dockworker was killed on Friday", "a man killed two people")
            unnamed = keep and (anchor.pos_ == "VERB" or sense.patient) and sense.type in _UNNAMED_PATIENT_TYPES \
                and any(is_person(h, ctx) for h in heads) \
                and (subj is None or is_person(subj, ctx) or is_group(subj, ctx)  # floodwaters kill no one
                     or subj.lower_ in RELATIVE and anchor.dep_ == "relcl" and is_person(anchor.head, ctx))  # "Man who"
            keep = False
    raw.mode = _complement_mode(raw, ctx)
    raw.location = event_place(anchor, ctx)
    raw.date = own_time(anchor, ctx)
    if raw.date is not None and is_recurrence_bound(anchor, raw.date, ctx):
        raw.date = None  # "the first visit since 2011"
    raw.date = raw.date or relative_when_time(anchor, ctx) or inherited_time(anchor, ctx) \
        or _during_time(anchor, ctx) or (conjunct_time(anchor, sense.type, ctx) if anchor.pos_ == "VERB" else None)
    if raw.date is None:
        st = statement_at(anchor.idx, ctx) or statement_with_cue(anchor, ctx, conjuncts=sense.speech)
        raw.date = st.date if st is not None else None
        raw.soft_date = raw.date is not None
    if unnamed and raw.status == "asserted" and (raw.date is not None and not raw.soft_date or _told_once(anchor)):
        keep = True  # dated, or told as one past act ("Man who stabbed officer ..."): not a habit
    if keep and not sources and not groups and sense.standalone == "always" and (raw.soft_date or raw.date is None):
        # a bare "the ceasefire", in no time or place, is a reference; but an act one is told to stop, keeps up
        # or joins ("to end the protest", "carried on with their protest") is going on (issue 11)
        keep = raw.location is not None or _ongoing(anchor)
    out = []
    for etype in (raw.type, *(sense.also if raw.type == sense.type else ())):  # "signed a treaty": AGREE, SUPPORT
        for g in groups or [[]]:
            out.append(_Raw(sense, toks, anchor, list(sources), list(g), raw.location, raw.date, raw.status,
                            raw.mode if etype == raw.type else None, list(raw.mentions), raw.sentence, keep=keep,
                            type=etype, soft_date=raw.soft_date))
    return out


def _ongoing(noun: "Token") -> bool:
    """Whether a definite act noun is the object of a verb that stops, keeps up or joins it (word class
    ongoing_act_verbs): "to stop their protest", "carried on with the protest"."""
    if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _children(noun)):
        return False
    gov, how = governor(noun)
    return gov is not None and how in ("obj", "prep") and gov.lemma_.lower() in word_class("ongoing_act_verbs")


def _during_time(anchor: "Token", ctx: Context) -> TimeValue | None:
    """"the detention of X *during a march* in Y on May 2": the time of the occasion it happened during."""
    holders = [anchor] + ([anchor.head] if anchor.dep_ in OBJ_DEPS else [])  # the parser hangs it on the verb
    for c in (c for h in holders for c in _children(h)):
        if c.dep_ == "prep" and c.lower_ == "during":
            for o in pobjs(c):  # a time inside the occasion's phrase, wherever the parser attached it
                lo, hi = o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text)
                inside = [t for ts in ctx.times_at.values() for t in ts if lo <= t.start < hi]
                if inside:
                    return time_value(min(inside, key=lambda t: t.start), ctx.text)
    meeting = _during_meeting(anchor, ctx) if anchor.pos_ == "VERB" else None
    if meeting is not None:  # "signed during discussions": the day of the latest such meeting told with a day
        told = [r for r in reversed(ctx.built) if r.type == "CONSULT" and r.date is not None and not r.soft_date]
        for r in [r for r in told if r.anchor.lemma_.lower() == meeting.lemma_.lower()] or told[:1]:
            return r.date
    return None


def _told_once(verb: "Token") -> bool:
    """An act told as done once, in the active voice: "Man who *stabbed* officer", "homeowners have pulled guns
    and *threatened* firefighters" (a conjunct shares its head's perfect); not "was killed" (no actor at all)."""
    head = verb.head if verb.dep_ == "conj" and verb.tag_ == "VBN" else verb
    return (verb.tag_ == "VBD" or verb.tag_ == "VBN" and past(head)) and not is_passive(verb) and not is_passive(head)
