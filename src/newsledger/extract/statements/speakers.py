"""Speakers: from the cue's subject token to a name as written and an entity id.

A name is the run of proper nouns ending at the subject (titles in front stripped: "Senior Velta
official Ilan Sol Varro" → "Ilan Sol Varro"), or the appositive name of a title subject ("Its
spokesman, Piet Aro, said" → "Piet Aro"). Its entity is the one whose mention covers it
(:class:`EntityIndex`). Where no mention covers a pronoun or a title ("he added", "the ministry said"),
the fallback is the most recent subject of the right sort: a person for he/she, an organization for
it/they, an entity whose name holds the title's noun for "the X". Subjects are visited once, in text
order, so the fallback is linear.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from spacy.parts_of_speech import NOUN

from ...analysis.clause import SUBJECT_DEPS, children as _children, head_indices as _head_indices
from ...analysis.reference import (agrees, inside_fronted_report, inside_own_report, known_gender, latest_carrier, next_carrier,
                                   relative_antecedent)
from ...analysis.words import word_class
from .._index import EntityIndex
from ..entities.lex import fold, lexicon as entity_lexicon  # the given names of known gender
from .._doc import attr_lists, char_tokens, doc_text, texts, tokens
from .._doc import sent_of as _sent_of
from .cues import Draft, lexicon
from .descriptors import (SPOKES, definite_title, including_member, owned_body, possessor_body, spokesperson_body,
                          title_modifiers)
from .descriptors import GENERIC_OFFICIAL, described_body, holder_after_title, listed_body, unnamed_official_before
from .descriptors import governing_plural_subject
from .frame_speakers import _titled_name_in_subject
from .quotes import Quote
from .speaker_phrases import _age_descriptor, _appos_name, _key, _name_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SpeakerResolver"]

_POSSESSIVES = word_class("possessive_determiners")
PERSON_PRONOUNS = word_class("male_pronouns") | word_class("female_pronouns")
GROUP_PRONOUNS = word_class("neuter_pronouns") | word_class("plural_pronouns")
_ANY_PRONOUN = PERSON_PRONOUNS | GROUP_PRONOUNS  # (built once: the union was built again for each candidate tried)
_GROUP_POSSESSIVES = _POSSESSIVES & GROUP_PRONOUNS  # ("its", "their": once, not per child read)
_NON_PERSON_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
_SUBJ = SUBJECT_DEPS
_PLURAL_SUBJECTS = frozenset({"they"}) & word_class("plural_pronouns")  # the subject form of the class
_SAME_TITLE = (word_class("team_manager_titles"),)  # titles that name one role ("the gaffer" is the "boss")
_BARE = frozenset({"*"})  # a holder given the bare title only, whatever the description's modifiers
_OFFICIAL_TITLES = word_class("official_titles")  # whom "the official" may stand for (descriptors.GENERIC_OFFICIAL)
_MEETING_SIDES = word_class("meeting_side_nouns")  # "the parties", "the two sides"
_PLURAL_OR_TWO = _PLURAL_SUBJECTS | {"two", "both"}  # the words plural_in looks at (see _the_two)


@dataclass
class _Cand:
    i: int                       # token index of the subject
    pos: int                     # character offset
    key: str | None              # normalized name ("brenn", "bureau")
    eid: str | None
    person: bool
    span: tuple[int, int]        # the name as written
    phrase: tuple[int, int]      # the whole subject phrase
    text: str
    route: str = "name"          # how the subject became the speaker (the trace's rule id)


class SpeakerResolver:
    """Resolve drafts' speakers; remember every subject for pronoun and title fallbacks."""

    def __init__(self, doc: "Doc", index: EntityIndex, quotes: Iterable[Quote]) -> None:
        self.doc = doc
        self.index = index
        self._named: _NamedMentions | None = None  # built on the first title noun ("the ministry")
        self._persons: _NamedMentions | None = None  # built on the first title holder ("the governor")
        self._word_positions: dict[frozenset[str], list[int]] = {}  # (see _with_lower)
        self._definite: list[int] | None = None  # (see titled_in)
        self._quoted = [(q.open_at, q.close_at) for q in quotes]
        self._qstarts = [q[0] for q in self._quoted]
        self.cands: list[_Cand] = []
        self._by_i: dict[int, _Cand] = {}
        cues = lexicon()["cues"]
        toks, subj_ids = tokens(doc), {doc.vocab.strings[d] for d in _SUBJ}  # a label's id (a symbol or a hash)
        for i, dep in enumerate(attr_lists(doc)[3]):  # subjects picked by their label ids
            if dep not in subj_ids:
                continue
            tok = toks[i]
            if not self._in_quote(tok.idx) and _main_clause(tok.head, cues):
                titled = _titled_name_in_subject(tok.head, tok) if tok.head.lemma_.lower() in cues else None
                self._add(titled if titled is not None else tok)  # "<Body> secretary X said": X, for "he" after
        self._cand_pos = [c.pos for c in self.cands]
        self.sides: dict[str, set[str]] = {}
        self.side_words: dict[str, set[str]] = {}

    # ------------------------------------------------------------------ public
    def resolve(self, d: Draft) -> None:
        """Fill the draft's speaker fields from its subject token."""
        if d.subject_i is None:
            return
        cand = self.candidate(self.doc[d.subject_i])
        d.speaker = cand.eid
        d.speaker_key = cand.key
        d.speaker_person = cand.person
        d.speaker_span = cand.span
        d.speaker_phrase = cand.phrase
        d.speaker_text = doc_text(self.doc)[cand.span[0]:cand.span[1]]
        d.extra["resolve_route"] = cand.route if cand.eid or cand.route != "name" else "no-entity"
        key = cand.eid or cand.key
        if key:
            side = self.sides.setdefault(key, set())
            if cand.eid:
                side.add(cand.eid)
                ent = self.index.get(cand.eid)
                if ent is not None:
                    side.update(a for a in ent.attributes.affiliation if a in self.index.entities)
            side.update(self.index.within(*cand.phrase))
            words = self.side_words.setdefault(key, set())
            words.update(w.lower() for w in doc_text(self.doc)[cand.phrase[0]:cand.phrase[1]].replace("'s", "").split())
            if cand.key:
                words.add(cand.key)

    def candidate(self, tok: "Token") -> _Cand:
        """The speaker reading of a subject token (name, key, entity)."""
        return self._by_i.get(tok.i) or self._make(tok, self._before(tok.idx))

    def side_of(self, d: Draft) -> tuple[set[str], set[str]]:
        """Entity ids and words that stand for the speaker's own side (itself, its organization)."""
        key = d.speaker or d.speaker_key
        if not key:
            return set(), set()
        return self.sides.get(key, set()), self.side_words.get(key, set())

    def person_before(self, pos: int, exclude: str | None) -> str | None:
        """The entity of the most recent person mention before ``pos`` (not ``exclude``)."""
        best = None
        for s, _e, eid in self.index.overlapping(max(0, pos - 3000), pos):
            ent = self.index.get(eid)
            if ent is not None and ent.type == "PERSON" and eid != exclude and s < pos:
                best = eid
        return best

    def pair_before(self, pos: int, window: int | None = 600) -> list[str]:
        """The people of the latest coordination of two person mentions ("X and Y") before ``pos`` and
        within ``window`` characters (None: anywhere before): whom a plural "they" in what is said next,
        or "the two leaders", most likely means."""
        lo = 0 if window is None else max(0, pos - window)
        people = [(s, e, eid) for s, e, eid in self.index.overlapping(lo, pos)
                  if s < pos and (ent := self.index.get(eid)) is not None and ent.type == "PERSON"]
        for (s1, e1, a), (s2, e2, b) in reversed(list(zip(people, people[1:]))):
            first = self.doc.char_span(s1, e1, alignment_mode="expand")
            second = self.doc.char_span(s2, e2, alignment_mode="expand")
            if a != b and first is not None and second is not None and len(first) and len(second) \
                    and second.root.dep_ == "conj" and second.root.head.i in range(first.start, first.end):
                return [a, b]
        return []

    def plural_in(self, start: int, end: int) -> list[str]:
        """The pair (see :meth:`pair_before`) a plural subject pronoun in ``start:end`` that no entity
        mention covers refers to ("They will be acquitted", said of two accused named just before)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not self.index:
            return []
        for t in self._with_lower(span, _PLURAL_OR_TWO):  # (the others pass neither test below)
            if t.lower_ in _PLURAL_SUBJECTS and t.dep_ in _SUBJ and not self.index.overlapping(t.idx, t.idx + len(t.text)):
                if t.head.dep_ == "ccomp" and not all(self._personal(c) for c in _children(t.head.head) if c.dep_ in _SUBJ):
                    return []  # "the company said they would ...": they are the company
                near = self.pair_before(start)
                if near or not self._two_before(start):
                    return near
                return self.pair_before(start, None)  # "the hearing of the two men ... 'They will be ...'"
            if self._the_two(t):  # "the hearing of the two men"
                return self.pair_before(start, None)
        return []

    @staticmethod
    def _the_two(t: "Token") -> bool:
        """ "the two (leaders)", "both (men)": a plural reference to two people named before."""
        if t.lower_ not in ("two", "both"):
            return False
        from ..events.lexicon import lexicon as event_lexicon  # the party nouns are defined there, once

        person_nouns = {w for w, kind in event_lexicon().party_nouns.items() if kind == "PERSON"}
        return (
            t.dep_ in ("nummod", "det", "predet") and t.head.lemma_.lower() in person_nouns
            and not any(c.dep_ == "poss" for c in _children(t.head)) or t.dep_ in _SUBJ)

    def _two_before(self, pos: int, window: int = 300) -> bool:
        span = self.doc.char_span(max(0, pos - window), pos, alignment_mode="contract")
        return span is not None and any(self._the_two(t) for t in span)

    def _personal(self, tok: "Token") -> bool:
        """Whether a subject is a person: a personal pronoun or a person entity's mention."""
        if tok.lower_ in PERSON_PRONOUNS or tok.lower_ in ("i", "we"):
            return True
        return any((ent := self.index.get(eid)) is not None and ent.type == "PERSON"
                   for _s, _e, eid in self.index.overlapping(tok.idx, tok.idx + len(tok.text)))

    def pronouns_in(self, start: int, end: int, speaker: str | None) -> list[str]:
        """Entities of third-person pronouns in ``start:end`` that no entity mention covers."""
        if not self.index:
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        out: list[str] = []
        for t in self._with_lower(span, PERSON_PRONOUNS):
            if t.lower_ in PERSON_PRONOUNS and not self.index.overlapping(t.idx, t.idx + len(t.text)):
                eid = self.person_before(t.idx, speaker if t.dep_ not in _SUBJ else speaker)
                if eid and eid not in out:
                    out.append(eid)
        return out

    def _with_lower(self, span: "Span", words: frozenset[str]) -> list["Token"]:
        """The tokens of ``span`` whose lower-case form is one of ``words``, picked by id from the doc's
        arrays (no Token is built for the others)."""
        at = self._word_positions.get(words)
        if at is None:  # where the doc writes any of the words, found once per doc and word set
            strings = self.doc.vocab.strings
            ids = {strings[w] for w in words}
            at = self._word_positions[words] = [k for k, w in enumerate(attr_lists(self.doc)[1]) if w in ids]
        toks = tokens(self.doc)
        return [toks[k] for k in at[bisect.bisect_left(at, span.start):bisect.bisect_left(at, span.end)]]

    # ------------------------------------------------------------------ building
    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._qstarts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos <= self._quoted[i][1]

    def _before(self, pos: int) -> list[_Cand]:
        i = bisect.bisect_left([c.pos for c in self.cands], pos) if not hasattr(self, "_cand_pos") \
            else bisect.bisect_left(self._cand_pos, pos)
        return self.cands[max(0, i - 60):i]

    def _add(self, tok: "Token") -> None:
        cand = self._make(tok, self.cands[-60:])
        self.cands.append(cand)
        self._by_i[tok.i] = cand

    def _make(self, tok: "Token", prior: list[_Cand]) -> _Cand:
        doc, index = self.doc, self.index
        if tok.lemma_.lower() in lexicon()["medium_nouns"]:
            # "A statement from the presidency said": the source of the document speaks
            for p in (c for c in _children(tok) if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")):
                src = next((g for g in _children(p) if g.dep_ == "pobj"), None)
                if src is not None:
                    return replace(self._make(src, prior), route="medium-source")
            if tok.dep_ == "dobj":  # "the embassy issued a statement saying ...": who issued it
                issuer = next((c for c in _children(tok.head) if c.dep_ == "nsubj"), None)
                if issuer is not None and issuer.lemma_.lower() not in lexicon()["medium_nouns"]:
                    return replace(self._make(issuer, prior), route="medium-issuer")
        ante = relative_antecedent(tok)  # "the coach, Ivo Matt, who said ...": the relative clause's noun
        if ante is not None:
            if ante.pos_ in ("NOUN", "PROPN"):
                return replace(self._make(ante, prior), route="relative-antecedent")
        member = including_member(tok)  # "Officials there, including X, are calling it ..."
        if member is not None and index and index.overlapping(member.idx, member.idx + len(member.text)):
            return replace(self._make(member, prior), route="including-member")
        span, phrase = _name_span(tok)
        text = doc_text(doc)[span[0]:span[1]]
        eid = head_entity(index, doc_text(doc), span[0], span[1], (tok.idx, tok.idx + len(tok.text))) if index else None
        lower = tok.lower_
        route = "entity-mention" if eid is not None else "name"
        person = self._is_person(tok, eid, phrase)
        key = _key(doc, span, tok)
        aged = eid is None and _age_descriptor(tok)  # '"...," the 58-year-old alleged': like "he", the latest person
        if lower in _PLURAL_SUBJECTS and (gov := governing_plural_subject(tok)) is not None:
            return replace(self._make(gov, prior), route="pronoun-governing-subject")  # "a woman they said ..."
        if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in ("i", "we") or aged:
            want_person = lower in PERSON_PRONOUNS or aged
            ante = next((c for c in reversed(prior) if c.person == want_person and c.key
                         and c.key not in _ANY_PRONOUN
                         and (aged or agrees(lower, self._gender(c.eid))) and not inside_fronted_report(tok, tokens(doc)[c.i])
                         and not inside_own_report(tok, tokens(doc)[c.i])),
                        None) if lower not in ("i", "we") else None
            pair = self.pair_before(tok.idx, tok.idx - _sent_of(tok).start_char) \
                if lower in _PLURAL_SUBJECTS and index and (ante is None or ante.pos < _sent_of(tok).start_char) else []
            if pair:
                # "A and B met X, where they affirmed ...": "they" is the pair conjoined earlier in its own
                # sentence; the record names one speaker, the first of the pair (pair_before)
                eid, person, route = pair[0], True, "pronoun-conjoined-pair"
                key = index.get(pair[0]).name.split()[-1].lower()  # as _key
            elif ante is not None:
                # a reporting subject pronoun ("He added") continues the latest subject of its sort:
                # the news convention, trusted over a general coreference guess
                if eid is None or (want_person and ante.eid is not None):
                    eid = ante.eid
                key = ante.key
                person = ante.person
                phrase = ante.phrase
                route = "pronoun-continues-subject"
            else:
                key = None
        elif index and (body := described_body(tok, eid, index)) is not None:
            eid, person, route = body, False, "described-body"  # "the Castrel-based pump maker said" (issue 11)
        elif eid is None and index and (holder := holder_after_title(tok, index, lexicon()["titles"])) is not None:
            eid, person, route = holder, True, "title-before-holder"  # "Deputy Commissioner of Police X told ..."
            key = index.get(holder).name.split()[-1].lower()  # as _key
        elif (eid is None or getattr(index.get(eid), "type", "PERSON") != "PERSON") and tok.pos_ == "NOUN" and index \
                and tok.lower_ in lexicon()["titles"] and _appos_name(tok) is None \
                and any(c.dep_ == "poss" and c.lower_ in _GROUP_POSSESSIVES for c in _children(tok)):
            # "its Africa director said": a member of the body "its" stands for (the latest body that was
            # a subject, as for "it said", or the entity the pronoun was resolved to), named if the text
            # names who holds that title there; else an unnamed member (no entity)
            owner = next((c for c in _children(tok) if c.dep_ == "poss"), None)
            bodies = [c.eid for c in reversed(prior) if not c.person and c.eid is not None][:1]
            bodies += [e for _, _, e in index.overlapping(owner.idx, owner.idx + len(owner.text))]
            eid = next((h for b in bodies for h in (self._title_holder(tok, b, affiliated_only=True),
                                                    self._title_holder(tok, b, later=True, affiliated_only=True))
                        if h is not None), None)
            person = True
            route = "owned-title-holder" if eid is not None else route
        elif (eid is None or getattr(index.get(eid), "type", "PERSON") != "PERSON") and tok.pos_ in ("NOUN", "PROPN") \
                and index and tok.lower_ in lexicon()["titles"] and _sent_of(tok).start == 0 and _appos_name(tok) is None \
                and not index.overlapping(tok.idx, tok.idx + len(tok.text)):
            # a headline's "..., warns union leader": the holder of the title the story introduces below
            eid = self._title_holder(tok, "", later=True)
            person = eid is not None or person
        elif eid is None and index and tok.lower_ in SPOKES and _appos_name(tok) is None \
                and (body := spokesperson_body(tok, index, self._titled)) is not None:
            eid, person, route = body, False, "spokesperson-body"  # "a company spokesperson confirmed"
        elif eid is None and index and tok.lower_ in SPOKES and _appos_name(tok) is None \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in _children(tok)) \
                and (body := next((c.eid for c in reversed(prior) if c.route == "spokesperson-body"), None)) is not None:
            # "the spokesperson said" after "a Velmar Port spokesperson said": the same body (issue 11)
            eid, person, route = body, False, "spokesperson-body-again"
        elif eid is None and index and tok.pos_ == "NOUN" \
                and (body := owned_body(tok, index, self.person_before(tok.idx, None))) is not None:
            eid, person, route = body, False, "owned-body"  # "..., his club announced"
        elif eid is None and index and tok.lower_ in _MEETING_SIDES and tok.tag_ == "NNS" \
                and any(c.lower_ in ("the", "both", "two") for c in _children(tok)) \
                and (side := self._meeting_side(tok, prior)) is not None:
            eid, person, route = side, True, "meeting-sides"  # "Both sides shared the view that ..."
        elif eid is None and index and definite_title(tok, lexicon()["titles"]) and _appos_name(tok) is None \
                and (holder := self._definite_holder(tok)) is not None:
            eid, person, route = holder, True, "definite-title-holder"  # "the chief minister said"
        elif eid is None and index and _appos_name(tok) is None \
                and (body := possessor_body(tok, lexicon()["titles"], index)) is not None \
                and (holder := self._possessed_holder(tok, body)) is not None:
            eid, person, route = holder, True, "possessor-title-holder"  # "Tumbria's foreign minister said"
        elif eid is None and index and (body := listed_body(tok, index)) is not None:
            eid, person, route = body, False, "listed-apposition"  # "..., the third monthly fall, the X Association said"
        elif eid is None and tok.pos_ == "NOUN" and index:
            eid = self._titled(tok)
            route = "title-noun" if eid is not None else route
        elif (eid is not None and tok.pos_ == "NOUN" and tok.is_lower and tok.lower_ in lexicon()["titles"]
              and getattr(index.get(eid), "type", "PERSON") != "PERSON" and _appos_name(tok) is None
              and not index.overlapping(tok.idx, tok.idx + len(tok.text))):
            # "the BNR governor said": the body only qualifies the title; the speaker is its holder
            holder = self._title_holder(tok, eid)
            if holder is None and tok.lower_ in SPOKES:
                # "An HPA spokesperson said", no one named as its spokesperson: the body speaks (issue 11);
                # a place on it ("an Ostra-based spokesperson for the airline") is no body: the one it names
                if getattr(index.get(eid), "type", None) != "ORG" or eid not in {
                        e for _s, _e, e in index.overlapping(tok.left_edge.idx, tok.idx)}:
                    eid = spokesperson_body(tok, index, self._titled)
                person, route = False, "spokesperson-body"
            else:
                eid, person, route = holder, True, "title-holder"
        return _Cand(tok.i, tok.idx, key, eid, person, span, phrase, text, route)

    def _gender(self, eid: str | None) -> str | None:
        """The gender a person entity's mentions tell (its pronouns, its given name), None if unknown."""
        ent = self.index.get(eid) if eid else None
        if ent is None or ent.type != "PERSON":
            return None
        first = fold(ent.name.split()[0]) if len(ent.name.split()) > 1 else ""
        names = entity_lexicon()
        female, male = first in names.female_names, first in names.male_names
        return known_gender((m.text for m in ent.mentions),
                            "female" if female and not male else "male" if male and not female else None)

    def _definite_holder(self, tok: "Token") -> str | None:
        """The person given the title of "the chief minister (of X)" before it, else after it; its
        modifiers must be the holder's too, a holder affiliated with the "of" body preferred."""
        need = title_modifiers(tok)
        body = ""
        for p in (c for c in _children(tok) if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            for o in (g for g in _children(p) if g.dep_ == "pobj"):
                body = next((e for _s, _e, e in self.index.overlapping(o.idx, o.idx + len(o.text))), body)
        return self._title_holder(tok, body, need=need) or self._title_holder(tok, body, later=True, need=need)

    def _meeting_side(self, tok: "Token", prior: list[_Cand]) -> str | None:
        """"the parties", "the two sides": the first of a pair conjoined just before ("A and B"), else the
        latest person who was a reporting subject (the side the article follows) when another person
        is named before ``tok`` too; None when the text names no two people."""
        pair = self.pair_before(tok.idx)
        if pair:
            return pair[0]
        ante = next((c.eid for c in reversed(prior) if c.person and c.eid is not None), None)
        others = {eid for _s, _e, eid in self.index.overlapping(0, tok.idx)
                  if eid != ante and getattr(self.index.get(eid), "type", None) == "PERSON"}
        return ante if others else None

    def _possessed_holder(self, tok: "Token", body: str) -> str | None:
        """The person affiliated with ``body`` given the title of "Tumbria's foreign minister" (its
        modifiers included), named before it, else after it; None when no holder is affiliated with it."""
        need = title_modifiers(tok)
        # last: "Velmaria's handball coach" is a holder affiliated there given the bare title "coach" (issue 11)
        return self._title_holder(tok, body, affiliated_only=True, need=need) \
            or self._title_holder(tok, body, later=True, affiliated_only=True, need=need) \
            or (self._title_holder(tok, body, affiliated_only=True, need=_BARE)
                or self._title_holder(tok, body, later=True, affiliated_only=True, need=_BARE) if need else None)

    def _title_holder(self, tok: "Token", body: str, later: bool = False, affiliated_only: bool = False,
                      need: frozenset[str] = frozenset()) -> str | None:
        """The person named before ``tok`` who holds its title word, preferring one affiliated with
        ``body`` (with ``later``: the first one named after it; with ``affiliated_only``: only one
        affiliated with it); None (an unnamed holder) when nobody does."""
        words = next((group for group in _SAME_TITLE if tok.lower_ in group), frozenset({tok.lower_}))
        words |= _abbreviated(tok.lower_)  # "the governor" is the one written "Gov. X" (speak19)
        if tok.lower_ in GENERIC_OFFICIAL:
            if unnamed_official_before(self.doc, tok.i):
                return None  # "an official said ... the official added": the unnamed one
            words = _OFFICIAL_TITLES
        if self._persons is None:
            self._persons = _NamedMentions(self.index, persons=True)
        persons = self._persons
        if words.isdisjoint(persons.carried):
            return None  # nobody holds the title word
        find = next_carrier if later else latest_carrier

        def holder(affiliated: bool):
            def carrier(m: tuple[int, int, str]) -> str | None:
                ok = not words.isdisjoint(persons.words[m[2]]) \
                    and (need <= persons.words[m[2]] if need != _BARE else persons.words[m[2]] <= words) \
                    and (not affiliated or body in persons.affiliation[m[2]])
                return m[2] if ok else None
            return carrier

        # the holders affiliated with the body first, then any holder (analysis.reference)
        return (find(persons.mentions, tok.idx, holder(True), position=_start)
                or (None if affiliated_only else find(persons.mentions, tok.idx, holder(False), position=_start)))

    def _is_person(self, tok: "Token", eid: str | None, phrase: tuple[int, int]) -> bool:
        if eid is not None:
            ent = self.index.get(eid)
            if ent is not None:
                return ent.type == "PERSON"
        lower = tok.lower_
        if lower in PERSON_PRONOUNS:
            return True
        if lower in GROUP_PRONOUNS:
            return False
        head = _appos_name(tok) or tok
        if head.ent_type_ == "PERSON":
            return True
        titles = lexicon()["titles"]
        words = [w.lower().strip(".,") for w in doc_text(self.doc)[phrase[0]:phrase[1]].split()]
        if head.pos_ == "PROPN" and any(w in titles for w in words):
            return True
        if tok.pos_ == "NOUN" and tok.lower_ in titles:
            return True
        return head.pos_ == "PROPN" and head.ent_type_ not in _NON_PERSON_ENTS and not any(
            c.dep_ == "det" for c in _children(head))

    def _titled(self, tok: "Token", later: bool = False) -> str | None:
        """"the ministry", "the bureau": the most recently mentioned entity whose name holds the noun
        (with ``later``, else the first one named after it)."""
        noun = tok.lower_
        if self._named is None:
            self._named = _NamedMentions(self.index)
        named = self._named
        if noun not in named.carried:
            return None

        def carrier(m: tuple[int, int, str]) -> str | None:
            return m[2] if noun in named.words[m[2]] else None

        # "the maritime association": a name that holds the modifiers too is meant before the latest one
        # that holds only the noun (issue 11)
        mods = {c.lower_ for c in _children(tok) if c.i < tok.i and c.dep_ in ("amod", "compound") and c.is_lower}
        # "the court in Amsterdam": the body whose name holds the place as well, named before or after (issue 11)
        placed = {o.lower_ for p in _children(tok) if p.dep_ == "prep" and p.lower_ in ("in", "of")
                  for o in _children(p) if o.dep_ == "pobj" and o.pos_ == "PROPN"}
        if mods and mods <= named.carried or placed and placed <= named.carried:
            def full(m: tuple[int, int, str]) -> str | None:
                return m[2] if noun in named.words[m[2]] and (mods | placed) <= named.words[m[2]] else None

            best = latest_carrier(named.mentions, tok.idx, full, position=_start)
            if best is None and placed:
                best = next_carrier(named.mentions, tok.idx, full, position=_start)
            if best is not None:
                return best
        best = latest_carrier(named.mentions, tok.idx, carrier, position=_start)
        if best is None and not later:  # "the union said ..., ... The Velmar Union (VU) has": the one named after
            later = sum(noun in ws for ws in named.words.values()) == 1 and any(c.lower_ == "the" for c in tok.children)
        if best is not None or not later:
            return best
        return next_carrier(named.mentions, tok.idx, carrier, position=_start)

    def titled_in(self, start: int, end: int) -> list[str]:
        """Entities named by definite title nouns in ``start:end`` that no mention covers ("the
        commission" → the Harbour Commission of ...)."""
        if not self.index:
            return []
        span = char_tokens(self.doc, start, end)  # (doc.char_span's tokens, no Span built)
        out: list[str] = []
        if span is None:
            return out
        if self._definite is None:  # the doc's lower-case nouns with "the" ("the commission"), found once
            self._definite = _definite_nouns(self.doc)
        at, toks = self._definite, tokens(self.doc)
        for t in (toks[k] for k in at[bisect.bisect_left(at, span[0]):bisect.bisect_left(at, span[1])]):
            if self.index.overlapping(t.idx, t.idx + len(t.text)):
                continue
            eid = self._titled(t, later=True)
            if eid is not None and eid not in out:
                out.append(eid)
        return out


def _definite_nouns(doc: "Doc") -> list[int]:
    """The doc's lower-case nouns that have a "the" as a determiner child, in text order: read from the id
    columns and the head index (the words "the" with label det, then their heads), no Token built."""
    pos, lower, _, dep = attr_lists(doc)
    strings = doc.vocab.strings
    the, det = strings["the"], strings["det"]
    heads = _head_indices(doc)
    words = texts(doc)
    with_the = {h for c, h in enumerate(heads) if lower[c] == the and dep[c] == det and h != c}
    return [k for k in sorted(with_the) if pos[k] == NOUN and words[k].islower()]


class _NamedMentions:
    """The mentions of the entities other than persons, for title nouns ("the ministry"), or of the persons,
    for the holder of a title ("the governor"): (start, order of the entity, id) in text order, and the
    words each entity carries: its names' (name and aliases), or a person's titles' (with its affiliations)."""

    def __init__(self, index: EntityIndex, persons: bool = False) -> None:
        ents = [e for e in index.entities.values() if (e.type == "PERSON") == persons]
        self.mentions = sorted((m.start, k, e.id) for k, e in enumerate(ents) for m in e.mentions)
        if persons:
            self.words = {e.id: set(" ".join(e.attributes.titles).lower().split()) for e in ents}
        else:
            self.words = {e.id: {w for n in (e.name, *e.aliases) for w in n.lower().split()} for e in ents}
        self.affiliation = {e.id: e.attributes.affiliation for e in ents}
        #: every word some entity carries: a word outside it finds no carrier (no mention need be read)
        self.carried: frozenset[str] = frozenset().union(*self.words.values())


def _abbreviated(title: str) -> frozenset[str]:
    """The abbreviated ranks that stand for ``title`` (lexicon ``rank_abbreviations``): "Gov. X" holds the title of
    "the governor"; a word that only begins like one ("collector", "Col.") holds none."""
    return _RANKS_OF_TITLE.get(title, frozenset())


def _ranks_of_title() -> dict[str, frozenset[str]]:
    ranks: dict[str, set[str]] = {}
    for abbreviation, title in lexicon()["rank_abbreviations"].items():
        ranks.setdefault(title, set()).add(abbreviation)
    return {title: frozenset(abbrs) for title, abbrs in ranks.items()}


_RANKS_OF_TITLE = _ranks_of_title()


def _start(m: tuple[int, int, str]) -> int:
    return m[0]





def _main_clause(verb: "Token", cues: dict) -> bool:
    """Subjects "in subject position": of a main clause (root, coordinated with it) or of a reporting
    verb, not of a clause reported or embedded inside another. A verb that reports only with a word of its
    row ('with': "made clear that") reports nothing without it ("noting X had made the claim": X is no
    subject in subject position, speak19)."""
    entry = cues.get(verb.lemma_.lower())
    if entry is not None and (not entry.get("with") or any(c.lower_ in entry["with"] for c in _children(verb))):
        return True
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("ROOT", "parataxis")


def head_entity(index: EntityIndex, text: str, start: int, end: int, head: tuple[int, int] | None) -> str | None:
    """The entity a phrase names: the mention exactly on it, else the one covering its head word, else
    the last mention inside it that is not a possessive modifier ("Veltria's Orbit network" → Orbit)."""
    if not index:
        return None
    exact = [eid for s, e, eid in index.overlapping(start, end) if s == start and e == end]
    if exact:
        return exact[0]
    if head is not None:
        on_head = [(e - s, eid) for s, e, eid in index.overlapping(*head)]
        if on_head:
            return max(on_head)[1]
    inside = [(s, e, eid) for s, e, eid in index.overlapping(start, end) if s >= start and e <= end
              and not text[e:e + 2] in ("'s", "’s") and not text[e:e + 1] in ("'", "’")
              and text[s:e].lower() not in _POSSESSIVES  # "His lawyer said": the lawyer speaks, not "his" man
              and getattr(index.get(eid), "type", None) != "NORP"]  # "the Veltrian government" is no demonym
    if inside:
        return max(inside, key=lambda r: (r[1], r[1] - r[0]))[2]
    if any(s >= start and e <= end for s, e, _ in index.overlapping(start, end)):
        return None  # only possessive modifiers inside ("Veltria's main party"): not the phrase's entity
    return index.at(start, end)
