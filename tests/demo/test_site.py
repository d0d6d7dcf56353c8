"""The sample news web in newsbot/demo/site keeps the corpus layout of FORMAT.md.

The demo, the crawler tests and the extraction tests all read it, so a broken link, a
missing gold file or a page that does not decode in its declared charset would make them
fail for the wrong reason. These checks keep the data honest.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from html import unescape
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

import newsbot.demo
from newsbot.core.events import CUSTOMER_STATUSES, EVENT_TYPES, FIELDS, METRICS

ROOT = Path(newsbot.demo.__file__).resolve().parent / "site"
SITES = sorted(p.name for p in (ROOT / "sites").iterdir() if p.is_dir())
ENTRY_POINTS = ("feed.xml", "sitemap.xml", "index.html")
BASE = "{{BASE}}"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "atom": "http://www.w3.org/2005/Atom",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
CHARSET = re.compile(rb"""<meta\s+charset=["']?([\w-]+)""", re.I)
CODECS = {"utf-8": "utf-8", "shift_jis": "cp932", "euc-jp": "euc_jp"}
NAME_FIELDS = (
    "company",
    "acquirer",
    "target",
    "vendor",
    "customer",
    "person",
    "from",
    "to",
    "product",
)


def sites_with(name: str) -> list[str]:
    return [s for s in SITES if (ROOT / "sites" / s / name).is_file()]


def articles(site: str) -> list[Path]:
    return sorted((ROOT / "sites" / site / "articles").glob("*.html"))


def all_articles() -> list[tuple[str, Path]]:
    return [(site, page) for site in SITES for page in articles(site)]


def gold(site: str, slug: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((ROOT / "gold" / site / f"{slug}.json").read_text("utf-8"))
    return record


def all_gold() -> list[tuple[str, dict[str, Any]]]:
    return [(site, gold(site, page.stem)) for site, page in all_articles()]


def declared_codec(raw: bytes) -> str:
    found = CHARSET.search(raw[:2048])
    assert found, "no <meta charset> in the first 2 KiB"
    return CODECS[found.group(1).decode("ascii").lower()]


def local_path(url: str) -> str:
    assert url.startswith(BASE + "/"), url
    return url[len(BASE) + 1 :]


# ---- layout --------------------------------------------------------------------------------


def test_there_are_enough_sites_and_articles() -> None:
    langs = Counter(site.rsplit("-", 1)[1] for site in SITES)
    assert 4 <= len(SITES) <= 5
    assert langs["en"] >= 2 and langs["ja"] >= 2
    assert 30 <= len(all_articles()) <= 40


@pytest.mark.parametrize("site", SITES)
def test_every_site_has_robots_and_one_entry_point(site: str) -> None:
    folder = ROOT / "sites" / site
    robots = (folder / "robots.txt").read_text(encoding="ascii")
    assert "User-agent: *" in robots and "Disallow: /admin/" in robots
    assert sum((folder / name).is_file() for name in ENTRY_POINTS) == 1
    for line in robots.splitlines():
        if line.startswith("Sitemap:"):
            assert (folder / local_path(line.split(":", 1)[1].strip())).is_file()


def test_one_site_asks_for_a_crawl_delay() -> None:
    robots = {s: (ROOT / "sites" / s / "robots.txt").read_text() for s in SITES}
    delays = [s for s, text in robots.items() if "Crawl-delay: 1" in text]
    assert len(delays) == 1


def test_every_article_has_a_gold_file_and_vice_versa() -> None:
    for site in SITES:
        pages = {p.stem for p in articles(site)}
        golds = {p.stem for p in (ROOT / "gold" / site).glob("*.json")}
        assert pages == golds, site
    assert sorted(p.name for p in (ROOT / "gold").iterdir()) == SITES


# ---- gold records --------------------------------------------------------------------------


def check_event(event: dict[str, Any]) -> None:
    kind = event["type"]
    assert kind in EVENT_TYPES
    allowed = {"type", "optional", *FIELDS[kind]}
    assert set(event) <= allowed, set(event) - allowed
    assert isinstance(event.get("optional", False), bool)
    required = set(FIELDS[kind]) - {"value_usd", "value_pct"}
    assert required <= set(event), required - set(event)
    for name in NAME_FIELDS:
        if name in event:
            assert event[name] is None or (isinstance(event[name], str) and event[name].strip())
    for name in ("investors", "companies"):
        if name in event:
            assert all(isinstance(n, str) and n.strip() for n in event[name])
    for name in ("amount_usd", "valuation_usd", "value_usd", "stake_pct", "value_pct", "count"):
        value = event.get(name)
        assert value is None or (isinstance(value, int | float) and value > 0), (name, value)
    check_type_rules(event)


def check_type_rules(event: dict[str, Any]) -> None:
    kind = event["type"]
    if kind == "investment":
        assert event["company"] and event["investors"]
    elif kind == "partnership":
        assert len(event["companies"]) >= 2 and event["summary"]
    elif kind == "customer":
        assert event["status"] in CUSTOMER_STATUSES
    elif kind == "talent_move":
        assert event["person"] and (event["from"] or event["to"])
    elif kind == "financial":
        assert event["metric"] in METRICS
        assert ("value_usd" in event) != ("value_pct" in event)
        assert event["period"] is None or re.fullmatch(r"\d{4}(-\d{2})?", event["period"])
    elif kind == "layoff":
        assert isinstance(event["count"], int)


@pytest.mark.parametrize(("site", "page"), all_articles(), ids=lambda v: getattr(v, "stem", v))
def test_gold_record_has_the_format_md_shape(site: str, page: Path) -> None:
    record = gold(site, page.stem)
    assert list(record) == ["article", "lang", "title", "published", "events"]
    assert record["article"] == f"{site}/articles/{page.name}"
    assert record["lang"] == site.rsplit("-", 1)[1]
    date.fromisoformat(record["published"])
    assert isinstance(record["events"], list)
    for event in record["events"]:
        check_event(event)
    text = unescape(page.read_bytes().decode(declared_codec(page.read_bytes())))
    assert f">{record['title']}</h1>" in text


def test_every_name_in_gold_has_an_alias_entry() -> None:
    aliases = json.loads((ROOT / "aliases.json").read_text(encoding="utf-8"))
    names: set[str] = set()
    for _, record in all_gold():
        for event in record["events"]:
            names.update(event[f] for f in NAME_FIELDS if event.get(f))
            names.update(event.get("investors", []) + event.get("companies", []))
    assert names <= set(aliases), sorted(names - set(aliases))


def event_key(event: dict[str, Any]) -> tuple[Any, ...]:
    kind = event["type"]
    fields = {
        "investment": ("company", "amount_usd"),
        "acquisition": ("acquirer", "target"),
        "customer": ("vendor", "customer"),
        "talent_move": ("person", "to"),
        "financial": ("company", "metric", "period"),
        "product_launch": ("company", "product"),
        "layoff": ("company", "count"),
        "partnership": (),
    }[kind]
    extra = (frozenset(event["companies"]),) if kind == "partnership" else ()
    return (kind, *(event[f] for f in fields), *extra)


def test_the_same_events_are_reported_in_both_languages_and_by_two_english_sites() -> None:
    seen: dict[tuple[Any, ...], set[str]] = {}
    for site, record in all_gold():
        for event in record["events"]:
            if not event.get("optional"):
                seen.setdefault(event_key(event), set()).add(site)
    cross = [k for k, s in seen.items() if {x.rsplit("-", 1)[1] for x in s} == {"en", "ja"}]
    english = [
        k
        for k, s in seen.items()
        if any(a.endswith("-en") and b.endswith("-en") for a, b in combinations(s, 2))
    ]
    assert len(cross) >= 4 and english


# ---- encodings -------------------------------------------------------------------------------


def test_pages_decode_in_their_declared_charset() -> None:
    codecs: Counter[str] = Counter()
    for site, page in all_articles():
        raw = page.read_bytes()
        codec = declared_codec(raw)
        raw.decode(codec)  # strict: raises on a byte the charset does not have
        codecs[codec] += 1
        if site == "techkeizai-ja":
            assert codec == "cp932"
    assert codecs["cp932"] >= 5 and codecs["euc_jp"] >= 1
    index = (ROOT / "sites" / "techkeizai-ja" / "index.html").read_bytes()
    assert declared_codec(index) == "cp932"
    index.decode("cp932")


def test_legacy_pages_are_not_valid_utf8() -> None:
    """A crawler that ignores the declared charset would garble these pages."""
    for _, page in all_articles():
        raw = page.read_bytes()
        if declared_codec(raw) != "utf-8":
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")


# ---- feeds and sitemaps ------------------------------------------------------------------------


def feed_links(root: ET.Element) -> list[str]:
    tag = root.tag.split("}")[-1]
    if tag == "rss":
        return [item.findtext("link", "") for item in root.iter("item")]
    if tag == "feed":
        links = [
            link
            for entry in root.iterfind("atom:entry", NS)
            for link in entry.iterfind("atom:link", NS)
        ]
        return [link.get("href", "") for link in links if link.get("rel") == "alternate"]
    assert tag == "RDF", tag
    return [item.findtext("rss1:link", "", NS) for item in root.iterfind("rss1:item", NS)]


def sitemap_links(raw: bytes) -> list[str]:
    return [loc.text or "" for loc in ET.fromstring(raw).iterfind("sm:url/sm:loc", NS)]


def expected(site: str) -> Counter[str]:
    return Counter(f"articles/{p.name}" for p in articles(site))


@pytest.mark.parametrize("site", sites_with("feed.xml"))
def test_feed_links_every_article_exactly_once(site: str) -> None:
    root = ET.parse(ROOT / "sites" / site / "feed.xml").getroot()
    assert Counter(local_path(u) for u in feed_links(root)) == expected(site)


def test_feeds_cover_rss2_rss1_and_atom() -> None:
    kinds = {
        ET.parse(ROOT / "sites" / s / "feed.xml").getroot().tag.split("}")[-1]
        for s in sites_with("feed.xml")
    }
    assert kinds == {"rss", "RDF", "feed"}


@pytest.mark.parametrize("site", sites_with("sitemap.xml"))
def test_sitemaps_link_every_article_exactly_once(site: str) -> None:
    folder = ROOT / "sites" / site
    raw = (folder / "sitemap.xml").read_bytes()
    assert b"http://www.google.com/schemas/sitemap-news/0.9" in raw
    assert Counter(local_path(u) for u in sitemap_links(raw)) == expected(site)
    index = ET.fromstring(gzip.decompress((folder / "sitemap_index.xml.gz").read_bytes()))
    children = [loc.text or "" for loc in index.iterfind("sm:sitemap/sm:loc", NS)]
    assert children and all(c.endswith(".xml.gz") for c in children)
    for child in children:
        inner = gzip.decompress((folder / local_path(child)).read_bytes())
        assert Counter(local_path(u) for u in sitemap_links(inner)) == expected(site)


@pytest.mark.parametrize("site", sites_with("index.html"))
def test_listing_page_links_every_article_among_other_links(site: str) -> None:
    raw = (ROOT / "sites" / site / "index.html").read_bytes()
    hrefs = re.findall(r'href="([^"]+)"', raw.decode(declared_codec(raw)))
    local = [local_path(h) for h in hrefs if h.startswith(BASE + "/")]
    linked = {h for h in local if h.startswith("articles/")}
    assert linked == set(expected(site))
    others = [h for h in local if not h.startswith("articles/")]
    assert any("pr/" in h for h in others) and any("list/" in h for h in others)


# ---- questions -----------------------------------------------------------------------------------


def test_questions_are_valid_jsonl() -> None:
    lines = (ROOT / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines]
    assert 23 <= len(questions) <= 35
    for q in questions:
        assert set(q) == {"q", "lang", "expect"} and q["lang"] in ("en", "ja") and q["q"].strip()
        assert q["expect"] and all(
            group and all(isinstance(a, str) and a for a in group) for group in q["expect"]
        )
    not_found = [q for q in questions if "見つかりません" in q["expect"][0]]
    assert len(not_found) >= 3
    assert {q["lang"] for q in questions} == {"en", "ja"}
