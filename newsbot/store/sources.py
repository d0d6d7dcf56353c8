"""Sources and their crawl state: validators, successes, failures and back-off."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.config import SourceConfig
from newsbot.store.models import Source
from newsbot.store.sql import insert_ignore, pk

MAX_BACKOFF = timedelta(days=1)


def sync_sources(
    session: Session, configs: Iterable[SourceConfig], now: datetime
) -> dict[str, int]:
    """Make sure every configured source has a row (kind and URL follow the config)."""
    ids: dict[str, int] = {}
    for config in configs:
        values = {
            "name": config.name,
            "kind": config.kind,
            "url": config.url,
            "language": config.language,
            "consecutive_failures": 0,
            "created_at": now,
        }
        if not insert_ignore(session, Source, values):
            session.execute(
                update(Source).where(col(Source.name) == config.name)
                .values(kind=config.kind, url=config.url, language=config.language)
            )  # fmt: skip
        ids[config.name] = session.execute(
            select(pk(Source.id)).where(col(Source.name) == config.name)
        ).scalar_one()
    return ids


def due(session: Session, names: Iterable[str], now: datetime) -> set[str]:
    """Those of ``names`` not resting after failures."""
    wanted = set(names)
    stmt = select(col(Source.name), col(Source.next_crawl_at)).where(col(Source.name).in_(wanted))
    resting = {name for name, next_at in session.execute(stmt) if next_at and next_at > now}
    return wanted - resting


def entry_validators(session: Session, url: str) -> tuple[str | None, str | None] | None:
    row = session.execute(
        select(col(Source.etag), col(Source.last_modified)).where(col(Source.url) == url)
    ).first()
    return None if row is None else (row[0], row[1])


def record_crawl(
    session: Session, name: str, *, now: datetime, error: str | None,
    etag: str | None, last_modified: str | None, backoff: timedelta,
) -> None:  # fmt: skip
    """Note a finished crawl of a source; failures rest it for a doubling back-off."""
    source = session.execute(select(Source).where(col(Source.name) == name)).scalar_one_or_none()
    if source is None:
        return
    source.last_crawled_at = now
    if error is None:
        source.last_success_at = now
        source.consecutive_failures = 0
        source.last_error = None
        source.next_crawl_at = None
        source.etag, source.last_modified = etag, last_modified
        return
    source.consecutive_failures += 1
    source.last_error = error[:1000]
    rest = min(backoff * 2 ** (source.consecutive_failures - 1), MAX_BACKOFF)
    source.next_crawl_at = now + rest


def all_sources(session: Session) -> list[Source]:
    return list(session.execute(select(Source).order_by(col(Source.name))).scalars())
