"""Japanese rules for deals: investment, acquisition and partnership.

Each rule reads one sentence: its triggers (出資, 買収, 提携...) with the mentions their
particles attach to them. A sentence that only adds to a deal just read (the lead investors,
the valuation, the price) enriches that deal instead of stating a new one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from newsbot.core.events import Event
from newsbot.core.extract.ja_clauses import (
    Ctx,
    Trig,
    agents,
    blocked,
    is_relative,
    list_of,
    own_work,
    relative_head,
    with_particle,
)
from newsbot.core.extract.ja_entities import PLACES, Ment
from newsbot.core.extract.ja_state import (
    COMPANY,
    PARTY,
    State,
    deal_money,
    make,
    money_role,
    names,
    usd,
    valuation,
)
from newsbot.core.extract.money import MoneyMatch

_ROUND = re.compile(
    r"シリーズ\s?(?P<s>[A-Z])\d?|(?P<w>プレシード|シード|エンジェル(?!投資家|投資|・)|ブリッジ"
    r"|プレシリーズ\s?[A-Z])(?:ラウンド|資金|段階|期)?|Series\s?(?P<e>[A-Z])"
)
_ROUND_WORDS = {
    "プレシード": "pre-seed",
    "シード": "seed",
    "エンジェル": "angel",
    "ブリッジ": "bridge",
}
_RAISE = re.compile(r"資金調達|調達|増資|資金を集め|集め")
_RECEIVE_AFTER = re.compile(r"^(?:を|も)?(?:受け|受ける|受けた|受け入れ)")
_LEAD = re.compile(r"主導|リード|引き受け|引受")
_STAKE_TRIGGER = re.compile(r"株式")
_FUNDING_TOTAL = re.compile(r"これまでに|これまでの|累計|累積|合計で|創業以来|設立以来")
_MONEY_WORDS = re.compile(r"資金|ラウンド|シリーズ|シード|出資|増資|億|万ドル|ドル|円|ユーロ")
_INVESTOR_LIST = re.compile(
    r"(?:出資者|投資家|出資企業|引受先|投資企業|参加企業)(?:には|は|として|に)"
    r"|(?:^|[、。\s])(?:リード|主導)(?:役|投資家)?(?:は|を務めたのは|を務めるのは)"
)
_PART_UNDONE = re.compile(r"^(?:関係)?(?:を|の)?(?:見直|解消|終了|打ち切|破棄|凍結)")
_ALLOTTEE = re.compile(
    r"(?:など|ら)?を?(?:引受先|割当先|引き受け先"
    r"|(?:リード|主導|筆頭)(?:投資家|インベスター|引受先)(?:と(?:する|し|した)|として))"
)
_JOINED = re.compile(r"[^、。]{0,12}?(?:参加|加わっ|加わる|名を連ね)")
_FUNDING_WORDS = re.compile(r"出資|投資家|ラウンド|調達|増資|資金|主導|リード")
_RECIPIENT = ("に", "へ", "への", "に対して", "に対し", "に対する", "へは")
_PASSIVE = re.compile(r"^(?:され|を受け)")
_PARTNER = (
    "と",
    "とは",
    "との",
    "とも",
    "と共に",
    "とともに",
    "との間で",
    "とのあいだで",
    "との間",
)
_JOINT_ONLY = re.compile(r"^共同|^協力")
_WITH_ANNOUNCE = re.compile(r"発表|設立|立ち上げ|開始|始動|推進|創設|締結|合意|結ん|結ぶ")
_ACQ_AMOUNT_WORDS = re.compile(r"買収額|買収金額|取得額|買収価格|買収総額|取得価格")
_INV_AMOUNT_WORDS = re.compile(r"出資額|投資額|調達額|資本金|出資総額|取得額|取得価格")


# ---------------------------------------------------------------- investment


def investments(ctx: Ctx, state: State) -> None:
    """Funding rounds and stakes: who receives, who invests, how much, at what valuation."""
    if ctx.kind == "item" and (_terse_round(ctx, state) or _verbless_round(ctx, state)):
        return
    trigs = [
        t
        for t in ctx.of("inv")
        if not procurement(ctx, t)
        and not _funding_total(ctx, t)
        and not _NOMINAL_AFTER.match(ctx.text, t.end)
        and not ("株" in t.word and ctx.of("acq"))
    ]
    live = [t for t in trigs if not blocked(ctx, t)]
    if _mutual(ctx, state, live) or _stake_pairs(ctx, state) or _split_by_amount(ctx, state, live):
        return
    if not live:
        _enrich_investment(ctx, state, bool(trigs))
        return
    parts = _priced_clauses(ctx, live)
    if len(parts) == 1 and _dated_rounds(ctx, state, parts[0]):
        return
    company: list[str] = []
    investors: list[str] = []
    for part in parts:
        got: list[str] = []
        backers: list[str] = []
        for t in part:
            got_company, got_investors = _investment_roles(ctx, state, t)
            got = got or got_company
            backers += [n for n in got_investors if n not in backers]
        company, investors = got or company, backers or investors  # 23年には追加で…を投じた
        if part is parts[-1]:
            investors += [n for n in _listed_investors(ctx) if n not in investors]
        main = next((t for t in part if not _LEAD.match(t.word)), part[0])
        _emit_investment(ctx, state, main, company[:1], [n for n in investors if n not in company])


def _priced_clauses(ctx: Ctx, live: list[Trig]) -> list[list[Trig]]:
    """2019年に…10億ドルの出資を決め、23年には追加で100億ドルを投じた: one deal per clause that
    has an amount of its own; otherwise the sentence's triggers are one deal."""
    groups: dict[int, list[Trig]] = {}
    for t in live:
        groups.setdefault(ctx.clause_start(t.start), []).append(t)
    priced = [
        g
        for start, g in groups.items()
        if any(
            start <= m.start and m.end <= g[-1].start
            for m in ctx.money
            if money_role(ctx, m) == "deal"
        )
    ]
    return priced if len(priced) >= 2 and len(priced) == len(groups) else [live]


_YEAR = re.compile(r"(?<![\d.])(?:\d{4}|\d{2})年")  # 2024年9月, 24年9月
_AMOUNT_LIST_GAP = re.compile(r"\s?(?:を|で)?[、,]\s?(?:また|さらに|そして)?\s?")


def _dated_rounds(ctx: Ctx, state: State, part: list[Trig]) -> bool:
    """Xは2024年9月に10億ドル、2025年4月には20億ドルを調達した: amounts listed before one
    raising verb, each after a date of its own, are one round each (its date, its round)."""
    main = next((t for t in part if _RAISE.match(t.word)), None)
    if main is None:
        return False
    amounts = _dated_amounts(ctx, main)
    if not amounts:
        return False
    company, investors = _investment_roles(ctx, state, main)
    investors = [n for n in investors if n not in company]
    if not company:
        guess = state.disc.salient("company", ctx.idx, exclude=tuple(investors))
        company = [guess] if guess else []
    if not company:
        return False
    start = ctx.clause_start(main.start)
    segments = [(start, amounts[0].end)] + [(a.end, b.end) for a, b in itertools.pairwise(amounts)]
    placed = {m.name: i for m in ctx.ments for i, (a, b) in enumerate(segments) if a <= m.start < b}
    for i, money in enumerate(amounts):
        fields = {
            "company": company[0],
            "investors": [n for n in investors if placed.get(n, i) == i],
            "amount_usd": usd(money),
            "stake_pct": None,
            "valuation_usd": None,
            "round": round_of(ctx.text[segments[i][0] : money.end]),
        }
        state.add(make("investment", fields, ctx, 0.7, money=money, pos=money.start))
    return True


def _dated_amounts(ctx: Ctx, t: Trig) -> list[MoneyMatch]:
    """The deal amounts of the trigger's clause, when there are two or more, listed (A、B) and
    each with a date between it and the amount before."""
    start = ctx.clause_start(t.start)
    amounts = [
        m
        for m in ctx.money
        if start <= m.start and m.end <= t.start and money_role(ctx, m) == "deal"
    ]
    if len(amounts) < 2:
        return []
    prev = start
    for i, m in enumerate(amounts):
        dated = _YEAR.search(ctx.text, prev, m.start)
        if dated is None:
            return []
        if i and not _AMOUNT_LIST_GAP.fullmatch(ctx.text, prev, dated.start()):
            return []
        prev = m.end
    return amounts


_TERSE = re.compile(r"\s?[:：]\s?")


def _terse_round(ctx: Ctx, state: State) -> bool:
    """・米ルミナ・ラボ（シリーズC）：2億2000万ドル（A、B）: a roundup item without a verb."""
    first = ctx.ments[0] if ctx.ments else None
    if first is None or first.kind not in COMPANY or first.start > 2 or not first.name:
        return False
    colon = _TERSE.match(ctx.text, first.pend)
    money = ctx.money[0] if ctx.money else None
    rnd = round_of(ctx.text)
    if colon is None or money is None or money.start > colon.end() + 2:
        return False
    if rnd is None and not _FUNDING_WORDS.search(ctx.text) and not state.funding_list:
        return False
    backers = [m for m in ctx.ments if m.start >= money.end and m.kind in PARTY and not m.quoted]
    fields = {
        "company": first.name,
        "investors": names(backers),
        "amount_usd": usd(money),
        "stake_pct": None,
        "valuation_usd": usd(valuation(ctx)),
        "round": rnd,
    }
    state.add(make("investment", fields, ctx, 0.6, money=money, pos=first.start))
    return True


_OTHER_DEAL = frozenset(("acq", "sale", "part", "cust", "depart", "arrive", "found", "layoff"))
_LINE_HEAD = re.compile(
    r"\s*(?:\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:ごろ|頃)?\s*[:、|—–\-]?\s*)?"
    r"(?:[^、。:|]{0,8}?(?:ラウンド|シリーズ\s?[A-Z]\d?|シード|エンジェル)(?:ラウンド)?)?"
    r"\s*(?:で|に|として|では|[:|])?\s*(?:総額|計|合計)?(?:約|およそ)?\s*"
)


def _verbless_round(ctx: Ctx, state: State) -> bool:
    """2019年12月：シリーズAで1500万ドル（評価額…、Xがリード）: a timeline line that names a
    round and its amount without a verb or a company: the round of the list's company."""
    deals = [m for m in ctx.money if money_role(ctx, m) == "deal"]
    rnd = round_of(ctx.text)
    if not deals or (rnd is None and not state.funding_list):
        return False
    if ctx.of("inv") or any(t.kind in _OTHER_DEAL for t in ctx.trigs):
        return False
    if not _LINE_HEAD.fullmatch(ctx.text, 0, deals[0].start):
        return False  # anything but a date and a round before the amount: not this shape
    backers = [m for m in ctx.ments if m.start >= deals[0].end and m.kind in PARTY]
    company = state.disc.salient("company", ctx.idx, exclude=tuple(names(backers)))
    if company is None:
        return False
    fields = {
        "company": company,
        "investors": names(backers),
        "amount_usd": usd(deals[0]),
        "stake_pct": None,
        "valuation_usd": usd(valuation(ctx)),
        "round": rnd,
    }
    state.add(make("investment", fields, ctx, 0.55, money=deals[0], pos=deals[0].start))
    return True


def _investment_roles(ctx: Ctx, state: State, t: Trig) -> tuple[list[str], list[str]]:
    """(company, investors) one trigger states."""
    if _BENEFACTIVE.match(ctx.text, t.end):
        # ANRIさんにも追加で出資してもらいました: the one named with に gave, to the speaker's
        backers = with_particle(ctx, t, ("に", "にも", "から"), PARTY, cross=True)
        raiser = names(agents(ctx, t, COMPANY)) or _speaker_company(ctx, state, backers)
        return raiser, names(sorted(backers, key=lambda m: m.start))
    if _RAISE.match(t.word) or _RECEIVE_AFTER.match(ctx.text[t.end :]):
        raiser = names(_genitive_owner(ctx, t) or _not_leading(ctx, t, agents(ctx, t, COMPANY)))
        if _TAKEN_UP.match(ctx.text, t.end):  # Aは、Bが実施する増資を引き受け: A is no raiser
            raiser = [n for n in raiser if n not in names(_takers(ctx, t))]
        backers = with_particle(ctx, t, ("から", "による", "らから", "の"), PARTY, cross=True)
        backers = [m for m in backers if m.lp != "の" or _RECEIVE_AFTER.match(ctx.text[t.end :])]
        backers += [m for m in _round_joiners(ctx, t) if m not in backers]
        return raiser, names(sorted(backers, key=lambda m: m.start))
    if _LEAD.match(t.word):
        return [], names(_leaders(ctx, t)) or _unsaid_allottee(ctx, state, t)
    target = _stake_owner(ctx, t) if "株" in t.word else []
    recipients = (
        target
        or names(with_particle(ctx, t, _RECIPIENT, COMPANY))
        or names(with_particle(ctx, t, ("には",), COMPANY, cross=True)[:1])  # Xには、Yが出資
    )
    givers = _funders_of_new(ctx, t) or _through_fund(ctx, t) or names(agents(ctx, t, PARTY))
    if not givers and recipients:
        givers = names(_genitive_giver(ctx, t)) or _unsaid_giver(ctx, state, t, recipients)
    if not recipients and givers:
        recipients = (
            _announcer(ctx, t, givers)
            or _founded_with(ctx, state, t, givers)
            or _funded_head(ctx, t, givers)
            or _partner_funded(ctx, t, givers)
            or _described_funded(ctx, t, givers)
        )
    return recipients, [n for n in givers if n not in recipients]


_TAKEN_UP = re.compile(r"を(?:全て|すべて|全額)?(?:引き受け|引受)")


def _takers(ctx: Ctx, t: Trig) -> list[Ment]:
    """The subject of the sentence that takes up the shares (the topic before the raise)."""
    return [m for m in ctx.before(t) if m.lp == "は" and m.kind in COMPANY]


def _not_leading(ctx: Ctx, t: Trig, found: list[Ment]) -> list[Ment]:
    """XとYが主導したシリーズCで…を調達: the subject of the lead verb is no raiser."""
    if not found:
        return found
    lead = next(
        (u for u in ctx.trigs_between(found[-1].pend, t.start) if _LEAD.match(u.word)), None
    )
    # XとYが出資するシリーズAで: the subject of the round's relative clause invests, too
    if (
        lead is None
        or any(found[-1].end < m.start < lead.start and m.kind in PARTY for m in ctx.ments)
    ) and not _JOINED_ROUND.match(ctx.text, found[-1].end):
        return found
    first = min(m.start for m in found)
    outer = [
        m
        for m in ctx.before(t)
        if m.end <= first and m.kind in COMPANY and m.lp in ("は", "が") and m.name
    ]
    return list_of(ctx, outer[-1], COMPANY) if outer else []


_BACKED = re.compile(r"して(?:いる|おり|いた|います)")
_DESCRIBED_CLAUSE = re.compile(r"(?:で|であり|だが|で、)、?$")


def _described_funded(ctx: Ctx, t: Trig, givers: list[str]) -> list[str]:
    """Xは…のスタートアップで、YやZが出資している: the company described in the clause before
    is the one the givers back."""
    if not _BACKED.match(ctx.text, t.end):
        return []
    start = ctx.clause_start(t.start)
    topics = [
        m
        for m in ctx.before(t)
        if m.end <= start and m.kind in COMPANY and m.lp == "は" and m.name not in givers
    ]
    if len(topics) != 1 or not _DESCRIBED_CLAUSE.search(ctx.text, 0, start):
        return []
    return names(topics)


_GIVEN = re.compile(r"し|す|さ|を(?:決め|決定|実施|行|表明)|に踏み切")


def _unsaid_giver(ctx: Ctx, state: State, t: Trig, recipients: list[str]) -> list[str]:
    """米スケールAIに143億ドルを出資し: the investor left unsaid is the topic (メタは…)."""
    if not _GIVEN.match(ctx.text, t.end) or is_relative(ctx, t):
        return []
    topic = state.disc.salient("company", ctx.idx, exclude=tuple(recipients))
    return [topic] if topic else []


_TAKES_UP = re.compile(r"(?:増資|新株|株式)を(?:全て|すべて|全額)?$")


def _unsaid_allottee(ctx: Ctx, state: State, t: Trig) -> list[str]:
    """Xが実施する第三者割当増資を引き受け: who takes the new shares, left unsaid, is the topic
    (not a company the sentence names)."""
    if not t.word.startswith(("引き受け", "引受")) or is_relative(ctx, t):
        return []
    if not _TAKES_UP.search(ctx.text, 0, t.start):
        return []
    named = tuple(n for m in ctx.ments if m.kind in COMPANY for n in m.all_names)
    topic = state.disc.salient("company", ctx.idx, exclude=named)
    return [topic] if topic else []


_BENEFACTIVE = re.compile(r"(?:し|を)?(?:てもら|ていただ|てくれ)|をいただ|を受けることが")


def _speaker_company(ctx: Ctx, state: State, backers: list[Ment]) -> list[str]:
    """The company that received, left unsaid: the one the text is about."""
    topic = state.disc.salient("company", ctx.idx, exclude=tuple(names(backers)))
    return [topic] if topic else []


_FOUNDED_AFTER = re.compile(
    r"(?:し|して|し合って|を受けて|で)?、?(?:[^、。「」はがを]{0,12}?に)?(?:共同で?)?"
    r"(?:設立|発足|立ち上げ|創設|設け)(?!る予定|する計画)"
)


_FUNDED_HEAD = re.compile(
    r"(?:する|した|している|して(?:い|お)り)(?:新会社|合弁会社|新法人|事業会社|会社|スタートアップ)?[「『]?"
)


def _funded_head(ctx: Ctx, t: Trig, givers: list[str]) -> list[str]:
    """5社が共同出資する新会社「X」: the company the investors' relative clause names."""
    m = _FUNDED_HEAD.match(ctx.text, t.end)
    if m is not None and "合弁" in m.group() and len(givers) <= 2:
        return []  # a joint venture of two: their partnership
    head = next((k for k in ctx.ments if m is not None and k.start >= m.end() - 1), None)
    if m is None or head is None or head.start > m.end() + 1 or head.kind not in COMPANY:
        return []
    return [head.name] if head.name and head.name not in givers else []


def _through_fund(ctx: Ctx, t: Trig) -> list[str]:
    """Xは傘下のYを通じて…に出資: the fund named invests."""
    via = [
        m for m in ctx.before(t) if m.kind in COMPANY and m.lp in ("を通じて", "を通じ") and m.name
    ]
    return names(via[-1:])


def _partner_funded(ctx: Ctx, t: Trig, givers: list[str]) -> list[str]:
    """XはYとの提携を拡大し、…の追加投資を行う: the partner named before gets the money."""
    partners = {
        m.name
        for m in ctx.before(t)
        if m.kind in COMPANY and m.lp in ("との", "と") and m.name and m.name not in givers
    }
    if len(partners) != 1 or not _TIE_UP.search(ctx.text, 0, t.start):
        return []
    if _SPENDING.search(ctx.text, ctx.clause_start(t.start), t.start):
        return []  # AI開発に5兆円を投資: spending on a field, not in the partner
    return list(partners)


_TIE_UP = re.compile(r"提携|協業|パートナーシップ|関係")
_SPENDING = re.compile(
    r"(?:事業|開発|分野|研究|設備|インフラ|データセンター|工場|拠点|領域|計算資源|人材)(?:など)?に"
)


def _funders_of_new(ctx: Ctx, t: Trig) -> list[str]:
    """トヨタやNTTなど8社の出資で設立された: the investors of a company set up with them."""
    if not _FOUNDED_AFTER.match(ctx.text, t.end):
        return []
    owners = [m for m in ctx.window(t) if m.kind in PARTY and m.lp == "の" and not m.quoted]
    if not owners or len(ctx.text[owners[-1].pend : t.start]) > 2:
        return []
    return names(list_of(ctx, owners[-1], PARTY))


def _founded_with(ctx: Ctx, state: State, t: Trig, givers: list[str]) -> list[str]:
    """A、B…の8社が出資して設立した: the company set up with the money (named after the verb,
    else the new company the article has just introduced, else its topic)."""
    if not _FOUNDED_AFTER.match(ctx.text, t.end):
        return []
    head = relative_head(ctx, Trig("", t.start, ctx.text.find("設", t.end) + 2, ""), COMPANY)
    if head is not None and head.name not in givers:
        return [head.name]
    new = state.disc.new_org
    if new is not None and ctx.idx - new[0] <= 3 and new[1] not in givers:
        return [new[1]]
    here = [m.name for m in ctx.before(t) if m.lp == "は" and m.kind in COMPANY and m.name]
    topic = state.disc.topic("company", ctx.idx, exclude=tuple(givers))
    return [n for n in here if n not in givers][-1:] or ([topic] if topic else [])


_OWNED_ROUND = re.compile(
    r"(?:(?:総額|計|約|最大|過去最大の)?[\d.,]+(?:兆|億|万)?[\d.,]*(?:億|万)?"
    r"(?:ドル|円|ユーロ|ポンド|元)(?:\([^()]*\))?(?:規模)?の|シリーズ\s?[A-Z]の?|シード(?:ラウンド)?の?"
    r"|新たな|大型の?|追加の?|今回の)*"
)


def _genitive_owner(ctx: Ctx, t: Trig) -> list[Ment]:
    """OpenAIの66億ドルの資金調達: the company whose round it is."""
    for m in reversed(ctx.window(t)):
        if m.kind in COMPANY and m.lp == "の" and not m.quoted:
            return [m] if _OWNED_ROUND.fullmatch(ctx.text, m.pend, t.start) else []
    return []


_GLUED_LEAD = re.compile(r"(?:で|の|により|による|する|した)")


# Xとアマゾンの投資部門が参加したシリーズBで: those who joined the round the raise is of.
_JOINED_ROUND = re.compile(
    r"(?:の(?:投資部門|投資子会社|投資会社|ファンド|CVC))?(?:など|ら)?が"
    r"(?:参加|主導|リード|出資|引き受け)(?:(?:し|してい)?た|する|している)"
    r"(?=[^、。はがを]{0,12}?(?:シリーズ|ラウンド|資金調達|増資))"
)


def _round_joiners(ctx: Ctx, t: Trig) -> list[Ment]:
    """The investors a round before the raising verb is described by (Xが参加したシリーズBで
    …を集めた)."""
    for m in ctx.before(t):
        if m.kind in PARTY and not m.quoted and _JOINED_ROUND.match(ctx.text, m.end):
            return [k for k in list_of(ctx, m, PARTY) if k.end <= m.end]
    return []


def _leaders(ctx: Ctx, t: Trig) -> list[Ment]:
    """Who leads: the subject, unless that is the raiser inside the object (SBGは、OpenAIが
    実施する資金調達を主導する)."""
    glued = [m for m in ctx.before(t) if m.kind in PARTY and m.pend == t.start and not m.lp]
    if glued and _GLUED_LEAD.match(ctx.text, t.end):
        return list_of(ctx, glued[-1], PARTY)  # X主導で66億ドルを調達: X leads, not raises
    found = agents(ctx, t, PARTY, cross=False)
    if found and any(
        u.kind == "inv" and _RAISE.match(u.word) for u in ctx.trigs_between(found[-1].pend, t.start)
    ):
        return [m for m in ctx.before(t) if m.lp == "は" and m.kind in PARTY][-1:]
    return found


_NOMINAL_AFTER = re.compile(r"(?:として|では|の(?:規模|額|総額|件数|中で))")
_REPORTED = re.compile(
    r"^(?:し|する|した|している|していた|を受けた|を受ける)?(?:と|ことを)(?:発表|明らか|公表)"
)


def _announcer(ctx: Ctx, t: Trig, givers: list[str]) -> list[str]:
    """ヤマトAIは…8社が出資したと発表した: the company announcing who invested in it."""
    if not _REPORTED.match(ctx.text[t.end :]):
        return []
    for m in ctx.before(t):
        if m.kind in COMPANY and m.lp == "は" and m.name and m.name not in givers:
            return [m.name]
    return []


_MUTUAL = re.compile(
    r"(?:相互に?|互いに)[^、。]{0,8}?(?:出資|株式|資本)|相互出資|出資し合|持ち合|互いの株式|株式を相互"
)


def _mutual(ctx: Ctx, state: State, live: list[Trig]) -> bool:
    """AとBは相互に出資する, 両社はそれぞれ…を出資し合う: an investment each way; AはBに、
    BはAに…出資: each pair as written."""
    if not live:
        return False
    pairs = _crossed_pairs(ctx, live[-1])
    if not pairs:
        cue = _MUTUAL.search(ctx.text)
        if cue is None:
            return False
        t = next((t for t in live if t.start >= cue.start()), live[-1])
        pair = names(agents(ctx, t, COMPANY))
        if len(pair) != 2:
            return False
        pairs = [(pair[0], pair[1]), (pair[1], pair[0])]
    amounts = [m for m in ctx.money if money_role(ctx, m) == "deal"]
    money = amounts[0] if len(amounts) == 1 else None
    for company, investor in pairs:
        fields = {
            "company": company,
            "investors": [investor],
            "amount_usd": usd(money),
            "stake_pct": _stake(ctx),
            "valuation_usd": None,
            "round": None,
        }
        state.add(
            make("investment", fields, ctx, 0.65, money=money, pos=live[0].start, mutual=True)
        )
    return True


def _crossed_pairs(ctx: Ctx, t: Trig) -> list[tuple[str, str]]:
    """AはBに、BはAに(それぞれ)…出資: (company, investor) for each giver-recipient pair."""
    pairs: list[tuple[str, str]] = []
    if "に、" not in ctx.text:
        return pairs
    before = [m for m in ctx.before(t) if m.kind in COMPANY and m.name]
    for giver, recipient in itertools.pairwise(before):
        if (
            giver.particle == "は"
            and recipient.particle in ("に", "へ")
            and giver.name != recipient.name
        ):
            gap = ctx.text[giver.pend : recipient.start]
            if len(gap) <= 4:
                pairs.append((recipient.name, giver.name))
    return pairs if len(pairs) >= 2 else []


def _split_by_amount(ctx: Ctx, state: State, live: list[Trig]) -> bool:
    """Aが最大50億ドル、Bが最大100億ドルを出資: one investment per investor and amount."""
    if not live or len(ctx.money) < 2:
        return False
    pairs = []
    for m in ctx.ments:
        money = next((x for x in ctx.money if 0 <= x.start - m.pend <= 3), None)
        if (
            m.kind in PARTY
            and m.particle == "が"
            and money is not None
            and money.end < live[0].start
        ):
            pairs.append((m, money))
    if len(pairs) < 2:
        return False
    givers = {m.name for m, _ in pairs}
    recipients = [
        n for n in names(with_particle(ctx, live[0], _RECIPIENT, COMPANY)) if n not in givers
    ]
    recipients = recipients or [
        m.name
        for m in ctx.ments
        if m.lp in ("では", "は") and m.kind in COMPANY and m.name not in givers
    ]
    if not recipients:
        return False
    for m, money in pairs:
        fields = {
            "company": recipients[0],
            "investors": [m.name],
            "amount_usd": usd(money),
            "stake_pct": None,
            "valuation_usd": None,
            "round": None,
        }
        state.add(make("investment", fields, ctx, 0.65, money=money, pos=m.start))
    return True


_STAKE_AT = re.compile(
    r"(?:\([^()]*\))?(?:の)?(?:発行済み)?株式?の(?:約|およそ)?(?P<p>\d+(?:\.\d+)?)%"
)
_HOLD = re.compile(r"取得|保有|引き受け|持つ|持ち|出資")


def _stake_pairs(ctx: Ctx, state: State) -> bool:
    """AがBの株式の1%を、BがAの株式の1%をそれぞれ取得する: one stake per pair."""
    if "%" not in ctx.text or not _HOLD.search(ctx.text):
        return False
    pairs = []
    for i, m in enumerate(ctx.ments):
        stake = _STAKE_AT.match(ctx.text, m.end) if m.kind in COMPANY else None
        giver = _stake_giver(ctx.ments[:i])
        if stake is not None and giver is not None and giver.name != m.name:
            pairs.append((m, giver, float(stake.group("p"))))
    if len(pairs) < 2:
        return False
    for m, giver, pct in pairs:
        fields = {
            "company": m.name,
            "investors": [giver.name],
            "amount_usd": None,
            "stake_pct": pct,
            "valuation_usd": None,
            "round": None,
        }
        state.add(make("investment", fields, ctx, 0.65, pos=m.start))
    return True


def _stake_giver(before: list[Ment]) -> Ment | None:
    for m in reversed(before):
        if m.kind in COMPANY and m.lp in ("が", "は") and m.name:
            return m
    return None


def _stake_owner(ctx: Ctx, t: Trig) -> list[str]:
    """The company whose shares are bought (同社株式の49%, ELYZAの株式)."""
    for m in reversed(ctx.window(t)):
        after = ctx.text[m.end : m.end + 8]
        if (
            m.particle == "株"
            or re.match(r"^(?:\([^()]*\))?(?:の)?株", after)
            or (m.lp == "の" and ctx.text[m.pend : m.pend + 2] == "株式")
        ):
            return names([m])
    return []


def _genitive_giver(ctx: Ctx, t: Trig) -> list[Ment]:
    """メタのScale AIへの投資, メタによる出資: the investor before the recipient."""
    window = ctx.window(t)
    for i, m in enumerate(window):
        if m.lp in ("による", "によって", "により"):
            return [m]
        nxt = window[i + 1] if i + 1 < len(window) else None
        if m.lp == "の" and nxt is not None and nxt.lp in _RECIPIENT and nxt.start - m.pend <= 1:
            return [m]
    return []


def procurement(ctx: Ctx, t: Trig) -> bool:
    """調達 of goods (GPUを調達; 10億円分のモーターを調達), not of money."""
    if t.word != "調達":
        return False
    clause = ctx.text[ctx.clause_start(t.start) : t.start]
    goods = _GOODS_OBJECT.search(clause)
    if goods is not None and not _MONEY_WORDS.search(goods.group("o") or ""):
        return True
    return not _MONEY_WORDS.search(clause)


# The object of 調達 when it is goods: what an amount is worth (10億円分のモーターを) or a
# count of units (GPU2万基を); 資金 there is money.
_GOODS_OBJECT = re.compile(
    r"(?:(?:分の|相当の)(?P<o>[^、。をはがにで]{1,16})|\d[\d,.]*万?(?:基|台|個|枚|トン|ユニット))を"
    r"(?:[^、。を]{0,16}から)?$"
)


def _funding_total(ctx: Ctx, t: Trig) -> bool:
    """これまでに総額…を調達: a company's funding to date, a financial figure."""
    clause = ctx.text[ctx.clause_start(t.start) : t.start]
    return _RAISE.match(t.word) is not None and bool(_FUNDING_TOTAL.search(clause))


def _listed_investors(ctx: Ctx, *, in_round: bool = False) -> list[str]:
    """出資者には、A、B…が名を連ねた; Aなどを引受先とする; 既存投資家のBも参加した."""
    allotted = {m.list_id for m in ctx.ments if _ALLOTTEE.match(ctx.text, m.pend)}
    found = [m for m in ctx.ments if m.kind in PARTY and not m.quoted and m.list_id in allotted]
    joined = [
        m
        for m in ctx.ments
        if m.kind in PARTY and m.lp in ("が", "も") and _JOINED.match(ctx.text, m.pend)
    ]
    if joined and (in_round or _FUNDING_WORDS.search(ctx.text)) and not _BOARD.search(ctx.text):
        found += [k for m in joined for k in ctx.ments if k.list_id == m.list_id]
    cue = _INVESTOR_LIST.search(ctx.text)
    if cue:
        found += [m for m in ctx.ments if m.start >= cue.end() and m.kind in PARTY and not m.quoted]
    return names(found)


def _emit_investment(
    ctx: Ctx, state: State, t: Trig, company: list[str], investors: list[str]
) -> None:
    money = deal_money(ctx, t)
    if not company and (_RAISE.match(t.word) or _led_round(ctx, t, money)):
        guess = state.disc.salient("company", ctx.idx, exclude=tuple(investors))
        company = [guess] if guess else []
    fields = {
        "company": company[0] if company else None,
        "investors": investors,
        "amount_usd": usd(money),
        "stake_pct": _stake(ctx),
        "valuation_usd": usd(valuation(ctx)),
        "round": round_of(ctx.text),
    }
    if not company:
        recent = state.recent("investment", ctx.idx, window=2 if investors else 0)
        if recent is not None and not recent.extra.get("fragment") and money is None:
            _fill(recent, fields, money, ctx)
            return
        topic = state.disc.main("company", exclude=tuple(investors))
        equity = t.word.startswith("出資")
        if investors and money is not None and topic and equity and ctx.kind != "title":
            fields["company"] = topic
            state.add(make("investment", fields, ctx, 0.5, money=money, pos=t.start))
            return
        if recent is not None and not recent.extra.get("fragment"):
            _fill(recent, fields, money, ctx)
            return
        if not investors:
            return
        fields["company"] = None
        state.add(make("investment", fields, ctx, 0.4, money=money, pos=t.start, fragment=True))
        return
    conf = 0.75 if investors else 0.65
    event = make("investment", fields, ctx, conf, money=money, pos=t.start)
    same = _same_round(state, ctx, event)
    if same is None:
        state.add(event)
    elif set(investors) - {i for e in same for i in e.fields.get("investors") or []}:
        _fill(same[-1], fields, money, ctx)  # ANRIさんにも追加で出資してもらいました: that round


def _same_round(state: State, ctx: Ctx, event: Event) -> list[Event] | None:
    """The rounds just read of the same company, for a finding with no figure or date of its
    own (既存株主のXも参加した, Xにも出資してもらった): it adds its investors to the last one,
    or only restates them."""
    if any(event.fields.get(f) for f in ("amount_usd", "round", "stake_pct", "valuation_usd")):
        return None
    recent = [
        e
        for e in state.events
        if e.type == "investment"
        and 0 <= ctx.idx - e.extra.get("sent", -99) <= 2
        and not e.extra.get("title")
        and e.fields.get("company") == event.fields.get("company")
        and (not event.date or event.date == e.date)
    ]
    return recent or None


_ROUND_NOUN = re.compile(r"[^、。]{0,12}?(?:ラウンド|シリーズ\s?[A-Z]|シード)")


def _led_round(ctx: Ctx, t: Trig, money: MoneyMatch | None) -> bool:
    """Xがリードしたシードラウンドで3100万ドル: a round the investor led, with its amount and
    no word for raising: the round of the company the text is about."""
    return (
        money is not None
        and _LEAD.match(t.word) is not None
        and money.start > t.end
        and _ROUND_NOUN.match(ctx.text, t.end) is not None
        and _no_topic_company(ctx)
    )


def _no_topic_company(ctx: Ctx) -> bool:
    """No company in the sentence is the topic or subject of anything else."""
    return not any(m.lp == "は" and m.kind in COMPANY for m in ctx.ments)


def _fill(event: Event, fields: Mapping[str, object], money: object, ctx: Ctx) -> None:
    """Add what a later sentence says about a deal already found."""
    for name, value in fields.items():
        if name == "investors" and isinstance(value, list):
            current = event.fields.get("investors") or []
            event.fields["investors"] = current + [v for v in value if v not in current]
        elif value not in (None, "", []) and event.fields.get(name) in (None, "", []):
            event.fields[name] = value
            if name == "amount_usd" and money is not None:
                event.money = getattr(money, "money", None)


def _enrich_investment(ctx: Ctx, state: State, had_trigger: bool) -> None:
    """A sentence with no live trigger that names the investors, price or valuation."""
    if ctx.question or (had_trigger and not _INVESTOR_LIST.search(ctx.text)):
        return
    if state.recent("investment", ctx.idx, window=5) is None:
        return
    detail = _DETAIL.search(ctx.text)
    listed = _listed_investors(ctx, in_round=True) if ctx.ments else []
    if detail is None and not listed:
        return
    recent = _round_meant(ctx, state, window=5 if listed and _JOIN_VERB.search(ctx.text) else 3)
    if recent is None or recent.extra.get("fragment"):
        return
    fields: dict[str, object] = {
        "investors": listed,
        "valuation_usd": usd(valuation(ctx)) if detail else None,
        "stake_pct": _stake(ctx) if detail else None,
    }
    if _INV_AMOUNT_WORDS.search(ctx.text) and ctx.money:
        fields["amount_usd"] = usd(ctx.money[0])
    _fill(recent, fields, None, ctx)
    if fields["valuation_usd"]:
        ctx.extra["valuation_used"] = True


_DETAIL = re.compile(r"%|ドル|円|ユーロ|ポンド|元")  # a sentence that can add a figure
_BOARD = re.compile(r"委員会|取締役会|理事会|審議会|諮問会議")
_JOIN_VERB = re.compile(r"参加|加わ|名を連ね")


def _round_meant(ctx: Ctx, state: State, window: int) -> Event | None:
    """The deal a detail belongs to: the last one, or (ラウンドには…) the last round."""
    recent = [
        e
        for e in state.events
        if e.type == "investment" and 0 <= ctx.idx - e.extra.get("sent", -99) <= window
    ]
    if "ラウンド" in ctx.text:
        rounds = [e for e in recent if e.fields.get("round")]
        recent = rounds or [e for e in recent if e.fields.get("amount_usd")] or recent
    return recent[-1] if recent else None


def round_of(text: str) -> str | None:
    """シリーズA → "Series A", シード → "seed"."""
    m = _ROUND.search(text)
    if not m:
        return None
    if m.group("s") or m.group("e"):
        return f"Series {m.group('s') or m.group('e')}"
    word = re.sub(r"\s", "", m.group("w"))
    if word.startswith("プレシリーズ"):
        return f"pre-Series {word[-1]}"
    return _ROUND_WORDS.get(word)


_STAKE = re.compile(
    r"株式?の?(?:約|およそ)?(?P<a>\d+(?:\.\d+)?)%|(?P<b>\d+(?:\.\d+)?)%(?:の|を)?(?:株式|株|持ち分|出資|保有)"
    r"|(?:出資比率|持ち分|持株比率|持ち株比率)(?:は|を|が)?(?:約)?(?P<c>\d+(?:\.\d+)?)%"
    r"|議決権(?:比率|ベース)?(?:の|で|は)?(?:約)?(?P<d>\d+(?:\.\d+)?)%"
)


def _stake(ctx: Ctx) -> float | None:
    m = _STAKE.search(ctx.text)
    if not m:
        return None
    return float(m.group("a") or m.group("b") or m.group("c") or m.group("d"))


# ---------------------------------------------------------------- acquisition


def acquisitions(ctx: Ctx, state: State) -> None:
    """Who buys whom, for how much; the price may come in the next sentence."""
    found: list[Event] = []
    for t in ctx.of("acq", "sale"):
        if blocked(ctx, t):
            continue
        sibling = found[-1] if found else None
        events = _sale(ctx, state, t) if t.kind == "sale" else _acquisition(ctx, state, t, sibling)
        for event in events:
            state.add(event)
            found.append(event)
    if not found:
        _enrich_acquisition(ctx, state)


def _acquisition(ctx: Ctx, state: State, t: Trig, sibling: Event | None) -> list[Event]:
    if _JOINED_GROUP.search(t.word):
        return _joined_group(ctx, state, t)
    passive = bool(_PASSIVE.match(ctx.text[t.end :]))
    targets = _acq_targets(ctx, t, passive)
    buyers = _acq_buyers(ctx, t, passive)
    if not targets and not passive:
        targets = _bought_head(ctx, t)
    if not targets and buyers and not passive:
        head = relative_head(ctx, t, COMPANY)
        targets = (
            [head]
            if head is not None and head not in buyers
            else _topic_object(ctx, state, t, buyers)
        )
    arms = [m.extra["arm"] for m in targets if m.extra.get("arm")]
    target_names = arms or names(targets) or ([sibling.fields["target"]] if sibling else [])
    buyer_names = [n for n in names(buyers) if n not in target_names]
    if not target_names:
        return []
    if sibling is not None and sibling.fields["target"] in target_names:
        return []
    conf = 0.75
    if not buyer_names:
        guess = state.disc.salient("company", ctx.idx, exclude=tuple(target_names))
        buyer_names, conf = ([guess] if guess else []), 0.5
    if not buyer_names:
        return []
    if len(target_names) == 1:
        prices = {target_names[0]: deal_money(ctx, t)}
    else:
        prices = _price_each(ctx, t, targets)
    joint = _JOINT.search(ctx.text, ctx.clause_start(t.start), t.start) is not None
    acquirers = buyer_names if joint and len(target_names) == 1 else buyer_names[:1]
    return [
        make(
            "acquisition",
            {"acquirer": buyer, "target": target, "amount_usd": usd(prices.get(target))},
            ctx,
            conf,
            money=prices.get(target),
            pos=t.start,
        )
        for target in target_names
        for buyer in acquirers
    ]


_JOINT = re.compile(r"共同で|共同して|共同")


_JOINED_GROUP = re.compile(r"傘下(?:に(?:入|移)|入り)")
_OWNER_GAP = re.compile(r"[^、。はがを「」]{0,12}")


def _joined_group(ctx: Ctx, state: State, t: Trig) -> list[Event]:
    """同社はA、Bを経て、21年にCの傘下に入った; 17年にA、21年にBの傘下に移った: each owner
    named bought the company (the subject)."""
    owners = [m for m in ctx.before(t) if m.kind in COMPANY and m.lp == "の" and m.pend == t.start]
    if not owners:
        return []
    subject = [m for m in agents(ctx, t, COMPANY) if m not in owners]
    target = names(subject[:1]) or [state.disc.salient("company", ctx.idx) or ""]
    chain = _owner_chain(ctx, owners[0]) + _previous_owners(ctx, t)
    buyers = [n for n in names(chain) if n != target[0]]
    if not target[0] or not buyers:
        return []
    fields = [{"acquirer": b, "target": target[0], "amount_usd": None} for b in buyers]
    return [make("acquisition", f, ctx, 0.6, pos=t.start) for f in fields]


_VERBAL = re.compile(r"(?:し|した|する|され)")


def _owner_chain(ctx: Ctx, last: Ment) -> list[Ment]:
    """17年にA、21年にBの: the owners listed up to the last one, in order."""
    before = [m for m in ctx.ments if m.end <= last.start and m.kind in COMPANY]
    chain = [last]
    for m in reversed(before):
        gap = ctx.text[m.pend : chain[0].start]
        if m.particle != "、" or not _OWNER_GAP.fullmatch(gap):
            break
        chain.insert(0, m)
    return chain


def _previous_owners(ctx: Ctx, t: Trig) -> list[Ment]:
    """A、Bを経て: the owners before the last."""
    via = [m for m in ctx.before(t) if m.kind in COMPANY and ctx.text.startswith("経て", m.pend)]
    return [k for k in ctx.ments if via and k.list_id == via[-1].list_id and k.kind in COMPANY]


def _price_each(ctx: Ctx, t: Trig, targets: list[Ment]) -> dict[str, MoneyMatch | None]:
    """Aを157億ドルで、Bを277億ドルで買収: each target's own price."""
    ends = [m.start for m in targets[1:]] + [t.start]
    out: dict[str, MoneyMatch | None] = {}
    for m, end in zip(targets, ends, strict=True):
        out[m.name] = next((x for x in ctx.money if m.pend <= x.start and x.end <= end), None)
    return out


def _topic_object(ctx: Ctx, state: State, t: Trig, buyers: list[Ment]) -> list[Ment]:
    """レインボーは2013年にグーグルが買収し: the topic is what the subject bought; with no
    topic in the sentence (2016年にSBGが買収し), the article's current topic."""
    first = min(buyers, key=lambda m: m.start)
    if first.lp != "が":
        return []
    for m in reversed(ctx.before(Trig("", first.start, first.start, ""))):
        if m.kind in COMPANY and m.lp == "は" and m not in buyers and not m.quoted:
            return [m]
    if "を" in ctx.text[ctx.clause_start(t.start) : t.end + 1] or not _VERBAL.match(
        ctx.text, t.end
    ):
        return []  # 買収を決めた: a purchase of something unsaid, not of the topic
    recent = state.disc.topics.get("company")
    topic = state.disc.topic("company", ctx.idx, exclude=tuple(names(buyers)))
    if topic is None or recent is None or ctx.idx - recent[0] > 2:
        return []
    ment = Ment(-1, -1, topic, topic, "company", source="anaphor")
    ment.particle = ment.lp = "を"
    return [ment]


def _acq_targets(ctx: Ctx, t: Trig, passive: bool) -> list[Ment]:
    if passive:
        return agents(ctx, t, COMPANY)
    objects = with_particle(ctx, t, ("を",), COMPANY)
    if objects:
        return _object_chain(ctx, with_particle(ctx, t, ("を",), COMPANY, cross=True))
    if "子会社" in t.word or "傘下" in t.word:
        owned = [
            m
            for m in ctx.before(t)
            if m.lp == "の" and ctx.text.startswith(("株式", "全株式", "全株"), m.pend)
        ]
        if owned:
            return owned[-1:]  # Xの株式のN%を取得し、子会社化した
    for m in reversed(ctx.window(t)):
        gap = ctx.text[m.pend : t.start]
        unit = _UNIT.match(gap) if m.kind in COMPANY and m.lp == "の" else None
        if unit is not None:
            return [_unit_mention(ctx, m, unit.group("u"))]
        if (
            m.kind in COMPANY
            and not m.quoted
            and (
                (
                    m.lp == "の"
                    and re.fullmatch(
                        r"(?:株式の|全株式を|全株を|全株式の|発行済み株式の)?(?:完全|連結)?", gap
                    )
                )
                or (m.particle == "" and not gap)
            )
        ):
            return [m]
    return []


_UNIT = re.compile(r"(?P<u>[^\s、。はがをにでと「」()]{1,8}?(?:事業|部門))を")


def _unit_mention(ctx: Ctx, owner: Ment, unit: str) -> Ment:
    """ABBのロボット事業を買収: the business bought, named with its owner."""
    name = f"{ctx.text[owner.start : owner.end]}の{unit}"
    ment = Ment(owner.start, owner.pend + len(unit), name, name, "company", source="pattern")
    ment.particle = ment.lp = "を"
    ment.extra["unit_of"] = owner.name
    return ment


def _object_chain(ctx: Ctx, objects: list[Ment]) -> list[Ment]:
    """2012年にAを、18年にBを買収した: every object of a chain 〜を、〜を (nearest first)."""
    chain = [m for m in objects if m.list_id == objects[0].list_id]
    for m in objects[len(chain) :]:
        gap = ctx.text[m.pend : chain[-1].start]
        comma = ctx.text[m.pend - 1] == "、"
        if not ((comma and _CHAIN_GAP.fullmatch(gap)) or _PRICED_GAP.fullmatch(gap)):
            break
        chain.append(m)
    return list(reversed(chain))


# between two objects of one verb: 〜を、18年に〜を / 〜を157億ドルで、21年に〜を
_CHAIN_GAP = re.compile(r"[^、。はがを]{0,24}")
_PRICED_GAP = re.compile(r"[^、。はがを]{0,24}で、[^、。はがを]{0,24}")


_SOLD_TO = ("に", "へ", "へと", "、")


def _sale(ctx: Ctx, state: State, t: Trig) -> list[Event]:
    """AはBをCに売却した; Bは17年にC、21年にDへと売却された: C (and D) bought B; Aは…を買収
    したが、17年にCに売却した: what A had bought."""
    passive = bool(re.match(r"^され", ctx.text[t.end :]))
    topic = [m for m in ctx.before(t) if m.lp == "は" and m.kind in COMPANY]
    targets = (
        (topic[-1:] or agents(ctx, t, COMPANY))
        if passive
        else with_particle(ctx, t, ("を",), COMPANY)
    )
    if not targets:
        targets = _resold(ctx, state, t)
    if not targets:
        return []
    target = _sold_on(state, ctx, targets[0]) if passive else targets[0]
    buyers = [
        m
        for m in ctx.window(t)
        if m.kind in COMPANY
        and m.lp in _SOLD_TO
        and m.start > target.start
        and not m.quoted
        and m.name
        and m.name != target.name
    ]
    if not buyers or not target.name:
        return []
    money = deal_money(ctx, t) if len(buyers) == 1 else None
    return [
        make(
            "acquisition",
            {"acquirer": b.name, "target": target.name, "amount_usd": usd(money)},
            ctx,
            0.65,
            money=money,
            pos=b.start,
        )
        for b in buyers
    ]


def _resold(ctx: Ctx, state: State, t: Trig) -> list[Ment]:
    """A sale with its object unsaid: the company the seller (or anyone, just before) bought."""
    if "を" in ctx.text[ctx.clause_start(t.start) : t.start]:
        return []  # the object is there, only not a company (事業を売却)
    sellers = names(agents(ctx, t, COMPANY))
    recent = [
        e
        for e in state.events
        if e.type == "acquisition" and ctx.idx - e.extra.get("sent", -99) <= 2
    ]
    own = [e for e in recent if e.fields["acquirer"] in sellers]
    if not (own or recent):
        return []
    target = str((own or recent)[-1].fields["target"])
    ment = Ment(-1, -1, target, target, "company", source="pattern")
    ment.particle = ment.lp = "を"
    return [ment]


def _sold_on(state: State, ctx: Ctx, target: Ment) -> Ment:
    """同社は17年にCに売却された, 同社 read as the last buyer: the company it had bought."""
    if target.source != "anaphor":
        return target
    for e in reversed(state.events):
        if ctx.idx - e.extra.get("sent", -99) > 2:
            break
        if e.type == "acquisition" and e.fields["acquirer"] == target.name:
            name = str(e.fields["target"])
            return Ment(target.start, target.end, target.surface, name, "company", source="anaphor")
    return target


def _acq_buyers(ctx: Ctx, t: Trig, passive: bool) -> list[Ment]:
    if passive:
        return with_particle(ctx, t, ("に", "によって", "により"), COMPANY)[:1]
    found = agents(ctx, t, COMPANY)
    if found:
        return found
    by = with_particle(ctx, t, ("による", "によって", "により"), COMPANY)
    if by:
        return by[:1]
    head = relative_head(ctx, t, COMPANY)
    return [head] if head and not _bought_head(ctx, t) else []


_BOUGHT_GAP = re.compile(
    rf"(?:し|した|している|していた)(?:(?:{PLACES})の|[^、。はがをにで]{{0,10}}?"
    r"(?:新興|企業|スタートアップ|メーカー|会社|ベンチャー)(?:の|、)?)?[米英仏独中イ]?"
)


def _bought_head(ctx: Ctx, t: Trig) -> list[Ment]:
    """19年に買収したイスラエルのハバナ・ラボ, with nothing bought named in the clause: the
    noun is what was bought (by the clause's subject or the topic); Xを買収したY makes Y the
    buyer instead."""
    if "を" in ctx.text[ctx.clause_start(t.start) : t.start]:
        return []
    after = [m for m in ctx.ments if m.start >= t.end and m.kind in COMPANY]
    if not after or not after[0].name:
        return []
    head = after[0]
    gap = ctx.text[t.end : head.start - len(head.prefix)]
    return [head] if _BOUGHT_GAP.fullmatch(gap) else []


def _enrich_acquisition(ctx: Ctx, state: State) -> None:
    """買収額は明らかにしていないが、…約7億ドルと報じている: the price of the deal just read."""
    if not _ACQ_AMOUNT_WORDS.search(ctx.text) or not ctx.money:
        return
    recent = state.recent("acquisition", ctx.idx, window=2)
    if recent is not None and recent.fields.get("amount_usd") is None:
        recent.fields["amount_usd"] = usd(ctx.money[0])
        recent.money = ctx.money[0].money


# ---------------------------------------------------------------- partnership


_TOPIC_HEADING = re.compile(
    r"^[^、。は]{1,40}との(?:業務|資本|戦略的)?(?:協業|提携|連携|パートナーシップ|アライアンス)"
    r"(?:について|に関して|の概要|の内容|の背景)?\s?$"
)


def partnerships(ctx: Ctx, state: State) -> None:
    """Alliances: the subject(s) and the partners marked by と; ventures set up together."""
    if ctx.kind == "heading" and _TOPIC_HEADING.match(ctx.text):
        return  # 日本マイクロソフトとの協業: a section's title; its paragraph tells the deal
    for t in ctx.of("part", "found"):
        if (
            blocked(ctx, t)
            or _PART_UNDONE.match(ctx.tail(t))
            or _JV_AS_VEHICLE.match(ctx.text, t.end)
        ):
            continue
        if t.kind == "found" and not _VENTURE.search(ctx.text, t.end, t.end + 24):
            continue
        companies = _partners(ctx, state, t)
        if t.word.endswith("出資") and len(companies) >= 3:
            continue  # a consortium funding a company: an investment, not an alliance
        if len(companies) >= 2:
            summary = _clause_text(ctx, t)
            state.add(
                make(
                    "partnership",
                    {"companies": companies, "summary": summary},
                    ctx,
                    0.7,
                    pos=t.start,
                )
            )
            return
    _together(ctx, state)


# …事業をXとの合弁会社に移管しており: a venture named as where a business went, not a new deal.
_JV_AS_VEHICLE = re.compile(
    r"(?:会社|企業)?(?:に|へ)[^、。]{0,8}?(?:移管|移し|移行|統合し|譲渡|移っ|移る|集約)"
    r"|(?:会社|企業)?を通じ(?:て)?[^。]{0,24}?(?:して|し)(?:いる|おり|きた)"
)
_VENTURE = re.compile(r"事業|会社|合弁|ベンチャー|ファンド|プロジェクト|連合|コンソーシアム|「")


def _partners(ctx: Ctx, state: State, t: Trig) -> list[str]:
    found = agents(ctx, t, COMPANY)
    subjects = names(found)
    partners = names(with_particle(ctx, t, _PARTNER, COMPANY))
    if not partners and len(found) == 1 and found[0].start >= t.end:
        # 7月に提携した米スノーフレークとは: a clause with no subject names the partner of
        # the company the text is about
        partners, subjects = subjects, []
    units = _own_units(ctx, t, subjects + partners)
    subjects = [n for n in subjects if n not in units]
    partners = [n for n in partners if n not in units]
    together = [m for m in ctx.window(t) if m.lp == "で" and len(m.names) >= 2]
    if together:
        return list(together[-1].names)  # 両社で合弁会社を設立
    if t.kind == "found" and not partners:
        return []
    if not partners and len(subjects) == 1:
        partners = _funded_here(ctx, state, subjects[0])
    if not subjects and own_work(ctx, t):
        return []
    if _JOINT_ONLY.match(t.word) and not partners and len(subjects) < 2:
        if any(m.lp == "で" for m in ctx.window(t)):
            return []  # トロント大学で…を共同開発: where the work was done, no party to a deal
        group = state.disc.group("company", ctx.idx) if not subjects else ()
        return list(group) if ctx.kind == "item" else []
    if not subjects and partners:
        find = state.disc.topic if ctx.kind == "title" else state.disc.salient
        guess = find("company", ctx.idx, exclude=tuple(partners))
        subjects = [guess] if guess else []
    return list(dict.fromkeys(subjects + partners))


_UNIT_OF_BEFORE = re.compile(
    r"(?:子会社|傘下|グループ会社|研究部門|部門|事業部|研究所)(?:の|である)?[「『]?$"
)


def _own_units(ctx: Ctx, t: Trig, parties: list[str]) -> set[str]:
    """グーグルと英子会社のグーグル・ディープマインドが共同で開発: a party's own unit is no
    partner of it (but SBG傘下のアームと提携 is a tie-up with Arm, SBG being no party)."""
    units = set()
    for m in ctx.window(t):
        at = m.start - len(m.prefix)
        cue = _UNIT_OF_BEFORE.search(ctx.text, max(0, at - 10), at)
        if cue is None or m.name not in parties:
            continue
        owner = next((k for k in reversed(ctx.ments) if k.end <= cue.start()), None)
        named = owner is not None and ctx.text[owner.end : cue.start()].strip() in ("", "の")
        if not named or (owner is not None and owner.name in parties):
            units.add(m.name)
    return units


def _funded_here(ctx: Ctx, state: State, investor: str) -> list[str]:
    """Xが…を出資し、…提携を結んだ: the partner is the company it invested in."""
    for e in reversed(state.events):
        if e.extra.get("sent") != ctx.idx:
            break
        if e.type == "investment" and investor in (e.fields.get("investors") or []):
            return [e.fields["company"]] if e.fields.get("company") else []
    return []


def _together(ctx: Ctx, state: State) -> None:
    """AやBとともに…を発表: a joint announcement is a partnership of all of them."""
    withs = [m for m in ctx.ments if m.lp in ("とともに", "と共に") and m.kind in COMPANY]
    if not withs or not _WITH_ANNOUNCE.search(ctx.text[withs[-1].pend :]):
        return
    if any(blocked(ctx, t) for t in ctx.trigs) or ctx.question:
        return
    partners = names(withs)
    subjects = names([m for m in ctx.ments if m.lp in ("は", "が") and m.kind in COMPANY])
    if not subjects:
        subjects = list(state.disc.group("company", ctx.idx))
    companies = list(dict.fromkeys(subjects + partners))
    if len(companies) >= 2:
        state.add(
            make(
                "partnership",
                {"companies": companies, "summary": ctx.raw.strip()[:160]},
                ctx,
                0.55,
                pos=withs[0].start,
            )
        )


def _clause_text(ctx: Ctx, t: Trig) -> str:
    start = ctx.clause_start(t.start)
    return ctx.raw[start : ctx.clause_end(t.end)].strip(" 、。")[:160]
