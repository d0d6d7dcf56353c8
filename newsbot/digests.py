"""Daily digests and watchlist alerts: from the knowledge base to Discord channels.

(Work in progress: the Poster protocols below are the contract the bot's DiscordPoster
implements.)
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Poster(Protocol):
    """Posts one message to a Discord channel; returns the ids of what it created.

    ``files`` are ``(filename, bytes)``; an embed may show one with
    ``{"image": {"url": "attachment://<filename>"}}``. Mentions must never ping
    (allowed_mentions none). Raises on failure (after the client's own 429 retries).
    """

    async def post(
        self,
        channel_id: int,
        content: str,
        embeds: list[dict[str, Any]],
        files: list[tuple[str, bytes]],
    ) -> list[int]: ...


@runtime_checkable
class HistoryReader(Protocol):
    """Optional for a Poster: the channel's latest messages, newest first.

    Each a Discord message payload with at least ``id``, ``content`` and ``embeds``
    (embed dicts as Discord returns them, footer text under ``["footer"]["text"]``).
    Raises when the history cannot be read (no permission, unknown channel).
    """

    async def recent_messages(self, channel_id: int, limit: int) -> list[dict[str, Any]]: ...
