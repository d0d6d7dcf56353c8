"""The long-running service (``newsbot run``): scheduled crawls, daily digests, watchlist
alerts and, when DISCORD_TOKEN is set, the Discord bot — all on one asyncio loop.

With a token, the bot owns the loop's main task and the scheduler starts in its
``setup_hook`` (``extra_setup``); without one, the service starts the scheduler itself and
digests and alerts are not posted (there is nowhere to post them). One service per
knowledge base: ``ServiceLock`` is taken before anything starts and released on the way out.

Stopping (SIGTERM, Ctrl-C, or a lost lock): the scheduler takes no more jobs, running
crawls are cancelled at their next await, and an article being stored in a worker thread
finishes its transaction — the article and its events are one transaction, so nothing is
ever half-stored, and a crawl cut short resumes where it was on the next run (stored
articles answer 304 or are recognised). The bot disconnects and the lock is released.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newsbot.config import SourceConfig
from newsbot.digests import AlertSender, DigestPoster, Outcome, Poster
from newsbot.errors import NewsbotError
from newsbot.jobs import (
    DIGEST_GRACE,
    ServiceLock,
    add_crawl_jobs,
    add_digest_job,
    add_heartbeat_job,
    build_scheduler,
)
from newsbot.pipeline import Crawl, SourceSummary

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from newsbot.app import App

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class OnceReport:
    """What ``newsbot run --once`` did."""

    crawled: list[SourceSummary] = field(default_factory=list)
    digests: list[Outcome] = field(default_factory=list)
    alerts: int = 0
    posted: bool = False  # whether there was a Discord client to post with


class Service:
    """Everything ``newsbot run`` runs, for one wired application."""

    def __init__(
        self,
        app: App,
        *,
        token: str | None = None,
        lock: ServiceLock | None = None,
        clock: Clock = utcnow,
        bot_factory: Callable[..., Any] | None = None,
    ):
        self.app = app
        secret = app.settings.discord_token
        self.token = token if token is not None else (secret.get_secret_value() if secret else None)
        self.lock = lock or ServiceLock(app.engine, clock=clock)
        self.clock = clock
        self.bot_factory = bot_factory
        self.scheduler: AsyncIOScheduler | None = None
        self.digests: DigestPoster | None = None
        self.alerts: AlertSender | None = None
        self.report = OnceReport()
        self._jobs: set[asyncio.Task[Any]] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stop: asyncio.Event | None = None

    # -------------------------------------------------------------- entry points

    async def run(self, *, once: bool = False, handle_signals: bool = True) -> OnceReport:
        """Run until stopped (or, with ``once``, crawl once, post due digests, return)."""
        self._stop = asyncio.Event()
        await asyncio.to_thread(self.lock.acquire)
        log.info("service_started holder=%s once=%s discord=%s sources=%d", self.lock.holder,
                 once, bool(self.token), len(self._sources()))  # fmt: skip
        work = asyncio.create_task(self._with_bot(once) if self.token else self._alone(once))
        if handle_signals:
            self._install_signals()
        try:
            await self._until_stopped(work)
        finally:
            self._remove_signals(handle_signals)
            await asyncio.to_thread(self.lock.release)
            log.info("service_stopped holder=%s", self.lock.holder)
        return self.report

    def stop(self, reason: str = "requested") -> None:
        """Ask the service to stop (safe from a signal handler)."""
        if self._stop is not None and not self._stop.is_set():
            log.info("service_stopping reason=%s", reason)
            self._stop.set()

    async def _until_stopped(self, work: asyncio.Task[None]) -> None:
        assert self._stop is not None
        stopped = asyncio.create_task(self._stop.wait())
        await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if not work.done():
            work.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await work

    def _install_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.stop, sig.name)

    def _remove_signals(self, installed: bool) -> None:
        if not installed:
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)

    # -------------------------------------------------------------- with and without the bot

    async def _alone(self, once: bool) -> None:
        if once:
            await self._once(None)
            return
        try:
            self._start(None)
            await asyncio.Event().wait()  # until cancelled by stop()
        finally:
            await self._shutdown()

    async def _with_bot(self, once: bool) -> None:
        import discord

        from newsbot.bot.poster import DiscordPoster

        poster: DiscordPoster | None = None

        async def setup(_bot: Any) -> None:
            if not once and poster is not None:
                self._start(poster)

        bot = self._build_bot(setup)
        poster = DiscordPoster(bot)
        bot_task = asyncio.create_task(bot.start(self.token), name="discord-bot")
        try:
            if once:
                await self._wait_ready(bot, bot_task)
                await self._once(poster)
            else:
                await bot_task
        except discord.LoginFailure as exc:
            raise NewsbotError(f"Discord refused the bot's token (DISCORD_TOKEN): {exc}") from None
        finally:
            await self._shutdown()
            await bot.close()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await bot_task

    def _build_bot(self, setup: Callable[[Any], Awaitable[None]]) -> Any:
        if self.bot_factory is not None:
            return self.bot_factory(self.app, extra_setup=setup)
        from newsbot.bot.client import build_bot

        return build_bot(self.app, extra_setup=setup)

    async def _wait_ready(self, bot: Any, bot_task: asyncio.Task[None]) -> None:
        ready = asyncio.create_task(bot.wait_until_ready())
        await asyncio.wait({ready, bot_task}, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            ready.cancel()
            bot_task.result()  # the login or connection error
            raise RuntimeError("the Discord bot stopped before it was ready")

    # -------------------------------------------------------------- the scheduler

    def _start(self, poster: Poster | None) -> None:
        """Start posting, alerts and the scheduler on the running loop (once)."""
        if self.scheduler is not None:
            return
        self._start_posting(poster)
        scheduler = self.scheduler = build_scheduler()
        add_crawl_jobs(scheduler, self._sources(), self._tracked(self.crawl_source),
                       now=utcnow())  # fmt: skip
        add_digest_job(scheduler, self.app.settings.digest, self._tracked(self.digest_job))
        add_heartbeat_job(scheduler, self._tracked(self.heartbeat))
        # A digest due while the service was down: sent now if within the grace (once).
        scheduler.add_job(self._tracked(self.digest_job), id="digest-catch-up",
                          name="digest catch-up")  # fmt: skip
        scheduler.start()
        log.info("scheduler_started jobs=%d digest_time=%s timezone=%s",
                 len(scheduler.get_jobs()), self.app.settings.digest.time,
                 self.app.settings.digest.timezone)  # fmt: skip

    def _start_posting(self, poster: Poster | None) -> None:
        if poster is None:
            return
        settings = self.app.settings
        self.digests = DigestPoster(self.app.engine, settings.digest, poster,
                                    registry=self.app.registry, clock=self.clock)  # fmt: skip
        self.alerts = AlertSender(self.app.engine, poster, lang=settings.digest.language,
                                  clock=self.clock)  # fmt: skip
        self.app.ingestor.on_new_events = self.alerts.notify
        self._spawn(self.alerts.run(), "alerts")

    def _tracked(self, job: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        """The job, registered while it runs so that stopping can cancel and await it."""

        async def run(*args: Any) -> Any:
            task = asyncio.current_task()
            assert task is not None
            self._jobs.add(task)
            try:
                return await job(*args)
            except asyncio.CancelledError:  # the service is stopping
                log.info("job_cancelled job=%s", getattr(job, "__name__", "job"))
                return None
            finally:
                self._jobs.discard(task)

        run.__name__ = run.__qualname__ = getattr(job, "__name__", "job")
        return run

    def _spawn(self, coro: Awaitable[Any], name: str) -> None:
        task = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _shutdown(self) -> None:
        """Stop the scheduler, then cancel and await running jobs and background tasks."""
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        pending = [*self._jobs, *self._tasks]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        self.app.ingestor.on_new_events = None

    # -------------------------------------------------------------- jobs

    def _sources(self) -> list[SourceConfig]:
        return [s for s in self.app.settings.sources if s.enabled]

    async def crawl_source(self, source: SourceConfig) -> list[SourceSummary]:
        """One crawl of one source (a scheduled job)."""
        started = time.monotonic()
        log.info("crawl_started source=%s", source.name)
        try:
            summaries = await Crawl(self.app.ingestor, self.app.settings.crawl).sources([source])
        except Exception:
            log.exception("crawl_failed source=%s", source.name)
            return []
        for s in summaries:
            log.info("crawl_done source=%s new=%d updated=%d unchanged=%d failed=%d "
                     "new_events=%d seconds=%.1f error=%r", s.name, s.new, s.updated,
                     s.unchanged, s.failed, s.new_events, time.monotonic() - started,
                     s.error)  # fmt: skip
        return summaries

    async def digest_job(self) -> list[Outcome]:
        """Post the latest due digest to every channel that has not had it."""
        if self.digests is None:
            log.info("digest_not_posted reason=no_discord_token")
            return []
        try:
            return await self.digests.send_due(grace=DIGEST_GRACE)
        except Exception:
            log.exception("digest_job_failed")
            return []

    async def heartbeat(self) -> None:
        """Keep the service lock fresh; stop when another process has taken it."""
        if not await asyncio.to_thread(self.lock.heartbeat):
            self.stop("lock_lost")

    # -------------------------------------------------------------- --once

    async def _once(self, poster: Poster | None) -> None:
        """Crawl every source once, send the alerts and the due digests, then return."""
        self._start_posting(poster)
        try:
            crawl = Crawl(self.app.ingestor, self.app.settings.crawl)
            self.report.crawled = await crawl.sources(self._sources())
            for s in self.report.crawled:
                log.info("crawl_done source=%s new=%d updated=%d failed=%d new_events=%d "
                         "error=%r", s.name, s.new, s.updated, s.failed, s.new_events,
                         s.error)  # fmt: skip
            if self.alerts is not None:
                self.report.alerts = await self.alerts.drain()
            self.report.posted = self.digests is not None
            if self.digests is not None:
                self.report.digests = await self.digests.send_due()
            else:
                log.info("digest_not_posted reason=no_discord_token")
        finally:
            await self._shutdown()


# ------------------------------------------------------------------ log lines


class LogfmtFormatter(logging.Formatter):
    """One line per record: ``time level logger message``; a traceback becomes one field.

    newsbot's messages are already ``event key=value ...``; only the CLI installs this.
    """

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        exc_info, record.exc_info = record.exc_info, None
        exc_text, record.exc_text = record.exc_text, None
        try:
            line = super().format(record)
        finally:
            record.exc_info, record.exc_text = exc_info, exc_text
        if exc_info and exc_info[1] is not None:
            line += f" exc={_traceback_field(exc_info)!r}"
        return line.replace("\r", "\\r").replace("\n", "\\n")


def _traceback_field(exc_info: Any) -> str:
    import traceback

    frames = traceback.extract_tb(exc_info[2])
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{exc_info[0].__name__}: {exc_info[1]}{where}"
