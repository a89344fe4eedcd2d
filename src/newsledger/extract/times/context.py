"""The article's time context (steps 2 and 3 of :mod:`.stage`): each kept expression resolved in text
order against the publication date or the reference time before it, with its clause's tense,
ranges and quotes taken into account."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import values as tv
from .._doc import doc_text, sentences
from .grammar import Ctx, Expr
from .values import Val
from .tense import _ahead, _clause, _present_schedule, _embedding, _forward_looking, _pluperfect
from .candidates import _appositive_head, _complement_time, _event_time, _mirror, _needs_complement

if TYPE_CHECKING:
    from spacy.tokens import Doc


# ============================================================================ anchoring
@dataclass(frozen=True, slots=True)
class _Resolved:
    expr: Expr
    val: Val | None
    anchor: str | None
    sent: int
    tense: str | None
    subordinate: bool
    aside: bool = False  # a detail of the story, not its narration: no reference for a later anaphor
    forward: bool = False  # anchored on a time told after it (:meth:`_DocContext.forward_reference`)


_RANK = {"day": 0, "week": 1, "weekend": 1, "fortnight": 1, "month": 2, "year": 3, "decade": 4}
_LOOKBACK = 40  # how many earlier times an anaphoric expression may look back over (keeps long documents linear)


_GRAN_OK = {"day": {"day"}, "week": {"day", "week"}, "weekend": {"day", "week"},
            "fortnight": {"day", "week"}, "month": {"day", "week", "month"},
            "year": {"day", "week", "month", "year", "range"}, "decade": {"day", "week", "month", "year", "range"}}


class _DocContext:
    """Sentence positions, clause tenses and the publication date of one document."""

    def __init__(self, doc: "Doc", published: dt.date | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token: compute it once
        self.pub = tv.day(published) if published else None
        self.sent_starts = [s.start_char for s in sentences(doc)] if doc.has_annotation("SENT_START") else [0]

    def sent_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    # -- one expression
    def resolve(self, i: int, exprs: list[Expr], done: list[_Resolved]) -> _Resolved:
        expr = exprs[i]
        sent = self.sent_of(expr.start)
        tense, subordinate = _clause(self.doc, expr.start, expr.end)
        if expr.check == "holiday" and tense != "future" and _forward_looking(self.doc, expr.start, expr.end):
            tense = "future"  # "talks may drag on past Easter": the next one
        elif expr.check == "weekday" and tense != "future" and (
                _forward_looking(self.doc, expr.start, expr.end) or _present_schedule(self.doc, expr.start, expr.end)
                or (_ahead(self.doc, expr.start, expr.end) and not _pluperfect(self.doc, expr.start, expr.end))):
            tense = "future"  # "can expect a visit this Monday", "ahead of Saturday's deadline": the coming one
            # (but "ahead of his visit on Monday, he had said": the pluperfect puts that day behind)
        if _needs_complement(self.text, expr):
            j = _complement_time(self.text, exprs, i, self.sent_of)
            if j is not None:
                ref = self.resolve(j, exprs, done)
                val = expr.resolve(Ctx(ref.val, tense)) if ref.val is not None else None
                return _Resolved(expr, val, self._text(ref.expr) if val else None, sent, tense, subordinate)
            h = _appositive_head(self.text, exprs, i)
            if h is not None and done and done[-1].expr is exprs[h] and done[-1].val is not None:
                head = done[-1].val
                fwd = expr.resolve(Ctx(head, tense))
                val = _mirror(head, fwd) if fwd is not None else None
                return _Resolved(expr, val, self._text(exprs[h]) if val else None, sent, tense, subordinate, True)
            j = _event_time(self.doc, exprs, i, self.sent_of)
            ref = next((r for r in reversed(done) if r.expr is exprs[j]), None) if j is not None else None
            if ref is not None and ref.val is not None:
                # "The vote was held on March 2. Two weeks after the vote, ...": counted from the event's day
                val = expr.resolve(Ctx(ref.val, tense))
                return _Resolved(expr, val, self._text(ref.expr) if val else None, sent, tense, subordinate)
        val, anchor = self._value(i, exprs, sent, tense, subordinate, done)
        aside = subordinate and _embedding(self.doc, expr.start, expr.end)[0]
        return _Resolved(expr, val, anchor, sent, tense, subordinate, aside)

    def _text(self, e: Expr) -> str:
        return self.text[e.start:e.end]

    def _value(self, i: int, exprs: list[Expr], sent: int, tense: str | None, subordinate: bool,
               done: list[_Resolved]) -> tuple[Val | None, str | None]:
        expr = exprs[i]
        mode = expr.mode
        if mode in ("absolute", "duration", "set"):
            return expr.resolve(Ctx(None)), None
        if mode == "calendar":
            start = self._range_start(i, exprs, done)
            if start is not None:
                return expr.resolve(Ctx(start.val, "future")), self._text(start.expr)
            if expr.window and not _pluperfect(self.doc, expr.start, expr.end):
                tense = "future"  # a deadline ("by June") lies ahead of when it was set
            fixed = self._context_year(i, sent, tense, exprs) if tense != "future" else None
            if fixed is not None:
                default = expr.resolve(Ctx(self.pub, tense)) if self.pub is not None else None
                # the context only chooses between neighbouring years ("4 July 1976" next to a
                # deadline "March 31st" is a birth date, not the deadline's year)
                if default is None or abs(fixed[0].start.year - default.start.year) <= 1:
                    return fixed
            if tense == "past":
                fixed = self._narrative_year(expr, sent, done)
                if fixed is not None:
                    return fixed
            scene = self._reporting_time(sent, done) if subordinate else None
            if scene is not None:
                return expr.resolve(Ctx(scene.val, tense)), self._text(scene.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        if mode == "deictic":
            if expr.rule == "deictic_word" and _in_quote(self.text, expr.start):
                ref = self._reference(expr, sent, "past", done, same_sentence=False)
                if ref is not None:
                    return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        if mode == "anaphoric":
            reported = subordinate and _embedding(self.doc, expr.start, expr.end)[1]
            ref = self._reference(expr, sent, tense, done, reported=reported)
            if ref is None and expr.rule in ("in_the_unit", "anaphoric_weekday") and self.pub is not None:
                # "later in the week" with no scene set: this week; "the following Monday": next Monday
                return expr.resolve(Ctx(self.pub, tense)), "published"
            if ref is None:
                return None, None
            return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
        if mode == "window":
            ref = self._scene_day(sent, done)
            if ref is not None:
                return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        return None, None

    def _range_start(self, i: int, exprs: list[Expr], done: list[_Resolved]) -> _Resolved | None:
        """For the end of a range ("from Monday to Thursday", "between March 3 and March 5"): its
        start, which the end follows."""
        if i == 0 or not done or done[-1].expr is not exprs[i - 1] or done[-1].val is None:
            return None
        prev = done[-1]
        if prev.val.gran not in ("day", "month") or prev.expr.mode in ("window", "duration", "set"):
            return None
        if not _RANGE_LINK.fullmatch(self.text, prev.expr.end, exprs[i].start):
            return None
        return prev if _RANGE_OPEN.search(self.text, max(0, prev.expr.start - 10), prev.expr.start) else None

    # -- anaphora
    def _reference(self, expr: Expr, sent: int, tense: str | None, done: list[_Resolved], *,
                   same_sentence: bool = True, reported: bool = False) -> _Resolved | None:
        """The time an anaphoric expression counts from (see the module docstring). An expression
        that is itself inside a reported clause may chain to an earlier reported time: it continues
        the reported story ("saying the gates were opened on Saturday. ... adding that officials had
        been warned two days earlier")."""
        ok = _GRAN_OK.get(expr.unit or "day", {"day"})
        for r in reversed(done):
            if r.sent != sent or not same_sentence:
                break
            if r.val is not None and r.expr.mode not in ("window", "duration", "set") and r.val.gran in ok:
                return r
        for r in reversed(done[-_LOOKBACK:]):
            if r.sent == sent or r.val is None or r.val.gran not in ok:
                continue
            if r.expr.mode in ("window", "duration", "set") or (r.aside and not reported):
                continue
            if r.expr.mode == "anaphoric" and _RANK.get(r.expr.unit or "day", 0) < _RANK.get(expr.unit or "day", 0):
                continue  # "ten days ago ... Two days earlier ... The previous week": a day's detour sets no week
            if tense != "future" and self.pub is not None and r.val.start > self.pub.start:
                continue
            return r
        return None

    def forward_reference(self, i: int, done: list[_Resolved]) -> _Resolved | None:
        """For an anaphoric offset that nothing before it anchors ("The pumps arrived a day earlier, and
        the crew reached the chamber on Wednesday"): the first past day the same paragraph tells after it,
        the scene the paragraph reports from (see :func:`.stage.find_times`)."""
        r = done[i]
        for later in done[i + 1:i + 1 + _LOOKBACK]:
            if "\n" in self.text[r.expr.end:later.expr.start]:
                break
            if later.val is None or later.val.gran != "day" or later.expr.mode in ("window", "duration", "set", "anaphoric"):
                continue
            if later.tense == "future" or self.pub is not None and later.val.start > self.pub.start:
                continue
            return later
        return None

    def _reporting_time(self, sent: int, done: list[_Resolved]) -> _Resolved | None:
        """For a date inside a reported or relative clause: the main clause's day earlier in the same
        sentence ("announced on May 3 that the bridge would reopen by the end of June"), if not after
        publication."""
        for r in reversed(done):
            if r.sent != sent:
                break
            if r.val is None or r.val.gran != "day" or r.subordinate or r.expr.mode in ("window", "duration", "set"):
                continue
            if self.pub is None or r.val.start <= self.pub.start:
                return r
        return None

    def _scene_day(self, sent: int, done: list[_Resolved]) -> _Resolved | None:
        """The last day-precise time in this sentence or the one before, when not after publication."""
        for r in reversed(done):
            if r.sent < sent - 1:
                break
            if r.val is None or r.val.gran != "day" or r.expr.mode in ("window", "duration", "set"):
                continue
            if self.pub is not None and r.val.start > self.pub.start:
                return None
            return r
        return None

    # -- year-less dates fixed by an explicit date nearby
    def _context_year(self, i: int, sent: int, tense: str | None,
                      exprs: list[Expr]) -> tuple[Val, str] | None:
        """A year-less date followed, in its sentence or the next, by an explicit date with a year
        (day or month precise) takes the year that puts it on or before that date and within a
        year of it: "abducted on August 12 ... released in early October 2022" → 2022-08-12."""
        expr = exprs[i]
        if expr.rule not in ("mdy", "dmy", "month", "week_of"):
            return None
        for j in range(i + 1, len(exprs)):
            other = exprs[j]
            if other.mode != "absolute" or other.rule not in ("mdy", "dmy", "my", "iso"):
                if self.sent_of(other.start) > sent + 1:
                    break
                continue
            osent = self.sent_of(other.start)
            if osent > sent + 1:
                break
            ev = other.resolve(Ctx(None))
            if ev is None or ev.gran not in ("day", "month"):
                continue
            for y in (ev.start.year, ev.start.year - 1):
                v = expr.resolve(Ctx(None, tense, y))
                if v is not None and v.start <= ev.end and (ev.start - v.start).days <= 366:
                    return v, self._text(other)
            return None
        return None


    def _narrative_year(self, expr: Expr, sent: int, done: list[_Resolved]) -> tuple[Val, str] | None:
        """A year-less date in past narration right after a past date that carries or inherited its
        year (same or previous sentence), and that it follows within three months, continues that
        story's year: "On March 3, 2019, ... On March 17, ... In June, ..." → 2019-03-17, 2019-06."""
        if expr.rule not in ("mdy", "dmy", "month", "week_of"):
            return None
        for r in reversed(done):
            if r.sent < sent - 1:
                return None
            if r.val is None or r.val.gran not in ("day", "month") or r.expr.mode not in ("absolute", "calendar"):
                continue
            if r.expr.mode == "calendar" and r.anchor in (None, "published"):
                return None  # the story is told from the publication date
            if self.text[max(0, r.expr.start - 7):r.expr.start].rstrip().lower().endswith("since"):
                return None  # "has been in bankruptcy since November 2011": a state running to now, no scene (issue 11)
            ev = r.val
            if self.pub is not None and ev.start > self.pub.start:
                return None
            for y in (ev.start.year, ev.start.year + 1):
                v = expr.resolve(Ctx(None, "past", y))
                if v is not None and v.start >= ev.start and (v.start - ev.end).days <= 92:
                    return v, self._text(r.expr)
            return None
        return None


_RANGE_LINK = re.compile(r"\s*(?:(?i:to|until|till|through|and)\s|[-–])\s*")
_RANGE_OPEN = re.compile(r"(?i:\b(?:from|between))\s+$")


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation in its paragraph (curly quotes paired, straight ones counted)."""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1
