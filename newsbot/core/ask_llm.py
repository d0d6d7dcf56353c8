"""The optional LLM step of answering, pure: the prompt that asks a model to rephrase a
composed answer, and the check that it added nothing.

The model never sees the database and never writes queries: it gets the question, the
composed answer and the retrieved events as JSON, and may only rephrase them (or pick among
the events). A rephrasing with a number or a name the answer and its events do not contain
is refused, and the composed answer stands.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from newsbot.core.ask_names import name_spans

PROMPT_VERSION = "ask-rephrase-1"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

SYSTEM = (
    "You rewrite answers about AI-industry news. You are given a question, a draft answer "
    "and the events (JSON) it rests on. Rewrite the draft as a short, natural answer in the "
    "language of the question ({lang}). Use only facts, names, numbers and dates that appear "
    "in the draft or the events; add nothing else, no sources, no links, no speculation. If "
    "the draft says nothing was found, say so."
)


def rephrase_messages(
    question: str, draft: str, events: Sequence[dict[str, Any]], lang: str
) -> list[dict[str, str]]:
    """Chat messages asking for a rephrasing of ``draft`` (its body, without sources)."""
    slim = [{k: v for k, v in e.items() if k != "evidence"} for e in events]
    language = "Japanese" if lang == "ja" else "English"
    user = (f"Question: {question}\n\nDraft answer:\n{draft}\n\nEvents:\n"
            f"{json.dumps(slim, ensure_ascii=False, default=str)}")  # fmt: skip
    return [{"role": "system", "content": SYSTEM.format(lang=language)},
            {"role": "user", "content": user}]  # fmt: skip


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(",", "")


def accept_rephrasing(
    candidate: str, draft: str, question: str, events: Sequence[dict[str, Any]], lang: str
) -> bool:
    """Whether ``candidate`` only uses numbers and names found in the draft, the question or
    the events."""
    text = candidate.strip()
    if not text or len(text) > 4 * max(len(draft), 200):
        return False
    allowed = _fold(" ".join([draft, question, json.dumps(events, ensure_ascii=False,
                                                                default=str)]))  # fmt: skip
    numbers = {n.replace(",", "") for n in _NUMBER.findall(unicodedata.normalize("NFKC", text))}
    if any(n not in allowed for n in numbers):
        return False
    names = [s.text for s in name_spans(unicodedata.normalize("NFKC", text), lang) if s.proper]
    return all(_fold(n) in allowed or _known_words(n, allowed) for n in names)


def _known_words(name: str, allowed: str) -> bool:
    """A name made of words that each occur (a sentence-initial "The", a reordered name)."""
    words = [w for w in re.split(r"[\s・]+", _fold(name)) if w]
    return bool(words) and all(w in allowed for w in words)
