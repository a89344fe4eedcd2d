"""Event triggers (step 1 of :mod:`.stage`): a lexicon sense whose conditions hold at a token or phrase,
and the content of a verbal act, which is what was asked for, not an event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import subtree as _subtree
from ...analysis.clause import children as _children
from ...analysis.clause import is_finite, is_to_infinitive, modality, speaker_side_subject
from ...analysis.words import word_class
from .._doc import attr_lists, tokens
from .._doc import sent_of as _sent_of
from .lexicon import Lexicon, Sense, lexicon
from .syntax import OBJ_DEPS, RELATIVE, SUBJ_DEPS, Context, conjuncts, is_passive, light_clause, pobjs, subject

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


_CONTENT_OBJECT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})


_REASON_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION", "COERCE"})
_TIME_ENTS = frozenset({"DATE", "TIME"})


def _has(tok: "Token", key: str, words: frozenset[str]) -> bool:
    """Whether ``tok`` satisfies one condition of a sense (see plover_triggers.json)."""
    anyw = "*" in words
    if key == "prep":  # a time is no argument: "called X *on Monday*" is no call on anyone
        rel = light_clause(tok, lexicon())  # "the discussions I have had *with* him"
        return any(c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ in words
                   and not (c.dep_ == "prep" and pobjs(c) and all(o.ent_type_ in _TIME_ENTS for o in pobjs(c)))
                   for c in [*_children(tok), *(_children(rel) if rel is not None else ())])
    if key == "prt":
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in words for c in _children(tok))
    if key == "dobj":
        objs = [c for c in _children(tok) if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")]
        if tok.dep_ == "relcl":  # "the decree, which X signed": the relative pronoun stands for the decree
            objs = [tok.head if c.lower_ in RELATIVE else c for c in objs]
        if tok.dep_ in ("acl", "relcl") and not objs:
            objs = [tok.head]
        heads = [o for c in objs for o in conjuncts(c)]
        heads += [p for o in heads for c in _children(o) if c.dep_ == "prep" and c.lower_ in ("in", "of")
                  for p in pobjs(c)]  # "20 million euros *in aid*", "a shipment *of weapons*"
        return any(o.lemma_.lower() in words or o.lower_ in words for o in heads)
    if key == "xcomp":
        return any(c.dep_ in ("xcomp", "ccomp") and (anyw or c.lemma_.lower() in words) for c in _children(tok))
    if key == "oprd":
        return any(t.lemma_.lower() in words or t.lower_ in words
                   for c in _children(tok) if c.dep_ not in ("nsubj", "nsubjpass") for t in _subtree(c))
    if key == "xsubj":  # "wants *Tumbria* to free": a complement clause with a subject of its own
        return any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c))
                   for c in _children(tok))
    if key == "own_act":  # "warned that *it* would hit back", "warned that *her government* would cut ties"
        return any(c.dep_ in ("ccomp", "xcomp") and _own_side_subject(c) for c in _children(tok))
    if key == "judgment":  # "called the raid *a provocation*"
        judging = lexicon().judgment_words
        seconds = [c for c in _children(tok) if c.dep_ in ("oprd", "attr")]
        seconds += [o for c in _children(tok) if c.dep_ == "prep" and c.lower_ == "as" for o in pobjs(c)]
        for obj in (c for c in _children(tok) if c.dep_ in OBJ_DEPS):  # "the verdict, a sham", "the raid as a ..."
            seconds += [a for a in _children(obj) if a.dep_ == "appos"]
            seconds += [o for c in _children(obj) if c.dep_ == "prep" and c.lower_ == "as" for o in pobjs(c)]
        seconds += [g for o in list(seconds) for c in _children(o) if c.dep_ == "prep" and c.lower_ == "of"
                    for p in pobjs(c) for g in (p, *(x for x in _children(p) if x.dep_ == "conj"))]  # "acts of X and Y"
        return any(t.lemma_.lower() in judging or t.lower_ in judging
                   for o in seconds for t in [o, *(m for m in _children(o) if m.dep_ in ("amod", "compound"))])
    if key == "noun_content":  # "information *that X was wounded*": a report's content, not an act the text tells
        own_subject = any(c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE for c in _children(tok))
        return (tok.dep_ in ("acl", "relcl", "ccomp") and tok.head.pos_ in ("NOUN", "PROPN") and own_subject
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in _children(tok)))
    if key == "voice":  # "were charged", "was badly hurt": the passive alone names who underwent the act
        return "passive" in words and is_passive(tok)
    if key == "mod":
        return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in words for c in _children(tok))
    if key == "pobj":
        return any(o.lemma_.lower() in words for c in _children(tok) if c.dep_ == "prep" for o in pobjs(c))
    if key == "office_obj":  # "dismissed the bank's *governor*", "sacked *Mirek Stavros*": a post's holder (issue 11)
        posts = word_class("office_holder_nouns")
        objs = [o for c in _children(tok) if c.dep_ in ("dobj", "obj", "nsubjpass") for o in conjuncts(c)]
        return any(o.ent_type_ == "PERSON" or any(t.lemma_.lower() in posts or t.lower_ in posts
                                                   for t in _children(o) if t.dep_ in ("compound", "appos"))
                   or o.lemma_.lower() in posts for o in objs)
    if key == "question":  # '"Why not stay?" he asked', "asked whether X would reopen": a question, no request (issue 11)
        return any(c.dep_ == "punct" and c.text == "?" for c in _children(tok)) or any(c.dep_ in ("ccomp", "xcomp", "parataxis") and (
            any(t.text == "?" for t in _subtree(c))
            or any(m.dep_ in ("mark", "advmod") and m.lower_ in ("whether", "if", "why", "how", "when", "where") and m.i < c.i
                   for m in _children(c))) for c in _children(tok))
    if key == "definite":  # "*the* protest", "*their* protest": one act the article tells, not "ahead of protests" (issue 11)
        return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in _children(tok))
    if key == "person_obj":  # "seized *two farmers*": the object is people (a name or a person noun)
        nouns = lexicon().person_nouns
        return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in nouns
                   for c in _children(tok) if c.dep_ in ("dobj", "obj", "nsubjpass") for o in conjuncts(c))
    if key == "offered":  # "expressed readiness *to meet*", "is ready *to meet*": an act offered, not done (issue 11)
        return tok.dep_ in ("acl", "xcomp") and tok.head.lemma_.lower() in words
    if key == "gov":  # "dropped the charges", "the charges were dropped": the verb that governs the noun
        return tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_.lower() in words
    if key == "judged":  # "the offer *was unacceptable*": a predicate adjective judging one of these nouns
        return tok.dep_ == "acomp" and any(c.dep_ == "nsubj" and c.lemma_.lower() in words for c in _children(tok.head))
    if key == "subj":  # "the dockers' union *could strike*": who acts, by a word of its phrase (or its subject's)
        subj = subject(tok)
        return subj is not None and any(t.lemma_.lower() in words or t.lower_ in words for t in _subtree(subj))
    if key == "intransitive":  # "could strike", not "struck a deal" or "a missile struck Velmar"
        return not any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass", "attr") for c in _children(tok))
    if key == "reduced":  # "three people *injured* Monday", "left two guards *injured*": a participle that
        # describes its noun's state (no agent of its own) tells no act; the act is the shooting or the crash
        return (tok.tag_ == "VBN" and tok.dep_ in ("acl", "oprd", "ccomp")
                and not any(c.dep_ == "agent" for c in _children(tok)))
    if key == "view":  # "X agreed the officers should have been freed": one party sharing a view, no accord
        subj = subject(tok)
        if subj is None or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we", "both") \
                or any(c.dep_ == "conj" for c in _children(subj)) \
                or any(c.dep_ == "prep" and c.lower_ in ("with", "on", "to") for c in _children(tok)):
            return False
        return any(c.dep_ == "ccomp" and any(g.dep_ in SUBJ_DEPS for g in _children(c)) for c in _children(tok))
    if key == "sentence":  # "was taken to a hospital ... is expected to be released": the sentence's setting
        return any(t.lemma_.lower() in words for t in _sent_of(tok))
    if key == "state_actor":  # "*Ostravia* protested", "*the foreign ministry* summoned X in protest": a state's act
        actor = subject(tok) if tok.pos_ == "VERB" else next((c for c in _children(tok) if c.dep_ == "poss"), None)
        if tok.pos_ != "VERB" and (actor is None or actor.pos_ == "PRON") and tok.dep_ in ("dobj", "obj"):
            actor = subject(tok.head)  # "Tumbria lifted *its* blockade": the possessive is the subject's (issue 11)
        if actor is None and tok.pos_ != "VERB" and tok.dep_ == "pobj":  # "summoned the envoy *in protest*"
            verb = next((a for a in list(tok.ancestors)[:4] if a.pos_ in ("VERB", "AUX")), None)
            actor = subject(verb) if verb is not None else None
        return actor is not None and _state_body(actor)
    if key == "purpose_of":  # "protested *to demand* a raise", "marched, *demanding* X": the protest's aim (issue 11)
        return tok.dep_ in ("advcl", "xcomp", "acl") and tok.head.lemma_.lower() in words
    if key == "claim":  # "assured that the ministry *already pays* the crews": a claim about now or
        # the past, no pledge; "assured that every farmer *would* be paid" pledges (issue 11)
        fwd = word_class("forward_modals")
        return any(c.dep_ == "ccomp" and is_finite(c) and modality(c, fwd) is None for c in _children(tok))
    if key == "own_people":  # "will speak with *its members*": a body consulting its own people, no CONSULT (issue 11)
        objs = [c for c in _children(tok) if c.dep_ in ("dobj", "obj")]
        objs += [o for c in _children(tok) if c.dep_ == "prep" and c.lower_ in ("with", "to") for o in pobjs(c)]
        return any(o.lemma_.lower() in words and any(d.dep_ == "poss" and d.tag_ == "PRP$" for d in _children(o))
                   for o in objs)
    if key == "speaks":  # "the harbour office's *release* said": a document that speaks, no act (issue 11)
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in words
    if key == "prep_head":  # "*in* custody", "taken *into* custody": the noun is the object of one of these
        return tok.dep_ == "pobj" and tok.head.lower_ in words
    return False


def _state_body(noun: "Token") -> bool:
    """A country or city standing for its state ("Ostravia", "Pellam") or a body of a state ("the foreign
    *ministry*", "the Tumbrian *government*": word class state_body_heads), by the noun or its compounds; not
    people of a place ("students in Ostravia")."""
    heads = word_class("state_body_heads")
    return noun.ent_type_ == "GPE" or any(t.lemma_.lower() in heads or t.lower_ in heads
                                          for t in [noun, *(c for c in _children(noun) if c.dep_ == "compound")])


def _own_side_subject(clause: "Token") -> bool:
    """Whether a complement clause's subject is the speaker's own side (analysis.clause.speaker_side_subject)."""
    return speaker_side_subject(clause)


def _surface_stems(t: "Token") -> tuple[str, ...]:
    """Base forms of a regular past tense the lemmatizer got wrong ("fined" -> "fin"): "fine", "fin"."""
    low = t.lower_
    if t.tag_ not in ("VBD", "VBN") or not low.endswith("ed") or len(low) < 5:
        return ()
    return (low[:-1], low[:-2])


def _phrase_at(sent: "SpacySpan", i: int, sense: Sense) -> list["Token"] | None:
    toks = []
    for k, w in enumerate(sense.words):
        j = i + k
        if j >= sent.end:
            return None
        t = sent.doc[j]
        if w not in (t.lemma_.lower(), t.lower_) and w not in _surface_stems(t):
            return None
        toks.append(t)
    return toks


def _phrase_root(toks: list["Token"]) -> "Token":
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


#: per lexicon: (lemma id, lower-case form id) -> what :func:`_first_senses` gives for them
_MEMOS: dict[int, tuple[Lexicon, dict[tuple[int, int], tuple[tuple[Sense, ...], tuple[Sense, ...]]]]] = {}
_MEMO_CAP = 20_000


def _first_memo(lex: Lexicon) -> dict:
    got = _MEMOS.get(id(lex))
    if got is None or got[0] is not lex:
        got = _MEMOS[id(lex)] = (lex, {})  # (the lexicon kept with its memo: its id is never reused)
    return got[1]


def _first_senses(lex: Lexicon, lemma: str, low: str) -> tuple[tuple[Sense, ...], tuple[Sense, ...]]:
    """The senses a word opens, by its lower-cased lemma, else its lower-case form; and, where neither
    opens one, those a base form of its regular past tense opens (see :func:`_surface_stems`; they
    count only when the word is tagged a past tense or participle): a function of the two forms, so
    remembered by their ids."""
    direct = lex.by_first.get(lemma, ()) or lex.by_first.get(low, ())
    stemmed: tuple[Sense, ...] = ()
    if not direct and low.endswith("ed") and len(low) >= 5:
        stemmed = next((lex.by_first[f] for f in (low[:-1], low[:-2]) if f in lex.by_first), ())
    return direct, stemmed


def _match(sent: "SpacySpan", lex: Lexicon) -> list[tuple[Sense, list["Token"], "Token"]]:
    """Every trigger of the sentence, in text order: (sense, tokens, anchor token)."""
    out = []
    used: set[int] = set()
    every, strings, memo = tokens(sent.doc), sent.doc.vocab.strings, _first_memo(lex)
    _pos, lower_ids, lemma_ids, _dep = attr_lists(sent.doc)
    for k in range(sent.start, sent.end):
        if k in used:
            continue
        key = (lemma_ids[k], lower_ids[k])
        got = memo.get(key)
        if got is None:
            got = _first_senses(lex, strings[key[0]].lower(), strings[key[1]])
            if len(memo) >= _MEMO_CAP:
                memo.clear()
            memo[key] = got
        direct, stemmed = got
        if not direct and not stemmed:
            continue  # (no Token built for the words no sense opens with)
        tok = every[k]
        senses = direct or (stemmed if tok.tag_ in ("VBD", "VBN") else ())
        for sense in senses:
            toks = _phrase_at(sent, tok.i, sense)
            if toks is None:
                continue
            anchor = _phrase_root(toks)
            if anchor.pos_ not in sense.pos or anchor.dep_ == "amod":
                continue
            if sense.lower_case and not anchor.text.islower() and (anchor.i != sent.start or anchor.pos_ == "PROPN"):
                continue  # "in March" is a month, not a march
            if anchor.pos_ != "VERB" and anchor.dep_ == "compound":  # "ceasefire monitors": a modifier
                continue
            if anchor.pos_ == "VERB" and anchor.tag_ in ("VBN",) and anchor.dep_ in ("compound", "nmod"):
                continue
            if all(_has(anchor, k, v) for k, v in sense.needs.items()) and not any(
                    _has(anchor, k, v) for k, v in sense.unless.items()):
                out.append((sense, toks, anchor))
                used.update(t.i for t in toks)
                break
    return out


def _is_goal(verb: "Token") -> bool:
    """Whether a verb trigger is a goal someone judges, not an act the text tells: a to-infinitive that is
    the complement of an evaluative adjective ("it is critical for X and Y *to reach* a deal", "vital *to
    sign* it soon"). A to-infinitive a verb controls ("agreed *to free*", "plans *to visit*") or a purpose
    ("met *to reach* an agreement") stays an act, with the status its governor gives (future)."""
    if verb.pos_ != "VERB" or not is_to_infinitive(verb) or verb.dep_ not in ("xcomp", "ccomp", "advcl"):
        return False
    head = verb.head
    if head.pos_ == "ADJ":
        return True
    # "it is critical ... to reach": the clause hangs on the copula that takes the adjective
    return verb.dep_ == "advcl" and head.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ"
                                                                  for c in _children(head))


def _is_content_of_act(anchor: "Token", ctx: Context) -> bool:
    """Whether the trigger lies in the complement of a verbal act ("urged X to *release* Y"), in an
    embedded question ("whether to *free* the crew") or is a goal someone judges (:func:`_is_goal`)."""
    if _is_goal(anchor):
        return True
    if anchor.pos_ != "VERB" and anchor.dep_ == "pobj" and anchor.head.lower_ == "for" \
            and anchor.head.head.pos_ in ("ADJ", "NOUN") and ctx.anchors[anchor.i].type in ("ASSAULT", "COERCE"):
        return False  # "punish the men responsible *for the killing*": a deed that was done
    if anchor.pos_ == "VERB" and anchor.dep_ == "acl" and anchor.head.lemma_.lower() in ctx.lex.option_nouns \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(anchor)):
        return True  # "reserves the right *to strike*", "the power *to boycott*": an option, no act
    cur = anchor
    for _ in range(40):
        if cur.dep_ == "ROOT" or cur.head is cur:
            return False
        if cur.dep_ in ("xcomp", "ccomp", "advcl", "pcomp") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ == "whether" for c in _children(cur)):
            return True
        if cur.dep_ == "relcl":  # a relative clause about a participant reports a fact of its own
            return False
        head = cur.head
        to_clause = cur.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in _children(cur))
        if (cur.dep_ == "xcomp" or to_clause) and head.pos_ == "VERB" and is_passive(head) \
                and head.lemma_.lower() in ctx.lex.summoning_verbs:
            return True  # "the rescue unit was asked *to assist* the constabulary": what it was asked to do
        sense = ctx.anchors.get(head.i)
        if sense is not None:
            if sense.speech and (cur.dep_ in ("xcomp", "ccomp") or to_clause):
                return True
            # what is asked for or threatened: "demanded *the handover* of X"
            # (but what is condemned or investigated happened: "condemned *the detention* of X" is an arrest,
            # told, and "investigating *an arson attack*" an attack)
            if sense.type in _CONTENT_OBJECT_TYPES and cur.dep_ in OBJ_DEPS and sense.mode not in ("disapprove", "investigate"):
                # but "ordered an inquiry": the orderer sets the act in motion, it is theirs
                return not (cur.i == anchor.i and sense.type == "REQUEST" and head.lemma_.lower() in ctx.lex.light_verbs)
            # what someone is accused, arrested or sentenced for: "charged *with supporting* them"
            if sense.type in _REASON_TYPES and cur.dep_ == "prep" and cur.lower_ in ("of", "for", "with"):
                return True
        cur = head
    return False


#: entity types whose names hold words that would otherwise be triggers ("the X Strike Committee")
_NAMED_BODIES = frozenset({"ORG"})


def inside_name(anchor: "Token", ctx: Context) -> bool:
    """Whether a capitalized noun trigger is one word of a longer organization's name ("the Velmar Dockers *Strike*
    Committee", "the Ostra Health *Inquiry* Board"): it names the body and tells no act (issue 11). A name that is
    the trigger alone, or a lower-case word, is left to the senses."""
    if anchor.pos_ == "VERB" or anchor.text.islower():
        return False
    start, end = anchor.idx, anchor.idx + len(anchor.text)
    return any(ctx.types.get(eid) in _NAMED_BODIES and (s < start or e > end)
               for s, e, eid in ctx.index.overlapping(start, end))
