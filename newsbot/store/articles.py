"""Storing articles once: by URL, by canonical URL, and by content hash.

Two processes may store the same article at once; the unique constraints on ``url`` and
``content_hash`` decide, and the loser reads the winner's row. Nothing here commits: the
caller owns the transaction, so an article and its events are stored together or not at all.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.core.article import Article as ParsedArticle
from newsbot.store.models import Article
from newsbot.store.sql import insert_ignore, pk

SaveStatus = Literal["new", "updated", "unchanged", "duplicate"]
_SITE_ZONES = {"ja": ZoneInfo("Asia/Tokyo")}


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What storing an article did: ``new`` and ``updated`` articles need extraction."""

    article_id: int
    status: SaveStatus

    @property
    def changed(self) -> bool:
        return self.status in ("new", "updated")


def content_hash(text: str) -> str:
    """A hash of the main text that ignores whitespace and Unicode width differences."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def as_utc(moment: datetime | None, lang: str | None = None) -> datetime | None:
    """Aware UTC; a naive time is read in the site's likely zone (JST for Japanese)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_SITE_ZONES.get(lang or "", UTC))
    return moment.astimezone(UTC)


def save_article(
    session: Session,
    parsed: ParsedArticle,
    *,
    fetched_at: datetime,
    source_id: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> SaveResult:
    """Store ``parsed`` unless the knowledge base already holds it."""
    digest = content_hash(parsed.text)
    existing = (
        session.execute(select(Article).where(col(Article.url) == parsed.url)).scalars().first()
    )
    if existing is not None:
        return _refresh(session, existing, parsed, digest, etag, last_modified, fetched_at)
    duplicate = find_duplicate(session, parsed, digest)
    if duplicate is not None:
        return SaveResult(duplicate, "duplicate")
    values = _row(parsed, digest, source_id, etag, last_modified, fetched_at)
    if insert_ignore(session, Article, values):
        article_id = session.execute(
            select(pk(Article.id)).where(col(Article.url) == parsed.url)
        ).scalar_one()
        return SaveResult(article_id, "new")
    winner = find_duplicate(session, parsed, digest, by_url=True)
    if winner is None:  # pragma: no cover - the conflict row vanished (deleted meanwhile)
        raise RuntimeError(f"article {parsed.url} conflicted but cannot be found")
    return SaveResult(winner, "duplicate")


def find_duplicate(
    session: Session, parsed: ParsedArticle, digest: str, *, by_url: bool = False
) -> int | None:
    """The id of a stored article with the same canonical URL or the same text."""
    urls = [u for u in dict.fromkeys((parsed.canonical_url, parsed.url if by_url else None)) if u]
    queries = [select(pk(Article.id)).where(col(Article.content_hash) == digest)]
    for url in urls:  # one indexed lookup each: OR across columns would scan the table
        queries.append(select(pk(Article.id)).where(col(Article.url) == url))
        queries.append(select(pk(Article.id)).where(col(Article.canonical_url) == url))
    for query in queries:
        found = session.execute(query.limit(1)).scalar_one_or_none()
        if found is not None:
            return found
    return None


def _refresh(
    session: Session,
    row: Article,
    parsed: ParsedArticle,
    digest: str,
    etag: str | None,
    last_modified: str | None,
    fetched_at: datetime,
) -> SaveResult:
    assert row.id is not None
    if row.content_hash == digest:
        session.execute(
            update(Article)
            .where(pk(Article.id) == row.id)
            .values(etag=etag or row.etag, last_modified=last_modified or row.last_modified)
        )
        return SaveResult(row.id, "unchanged")
    values = _row(parsed, digest, row.source_id, etag, last_modified, fetched_at)
    if session.execute(
        select(pk(Article.id)).where(col(Article.content_hash) == digest, pk(Article.id) != row.id)
    ).first():
        return SaveResult(row.id, "unchanged")  # its new text is another stored article's
    session.execute(update(Article).where(pk(Article.id) == row.id).values(**values))
    return SaveResult(row.id, "updated")


def _row(
    parsed: ParsedArticle,
    digest: str,
    source_id: int | None,
    etag: str | None,
    last_modified: str | None,
    fetched_at: datetime,
) -> dict[str, object]:
    return {
        "url": parsed.url,
        "canonical_url": parsed.canonical_url,
        "content_hash": digest,
        "title": parsed.title,
        "published_at": as_utc(parsed.published_at, parsed.lang),
        "published_date": parsed.published_at.date().isoformat() if parsed.published_at else None,
        "lang": parsed.lang,
        "text": parsed.text,
        "author": parsed.author,
        "site_name": parsed.site_name,
        "source_id": source_id,
        "etag": etag,
        "last_modified": last_modified,
        "fetched_at": as_utc(fetched_at),
    }


def article_validators(session: Session, url: str) -> tuple[str | None, str | None] | None:
    """The stored ETag and Last-Modified of an article URL, or None when it is not stored."""
    for column in (col(Article.url), col(Article.canonical_url)):
        row = session.execute(
            select(col(Article.etag), col(Article.last_modified)).where(column == url).limit(1)
        ).first()
        if row is not None:
            return row[0], row[1]
    return None


def mark_extracted(session: Session, article_id: int, extractor: str, at: datetime) -> None:
    session.execute(
        update(Article)
        .where(pk(Article.id) == article_id)
        .values(extracted_at=as_utc(at), extractor=extractor)
    )
