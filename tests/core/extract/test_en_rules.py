"""English rules on sentences written for these tests (names invented or well known).

Each case gives a text and the events it must yield (a subset of fields); trap cases must
yield no event of the type named.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from newsbot.core.events import Event
from tests.core.extract.cases import english_events, find, none_of

ON = datetime(2024, 6, 12, 9, 0)


def events_of(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, ON)


# investments ------------------------------------------------------------------------------


def test_round_led_by_with_participation() -> None:
    events = events_of(
        "Lumora Labs, a Berlin-based robotics startup, said on Tuesday it had raised $45 million "
        "in a Series B round led by Northwind Ventures, with participation from Greyhill Capital "
        "and Ana Torres."
    )
    find(
        events,
        "investment",
        company="Lumora Labs",
        amount_usd=45e6,
        round="Series B",
        investors=["Northwind Ventures", "Greyhill Capital", "Ana Torres"],
    )


def test_investors_in_the_next_sentence_and_valuation_in_euros() -> None:
    events = events_of(
        "Quillbit raised €30 million at a €200 million valuation. Investors "
        "include Sequoia Capital and Index Ventures."
    )
    event = find(
        events, "investment", company="Quillbit", investors=["Sequoia Capital", "Index Ventures"]
    )
    assert 30e6 < event.fields["amount_usd"] < 36e6
    assert 200e6 < event.fields["valuation_usd"] < 240e6


def test_investor_side_with_stake() -> None:
    events = events_of("Nvidia invested $100 million in Quillbit for a 10% stake.")
    find(
        events,
        "investment",
        company="Quillbit",
        investors=["NVIDIA"],
        amount_usd=100e6,
        stake_pct=10,
    )


def test_post_money_valuation_wins() -> None:
    events = events_of(
        "Quillbit raised $200 million at a pre-money valuation of $800 million "
        "and a post-money valuation of $1 billion."
    )
    find(events, "investment", company="Quillbit", amount_usd=200e6, valuation_usd=1e9)


def test_possessive_company_in_a_list_item_round() -> None:
    events = events_of(
        "The deals\n\n- Quillbit raised $20 million in a seed round led by "
        "Greyhill Capital.\n- Lumora Labs raised $12 million from Northwind "
        "Ventures.\n- Orbital Systems acquired Brightwave for $90 million."
    )
    find(
        events,
        "investment",
        company="Quillbit",
        amount_usd=20e6,
        round="Seed",
        investors=["Greyhill Capital"],
    )
    find(events, "investment", company="Lumora Labs", amount_usd=12e6)
    find(events, "acquisition", acquirer="Orbital Systems", target="Brightwave", amount_usd=90e6)


def test_table_rows_are_deals() -> None:
    events = events_of(
        "This week's rounds.\n\nCompany | Round | Amount | Lead investor\n"
        "Quillbit | Series A | $20 million | Greyhill Capital\n"
        "Lumora Labs | Seed | $5 million | Northwind Ventures"
    )
    find(
        events,
        "investment",
        company="Quillbit",
        round="Series A",
        amount_usd=20e6,
        investors=["Greyhill Capital"],
    )
    find(events, "investment", company="Lumora Labs", round="Seed", amount_usd=5e6)


# acquisitions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Orbital Systems has agreed to buy Quillbit, a Paris-based maker of AI chips, for "
        "$1.2 billion.",
        "Orbital Systems signed a definitive agreement to acquire Quillbit for $1.2 billion. "
        "The transaction is expected to close in the third quarter, subject to regulatory "
        "approval.",
        "Orbital Systems completed its $1.2 billion acquisition of Quillbit on Monday.",
        "Quillbit, which makes speech software, was bought by Orbital Systems for $1.2 billion.",
    ],
)
def test_acquisition_phrasings(text: str) -> None:
    find(
        events_of(text),
        "acquisition",
        acquirer="Orbital Systems",
        target="Quillbit",
        amount_usd=1.2e9,
    )


def test_background_acquisition_counts() -> None:
    events = events_of(
        "Dana Whitcombe co-founded Quillbit, the speech startup that Orbital "
        "Systems acquired in 2019."
    )
    find(events, "acquisition", acquirer="Orbital Systems", target="Quillbit")


def test_price_in_a_later_sentence() -> None:
    events = events_of(
        "Orbital Systems has agreed to acquire Quillbit. Orbital did not "
        "disclose the price. Analysts put the value of the deal at about "
        "$400 million."
    )
    find(events, "acquisition", acquirer="Orbital Systems", target="Quillbit", amount_usd=400e6)


# partnerships and customers ---------------------------------------------------------------


def test_partnerships() -> None:
    find(
        events_of(
            "Quillbit and Orbital Systems signed a multiyear partnership to build AI "
            "models for hospitals."
        ),
        "partnership",
        companies=["Quillbit", "Orbital Systems"],
    )
    find(
        events_of("Quillbit announced a strategic partnership with Orbital Systems on Monday."),
        "partnership",
        companies=["Quillbit", "Orbital Systems"],
    )


def test_licence_is_a_customer_deal() -> None:
    events = events_of(
        "Orbital Systems will pay $300 million for a non-exclusive license to Quillbit's models."
    )
    find(
        events,
        "customer",
        vendor="Quillbit",
        customer="Orbital Systems",
        amount_usd=300e6,
        status="active",
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Orbital Systems has paused its work with Quillbit.", "paused"),
        ("Orbital Systems cut ties with Quillbit last month.", "ended"),
        ("Orbital Systems stopped using Quillbit's labeling service.", "ended"),
        ("Orbital Systems is a Quillbit customer.", "active"),
    ],
)
def test_customer_status(text: str, status: str) -> None:
    find(events_of(text), "customer", vendor="Quillbit", customer="Orbital Systems", status=status)


# talent -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Orbital Systems hired Dana Whitcombe, Quillbit's chief technology officer, as its "
            "head of research.",
            {"from": "Quillbit", "to": "Orbital Systems"},
        ),
        (
            "Dana Whitcombe joins Orbital Systems from Quillbit as chief scientist.",
            {"from": "Quillbit", "to": "Orbital Systems"},
        ),
        (
            "Dana Whitcombe left Quillbit to start Lumora Labs.",
            {"from": "Quillbit", "to": "Lumora Labs"},
        ),
        (
            "Orbital Systems hired Quillbit's Dana Whitcombe to lead its robotics unit.",
            {"from": "Quillbit", "to": "Orbital Systems"},
        ),
        (
            "Quillbit promoted Dana Whitcombe to chief executive.",
            {"from": "Quillbit", "to": "Quillbit"},
        ),
        (
            "Dana Whitcombe co-founded Lumora Labs in 2023 after leaving Quillbit.",
            {"from": "Quillbit", "to": "Lumora Labs", "role": "co-founder"},
        ),
        (
            "Dana Whitcombe, Quillbit's chief operating officer, resigned on Friday.",
            {"from": "Quillbit", "to": None},
        ),
        (
            "Orbital Systems named Dana Whitcombe, the former head of AI at Quillbit, as chief "
            "executive.",
            {"to": "Orbital Systems"},
        ),
    ],
)
def test_talent_moves(text: str, fields: dict[str, Any]) -> None:
    find(events_of(text), "talent_move", person="Dana Whitcombe", **fields)


def test_one_move_per_person() -> None:
    events = events_of(
        "Dana Whitcombe is leaving Quillbit. Whitcombe will join Orbital "
        "Systems as chief scientist next month, the company said."
    )
    moves = [e for e in events if e.type == "talent_move"]
    assert len(moves) == 1
    find(moves, "talent_move", person="Dana Whitcombe", to="Orbital Systems")


# financial, products, layoffs --------------------------------------------------------------


def test_financial_figures() -> None:
    find(
        events_of("Quillbit's revenue rose to $120 million in 2023."),
        "financial",
        company="Quillbit",
        metric="revenue",
        value_usd=120e6,
        period="2023",
    )
    find(
        events_of("Quillbit said its annual recurring revenue reached $50 million in March."),
        "financial",
        company="Quillbit",
        metric="arr",
        value_usd=50e6,
        period="2024-03",
    )
    find(
        events_of("Quillbit's gross margin was 62% last year."),
        "financial",
        company="Quillbit",
        metric="gross_margin",
        value_pct=62,
        period="2023",
    )
    find(
        events_of("Quillbit has raised $300 million to date."),
        "financial",
        company="Quillbit",
        metric="funding_total",
        value_usd=300e6,
    )


def test_product_launches() -> None:
    find(
        events_of("Quillbit launched Nova-2, a speech model for call centers."),
        "product_launch",
        company="Quillbit",
        product="Nova-2",
    )
    find(
        events_of("Orbital Systems on Tuesday released Atlas 3.0, its new reasoning model."),
        "product_launch",
        company="Orbital Systems",
        product="Atlas 3.0",
    )


def test_layoffs() -> None:
    find(
        events_of("Quillbit will cut about 200 jobs, or 15% of its workforce."),
        "layoff",
        company="Quillbit",
        count=200,
    )
    find(
        events_of("Orbital Systems laid off 12% of its staff on Monday."),
        "layoff",
        company="Orbital Systems",
    )


# traps ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Orbital Systems offered to buy Quillbit for $2 billion, but Quillbit's board rejected "
            "the offer.",
            "acquisition",
        ),
        (
            "Dana Whitcombe declined an offer to join Orbital Systems and will stay at Quillbit.",
            "talent_move",
        ),
        ("Orbital Systems is said to be in talks to acquire Quillbit.", "acquisition"),
        ("Orbital Systems is reportedly in discussions to invest in Quillbit.", "investment"),
        (
            "People familiar with the matter said Orbital Systems was considering a bid for "
            "Quillbit.",
            "acquisition",
        ),
        ("Orbital Systems denied that it would acquire Quillbit.", "acquisition"),
        ("Orbital Systems could acquire Quillbit if regulators allow it.", "acquisition"),
        ("Orbital Systems would consider buying Quillbit.", "acquisition"),
        ("If Quillbit raises $50 million, it would expand to Asia.", "investment"),
        ("Quillbit expects revenue of $200 million next year.", "financial"),
        ("Orbital Systems has not laid off any employees.", "layoff"),
        ("Dana Whitcombe remains Quillbit's chief executive.", "talent_move"),
        (
            "Quillbit is exploring a sale and has sought a price of about $500 million.",
            "acquisition",
        ),
        ("Orbital Systems walked away from its deal to buy Quillbit.", "acquisition"),
        ("Quillbit is in talks to raise $100 million at a $1 billion valuation.", "investment"),
        (
            "Dana Whitcombe turned down an offer to become Orbital Systems' chief executive.",
            "talent_move",
        ),
        (
            "Quillbit's software is trusted by companies like Orbital Systems and Brightwave.",
            "customer",
        ),
    ],
)
def test_traps_give_no_event(text: str, type_: str) -> None:
    none_of(events_of(text), type_)


def test_confidence_is_lower_for_inferred_names() -> None:
    direct = find(events_of("Orbital Systems acquired Quillbit."), "acquisition")
    inferred = find(
        events_of("Quillbit is a speech startup. Orbital Systems acquired the startup on Monday."),
        "acquisition",
        target="Quillbit",
    )
    assert inferred.confidence < direct.confidence


# other newsrooms' phrasings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "fields"),
    [
        (
            "Mistral AI, the Paris-based AI lab, has closed a €600 million funding round led by "
            "General Catalyst, the company said Tuesday.",
            "investment",
            {"company": "Mistral AI", "investors": ["General Catalyst"]},
        ),
        (
            "San Francisco-based Quillbit raised $100 million in Series C funding led by Greyhill "
            "Capital, valuing the legal AI startup at $1.5 billion.",
            "investment",
            {
                "company": "Quillbit",
                "amount_usd": 100e6,
                "valuation_usd": 1.5e9,
                "round": "Series C",
            },
        ),
        (
            "Amazon-backed Quillbit raised $50 million from Northwind Ventures.",
            "investment",
            {"company": "Quillbit", "investors": ["Northwind Ventures"]},
        ),
        (
            "Microsoft said Monday it will invest $1.5 billion in Quillbit, the Abu Dhabi AI firm.",
            "investment",
            {"company": "Quillbit", "investors": ["Microsoft"], "amount_usd": 1.5e9},
        ),
        (
            "SoftBank Group agreed to acquire chip designer Quillbit Computing for $6.5 billion.",
            "acquisition",
            {"target": "Quillbit Computing", "amount_usd": 6.5e9},
        ),
        (
            "Salesforce completed its acquisition of Quillbit in July 2021.",
            "acquisition",
            {"acquirer": "Salesforce", "target": "Quillbit"},
        ),
        (
            "Alphabet's Google has agreed to pay $2.7 billion to license Quillbit's technology and "
            "rehire its founders.",
            "customer",
            {"vendor": "Quillbit", "customer": "Google", "amount_usd": 2.7e9},
        ),
        (
            "Former Quillbit chief technology officer Dana Whitcombe has launched a new startup, "
            "Lumora Labs.",
            "talent_move",
            {"person": "Dana Whitcombe", "from": "Quillbit", "to": "Lumora Labs"},
        ),
        (
            "Meta Platforms said it would lay off 5% of its workforce, or about 3,600 employees.",
            "layoff",
            {"company": "Meta", "count": 3600},
        ),
        (
            "Intel will cut more than 15,000 jobs as part of a $10 billion cost-reduction plan.",
            "layoff",
            {"company": "Intel", "count": 15000},
        ),
        (
            "Dana Whitcombe, a co-founder of Quillbit, said she was leaving the company to join "
            "rival Orbital Systems.",
            "talent_move",
            {"person": "Dana Whitcombe", "from": "Quillbit", "to": "Orbital Systems"},
        ),
        (
            "Quillbit unveiled Comet, an AI-powered web browser.",
            "product_launch",
            {"company": "Quillbit", "product": "Comet"},
        ),
        (
            "Quillbit reported revenue of $30 billion for the second quarter of fiscal 2025.",
            "financial",
            {"company": "Quillbit", "metric": "revenue", "value_usd": 30e9, "period": "2025-Q2"},
        ),
        (
            "Quillbit said it now has $100 million in annualized revenue.",
            "financial",
            {"company": "Quillbit", "metric": "arr", "value_usd": 100e6},
        ),
        (
            "Meta has poached Dana Whitcombe, Quillbit's top AI models executive.",
            "talent_move",
            {"person": "Dana Whitcombe", "from": "Quillbit", "to": "Meta"},
        ),
        (
            "Orbital Systems named Dana Whitcombe, the former chief technology officer of "
            "Quillbit, as head of its new engineering group.",
            "talent_move",
            {"person": "Dana Whitcombe", "from": "Quillbit", "to": "Orbital Systems"},
        ),
    ],
)
def test_other_phrasings(text: str, type_: str, fields: dict[str, Any]) -> None:
    find(events_of(text), type_, **fields)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Reuters reported that Orbital Systems is in advanced talks to acquire Quillbit.",
            "acquisition",
        ),
        ("Elon Musk's Quillbit could raise as much as $6 billion.", "investment"),
        ("A deal would value Quillbit at $3 billion.", "financial"),
        ("Orbital Systems is not planning to sell Quillbit.", "acquisition"),
        ("Orbital Systems has approached Quillbit about a possible takeover.", "acquisition"),
        (
            "Quillbit's chief executive, Dana Whitcombe, said the company was not for sale.",
            "talent_move",
        ),
    ],
)
def test_more_traps(text: str, type_: str) -> None:
    none_of(events_of(text), type_)
