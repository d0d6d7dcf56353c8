"""Japanese mechanisms that hold for any phrasing: the article's topic and the frames of
lists and sections (an omitted subject, a timeline line, 同社), the roles in a funding round
(who leads, who raises), people left unsaid and their stated careers, names in parentheses
and places before descriptions, deals called off, and business moved into a venture.

Every sentence was written for these tests, in the casual, list-heavy and wire styles the
earlier rules missed; names are partly real, partly invented.
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
        url="https://example.jp/t",
        title=title,
        text=text,
        lang="ja",
        published_at=datetime(2025, 6, 2),
    )
    return [e.to_dict() for e in extract(article, registry).events]


def pairs(found: list[dict[str, Any]], kind: str, *fields: str) -> set[tuple[Any, ...]]:
    return {tuple(e[f] for f in fields) for e in found if e["type"] == kind}


# ---------------------------------------------------------------- the topic of a list


def test_timeline_lines_without_a_subject_belong_to_the_article_s_company(
    registry: Registry,
) -> None:
    text = (
        "オムロンは制御機器の大手だ。M&Aで事業を広げてきた。\n\n"
        "2015年：米アデプト・テクノロジー（Adept Technology）を約2億ドルで買収\n"
        "2019年：仏ソフトワークス（Softworks）を買収\n"
        "2023年：米ビジョン・リンクスを買収"
    )
    found = events(registry, text, "オムロンの買収をまとめてみた")
    assert pairs(found, "acquisition", "acquirer", "target") == {
        ("オムロン", "Adept Technology"),
        ("オムロン", "Softworks"),
        ("オムロン", "ビジョン・リンクス"),
    }


def test_a_line_s_own_head_is_its_topic(registry: Registry) -> None:
    text = (
        "今年に入ってからの主な資金調達は次の通りだ。\n\n"
        "ルミナス・ラボ：8000万ドル（評価額5億ドル）\n"
        "ノヴァ・ロボティクス：1億2000万ドル（ライトスピードが主導）"
    )
    found = events(registry, text, "AIスタートアップの調達まとめ")
    assert pairs(found, "investment", "company", "amount_usd") == {
        ("ルミナス・ラボ", 80_000_000),
        ("ノヴァ・ロボティクス", 120_000_000),
    }
    assert pairs(found, "financial", "company") == set()


def test_a_verbless_round_line_is_the_topic_s_round(registry: Registry) -> None:
    text = (
        "カイト・ロボティクスは倉庫ロボットを開発する米国の新興企業だ。資金調達の歩みは次の通り。\n\n"
        "2022年3月：シードで500万ドル。\n"
        "2024年9月：シリーズAで3000万ドル。インデックス・ベンチャーズがリード"
    )
    found = events(registry, text, "カイト・ロボティクスの歩み")
    rounds = pairs(found, "investment", "company", "round", "amount_usd")
    assert rounds == {
        ("カイト・ロボティクス", "seed", 5_000_000),
        ("カイト・ロボティクス", "Series A", 30_000_000),
    }
    (a,) = [e for e in found if e["type"] == "investment" and e["round"] == "Series A"]
    assert a["investors"] == ["Index Ventures"]


def test_a_heading_that_names_a_partner_is_no_section_topic(registry: Registry) -> None:
    text = (
        "アクシオは法務AIを手がける東京の企業だ。\n\nNTTデータとの関係\n\n"
        "2024年には、NTTデータと提携した。"
    )
    found = events(registry, text, "アクシオってどんな会社？")
    tie_ups = [set(e["companies"]) for e in found if e["type"] == "partnership"]
    assert tie_ups == [{"アクシオ", "NTT Data"}]


# ---------------------------------------------------------------- 同社 and omitted subjects


def test_do_sha_after_founders_is_the_company_described(registry: Registry) -> None:
    text = (
        "ベルタ・ラボは医療AIの新興企業だ。顧客には米ファイザーなどが名を連ねる。"
        "同社は2021年にアナ・ロッシ氏とマルコ・ビアンキ氏が共同で創業した。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "to", "role")
    assert found == {
        ("アナ・ロッシ", "ベルタ・ラボ", "co-founder"),
        ("マルコ・ビアンキ", "ベルタ・ラボ", "co-founder"),
    }


def test_do_sha_is_never_a_company_someone_only_used_to_work_for(registry: Registry) -> None:
    text = (
        "ノーム・AIは東京の新興企業だ。\n\n"
        "米アマゾンで研究者を務めた小野寺誠さんが、同社の技術顧問に就任した。"
    )
    (move,) = [e for e in events(registry, text, "ノーム・AIの人事") if e["type"] == "talent_move"]
    assert (move["person"], move["from"], move["to"]) == ("小野寺誠", "Amazon", "ノーム・AI")


def test_a_person_left_unsaid_founds_with_a_partner_and_their_career(registry: Registry) -> None:
    text = (
        "マヤ・チェンさんは米メタでAI研究を率いました。\n\n"
        "2024年に、ルカ・ブラウンさんと一緒にサンフランシスコでオルビタ・ラボを設立しました。"
    )
    found = pairs(events(registry, text), "talent_move", "person", "from", "to")
    assert ("マヤ・チェン", "Meta", "オルビタ・ラボ") in found
    assert any(p == "ルカ・ブラウン" and to == "オルビタ・ラボ" for p, _, to in found)


def test_a_promotion_stays_where_the_person_works(registry: Registry) -> None:
    text = (
        "韓国のAI新興、アップステージ（Upstage）は人事を発表した。"
        "米グーグル出身の金志勲（キム・ジフン）CTOが、2月にCEOに昇格した。"
    )
    (move,) = [e for e in events(registry, text) if e["type"] == "talent_move"]
    assert (move["from"], move["to"], move["role"]) == ("Upstage", "Upstage", "CEO")


# ---------------------------------------------------------------- roles in a round


@pytest.mark.parametrize(
    "sentence",
    [
        "ソフトバンクグループがリードするシリーズBで5億ドルを調達した。",
        "ソフトバンクグループが主導したシリーズBで、5億ドルを調達した。",
        "シリーズBで5億ドルを調達した。ソフトバンクグループがリードした。",
    ],
)
def test_the_one_who_leads_a_round_invests(registry: Registry, sentence: str) -> None:
    text = "英国の自動運転AI、ヴェロックス（Velox）は急成長している。" + sentence
    (round_,) = [e for e in events(registry, text) if e["type"] == "investment"]
    assert round_["company"] == "Velox"
    assert round_["investors"] == ["SoftBank Group"]


def test_a_led_round_without_a_verb(registry: Registry) -> None:
    text = (
        "米クオリア・システムズは推論用の半導体を開発する。"
        "米セコイア・キャピタルがリードしたシードラウンドで1800万ドル。"
    )
    (round_,) = [e for e in events(registry, text) if e["type"] == "investment"]
    assert (round_["company"], round_["investors"], round_["round"]) == (
        "クオリア・システムズ",
        ["Sequoia Capital"],
        "seed",
    )


# ---------------------------------------------------------------- names


def test_a_place_before_a_description_is_no_company(registry: Registry) -> None:
    text = "仏キャップジェミニは、独ミュンヘンのAI企業ヴァルド・テックを買収すると発表した。"
    found = pairs(events(registry, text), "acquisition", "acquirer", "target")
    assert found == {("キャップジェミニ", "ヴァルド・テック")}


def test_a_katakana_name_glossed_in_latin_is_a_name(registry: Registry) -> None:
    text = (
        "ハープ・ラボは2月、シードラウンドで600万ドルを調達した。カリスト（Kallisto）がリードした。"
    )
    (round_,) = [e for e in events(registry, text) if e["type"] == "investment"]
    assert round_["investors"] == ["Kallisto"]


def test_a_gloss_renames_the_bare_headline_name(registry: Registry) -> None:
    text = "仏タレスグループ（Thales Group）は3日、英ネクサ・ビジョンを買収すると発表した。"
    found = events(registry, text, "仏タレスグループ、英ネクサ・ビジョンを買収")
    assert pairs(found, "acquisition", "acquirer") == {("Thales Group",)}


# ---------------------------------------------------------------- figures and products


def test_funding_to_date_is_dated_at_the_article(registry: Registry) -> None:
    text = "ベルタ・ラボは医療AIの新興企業だ。同社の累計調達額は約2億ドルに達した。"
    (figure,) = [e for e in events(registry, text) if e["type"] == "financial"]
    assert (figure["company"], figure["metric"], figure["period"]) == (
        "ベルタ・ラボ",
        "funding_total",
        "2025-06",
    )


def test_a_round_s_valuation_is_no_figure_of_its_own(registry: Registry) -> None:
    text = "ベルタ・ラボは医療AIの新興企業だ。3月にシリーズBで1億ドルを調達した（評価額8億ドル）。"
    found = events(registry, text, "ベルタ・ラボ、評価額8億ドルに")
    assert pairs(found, "investment", "valuation_usd") == {(800_000_000,)}
    assert pairs(found, "financial", "metric") == set()


def test_a_product_developed_and_announced_is_launched(registry: Registry) -> None:
    text = "富士通は9日、米コヒアと共同で、金融向けのLLM「Kanjo」を開発したと発表した。"
    assert pairs(events(registry, text), "product_launch", "company", "product") == {
        ("Fujitsu", "Kanjo")
    }


def test_passive_adoption_makes_the_adopter_the_customer(registry: Registry) -> None:
    text = (
        "ノヴァ・チップは韓国の新興企業だ。同社のAI半導体は、KTのデータセンターに採用されている。"
    )
    assert pairs(events(registry, text), "customer", "vendor", "customer") == {
        ("ノヴァ・チップ", "KT")
    }


# ---------------------------------------------------------------- what did not happen


@pytest.mark.parametrize(
    "text",
    [
        "仏タレスは英オプティカを買収することで合意していたが、3月に合意を撤回した。",
        "仏タレスは英オプティカを買収することで合意した。しかし、その後この合意は撤回された。",
        "米エヌビディアによる英アームの買収は、各国当局の反対で破談になった。",
    ],
)
def test_a_deal_called_off_is_no_event(registry: Registry, text: str) -> None:
    assert pairs(events(registry, text), "acquisition", "target") == set()


def test_a_holding_through_a_fund_is_no_purchase_of_the_fund(registry: Registry) -> None:
    text = "SKハイニックスは、米ベインキャピタルの買収ファンドを通じてキオクシアに出資している。"
    found = events(registry, text)
    assert pairs(found, "acquisition", "target") == set()


def test_a_business_moved_into_a_venture_is_no_new_tie_up(registry: Registry) -> None:
    text = (
        "NECはパソコン事業をレノボ・グループとの合弁会社に移管しており、ITサービスに注力している。"
    )
    assert pairs(events(registry, text), "partnership", "companies") == set()
