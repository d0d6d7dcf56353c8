"""Sending rendered replies to an interaction, and the autocomplete of entity names.

The first reply answers the interaction (or completes its deferral), the rest follow up.
The client's allowed_mentions (none) applies to every one of them.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands

from newsbot.bot.embeds import Reply
from newsbot.bot.text import truncate

log = logging.getLogger(__name__)

CHOICES = 25
CHOICE_LIMIT = 100
AUTOCOMPLETE_SECONDS = 2.0  # Discord drops an autocomplete answer after 3 s


async def send(
    interaction: discord.Interaction[Any], replies: Sequence[Reply], *, ephemeral: bool = False
) -> None:
    """Answer ``interaction`` with ``replies``, in order."""
    for reply in replies:
        kwargs = message_kwargs(reply)
        if interaction.response.is_done():
            await interaction.followup.send(ephemeral=ephemeral, **kwargs)
        else:
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)


def message_kwargs(reply: Reply) -> dict[str, Any]:
    """``reply`` as keyword arguments of ``send``: only what it has."""
    kwargs: dict[str, Any] = {}
    if reply.content:
        kwargs["content"] = reply.content
    if reply.embeds:
        kwargs["embeds"] = reply.embeds
    if reply.files:
        kwargs["files"] = [discord.File(io.BytesIO(data), filename=name)
                           for name, data in reply.files]  # fmt: skip
    return kwargs


async def tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A short ephemeral notice (an error, a refusal), however far the interaction went."""
    text = truncate(text, 1900)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("notice_failed interaction=%s status=%s code=%s", interaction.id,
                    exc.status, exc.code)  # fmt: skip


def choices(names: Sequence[str]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices within Discord's limits: 25 at most, names and values ≤ 100."""
    out: list[app_commands.Choice[str]] = []
    for name in names:
        shown = truncate(" ".join(name.split()), CHOICE_LIMIT)
        if shown and len(name) <= CHOICE_LIMIT and all(c.value != name for c in out):
            out.append(app_commands.Choice(name=shown, value=name))
        if len(out) == CHOICES:
            break
    return out


async def suggest_names(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Entity names for any company, person or name option; none when the lookup is slow."""
    knowledge = interaction.client.knowledge
    try:
        names = await asyncio.wait_for(
            asyncio.to_thread(knowledge.suggest, current), AUTOCOMPLETE_SECONDS
        )
    except Exception as exc:  # an autocomplete has no error reply: log and offer nothing
        log.warning("autocomplete_failed current=%r error=%s", current[:100], exc)
        return []
    return choices(names)
