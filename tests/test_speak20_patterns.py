"""Statements and their speakers on real reporting (issue 11, speak20), each pattern reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import extract, speaker_of

# -- "a company spokesman": the body just written as a subject, not the one named most ----------------------

QUARRY = ("Quarry dispute heads to the tribunal\n\n"
          "Orlen Stone Ltd won a ruling on Monday in its long dispute with Brisk Aggregates over the Halby quarry.\n\n"
          "Orlen Stone Ltd had leased the quarry to Brisk Aggregates in 2019. Orlen Stone Ltd says the lease "
          "ended when the pit flooded. Orlen Stone Ltd wants the machinery back.\n\n"
          "Brisk Aggregates said on Tuesday that it would take the matter to the land tribunal.\n\n"
          "\"We still hold a valid lease and we will defend it,\" a company spokesman said.")


@pytest.mark.slow
def test_company_spokesman_speaks_for_the_body_just_written_as_subject():
    rec = extract(QUARRY)
    assert speaker_of(rec, "We still hold a valid lease") == "Brisk Aggregates"


LEDGER = ("Tollway operator posts a loss\n\n"
          "Pellam Toll Company lost money in the first half as traffic on the Varr bridge fell. Pellam Toll Company blamed "
          "the long closure of the bridge. Pellam Toll Company expects traffic to recover by winter.\n\n"
          "Traffic on the Varr bridge fell by a third after the closure, which lasted eleven weeks.\n\n"
          "The bridge reopened in May. Drivers returned slowly.\n\n"
          "\"We are confident the second half will be better,\" a company spokeswoman said.")


@pytest.mark.slow
def test_company_spokesman_with_no_body_subject_near_is_the_body_named_most():
    rec = extract(LEDGER)
    assert speaker_of(rec, "We are confident the second half") == "Pellam Toll Company"


# -- "called for X to be tried": an infinitive with its own subject opened by "for" ---------------------------

TRIAL = ("Inspector's report blames dredging firm\n\n"
         "The Calden port inspector on Thursday called for the owners of Mirle Dredging to be tried over the "
         "collapse of the north quay, and asked the harbour board to suspend the firm's licence.\n\n"
         "The board called a meeting.")


@pytest.mark.slow
def test_called_for_someone_to_be_tried_is_a_demand_without_the_for():
    rec = extract(TRIAL)
    hits = [s for s in rec.statements if "to be tried over the collapse" in s.content.text]
    assert len(hits) == 1, [s.content.text for s in rec.statements]
    assert hits[0].content.text.startswith("the owners of Mirle Dredging")
    assert hits[0].kind == "demand"
    assert not any("a meeting" in s.content.text for s in rec.statements)
