"""The reference mechanism: what a pronoun, relative pronoun or description can refer to, written once
on spaCy tokens. Stages decide among candidates with what they know (entities, genders); this module
says what the words themselves allow.

- :func:`pronoun_features`: gender and number a pronoun requires of its antecedent.
- :func:`relative_antecedent`: the noun a relative pronoun refers to ("the minister, *who* ...").
- :func:`is_subject_phrase`: whether a mention is a clause subject (directly or as its apposition):
  subjects are preferred antecedents.
- :func:`latest_carrier`, :func:`next_carrier`, :func:`only_carrier`: the antecedent of a title or
  description ("the minister", "the bureau", "a senior fisheries commissioner"), written once for the
  three stages that read descriptions (entities, statements, events). A description refers to an entity
  that *carries* its words (in its titles, its name, the nouns it was introduced with): the one
  mentioned last before it, else (for a headline that names the holder below) the one mentioned first
  after it, or, where recency says nothing, the only one that carries them. Which entities carry which
  words is the stage's to say, through a ``carrier`` callback that maps a mention to its entity when
  that entity carries the description (None otherwise); mentions are the stage's own objects, placed by
  a ``position`` callback (token index or character offset, in the same unit as ``at``).
- :func:`known_gender` and :func:`agrees`: the gender a person's mentions tell (the pronouns that already
  refer to it, a given name of a known gender), and whether a pronoun may refer to it ("she" is never
  the man named just before).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Callable, Hashable, Iterable, Optional, Sequence, TypeVar

from .clause import SUBJECT_DEPS, children
from .words import word_class

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["pronoun_features", "is_pronoun", "relative_antecedent", "is_subject_phrase", "latest_carrier",
           "inside_fronted_report",
           "next_carrier", "only_carrier", "known_gender", "agrees"]

M = TypeVar("M")                 # a stage's mention object
K = TypeVar("K")                 # a stage's entity (or entity id)
H = TypeVar("H", bound=Hashable)

_FEATURES = (("male_pronouns", ("male", "sg")), ("female_pronouns", ("female", "sg")),
             ("plural_pronouns", (None, "pl")), ("neuter_pronouns", ("neuter", "sg")))


def pronoun_features(word: str) -> Optional[tuple[Optional[str], str]]:
    """(gender or None, "sg" | "pl") a third-person pronoun requires of its antecedent, else None.
    "her" is female either way; "they" fits any gender."""
    w = word.lower()
    for cls, feats in _FEATURES:
        if w in word_class(cls):
            return feats
    return None


def is_pronoun(word: str) -> bool:
    """A third-person personal pronoun."""
    return pronoun_features(word) is not None


def relative_antecedent(rel: "Token") -> Optional["Token"]:
    """The noun a relative pronoun ("who", "which", "that") refers to: the word its clause (a ``relcl``,
    or an ``acl`` where the parser took it for one) modifies; None when ``rel`` is no relative pronoun
    of such a clause."""
    if rel.lower_ not in word_class("relative_pronouns") or rel.head.dep_ not in ("relcl", "acl"):
        return None
    ante = rel.head.head
    if ante.dep_ == "appos" and ante.head.pos_ == "PROPN" and ante.head.i < ante.i:
        ante = ante.head  # "X, a union spokesman, who added": the apposition is X; the name is the noun (issue 11)
    if rel.lower_ in word_class("personal_relatives"):
        ante = _person_described(ante)
    return None if ante.i == rel.i else ante


def _person_described(ante: "Token") -> "Token":
    """"X is a fisher from Norland, who said": a personal relative pronoun the parser hung on the proper
    noun closing a place phrase ("from / in <place>", words/place_prepositions) refers to the person the phrase
    describes, the noun the phrase hangs on, and to the subject of "X is a <noun>" when that noun is the
    copula's attribute (issue 11)."""
    prep = ante.head
    if ante.dep_ != "pobj" or ante.pos_ != "PROPN" or ante.ent_type_ == "PERSON" or prep.i == ante.i \
            or prep.lower_ not in word_class("place_prepositions") or prep.head.pos_ != "NOUN":
        return ante
    noun = prep.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = next((c for c in children(noun.head) if c.dep_ == "nsubj" and c.i < noun.i), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
            return subj
    return noun


def is_subject_phrase(span: "Span") -> bool:
    """Whether a mention (its root) is the subject of a clause, or in apposition to one."""
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS


# ---------------------------------------------------------------------------- description antecedents
def latest_carrier(mentions: Sequence[M], at: int, carrier: Callable[[M], Optional[K]], *,
                   position: Callable[[M], int], reach: Optional[int] = None) -> Optional[K]:
    """The entity of the latest mention before ``at`` whose entity carries the description.

    ``mentions`` are sorted by ``position``; ``carrier(m)`` is m's entity when it carries the
    description, else None. With ``reach``, only that many mentions before ``at`` are looked at (a long
    article stays linear). Of several carrying mentions at the same position the one listed first wins.
    """
    k = bisect.bisect_left(mentions, at, key=position)
    lo = 0 if reach is None else max(0, k - reach)
    found: Optional[K] = None
    found_at: Optional[int] = None
    for j in range(k - 1, lo - 1, -1):
        m = mentions[j]
        if found_at is not None and position(m) != found_at:
            break
        ent = carrier(m)
        if ent is not None:
            found, found_at = ent, position(m)
    return found


def next_carrier(mentions: Sequence[M], at: int, carrier: Callable[[M], Optional[K]], *,
                 position: Callable[[M], int]) -> Optional[K]:
    """The entity of the first mention after ``at`` (strictly) whose entity carries the description: a
    headline's "..., warns union leader" refers to the holder the story names below. ``mentions`` are
    sorted by ``position``; of several at the same position the one listed first wins."""
    k = bisect.bisect_right(mentions, at, key=position)
    for m in mentions[k:]:
        ent = carrier(m)
        if ent is not None:
            return ent
    return None


def only_carrier(candidates: Iterable[M], carrier: Callable[[M], Optional[H]]) -> Optional[H]:
    """The one entity among ``candidates`` that carries the description, None when none or several do
    ("a senior fisheries commissioner" is a mention only where exactly one person holds that title)."""
    found = {e for c in candidates if (e := carrier(c)) is not None}
    return found.pop() if len(found) == 1 else None


def known_gender(mention_texts: Iterable[str], name_gender: Optional[str] = None) -> Optional[str]:
    """"male" or "female" when the pronouns among a person's mentions all agree on one, else
    ``name_gender`` (what the stage knows from the given name), None when nothing tells."""
    said = {f[0] for m in mention_texts if (f := pronoun_features(m)) is not None and f[0] in ("male", "female")}
    if len(said) == 1:
        return said.pop()
    return None if said else name_gender


def agrees(pronoun: str, gender: Optional[str]) -> bool:
    """Whether a third-person pronoun may refer to a person of ``gender`` (None: unknown, anything goes)."""
    feats = pronoun_features(pronoun)
    return feats is None or feats[0] is None or gender is None or feats[0] == gender


def inside_own_report(pronoun: "Token", cand: "Token") -> bool:
    """Whether ``cand`` is named inside what the pronoun's own verb reports, written before it: in "The Kessel
    administration expects Varnia to buy grain, he said" the one who said it is not named in what he said (a
    reported clause, ``ccomp`` or ``parataxis`` of the pronoun's verb, left of the pronoun); "Kessel said he ..."
    and a name in an earlier sentence are left alone (issue 11)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or cand.i > pronoun.i:
        return False
    return any(c.dep_ in ("ccomp", "parataxis") and c.i < pronoun.i and c.left_edge.i <= cand.i <= c.right_edge.i
               for c in children(pronoun.head))


def inside_fronted_report(pronoun: "Token", cand: "Token") -> bool:
    """Whether ``cand`` is named inside what is reported in an adverbial clause fronted before the main-clause
    subject ``pronoun``: "When told by X that *Y* claims ..., *he* responded": the one told is "he", neither
    the teller nor the one whose words were told (issue 11). Only a clause reported inside the adverbial
    (a ``ccomp`` under it) or its passive agent are ruled out; "When Y arrived, he said" leaves Y."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or cand.i > pronoun.i:
        return False
    verb = pronoun.head
    for adv in children(verb):
        if adv.dep_ != "advcl" or adv.i > pronoun.i or not adv.left_edge.i <= cand.i <= adv.right_edge.i:
            continue
        t = cand
        while t.i != adv.i and t.head.i != t.i:
            if t.dep_ in ("ccomp", "agent"):
                # (the sentence test last: spaCy's Token.sent walks the sentence on every call)
                return cand.sent.start == pronoun.sent.start
            t = t.head
    return False
