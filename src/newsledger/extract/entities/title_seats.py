"""Places and portfolio words inside a title written in capitals before (or instead of) a name (issue 11,
real reporting):

- "the Tarvani District Collector R.K. Menon": the words before an administrative unit that opens the title
  ("District", "County", "State": the lexicon's administrative place words) name the title's seat, a place,
  though no gazetteer knows it (:func:`unit_seat`);
- "..., says Tarvani Collector" (a headline): a run of such a seat and title words only, no name, is the
  place and a title, never a person, where the article writes the seat before its unit elsewhere or a
  gazetteer knows it (:func:`seat_then_title`; "John Major", with neither, stays a name);
- "Deputy Harbour Public Affairs Officer Amos Phiri": capitalized portfolio words between two title words
  belong to the title, so the name is "Amos Phiri", not "Affairs Officer Amos Phiri"
  (:func:`title_resumes`).

All three are tried only on capitalized runs that hold a title word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded, tokens
from .lex import country_code, is_city, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["seat_of_title", "seat_then_title", "title_resumes", "unit_seat"]


def _plain(doc: "Doc", i: int, e: int) -> bool:
    """Words i..e are capitalized words of letters, no title, title modifier, honorific or body word."""
    toks, fw, lex = tokens(doc), folded(doc), lexicon()
    return e > i and all(
        toks[t].is_alpha and toks[t].text[:1].isupper() and fw[t] not in lex.titles and fw[t] not in lex.honorifics
        and fw[t] not in lex.title_modifiers and fw[t] not in lex.org_keywords for t in range(i, e))


def unit_seat(doc: "Doc", i: int, k: int) -> tuple[int, int] | None:
    """Token range of the seat named before an administrative unit that opens the title i..k ("Tarvani |
    District Collector"), else None."""
    fw, lex = folded(doc), lexicon()
    e = i
    while e < k and fw[e] not in lex.place_administrative and fw[e] not in lex.titles:
        e += 1
    if e >= k - 1 or fw[e] not in lex.place_administrative or not _plain(doc, i, e):
        return None
    return (i, e) if any(fw[t] in lex.titles for t in range(e + 1, k)) else None


def _seat_elsewhere(doc: "Doc", i: int, e: int) -> bool:
    """The words i..e stand elsewhere in the article right before an administrative unit word and a title
    ("Tarvani District Collector")."""
    fw, lex = folded(doc), lexicon()
    key, n = fw[i:e], len(doc)
    size = e - i
    for s in range(n - size - 1):
        if s != i and fw[s] == key[0] and fw[s:s + size] == key and fw[s + size] in lex.place_administrative \
                and s + size + 1 < n and (fw[s + size + 1] in lex.titles or fw[s + size + 1] in lex.title_modifiers):
            return True
    return False


def seat_then_title(doc: "Doc", i: int, j: int) -> int | None:
    """Where the run i..j is a seat then title words only ("Tarvani Collector"), the end of the seat."""
    fw, lex = folded(doc), lexicon()
    e = j
    while e > i and (fw[e - 1] in lex.titles or fw[e - 1] in lex.title_modifiers):
        e -= 1
    if e == j or fw[j - 1] not in lex.titles or not _plain(doc, i, e) or e - i > 3:
        return None
    text = doc[i:e].text
    return e if (is_city(text) or country_code(text) or _seat_elsewhere(doc, i, e)) else None


def title_resumes(doc: "Doc", k: int, j: int) -> bool:
    """After a title word, the plain capitalized words from k lead within three words to another title word,
    and two words or more of the run are left after it for the name ("Deputy Harbour | Public Affairs |
    Officer Amos Phiri")."""
    fw, lex = folded(doc), lexicon()
    toks = tokens(doc)
    for k2 in range(k + 1, min(k + 4, j - 2)):
        if fw[k2] in lex.titles:  # (title modifiers may stand between: "Public Affairs")
            return all(toks[t].is_alpha and toks[t].text[:1].isupper() and fw[t] not in lex.org_keywords
                       and fw[t] not in lex.honorifics and toks[t].ent_type_ != "PERSON" for t in range(k, k2))
    return False


def seat_of_title(doc: "Doc", i: int, e: int) -> bool:
    """The mention i..e is the seat of a title written right after it: an administrative unit then a title
    ("Tarvani | District Collector"), or a title where the article writes the seat so elsewhere ("Tarvani |
    Collector"). The typing vote ``unit-title-seat``."""
    fw, lex = folded(doc), lexicon()
    n = len(doc)
    if e >= n or not _plain(doc, i, e):
        return False
    if fw[e] in lex.place_administrative:
        return e + 1 < n and fw[e + 1] in lex.titles and tokens(doc)[e].text[:1].isupper()
    return fw[e] in lex.titles and tokens(doc)[e].text[:1].isupper() and _seat_elsewhere(doc, i, e)
