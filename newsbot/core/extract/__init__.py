"""Article → events, without any language model, in English and Japanese.

``extract`` builds a ``Document`` (sentences, entity mentions, amounts, periods and the
coreference state), hands it to the language module (``ja.extract_events`` for Japanese,
``en.extract_events`` otherwise), then merges findings of the same event. Amounts, percentages,
counts and periods are normalised by ``money``, ``numbers`` and ``periods``; ``Rates`` holds the
dated exchange rates used when an article gives no conversion of its own.
"""

from __future__ import annotations

from newsbot.core.article import Article
from newsbot.core.events import EntityInfo, Event, Extraction
from newsbot.core.extract.document import Document, EntityMention, RegistryLike, name_key
from newsbot.core.extract.merge import merge_events
from newsbot.core.extract.money import MoneyMatch, find_money, format_money, parse_money
from newsbot.core.extract.numbers import CountMatch, PercentMatch, find_count, find_percent
from newsbot.core.extract.periods import PeriodMatch, find_periods, parse_period
from newsbot.core.extract.rates import Rates
from newsbot.core.extract.text import Sentence, split_sentences, split_units

__all__ = [
    "CountMatch",
    "Document",
    "EntityMention",
    "MoneyMatch",
    "PercentMatch",
    "PeriodMatch",
    "Rates",
    "RegistryLike",
    "Sentence",
    "extract",
    "find_count",
    "find_money",
    "find_percent",
    "find_periods",
    "format_money",
    "merge_events",
    "name_key",
    "parse_money",
    "parse_period",
    "split_sentences",
    "split_units",
]

_DEFAULT_RATES: list[Rates] = []


def default_rates() -> Rates:
    """``Rates.default()``, built once."""
    if not _DEFAULT_RATES:
        _DEFAULT_RATES.append(Rates.default())
    return _DEFAULT_RATES[0]


def extract(article: Article, registry: RegistryLike, *, rates: Rates | None = None) -> Extraction:
    """The events an article states, one per real event, with the entities it names."""
    doc = Document.build(article, registry, rates=rates or default_rates())
    events = _language_events(doc)
    merged = merge_events(events)
    for event in merged:
        _note_participants(doc, event)
    return Extraction(merged, dict(doc.entities))


def _language_events(doc: Document) -> list[Event]:
    if doc.lang == "ja":
        from newsbot.core.extract import ja

        return ja.extract_events(doc)
    from newsbot.core.extract import en

    return en.extract_events(doc)


def _note_participants(doc: Document, event: Event) -> None:
    for name, _role, kind in event.participants():
        if name not in doc.entities:
            doc.note_entity(name, kind)
    product = event.fields.get("product") if event.type == "product_launch" else None
    if isinstance(product, str) and product not in doc.entities:
        doc.entities[product] = EntityInfo(product, "product")
