"""Fixture sites served on 127.0.0.1 (one port per site), fast crawl settings, and a
scriptable one-off server for what static files cannot do (robots.txt 5xx, redirect loops)."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newsbot.config import CrawlSettings
from newsbot.demo.server import start, stop

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def sites() -> Iterator[dict[str, str]]:
    """``{site: base_url}`` for tests/fixtures/sites, served for the whole session."""
    servers, bases = start(FIXTURES)
    yield bases
    stop(servers)


def fast_settings(**overrides: Any) -> CrawlSettings:
    """Settings with small delays, timeouts and limits so that faults end quickly."""
    values: dict[str, Any] = dict(
        per_host_delay=0.05, connect_timeout=1.0, read_timeout=1.0, total_timeout=1.0,
        max_bytes=200_000, retries=1, backoff=0.05, max_retry_after=5.0, max_redirects=3,
    )
    values.update(overrides)
    return CrawlSettings(**values)


@pytest.fixture
def settings() -> CrawlSettings:
    return fast_settings()


async def collect(stream: AsyncIterator[Any]) -> list[Any]:
    return [item async for item in stream]


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


class ScriptedServer(ThreadingHTTPServer):
    """Answers each path from ``routes`` (a list is answered in turn, its last item for
    ever); records each request as ``Hit``."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route | list[Route]]):
        self.routes = {k: v if isinstance(v, list) else [v] for k, v in routes.items()}
        self.hits: list[Hit] = []
        super().__init__(("127.0.0.1", 0), _ScriptedHandler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"


class _ScriptedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ScriptedServer

    def do_GET(self) -> None:
        self.server.hits.append(Hit(self.path, time.monotonic(), dict(self.headers.items())))
        routes = self.server.routes.get(self.path, [Route(404, b"not found")])
        route = routes.pop(0) if len(routes) > 1 else routes[0]
        if route.delay:
            time.sleep(route.delay)
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value.replace("{BASE}", self.server.base_url))
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[Callable[[dict[str, Any]], ScriptedServer]]:
    """Start ScriptedServers for a test; all are stopped at its end."""
    made: list[ScriptedServer] = []

    def make(routes: dict[str, Any]) -> ScriptedServer:
        server = ScriptedServer(routes)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        made.append(server)
        return server

    yield make
    for server in made:
        server.shutdown()
        server.server_close()
