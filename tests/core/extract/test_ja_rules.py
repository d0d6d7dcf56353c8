"""Japanese rules: each event type, and each kind of sentence that states no event.

Every sentence here was written for these tests; company and people names are partly
invented, so the rules are tested on names the registry does not know as well as on ones
it does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from newsbot.core.article import Article
from newsbot.core.extract import extract
from newsbot.core.registry import Registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


def events(registry: Registry, text: str, title: str = "") -> list[dict[str, Any]]:
    article = Article(
        url="https://example.jp/a",
        title=title,
        text=text,
        lang="ja",
        published_at=datetime(2025, 6, 2),
    )
    return [e.to_dict() for e in extract(article, registry).events]


def one(registry: Registry, text: str, kind: str, title: str = "") -> dict[str, Any]:
    found = [e for e in events(registry, text, title) if e["type"] == kind]
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- investment


def test_round_with_lead_and_followers(registry: Registry) -> None:
    text = (
        "米ブライトウェーブは3日、シリーズCで4億ドルを調達したと発表した。"
        "米ヴェルデ・キャピタルが主導し、既存投資家の米グーグルも参加した。"
        "調達後の評価額は52億ドルとなる。"
    )
    e = one(registry, text, "investment")
    assert e["company"] == "ブライトウェーブ"
    assert e["investors"] == ["ヴェルデ・キャピタル", "Google"]
    assert (e["amount_usd"], e["round"], e["valuation_usd"]) == (4e8, "Series C", 5.2e9)


def test_investor_gives_to_a_company_with_a_stake(registry: Registry) -> None:
    text = "トヨタ自動車は、米ネクストAIに5億ドルを出資すると発表した。出資比率は約20%となる。"
    e = one(registry, text, "investment")
    assert (e["company"], e["investors"], e["amount_usd"], e["stake_pct"]) == (
        "ネクストAI",
        ["Toyota"],
        5e8,
        20.0,
    )


def test_stake_and_price_in_one_clause(registry: Registry) -> None:
    e = one(
        registry,
        "米メタは、米ノヴァミンドに150億ドルを投じて同社株式の49%を取得した。",
        "investment",
    )
    assert (e["company"], e["investors"], e["stake_pct"], e["amount_usd"]) == (
        "ノヴァミンド",
        ["Meta"],
        49.0,
        1.5e10,
    )


def test_received_investment_names_investors_with_kara(registry: Registry) -> None:
    text = "米ノヴァミンドは、米エヌビディアや米アマゾンなどから3億ドルの出資を受けた。"
    e = one(registry, text, "investment")
    assert e["company"] == "ノヴァミンド" and e["investors"] == ["NVIDIA", "Amazon"]


def test_article_conversion_wins_over_rates(registry: Registry) -> None:
    e = one(
        registry, "東京のソラトビは、シリーズAで約150億円（約1億ドル）を調達した。", "investment"
    )
    assert e["amount_usd"] == 1e8 and e["round"] == "Series A"


def test_seed_round_stated_as_background_is_its_own_deal(registry: Registry) -> None:
    text = (
        "米ノヴァミンドは、シリーズAで1億ドルを調達した。"
        "同社は昨年にも、米ヴェルデ・キャピタルが主導したシードラウンドで1,000万ドルを調達していた。"
    )
    found = [e for e in events(registry, text) if e["type"] == "investment"]
    assert sorted((e["round"], e["amount_usd"]) for e in found) == [
        ("Series A", 1e8),
        ("seed", 1e7),
    ]


def test_investor_list_after_the_deal(registry: Registry) -> None:
    text = (
        "米ブライトウェーブは、シリーズBで6億ドルを調達した。"
        "出資者には、米ヴェルデ・キャピタル、米セコイア・キャピタルなどが名を連ねた。"
    )
    e = one(registry, text, "investment")
    assert "ヴェルデ・キャピタル" in e["investors"]


# ---------------------------------------------------------------- acquisition


def test_acquisition_with_price(registry: Registry) -> None:
    e = one(
        registry,
        "米セールスフォースは、米ブライトウェーブを約30億ドルで買収すると発表した。",
        "acquisition",
    )
    assert (e["acquirer"], e["target"], e["amount_usd"]) == ("Salesforce", "ブライトウェーブ", 3e9)


def test_passive_acquisition(registry: Registry) -> None:
    e = one(
        registry, "英スタートアップのディープフォーカスは、米アップルに買収された。", "acquisition"
    )
    assert (e["acquirer"], e["target"]) == ("Apple", "ディープフォーカス")


def test_majority_stake_makes_a_subsidiary(registry: Registry) -> None:
    text = "KDDIは、AI開発のソラトビの株式の過半数を取得し、連結子会社化すると発表した。"
    e = one(registry, text, "acquisition")
    assert (e["acquirer"], e["target"]) == ("KDDI", "ソラトビ")
    assert [x for x in events(registry, text) if x["type"] == "investment"] == []


def test_background_acquisition_is_an_event(registry: Registry) -> None:
    e = one(
        registry,
        "2014年にディープマインドを買収したグーグルは、研究で先行してきた。",
        "acquisition",
    )
    assert e["acquirer"] == "Google"


def test_price_from_the_next_sentence(registry: Registry) -> None:
    text = "米シスコは、米ブライトウェーブを買収したと発表した。買収額は約28億ドル。"
    assert one(registry, text, "acquisition")["amount_usd"] == 2.8e9


def test_acquisition_and_tie_up_of_the_same_pair_is_one_acquisition(registry: Registry) -> None:
    text = "KDDIはソラトビを子会社化する。両社は資本業務提携契約を結んだ。"
    assert [e["type"] for e in events(registry, text)] == ["acquisition"]


# ---------------------------------------------------------------- partnership


def test_partnership_of_a_coordinated_subject(registry: Registry) -> None:
    e = one(
        registry, "NTTと米ブライトウェーブは、生成AIの開発で業務提携すると発表した。", "partnership"
    )
    assert e["companies"] == ["NTT", "ブライトウェーブ"]


def test_partnership_with_a_partner(registry: Registry) -> None:
    e = one(registry, "日立製作所は米マイクロソフトと、生成AIの開発で協業する。", "partnership")
    assert e["companies"] == ["Hitachi", "Microsoft"]


def test_partner_without_subject_uses_the_topic(registry: Registry) -> None:
    text = "米ノヴァミンドは資金を調達した。米エヌビディアとは研究で提携する。"
    assert one(registry, text, "partnership")["companies"] == ["ノヴァミンド", "NVIDIA"]


def test_joint_announcement_with_others(registry: Registry) -> None:
    text = (
        "ソフトバンクグループと米OpenAIは合弁会社を設立した。"
        "両社は、米オラクルやUAEの投資会社MGXとともに、AIインフラ計画を発表した。"
    )
    found = [e["companies"] for e in events(registry, text) if e["type"] == "partnership"]
    assert ["SoftBank Group", "OpenAI", "Oracle", "MGX"] in found


# ---------------------------------------------------------------- customer


def test_licence_deal_with_payment(registry: Registry) -> None:
    text = (
        "米グーグルは、米ノヴァミンドのAI技術についてライセンス契約を結んだ。"
        "グーグルはノヴァミンドに約20億ドルを支払う。"
    )
    e = one(registry, text, "customer")
    assert (e["vendor"], e["customer"], e["amount_usd"], e["status"]) == (
        "ノヴァミンド",
        "Google",
        2e9,
        "active",
    )


def test_adoption_of_a_vendor_product(registry: Registry) -> None:
    e = one(
        registry, "みずなみ銀行は、米アンソロピックの生成AI「Claude」を全行に導入した。", "customer"
    )
    assert (e["vendor"], e["customer"]) == ("Anthropic", "みずなみ銀行")


def test_customers_listed_as_examples(registry: Registry) -> None:
    text = (
        "米OpenAI、米アンソロピックといった開発企業が、"
        "米スケールAIのプラットフォームを活用している。"
    )
    found = sorted(e["customer"] for e in events(registry, text) if e["type"] == "customer")
    assert found == ["Anthropic", "OpenAI"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("米ウォルマートは、米ブライトウェーブとの契約を打ち切った。", "ended"),
        ("パナソニックは、米ブライトウェーブのサービスの利用を一時停止した。", "paused"),
    ],
)
def test_customer_status(registry: Registry, text: str, status: str) -> None:
    assert one(registry, text, "customer")["status"] == status


def test_latest_status_and_same_measures(registry: Registry) -> None:
    text = (
        "米グーグルや米OpenAIは、米ブライトウェーブのデータサービスを利用してきた。"
        "グーグルは複数のブライトウェーブプロジェクトを停止した。"
        "OpenAIも同様の措置を取った。"
    )
    found = {e["customer"]: e["status"] for e in events(registry, text) if e["type"] == "customer"}
    assert found == {"Google": "paused", "OpenAI": "paused"}


# ---------------------------------------------------------------- talent


def test_move_with_origin_in_a_relative_clause(registry: Registry) -> None:
    e = one(
        registry, "米グーグルで研究を率いたジョン・スミス氏が、米メタに移籍した。", "talent_move"
    )
    assert (e["person"], e["from"], e["to"]) == ("ジョン・スミス", "Google", "Meta")


def test_hire_with_role(registry: Registry) -> None:
    text = "ソニーは、元アマゾンの佐藤健一氏を最高技術責任者（CTO）として迎え入れた。"
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == ("佐藤健一", "Amazon", "Sony", "CTO")


def test_founding_is_a_move_as_co_founder(registry: Registry) -> None:
    text = "米OpenAIの共同創業者であるケン・タナベ氏は、新会社ユーレカ・ラボズを設立した。"
    e = one(registry, text, "talent_move")
    assert (e["from"], e["to"], e["role"]) == ("OpenAI", "ユーレカ・ラボズ", "co-founder")


def test_founders_of_the_topic_company(registry: Registry) -> None:
    text = (
        "パリを拠点とするのは米ノヴァミンドだ。"
        "同社は元メタ研究者のハンナ・ベッカー氏とリサ・モロー氏が共同創業したスタートアップ。"
    )
    found = {e["person"]: (e["from"], e["to"], e["role"]) for e in events(registry, text)}
    assert found == {
        "ハンナ・ベッカー": ("Meta", "ノヴァミンド", "co-founder"),
        "リサ・モロー": ("Meta", "ノヴァミンド", "co-founder"),
    }


def test_departure_then_founding_is_one_move(registry: Registry) -> None:
    text = (
        "米OpenAIでは幹部の離脱が続く。"
        "5月にはケン・タナベ氏が退社し、翌月に新会社ノヴァミンドを設立した。"
    )
    e = one(registry, text, "talent_move")
    assert (e["from"], e["to"], e["role"]) == ("OpenAI", "ノヴァミンド", "co-founder")


def test_departure_without_destination(registry: Registry) -> None:
    e = one(
        registry,
        "米メタの研究責任者のハンナ・ベッカー氏は、同社を退社すると発表した。",
        "talent_move",
    )
    assert (e["from"], e["to"]) == ("Meta", None)


def test_joining_then_leaving_keeps_the_departure(registry: Registry) -> None:
    text = (
        "米OpenAIで研究を率いるハンナ・ベッカー氏は、同社を退社する。"
        "ベッカー氏は2018年にOpenAIに入社した。"
    )
    e = one(registry, text, "talent_move")
    assert (e["from"], e["to"]) == ("OpenAI", None)


def test_internal_promotion(registry: Registry) -> None:
    text = "米ブライトウェーブは、ケン・タナベ氏がCEOを退任し、会長に就任すると発表した。"
    e = one(registry, text, "talent_move")
    assert (e["from"], e["to"], e["role"]) == ("ブライトウェーブ", "ブライトウェーブ", "chairman")


def test_appointment_in_the_company_frame(registry: Registry) -> None:
    text = "米ブライトウェーブでは、法務責任者のケン・タナベ氏が暫定CEOに就いた。"
    e = one(registry, text, "talent_move")
    assert (e["to"], e["role"]) == ("ブライトウェーブ", "interim CEO")


def test_surname_alone_is_resolved(registry: Registry) -> None:
    text = "米グーグルのハンナ・ベッカー氏は研究を率いてきた。ベッカー氏は来月、同社を退社する。"
    assert one(registry, text, "talent_move")["person"] == "ハンナ・ベッカー"


# ---------------------------------------------------------------- financial, layoff, launch


def test_revenue_with_period(registry: Registry) -> None:
    text = "米ブライトウェーブの2024年の売上高は8億7,000万ドルだった。"
    e = one(registry, text, "financial")
    assert (e["company"], e["metric"], e["value_usd"], e["period"]) == (
        "ブライトウェーブ",
        "revenue",
        8.7e8,
        "2024",
    )


def test_arr_at_month_end_and_margin(registry: Registry) -> None:
    text = (
        "米ブライトウェーブは2019年の設立。2024年8月末時点の年間経常収益（ARR）は10億ドルに達した。"
        "50%以上の粗利益率を実現している。"
    )
    found = {e["metric"]: e for e in events(registry, text) if e["type"] == "financial"}
    assert (found["arr"]["value_usd"], found["arr"]["period"]) == (1e9, "2024-08")
    assert found["gross_margin"]["value_pct"] == 50.0


def test_funding_to_date_is_a_figure_not_a_round(registry: Registry) -> None:
    text = "米ブライトウェーブはこれまでに、総額1億1,800万ドルを調達している。"
    assert [e["type"] for e in events(registry, text)] == ["financial"]
    assert one(registry, text, "financial")["metric"] == "funding_total"


def test_layoff_count(registry: Registry) -> None:
    text = "米ブライトウェーブは、正社員の約14%にあたる約1万2000人を削減すると発表した。"
    e = one(registry, text, "layoff")
    assert (e["company"], e["count"]) == ("ブライトウェーブ", 12000)


def test_cutting_costs_is_not_a_layoff(registry: Registry) -> None:
    assert events(registry, "米ブライトウェーブは、クラウド費用を削減した。") == []


def test_launches_of_several_quoted_products(registry: Registry) -> None:
    text = "東京のソラトビは21日、日本語LLM「Hoshi-7B」と、画像モデル「Hoshi-V」を公開した。"
    found = sorted(e["product"] for e in events(registry, text) if e["type"] == "product_launch")
    assert found == ["Hoshi-7B", "Hoshi-V"]


def test_launch_by_a_cleft_sentence(registry: Registry) -> None:
    e = one(registry, "ソラトビが公開したのは、対話向けの「Hoshi-Chat」です。", "product_launch")
    assert (e["company"], e["product"]) == ("ソラトビ", "Hoshi-Chat")


def test_start_of_service_of_a_named_product(registry: Registry) -> None:
    e = one(registry, "NECは、独自開発のLLM「ミズカ」の提供を開始した。", "product_launch")
    assert e["product"] == "ミズカ"


def test_quoted_event_name_is_not_the_product(registry: Registry) -> None:
    text = "米ブライトウェーブは年次イベント「BW Summit」の基調講演で新GPU「Orca」を発表した。"
    assert one(registry, text, "product_launch")["product"] == "Orca"


def test_headline_subject_and_roundup_items(registry: Registry) -> None:
    text = "■ノヴァミンド、「Nova-2」を公開\n\n■ブライトウェーブ、日本語LLM「Bright-JP」を公開"
    found = {e["product"]: e["company"] for e in events(registry, text)}
    assert found == {"Nova-2": "ノヴァミンド", "Bright-JP": "ブライトウェーブ"}


# ---------------------------------------------------------------- no event


@pytest.mark.parametrize(
    "text",
    [
        "米OpenAIは、ソフトバンクグループから出資を受ける方向で交渉中だ。",
        "米ブライトウェーブは、米ノヴァミンドの買収を検討している。",
        "米グーグルと米アップルは、提携について協議中だという。",
        "米ブライトウェーブが米ノヴァミンドを買収すると米ブルームバーグが報じた。",
        "米ブライトウェーブによる米ノヴァミンドの買収が近いとの報道がある。",
        "関係者によると、米グーグルは米ノヴァミンドに出資した。",
        "米アドビは、米ノヴァミンドの買収を断念したと発表した。",
        "米ノヴァミンドは、米メタからの買収提案を拒否した。",
        "ケン・タナベ氏は米メタへの移籍の打診を断った。",
        "ハンナ・ベッカー氏は米OpenAIに残留した。",
        "ハンナ・ベッカー氏は退社ではなく、休暇後に復帰する。",
        "米グーグルが米ノヴァミンドに出資すれば、業界の勢力図は変わる。",
        "ソラトビが外部から出資を受ける可能性はありますか。",
        "米マイクロソフトは米ノヴァミンドの株式は取得しておらず、買収には当たらない。",
        "楽天とノヴァミンドの間で業務提携が結ばれたわけではありません。",
        "米メタは人員削減を実施していないと述べた。",
        "米アップルはAI機能「Apple Mind」の提供を延期すると発表した。",
        "米ブライトウェーブは、米ノヴァミンドとの提携関係を見直す。",
        "ソラトビは、米グーグルからの出資を辞退した。",
        "米ブライトウェーブは、米ノヴァミンドとの提携を否定した。",
        "米ノヴァミンドが上場するなら、米グーグルが出資する。",
        "ケン・タナベ氏はCEOに留任し、引き続き経営を率いる。",
        "リサ・モロー氏は米メタにとどまった。",
        "米ブライトウェーブと米ノヴァミンドは提携交渉を進めている。",
        "米ブライトウェーブは米ノヴァミンドの買収について最終調整に入った。",
        "米ブライトウェーブは米ノヴァミンドに出資する意向を示した。",
    ],
)
def test_no_event(registry: Registry, text: str) -> None:
    assert events(registry, text) == []


# ---------------------------------------------------------------- press releases and tables


def test_press_release_defines_its_short_name(registry: Registry) -> None:
    text = (
        "株式会社ソラトビ（本社：東京都港区、代表取締役CEO：山田太郎、以下「ソラトビ」）は、"
        "シリーズBラウンドにおいて、株式会社ABCキャピタル、DEFベンチャーズを引受先とする"
        "第三者割当増資により、総額15億円の資金調達を実施したことをお知らせします。"
        "今回の資金調達により、ソラトビの累計調達額は25億円となりました。"
    )
    found = {e["type"]: e for e in events(registry, text)}
    assert found["investment"]["company"] == "ソラトビ"
    assert found["investment"]["investors"] == ["ABCキャピタル", "DEFベンチャーズ"]
    assert found["investment"]["round"] == "Series B"
    assert found["financial"]["metric"] == "funding_total"


def test_press_release_appointment_without_honorific(registry: Registry) -> None:
    text = (
        "株式会社ミライテックは、2025年7月1日付で、山本花子が取締役CTOに就任したことを"
        "お知らせします。山本は、グーグル合同会社で10年間エンジニアリングマネージャーを"
        "務めた後、当社に参画しました。"
    )
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "山本花子",
        "Google",
        "ミライテック",
        "CTO",
    )


def test_table_of_rounds(registry: Registry) -> None:
    text = (
        "主な案件を表にまとめた。\n\n企業 | 調達額 | ラウンド | 主な投資家\n"
        "米ブライトウェーブ | 4億ドル | シリーズC | ヴェルデ・キャピタル、米グーグル\n"
        "ソラトビ | 1億ドル | シリーズB | KDDI"
    )
    found = {e["company"]: e for e in events(registry, text)}
    assert found["ブライトウェーブ"]["investors"] == ["ヴェルデ・キャピタル", "Google"]
    assert (found["ソラトビ"]["amount_usd"], found["ソラトビ"]["round"]) == (1e8, "Series B")


def test_table_of_moves_and_acquisitions(registry: Registry) -> None:
    text = (
        "氏名 | 前職 | 新たな所属 | 役職\nハンナ・ベッカー | 米グーグル | 米OpenAI | CTO\n\n"
        "買収企業 | 買収先 | 買収額\n米シスコ | 米ブライトウェーブ | 28億ドル"
    )
    found = {e["type"]: e for e in events(registry, text)}
    assert (found["talent_move"]["from"], found["talent_move"]["to"]) == ("Google", "OpenAI")
    assert (found["acquisition"]["target"], found["acquisition"]["amount_usd"]) == (
        "ブライトウェーブ",
        2.8e9,
    )


# ---------------------------------------------------------------- more phrasings


def test_licence_granted_to_a_customer(registry: Registry) -> None:
    text = "米ソラトビは、米ノヴァミンドに自社のAI技術をライセンス供与する契約を結んだ。"
    e = one(registry, text, "customer")
    assert (e["vendor"], e["customer"]) == ("ソラトビ", "ノヴァミンド")


def test_former_employer_in_parentheses(registry: Registry) -> None:
    text = "リサ・モロー氏（元米メタ副社長）が米アンソロピックに入社した。"
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("リサ・モロー", "Meta", "Anthropic")


def test_move_named_as_a_noun_and_hire_marked_with_mo(registry: Registry) -> None:
    text = (
        "注目を集めたのは、米アップルでモデル部門を率いていたケン・タナベ氏の移籍だ。"
        "タナベ氏は7月、米メタに加わった。"
        "メタはこのほか、米ノヴァミンドのリサ・モローCEOも迎え入れた。"
    )
    found = {e["person"]: (e["from"], e["to"]) for e in events(registry, text)}
    assert found == {"ケン・タナベ": ("Apple", "Meta"), "リサ・モロー": ("ノヴァミンド", "Meta")}


def test_earlier_stake_of_a_shareholder_in_the_headline_company(registry: Registry) -> None:
    text = "大株主の米アマゾンは、これまでに計80億ドルを出資してきた。"
    found = events(registry, text, title="米ノヴァミンド、35億ドルを調達")
    assert {"company": "ノヴァミンド", "investors": ["Amazon"]}.items() <= found[-1].items()


def test_kanji_katakana_company_name_in_a_headline(registry: Registry) -> None:
    e = one(registry, "東日本フイルム、独ヴィジョンメッドを買収", "acquisition")
    assert (e["acquirer"], e["target"]) == ("東日本フイルム", "ヴィジョンメッド")


def test_latin_person_name_with_honorific(registry: Registry) -> None:
    e = one(registry, "Hannah Becker氏は、米ブライトウェーブのCEOに就任した。", "talent_move")
    assert (e["person"], e["to"], e["role"]) == ("Hannah Becker", "ブライトウェーブ", "CEO")


def test_plan_in_quotes_is_not_a_product(registry: Registry) -> None:
    text = "米ブライトウェーブは、中期経営計画「ビジョン2030」を発表した。"
    assert events(registry, text) == []


def test_comparison_period_is_not_the_period(registry: Registry) -> None:
    text = "米ブライトウェーブの2025年1〜3月期の売上高は前年同期比45%増の12億ドルだった。"
    assert one(registry, text, "financial")["period"] == "2025-Q1"


def test_customers_listed_after_kokyaku_niwa(registry: Registry) -> None:
    text = "米ブライトウェーブの顧客には米ウォルマートや米ファイザーなど大手企業が多い。"
    found = sorted(e["customer"] for e in events(registry, text) if e["type"] == "customer")
    assert len(found) == 2 and ("ウォルマート" in found or "Walmart" in found)


def test_contract_amount_and_later_status(registry: Registry) -> None:
    text = (
        "米ノヴァミンドは、米エヌビディアの最新GPUを採用すると発表した。契約額は約10億ドル。"
        "ノヴァミンドはこれまで米AMDのGPUを使っていたが、今後は利用を段階的に打ち切る方針だ。"
    )
    found = {e["vendor"]: e for e in events(registry, text) if e["type"] == "customer"}
    assert found["NVIDIA"]["amount_usd"] == 1e9
    assert found["AMD"]["status"] == "ended"


def test_short_and_long_forms_of_a_new_name_are_one(registry: Registry) -> None:
    text = "日立、米データ分析のクオンタムを買収へ\n\n日立製作所は、米クオンタム・アナリティクスを買収する。"
    e = one(registry, text, "acquisition")
    assert e["target"] == "クオンタム・アナリティクス"


def test_executive_speaks_for_the_company(registry: Registry) -> None:
    text = "ソフトバンクグループの孫正義会長兼社長は、米ノヴァミンドに30億ドルを追加出資する方針を明らかにした。"
    e = one(registry, text, "investment")
    assert (e["company"], e["investors"]) == ("ノヴァミンド", ["SoftBank Group"])


def test_nominal_move_with_origin_and_goal(registry: Registry) -> None:
    e = one(registry, "ケン・タナベ氏の米グーグルから米メタへの移籍が決まった。", "talent_move")
    assert (e["from"], e["to"]) == ("Google", "Meta")


def test_annualised_revenue_is_arr(registry: Registry) -> None:
    e = one(registry, "米ノヴァミンドの年換算の売上高は20億ドルを超えた。", "financial")
    assert (e["metric"], e["value_usd"]) == ("arr", 2e9)


def test_unquoted_product_with_version(registry: Registry) -> None:
    e = one(registry, "米グーグルは新しいAIモデルのGemini 3を公開した。", "product_launch")
    assert (e["company"], e["product"]) == ("Google", "Gemini 3")


def test_passive_launch_of_a_quoted_product(registry: Registry) -> None:
    e = one(
        registry, "米ブライトウェーブが開発した新モデル「Bright-2」が公開された。", "product_launch"
    )
    assert (e["company"], e["product"]) == ("ブライトウェーブ", "Bright-2")


def test_subject_before_a_relative_clause_with_its_own_subject(registry: Registry) -> None:
    # The lead's relative clause (Yが主導する) has its own subject: the raiser is still X.
    text = (
        "米クアドラは昨年、画像認識の新興企業を買収した。"
        "新興勢では、米ルミナラボが24年5月、米オークツリー・ベンチャーズが主導するシリーズBで"
        "1億2000万ドルを調達した。"
    )
    e = one(registry, text, "investment")
    assert e["company"] == "ルミナラボ"
    assert e["amount_usd"] == 1.2e8


# ---------------------------------------------------------------- after the eleventh batch


def test_a_country_arm_is_the_company(registry: Registry) -> None:
    text = "ミナト・ロボティクスは、元グーグル・ジャパンの川村千尋氏が最高製品責任者に就任したと発表した。"
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("川村千尋", "Google", "ミナト・ロボティクス")


def test_an_own_officer_with_a_glossed_post(registry: Registry) -> None:
    text = (
        "株式会社ヒカリ・データは、シリーズBで20億円を調達しました。"
        "また、元マイクロソフトの高野翔太が当社の最高財務責任者（CFO）に就任いたしました。"
    )
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("高野翔太", "Microsoft", "ヒカリ・データ")


def test_adopted_for_us_by_an_example_company(registry: Registry) -> None:
    text = (
        "当社の在庫AIは、現在ローソンストアをはじめとする大手流通企業にご利用いただいております。"
    )
    e = one(registry, text, "customer", title="ミドリ・ラボ、在庫AIの新版を公開")
    assert (e["vendor"], e["customer"]) == ("ミドリ・ラボ", "ローソンストア")


def test_an_attempt_given_up_later_in_the_sentence(registry: Registry) -> None:
    text = (
        "米クオーツは23年、米シグナル・フォージを12億ドルで買収した。"
        "英テンペストの買収も目指したが、株主の反対にあって翌年に断念した。"
    )
    found = [e for e in events(registry, text) if e["type"] == "acquisition"]
    assert [e["target"] for e in found] == ["シグナル・フォージ"]


def test_a_deal_given_up_before_it_is_told(registry: Registry) -> None:
    # The news is the deal given up; the agreement told after it is no event, the new one is.
    text = (
        "独ベルタ・システムズは3日、蘭ノルディア・ビジョンの買収を断念したと発表した。"
        "ベルタは今年1月、ノルディアを3億ユーロで買収することで合意していた。"
        "ベルタは代わりに、仏ルミエール・ラボを買収する。"
    )
    found = [e for e in events(registry, text) if e["type"] == "acquisition"]
    assert [e["target"] for e in found] == ["ルミエール・ラボ"]


def test_a_backer_of_the_company_just_described(registry: Registry) -> None:
    text = (
        "英オーロラ・メッドは医療画像のスタートアップで、米セコイア・キャピタルなどが出資している。"
    )
    e = one(registry, text, "investment")
    assert (e["company"], e["investors"]) == ("オーロラ・メッド", ["Sequoia Capital"])


def test_a_recipient_marked_with_niwa(registry: Registry) -> None:
    e = one(registry, "米ヘリオス・メドには、米アクセルとNECが出資した。", "investment")
    assert e["company"] == "ヘリオス・メド"
    assert e["investors"] == ["Accel", "NEC"]


def test_a_kanji_name_read_aloud_inside(registry: Registry) -> None:
    text = (
        "中国の華星（ファーシン）電子工業は5日、米ネオグリッドを2億ドルで買収すると発表した。"
        "華星は2019年にも米社を買収している。華星の王明CEOは「AIに賭ける」と述べた。"
    )
    e = one(registry, text, "acquisition")
    assert (e["acquirer"], e["target"]) == ("華星電子工業", "ネオグリッド")


def test_a_heading_deal_the_body_only_reports(registry: Registry) -> None:
    text = (
        "今週の話題をまとめます。\n"
        "2. ソニー、NECと大型のAI契約\n"
        "ソニーがNECと10年間で約50億ドルのAI契約を結ぶと報じられました。\n"
        "3. パナソニックが新モデル公開\n"
        "パナソニックは、新しい言語モデル「Kizuna-2」を公開しました。"
    )
    found = events(registry, text)
    assert [e["type"] for e in found] == ["product_launch"]


def test_a_move_into_an_unknown_unit_of_a_company(registry: Registry) -> None:
    text = "米グーグルで検索AIを率いていた森本悠さんが退社し、米マイクロソフトの汎用知能研究所に移った。"
    e = one(registry, text, "talent_move")
    assert (e["from"], e["to"]) == ("Google", "Microsoft")


def test_the_bought_company_head_to_lead_the_buyers_unit(registry: Registry) -> None:
    text = (
        "米シスコは、独ブラウ・セキュアを買収すると発表した。"
        "ブラウのレナ・ハルトマンCEOはシスコのAIセキュリティ部門を率いる。"
    )
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "レナ・ハルトマン",
        "ブラウ・セキュア",
        "Cisco",
        None,
    )


def test_that_company_is_the_subject_of_a_topicless_sentence(registry: Registry) -> None:
    text = (
        "AI半導体の業界では、買収と資金調達が相次いでいる。\n\n"
        "大手では、米クアルコムは23年に米オートトークスを買収した。"
        "新顔では、米セレブラスが今年、シリーズGで11億ドルを調達した。"
        "同社は元サン・マイクロシステムズの技術者アンドリュー・フェルドマン氏が創業した。"
    )
    e = one(registry, text, "talent_move")
    assert (e["person"], e["to"]) == ("アンドリュー・フェルドマン", "Cerebras")


# ---------------------------------------------------------------- after the twelfth batch


def test_a_kanji_name_glossed_with_its_reading(registry: Registry) -> None:
    text = (
        "中国のAI新興、星辰科技（シンチェン）は3日、10億元（約1億4000万ドル）を調達したと発表した。"
        "百度（バイドゥ）が主導した。"
    )
    e = one(registry, text, "investment")
    assert (e["company"], e["investors"]) == ("星辰科技", ["Baidu"])


def test_an_acronym_gloss_is_no_name(registry: Registry) -> None:
    found = events(registry, "米ノヴァミンドの年換算売上高（ARR）は5億ドルを超えた。")
    assert [(e["type"], e["company"]) for e in found] == [("financial", "ノヴァミンド")]


def test_a_katakana_name_with_a_latin_tail(registry: Registry) -> None:
    text = "KDDIは、データセンター運営のサクラギDCを約300億円で買収すると発表した。"
    e = one(registry, text, "acquisition")
    assert (e["acquirer"], e["target"]) == ("KDDI", "サクラギDC")


def test_adopted_by_companies_with_no_maker_named(registry: Registry) -> None:
    text = "AI翻訳のコトバ・ラボは、新版を公開した。同製品はすでに大和証券などに採用されている。"
    e = one(registry, text, "customer")
    assert (e["vendor"], e["customer"]) == ("コトバ・ラボ", "Daiwa Securities")


def test_case_studies_are_no_adoption(registry: Registry) -> None:
    text = "AI-OCRサービスを手がけるミミ・テックは、主な導入事例と導入企業数を公開した。"
    assert [e for e in events(registry, text) if e["type"] == "customer"] == []


# ---------------------------------------------------------------- after the thirteenth batch


def customer_pairs(found: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(e["vendor"], e["customer"]) for e in found if e["type"] == "customer"}


def test_customers_named_as_supplied_in_earnings(registry: Registry) -> None:
    text = (
        "精密部品の東和電機が発表した2025年3月期決算は、売上高が前期比12%増の800億円だった。"
        "データセンター向けの部品が伸びた。米アマゾンやKDDIへの供給が増えたという。"
        "米グーグル向けの出荷も好調だった。"
    )
    assert customer_pairs(events(registry, text)) == {
        ("東和電機", "Amazon"),
        ("東和電機", "KDDI"),
        ("東和電機", "Google"),
    }


def test_a_market_served_is_no_customer(registry: Registry) -> None:
    text = "精密部品の東和電機の売上高は800億円だった。生成AI向けの出荷が伸びた。"
    assert customer_pairs(events(registry, text)) == set()


def test_passive_adoption_by_companies_named_with_ni(registry: Registry) -> None:
    text = "米アンソロピックは、三井住友銀行と第一生命に同社のAIモデルが採用されたと発表した。"
    assert customer_pairs(events(registry, text)) == {
        ("Anthropic", "Sumitomo Mitsui Banking Corporation"),
        ("Anthropic", "Dai-ichi Life"),
    }


def test_adopted_by_each_company_of_a_list(registry: Registry) -> None:
    text = (
        "株式会社ミナトAIの売上高は45億円となりました。"
        "文書解析サービス「ミナト・リード」の導入が進み、三菱商事、ソニーなどに採用されました。"
    )
    assert customer_pairs(events(registry, text)) == {
        ("ミナトAI", "Mitsubishi Corporation"),
        ("ミナトAI", "Sony"),
    }


def test_a_companys_japan_arm_bought(registry: Registry) -> None:
    e = one(registry, "楽天グループは、米オラクル日本法人を買収したと発表した。", "acquisition")
    assert (e["acquirer"], e["target"]) == ("Rakuten", "オラクル日本法人")


def test_a_japan_arm_glossed_with_its_own_name(registry: Registry) -> None:
    text = "楽天グループは、ボーダフォン日本法人（Vodafone K.K.）を約2000億円で買収した。"
    e = one(registry, text, "acquisition")
    assert (e["acquirer"], e["target"]) == ("Rakuten", "Vodafone K.K.")


def test_the_head_of_a_new_unit_goes_to_its_company(registry: Registry) -> None:
    text = (
        "米グーグルは5月、米ノヴァミンドと提携し、同社を率いていた佐藤健太氏を迎え入れた。"
        "佐藤氏は新設のロボット研究所の所長に就いている。"
    )
    e = one(registry, text, "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("佐藤健太", "ノヴァミンド", "Google")


def test_a_move_to_a_unit_named_with_its_company(registry: Registry) -> None:
    e = one(
        registry, "米オープンAIの研究者だった田中健氏は、Metaの新設部門を率いる。", "talent_move"
    )
    assert (e["person"], e["from"], e["to"]) == ("田中健", "OpenAI", "Meta")
    e = one(
        registry,
        "米グーグルの研究者だった田中健氏が、メタの超知能研究所に移籍した。",
        "talent_move",
    )
    assert (e["from"], e["to"]) == ("Google", "Meta")


# ---------------------------------------------------------------- dated amounts, suppliers, aliases


def test_two_dated_amounts_before_one_raise_are_two_rounds(registry: Registry) -> None:
    text = "米ハルモニクスは2023年11月に米アクセルなどから3億ドル、2025年2月には8億ドルを調達した。"
    found = [e for e in events(registry, text) if e["type"] == "investment"]
    got = sorted((e["amount_usd"], e["company"], tuple(e["investors"])) for e in found)
    assert got == [(3e8, "ハルモニクス", ("Accel",)), (8e8, "ハルモニクス", ())]


def test_each_dated_amount_keeps_its_round(registry: Registry) -> None:
    text = (
        "ミズホシ・ラボは22年5月にシリーズAで1200万ドル、24年3月にシリーズBで6000万ドルを集めた。"
    )
    found = [e for e in events(registry, text) if e["type"] == "investment"]
    assert sorted((e["amount_usd"], e["round"]) for e in found) == [
        (1.2e7, "Series A"),
        (6e7, "Series B"),
    ]


def test_one_date_for_two_amounts_is_no_split(registry: Registry) -> None:
    text = "米ハルモニクスは2025年2月、8億ドルを調達した。累計の調達額は11億ドルとなった。"
    assert one(registry, text, "investment")["amount_usd"] == 8e8


def test_a_researchers_joint_work_is_no_company_partnership(registry: Registry) -> None:
    text = (
        "ミズホシ・ラボは3日、新しい音声モデルを公開した。"
        "開発を率いた森田氏は京都大学で音声認識を研究し、19年にパナソニックと補聴器を共同開発した。"
    )
    assert [e for e in events(registry, text) if e["type"] == "partnership"] == []


def test_a_university_where_work_was_done_is_no_partner(registry: Registry) -> None:
    text = (
        "ミズホシ・ラボの森田氏の歩み\n"
        "・2015年：ミズホシ・ラボに入社\n"
        "・2012年：京都大学で同僚とともに音声認識モデルを共同開発"
    )
    assert [e for e in events(registry, text) if e["type"] == "partnership"] == []


def test_a_university_under_contract_is_a_partner(registry: Registry) -> None:
    text = "ミズホシ・ラボは京都大学と共同研究契約を締結した。"
    e = one(registry, text, "partnership")
    assert e["companies"] == ["ミズホシ・ラボ", "京都大学"]
    assert [e for e in events(registry, text) if e["type"] == "customer"] == []
    e = one(
        registry,
        "ミズホシ・ラボの森田社長は、パナソニックと補聴器を共同開発すると述べた。",
        "partnership",
    )
    assert e["companies"] == ["ミズホシ・ラボ", "Panasonic"]


def test_goods_bought_from_a_supplier_with_the_buyer_unsaid(registry: Registry) -> None:
    text = "カゼハナ社は配送ロボットを手がける。\n部品の調達\nモーターは村田製作所から調達し、GPUは米エヌビディアから購入している。"
    found = [e for e in events(registry, text) if e["type"] in ("customer", "investment")]
    got = sorted((e["type"], e["vendor"], e["customer"]) for e in found)
    assert got == [("customer", "NVIDIA", "カゼハナ"), ("customer", "村田製作所", "カゼハナ")]


def test_goods_worth_an_amount_are_no_funding(registry: Registry) -> None:
    text = "カゼハナ社は配送ロボットを手がける。同社は村田製作所から30億円分のモーターを調達した。"
    found = [e for e in events(registry, text) if e["type"] in ("customer", "investment")]
    assert [(e["type"], e["vendor"], e["customer"]) for e in found] == [
        ("customer", "村田製作所", "カゼハナ")
    ]
    text = "カゼハナ社は配送ロボットを手がける。同社は村田製作所から30億円を調達した。"
    e = one(registry, text, "investment")
    assert (e["company"], e["investors"]) == ("カゼハナ", ["村田製作所"])


@pytest.mark.parametrize(
    "text",
    [
        "株式会社ソラトビ（以下「当社」）は、新製品を発表しました。",
        "株式会社ソラトビ（本社：大阪市、以下「ソラトビ」）は、新しいサービスを発表しました。",
        "株式会社ソラトビ（以下、弊社）は本日、新製品を発表いたしました。",
    ],
)
def test_a_defined_short_name_is_no_product(registry: Registry, text: str) -> None:
    assert [e for e in events(registry, text) if e["type"] == "product_launch"] == []


def test_a_product_with_a_defined_short_name_is_one_product(registry: Registry) -> None:
    text = "株式会社ソラトビは、翻訳AI「ソラトビ・ワード」（以下「本サービス」）を発表しました。"
    assert one(registry, text, "product_launch")["product"] == "ソラトビ・ワード"
