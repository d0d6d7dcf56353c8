"""/ask: a question about the knowledge base, answered with its sources."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot import render
from newsbot.bot.checks import cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.replies import send


class Ask(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="Ask about AI-industry deals and people (English or 日本語)")
    @app_commands.describe(question="e.g. How much did Meta put into Scale AI?")
    @cooldown()
    async def ask(
        self, interaction: discord.Interaction[NewsBot], question: app_commands.Range[str, 1, 300]
    ) -> None:
        await interaction.response.defer(thinking=True)
        answer = await self.bot.call(self.bot.knowledge.ask, question)
        await send(interaction, render.answer(answer.text, answer.sources, question=question))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Ask(bot))
