"""`newsbot crawl URL…` on the evaluation corpus, served by its own server, checked on gold.

Every site is crawled from its entry point (feed, sitemap or listing page) into a fresh
database; then every gold article must be stored with its exact title, date and language,
its main text must name every gold entity (in some alias), and no related-article box
may have leaked into it. Floors: 100% on titles, dates and languages.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.shared import require_shared

pytestmark = [pytest.mark.shared, pytest.mark.slow]
ENTRY_POINTS = ("feed.xml", "sitemap.xml", "index.html")


def _norm(text: str) -> str:
    return re.sub(r"[\s・、,.\-]", "", unicodedata.normalize("NFKC", text).casefold())


@pytest.fixture(scope="module")
def corpus() -> Path:
    return require_shared() / "corpus" / "dev"


@pytest.fixture(scope="module")
def served(corpus: Path) -> Iterator[dict[str, str]]:
    sys.path.insert(0, str(corpus.parent))
    import serve  # the kit's own server: each site its own host

    servers, bases = serve.start(str(corpus))
    yield bases
    serve.stop(servers)
    sys.path.remove(str(corpus.parent))


@pytest.fixture(scope="module")
def crawled(served: dict[str, str], corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("crawl") / "kb.db"
    urls = []
    for site, base in sorted(served.items()):
        entry = next(e for e in ENTRY_POINTS if (corpus / "sites" / site / e).is_file())
        urls.append(f"{base}/" + ("" if entry == "index.html" else entry))
    env = os.environ | {
        "NEWSBOT_DATABASE_URL": f"sqlite:///{database}",
        "NEWSBOT_CRAWL__PER_HOST_DELAY": "0.05",
    }
    result = subprocess.run(
        [sys.executable, "-m", "newsbot", "crawl", *urls],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return database


def _aliases(corpus: Path) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for path in corpus.glob("aliases*.json"):
        for name, others in json.loads(path.read_text(encoding="utf-8")).items():
            names.setdefault(name, {name}).update(others)
    return names


def _gold_names(record: dict) -> set[str]:
    found: set[str] = set()
    for event in record["events"]:
        for field in (
            "company",
            "acquirer",
            "target",
            "vendor",
            "customer",
            "person",
            "from",
            "to",
        ):
            if isinstance(event.get(field), str):
                found.add(event[field])
        for field in ("investors", "companies"):
            found.update(event.get(field) or [])
    return found


def _related_boxes(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    boxes = soup.find_all(
        lambda tag: any("related" in c for c in (tag.get("class") or []) + [tag.get("id") or ""])
    )
    return [t for t in (" ".join(b.get_text(" ").split()) for b in boxes) if len(t) > 20]


def test_crawl_matches_gold(crawled: Path, corpus: Path) -> None:
    conn = sqlite3.connect(crawled)
    rows = {
        url.rsplit("/", 1)[-1]: (title, published, lang, text)
        for url, title, published, lang, text in conn.execute(
            "SELECT url, title, published_date, lang, text FROM articles"
        )
    }
    conn.close()
    aliases = _aliases(corpus)
    gold_files = sorted(corpus.glob("gold/*/*.json"))
    counts = {"stored": 0, "title": 0, "date": 0, "lang": 0, "names": 0, "boxes leaked": 0}
    names_total, problems = 0, []
    for path in gold_files:
        record = json.loads(path.read_text(encoding="utf-8"))
        slug = record["article"].rsplit("/", 1)[-1]
        if slug not in rows:
            problems.append(f"not stored: {record['article']}")
            continue
        title, published, lang, text = rows[slug]
        counts["stored"] += 1
        counts["title"] += title == record["title"]
        counts["date"] += published == record["published"]
        if published != record["published"] or title != record["title"]:
            problems.append(
                f"{slug}: title {title!r} date {published} (gold {record['published']})"
            )
        counts["lang"] += lang == record["lang"]
        body = _norm(text)
        for name in _gold_names(record):
            names_total += 1
            if any(_norm(a) in body for a in aliases.get(name, {name})):
                counts["names"] += 1
            else:
                problems.append(f"{slug}: no alias of {name} in the text")
        leaked = [
            b for b in _related_boxes(corpus / "sites" / record["article"]) if _norm(b) in body
        ]
        counts["boxes leaked"] += len(leaked)
        problems += [f"{slug}: related box leaked: {b[:60]}" for b in leaked]
    n = len(gold_files)
    print(f"\ncrawl of the dev corpus: {counts['stored']}/{n} stored, titles {counts['title']}/{n}, "
          f"dates {counts['date']}/{n}, languages {counts['lang']}/{n}, gold names in text "
          f"{counts['names']}/{names_total}, related boxes leaked {counts['boxes leaked']}")  # fmt: skip
    assert counts["stored"] == counts["title"] == counts["date"] == counts["lang"] == n, problems
    assert counts["names"] == names_total and counts["boxes leaked"] == 0, problems
