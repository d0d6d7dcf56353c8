"""Knowledge bases shared by a module's tests (built once per database), emptied of what
the tests write (digests, subscriptions, alerts) between tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text

from newsbot.demo import server
from newsbot.demo.run import demo_sources, site_dir
from newsbot.store.db import make_engine, upgrade
from tests.conftest import PG_URL, require_postgres
from tests.service.kb import build_week

WRITTEN = ("digests", "alerts_sent", "subscriptions", "service_lock")


def _url(kind: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}", None
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


@pytest.fixture
def second_url(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Another empty knowledge base on the same kind of database as ``db_url``."""
    url, schema = _url("sqlite" if db_url.startswith("sqlite") else "postgresql", tmp_path_factory)
    yield url
    if schema:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def week_kb(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The fixture week of news (tests.service.kb.build_week), once per module and database."""
    url, schema = _url(request.param, tmp_path_factory)
    engine = make_engine(url)
    upgrade(engine)
    build_week(engine)
    yield engine
    engine.dispose()
    if schema:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def week(week_kb: Engine) -> Iterator[Engine]:
    """The week's knowledge base, as the test leaves it only until the test ends."""
    yield week_kb
    with week_kb.begin() as conn:
        for table in WRITTEN:
            conn.execute(text(f"DELETE FROM {table}"))


@pytest.fixture(scope="session")
def demo_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """The project's sample sites served on 127.0.0.1 (a copy without Crawl-delay, so that
    crawls take a second or two): ``(site folder, {site: base URL})``."""
    root = tmp_path_factory.mktemp("demo-web") / "site"
    shutil.copytree(site_dir(), root)
    for robots in root.glob("sites/*/robots.txt"):
        lines = robots.read_text().splitlines()
        robots.write_text("\n".join(x for x in lines if not x.lower().startswith("crawl-delay")))
    servers, bases = server.start(root)
    yield root, bases
    server.stop(servers)


def write_config(path: Path, web: tuple[Path, dict[str, str]], extra: str = "") -> Path:
    """A settings file crawling every demo site politely but quickly."""
    root, bases = web
    lines = ["[crawl]", "per_host_delay = 0.05", "retries = 1", "backoff = 0.1", ""]
    for site in demo_sources(bases, root):
        s = site.source
        lines += ["[[sources]]", f'name = "{s.name}"', f'kind = "{s.kind}"', f'url = "{s.url}"',
                  f'language = "{s.language}"', ""]  # fmt: skip
    path.write_text("\n".join(lines) + "\n" + extra)
    return path


NEWSBOT = [sys.executable, "-c", "from newsbot.cli import main; main()"]


@pytest.fixture(scope="session")
def demo_kb(demo_web: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a knowledge base made by one uninterrupted ``newsbot crawl`` of the demo web."""
    folder = tmp_path_factory.mktemp("demo-kb")
    url = f"sqlite:///{folder / 'kb.db'}"
    config = write_config(folder / "newsbot.toml", demo_web)
    env = {**os.environ, "NEWSBOT_DATABASE_URL": url}
    done = subprocess.run([*NEWSBOT, "--config", str(config), "crawl"], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return url
