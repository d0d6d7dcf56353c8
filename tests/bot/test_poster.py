"""The service's poster: digests and alerts through the running bot, within Discord's limits."""

from __future__ import annotations

import discord
import pytest

from newsbot.bot.embeds import spread
from newsbot.bot.poster import DiscordPoster
from newsbot.digests import Poster
from tests.bot.helpers import NO_PINGS

PNG = b"\x89PNG\r\n\x1a\n fake"


def digest_embeds(count: int, size: int = 700) -> list[dict]:
    embeds = [{"title": f"Event {i}", "description": f"line {i} " * (size // 8)}
              for i in range(count)]  # fmt: skip
    embeds[-1]["image"] = {"url": "attachment://chart.png"}
    return embeds


def test_spread_keeps_each_file_with_its_embed():
    embeds = [discord.Embed.from_dict(e) for e in digest_embeds(14)]
    replies = spread("Digest for 2026-03-01", embeds, [("chart.png", PNG), ("data.csv", b"x")])
    assert [len(r.embeds) for r in replies] == [9, 5]  # 6,000 characters a message
    assert replies[0].content == "Digest for 2026-03-01"
    assert [n for n, _ in replies[1].files] == ["chart.png"]
    assert [n for n, _ in replies[0].files] == ["data.csv"]


def test_spread_of_text_only_and_files_only():
    assert [r.content for r in spread("x" * 2500, [], [])] == ["x" * 2000, "x" * 500]
    (only,) = spread("", [], [("chart.png", PNG)])
    assert only.files == [("chart.png", PNG)] and not only.embeds


def test_it_is_the_service_poster():
    assert isinstance(DiscordPoster(discord.Client(intents=discord.Intents.none())), Poster)


def channel(emu, name: str):
    return next(c for c in emu.channels.values() if c.name == name)


async def test_post_spreads_over_messages_without_pings(emu, bot):
    target = channel(emu, "digest")
    alice = emu.add_user("alice", guild=next(iter(emu.guilds)))
    emu.rate_limit(1, retry_after=0.1, route="/messages")
    ids = await DiscordPoster(bot).post(
        target.id, f"Daily digest @everyone <@{alice.id}>", digest_embeds(14),
        [("chart.png", PNG)],
    )  # fmt: skip
    posted = emu.messages(target)
    assert ids == [m.id for m in posted] and len(posted) == 2
    assert posted[0].content.startswith("Daily digest")
    assert posted[1].files == {"chart.png": PNG}
    for message in posted:
        assert message.allowed_mentions == {"parse": []} and message.pings == NO_PINGS


async def test_post_to_an_unknown_channel_raises(emu, bot):
    with pytest.raises(discord.NotFound):
        await DiscordPoster(bot).post(1234, "x", [], [])


async def test_recent_messages_newest_first(emu, bot):
    target = channel(emu, "digest")
    poster = DiscordPoster(bot)
    await poster.post(target.id, "first", [], [])
    await poster.post(target.id, "", [{"title": "second", "footer": {"text": "marker"}}], [])
    emu.serve_history()
    recent = await poster.recent_messages(target.id, 10)
    assert [m["content"] for m in recent] == ["", "first"]
    assert recent[0]["embeds"][0]["footer"]["text"] == "marker"
    assert recent[0]["id"] == emu.messages(target)[-1].id
