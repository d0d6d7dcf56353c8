"""Knowledge-base benchmark: a synthetic KB of 100k or 1M articles, ingest and query times.

    .venv/bin/python bench/kb.py --articles 100000 [--db sqlite|postgresql] [--keep PATH]

Two figures:
- ingest: articles/s through the real write path (``Ingestor``: store article, resolve
  entities, merge events, evidence), on a sample of articles with 3 events each, into the
  populated knowledge base;
- queries: the views' and the bot's typical queries on the synthetic knowledge base, p50
  and p95 over repeated runs with varied entities.

The bulk of the synthetic KB is written with executemany (the write path would take hours
for 1M articles); its shape is what the write path produces: 3 events an article, one
evidence row each, participants drawn from a Zipf-like distribution over 5,000 companies
and 20,000 people, so a few big names appear in many events, as in real news.

``generate(engine, articles)`` is reused by bench/ask.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import Engine, insert, text

from newsbot.core.article import Article as Parsed
from newsbot.core.events import Event as Found
from newsbot.core.events import Extraction
from newsbot.core.registry import Registry, normalise_name
from newsbot.pipeline import Ingestor
from newsbot.store.db import make_engine, upgrade
from newsbot.store.models import Alias, Article, Entity, Event, EventEntity, Evidence

COMPANIES, PEOPLE = 5_000, 20_000
BATCH = 5_000
START = datetime(2019, 1, 1, tzinfo=UTC)
TYPES = (
    ("investment", 30),
    ("acquisition", 12),
    ("partnership", 12),
    ("customer", 10),
    ("talent_move", 20),
    ("financial", 8),
    ("product_launch", 6),
    ("layoff", 2),
)
PG = os.environ.get("NEWSBOT_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")


def zipf_picker(n: int, rng: random.Random, s: float = 1.1) -> Any:
    """A function drawing ranks 0..n-1 with probability ∝ 1/(rank+1)^s."""
    weights = [1 / (i + 1) ** s for i in range(n)]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return lambda: _bisect(cumulative, rng.random() * total)


def _bisect(cumulative: list[float], x: float) -> int:
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def company_name(i: int) -> str:
    return f"Synth Company {i:05d}"


def person_name(i: int) -> str:
    return f"Synth Person {i:05d}"


def _batched(rows: Iterator[dict[str, Any]], engine: Engine, model: Any) -> int:
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            count += _flush(engine, model, batch)
            batch = []
    return count + (_flush(engine, model, batch) if batch else 0)


def _flush(engine: Engine, model: Any, batch: list[dict[str, Any]]) -> int:
    with engine.begin() as conn:
        conn.execute(insert(model), batch)
    return len(batch)


def generate(engine: Engine, articles: int, seed: int = 7) -> dict[str, float]:
    """Fill an empty, migrated knowledge base with ``articles`` articles and 3 events each."""
    rng = random.Random(seed)
    started = time.perf_counter()
    now = datetime.now(UTC)
    _entities(engine, now)
    pick_company, pick_person = zipf_picker(COMPANIES, rng), zipf_picker(PEOPLE, rng)
    _batched(_article_rows(articles, rng, now), engine, Article)
    event_rows, member_rows, evidence_rows = _event_rows(
        articles, rng, now, pick_company, pick_person
    )
    _batched(event_rows, engine, Event)
    _batched(member_rows, engine, EventEntity)
    _batched(evidence_rows, engine, Evidence)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # rows came with explicit ids: move sequences on
            for table in ("entities", "aliases", "articles", "events", "evidence"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
        conn.execute(text("ANALYZE"))
    return {"generate_s": time.perf_counter() - started}


def _entities(engine: Engine, now: datetime) -> None:
    entities = [
        {"id": i + 1, "kind": "company", "name": company_name(i), "created_at": now}
        for i in range(COMPANIES)
    ]
    entities += [
        {"id": COMPANIES + i + 1, "kind": "person", "name": person_name(i), "created_at": now}
        for i in range(PEOPLE)
    ]
    _batched(iter(entities), engine, Entity)
    aliases = [
        {
            "entity_id": e["id"],
            "alias": e["name"],
            "norm": normalise_name(e["name"]),
            "lang": "en",
            "origin": "article",
        }
        for e in entities
    ]
    _batched(iter(aliases), engine, Alias)


def _article_rows(n: int, rng: random.Random, now: datetime) -> Iterator[dict[str, Any]]:
    words = (
        "funding round led acquisition partnership revenue growth model launch hires "
        "chief executive investors valuation startup cloud chips data agents"
    ).split()
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(40))
        yield {
            "id": i + 1,
            "url": f"https://synth.example/a/{i}",
            "canonical_url": None,
            "content_hash": uuid.UUID(int=rng.getrandbits(128)).hex * 2,
            "title": f"Synthetic article {i}",
            "published_at": START + timedelta(minutes=3 * i),
            "lang": "ja" if i % 4 == 0 else "en",
            "text": body,
            "fetched_at": now,
        }


def _event_rows(
    n: int, rng: random.Random, now: datetime, pick_company: Any, pick_person: Any
) -> tuple[Iterator[dict], Iterator[dict], Iterator[dict]]:
    events: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    kinds = [t for t, w in TYPES for _ in range(w)]
    for article in range(1, n + 1):
        day = (START + timedelta(minutes=3 * article)).date().isoformat()
        for _ in range(3):
            event_id = len(events) + 1
            kind = rng.choice(kinds)
            amount = (
                round(10 ** rng.uniform(6, 10.5), -5)
                if kind in ("investment", "acquisition")
                else None
            )
            events.append(
                {
                    "id": event_id,
                    "type": kind,
                    "date": day,
                    "amount_usd": amount,
                    "round": rng.choice(["Seed", "Series A", "Series B", None])
                    if kind == "investment"
                    else None,
                    "confidence": 0.8,
                    "fingerprint": f"synth-{event_id}",
                    "first_seen_at": now,
                    "updated_at": now,
                }
            )
            members += _members(event_id, kind, pick_company, pick_person)
            evidence.append(
                {
                    "event_id": event_id,
                    "article_id": article,
                    "sentence": f"Sentence {event_id}.",
                    "lang": "en",
                    "stated": "{}",
                    "confidence": 0.8,
                    "created_at": now,
                }
            )
    return iter(events), iter(members), iter(evidence)


def _members(event_id: int, kind: str, pick_company: Any, pick_person: Any) -> list[dict[str, Any]]:
    def company() -> int:
        return pick_company() + 1

    roles = {
        "investment": [("company", company()), ("investor", company())],
        "acquisition": [("acquirer", company()), ("target", company())],
        "partnership": [("partner", company()), ("partner", company())],
        "customer": [("vendor", company()), ("customer", company())],
        "talent_move": [
            ("person", COMPANIES + pick_person() + 1),
            ("from", company()),
            ("to", company()),
        ],
    }.get(kind, [("company", company())])
    seen = set()
    rows = []
    for position, (role, entity_id) in enumerate(roles):
        if (role, entity_id) not in seen:
            seen.add((role, entity_id))
            rows.append(
                {"event_id": event_id, "entity_id": entity_id, "role": role, "position": position}
            )
    return rows


QUERIES = {
    "deals of a company (view)": "SELECT * FROM deals WHERE company = :name ORDER BY date DESC LIMIT 20",
    "deals of a company (indexed)": (
        "SELECT e.id, e.type, e.date, e.amount_usd FROM aliases a "
        "JOIN event_entities ee ON ee.entity_id = a.entity_id JOIN events e ON e.id = ee.event_id "
        "WHERE a.norm = :norm AND e.type IN ('investment', 'acquisition', 'partnership', 'customer') "
        "ORDER BY e.date DESC LIMIT 20"
    ),
    "moves from a company (view)": "SELECT * FROM talent_moves WHERE from_company = :name LIMIT 20",
    "latest 20 deals (view)": "SELECT * FROM deals ORDER BY date DESC LIMIT 20",
    "figures of a company (view)": "SELECT * FROM company_events WHERE company = :name LIMIT 20",
    "top talent flows (view)": "SELECT from_company, to_company, sum(moves) FROM talent_flows GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10",
    "entity by alias": "SELECT entity_id FROM aliases WHERE norm = :norm",
}


def time_queries(engine: Engine, rng: random.Random, repeat: int) -> dict[str, tuple[float, float]]:
    pick = zipf_picker(200, rng)
    results = {}
    with engine.connect() as conn:
        for label, sql in QUERIES.items():
            times = []
            for _ in range(repeat):
                name = company_name(pick())
                started = time.perf_counter()
                conn.execute(text(sql), {"name": name, "norm": normalise_name(name)}).fetchall()
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            results[label] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    return results


def time_ingest(engine: Engine, n: int) -> float:
    """Articles/s through the real write path, 3 events an article, into this knowledge base."""
    registry = Registry.default()
    rng = random.Random(11)
    extractions: dict[str, Extraction] = {}

    class Canned:
        name = "bench"

        def extract(self, article: Parsed) -> Extraction:
            return extractions[article.url]

    ingestor = Ingestor(engine, registry, Canned())
    pages = []
    for i in range(n):
        url = f"https://bench.example/{uuid.uuid4().hex}"
        a, b, c = (company_name(rng.randrange(COMPANIES)) for _ in range(3))
        extractions[url] = Extraction(
            [
                Found(
                    "investment", {"company": a, "investors": [b], "amount_usd": 1e8 + i}, "s1", 0.8
                ),
                Found(
                    "talent_move",
                    {"person": person_name(rng.randrange(PEOPLE)), "from": b, "to": c},
                    "s2",
                    0.8,
                ),
                Found("acquisition", {"acquirer": c, "target": a}, "s3", 0.8),
            ]
        )
        pages.append(
            Parsed(
                url=url,
                title=f"t{i}",
                text=f"bench text {url}",
                lang="en",
                published_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        )
    started = time.perf_counter()
    for page in pages:
        ingestor.ingest(page)
    return n / (time.perf_counter() - started)


def _database(kind: str, keep: str | None) -> tuple[str, Any]:
    if kind == "sqlite":
        path = keep or os.path.join(tempfile.mkdtemp(), "bench.db")
        return f"sqlite:///{path}", lambda: None
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")

    return f"{PG}?options=-csearch_path%3D{schema}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--ingest", type=int, default=2_000, help="articles through the write path")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--keep", help="SQLite file to keep (default: a temporary one)")
    args = parser.parse_args()
    url, cleanup = _database(args.db, args.keep)
    engine = make_engine(url)
    try:
        upgrade(engine)
        figures = generate(engine, args.articles)
        figures["ingest_articles_per_s"] = time_ingest(engine, args.ingest)
        queries = time_queries(engine, random.Random(3), args.repeat)
    finally:
        engine.dispose()
        cleanup()
    print(f"knowledge base: {args.articles:,} articles, {3 * args.articles:,} events on {args.db}")
    print(f"generate (bulk): {figures['generate_s']:.1f} s")
    print(
        f"ingest through the write path: {figures['ingest_articles_per_s']:.0f} articles/s "
        f"(3 events each, into the populated KB)"
    )
    for label, (p50, p95) in queries.items():
        print(f"  {label:<32} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms")
    print(
        json.dumps(
            {
                "articles": args.articles,
                "db": args.db,
                **figures,
                "queries_ms": {k: {"p50": v[0], "p95": v[1]} for k, v in queries.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
