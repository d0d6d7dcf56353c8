"""Posters for tests that need no Discord: a channel history kept in memory."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


class Refused(Exception):
    """What discord.py raises when Discord answers 4xx: nothing was created."""

    def __init__(self, status: int = 403):
        super().__init__(f"{status} Forbidden")
        self.status = status


class PostOnly:
    """Keeps what it posts per channel; ``fail`` holds exceptions to raise on next posts."""

    def __init__(self) -> None:
        self.channels: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.fail: list[BaseException] = []
        self.fail_after_post: list[BaseException] = []
        self._next = 1000

    async def post(
        self, channel_id: int, content: str, embeds: list[dict[str, Any]],
        files: list[tuple[str, bytes]],
    ) -> list[int]:  # fmt: skip
        if self.fail:
            raise self.fail.pop(0)
        self._next += 1
        self.channels[channel_id].append(
            {"id": str(self._next), "content": content, "embeds": embeds, "files": files}
        )
        if self.fail_after_post:  # the message exists, but the caller never learns its id
            raise self.fail_after_post.pop(0)
        return [self._next]

    def posted(self, channel_id: int) -> list[dict[str, Any]]:
        return self.channels[channel_id]


class WithHistory(PostOnly):
    """A poster that can also read the channel's recent messages, newest first."""

    def __init__(self) -> None:
        super().__init__()
        self.history_reads = 0

    async def recent_messages(self, channel_id: int, limit: int) -> list[dict[str, Any]]:
        self.history_reads += 1
        return list(reversed(self.channels[channel_id]))[:limit]
