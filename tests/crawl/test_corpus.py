"""The crawler on the evaluation corpus (../shared): from each site's root URL alone, it
finds exactly the articles that have gold records — no more, no fewer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsbot.crawl import FetchedArticle, Fetcher, SourceDone, crawl_urls
from newsbot.demo.server import start, stop
from tests.crawl.conftest import collect, fast_settings
from tests.shared import require_shared

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_sites() -> Iterator[tuple[dict[str, str], dict[str, set[str]]]]:
    corpus = require_shared() / "corpus" / "dev"
    servers, bases = start(corpus)
    gold = {site: {p.stem for p in (corpus / "gold" / site).glob("*.json")} for site in bases}
    yield bases, gold
    stop(servers)


async def test_every_gold_article_is_found_from_the_site_root(corpus_sites):
    bases, gold = corpus_sites
    site_of = {base.split("/")[2]: site for site, base in bases.items()}
    async with Fetcher(fast_settings(total_timeout=10.0, read_timeout=10.0,
                                     max_bytes=5_000_000)) as fetcher:
        items = await collect(crawl_urls([b + "/" for b in bases.values()], fetcher))
    found: dict[str, set[str]] = {site: set() for site in bases}
    for item in items:
        if isinstance(item, FetchedArticle):
            found[site_of[item.url.split("/")[2]]].add(item.url.rsplit("/", 1)[1][:-5])
    done = [i for i in items if isinstance(i, SourceDone)]
    assert len(done) == len(bases) and all(d.ok and d.failed == 0 for d in done)
    assert found == gold
