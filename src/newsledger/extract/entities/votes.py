"""Typing a name mention by weighted votes (step 3 of :mod:`.names`): gazetteers, head words, a title
or family word before the name, spaCy's label. Every vote is a row of data/rules/entity_votes.json."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ...analysis.rules import rule_table
from ...analysis.words import word_class
from ...errors import LanguageDataError
from .._doc import dateline_tokens, ent_types, folded, tokens
from .clubs import club_context
from .casing import before_unit_plural, state_of_code
from .lex import country_code, demonym_country, fold, is_city, lexicon
from .mentions import _cap, _DIRECTIONS, FAC, GPE, LOC, NameMention, NORP, ORG, PARTICLES, PERSON
from .kin_lists import after_kin_list
from .roads import road_number_at
from .routes import route_pair_at
from .title_acronyms import title_acronyms
from .title_seats import seat_of_title
from .place_lists import name_lists
from .leader_bodies import leader_government_at

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ============================================================================ typing
_MIXED_ACRONYM = re.compile(r"^[A-Z]{2,}[a-z]+[A-Za-z]*$")  # "VRFCom"; "McAllan" opens with one capital
_SPACY = {"PERSON": PERSON, "ORG": ORG, "GPE": GPE, "LOC": LOC, "FAC": FAC, "NORP": NORP}


@functools.cache
def _vote_weights() -> dict[str, float | None]:
    """Weight of each typing rule, from its row in data/rules/entity_votes.json."""
    return {r["id"]: r["yields"]["weight"] for r in rule_table("entity_votes")["rows"]}


def _vote_for(m: NameMention, label: str, rule: str, weight: float | None = None) -> None:
    """Add the weight of the typing rule ``rule`` (its row's, or ``weight``) to ``label`` for ``m``,
    remembering which rule voted (``entities.type.<rule>`` in the trace)."""
    w = _vote_weights()[rule] if weight is None else weight
    if w is None:
        raise LanguageDataError(f"data/rules/entity_votes.json: rule {rule!r} has no weight; give it one")
    m.votes[label] += w
    m.why.append((rule, label, w))


def _after_plural_title(doc: "Doc", t0: int) -> bool:
    """A lower-case plural title stands just before the name, or before the name joined to it by "and"
    ("prime ministers A and B", "co-chairs A and B": each is a person)."""
    fw, toks = folded(doc), tokens(doc)
    k = t0 - 1
    if k >= 1 and fw[k] == "and":
        k -= 1
        while k >= 0 and toks[k].text[:1].isupper() and k > t0 - 7:
            k -= 1
    if k < 0 or not toks[k].is_lower or not fw[k].endswith("s"):
        return False
    w = fw[k]
    single = w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return single in lexicon().titles and single not in lexicon().org_keywords


@functools.cache
def _place_words() -> frozenset[str]:
    """The lexicon's place words less the compass directions ("the town of X", not "the north of X")."""
    return frozenset(lexicon().place_keywords - _DIRECTIONS)


def _vote(doc: "Doc", m: NameMention) -> None:
    fw_ = folded(doc)
    toks = tokens(doc)
    lex = lexicon()
    words = [fold(w) for w in m.text.replace("-", " ").split()]
    v = m.votes
    if m.kind in ("demonym", "state"):
        m.country = demonym_country(m.text)
        _vote_for(m, NORP, "demonym")
        return
    if len(words) > 1 and toks[m.t0].text == "The" and demonym_country(" ".join(m.text.split()[1:])) \
            and not toks[m.t0].is_sent_start and fold(toks[m.t0 - 1].text) not in (":", "\u201c", "\"", "'"):
        _vote_for(m, ORG, "the-demonym-title")  # "a reporter of The Tumbrian": a paper's title
        return
    code = country_code(m.text)
    if code:
        m.country = code
        _vote_for(m, GPE, "country-name")
        return
    if m.kind == "acronym":
        _vote_for(m, ORG, "acronym")
    elif m.t1 - m.t0 == 1 and _MIXED_ACRONYM.match(m.text) and not m.text.endswith(("s", "'")):
        _vote_for(m, ORG, "mixed-case-acronym")  # "VRFCom commander X": a body's short name (issue 11)
    if words and ((toks[m.t0].is_lower and words[0] in lex.facility_heads)
                  or (toks[m.t1 - 1].is_lower and words[-1] in lex.facility_heads)):
        _vote_for(m, FAC, "facility-head")  # "the port of X", "the X port" (names._facilities)
    if any(w in lex.org_keywords for w in words):
        _vote_for(m, ORG, "org-keyword")
    if leader_government_at(doc, m):
        _vote_for(m, ORG, "leader-government")  # "the Halvorsen government": the leader's government (issue 11)
    if seat_of_title(doc, m.t0, m.t1):
        _vote_for(m, GPE, "unit-title-seat")  # "Tarvani District Collector X", "says Tarvani Collector" (issue 11)
    if m.t1 - m.t0 >= 2 and road_number_at(doc, m.t0, m.t1 - 1):
        _vote_for(m, FAC, "road-number")  # "the Coastal Highway 212", "Route 9": a road (issue 11)
    fw = fw_
    after = fw[m.t1:m.t1 + 2]
    org_after = bool(after) and (after[0] in lex.org_nouns_after or " ".join(after) in lex.org_nouns_after)
    if words and (words[-1] in lex.place_keywords and len(words) > 1 or words[0] in lex.place_prefixes) \
            and not org_after:  # "the Harbour Coast newspaper" is a paper
        admin = words[-1] in lex.place_administrative  # "X County" is a polity, "X River" a place
        _vote_for(m, LOC if words[-1] in lex.place_keywords and not admin else GPE, "place-keyword")
    datelines = dateline_tokens(doc)
    spacy_labels = _spacy_labels(doc, m)  # (read twice below)
    if m.t0 in datelines and m.t0 > 0 and toks[m.t0 - 1].text == "(":
        _vote_for(m, ORG, "dateline-agency")  # "TOKYO (Sputnik) —": the agency that filed the story
    elif m.t0 in datelines and not (len(words) > 1 and spacy_labels.get(ORG)):
        _vote_for(m, GPE, "dateline")  # "VELMAR, Tumbria —": a dateline names where the story was filed (or a body's seat)
    if is_city(m.text):
        _vote_for(m, GPE, "city-gazetteer")
    if m.full is not None and state_of_code(m.text) == m.full:
        _vote_for(m, GPE, "state-code")  # "CA" where the story names California
    if before_unit_plural(doc, m.t1):
        _vote_for(m, GPE, "unit-plural")  # "Velmar and Tarnwick counties": units of a state's map
    if m.t1 - m.t0 == 1 and (route_pair_at(doc, m.t1) or m.t0 > 0 and route_pair_at(doc, m.t0 - 1)):
        _vote_for(m, GPE, "route-end")  # "the Orvelle-Tamsbury highway": each end of a route is a place (issue 11)
    if m.t1 - m.t0 >= 2 and m.t1 + 1 < len(toks) and toks[m.t1].is_lower and fw_[m.t1] in word_class("party_roles") \
            and _cap(toks[m.t1 + 1]) and not toks[m.t1 + 1].is_sent_start:
        _vote_for(m, ORG, "party-role-after")  # "Nua Tarra councillor Odo Brask": the party of its member (issue 11)
    if m.pre_title:
        _vote_for(m, PERSON, "title-before")
    before = fw[max(0, m.t0 - 3):m.t0]
    if before[-1:] and before[-1] in lex.titles or before[-2:-1] and before[-1] == "," and before[-2] in lex.titles:
        _vote_for(m, PERSON, "title-before-word")
    if _after_plural_title(doc, m.t0):
        _vote_for(m, PERSON, "plural-title-before")  # "former prime ministers A and B" (issue 11)
    if before[-2:-1] and before[-1] == "," and (before[-2] in lex.family):
        _vote_for(m, PERSON, "family-word-comma")
    if before[-1:] and before[-1] in lex.family:
        _vote_for(m, PERSON, "family-word-before")
    if after_kin_list(doc, m.t0):
        _vote_for(m, PERSON, "family-list")  # "his sons, A and B": each is a person (issue 11)
    if len(before) >= 2 and before[-1] in (",", "of") and before[-2] in _place_words() \
            and toks[m.t0 - 2].is_lower:
        _vote_for(m, GPE, "place-noun-before")  # "the worst-hit village, X", "the town of X"
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in lex.place_nouns_before_of:
        _vote_for(m, GPE, "place-noun-of")  # "the mayor of X", "Residents of X"
    of = m.t0 - 2 if before[-1:] == ["the"] else m.t0 - 1
    if of >= 1 and fw_[of] == "of" and fw_[of - 1] in word_class("body_head_titles") \
            and toks[of - 1].is_lower:
        _vote_for(m, ORG, "body-head-of")  # "the director of (the) X" (issue 11)
    if before[-1:] and before[-1] in lex.org_nouns_before or (
            before[-2:-1] and before[-1] == "," and before[-2] in lex.org_nouns_before):
        _vote_for(m, ORG, "org-noun-before")
    if after and (after[0] in lex.org_nouns_after or " ".join(after) in lex.org_nouns_after):
        _vote_for(m, ORG, "org-noun-after")
    if before[-1:] and before[-1] in ("from", "in", "near") and not words[0] in lex.not_names:
        _vote_for(m, GPE, "locative-preposition")
    inner = toks[m.t0 + 1:m.t1]
    if any(t.tag_ in ("IN", "DT", "CC") and _cap(t) and fold(t.text) not in PARTICLES for t in inner):
        _vote_for(m, ORG, "capitalized-function-word")  # "Teachers Without Frontiers": people's names hold no capitalized function words
    if after and (after[0] in lex.place_keywords or after[0][-1:] == "s" and after[0][:-1] in lex.place_keywords) \
            and toks[m.t1].is_lower:
        _vote_for(m, LOC, "place-keyword-after")  # "the Velka crossing", "the Dornvale region", "X and Y villages"
    first = words[0] if words else ""
    if len(words) >= 2 and (first in lex.female_names or first in lex.male_names):
        _vote_for(m, PERSON, "first-name")
    if _age_after(doc, m.t1) or _title_after(doc, m.t1):
        _vote_for(m, PERSON, "age-or-title-after")
    if after[:2] in ([",", "who"], [",", "whom"]) and not (before and toks[m.t0 - 1].pos_ == "ADP"):
        _vote_for(m, PERSON, "personal-relative-after")  # "X, who ...": the relative pronoun of people (not "a man from X, who")
    if len(words) >= 2 and _reporting_subject(doc, m):
        _vote_for(m, PERSON, "reporting-subject")
        if len(words) <= 3 and before[-1:] != ["the"] and not any(
                w in lex.org_keywords or w in lex.place_keywords for w in words) and m.kind == "name" \
                and all(t.is_alpha and t.text[0].isupper() and not t.is_upper for t in toks[m.t0:m.t1]):
            _vote_for(m, PERSON, "plain-name-speaking")  # "Ivo Tamm said": two or three plain capitalized words speaking are a person
    if club_context(doc, m):
        _vote_for(m, ORG, "sports-club")  # "Velmar manager X", "a win over Velmar" in a sports report (clubs.py)
    for lab, n in spacy_labels.items():
        _vote_for(m, lab, "spacy-ner", n)
    if before[-1:] == ["the"] and not m.pre_title and m.full is None and 0 < v[PERSON] < 3:
        v.pop(PERSON)  # "The Louvre reopened": people's names take no article
        m.why.append(("article-no-person", PERSON, 0))
        if not v:
            _vote_for(m, ORG, "article-no-person")
    if not v and len(words) >= 2 and before[-1:] == ["the"] and not _other_ent(doc, m):
        _vote_for(m, ORG, "the-named-body")  # "told the Evening Courier": a named body nobody tagged


def coordinated_places(doc: "Doc", ms: list[NameMention]) -> None:
    """"Worcestershire, Velm Durham, Tarn & Wear and Oswick", "in Limbamanan, Carran Sur": a name in a list
    with a place that its own words make one (a gazetteer, a country, a place word: place votes of 4 or more)
    is a place too, where nothing but the tagger or a capitalized "&" made it a person or body (issue 11)."""
    for group in name_lists(doc, ms):
        if not any(max(m.votes[GPE], m.votes[LOC]) >= 4 and m.label in (GPE, LOC) for m in group) \
                or any(m.label == PERSON and m.votes[PERSON] > 1.5 for m in group):
            continue  # (a list with a person in it is no list of places)
        for m in group:
            first = fold(m.text.split()[0]) if m.text.split() else ""
            if m.label in (GPE, LOC, FAC) or m.kind != "name" or m.votes[PERSON] > 1.5 or m.votes[ORG] > 4.5 \
                    or m.votes[NORP] or first in lexicon().female_names or first in lexicon().male_names \
                    or len(m.text) < 3 or tokens(doc)[m.t0].pos_ == "PRON":
                continue  # (a known given name opens a person's name; "Velmaria, I'm sorry": no name)
            _vote_for(m, GPE, "place-list")


def _other_ent(doc: "Doc", m: NameMention) -> bool:
    """spaCy reads the words as something that is not a name (a date, an event, a law, a work)."""
    return any(t.ent_type_ and t.ent_type_ not in _SPACY for t in tokens(doc)[m.t0:m.t1])


def _title_after(doc: "Doc", k: int) -> bool:
    """", its chief economist" / ", a retired navy admiral" / " (Minister of Energy)" right after a name."""
    lex = lexicon()
    toks = tokens(doc)
    n = len(toks)
    if k + 2 < n and toks[k].text == "(" and (toks[k + 1].text in title_acronyms(doc) or (
            fold(toks[k + 1].text) in lex.titles and toks[k + 1].text[:1].isupper())):
        return True  # "Ana Lima (CS Water)", "Ana Lima (Minister of Energy)" (issue 11)
    if not (k + 1 < n and toks[k].text == ","):
        return False
    k += 1
    if k < n and folded(doc)[k] in ("a", "an", "the", "its", "their", "his", "her"):
        k += 1
    for q in range(k, min(n, k + 4)):  # "the EU's High Representative": skip the possessor
        if toks[q].tag_ == "POS":
            k = q + 1
            break
    for t in toks[k:min(n, k + 4)]:
        w = fold(t.text)
        if w in lex.titles and w not in ("resident", "native", "citizen", "member", "partner"):
            return True
        if not (w in lex.title_modifiers or t.is_lower and t.pos_ == "ADJ"):
            return False
    return False


def _age_after(doc: "Doc", k: int) -> bool:
    """", 41," right after a name."""
    toks = tokens(doc)
    return (k + 2 < len(toks) and toks[k].text == "," and toks[k + 1].like_num and toks[k + 1].text.isdecimal()
            and 0 < int(toks[k + 1].text) < 120 and toks[k + 2].is_punct)


def _reporting_subject(doc: "Doc", m: NameMention) -> bool:
    lex = lexicon()
    root = doc[m.t0:m.t1].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lex.reporting_verbs


def _spacy_labels(doc: "Doc", m: NameMention) -> dict[str, float]:
    """spaCy's label of the entity covering most of the mention (one vote; two where it is exact)."""
    c: dict[str, int] = {}
    for et in ent_types(doc)[m.t0:m.t1]:  # (the labels read once per doc, not from each Token)
        lab = _SPACY.get(et)
        if lab is not None:
            c[lab] = c.get(lab, 0) + 1
    if not c:
        return {}
    return {max(c, key=c.__getitem__): 1.5}  # the most frequent, the first of equals (as Counter.most_common)
