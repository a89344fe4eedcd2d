"""Facts about a parsed doc that several stages read, computed once per Doc.

They are kept in ``doc.user_data`` under ``newsledger:`` keys (no global ``Doc`` extensions, no
module-level caches): they live and die with the doc, which never leaves the pipeline's memory zone.
The pipeline drops them (:func:`release`) once the stages are done, so that the cached tokens, which
point back at their doc, hold nothing in a reference cycle.

Why: spaCy builds a new Python ``Token`` on every ``doc[i]`` and every step of ``for t in doc``, and a
new list of sentence spans on every ``doc.sents``. The stages walk each doc dozens of times, so they
read the tokens (:func:`tokens`), their folded texts (:func:`folded`) and the sentences
(:func:`sentences`) from these per-doc lists instead.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["doc_text", "dateline_tokens", "tokens", "texts", "folded", "sentences", "attr_ids", "attr_lists",
           "punct_or_space", "sent_of", "seed_text", "release", "expanded_span", "span_text", "char_tokens",
           "ent_types"]

_DASHES = ("—", "–", "--", "-")
# an agency dateline with no dash: "Halden (VL), Mar 3 (XNA) The council ..." (a place, its state's code, the
# date and the agency's credit, then the story; issue 11)
_CREDIT_DATELINE = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?: \([A-Z]{1,4}\))?, (?:Jan|Feb|Mar|Apr|May|Jun|"
                              r"Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2} \([A-Z][A-Za-z]{1,9}\) (?=[A-Z])")


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("newsledger:text")
    if text is None:
        text = doc.user_data["newsledger:text"] = doc.text
    return text


def seed_text(doc: "Doc", text: str) -> None:
    """Keep ``text``, the article the doc was parsed from, as :func:`doc_text`: spaCy's tokenizer keeps
    every character (and ``nlp.join_docs`` checks chunk-joined docs), so ``doc.text`` would rebuild the
    same string from the tokens. Not kept when the lengths differ (a doc from elsewhere)."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data["newsledger:text"] = text


def tokens(doc: "Doc") -> list:
    """The doc's tokens as one list, built once per doc: ``tokens(doc)[i]`` is ``doc[i]``."""
    toks = doc.user_data.get("newsledger:tokens")
    if toks is None:
        toks = doc.user_data["newsledger:tokens"] = list(doc)
    return toks


def texts(doc: "Doc") -> list[str]:
    """``t.text`` of every token, built once per doc (each ``.text`` of a Token is a new string)."""
    out = doc.user_data.get("newsledger:texts")
    if out is None:
        text = doc_text(doc)  # each token's text is its stretch of the doc's text
        out = doc.user_data["newsledger:texts"] = [text[a:a + n] for a, n in _bounds(doc)]
    return out


def _bounds(doc: "Doc") -> list[list[int]]:
    """Each token's first character and length, from the doc's arrays (once per doc)."""
    got = doc.user_data.get("newsledger:bounds")
    if got is None:
        got = doc.user_data["newsledger:bounds"] = (
            doc.to_array(["IDX", "LENGTH"]).reshape(-1, 2).tolist() if len(doc) else [])
    return got


def span_text(doc: "Doc", start: int, end: int) -> str:
    """``doc[start:end].text`` (for 0 <= start), cut from the doc's text by the first and last token's offsets
    (``Span.text`` joins its tokens' texts again on every call)."""
    end = min(end, len(doc))
    if start >= end:
        return ""
    bounds = _bounds(doc)
    a, (b, n) = bounds[start][0], bounds[end - 1]
    return doc_text(doc)[a:b + n]


def ent_types(doc: "Doc") -> list[str]:
    """``t.ent_type_`` of every token ("" outside the tagger's entities), read from the doc's arrays once per doc
    (each ``ent_type_`` of a Token reads the string back from the store)."""
    out = doc.user_data.get("newsledger:ent_types")
    if out is None:
        strings = doc.vocab.strings
        names: dict[int, str] = {0: ""}
        out = []
        for x in (doc.to_array("ENT_TYPE").tolist() if len(doc) else []):
            name = names.get(x)
            if name is None:
                name = names[x] = strings[x]
            out.append(name)
        doc.user_data["newsledger:ent_types"] = out
    return out


def char_tokens(doc: "Doc", start: int, end: int) -> tuple[int, int] | None:
    """``(span.start, span.end)`` of ``doc.char_span(start, end, alignment_mode="expand")``, or None where that is
    None, found by bisecting the token offsets (no Span or Token is built). As spaCy does: a character belongs to
    the token whose text or trailing space holds it, and a start on a token's trailing space moves to the next."""
    bounds = _bounds(doc)
    total = len(doc_text(doc))
    if not bounds or start < 0 or end - 1 < 0 or start >= total or end - 1 >= total:
        return None
    starts = _starts(doc)
    a = bisect.bisect_right(starts, start) - 1
    b = bisect.bisect_right(starts, end - 1) - 1
    if start == bounds[a][0] + bounds[a][1]:
        a += 1
    return a, b + 1


def _starts(doc: "Doc") -> list[int]:
    """Each token's first character (once per doc)."""
    got = doc.user_data.get("newsledger:starts")
    if got is None:
        got = doc.user_data["newsledger:starts"] = [a for a, _ in _bounds(doc)]
    return got


def folded(doc: "Doc") -> list[str]:
    """``fold(t.text)`` of every token (the lexicon lookup key), built once per doc."""
    out = doc.user_data.get("newsledger:folded")
    if out is None:
        from .entities.lex import fold

        text = doc_text(doc)
        whole = fold(text)
        if len(whole) == len(text) and len(doc):
            # folding maps character by character (str.casefold has no context rules): where no character
            # folds to several, each token's fold is its stretch of the folded text, cut by its offsets
            out = [whole[a:a + n] for a, n in _bounds(doc)]
        else:
            out = [fold(t) for t in texts(doc)]
        doc.user_data["newsledger:folded"] = out
    return out


def sentences(doc: "Doc") -> list:
    """``list(doc.sents)``, built once per doc."""
    sents = doc.user_data.get("newsledger:sents")
    if sents is None:
        sents = doc.user_data["newsledger:sents"] = list(doc.sents)
    return sents


def sent_of(tok: "Token") -> "Span":
    """``tok.sent``: the sentence of :func:`sentences` that holds the token, by a per-doc index of each
    token's sentence (spaCy's ``Token.sent`` walks to the sentence's both ends and builds a new Span on
    every call)."""
    doc = tok.doc
    index = doc.user_data.get("newsledger:sent_index")
    if index is None:
        index = []
        for k, sent in enumerate(sentences(doc)):
            index.extend([k] * (sent.end - sent.start))
        doc.user_data["newsledger:sent_index"] = index
    return sentences(doc)[index[tok.i]]


def attr_ids(doc: "Doc"):
    """The coarse tag, lower-case form, lemma and dependency label of every token as ids, one row per
    token (columns in :data:`ATTR_IDS`; a numpy array from ``doc.to_array``, built once per doc): a
    scan can pick the few tokens that matter without reading each Token's attributes. Compare ids with
    ``doc.vocab.strings[word]`` (not ``hash_string``: labels such as "nsubj" have a symbol id) or
    ``spacy.parts_of_speech``, or read them back with ``doc.vocab.strings[id]``."""
    arr = doc.user_data.get("newsledger:attr_ids")
    if arr is None:
        arr = doc.user_data["newsledger:attr_ids"] = doc.to_array(list(ATTR_IDS)).reshape(-1, len(ATTR_IDS))
    return arr


def attr_lists(doc: "Doc") -> tuple[list[int], ...]:
    """The columns of :func:`attr_ids` as Python lists, built once per doc: ``attr_lists(doc)[0][i]``
    is token i's coarse tag id (a scan over a stretch of tokens tests ids in a list, cheaper than
    numpy scalars, and builds a ``Token`` only for the few that pass)."""
    cols = doc.user_data.get("newsledger:attr_lists")
    if cols is None:
        arr = attr_ids(doc)
        cols = doc.user_data["newsledger:attr_lists"] = tuple(arr[:, k].tolist() for k in range(len(ATTR_IDS)))
    return cols


def punct_or_space(doc: "Doc") -> list[bool]:
    """``t.is_punct or t.is_space`` of every token, read from the doc's arrays once per doc (a scan that
    passes over punctuation and spaces tests this list instead of building each ``Token``)."""
    out = doc.user_data.get("newsledger:punct_or_space")
    if out is None:
        arr = doc.to_array(["IS_PUNCT", "IS_SPACE"]).reshape(-1, 2)
        out = doc.user_data["newsledger:punct_or_space"] = (arr[:, 0] | arr[:, 1]).astype(bool).tolist()
    return out


#: the columns of :func:`attr_ids`
ATTR_IDS = ("POS", "LOWER", "LEMMA", "DEP")


def expanded_span(doc: "Doc", start: int, end: int) -> "Span | None":
    """``doc.char_span(start, end, alignment_mode="expand")``, remembered per doc by its offsets: the times
    stage asks for the same expression's tokens from several checks (its tense, embedding, whether it looks
    ahead ...); its tokens come from :func:`char_tokens` (offsets bisected, as ``char_span`` would find them). The
    span is shared: read it, never change it."""
    memo = doc.user_data.get("newsledger:expanded_spans")
    if memo is None:
        memo = doc.user_data["newsledger:expanded_spans"] = {}
    key = (start, end)
    try:
        return memo[key]
    except KeyError:
        span = char_tokens(doc, start, end)
        got = memo[key] = doc[span[0]:span[1]] if span else None
        return got


def release(doc: "Doc") -> None:
    """Drop what the stages cached on ``doc``."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsledger:")]:
        del doc.user_data[key]


def _title_dateline(doc: "Doc", toks: list) -> int:
    """How many tokens open a paragraph as a Title-case dateline ("Kinshasa –", "Port Alva, Tumbria —"):
    at most four capitalised words and commas, then a spaced dash and a capitalised word opening the
    story; 0 if none. A name before an aside ("Lena Fosse – who chairs it – said") is no dateline."""
    first = toks[0]
    if first.i > 0 and "\n" not in doc[first.i - 1].text_with_ws:
        return 0  # not a paragraph's start
    credit_line = _CREDIT_DATELINE.match(doc_text(doc), first.idx)  # (doc.text: the whole text rebuilt per call)
    if credit_line is not None:
        return sum(1 for t in toks if t.idx < credit_line.end() - 1)
    credit = False
    for k, t in enumerate(toks[:10]):
        if t.text in _DASHES and k > 0 and doc[t.i - 1].whitespace_ and t.whitespace_:
            return k if t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper() else 0
        if t.text == "(" and k > 0:
            credit = True  # "Halden, March 3 (XNA) -": a wire credit
            continue
        if credit and (t.text == ")" or t.is_upper):
            continue
        if k >= 5 and not (t.like_num or t.text == ","):
            return 0
        if not (t.text == "," or (t.is_alpha and t.is_title) or (t.like_num and k > 0)):
            return 0
    return 0


def _bare_credit(toks: list["Token"]) -> int:
    """How many tokens a paragraph's opening wire credit with no place takes ("(Wirepress) - ", "(XNA) —"):
    a bracket of one to four capitalized words and a dash; 0 if none."""
    if len(toks) < 4 or toks[0].text != "(":
        return 0
    close = next((k for k in range(1, min(len(toks), 6)) if toks[k].text == ")"), None)
    if close is None or close == 1 or close + 1 >= len(toks) or toks[close + 1].text not in _DASHES:
        return 0
    if not all(t.text[:1].isupper() for t in toks[1:close]):
        return 0
    return close + 2


def dateline_tokens(doc: "Doc") -> frozenset[int]:
    """Indices of the tokens of datelines: capitals opening a sentence, up to a dash within the first
    eight tokens ("VELMAR —", "PORT ALVA, Tumbria —", "VELMAR, Tumbria (AP) —"), or Title-case words opening a
    paragraph before a spaced dash ("Velmar –"). A dateline names where a story was filed, never
    a speaker or an actor."""
    found = doc.user_data.get("newsledger:dateline")
    if found is None:
        out: set[int] = set()
        all_toks = tokens(doc)
        for sent in sentences(doc):
            toks = [t for t in all_toks[sent.start:sent.end] if not t.is_space]
            n = _title_dateline(doc, toks) if toks and toks[0].is_title and toks[0].is_alpha else 0
            if n:
                out.update(t.i for t in toks[:n])  # "Kinshasa –", "Port Alva, Tumbria —"
                continue
            credit = _bare_credit(toks)
            if credit:
                out.update(t.i for t in toks[:credit])  # "(Wirepress) - ...": a wire credit with no place (issue 11)
                continue
            if not toks or not toks[0].is_upper or not toks[0].is_alpha:
                continue
            head: list[int] = []
            for t in toks[:8]:  # (a credit may sit in it: "KINSHASA, Congo (AP) —")
                glued = (t.i > 0 and not doc[t.i - 1].whitespace_ and not t.whitespace_
                         and not doc[t.i - 1].is_upper)  # "A 32-year-old" (but "VELMAR--The" is a dateline)
                if t.text in _DASHES and not glued or (t.text == ":" and head and all(
                        doc[k].is_upper or not doc[k].is_alpha for k in head)):
                    out.update(head)  # "VELMAR —", "MOSCOW:"
                    break
                head.append(t.i)
        found = doc.user_data["newsledger:dateline"] = frozenset(out)
    return found
