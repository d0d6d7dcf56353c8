"""English rules for what blind sets showed the extractor missing: the first-person voice of
founders' posts, interviews and press releases; customer relations in their many phrasings
and states; divestitures; past rounds told in a comparison; co-founder lists; partnerships
in development and manufacturing words; metrics that are not revenue. Sentences written for
these tests (names invented or well known). Each case gives a title (or none), a text and
the events it must yield; each trap the type it must not yield.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from newsbot.core.events import Event
from newsbot.core.extract import name_key
from tests.core.extract.cases import english_events, find, none_of

ON = datetime(2025, 6, 12, 9, 0)


def events_of(text: str, title: str = "") -> list[Event]:
    return english_events(text, title, ON)


CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # first person: "we" is the page's company, "I" its speaker
    (
        "Why we built Quillmark",
        "Quillmark CEO Dana Whitfield on the company's first year. We raised a $9 million seed "
        "round led by Initialized Capital in March.",
        "investment",
        {"company": "Quillmark", "investors": ["Initialized Capital"], "amount_usd": 9e6},
    ),
    (
        "A hard week",
        "By Priya Nand, CEO of Lumora. This week we laid off 18 people, about a fifth of the team.",
        "layoff",
        {"company": "Lumora", "count": 18},
    ),
    (
        "Fernwise passes a milestone",
        "Fernwise, the scheduling startup, says growth is speeding up. Our ARR passed $4 million "
        "in May, said chief executive Lin Zhao.",
        "financial",
        {"company": "Fernwise", "metric": "arr", "value_usd": 4e6},
    ),
    (
        "Quillmark Labs co-founder Ravi Kumar on photonic chips",
        "Quillmark Labs makes optical interconnects. I left Intel in 2023 to co-found Quillmark Labs.",
        "talent_move",
        {"person": "Ravi Kumar", "from": "Intel", "to": "Quillmark Labs"},
    ),
    (
        "Northwind Bio closes Series B",
        "Northwind Bio closed a $40 million Series B. \u201cWe hired Sam Lee from Genentech,\u201d "
        "said Lena Ortiz, chief executive of Northwind Bio.",
        "talent_move",
        {"person": "Sam Lee", "from": "Genentech", "to": "Northwind Bio"},
    ),
    (
        "Orbitly's Maya Chen on selling robots to grocers",
        "Orbitly builds shelf-scanning robots. Q: How is retail going? A: Kroger paused its "
        "rollout with us last quarter, but Albertsons renewed. We also signed Ahold Delhaize as a "
        "customer in May.",
        "customer",
        {"vendor": "Orbitly", "customer": "Kroger", "status": "paused"},
    ),
    (
        "Orbitly's Maya Chen on selling robots to grocers",
        "Orbitly builds shelf-scanning robots. Q: How is retail going? A: Kroger paused its "
        "rollout with us last quarter, but Albertsons renewed.",
        "customer",
        {"vendor": "Orbitly", "customer": "Albertsons", "status": "active"},
    ),
    (
        "",
        "Orbitly builds robots. We also signed Ahold Delhaize as a customer in May.",
        "customer",
        {"vendor": "Orbitly", "customer": "Ahold Delhaize", "status": "active"},
    ),
    # customer relations told from one side
    (
        "",
        "Gridline Compute gets most of its revenue from Microsoft, its largest customer.",
        "customer",
        {"vendor": "Gridline Compute", "customer": "Microsoft", "status": "active"},
    ),
    (
        "",
        "Gridline Compute said its biggest customer, Meta, had renewed.",
        "customer",
        {"vendor": "Gridline Compute", "customer": "Meta", "status": "active"},
    ),
    (
        "",
        "Carewell AI sells triage software. Mayo Clinic ended its contract last year.",
        "customer",
        {"vendor": "Carewell AI", "customer": "Mayo Clinic", "status": "ended"},
    ),
    (
        "",
        "Boxline said Maersk paused the deployment of its picking robots.",
        "customer",
        {"vendor": "Boxline", "customer": "Maersk", "status": "paused"},
    ),
    (
        "",
        "Boxline will deploy 500 robots for DHL by the end of the year.",
        "customer",
        {"vendor": "Boxline", "customer": "DHL", "status": "active"},
    ),
    (
        "",
        "Figure AI has installed humanoids at BMW's plant in South Carolina.",
        "customer",
        {"vendor": "Figure AI", "customer": "BMW", "status": "active"},
    ),
    (
        "",
        "Palantir counts the U.S. Army as a customer.",
        "customer",
        {"vendor": "Palantir", "customer": "U.S. Army", "status": "active"},
    ),
    # partnerships in development and manufacturing words
    (
        "",
        "Tata Electronics will co-develop AI chips with Intel.",
        "partnership",
        {"companies": ["Tata Electronics", "Intel"]},
    ),
    (
        "",
        "Rapidus named Kestrel AI its preferred manufacturing partner.",
        "partnership",
        {"companies": ["Rapidus", "Kestrel AI"]},
    ),
    (
        "",
        "SoftBank and Renesas signed a memorandum of cooperation on AI chips.",
        "partnership",
        {"companies": ["SoftBank Group", "Renesas Electronics"]},
    ),
    (
        "",
        "Broadcom will take on design work across OpenAI's custom accelerators.",
        "partnership",
        {"companies": ["Broadcom", "OpenAI"]},
    ),
    # a move told in a relative clause is background to the sentence's own move
    (
        "",
        "Mira Castell, a DeepMind co-founder who had moved to Anthropic last spring, left "
        "Anthropic in March to join Cohere as chief scientist.",
        "talent_move",
        {"person": "Mira Castell", "from": "Anthropic", "to": "Cohere", "role": "chief scientist"},
    ),
    (
        "",
        "Mira Castell, who had moved to Anthropic last spring, left Anthropic in March to join "
        "Cohere as chief scientist.",
        "talent_move",
        {"person": "Mira Castell", "from": "Anthropic", "to": "Cohere", "role": "chief scientist"},
    ),
    # divestitures are the buyer's acquisitions
    (
        "",
        "AMD agreed to sell ZT Systems' manufacturing business to Sanmina for $3 billion.",
        "acquisition",
        {"acquirer": "Sanmina", "target": "ZT Systems", "amount_usd": 3e9},
    ),
    (
        "",
        "Intel sold its Altera unit to Silver Lake for $4.5 billion.",
        "acquisition",
        {"acquirer": "Silver Lake", "target": "Altera", "amount_usd": 4.5e9},
    ),
    # lower-case and one-letter names, when an appositive or a deal role makes them companies
    (
        "",
        "Anthropic is acquiring qu Robotics, the warehouse startup founded by Lea Moss, for "
        "$400 million.",
        "acquisition",
        {"acquirer": "Anthropic", "target": "qu Robotics", "amount_usd": 4e8},
    ),
    (
        "",
        "Nvidia acquired Q, the inference chip designer, in an all-stock deal valuing it at "
        "$2 billion.",
        "acquisition",
        {"acquirer": "Nvidia", "target": "Q", "amount_usd": 2e9},
    ),
    (
        "",
        "Cohere bought vela, a tiny search startup, last month. vela had raised $4 million.",
        "acquisition",
        {"acquirer": "Cohere", "target": "vela"},
    ),
    # co-founder lists
    (
        "",
        "Mistral is acquiring Fennec Labs for $90 million. The startup, co-founded by former "
        "Google research chief Ana Ruiz with Ben Cho and Carl Diaz, builds speech models.",
        "talent_move",
        {"person": "Ana Ruiz", "from": "Google", "to": "Fennec Labs", "role": "co-founder"},
    ),
    (
        "",
        "Mistral is acquiring Fennec Labs for $90 million. The startup, co-founded by former "
        "Google research chief Ana Ruiz with Ben Cho and Carl Diaz, builds speech models.",
        "talent_move",
        {"person": "Carl Diaz", "to": "Fennec Labs", "role": "co-founder"},
    ),
    (
        "",
        "Fennec Labs, co-founded by former Google researchers Ana Ruiz, Ben Cho and Carl Diaz, "
        "raised $5 million.",
        "talent_move",
        {"person": "Ana Ruiz", "from": "Google", "to": "Fennec Labs", "role": "co-founder"},
    ),
    (
        "",
        "Fennec Labs, co-founded by Ana Ruiz with Ben Cho and Carl Diaz, all former Google "
        "researchers, raised $5 million.",
        "talent_move",
        {"person": "Ben Cho", "from": "Google", "to": "Fennec Labs", "role": "co-founder"},
    ),
    (
        "",
        "Sana Ruiz co-founded Nimbus Robotics in 2021 with Dev Mehta, who ran operations at "
        "Broadcom.",
        "talent_move",
        {"person": "Dev Mehta", "from": "Broadcom", "to": "Nimbus Robotics", "role": "co-founder"},
    ),
    (
        "",
        "Nimbus Robotics was co-founded by Sana Ruiz with Dev Mehta, who ran operations at "
        "Broadcom.",
        "talent_move",
        {"person": "Sana Ruiz", "to": "Nimbus Robotics", "role": "co-founder"},
    ),
    (
        "Quillmark Labs co-founder Ravi Kumar on photonic chips",
        "Quillmark Labs makes optical interconnects. I left Intel in 2023 to co-found Quillmark Labs.",
        "talent_move",
        {"person": "Ravi Kumar", "from": "Intel", "to": "Quillmark Labs", "role": "co-founder"},
    ),
    # a past round told in a comparison is a round of its own, of the same company
    (
        "",
        "Lux Capital has backed Halden Robotics since 2021. The company is now valued at $1.9 "
        "billion after raising $120 million, up from $420 million when it raised a $55 million "
        "Series A led by Eclipse in 2023.",
        "investment",
        {
            "company": "Halden Robotics",
            "investors": ["Eclipse"],
            "amount_usd": 55e6,
            "valuation_usd": 420e6,
            "round": "Series A",
        },
    ),
    (
        "",
        "Lux Capital has backed Halden Robotics since 2021. The company is now valued at $1.9 "
        "billion after raising $120 million, up from $420 million when it raised a $55 million "
        "Series A led by Eclipse in 2023.",
        "investment",
        {"company": "Halden Robotics", "amount_usd": 120e6, "valuation_usd": 1.9e9},
    ),
    # a background purchase by a person named as the buyer
    (
        "",
        "Elon Musk, who bought Twitter for $44 billion in 2022, now runs xAI.",
        "acquisition",
        {"acquirer": "Elon Musk", "target": "X Corp", "amount_usd": 44e9},
    ),
    # compute and supply contracts: the company that sells chips, cloud or capacity is the
    # vendor, whichever side of the sentence it stands on
    (
        "",
        "Mistral AI signed a $2 billion contract with CoreWeave to secure capacity through 2029.",
        "customer",
        {"vendor": "CoreWeave", "customer": "Mistral AI", "amount_usd": 2e9},
    ),
    (
        "",
        "Oracle inked a $40 billion cloud contract with xAI, its largest yet.",
        "customer",
        {"vendor": "Oracle", "customer": "xAI", "amount_usd": 40e9},
    ),
    (
        "",
        "Cohere signed a deal with Nebius valued at $900 million over four years for GPU capacity.",
        "customer",
        {"vendor": "Nebius", "customer": "Cohere", "amount_usd": 900e6},
    ),
    (
        "",
        "Perplexity plans to use up to 200,000 of AMD's accelerators in its new data centre.",
        "customer",
        {"vendor": "AMD", "customer": "Perplexity"},
    ),
    (
        "",
        "Character.AI will get access to as many as 50,000 TPUs from Google Cloud next year.",
        "customer",
        {"vendor": "Google Cloud", "customer": "Character.AI"},
    ),
    (
        "",
        "Runway agreed to deploy 2 gigawatts of NVIDIA systems starting in 2026.",
        "customer",
        {"vendor": "NVIDIA", "customer": "Runway"},
    ),
    (
        "",
        "Cerebras will supply G42 with wafer-scale systems for its Abu Dhabi site.",
        "customer",
        {"vendor": "Cerebras", "customer": "G42"},
    ),
    (
        "",
        "Tallis Cloud said OpenAI made up 71% of its first-half revenue.",
        "customer",
        {"vendor": "Tallis Cloud", "customer": "OpenAI"},
    ),
    (
        "",
        "Meta accounted for 35% of Nebius's revenue in the quarter.",
        "customer",
        {"vendor": "Nebius", "customer": "Meta"},
    ),
    (
        "",
        "Anthropic is leasing servers from Oracle under a $9 billion agreement.",
        "customer",
        {"vendor": "Oracle", "customer": "Anthropic", "amount_usd": 9e9},
    ),
    # a contract "with the startup to deploy its assistant": the startup makes the product
    (
        "",
        "Fenwick Labs builds coding agents for insurers. Harrow Mutual signed a three-year, "
        "$45 million contract with the startup to deploy its agents across claims.",
        "customer",
        {"vendor": "Fenwick Labs", "customer": "Harrow Mutual", "amount_usd": 45e6},
    ),
    (
        "",
        "Harrow Mutual agreed to a $12 million deal with Fenwick Labs to roll out its platform.",
        "customer",
        {"vendor": "Fenwick Labs", "customer": "Harrow Mutual", "amount_usd": 12e6},
    ),
    # a technology licensing deal is a licence: the company named after "with" licenses
    (
        "",
        "Apple struck a $1 billion licensing agreement with Perplexity for its search technology.",
        "customer",
        {"vendor": "Perplexity", "customer": "Apple", "amount_usd": 1e9},
    ),
    # a prior year's figure told beside the current one is a figure of its own
    (
        "",
        "Kestrel Health's revenue rose to $310 million in 2024 from $190 million in 2023.",
        "financial",
        {"company": "Kestrel Health", "metric": "revenue", "value_usd": 190e6, "period": "2023"},
    ),
    (
        "",
        "Kestrel Health reported revenue of $310 million for 2024, compared with $190 million a "
        "year earlier.",
        "financial",
        {"company": "Kestrel Health", "metric": "revenue", "value_usd": 190e6, "period": "2023"},
    ),
    # partnerships: a priced one, one named with "between", one stated as what it offers
    (
        "",
        "Workday and Mistral AI announced a $150 million partnership to build agents for HR.",
        "partnership",
        {"companies": ["Workday", "Mistral AI"]},
    ),
    (
        "",
        "The alliance between Siemens and Aleph Alpha covers industrial copilots.",
        "partnership",
        {"companies": ["Siemens", "Aleph Alpha"]},
    ),
    (
        "",
        "Cohere's models are now available natively inside Salesforce under a partnership "
        "announced on Tuesday.",
        "partnership",
        {"companies": ["Cohere", "Salesforce"]},
    ),
    (
        "",
        "Under the new partnership, Mistral AI's models will be offered on Snowflake.",
        "partnership",
        {"companies": ["Mistral AI", "Snowflake"]},
    ),
]

TRAPS: list[tuple[str, str, str, str]] = [
    (
        "",
        "Sam Altman bought Nvidia chips for his lab, and he bought them for $2 million.",
        "acquisition",
        "a person buying products is no takeover",
    ),
    (
        "",
        "Nvidia bought a Mellanox rival for $1 billion, and Q stands for the quarter.",
        "acquisition",
        "an article is no name and a lone letter is a company only in an appositive or a deal",
    ),
    (
        "",
        "By then, the company had acquired customers in ten countries.",
        "acquisition",
        "a lower-case word before an appositive-looking phrase is no company",
    ),
    (
        "",
        "\u201cMicrosoft shares our commitment to open models and gives us reach,\u201d said the "
        "founder of Palisade AI.",
        "investment",
        "a commitment with no amount is a stance, not an investment",
    ),
    (
        "Q&A with a founder",
        "Q: Why did we never hear about your layoffs? A: There were none.",
        "layoff",
        "the interviewer's question speaks for no company",
    ),
    (
        "",
        "Anthropic renewed its focus on safety research this year.",
        "customer",
        "renewing a focus is no contract",
    ),
    (
        "",
        "Anthropic expanded its partnership with Deloitte to more teams.",
        "customer",
        "an expanded partnership is no customer relation",
    ),
    (
        "",
        "AMD agreed to sell ZT Systems' manufacturing business to Sanmina for $3 billion.",
        "customer",
        "a divestiture is no sale to a customer",
    ),
    ("", "Nvidia sells H100 chips to Meta.", "acquisition", "selling products is no takeover"),
    (
        "",
        "Nebius reported bookings of $3 billion and a revenue backlog of $17 billion.",
        "financial",
        "bookings and a backlog are no revenue figure",
    ),
    (
        "",
        "Gridline Compute has $30 billion of contracted revenue over five years.",
        "financial",
        "contracted revenue is owed, not earned",
    ),
    (
        "",
        "Harrow Mutual signed a $12 million deal with Fenwick Labs to roll out its platform.",
        "partnership",
        "a deal to roll out the other side's product is a purchase, not a partnership",
    ),
    (
        "",
        "Apple struck a $1 billion licensing agreement with Perplexity for its search technology.",
        "partnership",
        "a technology licence is no partnership besides it",
    ),
    (
        "",
        "Nebius signed a $4 billion compute deal with Mistral AI ahead of its listing.",
        "partnership",
        "a compute deal is a sale of capacity, no partnership",
    ),
    (
        "",
        "Cerebras reached a $2 billion agreement with G42 to supply it with systems.",
        "partnership",
        "an agreement to supply is a sale, no partnership",
    ),
]


@pytest.mark.parametrize(
    ("title", "text", "type_", "fields"), CASES, ids=[c[1][:40] for c in CASES]
)
def test_finds(title: str, text: str, type_: str, fields: dict[str, Any]) -> None:
    find(events_of(text, title), type_, **fields)


@pytest.mark.parametrize(("title", "text", "type_", "why"), TRAPS, ids=[t[3][:40] for t in TRAPS])
def test_traps(title: str, text: str, type_: str, why: str) -> None:
    none_of(events_of(text, title), type_)


@pytest.mark.parametrize(
    "text",
    [
        "Corvane Robotics signed a supply agreement with Bexley Foods to deploy its robots in "
        "Bexley's plants.",
        "Corvane Robotics won a $30 million contract with Bexley Foods to deploy its robots.",
    ],
)
def test_the_supplier_of_a_supply_contract_stays_the_vendor(text: str) -> None:
    events = events_of(text)
    find(events, "customer", vendor="Corvane Robotics", customer="Bexley Foods")
    none_of(events, "customer", vendor="Bexley Foods")


def test_a_singular_title_describes_one_founder_only() -> None:
    events = events_of(
        "Fennec Labs, co-founded by former Google research chief Ana Ruiz with Ben Cho, raised "
        "$5 million."
    )
    find(events, "talent_move", person="Ben Cho", to="Fennec Labs", role="co-founder")
    none_of(events, "talent_move", person="Ben Cho", **{"from": "Google"})
    none_of(events, "investment", company="Ana Ruiz")


def test_the_current_round_keeps_nothing_of_the_past_one() -> None:
    events = events_of(
        "Halden Robotics is now valued at $1.9 billion after raising $120 million, up from $420 "
        "million when it raised a $55 million Series A led by Eclipse in 2023."
    )
    rounds = [e.fields for e in events if e.type == "investment"]
    assert len(rounds) == 2, rounds
    current = find(events, "investment", amount_usd=120e6).fields
    assert current["round"] is None and current["investors"] == [], current
    assert current["valuation_usd"] == 1.9e9, current


def test_the_relative_clause_move_does_not_replace_the_main_one() -> None:
    events = events_of(
        "Mira Castell, who had moved to Anthropic last spring, left Anthropic in March to join "
        "Cohere as chief scientist."
    )
    moves = [e.fields for e in events if e.type == "talent_move"]
    assert len(moves) == 1 and moves[0]["to"] == "Cohere", moves


# people after a deal: a promotion inside the company that stays, a founder's origin told in
# a relative clause
AFTER_A_DEAL = (
    "Nvidia agreed to license Groq's inference technology for $20 billion. Simon Edwards, "
    "Groq's finance chief, becomes CEO of what remains of the company. Jonathan Ross, who "
    "co-founded Groq after leaving Google, will join Nvidia."
)


def test_a_finance_chief_who_becomes_ceo_is_promoted_inside() -> None:
    find(
        events_of(AFTER_A_DEAL, "Nvidia licenses Groq's chips"),
        "talent_move",
        person="Simon Edwards",
        role="CEO",
        **{"from": "Groq", "to": "Groq"},
    )


def test_a_founding_in_a_relative_clause_is_where_the_founder_comes_from() -> None:
    events = events_of(AFTER_A_DEAL, "Nvidia licenses Groq's chips")
    find(events, "talent_move", person="Jonathan Ross", **{"from": "Groq", "to": "Nvidia"})
    stays = events_of(
        "Tessel agreed to buy Mirafold for $300 million. Omar Haddad, who co-founded Mirafold "
        "after leaving Meta, led the talks."
    )
    find(stays, "talent_move", person="Omar Haddad", role="co-founder", **{"from": "Meta"})


# a press release's people: the releasing company hires, never the company it bought; the one
# succeeded stays on in a new post
RELEASE = (
    "Verdant Analytics today announced it has acquired Loomstack, a tracing startup. "
    "Loomstack's team of 14 will move to Verdant's Seattle office.\n\n"
    "{hire} Chen joins from Datadog, where he was VP of Engineering. He succeeds co-founder "
    "Sam Okoye, who becomes chief scientist.\n\nAbout Verdant Analytics\n\nVerdant Analytics "
    "builds data observability tools."
)


@pytest.mark.parametrize(
    "hire",
    [
        "The company also named Wei Chen as chief technology officer.",
        "The company has named Wei Chen chief technology officer.",
        "Wei Chen joins as chief technology officer from Datadog.",
    ],
)
def test_a_release_hire_goes_to_the_releasing_company(hire: str) -> None:
    events = events_of(RELEASE.format(hire=hire), "Verdant Analytics acquires Loomstack")
    find(
        events,
        "talent_move",
        person="Wei Chen",
        role="chief technology officer",
        **{"from": "Datadog", "to": "Verdant Analytics"},
    )
    find(
        events,
        "talent_move",
        person="Sam Okoye",
        role="chief scientist",
        **{"from": "Verdant Analytics", "to": "Verdant Analytics"},
    )
    none_of(events, "talent_move", to="Loomstack")


# a first-person post: "I" is the byline's author, "I've" is no name
@pytest.mark.parametrize(
    "text",
    [
        "By Aiko Brennan\n\nAfter six years at Google DeepMind I've joined Lumen Loop as head of "
        "research. It was not an easy call.",
        "Posted by Aiko Brennan on March 3, 2025\n\nAfter six years at Google DeepMind, I joined "
        "Lumen Loop as its head of research last month.",
        "Maya Brennan\n\nI have left Google DeepMind. After six years there I'm joining Lumen Loop "
        "as head of research.",
    ],
)
def test_a_first_person_post_moves_its_author(text: str) -> None:
    events = events_of(text, "Why I left DeepMind")
    moves = [e.fields for e in events if e.type == "talent_move"]
    assert len(moves) == 1, moves
    assert moves[0]["person"].endswith("Brennan"), moves
    assert (moves[0]["from"], moves[0]["to"]) == ("Google DeepMind", "Lumen Loop"), moves
    assert moves[0]["role"] == "head of research", moves


# "the company" after a founder's story is the company founded, never a past employer named
# in a relative clause, an appositive or a fronted phrase
@pytest.mark.parametrize(
    "founding",
    [
        "Kenji Arakawa, who spent five years at Preferred Networks, co-founded Kumonosu AI in 2023.",
        "Kenji Arakawa, a veteran of Preferred Networks, co-founded Kumonosu AI in 2023.",
        "After five years at Preferred Networks, Kenji Arakawa co-founded Kumonosu AI in 2023.",
        "Kenji Arakawa spent five years at Preferred Networks. In 2023 he co-founded Kumonosu AI.",
    ],
)
def test_the_company_after_a_founding_is_the_founded_one(founding: str) -> None:
    events = events_of(
        founding + " In June the company raised 3 billion yen ($20 million) from JAFCO.",
        "Spider-silk robots from Tokyo",
    )
    find(events, "investment", company="Kumonosu AI", amount_usd=20e6)
    find(
        events,
        "talent_move",
        person="Kenji Arakawa",
        role="co-founder",
        **{"from": "Preferred Networks", "to": "Kumonosu AI"},
    )
    none_of(events, "investment", company="Preferred Networks")
    none_of(events, "talent_move", to="Preferred Networks")


# an interview's answers: "our" and an unnamed company are the interviewee's, named in the
# headline ("Q&A: X's A on ...")
INTERVIEW = "Q&A: Tidemark AI's Paula Reyes on a hard year"
INTRO = "We talked to co-founder and CEO Paula Reyes about the year.\n\nQ: Who joined?\n\n"


def test_an_interviewee_hire_goes_to_the_headline_company() -> None:
    events = events_of(
        INTRO + "PR: Tom Okafor, who was at Stripe for six years, joined as CFO.", INTERVIEW
    )
    find(
        events,
        "talent_move",
        person="Tom Okafor",
        role="CFO",
        **{"from": "Stripe", "to": "Tidemark AI"},
    )


def test_an_interviewee_promotion_is_inside_the_company() -> None:
    events = events_of(
        INTRO + "PR: Leah Kim, who'd been our head of sales, is now our chief operating officer.",
        INTERVIEW,
    )
    find(
        events,
        "talent_move",
        person="Leah Kim",
        role="chief operating officer",
        **{"from": "Tidemark AI", "to": "Tidemark AI"},
    )


def test_an_interviewee_figure_is_the_headline_company() -> None:
    events = events_of(INTRO + "PR: We ended December at $28 million in ARR.", INTERVIEW)
    find(events, "financial", company="Tidemark AI", metric="arr", value_usd=28e6)


# earnings notes: the full year beside a quarter ------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Orvane Cloud results",
            "Orvane Cloud reported fourth-quarter revenue of $1.3 billion on Tuesday. For the "
            "full year, revenue was $4.6 billion, up 27%.",
        ),
        (
            "",
            "Orvane Cloud posted fourth-quarter revenue of $1.3 billion; full-year revenue "
            "reached $4.6 billion.",
        ),
        (
            "",
            "Orvane Cloud posted revenue of $4.6 billion for the full year, while fourth-quarter "
            "revenue was $1.3 billion.",
        ),
    ],
)
def test_a_full_year_figure_is_the_quarters_year(title: str, text: str) -> None:
    # published June 2025: the fourth quarter reported is 2024's, and so is the full year
    events = events_of(text, title)
    find(events, "financial", company="Orvane Cloud", value_usd=4.6e9, period="2024")
    find(events, "financial", company="Orvane Cloud", value_usd=1.3e9, period="2024-Q4")
    none_of(events, "financial", value_usd=4.6e9, period="2024-Q4")
    none_of(events, "financial", value_usd=4.6e9, period="2025")


def test_a_full_year_after_a_fiscal_quarter_is_that_fiscal_year() -> None:
    events = events_of(
        "Tessaline reported results for its fiscal 2023 fourth quarter on Wednesday. For the "
        "full year, revenue was $880 million, up 31%.",
        "Tessaline results",
    )
    find(events, "financial", company="Tessaline", metric="revenue", value_usd=880e6, period="2023")


def test_an_interviewee_round_is_the_headline_company() -> None:
    events = events_of(
        INTRO.replace("Who joined?", "Tell us about the raise.")
        + "PR: It's a $45 million Series C. Lightspeed led it, Nvidia came in, and our first "
        "investor Sequoia came back in. It values us at $610 million after the money.",
        INTERVIEW,
    )
    find(
        events,
        "investment",
        company="Tidemark AI",
        amount_usd=45e6,
        round="Series C",
        investors=["Lightspeed Venture Partners", "NVIDIA", "Sequoia Capital"],
        valuation_usd=610e6,
    )
    none_of(events, "investment", company="Lightspeed Venture Partners")


def test_joiners_after_a_round_are_its_investors() -> None:
    events = events_of(
        "Corvina Labs raised $18 million in a seed round. Greylock joined, and Accel "
        "participated.\n\nIn May, Nina Okafor joined. Intel joined, too."
    )
    event = find(events, "investment", company="Corvina Labs", investors=["Greylock", "Accel"])
    assert len(event.fields["investors"]) == 2  # not Intel: another paragraph


# compute deals with no product word: the compute seller is the vendor ----------------------


@pytest.mark.parametrize(
    ("text", "vendor", "customer", "amount"),
    [
        (
            "Helion Labs inked a $4 billion agreement with CoreWeave last week.",
            "CoreWeave",
            "Helion Labs",
            4e9,
        ),
        (
            "Oracle's $30 billion contract with Helion Labs runs for five years.",
            "Oracle",
            "Helion Labs",
            30e9,
        ),
        (
            "Pellucid AI signed an agreement with Nebius worth $700 million.",
            "Nebius",
            "Pellucid AI",
            700e6,
        ),
    ],
)
def test_a_priced_deal_with_a_compute_seller_is_a_sale(
    text: str, vendor: str, customer: str, amount: float
) -> None:
    events = events_of(text)
    find(events, "customer", vendor=vendor, customer=customer, amount_usd=amount)
    none_of(events, "partnership")


@pytest.mark.parametrize(
    "text",
    [
        "Quanta Labs struck a $50 million agreement with Nvidia to co-develop robotics models.",
        "Nvidia signed a $90 million partnership agreement with Siemens in Munich.",
    ],
)
def test_a_deal_to_work_together_with_a_compute_seller_stays_a_partnership(text: str) -> None:
    events = events_of(text)
    find(events, "partnership")
    none_of(events, "customer")


@pytest.mark.parametrize(
    ("text", "seller"),
    [
        ("Helion Labs will rent Nvidia chips from Oracle under the new deal.", "Oracle"),
        ("Helion Labs agreed to rent Nvidia GPUs from CoreWeave.", "CoreWeave"),
        (
            "Helion Labs will buy Nvidia accelerators from Dell for its new cluster.",
            "Dell Technologies",
        ),
    ],
)
def test_compute_rented_from_a_seller_is_the_sellers_sale(text: str, seller: str) -> None:
    events = events_of(text)
    find(events, "customer", vendor=seller, customer="Helion Labs")
    none_of(events, "customer", vendor="NVIDIA")  # only the chips' maker


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("PR: We ended October at $12 million in annual recurring revenue.", "2024-10"),
        ("PR: We closed March at $7 million in ARR.", "2025-03"),
        ("PR: We finished June at $15 million in ARR.", "2024-06"),  # June is not over yet
    ],
)
def test_a_month_ended_is_the_last_one_of_that_name(text: str, period: str) -> None:
    events = events_of(INTRO + text, INTERVIEW)
    find(events, "financial", company="Tidemark AI", metric="arr", period=period)


def test_a_bought_lab_building_for_its_buyer_is_no_supplier() -> None:
    events = events_of(
        "Zentro completed its $120 million purchase of Ravel AI, a lab that builds models and "
        "tunes them for Zentro."
    )
    find(events, "acquisition", acquirer="Zentro", target="Ravel AI", amount_usd=120e6)
    none_of(events, "customer")


def test_building_for_a_chipmakers_hardware_is_no_sale_to_it() -> None:
    none_of(events_of("Ravel AI builds and deploys compilers for AMD hardware."), "customer")
    none_of(events_of("Ravel AI deploys its compilers for Nvidia GPUs."), "customer")
    find(
        events_of("Ravel AI will deploy 200 robots for Walmart."),
        "customer",
        vendor="Ravel AI",
        customer="Walmart",
    )


def test_the_biggest_in_an_answer_about_users_is_a_customer() -> None:
    events = events_of(
        "We talked to Paula Reyes.\n\nQ: Which companies rely on it?\n\nPR: Mostly logistics firms. "
        "Meridian Freight is the biggest — they route all their customs filings through us, "
        "roughly a $2 million-a-year contract.",
        INTERVIEW,
    )
    find(
        events,
        "customer",
        vendor="Tidemark AI",
        customer="Meridian Freight",
        amount_usd=2e6,
        status="active",
    )


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        ("PR: Kestrel Bank is our largest customer.", "Tidemark AI"),
        ("PR: Tovana AI sells fraud models. Kestrel Bank is its biggest client.", "Tovana AI"),
    ],
)
def test_x_is_our_biggest_customer(text: str, vendor: str) -> None:
    find(events_of(INTRO + text, INTERVIEW), "customer", vendor=vendor, customer="Kestrel Bank")


def test_the_biggest_after_another_question_is_no_customer() -> None:
    events = events_of(
        "We talked to Paula Reyes.\n\nQ: Who do you compete with?\n\nPR: Cohere is the biggest "
        "- they sign contracts we bid on too.",
        INTERVIEW,
    )
    none_of(events, "customer", customer="Cohere")


@pytest.mark.parametrize(
    "text",
    [
        "PR: In February we let 14 people go, mostly in sales.",
        "PR: We had to let go of 14 people.",
        "PR: We had to let about 14 of our engineers go.",
    ],
)
def test_people_let_go_are_a_layoff_of_the_speakers_company(text: str) -> None:
    find(events_of(INTRO + text, INTERVIEW), "layoff", company="Tidemark AI", count=14)


def test_people_let_go_home_are_no_layoff() -> None:
    none_of(events_of(INTRO + "PR: We let 14 people go home early.", INTERVIEW), "layoff")


# "you" in the interviewer's turn is the interviewee's company, never a company named "You" ---
ASKED = "We talked to Paula Reyes.\n\n"


@pytest.mark.parametrize(
    "question",
    [
        "Q: You raised $60 million in March. What's it for?",
        "Q: So you raised $60 million in March. What's it for?",
    ],
)
def test_you_in_a_question_turn_is_the_interviewees_company(question: str) -> None:
    events = events_of(ASKED + question + "\n\nPR: Mostly hiring.", INTERVIEW)
    find(events, "investment", company="Tidemark AI", amount_usd=60e6)
    assert not any("You" in str(e.fields) for e in events), events


def test_your_rival_in_a_question_turn_stays_the_rival() -> None:
    events = events_of(
        ASKED + "Q: Your rival Cohere raised $500 million in May. Worried?\n\nPR: No.", INTERVIEW
    )
    find(events, "investment", company="Cohere", amount_usd=500e6)
    none_of(events, "investment", company="Tidemark AI")


def test_you_outside_a_question_is_no_company() -> None:
    events = events_of(ASKED + "PR: If you raise $60 million, you hire fast.", INTERVIEW)
    assert not [e for e in events if e.type == "investment"], events
    events = events_of("You raised $60 million in March? Then hire.", "Advice for founders")
    assert not any("You" in str(e.fields) for e in events), events


# an answer turn labelled with the interviewee's name speaks for the company, as initials do --


@pytest.mark.parametrize("label", ["Reyes", "Paula Reyes", "Paula"])
def test_an_answer_labelled_with_the_interviewees_name_speaks_for_the_company(
    label: str,
) -> None:
    raised = events_of(
        ASKED + "Q: Tell us about the raise.\n\n" + label + ": It's a $45 million Series C. "
        "Lightspeed led it. It values us at $610 million.",
        INTERVIEW,
    )
    find(
        raised,
        "investment",
        company="Tidemark AI",
        amount_usd=45e6,
        round="Series C",
        investors=["Lightspeed Venture Partners"],
        valuation_usd=610e6,
    )
    hired = events_of(
        ASKED + "Q: Who joined?\n\n" + label + ": Tom Okafor, who was at Stripe for six years, "
        "joined as CFO.",
        INTERVIEW,
    )
    find(hired, "talent_move", person="Tom Okafor", **{"from": "Stripe", "to": "Tidemark AI"})
    used = events_of(
        ASKED + "Q: Who uses it?\n\n" + label + ": Mostly shippers. Meridian Freight is the "
        "biggest - they clear every shipment through us, about a $3 million-a-year contract.",
        INTERVIEW,
    )
    find(used, "customer", vendor="Tidemark AI", customer="Meridian Freight", amount_usd=3e6)


def test_the_interviewees_label_without_a_headline_is_the_articles_person() -> None:
    events = events_of(
        "Tidemark AI builds customs software. We talked to its chief executive, Paula Reyes."
        "\n\nQ: Tell us about the raise.\n\nReyes: It's a $45 million Series C.",
        "A hard year",
    )
    find(events, "investment", company="Tidemark AI", round="Series C", amount_usd=45e6)


def test_another_speakers_label_speaks_for_no_one() -> None:
    events = events_of(
        ASKED + "Q: Tell us about the raise.\n\nTom Ward: It's a $45 million Series C.", INTERVIEW
    )
    none_of(events, "investment", company="Tidemark AI")


# "we finished May with $4 million", "closed the quarter with": the period that just ended ---


@pytest.mark.parametrize(
    ("text", "metric", "value", "period"),
    [
        ("PR: We finished May with $4 million in ARR.", "arr", 4e6, "2025-05"),
        (
            "PR: We ended February with $3.5 million in annual recurring revenue.",
            "arr",
            3.5e6,
            "2025-02",
        ),
        ("PR: We closed the quarter with $9 million in revenue.", "revenue", 9e6, "2025-Q1"),
        ("PR: We ended the year with $30 million in ARR.", "arr", 30e6, "2024"),
        ("PR: We finished the month with $3 million in revenue.", "revenue", 3e6, "2025-05"),
    ],
)
def test_a_figure_a_period_closed_with_is_that_periods(
    text: str, metric: str, value: float, period: str
) -> None:
    events = events_of(INTRO + text, INTERVIEW)
    find(events, "financial", company="Tidemark AI", metric=metric, value_usd=value, period=period)


def test_the_modal_may_still_makes_a_forecast() -> None:
    none_of(events_of(INTRO + "PR: Our ARR may reach $5 million.", INTERVIEW), "financial")


# head counts in words: "we let nine people go", "cut forty jobs", "a dozen staff" ------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("PR: In February we let nine people go.", 9),
        ("PR: We cut forty jobs, mostly in sales.", 40),
        ("PR: We laid off a dozen staff last spring.", 12),
        ("PR: We had to let go of twenty-two engineers.", 22),
    ],
)
def test_a_head_count_in_words_is_a_layoff(text: str, count: int) -> None:
    find(events_of(INTRO + text, INTERVIEW), "layoff", company="Tidemark AI", count=count)


def test_a_head_count_in_words_without_a_cut_is_no_layoff() -> None:
    none_of(events_of(INTRO + "PR: We hired nine people in May.", INTERVIEW), "layoff")
    none_of(events_of(INTRO + "PR: We cut one of our teams' budgets.", INTERVIEW), "layoff")


# ", and we ..." opens a clause of its own: its month is no period of the figure before -------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "PR: We ended March at $6 million in ARR, and we plan to double it by September.",
            "2025-03",
        ),
        ("PR: Our ARR hit $6 million, and we doubled the team in March.", "2025-06"),
        ("PR: Our ARR is $6 million, and in May we signed Kestrel Bank.", "2025-06"),
        ("PR: Our ARR was $6 million in April, but they only paid in May.", "2025-04"),
    ],
)
def test_a_month_of_the_next_clause_is_not_the_figures(text: str, period: str) -> None:
    events = events_of(INTRO + text, INTERVIEW)
    find(events, "financial", company="Tidemark AI", value_usd=6e6, period=period)
    assert len([e for e in events if e.type == "financial"]) == 1, events


def test_a_second_figure_keeps_its_own_month() -> None:
    events = events_of(
        INTRO + "PR: We ended January at $6 million in ARR, and we crossed $9 million in May.",
        INTERVIEW,
    )
    find(events, "financial", value_usd=6e6, period="2025-01")
    find(events, "financial", value_usd=9e6, period="2025-05")


def test_a_third_party_figure_is_dated_by_its_own_clause() -> None:
    events = events_of(
        "Tovana AI's revenue reached $6 million, and it expects to double that by December, "
        "chief executive Ana Ruiz said."
    )
    find(events, "financial", company="Tovana AI", value_usd=6e6, period="2025-06")


# press releases: the headline's deal, the body's "today announced" -------------------------


@pytest.mark.parametrize(
    ("title", "text", "amount"),
    [
        (
            "Corvex to Acquire Brightpath AI for $85 Million",
            "Corvex, Inc. today announced that it has entered into a definitive agreement to "
            "acquire Brightpath AI. The transaction is expected to close in the third quarter.",
            85e6,
        ),
        (
            "Halvard Systems Acquires Quillon",
            "Halvard Systems Corp. (NASDAQ: HLVD) today announced the acquisition, valued at $40 "
            "million. Quillon, based in Oslo, builds retrieval software.",
            40e6,
        ),
        (
            "",
            "Corvex today announced it has entered into a definitive agreement to acquire "
            "Brightpath AI for $85 million in cash.",
            85e6,
        ),
    ],
)
def test_a_press_release_acquisition(title: str, text: str, amount: float) -> None:
    event = find(events_of(text, title), "acquisition", amount_usd=amount)
    assert name_key(event.fields["target"]) in ("brightpathai", "quillon")
    assert name_key(event.fields["acquirer"]) in ("corvex", "halvardsystems")


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Q: Did anyone try to buy you?",
            "PR: We had an offer from Nvidia last autumn, and we turned it down.",
        ),
        (
            "Q: Did anyone try to buy you?",
            "PR: We had an offer from a big chip company last autumn, and we said no.",
        ),
        (
            "Q: Is Sequoia putting $80 million into Tidemark AI?",
            "PR: Not true. We're not raising.",
        ),
    ],
)
def test_a_refused_offer_or_a_denied_round_is_no_event(question: str, answer: str) -> None:
    events = events_of("We talked to Paula Reyes.\n\n" + question + "\n\n" + answer, INTERVIEW)
    assert not [e for e in events if e.type in ("investment", "acquisition")], events


# investors after a round, and stock bought as an investment -------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Founders Fund led, and Lux Capital and 8VC joined.",
        "Founders Fund led the round, with participation from Lux Capital and 8VC.",
    ],
)
def test_investors_told_after_the_round_are_its_investors(second: str) -> None:
    events = events_of("Marrow Robotics raised $40 million in a Series B. " + second)
    find(
        events,
        "investment",
        company="Marrow Robotics",
        amount_usd=40e6,
        investors=["Founders Fund", "Lux Capital", "8VC"],
    )


def test_a_digit_led_name_is_a_company_and_a_unit_is_none() -> None:
    events = events_of("Marrow Robotics raised $40 million from 8VC to build 5G modems.")
    find(events, "investment", company="Marrow Robotics", investors=["8VC"])
    assert not any("5G" in str(e.fields) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "SoftBank agreed to buy $2 billion of Intel stock.",
        "SoftBank bought $2 billion of Intel shares last month.",
    ],
)
def test_stock_bought_is_an_investment_in_its_issuer(text: str) -> None:
    events = events_of(text)
    find(events, "investment", company="Intel", investors=["SoftBank Group"], amount_usd=2e9)
    none_of(events, "acquisition")


def test_stock_bought_by_no_one_named_is_no_investment() -> None:
    none_of(events_of("The fund bought $40 million worth of Nvidia's shares."), "investment")


# a background launch by the company the article is about ----------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "The company launched Tidewright last year.",
        "The startup launched Tidewright in March, and it now has 4,000 users.",
    ],
)
def test_a_dated_launch_by_the_company_in_focus(second: str) -> None:
    events = events_of(
        "Corvina named Dana Holt its chief AI officer on Monday. " + second, "Corvina hires"
    )
    find(events, "product_launch", company="Corvina", product="Tidewright")


def test_a_launched_person_or_place_is_no_product() -> None:
    events = events_of("Corvina named Dana Holt its chief AI officer. It launched Holt in May.")
    none_of(events, "product_launch", product="Holt")


# a layoff's head count is the verb's object, not the people something else is cut for -------


@pytest.mark.parametrize(
    "text",
    [
        "PR: We cut prices for 10 employees' plans.",
        "PR: We cut 10 employees' bonuses.",
        "PR: We trimmed fees to 40 staff members' accounts.",
    ],
)
def test_people_something_is_cut_for_are_no_layoff(text: str) -> None:
    none_of(events_of(INTRO + text, INTERVIEW), "layoff")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("PR: We cut a further 200 roles across Europe.", 200),
        ("PR: We laid off more than 100 of our engineers in May.", 100),
    ],
)
def test_people_cut_are_a_layoff(text: str, count: int) -> None:
    find(events_of(INTRO + text, INTERVIEW), "layoff", company="Tidemark AI", count=count)


# a partnership agreement "for software" is one event, the partnership, unless a purchase is told


@pytest.mark.parametrize(
    "text",
    [
        "Tidemark AI signed a partnership agreement with Kestrel Bank for software.",
        "Kestrel Bank entered into a strategic partnership agreement with Tovana AI for its "
        "fraud models.",
    ],
)
def test_a_partnership_agreement_for_software_is_no_sale(text: str) -> None:
    events = events_of(text)
    assert [e.type for e in events] == ["partnership"]


def test_a_partnership_agreement_with_a_purchase_is_also_a_sale() -> None:
    events = events_of(
        "Kestrel Bank signed a partnership agreement with Tovana AI for its fraud models and "
        "will pay $2 million a year."
    )
    find(events, "partnership", companies=["Kestrel Bank", "Tovana AI"])
    find(events, "customer", vendor="Tovana AI", customer="Kestrel Bank", amount_usd=2e6)


# "X is the biggest - a $3 million-a-year contract": the speaker's company is the unnamed vendor


@pytest.mark.parametrize(
    "answer",
    [
        "Kestrel Bank is the biggest - a $3 million-a-year contract.",
        "Mostly banks. Kestrel Bank is the biggest — a $3 million-a-year contract.",
    ],
)
def test_the_biggest_priced_right_after_the_dash_is_a_customer(answer: str) -> None:
    events = events_of(ASKED + "Q: Who are your customers?\n\nPR: " + answer, INTERVIEW)
    find(events, "customer", vendor="Tidemark AI", customer="Kestrel Bank", amount_usd=3e6)


def test_the_biggest_alone_in_an_answer_about_customers_is_a_customer() -> None:
    events = events_of(
        ASKED + "Q: Which banks use it?\n\nPR: Kestrel Bank is the biggest.", INTERVIEW
    )
    find(events, "customer", vendor="Tidemark AI", customer="Kestrel Bank")


# a figure with no owner word: the company the answer speaks for, else the one in focus ------


@pytest.mark.parametrize(
    ("answer", "metric", "period"),
    [
        ("PR: ARR was $6 million in January.", "arr", "2025-01"),
        ("PR: Revenue was $6 million last year.", "revenue", "2024"),
        ("Reyes: ARR was $6 million in January.", "arr", "2025-01"),
    ],
)
def test_an_ownerless_figure_in_an_answer_is_the_speakers_company(
    answer: str, metric: str, period: str
) -> None:
    events = events_of(INTRO + answer, INTERVIEW)
    find(
        events,
        "financial",
        company="Tidemark AI",
        metric=metric,
        value_usd=6e6,
        period=period,
    )


def test_an_ownerless_figure_in_a_post_or_in_prose_is_the_company_in_focus() -> None:
    post = events_of("By Priya Nand, CEO of Lumora. Revenue was $6 million last year.", "A year")
    find(post, "financial", company="Lumora", metric="revenue", value_usd=6e6, period="2024")
    prose = events_of(
        "Tidemark AI builds customs software. It employs 80 people in Lisbon. "
        "Revenue was $12 million last year.",
        "Tidemark AI grows",
    )
    find(prose, "financial", company="Tidemark AI", metric="revenue", value_usd=12e6)


# a name where a company was founded, is based or has offices is a place, not the figure's owner


@pytest.mark.parametrize(
    "where",
    [
        "The company was founded in 2021 in Rotterdam.",
        "It was founded in Rotterdam in 2021.",
        "The startup is headquartered in Rotterdam.",
        "It has offices in Lisbon, Porto and Rotterdam.",
    ],
)
def test_a_founding_or_office_place_is_no_company(where: str) -> None:
    events = events_of(
        "Tidewell Logistics builds route planning tools for shippers. "
        + where
        + " Revenue was $12 million last year."
    )
    find(events, "financial", company="Tidewell Logistics", metric="revenue", value_usd=12e6)
    for name in ("Rotterdam", "Lisbon", "Porto"):
        none_of(events, "financial", company=name)


def test_a_name_after_a_list_of_places_that_acts_is_a_company() -> None:
    events = events_of(
        "Tidewell Logistics has offices in Rotterdam, and Kestrel invested $5 million in it."
    )
    find(events, "investment", company="Tidewell Logistics", investors=["Kestrel"])


# an agreement (no partnership word) with Y for its product is a purchase: one customer event


@pytest.mark.parametrize(
    "text",
    [
        "Tidemark AI signed a three-year agreement with Kestrel Bank for its lending software.",
        "Kestrel Bank struck a deal with Tovana AI for its fraud models.",
    ],
)
def test_an_agreement_for_a_product_is_only_a_sale(text: str) -> None:
    events = events_of(text)
    assert [e.type for e in events] == ["customer"]


# "a partnership with Y, which will buy its software": the partnership and Y as a customer


@pytest.mark.parametrize(
    "text",
    [
        "Tidemark AI signed a partnership agreement with Kestrel Bank, which will buy its "
        "software for $2 million.",
        "Tidemark AI formed a partnership with Kestrel Bank, which will pay $2 million a year "
        "for its lending models.",
    ],
)
def test_a_partner_that_buys_the_subjects_product_is_also_a_customer(text: str) -> None:
    events = events_of(text)
    find(events, "partnership", companies=["Tidemark AI", "Kestrel Bank"])
    find(events, "customer", vendor="Tidemark AI", customer="Kestrel Bank", amount_usd=2e6)


def test_a_partner_that_sells_the_subjects_product_is_no_customer() -> None:
    events = events_of(
        "Tidemark AI signed a partnership agreement with Kestrel Bank, which will sell its "
        "software in Europe."
    )
    none_of(events, "customer")


# a quarter with no year that has not ended at the article's date is last year's -------------


@pytest.mark.parametrize(
    ("month", "period"),
    [(11, "2024-Q4"), (12, "2024-Q4"), (2, "2024-Q4"), (8, "2025-Q2"), (6, "2024-Q2")],
)
def test_a_quarter_not_yet_over_is_last_years(month: int, period: str) -> None:
    text = "Orvane Cloud reported second-quarter revenue of $1.1 billion."
    if period.endswith("Q4"):
        text = text.replace("second", "fourth")
    on = datetime(2025, month, 20, 9, 0)
    events = english_events(text, "", on)
    find(events, "financial", company="Orvane Cloud", value_usd=1.1e9, period=period)


def test_a_quarter_with_its_year_keeps_it() -> None:
    on = datetime(2025, 11, 20, 9, 0)
    events = english_events("Orvane Cloud posted revenue of $1.1 billion for Q4 2025.", "", on)
    find(events, "financial", company="Orvane Cloud", value_usd=1.1e9, period="2025-Q4")


# "named X its chief AI officer": a lower-case title may hold an acronym ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Bank named Maya Chen its chief AI officer.",
        "Kestrel Bank has named Maya Chen its new chief AI officer, effective Monday.",
        "Kestrel Bank has appointed Maya Chen as its chief AI officer.",
    ],
)
def test_a_title_with_an_acronym_is_the_role(text: str) -> None:
    events = events_of(text)
    find(events, "talent_move", person="Maya Chen", to="Kestrel Bank", role="chief AI officer")


# "X, which bought a 49% stake in Y for $2 billion last year": a past stake stated as fact ---


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Bank, which bought a 35% stake in Orvane Cloud for $2.1 billion last year, "
        "opened an office in Lisbon on Monday.",
        "Kestrel Bank purchased a 35% stake in Orvane Cloud for $2.1 billion in March.",
    ],
)
def test_a_stake_bought_is_an_investment(text: str) -> None:
    events = events_of(text)
    find(
        events,
        "investment",
        company="Orvane Cloud",
        investors=["Kestrel Bank"],
        amount_usd=2.1e9,
        stake_pct=35,
    )
    none_of(events, "acquisition")


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Bank is in talks to buy a 35% stake in Orvane Cloud.",
        "Kestrel Bank offered to buy a 35% stake in Orvane Cloud, but its board refused.",
    ],
)
def test_a_stake_only_sought_is_no_investment(text: str) -> None:
    none_of(events_of(text), "investment")
