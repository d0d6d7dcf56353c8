"""Japanese rules on mechanisms blind sets showed missing: investor phrasings, hypotheticals,
first-person voice, roundup items, founders with 同社, customers' status, financial lines.

Every sentence was written for these tests; the names are partly invented and partly real.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsbot.core.extract.ja_entities import find_mentions
from newsbot.core.registry import Registry
from tests.core.extract.cases import japanese_events as events
from tests.core.extract.cases import of

# ---------------------------------------------------------------- investor phrasings


def test_the_lead_investor_of_a_round_is_an_investor(registry: Registry) -> None:
    text = "AI創薬のソラリスバイオは、ジャフコグループをリード投資家とするシリーズAで15億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"], e["round"]) == ("ソラリスバイオ", ["JAFCO"], "Series A")


def test_allottees_of_a_share_issue_are_investors(registry: Registry) -> None:
    text = (
        "音声AIスタートアップのコトダマは、ANRIやグロービス・キャピタル・パートナーズなどを"
        "引受先とする第三者割当増資を実施し、総額10億円を調達した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "コトダマ"
    assert e["investors"] == ["ANRI", "グロービス・キャピタル・パートナーズ"]


def test_a_name_glued_to_the_lead_word_leads(registry: Registry) -> None:
    text = "米xAIは、米投資会社ヴァラー・エクイティ主導で66億ドルを調達した。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"]) == ("xAI", ["ヴァラー・エクイティ"])
    assert e["amount_usd"] == 6.6e9


def test_the_leads_of_a_round_are_not_its_raiser(registry: Registry) -> None:
    text = (
        "独ヘリオス・ロボティクスは産業用ロボットの制御AIを開発する。"
        "2023年には、米セコイア・キャピタルと米アクセル・パートナーズが主導したシリーズBで"
        "4000万ドルを調達した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "ヘリオス・ロボティクス"
    assert e["round"] == "Series B"


def test_an_angel_investor_is_no_angel_round(registry: Registry) -> None:
    text = "ミナモAIは、エンジェル投資家の佐藤次郎氏から5000万円の出資を受けた。"
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "ミナモAI"
    assert e["round"] is None


# ---------------------------------------------------------------- hypotheticals and plans


@pytest.mark.parametrize(
    "sentence",
    [
        "ミナモAIは、もしシリーズAで10億円を調達できたら、米国に進出する。",
        "ミナモAIは、年内にシリーズAで10億円を調達したいと考えています。",
        "ミナモAIは、シリーズAで10億円を調達できれば、採用を倍にする。",
    ],
)
def test_a_round_hoped_for_is_no_event(registry: Registry, sentence: str) -> None:
    assert of(events(registry, sentence), "investment") == []


# ---------------------------------------------------------------- first-person voice


def test_a_founders_blog_speaks_for_its_company(registry: Registry) -> None:
    title = "ハコビテック創業者ブログ：シードラウンドを振り返って"
    text = (
        "こんにちは、ハコビテック代表の鈴木です。\n\n"
        "私たちは先月、シードラウンドで2億円を調達しました。"
        "リード投資家はインキュベイトファンドで、East Venturesにも出資していただきました。\n\n"
        "当社のサービスはすでにセブン‐イレブン・ジャパンに導入いただいています。"
    )
    found = events(registry, text, title)
    (inv,) = of(found, "investment")
    assert (inv["company"], inv["round"]) == ("ハコビテック", "seed")
    assert set(inv["investors"]) == {"インキュベイトファンド", "East Ventures"}
    (cust,) = of(found, "customer")
    assert (cust["vendor"], cust["customer"]) == ("ハコビテック", "Seven-Eleven Japan")


def test_we_is_the_company_the_page_is_about_not_the_last_named(registry: Registry) -> None:
    title = "ミナモAI代表インタビュー"
    text = (
        "ミナモAIは物流向けの需要予測AIを開発するスタートアップだ。\n\n"
        "以前はソフトバンクと実証実験をしていました。\n\n"
        "我々は今年、シリーズAで12億円を調達しました。"
    )
    (inv,) = of(events(registry, text, title), "investment")
    assert inv["company"] == "ミナモAI"


# ---------------------------------------------------------------- founders and customers' status


def test_a_founder_left_a_company_in_a_year_and_founded_this_one(registry: Registry) -> None:
    title = "ミナモAI、物流需要予測で新サービス"
    text = (
        "ミナモAIは物流向けの需要予測AIを開発するスタートアップだ。"
        "代表取締役CEOの山田太郎氏は、楽天グループを2022年に退社し同社を創業した。"
    )
    (e,) = of(events(registry, text, title), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("山田太郎", "Rakuten", "ミナモAI")
    assert e["role"] in ("co-founder", "founder")


def test_a_former_clients_contract_ended(registry: Registry) -> None:
    title = "ミナモAI、大口顧客を失う"
    text = (
        "ミナモAIは物流向けの需要予測AIを開発するスタートアップだ。"
        "大口顧客だった日本郵便との保守契約は12月末で終了した。"
    )
    (e,) = of(events(registry, text, title), "customer")
    assert (e["vendor"], e["customer"], e["status"]) == ("ミナモAI", "Japan Post", "ended")


def test_a_contract_ended_in_an_interview_is_the_speakers(registry: Registry) -> None:
    title = "ミナモAI代表・山田太郎氏インタビュー"
    text = (
        "ミナモAIは物流向けの需要予測AIを開発するスタートアップだ。\n\n"
        "SOMPOホールディングスとの契約は昨年終了しました。"
    )
    (e,) = of(events(registry, text, title), "customer")
    assert (e["vendor"], e["status"]) == ("ミナモAI", "ended")


# ---------------------------------------------------------------- partnerships


@pytest.mark.parametrize(
    ("sentence", "partner"),
    [
        ("米ルミナラボは、産業技術総合研究所と協力覚書を締結した。", "AIST"),
        ("米ルミナラボは3日、日本郵便と連携協定を結んだと発表した。", "Japan Post"),
    ],
)
def test_a_memorandum_or_an_agreement_is_a_partnership(
    registry: Registry, sentence: str, partner: str
) -> None:
    (e,) = of(events(registry, sentence), "partnership")
    assert set(e["companies"]) == {"ルミナラボ", partner}


# ---------------------------------------------------------------- roundups

_ROUNDUP = (
    "今週発表された主な資金調達を紹介する。\n\n"
    "■ツムギメディカル（医療AI）\n\n"
    "シリーズAで12億円を調達した。ジャフコグループがリードした。\n\n"
    "■ハコビヤ（物流ロボット）\n\n"
    "シリーズBで20億円\n\n"
    "【ミドリノート】\n\n"
    "プレシリーズAで3億円を調達。"
)


def test_each_roundup_heading_names_its_items_company(registry: Registry) -> None:
    found = {e["company"]: e for e in of(events(registry, _ROUNDUP, "週間まとめ"), "investment")}
    assert set(found) == {"ツムギメディカル", "ハコビヤ", "ミドリノート"}
    assert found["ツムギメディカル"]["round"] == "Series A"
    assert found["ツムギメディカル"]["investors"] == ["JAFCO"]
    assert found["ハコビヤ"]["round"] == "Series B"  # a terse line: its heading's company
    assert found["ミドリノート"]["round"] == "pre-Series A"


def test_a_numbered_item_opens_on_its_company(registry: Registry) -> None:
    text = "主な調達案件は次の通り。\n\n1. クモノイト：シードで1億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["round"]) == ("クモノイト", "seed")


def test_a_heading_naming_a_person_or_a_topic_is_no_company(registry: Registry) -> None:
    text = "■ポイント\n\nシリーズAで12億円を調達した。\n\n■ジャン・ルー（CEO）\n\n質問に答えた。"
    assert not any(
        m
        for e in events(registry, text)
        for m in (e.get("company"), e.get("vendor"))
        if m in ("ポイント", "ジャン・ルー")
    )


# ---------------------------------------------------------------- first person in interviews


def test_we_in_a_quote_is_never_a_company_the_quote_names(registry: Registry) -> None:
    title = "「物流から広がる」　配送AIのハコビテック、森川拓也社長に聞く"
    text = (
        "倉庫ロボット向けのAIを開発するハコビテック（Hakobitech）。森川拓也社長に話を聞いた。\n\n"
        "「今は日立製作所や独シーメンスも我々のソフトを倉庫で使っている」"
    )
    found = of(events(registry, text, title), "customer")
    assert {(e["vendor"], e["customer"]) for e in found} == {
        ("Hakobitech", "Hitachi"),
        ("Hakobitech", "Siemens"),
    }


def test_we_with_no_known_page_company_takes_none_named_beside_it(registry: Registry) -> None:
    text = "「今は日立製作所や独シーメンスも我々のソフトを使っている」"
    found = of(events(registry, text), "customer")
    assert not any(e["vendor"] in ("Hitachi", "Siemens") for e in found)


# ---------------------------------------------------------------- names without a cue word


def test_an_acronym_glossing_a_term_is_no_company(registry: Registry) -> None:
    text = (
        "ミライAIは英ノースブリッジと協力覚書（MOC）を締結した。"
        "同社の年換算売上高（ARR）は3000万ドルに達した。"
    )
    found = events(registry, text)
    (p,) = of(found, "partnership")
    assert set(p["companies"]) == {"ミライAI", "ノースブリッジ"}
    (f,) = of(found, "financial")
    assert (f["company"], f["metric"]) == ("ミライAI", "arr")
    named = {n for e in found for n in (e.get("companies") or [e.get("company")])}
    assert not named & {"MOC", "ARR"}


def test_an_organisations_acronym_is_still_its_name(registry: Registry) -> None:
    text = "産業技術総合研究所（AIST）とカルテナは業務提携した。"
    (p,) = of(events(registry, text), "partnership")
    assert set(p["companies"]) == {"AIST", "カルテナ"}


def test_a_bare_name_as_subject_of_an_adoption_is_a_company(registry: Registry) -> None:
    text = "クモノイトは米オープンAIのモデルを採用した。"
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"]) == ("OpenAI", "クモノイト")


def test_an_interview_headline_names_the_company_before_its_leader(registry: Registry) -> None:
    title = "配送AIのハコビヤ、森川拓也社長に聞く"
    text = "「今は日立製作所も我々のソフトを倉庫で使っている」"
    (e,) = of(events(registry, text, title), "customer")
    assert (e["vendor"], e["customer"]) == ("ハコビヤ", "Hitachi")


# ---------------------------------------------------------------- interviews


def test_i_in_an_interview_is_the_person_the_headline_names(registry: Registry) -> None:
    title = "ソヨカゼ・ロボティクスの大野美波CEOに聞く"
    text = (
        "産業用ロボットのAIを開発するソヨカゼ・ロボティクス。大野美波CEOに話を聞いた。\n\n"
        "「私はメルカリを辞めて、2023年に田中と共同創業しました」"
    )
    (e,) = of(events(registry, text, title), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("大野美波", "Mercari", "ソヨカゼ・ロボティクス")
    assert e["role"] == "co-founder"


def test_i_with_no_one_named_is_nobody(registry: Registry) -> None:
    text = "「私はメルカリを辞めて、2023年に共同創業しました」"
    assert not of(events(registry, text), "talent_move")


# ---------------------------------------------------------------- resale and alliances


@pytest.mark.parametrize(
    "text",
    [
        "ミライAIは富士通と販売代理店契約を締結した。",
        "ミライAIは富士通と再販契約を結んだ。",
        "ミライAIは富士通とリセラー契約を結び、国内で製品を売る。",
        "ミライAIは富士通と業務提携契約を締結した。",
    ],
)
def test_a_reseller_or_alliance_contract_is_a_partnership(registry: Registry, text: str) -> None:
    found = events(registry, text)
    (p,) = of(found, "partnership")
    assert set(p["companies"]) == {"ミライAI", "Fujitsu"}
    assert not of(found, "customer")


# ---------------------------------------------------------------- reports the parties did not confirm


@pytest.mark.parametrize(
    "text",
    [
        "米アップルは米グーグルのAIモデルを利用する方向で協議しており、年間10億ドルを支払う"
        "見通しだと米ブルームバーグが報じていますが、両社は正式に発表していません。",
        "米ブルームバーグによると、米アップルは米グーグルのAIモデルを利用し、年間10億ドルを支払う。"
        "両社は正式に発表していない。",
        "ミライAIが富士通と業務提携すると日経新聞が報じている。",
        "ソニーがミライAIを買収するとの観測が浮上している。",
    ],
)
def test_a_deal_only_reported_is_no_event(registry: Registry, text: str) -> None:
    found = events(registry, text)
    assert not [e for e in found if e["type"] in ("customer", "partnership", "acquisition")]


def test_an_amount_the_parties_keep_to_themselves_leaves_the_deal(registry: Registry) -> None:
    text = "米アップルは米グーグルのAIモデルを採用した。両社は契約金額を明らかにしていない。"
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"]) == ("Google", "Apple")
    text = "ソニーはミライAIに出資した。出資額について同社は明らかにしていない。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"]) == ("ミライAI", ["Sony"])


# ---------------------------------------------------------------- interviews: the answer turns


_ASKED = "ハヤブサロジックの戸田真央CEOに聞く"
_LEAD = "物流の配車をAIで最適化するハヤブサロジック。創業者の戸田真央CEOに戦略を聞いた。"


def interview(registry: Registry, question: str, answer: str, *, lead: str = _LEAD) -> Any:
    text = f"{lead}\n\n――{question}\n\n「{answer}」"
    return events(
        registry, text, title=_ASKED if lead == _LEAD else "「物流を変える」　戸田真央氏に聞く"
    )


def test_a_hire_told_in_an_answer_joins_the_interviewees_company(registry: Registry) -> None:
    answer = "楽天で広告基盤を率いていたマーク・ジョンソンさんが4月にCTOとして加わりました"
    (e,) = of(interview(registry, "採用は。", answer), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "マーク・ジョンソン",
        "Rakuten",
        "ハヤブサロジック",
        "CTO",
    )


def test_a_founding_told_by_the_interviewee_is_their_move(registry: Registry) -> None:
    lead = "戸田真央（ハヤブサロジック代表取締役）に話を聞いた。"
    answer = "ソニーで10年働いた後、2021年に創業しました"
    (e,) = of(interview(registry, "起業のきっかけは。", answer, lead=lead), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "戸田真央",
        "Sony",
        "ハヤブサロジック",
        "co-founder",
    )


def test_a_round_told_over_an_answers_sentences_is_one_investment(registry: Registry) -> None:
    answer = (
        "シリーズBで30億円を調達しました。リードはジャフコグループで、グローバル・ブレインも"
        "入ってくれました。評価額は200億円です"
    )
    (e,) = of(interview(registry, "資金調達は。", answer), "investment")
    assert (e["company"], e["round"]) == ("ハヤブサロジック", "Series B")
    assert set(e["investors"]) == {"JAFCO", "Global Brain"}
    assert e["valuation_usd"] is not None and e["amount_usd"] is not None
    assert e["valuation_usd"] > e["amount_usd"]


# ---------------------------------------------------------------- a contract ended with its named party


def test_a_customer_ends_its_contract_with_the_party_named(registry: Registry) -> None:
    text = (
        "米エヌビディアは決算を発表した。米コアウィーブは米エヌビディアのGPUを大量に購入している。"
        "大口顧客の米メタは昨年12月末で米コアウィーブとの契約を終了した。"
    )
    found = of(events(registry, text, "エヌビディア、決算を発表"), "customer")
    got = {(e["vendor"], e["customer"], e["status"]) for e in found}
    assert ("CoreWeave", "Meta", "ended") in got
    assert not any(e["customer"] == "Meta" and e["vendor"] == "NVIDIA" for e in found)


# ---------------------------------------------------------------- shares taken in an allotment


def test_the_taker_of_an_allotment_invests_in_its_issuer(registry: Registry) -> None:
    text = (
        "KDDIは、AIスタートアップのカゼノテが実施する第三者割当増資を引き受け、"
        "議決権の33.4%を握る筆頭株主となる。"
    )
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"], e["stake_pct"]) == ("カゼノテ", ["KDDI"], 33.4)


def test_the_taker_of_an_allotment_is_never_its_issuer(registry: Registry) -> None:
    text = "KDDIは、カゼノテAIが実施する第三者割当増資を引き受け、議決権の33.4%を握る。"
    assert not any(e["company"] == "KDDI" for e in of(events(registry, text), "investment"))


def test_a_trial_with_a_company_named_with_san_is_a_customer_with_its_status(
    registry: Registry,
) -> None:
    answer = "北斗銀行さんとの実証は、予算の都合でいったん止まっています"
    (e,) = of(interview(registry, "金融の顧客は。", answer), "customer")
    assert (e["vendor"], e["customer"], e["status"]) == ("ハヤブサロジック", "北斗銀行", "paused")
    answer = "北斗銀行さんとの実証はまだ始まっていません"
    assert not of(interview(registry, "金融の顧客は。", answer), "customer")


def test_work_done_together_with_a_company_in_an_answer_is_a_partnership(
    registry: Registry,
) -> None:
    answer = "ホンダさんと倉庫の搬送計画を一緒に試しています"
    (e,) = of(interview(registry, "製造業では。", answer), "partnership")
    assert set(e["companies"]) == {"ハヤブサロジック", "Honda"}
    answer = "ホンダさんとも一緒に試してみたいですね"
    assert not of(interview(registry, "製造業では。", answer), "partnership")


# ---------------------------------------------------------------- successors and internal posts


def test_a_successor_takes_the_post_at_the_company_left(registry: Registry) -> None:
    text = (
        "ELYZAの山田太郎氏がCEOを退任した。山田氏は米グーグルに移る。"
        "後任のCEOには共同創業者の佐藤花子氏が就いた。"
    )
    found = {e["person"]: e for e in of(events(registry, text), "talent_move")}
    assert (found["山田太郎"]["from"], found["山田太郎"]["to"]) == ("ELYZA", "Google")
    e = found["佐藤花子"]
    assert (e["from"], e["to"], e["role"]) == ("ELYZA", "ELYZA", "CEO")


def test_a_successor_from_elsewhere_keeps_the_origin(registry: Registry) -> None:
    text = "ELYZAの山田太郎CEOが退任した。山田氏は米グーグルに移る。後任にはソニー出身の佐藤花子氏が就いた。"
    found = {e["person"]: e for e in of(events(registry, text), "talent_move")}
    assert (found["佐藤花子"]["from"], found["佐藤花子"]["to"]) == ("Sony", "ELYZA")


@pytest.mark.parametrize(
    "text",
    [
        "NTTはAI研究所を新設した。宮本拓也氏がAI研究所長に就任した。",
        "NTTは、宮本拓也氏がAI研究所の所長に就任したと発表した。",
        "NTTの宮本拓也氏がAI研究所の所長に就任した。",
    ],
)
def test_the_head_of_a_unit_is_promoted_from_within(registry: Registry, text: str) -> None:
    (e,) = of(events(registry, text, "NTT、AI研究所を新設"), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("宮本拓也", "NTT", "NTT")


def test_the_head_of_a_unit_from_elsewhere_keeps_the_origin(registry: Registry) -> None:
    text = "NTTはAI研究所を新設した。ソニー出身の宮本拓也氏がAI研究所長に就任した。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["from"], e["to"]) == ("Sony", "NTT")
    text = "NTTは、宮本拓也氏が社長に就任したと発表した。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["from"], e["to"]) == (None, "NTT")


def test_those_who_joined_the_round_a_raise_is_of_are_its_investors(registry: Registry) -> None:
    answer = "昨年9月、ソニーとホンダの投資部門が参加したシリーズAで20億円を集めました"
    (e,) = of(interview(registry, "資金面は。", answer), "investment")
    assert (e["company"], e["investors"], e["round"]) == (
        "ハヤブサロジック",
        ["Sony", "Honda"],
        "Series A",
    )


# ---------------------------------------------------------------- the seller of a service contract


@pytest.mark.parametrize(
    ("text", "vendor", "customer"),
    [
        (
            "米オラクルが米オープンAIと5年間で総額3000億ドルのクラウド契約を結んだ。",
            "Oracle",
            "OpenAI",
        ),
        (
            "米オープンAIは米オラクルと5年間で総額3000億ドルのクラウド契約を結んだ。",
            "Oracle",
            "OpenAI",
        ),
        (
            "米エヌビディアは米コアウィーブとクラウドサービスの利用契約を結んだ。",
            "CoreWeave",
            "NVIDIA",
        ),
        ("米コアウィーブは米エヌビディアとGPUの調達契約を結んだ。", "NVIDIA", "CoreWeave"),
        ("米グーグルは米アンソロピックとクラウド契約を結んだ。", "Google", "Anthropic"),
        ("富士通は米オープンAIとモデルの利用契約を結んだ。", "OpenAI", "Fujitsu"),
    ],
)
def test_a_service_contract_is_sold_by_the_party_selling_the_service(
    registry: Registry, text: str, vendor: str, customer: str
) -> None:
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"]) == (vendor, customer)


def test_a_colleague_who_left_with_the_founder_founds_with_them(registry: Registry) -> None:
    text = (
        f"{_LEAD}\n\n――経歴は。\n\n「東芝で半導体の研究をしていました。"
        "2020年に同僚のリサ・チェンと独立して、この会社をつくりました」"
    )
    moves = of(events(registry, text, title=_ASKED), "talent_move")
    assert sorted((e["person"], e["from"], e["to"], e["role"]) for e in moves) == [
        ("リサ・チェン", "Toshiba", "ハヤブサロジック", "co-founder"),
        ("戸田真央", "Toshiba", "ハヤブサロジック", "co-founder"),
    ]


def test_an_answer_written_without_brackets_after_the_question_is_the_speakers(
    registry: Registry,
) -> None:
    text = f"{_LEAD}\n\n――製造業では。\n\nホンダさんと倉庫の搬送計画を一緒に試しています。"
    (e,) = of(events(registry, text, title=_ASKED), "partnership")
    assert set(e["companies"]) == {"ハヤブサロジック", "Honda"}


# ---------------------------------------------------------------- a product's adopters


def test_the_adopters_of_a_product_are_customers_of_its_maker(registry: Registry) -> None:
    text = (
        "AIスタートアップの株式会社カゼノテは英アームの設計を基にしたプロセッサーを開発する。"
        "同社のプロセッサーは米マイクロソフトのデータセンターや米オラクルのクラウドサービスなどに"
        "採用されている。"
    )
    found = of(events(registry, text), "customer")
    got = sorted((e["vendor"], e["customer"]) for e in found)
    assert got == [("カゼノテ", "Microsoft"), ("カゼノテ", "Oracle")]


def test_the_licensor_of_a_design_is_not_what_same_company_means(registry: Registry) -> None:
    text = (
        "カゼノテは英アームの設計を基にしたプロセッサーを開発する。"
        "同社のプロセッサーは米オラクルのクラウドサービスなどに採用されている。"
    )
    assert not any(e["vendor"] == "Arm" for e in of(events(registry, text), "customer"))


@pytest.mark.parametrize(
    ("answer", "customer"),
    [("最初の顧客はヤマトネクストでした", "ヤマトネクスト"), ("主な顧客はメーカーです", None)],
)
def test_a_customer_the_interviewee_names_is_theirs(
    registry: Registry, answer: str, customer: str | None
) -> None:
    found = of(interview(registry, "顧客は。", answer), "customer")
    assert [(e["vendor"], e["customer"]) for e in found] == (
        [("ハヤブサロジック", customer)] if customer else []
    )


# ---------------------------------------------------------------- press releases


def test_a_section_title_naming_a_partner_is_no_deal_by_itself(registry: Registry) -> None:
    head = "カゼノテAI株式会社（本社：東京都港区）は、新製品「カゼノテ・エージェント」の提供を開始しました。\n\n"
    tail = "\n\n会社概要\n\n会社名：カゼノテAI株式会社"
    title = "カゼノテAI、新製品を発表"
    text = (
        head
        + "日本マイクロソフトとの協業\n\nカゼノテAIは今後、Azure上で本製品を提供します。"
        + tail
    )
    found = events(registry, text, title)
    assert not of(found, "partnership")
    (p,) = of(found, "product_launch")
    assert (p["company"], p["product"]) == ("カゼノテAI", "カゼノテ・エージェント")
    text = (
        head
        + "日本マイクロソフトとの協業\n\n当社は日本マイクロソフトと協業し、Azure上で本製品を提供します。"
        + tail
    )
    (e,) = of(events(registry, text, title), "partnership")
    assert set(e["companies"]) == {"カゼノテAI", "Microsoft Japan"}
    assert e["summary"].startswith("当社は日本マイクロソフトと協業")


# ---------------------------------------------------------------- joint work, denied stops, closings


@pytest.mark.parametrize(
    "text",
    [
        "ソニーはトヨタと共同で検査AIを開発しています。",
        "ソニーは、トヨタと共同で検査AIの実証を始めた。",
        "ソニーはトヨタと共同して物流ロボットの研究を進める。",
    ],
)
def test_work_done_jointly_with_a_company_named_with_to_is_a_partnership(
    registry: Registry, text: str
) -> None:
    (e,) = of(events(registry, text), "partnership")
    assert set(e["companies"]) == {"Sony", "Toyota"}


def test_work_done_alone_is_no_partnership(registry: Registry) -> None:
    assert not of(events(registry, "ソニーは自社で検査AIを開発しています。"), "partnership")


@pytest.mark.parametrize(
    "answer",
    [
        "北斗銀行さんとの実証は止まっていません",
        "北斗銀行さんとの実証は、やめていません",
        "北斗銀行さんとの実証は終わっていません",
    ],
)
def test_a_trial_whose_stop_is_denied_goes_on(registry: Registry, answer: str) -> None:
    (e,) = of(interview(registry, "金融の顧客は。", answer), "customer")
    assert (e["vendor"], e["customer"], e["status"]) == ("ハヤブサロジック", "北斗銀行", "active")


@pytest.mark.parametrize(
    "closing",
    [
        "（聞き手・構成＝ITライター 佐藤花子）\n\n楽天で8年働いた後、2018年に編集プロダクションを創業した。",
        "佐藤花子（さとう・はなこ）　楽天で8年働いた後、2018年に編集プロダクションを創業した。",
        "1985年東京都生まれ。楽天で8年働いた後、2018年に編集プロダクションを創業した。",
    ],
)
def test_the_credits_and_a_bio_after_the_last_answer_are_not_the_interviewees(
    registry: Registry, closing: str
) -> None:
    text = f"{_LEAD}\n\n――今後は。\n\n海外に出たいですね。\n\n{closing}"
    found = events(registry, text, title=_ASKED)
    assert not any(e.get("from") == "Rakuten" for e in of(found, "talent_move"))
    text = f"{_LEAD}\n\n――今後は。\n\n海外に出たいですね。\n\n{closing}\n\nトヨタさんと物流の本を一緒に作っています。"
    assert not of(events(registry, text, title=_ASKED), "partnership")


# ---------------------------------------------------------------- unknown katakana companies


def test_a_katakana_name_with_a_latin_tail_raising_money_is_a_company(registry: Registry) -> None:
    (e,) = of(events(registry, "ソニーはミズハナLabsに20億円を出資した。"), "investment")
    assert (e["company"], e["investors"]) == ("ミズハナLabs", ["Sony"])
    (e,) = of(events(registry, "ツムギノAIが12億円を調達した。"), "investment")
    assert e["company"] == "ツムギノAI"


def test_the_party_of_a_contract_is_a_company(registry: Registry) -> None:
    (e,) = of(events(registry, "楽天はモリノワとの契約を打ち切った。"), "customer")
    assert (e["vendor"], e["customer"], e["status"]) == ("モリノワ", "Rakuten", "ended")
    (e,) = of(events(registry, "楽天はモリノワのシステムを導入した。"), "customer")
    assert (e["vendor"], e["customer"]) == ("モリノワ", "Rakuten")


def test_a_katakana_name_after_its_field_is_a_company(registry: Registry) -> None:
    text = "農業AIのタネマキは、新たに果樹園向けの収穫予測を始めた。同社はNECから8億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"]) == ("タネマキ", ["NEC"])


@pytest.mark.parametrize(
    "text",
    [
        "楽天はプラットフォームとの契約を打ち切った。",
        "楽天は「モリノワ」を導入した。",
        "楽天はモリノワ氏との契約を打ち切った。",
    ],
)
def test_a_common_noun_a_product_or_a_person_is_no_contract_party(
    registry: Registry, text: str
) -> None:
    assert not of(events(registry, text), "customer")


# ---------------------------------------------------------------- first-person job-change posts


def test_the_writer_of_a_job_change_post_is_who_moved(registry: Registry) -> None:
    text = (
        "文：川端ゆうき\n\nこんにちは。このたびLINEヤフーを退職し、Sakana AIに入社しました。\n\n"
        "同期の西村さんもPFNに移りました。"
    )
    found = of(events(registry, text, title="Sakana AIに転職しました"), "talent_move")
    moves = {e["person"]: (e["from"], e["to"]) for e in found}
    assert moves == {
        "川端ゆうき": ("LY Corporation", "Sakana AI"),
        "西村": ("LY Corporation", "Preferred Networks"),
    }


def test_a_writer_named_in_the_title_moves_and_their_last_job_is_the_origin(
    registry: Registry,
) -> None:
    text = "前職のメルカリでは6年間、検索を担当していました。\n\n同僚の森さんも楽天に移りました。"
    found = of(events(registry, text, title="東野 蒼です。Anthropicに転職しました"), "talent_move")
    moves = {e["person"]: (e["from"], e["to"]) for e in found}
    assert moves == {"東野蒼": ("Mercari", "Anthropic"), "森": ("Mercari", "Rakuten")}


def test_a_reporters_byline_makes_no_one_move(registry: Registry) -> None:
    text = "文：川端ゆうき\n\n転職者の多くはメルカリを退職し、楽天に入社した。"
    assert not of(events(registry, text, title="AI人材の転職市場"), "talent_move")


# ---------------------------------------------------------------- contract totals and licences


@pytest.mark.parametrize("total", ["契約総額は92億ドル。", "契約の総額は92億ドルにのぼる。"])
def test_a_contract_total_in_the_next_sentence_is_the_deals_amount(
    registry: Registry, total: str
) -> None:
    text = f"米エヌビディアはトヨタ自動車とGPU供給契約を結んだ。{total}"
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"], e["amount_usd"]) == ("NVIDIA", "Toyota", 9.2e9)


@pytest.mark.parametrize(
    "text",
    [
        "米アンソロピックは日立製作所とモデルのライセンス契約を締結した。",
        "日立製作所は米アンソロピックとライセンス契約を締結した。",
        "日立製作所は米アンソロピックからモデルのライセンスを受けた。",
    ],
)
def test_the_maker_of_the_licensed_models_is_the_vendor(registry: Registry, text: str) -> None:
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"]) == ("Anthropic", "Hitachi")


def test_whose_technology_is_licensed_stays_the_vendor(registry: Registry) -> None:
    text = "米グーグルはツバサAIの技術のライセンス料として5億ドルを支払った。"
    (e,) = of(events(registry, text), "customer")
    assert (e["vendor"], e["customer"]) == ("ツバサAI", "Google")


def test_a_digest_sections_label_states_no_deal(registry: Registry) -> None:
    text = (
        "今週のAIニュースをお届けします。\n\n■ 資金調達\n\n"
        "ソニー、AI翻訳のコトノハを買収 → 詳細\n\n■ M&A・提携\n\n"
        "NECとサカナAI、金融向けLLMで業務提携 → 詳細"
    )
    found = events(registry, text, "AIスタートアップ週報 Vol.12｜ソニーがコトノハを買収ほか")
    assert not of(found, "investment")
    (p,) = of(found, "partnership")
    assert set(p["companies"]) == {"NEC", "Sakana AI"}


def test_a_customer_named_as_such_in_an_earnings_story_is_the_companys(
    registry: Registry,
) -> None:
    text = (
        "音声認識を手がけるコエダマ（東証グロース）は決算説明会を開いた。"
        "7〜9月期の売上高は12億円だった。\n\n増収をけん引したのは大口顧客のみずほ銀行だ。\n\n"
        "「KDDI向けの案件は9月末で契約が終了した。売上高への影響は年間で5000万円程度」という。\n\n"
        "ARRは9月末時点で40億円となった。"
    )
    found = events(registry, text, "コエダマ、7〜9月期は増収")
    got = {(e["vendor"], e["customer"], e["status"]) for e in of(found, "customer")}
    assert got == {("コエダマ", "Mizuho Bank", "active"), ("コエダマ", "KDDI", "ended")}
    figures = of(found, "financial")
    assert {e["company"] for e in figures} == {"コエダマ"}
    assert sorted(e["metric"] for e in figures) == ["arr", "revenue"]


def test_a_customer_named_beside_another_party_is_left_to_the_contract_rules(
    registry: Registry,
) -> None:
    text = "コエダマは決算を発表した。大口顧客のみずほ銀行は、KDDIとの契約を終了した。"
    found = of(events(registry, text), "customer")
    assert not any(e["vendor"] == "コエダマ" for e in found)


# ---------------------------------------------------------------- a past move told in passing


@pytest.mark.parametrize(
    "text",
    [
        "北川聡氏は2018年にパナソニックから移籍し、楽天でデータ部門を率いてきた。その北川氏がNECに移る。",
        "北川聡氏は2018年にパナソニックから楽天に移籍した。2025年4月、北川氏はNECのCTOに就任した。",
        "NECは楽天の北川聡氏をCTOに迎える。北川氏は2018年にパナソニックから移籍していた。",
    ],
)
def test_where_a_past_move_came_from_is_not_the_news_moves_origin(
    registry: Registry, text: str
) -> None:
    (e,) = of(events(registry, text), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("北川聡", "Rakuten", "NEC")


def test_a_founder_comes_from_the_last_employer_not_the_one_before(registry: Registry) -> None:
    text = "北川聡氏は2015年にパナソニックを退社し、楽天に入社した。2024年にミライラボを設立した。"
    (e,) = of(events(registry, text), "talent_move")
    assert (e["from"], e["to"], e["role"]) == ("Rakuten", "ミライラボ", "co-founder")


def test_adopters_named_with_ni_mo_in_a_passive_are_customers(registry: Registry) -> None:
    text = (
        "コエダマは、コールセンターの通話を要約するAIをつくっている会社です。"
        "みずほ銀行やKDDIにも導入されていて、現場で使われています。"
    )
    found = of(events(registry, text), "customer")
    assert sorted((e["vendor"], e["customer"]) for e in found) == [
        ("コエダマ", "KDDI"),
        ("コエダマ", "Mizuho Bank"),
    ]


# ---------------------------------------------------------------- fund arms and full names


def test_a_fund_arm_is_not_its_parent_named_elsewhere(registry: Registry) -> None:
    text = (
        "音声AIのコトダマは14日、シリーズBで20億円を調達したと発表した。"
        "サムスン電子の投資部門サムスン・カタリスト・ファンドが出資した。"
        "サムスンをめぐっては、米ハーマンを買収した過去もある。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["investors"] == ["サムスン・カタリスト・ファンド"]


def test_an_unknown_long_form_of_a_known_name_is_still_the_known_name(registry: Registry) -> None:
    text = (
        "音声AIのコトダマは14日、シリーズBで20億円を調達したと発表した。"
        "サムスン・エナジーが出資した。サムスンは米ハーマンを買収したことがある。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["investors"] == ["Samsung"]


def test_an_acronym_gloss_does_not_replace_a_full_kanji_name(registry: Registry) -> None:
    text = "音声AIのコトダマは14日、シリーズBで20億円を調達した。北洋産業銀行（HSB）が出資した。"
    (e,) = of(events(registry, text), "investment")
    assert e["investors"] == ["北洋産業銀行"]


def test_a_latin_gloss_still_names_a_katakana_company(registry: Registry) -> None:
    text = "音声AIのコトダマ（Kotodama）は14日、シリーズBで20億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert e["company"] == "Kotodama"


def test_a_business_type_before_no_is_a_description(registry: Registry) -> None:
    text = "2019年には米ネットスーパーのフレッシュダイレクトが米小売り大手ターゲットと提携した。"
    (e,) = of(events(registry, text), "partnership")
    assert sorted(e["companies"]) == ["ターゲット", "フレッシュダイレクト"]


# ---------------------------------------------------------------- public bodies as investors


def test_a_public_lender_glossed_with_an_acronym_is_an_investor(registry: Registry) -> None:
    text = (
        "AI創薬のソラリスバイオは、シリーズAで15億円を調達した。日本政策金融公庫（JFC）が出資した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"]) == ("ソラリスバイオ", ["日本政策金融公庫"])


def test_a_credit_union_and_a_cooperative_end_a_name_as_a_bank_does(registry: Registry) -> None:
    text = "農業AIのミノリテックは、東海信用金庫などから3億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert e["investors"] == ["東海信用金庫"]
    text = (
        "農業AIのミノリテックは、シリーズBで8億円を調達した。"
        "中小企業基盤整備機構と北海道農業協同組合が出資した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert e["investors"] == ["中小企業基盤整備機構", "北海道農業協同組合"]


def test_a_mechanism_is_no_organisation(registry: Registry) -> None:
    names = [m.name for m in find_mentions("自己注意機構と中小企業基盤整備機構", registry)]
    assert names == ["中小企業基盤整備機構"]


def test_work_begun_on_a_date_is_the_writers_move_and_a_first_job_is_none(
    registry: Registry,
) -> None:
    text = (
        "文：森川はるか\n\nこんにちは、森川です。11月から、AIスタートアップのカゼミチAIで"
        "データエンジニアとして働いています。新卒から6年間お世話になったメルカリは10月末で"
        "退職しました。\n\nソウゾウ（当時）に新卒で入社し、推薦モデルを担当していました。"
    )
    title = "6年勤めたメルカリを辞めて、AIスタートアップに転職しました"
    (e,) = of(events(registry, text, title=title), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == (
        "森川はるか",
        "Mercari",
        "カゼミチAI",
        "データエンジニア",
    )


# ---------------------------------------------------------------- relative clauses


def test_investors_in_a_relative_clause_before_the_round_invest(registry: Registry) -> None:
    text = "翻訳AIのコトノハは、三菱UFJ銀行とみずほ銀行が出資するシリーズAで20億円を調達した。"
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"], e["round"]) == (
        "コトノハ",
        ["MUFG Bank", "Mizuho Bank"],
        "Series A",
    )
    text = (
        "物流AIのハコブネは倉庫向けの配送計画AIを開発する。"
        "りそな銀行と千葉銀行が出資しているシリーズBで30億円を調達した。"
    )
    (e,) = of(events(registry, text), "investment")
    assert (e["company"], e["investors"]) == ("ハコブネ", ["りそな銀行", "千葉銀行"])


def test_a_partner_named_by_a_clause_with_no_subject_is_the_topics_partner(
    registry: Registry,
) -> None:
    text = (
        "AI翻訳のコトノハは企業向けの翻訳基盤を手がける。"
        "7月に業務提携した米スノーフレークとは、来春にも小売向けの需要予測サービスを売り出す。"
    )
    (e,) = of(events(registry, text), "partnership")
    assert e["companies"] == ["コトノハ", "Snowflake"]
    text = "需要予測サービスを始める。昨年提携した米スノーフレークの基盤で動かす。"
    (e,) = of(events(registry, text, title="富士通、小売向け需要予測に参入"), "partnership")
    assert e["companies"] == ["Fujitsu", "Snowflake"]


def test_a_headline_surname_with_a_title_is_the_body_person_of_that_company(
    registry: Registry,
) -> None:
    title = "楽天の山田CTO、グーグルから転身"
    text = "楽天は1日、グーグル出身の山田一郎氏を最高技術責任者（CTO）に迎えたと発表した。"
    (e,) = of(events(registry, text, title=title), "talent_move")
    assert (e["person"], e["from"], e["to"], e["role"]) == ("山田一郎", "Google", "Rakuten", "CTO")
    title = "楽天の山田CTOが退任"
    text = "楽天の最高技術責任者（CTO）を務めた山田一郎氏が退任した。"
    (e,) = of(events(registry, text, title=title), "talent_move")
    assert (e["person"], e["from"], e["to"]) == ("山田一郎", "Rakuten", None)
