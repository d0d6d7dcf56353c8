"""Article links from listing pages: by selector, and by looking (nav, pagination, ads,
tag/author pages and sidebars left out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbot.crawl.listing import feed_alternates, find_article_links
from newsbot.errors import ParseError
from tests.crawl.conftest import FIXTURES

BASE = "http://news.example.com"
LISTING = (FIXTURES / "sites/listing-en/index.html").read_text().replace("{{BASE}}", BASE)
ARTICLES = [f"{BASE}/articles/{slug}.html" for slug in (
    "nimbus-raises-series-b", "kestrel-acquires-quarry", "orbit-hires-research-chief",
    "older-story", "photo-gallery-week-12")]

WORDPRESS_JA = (Path(__file__).parent / "data" / "wordpress-ja.html").read_text()


def test_listing_without_selector_keeps_only_the_main_listing():
    links = find_article_links(LISTING, BASE + "/")
    assert [link.url for link in links] == ARTICLES
    assert links[0].title == "Nimbus Labs raises $120 million Series B to scale its inference chips"


def test_listing_with_date_paths_and_wordpress_classes():
    urls = [link.url for link in find_article_links(WORDPRESS_JA, BASE + "/")]
    assert urls == [f"{BASE}/2025/05/28/sakura-ai-raises-funds/",
                    f"{BASE}/2025/05/27/hokuto-bank-partnership/",
                    f"{BASE}/2025/05/26/new-cto-appointed/"]


def test_listing_links_stay_on_the_site():
    html = ('<main><a href="http://other.example.org/articles/some-long-story-title.html">'
            'A story elsewhere on another site entirely</a></main>')
    assert find_article_links(html, BASE + "/") == []


def test_limit():
    assert len(find_article_links(LISTING, BASE + "/", limit=2)) == 2


def test_selector_picks_links_inside_selected_elements():
    links = find_article_links(LISTING, BASE + "/", selector="h2.card-title")
    assert [link.url for link in links] == ARTICLES
    links = find_article_links(LISTING, BASE + "/", selector="aside a")
    assert [link.url for link in links] == [f"{BASE}/articles/tessellate-partners-harbor.html"]


def test_bad_selector_is_a_parse_error():
    with pytest.raises(ParseError, match="selector"):
        find_article_links(LISTING, BASE + "/", selector="h2[[")


def test_feed_alternates():
    html = (FIXTURES / "sites/feed-en/index.html").read_text().replace("{{BASE}}", BASE)
    assert feed_alternates(html, BASE + "/") == [f"{BASE}/feed.xml"]
