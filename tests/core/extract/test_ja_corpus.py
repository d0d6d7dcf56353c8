"""The Japanese articles of the evaluation corpus, scored with the kit's own scorer.

Floors sit below today's figures so that a rule change that loses events fails here; they
are pinned floors, not targets.
"""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsbot.core.article import parse_article
from newsbot.core.extract import extract
from newsbot.core.registry import Registry
from tests.shared import require_shared

pytestmark = pytest.mark.shared

MIN_F1 = 0.95
MIN_ATTRIBUTES = 0.9


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    shared = require_shared()
    corpus = shared / "corpus" / "dev"
    score = _scorer(shared)
    registry = Registry.default()
    lines = []
    for path in sorted((corpus / "sites").glob("*-ja/articles/*.html")):
        article = parse_article(path.read_bytes(), f"https://example.jp/{path.name}")
        for event in extract(article, registry).events:
            lines.append(json.dumps(dict(event.to_dict(), article=str(path)), ensure_ascii=False))
    aliases = score.load_aliases(corpus)
    gold = {a: g for a, g in score.load_gold(corpus).items() if a.split("/")[0].endswith("-ja")}
    preds, invalid, unknown = score.load_preds(lines, set(gold))
    assert not invalid and not unknown
    report: dict[str, Any] = score.report(*score.score(aliases, gold, preds), [], [], True)
    return report


def test_japanese_micro_f1(result: dict[str, Any]) -> None:
    assert result["micro"]["f1"] >= MIN_F1, json.dumps(result["details"], ensure_ascii=False)


def test_japanese_attribute_accuracy(result: dict[str, Any]) -> None:
    assert result["attribute_accuracy"]["accuracy"] >= MIN_ATTRIBUTES


def test_every_type_is_found(result: dict[str, Any]) -> None:
    weak = {t: c["f1"] for t, c in result["types"].items() if c["gold"] and c["f1"] < 0.75}
    assert not weak


def test_no_event_comes_from_a_trap_sentence(result: dict[str, Any]) -> None:
    false = defaultdict(list)
    for article, lines in result["details"].items():
        false[article] = [line for line in lines if line.startswith("FP")]
    assert sum(len(v) for v in false.values()) <= 3, dict(false)
