"""The knowledge base's tables as SQLModel models.

Table names are a contract (DESIGN.md, "The SQL surface"); docs/schema.md documents every
column for users. Times are stored as naive UTC. Event dates are ISO strings of the
precision the article gives (``2024``, ``2024-08``, ``2024-08-31``) so they sort and
compare as text on both databases. The views (deals, talent_moves, company_events,
talent_flows) and full-text search live in the migrations, not here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """A configured or typed site entry point and its crawl state."""

    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str
    url: str
    language: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_crawled_at: datetime | None = None
    last_success_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = None
    next_crawl_at: datetime | None = None
    created_at: datetime


class Article(SQLModel, table=True):
    """One article, stored once by URL, canonical URL and content hash."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_published_at", "published_at"),
        Index("ix_articles_canonical_url", "canonical_url"),
    )

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    canonical_url: str | None = None
    content_hash: str = Field(unique=True)
    title: str
    published_at: datetime | None = None
    published_date: str | None = None  # the article's own calendar date, YYYY-MM-DD
    lang: str = Field(index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    author: str | None = None
    site_name: str | None = None
    source_id: int | None = Field(default=None, foreign_key="sources.id", ondelete="SET NULL")
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime
    extracted_at: datetime | None = None
    extractor: str | None = None


class Entity(SQLModel, table=True):
    """A real company, person or product: one row whatever the spelling or script."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_entities_kind_name"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)  # company | person | product
    name: str = Field(index=True)  # canonical, usual English form
    created_at: datetime


class Alias(SQLModel, table=True):
    """A name an entity goes by; ``norm`` is the normalised form lookups use."""

    __tablename__ = "aliases"

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entities.id", index=True, ondelete="CASCADE")
    alias: str
    norm: str = Field(unique=True)
    lang: str | None = None
    origin: str = "registry"  # registry | config | article


class Event(SQLModel, table=True):
    """One real-world event, however many articles report it."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_date", "type", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    type: str
    date: str | None = Field(default=None, index=True)
    period: str | None = None
    amount: float | None = None
    currency: str | None = None
    amount_usd: float | None = None
    stake_pct: float | None = None
    valuation_usd: float | None = None
    round: str | None = None
    metric: str | None = None
    value_usd: float | None = None
    value_pct: float | None = None
    status: str | None = None
    role: str | None = None
    count: int | None = None
    summary: str | None = None
    confidence: float = 0.5
    fingerprint: str = Field(unique=True)
    first_seen_at: datetime = Field(index=True)
    updated_at: datetime


class EventEntity(SQLModel, table=True):
    """Which entity plays which role in an event."""

    __tablename__ = "event_entities"
    # event_id last: "an entity's newest events" is an index-only backward scan
    __table_args__ = (Index("ix_event_entities_entity_role", "entity_id", "role", "event_id"),)

    event_id: int = Field(foreign_key="events.id", primary_key=True, ondelete="CASCADE")
    entity_id: int = Field(foreign_key="entities.id", primary_key=True, ondelete="CASCADE")
    role: str = Field(primary_key=True)
    position: int = 0


class Evidence(SQLModel, table=True):
    """An article, and the sentence of it, that reports an event, with what it stated."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("event_id", "article_id", name="uq_evidence_event_article"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="articles.id", index=True, ondelete="CASCADE")
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    lang: str
    stated: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    confidence: float = 0.5
    created_at: datetime


class EventChange(SQLModel, table=True):
    """A field of an event that a later article changed (a customer paused, a hire joined)."""

    __tablename__ = "event_history"

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True, ondelete="CASCADE")
    field: str
    old_value: str | None = None
    new_value: str | None = None
    article_id: int | None = Field(default=None, foreign_key="articles.id", ondelete="SET NULL")
    changed_at: datetime


class Digest(SQLModel, table=True):
    """A daily digest posted (or being posted) to a channel: each (day, channel) once."""

    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("day", "channel", name="uq_digests_day_channel"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date
    channel: str
    status: str = "posting"  # posting | posted
    message_ids: str = "[]"
    created_at: datetime
    posted_at: datetime | None = None


class Subscription(SQLModel, table=True):
    """A channel that gets the daily digest, or alerts about a watched company."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("channel", "kind", "filter", name="uq_subscriptions_channel_kind_filter"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(index=True)
    kind: str  # digest | watch
    filter: str = ""  # for watch: the entity's canonical name
    entity_id: int | None = Field(default=None, foreign_key="entities.id", ondelete="CASCADE")
    created_at: datetime


class AlertSent(SQLModel, table=True):
    """A watchlist alert about an event, posted once per channel."""

    __tablename__ = "alerts_sent"

    event_id: int = Field(foreign_key="events.id", primary_key=True, ondelete="CASCADE")
    channel: str = Field(primary_key=True)
    sent_at: datetime


class LLMCache(SQLModel, table=True):
    """LLM responses, keyed by model + prompt version + input hash."""

    __tablename__ = "llm_cache"

    key: str = Field(primary_key=True)
    model: str
    response: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime


class ServiceLock(SQLModel, table=True):
    """The single-scheduler lock: one ``newsbot run`` per knowledge base."""

    __tablename__ = "service_lock"

    name: str = Field(primary_key=True)
    holder: str
    acquired_at: datetime
    heartbeat_at: datetime
