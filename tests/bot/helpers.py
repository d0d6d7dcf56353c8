"""Reading what the bot posted on the emulator."""

from __future__ import annotations

import re
from typing import Any

NO_PINGS = {"users": [], "roles": [], "everyone": False}


def text_of(result: Any) -> str:
    """Everything the bot showed for one interaction: content and every text of its embeds."""
    return "\n".join([m.content or "" for m in result.messages]
                     + [t for m in result.messages for t in _texts(m.embeds)])  # fmt: skip


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def assert_inert(result: Any) -> None:
    """No message of the interaction can ping anyone, whatever its text holds."""
    for message in result.messages:
        assert message.allowed_mentions == {"parse": []}, message.allowed_mentions
        assert message.pings == NO_PINGS, message.pings


def live_link(link: str, text: str) -> bool:
    """``link`` occurs in ``text`` as a working Markdown link (its bracket not escaped)."""
    return re.search(r"(?<!\\)" + re.escape(link), text) is not None


def user(emu: Any, name: str, *roles: Any) -> Any:
    return emu.add_user(name, guild=next(iter(emu.guilds)), roles=list(roles))
