"""Digests from a real knowledge base (SQLite and PostgreSQL): the day's events in the
digest's zone, the chart, once-only posting across crashes, and watchlist alerts."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.config import DigestSettings
from newsbot.digests import (
    AlertSender,
    DigestPoster,
    chart_png,
    day_window,
    due_day,
    load_digest,
    popularity,
    week_data,
)
from newsbot.store.models import AlertSent, Entity, Subscription
from newsbot.store.models import Digest as DigestRow
from tests.service.kb import REGISTRY, add_article, at, move
from tests.service.posters import PostOnly, Refused, WithHistory

DAY = date(2025, 6, 12)
CHANNEL = 111
UTC_DIGEST = DigestSettings(channels=[CHANNEL], timezone="UTC", time="08:00", chart=False)
TOKYO_DIGEST = DigestSettings(channels=[CHANNEL], timezone="Asia/Tokyo", time="08:00")
WITH_CHART = UTC_DIGEST.model_copy(update={"chart": True})
QUIET_DAY = date(2025, 1, 1)


def clock(text: str) -> Any:
    moment = at(text)
    return lambda: moment


def rows(engine: Engine) -> list[DigestRow]:
    with Session(engine) as session:
        return list(session.execute(select(DigestRow).order_by(col(DigestRow.id))).scalars())


# ------------------------------------------------------------------ loading


def test_the_day_is_local_to_the_digest_zone(week: Engine) -> None:
    utc = load_digest(week, DAY, UTC_DIGEST, registry=REGISTRY)
    tokyo = load_digest(week, DAY, TOKYO_DIGEST, registry=REGISTRY)
    assert utc.total == 5  # 09:00, 12:00, 13:00 and 23:30 UTC on the 12th
    assert tokyo.total == 4  # 23:30 UTC is 08:30 on the 13th in Tokyo
    assert "AMD acquires Silo AI for $665M" not in [i.headline for i in tokyo.items]
    assert load_digest(week, date(2025, 6, 13), TOKYO_DIGEST).total == 1
    assert load_digest(week, date(2025, 6, 11), TOKYO_DIGEST).total == 2  # 15:00 UTC on the 10th
    start, end = day_window(DAY, ZoneInfo("Asia/Tokyo"))
    assert (start, end) == (at("2025-06-11 15:00"), at("2025-06-12 15:00"))


def test_the_digest_ranks_and_cites_every_source(week: Engine) -> None:
    digest = load_digest(week, DAY, UTC_DIGEST, registry=REGISTRY)
    top = digest.sections["deals"][0]
    assert top.headline == "Scale AI raises $14.3B from Meta"
    assert [s.site for s in top.sources] == ["The Fixture Times", "Frontier"]
    assert [i.headline for i in digest.sections["people"]] == [
        "Alexandr Wang moves from Scale AI to Meta as chief AI officer"
    ]
    assert digest.sections["deals"][-1].headline == "Tiny Robotics raises $5M from Acme Ventures"
    assert digest.articles == 5


def test_popularity_counts_articles_and_registry(week: Engine) -> None:
    with Session(week) as session:
        fame = popularity(session, ["Meta", "Tiny Robotics"], REGISTRY)
    assert fame["Tiny Robotics"] == 1  # one article; not a registry name
    assert fame["Meta"] >= 3 + 5  # three articles, and a well-known name


def test_japanese_digest_from_settings(week: Engine) -> None:
    settings = UTC_DIGEST.model_copy(update={"language": "ja"})
    digest = load_digest(week, DAY, settings)
    assert digest.lang == "ja"
    assert digest.sections["deals"][0].headline == "Scale AIが143億ドルを調達（出資: Meta）"


def test_the_week_chart(week: Engine) -> None:
    data = week_data(week, DAY, UTC_DIGEST)
    assert data.days[0] == date(2025, 6, 6) and data.days[-1] == DAY
    assert data.counts[-1] == 3 and data.counts[-3] == 1  # the 12th, and the 10th
    assert data.volume["acquisition"][-3] == 32e9
    assert ("Scale AI", "Meta", 1) in data.flows and ("Apple", "Meta", 1) in data.flows
    png = chart_png(week, DAY, UTC_DIGEST)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    assert chart_png(week, date(2025, 1, 1), UTC_DIGEST) is None


def test_due_day_follows_the_digest_time() -> None:
    assert due_day(at("2025-06-13 08:00"), UTC_DIGEST) == DAY
    assert due_day(at("2025-06-13 07:59"), UTC_DIGEST) == DAY - timedelta(days=1)
    assert due_day(at("2025-06-12 23:00"), TOKYO_DIGEST) == DAY  # 08:00 on the 13th in Tokyo
    assert due_day(at("2025-06-12 22:59"), TOKYO_DIGEST) == DAY - timedelta(days=1)


# ------------------------------------------------------------------ posting once


def poster_for(engine: Engine, poster: Any, now: str = "2025-06-13 09:00",
               settings: DigestSettings = UTC_DIGEST) -> DigestPoster:  # fmt: skip
    return DigestPoster(engine, settings, poster, registry=REGISTRY, clock=clock(now))


async def test_posted_once_with_its_chart(week: Engine) -> None:
    poster = WithHistory()
    outcomes = await poster_for(week, poster, settings=WITH_CHART).send_due()
    assert [(o.day, o.channel, o.status) for o in outcomes] == [(DAY, CHANNEL, "posted")]
    [message] = poster.posted(CHANNEL)
    assert "AI industry digest — 2025-06-12" in message["content"]
    assert [name for name, _ in message["files"]] == ["newsbot-digest-2025-06-12.png"]
    assert message["files"][0][1].startswith(b"\x89PNG")
    assert message["embeds"][-1]["image"]["url"] == "attachment://newsbot-digest-2025-06-12.png"
    [row] = rows(week)
    assert row.status == "posted" and json.loads(row.message_ids) == [int(message["id"])]
    again = await poster_for(week, poster, "2025-06-13 10:00").send_due()  # a restart
    assert [o.status for o in again] == ["already"]
    assert len(poster.posted(CHANNEL)) == 1


class Crash(BaseException):
    """The process dying between two statements."""


class CrashBeforeRecording(DigestPoster):
    def _mark_posted(self, row: DigestRow, ids: Any) -> None:
        raise Crash


async def test_a_crash_after_posting_is_recognised_on_restart(week: Engine) -> None:
    poster = WithHistory()
    with pytest.raises(Crash):
        await CrashBeforeRecording(
            week, UTC_DIGEST, poster, clock=clock("2025-06-13 08:00")
        ).send_due()
    assert len(poster.posted(CHANNEL)) == 1 and rows(week)[0].status == "posting"
    outcomes = await poster_for(week, poster, "2025-06-13 08:05").send_due()
    assert [o.status for o in outcomes] == ["recovered", "already"]
    assert len(poster.posted(CHANNEL)) == 1
    [row] = rows(week)
    assert row.status == "posted"
    assert json.loads(row.message_ids) == [int(poster.posted(CHANNEL)[0]["id"])]


async def test_a_lost_answer_is_not_posted_twice(week: Engine) -> None:
    poster = WithHistory()
    poster.fail_after_post = [ConnectionResetError("reset by peer")]
    first = await poster_for(week, poster).send_day(DAY)
    assert [o.status for o in first] == ["failed"]
    second = await poster_for(week, poster).send_day(DAY)
    assert [o.status for o in second] == ["recovered"]
    assert len(poster.posted(CHANNEL)) == 1


async def test_a_post_that_never_left_is_sent_after_restart(week: Engine) -> None:
    poster = WithHistory()
    poster.fail = [TimeoutError("no answer")]  # ambiguous: it may or may not have arrived
    assert [o.status for o in await poster_for(week, poster).send_day(DAY)] == ["failed"]
    assert rows(week)[0].status == "posting" and poster.posted(CHANNEL) == []
    outcomes = await poster_for(week, poster).send_day(DAY)
    assert [o.status for o in outcomes] == ["posted"]
    [message] = poster.posted(CHANNEL)
    assert f"ref {rows(week)[0].id}-" in message["content"]  # the same claim, the same ref


async def test_without_history_an_interrupted_post_is_not_repeated(week: Engine) -> None:
    poster = PostOnly()
    poster.fail_after_post = [ConnectionResetError()]
    await poster_for(week, poster).send_day(DAY)
    outcomes = await poster_for(week, poster).send_due()
    assert [o.status for o in outcomes] == ["unconfirmed", "unconfirmed"]
    assert len(poster.posted(CHANNEL)) == 1 and rows(week)[0].status == "posting"


async def test_a_refused_post_releases_its_claim(week: Engine) -> None:
    poster = WithHistory()
    poster.fail = [Refused(403)]
    assert [o.status for o in await poster_for(week, poster).send_day(DAY)] == ["failed"]
    assert rows(week) == []
    assert [o.status for o in await poster_for(week, poster).send_day(DAY)] == ["posted"]


async def test_quiet_days(week: Engine) -> None:
    poster = WithHistory()
    skip = WITH_CHART.model_copy(update={"quiet_day": "skip"})
    outcomes = await poster_for(week, poster, settings=skip).send_day(QUIET_DAY)
    assert [o.status for o in outcomes] == ["silent"]
    assert poster.posted(CHANNEL) == [] and rows(week) == []
    await poster_for(week, poster, settings=WITH_CHART).send_day(QUIET_DAY)
    [message] = poster.posted(CHANNEL)
    assert "A quiet day" in message["content"] and message["files"] == []


async def test_a_missed_digest_is_caught_up_within_the_grace(week: Engine) -> None:
    poster = WithHistory()
    late = poster_for(week, poster, "2025-06-13 20:00")
    assert await late.send_due(grace=timedelta(hours=6)) == []
    assert poster.posted(CHANNEL) == []
    caught = await poster_for(week, poster, "2025-06-13 13:00").send_due(grace=timedelta(hours=6))
    assert [o.status for o in caught] == ["posted"]


async def test_subscribed_channels_get_the_digest(week: Engine) -> None:
    subscribe(week, 222, "digest")
    poster = WithHistory()
    outcomes = await poster_for(week, poster).send_day(DAY)
    assert sorted((o.channel, o.status) for o in outcomes) == [(111, "posted"), (222, "posted")]


def subscribe(engine: Engine, channel: int, kind: str, name: str = "") -> None:
    with Session(engine) as session, session.begin():
        entity_id = None
        if name:
            entity_id = session.execute(
                select(col(Entity.id)).where(col(Entity.name) == name)
            ).scalar_one()
        session.add(Subscription(channel=str(channel), kind=kind, filter=name,
                                 entity_id=entity_id, created_at=datetime.now(UTC)))  # fmt: skip


# ------------------------------------------------------------------ alerts


async def test_watchlist_alerts_once_per_event_and_channel(week: Engine) -> None:
    subscribe(week, 333, "watch", "Meta")
    subscribe(week, 444, "watch", "OpenAI")
    poster = PostOnly()
    alerts = AlertSender(week, poster, clock=clock("2025-06-20 10:00"))
    new = add_article(week, "https://ledger.example/meta-hire",
                      [move("Shengjia Zhao", "OpenAI", "Meta", "chief scientist")],
                      seen=at("2025-06-20 09:00"), published=at("2025-06-20 08:00"))  # fmt: skip
    assert await alerts.send(new) == 2
    assert await alerts.send(new) == 0  # once per (event, channel)
    [to_meta] = poster.posted(333)
    assert to_meta["content"] == "Watchlist: Meta"
    assert to_meta["embeds"][0]["title"] == (
        "Shengjia Zhao moves from OpenAI to Meta as chief scientist"
    )
    assert len(poster.posted(444)) == 1
    with Session(week) as session:
        assert len(session.execute(select(AlertSent)).all()) == 2


async def test_old_news_raises_no_alert(week: Engine) -> None:
    subscribe(week, 333, "watch", "Meta")
    poster = PostOnly()
    alerts = AlertSender(week, poster, clock=clock("2025-09-01 10:00"))
    old = add_article(week, "https://ledger.example/old-meta",
                      [move("Jane Roe", "Google", "Meta")], seen=at("2025-09-01 09:00"),
                      published=at("2024-01-05 08:00"))  # fmt: skip
    assert await alerts.send(old) == 0 and poster.posted(333) == []


async def test_alerts_from_the_ingestor_callback(week: Engine) -> None:
    import asyncio

    subscribe(week, 333, "watch", "Meta")
    poster = PostOnly()
    alerts = AlertSender(week, poster, clock=clock("2025-06-20 10:00"))
    task = asyncio.create_task(alerts.run())
    await asyncio.sleep(0)
    await asyncio.to_thread(  # as a crawl stores articles: in a worker thread
        add_article, week, "https://ledger.example/thread", [move("A B", None, "Meta")],
        seen=at("2025-06-20 09:00"), on_new_events=alerts.notify,
    )  # fmt: skip
    assert await alerts.drain() == 1
    task.cancel()
    assert len(poster.posted(333)) == 1
