"""Settings: the example file documents everything, env wins, errors name file, line, key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from newsbot.config import Settings, load_settings, parse_duration, redact_url, sqlalchemy_url
from newsbot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "config.example.toml"


def _leaf_settings(model: type[BaseModel], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        if name in ("discord_token", "llm_api_key"):
            continue
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))
        sub = next((t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)), None)
        if sub is not None:
            keys |= _leaf_settings(sub, f"{prefix}{name}.")
        else:
            keys.add(prefix + name)
    return keys


def _documented_keys(text: str) -> set[str]:
    """Keys of the example file that have a comment line right above them."""
    documented, table, previous = set(), "", ""
    for line in text.splitlines():
        stripped = line.strip()
        header = re.match(r"^\[\[?([\w.]+)\]\]?$", stripped)
        if header:
            table = header[1] + "."
        elif "=" in stripped and not stripped.startswith("#"):
            key = stripped.split("=", 1)[0].strip()
            if previous.startswith("#"):
                documented.add(table + key)
        previous = stripped
    return documented


def test_example_config_loads() -> None:
    settings = load_settings(EXAMPLE)
    assert settings.sources[0].name == "example-feed"
    assert settings.extraction.rates[0].currency == "JPY"


def test_every_setting_is_documented_in_the_example() -> None:
    expected = _leaf_settings(Settings)
    documented = _documented_keys(EXAMPLE.read_text(encoding="utf-8"))
    missing = sorted(expected - documented)
    assert not missing, f"settings without a commented example: {missing}"


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.database_url == "sqlite:///newsbot.db"
    assert settings.sources == []


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('database_url = "sqlite:///a.db"\n[crawl]\nconcurrency = 5\nretries = 1\n')
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", "sqlite:///b.db")
    monkeypatch.setenv("NEWSBOT_CRAWL__CONCURRENCY", "2")
    settings = load_settings(path)
    assert settings.database_url == "sqlite:///b.db"
    assert (settings.crawl.concurrency, settings.crawl.retries) == (2, 1)


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    return str(info.value)


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    message = _error(tmp_path, '[crawl]\nconcurrency = 4\nuser_agent = "unterminated\n')
    assert "bad.toml" in message and "line 3" in message


def test_wrong_value_names_file_line_and_key(tmp_path: Path) -> None:
    text = (
        '[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example/f"\n\n'
        '[[sources]]\nname = "b"\nkind = "podcast"\nurl = "https://b.example/f"\n'
    )
    message = _error(tmp_path, text)
    assert "bad.toml, line 8" in message and "sources.1.kind" in message


def test_unknown_key_is_reported(tmp_path: Path) -> None:
    message = _error(tmp_path, "[crawl]\nconcurency = 4\n")
    assert "line 2" in message and "crawl.concurency" in message and "unknown" in message


def test_bad_time_zone(tmp_path: Path) -> None:
    assert "Mars/Olympus" in _error(tmp_path, '[digest]\ntimezone = "Mars/Olympus"\n')


@pytest.mark.parametrize("key", ["discord_token", "llm_api_key"])
def test_secrets_are_refused_in_files(tmp_path: Path, key: str) -> None:
    message = _error(tmp_path, f'{key} = "s3cret"\n')
    assert "environment" in message and "s3cret" not in message


def test_secrets_come_from_the_environment_and_stay_hidden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "tok-123")
    monkeypatch.setenv("NEWSBOT_LLM_API_KEY", "key-456")
    settings = load_settings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "tok-123"
    dumped = repr(settings) + str(settings) + settings.model_dump_json()
    assert "tok-123" not in dumped and "key-456" not in dumped


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_database_urls_as_users_write_them(written: str, expected: str) -> None:
    assert sqlalchemy_url(written) == expected


def test_redact_url() -> None:
    assert redact_url("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"


@pytest.mark.parametrize(
    ("value", "seconds"), [(90, 90), ("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400)]
)
def test_durations(value: Any, seconds: int) -> None:
    assert parse_duration(value).total_seconds() == seconds


def test_example_is_valid_toml() -> None:
    tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
