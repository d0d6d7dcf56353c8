"""Dated exchange rates: how many US dollars one unit of a currency was worth, and since when.

``Rates.default()`` holds approximate yearly averages for 2015–2026, good enough to put an
amount stated in yen or euros on the same scale as dollar amounts when the article gives no
conversion of its own. The configuration may replace or extend it (``Rates.from_mapping``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

# currency -> approximate yearly average USD per unit, 2015..2026
_YEARLY: dict[str, tuple[float, ...]] = {
    "JPY": (
        0.00826,
        0.0092,
        0.0089,
        0.00906,
        0.00917,
        0.00937,
        0.0091,
        0.0076,
        0.00712,
        0.0066,
        0.0067,
        0.0066,
    ),
    "EUR": (1.11, 1.107, 1.13, 1.18, 1.12, 1.14, 1.18, 1.05, 1.08, 1.08, 1.13, 1.16),
    "GBP": (1.53, 1.36, 1.29, 1.33, 1.28, 1.28, 1.38, 1.24, 1.24, 1.28, 1.32, 1.34),
    "CNY": (0.161, 0.151, 0.148, 0.151, 0.145, 0.145, 0.155, 0.149, 0.141, 0.139, 0.139, 0.14),
    "KRW": (
        0.000884,
        0.00086,
        0.000885,
        0.000909,
        0.000858,
        0.000849,
        0.000874,
        0.000775,
        0.000766,
        0.000733,
        0.00071,
        0.0007,
    ),
    "INR": (
        0.0156,
        0.0149,
        0.0154,
        0.0146,
        0.0142,
        0.0135,
        0.0135,
        0.0127,
        0.0121,
        0.012,
        0.0116,
        0.0113,
    ),
    "CAD": (0.78, 0.755, 0.77, 0.772, 0.754, 0.746, 0.798, 0.769, 0.741, 0.73, 0.72, 0.72),
    "AUD": (0.75, 0.74, 0.77, 0.75, 0.70, 0.69, 0.75, 0.69, 0.66, 0.66, 0.64, 0.65),
    "CHF": (1.04, 1.01, 1.02, 1.02, 1.01, 1.07, 1.09, 1.05, 1.11, 1.14, 1.2, 1.25),
    "SGD": (0.73, 0.72, 0.72, 0.74, 0.73, 0.73, 0.74, 0.73, 0.74, 0.75, 0.76, 0.77),
    "HKD": (
        0.129,
        0.129,
        0.128,
        0.1275,
        0.1276,
        0.129,
        0.1287,
        0.1277,
        0.1277,
        0.128,
        0.128,
        0.128,
    ),
}
_FIRST_YEAR = 2015


@dataclass(frozen=True, slots=True)
class Rates:
    """Currency → sorted ``(since, usd_per_unit)`` steps; USD is always 1."""

    table: Mapping[str, tuple[tuple[date, float], ...]]

    @classmethod
    def default(cls) -> Rates:
        """Built-in approximate yearly rates for 2015–2026."""
        return cls(
            {
                cur: tuple((date(_FIRST_YEAR + i, 1, 1), rate) for i, rate in enumerate(rates))
                for cur, rates in _YEARLY.items()
            }
        )

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Mapping[Any, float]], *, base: Rates | None = None
    ) -> Rates:
        """Rates from ``{"JPY": {"2024-01-01": 0.0067, ...}}``, laid over ``base`` if given."""
        table = dict(base.table) if base else {}
        for currency, steps in data.items():
            parsed = sorted((_as_date(since), float(rate)) for since, rate in steps.items())
            table[currency.upper()] = tuple(parsed)
        return cls(table)

    def usd_per_unit(self, currency: str, on: date | None = None) -> float | None:
        """USD value of one unit on a day (the latest rate when ``on`` is None)."""
        currency = currency.upper()
        if currency == "USD":
            return 1.0
        steps = self.table.get(currency)
        if not steps:
            return None
        if on is None:
            return steps[-1][1]
        i = bisect.bisect_right([since for since, _ in steps], on) - 1
        return steps[max(i, 0)][1]

    def to_usd(self, amount: float, currency: str, on: date | None = None) -> float | None:
        """``amount`` of ``currency`` in US dollars, or None for an unknown currency."""
        rate = self.usd_per_unit(currency, on)
        return None if rate is None else amount * rate


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
