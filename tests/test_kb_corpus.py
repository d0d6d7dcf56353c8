"""The knowledge base built from the dev corpus holds each real event about once.

Gold events with the same type and key participants across articles are one real event;
the knowledge base should hold within 10% of that many events after ingesting every article.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from newsbot.core.article import parse_article
from newsbot.core.registry import Registry
from newsbot.extractors import RulesExtractor
from newsbot.pipeline import Ingestor
from newsbot.store.models import Event, Evidence
from tests.shared import require_shared

KEYS = {
    "investment": ("company",),
    "acquisition": ("acquirer", "target"),
    "partnership": ("companies",),
    "customer": ("vendor", "customer"),
    "talent_move": ("person",),
    "financial": ("company", "metric", "period"),
    "product_launch": ("company", "product"),
    "layoff": ("company",),
}


def _aliases(corpus: Path) -> dict[str, str]:
    canonical: dict[str, str] = {}
    for path in sorted(corpus.glob("aliases*.json")):
        for name, others in json.loads(path.read_text(encoding="utf-8")).items():
            for alias in [name, *others]:
                canonical.setdefault(_norm(alias), _norm(name))
    return canonical


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _key(event: dict, canonical: dict[str, str]) -> tuple:
    parts: list[object] = [event["type"]]
    for field in KEYS[event["type"]]:
        value = event.get(field)
        if isinstance(value, list):
            parts.append(frozenset(canonical.get(_norm(v), _norm(v)) for v in value))
        elif field in ("metric", "period"):
            parts.append(value)
        else:
            parts.append(canonical.get(_norm(value or ""), _norm(value or "")))
    return tuple(parts)


def _compatible(a: dict, b: dict) -> bool:
    """Two gold reports of one key are one real event unless a round or an amount differs."""
    rounds = [str(e.get("round") or "").casefold() for e in (a, b)]
    if all(rounds) and rounds[0] != rounds[1]:
        return False
    amounts = [e.get("amount_usd") for e in (a, b)]
    return not (all(amounts) and abs(amounts[0] - amounts[1]) > 0.15 * max(amounts))


def distinct_gold_events(corpus: Path) -> int:
    """Gold events clustered into real events: same type and key participants, compatible."""
    canonical = _aliases(corpus)
    clusters: dict[tuple, list[dict]] = {}
    for path in sorted((corpus / "gold").glob("*/*.json")):
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            if event.get("optional"):
                continue
            reports = clusters.setdefault(_key(event, canonical), [])
            for real in reports:
                if _compatible(real, event):
                    real.update({k: v for k, v in event.items() if v is not None})
                    break
            else:
                reports.append(dict(event))
    return sum(len(reports) for reports in clusters.values())


def ingest_corpus(engine: Engine, pages: Iterable[Path]) -> None:
    registry = Registry.default()
    ingestor = Ingestor(engine, registry, RulesExtractor(registry))
    for page in pages:
        ingestor.ingest(parse_article(page.read_bytes(), page.resolve().as_uri()))


def _counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        events = session.execute(select(func.count()).select_from(Event)).scalar_one()
        evidence = session.execute(select(func.count()).select_from(Evidence)).scalar_one()
    return events, evidence


def test_dev_corpus_holds_each_real_event_once(engine: Engine) -> None:
    corpus = require_shared() / "corpus" / "dev"
    pages = sorted(corpus.glob("sites/*/articles/*.html"))
    ingest_corpus(engine, pages)
    events, evidence = _counts(engine)
    real = distinct_gold_events(corpus)
    print(f"\nknowledge base: {events} events ({evidence} pieces of evidence) "
          f"for {real} distinct real events in gold ({events / real:.2f}x)")  # fmt: skip
    assert abs(events - real) <= 0.10 * real

    ingest_corpus(engine, pages)  # re-ingesting everything changes nothing
    assert _counts(engine) == (events, evidence)
