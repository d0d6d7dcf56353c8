"""/digest: a day's digest, as the scheduler posts it, on demand."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot import render
from newsbot.bot.checks import cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.options import Day
from newsbot.bot.replies import send


class Digest(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="The digest of a day's new events (default: today)")
    @app_commands.rename(day="date")
    @app_commands.describe(day="2025-06-13, today or yesterday")
    @cooldown()
    async def digest(
        self, interaction: discord.Interaction[NewsBot], day: Day | None = None
    ) -> None:
        await interaction.response.defer(thinking=True)
        when = day or self.bot.today()
        content, embeds, files = await self.bot.call(self.bot.knowledge.digest, when)
        await send(interaction, render.digest(content, embeds, files))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Digest(bot))
