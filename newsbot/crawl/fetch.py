"""Polite HTTP fetching: one shared client, robots.txt, per-host delay, retries, limits.

``Fetcher.fetch(url, kind=..., etag=..., last_modified=..., origin=...)`` returns
``Fetched`` (the whole body, at most ``max_bytes``) or ``NotModified`` (a 304 answer to the
validators given), and raises ``FetchError`` / ``BlockedURLError`` (both carry ``url`` and
``status``) for anything else. What it guarantees:

- politeness: at most ``concurrency`` requests in flight overall; requests to one host
  (scheme, host and port) queue on that host's slot and start at least ``per_host_delay``
  seconds (or robots.txt ``Crawl-delay`` when larger) after the previous one ended; hosts
  run in parallel;
- robots.txt, fetched once per host per Fetcher: 2xx is obeyed, 4xx allows everything,
  5xx / 429 / timeouts / connection errors disallow everything for this run (the reason is
  kept in ``robots_notes`` and in the error message);
- retries (``retries``) with exponential backoff and jitter for connect errors, dropped
  connections and 5xx; 429 and 503 wait for ``Retry-After`` (seconds or HTTP date). A
  Retry-After beyond ``max_retry_after`` is not waited for: the fetch fails and the host is
  left alone for the rest of the run. 4xx, read timeouts and the total timeout are final;
- limits: connect / read timeouts, a total timeout around each whole request (streaming
  included), the body aborted while streaming once it passes ``max_bytes``, at most
  ``max_redirects`` redirects (followed here, each hop checked like the first; a loop is
  reported as such), the content type checked against ``kind`` (binary bodies refused);
- the private-address guard: a URL on another host than ``origin`` (the configured or
  typed source URL, which is trusted with its own host and port) whose host is, or resolves
  to, a private, loopback, link-local or otherwise non-global address is refused with
  ``BlockedURLError`` unless the host (or ``host:port``) is in ``allowed_private_hosts``.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Self
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from newsbot.config import CrawlSettings
from newsbot.errors import BlockedURLError, FetchError

log = logging.getLogger(__name__)

__all__ = ["Fetched", "Fetcher", "Kind", "NotModified", "mime_of"]

Kind = Literal["html", "feed", "sitemap", "robots", "any"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml",
                       "application/atom+xml", "application/rdf+xml", "application/rss"})
GZIP_TYPES = frozenset({"application/gzip", "application/x-gzip", "application/x-gunzip"})
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b",
                b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"\x7fELF")
ROBOTS_MAX_BYTES = 500_000


def mime_of(content_type: str | None) -> str:
    """``"text/html; charset=Shift_JIS"`` → ``"text/html"`` ('' when absent)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True, slots=True)
class Fetched:
    """A 2xx response read to its end. ``headers`` keys are lower case."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def mime(self) -> str:
        return mime_of(self.content_type)


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server answered 304 to the validators sent: the stored copy is current."""

    url: str


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str
    status: int


class _Retry(Exception):
    """A transient failure worth another attempt."""

    def __init__(self, reason: str, status: int | None = None, after: float | None = None):
        super().__init__(reason)
        self.status = status
        self.after = after


@dataclass(slots=True)
class _Robots:
    parser: Protego | None
    allow_all: bool
    note: str

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def delay(self, agent: str) -> float:
        value = self.parser.crawl_delay(agent) if self.parser else None
        return float(value or 0.0)


@dataclass(slots=True)
class _Host:
    """One host's slot: requests queue on ``lock`` and start no sooner than ``next_at``."""

    delay: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0
    robots: _Robots | None = None
    gone_until: float = 0.0
    gone_reason: str = ""

    async def wait_turn(self) -> None:
        pause = self.next_at - time.monotonic()
        if pause > 0:
            await asyncio.sleep(pause)

    def push(self, seconds: float) -> None:
        self.next_at = max(self.next_at, time.monotonic() + seconds)


def host_key(url: str) -> str:
    """``scheme://host:port`` — the unit of politeness and robots.txt."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return f"{scheme}://{(parts.hostname or '').lower()}:{port}"


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _type_ok(kind: Kind, mime: str, head: bytes) -> bool:
    """Whether a body of this MIME type (first bytes ``head``) is what ``kind`` expects."""
    gzip = head.startswith(b"\x1f\x8b")
    if kind in ("feed", "sitemap", "any") and gzip:
        return True
    if head.lstrip()[:1] != b"<" and _looks_binary(head):
        return False
    if not mime or kind in ("any", "robots"):
        return True
    if kind == "html":
        return mime in HTML_TYPES
    return mime in XML_TYPES or mime.endswith("+xml") or mime == "text/plain" or mime in GZIP_TYPES


def _looks_binary(head: bytes) -> bool:
    if head.startswith(BINARY_MAGIC):
        return True
    sample = head[:1024]
    return b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff"))


class Fetcher:
    """Fetches URLs politely over one shared ``httpx.AsyncClient``.

    Pass ``client`` to share one the caller owns, or use ``async with Fetcher(settings)``
    to have the Fetcher open and close its own. Robots.txt answers, host slots and DNS
    answers are cached for the Fetcher's lifetime ("this run").
    """

    def __init__(self, settings: CrawlSettings, client: httpx.AsyncClient | None = None):
        self.settings = settings
        self._client = client
        self._own_client = client is None
        self._sem = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, _Host] = {}
        self._dns: dict[tuple[str, int], list[str]] = {}
        self._allowed = {h.lower() for h in settings.allowed_private_hosts}
        self._timeout = httpx.Timeout(
            connect=settings.connect_timeout, read=settings.read_timeout,
            write=settings.read_timeout, pool=None,
        )
        self.robots_notes: dict[str, str] = {}

    async def __aenter__(self) -> Self:
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=self._timeout,
                follow_redirects=False,
                headers={"User-Agent": self.settings.user_agent},
                limits=httpx.Limits(
                    max_connections=self.settings.concurrency * 2,
                    max_keepalive_connections=max(self.settings.concurrency, 20),
                ),
            )
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client if this Fetcher opened it."""
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            raise RuntimeError("Fetcher has no client: use 'async with Fetcher(...)' or pass one")
        return self._client

    async def fetch(
        self, url: str, *, kind: Kind = "any", etag: str | None = None,
        last_modified: str | None = None, origin: str | None = None,
    ) -> Fetched | NotModified:
        """GET ``url`` politely; ``origin`` is the trusted source URL it was found from."""
        headers = {"User-Agent": self.settings.user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._follow(url, kind, headers, origin or url, robots=True)

    async def _follow(
        self, url: str, kind: Kind, headers: dict[str, str], origin: str, *, robots: bool,
    ) -> Fetched | NotModified:
        current, seen = url, {url}
        for _ in range(self.settings.max_redirects + 1):
            await self._check(current, origin, robots=robots)
            result = await self._with_retries(current, kind, headers)
            if isinstance(result, _Redirect):
                if result.location in seen:
                    raise FetchError(f"redirect loop at {result.location}", url=url,
                                     status=result.status)
                seen.add(result.location)
                current = result.location
                continue
            if isinstance(result, NotModified):
                return NotModified(url)
            return Fetched(url, current, result.status, result.headers, result.body,
                           result.etag, result.last_modified, result.content_type)
        raise FetchError(f"too many redirects (more than {self.settings.max_redirects})",
                         url=url)

    async def _check(self, url: str, origin: str, *, robots: bool) -> None:
        """Scheme, the private-address guard, then robots.txt."""
        if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).hostname:
            raise BlockedURLError(f"not an http(s) URL: {url}", url=url)
        await self._guard(url, origin)
        if robots:
            rules = await self._robots(url)
            if not rules.allows(url, self.settings.user_agent):
                raise BlockedURLError(f"robots.txt disallows {url} ({rules.note})", url=url)

    async def _guard(self, url: str, origin: str) -> None:
        host, port = _host_port(url)
        if (host, port) == _host_port(origin) or host in self._allowed:
            return
        if f"{host}:{port}" in self._allowed:
            return
        for address in await self._resolve(host, port, url):
            if not _is_public(address):
                raise BlockedURLError(
                    f"{host} is a private address ({address}) and not in allowed_private_hosts",
                    url=url,
                )

    async def _resolve(self, host: str, port: int, url: str) -> list[str]:
        key = (host, port)
        if key not in self._dns:
            try:
                self._dns[key] = [str(ipaddress.ip_address(host.strip("[]")))]
            except ValueError:
                self._dns[key] = await self._lookup(host, port, url)
        return self._dns[key]

    async def _lookup(self, host: str, port: int, url: str) -> list[str]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host}: {exc}", url=url) from None
        return sorted({str(info[4][0]) for info in infos})

    async def sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` URLs the robots.txt of ``url``'s host lists."""
        rules = await self._robots(url)
        return list(rules.parser.sitemaps) if rules.parser is not None else []

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self._hosts:
            self._hosts[key] = _Host(delay=self.settings.per_host_delay)
        return self._hosts[key]

    async def _robots(self, url: str) -> _Robots:
        host = self._host(url)
        if host.robots is None:
            async with host.robots_lock:
                if host.robots is None:
                    host.robots = await self._load_robots(url)
                    host.delay = max(host.delay, host.robots.delay(self.settings.user_agent))
                    self.robots_notes[host_key(url)] = host.robots.note
        return host.robots

    async def _load_robots(self, url: str) -> _Robots:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        headers = {"User-Agent": self.settings.user_agent}
        try:
            got = await self._follow(robots_url, "robots", headers, robots_url, robots=False)
        except FetchError as exc:
            return self._robots_failed(robots_url, exc)
        if not isinstance(got, Fetched):
            return _Robots(None, True, "robots.txt: 304 without validators, allow all")
        text = got.body.decode("utf-8", errors="replace")
        log.debug("robots_loaded url=%s", robots_url)
        return _Robots(Protego.parse(text), True, "robots.txt rules")

    def _robots_failed(self, robots_url: str, exc: FetchError) -> _Robots:
        status = exc.status
        if status is not None and 400 <= status < 500 and status != 429:
            return _Robots(None, True, f"robots.txt HTTP {status}: allow all")
        note = f"robots.txt unavailable ({exc}): disallow all for this run"
        log.warning("robots_unavailable url=%s reason=%s", robots_url, exc)
        return _Robots(None, False, note)

    async def _with_retries(
        self, url: str, kind: Kind, headers: dict[str, str],
    ) -> Fetched | NotModified | _Redirect:
        host = self._host(url)
        for attempt in range(self.settings.retries + 1):
            self._check_gone(host, url)
            try:
                return await self._attempt(host, url, kind, headers)
            except _Retry as exc:
                if attempt == self.settings.retries:
                    raise FetchError(f"{exc} (after {attempt + 1} attempts)", url=url,
                                     status=exc.status) from None
                wait = self._backoff(attempt, exc.after)
                self._give_up_if_too_long(host, url, exc, wait)
                log.info("fetch_retry url=%s reason=%s wait=%.2f", url, exc, wait)
                host.push(wait)
        raise AssertionError("unreachable")

    def _check_gone(self, host: _Host, url: str) -> None:
        if host.gone_until > time.monotonic():
            raise FetchError(f"host asked us to stay away ({host.gone_reason})", url=url)

    def _backoff(self, attempt: int, after: float | None) -> float:
        base = self.settings.backoff * 2.0**attempt
        jittered = base / 2 + random.uniform(0, base / 2)
        return max(jittered, after or 0.0)

    def _give_up_if_too_long(self, host: _Host, url: str, exc: _Retry, wait: float) -> None:
        if exc.after is None or wait <= self.settings.max_retry_after:
            return
        reason = f"Retry-After {exc.after:.0f}s exceeds max_retry_after"
        host.gone_until, host.gone_reason = time.monotonic() + exc.after, reason
        raise FetchError(f"{exc}; {reason}", url=url, status=exc.status)

    async def _attempt(
        self, host: _Host, url: str, kind: Kind, headers: dict[str, str],
    ) -> Fetched | NotModified | _Redirect:
        async with host.lock:
            await host.wait_turn()
            try:
                async with self._sem:
                    return await self._request(url, kind, headers)
            finally:
                host.push(host.delay)

    async def _request(
        self, url: str, kind: Kind, headers: dict[str, str],
    ) -> Fetched | NotModified | _Redirect:
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                return await self._stream(url, kind, headers)
        except TimeoutError:
            raise FetchError(f"total timeout ({self.settings.total_timeout}s)", url=url) from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise _Retry(f"cannot connect: {exc or type(exc).__name__}") from None
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise _Retry(f"connection dropped: {exc or type(exc).__name__}") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out: {type(exc).__name__}", url=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"HTTP error: {exc}", url=url) from None

    async def _stream(
        self, url: str, kind: Kind, headers: dict[str, str],
    ) -> Fetched | NotModified | _Redirect:
        request = self.client.build_request("GET", url, headers=headers, timeout=self._timeout)
        response = await self.client.send(request, stream=True, follow_redirects=False)
        try:
            return await self._answer(url, kind, response)
        finally:
            await response.aclose()

    async def _answer(
        self, url: str, kind: Kind, response: httpx.Response,
    ) -> Fetched | NotModified | _Redirect:
        status = response.status_code
        if status in REDIRECTS and response.headers.get("location"):
            return _Redirect(urljoin(url, response.headers["location"]), status)
        if status == 304:
            return NotModified(url)
        if status in (429, 503) or status >= 500:
            after = retry_after(response.headers.get("retry-after"), time.time())
            raise _Retry(f"HTTP {status}", status, after)
        if not 200 <= status < 300:
            raise FetchError(f"HTTP {status}", url=url, status=status)
        body = await self._read(url, kind, response)
        h = response.headers
        return Fetched(url, url, status, {k.lower(): v for k, v in h.items()}, body,
                       h.get("etag"), h.get("last-modified"), h.get("content-type"))

    async def _read(self, url: str, kind: Kind, response: httpx.Response) -> bytes:
        """The body, aborted as soon as it passes the size limit."""
        limit = ROBOTS_MAX_BYTES if kind == "robots" else self.settings.max_bytes
        status, mime = response.status_code, mime_of(response.headers.get("content-type"))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"body of {declared} bytes exceeds {limit}", url=url, status=status)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            if not chunks and not _type_ok(kind, mime, chunk):
                raise FetchError(f"unexpected content ({mime or 'binary'}) for {kind}",
                                 url=url, status=status)
            size += len(chunk)
            if size > limit:
                raise FetchError(f"body exceeds {limit} bytes", url=url, status=status)
            chunks.append(chunk)
        if not chunks and not _type_ok(kind, mime, b""):
            raise FetchError(f"unexpected content type {mime} for {kind}", url=url, status=status)
        return b"".join(chunks)
