"""Which of a speaker's dated acts is the occasion their later words were said on. Every text is invented."""

from __future__ import annotations

import pytest

import newsledger


@pytest.mark.slow
def test_an_act_placed_after_another_does_not_date_the_speakers_later_words():
    # "after conceding ... in the weekend's vote" tells an earlier act: the quotes that follow were said
    # on the day the lead gives ("on Thursday"), not over the weekend
    text = ("Velmarian mayor Ansel Torvik on Thursday said he had kept his pledge of an open count, after "
            "conceding his defeat in the weekend's municipal vote.\n\n"
            '"I promised a clean election and the city got one," Torvik said in a statement.\n')
    rec = newsledger.extract(text, published="2026-03-06")  # a Friday
    quote = next(s for s in rec.statements if "clean election" in s.content.text)
    assert quote.date is not None and quote.date.value == "2026-03-05", quote.date


@pytest.mark.slow
def test_a_speakers_own_dated_act_still_dates_their_later_words():
    text = ("Velmarian mayor Ansel Torvik met union leaders on Tuesday to discuss the tram strike.\n\n"
            '"We made progress," Torvik said.\n')
    rec = newsledger.extract(text, published="2026-03-06")
    quote = next(s for s in rec.statements if "progress" in s.content.text)
    assert quote.date is not None and quote.date.value == "2026-03-03", quote.date
