"""Sports clubs (part of the typing votes, :mod:`.votes`): in a sports report a club is usually written
with its town's name ("Velmar", "Velmar United") and the tagger reads it as a place or a person. The
words around the name tell the club: a role after it ("Velmar manager X", "Velmar's X" where X is a
person, "the head coach of Velmar"), a match word before it ("a win over Velmar", "signed for
Velmar") or a club suffix ending it ("Velmar Rovers"). Word classes: data/words/sport_cues.json (is the
article a sports report), club_roles.json, club_match_words.json, club_name_words.json. Country names keep
their country vote (a national team is written as its country).

Hand-written: no library types clubs from context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, tokens
from .lex import fold, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mentions import Cluster, NameMention
    from .titles import RelationFound

__all__ = ["sports_report", "club_context", "section_members"]

_MIN_CUES = 3  # distinct sport words that make an article a sports report
_EVIDENCE_MAX = 300  # characters: a longer heading-to-name stretch is shown as the name alone


def sports_report(doc: "Doc") -> bool:
    """The article writes at least three different sport words in lower case (cached on the doc)."""
    got = doc.user_data.get("newsledger:sports")
    if got is None:
        cues = word_class("sport_cues")
        toks = tokens(doc)
        seen = {w for i, w in enumerate(folded(doc)) if w in cues and toks[i].is_lower}
        got = doc.user_data["newsledger:sports"] = len(seen) >= _MIN_CUES
    return got


def club_context(doc: "Doc", m: "NameMention") -> bool:
    """In a sports report, the words around name mention ``m`` say it is a club."""
    if not sports_report(doc):
        return False
    fw = folded(doc)
    toks = tokens(doc)
    n = len(doc)
    roles = word_class("club_roles")
    a = m.t1
    if a < n and fw[a] in roles and toks[a].is_lower:
        return True  # "Velmar manager X", "the Velmar squad"
    if a + 1 < n and toks[a].tag_ == "POS" and (
            _person_after(doc, a + 1) or (toks[a + 1].is_lower and fw[a + 1] in roles | word_class("sport_cues"))):
        return True  # "Velmar's Ilsa Varn", "Velmar's match"
    b = m.t0
    p = b - 1
    while p >= 2 and fw[p] == "and" and toks[p - 1].text[:1].isupper():
        p -= 1  # "the coaches of Halden and Velmar": the first of the pair
        while p > 0 and toks[p - 1].text[:1].isupper():
            p -= 1
        p -= 1
    if p >= 1 and fw[p] == "of" and fw[p - 1] in roles and toks[p - 1].is_lower:
        return True  # "the head coach of Velmar"
    match = word_class("club_match_words")
    if b >= 1 and fw[b - 1] in match or b >= 2 and f"{fw[b - 2]} {fw[b - 1]}" in match:
        return True  # "a win over Velmar", "signed for Velmar"
    return m.t1 - m.t0 >= 2 and fw[m.t1 - 1] in word_class("club_name_words")


def _person_after(doc: "Doc", k: int) -> bool:
    """A person's name starts at token ``k``: the tagger says so, or two plain capitalized words that are
    no organization's or place's ("Ilsa Varn", not "Cup Final")."""
    toks = tokens(doc)
    if toks[k].ent_type_ == "PERSON":
        return True
    lex = lexicon()
    pair = toks[k:k + 2]
    return len(pair) == 2 and all(t.is_alpha and t.text[0].isupper() and not t.is_upper and t.pos_ == "PROPN"
                                  and fold(t.text) not in lex.org_keywords | lex.place_keywords | lex.titles
                                  for t in pair)


def section_members(doc: "Doc", clusters: list["Cluster"]) -> list["RelationFound"]:
    """A sports report's team-news section: a line that is only a club's name ("VELMAR ROVERS") heads the
    paragraphs below it, and a person first named there, before the next such heading, is the club's
    (its manager or player)."""
    from .mentions import ORG, PERSON
    from .titles import RelationFound

    if not sports_report(doc):
        return []
    text = doc.text
    heads: list[tuple[int, int, "Cluster"]] = []
    for c in clusters:
        if c.type != ORG:
            continue
        for m in c.mentions:
            line_start = m.start == 0 or text[m.start - 1] == "\n"
            line_end = m.end == len(text) or text[m.end:m.end + 1] == "\n"
            if line_start and line_end and m.text.isupper():
                heads.append((m.start, m.end, c))
    if not heads:
        return []
    heads.sort(key=lambda h: h[0])
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != PERSON:
            continue
        first = min(c.mentions, key=lambda m: m.start)
        above = [h for h in heads if h[1] <= first.start]
        if above:
            s, e, club = above[-1]
            ev = (s, first.end) if first.end - s <= _EVIDENCE_MAX else (first.start, first.end)
            out.append(RelationFound("member_of", c, club, ev, "club-section"))
    return out
