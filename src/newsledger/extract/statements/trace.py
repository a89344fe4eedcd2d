"""The trace of a statement: why this speaker, this date, this kind (``newsledger explain``).

The builders leave their route in ``Draft.extra`` (``speaker_route``, ``resolve_route``, ``date_route``,
``kind_route``, ``channel_route``, ``about_routes``, ``horizon_route``); this module turns them into decisions (:func:`newsledger.trace.note`) once the
statement has its id. Rule ids are ``statements.<field>.<route>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...trace import note, tracing
from .._doc import doc_text
from .cues import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["trace_statement"]

SPEAKER_ROUTES = {
    "cue-subject": "the subject of the reporting verb",
    "governing-subject": "the cue has no subject of its own: the subject of the verb it hangs from "
                         "(participle, coordination, complement; analysis.clause.reporting_subject)",
    "trailing-apposition": "an apposition just before the cue (\"..., his club, X, said\")",
    "participle-in-report": "a participle of saying hung on a noun of another cue's reported clause (\"does not rule "
                            "out that X could follow from the talks adding that Y\"): that cue's speaker",
    "according-to": "the object of \"according to\"",
    "quoted-as": "\"quoted ... as saying\": the one quoted",
    "inverted": "an inverted attribution after the content (\"..., X said\")",
    "participle-of-inverted": "a participle after an inverted attribution shares its subject",
    "continues-quote": "a quote with no attribution of its own continues the previous statement",
    "quote-after-report": "a quote paragraph standing alone right after a sentence whose main verb reports "
                          "(\"X reported no new concerns.\") is that sentence's subject's",
    "impersonal-passive": "\"It is said / was reported that ...\": an impersonal passive report: no speaker",
    "documentary": "a document shows a fact (\"Court papers show ...\"; words/document_nouns): no speaker",
    "speaker-beside-cue": "a speaker the parser did not make the cue's subject, right beside it: closing the "
                          "sentence after it ('remarked X'), a name just before it, or the phrase after the quote",
    "name-before-cue": "a person's name set off by commas right before the cue (\", X, said\") that the parser hung "
                       "elsewhere, after a title subject or none: the name",
    "titled-name-in-subject": "a person's name after a title word ending the subject right before the cue, the "
                              "parser having made the body before the title the subject (\"<Body> secretary X said\"): "
                              "the name",
    "this-is-what": "\"<sentence>. This is what X said\": the sentence before is X's",
    "object-speaker": "an inverted headline attribution whose speaker the parser took for the cue's object "
                      "(\"..., warns the union's leader\")",
}
RESOLVE_ROUTES = {
    "issued-writing": "a definite writing (\"the statement read\") no earlier statement names: the named subject of "
                      "the latest verb that had such a writing as its object (\"X released a statement\")",
    "entity-mention": "an entity mention covers the subject's name",
    "pronoun-continues-subject": "a pronoun subject continues the latest reporting subject of its sort "
                                 "(person for he/she, group for it/they)",
    "pronoun-conjoined-pair": "\"A and B met X, where they affirmed ...\": a plural pronoun is the two people conjoined "
                              "before it in its sentence; the first of them is the speaker",
    "meeting-sides": "\"the parties\", \"the two sides\" (words/meeting_side_nouns): the first of a pair conjoined just "
                     "before, else the latest person reporting subject, when a second person is named too",
    "relative-antecedent": "a relative pronoun stands for the noun its clause modifies",
    "pronoun-governing-subject": "\"they\" as the subject of a cue in a clause embedded in its sentence (\"a woman they "
                                 "said had ...\") stands for the main clause's plural subject before it",
    "medium-source": "a document (\"a statement from X\") speaks for its source",
    "title-noun": "a definite noun (\"the ministry\") names the latest entity whose name holds it",
    "title-holder": "\"the bank's governor said\": the person named before who holds the title (the body only qualifies it)",
    "owned-title-holder": "\"its Africa director said\": the person named in the text who holds that title at the body "
                          "'its' stands for (else an unnamed member: only speaker_text is kept)",
    "definite-title-holder": "\"the chief minister said\", \"The Health Minister is urging\": the person the article gives "
                             "that title (before it, else after it), its modifiers included",
    "possessor-title-holder": "\"Tumbria's foreign minister said\": the person affiliated with the named possessor whom "
                              "the article gives that title (its words in any order: \"Minister of Foreign Affairs\")",
    "spokesperson-body": "\"a company spokesperson confirmed\": an unnamed spokesperson is the body speaking (the body "
                         "named on it, else the one the description names, else the organization named most)",
    "spokesperson-body-again": "\"the spokesperson said\" after \"a Velmar Port spokesperson said\": the body the "
                               "earlier unnamed spokesperson spoke for",
    "including-member": "\"Officials there, including X, ...\": the named member speaks",
    "owned-body": "\"his club announced\": the body of the person the pronoun stands for (an affiliation), else "
                  "the organization named most so far",
    "listed-apposition": "\"Fares fell, the third monthly fall, the X Association said\": a common-noun subject naming "
                         "nothing whose comma-set body the parser hung on it as a conjunct with no 'and' (issue 11)",
    "described-body": "\"the Castrel-based pump maker said\": a definite company word whose only name is a place or "
                      "a name inside an adjective is the organization named most so far",
    "spokesperson-relay": "\"Police said ..., according to police spokesman X\": an unnamed source relayed by a named "
                          "spokesperson is the spokesperson speaking (no channel)",
    "title-before-holder": "\"Deputy Commissioner of Police X told\": a subject the parser heads on a title written "
                           "before a name is the person named at the title's end",
    "no-entity": "no entity mention stands for the subject: only speaker_text is kept",
    "name": "the subject's words, with no entity",
}
DATE_ROUTES = {
    "attached-to-cue": "a time expression attached in the parse to the reporting verb",
    "governing-verb": "a time attached to the verb the cue hangs from",
    "sequel-of-previous-sentence": "\"afterwards\"/\"later\": the last date of the previous sentence",
    "now": "a cue modified by 'now' (\"with the police now confirming ...\"): the story's own day",
    "speaker-occasion": "the latest dated occasion of the same speaker before the cue (for \"X quoted Y as saying\", of Y or of the "
                        "outlet X)",
    "same-briefing": "said at a briefing or news conference (words/occasion_nouns), or in the letter or statement "
                     "(words/written_occasion_nouns), with no time of its own: the day of the dated saying at "
                     "(or writing in) one in the same article",
    "lead-event": "the dated lead event of the article (its first sentence), for a past-tense cue, or a present one "
                  "when the lead is the story's own day",
    "story-saying-day": "a past-tense cue with nothing else to date it: the day of the latest saying before it that "
                        "the text dates (anyone's: \"the port authority said on Friday that ...\")",
    "speaker-next-occasion": "an undated past-tense saying followed at once (in the next paragraph at most) by the same "
                             "speaker's saying dated in its own words: that occasion's day",
    "story-day": "a report whose latest past or present time before the cue is its own day (or that dates nothing "
                 "before it): the publication day",
    "speaker-previous-statement": "nothing else dates it: the date of the same speaker's latest statement before "
                                  "it (the same occasion), for a cue in the news tenses or \"according to him\"",
    "headline": "a headline attribution (\"Police: ...\", \"X issues warning: '...'\") tells no occasion: null",
    "none": "no time attached, no earlier occasion, no dated lead: null",
}
KIND_ROUTES = {
    "cue-frame": "the reporting verb settles the kind (statements.json cues: its 'kind')",
    "no-content": "no content to read: the cue's kind, else claim",
    "warning-of-own-act": "a warning whose content is the speaker's own side acting, with a modal",
    "warning": "a warning of something that may happen",
    "denial-phrase": "a denial phrase in the content (statements.json denial_phrases)",
    "own-side-future": "the speaker's own side is the subject of a future modal (analysis.clause.modality)",
    "own-side-ready": "the speaker's own side is 'ready to', 'prepared to' ... (commitment_phrases)",
    "first-person-present": "\"we accept\", \"I promise\": the speaker binding itself now",
    "demand-verb-or-imperative": "a demand verb with the speaker as subject, or an imperative sentence",
    "expectation": "a verb of expectation governs the content",
    "expects-own-act": "the speaker's own side expects to do something itself (\"it expects to cut rates\")",
    "quote-binds-later": "a later clause of a direct quote binds the speaker's side with will/would/shall",
    "evaluative": "evaluative wording, a stance verb or a judging predicate",
    "modal": "a modal other than 'can' in the main clause",
    "risk": "the main verb is 'risk'",
    "noun-phrase-content": "the content is only a noun phrase: a will to act (words/commitment_nouns) is a commitment, "
                           "a need (words/need_nouns) a demand, else the cue row's 'np_kind'",
    "default-claim": "none of the kind rules fired: a claim",
}


CHANNEL_ROUTES = {
    "head-entity": "the entity named by the head of the phrase the cue speaks to or through (\"told the Ostra "
                   "Channel\", \"in an interview with X\"; statements.json channel_nouns, channel_preps)",
    "no-entity": "no entity is named at the head of the channel phrase: only channel_text is kept",
    "place-is-where": "the phrase names a place it does not head (\"a news conference in X\"): where it was "
                      "said, not to whom: no channel",
}
CHANNEL_SOURCES = {
    "quoted-as": "\"X quoted Y as saying\": the one quoting is the channel",
    "trailing-relay": "\"X said Y, broadcaster Z reported\": the attribution closing the sentence relays X's "
                      "statement (reconcile._trailing_relays)",
}
ABOUT_ROUTES = {
    "named": "an entity mention inside the content",
    "antecedent": "\", whom she accused of X\": the noun the relative clause hangs on",
    "plural-subject": "nothing named in the content: its plural subject stands for the people just named",
    "pronoun": "a pronoun in the content, resolved to an entity other than the speaker",
    "title-noun": "a definite title noun in the content (\"the commission\"): the entity whose name holds it "
                  "(analysis.reference)",
    "own-country": "\"his country\": the country the speaker is affiliated with",
}
HORIZON_ROUTES = {
    "window": "a window or deadline in the content (\"within two weeks\", \"by Friday\"; deadline_words, "
              "forward_words), the times stage's expression anchored anew on {anchor}",
    "future-date": "a date in the content that lies ahead of {anchor}",
    "first-step-to-deadline": "a first step and a later deadline in the content (\"on Monday ..., and by Friday "
                              "...\"): from the one to the other, counted from {anchor}",
    "none": "a {kind} whose content has no window, deadline or later date than {anchor}: null",
}
_ANCHORS = {"statement": "the statement's own date", "published": "the publication date"}


def _tok(doc: "Doc", i: int | None) -> tuple[int, int] | None:
    if i is None or not (0 <= i < len(doc)):
        return None
    t = doc[i]
    return t.idx, t.idx + len(t.text)


def trace_statement(doc: "Doc", d: Draft, sid: str, ids: dict[int, str]) -> None:
    """Note the decisions behind statement ``sid`` (``ids``: draft ``id()`` -> statement id)."""
    if not tracing(doc):
        return
    text = doc_text(doc)
    route = d.extra.get("speaker_route", "cue-subject")
    how = SPEAKER_ROUTES.get(route, route)
    ev: tuple[int, int] | None
    if d.speaker_from is not None:
        how += f" ({ids.get(id(d.speaker_from), '?')})"
        ev = d.speaker_from.evidence
    else:
        ev = _tok(doc, d.subject_i) or _tok(doc, d.cue_i)
    cue = doc[d.cue_i] if 0 <= d.cue_i < len(doc) else None
    row = f" (data/rules/reporting_cues.json row {cue.lemma_.lower()!r})" if cue is not None and \
        cue.lower_ != "according" else ""
    note(doc, f"{sid}.speaker", f"statements.speaker.{route}",
         how + (f"; cue {cue.text!r}{row}" if cue is not None and route != "continues-quote" else ""), ev, d.speaker_text)
    res = d.extra.get("resolve_route")
    if res is not None:
        note(doc, f"{sid}.speaker", f"statements.speaker.resolve.{res}", RESOLVE_ROUTES.get(res, res),
             d.speaker_span, d.speaker)
    rule, tok = d.extra.get("kind_route", ("default-claim", None))
    note(doc, f"{sid}.kind", f"statements.kind.{rule}", KIND_ROUTES.get(rule, rule),
         _tok(doc, tok) or d.content, d.kind)
    droute = d.extra.get("date_route", "none")
    date_ev = None
    if d.date is not None and d.date.text:
        k = text.rfind(d.date.text, 0, max(d.content[1], d.evidence[1]) + 200)
        date_ev = (k, k + len(d.date.text)) if k >= 0 else None
    note(doc, f"{sid}.date", f"statements.date.{droute}", DATE_ROUTES.get(droute, droute),
         date_ev or _tok(doc, d.cue_i), d.date.value if d.date is not None else None)
    _trace_channel(doc, d, sid)
    _trace_about(doc, d, sid)
    _trace_horizon(doc, d, sid)


def _trace_channel(doc: "Doc", d: Draft, sid: str) -> None:
    if d.channel_span is None:
        return
    route = d.extra.get("channel_route", "no-entity")
    how = CHANNEL_ROUTES.get(route, route)
    source = d.extra.get("channel_source", d.extra.get("speaker_route"))
    if source in CHANNEL_SOURCES:
        how = CHANNEL_SOURCES[source] + "; " + how
    note(doc, f"{sid}.channel", f"statements.channel.{route}", how, d.channel_span, d.channel)


def _trace_about(doc: "Doc", d: Draft, sid: str) -> None:
    s, e = d.content
    for eid, route in d.extra.get("about_routes", ()):
        note(doc, f"{sid}.about", f"statements.about.{route}", ABOUT_ROUTES.get(route, route),
             d.extra["antecedent"] if route == "antecedent" else (s, e), eid)


def _trace_horizon(doc: "Doc", d: Draft, sid: str) -> None:
    if "horizon_route" not in d.extra:
        return  # no prediction, commitment or demand: no horizon is looked for
    route, anchor, times = d.extra["horizon_route"]
    how = HORIZON_ROUTES.get(route, route).format(anchor=_ANCHORS.get(anchor, anchor), kind=d.kind)
    ev = (times[0].start, times[-1].end) if times else d.content
    note(doc, f"{sid}.horizon", f"statements.horizon.{route}", how, ev, d.horizon.value if d.horizon else None)
