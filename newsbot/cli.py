"""The command line: a thin layer over newsbot's use cases. Only it configures logging."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsbot.errors import NewsbotError

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


def main() -> None:
    """Console-script entry point: NewsbotError becomes one line and exit status 1."""
    try:
        app()
    except NewsbotError as exc:
        typer.echo(f"newsbot: {exc}", err=True)
        raise SystemExit(1) from None
