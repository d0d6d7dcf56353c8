"""The Discord client: built from its dependencies, it loads the cogs and syncs the commands.

``NewsBot`` receives the knowledge base (``Knowledge``) and settings from outside and knows
nothing of scheduling: the service passes ``extra_setup``, awaited at the end of
``setup_hook`` in the bot's loop (where it can start its scheduler). Intents are the
minimum (guilds; no message content), and ``allowed_mentions`` is none on the client, so
nothing the bot posts — scraped text included — can ever ping anyone.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot.checks import NotAllowed
from newsbot.bot.options import BadOption
from newsbot.bot.replies import tell
from newsbot.bot.text import inert, truncate
from newsbot.config import Settings
from newsbot.errors import QuestionError, ReadOnlyError
from newsbot.knowledge import Knowledge

if TYPE_CHECKING:
    from newsbot.app import App

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
ExtraSetup = Callable[["NewsBot"], Awaitable[None]]

EXTENSIONS = (
    "newsbot.bot.cogs.ask",
    "newsbot.bot.cogs.entities",
    "newsbot.bot.cogs.search",
    "newsbot.bot.cogs.subscriptions",
    "newsbot.bot.cogs.admin",
    "newsbot.bot.cogs.digest",
)
SHOWN_ERRORS = (ReadOnlyError, QuestionError)  # their messages help the user; others are logged
UNEXPECTED = "Something went wrong while answering; the details are in the bot's log."


def utcnow() -> datetime:
    return datetime.now(UTC)


class NewsTree(app_commands.CommandTree["NewsBot"]):
    """The command tree, with one error handler for every slash command."""

    async def on_error(
        self, interaction: discord.Interaction[NewsBot], error: app_commands.AppCommandError
    ) -> None:
        text, expected = describe(error)
        command = interaction.command.qualified_name if interaction.command else "?"
        if expected:
            log.info("command_refused command=%s user=%s reason=%s", command,
                     interaction.user.id, type(error).__name__)  # fmt: skip
        else:
            cause = getattr(error, "original", error)
            log.error("command_failed command=%s user=%s guild=%s error=%s", command,
                      interaction.user.id, interaction.guild_id, type(cause).__name__,
                      exc_info=cause)  # fmt: skip
        await tell(interaction, text)


def describe(error: app_commands.AppCommandError) -> tuple[str, bool]:
    """The short message a user sees for ``error``, and whether it is an expected refusal."""
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {math.ceil(error.retry_after)} s.", True
    if isinstance(error, NotAllowed | BadOption):
        return str(error), True
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server channel only.", True
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here.", True
    if isinstance(error, app_commands.TransformerError):
        return f"I could not read {inert(truncate(str(error.value), 60))!s}.", True
    cause = getattr(error, "original", None)
    if isinstance(cause, SHOWN_ERRORS):
        return inert(truncate(str(cause), 1500)), True
    return UNEXPECTED, False


class NewsBot(commands.Bot):
    """newsbot in Discord: slash commands over the knowledge base."""

    def __init__(
        self, knowledge: Knowledge, settings: Settings, *, extra_setup: ExtraSetup | None = None,
        clock: Callable[[], datetime] = utcnow, **client_kwargs: Any,
    ) -> None:  # fmt: skip
        client_kwargs.pop("allowed_mentions", None)  # never anything but none
        super().__init__(
            command_prefix=commands.when_mentioned, intents=discord.Intents(guilds=True),
            help_command=None, tree_cls=NewsTree,
            allowed_mentions=discord.AllowedMentions.none(), **client_kwargs,
        )  # fmt: skip
        self.knowledge = knowledge
        self.settings = settings
        self.extra_setup = extra_setup
        self.clock = clock

    async def setup_hook(self) -> None:
        for name in EXTENSIONS:
            await self.load_extension(name)
        await self.sync_commands()
        if self.extra_setup is not None:
            await self.extra_setup(self)

    async def sync_commands(self) -> None:
        """Register the slash commands in the configured guilds (at once), else globally."""
        guilds = self.settings.discord.guilds
        if not guilds:
            synced = await self.tree.sync()
            log.info("commands_synced scope=global count=%d", len(synced))
            return
        for guild_id in guilds:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            try:
                synced = await self.tree.sync(guild=guild)
            except discord.HTTPException as exc:
                log.error("commands_sync_failed guild=%s status=%s code=%s", guild_id,
                          exc.status, exc.code)  # fmt: skip
                continue
            log.info("commands_synced scope=guild guild=%s count=%d", guild_id, len(synced))

    def today(self) -> date:
        """Today in the digest's time zone: what "today" and "30d" mean in options."""
        return self.clock().astimezone(ZoneInfo(self.settings.digest.timezone)).date()

    async def call(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run blocking work (the database) in a worker thread, off the event loop."""
        return await asyncio.to_thread(func, *args, **kwargs)

    async def on_ready(self) -> None:
        user = self.user
        log.info("discord_ready user=%s guilds=%d", user.id if user else None, len(self.guilds))


def build_bot(app: App, *, extra_setup: ExtraSetup | None = None, **client_kwargs: Any) -> NewsBot:
    """The bot for a wired application; start it with ``await bot.start(token)``."""
    return NewsBot(Knowledge.from_app(app), app.settings, extra_setup=extra_setup,
                   **client_kwargs)  # fmt: skip
