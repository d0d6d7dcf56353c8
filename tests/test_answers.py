"""The answering engine on a small knowledge base of fixture events, on SQLite and PostgreSQL:
answers in both languages, "nothing found", unknown names, the read API and ``ask --json``."""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from newsbot.answers import Answerer
from newsbot.cli import app as cli_app
from newsbot.core.article import Article
from newsbot.core.events import EntityInfo, Event, Extraction, Money
from newsbot.core.registry import Registry
from newsbot.extractors import RulesExtractor
from newsbot.pipeline import Ingestor, read_file_article
from newsbot.queries import (
    company_profile,
    find_entity,
    find_events,
    person_profile,
    suggest_entities,
)
from newsbot.store.db import make_engine, upgrade
from tests.conftest import PG_URL, require_postgres

NOW = datetime(2025, 10, 15, 9, 0, tzinfo=UTC)


def _article(slug: str, lang: str, day: str, title: str) -> Article:
    return Article(url=f"https://news.example/{slug}", title=title, text=f"{title}. (fixture)",
                   lang=lang, published_at=datetime.fromisoformat(day + "T08:00:00+00:00"),
                   site_name="Fixture News")  # fmt: skip


# (article, events, entity aliases the article taught)
FIXTURES: list[tuple[Article, list[Event], dict[str, EntityInfo]]] = [
    (_article("nimbus-b", "en", "2025-03-10", "Nimbus Robotics raises $250 million"),
     [Event("investment", {"company": "Nimbus Robotics",
                           "investors": ["Sequoia Capital", "NVIDIA"],
                           "amount_usd": 250e6, "round": "Series B", "valuation_usd": 2e9},
            "Nimbus Robotics raised $250 million.", 0.9, Money(250e6, "USD", 250e6))], {}),
    (_article("quill", "en", "2025-05-02", "Microsoft to acquire Quill Data for $1.2 billion"),
     [Event("acquisition", {"acquirer": "Microsoft", "target": "Quill Data",
                            "amount_usd": 1.2e9}, "Microsoft will buy Quill Data.", 0.9)], {}),
    (_article("nova-openai", "ja", "2025-06-15", "ノヴァラボ、OpenAIと提携"),
     [Event("partnership", {"companies": ["Nova Labs", "OpenAI"],
                            "summary": "joint research on agents"}, "提携した。", 0.8)],
     {"Nova Labs": EntityInfo("Nova Labs", "company", ("ノヴァラボ",))}),
    (_article("moves", "en", "2025-07-01", "Two leave Nimbus Robotics"),
     [Event("talent_move", {"person": "Dana Whitfield", "from": "Nimbus Robotics",
                            "to": "Anthropic", "role": "CTO"}, "Whitfield joins Anthropic.", 0.8),
      Event("talent_move", {"person": "Rahul Menon", "from": "Nimbus Robotics"},
            "Menon also left.", 0.8)], {}),
    (_article("quill-cuts", "en", "2025-08-20", "Quill Data cuts 300 jobs"),
     [Event("layoff", {"company": "Quill Data", "count": 300}, "It cut 300 jobs.", 0.9)], {}),
    (_article("nimbus-figures", "ja", "2025-09-05", "Nimbus Roboticsの売上高"),
     [Event("financial", {"company": "Nimbus Robotics", "metric": "revenue", "value_usd": 80e6,
                          "period": "2024"}, "売上高は8000万ドル。", 0.8),
      Event("financial", {"company": "Nimbus Robotics", "metric": "arr", "value_usd": 150e6,
                          "period": "2025-08"}, "ARRは1億5000万ドル。", 0.8)], {}),
    (_article("acme", "en", "2025-09-30", "Acme Bank pauses Nimbus Robotics contract"),
     [Event("customer", {"vendor": "Nimbus Robotics", "customer": "Acme Bank",
                         "amount_usd": 5e6, "status": "paused"}, "Acme Bank paused.", 0.8)], {}),
    (_article("nova-2", "en", "2025-10-01", "Nova Labs launches Nova-2"),
     [Event("product_launch", {"company": "Nova Labs", "product": "Nova-2"},
            "Nova Labs launched Nova-2.", 0.9)], {}),
]


class FixtureExtractor:
    """Returns the fixture events of each fixture article."""

    name = "fixture"

    def extract(self, article: Article) -> Extraction:
        for fixture, events, entities in FIXTURES:
            if fixture.url == article.url:
                return Extraction(list(events), dict(entities))
        return Extraction([])


def _build(engine: Engine) -> Engine:
    upgrade(engine)
    ingestor = Ingestor(engine, Registry.default(), FixtureExtractor(), clock=lambda: NOW)
    for article, _events, _entities in FIXTURES:
        ingestor.ingest(article)
    return engine


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
       ) -> Iterator[Engine]:  # fmt: skip
    """The fixture knowledge base, built once per database."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}")
        yield _build(engine)
        engine.dispose()
        return
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    engine = make_engine(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    yield _build(engine)
    engine.dispose()
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="module")
def answerer(kb: Engine) -> Answerer:
    return Answerer(kb, Registry.default(), max_sources=2, clock=lambda: NOW)


def folded(text: str) -> str:
    """As the scorer compares: NFKC, casefolded, without spaces and commas."""
    return re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", text).casefold())


ANSWERS = [
    ("How much did Nimbus Robotics raise?", ["$250m"]),
    ("Who invested in Nimbus Robotics' Series B?", ["sequoia", "nvidia"]),
    ("What was Nimbus Robotics valued at?", ["$2b"]),
    ("Who acquired Quill Data?", ["microsoft"]),
    ("How much did Microsoft pay for Quill Data?", ["$1.2b"]),
    ("ノヴァラボはどこと提携した?", ["openai"]),
    ("Who left Nimbus Robotics?", ["whitfield", "menon"]),
    ("Where did Whitfield go?", ["anthropic"]),
    ("Who joined Anthropic as CTO?", ["whitfield"]),
    ("Which customers paused work with Nimbus Robotics?", ["acmebank"]),
    ("How many jobs did Quill Data cut?", ["300"]),
    ("Quill Dataは何人削減した?", ["300人"]),
    ("Nimbus Roboticsの2024年の売上高は?", ["8000万ドル"]),
    ("What is Nimbus Robotics' ARR?", ["$150m"]),
    ("What did Nova Labs launch?", ["nova-2"]),
    ("Who invested in Nimbus Robotcs?", ["sequoia"]),
    ("What's new with Nimbus Robotics?", ["acmebank", "whitfield"]),
    ("Which companies did Microsoft acquire in 2025?", ["quilldata"]),
    ("ダナ・ホイットフィールドはどこに移った?", ["anthropic"]),  # stored in Latin letters only
    ("who invested in nimbus robotcs?", ["sequoia"]),
    ("クイルデータを買収したのは?", ["microsoft"]),  # a company stored in Latin letters only
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS, ids=[q for q, _ in ANSWERS])
def test_answers_name_the_key_facts(answerer: Answerer, question: str,
                                    expected: list[str]) -> None:  # fmt: skip
    answer = answerer.ask(question)
    assert answer.found and answer.understood
    for part in expected:
        assert part in folded(answer.text), answer.text
    assert answer.events and answer.sources
    assert len(answer.sources) <= 2


def test_answer_leads_with_the_figure_and_cites_sources(answerer: Answerer) -> None:
    answer = answerer.ask("How much did Microsoft pay for Quill Data?")
    first, *rest = answer.text.splitlines()
    assert first.startswith("$1.2B")
    assert "Sources:" in rest
    source = answer.sources[0]
    assert (source.title, source.site, source.published) == (
        "Microsoft to acquire Quill Data for $1.2 billion", "Fixture News", "2025-05-02")
    assert source.url in answer.text


def test_japanese_answers_are_in_japanese(answerer: Answerer) -> None:
    answer = answerer.ask("Nimbus Roboticsの2024年の売上高は?")
    assert answer.lang == "ja"
    assert answer.text.startswith("8000万ドル")
    assert "出典:" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [("How much did Microsoft invest in Nimbus Robotics?", "couldn't find"),
     ("Who left Anthropic for Nimbus Robotics?", "couldn't find"),
     ("Which customers ended their contract with Nova Labs?", "couldn't find"),
     ("Nimbus Roboticsを買収したのは誰?", "見つかりませんでした"),
     ("What did Nova Labs launch in 2023?", "couldn't find")],
)
def test_nothing_found_is_said_plainly(answerer: Answerer, question: str, said: str) -> None:
    answer = answerer.ask(question)
    assert not answer.found
    assert said in answer.text
    assert answer.events == [] and answer.sources == []


def test_an_unknown_name_is_named(answerer: Answerer) -> None:
    answer = answerer.ask("How much did Zorblax Dynamics raise?")
    assert "Zorblax Dynamics" in answer.text and "couldn't find" in answer.text
    ja = answerer.ask("ゾルブラックスに出資したのは誰?")
    assert "ゾルブラックス" in ja.text and "見つかりませんでした" in ja.text


def test_a_known_name_absent_from_the_knowledge_base(answerer: Answerer) -> None:
    answer = answerer.ask("How much did Apple invest in Nova Labs?")
    assert "couldn't find anything about Apple" in answer.text


@pytest.mark.parametrize("question", ["", "???", "hello", "\x00\x00", "x" * 10_000])
def test_malformed_questions_get_a_polite_answer(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert not answer.understood and not answer.found
    assert "could not understand" in answer.text


def test_an_llm_rephrasing_is_kept_only_when_it_adds_nothing(kb: Engine) -> None:
    def honest(messages: list[dict[str, str]]) -> str:
        assert "Quill Data" in messages[1]["content"]
        return "Microsoft paid $1.2B for Quill Data."

    def inventive(messages: list[dict[str, str]]) -> str:
        return "Microsoft paid $3.4B for Quill Data and Zeta Corp."

    question = "How much did Microsoft pay for Quill Data?"
    kept = Answerer(kb, Registry.default(), clock=lambda: NOW, rephrase=honest).ask(question)
    assert kept.text.startswith("Microsoft paid $1.2B for Quill Data.\nSources:")
    refused = Answerer(kb, Registry.default(), clock=lambda: NOW, rephrase=inventive)
    assert refused.ask(question).text.startswith("$1.2B — Microsoft acquired Quill Data")


def test_the_application_wires_the_llm_only_when_asked(tmp_path: Path) -> None:
    from newsbot.answers import answerer_for
    from newsbot.app import App
    from newsbot.config import load_settings

    url = f"sqlite:///{tmp_path / 'kb.db'}"
    plain = App(load_settings(None, database_url=url))
    assert answerer_for(plain).rephrase is None
    llm = App(load_settings(None, database_url=url, ask={"llm": True, "max_sources": 3}))
    answerer = answerer_for(llm)
    assert answerer.rephrase is not None and answerer.max_sources == 3
    plain.close()
    llm.close()


# ---------------------------------------------------------------- harder questions


def _e(kind: str, day: str | None = None, **fields: Any) -> Event:
    return Event(kind, fields, "(fixture)", 0.9, date=day)


# (article, its events): titles, ownership, lists, totals, periods, governments
HARDER: list[tuple[Article, list[Event]]] = [
    (_article("orbital-2013", "en", "2013-12-14", "Keiretsu Motors buys Orbital Dynamics"),
     [_e("acquisition", acquirer="Keiretsu Motors", target="Orbital Dynamics")]),
    (_article("orbital-2021", "en", "2021-06-21", "Hanwa Heavy takes over Orbital Dynamics"),
     [_e("acquisition", acquirer="Hanwa Heavy", target="Orbital Dynamics", amount_usd=1.1e9)]),
    (_article("intel-gov", "en", "2025-08-23", "US government takes a stake in Intel"),
     [_e("investment", company="Intel", investors=["U.S. government"], amount_usd=8.9e9,
         stake_pct=9.9)]),
    (_article("lumen-founding", "en", "2019-04-02", "Lumen Labs founded"),
     [_e("talent_move", "2019", person="Fay Wu", to="Lumen Labs", role="co-founder"),
      _e("talent_move", "2019", person="Gus Lee", to="Lumen Labs", role="co-founder")]),
    (_article("lumen-ceo-2022", "en", "2022-01-10", "Lumen Labs names Ben Ortiz CEO"),
     [_e("talent_move", person="Ben Ortiz", to="Lumen Labs", role="CEO")]),
    (_article("lumen-ceo-2025", "en", "2025-06-01", "Lumen Labs promotes Ada Park to CEO"),
     [_e("talent_move", person="Ada Park", **{"from": "Lumen Labs"}, to="Lumen Labs",
         role="Chief Executive Officer")]),
    (_article("lumen-hires", "en", "2025-07-01", "Lumen Labs hires a CFO and a CPO"),
     [_e("talent_move", person="Cara Diaz", to="Lumen Labs", role="chief product officer"),
      _e("talent_move", person="Dev Rao", to="Lumen Labs", role="CFO"),
      _e("talent_move", person="Eli Stone", to="Lumen Labs")]),
    (_article("lumen-exits", "en", "2025-09-01", "Two leave Lumen Labs"),
     [_e("talent_move", person="Hal Kim", **{"from": "Lumen Labs"}),
      _e("talent_move", person="Ivy Chen", **{"from": "Lumen Labs"}, to="Anthropic")]),
    (_article("lumen-a", "en", "2021-03-01", "Lumen Labs raises $20 million"),
     [_e("investment", company="Lumen Labs", investors=["Alder Capital"], amount_usd=20e6,
         round="Series A")]),
    (_article("lumen-b", "en", "2023-05-01", "Lumen Labs raises $60 million"),
     [_e("investment", company="Lumen Labs", investors=["Birch Ventures"], amount_usd=60e6,
         round="Series B")]),
    (_article("lumen-2", "en", "2024-06-10", "Lumen Labs ships Lumen-2"),
     [_e("product_launch", "2024", company="Lumen Labs", product="Lumen-2")]),
    (_article("lumen-3", "en", "2025-10-01", "Lumen Labs launches Lumen-3"),
     [_e("product_launch", "2025-09-30", company="Lumen Labs", product="Lumen-3")]),
    (_article("kaito", "en", "2022-11-11", "Eight companies back Kaito Semiconductor"),
     [_e("investment", company="Kaito Semiconductor", amount_usd=73e6,
         investors=["Alder Capital", "Birch Ventures", "Cedar Partners", "Dogwood Fund",
                    "Elm Street Capital", "Fir Holdings", "Ginkgo Growth", "Hazel Equity"])]),
    (_article("kaito-figures", "en", "2025-06-20", "Kaito Semiconductor's numbers"),
     [_e("financial", company="Kaito Semiconductor", metric="funding_total", value_usd=500e6),
      _e("financial", company="Kaito Semiconductor", metric="arr", value_usd=40e6,
         period="2025-06")]),
    (_article("vega-2024", "en", "2024-12-20", "Vega AI valued at $50 billion"),
     [_e("financial", company="Vega AI", metric="valuation", value_usd=50e9, period="2024-12")]),
    (_article("vega-pulse", "en", "2025-03-28", "Vega AI absorbs Pulse Social"),
     [_e("acquisition", acquirer="Vega AI", target="Pulse Social", amount_usd=33e9),
      _e("financial", company="Vega AI", metric="valuation", value_usd=80e9, period="2025-03")]),
    (_article("vega-2025", "en", "2025-09-15", "Vega AI valued at $200 billion"),
     [_e("financial", company="Vega AI", metric="valuation", value_usd=200e9, period="2025-09")]),
]


class HarderExtractor:
    name = "fixture"

    def extract(self, article: Article) -> Extraction:
        return next((Extraction(list(events)) for fixture, events in HARDER
                     if fixture.url == article.url), Extraction([]))  # fmt: skip


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def harder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Answerer]:  # fmt: skip
    """An answerer over the harder fixtures, on each database."""
    if request.param == "postgresql":
        require_postgres()
        schema = f"h_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in PG_URL else "?"
        engine = make_engine(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    else:
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('harder') / 'kb.db'}")
    upgrade(engine)
    ingestor = Ingestor(engine, Registry.default(), HarderExtractor(), clock=lambda: NOW)
    for article, _events in HARDER:
        ingestor.ingest(article)
    yield Answerer(engine, Registry.default(), clock=lambda: NOW)
    engine.dispose()
    if request.param == "postgresql":
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


HARDER_ANSWERS = [
    # (question, the answer starts with, its first lines say, its first line never says)
    ("Which companies have owned Orbital Dynamics?", "Keiretsu Motors and Hanwa Heavy", [], []),
    ("Orbital Dynamicsを傘下に収めたことのある企業をすべて挙げて", "Keiretsu Motors、Hanwa Heavy",
     [], []),
    ("Who bought Orbital Dynamics?", "Keiretsu Motors and Hanwa Heavy", [], []),
    ("How big is the U.S. government's stake in Intel?", "9.9%", [], []),
    ("米政府のインテルへの出資比率は？", "9.9%", [], []),
    ("Who is the CEO of Lumen Labs?", "Ada Park.", [], ["Ortiz", "Stone"]),
    ("Lumen LabsのCEOを務めるのは誰？", "Ada Park。", [], ["Ortiz"]),
    ("Which two executives did Lumen Labs bring in as CFO and chief product officer?",
     "", ["Cara Diaz", "Dev Rao"], ["Stone", "Park"]),
    ("Who are the founders of Lumen Labs?", "", ["Fay Wu", "Gus Lee"], ["Park"]),
    ("Lumen Labsの創業者は？", "", ["Fay Wu", "Gus Lee"], []),
    ("Who left Lumen Labs without naming a new employer?", "Hal Kim.", [], ["Ivy Chen"]),
    ("移籍先を明かさずにLumen Labsを退社したのは誰？", "Hal Kim。", [], ["Ivy Chen"]),
    ("Which eight companies invested in Kaito Semiconductor?", "Alder Capital, Birch Ventures",
     ["Hazel Equity", "(8 in all)"], []),
    ("Who led Kaito Semiconductor's round?", "Alder Capital.", [], ["Birch"]),
    ("What is Kaito Semiconductor's total funding?", "$500M", [], []),
    ("Kaito Semiconductorがこれまでに調達した資金の総額は？", "5億ドル", [], []),
    ("How much has Lumen Labs raised in total?", "$80M in total", ["2 rounds"], []),
    ("What is Kaito Semiconductor's annualized revenue?", "$40M", [], []),
    ("Kaito Semiconductorの年換算売上高は？", "4000万ドル", [], []),
    ("At what valuation was Vega AI put when it absorbed Pulse Social?", "$80B", [], []),
    ("What did Lumen Labs launch in October 2025?", "Lumen-3.", [], ["Nothing is recorded"]),
    ("What did Lumen Labs launch in the last quarter of 2025?", "Lumen-3.", [], []),
    ("What did Lumen Labs launch in June 2024?", "Lumen-2.", [], []),
    ("What did Lumen Labs launch in August 2025?", "Lumen-3.",
     ["Nothing is recorded for August 2025"], []),
    ("Lumen Labsが2025年10〜12月に発表した製品は？", "Lumen-3", [], []),
    ("Who left Lumen Labs in the third quarter of 2025?", "", ["Hal Kim", "Ivy Chen"], []),
    ("What is the most recent model Lumen Labs launched?", "Lumen-3.", [], ["Lumen-2"]),
]


@pytest.mark.parametrize(("question", "start", "says", "never"), HARDER_ANSWERS,
                         ids=[q for q, *_ in HARDER_ANSWERS])  # fmt: skip
def test_harder_questions(harder: Answerer, question: str, start: str, says: list[str],
                          never: list[str]) -> None:  # fmt: skip
    answer = harder.ask(question)
    head = answer.text.split("\nSources:")[0].split("\n出典:")[0]
    assert answer.text.startswith(start), answer.text
    for part in says:
        assert part in head, answer.text
    for part in never:
        assert part not in head.splitlines()[0], answer.text


@pytest.mark.parametrize(
    "question",
    ["How much did Nimbus Robotics raise in the SoftBank-led round?",
     "What did the U.S. startup Nimbus Robotics raise?",
     "モビリティAI基盤に投じるNimbus Roboticsの調達額は？",
     "Who did Nova Labs bring in as CEO of Applications?"],
)
def test_words_that_are_no_names_raise_no_alarm(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert "not a name I know" not in answer.text and "知識ベースにない名前" not in answer.text


def test_an_unknown_name_with_a_known_one_answers_what_is_known(answerer: Answerer) -> None:
    answer = answerer.ask("Did Quuxly invest in Nimbus Robotics?")
    first, second, *_ = answer.text.splitlines()
    assert "Quuxly" in first and "not a name I know" in first
    assert second == "What I found about Nimbus Robotics:" and "Sequoia" in answer.text


def test_the_command_line_answerer_is_wired_like_the_application(tmp_path: Path) -> None:
    """``newsbot ask`` builds its answerer without ``newsbot.app`` (it starts faster): the same
    registry, configured entities included, and the same settings."""
    from newsbot.answers import answerer_for, answerer_from
    from newsbot.app import App
    from newsbot.config import load_settings

    url = f"sqlite:///{tmp_path / 'kb.db'}"
    entities = [{"name": "Zorblax Dynamics", "kind": "company", "aliases": ["ゾルブラックス"]}]
    settings = load_settings(None, database_url=url, ask={"max_sources": 3},
                             extraction={"entities": entities})  # fmt: skip
    app = App(settings)
    wired, light = answerer_for(app), answerer_from(settings)
    for name in ("ゾルブラックス", "OpenAI", "ソフトバンクG"):
        assert wired.registry.lookup(name) == light.registry.lookup(name)
    assert len(wired.registry) == len(light.registry)
    assert light.max_sources == 3 and light.rephrase is None
    assert answerer_from(load_settings(None, database_url=url)).registry is Registry.default()
    light.engine.dispose()
    app.close()


# ---------------------------------------------------------------- the read API


def test_find_entity_by_alias_registry_and_typo(kb: Engine) -> None:
    registry = Registry.default()
    with Session(kb) as session:
        nova = find_entity(session, registry, "ノヴァラボ")
        assert nova is not None and nova.name == "Nova Labs" and nova.kind == "company"
        assert find_entity(session, registry, "nimbus robotics").name == "Nimbus Robotics"  # type: ignore[union-attr]
        assert find_entity(session, registry, "Nimbus Robotcs").name == "Nimbus Robotics"  # type: ignore[union-attr]
        assert find_entity(session, registry, "マイクロソフト").name == "Microsoft"  # type: ignore[union-attr]
        assert find_entity(session, registry, "Zorblax") is None
        assert find_entity(session, registry, "") is None


def test_suggest_entities_prefers_the_best_known(kb: Engine) -> None:
    with Session(kb) as session:
        assert suggest_entities(session, "nim")[0] == "Nimbus Robotics"
        assert "Nova Labs" in suggest_entities(session, "ノヴァ")
        assert "Quill Data" in suggest_entities(session, "data")
        assert len(suggest_entities(session, "", limit=3)) == 3
        assert suggest_entities(session, "%_") == []


def test_find_events_by_role_type_and_date(kb: Engine) -> None:
    registry = Registry.default()
    with Session(kb) as session:
        nimbus = find_entity(session, registry, "Nimbus Robotics")
        assert nimbus is not None
        every = find_events(session, entity_ids=[nimbus.id])
        dates = [e["date"] for e in every]
        assert dates == sorted(dates, reverse=True) and len(every) == 6
        left = find_events(session, entity_ids=[nimbus.id], roles=["from"])
        assert {e["person"] for e in left} == {"Dana Whitfield", "Rahul Menon"}
        money = find_events(session, entity_ids=[nimbus.id], types=["investment", "financial"],
                            since=date(2025, 9, 1))  # fmt: skip
        assert [e["type"] for e in money] == ["financial", "financial"]
        assert find_events(session, entity_ids=[nimbus.id], until=date(2025, 3, 31),
                           limit=5)[0]["type"] == "investment"  # fmt: skip
        assert find_events(session, entity_ids=[nimbus.id], roles={nimbus.id: ["target"]}) == []
        record = every[0]
        assert {"id", "type", "date", "evidence"} <= set(record)
        assert record["evidence"][0]["title"]


def test_every_query_strategy_gives_the_same_events(
    kb: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big names (newest links first), narrow windows (dates drive) and the plain join agree."""
    import newsbot.queries as queries

    with Session(kb) as session:
        nimbus = find_entity(session, Registry.default(), "Nimbus Robotics")
        assert nimbus is not None

        def ids(**kw: object) -> list[int]:
            return [e["id"] for e in find_events(session, entity_ids=[nimbus.id], **kw)]  # type: ignore[arg-type]

        plain = ids()
        window = ids(since=date(2025, 7, 1), types=["talent_move", "customer"])
        pair = [e["id"] for e in find_events(session, where=[([nimbus.id], ["vendor"]),
                                                             ([nimbus.id], None)])]  # fmt: skip
        monkeypatch.setattr(queries, "POPULAR", 1)
        monkeypatch.setattr(queries, "RECENT_WINDOWS", (1, 2))
        assert ids(limit=2) == plain[:2]
        assert ids() == plain
        assert ids(since=date(2025, 7, 1), types=["talent_move", "customer"]) == window
        assert len(window) == 3
        monkeypatch.setattr(queries, "POPULAR", 0)  # no window is "narrow" now
        assert ids(since=date(2025, 7, 1), types=["talent_move", "customer"]) == window
        assert [e["id"] for e in find_events(session, where=[([nimbus.id], ["vendor"]),
                                                             ([nimbus.id], None)])] == pair


def test_profiles(kb: Engine) -> None:
    registry = Registry.default()
    with Session(kb) as session:
        nimbus = find_entity(session, registry, "Nimbus Robotics")
        dana = find_entity(session, registry, "Dana Whitfield")
        assert nimbus is not None and dana is not None
        profile = company_profile(session, nimbus.id)
        assert profile is not None
        assert {e["person"] for e in profile.people_out} == {"Dana Whitfield", "Rahul Menon"}
        assert [e["metric"] for e in profile.figures] == ["arr", "revenue"]
        assert {e["type"] for e in profile.deals} == {"investment", "customer"}
        assert profile.counts["talent_move"] == 2
        person = person_profile(session, dana.id)
        assert person is not None and person.moves[0]["to"] == "Anthropic"
        assert company_profile(session, 10**9) is None


# ---------------------------------------------------------------- the project's sample site

DEMO = Path(__file__).resolve().parents[1] / "newsbot" / "demo" / "site"
DEMO_FLOOR = 0.7


@pytest.mark.skipif(not (DEMO / "questions.jsonl").is_file(), reason="no demo site questions")
def test_the_demo_site_questions(tmp_path: Path) -> None:
    """End to end on the sample site: its pages through the rules extractor, then its
    questions; the floor leaves room for what the extractor does not find yet."""
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade(engine)
    registry = Registry.default()
    ingestor = Ingestor(engine, registry, RulesExtractor(registry))
    for page in sorted(DEMO.glob("sites/*/articles/*.html")):
        ingestor.ingest(read_file_article(page))
    answerer = Answerer(engine, registry, clock=lambda: datetime(2026, 2, 1, tzinfo=UTC))
    questions = [json.loads(line) for line in (DEMO / "questions.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    failed = []
    for qa in questions:
        text = folded(answerer.ask(qa["q"]).text)
        if not all(any(folded(alt) in text for alt in group) for group in qa["expect"]):
            failed.append(qa["q"])
    engine.dispose()
    assert len(failed) <= (1 - DEMO_FLOOR) * len(questions), failed


# ---------------------------------------------------------------- the command line


def test_ask_command_prints_text_and_json(kb: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", kb.url.render_as_string(hide_password=False))
    runner = CliRunner()
    text = runner.invoke(cli_app, ["ask", "Who acquired Quill Data?"])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Microsoft.")
    result = runner.invoke(cli_app, ["ask", "--json", "Quill Dataは何人削減した?"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"answer", "events", "sources"}
    assert data["answer"].startswith("300人")
    assert data["events"][0]["type"] == "layoff" and data["events"][0]["count"] == 300
    assert set(data["sources"][0]) == {"title", "site", "url", "published"}
