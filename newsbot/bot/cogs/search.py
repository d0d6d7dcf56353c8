"""/search: articles containing every word, with snippets."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot import render
from newsbot.bot.checks import cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.replies import send


class Search(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="Find articles containing all these words")
    @app_commands.describe(words="e.g. Mistral funding")
    @cooldown()
    async def search(
        self, interaction: discord.Interaction[NewsBot], words: app_commands.Range[str, 1, 200]
    ) -> None:
        await interaction.response.defer(thinking=True)
        hits = await self.bot.call(self.bot.knowledge.search, words)
        await send(interaction, render.search_hits(words, hits))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Search(bot))
