"""Quality gate: the rules extractor on the annotated dev corpus, scored by the kit's scorer.

Every article of ``../shared/corpus/dev`` is parsed (``parse_article``) and extracted with the
built-in registry; the predictions go through ``shared/eval/score.py --json``. Floors: micro
F1 0.85 and attribute accuracy 0.90 on matched events.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbot.core.article import parse_article
from newsbot.core.extract import extract
from newsbot.core.registry import Registry
from newsbot.extracting import event_record
from tests.shared import require_shared

MIN_F1 = 0.85
MIN_ATTRIBUTES = 0.90

pytestmark = pytest.mark.shared


def _predict(corpus: Path, out: Path) -> None:
    registry = Registry.default()
    with out.open("w", encoding="utf-8") as lines:
        for page in sorted((corpus / "sites").glob("*/articles/*.html")):
            article = parse_article(page.read_bytes(), page.resolve().as_uri())
            for event in extract(article, registry).events:
                lines.write(json.dumps(event_record(event, str(page)), ensure_ascii=False) + "\n")


def _score(shared: Path, corpus: Path, pred: Path) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(corpus), "--pred",
         str(pred), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    result: dict[str, object] = json.loads(run.stdout.splitlines()[0])
    return result


def test_dev_corpus_meets_the_floors(tmp_path: Path) -> None:
    shared = require_shared()
    corpus = shared / "corpus" / "dev"
    pred = tmp_path / "pred.jsonl"
    _predict(corpus, pred)
    result = _score(shared, corpus, pred)
    micro = result["micro"]
    attributes = result["attribute_accuracy"]
    assert isinstance(micro, dict) and isinstance(attributes, dict)
    per_type = {t: v["f1"] for t, v in result["types"].items()}  # type: ignore[attr-defined]
    assert micro["f1"] >= MIN_F1, f"micro F1 {micro['f1']} below {MIN_F1}: {per_type}"
    assert attributes["accuracy"] >= MIN_ATTRIBUTES, (
        f"attribute accuracy {attributes['accuracy']} below {MIN_ATTRIBUTES}")
