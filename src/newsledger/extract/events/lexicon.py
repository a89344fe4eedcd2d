"""The PLOVER trigger lexicon and the word classes of the events stage, loaded once from data files.

``data/lexicons/plover_triggers.json`` maps words and phrases to PLOVER senses (type, mode, CAMEO code
and where the actors come from); ``data/lexicons/plover_roles.json`` holds the word classes around them
(light verbs, proxy nouns such as "delegation", status words). See the ``_comment`` of each file for
where the entries come from. Nothing here touches spaCy: a :class:`Sense` is plain data.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Mapping

from ...analysis.words import word_class
from ...errors import LanguageDataError

__all__ = ["Sense", "Lexicon", "lexicon", "PLOVER_CONTEXTS", "event_contexts"]

#: The PLOVER contexts (the ``contexts`` of a PLOVER/POLECAT event: the area of politics an act belongs to), as
#: the PLOVER codebook's CAMEO-to-PLOVER table (openeventdata/PLOVER, CAMEO2PLOVER-2021.txt) and POLECAT name them.
PLOVER_CONTEXTS = frozenset({
    "asylum", "cbrn", "corruption", "crime", "cyber", "democracy", "diplomatic", "disaster", "economic", "election",
    "environment", "executive", "health", "human_rights", "humanitarian", "intelligence", "legal", "migration",
    "military", "peacekeeping", "political_institutions", "refugee", "rights_freedoms", "territory", "terrorism",
})

_POS = {"VERB": frozenset({"VERB"}), "NOUN": frozenset({"NOUN", "PROPN"}), "ADJ": frozenset({"ADJ"})}
_ANY_POS = frozenset({"VERB", "NOUN", "PROPN"})


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: what it codes and how its participants are found."""

    words: tuple[str, ...]  # lower-case lemmas; a phrase has several ("hunger", "strike")
    pos: frozenset[str]
    type: str
    id: str = ""  # the rule row's id ("strike.noun.protest.strike"); the trace names it
    mode: str | None = None
    cameo: str | None = None
    needs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    unless: Mapping[str, frozenset[str]] = field(default_factory=dict)  # conditions that rule the sense out
    target: tuple[str, ...] = ()  # "dobj", "dative" or a preposition
    source_preps: tuple[str, ...] = ()
    patient: bool = False  # noun: possessor and "of" name the target ("his release")
    reciprocal: bool = False  # conjoined actors act on each other ("X and Y signed")
    speech: bool = False  # a verbal act: its complement is its content
    standalone: str | None = None  # "always" | "subject"
    person_target: bool = False
    target_entity: bool = False
    only_status: frozenset[str] = frozenset()
    inherit_target: bool = False
    negated_as: str | None = None  # the type a negated mention takes ("never conceded" -> REJECT)
    lower_case: bool = False  # only written in lower case: "a march", never the month "March"
    context: tuple[str, ...] = ()  # PLOVER contexts of the act ("labor", "legal"); the PLOVER export writes them
    also: tuple[str, ...] = ()  # further types the same act codes ("signed a treaty": AGREE, and SUPPORT (CAMEO 057))
    implied_source: tuple[str, ...] = ()  # kinds of body ("police") whose act this is when the text names no actor

    @property
    def lemma(self) -> str:
        return " ".join(self.words)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Sense":
        words = tuple(w for w in re.split(r"\s+", d["lemma"].lower().strip()) if w)
        pos = _POS[d["pos"]] if d.get("pos") else _ANY_POS
        needs = {k: frozenset(w.lower() for w in v) for k, v in (d.get("needs") or {}).items()}
        unless = {k: frozenset(w.lower() for w in v) for k, v in (d.get("unless") or {}).items()}
        return cls(
            words=words, id=d["id"], context=tuple(d.get("context") or ()), pos=pos, type=d["type"], mode=d.get("mode"), cameo=d.get("cameo"), needs=needs, unless=unless,
            target=tuple(d.get("target") or ()), source_preps=tuple(d.get("source_preps") or ()),
            patient=bool(d.get("patient")), reciprocal=bool(d.get("reciprocal")), speech=bool(d.get("speech")),
            standalone=d.get("standalone"), person_target=bool(d.get("person_target")),
            target_entity=bool(d.get("target_entity")), only_status=frozenset(d.get("only_status") or ()),
            inherit_target=bool(d.get("inherit_target")), negated_as=d.get("negated_as"),
            lower_case=bool(d.get("lower_case")), also=tuple(d.get("also") or ()),
            implied_source=_kinds(d.get("implied_source")),
        )


def _kinds(value: Any) -> tuple[str, ...]:
    """A sense's ``implied_source``: one kind ("police") or a list of kinds (["police", "customs"])."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Lexicon:
    by_first: Mapping[str, tuple[Sense, ...]]  # first word -> senses, longest phrases first
    light_verbs: frozenset[str]
    undoing_particles: frozenset[str]
    planning_verbs: frozenset[str]
    natural_agents: frozenset[str]
    ending_particles: frozenset[str]
    representative_nouns: frozenset[str]
    visited_places: frozenset[str]
    aspectual_verbs: frozenset[str]
    proxy_heads: frozenset[str]
    person_nouns: frozenset[str]
    generic_agents: frozenset[str]
    party_nouns: Mapping[str, str]  # noun -> the kind of party it names: ANY, GROUP or PERSON
    responsibility_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    impact_verbs: frozenset[str]
    judgment_words: frozenset[str]
    recurrence_words: frozenset[str]
    decision_nouns: Mapping[str, frozenset[str]]  # noun -> event types it may name
    kind_nouns: Mapping[str, frozenset[str]]  # "union" -> words naming that kind of body in a name
    collective_nouns: frozenset[str]  # kind nouns and members that name a body's people ("police"): all bodies of it
    summoning_verbs: frozenset[str]  # "was called to assist": what the subject is summoned to do is no act told
    option_nouns: frozenset[str]  # "the right to strike": an act one may do, none done
    receiving_verbs: frozenset[str]  # "receive a visit from X": the subject is the target
    complement_modes: Mapping[str, Mapping[str, str]]  # type -> lemma of the act asked/threatened -> mode
    instrument_modes: Mapping[str, Mapping[str, str]]  # type -> lemma of the instrument or means -> mode
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    conditional_marks: frozenset[str]
    following_marks: frozenset[str]
    statement_status: Mapping[str, str]


def _check_rows(rows: Any) -> None:
    """Every sense a rule row: a unique id and invented examples (at least one positive) that
    tests/test_event_senses.py runs; a bad row is a LanguageDataError naming the fix."""
    where = "data/lexicons/plover_triggers.json"
    seen: set[str] = set()
    for k, row in enumerate(rows):
        rid = row.get("id") if isinstance(row, dict) else None
        if not isinstance(rid, str) or not rid or rid in seen:
            raise LanguageDataError(f"{where}: trigger {k} has a missing or repeated id {rid!r}; give each sense a unique id")
        seen.add(rid)
        ex = row.get("examples")
        if not isinstance(ex, dict) or set(ex) != {"positive", "negative"} or not ex["positive"] \
                or not isinstance(ex["negative"], list):
            raise LanguageDataError(f"{where}: sense {rid!r} needs examples {{'positive': [at least one sentence], "
                                    "'negative': [...]}}")
        if not set(row.get("context") or ()) <= PLOVER_CONTEXTS:
            raise LanguageDataError(f"{where}: sense {rid!r} has contexts {sorted(set(row['context']) - PLOVER_CONTEXTS)} "
                                    f"outside the PLOVER contexts; use some of {sorted(PLOVER_CONTEXTS)}")


def _collective_nouns(roles: Mapping[str, Any]) -> frozenset[str]:
    """The kind nouns and member nouns of the collective kinds ("police", "policemen", "gardai")."""
    out: set[str] = set()
    for kind in roles.get("collective_kinds", ()):
        if kind not in roles["kind_nouns"]:
            raise LanguageDataError(f"data/lexicons/plover_roles.json: collective_kinds names {kind!r}, which is no "
                                    f"key of kind_nouns; add it there or use one of {sorted(roles['kind_nouns'])}")
        out.add(kind.lower())
        out.update(w.lower() for w in roles.get("kind_members", {}).get(kind, ()))
    return frozenset(out)


def _kind_nouns(roles: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """Noun -> the words naming its kind of body: the kind nouns themselves ("union", "police") and the nouns
    for their members ("policemen"), which stand for the body the same way."""
    kinds = {k: frozenset(w.lower() for w in ws) for k, ws in roles["kind_nouns"].items()}
    for kind, nouns in roles.get("kind_members", {}).items():
        if kind not in kinds:
            raise LanguageDataError(f"data/lexicons/plover_roles.json: kind_members names {kind!r}, which is no "
                                    f"key of kind_nouns; add it there or use one of {sorted(kinds)}")
        kinds.update({w.lower(): kinds[kind] for w in nouns})
    return kinds


def _read(name: str) -> dict:
    path = resources.files("newsledger") / "data" / "lexicons" / name
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    triggers = _read("plover_triggers.json")
    roles = _read("plover_roles.json")
    by_first: dict[str, list[Sense]] = {}
    _check_rows(triggers["triggers"])
    for entry in triggers["triggers"]:
        sense = Sense.from_json(entry)
        by_first.setdefault(sense.words[0], []).append(sense)
    ordered = {k: tuple(sorted(v, key=lambda s: -len(s.words))) for k, v in by_first.items()}  # stable sort
    status = roles["status"]
    fs = lambda key, src=roles: frozenset(w.lower() for w in src[key])  # noqa: E731
    modes = {etype: {w: mode for mode, words in table.items() for w in words}
             for etype, table in roles["complement_modes"].items() if not etype.startswith("_")}
    parties = {w: kind for kind, words in roles["party_nouns"].items() for w in words}
    instruments = {etype: {w: mode for mode, words in table.items() for w in words}
                   for etype, table in roles["instrument_modes"].items() if not etype.startswith("_")}
    return Lexicon(
        by_first=ordered,
        light_verbs=fs("light_verbs"), undoing_particles=fs("undoing_particles"), planning_verbs=fs("planning_verbs"), natural_agents=fs("natural_agents"), ending_particles=fs("ending_particles"), representative_nouns=fs("representative_nouns"),
        visited_places=fs("visited_places"), aspectual_verbs=fs("aspectual_verbs"), proxy_heads=fs("proxy_heads"),
        person_nouns=fs("person_nouns"), generic_agents=fs("generic_agents"), party_nouns=parties,
        responsibility_verbs=fs("responsibility_verbs"), topic_verbs=fs("topic_verbs"), impact_verbs=fs("impact_verbs"),
        judgment_words=fs("judgment_words"), recurrence_words=fs("recurrence_words"),
        decision_nouns={w: frozenset(t for t, ws in roles["decision_nouns"].items() if w in ws)
                        for ws in roles["decision_nouns"].values() for w in ws},
        kind_nouns=_kind_nouns(roles), collective_nouns=_collective_nouns(roles), summoning_verbs=fs("summoning_verbs"),
        option_nouns=fs("option_nouns"),
        receiving_verbs=fs("receiving_verbs"),
        complement_modes=modes,
        instrument_modes=instruments,
        future_aux=word_class("future_auxiliaries"), hypothetical_aux=word_class("possibility_auxiliaries"),
        future_governors=fs("future_governors", status),
        hypothetical_governors=fs("hypothetical_governors", status),
        negating_governors=fs("negating_governors", status), conditional_marks=fs("conditional_marks", status),
        following_marks=fs("following_marks", status),
        statement_status=dict(roles["statement_status"]),
    )


def event_contexts(etype: str, mode: str | None, cameo: str | None, trigger: str) -> tuple[str, ...]:
    """The PLOVER contexts of a stored event, from the sense that coded it: the senses of that type, mode and
    CAMEO code whose first word starts the trigger's words ("arrest" for "arrested"); where no word decides,
    the contexts all those senses share. Empty where no sense names any: never a guess."""
    senses = [s for ss in lexicon().by_first.values() for s in ss
              if s.type == etype and s.mode == mode and (cameo is None or s.cameo == cameo)]
    senses += [s for ss in lexicon().by_first.values() for s in ss if etype in s.also and mode is None]  # no mode
    words = [w for w in re.split(r"[^a-z]+", trigger.lower()) if w]
    own = [s for s in senses if any(w.startswith(s.words[0][:max(4, len(s.words[0]) - 1)]) for w in words)]
    pool = own or senses
    if not pool:
        return ()
    shared = set(pool[0].context).intersection(*(s.context for s in pool[1:])) if not own else \
        {c for s in own for c in s.context}
    return tuple(sorted(shared))
