"""The daily digest: a day's new events, grouped, ranked and rendered.

Pure: the events come in as FORMAT.md-shaped dicts with their evidence (what
``newsbot.store.events.event_records`` returns), the day, the language and how well known
each entity is (``popularity``: canonical name → a count such as the articles that mention
it). Nothing here reads a clock, a file or a database.

Ranking weighs what readers care about: the money involved (log scale), how well known the
participants are, how many articles report the event, the kind of event and the extractor's
confidence. Renderers give Markdown (``newsbot digest``), JSON, and a Discord message whose
embeds stay within Discord's limits; scraped text is escaped so it can neither ping anyone
nor break the formatting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal
from urllib.parse import urlsplit

__all__ = [
    "LIMITS",
    "SECTIONS",
    "Digest",
    "DigestItem",
    "DiscordMessage",
    "SourceRef",
    "compose_digest",
    "embeds_length",
    "escape_text",
    "format_money",
    "headline",
    "render_alert",
    "render_discord",
    "render_json",
    "render_markdown",
    "score_event",
]

Lang = Literal["en", "ja"]
SECTIONS = ("deals", "people", "company")
SECTION_OF = {
    "investment": "deals", "acquisition": "deals", "partnership": "deals", "customer": "deals",
    "talent_move": "people", "financial": "company", "product_launch": "company",
    "layoff": "company",
}  # fmt: skip
TYPE_WEIGHT = {
    "acquisition": 1.2, "investment": 1.0, "talent_move": 0.8, "customer": 0.7,
    "layoff": 0.7, "partnership": 0.6, "product_launch": 0.6, "financial": 0.5,
}  # fmt: skip
NAME_FIELDS = ("company", "investors", "acquirer", "target", "companies", "vendor", "customer",
               "person", "from", "to", "product")  # fmt: skip
# Discord's limits on one message (https://discord.com/developers/docs/resources/message).
LIMITS = {"content": 2000, "embeds": 10, "title": 256, "description": 4096, "fields": 25,
          "field_name": 256, "field_value": 1024, "footer": 2048, "total": 6000}  # fmt: skip
MAX_SOURCES = 3
COLOUR = 0x2B6CB0

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "AI industry digest — {day}",
        "deals": "Deals", "people": "People", "company": "Company news",
        "summary": "{events} new {events_word} from {articles} {articles_word}.",
        "quiet": "A quiet day: no new deals, moves or company news on {day}.",
        "more": "…and {n} more not shown.",
        "sources": "Sources", "more_sources": "+{n} more",
        "watch": "Watchlist: {names}",
    },
    "ja": {
        "title": "AI業界ダイジェスト {day}",
        "deals": "ディール", "people": "人事", "company": "企業ニュース",
        "summary": "新着イベント{events}件（記事{articles}本）。",
        "quiet": "{day}は新しいディール・人事・企業ニュースはありませんでした。",
        "more": "ほか{n}件は省略。",
        "sources": "出典", "more_sources": "ほか{n}件",
        "watch": "ウォッチリスト: {names}",
    },
}  # fmt: skip
METRIC = {
    "en": {"revenue": "revenue", "arr": "annualised revenue (ARR)", "valuation": "valuation",
           "gross_margin": "gross margin", "funding_total": "total funding"},
    "ja": {"revenue": "売上高", "arr": "年間経常収益（ARR）", "valuation": "評価額",
           "gross_margin": "粗利益率", "funding_total": "累計調達額"},
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceRef:
    """An article reporting an event."""

    title: str
    site: str
    url: str
    published: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One ranked event with its sentence of news and its sources."""

    event: dict[str, Any]
    section: str
    headline: str
    details: str
    score: float
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """A day's digest: sections in order (deals, people, company news), best first."""

    day: date
    lang: Lang
    sections: dict[str, tuple[DigestItem, ...]]
    total: int
    articles: int
    quiet_day: str = "message"

    @property
    def items(self) -> list[DigestItem]:
        return [item for key in SECTIONS for item in self.sections.get(key, ())]

    @property
    def shown(self) -> int:
        return len(self.items)

    @property
    def omitted(self) -> int:
        return self.total - self.shown

    @property
    def quiet(self) -> bool:
        return self.total == 0

    @property
    def silent(self) -> bool:
        """Nothing to post: a quiet day configured to be skipped."""
        return self.quiet and self.quiet_day == "skip"

    @property
    def title(self) -> str:
        return _t(self.lang, "title", day=format_day(self.day, self.lang))

    @property
    def summary(self) -> str:
        """One line under the title: counts, or the quiet-day message."""
        if self.quiet:
            return _t(self.lang, "quiet", day=format_day(self.day, self.lang))
        return _t(self.lang, "summary", events=self.total, articles=self.articles,
                  events_word=_plural(self.total, "event"),
                  articles_word=_plural(self.articles, "article"))  # fmt: skip

    def section_title(self, key: str) -> str:
        return _t(self.lang, key)


@dataclass(slots=True)
class DiscordMessage:
    """What to post: message content and embed dicts (files are the caller's)."""

    content: str
    embeds: list[dict[str, Any]] = field(default_factory=list)


# ------------------------------------------------------------------ composing


def compose_digest(
    events: Sequence[dict[str, Any]],
    day: date,
    *,
    lang: str = "en",
    max_events: int = 15,
    popularity: Mapping[str, float] | None = None,
    quiet_day: str = "message",
) -> Digest:
    """The digest of ``day`` from that day's new events (the caller picks them)."""
    language: Lang = "ja" if lang == "ja" else "en"
    popularity = popularity or {}
    ranked = sorted((_item(e, language, popularity) for e in events if e.get("type") in SECTION_OF),
                    key=lambda item: (-item.score, item.event.get("id") or 0))  # fmt: skip
    kept = set(map(id, _select(ranked, max(0, max_events))))
    sections = {key: tuple(i for i in ranked if i.section == key and id(i) in kept)
                for key in SECTIONS}  # fmt: skip
    articles = {s.url for item in ranked for s in item.sources}
    return Digest(day, language, {k: v for k, v in sections.items() if v}, len(ranked),
                  len(articles), quiet_day)  # fmt: skip


def _select(ranked: list[DigestItem], limit: int) -> list[DigestItem]:
    """The best ``limit`` items, each section keeping a fifth of the places if it can.

    Money dominates the scores, so without a quota a busy day of funding rounds would
    push every hire and launch out of the digest.
    """
    quota = max(1, limit // 5) if limit else 0
    places: list[int] = []
    for key in SECTIONS:
        places += [n for n, item in enumerate(ranked) if item.section == key][:quota]
    places = sorted(places)[:limit]
    rest = [n for n in range(len(ranked)) if n not in set(places)]
    return [ranked[n] for n in sorted(places + rest[: limit - len(places)])]


def _item(event: dict[str, Any], lang: Lang, popularity: Mapping[str, float]) -> DigestItem:
    return DigestItem(
        event=event,
        section=SECTION_OF[event["type"]],
        headline=headline(event, lang),
        details=details(event, lang),
        score=score_event(event, popularity),
        sources=sources_of(event),
    )


def score_event(event: dict[str, Any], popularity: Mapping[str, float]) -> float:
    """How much an event matters: money, fame of the participants, sources, kind, confidence."""
    usd = _money(event)
    money = max(0.0, math.log10(usd) - 6.0) if usd else 0.0  # $1M → 0, $1B → 3, $100B → 5
    fame = sorted((popularity.get(name, 0.0) for name in names_in(event)), reverse=True)
    known = sum(
        weight * math.log2(1 + max(0.0, f)) for weight, f in zip((1.0, 0.5), fame, strict=False)
    )
    reports = len(sources_of(event))
    return round(
        TYPE_WEIGHT.get(event.get("type", ""), 0.5) + money + 0.6 * known
        + 1.5 * math.log2(max(1, reports)) + float(event.get("confidence") or 0.5),
        4,
    )  # fmt: skip


def _money(event: dict[str, Any]) -> float | None:
    for key in ("amount_usd", "value_usd"):
        value = event.get(key)
        if isinstance(value, int | float) and value > 0:
            return float(value)
    valuation = event.get("valuation_usd")
    if isinstance(valuation, int | float) and valuation > 0:
        return float(valuation) / 10  # a valuation matters, but less than money changing hands
    return None


def names_in(event: dict[str, Any]) -> list[str]:
    """Every entity name an event mentions, in field order, once each."""
    names: list[str] = []
    for key in NAME_FIELDS:
        value = event.get(key)
        for name in value if isinstance(value, list) else [value]:
            if isinstance(name, str) and name and name not in names:
                names.append(name)
    return names


def sources_of(event: dict[str, Any]) -> tuple[SourceRef, ...]:
    """The distinct articles of an event's evidence, in the order given (oldest first)."""
    seen: dict[str, SourceRef] = {}
    for ev in event.get("evidence") or []:
        url = str(ev.get("article") or "")
        if url and url not in seen:
            title = _plain(str(ev.get("title") or "")) or url
            site = _plain(str(ev.get("site") or "")) or urlsplit(url).netloc or url
            seen[url] = SourceRef(title, site, url, ev.get("published"), ev.get("lang"))
    return tuple(seen.values())


# ------------------------------------------------------------------ wording


def format_day(day: date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "ja" else day.isoformat()


def format_money(usd: float, lang: str) -> str:
    """``$14.3B`` / ``143億ドル``: three significant figures, the unit readers use."""
    if lang == "ja":
        return _ja_money(usd)
    for unit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if usd >= unit * 0.9995:
            return f"${_sig(usd / unit)}{suffix}"
    return f"${usd:,.0f}"


def _sig(x: float) -> str:
    text = f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _ja_money(usd: float) -> str:
    value = float(f"{usd:.4g}")
    parts, rest = [], value
    for unit, name in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
        whole = int(rest // unit)
        if whole:
            parts.append(f"{whole}{name}")
            rest -= whole * unit
    if not parts:
        return f"{value:,.0f}ドル"
    return "".join(parts) + "ドル"


def _names(value: Any, lang: str) -> str:
    names = [_plain(n) for n in (value if isinstance(value, list) else [value]) if n]
    if lang == "ja" or len(names) < 2:
        return "、".join(names) if lang == "ja" else "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def headline(event: dict[str, Any], lang: str) -> str:
    """The event as one sentence of news, in English or Japanese (names unescaped)."""
    kind = event.get("type", "")
    fn = (_JA if lang == "ja" else _EN).get(kind)
    return fn(event) if fn else kind


def details(event: dict[str, Any], lang: str) -> str:
    """Secondary facts: round, valuation, stake; a partnership's summary."""
    ja = lang == "ja"
    bits: list[str] = []
    if event.get("round"):
        bits.append(("ラウンド: " if ja else "") + _plain(event["round"]))
    if event.get("valuation_usd") and event.get("type") == "investment":
        money = format_money(event["valuation_usd"], lang)
        bits.append(f"評価額{money}" if ja else f"valued at {money}")
    if event.get("stake_pct"):
        bits.append(f"出資比率{event['stake_pct']:g}%" if ja else f"{event['stake_pct']:g}% stake")
    if event.get("type") == "partnership" and event.get("summary"):
        bits.append(_shorten(_plain(event["summary"]), 200))
    return ("、" if ja else "; ").join(bits)


def _m(event: dict[str, Any], lang: str, key: str = "amount_usd") -> str | None:
    value = event.get(key)
    return format_money(value, lang) if isinstance(value, int | float) and value > 0 else None


def _en_investment(e: dict[str, Any]) -> str:
    money, investors = _m(e, "en"), _names(e.get("investors") or [], "en")
    if money:
        return f"{_names(e.get('company'), 'en')} raises {money}" + (
            f" from {investors}" if investors else ""
        )
    if investors:
        verb = "invests" if len(e.get("investors") or []) == 1 else "invest"
        return f"{investors} {verb} in {_names(e.get('company'), 'en')}"
    return f"{_names(e.get('company'), 'en')} raises new funding"


def _ja_investment(e: dict[str, Any]) -> str:
    money, investors = _m(e, "ja"), _names(e.get("investors") or [], "ja")
    company = _names(e.get("company"), "ja")
    if money:
        return f"{company}が{money}を調達" + (f"（出資: {investors}）" if investors else "")
    if investors:
        return f"{investors}が{company}に出資"
    return f"{company}が資金調達"


def _en_acquisition(e: dict[str, Any]) -> str:
    money = _m(e, "en")
    text = f"{_names(e.get('acquirer'), 'en')} acquires {_names(e.get('target'), 'en')}"
    return text + (f" for {money}" if money else "")


def _ja_acquisition(e: dict[str, Any]) -> str:
    money = _m(e, "ja")
    head = f"{_names(e.get('acquirer'), 'ja')}が{_names(e.get('target'), 'ja')}を"
    return head + (f"{money}で買収" if money else "買収")


def _en_partnership(e: dict[str, Any]) -> str:
    return f"{_names(e.get('companies') or [], 'en')} partner"


def _ja_partnership(e: dict[str, Any]) -> str:
    return "と".join(_plain(n) for n in e.get("companies") or []) + "が提携"


def _en_customer(e: dict[str, Any]) -> str:
    customer, vendor = _names(e.get("customer"), "en"), _names(e.get("vendor"), "en")
    money = _m(e, "en")
    status = e.get("status")
    if status == "paused":
        return f"{customer} pauses its use of {vendor}"
    if status == "ended":
        return f"{customer} ends its contract with {vendor}"
    return f"{customer} signs with {vendor}" + (f" ({money})" if money else "")


def _ja_customer(e: dict[str, Any]) -> str:
    customer, vendor = _names(e.get("customer"), "ja"), _names(e.get("vendor"), "ja")
    money = _m(e, "ja")
    status = e.get("status")
    if status == "paused":
        return f"{customer}が{vendor}の利用を停止"
    if status == "ended":
        return f"{customer}が{vendor}との契約を終了"
    return f"{customer}が{vendor}と契約" + (f"（{money}）" if money else "")


def _en_move(e: dict[str, Any]) -> str:
    person, src, dst = _names(e.get("person"), "en"), e.get("from"), e.get("to")
    role = _plain(e.get("role") or "")
    as_role = f" as {role}" if role else ""
    if dst and "founder" in role.lower():
        return f"{person} co-founds {_plain(dst)}"
    if src and dst and src == dst:
        return f"{person} takes a new role at {_plain(dst)}{as_role}"
    if src and dst:
        return f"{person} moves from {_plain(src)} to {_plain(dst)}{as_role}"
    if dst:
        return f"{person} joins {_plain(dst)}{as_role}"
    return f"{person} leaves {_plain(src or '?')}"


def _ja_move(e: dict[str, Any]) -> str:
    person, src, dst = _names(e.get("person"), "ja"), e.get("from"), e.get("to")
    role = _plain(e.get("role") or "")
    as_role = f"（{role}）" if role else ""
    if dst and "founder" in role.lower():
        return f"{person}が{_plain(dst)}を共同創業"
    if src and dst and src == dst:
        return f"{person}が{_plain(dst)}で新たな役職に{as_role}"
    if src and dst:
        return f"{person}が{_plain(src)}から{_plain(dst)}へ移籍{as_role}"
    if dst:
        return f"{person}が{_plain(dst)}に参画{as_role}"
    return f"{person}が{_plain(src or '?')}を退社"


def _figure(e: dict[str, Any], lang: str) -> str:
    money = _m(e, lang, "value_usd")
    if money:
        return money
    pct = e.get("value_pct")
    return f"{pct:g}%" if isinstance(pct, int | float) else "?"


def _en_financial(e: dict[str, Any]) -> str:
    label = METRIC["en"].get(e.get("metric") or "", _plain(e.get("metric") or "figure"))
    period = f" ({_plain(e['period'])})" if e.get("period") else ""
    return f"{_names(e.get('company'), 'en')} {label}: {_figure(e, 'en')}{period}"


def _ja_financial(e: dict[str, Any]) -> str:
    label = METRIC["ja"].get(e.get("metric") or "", _plain(e.get("metric") or "指標"))
    period = f"（{_plain(e['period'])}）" if e.get("period") else ""
    return f"{_names(e.get('company'), 'ja')}の{label}: {_figure(e, 'ja')}{period}"


def _en_launch(e: dict[str, Any]) -> str:
    if not e.get("company"):
        return f"{_plain(e.get('product') or '?')} launches"
    return f"{_names(e.get('company'), 'en')} launches {_plain(e.get('product') or 'a product')}"


def _ja_launch(e: dict[str, Any]) -> str:
    if not e.get("company"):
        return f"{_plain(e.get('product') or '?')}が登場"
    return f"{_names(e.get('company'), 'ja')}が{_plain(e.get('product') or '新製品')}を発表"


def _en_layoff(e: dict[str, Any]) -> str:
    count = e.get("count")
    company = _names(e.get("company"), "en")
    return f"{company} cuts {count:,} jobs" if count else f"{company} announces layoffs"


def _ja_layoff(e: dict[str, Any]) -> str:
    count = e.get("count")
    company = _names(e.get("company"), "ja")
    return f"{company}が{count:,}人を削減" if count else f"{company}が人員削減を発表"


_EN = {"investment": _en_investment, "acquisition": _en_acquisition,
       "partnership": _en_partnership, "customer": _en_customer, "talent_move": _en_move,
       "financial": _en_financial, "product_launch": _en_launch, "layoff": _en_layoff}  # fmt: skip
_JA = {"investment": _ja_investment, "acquisition": _ja_acquisition,
       "partnership": _ja_partnership, "customer": _ja_customer, "talent_move": _ja_move,
       "financial": _ja_financial, "product_launch": _ja_launch, "layoff": _ja_layoff}  # fmt: skip


def _t(lang: str, key: str, **values: Any) -> str:
    return TEXT.get(lang, TEXT["en"])[key].format(**values)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


# ------------------------------------------------------------------ escaping

_WS = re.compile(r"\s+")
_MARKDOWN = re.compile(r"([\\*_~`|>\[\]])")


def _plain(text: Any) -> str:
    """Scraped text on one line: whitespace collapsed, surrounding space stripped."""
    return _WS.sub(" ", str(text)).strip()


def escape_text(text: str) -> str:
    """Scraped text made inert in Discord and Markdown: no pings, no formatting, no links.

    Markdown specials get a backslash; ``@`` gets a zero-width space after it, so
    ``@everyone``, ``<@123>`` and ``<@&123>`` never mention anyone even where
    allowed_mentions is not set; brackets cannot form a masked link.
    """
    return _MARKDOWN.sub(r"\\\1", _plain(text)).replace("@", "@\u200b")


def _safe_url(url: str) -> str | None:
    """An http(s) URL fit for ``[text](url)``: no spaces, parentheses or angle brackets."""
    if not re.match(r"^https?://[^\s]+$", url or ""):
        return None
    for ch, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ("\\", "%5C")):
        url = url.replace(ch, code)
    return url


def _link(source: SourceRef, limit: int = 120) -> str:
    title = escape_text(_shorten(source.title, limit))
    url = _safe_url(source.url)
    return f"[{title}]({url})" if url else title


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


# ------------------------------------------------------------------ Markdown and JSON


def render_markdown(digest: Digest, *, max_sources: int = MAX_SOURCES) -> str:
    """The digest as a Markdown document (``newsbot digest``); empty when silent."""
    if digest.silent:
        return ""
    lines = [f"# {digest.title}", "", digest.summary]
    number = 0
    for key, items in digest.sections.items():
        lines += ["", f"## {digest.section_title(key)}", ""]
        for item in items:
            number += 1
            lines += _markdown_item(number, item, digest.lang, max_sources)
    if digest.omitted > 0:
        lines += ["", _t(digest.lang, "more", n=digest.omitted)]
    return "\n".join(lines) + "\n"


def _markdown_item(number: int, item: DigestItem, lang: str, max_sources: int) -> list[str]:
    head = f"{number}. **{escape_text(item.headline)}**"
    if item.details:
        head += f" — {escape_text(item.details)}"
    refs = [f"{_link(s)} ({escape_text(s.site)}{', ' + s.published if s.published else ''})"
            for s in item.sources[:max_sources]]  # fmt: skip
    extra = len(item.sources) - max_sources
    if extra > 0:
        refs.append(_t(lang, "more_sources", n=extra))
    label = _t(lang, "sources")
    return [head, f"   {label}: " + " · ".join(refs)] if refs else [head]


def render_json(digest: Digest) -> dict[str, Any]:
    """The digest as JSON-ready data: sections of items with their event and sources."""
    return {
        "day": digest.day.isoformat(),
        "lang": digest.lang,
        "title": digest.title,
        "summary": digest.summary,
        "quiet": digest.quiet,
        "total": digest.total,
        "shown": digest.shown,
        "articles": digest.articles,
        "sections": [
            {"key": key, "title": digest.section_title(key),
             "items": [_json_item(item) for item in items]}
            for key, items in digest.sections.items()
        ],
    }  # fmt: skip


def _json_item(item: DigestItem) -> dict[str, Any]:
    event = {k: v for k, v in item.event.items() if k != "evidence"}
    return {
        "headline": item.headline,
        "details": item.details,
        "score": item.score,
        "event": event,
        "sources": [
            {"title": s.title, "site": s.site, "url": s.url, "published": s.published,
             "lang": s.lang}
            for s in item.sources
        ],
    }  # fmt: skip


# ------------------------------------------------------------------ Discord


def render_discord(
    digest: Digest, *, marker: str | None = None, image: str | None = None
) -> DiscordMessage:
    """The digest as one Discord message within Discord's limits.

    ``marker`` (a reference that identifies this post) ends the content as small text;
    ``image`` is an attached file's name shown in the last embed. Sources are cut, then
    the lowest-ranked events, until everything fits (≤ 10 embeds, ≤ 6,000 characters).
    """
    content = f"**{escape_text(digest.title)}**\n{escape_text(digest.summary)}"
    if marker:
        content += f"\n-# {marker}"
    content = _shorten(content, LIMITS["content"])
    if digest.quiet:
        return DiscordMessage(content, [])
    embeds = _fit_embeds(digest)
    if image and embeds:
        embeds[-1]["image"] = {"url": f"attachment://{image}"}
    return DiscordMessage(content, embeds)


def _fit_embeds(digest: Digest) -> list[dict[str, Any]]:
    current = digest
    while True:
        for max_sources in (MAX_SOURCES, 2, 1):
            embeds = _section_embeds(current, max_sources)
            size = embeds_length(embeds)
            if len(embeds) <= LIMITS["embeds"] and size <= LIMITS["total"]:
                return embeds
        per_item = size / max(1, current.shown)
        current = _drop_lowest(current, max(1, math.ceil((size - LIMITS["total"]) / per_item)))


def _drop_lowest(digest: Digest, n: int) -> Digest:
    """The digest without its ``n`` lowest-ranked events (they then count as not shown)."""
    ranked = sorted(digest.items, key=lambda i: (i.score, -(i.event.get("id") or 0)))
    worst = {id(i) for i in ranked[:n]}
    sections = {k: tuple(i for i in v if id(i) not in worst) for k, v in digest.sections.items()}
    return replace(digest, sections={k: v for k, v in sections.items() if v})


def _section_embeds(digest: Digest, max_sources: int) -> list[dict[str, Any]]:
    embeds: list[dict[str, Any]] = []
    number = 0
    for key, items in digest.sections.items():
        for start in range(0, len(items), LIMITS["fields"]):
            chunk = items[start : start + LIMITS["fields"]]
            fields = []
            for item in chunk:
                number += 1
                fields.append(_field(number, item, digest.lang, max_sources))
            title = escape_text(digest.section_title(key))
            embeds.append({"title": title, "color": COLOUR, "fields": fields})
    if digest.omitted > 0 and embeds:
        embeds[-1]["description"] = escape_text(_t(digest.lang, "more", n=digest.omitted))
    return embeds


def _field(number: int, item: DigestItem, lang: str, max_sources: int) -> dict[str, Any]:
    name = _shorten(f"{number}. {escape_text(item.headline)}", LIMITS["field_name"])
    lines = [escape_text(item.details)] if item.details else []
    refs = [f"{_link(s, 90)} · {escape_text(s.site)}" for s in item.sources[:max_sources]]
    extra = len(item.sources) - max_sources
    if extra > 0:
        refs.append(_t(lang, "more_sources", n=extra))
    lines += refs
    value = _fit_lines(lines, LIMITS["field_value"]) or "—"
    return {"name": name, "value": value, "inline": False}


def _fit_lines(lines: list[str], limit: int) -> str:
    """Whole lines while they fit (a cut link would show as broken markup)."""
    out = ""
    for line in lines:
        candidate = f"{out}\n{line}" if out else line
        if len(candidate) > limit:
            return out or _shorten(line, limit)
        out = candidate
    return out


def embeds_length(embeds: Iterable[dict[str, Any]]) -> int:
    """Characters Discord counts towards the 6,000 of a message's embeds."""
    total = 0
    for embed in embeds:
        total += len(embed.get("title") or "") + len(embed.get("description") or "")
        total += len((embed.get("footer") or {}).get("text") or "")
        total += len((embed.get("author") or {}).get("name") or "")
        for f in embed.get("fields") or []:
            total += len(f.get("name") or "") + len(f.get("value") or "")
    return total


def render_alert(event: dict[str, Any], lang: str, *, watched: Sequence[str]) -> DiscordMessage:
    """A watchlist alert: which watched names it concerns, the event and its sources."""
    language: Lang = "ja" if lang == "ja" else "en"
    names = ", ".join(escape_text(n) for n in watched)
    content = _shorten(_t(language, "watch", names=names), LIMITS["content"])
    lines = [escape_text(details(event, language))] if details(event, language) else []
    lines += [f"{_link(s)} · {escape_text(s.site)}" for s in sources_of(event)[:MAX_SOURCES]]
    embed: dict[str, Any] = {
        "title": _shorten(escape_text(headline(event, language)), LIMITS["title"]),
        "color": COLOUR,
    }
    if lines:
        embed["description"] = _fit_lines(lines, LIMITS["description"])
    if event.get("date"):
        embed["footer"] = {"text": str(event["date"])}
    return DiscordMessage(content, [embed])
