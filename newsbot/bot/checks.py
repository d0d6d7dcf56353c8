"""Who may run what: the admin role (or guild administrators) and per-user cooldowns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from newsbot.bot.text import inert

T = TypeVar("T")


class NotAllowed(app_commands.CheckFailure):
    """The user lacks the role or permission a command needs; the message says which."""


def has_admin_role(interaction: discord.Interaction[Any], role_name: str) -> bool:
    """The user holds ``role_name`` (any case) or administers the guild."""
    user = interaction.user
    if not isinstance(user, discord.Member):
        return False
    if interaction.permissions.administrator:
        return True
    wanted = role_name.casefold()
    return any(role.name.casefold() == wanted for role in user.roles)


def _admin_role(interaction: discord.Interaction[Any]) -> str:
    return str(interaction.client.settings.discord.admin_role)


def admin_only() -> Callable[[T], T]:
    """A check: the configured admin role, or guild administrators."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        role = _admin_role(interaction)
        if has_admin_role(interaction, role):
            return True
        raise NotAllowed(f"This command is for the **{inert(role)}** role.")

    return app_commands.check(predicate)


def channel_managers() -> Callable[[T], T]:
    """A check: the admin role, guild administrators, or members who manage channels."""

    async def predicate(interaction: discord.Interaction[Any]) -> bool:
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        role = _admin_role(interaction)
        if interaction.permissions.manage_channels or has_admin_role(interaction, role):
            return True
        raise NotAllowed(
            f"Changing what this channel receives needs the **{inert(role)}** role "
            "or the Manage Channels permission."
        )

    return app_commands.check(predicate)


def _cooldown(interaction: discord.Interaction[Any]) -> app_commands.Cooldown | None:
    seconds = float(interaction.client.settings.discord.cooldown_seconds)
    return app_commands.Cooldown(1, seconds) if seconds > 0 else None


def cooldown() -> Callable[[T], T]:
    """Per-user cooldown of ``discord.cooldown_seconds`` on one command (0 turns it off)."""
    return app_commands.checks.dynamic_cooldown(_cooldown)  # keyed by user
