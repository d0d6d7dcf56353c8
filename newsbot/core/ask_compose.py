"""Retrieved events → a short answer in the question's language, key figure or names first,
one line per event, then the sources. Never more than the events say.

``ask_select.selection`` chooses and ranks the events; ``compose_answer`` writes the text:
the figure or the names first (every name of a list, counted), what the answer stands in
for (the nearest period, moves that state no role), the events, the sources. Money is
written ``$14.3B`` / ``143億ドル``, head counts ``10,000`` / ``1万人``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from newsbot.core import ask_lexicon as lx
from newsbot.core.ask_parse import Intent, Slot
from newsbot.core.ask_select import (
    SINGLE_TITLES,
    Selection,
    figure,
    holders,
    participants,
    selection,
    unmatched,
    wanted_names,
)

MAX_LINES = 8
MAX_NAMES = 30

Event = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Source:
    """An article an answer rests on."""

    title: str
    site: str | None
    url: str
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "site": self.site, "url": self.url,
                "published": self.published}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer: its text, the events it rests on (FORMAT.md shape plus id and evidence)
    and its sources. ``found`` is False when the knowledge base had nothing."""

    text: str
    events: list[Event] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    lang: str = "en"
    found: bool = False
    understood: bool = True

    def to_json(self) -> dict[str, Any]:
        """``{"answer", "events", "sources"}`` as ``newsbot ask --json`` prints it."""
        return {"answer": self.text, "events": self.events,
                "sources": [s.to_dict() for s in self.sources]}  # fmt: skip


# ---------------------------------------------------------------- numbers


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def money(value: float, lang: str) -> str:
    """``$14.3B``, ``$760M`` / ``143億ドル``, ``7億6000万ドル``."""
    if lang == "ja":
        return _ja_units(value) + "ドル"
    for unit, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if abs(value) >= scale:
            return f"${_num(value / scale)}{unit}"
    return f"${_num(value)}"


def money_words(value: float) -> str:
    """``$14.3 billion``, ``$760 million``: the English event lines' form (the lead figure is
    ``money``'s short one), which reads as a sentence and as what a reader would type."""
    for unit, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            return f"${_num(value / scale)} {unit}"
    return f"${value:,.0f}"


def _ja_units(value: float) -> str:
    """143億, 7億6000万, 1万1000: exact to the unit."""
    n = round(value)
    if abs(n) < 10_000:
        return str(n)
    cho, rest = divmod(n, 10**12)
    oku, rest = divmod(rest, 10**8)
    man, rest = divmod(rest, 10**4)
    parts = [f"{cho}兆" if cho else "", f"{oku}億" if oku else "", f"{man}万" if man else "",
             str(rest) if rest else ""]  # fmt: skip
    return "".join(parts)


def head_count(n: int, lang: str) -> str:
    """``10,000`` / ``1万人``."""
    if lang == "ja":
        return (_ja_units(n) if n >= 10_000 else str(n)) + "人"
    return f"{n:,}"


def percent(value: float) -> str:
    return f"{_num(value)}%"


# ---------------------------------------------------------------- lines


def _join(names: Sequence[str], lang: str, limit: int = 6) -> str:
    if lang == "ja":
        shown = "、".join(names[:limit])
        return shown + (f"ほか{len(names) - limit}社" if len(names) > limit else "")
    if len(names) > limit:
        rest = len(names) - limit
        return ", ".join(names[:limit]) + f" and {rest} other" + ("s" if rest > 1 else "")
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _value(value: float, unit: str, lang: str) -> str:
    if unit == "usd":
        return money(value, lang)
    if unit == "pct":
        return percent(value)
    return head_count(int(value), lang)


METRIC_NAMES = {
    "en": {"revenue": "revenue", "arr": "ARR", "valuation": "valuation",
           "gross_margin": "gross margin", "funding_total": "total funding",
           "headcount": "headcount"},
    "ja": {"revenue": "売上高", "arr": "年間経常収益(ARR)", "valuation": "評価額",
           "gross_margin": "粗利益率", "funding_total": "累計調達額",
           "headcount": "従業員数"},
}  # fmt: skip
STATUS_NAMES = {"en": {"active": "active", "paused": "paused", "ended": "ended"},
                "ja": {"active": "継続中", "paused": "一時停止", "ended": "終了"}}  # fmt: skip


def event_line(e: Event, lang: str) -> str:
    """One event in one line, in ``lang``, with its date."""
    writer = (_JA_LINES if lang == "ja" else _EN_LINES).get(e.get("type", ""))
    text = writer(e) if writer else str(e.get("type"))
    when = e.get("date")
    if when:
        text += f"（{when}）" if lang == "ja" else f" ({when})"
    return text


def _m(e: Event, key: str, lang: str) -> str | None:
    value = e.get(key)
    if value is None:
        return None
    return money(float(value), lang) if lang == "ja" else money_words(float(value))


def _en_investment(e: Event) -> str:
    amount = _m(e, "amount_usd", "en")
    investors = e.get("investors") or []
    if investors:
        text = f"{_join(investors, 'en')} invested" + (f" {amount}" if amount else "")
        text += f" in {e.get('company')}"
    else:
        text = f"{e.get('company')} raised" + (f" {amount}" if amount else " funding")
    extras = [e["round"]] if e.get("round") else []
    if e.get("stake_pct") is not None:
        extras.append(f"{percent(e['stake_pct'])} stake")
    if e.get("valuation_usd") is not None:
        extras.append(f"valued at {money_words(e['valuation_usd'])}")
    return text + (f" ({'; '.join(extras)})" if extras else "")


def _ja_investment(e: Event) -> str:
    amount = _m(e, "amount_usd", "ja")
    investors = e.get("investors") or []
    if investors:
        text = f"{_join(investors, 'ja')}が{e.get('company')}に" + (
            f"{amount}を出資" if amount else "出資")
    else:
        text = f"{e.get('company')}が" + (f"{amount}を調達" if amount else "資金を調達")
    extras = [e["round"]] if e.get("round") else []
    if e.get("stake_pct") is not None:
        extras.append(f"出資比率{percent(e['stake_pct'])}")
    if e.get("valuation_usd") is not None:
        extras.append(f"評価額{money(e['valuation_usd'], 'ja')}")
    return text + (f"（{'、'.join(extras)}）" if extras else "")


def _en_acquisition(e: Event) -> str:
    amount = _m(e, "amount_usd", "en")
    return f"{e.get('acquirer')} acquired {e.get('target')}" + (f" for {amount}" if amount else "")


def _ja_acquisition(e: Event) -> str:
    amount = _m(e, "amount_usd", "ja")
    return f"{e.get('acquirer')}が{e.get('target')}を" + (f"{amount}で買収" if amount else "買収")


def _en_partnership(e: Event) -> str:
    text = f"{_join(e.get('companies') or [], 'en')} partnered"
    return text + (f": {e['summary']}" if e.get("summary") else "")


def _ja_partnership(e: Event) -> str:
    text = f"{_join(e.get('companies') or [], 'ja')}が提携"
    return text + (f"：{e['summary']}" if e.get("summary") else "")


def _en_customer(e: Event) -> str:
    text = f"{e.get('customer')} is a customer of {e.get('vendor')}"
    extras = [money_words(e["amount_usd"])] if e.get("amount_usd") is not None else []
    if e.get("status"):
        extras.append(f"status: {STATUS_NAMES['en'].get(e['status'], e['status'])}")
    return text + (f" ({'; '.join(extras)})" if extras else "")


def _ja_customer(e: Event) -> str:
    text = f"{e.get('customer')}は{e.get('vendor')}の顧客"
    extras = [money(e["amount_usd"], "ja")] if e.get("amount_usd") is not None else []
    if e.get("status"):
        extras.append(f"状態: {STATUS_NAMES['ja'].get(e['status'], e['status'])}")
    return text + (f"（{'、'.join(extras)}）" if extras else "")


def _en_move(e: Event) -> str:
    person, src, dst, role = e.get("person"), e.get("from"), e.get("to"), e.get("role")
    if src and dst and src == dst:
        return f"{person} became {role or 'a new role'} at {dst}"
    if src and dst:
        text = f"{person} moved from {src} to {dst}"
    elif src:
        return f"{person} left {src}" + (f" ({role})" if role else "")
    else:
        text = f"{person} joined {dst}"
    return text + (f" as {role}" if role else "")


def _ja_move(e: Event) -> str:
    person, src, dst, role = e.get("person"), e.get("from"), e.get("to"), e.get("role")
    if src and dst and src == dst:
        return f"{person}が{dst}の{role or '新しい役職'}に就任"
    if src and dst:
        text = f"{person}が{src}から{dst}へ移籍"
    elif src:
        return f"{person}が{src}を退社" + (f"（{role}）" if role else "")
    else:
        text = f"{person}が{dst}に参画"
    return text + (f"（{role}）" if role else "")


def _fin_value(e: Event, lang: str) -> str:
    if e.get("value_usd") is not None:
        value = float(e["value_usd"])
        return money(value, lang) if lang == "ja" else money_words(value)
    if e.get("value_pct") is not None:
        return percent(float(e["value_pct"]))
    return "?"


def _en_financial(e: Event) -> str:
    metric = METRIC_NAMES["en"].get(e.get("metric") or "", e.get("metric") or "figure")
    period = f" ({e['period']})" if e.get("period") else ""
    return f"{e.get('company')} {metric}{period}: {_fin_value(e, 'en')}"


def _ja_financial(e: Event) -> str:
    metric = METRIC_NAMES["ja"].get(e.get("metric") or "", e.get("metric") or "数値")
    period = f"（{e['period']}）" if e.get("period") else ""
    return f"{e.get('company')}の{metric}{period}: {_fin_value(e, 'ja')}"


def _en_layoff(e: Event) -> str:
    count = e.get("count")
    return f"{e.get('company')} cut " + (f"{head_count(count, 'en')} jobs" if count else "jobs")


def _ja_layoff(e: Event) -> str:
    count = e.get("count")
    return f"{e.get('company')}が" + (f"{head_count(count, 'ja')}を削減" if count else "人員を削減")


_EN_LINES = {
    lx.INV: _en_investment, lx.ACQ: _en_acquisition, lx.PART: _en_partnership,
    lx.CUST: _en_customer, lx.MOVE: _en_move, lx.FIN: _en_financial,
    lx.LAUNCH: lambda e: f"{e.get('company')} launched {e.get('product')}",
    lx.LAYOFF: _en_layoff,
}  # fmt: skip
_JA_LINES = {
    lx.INV: _ja_investment, lx.ACQ: _ja_acquisition, lx.PART: _ja_partnership,
    lx.CUST: _ja_customer, lx.MOVE: _ja_move, lx.FIN: _ja_financial,
    lx.LAUNCH: lambda e: f"{e.get('company')}が{e.get('product')}を発表",
    lx.LAYOFF: _ja_layoff,
}  # fmt: skip


# ---------------------------------------------------------------- the answer


def sources_of(events: Sequence[Event], limit: int) -> list[Source]:
    """The articles behind ``events``, each once, in the events' order, at most ``limit``."""
    found: dict[str, Source] = {}
    for e in events:
        for ev in e.get("evidence") or []:
            url = ev.get("article")
            if url and url not in found:
                site = ev.get("site") or urlsplit(url).hostname
                found[url] = Source(ev.get("title") or url, site, url, ev.get("published"))
    return list(found.values())[:limit]


def compose_answer(
    intent: Intent, events: Sequence[Event], *, lang: str | None = None, max_sources: int = 5,
    missing: Sequence[str] = (),
) -> Answer:  # fmt: skip
    """The answer to ``intent`` from ``events`` (retrieved for it); ``missing`` names entities
    known by name but absent from the knowledge base. When the question also names someone
    nothing knows, the answer says so and gives only what is known of the others."""
    lang = lang or intent.lang
    if not intent.understood:
        return Answer(not_understood(lang), lang=lang, understood=False)
    notes = [_unknown_note(n, lang) for n in intent.unknown]
    notes += [_missing_note(n, lang) for n in missing]
    if not notes and not intent.slots and not intent.anchor and not _open_ended(intent):
        return Answer(_who_note(lang), lang=lang)
    picked = selection(intent, events) if not missing else Selection()
    chosen = picked.events
    if not chosen:
        if not notes:
            notes.append(not_found(intent, lang))
        return Answer("\n".join(notes), lang=lang)
    shown = chosen[:MAX_LINES]
    if intent.unknown:
        head, listed = _news_headline(intent, lang), shown
    else:
        head, listed = _headline(intent, chosen, picked, lang)
    lines = [*notes, head, *_caveats(intent, picked, lang)]
    lines += [f"- {event_line(e, lang)}" for e in listed if e in shown]
    sources = sources_of(shown, max_sources)
    if sources:
        lines.append("出典:" if lang == "ja" else "Sources:")
        lines += [f"- {_source_line(s, lang)}" for s in sources]
    return Answer("\n".join(lines), list(shown), sources, lang, found=True)


def _source_line(s: Source, lang: str) -> str:
    where = ", ".join(x for x in (s.site, s.published) if x)
    return f"{s.title} — {where} — {s.url}" if where else f"{s.title} — {s.url}"


def _headline(
    intent: Intent, chosen: list[Event], picked: Selection, lang: str
) -> tuple[str, list[Event]]:
    """The first line (figure or names first) and the events listed under it."""
    top = chosen[0]
    end = "。" if lang == "ja" else "."
    if intent.want in (lx.FIGURE, lx.COUNT) and figure(top, intent) is not None and (
        intent.want == lx.FIGURE or top.get("type") == lx.LAYOFF
    ):
        head = _figure_headline(intent, chosen, lang)
        return head, chosen if _summed(intent, chosen) else chosen[1:]
    if intent.want == lx.COUNT:
        names = _names(intent, chosen) if intent.want_roles else []
        listed = names or [event_line(e, lang) for e in chosen]
        return f"{len(listed)} — {_join(listed, lang, MAX_NAMES)}{end}", chosen
    if intent.want == lx.DATE and top.get("date"):
        return f"{_spoken_date(top['date'], lang)} — {event_line(top, lang)}{end}", chosen[1:]
    if intent.want == lx.YESNO:
        if picked.nearest or (intent.still and top.get("status") not in (None, "active")):
            return ("いいえ。" if lang == "ja" else "No."), chosen  # the newest says it is not
        absent = unmatched(intent, chosen)  # "Did Microsoft and Apple invest in OpenAI?"
        if absent:
            who = _join([s.surface if lang == "ja" else s.name for s in absent], lang)
            return (f"いいえ（{who}の記録はありません）。" if lang == "ja" else
                    f"No — nothing is recorded for {who}."), chosen  # fmt: skip
            return ("いいえ。" if lang == "ja" else "No."), chosen
        return ("はい。" if lang == "ja" else "Yes."), chosen
    if intent.want in (lx.NAMES, lx.PERSON, lx.PLACE, lx.PRODUCT):
        single = intent.holder and intent.role_titles and all(t in SINGLE_TITLES or
                                                               t == "leader"
                                                               for t in intent.role_titles)
        names = _names(intent, holders(intent, chosen) if single else chosen)
        if names:
            return _names_line(intent, names, lang), chosen
    if intent.want == lx.NEWS:
        return _news_headline(intent, lang), chosen
    # The question asked for something these events do not state: say so first, so that
    # related news is never mistaken for the answer.
    return f"{not_found(intent, lang)}\n{_news_headline(intent, lang)}", chosen


def _names_line(intent: Intent, names: list[str], lang: str) -> str:
    """"A, B and C (3 in all)."."""
    text = _join(names, lang, MAX_NAMES)
    if len(names) >= 3 or (len(names) > 1 and (intent.count_asked or intent.list_all)):
        text += f"（計{len(names)}）" if lang == "ja" else f" ({len(names)} in all)"
    return text + ("。" if lang == "ja" else ".")


def _caveats(intent: Intent, picked: Selection, lang: str) -> list[str]:
    """What the answer stands in for: the nearest period, moves that state no role."""
    notes = []
    if picked.nearest and intent.time is not None and picked.events:
        asked = intent.time.text
        when = picked.events[0].get("period") if picked.events[0].get(
            "type") == lx.FIN and picked.events[0].get("period") else picked.events[0].get("date")
        notes.append(f"（{asked}の記録はありません。最も近い{when}のものです）" if lang == "ja" else
                     f"(Nothing is recorded for {asked}; the nearest is from {when}.)")
    if picked.unstated:
        notes.append("（その役職の記録はなく、役職の記載がない人物です）" if lang == "ja" else
                     "(No one is recorded with that title; these joined with no role stated.)")
    return notes


_MONTHS = ("January February March April May June July August September October November "
           "December").split()


def _spoken_date(value: str, lang: str) -> str:
    """``2024-04-24`` → "April 24, 2024 (2024-04-24)" / "2024年4月24日"."""
    parts = [int(p) for p in value.split("-")[:3] if p.isdigit()]
    if lang == "ja":
        return "".join(f"{n}{unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 3:
        return f"{_MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]} ({value})"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]} ({value})"
    return value


def _summable(intent: Intent, chosen: list[Event]) -> list[tuple[float, str]]:
    """The figures a total adds up, each round once (one round reported twice is one)."""
    seen: dict[tuple[str, int], tuple[float, str]] = {}
    for e in chosen:
        found = figure(e, intent)
        if found is None:
            continue
        key = ((e.get("round") or "").casefold(), round(found[0] / 1e6)) if e.get(
            "type") == lx.INV else (str(e.get("id", id(e))), 0)
        seen.setdefault(key, found)
    return list(seen.values())


def _sums_rounds(intent: Intent, chosen: list[Event]) -> bool:
    return intent.metric == "funding_total" and not any(e.get("type") == lx.FIN for e in chosen)


def _summed(intent: Intent, chosen: list[Event]) -> bool:
    """Whether the headline is a total of several figures of one unit."""
    figures = _summable(intent, chosen)
    asked = intent.total or _sums_rounds(intent, chosen)
    return asked and len(figures) > 1 and len({u for _, u in figures}) == 1


def _figure_headline(intent: Intent, chosen: list[Event], lang: str) -> str:
    end = "。" if lang == "ja" else "."
    figures = _summable(intent, chosen)
    rounds = _sums_rounds(intent, chosen)
    if _summed(intent, chosen):
        total = _value(sum(v for v, _ in figures), figures[0][1], lang)
        if rounds and lang == "ja":
            return f"合計{total}（記録にある{len(figures)}件の調達の合計。累計調達額の記載はありません）{end}"
        if rounds:
            return (f"{total} in total, the sum of the {len(figures)} rounds on record "
                    f"(no total funding figure is stated){end}")
        if lang == "ja":
            return f"合計{total}（{len(figures)}件）{end}"
        return f"{total} in total ({len(figures)} deals){end}"
    value, unit = figures[0]
    line = event_line(chosen[0], lang)
    if rounds:
        return (f"{_value(value, unit, lang)} — 記録にある唯一の調達です（累計調達額の記載はありません）: {line}{end}"
                if lang == "ja" else f"{_value(value, unit, lang)} — the only round on record "
                f"(no total funding figure is stated): {line}{end}")
    return f"{_value(value, unit, lang)} — {line}{end}"


def _names(intent: Intent, chosen: list[Event]) -> list[str]:
    names: list[str] = []
    for e in chosen:
        for n in wanted_names(intent, e) if intent.want_roles else participants(e):
            if n not in names:
                names.append(n)
    return names


def _news_headline(intent: Intent, lang: str) -> str:
    who = _join([s.name for s in intent.slots], lang) if intent.slots else ""
    if lang == "ja":
        return f"{who}に関する情報:" if who else "該当する出来事:"
    return f"What I found about {who}:" if who else "What I found:"


def _unknown_note(name: str, lang: str) -> str:
    if lang == "ja":
        return f"「{name}」に関する情報は見つかりませんでした（知識ベースにない名前です）。"
    return f"I couldn't find “{name}” in the knowledge base (it is not a name I know)."


def _open_ended(intent: Intent) -> bool:
    """Whether a question about no one in particular still makes sense ("Which companies
    announced layoffs this year?", "What are the latest acquisitions?")."""
    plural = any(w in intent.question.lower() for w in ("companies", "startups", "firms",
                                                         "deals", "企業", "会社", "案件"))
    hinted = intent.amount_hint or intent.count_hint  # "Which company cut 18,000 jobs?"
    return bool(intent.time or intent.latest or intent.want in (lx.NEWS, lx.COUNT) or plural
                or hinted)


def _who_note(lang: str) -> str:
    if lang == "ja":
        return "どの企業・人物についての質問か見つかりませんでした。名前を含めて質問してください。"
    return "I couldn't find which company or person you mean; please name them."


def _missing_note(name: str, lang: str) -> str:
    if lang == "ja":
        return f"{name}に関する情報は知識ベースに見つかりませんでした。"
    return f"I couldn't find anything about {name} in the knowledge base."


def not_understood(lang: str) -> str:
    """The polite answer to a question with nothing to look for."""
    if lang == "ja":
        return ("質問を理解できませんでした。企業名や人名と、出資・買収・提携・移籍・"
                "売上・発表などを含めて質問してください"
                "（例: 「メタはScale AIにいくら出資した?」）。")
    return ("I could not understand the question. Ask about a company or person and a deal, "
            "funding, acquisition, people move, revenue or launch, e.g. "
            "“How much did Microsoft invest in OpenAI?”")


# ---------------------------------------------------------------- "nothing found"

_TYPE_EN = {
    lx.INV: "an investment", lx.ACQ: "an acquisition", lx.PART: "a partnership",
    lx.CUST: "a customer relationship", lx.MOVE: "a people move", lx.FIN: "figures",
    lx.LAUNCH: "a product launch", lx.LAYOFF: "layoffs",
}  # fmt: skip
_TYPE_JA = {
    lx.INV: "出資", lx.ACQ: "買収", lx.PART: "提携", lx.CUST: "取引", lx.MOVE: "人材の移動",
    lx.FIN: "業績の数値", lx.LAUNCH: "製品の発表", lx.LAYOFF: "人員削減",
}  # fmt: skip
_ROLE_EN = {
    "investor": "by", "company": "in", "acquirer": "by", "target": "of", "vendor": "with",
    "customer": "for", "partner": "with", "person": "by", "from": "from", "to": "to",
    "product": "of",
}  # fmt: skip


def not_found(intent: Intent, lang: str) -> str:
    """"I couldn't find an investment by Apple in OpenAI …" / 「…は見つかりませんでした。」"""
    if lang == "ja":
        return _not_found_ja(intent)
    what = _or([_TYPE_EN[t] for t in intent.types]) if intent.types else "anything"
    if intent.metric:
        what = f"{METRIC_NAMES['en'].get(intent.metric, intent.metric)} figures"
    if all(len(s.roles) == 1 for s in intent.slots):
        parts = [what] + [_slot_phrase(s, intent) for s in intent.slots]
    else:
        parts = [what, "involving " + _join([s.name for s in intent.slots], "en")]
    if intent.status:
        parts.append("with status " + "/".join(intent.status))
    if intent.time is not None:
        parts.append(_time_phrase(intent))
    return f"I couldn't find {' '.join(parts)} in the knowledge base."


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _slot_phrase(slot: Slot, intent: Intent) -> str:
    if len(slot.roles) == 1 and slot.roles[0] in _ROLE_EN:
        if slot.roles[0] == "company" and intent.types and lx.INV not in intent.types:
            return f"for {slot.name}"
        return f"{_ROLE_EN[slot.roles[0]]} {slot.name}"
    return f"involving {slot.name}"


def _time_phrase(intent: Intent) -> str:
    window = intent.time
    assert window is not None
    if window.period:
        return f"in {window.period}"
    since = window.since.isoformat() if window.since else None
    until = window.until.isoformat() if window.until else None
    if since and until:
        return f"between {since} and {until}"
    return f"since {since}" if since else f"until {until}"


def _not_found_ja(intent: Intent) -> str:
    what = "・".join(_TYPE_JA[t] for t in intent.types) if intent.types else "情報"
    if intent.metric:
        what = METRIC_NAMES["ja"].get(intent.metric, intent.metric)
    who = "、".join(s.name for s in intent.slots)
    when = ""
    if intent.time is not None:
        window = intent.time
        when = window.period or "～".join(
            d.isoformat() if d else "" for d in (window.since, window.until))
        when = f"（{when}）"
    subject = f"{who}に関する{what}" if who else what
    return f"{subject}{when}の情報は見つかりませんでした。"


def window_bounds(intent: Intent) -> tuple[date | None, date | None]:
    """The date window retrieval should use (none for a figure of a named period: its
    articles may be dated long after the period)."""
    window = intent.time
    if window is None or (window.period and intent.metric):
        return None, None
    until = window.until + timedelta(days=0) if window.until else None
    return window.since, until
