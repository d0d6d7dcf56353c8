"""Sentence splitting in English and Japanese; blocks, list items and table rows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsbot.core.extract.text import split_sentences, split_units


def test_english_abbreviations_do_not_split() -> None:
    text = (
        "Acme Inc. said Mr. Doe will join the U.S. unit in Calif. next week. "
        "The deal closed at 5 p.m. on Friday. It was worth $1.5 billion."
    )
    assert split_sentences(text, lang="en") == [
        "Acme Inc. said Mr. Doe will join the U.S. unit in Calif. next week.",
        "The deal closed at 5 p.m. on Friday.",
        "It was worth $1.5 billion.",
    ]


def test_company_suffix_can_end_a_sentence() -> None:
    text = "She founded Widget Corp. The company makes gears."
    assert split_sentences(text, lang="en") == [
        "She founded Widget Corp.",
        "The company makes gears.",
    ]


def test_initials_and_quotes() -> None:
    text = "J. R. Smith joined. “We are thrilled,” he said. Growth was 4.5 percent."
    assert split_sentences(text, lang="en") == [
        "J. R. Smith joined.",
        "“We are thrilled,” he said.",
        "Growth was 4.5 percent.",
    ]


def test_japanese_brackets_nest() -> None:
    text = "同社は「新モデルを発表した。性能は高い。」と述べた。次の文。"
    assert split_sentences(text, lang="ja") == [
        "同社は「新モデルを発表した。性能は高い。」と述べた。",
        "次の文。",
    ]


def test_japanese_end_marks() -> None:
    assert split_sentences("本当か？そうだ！終わり。", lang="ja") == [
        "本当か？",
        "そうだ！",
        "終わり。",
    ]


def test_units_keep_items_rows_and_headings_apart() -> None:
    text = (
        "Intro sentence one. Intro two.\n\nThe deals\n\n- Alpha raised $5 million.\n"
        "- Beta raised $6 million.\n\nName | Amount\nGamma | $7 million"
    )
    units = split_units("A title", text, lang="en")
    assert [(u.kind, u.text) for u in units] == [
        ("title", "A title"),
        ("text", "Intro sentence one."),
        ("text", "Intro two."),
        ("heading", "The deals"),
        ("item", "Alpha raised $5 million."),
        ("item", "Beta raised $6 million."),
        ("item", "Name; Amount"),
        ("item", "Gamma; $7 million"),
    ]
    assert len({u.block for u in units if u.kind == "item"}) == 4


@given(st.text())
def test_never_raises_and_loses_no_words(text: str) -> None:
    for lang in ("en", "ja"):
        joined = "".join(split_sentences(text, lang=lang))
        assert "".join(joined.split()) == "".join(text.split())
        split_units("t", text, lang=lang)


def test_a_paragraph_that_is_one_quote_is_an_answer_read_as_its_sentences() -> None:
    text = "「AI」と「IoT」を組み合わせる。\n\n「シリーズAで5億円を集めた。評価額は40億円だ」"
    units = split_units("", text, lang="ja")
    assert [(u.text, u.kind, u.spoken) for u in units] == [
        ("「AI」と「IoT」を組み合わせる。", "text", False),
        ("シリーズAで5億円を集めた。", "text", True),
        ("評価額は40億円だ。", "text", True),
    ]


def test_the_paragraphs_after_an_interviewers_question_are_the_answer() -> None:
    text = "冒頭の説明。\n\n――資金は。\n\nシリーズAで5億円を集めた。\n\n評価額は40億円だ\n\n――次は？\n\n上場だ。"
    units = split_units("", text, lang="ja")
    assert [(u.text, u.kind, u.spoken) for u in units] == [
        ("冒頭の説明。", "text", False),
        ("――資金は。", "text", False),
        ("シリーズAで5億円を集めた。", "text", True),
        ("評価額は40億円だ", "text", True),
        ("――次は？", "text", False),
        ("上場だ。", "text", True),
    ]
