"""What the bot shows, rendered without Discord: content, escaping and limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsbot.bot import render
from newsbot.bot.embeds import errors
from newsbot.core.ask_compose import Source
from newsbot.queries import EntityRef, Profile
from newsbot.store.readonly import QueryResult
from newsbot.store.search import ArticleHit

EVIDENCE = [{"article": "https://ledger.example/a", "title": "A", "site": "The Ledger"}]
RECORDS = {
    "investment": {"type": "investment", "company": "Scale AI", "investors": ["Meta"],
                   "amount_usd": 14.3e9, "stake_pct": 49.0, "valuation_usd": 29e9,
                   "round": None, "date": "2025-06-13", "evidence": EVIDENCE},
    "acquisition": {"type": "acquisition", "acquirer": "AMD", "target": "Silo AI",
                    "amount_usd": 665e6, "amount": 6.1e10, "currency": "JPY", "date": "2024-07"},
    "partnership": {"type": "partnership", "companies": ["Oracle", "OpenAI"],
                    "summary": "cloud capacity", "date": None},
    "customer": {"type": "customer", "vendor": "Anthropic", "customer": "Apple",
                 "status": "paused", "amount_usd": None},
    "talent_move": {"type": "talent_move", "person": "Mira Murati", "from": "OpenAI",
                    "to": None, "role": None},
    "financial": {"type": "financial", "company": "OpenAI", "metric": "arr",
                  "value_usd": 1.3e10, "period": "2025"},
    "product_launch": {"type": "product_launch", "company": "Mistral AI", "product": "Le Chat"},
    "layoff": {"type": "layoff", "company": "Scale AI", "count": 200},
}  # fmt: skip
HOSTILE = "@everyone **Pwn** <@123456789012345678> [x](https://e.x)"


def ok(replies):
    assert replies and all(errors(r) == [] for r in replies)
    return replies


def test_money():
    assert render.usd(14.3e9) == "$14.3B" and render.usd(665e6) == "$665M"
    assert render.usd(1234) == "$1.23K" and render.usd(12) == "$12" and render.usd(None) == ""
    assert render.money(RECORDS["acquisition"]) == "JPY 61B (≈$665M)"


def test_a_line_for_every_event_type():
    lines = {kind: render.event_line(record) for kind, record in RECORDS.items()}
    assert lines["investment"] == (
        "`2025-06-13` Meta → Scale AI ($14.3B, 49% stake, valued at $29B) — "
        "[The Ledger](https://ledger.example/a)"
    )
    assert lines["acquisition"] == "`2024-07` AMD acquires Silo AI (JPY 61B (≈$665M))"
    assert lines["partnership"] == "Oracle, OpenAI partner: cloud capacity"
    assert lines["customer"] == "Apple buys from Anthropic (paused)"
    assert lines["talent_move"] == "Mira Murati leaves OpenAI"
    assert lines["financial"] == "OpenAI arr: $13B (2025)"
    assert lines["product_launch"] == "Mistral AI launches Le Chat"
    assert lines["layoff"] == "Scale AI lays off 200 people"


def test_event_lists_escape_names_and_fit():
    hostile = dict(RECORDS["investment"], investors=[HOSTILE])
    replies = ok(render.events("Deals", [hostile] * 200, empty="none"))
    text = "".join(e.description or "" for r in replies for e in r.embeds)
    assert "@everyone" not in text and "**Pwn**" not in text and text.count("\\[x](") == 200
    assert replies[-1].embeds[-1].footer.text == "200 events"
    assert render.events("Deals", [], empty="No deals found.")[0].embeds[0].description == (
        "No deals found."
    )


def test_answer_moves_sources_to_links():
    text = "$14.3B — Meta invested.\n- Meta → Scale AI\nSources:\n- A — The Ledger — https://a"
    sources = [Source("A [1]", "The Ledger", "https://ledger.example/a", "2025-06-13")]
    (reply,) = ok(render.answer(text, sources, question="How much? @here"))
    embed = reply.embeds[0]
    assert embed.title == "How much? @\u200bhere"
    assert embed.description == "$14.3B — Meta invested.\n• Meta → Scale AI"
    assert embed.fields[0].value == (
        "1. [A (1)](https://ledger.example/a) (The Ledger, 2025-06-13)"
    )


def test_long_answers_split_into_messages():
    text = "\n".join(f"- event number {i} with a rather long description" for i in range(600))
    replies = ok(render.answer(text, [], question="everything"))
    assert len(replies) > 2
    shown = "\n".join(e.description or "" for r in replies for e in r.embeds)
    assert shown.count("• event number") == 600


def test_profiles():
    deal = dict(RECORDS["investment"], id=1)
    found = Profile(EntityRef(1, "Scale AI", "company"), {"investment": 1, "layoff": 1},
                    deals=[deal], layoffs=[dict(RECORDS["layoff"], id=2)])  # fmt: skip
    (reply,) = ok(render.profile(found))
    embed = reply.embeds[0]
    assert embed.title == "Scale AI"
    assert embed.description == "In the knowledge base: 1 investment, 1 layoff."
    assert [f.name for f in embed.fields] == ["Deals", "Layoffs"]
    person = Profile(EntityRef(2, "Mira Murati", "person"), moves=[RECORDS["talent_move"]])
    (reply,) = ok(render.profile(person))
    assert [f.name for f in reply.embeds[0].fields] == ["Moves"]
    empty = render.profile(Profile(EntityRef(3, "Nobody", "person")))
    assert empty[0].embeds[0].description == "No events about this person yet."


def test_search_hits():
    hit = ArticleHit(1, HOSTILE, "https://a.example/x", "Site", datetime(2025, 6, 1), "… snip …", "2025-06-01")
    (reply,) = ok(render.search_hits("w", [hit] * 12))
    (first, *_) = reply.embeds[0].fields
    assert first.name.startswith("2025-06-01 · @\u200beveryone \\*\\*Pwn")
    assert first.value.endswith("[Site](https://a.example/x)")
    none = render.search_hits("w", [])
    assert none[0].embeds[0].description == "No article mentions all of these words."


def test_query_results_as_a_table_or_csv():
    result = QueryResult(["name", "n"], [("a`b", 1), (None, 2.5)], truncated=False)
    (reply,) = ok(render.query_result("SELECT 1", result))
    assert reply.embeds[0].description == ("```\nname │ n  \n─────┼────\naˋb  │ 1\nNULL │ 2.5\n```")
    assert reply.embeds[0].footer.text == "2 rows · SELECT 1"
    big = QueryResult(["t"], [("x" * 100,)] * 500, truncated=True)
    (reply,) = ok(render.query_result("SELECT t", big, limit_note="row limit 500"))
    assert reply.files[0][0] == "result.csv" and reply.files[0][1].count(b"\n") == 501
    assert "500 rows (row limit 500)" in (reply.embeds[0].footer.text or "")


@dataclass
class FakeSource:
    name: str
    kind: str = "rss"
    url: str = "https://feeds.example/x"
    last_success_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = None
    next_crawl_at: datetime | None = None
    extra: dict = field(default_factory=dict)


def test_source_health():
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    sources = [
        FakeSource("fine", last_success_at=datetime(2026, 3, 1, 9)),
        FakeSource("down", consecutive_failures=3, last_error="HTTP 503 @everyone",
                   next_crawl_at=datetime(2026, 3, 1, 13, tzinfo=UTC)),
        FakeSource("new"),
    ]  # fmt: skip
    (reply,) = ok(render.source_health(sources, now))
    fields = {f.name: f.value for f in reply.embeds[0].fields}
    assert "last success: 3 h ago" in fields["🟢 fine (rss)"]
    assert "resting until 2026-03-01 13:00 UTC" in fields["🟡 down (rss)"]
    assert "error: HTTP 503 @\u200beveryone" in fields["🟡 down (rss)"]
    assert "last success: never" in fields["🟢 new (rss)"]
    assert reply.embeds[0].footer.text == "3 sources, 1 failing"
