"""Hostile arguments, hostile scraped text, 429s, a gateway resume, cooldowns and failures."""

from __future__ import annotations

import logging
import time

from newsbot.bot.client import UNEXPECTED
from tests.bot import kb
from tests.bot.helpers import assert_inert, live_link, text_of, user

HOSTILE = ("'; DROP TABLE events; -- @everyone @here <@123456789012345678> "
           "<@&123456789012345678> **b** [x](https://e.x)")  # fmt: skip


def _arguments(emu):
    admin, manager = user(emu, "root", emu.admin_role), user(emu, "mod", emu.manager_role)
    return [
        ("ask", {"question": HOSTILE}, None),
        ("company", {"name": HOSTILE}, None),
        ("person", {"name": HOSTILE}, None),
        ("deals", {"company": HOSTILE}, None),
        ("deals", {"since": HOSTILE}, None),
        ("moves", {"company": HOSTILE}, None),
        ("moves", {"since": HOSTILE}, None),
        ("search", {"words": HOSTILE}, None),
        ("subscribe", {"company": HOSTILE}, manager),
        ("unsubscribe", {"company": HOSTILE}, manager),
        ("sql", {"query": HOSTILE}, admin),
        ("sql", {"query": f"SELECT '{HOSTILE.replace(chr(39), '')}' AS x"}, admin),
    ]


async def test_hostile_arguments_are_inert_and_change_nothing(emu, bot, kb_url):
    before = kb.counts(kb_url)
    for name, options, who in _arguments(emu):
        result = await emu.slash(name, options, user=who)
        assert result.messages and result.errors == [], name
        assert_inert(result)
        shown = text_of(result)
        assert "@everyone" not in shown and "<@1234" not in shown, (name, shown)
        if name != "sql":  # /sql shows text in a code block and a footer: no Markdown there
            assert "**b**" not in shown and not live_link("[x](https://e.x)", shown), shown
    assert kb.counts(kb_url) == before


async def test_hostile_scraped_text_is_inert(emu, bot):
    for name, options in (("deals", {}), ("company", {"name": "Mistral AI"}),
                          ("search", {"words": "click"})):  # fmt: skip
        result = await emu.slash(name, options)
        shown = text_of(result)
        assert "@\u200beveryone" in shown and "@everyone" not in shown, shown
        assert "**Pwn**" not in shown and not live_link("[click me](https://evil.example)", shown)
        assert_inert(result)


async def test_rate_limits_are_waited_out(emu, bot):
    emu.rate_limit(2, retry_after=0.1)  # the initial response, then its retry
    result = await emu.slash("company", {"name": "Scale AI"})
    assert result.original.embeds[0]["title"] == "Scale AI"
    emu.rate_limit(1, retry_after=0.1, route="/webhooks/")  # the follow-up with the answer
    result = await emu.slash("deals")
    assert "Meta → Scale AI" in text_of(result)
    statuses = [r.status for r in emu.requests]
    assert statuses.count(429) == 3


async def test_a_dropped_gateway_resumes(emu, bot):
    session = bot.ws.session_id
    await emu.disconnect(code=4000)
    assert ("recv", "RESUME") in emu.gateway_log and bot.ws.session_id == session
    assert "Meta" in text_of(await emu.slash("moves"))
    await emu.disconnect(code=4000, wait=False)
    result = await emu.slash("company", {"name": "Meta"})  # sent while away, replayed
    assert result.original.embeds[0]["title"] == "Meta"


async def test_cooldown_per_user_and_command(emu, start_bot):
    await start_bot(cooldown_seconds=30)
    first = await emu.slash("search", {"words": "Mistral"})
    assert first.deferred
    second = await emu.slash("search", {"words": "Mistral"})
    assert second.ephemeral and second.original.content == "Slow down: try again in 30 s."
    assert (await emu.slash("deals")).deferred  # another command: its own cooldown
    other = await emu.slash("search", {"words": "Mistral"}, user=user(emu, "zoe"))
    assert other.deferred


async def test_failures_are_short_and_logged_without_the_token(emu, start_bot, caplog):
    bot = await start_bot()

    def broken(words: str) -> None:
        raise RuntimeError("database on fire")

    bot.knowledge.search = broken
    with caplog.at_level(logging.INFO):
        result = await emu.slash("search", {"words": "anything"})
    assert result.original.content == UNEXPECTED
    failure = next(r for r in caplog.records if r.getMessage().startswith("command_failed"))
    assert failure.exc_info and "database on fire" in str(failure.exc_info[1])
    assert emu.token not in caplog.text


async def test_extra_setup_runs_in_setup_hook(emu, start_bot):
    seen = []

    async def extra_setup(bot) -> None:
        seen.append((bot, {c.name for c in bot.tree.get_commands()}))

    bot = await start_bot(extra_setup=extra_setup)
    assert seen and seen[0][0] is bot and "ask" in seen[0][1]


async def test_slow_database_work_does_not_stall_the_heartbeat(emu, start_bot):
    emu.heartbeat_interval = 0.05
    bot = await start_bot()

    def slow_search(words: str) -> list:
        time.sleep(1.0)  # a slow query, in the worker thread
        return []

    bot.knowledge.search = slow_search
    before = emu.gateway_log.count(("recv", "HEARTBEAT"))
    result = await emu.slash("search", {"words": "anything"})
    assert "No article mentions" in text_of(result)
    assert emu.gateway_log.count(("recv", "HEARTBEAT")) - before >= 10
