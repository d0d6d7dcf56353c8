"""The pure digest: grouping, ranking, languages, quiet days, and Discord's limits."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbot.core.digest import (
    LIMITS,
    compose_digest,
    embeds_length,
    escape_text,
    format_money,
    headline,
    render_alert,
    render_discord,
    render_json,
    render_markdown,
    score_event,
)

DAY = date(2025, 6, 12)


def evidence(
    n: int, title: str = "A headline", site: str | None = "Ledger"
) -> list[dict[str, Any]]:
    return [{"article": f"https://news.example/a{i}", "title": f"{title} {i}", "site": site,
             "published": "2025-06-12", "sentence": "…", "lang": "en"}
            for i in range(n)]  # fmt: skip


def ev(id_: int, type_: str, n_sources: int = 1, **fields: Any) -> dict[str, Any]:
    return {"id": id_, "type": type_, "confidence": 0.8, "evidence": evidence(n_sources),
            **fields}  # fmt: skip


def inv(id_: int, company: str, usd: float | None, investors: list[str] | None = None,
        n: int = 1, **more: Any) -> dict[str, Any]:  # fmt: skip
    return ev(id_, "investment", n, company=company, investors=investors or [], amount_usd=usd,
              **more)  # fmt: skip


def mv(
    id_: int, person: str, src: str | None, dst: str | None, role: str | None = None
) -> dict[str, Any]:
    moved: dict[str, Any] = {"from": src, "to": dst}
    return ev(id_, "talent_move", person=person, role=role, **moved)


def test_events_are_grouped_into_deals_people_and_company_news() -> None:
    events = [
        inv(1, "Scale AI", 14.3e9, ["Meta"]),
        mv(2, "Alexandr Wang", "Scale AI", "Meta"),
        ev(3, "product_launch", company="OpenAI", product="GPT-5"),
        ev(4, "acquisition", acquirer="Google", target="Wiz", amount_usd=32e9),
        ev(5, "layoff", company="Amazon", count=14000),
    ]
    digest = compose_digest(events, DAY, lang="en", max_events=10)
    assert list(digest.sections) == ["deals", "people", "company"]
    assert [i.event["id"] for i in digest.sections["deals"]] == [4, 1]
    assert digest.total == 5 and digest.shown == 5 and digest.omitted == 0
    assert [i.headline for i in digest.items] == [
        "Google acquires Wiz for $32B",
        "Scale AI raises $14.3B from Meta",
        "Alexandr Wang moves from Scale AI to Meta",
        "Amazon cuts 14,000 jobs",
        "OpenAI launches GPT-5",
    ]


def test_money_sources_and_fame_raise_the_rank() -> None:
    small, big = inv(1, "A", 5e6), inv(2, "B", 5e9)
    assert score_event(big, {}) > score_event(small, {})
    assert score_event(inv(3, "A", 5e6, n=4), {}) > score_event(small, {})
    assert score_event(small, {"A": 40}) > score_event(small, {"A": 1})


def test_each_section_keeps_places_when_money_dominates() -> None:
    deals = [inv(i, f"Co{i}", 1e9 * i) for i in range(1, 21)]
    events = [*deals, mv(100, "Jane Doe", "X", "Y"), ev(101, "product_launch", company="Z",
                                                         product="P")]  # fmt: skip
    digest = compose_digest(events, DAY, max_events=10)
    assert digest.shown == 10 and digest.omitted == 12
    assert [i.event["id"] for i in digest.sections["people"]] == [100]
    assert [i.event["id"] for i in digest.sections["company"]] == [101]
    assert digest.sections["deals"][0].event["id"] == 20  # the biggest round first


def test_japanese_digest() -> None:
    events = [inv(1, "Scale AI", 14.3e9, ["Meta"], stake_pct=49.0),
              ev(2, "acquisition", acquirer="AMD", target="Silo AI", amount_usd=665e6),
              mv(3, "Ruoming Pang", "Apple", "Meta", "head of models")]  # fmt: skip
    digest = compose_digest(events, DAY, lang="ja", max_events=5)
    text = render_markdown(digest)
    assert "# AI業界ダイジェスト 2025年6月12日" in text
    assert "## ディール" in text and "## 人事" in text
    assert "Scale AIが143億ドルを調達（出資: Meta）" in text and "出資比率49%" in text
    assert "AMDがSilo AIを6億6500万ドルで買収" in text
    assert "Ruoming PangがAppleからMetaへ移籍（head of models）" in text
    assert "出典:" in text


def test_money_formats() -> None:
    assert format_money(14.3e9, "en") == "$14.3B"
    assert format_money(665e6, "en") == "$665M"
    assert format_money(1.25e12, "en") == "$1.25T"
    assert format_money(40e9, "en") == "$40B"
    assert format_money(5e6, "en") == "$5M"
    assert format_money(14.3e9, "ja") == "143億ドル"
    assert format_money(665e6, "ja") == "6億6500万ドル"
    assert format_money(1.5e12, "ja") == "1兆5000億ドル"
    assert format_money(2.5e6, "ja") == "250万ドル"


def test_headlines_of_every_type() -> None:
    cases: dict[str, tuple[dict[str, Any], str]] = {
        "customer": ({"vendor": "Anthropic", "customer": "OpenAI", "status": "ended"},
                     "OpenAI ends its contract with Anthropic"),
        "partnership": ({"companies": ["AMD", "OpenAI"]}, "AMD and OpenAI partner"),
        "financial": ({"company": "Anthropic", "metric": "arr", "value_usd": 5e9,
                       "period": "2025-08"}, "Anthropic annualised revenue (ARR): $5B (2025-08)"),
        "talent_move": ({"person": "Mira Murati", "from": "OpenAI", "to": "Thinking Machines",
                         "role": "co-founder"}, "Mira Murati co-founds Thinking Machines"),
        "layoff": ({"company": "Salesforce"}, "Salesforce announces layoffs"),
    }  # fmt: skip
    for type_, (fields, expected) in cases.items():
        assert headline({"type": type_, **fields}, "en") == expected
    assert headline({"type": "talent_move", "person": "X", "from": "Meta", "to": None}, "en") == (
        "X leaves Meta"
    )
    assert headline({"type": "talent_move", "person": "X", "from": None, "to": "Meta"}, "ja") == (
        "XがMetaに参画"
    )


def test_quiet_day_message_or_nothing() -> None:
    message = compose_digest([], DAY, quiet_day="message")
    assert message.quiet and not message.silent
    assert "A quiet day" in render_markdown(message)
    post = render_discord(message, marker="ref 1")
    assert "A quiet day" in post.content and post.embeds == [] and "ref 1" in post.content
    skip = compose_digest([], DAY, quiet_day="skip")
    assert skip.silent and render_markdown(skip) == ""


def test_markdown_lists_sources_with_links() -> None:
    digest = compose_digest([inv(1, "Scale AI", 14.3e9, ["Meta"], n=5)], DAY)
    text = render_markdown(digest)
    assert "[A headline 0](https://news.example/a0) (Ledger, 2025-06-12)" in text
    assert "+2 more" in text
    assert "1 new event from 5 articles." in text


def test_json_shape() -> None:
    digest = compose_digest([inv(1, "Scale AI", 14.3e9, ["Meta"], n=2), mv(2, "A", "B", "C")],
                            DAY, max_events=1)  # fmt: skip
    data = json.loads(json.dumps(render_json(digest)))
    assert data["day"] == "2025-06-12" and data["total"] == 2 and data["shown"] == 1
    item = data["sections"][0]["items"][0]
    assert item["event"]["company"] == "Scale AI" and "evidence" not in item["event"]
    assert [s["url"] for s in item["sources"]] == ["https://news.example/a0",
                                                   "https://news.example/a1"]  # fmt: skip


HOSTILE = "@everyone **Pwn** <@123456789012345678> [click](https://evil.example) `x` _y_ ||z||"


def test_scraped_text_is_inert() -> None:
    event = inv(1, HOSTILE, 1e9, ["@here Capital"])
    event["evidence"] = evidence(2, title=HOSTILE, site="<@&42> site")
    post = render_discord(compose_digest([event], DAY), marker="ref")
    dumped = json.dumps([post.content, post.embeds], ensure_ascii=False)
    assert "@everyone" not in dumped and "@here" not in dumped
    assert re.search(r"<@!?&?\d+>", dumped) is None
    assert "[click](" not in dumped and "**Pwn**" not in dumped
    assert escape_text("a\nb   c") == "a b c"
    alert = render_alert(event, "en", watched=[HOSTILE])
    assert "@everyone" not in json.dumps([alert.content, alert.embeds], ensure_ascii=False)


def test_unsafe_links_are_not_linked() -> None:
    event = inv(1, "A", 1e9)
    event["evidence"] = [
        {"article": "javascript:alert(1)", "title": "T", "site": "S"},
        {"article": "https://x.example/a b)c", "title": "U", "site": "S"},
    ]
    text = render_markdown(compose_digest([event], DAY))
    assert "](javascript:" not in text
    assert "(https://x.example/a b" not in text


def check_limits(post: Any) -> None:
    assert len(post.content) <= LIMITS["content"]
    assert len(post.embeds) <= LIMITS["embeds"]
    assert embeds_length(post.embeds) <= LIMITS["total"]
    for embed in post.embeds:
        assert len(embed.get("title", "")) <= LIMITS["title"]
        assert len(embed.get("description", "")) <= LIMITS["description"]
        assert len(embed.get("fields", [])) <= LIMITS["fields"]
        for f in embed.get("fields", []):
            assert 0 < len(f["name"]) <= LIMITS["field_name"]
            assert 0 < len(f["value"]) <= LIMITS["field_value"]


def test_a_huge_day_fits_one_message() -> None:
    long = "Very long company name " * 20
    events = [inv(i, f"{long}{i}", 1e9 + i, [long] * 5, n=12) for i in range(80)]
    for e in events:
        e["evidence"] = evidence(12, title="Title " * 80)
    digest = compose_digest(events, DAY, max_events=80)
    post = render_discord(digest, marker="newsbot digest 2025-06-12 · ref 1-abcdef12",
                          image="chart.png")  # fmt: skip
    check_limits(post)
    assert post.embeds[-1]["image"] == {"url": "attachment://chart.png"}
    shown = sum(len(e["fields"]) for e in post.embeds)
    assert 0 < shown < 80
    assert "more not shown" in post.embeds[-1]["description"]


names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=300)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(names, names, st.integers(0, 12), st.floats(0, 1e13)), max_size=40),
    st.sampled_from(["en", "ja"]),
)
def test_any_digest_fits_discord(rows: list[tuple[str, str, int, float]], lang: str) -> None:
    events = []
    for i, (name, title, n, usd) in enumerate(rows):
        event = inv(i, name or "X", usd or None, [title] if title else [])
        event["evidence"] = evidence(n, title=title)
        events.append(event)
    digest = compose_digest(events, DAY, lang=lang, max_events=40)
    check_limits(render_discord(digest, marker="ref"))
