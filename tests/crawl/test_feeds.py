"""Feed parsing: every feed dialect, recovered and unreadable feeds, entity refusal."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from newsbot.crawl.feeds import looks_like_feed, parse_feed
from newsbot.errors import ParseError

BASE = "http://news.example.com/feed"

RSS091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://news.example.com/</link>
<description>d</description><language>en-us</language>
<item><title>First story</title><link>http://news.example.com/a/1.html</link></item>
<item><title>Second story</title><link>/a/2.html</link></item>
</channel></rss>"""

RSS10 = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.example.jp/"><title>ニュース</title><link>http://news.example.jp/</link>
<description>d</description><dc:language>ja</dc:language></channel>
<item rdf:about="http://news.example.jp/a/1.html"><title>記事その一</title>
<link>http://news.example.jp/a/1.html</link><dc:date>2025-05-01T09:00:00+09:00</dc:date></item>
</rdf:RDF>""".encode()

RSS20 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>T</title><link>http://news.example.com/</link><description>d</description>
<item><title>Has a link</title><link>http://news.example.com/a/1.html</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 +0000</pubDate></item>
<item><title>Guid only</title><guid isPermaLink="true">http://news.example.com/a/2.html</guid></item>
<item><title>Duplicate</title><link>http://news.example.com/a/1.html</link></item>
<item><title>No link at all</title><description>x</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>A</title><id>urn:x</id>
<updated>2025-03-05T00:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:uuid:1</id>
<link rel="alternate" type="text/html" href="http://news.example.com/a/3.html"/>
<link rel="replies" href="http://news.example.com/a/3.html#comments"/>
<published>2025-03-04T10:00:00+01:00</published><updated>2025-03-05T10:00:00Z</updated></entry>
</feed>"""


def test_rss_091_with_its_doctype_and_relative_link():
    links = parse_feed(RSS091, BASE)
    assert [link.url for link in links] == ["http://news.example.com/a/1.html",
                                            "http://news.example.com/a/2.html"]
    assert links[0].title == "First story" and links[0].lang == "en"


def test_rss_10_rdf():
    (link,) = parse_feed(RSS10, BASE)
    assert link.url == "http://news.example.jp/a/1.html" and link.title == "記事その一"
    assert link.lang == "ja" and link.changed == datetime(2025, 5, 1, 0, 0, tzinfo=UTC)


def test_rss_20_links_guids_and_duplicates():
    links = parse_feed(RSS20, BASE)
    assert [link.url for link in links] == ["http://news.example.com/a/1.html",
                                            "http://news.example.com/a/2.html"]
    assert links[0].published == datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


def test_atom_alternate_link_and_dates():
    (link,) = parse_feed(ATOM, BASE)
    assert link.url == "http://news.example.com/a/3.html" and link.title == "Atom entry"
    assert link.published == datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
    assert link.changed == datetime(2025, 3, 5, 10, 0, tzinfo=UTC)


def test_gzipped_feed():
    assert len(parse_feed(gzip.compress(RSS20), BASE)) == 2


def test_malformed_feed_without_entries_is_a_parse_error():
    with pytest.raises(ParseError, match="not a readable feed"):
        parse_feed(b"<rss><channel><title>x</title>\n<<<< &&& not xml", BASE)


def test_html_page_is_not_a_feed():
    with pytest.raises(ParseError):
        parse_feed(b"<!DOCTYPE html><html><body><p>hello</p></body></html>", BASE)


def test_recovered_feed_keeps_its_entries(caplog):
    broken = RSS20.replace(b"<title>Has a link</title>", b"<title>Tom & Jerry</title>")
    links = parse_feed(broken, BASE)
    assert len(links) == 2
    assert "feed_recovered" in caplog.text


def test_entity_declarations_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel>'
            b"<item><title>&b;</title><link>http://x/1</link></item></channel></rss>")
    with pytest.raises(ParseError, match="entities"):
        parse_feed(bomb, BASE)


def test_empty_feed_is_fine():
    assert parse_feed(b'<rss version="2.0"><channel><title>t</title></channel></rss>', BASE) == []


def test_looks_like_feed():
    assert looks_like_feed(RSS091) and looks_like_feed(RSS10) and looks_like_feed(ATOM)
    assert not looks_like_feed(b"<urlset></urlset>")
    assert not looks_like_feed(b"<!DOCTYPE html><html></html>")
