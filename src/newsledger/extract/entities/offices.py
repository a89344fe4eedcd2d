"""The state or body an office serves when the person's own title names none (part of :mod:`.attrs`).

Three rules, tried in this order for a title with an official word (data/words/official_titles.json) or a
company office and no organization, country or demonym written in or around it:

- **the same office named elsewhere**: the article writes the office with its place somewhere else —
  "the chief minister of Velmaria ... Chief Minister Ilsa Varn", "a Tumbrian foreign minister ... then-foreign
  minister Oren Malik" — and names exactly one such place for that office. Time words ("former",
  "then-", data/words/office_time_words.json) are left out of the comparison; an occurrence written
  right before another person's name is that person's title, not a description of the office.
- **the article's company**: a company office (data/words/company_offices.json: "Chief Financial Officer
  X") serves the organization the article is plainly about: named first and three times as often as any other.
- **the article's country**: a national office (data/words/national_offices.json: "President X",
  "Secretary of State X") serves the country the article is plainly about: the one it names first and
  at least three times as often as any other (a demonym counts for its country).

Hand-written: no library reads offices against a whole article.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterator

from ...analysis.words import word_class
from .._doc import folded, tokens
from .._doc import sent_of as _sent_of
from .lex import lexicon
from .names import GPE, NORP, ORG, PERSON, Cluster
from .title_acronyms import title_acronyms
from .titles import MentionMap, RelationFound, TitleInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["office_place", "who_leads", "owner_in_sentence", "of_org_members", "spokesperson_body"]

_DOMINANCE = 3  # the article's country is named at least this many times as often as the next one


def _office_words(doc: "Doc", ti: TitleInfo) -> tuple[str, ...]:
    """The title's words less time words, hyphens and trailing forms of address ("then-foreign minister"
    -> ("foreign", "minister"))."""
    assert ti.title is not None
    time_words = word_class("office_time_words")
    honor = lexicon().honorifics
    words = [w for w in folded(doc)[ti.title[0]:ti.title[1]] if w != "-"]
    acronym = title_acronyms(doc).get(doc[ti.title[0]].text)
    if acronym:  # "CS Water" where the article wrote "Cabinet Secretary (CS)": the office is the title's
        words = list(acronym)
    while words and words[0] in time_words:
        words.pop(0)
    while len(words) > 1 and (words[-1] in honor or words[-1] + "." in honor):
        words.pop()
    return tuple(words)


def office_place(doc: "Doc", ti: TitleInfo, clusters: list[Cluster],
                 mm: MentionMap) -> tuple[Cluster, str] | None:
    """The place or body the office of title ``ti`` serves, found elsewhere in the article, with the rule
    that found it ("office-named-elsewhere", "office-of-article-company" or "office-of-article-country"); None
    when no rule applies."""
    if ti.title is None:
        return None
    words = _office_words(doc, ti)
    if words and " ".join(words) in word_class("company_offices"):
        company = _article_company(clusters)  # "Chief Financial Officer X" in a story about one company (issue 11)
        return (company, "office-of-article-company") if company is not None else None
    if not words or not any(w in lexicon().official_titles for w in words):
        return None
    named = _named_elsewhere(doc, ti, words, mm, clusters)
    if named is not None:
        return named, "office-named-elsewhere"
    if " ".join(words) in word_class("national_offices"):
        country = _article_country(clusters)
        if country is not None and country is not ti.cluster:
            return country, "office-of-article-country"
    return None


def _country_cluster(c: Cluster, clusters: list[Cluster]) -> Cluster | None:
    if c.type != NORP:
        return c if c.type in (GPE, ORG) else None
    return next((x for x in clusters if x.type == GPE and c.country and x.country == c.country), None)


def _positions(words: list[str], word: str) -> Iterator[int]:
    """The indices of ``word`` in ``words`` (the doc's folded words), ascending: ``list.index`` scans in
    C, where a per-doc dict of every word's positions cost a Python step per token."""
    i = -1
    try:
        while True:
            i = words.index(word, i + 1)
            yield i
    except ValueError:
        return


def _named_elsewhere(doc: "Doc", ti: TitleInfo, words: tuple[str, ...], mm: MentionMap,
                     clusters: list[Cluster]) -> Cluster | None:
    """The one place the article writes with this office outside the person's own phrase."""
    fw_ = folded(doc)
    fw = fw_
    toks = tokens(doc)
    n, k = len(doc), len(words)
    found: list[Cluster] = []
    taken: list[Cluster] = []  # places whose office another named person holds ("Velmarian President Y")
    former = ti.title is not None and fw_[ti.title[0]] in word_class("office_time_words")
    for i in _positions(fw, words[0]):
        if i + k > n or tuple(fw[i:i + k]) != words:
            continue
        if ti.span[0] <= i < ti.span[1]:
            continue
        q = i + k
        if q < n and fw[q] in ("s", "'s"):
            continue
        after = mm.at(q) if q < n else None
        held = after is not None and after[1].type == PERSON and after[0].t0 == q
        if held and after[1] is ti.cluster:
            continue
        owner = None
        p = i - 1
        if p >= 0 and fw[p] == "-" and p >= 1 and fw[p - 1] in word_class("office_time_words"):
            p -= 2
        if p >= 0 and toks[p].tag_ == "POS":
            p -= 1
        hit = mm.at(p) if p >= 0 else None
        if hit is not None and hit[0].t1 == p + 1 and hit[1].type in (GPE, ORG, NORP):
            owner = hit[1]  # "a Tumbrian foreign minister", "Velmaria's chief minister"
        elif p >= 0 and (fw[p] in lexicon().title_modifiers or fw[p] in lexicon().titles) and fw[p] not in ("the", "a"):
            continue  # "deputy chief minister": another office
        if owner is None and q + 1 < n and fw[q] == "of":
            r = q + 2 if q + 2 < n and fw[q + 1] == "the" else q + 1
            hit = mm.at(r)
            if hit is not None and hit[0].t0 == r and hit[1].type in (GPE, ORG):
                owner = hit[1]  # "the chief minister of Velmaria"
        if owner is None:
            continue
        place = _country_cluster(owner, clusters)
        if place is None or place is ti.cluster:
            continue
        if held:  # "Velmarian President Y": that office is Y's, not a description of X's
            taken.append(place)
        elif not any(place is f for f in found):
            found.append(place)
    if not former:  # a former holder ("then-foreign minister X") may share the office with a named one
        found = [f for f in found if not any(f is t for t in taken)]
    return found[0] if len(found) == 1 else None


def _article_country(clusters: list[Cluster]) -> Cluster | None:
    """The country the article is about: named first and strictly more often than any other country."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for c in clusters:
        if c.type not in (GPE, NORP) or not c.country:
            continue
        counts[c.country] += len(c.mentions)
        first[c.country] = min(first.get(c.country, 1 << 60), c.first)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top = min(first, key=first.get)
    if ranked[0][0] != top or (len(ranked) > 1 and ranked[1][1] * _DOMINANCE > ranked[0][1]):
        return None  # an article about two countries ("Russia ... Israel") leaves the office's unknown
    return next((c for c in clusters if c.type == GPE and c.country == top), None)


def _article_company(clusters: list[Cluster]) -> Cluster | None:
    """The organization the article is about: named first among organizations and at least three times as
    often as any other."""
    orgs = sorted((c for c in clusters if c.type == ORG), key=lambda c: c.first)
    if not orgs:
        return None
    rest = max((len(c.mentions) for c in orgs[1:]), default=0)
    return orgs[0] if len(orgs[0].mentions) >= max(2, rest * _DOMINANCE) else None


_CLAUSE_ADVERBS = frozenset({"also", "now", "still", "currently", "already", "once", "later", "then", "jointly"})


def who_leads(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"X, who also heads the Unity Party", "X, who joined the Trust in 2019": a relative clause right after
    a person's name whose verb is one of data/words/membership_verbs.json and whose object is an
    organization makes X its member (the first name the clause writes must be the organization's)."""
    verbs = word_class("membership_verbs")
    fw = folded(doc)
    toks = tokens(doc)
    n = len(doc)
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            k = m.t1
            if not (k + 2 < n and fw[k] == "," and fw[k + 1] == "who"):
                continue
            v = k + 2
            while v < n and fw[v] in _CLAUSE_ADVERBS:
                v += 1
            if v >= n or toks[v].lemma_.lower() not in verbs or toks[v].pos_ not in ("VERB", "AUX"):
                continue
            for q in range(v + 1, min(n, v + 10)):
                if toks[q].is_punct and fw[q] not in ("-", "'s"):
                    break
                hit = mm.at(q)
                if hit is None:
                    continue
                if hit[1].type == ORG and hit[1] is not c:
                    out.append(RelationFound("member_of", c, hit[1], (m.start, hit[0].end), "who-leads"))
                break
    return out


def owner_in_sentence(doc: "Doc", ti: TitleInfo, mm: MentionMap) -> Cluster | None:
    """"After a meeting of the union's executive, general secretary X said": a title with no body written
    takes the organization its sentence refers to before it as a possessor ("the union's", "the company's",
    resolved by the references step), when that is the only organization, country or people the sentence
    names before the title."""
    toks_ = tokens(doc)
    if ti.title is None:
        return None
    sent = _sent_of(toks_[ti.span[0]])
    found: list[Cluster] = []
    for k in range(sent.start, ti.span[0]):
        hit = mm.at(k)
        if hit is not None:
            if hit[1].type in (ORG, GPE, NORP) and hit[1] is not ti.cluster:
                return None  # a name written before the title: the title's own rules had their chance
            continue
        c = mm.cluster_at(k)
        if c is None or c.type != ORG or any(c is f for f in found):
            continue
        e = k
        while e + 1 < ti.span[0] and mm.cluster_at(e + 1) is c and mm.at(e + 1) is None:
            e += 1
        if e + 1 < ti.span[0] and toks_[e + 1].tag_ == "POS":
            found.append(c)
    return found[0] if len(found) == 1 else None


def of_org_members(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"X of the Velmar Trust", "X of The Tumbrian": a person named with an organization right after "of" is
    its member (issue 11). The organization's name must start right there and be more than one unknown word
    (an acronym or a name of two words or more), since a place the typing took for a body ("X of Velmora")
    is where the person is from. ("X is the director of Y" is the title's own rule.)"""
    fw = folded(doc)
    n = len(doc)
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            k = m.t1
            if k + 1 >= n or fw[k] != "of":
                continue
            for p in (k + 1, k + 2) if fw[k + 1] == "the" else (k + 1,):
                hit = mm.at(p) if p < n else None
                if hit is not None and hit[0].t0 == p:
                    body, bm = hit[1], hit[0]
                    if body.type == ORG and body is not c and (bm.kind == "acronym" or bm.t1 - bm.t0 >= 2):
                        out.append(RelationFound("member_of", c, body, (m.start, bm.end), "of-org"))
                    break
    return out


def spokesperson_body(doc: "Doc", ti: TitleInfo, clusters: list[Cluster]) -> Cluster | None:
    """"said the spokeswoman, X" where the article wrote "a spokeswoman for the airline said" before: the
    definite spokesperson is the one introduced, who speaks for the organization the article has named most
    before the phrase (of equals, the first named; data/words/spokesperson_nouns.json, issue 11)."""
    if ti.title is None or ti.title[1] - ti.title[0] != 1 or ti.title[0] < 1:
        return None
    fw, k = folded(doc), ti.title[0]
    if fw[k] not in word_class("spokesperson_nouns") or fw[k - 1] != "the":
        return None
    first = doc.user_data.get("newsledger:indefinite_spokesperson")
    if first is None:  # where "a spokeswoman" / "an airline spokesman" is first written (once per doc)
        nouns = word_class("spokesperson_nouns")
        first = next((q for q, w in enumerate(fw) if w in nouns
                      and any(fw[p] in ("a", "an") for p in range(max(0, q - 3), q))), len(fw))
        doc.user_data["newsledger:indefinite_spokesperson"] = first
    if first >= k:
        return None
    return _most_named_before(doc, clusters, k)


def _most_named_before(doc: "Doc", clusters: list[Cluster], k: int) -> Cluster | None:
    """The organization named most often in the mentions ending by token ``k`` (of equals, the first named);
    the leader after each mention is found in one pass per doc, then looked up by bisection."""
    import bisect
    leaders = doc.user_data.get("newsledger:org_leaders")
    if leaders is None:
        ms = sorted((m.t1, c.first, id(c)) for c in clusters if c.type == ORG for m in c.mentions)
        by_id = {id(c): c for c in clusters}
        counts: Counter = Counter()
        ends: list[int] = []
        lead: list[Cluster] = []
        best: tuple[int, int] | None = None
        best_c: Cluster | None = None
        for t1, first, cid in ms:
            counts[cid] += 1
            key = (counts[cid], -first)
            if best is None or key > best:
                best, best_c = key, by_id[cid]
            ends.append(t1)
            lead.append(best_c)  # type: ignore[arg-type]
        leaders = doc.user_data["newsledger:org_leaders"] = (ends, lead)
    ends, lead = leaders
    p = bisect.bisect_right(ends, k)
    return lead[p - 1] if p else None
