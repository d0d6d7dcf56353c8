"""Japanese entity mentions: the registry's, plus names recognised from their context.

Beyond the registry a sentence names people as katakana full names or kanji names followed
by 氏/さん/a title (ジャン・ルフェーブル氏, 孫正義会長), surnames (ワン氏), companies behind a
country prefix (米データブリックス), before 社 or a company word (ヴァイ・キャピタル), with a
corporate suffix (三菱UFJ銀行, 株式会社〜), and Latin-script names (Scale AI, Run:ai).
Back-references (同社, 同氏, 両社) are mentions whose name the discourse fills in.

Each mention also records what follows it: a title, a parenthetical gloss (Databricks,
旧フェイスブック, 現LINEヤフー) and the case particle that gives its role in the clause.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from newsbot.core.extract.ja_lex import (
    COMPANY_TAILS,
    COUNTRY_PREFIX,
    EXAMPLE_PARTICLES,
    GENERIC_KATA,
    GENERIC_TAIL,
    KANJI,
    KATA,
    LATIN_STOP,
    LIST_PARTICLES,
    NEW_NAME,
    OLD_NAME,
    PARTICLES,
    PERSON_TITLES,
    ROLE_WORDS,
)

PARTY_KINDS = frozenset(("company", "person", "unknown"))


@dataclass(slots=True)
class Ment:
    """One mention in a (folded) sentence: ``text[start:end]`` is the name itself."""

    start: int
    end: int
    surface: str
    name: str
    kind: str  # company | person | product | unknown
    known: bool = False
    source: str = "pattern"  # registry | pattern | anaphor | surname
    names: tuple[str, ...] = ()  # several names: 両社, 両氏
    title: str = ""
    paren: str = ""
    particle: str = ""
    pend: int = 0
    prefix: str = ""
    quoted: bool = False
    lp: str = ""  # the particle of the list the mention ends, or its own
    list_id: int = -1
    role: str = ""
    entry: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The name, or every name of a group mention; empty when unresolved."""
        if self.names:
            return self.names
        return (self.name,) if self.name else ()

    @property
    def is_party(self) -> bool:
        """A company, a person or an unclassified name: something that can act."""
        return self.kind in PARTY_KINDS and not self.quoted


@dataclass(frozen=True, slots=True)
class Quote:
    """A 「…」 span: ``name`` is its content without a reading in parentheses."""

    start: int
    end: int
    name: str
    particle: str
    pend: int


_K = KATA
KANJI_CHARS = frozenset(chr(c) for c in range(0x4E00, 0x9FFF + 1)) | frozenset("々〆ヵヶ")
_KATA_NAME = rf"[{_K}]+(?:[・=＝][{_K}]+)+"
_PERSON_FULL = re.compile(
    rf"(?<![{_K}・=＝])(?P<n>{_KATA_NAME})(?=\s?(?:\([^()]{{1,30}}\))?\s?(?:{PERSON_TITLES}))"
)
_SURNAME = re.compile(
    rf"(?<![{_K}・=＝])(?P<n>[{_K}]{{2,}})(?=\s?(?:\([^()]{{1,30}}\))?(?:氏|さん))"
)
_KANJI_PERSON = re.compile(
    rf"(?<![{KANJI}])(?P<n>[{KANJI}]{{1,4}} [{KANJI}]{{1,3}}(?=氏|さん)|[{KANJI}]{{1,5}}?)"
    rf"(?=\s?(?:\([^()]{{1,30}}\))?(?:{PERSON_TITLES}))"
)
# A name without honorific, as press releases write their own staff: 山本花子が取締役CTOに就任.
_APPOINTED = re.compile(
    rf"(?<![{KANJI}])(?P<n>[{KANJI}]{{3,5}}|[{KANJI}]{{1,3}} [{KANJI}]{{1,3}}|[{_K}]+(?:[・=][{_K}]+)+)"
    rf"(?:が|は)[^、。]{{0,16}}?"
    rf"(?:{ROLE_WORDS})(?:\s?\([^()]{{1,12}}\))?(?:に|として)(?:就任|着任|昇格|昇任|選任)"
)
# A press release names its own officer by post: 代表取締役会長の渡辺修は、…退任いたします.
_POSTED_NAME = re.compile(
    rf"(?:{ROLE_WORDS})の(?P<n>[{KANJI}]{{3,5}})(?=(?:が|は|も)[^。]*"
    r"(?:退任|就任|辞任|退社|退職|昇格|昇任|着任|異動|選任))"
)
# A cleft naming the appointee: 社長に就任するのは、…を務める山本浩です.
_CLEFT_NAME = re.compile(
    rf"(?:就任|昇格|昇任|就く|着任|選任)(?:する|した)?のは、?[^。]{{0,40}}?(?<=[のるた、])"
    rf"(?P<n>[{KANJI}]{{3,5}})(?=(?:氏)?(?:です|だ|である|となる))"
)
_KANJI_NOT_NAME = re.compile(
    r"^[同両各当本自前元新現故副旧総代全他初次後歴共].?$|[社部省庁局府院団課室員会議所業界者隊軍党"
    r"役職任務営術究発策統括担当政席定副級]|大学|学院|学部"
)
PLACES = (
    "東京|大阪|京都|福岡|名古屋|札幌|横浜|神戸|仙台|国内|日本|米国|英国|中国|韓国|台湾|インド|"
    "イスラエル|カナダ|フランス|ドイツ|パリ|ロンドン|ベルリン|シリコンバレー|シンガポール"
)
_LATIN_TAIL = r"(?:・?[A-Z][A-Za-z0-9]{0,3}(?![A-Za-z]))?"
_PREFIXED_KATA = re.compile(
    rf"(?<![{KANJI}{_K}])[{COUNTRY_PREFIX}](?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]+(?:[・=][{_K}]+)*{_LATIN_TAIL})"
)
_TAILED_KATA = re.compile(
    rf"(?<![{_K}・A-Za-z0-9&])(?P<n>(?:[{_K}A-Za-z]+&)?(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]*(?:・[{_K}]+)*"
    rf"(?:(?<=[{_K}])[0-9]{{1,3}})?・?(?:{COMPANY_TAILS}))(?![{_K}])"
    rf"|(?<![{_K}・])(?P<h>[{_K}]{{2,}}(?:・[{_K}]+)*HD)(?![A-Za-z])"
)
_CUED_KATA = re.compile(
    rf"(?:(?:スタートアップ|新興企業|新興|新会社|子会社|傘下|投資会社|VC|ファンド|開発|運営|提供|企業|"
    rf"会社|大手|メーカー|ベンチャー)(?:の|、)?|(?:{PLACES})の|(?:設立|発足|創業)(?:し|され)た)"
    rf"(?P<n>[{_K}]{{2,}}(?:・[{_K}]+)*{_LATIN_TAIL})(?![{_K}])"
)
# A katakana word after the field it works in, as the topic or subject: 物流AIのハコビヤは,
# AI創薬のソラリスバイオが (a field of AI or tech names what a company does).
_FIELD_KATA = re.compile(
    rf"(?:[{KANJI}]{{1,6}}(?:AI|テック|アプリ)|AI[{KANJI}]{{1,4}})の"
    rf"(?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]{{2,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    rf"(?=\s?(?:\([^()]{{1,30}}\))?(?:は|が|も|、))"
)
# A bare katakana word in the slot of a deal verb (ソラトビを買収, ソラトビは…を公開): a name.
_DEAL_WORDS = r"買収|出資|投資|提携|子会社化|傘下|調達|設立|協業|ライセンス|合併|創業|移籍|入社|退社|就任|主導"
_SLOT_HINT = re.compile(rf"{_DEAL_WORDS}|公開|発表|発売|リリース|提供|締結|導入|採用|契約")
# What a vendor sells that a customer brings in (ハコビヤのシステムを導入): its maker is a company.
_OFFERINGS = (
    r"システム|サービス|ソリューション|プラットフォーム|ソフトウェア|ソフトウエア|ツール|AI|"
    r"技術|製品|モデル|エージェント|チャットボット"
)
_HAS_LATIN = re.compile(r"[A-Za-z]")
_SLOT_KATA = re.compile(
    rf"(?<![{_K}・A-Za-z{KANJI}])(?P<n>(?:[{KANJI}]{{2,3}})?[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    rf"(?=(?:\([^()]{{1,20}}\))?(?:は|が|も)[^。]{{0,40}}?(?:{_DEAL_WORDS}|公開|発表|発売|リリース|提供を開始|"
    rf"締結|導入し|導入を|採用し|契約を結)"
    rf"|(?:を|に|と|から)[^。、]{{0,16}}?(?:{_DEAL_WORDS})|の(?:株式|全株|買収|子会社化|CEO|社長|創業)"
    rf"|との?[^。、をがは]{{0,10}}?契約|の(?:{_OFFERINGS})(?:を(?:導入|採用)|の?(?:ライセンス|使用許諾))"
    rf"|、[^。]{{0,40}}?(?:{_DEAL_WORDS}|公開|発表|発売|リリース|提供を?開始)(?=$|\s))"
)
# A katakana name said to be a company: ミライAIは東京のスタートアップだ.
_COPULA_KATA = re.compile(
    rf"(?:^|(?<=[、\s]))(?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]{{2,}}(?:・[{_K}]+)*(?:・?[A-Z][A-Za-z0-9]{{0,3}})?)"
    rf"(?=(?:\([^()]{{1,30}}\))?(?:は|とは)、?[^。]{{0,24}}?(?:スタートアップ|新興企業|新興|企業|会社|"
    rf"ベンチャー|ユニコーン)(?:だ|です|である|で、|。|$))"
)
# A katakana word glossed with a Latin name: アディション（Addition）, a name whatever it says.
_GLOSSED_KATA = re.compile(
    rf"(?<![{_K}・A-Za-z])(?P<n>[{_K}]{{2,}}(?:・[{_K}]+)*)(?=\s?\((?:[A-Z][A-Za-z0-9.&'\-]*)"
    rf"(?:\s[A-Za-z0-9.&'\-]+){{0,4}}\))"
)
# A katakana word given as an example of companies: イオンリテールをはじめとする大手小売企業.
_EXAMPLE_KATA = re.compile(
    rf"(?<![{_K}・])(?P<n>[{_K}]{{3,}}(?:・[{_K}]+)*)(?=(?:をはじめ(?:とする)?|などの|といった)、?"
    rf"[^。、]{{0,10}}?(?:企業|会社|各社|メーカー|銀行|事業者|顧客|取引先))"
)
_SHA_KATA = re.compile(
    rf"(?<![{_K}・])(?P<n>[{_K}]{{2,}}(?:・[{_K}]+)*)(?=社(?!長|員|内|会|外|名|是|風|屋|債|宅|交|説|印|製|独|団|屋))"
)
# A katakana name written onto its leader's post: ハコビテック代表の鈴木, ミナモAI創業者.
_LEADER_KATA = re.compile(
    rf"(?<![{_K}・])(?P<n>[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    rf"(?=(?:代表取締役|代表|共同創業者|創業者|CEO|CTO|社長)(?:の|・|兼|、|で|は|\)|\s|$)"
    rf"|[、の][{_K}・{KANJI}]{{2,12}}?(?:代表取締役|代表|共同創業者|創業者|CEO|社長)(?:に聞く|インタビュー|が語る))"
)
# A katakana name with its stock listing (ヒカリエッジ（東証グロース）, (東証プライム：4011)), or
# after what it makes or runs (AI-OCRを手がけるヒカリエッジは), or owning a site where things
# run (アスクルの物流センターで): a company.
_LISTED_KATA = re.compile(
    rf"(?<![{_K}・A-Za-z])(?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    r"(?=\((?:東証|名証|札証|福証|JASDAQ|マザーズ|東京証券取引所|証券コード|コード)[^()]{0,16}\))"
)
_MAKER_KATA = re.compile(
    rf"(?:手がけ|手掛け|開発す|運営す|提供す|展開す|製造す)る"
    rf"(?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    rf"(?=\s?(?:\([^()]{{1,30}}\))?(?:は|が|も|、))"
)
_SITE_KATA = re.compile(
    rf"(?<![{_K}・A-Za-z])(?P<n>[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    r"(?=の(?:物流センター|物流拠点|配送センター|工場|倉庫|店舗|データセンター|コールセンター|支店)"
    r"(?:で|に|へ|や|など))"
)
# A katakana name followed by a unit only companies have: ウエスタンデジタルの日本法人.
_BRANCH_KATA = re.compile(
    rf"(?<![{_K}・])(?P<n>[{_K}]{{3,}}(?:・[{_K}]+)*)(?=の?(?:日本法人|米国法人|日本支社|本社|出身))"
)
# A roundup's heading or item that is only a name (■メディカルノード（医療AI）, 【ハコブネ】,
# 1. クラウドリーフ：…): the company the item is about. Not ▽, which opens a 人事 line.
_LINE_MARK = r"(?:[■□●○◆◇▲△★☆◎]\s?|【|(?:\d{1,2}|[①-⑳])[.)．、]?\s?)?"
_NAME_LINE = re.compile(
    rf"^\s?{_LINE_MARK}(?P<n>(?:[A-Za-z][A-Za-z0-9]*)?[{_K}]{{3,}}(?:・[{_K}]+)*{_LATIN_TAIL})"
    rf"(?=\s?(?:\((?P<d>[^()]{{1,24}})\))?\s?(?:】|:|\s|$))"
)
_CORP_WORDS = (
    r"(?:銀行|証券|證券|商事|物産|電機|電気|製作所|自動車|工業|重工業|重工|化学|製薬|生命|保険|"
    r"電信電話|ホールディングス|大学|研究所|信託|航空|鉄道|運輸|通運|電力|ガス|建設|不動産|新聞社|年金基金|"
    r"投資基金|基金|投資公社|公社|公庫|信用金庫|信用組合|協同組合|投資庁|投資委員会|"
    # 中小企業基盤整備機構, not a mechanism (自己注意機構, 安全機構)
    r"(?<!注意|安全|制御|認証|推論|記憶|防御|監視|冷却|駆動|報酬|検索|学習|評価|暗号|調整)機構)"
)
_CORP_END = re.compile(rf"[{KANJI}]{_CORP_WORDS}$")
_CORP_SUFFIXED = re.compile(
    rf"(?<![{KANJI}{_K}A-Za-z0-9&])・?(?P<n>[{KANJI}{_K}A-Za-z0-9&][{KANJI}{_K}A-Za-z0-9&・]{{0,15}}?{_CORP_WORDS})"
)
# Words that end a maker's name only when the name ends there: 東光精機は, アルファ光学も
# (精密機器, 電子部品 and 光学系 are none; a kanji head is no name before の: 量子光学の研究).
_MAKER_WORDS = (
    r"(?:精機|精工|精密|光学|電子|技研|興業|工機|電工|化成|製鋼|製紙|食品|薬品|海運|紡績|商会|通商)"
)
_MAKER_NAMED = re.compile(
    rf"(?<![{KANJI}{_K}A-Za-z0-9&])・?(?P<n>(?:(?P<k>[{KANJI}]{{2,4}})|[{_K}]{{2,}}(?:・[{_K}]+)*)"
    rf"{_MAKER_WORDS})(?![{KANJI}{_K}])(?(k)(?!の))"
)
_HIRAGANA_CORP = re.compile(
    r"(?:(?<=[のとはがをにやも])|(?<![ぁ-ゖ]))(?P<n>[ぁ-ゖ]{2,5}(?:銀行|証券|生命|信託銀行|フィナンシャルグループ|"
    rf"{COMPANY_TAILS}))"
)
_GENERIC_CORP_HEAD = re.compile(
    rf"^[{COUNTRY_PREFIX}]?(?:大手|地方|中央|国内|海外|外資|政府系|民間|各|同|複数|主要|有力|日本|米国|"
    r"中国|欧州|メガ|邦|都市|ネット|信託|投資|国立|私立|公立|公的|国営|国有|官民|一部|他|当|本|自|前|"
    r"新|旧|全|系)"
)
_KABU = re.compile(
    rf"株式会社(?P<a>[{KANJI}{_K}A-Za-z0-9・&]{{1,15}})|(?P<b>[{KANJI}{_K}A-Za-z0-9・&]{{1,15}})株式会社"
    rf"|\(株\)(?P<c>[{KANJI}{_K}A-Za-z0-9・&]{{1,15}})"
)
_LATIN_TOKEN_REST = r"[A-Za-z0-9]*(?:[.&'+\-][A-Za-z0-9]+|:[A-Za-z][A-Za-z0-9]*)*"
_LATIN_TOKEN = rf"[A-Za-z]{_LATIN_TOKEN_REST}"
# (the name's first letter opens the pattern, so the engine skips to Latin letters; the
# lookbehind after it looks at the character before that letter)
_LATIN = re.compile(
    rf"(?P<n>[A-Za-z](?<![A-Za-z0-9.:\-](?s:.)){_LATIN_TOKEN_REST}"
    rf"(?:\s(?:[A-Z0-9][A-Za-z0-9]*(?:[.&'+\-][A-Za-z0-9]+)*|&))*)"
)
_ANAPHOR = re.compile(
    r"同社|当社|弊社|同グループ|同行|同氏|両社|両氏|両者|3社|三社|同大学|同研究所|同ファンド|同局"
    r"|(?:私たち|わたしたち|私ども|我々|われわれ)(?=は|が|の|も|に|を|で|と|、)|うちの会社"
    r"|(?<![^\s、。「])(?:私|僕|わたし)(?=は|が|も)"
    r"|同(?:スタートアップ|新興|ベンチャー|企業)(?=の|は|が|に|を|で|も|と)"
    r"|(?:その|この)(?:会社|スタートアップ|新興企業)(?=の|は|が|に|を|で|も|と)"
    r"|同(?:CEO|CTO|COO|CFO|社長|会長|副社長|代表|教授)(?=の|は|が|に|を|で|も|と|、)"
    r"|(?<![^\s、。はがをにでの「])(?:新組織|新会社|新法人|合弁会社|同組織|新部門)(?=の|は|が|に|を|で|も)"
)
_QUOTE = re.compile(r"[「『](?P<q>[^「」『』]{1,60})[」』]")
_QUOTE_READING = re.compile(r"\s?[(（][^()（）]*[)）]\s?$")
_ROLE_BEFORE = re.compile(
    rf"(?P<r>{ROLE_WORDS})(?:\([^()]{{1,20}}\))?(?:の|である|で|だった|を務めていた|を務めた|を務める)$"
)
_AFTER_COMPANY = re.compile(
    r"ホールディングス|HD|グループ|合同会社|株式会社|有限会社|\(株\)|(?P<arm>日本法人)"
    r"|(?:さん|様)(?=[はがもにをのとで、])"
    r"|社(?!長|員|内|会|外|名|是|風|屋|債|宅|交|説|印|製|独|団)"
)
_AFTER_TITLE = re.compile(rf"\s?(?P<t>(?:{PERSON_TITLES})(?:兼(?:{ROLE_WORDS}))*)")
_VERSION = re.compile(
    r"(?:[\s-]?(?:\d{1,2}(?:\.\d+)*[a-z]?(?![\d年月日億万兆%])|Pro|Ultra|Flash|Mini|mini|Turbo|Max|Plus|Nano|Lite|"
    r"Opus|Sonnet|Haiku|Instruct|Chat|Vision|Omni))+(?![A-Za-z])"
)
_PAREN = re.compile(r"\s?\((?P<p>[^()]{1,60})\)")
_PLURAL = re.compile(
    r"(?:など|ら|の)(?:計|合計)?(?:\d+|[二三四五六七八九十]+)(?:社|人)(?![長員内会外])"
    r"|ら(?![れし])|など"
)
_PARTICLE = re.compile(
    rf"(?P<p>に至っては|を通じて|を通し|を使って|をベースに|を基に|をもとに|を土台に|を含む|を含め|"
    rf"{PARTICLES})(?P<c>、)?"
)
_PERSON_ANAPHORS = frozenset(
    (
        "同氏",
        "両氏",
        "私",
        "僕",
        "わたし",
        *(f"同{t}" for t in "CEO CTO COO CFO 社長 会長 副社長 代表 教授".split()),
    )
)
_GROUP_ANAPHORS = frozenset(("両社", "両者", "3社", "三社", "両氏"))
# (single characters as alternatives, not a class: every alternative then opens with a
# literal and the engine skips to the characters that can begin one)
_ANAPHOR_HINT = re.compile(r"同|当|弊|両|新|合|私|我|3社|三社|その|この|わたし|われわれ|うちの")
NEW_ORG_ANAPHORS = frozenset(("新組織", "新会社", "新法人", "合弁会社", "同組織", "新部門"))


_DEFINED = re.compile(r"以下[、,]?\s*[「『\"]?(?P<a>[^」』\"、,)]{1,20})")


class Learned:
    """Names an article has introduced (by context) for its later sentences."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, str]] = {}
        self.surnames: dict[str, str] = {}
        self._rx: re.Pattern[str] | None = None

    def learn(self, ments: list[Ment]) -> None:
        """Remember pattern-recognised company and person names of one sentence, and the
        short names a company gives itself (株式会社ソラトビ（以下「ソラトビ」）)."""
        for m in ments:
            if m.quoted or m.kind not in ("company", "person", "unknown"):
                continue
            short = _DEFINED.search(m.paren)
            if short and m.name:
                self.add(
                    short.group("a").strip(), m.name, "company" if m.kind == "unknown" else m.kind
                )
            for alias in m.extra.get("aliases", ()):
                self.add(alias, m.name, "company")
            if m.kind == "person" and re.fullmatch(rf"[{KANJI}]{{1,2}}", m.name):
                continue  # 小池氏: a surname, resolved against the full name when it comes
            if m.source in ("pattern", "learned") and m.kind in ("company", "person"):
                self.add(m.surface, m.name, m.kind)
                if m.name in m.surface:
                    self.add(m.name, m.name, m.kind)
                for head in {m.name.split("・")[0], m.surface.split("・")[0]}:
                    if (
                        m.kind == "company"
                        and head not in (m.name, m.surface)
                        and len(head) >= 3
                        and not _generic_kata(head)
                    ):
                        self.add(head, m.name, m.kind)  # アルテア for アルテア・エンジニアリング
            if m.kind == "person" and re.fullmatch(rf"[{KANJI}]{{4,5}}", m.surface):
                self.surnames.update({m.surface[:2]: m.name, m.surface[:3]: m.name})
                self._rx = None
            elif m.kind == "person" and re.fullmatch(rf"[{KANJI}]{{3}}", m.surface):
                self.surnames.setdefault(m.surface[:2], m.name)  # 佐野亮さん, then 佐野：…
                self._rx = None

    def add(self, surface: str, name: str, kind: str) -> None:
        """Learn one name; a gloss (キャップジェミニ（Capgemini）) names a surface learned bare
        before (キャップジェミニ in the title)."""
        known = self.names.get(surface)
        if len(surface) >= 2 and (known is None or (known[0] == surface != name)):
            self.names[surface] = (name, kind)
            self._rx = None

    def find(self, text: str) -> list[Ment]:
        """Where the learned names occur in ``text``."""
        if not self.names and not self.surnames:
            return []
        if self._rx is None:
            words = sorted(self.names, key=len, reverse=True)
            bare = sorted(self.surnames, key=len, reverse=True)
            self._rx = re.compile(
                "|".join(
                    [re.escape(w) for w in words]
                    + [
                        rf"{re.escape(w)}(?=氏|さん|は|が|も|の|と|:)"
                        for w in bare
                        if w not in self.names
                    ]
                )
            )
        found = []
        for m in self._rx.finditer(text):
            if _inside_word(text, m.start(), m.end()) or _inside_kanji(text, m.start(), m.end()):
                continue
            name, kind = self.names.get(m.group()) or (self.surnames[m.group()], "person")
            if kind == "person" and _name_goes_on(text, m.start(), m.end()):
                continue  # 小池 (a surname seen alone) in 小池淳義: a longer name
            found.append(Ment(m.start(), m.end(), m.group(), name, kind, False, "learned"))
        return found


def find_quotes(text: str) -> list[Quote]:
    """Every 「…」/『…』 span with the particle after it."""
    quotes = []
    for m in _QUOTE.finditer(text):
        name = _QUOTE_READING.sub("", m.group("q")).strip()
        particle, pend = read_particle(text, m.end())
        quotes.append(Quote(m.start(), m.end(), name, particle, pend))
    return quotes


def read_particle(text: str, pos: int) -> tuple[str, int]:
    """The particle at ``pos`` (after an optional ら/など) and where it ends; after など a
    short noun may come first (コボなど海外企業を)."""
    plural = _PLURAL.match(text, pos)
    at = plural.end() if plural else pos
    m = _PARTICLE.match(text, at)
    if not m and plural and plural.group().startswith(("など", "ら")):
        noun = _EXAMPLE_NOUN.match(text, at)
        m = _PARTICLE.match(text, noun.end()) if noun else None
    if not m:
        return ("ら" if plural else ""), at
    return m.group("p"), m.end()


_EXAMPLE_NOUN = re.compile(r"(?:の)?[^\sぁ-ゖ、。「」]{1,10}?(?=[はがをにもとの])")


def find_mentions(
    text: str,
    registry: Any,
    learned: Learned | None = None,
    quotes: list[Quote] | None = None,
) -> list[Ment]:
    """Every entity mention of one folded sentence, left to right, without overlaps.

    ``learned`` holds names recognised from context earlier in the article: ソラトビ, once
    seen as 東京のソラトビ, is a company in every later sentence too.
    """
    quotes = find_quotes(text) if quotes is None else quotes
    taken = bytearray(len(text))
    found: list[Ment] = []
    _add_free(taken, found, _org_quotes(text, registry))
    _add_free(taken, found, _local_arms(text, registry))
    if "(" in text:
        _add_free(taken, found, _read_glossed(text, registry))
    _add_free(taken, found, _registry_mentions(text, registry))
    if learned is not None:
        _add_free(taken, found, learned.find(text))
    for finder in _FINDERS:
        _add_free(taken, found, finder(text, registry))
    found.sort(key=lambda m: m.start)
    for m in found:
        _finish(text, m, quotes, registry)
    found = _drop_places(text, _drop_descriptors(_drop_glosses(found)))
    members = _list_members(text, found, registry)
    if members:
        for m in members:
            _finish(text, m, quotes, registry)
        found = sorted(found + members, key=lambda m: m.start)
    link_lists(text, found)
    return found


def _finish(text: str, m: Ment, quotes: list[Quote], registry: Any) -> None:
    if quotes and "org_quote" not in m.extra:
        m.quoted = any(q.start < m.start and m.end < q.end for q in quotes)
    if m.kind == "company" and _NEW_ORG_BEFORE.search(text, max(0, m.start - 8), m.start):
        m.extra["new_org"] = True
    if m.kind == "person" and _FELLOW_BEFORE.search(text, max(0, m.start - 6), m.start):
        m.extra["fellow"] = True  # 同期の田村さん: a colleague of the one telling the story
    _absorb_prefix(text, m)
    _read_after(text, m, registry)
    if "org_quote" in m.extra and text.startswith("」", m.end):
        m.particle, m.pend = read_particle(text, m.end + 1)
        m.lp = m.particle
    if not m.particle and m.start - len(m.prefix) <= 1 and text.startswith(":", m.pend):
        m.particle = m.lp = "は"  # Poolside：5億ドルを調達 (a colon marks the topic)
    if not m.particle and m.kind == "company" and _opens_line(text, m):
        m.particle = m.lp = "は"  # ■メディカルノード（医療AI）: what the item is about


def _opens_line(text: str, m: Ment) -> bool:
    """The name is the whole heading or item line (after its mark, before a description)."""
    line = _line_name(text)
    return line is not None and line.start("n") == m.start and line.end("n") == m.end


ORG_CUE = r"(?:新組織|新会社|新法人|合弁会社|子会社|新部門|日本法人|研究所|研究組織|組織|部門)"
_ORG_QUOTE = re.compile(
    rf"{ORG_CUE}(?:の名称は|名は|として|の)?[「『](?P<n>[^「」『』]{{2,44}})[」』]"
)
_ORG_CUE_BEFORE = re.compile(rf"{ORG_CUE}(?:の名称は|名は|として|の)?$")
_NEW_ORG_BEFORE = re.compile(
    r"(?:新組織|新会社|新法人|合弁会社|新部門)(?:[「『]|、|として|は|の)?$"
)
_ALIAS_PAREN = re.compile(r"^(?P<a>[^()]+?)\s?\((?P<b>[^()]+)\)$")


def alias_quote(text: str, start: int) -> bool:
    """The quote at ``start`` defines a short name (株式会社X（以下「当社」）, 「P」（以下「本製品」）):
    another name of what was just named, never a name of its own."""
    return _ALIAS_BEFORE.search(text, max(0, start - 5), start) is not None


_ALIAS_BEFORE = re.compile(r"以下[、,]?\s?$")
# What a company calls itself; no quote of these names a product (以下「当社」, 「弊社」は).
SELF_NAMES = frozenset(
    "当社 弊社 同社 自社 本社 当行 弊行 当グループ 弊グループ 本製品 本サービス".split()
)


def org_quote(text: str, start: int) -> bool:
    """The quote at ``start`` names an organisation (新組織「…」), not a product."""
    return bool(_ORG_CUE_BEFORE.search(text, max(0, start - 10), start))


def _org_quotes(text: str, registry: Any) -> list[Ment]:
    """新組織「Google DeepMind」, 合弁会社「SB OpenAI Japan」: a company named in quotes."""
    found: list[Ment] = []
    if "「" not in text and "『" not in text:
        return found
    for m in _ORG_QUOTE.finditer(text):
        name = m.group("n").strip()
        names = _ALIAS_PAREN.match(name)
        if names is not None:  # 『Google DeepMind（グーグル・ディープマインド）』: one entity
            a, b = names.group("a").strip(), names.group("b").strip()
            name = b if lookup(registry, a) is None and lookup(registry, b) is not None else a
        ment = _span(m.start("n"), m.end("n"), text, name, "company", registry)
        ment.extra["org_quote"] = True
        if names is not None:
            ment.extra["aliases"] = (names.group("a").strip(), names.group("b").strip())
        found.append(ment)
    return found


_LIST_SEP = re.compile(r"、|と(?!して|の間)|や|および|及び|のほか|ほか")
_MEMBER = re.compile(
    rf"(?P<n>[{_K}]{{2,}}(?:・[{_K}]+)*|[A-Za-z][A-Za-z0-9.&\-]*[A-Za-z0-9](?:\s[A-Z][A-Za-z0-9]*)*"
    rf"|[{KANJI}]{{2,6}})(?=(?P<s>、|と(?!して|の間)|や|および|及び)"
    rf"|(?P<e>(?:の|など|ら)(?:計)?\d+社|など|ら|が|は|も|から|を|に))"
)


def _list_members(text: str, found: list[Ment], registry: Any) -> list[Ment]:
    """Unknown names coordinated with companies (トヨタ自動車、デンソー、NECの3社): companies."""
    out: list[Ment] = []
    for i, a in enumerate(found):
        if a.kind != "company" or a.quoted or not _LIST_SEP.fullmatch(a.particle):
            continue
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        pos = a.pend
        while pos < limit:
            m = _MEMBER.match(text, pos)
            if m is None or m.end() > limit or not _member_name(m):
                break
            out.append(_span(m.start("n"), m.end("n"), text, m.group("n"), "company", registry))
            if m.group("e") is not None:
                break
            pos = m.end() + len(m.group("s"))
    return out


def _member_name(m: re.Match[str]) -> bool:
    name = m.group("n")
    if name[0] in KANJI_CHARS:
        return m.group("s") is not None and not _KANJI_NOT_NAME.search(name)
    if name.isascii():
        return name.casefold() not in LATIN_STOP
    return not _generic_kata(name)


def _add_free(taken: bytearray, kept: list[Ment], new: list[Ment]) -> None:
    """Keep the new mentions that overlap none kept so far (longest first at a position)."""
    if len(new) > 1:
        new.sort(key=lambda m: (m.start, -(m.end - m.start)))
    for m in new:
        if taken.find(1, m.start, m.end) < 0:
            kept.append(m)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)


def _registry_mentions(text: str, registry: Any) -> list[Ment]:
    found = []
    for r in registry.find_mentions(text):
        entry = r.entry
        kind = _kind_of(entry)
        ment = Ment(r.start, r.end, r.surface, entry.name, kind, True, "registry", entry=entry)
        unit = _unit_of(text, ment, registry)
        if unit is ment and _inside_word(text, r.start, r.end):
            continue  # メタ in メタデータ, unless a unit's name (ソニーコンピュータサイエンス研究所)
        found.append(unit)
    return found


# A country arm written onto a known company's name, counted as the company itself.
_LOCAL_ARM = re.compile(rf"(?<![{_K}ー・])(?P<n>[{_K}ー・]{{2,}}?)・?ジャパン(?![{_K}ー])")


def _local_arms(text: str, registry: Any) -> list[Ment]:
    """アマゾンジャパン, グーグル・ジャパン: the known company itself."""
    if "ジャパン" not in text:
        return []
    found = []
    for m in _LOCAL_ARM.finditer(text):
        entry = lookup(registry, m.group("n"))
        if entry is not None and _kind_of(entry) == "company":
            found.append(
                Ment(
                    m.start(),
                    m.end(),
                    m.group(),
                    entry.name,
                    "company",
                    True,
                    "registry",
                    entry=entry,
                )
            )
    return found


_UNIT_TAIL = re.compile(
    rf"(?:AI|[A-Z]{{2,4}})?・?(?:[{_K}]{{2,}}・?)*(?:{COMPANY_TAILS}|研究所|ラボ)(?![{_K}])"
    rf"|AI(?![A-Za-z0-9])"
)
_BARE_TAILS = frozenset(("グループ", "ホールディングス", "ホールディング", "HD"))


def _unit_of(text: str, m: Ment, registry: Any) -> Ment:
    """A company's named unit written onto its name (ソニーAI, 富士通AI研究所): its own name."""
    if m.kind != "company":
        return m
    tail = _UNIT_TAIL.match(text, m.end)
    if tail is None or tail.group().strip("・") in _BARE_TAILS:
        return m
    surface = text[m.start : tail.end()]
    unit = _span(m.start, tail.end(), text, surface, "company", registry)
    if not unit.known:
        unit.extra["parent"] = m.name
    return unit


def _kind_of(entry: Any) -> str:
    kind = str(getattr(entry, "kind", "company") or "company")
    return kind if kind in ("person", "product") else "company"


def _inside_word(text: str, start: int, end: int) -> bool:
    """A katakana or Latin alias found inside a longer word (メタ in メタデータ)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    first, last = text[start], text[end - 1]
    if _is_kata(last) and (_is_kata(after) or after == "ー"):
        return True
    if _is_kata(last) and after == "・" and _is_kata(text[end + 1 : end + 2]):
        return True
    if _is_kata(first) and _is_kata(before) and before not in COUNTRY_PREFIX:
        return True
    if last.isascii() and last.isalnum() and after.isascii() and after.isalnum():
        return True
    return bool(first.isascii() and first.isalnum() and before.isascii() and before.isalnum())


def _inside_kanji(text: str, start: int, end: int) -> bool:
    """A kanji name that is part of a longer kanji word."""
    before = text[start - 1] if start > 0 else ""
    return "一" <= text[start] <= "鿿" and "一" <= before <= "鿿"


_NAME_GOES_ON = re.compile(rf"(?!{PERSON_TITLES}|{ROLE_WORDS}|[元前現])[{KANJI}]")


def _name_goes_on(text: str, start: int, end: int) -> bool:
    """A kanji name followed by more kanji that is no title: the start of a longer name."""
    return text[end - 1] in KANJI_CHARS and _NAME_GOES_ON.match(text, end) is not None


def _is_kata(ch: str) -> bool:
    return bool(ch) and ("ァ" <= ch <= "ヺ" or ch == "ー")


_TITLE_HINT = re.compile(rf"氏|さん|様|就任|着任|昇格|昇任|選任|{PERSON_TITLES}")
_SUFFIX_HINT = re.compile(
    r"銀行|証券|商事|物産|電機|電気|製作所|自動車|工業|重工|化学|製薬|生命|保険|電話|大学|研究所|信託|航空|"
    r"鉄道|運輸|通運|電力|ガス|建設|不動産|新聞社|ホールディングス|基金|公社|公庫|金庫|組合|機構|投資庁|"
    r"投資委員会|"
    r"精機|精工|精密|光学|電子|技研|興業|工機|電工|化成|製鋼|製紙|食品|薬品|海運|紡績|商会|通商"
)
_HIRAGANA_HINT = re.compile(
    r"[ぁ-ゖ](?:銀行|証券|生命|信託|フィナンシャル|ホールディングス|グループ)"
)
# Each finder with its hint, a quick search that must succeed before the finder runs.
# A hint's alternatives all open with a literal (HD(?<=[ァ-ヺー]HD), not [ァ-ヺー]HD), so
# the engine skips straight to the characters that can begin one.
_KATA_COMPANIES = (
    (_PREFIXED_KATA, re.compile(rf"[{COUNTRY_PREFIX}][{_K}A-Za-z]")),
    (_TAILED_KATA, re.compile(rf"{COMPANY_TAILS}|HD(?<=[{_K}]HD)")),
    (
        _CUED_KATA,
        re.compile(
            rf"(?:スタートアップ|新興|新会社|子会社|傘下|投資会社|VC|ファンド|開発|運営|提供|企業|"
            rf"会社|大手|メーカー|ベンチャー|{PLACES}|"
            rf"立(?:し|され)た|足(?:し|され)た|業(?:し|され)た)の?、?[{_K}]"
        ),
    ),
    (_SHA_KATA, re.compile(rf"[{_K}]社")),
    (_FIELD_KATA, re.compile(rf"AIの|テックの|アプリの|AI[{KANJI}]")),
    (_GLOSSED_KATA, re.compile(rf"[{_K}]\s?\([A-Z]")),
    (
        _COPULA_KATA,
        re.compile(
            r"(?:スタートアップ|新興|企業|会社|ベンチャー|ユニコーン)(?:だ|です|である|で、|。|$)"
        ),
    ),
    (_BRANCH_KATA, re.compile(rf"[{_K}]の?(?:日本法人|米国法人|日本支社|本社|出身)")),
    (
        _LISTED_KATA,
        re.compile(r"\((?:東証|名証|札証|福証|JASDAQ|マザーズ|東京証券|証券コード|コード)"),
    ),
    (_MAKER_KATA, re.compile(r"手がける|手掛ける|開発する|運営する|提供する|展開する|製造する")),
    (
        _SITE_KATA,
        re.compile(r"の物流|の配送|の工場|の倉庫|の店舗|のデータセンター|のコールセンター|の支店"),
    ),
    (_EXAMPLE_KATA, re.compile(r"をはじめ|などの|といった")),
    (
        _LEADER_KATA,
        re.compile(  # a title after a name (ソラトビ代表), or an interview (代表に聞く)
            "|".join(
                [
                    rf"{t}(?<=[{_K}A-Z]{t})"
                    for t in ("代表", "共同創業者", "創業者", "CEO", "CTO", "社長")
                ]
                + [f"{t}(?:に聞く|インタビュー|が語る)" for t in ("代表", "創業者", "CEO", "社長")]
            )
        ),
    ),
)


# Finders whose context says the word is a name: a generic last word is part of it.
_NAMED_BY_CONTEXT = (_PREFIXED_KATA, _COPULA_KATA, _GLOSSED_KATA)


# Someone introduced by their tie to the one speaking, without an honorific: 同僚のエマ・ホワイトと.
_FELLOW = re.compile(
    rf"(?:同僚|友人|仲間|同期|先輩|後輩|共同創業者)の(?P<n>{_KATA_NAME}|[{KANJI}]{{2,5}}"
    rf"|[{KANJI}]{{1,4}}(?=さん)|[{_K}]{{2,}}(?=さん))(?=(?:さん)?(?:と|が|は|を|に|も|、))"
)


_FELLOW_BEFORE = re.compile(r"(?:同僚|友人|仲間|同期|先輩|後輩|共同創業者)の$")


def _persons(text: str, registry: Any) -> list[Ment]:
    found: list[Ment] = []
    for m in _FELLOW.finditer(text) if "の" in text else ():
        if not _KANJI_NOT_NAME.search(m.group("n")) and m.group("n")[-1] not in "氏様":
            found.append(_pattern(m, m.group("n"), "person", registry))
            found[-1].extra["fellow"] = True
    if not _TITLE_HINT.search(text):
        return found
    for m in _PERSON_FULL.finditer(text):
        name = m.group("n")
        kind = "company" if _TAIL_END.search(name) else "person"
        found.append(_pattern(m, name, kind, registry))
    for m in _KANJI_PERSON.finditer(text):
        name = m.group("n").replace(" ", "")  # 佐々木 恵氏, as press releases space names
        if _KANJI_NOT_NAME.search(name) or len(name) < 2 or _CORP_WORD_END.search(name):
            continue  # 青葉銀行さん: さん after a company's name is politeness to the company
        found.append(_pattern(m, name, "person", registry))
    for rx in (_APPOINTED, _POSTED_NAME, _CLEFT_NAME):
        for m in rx.finditer(text):
            if not _KANJI_NOT_NAME.search(m.group("n")) and not m.group("n").endswith("氏"):
                found.append(_pattern(m, m.group("n").replace(" ", ""), "person", registry))
    return found


def _surnames(text: str, registry: Any) -> list[Ment]:
    found: list[Ment] = []
    if "氏" not in text and "さん" not in text:
        return found
    for m in _SURNAME.finditer(text):
        found.append(_pattern(m, m.group("n"), "person", registry, source="surname"))
    for m in _KANJI_PERSON.finditer(text):
        name = m.group("n")
        if len(name) == 1 and not _KANJI_NOT_NAME.search(name) and text.startswith("氏", m.end()):
            found.append(_pattern(m, name, "person", registry, source="surname"))
    return found


def _companies(text: str, registry: Any) -> list[Ment]:
    found: list[Ment] = []
    tails = False
    for rx, hint in _KATA_COMPANIES:
        if not hint.search(text):
            continue
        tails = tails or rx is _TAILED_KATA
        for m in rx.finditer(text):
            if m.lastgroup == "h":
                found.append(_span(m.start(), m.end(), text, m.group(), "company", registry))
                continue
            name = m.group("n").strip("・")
            generic = (
                _generic_head(name)
                if rx in _NAMED_BY_CONTEXT
                else _generic_led(name)
                if rx is _LEADER_KATA
                else _generic_kata(name)
            )
            if not generic:
                found.append(_pattern(m, name, "company", registry))
    if _SUFFIX_HINT.search(text):
        found += _suffixed(text, registry)
    if tails or _HIRAGANA_HINT.search(text):
        for m in _HIRAGANA_CORP.finditer(text):
            start = m.start("n") + (1 if m.group("n")[0] in "のとはがをにやも" else 0)
            name = text[start : m.end("n")]
            found.append(_span(start, m.end("n"), text, name, "company", registry))
    if "株" in text:
        for m in _KABU.finditer(text):
            group = next(g for g in ("a", "b", "c") if m.group(g))
            found.append(_span(m.start(), m.end(), text, m.group(group), "company", registry))
    return found


# A kanji name read aloud in the middle: 鴻海（ホンハイ）精密工業, whose head is its short form.
_READ_INSIDE = re.compile(
    rf"(?<![{KANJI}])(?P<h>[{KANJI}]{{2,4}})\((?P<r>[{_K}ー・]{{2,12}})\)"
    rf"(?P<t>[{KANJI}{_K}]{{0,8}}?{_CORP_WORDS})"
)


# A kanji name glossed with its reading: 月星智能（ムーンスター）は, 百度（バイドゥ）で.
_READ_AFTER = re.compile(
    rf"(?<![{KANJI}])(?P<h>[{KANJI}]{{2,6}})\((?P<r>[{_K}ー・]{{2,12}}(?:[A-Z][A-Za-z0-9]{{0,3}})?|[A-Z][A-Za-z0-9.&\-]*(?: [A-Za-z0-9.&\-]+){{0,3}})\)"
    rf"(?=は|が|を|に|の|と|も|で|、|など)(?!の?(?:{PERSON_TITLES}))"
)
_PLACE_END = re.compile(r"[市省区州県都府町村島]$|大学$")


_ARM_WORDS = frozenset(("日本法人", "米国法人", "日本支社", "現地法人"))


def _read_glossed(text: str, registry: Any) -> list[Ment]:
    found = []
    for m in _READ_AFTER.finditer(text) if "(" in text else ():
        head, reading = m.group("h"), m.group("r")
        if _PLACE_END.search(head) or head in PLACES or head in _ARM_WORDS:
            continue  # X日本法人（…）: the gloss is of X's arm, read with X
        entry = lookup(registry, reading) or lookup(registry, head)
        if entry is None and reading.isascii() and (reading.isupper() or len(reading) < 3):
            continue  # 年換算売上高（ARR）: an acronym glossing a term, not a name
        if entry is not None and _kind_of(entry) == "company":
            ment = Ment(m.start(), m.end(), m.group(), entry.name, "company", True, "registry")
            ment.entry = entry
        else:
            ment = Ment(m.start(), m.end(), m.group(), head, "company", False, "pattern")
            ment.extra["aliases"] = (head, reading)
        found.append(ment)
    return found


def _suffixed(text: str, registry: Any) -> list[Ment]:
    """三菱UFJ銀行, 日立製作所: names ending in a corporate word."""
    found = []
    for m in _READ_INSIDE.finditer(text) if "(" in text else ():
        ment = _span(m.start(), m.end(), text, m.group("h") + m.group("t"), "company", registry)
        if not ment.known:
            ment.extra["aliases"] = (m.group("h"), m.group("r"))
        found.append(ment)
    for m in _CORP_SUFFIXED.finditer(text):
        name = m.group("n")
        # 中小企業基盤整備機構: a public body's name says whom it serves, no description
        described = None if _PUBLIC_BODY_END.search(name) else _DESCRIBED.match(name)
        start = m.start("n") + (described.end() if described else 0)
        name = text[start : m.end("n")]
        head = _CORP_WORD_END.sub("", name)
        if head in _UNIT_HEADS:
            continue  # AI研究所長の…: a unit every company may have, not a name
        if len(head) >= 2 and (
            not _GENERIC_CORP_HEAD.search(name)
            or _national_name(text, m)
            or _NATIONAL_BODY.fullmatch(name)
        ):
            found.append(_span(start, m.end("n"), text, name, "company", registry))
    for m in _MAKER_NAMED.finditer(text):
        if not _GENERIC_CORP_HEAD.search(m.group("n")):
            found.append(_span(m.start("n"), m.end("n"), text, m.group("n"), "company", registry))
    return found


_UNIT_HEADS = frozenset(("AI", "IT", "DX", "IoT", "生成AI", "デジタル", "データ", "ソフトウェア"))
_NATIONAL_NAME = re.compile(rf"(?:日本|中国){_CORP_WORDS}")
# 日本政策金融公庫, 日本貿易振興機構: a public body named after its country (日本の公庫 is none).
_PUBLIC_BODY_END = re.compile(r"(?:公庫|機構|基金|公社|組合|金庫)$")
_NATIONAL_BODY = re.compile(rf"(?:日本|中国)[{KANJI}]{{2,}}(?:公庫|機構|基金|公社)")


def _national_name(text: str, m: re.Match[str]) -> bool:
    """日本航空, 日本生命, 中国銀行: a country and one corporate word written as one word, the
    word ending there (日本の銀行, 日本自動車工業会 and 米国証券取引委員会 are none)."""
    after = text[m.end("n") : m.end("n") + 1]
    return bool(_NATIONAL_NAME.fullmatch(m.group("n"))) and not (after and after in KANJI_CHARS)


# 鉄道会社グレート・ウェスタン鉄道: a description written onto the name, not part of it.
_DESCRIBED = re.compile(
    r"^[^・]{0,8}?(?:会社|企業|大手|メーカー|スタートアップ|新興|事業者)(?=[^・]{0,2}[・\w]{2,})"
)


_CORP_WORD_END = re.compile(rf"{_CORP_WORDS}$")
_LATIN_HEAD = re.compile(r"^[A-Za-z0-9]+(?=[ァ-ヺ])")
_TAIL_WORD = re.compile(COMPANY_TAILS)
_TAIL_END = re.compile(rf"・?(?:{COMPANY_TAILS})$")
_KANJI_HEAD = re.compile(rf"^[{KANJI}]+")
_LONG_LIST_STOP = re.compile(r"[はが。]|[しりて]、")
_PEOPLE_LIST_STOP = re.compile(r"[はが]、|し、|て、")
_LIST_STOP = re.compile(r"[はがを「」]|に(?!は)|[しりて]、|する|した")
_TOPIC_STOP = re.compile(r"[、はがをにと]")


def _generic_kata(name: str) -> bool:
    if GENERIC_TAIL.search(name):
        return True
    latin = _LATIN_HEAD.match(name)
    if latin:
        rest = name[latin.end() :]
        stop = latin.group().casefold() in LATIN_STOP
        if _TAIL_WORD.fullmatch(rest) or (rest in GENERIC_KATA and _TAIL_END.search(rest)):
            return stop  # SMBCベンチャーキャピタル is a name, AIベンチャーキャピタル is not
        return rest in GENERIC_KATA
    head = _TAIL_END.sub("", name).strip("・")
    parts = name.split("・")
    return (
        name in GENERIC_KATA
        or name.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") in GENERIC_KATA
        or parts[0] in GENERIC_KATA
        or len(name) < 2
        or (head != name and (not head or head in GENERIC_KATA))
    )


def _generic_led(name: str) -> bool:
    """For the company a leader is named with (ミナモAI代表取締役, ミナモAIの…CEOに聞く),
    a generic last word is part of the name when a word of its own comes before it."""
    tail = GENERIC_TAIL.search(name)
    if tail is None or "・" in name or _LATIN_HEAD.match(name):
        return _generic_head(name)
    head = name[: tail.start()]
    return len(head) < 2 or _generic_kata(head)


def _generic_head(name: str) -> bool:
    """For a name behind a country prefix (米ヴェリタス・データ) a generic last word is part of
    the name; only a generic word alone, or a generic first word, is no name."""
    if "・" not in name:
        return _generic_kata(name)
    parts = name.split("・")
    generic = [p in GENERIC_KATA for p in parts]
    return (
        name in GENERIC_KATA or all(generic) or (generic[0] and len(parts) > 2) or len(parts[0]) < 2
    )


def _latin(text: str, registry: Any) -> list[Ment]:
    found: list[Ment] = []
    if not _HAS_LATIN.search(text):
        return found
    for m in _LATIN.finditer(text):
        name = m.group("n").rstrip(" .&")
        if len(name) < 2 or name.casefold() in LATIN_STOP or name.isdigit():
            continue
        if all(tok.casefold() in LATIN_STOP for tok in name.split()):
            continue
        if _SHORT_TAIL.fullmatch(name) and m.start() > 0 and _is_kata(text[m.start() - 1]):
            continue  # ミナトDC, カゼノテLabs: a short tail of a katakana name, left to its finders
        ment = _span(m.start(), m.start() + len(name), text, name, "unknown", registry)
        if not ment.known and _term_acronym(text, m.start(), m.start() + len(name)):
            continue
        found.append(ment)
    return found


_SHORT_TAIL = re.compile(r"[A-Z](?:[A-Z0-9]{0,3}|[a-z]{1,3})")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}s?")
_ORG_HEAD = re.compile(
    rf"(?:社|会社|機構|機関|研究所|研究機構|大学|協会|連盟|連合|銀行|庁|省|財団|法人|組合|基金|"
    rf"委員会|公社|{_CORP_WORDS}|{COMPANY_TAILS})$"
)


def _term_acronym(text: str, start: int, end: int) -> bool:
    """協力覚書（MOC）, 年換算売上高（ARR）, 大規模言語モデル（LLM）: an acronym glossing the term
    before it, no name (an organisation's, 産業技術総合研究所（AIST）, is one)."""
    if not _ACRONYM.fullmatch(text, start, end):
        return False
    if not (text[start - 1 : start] == "(" and text[end : end + 1] == ")") or start < 2:
        return False
    before = text[max(0, start - 13) : start - 1]
    if not (before[-1:] in KANJI_CHARS or _is_kata(before[-1:])):
        return False
    return not _ORG_HEAD.search(before)


def _anaphors(text: str, registry: Any) -> list[Ment]:
    found: list[Ment] = []
    if not _ANAPHOR_HINT.search(text):
        return found
    for m in _ANAPHOR.finditer(text):
        word = m.group()
        kind = "person" if word in _PERSON_ANAPHORS else "company"
        found.append(Ment(m.start(), m.end(), word, "", kind, False, "anaphor"))
    return found


_HEADING_WORDS = frozenset(
    "ポイント まとめ プロフィール コラム トピック トピックス ピックアップ ハイライト サマリー "
    "ダイジェスト キーワード アウトライン チェックポイント エピソード ヒストリー ランキング "
    "インタビュー プロローグ エピローグ イントロダクション データ ファクト".split()
)
_PERSON_GLOSS = re.compile(rf"{PERSON_TITLES}|{ROLE_WORDS}|\d{{2}}")


def _line_name(text: str) -> re.Match[str] | None:
    """The katakana name a heading or item line consists of or opens on, if any."""
    m = _NAME_LINE.match(text)
    if m is None or _generic_kata(m.group("n")) or m.group("n") in _HEADING_WORDS:
        return None
    if _PERSON_GLOSS.search(m.group("d") or ""):
        return None  # ■ジャン・ルー（CEO）, （45）: a person
    return m


def _name_line(text: str, registry: Any) -> list[Ment]:
    """A katakana name that is the whole heading or opens an item (■X（説明）, 【X】, 1. X：)."""
    m = _line_name(text)
    return [] if m is None else [_pattern(m, m.group("n"), "company", registry)]


def _slot_names(text: str, registry: Any) -> list[Ment]:
    """Bare katakana words in the slot of a deal verb, where nothing else was found."""
    found: list[Ment] = []
    if not _SLOT_HINT.search(text):
        return found
    for m in _SLOT_KATA.finditer(text):
        name = m.group("n")
        if not _generic_kata(_KANJI_HEAD.sub("", name)) and not _GOODS_TOPIC.match(text, m.end()):
            found.append(_pattern(m, name, "company", registry))
    return found


# モーターは村田製作所から調達している: the topic of buying from a supplier, with no other
# object or sum named, is what is bought (ソラトビはVCから資金を調達 names its own object).
_GOODS_TOPIC = re.compile(
    r"(?:は|も)[^。、をがは]{0,24}?から(?:は|も)?(?:調達|購入|仕入れ)(?!額|資金)"
)


_EXAMPLES_OF_DEAL = re.compile(
    r"など(?:の)?[^、。をはが]{0,10}を[^。、]{0,8}?(?:買収|出資|投資|提携|子会社化|傘下|取得)"
)
_EXAMPLE_PART = re.compile(r"(?:(?!や|、|と|および).)+")
_EXAMPLE_NAME = re.compile(rf"(?:[{_K}]{{2,}}(?:・[{_K}]+)*|[A-Za-z][A-Za-z0-9.&\-]*)$")


def _example_names(text: str, registry: Any) -> list[Ment]:
    """メッセージアプリのバイバーや電子書籍のコボなど海外企業を買収: the names given as examples
    of what was bought (each after an optional description)."""
    found: list[Ment] = []
    cue = _EXAMPLES_OF_DEAL.search(text) if "など" in text else None
    if cue is None:
        return found
    start = max(text.rfind(c, 0, cue.start()) for c in "、はがを。") + 1
    for part in _EXAMPLE_PART.finditer(text, start, cue.start()):
        name = _EXAMPLE_NAME.search(part.group())
        word = name.group() if name else ""
        if word and not _generic_kata(word) and word.casefold() not in LATIN_STOP:
            at = part.start() + name.start()  # type: ignore[union-attr]
            found.append(_span(at, at + len(word), text, word, "company", registry))
    return found


_SHORT_KANJI_ORG = re.compile(
    rf"(?<![{KANJI}])(?P<n>[{KANJI}]{{1,2}})(?=(?:元|前|現)?(?:副?社長|副?会長|取締役|執行役員|専務|常務|"
    r"CEO|CTO|COO|CFO|幹部|役員|研究員|社員)|出身|OB)"
)
_POST_HINT = re.compile(
    r"社長|会長|取締役|執行役員|専務|常務|CEO|CTO|COO|CFO|幹部|役員|研究員|社員|出身|OB"
)


def _short_kanji_orgs(text: str, registry: Any) -> list[Ment]:
    """東芝元社長, 日産出身: a short kanji company name written onto a post, which the
    registry leaves alone inside a longer kanji run."""
    found: list[Ment] = []
    if not _POST_HINT.search(text):
        return found
    for m in _SHORT_KANJI_ORG.finditer(text):
        entry = lookup(registry, m.group("n"))
        if entry is not None and _kind_of(entry) == "company":
            found.append(_pattern(m, m.group("n"), "company", registry))
    return found


_ABBREVIATED = re.compile(
    rf"(?<![{KANJI}{_K}・A-Za-z])(?P<n>[{KANJI}{_K}・]{{2,10}}?)(?P<s>FG|HD|G)(?![A-Za-z])"
)
_ABBREVIATIONS = {
    "FG": ("フィナンシャルグループ", "フィナンシャル・グループ"),
    "HD": ("ホールディングス", "HD"),
    "G": ("グループ", ""),
}


def _abbreviated(text: str, registry: Any) -> list[Ment]:
    """三井住友FG, ソニーG, パナソニックHD: a headline's short form of a group's name."""
    found: list[Ment] = []
    if not re.search("FG|HD|G", text):
        return found
    for m in _ABBREVIATED.finditer(text):
        base = m.group("n")
        entry = next(
            (e for tail in _ABBREVIATIONS[m.group("s")] if (e := lookup(registry, base + tail))),
            None,
        )
        if entry is not None:
            found.append(
                Ment(m.start(), m.end(), m.group(), entry.name, _kind_of(entry), True, "registry")
            )
    return found


_FINDERS = (
    _anaphors,
    _abbreviated,
    _short_kanji_orgs,
    _persons,
    _companies,
    _surnames,
    _latin,
    _slot_names,
    _name_line,
    _example_names,
)


def _pattern(
    m: re.Match[str], name: str, kind: str, registry: Any, *, source: str = "pattern"
) -> Ment:
    return _span(m.start("n"), m.end("n"), m.string, name, kind, registry, source=source)


@functools.lru_cache(maxsize=8192)
def lookup(registry: Any, name: str) -> Any:
    """``registry.lookup(name)``, remembered: the same names recur sentence after sentence."""
    return registry.lookup(name)


def _span(
    start: int, end: int, text: str, name: str, kind: str, registry: Any, *, source: str = "pattern"
) -> Ment:
    """A pattern mention, named by the registry when it knows the name after all."""
    entry = lookup(registry, name) if source != "surname" else None
    if entry is not None:
        return Ment(
            start, end, text[start:end], entry.name, _kind_of(entry), True, "registry", entry=entry
        )
    return Ment(start, end, text[start:end], name, kind, False, source)


def _absorb_prefix(text: str, m: Ment) -> None:
    if m.start > 0 and text[m.start - 1] in COUNTRY_PREFIX:
        before = text[m.start - 2] if m.start > 1 else ""
        if not ("一" <= before <= "鿿"):
            m.prefix = text[m.start - 1]
    if text[max(0, m.start - 1) : m.start] == "元" or text[max(0, m.start - 2) : m.start] == "元・":
        m.prefix = "元"


def _read_after(text: str, m: Ment, registry: Any) -> None:
    pos = m.end
    if m.kind in ("person", "unknown"):
        t = _AFTER_TITLE.match(text, pos)
        if t and (m.kind == "person" or t.group("t") in ("氏", "さん")):
            m.title, m.kind, pos = t.group("t"), "person", t.end()
    elif m.kind == "company" and m.source != "anaphor":
        c = _AFTER_COMPANY.match(text, pos)
        pos = c.end() if c else pos
        if c and c.group("arm") and not m.quoted:
            m.extra["arm"] = text[m.start : pos]  # ボーダフォン日本法人: the company's arm
    elif m.kind == "product":
        v = _VERSION.match(text, pos)
        if v:
            m.end = pos = v.end()
            m.surface = m.name = text[m.start : m.end]
    p = _PAREN.match(text, pos)
    if p:
        m.paren, pos = p.group("p").strip(), p.end()
        named = m.name
        _use_paren(m, registry)
        if m.name != named:
            m.extra.pop("arm", None)  # X日本法人（Y K.K.）: the arm's own name
        t = _AFTER_TITLE.match(text, pos)
        if t and m.kind == "person":
            m.title, pos = m.title or t.group("t"), t.end()
    m.particle, m.pend = read_particle(text, pos)
    m.lp = m.particle
    if m.kind == "person" and m.title not in ("", "氏", "さん"):
        m.role = m.title


def _use_paren(m: Ment, registry: Any) -> None:
    """A gloss in parentheses: a better-known name, a new name, or a role."""
    inner = m.paren
    if m.kind == "person" and re.fullmatch(ROLE_WORDS, inner):
        m.role = inner
        return
    renamed = NEW_NAME.match(inner)
    if renamed:
        entry = registry.lookup(renamed.group(1))
        m.name = entry.name if entry is not None else renamed.group(1)
        m.known = entry is not None or m.known
        return
    if OLD_NAME.match(inner) or m.known:
        return
    entry = registry.lookup(inner)
    if entry is not None:
        m.name, m.kind, m.known, m.entry = entry.name, _kind_of(entry), True, entry
        m.source = "registry"
    elif (
        m.kind in ("company", "unknown")
        and re.fullmatch(_LATIN_TOKEN + r"(?:\s\S+){0,4}", inner)
        and inner.casefold() not in LATIN_STOP
        and not m.name.isascii()
        # 韓国産業銀行（KDB）: an acronym only shortens the full name it glosses
        and not (re.fullmatch(r"[A-Z]{2,5}", inner) and _CORP_END.search(m.surface))
    ):
        m.name = inner


def _drop_glosses(found: list[Ment]) -> list[Ment]:
    """Mentions inside another mention's parentheses are that mention's gloss."""
    kept: list[Ment] = []
    for m in found:
        owner = next((k for k in kept if k.paren and k.end < m.start and m.end <= k.pend), None)
        if owner is None:
            kept.append(m)
        elif _same_thing(owner, m):
            owner.name, owner.kind, owner.known, owner.entry = m.name, m.kind, True, m.entry
        elif owner.kind == "person" and m.kind != "person" and m.name:
            owner.extra.setdefault("former", m.name)  # 山田氏（東京エレクトロン元社長）
    return kept


def _drop_descriptors(found: list[Ment]) -> list[Ment]:
    """A kanji description written onto a name (仏公的投資銀行Bpifrance): not a name itself."""
    return [
        m
        for i, m in enumerate(found)
        if not (
            m.source == "pattern"
            and m.kind == "company"
            and not m.particle
            and m.surface[-1] in KANJI_CHARS
            and i + 1 < len(found)
            and found[i + 1].start == m.end
        )
    ]


_PLACE_OF = re.compile(
    r"(?:州|市|県|郊外)?(?:の|にある|に本社を置く|に拠点を置く|発の)[^、。はがをにと「」()]{0,12}?"
    r"(?:企業|会社|新興|スタートアップ|メーカー|ベンチャー|大手|ユニコーン|研究所|開発会社)[、\s]?$"
)


def _drop_places(text: str, found: list[Ment]) -> list[Ment]:
    """独ベルリンのAI企業ノイラル・フォージ, 仏ボルドーのロボット企業 Pollen Robotics: the name
    before the description is where the company is, not a company."""
    return [
        m
        for i, m in enumerate(found)
        if not (
            m.source == "pattern"
            and m.kind == "company"
            and i + 1 < len(found)
            and _PLACE_OF.match(text, m.end, found[i + 1].start - len(found[i + 1].prefix))
        )
    ]


def _same_thing(owner: Ment, gloss: Ment) -> bool:
    """The parenthesis only spells the owner's name another way: 米データブリックス（Databricks）."""
    if owner.known or not gloss.known or gloss.kind == "product" or owner.kind == "person":
        return False
    return len(gloss.surface) >= len(owner.paren.strip()) - 1


def link_lists(text: str, ments: list[Ment]) -> None:
    """Coordinated mentions (A、B、CとD が) share the particle of the last one."""
    list_id = 0
    for i in range(len(ments) - 1, -1, -1):
        m = ments[i]
        partner = _list_partner(text, ments, i)
        if partner is not None:
            m.lp, m.list_id = partner.lp, partner.list_id
            continue
        list_id += 1
        m.list_id = list_id
        if m.particle in EXAMPLE_PARTICLES:
            m.lp = _particle_after_np(text, m.pend)
    _headline_topic(text, ments)


def _list_partner(text: str, ments: list[Ment], i: int) -> Ment | None:
    m = ments[i]
    if m.particle not in LIST_PARTICLES:
        return None
    for n in ments[i + 1 :]:
        if n.quoted != m.quoted:
            return None
        modifier = n.kind == "company" and n.particle in ("の", "で", "では")
        if m.kind == "person" and n.kind != "person" and modifier:
            continue
        return n if _coordinated(text, m, n) else None
    return None


def _coordinated(text: str, m: Ment, n: Ment) -> bool:
    gap = text[m.pend : n.start]
    people = m.kind == n.kind == "person"
    mixed = m.kind != n.kind and "unknown" not in (m.kind, n.kind)
    if mixed and (len(gap) > 3 or "person" in (m.kind, n.kind)):
        return False  # ルフェーブル氏、モロー氏と同社を: the people are not with the company
    if m.particle == "と" and text[m.pend - 1] == "、" and n.kind == m.kind:
        return len(gap) <= 40 and not _LONG_LIST_STOP.search(gap)
    if len(gap) > (40 if people else 24) or "。" in gap:
        return False
    if people:
        return not _PEOPLE_LIST_STOP.search(gap)
    return not _LIST_STOP.search(gap)


_DATED_LINE = re.compile(r"\s?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?\s?[:|｜—-]\s?")


def _headline_topic(text: str, ments: list[Ment]) -> None:
    """A headline's subject ends with 、 (富士通、Cohereと提携): it is the topic, not a list."""
    for m in ments:
        if m.particle != "、":
            continue
        head = text[: m.start]
        pair = _paired_topic(text, ments, m)
        if pair:
            for k in (*pair, m):  # NECとサカナAI、…で業務提携: both are the topic
                k.particle = k.lp = "は"
            return
        if _TOPIC_STOP.search(head.replace("の", "")) or head.count("(") > head.count(")"):
            return
        if m.kind == "person" and _DATED_LINE.fullmatch(head):
            return  # 2024年6月:Aさん、Bさんと…を設立: the people the line's person acted with
        if m.lp in ("を", "に", "と", "から", "で", "", "へ", "とともに", "との", "、"):
            m.particle = m.lp = "は"
        return


_PAIR_GLUE = re.compile(r"(?:と|、|や|・)*")


def _paired_topic(text: str, ments: list[Ment], last: Ment) -> list[Ment]:
    """The names before ``last`` when the headline opens on them joined by と (AとB、)."""
    before = [k for k in ments if k.end <= last.start and k.kind == last.kind]
    if not before or before[0].start - len(before[0].prefix) > 1:
        return []
    pos = 0
    for k in before:
        if not _PAIR_GLUE.fullmatch(text, pos, k.start - len(k.prefix)):
            return []
        pos = k.pend
    return before if text[pos - 1 : pos] == "と" and pos == last.start - len(last.prefix) else []


_NP_PARTICLE = re.compile(r"[^。]{0,24}?(?P<p>は|が|を|に|も|から)(?![はがをにも])")


def _particle_after_np(text: str, pos: int) -> str:
    m = _NP_PARTICLE.match(text, pos)
    return m.group("p") if m else ""


def role_before(text: str, m: Ment) -> str:
    """A role written just before a person (CEOの砂金信一郎氏)."""
    r = _ROLE_BEFORE.search(text[max(0, m.start - 40) : m.start])
    return r.group("r") if r else ""
