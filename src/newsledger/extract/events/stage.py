"""The ``events`` stage: PLOVER events with actors, targets, dates, places and status.

Approach, sentence by sentence over the parsed ``Doc`` (linear in its length):

1. **Triggers.** Each token (or phrase, "hunger strike") whose lemma has a sense in the PLOVER lexicon
   (``data/lexicons/plover_triggers.json``) and whose conditions hold ("call" + "on", "order" + "to
   leave", "fire" + "rubber bullets") is a trigger; the first matching sense gives type, mode and CAMEO code.
   Adjectival participles ("frozen accounts") and the content of a verbal act ("urged X *to release* Y":
   the release is what was asked for, not an event) are skipped, and so are embedded questions
   ("whether to free the crew").
2. **Participants** come from the syntax and are mapped to entities with
   :class:`~newsledger.extract._index.EntityIndex`: subject → source, object or the sense's
   preposition ("talks *with*", "visit *to*", "call *on*") → target; in the passive the subject is the
   target and the ``by`` agent the source (no agent: no source, never a guess); conjuncts, appositions
   and relative pronouns are followed; proxy nouns ("the X delegation", "its spokesman") stand for the
   entity modifying them. Nouns take their actor from a possessor or compound ("X's visit", "an X
   raid"), from a light verb ("*held* talks", "*ordered* an inquiry": then the order is no separate
   request), or from the clause they sit in ("*during* a visit"); a reciprocal noun owned by "their"
   ("clashes along their border") is between the two parties of the latest two-party act.
   Acts that need an entity as target still count with unnamed representatives ("met union leaders")
   or, for visits, an unnamed place ("visited the port"); a sense may be ruled out ("signed a decree").
   A pronoun or a generic agent ("officers") inside a statement stands for the statement's speaker.
3. **Date**: the time expression attached to the trigger (its own modifiers), else the one of the
   clause it depends on (a participle, a conjunct, a light verb), else the date of the statement it is
   reported in, else null. **Location**: a place entity in the trigger's place phrase ("in Velmar").
4. **Status**: negation → negated; modals "could/might", conditionals → hypothetical; "will/would",
   governors such as "expect", "plan" → future; otherwise the status implied by the statement the
   trigger is reported in (a prediction or demand → future, a denial → negated); else asserted.
5. **One event per act.** A noun trigger of the same type in a prepositional phrase of a verb trigger
   ("killed in a bombing", "met ... for negotiations") and conjoined verbs of the same type are one event;
   then mentions of the same type and mode whose participants agree and whose dates do not conflict
   are merged (``evidence`` is the sentence of the first mention, ``mentions`` every trigger span).

Modules: this one finds triggers, roles and acts; ``.syntax`` maps noun phrases to entities and
finds subjects and objects; ``.when`` attaches times, places and status; ``.lexicon`` loads
the data files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from ...stages import Found
from ...analysis.clause import own_subject, speaker_side_subject
from ...records import Entity, Event, Span, Statement, Time, TimeValue
from ...trace import note, tracing
from .._doc import dateline_tokens, doc_text, sentences, tokens
from .._index import EntityIndex
from .lexicon import Lexicon, Sense, lexicon
from .syntax import (
    OBJ_DEPS, RELATIVE, SETTING_PREPS, SUBJ_DEPS, Context, StatementIndex, actors, add_ids, agents_of, conjuncts,
    descriptions, governor, is_group, is_passive, is_person, name_words, pobjs, prep_objects, speaker_stand_in,
    statement_at, statement_with_cue, subject,
)
from .when import attach_times, event_place, event_status, inherited_time, own_time, time_value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

__all__ = ["find_events"]

_CO_PARTICIPANT = frozenset({"along", "together"})
_PHYSICAL_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "RETREAT"})
_CONTENT_OBJECT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_DESTINATION_PREPS = frozenset({"to", "on"})  # a march's destination is its target only as a body's office
_REASON_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION", "COERCE"})
_UNNAMED_PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "ACCUSE"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_HOLDING_PREPS = frozenset({"in", "into", "under", "on"})  # "in custody", "under arrest", "on suspicion of"


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


def _has(tok: "Token", key: str, words: frozenset[str]) -> bool:
    """Whether ``tok`` satisfies one condition of a sense (see plover_triggers.json)."""
    anyw = "*" in words
    if key == "prep":  # a time is no argument: "called X *on Monday*" is no call on anyone
        return any(c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ in words
                   and not (c.dep_ == "prep" and pobjs(c) and all(o.ent_type_ in _TIME_ENTS for o in pobjs(c)))
                   for c in tok.children)
    if key == "prt":
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in words for c in tok.children)
    if key == "dobj":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")]
        if tok.dep_ == "relcl":  # "the decree, which X signed": the relative pronoun stands for the decree
            objs = [tok.head if c.lower_ in RELATIVE else c for c in objs]
        if tok.dep_ in ("acl", "relcl") and not objs:
            objs = [tok.head]
        heads = [o for c in objs for o in conjuncts(c)]
        heads += [p for o in heads for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                  for p in pobjs(c)]  # "20 million euros *in aid*", "a shipment *of weapons*"
        return any(o.lemma_.lower() in words or o.lower_ in words for o in heads)
    if key == "xcomp":
        return any(c.dep_ in ("xcomp", "ccomp") and (anyw or c.lemma_.lower() in words) for c in tok.children)
    if key == "oprd":
        return any(t.lemma_.lower() in words or t.lower_ in words
                   for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree)
    if key == "xsubj":  # "wants *Tumbria* to free": a complement clause with a subject of its own
        return any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   for c in tok.children)
    if key == "own_act":  # "warned that *it* would hit back", "warned that *her government* would cut ties"
        return any(c.dep_ in ("ccomp", "xcomp") and _own_side_subject(c) for c in tok.children)
    if key == "judgment":  # "called the raid *a provocation*"
        judging = lexicon().judgment_words
        seconds = [c for c in tok.children if c.dep_ in ("oprd", "attr")]
        seconds += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for o in pobjs(c)]
        for obj in (c for c in tok.children if c.dep_ in OBJ_DEPS):  # "the verdict, a sham", "the raid as a ..."
            seconds += [a for a in obj.children if a.dep_ == "appos"]
            seconds += [o for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" for o in pobjs(c)]
        return any(t.lemma_.lower() in judging or t.lower_ in judging
                   for o in seconds for t in [o, *(m for m in o.children if m.dep_ in ("amod", "compound"))])
    if key == "noun_content":  # "information *that X was wounded*": a report's content, not an act the text tells
        own_subject = any(c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE for c in tok.children)
        return (tok.dep_ in ("acl", "relcl", "ccomp") and tok.head.pos_ in ("NOUN", "PROPN") and own_subject
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children))
    if key == "voice":  # "were charged", "was badly hurt": the passive alone names who underwent the act
        return "passive" in words and is_passive(tok)
    if key == "mod":
        return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in words for c in tok.children)
    if key == "pobj":
        return any(o.lemma_.lower() in words for c in tok.children if c.dep_ == "prep" for o in pobjs(c))
    if key == "person_obj":  # "seized *two farmers*": the object is people (a name or a person noun)
        nouns = lexicon().person_nouns
        return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in nouns
                   for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass") for o in conjuncts(c))
    if key == "gov":  # "dropped the charges", "the charges were dropped": the verb that governs the noun
        return tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_.lower() in words
    if key == "prep_head":  # "*in* custody", "taken *into* custody": the noun is the object of one of these
        return tok.dep_ == "pobj" and tok.head.lower_ in words
    return False


def _own_side_subject(clause: "Token") -> bool:
    """Whether a complement clause's subject is the speaker's own side (analysis.clause.speaker_side_subject)."""
    return speaker_side_subject(clause)


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
    for tok in tokens(sent.doc)[sent.start:sent.end]:
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
            if sense.lower_case and not anchor.text.islower() and (anchor.i != sent.start or anchor.pos_ == "PROPN"):
                continue  # "in March" is a month, not a march
            if anchor.pos_ != "VERB" and anchor.dep_ == "compound":  # "ceasefire monitors": a modifier
                continue
            if anchor.pos_ == "VERB" and anchor.tag_ in ("VBN",) and anchor.dep_ in ("compound", "nmod"):
                continue
            if all(_has(anchor, k, v) for k, v in sense.needs.items()) and not any(
                    _has(anchor, k, v) for k, v in sense.unless.items()):
                out.append((sense, toks, anchor))
                used.update(t.i for t in toks)
                break
    return out


def _is_content_of_act(anchor: "Token", ctx: Context) -> bool:
    """Whether the trigger lies in the complement of a verbal act ("urged X to *release* Y") or in an
    embedded question ("whether to *free* the crew")."""
    if anchor.pos_ != "VERB" and anchor.dep_ == "pobj" and anchor.head.lower_ == "for" \
            and anchor.head.head.pos_ in ("ADJ", "NOUN") and ctx.anchors[anchor.i].type in ("ASSAULT", "COERCE"):
        return False  # "bring to justice those responsible *for the killing*": a deed that was done
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
            # what is asked for or threatened: "demanded *the handover* of X"
            # (but what is condemned happened: "condemned *the detention* of X" is an arrest, told)
            if sense.type in _CONTENT_OBJECT_TYPES and cur.dep_ in OBJ_DEPS and sense.mode != "disapprove":
                # but "ordered an inquiry": the orderer sets the act in motion, it is theirs
                return not (cur.i == anchor.i and sense.type == "REQUEST" and head.lemma_.lower() in ctx.lex.light_verbs)
            # what someone is accused, arrested or sentenced for: "charged *with supporting* them"
            if sense.type in _REASON_TYPES and cur.dep_ == "prep" and cur.lower_ in ("of", "for", "with"):
                return True
        cur = head
    return False


def _verb_targets(verb: "Token", sense: Sense, passive: bool) -> list[list["Token"]]:
    groups: list[list["Token"]] = []
    for ch in sense.target:
        if ch == "dobj" and not passive:
            objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
            if objs:
                groups.append(objs)
        elif ch == "xsubj":
            for c in verb.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    groups.extend([g] for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif ch == "dative":
            for c in verb.children:
                if c.dep_ == "dative":
                    groups.append(pobjs(c) if c.pos_ == "ADP" else [c])
        else:
            found = prep_objects(verb, (ch,))
            if sense.type == "PROTEST" and ch in _DESTINATION_PREPS:  # "marched to Velmar" is where, not whom
                found = [[t for t in g if t.lemma_.lower() in lexicon().proxy_heads] for g in found]
            if not found:  # "voiced backing *for* X": the object's complement
                for o in verb.children:
                    if o.dep_ in OBJ_DEPS:
                        found = prep_objects(o, (ch,))
            groups.extend(found)
    return groups


def _co_participants(tok: "Token") -> list["Token"]:
    """"along with X", "together with X"."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _CO_PARTICIPANT:
            for cc in c.children:
                if cc.dep_ == "prep" and cc.lower_ == "with":
                    out.extend(pobjs(cc))
        elif c.dep_ == "prep" and c.lower_ == "with" and tok.pos_ == "VERB" and any(
                a.lower_ in _CO_PARTICIPANT for a in c.children if a.dep_ == "advmod"):
            out.extend(pobjs(c))
    return out


def _roles(raw: _Raw, ctx: Context) -> tuple[list[list[str]], list[str], "Token | None", list["Token"]]:
    """Target groups (one event each), sources, the subject token, and the target head tokens."""
    sense, tok = raw.sense, raw.anchor
    if tok.pos_ == "VERB":
        sources, target_toks, subj = _verb_roles(tok, sense, ctx)
    else:
        sources, target_toks, subj = _noun_roles(tok, sense, {t.i for t in raw.tokens}, ctx)
    groups = [g for g in (actors(g, ctx) for g in target_toks if g) if g]
    if sense.speech and tok.pos_ == "VERB":
        if not sources:  # the verbal act reported as a statement: its speaker
            st = statement_with_cue(tok, ctx)
            if st is not None and st.speaker:
                sources = [st.speaker]
        if not groups:  # "agreed to start negotiations *with* X", "promised never to act *against* X"
            comp = [x for x in actors(_complement_objects(tok), ctx) if x not in sources]
            groups = [comp] if comp else []
        if not groups:  # "called *the raid* a provocation": who raided
            deed = [x for o in tok.children if o.dep_ in OBJ_DEPS for x in _doers(o, ctx) if x not in sources]
            groups = [deed] if deed else []
    if sense.mode == "release" and groups:  # "freeing X *in return for* Y": Y was handed over too
        swapped = [o for t in tok.subtree if t.lower_ in ("return", "exchange") and t.head.lower_ == "in"
                   for c in t.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)]
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
            patient = [c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")]
            if not patient and tok.dep_ in ("conj", "xcomp"):
                s = subject(tok, ctx)
                patient = [s] if s is not None else []
            elif not patient and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
                s = subject(tok.head.head, ctx)  # "spent ten days in jail before being released": who spent them
                patient = [s] if s is not None and s.dep_ in SUBJ_DEPS else []
        extra = [g for g in _verb_targets(tok, sense, True) if g]
        patient += [t for p in list(patient) for t in _party_mentions(p, ctx)]  # "the two were charged"
        target_toks = extra if not patient and extra else [patient + _co_participants(tok)]
        return actors(agents_of(tok), ctx), target_toks, None
    subj = subject(tok, ctx)
    sources = actors(([subj] if subj is not None else []) + _co_participants(tok), ctx)
    if not sources and subj is not None:
        add_ids(sources, [speaker_stand_in(subj, ctx)] + _both_parties(subj, ctx))
    target_toks = _verb_targets(tok, sense, False)
    for group in target_toks:  # "urged both sides to ...": the parties, as entity mentions
        group.extend(t for o in list(group) for t in _party_mentions(o, ctx))
    return sources, target_toks, subj


def _noun_roles(tok: "Token", sense: Sense, own: set[int], ctx: Context
                ) -> tuple[list[str], list[list["Token"]], "Token | None"]:
    """Sources, target phrases and (governing) subject of a noun trigger: possessor, compound and "by"
    give the actor ("X's visit", "an X raid"), or for a patient noun the target ("her release"); the
    sense's prepositions give the target; else the actor of the light verb or clause it sits in."""
    sources: list[str] = []
    target_toks: list[list["Token"]] = []
    subj: "Token | None" = None
    poss = [c for c in tok.children if c.dep_ == "poss"]
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i not in own]
    of = [o for g in prep_objects(tok, ("of",)) for o in g]
    if sense.patient:  # "the release of *the two leaders*": the two parties of the latest two-party act
        target_toks.append(poss + of + [t for o in of if not actors([o], ctx) for t in _party_mentions(o, ctx)])
        if mods and not poss and not of:
            target_toks.append(mods)
    else:
        sources = actors(poss, ctx) or actors(mods, ctx)
        if "of" not in sense.target and not sources:
            sources = actors(of, ctx)
    add_ids(sources, actors([o for g in prep_objects(tok, sense.source_preps or ("by",)) for o in g], ctx))
    if not sources and not sense.patient:  # "talks *convened by* the minister": the agent of a participle
        add_ids(sources, actors([a for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                 for a in agents_of(c)], ctx))
    target_preps = [p for p in sense.target if p not in ("of", "dobj", "dative")]
    target_toks.extend(prep_objects(tok, target_preps))
    between = [o for g in prep_objects(tok, ("between", "among")) for o in g]
    if between and sense.reciprocal:
        add_ids(sources, actors(between, ctx))
    elif between:
        target_toks.append(between)
    claimer = _claimed_by(tok, ctx)
    if claimer is not None and not sources:  # "X claimed responsibility for the bombing"
        sources = actors([claimer], ctx)
    gov, how = governor(tok)
    light = gov is not None and gov.lemma_.lower() in ctx.lex.light_verbs and (
        how == "obj" or (how == "subj" and noun_is_passive_subject(tok)))  # "the march was organised by X"
    light = light or (gov is not None and how == "obj" and gov.lemma_.lower() in ctx.lex.planning_verbs)  # "plans a visit"
    if light and any(c.dep_ == "prt" and c.lower_ in ctx.lex.undoing_particles for c in gov.children):
        light = False  # "police broke *up* a march": they ended it, it is not theirs
    if gov is not None and not sources:
        if light:  # "X held talks", "talks were held by X"
            subj = subject(gov, ctx) if not is_passive(gov) else next(iter(agents_of(gov)), None)
        elif how == "prep" and tok.head.lower_ in SETTING_PREPS and not sense.patient \
                and not (sense.inherit_target and tok.head.lower_ in _HOLDING_PREPS - {"on"}):
            subj = subject(gov, ctx) if not is_passive(gov) else next(iter(agents_of(gov)), None)
        if subj is not None:
            sources = actors([subj], ctx) or [x for x in [speaker_stand_in(subj, ctx)] if x]
    if light:  # "held talks *with* X"
        target_toks.extend(prep_objects(gov, target_preps))
    if gov is not None and how == "subj" and gov.lemma_.lower() in ctx.lex.impact_verbs:  # "a strike hit X"
        target_toks.append([c for c in gov.children if c.dep_ in OBJ_DEPS])
    if gov is not None and how == "prep" and sense.inherit_target and tok.head.lower_ in _HOLDING_PREPS:
        # "detained X on suspicion", "X was taken into custody", "who have been *in custody*"
        held = [c for c in gov.children if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass"]
        if not held and tok.head.lower_ != "on":
            held = [s for s in [subject(gov, ctx)] if s is not None]
        target_toks.append(held)
    if sense.reciprocal and not sources and not any(target_toks) and _theirs(tok):
        # "clashes along their border", "their talks": the two parties of the latest two-party act
        sources = list(ctx.last_parties.get("GROUP") or ctx.last_parties.get("ANY", []))
    return sources, target_toks, subj


def noun_is_passive_subject(noun: "Token") -> bool:
    return noun.dep_ == "nsubjpass"


def _theirs(noun: "Token") -> bool:
    """Whether a noun or the object of one of its prepositions is owned by "their"."""
    owners = [noun, *(o for c in noun.children if c.dep_ == "prep" for o in pobjs(c))]
    return any(c.dep_ == "poss" and c.lower_ == "their" for o in owners for c in o.children)


def _doers(noun: "Token", ctx: Context) -> list[str]:
    """The actors of the act a noun names, from the latest earlier event of that kind ("the expulsion"
    after "X expelled an attaché")."""
    senses = [x for x in ctx.lex.by_first.get(noun.lemma_.lower(), ()) if "NOUN" in x.pos and len(x.words) == 1]
    for prior in reversed(ctx.built):
        if prior.source and any(prior.type == x.type and x.mode in (None, prior.mode) for x in senses):
            return list(prior.source)
    return []


def _claimed_by(noun: "Token", ctx: Context) -> "Token | None":
    """The subject of "claimed responsibility for <noun>" (and take, accept, admit)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if verb.lemma_.lower() in ctx.lex.responsibility_verbs and prep.head.dep_ in OBJ_DEPS:
        return subject(verb, ctx)
    return None


def _both_parties(subj: "Token", ctx: Context) -> list[str]:
    """"Both sides", "the two governments": the two parties of the latest two-party act, if any."""
    for tok in [subj, *(o for c in subj.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for o in pobjs(c))]:
        if tok.lower_ in ("two", "both") and tok.pos_ in ("NUM", "DET", "PRON") and tok.dep_ in SUBJ_DEPS:
            # "the two were charged", "both were freed": the two parties of the latest act, people first
            return list(ctx.last_parties.get("PERSON") or ctx.last_parties.get("ANY", []))
        kind = ctx.lex.party_nouns.get(tok.lemma_.lower())
        if kind and any(c.lower_ in ("both", "two") for c in tok.children
                        if c.dep_ in ("det", "nummod", "predet", "amod")):
            if kind == "ANY":  # "both sides" of a dispute are groups, where the text has had two
                return list(ctx.last_parties.get("GROUP") or ctx.last_parties.get("ANY", []))
            return list(ctx.last_parties.get(kind, []))
    return []


def _party_mentions(tok: "Token", ctx: Context) -> list["Token"]:
    """Tokens of the latest mentions of "both sides" (see :func:`_both_parties`), for a target phrase."""
    ids = _both_parties(tok, ctx)
    return [ctx.doc[i] for i in (ctx.party_tokens.get(e) for e in ids) if i is not None]


def _remember_parties(parties: list[str], keep: bool, ctx: Context) -> None:
    """Two parties of an act, kept as those "both sides" (any), "both countries" (groups) or "the two
    leaders" (people) may refer to next."""
    if not keep or len(parties) != 2:
        return
    for r_id in parties:  # a token of a mention of each, to stand for it in a target phrase
        mention = next((m for m in ctx.index.get(r_id).mentions), None) if ctx.index.get(r_id) else None
        if mention is not None:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                ctx.party_tokens[r_id] = span.root.i
    people = [ctx.types.get(p) == "PERSON" for p in parties]
    ctx.last_parties["ANY"] = parties
    if all(people):
        ctx.last_parties["PERSON"] = parties
    elif not any(people):
        ctx.last_parties["GROUP"] = parties


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
    words = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "nsubj")]
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by", "in"):
            words += [w for o in pobjs(c) for w in [o, *(m for m in o.children if m.dep_ in ("compound", "amod"))]]
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
    for c in raw.anchor.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)):
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
    raw.type = sense.type
    raw.status = event_status(anchor, ctx)
    if raw.status == "negated" and sense.negated_as:  # "has never conceded": a rejection
        raw.type, raw.status = sense.negated_as, event_status(anchor, ctx, ignore_negation=True)
    keep = True
    if sense.only_status and raw.status not in sense.only_status:
        return []
    if raw.status == "negated" and sense.speech:  # "did not criticize her": no act took place
        return []
    if sense.person_target and not any(is_person(t, ctx) for t in heads):
        keep = False
    if anchor.pos_ != "VERB":
        gov, how = governor(anchor)
        if gov is not None and how in ("subj", "obj") and gov.lemma_.lower() in ctx.lex.topic_verbs:
            keep = False  # "her transfer would be discussed", "they debated sanctions": a topic
    if not sense.reciprocal and subj is not None and subj.pos_ == "PRON" and subj.lower_ not in RELATIVE:
        # "X, whom she accused": a pronoun resolved to the very target is a wrong antecedent, not a self-accusation
        sources = [x for x in sources if not any(x in g for g in groups)]
    if sense.reciprocal and len(sources) > 1 and not groups:  # "X and Y met": each other
        groups = [list(sources)]
    if sense.target_entity and not groups and not (sources and _unnamed_counterpart(heads, sense, ctx)):
        keep = False  # "met reporters", "visited his uncle"; but "met union leaders" is a meeting
    if not sources and not groups:
        anonymous = subj is not None and sense.type in _PHYSICAL_TYPES and is_group(subj, ctx)
        # "a dockworker was killed on Friday", "two leaders were charged on Saturday": people named later
        anonymous = anonymous or (anchor.pos_ == "VERB" and is_passive(anchor) and sense.type in _UNNAMED_PATIENT_TYPES
                                  and any(is_person(h, ctx) for h in heads) and own_time(anchor, ctx) is not None)
        if sense.standalone != "always" and not (sense.standalone == "subject" and subj is not None) and not anonymous:
            keep = False  # no actor at all; but "soldiers detained nine farmers" is an event
    raw.mode = _complement_mode(raw, ctx)
    raw.location = event_place(anchor, ctx)
    raw.date = own_time(anchor, ctx) or inherited_time(anchor, ctx) or _during_time(anchor, ctx)
    if raw.date is None:
        st = statement_at(anchor.idx, ctx) or statement_with_cue(anchor, ctx, conjuncts=sense.speech)
        raw.date = st.date if st is not None else None
        raw.soft_date = raw.date is not None
    if keep and not sources and not groups and sense.standalone == "always" and (raw.soft_date or raw.date is None):
        keep = raw.location is not None  # a bare "the ceasefire", in no time or place, is a reference
    out = []
    for etype in (raw.type, *(sense.also if raw.type == sense.type else ())):  # "signed a treaty": AGREE, SUPPORT
        for g in groups or [[]]:
            out.append(_Raw(sense, toks, anchor, list(sources), list(g), raw.location, raw.date, raw.status,
                            raw.mode if etype == raw.type else None, list(raw.mentions), raw.sentence, keep=keep,
                            type=etype, soft_date=raw.soft_date))
    return out


def _during_time(anchor: "Token", ctx: Context) -> TimeValue | None:
    """"the detention of X *during a march* in Y on May 2": the time of the occasion it happened during."""
    holders = [anchor] + ([anchor.head] if anchor.dep_ in OBJ_DEPS else [])  # the parser hangs it on the verb
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "during":
            for o in pobjs(c):  # a time inside the occasion's phrase, wherever the parser attached it
                lo, hi = o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text)
                inside = [t for ts in ctx.times_at.values() for t in ts if lo <= t.start < hi]
                if inside:
                    return time_value(min(inside, key=lambda t: t.start), ctx.text)
    return None


def _absorb(raws: list[_Raw], ctx: Context) -> None:
    """One act, two words: a noun trigger in a prep phrase of a verb trigger of the same type ("killed
    in a bombing"), a verb whose subject is a same-type noun trigger ("a raid that killed"), and
    conjoined verbs and participles of the same type sharing their subject ("exchanged captives, *releasing*
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
            gov, how = governor(tok)
            if gov is not None and how in ("prep", "obj") and gov.i in by_anchor:  # "imposed sanctions"
                host = by_anchor[gov.i]
        else:
            subj = own_subject(tok, deps=SUBJ_DEPS)
            if subj is not None and subj.lower_ in RELATIVE and tok.dep_ == "relcl" and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
            elif subj is not None and subj.i in by_anchor and subj.pos_ != "VERB":  # "an airstrike killed"
                host = by_anchor[subj.i]
            elif tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.head.i in by_anchor:
                host = by_anchor[tok.head.head.head.i]  # "killed by a shell *fired* by X"
            elif subj is None and tok.dep_ in ("conj", "advcl") and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
        if host is None or host is r or host.absorbed or host.type != r.type:
            continue
        if host.mode and r.mode and host.mode != r.mode:  # "freed detainees under a ceasefire": two acts
            continue
        if tok.dep_ == "conj" and tok.head.i == host.anchor.i and host.mode != r.mode:
            continue  # "imposed sanctions and expelled its diplomats": two measures
        _merge_into(host, r)
        host.keep = host.keep or bool(host.source or host.target)


def _drop_orders(raws: list[_Raw], ctx: Context) -> None:
    """"X ordered an inquiry": the order is how X acts; the inquiry (whose actor is X through the light
    verb) is the event, not a separate request."""
    nouns = {r.anchor.i for r in raws if r.anchor.pos_ != "VERB" and r.keep}
    for r in raws:
        tok = r.anchor
        if r.type != "REQUEST" or tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.lex.light_verbs:
            continue
        if any(c.dep_ in OBJ_DEPS and c.i in nouns for c in tok.children):
            r.absorbed = True


def _merge_into(host: _Raw, r: _Raw) -> None:
    add_ids(host.source, r.source)
    add_ids(host.target, r.target)
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


def _same_act(a: _Raw, b: _Raw, ctx: Context) -> bool:
    if a.type != b.type or a.mode != b.mode:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    if not _dates_agree(a, b):
        return False
    if {a.status, b.status} & {"future", "hypothetical"} and (_done(a) or _done(b)):
        return False  # what happened on a day is not what will or could happen
    two_verbs = a.anchor.pos_ == b.anchor.pos_ == "VERB"
    if (a.sense.speech or b.sense.speech) and a.sense.lemma != b.sense.lemma and two_verbs:
        return False  # two verbal acts, unless one is a noun referring back ("promised ... the pledge")
    shared = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            if not _overlap(x, y, ctx):
                return False
            shared = True
    if not (a.source or a.target or b.source or b.target):
        return a.sense.lemma == b.sense.lemma
    if not (a.source or a.target) or not (b.source or b.target):  # "a march ... the march was organised by X"
        return a.sense.lemma == b.sense.lemma and a.anchor.pos_ == b.anchor.pos_ != "VERB"
    return shared


def _done(r: _Raw) -> bool:
    """An asserted mention with a date of its own: something that happened."""
    return r.status == "asserted" and r.date is not None and not r.soft_date


def _overlap(x: list[str], y: list[str], ctx: Context) -> bool:
    """The same actor on both sides, or a member and its organization (a party's spokesman and the party);
    two members of one organization are not the same actor."""
    if set(x) & set(y):
        return True
    return any(i in ctx.affiliation.get(j, ()) or j in ctx.affiliation.get(i, ()) for i in x for j in y)


def _dedup(raws: list[_Raw], ctx: Context) -> list[_Raw]:
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
    ctx = Context(
        doc=doc, text=doc_text(doc), lex=lex, index=EntityIndex(ents), types={e.id: e.type for e in ents},
        affiliation={e.id: frozenset(a for a in e.attributes.affiliation if a.startswith("e")) for e in ents},
        statements=StatementIndex(statements), times_at={},
    )
    ctx.dateline = dateline_tokens(doc)
    ctx.name_words = name_words(ents)
    ctx.described = descriptions(doc, ctx.index)
    matched = []
    for sent in sentences(doc):
        for sense, toks, anchor in _match(sent, lex):
            matched.append((sense, toks, anchor, sent))
            ctx.anchors[anchor.i] = sense
    ctx.times_at = attach_times(doc, times, ctx.anchors)
    raws: list[_Raw] = []
    for sense, toks, anchor, sent in matched:
        if _is_content_of_act(anchor, ctx):
            continue
        built = _build(sense, toks, anchor, sent, ctx)
        raws.extend(built)
        ctx.built.extend(r for r in built if r.keep)
        for r in built:  # the parties "both sides" will refer to
            _remember_parties(list(dict.fromkeys(r.source + r.target)), r.keep, ctx)
    _drop_orders(raws, ctx)
    _absorb(raws, ctx)
    events = []
    kept = _dedup(raws, ctx)
    _same_occasion(kept, ctx)
    for r in kept:
        r.mentions = sorted(set(r.mentions), key=lambda m: (m.start, m.end))
    for n, r in enumerate(sorted(kept, key=lambda r: r.start), 1):
        events.append(Event(
            id=f"v{n}", type=r.type, mode=r.mode, trigger=r.mentions[0], evidence=r.sentence or r.mentions[0],
            source=tuple(r.source), target=tuple(t for t in r.target if t not in r.source or r.sense.reciprocal),
            location=r.location, date=r.date, status=r.status, mentions=tuple(r.mentions), cameo=r.sense.cameo,
        ))
        _trace(f"v{n}", r, ctx)
    return events


def _same_occasion(kept: list[_Raw], ctx: Context) -> None:
    """"A court on Monday sentenced X to eight years. Her cameraman, Y, was sentenced to five years.": an
    undated act told with the same word (an assault: in any word), of the same type, in the very next
    sentence after a dated one happened on that occasion and takes its date."""
    done = sorted((r for r in kept if r.sentence is not None), key=lambda r: r.start)
    for prev, r in zip(done, done[1:]):
        if r.date is not None or prev.date is None or prev.soft_date or prev.type != r.type \
                or (prev.anchor.lemma_.lower() != r.anchor.lemma_.lower() and r.type != "ASSAULT"):
            continue  # (the casualties of one clash are told one after another in any words: "shot dead", "hurt")
        gap = ctx.text[prev.sentence.end:r.sentence.start]
        if prev.sentence.end <= r.sentence.start and not gap.strip():
            r.date, r.soft_date = prev.date, True


def _trace(vid: str, r: _Raw, ctx: Context) -> None:
    """Note why event ``vid`` has its type, status and date."""
    if not tracing(ctx.doc):
        return
    doc, sense, trig = ctx.doc, r.sense, r.mentions[0]
    words = " ".join(sense.words)
    pos = "/".join(sorted(sense.pos))
    note(doc, f"{vid}.type", f"events.sense.{sense.id}",
         f"the sense {sense.id!r} of plover_triggers.json (the trigger {words!r}, {pos}) codes {sense.type}"
         + (f" (cameo {sense.cameo})" if sense.cameo else "") + (f", contexts {', '.join(sense.context)}" if sense.context else ""),
         (trig.start, trig.end), sense.type)
    if r.type != sense.type and r.type in sense.also:
        note(doc, f"{vid}.type", f"events.sense.{sense.id}.also",
             f"the same act also codes {r.type} (the sense's 'also')", (trig.start, trig.end), r.type)
    if r.type != sense.type and r.type == sense.negated_as:
        note(doc, f"{vid}.type", f"events.sense.{sense.id}.negated-as",
             f"negated, the trigger's sense says it is a {r.type} ('negated_as')", (trig.start, trig.end), r.type)
    note(doc, f"{vid}.status", f"events.status.{r.status}", "negation, modals, conditionals, governing verbs "
         "or the kind of statement it is reported in (events.when.event_status)", (trig.start, trig.end), r.status)
    if r.date is None:
        route, how = "none", "no time attached to the trigger or its clause, no dated statement around it: null"
    elif r.soft_date:
        route, how = "statement-date", "no time of its own: the date of the statement it is reported in"
    elif own_time(r.anchor, ctx) is not None:
        route, how = "own-time", "a time expression attached to the trigger (analysis.anchoring.dated_token)"
    else:
        route, how = "inherited", "the time of the clause the trigger depends on (participle, conjunct, light verb)"
    note(doc, f"{vid}.date", f"events.date.{route}", how, (trig.start, trig.end), r.date.value if r.date else None)


def events_stage(doc: "Doc", found: Found) -> dict:
    return {"events": find_events(doc, found.entities, found.times, found.statements, found.published)}
