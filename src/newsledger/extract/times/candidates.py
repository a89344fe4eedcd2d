"""Which grammar candidates are time expressions (step 1 of :mod:`.stage`): the leftmost longest of
overlapping ones, 'by'-extensions, appositions and complements, and the checks of a bare month,
year, weekday or holiday against the parse (a modal 'May', a name, a titled work, a count)."""

from __future__ import annotations

import functools
import re
from typing import Iterable, TYPE_CHECKING

from . import values as tv
from .grammar import Expr, lexicon, scan
from .values import Val
from .tense import _clause, _lex_set, _tokens
from ...analysis.clause import children
from ...analysis.words import word_class
from .._doc import doc_text, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token


# ============================================================================ detection
@functools.lru_cache(maxsize=4096)
def _best_expr(text: str) -> Expr | None:
    """The longest expression in a short text (no parse: the checks that need one are skipped).

    A function of the text alone, asked again and again for the same phrases ("next week", "by
    Friday") when statements are resolved: the answers (frozen) are kept for the last 4096 texts."""
    chosen = [_extend_by(text, e) for e in _non_overlapping(scan(text))]
    if not chosen:
        return None
    return max(chosen, key=lambda e: (e.end - e.start, e.type != "DURATION"))


def _non_overlapping(cands: Iterable[Expr]) -> list[Expr]:
    """Leftmost-longest: of overlapping candidates the one that starts first, then the longest;
    a candidate starting inside the last one kept replaces it when it is longer."""
    out: list[Expr] = []
    last_end = -1
    for e in sorted(cands, key=lambda e: (e.start, -(e.end - e.start), e.type == "DURATION")):
        if e.start >= last_end:
            out.append(e)
            last_end = e.end
        elif e.end > last_end and out and e.start >= out[-1].start and e.end - e.start > out[-1].end - out[-1].start:
            out[-1] = e
            last_end = e.end
    return out


_BY = re.compile(r"(?i)(?<![\w-])(?:by|no later than|not later than)\s+$")


def _extend_by(text: str, e: Expr) -> Expr:
    """"by June", "by the end of April": a deadline; the span takes in "by" and becomes a window."""
    if e.type != "DATE" or e.mode in ("window", "anaphoric") or e.rule in ("year_range", "month_range"):
        return e
    m = _BY.search(text, max(0, e.start - 20), e.start)
    if not m or text.startswith(("'s", "’s"), e.end):
        return e  # "hit by Friday's storm" is no deadline
    return Expr(m.start(), e.end, e.rule, e.mode, e.type, e.resolve, e.check, e.unit, True)


def _select(doc: "Doc", text: str, cands: Iterable[Expr], sent_of) -> list[Expr]:
    """The expressions to keep: plausible candidates, leftmost-longest, deadlines extended by "by".

    "N days after/before" followed by words ("a week after the verdict") is counted from the time
    its complement names, or from the day an earlier sentence gives its event ("the vote ... on March 2"
    for "two weeks after the vote"); without either it is only a length (its DURATION reading stays)."""
    checked = [e for e in cands if _plausible(doc, e)]
    while True:
        chosen = _non_overlapping(checked)
        orphans = {e for i, e in enumerate(chosen) if _needs_complement(text, e)
                   and _complement_time(text, chosen, i, sent_of) is None and _appositive_head(text, chosen, i) is None
                   and _event_time(doc, chosen, i, sent_of) is None}
        if not orphans:
            break
        checked = [e for e in checked if e not in orphans]
    return [_extend_by(text, e) for e in chosen]


def _needs_complement(text: str, e: Expr) -> bool:
    if e.check != "complement":
        return False
    rest = text[e.end:e.end + 3].lstrip()
    return bool(rest) and (rest[0].isalnum() or rest[0] in "\"“'‘")


_DAY_RULES = frozenset({"iso", "mdy", "dmy", "weekday", "weekday_of_week", "deictic_word", "holiday"})
_APPOSITION_GAP = re.compile(r"\s*(?:,|[—–]|--)\s*")


def _appositive_head(text: str, exprs: list[Expr], i: int) -> int | None:
    """The index of the date that "N days after <event>" stands in apposition to ("freed on Monday,
    two weeks after his arrest"), when the complement names no time of its own: that date, just
    before it with only a comma or a dash between, is N days after the event."""
    if i == 0:
        return None
    e, head = exprs[i], exprs[i - 1]
    if head.type != "DATE" or head.mode not in ("absolute", "calendar", "deictic") or head.window \
            or head.rule not in _DAY_RULES:
        return None  # a day to count back from ("on Monday, two weeks after"), not a month or a range
    words = " ".join(text[e.start:e.end].lower().split())
    if any(words.startswith(b + " ") for b in lexicon()["bound_approximators"]):
        return None  # "more than ten days after his detention" bounds the event; it dates nothing
    return i - 1 if _APPOSITION_GAP.fullmatch(text, head.end, e.start) else None


def _event_time(doc: "Doc", exprs: list[Expr], i: int, sent_of) -> int | None:
    """The index of the day an earlier sentence gives the event that "N days after <event>" counts from,
    when the complement is a noun phrase naming no time of its own ("The vote was held on March 2. Two
    weeks after the vote, ..."): the nearest earlier day-precise date whose sentence holds the event's
    noun or its verb (same lemma). None when no sentence before names the event with a day."""
    e = exprs[i]
    span = _tokens(doc, e.start, e.end)
    if span is None or not len(span):
        return None
    prep = span[-1]
    nouns = [c for c in children(prep) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
    if len(nouns) != 1:
        return None  # "after farmers blocked the road" (a clause), "after Smith" (a name): no event noun
    lemma = nouns[0].lemma_.lower()
    words = " ".join(doc_text(doc)[e.start:e.end].lower().split())
    if any(words.startswith(b + " ") for b in lexicon()["bound_approximators"]):
        return None  # "more than ten days after the vote" bounds it
    sents = sentences(doc)
    own = sent_of(e.start)
    for j in range(i - 1, max(-1, i - 41), -1):
        o = exprs[j]
        if o.type != "DATE" or o.window or o.mode not in ("absolute", "calendar", "deictic") or o.rule not in _DAY_RULES:
            continue
        k = sent_of(o.start)
        if k >= len(sents) or own - k > 12:
            break
        if any(t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "VERB") and t.i != nouns[0].i for t in sents[k]):
            return j
    return None


def _mirror(head: Val, forward: Val) -> Val | None:
    """The time as far before ``head`` as ``forward`` lies after it (or after, for a time before it):
    "Monday, two weeks after X" dates X two weeks before Monday, at the granularity of the offset."""
    if head.start is None or forward.start is None:
        return None
    if forward.gran == "day":
        return tv.day(head.start - (forward.start - head.start)) if head.gran == "day" else None
    if forward.gran == "week":
        return tv.week(head.start - (forward.start - tv.week(head.start).start))
    if forward.gran == "month":
        k = (forward.start.year - head.start.year) * 12 + forward.start.month - head.start.month
        d = tv.add_months(head.start, -k)
        return tv.month(d.year, d.month)
    if forward.gran == "year":
        return tv.year(2 * head.start.year - forward.start.year)
    return None


def _complement_time(text: str, exprs: list[Expr], i: int, sent_of) -> int | None:
    """The index of the time inside the complement of "N days after ...": the next expression in
    the same sentence, if it carries or finds its own value, before any comma, semicolon or dash (where
    a fronted "Two months after the vote, ..." ends) and not a deadline ("... by Easter")."""
    e = exprs[i]
    for j in range(i + 1, len(exprs)):
        o = exprs[j]
        if sent_of(o.start) != sent_of(e.start) or o.start - e.end > 150 or _PHRASE_END.search(text, e.end, o.start):
            return None
        if o.mode in ("absolute", "calendar", "deictic") and o.type == "DATE" and not o.window:
            return j
    return None


_PHRASE_END = re.compile(r"[,;—–]|--")


_NON_TIME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE", "LOC", "PRODUCT", "LAW", "NORP", "EVENT"}


def _prev_word(doc: "Doc", span: "SpacySpan") -> "Token | None":
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _inside_name(span: "SpacySpan") -> bool:
    """The words belong to a longer name (an ORG, a PERSON, a title): "Sunday Times", "Christmas Island"."""
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    if first.ent_type_ in _NON_TIME_ENTS and first.ent_iob_ == "I":
        return True  # the name starts before the expression
    nxt = doc[span.end] if span.end < len(doc) else None
    return last.ent_type_ in _NON_TIME_ENTS and nxt is not None and nxt.ent_iob_ == "I" \
        and nxt.ent_type_ == last.ent_type_


def _season_of_a_kind(span: "SpacySpan") -> bool:
    """"the winter flu strain", "the summer timetable": the season word modifies a noun after it that is
    no stretch of time (word class season_time_heads: "the winter months" stays a time)."""
    seasons = lexicon()["seasons"]
    tok = next((t for t in span if t.lower_ in seasons), None)
    if tok is None or tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i <= tok.i:
        return False
    return tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in word_class("season_time_heads")


def _plausible(doc: "Doc", e: Expr) -> bool:
    """Checks a candidate against the parse where its words alone are ambiguous."""
    if e.check is None:
        return True
    if e.check == "future_only":
        return _clause(doc, e.start, e.end)[0] == "future"
    if e.check == "bare_quarter":  # "in the fourth quarter" of a game is no part of a year
        from ..entities.clubs import sports_report
        return not sports_report(doc)
    span = _tokens(doc, e.start, e.end)
    if span is None or not len(span):
        return False
    prev = _prev_word(doc, span)
    nxt = doc[span.end] if span.end < len(doc) else None
    if e.check == "season":
        return not _season_of_a_kind(span)
    if e.check == "bare_month":
        return _plausible_month(span, prev, nxt)
    if e.check == "bare_year":
        return _plausible_year(span, prev, nxt)
    if e.check == "weekday" and not _plausible_weekday(span, prev):
        return False
    if e.check in ("weekday", "holiday", "deictic_word"):
        return not _inside_name(span) and not _titled_work(span, nxt)
    return True


_WORKS = frozenset({"programme", "program", "show", "edition", "newspaper", "paper", "magazine", "broadcast",
                    "bulletin", "supplement", "column", "podcast", "club"})


def _titled_work(span: "SpacySpan", nxt: "Token | None") -> bool:
    """The words name a programme, a paper or a club ("the Sunday Morning programme", "the Friday
    show"): a later word written with a capital mid-sentence, or a kind of work right after it."""
    if nxt is not None and nxt.lower_ in _WORKS:
        return True
    months = lexicon()["months"]
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    after = [t for t in span if t.i > next((x.i for x in span if x.lower_ in days), span.end)]
    # a second weekday is no title word: "between Friday and Sunday" is a range (issue 11)
    return any(t.text[:1].isupper() and t.text not in months and t.lower_ not in days and not t.is_sent_start
               for t in after)


def _plausible_month(span: "SpacySpan", prev: "Token | None", nxt: "Token | None") -> bool:
    """A bare month name: "in May", "since March"; not the modal "may", not "June Carter"."""
    tok = span[-1]
    if tok.tag_ == "MD" or (tok.text == "May" and tok.pos_ in ("AUX", "VERB")):
        return False
    if prev is not None and prev.is_sent_start and prev.lower_ in _lex_set("month_prepositions") \
            and len(span) == 1 and tok.lower_ not in word_class("given_name_months"):
        return True  # "Since November Ostmark has ...": a fronted time, whatever capital follows it
    if _inside_name(span):
        return False
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.text not in lexicon()["months"]:
        return False  # "by June Carter"
    if (prev is not None and prev.lower_ in _lex_set("month_prepositions")) or (nxt is not None and nxt.like_num):
        return True
    # "May was the deadliest month": a sentence-initial month the tagger reads as a date
    return tok.is_sent_start and tok.ent_type_ == "DATE" and tok.tag_ == "NNP"


def _plausible_year(span: "SpacySpan", prev: "Token | None", nxt: "Token | None") -> bool:
    """A bare four-digit year: "in 2013", "the 2024 election"; not a count, a name or a number."""
    tok = span[-1]
    units = lexicon()["units"]
    prev_l = prev.lower_ if prev is not None else ""
    years_in = _lex_set("year_prepositions")
    if _inside_name(span) and tok.ent_type_ != "DATE":
        return False
    attributive = prev_l in ("the", "its", "their", "his", "her", "our", "'s", "’s")  # "the 1967 borders"
    if not attributive and nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in units:
        return False  # "2000 troops"
    if not attributive and tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lower_ not in units:
        return False  # "1987 new staff members"
    if prev is not None and prev.text in ("$", "€", "£", "#", "No."):
        return False
    if prev is not None and prev.pos_ in ("PROPN", "NOUN", "NUM") and prev_l not in years_in and prev_l not in units:
        return False  # "Channel 2024", "Resolution 1973"
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and prev_l not in years_in:
        return False  # "1600 Pennsylvania Avenue"
    return prev is None or prev_l in years_in or tok.ent_type_ == "DATE" or prev.is_punct


def _plausible_weekday(span: "SpacySpan", prev: "Token | None") -> bool:
    """A weekday that is not part of a name: "Bloody Sunday", "the Sunday Herald", "the Monday Club"."""
    if prev is not None and prev.text[:1].isupper() and span.start <= prev.head.i < span.end \
            and prev.dep_ in ("compound", "amod") and prev.lower_ not in ("last", "next", "this", "early", "late") \
            and not (prev.ent_type_ == "PERSON" and prev.ent_iob_ == "I" and span[0].ent_type_ != "PERSON"):
        return False  # (but "took ... and Rudi Kasz Thursday": a two-word person name ends before the day)
    last = span[-1]
    head = last.head
    return not (last.dep_ == "compound" and head.tag_ == "NNP" and head.text[:1].isupper()
                and head.text not in lexicon()["months"] and head.i >= span.end)
