"""``patterns`` rewrites keep a pattern's meaning: same matches, same groups."""

from __future__ import annotations

import importlib
import random
import re

import pytest

from newsbot.core.extract.patterns import (
    boundary_words,
    by_first_letter,
    first_letters,
    letters_first,
    open_with_letters,
    regroup_alternations,
    split_alternatives,
)

_PIECES = [
    "in", "is", "it", "its", "It", "Its", r"is\s+said", r"in\s+talks", r"(?:is|are)\s+due",
    "are", "a", r"an?", r"as\s", "at", r"[Cc]ould", "can", r"neither\s+\w+", "no", "not",
    "nor", r"n(?:o|e)t", r"t(?:alks?)", r"talks\s+(?:to|with)\b", "the", "that", "than", r"\$", "€",
    r"(?:the|a)\s+deal", "deal", r"de(?:al|als)", r"s(?:aid|ays)", "said", "seeks?", r"s\w+",
]  # fmt: skip
_ALPHABET = [*"aeinostdlhcrwIATCSN ,.$€\t\n", "is ", "in ", "it ", "the ", "talks ", "said "]
_OPTIONAL_FIRST = [r"s?aid", r"[Cc]?at", r"(?:is)?s", r"t{0,1}he", r"x*in"]


def _spans(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_regrouped_alternations_match_like_the_original(flags: int) -> None:
    rng = random.Random(7)
    for _ in range(150):
        alternatives = rng.sample(_PIECES, rng.randint(1, 8))
        body = "|".join(alternatives)
        for prefix, suffix in (("", ""), (r"\b", r"\b"), ("", r"\s")):
            original = re.compile(f"{prefix}(?:{body}){suffix}", flags)
            regrouped = re.compile(f"{prefix}{by_first_letter(body)}{suffix}", flags)
            for _ in range(20):
                text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
                assert _spans(regrouped, text) == _spans(original, text), (body, text)


def test_capturing_groups_are_refused() -> None:
    for body in ("(a)|b", "(?P<x>a)|b"):
        with pytest.raises(ValueError):
            by_first_letter(body)
    assert by_first_letter(r"a\(|b")


def test_alternatives_are_split_at_the_top_level_only() -> None:
    assert split_alternatives(r"a|(?:b|c)d|[|]x|\|y") == ["a", "(?:b|c)d", "[|]x", r"\|y"]


def test_first_letters_of_an_alternative() -> None:
    assert first_letters(r"(?:is|are)\s+said") == {"i", "a"}
    assert first_letters("[Cc]ould") == {"C", "c"}
    assert first_letters(r"\$") == {"$"}
    assert first_letters("€uro") == {"€"}
    for refused in (r"\bx", *_OPTIONAL_FIRST, "éclair", r"\d", "[a-c]x", ""):
        with pytest.raises(ValueError):
            first_letters(refused)


_WORDS = ["it", "its", "It", "Its", "he", "his", "him", "He", "her", "she", "start-up", "s", "i"]


def test_boundary_words_match_like_a_word_alternation() -> None:
    rng = random.Random(11)
    for _ in range(300):
        body = "|".join(rng.sample(_WORDS, rng.randint(1, 6)))
        for suffix in ("", r"\b", r"\s"):
            original = re.compile(rf"\b(?:{body}){suffix}")
            rewritten = re.compile(f"(?:{boundary_words(body)}){suffix}")
            for _ in range(20):
                text = "".join(rng.choice([*_ALPHABET, *_WORDS, "x", "-"]) for _ in range(12))
                assert _spans(rewritten, text) == _spans(original, text), (body, text)


def test_boundary_words_refuse_patterns() -> None:
    for body in (r"a\s", "a.b", "(?:a)", "", "1a"):
        with pytest.raises(ValueError):
            boundary_words(body)


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern of word groups, classes, lookarounds and named groups."""
    items = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.4 and depth < 3:
            alternatives = [_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 7))]
            items.append("(?:" + "|".join(alternatives) + ")" + rng.choice(["", "?"]))
        elif kind < 0.5 and depth < 3:
            items.append(rng.choice(["(?=", "(?!", f"(?P<g{rng.randint(0, 99999)}>"]))
            items[-1] += _random_pattern(rng, depth + 1) + ")"
        else:
            pieces = [*_PIECES, *_OPTIONAL_FIRST, r"\s+", r"\b", "[a-c]", "x", r"\(", "."]
            items.append(rng.choice(pieces))
    return "".join(items)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_regrouped_patterns_match_like_the_original(flags: int) -> None:
    rng = random.Random(5)
    for _ in range(50):
        source = _random_pattern(rng)
        try:
            original = re.compile(source, flags)
        except re.error:
            continue  # a duplicate group name
        regrouped = re.compile(regroup_alternations(source, minimum=2), flags)
        for _ in range(20):
            text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
            assert _spans(regrouped, text) == _spans(original, text), (source, text)


# alternatives that open with an ASCII letter, and text with the characters re.IGNORECASE
# also matches letters with (İ, ı, ſ, K)
_LETTER_PIECES = [p for p in _PIECES if p[0] not in "\\€" and p != r"s\w+"] + ["a+b", "s\\w+"]
_CASE_ALPHABET = [*_ALPHABET, "İ", "ı", "ſ", "\u212a", "K", "k", "IS ", "It's ", "-"]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_letters_first_matches_like_a_boundary_alternation(flags: int) -> None:
    rng = random.Random(13)
    tried = 0
    for _ in range(200):
        body = "|".join(rng.sample(_LETTER_PIECES, rng.randint(1, 8)))
        try:
            head = letters_first(body, ignorecase=bool(flags))
        except ValueError:
            assert "a+b" in body.split("|")  # a repeated first letter has no plain rest
            continue
        tried += 1
        for suffix in ("", r"\b", r"\s", r"\s+(?:deal|it)"):
            original = re.compile(rf"\b(?:{body}){suffix}", flags)
            rewritten = re.compile(head + (f"(?i:{suffix})" if flags and suffix else suffix))
            for _ in range(20):
                text = "".join(rng.choice(_CASE_ALPHABET) for _ in range(rng.randint(0, 30)))
                assert _spans(rewritten, text) == _spans(original, text), (body, text)
                pos = rng.randint(0, len(text))
                assert bool(rewritten.match(text, pos)) == bool(original.match(text, pos))
    assert tried > 100


def test_letters_first_refuses_what_it_cannot_rewrite() -> None:
    for body in (r"\$", "€", "(a)|b", "a+", r"[a-c]x", r"\bx"):
        with pytest.raises(ValueError):
            letters_first(body, ignorecase=True)


def test_open_with_letters_keeps_the_pattern() -> None:
    rng = random.Random(17)
    for flags in (0, re.IGNORECASE):
        for _ in range(100):
            body = "|".join(rng.sample(_LETTER_PIECES[:-2], rng.randint(1, 6)))
            rest = "".join(rng.sample([r"\s+", r"(?P<x>it|is)", r"\b", "deal", r"(?:a|an)\s"], 2))
            source = rf"\b(?:{body}){rest}"
            opened = open_with_letters(source, ignorecase=bool(flags))
            assert opened is not None, source
            original, rewritten = re.compile(source, flags), re.compile(opened)
            for _ in range(20):
                text = "".join(rng.choice(_CASE_ALPHABET) for _ in range(rng.randint(0, 30)))
                assert _spans(rewritten, text) == _spans(original, text), (source, text)
    for other in (r"\b(?:a|b)?c", r"\b(?:a|b)c|d", r"(?:a|b)", r"\b(?:\$|a)", r"\b(?:a)+"):
        assert open_with_letters(other, ignorecase=True) is None


def skips_ahead(pattern: re.Pattern[str]) -> bool:
    """Whether a search with ``pattern`` skips straight to the places where a match can begin
    (the pattern opens with a literal or a class, or every alternative opens with a literal);
    else the engine tries the whole pattern at every character."""
    compiler, parser = (
        importlib.import_module("re._compiler"),
        importlib.import_module("re._parser"),
    )
    parsed = parser.parse(pattern.pattern, pattern.flags)
    if not pattern.flags & re.IGNORECASE and compiler._get_literal_prefix(parsed, pattern.flags)[0]:
        return True
    return compiler._get_charset_prefix(parsed, pattern.flags) is not None


def test_skips_ahead() -> None:
    assert skips_ahead(re.compile("買収|出資"))
    assert skips_ahead(re.compile("[ァ-ヺ]社"))
    assert not skips_ahead(re.compile("[ァ-ヺ]社|買収"))  # a class among literal alternatives
    assert not skips_ahead(re.compile("(?:完全|連結)子会社|買収"))  # a group among them
    assert not skips_ahead(re.compile(r"\bsaid", re.IGNORECASE))
    assert skips_ahead(re.compile(letters_first("said|says", ignorecase=True)))


def test_japanese_triggers_and_hints_skip_ahead() -> None:
    """The trigger and hint patterns run on every sentence: each must let the engine skip to
    where it can match (write a lookbehind after the literal, (?<=が)リード as リード(?<=がリード);
    a leading group or class as literal alternatives)."""
    from newsbot.core.extract.ja_business import _ANY_METRIC
    from newsbot.core.extract.ja_clauses import TRIGGERS
    from newsbot.core.extract.ja_entities import _ANAPHOR_HINT, _KATA_COMPANIES

    slow_ok = {"found"}  # TALENT_FOUND opens with a group followed by one lookahead
    for kind, pattern in TRIGGERS:
        assert kind in slow_ok or skips_ahead(pattern), kind
    for _finder, hint in _KATA_COMPANIES:
        assert skips_ahead(hint), hint.pattern[:40]
    assert skips_ahead(_ANAPHOR_HINT)
    assert skips_ahead(_ANY_METRIC)
