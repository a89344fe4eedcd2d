"""Attributes of entities and the relations between them, read from the words around each name.

**Titles** come from the noun phrase written before a name ("Deputy Trade Minister X", "Tarvos'
regional leader X", "Chilean Ambassador to Norway X"), from an appositive after it ("X,
secretary-general of the UDA", "X, a retired navy admiral") and from a title phrase the name is in
apposition to ("Its treasurer, X", "The head of the Authority, X"). The same phrases give
**affiliation**: an organization or country written inside the title ("UDA spokesman"), its
possessor ("Chile's ambassador", "Its treasurer" once "its" is resolved) or an "of" phrase
("head of the Authority"); a place after "to" ("Ambassador to Norway") is where the post
is, not whom it serves. Every affiliation is also a ``member_of`` relation.

A demonym or country in the title of someone who is not an official ("a Danish journalist") is
their **citizenship** instead.

**Age** from ", 41," after a name and "a 57-year-old"; **residence** from ", from <place>", "a
<demonym> resident", "resident of", "<place>-based", "his home in <place>"; **citizenship** from
"holds <demonym> citizenship", "a <demonym> citizen"; **origin** from "a <place> native",
"native of", "born in". Pronouns resolved to a person count as that person ("He became a
Danish citizen").

``member_of`` also comes from "X's firm, Y", "her employer, Y", "X, whose company, Y".

**Family** relations from a kinship word with a possessor and a name in apposition ("his sister,
Orla", "Brandt's wife, Ilse", lists that share the possessor: "his father, Jonas,
uncle, Tomas and cousin, Mira Feld"), from "whose <kin>, Y" and from "X is the <kin>
of Y" (read backwards: X's parent is Y, gendered when Y's gender is known).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...analysis.clause import own_subject
from ...analysis.reference import latest_carrier
from ...analysis.rules import rule_table
from ...analysis.words import word_class
from ...records import Attributes
from ...trace import tracing
from .._doc import folded, span_text, tokens
from .._doc import sent_of as _sent_of
from .lex import country_name, fold, lexicon
from .names import GPE, LOC, NORP, ORG, PERSON, Cluster, NameMention
from .clusters import sub_bodies
from .titles import _age_at, find_titles, _is_title, MentionMap, RelationFound, TitleInfo
from .family import _family
from .clubs import section_members, sports_report
from .title_acronyms import title_acronyms
from .parties import persons_party, political_group
from .offices import of_org_members, office_place, owner_in_sentence, spokesperson_body, who_leads
from .trace import trace_attributes

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TitleInfo", "RelationFound", "find_titles", "find_attributes", "MentionMap"]

_NAME_LINKS = {"of", "the", "and", "for"}  # function words inside a body's name ("Bank of Arvelia")
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."}  # forms of address, not titles
_TEAM_ROLES = word_class("club_roles")  # a role in a team: a country named with it is the national side
_EMPLOYER = frozenset({"employer", "employers", "party", "newspaper", "company", "firm", "organization"})


# ============================================================================ attributes
def find_attributes(doc: "Doc", clusters: list[Cluster], titles: list[TitleInfo],
                    ids: dict[int, str]) -> tuple[dict[int, Attributes], list[RelationFound]]:
    """Attributes by ``id(cluster)`` (entity values as the ids in ``ids``) and the relations found."""
    mm = MentionMap(doc, clusters)
    mm.add_extra(clusters)
    acc: dict[int, dict] = {}
    relations: list[RelationFound] = []

    def bag(c: Cluster) -> dict:
        return acc.setdefault(id(c), {"age": None, "titles": [], "affiliation": [], "citizenship": [],
                                      "residence": [], "origin": [], "why": []})

    for ti in titles:
        b = bag(ti.cluster)
        if ti.title:
            t = ti.text or doc[ti.title[0]:ti.title[1]].text
            if t and fold(t) not in _HONORIFICS and fold(t) not in {fold(x) for x in b["titles"]}:
                b["titles"].append(t)
                _why(b, "titles", t, ti.rule or "title-phrase", _chars(doc, *ti.span))
        orgs = list(ti.orgs)
        generic = _generic_org(doc, ti, clusters, mm)
        if generic is not None and not orgs:
            orgs.append(generic)
        body = _title_body(doc, ti, clusters) if not orgs and not b["affiliation"] else None
        if body is not None:  # "Health Minister X" and "the Health Ministry" (rules/title_bodies.json)
            orgs.append(body)
        described = _described_after(doc, ti, mm) if not orgs else None
        last = ti.span[1] - 1  # the evidence ends with the phrase, or with the description it names
        if described is not None:
            orgs.append(described[0])
            last = max(last, described[1])
        rule = ti.rule or "title-affiliation"
        office = office_place(doc, ti, clusters, mm) if not orgs and not b["affiliation"] \
            and ti.possessor_tok is None else None
        if office is not None:  # "Chief Minister X" and "the chief minister of Y" (entities/offices.py)
            orgs.append(office[0])
            rule = office[1]
        owner = owner_in_sentence(doc, ti, mm) if not orgs and not b["affiliation"] else None
        if owner is not None:  # "a meeting of the union's executive, general secretary X said"
            orgs.append(owner)
            rule = "owner-in-sentence"
        voice = spokesperson_body(doc, ti, clusters) if not orgs and not b["affiliation"] else None
        if voice is not None:  # "a spokeswoman for the airline said ... said the spokeswoman, X"
            orgs.append(voice)
            rule = "spokesperson-introduced"
        based = _based_in(doc, ti, mm)
        if based is not None and _add(b["residence"], based):
            _why(b, "residence", based, "based-in", _chars(doc, *ti.span))
        official = ti.title is not None and any(w in lexicon().official_titles for t in tokens(doc)[ti.title[0]:ti.title[1]]
                                                for w in title_acronyms(doc).get(t.text, (fold(t.text),)))
        seats = (ORG, GPE, LOC) if official else (ORG, GPE)  # "<Province>'s home secretary" serves the province
        if ti.title is not None and any(w in word_class("past_office_words") for w in folded(doc)[max(0, ti.span[0] - 2):ti.title[1]]):
            seats = ()  # "former Orrin City mayor X": no longer the city's (SPEC: belongs to, leads)
        if ti.possessor_tok is not None:
            owner = mm.cluster_at(ti.possessor_tok)
            if owner is not None and owner.type in (*seats, NORP) and (owner.type != LOC or _governed(doc, owner)):
                # "Chile's U.N. ambassador" serves Chile, not the U.N.; "the country's Tumbrian coach" is Tumbrian
                orgs = [owner] + [o for o in orgs if o.type == NORP and o is not owner]
            if owner is not None and owner.type == PERSON:
                # "Brandt's lawyer": a personal tie, not an affiliation; but "his Tajik counterpart"
                # serves the country written in the title
                orgs = [o for o in ti.orgs if o.type in (GPE, NORP)]
        team = not official and ti.title is not None and folded(doc)[ti.title[1] - 1] in _TEAM_ROLES \
            and sports_report(doc)  # "Velmaria defender X", "the country's coach": the national side (issue 11)
        for o in orgs:
            if not official and o.type in (NORP, GPE) and o.country and not (team and o.type == GPE):
                # "a Danish journalist": a nationality, not an employer
                v = _country_of(o, clusters) or country_name(o.country)
                if _add(b["citizenship"], v):
                    _why(b, "citizenship", v, "title-demonym", _chars(doc, *ti.span))
                continue
            o = _country_of(o, clusters)
            if o is None or o is ti.cluster or o.type == LOC and not _governed(doc, o) \
                    or o.type not in seats and not (seats and political_group(o)):
                continue  # (a party the tagger calls a political group, NORP, serves like a body: issue 11)
            if not any(x is o for x in b["affiliation"]):
                b["affiliation"].append(o)
                s, e = doc[ti.span[0]].idx, doc[last].idx + len(doc[last].text)
                relations.append(RelationFound("member_of", ti.cluster, o, (s, e), rule))
                _why(b, "affiliation", o, rule, (s, e))
    for r in [*_owned_orgs(doc, clusters, mm), *_org_possessed(doc, clusters, mm), *who_leads(doc, clusters, mm),
              *persons_party(doc, clusters, mm),
              *of_org_members(doc, clusters, mm),
              *section_members(doc, clusters),
              *(RelationFound("member_of", part, whole, (m.start, m.end), "sub-body")
                for part, whole, m in sub_bodies(clusters))]:
        if not any(x is r.object for x in bag(r.subject)["affiliation"]):
            bag(r.subject)["affiliation"].append(r.object)
            relations.append(r)
            _why(bag(r.subject), "affiliation", r.object, r.rule, r.evidence)
    for c in clusters:
        if c.type != PERSON:
            continue
        for m in c.mentions:
            _age(doc, m, bag(c))
            _places(doc, m.t0, m.t1, c, bag(c), mm, clusters)
        for s, e in c.extra:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                _places(doc, span.start, span.end, c, bag(c), mm, clusters)
    for c, party, ev in _party_members(doc, clusters):
        if _add(bag(c)["affiliation"], party):
            _why(bag(c), "affiliation", party, "party-member", ev)
    for owner, place, ev in _homes(doc, mm, clusters):
        if _add(bag(owner)["residence"], place):
            _why(bag(owner), "residence", place, "home-in", ev)
    relations.extend(_family(doc, clusters, mm))
    courtesy = word_class("courtesy_titles")
    for b in acc.values():  # "Director of Public Health Dr X": the role is the title, "Dr" only a form of address
        if any(fold(t) not in courtesy for t in b["titles"]) and any(fold(t) in courtesy for t in b["titles"]):
            b["titles"] = [t for t in b["titles"] if fold(t) not in courtesy]
            b["why"] = [w for w in b["why"] if not (w[0] == "titles" and isinstance(w[1], str) and fold(w[1]) in courtesy)]
    if tracing(doc):
        trace_attributes(doc, [(c, acc[id(c)]["why"]) for c in clusters if id(c) in acc], ids, relations)
    out: dict[int, Attributes] = {}

    def _ref(o: "Cluster | str") -> str:
        return o if isinstance(o, str) else ids[id(o)]

    for key, b in acc.items():
        out[key] = Attributes(
            age=b["age"], titles=tuple(b["titles"]),
            affiliation=tuple(_ref(o) for o in b["affiliation"]),
            citizenship=tuple(_ref(o) for o in b["citizenship"]),
            residence=tuple(_ref(o) for o in b["residence"]),
            origin=tuple(_ref(o) for o in b["origin"]),
        )
    return out, relations


def _governed(doc: "Doc", c: Cluster) -> bool:
    """A place the article names as a unit with a government of its own ("Kestria province", "Dorr
    County": ``governed_units``), whose officials serve it; not a village, a valley or a river."""
    units = word_class("governed_units")
    fw_ = folded(doc)
    return any(fw_[m.t1 - 1] in units or m.t1 < len(doc) and fw_[m.t1] in units for m in c.mentions)


def _country_of(c: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """A NORP demonym entity stands for its country where the article names it."""
    if c.type != NORP or not c.country:
        return c
    for x in clusters:
        if x.type == GPE and x.country == c.country:
            return x
    return None


_YEAR_OLD_AFTER = re.compile(r"\s*,\s*(?:a|an)\s+(\d{1,3})-year-old\b")
_YEAR_OLD_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z-]+,?\s+){0,3}$")
_AGED: dict[tuple[str, ...], "re.Pattern[str]"] = {}


def _aged(words: tuple[str, ...]) -> "re.Pattern[str]":
    """The pattern of an age word and a number ("aged 61") for the lexicon's age words, compiled once
    (it was formatted and looked up in re's cache for every name)."""
    got = _AGED.get(words)
    if got is None:
        _AGED.clear()  # one entry: the lexicon's words
        got = _AGED[words] = re.compile(r"\s*,?\s*(?:%s)\s+(\d{1,3})\b" % "|".join(words))
    return got


def _age(doc: "Doc", m: NameMention, b: dict) -> None:
    toks = tokens(doc)
    if b["age"] is not None:
        return
    k = m.t1
    if k + 2 < len(doc) and toks[k].text == "," and _age_at(doc, k + 1):
        b["age"] = int(toks[k + 1].text)
        _why(b, "age", b["age"], "comma-number", _chars(doc, m.t0, k + 2))
        return
    # "X, a 48-year-old judge" / "the 48-year-old X"
    after = span_text(doc, m.t1, m.t1 + 8)  # (doc.text would rebuild the whole text: slices of spans stay local)
    mt = _YEAR_OLD_AFTER.match(after) or _aged(lexicon().age_words).match(after)  # "X, aged 61,"
    if mt and 0 < int(mt.group(1)) < 120:  # a 999-year-old is no person's age: null, not a guess
        b["age"] = int(mt.group(1))
        _why(b, "age", b["age"], "year-old-after", (m.start, doc[m.t1].idx + mt.end()))
        return
    before = span_text(doc, max(0, m.t0 - 8), m.t0) + " "
    mt = _YEAR_OLD_BEFORE.search(before)  # "a 32-year-old nurse, X"
    if mt and 0 < int(mt.group(1)) < 120:
        b["age"] = int(mt.group(1))
        _why(b, "age", b["age"], "year-old-before", (doc[max(0, m.t0 - 8)].idx + mt.start(), m.end))


def _place_value(doc: "Doc", t: int, mm: MentionMap, clusters: list[Cluster]) -> "Cluster | str | None":
    """The place named at token t: its entity (a demonym's country where named), else the word."""
    hit = mm.at(t)
    if hit is None:
        return None
    m, c = hit
    if c.type == NORP:
        return _country_of(c, clusters) or m.text
    if c.type in (GPE, LOC):
        return c
    return None


def _places(doc: "Doc", t0: int, t1: int, c: Cluster, b: dict, mm: MentionMap, clusters: list[Cluster]) -> None:
    """Residence, citizenship and origin in the clause after a mention (and the appositive)."""
    fw_ = folded(doc)
    toks = tokens(doc)
    n = len(doc)
    k = t1
    end = min(n, k + 25)
    sent_end = _sent_of(toks[t0]).end
    end = min(end, sent_end)
    i = k
    while i < end:
        w = fw_[i]
        if w == "from" and k < n and toks[k].text == "," and _appositive_until(doc, k + 1, i):
            q = i + 1
            if (q + 2 < end and fw_[q] == "the" and fw_[q + 1] in lexicon().place_keywords
                    and fw_[q + 2] == "of"):
                q += 3  # "from the town of X"
            v = _place_value(doc, q, mm, clusters)
            if v is not None and _add(b["residence"], v):
                _why(b, "residence", v, "from-place", _chars(doc, t0, q + 1))
        if w in ("resident", "native", "citizen", "national") and i > k:
            v = _place_value(doc, i - 1, mm, clusters)
            key = {"resident": "residence", "native": "origin", "citizen": "citizenship",
                   "national": "citizenship"}[w]
            if v is not None:
                if _add(b[key], v):
                    _why(b, key, v, f"place-{w}", _chars(doc, t0, i + 1))
            elif i + 2 < end and fw_[i + 1] == "of":
                v = _place_value(doc, i + 2, mm, clusters)
                if v is not None and _add(b[key], v):
                    _why(b, key, v, f"{w}-of-place", _chars(doc, t0, i + 3))
        if w == "citizenship" and i > k:
            v = _place_value(doc, i - 1, mm, clusters)
            if v is not None and _add(b["citizenship"], v):
                _why(b, "citizenship", v, "place-citizenship", _chars(doc, t0, i + 1))
        if w == "born" and i + 2 < end and fw_[i + 1] == "in":
            v = _place_value(doc, i + 2, mm, clusters)
            if v is not None and _add(b["origin"], v):
                _why(b, "origin", v, "born-in", _chars(doc, t0, i + 3))
        # stop at the next person named: what follows is about them
        hit = mm.at(i)
        if hit and hit[1].type == PERSON and hit[1] is not c:
            break
        i += 1


_APPOSITIVE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})


def _appositive_until(doc: "Doc", k: int, i: int) -> bool:
    """Tokens ``k:i`` (after "X,") are empty, an age, or a short noun phrase with a title head
    ("a law student"), so a "from" at ``i`` still describes X ("X, 23, a farmer from Y")."""
    if _age_at(doc, k):
        k += 2
    if i == k:
        return True
    words = doc[k:i]
    return (len(words) <= 6 and all(t.pos_ in _APPOSITIVE_POS or t.text == "-" for t in words)
            and _is_title(folded(doc)[i - 1]))


def _homes(doc: "Doc", mm: MentionMap,
           clusters: list[Cluster]) -> list[tuple[Cluster, "Cluster | str", tuple[int, int]]]:
    """"his home in X", "outside their house in X": where the owner lives ("their" is the clause's subject);
    with the evidence ("his home in X", character offsets)."""
    fw_ = folded(doc)
    out: list[tuple[Cluster, Cluster | str, tuple[int, int]]] = []
    toks = tokens(doc)
    for i, w in enumerate(fw_):  # the word first: a Token's attributes only where it matters
        if w not in ("home", "house", "apartment", "flat"):
            continue
        t = toks[i]
        if t.i < 1 or t.i + 2 >= len(doc):
            continue
        poss = doc[t.i - 1]
        if fold(poss.text) not in ("his", "her", "their") or fw_[t.i + 1] != "in":
            continue
        place = _place_value(doc, t.i + 2, mm, clusters)
        if place is None:
            continue
        owner = mm.cluster_at(poss.i)
        if owner is None and fold(poss.text) == "their":
            verb = t.head
            while verb.dep_ != "ROOT" and verb.pos_ != "VERB" and verb.head.i != verb.i:
                verb = verb.head
            subj = own_subject(verb)
            owner = mm.cluster_at(subj.i) if subj is not None else None
        if owner is not None and owner.type == PERSON:
            out.append((owner, place, _chars(doc, poss.i, t.i + 3)))
    return out


def _add(lst: list, v: "Cluster | str") -> bool:
    """Append ``v`` unless already there; whether it was appended."""
    if not any(x is v or x == v for x in lst):
        lst.append(v)
        return True
    return False


def _party_members(doc: "Doc", clusters: list[Cluster]) -> list[tuple[Cluster, str, tuple[int, int]]]:
    """"X, a Democrat, is due ...": the capitalized party-member noun in apposition to a person's name
    (``party_member_nouns``), as written."""
    words = word_class("party_member_nouns")
    fw_, n, out = folded(doc), len(doc), []
    for c in clusters:
        for m in c.mentions if c.type == PERSON else ():
            k = m.t1 + 2
            if not (k < n and doc[m.t1].text == "," and fw_[m.t1 + 1] in ("a", "an") and doc[k].text[:1].isupper()):
                continue
            end = k + 2 if k + 2 < n and f"{fw_[k]} {fw_[k + 1]}" in words else k + 1
            if (" ".join(fw_[k:end]) in words and end < n and (doc[end].is_punct or fw_[end] in ("from", "who", "and"))
                    and not (end + 1 < n and doc[end].text == "-")):
                out.append((c, doc[k:end].text, _chars(doc, m.t0, end)))
    return out


def _why(b: dict, key: str, v: object, rule: str, ev: tuple[int, int] | None) -> None:
    """Remember which rule gave attribute ``key`` the value ``v`` (evidence: character offsets), for the trace."""
    b["why"].append((key, v, rule, ev))


def _chars(doc: "Doc", t0: int, t1: int) -> tuple[int, int]:
    """Character offsets of tokens ``t0:t1`` (clipped to the doc)."""
    t1 = max(t0 + 1, min(t1, len(doc)))
    return doc[t0].idx, doc[t1 - 1].idx + len(doc[t1 - 1].text)


def _generic_org(doc: "Doc", ti: TitleInfo, clusters: list[Cluster], mm: MentionMap) -> Cluster | None:
    """"ministry spokesman X": the organization of that kind named last before the phrase."""
    lex = lexicon()
    if ti.title is None:
        return None
    for t in tokens(doc)[ti.span[0]:ti.title[1]]:
        w = fold(t.text)
        if (t.is_lower or t.is_sent_start) and w in lex.org_generic_refs and not mm.at(t.i):
            # the latest organization named before the phrase whose name holds the word (analysis.reference)
            orgs = [c for c in clusters if c.type == ORG and w in {fold(x) for f in c.forms() for x in f.split()}]
            named = sorted(((m.start, k, c) for k, c in enumerate(orgs) for m in c.mentions), key=lambda x: x[:2])
            return latest_carrier(named, t.idx, lambda x: x[2], position=lambda x: x[0])
    return None


def _title_body(doc: "Doc", ti: TitleInfo, clusters: list[Cluster]) -> Cluster | None:
    """"Health Minister X" with "the Health Ministry", "Governor X ... the Bank of Y": the one organization
    whose name holds a body word of the title and all its portfolio words (rows of rules/title_bodies.json)."""
    if ti.title is None:
        return None
    words = [fold(t.text) for t in tokens(doc)[ti.title[0]:ti.title[1]]]
    honor = word_class("honorifics")
    while len(words) > 1 and (words[-1] in honor or words[-1] + "." in honor):
        words.pop()  # "Health Minister Dr.": the office is the minister's
    if not words:
        return None
    cut = next((k for k, w in enumerate(words) if w in ("of", "for")), 0)
    if 0 < cut < len(words) - 1:  # "Deputy Minister of Health": read as "deputy health minister" (issue 11)
        words = words[:cut - 1] + [w for w in words[cut + 1:] if w not in _NAME_LINKS] + [words[cut - 1]]
    sent = _sent_of(doc[ti.span[0]])
    for row in rule_table("title_bodies")["rows"]:
        y = row["yields"]
        if words[-1] not in y["titles"]:
            continue
        portfolio = {w for w in words[:-1] if w not in y["ranks"]}
        if portfolio & set(y["state_portfolios"]):
            continue  # a foreign minister speaks for the state, not for the ministry
        found = []
        for c in clusters:
            if c.type != ORG or c is ti.cluster or fold(c.name.split()[-1]) in word_class("member_body_heads"):
                continue  # (the "Police Union" is its members' body, not the police service; issue 11)
            names = [{fold(x) for x in f.split()} for f in c.forms()]
            near = any(sent.start_char <= m.start < sent.end_char for m in c.mentions)
            # elsewhere, all of the body's name is the title's; scope "only": the one body of the article
            # whose name holds the service word ("police spokesman X" and "the Velmar Islands Police Service")
            exact = near or y["scope"] in ("sentence", "only")
            if not any(set(y["bodies"]) & n and portfolio <= n and (exact or n <= portfolio | set(y["bodies"]) | _NAME_LINKS)
                       for n in names):  # "Russian Foreign Ministry" may be another state's
                continue
            if near or (y["scope"] in ("document", "only") and portfolio):
                found.append(c)
        if len(found) == 1:
            return found[0]
    return None


def _described_after(doc: "Doc", ti: TitleInfo, mm: MentionMap) -> tuple[Cluster, int] | None:
    """"spokeswoman for the ruling bloc's delegation": an organization referred to by a description
    (resolved by the references step, after the titles were read) in the phrase after the title."""
    fw_ = folded(doc)
    if ti.title is None:
        return None
    q = ti.title[1]
    if q + 2 >= len(doc) or fw_[q] not in ("of", "for", "at") or fw_[q + 1] != "the" \
            or mm.at(q + 1) is not None:
        return None
    c = mm.cluster_at(q + 1)
    if c is None or c.type != ORG or c is ti.cluster:
        return None
    end = q + 1
    while end + 1 < len(doc) and mm.cluster_at(end + 1) is c and mm.at(end + 1) is None:
        end += 1
    return c, end


def _based_in(doc: "Doc", ti: TitleInfo, mm: MentionMap) -> Cluster | None:
    """"His Castrel-based accountant": the person lives and works in Castrel."""
    for t in tokens(doc)[ti.span[0]:ti.span[1]]:
        if fold(t.text) == "based" and t.i >= 2 and doc[t.i - 1].text == "-":
            hit = mm.at(t.i - 2)
            if hit and hit[1].type in (GPE, LOC):
                return hit[1]
    return None


def _owned_orgs(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"Holm's firm, Vestrabyg": the person belongs to the organization."""
    fw_ = folded(doc)
    lex = lexicon()
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != ORG:
            continue
        for m in c.mentions:
            k = m.t0
            if not (k >= 3 and doc[k - 1].text == "," and fw_[k - 2] in lex.org_nouns_before | _EMPLOYER):
                continue
            if doc[k - 3].tag_ == "POS" and k >= 4:
                owner = mm.cluster_at(k - 4)
            elif fw_[k - 3] in ("his", "her"):
                owner = mm.cluster_at(k - 3)
            elif fw_[k - 3] == "whose":  # "X, whose company, Y, ..."
                owner = next((mm.cluster_at(q) for q in range(k - 4, max(-1, k - 12), -1)
                              if mm.cluster_at(q) is not None and mm.cluster_at(q).type == PERSON), None)
            else:
                continue
            if owner is not None and owner.type == PERSON:
                start = doc[k - 4].idx if doc[k - 3].tag_ == "POS" else doc[k - 3].idx
                out.append(RelationFound("member_of", owner, c, (start, m.end), "employer-apposition"))

    return out


def _org_possessed(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"Hexacorp's Dara Quell", "Velmar Rovers' Ilsa Varn": a name owned by an organization is one of its
    people (a country's is left alone: "Arvelia's Oren Malik" may be a citizen, not an official); "the Port
    Authority's Office of Dredging": a body named "<Unit> of <task>" owned by a body is a part of it
    (issue 11; a numbered unit, "the army's 3rd Brigade", is left alone)."""
    out: list[RelationFound] = []
    fw_ = folded(doc)
    for c in clusters:
        if c.type not in (PERSON, ORG):
            continue
        for m in c.mentions:
            k = m.t0
            if k < 2 or doc[k - 1].tag_ != "POS":
                continue
            if c.type == ORG and not (m.t1 - k >= 3 and fw_[k + 1] in ("of", "for") and doc[k].is_title):
                continue
            hit = mm.at(k - 2)
            if hit is not None and hit[1].type == ORG and hit[1] is not c:
                out.append(RelationFound("member_of", c, hit[1], (hit[0].start, m.end), "org-possessive"))
    return out
