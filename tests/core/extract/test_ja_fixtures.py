"""Japanese articles written for these tests, in the styles of sites the rules were not first
written for, scored like the evaluation kit scores a corpus.

``tests/fixtures/extract_ja`` has the corpus layout (``sites/<site>/articles/*.html``,
``gold/<site>/*.json``, ``aliases.json``; see ``shared/corpus/FORMAT.md``): newspaper pages
with 【…=…】 and （…＝共同） datelines, IT-news pages, press releases (funding, 人事), earnings
and roundup tables. Later batches (sites shimbun/gijutsu/kabu/startup/matome, weekly/biz,
release/tech/nikkan, denshi/aitimes and keizai2/itmedia2) were each written before the rule
changes they prompted and scored once first (F1 0.64, 0.70, 0.87, 0.79 and 0.67), as were
the eleventh (ai-shukan/insight2/kojin-blog/prtimes-like/taiwan-wire, F1 0.43) and the twelfth
(tanshin/jinji/eigo-blog/keizai3/teikei/jirei/risutora/china-wire: a 決算短信 table, a 人事
list, a です/ます blog with Latin names, 億円 and ドル with the article's own rate, 資本業務提携
with a stake, a list of 導入事例, 希望退職 with a count, a 人民元 round; F1 0.42) and a short
thirteenth (kankoku-wire/prtimes2/kessan2/qa-column: a ウォン round from Seoul, a release with
第三者割当増資 and 資本業務提携, IFRS 売上収益 with customers, a Q&A column; F1 0.74). After
the fixes they prompted the eleventh scores F1 0.86, the twelfth and thirteenth 1.00, and all
fixtures together 0.988 (from 0.970 when the thirteenth was added). The fourteenth
(newsletter/kessan-setsumei/kaisetsu/prtimes3/chip-asia/note-tenshoku: a ニュースレター digest of
one-line items, a 決算説明会 report with the CFO's quotes, a long 解説 with three deals, history
and a rumour, a release with a new 執行役員 and a 業務提携, a ウォン/台湾ドル chip story with 円
conversions, a 転職エントリ) scored F1 0.59 on its first run and 0.93 after the fixes it
prompted (all fixtures 0.973 -> 0.995). The scorer
below follows ``shared/eval/score.py``: events match per article and type by their key names
(through the aliases), best first, one prediction per gold event; ``optional`` gold events
count neither way. The demo site's Japanese pages are scored the
same way. The floors sit below today's figures.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from newsbot.core.article import parse_article
from newsbot.core.extract import extract
from newsbot.core.registry import Registry

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "extract_ja"
DEMO_SITE = Path(__file__).resolve().parents[3] / "newsbot" / "demo" / "site"
MIN_F1 = 0.9
MIN_DEMO_F1 = 0.85
KEYS = {
    "investment": ("company",),
    "acquisition": ("acquirer", "target"),
    "partnership": (),
    "customer": ("vendor", "customer"),
    "talent_move": ("person",),
    "financial": ("company",),
    "product_launch": ("company",),
    "layoff": ("company",),
}
Event = dict[str, Any]


def norm(name: object) -> str:
    """score.py's name key: NFKC, casefold, no punctuation, 米/英 prefix and 株式会社 dropped."""
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(c for c in re.sub(r"[.'’]", "", text) if unicodedata.category(c)[0] not in "PSZ")
    text = re.sub(r"(?<=.)(株式会社|社|inc|corp|ltd|llc|co)$", "", text)
    text = re.sub(r"^株式会社(?=.)", "", text)
    return text[1:] if len(text) > 1 and text[0] in "米英仏独中日" else text


class Aliases:
    """Every spelling of an entity to one key."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.key_of: dict[str, str] = {}
        for name, others in groups.items():
            for spelling in (name, *others):
                self.key_of[norm(spelling)] = norm(name)

    def key(self, name: object) -> str:
        k = norm(name)
        return self.key_of.get(k, k)

    def keys(self, names: object) -> set[str]:
        items: Iterable[object] = names if isinstance(names, list) else [names]
        return {k for k in map(self.key, items) if k}

    def same(self, a: object, b: object) -> bool:
        return bool(self.key(a)) and self.key(a) == self.key(b)


def _given(event: Event, field: str) -> bool:
    return event.get(field) not in (None, "", [])


def matches(al: Aliases, g: Event, p: Event) -> bool:
    """Whether prediction ``p`` can be gold ``g`` (same type)."""
    kind = g["type"]
    if not all(al.same(g.get(f), p.get(f)) for f in KEYS[kind]):
        return False
    if kind == "investment":
        return not al.keys(g["investors"]) or bool(
            al.keys(g["investors"]) & al.keys(p.get("investors"))
        )
    if kind == "partnership":
        shared = al.keys(g["companies"]) & al.keys(p.get("companies"))
        return len(shared) >= min(2, len(al.keys(g["companies"])))
    if kind == "talent_move":
        ends = [f for f in ("from", "to") if _given(g, f)]
        both = [f for f in ends if _given(p, f)]
        return all(al.same(g[f], p[f]) for f in both) and (not ends or bool(both))
    if kind == "financial":
        period, said = g.get("period"), str(p.get("period") or "")
        return g["metric"] == p.get("metric") and (not period or said.startswith(str(period)))
    if kind == "product_launch":
        a, b = norm(g["product"]), norm(p.get("product"))
        return bool(a and b) and (a in b or b in a)
    return True


def score_article(
    al: Aliases, gold: list[Event], pred: list[Event]
) -> tuple[Counter[str], list[str]]:
    """tp/fp/fn per type, and the misses and false positives."""
    counts: Counter[str] = Counter()
    notes: list[str] = []
    used: set[int] = set()
    for g in sorted(gold, key=lambda e: bool(e.get("optional"))):
        hit = next(
            (
                i
                for i, p in enumerate(pred)
                if i not in used and p["type"] == g["type"] and matches(al, g, p)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            counts[g["type"] + ":tp"] += not g.get("optional")
        elif not g.get("optional"):
            counts[g["type"] + ":fn"] += 1
            notes.append(f"MISS {g}")
    for i, p in enumerate(pred):
        if i not in used:
            counts[p["type"] + ":fp"] += 1
            notes.append(f"FP {p}")
    return counts, notes


Scored = tuple[Counter[str], dict[str, list[str]]]


def score_corpus(corpus: Path, pattern: str = "*/*.json") -> Scored:
    """Counts and notes over every gold record of ``corpus`` matching ``pattern``."""
    registry = Registry.default()
    al = Aliases(json.loads((corpus / "aliases.json").read_text(encoding="utf-8")))
    total: Counter[str] = Counter()
    details: dict[str, list[str]] = {}
    for path in sorted((corpus / "gold").glob(pattern)):
        record = json.loads(path.read_text(encoding="utf-8"))
        page = corpus / "sites" / record["article"]
        article = parse_article(page.read_bytes(), page.resolve().as_uri())
        pred = [e.to_dict() for e in extract(article, registry).events]
        counts, notes = score_article(al, record["events"], pred)
        total.update(counts)
        details[record["article"]] = notes
    return total, details


@pytest.fixture(scope="module")
def scored() -> Scored:
    return score_corpus(FIXTURES)


def f1(counts: Counter[str], kind: str = "") -> float:
    tp, fp, fn = (
        sum(v for k, v in counts.items() if k.startswith(kind) and k.endswith(s))
        for s in (":tp", ":fp", ":fn")
    )
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_fixture_articles_meet_the_floor(scored: tuple[Counter[str], dict[str, list[str]]]) -> None:
    counts, details = scored
    per_type = {kind: round(f1(counts, kind), 3) for kind in KEYS}
    assert f1(counts) >= MIN_F1, json.dumps(
        {"types": per_type, "details": details}, ensure_ascii=False, indent=1
    )


def test_demo_site_japanese_articles_meet_the_floor() -> None:
    counts, details = score_corpus(DEMO_SITE, "*-ja/*.json")
    assert f1(counts) >= MIN_DEMO_F1, json.dumps(details, ensure_ascii=False, indent=1)


def test_every_gold_file_names_its_page() -> None:
    for path in (FIXTURES / "gold").glob("*/*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert (FIXTURES / "sites" / record["article"]).is_file()
        assert record["lang"] == "ja" and record["events"]
