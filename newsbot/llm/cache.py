"""Where LLM answers are kept, so an article is sent to a model once per prompt version.

``LLMCache`` is the interface; ``MemoryCache`` keeps answers for one process,
``SqlCache`` in the knowledge base's ``llm_cache`` table
(``key TEXT PRIMARY KEY, model TEXT, response TEXT, created_at TIMESTAMP``).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

__all__ = ["LLM_CACHE", "LLMCache", "MemoryCache", "SqlCache", "cache_key"]

_METADATA = sa.MetaData()
LLM_CACHE = sa.Table(
    "llm_cache",
    _METADATA,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("model", sa.String, nullable=False),
    sa.Column("response", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


def cache_key(model: str, prompt_version: str, text: str) -> str:
    """sha256 of the model, the prompt version and the sha256 of the input text."""
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return hashlib.sha256(f"{model}\n{prompt_version}\n{text_hash}".encode()).hexdigest()


class LLMCache(Protocol):
    """Answers by key; ``model`` is recorded for people reading the table."""

    def get(self, key: str) -> str | None: ...

    def put(self, key: str, value: str, *, model: str = "") -> None: ...


class MemoryCache:
    """An in-process cache (tests, one-off runs)."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.data.get(key)

    def put(self, key: str, value: str, *, model: str = "") -> None:
        self.data[key] = value


class SqlCache:
    """The ``llm_cache`` table of a knowledge base (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, key: str) -> str | None:
        query = sa.select(LLM_CACHE.c.response).where(LLM_CACHE.c.key == key)
        with self.engine.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        return None if value is None else str(value)

    def put(self, key: str, value: str, *, model: str = "") -> None:
        row = {"model": model, "response": value, "created_at": datetime.now(UTC)}
        update = sa.update(LLM_CACHE).where(LLM_CACHE.c.key == key).values(**row)
        try:
            with self.engine.begin() as conn:
                if conn.execute(update).rowcount == 0:
                    conn.execute(sa.insert(LLM_CACHE).values(key=key, **row))
        except IntegrityError:
            pass  # another process stored the same key first: its answer is as good
