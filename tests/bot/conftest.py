"""The bot's end-to-end fixtures: the Discord emulator of ../shared, a real knowledge base
and the real NewsBot connected to the emulator."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from newsbot.app import App
from newsbot.bot.client import NewsBot, build_bot
from newsbot.config import DiscordSettings, Settings
from newsbot.core.registry import Registry
from tests.bot import kb
from tests.shared import IN_CI, SHARED

EMULATOR = SHARED / "discord_emulator"
ADMIN_ROLE = "newsbot-admin"


def emulator_module() -> Any:
    """The shared emulator module; skips (fails in CI) when ../shared is absent."""
    if not (EMULATOR / "emulator.py").is_file():
        message = f"the Discord emulator is not at {EMULATOR}"
        if IN_CI:
            pytest.fail(message + " (CI=true: it must be)")
        pytest.skip(message)
    if str(EMULATOR) not in sys.path:
        sys.path.insert(0, str(EMULATOR))
    import emulator

    return emulator


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.default()


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory, registry: Registry) -> str:
    """One knowledge base for the session; tests that write use ``fresh_kb``."""
    return kb.build(tmp_path_factory.mktemp("kb") / "kb.db", registry)


@pytest.fixture
def fresh_kb(tmp_path: Path, registry: Registry) -> str:
    return kb.build(tmp_path / "kb.db", registry)


class FastBot(NewsBot):
    """The real bot, minus discord.py's 5 s wait before identifying again."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None


def _with_history(module: Any) -> Any:
    """The emulator, able to serve a channel's recent messages (GET /channels/{id}/messages,
    newest first, as Discord does) once a test calls ``serve_history()``; it lacks the route."""

    class Emulator(module.Emulator):  # type: ignore[misc,name-defined]
        history = False

        def serve_history(self) -> None:
            self.history = True

        def _add_routes(self, router: Any) -> None:
            path = module.API + "/channels/{cid}/messages"
            router.add_route("GET", path, module._as_aiohttp(self._history))
            super()._add_routes(router)

        def _history(self, request: Any) -> list[dict[str, Any]]:
            if not self.history:
                return self._unhandled(request)  # type: ignore[no-any-return]
            channel = self._channel(request)
            limit = max(1, min(int(request.query.get("limit", "50")), 100))
            found = [m for m in self._messages if m.channel_id == channel.id and not m.deleted]
            return [self._message_payload(m) for m in reversed(found)][:limit]

    return Emulator


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Any]:
    """The emulator with one guild (#general, #digest), an admin role and a manager role.

    On the way out it checks that Discord would have accepted everything the bot sent.
    """
    module = emulator_module()
    async with _with_history(module)() as emu:
        guild = emu.add_guild("News HQ")
        emu.add_channel(guild, "general")
        emu.add_channel(guild, "digest")
        emu.admin_role = emu.add_role(guild, ADMIN_ROLE)
        emu.manager_role = emu.add_role(guild, "channel-managers", permissions=1 << 4)
        emu.sysop_role = emu.add_role(guild, "sysop", permissions=1 << 3)
        yield emu
        assert [str(v) for v in emu.violations] == []
        assert emu.unhandled == []


def settings_for(emu: Any, url: str, **discord: Any) -> Settings:
    options = {"guilds": list(emu.guilds), "admin_role": ADMIN_ROLE, "cooldown_seconds": 0}
    return Settings(database_url=url, sources=kb.SOURCES,
                    discord=DiscordSettings(**(options | discord)))  # fmt: skip


StartBot = Callable[..., Any]


@pytest_asyncio.fixture
async def start_bot(emu: Any, kb_url: str) -> AsyncIterator[StartBot]:
    """Starts the real bot on the emulator (``url``, discord settings and kwargs may vary)."""
    running: list[tuple[NewsBot, asyncio.Task[None], App]] = []

    async def start(url: str = kb_url, *, extra_setup: Any = None, **discord: Any) -> NewsBot:
        app = App(settings_for(emu, url, **discord), migrate=False)  # kb.build migrated it
        bot = build_bot(app, extra_setup=extra_setup, guild_ready_timeout=0.05)
        bot.__class__ = FastBot
        task = asyncio.create_task(bot.start(emu.token))
        running.append((bot, task, app))
        await emu.wait_until(lambda: bot.is_ready() or task.done(), timeout=10)
        assert bot.is_ready(), task.exception() if task.done() else "not ready"
        return bot

    yield start
    for bot, task, app in running:
        await bot.close()
        await asyncio.wait_for(task, 10)
        app.close()


@pytest_asyncio.fixture
async def bot(start_bot: StartBot) -> NewsBot:
    return await start_bot()  # type: ignore[no-any-return]
