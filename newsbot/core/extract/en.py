"""English rules: ``extract_events(doc) -> list[Event]``.

Sentences are read in order (``en_names`` resolves who is who as it goes); each rule family
(``en_deals``, ``en_people``, ``en_metrics``) adds what it finds. Afterwards an amount stated
a few sentences later ("put the value of the deal at about $700 million") is attached to
the deal it prices, division names map to their company, and incomplete findings are
dropped. Press-release boilerplate ("About X", "Media contact", forward-looking statements)
is not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsbot.core.events import Event
from newsbot.core.extract.document import Document, name_key
from newsbot.core.extract.en_common import Found, blocked, rx
from newsbot.core.extract.en_deals import acquisitions, investments, round_joiners
from newsbot.core.extract.en_metrics import financials, layoffs, products
from newsbot.core.extract.en_names import (
    ORG_SUFFIXES,
    Context,
    Ent,
    Parsed,
    build_context,
    finish_parse,
    read_names,
    sentence_words,
    speaker_company,
)
from newsbot.core.extract.en_people import talent
from newsbot.core.extract.en_relations import customers, partnerships
from newsbot.core.extract.en_tables import TableReader
from newsbot.core.extract.merge import merge_events
from newsbot.core.extract.numbers import COUNT_WORDS
from newsbot.core.extract.patterns import by_first_letter
from newsbot.core.extract.periods import month_period
from newsbot.core.extract.text import Sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Each rule family with the words without which it cannot match: a cheap first look.
RULES: tuple[tuple[frozenset[str], Callable[[Parsed, Context, Found], None]], ...] = (
    (
        _words(
            "invest invested invests investing investment investments investor investors "
            "backer backers backed led participation stake stakes commitment raised raise "
            "raises raising secured closed landed funding round financing shareholder "
            "shareholders portfolio funded"
        ),
        investments,
    ),
    (_words("came come comes joined participated led"), round_joiners),
    (
        _words(
            "acquire acquires acquired acquiring acquisition acquisitions buy buys bought buying "
            "buyout purchase purchased purchases purchasing snap snapped snaps snapping over "
            "takeover merge merger swallow swallowed scoop scooped combination sold picked "
            "sell sells selling divest divests divested divesting offload offloads offloaded "
            "picks"
        ),
        acquisitions,
    ),
    (
        _words(
            "partner partners partnered partnering partnership partnerships collaborate "
            "collaborated collaborates collaborating collaboration alliance agreement agreements "
            "deal deals pact joint tie companies integrate integrates integrated integrating "
            "integration teamed teams teaming jointly co-develop co-develops codevelop forces "
            "working together venture resell resells resold distribute distributes offer offers "
            "offered offering sells memorandum mou co-design codesign co-build co-create "
            "co-engineer work"
        ),
        partnerships,
    ),
    (
        _words(
            "license licence licensed licenses licences licensing customer customers client "
            "supplier suppliers provider providers vendor vendors "
            "clients ending ended end ends halt halted halts halting pause paused pauses pausing "
            "suspend suspended suspends stop stopped stops ties dropped drops drop wound winding "
            "longer terminate terminated terminates hold froze frozen pulled counted counts count "
            "commercial supply services use uses used tap taps tapped rely relies turned turns "
            "rent rents rented deal deals agreement contract contracts commitment pay pays paid "
            "paying earns earned available account accounts revoked revokes suspends api pilot "
            "trial test buy bought purchase access adopt adopts adopted deploy deploys "
            "deployed spend spends spent spending supply supplies supplied provide provides "
            "deliver delivers sell sells sold selected selects chose picked tapped adopted testing "
            "tested piloting piloted trialling trialing deploying install installs installed rolled rolls "
            "installing renew renews renewed extend extends extended expand expands expanded "
            "rollout roll-out scrapped cancelled canceled cancels accounted made makes represented "
            "represents contributed equip equips equipped renting leasing lease leases access "
            "biggest largest anchor"
        ),
        customers,
    ),
    (
        _words(
            "hire hired hires hiring appoint appointed appoints appointing appointment name named "
            "names naming tap tapped taps tapping poach poached poaches poaching recruit "
            "recruited recruits recruiting brought brings promote promoted promotes promotion "
            "elevated elevates picked picks lured lures nabbed snagged join joined joins joining "
            "rejoined rejoins returned returns moved moves defected defects went goes heads "
            "headed left leave leaves leaving departed departs departing departure quit quits "
            "quitting exit exited exits exiting resigned resigns resigning resignation stepped step "
            "steps stepping retire retired retires retirement parted parts lose loses lost handing "
            "hands handed passes passing passed "
            "losing founded founds started starts starting launched launches launching set sets "
            "setting formed forms created creates announced unveiled incorporated spun become "
            "became becomes took takes take taking succeeds succeeded succeed succeeding replaces replaced "
            "replacing been serve serves previously "
            "recently formerly worked spent served stint spell tenure ran led headed oversaw "
            "came comes arrived arrives hails "
            "run lead head oversee helm "
            "now"
        ),
        talent,
    ),
    (
        _words(
            "revenue revenues sales turnover arr run annualized annualised margin margins valued "
            "raised total"
        ),
        financials,
    ),
    (
        _words(
            "cut cuts cutting eliminate eliminates eliminated eliminating lay lays laid laying "
            "slash slashes slashed slashing shed sheds shedding axe axes axed axing trim trims "
            "trimmed trimming reduce reduces reduced reducing let lets letting dismiss dismissed "
            "dismisses furlough furloughed layoffs layoff redundancies"
        ),
        layoffs,
    ),
    (
        _words(
            "launch launched launches launching release released releases releasing unveil "
            "unveiled unveils unveiling introduce introduced introduces introducing debut debuted "
            "debuts rolled rolls rolling shipped ships open announced announces previewed "
            "showcased available availability product products"
        ),
        products,
    ),
)
_ARROWS = ("→", "->", "➔", "➡", "⟶")
_BOILERPLATE = re.compile(
    r"^(?:about\s+\S.*|media\s+contacts?|press\s+contacts?|contacts?|investor\s+contacts?|"
    r"forward[- ]looking\s+statements?|safe\s+harbor.*|cautionary\s+.*|comments?(?:\s*\(\d+\))?|"
    r"related(?:\s+\w+)?|more\s+from\s+.*|read\s+more|source\s+.*|disclaimer|"
    r"additional\s+information.*|where\s+to\s+find.*|participants\s+in\s+the\s+solicitation)$",
    re.IGNORECASE,
)
_CARRY = rx(
    r"\b(?:put|puts|putting|pegged|pegs|valued|values|priced|prices|estimated|estimates|"
    r"reported|worth|value|price|cost|costs|totals?|totaled|amounts?\s+to|came\s+to|at|paying|"
    r"pays|paid|pay)\b"
    r"[^.;\ue002]{0,60}?{M:m}"
)
_CARRY_REFERENCE = re.compile(
    r"\b(?:deal|price|transaction|acquisition|purchase|investment|fees|"
    r"licen[cs]e|paying|pays|paid|"
    r"commitment|arrangement|it|agreement|value|round|figure|"
    r"stake)\b",
    re.IGNORECASE,
)
_MONEY_TYPES = ("acquisition", "investment", "customer")
_DIVISION = re.compile(
    r"^(?:AI|Research|Cloud|Labs?|DeepMind|Brain|Infrastructure|Studios?|"
    r"Devices|Health|Robotics)(?:\s+\w+)?$"
)


def extract_events(doc: Document) -> list[Event]:
    """The events of an English article, in reading order (merging is the caller's)."""
    ctx = build_context(doc)
    tables = TableReader(doc)
    skipping = False
    for sentence in doc.sentences:
        if sentence.kind == "heading":
            skipping = bool(_BOILERPLATE.match(sentence.text.strip()))
            continue
        if skipping:
            continue
        if sentence.cells or tables.header:
            rows = tables.read(sentence)
            ctx.events.extend(rows)
            if rows or (sentence.cells and tables.header):
                continue
        ctx.block_start.setdefault(sentence.block, sentence.index)
        names = read_names(ctx, sentence)
        digits = bool(_DIGIT.search(sentence.text))
        asks = bool(_QUESTION.search(sentence.text))  # a question states nothing
        priced = (
            not asks and digits and _has_currency(sentence.text) and bool(doc.money(sentence.index))
        )
        rules = [] if asks else _rules_for(ctx, sentence, names.ents, priced, digits)
        parsed = finish_parse(ctx, names, light=not rules and not priced)
        found = Found()
        for rule in rules:
            rule(parsed, ctx, found)
        if priced and not any(e.type in _MONEY_TYPES for e in found.events):
            _carry_amount(parsed, ctx)
        ctx.events.extend(_drop_partners_of_a_licence(found.events))
    _unify_short_names(ctx, ctx.events)
    finished = [e for e in map(lambda e: _finish(ctx, e), ctx.events) if e is not None]
    return _drop_founding_of_origin(
        _drop_lone_hints(_drop_partners_of_a_deal(_drop_conflicting_headlines(finished)))
    )


def _drop_founding_of_origin(events: list[Event]) -> list[Event]:
    """ "Liu, who co-founded Tilde, is leaving to start a lab": founding the company a person
    now leaves tells where the person comes from, not a move of its own (one per person)."""
    left = {
        (name_key(str(e.fields.get("person"))), name_key(str(e.fields["from"])))
        for e in events
        if e.type == "talent_move"
        and not e.extra.get("hint")
        and e.fields.get("from")
        and e.fields.get("to") != e.fields.get("from")
    }
    if not left:
        return events
    return [
        e
        for e in events
        if not (
            e.type == "talent_move"
            and e.fields.get("role") == "co-founder"
            and not e.fields.get("from")
            and (name_key(str(e.fields.get("person"))), name_key(str(e.fields.get("to")))) in left
        )
    ]


def _drop_partners_of_a_licence(events: list[Event]) -> list[Event]:
    """ "X struck a deal with Y, paying $160 million for a licence to its models": the deal
    is the licence (a customer relation), not a partnership besides it."""
    pairs = {
        frozenset((name_key(str(e.fields.get("vendor"))), name_key(str(e.fields.get("customer")))))
        for e in events
        if e.type == "customer" and e.extra.get("licence")
    }
    if not pairs:
        return events
    return [
        e
        for e in events
        if not (
            e.type == "partnership"
            and frozenset(name_key(str(n)) for n in e.fields.get("companies") or []) in pairs
        )
    ]


def _drop_lone_hints(events: list[Event]) -> list[Event]:
    """ "Mendes was previously finance chief at Shopify" says where a person came from; alone,
    with no move of that person in the article, it is no event."""
    moved = {
        name_key(str(e.fields.get("person")))
        for e in events
        if e.type == "talent_move" and not e.extra.get("hint")
    }
    return [
        e
        for e in events
        if not (
            e.type == "talent_move"
            and e.extra.get("hint")
            and name_key(str(e.fields.get("person"))) not in moved
        )
    ]


def _drop_partners_of_a_deal(events: list[Event]) -> list[Event]:
    """ "X plans to integrate Y's database with its platform" after X agreed to buy Y is the
    acquisition at work, not a partnership (unless stated as one)."""
    deals = {
        frozenset((name_key(str(e.fields.get("acquirer"))), name_key(str(e.fields.get("target")))))
        for e in events
        if e.type == "acquisition"
    }
    if not deals:
        return events
    return [
        e
        for e in events
        if not (
            e.type == "partnership"
            and e.confidence <= 0.6
            and frozenset(name_key(str(n)) for n in e.fields.get("companies") or []) in deals
        )
    ]


_NAME_FIELDS = ("company", "acquirer", "target", "vendor", "customer", "from", "to")
_LIST_FIELDS = ("investors", "companies")


def _unify_short_names(ctx: Context, events: list[Event]) -> None:
    """ "Lumenic" in the headline is the "Lumenic Systems" of the body: a name the registry
    does not know becomes the one longer company name of the article that starts with it."""
    longer: dict[str, set[str]] = {}
    for name, info in ctx.doc.entities.items():
        words = name.split()
        if info.kind == "company" and len(words) > 1:
            for n in range(1, len(words)):
                longer.setdefault(" ".join(words[:n]), set()).add(name)
    if not longer:
        return
    known: dict[str, bool] = {}

    def full(name: object) -> object:
        if not isinstance(name, str) or name not in longer:
            return name
        if name not in known:
            known[name] = ctx.doc.registry.lookup(name) is not None
        if known[name]:
            return name
        found = longer.get(name, set())
        if len(found) > 1:
            found = {n for n in found if all(w in ORG_SUFFIXES for w in n.split()[1:])}
        return next(iter(found)) if len(found) == 1 else name

    for event in events:
        f = event.fields
        for key in _NAME_FIELDS:
            if key in f and (key != "company" or event.type != "product_launch"):
                f[key] = full(f[key])
        for key in _LIST_FIELDS:
            if isinstance(f.get(key), list):
                f[key] = [full(n) for n in f[key]]


_KEYS = {
    "investment": ("company",),
    "acquisition": ("acquirer", "target"),
    "customer": ("vendor", "customer"),
    "talent_move": ("person",),
    "financial": ("company", "metric"),
    "layoff": ("company",),
}


def _drop_conflicting_headlines(events: list[Event]) -> list[Event]:
    """A headline sums up the body: when the body states the same deal differently (two
    investors' own amounts instead of their sum), the body's version is kept."""
    body = [e for e in events if not e.extra.get("title")]
    kept = []
    for event in events:
        if event.extra.get("title") and any(
            _same_key(event, other) and len(merge_events([_copy(event), _copy(other)])) > 1
            for other in body
        ):
            continue
        kept.append(event)
    return kept


def _same_key(a: Event, b: Event) -> bool:
    keys = _KEYS.get(a.type)
    return (
        bool(keys)
        and a.type == b.type
        and all(
            name_key(str(a.fields.get(k) or "")) == name_key(str(b.fields.get(k) or "")) != ""
            for k in keys or ()
        )
    )


def _copy(event: Event) -> Event:
    return Event(
        event.type,
        dict(event.fields),
        event.sentence,
        event.confidence,
        event.money,
        event.date,
        dict(event.extra),
    )


def _rules_for(
    ctx: Context, sentence: Sentence, ents: list[Ent], priced: bool, digits: bool
) -> list[Callable[[Parsed, Context, Found], None]]:
    """The rule families whose words the sentence has (investments also for any amount), and
    whose participants it can name: a talent move needs a person, a deal a company (an
    answer turn's speaks unnamed: "PR: Kestrel Bank is the biggest")."""
    words = sentence_words(sentence.text)
    named = sum(e.kind in _ORG_KINDS for e in ents)
    referred = not _COMPANY_WORDS.isdisjoint(words) or (
        named == 1 and speaker_company(ctx, sentence) is not None
    )
    companies = named > 0 or referred
    pairs = named > 1 or (named == 1 and referred)  # a relation needs two companies
    figures = priced or digits or not _NUMBER_WORDS.isdisjoint(words)
    counts = figures or not COUNT_WORDS.isdisjoint(words)  # "we let nine people go"
    rules = []
    for vocabulary, rule, needs in _RULE_NEEDS:
        if (
            vocabulary.isdisjoint(words)
            or ("people" in needs and not _names_people(ents, words))
            or ("figures" in needs and not figures)
            or ("counts" in needs and not counts)
            or ("companies" in needs and not companies)
            or ("pairs" in needs and not pairs)
        ):
            continue
        rules.append(rule)
    if investments not in rules and companies and priced:
        rules.insert(0, investments)
    if talent not in rules and any(a in sentence.text for a in _ARROWS):
        rules.append(talent)
    return rules


def _names_people(ents: list[Ent], words: frozenset[str]) -> bool:
    """Whether a sentence can name a person: one it names, or a word for one."""
    kinds = {e.kind for e in ents}
    return (
        "person" in kinds
        or not _PERSON_WORDS.isdisjoint(words)
        or ("unknown" in kinds and any(e.looks_like_person() for e in ents))
    )


_ORG_KINDS = frozenset(("company", "unknown", "product"))
_DIGIT = re.compile(r"\d")
_QUESTION = re.compile(r"\?[\s\"'”’)\]]*$")
# a currency: a sign, "5bn" / "5 m", or a word; three searches, each one quick to run
_CURRENCY_SIGN = re.compile(r"[$€£¥₩₹]")
_CURRENCY_SUFFIX = re.compile(r"\d\s*(?:bn|m|k)\b", re.IGNORECASE)
_CURRENCY_WORD = re.compile(
    r"\b"
    + by_first_letter(
        r"dollars?|euros?|pounds?|yen|yuan|won|rupees?|"
        r"francs?|usd|eur|gbp|jpy|cny|billion|million|trillion"
    )
    + r"\b",
    re.IGNORECASE,
)


def _has_currency(text: str) -> bool:
    return bool(
        _CURRENCY_SIGN.search(text) or _CURRENCY_SUFFIX.search(text) or _CURRENCY_WORD.search(text)
    )


_PERSON_WORDS = _words(
    "he she his her him chief ceo cto cfo coo cso cpo cmo president head founder "
    "co-founder cofounder founders co-founders director directors executive executives officer "
    "vp svp evp chair chairman chairwoman lead leader scientist researcher researchers engineer "
    "engineers manager adviser advisor veteran i me my"
)
_COMPANY_WORDS = _words(
    "it its company companies startup start-up firm lab maker chipmaker developer giant provider "
    "group they their both pair publishers partners we us our you your"
)
_NUMBER_WORDS = _words("hundreds thousands dozens hundred thousand million billion percent")
_NEED_FIGURES = (financials,)
_NEED_COUNTS = (layoffs,)  # a figure, or a head count in words
_NEED_COMPANIES = (acquisitions, partnerships, customers, investments, round_joiners)
_NEED_PAIRS = (partnerships, customers)
# each rule family with its vocabulary and what the sentence must have besides
_RULE_NEEDS = tuple(
    (
        vocabulary,
        rule,
        frozenset(
            need
            for need, rules in (
                ("people", (talent,)),
                ("figures", _NEED_FIGURES),
                ("counts", _NEED_COUNTS),
                ("companies", _NEED_COMPANIES),
                ("pairs", _NEED_PAIRS),
            )
            if rule in rules
        ),
    )
    for vocabulary, rule in RULES
)


def _carry_amount(p: Parsed, ctx: Context) -> None:
    """ "Nvidia did not disclose the price. Calcalist put the value of the deal at about $700
    million": the amount belongs to the latest recent deal that has none."""
    if not p.money:
        return
    for m in _CARRY.finditer(p.masked):
        amount = p.amount(m.group("m"))
        if amount is None or blocked(p, m.start(), m.end()):
            continue
        if not _CARRY_REFERENCE.search(p.masked[max(0, m.start() - 60) : m.end()]):
            continue
        for event in reversed(ctx.events):
            if p.sentence.index - event.extra.get("sentence_index", -99) > 5:
                break
            if event.type in _MONEY_TYPES and event.fields.get("amount_usd") is None:
                event.fields["amount_usd"] = amount.money.usd
                event.money = amount.money
                event.confidence = round(event.confidence * 0.9, 3)
                return
            if event.type in _MONEY_TYPES:
                return
        return


def _finish(ctx: Context, event: Event) -> Event | None:
    """Map divisions to companies, default periods, and drop what lacks its key fields."""
    f = event.fields
    for key in ("from", "to", "vendor", "customer"):
        if isinstance(f.get(key), str):
            f[key] = _company_of_division(ctx, f[key])
    if event.type == "financial" and not f.get("period") and ctx.doc.date:
        f["period"] = month_period(ctx.doc.date)
    if event.type == "talent_move" and f.get("from") == f.get("to") and event.extra.get("leaving"):
        f["to"] = None
    event.extra.pop("sentence_index", None)
    return event if _complete(event) else None


def _company_of_division(ctx: Context, name: str) -> str:
    parent = ctx.parent_company(name)
    if (
        parent
        and _DIVISION.match(name[len(parent) :].strip())
        and ctx.doc.registry.lookup(name) is None
    ):
        return parent
    return name


def _complete(event: Event) -> bool:
    f = event.fields
    required = {
        "investment": ("company",),
        "acquisition": ("acquirer", "target"),
        "customer": ("vendor", "customer"),
        "talent_move": ("person",),
        "financial": ("company", "metric"),
        "product_launch": ("company", "product"),
        "layoff": ("company",),
    }.get(event.type, ())
    if any(not f.get(k) for k in required):
        return False
    if event.type == "partnership":
        return len(f.get("companies") or []) >= 2
    if event.type == "talent_move":
        return bool(f.get("from") or f.get("to"))
    if event.type == "financial":
        return f.get("value_usd") is not None or f.get("value_pct") is not None
    return True
