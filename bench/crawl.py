"""Crawl benchmark: 2,000 generated article pages on 20 local hosts, 200 ms per-host delay.

    .venv/bin/python bench/crawl.py [--hosts 20] [--pages 100] [--delay 0.2]

Each host is its own server on 127.0.0.1 (newsbot.demo.server, in a child process so that
it does not share the crawler's interpreter); half the hosts list their pages in an RSS
feed, half in a sitemap. The crawl fetches and parses every page (``crawl_sources``,
default concurrency) and hands each article to ``sink`` — the place to plug the store in.
Printed: wall time against the politeness bound (pages per host × delay: no polite crawler
can be faster), pages/s, and resident memory after 500, 1,000 and 2,000 pages (it should
stay flat: nothing is kept per page).
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsbot.config import CrawlSettings, SourceConfig
from newsbot.crawl import FetchedArticle, Fetcher, SourceDone, crawl_sources

WORDS = (
    "model inference startup funding round investors valuation acquisition partnership "
    "engineers research chips cloud customers revenue growth market launch product team "
    "company announced billion million quarter agreement platform training data"
).split()


def paragraph(seed: int, n: int = 60) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(n)]
    return " ".join(words).capitalize() + "."


def article_page(host: int, page: int) -> str:
    paras = "\n".join(
        f"<p>Report {host}-{page}-{k}. {paragraph(host * 1000 + page * 10 + k)}</p>"
        for k in range(8)
    )
    links = "".join(
        f'<li><a href="/articles/p{(page + k) % 97}.html">Related story {k}</a></li>'
        for k in range(1, 6)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Story {page} from host {host} | Bench News</title>"
        f'<meta property="og:type" content="article"></head><body>'
        f'<header><a href="/">Bench News {host}</a><nav><a href="/category/a/">A</a>'
        f'<a href="/category/b/">B</a></nav></header><main><article>'
        f"<h1>Story {page} from host {host}: a company announced a new model</h1>"
        f'<time datetime="2025-05-{1 + page % 28:02d}">May {1 + page % 28}, 2025</time>'
        f'{paras}</article><aside class="related"><ul>{links}</ul></aside></main>'
        f'<footer><a href="/about/">About</a></footer></body></html>\n'
    )


def feed(pages: int) -> str:
    items = "".join(
        f"<item><title>Story {p}</title><link>{{{{BASE}}}}/articles/p{p}.html</link>"
        f"<pubDate>Thu, {1 + p % 28:02d} May 2025 09:00:00 +0000</pubDate></item>"
        for p in range(pages)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>'
        f"<link>{{{{BASE}}}}/</link><description>d</description>{items}</channel></rss>\n"
    )


def sitemap(pages: int) -> str:
    urls = "".join(f"<url><loc>{{{{BASE}}}}/articles/p{p}.html</loc></url>" for p in range(pages))
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'


def build(root: Path, hosts: int, pages: int) -> None:
    for host in range(hosts):
        site = root / "sites" / f"host{host:02d}"
        (site / "articles").mkdir(parents=True)
        (site / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
        (site / "feed.xml").write_text(feed(pages))
        (site / "sitemap.xml").write_text(sitemap(pages))
        for page in range(pages):
            (site / "articles" / f"p{page}.html").write_text(article_page(host, page))


def serve(root: Path, hosts: int) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """Start the demo server in a child process; read its ``serving <site> <base>`` lines."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbot.demo.server", str(root)], stdout=subprocess.PIPE, text=True
    )
    bases: dict[str, str] = {}
    assert proc.stdout is not None
    while len(bases) < hosts:
        _, site, base = proc.stdout.readline().split()
        bases[site] = base
    return proc, bases


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def crawl(
    bases: dict[str, str],
    delay: float,
    sink: Callable[[FetchedArticle], None],
    checkpoints: tuple[int, ...],
) -> tuple[float, int, int, dict[int, float]]:
    sources = [
        SourceConfig(
            name=site,
            kind="rss" if i % 2 else "sitemap",
            url=base + ("/feed.xml" if i % 2 else "/sitemap.xml"),
        )
        for i, (site, base) in enumerate(sorted(bases.items()))
    ]
    settings = CrawlSettings.model_validate(
        {"per_host_delay": delay, "max_articles_per_source": 10_000}
    )
    memory: dict[int, float] = {}
    pages = failures = 0
    started = time.monotonic()
    async with Fetcher(settings) as fetcher:
        async for item in crawl_sources(sources, fetcher):
            if isinstance(item, FetchedArticle):
                sink(item)
                pages += 1
                if pages in checkpoints:
                    memory[pages] = rss_mb()
            elif isinstance(item, SourceDone):
                failures += item.failed + (0 if item.ok else 1)
            else:
                failures += 1
    return time.monotonic() - started, pages, failures, memory


async def crawl_and_store(
    bases: dict[str, str], delay: float, database: str, checkpoints: tuple[int, ...]
) -> tuple[float, int, int, dict[int, float]]:
    """The same crawl through newsbot's own use case: parse, extract and store in SQLite."""
    from newsbot.core.registry import Registry
    from newsbot.extractors import RulesExtractor
    from newsbot.pipeline import Crawl, Ingestor
    from newsbot.store.db import open_database

    sources = [
        SourceConfig(
            name=site,
            kind="rss" if i % 2 else "sitemap",
            url=base + ("/feed.xml" if i % 2 else "/sitemap.xml"),
        )
        for i, (site, base) in enumerate(sorted(bases.items()))
    ]
    settings = CrawlSettings.model_validate(
        {"per_host_delay": delay, "max_articles_per_source": 10_000}
    )
    registry = Registry.default()
    ingestor = Ingestor(open_database(f"sqlite:///{database}"), registry, RulesExtractor(registry))
    memory: dict[int, float] = {}
    pages = [0]

    def on_item(item: object) -> None:
        if isinstance(item, FetchedArticle):
            pages[0] += 1
            if pages[0] in checkpoints:
                memory[pages[0]] = rss_mb()

    started = time.monotonic()
    summaries = await Crawl(ingestor, settings, on_item=on_item).sources(sources, force=True)
    wall = time.monotonic() - started
    stored = sum(s.new for s in summaries)
    failures = sum(s.failed for s in summaries)
    return wall, stored, failures, memory


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--pages", type=int, default=100, help="pages per host")
    ap.add_argument("--delay", type=float, default=0.2, help="per-host delay, seconds")
    ap.add_argument(
        "--store",
        action="store_true",
        help="also extract and store every page (SQLite) through newsbot's crawl use case",
    )
    args = ap.parse_args()
    total = args.hosts * args.pages
    checkpoints = tuple(sorted({total // 4, total // 2, total}))
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), args.hosts, args.pages)
        proc, bases = serve(Path(tmp), args.hosts)
        try:
            before = rss_mb()
            if args.store:
                wall, pages, failures, memory = asyncio.run(
                    crawl_and_store(bases, args.delay, str(Path(tmp) / "bench.db"), checkpoints)
                )
            else:
                wall, pages, failures, memory = asyncio.run(
                    crawl(bases, args.delay, lambda item: None, checkpoints)
                )
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    bound = args.pages * args.delay
    done = "fetched+parsed+stored" if args.store else "fetched+parsed"
    print(f"pages {done:<15} {pages} of {total} ({failures} failures)")
    print(f"wall time             {wall:.1f} s")
    print(f"politeness bound      {bound:.1f} s ({args.pages} pages/host x {args.delay} s)")
    print(f"ratio                 {wall / bound:.2f}x (goal <= 1.2x)")
    print(f"throughput            {pages / wall:.1f} pages/s")
    print(f"RSS before crawl      {before:.0f} MB")
    for count, mb in memory.items():
        print(f"RSS after {count:>5} pages {mb:.0f} MB")
    return 0 if pages == total and wall <= 1.2 * bound else 1


if __name__ == "__main__":
    sys.exit(main())
