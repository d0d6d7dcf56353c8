"""Regex building helpers that keep a pattern's meaning and make it cheaper to run.

Python's regex engine tries the alternatives of a group one by one at every position it
reaches, so a long alternation of words (``said|says|announced|...``) costs its length at
each word of a sentence. ``by_first_letter`` regroups such an alternation under a lookahead
on the first letter (``(?=[sSaA])(?:(?=[sS])(?:said|says)|(?=[aA])(?:announced))``): a
position then tries only the words that can start there, most positions none.
``boundary_words`` does better for a case-sensitive pattern that opens with
``\b(?:words)``: the engine jumps straight to the characters that start a word of the list.
``letters_first`` does the same for any pattern that opens with ``\b(?:alternation)``, also a
case-insensitive one (only a pattern compiled without ``re.IGNORECASE`` can open with a class
the engine skips to, so the case-insensitive part goes into ``(?i:...)``). Either way the set
of matches, their order of preference and their groups are those of the original alternation.
"""

from __future__ import annotations

import re

__all__ = [
    "boundary_words",
    "by_first_letter",
    "first_letters",
    "letters_first",
    "open_with_letters",
    "regroup_alternations",
    "split_alternatives",
]


_CAPTURING = re.compile(r"(?<!\\)\((?!\?)|\(\?P<")


def split_alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regex (``a|(?:b|c)d`` → ``["a", "(?:b|c)d"]``)."""
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(body, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _class_end(body: str, i: int) -> int:
    """The index just after the character class opening at ``body[i] == "["``."""
    j = i + 1
    if j < len(body) and body[j] == "^":
        j += 1
    if j < len(body) and body[j] == "]":
        j += 1  # "[]...]": a leading "]" is a member
    while j < len(body) and body[j] != "]":
        j += 2 if body[j] == "\\" else 1
    return j + 1


def first_letters(alternative: str) -> set[str]:
    """The characters an alternative can start with; ValueError unless it always starts
    with one of a known set: a literal ASCII letter, a caseless literal symbol (``\\$``,
    ``€``), a class of ASCII letters (``[Cc]``) or a leading group of such alternatives
    (``(?:is|are)``) -- and that first item is not optional (``a?``, ``[Cc]*``, ``(?:x)?``)."""
    if alternative.startswith("(?:"):
        end = _group_end(alternative, 0)
        _required(alternative, end)
        letters: set[str] = set()
        for part in split_alternatives(alternative[3 : end - 1]):
            letters |= first_letters(part)
        return letters
    if alternative.startswith("[") and not alternative.startswith("[^"):
        end = _class_end(alternative, 0)
        members = alternative[1 : end - 1]
        if members and members.isascii() and members.isalpha():
            _required(alternative, end)
            return set(members)
    first, end = _first_literal(alternative)
    _required(alternative, end)
    return {first}


def _first_literal(alternative: str) -> tuple[str, int]:
    """The literal character an alternative opens with and where it ends; ValueError for
    anything else (a class, an escape sequence, a letter outside ASCII)."""
    ch = alternative[:1]
    if ch == "\\" and len(alternative) > 1 and _caseless_symbol(alternative[1]):
        return alternative[1], 2
    if ch and ch not in _SPECIAL and ((ch.isascii() and ch.isalpha()) or _caseless_symbol(ch)):
        return ch, 1
    raise ValueError(f"alternative does not start with a letter: {alternative!r}")


_SPECIAL = frozenset(".^$*+?{}[]|()\\")


def _caseless_symbol(ch: str) -> bool:
    """A character that is neither a letter nor a digit nor a space, and has no case."""
    return not (ch.isalnum() or ch.isspace()) and ch.lower() == ch == ch.upper()


def _required(alternative: str, end: int) -> None:
    """ValueError when the item ending at ``end`` may be absent (followed by ``?``, ``*`` or
    a ``{...}`` repeat)."""
    if alternative[end : end + 1] in ("?", "*", "{"):
        raise ValueError(f"optional first item: {alternative!r}")


def _group_end(body: str, i: int) -> int:
    """The index just after the group opening at ``body[i] == "("``."""
    depth = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(body, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {body!r}")


def by_first_letter(body: str) -> str:
    """``body`` (an alternation whose alternatives all start with a letter or a caseless
    symbol, see ``first_letters``) regrouped by first letter; see the module doc. ASCII
    letters are grouped in either case, so the result means the same with or without
    ``re.IGNORECASE``.

    An alternative that can start with several letters ("(?:is|are)\\s+said") goes into
    each of their groups; every group keeps the original order of its alternatives. A body
    with capturing groups is refused (regrouping would renumber them).
    """
    if _CAPTURING.search(body):
        raise ValueError(f"capturing groups would be renumbered: {body!r}")
    groups: dict[str, list[str]] = {}
    for alternative in split_alternatives(body):
        for letter in sorted({c.lower() for c in first_letters(alternative)}):
            groups.setdefault(letter, []).append(alternative)
    every = re.escape("".join(groups) + "".join(groups).upper())
    dispatch = "|".join(
        f"(?=[{re.escape(letter + letter.upper())}])(?:{'|'.join(alts)})"
        for letter, alts in groups.items()
    )
    return f"(?=[{every}])(?:{dispatch})"


def boundary_words(body: str) -> str:
    """``\\b(?:body)`` for a case-sensitive pattern, where ``body`` is an alternation of plain
    words ("it|its|he"), written so that each alternative opens with its literal first
    character: ``i(?<!\\wi)(?:t|ts)|h(?<!\\wh)e``. A pattern that begins with it lets the
    engine skip to the positions holding one of those characters (a ``\\b`` or a lookahead
    in front would make it try every position). Same matches, in the same order of
    preference; the caller wraps the result in a group.
    """
    groups: dict[str, list[str]] = {}
    for word in split_alternatives(body):
        if not word or re.escape(word) != word.replace("-", r"\-") or not word[0].isalpha():
            raise ValueError(f"not a plain word: {word!r}")
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{first}(?<!\\w{first})(?:{'|'.join(rests)})" for first, rests in groups.items()
    )


# characters other than an ASCII letter's two cases that re.IGNORECASE matches it with
_EXTRA_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def letters_first(body: str, *, ignorecase: bool) -> str:
    """``\\b(?:body)``, where ``body`` is an alternation whose alternatives all start with an
    ASCII letter (see ``first_letters``), written to open with the class of those letters:
    ``[sSaA](?<!\\w(?s:.))(?:(?<=[sS])(?i:aid|ays)|(?<=[aA])(?i:nnounced))``. Compiled
    without ``re.IGNORECASE``, a pattern that opens with it lets the engine skip to those
    letters. ``ignorecase`` says how ``body`` is meant: then the class holds every character
    ``re.IGNORECASE`` matches a letter with, and the rest of each word is case-insensitive.
    Same matches, in the same order of preference; a body with capturing groups is refused.
    """
    if _CAPTURING.search(body):
        raise ValueError(f"capturing groups would be repeated: {body!r}")
    groups: dict[str, list[str]] = {}
    for alternative in split_alternatives(body):
        keys = []
        for letter in sorted(first_letters(alternative)):
            if not (letter.isascii() and letter.isalpha()):
                raise ValueError(f"not a letter: {letter!r} in {alternative!r}")
            key = letter.lower() if ignorecase else letter
            if key not in keys:
                keys.append(key)
        for key in keys:
            rest = _without_first(alternative, key, ignorecase=ignorecase)
            if rest is not None:
                groups.setdefault(key, []).append(rest)
    classes = {key: _letter_class(key, ignorecase=ignorecase) for key in groups}
    flags = "(?i:" if ignorecase else "(?:"
    dispatch = "|".join(
        f"(?<=[{classes[key]}]){flags}{'|'.join(rests)})" for key, rests in groups.items()
    )
    return f"[{''.join(classes.values())}](?<!\\w(?s:.))(?:{dispatch})"


def _letter_class(key: str, *, ignorecase: bool) -> str:
    return key + key.upper() + _EXTRA_CASES.get(key, "") if ignorecase else key


def _without_first(alternative: str, key: str, *, ignorecase: bool) -> str | None:
    """The alternative after its first character, when that character can be ``key``
    (for a leading group, the group of its alternatives that can); else None."""

    def fits(ch: str) -> bool:
        return ch.lower() == key if ignorecase else ch == key

    if alternative.startswith("(?:"):
        end = _group_end(alternative, 0)
        parts = [
            rest
            for part in split_alternatives(alternative[3 : end - 1])
            if (rest := _without_first(part, key, ignorecase=ignorecase)) is not None
        ]
        return f"(?:{'|'.join(parts)}){alternative[end:]}" if parts else None
    if alternative.startswith("["):
        end = _class_end(alternative, 0)
        fit = any(map(fits, alternative[1 : end - 1]))
    else:
        first, end = _first_literal(alternative)
        fit = fits(first)
    if alternative[end : end + 1] in ("+", "*", "?", "{"):
        raise ValueError(f"repeated first item: {alternative!r}")  # "a+": no plain rest
    return alternative[end:] if fit else None


def open_with_letters(pattern: str, *, ignorecase: bool) -> str | None:
    """``pattern`` (``\\b(?:alternation)rest``, no top-level ``|``) rewritten for a compile
    without ``re.IGNORECASE``: ``letters_first`` of the alternation, then ``rest`` (inside
    ``(?i:...)`` when ``ignorecase``). None for a pattern of another shape."""
    if not pattern.startswith("\\b(?:") or len(split_alternatives(pattern)) > 1:
        return None
    end = _group_end(pattern, 2)
    if pattern[end : end + 1] in ("+", "*", "?", "{"):
        return None  # an optional or repeated group
    try:
        head = letters_first(pattern[5 : end - 1], ignorecase=ignorecase)
    except ValueError:
        return None
    rest = pattern[end:]
    return head + (f"(?i:{rest})" if ignorecase and rest else rest)


def regroup_alternations(pattern: str, *, minimum: int = 6) -> str:
    """``pattern`` with every non-capturing group of at least ``minimum`` alternatives that
    all start with a letter (and hold no capturing group) regrouped by ``by_first_letter``.
    Each such group is replaced by an equivalent one, so the pattern means the same."""
    out, _ = _regroup(pattern, 0, minimum, inside=False)
    return out


def _regroup(pattern: str, i: int, minimum: int, *, inside: bool) -> tuple[str, int]:
    """The pattern from ``i`` up to the ``)`` closing the current group (or the end), with
    its eligible groups regrouped; and the index where it stopped."""
    parts: list[str] = []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            parts.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":
            end = _class_end(pattern, i)
            parts.append(pattern[i:end])
            i = end
        elif ch == ")" and inside:
            return "".join(parts), i
        elif ch == "(":
            head = _group_head(pattern, i)
            if head.endswith(")"):  # "(?i)", "(?P=name)", "(?#...)": no body
                parts.append(head)
                i += len(head)
                continue
            body, close = _regroup(pattern, i + len(head), minimum, inside=True)
            if head == "(?:" and _eligible(body, minimum):
                body = by_first_letter(body)
            parts.append(f"{head}{body})")
            i = close + 1
        else:
            parts.append(ch)
            i += 1
    return "".join(parts), i


_GROUP_HEAD = re.compile(
    r"\((?:\?(?:[:=!]|<[=!]|P<\w+>|P=\w+\)|#[^)]*\)|[aiLmsux-]+(?::|\))|\(\w+\))?)?"
)


def _group_head(pattern: str, i: int) -> str:
    """What opens the group at ``pattern[i] == "("``: "(", "(?:", "(?P<name>", "(?i:"..."""
    m = _GROUP_HEAD.match(pattern, i)
    if m is None or pattern.startswith("(?(", i):
        raise ValueError(f"unsupported group at {pattern[i : i + 12]!r}")
    return m.group(0)


def _eligible(body: str, minimum: int) -> bool:
    alternatives = split_alternatives(body)
    if len(alternatives) < minimum or _CAPTURING.search(body):
        return False
    try:
        for alternative in alternatives:
            first_letters(alternative)
    except ValueError:
        return False
    return True
