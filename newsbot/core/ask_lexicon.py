"""The words questions use, in English and Japanese: what they ask about and who plays what.

A ``Frame`` is what a trigger word ("invest", "買収", "left") says about an event: its types,
the roles of the entity before it (``agent``: "Meta invested", "メタは…出資"), after it
(``patient``: "invested in Scale AI", "Scale AIに出資"), that owns it (``owner``: "Anthropic's
round", "アンソロピックの評価額") and the roles prepositions or particles give ("from", "to",
"by", …). Pure data and a few regexes; ``ask_parse`` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

Roles = tuple[str, ...]

INV, ACQ, PART, CUST = "investment", "acquisition", "partnership", "customer"
MOVE, FIN, LAUNCH, LAYOFF = "talent_move", "financial", "product_launch", "layoff"

# The roles each event type stores in event_entities.
TYPE_ROLES: dict[str, Roles] = {
    INV: ("company", "investor"),
    ACQ: ("acquirer", "target"),
    PART: ("partner",),
    CUST: ("vendor", "customer"),
    MOVE: ("person", "from", "to"),
    FIN: ("company",),
    LAUNCH: ("company", "product"),
    LAYOFF: ("company",),
}
# The event field holding each role's names.
ROLE_FIELD = {
    "investor": "investors", "company": "company", "acquirer": "acquirer", "target": "target",
    "partner": "companies", "vendor": "vendor", "customer": "customer", "person": "person",
    "from": "from", "to": "to", "product": "product", "role": "role",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Frame:
    """What one trigger word says about the event asked for."""

    name: str
    types: tuple[str, ...]
    agent: Roles
    patient: Roles = ()
    owner: Roles = ()
    preps: Mapping[str, Roles] = field(default_factory=dict)
    weight: int = 2
    metric: str | None = None
    status: tuple[str, ...] = ()
    role_title: str | None = None
    talent: str | None = None  # join | hire | leave | move | found


def _f(name: str, types: tuple[str, ...], agent: Roles, patient: Roles = (), **kw: object) -> Frame:
    return Frame(name, types, agent, patient, **kw)  # type: ignore[arg-type]


_I, _C, _T = ("investor",), ("company",), ("target",)
INVEST = _f("invest", (INV,), _I, _C, owner=_I,
            preps={"in": _C, "into": _C, "to": _C, "by": _I, "from": _I, "with": _I})
INVESTORS = _f("investors", (INV,), _I, _C, owner=_C, weight=3,
               preps={"in": _C, "into": _C, "of": _C, "to": _C, "for": _C, "by": _I, "from": _I})
RAISE = _f("raise", (INV,), _C, _I, owner=_C,
           preps={"from": _I, "by": _I, "in": _C, "of": _C, "for": _C, "with": _I, "to": _C})
ACQUIRE = _f("acquire", (ACQ,), ("acquirer",), _T, owner=("acquirer",),
             preps={"by": ("acquirer",), "of": _T, "to": ("acquirer",), "for": _T, "from": ()})
PAY = _f("pay", (ACQ, CUST, INV), ("acquirer", "customer", "investor"),
         ("target", "vendor", "company"),
         preps={"for": ("target", "vendor", "company"), "to": ("target", "vendor", "company"),
                "by": ("acquirer", "customer", "investor"), "with": ("vendor", "target")})
LICENSE = _f("license", (CUST,), ("customer",), ("vendor",), owner=("customer",),
             preps={"from": ("vendor",), "with": ("vendor",), "to": ("customer",),
                    "by": ("customer",), "of": ("vendor",)})
_P = ("partner",)
PARTNER = _f("partner", (PART,), _P, _P, owner=_P,
             preps={"with": _P, "of": _P, "by": _P, "between": _P, "to": _P, "from": _P})
DEVELOP = _f("develop", (PART, LAUNCH), ("partner", "company"), ("partner", "product"),
             owner=("partner", "company"),
             preps={"with": ("partner", "company"), "by": ("partner", "company")})
_V, _K = ("vendor",), ("customer",)
CUSTOMERS = _f("customers", (CUST,), _K, _V, owner=_V, weight=3,
               preps={"of": _V, "with": _V, "to": _V, "from": _V, "for": _V, "by": _V})
VENDORS = _f("vendors", (CUST,), _V, _K, owner=_K, weight=3,
             preps={"of": _K, "to": _K, "for": _K, "with": _K})
USE = _f("use", (CUST,), _K, _V, preps={"with": _V, "from": _V, "by": _K, "to": _V, "of": _V})
PAUSE = _f("pause", (CUST,), _K, _V, status=("paused",),
           preps={"with": _V, "from": _V, "to": _V, "of": _V, "by": _K})
END = _f("end", (CUST,), _K, _V, status=("ended",),
         preps={"with": _V, "from": _V, "to": _V, "of": _V, "by": _K})
_TO, _FROM, _PERSON = ("to",), ("from",), ("person",)
_MOVE_PREPS = {"from": _FROM, "to": _TO, "for": _TO, "at": _TO, "of": _FROM, "with": _TO}
JOIN = _f("join", (MOVE,), _PERSON, _TO, owner=_TO, talent="join",
          preps={**_MOVE_PREPS, "by": _TO, "in": _TO})
HIRE = _f("hire", (MOVE,), _TO, _PERSON, owner=_TO, talent="hire",
          preps={"from": _FROM, "by": _TO, "to": _TO, "at": _TO, "of": _FROM, "for": _TO})
LEAVE = _f("leave", (MOVE,), _PERSON, _FROM, owner=_FROM, talent="leave",
           preps={**_MOVE_PREPS, "at": _FROM, "by": _FROM, "in": _FROM})
GO = _f("move", (MOVE,), _PERSON, _TO, talent="move",
        preps={**_MOVE_PREPS, "by": _TO, "in": _TO})
FOUND = _f("found", (MOVE,), _PERSON, _TO, owner=_TO, talent="found", role_title="co-founder",
           preps={"from": _FROM, "to": _TO, "of": _TO, "at": _TO, "by": _TO, "with": _TO})
_FIN_PREPS = {"of": _C, "for": _C, "at": _C, "by": _C, "in": _C}
REVENUE = _f("revenue", (FIN,), _C, owner=_C, metric="revenue", preps=_FIN_PREPS)
ARR = _f("arr", (FIN,), _C, owner=_C, metric="arr", preps=_FIN_PREPS)
VALUATION = _f("valuation", (FIN, INV), _C, owner=_C, metric="valuation", preps=_FIN_PREPS)
MARGIN = _f("gross_margin", (FIN,), _C, owner=_C, metric="gross_margin", preps=_FIN_PREPS)
FUNDING_TOTAL = _f("funding_total", (FIN, INV), _C, owner=_C, metric="funding_total",
                   preps=_FIN_PREPS, weight=3)
LAUNCH_F = _f("launch", (LAUNCH,), _C, ("product",), owner=_C,
              preps={"by": _C, "from": _C, "of": ("product",), "at": _C})
ANNOUNCE = _f("announce", (LAUNCH,), _C, ("product",), owner=_C, weight=1,
              preps={"by": _C, "from": _C})
CUT = _f("layoff", (LAYOFF,), _C, owner=_C, weight=3,
         preps={"at": _C, "of": _C, "in": _C, "by": _C, "from": _C})
DEALS = _f("deals", (INV, ACQ, PART, CUST), ("investor", "acquirer", "partner", "customer"),
           ("company", "target", "partner", "vendor"), weight=1,
           preps={"with": ("company", "target", "partner", "vendor")})
RUN = _f("run", (MOVE,), _PERSON, _TO, owner=_TO, weight=3, talent="join",
        preps={"of": _TO, "at": _TO, "for": _TO})
ROLE = _f("role", (MOVE,), _PERSON, _TO, owner=_TO, weight=1, talent="join",
         preps={"of": _TO, "at": _TO, "for": _TO, "from": _FROM, "to": _TO, "in": _TO})
PEOPLE = _f("people", (MOVE,), _PERSON, ("to", "from"), owner=("to", "from"), weight=1,
            talent="people", preps=_MOVE_PREPS)


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# (regex, frame), English; a word may be matched by one frame only (first wins).
EN_TRIGGERS: tuple[tuple[re.Pattern[str], Frame], ...] = (
    (_en(r"total funding|funding total|raised in total|total raised|total capital raised|"
         r"raised (?:so far|to date|overall)"), FUNDING_TOTAL),
    (_en(r"(?<=who )(?:now )?(?:runs|leads|heads|helms|manages|is in charge of|is running|"
         r"is leading|took the helm (?:at|of))"), RUN),
    (_en(r"(?:jobs?|staff|employees|workers|positions|roles|people|headcount|"
         r"workforce)\s+(?:[\w.:&'-]+\s+){0,6}(?:cut|cuts|cutting|slash\w*|eliminat\w*|shed\w*|axe\w*)"
         r"|(?:cut|cuts|cutting|slash\w*|eliminat\w*|shed\w*|axe\w*|trim\w*)\s+(?:\w+\s+){0,3}"
         r"(?:jobs?|staff|employees|workers|positions|roles|people|headcount|workforce)"
         r"|lay(?:s|ing)?[ -]?off|laid[ -]off|layoffs?|job[ -]cuts?|redundanc\w*|downsiz\w*"
         r"|let go"), CUT),
    (_en(r"annual(?:ised|ized)? recurring revenue|annual(?:ised|ized)? revenue run[- ]rate|"
         r"run[- ]rate|arr"), ARR),
    (_en(r"gross margins?"), MARGIN),
    (_en(r"revenues?|sales|turnover|earn(?:ed|s)?|made in revenue"), REVENUE),
    (_en(r"valuations?|valued|worth|market cap(?:italisation|italization)?"), VALUATION),
    (_en(r"co-?found\w*|cofound\w*|found(?:ed|s|ing)|founders?|start(?:ed|s)? (?:a|an|the|"
         r"their|his|her) (?:\w+ )?(?:startup|company|lab|firm)|set up|spun up"), FOUND),
    (_en(r"acquir\w*|acquisitions?|bought|buys?|buying|purchas\w*|takeovers?|took over|"
         r"take over|takes over|merg\w*"), ACQUIRE),
    (_en(r"licens\w*"), LICENSE),
    (_en(r"investors?|backers?|shareholders?"), INVESTORS),
    (_en(r"invest\w*|backed|backs|backing|funded|funds|stakes?|put (?:money )?into|poured|"
         r"owns?|owned|ownership"), INVEST),
    (_en(r"rais\w*|funding(?: rounds?)?|rounds?|series [a-k]\d?|seed|pre-seed"), RAISE),
    (_en(r"pa(?:y|ys|id|ying)|spen[dt]|spending|price|cost"), PAY),
    (_en(r"partner\w*|team(?:ed|s)? up|collaborat\w*|alliance|tie-?up|joint venture|allied"),
     PARTNER),
    (_en(r"co-?develop\w*|jointly develop\w*|develop\w*|built|build(?:s|ing)?|co-?creat\w*"),
     DEVELOP),
    (_en(r"customers?|clients?|users?"), CUSTOMERS),
    (_en(r"vendors?|suppliers?|suppl(?:y|ies|ied|ying)|providers?"), VENDORS),
    (_en(r"paus\w*|halt\w*|suspend\w*|froze|frozen|freez\w*"), PAUSE),
    (_en(r"stopp\w*|stop|stops|ended(?! up)|cut ties|dropp\w*|drop|cancel\w*|terminat\w*|"
         r"churn\w*|walked away"), END),
    (_en(r"uses?|using|works? with|worked with|working with|signed with|contracts?|"
         r"rel(?:y|ies|ied) on|deals? with|agreements? with"), USE),
    (_en(r"join\w*|came aboard|came on board|brought on"), JOIN),
    (_en(r"hir\w*|poach\w*|recruit\w*|appoint\w*|named|tapped|brought in|lured|nabbed|"
         r"snapped up"), HIRE),
    (_en(r"left|leav\w*|quit\w*|depart\w*|exit\w*|resign\w*|step(?:ped|s)? down|stepping down|"
         r"ousted|fired|defect\w*|exodus|outflows?|parted ways|went out"), LEAVE),
    (_en(r"mov(?:e|ed|es|ing)|went|go|goes|gone|going|switch\w*|jump\w*|head(?:ed|s)|land(?:ed)?"
         r"|work(?:s|ed|ing)?|end(?:ed)? up"), GO),
    (_en(r"launch\w*|releas\w*|unveil\w*|introduc\w*|debut\w*|ship(?:s|ped|ping)?|roll(?:ed|s)? "
         r"out|rolling out|products?|models?|(?:generally )?available|general availability"),
     LAUNCH_F),
    (_en(r"announc\w*|presented|showcased"), ANNOUNCE),
    (_en(r"deals?|transactions?|agreements?|sign(?:ed|s|ing)?"), DEALS),
    (_en(r"people moves?|talent|executives?|researchers?|employees|staff|hires|departures?"),
     PEOPLE),
    (_en(r"chief [a-z]+ officer|chief scientist|ceo|cto|cfo|coo|cpo|cso|cmo|president|"
         r"chair(?:man|woman|person)?|head of [a-z]+|vice president|general manager|"
         r"managing director|role|position|title|job"), ROLE),
)

JA_TRIGGERS: tuple[tuple[re.Pattern[str], Frame], ...] = tuple(
    (re.compile(p), f)
    for p, f in (
        (r"累計調達額|調達総額|総調達額|累計で?調達", FUNDING_TOTAL),
        (r"人員削減|人員整理|雇用削減|レイオフ|リストラ|解雇|削減|一時解雇", CUT),
        (r"率いる|率いて|率いている|トップを務め|経営を担", RUN),
        (r"年間経常収益|年間定期収益|ARR|年換算(?:の)?(?:売上|収益)|ランレート", ARR),
        (r"粗利益率|粗利率|売上総利益率", MARGIN),
        (r"売上高|売上|売り上げ|収益|営業収入", REVENUE),
        (r"評価額|企業価値|時価総額|バリュエーション", VALUATION),
        (r"共同創業|共同創設|共同設立|創業|創設|設立|立ち上げ|起業", FOUND),
        (r"買収|買い取|傘下に|取得", ACQUIRE),
        (r"ライセンス", LICENSE),
        (r"出資者|投資家|株主|出資元", INVESTORS),
        (r"出資|投資|資本参加", INVEST),
        (r"資金調達|調達|シリーズ[A-KＡ-Ｋ]|シード", RAISE),
        (r"払った|払う|払い|支払|支出|費や|投じ|金額|価格", PAY),
        (r"共同開発|共同で開発|共同研究", DEVELOP),
        (r"提携|協業|連携|パートナー|協力|タッグ|アライアンス|合弁", PARTNER),
        (r"顧客|取引先|ユーザー企業|導入企業|利用企業|クライアント", CUSTOMERS),
        (r"一時停止|停止|中断|凍結|保留", PAUSE),
        (r"打ち切|終了|解消|解約|撤退|取りやめ|見直", END),
        (r"取引|導入|利用|契約|採用している|使って", USE),
        (r"入社|加入|加わ|参画|合流|就任|迎え入れ", JOIN),
        (r"引き抜|招聘|招へい|迎え|雇用|採用|雇っ|雇い", HIRE),
        (r"退社|退任|退職|離脱|離れ|去っ|去る|辞任|辞め|流出|脱退|抜け", LEAVE),
        (r"移籍|移っ|移る|移り|転職|転じ|移動|移った|行った|向かっ", GO),
        (r"発表|公開|リリース|発売|投入|提供開始|ローンチ|披露|開発", LAUNCH_F),
        (r"案件|ディール|取引額", DEALS),
        (r"人材|幹部|研究者|社員|従業員|人事", PEOPLE),
        (r"最高[^\s、。]{1,4}責任者|CEO|CTO|CFO|COO|CPO|社長|会長|チーフサイエンティスト|責任者|"
         r"取締役|執行役員|役職|肩書|ポジション|役割", ROLE),
    )
)

# English prepositions that mark a role, longest first; determiners skipped before a name.
EN_PREPS = {
    "away from": "from", "led by": "by", "backed by": "by", "owned by": "by", "from": "from",
    "to": "to", "into": "into", "in": "in", "by": "by", "for": "for", "with": "with",
    "of": "of", "at": "at", "between": "between", "and": "and", "onto": "to",
}  # fmt: skip
EN_SKIP_BEFORE = frozenset(
    "the a an its their his her former ex rival startup company firm lab labs giant maker "
    "chipmaker ai both".split()
)
# Particles after a Japanese name (after an optional honorific) and what they mark.
JA_PARTICLES = (
    ("による", "by"), ("によって", "by"), ("により", "by"), ("との", "with"), ("から", "from"),
    ("より", "from"), ("には", "to"), ("へは", "to"), ("への", "to"), ("に", "to"), ("へ", "to"),
    ("を", "obj"), ("は", "subj"), ("が", "subj"), ("も", "subj"), ("と", "with"), ("の", "owner"),
    ("出身", "from"),
)  # fmt: skip
JA_HONORIFICS = re.compile(r"^(?:氏|社|さん|様|会長|社長|CEO|ＣＥＯ|グループ)?\s*")
EN_PEOPLE_AFTER = re.compile(
    r"^\s+(?:researchers?|executives?|execs?|employees?|staff(?:ers)?|engineers?|scientists?|"
    r"leaders?|leadership|people|alumni|veterans?|talent|members?|team|workers|hires|"
    r"co-?founders?|founders?)\b",
    re.IGNORECASE,
)
EN_AUX_BEFORE = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would|can|could|is|was|are|were)\s+$", re.I
)
EN_PASSIVE_BEFORE = re.compile(r"\b(?:is|was|were|been|being|be|are|get|got|gets)\s+$", re.I)
JA_PASSIVE_AFTER = re.compile(r"^(?:を)?(?:し)?(?:され|された|される|られ|られた)")

# Shapes of answer.
FIGURE, COUNT, NAMES, PERSON, PLACE, PRODUCT, DATE, NEWS, YESNO = (
    "figure", "count", "names", "person", "place", "product", "date", "news", "yesno",
)  # fmt: skip
EN_WANT: tuple[tuple[re.Pattern[str], str], ...] = (
    (_en(r"how much|how big|how large|what amount|for how much|what (?:was|is) the (?:price|"
         r"amount|value|size)|what price|at what price|what did .{1,40} pay|what figure"), FIGURE),
    (_en(r"how many|number of|count of"), COUNT),
    (_en(r"when|what date|what year|which year|what month|which month"), DATE),
    (_en(r"where"), PLACE),
    (_en(r"who(?:m|se)?|which (?:people|persons?|executives?|researchers?|employees?|engineers?|"
         r"founders?|co-?founders?|leaders?|staff)|what (?:people|executives?|researchers?)"),
     PERSON),
    (_en(r"what (?:did|does|has|have|will) .{1,40} (?:launch|release|unveil|introduce|ship|"
         r"announce|develop|build)|which (?:products?|models?)|what (?:products?|models?)|"
         r"name of the (?:product|model|llm)"), PRODUCT),
    (_en(r"which|what|list|name|tell me|show me|give me"), NAMES),
)
EN_YESNO = re.compile(r"^\s*(?:did|does|do|has|have|is|was|were|are|will|can)\b", re.I)
EN_NEWS = _en(r"latest|news|what's new|whats new|what is new|happening|updates?|going on|"
              r"recent(?:ly)?|lately|tell me about|anything (?:on|about)")
JA_WANT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), w)
    for p, w in (
        (r"いくら|幾ら|金額|額は|何ドル|何円|何億|どれくらい|どれぐらい|どのくらい|どのぐらい|規模|"
         r"何%|何パーセント", FIGURE),
        (r"何人|何名|人数|何社|何件|いくつ|幾つ|件数|社数", COUNT),
        (r"いつ|何月|何年|時期|日付", DATE),
        (r"どこ|どちら|行き先|移籍先|転職先", PLACE),
        (r"誰|だれ|どなた|どんな人|人物|メンバー|人は", PERSON),
        (r"名前|名称|製品|モデル|何を(?:発表|公開|リリース|開発)|何という", PRODUCT),
        (r"どの|どんな|何|なに|企業は|会社は|先は|一覧|教えて|リスト", NAMES),
    )
)
JA_YESNO = re.compile(r"(?:した|している|する|です|ある|いる)(?:の)?か[?？]?\s*$")
JA_NEWS = re.compile(r"最新|最近|ニュース|動向|近況|動き|話題|について")

# Nouns that name the role whose names are wanted.
EN_WANT_ROLE: tuple[tuple[re.Pattern[str], Roles], ...] = (
    (_en(r"(?:what|which) (?:[\w'’.-]+ ){0,5}(?:role|position|title|job)|as what"),
     ("role",)),
    (_en(r"customers?|clients?|users?"), ("customer",)),
    (_en(r"vendors?|suppliers?|providers?"), ("vendor",)),
    (_en(r"investors?|backers?|shareholders?|who (?:led|invested|backed|funded|put)"),
     ("investor",)),
    (_en(r"acquirers?|buyers?|who (?:acquired|bought|purchased)"), ("acquirer",)),
    (_en(r"partners?"), ("partner",)),
)
JA_WANT_ROLE: tuple[tuple[re.Pattern[str], Roles], ...] = (
    (re.compile(r"役職|肩書|ポジション|どんな役割|何の役"), ("role",)),
    (re.compile(r"顧客|取引先|ユーザー"), ("customer",)),
    (re.compile(r"出資者|投資家|株主|出資したのは|投資したのは"), ("investor",)),
    (re.compile(r"出資先|投資先"), ("company",)),
    (re.compile(r"買収先|買収した(?:企業|会社|スタートアップ)"), ("target",)),
    (re.compile(r"買収したのは"), ("acquirer",)),
    (re.compile(r"提携先|パートナー"), ("partner",)),
    (re.compile(r"移籍先|転職先|行き先|どこに|どこへ"), ("to",)),
    (re.compile(r"どこから|出身"), ("from",)),
)
EN_FROM_PLACE = _en(r"come from|came from|before|previously|prior|used to work|formerly")
STAKE_EN = _en(r"stake|ownership|owns?|owned|per ?cent(?:age)?|share of")
STAKE_JA = re.compile(r"出資比率|持ち株比率|保有比率|持ち分|何%|何パーセント|株式の何")

LATEST_EN = _en(r"latest|most recent|current(?:ly)?|now|newest|last known")
LATEST_JA = re.compile(r"最新|直近|現在|今の|最近")
TOTAL_EN = _en(r"in total|total|altogether|combined|so far|overall|cumulative(?:ly)?|all told")
TOTAL_JA = re.compile(r"合計|総額|累計|トータル|これまでに|全部で")
OTHER_EN = _en(r"other|others|besides|apart from|except|aside from|else")
OTHER_JA = re.compile(r"以外|ほか|他の|他に")
ANCHOR_EN = re.compile(
    r"\b(?:on |in |at |during )?the same (?P<unit>day|date|time|week|month) as\s+$", re.I
)
ANCHOR_JA = re.compile(
    r"^\s*(?:氏|さん)?\s*と?(?:同じ|同)(?P<unit>日|時期|週|月)|^\s*(?:氏|さん)?と同時"
)

ROUND_EN = re.compile(r"\b(series [a-k](?:[- ]?\d)?(?: extension)?|pre-seed|seed)\b", re.I)
ROUND_JA = re.compile(r"シリーズ\s?([A-KＡ-Ｋ](?:\d)?)|(プレシード|シード)")
ROLE_TITLE_EN = re.compile(
    r"\b(chief [a-z]+ officer|chief scientist|ceo|cto|cfo|coo|cpo|cso|cmo|president|"
    r"chair(?:man|woman|person)?|head of [a-z]+(?: [a-z]+)?|vice president|vp|general manager|"
    r"managing director|co-?founders?|founders?)\b",
    re.I,
)
ROLE_TITLE_JA = re.compile(
    r"(最高経営責任者|最高技術責任者|最高製品責任者|最高財務責任者|最高執行責任者|最高科学責任者|"
    r"CEO|CTO|CFO|COO|CPO|社長|会長|共同創業者|創業者|チーフサイエンティスト|責任者|取締役|執行役員)"
)
ROLE_ALIASES = {
    "chief executive officer": "ceo", "最高経営責任者": "ceo", "chief technology officer": "cto",
    "最高技術責任者": "cto", "chief product officer": "cpo", "最高製品責任者": "cpo",
    "chief financial officer": "cfo", "最高財務責任者": "cfo", "chief operating officer": "coo",
    "最高執行責任者": "coo", "chief scientific officer": "cso", "最高科学責任者": "cso",
    "共同創業者": "co-founder", "cofounder": "co-founder", "co-founders": "co-founder",
    "創業者": "founder", "founders": "founder", "社長": "president", "会長": "chairman",
    "チーフサイエンティスト": "chief scientist", "chairwoman": "chairman",
    "chairperson": "chairman", "chair": "chairman",
}  # fmt: skip

STATUS_ACTIVE = re.compile(r"\b(?:still|currently|active|continu\w+)\b|継続|現在も", re.I)

# Words that are never names, even capitalised (sentence starts, acronyms, months).
EN_COMMON = frozenset(
    """
    a about after again against all also am an and any are as at be because been before being
    between both but by can could did do does doing done during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our out over own same she should so
    some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom whose why will with would
    you your yes ok okay please tell show give list me name find know get got many much
    company companies firm firms startup startups people person persons executive executives
    researcher researchers employee employees engineer engineers staff deal deals news
    latest recent recently new total amount money price cost ai llm llms gpu gpus ceo cto cfo
    coo cpo cso cmo vp evp svp president chairman founder founders cofounder co-founder
    agi ml api apis saas ar vr xr iot ev evs b2b b2c sdk os cloud
    series seed round rounds funding fund funds arr ipo revenue revenues valuation valued
    margin margins gross net jobs job layoff layoffs launch launched product products model
    models us usd eur jpy yen dollar dollars billion million trillion thousand bn mn
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week month year quarter q1 q2 q3 q4 h1 h2 fy
    last next this since ago past first second third fourth other another same day
    inc corp ltd llc co plc labs lab group holdings technologies
    mr mrs ms dr prof sir
    compare summarize summarise explain describe count find please any top biggest largest
    hey hi hello thanks thank according including excluding besides except why whether
    also then just only still ever already however additionally moreover meanwhile overall
    furthermore notably therefore thus sure based yes no
    japan japanese china chinese us usa america american uk britain british europe european
    eu france french germany german korea korean india indian canada canadian israel
    silicon valley tokyo beijing london paris california
    """.split()
)
# Katakana words that are common nouns, not names.
JA_COMMON_KATAKANA = frozenset(
    """
    スタートアップ ライセンス パートナー パートナーシップ サービス モデル ニュース ファンド
    ベンチャー キャピタル ベンチャーキャピタル エンジニア リサーチャー チーム シリーズ ラウンド
    ドル ユーロ ポンド トップ メンバー テック テクノロジー ソフトウェア ハードウェア チップ データ
    センター データセンター クラウド プラットフォーム アプリ ツール エージェント ロボット
    プロダクト リリース レイオフ リストラ コスト ビジネス マーケット シェア グループ
    ホールディングス ユーザー カスタマー クライアント ディール イベント スタッフ ポスト ポジション
    トレーニング チャット ボット チャットボット エクイティ バリュエーション メディア フィンテック
    ヘルスケア セキュリティ シード プレシード ニュースレター ランレート ライセンス契約 オフィス
    リーダー マネージャー ディレクター プレジデント オーナー トップ人材 ハイテク テック企業
    エンタープライズ ソリューション システム ネットワーク インフラ コンピューティング
    コーディング アシスタント サイエンティスト チーフ オープンソース ベンチャー企業 キャピタル
    タッグ アライアンス ローンチ トータル パーセント ポイント ランキング リスト
    """.split()
)
JA_LATIN_COMMON = frozenset(
    "ai llm llms ceo cto cfo coo cpo arr gpu gpus ipo it dx saas api vc cvc m&a ma "
    "fy q1 q2 q3 q4 h1 h2 usd jpy ok pr".split()
)
