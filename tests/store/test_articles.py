"""An article is stored once: by URL, by canonical URL, by content hash, and under races."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from newsbot.core.article import Article as Parsed
from newsbot.store.articles import content_hash, save_article
from newsbot.store.models import Article

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PAGE = Parsed(
    url="https://news.example/a/1",
    title="Example Labs raises $20 million",
    text="Example Labs said on Monday it raised $20 million.\n\nThe round was led by Acme.",
    lang="en",
    published_at=datetime(2026, 2, 27, 8, 30),
    canonical_url="https://news.example/a/1",
)


def _save(engine: Engine, article: Parsed) -> str:
    with Session(engine) as session, session.begin():
        return save_article(session, article, fetched_at=NOW).status


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one()


def test_store_then_unchanged(engine: Engine) -> None:
    assert _save(engine, PAGE) == "new"
    assert _save(engine, PAGE) == "unchanged"
    assert _count(engine) == 1


def test_changed_text_updates_the_row(engine: Engine) -> None:
    _save(engine, PAGE)
    assert _save(engine, replace(PAGE, text=PAGE.text + "\n\nUpdated.")) == "updated"
    with Session(engine) as session:
        assert session.execute(select(Article.text)).scalar_one().endswith("Updated.")
    assert _count(engine) == 1


def test_same_text_under_another_url_is_a_duplicate(engine: Engine) -> None:
    _save(engine, PAGE)
    syndicated = replace(PAGE, url="https://mirror.example/story", canonical_url=None)
    assert _save(engine, syndicated) == "duplicate"
    assert _count(engine) == 1


def test_whitespace_and_width_do_not_change_the_hash() -> None:
    assert content_hash("ＡＩ  news\n\n today") == content_hash("AI news today")


def test_same_canonical_url_is_a_duplicate(engine: Engine) -> None:
    _save(engine, PAGE)
    tracked = replace(PAGE, url="https://news.example/a/1?utm_source=x", text="Different text.")
    assert _save(engine, tracked) == "duplicate"


def test_naive_times_are_read_in_the_site_zone(engine: Engine) -> None:
    _save(engine, replace(PAGE, lang="ja", title="例", text="例の本文です。"))
    with Session(engine) as session:
        published = session.execute(select(Article.published_at)).scalar_one()
    assert published == datetime(2026, 2, 26, 23, 30, tzinfo=UTC)  # 08:30 JST


def test_two_connections_storing_one_article_at_once(engine: Engine) -> None:
    barrier = threading.Barrier(2)
    statuses: list[str] = []

    def worker() -> None:
        with Session(engine) as session, session.begin():
            barrier.wait(timeout=10)
            statuses.append(save_article(session, PAGE, fetched_at=NOW).status)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert _count(engine) == 1
    assert sorted(statuses) in (["duplicate", "new"], ["new", "unchanged"])
