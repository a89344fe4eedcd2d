"""Invented articles as hand-built document records, for the API and web UI tests (no model needed).

Every name, place and quote here is made up. ``records()`` gives three articles: two about one
invented minister in two outlets, and one whose title, outlet, URL, text and names carry XSS
vectors. ``series(n)`` gives ``n`` more, one a day, for pagination.
"""

from __future__ import annotations

from newsledger.records import Attributes, Entity, Event, Record, Span, Statement, Time, TimeValue


def span(text: str, sub: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(start, start + len(sub), sub)


A_TEXT = ("Minister Elena Varo said on Monday that the government will open talks with the Kestrel council "
          "by the end of March. \"We will sit down with them,\" Varo told reporters in Dunmore.\n\n"
          "Critics accused the council of delaying the vote.")

B_TEXT = ("Foreign Minister E. Varo met Kestrel council leaders in Dunmore on April 9. The council spokesman "
          "Tomas Brell said the meeting was productive. Protesters marched outside.")

XSS_TEXT = ("<script>window.__xss=1</script> Dr. <img src=x onerror=\"window.__xss=2\"> Payne said "
            "</textarea><a href=\"javascript:window.__xss=3\">click</a> everything is fine on Tuesday.")
XSS_TITLE = "<script>window.__xss=5</script> Evil & \"quotes\" </textarea>"
XSS_NAME = "Payne<script>window.__xss=4</script>"


def article_a(doc_id: str = "a1", published: str = "2025-03-04", outlet: str = "Harbor Gazette",
              suffix: str = "") -> Record:
    t = A_TEXT + suffix
    e1 = Entity("e1", "PERSON", "Elena Varo", ("Varo",), (span(t, "Elena Varo"), span(t, "Varo", 1)),
                Attributes(titles=("Minister",)))
    e2 = Entity("e2", "ORG", "Kestrel council", (), (span(t, "Kestrel council"),))
    e3 = Entity("e3", "GPE", "Dunmore", (), (span(t, "Dunmore"),))
    s1 = Statement("s1", "e1", "Elena Varo", "said", None, None, False,
                   span(t, "the government will open talks with the Kestrel council by the end of March"),
                   span(t, "Minister Elena Varo said on Monday that the government will open talks with the Kestrel "
                           "council by the end of March."),
                   about=("e2",), kind="commitment", date=TimeValue("2025-03-03", "on Monday"),
                   horizon=TimeValue("2025-03-31", "by the end of March"))
    s2 = Statement("s2", "e1", "Varo", "told", None, "reporters", True, span(t, "We will sit down with them"),
                   span(t, "\"We will sit down with them,\" Varo told reporters in Dunmore."), kind="commitment")
    v1 = Event("v1", "CONSULT", span(t, "talks"), span(t, "the government will open talks with the Kestrel council"),
               source=("e1",), target=("e2",), status="future", date=TimeValue("2025-03-31", "by the end of March"))
    v2 = Event("v2", "ACCUSE", span(t, "accused"), span(t, "Critics accused the council of delaying the vote."),
               mode="disapprove", target=("e2",))
    times = (Time(*_se(span(t, "Monday")), "DATE", "2025-03-03", "published"),
             Time(*_se(span(t, "the end of March")), "DATE", "2025-03-31", "published"))
    return Record(doc_id, t, url="https://example.org/varo-talks", title="Minister Varo pledges talks with "
                  "Kestrel council", outlet=outlet, published=published, entities=(e1, e2, e3),
                  statements=(s1, s2), events=(v1, v2), times=times).validate()


def article_b() -> Record:
    t = B_TEXT
    e1 = Entity("e1", "PERSON", "Elena Varo", ("E. Varo",), (span(t, "E. Varo"),),
                Attributes(titles=("Foreign Minister",)))
    e2 = Entity("e2", "ORG", "Kestrel council", (), (span(t, "Kestrel council"),))
    e3 = Entity("e3", "GPE", "Dunmore", (), (span(t, "Dunmore"),))
    e4 = Entity("e4", "PERSON", "Tomas Brell", ("Brell",), (span(t, "Tomas Brell"),),
                Attributes(age=52, titles=("spokesman",), affiliation=("e2",)))
    s1 = Statement("s1", "e4", "Tomas Brell", "said", None, None, False, span(t, "the meeting was productive"),
                   span(t, "The council spokesman Tomas Brell said the meeting was productive."), about=("e1",),
                   kind="opinion", date=TimeValue("2025-04-09", "on April 9"))
    v1 = Event("v1", "CONSULT", span(t, "met"), span(t, "Foreign Minister E. Varo met Kestrel council leaders in "
                                                      "Dunmore on April 9."),
               mode="visit", source=("e1",), target=("e2",), location="e3", date=TimeValue("2025-04-09", "on April 9"))
    v2 = Event("v2", "PROTEST", span(t, "marched"), span(t, "Protesters marched outside."), mode="demo")
    times = (Time(*_se(span(t, "April 9")), "DATE", "2025-04-09", "published"),)
    return Record("b2", t, title="Varo meets council leaders", outlet="Northern Courier", published="2025-04-10",
                  entities=(e1, e2, e3, e4), statements=(s1,), events=(v1, v2), times=times).validate()


def article_xss() -> Record:
    t = XSS_TEXT
    e1 = Entity("e1", "PERSON", XSS_NAME, ("<img src=x onerror=\"window.__xss=6\">",), (span(t, "Payne"),),
                Attributes(titles=("</textarea><script>window.__xss=7</script>",)))
    s1 = Statement("s1", "e1", XSS_NAME, "said", None, None, False,
                   span(t, "</textarea><a href=\"javascript:window.__xss=3\">click</a> everything is fine"),
                   span(t, t[t.index("Dr."):]), kind="claim")
    v1 = Event("v1", "ACCUSE", span(t, "click"), span(t, t[t.index("Dr."):]), source=("e1",))
    times = (Time(*_se(span(t, "Tuesday")), "DATE", "2025-01-07", "published"),)
    return Record("xss", t, url="javascript:window.__xss=8", title=XSS_TITLE,
                  outlet="<img src=x onerror=\"window.__xss=9\">", published="2025-01-08",
                  entities=(e1,), statements=(s1,), events=(v1,), times=times).validate()


def records() -> list[Record]:
    return [article_a(), article_b(), article_xss()]


def series(n: int, start: str = "2024-01-01") -> list[Record]:
    """``n`` variants of article A, one a day from ``start`` (distinct ids and texts)."""
    import datetime as dt

    d0 = dt.date.fromisoformat(start)
    return [article_a(f"s{i:04d}", (d0 + dt.timedelta(days=i)).isoformat(), outlet="Series Post",
                      suffix=f" Item {i}.") for i in range(n)]


def _se(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def build_store(path, extra: int = 0):
    """A ledger file at ``path`` holding :func:`records` (and ``extra`` of :func:`series`)."""
    from newsledger.ledger import open_store

    with open_store(path) as store:
        for r in records() + series(extra):
            store.add(r, source="webdata")
    return path
