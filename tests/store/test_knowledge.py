"""Entities found by any alias; events stored once with every report as evidence."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from newsbot.core.article import Article as Parsed
from newsbot.core.events import Event, Money
from newsbot.core.registry import Registry
from newsbot.store.articles import save_article
from newsbot.store.entities import EntityResolver
from newsbot.store.events import EventWriter, event_records
from newsbot.store.models import Alias, Entity, EventChange, Evidence
from newsbot.store.models import Event as EventRow

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


def _article(session: Session, url: str, lang: str = "en", day: int = 1) -> int:
    parsed = Parsed(url=url, title=url, text=f"text of {url}", lang=lang,
                    published_at=datetime(2025, 6, day, tzinfo=UTC))  # fmt: skip
    return save_article(session, parsed, fetched_at=NOW).article_id


def _store(engine: Engine, registry: Registry, event: Event, url: str, lang: str = "en",
           day: int = 1) -> tuple[int, bool]:  # fmt: skip
    with Session(engine) as session, session.begin():
        article_id = _article(session, url, lang, day)
        writer = EventWriter(session, EntityResolver(session, registry, NOW), NOW)
        stored = writer.store(event, article_id=article_id, lang=lang, article_date="2025-06-13")
        return stored.event_id, stored.created


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


INVESTMENT_EN = Event(
    "investment",
    {"company": "Scale AI", "investors": ["Meta"], "amount_usd": 14.3e9, "stake_pct": 49},
    sentence="Meta invested $14.3 billion in Scale AI for a 49% stake.",
    confidence=0.9,
    money=Money(14.3e9, "USD", 14.3e9),
)
INVESTMENT_JA = Event(
    "investment",
    {"company": "スケールAI", "investors": ["メタ"], "amount_usd": 14.3e9, "stake_pct": 49},
    sentence="メタはスケールAIに143億ドルを投じ、株式の49%を取得した。",
    confidence=0.8,
    money=Money(143e8, "USD", 14.3e9),
)


def test_entity_found_by_any_alias_and_script(engine: Engine, registry: Registry) -> None:
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        ids = {resolver.resolve(n, "company") for n in ("Meta", "メタ", "Meta Platforms", "米メタ")}
    assert len(ids) == 1


def test_unknown_entity_created_once_and_learns_aliases(engine: Engine, registry: Registry) -> None:
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        first = resolver.resolve("Zyxwv Robotics", "company", ["ジクスヴ・ロボティクス"])
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        assert resolver.resolve("ジクスヴ・ロボティクス", "company") == first
        assert resolver.resolve("Zyxwv Robotics Inc.", "company") == first
    assert _count(engine, Entity) == 1


@pytest.mark.parametrize(
    ("known", "other"),
    [("Scale AI", "Scale Venture Partners"), ("Meta", "Metaphor"),
     ("Character.AI", "Character Group"), ("Anthropic", "Anthropos Capital")],
)  # fmt: skip
def test_near_miss_names_stay_apart(engine: Engine, registry: Registry, known: str,
                                    other: str) -> None:  # fmt: skip
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        assert resolver.resolve(known, "company") != resolver.resolve(other, "company")


def test_typo_reaches_the_stored_entity(engine: Engine, registry: Registry) -> None:
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        right = resolver.resolve("Quillfeather Analytics", "company")
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        assert resolver.resolve("Quilfeather Analytics", "company") == right


def test_same_event_in_english_and_japanese_is_one_event(
    engine: Engine, registry: Registry
) -> None:
    first, created = _store(engine, registry, INVESTMENT_EN, "https://en.example/meta-scale")
    second, created_again = _store(
        engine, registry, INVESTMENT_JA, "https://ja.example/meta-scale", "ja"
    )
    assert created and not created_again and first == second
    assert _count(engine, EventRow) == 1 and _count(engine, Evidence) == 2
    with Session(engine) as session:
        (record,) = event_records(session, [first])
    assert record["company"] == "Scale AI" and record["investors"] == ["Meta"]
    assert {e["lang"] for e in record["evidence"]} == {"en", "ja"}


def test_restoring_the_same_report_changes_nothing(engine: Engine, registry: Registry) -> None:
    _store(engine, registry, INVESTMENT_EN, "https://en.example/meta-scale")
    _store(engine, registry, INVESTMENT_EN, "https://en.example/meta-scale")
    assert (_count(engine, EventRow), _count(engine, Evidence)) == (1, 1)


def test_different_rounds_stay_different_events(engine: Engine, registry: Registry) -> None:
    a = Event("investment", {"company": "Anthropic", "investors": ["ICONIQ"], "round": "Series F",
                             "amount_usd": 13e9})  # fmt: skip
    b = Event("investment", {"company": "Anthropic", "investors": ["Lightspeed Venture Partners"],
                             "round": "Series E", "amount_usd": 3.5e9})  # fmt: skip
    _store(engine, registry, a, "https://x.example/1")
    _store(engine, registry, b, "https://x.example/2")
    assert _count(engine, EventRow) == 2


def test_customer_status_change_keeps_history(engine: Engine, registry: Registry) -> None:
    active = Event("customer", {"vendor": "Scale AI", "customer": "Google", "status": "active"})
    paused = Event("customer", {"vendor": "Scale AI", "customer": "Google", "status": "paused"})
    event_id, _ = _store(engine, registry, active, "https://x.example/old", day=1)
    assert _store(engine, registry, paused, "https://x.example/new", day=20)[0] == event_id
    with Session(engine) as session:
        assert session.get(EventRow, event_id).status == "paused"  # type: ignore[union-attr]
        change = session.execute(select(EventChange)).scalar_one()
    assert (change.old_value, change.new_value) == ("active", "paused")


def test_conflicting_figures_show_the_best_supported(engine: Engine, registry: Registry) -> None:
    def revenue(value: float) -> Event:
        return Event("financial", {"company": "Scale AI", "metric": "revenue", "period": "2024",
                                   "value_usd": value})  # fmt: skip

    for i, value in enumerate([870e6, 870e6, 875e6, 1.2e9]):
        _store(engine, registry, revenue(value), f"https://x.example/{i}", day=i + 1)
    with Session(engine) as session:
        rows = session.execute(select(EventRow)).scalars().all()
    assert len(rows) == 2  # $1.2B is not the same figure: a separate claim
    assert sorted(r.value_usd for r in rows) == [870e6, 1.2e9]  # type: ignore[type-var]


def test_views_read_like_events(engine: Engine, registry: Registry) -> None:
    _store(engine, registry, INVESTMENT_EN, "https://en.example/meta-scale")
    move = Event("talent_move", {"person": "Guillaume Lample", "from": "Meta", "to": "Mistral AI",
                                 "role": "co-founder"})  # fmt: skip
    _store(engine, registry, move, "https://en.example/mistral")
    with engine.connect() as conn:
        deal = conn.exec_driver_sql(
            "SELECT company, investors, amount_usd, stake_pct FROM deals"
        ).one()
        moved = conn.exec_driver_sql(
            "SELECT person, from_company, to_company, role FROM talent_moves"
        ).one()
        flow = conn.exec_driver_sql(
            "SELECT from_company, to_company, moves FROM talent_flows"
        ).one()
    assert tuple(deal) == ("Scale AI", "Meta", 14.3e9, 49)
    assert tuple(moved) == ("Guillaume Lample", "Meta", "Mistral AI", "co-founder")
    assert tuple(flow) == ("Meta", "Mistral AI", 1)


def test_alias_rows_are_unique_per_normalised_form(engine: Engine, registry: Registry) -> None:
    with Session(engine) as session, session.begin():
        resolver = EntityResolver(session, registry, NOW)
        resolver.resolve("OpenAI", "company", ["オープンAI", "OpenAI Inc."])
        resolver.resolve("オープンAI", "company")
        norms = session.execute(select(Alias.norm)).scalars().all()
    assert len(norms) == len(set(norms))


@pytest.mark.parametrize("english_first", [True, False])
def test_a_person_in_katakana_meets_the_latin_spelling(
    engine: Engine, registry: Registry, english_first: bool
) -> None:
    en = Event("talent_move", {"person": "Orla Fennimore", "from": "Meta", "to": "Mistral AI"})
    ja = Event("talent_move", {"person": "オーラ・フェニモア", "from": "Meta", "to": "Mistral AI"})
    other = Event("talent_move", {"person": "ケン・タカハシ", "from": "Meta", "to": "Mistral AI"})
    reports = [(en, "en"), (ja, "ja")] if english_first else [(ja, "ja"), (en, "en")]
    ids = {_store(engine, registry, e, f"https://{lang}.example/m", lang)[0] for e, lang in reports}
    assert len(ids) == 1
    _store(engine, registry, other, "https://ja.example/other", "ja")
    with engine.connect() as conn:
        people = conn.exec_driver_sql("SELECT person FROM talent_moves ORDER BY person").all()
    assert [p[0] for p in people] == ["Orla Fennimore", "ケン・タカハシ"]


def test_an_investor_in_katakana_is_the_one_already_reported(
    engine: Engine, registry: Registry
) -> None:
    en = Event("investment", {"company": "OpenAI", "round": "Series Z", "amount_usd": 4e10,
                              "investors": ["SoftBank Group", "Quillon Capital"]})  # fmt: skip
    ja = Event("investment", {"company": "オープンAI", "round": "Series Z", "amount_usd": 4e10,
                              "investors": ["ソフトバンクグループ", "クイロン・キャピタル"]})  # fmt: skip
    first, _ = _store(engine, registry, en, "https://en.example/round")
    second, created = _store(engine, registry, ja, "https://ja.example/round", "ja")
    assert first == second and not created
    with Session(engine) as session:
        (record,) = event_records(session, [first])
        names = session.execute(select(Entity.name).where(Entity.kind == "company")).scalars().all()
    assert sorted(record["investors"]) == ["Quillon Capital", "SoftBank Group"]
    assert "クイロン・キャピタル" not in names
