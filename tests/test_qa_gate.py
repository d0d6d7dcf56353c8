"""Quality gate: knowledge bases built by the offline extractor from the evaluation corpus
(../shared/corpus/dev) and from the project's sample site (newsbot/demo/site) must answer
questions, as scored by the evaluation kit's own ``score_qa.py``, at or above pinned floors.

The question sets: the corpus's own ``qa.jsonl``, and the project's sets in
``tests/fixtures/qa/`` (written before the engine was tuned on them: words that are no
names, role words, time filters, ownership, figures, founders, departures, full investor
lists and lead investors, in English and Japanese). Batch 4 (``dev_4``, ``demo_4``) asks in
users' everyday phrasings (who backed X, what is X worth, who runs X now, X's customers,
what's new with X, X's latest round, this year / last year, typos and lower-case names, the
Japanese に出資したのは / を辞めた人は / いくらで買収された / 最近のXのニュース, unknown names
and unanswerable facts); first run before any fix: dev_4 0.971 (34 of 35), demo_4 0.840
(21 of 25). Batch 5 (``dev_5``, ``demo_5``), written after seeing batch 4 pass too easily and
before any fix: keyword queries (X acquisitions, groq ceo), "is X still a customer of Y",
"who is PERSON", what X announced in a month, headcounts nobody reported, full-width and
katakana names, two investors in one question; first run dev_5 0.926 (25 of 27), demo_5
0.826 (19 of 23); after the fixes (plain verbs of buying, headcounts nobody records, "still"
answered by the newest status, a company's worth its newest valuation, lower-case two-word
typos, co-ordinated investors, "announce" as any news, katakana names of people stored in
Latin letters) dev_4 0.971, demo_4 0.880, dev_5 1.000, demo_5 1.000 — the rest are the
extractor's misses. Batch 6 (``dev_6``, ``demo_6``), written before any fix for issue 6's
parse gaps: a layoff cue over a noun that only modifies the jobs ("customer support jobs"),
Xが出資したのは (what X invested in) against Xに出資したのは, XがYと取引していますか and "do
business with" either way round, customers by status (paused, stopped), titles of moves (new
CEO, CAIO, 最高技術責任者, after Y left), co-founders, what a round valued X at, fiscal
periods (12月期, FY2024), 合弁会社; first run dev_6 0.760 (19 of 25), demo_6 0.760 (19 of
25); after the fixes dev_6 1.000, demo_6 0.960. Every article file is ingested as
``newsbot ingest`` would (parse_article, then the Ingestor). The answers come from the same
``Answerer`` that ``newsbot ask`` runs; one test also runs ``newsbot ask`` itself through
``score_qa.py --ask-cmd`` on a few questions, to hold the command-line contract.
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

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "tests" / "fixtures" / "qa"
DEMO = ROOT / "newsbot" / "demo" / "site"
FLOOR = 0.90
# (knowledge base, question file, floor); the rest of each set is the extractor's misses
NEW_SETS = {
    "dev": ("dev", SETS / "dev.jsonl", 0.95),
    "demo": ("demo", SETS / "demo.jsonl", 0.95),
    "dev_2": ("dev", SETS / "dev_2.jsonl", 0.92),  # batches 2 and 3: written later, each
    "demo_2": ("demo", SETS / "demo_2.jsonl", 0.90),  # run once before the fixes they led to
    "dev_3": ("dev", SETS / "dev_3.jsonl", 0.93),
    "demo_3": ("demo", SETS / "demo_3.jsonl", 0.90),
    "dev_4": ("dev", SETS / "dev_4.jsonl", 0.94),  # batches 4 and 5: everyday phrasings
    "demo_4": ("demo", SETS / "demo_4.jsonl", 0.84),
    "dev_5": ("dev", SETS / "dev_5.jsonl", 0.96),
    "demo_5": ("demo", SETS / "demo_5.jsonl", 0.95),
    "dev_6": ("dev", SETS / "dev_6.jsonl", 0.96),  # batch 6: issue 6's parse gaps
    "demo_6": ("demo", SETS / "demo_6.jsonl", 0.92),
}
TODAY = {"dev": datetime(2025, 11, 1, tzinfo=UTC), "demo": datetime(2026, 2, 1, tzinfo=UTC)}


@pytest.fixture(scope="module")
def corpus() -> Path:
    return require_shared() / "corpus" / "dev"


def _build(root: Path, url: str) -> None:
    """A SQLite knowledge base of every article under ``root``, extracted by the rules."""
    engine = make_engine(url)
    upgrade(engine)
    registry = Registry.default()
    ingestor = Ingestor(engine, registry, RulesExtractor(registry))
    for path in sorted(root.glob("sites/*/articles/*.html")):
        ingestor.ingest(read_file_article(path))
    engine.dispose()


@pytest.fixture(scope="module")
def kb_urls(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The knowledge bases of the corpus and of the sample site."""
    urls = {}
    for name, root in (("dev", corpus), ("demo", DEMO)):
        urls[name] = f"sqlite:///{tmp_path_factory.mktemp(name) / 'kb.db'}"
        _build(root, urls[name])
    return urls


@pytest.fixture(scope="module")
def kb_url(kb_urls: dict[str, str]) -> str:
    return kb_urls["dev"]


@pytest.fixture(scope="module")
def engine(kb_url: str) -> Iterator[Engine]:
    engine = make_engine(kb_url)
    yield engine
    engine.dispose()


def _score(corpus: Path, qa: Path, args: list[str], cwd: Path,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    scorer = corpus.parents[1] / "eval" / "score_qa.py"
    return subprocess.run(
        [sys.executable, str(scorer), "--qa", str(qa), *args, "--details"],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=600, check=False,
    )  # fmt: skip


def _pass_rate(output: str) -> float:
    last = output.strip().splitlines()[-1]  # "QA pass R (k of n)"
    assert last.startswith("QA pass"), output
    return float(last.split()[2])


def _answer_all(engine: Engine, qa: Path, today: datetime, out: Path) -> None:
    answerer = Answerer(engine, Registry.default(), clock=lambda: today)
    questions = [json.loads(line) for line in qa.read_text(encoding="utf-8").splitlines()
                 if line.strip()]  # fmt: skip
    with out.open("w", encoding="utf-8") as f:
        for row in questions:
            f.write(json.dumps({"q": row["q"], "answer": answerer.ask(row["q"]).text},
                               ensure_ascii=False) + "\n")  # fmt: skip


def test_answers_pass_the_floor(corpus: Path, engine: Engine, tmp_path: Path) -> None:
    answers = tmp_path / "answers.jsonl"
    _answer_all(engine, corpus / "qa.jsonl", TODAY["dev"], answers)
    done = _score(corpus, corpus / "qa.jsonl", ["--answers", str(answers), "--min-pass",
                                                str(FLOOR)], tmp_path)  # fmt: skip
    rate = _pass_rate(done.stdout)
    print(done.stdout)
    assert done.returncode == 0 and rate >= FLOOR, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(NEW_SETS))
def test_project_question_sets(name: str, corpus: Path, kb_urls: dict[str, str],
                               tmp_path: Path) -> None:  # fmt: skip
    """The project's own question sets on each knowledge base."""
    kb, qa, floor = NEW_SETS[name]
    engine = make_engine(kb_urls[kb])
    answers = tmp_path / "answers.jsonl"
    try:
        _answer_all(engine, qa, TODAY[kb], answers)
    finally:
        engine.dispose()
    done = _score(corpus, qa, ["--answers", str(answers)], tmp_path)
    print(done.stdout)
    assert _pass_rate(done.stdout) >= floor, done.stdout + done.stderr


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
