"""Every input kind, and every kind of bad input, gives articles or one clear error per input."""

from __future__ import annotations

import io
import json

import pytest

from newsledger.errors import (
    BinaryInputError,
    DateFormatError,
    EmptyInputError,
    EncodingError,
    FeedError,
    InputError,
    JSONLineError,
    NoArticleError,
    UnknownFormatError,
)
from newsledger.ingest import read_inputs, read_path
from newsledger.records import Article

BODY = ("Harbour officials in the town of Kelmar said on Tuesday that the north pier would stay shut "
        "until engineers finish their inspection. The mayor, Ines Darrow, told reporters that repairs "
        "could start next month if the regional council approves the money. Fishing crews have been "
        "unable to land their catch for a week, and several boats have moved to the neighbouring port.")

PAGE = f"""<!DOCTYPE html><html><head><title>Kelmar pier to stay shut</title>
<meta property="og:site_name" content="Kelmar Gazette">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
<script>var tracking = "ignore me";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Kelmar pier to stay shut</h1><p>{BODY}</p>
<p>The council meets on Friday to decide. Darrow said she expected a quick answer.</p></article>
<footer>Copyright Kelmar Gazette</footer></body></html>"""


def _one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_txt(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(BODY, encoding="utf-8")
    a = _one(read_path(f, published="2025-03-04"))
    assert isinstance(a, Article) and a.text == BODY and a.id == "story" and a.published == "2025-03-04"


def test_txt_with_bom_and_crlf_keeps_text(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    assert _one(read_path(f)).text == BODY


def test_html_gives_main_text_title_outlet_and_date(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    a = _one(read_path(f))
    assert isinstance(a, Article), a
    assert "north pier would stay shut" in a.text and "tracking" not in a.text and "Copyright" not in a.text
    assert a.title == "Kelmar pier to stay shut"
    assert a.published == "2025-03-04"
    assert a.outlet == "Kelmar Gazette"


def test_html_with_scripts_and_no_article(tmp_path):
    f = tmp_path / "app.html"
    f.write_text("<html><head><script>window.app = {};</script></head><body><div id='root'></div>"
                 "<script src='bundle.js'></script></body></html>", encoding="utf-8")
    err = _one(read_path(f))
    assert isinstance(err, NoArticleError) and "app.html" in str(err) and "no article text" in str(err)


def test_jsonl_lines_good_and_bad(tmp_path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": BODY, "published": "2025-03-04", "outlet": "Gazette"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": BODY + " Again.", "published": "March 4"}),
        json.dumps({"text": BODY + " More."}),
    ]), encoding="utf-8")
    out = list(read_path(f))
    assert isinstance(out[0], Article) and out[0].id == "a" and out[0].outlet == "Gazette"
    assert isinstance(out[1], JSONLineError) and "batch.jsonl:2" in str(out[1]) and "not JSON" in str(out[1])
    assert isinstance(out[2], JSONLineError) and '"text"' in str(out[2])
    assert isinstance(out[3], JSONLineError)
    assert isinstance(out[4], JSONLineError) and "ISO 8601" in str(out[4]) and ":6" in str(out[4])
    assert isinstance(out[5], Article) and out[5].id is None and len(out[5].doc_id) == 16
    assert len(out) == 6


def test_stdin_jsonl():
    stream = io.BytesIO((json.dumps({"id": "s", "text": BODY}) + "\n").encode())
    a = _one(read_inputs(["-"], stdin=stream))
    assert a.id == "s" and a.source == "<stdin>:1"


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Kelmar Gazette</title><link>https://gazette.example/</link><description>News</description>
<item><title>Pier stays shut</title><link>https://gazette.example/pier</link><guid>pier-1</guid>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p><p>The council meets on Friday.</p>]]></content:encoded></item>
<item><title>Empty one</title><link>https://gazette.example/empty</link><guid>empty-2</guid></item>
</channel></rss>"""


def test_rss_feed_entries_become_articles(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    out = list(read_path(f))
    a = out[0]
    assert isinstance(a, Article) and "north pier" in a.text and "The council meets on Friday." in a.text
    assert a.title == "Pier stays shut" and a.url == "https://gazette.example/pier" and a.outlet == "Kelmar Gazette"
    assert a.published.startswith("2025-03-04")
    assert isinstance(out[1], NoArticleError)


def test_atom_feed(tmp_path):
    f = tmp_path / "feed.atom"
    f.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Gazette</title><id>urn:g</id><updated>2025-03-04T08:00:00Z</updated>
<entry><title>Pier</title><id>urn:pier</id><link href="https://gazette.example/pier"/>
<updated>2025-03-04T08:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""")
    a = _one(read_path(f))
    assert isinstance(a, Article) and a.text.startswith("Harbour officials") and a.published.startswith("2025-03-04")


def test_a_feed_that_does_not_parse(tmp_path):
    f = tmp_path / "broken.rss"
    f.write_text("<rss><channel><title>oops</title><item><title>x", encoding="utf-8")
    err = _one(read_path(f))
    assert isinstance(err, FeedError) and "broken.rss" in str(err)


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def test_warc_html_responses_become_articles(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [("https://gazette.example/pier", "text/html; charset=utf-8", PAGE.encode()),
              ("https://gazette.example/logo.png", "image/png", b"\x89PNG...."),
              ("https://gazette.example/app", "text/html", b"<html><body><script>x()</script></body></html>")])
    out = list(read_path(f))
    assert isinstance(out[0], Article) and out[0].url == "https://gazette.example/pier" and "north pier" in out[0].text
    assert isinstance(out[1], NoArticleError) and "gazette.example/app" in str(out[1])
    assert len(out) == 2


def test_binary_file(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    err = _one(read_path(f))
    assert isinstance(err, BinaryInputError) and "binary" in str(err)


def test_bad_utf8(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes(("Caf\u00e9 owners in Kelmar said the pier would stay shut. " * 3).encode("latin-1"))
    err = _one(read_path(f))
    assert isinstance(err, EncodingError) and "UTF-8" in str(err) and "iconv" in str(err)


def test_empty_missing_and_directory_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    out = list(read_inputs([str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "sub")]))
    assert isinstance(out[0], EmptyInputError)
    assert isinstance(out[1], InputError) and "no such file" in str(out[1])
    assert isinstance(out[2], UnknownFormatError) and "directory" in str(out[2])


def test_kind_is_sniffed_without_an_extension(tmp_path):
    (tmp_path / "a").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b").write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    (tmp_path / "c").write_text(RSS, encoding="utf-8")
    out = list(read_inputs([str(tmp_path / n) for n in "abc"]))
    assert all(isinstance(x, Article) for x in out[:3]), out
    assert out[0].title == "Kelmar pier to stay shut" and out[2].title == "Pier stays shut"


def test_bad_published_option_stops_before_reading():
    with pytest.raises(DateFormatError, match="ISO 8601"):
        list(read_inputs(["whatever.txt"], published="next Tuesday"))
