"""Mentions that name nothing: title-only references and pronouns, resolved by rules over the parse.

No coreference model is installed; these rules are the resolver.

- **Title references**: "the minister", "the deputy minister", "the spokesman" refer to the most
  recent person whose titles hold that word; "the bureau", "the council", "the group", "the party"
  to the most recent organization whose name (or the noun it was introduced with: "a separatist rebel
  group X", "X, a rebel group") holds it or a near synonym ("the opposition party", "the ruling party":
  the organization introduced with that side word, data/words/org_sides.json); "the government" to an organization so
  named, else the country written with "government", else the country the article names most;
  "the country" to the last country named. "The group", "the company" with no such name go to
  the organization that was the subject just before ("Tarvos said ... The group's leader").
- **Pronouns**: he/him/his, she/her/hers go to persons, they/them/their to organizations, its (and
  "it" as the subject of a reporting verb) to organizations and places. Candidates are the
  entities mentioned before the pronoun in its sentence (most recent first), then in each of the
  two sentences before (subjects first, then most recent). A person's gender comes from titles
  ("spokeswoman", "Mr."), family words ("his mother, X"), a known first name, or an earlier
  pronoun resolved to them, a Slavic surname ending (-ova, -sky); an incompatible gender rules
  a candidate out, and a person known to have the pronoun's gender within three sentences is
  preferred unless a person of unknown gender is the subject on the way back (the article's
  protagonist still wins against someone met in passing). A pronoun inside a quotation never
  refers to the quotation's speaker ("'He will be home soon,' Selim said"). Pronouns outside
  quotations are resolved first, so the speaker is known; those that found nothing are tried
  again once the quoted ones are resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.parts_of_speech import ADJ, NOUN, PROPN

from ...analysis.clause import children as _children
from .._doc import attr_lists, folded, sentences, texts, tokens
from ...analysis.words import word_class
from ...analysis.reference import is_subject_phrase, latest_carrier
from .attrs import TitleInfo
from .lex import fold, lexicon
from .names import GPE, ORG, PERSON, Cluster
from .pronouns import _Men, _pronouns, doc_quote_mask, quote_mask, _salience, _SUBJ

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["resolve_references", "quote_mask"]

_LOOSE_MODIFIERS = frozenset({"former", "late", "then", "new", "current", "outgoing", "incoming", "veteran", "top"})


def resolve_references(doc: "Doc", clusters: list[Cluster], titles: list[TitleInfo]) -> None:
    """Add title-reference and pronoun mentions to ``clusters`` (their ``extra`` spans)."""
    if not clusters:
        return
    sent_of = _sentence_index(doc)
    men: list[_Men] = []
    for c in clusters:
        for m in c.mentions:
            men.append(_Men(m.t0, m.t1, c, sent_of[m.t0], _is_subject(doc, m.t0, m.t1), m.kind))
    _genders(doc, clusters, titles)
    _kin_subject_genders(doc, men)
    title_words = _title_words(doc, titles)
    descriptors = _descriptors(doc, clusters)
    men.sort(key=lambda x: x.t0)
    men.extend(_title_refs(doc, clusters, men, title_words, descriptors, sent_of))
    men.extend(_described_orgs(doc, clusters, men, sent_of))
    men.extend(_named_next(doc, men, sent_of))
    men.sort(key=lambda x: x.t0)
    _pronouns(doc, men, sent_of)


def _sentence_index(doc: "Doc") -> list[int]:
    out = [0] * len(doc)
    for k, s in enumerate(sentences(doc)):
        for t in range(s.start, s.end):
            out[t] = k
    return out


def _is_subject(doc: "Doc", t0: int, t1: int) -> bool:
    return is_subject_phrase(doc[t0:t1])


# ============================================================================ gender
def _genders(doc: "Doc", clusters: list[Cluster], titles: list[TitleInfo]) -> None:
    fw_ = folded(doc)
    lex = lexicon()
    for ti in titles:
        if ti.title and ti.cluster.gender is None:
            for t in tokens(doc)[ti.title[0]:ti.title[1]]:
                g = _word_gender(fold(t.text))
                if g:
                    ti.cluster.gender = g
    for c in clusters:
        if c.type != PERSON or c.gender:
            continue
        for m in c.mentions:
            k = m.t0 - 1
            while k >= 0 and (doc[k].text == "," or fw_[k] in lex.titles) and k >= m.t0 - 4:
                g = lex.family.get(fw_[k], {}).get("gender") or _word_gender(fw_[k])
                if g:
                    c.gender = g
                    break
                k -= 1
            if not c.gender and k >= 0:
                c.gender = lex.family.get(fw_[k], {}).get("gender")
            if c.gender:
                break
            first = fold((m.full or m.text).split()[0])
            if first in lex.female_names:
                c.gender = "f"
            elif first in lex.male_names:
                c.gender = "m"
            if c.gender:
                break
        if c.gender is None:
            c.gender = next((g for m in c.mentions if (g := _surname_gender(m.full or m.text))), None)


def _kin_subject_genders(doc: "Doc", men: list["_Men"]) -> None:
    """"X is the daughter of Y": X is female."""
    lex = lexicon()
    by_tok = {t: x.cluster for x in men for t in range(x.t0, x.t1)}
    toks = tokens(doc)
    for i, w in enumerate(folded(doc)):  # the word first: a Token's attributes only where it matters
        kin = lex.family.get(w)
        if not kin or not kin.get("gender"):
            continue
        t = toks[i]
        if t.dep_ != "attr":
            continue
        for s in _children(t.head):
            if s.dep_ in _SUBJ:
                c = by_tok.get(s.i) or next((by_tok.get(a.i) for a in _children(s) if a.dep_ == "appos"
                                             and by_tok.get(a.i)), None)
                if c is not None and c.type == PERSON and c.gender is None:
                    c.gender = kin["gender"]


def _word_gender(w: str) -> str | None:
    lex = lexicon()
    if w in lex.female_words or w.endswith("woman") and w in lex.titles:
        return "f"
    if w in lex.male_words or w.endswith("man") and w in lex.titles:
        return "m"
    return None


def _surname_gender(name: str) -> str | None:
    lex = lexicon()
    words = name.split()
    if len(words) < 2:
        return None
    last = fold(words[-1])
    if last.endswith(lex.female_suffixes):
        return "f"
    if last.endswith(lex.male_suffixes):
        return "m"
    return None


# ============================================================================ title references
def _title_words(doc: "Doc", titles: list[TitleInfo]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for ti in titles:
        if ti.title:
            words = set(folded(doc)[ti.title[0]:ti.title[1]])
            out.setdefault(id(ti.cluster), set()).update(words)
    return out


def _descriptors(doc: "Doc", clusters: list[Cluster]) -> dict[int, set[str]]:
    """Nouns an organization is introduced with: "the advocacy group X", "X, a rebel group"."""
    fw_ = folded(doc)
    toks_ = tokens(doc)
    lex = lexicon()
    sides = word_class("org_sides")
    out: dict[int, set[str]] = {}
    for c in clusters:
        if c.type != ORG:
            continue
        words = out.setdefault(id(c), set())
        for m in c.mentions:
            words.update(fold(w) for w in (m.full or m.text).replace("-", " ").split())
            if m.t0 >= 1 and (fw_[m.t0 - 1] in lex.org_nouns_before or fw_[m.t0 - 1] in sides):
                words.add(fw_[m.t0 - 1])  # "the advocacy group X", "the opposition X"
            k = m.t1
            if k < len(doc) and doc[k].text == "(":  # skip "(ACR)"
                k += 3
            if k + 1 < len(doc) and doc[k].text == "," and fw_[k + 1] in ("a", "an", "the"):
                for t in toks_[k + 2:min(len(doc), k + 7)]:
                    if t.is_punct:
                        break
                    if t.pos_ == "NOUN":
                        words.add(fold(t.text))
            for t in toks_[m.t1:min(len(doc), m.t1 + 2)]:
                if fold(t.text) in lex.org_nouns_after:
                    words.add(fold(t.text))
    return out


def _title_refs(doc: "Doc", clusters: list[Cluster], men: list[_Men], title_words: dict[int, set[str]],
                descriptors: dict[int, set[str]], sent_of: list[int]) -> list[_Men]:
    lex = lexicon()
    named = {t for x in men for t in range(x.t0, x.t1)}
    out: list[_Men] = []
    n = len(doc)
    fw = folded(doc)
    # (the words, tags and labels read from the doc's columns: a Token is built only past these tests)
    words, toks = texts(doc), tokens(doc)
    pos, _, _, dep = attr_lists(doc)
    strings = doc.vocab.strings
    noun_like, compound = (NOUN, PROPN, ADJ), strings["compound"]
    for i in [i for i, f in enumerate(fw) if f == "the"]:
        if i + 1 >= n:
            continue
        j = i + 1
        while j < n and words[j].islower() and fw[j] in lex.title_modifiers and j + 1 < n and words[j + 1].islower() \
                and pos[j + 1] in noun_like:  # "the navy said": the modifier is the head
            j += 1
        w = fw[j]
        if not words[j].islower() or j in named or dep[j] == compound:
            continue
        head = toks[j]
        nxt = toks[j + 1] if j + 1 < n else None
        if nxt is not None and (nxt.text[:1].isupper() and nxt.pos_ == "PROPN" or fold(nxt.text) == "of"):
            continue  # a title before a name, or "the chairperson of X"
        if nxt is not None and nxt.text == "," and j + 2 < n and (j + 2) in named:
            continue  # "the group's chairman, X": the title phrase of the name that follows
        target = None
        if w in lex.titles and w not in ("member", "resident", "native", "citizen", "official"):
            # "the prime minister" is not the interior minister: the written modifiers must fit too
            need = {folded(doc)[q] for q in range(i + 1, j)} - _LOOSE_MODIFIERS | {w}
            ranks = word_class("subordinate_ranks")
            if not need & ranks:  # "the collector": the collector before a deputy collector (issue 11)
                target = _latest(men, i, lambda c: c.type == PERSON and need <= title_words.get(id(c), set())
                                 and not title_words.get(id(c), set()) & ranks)
            if target is None:
                target = _latest(men, i, lambda c: c.type == PERSON and need <= title_words.get(id(c), set()))
        elif (side := {fw[q] for q in range(i + 1, j)} & word_class("org_sides")) and w in lex.org_generic_refs:
            # "the opposition party": the organization introduced with that side ("the opposition X")
            target = _latest(men, i, lambda c: c.type == ORG and side <= descriptors.get(id(c), set()))
        elif w in lex.org_generic_refs or w == "country":
            syn = lex.org_ref_synonyms.get(w, frozenset()) | {w}
            target = _latest(men, i, lambda c: c.type == ORG and bool(syn & descriptors.get(id(c), set())))
            if target is None and w in ("government", "country"):
                target = _latest(men, i, lambda c: c.type == GPE and c.country is not None
                                 and (w == "country" or _has_state_mention(doc, c)),
                                 kinds=("name",) if w == "country" else None)
                if target is None and w == "government":  # the country the article is most about
                    countries = [x.cluster for x in men if x.t0 < i and x.cluster.type == GPE and x.cluster.country]
                    target = max(countries, key=_salience, default=None)
            if target is None and w in ("group", "organization", "organisation", "movement", "company", "firm") \
                    and not _quoted(doc, i):
                # "Tarvos said ... The group's leader": the organization that was just the subject (not
                # inside a quotation, where "the company" is whoever the speaker talks about)
                target = next((x.cluster for x in reversed(men) if x.t0 < i and x.subj and x.cluster.type == ORG
                               and sent_of[x.t0] >= sent_of[i] - 1), None)
        if target is None:
            continue
        s, e = doc[i].idx, head.idx + len(head.text)
        target.extra.append((s, e))
        out.append(_Men(i, j + 1, target, sent_of[i], head.dep_ in _SUBJ))
    return out


def _quoted(doc: "Doc", i: int) -> bool:
    """Token i lies inside a quotation (the mask is computed once per document)."""
    mask = doc_quote_mask(doc)
    pos = tokens(doc)[i].idx
    return pos < len(mask) and mask[pos]


def _described_orgs(doc: "Doc", clusters: list[Cluster], men: list[_Men], sent_of: list[int]) -> list[_Men]:
    """"Norvania's customs agency seized ..." before "the National Customs Agency of
    Norvania (NCA)" is named: a lower-case description whose every word (the owner's name included)
    is in one organization's name, named within two sentences, is a mention of it."""
    fw_ = folded(doc)
    toks_ = tokens(doc)
    lex = lexicon()
    named = {t for x in men for t in range(x.t0, x.t1)}
    orgs = [c for c in clusters if c.type == ORG]
    if not orgs:
        return []
    words_of = {id(c): {w for f in c.forms() for w in fold(f).replace("-", " ").replace("'s", "").split()}
                for c in orgs}
    out: list[_Men] = []
    toks = toks_
    for i, w in enumerate(fw_):
        if w not in lex.org_generic_refs:
            continue
        head = toks[i]
        if not head.is_lower or head.i in named or head.dep_ == "compound":
            continue
        k = head.i
        while k > 0 and (doc[k - 1].is_lower and doc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN") or doc[k - 1].text == "-"):
            k -= 1
        if k == head.i or k < 2 or doc[k - 1].tag_ != "POS":
            continue  # a description needs modifiers and an owner: "Norvania's customs agency"
        owner = next((x for x in men if x.t0 <= k - 2 < x.t1), None)
        if owner is None or owner.cluster.type not in (GPE, ORG):
            continue
        words = {fold(t.text) for t in toks_[k:head.i + 1] if t.text != "-"}
        words |= {x for f in owner.cluster.forms() for x in fold(f).split()} & {fw_[owner.t0]}
        here = sent_of[head.i]
        fits = [c for c in orgs if words <= words_of[id(c)] and c is not owner.cluster
                and any(abs(sent_of[m.t0] - here) <= 2 for m in c.mentions)]
        if len(fits) != 1:
            continue
        c = fits[0]
        c.extra.append((doc[k].idx, head.idx + len(head.text)))
        out.append(_Men(k, head.i + 1, c, here, head.dep_ in _SUBJ, "ref"))
    return out


def _named_next(doc: "Doc", men: list[_Men], sent_of: list[int]) -> list[_Men]:
    """"..., a rights group said." then "The Civic Rights League (CRL) said ...": an indefinite
    description that speaks, and an organization of that kind that speaks as the subject of the
    next sentence, are the same body (a lede names its source a sentence later)."""
    fw_ = folded(doc)
    lex = lexicon()
    named = {t for x in men for t in range(x.t0, x.t1)}
    first_subj: dict[int, _Men] = {}
    for x in men:
        if x.kind == "name" and x.subj and x.sent not in first_subj:
            first_subj[x.sent] = x
    out: list[_Men] = []
    toks = tokens(doc)
    for i, w in enumerate(fw_):
        if w not in lex.org_generic_refs:
            continue
        head = toks[i]
        if (not head.is_lower or head.i in named or head.dep_ not in _SUBJ
                or fold(head.head.lemma_) not in lex.reporting_verbs):
            continue
        k = head.i
        while k > 0 and doc[k - 1].is_lower and doc[k - 1].pos_ in ("ADJ", "NOUN") and doc[k - 1].i not in named:
            k -= 1
        if k == 0 or fw_[k - 1] not in ("a", "an"):
            continue
        nxt = first_subj.get(sent_of[head.i] + 1)
        if nxt is None or nxt.cluster.type != ORG or fold(doc[nxt.t0:nxt.t1].root.head.lemma_) not in lex.reporting_verbs:
            continue
        kinds = lex.org_ref_synonyms.get(w, frozenset({w})) | {w}
        words = {x for f in nxt.cluster.forms() for x in fold(f).split()}
        if not kinds & words:
            continue
        c = nxt.cluster
        c.extra.append((doc[k].idx, head.idx + len(head.text)))
        out.append(_Men(k, head.i + 1, c, sent_of[head.i], True, "ref"))
    return out


def _has_state_mention(doc: "Doc", c: Cluster) -> bool:
    return any(m.t1 < len(doc) and folded(doc)[m.t1] == "government" for m in c.mentions)


_REACH = 400  # mentions looked back for a title reference's antecedent (keeps long articles linear)


def _latest(men: list[_Men], before: int, ok, kinds: tuple[str, ...] | None = None) -> Cluster | None:
    """The entity of the latest mention before token ``before`` that passes ``ok`` (men sorted by t0;
    only mentions of ``kinds`` count): the description antecedent of :mod:`newsledger.analysis.reference`."""
    return latest_carrier(men, before, lambda x: x.cluster if (kinds is None or x.kind in kinds) and ok(x.cluster)
                          else None, position=_t0, reach=_REACH)


def _t0(x: _Men) -> int:
    return x.t0


