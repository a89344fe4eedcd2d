"""The trace: every decision about a field keeps its rule id, route and evidence beside the record, and
``newsledger explain`` prints the chain for one field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.errors import ExplainError, RecordError
from newsledger.records import Decision, Record, Span
from newsledger.trace import explain_text

ROOT = Path(__file__).resolve().parent.parent

TEXT = "Mira Olsen said on Friday that the ferry would sail."


def _rec(trace) -> Record:
    return Record(id="d", text=TEXT, trace=tuple(trace))


SPEAKER = Decision("s1.speaker", "statements.speaker.cue-subject", "the subject of the reporting verb",
                   Span.of(TEXT, 0, 10), "Mira Olsen")
DATE = Decision("s1.date", "statements.date.attached-to-cue", "a time attached to the cue", Span.of(TEXT, 16, 25),
                "2025-03-07")
KIND = Decision("s1.kind", "statements.kind.modal", "a modal", None, "prediction")


def test_explain_selects_by_item_prefix_and_offset():
    rec = _rec([SPEAKER, DATE, KIND])
    assert rec.explain("s1.speaker") == [SPEAKER]
    assert rec.explain("s1") == [SPEAKER, DATE, KIND]
    assert rec.explain("s11") == []
    assert rec.explain(at=18) == [DATE]
    assert rec.explain(at=40) == []


def test_the_trace_is_beside_the_spec_json_and_round_trips_when_asked():
    rec = _rec([SPEAKER, KIND])
    assert "trace" not in rec.to_json()
    d = rec.to_json(explain=True)
    assert d["trace"][0] == {"item": "s1.speaker", "rule": "statements.speaker.cue-subject",
                             "route": "the subject of the reporting verb",
                             "evidence": {"start": 0, "end": 10, "text": "Mira Olsen"}, "value": "Mira Olsen"}
    back = Record.from_json(d)
    assert back.trace == rec.trace
    assert back == Record.from_json(rec.to_json())  # the trace is no part of a record's equality


def test_validate_checks_the_evidence_of_the_trace():
    bad = Decision("s1.speaker", "x", "y", Span(0, 4, "Nope"), None)
    with pytest.raises(RecordError, match="trace of s1.speaker"):
        _rec([bad]).validate()


def test_explain_text_is_the_numbered_chain_and_refuses_what_it_does_not_cover():
    out = explain_text(_rec([SPEAKER, DATE]), "s1.speaker")
    assert out.splitlines()[0] == "s1.speaker"
    assert "1. [statements.speaker.cue-subject]" in out and "0:10 'Mira Olsen'" in out
    with pytest.raises(ExplainError, match="items traced: s1"):
        explain_text(_rec([SPEAKER]), "s4.speaker")


ARTICLE = ("PORT ELVA — Harbour Minister Ines Darrow said on Tuesday that the north pier would reopen within two "
           "weeks.\n\n\"We will rebuild it,\" she told reporters. The Fishers' Union rejected the plan on Wednesday.")


@pytest.fixture(scope="module")
def traced(nlp):
    from newsledger.pipeline import Pipeline

    return Pipeline(nlp=nlp, trace=True).extract(ARTICLE, published="2025-03-05")


@pytest.mark.slow
def test_the_trace_is_kept_only_when_asked(nlp, traced):
    from newsledger.pipeline import Pipeline

    plain = Pipeline(nlp=nlp).extract(ARTICLE, published="2025-03-05")
    assert plain.trace == () and plain == traced and len(traced.trace) > 10


@pytest.mark.slow
def test_a_statement_speaker_kind_and_date_are_explained(traced):
    rec = traced
    s1, s2 = rec.statements[:2]
    chain = rec.explain("s1.speaker")
    assert [d.rule for d in chain] == ["statements.speaker.cue-subject", "statements.speaker.resolve.entity-mention"]
    assert chain[-1].value == s1.speaker and rec.entity(s1.speaker).name == "Ines Darrow"
    assert [d.rule for d in rec.explain("s2.speaker")][-1] == "statements.speaker.resolve.pronoun-continues-subject"
    assert rec.explain("s2.speaker")[-1].value == s1.speaker
    (date,) = rec.explain("s1.date")
    assert date.rule == "statements.date.attached-to-cue" and date.value == s1.date.value
    assert date.evidence.text.endswith("Tuesday")
    (kind,) = rec.explain("s2.kind")
    assert kind.value == s2.kind == "commitment" and kind.rule == "statements.kind.own-side-future"


@pytest.mark.slow
def test_times_events_and_entities_are_explained(traced):
    rec = traced
    n = next(k for k, t in enumerate(rec.times, 1) if t.text.startswith("within"))
    found, value = rec.explain(f"t{n}.value")
    assert found.rule == "times.rule.window" and value.value == rec.times[n - 1].value
    assert "anchored on" in value.route
    v = next(e for e in rec.events if e.trigger.text == "rejected")
    assert rec.explain(f"{v.id}.type")[0].rule == "events.sense.reject.verb.reject"  # the sense's row id
    e = rec.entity(rec.statements[0].speaker)
    (etype,) = rec.explain(f"{e.id}.type")
    assert etype.value == "PERSON" and etype.rule == "entities.type.votes.PERSON" and "title-before" in etype.route


@pytest.mark.slow
def test_explain_from_the_command_line(tmp_path):
    f = tmp_path / "pier.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "newsledger", "explain", str(f), "--published", "2025-03-05",
                        "--item", "s1.speaker", "--json"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["rule"] for r in rows] == ["statements.speaker.cue-subject", "statements.speaker.resolve.entity-mention"]
    assert rows[0]["evidence"]["text"] == "Darrow"
    p = subprocess.run([sys.executable, "-m", "newsledger", "explain", str(f), "--item", "s9.kind"],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 2 and p.stderr.startswith("error: [N800]") and "s1" in p.stderr
    p = subprocess.run([sys.executable, "-m", "newsledger", "extract", str(f), "--explain"],
                       capture_output=True, text=True, cwd=ROOT)
    d = json.loads(p.stdout)
    assert p.returncode == 0 and {"item", "rule", "route", "evidence", "value"} == set(d["trace"][0])
    assert Record.from_json(d).validate().trace and "trace" not in Record.from_json(d).to_json()


# invented: a spokesman with an age, a residence, an employer and a sister; a forward-looking statement
# to a radio station about a named body
FAMILY = ("KESTRA — Ola Brenn, 52, a Velmarian resident, said on Monday that his sister, Ida Brenn, had left. "
          "Ola Brenn's employer, Tolva Shipping, denied it. Ida Brenn was born in Kestra. "
          "Brenn told the Elva Radio on Tuesday that the Harbour Board would reopen the pier within two weeks.")


@pytest.fixture(scope="module")
def traced_family(nlp):
    from newsledger.pipeline import Pipeline

    return Pipeline(nlp=nlp, trace=True).extract(FAMILY, published="2025-03-05")


@pytest.mark.slow
def test_every_attribute_value_and_relation_is_explained(traced_family):
    rec = traced_family
    ola = next(e for e in rec.entities if e.name == "Ola Brenn")
    (age,) = rec.explain(f"{ola.id}.attributes.age")
    assert (age.rule, age.value, age.evidence.text) == ("entities.age.comma-number", "52", "Ola Brenn, 52")
    (home,) = rec.explain(f"{ola.id}.attributes.residence")
    assert home.rule == "entities.residence.place-resident" and home.value == ola.attributes.residence[0]
    ida = next(e for e in rec.entities if e.name == "Ida Brenn")
    (born,) = rec.explain(f"{ida.id}.attributes.origin")
    assert born.rule == "entities.origin.born-in" and born.evidence.text.endswith("born in Kestra")
    for e in rec.entities:  # nothing unexplained: each value of each attribute has its decision
        for field, values in e.attributes.to_json().items():
            for v in ([values] if field == "age" else values):
                if v is not None:
                    assert any(d.value == str(v) for d in rec.explain(f"{e.id}.attributes.{field}")), (e, field)
    assert rec.relations
    for n, rel in enumerate(rec.relations, 1):
        (d,) = rec.explain(f"r{n}")
        assert d.value == rel.type and d.evidence == rel.evidence and d.rule.startswith(f"relations.{rel.type}.")
    sib = next(n for n, r in enumerate(rec.relations, 1) if r.object == ida.id)
    assert rec.explain(f"r{sib}")[0].rule.endswith(".kin-apposition")
    emp = next(n for n, r in enumerate(rec.relations, 1) if r.type == "member_of" and r.subject == ola.id)
    assert rec.explain(f"r{emp}")[0].rule == "relations.member_of.employer-apposition"


@pytest.mark.slow
def test_a_statement_channel_about_and_horizon_are_explained(traced_family):
    rec = traced_family
    s = next(s for s in rec.statements if "pier" in s.content.text)
    (channel,) = rec.explain(f"{s.id}.channel")
    assert channel.rule == "statements.channel.head-entity" and channel.value == s.channel
    assert rec.entity(s.channel).name == "Elva Radio" and channel.evidence.text == "the Elva Radio"
    about = rec.explain(f"{s.id}.about")
    assert [d.value for d in about] == list(s.about) and about[0].rule == "statements.about.named"
    (horizon,) = rec.explain(f"{s.id}.horizon")
    assert horizon.rule == "statements.horizon.window" and "the statement's own date" in horizon.route
    assert horizon.value == s.horizon.value == "2025-03-04/2025-03-18" and horizon.evidence.text == "within two weeks"
    first = next(s for s in rec.statements if "sister" in s.content.text)
    assert rec.explain(f"{first.id}.horizon") == [] and rec.explain(f"{first.id}.channel") == []
