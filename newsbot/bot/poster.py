"""The service's way into Discord: digests and alerts posted through the running bot.

``DiscordPoster`` implements ``newsbot.digests.Poster`` (and ``HistoryReader``). Embeds
arrive as dicts; a post that breaks Discord's per-message limits is spread over several
messages, each file travelling with the embed that shows it. Mentions never ping.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from newsbot.bot.embeds import spread
from newsbot.bot.replies import message_kwargs

log = logging.getLogger(__name__)


class DiscordPoster:
    """Posts to channels as the bot; waits until the bot is connected."""

    def __init__(self, client: discord.Client):
        self.client = client

    async def post(
        self, channel_id: int, content: str, embeds: list[dict[str, Any]],
        files: list[tuple[str, bytes]],
    ) -> list[int]:  # fmt: skip
        """Post ``content``, ``embeds`` and ``files``; the ids of the messages created."""
        channel = await self._channel(channel_id)
        replies = spread(content, [discord.Embed.from_dict(e) for e in embeds], files)
        ids = []
        for reply in replies:
            sent = await channel.send(
                allowed_mentions=discord.AllowedMentions.none(), **message_kwargs(reply)
            )
            ids.append(sent.id)
        log.info("posted channel=%s messages=%d", channel_id, len(ids))
        return ids

    async def recent_messages(self, channel_id: int, limit: int) -> list[dict[str, Any]]:
        """The channel's latest messages, newest first, as Discord payload-like dicts."""
        channel = await self._channel(channel_id)
        return [
            {"id": m.id, "content": m.content, "embeds": [e.to_dict() for e in m.embeds],
             "author": {"id": m.author.id}}
            async for m in channel.history(limit=limit)
        ]  # fmt: skip

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        await self.client.wait_until_ready()
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = await self.client.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise TypeError(f"channel {channel_id} cannot receive messages")
        return channel
