"""Rendering results for the terminal: tables, CSV and JSON. Used by the CLI only."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.table import Table

from newsbot.store.readonly import QueryResult


def jsonable(value: Any) -> Any:
    """Values as JSON can hold them: dates in ISO form, decimals as numbers, bytes as hex."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def query_result(result: QueryResult, fmt: str) -> None:
    """Print a query result as a table, CSV (header row first) or a JSON array of objects."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[jsonable(v) for v in row] for row in result.rows])
    elif fmt == "json":
        objects = [
            dict(zip(result.columns, map(jsonable, row), strict=True)) for row in result.rows
        ]
        json.dump(objects, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        table = Table(*result.columns, show_lines=False)
        for row in result.rows:
            table.add_row(*("" if v is None else str(jsonable(v)) for v in row))
        Console(soft_wrap=True).print(table)
    if result.truncated:
        print(f"(stopped at {len(result.rows)} rows; use --limit to see more)", file=sys.stderr)


def _console() -> Console:
    return Console(soft_wrap=True)


class CrawlProgress:
    """A progress bar per source on a terminal; silent when output is not a terminal."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description:<24}"), BarColumn(), TextColumn("{task.completed} pages"),
            TimeElapsedColumn(), console=Console(stderr=True), transient=False,
            disable=not sys.stderr.isatty(),
        )  # fmt: skip
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> CrawlProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, item: Any) -> None:
        name = item.source
        if name not in self.tasks:
            self.tasks[name] = self.progress.add_task(name, total=None)
        done = type(item).__name__ == "SourceDone"
        self.progress.update(self.tasks[name], advance=0 if done else 1)
        if done:
            task = self.progress.tasks[self.tasks[name]]
            self.progress.update(
                self.tasks[name], total=task.completed or 1, completed=task.completed or 1
            )


def crawl_summary(summaries: list[Any]) -> None:
    """One row per source: new, updated, unchanged, failed articles and new events."""
    table = Table("source", "new", "updated", "unchanged", "failed", "new events", "error")
    for s in summaries:
        table.add_row(s.name, str(s.new), str(s.updated), str(s.unchanged), str(s.failed),
                      str(s.new_events), (s.error or "")[:80])  # fmt: skip
    _console().print(table)


def sources(rows: list[Any]) -> None:
    """Sources and their health."""
    table = Table(
        "source", "kind", "url", "last success", "failures", "resting until", "last error"
    )
    for s in rows:
        table.add_row(s.name, s.kind, s.url, _when(s.last_success_at), str(s.consecutive_failures),
                      _when(s.next_crawl_at), (s.last_error or "")[:80])  # fmt: skip
    _console().print(table)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def article_hits(hits: list[Any]) -> None:
    if not hits:
        print("no article matches")
    for hit in hits:
        day = hit.published_date or "undated"
        print(f"{hit.title}\n  {hit.site or ''} {day}  {hit.url}\n  {hit.snippet}\n")


def entities(rows: list[Any], fmt: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            print(json.dumps({"id": r.id, "kind": r.kind, "name": r.name, "aliases": r.aliases,
                              "events": r.events}, ensure_ascii=False))  # fmt: skip
        return
    table = Table("id", "kind", "name", "events", "aliases")
    for r in rows:
        others = [a for a in r.aliases if a != r.name]
        table.add_row(str(r.id), r.kind, r.name, str(r.events), ", ".join(others[:6]))
    _console().print(table)


def events(records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for record in records:
            print(json.dumps(record, ensure_ascii=False, default=jsonable))
        return
    for record in records:
        print(event_line(record))
        for evidence in record["evidence"][:3]:
            print(f"    {evidence['sentence'][:160]}  <{evidence['article']}>")


def event_line(record: dict[str, Any]) -> str:
    """One human line for an event in the FORMAT.md shape."""
    skip = {"type", "id", "evidence", "date", "confidence", "amount", "currency"}
    fields = ", ".join(
        f"{k}={_short(v)}" for k, v in record.items() if k not in skip and v not in (None, [], "")
    )
    return f"[{record.get('date') or '?'}] {record['type']}: {fields}"


def _short(value: Any) -> str:
    if isinstance(value, list):
        return "/".join(map(str, value))
    if isinstance(value, float) and value >= 1e6:
        return f"${value / 1e9:.2f}B" if value >= 1e9 else f"${value / 1e6:.0f}M"
    return str(value)


def knowledge_summary(engine: Any) -> None:
    """Counts of articles, entities and events by type, and the latest events."""
    from sqlalchemy import text

    with engine.connect() as conn:
        articles = conn.execute(text("SELECT lang, count(*) FROM articles GROUP BY lang")).all()
        entities = conn.execute(text("SELECT kind, count(*) FROM entities GROUP BY kind")).all()
        types = conn.execute(
            text("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC")
        ).all()
    table = Table("knowledge base", "count")
    for lang, n in articles:
        table.add_row(f"articles ({lang})", str(n))
    for kind, n in entities:
        table.add_row(f"entities ({kind})", str(n))
    for kind, n in types:
        table.add_row(f"events: {kind}", str(n))
    _console().print(table)


NEXT_STEPS = """
Run it for real:
  cp config.example.toml newsbot.toml      # add your [[sources]]; every setting is commented
  .venv/bin/newsbot crawl                  # crawl them once (newsbot sources: their health)
  DISCORD_TOKEN=... .venv/bin/newsbot run  # the service: scheduled crawls, daily digest, the bot
  NEWSBOT_DATABASE_URL=postgresql://user@host:5432/newsbot   # PostgreSQL for a team
Explore this knowledge base:
  .venv/bin/newsbot events --type investment
  .venv/bin/newsbot sql "SELECT person, from_company, to_company, role FROM talent_moves"
"""
