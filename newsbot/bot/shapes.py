"""The shapes ``render`` reads, as read-only protocols: the application's values fit them, and
tests can pass plain dataclasses."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol


class SourceRef(Protocol):
    """An article an answer rests on (``newsbot.answers.Source``)."""

    @property
    def title(self) -> str: ...

    @property
    def site(self) -> str | None: ...

    @property
    def url(self) -> str: ...

    @property
    def published(self) -> str | None: ...


class EntityLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...


class ProfileLike(Protocol):
    """What the knowledge base knows of an entity (``newsbot.queries.Profile``)."""

    @property
    def entity(self) -> EntityLike: ...

    @property
    def counts(self) -> dict[str, int]: ...


class Hit(Protocol):
    """A full-text search hit (``newsbot.store.search.ArticleHit``)."""

    @property
    def title(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def site(self) -> str | None: ...

    @property
    def published_date(self) -> str | None: ...

    @property
    def snippet(self) -> str: ...


class Table(Protocol):
    """A read-only query's result (``newsbot.store.readonly.QueryResult``)."""

    @property
    def columns(self) -> list[str]: ...

    @property
    def rows(self) -> list[tuple[Any, ...]]: ...

    @property
    def truncated(self) -> bool: ...


class SourceState(Protocol):
    """A source and its crawl health (``newsbot.store.models.Source``)."""

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def url(self) -> str: ...

    @property
    def last_success_at(self) -> datetime | None: ...

    @property
    def consecutive_failures(self) -> int: ...

    @property
    def last_error(self) -> str | None: ...

    @property
    def next_crawl_at(self) -> datetime | None: ...
