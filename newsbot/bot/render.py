"""What the bot shows: answers, profiles, events, search hits, query results, sources, digests.

Pure: plain values in, ``Reply`` messages out (see ``newsbot.bot.embeds``), every one within
Discord's limits. Names, titles, sentences and snippets come from scraped articles and
arguments from users, so all of them pass through ``inert``: Markdown shows literally and
mentions cannot ping.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from discord import Colour, Embed

from newsbot.bot.embeds import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL,
    Field,
    Reply,
    card,
    pack,
    spread,
)
from newsbot.bot.shapes import Hit, ProfileLike, SourceRef, SourceState, Table
from newsbot.bot.text import code_safe, inert, link, plain, truncate

MAX_SOURCES = 10
CELL_WIDTH = 32
SQL_COLOUR = Colour(0x64748B)
OK, FAILING, RESTING = "🟢", "🔴", "🟡"
_BULLET = re.compile(r"(?m)^\\- ")  # an escaped list dash opening a line
_SOURCES_HEADING = re.compile(r"\n(?:Sources|出典)[:：]?[ \t]*(?:\n|$)")


# -- money, dates and single events --


def usd(value: float | None) -> str:
    """``14.3e9`` → ``$14.3B``; ``None`` → empty."""
    if value is None:
        return ""
    return "$" + _short(value)


def _short(value: float) -> str:
    for size, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.3g}{unit}"
    return f"{value:,.0f}"


def money(record: Mapping[str, Any], key: str = "amount_usd") -> str:
    """An event's amount as stated, with its USD value when stated in another currency."""
    dollars = usd(record.get(key))
    amount, currency = record.get("amount"), record.get("currency")
    if amount is None or not currency or currency == "USD" or key != "amount_usd":
        return dollars
    stated = f"{currency} {_short(float(amount))}"
    return f"{stated} (≈{dollars})" if dollars else stated


def _names(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(inert(str(v)) for v in value if v) or "?"
    return inert(str(value)) if value else "?"


def _investment(r: Mapping[str, Any]) -> str:
    terms = [money(r), f"{r['stake_pct']:g}% stake" if r.get("stake_pct") else "",
             f"valued at {usd(r.get('valuation_usd'))}" if r.get("valuation_usd") else "",
             inert(str(r["round"])) if r.get("round") else ""]  # fmt: skip
    return f"{_names(r.get('investors'))} → {_names(r.get('company'))}" + _terms(terms)


def _acquisition(r: Mapping[str, Any]) -> str:
    return f"{_names(r.get('acquirer'))} acquires {_names(r.get('target'))}" + _terms([money(r)])


def _partnership(r: Mapping[str, Any]) -> str:
    summary = truncate(inert(str(r["summary"])), 200) if r.get("summary") else ""
    return f"{_names(r.get('companies'))} partner" + (f": {summary}" if summary else "")


def _customer(r: Mapping[str, Any]) -> str:
    status = inert(str(r["status"])) if r.get("status") else ""
    line = f"{_names(r.get('customer'))} buys from {_names(r.get('vendor'))}"
    return line + _terms([money(r), status])


def _talent_move(r: Mapping[str, Any]) -> str:
    line = _names(r.get("person"))
    if r.get("from"):
        line += f" leaves {_names(r.get('from'))}"
    if r.get("to"):
        line += f" {'for' if r.get('from') else 'joins'} {_names(r.get('to'))}"
    return line + (f" as {inert(str(r['role']))}" if r.get("role") else "")


def _financial(r: Mapping[str, Any]) -> str:
    value = usd(r.get("value_usd")) or (f"{r['value_pct']:g}%" if r.get("value_pct") else "?")
    metric = inert(str(r.get("metric") or "figure").replace("_", " "))
    period = f" ({inert(str(r['period']))})" if r.get("period") else ""
    return f"{_names(r.get('company'))} {metric}: {value}{period}"


def _product_launch(r: Mapping[str, Any]) -> str:
    return f"{_names(r.get('company'))} launches {_names(r.get('product'))}"


def _layoff(r: Mapping[str, Any]) -> str:
    count = f" {r['count']:,} people" if r.get("count") else ""
    return f"{_names(r.get('company'))} lays off{count}"


def _other(r: Mapping[str, Any]) -> str:
    return inert(str(r.get("type")))


def _terms(terms: Iterable[str]) -> str:
    shown = [t for t in terms if t]
    return f" ({', '.join(shown)})" if shown else ""


_LINES = {
    "investment": _investment, "acquisition": _acquisition, "partnership": _partnership,
    "customer": _customer, "talent_move": _talent_move, "financial": _financial,
    "product_launch": _product_launch, "layoff": _layoff,
}  # fmt: skip


def event_line(record: Mapping[str, Any], *, sources: int = 1) -> str:
    """One line for an event: date, what happened, and links to its first sources."""
    what = _LINES.get(str(record.get("type")), _other)(record)
    when = f"`{code_safe(str(record['date']))}` " if record.get("date") else ""
    links = [_source_link(e) for e in (record.get("evidence") or [])[:sources]]
    return f"{when}{what}" + (" — " + " · ".join(links) if links else "")


def _source_link(evidence: Mapping[str, Any]) -> str:
    label = evidence.get("site") or evidence.get("title") or "source"
    return link(str(label), evidence.get("article"), max_label=40)


# -- replies --


def digest(
    content: str, embeds: Sequence[Mapping[str, Any]], files: Sequence[tuple[str, bytes]]
) -> list[Reply]:
    """A digest from ``newsbot.core.digest`` (escaped there, sized for one message), as replies;
    spread over more messages should it not fit after all."""
    return spread(content, [Embed.from_dict(dict(e)) for e in embeds], files)


def _bullets(records: Sequence[Mapping[str, Any]]) -> str:
    return "\n".join(f"• {event_line(r)}" for r in records)


def events(title: str, records: Sequence[Mapping[str, Any]], *, empty: str) -> list[Reply]:
    """A list of events, newest first as given; ``empty`` when there are none."""
    lines = [f"• {event_line(r)}" for r in records]
    body = "\n".join(lines) or inert(empty)
    footer = _count(len(records), "event") if records else None
    return pack(card(inert(title), body, footer=footer))


def answer(text: str, sources: Sequence[SourceRef] = (), *, question: str = "") -> list[Reply]:
    """An answer's text under the question, its sources as links (not as plain lines)."""
    body = _SOURCES_HEADING.split(text, maxsplit=1)[0] if sources else text
    fields = [Field("Sources", _source_list(sources))] if sources else []
    title = truncate(" ".join(question.split()), 200) if question else "Answer"
    shown = _BULLET.sub("• ", inert(body.strip()))
    return pack(card(inert(title), shown or "I found nothing on that.", fields))


def _source_list(sources: Sequence[SourceRef]) -> str:
    lines = []
    for index, source in enumerate(sources[:MAX_SOURCES], 1):
        when = f", {source.published}" if source.published else ""
        site = f" ({inert(source.site + when)})" if source.site else ""
        lines.append(f"{index}. {link(source.title or source.url, source.url)}{site}")
    if len(sources) > MAX_SOURCES:
        lines.append(f"… and {len(sources) - MAX_SOURCES} more")
    return "\n".join(lines)


COMPANY_SECTIONS = (("Deals", "deals"), ("People who joined", "people_in"),
                    ("People who left", "people_out"), ("Figures", "figures"),
                    ("Launches", "launches"), ("Layoffs", "layoffs"))  # fmt: skip
PERSON_SECTIONS = (("Moves", "moves"), ("Deals", "deals"))
TYPE_LABELS = {"investment": "investment", "acquisition": "acquisition",
               "partnership": "partnership", "customer": "customer deal",
               "talent_move": "move", "financial": "figure",
               "product_launch": "launch", "layoff": "layoff"}  # fmt: skip


def profile(found: ProfileLike) -> list[Reply]:
    """A company's or person's page: how many events of each kind, then the latest by section."""
    kind = found.entity.kind
    sections = PERSON_SECTIONS if kind == "person" else COMPANY_SECTIONS
    fields = [Field(label, _bullets(getattr(found, attribute, None) or []))
              for label, attribute in sections if getattr(found, attribute, None)]  # fmt: skip
    counts = ", ".join(
        _count(n, TYPE_LABELS.get(t, t)) for t, n in sorted(found.counts.items()) if n
    )
    body = f"In the knowledge base: {counts}." if counts else f"No events about this {kind} yet."
    return pack(card(inert(found.entity.name), body, fields, footer=f"{kind} · newest first"))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}{'es' if noun.endswith('ch') else 's'}"


def search_hits(words: str, hits: Sequence[Hit]) -> list[Reply]:
    """Articles matching a search, each with its date, site and a snippet."""
    fields = [Field(_hit_name(hit), _hit_value(hit)) for hit in hits]
    body = "" if hits else "No article mentions all of these words."
    return pack(card(f"Search: {inert(truncate(words, 200))}", body, fields))


def _hit_name(hit: Hit) -> str:
    day = hit.published_date + " · " if hit.published_date else ""
    return inert(truncate(day + " ".join((hit.title or hit.url).split()), 200))


def _hit_value(hit: Hit) -> str:
    site = hit.site or "article"
    return f"{inert(truncate(hit.snippet, 700))}\n{link(site, hit.url)}"


def query_result(query: str, result: Table, *, limit_note: str = "") -> list[Reply]:
    """A query result as a monospace table in one message; every row as CSV when cut."""
    header, rows = _table_lines(result)
    budget = min(DESCRIPTION_LIMIT, EMBED_TOTAL - 300) - len(header) - 10
    shown, used = [], 0
    for row in rows:
        if used + len(row) + 1 > budget:
            break
        shown.append(row)
        used += len(row) + 1
    body = f"```\n{header}\n" + "\n".join(shown) + "\n```" if result.columns else "(no result set)"
    note = _table_note(result, len(shown), limit_note)
    shown_query = plain(truncate(" ".join(query.split()), 300))
    reply = pack(card("SQL", body, footer=f"{note} · {shown_query}", colour=SQL_COLOUR))
    if len(shown) < len(rows):
        reply[0].files.append(("result.csv", as_csv(result)))
    return reply


def _table_lines(result: Table) -> tuple[str, list[str]]:
    cells = [[_cell(v) for v in row] for row in result.rows]
    names = [_cell(c) for c in result.columns]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    header = _row(names, widths) + "\n" + "─┼─".join("─" * w for w in widths)
    return header, [_row(row, widths).rstrip() for row in cells]


def _row(cells: list[str], widths: list[int]) -> str:
    return " │ ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))


def _cell(value: Any) -> str:
    text = "NULL" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    return code_safe(truncate(" ".join(text.split()), CELL_WIDTH))


def _table_note(result: Table, shown: int, limit_note: str) -> str:
    total = len(result.rows)
    note = f"{total} row{'s' * (total != 1)}" + (f" ({limit_note})" if result.truncated else "")
    return note + (f", {shown} shown; all in result.csv" if shown < total else "")


def as_csv(result: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(["" if v is None else str(v) for v in row] for row in result.rows)
    return out.getvalue().encode()


def source_health(sources: Sequence[SourceState], now: datetime) -> list[Reply]:
    """Each source's kind, URL and health: ok, failing, or resting after failures."""
    fields = [Field(_source_name(s, now), _source_value(s, now)) for s in sources]
    body = "" if sources else "No source is configured or has been crawled yet."
    failing = sum(1 for s in sources if s.consecutive_failures)
    footer = f"{len(sources)} sources, {failing} failing" if sources else None
    return pack(card("Sources", body, fields, footer=footer))


def _source_name(source: SourceState, now: datetime) -> str:
    mark = OK if not source.consecutive_failures else FAILING
    if _resting(source, now):
        mark = RESTING
    return inert(truncate(f"{mark} {source.name} ({source.kind})", 200))


def _source_value(source: SourceState, now: datetime) -> str:
    lines = [link(truncate(source.url, 80), source.url)]
    lines.append(f"last success: {_ago(source.last_success_at, now)}")
    if source.consecutive_failures:
        lines.append(f"{source.consecutive_failures} failure(s) in a row")
        if source.last_error:
            lines.append(f"error: {inert(truncate(' '.join(source.last_error.split()), 300))}")
    if source.next_crawl_at and _resting(source, now):
        lines.append(f"resting until {source.next_crawl_at:%Y-%m-%d %H:%M} UTC")
    return "\n".join(lines)


def _resting(source: SourceState, now: datetime) -> bool:
    return source.next_crawl_at is not None and _utc(source.next_crawl_at) > _utc(now)


def _utc(moment: datetime) -> datetime:
    """Naive UTC, as the knowledge base stores times."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = max(0, int((_utc(now) - _utc(moment)).total_seconds()))
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "just now"
