"""Extraction benchmark: articles per second on one core over the dev corpus pages.

    .venv/bin/python bench/extract.py [--rounds 5] [--corpus ../shared/corpus/dev]

Each round parses every page (``parse_article``) and extracts its events (``extract``,
built-in registry), one process, one thread. Printed: pages, events, articles/s for
parse + extract and for extract alone, and peak memory (tracemalloc's peak of Python
allocations during one round, and the process's maximum resident set size).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from newsbot.core.article import Article, parse_article
from newsbot.core.extract import extract
from newsbot.core.registry import Registry

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    pages = [(p, p.read_bytes()) for p in sorted(args.corpus.glob("sites/*/articles/*.html"))]
    if not pages:
        print(f"no pages under {args.corpus}/sites", file=sys.stderr)
        return 2
    registry = Registry.default()
    articles = [parse_article(body, p.resolve().as_uri()) for p, body in pages]
    events = sum(len(extract(a, registry).events) for a in articles)  # warm caches
    both = _rate(lambda: [extract(parse_article(b, p.resolve().as_uri()), registry)
                          for p, b in pages], len(pages), args.rounds)
    alone = _rate(lambda: [extract(a, registry) for a in articles], len(pages), args.rounds)
    peak = _peak(articles, registry)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {len(pages)}, events: {events}, rounds: {args.rounds}")
    print(f"parse + extract: {both:,.0f} articles/s")
    print(f"extract only:    {alone:,.0f} articles/s")
    print(f"peak traced memory in one round: {peak:.1f} MiB; max RSS: {rss:.0f} MiB")
    return 0


def _rate(run: object, count: int, rounds: int) -> float:
    assert callable(run)
    start = time.perf_counter()
    for _ in range(rounds):
        run()
    return count * rounds / (time.perf_counter() - start)


def _peak(articles: list[Article], registry: Registry) -> float:
    tracemalloc.start()
    for article in articles:
        extract(article, registry)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


if __name__ == "__main__":
    sys.exit(main())
