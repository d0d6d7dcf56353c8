"""/company, /person, /deals and /moves: what the knowledge base holds about someone."""

from __future__ import annotations

from datetime import date

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot import render
from newsbot.bot.checks import cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.embeds import message
from newsbot.bot.options import Since
from newsbot.bot.replies import send, suggest_names
from newsbot.bot.text import inert
from newsbot.knowledge import Kind

Name = app_commands.Range[str, 1, 100]
TITLES = {"deals": "Deals", "moves": "People moves"}


def unknown(name: str) -> str:
    return f"I know no company or person named “{inert(name)}”."


class Entities(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="A company's recent deals, people moves and figures")
    @app_commands.describe(name="The company")
    @app_commands.autocomplete(name=suggest_names)
    @cooldown()
    async def company(self, interaction: discord.Interaction[NewsBot], name: Name) -> None:
        await self.show_profile(interaction, name)

    @app_commands.command(description="A person's moves between companies, and their deals")
    @app_commands.describe(name="The person")
    @app_commands.autocomplete(name=suggest_names)
    @cooldown()
    async def person(self, interaction: discord.Interaction[NewsBot], name: Name) -> None:
        await self.show_profile(interaction, name)

    @app_commands.command(description="Recent investments, acquisitions, partnerships, customers")
    @app_commands.describe(company="Only this company's deals",
                           since="From this date: 2025-06-01, 2025-06, 30d, 3m, 1y")  # fmt: skip
    @app_commands.autocomplete(company=suggest_names)
    @cooldown()
    async def deals(
        self, interaction: discord.Interaction[NewsBot], company: Name | None = None,
        since: Since | None = None,
    ) -> None:  # fmt: skip
        await self.show_events(interaction, "deals", company, since)

    @app_commands.command(description="Recent people moves: hires, departures, founders")
    @app_commands.describe(company="Only moves into or out of this company",
                           since="From this date: 2025-06-01, 2025-06, 30d, 3m, 1y")  # fmt: skip
    @app_commands.autocomplete(company=suggest_names)
    @cooldown()
    async def moves(
        self, interaction: discord.Interaction[NewsBot], company: Name | None = None,
        since: Since | None = None,
    ) -> None:  # fmt: skip
        await self.show_events(interaction, "moves", company, since)

    async def show_profile(self, interaction: discord.Interaction[NewsBot], name: str) -> None:
        await interaction.response.defer(thinking=True)
        found = await self.bot.call(self.bot.knowledge.profile, name)
        await send(interaction, render.profile(found) if found else message(unknown(name)))

    async def show_events(
        self, interaction: discord.Interaction[NewsBot], kind: Kind, company: str | None,
        since: date | None,
    ) -> None:  # fmt: skip
        await interaction.response.defer(thinking=True)
        found = await self.bot.call(self.bot.knowledge.events, kind, company=company, since=since)
        if found is None:
            await send(interaction, message(unknown(company or "")))
            return
        ref, records = found
        title = TITLES[kind] + (f" · {ref.name}" if ref else "")
        title += f" since {since}" if since else ""
        await send(interaction, render.events(title, records, empty=f"No {kind} found."))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Entities(bot))
