"""The clause mechanism: who is the subject of a verb, whether it is passive and who its agent is,
its tense, its modality and whether it is negated, written once on spaCy tokens.

Every function takes a ``Token`` (a verb, or the head of a clause) and reads only the dependency
parse, tags and lemmas around it; none touches entities or the record. Stages wrap them with what
they know (datelines to skip, which entities are people). Word lists come from word classes
(``newsledger.analysis.words``), never inline.

Two subject routes, because stages ask two different questions:

- :func:`subject`: the grammatical subject, climbing through conjuncts, control verbs and adverbial
  clauses ("X was indicted and *convicted*", "X agreed to *free* ..."), and from a relative clause or an
  active participle to the noun it modifies ("the league, which *voted*", "the militia *controlling* X").
- :func:`reporting_subject`: who is doing the speaking of a reporting verb: the nearest own subject,
  else that of the verb it hangs from (participles "..., *adding*", coordination "... and *urged*",
  complement chains), but never across a paragraph break.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Collection, Iterable, Optional

from .words import word_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "SUBJECT_DEPS", "CLAUSAL_SUBJECT_DEPS", "AUX_DEPS", "children", "head_indices", "subtree",
    "auxiliaries", "conjuncts", "is_misparsed_main_verb", "is_to_infinitive", "is_passive", "passive_agents", "own_subject", "subject",
    "reporting_subject", "speaker_side_subject", "tense", "is_finite", "modality", "reports_done", "is_pluperfect", "negated",
]

def children(tok: "Token") -> list["Token"]:
    """``list(tok.children)``, read from an index of the doc's tree built once per doc (kept in
    ``doc.user_data`` with the other per-doc facts the pipeline releases after the stages): spaCy's
    ``children`` walks the token's subtree edges and builds a new ``Token`` for each child on every
    call, and the clause functions ask for the same tokens' children again and again."""
    doc = tok.doc
    kids = doc.user_data.get("newsledger:children")
    if kids is None:
        toks = doc.user_data.get("newsledger:tokens")  # the doc's token list (extract._doc.tokens)
        if toks is None:
            toks = doc.user_data["newsledger:tokens"] = list(doc)
        kids = [[] for _ in toks]
        heads = doc.user_data["newsledger:heads"] = _heads(doc)
        for i, h in enumerate(heads):  # in text order: each list in the order spaCy's children come
            if h != i:
                kids[h].append(toks[i])
        doc.user_data["newsledger:children"] = kids
    return kids[tok.i]


def _heads(doc: "Doc") -> list[int]:
    """Each token's head index, read from the doc's arrays in one call (``t.head`` builds a ``Token``):
    ``to_array`` gives the head as an offset from the token, stored unsigned."""
    import numpy

    if len(doc) == 0:
        return []
    rel = doc.to_array("HEAD").astype(numpy.uint64).view(numpy.int64)
    return (numpy.arange(len(rel), dtype=numpy.int64) + rel).tolist()


def subtree(tok: "Token") -> list["Token"]:
    """``list(tok.subtree)``, in the same order (the token's left children's subtrees, the token, its
    right children's), walked over the :func:`children` index without recursion (spaCy's nested
    generators cost about 10 us a call)."""
    out: list["Token"] = []
    todo: list[tuple["Token", bool]] = [(tok, False)]
    while todo:
        t, ready = todo.pop()
        if ready:
            out.append(t)
            continue
        kids, i = children(t), t.i
        todo.extend((c, False) for c in reversed(kids) if c.i > i)
        todo.append((t, True))
        todo.extend((c, False) for c in reversed(kids) if c.i < i)
    return out


def head_indices(doc: "Doc") -> list[int]:
    """``[t.head.i for t in doc]``, built once per doc with the :func:`children` index (each
    ``t.head`` builds a new ``Token``)."""
    heads = doc.user_data.get("newsledger:heads")
    if heads is None:
        if len(doc) == 0:
            return []
        children(doc[0])
        heads = doc.user_data["newsledger:heads"]
    return heads


#: dependency labels of a noun subject (active and passive)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: ... and of clausal subjects ("*What he said* angered them")
CLAUSAL_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
AUX_DEPS = ("aux", "auxpass")
_NO_SKIP: frozenset[int] = frozenset()


def auxiliaries(verb: "Token") -> list["Token"]:
    """The auxiliaries of ``verb`` ("has", "been" in "has been freed"), in text order."""
    return [c for c in children(verb) if c.dep_ in AUX_DEPS]


def is_to_infinitive(verb: "Token") -> bool:
    """A to-infinitive ("agreed *to free* ..."): the verb has the auxiliary "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))


# ---------------------------------------------------------------------------- voice
def is_passive(verb: "Token") -> bool:
    """A passive verb ("was *freed*"), a passive conjunct sharing the first verb's auxiliary ("was
    indicted ... and *convicted*"), or a passive participle modifying a noun ("the sailor *freed* in a
    swap")."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in children(verb)):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in CLAUSAL_SUBJECT_DEPS for c in children(verb)):
        return is_passive(verb.head)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        if is_misparsed_main_verb(verb):
            return False
        return not any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "nsubj") or (
            c.dep_ == "advcl" and is_to_infinitive(c)) for c in children(verb))
    return False


def is_misparsed_main_verb(verb: "Token") -> bool:
    """A finite verb the parser took for a modifier of its own subject because that subject's real
    verb looked like the to-infinitive after it: "Ince *called* on X, who won, to be fair" parses as
    "Ince [called on X]" + "to be fair" as the root. A to-infinitive is never a main clause, so the
    participle is the main verb and the noun it hangs from its (active) subject."""
    noun = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and noun.i < verb.i
            and noun.dep_ in SUBJECT_DEPS and noun.head.i > verb.i and noun.head.dep_ == "ROOT"
            and is_to_infinitive(noun.head)
            and not any(c.dep_ in ("auxpass", "agent") for c in children(verb)))


def conjuncts(tok: "Token") -> list["Token"]:
    """The token and the tokens conjoined with it ("X, Y and Z"), breadth first."""
    out: list["Token"] = []
    todo = [tok]
    while todo:
        t = todo.pop(0)
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in children(t) if c.dep_ == "conj")
    return out


def passive_agents(verb: "Token") -> list["Token"]:
    """The nouns of the by-phrase of a passive ("was freed *by the militia and the police*")."""
    return [t for a in children(verb) if a.dep_ == "agent"
            for o in children(a) if o.dep_ in ("pobj", "pcomp") for t in conjuncts(o)]


# ---------------------------------------------------------------------------- subjects
def own_subject(verb: "Token", *, skip: Collection[int] = _NO_SKIP, nearest: bool = False,
                through_aux: bool = False, deps: tuple[str, ...] = SUBJECT_DEPS) -> Optional["Token"]:
    """The subject the parser hung on ``verb`` itself (no climbing).

    ``skip``: token indices that are never subjects (a dateline, "VELMAR —"); past a skipped subject its
    apposition is taken ("VELMAR — Lena Strand, ..., said"). ``nearest``: of several, the one closest to
    the verb (else the first). ``through_aux``: also a subject the parser hung on an auxiliary ("the
    bank *was* prepared")."""
    heads = [verb, *auxiliaries(verb)] if through_aux else [verb]
    for v in heads:
        subs = [c for c in children(v) if c.dep_ in deps and c.i not in skip]
        if not subs and skip:
            subs = [a for c in children(v) if c.dep_ in deps for a in children(c) if a.dep_ == "appos"]
        if subs:
            return min(subs, key=lambda c: abs(c.i - verb.i)) if nearest else subs[0]
    return None


def subject(verb: "Token", *, skip: Collection[int] = _NO_SKIP, hops: int = 8) -> Optional["Token"]:
    """The grammatical subject of ``verb`` (see the module docstring), or None.

    Climbs from conjuncts, control verbs and adverbial clauses to their head until a verb has a subject;
    a relative clause gives its antecedent, an active finite or -ing participle the noun it modifies. A
    subject in ``skip`` (a dateline) is passed over for its apposition or conjunct."""
    cur = verb
    for _ in range(hops):
        for subj in (c for c in children(cur) if c.dep_ in CLAUSAL_SUBJECT_DEPS):
            if subj.i not in skip:
                return subj
            follow = [c for c in children(subj) if c.dep_ in ("appos", "conj")]
            while follow:
                t = follow.pop(0)
                if t.i not in skip:
                    return t
                follow.extend(c for c in children(t) if c.dep_ in ("appos", "conj"))
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "relcl":  # "the league, which voted": the antecedent
            return cur.head
        if cur.dep_ == "acl" and not is_passive(cur) and cur.tag_ in ("VBD", "VBZ", "VBP", "VBG") \
                and not is_to_infinitive(cur):  # "the militia controlling X"
            return cur.head
        if is_misparsed_main_verb(cur):  # "Ince called on X, who ..., to be": the misparsed main verb
            return cur.head
        return None
    return None


_REPORTING_CLIMB = frozenset({"advcl", "conj", "xcomp", "pcomp", "acl", "prep", "ccomp", "parataxis"})


def _same_paragraph(a: "Token", b: "Token") -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text_with_ws for t in a.doc[lo:hi])


def _fronted_apposition(verb: "Token") -> Optional["Token"]:
    """"In a statement from Tarvos Rail, a spokeswoman for the railway *said* ...": a finite verb with no
    subject whose fronted phrase (a "prep" before it) ends, right before the verb, in a noun the parser
    hung on the phrase's last name as an apposition: that noun is the subject (issue 11)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    for p in children(verb):
        if p.dep_ != "prep" or p.i >= verb.i or p.right_edge.i != verb.i - 1:
            continue
        node, found = verb.doc[verb.i - 1], None
        while node.i > p.i:  # the outermost apposition on the way up ("a spokeswoman for the Velmar, Ostra-based
            # airline": the spokeswoman, not the airline set beside "Velmar")
            if node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN") and verb.doc[node.left_edge.i - 1].text == ",":
                found = node
            if node.head.i == node.i:
                break
            node = node.head
        if found is not None:
            return found
    return None


def reporting_subject(verb: "Token", *, skip: Collection[int] = _NO_SKIP, hops: int = 6) -> Optional["Token"]:
    """Who speaks for a reporting verb (see the module docstring), or None.

    Its own nearest subject; else, for a finite verb the parser took for a noun's modifier ("BORVIK —
    Veland's minister, Ana Bel, *vowed*"), that noun; else the subject of the nearest governing verb
    that has one (participles, shared-subject coordination, to-infinitives), in the same paragraph."""
    own = own_subject(verb, skip=skip, nearest=True)
    if own is not None:
        return own
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBD" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    fronted = _fronted_apposition(verb)
    if fronted is not None:
        return fronted
    node = verb
    for _ in range(hops):
        if node.dep_ not in _REPORTING_CLIMB:
            break
        node = node.head
        got = own_subject(node, skip=skip, nearest=True)
        if got is not None and got.i != verb.i:
            return got if _same_paragraph(got, verb) else None
        if node.head.i == node.i:
            break
    return None


def speaker_side_subject(verb: "Token") -> bool:
    """Whether the subject of a reported clause can stand for the speaker's own side: a side pronoun
    ("we", "it", "they"), or a noun owned by a possessive ("her government", "our forces"); a control
    complement with no subject of its own ("vowed *to free*") shares the speaker's, unless the governing
    verb has an object, which then controls it ("warned the farmers *not to be* complacent" is advice to
    the farmers, issue 11)."""
    subj = next((c for c in children(verb) if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return verb.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "obj") for c in children(verb.head))
    if subj.lower_ in word_class("side_pronouns"):
        return True
    owners = word_class("possessive_determiners")
    return any(c.dep_ == "poss" and c.lower_ in owners for c in children(subj))


# ---------------------------------------------------------------------------- tense and modality
def tense(verb: "Token", future_aux: Iterable[str] | None = None) -> str | None:
    """``"past"``, ``"future"`` or None (present, non-finite or a condition) for one verb, from its tag
    and auxiliaries. ``future_aux`` defaults to the word class ``future_auxiliaries``."""
    fut = word_class("future_auxiliaries") if future_aux is None else frozenset(future_aux)
    auxes = auxiliaries(verb)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(verb)):
        return None  # a condition ("if the parties failed to settle by May") is hypothetical
    if any(a.lower_ in fut for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.lower_ in fut and verb.tag_ == "MD":
        return "future"
    return None


def is_finite(verb: "Token") -> bool:
    """A finite verb: tensed itself or through a tensed auxiliary or modal."""
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in auxiliaries(verb))


@functools.cache
def _modals() -> frozenset[str]:
    return word_class("future_auxiliaries") | word_class("possibility_auxiliaries")


def modality(verb: "Token", modals: Iterable[str] | None = None) -> str | None:
    """The modal of ``verb`` as written ("will", "could", ...), ``"going to"`` for the going-to future,
    else None. ``modals`` defaults to the future and possibility auxiliaries."""
    ms = _modals() if modals is None else frozenset(modals)
    for c in children(verb):
        if c.dep_ in AUX_DEPS and c.lower_ in ms:
            return c.lower_
        if c.lower_ == "going" and any(g.lower_ == "to" for g in children(c)):
            return "going to"
    return None


def reports_done(verb: "Token") -> bool:
    """A clause in the past or perfect ("seized", "had detained", "was freed"): an act reported as done."""
    if verb.tag_ == "VBD":
        return True
    done = word_class("past_auxiliaries")
    return any(c.dep_ in AUX_DEPS and c.lower_ in done for c in children(verb))


def is_pluperfect(verb: "Token") -> bool:
    """Past perfect ("*had* said in April"): an occasion earlier than the one the story goes on from."""
    pluperfect = word_class("pluperfect_auxiliaries")
    return any(c.dep_ == "aux" and c.lower_ in pluperfect for c in children(verb))


def negated(verb: "Token") -> bool:
    """Whether ``verb`` is negated ("did *not* sign", "*never* signed", "signed *no* deal")."""
    return any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no"))
               for c in children(verb))
