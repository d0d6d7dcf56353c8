"""APScheduler wiring: a crawl job per source, the daily digest job, and the service lock.

The scheduler is an ``AsyncIOScheduler`` started inside the running loop (the Discord
bot's, from its setup_hook, or the service's own). Every job coalesces missed runs into
one and never runs twice at once. The digest job fires at the configured local time in the
configured zone (a ``CronTrigger`` with that zone, so 08:00 stays 08:00 across daylight
saving changes) with a misfire grace of hours: a run the loop could not start on time is
still made once. Jobs live in memory, so a digest whose time passed while the service was
down is caught up by the service when it starts (``DigestPoster.send_due`` with the same
grace), not by APScheduler.

One scheduler per knowledge base: ``ServiceLock`` is a row of ``service_lock`` holding the
holder's name and a heartbeat. A second service on the same database is refused while the
heartbeat is fresh; a lock whose heartbeat is older than ``stale_after`` (its holder was
killed) is taken over. Taking over is a compare-and-swap on (holder, heartbeat), so two
newcomers cannot both win.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.config import DigestSettings, SourceConfig
from newsbot.errors import NewsbotError
from newsbot.store.models import ServiceLock as LockRow
from newsbot.store.sql import insert_ignore

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]

LOCK_NAME = "scheduler"
HEARTBEAT = timedelta(seconds=30)
STALE_AFTER = timedelta(minutes=2)
DIGEST_GRACE = timedelta(hours=6)
MAX_JITTER = timedelta(minutes=5)
START_SPREAD = timedelta(seconds=5)


def utcnow() -> datetime:
    return datetime.now(UTC)


class ServiceLockedError(NewsbotError):
    """Another ``newsbot run`` holds this knowledge base's scheduler lock."""


def default_holder() -> str:
    """``host:pid:random``: who holds the lock, readable in ``service_lock``."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


class ServiceLock:
    """The single-scheduler lock of one knowledge base (see the module docstring)."""

    def __init__(
        self,
        engine: Engine,
        *,
        name: str = LOCK_NAME,
        holder: str | None = None,
        stale_after: timedelta = STALE_AFTER,
        clock: Clock = utcnow,
    ):
        self.engine = engine
        self.name = name
        self.holder = holder or default_holder()
        self.stale_after = stale_after
        self.clock = clock

    def acquire(self) -> None:
        """Take the lock, or take it over when stale; ServiceLockedError otherwise."""
        now = _utc(self.clock())
        with Session(self.engine) as session, session.begin():
            values = {"name": self.name, "holder": self.holder, "acquired_at": now,
                      "heartbeat_at": now}  # fmt: skip
            if insert_ignore(session, LockRow, values):
                log.info("lock_acquired name=%s holder=%s", self.name, self.holder)
                return
            row = session.get(LockRow, self.name)
            if row is None:  # released between our insert and our read: try again
                raise ServiceLockedError("the scheduler lock of this knowledge base changed "
                                         "hands while starting; try again")  # fmt: skip
            if row.holder == self.holder:
                return
            age = now - row.heartbeat_at
            if age <= self.stale_after:
                raise ServiceLockedError(
                    f"another newsbot service ({row.holder}) is running on this knowledge base "
                    f"(heartbeat {age.total_seconds():.0f} s ago); one scheduler per knowledge "
                    f"base — stop it first, or wait {self.stale_after.total_seconds():.0f} s "
                    "if it was killed"
                )
            self._take_over(session, row, now, age)

    def _take_over(self, session: Session, row: LockRow, now: datetime, age: timedelta) -> None:
        taken = session.execute(
            update(LockRow)
            .where(col(LockRow.name) == self.name, col(LockRow.holder) == row.holder,
                   col(LockRow.heartbeat_at) == row.heartbeat_at)
            .values(holder=self.holder, acquired_at=now, heartbeat_at=now)
        ).rowcount  # type: ignore[attr-defined]  # fmt: skip
        if taken != 1:
            raise ServiceLockedError("another newsbot service took the stale scheduler lock first")
        log.warning("lock_taken_over name=%s holder=%s previous=%s stale_seconds=%.0f",
                    self.name, self.holder, row.holder, age.total_seconds())  # fmt: skip

    def heartbeat(self) -> bool:
        """Refresh the heartbeat; False when the lock is no longer ours."""
        with Session(self.engine) as session, session.begin():
            result = session.execute(
                update(LockRow)
                .where(col(LockRow.name) == self.name, col(LockRow.holder) == self.holder)
                .values(heartbeat_at=_utc(self.clock()))
            )
            held: bool = result.rowcount == 1  # type: ignore[attr-defined]
        if not held:
            log.error("lock_lost name=%s holder=%s", self.name, self.holder)
        return held

    def release(self) -> None:
        """Give the lock up (only if it is still ours)."""
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(LockRow).where(
                    col(LockRow.name) == self.name, col(LockRow.holder) == self.holder
                )
            )
        log.info("lock_released name=%s holder=%s", self.name, self.holder)

    def current(self) -> tuple[str, datetime] | None:
        """(holder, heartbeat) of the lock as stored, or None when free."""
        with Session(self.engine) as session:
            row = session.execute(
                select(col(LockRow.holder), col(LockRow.heartbeat_at)).where(
                    col(LockRow.name) == self.name
                )
            ).first()
        return None if row is None else (row[0], row[1])


# ------------------------------------------------------------------ triggers and jobs


def digest_trigger(settings: DigestSettings) -> CronTrigger:
    """Every day at the configured local time, in the configured zone."""
    hour, minute = map(int, settings.time.split(":"))
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(settings.timezone))


def crawl_trigger(source: SourceConfig) -> IntervalTrigger:
    """Every ``source.interval``, give or take a tenth of it (at most five minutes)."""
    seconds = max(1.0, source.interval.total_seconds())
    jitter = min(seconds / 10, MAX_JITTER.total_seconds())
    return IntervalTrigger(seconds=seconds, jitter=int(jitter) or None, timezone=UTC)


def build_scheduler() -> AsyncIOScheduler:
    """A scheduler whose jobs coalesce and never overlap; it runs on the current loop."""
    return AsyncIOScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
    )


def add_crawl_jobs(
    scheduler: AsyncIOScheduler,
    sources: list[SourceConfig],
    crawl: Callable[[SourceConfig], Awaitable[Any]],
    *,
    now: datetime,
    rng: random.Random | None = None,
) -> None:
    """One job per enabled source; the first runs are spread over the first seconds."""
    rng = rng or random.Random()
    for source in sources:
        if not source.enabled:
            continue
        interval = source.interval.total_seconds()
        scheduler.add_job(
            crawl, crawl_trigger(source), args=[source], id=f"crawl:{source.name}",
            name=f"crawl {source.name}", replace_existing=True,
            misfire_grace_time=max(1, int(interval / 2)),
            next_run_time=now + START_SPREAD * rng.random(),
        )  # fmt: skip


def add_digest_job(
    scheduler: AsyncIOScheduler, settings: DigestSettings, digest: Callable[[], Awaitable[Any]]
) -> None:
    """The daily digest at the configured local time; a late start is still run once."""
    scheduler.add_job(
        digest, digest_trigger(settings), id="digest", name="daily digest",
        replace_existing=True, misfire_grace_time=int(DIGEST_GRACE.total_seconds()),
    )  # fmt: skip


def add_heartbeat_job(
    scheduler: AsyncIOScheduler, beat: Callable[[], Awaitable[Any]], every: timedelta = HEARTBEAT
) -> None:
    scheduler.add_job(
        beat, IntervalTrigger(seconds=every.total_seconds(), timezone=UTC), id="lock-heartbeat",
        name="lock heartbeat", replace_existing=True, misfire_grace_time=None,
    )  # fmt: skip


def fire_times(trigger: Any, start: datetime, count: int) -> list[datetime]:
    """The next ``count`` fire times of ``trigger`` after ``start`` (for checks and tests)."""
    times: list[datetime] = []
    previous = None
    now = start
    for _ in range(count):
        nxt = trigger.get_next_fire_time(previous, now)
        if nxt is None:
            break
        times.append(nxt)
        previous, now = nxt, nxt + timedelta(microseconds=1)
    return times
