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
from typing import TYPE_CHECKING, Sequence

from ...stages import Found
from ...records import Entity, Event, Statement, Time
from ...trace import note, tracing
from .._doc import dateline_tokens, doc_text, sentences
from .._index import EntityIndex
from .lexicon import lexicon
from .kinds import told_kinds
from .syntax import Context, StatementIndex, descriptions, kind_bodies, name_words
from .when import attach_times, ordered, own_time, unasserted
from .triggers import _is_content_of_act, _match, inside_name
from .roles import _build, _Raw, _remember_parties
from .merge import _absorb, _bodies_behind_officers, _dedup, _drop_orders, _headline_echoes, _same_occasion, _strikers_by_speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_events"]


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
    ctx.kind_bodies = kind_bodies(ents, lex, told_kinds(doc, ctx.index, lex, ctx.described))
    matched = []
    for sent in sentences(doc):
        for sense, toks, anchor in _match(sent, lex):
            matched.append((sense, toks, anchor, sent))
            ctx.anchors[anchor.i] = sense
    ctx.times_at = attach_times(doc, times, ctx.anchors)
    raws: list[_Raw] = []
    for sense, toks, anchor, sent in matched:
        if _is_content_of_act(anchor, ctx) or ordered(anchor):
            continue
        if inside_name(anchor, ctx):  # "the X Strike Committee": a word of a body's name (issue 11)
            note(doc, "events.dropped", "events.in_name", "the trigger is a word of an organization's name "
                 "(events.triggers.inside_name)", (anchor.idx, anchor.idx + len(anchor)), sense.id)
            continue
        why = unasserted(anchor, ctx)
        if why is not None:  # a habit, an expectation, an act not yet done: no event (issue 11)
            note(doc, "events.dropped", f"events.unasserted.{why}", "the trigger tells no act: a habit, an "
                 "expectation or an act not yet done (events.when.unasserted)", (anchor.idx, anchor.idx + len(anchor)), sense.id)
            continue
        built = _build(sense, toks, anchor, sent, ctx)
        raws.extend(built)
        ctx.built.extend(r for r in built if r.keep)
        for r in built:  # the parties "both sides" will refer to
            _remember_parties(list(dict.fromkeys(r.source + r.target)), r.keep, ctx)
    _bodies_behind_officers(raws, ctx)
    _strikers_by_speaker(raws, ctx)
    _drop_orders(raws, ctx)
    _absorb(raws, ctx)
    events = []
    kept = _headline_echoes(_dedup(raws, ctx), ctx)
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
