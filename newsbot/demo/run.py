"""The offline demo: the project's sample sites on 127.0.0.1, crawled into a knowledge base.

Everything a real run does, on data written for the project (newsbot/demo/site/): serve
each site as its own host, crawl its entry point politely, extract and store the events,
then show what the knowledge base now knows.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsbot.app import App
from newsbot.config import CrawlSettings, Settings, SourceConfig
from newsbot.demo import server
from newsbot.pipeline import Crawl, SourceSummary

ENTRY_POINTS = (("feed.xml", "feed"), ("sitemap.xml", "sitemap"), ("index.html", "html"))
DEMO_CRAWL = {"per_host_delay": 0.05, "retries": 1, "backoff": 0.1}
DIGEST_CHART = Path("newsbot-digest.png")


def site_dir() -> Path:
    """The sample web shipped with the package."""
    return Path(str(files("newsbot.demo") / "site"))


@dataclass(frozen=True, slots=True)
class DemoSite:
    name: str
    source: SourceConfig


def demo_sources(bases: dict[str, str], root: Path | None = None) -> list[DemoSite]:
    """One source per served site, at the entry point the site has."""
    root = root or site_dir()
    sites = []
    for name, base in sorted(bases.items()):
        for filename, kind in ENTRY_POINTS:
            if (root / "sites" / name / filename).is_file():
                url = base + "/" + ("" if filename == "index.html" else filename)
                language = "ja" if name.endswith("-ja") else "en"
                source = SourceConfig(name=f"demo-{name}", kind=kind, url=url, language=language)  # type: ignore[arg-type]
                sites.append(DemoSite(name, source))
                break
    return sites


def demo_settings(settings: Settings) -> Settings:
    """The user's settings with a crawl tuned for loopback (short delays, few retries)."""
    crawl = CrawlSettings(**(settings.crawl.model_dump() | DEMO_CRAWL))
    return settings.model_copy(update={"crawl": crawl})


def crawl_demo(app: App, on_item: Callable[[Any], None] | None = None) -> list[SourceSummary]:
    """Serve the sample sites, crawl them all into ``app``'s knowledge base, stop serving."""
    servers, bases = server.start(site_dir())
    try:
        sources = [site.source for site in demo_sources(bases)]
        job = Crawl(app.ingestor, app.settings.crawl, on_item=on_item)
        return asyncio.run(job.sources(sources, force=True))
    finally:
        server.stop(servers)


def demo_digest(app: App, chart: Path = DIGEST_CHART) -> tuple[str, Path | None]:
    """Today's digest as Markdown (all just crawled, so all new today) and its chart file."""
    from newsbot.core.digest import render_markdown
    from newsbot.digests import chart_png, load_digest, local_today

    settings = app.settings.digest.model_copy(update={"quiet_day": "message"})
    day = local_today(datetime.now(UTC), settings)
    digest = load_digest(app.engine, day, settings, registry=app.registry)
    png = chart_png(app.engine, day, settings)
    if png:
        chart.write_bytes(png)
    return render_markdown(digest), chart if png else None


def demo_answers(app: App, per_language: int = 2) -> list[tuple[str, str]]:
    """A few of the sample site's example questions, English and Japanese, answered."""
    from newsbot.answers import answerer_for

    questions = example_questions()
    picked: list[dict[str, Any]] = []
    for lang in ("en", "ja"):
        picked += [q for q in questions if q["lang"] == lang][:per_language]
    answerer = answerer_for(app)
    return [(q["q"], answerer.ask(q["q"]).text) for q in picked]


def example_questions(limit: int | None = None) -> list[dict[str, Any]]:
    """The sample site's example questions (``{"q", "lang", "expect"}``)."""
    lines = (site_dir() / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    return questions[:limit] if limit else questions
