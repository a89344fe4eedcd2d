"""Family relations (the last part of :mod:`.attrs`): a kinship word with a possessor and a name in
apposition, lists sharing the possessor, 'whose <kin>, Y' and 'X is the <kin> of Y'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.clause import own_subject
from .._doc import folded, attr_lists, sentences, tokens
from .lex import fold, lexicon
from .names import PERSON, Cluster, NameMention
from .titles import _is_title, MentionMap, RelationFound

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ============================================================================ family
#: lemma id -> whether the folded lemma is a kinship word (with the lexicon it was read from)
_KIN: tuple[object, dict[int, bool]] = (None, {})


def _is_kin(lex, strings, lemma_id: int) -> bool:
    """``fold(strings[lemma_id]) in lex.family``, remembered per lemma id for the process."""
    global _KIN
    if _KIN[0] is not lex.family:
        _KIN = (lex.family, {})
    memo = _KIN[1]
    got = memo.get(lemma_id)
    if got is None:
        if len(memo) >= 20_000:
            memo.clear()
        got = memo[lemma_id] = fold(strings[lemma_id]) in lex.family
    return got


def _family(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    lex = lexicon()
    out: list[RelationFound] = []
    toks, fw, n = tokens(doc), folded(doc), len(doc)
    # tokens whose lemma is a kinship word, from the doc's lemma ids (each distinct lemma folded once)
    strings, lemma_ids = doc.vocab.strings, attr_lists(doc)[2]
    kin_ids = {lm for lm in set(lemma_ids) if _is_kin(lex, strings, lm)}
    for sent in sentences(doc):
        owner: Cluster | None = None
        last_person: Cluster | None = None
        i = sent.start
        while i < sent.end:
            t = toks[i]
            hit = mm.at(i)
            if hit and hit[1].type == PERSON:
                last_person = hit[1]
            if fw[i] not in lex.family and lemma_ids[i] not in kin_ids and (i + 1 >= n or fw[i + 1] != "-"):
                i += 1  # what _kin_word answers here, (None, 1, False), without asking it
                continue
            w, width, plural = _kin_word(doc, i)
            if w is None or not t.is_lower:
                i += width
                continue
            poss = _kin_possessor(doc, i, mm, sent.start, last_person)
            if poss is not None:
                owner = poss
            if owner is not None:
                named = _named_after(doc, i + width, mm, sent.end, many=plural)
                named = [x for x in named if x[1] is not owner]
                if named:
                    kin = lex.family[w]
                    for m, c in named:
                        _gender_from_kin(c, kin)
                        out.append(_parent_way(kin["type"], owner, c, (toks[i].idx, m.end), "kin-apposition", lex))
                    i = named[-1][0].t1
                    continue
            if width == 1:  # "X is the daughter of Y"
                inv = _kin_of(doc, i, mm, sent, lex)
                if inv is not None:
                    out.append(inv)
            i += width
    return out


def _kin_word(doc: "Doc", i: int) -> tuple[str | None, int, bool]:
    """The kinship word at token i ("mother", "father-in-law", "sons"), its width in tokens and
    whether it is plural; (None, width, False) where there is none (a hyphenated "mother-of-three"
    is skipped whole)."""
    lex = lexicon()
    toks, fw = tokens(doc), folded(doc)
    k = i + 1
    while k + 1 < len(toks) and fw[k] == "-" and not toks[k - 1].whitespace_ and not toks[k].whitespace_:
        k += 2
    width = k - i
    word = fold(doc[i:k].text) if width > 1 else fw[i]
    if word in lex.family:
        return word, width, word in _PLURAL_KIN
    if width == 1:
        lemma = fold(toks[i].lemma_)
        if lemma in lex.family and lemma != word:
            return lemma, 1, True
    return None, width, False


_PLURAL_KIN = {"parents"}


def _kin_possessor(doc: "Doc", i: int, mm: MentionMap, start: int, last_person: Cluster | None) -> Cluster | None:
    """Who "his mother", "Brandt's wife", "whose husband" belongs to."""
    if i <= start:
        return None
    while i - 1 > start and doc[i - 1].is_lower and (doc[i - 1].pos_ == "ADJ" or doc[i - 1].tag_ == "VBN"):
        i -= 1  # "his younger brother", "her late husband", "X's alleged brother", "his estranged wife"
    prev = doc[i - 1]
    w = fold(prev.text)
    if prev.tag_ == "POS" and i >= 2:
        c = mm.cluster_at(i - 2)
        return c if c is not None and c.type == PERSON else None
    if w in ("his", "her", "their"):
        c = mm.cluster_at(i - 1)
        return c if c is not None and c.type == PERSON else None
    if w == "whose":
        return last_person
    return None


def _named_after(doc: "Doc", k: int, mm: MentionMap, end: int,
                 many: bool = False) -> list[tuple[NameMention, Cluster]]:
    """The person named right after a kinship word (", Orla", ", Corporal Jonas Feld");
    with ``many``, all the persons of a list (", Anna and Boris")."""
    fw_ = folded(doc)
    out: list[tuple[NameMention, Cluster]] = []
    while k < end:
        if doc[k].text == "," or many and out and fw_[k] == "and":
            k += 1
            continue
        while k < end and _is_title(fw_[k]) and not mm.at(k):
            k += 1
        hit = mm.at(k) if k < end else None
        if not (hit and hit[1].type == PERSON and hit[0].t0 == k):
            break
        out.append(hit)
        if not many:
            break
        k = hit[0].t1
    return out


def _gender_from_kin(c: Cluster, kin: dict) -> None:
    g = kin.get("gender")
    if g and c.gender is None:
        c.gender = g


def _kin_of(doc: "Doc", i: int, mm: MentionMap, sent, lex) -> RelationFound | None:
    """"X is the daughter of Y": X's parent is Y (mother or father where Y's gender is known)."""
    t = doc[i]
    if not (i + 1 < sent.end and folded(doc)[i + 1] == "of"):
        return None
    if t.dep_ not in ("attr", "appos", "acomp"):
        return None
    verb = t.head
    if verb.lemma_ != "be":
        return None
    subj = own_subject(verb)
    if subj is None:
        return None
    x = mm.cluster_at(subj.i)
    if x is None:  # "The club's new coach, X, is the daughter of Y"
        x = next((mm.cluster_at(ch.i) for ch in _children(subj) if ch.dep_ == "appos" and mm.cluster_at(ch.i)), None)
    if x is None or x.type != PERSON:
        return None
    # Y: the person in the "of" phrase (possibly through an appositive)
    y = None
    for k in range(i + 2, min(sent.end, i + 12)):
        hit = mm.at(k)
        if hit and hit[1].type == PERSON:
            y = hit
            break
        if doc[k].text in (";", "."):
            break
    if y is None or y[1] is x:
        return None
    kin = lex.family[fold(t.text)]
    _gender_from_kin(x, kin)
    ev = (doc[subj.i].idx if subj.i < i else doc[i].idx, y[0].end)
    if kin["type"] in _DOWN:  # "X is the son of Y": Y is X's parent, told from the child's side as it stands
        return _parent_way(kin["type"], y[1], x, ev, "kin-of", lex, suffix="")
    # "X is the mother of Y": Y's mother is X
    return RelationFound(kin["type"], y[1], x, ev, "kin-of")


#: kin types that name a descendant: the SPEC's types name the parent ("the subject's mother is
#: the object"), so "his son, Y" is listed as Y's parent (father or mother where the possessor's
#: gender is known), the way a careful reader lists it, never as a "child" of the possessor
_DOWN = frozenset({"child", "grandchild"})


def _parent_way(rtype: str, owner: Cluster, named: Cluster, ev: tuple[int, int], rule: str, lex,
                suffix: str = "-parent") -> RelationFound:
    """``owner``'s ``rtype`` is ``named``; a descendant's kin ("his son, Y") is listed from the
    descendant's side: Y's parent is the owner, gendered by the owner's known gender."""
    if rtype not in _DOWN:
        return RelationFound(rtype, owner, named, ev, rule)
    up = lex.family_inverse.get(rtype, "relative")
    gendered = lex.gendered_parent.get(up)
    if gendered and owner.gender in gendered:
        up = gendered[owner.gender]
    return RelationFound(up, named, owner, ev, rule + suffix)
