"""Settings: one typed object from a TOML file, then ``NEWSBOT_*`` environment variables.

Order of authority (highest first): environment, the TOML file (``--config FILE``, else
``./newsbot.toml`` when present), built-in defaults. Nested settings take ``__`` in variable
names (``NEWSBOT_CRAWL__CONCURRENCY=4``). Secrets — the Discord token and LLM API keys — come
only from the environment (``DISCORD_TOKEN``, ``NEWSBOT_LLM_API_KEY``), are held as
``SecretStr`` and are refused in a file.
"""

from __future__ import annotations

import re
import tomllib
from contextvars import ContextVar
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from newsbot.errors import ConfigError

DEFAULT_CONFIG = Path("newsbot.toml")
SECRET_KEYS = {"discord_token", "llm_api_key", "token", "api_key"}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: Any) -> timedelta:
    """``90``, ``"90s"``, ``"30m"``, ``"2h"``, ``"1d"`` → timedelta (a number is seconds)."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return timedelta(seconds=float(value))
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"not a duration: {value!r} (write e.g. 90, '30m', '2h', '1d')")
    return timedelta(seconds=float(match[1]) * _UNITS[match[2]])


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(_Section):
    """One site to watch."""

    name: str = Field(min_length=1)
    kind: Literal["rss", "atom", "feed", "sitemap", "html"]
    url: str = Field(pattern=r"^https?://")
    language: Literal["en", "ja"] | None = None
    interval: timedelta = timedelta(hours=1)
    selector: str | None = None
    enabled: bool = True

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, value: Any) -> timedelta:
        return parse_duration(value)


class CrawlSettings(_Section):
    """Politeness and limits of the fetcher."""

    user_agent: str = "newsbot/0.1 (+https://github.com/newsbot-dev/newsbot)"
    per_host_delay: float = Field(default=1.0, ge=0)
    connect_timeout: float = Field(default=10.0, gt=0)
    read_timeout: float = Field(default=20.0, gt=0)
    total_timeout: float = Field(default=60.0, gt=0)
    max_bytes: int = Field(default=5_000_000, gt=0)
    concurrency: int = Field(default=8, ge=1)
    max_redirects: int = Field(default=5, ge=0)
    retries: int = Field(default=3, ge=0)
    backoff: float = Field(default=1.0, ge=0)
    max_retry_after: float = Field(default=120.0, ge=0)
    max_articles_per_source: int = Field(default=500, ge=1)
    failure_backoff: timedelta = timedelta(minutes=15)
    allowed_private_hosts: list[str] = []

    @field_validator("failure_backoff", mode="before")
    @classmethod
    def _failure_backoff(cls, value: Any) -> timedelta:
        return parse_duration(value)


class RateConfig(_Section):
    """A currency's value in US dollars from a date on."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    usd: float = Field(gt=0)
    since: date


class EntityConfig(_Section):
    """A company, person or product to add to the built-in registry."""

    name: str = Field(min_length=1)
    kind: Literal["company", "person", "product"] = "company"
    aliases: list[str] = []


class ExtractionSettings(_Section):
    """How events are extracted: offline rules (default) or an LLM endpoint."""

    method: Literal["rules", "llm"] = "rules"
    llm_endpoint: str = "http://127.0.0.1:11434/v1"
    llm_model: str = "llama3.1"
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_retries: int = Field(default=2, ge=0)
    min_confidence: float = Field(default=0.0, ge=0, le=1)
    rates: list[RateConfig] = []
    entities: list[EntityConfig] = []


class AskSettings(_Section):
    """Answering questions; the optional LLM may only rephrase retrieved events."""

    llm: bool = False
    max_sources: int = Field(default=5, ge=1, le=20)


class DigestSettings(_Section):
    """The daily digest."""

    time: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    timezone: str = "UTC"
    channels: list[int] = []
    language: Literal["en", "ja"] = "en"
    quiet_day: Literal["message", "skip"] = "message"
    max_events: int = Field(default=15, ge=1)
    chart: bool = True

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. 'Asia/Tokyo', 'UTC')") from None
        return value


class DiscordSettings(_Section):
    """The Discord bot (it runs when DISCORD_TOKEN is set)."""

    guilds: list[int] = []
    admin_role: str = "newsbot-admin"
    cooldown_seconds: float = Field(default=3.0, ge=0)
    sql_row_limit: int = Field(default=50, ge=1, le=1000)


class SqlSettings(_Section):
    """Limits of ``newsbot sql`` and /sql."""

    row_limit: int = Field(default=1000, ge=1)
    timeout_seconds: float = Field(default=5.0, gt=0)


_file_data: ContextVar[dict[str, Any] | None] = ContextVar("newsbot_config_file", default=None)


class _FileSource(PydanticBaseSettingsSource):
    """The parsed TOML file, below the environment in authority."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return (_file_data.get() or {}).get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(_file_data.get() or {})


class Settings(BaseSettings):
    """Everything newsbot can be told. See config.example.toml for each setting."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    database_url: str = "sqlite:///newsbot.db"
    sources: list[SourceConfig] = []
    crawl: CrawlSettings = CrawlSettings()
    extraction: ExtractionSettings = ExtractionSettings()
    ask: AskSettings = AskSettings()
    digest: DigestSettings = DigestSettings()
    discord: DiscordSettings = DiscordSettings()
    sql: SqlSettings = SqlSettings()

    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("DISCORD_TOKEN", "NEWSBOT_DISCORD_TOKEN"),
        repr=False,
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("NEWSBOT_LLM_API_KEY", "OPENAI_API_KEY"),
        repr=False,
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _FileSource(settings_cls)

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL with the driver newsbot uses (psycopg 3 for PostgreSQL)."""
        return sqlalchemy_url(self.database_url)


def sqlalchemy_url(url: str) -> str:
    """``postgresql://`` or ``postgres://`` as users write it → the psycopg 3 dialect."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Read the settings file (``path``, else ./newsbot.toml if present) and the environment.

    Raises ConfigError naming the file, line and key for anything wrong.
    """
    if path is None and DEFAULT_CONFIG.is_file():
        path = DEFAULT_CONFIG
    text = _read(path) if path else ""
    data = _parse(text, path) if path else {}
    token = _file_data.set(data)
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, text, path)) from None
    finally:
        _file_data.reset(token)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: settings file is not UTF-8 text") from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    for key in _secret_keys(data):
        raise ConfigError(
            f"{path}, line {_line_of(text, key.split('.'))}: key '{key}': secrets are read "
            "only from the environment (DISCORD_TOKEN, NEWSBOT_LLM_API_KEY); remove it"
        )
    return data


def _secret_keys(data: dict[str, Any], prefix: str = "") -> list[str]:
    found = []
    for key, value in data.items():
        if key in SECRET_KEYS:
            found.append(prefix + key)
        elif isinstance(value, dict):
            found += _secret_keys(value, f"{prefix}{key}.")
    return found


def _explain(exc: ValidationError, text: str, path: Path | None) -> str:
    """One line per problem: ``file, line N: key 'a.b': message``."""
    lines = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        key = ".".join(loc) or "(top level)"
        where = f"{path}, line {_line_of(text, loc)}" if path else "environment"
        if path and not _in_file(text, loc):
            where = f"environment (NEWSBOT_{'__'.join(loc).upper()})"
        message = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
        lines.append(f"{where}: key '{key}': {message}")
    return "invalid settings:\n  " + "\n  ".join(lines)


def _in_file(text: str, loc: list[str]) -> bool:
    return bool(loc) and re.search(rf"(?m)^\s*\[*\s*{re.escape(loc[0])}\b", text) is not None


def _line_of(text: str, loc: list[str]) -> int:
    """The 1-based line of a key path in TOML text (its table header when the key is absent)."""
    lines = text.splitlines()
    start, end, found = 0, len(lines), 0
    parts = [p for p in loc if not p.isdigit()]
    indexes = [int(p) for p in loc if p.isdigit()]
    for depth, part in enumerate(parts):
        header = re.compile(rf"^\s*\[\[?\s*{re.escape('.'.join(parts[: depth + 1]))}\s*\]\]?")
        key = re.compile(rf"^\s*{re.escape(part)}\s*=")
        hits = [i for i in range(start, end) if header.match(lines[i]) or key.match(lines[i])]
        if not hits:
            break
        nth = indexes.pop(0) if indexes and header.match(lines[hits[0]]) else 0
        found = hits[min(nth, len(hits) - 1)]
        start = found + 1
        if header.match(lines[found]):
            end = next(
                (i for i in range(start, len(lines)) if lines[i].lstrip().startswith("[")),
                len(lines),
            )
    return found + 1


def redact_url(url: str) -> str:
    """A database URL fit for logs and messages: any password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1***@", url)
