"""The crawl use case end to end: sample sites on 127.0.0.1 → articles and events stored once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from newsbot.config import CrawlSettings
from newsbot.core.article import Article
from newsbot.core.events import Extraction
from newsbot.core.registry import Registry
from newsbot.demo import server
from newsbot.demo.run import demo_sources, site_dir
from newsbot.extractors import RulesExtractor
from newsbot.pipeline import Crawl, Ingestor
from newsbot.store.models import Article as ArticleRow
from newsbot.store.models import Event, Source

SETTINGS = CrawlSettings(per_host_delay=0.0, retries=0, total_timeout=10)


@pytest.fixture(scope="module")
def bases() -> Iterator[dict[str, str]]:
    servers, bases = server.start(site_dir())
    yield bases
    server.stop(servers)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def _crawl(ingestor: Ingestor, bases: dict[str, str], names: set[str] | None = None) -> list:
    sources = [s.source for s in demo_sources(bases) if names is None or s.name in names]
    return asyncio.run(Crawl(ingestor, SETTINGS).sources(sources, force=True))


def test_crawl_then_recrawl_changes_nothing(engine: Engine, bases: dict[str, str],
                                            registry: Registry) -> None:  # fmt: skip
    ingestor = Ingestor(engine, registry, RulesExtractor(registry))
    first = _crawl(ingestor, bases, {"capitalfrontier-en", "aisokuho-ja"})
    assert all(s.error is None for s in first) and sum(s.new for s in first) > 10
    counts = (_count(engine, ArticleRow), _count(engine, Event))
    again = _crawl(ingestor, bases, {"capitalfrontier-en", "aisokuho-ja"})
    assert sum(s.new + s.updated for s in again) == 0
    assert (_count(engine, ArticleRow), _count(engine, Event)) == counts
    with Session(engine) as session:
        health = session.execute(select(Source.name, Source.last_success_at)).all()
    assert {name for name, ok in health if ok} == {"demo-capitalfrontier-en", "demo-aisokuho-ja"}


class Flaky:
    """The rules extractor, except that it crashes on one page (a bug in a rule, say)."""

    name = "flaky"

    def __init__(self, registry: Registry, bad: str):
        self.rules, self.bad = RulesExtractor(registry), bad

    def extract(self, article: Article) -> Extraction:
        if self.bad in article.url:
            raise RuntimeError("a rule crashed")
        return self.rules.extract(article)


def test_a_crash_on_one_page_loses_only_that_page(engine: Engine, bases: dict[str, str],
                                                 registry: Registry) -> None:  # fmt: skip
    ingestor = Ingestor(engine, registry, Flaky(registry, "/articles/"))
    (summary,) = _crawl(ingestor, bases, {"modelmarket-en"})
    assert summary.failed > 0 and summary.new == 0
    (healthy,) = _crawl(Ingestor(engine, registry, RulesExtractor(registry)), bases,
                        {"modelmarket-en"})  # fmt: skip
    assert healthy.new == summary.failed
