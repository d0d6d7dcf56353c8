"""Splitting long text at natural breaks, and making scraped text inert."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsbot.bot.text import code_safe, inert, link, plain, split_text, truncate

LINK = "[Meta takes 49% of Scale AI](https://ledger.example/meta-scale)"


def test_short_text_is_one_piece():
    assert split_text("  hello world  ", 100) == ["hello world"]
    assert split_text("", 10) == []


def test_paragraphs_are_preferred_to_lines_and_words():
    text = "first paragraph here.\n\nsecond paragraph, rather longer than the first one."
    assert split_text(text, 40) == ["first paragraph here.",
                                    "second paragraph, rather longer than the",
                                    "first one."]  # fmt: skip


def test_words_and_links_are_never_broken():
    text = " ".join([f"word{i} {LINK}" for i in range(40)])
    pieces = split_text(text, 300)
    assert all(len(p) <= 300 for p in pieces)
    assert " ".join(pieces).split() == text.split()
    assert sum(p.count(LINK) for p in pieces) == 40


def test_japanese_splits_after_sentences():
    text = "メタはスケールAIに143億ドルを投じた。" * 30
    pieces = split_text(text, 100)
    assert all(len(p) <= 100 and p.endswith("。") for p in pieces)
    assert "".join(pieces) == text


def test_a_word_longer_than_the_limit_is_cut_but_not_after_a_backslash():
    pieces = split_text("a" * 9 + "\\*" + "b" * 20, 10)
    assert all(len(p) <= 10 for p in pieces)
    assert not any(p.endswith("\\") for p in pieces)
    assert "".join(pieces) == "a" * 9 + "\\*" + "b" * 20


@given(st.lists(st.sampled_from(["word", "longerword", LINK, "\n", "\n\n", "。", "x" * 50]),
                max_size=200), st.integers(min_value=len(LINK), max_value=500))  # fmt: skip
def test_pieces_fit_and_keep_every_word(parts, limit):
    text = " ".join(parts)
    pieces = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
    assert sum(p.count(LINK) for p in pieces) == text.count(LINK)


def test_truncate_marks_the_cut():
    assert truncate("short", 10) == "short"
    cut = truncate("the quick brown fox jumps", 12)
    assert cut == "the quick…" and len(cut) <= 12


def test_inert_escapes_markdown_and_mentions():
    text = inert("**bold** _it_ `code` [x](https://e.x) @everyone @here <@123> <@&45> <@!6>")
    assert "**" not in text and "\\_it\\_" in text and "\\`code\\`" in text
    assert "\\[x](https://e.x)" in text
    assert not re.search(r"@(everyone|here|[!&]?\d)", text)
    assert inert("# Title\n> quote\n- item\n1. first") == (
        "\\# Title\n\\> quote\n\\- item\n1\\. first"
    )


def test_code_and_plain_text_keep_markdown_but_not_mentions():
    assert code_safe("a ``` b @everyone") == "a ˋˋˋ b @\u200beveryone"
    assert plain("**b** <@123456789012345678>") == "**b** <@\u200b123456789012345678>"


def test_links_cannot_break_out():
    assert link("A [tricky] title", "https://x.example/a b(c)") == (
        "[A (tricky) title](https://x.example/a%20b%28c%29)"
    )
    assert link("no url", None) == "no url"
    assert link("js", "javascript:alert(1)") == "js"
