"""The command line: a thin layer over newsbot's use cases. Only it configures logging."""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from sqlalchemy import Engine

if TYPE_CHECKING:
    from newsbot.app import App

from newsbot import render
from newsbot.config import Settings, load_settings, redact_url
from newsbot.errors import NewsbotError
from newsbot.store.db import make_engine, open_database, upgrade
from newsbot.store.readonly import run_readonly

app = typer.Typer(
    help="Follow AI-industry news in English and Japanese; ask about deals and people.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class State:
    """What the global options set, read by every command."""

    config_path: Path | None = None
    verbose: bool = False


state = State()


@app.callback()
def _global(
    config: Annotated[
        Path | None, typer.Option("--config", help="Settings file (TOML). Default ./newsbot.toml.")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug details.")] = False,
) -> None:
    """newsbot: crawl AI-industry news, extract deals and people, answer questions."""
    state.config_path = config
    state.verbose = verbose
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )


def load() -> Settings:
    """The settings of this invocation (``--config``, ./newsbot.toml, environment)."""
    return load_settings(state.config_path)


def database(settings: Settings | None = None) -> Engine:
    """The knowledge base, migrated to the current schema."""
    return open_database((settings or load()).database_url)


def build_app() -> App:
    """The wired application for this invocation's settings."""
    from newsbot.app import App

    return App(load())


db_app = typer.Typer(help="Manage the knowledge base's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Apply the Alembic migrations in migrations/ (every command does this itself too)."""
    settings = load()
    upgrade(make_engine(settings.database_url), revision)
    typer.echo(f"knowledge base at {redact_url(settings.database_url)} is at {revision}")


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command("sql")
def sql(
    query: Annotated[str, typer.Argument(help="One read-only SQL statement.")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
    limit: Annotated[int | None, typer.Option(help="Maximum rows (default: config).")] = None,
) -> None:
    """Run a read-only query on the knowledge base (writes are refused by the database)."""
    settings = load()
    database(settings).dispose()
    result = run_readonly(
        settings.database_url,
        query,
        row_limit=limit or settings.sql.row_limit,
        timeout=settings.sql.timeout_seconds,
    )
    render.query_result(result, fmt.value)


@app.command("ingest")
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Local HTML files.", exists=True, dir_okay=False)
    ],
    url: Annotated[
        str | None, typer.Option(help="The URL the page was published at (one file only).")
    ] = None,
) -> None:
    """Store local HTML files as articles and extract their events, as a crawl would."""
    if url and len(paths) > 1:
        raise typer.BadParameter("--url names one page; give one file with it")
    from newsbot.pipeline import read_file_article

    newsbot = build_app()
    failed = 0
    for path in paths:
        try:
            result = newsbot.ingestor.ingest(read_file_article(path, url))
        except NewsbotError as exc:
            failed += 1
            typer.echo(f"newsbot: {path}: {exc}", err=True)
            continue
        typer.echo(f"{path}: {result.status}, {len(result.new_events)} new events, "
                   f"{len(result.merged_events)} merged")  # fmt: skip
    newsbot.close()
    if failed:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: NewsbotError becomes one line and exit status 1."""
    try:
        app()
    except NewsbotError as exc:
        typer.echo(f"newsbot: {exc}", err=True)
        raise SystemExit(1) from None
