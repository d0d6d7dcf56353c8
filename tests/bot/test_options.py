"""Dates users type, and the short messages errors become."""

from __future__ import annotations

from datetime import date

import pytest
from discord import app_commands

from newsbot.bot.checks import NotAllowed
from newsbot.bot.client import UNEXPECTED, describe
from newsbot.bot.options import BadOption, parse_day, parse_since
from newsbot.bot.replies import choices
from newsbot.errors import DatabaseError, ReadOnlyError

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-06-13", date(2025, 6, 13)), ("2025-06", date(2025, 6, 1)), ("2025", date(2025, 1, 1)),
    ("30d", date(2026, 2, 13)), ("2 weeks", date(2026, 3, 1)), ("3m", date(2025, 12, 15)),
    ("1 year", date(2025, 3, 15)), (" Today ", TODAY), ("yesterday", date(2026, 3, 14)),
])  # fmt: skip
def test_since(text, expected):
    assert parse_since(text, TODAY) == expected


@pytest.mark.parametrize("text", ["last tuesday", "2025-13", "2025-02-30", "@everyone", ""])
def test_bad_since_says_how_to_write_it(text):
    with pytest.raises(BadOption, match="is not a date: write 2025-06-13"):
        parse_since(text, TODAY)


def test_day():
    assert parse_day("2025-06-13", TODAY) == date(2025, 6, 13)
    assert parse_day("yesterday", TODAY) == date(2026, 3, 14)
    with pytest.raises(BadOption, match="is not a day"):
        parse_day("2025-06", TODAY)


def test_bad_values_are_shown_inert():
    with pytest.raises(BadOption) as info:
        parse_since("@everyone **x**", TODAY)
    assert "@\u200beveryone \\*\\*x\\*\\*" in str(info.value)


def test_errors_become_short_messages():
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 30), 12.2)
    assert describe(cooldown) == ("Slow down: try again in 13 s.", True)
    assert describe(NotAllowed("This command is for admins.")) == (
        "This command is for admins.",
        True,
    )
    assert describe(app_commands.NoPrivateMessage())[1]
    assert describe(app_commands.CheckFailure())[0] == "You cannot use this command here."
    refused = app_commands.CommandInvokeError.__new__(app_commands.CommandInvokeError)
    refused.original = ReadOnlyError("refused: no such_table")
    assert describe(refused) == ("refused: no such\\_table", True)
    broken = app_commands.CommandInvokeError.__new__(app_commands.CommandInvokeError)
    broken.original = DatabaseError("cannot connect to postgresql://user:secret@db/kb")
    assert describe(broken) == (UNEXPECTED, False)


def test_autocomplete_choices_fit_discord():
    names = [f"Company {i}" for i in range(40)] + ["L" * 120, "Company 1", "A  spaced\nname"]
    found = choices(names[-3:] + names[:40])
    assert len(found) == 25 and all(1 <= len(c.name) <= 100 for c in found)
    assert [c.value for c in found[:2]] == ["Company 1", "A  spaced\nname"]
    assert found[1].name == "A spaced name" and "L" * 120 not in [c.value for c in found]
