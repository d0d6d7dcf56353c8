"""Command options users type: dates ("2025-06", "30d", "yesterday"), parsed before any work.

``parse_since`` and ``parse_day`` are pure (today is passed in); the transformers wrap them
for app_commands so a bad value gets a short ephemeral explanation before anything is
deferred.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import discord
from dateutil.relativedelta import relativedelta
from discord import app_commands

from newsbot.bot.text import inert, truncate

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SPAN = re.compile(r"^(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)$")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


class BadOption(app_commands.AppCommandError):
    """An option value that cannot be read; its message is shown to the user."""


def parse_since(text: str, today: date) -> date:
    """A start date: ISO day, month or year, ``30d``/``6w``/``3m``/``1y`` ago, or a day word."""
    value = " ".join(text.strip().lower().split())
    span = _SPAN.match(value)
    if span:
        unit = _UNITS[span[2][0]]
        start: date = today - relativedelta(**{unit: int(span[1])})
        return start
    return _day_word(value, today) or _iso(value, text)


def parse_day(text: str, today: date) -> date:
    """One day: ``YYYY-MM-DD``, ``today`` or ``yesterday``."""
    value = text.strip().lower()
    found = _day_word(value, today)
    if found is not None:
        return found
    match = _ISO.match(value)
    if not match or match[3] is None:
        raise BadOption(f"{_shown(text)} is not a day: write 2025-06-13, today or yesterday.")
    return _iso(value, text)


def _day_word(value: str, today: date) -> date | None:
    return {"today": today, "yesterday": today - timedelta(days=1)}.get(value)


def _iso(value: str, original: str) -> date:
    match = _ISO.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        pass
    raise BadOption(
        f"{_shown(original)} is not a date: write 2025-06-13, 2025-06, 2025, 30d, 3m or 1y."
    )


def _shown(text: str) -> str:
    return f"“{inert(truncate(text.strip(), 60))}”"


def _today(interaction: discord.Interaction[Any]) -> date:
    today = getattr(interaction.client, "today", None)
    return today() if callable(today) else discord.utils.utcnow().date()


class SinceTransformer(app_commands.Transformer):
    """``since`` options: free text, read by ``parse_since``."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> date:
        return parse_since(value, _today(interaction))


class DayTransformer(app_commands.Transformer):
    """``date`` options of /digest: read by ``parse_day``."""

    async def transform(self, interaction: discord.Interaction[Any], value: str) -> date:
        return parse_day(value, _today(interaction))


Since = app_commands.Transform[date, SinceTransformer]
Day = app_commands.Transform[date, DayTransformer]
