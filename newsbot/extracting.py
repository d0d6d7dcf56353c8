"""The ``newsbot extract`` use case: local HTML files → events, printed, nothing stored.

Reading a file and parsing it may fail for that file alone (``NewsbotError``); the caller
reports it and goes on. Records are the FORMAT.md event shape plus ``"article"`` (the path
as given) and ``"evidence"`` (the sentence that states the event).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbot.core.article import Article, parse_article
from newsbot.core.events import Event, Extraction
from newsbot.core.extract import Rates, extract
from newsbot.core.extract.document import RegistryLike
from newsbot.errors import ParseError


@dataclass(frozen=True, slots=True)
class FileExtraction:
    """One file's article and what the extractor found in it."""

    path: str
    article: Article
    extraction: Extraction


def extract_file(
    path: str | Path,
    registry: RegistryLike,
    *,
    rates: Rates | None = None,
    lang: str | None = None,
) -> FileExtraction:
    """Read ``path`` (any declared encoding), parse it with its file:// URL, extract."""
    file = Path(path)
    try:
        body = file.read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from None
    article = parse_article(body, file.resolve().as_uri(), lang_hint=lang)
    if lang and article.lang != lang:
        article = _with_lang(article, lang)
    return FileExtraction(str(path), article, extract(article, registry, rates=rates))


def _with_lang(article: Article, lang: str) -> Article:
    return Article(article.url, article.title, article.text, lang, article.published_at,
                   article.canonical_url, article.author, article.site_name)


def event_record(event: Event, article: str) -> dict[str, Any]:
    """The FORMAT.md shape of an event plus ``article`` and ``evidence``."""
    record = {k: _plain_number(v) for k, v in event.to_dict().items()}
    record["article"] = article
    record["evidence"] = event.sentence
    return record


def jsonl_lines(result: FileExtraction) -> list[str]:
    """One JSON line per event."""
    return [json.dumps(event_record(e, result.path), ensure_ascii=False)
            for e in result.extraction.events]


def text_block(result: FileExtraction) -> str:
    """A readable block: the path and title, then one line per event."""
    lines = [f"{result.path}: {result.article.title or '(no title)'}"]
    for event in result.extraction.events:
        fields = ", ".join(f"{k}={_show(v)}" for k, v in event.to_dict().items()
                           if k != "type" and v not in (None, [], ""))
        lines.append(f"  {event.type:<15} {fields}  [{event.confidence:.2f}]")
    if not result.extraction.events:
        lines.append("  (no events)")
    return "\n".join(lines)


def _plain_number(value: Any) -> Any:
    """Whole-number floats as ints (``14300000000``, not ``14300000000.0``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return str(value)
