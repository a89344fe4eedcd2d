"""Drafts reconciled with each other and with the quotation marks (the last steps of
:func:`.cues.find_drafts`): nested and embedded reports, relayed reports, headline colons, quotes
that extend or resume a draft, quotes no cue claims, and the evidence each draft keeps."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .quotes import MARKS, Quote
from .._doc import char_tokens, doc_text, tokens
from .._doc import sent_of as _sent_of
from .frame_extras import _trailing_relay
from .draft import _content_chars, Draft, lexicon, _own_subject, _quote_at, _tok_chars, _trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _colon_headline(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """A headline "<what was said>: <who>" ("Rates at the right level: central bank governor", "'My
    first priority is inflation': new bank governor"): a statement with no cue word, the speaker after
    the colon (a short phrase with no verb)."""
    text = doc_text(doc)
    nl = text.find("\n")
    if nl < 0 or any(d.content[0] < nl for d in drafts):
        return []
    colon = text.rfind(":", 0, nl)
    if colon < 0:
        return []
    first_colon = text.find(":", 0, nl)
    return _who_colon(doc, first_colon, nl) or _what_colon(doc, colon, nl)


def _what_colon(doc: "Doc", colon: int, nl: int) -> list[Draft]:
    text = doc_text(doc)
    who = doc.char_span(colon + 1, nl, alignment_mode="contract")
    what = _trim(text, 0, colon)
    if who is None or not len(who) or len(who) > 6 or len(text[what[0]:what[1]].split()) < 3:
        return []
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in ("'", "’", ".") for t in who):
        return []
    if not any(t.text[:1].isupper() for t in who):
        return []
    head = who[-1]
    first = doc.char_span(what[0], what[0] + 1, alignment_mode="expand")
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if first is None or colon_tok is None:
        return []
    return [Draft(cue_i=colon_tok[0].i, cue_text="", content=what, subject_i=head.i,
                  content_tokens=(first[0].i, colon_tok[0].i))]


_HEAD_MARKS = MARKS | {"'", "‘", "’"}  # headlines quote with single marks too


def _who_colon(doc: "Doc", colon: int, nl: int) -> list[Draft]:
    """A headline "<who>: <what was said>" ("Police: Driver had been drinking", "Chief: Crews met with
    hostility"), the speaker a short verbless phrase headed by a title, a body's noun or a person's name
    (never a topic label: "Ukraine: ..."); or "<who> issues warning: '<quote>'": the quote is what was said,
    the issuer the speaker. No cue word, no date of its own (the headline is not the occasion)."""
    text = doc_text(doc)
    lex = lexicon()
    who = doc.char_span(_trim(text, 0, colon)[0], colon, alignment_mode="contract")
    raw = text[colon + 1:nl]
    what = (colon + 1 + len(raw) - len(raw.lstrip()), colon + 1 + len(raw.rstrip()))  # marks kept
    if who is None or not len(who) or len(text[what[0]:what[1]].split()) < 3:
        return []
    first = doc.char_span(what[0], what[0] + 1, alignment_mode="expand")
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if first is None or colon_tok is None:
        return []
    head = who.root
    if len(who) <= 4 and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in who) and head.text[:1].isupper() \
            and (head.lower_ in lex["titles"] or head.lemma_.lower() in lex["titles"] or head.lower_ in lex["org_nouns"]
                 or head.ent_type_ == "PERSON" and len(who) >= 2):  # a full name; one capitalised word may be a place
        return [Draft(cue_i=colon_tok[0].i, cue_text="", content=_trim(text, *what), subject_i=head.i,
                      content_tokens=(first[0].i, colon_tok[0].i), extra={"headline": True})]
    # (headline grammar: the tagger often reads "issues" as a noun, so words, not the parse, find the verb)
    issue = next((t for t in who if t.lemma_.lower() == "issue" or t.lower_ in ("issues", "issued")), None)
    notice = next((t for t in doc[issue.i + 1:min(issue.i + 4, who.end)] if t.lower_ in lex["headline_notices"]), None) \
        if issue is not None and issue.i > who.start else None
    if notice is None or text[what[0]] not in _HEAD_MARKS or text[what[1] - 1] not in _HEAD_MARKS:
        return []
    content = _trim(text, what[0] + 1, what[1] - 1)
    return [Draft(cue_i=notice.i, cue_text=notice.text, content=content, subject_i=issue.i - 1,
                  content_tokens=(first[0].i + 1, colon_tok[0].i), direct=True, extra={"headline": True})]


def _closing_noun_cue(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """"..., KVLT-TV reports.": a sentence closed by a name and a cue's -s form that the tagger read as a
    plural noun (so no verb cue saw it); what comes before the comma is what was said, the name speaks."""
    from .._doc import punct_or_space, sentences, tokens

    cues = lexicon()["cues"]
    taken = {d.cue_i for d in drafts}
    out: list[Draft] = []
    skip, all_toks = punct_or_space(doc), tokens(doc)
    for sent in sentences(doc):
        # the sentence's last word (punctuation and spaces passed over), if it has five words or more
        words = [i for i in range(sent.start, sent.end) if not skip[i]]
        if len(words) < 5:
            continue
        cue = all_toks[words[-1]]
        if cue.pos_ != "NOUN" or not cue.lower_.endswith("s") or cue.lemma_.lower() not in cues or cue.i in taken \
                or cue.lemma_.lower() == cue.lower_:
            continue
        k = cue.i - 1
        while k > sent.start and doc[k].pos_ in ("PROPN", "NOUN") or doc[k].text == "-" and doc[k - 1].pos_ == "PROPN":
            k -= 1
        if k == cue.i - 1 or doc[k].text != "," or not any(doc[j].pos_ == "PROPN" for j in range(k + 1, cue.i)):
            continue
        a = sent.start
        while a < k and (doc[a].is_punct or doc[a].is_space):
            a += 1
        if k - a < 3:
            continue
        content = _trim(doc_text(doc), *_tok_chars(doc, a, k))
        out.append(Draft(cue_i=cue.i, cue_text=cue.text, content=content, subject_i=cue.i - 1,
                         content_tokens=(a, k), extra={"inverted": True, "speaker_route": "inverted"}))
    return out


def _cut_nested(doc: "Doc", drafts: list[Draft]) -> None:
    """A cue inside another statement's content that shares the outer subject ("said X and urged Y",
    "said X, calling it Y") is a statement of its own: cut it (and what it governs) out of the outer one."""
    by_cue = sorted(drafts, key=lambda d: d.cue_i)
    cue_is = [d.cue_i for d in by_cue]
    for d in drafts:
        a, b = d.content_tokens
        for other in by_cue[bisect.bisect_left(cue_is, a):bisect.bisect_left(cue_is, b)]:
            if other is d:
                continue
            tok = doc[other.cue_i]
            if _own_subject(tok) is not None and not tok.dep_ == "advcl" and not _aside(tok):
                continue
            cut = min(tok.left_edge.i, other.content_tokens[0])
            if cut <= a:
                continue
            chars = _content_chars(doc, a, cut)
            if chars is None:
                continue
            d.content = (d.content[0], min(d.content[1], chars[1]))
            d.content_tokens = (a, cut)
            if _own_subject(tok) is None and (other.subject_i is None or a <= other.subject_i < b):
                other.subject_i = d.subject_i
                other.inherited = True


def _named_which(rel: "Token") -> bool:
    """"the Harbour Union, an alliance of dockers, which said ...": a non-restrictive "which" whose
    antecedent is a name (an organization speaks)."""
    ante = rel.head.head
    return rel.lower_ == "which" and rel.i > 0 and rel.doc[rel.i - 1].text == "," and ante.pos_ == "PROPN" \
        and ante.i < rel.i


def _aside(tok: "Token") -> bool:
    """", whom she accused of ...": a cue in a non-restrictive relative clause with a pronoun subject is
    the writer's narration of another statement, not part of the content it sits in."""
    if tok.dep_ != "relcl":
        return False
    subj = _own_subject(tok)
    left = tok.left_edge
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that") and \
        left.lower_ in ("whom", "who", "which") and left.i > 0 and tok.doc[left.i - 1].text == ","


def _relays(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """"X said Y, according to <agency>" and "Y, X said, according to <agency>": the agency relays X's
    statement; it is one statement (X's) made through the agency (its channel), not a second one whose
    content is "X said ..."; X's content stops before the relay phrase."""
    lex = lexicon()
    text = doc_text(doc)
    cues = sorted(((d.cue_i, d) for d in drafts if doc[d.cue_i].lower_ not in lex["according_to"]), key=lambda x: x[0])
    keys = [c for c, _ in cues]
    drop: set[int] = set()
    for d in drafts:
        tok = doc[d.cue_i]
        if tok.lower_ not in lex["according_to"] or d.subject_i is None:
            continue
        a, b = d.content_tokens
        if tok.i < b:
            continue  # "According to X, ...": the phrase opens its content, nobody else speaks
        i = bisect.bisect_left(keys, a)
        own = next((x for c, x in cues[i:i + 4] if c < b and x is not d and x.subject_i is not None), None)
        if own is not None:
            subj_start = doc[own.subject_i].left_edge.i
            before = [t for t in doc[a:subj_start] if not (t.is_punct or t.is_space)
                      and not own.content[0] <= t.idx < own.content[1]]  # X's own (quoted) content is X's
            if before and not (own.content[1] <= d.content[0] + 1 or own.extra.get("inverted")):
                continue  # words before X's attribution that are not X's: the agency reports more than X said
        else:
            # "X said Y, according to Z" with the phrase parsed inside Y: it closes X's content
            k = bisect.bisect_left(keys, tok.i)
            own = next((x for c, x in reversed(cues[max(0, k - 4):k]) if x.content_tokens[0] <= a
                        and x.content_tokens[0] < tok.i < x.content_tokens[1] and x.subject_i is not None), None)
            if own is None or any(not (t.is_punct or t.is_space) for t in doc[tok.right_edge.i + 1:own.content_tokens[1]]):
                continue
        drop.add(id(d))
        if own.content[1] > tok.idx:  # "X said Y, according to Z": Y ends before the relay phrase
            s0, e0 = _trim(text, own.content[0], tok.idx)
            if e0 - s0 >= 3:
                own.content = (s0, e0)
        if own.channel_span is None:
            src = doc[d.subject_i]
            own.channel_span = _trim(text, *_tok_chars(doc, src.left_edge.i, src.right_edge.i + 1))
            own.channel_head = (src.idx, src.idx + len(src.text))
            own.extra["relayed"] = True  # the channel is the "according to" phrase (stage._spokesperson_relay)
    return [d for d in drafts if id(d) not in drop]


def _trailing_relays(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """"X said Y, broadcaster Z reported on Sunday": Z relays X's statement, one statement (X's) with Z as
    its channel, as with "according to" (:func:`_relays`). "X announced his resignation, the Courier
    reports": X's verb reports nothing of its own here, so Z speaks the whole sentence. (The parser hung Z's
    attribution on X's verb; :func:`.frames._frame` already leaves it out of X's content.)"""
    text = doc_text(doc)
    by_cue = {d.cue_i: d for d in drafts}
    drop: set[int] = set()
    for r in drafts:
        tok = doc[r.cue_i]
        if r.subject_i is None or not r.extra.get("inverted") or not _trailing_relay(tok):
            continue
        own = by_cue.get(tok.head.i)
        if own is None or own.subject_i is None or own.content_tokens[1] > doc[r.subject_i].left_edge.i:
            continue
        drop.add(id(r))
        if own.channel_span is None:
            src = doc[r.subject_i]
            own.channel_span = _trim(text, *_tok_chars(doc, src.left_edge.i, src.right_edge.i + 1))
            own.channel_head = (src.idx, src.idx + len(src.text))
            own.extra["relayed"] = True
            own.extra["channel_source"] = "trailing-relay"
    return [d for d in drafts if id(d) not in drop]


def _drop_embedded(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """A cue with its own subject deep inside another statement's content ("she said she had asked
    the government for funds") is part of what was said, not a statement of the article's."""
    spans = sorted((d.content_tokens[0], d.content_tokens[1]) for d in drafts)
    starts = [a for a, _ in spans]
    keep = []
    for d in drafts:
        tok = doc[d.cue_i]
        inside = False
        if d.extra.get("speaker_route") == "this-is-what":
            pass  # "This is what X said": X's words are the sentence before, whoever reports the whole
        elif _own_subject(tok) is not None and tok.dep_ in ("ccomp", "xcomp", "relcl", "acl", "advcl", "conj") \
                and not _aside(tok):
            i = bisect.bisect_right(starts, d.cue_i)
            inside = any(a <= d.cue_i < b and (a, b) != d.content_tokens for a, b in spans[max(0, i - 8):i])
        if not inside:
            keep.append(d)
    return keep


def _apply_quotes(doc: "Doc", drafts: list[Draft], quotes: list[Quote], starts: list[int]) -> None:
    """Content starting inside a quote is that quote (direct); a quote resuming right after the
    attribution is a second part; partly quoted content stays indirect."""
    text = doc_text(doc)
    claimed: set[int] = set()
    qpos = {id(q): i for i, q in enumerate(quotes)}
    for d in drafts:
        s, e = d.content
        q = _quote_at(quotes, starts, s)
        if q is None or not (q.start <= s):
            # content may start just before the opening mark ("said that \"...\"")
            q2 = _quote_at(quotes, starts, s - 1) if s > 0 else None
            q = q2 if q2 is not None and q2.start >= s - 1 else None
        if q is None:
            continue
        cue_tok = doc[d.cue_i]
        if q.open_at <= cue_tok.idx <= q.close_at:
            continue
        if e > q.close_at + 1 and e - q.close_at > 2 and not _quote_closes_clause(doc, q):
            continue  # a clause that opens with a quote and goes on unquoted: mixed, indirect
        d.content = (q.start, q.end)
        d.direct = True
        d.parts = q.pieces if len(q.pieces) > 1 else ()
        claimed.add(qpos[id(q)])
        nxt = _resumed_quote(doc, d, quotes, qpos[id(q)], drafts)
        if nxt is not None:
            q2 = quotes[nxt]
            d.parts = tuple(q.pieces) + tuple(q2.pieces)
            d.content = (q.start, q2.end)
            claimed.add(nxt)
    for d in drafts:  # trailing commas inside the quote are not words said
        s, e = d.content
        while e > s and text[e - 1] in ", ":
            e -= 1
        d.content = (s, e)
        d.parts = tuple(_strip_comma(text, p) for p in d.parts)


def _quote_closes_clause(doc: "Doc", q: Quote) -> bool:
    """Whether the quote ends its clause: closing punctuation inside the marks, or a comma then a
    participle or a new clause after them ("...within weeks," referring to ...)."""
    text = doc_text(doc)
    inner = text[q.start:q.end].rstrip()
    if inner.endswith((".", "?", "!")):
        return True
    after = text[q.close_at + 1:q.close_at + 3]
    if inner.endswith(",") or after.startswith(","):
        nxt = doc.char_span(q.close_at + 1, min(len(text), q.close_at + 40), alignment_mode="expand")
        toks = [t for t in (nxt or []) if not t.is_punct and not t.is_space][:1]
        return bool(toks) and toks[0].tag_ in ("VBG", "VBD", "VBZ")
    return False


def _strip_comma(text: str, p: tuple[int, int]) -> tuple[int, int]:
    s, e = p
    while e > s and text[e - 1] in ", ":
        e -= 1
    return s, e


def _resumed_quote(doc: "Doc", d: Draft, quotes: list[Quote], qi: int, drafts: list[Draft] = ()) -> int | None:
    """``"We are ready," she said, "to sign today."``: the quote right after the attribution. Also
    ``"We are ready," she said in a statement. "We sign today."``: a quote cut by a comma, its
    attribution closing the sentence, and the next quote opening the same paragraph right after it is
    the rest of the same statement (one statement in two pieces), unless someone else's cue claims it."""
    if qi + 1 >= len(quotes):
        return None
    q, q2 = quotes[qi], quotes[qi + 1]
    cue = doc[d.cue_i]
    if not (q.close_at < cue.idx < q2.open_at):
        return None
    text = doc_text(doc)
    between = text[q.close_at + 1:q2.open_at]
    if "\n" in between or len(between) > 200:
        return None
    tail = between.rstrip()
    if tail.endswith((",", ":")) and not any(c in between for c in ".?!"):
        return qi + 1
    if tail.endswith(".") and text[q.start:q.end].rstrip().endswith(",") and _one_sentence(tail[:-1]) \
            and _sent_of(cue).end_char >= q.close_at + 1 + len(tail) \
            and not any(o is not d and (q2.open_at - 1 <= o.content[0] <= q2.close_at or _cue_after(doc, o, q2))
                        for o in drafts):
        return qi + 1
    return None


_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.$")


def _one_sentence(words: str) -> bool:
    """No sentence ends inside ``words``: no ? or !, and every full stop closes an abbreviation ("Gov.",
    "Dr.", "Jan.") or an initial."""
    if any(c in words for c in "?!"):
        return False
    return all(_ABBREVIATION.search(words[:k + 1]) for k, c in enumerate(words) if c == ".")


def _cue_after(doc: "Doc", other: Draft, q: Quote) -> bool:
    """Whether ``other``'s cue sits right after quote ``q`` in its paragraph (``"...," he added.``)."""
    pos = doc[other.cue_i].idx
    if pos <= q.close_at:
        return False
    return "\n" not in doc_text(doc)[q.close_at:pos] and pos - q.close_at < 200 and other.content[0] <= q.close_at


def _runs_into(text: str, q: Quote, drafts: list[Draft]) -> Draft | None:
    """The attributed statement a quote left open at its paragraph's end runs into ('"The floods took
    our homes.\n\n"We will rebuild," she said.'): the words of both paragraphs are the same speaker's."""
    if text[q.close_at:q.close_at + 1] in MARKS:
        return None  # closed in its own paragraph: it runs into nothing
    nxt = q.end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text) or text[nxt] not in MARKS or "\n" not in text[q.end:nxt]:
        return None
    return next((d for d in drafts if nxt < d.content[0] <= nxt + 3 and d.direct), None)


def _unattributed_quotes(doc: "Doc", drafts: list[Draft], quotes: list[Quote]) -> list[Draft]:
    """A full-sentence quote with no attribution of its own continues the previous statement (same or
    previous paragraph, nothing said by anyone else in between): news style for a speaker's next words."""
    text = doc_text(doc)
    covered = sorted([(d.content[0], d.content[1]) for d in drafts] + [p for d in drafts for p in d.parts])
    cov_starts = [c[0] for c in covered]
    cov_max_end: list[int] = []  # running max of ends, for "does anything before q reach into it"
    for _s, e in covered:
        cov_max_end.append(max(e, cov_max_end[-1]) if cov_max_end else e)
    direct_sorted = sorted((d for d in drafts if not d.extra.get("unattributed")), key=lambda d: d.content[1])
    direct_ends = [d.content[1] for d in direct_sorted]
    starts_all = sorted(d.content[0] for d in drafts)
    out: list[Draft] = []
    for q in quotes:
        i = bisect.bisect_right(cov_starts, q.start)
        if (i > 0 and cov_max_end[i - 1] > q.start) or (i < len(cov_starts) and cov_starts[i] < q.end):
            continue  # already some statement's content
        before = text[max(0, q.open_at - 50):q.open_at].rstrip(" \t")
        if before and before[-1] not in "\n.?!:":
            continue
        if len(text[q.start:q.end].split()) < 2:
            continue
        if not text[q.end - 1:q.end] in ".?!" and not text[q.close_at + 1:q.close_at + 2] in (".", "\n", ""):
            continue
        src = _runs_into(text, q, direct_sorted)
        if src is None:
            j = bisect.bisect_right(direct_ends, q.open_at)
            src = direct_sorted[j - 1] if j else None
            if src is not None and out and src.content[1] < out[-1].content[1] <= q.open_at:
                src = out[-1]  # a quote running on over several paragraphs: each continues the one before
            gap = text[src.content[1]:q.open_at] if src is not None else ""
            if src is not None and (gap.count("\n\n") + (gap.count("\n") if "\n\n" not in gap else 0) > 1
                                    or len(gap) > 400):
                src = None
            k = bisect.bisect_left(starts_all, src.content[1]) if src is not None else 0
            if src is not None and k < len(starts_all) and starts_all[k] < q.open_at:
                continue  # another statement sits between them
        tok = _first_token(doc, q.start)
        if tok is None:
            continue
        report = _report_before(doc, q) if src is None else None
        if src is None and report is None:
            continue
        nd = Draft(cue_i=src.cue_i if src is not None else report[0].i, cue_text="",
                   content=_strip_comma(text, (q.start, q.end)),
                   subject_i=src.subject_i if src is not None else report[1].i, kind_hint=None, direct=True,
                   parts=q.pieces if len(q.pieces) > 1 else (), speaker_from=src,
                   content_tokens=(tok.i, tok.i + 1))
        nd.extra["unattributed"] = True
        nd.extra["speaker_route"] = "continues-quote" if src is not None else "quote-after-report"
        out.append(nd)
    return out


def _report_before(doc: "Doc", q: Quote) -> "tuple[Token, Token] | None":
    """'X reported no fresh concerns in his press conference.\n\n"This is bad news for us. ..."': a quote
    paragraph standing alone right after a sentence whose main verb reports (said, told, reported,
    confirmed ...) with a named or pronoun subject is that subject's (the cue word and the subject),
    even when the sentence itself reports no clause (no statement of its own)."""
    text = doc_text(doc)
    end = q.open_at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or "\n" not in text[end:q.open_at] or text[end - 1] not in ".!?":
        return None
    last = _first_token(doc, end - 1)
    if last is None:
        return None
    sent = _sent_of(last)
    cues = lexicon()["cues"]
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in cues and t.dep_ in ("ROOT", "conj")
             and not any(c.dep_ == "neg" for c in _children(t)) and t.tag_ in ("VBD", "VBZ", "VBP", "VBN")]
    for verb in reversed(verbs):
        subj = _own_subject(verb)
        if subj is None and verb.dep_ == "conj":
            subj = _own_subject(verb.head)
        if subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she")):
            return verb, subj
    return None


def _first_token(doc: "Doc", pos: int) -> "Token | None":
    span = doc.char_span(pos, min(pos + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _evidence(doc: "Doc", d: Draft) -> tuple[int, int]:
    lo = d.content[0]
    hi = d.content[1]
    if not d.extra.get("unattributed"):
        cue = doc[d.cue_i]
        lo = min(lo, cue.idx)
        hi = max(hi, cue.idx + len(cue.text))
        if d.subject_i is not None:
            st = doc[d.subject_i]
            lo, hi = min(lo, st.idx), max(hi, st.idx + len(st.text))
    # the tokens of doc.char_span(..., alignment_mode="expand") and the per-doc sentence index (Span.sent walks to
    # its sentence's ends from its first and last token)
    first = char_tokens(doc, lo, lo + 1)
    last = char_tokens(doc, max(lo, hi - 1), hi)
    toks = tokens(doc)
    s = _sent_of(toks[first[0]]).start_char if first is not None and first[1] > first[0] else lo
    e = _sent_of(toks[last[1] - 1]).end_char if last is not None and last[1] > last[0] else hi
    s, e = min(s, lo), max(e, hi)
    text = doc_text(doc)
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


_LINKING = word_class("linking_openers")


def _linked_sentence(doc: "Doc", drafts: list[Draft]) -> None:
    """"First, A. But B, noted X.": an inverted attribution whose content opens its sentence with a
    linking word reports the sentence before it too, when that sentence is in the same paragraph, has
    no quotation marks and nobody else's statement covers it (the two sentences are one passage)."""
    text = doc_text(doc)
    covered = [(o.content[0], o.content[1]) for o in drafts]
    for d in drafts:
        if d.direct or d.parts or d.content[1] > doc[d.cue_i].idx or d.extra.get("unattributed"):
            continue  # only content before its cue: "..., noted X" / "..., X said"
        first = _first_token(doc, d.content[0])
        if first is None or first.i != _sent_of(first).start or first.lower_ not in _LINKING or _sent_of(first).start == 0:
            continue
        prev = _sent_of(doc[_sent_of(first).start - 1])
        gap = text[prev.end_char:first.idx]
        if "\n" in gap or "\n" in text[prev.start_char:prev.end_char].strip() or any(m in prev.text for m in MARKS):
            continue
        if prev.start_char == 0 or text[prev.start_char - 1] != "\n" and "\n" not in text[max(0, prev.start_char - 2):prev.start_char]:
            continue  # only a paragraph's opening sentence: further back the passage is the writer's
        if any(s < prev.end_char and e > prev.start_char for s, e in covered):
            continue
        d.content = (prev.start_char, d.content[1])
        d.content_tokens = (prev.start, d.content_tokens[1])
        d.extra["linked_sentence"] = True
