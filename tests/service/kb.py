"""Fixture knowledge bases for the service tests: articles with chosen events, stored through
the real Ingestor at chosen times (``first_seen_at`` is what a digest selects on)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from newsbot.core.article import Article
from newsbot.core.events import Event, Extraction, Money
from newsbot.core.registry import Registry
from newsbot.pipeline import Ingestor

REGISTRY = Registry.default()


@dataclass
class FixedExtractor:
    """Returns the events given for each article URL (the extractor is not under test)."""

    events: dict[str, list[Event]] = field(default_factory=dict)
    name: str = "fixture"

    def extract(self, article: Article) -> Extraction:
        return Extraction(list(self.events.get(article.url, [])))


def add_article(
    engine: Engine,
    url: str,
    events: Sequence[Event],
    *,
    seen: datetime,
    title: str | None = None,
    site: str | None = "The Fixture Times",
    published: datetime | None = None,
    lang: str = "en",
    on_new_events: Callable[[list[int]], None] | None = None,
) -> list[int]:
    """Store one article and its events as first seen at ``seen``; the new event ids."""
    extractor = FixedExtractor({url: list(events)})
    ingestor = Ingestor(engine, REGISTRY, extractor, clock=lambda: seen,
                        on_new_events=on_new_events)  # fmt: skip
    article = Article(
        url=url, title=title or url.rsplit("/", 1)[-1], lang=lang, site_name=site,
        text=f"{url} " + " ".join(e.sentence for e in events) + " filler text.",
        published_at=published or seen,
    )  # fmt: skip
    return ingestor.ingest(article).new_events


def investment(company: str, investors: list[str], usd: float | None, **fields: object) -> Event:
    money = Money(usd, "USD", usd) if usd else None
    values = {"company": company, "investors": investors, "amount_usd": usd, **fields}
    return Event("investment", values, sentence=f"{company} raised money.", confidence=0.8,
                 money=money)  # fmt: skip


def acquisition(acquirer: str, target: str, usd: float | None = None) -> Event:
    money = Money(usd, "USD", usd) if usd else None
    return Event("acquisition", {"acquirer": acquirer, "target": target, "amount_usd": usd},
                 sentence=f"{acquirer} buys {target}.", confidence=0.8, money=money)  # fmt: skip


def move(person: str, src: str | None, dst: str | None, role: str | None = None) -> Event:
    return Event("talent_move", {"person": person, "from": src, "to": dst, "role": role},
                 sentence=f"{person} moves.", confidence=0.8)  # fmt: skip


def launch(company: str, product: str) -> Event:
    return Event("product_launch", {"company": company, "product": product},
                 sentence=f"{company} launches {product}.", confidence=0.8)  # fmt: skip


def at(text: str) -> datetime:
    """``"2025-06-12 10:00"`` as an aware UTC time."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def build_week(engine: Engine) -> dict[str, list[int]]:
    """A small week of news ending on 2025-06-12 (UTC): deals, moves and a launch."""
    ids: dict[str, list[int]] = {}
    ids["scale"] = add_article(engine, "https://ledger.example/meta-scale", [
        investment("Scale AI", ["Meta"], 14.3e9, stake_pct=49.0),
        move("Alexandr Wang", "Scale AI", "Meta", "chief AI officer"),
    ], seen=at("2025-06-12 09:00"), title="Meta takes 49% of Scale AI")  # fmt: skip
    ids["scale-again"] = add_article(engine, "https://frontier.example/scale-deal", [
        investment("Scale AI", ["Meta"], 14.3e9, stake_pct=49.0),
    ], seen=at("2025-06-12 11:00"), title="Scale AI's $14.3B deal", site="Frontier")  # fmt: skip
    ids["small"] = add_article(engine, "https://ledger.example/tiny-round", [
        investment("Tiny Robotics", ["Acme Ventures"], 5e6),
    ], seen=at("2025-06-12 12:00"), title="Tiny Robotics raises $5 million")  # fmt: skip
    ids["launch"] = add_article(engine, "https://ledger.example/gpt", [
        launch("OpenAI", "GPT-5"),
    ], seen=at("2025-06-12 13:00"), title="OpenAI launches GPT-5")  # fmt: skip
    ids["earlier"] = add_article(engine, "https://ledger.example/wiz", [
        acquisition("Google", "Wiz", 32e9),
        move("Ruoming Pang", "Apple", "Meta"),
    ], seen=at("2025-06-10 15:00"), title="Google to buy Wiz")  # fmt: skip
    ids["late"] = add_article(engine, "https://ledger.example/late", [
        acquisition("AMD", "Silo AI", 665e6),
    ], seen=at("2025-06-12 23:30"), title="AMD buys Silo AI")  # fmt: skip
    return ids
