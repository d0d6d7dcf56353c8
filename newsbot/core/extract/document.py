"""The context every language module reads: the article cut into sentences, the registry's
entity mentions per sentence, amounts, periods, and what the article has said so far about
who is who (salience, surnames, aliases the article defines) for coreference.

A ``Document`` is built once per article by ``extract``; language modules only read it and
record what they learn (``see``, ``define_alias``, ``note_entity``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from newsbot.core.article import Article
from newsbot.core.events import EntityInfo, Money
from newsbot.core.extract.money import MoneyMatch, find_money
from newsbot.core.extract.numbers import CountMatch, PercentMatch, find_count, find_percent
from newsbot.core.extract.periods import PeriodMatch, find_periods
from newsbot.core.extract.rates import Rates
from newsbot.core.extract.text import Sentence, split_units

T = TypeVar("T")
KINDS = ("company", "person", "product")
_CORP_SUFFIX = re.compile(
    r"(?:[\s,]+(?:inc|corp|corporation|ltd|llc|co|plc|gmbh|sa|ag|nv|limited|holdings?))+\.?$"
    r"|(?:株式会社|社)$|^株式会社",
    re.IGNORECASE,
)


class EntryLike(Protocol):
    """What the extractor reads of a registry entry."""

    name: str
    kind: str


class MentionLike(Protocol):
    """What the extractor reads of a registry mention."""

    start: int
    end: int
    surface: str
    entry: Any


class RegistryLike(Protocol):
    """The part of ``newsbot.core.registry.Registry`` the extractor uses."""

    def lookup(self, name: str) -> Any: ...

    def find_mentions(self, text: str) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An entity named in a sentence: canonical ``name``, ``kind``, where, and whether the
    registry knows it (``known``) or a rule recognised it from context."""

    start: int
    end: int
    surface: str
    name: str
    kind: str
    known: bool = True
    entry: Any = None

    @property
    def company(self) -> str | None:
        """The company a product or person entry belongs to, when the registry says."""
        if self.entry is None:
            return None
        owner = getattr(self.entry, "company", None) or getattr(self.entry, "org", None)
        return owner if isinstance(owner, str) and owner else None


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """Comparison key of a name: NFKC, casefold, no corporate suffix, letters and digits only."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _CORP_SUFFIX.sub("", text) or text
    return "".join(c for c in text.casefold() if c.isalnum())


@dataclass
class Document:
    """One article as the rules see it. Per-sentence finders are computed once and cached."""

    article: Article
    registry: RegistryLike
    rates: Rates
    sentences: list[Sentence]
    date: date | None
    lang: str
    salience: Counter[str] = field(default_factory=Counter)
    recent: list[tuple[int, str, str]] = field(default_factory=list)
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    _cache: dict[tuple[str, int], Any] = field(default_factory=dict)

    @classmethod
    def build(cls, article: Article, registry: RegistryLike, *, rates: Rates) -> Document:
        """Cut the article into sentences; nothing else is computed until asked for."""
        lang = "ja" if article.lang == "ja" else "en"
        published = article.published_at.date() if article.published_at else None
        units = split_units(article.title, article.text, lang=lang)
        return cls(article, registry, rates, units, published, lang)

    # per-sentence finders -------------------------------------------------------------

    def mentions(self, i: int) -> list[EntityMention]:
        """Registry mentions in sentence ``i``, left to right, without overlaps."""
        return self._cached("mentions", i, self._find_mentions)

    def money(self, i: int) -> list[MoneyMatch]:
        """Amounts in sentence ``i`` (USD at the article's date, or for an English amount its
        clause dates to an earlier year, at that year's rate)."""
        return self._cached("money", i, self._find_money)

    def _find_money(self, s: Sentence) -> list[MoneyMatch]:
        found = find_money(s.text, lang=self.lang, on=self.date, rates=self.rates)
        if self.lang != "en" or self.date is None:
            return found
        return [self._at_clause_year(s, m) for m in found]

    def _at_clause_year(self, s: Sentence, m: MoneyMatch) -> MoneyMatch:
        """ "which invested 15 million euros in Mistral last year": the euros of last year,
        unless the article gave its own dollar figure."""
        money = m.money
        if money.currency == "USD" or self.date is None:
            return m
        if money.usd != self.rates.to_usd(money.amount, money.currency, self.date):
            return m  # the article's own conversion
        text = s.text
        lo = max(text.rfind(",", 0, m.start), text.rfind(";", 0, m.start)) + 1
        stops = [i for i in (text.find(",", m.end), text.find(";", m.end)) if i >= 0]
        hi = min(stops, default=len(text))
        years = {
            int(f.period[:4])
            for f in self.periods(s.index)
            if lo <= f.start and f.end <= hi and f.period[:4].isdigit()
        }
        if len(years) != 1:
            return m
        year = years.pop()
        if not 2000 <= year < self.date.year:
            return m
        usd = self.rates.to_usd(money.amount, money.currency, date(year, 7, 1))
        return MoneyMatch(m.start, m.end, Money(money.amount, money.currency, usd), m.approximate)

    def periods(self, i: int) -> list[PeriodMatch]:
        """Periods named in sentence ``i``, resolved against the article's date."""
        return self._cached(
            "periods", i, lambda s: find_periods(s.text, lang=self.lang, on=self.date)
        )

    def percents(self, i: int) -> list[PercentMatch]:
        """Percentages in sentence ``i``."""
        return self._cached("percents", i, lambda s: find_percent(s.text))

    def counts(self, i: int) -> list[CountMatch]:
        """Head counts in sentence ``i``."""
        return self._cached("counts", i, lambda s: find_count(s.text, lang=self.lang))

    def _cached(self, what: str, i: int, compute: Callable[[Sentence], list[T]]) -> list[T]:
        key = (what, i)
        if key not in self._cache:
            self._cache[key] = compute(self.sentences[i])
        found: list[T] = self._cache[key]
        return found

    def _find_mentions(self, sentence: Sentence) -> list[EntityMention]:
        found = []
        for m in self.registry.find_mentions(sentence.text):
            entry = m.entry
            found.append(
                EntityMention(m.start, m.end, m.surface, entry.name, entry.kind, True, entry)
            )
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[EntityMention] = []
        for m in found:
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept

    # what the article has told us so far ----------------------------------------------

    def see(self, i: int, name: str, kind: str, *, weight: int = 1) -> None:
        """Record that sentence ``i`` names ``name``: feeds salience and surnames."""
        self.salience[name] += weight
        self.recent.append((i, name, kind))
        if kind == "person":
            parts = name.split()
            if len(parts) >= 2:
                self.surnames.setdefault(name_key(parts[-1]), name)

    def last(self, kind: str, *, before: int, exclude: tuple[str, ...] = ()) -> str | None:
        """The entity of ``kind`` named most recently before sentence ``before``."""
        for i, name, k in reversed(self.recent):
            if i < before and k == kind and name not in exclude:
                return name
        return None

    def main(self, kind: str = "company") -> str | None:
        """The article's most-named entity of ``kind`` so far."""
        kinds = {name: k for _, name, k in self.recent}
        ranked = [n for n, _ in self.salience.most_common() if kinds.get(n) == kind]
        return ranked[0] if ranked else None

    def define_alias(self, alias: str, name: str, kind: str) -> None:
        """The article calls ``name`` also ``alias`` ("Figure AI Inc. (“Figure”)")."""
        key = name_key(alias)
        if key and key != name_key(name):
            self.aliases.setdefault(key, (name, kind))

    def alias_of(self, surface: str) -> tuple[str, str] | None:
        """``(name, kind)`` if the article defined ``surface`` as another name."""
        return self.aliases.get(name_key(surface))

    def person_by_surname(self, surname: str) -> str | None:
        """The full name of a person named earlier whose surname this is."""
        return self.surnames.get(name_key(surname))

    def note_entity(self, name: str, kind: str, surface: str | None = None) -> None:
        """Remember an entity for ``Extraction.entities`` (with the surface used, if other)."""
        info = self.entities.get(name)
        if info is not None and (not surface or surface == name or surface in info.aliases):
            return
        aliases = set(info.aliases) if info else set()
        if surface and surface != name:
            aliases.add(surface)
        self.entities[name] = EntityInfo(name, info.kind if info else kind, tuple(sorted(aliases)))

    def canonical(self, name: str) -> tuple[str, str | None]:
        """``(canonical name, kind)`` through the registry, else the name as given."""
        entry = self.registry.lookup(name)
        if entry is not None:
            return entry.name, entry.kind
        defined = self.alias_of(name)
        return defined if defined else (name, None)
