"""Japanese sentence shapes the rules first missed on sites nobody tuned on: parenthesised
names and rounds, the company being staffed, units and their parents, fiscal years, chains of
owners, investors before the recipient, stakes, investments each way, consortia, partners that
are customers, background launches and foundings.

Each shape is tried in more than one wording, and every sentence was written for these tests
(names partly real, partly invented, so both registry names and names read from context are
exercised).
"""

from __future__ import annotations

from typing import Any

import pytest

from newsbot.core.registry import Registry
from tests.core.extract.cases import japanese_events as events
from tests.core.extract.cases import of


def pairs(found: list[dict[str, Any]], kind: str, *fields: str) -> set[tuple[Any, ...]]:
    return {tuple(e[f] for f in fields) for e in of(found, kind)}


# ---------------------------------------------------------------- names in parentheses


def test_a_new_company_named_with_its_reading(registry: Registry) -> None:
    text = (
        "グーグルは20日、傘下の研究組織を統合すると発表した。新会社『Google DeepMind"
        "（グーグル・ディープマインド）』のCEOにはデミス・ハサビス氏が就く。"
    )
    (move,) = of(events(registry, text), "talent_move")
    assert (move["person"], move["to"]) == ("Demis Hassabis", "Google DeepMind")


def test_a_new_unknown_company_keeps_its_first_name(registry: Registry) -> None:
    text = (
        "日立製作所は1日、新会社『Hitachi AI Frontier（日立AIフロンティア）』を設立すると発表した。"
        "新会社のCEOには、米IBMでAI事業を統括したデビッド・チェン氏が就く。"
    )
    (move,) = of(events(registry, text), "talent_move")
    assert (move["from"], move["to"], move["role"]) == ("IBM", "Hitachi AI Frontier", "CEO")


# ---------------------------------------------------------------- the company being staffed


def test_posts_of_a_new_company_go_to_it_not_to_origins(registry: Registry) -> None:
    text = (
        "新会社「ミライAI」が1日発足した。会長には東京エレクトロン元社長の山田一郎氏、社長には米マイクロン・"
        "テクノロジー日本法人の社長などを務めた佐藤次郎氏が就いた。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to", "role")
    assert found == {
        ("山田一郎", "Tokyo Electron", "ミライAI", "chairman"),
        ("佐藤次郎", "Micron Technology", "ミライAI", "president"),
    }


def test_posts_written_after_the_people(registry: Registry) -> None:
    text = (
        "新会社「ミライAI」が1日発足した。山田一郎氏（東京エレクトロン元社長）が会長に、"
        "佐藤次郎氏（元日本IBM社長）が社長に就いた。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "to", "role")
    assert found == {("山田一郎", "ミライAI", "chairman"), ("佐藤次郎", "ミライAI", "president")}


def test_a_later_post_goes_where_the_earlier_ones_went(registry: Registry) -> None:
    text = (
        "新会社「ミライAI」が1日発足した。社長には富士通元副社長の山田一郎氏が就いた。"
        "最高技術責任者（CTO）には、ルネサスで先端プロセスの開発を率いた木下真理子氏が就任した。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to")
    assert ("木下真理子", "Renesas Electronics", "ミライAI") in found


def test_interim_heads_from_inside(registry: Registry) -> None:
    text = (
        "画像生成AIの米ピクセラ・ラボは29日、CEOが辞任したと発表した。暫定共同CEOには最高技術責任者"
        "（CTO）のアナ・シルバ氏と最高財務責任者（CFO）のケン・ワタナベ氏が就く。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to", "role")
    assert found == {
        ("アナ・シルバ", "ピクセラ・ラボ", "ピクセラ・ラボ", "interim co-CEO"),
        ("ケン・ワタナベ", "ピクセラ・ラボ", "ピクセラ・ラボ", "interim co-CEO"),
    }


def test_a_predecessor_leaves_the_company_just_staffed(registry: Registry) -> None:
    text = (
        "ソニーグループは2日、ソニーAIのCEOに、米グーグル出身のマイケル・スペンサー氏が就任したと"
        "発表した。前CEOの中川誠氏は退任し、ソニーグループの顧問に就いた。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to")
    assert found == {("マイケル・スペンサー", "Google", "Sony AI"), ("中川誠", "Sony AI", "Sony")}


# ---------------------------------------------------------------- units


def test_a_unit_is_the_destination_of_its_head(registry: Registry) -> None:
    text = "ソニーグループは1日、人事を発表した。ソニーAIのCEOには米グーグル出身のピーター・ストーン氏が就く。"
    (move,) = of(events(registry, text), "talent_move")
    assert (move["from"], move["to"]) == ("Google", "Sony AI")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("米メタは22日、MSL傘下の基礎研究部門FAIRなどで約600人を削減すると明らかにした。", "Meta"),
        ("メタはMSL傘下のFAIRなどで約600人を削減する。", "Meta"),
        ("米グーグルは、AI研究部門のディープマインドで約200人を削減した。", "Google"),
        (
            "米アマゾン・ドット・コムは、クラウド部門AWSなどで約1万4000人の人員を削減する。",
            "Amazon",
        ),
        ("アスカは傘下のジョブスターで約1300人を削減する。", "ジョブスター"),
    ],
)
def test_cuts_in_a_lab_belong_to_its_company(registry: Registry, text: str, company: str) -> None:
    (cut,) = of(events(registry, text), "layoff")
    assert cut["company"] == company


# ---------------------------------------------------------------- fiscal periods


def test_the_fiscal_year_carries_to_later_figures(registry: Registry) -> None:
    text = (
        "米セールスフォースが26日発表した2025年1月期決算は、純利益が50%増の62億ドルだった。"
        "2026年1月期の売上高は410億ドルを見込む。通期の粗利益率は77.2%で、前の期の75.5%から上昇した。"
    )
    (margin,) = of(events(registry, text), "financial")
    assert (margin["value_pct"], margin["period"]) == (77.2, "2025")


def test_a_short_fiscal_year_and_the_new_rate_of_a_change(registry: Registry) -> None:
    text = (
        "楽天グループが発表した24年12月期の連結決算は、売上収益が2兆2792億円（約150億ドル）だった。"
        "粗利益率は前年の40%から45%に上昇した。"
    )
    found = pairs(events(registry, text), "financial", "metric", "period")
    assert found == {("revenue", "2024"), ("gross_margin", "2024")}
    (margin,) = [e for e in of(events(registry, text), "financial") if e["value_pct"]]
    assert margin["value_pct"] == 45


# ---------------------------------------------------------------- chains of owners


@pytest.mark.parametrize(
    "text",
    [
        "米ボストン・ダイナミクスは人型ロボットを開発する。同社は2013年にグーグルが買収し、"
        "17年にソフトバンクグループへ、21年に韓国の現代自動車グループへ売却された。",
        "米ボストン・ダイナミクスは人型ロボットを開発する。グーグルは2013年に同社を買収したが、"
        "17年にソフトバンクグループに売却した。ソフトバンクも21年に現代自動車グループに売却した。",
        "米ボストン・ダイナミクスは新型の「アトラス」を公開した。同社はグーグル、ソフトバンクグループを"
        "経て、2021年に韓国の現代自動車グループの傘下に入った。",
        "米ボストン・ダイナミクスは新型の「アトラス」を公開した。同社は2013年にグーグルに買収され、"
        "17年にソフトバンクグループ、21年に現代自動車グループの傘下に移った。",
    ],
)
def test_each_owner_of_a_chain_bought_the_company(registry: Registry, text: str) -> None:
    found = pairs(events(registry, text), "acquisition", "acquirer", "target")
    assert found == {
        ("Google", "Boston Dynamics"),
        ("SoftBank Group", "Boston Dynamics"),
        ("Hyundai Motor Group", "Boston Dynamics"),
    }


def test_a_company_sold_on_is_what_was_bought(registry: Registry) -> None:
    text = "グーグルは2013年にボストン・ダイナミクスを買収した。同社は17年にソフトバンクグループに売却された。"
    found = pairs(events(registry, text), "acquisition", "acquirer", "target")
    assert found == {("Google", "Boston Dynamics"), ("SoftBank Group", "Boston Dynamics")}


def test_a_business_sold_is_no_company_bought_before(registry: Registry) -> None:
    text = "グーグルは2013年にボストン・ダイナミクスを買収した。グーグルは地図事業をウーバーに売却した。"
    assert len(of(events(registry, text), "acquisition")) == 1


# ---------------------------------------------------------------- investments


def test_investors_named_before_the_recipient(registry: Registry) -> None:
    text = (
        "英AI半導体のグラフコアは29日、新たな資金調達を発表した。カナダのオンタリオ州教職員年金基金、"
        "英フィデリティ・インターナショナル、英シュローダーなどが出資したシリーズEで同社は2億2200万ドルを"
        "調達した。"
    )
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["round"], inv["amount_usd"]) == ("Graphcore", "Series E", 2.22e8)
    assert inv["investors"] == [
        "オンタリオ州教職員年金基金",
        "フィデリティ・インターナショナル",
        "シュローダー",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ソフトバンク・ビジョン・ファンドがエヌビディア株の4.9%を約40億ドルで取得した。",
        "ソフトバンクグループは12日、傘下のソフトバンク・ビジョン・ファンドが米エヌビディアの株式の4.9%を"
        "約40億ドルで取得したと明らかにした。",
    ],
)
def test_a_stake_bought_with_its_price(registry: Registry, text: str) -> None:
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["investors"]) == ("NVIDIA", ["SoftBank Vision Fund"])
    assert (inv["stake_pct"], inv["amount_usd"]) == (4.9, 4e9)


def test_a_majority_stake_is_a_purchase(registry: Registry) -> None:
    text = "ソフトバンクグループは米エヌビディアの株式の51%を40億ドルで取得し、子会社化した。"
    assert not of(events(registry, text), "investment")
    assert of(events(registry, text), "acquisition")


@pytest.mark.parametrize(
    "text",
    [
        "トヨタとNTTはそれぞれ約2000億円を出資し合う。",
        "トヨタ自動車とNTTは、AI基盤で提携する。NTTはトヨタに、トヨタはNTTにそれぞれ2000億円を出資する。",
        "トヨタ自動車とNTTは資本業務提携を結んだ。両社は互いの株式の約2%を持ち合う。",
    ],
)
def test_investments_each_way(registry: Registry, text: str) -> None:
    found = pairs(events(registry, text), "investment", "company")
    assert found == {("Toyota",), ("NTT",)}
    assert all(len(e["investors"]) == 1 for e in of(events(registry, text), "investment"))


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        (
            "新会社「ミライシリコン」（東京・港）が11日、発足した。日立製作所、富士通、KDDI、住友商事の"
            "4社が出資して設立した。",
            ["Hitachi", "Fujitsu", "KDDI", "Sumitomo Corporation"],
        ),
        (
            "トヨタ自動車、デンソー、NTT、NECの4社が出資して設立したミライシリコンは、北海道で工場の建設を"
            "進めている。",
            ["Toyota", "Denso", "NTT", "NEC"],
        ),
        (
            "半導体の新会社ミライシリコンは、トヨタ自動車やNTTなど8社の出資で設立された。",
            ["Toyota", "NTT"],
        ),
        (
            "ミライシリコンは2022年、トヨタ自動車やNTTなど国内8社の出資で発足した。",
            ["Toyota", "NTT"],
        ),
    ],
)
def test_a_consortium_funds_the_company_it_sets_up(
    registry: Registry, text: str, investors: list[str]
) -> None:
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["investors"]) == ("ミライシリコン", investors)


# ---------------------------------------------------------------- partners and customers


@pytest.mark.parametrize(
    ("text", "vendor", "customer"),
    [
        (
            "マイクロソフトはUAEのG42と戦略的提携。G42はマイクロソフトのクラウドを採用する。",
            "Microsoft",
            "G42",
        ),
        ("オラクルはOpenAIと提携し、OpenAIはオラクルのクラウドを利用する。", "Oracle", "OpenAI"),
    ],
)
def test_a_partner_that_is_also_a_customer(
    registry: Registry, text: str, vendor: str, customer: str
) -> None:
    found = events(registry, text)
    assert len(of(found, "partnership")) == 1
    assert pairs(found, "customer", "vendor", "customer") == {(vendor, customer)}


# ---------------------------------------------------------------- background


@pytest.mark.parametrize(
    "text",
    [
        "米OpenAIが2022年11月に公開した対話AI「ChatGPT」の普及を受け、グーグルは対話AI「Bard」を公開した。",
        "米OpenAIが2022年11月に「ChatGPT」を公開して以来、開発競争が続く。グーグルは6日、「Bard」を公開した。",
        "グーグルは、米OpenAIの「ChatGPT」に対抗する対話AI「Bard」を発表した。",
    ],
)
def test_only_the_news_launch_counts(registry: Registry, text: str) -> None:
    assert pairs(events(registry, text), "product_launch", "company", "product") == {
        ("Google", "Bard")
    }


def test_a_founding_long_before_the_news_is_history_stated_as_fact(registry: Registry) -> None:
    text = (
        "独SAPは4日、米クオリス・アナリティクスを約1800億円（約12億ドル）で買収すると発表した。"
        "クオリスは2013年にアダム・ベル氏とニーナ・パテル氏が創業した。買収完了後、ベル氏はSAPの"
        "最高AI責任者に就き、パテル氏はクオリスのCEOにとどまる。"
    )
    found = events(registry, text)
    (deal,) = of(found, "acquisition")
    assert deal["amount_usd"] == 1.2e9
    assert pairs(found, "talent_move", "person", "from", "to") == {
        ("アダム・ベル", "クオリス・アナリティクス", "SAP"),
        ("ニーナ・パテル", None, "クオリス・アナリティクス"),
    }


# ---------------------------------------------------------------- tables


def test_a_table_cell_carries_the_round_or_an_old_name(registry: Registry) -> None:
    text = (
        "7〜9月の主な調達は以下の通り。\n\n| 企業 | 調達額 | 主な投資家 |\n"
        "| Poolside（シリーズB） | 5億ドル | ブラックロック、エヌビディア |\n"
        "| ノースポール（旧ポーラーAI） | 8000万ドル | インデックス・ベンチャーズ |\n"
    )
    found = pairs(events(registry, text), "investment", "company", "round")
    assert found == {("Poolside", "Series B"), ("ノースポール", None)}


def test_a_round_in_the_amount_cell_and_a_reading_with_a_round(registry: Registry) -> None:
    text = (
        "上期の大型調達を表にまとめた。\n\n| 社名 | 国 | 調達額 | 主な出資者 |\n"
        "| 米Anthropic（アンソロピック） | 米国 | 35億ドル（シリーズE） | ライトスピード |\n"
        "| Mistral AI（ミストラルAI、シリーズC） | フランス | 17億ユーロ（約20億ドル） | ASML |\n"
    )
    found = events(registry, text)
    assert pairs(found, "investment", "company", "round") == {
        ("Anthropic", "Series E"),
        ("Mistral AI", "Series C"),
    }
    assert not of(found, "partnership")


def test_a_terse_roundup_item(registry: Registry) -> None:
    text = "今週の調達\n\n・ 米ルミナ・ラボ（シリーズC）：2億2000万ドル。ライトスピードが主導"
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["amount_usd"], inv["round"]) == ("ルミナ・ラボ", 2.2e8, "Series C")
    assert inv["investors"] == ["Lightspeed Venture Partners"]


def test_the_appointee_named_by_surname_in_the_headline(registry: Registry) -> None:
    text = (
        "ラピダスは、社長に小池淳義氏が就任すると発表した。小池氏は日立製作所を経て、"
        "ウエスタンデジタルの日本法人で社長を務めた。"
    )
    (move,) = of(events(registry, text, "ラピダス、社長に小池氏"), "talent_move")
    assert (move["person"], move["from"], move["to"]) == (
        "小池淳義",
        "ウエスタンデジタル",
        "Rapidus",
    )


def test_a_headline_names_a_company_more_loosely(registry: Registry) -> None:
    text = "ソフトバンクグループと米OpenAIは、企業向けAIを販売する合弁会社を設立した。"
    (deal,) = of(events(registry, text, "ソフトバンク、OpenAIと合弁"), "partnership")
    assert set(deal["companies"]) == {"SoftBank Group", "OpenAI"}


@pytest.mark.parametrize(
    "second",
    [
        "米OpenAIが3月に発表した「GPT-4」を上回る性能を持つという。",
        "OpenAIは3月に「GPT-4」を発表しており、両社の競争が激しくなっている。",
    ],
)
def test_a_rivals_earlier_launch_is_backdrop(registry: Registry, second: str) -> None:
    text = "グーグルは6日、最新のAIモデル「Gemini」を発表した。" + second
    found = events(registry, text, "グーグル、Geminiを公開")
    assert pairs(found, "product_launch", "company", "product") == {("Google", "Gemini")}


def test_launches_of_a_roundup_are_each_news(registry: Registry) -> None:
    text = "グーグルは6日、AIモデル「Gemini」を発表した。OpenAIは7日、「GPT-5」を発表した。"
    found = events(registry, text, "週間AIニュース")
    assert len(of(found, "product_launch")) == 2


def test_shares_bought_for_an_amount(registry: Registry) -> None:
    text = (
        "ソフトバンクグループは傘下のファンドを通じて、米エヌビディアの株式を約40億ドル分取得した。"
    )
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["amount_usd"]) == ("NVIDIA", 4e9)


def test_the_head_of_a_relative_clause_took_the_post(registry: Registry) -> None:
    text = "米インテルは15日、約1万5000人を削減すると発表した。3月にCEOに就いたリップブー・タン氏のもとで、見直しを進める。"
    found = pairs(events(registry, text), "talent_move", "person", "to", "role")
    assert found == {("Lip-Bu Tan", "Intel", "CEO")}


def test_a_joint_investment_by_many_is_no_alliance(registry: Registry) -> None:
    text = (
        "ソニーグループ、NTT、ソフトバンク、KDDI、楽天グループの5社が共同出資する新会社「ニッポンAI"
        "ファウンドリー」が1日、事業を始めた。資本金は計150億円（約1億ドル）。"
    )
    found = events(registry, text)
    assert not of(found, "partnership")
    (inv,) = of(found, "investment")
    assert (inv["company"], len(inv["investors"]), inv["amount_usd"]) == (
        "ニッポンAIファウンドリー",
        5,
        1e8,
    )


def test_a_joint_venture_of_two_is_their_alliance(registry: Registry) -> None:
    text = "ソフトバンクグループとOpenAIが共同出資する合弁会社「SB OpenAI Japan」が営業を始めた。"
    found = events(registry, text)
    assert [e["type"] for e in found] == ["partnership"]


def test_posts_without_a_verb_and_hires_without_a_hirer(registry: Registry) -> None:
    text = (
        "新会社「ニッポンAIファウンドリー」が1日、事業を始めた。取締役会長はソニーグループ元副社長の"
        "石川浩二氏。最高技術責任者（CTO）には米インテル出身のラジ・パテル氏を迎えた。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to", "role")
    assert found == {
        ("石川浩二", "Sony", "ニッポンAIファウンドリー", "chairman"),
        ("ラジ・パテル", "Intel", "ニッポンAIファウンドリー", "CTO"),
    }


def test_a_hire_into_a_named_unit(registry: Registry) -> None:
    text = (
        "アルファベットは20日、研究組織「Google Quantum AI（グーグル・クオンタムAI）」の責任者に、"
        "米IBMで量子部門を率いたサラ・ウー氏を起用したと発表した。"
    )
    (move,) = of(events(registry, text), "talent_move")
    assert (move["from"], move["to"]) == ("IBM", "Google Quantum AI")


def test_an_unsaid_object_and_an_unsaid_vendor_are_the_topic(registry: Registry) -> None:
    text = (
        "英アームは17日、自社で設計したCPU「Arm Atlas」を発表した。米メタが最初の顧客として採用する。"
        "アームは1990年に英国で設立された。2016年にソフトバンクグループが約240億ポンドで買収し、"
        "23年に再上場した。"
    )
    found = events(registry, text)
    assert pairs(found, "acquisition", "acquirer", "target") == {("SoftBank Group", "Arm")}
    assert pairs(found, "customer", "vendor", "customer") == {("Arm", "Meta")}


def test_stakes_taken_each_way_with_words_between(registry: Registry) -> None:
    text = "NECとNTTデータは24日、互いに発行済み株式の3%を取得する資本提携で合意したと発表した。"
    found = events(registry, text)
    assert pairs(found, "investment", "company", "stake_pct") == {("NEC", 3), ("NTT Data", 3)}


def test_names_spaced_or_followed_by_a_deputy_title(registry: Registry) -> None:
    text = (
        "パナソニックHDは9日、人事を発表した。佐藤健司社長は6月に退任して会長に就き、後任の社長には"
        "田中宏副社長が昇格する。また、元LINEヤフー執行役員の佐々木 恵氏がCOOに就任した。"
    )
    people = {e["person"] for e in of(events(registry, text), "talent_move")}
    assert people == {"佐藤健司", "田中宏", "佐々木恵"}


def test_an_unknown_long_form_of_a_known_name(registry: Registry) -> None:
    text = (
        "三菱商事は4日、米AIデータセンター運営のクルーソー・エナジーの株式の約5%を取得したと発表した。"
        "取得額は約3億ドル（約450億円）。"
    )
    (inv,) = of(events(registry, text, "三菱商事、クルーソーに出資"), "investment")
    assert (inv["company"], inv["stake_pct"], inv["amount_usd"]) == ("Crusoe", 5, 3e8)


def test_more_money_for_a_partner(registry: Registry) -> None:
    text = "米Microsoftは23日、米OpenAIとの提携を拡大し、数十億ドル規模の追加投資を行うと発表した。"
    (inv,) = of(events(registry, text), "investment")
    assert (inv["company"], inv["investors"]) == ("OpenAI", ["Microsoft"])
    spending = "トヨタはNTTと提携し、AI開発に5兆円を投資する。"
    assert not of(events(registry, spending), "investment")


def test_an_appointee_named_in_a_cleft(registry: Registry) -> None:
    text = (
        "株式会社サクラAI（以下「当社」）は、本日開催の取締役会において代表取締役の異動を決議いたしました。"
        "新たに代表取締役社長に就任するのは、現在取締役常務執行役員を務める山本浩です。"
    )
    (move,) = of(events(registry, text), "talent_move")
    assert (move["person"], move["from"], move["to"], move["role"]) == (
        "山本浩",
        "サクラAI",
        "サクラAI",
        "president",
    )


def test_a_dated_earlier_arrival_is_history(registry: Registry) -> None:
    promoted = (
        "米アマゾン傘下のAWSは25日、CEOにマット・ガーマン氏を起用すると発表した。"
        "ガーマン氏は2006年にAWSに入社し、営業部門を率いてきた。"
    )
    (move,) = of(events(registry, promoted), "talent_move")
    assert (move["from"], move["to"], move["role"]) == (
        "Amazon Web Services",
        "Amazon Web Services",
        "CEO",
    )
    moved = "ジョン・スミス氏はOpenAIに移籍する。同氏は2015年にグーグルに入社していた。"
    (move,) = of(events(registry, moved), "talent_move")
    assert (move["from"], move["to"]) == ("Google", "OpenAI")


def test_a_prefixed_name_ending_in_a_common_word(registry: Registry) -> None:
    text = (
        "データ分析ソフトの米ヴェリタス・データは8日、米ナスダック市場への上場を申請した。"
        "同社は2018年に米IBMに買収された後、21年に米投資ファンドのKKRへ売却された。"
    )
    found = pairs(events(registry, text), "acquisition", "acquirer", "target")
    assert found == {("IBM", "ヴェリタス・データ"), ("KKR", "ヴェリタス・データ")}


def test_a_buyer_glossed_in_parentheses(registry: Registry) -> None:
    text = "バンジーは2022年にソニー・インタラクティブエンタテインメント（SIE）が約36億ドルで買収した。"
    (deal,) = of(events(registry, text), "acquisition")
    assert (deal["acquirer"], deal["target"], deal["amount_usd"]) == ("SIE", "バンジー", 3.6e9)


def test_a_valuation_after_the_round(registry: Registry) -> None:
    text = (
        "英リフレックス・ラボは14日、シードラウンドで3000万ドルを調達したと発表した。"
        "調達前の企業価値は1億ドル、調達後は1億3000万ドルとなる。"
    )
    (inv,) = of(events(registry, text), "investment")
    assert inv["valuation_usd"] == 1.3e8


def test_that_company_is_never_someones_past_employer(registry: Registry) -> None:
    text = (
        "ソフトバンクは1日、子会社「SB Intuitions（SBインテュイションズ）」の社長に、米グーグルで"
        "AI研究部門の幹部を務めた森田健一氏が就任したと発表した。同社はソフトバンクが2023年に"
        "設立した。ソフトバンクは同社に計1500億円を投じる。"
    )
    found = events(registry, text, "ソフトバンク、LLM子会社の新社長にグーグル出身者")
    (inv,) = of(found, "investment")
    assert inv["company"] == "SB Intuitions"


def test_a_launch_told_in_a_relative_clause_with_its_day_is_news(registry: Registry) -> None:
    text = "米アンソロピックは6日、「Claude 5」を公開した。米OpenAIが7日に公開した「GPT-5」は、推論性能を高めた。"
    found = events(registry, text, "今週のAIニュース：アンソロピックが新モデル")
    assert pairs(found, "product_launch", "company", "product") == {
        ("Anthropic", "Claude 5"),
        ("OpenAI", "GPT-5"),
    }


def test_a_purchase_of_something_unsaid_is_not_the_topics(registry: Registry) -> None:
    text = (
        "米OpenAIは新モデルを公開した。買収が相次ぐ。3月にはグーグルが約320億ドルで買収を決めた。"
    )
    assert not of(events(registry, text, "AI買収相次ぐ"), "acquisition")


def test_a_fund_named_as_the_way_in_invests(registry: Registry) -> None:
    text = (
        "三井住友フィナンシャルグループ（SMFG）は17日、傘下のSMBCベンチャーキャピタルを通じて、"
        "AIスタートアップのサカナAIに出資したと発表した。両社は金融業務へのAI活用で協業する。"
    )
    found = events(registry, text, "三井住友FG、サカナAIに出資")
    (inv,) = of(found, "investment")
    assert (inv["company"], inv["investors"]) == ("Sakana AI", ["SMBCベンチャーキャピタル"])
    (deal,) = of(found, "partnership")
    assert set(deal["companies"]) == {"Sumitomo Mitsui Financial Group", "Sakana AI"}


def test_buyers_that_bought_jointly(registry: Registry) -> None:
    text = (
        "グローバルロジックは2000年に設立された。2017年にカナダ年金制度投資委員会（CPPIB）とスイスの"
        "投資会社パートナーズ・グループが共同で買収していた。"
    )
    found = pairs(events(registry, text), "acquisition", "acquirer")
    # the full name, not the acronym that glosses it (both are the same entity)
    assert found == {("カナダ年金制度投資委員会",), ("パートナーズ・グループ",)}


def test_a_rival_launch_followed_by_the_news(registry: Registry) -> None:
    text = "米Googleは18日、「Gemini 3」を発表した。米OpenAIが8月に「GPT-5」を公開したのに続き、新モデル投入が相次ぐ。"
    found = pairs(events(registry, text, "Google、「Gemini 3」を発表"), "product_launch", "product")
    assert found == {("Gemini 3",)}


def test_a_professor_named_head_of_a_lab(registry: Registry) -> None:
    text = "米メタは8日、AI研究所「FAIR」の新たなトップに、米プリンストン大学教授のロブ・ファーガス氏を起用した。"
    (move,) = of(events(registry, text), "talent_move")
    assert (move["from"], move["to"]) == ("米プリンストン大学", "FAIR")
