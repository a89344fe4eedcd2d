"""Pronoun resolution (the second half of :mod:`.refs`): candidates before the pronoun in its sentence,
then in the two sentences before, ruled out by gender and number, a quoted pronoun never the
quotation's speaker. Holds the mention record :class:`_Men` and :func:`quote_mask` both halves use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._doc import doc_text, folded, tokens
from ...analysis.clause import SUBJECT_DEPS
from ...analysis.words import word_class
from .lex import fold, lexicon
from .names import GPE, LOC, NORP, ORG, PERSON, Cluster

if TYPE_CHECKING:
    from spacy.tokens import Doc


_MALE = word_class("male_pronouns")
_FEMALE = word_class("female_pronouns")
_PLURAL = word_class("plural_pronouns")
_NEUTER = word_class("neuter_pronouns")
_PRONOUNS = _MALE | _FEMALE | _PLURAL | _NEUTER
_SUBJ = SUBJECT_DEPS


@dataclass
class _Men:
    """A resolved mention: token range, its entity, sentence index, subject or not."""

    t0: int
    t1: int
    cluster: Cluster
    sent: int
    subj: bool
    kind: str = "name"


def quote_mask(text: str) -> list[bool]:
    """For each character, whether it lies inside a quotation (straight or curly double quotes).

    A quotation mark is in it; an opening curly quote opens one, a closing one closes it, a straight
    quote opens or closes; a quotation does not run over a paragraph break unclosed (the first new line
    of a blank line is outside). Walks the quotation marks and paragraph breaks only, filling the
    stretches between them (a loop over every character took 0.1 ms per 1,000 characters)."""
    n = len(text)
    mask = [False] * n
    inside = False
    pos = 0  # the first character not yet decided
    for m in _QUOTE_EVENTS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if inside:
                mask[pos:i] = [True] * (i - pos)
                inside, pos = False, i + 1
            continue
        if inside:
            mask[pos:i] = [True] * (i - pos)
        inside = ch == "\u201c" or (ch == '"' and not inside)
        mask[i] = True
        pos = i + 1
    if inside:
        mask[pos:n] = [True] * (n - pos)
    return mask


#: what changes :func:`quote_mask`'s state: a quotation mark, or the first new line of a blank line
_QUOTE_EVENTS = re.compile('[\u201c\u201d"]|\n(?=\n)')


def doc_quote_mask(doc: "Doc") -> list[bool]:
    """:func:`quote_mask` of the doc's text, once per doc (kept with the doc's other facts)."""
    mask = doc.user_data.get("newsledger:quote_mask")
    if mask is None:
        mask = doc.user_data["newsledger:quote_mask"] = quote_mask(doc_text(doc))
    return mask


# ============================================================================ pronouns
def _pronouns(doc: "Doc", men: list[_Men], sent_of: list[int]) -> None:
    lex = lexicon()
    mask = doc_quote_mask(doc)
    fw = folded(doc)
    prons = [t for t in tokens(doc) if fw[t.i] in _PRONOUNS and t.tag_ in ("PRP", "PRP$")]
    prons = [t for t in prons if fw[t.i] != "it" or (t.dep_ in _SUBJ and t.head.lemma_ in lex.reporting_verbs)]
    outside = [t for t in prons if not mask[t.idx]]
    inside = [t for t in prons if mask[t.idx]]
    speakers: dict[int, set[int]] = {}
    by_sent: dict[int, list[_Men]] = {}
    for x in men:
        by_sent.setdefault(x.sent, []).append(x)
    failed: list = []
    for group in (outside, inside, "retry"):
        narrated_only = group is outside  # first, a narrated pronoun looks for narrated antecedents only
        if group == "retry":  # outside pronouns whose antecedent was only reachable through a quotation
            group = sorted(failed, key=lambda t: t.i)
        for t in group:
            quoted = mask[t.idx]
            exclude = speakers.get(sent_of[t.i], set()) if quoted else set()
            c = _antecedent(doc, t, by_sent, sent_of, exclude, mask, narrated_only)
            if c is None:
                if not quoted:
                    failed.append(t)
                continue
            w = fold(t.text)
            if c.type == PERSON and c.gender is None:
                c.gender = "m" if w in _MALE else "f" if w in _FEMALE else None
            c.extra.append((t.idx, t.idx + len(t.text)))
            by_sent.setdefault(sent_of[t.i], []).append(_Men(t.i, t.i + 1, c, sent_of[t.i], t.dep_ in _SUBJ))
            if not quoted and t.dep_ in _SUBJ and t.head.lemma_ in lex.reporting_verbs:
                speakers.setdefault(sent_of[t.i], set()).add(id(c))


def _compatible(c: Cluster, w: str) -> bool:
    if w in _MALE:
        return c.type == PERSON and c.gender != "f"
    if w in _FEMALE:
        return c.type == PERSON and c.gender != "m"
    if w in _PLURAL:
        return c.type in (ORG, NORP)
    if w == "it":
        return c.type == ORG
    return c.type in (ORG, GPE, LOC)


def _antecedent(doc: "Doc", t, by_sent: dict[int, list[_Men]], sent_of: list[int], exclude: set[int],
                mask: list[bool], narrated_only: bool = False) -> Cluster | None:
    """The entity pronoun ``t`` refers to. With ``narrated_only``, mentions inside quotation marks are
    passed over for "its"/"their" ('"The court erred," said its leader': "its" is not the court named in
    the quote)."""
    w = fold(t.text)
    # a person named in a quotation is often taken up by "he"/"she" in the narration; a body rarely
    narrated_only = narrated_only and w in _NEUTER | _PLURAL
    here = sent_of[t.i]
    lex = lexicon()
    quoted_speakers = set(exclude)
    if mask[t.idx]:  # the named speaker of the quotation: subject of a reporting verb outside quotes
        for x in by_sent.get(here, ()):
            if (x.subj and not mask[doc[x.t0].idx]
                    and doc[x.t0:x.t1].root.head.lemma_ in lex.reporting_verbs):
                quoted_speakers.add(id(x.cluster))
    reach = 1 if w in _PLURAL else 2
    same = [x for x in by_sent.get(here, ()) if x.t1 <= t.i]
    for x in sorted(same, key=lambda x: -x.t0):
        if id(x.cluster) in quoted_speakers or x.t0 == t.i or _in_fronted_clause(doc, x, t):
            continue
        if narrated_only and mask[doc[x.t0].idx]:
            continue
        if _compatible(x.cluster, w) and not _same_clause_object(doc, x, t):
            return x.cluster
    if w in _MALE | _FEMALE:
        known = _known_gender(by_sent, here, "m" if w in _MALE else "f", quoted_speakers)
        if known is not None:
            return known
    for back in range(1, reach + 1):
        prev = by_sent.get(here - back, [])
        # the main subject (the first) first, then the rest from the most recent
        ordered = sorted(prev, key=lambda x: (not x.subj, x.t0 if x.subj else -x.t0))
        for x in ordered:
            if id(x.cluster) in quoted_speakers or (w in _PLURAL or w == "it") and not x.subj:
                continue
            if narrated_only and mask[doc[x.t0].idx]:
                continue
            if _compatible(x.cluster, w):
                return x.cluster
    return None


def _in_fronted_clause(doc: "Doc", x: _Men, t) -> bool:
    """"Asked about Hasina's extradition, he said ...": a name inside an adverbial clause that opens
    the pronoun's own clause is not what the pronoun refers to (the clause's understood subject is)."""
    if t.dep_ not in _SUBJ:
        return False
    tok = doc[x.t0:x.t1].root
    for _ in range(len(doc)):  # up the tree to the root (spaCy hands out a new Token object per access)
        if tok.head.i == tok.i or tok.i >= t.i:
            break
        if tok.dep_ == "advcl" and tok.head.i == t.head.i:
            return True
        tok = tok.head
    return False


def _known_gender(by_sent: dict[int, list[_Men]], here: int, want: str, skip: set[int]) -> Cluster | None:
    """A person known to have the pronoun's gender, in the three sentences before. A person of
    unknown gender who is a subject on the way back wins instead, unless the known one is far more
    present in the article (the story's protagonist against someone met in passing)."""
    blocker: Cluster | None = None
    for back in range(1, 4):
        prev = [x for x in by_sent.get(here - back, ()) if x.cluster.type == PERSON and id(x.cluster) not in skip]
        for x in sorted(prev, key=lambda x: (not x.subj, x.t0 if x.subj else -x.t0)):
            if x.cluster.gender == want:
                if blocker is None or _salience(x.cluster) >= 2 * _salience(blocker) + 2:
                    return x.cluster
                return None
            if x.cluster.gender is None and x.subj and blocker is None:
                blocker = x.cluster
    return None


def _salience(c: Cluster) -> int:
    return len(c.mentions) + len(c.extra)


def _same_clause_object(doc: "Doc", x: _Men, t) -> bool:
    """A non-reflexive object pronoun never refers to its own clause's subject ("X told him")."""
    if t.dep_ not in ("dobj", "pobj", "iobj", "dative"):
        return False
    root = doc[x.t0:x.t1].root
    return root.dep_ in _SUBJ and root.head.i == t.head.i
