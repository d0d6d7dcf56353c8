"""A small knowledge base of fixture events for the bot's tests, with hostile names in it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from newsbot.config import SourceConfig
from newsbot.core.article import Article as Parsed
from newsbot.core.events import Event, Money
from newsbot.core.registry import Registry
from newsbot.store.articles import save_article
from newsbot.store.db import open_database
from newsbot.store.entities import EntityResolver
from newsbot.store.events import EventWriter
from newsbot.store.sources import record_crawl, sync_sources

NOW = datetime(2026, 3, 1, tzinfo=UTC)
HOSTILE = "@everyone **Pwn** <@123456789012345678> Labs"  # a scraped company name
HOSTILE_TITLE = "[click me](https://evil.example) @here _big_ news"
SOURCES = [
    SourceConfig(name="ledger", kind="rss", url="http://127.0.0.1:9/feed.xml"),
    SourceConfig(name="broken", kind="sitemap", url="http://127.0.0.1:9/sitemap.xml"),
]

# (url, title, day, events)
ARTICLES: list[tuple[str, str, int, list[Event]]] = [
    (
        "https://ledger.example/meta-scale",
        "Meta takes 49% of Scale AI",
        13,
        [
            Event(
                "investment",
                {
                    "company": "Scale AI",
                    "investors": ["Meta"],
                    "amount_usd": 14.3e9,
                    "stake_pct": 49,
                },
                sentence="Meta invested $14.3 billion in Scale AI for a 49% stake.",
                confidence=0.9,
                money=Money(14.3e9, "USD", 14.3e9),
            ),
            Event(
                "talent_move",
                {
                    "person": "Alexandr Wang",
                    "from": "Scale AI",
                    "to": "Meta",
                    "role": "chief AI officer",
                },
                sentence="Alexandr Wang leaves Scale AI to join Meta.",
                confidence=0.9,
            ),
        ],
    ),
    (
        "https://ledger.example/mistral-round",
        "Mistral raises €600 million",
        11,
        [
            Event(
                "investment",
                {
                    "company": "Mistral AI",
                    "investors": ["General Catalyst"],
                    "amount_usd": 6.4e8,
                    "round": "Series B",
                },
                sentence="Mistral raised €600 million.",
                confidence=0.8,
                money=Money(6e8, "EUR", 6.4e8),
            ),
        ],
    ),
    (
        "https://ledger.example/hostile",
        HOSTILE_TITLE,
        9,
        [
            Event(
                "acquisition",
                {"acquirer": HOSTILE, "target": "Mistral AI", "amount_usd": 1e9},
                sentence="@everyone **Pwn** Labs buys Mistral AI <@123456789012345678>.",
                confidence=0.7,
                money=Money(1e9, "USD", 1e9),
            ),
        ],
    ),
]


def build(path: Path, registry: Registry) -> str:
    """A migrated SQLite knowledge base at ``path`` holding the fixture events; its URL."""
    url = f"sqlite:///{path}"
    engine = open_database(url)
    try:
        with Session(engine) as session, session.begin():
            ids = sync_sources(session, SOURCES, NOW)
            record_crawl(
                session,
                "ledger",
                now=NOW,
                error=None,
                etag=None,
                last_modified=None,
                backoff=NOW - NOW,
            )
            record_crawl(
                session,
                "broken",
                now=NOW,
                error="HTTP 503 from @everyone <b>",
                etag=None,
                last_modified=None,
                backoff=NOW.replace(day=2) - NOW,
            )
            for url_, title, day, events in ARTICLES:
                _store(session, registry, url_, title, day, events, ids["ledger"])
    finally:
        engine.dispose()
    return url


def _store(
    session: Session,
    registry: Registry,
    url: str,
    title: str,
    day: int,
    events: list[Event],
    source_id: int,
) -> None:
    body = " ".join(e.sentence for e in events) + " Mistral funding news and more text."
    parsed = Parsed(
        url=url,
        title=title,
        text=body,
        lang="en",
        site_name="The Ledger",
        published_at=datetime(2025, 6, day, tzinfo=UTC),
    )
    article_id = save_article(session, parsed, fetched_at=NOW, source_id=source_id).article_id
    writer = EventWriter(session, EntityResolver(session, registry, NOW), NOW)
    for event in events:
        writer.store(event, article_id=article_id, lang="en", article_date=f"2025-06-{day:02d}")


def counts(url: str) -> dict[str, int]:
    """Rows per table: to show that no argument changed the knowledge base."""
    engine = open_database(url, migrate=False)
    try:
        with Session(engine) as session:
            return {
                t: session.execute(select(func.count()).select_from(text(t))).scalar_one()
                for t in ("events", "entities", "articles", "evidence", "sources")
            }
    finally:
        engine.dispose()
