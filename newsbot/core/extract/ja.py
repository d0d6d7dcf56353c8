"""Japanese rules: ``extract_events(doc) -> list[Event]``.

The article is read in order, sentence by sentence (a headline's parts, split at the
ideographic space, each count as one; an opening dateline or byline such as 【ロンドン=山田太郎】
or （ニューヨーク＝共同） is dropped first). For each: the mentions (``ja_entities``) are found
and back-references resolved against what was read before (``ja_discourse``); then each
rule (``ja_deals``, ``ja_business``, ``ja_talent``) that can find something in the sentence
reads its triggers and the particles around them (``ja_clauses``), with the trigger words and
traps of ``ja_lex``. Table rows are read through their header instead (``ja_tables``); a row
whose header has a 内容 column is read as prose. The findings become one event per real event
(``ja_merge``); each carries a ``deal`` id so the framework's own merge keeps them apart.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.document import Document
from newsbot.core.extract.ja_author import find_author
from newsbot.core.extract.ja_business import (
    customers,
    financials,
    fix_vendors,
    launches,
    layoffs,
    productish,
)
from newsbot.core.extract.ja_clauses import Ctx, blocked
from newsbot.core.extract.ja_deals import acquisitions, investments, partnerships
from newsbot.core.extract.ja_discourse import resolve_mention
from newsbot.core.extract.ja_entities import (
    Ment,
    alias_quote,
    find_mentions,
    find_quotes,
    org_quote,
)
from newsbot.core.extract.ja_lex import (
    CALLED_OFF,
    LAYOFF_TRIGGER,
    TALENT_DEPART,
    UNCONFIRMED,
    fold_ja,
)
from newsbot.core.extract.ja_merge import consolidate, unify_names
from newsbot.core.extract.ja_state import State
from newsbot.core.extract.ja_tables import Row, TableReader
from newsbot.core.extract.ja_talent import CAREER_HINT, NOMINAL_POST, talent
from newsbot.core.extract.ja_turns import turns

log = logging.getLogger(__name__)

RULES = (
    investments,
    acquisitions,
    partnerships,
    customers,
    talent,
    financials,
    layoffs,
    launches,
    turns,
)
_PEOPLE = frozenset(("depart", "arrive", "found", "lead", "serve"))
_BEFORE_WORDS = ("直近は", "直前は", "前職は", "以前は", "それまでは")


def _gates(ctx: Ctx, state: State) -> tuple[bool, ...]:
    """Which rules can find anything in the sentence (the order of ``RULES``): a rule with no
    trigger word only adds details to a recent finding."""
    kinds = {t.kind for t in ctx.trigs}
    text = ctx.text
    return (
        "inv" in kinds
        or "%" in text
        or (ctx.kind == "item" and (":" in text or _STATED_LINE.match(text) is not None))
        or state.recent("investment", ctx.idx, 5) is not None,
        "acq" in kinds or "sale" in kinds or "額" in text or "価格" in text,
        "part" in kinds or "found" in kinds or "とともに" in text or "と共に" in text,
        "cust" in kinds or "status" in kinds or "顧客" in text or "額" in text,
        not _PEOPLE.isdisjoint(kinds)
        or "▽" in text
        or text.startswith(_BEFORE_WORDS)
        or bool(CAREER_HINT.search(text))
        or bool(NOMINAL_POST.match(text)),
        True,
        "layoff" in kinds
        or state.recent("layoff", ctx.idx, 1) is not None
        or (ctx.kind == "item" and state.cut_list),
        "launch" in kinds or bool(ctx.quotes),
        state.disc.turn,
    )


_SEGMENT = re.compile(r"[^\u3000]+")
_NOMINAL_END = re.compile(r"\s?(?:\([^()]{1,40}\))?\s?。?$")
_PREDICATE_AFTER = re.compile(r"^(?:だ|です|である|でした|だった)")
# A dateline or byline opening a paragraph: 【ロンドン=田中健】, （ニューヨーク＝共同）, 【北京共同】.
_WIRES = "共同|時事|ロイター|ブルームバーグ|AFP|AP|新華社|聯合"
_BYLINE = re.compile(
    rf"^\s*(?:【[^【】]{{1,24}}[=＝][^【】]{{1,24}}】|【[^【】=＝]{{0,12}}(?:{_WIRES})】"
    rf"|[（(][^（）()]{{1,16}}[=＝][^（）()]{{1,16}}[）)]|[（(](?:{_WIRES})[）)])\s*"
)
# A line opening on a round or an amount states a fact of its section, whatever its length.
_STATED_LINE = re.compile(
    r"^\s?(?:(?:プレ|エクステンション)?シリーズ\s?[A-HＡ-Ｈ]|シード|エンジェル|総額|計|約)"
    r"|^\s?[\d０-９][\d０-９,，.．]*(?:億|万|兆)?(?:円|ドル|ユーロ)"
)
# A section's label in a digest or roundup (■ 資金調達, 【M&A・提携】, 人事・組織): the kind
# of news below it, no deal of its own.
_LABEL_WORD = (
    r"(?:資金調達|調達|出資|投資|M&A|買収|資本業務提携|業務提携|提携|協業|人事|人事異動|組織|"
    r"プロダクト|新製品|製品|サービス|決算|業績|採用|顧客|導入事例|事例|人員削減|リストラ|"
    r"国内|海外|その他|ニュース|トピックス)"
)
_SECTION_LABEL = re.compile(
    rf"[■□●○◆◇▲△★☆◎【\[\s]*{_LABEL_WORD}(?:\s?[・/、&＆]\s?{_LABEL_WORD})*[】\]\s]*"
)
_EXTRA_KEYS = (
    "sent",
    "pos",
    "stated_usd",
    "fragment",
    "explicit",
    "move",
    "title",
    "named_vendor",
)


def extract_events(doc: Document) -> list[Event]:
    """The events a Japanese article states, one per real event."""
    state = State()
    author = find_author(doc.sentences)
    if author:  # a first-person post: an unsaid subject of a move is its writer
        state.disc.author = state.disc.speaker = author
        state.learned.learn([Ment(0, len(author), author, author, "person")])
    tables = TableReader(doc)
    lead = _lead_block(doc)
    for sentence in doc.sentences:
        row = tables.read(sentence, state.disc.main("company"))
        if row is not None:
            state.events.extend(row.events)
            if row.texts:
                _read_row(doc, state, sentence.index, row)
            continue
        kind = "item" if sentence.listed else sentence.kind
        if kind == "heading" and _STATED_LINE.match(sentence.text):
            kind = "item"  # シリーズBで20億円: a terse line of the section, no section of its own
        _follow(state, kind, sentence.text, first=sentence.first)
        state.disc.begin(sentence.index, kind, sentence.first, lead=sentence.block == lead)
        state.disc.turn = sentence.spoken
        if kind != "text" and _SECTION_LABEL.fullmatch(sentence.text):
            continue  # ■ 資金調達: the label of the items below
        _read(doc, state, sentence.index, without_byline(sentence.text), kind)
    fix_vendors(state)
    _drop_called_off(state)
    _drop_unreal_heads(state)
    found = [e for e in state.events if _complete(e)]
    glossed = {surface: name for surface, (name, _kind) in state.learned.names.items()}
    unify_names(found, lambda name: doc.registry.lookup(name) is not None, _canonical(doc), glossed)
    events = consolidate(found)
    for n, event in enumerate(events):
        for key in _EXTRA_KEYS:
            event.extra.pop(key, None)
        event.extra["deal"] = f"ja-{n}"
    log.debug("ja_extracted", extra={"url": doc.article.url, "events": len(events)})
    return events


def _read(doc: Document, state: State, index: int, text: str, kind: str) -> None:
    """Run every rule on the sentence (each part of a headline on its own)."""
    segments = [text.strip()] if text.lstrip().startswith("▽") else _SEGMENT.findall(text)
    for segment in segments:  # a 人事 line (▽執行役員　森下浩一（…）) is one
        ctx = _context(doc, state, index, segment, kind)
        before = len(state.events)
        for rule, wanted in zip(RULES, _gates(ctx, state), strict=True):
            if wanted:
                rule(ctx, state)
        off = CALLED_OFF.search(ctx.text)
        if off is not None and kind != "title":
            _call_off(ctx, state, before, _CALLED_OFF_NOUNS.get(off.group("deal"), _DEAL_KINDS))
        if kind != "title" and UNCONFIRMED.search(ctx.text):
            _drop_unconfirmed(state, index)
        if kind in ("title", "heading") or (kind == "item" and not text.endswith("。")):
            state.heads.add(index)  # a headline, or a list line written like one
        elif ctx.trigs:
            _note_unreal(ctx, state)


def _drop_unconfirmed(state: State, index: int) -> None:
    """…と報じた。両社は正式に発表していない: the deals of the sentence before are reports."""
    for e in list(state.events):
        if e.type in _UNCONFIRMED_KINDS and e.extra.get("sent") == index - 1:
            state.events.remove(e)


_UNCONFIRMED_KINDS = ("acquisition", "investment", "partnership", "customer")
_TRIG_KINDS = {
    "inv": "investment",
    "acq": "acquisition",
    "sale": "acquisition",
    "part": "partnership",
    "cust": "customer",
}


def _note_unreal(ctx: Ctx, state: State) -> None:
    """A deal the body tells only as reported or planned (…と報じられました): a headline's
    finding of that deal is no event either."""
    kinds = tuple(
        {
            _TRIG_KINDS[t.kind]
            for t in ctx.trigs
            if t.kind in _TRIG_KINDS and blocked(ctx, t) in _UNREAL
        }
    )
    named = {n for m in ctx.ments for n in m.all_names if m.kind in ("company", "unknown")}
    if kinds and len(named) >= 2:
        state.unreal.append((kinds, frozenset(named), ctx.idx))


_DEAL_KINDS = ("acquisition", "investment", "partnership")
_CALLED_OFF_NOUNS = {
    "買収": ("acquisition",),
    "売却": ("acquisition",),
    "合併": ("acquisition",),
    "統合": ("acquisition",),
    "出資": ("investment",),
    "提携": ("partnership",),
}


def _call_off(ctx: Ctx, state: State, before: int, kinds: tuple[str, ...]) -> None:
    """…と合意した。しかし合意は撤回された: the deal just read did not happen after all
    (unless this sentence states a deal of its own, names other parties, or calls off a
    deal of another kind: 買収は見送った leaves a tie-up standing)."""
    if any(e.type in _DEAL_KINDS for e in state.events[before:]):
        return
    named = {n for m in ctx.ments for n in m.all_names if m.kind in ("company", "unknown")}
    if named:
        state.called_off.append((kinds, frozenset(named), ctx.idx))
    for e in reversed(state.events[:before]):
        if ctx.idx - e.extra.get("sent", -99) > 2:
            return
        if e.type in kinds:
            parties = {v for v in e.fields.values() if isinstance(v, str)}
            parties |= {v for v in e.fields.get("companies") or []}
            if not named or named & parties:
                state.events.remove(e)
            return


_KEY_PARTIES = {"acquisition": ("acquirer", "target"), "investment": ("company",)}


_UNREAL = ("rumour", "hedged")


def _drop_unreal_heads(state: State) -> None:
    """Drop a headline's deal that the body tells only as reported, in talks or planned."""
    for kinds, named, at in state.unreal:
        for e in list(state.events):
            sent = e.extra.get("sent", -1)
            if e.type not in kinds or sent not in state.heads or not 0 <= at - sent <= 3:
                continue
            if _parties(e) <= named and len(_parties(e)) >= 2:
                state.events.remove(e)


def _parties(e: Event) -> set[str]:
    if e.type == "partnership":
        return set(e.fields.get("companies") or [])
    keys = _KEY_PARTIES.get(e.type, ("vendor", "customer"))
    return {str(v) for k in keys if (v := e.fields.get(k)) is not None}


def _drop_called_off(state: State) -> None:
    """タレスはXの買収を断念した。…タレスは昨年、Xを買収することで合意していた: a deal given up
    is no event wherever the article tells of it, when every party of it is named where it was
    given up (a deal of another kind, or with someone else, stands)."""
    for kinds, named, at in state.called_off:
        for e in list(state.events):
            if e.type not in kinds or e.extra.get("sent") == at:
                continue
            parties = _parties(e)
            if len(parties) >= (1 if e.type == "investment" else 2) and parties <= named:
                state.events.remove(e)


_AMOUNT_FIELDS = {"investment": "amount_usd", "acquisition": "amount_usd", "customer": "amount_usd"}


def _read_row(doc: Document, state: State, index: int, row: Row) -> None:
    """A roundup row in prose (内容 column): its sentences, then the row's amount for the one
    deal that states none."""
    state.disc.begin(index, "item", True)
    before = len(state.events)
    for text in row.texts:
        _read(doc, state, index, text, "item")
    deals = [e for e in state.events[before:] if e.type in _AMOUNT_FIELDS]
    if row.amount_usd is None or len(deals) != 1:
        return
    field = _AMOUNT_FIELDS[deals[0].type]
    if deals[0].fields.get(field) is None:
        deals[0].fields[field] = row.amount_usd


_FUNDING_CUE = re.compile(r"調達|出資|資金|ラウンド|投資(?:家|を受け)|増資")


def _follow(state: State, kind: str, text: str, *, first: bool) -> None:
    """Keep what leads into a list: a list that follows words of funding (主な調達案件は
    次の通り, 調達の歴史) is a list of rounds."""
    if kind == "item":
        if state.disc.unit != "item":
            state.funding_list = bool(_FUNDING_CUE.search(state.lead_text))
            state.cut_list = bool(LAYOFF_TRIGGER.search(state.lead_text))
        return
    state.funding_list = state.cut_list = False
    goes_on = kind == "text" and (not first or state.disc.unit == "heading")
    state.lead_text = state.lead_text + text if goes_on else text


def _lead_block(doc: Document) -> int:
    """The block of the article's first paragraph of prose."""
    return next((s.block for s in doc.sentences if s.kind == "text" and not s.listed), -1)


def _canonical(doc: Document) -> Any:
    """The registry's name for a name, or None."""

    def name_of(name: str) -> str | None:
        entry = doc.registry.lookup(name)
        return entry.name if entry is not None else None

    return name_of


def without_byline(text: str) -> str:
    """The sentence without an opening dateline or byline."""
    m = _BYLINE.match(text)
    return text if m is None else text[m.end() :]


def _context(doc: Document, state: State, index: int, raw: str, kind: str) -> Ctx:
    text = fold_ja(raw)
    quotes = [q for q in find_quotes(text) if not _spoken(text, q.start, q.end)]
    ments = find_mentions(text, doc.registry, state.learned, quotes)
    state.products.update(
        q.name
        for q in quotes
        if productish(q.name) and not alias_quote(text, q.start) and not org_quote(text, q.start)
    )
    for m in ments:
        if (
            not m.known
            and m.kind != "person"
            and m.source != "anaphor"  # 「…我々のソフトを…」: the speaker's company, no product
            and (m.quoted or m.name in state.products)
        ):
            m.kind = "product"
    _resolve(doc, state, index, text, ments, title=kind == "title")
    state.disc.end(index, ments, text)
    state.learned.learn(ments)
    ctx = Ctx(index, text, raw, kind, ments, quotes, doc.date, doc.rates)
    ctx.prepare()
    return ctx


def _spoken(text: str, start: int, end: int) -> bool:
    """An interview's answer: a quote that is the whole unit is speech, not a name, and the
    names in it are names."""
    return text[start] == "「" and not text[:start].strip() and not text[end:].strip(" 。")


def _resolve(
    doc: Document, state: State, index: int, text: str, ments: list[Ment], *, title: bool
) -> None:
    """Name back-references and surnames, then record every mention in the discourse."""
    for i, m in enumerate(ments):
        if m.kind in ("company", "unknown") and TALENT_DEPART.match(
            text,
            _TIME_GAP.match(text, m.pend).end(),  # type: ignore[union-attr]
        ):
            m.extra["left"] = True
        if m.kind in ("company", "unknown") and m.lp == "の" and _LICENSED.match(text, m.pend):
            m.extra["licensor"] = m.extra["past_of"] = True  # 英アームの設計を基にした: background
        if m.kind in ("company", "unknown") and (
            _past_of_person(text, ments, i)
            or _FORMER_BEFORE.search(text, 0, m.start - len(m.prefix))
        ):
            m.extra["past_of"] = True
    for i, m in enumerate(ments):
        resolve_mention(state.disc, index, ments, i)
        if (
            _PREDICATE_AFTER.match(text[m.pend :])
            or _PREDICATE_AFTER.match(text[m.end :])
            or (
                m.start - len(m.prefix) > 0
                and "は" not in text[: m.start]  # not a cleft: 主導したのは米X。
                and not m.lp
                and m.kind == "company"
                and _NOMINAL_END.match(text, m.pend)
            )
        ):
            m.extra["predicate"] = True  # …を開発する米X（X）。: a sentence that is the name
        state.disc.note(index, m, title=title)
        _note_entity(doc, m, state.noted)
    _note_groups(state, index, ments)


_LICENSED = re.compile(
    r"(?:設計|技術|アーキテクチャ|命令セット|回路)(?:を|に)(?:基|もと|ベース)(?:に|と|にし|とし)"
)
# Xを2022年に退社し: a date between the company left and the verb.
_TIME_GAP = re.compile(
    r"(?:(?:\d{2,4}年度?|昨年|今年|一昨年|昨春|昨夏|昨秋|昨冬)(?:\d{1,2}月)?(?:末|初め|頭|中)?(?:に|で)?、?)*"
)
_FORMER_BEFORE = re.compile(r"(?:前職|古巣|前の職場|以前の勤務先|前の勤め先)(?:の|である|は)$")
_PAST_POST = re.compile(
    r"出身|務めた|務めてきた|在籍した|率いた|率いてきた|統括した|携わった|携わってきた|勤めた|"
    r"を経て|元|前"
)


def _past_of_person(text: str, ments: list[Ment], i: int) -> bool:
    """A company named as where the person after it worked (米グーグルで…を務めた森田氏)."""
    m = ments[i]
    if text.startswith("出身", m.end):
        return True  # グーグル出身者
    nxt = ments[i + 1] if i + 1 < len(ments) else None
    if nxt is None or nxt.kind != "person" or m.lp in ("は", "が", "も"):
        return False
    gap = text[m.end : nxt.start]
    return len(gap) <= 30 and _PAST_POST.search(gap) is not None and not re.search("[はが]", gap)


def _note_groups(state: State, index: int, ments: list[Ment]) -> None:
    lists: dict[int, list[Ment]] = {}
    for m in ments:
        lists.setdefault(m.list_id, []).append(m)
    for members in lists.values():
        kinds = {m.kind for m in members}
        paired = len(members) == 2 and members[0].particle == "と"
        if (
            len(members) >= 2
            and (members[-1].lp in ("は", "が", "も") or paired)
            and len(kinds) == 1
        ):
            state.disc.note_group(
                index, members[0].kind, tuple(n for m in members for n in m.all_names)
            )
    for m in ments:
        if len(m.names) >= 2:
            state.disc.note_group(index, m.kind, m.names)


def _note_entity(doc: Document, m: Ment, noted: set[tuple[str, str]]) -> None:
    if m.source in ("anaphor", "surname") or not m.name or m.quoted or (m.name, m.surface) in noted:
        return
    noted.add((m.name, m.surface))
    kind = m.kind if m.kind in ("company", "person", "product") else "company"
    doc.note_entity(m.name, kind, m.surface if m.surface != m.name else None)


def _complete(event: Event) -> bool:
    """Findings with their key names (fragments merge into deals or are dropped later)."""
    keys: dict[str, tuple[str, ...]] = {
        "investment": (),
        "acquisition": ("acquirer", "target"),
        "partnership": ("companies",),
        "customer": ("vendor", "customer"),
        "talent_move": ("person",),
        "financial": ("company", "metric"),
        "product_launch": ("company", "product"),
        "layoff": ("company",),
    }
    fields: dict[str, Any] = event.fields
    return all(fields.get(k) for k in keys[event.type])
