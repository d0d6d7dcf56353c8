"""Choosing the events that answer, pure: titles, periods (the event's date, its articles'
dates, the nearest), ownership history, lead investors, lists and totals."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsbot.core.ask import compose_answer, selection
from newsbot.core.ask_select import role_matches
from newsbot.core.ask_time import parse_time
from tests.core.test_ask import parse


def _ev(i: int, kind: str, day: str, published: str | None = None, **fields: Any) -> dict:
    evidence = [{"article": f"https://x.example/{i}", "title": f"T{i}", "site": "X",
                 "published": published or day[:10], "sentence": "s", "lang": "en"}]
    return {"id": i, "type": kind, "date": day, "evidence": evidence, **fields}


@pytest.mark.parametrize(
    ("asked", "stated", "fits"),
    [("ceo", "Chief Executive Officer", True), ("ceo", "CEO of Microsoft AI", True),
     ("ceo", "interim CEO", True), ("ceo", "chief executive", True), ("ceo", "CTO", False),
     ("cto", "director of research", False), ("cto", "CTO", True),
     ("president", "vice-president for AI", False), ("president", "President of OpenAI Japan", True),
     ("社長", "CEO", True), ("社長", "president", True), ("cpo", "Chief Product Officer", True),
     ("founder", "co-founder", True), ("caio", "chief AI officer", True),
     ("leader", "chief executive", True), ("leader", "researcher", False), ("ceo", None, False)],
)
def test_titles_match_in_any_form(asked: str, stated: str | None, fits: bool) -> None:
    assert role_matches(asked, stated) is fits


MOVES = [
    _ev(1, "talent_move", "2022-01-10", person="Ben Ortiz", to="Anthropic", role="CEO"),
    _ev(2, "talent_move", "2025-06-01", person="Ada Park", to="Anthropic", role="CEO",
        **{"from": "Anthropic"}),
    _ev(3, "talent_move", "2025-07-01", person="Eli Stone", to="Anthropic"),
    _ev(4, "talent_move", "2025-07-01", person="Dev Rao", to="Anthropic", role="CFO"),
]


def test_the_holder_of_a_title_is_the_newest_with_it() -> None:
    answer = compose_answer(parse("Who is the CEO of Anthropic?"), MOVES)
    assert answer.text.startswith("Ada Park.\n")
    assert "Eli Stone" not in answer.text


def test_no_one_with_the_title_is_no_guess_for_a_holder() -> None:
    answer = compose_answer(parse("Who is the CTO of Anthropic?"), MOVES)
    assert not answer.found and "couldn't find" in answer.text


def test_moves_without_a_role_stand_in_for_an_event_said_so() -> None:
    answer = compose_answer(parse("Who joined Anthropic as CTO?"), MOVES)
    assert answer.text.startswith("Eli Stone.\n(No one is recorded with that title")


def test_an_event_in_the_period_by_its_article_date() -> None:
    late = _ev(5, "product_launch", "2025-09-30", "2025-10-01", company="Anthropic",
               product="Claude 9")
    picked = selection(parse("What did Anthropic launch in October 2025?"), [late])
    assert picked.events == [late] and not picked.nearest


def test_a_background_event_is_not_of_its_article_date() -> None:
    old = _ev(6, "acquisition", "2014", "2025-10-01", acquirer="Google", target="Windsurf")
    assert selection(parse("Which companies did Google acquire in October 2025?"),
                     [old]).events == []  # fmt: skip


def test_the_nearest_events_stand_in_for_an_empty_period() -> None:
    may = _ev(7, "investment", "2024-05-28", company="xAI", investors=["Valor"],
              amount_usd=6e9)
    intent = parse("How much did xAI raise in June 2024?")
    picked = selection(intent, [may])
    assert picked.nearest and picked.events == [may]
    answer = compose_answer(intent, [may])
    assert answer.text.startswith("$6B — ")
    assert "(Nothing is recorded for June 2024; the nearest is from 2024-05-28.)" in answer.text
    far = _ev(8, "investment", "2023-01-10", company="xAI", amount_usd=1e9)
    assert selection(intent, [far]).events == []


def test_a_yes_no_question_with_only_a_nearby_event_is_a_no() -> None:
    may = _ev(7, "investment", "2024-05-28", company="xAI", investors=["Valor"])
    assert compose_answer(parse("Did xAI raise money in June 2024?"), [may]).text.startswith("No.")


def test_ownership_history_is_oldest_first() -> None:
    events = [_ev(9, "acquisition", "2021-06-21", acquirer="Hyundai", target="Run:ai"),
              _ev(10, "acquisition", "2013-12-14", acquirer="Google", target="Run:ai")]
    answer = compose_answer(parse("Which companies have owned Run:ai?"), events)
    assert answer.text.startswith("Google and Hyundai.")


EIGHT = ["A Capital", "B Ventures", "C Partners", "D Fund", "E Capital", "F Holdings",
         "G Growth", "H Equity"]


def test_lists_are_whole_and_counted_and_a_lead_is_the_first() -> None:
    round_ = _ev(11, "investment", "2025-01-01", company="xAI", investors=EIGHT,
                 amount_usd=1e9)
    small = _ev(12, "investment", "2024-01-01", company="xAI", investors=EIGHT[:2])
    listed = compose_answer(parse("Which eight companies invested in xAI?"), [round_, small])
    assert listed.text.splitlines()[0] == ", ".join(EIGHT[:-1]) + " and H Equity (8 in all)."
    led = compose_answer(parse("Who led xAI's round?"), [round_])
    assert led.text.startswith("A Capital.\n")


def test_a_total_is_stated_or_summed_and_said_so() -> None:
    rounds = [_ev(13, "investment", "2024-01", company="Run:ai", amount_usd=30e6, round="seed"),
              _ev(14, "investment", "2024-09", company="Run:ai", amount_usd=214e6,
                  round="Series A"),
              _ev(15, "investment", "2024-09-05", company="Run:ai", amount_usd=214e6,
                  round="Series A")]  # the same round, reported twice
    summed = compose_answer(parse("What is Run:ai's total funding?"), rounds)
    assert summed.text.startswith("$244M in total, the sum of the 2 rounds on record")
    stated = _ev(16, "financial", "2024-04-25", company="Run:ai", metric="funding_total",
                 value_usd=118e6)
    assert compose_answer(parse("Run:aiがこれまでに調達した資金の総額は？"),
                          [*rounds, stated]).text.startswith("1億1800万ドル")  # fmt: skip


def test_a_valuation_is_the_one_stated_with_the_deal_asked() -> None:
    events = [_ev(17, "financial", "2025-09-15", company="xAI", metric="valuation",
                  value_usd=200e9, period="2025-09"),
              _ev(18, "financial", "2025-03-28", company="xAI", metric="valuation",
                  value_usd=80e9, period="2025-03"),
              _ev(19, "acquisition", "2025-03-28", acquirer="xAI", target="Windsurf")]
    answer = compose_answer(parse("At what valuation was xAI put when it absorbed Windsurf?"),
                            events)  # fmt: skip
    assert answer.text.startswith("$80B — ")


def test_departures_with_no_destination_only() -> None:
    events = [_ev(20, "talent_move", "2024-09-26", person="Mira Murati", **{"from": "OpenAI"}),
              _ev(21, "talent_move", "2024-09-26", person="John Schulman", to="Anthropic",
                  **{"from": "OpenAI"})]
    answer = compose_answer(parse("Who left OpenAI without naming a new employer?"), events)
    assert answer.text.startswith("Mira Murati.") and "Schulman" not in answer.text


@pytest.mark.parametrize(
    ("text", "lang", "since", "until"),
    [("in the last quarter of 2024", "en", date(2024, 10, 1), date(2024, 12, 31)),
     ("Q4 2024", "en", date(2024, 10, 1), date(2024, 12, 31)),
     ("the third quarter", "en", date(2025, 7, 1), date(2025, 9, 30)),
     ("last quarter", "en", date(2025, 7, 1), date(2025, 9, 30)),
     ("2024年第4四半期", "ja", date(2024, 10, 1), date(2024, 12, 31)),
     ("2025年10〜12月", "ja", date(2025, 10, 1), date(2025, 12, 31)),
     ("10〜12月", "ja", date(2025, 10, 1), date(2025, 12, 31)),
     ("11〜12月", "ja", date(2024, 11, 1), date(2024, 12, 31)),
     ("in October 2025", "en", date(2025, 10, 1), date(2025, 10, 31))],
)
def test_periods(text: str, lang: str, since: date, until: date) -> None:
    window = parse_time(text, lang, date(2025, 10, 15))
    assert window is not None and (window.since, window.until) == (since, until)


def test_what_a_company_is_worth_is_its_newest_valuation() -> None:
    deal = _ev(40, "investment", "2025-03-01", company="xAI", investors=["A Capital"],
               amount_usd=10e9, valuation_usd=100e9)  # fmt: skip
    deal["evidence"] = deal["evidence"] * 3  # reported more often than the later figure
    later = _ev(41, "financial", "2025-09-20", company="xAI", metric="valuation",
                value_usd=250e9, period="2025-09")  # fmt: skip
    answer = compose_answer(parse("How much is xAI worth?"), [deal, later])
    assert answer.text.startswith("$250B — ")


def test_still_a_customer_is_answered_by_the_newest_status() -> None:
    old = _ev(42, "customer", "2024-05-01", vendor="OpenAI", customer="Toyota", status="active")
    ended = _ev(43, "customer", "2025-07-01", vendor="OpenAI", customer="Toyota",
                status="ended")  # fmt: skip
    answer = compose_answer(parse("Is Toyota still a customer of OpenAI?"), [old, ended])
    assert answer.text.startswith("No.\n") and "ended" in answer.text
    yes = compose_answer(parse("Is Toyota still a customer of OpenAI?"), [old])
    assert yes.text.startswith("Yes.")
    ja = compose_answer(parse("トヨタは今もOpenAIの顧客ですか？"), [old, ended])
    assert ja.text.startswith("いいえ。")


def test_a_figure_nobody_records_is_not_found() -> None:
    layoff = _ev(44, "layoff", "2025-01-01", company="Cohere", count=40)
    answer = compose_answer(parse("How many employees does Cohere have?"), [layoff])
    assert answer.text == "I couldn't find headcount figures for Cohere in the knowledge base."


def test_what_a_company_makes_is_its_run_rate_when_no_revenue_is_stated() -> None:
    arr = _ev(45, "financial", "2025-06-05", company="Cohere", metric="arr", value_usd=300e6,
              period="2025-06")  # fmt: skip
    deal = _ev(46, "investment", "2025-08-01", company="Cohere", investors=["A Capital"],
               amount_usd=500e6)  # fmt: skip
    answer = compose_answer(parse("How much is Cohere making?"), [deal, arr])
    assert answer.text.startswith("$300M — Cohere ARR (2025-06)")
    revenue = _ev(47, "financial", "2025-03-01", company="Cohere", metric="revenue",
                  value_usd=100e6, period="2024")  # fmt: skip
    assert compose_answer(parse("What is Cohere's revenue?"),
                          [deal, arr, revenue]).text.startswith("$100M — ")  # fmt: skip


def test_layoffs_of_a_named_company_lead_with_the_count() -> None:
    cut = _ev(48, "layoff", "2025-09-02", company="Salesforce", count=4000)
    assert compose_answer(parse("Any layoffs at Salesforce?"), [cut]).text.startswith("4,000 — ")


def test_a_yes_for_two_names_holds_for_each() -> None:
    amazon = _ev(49, "investment", "2024-03-28", company="Anthropic", investors=["Amazon"],
                 amount_usd=4e9)  # fmt: skip
    google = _ev(50, "investment", "2023-10-27", company="Anthropic", investors=["Google"],
                 amount_usd=2e9)  # fmt: skip
    both = compose_answer(parse("Did Amazon and Google invest in Anthropic?"), [amazon, google])
    assert both.text.startswith("Yes.")
    one = compose_answer(parse("Did Amazon and Google invest in Anthropic?"), [amazon])
    assert one.text.startswith("No — nothing is recorded for Google.")
    ja = compose_answer(parse("アマゾンとグーグルはアンソロピックに出資しましたか？"), [amazon])
    assert ja.text.startswith("いいえ（グーグルの記録はありません）。")


CUSTOMERS = [
    _ev(1, "customer", "2025-01-10", vendor="Cohere", customer="Rakuten", status="paused"),
    _ev(2, "customer", "2025-04-01", vendor="Cohere", customer="Rakuten", status="active"),
    _ev(3, "customer", "2025-03-01", vendor="Cohere", customer="Toyota", status="paused"),
    _ev(4, "customer", "2025-02-01", vendor="Cohere", customer="Fujitsu", status="ended"),
    _ev(5, "customer", "2025-02-01", vendor="Cohere", customer="Salesforce", status="active"),
]


@pytest.mark.parametrize(
    ("question", "listed"),
    [("Which customer paused its pilot with Cohere?", {"Toyota"}),
     ("Who stopped working with Cohere?", {"Toyota", "Fujitsu"}),
     ("コーヒアとの実証実験を一時停止している会社は？", {"Toyota"}),
     ("Which customers ended their contracts with Cohere?", {"Fujitsu"})],
)
def test_customers_by_their_newest_status(question: str, listed: set[str]) -> None:
    """A customer that resumed after a pause is no longer paused."""
    chosen = selection(parse(question), CUSTOMERS).events
    assert {e["customer"] for e in chosen} == listed


def test_business_either_way_round_is_a_yes() -> None:
    for question in ("楽天はコーヒアと取引していますか", "コーヒアは楽天と取引していますか",
                     "Does Cohere do business with Rakuten?"):
        answer = compose_answer(parse(question), CUSTOMERS[:2])
        assert answer.found and answer.text.lower().startswith(("yes", "はい")), answer.text


def test_english_event_lines_spell_the_scale_while_the_lead_figure_is_short() -> None:
    from newsbot.core.ask_compose import event_line, money, money_words

    assert (money(1.43e10, "en"), money_words(1.43e10)) == ("$14.3B", "$14.3 billion")
    assert (money_words(7.6e8), money_words(2.5e12), money_words(45_000)) == (
        "$760 million", "$2.5 trillion", "$45,000")  # fmt: skip
    deal = {"type": "investment", "company": "Scale AI", "investors": ["Meta"],
            "amount_usd": 1.43e10, "valuation_usd": 2.9e10, "date": "2025-06-12"}  # fmt: skip
    assert event_line(deal, "en") == (
        "Meta invested $14.3 billion in Scale AI (valued at $29 billion) (2025-06-12)"
    )
    assert event_line(deal, "ja") == "MetaがScale AIに143億ドルを出資（評価額290億ドル）（2025-06-12）"
