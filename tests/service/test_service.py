"""The service in process: its scheduler's jobs, stopping, a lost lock, its log lines, and
what the demo adds after its crawl (today's digest, the chart, example answers)."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text, update
from sqlmodel import col

from newsbot.app import App
from newsbot.config import Settings
from newsbot.demo.run import demo_answers, demo_digest
from newsbot.jobs import ServiceLockedError
from newsbot.service import LogfmtFormatter, Service
from newsbot.store.models import ServiceLock as LockRow


@pytest.fixture
def app(week_kb: Engine, week: Engine) -> Any:
    url = week_kb.url.render_as_string(hide_password=False)
    application = App(Settings(database_url=url))
    yield application
    application.close()


async def wait_for(predicate: Any, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_the_service_schedules_its_jobs_and_stops(app: App) -> None:
    service = Service(app, token="")
    task = asyncio.create_task(service.run(handle_signals=False))
    await wait_for(lambda: service.scheduler is not None and service.scheduler.running)
    assert service.scheduler is not None
    ids = sorted(job.id for job in service.scheduler.get_jobs())
    assert "digest" in ids and "lock-heartbeat" in ids
    assert service.lock.current() is not None
    service.stop()
    await asyncio.wait_for(task, 5)
    assert service.lock.current() is None
    assert not service.scheduler.running


async def test_a_second_service_is_refused_in_process(app: App) -> None:
    first = Service(app, token="")
    task = asyncio.create_task(first.run(handle_signals=False))
    await wait_for(lambda: first.lock.current() is not None)
    with pytest.raises(ServiceLockedError):
        await Service(app, token="").run(once=True, handle_signals=False)
    first.stop()
    await asyncio.wait_for(task, 5)


async def test_a_service_that_lost_its_lock_stops(app: App) -> None:
    service = Service(app, token="")
    task = asyncio.create_task(service.run(handle_signals=False))
    await wait_for(lambda: service.scheduler is not None)
    with app.engine.begin() as conn:  # another process took the lock over
        conn.execute(update(LockRow).where(col(LockRow.name) == "scheduler").values(holder="x"))
    await service.heartbeat()
    await asyncio.wait_for(task, 5)
    with app.engine.connect() as conn:
        assert conn.execute(text("SELECT holder FROM service_lock")).scalar_one() == "x"


async def test_run_once_without_sources_or_token(app: App) -> None:
    report = await Service(app, token="").run(once=True, handle_signals=False)
    assert report.crawled == [] and report.digests == [] and report.posted is False


def test_log_lines_are_one_line_each() -> None:
    formatter = LogfmtFormatter()
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        record = logging.LogRecord("newsbot.x", logging.ERROR, __file__, 1,
                                   "digest_failed day=%s error=%r", ("2025-06-12", "a\nb"),
                                   sys.exc_info())  # fmt: skip
    line = formatter.format(record)
    assert "\n" not in line
    assert " ERROR newsbot.x digest_failed day=2025-06-12 error='a\\nb' exc=" in line
    assert "ValueError: bad" in line and "test_service.py:" in line
    assert line[:4].isdigit() and line[23] == "Z"


def test_the_demo_digest_chart_and_answers(demo_kb: str, tmp_path: Path) -> None:
    demo = App(Settings(database_url=demo_kb))
    try:
        markdown, chart = demo_digest(demo, tmp_path / "newsbot-digest.png")
        answers = demo_answers(demo)
    finally:
        demo.close()
    assert markdown.startswith("# AI industry digest — ")
    assert "## Deals" in markdown and "## People" in markdown
    assert chart is not None and chart.read_bytes().startswith(b"\x89PNG")
    assert [len(a) > 0 for _q, a in answers] == [True] * 4
    assert sum(any("\u3040" <= c <= "\u9fff" for c in q) for q, _a in answers) == 2
