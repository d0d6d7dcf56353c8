"""One event per real event in a Japanese article.

The sentence rules find pieces: a title and a body sentence state the same deal, a later
sentence gives a status or the price, a fragment knows only the investor. Here they become
one event each: deals by their key names, customers with the latest status the article
states, and one move per person (a join the person later leaves is history).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.ja_lex import KANJI

_BOOST = 0.05
_GUESS = 0.5  # the confidence of a finding whose party was guessed from the discourse


_NAME_FIELDS = ("company", "acquirer", "target", "vendor", "customer", "from", "to")
# The word a company's investing arm ends in: X・ファンド, X・ベンチャーズ, X・キャピタル.
_FUND_TAIL = re.compile(
    r"・(?:[^・]*・)*?(?:ファンド|キャピタル|ベンチャーズ|ベンチャー・キャピタル|インベストメンツ?)$"
)


def unify_names(
    events: list[Event],
    known: Callable[[str], bool],
    canonical: Callable[[str], str | None],
    glossed: Mapping[str, str] | None = None,
) -> None:
    """A name the registry does not know, used short and long (クオンタム, クオンタム・アナリ
    ティクス): the long form everywhere; an unknown long form of a known name the article
    also uses (クルーソー・エナジー beside Crusoe): the known name; a name the article glosses
    (キャップジェミニ（Capgemini）), even where read before the gloss: the glossed name."""
    used = {v for e in events for f in _NAME_FIELDS if isinstance(v := e.fields.get(f), str)}
    used |= {v for e in events for v in e.fields.get("investors") or []}
    longer = {n: glossed[n] for n in used if glossed and glossed.get(n, n) != n and not known(n)}
    for short in used:
        if known(short) or len(short) < 2 or short in longer:
            continue
        ext = [n for n in used if n != short and n.startswith(short) and n[len(short)] in "・ "]
        if len(ext) == 1:
            longer[short] = ext[0]
    for name in used:
        head = name.split("・")[0]
        if _FUND_TAIL.search(name):
            continue  # サムスン・カタリスト・ファンド: the arm that invests, not サムスン itself
        if head != name and not known(name) and canonical(head) in used:
            longer[name] = str(canonical(head))
    for e in events:
        for f in _NAME_FIELDS:
            value = e.fields.get(f)
            if isinstance(value, str) and value in longer:
                e.fields[f] = longer[value]
        for f in ("investors", "companies"):
            if isinstance(e.fields.get(f), list):
                e.fields[f] = list(dict.fromkeys(longer.get(v, v) for v in e.fields[f]))


def consolidate(events: list[Event]) -> list[Event]:
    """Merge the findings of one article into its events."""
    _join_surnames([e for e in events if e.type == "talent_move"])
    out: list[Event] = []
    for kind, merge in _MERGERS.items():
        out.extend(merge([e for e in events if e.type == kind]))
    acquisitions = [e for e in out if e.type == "acquisition"]
    rounds = [e.fields.get("amount_usd") for e in out if e.type == "investment"]
    priced = [e for e in out if e.type == "investment" and e.fields.get("valuation_usd")]
    out = [
        e
        for e in out
        if not _subsumed(e, acquisitions)
        and not _headline_only(e, out)
        and not _headline_variant(e, out)
        and not _round_total(e, rounds)
        and not _round_valuation(e, priced)
    ]
    for e in out:
        e.fields = {k: v for k, v in e.fields.items()}
    return sorted(out, key=lambda e: (e.extra.get("sent", 0), e.extra.get("pos", 0)))


def _group(
    events: list[Event], same: Callable[[Event, Event], bool], *, every: bool = False
) -> list[list[Event]]:
    """Events that are one: like one of the group's (``every``: like all of them)."""
    groups: list[list[Event]] = []
    test = all if every else any
    for e in events:
        home = next((g for g in groups if test(same(x, e) for x in g)), None)
        if home is None:
            groups.append([e])
        else:
            home.append(e)
    return groups


def _close(a: Any, b: Any, tolerance: float = 0.1) -> bool:
    if a in (None, "") or b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= tolerance * max(abs(a), abs(b))
    return str(a).casefold() == str(b).casefold()


def _fold(group: list[Event], money_field: str | None = None) -> Event:
    """The first finding, filled with what the others add; confidence up per repeat."""
    best = max(group, key=lambda e: (e.confidence, not e.extra.get("title")))
    head = group[0]
    body = [e for e in group if not e.extra.get("title")]
    for name in {name for e in group for name in e.fields}:
        values = [e.fields.get(name) for e in group]
        if any(isinstance(v, list) for v in values):
            # a headline's looser list (三井住友FG for the body's fund) only when the body has none
            said = [e.fields.get(name) for e in body if e.fields.get(name)] or values
            head.fields[name] = list(
                dict.fromkeys(x for v in said if isinstance(v, list) for x in v)
            )
            continue
        # a figure or name the body gives beats the headline's rounder one
        head.fields[name] = next(
            (e.fields[name] for e in body + group if e.fields.get(name) not in (None, "", [])),
            head.fields.get(name),
        )
    if money_field:
        _best_amount(head, group, money_field)
    head.sentence = best.sentence
    head.extra["title"] = all(e.extra.get("title") for e in group)
    head.date = head.date or next((e.date for e in group if e.date), None)
    head.confidence = min(0.99, best.confidence + _BOOST * (len(group) - 1))
    return head


def _best_amount(head: Event, group: list[Event], name: str) -> None:
    """An amount the article gives in dollars beats one converted at a dated rate."""
    ordered = sorted(group, key=lambda e: bool(e.extra.get("title")))
    stated = [e for e in ordered if e.fields.get(name) and e.extra.get("stated_usd")]
    source = stated[0] if stated else next((e for e in ordered if e.fields.get(name)), None)
    if source is not None:
        head.fields[name] = source.fields[name]
        head.money = source.money


_ROUND_FIGURES = ("amount_usd", "valuation_usd", "round")


def _headline_rounds(events: list[Event]) -> list[Event]:
    """A headline's round (創業3年で評価額33億ドル) folded into the body's round it agrees with
    on every figure it gives, not merged with whichever round comes first."""
    body = [e for e in events if not e.extra.get("title") and e.fields.get("company")]
    kept = []
    for e in events:
        given = [f for f in _ROUND_FIGURES if e.fields.get(f) not in (None, "")]
        home = (
            next(
                (
                    b
                    for b in body
                    if b.fields["company"] == e.fields.get("company")
                    and all(
                        b.fields.get(f) is not None and _close(b.fields[f], e.fields[f])
                        for f in given
                    )
                ),
                None,
            )
            if e.extra.get("title") and given
            else None
        )
        if home is None:
            kept.append(e)
            continue
        extra = [i for i in e.fields.get("investors") or [] if i not in home.fields["investors"]]
        home.fields["investors"] = list(home.fields.get("investors") or []) + extra
    return kept


def _investments(events: list[Event]) -> list[Event]:
    events = _headline_rounds(events)
    whole = [e for e in events if e.fields.get("company")]
    groups = _group(
        whole,
        lambda a, b: (
            a.fields["company"] == b.fields["company"]
            and _close(a.fields.get("round"), b.fields.get("round"))
            and _close(a.fields.get("amount_usd"), b.fields.get("amount_usd"))
            and not _other_backers(a, b)
        ),
        every=True,
    )
    merged = [_fold(g, "amount_usd") for g in groups]
    for frag in (e for e in events if not e.fields.get("company")):
        home = next(
            (
                m
                for m in merged
                if set(m.fields.get("investors") or []) & set(frag.fields.get("investors") or [])
            ),
            None,
        )
        if home is not None:
            _fold([home, frag], "amount_usd" if not home.fields.get("amount_usd") else None)
    for m in merged:
        m.fields["investors"] = [
            i for i in m.fields.get("investors") or [] if i != m.fields["company"]
        ]
    return _fold_shares(merged)


def _fold_shares(merged: list[Event]) -> list[Event]:
    """One investor's part of a round the article also gives whole (ASMLは13億ユーロを出資し、
    株式の約11%を持つ, in a €1.7bn round ASML led): a detail of that round."""
    out = list(merged)
    for e in merged:
        whole = next((r for r in out if r is not e and _share_of(e, r)), None)
        if whole is not None:
            for name in ("stake_pct", "valuation_usd"):
                if whole.fields.get(name) is None and e.fields.get(name) is not None:
                    whole.fields[name] = e.fields[name]
            out.remove(e)
    return out


def _share_of(e: Event, whole: Event) -> bool:
    investors = e.fields.get("investors") or []
    amount, total = e.fields.get("amount_usd"), whole.fields.get("amount_usd")
    return (
        len(investors) == 1
        and not e.fields.get("round")
        and e.fields["company"] == whole.fields["company"]
        and investors[0] in (whole.fields.get("investors") or [])
        and len(whole.fields.get("investors") or []) >= 2
        and (amount is None or (isinstance(total, (int, float)) and amount < total))
        and _close(e.fields.get("valuation_usd"), whole.fields.get("valuation_usd"))
        and (not e.date or not whole.date or e.date == whole.date)
    )


def _other_backers(a: Event, b: Event) -> bool:
    """Two findings naming different investors, not tied by the same round or amount: two deals
    (a round, and a partner's stake taken on another occasion)."""
    ia, ib = set(a.fields.get("investors") or []), set(b.fields.get("investors") or [])
    if not ia or not ib or ia & ib or a.extra.get("title") or b.extra.get("title"):
        return False
    same_round = a.fields.get("round") and a.fields.get("round") == b.fields.get("round")
    same_amount = a.fields.get("amount_usd") and b.fields.get("amount_usd")
    return not (same_round or same_amount)


def _acquisitions(events: list[Event]) -> list[Event]:
    _headline_buyers(events)
    groups = _group(
        events,
        lambda a, b: (
            a.fields["target"] == b.fields["target"]
            and (
                a.fields["acquirer"] == b.fields["acquirer"]
                or (
                    min(a.confidence, b.confidence) <= _GUESS < max(a.confidence, b.confidence)
                    and not _apart(a, b)
                )
            )
        ),
    )
    return [_fold(g, "amount_usd") for g in groups]


def _headline_buyers(events: list[Event]) -> None:
    """グーグル、ウィズ買収 over a body that names the buyer more precisely (グーグルの親会社
    アルファベットは…): the body's buyer, when the body has that one purchase of the target."""
    body = [e for e in events if not e.extra.get("title")]
    for e in events:
        if not e.extra.get("title"):
            continue
        same = [b for b in body if b.fields["target"] == e.fields["target"]]
        if len(same) == 1:
            e.fields["acquirer"] = same[0].fields["acquirer"]


def _apart(a: Event, b: Event) -> bool:
    """Two findings dated in different years: two deals (bought in 2017, sold on in 2021)."""
    return bool(a.date and b.date and a.date[:4] != b.date[:4])


def _partnerships(events: list[Event]) -> list[Event]:
    groups = _group(events, lambda a, b: set(a.fields["companies"]) == set(b.fields["companies"]))
    return [_fold(g) for g in groups]


def _customers(events: list[Event]) -> list[Event]:
    groups = _group(
        events,
        lambda a, b: (
            (a.fields["vendor"], a.fields["customer"]) == (b.fields["vendor"], b.fields["customer"])
        ),
    )
    out = []
    for g in groups:
        ordered = sorted(g, key=lambda e: (e.extra.get("sent", 0), e.extra.get("pos", 0)))
        explicit = [e.fields["status"] for e in ordered if e.extra.get("explicit")]
        event = _fold(ordered, "amount_usd")
        event.fields["status"] = explicit[-1] if explicit else "active"
        out.append(event)
    return out


_BARE_SURNAME = re.compile(rf"[{KANJI}]{{1,3}}")


def _join_surnames(moves: list[Event]) -> None:
    """楽天の山田CTO in a headline, 山田一郎氏 in the body: a bare surname is the one person
    of the article with that surname at the same company (one of them only: two 山田s at
    楽天 stay apart)."""
    for e in moves:
        short = e.fields.get("person")
        if not isinstance(short, str) or not _BARE_SURNAME.fullmatch(short):
            continue
        places = {e.fields.get("from"), e.fields.get("to")} - {None}
        full = {
            f.fields["person"]
            for f in moves
            if isinstance(f.fields.get("person"), str)
            and f.fields["person"] != short
            and f.fields["person"].startswith(short)
            and places & ({f.fields.get("from"), f.fields.get("to")} - {None})
        }
        if len(full) == 1:
            e.fields["person"] = full.pop()


def _moves(events: list[Event]) -> list[Event]:
    groups = _group(events, lambda a, b: a.fields["person"] == b.fields["person"])
    return [_one_move(g) for g in groups]


def _one_move(group: list[Event]) -> Event:
    """A person's moves as one: where they last went, from where they left."""
    lefts = {e.fields.get("from") for e in group if e.extra.get("move") == "depart"}
    kept = [
        e
        for e in group
        if not (e.extra.get("move") != "depart" and e.fields.get("to") in lefts and len(group) > 1)
    ] or group
    head = kept[0]
    arrivals = [e for e in kept if e.fields.get("to")]
    # a dated arrival (2006年に入社) is history; an undated one is the news
    arrivals.sort(key=lambda e: e.date or "9999")
    last = arrivals[-1] if arrivals else None
    founded = next((e for e in arrivals if e.fields.get("role") == "co-founder"), None)
    target = founded or last
    # where a past move (2019年にソニーから移籍し) came from is no origin of the news move
    past = [e for e in arrivals if e is not target and _earlier(e, target)]
    sources = [e.fields.get("from") for e in kept if e.fields.get("from") and e not in past]
    if target is not None and target.date:
        left = [
            e
            for e in kept
            if e.fields.get("from") and e.date and e.date <= target.date and e not in past
        ]
        if left:  # 2015年：Xを退社 … 2024年5月：Yを退社 … 2024年6月：Zを設立: from Y
            sources.insert(0, max(left, key=lambda e: e.date or "").fields["from"])
    if founded is not None and last is not None and _moved_on(founded, last):
        target = last  # founded X, later goes to Y (X is bought): the move is to Y
        sources.insert(0, founded.fields["to"])
    goal = target.fields.get("to") if target else None
    # (read before the head takes the news move's fields)
    before = [e.fields["to"] for e in arrivals if e is not target and e.date]
    joined = target is not None and _joined_before(target, arrivals)
    roles = [
        e.fields.get("role") for e in arrivals if e.fields.get("role") and e.fields["to"] == goal
    ]
    role = target.fields.get("role") if target else None
    head.fields["to"] = target.fields["to"] if target else None
    head.fields["role"] = role or (roles[0] if roles else None)
    source = next((s for s in sources if s != head.fields["to"]), sources[0] if sources else None)
    if source is None and joined:
        source = head.fields["to"]  # 2006年にAWSに入社し…: the new post is a promotion
    elif source is None and target is not None:
        source = before[-1] if before else None  # 2015年にグーグルに入社していた: where from
    head.fields["from"] = source
    best = max(kept, key=lambda e: (e.confidence, not e.extra.get("title")))
    head.sentence = best.sentence
    head.confidence = min(0.99, best.confidence + _BOOST * (len(group) - 1))
    return head


def _earlier(e: Event, target: Event | None) -> bool:
    """``e`` is a dated move before the news move ``target`` (undated, or dated later) to
    another company (one to the same company is the news told again, with its date)."""
    if target is None or not e.date:
        return False
    return (not target.date or e.date < target.date) and e.fields.get("to") != target.fields.get(
        "to"
    )


def _joined_before(target: Event, arrivals: list[Event]) -> bool:
    """The person joined the same company at a dated earlier time."""
    return any(
        e is not target
        and e.fields.get("to") == target.fields.get("to")
        and e.date
        and (not target.date or e.date < target.date)
        for e in arrivals
    )


def _moved_on(founded: Event, last: Event) -> bool:
    """A later arrival elsewhere: read after the founding, or undated (the news) where the
    founding is dated (アルテアは1985年にスキャパ氏らが創業した, after the move is told)."""
    order = (last.extra.get("sent", 0), last.extra.get("pos", 0))
    later = order > (founded.extra.get("sent", 0), founded.extra.get("pos", 0))
    return (
        last.fields.get("role") != "co-founder"
        and last.fields.get("to") != founded.fields.get("to")
        and (later or bool(founded.date and (last.date or "9999") > founded.date))
    )


def _financials(events: list[Event]) -> list[Event]:
    groups = _group(
        events,
        lambda a, b: (
            (a.fields["company"], a.fields["metric"]) == (b.fields["company"], b.fields["metric"])
            and _close(a.fields.get("period"), b.fields.get("period"))
        ),
    )
    return [_fold(g, "value_usd") for g in groups]


def _products(events: list[Event]) -> list[Event]:
    def same(a: Event, b: Event) -> bool:
        pa, pb = sorted((_key(a.fields["product"]), _key(b.fields["product"])), key=len)
        extra = pb.replace(pa, "", 1)
        version = extra[:1].isdigit() and not pa[-1:].isdigit()  # tsuzumi → tsuzumi 2
        return a.fields["company"] == b.fields["company"] and pa in pb and not version

    return [_fold(g) for g in _group(events, same)]


def _key(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _layoffs(events: list[Event]) -> list[Event]:
    return [
        _fold(g) for g in _group(events, lambda a, b: a.fields["company"] == b.fields["company"])
    ]


_MERGERS: dict[str, Callable[[list[Event]], list[Event]]] = {
    "investment": _investments,
    "acquisition": _acquisitions,
    "partnership": _partnerships,
    "customer": _customers,
    "talent_move": _moves,
    "financial": _financials,
    "product_launch": _products,
    "layoff": _layoffs,
}


_FIGURES = ("count", "amount_usd", "value_usd")


def _headline_only(e: Event, events: list[Event]) -> bool:
    """A headline's summary of a body event, named more loosely (アスカHDは1300人削減 for
    ジョブスターで約1300人を削減): the same figure stated by the body."""
    if not e.extra.get("title"):
        return False
    figure = next((e.fields[f] for f in _FIGURES if e.fields.get(f)), None)
    return figure is not None and any(
        o.type == e.type and not o.extra.get("title") and _same_figure(o, figure) for o in events
    )


def _headline_variant(e: Event, events: list[Event]) -> bool:
    """A headline's partnership naming a company more loosely (ソフトバンク for the body's
    ソフトバンクグループ): the body's partnership."""
    if e.type != "partnership" or not e.extra.get("title"):
        return False
    mine = e.fields["companies"]
    return any(
        o.type == "partnership"
        and not o.extra.get("title")
        and all(any(_loosely(a, b) for b in o.fields["companies"]) for a in mine)
        for o in events
    )


def _loosely(a: str, b: str) -> bool:
    """The same name, or two names of one family (SoftBank Corp., SoftBank Group)."""
    first_a, first_b = (a.split() or [""])[0].casefold(), (b.split() or [""])[0].casefold()
    return a == b or (len(first_a) >= 3 and first_a == first_b)


def _same_figure(e: Event, figure: float) -> bool:
    return any(
        isinstance(v := e.fields.get(f), (int, float)) and _close(v, figure, 0.05) for f in _FIGURES
    )


def _round_total(e: Event, rounds: list[Any]) -> bool:
    """調達総額400億ドル said of a round the article reports: the round's size, not the
    company's funding to date."""
    value = e.fields.get("value_usd")
    return (
        e.type == "financial"
        and e.fields.get("metric") == "funding_total"
        and isinstance(value, (int, float))
        and any(isinstance(r, (int, float)) and _close(r, value, 0.05) for r in rounds)
    )


def _round_valuation(e: Event, priced: list[Event]) -> bool:
    """A valuation the article gives as a round's (シリーズDで…（評価額45億ドル）, or a title's
    「評価額45億ドルまでの道のり」): that round's valuation, not a figure of its own."""
    value = e.fields.get("value_usd")
    return (
        e.type == "financial"
        and e.fields.get("metric") == "valuation"
        and isinstance(value, (int, float))
        and any(
            r.fields.get("company") == e.fields.get("company")
            and _close(r.fields.get("valuation_usd"), value, 0.05)
            for r in priced
        )
    )


def _subsumed(e: Event, acquisitions: list[Event]) -> bool:
    """A tie-up between a buyer and the company it buys is part of the acquisition."""
    if e.type != "partnership":
        return False
    companies = set(e.fields["companies"])
    return any(companies <= {a.fields["acquirer"], a.fields["target"]} for a in acquisitions)
