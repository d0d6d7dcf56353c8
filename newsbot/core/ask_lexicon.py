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
# "Does X do business with Y?", 「XがYと取引していますか」: a customer relation either way round.
_KV = ("customer", "vendor")
TRADE = _f("trade", (CUST,), _KV, _KV, owner=_KV, weight=1,  # a pause or an end governs
           preps={"with": _KV, "by": _KV, "of": _KV})
PAUSE = _f("pause", (CUST,), _K, _V, status=("paused",),
           preps={"with": _V, "from": _V, "to": _V, "of": _V, "by": _K})
END = _f("end", (CUST,), _K, _V, status=("ended",),
         preps={"with": _V, "from": _V, "to": _V, "of": _V, "by": _K})
STOP = _f("stop", (CUST,), _K, _V, status=("ended", "paused"),
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
WORTH = _f("worth", (FIN, INV), _C, owner=_C, metric="valuation", preps=_FIN_PREPS, weight=1)
MARGIN = _f("gross_margin", (FIN,), _C, owner=_C, metric="gross_margin", preps=_FIN_PREPS)
# A figure nobody records (the knowledge base holds no headcounts): asked, it finds nothing.
HEADCOUNT = _f("headcount", (FIN,), _C, owner=_C, metric="headcount", preps=_FIN_PREPS, weight=3)
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
RUN = _f("run", (MOVE,), _PERSON, _TO, owner=_TO, weight=3, talent="join", role_title="leader",
        preps={"of": _TO, "at": _TO, "for": _TO})
_ROLE_PREPS = {"of": _TO, "at": _TO, "for": _TO, "from": _FROM, "to": _TO, "in": _TO}
ROLE = _f("role", (MOVE,), _PERSON, _TO, owner=_TO, weight=1, talent="join", preps=_ROLE_PREPS)
TITLE = _f("title", (MOVE,), _TO, _PERSON, owner=_TO, talent="join", preps=_ROLE_PREPS)
OWN = _f("own", (ACQ,), ("acquirer",), _T, owner=_T,
         preps={"by": ("acquirer",), "of": _T, "from": (), "for": _T})
PEOPLE = _f("people", (MOVE,), _PERSON, ("to", "from"), owner=("to", "from"), weight=1,
            talent="people", preps=_MOVE_PREPS)


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


# (regex, frame), English; a word may be matched by one frame only (first wins).
EN_TITLES = (r"chief [a-z]+ officers?|chief executives?|chief scientists?|co-?ceos?|ceos?|ctos?|cfos?|"
             r"coos?|cpos?|csos?|cmos?|vice[- ]presidents?|presidents?|chair(?:man|woman|person)?|"
             r"head of (?-i:[a-z]+)|head(?= of (?-i:[A-Z]))|boss|general manager|managing director")
EN_TRIGGERS: tuple[tuple[re.Pattern[str], Frame], ...] = (
    (_en(EN_TITLES), TITLE),
    (_en(r"parent(?: company)?|owners?|(?:has|have|had) owned|who owns|owns|took control of|"
         r"controlling (?:stake|shareholder)"), OWN),
    (_en(r"total funding|funding total|raised in total|total raised|total capital raised|"
         r"raised (?:so far|to date|overall|altogether)|cumulative funding|funding to date|"
         r"lifetime funding|total (?:amount of )?(?:funding|capital|money) raised"), FUNDING_TOTAL),
    (_en(r"(?:number|count) of (?:employees|staff|workers|people employed)|employee count|"
         r"staff (?:size|count)|(?<=['’]s )headcount|headcount (?:of|at)|total headcount|"
         r"how many (?:employees|people|staff|workers) (?:does|do|did|has|have) "
         r"(?:[\w.:&'-]+ ){1,4}(?:have|employ|had)\b"), HEADCOUNT),
    (_en(r"(?<=who )(?:now )?(?:runs|leads|heads|helms|manages|is in charge of|is running|"
         r"is leading|took the helm (?:at|of))"), RUN),
    (_en(r"(?:jobs?|staff|employees|workers|positions|roles|people|headcount|"
         r"workforce)\s+(?:[\w.:&'-]+\s+){0,6}(?:cut|cuts|cutting|slash\w*|eliminat\w*|shed\w*|axe\w*)"
         r"|(?:cut|cuts|cutting|slash\w*|eliminat\w*|shed\w*|axe\w*|trim\w*)\s+(?:[\w.,]+\s+){0,3}"
         r"(?:jobs?|staff|employees|workers|positions|roles|people|headcount|workforce)"
         r"|lay(?:s|ing)?[ -]?off|laid[ -]off|layoffs?|job[ -]cuts?|redundanc\w*|downsiz\w*"
         r"|let go"), CUT),
    (_en(r"annual(?:ised|ized)? recurring revenue|annual(?:ised|ized)? revenue run[- ]rate|"
         r"(?:revenue )?run[- ]rate(?: revenue)?|annuali[sz]ed (?:revenue|sales)|arr"), ARR),
    (_en(r"gross margins?"), MARGIN),
    (_en(r"revenues?|sales|turnover|earn(?:ed|s)?|made in revenue"), REVENUE),
    (_en(r"valuations?|valued|value[sd]?(?=\s+(?:[\w.:&'-]+\s+){1,4}at\b)|market cap(?:italisation|italization)?"), VALUATION),
    (_en(r"worth"), WORTH),  # "How much is OpenAI worth?", but "a contract worth $11.9B"
    (_en(r"co-?found\w*|cofound\w*|found(?:ed|s|ing)|founders?|start(?:ed|s)? (?:a|an|the|"
         r"their|his|her) (?:\w+ )?(?:startup|company|lab|firm)|set up|spun up"), FOUND),
    (_en(r"t(?:ake|akes|ook|aking) over as|step(?:s|ped)? (?:in|up) as"), JOIN),
    (_en(r"acquir\w*|acquisitions?|bought|buys?|buying|purchas\w*|takeovers?|took over|"
         r"take over|takes over|merg\w*|absorb\w*"), ACQUIRE),
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
    (_en(r"stopp\w*|stop|stops"), STOP),  # paused or ended: "Who stopped working with X?"
    (_en(r"ended(?! up)|cut ties|dropp\w*|drop|cancel\w*|terminat\w*|"
         r"churn\w*|walked away|cut(?:s|ting)? off|revok\w*|shut off|blocked"), END),
    (_en(r"(?:do|does|did|doing|done) business with|business (?:ties|relationships?) with|"
         r"trad(?:e|es|ed|ing) with"), TRADE),
    (_en(r"uses?|using|works? with|worked with|working with|signed with|contracts?|"
         r"rel(?:y|ies|ied) on|deals? with|agreements? with"), USE),
    (_en(r"join\w*|came aboard|came on board|brought on|promot\w*|elevat\w*|succeed(?:s|ed)?"),
     JOIN),
    (_en(r"hir\w*|poach\w*|recruit\w*|appoint\w*|named|tapped|brought in|lured|nabbed|"
         r"snapped up|bring(?:s|ing)? (?:in|on|aboard)"), HIRE),
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
    (_en(r"role|position|title|job"), ROLE),
)

JA_TITLES = (r"最高[^\s、。をにはがの]{1,6}責任者|CEO|CTO|CFO|COO|CPO|副社長|社長|会長|トップ|"
             r"チーフ[ァ-ヴー]+(?:オフィサー)?|(?:AI|[\u4e00-\u9fff]{1,4})?責任者|取締役|"
             r"執行役員|代表取締役")
JA_TRIGGERS: tuple[tuple[re.Pattern[str], Frame], ...] = tuple(
    (re.compile(p), f)
    for p, f in (
        (JA_TITLES, TITLE),
        (r"親会社|傘下に(?:収め|置|入れ)|保有していた|所有|オーナー|子会社化", OWN),
        (r"累計調達額|調達総額|総調達額|累計で?調達|これまでに調達|調達した資金の(?:総額|合計)|"
         r"資金調達の(?:総額|合計)|調達額の(?:総額|合計)|累計(?:の)?資金調達額?|出資総額", FUNDING_TOTAL),
        (r"従業員数|社員数|職員数|(?:従業員|社員|スタッフ)(?:は|が)?(?:何人|何名)|何人の(?:従業員|社員)",
         HEADCOUNT),
        (r"人員削減|人員整理|雇用削減|レイオフ|リストラ|解雇|削減|一時解雇", CUT),
        (r"率いる|率いて|率いている|トップを務め|経営を担", RUN),
        (r"年間経常収益|年間定期収益|ARR|年率?換算(?:の)?(?:売上高?|収益)|ランレート", ARR),
        (r"粗利益率|粗利率|売上総利益率", MARGIN),
        (r"売上高|売上|売り上げ|収益|営業収入", REVENUE),
        (r"評価額|企業価値|時価総額|バリュエーション", VALUATION),
        (r"共同創業|共同創設|共同設立|創業|創設|設立|立ち上げ|起業", FOUND),
        (r"株式[^、。]{0,10}取得|株[^、。式]{0,4}取得", INVEST),  # 「株式の49%を取得」: a stake
        (r"買収|買い取|買っ|買う|買わ|傘下に|取得", ACQUIRE),
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
        (r"取引(?!先|額)", TRADE),
        (r"導入|利用|契約|採用している|使って", USE),
        (r"入社|加入|加わ|参画|合流|就任|就い|就く|就け|迎え入れ|昇格|昇進", JOIN),
        (r"引き抜|招聘|招へい|迎え|雇用|採用|雇っ|雇い", HIRE),
        (r"退社|退任|退職|離脱|離れ|去っ|去る|辞任|辞め|流出|脱退|抜け", LEAVE),
        (r"移籍|移っ|移る|移り|転職|転じ|移動|移った|行った|向かっ", GO),
        (r"公開|リリース|発売|投入|提供開始|ローンチ|披露|開発", LAUNCH_F),
        (r"発表", ANNOUNCE),
        (r"案件|ディール|取引額", DEALS),
        (r"人材|幹部|研究者|社員|従業員|人事", PEOPLE),
        (r"役職|肩書|ポジション|役割", ROLE),
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
    "chipmaker ai both chip chips designer developer provider platform unicorn group bank "
    "fund investor investors carmaker automaker retailer insurer operator telecom "
    "cloud-security data-management".split()
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
JA_PASSIVE_AFTER = re.compile(r"^(?:を)?(?:し)?(?:され|された|される|られ|られた)|"
                              r"^[かがさたなばまらわ]?れ(?:た|る|て|ま)")  # 買われた

# Shapes of answer.
FIGURE, COUNT, NAMES, PERSON, PLACE, PRODUCT, DATE, NEWS, YESNO = (
    "figure", "count", "names", "person", "place", "product", "date", "news", "yesno",
)  # fmt: skip
EN_WANT: tuple[tuple[re.Pattern[str], str], ...] = (
    (_en(r"how much|how big|how large|what amount|for how much|what (?:was|is) the (?:price|"
         r"amount|value|size)|what price|at what price|what did .{1,40} pay|what figure|"
         r"what (?:did|does|has|have|will) .{1,40} (?:raise|spend|earn|fetch|make in revenue)"),
     FIGURE),
    (_en(r"how many|number of|count of"), COUNT),
    (_en(r"^\s*when|when (?:did|was|were|is|are|does|do|has|have|had|will|would)|(?:tell me|know|"
         r"say|ask|find out) when|what date|what year|which year|what month|which month|"
         r"in what (?:month|year)|on what (?:date|day)"), DATE),
    (_en(r"where"), PLACE),
    (_en(r"who(?:m|se)?|which (?:people|persons?|executives?|researchers?|employees?|engineers?|"
         r"founders?|co-?founders?|leaders?|staff)|what (?:people|executives?|researchers?)"),
     PERSON),
    (_en(r"what (?:did|does|has|have|will) .{1,40} (?:launch|release|unveil|introduce|ship|"
         r"announce|develop|build)|which (?:products?|models?)|what (?:products?|models?)|"
         r"name of (?:the|its|their) (?:[\w-]+ ){0,3}(?:products?|models?|llms?|chips?|apps?|"
         r"services?|tools?|agents?)|(?:what|which) (?:[\w-]+ ){0,3}(?:llms?|models?|chips?)\b"),
     PRODUCT),
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
JA_YESNO = re.compile(r"(?:した|している|する|です|ある|いる|ます|ました|ません|でした)(?:の)?か"
                      r"[?？]?\s*$")
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
    (re.compile(r"買収先|(?:買収し|買っ|買い取っ)た(?:企業|会社|スタートアップ)"), ("target",)),
    (re.compile(r"(?:買収し|買っ|買い取っ)たのは"), ("acquirer",)),
    (re.compile(r"提携先|パートナー"), ("partner",)),
    (re.compile(r"移籍先|転職先|行き先|どこに|どこへ|(?:移|行|転じ|移籍し|転職し)った先|移った企業"), ("to",)),
    (re.compile(r"どこから|出身"), ("from",)),
)
# A noun that only modifies the workforce a layoff cuts ("customer support jobs", "sales
# roles", 「顧客サポート部門の人員」) is no cue of its own.
WORKFORCE_AFTER_EN = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:jobs?|roles?|positions?|staff(?:ers)?|employees|workers|teams?|"
    r"headcount|departments?|divisions?|units?|people|reps|representatives|agents)\b", re.I)
WORKFORCE_AFTER_JA = re.compile(r"^[^\s、。をにはがと]{0,8}?の?(?:人員|社員|従業員|部門|チーム|担当者?|"
                                r"スタッフ|職)")
# "What did the round value X at?", "gave X a valuation": X is the company valued.
VALUED_BEFORE_EN = re.compile(
    r"\b(?:value[sd]?|valuing|g[ia]ve|gives|giving|put(?:s|ting)?)\s+(?:the\s+)?$", re.I)
EN_FROM_PLACE = _en(r"come from|came from|before|previously|prior|used to work|formerly")
STAKE_EN = _en(r"stake|ownership|owns?|owned|per ?cent(?:age)?|share of")
PAID_EN = _en(r"pa(?:y|ys|id|ying)|spen[dt]|spending|cost|price")
PAID_JA = re.compile(r"支払|払っ|払う|費や|投じ|金額|額は|いくら")
STAKE_JA = re.compile(r"出資比率|持ち株比率|保有比率|持ち分|何%|何パーセント|株式の何")

# What was announced is a product only when one is named ("What products did X announce?");
# "What did Nvidia announce in December?" asks for any news.
PRODUCT_NOUN_EN = _en(r"products?|models?|chips?|apps?|services?|tools?|features?|llms?|"
                      r"versions?|devices?|robots?|agents?|platforms?")
PRODUCT_NOUN_JA = re.compile(r"製品|モデル|サービス|LLM|チップ|アプリ|機能|ツール|プロダクト|新作|"
                             r"ロボット|エージェント|半導体|GPU")
# "How much is X making?": what a company takes in, asked with "how much" and no other trigger.
EARNING_EN = _en(r"mak(?:e|es|ing)|pull(?:s|ing)? in|gener(?:ate|ates|ating)")
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
ROLE_TITLE_EN = re.compile(rf"\b({EN_TITLES}|vp|co-?founders?|founders?)\b", re.I)
ROLE_TITLE_JA = re.compile(rf"({JA_TITLES}|共同創業者|創業者|共同創設者|創設者)")
ROLE_ALIASES = {
    "chief executive officer": "ceo", "chief executive": "ceo", "最高経営責任者": "ceo",
    "chief technology officer": "cto", "最高技術責任者": "cto", "chief product officer": "cpo",
    "最高製品責任者": "cpo", "chief financial officer": "cfo", "最高財務責任者": "cfo",
    "chief operating officer": "coo", "最高執行責任者": "coo", "chief scientific officer": "cso",
    "最高科学責任者": "cso", "共同創業者": "co-founder", "共同創設者": "co-founder",
    "cofounder": "co-founder", "創業者": "founder", "創設者": "founder",
    "会長": "chairman", "チーフサイエンティスト": "chief scientist", "chairwoman": "chairman",
    "chairperson": "chairman", "chair": "chairman", "vice-president": "vice president",
    "vp": "vice president", "副社長": "vice president", "代表取締役": "ceo",
    "chief ai officer": "caio", "最高ai責任者": "caio", "head": "leader", "boss": "leader",
    "トップ": "leader",
}  # fmt: skip
# What else a title may be written as in an event's role ("社長" is a president or a CEO).
ROLE_EQUIVALENTS = {
    "ceo": ("ceo", "chief executive", "最高経営責任者", "社長", "代表取締役"),
    "president": ("president", "社長"),
    "社長": ("president", "ceo", "chief executive", "社長", "最高経営責任者", "代表取締役"),
    "cto": ("cto", "chief technology officer", "最高技術責任者"),
    "cpo": ("cpo", "chief product officer", "最高製品責任者"),
    "cfo": ("cfo", "chief financial officer", "最高財務責任者"),
    "coo": ("coo", "chief operating officer", "最高執行責任者"),
    "caio": ("caio", "chief ai officer", "最高ai責任者"),
    "chief scientist": ("chief scientist", "チーフサイエンティスト", "chief scientific officer"),
    "co-founder": ("co-founder", "cofounder", "founder", "共同創業者", "創業者", "共同創設者"),
    "founder": ("founder", "co-founder", "cofounder", "創業者", "共同創業者", "創設者"),
    "chairman": ("chairman", "chairwoman", "chair", "会長"),
    "vice president": ("vice president", "vice-president", "vp", "副社長"),
    "leader": ("ceo", "chief executive", "最高経営責任者", "社長", "代表取締役", "president",
               "head", "lead", "managing director", "general manager", "トップ", "責任者",
               "co-founder", "founder", "共同創業者", "創業者"),  # founders last
}  # fmt: skip


def role_key(title: str) -> str:
    """A title as the key ``ROLE_EQUIVALENTS`` knows: lower case, singular, aliases folded."""
    low = re.sub(r"\s+", " ", title.strip().lower())
    if re.fullmatch(r"c[a-z]os|ceos|chief .+ officers|(?:vice )?presidents|chief executives|"
                    r"chief scientists|(?:co-?)?founders|co-ceos", low):
        low = low[:-1]
    low = low.replace("co-founder", "co-founder").replace("cofounder", "co-founder")
    return ROLE_ALIASES.get(low, low)


# The person a new holder replaced ("Who replaced Jonathan Ross as CEO?", 「ロス氏の後任」).
REPLACED_EN = re.compile(r"\b(?:replac(?:e|ed|es|ing)|succeed(?:ed|s|ing)?|t(?:ake|akes|ook|aking) "
                         r"over from|successor (?:to|of))\s+$", re.I)
REPLACED_JA = re.compile(
    r"^\s*(?:氏|さん)?(?:の後任|に代わ|の後を継|の後継|(?:の|が)(?:退任|辞任|退社|離脱|退職)(?:した)?"
    r"(?:後|あと|を受け))"
)
# "Who became CEO after Daniel Gross left?": the person who left only dates the question.
LEFT_BEFORE_EN = re.compile(r"\b(?:after|following|since|when|once)\s+$", re.I)
LEFT_AFTER_EN = re.compile(
    r"^\s+(?:left|departed|quit|resigned|stepped down|exited|was (?:fired|ousted|pushed out))"
    r"|^['’]s?\s+(?:departure|exit|resignation|ouster|leaving)", re.I
)
# Asking for the company behind a product ("Which company launched Comet?", 「公開した企業は」).
MAKER_EN = _en(r"which (?:company|companies|firm|firms|startup|startups|lab|labs)|who (?:launched|"
               r"released|unveiled|introduced|built|developed|makes|made)|what company")
MAKER_JA = re.compile(r"(?:企業|会社|メーカー|スタートアップ)は|どこ(?:が|の会社|の企業)?[?？]?$|誰が")
# A founder named as a person ("the co-founder who left"), not founding ("left to co-found").
FOUNDER_NOUN = re.compile(r"\bco-?founders?\b|\bfounders?\b|創業者|創設者|創業メンバー", re.I)
# Who led a round ("Who led…", "the SoftBank-led round", 「主導したのは」).
LEAD_EN = _en(r"led|lead(?:s|ing)?|co-?led|lead investors?|spearhead\w*|anchor(?:ed|s)?")
LEAD_JA = re.compile(r"主導|リード|筆頭|幹事")
# A departure that names no destination.
NO_DEST_EN = _en(
    r"without (?:naming|saying|disclosing|announcing|revealing|giving|specifying|a new|any new|"
    r"joining|going to|a next|an? (?:new )?(?:employer|job|destination))|no (?:new |next )?"
    r"(?:employer|destination|job)|(?:did not|didn't|has not|hasn't|have not|haven't) "
    r"(?:said|say|disclosed?|named?|announced?|revealed?|joined)|undisclosed (?:destination|"
    r"employer)|next move (?:unknown|undisclosed)"
)
NO_DEST_JA = re.compile(
    r"(?:移籍先|転職先|行き先|行先|次の(?:職|行き先|勤務先|所属)|新天地|去就|新しい所属)を?"
    r"(?:明かさ|公表せ|公表さ|発表せ|発表さ|示さ|言わ|明らかにせ|明らかにさ)(?:ず|ない)|"
    r"(?:移籍先|転職先|行き先|去就)(?:は|が)?(?:未定|不明|未公表|非公表|明らかになっていない)|明かさずに"
)
# "Which eight companies…", 「8社」: how many names the question expects.
EN_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
COUNT_ASKED_EN = _en(r"(?:which|what|the|all|name|list)\s+(?:the\s+)?(?P<n>\d{1,2}|two|three|four|"
                     r"five|six|seven|eight|nine|ten|eleven|twelve)\b")
COUNT_ASKED_JA = re.compile(r"(?P<n>\d{1,2}|[二三四五六七八九十]{1,2})(?:社|人|名|者|つ)")
LIST_ALL_EN = _en(r"all|every|full list|complete list|each of")
LIST_ALL_JA = re.compile(r"すべて|全て|全部|全社|一覧|漏れなく")
# A stake rather than control: "owns 10% of", "how much of X does Y own".
STAKE_OWN = _en(r"stake|per ?cent|percentage|share of|how much of|what part of|ownership")
# Present-tense questions about who holds a title ("Who is the CEO of…", 「…を務めるのは誰」).
HOLDER_EN = _en(r"who(?:'s| is| are)|who currently|who now|current|currently|serves? as|"
                r"who holds")
HOLDER_JA = re.compile(r"務め(?:る|ている)|現在の|今の|は誰|はだれ|はどなた")

STATUS_ACTIVE = re.compile(r"\b(?:still|currently|active|continu\w+)\b|継続|現在も|今も|いまも|まだ",
                           re.I)

# Places and their adjectives: they describe a company ("the Israeli startup Run:ai").
PLACE_WORDS = frozenset(
    """
    japan japanese china chinese us usa america american uk britain british europe european
    eu france french germany german korea korean india indian canada canadian israel u.s u.k
    e.u u.s.a israeli finland finnish sweden swedish norway norwegian denmark danish dutch
    netherlands switzerland swiss spain spanish italy italian ireland irish austria austrian
    poland polish taiwan taiwanese singapore singaporean australia australian brazil brazilian
    mexico mexican saudi arabia arabian emirati emirates uae qatar qatari abu dhabi dubai
    riyadh seoul osaka tokyo beijing london paris california toronto montreal vancouver
    berlin munich stockholm helsinki amsterdam zurich tel aviv seattle sunnyvale redmond
    cupertino shenzhen shanghai hangzhou bangalore mumbai delhi nordic silicon valley
    """.split()
)
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
    u.s. us-based federal government governments administration ministry regulator regulators
    """.split()
) | PLACE_WORDS
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
    アメリカ イギリス フランス ドイツ イタリア スペイン オランダ スイス スウェーデン ノルウェー
    フィンランド デンマーク イスラエル カナダ インド シンガポール オーストラリア ブラジル メキシコ
    サウジアラビア アラブ首長国連邦 カタール ロンドン パリ ベルリン トロント シアトル ニューヨーク
    シリコンバレー サンフランシスコ アジア ヨーロッパ アフリカ グローバル
    """.split()
)
JA_LATIN_COMMON = frozenset(
    "ai llm llms ceo cto cfo coo cpo arr gpu gpus ipo it dx saas api vc cvc m&a ma "
    "fy q1 q2 q3 q4 h1 h2 usd jpy ok pr".split()
)

# Governments as investors or customers: the name the extractor stores first, then the other
# spellings a knowledge base may hold.
GOVERNMENTS: dict[str, tuple[str, ...]] = {
    "U.S.": ("U.S. government", "US government", "United States government",
             "federal government", "米政府", "米国政府", "アメリカ政府", "米連邦政府"),
    "UK": ("UK government", "British government", "U.K. government", "英政府", "英国政府",
           "イギリス政府"),
    "Japanese": ("Japanese government", "Japan government", "日本政府"),
    "Chinese": ("Chinese government", "China government", "中国政府"),
    "French": ("French government", "France government", "仏政府", "フランス政府"),
    "German": ("German government", "Germany government", "独政府", "ドイツ政府"),
    "South Korean": ("South Korean government", "Korean government", "韓国政府"),
    "Canadian": ("Canadian government", "Canada government", "カナダ政府"),
    "Saudi": ("Saudi government", "サウジアラビア政府", "サウジ政府"),
    "Emirati": ("Emirati government", "UAE government", "アラブ首長国連邦政府", "UAE政府"),
    "Indian": ("Indian government", "India government", "インド政府"),
    "Taiwanese": ("Taiwanese government", "Taiwan government", "台湾政府"),
    "Singaporean": ("Singaporean government", "Singapore government", "シンガポール政府"),
    "Italian": ("Italian government", "Italy government", "イタリア政府"),
    "Spanish": ("Spanish government", "Spain government", "スペイン政府"),
    "Dutch": ("Dutch government", "Netherlands government", "オランダ政府"),
    "Israeli": ("Israeli government", "Israel government", "イスラエル政府"),
    "Australian": ("Australian government", "Australia government", "オーストラリア政府"),
}  # fmt: skip
GOVERNMENT_EN = re.compile(
    r"\b(?P<place>U\.S\.?|US|USA|United\s+States|American|federal|UK|U\.K\.?|British|"
    r"Britain|Japan(?:ese)?|China|Chinese|France|French|Germany|German|South\s+Korea(?:n)?|"
    r"Korea(?:n)?|Canada|Canadian|Saudi(?:\s+Arabia(?:n)?)?|Emirati|UAE|India|Indian|Taiwan(?:ese)?|"
    r"Singapore(?:an)?|Ital(?:y|ian)|Spain|Spanish|Dutch|Netherlands|Israel(?:i)?|"
    r"Australia(?:n)?)(?:['’]s)?\s+(?:federal\s+)?government\b",
    re.I,
)
GOVERNMENT_JA = re.compile(
    r"(?P<place>米国?|アメリカ|米連邦|英国?|イギリス|日本|中国|仏|フランス|独|ドイツ|韓国|カナダ|サウジ(?:アラビア)?|"
    r"UAE|アラブ首長国連邦|インド|台湾|シンガポール|イタリア|スペイン|オランダ|イスラエル|オーストラリア)政府"
)
