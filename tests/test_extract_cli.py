"""``newsbot extract``: local HTML files in, events out (JSON lines or text), nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbot.cli import app

runner = CliRunner()

PAGE = """<!doctype html><html lang="en"><head><meta charset="{charset}">
<title>Orbital Systems agrees to buy Quillbit for $1.2 billion</title>
<meta property="article:published_time" content="2024-06-12T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/deals">Deals</a></nav>
<article><h1>Orbital Systems agrees to buy Quillbit for $1.2 billion</h1>
<p>Orbital Systems has agreed to buy Quillbit, a Lyon-based maker of speech software, for
$1.2 billion in cash, the companies said on Tuesday. The deal is expected to close later this
year, subject to regulatory approval.</p>
<p>Quillbit, founded in 2019, employs about 300 people and had revenue of $80 million last
year. Its chief executive, Dana Whitcombe, will join Orbital Systems as head of speech.</p>
<p>Orbital Systems also said it would cut 500 jobs in its hardware unit.</p>
</article><aside><h2>Related</h2><p>Brightwave raised $40 million from Northwind Ventures.</p>
</aside><footer>Copyright Example News</footer></body></html>"""


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'unused.db'}")
    return tmp_path


def _page(folder: Path, name: str, charset: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(PAGE.format(charset=charset).encode(charset))
    return path


def test_jsonl_has_the_format_shape_with_article_and_evidence(env: Path) -> None:
    page = _page(env, "deal.html")
    result = runner.invoke(app, ["extract", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    deal = next(r for r in records if r["type"] == "acquisition")
    assert deal == {"type": "acquisition", "acquirer": "Orbital Systems", "target": "Quillbit",
                    "amount_usd": 1_200_000_000, "article": str(page),
                    "evidence": deal["evidence"]}
    assert "agreed to buy Quillbit" in deal["evidence"]
    assert all(r["article"] == str(page) for r in records)
    assert not any("Brightwave" in json.dumps(r) for r in records)  # the related box is not read
    move = next(r for r in records if r["type"] == "talent_move")
    assert (move["person"], move["from"], move["to"]) == ("Dana Whitcombe", "Quillbit",
                                                          "Orbital Systems")


def test_text_format_is_one_block_per_article(env: Path) -> None:
    first, second = _page(env, "a.html"), _page(env, "b.html", charset="iso-8859-1")
    result = runner.invoke(app, ["extract", str(first), str(second)])
    assert result.exit_code == 0, result.output
    assert result.output.count("Orbital Systems agrees to buy Quillbit") == 2
    assert "acquisition" in result.output and "layoff" in result.output


def test_a_bad_file_is_reported_and_the_others_still_run(env: Path) -> None:
    good = _page(env, "good.html")
    result = runner.invoke(app, ["extract", str(env / "missing.html"), str(good), "--format",
                                 "jsonl"])
    assert result.exit_code == 1
    assert "missing.html" in result.stderr
    assert '"acquisition"' in result.stdout


def test_lang_must_be_en_or_ja(env: Path) -> None:
    result = runner.invoke(app, ["extract", str(_page(env, "x.html")), "--lang", "fr"])
    assert result.exit_code != 0
