"""Conventions of the command line: every command has help; errors are one line."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsbot.cli import app

runner = CliRunner()


def _commands(group: typer.core.TyperGroup, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append(path)
        if isinstance(command, typer.core.TyperGroup):
            found += _commands(command, path)
    return found


COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


def test_the_contract_commands_exist() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"db upgrade", "sql", "ingest", "crawl", "sources", "search", "entities", "events",
            "demo"} <= names  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    group = typer.main.get_command(app)
    for part in command:
        group = group.commands[part]  # type: ignore[attr-defined]
    assert group.help and len(group.help.strip()) > 10, f"{command} has no help text"


def test_broken_config_is_one_clear_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[crawl]\nconcurrency = 'x'\n")
    result = runner.invoke(app, ["--config", str(config), "sources"])
    assert result.exit_code != 0
    assert "bad.toml, line 2" in str(result.exception)
