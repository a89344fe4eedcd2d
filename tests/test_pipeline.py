"""The spine without the model: stage contract, batching, failures, chunking, article checks.

A blank English pipeline (tokenizer + sentencizer) stands in for the model, so these run fast.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.checks import check_article, english_score
from newsledger.errors import (
    DateFormatError,
    EmptyInputError,
    JSONLineError,
    NotEnglishError,
    StageError,
    TooLongError,
)
from newsledger.nlp import chunk_text, parse
from newsledger.pipeline import Failure, Found, Pipeline, Stage, normalize_published, registered_stages
from newsledger.records import Article, Entity, Record, Span

ENGLISH = ("The minister said on Monday that the port would reopen within two weeks, and the union "
           "said it was ready to talk to the government about the money it is owed by the state.")


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _people(doc, found: Found) -> dict:
    """A toy stage: every capitalized word after the first is a PERSON."""
    ents = []
    for tok in doc:
        if tok.i and tok.is_title and tok.is_alpha:
            ents.append(Entity(id=f"e{len(ents) + 1}", type="PERSON", name=tok.text,
                               mentions=(Span.of(doc.text, tok.idx, tok.idx + len(tok)),)))
    return {"entities": ents}


PEOPLE = Stage("people", _people, (), ("entities",))


def test_stages_run_and_the_record_validates(blank):
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False)
    rec = p.extract("so Ana met Bruno.", published="2025-02-03", id="a1")
    assert isinstance(rec, Record)
    assert [e.name for e in rec.entities] == ["Ana", "Bruno"]
    assert rec.published == "2025-02-03" and rec.id == "a1"


def test_a_stage_returning_undeclared_fields_is_a_stage_error(blank):
    bad = Stage("bad", lambda doc, found: {"events": []}, (), ("entities",))
    with pytest.raises(StageError, match="declares it provides"):
        Pipeline(nlp=blank, stages=[bad], check_language=False).extract("so Ana met Bruno.")


def test_a_stage_returning_the_wrong_record_type_is_a_stage_error(blank):
    bad = Stage("bad", lambda doc, found: {"entities": ["Ana"]}, (), ("entities",))
    with pytest.raises(StageError, match="must hold Entity"):
        Pipeline(nlp=blank, stages=[bad], check_language=False).extract("so Ana met Bruno.")


def test_a_stage_producing_a_broken_span_fails_that_article_only(blank):
    def broken(doc, found):
        if "Bruno" in doc.text:
            return {"entities": [Entity(id="e1", type="PERSON", name="X", mentions=(Span(0, 2, "zz"),))]}
        return {"entities": []}

    p = Pipeline(nlp=blank, stages=[Stage("broken", broken, (), ("entities",))], check_language=False)
    arts = [Article("so Ana went home.", id="a"), Article("so Bruno went home.", id="b"), Article("Carla too.", id="c")]
    out = list(p.process(arts))
    assert [type(r).__name__ for r in out] == ["Record", "Failure", "Record"]
    assert out[1].doc_id == "b" and "does not match" in out[1].reason


def test_a_crashing_stage_is_reported_with_its_name(blank):
    def crash(doc, found):
        raise ZeroDivisionError("boom")

    p = Pipeline(nlp=blank, stages=[Stage("crashy", crash, (), ("entities",))], check_language=False)
    (res,) = list(p.process([Article("so Ana went home.", id="a")]))
    assert isinstance(res, Failure) and "crashy" in res.reason and "boom" in res.reason


def test_failures_pass_through_in_order_and_batches_stream(blank):
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False, batch_size=2)
    items = [Article("one Ana.", id="1"), JSONLineError("not JSON", "f.jsonl:2"), Article("   ", id="3"),
             Article("four Dana.", id="4"), Article("five Eve.", id="5")]
    out = list(p.process(iter(items)))
    assert [getattr(r, "id", None) or r.source for r in out] == ["1", "f.jsonl:2", "3", "4", "5"]
    assert isinstance(out[2], Failure) and out[2].code == EmptyInputError.code


def test_unknown_stage_names_say_what_exists():
    with pytest.raises(StageError, match="unknown stage"):
        registered_stages(["no-such-stage"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(5, 60))
def test_chunks_join_back_to_the_text_and_respect_the_size(text, size):
    chunks = chunk_text(text, size)
    assert "".join(chunks) == text
    assert all(len(c) <= size for c in chunks)


def test_chunks_prefer_paragraph_breaks():
    text = ("word " * 30 + "\n\n") * 10
    chunks = chunk_text(text, 400)
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_a_long_text_parses_in_chunks_into_one_doc_with_article_offsets(blank):
    para = "Ana Lima said the port would reopen. " * 40
    text = "\n\n".join([para] * 30)
    doc = parse(blank, text, size=5_000)
    assert doc.text == text
    tok = doc[-2]
    assert text[tok.idx:tok.idx + len(tok)] == tok.text


def test_long_articles_are_processed_and_too_long_ones_refused(blank):
    text = ("The port will reopen soon, the minister said. " * 50 + "\n\n") * 20
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False, chunk_chars=2_000)
    assert isinstance(p.extract(text), Record)
    with pytest.raises(TooLongError, match="over the limit"):
        Pipeline(nlp=blank, stages=[PEOPLE], max_chars=1_000).extract(text)


def test_ten_megabytes_is_refused_at_once_with_a_clear_message(blank):
    big = "word " * 2_100_000
    p = Pipeline(nlp=blank, stages=[PEOPLE])
    (res,) = list(p.process([Article(big, id="big", source="big.txt")]))
    assert isinstance(res, Failure) and res.source == "big.txt" and "--max-chars" in res.reason


def test_non_english_is_refused_and_can_be_let_through():
    fr = Article("Le ministre a déclaré lundi que le port rouvrirait dans deux semaines et que le syndicat "
                 "était prêt à discuter avec le gouvernement de l'argent qui lui est dû par l'État.", id="fr")
    with pytest.raises(NotEnglishError, match="--no-language-check"):
        check_article(fr)
    assert check_article(fr, check_language=False) is fr
    assert check_article(Article(ENGLISH)) is not None
    assert english_score(ENGLISH)[0] > 0.3
    ru = Article("Министр заявил в понедельник, что порт вновь откроется через две недели. " * 3)
    with pytest.raises(NotEnglishError):
        check_article(ru)


def test_empty_text_is_refused():
    with pytest.raises(EmptyInputError, match="empty"):
        check_article(Article(" \n\t "))


@pytest.mark.parametrize("value, expected", [
    ("2025-02-03", "2025-02-03"),
    ("2025-02-03T09:30:00Z", "2025-02-03T09:30:00+00:00"),
    (dt.date(2025, 2, 3), "2025-02-03"),
    (None, None),
    ("", None),
])
def test_published_dates_are_normalized(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize("value", ["3 Feb 2025", "yesterday", "2025-13-01", "02/03/2025"])
def test_unknown_published_formats_say_what_to_give(value):
    with pytest.raises(DateFormatError, match="ISO 8601"):
        normalize_published(value)


def test_found_exposes_the_publication_date_part():
    f = Found(Article("x", published="2025-02-03T09:30:00+00:00"))
    assert f.published == dt.date(2025, 2, 3)
    assert Found(Article("x")).published is None


def _reference_language_facts(text: str, sample_chars: int = 20_000):
    """The language check's figures as first written: one regex pass per figure, a list of every
    letter (the cheaper code in checks.py must give exactly these)."""
    import re

    from spacy.lang.en.stop_words import STOP_WORDS

    sample = text[:sample_chars]
    words = re.findall(r"[^\W\d_]+", sample)
    if not words:
        score = (0.0, 0)
    elif sum(1 for w in words if w.isascii()) / len(words) < 0.5:
        score = (0.0, len(words))
    else:
        score = (sum(1 for w in words if w.lower() in STOP_WORDS) / len(words), len(words))
    letters = len(re.findall(r"[^\W\d_]", sample))
    latin = None if letters < 40 else len(re.findall(r"[A-Za-z\u00C0-\u024F]", sample)) / letters
    return score, latin


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ09_ .,'\n-") + ["the ", "of ", "é", "ß", "×", "÷", "Ж", "中", "²", "٣",
                                                             "ǅ", "ɏ", "ɐ", "ſ", "İ", "K", "’"]), max_size=300).map("".join),
       st.sampled_from([20_000, 50]))
def test_language_figures_are_those_of_the_plain_regex_counts(text, sample_chars):
    from newsledger.checks import latin_share

    score, latin = _reference_language_facts(text, sample_chars)
    assert english_score(text, sample_chars) == score
    assert latin_share(text, sample_chars) == latin


# ---- batching and the tokenizer's cache (issue 13: the parse as fast as bare spaCy's)
def _counting(nlp, calls: list):
    """``nlp`` whose ``pipe`` notes the batch size of each call."""
    class Counting:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def pipe(self, docs, **kw):
            calls.append(kw.get("batch_size"))
            return nlp.pipe(docs, **kw)
    return Counting()


def test_batches_follow_the_size_and_the_characters_and_go_when_full(blank):
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False, batch_size=3, batch_chars=100)
    arts = [Article("x" * n, id=str(k)) for k, n in enumerate([10, 10, 10, 10, 60, 50, 200, 5])]
    pulled = []

    def feed():
        for a in arts:
            pulled.append(a.id)
            yield a
    sizes = []
    for batch in p._batches(feed()):
        sizes.append([a.id for a in batch])
        assert pulled[-1] == batch[-1].id or len(batch) < 3  # a full batch goes before the next item is read
    assert sizes == [["0", "1", "2"], ["3", "4"], ["5"], ["6"], ["7"]]


def test_a_group_that_fits_the_batch_characters_is_parsed_in_one_call(blank):
    calls: list = []
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False, batch_size=8, batch_chars=1_000)
    nlp = _counting(blank, calls)
    group = [(k, Article("Word " * n, id=str(k))) for k, n in enumerate([10, 60, 10, 20, 10])]
    docs = p._parse(nlp, group)  # 550 characters together; the longest 300 (1,000 // 300 would be 3 a call)
    assert calls == [5] and sorted(docs) == [0, 1, 2, 3, 4]
    calls.clear()
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False, batch_size=8, batch_chars=300, chunk_chars=100)
    p._parse(nlp, [(0, Article("Word. " * 100, id="long"))])  # 600 characters: chunks of 100, three at a time
    assert calls == [3]


def test_the_warmer_keeps_the_batchs_words_outside_the_zone_and_stops_at_the_cap():
    from newsledger.nlp import TokenizerWarmer

    nlp = spacy.blank("en")
    warm = TokenizerWarmer()
    warm(nlp, ["Velmora's harbour reopened, Quillan said on 3 May."])
    assert {"Velmora's", "harbour", "reopened,", "Quillan", "said", "on", "May."} == warm.known
    with nlp.memory_zone():
        doc = nlp.make_doc("Quillan said Ostrevar 12 times.")
        assert [t.text for t in doc] == ["Quillan", "said", "Ostrevar", "12", "times", "."]
    assert "Quillan" in nlp.vocab.strings and "Ostrevar" not in nlp.vocab.strings  # kept / freed with the zone
    with nlp.memory_zone():
        warm(nlp, ["Inside a zone nothing is kept."])
    assert "Inside" not in warm.known
    nlp.tokenizer.max_cache_size = len(warm.known) + 2
    warm(nlp, ["alpha beta gamma delta epsilon"])
    assert warm.done and not warm.known  # at the tokenizer's own limit: stopped, its set dropped
    warm(nlp, ["zeta"])
    assert "zeta" not in nlp.vocab.strings


def test_warmed_words_tokenize_as_cold_ones():
    from newsledger.nlp import TokenizerWarmer

    text = ("Mr. Quillan (the port's chief) said: \"We don't know.\" U.S. officials, e.g. Dr. Vance, "
            "didn't-agree; co-operation isn't over... Talks resume at 9:30 a.m. on Jan. 4th — or later!")
    cold = [(t.text, t.idx) for t in spacy.blank("en").make_doc(text)]
    nlp = spacy.blank("en")
    TokenizerWarmer()(nlp, [text])
    with nlp.memory_zone():
        assert [(t.text, t.idx) for t in nlp.make_doc(text)] == cold
