"""Text for Discord: scraped or typed text made inert, and long text split at natural breaks.

Pure string functions. ``inert`` shows Markdown literally and stops mentions from pinging
(the client also sends ``allowed_mentions`` none: two locks on one door). ``split_text``
cuts at paragraph, line, sentence or word boundaries, never inside a Markdown link or a
bold span, so every piece renders on its own.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from discord.utils import escape_markdown

ELLIPSIS = "…"
_MENTION = re.compile(r"@(?=everyone|here|[!&]?\d)")
_NUMBERED = re.compile(r"(?m)^(\s*\d+)\.(\s)")
_PROTECTED = re.compile(
    r"\[[^\]\n]*\]\([^)\s]*\)"  # a Markdown link
    r"|\*\*[^*\n]+\*\*"  # a bold span
    r"|`[^`\n]+`"  # an inline code span
    r"|<https?://[^>\s]+>"  # a link without preview
)
# Break opportunities, best first: (pattern, cut at match start or end, least share of the limit).
_BREAKS: tuple[tuple[re.Pattern[str], bool, float], ...] = (
    (re.compile(r"\n[ \t]*\n"), True, 0.5),
    (re.compile(r"\n"), True, 0.5),
    (re.compile(r"(?<=[.!?;:])[ \t]"), True, 0.5),
    (re.compile(r"(?<=[。！？])"), False, 0.5),
    (re.compile(r"[ \t]"), True, 0.0),
    (re.compile(r"(?<=[、，・）」』])"), False, 0.0),
)


def inert(text: str) -> str:
    """``text`` with Markdown escaped and mentions (@everyone, <@id>, <@&id>) unable to ping."""
    text = _MENTION.sub("@\u200b", text)
    return _NUMBERED.sub(r"\1\\.\2", escape_markdown(text))


def plain(text: str) -> str:
    """``text`` for where Discord shows no Markdown (footers, choices): mentions made inert."""
    return _MENTION.sub("@\u200b", text)


def code_safe(text: str) -> str:
    """``text`` for inside a code block: no backtick can close it, no mention can render."""
    return _MENTION.sub("@\u200b", text.replace("`", "ˋ"))


def link(label: str, url: str | None, *, max_label: int = 80) -> str:
    """A Markdown link whose label and URL cannot break out of it; just the label if no URL."""
    shown = inert(truncate(" ".join(label.split()), max_label).replace("[", "(").replace("]", ")"))
    if not url or not url.startswith(("http://", "https://")):
        return shown
    return f"[{shown or 'link'}]({quote(url, safe=':/?#@!$&*+,;=%~.-_')})"


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a natural break, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = _cut_point(text, limit - len(ELLIPSIS))
    return text[:cut].rstrip() + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at the best natural breaks."""
    pieces = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return [p for p in pieces if p]


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the head is at most ``limit`` characters and reads whole."""
    spans = [m.span() for m in _PROTECTED.finditer(text, 0, len(text))]
    for pattern, at_start, least in _BREAKS:
        best = _last_break(text, pattern, at_start, limit, spans)
        if best is not None and best >= max(1, int(limit * least)):
            return best
    return _hard_cut(text, limit, spans)


def _last_break(
    text: str, pattern: re.Pattern[str], at_start: bool, limit: int, spans: list[tuple[int, int]]
) -> int | None:
    best = None
    for match in pattern.finditer(text, 0, min(len(text), limit + 1)):
        cut = match.start() if at_start else match.end()
        if 0 < cut <= limit and not _inside(cut, spans):
            best = cut
    return best


def _hard_cut(text: str, limit: int, spans: list[tuple[int, int]]) -> int:
    """No break fits: cut a word, but before a protected span and never after a backslash."""
    cut = limit
    for start, end in spans:
        if start < cut < end and start > 0:
            cut = start
    while cut > 1 and text[cut - 1] == "\\":
        cut -= 1
    return cut


def _inside(cut: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < cut < end for start, end in spans)
