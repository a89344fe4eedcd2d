"""The participants of a noun or adjective trigger (part of step 2 of :mod:`.stage`): possessor, compound,
"by" and the sense's prepositions of the noun, the actor of the light verb or clause it sits in, the doers of
an act a noun refers back to, a judgement's speaker, and the parties of a meeting an act is placed during.
Split out of :mod:`.roles` (issue 11, round events12); :mod:`.roles` builds the event from them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .lexicon import Sense
from .syntax import (
    OBJ_DEPS, RELATIVE, SETTING_PREPS, SUBJ_DEPS, Context, actors, add_ids, agents_of, entity_of, governor,
    is_passive, light_clause, pobjs, prep_objects, speaker_side, statement_at, subject,
)
from .parties import _party_mentions

if TYPE_CHECKING:
    from spacy.tokens import Token


_HOLDING_PREPS = frozenset({"in", "into", "under", "on"})  # "in custody", "under arrest", "on suspicion of"


def _during_meeting(verb: "Token", ctx: Context) -> "Token | None":
    """The meeting a verb is placed "during" or "at": a CONSULT trigger, or a noun one of whose senses is a
    meeting ("during discussions", the parties named before); None."""
    for c in _children(verb):
        if c.dep_ != "prep" or c.lower_ not in ("during", "at"):
            continue
        for o in pobjs(c):
            sense = ctx.anchors.get(o.i)
            if sense is not None and sense.type == "CONSULT" or o.pos_ == "NOUN" and any(
                    s.type == "CONSULT" and "NOUN" in s.pos and len(s.words) == 1
                    for s in ctx.lex.by_first.get(o.lemma_.lower(), ())):
                return o
    return None


def _meeting_parties(meeting: "Token", ctx: Context) -> list[str]:
    """The parties of the latest meeting told before, of the same word if there is one ("discussions
    between X and Y ... signed during discussions"), else of any meeting; else the latest two parties."""
    told = [r for r in reversed(ctx.built) if r.type == "CONSULT" and len(set(r.source + r.target)) >= 2]
    same = [r for r in told if r.anchor.lemma_.lower() == meeting.lemma_.lower()]
    for r in same or told:
        return list(dict.fromkeys(r.source + r.target))
    return list(ctx.last_parties.get("ANY", []))


def _judgment_roles(adj: "Token", ctx: Context) -> tuple[list[str], list[list["Token"]], "Token | None"]:
    """"X said the offer from Y was *unacceptable*": the speaker who judges rejects the proposal, and its
    maker ("from", "by" or possessor) is the target."""
    cop = adj.head
    noun = next((c for c in _children(cop) if c.dep_ == "nsubj"), None)
    st = statement_at(adj.idx, ctx)
    sources = [st.speaker] if st is not None and st.speaker else []
    if not sources and cop.dep_ == "ccomp":  # the reporting verb the judgment is the content of
        said = subject(cop.head, ctx)
        sources = actors([said], ctx) if said is not None else []
    if noun is None:
        return sources, [], None
    makers = [c for c in _children(noun) if c.dep_ == "poss"] + [o for g in prep_objects(noun, ("from", "by")) for o in g]
    return sources, [makers], None


def _noun_roles(tok: "Token", sense: Sense, own: set[int], ctx: Context
                ) -> tuple[list[str], list[list["Token"]], "Token | None"]:
    """Sources, target phrases and (governing) subject of a noun trigger: possessor, compound and "by"
    give the actor ("X's visit", "an X raid"), or for a patient noun the target ("her release"); the
    sense's prepositions give the target; else the actor of the light verb or clause it sits in."""
    sources: list[str] = []
    target_toks: list[list["Token"]] = []
    subj: "Token | None" = None
    poss = [c for c in _children(tok) if c.dep_ == "poss"]
    mods = [c for c in _children(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i not in own]
    of = [o for g in prep_objects(tok, ("of",)) for o in g]
    if sense.patient:  # "the release of *the two leaders*": the two parties of the latest two-party act
        target_toks.append(poss + of + [t for o in of if not actors([o], ctx) for t in _party_mentions(o, ctx)])
        if mods and not poss and not of:
            target_toks.append(mods)
    else:
        if sense.type == "PROTEST":  # "the Velmar blockade": a place before a protest is where, not who (issue 11)
            mods = [c for c in mods if ctx.types.get(entity_of(c, ctx) or "") not in ("GPE", "LOC", "FAC")]
        sources = actors(poss, ctx) or actors(mods, ctx)
        if "of" not in sense.target and not sources:
            sources = actors(of, ctx)
    add_ids(sources, actors([o for g in prep_objects(tok, sense.source_preps or ("by",)) for o in g], ctx))
    if not sources and not sense.patient:  # "talks *convened by* the minister": the agent of a participle
        add_ids(sources, actors([a for c in _children(tok) if c.dep_ == "acl" and c.tag_ == "VBN"
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
    if not sources and not sense.patient and tok.dep_ == "pobj" \
            and tok.head.lower_ in word_class("instigator_prepositions") and tok.head.head.pos_ in ("NOUN", "PROPN"):
        sources = actors([tok.head.head], ctx)  # "the Velmar union behind the strike": its strike (issue 11)
    gov, how = governor(tok)
    light = gov is not None and gov.lemma_.lower() in ctx.lex.light_verbs and (
        how == "obj" or (how == "subj" and noun_is_passive_subject(tok)))  # "the march was organised by X"
    light = light or (gov is not None and how == "obj" and gov.lemma_.lower() in ctx.lex.planning_verbs)  # "plans a visit"
    if light and any(c.dep_ == "prt" and c.lower_ in ctx.lex.undoing_particles or c.dep_ == "oprd" for c in _children(gov)):
        light = False  # "police broke *up* a march": they ended it, it is not theirs; "called the strike illegal": a judgement
    if gov is not None and not sources:
        if light:  # "X held talks", "talks were held by X"
            subj = subject(gov, ctx) if not is_passive(gov) else next(iter(agents_of(gov)), None)
            controller = _object_controller(gov)
            if controller is not None:  # "told the nurses *to end* the protest": the nurses end it, not the teller
                subj = controller
        elif how == "prep" and tok.head.lower_ in SETTING_PREPS and not sense.patient \
                and not (sense.inherit_target and tok.head.lower_ in _HOLDING_PREPS - {"on"}):
            subj = subject(gov, ctx) if not is_passive(gov) else next(iter(agents_of(gov)), None)
        if subj is not None:
            sources = actors([subj], ctx) or speaker_side(subj, ctx)
    if light:  # "held talks *with* X"
        target_toks.extend(prep_objects(gov, target_preps))
    rel = light_clause(tok, ctx.lex) if not light else None
    if rel is not None:  # "the talks she held *with* X", "the discussions I have had with him": that clause's act
        rel_subj = next((c for c in _children(rel) if c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE), None)
        if rel_subj is not None and not sources:
            subj = rel_subj
            sources = actors([rel_subj], ctx) or speaker_side(rel_subj, ctx)
        target_toks.extend(prep_objects(rel, target_preps))
    if gov is not None and how == "obj" and not sense.patient and "from" not in sense.target \
            and gov.lemma_.lower() in ctx.lex.receiving_verbs:
        # "Tumbria will receive a visit *from X*": the act is done to the receiver, by whoever it comes from
        add_ids(sources, actors([o for g in prep_objects(tok, ("from",)) + prep_objects(gov, ("from",)) for o in g], ctx))
        receiver = subject(gov, ctx)
        if receiver is not None and not any(target_toks):
            target_toks.append([receiver])
    if gov is not None and how == "subj" and gov.lemma_.lower() in ctx.lex.impact_verbs:  # "a strike hit X"
        target_toks.append([c for c in _children(gov) if c.dep_ in OBJ_DEPS])
    if gov is not None and how == "prep" and sense.inherit_target and tok.head.lower_ in _HOLDING_PREPS:
        # "detained X on suspicion", "X was taken into custody", "who have been *in custody*"
        held = [c for c in _children(gov) if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass"]
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
    owners = [noun, *(o for c in _children(noun) if c.dep_ == "prep" for o in pobjs(c))]
    return any(c.dep_ == "poss" and c.lower_ == "their" for o in owners for c in _children(o))


def _doers(noun: "Token", ctx: Context) -> list[str]:
    """The actors of the act a noun names, from the latest earlier event of that kind ("the expulsion"
    after "X expelled an attaché")."""
    senses = [x for x in ctx.lex.by_first.get(noun.lemma_.lower(), ()) if "NOUN" in x.pos and len(x.words) == 1]
    decided = ctx.lex.decision_nouns.get(noun.lemma_.lower(), frozenset())  # "condemned *the decision*"
    for prior in reversed(ctx.built):
        if prior.source and (any(prior.type == x.type and x.mode in (None, prior.mode) for x in senses)
                             or prior.type in decided):
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


def _object_controller(verb: "Token") -> "Token | None":
    """The object of the verb a to-infinitive with no subject of its own completes ("told *the nurses* to end
    it", "urged *the union* to hold talks"): who does the infinitive's act (object control); else None."""
    if verb.dep_ != "xcomp" or any(c.dep_ in SUBJ_DEPS for c in _children(verb)):
        return None
    return next((c for c in _children(verb.head) if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
