"""The language mechanisms (newsledger/analysis/) on hand-built Docs: no model needed.

Each sentence is written as rows ``word head dep pos tag [lemma]`` (``head`` is the index of the head
token; a root points at itself), the way spaCy's own tests build Docs by hand.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st
import spacy
from spacy.tokens import Doc

from newsledger.analysis import anchoring, clause, reference
from newsledger.analysis.words import check_word_class, word_class, word_classes, WORDS_DIR
from newsledger.errors import LanguageDataError

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def parse(rows: str) -> Doc:
    words, heads, deps, pos, tags, lemmas, spaces = [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        parts = line.split()
        word, head, dep, p, tag = parts[:5]
        word = {"\\n\\n": "\n\n"}.get(word, word)
        words.append(word)
        heads.append(int(head))
        deps.append(dep)
        pos.append(p)
        tags.append(tag)
        lemmas.append(parts[5] if len(parts) > 5 else word.lower())
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt not in (".", ",") and not w.startswith("\n") and not nxt.startswith("\n"))
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


# "Marta Kell was indicted and convicted by a court in Velmar ."
INDICTED = """
Marta 1 compound PROPN NNP
Kell 3 nsubjpass PROPN NNP
was 3 auxpass AUX VBD be
indicted 3 ROOT VERB VBN indict
and 3 cc CCONJ CC
convicted 3 conj VERB VBN convict
by 5 agent ADP IN
a 8 det DET DT
court 6 pobj NOUN NN
and 8 cc CCONJ CC
police 8 conj NOUN NN
. 3 punct PUNCT .
"""

# "The league , which voted on Monday , will not appeal ."
LEAGUE = """
The 1 det DET DT
league 8 nsubj NOUN NN
, 1 punct PUNCT ,
which 4 nsubj PRON WDT
voted 1 relcl VERB VBD vote
on 4 prep ADP IN
Monday 5 pobj PROPN NNP
, 1 punct PUNCT ,
appeal 8 ROOT VERB VB
"""

# "VELMAR — Lena Strand , the mayor , said the pier would reopen , adding that ..."
DATELINE = """
VELMAR 5 nsubj PROPN NNP
— 0 punct PUNCT :
Lena 3 compound PROPN NNP
Strand 0 appos PROPN NNP
, 3 punct PUNCT ,
said 5 ROOT VERB VBD say
the 7 det DET DT
pier 9 nsubj NOUN NN
would 9 aux AUX MD
reopen 5 ccomp VERB VB
, 5 punct PUNCT ,
adding 5 advcl VERB VBG add
"""


def test_own_subject_and_the_dateline_it_passes_over():
    doc = parse(DATELINE)
    # the parser hung the dateline as the subject: its apposition speaks
    assert clause.own_subject(doc[5], skip={0, 1}).text == "Strand"
    assert clause.own_subject(doc[5]).text == "VELMAR"
    assert clause.own_subject(doc[9]).text == "pier"
    assert clause.own_subject(doc[11]) is None


def test_reporting_subject_climbs_from_a_participle():
    doc = parse(DATELINE)
    assert clause.reporting_subject(doc[11], skip={0, 1}).text == "Strand"


def test_reporting_subject_never_crosses_a_paragraph():
    doc = parse("""
Ana 1 nsubj PROPN NNP
said 1 ROOT VERB VBD say
\\n\\n 1 dep SPACE _SP
adding 1 advcl VERB VBG add
""")
    assert clause.reporting_subject(doc[3]) is None
    assert clause.subject(doc[3]).text == "Ana"  # the grammatical subject knows no paragraphs


def test_subject_of_a_passive_conjunct_and_its_agents():
    doc = parse(INDICTED)
    convicted = doc[5]
    assert clause.subject(convicted).text == "Kell"
    assert clause.is_passive(convicted)
    assert [t.text for t in clause.passive_agents(doc[3])] == []
    assert [t.text for t in clause.passive_agents(convicted)] == ["court", "police"]


def test_relative_clause_subject_is_its_antecedent():
    doc = parse(LEAGUE)
    voted = doc[4]
    # "which" is the own subject; the grammatical subject route gives it, the reference mechanism its noun
    assert clause.subject(voted).text == "which"
    assert reference.relative_antecedent(doc[3]).text == "league"
    assert reference.relative_antecedent(doc[0]) is None


def test_a_relative_clause_without_own_subject_gives_the_noun():
    doc = parse("""
the 1 det DET DT
militia 1 ROOT NOUN NN
controlling 1 acl VERB VBG control
the 4 det DET DT
port 2 dobj NOUN NN
""")
    assert clause.subject(doc[2]).text == "militia"
    assert not clause.is_passive(doc[2])


def test_a_passive_participle_is_passive_and_has_no_subject():
    doc = parse("""
the 1 det DET DT
sailor 1 ROOT NOUN NN
freed 1 acl VERB VBN free
in 2 prep ADP IN
May 3 pobj PROPN NNP
""")
    assert clause.is_passive(doc[2])
    assert clause.subject(doc[2]) is None


def test_subject_hung_on_an_auxiliary():
    doc = parse("""
the 1 det DET DT
bank 2 nsubj NOUN NN
was 2 ROOT AUX VBD be
prepared 2 acomp ADJ JJ
""")
    assert clause.own_subject(doc[3]) is None
    assert clause.own_subject(doc[2], through_aux=True).text == "bank"


@pytest.mark.parametrize("rows, want", [
    ("They 1 nsubj PRON PRP\nsigned 1 ROOT VERB VBD sign", "past"),
    ("They 2 nsubj PRON PRP\nhave 2 aux AUX VBP have\nsigned 2 ROOT VERB VBN sign", "past"),
    ("They 2 nsubj PRON PRP\nwill 2 aux AUX MD\nsign 2 ROOT VERB VB", "future"),
    ("They 1 nsubj PRON PRP\nsign 1 ROOT VERB VBP", None),
    ("if 2 mark SCONJ IN\nthey 2 nsubj PRON PRP\nfailed 2 ROOT VERB VBD fail", None),
])
def test_tense(rows, want):
    doc = parse(rows)
    assert clause.tense([t for t in doc if t.dep_ == "ROOT"][0]) == want


def test_modality_doneness_pluperfect_negation():
    will = parse("We 2 nsubj PRON PRP\nwill 2 aux AUX MD\nfree 2 ROOT VERB VB\nthem 2 dobj PRON PRP")
    going = parse("We 2 nsubj PRON PRP\n're 2 aux AUX VBP be\ngoing 2 ROOT VERB VBG go\nto 4 aux PART TO\nfree 2 xcomp VERB VB")
    had = parse("She 2 nsubj PRON PRP\nhad 2 aux AUX VBD have\nsaid 2 ROOT VERB VBN say")
    never = parse("She 2 nsubj PRON PRP\nnever 2 neg ADV RB\nsaid 2 ROOT VERB VBD say")
    assert clause.modality(will[2]) == "will"
    assert clause.modality(will[2], modals=["could"]) is None
    assert clause.modality(going[4]) is None and clause.is_to_infinitive(going[4])
    assert clause.reports_done(had[2]) and clause.is_pluperfect(had[2])
    assert not clause.reports_done(will[2]) and not clause.is_pluperfect(will[2])
    assert clause.negated(never[2]) and not clause.negated(had[2])
    assert clause.is_finite(will[2]) and not clause.is_finite(going[4])


# "Talks will resume at a briefing on Tuesday within two weeks"
TALKS = """
Talks 2 nsubj NOUN NNS talk
will 2 aux AUX MD
resume 2 ROOT VERB VB
at 2 prep ADP IN
a 5 det DET DT
briefing 3 pobj NOUN NN
on 5 prep ADP IN
Tuesday 6 pobj PROPN NNP
"""


def test_dated_token_climbs_to_the_verb_or_a_trigger():
    doc = parse(TALKS)
    tuesday = doc[7:8]
    assert anchoring.dated_token(tuesday).text == "resume"
    assert anchoring.dated_token(tuesday, stops={5}).text == "briefing"
    assert anchoring.governing_verb(doc[7]).text == "resume"


def test_a_time_inside_a_noun_phrase_dates_that_noun():
    doc = parse("Sunday 2 poss PROPN NNP\n's 0 case PART POS\nreferendum 2 ROOT NOUN NN")
    assert anchoring.dated_token(doc[0:1]).text == "referendum"


@pytest.mark.parametrize("text, start, expr, horizon, stretch", [
    ("talks within two weeks", 13, "two weeks", True, False),
    ("ceasefire until January", 16, "January", True, False),
    ("said on Monday", 8, "Monday", False, False),
    ("by Friday", 0, "by Friday", True, False),
    ("closed for two weeks", 11, "two weeks", False, True),
])
def test_horizons_and_stretches(text, start, expr, horizon, stretch):
    lead = anchoring.lead_words(text, start, expr)
    assert anchoring.is_horizon(lead) is horizon
    assert anchoring.is_stretch(lead) is stretch


def test_pronoun_features_and_subject_phrases():
    assert reference.pronoun_features("Her") == ("female", "sg")
    assert reference.pronoun_features("they") == (None, "pl")
    assert reference.pronoun_features("its") == ("neuter", "sg")
    assert reference.pronoun_features("minister") is None
    doc = parse(DATELINE)
    assert reference.is_subject_phrase(doc[2:4])      # "Lena Strand", apposition to the subject
    assert reference.is_subject_phrase(doc[6:8])      # "the pier"
    assert not reference.is_subject_phrase(doc[11:12])


# ---------------------------------------------------------------------------- word classes
@pytest.mark.parametrize("name", word_classes())
def test_every_word_class_loads_and_is_named_as_its_file(name):
    assert word_class(name)
    data = json.loads((WORDS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert data["class"] == name


def test_pronoun_classes_do_not_overlap_except_her():
    classes = ["male_pronouns", "female_pronouns", "plural_pronouns", "neuter_pronouns"]
    seen: dict[str, str] = {}
    for c in classes:
        for w in word_class(c):
            assert w not in seen, f"{w!r} in {seen.get(w)} and {c}"
            seen[w] = c


@pytest.mark.parametrize("data, complaint", [
    ([], "not a JSON object"),
    ({"class": "x", "about": "a", "source": "b"}, "keys"),
    ({"class": "y", "about": "a", "source": "b", "words": ["w"]}, "declares class"),
    ({"class": "x", "about": "", "source": "b", "words": ["w"]}, "about"),
    ({"class": "x", "about": "a", "source": "b", "words": []}, "non-empty"),
    ({"class": "x", "about": "a", "source": "b", "words": ["Will"]}, "lower-case"),
    ({"class": "x", "about": "a", "source": "b", "words": ["w", "w"]}, "twice"),
])
def test_a_malformed_word_class_is_refused_with_the_fix(data, complaint):
    with pytest.raises(LanguageDataError, match=complaint):
        check_word_class(data, "x")


def test_a_missing_word_class_is_a_language_data_error():
    with pytest.raises(LanguageDataError, match="missing"):
        word_class("no_such_class_here")


@given(st.lists(st.text(alphabet="abcdefghij'", min_size=1, max_size=6), min_size=1, max_size=8, unique=True))
def test_any_clean_list_of_words_is_accepted_as_is(words):
    got = check_word_class({"class": "x", "about": "a", "source": "b", "words": words}, "x")
    assert got == frozenset(words)


def test_relative_antecedent_of_a_clause_the_parser_took_for_an_acl():
    doc = parse("""
the 1 det DET DT
coach 1 ROOT NOUN NN
who 3 nsubj PRON WP
said 1 acl VERB VBD say
""")
    assert reference.relative_antecedent(doc[2]).text == "coach"
    assert reference.relative_antecedent(doc[1]) is None


@pytest.mark.parametrize("words, ahead", [
    (["within", "two"], True), (["next", "week"], True), (["the", "coming"], True),
    (["on", "monday"], False), (["last", "week"], False),
])
def test_points_ahead(words, ahead):
    assert anchoring.points_ahead(words) is ahead


@pytest.mark.parametrize("rows, side", [
    ("we 1 nsubj PRON PRP\nfree 1 ccomp VERB VB", True),
    ("her 1 poss PRON PRP$\ngovernment 2 nsubj NOUN NN\nacts 2 ccomp VERB VBZ act", True),
    ("the 1 det DET DT\nrebels 2 nsubj NOUN NNS rebel\nact 2 ccomp VERB VBP", False),
    ("he 1 nsubj PRON PRP\nacts 1 ccomp VERB VBZ act", False),
])
def test_speaker_side_subject(rows, side):
    doc = parse(rows)
    verb = [t for t in doc if t.pos_ == "VERB"][0]
    assert clause.speaker_side_subject(verb) is side


def test_every_word_class_is_read_by_the_code():
    from pathlib import Path

    import newsledger

    src = "".join(p.read_text(encoding="utf-8") for p in Path(newsledger.__file__).parent.rglob("*.py"))
    unused = [c for c in word_classes() if f'"{c}"' not in src]
    assert not unused, f"word classes nobody reads: {unused}"


# ---------------------------------------------------------------------------- description antecedents
def _words_doc(text: str) -> Doc:
    return Doc(VOCAB, words=text.split())


# invented: two ministers, then a title reference; the stage says which person carries which words
MINISTERS = _words_doc("Mira Holt , the interior minister , met Ivo Sand , the trade minister . "
                       "The minister said the talks had failed . The interior minister left .")
TITLES = {"Holt": {"interior", "minister"}, "Sand": {"trade", "minister"}}


def _mentions(doc: Doc) -> list[tuple[int, str]]:
    """(token index, entity) of every surname mention, in text order."""
    return [(t.i, t.text) for t in doc if t.text in TITLES]


def _carrying(words: set[str]):
    return lambda m: m[1] if words <= TITLES[m[1]] else None


def _at(doc: Doc, phrase: str, nth: int = 0) -> int:
    """Token index of the nth occurrence of ``phrase`` (its first word)."""
    ws = phrase.split()
    hits = [t.i for t in doc if [x.text for x in doc[t.i:t.i + len(ws)]] == ws]
    return hits[nth]


def test_a_description_refers_to_the_latest_entity_that_carries_its_words():
    men = _mentions(MINISTERS)
    the_minister = _at(MINISTERS, "The minister")
    assert reference.latest_carrier(men, the_minister, _carrying({"minister"}), position=lambda m: m[0]) == "Sand"
    interior = _at(MINISTERS, "The interior minister")
    assert reference.latest_carrier(men, interior, _carrying({"interior", "minister"}),
                                    position=lambda m: m[0]) == "Holt"
    # nobody carries the words, or nobody is named before the description
    assert reference.latest_carrier(men, interior, _carrying({"finance", "minister"}), position=lambda m: m[0]) is None
    assert reference.latest_carrier(men, 0, _carrying({"minister"}), position=lambda m: m[0]) is None


def test_reach_bounds_how_far_back_a_description_looks():
    men = _mentions(MINISTERS)
    interior = _at(MINISTERS, "The interior minister")
    carries = _carrying({"interior", "minister"})
    assert reference.latest_carrier(men, interior, carries, position=lambda m: m[0], reach=2) == "Holt"
    assert reference.latest_carrier(men, interior, carries, position=lambda m: m[0], reach=1) is None


def test_a_headline_description_refers_to_the_first_holder_named_after_it():
    doc = _words_doc("Talks collapse , warns trade minister \n\n Ivo Sand said on Monday ...")
    men = _mentions(doc)
    minister = _at(doc, "minister")
    assert reference.latest_carrier(men, minister, _carrying({"trade", "minister"}), position=lambda m: m[0]) is None
    assert reference.next_carrier(men, minister, _carrying({"trade", "minister"}), position=lambda m: m[0]) == "Sand"
    assert reference.next_carrier(men, minister, _carrying({"interior"}), position=lambda m: m[0]) is None


def test_a_description_without_recency_needs_exactly_one_carrier():
    rows = [(frozenset(ws), name) for name, ws in TITLES.items()]
    one = reference.only_carrier(rows, lambda r: r[1] if {"trade", "minister"} <= r[0] else None)
    both = reference.only_carrier(rows, lambda r: r[1] if {"minister"} <= r[0] else None)
    assert (one, both) == ("Sand", None)
    assert reference.only_carrier(rows + rows, lambda r: r[1] if "interior" in r[0] else None) == "Holt"


@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abc")), max_size=25), st.integers(0, 31),
       st.sets(st.sampled_from("abc")))
def test_latest_and_next_carrier_agree_with_a_plain_search(rows, at, carriers):
    men = sorted(rows, key=lambda m: m[0])
    carrier = lambda m: m[1] if m[1] in carriers else None  # noqa: E731
    before = [m for m in men if m[0] < at and m[1] in carriers]
    after = [m for m in men if m[0] > at and m[1] in carriers]
    want_latest = min((m for m in before if m[0] == max(x[0] for x in before)), key=men.index, default=None)
    assert reference.latest_carrier(men, at, carrier, position=lambda m: m[0]) == (want_latest[1] if want_latest else None)
    assert reference.next_carrier(men, at, carrier, position=lambda m: m[0]) == (after[0][1] if after else None)


# "Quell called on Malik, who won, to be fair." as the parser misread it: "called" a modifier of
# "Quell", the infinitive "be" the root
MISPARSED_CALL = """
Quell 9 nsubj PROPN NNP
called 0 acl VERB VBD call
on 1 prep ADP IN
Malik 2 pobj PROPN NNP
, 3 punct PUNCT ,
who 6 nsubj PRON WP
won 3 relcl VERB VBD win
, 0 punct PUNCT ,
to 9 aux PART TO
be 9 ROOT AUX VB
fair 9 acomp ADJ JJ
. 9 punct PUNCT .
"""


def test_a_finite_verb_misparsed_as_its_subjects_modifier_is_the_active_main_verb():
    doc = parse(MISPARSED_CALL)
    called = doc[1]
    assert clause.is_misparsed_main_verb(called)
    assert not clause.is_passive(called)
    assert clause.subject(called).text == "Quell"
    # a real reduced passive ("the sailor freed in a swap said") stays a passive modifier
    doc = parse("""
sailor 4 nsubj NOUN NN
freed 0 acl VERB VBN free
in 1 prep ADP IN
swap 2 pobj NOUN NN
said 4 ROOT VERB VBD say
. 4 punct PUNCT .
""")
    assert not clause.is_misparsed_main_verb(doc[1]) and clause.is_passive(doc[1])


# "Brandt is a fisher from Norland , who said": "who" hung on the place refers to the person it describes
FISHER = """
Brandt 1 nsubj PROPN NNP
is 1 ROOT AUX VBZ be
a 3 det DET DT
fisher 1 attr NOUN NN
from 3 prep ADP IN
Norland 4 pobj PROPN NNP
, 5 punct PUNCT ,
who 8 nsubj PRON WP
said 5 relcl VERB VBD say
"""


def test_a_personal_relative_hung_on_a_place_refers_to_the_person_described():
    doc = parse(FISHER)
    assert reference.relative_antecedent(doc[7]).text == "Brandt"
    which = parse(FISHER.replace("who 8 nsubj PRON WP", "which 8 nsubj PRON WDT"))
    assert reference.relative_antecedent(which[7]).text == "Norland"  # "which" may be the place's


# "Crews regularly collaborate in searches ." / "Crews collaborated in searches ." / "Crews will often collaborate ."
HABIT = """
Crews 2 nsubj NOUN NNS crew
regularly 2 advmod ADV RB
collaborate 2 ROOT VERB VBP
in 2 prep ADP IN
searches 3 pobj NOUN NNS search
. 2 punct PUNCT .
"""
HABIT_PAST = HABIT.replace("regularly 2 advmod ADV RB", "often 2 advmod ADV RB").replace(
    "collaborate 2 ROOT VERB VBP", "collaborated 2 ROOT VERB VBD")
HABIT_MODAL = """
Crews 3 nsubj NOUN NNS crew
will 3 aux AUX MD
often 3 advmod ADV RB
collaborate 3 ROOT VERB VB
. 3 punct PUNCT .
"""


@pytest.mark.parametrize("rows, habitual", [(HABIT, True), (HABIT_PAST, False), (HABIT_MODAL, False),
                                            (HABIT.replace("regularly", "quickly"), False)])
def test_a_present_clause_with_an_adverb_of_frequency_is_a_habit(rows, habitual):
    doc = parse(rows)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert clause.is_habitual(verb) is habitual


# "Ostravia is confident that it can win a deal ."
CONFIDENT = """
Ostravia 1 nsubj PROPN NNP
is 1 ROOT AUX VBZ be
confident 1 acomp ADJ JJ
that 6 mark SCONJ IN
it 6 nsubj PRON PRP
can 6 aux AUX MD
win 2 ccomp VERB VB
a 8 det DET DT
deal 6 dobj NOUN NN
. 1 punct PUNCT .
"""


@pytest.mark.parametrize("rows, expected", [
    (CONFIDENT, True),
    (CONFIDENT.replace("confident 1 acomp ADJ JJ", "certain 1 acomp ADJ JJ"), True),
    (CONFIDENT.replace("can 6 aux AUX MD", "did 6 aux AUX VBD"), False),  # "confident that it did reach": a fact
    (CONFIDENT.replace("confident 1 acomp ADJ JJ", "proud 1 acomp ADJ JJ"), False),
])
def test_a_forward_modal_under_a_word_of_confidence_is_an_expectation(rows, expected):
    doc = parse(rows)
    assert clause.expected_only(doc[6]) is expected


# "The Vell agency expects Orsa to pay , he said . Vell said he would pay ."
OWN_REPORT = """
The 2 det DET DT
Vell 2 compound PROPN NNP
agency 3 nsubj NOUN NN
expects 9 ccomp VERB VBZ expect
Orsa 6 nsubj PROPN NNP
to 6 aux PART TO
pay 3 ccomp VERB VB
, 9 punct PUNCT ,
he 9 nsubj PRON PRP
said 9 ROOT VERB VBD say
. 9 punct PUNCT .
Vell 12 nsubj PROPN NNP
said 12 ROOT VERB VBD say
he 15 nsubj PRON PRP
would 15 aux AUX MD
pay 12 ccomp VERB VB pay
. 12 punct PUNCT .
"""


def test_a_pronoun_speaker_is_not_named_inside_its_own_report():
    doc = parse(OWN_REPORT)
    he, agency, orsa = doc[8], doc[2], doc[4]
    assert reference.inside_own_report(he, agency) and reference.inside_own_report(he, orsa)
    # the subject of the verb that reports the pronoun's clause, a later word, a non-subject pronoun: left alone
    assert not reference.inside_own_report(doc[13], doc[11])
    assert not reference.inside_own_report(he, doc[11])
    assert not reference.inside_own_report(doc[9], agency)
