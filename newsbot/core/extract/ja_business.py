"""Japanese rules for customers (and their status), financial figures, layoffs and launches."""

from __future__ import annotations

import re

from newsbot.core.events import Event
from newsbot.core.extract.ja_clauses import (
    Ctx,
    Trig,
    agents,
    blocked,
    is_relative,
    list_of,
    with_particle,
)
from newsbot.core.extract.ja_deals import procurement
from newsbot.core.extract.ja_entities import SELF_NAMES, Ment, Quote, alias_quote
from newsbot.core.extract.ja_lex import FIN_METRIC, NEGATION
from newsbot.core.extract.ja_state import COMPANY, State, make, money_role, names, usd
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.extract.numbers import CountMatch

_TECH = re.compile(
    r"^[^、。はがを]{0,22}?(?:技術|モデル|製品|サービス|ソリューション|プラットフォーム|システム|AI|GPU|"
    r"チップ|半導体|クラウド|API|ソフト|ツール|データ|LLM|基盤|インフラ|プロジェクト|サーバー|計算資源|"
    r"エージェント|アプリ|知的財産|特許)"
)
_SUPPLY = re.compile(r"供与|供給|出荷|納入")
_PAYMENT = re.compile(r"支払|支出|ライセンス料|ライセンス契約|契約")
_UNIT_TOPIC = re.compile(r"(?P<u>[^\s、。はがをにでと「」()]{1,8}?(?:事業|部門))(?:は|の|が)")
_ANY_METRIC = re.compile("|".join(rx.pattern for _, rx in FIN_METRIC))
_ADOPT = re.compile(r"導入|採用|取り入れ|利用|活用|購入")
_PAID_AFTER = re.compile(r"(?:超|以上|程度|前後)?(?:を|も)?(?:支払|支出|払)")
# the company makes another's product available to its own users: an integration
_OFFERED = re.compile(r"(?:を|が)?(?:できる|できます|可能に|可能と|える)(?:ように|よう)")
_AVAILABLE = re.compile(
    r"(?:が|も)?(?:できる|できます|でき、|可能)"
)  # …で利用できる: no one adopts
_WORTH = re.compile(r"(?:分|相当)(?:の|を)?")
_LICENCE = re.compile(r"ライセンス|使用許諾")
_AS_CUSTOMER = re.compile(r"(?:最初の|初の|主要)?顧客(?:として|に)")
_BUSINESS_OBJECT = re.compile(r"プロジェクト|取引|契約|利用|発注|作業|サービス|関係|提供|協業|委託")
_STATUS = (
    (re.compile(r"一時停止|停止|中断|中止|見合わせ|凍結"), "paused"),
    (re.compile(r"打ち切|終了|解約|解消|取りやめ|取り止め|撤退"), "ended"),
    (re.compile(r"再開|継続"), "active"),
)
_STATUS_NEGATION = re.compile(r"ではな|わけではな|していな|しない|せず|ていません")


# ---------------------------------------------------------------- customer


def customers(ctx: Ctx, state: State) -> None:
    """Licences, purchases and usage (vendor, customer, amount) and status changes."""
    used: set[int] = set()
    for t in ctx.of("cust"):
        if blocked(ctx, t) or t.start in used or (t.word == "調達" and not procurement(ctx, t)):
            continue
        event = _customer(ctx, state, t)
        if event is not None:
            state.add(event)
            used.update(
                s.start
                for s in ctx.of("status")
                if ctx.clause_start(s.start) == ctx.clause_start(t.start)
            )
    for t in ctx.of("status"):
        if t.start not in used and not _STATUS_NEGATION.match(ctx.text[t.end : t.end + 6]):
            state.add(_status_change(ctx, state, t))
    _listed_customers(ctx, state)
    _named_as_customer(ctx, state)
    _contract_amount(ctx, state)


_CUSTOMER_LIST = re.compile(r"(?:層)?(?:には|は|として)")
_CONTRACT_AMOUNT = re.compile(
    r"契約(?:総)?(?:金)?額|総契約額|契約の(?:総額|規模|金額)|契約規模|支払(?:総)?額|取引(?:総)?額|"
    r"受注(?:総)?額|発注(?:総)?額"
)


def _listed_customers(ctx: Ctx, state: State) -> None:
    """Xの顧客にはA、Bなど: each a customer of X."""
    for m in ctx.ments:
        at = m.pend if m.lp == "の" else m.end
        if m.kind not in COMPANY or not ctx.text.startswith("顧客", at):
            continue
        cue = _CUSTOMER_LIST.match(ctx.text, at + 2)
        if cue is None or blocked_fin(ctx, at):
            continue
        for c in ctx.ments:
            if c.start >= cue.end() and c.kind in COMPANY and not c.quoted and c.name != m.name:
                fields = {
                    "vendor": m.name,
                    "customer": c.name,
                    "amount_usd": None,
                    "status": "active",
                }
                state.add(make("customer", fields, ctx, 0.6, pos=c.start))


# 大口顧客の三井住友銀行, 日本郵政向けの案件/契約: the one named as a customer or as whom the
# business is for, with no other company in the sentence to sell to it: the page's company's.
_CUSTOMER_BEFORE = re.compile(r"(?:大口|主要|最大の|主な|有力)顧客(?:である|の)[米英仏独中韓台]?$")
_FOR_AFTER = re.compile(r"向け(?:の|に)?(?:案件|契約|導入|供給|販売|出荷|提供|売上|受注)")


def _named_as_customer(ctx: Ctx, state: State) -> None:
    named = [m for m in ctx.ments if m.kind in COMPANY and m.source != "anaphor" and m.name]
    if len(named) != 1 or ctx.question or ctx.kind == "title":
        return
    m = named[0]
    before = _CUSTOMER_BEFORE.search(ctx.text, max(0, m.start - 12), m.start + len(m.prefix))
    after = _FOR_AFTER.match(ctx.text, m.end)
    if (before is None and after is None) or blocked_fin(ctx, m.start):
        return
    vendor = state.disc.main("company", exclude=(m.name,))
    if not vendor:
        return
    tail = ctx.text[m.end :]
    negated = _STATUS_NEGATION.search(tail)
    status = (
        next((s for rx, s in _STATUS if rx.search(tail)), "active") if not negated else "active"
    )
    fields = {"vendor": vendor, "customer": m.name, "amount_usd": None, "status": status}
    state.add(make("customer", fields, ctx, 0.55, pos=m.start, explicit=status != "active"))


def _contract_amount(ctx: Ctx, state: State) -> None:
    """契約額は約10億ドル: the amount of the customer deal just read."""
    if not _CONTRACT_AMOUNT.search(ctx.text) or not ctx.money:
        return
    recent = state.recent("customer", ctx.idx, window=1)
    if recent is not None and recent.fields.get("amount_usd") is None:
        recent.fields["amount_usd"] = usd(ctx.money[0])
        recent.money = ctx.money[0].money


def _customer(ctx: Ctx, state: State, t: Trig) -> Event | None:
    passive = _passive_adoption(ctx, t) or _benefactive_adoption(ctx, state, t)
    if passive is not None:
        vendor, buyers = passive
    elif _SUPPLY.search(t.word):
        vendor = names(agents(ctx, t, COMPANY))
        buyers = _supplied(ctx, t)
        if not vendor and buyers:
            seller = state.disc.salient("company", ctx.idx, exclude=tuple(buyers))
            vendor = [seller] if seller else []  # (売上は)Xへの供給が伸びた: the topic supplies
    else:
        vendor = _vendor(ctx, t)
        buyers = [n for n in names(_buyers(ctx, t)) if n not in vendor]
        if vendor and not buyers and _client_contract(ctx, t):
            seller = state.disc.main("company", exclude=tuple(vendor))
            seller = seller or state.disc.salient("company", ctx.idx, exclude=tuple(vendor))
            vendor, buyers = ([seller], vendor) if seller else (vendor, buyers)
    if not vendor and buyers and _AS_CUSTOMER.search(ctx.text):
        seller = state.disc.topic("company", ctx.idx, exclude=tuple(buyers))
        vendor = [seller] if seller else []  # Xが最初の顧客として採用する: the topic's product
    if not vendor and buyers and (_unsaid_object(ctx, t) or passive is not None):
        seller = state.disc.salient("company", ctx.idx, exclude=tuple(buyers))
        vendor = [seller] if seller else []  # みずほ銀行さんが全社で導入してくれました
    if not vendor:
        return None
    buyers = [n for n in buyers if n not in vendor] or _party_of(ctx, t, vendor)
    conf = 0.7
    if not buyers and _bought_from(ctx, t):
        suppliers = [m.name for m in ctx.ments if m.lp == "から" and m.kind in COMPANY]
        guess = state.disc.salient("company", ctx.idx, exclude=(*vendor, *suppliers))
        buyers, conf = ([guess] if guess else []), 0.5
    if not buyers and (_LICENCE.search(t.word) or _PAYMENT.match(t.word)):
        guess = state.disc.salient("company", ctx.idx, exclude=tuple(vendor))
        buyers, conf = ([guess] if guess else []), 0.5
    if (
        not buyers
        and not _SUPPLY.search(t.word)
        and t.word not in ("契約", "取引", "顧客")
        and not _AVAILABLE.match(ctx.text, t.end)
    ):
        topic = state.disc.topic("company", ctx.idx, exclude=tuple(vendor))
        buyers, conf = ([topic] if topic else []), 0.5
    if not buyers:
        return None
    if (
        len(buyers) == 1
        and _sells(ctx, t, buyers[0])
        and not _sells(ctx, t, vendor[0])
        and _party_only(ctx, t, vendor[0])
    ):
        vendor, buyers = buyers, vendor[:1]  # XがYとクラウド契約を結んだ, X a cloud: X sells
    if _OFFERED.match(ctx.text, t.end):
        summary = ctx.raw[ctx.clause_start(t.start) : ctx.clause_end(t.end)].strip(" 、。")
        pair = {"companies": [buyers[0], vendor[0]], "summary": summary[:160]}
        return make("partnership", pair, ctx, 0.6, pos=t.start)  # 「P」を利用できるようにする
    status = _clause_status(ctx, t) or "active"
    money = _payment(ctx, t)
    named = _contract_party(ctx, t, vendor[0])
    events = []
    for buyer in buyers:
        fields = {
            "vendor": vendor[0],
            "customer": buyer,
            "amount_usd": usd(money),
            "status": status,
        }
        events.append(
            make(
                "customer",
                fields,
                ctx,
                conf,
                money=money,
                pos=t.start,
                explicit=status != "active",
                named_vendor=named,
            )
        )
    for e in events[1:]:
        state.add(e)
    return events[0]


# A contract for a service (クラウド契約, GPUの調達契約): its vendor is the party that sells it.
_SERVICES = (
    ("cloud", re.compile(r"クラウド|計算資源|計算能力|データセンター|コンピューティング|演算能力")),
    ("chips", re.compile(r"GPU|半導体|チップ|プロセッサー|アクセラレーター")),
    ("models", re.compile(r"モデル|LLM")),
)


def _sells(ctx: Ctx, t: Trig, name: str) -> bool:
    """The contract of ``t`` is for a service (クラウド契約) the company ``name`` sells others
    (the registry's ``offers``)."""
    licence = _LICENCE.match(t.word) is not None
    if t.word not in ("契約", "取引") and not licence:
        return False
    before = ctx.text[max(ctx.clause_start(t.start), t.start - 16) : t.start]
    wanted = {kind for kind, rx in _SERVICES if rx.search(before)}
    if licence and not wanted and not _OTHER_LICENSED.search(before):
        wanted = {"models"}  # a licence from an AI company is one to its models and technology
    entry = next((m.entry for m in ctx.ments if m.name == name and m.entry is not None), None)
    return bool(wanted) and bool(wanted & set(getattr(entry, "offers", ())))


def _party_only(ctx: Ctx, t: Trig, vendor: str) -> bool:
    """The vendor of a licence is read from its slot alone (Bとライセンス契約: either side may
    license), not named as whose technology it is (Xの技術のライセンス料: X licenses)."""
    if _LICENCE.match(t.word) is None:
        return True
    return any(m.name == vendor and m.lp in ("と", "との") for m in ctx.window(t))


_OTHER_LICENSED = re.compile(r"特許|商標|著作|楽曲|映像|画像|記事|コンテンツ|キャラクター|ブランド")
_FOR = re.compile(r"向け(?:の|に|で)?")


def _supplied(ctx: Ctx, t: Trig) -> list[str]:
    """Xに供給する, Xへの供給, X向けの出荷: the ones supplied, named before the trigger."""
    found = with_particle(ctx, t, ("に", "へ", "への", "に対して", "に対し"), COMPANY)
    aimed = [
        m
        for m in ctx.window(t)
        if m.kind in COMPANY and not m.quoted and m.lp == "" and _FOR.match(ctx.text, m.end)
    ]
    return names([*found, *reversed(aimed)])


_CLIENT_BEFORE = re.compile(
    r"(?:顧客|取引先|クライアント|得意先|ユーザー)(?:だった|である|の|で)?$"
)


def _client_contract(ctx: Ctx, t: Trig) -> bool:
    """大口顧客だったXとの保守契約は終了した, Xとの契約は打ち切られた with no one else named:
    the one the text is about sold to X (its customer), not the other way round."""
    if not t.word.endswith(("契約", "取引")):
        return False
    party = next((m for m in reversed(ctx.window(t)) if m.lp in ("と", "との")), None)
    if party is None or any(m.lp in ("は", "が") and m.kind in COMPANY for m in ctx.ments):
        return False
    before = ctx.text[: party.start - len(party.prefix)]
    return bool(_CLIENT_BEFORE.search(before)) or bool(_ENDED_HERE.match(ctx.text, t.end))


_ENDED_HERE = re.compile(
    r"(?:は|が|も|を)[^、。]{0,16}?(?:一時停止|停止|中断|中止|凍結|打ち切|終了|解約|解消|取りやめ)"
)


_PASSIVE_AFTER = re.compile(r"され|を受け")
_ADOPTER_GAP = re.compile(r"[^、。はがを]{0,16}?(?:に|によって|により)$")
# Xに同社のAIが採用された: the thing adopted is the subject between the adopter and the verb
_ADOPTED_GAP = re.compile(r"[^、。はがをに]{1,24}?(?:が|も)$")


def _passive_adoption(ctx: Ctx, t: Trig) -> tuple[list[str], list[str]] | None:
    """同社のAIチップを搭載したサーバーは、KTのクラウドに採用されている: the one adopting is
    named with に (or owns the に-noun), the maker is the subject or owns it."""
    if not _ADOPT.match(t.word) or not _PASSIVE_AFTER.match(ctx.text, t.end):
        return None
    before = [m for m in ctx.before(t) if m.kind in COMPANY and m.name and not m.quoted]
    adopters = [
        m
        for m in before
        if m.lp in ("によって", "により")
        or (m.lp == "に" and ctx.text[m.pend : t.start].strip() in ("", "も"))  # Xにも採用されて
        or (m.lp in ("に", "の") and _ADOPTER_GAP.fullmatch(ctx.text, m.pend, t.start))
        or (m.lp == "に" and _ADOPTED_GAP.fullmatch(ctx.text, m.pend, t.start))
    ]
    if not adopters:
        return None
    adopters = [m for m in list_of(ctx, adopters[-1], COMPANY) if m.name and m.end <= t.start]
    adopters = _coordinated_owners(ctx, before, adopters)
    makers = [m for m in before if m not in adopters and m.lp in ("は", "が", "の", "も")]
    if not makers:
        return [], names(adopters)  # A、Bなどに採用されました: what the text is about
    return names(makers[:1]), names(adopters)  # XはAとBに同社のAIが採用された


_COORDINATED = re.compile(r"[^、。はがをに「」]{1,16}?(?:や|、|および|及び|と)")


def _coordinated_owners(ctx: Ctx, before: list[Ment], adopters: list[Ment]) -> list[Ment]:
    """AのデータセンターやBのクラウドなどに採用: A's noun is coordinated with B's, so A adopts
    too (not the maker)."""
    first = min(adopters, key=lambda m: m.start)
    found = list(adopters)
    for m in reversed([m for m in before if m.end <= first.start]):
        edge = first.start - len(first.prefix)
        if m.lp != "の" or not _COORDINATED.fullmatch(ctx.text, m.pend, edge):
            break
        found.insert(0, m)
        first = m
    return found


_BENEFACTIVE = re.compile(r"(?:して|し)?(?:いただ|頂|もらっ|もらい|もらう|もらえ|下さ|くださ)")


def _benefactive_adoption(ctx: Ctx, state: State, t: Trig) -> tuple[list[str], list[str]] | None:
    """Xに導入いただいております, Xに採用してもらった: X adopts for the speaker, whose product
    (the company the text is about) is the one adopted."""
    if not _ADOPT.match(t.word) or not _BENEFACTIVE.match(ctx.text, t.end):
        return None
    start = ctx.clause_start(t.start)
    adopters = [
        m
        for m in ctx.before(t)
        if m.start >= start and m.kind in COMPANY and m.name and not m.quoted and m.lp == "に"
    ]
    if not adopters:
        return None
    makers = [
        m for m in ctx.before(t) if m.lp in ("は", "が") and m.kind in COMPANY and m not in adopters
    ]
    if makers:
        return names(makers[-1:]), names(adopters)
    seller = state.disc.topic("company", ctx.idx, exclude=tuple(names(adopters)))
    return ([seller] if seller else []), names(adopters)


def _bought_from(ctx: Ctx, t: Trig) -> bool:
    """(GPUは)米エヌビディアから購入している: goods bought from a supplier named with から,
    the buyer unsaid (the company the text is about)."""
    return _BUY.fullmatch(t.word) is not None and any(
        m.lp == "から" and m.kind in COMPANY for m in ctx.window(t)
    )


_BUY = re.compile(r"購入|調達|仕入れ")


def _unsaid_object(ctx: Ctx, t: Trig) -> bool:
    """Xが…に採用する with nothing named as what is adopted: the product the text is about
    (a verb, not a noun: 導入企業は is no adoption)."""
    if not _ADOPT.match(t.word) or not _VERB_NEXT.match(ctx.text, t.end):
        return False
    clause = ctx.text[ctx.clause_start(t.start) : t.start]
    return "を" not in clause and not any(
        q.end <= t.start for q in ctx.quotes if q.particle == "を"
    )


_VERB_NEXT = re.compile(r"し|する|され|して|した|$")  # a list line ends on the noun: …に導入


def _party_of(ctx: Ctx, t: Trig, vendor: list[str]) -> list[str]:
    """AMDとOpenAIの契約: the other party of the contract named with it."""
    for m in reversed(ctx.window(t)):
        if m.kind in COMPANY and m.lp == "の" and m.pend == t.start and m.name not in vendor:
            return [m.name]
    return []


def _vendor(ctx: Ctx, t: Trig) -> list[str]:
    return _vendor_named(ctx, t) or _maker_of_product(ctx, t)


def _maker_of_product(ctx: Ctx, t: Trig) -> list[str]:
    """「ChatGPT Enterprise」を業務に取り入れる: the maker of the product taken up."""
    if not _ADOPT.match(t.word) or is_relative(ctx, t):
        return []
    for m in reversed(ctx.window(t)):
        maker = getattr(m.entry, "company", None) if m.kind == "product" else None
        if maker and m.lp in ("を", "も", ""):
            return [str(maker)]
    return []


def _vendor_named(ctx: Ctx, t: Trig) -> list[str]:
    pool = ctx.window(t)
    if re.match(r"支払|支出", t.word) and not any(_vendor_slot(ctx, m, t) for m in pool):
        pool = ctx.before(t)
    for m in reversed(pool):
        if m.kind not in COMPANY or m.quoted:
            continue
        if _vendor_slot(ctx, m, t):
            return names([m])
    return []


def _vendor_slot(ctx: Ctx, m: Ment, t: Trig) -> bool:
    if ctx.text.startswith("製", m.end) and m.end < t.start:
        return True  # インテル製CPUの採用
    if m.lp == "の" and _product_next(ctx, m.pend, t.start):
        return True
    if m.lp == "の" or m.particle == "":
        return bool(_TECH.match(ctx.text[m.pend if m.lp == "の" else m.end : t.start]))
    if m.lp in ("に", "へ") and re.match(r"支払|支出", t.word):
        return True
    if m.lp == "から" and (t.word in ("調達", "購入") or _LICENCE.match(t.word)):
        return True  # Xからライセンスを受けた: X licenses
    return m.lp in ("と", "との") and (
        t.word in ("契約", "取引") or _LICENCE.match(t.word) is not None
    )


def _product_next(ctx: Ctx, pos: int, end: int) -> bool:
    """Xの「P」, XのChatGPT: a product of X right after it."""
    if any(q.start == pos and q.end <= end for q in ctx.quotes):
        return True
    return any(k.start == pos and k.kind == "product" and k.end <= end for k in ctx.ments)


def _buyers(ctx: Ctx, t: Trig) -> list[Ment]:
    found = agents(ctx, t, COMPANY)
    if found:
        return found
    lists = [m for m in ctx.window(t) if m.lp in ("が", "は") and m.kind in COMPANY]
    return lists


def _payment(ctx: Ctx, t: Trig) -> MoneyMatch | None:
    return _paid_here(ctx, t) or _paid_next(ctx, t)


def _paid_next(ctx: Ctx, t: Trig) -> MoneyMatch | None:
    """…と契約を結び、年間300億ドルを支払う: the price in the clause after the contract."""
    end = ctx.clause_end(t.end)
    after = ctx.clause_end(end)
    paid = [m for m in ctx.money if end <= m.start and m.end <= after]
    if paid and _PAID_AFTER.match(ctx.text, paid[0].end):
        return paid[0]
    return None


def _paid_here(ctx: Ctx, t: Trig) -> MoneyMatch | None:
    start = ctx.clause_start(t.start)
    worth = [
        m
        for m in ctx.money
        if start <= m.start and m.end < t.start and _WORTH.match(ctx.text, m.end)
    ]
    if worth:
        return worth[-1]  # Azureを300億ドル分購入する
    if not _PAYMENT.search(ctx.text[start : ctx.clause_end(t.end)]):
        return None
    deals = [
        m for m in ctx.money if money_role(ctx, m) == "deal" and m.start < ctx.clause_end(t.end)
    ]
    return deals[0] if deals else None


def _clause_status(ctx: Ctx, t: Trig) -> str | None:
    clause = ctx.text[t.end : ctx.clause_end(t.end)]
    for rx, status in _STATUS:
        if rx.search(clause):
            return status
    return None


def _status_change(ctx: Ctx, state: State, t: Trig) -> Event | None:
    if ctx.question or NEGATION.search(ctx.tail(t)):
        return None
    buyers = names(agents(ctx, t, COMPANY, cross=False))
    if not buyers:
        same = [e for e in state.events if e.type == "customer" and e.extra.get("sent") == ctx.idx]
        buyers = [same[-1].fields["customer"]] if same else []
    if t.word.startswith("同様の"):
        return _same_as_before(ctx, state, t, buyers)
    status = next((s for rx, s in _STATUS if rx.match(t.word)), None)
    clause = ctx.text[ctx.clause_start(t.start) : ctx.clause_end(t.end)]
    if not buyers or status is None or not _BUSINESS_OBJECT.search(clause):
        return None
    vendor = _vendor(ctx, t) or names(with_particle(ctx, t, ("との", "と"), COMPANY))
    vendor_name = vendor[0] if vendor else _implicit_vendor(ctx, state, buyers[0])
    if not vendor_name or vendor_name == buyers[0]:
        return None
    fields = {"vendor": vendor_name, "customer": buyers[0], "amount_usd": None, "status": status}
    named = _contract_party(ctx, t, vendor_name)
    conf = 0.6 if vendor else 0.5
    return make("customer", fields, ctx, conf, pos=t.start, explicit=True, named_vendor=named)


def _contract_party(ctx: Ctx, t: Trig, vendor: str) -> bool:
    """Yとの契約: the vendor is named as the other party of the contract (not 同社)."""
    return any(
        m.name == vendor and m.lp in ("と", "との") and m.source != "anaphor" for m in ctx.window(t)
    )


def _implicit_vendor(ctx: Ctx, state: State, buyer: str) -> str | None:
    known = state.vendor_of(buyer) or state.dominant_vendor()
    if known:
        return known
    if "顧客" in ctx.text:
        return state.disc.salient("company", ctx.idx, exclude=(buyer,))
    return None


def _same_as_before(ctx: Ctx, state: State, t: Trig, buyers: list[str]) -> Event | None:
    """XもAと同様の措置: the last status change, now for X."""
    last = next(
        (
            e
            for e in reversed(state.events)
            if e.type == "customer" and e.extra.get("explicit") and ctx.idx - e.extra["sent"] <= 3
        ),
        None,
    )
    if last is None or not buyers or buyers[0] == last.fields["vendor"]:
        return None
    fields = dict(last.fields, customer=buyers[0], amount_usd=None)
    return make("customer", fields, ctx, 0.5, pos=t.start, explicit=True)


def fix_vendors(state: State) -> None:
    """同社 read as a customer where the vendor was meant: use the article's main vendor."""
    main = state.dominant_vendor()
    if main is None:
        return
    customers = state.customers_of(main)
    for e in state.events:
        if (
            e.type == "customer"
            and e.fields.get("vendor") in customers
            and e.fields.get("customer") != main
            and not e.extra.get("named_vendor")  # 大口顧客のXはYとの契約を終了した: Y sold
        ):
            e.fields["vendor"] = main


# ---------------------------------------------------------------- financial


_FORECAST = re.compile(r"見込|予想|目標|計画|見通し|予測|目指|想定|達する見")
_TOTAL_RAISE = re.compile(
    r"(?:これまでに|これまでの|累計|累積|合計で?|創業以来|設立以来)[^。]{0,30}?(?:総額)?"
)
_RAISE_VERB = re.compile(r"調達")


def financials(ctx: Ctx, state: State) -> None:
    """Revenue, ARR, gross margin, funding to date and standalone valuations."""
    _note_fiscal(ctx, state)
    if not _ANY_METRIC.search(ctx.text):
        if ctx.trigs:
            _funding_to_date(ctx, state)
        return
    taken: list[tuple[int, int]] = []
    for metric, rx in FIN_METRIC:
        for m in rx.finditer(ctx.text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if _EFFECT_ON.match(ctx.text, m.end()):
                continue  # 売上高への影響は1億円程度: a change to the figure, not the figure
            if metric == "valuation" and (
                ctx.extra.get("valuation_used")
                or ctx.of("inv")
                or state.recent("investment", ctx.idx, window=1)
            ):
                continue
            state.add(_financial(ctx, state, metric, m.start(), m.end()))
    _funding_to_date(ctx, state)


_EFFECT_ON = re.compile(r"(?:への|に与える|に対する|の)(?:影響|押し下げ|押し上げ|寄与)")


def _financial(ctx: Ctx, state: State, metric: str, start: int, end: int) -> Event | None:
    stop = _next_metric(ctx, end)
    if metric == "gross_margin":
        pct = _margin_pct(ctx, start, end, stop)
        value = None
    else:
        value = next((m for m in ctx.money if end <= m.start < stop), None)
        pct = None
        if value is None or money_role(ctx, value) == "pre" or _change(ctx, end, value):
            return None
    if pct is None and value is None:
        return None
    span = ctx.text[start : (value.end if value else stop)]
    if _FORECAST.search(span) or _FORECAST.search(ctx.text[end:stop][:30]) or blocked_fin(ctx, end):
        return None
    company = _fin_company(ctx, state, start)
    if not company:
        return None
    fields = {
        "company": company,
        "metric": metric,
        "value_usd": usd(value),
        "value_pct": pct,
        "period": _fin_period(ctx, start, value.start if value else end),
    }
    if fields["period"] is None:
        fields["period"] = (
            _same_period(ctx, state, start)
            or _carried_period(ctx, state, metric, start)
            or _current_month(ctx, metric)
        )
    elif metric in _FISCAL_METRICS:
        state.fiscal = str(fields["period"])
    return make("financial", fields, ctx, 0.65, money=value, pos=start)


_FISCAL_METRICS = ("revenue", "gross_margin")
_FISCAL_WORDS = re.compile(r"決算|業績|通期|期の")
_FISCAL_HINT = re.compile(r"月期|年度")
_PRIOR_PERIOD = re.compile(
    r"前期|前年|前の期|昨年|前年度|前四半期|同期比|上期|下期|四半期|\d+〜\d+月"
)


def _note_fiscal(ctx: Ctx, state: State) -> None:
    """2025年1月期決算は…: the fiscal year the article's later figures belong to."""
    if not _FISCAL_HINT.search(ctx.text):
        return
    for p in ctx.periods:
        named = ctx.raw[p.start : p.end]
        fiscal = named.endswith(("期", "年度"))
        if fiscal and _FISCAL_WORDS.search(ctx.text, p.start, p.end + 6):
            state.fiscal = state.fiscal if _FORECAST.search(ctx.text, p.end) else p.period


def _carried_period(ctx: Ctx, state: State, metric: str, start: int) -> str | None:
    """通期の粗利益率は75.0%: a figure without its own period belongs to the fiscal year the
    article reports on, unless it is a prior or partial period's."""
    if metric not in _FISCAL_METRICS or state.fiscal is None:
        return None
    if _PRIOR_PERIOD.search(ctx.text, max(0, start - 12), start):
        return None
    return state.fiscal


_CHANGE_AFTER = re.compile(
    r"(?:相当|分|程度|ほど|超|強|弱)?(?:が|も|を)?(?:一時|一気に)?"
    r"(?:減少|増加|目減り|下落|上昇|失|吹き飛|消失|押し上げ|押し下げ|増え|減っ|減り|減ら|増や)"
)
_CHANGE_BEFORE = re.compile(r"(?:減少|増加|変動|下落|上昇)(?:額|幅|分)")


def _change(ctx: Ctx, end: int, value: MoneyMatch) -> bool:
    """時価総額は約45億ドル減少した: a change in the figure, not the figure."""
    return bool(
        _CHANGE_AFTER.match(ctx.text, value.end)
        or _CHANGE_BEFORE.search(ctx.text, end, value.start)
    )


_SAME_PERIOD = re.compile(r"同期|同年度|同年|同四半期|通期")


def _same_period(ctx: Ctx, state: State, start: int) -> str | None:
    """同期の粗利益率は…: the period of the figure the article just gave."""
    if not _SAME_PERIOD.search(ctx.text, max(0, start - 12), start):
        return None
    recent = state.recent("financial", ctx.idx, window=2)
    period = recent.fields.get("period") if recent is not None else None
    return period if isinstance(period, str) else None


def _current_month(ctx: Ctx, metric: str) -> str | None:
    """An ARR, a valuation or the funding to date stated without a date is the one at the
    time of writing."""
    if metric not in ("arr", "valuation", "funding_total") or ctx.on is None:
        return None
    return f"{ctx.on.year}-{ctx.on.month:02d}"


def blocked_fin(ctx: Ctx, pos: int) -> bool:
    """A figure in a question, a negation or a rumour."""
    fake = Trig("fin", pos, pos, "")
    from newsbot.core.extract.ja_clauses import blocked

    return blocked(ctx, fake) in ("question", "hedged", "rumour")


def _next_metric(ctx: Ctx, pos: int) -> int:
    ends = [m.start() for _, rx in FIN_METRIC for m in rx.finditer(ctx.text, pos)]
    return min([*ends, ctx.clause_end(pos), len(ctx.text)])


def _margin_pct(ctx: Ctx, start: int, end: int, stop: int) -> float | None:
    """The rate the metric states; of 前年の40%から45%に, the new one."""
    found = [
        p for p in ctx.percents if end <= p.start < stop or (p.end <= start and start - p.end <= 8)
    ]
    current = [
        p
        for p in found
        if not ctx.text.startswith("から", p.end)
        and not _PRIOR_PERIOD.search(ctx.text, max(0, p.start - 6), p.start)
    ]
    chosen = current or found
    return chosen[0].value if chosen else None


def _fin_company(ctx: Ctx, state: State, start: int) -> str | None:
    before = [m for m in ctx.ments if m.end <= start and m.kind in COMPANY and not m.quoted]
    bought = {e.fields["target"] for e in state.events if e.type == "acquisition"}
    for m in reversed(before):
        gap = ctx.text[m.pend : start]
        unit = _UNIT_TOPIC.match(ctx.text, m.pend) if m.lp == "の" else None
        if unit is not None and f"{m.surface}の{unit.group('u')}" in bought:
            return f"{m.surface}の{unit.group('u')}"  # ABBのロボット事業は…売上高は
        if m.lp == "の" and len(gap) <= 14 and not re.search(r"[はがをに、]", gap):
            return names([m])[0] if names([m]) else None
        if m.lp in ("は", "が", "も", "では") and m.name:
            return m.name
    guess = state.disc.salient("company", ctx.idx)
    main = state.disc.main("company")
    if guess and main and guess != main and _customer_of(state, guess, main):
        return main  # 大口顧客のX…。ARRは68億円: the page's company's figure, not its customer's
    return guess


def _customer_of(state: State, buyer: str, vendor: str) -> bool:
    return any(
        e.type == "customer"
        and e.fields.get("customer") == buyer
        and e.fields.get("vendor") == vendor
        for e in state.events
    )


def _fin_period(ctx: Ctx, start: int, value_start: int) -> str | None:
    near = [
        p
        for p in ctx.periods
        if p.end <= value_start
        and start - p.start <= 24
        and not re.match(r"同期比|比|同月比", ctx.text[p.end : p.end + 3])
    ]
    return near[-1].period if near else None


def _funding_to_date(ctx: Ctx, state: State) -> None:
    for t in ctx.of("inv"):
        if not _RAISE_VERB.match(t.word) or blocked(ctx, t):
            continue
        clause = ctx.text[ctx.clause_start(t.start) : t.start]
        if not _TOTAL_RAISE.search(clause):
            continue
        money = next((m for m in reversed(ctx.money) if m.end <= t.start), None)
        raiser = names(agents(ctx, t, COMPANY)) or [state.disc.salient("company", ctx.idx) or ""]
        if money is not None and raiser[0]:
            fields = {
                "company": raiser[0],
                "metric": "funding_total",
                "value_usd": usd(money),
                "value_pct": None,
                "period": None,
            }
            state.add(make("financial", fields, ctx, 0.6, money=money, pos=t.start))


# ---------------------------------------------------------------- layoff

_HEADCOUNT_WORDS = re.compile(r"人員|従業員|社員|職員|スタッフ|人|名|雇用|ポスト|職")


def layoffs(ctx: Ctx, state: State) -> None:
    """人員削減, 解雇, レイオフ: the company (where the cut falls) and the head count."""
    if ctx.kind == "item" and state.cut_list and _terse_cut(ctx, state):
        return
    if not ctx.of("layoff"):
        _cut_size(ctx, state)
    for t in ctx.of("layoff"):
        if blocked(ctx, t):
            continue
        clause = ctx.text[ctx.clause_start(t.start) : t.end]
        counts = [
            c for c in ctx.counts if ctx.clause_start(t.start) <= c.start and c.end <= t.start
        ] or _applicants(ctx, t)
        if t.word == "削減" and not (counts or _HEADCOUNT_WORDS.search(clause)):
            continue
        if not counts and not _stated_cut(ctx):
            continue
        company = _cut_at(ctx, state, t) or names(agents(ctx, t, COMPANY))
        if not company and any(e.type == "layoff" for e in state.events):
            continue
        company = company or [state.disc.salient("company", ctx.idx) or ""]
        if not company[0]:
            continue
        count = counts[-1].value if counts else None
        state.add(make("layoff", {"company": company[0], "count": count}, ctx, 0.7, pos=t.start))


_APPLIED = re.compile(r"(?:が|の)?(?:応募|申し込|手を挙げ)")
_TO_THE_CALL = re.compile(r"(?:に|へ|への|には|の募集に)(?:は、?)?(?:約|計|合計)?$")


def _applicants(ctx: Ctx, t: Trig) -> list[CountMatch]:
    """希望退職に620人が応募: the head count of a call for early retirement is who applied."""
    if not t.word.endswith("退職"):
        return []
    return [
        c
        for c in ctx.counts
        if t.end <= c.start <= t.end + 8
        and _TO_THE_CALL.search(ctx.text, t.end, c.start)
        and _APPLIED.match(ctx.text, c.end)
    ]


_TERSE_SEP = re.compile(r"\s?[:|—–]\s?")


def _terse_cut(ctx: Ctx, state: State) -> bool:
    """インテル：約2万人規模（製造部門が中心）, a line of a list of job cuts: the company at
    its head and the head count after it."""
    first = ctx.ments[0] if ctx.ments else None
    if first is None or first.kind not in COMPANY or first.start > 2 or not first.name:
        return False
    sep = _TERSE_SEP.match(ctx.text, first.pend)
    count = next((c for c in ctx.counts if sep is not None and c.start <= sep.end() + 10), None)
    if count is None:
        return False
    fields = {"company": first.name, "count": count.value}
    state.add(make("layoff", fields, ctx, 0.6, pos=first.start))
    return True


_CUT_SIZE = re.compile(r"(?:が|を)?(?:対象|削減|減ら|解雇|退職)")


def _cut_size(ctx: Ctx, state: State) -> None:
    """約1万5000人が対象となる: the head count of the cut just announced."""
    recent = state.recent("layoff", ctx.idx, window=1)
    if recent is None or recent.fields.get("count") is not None:
        return
    count = next((c for c in ctx.counts if _CUT_SIZE.match(ctx.raw, c.end)), None)
    if count is not None:
        recent.fields["count"] = count.value


_CUT_ANNOUNCED = re.compile(r"発表|明らかに|通知|実施(?:する|した|に踏み)|踏み切|決め|決定|%")
_CUT_VAGUE = re.compile(r"余儀なく|近年|これまで|相次|続い|続け|過去に|業界|各社|可能性")


def _stated_cut(ctx: Ctx) -> bool:
    """A cut without a head count is an event only when announced, not as background."""
    return bool(_CUT_ANNOUNCED.search(ctx.text)) and not _CUT_VAGUE.search(ctx.text)


def _cut_at(ctx: Ctx, state: State, t: Trig) -> list[str]:
    """アスカはジョブスターで約1300人を削減: the company where the jobs go; a lab or division
    (MSL傘下のFAIRなどで, AI研究部門のディープマインドで) cuts for its parent."""
    start = ctx.clause_start(t.start)
    for m in reversed(ctx.window(t)):
        unit = m.extra.get("org_quote") and not m.extra.get("new_org")
        if (
            m.kind in COMPANY
            and m.lp in ("で", "では")
            and m.start >= start
            and m.name
            and not unit
        ):
            return _parent_of_unit(ctx, state, m, t) or [m.name]
    return []


_UNIT_BEFORE = re.compile(
    r"(?:部門|研究所|研究組織|研究部門|ラボ|組織|事業部|チーム)(?:の|である)?[「『]?$"
)
_UNDER = re.compile(r"(?:の)?傘下の[「『]?$")
_UNIT_NAME = re.compile(r"(?:Lab|Labs|Research|研究所|ラボ|部門)$|^[A-Z]{2,6}$")


def _parent_of_unit(ctx: Ctx, state: State, m: Ment, t: Trig) -> list[str]:
    """The company a unit belongs to, when the cut is written at the unit."""
    owner = [k for k in agents(ctx, t, COMPANY) if k.name and k.name != m.name]
    if not _is_unit(ctx, m, owner[0] if owner else None):
        return []
    if owner:
        return [_above_unit(owner[0])]
    parent = getattr(m.entry, "parent", None)
    if parent:
        return [str(parent)]
    main = state.disc.main("company", exclude=(m.name,))
    return [main] if main else []


def _is_unit(ctx: Ctx, m: Ment, owner: Ment | None = None) -> bool:
    """A lab or division, not a company: described as one, named like one, or under one
    (MSL傘下のFAIR; MSLは…傘下のFAIRで)."""
    at = m.start - len(m.prefix)
    if _UNIT_BEFORE.search(ctx.text, max(0, at - 8), at):
        return True
    if getattr(m.entry, "parent", None) and _UNIT_NAME.search(m.name):
        return True
    under = _UNDER.search(ctx.text, max(0, at - 6), at)
    if under is None:
        return False
    head = next((k for k in reversed(ctx.ments) if k.end <= at), None)
    if head is None or head.pend < under.start() - 1:
        head = owner
    return head is not None and head is not m and _is_unit(ctx, head)


def _above_unit(m: Ment) -> str:
    """A unit acting for its company (MSLは…削減): the company."""
    parent = getattr(m.entry, "parent", None)
    return str(parent) if parent and _UNIT_NAME.search(m.name) else m.name


# ---------------------------------------------------------------- product launch

_QUOTATIVE = re.compile(r"(?:と|を|も)$")
_NOT_PRODUCT_AFTER = re.compile(
    r"^(?:計画|構想|方針|戦略|事業|プロジェクト|イベント|会議|基調講演|発表会|"
    r"カンファレンス|版|の|で|に)"
)
_CLEFT = re.compile(r"^(?:し|され)?たのは")
_RELATIVE_LAUNCH = re.compile(
    r"^(?:し|され)?た(?:ばかりの)?(?P<noun>[^、。「」はがを]{0,14})(?=「)"
)
# what a product did, not that it came out: 「ChatGPT」の普及を受け, 「GPT-4」に対抗する
_CONTEXT_AFTER = re.compile(
    r"(?:の(?:急速な|世界的な|爆発的な)?(?:普及|登場|成功|人気|ヒット|台頭|ブーム|流行|影響|利用拡大)"
    r"|に(?:対抗|続|追随|匹敵|並|比べ)|を(?:受け|きっかけ|機に|上回|超え|しの)|以降|以来|のよう"
    r"|と(?:同等|比べ|比較)|より)"
)
_SINCE_LAUNCH = re.compile(
    r"(?:し|され)?(?:て以来|て以降|てから|たのを(?:機|きっかけ)に|たことをきっかけに|たことで"
    r"|たのに(?:続|次い|対抗)|た(?:の|こと)を受け)"
)
_START_ONLY = re.compile(r"提供を?開始|提供を始め|提供し始め|商用提供|発売|リリース")
_NAMED = re.compile(r"(?:名称は|名前は|名付けた|と名付け|と呼ばれる)\s*$")
_DEVELOP_AFTER = re.compile(r"^(?:を|も)(?:共同)?(?:で)?開発")
_UNQUOTED = re.compile(
    r"(?P<np>[A-Za-z][^、。「」はがをにで]{1,30}?)(?:を|も)(?:同時に|新たに|あわせて)?$"
)
_HIRAGANA = re.compile(r"[ぁ-ゖ]")


def launches(ctx: Ctx, state: State) -> None:
    """Products announced, released or made available: the maker and the product."""
    _note_named_products(ctx, state)
    for t in ctx.of("launch"):
        if blocked(ctx, t) or _quotative(ctx, t):
            continue
        aliases = {q.name for q in ctx.quotes if alias_quote(ctx.text, q.start)}
        products = [p for p in _launched(ctx, state, t) if p not in aliases]
        if not products:
            continue
        company = names(agents(ctx, t, COMPANY)) or [state.disc.salient("company", ctx.idx) or ""]
        if not company[0] or _others_background(ctx, state, t, company[0]):
            continue
        for product in products:
            fields = {"company": company[0], "product": product}
            state.add(make("product_launch", fields, ctx, 0.7, pos=t.start))


_BACKGROUND_ASPECT = re.compile(r"(?:し|され)(?:ており|ていた|ているが|てい(?:る|た)ことから)")


def _others_background(ctx: Ctx, state: State, t: Trig, company: str) -> bool:
    """OpenAIは3月に「GPT-4」を発表しており: another company's earlier launch, told as the
    backdrop of the article's news."""
    main = state.disc.main("company")
    if main is None or company == main or ctx.kind == "title":
        return False
    if _RELATIVE_LAUNCH.match(ctx.text, t.end) is not None:
        product = next((q for q in ctx.quotes if q.start >= t.end), None)
        return product is None or product.particle not in ("は", "が", "も")  # 「GPT-5」は…: news
    return _BACKGROUND_ASPECT.match(ctx.text, t.end) is not None


_MADE_BEFORE = re.compile(
    r"(?:を|も)(?:共同で?)?(?:開発|完成|製品化|商品化)(?:し|させ)た(?:こと)?と$"
)


def _quotative(ctx: Ctx, t: Trig) -> bool:
    """…すると発表した: 発表 of a statement, not of a product; but 「X」を開発したと発表: X is
    announced."""
    before = ctx.text[max(0, t.start - 1) : t.start]
    if t.word != "発表" or before != "と":
        return False
    return not _MADE_BEFORE.search(ctx.text, max(0, t.start - 16), t.start)


def _launched(ctx: Ctx, state: State, t: Trig) -> list[str]:
    after = ctx.text[t.end :]
    if _CLEFT.match(after):
        return [q.name for q in ctx.quotes if q.start >= t.end and productish(q.name)]
    relative = _RELATIVE_LAUNCH.match(after)
    if relative:
        nxt = next((q for q in ctx.quotes if q.start >= t.end), None)
        if not _dated(ctx, t) or (nxt is not None and _CONTEXT_AFTER.match(ctx.text, nxt.end)):
            return []  # Xが公開した「ChatGPT」の普及を受け: background, not news
        return [nxt.name] if nxt and productish(nxt.name) else []
    if _SINCE_LAUNCH.match(after):
        return []  # 「ChatGPT」を公開して以来: the start of a story told as background
    found = _objects(ctx, t)
    if not found and after.startswith("され"):
        start = ctx.clause_start(t.start)
        found = [
            q.name
            for q in ctx.quotes
            if start <= q.start
            and q.end <= t.start
            and q.particle in ("が", "は", "も")
            and productish(q.name)
        ]
    if not found and _START_ONLY.match(t.word):
        start = ctx.clause_start(t.start)
        found = [
            q.name
            for q in ctx.quotes
            if start <= q.start < t.start
            and q.particle in ("は", "が", "も")
            and productish(q.name)
        ]  # 初代の「tsuzumi」は2024年3月に提供を始めた
    if not found:
        found = _unquoted(ctx, t)
    clause = ctx.text[ctx.clause_start(t.start) : t.start]
    if not found and _START_ONLY.match(t.word) and "を" not in clause.replace("を開始", ""):
        last = state.disc.last_product(ctx.idx)
        found = [last] if last else []
    return found


_DAY = re.compile(r"\d{1,2}日(?:に|、)?")


def _dated(ctx: Ctx, t: Trig) -> bool:
    """A date in the clause before the trigger (7月に公開した, 7日に公開した)."""
    start = ctx.clause_start(t.start)
    if _DAY.search(ctx.text, start, t.start):
        return True
    return any(start <= p.start and p.end <= t.start for p in ctx.periods)


def _objects(ctx: Ctx, t: Trig) -> list[str]:
    """Quoted names (or registry products) that are the trigger's object: 「A」と「B」を公開."""
    start = ctx.clause_start(t.start)
    chain: list[str] = []
    quotes = [q for q in ctx.quotes if start <= q.start and q.end <= t.start]
    provide = re.match(r"提供|発売|販売|一般提供|リリース", t.word) is not None
    for q in reversed(quotes):
        if alias_quote(ctx.text, q.start):
            continue  # 「P」（以下「本製品」）を: P's short name
        gap = _DEFINITION.sub("", ctx.text[q.pend : t.start]) if not chain else ""
        if not chain and provide and q.particle == "の" and not gap:
            chain.append(q.name) if productish(q.name) else None
            continue
        if not chain and (
            q.particle not in ("を", "も", "")
            or len(gap) > 10
            or _NOT_PRODUCT_AFTER.match(ctx.text[q.end :])
        ):
            if q.particle in ("を", "も", ""):
                continue
            break
        if chain and q.particle not in ("と", "、", "や", ","):
            break
        if productish(q.name) and not _NOT_PRODUCT_BEFORE.search(
            ctx.text[max(0, q.start - 8) : q.start]
        ):
            chain.append(q.name)
    products = [
        m for m in ctx.window(t) if m.kind == "product" and not m.quoted and m.lp in ("を", "も")
    ]
    chain += [m.name for m in products if m.name not in chain]
    return list(reversed(chain))


_DEFINITION = re.compile(r"^\s?\(以下[^()]{0,24}\)")


def _unquoted(ctx: Ctx, t: Trig) -> list[str]:
    start = ctx.clause_start(t.start)
    m = _UNQUOTED.search(ctx.text[start : t.start])
    if not m:
        return []
    np = m.group("np").strip()
    first = next((k for k in ctx.ments if k.start == start + m.start("np")), None)
    if first is None or (first.kind == "company" and np == first.surface):
        return []
    if first.kind in ("company", "unknown") and first.particle in ("との", "と", "の", "による"):
        return []  # KTとの提携を発表: a deal with a company, not a product
    return [np] if len(np) >= 3 else []


_NOT_PRODUCT_BEFORE = re.compile(
    r"(?:計画|戦略|方針|構想|ビジョン|報告書|レポート|調査|指針|ガイドライン|声明|論文|キャンペーン|"
    r"イベント|プログラム|制度|施策|取り組み|プロジェクト|スローガン|テーマ|コンセプト|理念)$"
)


def productish(name: str) -> bool:
    """A name, not a phrase in quotes (「安全な超知能」, 「10億ドル近く」)."""
    if not name or len(name) > 40 or "、" in name or name in SELF_NAMES:
        return False
    hiragana = len(_HIRAGANA.findall(name))
    return hiragana <= 1 and not re.fullmatch(r"[\d,.億万兆円ドル約]+", name)


def _note_named_products(ctx: Ctx, state: State) -> None:
    for q in ctx.quotes:
        before = ctx.text[max(0, q.start - 8) : q.start]
        if productish(q.name) and (
            _NAMED.search(before) or _DEVELOP_AFTER.match(ctx.text[q.end :])
        ):
            state.disc.note_product(ctx.idx, q.name)


def _quote_at(ctx: Ctx, pos: int) -> Quote | None:
    return next((q for q in ctx.quotes if q.start == pos), None)
