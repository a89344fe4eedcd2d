"""Runs of capitalized tokens (step 1 of :mod:`.names`) and the titles and places split off their
start (step 2): where a name begins and ends in the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import dateline_tokens, folded, texts, tokens
from .capital_titles import titled_run
from .glued_names import body_word_then_person, holder_named_elsewhere
from .lex import country_code, demonym_country, fold, is_city, lexicon
from .clause_openers import body_before_party_role, plural_of_lower
from .roads import designation_run, road_number_at
from .routes import route_pair_at
from .title_seats import title_resumes
from .mentions import _cap, _cap_text, _DIRECTIONS, is_acronym, _JOIN_OF, _OPEN, PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _starts_clause(doc: "Doc", i: int) -> bool:
    """Token i opens a sentence or a quotation (capitalized for that reason alone)."""
    toks = tokens(doc)
    tok = toks[i]
    if tok.is_sent_start or i == 0:
        return True
    prev = toks[i - 1]
    if prev.is_space and "\n" in prev.text:
        return True  # a paragraph opens with it
    return prev.text in _OPEN or prev.text in {":", ";", "\u2014", "-", "\u2013"} and prev.whitespace_ != ""


_JOIN_TAGGED = frozenset({"of", "and", "&", "for", "on"})  # small words inside a name the tagger reads as one
_JOINED_TYPES = frozenset({"ORG", "FAC"})


def _ent_ends_in_org_word(doc: "Doc", j: int) -> bool:
    """The tagger's entity through token j ends in an organization's head word ("... Green Unity Party"):
    an "and" inside it joins one name, not two places ("Velmar and Ostrava")."""
    k = j
    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
        k += 1
    return folded(doc)[k] in lexicon().org_keywords


def _one_tagged_body(doc: "Doc", i: int, j: int, capped: list[bool]) -> bool:
    """"and" at token j inside one organization the tagger reads whole, though its name ends in no head word
    ("the Velmaran Tariffs and Frontier Protection"): one to three capitalized words on each side, neither
    side a place, nor written alone elsewhere in the article as a name of its own (issue 11)."""
    toks = tokens(doc)
    n = len(doc)
    if toks[j].ent_type_ != "ORG" or not 1 <= j - i <= 4:
        return False
    k = j + 1
    while k < n and capped[k] and toks[k].ent_iob_ == "I" and k - j <= 3:
        k += 1
    if k == j + 1 or k - j > 3 or k < n and (capped[k] or toks[k].ent_iob_ == "I" and folded(doc)[k] == "and"):
        return False
    lex = lexicon()
    for a, b in ((i, j), (j + 1, k)):
        part = doc[a:b].text
        if (country_code(part) or is_city(part) or demonym_country(part) or _named_alone(doc, a, b)
                or folded(doc)[b - 1] in lex.place_keywords):  # "Velmar and Ostrava Valley" (its head word)
            return False
    return True


def _lone_ent(doc: "Doc", i: int) -> bool:
    """The tagger's entity at token i is that one word alone."""
    return doc[i].ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def _lower_words(doc: "Doc") -> frozenset[str]:
    """Words the article itself writes in lower case: where one opens a sentence or a quotation alone
    ("Time is running out", "Rescue workers ..."), its capital is the sentence's, not a name's."""
    got = doc.user_data.get("newsledger:lower_words")
    if got is None:
        lower = doc.to_array("IS_LOWER").tolist() if len(doc) else []  # each token's is_lower, in one call
        got = doc.user_data["newsledger:lower_words"] = frozenset(w for w, low in zip(texts(doc), lower) if low)
    return got


def _runs(doc: "Doc", skip: set[int]) -> list[tuple[int, int]]:
    """Token ranges of capitalized runs (see the module docstring)."""
    fw_ = folded(doc)
    toks = tokens(doc)
    fw = fw_
    capped = [_cap_text(w) for w in texts(doc)]  # _cap of every token, from the cached texts
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        if i in skip or not (capped[i] or fw[i] in PARTICLES and _particle_start(doc, i)
                             or fw[i][:1].isdecimal() and _ordinal_in_name(doc, i, capped, skip)):  # (it opens with a figure)
            i += 1
            continue
        j = i + 1
        subject = False  # the run has taken a body's subject ("on Freedom"): "of" goes on joining
        while j < n and j not in skip:
            t = toks[j]
            if toks[j].is_sent_start and not _split_name(doc, j, capped):
                break
            if t.text == "-" and route_pair_at(doc, j):
                break  # "the Orvelle-Tamsbury highway": a route between two places, two names (issue 11)
            if capped[j] and toks[j - 1].whitespace_ and designation_run(doc, i, j):
                break  # "NH-71 Kelvar": a road's designation, then a town (issue 11)
            if capped[j] and toks[j - 1].whitespace_ or capped[j] and toks[j - 1].text in {"-"}:
                j += 1
                continue
            if (t.is_space and "\n" not in t.text and j + 1 < n and capped[j + 1] and j + 1 not in skip
                    and not toks[j + 1].is_sent_start
                    and (fw_[j - 1] in lex.titles or fw_[j - 1] in lex.offices)):
                j += 2  # "Minister of Health  Lan Dao": a doubled space between a title and its name (issue 11)
                continue
            if t.text == "-" and not t.whitespace_ and not toks[j - 1].whitespace_ and j + 1 < n and (
                    capped[j + 1] or _name_syllable(doc, j + 1)):
                j += 2 if not capped[j + 1] else 1  # "Jae-myung": a lower-case syllable of a given name
                continue
            if t.text == "&" and j + 1 < n and j + 1 not in skip and capped[j + 1] and not toks[j + 1].is_sent_start:
                j += 1  # "Tyne & Wear", "Marl & Sons": an ampersand joins one name (issue 11)
                continue
            if _ordinal_in_name(doc, j, capped, skip):
                j += 1  # "California 2nd District of Appeals": the ordinal numbers the body (issue 11)
                continue
            if fw[j] in PARTICLES and _particles_then_name(doc, j):
                j += 1
                continue
            if (fw[j] == "on" and fw[j - 1] in lex.org_keywords and j + 1 < n and j + 1 not in skip
                    and _cap(toks[j + 1]) and not toks[j + 1].is_sent_start):
                j += 1  # "Committee on Water Safety": a body named by its subject
                subject = True
                continue
            if fw[j] == "and" and (_shared_body_and(doc, i, j) or _and_inside_name(doc, i, j, capped)
                                   or _and_inside_country(doc, i, j, capped)
                                   or _and_inside_subject(doc, i, j, capped)):
                # "the Port Authority of Halden and Velmar": one body of two places; "the Sun and Moon
                # Initiative": one name, not "Sun" and "Moon Initiative"
                j += 2 if j + 1 < n and not capped[j + 1] else 1  # (the lower-case word of "X and other Y Commission" too)
                continue
            if (fw[j] in _JOIN_OF and (subject or fw[j - 1] in lex.org_keywords
                                              or fw[j - 1] in lex.titles
                                              or _place_of(doc, j) or _body_of_country(doc, i, j))
                    and j + 1 < n
                    and capped[j + 1] and not toks[j + 1].is_sent_start):
                j += 1
                continue
            if ((fw[j] in _JOIN_TAGGED or t.text in ("'", "\u2019") and not toks[j - 1].whitespace_
                 and toks[j - 1].text.endswith("s")) and t.ent_iob_ == "I"  # "Harbour Pilots' Pay Board"
                    and (t.ent_type_ in _JOINED_TYPES or fw[j] == "of" and t.ent_type_ in ("GPE", "LOC"))
                    and j + 1 < n
                    and toks[j + 1].ent_iob_ == "I" and _cap(toks[j + 1]) and not toks[j + 1].is_sent_start
                    and toks[j - 1].ent_iob_ in ("B", "I")
                    and (fw[j] not in ("and", "&") or _ent_ends_in_org_word(doc, j)
                         or _one_tagged_body(doc, i, j, capped))):
                j += 1  # "House of Representatives", "Flood and Coastal Defence Agency": one name
                continue  # where the tagger reads one organization across the small word
            if (fw[j] == "in" and fw[j - 1] in lex.org_keywords and _acronym_follows(doc, j + 1)):
                j += 1
                continue
            if (t.tag_ == "POS" and j - i == 2 and fw[i] in word_class("saint_prefixes") and j + 1 < n
                    and capped[j + 1] and not toks[j + 1].is_sent_start):
                j += 1  # "St Odran's Common": a saint's possessive names one place (issue 11)
                continue
            if (t.tag_ == "POS" and j + 1 < n and capped[j + 1] and country_code(doc[i:j].text) is None
                    and fw[j - 1] not in lex.org_keywords  # "the Labour Organization's Committee": two bodies
                    and not _named_alone(doc, i, j)  # "Velmaria's Harbour International Airport": a place's airport
                    and _org_after(doc, j + 1)):
                j += 1
                continue
            if (t.like_num and toks[j - 1].whitespace_ and fold(toks[i - 1].text if i else "") in lex.org_nouns_before):
                j += 1
                break
            if t.like_num and road_number_at(doc, i, j):
                j += 1  # "National Highway 415", "Route 9": the number names the road (issue 11)
            break
        unit = j - i >= 2 and fw_[j - 1] in word_class("place_unit_plurals")
        if unit:
            j -= 1  # "Kajiado and Marl Counties": the plural unit is no part of the last name (issue 11)
        dated = j - i >= 2 and toks[j - 1].ent_iob_ == "B" and toks[j - 1].ent_type_ == "DATE" \
            and toks[j - 2].ent_type_ == "PERSON" and not unit
        if dated:
            j -= 1  # "booked A and Tor Varro Thursday over ...": the day the tagger starts after a person (issue 11)
        resume = j + 1 if unit or dated else j  # (the plural unit or the day is read no further)
        # trim trailing joiners
        while j > i and (toks[j - 1].text == "-" or fw[j - 1] in _JOIN_OF or fw[j - 1] in PARTICLES
                         or toks[j - 1].tag_ == "POS"):
            j -= 1
        if j > i:
            runs.append((i, j))
        i = max(resume, i + 1)
    return runs


_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def _ordinal_in_name(doc: "Doc", k: int, capped: list[bool], skip: set[int]) -> bool:
    """Token k is an ordinal in figures numbering the capitalized name after it ("the 4th Circuit Court
    of Appeals", "2nd Brigade spokesman"): the name holds a word of ``numbered_unit_heads`` before it ends."""
    w = folded(doc)[k]
    if not (2 < len(w) <= 5 and w[:-2].isdecimal() and w.endswith(_ORDINAL_SUFFIXES)) or k in skip:
        return False
    n = len(doc)
    toks = tokens(doc)
    if k + 1 >= n or not capped[k + 1] or toks[k + 1].is_sent_start or not toks[k].whitespace_:
        return False
    heads = word_class("numbered_unit_heads")
    q = k + 1
    while q < n and q - k <= 6 and q not in skip and (capped[q] or folded(doc)[q] in _JOIN_OF):
        if folded(doc)[q] in heads:
            return True
        q += 1
    return False


def _split_name(doc: "Doc", j: int, capped: list[bool]) -> bool:
    """A sentence start the parser put inside a person's name ("President Tomas Ilan | Vaz has conceded"):
    a capitalized proper noun right after a word the tagger reads as a person's name, with only a space
    between them (no punctuation, no line break) (issue 11)."""
    toks = tokens(doc)
    prev = toks[j - 1]
    return (capped[j] and toks[j].pos_ == "PROPN" and toks[j].ent_type_ in ("", "PERSON") and prev.ent_type_ == "PERSON"
            and prev.whitespace_ == " " and prev.is_alpha and capped[j - 1] and toks[j].is_alpha)


_NOT_SYLLABLES = frozenset({"based", "led", "born", "backed", "run", "owned", "style", "era", "bound", "linked",
                            "made", "controlled", "funded", "speaking", "language", "year", "old", "like", "type",
                            "level", "wide", "free", "friendly", "held", "occupied", "allied", "aligned", "class",
                            "in", "up", "out", "off", "on", "to", "and", "or", "the", "a", "an"})
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


_NOT_JOINED_BY_OF = frozenset({"region", "territory", "territories", "city", "town", "village", "kibbutz", "border",
                               "coast", "camp", "base", "crossing", "airport", "square", "street", "avenue", "road"})


def _shared_body_and(doc: "Doc", i: int, j: int) -> bool:
    """"and" at token j inside the run i..j continues "<shared body head> of <place>" with a second place
    the tagger reads as one ("the Port Authority of Halden and Velmar"; data/words/shared_body_heads.json)."""
    toks = tokens(doc)
    fw = folded(doc)
    heads = word_class("shared_body_heads")
    of = next((k for k in range(j - 1, i, -1) if fw[k] == "of"), None)
    if of is None or fw[of - 1] not in heads or any(fw[k] in ("and", "of") for k in range(of + 1, j)):
        return False
    nxt = j + 1
    return (nxt < len(doc) and _cap(toks[nxt]) and not toks[nxt].is_sent_start
            and toks[nxt].ent_type_ in ("GPE", "LOC") and toks[of + 1].ent_type_ in ("GPE", "LOC", "ORG"))


def _named_alone(doc: "Doc", i: int, j: int) -> bool:
    """The words i..j (a possessor inside a capitalized run) are written elsewhere in the article as a
    name of their own, mid-sentence and not before "'s" and a capital: they name something else than the
    run's body ("Velmaria's Harbour Airport" where the article also writes "in Velmaria")."""
    fw = folded(doc)
    toks = tokens(doc)
    key = fw[i:j]
    k0, n = key[0], len(doc)
    for s in range(n - len(key) + 1):
        if s == i or fw[s] != k0 or fw[s:s + len(key)] != key or toks[s].is_sent_start:
            continue
        e = s + len(key)
        if s > 0 and _cap(toks[s - 1]) and not toks[s - 1].is_sent_start:
            continue
        if e < n and (_cap(toks[e]) or toks[e].tag_ == "POS" and e + 1 < n and _cap(toks[e + 1])):
            continue
        return True
    return False


def _place_of(doc: "Doc", j: int) -> bool:
    """"of" at token j continues a place name: after a natural feature ("Gulf of X", "Bay of X"), or
    after any place word when an organization word follows ("Port of X Authority"); not after an
    administrative unit ("the Donetsk Region of Ukraine" names two places)."""
    lex = lexicon()
    w = folded(doc)[j - 1]
    if w not in lex.place_keywords or w in _DIRECTIONS:
        return False
    if w not in lex.place_administrative and w not in _NOT_JOINED_BY_OF:
        return True
    return j + 1 < len(doc) and _org_after(doc, j + 1)


def _name_syllable(doc: "Doc", k: int) -> bool:
    """Token k is a lower-case part of a hyphenated given name ("Jae-myung"), not "-based", "-led"."""
    toks = tokens(doc)
    t = toks[k]
    return (t.is_alpha and t.is_lower and fold(t.text) not in _NOT_SYLLABLES and len(t.text) <= 6
            and toks[k - 2].pos_ == "PROPN" and toks[k - 2].ent_type_ == "PERSON")


def _acronym_follows(doc: "Doc", k: int) -> bool:
    """Tokens from k are a capitalized name (one to three words) and then "(ACRONYM)"."""
    toks = tokens(doc)
    n = len(doc)
    start = k
    while k < n and _cap(toks[k]) and k - start < 3:
        k += 1
    return (k > start and k + 2 < n and toks[k].text == "(" and is_acronym(toks[k + 1].text)
            and toks[k + 2].text == ")")


def _particles_then_name(doc: "Doc", k: int) -> bool:
    """Tokens from k are name particles ("van der", "al-") and then a capitalized word."""
    toks = tokens(doc)
    n = len(doc)
    while k < n and (folded(doc)[k] in PARTICLES or toks[k].text == "-" and not toks[k].whitespace_):
        k += 1
    return k < n and _cap(toks[k]) and toks[k].pos_ == "PROPN"


def _particle_start(doc: "Doc", i: int) -> bool:
    fw_ = folded(doc)
    toks = tokens(doc)
    t = fw_[i]
    return t in PARTICLES and t not in ("la", "le", "de", "da", "du") and _particles_then_name(doc, i + 1) and (
        toks[i + 1].text == "-" or fw_[i + 1] in PARTICLES or toks[i].whitespace_)


def _body_of_country(doc: "Doc", i: int, j: int) -> bool:
    """"of" at token j ends an organization's name with its country: "the Ministry of Trade Affairs *of
    Freedonia*" is one body (the run i..j holds an organization head word; one country word follows, and the
    name ends there). (Hand-written: the tagger cuts such names after their first "of".)"""
    lex = lexicon()
    k = j + 1
    return (k < len(doc) and any(folded(doc)[t] in lex.org_keywords for t in range(i, j))
            and country_code(doc[k].text) is not None and not (k + 1 < len(doc) and _cap(doc[k + 1])))


def _and_inside_name(doc: "Doc", i: int, j: int, capped: list[bool]) -> bool:
    """"and" at token j joins one name: "the Sun and Moon Initiative", "the Press and Outreach Department of
    X". The words before it (one to three, after "the") are no place of their own (no place word, country,
    city or demonym) and the capitalized words after it end in an organization head word.
    (Hand-written: the tagger reads "Sun" and "Moon Initiative" as two names.)"""
    fw_ = folded(doc)
    lex = lexicon()
    toks = tokens(doc)
    n = len(doc)
    if fw_[i] == "the" and j - i >= 2 and toks[i].text[0] == "T":
        if fw_[j - 1] in lex.org_keywords and j - i >= 3:
            return False  # "The Dockers Union and Harbor Group": two bodies (not "The Mining and ... Union")
        i += 1  # "The Sun and Moon ..." opening a sentence: the run holds its article (issue 11)
    if i == 0 or not 1 <= j - i <= 3 or fw_[i - 1] != "the" and not (
            i >= 2 and fw_[i - 2] == "the" and toks[i - 1].is_lower and toks[i - 1].is_alpha):
        return False  # "the Sun and Moon ...", "the rebel Truth and Renewal ..." (issue 11)
    before = doc[i:j].text
    if (any(fw_[t] in lex.place_keywords for t in range(i, j))
            or country_code(before) or is_city(before) or demonym_country(before)):
        return False
    k = j + 1
    if k < n and toks[k].is_lower and fw_[k] in word_class("name_inner_modifiers"):
        k += 1  # "the Fraud and other Economic Crimes Commission": a lower-case word the name keeps (issue 11)
    k0 = k
    while k < n and capped[k] and not toks[k].is_sent_start and k - k0 <= 3:
        k += 1
    return k > k0 and fw_[k - 1] in lex.org_keywords or body_word_then_person(doc, k0, capped)


def _and_inside_country(doc: "Doc", i: int, j: int, capped: list[bool]) -> bool:
    """"and" at token j inside a country or territory the gazetteer knows whole ("the Ostra and Velm
    Islands" where that is one territory's name): the tagger may read two places (issue 11)."""
    toks = tokens(doc)
    n = len(doc)
    k = j + 1
    while k < n and capped[k] and not toks[k].is_sent_start and k - j <= 3:
        k += 1
        if any(country_code(doc[s:k].text) for s in range(max(i, j - 3), j)):
            return True
    return False


def _and_inside_subject(doc: "Doc", i: int, j: int, capped: list[bool]) -> bool:
    """"and" at token j inside a body named by its subject: "the Institute for Control of Vaccines and
    Biologicals", "the Ministry of Trade and Industry": an organization head word then "for"/"of" in the run
    before it, and after it one or two capitalized words that end the name (no organization head word, no
    place of the tagger's; a portfolio word or a plural). Issue 11."""
    lex = lexicon()
    toks = tokens(doc)
    fw = folded(doc)
    n = len(doc)
    if not any(fw[k] in lex.org_keywords and fw[k + 1] in ("for", "of") for k in range(i, j - 1)):
        return False
    k = j + 1
    while k < n and capped[k] and not toks[k].is_sent_start and k - j <= 3:
        if fw[k] in lex.org_keywords or toks[k].ent_type_ in ("GPE", "LOC", "NORP") \
                or country_code(toks[k].text) or is_city(toks[k].text):
            return False
        k += 1
    if not (1 <= k - j - 1 <= 2 and (k >= n or not capped[k] and fw[k] not in ("of", "for", "'s"))):
        return False
    # a subject, not a second party: a government portfolio ("Trade and Industry") or a plural noun
    # ("Vaccine and Biologicals"); "the Ministry of Health and Tumbria" are two
    last = fw[k - 1]
    return last in lex.offices or last in lex.title_modifiers or last.endswith("s") and not toks[k - 1].is_upper


def _org_after(doc: "Doc", k: int) -> bool:
    """A capitalized stretch from token k holds an organization head word ("Front", "Office")."""
    toks = tokens(doc)
    lex = lexicon()
    while k < len(doc) and (_cap(toks[k]) or toks[k].text == "-"):
        if folded(doc)[k] in lex.org_keywords:
            return True
        k += 1
    return False


_STATE_WORDS = frozenset({"government", "administration", "authorities", "regime"})
_FUNCTION_POS = frozenset({"ADJ", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM", "PART", "INTJ"})


def _trim_start(doc: "Doc", i: int, j: int, midcaps: set[str]) -> int:
    """Drop leading words capitalized only because they open a sentence or a quotation (a word the
    article also capitalizes mid-sentence is a name wherever it stands)."""
    fw_ = folded(doc)
    toks = tokens(doc)
    lex = lexicon()
    datelines = dateline_tokens(doc)
    if _starts_clause(doc, i) and body_before_party_role(doc, i, j, _lower_words(doc)):
        return i  # "- Nua Tarra councillor Odo Brask and ...": a party's name before its member's title (issue 11)
    while i < j and _starts_clause(doc, i):
        t = toks[i]
        w = fold(t.text)
        if i in datelines and t.is_upper:
            break  # "HALDEN —": a dateline's place, whatever the tagger makes of the capitals
        if j == i + 1 and t.is_upper and len(t.text) > 1 and w in lex.not_names and _acronym_of_name(doc, i):
            break  # "(WHO)" after "World Health Organization": an acronym, not the word "who"
        if (j == i + 1 and t.is_upper and len(t.text) > 1 and w in lex.not_names and t.dep_ == "nsubj"
                and t.head.lemma_.lower() in lex.reporting_verbs):
            break  # "AP reported ...": a news agency speaking, not a photo credit
        if w in lex.not_names:
            i += 1
            continue
        if j == i + 1 and w not in midcaps and plural_of_lower(w, _lower_words(doc)) and not _known_word(t):
            i += 1  # "Rockslides often follow ...": the plural of a word the article writes in lower case (issue 11)
            continue
        if (w.endswith("ing") and i + 1 < j and w not in midcaps
                and (w[:-3] in lex.reporting_verbs or w[:-3] + "e" in lex.reporting_verbs)):
            i += 1  # "Noting voters turned out ...": a participle of saying opening the sentence
            continue
        if t.like_num and i + 1 < j:
            i += 1  # "Seven Kyrgyz and ...": a number opening the sentence
            continue
        if (j == i + 1 and w not in midcaps and not _known_word(t) and t.ent_type_ != "PERSON"
                and (t.tag_ == "NNS" or w in _STATE_WORDS
                     or (not t.ent_type_ or _lone_ent(doc, i)) and (t.tag_ == "NN" or w in _lower_words(doc))
                     and w not in lex.org_generic_refs)):  # but "Parliament will vote": an institution's name
            i += 1  # "Floodwaters released ...", "Government spokesman X": a common noun opening the sentence
            continue
        if (not t.ent_type_ and i + 2 < j and toks[i + 1].ent_iob_ == "B" and toks[i + 1].ent_type_ == "PERSON"
                and toks[i + 2].ent_iob_ == "I" and w not in midcaps and not _known_word(t)):
            i += 1  # "Curator Emma Vasseur": the tagger's full name starts after an opening common word
            # (where the tagger's person is one word, "Ruta Kask" opening a sentence, the first is a given name)
            continue
        if (t.tag_ in ("NNP", "NNPS") or t.ent_type_ or w in midcaps or demonym_country(w) or country_code(t.text)
                or is_city(t.text) or w in lex.titles or w in lex.honorifics):
            break
        if i + 1 < j and toks[i + 1].tag_ in ("IN", "DT", "CC"):
            break  # "Teachers Without Frontiers": a capitalized function word holds the name together
        if t.pos_ in _FUNCTION_POS or t.tag_ == "NNS" or w in lex.title_modifiers:
            i += 1  # "Officials", "Embattled", "Veteran"
            continue
        break
    while i < j - 1 and toks[i].text == "-":
        i += 1  # "Ex-Orrin City mayor": the hyphen after a dropped prefix opens no name (issue 11)
    if i + 1 < j and fw_[i] == "the" and not toks[i].is_sent_start and (
            country_code(doc[i + 1:j].text) or j < len(doc) and toks[j].is_lower and fw_[j] in lex.titles):
        i += 1  # ", The Tumbria leader of ...": a capitalized article before a country or a title's owner (issue 11)
    return i


def _acronym_of_name(doc: "Doc", i: int) -> bool:
    """The all-capitals word at i spells the initials of a capitalized run written before it
    ("World Health Organization (WHO)", "... the WHO chief")."""
    letters = doc[i].text
    caps = [t.text[0] for t in doc[max(0, i - 400):i] if t.text[:1].isupper() and t.is_alpha]
    for k in range(len(caps) - len(letters) + 1):
        if "".join(caps[k:k + len(letters)]) == letters:
            return True
    return False


def _known_word(t: "Token") -> bool:
    """A title, a given name, a country, a city or a demonym: never an accidental capital."""
    lex = lexicon()
    w = fold(t.text)
    return (w in lex.titles or w in lex.honorifics or w in lex.female_names or w in lex.male_names
            or bool(demonym_country(w)) or bool(country_code(t.text)) or is_city(t.text))


def _split_title(doc: "Doc", i: int, j: int) -> int:
    """The first token of the name after a title written in front of it ("Prime Minister | X",
    "Treasury Secretary | X"), i where there is no title, j where the run is all title."""
    fw_ = folded(doc)
    toks = tokens(doc)
    lex = lexicon()
    if (j - i >= 2 and i >= 1 and toks[i - 1].is_lower and folded(doc)[i - 1] in lex.titles
            and folded(doc)[i] in lex.titles and folded(doc)[i] not in lex.honorifics
            and toks[i].ent_iob_ == "B" and toks[i].ent_type_ == "PERSON"):
        return i  # "said chairman Dean Marsh": after a role, a title word the tagger reads as a given name is one (issue 11)
    last_title = -1
    unknown = 0  # capitalized words before the first title word ("Treasury", "Bank of England")
    for k in range(i, j):
        w = fw_[k]
        if w in lex.titles or w in lex.honorifics:
            last_title = k
        elif w in lex.title_modifiers or demonym_country(w) or toks[k].text == "-":
            continue
        elif last_title < 0 and (country_code(toks[k].text) or is_acronym(toks[k].text)):
            continue  # "U.N. Ambassador X", "Peru Envoy"
        elif last_title < 0 and unknown < 4:
            unknown += 1
            continue
        elif last_title < 0 or not title_resumes(doc, k, j):  # "Deputy Harbour Public Affairs Officer X" goes on
            break
    if last_title < 0:
        return i
    # "Secretary of State X", "Minister for Foreign Affairs X": the title runs on through "of" phrases
    end = last_title + 1
    while end < j and (fw_[end] in _JOIN_OF | {"the"} or fw_[end] in lex.title_modifiers
                       or fw_[end] in lex.titles):
        end += 1
    while end > last_title + 1 and fw_[end - 1] in _JOIN_OF | {"the"}:
        end -= 1
    if end < j and fold(toks[end].text) in _JOIN_OF:
        # "Commissioner for Fair Trading Anna Varn": the title's "for/of" phrase runs on to the name
        for k in range(end + 1, j - 1):
            t = toks[k]
            if (t.ent_iob_ == "B" and t.ent_type_ == "PERSON") or fold(t.text) in lex.female_names \
                    or fold(t.text) in lex.male_names:
                end = k
                break
        else:
            keys = [k for k in range(end + 1, j) if fw_[k] in lex.org_keywords]
            if keys and j - keys[-1] == 3 and all(toks[k].is_title and toks[k].is_alpha and fw_[k] not in lex.titles
                                                   for k in range(keys[-1] + 1, j)):
                end = keys[-1] + 1  # "Minister for Emergency Services Ada Rusk": two words after the portfolio's
                # body word are the holder's name (issue 11)
            else:
                end = holder_named_elsewhere(doc, end + 1, j) or end  # "... Odile Brankov", "Brankov said"
    while end < j - 1 and toks[end].is_space:
        end += 1  # a doubled space before the name
    if end >= j:  # "John Major" is a name; "French Ambassador" is only a title, "the Revenue Minister" too
        return i if unknown and not titled_run(doc, i, j) else j
    rest = [fw_[k] for k in range(end, j)]
    if all(w in SUFFIXES for w in rest):
        return i if unknown else j  # "Martin Luther King Jr."
    if any(w in lex.org_keywords for w in rest):
        return i
    return end


def _title_prefix_org(doc: "Doc", i: int, k: int) -> tuple[int, int] | None:
    """The organization or place written before the title words of a title ("Bank of England | Governor")."""
    if party_before_title(doc, i, i + 1, k):
        return i, i + 1  # "Labour MP": the party, though its word can name a portfolio ("Labour Minister")
    fw_ = folded(doc)
    lex = lexicon()
    e = i
    while e < k and not (fw_[e] in lex.titles or fw_[e] in lex.title_modifiers
                         or fw_[e] in lex.honorifics or demonym_country(doc[e].text)):
        e += 1
    while e > i and (doc[e - 1].text == "-" or fw_[e - 1] in _JOIN_OF):
        e -= 1
    if e > i and (any(fold(t.text) in lex.org_keywords or fold(t.text) in lex.place_keywords - _DIRECTIONS
                      for t in tokens(doc)[i:e]) or country_code(doc[i:e].text)
                  or is_acronym(doc[i:e].text)
                  or all(doc[t].ent_type_ in ("ORG", "GPE", "FAC") for t in range(i, e))  # "Tolmark CEO X"
                  and not any(fw_[t] in lex.official_titles for t in range(e, k))):  # "Treasury Secretary"
        if e - i >= 2 and fw_[e - 1] in _OFFICE_LEVELS and not is_city(doc[i:e].text) and not _named_alone(doc, i, e):
            return i, e - 1  # "Velmar City Councilmember": the place is Velmar, "City" belongs to the title
        return i, e
    return None


def party_before_title(doc: "Doc", i: int, e: int, k: int) -> bool:
    """The one word i (to e) is a party's name before a title only a party gives ("Labour MP", "Greens
    leader"; word classes party_name_heads, party_roles), k the end of the title (issue 11)."""
    fw_ = folded(doc)
    return e == i + 1 and e < k and fw_[i] in word_class("party_name_heads") and fw_[e] in word_class("party_roles")


# the level of government a title carries between a place and the office ("Velmar City Councilmember":
# the councilmember of the city of Velmar); English usage (issue 11). Only "city": a county or a state is
# itself named so ("Ostra Vale County Governor"), and "Mexico City" stays whole (a known city is never cut).
_OFFICE_LEVELS = frozenset({"city"})
