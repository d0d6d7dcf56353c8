"""/sources and /sql: for the admin role (and guild administrators) only."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot import render
from newsbot.bot.checks import admin_only, cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.replies import send


class Admin(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="Sources and their health (admins)")
    @app_commands.guild_only()
    @cooldown()  # after the permission check: a refusal costs no cooldown
    @admin_only()
    async def sources(self, interaction: discord.Interaction[NewsBot]) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        found = await self.bot.call(self.bot.knowledge.sources)
        await send(interaction, render.source_health(found, self.bot.clock()), ephemeral=True)

    @app_commands.command(description="A read-only SQL query of the knowledge base (admins)")
    @app_commands.describe(query="e.g. SELECT company, amount_usd FROM deals ORDER BY date DESC")
    @app_commands.guild_only()
    @cooldown()
    @admin_only()
    async def sql(
        self, interaction: discord.Interaction[NewsBot], query: app_commands.Range[str, 1, 2000]
    ) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        result = await self.bot.call(self.bot.knowledge.sql, query)
        limit = f"row limit {self.bot.settings.discord.sql_row_limit}"
        await send(interaction, render.query_result(query, result, limit_note=limit),
                   ephemeral=True)  # fmt: skip


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Admin(bot))
