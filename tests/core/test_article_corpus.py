"""parse_article on every gold article of the dev corpus (../shared), with pinned floors.

Title, date and language must be right on every page; every gold entity name must be in
the main text in some alias; no related-article box text may be in it. The figures are
printed (``pytest -s``) so a run shows where the parser stands. The labelling of
boilerplate is the benchmark's own (bench/parse.py), shared so both report the same.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsbot.core.article import Article, parse_article
from newsbot.core.encoding import decode_html
from tests.shared import require_shared

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """bench/parse.py, loaded as a module (it holds the corpus labelling)."""
    require_shared()
    spec = importlib.util.spec_from_file_location("bench_parse", ROOT / "bench" / "parse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_parse"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(bench: ModuleType) -> list[tuple[Any, Article]]:
    """(page, parsed article) for every page that has a gold record."""
    pages = [page for page in bench.load_pages() if page.gold is not None]
    assert len(pages) >= 40, "the dev corpus should have about 41 gold articles"
    return [(page, parse_article(page.body, page.url)) for page in pages]


def _report(name: str, good: int, total: int, misses: list[str]) -> None:
    print(f"\n{name}: {good}/{total}")
    for miss in misses:
        print(f"  {miss}")


def test_titles_exact(results: list[tuple[Any, Article]]) -> None:
    misses = [
        f"{p.site}/{p.slug}: {a.title!r} != {p.gold['title']!r}"
        for p, a in results
        if a.title != p.gold["title"]
    ]
    _report("titles", len(results) - len(misses), len(results), misses)
    assert not misses


def test_published_dates_exact(results: list[tuple[Any, Article]]) -> None:
    misses = [
        f"{p.site}/{p.slug}: {a.published_at} != {p.gold['published']}"
        for p, a in results
        if a.published_at is None or a.published_at.date().isoformat() != p.gold["published"]
    ]
    _report("dates", len(results) - len(misses), len(results), misses)
    assert not misses


def test_languages(results: list[tuple[Any, Article]]) -> None:
    misses = [
        f"{p.site}/{p.slug}: {a.lang} != {p.gold['lang']}"
        for p, a in results
        if a.lang != p.gold["lang"]
    ]
    _report("languages", len(results) - len(misses), len(results), misses)
    assert not misses


def test_every_gold_name_in_text(bench: ModuleType, results: list[tuple[Any, Article]]) -> None:
    aliases = bench.load_aliases()
    total = 0
    misses = []
    for page, article in results:
        names = bench.gold_names(page.gold)
        total += len(names)
        missing = bench.missing_names(article.text, names, aliases)
        misses += [f"{page.site}/{page.slug}: {name}" for name in missing]
    _report("gold names kept", total - len(misses), total, misses)
    assert not misses


def test_no_related_box_text(bench: ModuleType, results: list[tuple[Any, Article]]) -> None:
    total = 0
    leaks = []
    for page, article in results:
        labels = bench.label_page(decode_html(page.body))
        related = [s for s in labels.snippets if s.kind == "related"]
        total += len(related)
        text = bench.norm(article.text)
        leaks += [f"{page.site}/{page.slug}: {s.text[:80]!r}" for s in related
                  if bench.norm(s.text) in text]  # fmt: skip
    _report("related-box snippets leaked", len(leaks), total, leaks)
    assert total > 100, "the labelling should find the related boxes"
    assert not leaks


def test_no_boilerplate_at_all(bench: ModuleType, results: list[tuple[Any, Article]]) -> None:
    total = 0
    leaks = []
    for page, article in results:
        snippets = bench.label_page(decode_html(page.body)).snippets
        total += len(snippets)
        text = bench.norm(article.text)
        leaks += [f"{page.site}/{page.slug}: {s.kind}: {s.text[:70]!r}" for s in snippets
                  if bench.norm(s.text) in text]  # fmt: skip
    _report("boilerplate snippets leaked (comments, ads, nav, footers…)", len(leaks), total, leaks)
    assert len(leaks) <= total // 100
