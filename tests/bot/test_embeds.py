"""Embeds and messages always within Discord's limits, whatever the length of the text."""

from __future__ import annotations

import sys

import discord
import pytest

from newsbot.bot.embeds import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL,
    Field,
    Reply,
    card,
    errors,
    message,
    pack,
)
from tests.bot.conftest import EMULATOR

WORDS = " ".join(f"word{i}" for i in range(3000))  # about 26,000 characters


def discord_errors(reply: Reply) -> list:
    """Discord's own checks, as the emulator applies them, when ../shared is here."""
    if not (EMULATOR / "emulator.py").is_file():
        return []
    sys.path.insert(0, str(EMULATOR))
    from emulator import message_errors

    return message_errors({"content": reply.content, "embeds": [e.to_dict() for e in reply.embeds]})


def check(replies: list[Reply]) -> None:
    for reply in replies:
        assert errors(reply) == [] and discord_errors(reply) == []


def test_a_long_body_spreads_over_embeds_and_messages():
    embeds = card("T" * 400, WORDS, footer="F" * 3000)
    assert len(embeds[0].title) == 256 and embeds[0].title.endswith("…")
    assert all(len(e.description or "") <= DESCRIPTION_LIMIT for e in embeds)
    assert " ".join(e.description or "" for e in embeds).split() == WORDS.split()
    assert embeds[-1].footer.text and len(embeds[-1].footer.text) == 2048
    replies = pack(embeds)
    assert len(replies) > 1
    check(replies)


def test_many_fields_and_long_values():
    fields = [Field(f"name {i} " * 40, "value " * 300) for i in range(40)]
    replies = pack(card("Many", "", fields))
    check(replies)
    names = [f.name for r in replies for e in r.embeds for f in e.fields]
    assert sum(not n.endswith("(cont.)") for n in names) == 40
    assert any(n.endswith("(cont.)") for n in names)
    assert all(len(n) <= 256 for n in names)


def test_embed_count_per_message():
    replies = pack([discord.Embed(description="x") for _ in range(23)])
    assert [len(r.embeds) for r in replies] == [10, 10, 3]


def test_long_content_comes_first():
    replies = pack([discord.Embed(description="d")], content=WORDS[:4500])
    assert [bool(r.content) for r in replies] == [True, True, True]
    assert replies[-1].embeds and all(len(r.content or "") <= 2000 for r in replies)
    check(replies)


def test_empty_field_values_are_filled():
    (reply,) = pack(card("t", "", [Field("", "")]))
    assert reply.embeds[0].fields[0].value == "—" and reply.embeds[0].fields[0].name
    check([reply])


def test_errors_finds_every_breach():
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for _ in range(26):
        embed.add_field(name="n", value="v" * 1100)
    found = errors(Reply(content="c" * 2001, embeds=[embed] * 11))
    assert len(found) >= 6
    assert errors(Reply()) == ["empty message"]


@pytest.mark.parametrize("size", [0, 1, 4096, 4097, 6000, 6001, 40_000])
def test_message_of_any_size(size):
    text = ("abc " * size)[:size] or "x"
    replies = message(text)
    check(replies)
    assert sum(len(r) for r in replies) >= len(text.strip()) - len(replies)
    assert all(len(r) <= EMBED_TOTAL for r in replies)
