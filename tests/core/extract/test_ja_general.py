"""Japanese rules on sentence shapes seen on sites nobody tuned on: datelines, consortia,
background deals with several owners, appointments to new organisations, background launches.

Every sentence was written for these tests; the names are partly invented and partly real, so
that both registry names and names recognised from context are exercised.
"""

from __future__ import annotations

from newsbot.core.registry import Registry
from tests.core.extract.cases import japanese_events as events
from tests.core.extract.cases import of

# ---------------------------------------------------------------- datelines


def test_a_byline_names_no_one(registry: Registry) -> None:
    text = (
        "【ロンドン=山田太郎】英自動運転スタートアップのウェイブは7日、10億5000万ドルを調達した"
        "と発表した。ソフトバンクグループが主導し、米エヌビディアと米マイクロソフトも参加した。"
    )
    found = events(registry, text)
    assert [e["type"] for e in found] == ["investment"]
    assert found[0]["company"] == "ウェイブ"
    assert found[0]["investors"] == ["SoftBank Group", "NVIDIA", "Microsoft"]


def test_a_wire_dateline_is_dropped(registry: Registry) -> None:
    text = "（ニューヨーク＝共同）米IBMは24日、米ハシコープを64億ドルで買収すると発表した。"
    (e,) = of(events(registry, text), "acquisition")
    assert (e["acquirer"], e["amount_usd"]) == ("IBM", 6.4e9)


# ---------------------------------------------------------------- investments


def test_the_lead_of_a_round_is_no_recipient(registry: Registry) -> None:
    text = "英半導体設計のグラフコアは、米フィデリティ・インターナショナルが主導する資金調達で2億ドルを調達した。"
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "Graphcore"
    assert e["investors"] == ["フィデリティ・インターナショナル"]


def test_a_consortium_named_company_by_company(registry: Registry) -> None:
    text = (
        "新会社のミライセミコン（東京・港）は3日、トヨタ自動車、デンソー、NEC、キオクシア、"
        "三菱UFJ銀行の5社が出資したと発表した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "ミライセミコン"
    assert e["investors"] == ["Toyota", "Denso", "NEC", "Kioxia", "MUFG Bank"]


def test_investors_named_with_besides(registry: Registry) -> None:
    text = (
        "英半導体スタートアップのグラフコアは29日、2億2200万ドルを調達したと発表した。"
        "英資産運用会社フィデリティ・インターナショナルのほか、ベイリー・ギフォードなどが出資した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "Graphcore"
    assert e["investors"] == ["フィデリティ・インターナショナル", "ベイリー・ギフォード"]


def test_mutual_investment_is_two_deals(registry: Registry) -> None:
    found = of(
        events(registry, "トヨタ自動車とNTTは相互に出資し、AI分野で提携する。"), "investment"
    )
    assert sorted((e["company"], e["investors"][0]) for e in found) == [
        ("NTT", "Toyota"),
        ("Toyota", "NTT"),
    ]


def test_stakes_each_way(registry: Registry) -> None:
    text = "NECがソフトバンクの株式の1%を、ソフトバンクがNECの株式の1%をそれぞれ取得する。"
    found = of(events(registry, text), "investment")
    assert sorted((e["company"], e["investors"], e["stake_pct"]) for e in found) == [
        ("NEC", ["SoftBank Corp."], 1.0),
        ("SoftBank Corp.", ["NEC"], 1.0),
    ]


def test_a_record_is_no_second_round(registry: Registry) -> None:
    text = (
        "米ノヴァミンドは5日、シリーズBで5億ドルを調達した。"
        "米国のAI企業の資金調達としては今年最大規模となる。"
    )
    assert len(of(events(registry, text), "investment")) == 1


def test_one_investment_per_investor_and_amount(registry: Registry) -> None:
    text = "マイクロソフトが最大50億ドル、エヌビディアが最大100億ドルをアンソロピックに出資する。"
    found = of(events(registry, text), "investment")
    assert sorted((e["investors"][0], e["amount_usd"]) for e in found) == [
        ("Microsoft", 5e9),
        ("NVIDIA", 1e10),
    ]


# ---------------------------------------------------------------- acquisitions


def test_owners_over_time_in_one_clause(registry: Registry) -> None:
    text = (
        "ボストン・ダイナミクスは2013年にグーグルが買収し、17年にソフトバンクグループ、"
        "21年に韓国現代自動車グループへと売却された。"
    )
    found = of(events(registry, text), "acquisition")
    assert [e["acquirer"] for e in found] == ["Google", "SoftBank Group", "Hyundai Motor Group"]
    assert {e["target"] for e in found} == {"Boston Dynamics"}


def test_a_holding_company_buying_year_after_year(registry: Registry) -> None:
    text = "リクルートホールディングスは2012年にIndeedを、18年にGlassdoorを買収した。"
    found = of(events(registry, text), "acquisition")
    assert [(e["acquirer"], e["target"]) for e in found] == [
        ("Recruit Holdings", "Indeed"),
        ("Recruit Holdings", "Glassdoor"),
    ]


def test_a_business_unit_bought(registry: Registry) -> None:
    text = "ソフトバンクグループは、スイスのABBのロボット事業を53億ドルで買収する。"
    (e,) = of(events(registry, text), "acquisition")
    assert (e["target"], e["amount_usd"]) == ("ABBのロボット事業", 5.3e9)


# ---------------------------------------------------------------- people


def test_the_head_of_a_new_organisation(registry: Registry) -> None:
    text = (
        "グーグルはAI研究の2部門を統合し、新組織「グーグル・ディープマインド」を設立する。"
        "新組織のCEOには、ディープマインドの共同創業者でCEOのデミス・ハサビス氏が就く。"
    )
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "Demis Hassabis",
        "Google DeepMind",
        "Google DeepMind",
        "CEO",
    )


def test_two_posts_filled_in_one_sentence(registry: Registry) -> None:
    text = (
        "ラピダスは11日、新経営陣を発表した。会長には東京エレクトロン元社長の東哲郎氏、"
        "社長には日立製作所出身の小池淳義氏が就いた。"
    )
    found = of(events(registry, text), "talent_move")
    assert [(e["person"], e["from"], e["to"], e["role"]) for e in found] == [
        ("東哲郎", "Tokyo Electron", "Rapidus", "chairman"),
        ("小池淳義", "Hitachi", "Rapidus", "president"),
    ]


def test_the_post_of_a_unit(registry: Registry) -> None:
    text = "ソニーAIのCEOには、北野宏明氏が就く。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["to"], e["role"]) == ("Sony AI", "CEO")


def test_interim_co_ceos_from_inside(registry: Registry) -> None:
    text = (
        "米求人サイトのジョブスターはCEOの退任を発表した。"
        "後任が決まるまでは、ジョブスターの最高財務責任者（CFO）のデビッド・リー氏と"
        "最高製品責任者（CPO）のサラ・キム氏が暫定共同CEOを務める。"
    )
    found = of(events(registry, text), "talent_move")
    assert {(e["person"], e["from"], e["to"], e["role"]) for e in found} == {
        ("デビッド・リー", "ジョブスター", "ジョブスター", "interim co-CEO"),
        ("サラ・キム", "ジョブスター", "ジョブスター", "interim co-CEO"),
    }


def test_that_company_is_the_persons(registry: Registry) -> None:
    text = (
        "リクルートホールディングスは、傘下の米求人サイト運営会社ジョブスターの"
        "エミリー・ワトソンCEOが9月30日付で同社を離れると発表した。"
    )
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("エミリー・ワトソン", "ジョブスター", None)


def test_a_press_release_names_its_officer_without_honorific(registry: Registry) -> None:
    text = "株式会社サクラテックの代表取締役会長の渡辺修は、6月20日付で退任いたします。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("渡辺修", "サクラテック", None)


def test_a_press_release_officer_spaced_without_honorific(registry: Registry) -> None:
    text = (
        "株式会社ミナトAI（本社：大阪市北区、代表取締役：大野 翼）は、新たな経営体制をお知らせします。"
        "当社は8月1日付で、楽天グループで広告事業を率いていた北村 楓が取締役CTOに就任いたしました。"
    )
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == ("北村楓", "Rakuten", "ミナトAI", "CTO")


def test_people_arriving_from_several_places(registry: Registry) -> None:
    text = (
        "グーグル・ディープマインドからはジャック・レイ氏とペイ・スン氏、"
        "アンソロピックからはジョエル・ポバー氏がメタに加わる。"
    )
    found = of(events(registry, text), "talent_move")
    assert {(e["person"], e["from"], e["to"]) for e in found} == {
        ("ジャック・レイ", "Google DeepMind", "Meta"),
        ("ペイ・スン", "Google DeepMind", "Meta"),
        ("ジョエル・ポバー", "Anthropic", "Meta"),
    }


def test_a_newspaper_personnel_list(registry: Registry) -> None:
    text = "日立製作所（4月1日）▽社長（副社長）山田太郎▽取締役（日本オラクル社長）鈴木 三郎"
    found = of(events(registry, text), "talent_move")
    assert [(e["person"], e["from"], e["to"], e["role"]) for e in found] == [
        ("山田太郎", "Hitachi", "Hitachi", "president"),
        ("鈴木三郎", "Oracle", "Hitachi", "board member"),
    ]


def test_the_head_of_a_company_just_set_up(registry: Registry) -> None:
    text = (
        "トヨタ自動車は3日、AI開発の新会社「ウーブン・AI」を設立し、CEOに米グーグル出身の"
        "ジェームズ・カフナー氏を起用すると発表した。"
    )
    (e,) = of(events(registry, text), "talent_move")
    assert (e["from"], e["to"], e["role"]) == ("Google", "ウーブン・AI", "CEO")


def test_founders_from_a_school_or_an_employer(registry: Registry) -> None:
    alumni = "ELYZAは2018年、東京大学の松尾研究室出身の曽根岡侑也氏らが創業した。"
    (a,) = of(events(registry, alumni), "talent_move")
    assert (a["from"], a["to"], a["role"]) == (None, "ELYZA", "co-founder")
    staff = "サカナAIは2023年、米グーグルの研究者だったライオン・ジョーンズ氏らが創業した。"
    (b,) = of(events(registry, staff), "talent_move")
    assert (b["from"], b["to"], b["role"]) == ("Google", "Sakana AI", "co-founder")


def test_a_committee_seat_is_no_move(registry: Registry) -> None:
    text = "ASMLのロジャー・ダッセン最高財務責任者がミストラルの戦略委員会に加わる。"
    assert not of(events(registry, text), "talent_move")


# ---------------------------------------------------------------- business


def test_a_partnership_that_is_also_a_purchase(registry: Registry) -> None:
    text = "マイクロソフトはG42と戦略的提携を結び、G42はマイクロソフトのクラウドを採用する。"
    found = events(registry, text)
    assert of(found, "partnership")[0]["companies"] == ["Microsoft", "G42"]
    (c,) = of(found, "customer")
    assert (c["vendor"], c["customer"]) == ("Microsoft", "G42")


def test_a_joint_venture_named_in_quotes(registry: Registry) -> None:
    text = "ソフトバンクは、米OpenAIと合弁会社「SB OpenAI Japan」を設立した。"
    (e,) = of(events(registry, text), "partnership")
    assert e["companies"] == ["SoftBank Corp.", "OpenAI"]


def test_a_licence_received_with_a_team(registry: Registry) -> None:
    text = (
        "米グーグルは、米Character.AIの技術のライセンスを受け、共同創業者のノーム・シャジール氏"
        "らを迎え入れた。"
    )
    found = events(registry, text)
    (c,) = of(found, "customer")
    assert (c["vendor"], c["customer"]) == ("Character.AI", "Google")
    (m,) = of(found, "talent_move")
    assert (m["person"], m["from"], m["to"]) == ("Noam Shazeer", "Character.AI", "Google")


def test_anothers_product_offered_to_ones_users_is_a_partnership(registry: Registry) -> None:
    text = "アップルは2024年12月から、SiriなどでOpenAIの「ChatGPT」を利用できるようにしている。"
    found = events(registry, text)
    assert not of(found, "customer")
    assert of(found, "partnership")[0]["companies"] == ["Apple", "OpenAI"]


def test_the_last_post_in_a_later_sentence(registry: Registry) -> None:
    text = (
        "米アップルのAI担当副社長には、アマール・スブラマニヤ氏が就いた。"
        "スブラマニヤ氏は米グーグルに16年間在籍した。"
        "直近は米マイクロソフトでAI担当のバイスプレジデントを務めていた。"
    )
    (e,) = of(events(registry, text), "talent_move")
    assert (e["from"], e["to"]) == ("Microsoft", "Apple")


def test_a_fiscal_year_named_by_its_last_month(registry: Registry) -> None:
    (e,) = events(registry, "スノーフレークの2025年1月期の通期の粗利益率は75.0%だった。")
    assert (e["metric"], e["value_pct"], e["period"]) == ("gross_margin", 75.0, "2025")


def test_a_fall_in_market_value_is_no_valuation(registry: Registry) -> None:
    text = "発表を受けて株価は急落し、エヌビディアの時価総額は約5900億ドル減少した。"
    assert not of(events(registry, text), "financial")


def test_a_launch_in_the_background_is_no_event(registry: Registry) -> None:
    text = "米OpenAIが公開した「ChatGPT」の急速な普及を受け、グーグルは対話AI「Bard」を公開した。"
    found = of(events(registry, text), "product_launch")
    assert [(e["company"], e["product"]) for e in found] == [("Google", "Bard")]


def test_layoffs_where_the_cut_falls(registry: Registry) -> None:
    text = "リクルートは求人検索のIndeedで約2200人を削減すると発表した。"
    (e,) = of(events(registry, text), "layoff")
    assert (e["company"], e["count"]) == ("Indeed", 2200)


def test_vague_cuts_in_the_background_are_no_event(registry: Registry) -> None:
    assert not events(registry, "ワークレビューも近年は人員削減を余儀なくされていた。")


# ---------------------------------------------------------------- tables


def test_tables_with_the_round_in_the_name_and_the_unit_in_the_header(registry: Registry) -> None:
    text = (
        "主な案件は以下の通り。\n\n"
        "企業（ラウンド） | 調達額 | 評価額 | 主導した投資家\n"
        "ハーヴェイ（シリーズD） | 3億ドル | 30億ドル | セコイア・キャピタル\n\n"
        "主な買収。\n\n"
        "日付 | 買収側 | 被買収側 | 金額（億ドル）\n"
        "3月18日 | グーグル | ウィズ | 320"
    )
    found = events(registry, text)
    (i,) = of(found, "investment")
    assert (i["company"], i["round"], i["amount_usd"], i["valuation_usd"]) == (
        "ハーヴェイ",
        "Series D",
        3e8,
        3e9,
    )
    assert i["investors"] == ["Sequoia Capital"]
    (a,) = of(found, "acquisition")
    assert (a["acquirer"], a["target"], a["amount_usd"]) == ("Google", "Wiz", 3.2e10)


# ---------------------------------------------------------------- names


def test_a_bullet_is_no_part_of_the_name(registry: Registry) -> None:
    text = (
        "文書AIを手がけるカミヤ・ソフト（東京・港）は2日、主な導入事例を公開した。\n\n"
        "主な導入企業\n\n・岡三証券：営業店の帳票処理に導入\n・中国銀行：24年に導入したが、"
        "25年に利用を終了\n・日本生命：全社で利用"
    )
    found = of(events(registry, text), "customer")
    assert [(e["vendor"], e["customer"], e["status"]) for e in found] == [
        ("カミヤ・ソフト", "岡三証券", "active"),
        ("カミヤ・ソフト", "中国銀行", "ended"),
        ("カミヤ・ソフト", "Nippon Life", "active"),
    ]


def test_a_country_before_an_association_is_no_name(registry: Registry) -> None:
    text = "日本自動車工業会は、生成AIの利用指針を公表した。"
    assert not [e for e in events(registry, text) if e["type"] == "customer"]


def test_a_maker_word_ends_a_name_only_where_the_name_ends(registry: Registry) -> None:
    text = "光学部品の北斗精機は、画像AIのルミナ・ラボを子会社化した。量子光学の研究を強める。"
    (e,) = of(events(registry, text), "acquisition")
    assert (e["acquirer"], e["target"]) == ("北斗精機", "ルミナ・ラボ")


# ---------------------------------------------------------------- layoffs and topics


def test_applicants_to_early_retirement_are_the_cut(registry: Registry) -> None:
    text = (
        "工作機械の西海工機は12日、募集していた早期退職に約450人が応募したと発表した。"
        "同業のベータ精工も昨年、希望退職で約200人を削減している。"
    )
    found = of(events(registry, text), "layoff")
    assert sorted((e["company"], e["count"]) for e in found) == [
        ("ベータ精工", 200),
        ("西海工機", 450),
    ]


def test_a_company_bought_in_a_relative_clause_with_its_buyer_unsaid(registry: Registry) -> None:
    text = (
        "米クアルコムも18年にAIの新興、米ノヴァ・ビジョンを買収した。"
        "その技術は、21年に買収したフランスのレーヌ・システムズの技術と統合された。"
    )
    found = of(events(registry, text), "acquisition")
    assert sorted((e["acquirer"], e["target"]) for e in found) == [
        ("Qualcomm", "ノヴァ・ビジョン"),
        ("Qualcomm", "レーヌ・システムズ"),
    ]


def test_the_company_that_bought_in_a_relative_clause_is_the_buyer(registry: Registry) -> None:
    text = "ミルエを買収した北斗精機は、新しい検査装置を発表した。"
    (e,) = of(events(registry, text), "acquisition")
    assert (e["acquirer"], e["target"]) == ("北斗精機", "ミルエ")


def test_a_sentence_opening_on_mo_sets_the_topic(registry: Registry) -> None:
    text = (
        "米AMDは22年、米ザイリンクスを買収した。\n\n米インテルも16年に米ナーバナを買収した。"
        "20億ドルで買収したイスラエルのハバナ・ラボが新型チップを開発した。"
    )
    found = of(events(registry, text), "acquisition")
    assert ("Intel", "ハバナ・ラボ", 2e9) in {
        (e["acquirer"], e["target"], e["amount_usd"]) for e in found
    }


def test_available_for_use_is_no_customer(registry: Registry) -> None:
    text = "米グーグルは新モデル「Gemini 3」を発表した。米アンソロピックも新モデルを投入した。Gemini 3は同日から検索サービスで利用できる。"
    assert not of(events(registry, text), "customer")


# ---------------------------------------------------------------- rounds


def test_money_gathered_from_investors_listed_before_the_verb(registry: Registry) -> None:
    text = "AIスタートアップのミライAIは、ジャフコやグロービス・キャピタル・パートナーズなどから約15億円を集めました。"
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "ミライAI"
    assert e["investors"] == ["JAFCO", "グロービス・キャピタル・パートナーズ"]
    assert not of(events(registry, "ミライAIは、新製品で注目を集めた。"), "investment")


def test_a_latin_tail_after_a_dot_and_a_post_money_value(registry: Registry) -> None:
    text = (
        "ソニーグループは、米新興のシルバー・レイク・AI（Silver Lake AI）に20億ドル（約3000億円）を"
        "追加出資すると発表した。出資後の企業価値は約150億ドル（約2兆2500億円）となる。"
    )
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["amount_usd"], e["valuation_usd"]) == ("Silver Lake AI", 2e9, 1.5e10)
    assert e["investors"] == ["Sony"]


# ---------------------------------------------------------------- personnel lists


def test_personnel_lines_under_company_headings(registry: Registry) -> None:
    text = (
        "主な人事異動をまとめた。\n\nサイバーエージェント\n\n"
        "▽最高データ責任者（CDO）　葉山涼子（前アマゾンジャパン技術部長）\n\n"
        "富士通\n\n▽執行役員　村瀬健（AI戦略室長）\n\nZホールディングス\n\n"
        "▽最高技術責任者（CTO）　田辺俊（元サイボウズ）"
    )
    found = of(events(registry, text), "talent_move")
    assert [(e["person"], e["from"], e["to"]) for e in found] == [
        ("葉山涼子", "Amazon", "CyberAgent"),
        ("村瀬健", "Fujitsu", "Fujitsu"),
        ("田辺俊", "サイボウズ", "LY Corporation"),
    ]
    assert [e["role"] for e in found][1:] == ["executive officer", "CTO"]


def test_a_generic_lab_is_no_company(registry: Registry) -> None:
    text = "NTTデータ\n\nAI研究所長の森本修氏が6月30日付で退任した。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("森本修", "NTT Data", None)


# ---------------------------------------------------------------- the topic as the unsaid party


def test_new_shares_taken_up_by_the_unsaid_topic(registry: Registry) -> None:
    text = (
        "工作機械の北斗精機は3日、AI新興のソラミ（東京・港）と資本業務提携を結んだと発表した。"
        "ソラミが実施する第三者割当増資を引き受け、発行済み株式の10%を取得する。"
    )
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"], e["stake_pct"]) == ("ソラミ", ["北斗精機"], 10)


def test_all_shares_bought_by_the_unsaid_topic(registry: Registry) -> None:
    text = (
        "当社の売上高は80億円となりました。また、2024年12月に株式会社ヒカリ・ラボの全株式を"
        "約9億円（約600万ドル）で取得し、連結子会社といたしました。"
    )
    (e,) = of(events(registry, text, title="決算短信　株式会社ミナミAI"), "acquisition")
    assert (e["acquirer"], e["target"], e["amount_usd"]) == ("ミナミAI", "ヒカリ・ラボ", 6e6)


def test_a_career_page_as_dated_lines(registry: Registry) -> None:
    text = (
        "ロボット研究で知られる森下遥さん。今回はその経歴を年表で振り返ります。\n"
        "経歴\n"
        "2016年：ソニーに入社\n"
        "2023年3月：ソニーを退社\n"
        "2023年5月：ケン・ハヤシさん、マリア・ロッシさんとロボライン社を設立\n"
        "その後\n"
        "2025年8月にはロッシさんがロボラインを去りました。"
    )
    found = events(registry, text, title="森下遥さんの経歴まとめ｜ソニーからロボライン設立まで")
    moves = {e["person"]: (e["from"], e["to"], e["role"]) for e in of(found, "talent_move")}
    assert moves["森下遥"] == ("Sony", "ロボライン", "co-founder")
    assert moves["ケン・ハヤシ"] == (None, "ロボライン", "co-founder")
    assert moves["マリア・ロッシ"] == ("ロボライン", None, None)
