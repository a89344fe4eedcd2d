"""Names listed after a kinship word and a comma ("his sons, A and B", "her daughter, A"): each is a
person, whatever the name alone would suggest (a given name that is also a town's). Read on tokens
only, for the typing votes (issue 11)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded, tokens
from .lex import fold, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LIST_SPAN = 8  # tokens walked back over a list's earlier names ("A Bee, C Dee and")


def _kin_comma(doc: "Doc", k: int, plural: bool = False) -> bool:
    """Token k is a comma right after a lower-case kinship word ("brother,", "sons,"); with ``plural``, a
    plural one only ("sons,": a list of names may follow; "his brother, A, and B" names one brother)."""
    toks, fw = tokens(doc), folded(doc)
    if k < 1 or fw[k] != "," or not toks[k - 1].is_lower:
        return False
    fam = lexicon().family
    lemma = fold(toks[k - 1].lemma_)
    if plural:
        return lemma in fam and lemma != fw[k - 1] or fw[k - 1] in _PLURAL_KIN
    return fw[k - 1] in fam or lemma in fam


_PLURAL_KIN = frozenset({"parents", "children", "grandchildren"})


def after_kin_list(doc: "Doc", t0: int) -> bool:
    """The name at token t0 is listed after a kinship word and a comma: right after it ("his
    sister, A"), or after earlier capitalized names joined by commas and 'and' after a plural one ("his
    sons, A and B")."""
    toks, fw = tokens(doc), folded(doc)
    k = t0 - 1
    if _kin_comma(doc, k):
        return True
    if k < 1 or fw[k] not in ("and", ","):
        return False
    low = max(0, t0 - _LIST_SPAN)
    k -= 1
    while k > low and (toks[k].text[:1].isupper() or fw[k] in (",", "and")) and not toks[k].is_sent_start:
        if _kin_comma(doc, k, plural=True):
            return True
        k -= 1
    return _kin_comma(doc, k, plural=True)
