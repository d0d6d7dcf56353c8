"""Full-text search over articles: SQLite FTS5 (trigram tokens) or PostgreSQL's tsvector index.

Japanese has no spaces between words, so on SQLite the trigram tokenizer matches any
substring of three characters or more; shorter words, and CJK words on PostgreSQL, fall back
to a substring scan, which is slower but never misses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from newsbot.store.schema_extras import FTS_TABLE

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
MAX_TERMS = 8


@dataclass(frozen=True, slots=True)
class ArticleHit:
    article_id: int
    title: str
    url: str
    site: str | None
    published_at: datetime | None
    snippet: str
    published_date: str | None = None  # the article's own calendar date


def terms_of(query: str) -> list[str]:
    """The words of a search, without FTS syntax characters (quotes, stars, parentheses)."""
    words = re.findall(r"[^\s\"'*()^:+\-,.;!?、。「」]+", query)
    return [w for w in words if w][:MAX_TERMS]


def search_articles(session: Session, query: str, *, limit: int = 10) -> list[ArticleHit]:
    """Articles containing every word of ``query``, best match first."""
    terms = terms_of(query)
    if not terms:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite" and all(len(t) >= 3 for t in terms):
        return _fts5(session, terms, limit)
    if dialect == "postgresql" and not any(_CJK.search(t) for t in terms):
        return _tsvector(session, terms, limit)
    return _substring(session, terms, limit)


def _fts5(session: Session, terms: list[str], limit: int) -> list[ArticleHit]:
    match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
    rows = session.execute(
        text(
            f"SELECT a.id, a.title, a.url, a.site_name, a.published_at, a.published_date, "
            f"snippet({FTS_TABLE}, 1, '', '', '…', 24) "
            f"FROM {FTS_TABLE} JOIN articles a ON a.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": match, "n": limit},
    )
    return [_hit(row) for row in rows]


def _tsvector(session: Session, terms: list[str], limit: int) -> list[ArticleHit]:
    document = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.text)"
    rows = session.execute(
        text(
            "SELECT a.id, a.title, a.url, a.site_name, a.published_at, a.published_date, "
            "ts_headline('simple', a.text, q, 'MaxWords=30, MinWords=10, StartSel=\"\", "
            'StopSel=""\') '
            f"FROM articles a, plainto_tsquery('simple', :q) q WHERE {document} @@ q "
            f"ORDER BY ts_rank({document}, q) DESC, a.published_at DESC LIMIT :n"
        ),
        {"q": " ".join(terms), "n": limit},
    )
    return [_hit(row) for row in rows]


def _substring(session: Session, terms: list[str], limit: int) -> list[ArticleHit]:
    where = " AND ".join(f"(a.title LIKE :t{i} OR a.text LIKE :t{i})" for i in range(len(terms)))
    params: dict[str, object] = {f"t{i}": f"%{_escape(t)}%" for i, t in enumerate(terms)}
    rows = session.execute(
        text(
            "SELECT a.id, a.title, a.url, a.site_name, a.published_at, a.published_date, a.text FROM articles a "
            f"WHERE {where} ORDER BY a.published_at DESC LIMIT :n"
        ),
        params | {"n": limit},
    )
    return [_hit(row, terms[0]) for row in rows]


def _escape(term: str) -> str:
    return term.replace("%", "").replace("_", "")


def _hit(row: Sequence[Any], around: str | None = None) -> ArticleHit:
    article_id, title, url, site, published, day, snippet = row
    if around is not None:
        snippet = _window(snippet, around)
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return ArticleHit(article_id, title, url, site, published, " ".join(snippet.split()), day)


def _window(body: str, term: str, width: int = 80) -> str:
    at = body.casefold().find(term.casefold())
    start = max(0, at - width // 2)
    return ("…" if start else "") + body[start : start + width] + "…"
