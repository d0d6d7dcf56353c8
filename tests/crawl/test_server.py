"""The demo/test server: {{BASE}}, index pages, validators and 304, .xml.gz, fault prefixes."""

from __future__ import annotations

import gzip
import http.client
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsbot.demo.server import start, stop


def get(base: str, path: str, headers: dict[str, str] | None = None,
        ) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read(300_000) if response.status != 304 else b""
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def test_base_substitution_index_and_types(sites):
    base = sites["feed-en"]
    status, headers, body = get(base, "/feed.xml")
    assert status == 200 and headers["content-type"] == "application/rss+xml"
    assert f"{base}/articles/".encode() in body and b"{{BASE}}" not in body
    status, headers, body = get(base, "/")
    assert status == 200 and headers["content-type"] == "text/html" and b"Signal Wire" in body
    assert get(base, "/nothing.html")[0] == 404
    assert get(base, "/../feed-en/feed.xml")[0] in (403, 404)


def test_gzipped_sitemap_gets_its_base_too(sites):
    base = sites["sitemap-en"]
    status, headers, body = get(base, "/sitemap-archive.xml.gz")
    assert status == 200 and headers["content-type"] == "application/gzip"
    assert f"{base}/articles/".encode() in gzip.decompress(body)


def test_validators_and_304(sites):
    base = sites["feed-en"]
    _, headers, _ = get(base, "/feed.xml")
    assert get(base, "/feed.xml", {"If-None-Match": headers["etag"]})[0] == 304
    assert get(base, "/feed.xml", {"If-Modified-Since": headers["last-modified"]})[0] == 304
    assert get(base, "/feed.xml", {"If-None-Match": '"other"'})[0] == 200


def test_fault_prefixes(sites):
    base = sites["faults-en"]
    started = time.monotonic()
    assert get(base, "/_slow/0.3/articles/good.html")[0] == 200
    assert time.monotonic() - started >= 0.3
    status, headers, _ = get(base, "/_status/429/articles/good.html")
    assert status == 429 and headers["retry-after"] == "1"
    status, headers, _ = get(base, "/_redirect/2/articles/good.html")
    assert status == 302 and headers["location"] == f"{base}/_redirect/1/articles/good.html"
    with pytest.raises(http.client.RemoteDisconnected):
        get(base, "/_drop/articles/good.html")
    status, headers, body = get(base, "/_huge/articles/good.html")
    assert status == 200 and "content-length" not in headers and len(body) == 300_000


def test_start_needs_sites(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        start(tmp_path)
    (tmp_path / "sites" / "one").mkdir(parents=True)
    servers, bases = start(tmp_path)
    try:
        assert list(bases) == ["one"] and get(bases["one"], "/")[0] == 404
    finally:
        stop(servers)
