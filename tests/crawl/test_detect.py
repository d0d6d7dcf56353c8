"""What a URL is, from its bytes and declared type; and the crawl adapter's import rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsbot.crawl.detect import sniff
from newsbot.crawl.fetch import Fetched
from newsbot.errors import ParseError


def page(body: bytes, content_type: str | None) -> Fetched:
    return Fetched("http://x/", "http://x/", 200, {}, body, None, None, content_type)


@pytest.mark.parametrize(("body", "content_type", "kind"), [
    (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "text/xml", "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', None, "feed"),
    (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "application/xml", "feed"),
    (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>", "text/xml", "sitemap"),
    (b"<sitemapindex/>", "application/xml", "sitemap"),
    (b"http://x/1.html\nhttp://x/2.html\n", "text/plain", "sitemap"),
    (b"<!DOCTYPE html><html><body></body></html>", "text/html", "html"),
    (b"<html><body>no type</body></html>", None, "html"),
])
def test_sniff(body, content_type, kind):
    assert sniff(page(body, content_type)) == kind


def test_sniff_gzip():
    import gzip

    assert sniff(page(gzip.compress(b"<urlset/>"), "application/gzip")) == "sitemap"


def test_sniff_unknown():
    with pytest.raises(ParseError, match="cannot tell"):
        sniff(page(b"%PDF-1.4 ...", "application/pdf"))


FORBIDDEN = ("newsbot.store", "newsbot.bot", "newsbot.pipeline", "newsbot.app")


def test_crawl_imports_no_store_and_no_bot():
    package = Path(__file__).resolve().parents[2] / "newsbot" / "crawl"
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(FORBIDDEN), path
