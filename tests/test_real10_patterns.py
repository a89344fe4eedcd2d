"""Speaker patterns of a third blind sample of real reports (issue 11, real10), each reproduced by an
invented article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def speaker_of(rec, words: str) -> tuple[str | None, str | None]:
    """(the speaker's name, the speaker's words) of the statement whose content holds ``words``."""
    names = {e.id: e.name for e in rec.entities}
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement holds {words!r}: {[s.content.text for s in rec.statements]}"
    return names.get(hits[0].speaker), hits[0].speaker_text


# -- a title owned by a named place: its holder there, whatever the title's word order -------------

MEETING = ("Tumbria and Arvelia have a broad agenda, Tumbria's Minister of Foreign Affairs Ilsa Varn said "
           "during her meeting with Arvelia's Minister of Foreign Affairs Oren Dask in Harbourton.\n\n")


@pytest.mark.slow
def test_a_possessive_country_title_is_its_holder_in_any_word_order():
    rec = extract(MEETING + "On the border, Tumbria's foreign minister welcomed the talks and said the dispute "
                            "must be settled peacefully.")
    assert speaker_of(rec, "settled peacefully") == ("Ilsa Varn", "Tumbria's foreign minister")


@pytest.mark.slow
def test_a_possessive_title_with_no_holder_affiliated_there_names_nobody():
    rec = extract("Tumbria's Minister of Foreign Affairs Ilsa Varn met reporters in Harbourton on Monday.\n\n"
                  "Later, Velmoria's foreign minister said the dispute must be settled peacefully.")
    name, text = speaker_of(rec, "settled peacefully")
    assert name != "Ilsa Varn" and text == "Velmoria's foreign minister"


# -- "X said ..., according to spokesman Y": the named spokesperson speaks for an unnamed source ----

@pytest.mark.slow
def test_an_unnamed_source_relayed_by_a_named_spokesperson_is_the_spokesperson():
    rec = extract("A man was arrested in Harbourton on Monday after a standoff at a depot.\n\n"
                  "Harbourton Police Chief Oren Dask praised the officers on Monday.\n\n"
                  "Police said the man who fired at the officers is also suspected in a robbery at a "
                  "gas station Sunday night, according to police spokesman Sgt. Dara Quell.")
    stm = [s for s in rec.statements if "gas station" in s.content.text]
    names = {e.id: e.name for e in rec.entities}
    assert len(stm) == 1 and names.get(stm[0].speaker) == "Dara Quell" and stm[0].channel is None


@pytest.mark.slow
def test_an_unnamed_source_relayed_by_an_agency_keeps_the_agency_as_channel():
    rec = extract("Police said the man who fired at the officers is also suspected in a robbery at a "
                  "gas station Sunday night, according to the Harbourton Courier.")
    stm = [s for s in rec.statements if "gas station" in s.content.text]
    assert len(stm) == 1 and stm[0].speaker is None and stm[0].speaker_text == "Police"


# -- "A and B met X, where they affirmed ...": the conjoined pair of the sentence speaks ------------

PAIR = "Tumbrian Foreign Minister Ilsa Varn met her Arvelian counterpart Oren Dask in Harbourton on Monday.\n\n"


@pytest.mark.slow
def test_they_after_a_conjoined_pair_in_its_sentence_is_the_pair():
    rec = extract(PAIR + "Later, Varn and Dask held a meeting with Velmorian Trade Minister Pell Arnott, where "
                         "they affirmed their commitment to open markets.")
    assert speaker_of(rec, "commitment to open markets") == ("Ilsa Varn", "they")


@pytest.mark.slow
def test_they_in_a_later_sentence_is_not_the_pair_named_before():
    rec = extract(PAIR + "Later, Varn and Dask held a meeting with Velmorian Trade Minister Pell Arnott.\n\n"
                         "The dockworkers marched to the port, where they said the port must stay open.")
    assert speaker_of(rec, "must stay open")[0] is None


# -- "the parties", "the two sides": the people who met, the side the article follows first ---------

TALKS = ("Tumbria's Minister of Trade Ilsa Varn said the talks were useful during her meeting with Arvelia's "
         "Minister of Trade Oren Dask in Harbourton.\n\n")


@pytest.mark.slow
def test_the_parties_of_a_meeting_are_the_side_the_article_follows():
    rec = extract(TALKS + "On tariffs, Varn presented Tumbria's position and welcomed the proposal. Both parties "
                          "shared the view that tariffs must fall step by step.")
    assert speaker_of(rec, "tariffs must fall")[0] == "Ilsa Varn"


@pytest.mark.slow
def test_the_parties_with_one_person_named_are_nobody():
    rec = extract("Ilsa Varn, a trade lawyer in Harbourton, welcomed the proposal on Monday.\n\n"
                  "Both parties shared the view that tariffs must fall step by step.")
    assert speaker_of(rec, "tariffs must fall")[0] is None


# -- "The Gaffer said": an informal title of one role is its holder ---------------------------------

@pytest.mark.slow
def test_the_gaffer_is_the_team_boss_the_article_names():
    rec = extract('"We were careless at the back," says Harbourton Rovers boss Oren Dask.\n\n'
                  'Dask said, "The first half was poor." The Gaffer opined, "I knew we would score again '
                  'after the break."')
    assert speaker_of(rec, "score again")[0] == "Oren Dask"
    assert "Gaffer" not in [e.name for e in rec.entities]


@pytest.mark.slow
def test_the_gaffer_with_no_team_boss_named_is_nobody():
    rec = extract('Harbourton Rovers striker Oren Dask scored twice on Saturday.\n\n'
                  'The Gaffer opined, "I knew we would score again after the break."')
    assert speaker_of(rec, "score again")[0] is None
