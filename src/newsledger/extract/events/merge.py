"""Events of one article merged (the last step of :mod:`.stage`): a nested trigger absorbed by its
event, orders dropped once carried out, and mentions of the same act on the same occasion kept once."""

from __future__ import annotations

from ...analysis.clause import children as _children
from ...analysis.clause import own_subject
from ...analysis.clause import subject as clause_subject
from ...analysis.words import word_class
from ...records import TimeValue
from .._doc import doc_text
from ..entities.casing import headline_opening
from .syntax import OBJ_DEPS, RELATIVE, SUBJ_DEPS, Context, add_ids, governor, statement_at
from .roles import _Raw


_WORKFORCE = word_class("workforce_nouns")


def _absorb(raws: list[_Raw], ctx: Context) -> None:
    """One act, two words: a noun trigger in a prep phrase of a verb trigger of the same type ("killed
    in a bombing"), a verb whose subject is a same-type noun trigger ("a raid that killed"), and
    conjoined verbs and participles of the same type sharing their subject ("exchanged captives, *releasing*
    X", and an assault with its outcome: "was shot and *killed*") become one event."""
    by_anchor: dict[int, _Raw] = {}
    for r in raws:
        by_anchor.setdefault(r.anchor.i, r)
    for r in raws:
        if r.absorbed:
            continue
        tok = r.anchor
        host: _Raw | None = None
        if tok.pos_ != "VERB":
            gov, how = governor(tok)
            if gov is not None and how in ("prep", "obj") and gov.i in by_anchor:  # "imposed sanctions"
                host = by_anchor[gov.i]
        else:
            subj = own_subject(tok, deps=SUBJ_DEPS)
            if subj is not None and subj.lower_ in RELATIVE and tok.dep_ == "relcl" and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
            elif subj is not None and subj.i in by_anchor and subj.pos_ != "VERB":  # "an airstrike killed"
                host = by_anchor[subj.i]
            elif tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.head.i in by_anchor:
                host = by_anchor[tok.head.head.head.i]  # "killed by a shell *fired* by X"
            elif subj is None and tok.dep_ in ("conj", "advcl") and tok.head.i in by_anchor:
                host = by_anchor[tok.head.i]
        if host is None or host is r or host.absorbed or host.type != r.type:
            continue
        # "blocked the road *in protest*", "began a hunger strike in protest": the generic protest named in the
        # specific act's own phrase is that act (issue 11)
        in_protest = r.type == "PROTEST" and r.mode == "demo" and tok.pos_ != "VERB" and tok.head.lower_ == "in"
        if host.mode and r.mode and host.mode != r.mode and not in_protest:  # "freed detainees under a ceasefire"
            continue
        outcome = r.type == "ASSAULT" and r.mode is None  # "was shot and *killed*": the assault's outcome (issue 11)
        if tok.dep_ == "conj" and tok.head.i == host.anchor.i and host.mode != r.mode and not outcome:
            continue  # "imposed sanctions and expelled its diplomats": two measures
        _merge_into(host, r)
        host.keep = host.keep or bool(host.source or host.target)


#: collective acts: a strike, a demonstration or a boycott is a body's, never one officer's (a hunger strike is hers)
_COLLECTIVE_MODES = frozenset({"strike", "demo", "boycott"})


def _bodies_behind_officers(raws: list[_Raw], ctx: Context) -> None:
    """"The union's secretary general, X, announced a nationwide strike": a collective protest (a strike, a
    demonstration, a boycott) whose only actors are people each affiliated with one and the same organization
    is that organization's act; the officer announces it, the body holds it (issue 11)."""
    for r in raws:
        if r.type != "PROTEST" or r.mode not in _COLLECTIVE_MODES or not r.source \
                or any(ctx.types.get(x) != "PERSON" for x in r.source):
            continue
        bodies = {a for x in r.source for a in ctx.affiliation.get(x, ()) if ctx.types.get(a) == "ORG"}
        if len(bodies) == 1 and all(ctx.affiliation.get(x) for x in r.source):
            r.source = sorted(bodies)
            r.target = [x for x in r.target if x not in r.source]


def _strikers_by_speaker(raws: list[_Raw], ctx: Context) -> None:
    """A strike with no actor of its own ("since *the last strike*", "teachers will hold strikes"), told in a
    statement of a labour body, is that body's: its speaker is an organization whose name says it is a union
    (``kind_nouns``) or that the article already makes the source of a strike. A company or a government
    speaking of a strike is never taken for the striker."""
    strikers = {x for r in raws if r.type == "PROTEST" and r.mode == "strike" for x in r.source}
    union_words = ctx.lex.kind_nouns.get("union", frozenset())
    # and a body the text calls a union though its name does not ("the Aerwyn union": kinds.told_kinds; issue 11)
    told_unions = {eid for eid in ctx.kind_bodies.get("union", frozenset()) if ctx.types.get(eid) == "ORG"}
    for r in raws:
        if r.type != "PROTEST" or r.mode != "strike" or r.source or r.target or r.absorbed:
            continue
        st = statement_at(r.anchor.idx, ctx)
        speaker = st.speaker if st is not None else None
        if speaker is None or ctx.types.get(speaker) != "ORG":
            continue
        name = next((ws for rows in ctx.name_words.values() for ws, eid in rows if eid == speaker
                     and ws & union_words), None)
        if name is not None or speaker in strikers or speaker in told_unions:
            r.source = [speaker]
            r.keep = True
    # a strike of unnamed workers ("Velmar rail workers will strike"), in an article that names exactly one union:
    # the union's (issue 11)
    unions = {eid for rows in ctx.name_words.values() for ws, eid in rows if ctx.types.get(eid) == "ORG" and ws & union_words}
    unions |= told_unions
    # and so is any protest of theirs: a picket, a demonstration, a stoppage "to protest" something ("pilots
    # were seen picketing", "dockworkers shut the ports to protest the war": the subject a participle or an
    # infinitive of purpose shares with its clause)
    # (where the article names several unions or employers' associations, the one it names as a striker)
    workers_body = unions if len(unions) == 1 else set(strikers) if len(strikers) == 1 else set()
    for r in raws:
        if r.type == "PROTEST" and not r.source and not r.target and not r.absorbed and workers_body \
                and (subj := own_subject(r.anchor, through_aux=True) or _shared_subject(r.anchor)
                     or _their_subject(r.anchor, ctx) or _light_subject(r, ctx)) is not None \
                and subj.lower_ in _WORKFORCE:
            r.source = sorted(workers_body)
            r.keep = True
            if r.mode == "strike":
                strikers.update(workers_body)
    # a protest of people named by a plural noun that the name of exactly one organization of the article holds
    # ("students protest the fee rise" where the article names "Students for Fair Fees", "residents marched" and
    # "the Harbour Residents' Association"): that organization's (issue 11)
    for r in raws:
        if r.type == "PROTEST" and not r.source and not r.absorbed \
                and (subj := own_subject(r.anchor, through_aux=True) or _shared_subject(r.anchor)
                     or _their_subject(r.anchor, ctx)) is not None \
                and subj.tag_ == "NNS" and subj.pos_ == "NOUN" and subj.lower_ not in _WORKFORCE:
            bodies = {eid for ws, eid in ctx.name_words.get(subj.lower_, []) if ctx.types.get(eid) == "ORG"}
            if len(bodies) == 1:
                r.source = sorted(bodies)
                r.target = [x for x in r.target if x not in r.source]
                r.keep = True
    # a strike no one is named for, in an article whose strikes all have one and the same striker: theirs;
    # but not one others hold ("nurses will hold more strikes": the nurses', named or not)
    if len(strikers) == 1:
        for r in raws:
            if r.type == "PROTEST" and r.mode == "strike" and not r.source and not r.target and not r.absorbed \
                    and r.anchor.pos_ != "VERB" and not _held_by_someone(r.anchor):
                r.source = sorted(strikers)
                r.keep = True


def _shared_subject(verb):
    """The subject a verb with none of its own shares with the clause it completes ("were seen *picketing*",
    "shut the ports *to protest*"): the climbing subject of :func:`newsledger.analysis.clause.subject`, for a
    verb only."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("xcomp", "advcl", "conj"):
        return None
    return clause_subject(verb)


def _light_subject(r: _Raw, ctx: Context):
    """"Cabin crew *began* a strike", "dockers staged a walkout": the subject of the light verb whose object the act
    noun is, for an act told as done; else None ("nurses will hold more strikes" is a plan, whoever holds it; issue 11)."""
    noun = r.anchor
    if noun.pos_ == "VERB" or r.status != "asserted":
        return None
    gov, how = governor(noun)
    if gov is None or how != "obj" or gov.lemma_.lower() not in ctx.lex.light_verbs:
        return None
    return own_subject(gov, through_aux=True)


def _their_subject(noun, ctx: Context):
    """"Nurses said more counties will join *their* strike": the people a plural possessive on an act noun stands
    for, the first subject up the noun's clauses that is a plural noun of a workforce (word class workforce_nouns)
    or that one organization's name holds; else None (issue 11)."""
    if noun.pos_ == "VERB" or not any(c.dep_ == "poss" and c.lower_ in _THEIR for c in _children(noun)):
        return None
    cur = noun
    while cur.head.i != cur.i:
        cur = cur.head
        for s in (c for c in _children(cur) if c.dep_ in SUBJ_DEPS and c.tag_ in ("NNS", "NNPS")):  # "*Nurses* said"
            if s.lower_ in _WORKFORCE or s.lemma_.lower() in _WORKFORCE or len(
                    {eid for ws, eid in ctx.name_words.get(s.lower_, []) if ctx.types.get(eid) == "ORG"}) == 1:
                return s
    return None


_THEIR = word_class("plural_pronouns")


def _held_by_someone(noun) -> bool:
    """Whether an act noun is the object of a verb with a subject of its own ("nurses *hold* strikes")."""
    gov, how = governor(noun)
    return gov is not None and how == "obj" and own_subject(gov, through_aux=True) is not None


def _drop_orders(raws: list[_Raw], ctx: Context) -> None:
    """"X ordered an inquiry": the order is how X acts; the inquiry (whose actor is X through the light
    verb) is the event, not a separate request."""
    nouns = {r.anchor.i for r in raws if r.anchor.pos_ != "VERB" and r.keep}
    for r in raws:
        tok = r.anchor
        if r.type != "REQUEST" or tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.lex.light_verbs:
            continue
        if any(c.dep_ in OBJ_DEPS and c.i in nouns for c in _children(tok)):
            r.absorbed = True


def _merge_into(host: _Raw, r: _Raw) -> None:
    add_ids(host.source, r.source)
    add_ids(host.target, r.target)
    host.location = host.location or r.location
    if host.date is None or (host.soft_date and r.date is not None and not r.soft_date):
        host.date, host.soft_date = r.date, r.soft_date
    host.mode = host.mode or r.mode
    host.mentions.extend(r.mentions)  # put in order, without repeats, when the event is written
    r.absorbed = True


def _dates_agree(a: _Raw, b: _Raw) -> bool:
    """Dates of two mentions can be the same act's: equal, one within the other, or one unknown or only
    the date of the statement reporting it."""
    if a.soft_date or b.soft_date:
        return True
    return _values_agree(a.date, b.date)


def _values_agree(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


#: the modes a noun naming an attack on someone takes when it says nothing of the weapon ("the assassination of X")
_BARE_ASSAULT_MODES = frozenset({None, "targeted"})


def _same_victim(a: _Raw, b: _Raw) -> bool:
    """"X was shot in the head ... the assassination of X": an assault told once by a verb and once by a noun
    naming it with no weapon (mode none or targeted), on the very same people, is one act whatever the modes
    (an abduction, a beating or torture of the same person stays another act) (issue 11)."""
    return (a.type == b.type == "ASSAULT" and bool(a.target) and set(a.target) == set(b.target)
            and "NOUN" in (a.anchor.pos_, b.anchor.pos_) and (a.mode in _BARE_ASSAULT_MODES or b.mode in _BARE_ASSAULT_MODES)
            and not {a.mode, b.mode} & {"abduct", "beat", "torture", "sexual"})


def _same_act(a: _Raw, b: _Raw, ctx: Context) -> bool:
    if a.type != b.type or (a.mode != b.mode and not _same_victim(a, b)):
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    if not _dates_agree(a, b):
        return False
    if {a.status, b.status} & {"future", "hypothetical"} and (_done(a) or _done(b)):
        return False  # what happened on a day is not what will or could happen
    two_verbs = a.anchor.pos_ == b.anchor.pos_ == "VERB"
    if (a.sense.speech or b.sense.speech) and a.sense.lemma != b.sense.lemma and two_verbs:
        return False  # two verbal acts, unless one is a noun referring back ("promised ... the pledge")
    shared = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            if not _overlap(x, y, ctx):
                return False
            shared = True
    if not (a.source or a.target or b.source or b.target):
        return a.sense.lemma == b.sense.lemma or _refers_back(a, b)
    if not (a.source or a.target) or not (b.source or b.target):  # "a march ... the march was organised by X"
        then = b if a.start <= b.start else a  # the later mention is definite: it refers back
        return a.sense.lemma == b.sense.lemma and a.anchor.pos_ == b.anchor.pos_ != "VERB" \
            and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in _children(then.anchor))
    if not shared and _complementary(a, b):
        return True
    return shared


def _complementary(a: _Raw, b: _Raw) -> bool:
    """"Customs officers on Monday detained two sailors ... X and Y were detained on Monday": one act told
    twice, once by who did it and once by whom it was done to (issue 11). The same word, each mention naming
    only the side the other leaves out, both told as done on the same day."""
    return bool(a.sense.lemma == b.sense.lemma and _done(a) and _done(b) and a.date is not None and b.date is not None
            and a.date.value == b.date.value and len(a.date.value or "") >= 10
            and ((a.source and not a.target and b.target and not b.source)
                 or (b.source and not b.target and a.target and not a.source)))


def _refers_back(a: _Raw, b: _Raw) -> bool:
    """"Two people were shot on Friday ... *The shooting* happened at ...": a definite noun with no date of its own
    after a dated act of its type and mode (neither naming anyone) is that act told again."""
    first, then = (a, b) if a.start <= b.start else (b, a)
    return _done(first) and then.date is None and then.anchor.pos_ != "VERB" \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in _children(then.anchor))


def _done(r: _Raw) -> bool:
    """An asserted mention with a date of its own: something that happened."""
    return r.status == "asserted" and r.date is not None and not r.soft_date


def _overlap(x: list[str], y: list[str], ctx: Context) -> bool:
    """The same actor on both sides, or a member and its organization (a party's spokesman and the party);
    two members of one organization are not the same actor."""
    if set(x) & set(y):
        return True
    return any(i in ctx.affiliation.get(j, ()) or j in ctx.affiliation.get(i, ()) for i in x for j in y)


def _dedup(raws: list[_Raw], ctx: Context) -> list[_Raw]:
    kept: list[_Raw] = []
    by_type: dict[str, list[_Raw]] = {}
    for r in sorted((r for r in raws if r.keep and not r.absorbed), key=lambda r: r.start):
        same = next((k for k in by_type.get(r.type, []) if _same_act(k, r, ctx)), None)
        if same is not None:
            if same.status != r.status and "asserted" in (same.status, r.status):
                same.status = "asserted"
            _merge_into(same, r)
            continue
        kept.append(r)
        by_type.setdefault(r.type, []).append(r)
    return kept


def _same_occasion(kept: list[_Raw], ctx: Context) -> None:
    """"A court on Monday sentenced X to eight years. Her cameraman, Y, was sentenced to five years.": an
    undated act told with the same word (an assault: in any word), of the same type, in the very next
    sentence after a dated one happened on that occasion and takes its date."""
    done = sorted((r for r in kept if r.sentence is not None), key=lambda r: r.start)
    for prev, r in zip(done, done[1:]):
        if r.date is not None or prev.date is None or prev.soft_date or prev.type != r.type \
                or (prev.anchor.lemma_.lower() != r.anchor.lemma_.lower() and r.type != "ASSAULT"):
            continue  # (the casualties of one clash are told one after another in any words: "shot dead", "hurt")
        gap = ctx.text[prev.sentence.end:r.sentence.start]
        if prev.sentence.end <= r.sentence.start and not gap.strip():
            r.date, r.soft_date = prev.date, True


def _headline_echoes(kept: list[_Raw], ctx: Context) -> list[_Raw]:
    """"Tumbria declares truce in Velmar" over "President X of Tumbria on Wednesday declared a truce": the act a
    headline announces is the one the body tells again, one event, even where the two name its parties
    differently (the headline's "Tumbria", the body's president). A headline event (on a first line standing
    alone without a full stop, :func:`headline_opening`) goes into the first body event of its type whose mode
    and negation agree with it (a verbal act only into one told with the same word: "urges" is not the body's
    "called on"); one the body never tells again stays (issue 11)."""
    if headline_opening(ctx.doc) is None:
        return kept
    end = doc_text(ctx.doc).find("\n")
    out: list[_Raw] = []
    for r in kept:
        if r.anchor.idx < end:
            body = next((b for b in kept if b.anchor.idx > end and b.type == r.type
                         and (b.mode == r.mode or None in (b.mode, r.mode))
                         and (b.status == "negated") == (r.status == "negated")
                         and not ((b.sense.speech or r.sense.speech) and b.sense.lemma != r.sense.lemma)), None)
            if body is not None:
                _merge_into(body, r)
                continue
        out.append(r)
    return out
