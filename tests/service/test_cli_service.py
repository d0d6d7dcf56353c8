"""``newsbot digest`` and ``newsbot run``: the commands, their logs, the lock between two
services, and a clean stop on SIGTERM (in a subprocess, against the sample sites)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from newsbot.cli import app
from newsbot.store.db import make_engine
from tests.service.conftest import NEWSBOT, write_config

runner = CliRunner()
DEMO_ARTICLES = 37


@pytest.fixture
def kb_env(week_kb: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", week_kb.url.render_as_string(hide_password=False))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    return week_kb


def test_digest_markdown(kb_env: Engine) -> None:
    result = runner.invoke(app, ["digest", "--date", "2025-06-12"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# AI industry digest — 2025-06-12\n")
    assert "## Deals" in out and "## People" in out and "## Company news" in out
    assert "1. **Scale AI raises $14.3B from Meta** — 49% stake" in out
    assert "[Meta takes 49% of Scale AI](https://ledger.example/meta-scale)" in out


def test_digest_json_and_chart(kb_env: Engine, tmp_path: Path) -> None:
    chart = tmp_path / "week.png"
    result = runner.invoke(
        app, ["digest", "--date", "2025-06-12", "--format", "json", "--chart", str(chart)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["day"] == "2025-06-12" and data["total"] == 5
    assert [s["key"] for s in data["sections"]] == ["deals", "people", "company"]
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_digest_of_a_quiet_day_and_a_bad_date(kb_env: Engine, tmp_path: Path) -> None:
    quiet = runner.invoke(app, ["digest", "--date", "2024-02-29", "--chart", str(tmp_path / "c")])
    assert quiet.exit_code == 0
    assert "A quiet day: no new deals, moves or company news on 2024-02-29." in quiet.stdout
    assert "no chart written" in quiet.stderr and not (tmp_path / "c").exists()
    bad = runner.invoke(app, ["digest", "--date", "12/06/2025"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


# ------------------------------------------------------------------ newsbot run


def service_env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    return env | {"NEWSBOT_DATABASE_URL": url}


def counts(engine: Engine) -> tuple[int, int, int]:
    """Articles, articles without their extraction, lock rows."""
    with engine.connect() as conn:
        return (
            conn.execute(text("SELECT count(*) FROM articles")).scalar_one(),
            conn.execute(
                text("SELECT count(*) FROM articles WHERE extracted_at IS NULL")
            ).scalar_one(),
            conn.execute(text("SELECT count(*) FROM service_lock")).scalar_one(),
        )


def wait_for(predicate: Any, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_run_once_crawls_and_exits(demo_web: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    config = write_config(tmp_path / "newsbot.toml", demo_web)
    done = subprocess.run([*NEWSBOT, "--config", str(config), "run", "--once"],
                          env=service_env(url), capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "no DISCORD_TOKEN: digests and alerts were not posted" in done.stderr
    assert "demo-ledger-en" in done.stdout  # the crawl summary
    lines = done.stderr.splitlines()
    events = [line.split(" ", 3)[3] for line in lines if " INFO newsbot." in line]
    assert any(e.startswith("service_started holder=") for e in events)
    assert any(e.startswith("crawl_done source=demo-ledger-en new=9 ") for e in events)
    assert any(e.startswith("lock_released name=scheduler") for e in events)
    engine = make_engine(url)
    assert counts(engine) == (DEMO_ARTICLES, 0, 0)
    engine.dispose()


def test_sigterm_stops_the_service_cleanly_and_a_second_one_is_refused(
    demo_web: Any, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    config = write_config(tmp_path / "newsbot.toml", demo_web)
    log = tmp_path / "service.log"
    with log.open("w") as stderr:
        service = subprocess.Popen([*NEWSBOT, "--config", str(config), "run"],
                                   env=service_env(url), stdout=subprocess.DEVNULL,
                                   stderr=stderr)  # fmt: skip
    try:
        wait_for(lambda: "crawl_started" in log.read_text())
        second = subprocess.run([*NEWSBOT, "--config", str(config), "run", "--once"],
                                env=service_env(url), capture_output=True, text=True,
                                timeout=60)  # fmt: skip
        assert second.returncode == 1
        assert "another newsbot service" in second.stderr and "is running" in second.stderr
        wait_for(lambda: "ingested url=" in log.read_text())
        service.send_signal(signal.SIGTERM)
        assert service.wait(timeout=30) == 0
    finally:
        if service.poll() is None:
            service.kill()
    output = log.read_text()
    assert "service_stopping reason=SIGTERM" in output and "service_stopped" in output
    assert "Traceback" not in output
    engine = make_engine(url)
    stored, half, locks = counts(engine)
    engine.dispose()
    assert stored >= 1 and half == 0 and locks == 0  # what was stored is whole; lock released
