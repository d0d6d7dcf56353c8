"""Scheduling: the digest at its local time across daylight saving changes, crawl jobs per
source with jitter, misfires, and the one-scheduler-per-knowledge-base lock."""

from __future__ import annotations

import asyncio
import itertools
import random
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import Engine

from newsbot.config import DigestSettings, SourceConfig
from newsbot.jobs import (
    DIGEST_GRACE,
    ServiceLock,
    ServiceLockedError,
    add_crawl_jobs,
    add_digest_job,
    build_scheduler,
    crawl_trigger,
    digest_trigger,
    fire_times,
)

NEW_YORK = ZoneInfo("America/New_York")
NY_DIGEST = DigestSettings(time="08:00", timezone="America/New_York")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_digest_at_eight_new_york_time_across_the_march_change() -> None:
    # Clocks go forward at 02:00 on Sunday 9 March 2025: EST (UTC-5) becomes EDT (UTC-4).
    times = fire_times(digest_trigger(NY_DIGEST), utc(2025, 3, 7), 4)
    assert [t.astimezone(UTC) for t in times] == [
        utc(2025, 3, 7, 13), utc(2025, 3, 8, 13), utc(2025, 3, 9, 12), utc(2025, 3, 10, 12),
    ]  # fmt: skip
    assert {t.astimezone(NEW_YORK).time() for t in times} == {time(8, 0)}


def test_digest_at_eight_new_york_time_across_the_november_change() -> None:
    # Clocks go back at 02:00 on Sunday 2 November 2025: EDT becomes EST.
    times = fire_times(digest_trigger(NY_DIGEST), utc(2025, 11, 1), 3)
    assert [t.astimezone(UTC) for t in times] == [
        utc(2025, 11, 1, 12), utc(2025, 11, 2, 13), utc(2025, 11, 3, 13),
    ]  # fmt: skip


def test_digest_at_eight_tokyo_time() -> None:
    tokyo = DigestSettings(time="08:00", timezone="Asia/Tokyo")
    times = fire_times(digest_trigger(tokyo), utc(2025, 6, 12, 12), 2)
    assert [t.astimezone(UTC) for t in times] == [utc(2025, 6, 12, 23), utc(2025, 6, 13, 23)]


async def test_the_scheduler_fires_at_eight_on_the_day_the_clocks_change() -> None:
    fired: list[datetime] = []

    async def digest() -> None:
        fired.append(datetime.now(UTC))

    start = datetime(2025, 3, 9, 7, 59, 59, 500_000, tzinfo=NEW_YORK)
    with time_machine.travel(start, tick=True):
        scheduler = build_scheduler()
        add_digest_job(scheduler, NY_DIGEST, digest)
        scheduler.start()
        job = scheduler.get_job("digest")
        assert job.next_run_time == utc(2025, 3, 9, 12)
        await wait_for(lambda: fired)
        assert utc(2025, 3, 9, 12) <= fired[0] < utc(2025, 3, 9, 12, 0, 3)
        assert job.next_run_time == utc(2025, 3, 10, 12)  # 08:00 EDT the next day
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)


async def test_a_late_digest_run_is_still_made_once() -> None:
    """The loop was stalled past 08:00 for two hours: the run is made once, not dropped."""
    fired: list[datetime] = []

    async def digest() -> None:
        fired.append(datetime.now(UTC))

    with time_machine.travel(datetime(2025, 6, 12, 7, 59, 59, tzinfo=NEW_YORK), tick=True) as t:
        scheduler = build_scheduler()
        add_digest_job(scheduler, NY_DIGEST, digest)
        scheduler.start()
        t.shift(timedelta(hours=2))  # the wake-up comes at 10:00
        await wait_for(lambda: fired)
        await asyncio.sleep(0.3)
        assert len(fired) == 1
        assert scheduler.get_job("digest").next_run_time == utc(2025, 6, 13, 12)
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)


async def wait_for(predicate: Any, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


async def test_job_options() -> None:
    async def nothing(*args: Any) -> None:
        return None

    sources = [
        SourceConfig(name="a", kind="rss", url="http://a.example/feed", interval="30m"),  # type: ignore[arg-type]
        SourceConfig(name="b", kind="rss", url="http://b.example/feed", interval="2h"),  # type: ignore[arg-type]
        SourceConfig(name="c", kind="rss", url="http://c.example/feed", enabled=False),
    ]
    now = utc(2025, 6, 12, 10)
    scheduler = build_scheduler()
    add_crawl_jobs(scheduler, sources, nothing, now=now, rng=random.Random(1))
    add_digest_job(scheduler, NY_DIGEST, nothing)
    scheduler.start(paused=True)  # jobs get the scheduler's defaults when it starts
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert sorted(jobs) == ["crawl:a", "crawl:b", "digest"]
    for job in jobs.values():
        assert job.coalesce is True and job.max_instances == 1
    assert jobs["digest"].misfire_grace_time == DIGEST_GRACE.total_seconds() >= 3 * 3600
    assert now <= jobs["crawl:a"].next_run_time <= now + timedelta(seconds=5)
    assert jobs["crawl:a"].trigger.interval == timedelta(minutes=30)
    assert jobs["crawl:a"].trigger.jitter == 180  # a tenth of the interval
    assert jobs["crawl:b"].trigger.jitter == 300  # at most five minutes
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)


def test_crawl_fire_times_keep_the_interval_give_or_take_the_jitter() -> None:
    source = SourceConfig(name="a", kind="rss", url="http://a.example/feed", interval="1h")  # type: ignore[arg-type]
    times = fire_times(crawl_trigger(source), utc(2025, 6, 12), 5)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert all(3600 - 360 <= gap <= 3600 + 360 for gap in gaps)


# ------------------------------------------------------------------ the lock


def lock(engine: Engine, holder: str, now: datetime) -> ServiceLock:
    return ServiceLock(engine, holder=holder, clock=lambda: now)


def test_a_second_scheduler_is_refused(week: Engine) -> None:
    now = utc(2025, 6, 12, 10)
    first = lock(week, "host-a:1", now)
    first.acquire()
    with pytest.raises(
        ServiceLockedError, match=r"another newsbot service \(host-a:1\) is running"
    ):
        lock(week, "host-b:2", now + timedelta(seconds=30)).acquire()
    first.acquire()  # taking it again is harmless
    assert first.current() == ("host-a:1", now)


def test_the_lock_is_released_on_exit(week: Engine) -> None:
    now = utc(2025, 6, 12, 10)
    first = lock(week, "host-a:1", now)
    first.acquire()
    lock(week, "host-b:2", now).release()  # not the holder: nothing happens
    assert first.current() is not None
    first.release()
    assert first.current() is None
    lock(week, "host-b:2", now).acquire()


def test_a_stale_lock_is_taken_over(week: Engine) -> None:
    now = utc(2025, 6, 12, 10)
    killed = lock(week, "host-a:1", now)
    killed.acquire()
    assert lock(week, "host-a:1", now + timedelta(seconds=60)).heartbeat()
    later = now + timedelta(seconds=60) + killed.stale_after + timedelta(seconds=1)
    newcomer = lock(week, "host-b:2", later)
    newcomer.acquire()
    assert newcomer.current() == ("host-b:2", later)
    with pytest.raises(ServiceLockedError):  # a third one arriving now finds it fresh again
        lock(week, "host-c:3", later + timedelta(seconds=1)).acquire()
    assert not killed.heartbeat()  # the old holder learns it lost the lock
    killed.release()
    assert newcomer.current() == ("host-b:2", later)


def test_a_fresh_heartbeat_keeps_the_lock(week: Engine) -> None:
    now = utc(2025, 6, 12, 10)
    holder = lock(week, "host-a:1", now)
    holder.acquire()
    for minutes in range(1, 6):
        assert lock(week, "host-a:1", now + timedelta(minutes=minutes)).heartbeat()
    with pytest.raises(ServiceLockedError):
        lock(week, "host-b:2", now + timedelta(minutes=6)).acquire()
