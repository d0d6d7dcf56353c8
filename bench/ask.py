"""Answering benchmark: p50 and p95 time of ``Answerer.ask`` over 1,000 mixed questions.

    .venv/bin/python bench/ask.py [--articles 100000] [--db sqlite|postgresql]
                                  [--questions 1000] [--keep PATH]

The knowledge base is bench/kb.py's synthetic one (``generate``: 3 events an article,
participants drawn Zipf-like from 5,000 companies and 20,000 people, so a few names are in
a large share of the events — the hard case for "What's new with X?"). ``--keep`` keeps (or
reuses, when it exists) a SQLite file, or on PostgreSQL a schema of that name, since
generating 1M articles takes a quarter of an hour. A new PostgreSQL knowledge base is
vacuumed first, as autovacuum would do to a live one (a bulk-loaded table has no visibility
map, so its index-only scans would read the heap).

The question mix (``questions``): English and Japanese, figures, names, people moves,
news, time windows, questions with no answer and unknown names, holders of titles, owners
and lead investors, quarters, totals and valuations dated by a deal; the entities asked about
are drawn with the same skew as the news, so popular names are asked about most. Each
question is a full ``ask``: understanding (names looked up in the knowledge base), the
planned queries, the event records and the composed text. Printed: p50, p95, p99 and max
in ms, overall and per question shape.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kb
from sqlalchemy import Engine, text

from newsbot.answers import Answerer
from newsbot.core.registry import Registry
from newsbot.store.db import make_engine, upgrade

TODAY = datetime(2026, 6, 1, tzinfo=UTC)
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("figure", "How much did {a} invest in {b}?"),
    ("names", "Who invested in {a}?"),
    ("names", "Which companies did {a} acquire?"),
    ("names", "Who acquired {a}?"),
    ("names", "Who are {a}'s customers?"),
    ("names", "Which companies partnered with {a}?"),
    ("people", "Who left {a}?"),
    ("people", "Who joined {a} in 2024?"),
    ("people", "Where did {p} go?"),
    ("people", "Who moved from {a} to {b}?"),
    ("figure", "What was {a}'s revenue in 2023?"),
    ("figure", "How many jobs did {a} cut?"),
    ("news", "What's new with {a}?"),
    ("news", "Tell me about {p}"),
    ("ja", "{a}に出資したのは誰?"),
    ("ja", "{a}が買収した企業は?"),
    ("ja", "{a}の最新ニュースは?"),
    ("ja", "{p}氏はどこに移った?"),
    ("ja", "{a}から{b}に移ったのは誰?"),
    ("ja", "{a}は{b}にいくら出資した?"),
    ("time", "Which companies did {a} acquire last year?"),
    ("time", "Who left {a} in the past 6 months?"),
    ("unknown", "How much did Zorblax {n} raise?"),
    ("unknown", "Who founded Quuxotic Labs {n}?"),
    ("titles", "Who is the CEO of {a}?"),
    ("titles", "{a}の創業者は？"),
    ("titles", "Which two executives did {a} bring in as CFO and chief product officer?"),
    ("owners", "Which companies have owned {a}?"),
    ("owners", "Who led {a}'s latest round?"),
    ("owners", "Who left {a} without naming a new employer?"),
    ("periods", "What did {a} launch in the last quarter of 2024?"),
    ("periods", "{a}が2024年10〜12月に買収した企業は？"),
    ("figures", "What was {a}'s total funding?"),
    ("figures", "At what valuation was {a} put when it acquired {b}?"),
)


def questions(n: int, seed: int = 5) -> list[tuple[str, str]]:
    """``n`` (shape, question) pairs with Zipf-drawn companies and people."""
    rng = random.Random(seed)
    company, person = kb.zipf_picker(kb.COMPANIES, rng), kb.zipf_picker(kb.PEOPLE, rng)
    out = []
    for i in range(n):
        shape, template = TEMPLATES[i % len(TEMPLATES)]
        a, b = kb.company_name(company()), kb.company_name(company())
        out.append((shape, template.format(a=a, b=b, p=kb.person_name(person()), n=i)))
    rng.shuffle(out)
    return out


def percentile(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def run(url: str, n: int) -> dict[str, dict[str, float]]:
    engine = make_engine(url)
    answerer = Answerer(engine, Registry.default(), clock=lambda: TODAY)
    mix = questions(n)
    for _shape, q in mix[:20]:  # warm the registry index and the connection
        answerer.ask(q)
    times: dict[str, list[float]] = defaultdict(list)
    found = 0
    for shape, q in mix:
        started = time.perf_counter()
        answer = answerer.ask(q)
        elapsed = (time.perf_counter() - started) * 1000
        times[shape].append(elapsed)
        times["all"].append(elapsed)
        found += answer.found
    engine.dispose()
    stats = {shape: {"p50": statistics.median(t), "p95": percentile(t, 0.95),
                     "p99": percentile(t, 0.99), "max": max(t), "n": len(t)}
             for shape, t in times.items()}  # fmt: skip
    stats["all"]["answered"] = found
    return stats


def _vacuum(engine: Engine) -> None:
    """What autovacuum does to a live knowledge base: visibility maps, so that index-only
    scans stay index-only (a bulk-loaded table has none yet)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def _pg_schema(name: str) -> tuple[str, Callable[[], None], bool]:
    """A kept PostgreSQL schema: its URL, a no-op cleanup, and whether it holds a KB."""
    import psycopg

    with psycopg.connect(kb.PG, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = %s "
                              "AND table_name = 'events'", (name,)).fetchone() is not None  # fmt: skip
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
    return f"{kb.PG}?options=-csearch_path%3D{name}", lambda: None, exists


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--questions", type=int, default=1_000)
    parser.add_argument("--keep", help="SQLite file (or PostgreSQL schema) to keep or reuse")
    args = parser.parse_args()
    if args.db == "postgresql" and args.keep:
        url, cleanup, reuse = _pg_schema(args.keep)
    else:
        reuse = bool(args.db == "sqlite" and args.keep and os.path.exists(args.keep))
        url, cleanup = kb._database(args.db, args.keep)
    try:
        if not reuse:
            engine = make_engine(url)
            upgrade(engine)
            started = time.perf_counter()
            kb.generate(engine, args.articles)
            if args.db == "postgresql":
                _vacuum(engine)
            engine.dispose()
            print(f"generated {args.articles:,} articles in {time.perf_counter() - started:.0f} s")
        stats = run(url, args.questions)
    finally:
        cleanup()
    print(f"ask on {args.articles:,} articles ({3 * args.articles:,} events), {args.db}, "
          f"{args.questions} questions, {stats['all']['answered']:.0f} answered from events")  # fmt: skip
    for shape, s in sorted(stats.items(), key=lambda kv: kv[0] != "all"):
        print(f"  {shape:<8} n={s['n']:<5.0f} p50 {s['p50']:7.1f} ms  p95 {s['p95']:7.1f} ms  "
              f"p99 {s['p99']:7.1f} ms  max {s['max']:7.1f} ms")  # fmt: skip
    print(json.dumps({"articles": args.articles, "db": args.db, "ms": stats}))


if __name__ == "__main__":
    main()
