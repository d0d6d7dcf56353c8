"""What the extraction tests share: an article made of a test's sentences, and the ways to
look for an event in what the extractor found (names compared by their key, amounts within
1%, a list expected to be contained in the one found)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from newsbot.core.article import Article
from newsbot.core.events import Event
from newsbot.core.extract import extract, name_key
from newsbot.core.registry import Registry


@cache
def _registry() -> Registry:
    return Registry.default()


def english_events(text: str, title: str, on: datetime) -> list[Event]:
    """The events of an English article with this text and title, published ``on``."""
    return extract(Article("https://example.test/a", title, text, "en", on), _registry()).events


def japanese_events(
    registry: Registry, text: str, title: str = "", on: datetime = datetime(2025, 6, 2)
) -> list[dict[str, Any]]:
    """The events of a Japanese article, as FORMAT.md records."""
    article = Article(url="https://example.jp/a", title=title, text=text, lang="ja",
                      published_at=on)  # fmt: skip
    return [e.to_dict() for e in extract(article, registry).events]


def of(found: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in found if e["type"] == kind]


def same(expected: Any, got: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(got, list) and {name_key(x) for x in expected} <= {
            name_key(x) for x in got
        }
    if isinstance(expected, float | int) and not isinstance(expected, bool):
        return isinstance(got, float | int) and abs(got - expected) <= 0.01 * abs(expected)
    if isinstance(expected, str) and isinstance(got, str):
        return name_key(expected) == name_key(got)
    return bool(expected == got)


def find(events: list[Event], type_: str, **fields: Any) -> Event:
    """The first event of this type whose fields agree with ``fields``."""
    for event in events:
        if event.type == type_ and all(same(v, event.fields.get(k)) for k, v in fields.items()):
            return event
    shown = [(e.type, e.fields) for e in events]
    raise AssertionError(f"no {type_} with {fields} in {shown}")


def none_of(events: list[Event], type_: str, **fields: Any) -> None:
    """No event of this type (with these fields, when given)."""
    found = [
        e.fields
        for e in events
        if e.type == type_ and all(same(v, e.fields.get(k)) for k, v in fields.items())
    ]
    assert not found, f"unexpected {type_}: {found}"
