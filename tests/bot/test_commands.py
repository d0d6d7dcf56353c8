"""Every slash command answered by the real bot through the Discord emulator."""

from __future__ import annotations

import json

from tests.bot import kb
from tests.bot.helpers import assert_inert, text_of, user

COMMANDS = {"ask", "company", "person", "deals", "moves", "search", "subscribe", "unsubscribe",
            "digest",
            "sources", "sql"}  # fmt: skip


async def test_commands_are_synced_to_the_configured_guild(emu, bot):
    guild = next(iter(emu.guilds))
    synced = {c["name"]: c for c in emu.commands(guild)}
    assert set(synced) == COMMANDS and emu.commands() == []
    autocompleted = {(c, o["name"]) for c, d in synced.items() for o in d["options"]
                     if o.get("autocomplete")}  # fmt: skip
    assert autocompleted == {("company", "name"), ("person", "name"), ("deals", "company"),
                             ("moves", "company"), ("subscribe", "company"),
                             ("unsubscribe", "company")}  # fmt: skip


async def test_company_profile_lists_deals_and_moves(emu, bot):
    result = await emu.slash("company", {"name": "Scale AI"})
    assert result.deferred and not result.original.loading
    embed = result.original.embeds[0]
    assert embed["title"] == "Scale AI"
    shown = text_of(result)
    assert "$14.3B" in shown and "49% stake" in shown and "Alexandr Wang" in shown
    assert "[The Ledger](https://ledger.example/meta-scale)" in shown


async def test_person_profile(emu, bot):
    result = await emu.slash("person", {"name": "Alexandr Wang"})
    shown = text_of(result)
    assert result.original.embeds[0]["title"] == "Alexandr Wang"
    assert "leaves Scale AI for Meta as chief AI officer" in shown


async def test_unknown_names_are_said_so(emu, bot):
    result = await emu.slash("company", {"name": "Nonexistent Widgets"})
    assert "I know no company or person named" in text_of(result)


async def test_deals_and_moves_with_filters(emu, bot):
    deals = text_of(await emu.slash("deals"))
    assert "Meta → Scale AI" in deals and "EUR 600M (≈$640M)" in deals
    mistral = text_of(await emu.slash("deals", {"company": "Mistral AI", "since": "2025-06"}))
    assert "General Catalyst → Mistral AI" in mistral and "Scale AI" not in mistral
    moves = text_of(await emu.slash("moves", {"company": "Meta"}))
    assert "Alexandr Wang leaves Scale AI for Meta" in moves
    later = text_of(await emu.slash("deals", {"since": "2026-01-01"}))
    assert "No deals found." in later


async def test_search_shows_hits_with_links(emu, bot):
    result = await emu.slash("search", {"words": "Mistral funding"})
    fields = result.original.embeds[0]["fields"]
    assert len(fields) == 3
    assert any("Mistral raises" in f["name"] for f in fields)
    assert "https://ledger.example/mistral-round" in text_of(result)


async def test_autocomplete_offers_entity_names(emu, bot):
    choices = await emu.autocomplete("company", "name", "sca")
    assert {"name": "Scale AI", "value": "Scale AI"} in choices
    every = await emu.autocomplete("deals", "company", "")
    assert 0 < len(every) <= 25 and all(len(c["name"]) <= 100 for c in every)
    assert await emu.autocomplete("person", "name", "zzzzqq") == []


async def test_bad_dates_are_refused_before_any_work(emu, bot):
    result = await emu.slash("deals", {"since": "last tuesday"})
    assert result.response_type == 4 and result.ephemeral
    assert "is not a date" in result.original.content


async def test_admin_commands_refuse_others_ephemerally(emu, bot):
    for name, options in (("sql", {"query": "SELECT 1"}), ("sources", {})):
        result = await emu.slash(name, options, user=user(emu, f"mallory-{name}"))
        assert result.response_type == 4 and not result.deferred and result.ephemeral
        assert "newsbot-admin" in result.original.content


async def test_sources_show_their_health(emu, bot):
    result = await emu.slash("sources", user=user(emu, "alice", emu.admin_role))
    assert result.deferred and result.ephemeral
    fields = {f["name"]: f["value"] for f in result.original.embeds[0]["fields"]}
    assert set(fields) == {"🟢 ledger (rss)", "🔴 broken (sitemap)"}
    assert "1 failure(s) in a row" in fields["🔴 broken (sitemap)"]
    assert "HTTP 503 from @\u200beveryone" in fields["🔴 broken (sitemap)"]
    assert_inert(result)


async def test_sql_for_admins_and_guild_administrators(emu, bot):
    query = "SELECT type, amount_usd FROM deals ORDER BY amount_usd DESC"
    result = await emu.slash("sql", {"query": query}, user=user(emu, "bob", emu.admin_role))
    table = result.original.embeds[0]["description"]
    assert result.ephemeral and "investment  │ 14300000000.0" in table
    assert table.startswith("```\n") and table.endswith("\n```")
    result = await emu.slash("sql", {"query": "SELECT count(*) AS n FROM events"},
                             user=user(emu, "carol", emu.sysop_role))  # fmt: skip
    assert "n" in result.original.embeds[0]["description"]


async def test_sql_cannot_write(emu, bot, kb_url):
    before = kb.counts(kb_url)
    admin = user(emu, "dave", emu.admin_role)
    for query in ("DELETE FROM events", "'; DROP TABLE events; --",
                  "SELECT 1; DROP TABLE events", "DROP TABLE events",
                  "ATTACH DATABASE '/tmp/x.db' AS x"):  # fmt: skip
        result = await emu.slash("sql", {"query": query}, user=admin)
        assert result.ephemeral
        text = result.original.content
        assert text.startswith(("refused", "query failed")), text
    assert kb.counts(kb_url) == before


async def test_long_results_are_cut_with_a_csv(emu, bot):
    query = "SELECT a.title, a.text, a.url FROM articles a, articles b, articles c, events d"
    result = await emu.slash("sql", {"query": query}, user=user(emu, "erin", emu.admin_role))
    (message,) = result.messages
    assert "all in result.csv" in message.embeds[0]["footer"]["text"]
    rows = message.files["result.csv"].decode().splitlines()
    assert len(rows) == 1 + 50  # the header, then the configured row limit


async def test_subscriptions_digest_and_watchlist(emu, start_bot, fresh_kb):
    await start_bot(fresh_kb)
    manager = user(emu, "frank", emu.manager_role)
    first = await emu.slash("subscribe", user=manager)
    assert "Subscribed to the daily digest" in first.original.embeds[0]["description"]
    again = await emu.slash("subscribe", user=manager)
    assert "Already subscribed" in again.original.embeds[0]["description"]
    watch = await emu.slash("subscribe", {"company": "scale ai"}, user=manager)
    described = watch.original.embeds[0]["description"]
    assert "alerts about **Scale AI**" in described and "the daily digest" in described
    stop = await emu.slash("unsubscribe", user=manager)
    assert "Unsubscribed from the daily digest" in stop.original.embeds[0]["description"]
    rows = _subscriptions(fresh_kb)
    assert [(r[1], r[2]) for r in rows] == [("watch", "Scale AI")]
    assert rows[0][0] == str(next(c for c in emu.channels.values() if c.name == "general").id)


async def test_subscribing_needs_channel_management(emu, bot):
    result = await emu.slash("subscribe", user=user(emu, "grace"))
    assert result.ephemeral and "Manage Channels" in result.original.content


def _subscriptions(url: str) -> list[tuple[str, str, str]]:
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT channel, kind, filter FROM subscriptions").fetchall()


async def test_every_answer_fits_discord(emu, bot):
    for name, options in (("deals", {}), ("moves", {}), ("company", {"name": "Mistral AI"}),
                          ("search", {"words": "news"})):  # fmt: skip
        result = await emu.slash(name, options)
        assert result.errors == [] and result.messages
        assert_inert(result)
    assert json.dumps(emu.violations) == "[]"


async def test_ask_defers_and_answers_with_sources(emu, bot):
    result = await emu.slash("ask", {"question": "How much did Meta invest in Scale AI?"})
    assert result.deferred and result.followups[0] is result.original
    embed = result.original.embeds[0]
    assert embed["title"] == "How much did Meta invest in Scale AI?"
    assert "$14.3B" in embed["description"] and "Sources:" not in embed["description"]
    (sources,) = embed["fields"]
    assert sources["value"].startswith("1. [Meta takes 49% of Scale AI](https://ledger.example/")


async def test_ask_in_japanese(emu, bot):
    result = await emu.slash("ask", {"question": "メタはスケールAIにいくら出資した?"})
    assert result.original.embeds and result.original.embeds[0]["description"]


async def test_digest_of_a_day_with_its_chart(emu, bot):
    result = await emu.slash("digest", {"date": kb.NOW.date().isoformat()})
    assert result.deferred
    shown = text_of(result)
    assert "Scale AI" in shown and "Mistral AI" in shown
    assert "@\u200beveryone" in shown and "@everyone" not in shown
    (chart,) = [name for m in result.messages for name in m.files]
    assert chart.endswith(".png")
    assert_inert(result)


async def test_digest_of_a_quiet_day(emu, bot):
    result = await emu.slash("digest", {"date": "2020-01-01"})
    assert result.original.content and not result.original.embeds
    bad = await emu.slash("digest", {"date": "someday"})
    assert bad.ephemeral and "is not a day" in bad.original.content
