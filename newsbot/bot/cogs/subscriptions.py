"""/subscribe and /unsubscribe: this channel gets the daily digest, or alerts about a company.

Only the subscription is stored here (table ``subscriptions``); the service posts digests and
alerts.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from newsbot.bot.checks import channel_managers, cooldown
from newsbot.bot.client import NewsBot
from newsbot.bot.embeds import message
from newsbot.bot.replies import send, suggest_names
from newsbot.bot.text import inert

Name = app_commands.Range[str, 1, 100]
VERBS = {  # (subscribing, changed) -> how the reply starts
    (True, True): "Subscribed to ",
    (True, False): "Already subscribed to ",
    (False, True): "Unsubscribed from ",
    (False, False): "This channel was not subscribed to ",
}


def what(name: str) -> str:
    return f"alerts about **{inert(name)}**" if name else "the daily digest"


def listing(names: list[str]) -> str:
    shown = [what(n) for n in names]
    return "This channel now gets " + (", ".join(shown) if shown else "nothing from me") + "."


class Subscriptions(commands.Cog):
    def __init__(self, bot: NewsBot):
        self.bot = bot

    @app_commands.command(description="Send this channel the daily digest, or a company's alerts")
    @app_commands.describe(company="Post here whenever a new event about this company is stored")
    @app_commands.autocomplete(company=suggest_names)
    @app_commands.guild_only()
    @cooldown()  # after the permission check: a refusal costs no cooldown
    @channel_managers()
    async def subscribe(
        self, interaction: discord.Interaction[NewsBot], company: Name | None = None
    ) -> None:
        await self.change(interaction, company, subscribe=True)

    @app_commands.command(description="Stop the daily digest here, or the alerts about a company")
    @app_commands.describe(company="Stop the alerts about this company")
    @app_commands.autocomplete(company=suggest_names)
    @app_commands.guild_only()
    @cooldown()
    @channel_managers()
    async def unsubscribe(
        self, interaction: discord.Interaction[NewsBot], company: Name | None = None
    ) -> None:
        await self.change(interaction, company, subscribe=False)

    async def change(
        self, interaction: discord.Interaction[NewsBot], company: str | None, *, subscribe: bool
    ) -> None:
        await interaction.response.defer(thinking=True)
        knowledge, channel = self.bot.knowledge, interaction.channel_id or 0
        action = knowledge.subscribe if subscribe else knowledge.unsubscribe
        done = await self.bot.call(action, channel, company)
        if done is None:
            text = f"I know no company named “{inert(company or '')}”."
        else:
            changed, name = done
            verb = VERBS[subscribe, changed]
            current = await self.bot.call(knowledge.subscriptions, channel)
            text = f"{verb}{what(name)}. {listing(current)}"
        await send(interaction, message(text))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Subscriptions(bot))
