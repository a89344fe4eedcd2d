"""Hostile inputs to the readers, the checks and the pipeline: each is one typed failure, the batch
goes on, nothing hangs or reads without bound. Fast: generated inputs, a blank spaCy pipeline.

(The whole hostile suite through the CLI is tests/test_hostile.py; the store's safety is
tests/test_store_safety.py.)
"""

from __future__ import annotations

import gzip
import io
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.checks import check_article
from newsledger.errors import (
    ArticleTimeoutError,
    EmptyInputError,
    InputError,
    JSONLineError,
    NotEnglishError,
    TooLongError,
    WarcError,
)
from newsledger.hostile import _warc, good_articles
from newsledger.ingest import read_inputs, read_jsonl, read_path
from newsledger.pipeline import Failure, Pipeline, Stage
from newsledger.records import Article, Entity, Record, Span

GOOD = good_articles(1, seed=3)[0]


def items(it) -> list:
    return list(it)


def kinds(out: list) -> list[str]:
    return ["article" if isinstance(x, Article) else type(x).__name__ for x in out]


# ---------------------------------------------------------------------------- special files
def test_special_files_are_refused_without_blocking_or_reading(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "dir.txt").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    start = time.monotonic()
    out = items(read_inputs([str(fifo), str(tmp_path / "zero.txt"), str(tmp_path / "a"), str(tmp_path / "dir.txt"),
                             str(tmp_path / "nope.txt"), str(good)]))
    assert time.monotonic() - start < 5
    assert kinds(out)[-1] == "article" and out[-1].text == GOOD
    errors = [str(x) for x in out[:-1]]
    assert "named pipe (FIFO)" in errors[0] and "stdin" in errors[0]
    assert "a device" in errors[1]
    assert "loop of symbolic links" in errors[2]
    assert "is a directory" in errors[3]
    assert "no such file" in errors[4]
    assert all(isinstance(x, InputError) for x in out[:-1])


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read_whole(tmp_path: Path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 2000)
    (err,) = items(read_path(f, max_bytes=1000))
    assert isinstance(err, TooLongError) and "--max-bytes" in str(err)
    (ok,) = items(read_path(f, max_bytes=10_000))
    assert isinstance(ok, Article)


def test_gzipped_text_feeds_and_jsonl_are_read_and_a_bomb_stops_at_the_cap(tmp_path: Path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(GOOD.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": GOOD, "id": "b1"}) + "\n").encode()))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 3_000_000))
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:30])
    out = items(read_inputs([str(tmp_path / n) for n in ("a.txt.gz", "b.jsonl.gz", "bomb.txt.gz", "broken.txt.gz")],
                            max_bytes=1_000_000))
    assert kinds(out) == ["article", "article", "TooLongError", "InputError"]
    assert out[0].text == GOOD and out[0].doc_id == "a" and out[1].doc_id == "b1"
    assert "uncompressed" in str(out[2]) and "damaged gzip" in str(out[3])


# ---------------------------------------------------------------------------- JSONL
def test_hostile_jsonl_lines_are_typed_failures_and_the_rest_goes_on():
    lines = [
        "\ufeff" + json.dumps({"text": GOOD, "id": "first"}),       # a BOM on the first line
        '{"text": "\\ud800 lone"}',                                 # a lone surrogate
        '{"text": ' + "[" * 5000 + "]" * 5000 + "}",                # nested past the recursion limit
        '{"text": "x", "id": ' + "9" * 5000 + "}",                  # an integer of 5,000 digits
        json.dumps({"text": GOOD, "title": ["a"]}),
        json.dumps({"text": GOOD, "outlet": 3}),
        json.dumps({"text": GOOD, "url": {"u": 1}}),
        json.dumps({"text": GOOD, "id": 1.5}),
        json.dumps({"text": GOOD, "id": True}),
        json.dumps({"text": GOOD, "published": 2025}),
        json.dumps({"text": GOOD + " again", "id": 12}),            # an integer id, stringified on purpose
    ]
    out = items(read_jsonl([ln.encode() for ln in lines], "in.jsonl"))
    assert kinds(out) == ["article"] + ["JSONLineError"] * 9 + ["article"]
    assert out[0].doc_id == "first" and out[-1].doc_id == "12"
    reasons = [str(x) for x in out[1:-1]]
    assert "surrogate" in reasons[0] and "nested too deeply" in reasons[1] and "cannot be read" in reasons[2]
    assert '"title" must be a string' in reasons[3] and '"outlet" must be a string' in reasons[4]
    assert '"id" must be a string or an integer' in reasons[6] and "a number" in reasons[6]
    assert "a boolean" in reasons[7] and '"published" must be an ISO 8601' in reasons[8]
    assert all("\n" not in r and r.startswith("[N106] in.jsonl:") for r in reasons)


def test_an_over_long_jsonl_line_is_skipped_and_the_next_read(tmp_path: Path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "x " * 5000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    out = items(read_path(f, max_bytes=2000))
    assert kinds(out) == ["TooLongError", "article"] and out[1].text == GOOD


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_empty_jsonl_and_empty_stdin_say_so(tmp_path: Path, data: bytes):
    f = tmp_path / "e.jsonl"
    f.write_bytes(data)
    (err,) = items(read_path(f))
    assert isinstance(err, EmptyInputError) and "JSONL input is empty" in str(err)
    (err,) = items(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(err, EmptyInputError) and "<stdin>" in str(err)


# ---------------------------------------------------------------------------- WARC
def test_a_cut_warc_gives_its_whole_records_then_a_failure(tmp_path: Path):
    whole = _warc(3)
    (tmp_path / "whole.warc.gz").write_bytes(whole)
    (tmp_path / "cut.warc.gz").write_bytes(whole[:-40])
    plain = _warc(3, packed=False)
    (tmp_path / "cut.warc").write_bytes(plain[: len(plain) // 2])  # inside the second record
    (tmp_path / "head.warc").write_bytes(plain[:25])
    (tmp_path / "head.warc.gz").write_bytes(whole[:30])
    assert kinds(items(read_path(tmp_path / "whole.warc.gz"))) == ["article"] * 3
    for name, n in (("cut.warc.gz", 2), ("cut.warc", 1), ("head.warc", 0), ("head.warc.gz", 0)):
        out = items(read_path(tmp_path / name))
        assert kinds(out) == ["article"] * n + ["WarcError"], name
        reason = str(out[-1])
        assert ("cut short" in reason or "damaged" in reason) and "\n" not in reason and len(reason) < 400, reason


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=2000), junk=st.binary(max_size=64))
def test_any_damaged_warc_is_items_never_an_exception(tmp_path: Path, cut: int, junk: bytes):
    data = _warc(2, packed=bool(cut % 2))
    f = tmp_path / "x.warc"
    f.write_bytes(data[: len(data) - cut] + junk)
    out = items(read_path(f))
    assert all(isinstance(x, (Article, InputError)) for x in out)
    assert all("\n" not in str(x) for x in out if isinstance(x, InputError))


# ---------------------------------------------------------------------------- fuzzing the readers
@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80),
                                st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                                             lambda c: st.lists(c, max_size=3) | st.dictionaries(
                                                 st.sampled_from(["text", "id", "title", "outlet", "url", "published"]),
                                                 c, max_size=4), max_leaves=8).map(json.dumps)), max_size=8))
def test_the_jsonl_reader_turns_any_line_into_an_article_or_a_typed_error(lines):
    out = items(read_jsonl([ln if isinstance(ln, bytes) else ln.encode("utf-8", "surrogatepass") for ln in lines],
                           "fuzz.jsonl"))
    assert out and all(isinstance(x, (Article, InputError)) for x in out)
    for a in out:
        if isinstance(a, Article):
            assert isinstance(a.text, str) and (a.id is None or isinstance(a.id, str))
            for v in (a.title, a.outlet, a.url, a.published):
                assert v is None or isinstance(v, str)
            json.dumps(a.to_json(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@settings(max_examples=40, deadline=None)
@given(body=st.lists(st.text(max_size=40) | st.sampled_from(["&#xD800;", "&#0;", "&#x110000;", "&bogus;", "<![CDATA[",
                                                             "]]>", "<p>", "</p>", "&amp;", "\x00"]), max_size=12)
       .map("".join), wrap=st.sampled_from(["rss", "atom", "junk"]))
def test_the_feed_reader_turns_anything_into_articles_or_typed_errors(tmp_path_factory, body: str, wrap: str):
    if wrap == "rss":
        data = f"<?xml version='1.0'?><rss><channel><item><description>{body}</description></item></channel></rss>"
    elif wrap == "atom":
        data = f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>{body}</content></entry></feed>"
    else:
        data = body
    f = tmp_path_factory.mktemp("feed") / "fuzz.xml"
    f.write_bytes(data.encode("utf-8", "surrogatepass"))
    out = items(read_inputs([str(f)]))
    assert out and all(isinstance(x, (Article, InputError)) for x in out)
    for a in out:
        if isinstance(a, Article):
            (a.text + (a.title or "") + (a.outlet or "")).encode("utf-8")


# ---------------------------------------------------------------------------- the checks
@pytest.mark.parametrize("text", [
    "".join(chr(0x4E00 + (i * 7919) % 20000) + ("\u3002" if i % 13 == 0 else "") for i in range(400)),  # Han
    "".join(chr(0x3041 + i % 86) + ("\u3001" if i % 9 == 0 else "") for i in range(400)),                 # kana
])
def test_the_language_check_refuses_other_scripts(text: str):
    with pytest.raises(NotEnglishError, match="Latin alphabet"):
        check_article(Article(text=text))
    assert check_article(Article(text=text), check_language=False)


@pytest.mark.parametrize("text", ["\u200b\u200c\u200d\u2060\ufeff" * 300, "!?.,;:" * 100, "\u00ad\u202e \u3000"])
def test_a_text_without_words_is_refused(text: str):
    with pytest.raises(EmptyInputError, match="holds no words"):
        check_article(Article(text=text))


def test_a_negative_character_limit_is_refused():
    import spacy

    with pytest.raises(TooLongError, match="--max-chars"):
        Pipeline(nlp=spacy.blank("en"), max_chars=-5)


# ---------------------------------------------------------------------------- the pipeline
@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def _people(doc, found):
    ents = tuple(Entity(f"e{i}", "PERSON", t.text, (), (Span(t.idx, t.idx + len(t.text), t.text),))
                 for i, t in enumerate(x for x in doc if x.is_title))
    return {"entities": ents}


PEOPLE = Stage("people", _people, (), ("entities",))


def test_runs_of_punctuation_tokenize_in_linear_time_and_keep_offsets(blank):
    from newsledger.nlp import make_doc

    text = GOOD + " " + '"' * 30_000 + "x" + "!?" * 10_000 + " " + "https://example.org/" + "ab" * 200 + " " + GOOD
    start = time.monotonic()
    doc = make_doc(blank, text)
    assert time.monotonic() - start < 5  # whole, 30,000 quote marks took minutes (quadratic)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= 100


def test_a_long_article_is_parsed_in_bounded_pieces_with_exact_offsets(blank, monkeypatch):
    import newsledger.pipeline as pipeline_mod

    text = "\n\n".join(good_articles(150, seed=2))  # ~40,000 characters
    p = Pipeline(nlp=blank, stages=[PEOPLE], check_language=False)
    sizes: list[int] = []
    real = pipeline_mod.make_doc

    def spy(nlp, piece):
        sizes.append(len(piece))
        return real(nlp, piece)

    monkeypatch.setattr(pipeline_mod, "make_doc", spy)
    (rec,) = list(p.process([Article(text=text)]))
    assert isinstance(rec, Record) and rec.text == text and rec.entities
    rec.validate()
    assert len(sizes) > 1 and max(sizes) <= p.chunk_chars and sum(sizes) == len(text)


def test_an_article_over_its_time_limit_is_a_failure_and_the_batch_goes_on(blank):
    def slow(doc, found):
        if "slow" in doc.text:
            while True:  # a stage that never ends (time.sleep would end; a loop must be interrupted)
                pass
        return _people(doc, found)

    p = Pipeline(nlp=blank, stages=[Stage("people", slow, (), ("entities",))], check_language=False, timeout=0.5)
    start = time.monotonic()
    out = list(p.process([Article(text="Ana met Bruno.", id="a"), Article(text="a slow one", id="b"),
                          Article(text="Carla met Dario.", id="c")]))
    assert time.monotonic() - start < 10
    assert [type(x).__name__ for x in out] == ["Record", "Failure", "Record"]
    assert out[1].code == ArticleTimeoutError.code and "--timeout" in out[1].reason and out[1].doc_id == "b"


def test_a_timeout_must_be_positive(blank):
    with pytest.raises(ArticleTimeoutError, match="positive"):
        Pipeline(nlp=blank, stages=[PEOPLE], timeout=0)


def test_failure_reasons_are_one_line():
    f = Failure.from_error(WarcError("bad\n  record\r\n header", "x.warc"))
    assert f.reason == "bad record header"
    f = Failure.from_error(ValueError("two\nlines"), "src")
    assert "\n" not in f.reason and f.code == "N999"
