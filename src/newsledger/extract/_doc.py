"""Facts about a parsed doc that several stages read, computed once per Doc.

They are kept in ``doc.user_data`` under ``newsledger:`` keys (no global ``Doc`` extensions, no
module-level caches): they live and die with the doc, which never leaves the pipeline's memory zone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["doc_text", "dateline_tokens"]

_DASHES = ("—", "–", "--", "-")


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("newsledger:text")
    if text is None:
        text = doc.user_data["newsledger:text"] = doc.text
    return text


def dateline_tokens(doc: "Doc") -> frozenset[int]:
    """Indices of the tokens of datelines: capitals opening a sentence, up to a dash within the first
    six tokens ("VELMAR —", "PORT ALVA, Tumbria —"). A dateline names where a story was filed, never
    a speaker or an actor."""
    found = doc.user_data.get("newsledger:dateline")
    if found is None:
        out: set[int] = set()
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if not toks or not toks[0].is_upper or not toks[0].is_alpha:
                continue
            head: list[int] = []
            for t in toks[:6]:
                if t.text in _DASHES or (t.text == ":" and head and all(
                        doc[k].is_upper or not doc[k].is_alpha for k in head)):
                    out.update(head)  # "VELMAR —", "MOSCOW:"
                    break
                head.append(t.i)
        found = doc.user_data["newsledger:dateline"] = frozenset(out)
    return found
