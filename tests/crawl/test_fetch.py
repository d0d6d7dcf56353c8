"""The Fetcher against real servers on 127.0.0.1: politeness, robots.txt, conditional GET,
every fault mode (each in bounded time, with a recorded error), and the private-address guard."""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import time

import pytest

from newsbot.config import CrawlSettings
from newsbot.crawl.fetch import Fetched, Fetcher, NotModified, retry_after
from newsbot.errors import BlockedURLError, FetchError
from tests.crawl.conftest import Route, fast_settings

PAGE = b"<!DOCTYPE html><html><head><title>t</title></head><body><p>hello</p></body></html>"
HTML = {"Content-Type": "text/html"}
LONG_AGO = "Mon, 01 Jan 2024 00:00:00 GMT"


async def timed(coro: object) -> tuple[object, float]:
    started = time.monotonic()
    try:
        result = await coro  # type: ignore[misc]
    except FetchError as exc:
        result = exc
    return result, time.monotonic() - started


async def test_fetch_returns_body_validators_and_type(sites, settings):
    url = sites["feed-en"] + "/articles/nimbus-raises-series-b.html"
    async with Fetcher(settings) as fetcher:
        got = await fetcher.fetch(url, kind="html")
    assert isinstance(got, Fetched)
    assert got.status == 200 and got.final_url == url and got.mime == "text/html"
    assert got.etag and got.last_modified and b"Nimbus Labs" in got.body
    assert got.headers["content-type"] == "text/html"


async def test_conditional_get_gives_not_modified(sites, settings):
    url = sites["feed-en"] + "/feed.xml"
    async with Fetcher(settings) as fetcher:
        first = await fetcher.fetch(url, kind="feed")
        assert isinstance(first, Fetched)
        by_etag = await fetcher.fetch(url, kind="feed", etag=first.etag)
        by_date = await fetcher.fetch(url, kind="feed", last_modified=first.last_modified)
        changed = await fetcher.fetch(url, kind="feed", etag='"something-else"')
    assert by_etag == NotModified(url) and by_date == NotModified(url)
    assert isinstance(changed, Fetched)


async def test_user_agent_and_validators_are_sent(scripted, settings):
    server = scripted({"/robots.txt": Route(404), "/p": Route(200, PAGE, HTML)})
    async with Fetcher(settings) as fetcher:
        await fetcher.fetch(server.base_url + "/p", etag='"v1"', last_modified=LONG_AGO)
    page = server.hits[-1]
    assert page.header("User-Agent") == settings.user_agent
    assert page.header("If-None-Match") == '"v1"'
    assert page.header("If-Modified-Since") == LONG_AGO


async def test_robots_disallow_is_obeyed(sites, settings):
    async with Fetcher(settings) as fetcher:
        with pytest.raises(BlockedURLError, match=r"robots\.txt disallows"):
            await fetcher.fetch(sites["feed-en"] + "/private/draft.html")
        assert await fetcher.fetch(sites["feed-en"] + "/articles/orbit-hires-research-chief.html")


async def test_robots_fetched_once_per_host(scripted, settings):
    server = scripted({"/robots.txt": Route(200, b"User-agent: *\nAllow: /\n"),
                       "/a": Route(200, PAGE, HTML), "/b": Route(200, PAGE, HTML)})
    async with Fetcher(settings) as fetcher:
        await asyncio.gather(*(fetcher.fetch(server.base_url + p) for p in ("/a", "/b", "/a")))
    assert [h.path for h in server.hits].count("/robots.txt") == 1


async def test_crawl_delay_spaces_requests(scripted, settings):
    server = scripted({"/robots.txt": Route(200, b"User-agent: *\nCrawl-delay: 0.3\n"),
                       "/a": Route(200, PAGE, HTML), "/b": Route(200, PAGE, HTML),
                       "/c": Route(200, PAGE, HTML)})
    async with Fetcher(settings) as fetcher:
        await asyncio.gather(*(fetcher.fetch(server.base_url + p) for p in ("/a", "/b", "/c")))
    pages = [h.at for h in server.hits if h.path != "/robots.txt"]
    assert len(pages) == 3
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(pages))


async def test_per_host_delay_queues_same_host_and_overlaps_hosts(scripted):
    routes = {"/robots.txt": Route(404), "/a": Route(200, PAGE, HTML), "/b": Route(200, PAGE, HTML)}
    one, two = scripted(dict(routes)), scripted(dict(routes))
    settings = fast_settings(per_host_delay=0.3)
    started = time.monotonic()
    async with Fetcher(settings) as fetcher:
        urls = [s.base_url + p for s in (one, two) for p in ("/a", "/b")]
        await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    elapsed = time.monotonic() - started
    for server in (one, two):
        times = [h.at for h in server.hits]
        assert len(times) == 3  # robots.txt, /a, /b
        assert all(b - a >= 0.29 for a, b in itertools.pairwise(times))
    assert abs(one.hits[0].at - two.hits[0].at) < 0.2  # the hosts ran side by side
    assert elapsed < 1.2  # 2 delays per host, not 4 in a row


async def test_slow_response_hits_total_timeout(sites):
    settings = fast_settings(total_timeout=0.5, read_timeout=5.0)
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(sites["faults-en"] + "/_slow/3/articles/good.html"))
    assert isinstance(error, FetchError) and "total timeout" in str(error)
    assert took < 1.5


async def test_slow_response_hits_read_timeout_without_retry(sites):
    settings = fast_settings(total_timeout=5.0, read_timeout=0.3)
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(sites["faults-en"] + "/_slow/3/articles/good.html"))
    assert isinstance(error, FetchError) and "timed out" in str(error)
    assert took < 1.5


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_is_honoured_and_bounded(sites, settings, code):
    async with Fetcher(settings) as fetcher:
        url = sites["faults-en"] + f"/_status/{code}/articles/good.html"
        error, took = await timed(fetcher.fetch(url))
    assert isinstance(error, FetchError) and error.status == code
    assert "after 2 attempts" in str(error)
    assert 0.95 <= took < 2.5  # one retry after Retry-After: 1


async def test_retry_after_then_success(scripted, settings):
    server = scripted({"/robots.txt": Route(404),
                       "/p": [Route(503, b"busy", {"Retry-After": "1"}), Route(200, PAGE, HTML)]})
    async with Fetcher(settings) as fetcher:
        got = await fetcher.fetch(server.base_url + "/p")
    assert isinstance(got, Fetched)
    first, second = [h.at for h in server.hits if h.path == "/p"]
    assert second - first >= 0.95


async def test_retry_after_http_date(scripted, settings):
    when = email.utils.formatdate(time.time() + 1.5, usegmt=True)
    server = scripted({"/robots.txt": Route(404),
                       "/p": [Route(429, b"", {"Retry-After": when}), Route(200, PAGE, HTML)]})
    async with Fetcher(settings) as fetcher:
        assert isinstance(await fetcher.fetch(server.base_url + "/p"), Fetched)
    first, second = [h.at for h in server.hits if h.path == "/p"]
    assert second - first >= 0.4


def test_retry_after_parsing():
    assert retry_after("7", 0.0) == 7.0
    assert retry_after(email.utils.formatdate(1000.0, usegmt=True), 990.0) == pytest.approx(10.0)
    assert retry_after("soon", 0.0) is None and retry_after(None, 0.0) is None


async def test_retry_after_beyond_cap_fails_fast_and_leaves_host_alone(scripted, settings):
    server = scripted({"/robots.txt": Route(404), "/p": Route(503, b"", {"Retry-After": "3600"}),
                       "/q": Route(200, PAGE, HTML)})
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(server.base_url + "/p"))
        again, _ = await timed(fetcher.fetch(server.base_url + "/q"))
    assert isinstance(error, FetchError) and "max_retry_after" in str(error) and took < 1.0
    assert isinstance(again, FetchError) and "stay away" in str(again)
    assert [h.path for h in server.hits].count("/q") == 0


async def test_client_errors_are_not_retried_server_errors_are(scripted, settings):
    server = scripted({"/robots.txt": Route(404), "/gone": Route(404), "/oops": Route(500)})
    async with Fetcher(settings) as fetcher:
        gone, _ = await timed(fetcher.fetch(server.base_url + "/gone"))
        oops, _ = await timed(fetcher.fetch(server.base_url + "/oops"))
    assert isinstance(gone, FetchError) and gone.status == 404
    assert isinstance(oops, FetchError) and oops.status == 500
    paths = [h.path for h in server.hits]
    assert paths.count("/gone") == 1 and paths.count("/oops") == 2


async def test_dropped_connection_is_retried_then_reported(sites, settings):
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(sites["faults-en"] + "/_drop/articles/good.html"))
    assert isinstance(error, FetchError) and "dropped" in str(error)
    assert took < 1.5


async def test_endless_body_is_cut_at_max_bytes(sites, settings):
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(sites["faults-en"] + "/_huge/articles/good.html"))
    assert isinstance(error, FetchError) and "exceeds 200000 bytes" in str(error)
    assert took < 2.0


async def test_declared_length_over_limit_is_refused_unread(scripted):
    server = scripted({"/robots.txt": Route(404), "/big": Route(200, b"x" * 5000, HTML)})
    async with Fetcher(fast_settings(max_bytes=1000)) as fetcher:
        with pytest.raises(FetchError, match="5000 bytes exceeds 1000"):
            await fetcher.fetch(server.base_url + "/big")


async def test_redirects_are_followed_and_limited(sites, settings):
    async with Fetcher(settings) as fetcher:
        base = sites["faults-en"]
        got = await fetcher.fetch(base + "/_redirect/2/articles/good.html")
        assert isinstance(got, Fetched) and got.final_url == base + "/articles/good.html"
        error, took = await timed(fetcher.fetch(base + "/_redirect/9/articles/good.html"))
    assert isinstance(error, FetchError) and "too many redirects" in str(error)
    assert took < 2.0


async def test_redirect_loop_is_reported(scripted, settings):
    server = scripted({"/robots.txt": Route(404),
                       "/a": Route(302, b"", {"Location": "/b"}),
                       "/b": Route(301, b"", {"Location": "{BASE}/a"})})
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(server.base_url + "/a"))
    assert isinstance(error, FetchError) and "redirect loop" in str(error)
    assert took < 1.0


@pytest.mark.parametrize(("route", "note"), [
    (Route(503, b"down"), "HTTP 503"),
    (Route(200, b"User-agent: *\nAllow: /\n", delay=2.0), "timeout"),
])
async def test_robots_unavailable_disallows_all_for_the_run(scripted, route, note):
    server = scripted({"/robots.txt": route, "/p": Route(200, PAGE, HTML)})
    settings = fast_settings(total_timeout=0.5, retries=0)
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch(server.base_url + "/p"))
        assert isinstance(error, BlockedURLError) and "disallow all for this run" in str(error)
        assert note in str(error)
        assert note in next(iter(fetcher.robots_notes.values()))
    assert "/p" not in [h.path for h in server.hits] and took < 1.5


async def test_robots_missing_allows_all(scripted, settings):
    server = scripted({"/p": Route(200, PAGE, HTML)})
    async with Fetcher(settings) as fetcher:
        assert isinstance(await fetcher.fetch(server.base_url + "/p"), Fetched)
        assert "allow all" in next(iter(fetcher.robots_notes.values()))


async def test_content_type_checks(sites, scripted, settings):
    server = scripted({"/robots.txt": Route(404), "/bare": Route(200, PAGE),
                       "/xml": Route(200, b"<rss/>", {"Content-Type": "text/xml"})})
    async with Fetcher(settings) as fetcher:
        assert isinstance(await fetcher.fetch(server.base_url + "/bare", kind="html"), Fetched)
        with pytest.raises(FetchError, match="unexpected content"):
            await fetcher.fetch(server.base_url + "/xml", kind="html")
        with pytest.raises(FetchError, match="unexpected content"):
            await fetcher.fetch(sites["feed-en"] + "/", kind="feed")
        with pytest.raises(FetchError, match="image/png"):
            await fetcher.fetch(sites["faults-en"] + "/articles/chart.png", kind="html")
        with pytest.raises(FetchError, match="unexpected content"):
            await fetcher.fetch(sites["faults-en"] + "/articles/data.bin", kind="html")
        gz = await fetcher.fetch(sites["sitemap-en"] + "/sitemap-archive.xml.gz", kind="sitemap")
    assert isinstance(gz, Fetched) and gz.body.startswith(b"\x1f\x8b")


async def test_private_addresses_from_links_are_refused(sites, settings):
    origin = sites["feed-en"] + "/feed.xml"
    other_port = sites["listing-en"].rsplit(":", 1)[1]
    async with Fetcher(settings) as fetcher:
        for url in ("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/x",
                    f"http://localhost:{other_port}/", sites["listing-en"] + "/",
                    "http://[::1]:9/"):
            error, took = await timed(fetcher.fetch(url, origin=origin))
            assert isinstance(error, BlockedURLError), url
            assert "private address" in str(error) and error.url == url and took < 0.5
        assert isinstance(await fetcher.fetch(sites["feed-en"] + "/", origin=origin), Fetched)


async def test_configured_source_and_allowed_hosts_are_trusted(sites):
    listing = sites["listing-en"] + "/"
    port = listing.rsplit(":", 1)[1].strip("/")
    for allowed in (["127.0.0.1"], [f"127.0.0.1:{port}"]):
        async with Fetcher(fast_settings(allowed_private_hosts=allowed)) as fetcher:
            got = await fetcher.fetch(listing, origin=sites["feed-en"] + "/feed.xml")
            assert isinstance(got, Fetched)
    async with Fetcher(fast_settings()) as fetcher:
        assert isinstance(await fetcher.fetch(listing), Fetched)  # its own origin


async def test_redirect_to_private_host_is_refused(scripted, sites, settings):
    target = sites["feed-en"] + "/articles/nimbus-raises-series-b.html"
    server = scripted({"/robots.txt": Route(404), "/go": Route(302, b"", {"Location": target})})
    async with Fetcher(settings) as fetcher:
        with pytest.raises(BlockedURLError, match="private address"):
            await fetcher.fetch(server.base_url + "/go", origin="http://news.example.com/feed")


async def test_unreachable_host_is_a_fetch_error(settings: CrawlSettings):
    async with Fetcher(settings) as fetcher:
        error, took = await timed(fetcher.fetch("http://127.0.0.1:9/nothing"))
    assert isinstance(error, FetchError) and "connect" in str(error)
    assert took < 2.0


async def test_caller_owned_client_is_left_open(sites, settings):
    import httpx

    async with httpx.AsyncClient() as client:
        fetcher = Fetcher(settings, client)
        assert isinstance(await fetcher.fetch(sites["feed-en"] + "/feed.xml", kind="feed"), Fetched)
        await fetcher.aclose()
        assert not client.is_closed
