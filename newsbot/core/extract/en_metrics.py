"""English rules for financial figures, layoffs and product launches."""

from __future__ import annotations

import re

from newsbot.core.extract.en_common import (
    ENT,
    Found,
    blocked,
    clause_end,
    cued,
    funding_total,
    is_per_unit,
    org_name,
    possessor,
    rx,
    subject,
)
from newsbot.core.extract.en_names import (
    E_CLOSE,
    E_OPEN,
    M_CLOSE,
    M_OPEN,
    Context,
    Ent,
    Parsed,
    focus_company,
    speaker_company,
)
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.extract.numbers import CountMatch, find_count, find_percent
from newsbot.core.extract.periods import find_periods

# financial figures ---------------------------------------------------------------------------

_METRICS = (
    (
        r"annual(?:ized)?\s+recurring\s+revenue|\bARR\b|run-rate\s+revenue|"
        r"(?:annuali[sz]ed\s+)?revenue\s+run[\s-]rate|"
        r"annuali[sz]ed\s+revenue|run\s+rate",
        "arr",
    ),
    (r"gross\s+margins?", "gross_margin"),
    (r"(?:total\s+)?(?:revenue|revenues|sales|turnover)", "revenue"),
)
_METRIC = re.compile("|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_METRICS)), re.IGNORECASE)
_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|project\w*|guidance|guided|guides|guide|outlook|target\w*|outlook|aims?|plans?|could|"
    r"would|might|(?-i:may)|estimat\w*|predict\w*|anticipat\w*|goal|hopes?|on\s+track|"
    r"is\s+set\s+to|will)\b",
    re.IGNORECASE,
)
_NOT_COMPANY_METRIC = re.compile(r"\b(?:each|per|every|accounts?|customers?)\b", re.IGNORECASE)
_VALUED = cued(
    r"\b(?:is|was|has\s+been|are|now)\s+(?:now\s+)?valued\s+at\s+(?:(?:about|around|"
    r"roughly|more\s+than|nearly|some)\s+)*{M:m}",
    "valued",
)
_AT_WHICH_VALUED = cued(
    r"{M:m}\s+(?:at\s+which|that)\s+{E:co}\s+(?:itself\s+)?(?:was|is|had\s+been|"
    r"has\s+been)\s+valued",
    "valued",
)
_RAISED = cued(
    r"\b(?:raised|raising|raises|secured|received|attracted|pulled\s+in|amassed)\s+(?:(?:a\s+total\s+of|"
    r"more\s+than|over|nearly|almost|about|roughly|some|around|approximately|just\s+over|"
    r"just\s+under|an\s+estimated)\s+)*{M:m}|\btotal\s+(?:funding|capital\s+raised|raised)\s+"
    r"(?:of|to|at)\s+(?:(?:about|more\s+than|nearly|over)\s+)*{M:m2}",
    "rais",
    "secur",
    "receiv",
    "attract",
    "pulled",
    "amass",
    "total",
)


def _valuation(
    p: Parsed,
    ctx: Context,
    out: Found,
    company: Ent | None,
    amount: MoneyMatch | None,
    end: int,
    confidence: float,
) -> None:
    """A company's valuation as a figure of its own, dated by what follows it."""
    name = org_name(company)
    if name and amount:
        fields = _fin(name, "valuation", amount.money.usd, None, _period_after(p, ctx, end))
        out.add(p, "financial", fields, confidence, names=[company], money=amount)


def financials(p: Parsed, ctx: Context, out: Found) -> None:
    """Revenue, ARR, gross margin, standalone valuations and total funding with their periods.
    Headlines state figures without their period: the body is read for them instead."""
    if p.sentence.kind == "title":
        return
    last: Ent | None = None
    for m in _METRIC.finditer(p.masked):
        metric = next(_METRICS[int(k[1:])][1] for k, v in m.groupdict().items() if v)
        last = _metric(p, ctx, out, m, metric, last) or last
    for m in _VALUED.finditer(p.masked):
        if any(e.type == "investment" for e in out.events):
            continue
        company = subject(p, m.start(), ctx)
        if not blocked(p, m.start(), m.end()):
            _valuation(p, ctx, out, company, p.amount(m.group("m")), m.end(), 0.65)
    for m in _AT_WHICH_VALUED.finditer(p.masked):
        if not blocked(p, m.end() - 5, m.end()):
            company = p.ent(m.group("co"))
            _valuation(p, ctx, out, company, p.amount(m.group("m")), m.end(), 0.6)
    for m in _RAISED.finditer(p.masked):
        if m.group("m") and not funding_total(p, m.start(), m.start("m")):
            continue
        company = subject(p, m.start(), ctx)
        amount = p.amount(m.group("m") or m.group("m2"))
        if org_name(company) and amount and not blocked(p, m.start(), m.end()):
            out.add(
                p,
                "financial",
                _fin(org_name(company), "funding_total", amount.money.usd, None, None),
                0.7,
                names=[company],
                money=amount,
            )


def _fin(
    company: str | None, metric: str, usd: float | None, pct: float | None, period: str | None
) -> dict[str, object]:
    return {
        "company": company,
        "metric": metric,
        "value_usd": usd,
        "value_pct": pct,
        "period": period,
    }


def _metric(
    p: Parsed, ctx: Context, out: Found, m: re.Match[str], metric: str, last: Ent | None
) -> Ent | None:
    """One metric's figure; returns whose figure it is (for a "with a gross margin of" after)."""
    start, stop = m.start(), clause_end(p, m.end())
    left = max(p.masked.rfind(";", 0, start) + 1, start - 70)
    # (its ".*" opens at ``left`` when anything matches: without a line break, which "."
    # does not cross, one try at ``left`` instead of a search from every position)
    find = _SUBORDINATE.search if "\n" in p.masked else _SUBORDINATE.match
    joined = find(p.masked, left, start)
    if joined:
        left = joined.end()  # "will cut 90 jobs after revenue came in at": not the forecast's
    if _SEGMENT.search(p.masked, max(0, start - 40), start):
        return None  # "U.S. revenue", "data center revenue": a part of the company's figure
    if metric == "revenue" and (
        _NOT_REVENUE_AFTER.match(p.masked, m.end())
        or _NOT_REVENUE_BEFORE.search(p.masked, max(0, start - 40), start)
    ):
        return None  # "revenue backlog", "contracted revenue": what is owed, not what was earned
    company = _metric_company(p, ctx, m.start())
    if company is None and last is not None and _WITH_METRIC.search(p.masked, left, start):
        company = last  # "the run rate stood at $61 million, with a gross margin of 68%"
    if company is None:
        return None
    if metric == "gross_margin":
        _margin(p, ctx, out, company, m)
        return company
    window_start = left
    last_period: str | None = None
    for pos, amount in p.money_in(window_start, stop):
        if is_per_unit(p, pos) or not _linked(p, pos, m):
            continue
        if (
            _FORECAST.search(p.masked[min(pos, start) : max(pos, m.end())])
            or _FORECAST.search(p.masked[left : min(pos, start)])
            or blocked(p, min(pos, start), max(pos, m.end()))
        ):
            continue
        after = p.masked.find(M_CLOSE, pos) + 1
        conjunction = _NEXT_VERB_CLAUSE.search(p.masked, after, stop)
        period = own = _period_of_metric(p, ctx, m.start(), pos)
        if period is None and not (
            _NOW.search(p.masked, m.end(), pos) and not _period_named(p, ctx, pos, stop)
        ):  # "the run rate is now $35 million": the article's month, not an earlier clause's
            period = _period_after(p, ctx, after, conjunction.start() if conjunction else stop)
        if own is None and _full_year(
            p, left, start, pos, after, conjunction.start() if conjunction else stop
        ):  # "fourth-quarter revenue of $X; full-year revenue reached $Y": the quarter's year
            period = _full_year_period(p, ctx, pos, period)
        if (
            (_UP_FROM.search(p.masked[m.end() : pos]) or _TO_FROM.search(p.masked[m.end() : pos]))
            and M_OPEN in p.masked[m.end() : pos]
            and not _period_named(p, ctx, pos, stop)
        ):
            continue  # "up from $1 billion at the start of the year": no period of its own
        if _YEAR_EARLIER.match(p.masked, after) and M_OPEN in p.masked[m.end() : pos]:
            if not (last_period and re.fullmatch(r"\d{4}", last_period)):
                continue  # "up from $5 million a year earlier" than a month's figure: no year
            period = str(int(last_period) - 1)  # "compared with $610 million a year earlier"
        last_period = period
        out.add(
            p,
            "financial",
            _fin(company.name, metric, amount.money.usd, None, period),
            0.75,
            names=[company],
            money=amount,
        )
    return company


_NOW = re.compile(r"\b(?:now|currently)\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\d{4}")
_PART_OF_YEAR = re.compile(r"(?P<year>\d{4})-(?:Q[1-4]|H[12])")
_FULL_YEAR_CUE = re.compile(
    r"\bfull[- ](?:fiscal[- ])?year\b|\b(?:for|in|during|over)\s+the\s+(?:whole\s+|entire\s+|"
    r"fiscal\s+)?year\b|\bfiscal[- ]year\b|\b(?:twelve|12)\s+months\b",
    re.IGNORECASE,
)


def _full_year(p: Parsed, left: int, start: int, pos: int, after: int, stop: int) -> bool:
    """Whether the figure at ``pos`` is stated for the full year ("For the full year, revenue
    was", "full-year revenue reached", "revenue of $X for the year"): in the metric's own
    clause, not an earlier figure's."""
    before = p.masked[left:start]
    before = before[before.rfind(M_CLOSE) + 1 :]
    end = p.masked.find(M_OPEN, after)
    end = stop if end < 0 else min(end, stop)
    end = min(end, next((b.start() for b in _CLAUSE_BREAK.finditer(p.masked, after, end)), end))
    return any(
        _FULL_YEAR_CUE.search(text) for text in (before, p.masked[start:pos], p.masked[after:end])
    )


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")


def _full_year_period(p: Parsed, ctx: Context, pos: int, period: str | None) -> str | None:
    """A full-year figure's period: a year the sentence names, else the year of the quarter
    reported on (not a default year, nor a quarter's period)."""
    if (
        period
        and _A_YEAR.fullmatch(period)
        and any(f.period == period for f in find_periods(p.masked, lang="en", on=ctx.doc.date))
    ):
        return period
    part = _PART_OF_YEAR.fullmatch(period or "")
    return _report_year(p, ctx, pos) or (part.group("year") if part else period)


def _report_year(p: Parsed, ctx: Context, pos: int) -> str | None:
    """The fiscal year a full-year figure is for: the year of the quarter the report is about
    (named before it in the sentence, by the article's recent figures, or in the sentences
    just before), not the year the article is published; "fiscal 2025 fourth quarter" is
    fiscal 2025's."""
    year = _year_of_parts(p.masked[:pos], ctx)
    if year:
        return year
    for event in reversed(ctx.events):
        if p.sentence.index - event.extra.get("sentence_index", -99) > 6:
            break
        part = _PART_OF_YEAR.fullmatch(str(event.fields.get("period") or ""))
        if event.type == "financial" and part:
            return part.group("year")
    sentences = ctx.doc.sentences
    for index in range(p.sentence.index - 1, max(-1, p.sentence.index - 4), -1):
        if 0 <= index < len(sentences):
            year = _year_of_parts(sentences[index].text, ctx, years=False)
            if year:
                return year
    return None


def _year_of_parts(text: str, ctx: Context, *, years: bool = True) -> str | None:
    found = [
        f
        for f in find_periods(text, lang="en", on=ctx.doc.date)
        if not _COMPARED.search(text, 0, f.start) and not _COMPARISON.match(text, f.start)
    ]
    for i in range(len(found) - 1, -1, -1):
        part = _PART_OF_YEAR.fullmatch(found[i].period)
        if part:
            previous = found[i - 1] if i else None
            if (
                previous is not None
                and _A_YEAR.fullmatch(previous.period)
                and found[i].start - previous.end <= 2
            ):
                return previous.period  # "its fiscal 2025 fourth quarter"
            return part.group("year")
        if years and _A_YEAR.fullmatch(found[i].period):
            return found[i].period
    return None


# a clause joined by a conjunction is its own: what comes before it does not qualify the metric
_SUBORDINATE = re.compile(
    r"(?:.*)\b(?:after|before|because|since|when|while|although|though|as)\s+(?:its\s+|the\s+)?",
    re.IGNORECASE,
)
_WITH_METRIC = re.compile(r",\s+with\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# the old figure a change is measured from: "fell to 41% from 55% in 2023"
_FROM_OLD = re.compile(
    r"[,\s]+(?:(?:up|down)\s+)?from\s+(?:about\s+|roughly\s+|around\s+)?\d+(?:\.\d+)?\s?"
    r"(?:%|percent\b|per\s+cent\b)",
    re.IGNORECASE,
)


# a backlog, bookings or obligations: future revenue under contract, not a revenue figure
_NOT_REVENUE_AFTER = re.compile(
    r"\s+(?:backlog|pipeline|bookings|obligations?|commitments?|under\s+contract|"
    r"visibility|opportunit(?:y|ies))\b",
    re.IGNORECASE,
)
_NOT_REVENUE_BEFORE = re.compile(
    r"\b(?:contracted|committed|future|deferred|unearned|unrecognized|backlogged|booked|"
    r"potential|expected|projected)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "U.S. revenue", "cloud revenue": a segment; "total revenue", "its revenue" are the company's
_SEGMENT = re.compile(
    r"(?:\b(?i:U\.S\.|US|American|European|Chinese|international|domestic|overseas|regional|"
    r"government|commercial|consumer|enterprise|advertising|ad|cloud|services|product|hardware|"
    r"software|subscription|segment|division|unit|gaming|automotive|mobile|data\s+center|"
    r"datacenter|licensing|platform|[A-Z][a-z]+\s+(?:Cloud|Services|Division))|[A-Z]{2,}|"
    r"[A-Z][a-z]+ern)\s+$"
)


def _period_named(p: Parsed, ctx: Context, pos: int, stop: int) -> bool:
    end = p.masked.find(M_OPEN, pos + 1)
    end = stop if end < 0 else min(end, stop)
    return bool(find_periods(p.masked[pos:end], lang="en", on=ctx.doc.date))


_OTHER_FIGURE = re.compile(
    r"\b(?:loss|losses|profit|profits|income|ebitda|expenses|costs|spending|"
    r"charge|debt|cash|capex|margin)\b",
    re.IGNORECASE,
)
_UP_FROM = re.compile(
    r"[,;]?\s+(?:up|down|rising|falling|compared)\s+(?:from|with|to)\s+(?:about\s+|"
    r"roughly\s+|around\s+)?$",
    re.IGNORECASE,
)
# "grew to $820 million in 2024 from $610 million in 2023": the old figure after "from"
_TO_FROM = re.compile(
    rf"\bto\s+(?:(?:about|around|roughly|nearly|almost|more\s+than|over|some)\s+)*"
    rf"{M_OPEN}\d+{M_CLOSE}[^{M_OPEN};.]{{0,40}}\bfrom\s+(?:about\s+|roughly\s+|around\s+)?$",
    re.IGNORECASE,
)
# "compared with $610 million a year earlier": the year before the figure's own
_YEAR_EARLIER = re.compile(
    r"\s+(?:a\s+year\s+(?:earlier|before|ago)|(?:in\s+)?the\s+(?:previous|prior|preceding)\s+"
    r"(?:fiscal\s+)?year|the\s+year\s+before)\b",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?:[a-z]+\s+){{0,2}}{M_OPEN}\d+{M_CLOSE}[^{M_OPEN};.]{{0,60}}\bto\s+"
    r"(?:(?:about|around|roughly|nearly|almost|more\s+than|over|some)\s+)*$",
    re.IGNORECASE,
)


def _linked(p: Parsed, pos: int, m: re.Match[str]) -> bool:
    """Whether the amount at ``pos`` is the value of the metric matched by ``m``."""
    close = p.masked.find(M_CLOSE, pos) + 1
    if close <= m.start():
        between = p.masked[close : m.start()]
        return bool(re.fullmatch(r"\s+(?:in|of)\s+(?:annual\s+|total\s+|annualized\s+)?", between))
    between = p.masked[m.end() : pos]
    if _OTHER_FIGURE.search(between):
        return (
            False  # "revenue reached $1.9 billion ..., while its net loss widened to $863 million"
        )
    if M_OPEN in between and (
        _FROM_TO.search(between) or _UP_FROM.search(between) or _TO_FROM.search(between)
    ):
        return True  # "grew from about $1 billion to more than $5 billion", "up from $229 million"
    if len(between) > 140 or M_OPEN in between or _NOT_COMPANY_METRIC.search(between[:25]):
        return False
    return bool(
        re.search(
            r"\b(?:to|of|at|was|were|reached|hit|topped|tops|surpassed|passed|"
            r"exceeded|crossed|totaled|totalled|stood\s+at|came\s+in\s+at|from|"
            r"is|are)\s+(?:(?:now|currently|already)\s+)?(?:(?:about|around|roughly|approximately|nearly|almost|"
            r"more\s+than|over|some|just\s+over|just\s+under|an\s+estimated)\s+)*$",
            between,
            re.IGNORECASE,
        )
    )


def _metric_company(p: Parsed, ctx: Context, pos: int) -> Ent | None:
    """Whose figure: "X's revenue", "its revenue", else the clause subject."""
    owner = possessor(p, pos)
    if owner is not None and p.masked[max(0, pos - 60) : pos].count(" ") > 4:
        owner = (
            owner
            if re.search(
                r"(?:['’]s?|\b[Ii]ts|\b[Tt]heir)\s+(?:[\w-]+\s+){0,2}$",
                p.masked[max(0, pos - 60) : pos],
            )
            else None
        )
    if owner is None or not org_name(owner):
        owner = subject(p, pos, ctx)
    if owner is None:
        before = _SPEAKER_BEFORE.search(p.masked, max(0, pos - 80), pos)
        owner = p.ent(before.group("who")) if before else None  # "X said fiscal 2024 revenue"
    if owner is None and _CLAUSE_START.search(p.masked, max(0, pos - 30), pos):
        said = _SPEAKER_AFTER.search(p.masked, pos)
        owner = p.ent(said.group("who")) if said else _focus(ctx, p)
    if owner is None or not org_name(owner) or owner.kind == "product":
        return None
    return owner


_CLAUSE_START = re.compile(
    r"(?:^|[;:]\s+|\.\s+|,\s+(?:and|while|but)\s+)"
    # a fronted period: "For the full year, revenue was ...", "In fiscal 2025, revenue ..."
    r"(?:(?:for|in|during|over)\s+(?:the\s+)?(?:(?:full|fiscal|whole|calendar|latest|last)\s+)*"
    r"(?:year|quarter|period|fiscal\s+\d{4}|\d{4})\s*,\s+)?"
    r"(?:(?:the|its|total|full-year|annual|quarterly|"
    r"fourth-quarter|third-quarter|second-quarter|first-quarter)\s+)*$",
    re.IGNORECASE,
)
_SPEAKER_BEFORE = rx(
    r"{E:who}\s+(?:also\s+)?(?:said|says|reported|reports|announced|posted)\s+"
    r"(?:that\s+)?(?:its\s+|the\s+)?[^,;\ue000\ue002]{0,40}$"
)
_SPEAKER_AFTER = rx(r",\s+{E:who}\s+(?:said|says|reported|announced)\b")


def _focus(ctx: Context, p: Parsed) -> Ent | None:
    """ "Revenue rose 25% to $84.7 million": the company the article is about; in an answer
    turn ("PR: ARR was $6 million in January"), the company the turn speaks for."""
    name = speaker_company(ctx, p.sentence) or focus_company(ctx, p.sentence.index)
    return Ent(0, 0, name, name, "company", "description") if name else None


def _margin(p: Parsed, ctx: Context, out: Found, company: Ent, m: re.Match[str]) -> None:
    found = find_percent(p.masked[m.end() : m.end() + 60])
    if (
        len(found) > 1
        and re.search(r"\bfrom\s+$", p.masked[m.end() : m.end() + found[0].start])
        and re.fullmatch(r"\s+to\s+", p.masked[m.end() + found[0].end : m.end() + found[1].start])
    ):
        found = found[1:]  # "rose from 55% to 68%": the new figure
    for pct in found:
        end = m.end() + pct.end
        if not blocked(p, m.start(), end):
            old = _FROM_OLD.match(p.masked, end)
            period = _period_after(p, ctx, end, old.start() if old else None)
            out.add(
                p,
                "financial",
                _fin(company.name, "gross_margin", None, pct.value, period),
                0.7,
                names=[company],
            )
        return


_NEXT_VERB_CLAUSE = re.compile(
    r",?\s+and\s+(?:\w+ed|\w+s|said|expects?|forecast|guided|will)\b|;"
    # a clause with a subject of its own: ", and we plan to double it by September"
    # (", and in May we signed ...": the time said before the subject is that clause's too)
    r"|,\s+(?:and|but|while|whereas|so)\s+(?:then\s+|(?:in|by|since|during|last|this|earlier|"
    r"later|early|late)\s+[\w -]{1,20}?,?\s+)?"
    rf"(?:{E_OPEN}\d+{E_CLOSE}|we|they|it|he|she|I)"
    r"\s+(?!(?:percent|%))"
)
# what may stand between a period and the metric it dates ("2024 full-year revenue"), not a
# clause's end ("X, which went public in 2021, reported revenue of ..." is no 2021 figure)
_METRIC_PREFIX = re.compile(
    r"^(?!.*,\s+(?:and|but|while|reported|reports|posted|posts|said|says|announced|had|has|saw|"
    r"sees|recorded|records|booked|books|generated|generates|made|makes)\b)[\w\s,-]{0,30}$"
)


def _period_of_metric(p: Parsed, ctx: Context, metric: int, amount: int) -> str | None:
    """ "reported 2024 revenue of $2.87 billion", "fourth-quarter revenue of": the period
    that modifies the metric itself."""
    if amount < metric:
        return None
    head = p.masked[max(0, metric - 30) : metric]
    found = find_periods(head, lang="en", on=ctx.doc.date)
    if found and _METRIC_PREFIX.match(head[found[-1].end :]) and found[-1].end >= len(head) - 12:
        return found[-1].period
    return None


def _period_after(p: Parsed, ctx: Context, pos: int, stop: int | None = None) -> str | None:
    """The first period named after ``pos`` before the next amount, else before it in the
    clause."""
    end = p.masked.find(M_OPEN, pos)
    end = len(p.masked) if end < 0 else end
    if stop is not None:
        end = min(end, stop)
    text = p.masked[pos:end]
    found = [
        f
        for f in find_periods(text, lang="en", on=ctx.doc.date)
        if not _COMPARED.search(text, 0, f.start) and not _COMPARISON.match(text, f.start)
    ]
    if found:
        return found[0].period
    head = p.masked[:pos]
    before = [
        f
        for f in find_periods(head, lang="en", on=ctx.doc.date)
        if not _COMPARED.search(head, 0, f.start) and not _COMPARISON.match(head, f.start)
    ]
    if before:
        return before[-1].period
    return _reported_period(ctx, p.masked[max(0, pos - 80) : end]) or _recent_period(ctx, p)


# "up 38% from a year earlier", "compared with the same quarter last year": not the period
_COMPARED = re.compile(
    r"\b(?:from|than|with|versus|vs\.?|over|against)\s+(?:the\s+)?(?:same\s+"
    r"\w+\s+)?(?:of\s+)?$",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"a\s+year\s+(?:earlier|ago|before)|the\s+previous\s+year|"
    r"the\s+prior\s+year",
    re.IGNORECASE,
)


def _recent_period(ctx: Context, p: Parsed) -> str | None:
    """ "Its gross margin improved to 64.5%" right after the quarter's revenue: the period the
    article's figures so far are for (the most often named, else the first)."""
    periods = [
        str(e.fields["period"])
        for e in ctx.events
        if e.type == "financial"
        and e.fields.get("period")
        and p.sentence.index - e.extra.get("sentence_index", -99) <= 6
    ]
    if not periods:
        return None
    return max(periods, key=lambda x: (periods.count(x), -periods.index(x)))


_THE_YEAR = re.compile(
    r"\b(?:for|in|during|over)\s+the\s+(?:full\s+|fiscal\s+)?year\b|"
    r"\bfull[- ]year\b",
    re.IGNORECASE,
)
_THE_QUARTER = re.compile(
    r"\b(?:for|in|during)\s+the\s+(?:latest\s+|last\s+|same\s+)?quarter\b", re.IGNORECASE
)


def _reported_period(ctx: Context, text: str) -> str | None:
    """ "For the year", "in the quarter": the year or quarter the article reports on, as named
    by its earlier figures, else the year or quarter just ended."""
    on = ctx.doc.date
    if _THE_YEAR.search(text):
        years = [
            e.fields["period"]
            for e in ctx.events
            if e.type == "financial" and len(str(e.fields.get("period") or "")) == 4
        ]
        if years:
            return str(years[-1])
        return str(on.year - 1 if on.month <= 4 else on.year) if on else None
    if _THE_QUARTER.search(text):
        quarters = [
            e.fields["period"]
            for e in ctx.events
            if e.type == "financial" and "-Q" in str(e.fields.get("period") or "")
        ]
        if quarters:
            return str(quarters[-1])
        if on:
            q = (on.month - 1) // 3  # the last quarter that has ended
            return f"{on.year - 1}-Q4" if q == 0 else f"{on.year}-Q{q}"
    return None


# layoffs ------------------------------------------------------------------------------------

_CUT = cued(
    r"\b(?:cut|cuts|cutting|eliminate|eliminates|eliminated|eliminating|lay\s+off|lays\s+off|"
    r"laid\s+off|laying\s+off|slash|slashes|slashed|slashing|shed|sheds|shedding|axe|axes|axed|"
    r"axing|trim|trims|trimmed|trimming|reduce|reduces|reduced|reducing|let\s+go|lets\s+go|"
    r"letting\s+go|dismiss|dismissed|dismisses|furlough|furloughed)\s+(?:of\s+)?",
    "cut",
    "eliminat",
    "lay",
    "laid",
    "slash",
    "shed",
    "axe",
    "axing",
    "trim",
    "reduc",
    "let go",
    "lets go",
    "letting go",
    "dismiss",
    "furlough",
)
_LAYOFF_NOUN = cued(
    r"(?:{E:co}['’]s?|its)\s+(?:[\w-]+\s+)?(?:layoffs|job\s+cuts|redundancies)",
    "layoff",
    "job",
    "cuts",
    "redundanc",
)
_STAFF_PCT = re.compile(
    r"^\s*(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+)?\d+(?:\.\d+)?\s?"
    r"(?:%|percent)\s+of\s+(?:its|their|the\s+company's)\s+(?:\w+\s+)?"
    r"(?:workforce|staff|employees|headcount|jobs)"
    # "reduce headcount by 15%, or about 90 people"
    r"|^\s*(?:its\s+|their\s+|the\s+company['’]s\s+)?(?:global\s+)?(?:headcount|workforce|staff)"
    r"\s+by\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+)?\d+(?:\.\d+)?\s?(?:%|percent)",
    re.IGNORECASE,
)


# "we let 12 people go": the head count between the verb and "go"
_LET_GO = cued(
    r"\b(?:let|lets|letting)\s+(?P<what>[^.;,\ue000\ue002]{1,40}?)\s+go\b(?![\s-]+(?:home|out|"
    r"ahead|on|to|back|through|for|with|into|first|early|free|unpaid|abroad)\b)",
    "go",
)


# the people cut are the verb's object: not the ones something else is cut for ("cut prices for
# 10 employees", "cut 10 employees' plans")
_NOT_CUT_GAP = re.compile(
    r"\b(?:for|to|at|from|with|in|on|into|across|per|under|over|among)\b", re.I
)
_OWNER_COUNT = re.compile(r"^['’]")


def _cut_people(tail: str, count: CountMatch) -> bool:
    return not _NOT_CUT_GAP.search(tail[: count.start]) and not _OWNER_COUNT.match(
        tail[count.end :]
    )


def layoffs(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X will eliminate 10,000 jobs", "X laid off about 11,000 employees", "X cut 14% of staff",
    "we let 12 people go"."""
    for m in (*_CUT.finditer(p.masked), *_LET_GO.finditer(p.masked)):
        tail = m.group("what") if "what" in m.groupdict() else p.masked[m.end() : m.end() + 80]
        counts = [c for c in find_count(tail) if c.start <= 20 and _cut_people(tail, c)]
        share = _STAFF_PCT.match(tail)
        if share:
            counts = [c for c in find_count(tail) if c.start >= share.end()][:1]
        elif not counts:
            continue
        company = subject(p, m.start(), ctx)
        if org_name(company) is None or blocked(p, m.start(), m.end()):
            continue
        count = counts[0].value if counts else None
        out.add(p, "layoff", {"company": org_name(company), "count": count}, 0.8, names=[company])
    for m in _LAYOFF_NOUN.finditer(p.masked):
        company = p.ent(m.group("co")) or subject(p, m.start(), ctx)
        counts = find_count(p.masked[m.end() : m.end() + 80])
        if org_name(company) and counts and not blocked(p, m.start(), m.end()):
            out.add(
                p,
                "layoff",
                {"company": org_name(company), "count": counts[0].value},
                0.7,
                names=[company],
            )


# product launches ---------------------------------------------------------------------------

_LAUNCH = cued(
    r"\b(?:launched|launches|launch|launching|released|releases|release|releasing|unveiled|"
    r"unveils|unveil|unveiling|introduced|introduces|introducing|debuted|debuts|rolled\s+out|"
    r"rolls\s+out|rolling\s+out|shipped|ships|open-sourced|open-sources|open\s+sourced|"
    r"announced|announces|previewed|showcased|made\s+available)\s+"
    r"(?P<det>(?:(?:a|an|its|the|their|new|first|latest|next-generation|updated|own|"
    r"family\s+of|version\s+of|preview\s+of)\s+)*)",
    "launch",
    "releas",
    "unveil",
    "introduc",
    "debut",
    "roll",
    "shipped",
    "ships",
    "open-sourc",
    "open sourc",
    "announc",
    "preview",
    "showcas",
    "made",
    "available",
)
_LAUNCH_NOUN = cued(
    r"\b(?:release|launch|debut|rollout|roll-out|general\s+availability|unveiling|introduction|"
    r"availability)\s+of\s+(?P<det>(?:(?:a|an|its|the|their|new|first)\s+)*)",
    "release",
    "launch",
    "debut",
    "rollout",
    "roll-out",
    "availability",
    "unveiling",
    "introduction",
)
_WHICH_RELEASED = cued(
    r",\s+(?:(?:the|a|an|its)\s+[^,;.\ue000]{0,80}?\s+)?(?:which|that)\s+{E:co}\s+"
    r"(?:had\s+|has\s+)?(?:released|launched|unveiled|introduced|debuted|shipped)\b",
    "released",
    "launched",
    "unveiled",
    "introduced",
    "debuted",
    "shipped",
)
_PRODUCT_SUBJECT = cued(
    r"{E:prod}(?:,\s+(?:which|a|an|the|its)\s+[^,;]{0,100},)?\s+(?:was\s+|has\s+been\s+|were\s+)?"
    r"(?:launched|released|debuted|rolled\s+out|went\s+live|became\s+(?:generally\s+)?available|"
    r"unveiled|introduced)\b(?!\s+(?:by|with|a|an|the|its)\b)",
    "launched",
    "released",
    "debuted",
    "rolled",
    "went live",
    "available",
    "unveiled",
    "introduced",
)
# "the reception of its Llama 4 models, released in April": a launch told in passing
_RELEASED_IN = cued(
    r"{E:prod}(?:\s+[a-z]+)?,\s+(?:which\s+(?:was|were)\s+|first\s+)?(?:released|launched|unveiled|"
    r"introduced|debuted)\s+(?:in|on|last|earlier|this)\b",
    "released",
    "launched",
    "unveiled",
    "introduced",
    "debuted",
)
_FIRST_PRODUCT = cued(
    r"\b(?:the|its|their)\s+(?:first|debut|flagship|new)\s+product\s+(?:is|was|"
    r"will\s+be)\s+(?P<det>)",
    "product",
)
_GENERALLY = cued(
    r"\bmade\s+(?P<det>(?:its|the|their)\s+)?(?P<rest>.{1,80}?)\s+generally\s+available",
    "generally",
)
_FIRST_IN_CLAUSE = re.compile(r"(?:^|[.;:]\s+|\s[—–]\s)$")
_PRODUCT_NOUNS = (
    r"app|application|model|models|chatbot|assistant|service|tool|platform|version|"
    r"chip|feature|agent|editor|api|sdk|browser|device|robot|course|family|suite|"
    r"tier|update|system|processor|gpu|headset|phone|glasses|engine|plugin|extension"
)
_NOT_PRODUCT_AFTER = re.compile(
    r"^\s*(?:partnership|deal|agreement|funding|round|investment|acquisition|results|plans|"
    r"earnings|layoffs|collaboration|alliance|merger|stake|shares|valuation|revenue)\b",
    re.IGNORECASE,
)
_UPCOMING = re.compile(
    r"\b(?:run-up|lead-up|ahead|before|prior|preparation|awaiting|await)\s+"
    r"(?:to|of|for)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|plans?\s+to|planned|planning|expected\s+to|prepares?\s+to|"
    r"preparing\s+to|getting\s+ready\s+to|set\s+to|could|would|might|"
    r"may|is\s+set\s+to|later\s+this|upcoming|soon|aims?\s+to)\b",
    re.IGNORECASE,
)
_INFINITIVE = re.compile(r"\bto\s+$")
_LATER = re.compile(  # right after the product, in its own clause
    r"[^,;.\ue000\ue002]{0,30}?\b(?:later\s+this\s+(?:year|month|quarter|week)|next\s+(?:year|month|quarter|week)|"
    r"in\s+the\s+coming\s+(?:weeks|months|year))\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(rf"{E_OPEN}\d+{E_CLOSE}|[\w][\w.+-]*")


def products(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X launched Y", "the release of Y", "Y, which X released", "its first product is Y"."""
    for pattern in (_LAUNCH, _LAUNCH_NOUN, _FIRST_PRODUCT):
        for m in pattern.finditer(p.masked):
            indefinite = bool(re.match(r"(?:a|an)\b", m.group("det").strip(), re.IGNORECASE))
            _launch(p, ctx, out, m.start(), m.end(), indefinite, pattern is _LAUNCH)
    for m in _GENERALLY.finditer(p.masked):
        _launch(
            p, ctx, out, m.start(), m.start("rest"), False, False, owner=subject(p, m.start(), ctx)
        )
    for m in _WHICH_RELEASED.finditer(p.masked):
        name, ents = _product_before(p, m.start())
        if name:
            _record(p, ctx, out, name, ents, p.ent(m.group("co")), m.start(), m.end())
    for m in _PRODUCT_SUBJECT.finditer(p.masked):
        product = p.ent(m.group("prod"))
        if (
            product is None
            or product.kind not in ("product", "unknown")
            or product.looks_like_person()
        ):
            continue
        if product.kind == "unknown" and not _FIRST_IN_CLAUSE.search(p.masked[: m.start()]):
            continue
        _record(
            p,
            ctx,
            out,
            product.surface if product.kind == "unknown" else product.name,
            [product],
            None,
            m.start(),
            m.end(),
        )
    for m in _RELEASED_IN.finditer(p.masked):
        product = p.ent(m.group("prod"))
        if product is not None and product.kind == "product":
            owner = ctx.product_owner(product)
            maker = (
                Ent(0, 0, owner, owner, "company", "alias")
                if owner
                else possessor(p, m.start("prod"))
            )
            _record(p, ctx, out, product.name, [product], maker, m.start(), m.end())


def _launch(
    p: Parsed,
    ctx: Context,
    out: Found,
    start: int,
    pos: int,
    indefinite: bool,
    verb: bool,
    *,
    owner: Ent | None = None,
) -> None:
    name, ents, end = _product_at(p, pos, indefinite)
    if not name or _NOT_PRODUCT_AFTER.match(p.masked[end:]):
        return
    if verb and not _product_like(name, ents, p.masked[end:]):
        return
    if owner is None:
        owner = (
            subject(p, start, ctx)
            if verb
            else (_possessor_company(p, start) or subject(p, start, ctx))
        )
    _record(p, ctx, out, name, ents, owner, start, end)


def _record(
    p: Parsed,
    ctx: Context,
    out: Found,
    name: str,
    ents: list[Ent],
    owner: Ent | None,
    start: int,
    end: int,
) -> None:
    if (
        blocked(p, start, end)
        or _FUTURE.search(p.masked[max(0, start - 40) : start])
        or _UPCOMING.search(p.masked[max(0, start - 30) : start])
        or _INFINITIVE.search(p.masked[max(0, start - 10) : start])
        or _LATER.match(p.masked, end)
    ):
        return  # "plans to hire engineers and to release X later this year": not yet
    company = org_name(owner) if owner is not None else None
    if company in (None, name) or any(e.name == company for e in ents if e.kind == "company"):
        company = _owner_of(ctx, ents, name) or (company if company != name else None)
    company = company or ctx.doc.main("company") or ctx.last_subject.get("company")
    if not company:
        return
    out.add(
        p,
        "product_launch",
        {"company": company, "product": name},
        0.7,
        names=[owner] if owner is not None else [],
    )


def _owner_of(ctx: Context, ents: list[Ent], name: str = "") -> str | None:
    parent = ctx.parent_company(name) if name else None
    if parent:
        return parent
    for e in ents:
        if e.name == name:
            continue
        if e.kind == "product":
            owner = ctx.product_owner(e)
            if owner:
                return owner
        elif e.is_org() and not e.looks_like_person():
            return e.name
    return None


def _product_at(p: Parsed, pos: int, indefinite: bool) -> tuple[str, list[Ent], int]:
    """The product name starting at masked ``pos``: capitalised words, versions and names,
    extended for "a ChatGPT desktop app for macOS" to the describing noun."""
    words: list[str] = []
    ents: list[Ent] = []
    end = pos
    for m in _TOKEN.finditer(p.masked, pos):
        if p.masked[end : m.start()].strip():
            break
        token = m.group(0)
        if token.startswith(E_OPEN):
            e = p.ent(token[1:-1])
            if e is None or e.kind == "person" or e.via in ("pronoun", "description"):
                break
            words.append(e.surface)
            ents.append(e)
        elif token[:1].isupper() or re.search(r"\d", token):
            words.append(token.rstrip("."))
        else:
            break
        end = m.end() if not token.endswith(".") else m.end() - 1
    if words and indefinite:
        ext = re.match(
            rf"^((?:\s+[a-z][\w-]*){{0,3}}?\s+(?:{_PRODUCT_NOUNS}))"
            rf"(\s+for\s+(?:[A-Z]|[a-z]{{1,3}}[A-Z])[\w.]*)?",
            p.masked[end:],
        )
        if ext:
            words.append(ext.group(0).strip())
            end += ext.end()
    return " ".join(words).strip(), ents, end


def _product_like(name: str, ents: list[Ent], after: str) -> bool:
    """A launch verb's object is a product: a known product, a name with a version, or a name
    described as a model, app or service."""
    if any(e.kind == "product" for e in ents):
        return True
    if ents and all(e.kind == "company" for e in ents) and len(ents) == len(name.split()):
        return False
    if re.search(r"\d", name) or re.search(rf"\b(?:{_PRODUCT_NOUNS})$", name):
        return True
    if re.match(rf"^\s+(?:[a-z-]+\s+)?(?:{_PRODUCT_NOUNS})\b", after):
        return True
    if (
        len(ents) == 1
        and ents[0].kind == "unknown"
        and not ents[0].looks_like_person()
        and _WHEN_LAUNCHED.match(after)
    ):
        return True  # "The company launched Tidewright last year": a dated launch
    return bool(
        re.match(
            rf"^,\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{_PRODUCT_NOUNS})\b",
            after,
            re.IGNORECASE,
        )
    )


_WHEN_LAUNCHED = re.compile(
    r"^\s+(?:(?:last|earlier\s+this|this|early\s+last|late\s+last)\s+(?:year|month|week|"
    r"spring|summer|autumn|fall|winter|quarter)|in\s+(?:(?:early|late|mid-?)\s*)?(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December|"
    r"\d{4})\b|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


def _product_before(p: Parsed, pos: int) -> tuple[str, list[Ent]]:
    m = re.search(rf"((?:(?:{E_OPEN}\d+{E_CLOSE}|[A-Z][\w.+-]*|\d[\w.]*)\s?)+)$", p.masked[:pos])
    if not m:
        return "", []
    name, ents = _product_at(p, m.start(1), False)[:2]
    if (
        ents
        and all(e.kind in ("company", "person") for e in ents)
        and len(ents) == len(name.split())
    ):
        return "", []
    return name, ents


def _possessor_company(p: Parsed, pos: int) -> Ent | None:
    return possessor(p, pos)


__all__ = ["ENT", "financials", "layoffs", "products"]
