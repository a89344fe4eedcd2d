"""Patterns of an eighth blind sample of real reports (issue 11, real14), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person, speaker_of

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


# -- a title set off before its holder's name by commas ----------------------------------------------

@pytest.mark.slow
def test_a_title_before_a_comma_and_the_name_is_the_persons_title_and_speaks_as_the_person():
    rec = extract("Deputy Fisheries Minister, Olek Varsany, said the quota for trawlers had been raised.")
    names = {e.name for e in rec.entities}
    assert "Fisheries Minister" not in names and "Deputy Fisheries Minister" not in names
    assert person(rec, "Olek Varsany").attributes.titles == ("Deputy Fisheries Minister",)
    assert speaker_of(rec, "quota for trawlers") == "Olek Varsany"


@pytest.mark.slow
def test_a_body_before_the_title_and_comma_stays_a_body_and_the_name_speaks():
    rec = extract("Harbour Board Chairman, Olek Varsany, said the quota for trawlers had been raised.")
    assert "Harbour Board" in {e.name for e in rec.entities}
    assert speaker_of(rec, "quota for trawlers") == "Olek Varsany"


@pytest.mark.slow
def test_a_portfolio_of_two_words_joined_by_and_before_the_comma_is_the_title():
    rec = extract("The Minister for Harbours and Coastal Roads, Tomas Brel, has announced that the cabinet has "
                  "approved a new pier.\n\nThe minister later rejected demands for a toll on the pier.\n\n"
                  "He insisted that no toll is planned.")
    brel = person(rec, "Tomas Brel")
    assert brel.attributes.titles and brel.attributes.titles[0].startswith("Minister")
    assert speaker_of(rec, "approved a new pier") == "Tomas Brel"
    assert speaker_of(rec, "no toll is planned") == "Tomas Brel"


# -- a wire credit with no place, and a company described by a place or a listing ----------------------

RESULTS = ("Korvath posts 12% rise in profit\n\n"
           "(Nordpress) - Velmarian engineering company Korvath reported an 11% rise in yearly earnings on Wednesday "
           "and said its managing director Ilsa Varn would step down in the spring after two decades in charge.\n\n"
           "Varn will be replaced by finance chief Tomas Brel, the Tumbria-listed group said, adding that a search "
           "for a new finance head had begun.\n\n"
           "Revenue rose 8% to 210 million crowns, the Castrel-based pump maker said.")


@pytest.mark.slow
def test_a_wire_credit_opening_a_paragraph_is_a_dateline():
    from newsledger.extract._doc import dateline_tokens
    from newsledger.nlp import load_model

    doc = load_model()(RESULTS)
    credit = {t.i for t in doc if t.text in ("(", "Nordpress", ")") or (t.text == "-" and t.i < 20)}
    assert credit and credit <= dateline_tokens(doc)
    assert not any(doc[i].text == "Korvath" for i in dateline_tokens(doc))


@pytest.mark.slow
def test_a_company_described_by_a_place_or_listing_is_the_company_named():
    rec = extract(RESULTS)
    assert speaker_of(rec, "would step down in the spring") == "Korvath"
    assert speaker_of(rec, "will be replaced by") == "Korvath"
    assert speaker_of(rec, "a search for a new finance head") == "Korvath"
    assert speaker_of(rec, "Revenue rose 8%") == "Korvath"


@pytest.mark.slow
def test_a_company_named_in_its_description_speaks_itself():
    rec = extract("Korvath and Belmont met in Castrel on Monday.\n\nThe Belmont company said sales had fallen.")
    assert speaker_of(rec, "sales had fallen") == "Belmont"


# -- "X will be replaced by Y, the listed firm said": the subject hung on Y as an apposition -----------

# the parse the model gives (hand-built, no model): "firm" an apposition of "Brel", "said" a parataxis
REPLACED = """
Varn 3 nsubjpass PROPN NNP
will 3 aux AUX MD
be 3 auxpass AUX VB
replaced 3 ROOT VERB VBN replace
by 3 agent ADP IN
finance 6 compound NOUN NN
chief 8 compound NOUN NN
Tomas 8 compound PROPN NNP
Brel 4 pobj PROPN NNP
, 8 punct PUNCT ,
the 12 det DET DT
listed 12 amod VERB VBN list
firm 8 appos NOUN NN
said 3 parataxis VERB VBD say
. 3 punct PUNCT .
"""


def test_an_attribution_whose_subject_the_parser_hung_as_an_apposition_frames_the_clause_before():
    import spacy
    from spacy.tokens import Doc

    from newsledger.extract.statements.frames import _inverted_clause

    words, heads, deps, pos, tags, lemmas = [], [], [], [], [], []
    for line in REPLACED.strip().splitlines():
        w, h, d, p, t, *lem = line.split()
        words.append(w), heads.append(int(h)), deps.append(d), pos.append(p), tags.append(t)
        lemmas.append(lem[0] if lem else w.lower())
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas)
    frame = _inverted_clause(doc[13], "said", "claim")
    assert frame is not None
    assert doc[frame.a:frame.b].text.rstrip(" ,") == "Varn will be replaced by finance chief Tomas Brel"
    assert _inverted_clause(doc[3], "replaced", "claim") is None  # the root itself is no attribution


# -- names the parser cut ------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_surname_the_parser_starts_a_sentence_with_stays_in_the_name():
    # the parser makes "President Tomas Ilan" a sentence of its own and "Vaz" the next one's subject
    rec = extract("Velmaria's President Tomas Ilan Vaz has conceded defeat in the weekend's presidential ballot.\n\n"
                  "Vaz came fourth with 12 percent of the vote.")
    vaz = person(rec, "Tomas Ilan Vaz")
    assert vaz.attributes.titles == ("President",)
    assert [name_of(rec, a) for a in vaz.attributes.affiliation] == ["Velmaria"]
    assert "Tomas Ilan" not in {e.name for e in rec.entities}
    assert any(ev.type == "CONCEDE" and ev.source == (vaz.id,) for ev in rec.events)


@pytest.mark.slow
def test_a_hyphened_country_name_after_in_is_one_place():
    rec = extract("\"I will hand power to my successor, a first in Niger-Velmar, and will do so proudly,\" "
                  "the president said.")
    names = {e.name for e in rec.entities}
    assert "Niger-Velmar" in names
    assert "Niger" not in names and "-Velmar" not in names


@pytest.mark.slow
def test_alleging_a_noun_phrase_reports_it_and_accuses():
    rec = extract("Velmaria's President Tomas Ilan Vardo has conceded defeat in the weekend's presidential ballot, despite "
                  "alleging cases of vote rigging.")
    assert speaker_of(rec, "cases of vote rigging") == "Tomas Ilan Vardo"
    assert any(ev.type == "ACCUSE" and ev.trigger.text == "alleging" for ev in rec.events)


@pytest.mark.slow
def test_two_names_after_a_plural_title_are_two_people_holding_it():
    rec = extract("Former prime ministers Arno Velis Kadra and Ilsa Moren Tavik secured 40 percent and 27 percent "
                  "of the ballots and will meet again in a runoff next month.")
    for name in ("Arno Velis Kadra", "Ilsa Moren Tavik"):
        p = person(rec, name)
        assert p.type == "PERSON"
        assert p.attributes.titles and "ministers" in p.attributes.titles[0]


# -- a quarter written without its year -----------------------------------------------------------------

@pytest.mark.slow
def test_a_quarter_without_a_year_is_this_years_in_a_forward_clause_and_none_in_sport():
    rec = extract("Shareholders of Korvath approved the merger with Belmont Air today. The two carriers expect "
                  "to close the deal in the third quarter.", published="2026-07-10")
    q = [t for t in rec.times if t.text == "the third quarter"]
    assert q and q[0].value == "2026-07/2026-09"
    rec = extract("The striker scored twice in the fourth quarter and the coach praised the squad after the "
                  "match.", published="2026-07-10")
    assert not [t for t in rec.times if "quarter" in t.text]


# -- a quote running over two paragraphs with no fresh mark, relayed "as saying" by an outlet ------------

RELAYED = ("Velmaria's President Tomas Ilan Vardo has conceded defeat in the weekend's presidential ballot.\n\n"
           "\"I will hand power to my successor, a first in Velmaria, and will do so proudly...\n\n"
           "I will step aside with a clear conscience, having served my country,\" the president was cited as "
           "saying Thursday in remarks to a news website, Korvath News.")


def test_a_quote_left_open_and_closed_in_the_next_paragraph_without_a_fresh_mark_is_one_passage():
    from newsledger.extract.statements.quotes import find_quotes

    qs = find_quotes(RELAYED)
    assert len(qs) == 1
    q = qs[0]
    assert RELAYED[q.start:q.end].startswith("I will hand power") and RELAYED[q.start:q.end].endswith("my country,")
    assert len(q.pieces) == 2
    # a paragraph reopened with its own mark stays a quote of its own (one statement per quoted paragraph)
    two = find_quotes("\"A first part goes here.\n\n\"A second part,\" he said.")
    assert len(two) == 2


@pytest.mark.slow
def test_cited_as_saying_a_day_dates_the_quote_over_both_paragraphs():
    rec = extract(RELAYED)
    hits = [s for s in rec.statements if "hand power" in s.content.text]
    assert len(hits) == 1 and "clear conscience" in hits[0].content.text
    assert name_of(rec, hits[0].speaker) == "Tomas Ilan Vardo"
    assert hits[0].date is not None and hits[0].date.value == "2026-03-05"


# -- a body's clipped short name ---------------------------------------------------------------------------

@pytest.mark.slow
def test_a_clipped_first_word_is_the_bodys_short_name_and_its_title_word_the_affiliation():
    from newsledger.extract.entities.clusters import _org_match
    from newsledger.extract.entities.mentions import Cluster, NameMention, ORG

    full = NameMention(0, 20, "Federated Water Board", 0, 3, "name")
    board = Cluster(ORG, [full])
    clipped = NameMention(30, 33, "Fed", 8, 9, "name")
    assert _org_match({"federated water board": board}, clipped) is board
    assert _org_match({"federated water board": board}, NameMention(30, 32, "Fe", 8, 9, "name")) is None
    assert _org_match({"federated water board": board}, NameMention(30, 35, "Feder", 8, 9, "name")) is board
    assert _org_match({"federated water board": board}, NameMention(30, 33, "FED", 8, 9, "acronym")) is None


def test_a_title_word_that_is_a_one_word_name_of_a_body_gives_the_affiliation():
    import spacy

    from newsledger.extract.entities.mentions import Cluster, NameMention, ORG, PERSON
    from newsledger.extract.entities.title_lists import short_body_in_title
    from newsledger.extract.entities.titles import TitleInfo

    doc = spacy.blank("en")("Fed Chairman Ilsa Varn spoke . The Fed met .")
    body = Cluster(ORG, [NameMention(35, 38, "Fed", 7, 8, "name")])
    varn = Cluster(PERSON, [NameMention(13, 22, "Ilsa Varn", 2, 4, "name")])
    titled = TitleInfo(varn, (0, 2), [], None, (0, 4))
    short_body_in_title(doc, [titled], [body, varn])
    assert titled.orgs == [body]
    untitled = TitleInfo(varn, (1, 2), [], None, (1, 4))  # "Chairman" alone names no body
    short_body_in_title(doc, [untitled], [body, varn])
    assert untitled.orgs == []


# -- a reported list whose last item the parser hung on the cue; "signaled that" -----------------------

# the parse the model gives (hand-built, no model): the list's last item hung on "say" after ", and"
LISTED = """
They 1 nsubj PRON PRP they
say 1 ROOT VERB VBP say
the 4 det DET DT
rail 4 compound NOUN NN
network 5 nsubj NOUN NN
continues 1 ccomp VERB VBZ continue
to 7 aux PART TO
improve 5 xcomp VERB VB improve
, 11 punct PUNCT ,
ridership 11 nsubj NOUN NN
is 11 aux AUX VBZ be
rising 5 conj VERB VBG rise
, 1 punct PUNCT ,
and 1 cc CCONJ CC
fares 16 nsubj NOUN NNS fare
are 16 aux AUX VBP be
rising 1 conj VERB VBG rise
. 1 punct PUNCT .
"""


def _hand_doc(rows: str):
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        w, h, d, p, t, *lem = line.split()
        words.append(w), heads.append(int(h)), deps.append(d), pos.append(p), tags.append(t)
        lemmas.append(lem[0] if lem else w.lower())
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas)


def test_the_last_item_of_a_reported_list_after_comma_and_stays_in_the_content():
    from newsledger.extract.statements.cues import lexicon
    from newsledger.extract.statements.frames import _frame

    doc = _hand_doc(LISTED)
    frame = _frame(doc[1], lexicon()["cues"]["say"])
    assert doc[frame.a:frame.b].text == "the rail network continues to improve, ridership is rising, and fares are rising"
    # a second clause with no list before it is the speaker's own next act, not part of what was said
    two = _hand_doc(LISTED.replace(", 11 punct PUNCT ,\nridership 11 nsubj NOUN NN\nis 11 aux AUX VBZ be\n"
                                   "rising 5 conj VERB VBG rise\n", "ridership 11 nsubj NOUN NN\n"
                                   "is 11 aux AUX VBZ be\nrising 5 advcl VERB VBG rise\n"))
    frame = _frame(two[1], lexicon()["cues"]["say"])
    assert "fares" not in two[frame.a:frame.b].text


@pytest.mark.slow
def test_signaled_that_reports_the_clause():
    rec = extract("The Velmar Monetary Board raised rates on Wednesday and signaled that borrowing costs could "
                  "climb further in the autumn.")
    assert speaker_of(rec, "borrowing costs could climb further") == "Velmar Monetary Board"


@pytest.mark.slow
def test_dismissing_calls_or_claims_denies_them_without_as():
    rec = extract("The Minister for Harbours and Coastal Roads, Tomas Brel, spoke on Friday.\n\n"
                  "The minister flatly dismissed calls for a ferry subsidy.")
    hits = [s for s in rec.statements if s.content.text == "calls for a ferry subsidy"]
    assert hits and hits[0].kind == "denial" and name_of(rec, hits[0].speaker) == "Tomas Brel"
    rec = extract("The club dismissed its coach on Monday.")
    assert not rec.statements
    # a label after "as" keeps the cue's own kind: an opinion of the claims, not a denial
    for text in ("Union spokesman Oren Malik dismissed the management's claims as \"the old bluster of bad losers\" "
                 "and urged members to back the deal.", "Oren Malik dismissed the board's claims as nonsense."):
        hits = [s for s in extract(text).statements if "claims" in s.content.text]
        assert hits and hits[0].kind == "opinion", text


# -- one person spelled two ways -----------------------------------------------------------------------

@pytest.mark.slow
def test_a_given_name_misspelt_by_one_letter_is_the_same_person():
    rec = extract("Velmar's outgoing president congratulated his successor, opposition candidate Arvindas Kolmar, "
                  "on Tuesday.\n\nEarlier, official results showed Arvinndas Kolmar had won.")
    kolmars = [e for e in rec.entities if e.type == "PERSON" and e.name.endswith("Kolmar")]
    assert len(kolmars) == 1


def test_one_edit_and_misspelt_keys():
    from newsledger.extract.entities.clusters import _misspelt, _one_edit
    from newsledger.extract.entities.mentions import Cluster, PERSON

    assert _one_edit("arvindas", "arvinndas") and _one_edit("arvindas", "arvindos") and not _one_edit("arvin", "irvan")
    c = Cluster(PERSON, [])
    people = {("arvindas", "kolmar"): c}
    assert _misspelt(people, ("arvinndas", "kolmar")) is c
    assert _misspelt(people, ("arvinndas", "kolmor")) is None  # the surname must agree
    assert _misspelt({("ana", "lima"): c}, ("ane", "lima")) is None  # short given names are other people


@pytest.mark.slow
def test_two_bodies_joined_by_a_hyphen_are_no_third_body():
    rec = extract("Velair shareholders approved the carrier's merger with Nordjet Airlines.\n\n"
                  "The Velair-Nordjet merger still needs clearance. The Tumbrian Travel Coalition fears the "
                  "Nordjet-Velair deal could raise fares. Rolls-Royce said nothing.")
    names = {e.name for e in rec.entities}
    assert "Velair-Nordjet" not in names and "Nordjet-Velair" not in names
    assert {"Velair", "Nordjet Airlines", "Rolls-Royce"} <= names  # a hyphened name of its own stays


@pytest.mark.slow
def test_a_date_after_since_sets_no_year_for_the_next_yearless_date():
    t = ("Nordjet has been under bankruptcy protection since November 2025. The merger was approved by the "
         "bankruptcy judge in March.")
    rec = extract(t, published="2027-07-12")
    assert [(x.text, x.value) for x in rec.times] == [("November 2025", "2025-11"), ("March", "2027-03")]
    # a dated scene still carries its year on ("filed in November 2025 ... approved in January")
    rec = extract("Nordjet filed for bankruptcy in November 2025. The judge approved the plan in January.",
                  published="2027-07-12")
    assert [(x.text, x.value) for x in rec.times] == [("November 2025", "2025-11"), ("January", "2026-01")]


@pytest.mark.slow
def test_according_to_results_published_by_a_body_is_the_bodys_statement():
    rec = extract("Velmaria held its election on Sunday.\n\nVardo finished fourth with 12 percent of ballots cast, "
                  "according to the results of the Tumbria Electoral Board published by the news agency TNA.")
    assert speaker_of(rec, "finished fourth") == "Tumbria Electoral Board"


@pytest.mark.slow
def test_a_sporting_event_named_after_and_is_no_entity():
    rec = extract("The region wants money for the 2034 Olympiad and Paralympiad Games in Castrel.")
    assert {e.name for e in rec.entities} == {"Castrel"}
    rec = extract("Velmar Games Ltd said it would build the stadium.")
    assert "Velmar Games Ltd" in {e.name for e in rec.entities}  # a company named so is still a body


@pytest.mark.slow
def test_who_will_become_gives_the_title():
    rec = extract("Velair chief executive Oren Malik, who will become chairman of the enlarged airline, said the vote "
                  "was a milestone.")
    assert "chairman" in person(rec, "Oren Malik").attributes.titles


@pytest.mark.slow
def test_a_company_office_with_no_company_written_serves_the_company_the_story_is_about():
    text = ("Korvath Group posts 12% rise in profit\n\n"
            "Velmarian pump maker Korvath Group reported a 12% rise in annual profit on Thursday. Its chief "
            "executive Ilsa Varn will retire next year, Korvath Group said.\n\n"
            "Varn is to be succeeded by Chief Financial Officer Tomas Brel, the company said. Korvath Group shares "
            "fell 3% on the Tumbex exchange.")
    rec = extract(text)
    brel = person(rec, "Tomas Brel")
    assert [name_of(rec, a) for a in brel.attributes.affiliation] == ["Korvath Group"]
    # two companies named as often: the office's company is unknown
    rec = extract("Korvath Group and Belmont Holdings agreed to merge. Korvath Group and Belmont Holdings said "
                  "Chief Financial Officer Tomas Brel would lead the merged firm.")
    assert person(rec, "Tomas Brel").attributes.affiliation == ()
