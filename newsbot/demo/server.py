"""A local web of news sites for tests, benchmarks and the demo: one server per site.

    python -m newsbot.demo.server DIR [--port 0] [--verbose]

``DIR/sites/<site>/<path>`` is served at ``http://127.0.0.1:<port of site>/<path>``, each
site on its own port so that robots.txt sits at each host's root and per-host politeness
can be measured. ``{{BASE}}`` in .html/.htm/.xml/.txt files (and inside gzipped .xml.gz
files) becomes the site's base URL; ``/`` (or any folder) serves its index.html. Responses
carry ETag and Last-Modified and answer conditional requests with 304. Content-Type never
has a charset: pages declare their own.

Fault prefixes, chainable, on every site:

    /_slow/<seconds>/<path>   wait, then go on with <path>
    /_status/<code>/<path>    answer <code> (Retry-After: 1 on 429 and 503)
    /_drop/<path>             close the connection without a response
    /_huge/<path>             send <path>, then whitespace until the client hangs up
    /_redirect/<n>/<path>     302 to the same site n times, then go on with <path>

From Python: ``servers, bases = start(dir)`` (``bases`` is ``{site: base_url}``, each server
in a daemon thread) and ``stop(servers)``.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import mimetypes
import re
import signal
import socketserver
import sys
import threading
import time
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote, unquote, urlsplit

__all__ = ["SiteServer", "start", "stop"]

SUBSTITUTED = {".html", ".htm", ".xml", ".txt"}
CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
                 ".json": "application/json", ".css": "text/css", ".js": "text/javascript",
                 ".gz": "application/gzip"}
FAULTS = ("_slow", "_status", "_drop", "_huge", "_redirect")
FILLER = (b" " * 1023 + b"\n") * 64
MAX_SLOW_S = 600.0


def xml_content_type(body: bytes) -> str:
    """application/rss+xml for RSS (2.0, 1.0 RDF), application/atom+xml for Atom."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<![^>]*>", b"", body[:8192], flags=re.S)
    root = re.search(rb"<([A-Za-z_][\w.:-]*)", head)
    name = root.group(1).split(b":")[-1].lower() if root else b""
    if name in (b"rss", b"rdf"):
        return "application/rss+xml"
    if name == b"feed":
        return "application/atom+xml"
    return "application/xml"


def content_type(path: Path, body: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return xml_content_type(body)
    guessed = mimetypes.guess_type(path.name)[0]
    return CONTENT_TYPES.get(suffix) or guessed or "application/octet-stream"


def substitute(path: Path, body: bytes, base: str) -> bytes:
    """Put the site's base URL in place of {{BASE}} (inside .xml.gz files too)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".xml", ".gz"]:
        inner = gzip.decompress(body).replace(b"{{BASE}}", base.encode("ascii"))
        return gzip.compress(inner, mtime=0)
    if path.suffix.lower() in SUBSTITUTED:
        return body.replace(b"{{BASE}}", base.encode("ascii"))
    return body


class SiteServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 serving one site folder from its root."""

    daemon_threads = True

    def __init__(self, site_dir: Path, port: int = 0, verbose: bool = False):
        self.root = Path(site_dir).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"no site folder {site_dir}")
        self.site = self.root.name
        self.verbose = verbose
        super().__init__(("127.0.0.1", port), Handler)
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"

    def server_bind(self) -> None:
        """Bind without the reverse DNS lookup HTTPServer does."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "127.0.0.1", int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up (crawlers with limits do) are not errors."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD of site files, with the fault prefixes."""

    protocol_version = "HTTP/1.1"
    server_version = "NewsbotDemo/1.0"
    timeout = 60
    server: SiteServer

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message("[%s] " + format, self.server.site, *args)

    def respond(self, head: bool) -> None:
        raw = urlsplit(self.path).path
        segs = [unquote(s) for s in raw.split("/") if s]
        done: list[str] = []
        huge = False
        while segs and segs[0] in FAULTS:
            mode = segs[0]
            if mode == "_drop":
                self.close_connection = True
                return
            if mode == "_huge":
                huge, done, segs = True, [*done, mode], segs[1:]
                continue
            if not self.fault(mode, segs, done, raw, head):
                return
            done, segs = done + segs[:2], segs[2:]
        self.send_file(segs, head, huge)

    def fault(self, mode: str, segs: list[str], done: list[str], raw: str, head: bool) -> bool:
        """Apply one argument-taking fault; False when it answered the request itself."""
        try:
            arg = float(segs[1]) if mode == "_slow" else int(segs[1])
        except (IndexError, ValueError):
            self.send_text(400, f"bad {mode} argument", head)
            return False
        if mode == "_slow":
            time.sleep(min(arg, MAX_SLOW_S) if arg > 0 else 0)
            return True
        if mode == "_status" and arg != 200:
            if not 200 <= arg <= 599:
                self.send_text(400, "status must be 200-599", head)
                return False
            retry = {"Retry-After": "1"} if arg in (429, 503) else {}
            self.send_text(int(arg), f"status {int(arg)}", head, retry)
            return False
        if mode == "_redirect" and arg > 0:
            again = ["_redirect", str(int(arg) - 1)] if arg > 1 else []
            target = "/" + "/".join(quote(s) for s in done + again + segs[2:])
            if raw.endswith("/") and segs[2:]:
                target += "/"
            self.send_text(302, "redirect", head, {"Location": self.server.base_url + target})
            return False
        return True

    def send_file(self, segs: list[str], head: bool, huge: bool) -> None:
        if any(s in (".", "..") or "/" in s or "\\" in s or "\0" in s for s in segs):
            return self.send_text(403, "forbidden", head)
        root = self.server.root
        path = root.joinpath(*segs).resolve()
        if not path.is_relative_to(root):
            return self.send_text(403, "forbidden", head)
        try:
            if path.is_dir():
                path = path / "index.html"
            body, mtime = path.read_bytes(), int(path.stat().st_mtime)
        except OSError:
            return self.send_text(404, "not found", head)
        body = substitute(path, body, self.server.base_url)
        headers = {"Content-Type": content_type(path, body),
                   "ETag": f'"{hashlib.sha1(body).hexdigest()[:20]}"',
                   "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if huge:
            return self.send_endless(headers, body, head)
        if self.not_modified(headers["ETag"], mtime):
            return self.send(304, headers, b"", head)
        self.send(200, headers, body, head)

    def not_modified(self, etag: str, mtime: int) -> bool:
        """If-None-Match wins over If-Modified-Since (RFC 9110)."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if not ims:
            return False
        try:
            since = email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return mtime <= since.timestamp()

    def send(self, code: int, headers: dict[str, str], body: bytes, head: bool) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        if code in (204, 304):
            body = b""
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_text(self, code: int, text: str, head: bool,
                  extra: dict[str, str] | None = None) -> None:
        headers = {"Content-Type": "text/plain", **(extra or {})}
        self.send(code, headers, text.encode() + b"\n", head)

    def send_endless(self, headers: dict[str, str], body: bytes, head: bool) -> None:
        """The file, then whitespace for ever: no Content-Length; the client hangs up."""
        self.close_connection = True
        self.send_response(200)
        for name, value in {**headers, "Connection": "close"}.items():
            self.send_header(name, value)
        self.end_headers()
        if head:
            return
        try:
            self.wfile.write(body)
            while True:
                self.wfile.write(FILLER)
        except (ConnectionError, TimeoutError):
            pass


def site_dirs(corpus_dir: Path) -> list[Path]:
    """The site folders of ``corpus_dir/sites``, sorted by name."""
    sites = Path(corpus_dir) / "sites"
    if not sites.is_dir():
        raise FileNotFoundError(f"no sites/ folder in {corpus_dir}")
    found = sorted(p for p in sites.iterdir() if p.is_dir())
    if not found:
        raise FileNotFoundError(f"no site folders in {sites}")
    return found


def start(corpus_dir: Path | str, port: int = 0,
          verbose: bool = False) -> tuple[list[SiteServer], dict[str, str]]:
    """Serve each site of ``corpus_dir`` on its own port (0: any free one; N: N, N+1, ...).

    Returns the servers (each in a daemon thread) and ``{site: base_url}``.
    """
    dirs = site_dirs(Path(corpus_dir))
    servers: list[SiteServer] = []
    try:
        for i, site in enumerate(dirs):
            servers.append(SiteServer(site, port + i if port else 0, verbose))
    except BaseException:
        for server in servers:
            server.server_close()
        raise
    for server in servers:
        name = f"demo-{server.site}"
        thread = threading.Thread(target=server.serve_forever, args=(0.1,), name=name, daemon=True)
        thread.start()
    return servers, {server.site: server.base_url for server in servers}


def stop(servers: list[SiteServer]) -> None:
    """Shut down and close the servers ``start`` made, in parallel."""
    threads = [threading.Thread(target=s.shutdown, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for server in servers:
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a folder of sites on 127.0.0.1.")
    parser.add_argument("corpus_dir", help="folder holding sites/<site>/...")
    parser.add_argument("--port", type=int, default=0, help="first port (default: any free)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log requests")
    args = parser.parse_args(argv)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    servers: list[SiteServer] = []
    try:
        servers, bases = start(args.corpus_dir, args.port, args.verbose)
        for site, base in bases.items():
            print(f"serving {site} {base}", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError) as exc:
        print(f"server: {exc}", file=sys.stderr)
        return 2
    finally:
        stop(servers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
