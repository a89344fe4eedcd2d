#!/usr/bin/env python3
"""Time newsledger.ledger.track on synthetic stories (a development aid, not a test).

Usage: python tools/track_bench.py [N ...]   (default 500 2000)

Each synthetic article names two of 300 invented people, reports an arrest or a release of one of them
and a commitment by the other; prints seconds for timelines, claims and groups and the time per article.
"""
from __future__ import annotations

import random
import sys
import time

from newsledger.ledger.track import claims, groups, timelines
from newsledger.records import Entity, Event, Record, Span, Statement, TimeValue


def article(i: int, rnd: random.Random) -> tuple[Record, dict]:
    a, b = rnd.sample(range(300), 2)
    day = f"2030-{1 + i * 12 // N_MAX:02d}-{1 + rnd.randrange(28):02d}"
    na, nb = f"Person{a} Name{a}", f"Person{b} Name{b}"
    verb = rnd.choice(["arrested", "released"])
    s1 = f"{na} was {verb} on Monday."
    s2 = f" {nb} said {na} will be freed within two weeks."
    text = s1 + s2
    ea = Entity("e1", "PERSON", na, (), (Span(0, len(na), na), Span(len(s1) + 1 + len(nb) + 6, len(s1) + 1 + len(nb) + 6 + len(na), na)))
    eb = Entity("e2", "PERSON", nb, (), (Span(len(s1) + 1, len(s1) + 1 + len(nb), nb),))
    trig = text.index(verb)
    typ, mode = ("COERCE", "arrest") if verb == "arrested" else ("RETREAT", "release")
    ev = Event("v1", typ, Span(trig, trig + len(verb), verb), Span(0, len(s1), s1), mode=mode, target=("e1",),
               date=TimeValue(day, "on Monday"))
    c0 = text.index(na, len(s1))
    content = Span(c0, len(text) - 1, text[c0:len(text) - 1])
    st = Statement("s1", "e2", nb, "said", None, None, False, content, Span(len(s1) + 1, len(text), text[len(s1) + 1:]),
                   about=("e1",), kind="commitment", date=TimeValue(day, "on Monday"),
                   horizon=TimeValue(f"{day}/{day}", "within two weeks"))
    rec = Record(id=f"a{i}", text=text, published=day, entities=(ea, eb), statements=(st,), events=(ev,))
    return rec, {(rec.id, "e1"): f"L{a}", (rec.id, "e2"): f"L{b}"}


N_MAX = 1
if __name__ == "__main__":
    for n in [int(x) for x in sys.argv[1:]] or [500, 2000]:
        N_MAX = n
        rnd = random.Random(7)
        recs, link = [], {}
        for i in range(n):
            r, m = article(i, rnd)
            recs.append(r)
            link.update(m)
        out = []
        for name, fn in (("timelines", lambda: timelines(recs, link)), ("claims", lambda: claims(recs, link)),
                         ("groups", lambda: groups(recs, link))):
            t = time.perf_counter()
            fn()
            out.append(f"{name} {time.perf_counter() - t:.2f}s")
        print(n, "articles:", ", ".join(out))
