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

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["doc_text", "dateline_tokens", "tokens", "folded", "sentences", "release"]

_DASHES = ("—", "–", "--", "-")


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("newsledger:text")
    if text is None:
        text = doc.user_data["newsledger:text"] = doc.text
    return text


def tokens(doc: "Doc") -> list:
    """The doc's tokens as one list, built once per doc: ``tokens(doc)[i]`` is ``doc[i]``."""
    toks = doc.user_data.get("newsledger:tokens")
    if toks is None:
        toks = doc.user_data["newsledger:tokens"] = list(doc)
    return toks


def folded(doc: "Doc") -> list[str]:
    """``fold(t.text)`` of every token (the lexicon lookup key), built once per doc."""
    out = doc.user_data.get("newsledger:folded")
    if out is None:
        from .entities.lex import fold

        out = doc.user_data["newsledger:folded"] = [fold(t.text) for t in tokens(doc)]
    return out


def sentences(doc: "Doc") -> list:
    """``list(doc.sents)``, built once per doc."""
    sents = doc.user_data.get("newsledger:sents")
    if sents is None:
        sents = doc.user_data["newsledger:sents"] = list(doc.sents)
    return sents


def release(doc: "Doc") -> None:
    """Drop what the stages cached on ``doc``."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsledger:")]:
        del doc.user_data[key]


def dateline_tokens(doc: "Doc") -> frozenset[int]:
    """Indices of the tokens of datelines: capitals opening a sentence, up to a dash within the first
    eight tokens ("VELMAR —", "PORT ALVA, Tumbria —", "VELMAR, Tumbria (AP) —"). A dateline names where a story was filed, never
    a speaker or an actor."""
    found = doc.user_data.get("newsledger:dateline")
    if found is None:
        out: set[int] = set()
        all_toks = tokens(doc)
        for sent in sentences(doc):
            toks = [t for t in all_toks[sent.start:sent.end] if not t.is_space]
            if not toks or not toks[0].is_upper or not toks[0].is_alpha:
                continue
            head: list[int] = []
            for t in toks[:8]:  # (a credit may sit in it: "KINSHASA, Congo (AP) —")
                if t.text in _DASHES or (t.text == ":" and head and all(
                        doc[k].is_upper or not doc[k].is_alpha for k in head)):
                    out.update(head)  # "VELMAR —", "MOSCOW:"
                    break
                head.append(t.i)
        found = doc.user_data["newsledger:dateline"] = frozenset(out)
    return found
