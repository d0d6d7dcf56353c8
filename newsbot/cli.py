"""The command line: a thin layer over newsbot's use cases. Only it configures logging."""

from __future__ import annotations

import logging
import shlex
import sys
from datetime import UTC, datetime
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


@app.command("crawl")
def crawl(
    urls: Annotated[
        list[str] | None,
        typer.Argument(
            help="Feeds, sitemaps, listing pages or articles to crawl (no config needed)."
        ),
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Crawl only this configured source.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Crawl sources resting after failures too.")] = False,
) -> None:
    """Fetch every configured source (or the URLs given) once; store articles and events."""
    import asyncio

    from newsbot.pipeline import Crawl

    newsbot = build_app()
    sources = [s for s in newsbot.settings.sources if not source or s.name in source]
    if source and len(sources) < len(set(source)):
        known = ", ".join(s.name for s in newsbot.settings.sources) or "none configured"
        raise typer.BadParameter(f"unknown source in {source} (sources: {known})")
    if not urls and not sources:
        raise typer.BadParameter("no sources configured: add [[sources]] or give URLs to crawl")
    with render.CrawlProgress() as progress:
        job = Crawl(newsbot.ingestor, newsbot.settings.crawl, on_item=progress.update)
        run = job.urls(urls) if urls else job.sources(sources, force=force or bool(source))
        summaries = asyncio.run(run)
    newsbot.close()
    render.crawl_summary(summaries)
    if summaries and all(s.error for s in summaries):
        raise typer.Exit(1)


@app.command("sources")
def sources_health() -> None:
    """Each configured source's health: last success, failures, last error."""
    from sqlalchemy.orm import Session

    from newsbot.store.sources import all_sources, sync_sources

    newsbot = build_app()
    with Session(newsbot.engine) as session, session.begin():
        sync_sources(session, newsbot.settings.sources, datetime.now(UTC))
        rows = all_sources(session)
        render.sources(rows)
    newsbot.close()


@app.command("search")
def search(
    words: Annotated[str, typer.Argument(help="Words that must all occur (English or Japanese).")],
    limit: Annotated[int, typer.Option(help="Most articles shown.")] = 10,
) -> None:
    """Full-text search over stored articles."""
    from sqlalchemy.orm import Session

    from newsbot.store.search import search_articles

    newsbot = build_app()
    with Session(newsbot.engine) as session:
        render.article_hits(search_articles(session, words, limit=limit))
    newsbot.close()


class ListFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


@app.command("entities")
def entities(
    name: Annotated[
        str | None, typer.Argument(help="Only entities with a name containing this.")
    ] = None,
    kind: Annotated[str | None, typer.Option(help="company, person or product.")] = None,
    limit: Annotated[int, typer.Option(help="Most entities listed.")] = 100,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """List entities of the knowledge base with their aliases and event counts."""
    from sqlalchemy.orm import Session

    from newsbot.store.listing import list_entities

    newsbot = build_app()
    with Session(newsbot.engine) as session:
        rows = list_entities(session, contains=name, kind=kind, limit=limit)
    newsbot.close()
    render.entities(rows, fmt.value)


@app.command("events")
def events(
    entity: Annotated[
        str | None, typer.Option("--entity", "-e", help="Events this entity takes part in.")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="investment, acquisition, ...")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Events dated on or after YYYY[-MM[-DD]].")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most events listed.")] = 100,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """List stored events (``--format jsonl``: FORMAT.md shape plus id and evidence)."""
    from sqlalchemy.orm import Session

    from newsbot.store.events import event_records
    from newsbot.store.listing import event_ids

    newsbot = build_app()
    with Session(newsbot.engine) as session:
        ids = event_ids(session, newsbot.registry, entity=entity, type_=type_, since=since,
                        limit=limit)  # fmt: skip
        records = event_records(session, ids)
    newsbot.close()
    render.events(records, fmt.value)


@app.command("demo")
def demo() -> None:
    """Offline demo: serve the sample sites on 127.0.0.1, crawl them, show what was learned."""
    from newsbot.app import App
    from newsbot.demo import run as demo_run

    settings = demo_run.demo_settings(load())
    newsbot = App(settings)
    typer.echo(f"Knowledge base: {redact_url(settings.database_url)}")
    typer.echo("Crawling the sample sites (served on 127.0.0.1)...")
    with render.CrawlProgress() as progress:
        summaries = demo_run.crawl_demo(newsbot, on_item=progress.update)
    render.crawl_summary(summaries)
    render.knowledge_summary(newsbot.engine)
    markdown, chart = demo_run.demo_digest(newsbot)
    typer.echo("\nToday's digest (newsbot digest):\n")
    typer.echo(markdown)
    if chart:
        typer.echo(f"The week's deals and talent flows, as a chart: {chart}")
    typer.echo("\nA few questions (newsbot ask):")
    for question, answer in demo_run.demo_answers(newsbot):
        typer.echo(f"\n$ newsbot ask {shlex.quote(question)}\n{answer}")
    newsbot.close()
    typer.echo(render.NEXT_STEPS)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


@app.command("extract")
def extract_files(
    paths: Annotated[list[Path], typer.Argument(help="Local HTML files.", dir_okay=False)],
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", help="jsonl: one event a line; text: readable.")
    ] = ExtractFormat.text,
    lang: Annotated[
        str | None, typer.Option(help="Read the pages as this language (en or ja).")
    ] = None,
) -> None:
    """Print the events found in local HTML files (rules extractor); stores nothing."""
    from newsbot.extracting import extract_file, jsonl_lines, text_block

    if lang not in (None, "en", "ja"):
        raise typer.BadParameter("--lang is en or ja")
    newsbot = build_app()
    failed = 0
    for path in paths:
        try:
            result = extract_file(path, newsbot.registry, rates=newsbot.rates, lang=lang)
        except NewsbotError as exc:
            failed += 1
            typer.echo(f"newsbot: {path}: {exc}", err=True)
            continue
        lines = jsonl_lines(result) if fmt is ExtractFormat.jsonl else [text_block(result)]
        for line in lines:
            typer.echo(line)
    if failed:
        raise typer.Exit(1)


@app.command("ask")
def ask(
    question: Annotated[str, typer.Argument(help="A question, in English or Japanese.")],
    as_json: Annotated[
        bool, typer.Option("--json", help='Print {"answer", "events", "sources"} as JSON.')
    ] = False,
) -> None:
    """Answer a question from the knowledge base, in the question's language, with sources."""
    import json

    from newsbot.answers import answerer_from

    answerer = answerer_from(load())  # not build_app(): no crawler or extractors to import
    answer = answerer.ask(question)
    answerer.engine.dispose()
    if as_json:
        typer.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(answer.text)


class DigestFormat(StrEnum):
    markdown = "markdown"
    json = "json"


@app.command("digest")
def digest(
    day: Annotated[
        str | None,
        typer.Option("--date", help="YYYY-MM-DD in the digest's time zone (default: today)."),
    ] = None,
    fmt: Annotated[DigestFormat, typer.Option("--format", "-f")] = DigestFormat.markdown,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also write the week's chart (PNG) to this file.")
    ] = None,
) -> None:
    """Print the digest of a day's new events: grouped, ranked, with their sources."""
    import json
    from datetime import date

    from newsbot.core.digest import render_json, render_markdown
    from newsbot.digests import chart_png, load_digest, local_today

    try:
        when = date.fromisoformat(day) if day else None
    except ValueError:
        raise typer.BadParameter(f"--date {day!r}: write YYYY-MM-DD") from None
    newsbot = build_app()
    settings = newsbot.settings.digest.model_copy(update={"quiet_day": "message"})
    when = when or local_today(datetime.now(UTC), settings)
    result = load_digest(newsbot.engine, when, settings, registry=newsbot.registry)
    png = chart_png(newsbot.engine, when, settings) if chart else None
    newsbot.close()
    if fmt is DigestFormat.json:
        typer.echo(json.dumps(render_json(result), ensure_ascii=False, indent=1, default=str))
    else:
        typer.echo(render_markdown(result), nl=False)
    if chart:
        if png:
            chart.write_bytes(png)
            typer.echo(f"chart written to {chart}", err=True)
        else:
            typer.echo("no deals or talent moves this week: no chart written", err=True)


@app.command("run")
def run(
    once: Annotated[
        bool, typer.Option("--once", help="Crawl every source once, send due digests, and exit.")
    ] = False,
) -> None:
    """The service: scheduled crawls, daily digests and alerts; the bot when DISCORD_TOKEN is set.

    One service per knowledge base: a second one is refused. SIGTERM or Ctrl-C stop it.

    Logs go to stderr, one line per event.
    """
    import asyncio

    from newsbot.service import LogfmtFormatter, Service

    root = logging.getLogger()
    root.setLevel(logging.DEBUG if state.verbose else logging.INFO)
    for handler in root.handlers:
        handler.setFormatter(LogfmtFormatter())
    for noisy in ("alembic", "apscheduler", "httpx"):  # their INFO lines are sentences, not events
        logging.getLogger(noisy).setLevel(logging.WARNING)
    newsbot = build_app()
    try:
        report = asyncio.run(Service(newsbot).run(once=once))
    finally:
        newsbot.close()
    if once:
        render.crawl_summary(report.crawled)
        for outcome in report.digests:
            typer.echo(f"digest {outcome.day} → channel {outcome.channel}: {outcome.status}")
        if not report.posted:
            typer.echo("no DISCORD_TOKEN: digests and alerts were not posted", err=True)


def main() -> None:
    """Console-script entry point: NewsbotError becomes one line and exit status 1."""
    try:
        app()
    except NewsbotError as exc:
        typer.echo(f"newsbot: {exc}", err=True)
        raise SystemExit(1) from None
