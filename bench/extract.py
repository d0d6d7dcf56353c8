"""Extraction benchmark: articles per second on one core over the dev corpus pages.

    .venv/bin/python bench/extract.py [--rounds 5] [--corpus ../shared/corpus/dev]

Each round parses every page (``parse_article``) and extracts its events (``extract``,
built-in registry), one process, one thread. Printed: pages, events, articles/s for
parse + extract, for parse alone and for extract alone (the best round, by the wall clock
and by the process's CPU time, which other jobs on a shared machine disturb less), and
peak memory (tracemalloc's peak of Python allocations during one round, and the process's
maximum resident set size). ``--lang en`` or ``--lang ja`` keeps the sites of one language.
Page URLs are made before the clock starts (resolving a path is no part of parsing).
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
    parser.add_argument("--lang", choices=("en", "ja"), help="only the sites of this language")
    args = parser.parse_args()
    sites = f"*-{args.lang}" if args.lang else "*"
    pages = [
        (p.resolve().as_uri(), p.read_bytes())
        for p in sorted(args.corpus.glob(f"sites/{sites}/articles/*.html"))
    ]
    if not pages:
        print(f"no pages under {args.corpus}/sites", file=sys.stderr)
        return 2
    registry = Registry.default()
    articles = [parse_article(body, url) for url, body in pages]
    events = sum(len(extract(a, registry).events) for a in articles)  # warm caches
    both = _rate(
        lambda: [extract(parse_article(b, url), registry) for url, b in pages],
        len(pages),
        args.rounds,
    )
    parse = _rate(lambda: [parse_article(b, url) for url, b in pages], len(pages), args.rounds)
    alone = _rate(lambda: [extract(a, registry) for a in articles], len(pages), args.rounds)
    peak = _peak(articles, registry)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {len(pages)}, events: {events}, rounds: {args.rounds}")
    print(f"parse + extract: {both[0]:,.0f} articles/s (CPU time: {both[1]:,.0f})")
    print(f"parse only:      {parse[0]:,.0f} articles/s (CPU time: {parse[1]:,.0f})")
    print(f"extract only:    {alone[0]:,.0f} articles/s (CPU time: {alone[1]:,.0f})")
    print(f"peak traced memory in one round: {peak:.1f} MiB; max RSS: {rss:.0f} MiB")
    return 0


def _rate(run: object, count: int, rounds: int) -> tuple[float, float]:
    """Articles per second of the best round, by the wall clock and by CPU time."""
    assert callable(run)
    wall, cpu = float("inf"), float("inf")
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return count / wall, count / max(cpu, 1e-9)


def _peak(articles: list[Article], registry: Registry) -> float:
    tracemalloc.start()
    for article in articles:
        extract(article, registry)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


if __name__ == "__main__":
    sys.exit(main())
