"""Titles written as lists or predicates (issue 11): a title whose "for"/"of" opens a list of portfolios
that runs on to the name ("Minister for Ports, Roads and Rural Water T. Vell"), and a title said of a named
person ("X was the councillor for harbours", "X had held the role of deputy treasurer"), and a title set off
before its holder's name ("Junior Trade Minister, X, said"). Moved out of
names.py and titles.py to keep them short; names.py and titles.py call these."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .._doc import folded, tokens
from .lex import fold, lexicon
from .mentions import _cap, _JOIN_OF, ORG, PERSON
from .sentences_of import person_subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mentions import Cluster
    from .titles import TitleInfo


def portfolio_tail(doc: "Doc", i: int, j: int) -> int | None:
    """The first token of the name in the run i..j that ends a title's list of portfolios ("Minister for
    Ports, Roads and Rural Water T. Vell": the run "Rural Water T. Vell" follows "and" in a list that a
    title's "for"/"of" opened), None where the run ends no such list. The name starts at its first initial
    or known given name, else it is the run's last two words (issue 11)."""
    fw_ = folded(doc)
    toks = tokens(doc)
    lex = lexicon()
    if j - i < 3 or i < 2 or fw_[i - 1] not in ("and", "&"):
        return None
    k = i - 1
    while k > 0 and (fw_[k] in (",", "and", "&") or _cap(toks[k]) and not toks[k].is_sent_start):
        k -= 1
    if not (fw_[k] in _JOIN_OF and k > 0 and fw_[k - 1] in lex.titles):
        return None
    for t in range(i + 1, j - 1):
        w = fold(toks[t].text)
        if re.fullmatch(r"[A-Z]\.", toks[t].text) or w in lex.female_names or w in lex.male_names:
            return t
    for t in range(i + 1, j - 1):
        if toks[t].ent_iob_ == "B" and toks[t].ent_type_ == "PERSON":
            return t  # where the tagger starts the person
    if not any(toks[t].text == "," for t in range(k, i)):
        return None  # "Minister for Roads and Water Ostra Vel": no list, no known given name: left whole
    return j - 2


def portfolio_list_title(doc: "Doc", t0: int, is_title: Callable[[str], bool]) -> tuple[int, int] | None:
    """(start, end) of a title whose "for"/"of" opens a list of portfolios that runs on to the name at
    token t0 ("Minister for Ports, Roads and Rural Water T. Vell"), None where none does (issue 11)."""
    fw_ = folded(doc)
    k = t0 - 1
    seen_and = seen_comma = False
    while k > 0 and (doc[k].text in (",", "&") or fw_[k] == "and"
                     or doc[k].text[:1].isupper() and not doc[k].is_sent_start and not is_title(fw_[k])):
        seen_and = seen_and or fw_[k] in ("and", "&")
        seen_comma = seen_comma or doc[k].text == ","
        k -= 1
    if not (seen_and and seen_comma and fw_[k] in ("for", "of") and k > 0 and is_title(fw_[k - 1])
            and doc[t0 - 1].text[:1].isupper()):
        return None
    ts = k - 1
    while ts > 0 and doc[ts - 1].text[:1].isupper() and is_title(fw_[ts - 1]):
        ts -= 1  # "Deputy Minister for ..."
    return ts, t0


def predicate_titles(doc: "Doc", clusters: "list[Cluster]", is_title: Callable[[str], bool]
                     ) -> list[tuple["Cluster", tuple[int, int], tuple[int, int]]]:
    """A title said of a named person: "X was the councillor for harbours", "X has become the second city
    councillor to quit", "X had held the role of deputy treasurer" (a predicate of "be"/"become", or the
    object of "held the role/post of"; word class role_nouns). Issue 11."""
    out: list[tuple["Cluster", tuple[int, int], tuple[int, int]]] = []
    roles = word_class("role_nouns")
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            root = next((doc[t] for t in range(m.t0, m.t1) if not m.t0 <= doc[t].head.i < m.t1), None)
            if root is None or root.dep_ != "nsubj":
                continue
            verbs = [root.head] + [v for v in _children(root.head) if v.dep_ == "conj" and v.pos_ in ("VERB", "AUX")
                                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(v))]
            for v in verbs:
                heads: list = []
                if v.lemma_.lower() in ("be", "become"):
                    heads = [a for a in _children(v) if a.dep_ == "attr"]
                elif v.lemma_.lower() == "hold":
                    for o in (a for a in _children(v) if a.dep_ == "dobj" and a.lower_ in roles):
                        heads += [q for p in _children(o) if p.dep_ == "prep" and p.lower_ == "of"
                                  for q in _children(p) if q.dep_ == "pobj"]
                for h in heads:
                    if not is_title(fold(h.text)) or h.ent_type_ == "PERSON":
                        continue
                    ts = h.i
                    capped = h.text[:1].isupper()  # "a Flood Response Officer": capitals all through
                    while ts - 1 >= 0 and (doc[ts - 1].head.i == h.i or capped and ts <= doc[ts - 1].head.i < h.i) \
                            and doc[ts - 1].dep_ in ("compound", "amod") \
                            and (doc[ts - 1].is_lower or capped and doc[ts - 1].is_title and doc[ts - 1].is_alpha
                                 and not doc[ts - 1].ent_type_) and doc[ts - 1].tag_ != "JJS" \
                            and fold(doc[ts - 1].text) not in word_class("title_ordinals"):
                        ts -= 1
                    te = end = h.i + 1
                    prep = next((p for p in _children(h) if p.dep_ == "prep" and p.lower_ in ("for", "of")), None)
                    if prep is not None and prep.i == te:
                        end = max(t.i for t in prep.subtree) + 1
                        obj = next((q for q in _children(prep) if q.dep_ == "pobj"), None)
                        if obj is None or obj.pos_ != "PROPN" or not obj.ent_type_:
                            te = end  # "the councillor for harbours": the portfolio is the title's; a named
                            # place or body ("Officer for Dorr County") is whom it serves (issue 11)
                    out.append((c, (ts, te), (m.t0, end)))
    return out


def epithet_titles(doc: "Doc", clusters: "list[Cluster]", is_title: Callable[[str], bool]
                   ) -> list[tuple["Cluster", tuple[int, int], tuple[int, int]]]:
    """"X has quit the cabinet. The member for Ostra, a close ally of ..., said ...": a sentence whose subject
    is "The <title> for/of <Name>" with no name of its own describes the person who is the subject of the
    sentence before; the title (with its "for"/"of" phrase) is that person's, and the phrase one more mention
    of them (issue 11). (cluster, title token range, phrase token range) for each."""
    out: list[tuple["Cluster", tuple[int, int], tuple[int, int]]] = []
    toks, fw = tokens(doc), folded(doc)
    subjects = person_subjects(doc, clusters)
    named = {m.t0 for c in clusters if c.type == PERSON for m in c.mentions}
    sents = list(subjects)
    for k in range(1, len(sents)):
        start = sents[k]
        t = start
        while t < len(toks) and toks[t].is_space:
            t += 1
        if not (t + 3 < len(toks) and fw[t] == "the" and toks[t + 1].is_lower and is_title(fw[t + 1])
                and fw[t + 2] in ("for", "of") and _cap(toks[t + 3])):
            continue
        end = t + 3
        while end < len(toks) and _cap(toks[end]) and not toks[end].is_punct:
            end += 1
        if not (end < len(toks) and toks[end].text == "," or end < len(toks) and toks[end].pos_ in ("VERB", "AUX")):
            continue
        head = toks[t + 1]
        if head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if end in named or end + 1 in named:
            continue  # "The minister for Ports, Ana Roko, said": the phrase is hers, written with her name
        before = subjects[sents[k - 1]]
        persons = {id(c): c for _s, _e, c in before}
        if len(persons) == 1:
            out.append((next(iter(persons.values())), (t + 1, end), (t, end)))
    return out


def title_before_appositive_name(doc: "Doc", i: int, tail: int, j: int) -> bool:
    """The run i..j ends in title words (from ``tail``) and stands at a clause's start with a person's
    name set off by commas right after it ("Junior Trade Minister, X, said ..."): the run is that
    person's title, no name of its own. A run holding a body's word ("Harbour Board Chairman, X") is left
    alone: the body is a name."""
    toks = tokens(doc)
    lex = lexicon()
    if j + 1 >= len(doc) or toks[j].text != "," or toks[j + 1].ent_type_ != "PERSON":
        return False
    if not (i == 0 or toks[i].is_sent_start or folded(doc)[i - 1] in ("the", "a", "an") or toks[i - 1].is_space):
        return False
    return not any(folded(doc)[t] in lex.org_keywords or folded(doc)[t] in lex.place_keywords for t in range(i, tail))


def short_body_in_title(doc: "Doc", out: list["TitleInfo"], clusters: list["Cluster"]) -> None:
    """"Fed Chairman X" where the article writes "the Fed" elsewhere: a title word that is a one-word name
    of an organization of the article is the title's body (issue 11)."""
    short = {fold(m.text): c for c in clusters if c.type == ORG for m in c.mentions if m.t1 - m.t0 == 1}
    for ti in out:
        if ti.orgs or ti.title is None:
            continue
        body = next((short[fold(doc[t].text)] for t in range(*ti.title) if fold(doc[t].text) in short), None)
        if body is not None:
            ti.orgs.append(body)
