"""The extractors newsbot can run on an article, behind one small interface."""

from __future__ import annotations

from typing import Protocol

from newsbot.core.article import Article
from newsbot.core.events import Extraction
from newsbot.core.extract import Rates, extract
from newsbot.core.registry import Registry


class Extractor(Protocol):
    """Article → Extraction; ``name`` is recorded with every article it read."""

    name: str

    def extract(self, article: Article) -> Extraction: ...


class RulesExtractor:
    """The offline extractor: registry, patterns and normalisers, no model."""

    name = "rules"

    def __init__(self, registry: Registry, rates: Rates | None = None):
        self.registry = registry
        self.rates = rates

    def extract(self, article: Article) -> Extraction:
        return extract(article, self.registry, rates=self.rates)
