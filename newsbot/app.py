"""The one place where settings become running parts: database, registry, extractor.

Every command and the service build what they need here, so wiring is written once.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from sqlalchemy import Engine

from newsbot.config import Settings
from newsbot.core.extract import Rates
from newsbot.core.registry import Registry
from newsbot.extractors import Extractor, RulesExtractor
from newsbot.pipeline import Ingestor
from newsbot.registries import configured_registry
from newsbot.store.db import open_database


class App:
    """Lazily built parts of newsbot for one set of settings."""

    def __init__(self, settings: Settings, *, migrate: bool = True):
        self.settings = settings
        self._migrate = migrate

    @cached_property
    def engine(self) -> Engine:
        return open_database(self.settings.database_url, migrate=self._migrate)

    @cached_property
    def registry(self) -> Registry:
        return configured_registry(self.settings)

    @cached_property
    def rates(self) -> Rates:
        steps: dict[str, dict[str, float]] = defaultdict(dict)
        for rate in self.settings.extraction.rates:
            steps[rate.currency][rate.since.isoformat()] = rate.usd
        return Rates.from_mapping(steps, base=Rates.default())

    @cached_property
    def extractor(self) -> Extractor:
        if self.settings.extraction.method == "llm":
            return self._llm_extractor()
        return RulesExtractor(self.registry, self.rates)

    def _llm_extractor(self) -> Extractor:
        from newsbot.llm.cache import SqlCache
        from newsbot.llm.extractor import LLMExtractor

        settings = self.settings.extraction
        key = self.settings.llm_api_key
        return LLMExtractor(
            settings.llm_endpoint,
            settings.llm_model,
            key.get_secret_value() if key else None,
            SqlCache(self.engine),
            settings.llm_timeout,
            settings.llm_retries,
        )

    @cached_property
    def ingestor(self) -> Ingestor:
        return Ingestor(
            self.engine,
            self.registry,
            self.extractor,
            min_confidence=self.settings.extraction.min_confidence,
        )

    def close(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()
