"""The per-doc helpers the stages share (extract/_doc.py)."""

from __future__ import annotations

import pytest

from newsledger.extract._doc import dateline_tokens, doc_text


@pytest.mark.slow
@pytest.mark.parametrize("text, words", [
    ("VELMAR — The harbour board said on Monday that the pier would reopen.", ["VELMAR"]),
    ("PORT ALVA, Tumbria — Officials said the vote would go ahead.", ["PORT", "ALVA", ",", "Tumbria"]),
    ("The board said the pier — closed since May — would reopen.", []),
    ("NATO said on Monday that the exercise would go ahead as planned.", []),
    ("VELMAR, Tumbria (AP) — A court sentenced a former minister.", ["VELMAR", ",", "Tumbria", "(", "AP", ")"]),
    ("Velmar – The harbour board said on Monday that the pier would reopen.", ["Velmar"]),
    ("Port Alva, Tumbria — Officials said the vote would go ahead.", ["Port", "Alva", ",", "Tumbria"]),
    ("The pier reopened.\nLena Fosse – who chairs the board – said so.", []),
    ("Pier reopens\n\nPort Alva — The board said the pier would reopen.", ["Port", "Alva"]),
    ("Officials said Velmar – a port – would reopen.", []),
])
def test_datelines_are_the_capitals_before_an_opening_dash(nlp, text, words):
    doc = nlp(text)
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == words


@pytest.mark.slow
def test_doc_text_is_the_text_and_kept_with_the_doc(nlp):
    doc = nlp("Ana Lima said the port would reopen.\n\nShe added nothing.")
    assert doc_text(doc) == doc.text
    assert doc.user_data["newsledger:text"] is doc_text(doc)


@pytest.mark.slow
def test_sent_of_is_the_tokens_own_sentence(nlp):
    from newsledger.extract._doc import release, sent_of

    doc = nlp("VELMAR — The board met.\n\nAna Lima said: \"It reopens.\" Then she left. (Copy 3.)")
    for tok in doc:
        assert (sent_of(tok).start, sent_of(tok).end) == (tok.sent.start, tok.sent.end)
    release(doc)
    assert not any(str(k).startswith("newsledger:") for k in doc.user_data)


@pytest.mark.slow
def test_children_index_is_spacys_children_in_order(nlp):
    from newsledger.analysis.clause import children, head_indices

    doc = nlp("The minister, who arrived late, said on Monday that the port would reopen and that talks resume.")
    for tok in doc:
        assert [c.i for c in children(tok)] == [c.i for c in tok.children]
    assert head_indices(doc) == [t.head.i for t in doc]


@pytest.mark.slow
def test_subtree_is_spacys_subtree_in_order(nlp):
    from newsledger.analysis.clause import subtree

    doc = nlp("The minister, who arrived late from the port of Velmar, said on Monday that talks would resume "
              "in return for the release of two sailors held since March.")
    for tok in doc:
        assert [t.i for t in subtree(tok)] == [t.i for t in tok.subtree]


@pytest.mark.slow
def test_the_article_text_is_the_docs_text_unless_it_is_another_text(nlp):
    from newsledger.extract._doc import release, seed_text

    text = "VELMAR — Ana Lima said the pier  would reopen.\n\n"
    doc = nlp(text)
    seed_text(doc, text)
    assert doc_text(doc) is text and doc_text(doc) == doc.text
    release(doc)
    seed_text(doc, text + "More.")  # not this doc's text: doc_text reads the doc
    assert doc_text(doc) == doc.text


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Ana’s STRASSE ‘fine’ ΟΔΟΣ Σa (AP) — «Quote»", "Straße and İstanbul: ﬁne", ""])
def test_folded_is_each_tokens_fold(nlp, text):
    from newsledger.extract._doc import folded
    from newsledger.extract.entities.lex import fold

    doc = nlp(text)
    assert folded(doc) == [fold(t.text) for t in doc]  # (ß, İ and ﬁ fold to two characters: the plain way)


@pytest.mark.slow
def test_span_text_is_spacys_span_text(nlp):
    from newsledger.extract._doc import span_text

    doc = nlp("VELMAR — The board met.\n\nAna  Lima, 61, said: \"It reopens.\"  Then she left.\n")
    n = len(doc)
    for a in range(n + 1):
        for b in range(max(0, a - 1), n + 9):  # (past the end and empty stretches too, as doc[a:b] takes them)
            assert span_text(doc, a, b) == doc[a:b].text, (a, b)


@pytest.mark.slow
def test_definite_nouns_are_the_lower_case_nouns_with_a_the(nlp):
    from newsledger.extract.statements.speakers import _definite_nouns

    doc = nlp("The Ministry said the commission and the port authority met. The board, the chair and a union agreed.")
    want = [t.i for t in doc if t.pos_ == "NOUN" and t.is_lower
            and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children)]
    assert want and _definite_nouns(doc) == want


@pytest.mark.slow
def test_char_tokens_are_the_tokens_of_spacys_expanded_char_span(nlp):
    from newsledger.extract._doc import char_tokens

    doc = nlp("VELMAR — The board met.\n\nAna  Lima, 61, said: \"It reopens.\"  Then she left.\n")
    n = len(doc.text)
    for s in range(-2, n + 3):
        for e in range(s, n + 3):  # (spaCy raises on an end before the start)
            span = doc.char_span(s, e, alignment_mode="expand")
            want = None if span is None else (span.start, span.end)
            assert char_tokens(doc, s, e) == want, (s, e)


@pytest.mark.slow
def test_ent_types_are_each_tokens_ent_type(nlp):
    from newsledger.extract._doc import ent_types

    doc = nlp("Ana Lima of the Velmar Port Authority said on Monday that 300 workers in Ostrava would strike.")
    assert ent_types(doc) == [t.ent_type_ for t in doc] and any(ent_types(doc))
