"""A crawl killed with SIGKILL at random moments, 20 times, then run to completion: no
article lost or duplicated, no event or evidence duplicated, nothing half-stored — on SQLite
and PostgreSQL, against the sample sites served on 127.0.0.1.

Articles are compared with a crawl done in one go. Events are compared with the same
articles stored again on the same kind of database, without kills, in the order the
interrupted crawls committed them: which stored event a new statement joins depends on what
is already stored, so another arrival order may legitimately merge a little differently,
while a kill must change nothing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from sqlmodel import col

from newsbot.app import App
from newsbot.config import Settings
from newsbot.core.article import parse_article
from newsbot.store.db import make_engine
from newsbot.store.events import event_records
from newsbot.store.models import Event
from tests.service.conftest import NEWSBOT, write_config

KILLS = 20
TIMEOUT = 120


def crawl(config: Path, url: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NEWSBOT_DATABASE_URL": url}
    return subprocess.Popen([*NEWSBOT, "--config", str(config), "crawl"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)  # fmt: skip


def crawl_to_the_end(config: Path, url: str) -> None:
    proc = crawl(config, url)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 0, err.decode()[-2000:]


def snapshot(engine: Engine) -> dict[str, Any]:
    """What must come out the same however the crawl was interrupted."""
    with Session(engine) as session:
        urls = session.execute(text("SELECT url FROM articles")).scalars().all()
        ids = [i for i in session.execute(select(col(Event.id))).scalars() if i is not None]
        records = event_records(session, ids)
        evidence = session.execute(text("SELECT count(*) FROM evidence")).scalar_one()
    events: Counter[str] = Counter()
    for record in records:
        record.pop("id")
        record.pop("confidence")
        record["evidence"] = sorted((e["article"], e["sentence"]) for e in record["evidence"])
        events[json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)] += 1
    return {"urls": Counter(urls), "events": events, "evidence": evidence}


def half_stored(engine: Engine) -> int:
    """Articles stored without their extraction (there must never be any)."""
    with engine.connect() as conn:
        return int(conn.execute(
            text("SELECT count(*) FROM articles WHERE extracted_at IS NULL")
        ).scalar_one())  # fmt: skip


@pytest.fixture(scope="session")
def reference(demo_kb: str) -> dict[str, Any]:
    """The knowledge base of one uninterrupted crawl."""
    engine = make_engine(demo_kb)
    try:
        return snapshot(engine)
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_crawl_killed_20_times_loses_and_duplicates_nothing(
    db_url: str, engine: Engine, demo_web: tuple[Path, dict[str, str]],
    reference: dict[str, Any], second_url: str, tmp_path: Path,
) -> None:  # fmt: skip
    """The knowledge base is migrated first: what is killed is the crawl's writing."""
    config = write_config(tmp_path / "newsbot.toml", demo_web)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    stored_before_kill = []
    try:
        for _ in range(KILLS):
            proc = crawl(config, db_url)
            try:
                proc.wait(timeout=rng.uniform(0.2, 2.0))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                stored_before_kill.append(len(snapshot_urls(engine)))
            finally:
                proc.stderr.close()  # type: ignore[union-attr]
            assert half_stored(engine) == 0, f"seed {seed}"
        assert len(stored_before_kill) >= KILLS // 2, f"seed {seed}: too few kills"
        crawl_to_the_end(config, db_url)
        final = snapshot(engine)
        replayed = replay(engine, second_url)
    finally:
        engine.dispose()
    assert max(final["urls"].values()) == 1
    assert final["urls"] == reference["urls"], f"seed {seed}: an article lost"
    assert max(final["events"].values()) == 1, f"seed {seed}: an event stored twice"
    assert final["events"] == replayed["events"], differences(seed, final, replayed)
    assert final["evidence"] == replayed["evidence"], f"seed {seed}"
    print(f"seed {seed}; articles stored when each kill came: {stored_before_kill}")


def differences(seed: int, got: dict[str, Any], expected: dict[str, Any]) -> str:
    extra = got["events"] - expected["events"]
    missing = expected["events"] - got["events"]
    lines = [f"seed {seed}"] + [f"+ {e}" for e in extra] + [f"- {e}" for e in missing]
    return "\n".join(lines)


def replay(engine: Engine, url: str) -> dict[str, Any]:
    """The articles of ``engine`` fetched and stored again, in the order they were committed."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT a.url, s.language FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
            "ORDER BY a.id"
        )).all()  # fmt: skip
    app = App(Settings(database_url=url))
    try:
        with httpx.Client(timeout=10) as client:
            for article_url, lang in rows:
                got = client.get(article_url)
                app.ingestor.ingest(parse_article(
                    got.content, article_url, content_type=got.headers.get("content-type"),
                    lang_hint=lang,
                ))  # fmt: skip
        return snapshot(app.engine)
    finally:
        app.close()


def snapshot_urls(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT url FROM articles")).scalars())
