"""The events stage on sentences written for these tests (fictional people and places).

Entities, times and statements are built by hand, so these tests check the events stage alone.
"""

from __future__ import annotations

import re

import pytest

from newsledger.extract.events.stage import find_events
from newsledger.extract.events.lexicon import lexicon
from newsledger.records import EVENT_STATUSES, EVENT_TYPES, Entity, Event, Span, Statement, Time, TimeValue

# The modes SPEC.md lists per type.
SPEC_MODES = {
    "CONSULT": {"visit", "phone", "multilateral", "third-party"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}

# Fictional cast: id -> (type, names as written, pronouns given as (word, occurrence) are added by tests)
CAST = {
    "e1": ("GPE", ["Arvelia", "Arvelian"]),
    "e2": ("GPE", ["Tumbria", "Tumbrian"]),
    "e3": ("PERSON", ["Dara Quell", "Quell"]),
    "e4": ("PERSON", ["Oren Malik", "Malik"]),
    "e5": ("ORG", ["Redhand Front", "Redhand"]),
    "e6": ("ORG", ["Northern Guard"]),
    "e7": ("GPE", ["Velmar"]),
    "e8": ("PERSON", ["Ilsa Varn", "Varn"]),
}


def make_entities(text: str, pronouns: dict[str, list[tuple[int, int]]] | None = None) -> list[Entity]:
    """Entities of CAST with every mention of their names in ``text`` (longest names first)."""
    taken: set[int] = set()
    out = []
    for eid, (etype, names) in CAST.items():
        spans = []
        for name in sorted(names, key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                if not taken & set(range(m.start(), m.end())):
                    taken.update(range(m.start(), m.end()))
                    spans.append(Span(m.start(), m.end(), m.group()))
        for start, end in (pronouns or {}).get(eid, []):
            spans.append(Span.of(text, start, end))
        if spans:
            out.append(Entity(id=eid, type=etype, name=names[0], mentions=tuple(sorted(spans, key=lambda s: s.start))))
    return out


def make_time(text: str, phrase: str, value: str) -> Time:
    start = text.index(phrase)
    return Time(start, start + len(phrase), phrase, "DATE", value)


def events_of(nlp, text: str, times: tuple[tuple[str, str], ...] = (), statements=(), pronouns=None) -> list[Event]:
    doc = nlp(text)
    return find_events(doc, make_entities(text, pronouns), [make_time(text, p, v) for p, v in times], statements)


def only(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, f"expected one {etype} event, got {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


# ------------------------------------------------------------------------------ lexicon (no model)
def test_lexicon_covers_every_plover_type_with_several_triggers():
    lex = lexicon()
    by_type: dict[str, set[str]] = {}
    for senses in lex.by_first.values():
        for s in senses:
            by_type.setdefault(s.type, set()).add(s.lemma)
    assert set(by_type) == set(EVENT_TYPES)
    for t, lemmas in by_type.items():
        assert len(lemmas) >= 3, f"{t} has only {sorted(lemmas)}"


def test_lexicon_modes_are_the_spec_modes():
    for senses in lexicon().by_first.values():
        for s in senses:
            if s.mode is not None:
                assert s.mode in SPEC_MODES.get(s.type, set()), (s.lemma, s.type, s.mode)
            if s.negated_as:
                assert s.negated_as in EVENT_TYPES


def test_lexicon_covers_every_spec_mode_family():
    modes = {(s.type, s.mode) for senses in lexicon().by_first.values() for s in senses if s.mode}
    for etype in ("CONSULT", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"):
        assert len({m for t, m in modes if t == etype}) >= 3, etype


def test_empty_inputs_give_no_events_and_no_crash(nlp):
    doc = nlp("")
    assert find_events(doc, [], []) == []


# ------------------------------------------------------------------------------ every type
TYPE_CASES = [
    ("AGREE", "Arvelia pledged to withdraw its troops from the border.", "e1", None),
    ("CONSULT", "Dara Quell visited Velmar.", "e3", "e7"),
    ("SUPPORT", "Tumbria welcomed the decision of Arvelia.", "e2", None),
    ("CONCEDE", "Arvelia granted amnesty to Oren Malik.", "e1", "e4"),
    ("COOPERATE", "Arvelia cooperated with Tumbria on border security.", "e1", "e2"),
    ("AID", "Tumbria sent humanitarian aid to Arvelia.", "e2", "e1"),
    ("RETREAT", "The Redhand Front released Oren Malik.", "e5", "e4"),
    ("REQUEST", "Dara Quell urged Tumbria to open the border.", "e3", "e2"),
    ("ACCUSE", "Arvelia accused Tumbria of shelling the border villages.", "e1", "e2"),
    ("REJECT", "Tumbria rejected the demands of Arvelia.", "e2", None),
    ("THREATEN", "Arvelia threatened Tumbria with new tariffs.", "e1", "e2"),
    ("PROTEST", "Thousands of farmers protested against Tumbria in Velmar.", None, "e2"),
    ("SANCTION", "Arvelia imposed sanctions on Tumbria.", "e1", "e2"),
    ("MOBILIZE", "Tumbria deployed troops to the border with Arvelia.", "e2", None),
    ("COERCE", "The Northern Guard arrested Oren Malik.", "e6", "e4"),
    ("ASSAULT", "The Redhand Front kidnapped Oren Malik.", "e5", "e4"),
]


@pytest.mark.slow
@pytest.mark.parametrize("etype,text,source,target", TYPE_CASES, ids=[c[0] for c in TYPE_CASES])
def test_every_plover_type(nlp, etype, text, source, target):
    ev = only(events_of(nlp, text), etype)
    if source:
        assert source in ev.source
    if target:
        assert target in ev.target
    assert ev.status == "asserted"
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_type_cases_cover_every_type():
    assert {c[0] for c in TYPE_CASES} == set(EVENT_TYPES)


@pytest.mark.slow
def test_modes_and_cameo(nlp):
    evs = events_of(nlp, "The Redhand Front kidnapped Oren Malik. Dara Quell visited Velmar.")
    assert only(evs, "ASSAULT").mode == "abduct" and only(evs, "ASSAULT").cameo == "181"
    assert only(evs, "CONSULT").mode == "visit" and only(evs, "CONSULT").cameo == "042"


@pytest.mark.slow
def test_ordered_to_leave_is_an_expulsion(nlp):
    ev = only(events_of(nlp, "Arvelia ordered two Tumbrian trade envoys to quit Velmar by dawn."), "SANCTION")
    assert ev.mode == "expel" and ev.source == ("e1",) and "e2" in ev.target


@pytest.mark.slow
def test_request_mode_from_the_act_requested(nlp):
    ev = only(events_of(nlp, "Dara Quell urged Tumbria to release the stranded fishermen."), "REQUEST")
    assert ev.mode == "yield"
    # the release asked for is the content of the request, not an event of its own
    assert not [e for e in events_of(nlp, "Dara Quell urged Tumbria to release the stranded fishermen.") if e.type == "RETREAT"]


# ------------------------------------------------------------------------------ status
@pytest.mark.slow
@pytest.mark.parametrize("text,status", [
    ("The Redhand Front released Oren Malik.", "asserted"),
    ("Oren Malik will be released by the Redhand Front.", "future"),
    ("Oren Malik might be released by the Redhand Front.", "hypothetical"),
    ("The Redhand Front did not release Oren Malik.", "negated"),
])
def test_status(nlp, text, status):
    assert only(events_of(nlp, text), "RETREAT").status == status


@pytest.mark.slow
def test_denied_that_negates_the_event_inside(nlp):
    ev = only(events_of(nlp, "Arvelia denied that its forces abducted Oren Malik."), "ASSAULT")
    assert ev.status == "negated"


@pytest.mark.slow
def test_status_from_the_statement_it_is_reported_in(nlp):
    text = "Ilsa Varn said that Tumbria expels the Arvelian diplomats."
    start = text.index("Tumbria")
    content = Span.of(text, start, len(text) - 1)
    st = Statement(id="s1", speaker="e8", speaker_text="Ilsa Varn", cue="said", channel=None, channel_text=None,
                   direct=False, content=content, evidence=Span.of(text, 0, len(text)), kind="prediction")
    ev = only(events_of(nlp, text, statements=[st]), "SANCTION")
    assert ev.status == "future"


# ------------------------------------------------------------------------------ participants
@pytest.mark.slow
def test_passive_agent_maps_to_the_organization(nlp):
    ev = only(events_of(nlp, "Two farmhands were shot by a Redhand gunman."), "ASSAULT")
    assert ev.source == ("e5",)


@pytest.mark.slow
def test_passive_without_agent_keeps_an_empty_source(nlp):
    ev = only(events_of(nlp, "Oren Malik was detained at a checkpoint on the coast road."), "COERCE")
    assert ev.source == () and ev.target == ("e4",) and ev.mode == "arrest"


@pytest.mark.slow
def test_conjoined_actors_act_on_each_other(nlp):
    ev = only(events_of(nlp, "Arvelia and Tumbria signed a trade treaty."), "SUPPORT")
    assert set(ev.source) == {"e1", "e2"} and set(ev.target) == {"e1", "e2"}


@pytest.mark.slow
def test_conjoined_targets(nlp):
    ev = only(events_of(nlp, "The Northern Guard arrested Oren Malik and Ilsa Varn."), "COERCE")
    assert set(ev.target) == {"e4", "e8"}


@pytest.mark.slow
def test_talks_with_and_visit_to(nlp):
    evs = events_of(nlp, "Dara Quell held talks with Ilsa Varn on a trip to Velmar.")
    talks = [e for e in evs if e.type == "CONSULT" and e.mode is None]
    visit = [e for e in evs if e.type == "CONSULT" and e.mode == "visit"]
    assert talks and talks[0].source == ("e3",) and talks[0].target == ("e8",)
    assert visit and visit[0].source == ("e3",) and visit[0].target == ("e7",)


@pytest.mark.slow
def test_possessor_and_delegation_stand_for_their_entity(nlp):
    ev = only(events_of(nlp, "The Arvelian delegation met Tumbria's foreign minister."), "CONSULT")
    assert ev.source == ("e1",) and ev.target == ("e2",)


@pytest.mark.slow
def test_pronoun_subject_inside_a_statement_is_the_speaker(nlp):
    text = "The Northern Guard said it has jailed Oren Malik."
    content = Span.of(text, text.index("it has"), len(text) - 1)
    st = Statement(id="s1", speaker="e6", speaker_text="The Northern Guard", cue="said", channel=None,
                   channel_text=None, direct=False, content=content, evidence=Span.of(text, 0, len(text)))
    ev = only(events_of(nlp, text, statements=[st]), "COERCE")
    assert ev.source == ("e6",) and ev.target == ("e4",)


@pytest.mark.slow
def test_no_actor_no_event(nlp):
    assert events_of(nlp, "The committee released a report about the weather.") == []
    assert events_of(nlp, "The ministers said the plan was expected.") == []


# ------------------------------------------------------------------------------ place and date
@pytest.mark.slow
def test_location_from_the_place_phrase(nlp):
    ev = only(events_of(nlp, "The Northern Guard arrested Oren Malik in Velmar."), "COERCE")
    assert ev.location == "e7"


@pytest.mark.slow
def test_date_from_its_own_time_expression(nlp):
    text = "The Northern Guard arrested Oren Malik on Friday."
    ev = only(events_of(nlp, text, times=(("Friday", "2024-05-03"),)), "COERCE")
    assert ev.date == TimeValue("2024-05-03", "on Friday")


@pytest.mark.slow
def test_date_from_the_statement_when_the_event_has_none(nlp):
    text = "Ilsa Varn said on Monday that the Northern Guard had arrested Oren Malik."
    content = Span.of(text, text.index("the Northern"), len(text) - 1)
    st = Statement(id="s1", speaker="e8", speaker_text="Ilsa Varn", cue="said", channel=None, channel_text=None,
                   direct=False, content=content, evidence=Span.of(text, 0, len(text)),
                   date=TimeValue("2024-05-06", "Monday"))
    ev = only(events_of(nlp, text, times=(("Monday", "2024-05-06"),), statements=[st]), "COERCE")
    assert ev.date == TimeValue("2024-05-06", "Monday")


@pytest.mark.slow
def test_no_time_no_date_never_the_publication_date(nlp):
    ev = only(events_of(nlp, "The Northern Guard arrested Oren Malik."), "COERCE")
    assert ev.date is None


@pytest.mark.slow
def test_deadline_is_not_the_date(nlp):
    text = "Arvelia ordered the Tumbrian consul to depart Velmar within five days."
    ev = only(events_of(nlp, text, times=(("within five days", "2024-05-06/2024-05-11"),)), "SANCTION")
    assert ev.date is None


# ------------------------------------------------------------------------------ one event per act
@pytest.mark.slow
def test_repeated_mentions_are_one_event(nlp):
    text = ("Dara Quell held talks with Ilsa Varn in Velmar. "
            "The talks between Quell and Varn lasted three hours.")
    evs = [e for e in events_of(nlp, text) if e.type == "CONSULT"]
    assert len(evs) == 1
    assert len(evs[0].mentions) == 2
    assert evs[0].evidence.start == 0 and evs[0].trigger.text == "talks"


@pytest.mark.slow
def test_different_acts_stay_apart(nlp):
    text = "The Northern Guard arrested Oren Malik. The Northern Guard arrested Ilsa Varn a week later."
    assert len([e for e in events_of(nlp, text) if e.type == "COERCE"]) == 2


@pytest.mark.slow
def test_noun_in_a_phrase_of_a_verb_of_the_same_type_is_the_same_act(nlp):
    ev = only(events_of(nlp, "Oren Malik was killed in a Redhand bombing near the market."), "ASSAULT")
    assert ev.source == ("e5",) and ev.target == ("e4",) and len(ev.mentions) == 2


@pytest.mark.slow
def test_ids_in_text_order_and_records_valid(nlp):
    text = "Tumbria welcomed the decision of Arvelia. The Redhand Front kidnapped Oren Malik in Velmar."
    evs = events_of(nlp, text)
    assert [e.id for e in evs] == [f"v{i}" for i in range(1, len(evs) + 1)]
    assert [e.trigger.start for e in evs] == sorted(e.trigger.start for e in evs)
    for e in evs:
        assert e.status in EVENT_STATUSES
        for s in (e.trigger, e.evidence, *e.mentions):
            assert text[s.start:s.end] == s.text


@pytest.mark.slow
def test_stage_is_registered(nlp):
    from newsledger.pipeline import Found, registered_stages
    from newsledger.records import Article

    st = next(s for s in registered_stages(["events"]) if s.name == "events")
    assert st.provides == ("events",) and set(st.requires) == {"entities", "times", "statements"}
    found = st(nlp("Dara Quell visited Velmar."), Found(Article(text="Dara Quell visited Velmar.")))
    assert isinstance(found.events, tuple)


# ------------------------------------------------------------------------------ more syntax
@pytest.mark.slow
def test_prisoner_exchange_both_sides_release(nlp):
    ev = only(events_of(nlp, "Arvelia and Tumbria exchanged captives at a mountain pass, releasing Oren Malik."), "RETREAT")
    assert set(ev.source) == {"e1", "e2"} and "e4" in ev.target and ev.mode == "release"
    assert len(ev.mentions) == 2  # "exchanged" and "releasing" are one act


@pytest.mark.slow
def test_dateline_is_not_the_actor(nlp):
    ev = only(events_of(nlp, "PORT ALVA — Arvelia expelled two Tumbrian envoys on Monday."), "SANCTION")
    assert ev.source == ("e1",) and ev.target == ("e2",) and ev.mode == "expel"


@pytest.mark.slow
def test_reason_of_a_charge_is_not_an_event(nlp):
    evs = events_of(nlp, "Oren Malik was charged with supporting the Redhand Front.")
    assert [e.type for e in evs] == ["ACCUSE"]


@pytest.mark.slow
def test_negated_verbal_act_is_no_event_but_negated_deed_is(nlp):
    assert not events_of(nlp, "Dara Quell did not accuse Tumbria.")
    ev = only(events_of(nlp, "The Northern Guard did not arrest Oren Malik."), "COERCE")
    assert ev.status == "negated"


@pytest.mark.slow
def test_wants_x_to_is_a_request_of_x(nlp):
    ev = only(events_of(nlp, "Arvelia wants Tumbria to release Oren Malik."), "REQUEST")
    assert ev.source == ("e1",) and ev.target == ("e2",) and ev.mode == "yield"


@pytest.mark.slow
def test_held_in_custody_is_detention(nlp):
    ev = only(events_of(nlp, "For two winters Oren Malik has been held at a labour camp in Velmar."), "COERCE")
    assert ev.target == ("e4",) and ev.mode == "arrest" and ev.location == "e7"
    assert not [e for e in events_of(nlp, "Arvelia held talks in Velmar.") if e.type == "COERCE"]


@pytest.mark.slow
def test_never_concede_is_a_rejection(nlp):
    text = "Dara Quell said she will never concede the harbour district."
    she = text.index("she")
    ev = only(events_of(nlp, text, pronouns={"e3": [(she, she + 3)]}), "REJECT")
    assert ev.source == ("e3",)


@pytest.mark.slow
def test_generic_security_forces_in_a_statement_stand_for_the_speaker(nlp):
    text = "The Northern Guard said soldiers fired stun grenades at the marchers."
    content = Span.of(text, text.index("soldiers"), len(text) - 1)
    st = Statement(id="s1", speaker="e6", speaker_text="The Northern Guard", cue="said", channel=None,
                   channel_text=None, direct=False, content=content, evidence=Span.of(text, 0, len(text)))
    ev = only(events_of(nlp, text, statements=[st]), "ASSAULT")
    assert ev.source == ("e6",) and ev.mode == "crowd-control"


@pytest.mark.slow
def test_long_document_is_fast(nlp):
    """Linear in the length: ten times the paragraphs, at most about ten times the work (counted in calls)."""
    from linearity import assert_linear

    para = ("The Northern Guard arrested Oren Malik in Velmar. Dara Quell urged Tumbria to release him. "
            "Arvelia and Tumbria held talks with the Redhand Front. ")
    small, big = nlp(para * 20), nlp(para * 200)
    ents = {id(small): make_entities(small.text), id(big): make_entities(big.text)}
    a, b = assert_linear(lambda d: find_events(d, ents[id(d)], []), small, big, 10)
    assert b and len(b) == len(a)  # the repeated acts are mentions of the same three events


@pytest.mark.slow
def test_unnamed_security_forces_still_make_a_physical_event(nlp):
    ev = only(events_of(nlp, "Soldiers detained nine fishermen in Velmar."), "COERCE")
    assert ev.source == () and ev.location == "e7"
    assert not events_of(nlp, "Officials urged calm.")  # a verbal act needs a named speaker


@pytest.mark.slow
def test_definite_description_from_an_apposition(nlp):
    text = "The Redhand Front, an armed movement, held a rally. On Monday the movement released three sailors."
    ev = only(events_of(nlp, text), "RETREAT")
    assert ev.source == ("e5",)


@pytest.mark.slow
def test_pronoun_object_of_a_participle_is_the_person_of_the_main_clause(nlp):
    text = "Arvelia summoned a Tumbrian envoy, accusing him of smuggling."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert ev.source == ("e1",) and ev.target == ("e2",)


@pytest.mark.slow
def test_rejecting_someones_appeal_targets_them(nlp):
    ev = only(events_of(nlp, "The Northern Guard rejected Oren Malik's appeal."), "REJECT")
    assert ev.target == ("e4",)


@pytest.mark.slow
def test_a_clause_after_another_time_keeps_its_own_date(nlp):
    text = "Dara Quell protested on Friday, two days after the Northern Guard detained Oren Malik."
    ev = only(events_of(nlp, text, times=(("Friday", "2024-05-03"),)), "COERCE")
    assert ev.date is None


@pytest.mark.slow
def test_both_sides_are_the_parties_of_the_last_two_party_act(nlp):
    text = "Dara Quell met Oren Malik in Velmar. Both sides agreed to reopen the border."
    ev = only(events_of(nlp, text), "AGREE")
    assert set(ev.source) == {"e3", "e4"}


@pytest.mark.slow
def test_warning_of_ones_own_act_is_a_threat(nlp):
    ev = only(events_of(nlp, "Arvelia warned that it would cut ties with Tumbria."), "THREATEN")
    assert ev.source == ("e1",) and ev.target == ("e2",) and ev.mode == "relations"
    assert not [e for e in events_of(nlp, "Dara Quell warned that the economy could collapse.")]


@pytest.mark.slow
def test_claimed_responsibility_names_the_attacker(nlp):
    text = "The Redhand Front claimed responsibility for a bombing in Velmar."
    ev = only(events_of(nlp, text), "ASSAULT")
    assert ev.source == ("e5",) and ev.location == "e7"


@pytest.mark.slow
def test_until_clause_follows_a_future_main_clause(nlp):
    text = "The Redhand Front will fight until Arvelia releases Oren Malik."
    ev = only(events_of(nlp, text), "RETREAT")
    assert ev.status == "future"


@pytest.mark.slow
def test_everyday_news_makes_no_political_events(nlp):
    text = ("Velmar Motors released its quarterly earnings. Dara Quell met reporters in Velmar. "
            "Rescue workers freed a family trapped in a house. The storm killed five people.")
    assert events_of(nlp, text) == []


@pytest.mark.slow
def test_an_act_under_discussion_is_a_topic_not_an_event(nlp):
    assert not events_of(nlp, "The withdrawal of Arvelian troops from Velmar will be discussed.")
    assert not [e for e in events_of(nlp, "Arvelia and Tumbria discussed sanctions.") if e.type == "SANCTION"]


@pytest.mark.slow
def test_negated_control_verb_negates_its_complement(nlp):
    ev = only(events_of(nlp, "Dara Quell was not allowed to visit Velmar."), "CONSULT")
    assert ev.status == "negated"


@pytest.mark.slow
@pytest.mark.parametrize("text,etype,mode", [
    ("The Redhand Front launched a drone attack on Velmar.", "ASSAULT", "drone"),
    ("Oren Malik was killed by a shell fired by the Redhand Front.", "ASSAULT", "heavy-weapons"),
    ("Dara Quell spoke with Oren Malik by phone.", "CONSULT", "phone"),
])
def test_mode_from_the_instrument(nlp, etype, mode, text):
    assert only(events_of(nlp, text), etype).mode == mode


@pytest.mark.slow
def test_a_strike_that_hit_a_place_targets_it(nlp):
    ev = only(events_of(nlp, "A missile strike by Arvelia hit Velmar on Friday.", times=(("Friday", "2024-05-03"),)),
              "ASSAULT")
    assert ev.source == ("e1",) and ev.target == ("e7",) and ev.date.value == "2024-05-03"


@pytest.mark.slow
def test_handing_over_hostages_is_a_release_and_a_truce_has_its_own_time(nlp):
    text = "The Redhand Front handed over two detainees on Thursday under a ceasefire mediated by Arvelia."
    evs = events_of(nlp, text, times=(("Thursday", "2024-05-02"),))
    release = [e for e in evs if e.mode == "release"]
    assert len(release) == 1 and release[0].source == ("e5",) and release[0].date.value == "2024-05-02"
    assert all(e.date is None for e in evs if e.mode in ("ceasefire", "third-party"))


@pytest.mark.slow
def test_both_sides_as_a_target(nlp):
    text = "Arvelia accused Tumbria of bombing farms. Ilsa Varn urged both sides to stop."
    ev = only(events_of(nlp, text), "REQUEST")
    assert set(ev.target) == {"e1", "e2"}


@pytest.mark.slow
def test_what_happened_and_what_will_happen_are_two_acts(nlp):
    text = ("The Redhand Front freed four hostages on Thursday. "
            "The Redhand Front said it would free the remaining hostages.")
    it = text.index(" it ") + 1
    evs = events_of(nlp, text, times=(("Thursday", "2024-05-02"),), pronouns={"e5": [(it, it + 2)]})
    assert sorted(e.status for e in evs) == ["asserted", "future"]


@pytest.mark.slow
def test_denying_claims_is_a_rejection_but_denying_that_negates(nlp):
    ev = only(events_of(nlp, "Tumbria denied Arvelia's claims."), "REJECT")
    assert ev.source == ("e2",) and ev.target == ("e1",)
    denied = events_of(nlp, "Tumbria denied that its police jailed Oren Malik.")
    assert [(e.type, e.status) for e in denied] == [("COERCE", "negated")]


@pytest.mark.slow
def test_location_from_a_farm_near_a_place(nlp):
    ev = only(events_of(nlp, "Oren Malik was kidnapped from a farm near Velmar."), "ASSAULT")
    assert ev.location == "e7" and ev.target == ("e4",) and ev.source == ()


@pytest.mark.slow
def test_calling_an_act_an_outrage_accuses_its_doer(nlp):
    text = "Arvelia expelled a Tumbrian envoy. Tumbria described the expulsion as a provocation."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert ev.source == ("e2",) and ev.target == ("e1",) and ev.mode == "disapprove"
    assert not [e for e in events_of(nlp, "Dara Quell called the meeting a success.") if e.type == "ACCUSE"]
