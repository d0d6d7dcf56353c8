"""Quality gate: a knowledge base built from the evaluation corpus (../shared/corpus/dev) by
the offline extractor must answer its questions (qa.jsonl), as scored by the evaluation
kit's own ``score_qa.py``, at or above the pinned floor.

Every article file is ingested as ``newsbot ingest`` would (parse_article, then the
Ingestor). The answers come from the same ``Answerer`` that ``newsbot ask`` runs; one test
also runs ``newsbot ask`` itself through ``score_qa.py --ask-cmd`` on a few questions, to
hold the command-line contract.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from newsbot.answers import Answerer
from newsbot.core.registry import Registry
from newsbot.extractors import RulesExtractor
from newsbot.pipeline import Ingestor, read_file_article
from newsbot.store.db import make_engine, upgrade
from tests.shared import require_shared

pytestmark = pytest.mark.shared

FLOOR = 0.90
TODAY = datetime(2025, 11, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def corpus() -> Path:
    return require_shared() / "corpus" / "dev"


@pytest.fixture(scope="module")
def kb_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite knowledge base of every corpus article, extracted by the rules."""
    url = f"sqlite:///{tmp_path_factory.mktemp('qa') / 'kb.db'}"
    engine = make_engine(url)
    upgrade(engine)
    registry = Registry.default()
    ingestor = Ingestor(engine, registry, RulesExtractor(registry))
    for path in sorted(corpus.glob("sites/*/articles/*.html")):
        ingestor.ingest(read_file_article(path))
    engine.dispose()
    yield url


@pytest.fixture(scope="module")
def engine(kb_url: str) -> Iterator[Engine]:
    engine = make_engine(kb_url)
    yield engine
    engine.dispose()


def _score(corpus: Path, args: list[str], cwd: Path, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    scorer = corpus.parents[1] / "eval" / "score_qa.py"
    return subprocess.run(
        [sys.executable, str(scorer), "--qa", str(corpus / "qa.jsonl"), *args, "--details"],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=600, check=False,
    )  # fmt: skip


def _pass_rate(output: str) -> float:
    last = output.strip().splitlines()[-1]  # "QA pass R (k of n)"
    assert last.startswith("QA pass"), output
    return float(last.split()[2])


def test_answers_pass_the_floor(corpus: Path, engine: Engine, tmp_path: Path) -> None:
    answerer = Answerer(engine, Registry.default(), clock=lambda: TODAY)
    questions = [json.loads(line) for line in (corpus / "qa.jsonl").read_text().splitlines()
                 if line.strip()]  # fmt: skip
    answers = tmp_path / "answers.jsonl"
    with answers.open("w", encoding="utf-8") as out:
        for qa in questions:
            out.write(json.dumps({"q": qa["q"], "answer": answerer.ask(qa["q"]).text},
                                 ensure_ascii=False) + "\n")  # fmt: skip
    done = _score(corpus, ["--answers", str(answers), "--min-pass", str(FLOOR)], tmp_path)
    rate = _pass_rate(done.stdout)
    print(done.stdout)
    assert done.returncode == 0 and rate >= FLOOR, done.stdout + done.stderr


def test_newsbot_ask_through_the_scorer(corpus: Path, kb_url: str, tmp_path: Path) -> None:
    few = [line for line in (corpus / "qa.jsonl").read_text().splitlines() if line.strip()]
    sample = [few[0], next(q for q in few if '"ja"' in q), few[-1]]
    (tmp_path / "qa.jsonl").write_text("\n".join(sample) + "\n", encoding="utf-8")
    command = Path(sys.executable).with_name("newsbot")
    env = {**os.environ, "NEWSBOT_DATABASE_URL": kb_url}
    scorer = corpus.parents[1] / "eval" / "score_qa.py"
    done = subprocess.run(
        [sys.executable, str(scorer), "--qa", str(tmp_path / "qa.jsonl"), "--ask-cmd",
         f"{command} ask", "--timeout", "60"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert _pass_rate(done.stdout) >= 2 / 3, done.stdout + done.stderr
