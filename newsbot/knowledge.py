"""The application as the bot sees it: one blocking call per command, each in its own session.

The bot's only door to the knowledge base: the bot package itself never imports the store.
Cogs call it in a worker thread (``NewsBot.call``) so database work never stalls the gateway
heartbeat; everything it returns is plain data for ``newsbot.bot.render``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.config import Settings
from newsbot.core.registry import Registry
from newsbot.queries import (
    DEALS,
    EntityRef,
    Profile,
    company_profile,
    find_entity,
    find_events,
    person_profile,
    suggest_entities,
)
from newsbot.store.models import Subscription
from newsbot.store.readonly import QueryResult, run_readonly
from newsbot.store.search import ArticleHit, search_articles
from newsbot.store.sources import all_sources
from newsbot.store.sql import insert_ignore

if TYPE_CHECKING:
    from newsbot.answers import Answer
    from newsbot.app import App

SUGGESTIONS = 25
SEARCH_HITS = 8
EVENT_LIMIT = 25
Kind = Literal["deals", "moves"]
MOVE_ROLES = ("person", "from", "to")


class Answering(Protocol):
    def ask(self, question: str) -> Answer: ...


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source's configuration and crawl health (configured sources never crawled too)."""

    name: str
    kind: str
    url: str
    last_success_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = None
    next_crawl_at: datetime | None = None


def utcnow() -> datetime:
    return datetime.now(UTC)


class Knowledge:
    """Blocking use cases behind the slash commands; safe to call from several threads."""

    def __init__(
        self, engine: Engine, registry: Registry, settings: Settings, answerer: Answering,
        *, clock: Callable[[], datetime] = utcnow,
    ) -> None:  # fmt: skip
        self.engine = engine
        self.registry = registry
        self.settings = settings
        self.answerer = answerer
        self.clock = clock

    @classmethod
    def from_app(cls, app: App) -> Knowledge:
        from newsbot.answers import answerer_for

        return cls(app.engine, app.registry, app.settings, answerer_for(app))

    def ask(self, question: str) -> Answer:
        return self.answerer.ask(question)

    def suggest(self, prefix: str) -> list[str]:
        """Entity names starting with (then containing) ``prefix``, for autocomplete."""
        with Session(self.engine) as session:
            return suggest_entities(session, prefix[:100], limit=SUGGESTIONS)

    def entity(self, name: str) -> EntityRef | None:
        with Session(self.engine) as session:
            return find_entity(session, self.registry, name)

    def profile(self, name: str) -> Profile | None:
        """The profile of the company or person ``name`` names, whichever it is."""
        with Session(self.engine) as session:
            ref = find_entity(session, self.registry, name)
            if ref is None:
                return None
            build = person_profile if ref.kind == "person" else company_profile
            return build(session, ref.id)

    def events(
        self, kind: Kind, *, company: str | None = None, since: date | None = None
    ) -> tuple[EntityRef | None, list[dict[str, Any]]] | None:
        """Deals or people moves, newest first, of ``company`` if given (None: unknown name)."""
        types = DEALS if kind == "deals" else ("talent_move",)
        with Session(self.engine) as session:
            ref = find_entity(session, self.registry, company) if company else None
            if company and ref is None:
                return None
            ids = [ref.id] if ref else None
            roles = MOVE_ROLES if kind == "moves" and ref else None
            found = find_events(session, entity_ids=ids, roles=roles, types=types,
                                since=since, limit=EVENT_LIMIT)  # fmt: skip
            return ref, found

    def search(self, words: str) -> list[ArticleHit]:
        with Session(self.engine) as session:
            return search_articles(session, words, limit=SEARCH_HITS)

    def sources(self) -> list[SourceView]:
        """Every source in the knowledge base, and configured ones not yet crawled."""
        with Session(self.engine) as session:
            rows = all_sources(session)
        seen = {row.name for row in rows}
        views = [
            SourceView(r.name, r.kind, r.url, r.last_success_at, r.consecutive_failures,
                       r.last_error, r.next_crawl_at)
            for r in rows
        ]  # fmt: skip
        views += [SourceView(s.name, s.kind, s.url) for s in self.settings.sources
                  if s.name not in seen]  # fmt: skip
        return sorted(views, key=lambda v: v.name)

    def sql(self, query: str) -> QueryResult:
        """A read-only query, limited in rows and time; the database refuses any write."""
        return run_readonly(
            self.settings.database_url, query,
            row_limit=self.settings.discord.sql_row_limit,
            timeout=self.settings.sql.timeout_seconds,
        )  # fmt: skip

    def subscribe(self, channel_id: int, company: str | None = None) -> tuple[bool, str] | None:
        """Send ``channel_id`` the digest, or alerts about ``company``.

        Returns (newly added, what), or None when no company has that name.
        """
        with Session(self.engine) as session, session.begin():
            values = self._subscription(session, channel_id, company)
            if values is None:
                return None
            added = insert_ignore(session, Subscription, values | {"created_at": self._now()})
            return added, values["filter"]

    def unsubscribe(self, channel_id: int, company: str | None = None) -> tuple[bool, str] | None:
        """Stop the digest, or the alerts about ``company``; (removed, what) or None."""
        with Session(self.engine) as session, session.begin():
            values = self._subscription(session, channel_id, company)
            if values is None:
                return None
            gone = session.execute(
                delete(Subscription).where(
                    col(Subscription.channel) == values["channel"],
                    col(Subscription.kind) == values["kind"],
                    col(Subscription.filter) == values["filter"],
                )
            )
            return bool(gone.rowcount), values["filter"]  # type: ignore[attr-defined]

    def subscriptions(self, channel_id: int) -> list[str]:
        """What ``channel_id`` gets: "" for the digest, company names for alerts."""
        stmt = (
            select(col(Subscription.kind), col(Subscription.filter))
            .where(col(Subscription.channel) == str(channel_id))
            .order_by(col(Subscription.kind), col(Subscription.filter))
        )
        with Session(self.engine) as session:
            return [f for k, f in session.execute(stmt) if k in ("digest", "watch")]

    def digest(self, day: date) -> tuple[str, list[dict[str, Any]], list[tuple[str, bytes]]]:
        """``day``'s digest as the scheduler would post it (a quiet day says so); blocking."""
        from newsbot.digests import digest_for_discord

        settings = self.settings.digest.model_copy(update={"quiet_day": "message"})
        message, files = digest_for_discord(self.engine, day, settings, registry=self.registry)
        return message.content, message.embeds, files

    def _subscription(
        self, session: Session, channel_id: int, company: str | None
    ) -> dict[str, Any] | None:
        if not company:
            return {"channel": str(channel_id), "kind": "digest", "filter": "", "entity_id": None}
        ref = find_entity(session, self.registry, company)
        if ref is None:
            return None
        return {"channel": str(channel_id), "kind": "watch", "filter": ref.name,
                "entity_id": ref.id}  # fmt: skip

    def _now(self) -> datetime:
        return self.clock().astimezone(UTC)
