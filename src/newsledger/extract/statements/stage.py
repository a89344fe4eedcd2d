"""The ``statements`` stage: who said what, to whom, when, direct and indirect.

Approach, over the parsed Doc (never re-parsed here):

1. **Cues** (:mod:`.cues`). Every verb whose lemma is a reporting or speech-act verb of the
   lexicon (``data/lexicons/statements.json``: say, tell, add, deny, urge, call on, accuse, dismiss as,
   pledge, ...) and every "according to X" is a candidate. Its *content* is read off the dependency
   parse: the reported clause (ccomp/xcomp) for clause verbs, object-to-complement for object verbs
   ("urged X to ...", "accused X of ...", "called X Y"), the rest of the host clause for inverted and
   parenthetical attributions ("..., the ministry said", "according to X"). The speaker is the cue's
   subject (inherited from the governing verb for participles: "..., saying ...", and for shared-subject
   coordination: "X said ... and urged ..."); an appositive name wins over a title ("Its spokesman,
   Piet Aro, said"). Negated or declined cues ("did not say", "declined to say"), passive ones
   ("was told") and speech reported inside another statement's content are not statements; "quoted X as
   saying" gives X as the speaker and the quoting outlet as the channel; a document ("a statement from
   X") speaks for its source.
2. **Quotes** (:mod:`.quotes`). Quotation marks are paired on the raw text. A cue's content
   that starts inside a quote becomes the whole quote (several sentences, several paragraphs) and is
   *direct*; content only partly quoted stays indirect (mixed speech). A quote that resumes right after
   its attribution (``"...," she said, "..."``) is a second *part* of the same statement. A full-sentence
   quote with no attribution of its own continues the previous direct statement's speaker (with no cue
   of its own). A colon introduction takes the quote after the colon even where the parser left it
   unattached.
3. **Speakers** become entity ids through :class:`EntityIndex`; pronouns and titles that no mention
   covers fall back to the most recent subject of the right sort (person for he/she, organization for
   it/they, an entity whose name holds the title noun for "the ministry").
4. **Channel**: the audience or outlet (the object of tell, "to reporters", "on state television",
   "in an interview with X"). **About**: entities mentioned in the content.
5. **Kind**: from the cue where it settles it (deny, urge, pledge, dismiss as, call X Y), else from the
   content: the speaker's own side acting in the future → commitment; future or possible events →
   prediction; evaluative wording → opinion; otherwise claim.
6. **Date**: a time attached to the cue (or its governing verb), else the latest dated occasion of the
   same speaker, else the dated lead event of the article (the scene most statements report from);
   never the publication date by default. **Horizon**: a window or future time inside the content of a
   prediction, commitment or demand, resolved from the statement's date when the times stage can.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TYPE_CHECKING, Sequence

from ...analysis.clause import children as _children
from ...stages import Found
from ...records import Entity, Statement, Time
from .._index import EntityIndex
from .._doc import doc_text, tokens
from .cues import Draft, find_drafts
from .kinds import TimesByStart, horizon_of, kind_of
from .quotes import find_quotes
from .speakers import SpeakerResolver, head_entity
from .trace import trace_statement
from .when import DateFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_statements"]


def find_statements(
    doc: "Doc",
    entities: Sequence[Entity] = (),
    times: Sequence[Time] = (),
    published: dt.date | None = None,
) -> list[Statement]:
    """Every attributed statement of ``doc``, ids ``s1, s2, ...`` in text order."""
    return _find(doc, entities, times, published)


def _find(doc: "Doc", entities: Sequence[Entity], times: Sequence[Time], published: dt.date | None) -> list[Statement]:
    text = doc_text(doc)
    index = EntityIndex(entities)
    quotes = find_quotes(text)
    drafts = find_drafts(doc, quotes)
    speakers = SpeakerResolver(doc, index, quotes)
    for d in drafts:
        speakers.resolve(d)
    for d in drafts:
        if d.speaker_from is not None:  # a quote continuing an earlier statement: same speaker
            src = d.speaker_from
            d.speaker, d.speaker_text, d.speaker_key = src.speaker, src.speaker_text, src.speaker_key
    _same_document(doc, drafts, index)
    for d in drafts:
        fro = d.speaker_from
        if fro is not None and d.speaker is None and fro.speaker is not None:  # its source found by _same_document
            d.speaker, d.speaker_key = fro.speaker, fro.speaker_key
    dates = DateFinder(doc, times, index, speakers, published)
    dates.follow(drafts)
    by_start = TimesByStart(times)
    out: list[Statement] = []
    for d in drafts:
        d.channel = _channel_id(index, d, text)
        _spokesperson_relay(index, d, text)
        d.about = tuple(_about(index, d, speakers, text))
        d.kind = kind_of(doc, d, index, speakers)
        d.date = dates.date_of(d)
        if d.kind in ("prediction", "commitment", "demand"):
            d.horizon = horizon_of(doc, d, by_start, d.date, published)
        out.append(_record(doc, d, len(out) + 1))
    ids = {id(d): st.id for d, st in zip(drafts, out)}
    for d, st in zip(drafts, out):
        trace_statement(doc, d, st.id, ids)
    return out


def _same_document(doc: "Doc", drafts: Sequence[Draft], index: EntityIndex | None = None) -> None:
    """"The statement said ...", "the report added": a definite document speaks for whoever issued the
    last one of that kind ("..., the ministry said in a statement."), else for the named subject of the
    latest verb that had one of that kind as its object ("X released a statement on Tuesday ...", speak19);
    its date follows that speaker's."""
    from .cues import lexicon

    mediums = set(lexicon()["medium_nouns"])
    text = doc_text(doc)
    order = sorted(drafts, key=lambda d: d.content[0])
    issued: list[tuple[int, str, str]] | None = None  # (position, noun, issuer entity), built on first need
    for k, d in enumerate(order):
        if d.speaker is not None or d.subject_i is None:
            continue
        subj = doc[d.subject_i]
        if subj.lemma_.lower() not in mediums or not any(c.lower_ == "the" for c in _children(subj)) \
                or any(c.dep_ == "prep" for c in _children(subj)):
            continue
        noun = subj.lemma_.lower()
        for prev in reversed(order[:k]):
            if prev.speaker is None:
                continue
            s, e = prev.evidence
            if re.search(rf"\b{re.escape(noun)}s?\b", text[s:e], re.I):
                d.speaker, d.speaker_key = prev.speaker, prev.speaker_key
                break
        if d.speaker is None and index:
            issued = _issued(doc, index, mediums) if issued is None else issued
            k = bisect.bisect_left(issued, (subj.idx,))
            got = next((x for x in reversed(issued[max(0, k - 20):k]) if x[1] == noun), None)
            if got is not None:
                d.speaker = got[2]
                d.extra["resolve_route"] = "issued-writing"


def _issued(doc: "Doc", index: EntityIndex, mediums: set[str]) -> list[tuple[int, str, str]]:
    """Every writing some named subject issued ("the guild released a statement"): (the writing's position,
    its noun, the issuer's entity), in text order; one pass over the doc."""
    text = doc_text(doc)
    out = []
    for t in tokens(doc):
        if t.dep_ != "dobj" or t.lemma_.lower() not in mediums:
            continue
        subj = next((c for c in _children(t.head) if c.dep_ == "nsubj"), None)
        eid = head_entity(index, text, subj.left_edge.idx, subj.idx + len(subj.text), (subj.idx, subj.idx + len(subj.text))) \
            if subj is not None else None
        if eid is not None:
            out.append((t.idx, t.lemma_.lower(), eid))
    return out


def _channel_id(index: EntityIndex, d: Draft, doc_text: str) -> str | None:
    if d.channel_span is None or not index:
        return None
    s, e = d.channel_span
    eid = head_entity(index, doc_text, s, e, d.channel_head)
    ent = index.get(eid) if eid else None
    if ent is not None and ent.type in ("GPE", "LOC") and d.channel_head is not None and eid not in {
            x for _s, _e, x in index.overlapping(*d.channel_head)}:
        d.extra["channel_route"] = "place-is-where"
        return None  # a place inside the phrase ("a news conference in Vell") is where, not to whom
    d.extra["channel_route"] = "head-entity" if eid else "no-entity"
    return eid


def _spokesperson_relay(index: EntityIndex, d: Draft, text: str) -> None:
    """"Police said ..., according to police spokesman Sgt. X": an unnamed source relayed by a named
    spokesperson (a ``spokesperson_nouns`` word in the phrase or in the person's titles) is the
    spokesperson speaking for it: X is the speaker, with no channel of his own."""
    from .descriptors import SPOKES

    if d.speaker is not None or d.channel is None or not d.extra.get("relayed") or d.channel_span is None:
        return
    ent = index.get(d.channel)
    if ent is None or ent.type != "PERSON":
        return
    s, e = d.channel_span
    words = set(re.findall(r"[a-z]+", text[s:e].lower())) | {w for t in ent.attributes.titles for w in t.lower().split()}
    if not words & SPOKES:
        return
    d.speaker, d.speaker_key, d.speaker_person = d.channel, ent.name.split()[-1].lower(), True  # as speakers._key
    d.speaker_text, d.speaker_span = text[s:e], d.channel_span
    d.extra["resolve_route"] = "spokesperson-relay"
    d.channel, d.channel_span, d.channel_head = None, None, None


def _about(index: EntityIndex, d: Draft, speakers: SpeakerResolver, text: str) -> list[str]:
    ids: list[str] = []
    routes = d.extra["about_routes"] = []  # (entity id, route) for the trace
    spans = d.parts or ((d.content[0], d.content[1]),)
    if "antecedent" in d.extra:
        spans = (*spans, d.extra["antecedent"])
    for k, (s, e) in enumerate(spans):
        for eid in index.within(s, e):
            if eid not in ids:
                ids.append(eid)
                routes.append((eid, "antecedent" if k >= len(spans) - 1 and "antecedent" in d.extra else "named"))
    if not ids:  # "They will be acquitted": nothing named, a plural subject for the two people just named
        ids.extend(speakers.plural_in(d.content[0], d.content[1]))
        routes.extend((eid, "plural-subject") for eid in ids)
    for route, found in (("pronoun", speakers.pronouns_in(d.content[0], d.content[1], d.speaker)),
                         ("title-noun", speakers.titled_in(d.content[0], d.content[1])),
                         ("own-country", _own_country(index, d, text))):
        for eid in found:
            if eid not in ids:
                ids.append(eid)
                routes.append((eid, route))
    return ids


_OWN_COUNTRY = re.compile(r"\b(?:his|her|their|our|my) (?:country|nation|government|homeland)\b", re.I)


def _own_country(index: EntityIndex, d: Draft, text: str) -> list[str]:
    """"his country has nothing to hide": the country the speaker is affiliated with (a place entity)."""
    if d.speaker is None or not _OWN_COUNTRY.search(text, d.content[0], d.content[1]):
        return []
    ent = index.get(d.speaker)
    if ent is None:
        return []
    places = (index.get(a) for a in ent.attributes.affiliation)
    return [p.id for p in places if p is not None and p.type == "GPE"][:1]


def _record(doc: "Doc", d: Draft, n: int) -> Statement:
    from ...records import Span

    text = doc_text(doc)
    span = lambda se: Span.of(text, se[0], se[1])  # noqa: E731
    return Statement(
        id=f"s{n}",
        speaker=d.speaker,
        speaker_text=d.speaker_text,
        cue=d.cue_text or None,  # a quote continuing an earlier one has no reporting word of its own
        channel=d.channel,
        channel_text=text[d.channel_span[0]:d.channel_span[1]] if d.channel_span else None,
        direct=d.direct,
        content=span(d.content),
        evidence=span(d.evidence),
        parts=tuple(span(p) for p in d.parts) if len(d.parts) > 1 else (),
        about=d.about,
        kind=d.kind,
        date=d.date,
        horizon=d.horizon,
    )


def statements_stage(doc: "Doc", found: Found) -> dict:
    return {"statements": find_statements(doc, found.entities, found.times, found.published)}
