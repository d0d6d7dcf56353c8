"""Crawling sources end to end against the fixture sites: discovery of every kind, what the
store already knows, faults recorded without stopping anything, many sources at once."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from newsbot.config import SourceConfig
from newsbot.crawl import (
    ArticleFailure,
    CrawlOptions,
    FetchedArticle,
    Fetcher,
    Known,
    SourceDone,
    crawl_source,
    crawl_sources,
    crawl_url,
    crawl_urls,
)
from newsbot.errors import BlockedURLError, FetchError, ParseError
from tests.crawl.conftest import collect, fast_settings


class State:
    """A CrawlState over a dict, as the pipeline's store-backed one would answer."""

    def __init__(self, known: dict[str, Known] | None = None):
        self.known_urls = known or {}
        self.asked: list[str] = []

    def known(self, url: str) -> Known | None:
        self.asked.append(url)
        return self.known_urls.get(url)


def split(items: list[Any]) -> tuple[list[FetchedArticle], list[ArticleFailure], SourceDone]:
    done = items[-1]
    assert isinstance(done, SourceDone)
    assert not any(isinstance(i, SourceDone) for i in items[:-1])
    return ([i for i in items if isinstance(i, FetchedArticle)],
            [i for i in items if isinstance(i, ArticleFailure)], done)


def source(sites: dict[str, str], site: str, kind: str, path: str, **extra: Any) -> SourceConfig:
    return SourceConfig(name=site, kind=kind, url=sites[site] + path, **extra)


async def test_feed_source(sites, settings):
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_source(source(sites, "feed-en", "rss", "/feed.xml"), fetcher))
    articles, failures, done = split(items)
    assert sorted(a.article.title for a in articles) == [
        "Kestrel AI agrees to buy data-labelling startup Quarry for $310 million",
        "Nimbus Labs raises $120 million Series B to scale its inference chips",
        "Orbit Robotics hires former Lumen Systems scientist as research chief",
    ]
    assert articles[0].link.published is not None and articles[0].fetched.etag
    reasons = {f.url.split("/")[2]: str(f.error) for f in failures}
    assert all(isinstance(f.error, BlockedURLError) for f in failures)
    assert "robots.txt" in reasons[sites["feed-en"].split("/")[2]]
    assert "private address" in reasons["169.254.169.254"]
    assert "private address" in reasons["localhost:9"]
    assert (done.ok, done.found, done.fetched, done.failed) == (True, 6, 3, 3)
    assert done.etag and done.last_modified


async def test_sitemap_source_with_index_gz_child_and_missing_child(sites, settings):
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_source(
            source(sites, "sitemap-en", "sitemap", "/sitemap.xml"), fetcher))
    articles, failures, done = split(items)
    slugs = [a.url.rsplit("/", 1)[1] for a in articles]
    assert slugs == ["tessellate-partners-harbor.html", "nimbus-raises-series-b.html",
                     "kestrel-acquires-quarry.html", "orbit-hires-research-chief.html",
                     "older-story.html"]  # newest first; the last two come from the .gz
    assert articles[0].link.title and articles[0].link.lang == "en"
    assert failures == [] and done.fetched == 5
    assert len(done.notes) == 1 and "sitemap-missing.xml: HTTP 404" in done.notes[0]


async def test_listing_source_without_selector(sites, settings):
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_source(source(sites, "listing-en", "html", "/"), fetcher))
    articles, failures, done = split(items)
    assert len(articles) == 4 and failures == []
    assert "photo-gallery" not in " ".join(a.url for a in articles)
    assert (done.found, done.fetched, done.rejected) == (5, 4, 1)


async def test_listing_source_with_selector(sites, settings):
    src = source(sites, "listing-en", "html", "/", selector="aside li")
    async with Fetcher(settings) as fetcher:
        articles, _, _ = split(await collect(crawl_source(src, fetcher)))
    assert [a.url.rsplit("/", 1)[1] for a in articles] == ["tessellate-partners-harbor.html"]


async def test_shift_jis_site_and_wrong_declared_charset(sites, settings):
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_source(
            source(sites, "sjis-ja", "rss", "/feed.xml", language="ja"), fetcher))
    articles, failures, _ = split(items)
    titles = {a.url.rsplit("/", 1)[1]: a.article.title for a in articles}
    assert failures == [] and len(titles) == 3
    assert titles["hoshizora-shikin.html"].startswith("星空AI、シリーズAで30億円を調達")
    assert titles["mojibake-chuui.html"].startswith("文字コードの宣言が誤っている")
    assert all(a.article.lang == "ja" for a in articles)
    assert articles[0].link.title and articles[0].link.title in titles.values()


async def test_known_urls_are_skipped_or_checked_conditionally(sites, settings):
    src = source(sites, "feed-en", "rss", "/feed.xml")
    async with Fetcher(settings) as fetcher:
        first = await collect(crawl_source(src, fetcher))
        stored = {a.url: a.fetched for a in split(first)[0]}
        long_ago, recently = datetime(2025, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)
        nimbus, kestrel, orbit = sorted(stored)[1], sorted(stored)[0], sorted(stored)[2]
        state = State({
            nimbus: Known(stored[nimbus].etag, stored[nimbus].last_modified, long_ago),
            kestrel: Known(fetched_at=recently),
            orbit: Known(),
        })
        articles, _, done = split(await collect(crawl_source(src, fetcher, state)))
    assert articles == []
    assert (done.skipped, done.not_modified, done.fetched) == (2, 1, 0)
    assert src.url in state.asked


async def test_refetch_known(sites, settings):
    src = source(sites, "feed-en", "rss", "/feed.xml")
    url = sites["feed-en"] + "/articles/orbit-hires-research-chief.html"
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_source(src, fetcher, State({url: Known()}),
                                           CrawlOptions(refetch_known=True)))
    assert split(items)[2].fetched == 3


async def test_unchanged_entry_point_ends_the_crawl(sites, settings):
    src = source(sites, "sitemap-en", "sitemap", "/sitemap.xml")
    async with Fetcher(settings) as fetcher:
        first = split(await collect(crawl_source(src, fetcher, options=CrawlOptions(limit=1))))[2]
        state = State({src.url: Known(first.etag, first.last_modified)})
        items = await collect(crawl_source(src, fetcher, state))
    assert len(items) == 1 and items[0].unchanged and items[0].ok


async def test_article_limit(sites):
    async with Fetcher(fast_settings(max_articles_per_source=2)) as fetcher:
        items = await collect(crawl_source(source(sites, "sitemap-en", "sitemap", "/sitemap.xml"),
                                           fetcher))
    assert split(items)[2].fetched == 2


async def test_faults_are_recorded_in_bounded_time(sites):
    started = time.monotonic()
    async with Fetcher(fast_settings(retries=0)) as fetcher:  # retries: see test_fetch
        items = await collect(crawl_source(source(sites, "faults-en", "rss", "/feed.xml"), fetcher))
    took = time.monotonic() - started
    articles, failures, done = split(items)
    assert took < 4.0
    assert [a.url.split("/", 3)[3] for a in articles] == [
        "articles/good.html", "_redirect/1/articles/good.html?via=redirect"]
    errors = {f.url.split("/", 3)[3]: f.error for f in failures}
    expected = {
        "_slow/3/articles/good.html": (FetchError, "timeout"),
        "_status/503/articles/good.html": (FetchError, "HTTP 503"),
        "_status/429/articles/good.html": (FetchError, "HTTP 429"),
        "_status/404/articles/good.html": (FetchError, "HTTP 404"),
        "_drop/articles/good.html": (FetchError, "dropped"),
        "_huge/articles/good.html": (FetchError, "exceeds"),
        "_redirect/9/articles/good.html": (FetchError, "too many redirects"),
        "articles/empty.html": (ParseError, ""),
        "articles/blank.html": (ParseError, ""),
        "articles/chart.png": (FetchError, "unexpected content"),
        "articles/data.bin": (FetchError, "unexpected content"),
    }
    assert set(errors) == set(expected)
    for path, (kind, words) in expected.items():
        assert isinstance(errors[path], kind) and words in str(errors[path]), path
    assert done.ok and (done.fetched, done.failed) == (2, 11)


async def test_malformed_feed_fails_the_source_recovered_feed_does_not(sites, settings):
    async with Fetcher(settings) as fetcher:
        broken = await collect(
            crawl_source(source(sites, "broken-en", "rss", "/feed.xml"), fetcher))
        recovered = await collect(
            crawl_source(source(sites, "broken-en", "rss", "/recovered.xml"), fetcher))
    assert len(broken) == 1 and isinstance(broken[0].error, ParseError)
    assert split(recovered)[2].fetched == 1


class BrokenState(State):
    def known(self, url: str) -> Known | None:
        if "sitemap-en" in url or url.endswith("/sitemap.xml"):
            raise RuntimeError("a bug in the caller")
        return None


async def test_failing_sources_never_stop_the_others(sites, settings):
    sources = [
        source(sites, "broken-en", "rss", "/feed.xml"),
        SourceConfig(name="down", kind="rss", url="http://127.0.0.1:9/feed.xml"),
        SourceConfig(name="bug", kind="sitemap", url=sites["sitemap-en"] + "/sitemap.xml"),
        source(sites, "sjis-ja", "rss", "/feed.xml"),
        source(sites, "listing-en", "html", "/"),
        SourceConfig(name="off", kind="rss", url="http://127.0.0.1:9/x", enabled=False),
    ]
    started = time.monotonic()
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_sources(sources, fetcher, BrokenState()))
    done = {i.source: i for i in items if isinstance(i, SourceDone)}
    assert set(done) == {"broken-en", "down", "bug", "sjis-ja", "listing-en"}
    assert isinstance(done["broken-en"].error, ParseError)
    assert isinstance(done["down"].error, FetchError)
    assert isinstance(done["bug"].error, RuntimeError)
    assert done["sjis-ja"].fetched == 3 and done["listing-en"].fetched == 4
    assert time.monotonic() - started < 5.0


async def test_stopping_early_closes_everything(sites, settings):
    sources = [source(sites, "sitemap-en", "sitemap", "/sitemap.xml"),
               source(sites, "listing-en", "html", "/")]
    async with Fetcher(settings) as fetcher:
        async for item in crawl_sources(sources, fetcher):
            if isinstance(item, FetchedArticle):
                break
    assert isinstance(item, FetchedArticle)


async def test_crawl_url_detects_each_kind(sites, settings):
    cases = {
        sites["feed-en"] + "/feed.xml": ("feed", 3),
        sites["feed-en"] + "/": ("feed", 3),  # announces its feed
        sites["sitemap-en"] + "/sitemap.xml": ("sitemap", 5),
        sites["sitemap-en"] + "/": ("sitemap", 5),  # no index.html: robots.txt Sitemap:
        sites["sjis-ja"] + "/": ("feed", 3),  # no index.html: found at /feed.xml
        sites["sitemap-en"] + "/sitemap-archive.xml.gz": ("sitemap", 2),
        sites["listing-en"] + "/": ("html", 4),
        sites["listing-en"] + "/articles/older-story.html": ("article", 1),
    }
    async with Fetcher(settings) as fetcher:
        results = await asyncio.gather(*(collect(crawl_url(url, fetcher)) for url in cases))
    for (url, (kind, count)), items in zip(cases.items(), results, strict=True):
        _, _, done = split(items)
        assert (done.kind, done.fetched, done.ok) == (kind, count, True), url


async def test_crawl_urls_reports_each(sites, settings):
    urls = [sites["listing-en"] + "/articles/older-story.html", "http://127.0.0.1:9/"]
    async with Fetcher(settings) as fetcher:
        items = await collect(crawl_urls(urls, fetcher))
    done = [i for i in items if isinstance(i, SourceDone)]
    assert len(done) == 2 and sum(d.ok for d in done) == 1
