"""The digest posted to a Discord channel through ../shared/discord_emulator by the real bot
(DiscordPoster): once per (day, channel) across service restarts, a crash between posting
and recording, an injected 429 and gateway disconnects; the chart attached as a PNG."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.app import App
from newsbot.config import DigestSettings, Settings
from newsbot.digests import DigestPoster
from newsbot.errors import NewsbotError
from newsbot.service import Service
from newsbot.store.models import Digest as DigestRow
from tests.service.kb import at, build_week
from tests.shared import require_shared

DAY = date(2025, 6, 12)
PNG = b"\x89PNG\r\n\x1a\n"


def emulator_module() -> Any:
    """The shared emulator, with the one route it lacks that the service reads: a channel's
    recent messages (GET /channels/{id}/messages), answered as Discord does, newest first."""
    folder = require_shared() / "discord_emulator"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    import emulator

    return emulator


def history_emulator(module: Any) -> Any:
    class HistoryEmulator(module.Emulator):  # type: ignore[misc]
        def _add_routes(self, router: Any) -> None:
            path = module.API + "/channels/{cid}/messages"
            router.add_route("GET", path, module._as_aiohttp(self._history))
            super()._add_routes(router)

        def _history(self, request: Any) -> list[dict[str, Any]]:
            channel = self._channel(request)
            limit = max(1, min(int(request.query.get("limit", "50")), 100))
            found = [m for m in self._messages if m.channel_id == channel.id and not m.deleted]
            return [self._message_payload(m) for m in reversed(found)][:limit]

    return HistoryEmulator()


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Any]:
    module = emulator_module()
    async with history_emulator(module) as emu:
        guild = emu.add_guild("News HQ")
        emu.channel = emu.add_channel(guild, "digest")
        yield emu
        assert [str(v) for v in emu.violations] == []
        assert emu.unhandled == []


class Clock:
    """The service's clock, moved by the test."""

    def __init__(self, text: str):
        self.now = at(text)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def kb_url(tmp_path: Path) -> Iterator[str]:
    from newsbot.store.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'kb.db'}"
    engine = make_engine(url)
    upgrade(engine)
    build_week(engine)
    engine.dispose()
    yield url


def settings_for(kb_url: str, emu: Any) -> Settings:
    digest = DigestSettings(channels=[emu.channel.id], timezone="UTC", time="08:00")
    return Settings(database_url=kb_url, digest=digest)


def fast_bot(app: App, *, extra_setup: Any) -> Any:
    from newsbot.bot.client import build_bot

    return build_bot(app, extra_setup=extra_setup, guild_ready_timeout=0.05)


async def run_once(settings: Settings, emu: Any, clock: Clock) -> Any:
    """``newsbot run --once`` in process: a fresh App and Service, as after a restart."""
    app = App(settings)
    try:
        service = Service(app, token=emu.token, clock=clock, bot_factory=fast_bot)
        return await service.run(once=True, handle_signals=False)
    finally:
        app.close()


def digest_rows(settings: Settings) -> list[tuple[date, str, str]]:
    app = App(settings)
    with Session(app.engine) as session:
        found = session.execute(
            select(col(DigestRow.day), col(DigestRow.channel), col(DigestRow.status))
        )
        rows = [(day, channel, status) for day, channel, status in found]
    app.close()
    return rows


async def test_the_digest_is_posted_once_with_its_chart_across_restarts(
    emu: Any, kb_url: str
) -> None:
    settings = settings_for(kb_url, emu)
    report = await run_once(settings, emu, Clock("2025-06-13 09:00"))
    assert [(o.day, o.status) for o in report.digests] == [(DAY, "posted")]
    [message] = emu.messages(emu.channel)
    assert "AI industry digest — 2025-06-12" in message.content
    assert "Scale AI raises $14.3B from Meta" in str(message.embeds)
    [attachment] = message.attachments
    assert attachment.filename == "newsbot-digest-2025-06-12.png"
    assert attachment.content_type == "image/png" and attachment.data.startswith(PNG)
    assert message.embeds[-1]["image"]["url"] == "attachment://newsbot-digest-2025-06-12.png"
    assert message.allowed_mentions == {"parse": []}
    assert message.pings == {"users": [], "roles": [], "everyone": False}
    for hours in (1, 5):  # restarts later that morning
        again = await run_once(settings, emu, Clock(f"2025-06-13 {9 + hours:02d}:00"))
        assert [o.status for o in again.digests] == ["already"]
    assert len(emu.messages(emu.channel)) == 1
    assert digest_rows(settings) == [(DAY, str(emu.channel.id), "posted")]


async def test_a_crash_between_posting_and_recording(
    emu: Any, kb_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(kb_url, emu)

    def crash(self: DigestPoster, row: Any, ids: Any) -> None:
        raise RuntimeError("killed before the commit")

    with monkeypatch.context() as patched:
        patched.setattr(DigestPoster, "_mark_posted", crash)
        with pytest.raises(RuntimeError, match="killed"):
            await run_once(settings, emu, Clock("2025-06-13 08:00"))
    assert len(emu.messages(emu.channel)) == 1
    assert digest_rows(settings) == [(DAY, str(emu.channel.id), "posting")]
    report = await run_once(settings, emu, Clock("2025-06-13 08:01"))
    assert [o.status for o in report.digests] == ["recovered", "already"]
    assert len(emu.messages(emu.channel)) == 1
    assert digest_rows(settings) == [(DAY, str(emu.channel.id), "posted")]


async def test_a_429_is_waited_out_and_the_digest_posted_once(emu: Any, kb_url: str) -> None:
    settings = settings_for(kb_url, emu)
    emu.rate_limit(1, retry_after=0.3, route=f"POST /api/v10/channels/{emu.channel.id}/messages")
    report = await run_once(settings, emu, Clock("2025-06-13 09:00"))
    assert [o.status for o in report.digests] == ["posted"]
    statuses = [r.status for r in emu.requests if r.method == "POST" and "/messages" in r.path]
    assert statuses == [429, 200]
    assert len(emu.messages(emu.channel)) == 1


async def test_gateway_disconnects_and_a_restart_of_the_running_service(
    emu: Any, kb_url: str
) -> None:
    settings = settings_for(kb_url, emu)
    clock = Clock("2025-06-13 09:00")
    app = App(settings)
    service = Service(app, token=emu.token, clock=clock, bot_factory=fast_bot)
    task = asyncio.create_task(service.run(handle_signals=False))
    await emu.wait_until(lambda: len(emu.messages(emu.channel)) == 1, timeout=10)  # caught up
    await emu.disconnect(code=4000)  # the bot resumes its session
    assert [o.status for o in await service.digest_job()] == ["already"]

    clock.now = at("2025-06-14 08:00")  # the next digest falls due during another disconnect
    await emu.disconnect(code=4000, wait=False)
    outcomes = await service.digest_job()
    assert [(o.day, o.status) for o in outcomes] == [(date(2025, 6, 13), "posted")]
    await emu.wait_until(lambda: service.digests is not None and emu.connected, timeout=10)
    service.stop()
    await asyncio.wait_for(task, 10)
    app.close()

    restarted = App(settings)
    clock.now += timedelta(minutes=30)
    again = Service(restarted, token=emu.token, clock=clock, bot_factory=fast_bot)
    task = asyncio.create_task(again.run(handle_signals=False))
    await emu.wait_until(lambda: again.digests is not None, timeout=10)
    await asyncio.sleep(0.5)  # the catch-up job has run by now
    again.stop()
    await asyncio.wait_for(task, 10)
    restarted.close()
    days = [m.content.splitlines()[0] for m in emu.messages(emu.channel)]
    assert days == ["**AI industry digest — 2025-06-12**", "**AI industry digest — 2025-06-13**"]
    assert sorted(d for d, _c, _s in digest_rows(settings)) == [DAY, date(2025, 6, 13)]


async def test_a_refused_token_is_one_clear_error(emu: Any, kb_url: str) -> None:
    app = App(settings_for(kb_url, emu))
    service = Service(app, token="not-the-token", bot_factory=fast_bot)
    with pytest.raises(NewsbotError, match="Discord refused the bot's token"):
        await service.run(once=True, handle_signals=False)
    assert service.lock.current() is None
    app.close()
