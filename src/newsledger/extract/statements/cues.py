"""Reporting cues and what they govern: the content, the speaker phrase and the channel of each
statement, read off the dependency parse, then reconciled with the quotation marks.

See :mod:`newsledger.extract.statements.stage` for the overall approach. Everything here is linear in the
number of tokens (each cue looks at its own children and subtree; quotes are found by bisection).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from spacy.parts_of_speech import AUX, NOUN, VERB

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .quotes import Quote
from .._doc import dateline_tokens, doc_text, attr_lists, tokens
from .draft import (
    _content_chars, Draft, _Frame, lexicon, _NOT_SAYING, _own_subject, _paragraph_cap, _quote_at, subject_of,
    _tok_chars, _trim,
)
from .frames import (
    _according, _colon_quote, _frame, _participle_speaker, _quote_before, _quoted_as,
    _closing_root, _speaker_beside, _this_is_what, _trailing_subject,
)
from .frame_extras import _be_to_idiom, _impersonal_passive, _leading_time, _medium_tail, _noun_frame
from .frame_speakers import _name_before_cue, _titled_name_in_subject
from .reconcile import (
    _apply_quotes, _closing_noun_cue, _colon_headline, _cut_nested, _drop_embedded, _evidence, _named_which,
    _relays, _trailing_relays, _linked_sentence, _unattributed_quotes,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Draft", "find_drafts", "lexicon", "subject_of"]


_LEMMAS: dict[int, str] = {}  # a lemma's id -> its text in lower case (an id always names the same string)
_LEMMAS_MAX = 20_000


def _lemma_lower(strings, lm: int) -> str:
    """The lemma of id ``lm`` in lower case, remembered across docs (at most ``_LEMMAS_MAX`` lemmas): reading a
    string back from spaCy's store decodes it anew each time."""
    got = _LEMMAS.get(lm)
    if got is None:
        if len(_LEMMAS) >= _LEMMAS_MAX:
            _LEMMAS.clear()
        got = _LEMMAS[lm] = strings[lm].lower()
    return got


def _cue_candidates(doc: "Doc", according: Iterable[str], cues: Iterable[str] = (),
                    speech_nouns: Iterable[str] = ()) -> list[int]:
    """The tokens :func:`find_drafts` must look at: a word of "according to", a verb or auxiliary whose
    lemma (lower-cased) is a cue, a noun whose lemma is a speech noun; read from the doc's arrays, each
    distinct lemma looked up once, instead of every token's attributes."""
    pos, lower, lemma = attr_lists(doc)[:3]
    strings = doc.vocab.strings
    acc = {strings[w] for w in according}  # a word's id: spaCy's symbol for the few it has, else its hash
    verbs = {lm for p, lm in zip(pos, lemma) if p == VERB or p == AUX}
    verbs = {lm for lm in verbs if _lemma_lower(strings, lm) in cues}
    nouns = {lm for lm in {lm for p, lm in zip(pos, lemma) if p == NOUN} if _lemma_lower(strings, lm) in speech_nouns}
    return [i for i, (p, lo, lm) in enumerate(zip(pos, lower, lemma))
            if lo in acc or ((p == VERB or p == AUX) and lm in verbs) or (p == NOUN and lm in nouns)]


_WH = frozenset({"what", "how", "why", "when", "where", "who", "whom"})


def _wh_clause(doc: "Doc", a: int, b: int) -> bool:
    """"revealed what she said in the locker room", "explained how it happened": a content that is an
    indirect question names what was said about, not a claim ("said what happened was a tragedy" is one)."""
    if a >= b or doc[a].lower_ not in _WH or doc[a].tag_ not in ("WP", "WRB"):
        return False
    roots = [t for t in doc[a:b] if not a <= t.head.i < b or t.head.i == t.i]
    return len(roots) == 1 and doc[a].head.i == roots[0].i and roots[0].pos_ in ("VERB", "AUX")


def find_drafts(doc: "Doc", quotes: list[Quote]) -> list["Draft"]:
    """The statements of ``doc`` before speakers, kinds and dates are resolved."""
    lex = lexicon()
    cues = lex["cues"]
    starts = [q.open_at for q in quotes]
    drafts: list[Draft] = []
    toks = tokens(doc)
    according = lex["according_to"]
    speech_nouns = lex["speech_nouns"]
    for tok in (toks[i] for i in _cue_candidates(doc, according, cues, speech_nouns)):
        lower = tok.lower_
        if lower not in according and not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues) \
                and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns):
            continue  # neither "according to", a cue verb nor a speech noun (the branches below test the same)
        if _quote_at(quotes, starts, tok.idx) is not None:
            continue  # words inside a quotation are the quoted speaker's, not attributions
        frame: _Frame | None = None
        subj: "Token | None" = None
        if lower in according and tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ == "to":
            got = _according(tok)
            if got is None:
                continue
            frame, subj = got
            route = "according-to"
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues:
            impersonal = _impersonal_passive(tok)  # "It is said that ...": a claim nobody in the text makes
            if not impersonal and (any(c.dep_ == "auxpass" for c in _children(tok)) or (
                    tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in _children(tok)) and not _closing_root(tok))):
                continue  # "officers accused of fraud", "was told", "Asked whether ...,": no speaker here
            if _be_to_idiom(tok):
                continue  # "X and Y are to blame for ...": who is responsible, nothing said
            if (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.i < tok.i and tok.head.pos_ == "NOUN"
                    and all(t.dep_ == "advmod" for t in doc[tok.head.i + 1:tok.i])) or any(
                    c.dep_ == "mark" and c.lower_ in ("whether", "if")
                    and not (tok.i > 0 and doc[tok.i - 1].text == "," and c.i < tok.i - 1)  # "If X, Says Y"
                    for c in _children(tok)):
                continue  # "a girl widely reported to be ...", "will study whether to appeal": nothing was said
            entry = cues[tok.lemma_.lower()]
            negated_ok = any(c.dep_ == "prt" and c.lower_ in entry.get("negated_with", ()) for c in _children(tok))
            if any(c.dep_ == "neg" for c in _children(tok)) and not negated_ok or (
                    tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _NOT_SAYING):
                continue  # "did not say when", "declined to say whether": nothing was said
            if negated_ok and not any(c.dep_ == "neg" for c in _children(tok)):
                continue  # "ruled out a return": a refusal, no reported clause (the row's negated_with)
            this_is = _this_is_what(tok)
            frame = this_is or _frame(tok, cues[tok.lemma_.lower()]) or _colon_quote(tok, quotes, starts) \
                or _quote_before(tok, quotes, starts)
            if frame is None or _wh_clause(doc, frame.a, frame.b) and _quote_at(quotes, starts, doc[frame.a].idx) is None:
                continue
            if negated_ok and entry.get("negated_kind"):
                frame.kind = entry["negated_kind"]  # "does not rule out that ...": a possibility foreseen
            subj = subject_of(tok)
            route = "cue-subject" if _own_subject(tok) is not None else "governing-subject"
            if this_is is not None:
                route = "this-is-what"
            if frame.speaker is not None and (subj is None or frame.a <= subj.i < frame.b):
                # (a conjoined cue inherits the reported clause's own subject: "X eased, pointed out Y")
                subj = doc[frame.speaker]
                route = "object-speaker"
            if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" \
                    and tok.head.lemma_.lower() in lex["medium_nouns"]:
                subj = tok.head  # "read a statement from the embassy saying ...": the document speaks
                route = "medium-speaks"
            if subj is not None and frame.a <= subj.i < frame.b:
                subj = None
            if impersonal:
                subj, route = tok, "impersonal-passive"  # kept through the checks below; no speaker (after them)
            elif cues[tok.lemma_.lower()].get("written") and (subj is None or subj.lemma_.lower() not in lex["medium_nouns"]):
                continue  # '"...," the statement read': only a writing reads so (its issuer speaks, stage._same_document)
            elif cues[tok.lemma_.lower()].get("documentary"):  # "Court papers show ...": a document speaks for nobody
                if subj is None or subj.lemma_.lower() not in word_class("document_nouns"):
                    continue
                route = "documentary"
            if subj is not None and subj.lower_ in ("that", "which") and subj.head.dep_ in ("relcl", "acl") \
                    and not _named_which(subj):
                continue  # "a dispute that threatens to ...": things do not make statements
            if subj is not None and subj.lemma_.lower() in word_class("tally_nouns"):
                continue  # "At least 9 injuries reported, ...": a count is what was reported (issue 11)
            named = _name_before_cue(tok, subj)
            if named is not None and not frame.a <= named.i < frame.b:
                subj, route = named, "name-before-cue"  # ", X, said": the name the parser hung elsewhere
            elif (titled := _titled_name_in_subject(tok, subj)) is not None and not frame.a <= titled.i < frame.b:
                subj, route = titled, "titled-name-in-subject"  # "<Body> secretary general X said"
            if subj is None:
                subj = _speaker_beside(tok, frame)
                route = "speaker-beside-cue"
            if subj is None:
                subj, cut = _trailing_subject(tok)
                route = "trailing-apposition"
                if subj is None:
                    subj, route, cut = _reporter_of_participle(tok), "participle-in-report", frame.b
                if subj is None:
                    continue
                frame.b = min(frame.b, cut)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex["speech_nouns"]:
            got = _noun_frame(tok, lex["speech_nouns"][tok.lemma_.lower()])
            if got is None:
                continue
            frame, subj = got
            route = "speech-noun-possessor"
        else:
            continue
        if frame.a < frame.b and doc[frame.a].dep_ == "prep" and doc[frame.a].head.i == tok.i:
            frame.a += 1  # "warned of a crisis", "called for calm": what was said is the object
        frame.a, frame.b = _paragraph_cap(doc, frame.a, frame.b, tok.i)
        frame.b, tail_time = _medium_tail(doc, tok.i, frame.a, frame.b)  # "... to settle the row, in a letter on Monday"
        while frame.a < min(frame.b, tok.i) and (frame.a in dateline_tokens(doc) or doc[frame.a].is_space):
            frame.a += 1  # "Halden (VL), Mar 3 (XNA) Police arrested ..., an officer said": the dateline is no content
        cue_time = _leading_time(doc, tok.i, frame.a, frame.b)
        if cue_time is not None:  # "said on Tuesday it would ...": the day belongs to the saying
            frame.a = cue_time[1]
        cue_time = tail_time if cue_time is None else cue_time
        chars = _content_chars(doc, frame.a, frame.b)
        if chars is None:
            continue
        quoted = _quoted_as(tok)
        if quoted is not None:  # "X quoted Y as saying ...", "Y was quoted by X as saying ...": Y speaks to X
            subj, frame.channel = quoted
            route = "quoted-as"
        if route in ("documentary", "impersonal-passive"):
            subj = None
        d = Draft(cue_i=tok.i, cue_text=frame.cue_text, content=chars, subject_i=subj.i if subj is not None else None,
                  kind_hint=frame.kind, content_tokens=(frame.a, frame.b),
                  inherited=subj is not None and _own_subject(tok) is None and lower not in lex["according_to"])
        ante = tok.head if tok.dep_ == "relcl" and tok.left_edge.tag_ in ("WP", "WDT") and tok.left_edge.i < frame.a \
            and tok.left_edge.dep_ in ("dobj", "dative") else None
        if ante is not None:  # ", whom she accused of X": the accused (the clause's antecedent) is what X is about
            d.extra["antecedent"] = (ante.left_edge.idx, ante.idx + len(ante.text))
        if cue_time is not None:
            d.extra["cue_time"] = _tok_chars(doc, *cue_time)
        if frame.inverted:
            d.extra["inverted"] = True
        d.extra["speaker_route"] = "inverted" if frame.inverted and route == "cue-subject" else route
        if frame.channel is not None:
            ca, cb = frame.channel
            d.channel_span = _trim(doc_text(doc), *_tok_chars(doc, ca, cb))
            head = doc[ca:cb].root
            d.channel_head = (head.idx, head.idx + len(head.text))
        drafts.append(d)
    _participle_speaker(doc, drafts)
    _cut_nested(doc, drafts)
    drafts = _trailing_relays(doc, drafts)
    drafts = _drop_embedded(doc, drafts)
    drafts = _relays(doc, drafts)
    drafts = [d for d in drafts if d.content[1] - d.content[0] >= 3]
    drafts.extend(_colon_headline(doc, drafts))
    drafts.extend(_closing_noun_cue(doc, drafts))
    _apply_quotes(doc, drafts, quotes, starts)
    _linked_sentence(doc, drafts)
    drafts.extend(_unattributed_quotes(doc, drafts, quotes))
    for d in drafts:
        d.evidence = _evidence(doc, d)
    drafts.sort(key=lambda d: (d.evidence[0], d.content[0], d.cue_i))
    return drafts


def _reporter_of_participle(tok: "Token") -> "Token | None":
    """"She does not rule out that X could follow from the talks adding that Y": a participle of saying
    the parser hung on a noun of the reported clause (no comma before it) is the reporter's next act; its
    speaker is the subject of the cue whose clause holds it; "a report adding that" is the report's (issue 11)."""
    if tok.tag_ != "VBG" or tok.dep_ != "acl" or tok.head.pos_ not in ("NOUN", "PROPN") \
            or tok.head.lemma_.lower() in word_class("document_nouns") or tok.head.lemma_.lower() in lexicon()["medium_nouns"]:
        return None
    node = tok.head
    for _ in range(8):
        if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX") and node.head.lemma_.lower() in lexicon()["cues"]:
            return subject_of(node.head)
        if node.head.i == node.i:
            return None
        node = node.head
    return None
