"""Katakana names against Latin ones: the same people match, near misses do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.translit import is_katakana_name, katakana_to_romaji, same_name, same_person

SAME = [
    ("マリーアンヌ・ラショー", "Marie-Anne Lachaux"),
    ("ショーン・ホワイト", "Sean White"),
    ("バティスト・ロジエール", "Baptiste Rozière"),
    ("ティボー・ラブリル", "Thibaut Lavril"),
    ("ダニエル・レビー", "Daniel Levy"),
    ("ギヨーム・ランプル", "Guillaume Lample"),
    ("ティモテ・ラクロワ", "Timothée Lacroix"),
    ("アンドレイ・カルパシー", "Andrej Karpathy"),
    ("ヤン・ライケ", "Jan Leike"),
    ("マイク・クリーガー", "Mike Krieger"),
    ("イリヤ・サツケバー", "Ilya Sutskever"),
    ("アレクサンダー・ワン", "Alexandr Wang"),
]
DIFFERENT = [
    ("ダニエル・グロス", "Daniel Levy"),
    ("ジョン・シュルマン", "John Smith"),
    ("マイク・クリーガー", "Mike Kramer"),
    ("ショーン・ホワイト", "Sean Wright"),
    ("ティボー・ラブリル", "Thibaut Lacroix"),
    ("マリーアンヌ・ラショー", "Marie Lambert"),
    ("ギヨーム・ランプル", "Guillaume Lacroix"),
    ("ジョン・シュルマン", "Jan Leike"),
    ("マイク・クリーガー", "Mike Knight"),
]


@pytest.mark.parametrize(("katakana", "latin"), SAME)
def test_same_people(katakana: str, latin: str) -> None:
    assert same_person(katakana, latin)


@pytest.mark.parametrize(("katakana", "latin"), DIFFERENT)
def test_near_misses_stay_apart(katakana: str, latin: str) -> None:
    assert not same_person(katakana, latin)


def test_only_katakana_against_latin() -> None:
    assert not same_person("Sean White", "Sean White")
    assert not same_person("ショーン・ホワイト", "ショーン・ホワイト")
    assert is_katakana_name("ショーン・ホワイト") and not is_katakana_name("伊藤錬")


def test_romaji() -> None:
    assert katakana_to_romaji("ギヨーム・ランプル") == "giyoomu ranpuru"
    assert katakana_to_romaji("マックス") == "makkusu"


@given(st.text(), st.text())
def test_never_raises(a: str, b: str) -> None:
    same_person(a, b)
    katakana_to_romaji(a)


@pytest.mark.parametrize(
    ("latin", "japanese"),
    [("Altimeter Capital", "アルティメーター・キャピタル"), ("DST Global", "DSTグローバル"),
     ("Sequoia Capital", "セコイア・キャピタル"), ("Lux Capital", "ラックス・キャピタル")],
)  # fmt: skip
def test_company_names_across_scripts(latin: str, japanese: str) -> None:
    assert same_name(latin, japanese) and same_name(japanese, latin)


@pytest.mark.parametrize(
    ("latin", "japanese"),
    [("Altimeter Capital", "アトミコ・キャピタル"), ("DST Global", "ADVグローバル"),
     ("Thrive Capital", "スパーク・キャピタル"), ("Index Ventures", "インサイト・ベンチャーズ"),
     ("Lux Capital", "ルクス・パートナーズ"), ("Lux Capital", "Lux Capital")],
)  # fmt: skip
def test_company_near_misses(latin: str, japanese: str) -> None:
    assert not same_name(latin, japanese)


def test_a_spelling_score_tells_the_closest_latin_name() -> None:
    from newsbot.core.translit import spelling_score

    assert spelling_score("グロック", "Groq") == 100
    assert spelling_score("グロック", "Graphcore") < 90
    assert spelling_score("ブラックロック", "BlackRock") >= 90
