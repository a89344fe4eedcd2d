"""A title written in capitals with a word the lexicon does not know before its title word ("Harbour
Minister", "Revenue Minister"), standing alone with no name after it (issue 11: real reporting). Two words
like that may be a person ("John Major"), so the run is a title only where the article says so: it writes
"the <run>" (here or elsewhere: "the Harbour Minister said"), or sets the run off in commas right after a
name ("Lena Orvik, Harbour Minister, visited"). runs._split_title and title_right._scan_title_right call these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded, texts, tokens
from .lex import fold, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["titled_run", "capital_title_ahead"]


def titled_run(doc: "Doc", i: int, j: int) -> bool:
    """The capitalized run i..j, unknown words then title words, is a title, not a person's name."""
    toks = tokens(doc)
    words = texts(doc)
    lex = lexicon()
    fw_ = folded(doc)[i:j]
    if j - i > 3 or not all(toks[t].is_title and toks[t].is_alpha for t in range(i, j)) or any(
            w in lex.org_keywords or w in lex.place_keywords or w.rstrip("s") in lex.org_keywords for w in fw_):
        return False  # "the Kestrel National Bank Governor": a body's name, then its title; "the Criminal
        # Courts of Justice": a body
    run = words[i:j]
    size = j - i
    for t in range(1, len(words) - size + 1):
        if words[t:t + size] == run and folded(doc)[t - 1] == "the":
            return True  # "the Harbour Minister" (the article's own words)
    return (i >= 2 and words[i - 1] == "," and j < len(words) and words[j] == ","
            and toks[i - 2].ent_type_ == "PERSON"  # "Lena Orvik, Harbour Minister, visited"
            and not any(toks[t].ent_type_ == "PERSON" for t in range(i, j)))  # (not "A, John Major, and B")


def capital_title_ahead(doc: "Doc", i: int) -> bool:
    """Token i opens capitalized words that end in a title word within three tokens ("Harbour Minister")."""
    toks = tokens(doc)
    titles = lexicon().titles
    for k in range(i, min(i + 3, len(doc))):
        if not toks[k].text[:1].isupper():
            return False
        if fold(toks[k].text) in titles:
            return k > i
    return False
