"""newsledger.ledger.track on invented stories: records built by hand, no model, no database."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from newsledger.errors import TrackError
from newsledger.ledger.track import Claim, Group, StatusEntry, claims, groups, timelines
from newsledger.ledger.track_status import match_event
from newsledger.records import Entity, Event, Record, Span, Statement, TimeValue


# ------------------------------------------------------------------ builders

def _span(text: str, piece: str, after: int = 0) -> Span:
    i = text.index(piece, after)
    return Span(i, i + len(piece), piece)


def record(doc: str, published: str, text: str, entities: dict[str, tuple[str, list[str]]],
           statements: list[dict] = (), events: list[dict] = ()) -> Record:
    """A record of ``text``: entities given as id -> (type, surface forms; every occurrence is a mention)."""
    ents = []
    for eid, (etype, forms) in entities.items():
        mentions = []
        for f in forms:
            at = text.find(f)
            while at >= 0:
                mentions.append(Span(at, at + len(f), f))
                at = text.find(f, at + 1)
        ents.append(Entity(eid, etype, forms[0], tuple(forms[1:]), tuple(sorted(mentions, key=lambda m: m.start))))
    sts = [Statement(id=s["id"], speaker=s.get("speaker"), speaker_text=s.get("speaker_text", "someone"),
                     cue="said", channel=None, channel_text=None, direct=False,
                     content=_span(text, s["content"]), evidence=_span(text, s["content"]),
                     about=tuple(s.get("about", ())), kind=s.get("kind", "claim"),
                     date=TimeValue(s["date"], "then") if s.get("date") else None,
                     horizon=TimeValue(s["horizon"], "by then") if s.get("horizon") else None)
           for s in statements]
    evs = [Event(id=v["id"], type=v["type"], mode=v.get("mode"), trigger=_span(text, v["trigger"]),
                 evidence=_span(text, v["trigger"]), source=tuple(v.get("source", ())),
                 target=tuple(v.get("target", ())), date=TimeValue(v["date"], "then") if v.get("date") else None,
                 status=v.get("status", "asserted"))
           for v in events]
    return Record(id=doc, text=text, published=published, entities=tuple(ents), statements=tuple(sts),
                  events=tuple(evs)).validate()


def linked(*records: Record, **names: str) -> dict[tuple[str, str], str]:
    """A stand-in linker: a document entity whose name is a key of ``names`` belongs to that ledger entity."""
    out = {}
    for r in records:
        for e in r.entities:
            out[(r.id, e.id)] = names.get(e.name.replace(" ", "_"), f"{r.id}:{e.id}")
    return out


# ------------------------------------------------------------------ the story: a reporter held abroad

D1 = record(
    "d1", "2031-03-03",
    "Police in Valdora detained the reporter Ines Halloran on Saturday. Foreign Minister Piet Oosterbaan said "
    "Valdora will free Ines Halloran by the end of March. Prosecutors said they would charge Halloran within ten days.",
    {"e1": ("PERSON", ["Ines Halloran", "Halloran"]), "e2": ("PERSON", ["Piet Oosterbaan"]), "e3": ("GPE", ["Valdora"]),
     "e4": ("ORG", ["Prosecutors"])},
    statements=[
        {"id": "s1", "speaker": "e2", "content": "Valdora will free Ines Halloran by the end of March",
         "about": ["e3", "e1"], "kind": "prediction", "date": "2031-03-02", "horizon": "2031-03-31"},
        {"id": "s2", "speaker": "e4", "content": "they would charge Halloran within ten days", "about": ["e1"],
         "kind": "commitment", "date": "2031-03-02", "horizon": "2031-03-02/2031-03-12"}],
    events=[{"id": "v1", "type": "COERCE", "mode": "arrest", "trigger": "detained", "source": ["e3"],
             "target": ["e1"], "date": "2031-03-01"}])

D2 = record(
    "d2", "2031-03-10",
    "Ines Halloran was charged with espionage on Monday. She has been held since March 1. Piet Oosterbaan "
    "said on Sunday that Halloran will be freed by the end of March.",
    {"e1": ("PERSON", ["Ines Halloran", "Halloran", "She"]), "e2": ("PERSON", ["Piet Oosterbaan"])},
    statements=[{"id": "s1", "speaker": "e2", "content": "Halloran will be freed by the end of March", "about": ["e1"],
                 "kind": "prediction", "date": "2031-03-02", "horizon": "2031-03-31"}],
    events=[{"id": "v1", "type": "ACCUSE", "mode": "allege", "trigger": "charged", "target": ["e1"], "date": "2031-03-09"},
            {"id": "v2", "type": "COERCE", "mode": "arrest", "trigger": "held", "target": ["e1"], "date": "2031-03-01"}])

D3 = record(
    "d3", "2031-04-04",
    "Ines Halloran is still in a cell in Valdora, a month after her arrest.",
    {"e1": ("PERSON", ["Ines Halloran"]), "e3": ("GPE", ["Valdora"])})

STORY = [D1, D2, D3]
LINK = linked(*STORY, Ines_Halloran="L1", Piet_Oosterbaan="L2", Valdora="L3", Prosecutors="L4")


def test_a_deadline_that_passes_fails_decided_by_the_first_article_after_it():
    cs = claims(STORY, LINK)
    free = next(c for c in cs if c.statement == "s1" and c.doc == "d1")
    assert free.outcome == "failed"
    assert free.decided_by == {"doc": "d3"}
    assert free.horizon == "2031-03-31"


def test_before_the_deadline_the_claim_is_pending():
    cs = claims(STORY, LINK, as_of="2031-03-20")
    free = next(c for c in cs if c.statement == "s1" and c.doc == "d1")
    assert free.outcome == "pending" and free.decided_by is None


def test_a_fulfilled_commitment_names_the_event_that_decides_it():
    charge = next(c for c in claims(STORY, LINK) if c.statement == "s2")
    assert charge.outcome == "fulfilled"
    assert charge.decided_by == {"doc": "d2", "event": "v1"}
    assert charge.to_json()["decided_by"] == {"doc": "d2", "event": "v1"}


def test_the_same_statement_reported_by_two_outlets_is_one_claim_one_report_one_group():
    cs = claims(STORY, LINK)
    free = [c for c in cs if c.speaker == "L2"]
    assert len(free) == 1
    assert free[0].reports == (("d2", "s1"),)
    st_groups = [g for g in groups(STORY, LINK) if g.kind == "statement"]
    assert [g.items for g in st_groups] == [(("d1", "s1"), ("d2", "s1"))]


def test_reports_of_one_detention_give_one_timeline_entry_and_one_event_group():
    tl = timelines(STORY, LINK)
    assert [e.to_json() for e in tl["L1"]] == [
        {"status": "detained", "date": "2031-03-01", "doc": "d1", "event": "v1"},
        {"status": "charged", "date": "2031-03-09", "doc": "d2", "event": "v1"}]
    ev_groups = [g for g in groups(STORY, LINK) if g.kind == "event"]
    assert ev_groups == [Group("event", (("d1", "v1"), ("d2", "v2")))]


# ------------------------------------------------------------------ a promise half kept

H1 = record(
    "h1", "2032-05-02",
    "Mayor Lotte Brandsma said she was sure that both Aron Tesfaye and Mirela Dunca will be released by the end of May.",
    {"e1": ("PERSON", ["Lotte Brandsma"]), "e2": ("PERSON", ["Aron Tesfaye"]), "e3": ("PERSON", ["Mirela Dunca"])},
    statements=[{"id": "s1", "speaker": "e1", "content": "both Aron Tesfaye and Mirela Dunca will be released by the end of May",
                 "about": ["e2", "e3"], "kind": "prediction", "date": "2032-05-01", "horizon": "2032-05-31"}])
H2 = record(
    "h2", "2032-05-20",
    "Aron Tesfaye walked free on Tuesday. Mirela Dunca remains in jail.",
    {"e1": ("PERSON", ["Aron Tesfaye"]), "e2": ("PERSON", ["Mirela Dunca"])},
    events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "free", "target": ["e1"], "date": "2032-05-18"}])
H3 = record("h3", "2032-06-03", "Mirela Dunca spent her birthday in jail.", {"e1": ("PERSON", ["Mirela Dunca"])})
HALF = [H1, H2, H3]
HLINK = linked(*HALF, Lotte_Brandsma="L1", Aron_Tesfaye="L2", Mirela_Dunca="L3")


def test_a_promise_half_kept_is_partly_decided_by_the_release():
    (c,) = claims(HALF, HLINK)
    assert (c.outcome, c.decided_by) == ("partly", {"doc": "h2", "event": "v1"})


def test_half_kept_but_the_deadline_still_ahead_is_pending():
    (c,) = claims(HALF[:2], HLINK)
    assert c.outcome == "pending"


def test_a_fulfilled_prediction_when_everyone_named_is_freed():
    h2 = record(
        "h2", "2032-05-20", "Aron Tesfaye and Mirela Dunca were freed on Tuesday.",
        {"e1": ("PERSON", ["Aron Tesfaye"]), "e2": ("PERSON", ["Mirela Dunca"])},
        events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "freed", "target": ["e1", "e2"],
                 "date": "2032-05-18"}])
    recs = [H1, h2, H3]
    (c,) = claims(recs, linked(*recs, Lotte_Brandsma="L1", Aron_Tesfaye="L2", Mirela_Dunca="L3"))
    assert (c.outcome, c.decided_by) == ("fulfilled", {"doc": "h2", "event": "v1"})
    assert timelines(recs, linked(*recs, Aron_Tesfaye="L2"))["L2"][0].status == "released"


# ------------------------------------------------------------------ a claim with no horizon

N1 = record(
    "n1", "2033-01-10", "Interior minister Jaro Velik told parliament: I will not resign.",
    {"e1": ("PERSON", ["Jaro Velik"])},
    statements=[{"id": "s1", "speaker": "e1", "content": "I will not resign", "kind": "commitment", "date": "2033-01-09"}])
N2 = record("n2", "2033-02-14", "Parliament debated the budget on Monday.", {})
N3 = record(
    "n3", "2033-03-01", "Jaro Velik resigned on Friday after the protests.", {"e1": ("PERSON", ["Jaro Velik"])},
    events=[{"id": "v1", "type": "RETREAT", "mode": "resign", "trigger": "resigned", "source": ["e1"], "date": "2033-02-25"}])


def test_a_claim_with_no_horizon_stays_pending_until_a_report_decides_it():
    link = linked(N1, N2, N3, Jaro_Velik="L1")
    (c,) = claims([N1, N2], link)
    assert (c.outcome, c.decided_by, c.horizon) == ("pending", None, None)
    assert c.to_json()["horizon"] is None
    (c,) = claims([N3, N1, N2], link)
    assert (c.outcome, c.decided_by) == ("failed", {"doc": "n3", "event": "v1"})
    assert timelines([N1, N2, N3], link)["L1"][0].to_json() == {
        "status": "resigned", "date": "2033-02-25", "doc": "n3", "event": "v1"}


# ------------------------------------------------------------------ conflicting reports of a date

def test_two_reports_of_one_release_give_one_entry_dated_by_the_most_precise():
    r1 = record("r1", "2034-06-20", "Sami Okafor was released last week.", {"e1": ("PERSON", ["Sami Okafor"])},
                events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "released", "target": ["e1"],
                         "date": "2034-W24"}])
    r2 = record("r2", "2034-06-25", "Sami Okafor, exchanged on June 14 for two soldiers, spoke on Sunday.",
                {"e1": ("PERSON", ["Sami Okafor"])},
                events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "exchanged", "target": ["e1"],
                         "date": "2034-06-14"}])
    r3 = record("r3", "2034-07-01", "Sami Okafor, freed in June, thanked his lawyers.", {"e1": ("PERSON", ["Sami Okafor"])},
                events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "freed", "target": ["e1"],
                         "date": "2034-06"}])
    link = linked(r1, r2, r3, Sami_Okafor="L9")
    assert [e.to_json() for e in timelines([r3, r1, r2], link)["L9"]] == [
        {"status": "exchanged", "date": "2034-06-14", "doc": "r2", "event": "v1"}]
    assert len([g for g in groups([r1, r2, r3], link) if g.kind == "event"]) == 1


def test_a_status_only_said_in_a_statement_is_dated_by_the_time_in_its_content():
    from newsledger.records import Time
    text = "The ministry said that on May 3, Dana Pirvu was appointed deputy governor."
    r = record("a1", "2035-05-10", text, {"e1": ("PERSON", ["Dana Pirvu"])},
               statements=[{"id": "s1", "content": "on May 3, Dana Pirvu was appointed deputy governor"}])
    t = _span(text, "May 3")
    r = r.replace(times=(Time(t.start, t.end, t.text, "DATE", "2035-05-03", "published"),))
    assert timelines([r], {("a1", "e1"): "L1"})["L1"] == [StatusEntry("appointed", "2035-05-03", "a1", None, "s1")]
    assert timelines([r], {("a1", "e1"): "L1"})["L1"][0].to_json()["statement"] == "s1"


def test_no_status_from_a_future_or_negated_event():
    r = record("f1", "2035-01-01", "Rui Amaral will be released soon.", {"e1": ("PERSON", ["Rui Amaral"])},
               events=[{"id": "v1", "type": "RETREAT", "mode": "release", "trigger": "released", "target": ["e1"],
                        "status": "future"}])
    assert timelines([r], {("f1", "e1"): "L1"}) == {}


# ------------------------------------------------------------------ the lexicon's own examples

def _examples():
    data = json.loads((resources.files("newsledger") / "data" / "lexicons" / "statuses.json").read_text())
    for rule in data["rules"]:
        for ex in rule["examples"]["positive"]:
            yield pytest.param(rule["yields"], ex, True, id=f"{rule['id']}+{ex['trigger']}")
        for ex in rule["examples"]["negative"]:
            yield pytest.param(rule["yields"], ex, False, id=f"{rule['id']}-{ex['trigger']}")


@pytest.mark.parametrize("status,example,positive", list(_examples()))
def test_statuses_lexicon_examples(status, example, positive):
    rule = match_event(example["type"], example.get("mode"), example["trigger"])
    got = rule.yields if rule else None
    assert (got == status) == positive, (example, got)


# ------------------------------------------------------------------ shapes, errors, invariants

def test_json_pieces_are_the_spec_shapes():
    c = claims(STORY, LINK)[0]
    assert list(c.to_json()) == ["id", "doc", "statement", "speaker", "kind", "horizon", "outcome", "decided_by", "reports"]
    assert Claim("C1", "d", "s1", None, "prediction", None, "pending", None).to_json()["reports"] == []
    assert list(timelines(STORY, LINK)["L1"][0].to_json()) == ["status", "date", "doc", "event"]
    assert Group("event", (("d1", "v1"), ("d2", "v2"))).to_json() == {
        "kind": "event", "items": [{"doc": "d1", "id": "v1"}, {"doc": "d2", "id": "v2"}]}


def test_bad_arguments_raise_typed_errors_that_say_how_to_fix_them():
    with pytest.raises(TrackError, match="ISO date"):
        claims(STORY, LINK, as_of="next week")
    with pytest.raises(TrackError, match="member_of"):
        timelines(STORY, [("d1", "e1")])
    with pytest.raises(TrackError, match="Record.from_json"):
        groups([D1.to_json()], LINK)


def test_unlinked_entities_take_no_status_and_nothing_breaks():
    assert timelines(STORY, {}) == {}
    assert all(c.speaker is None for c in claims(STORY, {}))


@settings(max_examples=15, deadline=None)
@given(hs.permutations(STORY + HALF))
def test_the_order_of_the_records_does_not_matter(recs):
    link = {**LINK, **HLINK}
    assert timelines(recs, link) == timelines(STORY + HALF, link)
    assert claims(recs, link) == claims(STORY + HALF, link)
    assert groups(recs, link) == groups(STORY + HALF, link)
