"""Daily digests and watchlist alerts: from the knowledge base to Discord channels.

The digest of a day holds the events *first seen* that day in the digest's time zone;
``newsbot.core.digest`` composes and renders it, this module loads it, draws its chart and
posts it.

Posting exactly once per (day, channel), across crashes and restarts
--------------------------------------------------------------------
A post and a database commit cannot be one transaction, so the order decides what a crash
can do. Everything slow (queries, the chart, rendering) happens first; then the ``digests``
row is *claimed* (inserted with status ``posting``; the unique (day, channel) constraint
lets only one claim win), the message is posted, and the row is marked ``posted`` with the
message ids. A crash can therefore leave a row in ``posting`` whose message may or may not
exist. Re-posting it blindly risks a duplicate; forgetting it risks a missed digest.

Each post carries a reference derived from its row (``ref <row id>-<hash of day, channel,
claim time>``, shown as small text under the title), so the message can be recognised
later. A row found in ``posting`` (on the next run, after a restart) is resolved by reading
the channel's recent messages through the poster (``HistoryReader.recent_messages``):

- the reference is there: the digest was posted; the row is marked ``posted`` with that
  message's id, nothing is sent;
- the history was read and the reference is absent: it was never posted; it is posted now,
  under the same row and reference;
- the history cannot be read (the poster has no ``recent_messages``, the bot lacks the
  Read Message History permission, Discord fails): the row stays ``posting`` and
  ``digest_unconfirmed`` is logged. At most once wins over at least once here: a missed
  digest can be asked for with /digest, a duplicate cannot be taken back.

A post Discord definitely refused (a 4xx answer: unknown channel, missing permission)
releases its claim so that a later run can try again; any other failure is ambiguous and
is resolved as above. Watchlist alerts follow the same rule more simply: the
``alerts_sent`` row for (event, channel) is claimed before the post, so an alert is sent at
most once; a refused post releases the claim.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import logging
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, bindparam, delete, select, text, update
from sqlalchemy.orm import Session
from sqlmodel import col
from sqlmodel.sql.sqltypes import UTCDateTime

from newsbot.config import DigestSettings
from newsbot.core.digest import (
    Digest,
    DiscordMessage,
    compose_digest,
    names_in,
    render_alert,
    render_discord,
)
from newsbot.core.registry import Registry
from newsbot.store.events import event_records
from newsbot.store.models import AlertSent, Entity, Event, EventEntity, Evidence, Subscription
from newsbot.store.models import Digest as DigestRow
from newsbot.store.sql import insert_ignore

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
HISTORY_LIMIT = 50
PENDING_WINDOW = timedelta(days=3)
ALERT_MAX_AGE = timedelta(days=14)
DEAL_TYPES = ("investment", "acquisition", "partnership", "customer")


def utcnow() -> datetime:
    return datetime.now(UTC)


@runtime_checkable
class Poster(Protocol):
    """Posts one message to a Discord channel; returns the ids of what it created.

    ``files`` are ``(filename, bytes)``; an embed may show one with
    ``{"image": {"url": "attachment://<filename>"}}``. Mentions must never ping
    (allowed_mentions none). Raises on failure (after the client's own 429 retries); an
    exception with an HTTP ``status`` attribute in 400-499 means nothing was created.
    """

    async def post(
        self,
        channel_id: int,
        content: str,
        embeds: list[dict[str, Any]],
        files: list[tuple[str, bytes]],
    ) -> list[int]: ...


@runtime_checkable
class HistoryReader(Protocol):
    """Optional for a Poster: the channel's latest messages, newest first.

    Each a Discord message payload with at least ``id``, ``content`` and ``embeds``
    (embed dicts as Discord returns them, footer text under ``["footer"]["text"]``).
    Raises when the history cannot be read (no permission, unknown channel).
    """

    async def recent_messages(self, channel_id: int, limit: int) -> list[dict[str, Any]]: ...


# ------------------------------------------------------------------ days and loading


def zone_of(settings: DigestSettings) -> ZoneInfo:
    return ZoneInfo(settings.timezone)


def day_window(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Local midnight to the next local midnight of ``day``, in UTC."""
    start = datetime.combine(day, time(0), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end


def local_today(now: datetime, settings: DigestSettings) -> date:
    return now.astimezone(zone_of(settings)).date()


def due_day(now: datetime, settings: DigestSettings) -> date:
    """The latest day whose digest is due: its next day's digest time has passed."""
    local = now.astimezone(zone_of(settings))
    hour, minute = map(int, settings.time.split(":"))
    passed = local.replace(tzinfo=None) >= datetime.combine(local.date(), time(hour, minute))
    return local.date() - timedelta(days=1 if passed else 2)


def due_at(day: date, settings: DigestSettings) -> datetime:
    """When ``day``'s digest falls due: the digest time on the next day, local."""
    hour, minute = map(int, settings.time.split(":"))
    return datetime.combine(day + timedelta(days=1), time(hour, minute), zone_of(settings))


def day_event_ids(session: Session, day: date, zone: ZoneInfo) -> list[int]:
    """Events first seen on ``day`` (local), oldest first."""
    start, end = day_window(day, zone)
    stmt = (
        select(col(Event.id))
        .where(col(Event.first_seen_at) >= start, col(Event.first_seen_at) < end)
        .order_by(col(Event.first_seen_at), col(Event.id))
    )
    return [i for i in session.execute(stmt).scalars() if i is not None]


def popularity(
    session: Session, names: Iterable[str], registry: Registry | None = None
) -> dict[str, float]:
    """How well known each entity is: the articles reporting its events, plus 5 when the
    registry of well-known companies and people lists it."""
    wanted = sorted(set(names))
    if not wanted:
        return {}
    stmt = (
        select(col(Entity.name), col(Evidence.article_id))
        .join(EventEntity, col(EventEntity.entity_id) == col(Entity.id))
        .join(Evidence, col(Evidence.event_id) == col(EventEntity.event_id))
        .where(col(Entity.name).in_(wanted))
        .distinct()
    )
    counts: dict[str, float] = defaultdict(float)
    for name, _article in session.execute(stmt):
        counts[name] += 1
    if registry is not None:
        for name in wanted:
            if registry.lookup(name) is not None:
                counts[name] += 5
    return dict(counts)


def load_digest(
    engine: Engine,
    day: date,
    settings: DigestSettings,
    *,
    registry: Registry | None = None,
    lang: str | None = None,
) -> Digest:
    """The digest of ``day``: its new events, ranked, in the configured language."""
    with Session(engine) as session:
        records = event_records(session, day_event_ids(session, day, zone_of(settings)))
        names = {name for record in records for name in names_in(record)}
        fame = popularity(session, names, registry)
    return compose_digest(
        records, day, lang=lang or settings.language, max_events=settings.max_events,
        popularity=fame, quiet_day=settings.quiet_day,
    )  # fmt: skip


# ------------------------------------------------------------------ the chart


@dataclass(slots=True)
class WeekData:
    """What the chart shows: deal volume by local day and type, and talent flows."""

    days: list[date]
    volume: dict[str, list[float]] = field(default_factory=dict)  # type -> USD per day
    counts: list[int] = field(default_factory=list)  # deals per day
    flows: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(self.counts) and not self.flows


def week_data(engine: Engine, day: date, settings: DigestSettings) -> WeekData:
    """The seven days ending with ``day`` (by first-seen time, local)."""
    zone = zone_of(settings)
    days = [day - timedelta(days=n) for n in range(6, -1, -1)]
    start, _ = day_window(days[0], zone)
    _, end = day_window(day, zone)
    data = WeekData(days, {t: [0.0] * 7 for t in DEAL_TYPES}, [0] * 7)
    with engine.connect() as conn:
        deals = conn.execute(
            _timed(DEALS_SQL, first_seen_at=True), {"start": start, "end": end}
        ).all()
        flows = conn.execute(_timed(FLOWS_SQL), {"start": start, "end": end}).all()
    for kind, amount, seen in deals:
        index = days.index(_local_date(seen, zone))
        data.volume[kind][index] += float(amount or 0)
        data.counts[index] += 1
    data.flows = [(str(a), str(b), int(n)) for a, b, n in flows]
    return data


DEALS_SQL = (
    "SELECT type, amount_usd, first_seen_at FROM deals "
    "WHERE first_seen_at >= :start AND first_seen_at < :end"
)
FLOWS_SQL = (
    "SELECT from_company, to_company, count(*) AS moves FROM talent_moves "
    "WHERE first_seen_at >= :start AND first_seen_at < :end "
    "AND from_company IS NOT NULL AND to_company IS NOT NULL AND from_company <> to_company "
    "GROUP BY from_company, to_company ORDER BY moves DESC, from_company, to_company LIMIT 8"
)


def _timed(sql: str, *, first_seen_at: bool = False) -> Any:
    """A view query whose times bind and read as stored columns do (UTC, either database)."""
    stmt = text(sql).bindparams(
        bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime())
    )
    return stmt.columns(first_seen_at=UTCDateTime()) if first_seen_at else stmt


def _local_date(stored: datetime, zone: ZoneInfo) -> date:
    return stored.astimezone(zone).date()


def chart_png(engine: Engine, day: date, settings: DigestSettings) -> bytes | None:
    """The week's deal volume by type and talent flows as a PNG; None for an empty week."""
    data = week_data(engine, day, settings)
    return None if data.empty else draw_chart(data)


def draw_chart(data: WeekData) -> bytes:
    """Two panels: stacked daily deal volume ($B) with deal counts; top company→company flows."""
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    fig = Figure(figsize=(11, 4.2), dpi=100, layout="constrained")
    _volume_panel(fig.add_subplot(1, 2, 1), data)
    _flows_panel(fig.add_subplot(1, 2, 2), data)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a name in a script the fonts lack draws as boxes
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _volume_panel(ax: Any, data: WeekData) -> None:
    labels = [d.strftime("%a %d") for d in data.days]
    bottom = [0.0] * len(labels)
    for kind in DEAL_TYPES:
        values = [v / 1e9 for v in data.volume[kind]]
        if any(data.volume[kind]):
            ax.bar(labels, values, bottom=bottom, label=kind)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for x, (height, count) in enumerate(zip(bottom, data.counts, strict=True)):
        if count:
            ax.annotate(str(count), (x, height), ha="center", va="bottom", fontsize=8)
    ax.set_title("Deal volume this week (US$ billions; number of deals on top)")
    ax.set_ylabel("US$ billions")
    ax.tick_params(axis="x", labelsize=8)
    if any(any(v) for v in data.volume.values()):
        ax.legend(fontsize=8)


def _flows_panel(ax: Any, data: WeekData) -> None:
    ax.set_title("Talent flows between companies this week")
    if not data.flows:
        ax.text(0.5, 0.5, "no moves between companies", ha="center", va="center")
        ax.set_axis_off()
        return
    flows = list(reversed(data.flows))
    ax.barh([f"{a} → {b}" for a, b, _ in flows], [n for _, _, n in flows], color="#7b61ff")
    ax.set_xlabel("people")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=8)


def discord_digest(
    digest: Digest, chart: bytes | None, *, marker: str | None = None
) -> tuple[DiscordMessage, list[tuple[str, bytes]]]:
    """A digest as one Discord message and its files (the chart, shown in the last embed)."""
    filename = f"newsbot-digest-{digest.day.isoformat()}.png"
    files = [(filename, chart)] if chart and not digest.quiet else []
    message = render_discord(digest, marker=marker, image=filename if files else None)
    return message, files


def digest_for_discord(
    engine: Engine, day: date, settings: DigestSettings, *, registry: Registry | None = None
) -> tuple[DiscordMessage, list[tuple[str, bytes]]]:
    """``day``'s digest ready to post (for /digest): message and chart file; blocking."""
    digest = load_digest(engine, day, settings, registry=registry)
    chart = chart_png(engine, day, settings) if settings.chart and not digest.quiet else None
    return discord_digest(digest, chart)


# ------------------------------------------------------------------ posting digests


@dataclass(frozen=True, slots=True)
class Outcome:
    """What posting one (day, channel) digest did."""

    day: date
    channel: int
    status: str  # posted | recovered | already | silent | unconfirmed | failed
    message_ids: tuple[int, ...] = ()


def marker_for(row: DigestRow) -> str:
    """The reference a posted digest carries, derived from its claimed row."""
    created = row.created_at.astimezone(UTC).isoformat(timespec="seconds")
    digest = hashlib.sha1(f"{row.day}|{row.channel}|{row.id}|{created}".encode()).hexdigest()
    return f"newsbot digest {row.day.isoformat()} · ref {row.id}-{digest[:8]}"


def refused(exc: BaseException) -> bool:
    """True when Discord definitely created nothing (a 4xx answer other than 429)."""
    status = getattr(exc, "status", None)
    return isinstance(status, int) and 400 <= status < 500 and status != 429


class DigestPoster:
    """Posts each (day, channel) digest once, recorded in ``digests``."""

    def __init__(
        self,
        engine: Engine,
        settings: DigestSettings,
        poster: Poster,
        *,
        registry: Registry | None = None,
        clock: Clock = utcnow,
        history_limit: int = HISTORY_LIMIT,
    ):
        self.engine = engine
        self.settings = settings
        self.poster = poster
        self.registry = registry
        self.clock = clock
        self.history_limit = history_limit
        self._lock = asyncio.Lock()

    def channels(self) -> list[int]:
        """Configured digest channels and those subscribed with /subscribe."""
        with Session(self.engine) as session:
            subscribed = session.execute(
                select(col(Subscription.channel)).where(col(Subscription.kind) == "digest")
            ).scalars()
            found = {int(c) for c in subscribed if str(c).isdigit()}
        return sorted(found | set(self.settings.channels))

    async def send_due(self, *, grace: timedelta | None = None) -> list[Outcome]:
        """Resolve interrupted posts, then post the latest due digest to every channel.

        With ``grace``, a digest whose time passed longer ago than that is not sent (the
        scheduler's misfire rule, applied after a restart).
        """
        now = self.clock()
        outcomes = await self.resolve_pending()
        day = due_day(now, self.settings)
        if grace is not None and now - due_at(day, self.settings) > grace:
            log.info("digest_missed day=%s due_at=%s", day, due_at(day, self.settings))
            return outcomes
        return outcomes + await self.send_day(day)

    async def send_day(self, day: date) -> list[Outcome]:
        """Post ``day``'s digest to every digest channel that has not had it."""
        channels = await asyncio.to_thread(self.channels)
        if not channels:
            log.info("digest_no_channels day=%s", day)
            return []
        return [await self.send(day, channel) for channel in channels]

    async def send(self, day: date, channel: int) -> Outcome:
        """Post ``day``'s digest to ``channel`` unless it already was (see module doc)."""
        async with self._lock:
            row = await asyncio.to_thread(self._row, day, channel)
            if row is not None and row.status == "posted":
                return Outcome(day, channel, "already", tuple(json.loads(row.message_ids)))
            if row is not None:
                return await self._resume(row)
            return await self._post_new(day, channel)

    async def resolve_pending(self) -> list[Outcome]:
        """Resolve rows left in ``posting`` by an interrupted run (recent ones only)."""
        rows = await asyncio.to_thread(self._pending)
        outcomes = []
        for row in rows:
            async with self._lock:
                outcomes.append(await self._resume(row))
        return outcomes

    async def _post_new(self, day: date, channel: int) -> Outcome:
        digest, chart = await asyncio.to_thread(self._prepare, day)
        if digest.silent:
            log.info("digest_quiet_skipped day=%s channel=%s", day, channel)
            return Outcome(day, channel, "silent")
        row = await asyncio.to_thread(self._claim, day, channel)
        if row is None:
            return Outcome(day, channel, "already")
        return await self._deliver(row, digest, chart)

    async def _resume(self, row: DigestRow) -> Outcome:
        day, channel, marker = row.day, int(row.channel), marker_for(row)
        found = await self._find(channel, marker)
        if found is None:
            log.warning("digest_unconfirmed day=%s channel=%s ref=%r reason=history_unreadable",
                        day, channel, marker)  # fmt: skip
            return Outcome(day, channel, "unconfirmed")
        if found:
            await asyncio.to_thread(self._mark_posted, row, found)
            log.info("digest_recovered day=%s channel=%s messages=%s", day, channel, found)
            return Outcome(day, channel, "recovered", tuple(found))
        digest, chart = await asyncio.to_thread(self._prepare, day)
        return await self._deliver(row, digest, chart)

    async def _find(self, channel: int, marker: str) -> list[int] | None:
        """Ids of recent messages carrying ``marker``; None when the history is unreadable."""
        if not isinstance(self.poster, HistoryReader):
            return None
        try:
            messages = await self.poster.recent_messages(channel, self.history_limit)
        except Exception as exc:
            log.warning("digest_history_failed channel=%s error=%r", channel, exc)
            return None
        return [int(m["id"]) for m in messages if marker in _message_text(m)]

    async def _deliver(self, row: DigestRow, digest: Digest, chart: bytes | None) -> Outcome:
        day, channel = row.day, int(row.channel)
        message, files = discord_digest(digest, chart, marker=marker_for(row))
        try:
            ids = await self.poster.post(channel, message.content, message.embeds, files)
        except Exception as exc:
            if refused(exc):
                await asyncio.to_thread(self._release, row)
            log.error("digest_failed day=%s channel=%s released=%s error=%r",
                      day, channel, refused(exc), exc)  # fmt: skip
            return Outcome(day, channel, "failed")
        await asyncio.to_thread(self._mark_posted, row, ids)
        log.info("digest_posted day=%s channel=%s events=%d messages=%s chart=%s",
                 day, channel, digest.shown, ids, bool(files))  # fmt: skip
        return Outcome(day, channel, "posted", tuple(ids))

    def _prepare(self, day: date) -> tuple[Digest, bytes | None]:
        digest = load_digest(self.engine, day, self.settings, registry=self.registry)
        chart = None
        if self.settings.chart and not digest.quiet:
            chart = chart_png(self.engine, day, self.settings)
        return digest, chart

    def _row(self, day: date, channel: int) -> DigestRow | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.execute(
                select(DigestRow).where(
                    col(DigestRow.day) == day, col(DigestRow.channel) == str(channel)
                )
            ).scalar_one_or_none()

    def _pending(self) -> list[DigestRow]:
        since = self.clock() - PENDING_WINDOW
        with Session(self.engine, expire_on_commit=False) as session:
            stmt = select(DigestRow).where(
                col(DigestRow.status) == "posting", col(DigestRow.created_at) >= since
            )
            return list(session.execute(stmt.order_by(col(DigestRow.id))).scalars())

    def _claim(self, day: date, channel: int) -> DigestRow | None:
        now = self.clock().astimezone(UTC).replace(microsecond=0)
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            values = {"day": day, "channel": str(channel), "status": "posting",
                      "message_ids": "[]", "created_at": now}  # fmt: skip
            if not insert_ignore(session, DigestRow, values):
                return None
        return self._row(day, channel)

    def _mark_posted(self, row: DigestRow, ids: Sequence[int]) -> None:
        now = self.clock()
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(DigestRow)
                .where(col(DigestRow.id) == row.id)
                .values(status="posted", message_ids=json.dumps(list(ids)), posted_at=now)
            )

    def _release(self, row: DigestRow) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(DigestRow).where(
                    col(DigestRow.id) == row.id, col(DigestRow.status) == "posting"
                )
            )


def _message_text(message: dict[str, Any]) -> str:
    parts = [str(message.get("content") or "")]
    for embed in message.get("embeds") or []:
        parts.append(str((embed.get("footer") or {}).get("text") or ""))
        parts.append(str(embed.get("description") or ""))
    return "\n".join(parts)


# ------------------------------------------------------------------ watchlist alerts


class AlertSender:
    """Posts an alert to each channel watching an entity of a newly stored event, once.

    ``notify`` is the Ingestor's ``on_new_events`` callback: it runs in the thread that
    stored the events and only queues their ids for ``run``, which posts on the loop.
    Events dated more than ``max_age`` before now (an old deal found in a back catalogue)
    are not news and raise no alert.
    """

    def __init__(
        self,
        engine: Engine,
        poster: Poster,
        *,
        lang: str = "en",
        clock: Clock = utcnow,
        max_age: timedelta = ALERT_MAX_AGE,
    ):
        self.engine = engine
        self.poster = poster
        self.lang = lang
        self.clock = clock
        self.max_age = max_age
        self.sent = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[list[int]] = asyncio.Queue()

    def notify(self, event_ids: list[int]) -> None:
        """Thread-safe: queue new events for alerts (dropped when not running)."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._queue.put_nowait, list(event_ids))

    async def run(self) -> None:
        """Post alerts for queued events until cancelled."""
        self._loop = asyncio.get_running_loop()
        try:
            while True:
                ids = await self._queue.get()
                try:
                    self.sent += await self.send(ids)
                except Exception:
                    log.exception("alerts_failed events=%s", ids)
                finally:
                    self._queue.task_done()
        finally:
            self._loop = None

    async def drain(self) -> int:
        """Wait until every queued event has been handled; alerts posted so far."""
        await asyncio.sleep(0)  # let notifications already handed to the loop arrive
        await self._queue.join()
        return self.sent

    async def send(self, event_ids: Sequence[int]) -> int:
        """Alert watching channels about these events; the number of alerts posted."""
        targets, records = await asyncio.to_thread(self._targets, list(event_ids))
        sent = 0
        for (event_id, channel), watched in targets.items():
            record = records.get(event_id)
            if record is None or not self._recent(record):
                continue
            sent += await self._alert(record, channel, watched)
        return sent

    def _targets(
        self, event_ids: list[int]
    ) -> tuple[dict[tuple[int, int], list[str]], dict[int, dict[str, Any]]]:
        """(event, channel) → the watched names it involves; and the events' records."""
        with Session(self.engine) as session:
            watches = _watches(session)
            if not watches or not event_ids:
                return {}, {}
            members = session.execute(
                select(col(EventEntity.event_id), col(EventEntity.entity_id), col(Entity.name))
                .join(Entity, col(Entity.id) == col(EventEntity.entity_id))
                .where(col(EventEntity.event_id).in_(event_ids))
            ).all()
            targets: dict[tuple[int, int], list[str]] = defaultdict(list)
            for event_id, entity_id, name in members:
                for channel in watches.get(entity_id, ()):
                    if name not in targets[(event_id, channel)]:
                        targets[(event_id, channel)].append(name)
            ids = sorted({event_id for event_id, _ in targets})
            records = {r["id"]: r for r in event_records(session, ids)}
        return dict(targets), records

    def _recent(self, record: dict[str, Any]) -> bool:
        when = str(record.get("date") or "")
        try:
            last = _period_end(when)
        except ValueError:
            return True
        return last >= (self.clock() - self.max_age).date()

    async def _alert(self, record: dict[str, Any], channel: int, watched: list[str]) -> int:
        if not await asyncio.to_thread(self._claim, record["id"], channel):
            return 0
        message = render_alert(record, self.lang, watched=watched)
        try:
            await self.poster.post(channel, message.content, message.embeds, [])
        except Exception as exc:
            if refused(exc):
                await asyncio.to_thread(self._release, record["id"], channel)
            log.error("alert_failed event=%s channel=%s error=%r", record["id"], channel, exc)
            return 0
        log.info("alert_posted event=%s channel=%s watched=%r", record["id"], channel, watched)
        return 1

    def _claim(self, event_id: int, channel: int) -> bool:
        now = self.clock()
        with Session(self.engine) as session, session.begin():
            values = {"event_id": event_id, "channel": str(channel), "sent_at": now}
            return insert_ignore(session, AlertSent, values)

    def _release(self, event_id: int, channel: int) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(AlertSent).where(
                    col(AlertSent.event_id) == event_id,
                    col(AlertSent.channel) == str(channel),
                )
            )


def _watches(session: Session) -> dict[int, set[int]]:
    """entity id → channels watching it (by id, or by canonical name in ``filter``)."""
    rows = session.execute(
        select(
            col(Subscription.channel), col(Subscription.entity_id), col(Subscription.filter)
        ).where(col(Subscription.kind) == "watch")
    ).all()
    names = {f for _c, entity_id, f in rows if entity_id is None and f}
    by_name: dict[str, list[int]] = defaultdict(list)
    if names:
        for entity_id, name in session.execute(
            select(col(Entity.id), col(Entity.name)).where(col(Entity.name).in_(names))
        ):
            if entity_id is not None:
                by_name[name].append(entity_id)
    out: dict[int, set[int]] = defaultdict(set)
    for channel, entity_id, name in rows:
        if not str(channel).isdigit():
            continue
        for target in [entity_id] if entity_id is not None else by_name.get(name, []):
            out[target].add(int(channel))
    return out


def _period_end(when: str) -> date:
    """The last day of ``2024``, ``2024-08`` or ``2024-08-31``."""
    if len(when) == 4:
        return date(int(when), 12, 31)
    if len(when) == 7:
        year, month = int(when[:4]), int(when[5:7])
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date.fromisoformat(when[:10])
