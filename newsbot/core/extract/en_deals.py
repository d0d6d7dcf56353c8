"""English rules for deals: investments and acquisitions.

Each rule is a trigger pattern over the masked sentence; the company on the other side of
the verb is its subject (``subject``) and the amount, round, valuation and stake come from
the same clause.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from newsbot.core.events import Money
from newsbot.core.extract.en_common import (
    Found,
    blocked,
    clause_end,
    company_name,
    cued,
    entity_list,
    funding_total,
    is_per_unit,
    money_after,
    object_at,
    org_name,
    past_year,
    possessor,
    rx,
    subject,
)
from newsbot.core.extract.en_names import (
    E_OPEN,
    M_CLOSE,
    Context,
    Ent,
    Parsed,
    first_subject,
    focus_company,
    speaker_company,
)
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.extract.periods import find_periods

# investments -------------------------------------------------------------------------------

_RAISE = cued(
    r"\b(?:raised|raises|raise|raising|secured|secures|closed|closes|landed|lands|pulled\s+in|"
    r"bagged|nabbed|picked\s+up|completed|completes|announced|announces|took\s+in|takes\s+in|"
    r"agreed|agrees|unveiled|won|wins|added|adds)\s+"
    r"(?:(?:a|an|its|another|the|new|fresh|additional|further|total\s+of|about|around|"
    r"approximately|roughly|nearly|more\s+than|over|some|up\s+to|almost)\s+)*{M:amt}",
    "rais",
    "secur",
    "clos",
    "land",
    "pulled",
    "bagged",
    "nabbed",
    "picked",
    "complet",
    "announc",
    "took",
    "takes",
    "agree",
    "unveil",
    "won",
    "wins",
    "add",
)
_VALUED_IN_ROUND = cued(
    r"\b(?:was|were|is|has\s+been|had\s+been)\s+valued\s+at\s+(?:(?:about|around|roughly|more\s+than|"
    r"nearly|some)\s+)*{M}\s+(?:[^.;\ue000\ue002]{0,30}?\s)?in\s+(?:a|an|its|the|last\s+\w+['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:funding\s+round|round|financing|fundraising|raise)\b",
    "valued",
)
_RAISE_FROM = cued(
    r"\braised\s+(?:new\s+|fresh\s+)?(?:money|funding|capital|cash)\s+from\b", "raised"
)
_INVEST = cued(
    r"\b(?:invested|invests|invest|investing|poured|pours|injected|injects|pumped|pumps|put|puts)"
    r"\s+(?:(?:another|an\s+additional|a\s+further|up\s+to|as\s+much\s+as|about|roughly|"
    r"around|nearly|more\s+than|some)\s+)*(?:{M:amt}\s+)?(?:[a-z-]+\s+){0,3}?(?:in|into)\s+"
    r"{DESC}{E:co}",
    "invest",
    "poured",
    "pours",
    "inject",
    "pump",
    "put",
)
_COMMIT = cued(
    r"\b(?:committed|commits|pledged|pledges)\s+(?:(?:another|an\s+additional|up\s+to|"
    r"about|roughly|more\s+than)\s+)*{M:amt}\s+(?:[a-z-]+\s+){0,3}?(?:to|in|into)\s+"
    r"{DESC}{E:co}",
    "committ",
    "commits",
    "pledge",
)
_INVEST_NOUN = cued(
    r"(?:\b(?:a|an|its|the|their|his|her)|{E:inv}['’]s?)\s+(?:[\w,-]+\s+){0,4}?(?:{M:amt}\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:investment|stake|commitment)\s+(?:in|to)\s+{DESC}{E:co}",
    "investment",
    "stake",
    "commitment",
)


def _commitment_of_values(m: re.Match[str]) -> bool:
    """ "shares its commitment to open-source X": a commitment with no amount is a stance."""
    return m.groupdict().get("amt") is None and "commitment" in m.group(0).lower()


_SHARES = re.compile(
    r"['’]s?\s+(?:(?:common|ordinary|preferred|class\s+\w)\s+)?(?:stock|shares|equity)\b"
)
_BACKGROUND_STAKE = re.compile(
    r"\b(?:existing|previous|prior|earlier|net\s+of|excluding|"
    r"besides|on\s+top\s+of)\b",
    re.IGNORECASE,
)
_HOLDS = cued(
    r"\b(?:will\s+)?(?:hold|holds|held|own|owns|owned|take|takes|took|acquire|acquires|acquired|"
    r"get|gets|got|receive|receives|received|buy|buys|bought|purchase|purchases|purchased)\s+"
    r"(?:a\s+|an\s+)?(?:(?:about|roughly|around|nearly|almost|some|just\s+under|just\s+over)\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+"
    r"(?:(?:equity\s+|ownership\s+|minority\s+)?stake\s+in|of|interest\s+in)\s+{DESC}{E:co}",
    "%",
    "percent",
    "per cent",
)
_GAPPED = cued(
    r"{E:inv1}\s+(?:will\s+|would\s+|plans\s+to\s+|is\s+to\s+)?(?:invest|invests|invested)\s+"
    r"(?:up\s+to\s+|about\s+)?{M:a1}\s+and\s+{E:inv2}\s+(?:up\s+to\s+|about\s+)?{M:a2}\s+"
    r"(?:in|into)\s+{E:co}",
    "invest",
)
_LED_GROUP = cued(
    r"{E:inv}-led\s+(?:group|round|consortium|syndicate|investment|financing|"
    r"funding|deal)",
    "-led",
)
_ROUND_NOUN = cued(
    r"{E:co}(?:['’]s?)?\s+(?:{M:amt}\s+)?(?:(?P<round>Series\s+[A-K]\+?\d?|seed|pre-seed)"
    r"(?:\s+(?:round|funding|financing))?|(?:new\s+)?(?:funding|financing)\s+round)\b",
    "series",
    "seed",
    "round",
)
# "a €400 million Series C that Veltrix closed in January": the relative clause's subject
_ROUND_THAT = cued(
    r"{M:amt}\s+(?:(?:Series\s+[A-K]\+?\d?|seed|pre-seed)(?:\s+(?:round|funding|financing))?|"
    r"(?:funding\s+|financing\s+)?round)\s+(?:that|which)\s+{E:co}\s+(?:had\s+|has\s+)?"
    r"(?:closed|raised|secured|announced|completed|landed|pulled\s+in|took\s+in)\b",
    "that",
    "which",
)
# an interviewee's answer: "It's a $60 million Series B", the round of the company the answer
# speaks for ("it" is the round, not a company)
_ROUND_IS = cued(
    r"(?:^[A-Z]{1,3}:\s+|^|[.;]\s+)(?:it|this|that|{E:it})(?:['’]s|\s+is|\s+was)\s+(?:a|an)\s+"
    r"(?:(?:about|around|roughly|nearly|more\s+than|new)\s+)*{M:amt}\s+"
    r"(?:Series\s+[A-K]\+?\d?|seed|pre-seed|(?:funding\s+|financing\s+)?round)(?![\w-])",
    "series",
    "seed",
    "round",
)
# "came out of stealth with a $30 million seed round", "launched with $12 million in funding"
_WITH_ROUND = cued(
    r"\b(?:came|comes|emerged|emerges|emerging|launched|launches|launching|debuted|debuts|"
    r"started|starts|exited|exits)\b[^.;\ue000]{0,60}?\bwith\s+(?:a\s+|an\s+)?"
    r"(?:(?:fresh|new|about|roughly|nearly|more\s+than)\s+)*{M:amt}\s+(?:in\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:round|funding|financing|seed|pre-seed|series\s+[a-k]\w*|"
    r"investment|backing)\b",
    "with",
)
# "Grayline Capital led a $25 million Series A in Tern Security"
_LED_IN = cued(
    r"\b(?:led|co-led|headed|anchored)\s+(?:a|an|the)\s+(?:{M:amt}\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:round|investment|financing|raise|series\s+[a-k]\w*|seed(?:\s+round)?|pre-seed(?:\s+round)?)"
    r"\s+(?:in|into|for|of)\s+{DESC}{E:co}",
    "led",
    "headed",
    "anchored",
)
# a list line: "Fernwood AI — $22M Series A led by Index Ventures"
_ITEM_ROUND = rx(
    r"^{E:co}\s*(?:[—–:]|--|-)\s*(?:raised\s+|raises\s+)?(?:a\s+)?{M:amt}\s+(?:in\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:round|funding|financing|seed|pre-seed|series\s+[a-k]\w*)\b"
)
# "agreed to buy $2 billion of Intel stock", "bought $2 billion of Intel shares": the buyer
# invests in the company whose shares it buys
_BUYS_SHARES = cued(
    r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing|acquire|acquires|"
    r"acquired|acquiring|take|takes|took|subscribe\s+(?:to|for)|subscribed\s+(?:to|for))\s+"
    r"(?:(?:about|roughly|around|nearly|more\s+than|up\s+to|another|an\s+additional|some)\s+)*"
    r"{M:amt}\s+(?:worth\s+)?(?:of|in)\s+(?:newly\s+issued\s+|new\s+)?{E:co}(?:['’]s?)?\s+"
    r"(?:newly\s+issued\s+|new\s+)?(?:(?:common|ordinary|preferred|class\s+\w)\s+)?"
    r"(?:stock|shares|equity)\b",
    "buy",
    "bought",
    "purchas",
    "acquir",
    "take",
    "took",
    "subscrib",
)
_INVEST_FOR_STAKE = cued(
    r"\b(?:invest(?:ed|s|ing)?|paid|pay|pays)\s+{M:amt}\s+(?:in|into|for)\s+{E:co}",
    "invest",
    "paid",
    "pay",
)
_LEAD = cued(
    r"(?P<list>(?:(?:the\s+)?{E}(?:,\s+|\s+and\s+|,\s+and\s+)?)+)\s+(?:led|co-led|headed|co-headed|anchored)\s+"
    r"(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:round|financing|funding|raise|investment|deal)",
    "led",
    "headed",
    "anchored",
)
_INVESTOR_LISTS = [
    cued(
        r"\b(?:led|co-led|headed|anchored)\s+by\s+(?P<rest>.*)",
        "led by",
        "headed by",
        "anchored by",
    ),
    cued(r"\bparticipation\s+(?:from|by)\s+(?P<rest>.*)", "participation"),
    cued(
        r"\b(?:investors|backers|participants|investors\s+in\s+the\s+round)\s+(?:include|included|"
        r"including|are|were)\s+(?P<rest>.*)",
        "investors",
        "backers",
        "participants",
    ),
    cued(
        r"\bfrom\s+(?:new\s+and\s+existing\s+|new\s+|existing\s+)?investors\s+(?:including|such\s+as|"
        r"like|led\s+by)\s+(?P<rest>.*)",
        "investors",
    ),
    cued(r"\bwith\s+(?P<rest>.*?)\s+as\s+co-?leads?\b", "lead"),
    cued(
        r"\b(?:raised|raises|secured|secures|closed|landed|received|receives|added|adds)\s+"
        r"(?:[^.;\ue000]{0,60}?)\bfrom\s+(?P<rest>.*)",
        " from ",
    ),
    cued(
        r"\b(?:came|comes|coming|was\s+raised|were\s+raised)\s+from\s+(?:[^.;\ue000]{0,40}?\b"
        r"(?:including|such\s+as|like|led\s+by)\s+)?(?P<rest>.*)",
        " from ",
    ),
    cued(
        r"\b(?:funded|backed|financed|bankrolled)\s+by\s+(?:[^.;\ue000]{0,40}?\b(?:including|"
        r"such\s+as|like)\s+)?(?P<rest>.*)",
        "funded by",
        "backed by",
        "financed by",
        "bankrolled by",
    ),
    cued(
        r"\b(?:investment|funding|financing|backing|capital|money)\s+from\s+(?P<rest>.*)",
        "investment from",
        "funding from",
        "financing from",
        "backing from",
        "capital from",
        "money from",
    ),
    cued(
        r"\bas\s+well\s+as\s+(?:from\s+)?(?:new\s+|existing\s+|other\s+)?investors\s+(?:including\s+|"
        r"such\s+as\s+)?(?P<rest>.*)",
        "as well as",
    ),
]
_AMONG_INVESTORS = cued(
    r"(?P<list>(?:(?:the\s+)?{E}(?:,\s+|\s+and\s+|,\s+and\s+)?)+)(?:,[^,]{0,60},)?\s+(?:(?:were|are|was|is)\s+"
    r"(?:also\s+)?(?:among\s+(?:the\s+)?(?:new\s+|other\s+|existing\s+|early\s+)?(?:investors|"
    r"backers|participants)|(?:new\s+|existing\s+)?(?:investors|backers)\s+in\s+the\s+round|"
    r"taking\s+part|participating)|(?:also\s+)?(?:joined|join|participated\s+in|took\s+part\s+in)"
    r"\s+(?:the|that|this)\s+(?:round|financing|raise|funding)|also\s+(?:invested|participated|"
    r"chipped\s+in|put\s+in\s+money|took\s+part|joined\s+in)(?=\s*[.,;]|$))",
    "investor",
    "backer",
    "participa",
    "taking part",
    "join",
    "took part",
    "chipped",
    "put in",
    "also invested",
)
_LIST_STOP = re.compile(r"\s(?:which|who|that|to|for|at|in\s+a|while|after|because)\s|;|\s—\s|\.$")
_ROUND = re.compile(
    r"\b(?P<round>Series\s+[A-K](?:-?\d|\+)?|pre-seed|seed(?:\s+extension)?|angel|bridge|"
    r"pre-Series\s+[A-K])"
    r"(?=\s|,|\.|;|$)",
    re.IGNORECASE,
)
_VALUATION = [
    rx(r"{M:m}\s+(?P<kind>post-money\s+|pre-money\s+)?valuation"),
    rx(
        r"(?P<kind>post-money\s+|pre-money\s+)?valuation\s+(?:of|at|was|reported\s+at|to|"
        r"of\s+more\s+than)\s+(?:(?:about|around|roughly|approximately|nearly|more\s+than|over|"
        r"some|at\s+least)\s+)*{M:m}"
    ),
    rx(
        r"\bvalu(?:ed|ing|es)\s+(?:[^\ue000\ue002.;]{0,40}?|{E}\s+)?at\s+(?:(?:about|around|"
        r"roughly|approximately|nearly|more\s+than|over|some|at\s+least)\s+)*{M:m}"
    ),
]
_STAKE = re.compile(
    r"(\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent)\s+(?:\w+\s+){0,2}?(?:stake|interest|holding|"
    r"ownership|of\s+the\s+(?:company|startup|shares))|stake\s+of\s+(\d+(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"(?:completing|complete|completes|bringing\s+(?:its|the|their)\s+total\s+"
    r"(?:\w+\s+)?to|a\s+total\s+of|total\s+of|in\s+total|its\s+total)\s+"
    r"(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "bringing its total funding to $260 million": what the company has raised so far, no round
_COMPANY_TOTAL = re.compile(
    r"\btotal\s+(?:funding|raised|capital|investment|financing)\s+"
    r"(?:raised\s+)?(?:to\s+date\s+)?(?:to|of|at)\s+(?:(?:about|more\s+than|"
    r"nearly|over|some|roughly)\s+)*$",
    re.IGNORECASE,
)
_TRANCHE = re.compile(
    r"\b(?:another|additional|follow-on|tranche|initial|second|further)\b", re.IGNORECASE
)


def investments(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X raised $N", "Y invested $N in X", "Y's investment in X", and investor lists."""
    past = _PAST_ROUND.search(p.masked)
    if past is not None and _PAST_ROUND_TAIL.search(past.group("tail")):
        p = _past_round(p, ctx, out, past)
    _backings(p, ctx, out)
    totals = False
    for m in _RAISE.finditer(p.masked):
        close = p.masked.find(M_CLOSE, m.start("amt"))
        if funding_total(p, m.start(), m.start("amt")):
            totals = True
            continue
        if is_per_unit(p, m.start("amt")):
            continue
        if _not_funding(p, m.start(), close):
            continue
        co = subject(p, m.start(), ctx) or _founders_company(p, ctx, m.start())
        _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _VALUED_IN_ROUND.finditer(p.masked):
        if not _IN_RELATIVE.search(p.masked, 0, m.start()):  # "X, which was valued at ..."
            _investment(p, ctx, out, subject(p, m.start(), ctx), None, m.start(), m.end(), None)
    for m in _RAISE_FROM.finditer(p.masked):
        _investment(p, ctx, out, subject(p, m.start(), ctx), None, m.start(), m.end(), None)
    for pattern in (_INVEST, _COMMIT, _INVEST_NOUN, _INVEST_FOR_STAKE):
        for m in pattern.finditer(p.masked):
            target = p.ent(m.group("co"))
            if (
                target is None
                or (target.possessive and not _SHARES.match(p.masked, m.end()))
                or _BACKGROUND_STAKE.search(p.masked[max(0, m.start() - 20) : m.end()])
                or _commitment_of_values(m)
            ):
                continue
            investor = p.ent(m.groupdict().get("inv")) or subject(p, m.start(), ctx, kind="any")
            amount = p.amount(m.groupdict().get("amt"))
            _investment(
                p,
                ctx,
                out,
                p.ent(m.group("co")),
                investor,
                m.start(),
                m.end(),
                amount,
                also=conjuncts(p, investor),
            )
    for m in _BUYS_SHARES.finditer(p.masked):
        investor = subject(p, m.start(), ctx, kind="any")
        co, amount = p.ent(m.group("co")), p.amount(m.group("amt"))
        if investor is not None:  # "the fund bought $40 million of X shares": no one named
            _investment(p, ctx, out, co, investor, m.start(), m.end(), amount)
    for m in _HOLDS.finditer(p.masked):
        investor = subject(p, m.start(), ctx, kind="any")
        _investment(p, ctx, out, p.ent(m.group("co")), investor, m.start(), m.end(), None)
    for m in _GAPPED.finditer(p.masked):
        for inv, amt in (("inv1", "a1"), ("inv2", "a2")):
            _investment(
                p,
                ctx,
                out,
                p.ent(m.group("co")),
                p.ent(m.group(inv)),
                m.start(),
                m.end(),
                p.amount(m.group(amt)),
            )
    for m in _WITH_ROUND.finditer(p.masked):
        co = subject(p, m.start(), ctx)
        _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _LED_IN.finditer(p.masked):
        lead = subject(p, m.start(), ctx, kind="any")
        co = p.ent(m.group("co"))
        _investment(p, ctx, out, co, lead, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _ITEM_ROUND.finditer(p.masked):
        co = p.ent(m.group("co"))
        _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _ROUND_NOUN.finditer(p.masked):
        co = p.ent(m.group("co"))
        if co is not None and not co.modifier and co.kind != "person":
            _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _ROUND_THAT.finditer(p.masked):
        co = p.ent(m.group("co"))
        if co is not None and not co.modifier and co.kind != "person":
            _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _ROUND_IS.finditer(p.masked):
        it = p.ent(m.group("it"))
        home = speaker_company(ctx, p.sentence)
        if home is not None and (it is None or it.surface.lower() in ("it", "this", "that")):
            co = Ent(0, 0, home, home, "company", "description")
            _investment(p, ctx, out, co, None, m.start(), m.end(), p.amount(m.group("amt")))
    for m in _COUNTS_AS_BACKER.finditer(p.masked):
        investor = p.ent(m.group("inv"))
        _investment(p, ctx, out, subject(p, m.start(), ctx), investor, m.start(), m.end(), None)
    _added_instalments(p, ctx, out)
    if not totals or out.events:
        _investor_lists(p, ctx, out)
    _later_conversion(p, ctx, out)
    _later_valuation(p, ctx, out)


_ADDED = cued(
    r"\band\s+(?:then\s+|later\s+)?(?:added|put\s+in|invested|injected|committed)\s+"
    r"(?:another\s+|a\s+further\s+|an\s+additional\s+)?{M:amt}",
    "added",
    "put in",
    "invested",
    "injected",
    "committed",
)


def _added_instalments(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X invested $1.25 billion in Y in 2023 and added $2.75 billion in March": two."""
    told = [e for e in out.events if e.type == "investment"]
    if not told:
        return
    for m in _ADDED.finditer(p.masked):
        amount = p.amount(m.group("amt"))
        if amount is None or blocked(p, m.start(), m.end()):
            continue
        first = told[-1]
        fields = dict(first.fields, amount_usd=amount.money.usd, valuation_usd=None, round=None)
        when = find_periods(p.masked[m.end() : clause_end(p, m.end())], lang="en", on=ctx.doc.date)
        extra: dict[str, Any] = {"tranche": False}
        if when and ctx.doc.date and int(when[0].period[:4]) < ctx.doc.date.year:
            extra["year"] = int(when[0].period[:4])
        if when:
            extra["when"] = when[0].period
        out.add(
            p,
            "investment",
            fields,
            0.7,
            money=amount,
            extra=extra,
            date=when[0].period if when else None,
        )


_COUNTS_AS_BACKER = cued(
    r"\b(?:counts|counted|count|lists|listed)\s+{E:inv}\s+(?:as|among)\s+(?:a|an|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:shareholders?|investors?|backers?|owners?|stakeholders?)\b",
    "shareholder",
    "investor",
    "backer",
    "owner",
    "stakeholder",
)


# "is now valued at $1.9 billion after raising $120 million, up from $420 million when it
# raised a $55 million Series A led by Eclipse in 2023": the comparison tells an earlier round
# of the same company, with its own amount, round, investors and valuation
_PAST_ROUND = cued(
    r"(?:,\s+|\s+)(?:(?:up|down)\s+from|compared\s+with|compared\s+to|versus|from)\s+"
    r"(?:(?:about|around|roughly|nearly|just|less\s+than|more\s+than|some)\s+)*{M:old}\s+"
    r"(?:when|after|at\s+the\s+time\s+of|at|in|with)\s+(?P<tail>[^;]*)",
    "from",
    "compared",
    "versus",
)
_PAST_ROUND_TAIL = re.compile(
    r"^(?:(?:it|the\s+(?:company|startup|firm)|\ue000\d+\ue001)\s+(?:last\s+)?(?:raised|closed|"
    r"took\s+in|secured)\b|"
    r"(?:its|a|the)\s+(?:\S+\s+){0,3}?(?:round|Series\s+[A-K]|seed|funding|financing|raise)\b)",
    re.IGNORECASE,
)
_PAST_LEAD = rx(r"\b(?:led|co-led)\s+by\s+(?P<list>{E}(?:(?:,\s+(?:and\s+)?|\s+and\s+){E})*)")


def _past_round(p: Parsed, ctx: Context, out: Found, m: re.Match[str]) -> Parsed:
    """The earlier round a comparison tells (added to ``out``); the sentence before it, for
    the rules of the current round."""
    before = replace(p, masked=p.masked[: m.start()], memo={})
    raises = list(_RAISE.finditer(before.masked))
    co = subject(before, raises[-1].start() if raises else m.start(), ctx)
    company = org_name(co)
    if company is None or blocked(p, m.start(), len(p.masked)):
        return before
    tail = m.start("tail")
    stop = clause_end(p, tail)
    old = p.amount(m.group("old"))
    amounts = [a for pos, a in money_after(p, tail, stop) if not is_per_unit(p, pos)]
    valued = _valuation(before, m.start()) is not None
    amount = amounts[0] if amounts else (None if valued else old)
    lead = _PAST_LEAD.search(p.masked, tail, stop)
    investors = [
        e.name
        for e in (entity_list(p, lead.start("list"), lead.end("list")) if lead else [])
        if e.name != company and e.kind != "product"
    ]
    found = [r for r in _ROUND.finditer(p.masked, tail, stop)]
    fields: dict[str, Any] = {
        "company": company,
        "investors": investors,
        "amount_usd": amount.money.usd if amount else None,
        "stake_pct": None,
        "valuation_usd": old.money.usd if old is not None and valued else None,
        "round": _round_name(found[0].group("round")) if found else None,
    }
    extra: dict[str, Any] = {"total": False, "tranche": False, "past": True}
    when = find_periods(p.masked[tail:stop], lang="en", on=ctx.doc.date)
    if when and ctx.doc.date and int(when[0].period[:4]) < ctx.doc.date.year:
        extra["year"] = int(when[0].period[:4])
    if fields["amount_usd"] or fields["round"] or investors:
        out.add(p, "investment", fields, 0.75, names=[co], money=amount, extra=extra)
    return before


def _later_valuation(p: Parsed, ctx: Context, out: Found) -> None:
    """ "The round values the company at $1.1 billion": the valuation of the deal just told."""
    values = None if out.events else _IT_VALUES.match(p.masked)
    if out.events or not (_ROUND_WORD.search(p.masked) or _round_values(p, values)):
        return
    valuation = _valuation(p, len(p.masked))
    target = _current_investment(p, ctx, out) if valuation is not None else None
    valued = p.ent(values.group("co")) if values is not None else None
    if (
        target is not None
        and valuation is not None
        and (valued is None or valued.name == target.fields.get("company"))
        and not target.fields.get("valuation_usd")
        and not blocked(p, 0, len(p.masked))
    ):
        target.fields["valuation_usd"] = valuation.money.usd


# "It values us at $540 million after the money": "it" is the round just told
_IT_VALUES = rx(
    r"^(?:[A-Z]{1,3}:\s+)?(?:it|this|that|{E:it})\s+(?:values|valued|puts|put)\s+"
    r"(?:{E:co}|the\s+company|the\s+startup|the\s+business)\s+at\b"
)


def _round_values(p: Parsed, m: re.Match[str] | None) -> bool:
    it = p.ent(m.group("it")) if m is not None else None
    return m is not None and (it is None or it.surface.lower() in ("it", "this", "that"))


_ROUND_WORD = re.compile(
    r"\b(?:round|funding|financing|investment|raise)\b[^.;]{0,40}\bvalu|"
    r"\b(?:round|funding|financing|investment|raise)\b[^.;]{0,80}\bworth\b[^.;]{0,40}\bvalu",
    re.IGNORECASE,
)
# the article's own conversion of the amount just told, in the next sentence: "That is about
# $435 million", "The round, led by X, was worth roughly $435 million at the time"
_CONVERTED = cued(
    r"(?:\b(?:[Tt]hat|[Tt]his|[Ii]t)\s+|\b(?i:round|raise|investment|financing|funding|sum|"
    r"amount|figure)\b[^.;\ue002]{0,60}?\b)(?:is|was|comes\s+to|came\s+to|amounts\s+to|"
    r"amounted\s+to|equals|equalled|equaled)\s+(?:worth\s+|equal\s+to\s+|equivalent\s+to\s+)?"
    r"(?:(?:about|around|roughly|approximately|some|nearly|almost|just\s+over|just\s+under)\s+)?"
    r"{M:amt}",
    "that",
    "this",
    "it ",
    "worth",
    "equal",
)


def _later_conversion(p: Parsed, ctx: Context, out: Found) -> None:
    """ "raised €400 million in a Series C. That is about $435 million": the article's own
    dollar figure for the amount of the deal just told (near the rate's, or it is another)."""
    if any(e.type == "investment" for e in out.events):
        return
    for m in _CONVERTED.finditer(p.masked):
        amount = p.amount(m.group("amt"))
        target = _current_investment(p, ctx, out)
        if amount is None or target is None or amount.money.currency != "USD":
            continue
        told = target.money
        if (
            told is None
            or told.currency == "USD"
            or not told.usd
            or p.sentence.index - target.extra.get("sentence_index", -99) > 2
            or not 0.6 <= amount.money.amount / told.usd <= 1.6
        ):
            continue
        target.fields["amount_usd"] = amount.money.amount
        target.money = Money(told.amount, told.currency, amount.money.amount)
        return


_DEBT = re.compile(
    r"^\s*(?:(?:senior|secured|unsecured|revolving|syndicated|term|bridge|venture|new|"
    r"multi-year|five-year|three-year)\s+)*(?:credit\s+(?:facility|line)|loan|debt|revolver|"
    r"line\s+of\s+credit|bonds?|notes\s+offering|term\s+loan|financing\s+facility)\b"
)


_DEBT_WORDS = re.compile(
    r"\b(?:credit\s+(?:facility|line)|loans?|debt|revolver|line\s+of\s+credit|"
    r"bonds?|banks)\b",
    re.IGNORECASE,
)


def _not_funding(p: Parsed, start: int, close: int) -> bool:
    """ "Raised $N in revenue", "announced a $N charge": an amount that is not new capital."""
    after = p.masked[close + 1 : close + 50].lower()
    if re.match(
        r"^\s*(?:in\s+)?(?:revenue|sales|arr|annual|charge|loss|profit|debt\s+offering)", after
    ) or _DEBT.match(after):
        return True
    verb = p.masked[start : start + 12].lower()
    if verb.startswith(("announce", "complete", "close", "agree", "unveil", "won", "win", "add")):
        return not re.search(
            r"\b(?:round|funding|financing|series|seed|investment|raise)\b",
            p.masked[start : close + 60],
            re.IGNORECASE,
        )
    return False


def conjuncts(p: Parsed, e: Ent | None) -> list[Ent]:
    """ "Microsoft and Nvidia to invest": the names joined to ``e`` by "and"."""
    if e is None or e not in p.ents:
        return []
    end = p.ent_pos[p.ents.index(e)][1]
    m = re.match(r"(?:(?:,\s+|\s+and\s+|,\s+and\s+)\ue000\d+\ue001)+", p.masked[end:])
    if not m:
        return []
    return [x for x in (p.ent(i) for i in re.findall(r"\ue000(\d+)\ue001", m.group(0))) if x]


# backers named in passing: "SoftBank-backed Kanto", "Kanto, a robot maker backed by SoftBank",
# "X, which counts A and B among its backers", "Y, a portfolio company of Z": an investment
# of no known amount or round
_BACKED_BEFORE = cued(r"{E:inv}-(?:backed|funded)\s+{E:co}", "-backed", "-funded")
_BACKED_AFTER = cued(
    r"{E:co},\s+(?:(?:a|an|the)\s+[^,;\ue000]{0,60}?\s+|(?:also\s+)?)(?:backed|funded)\s+by\s+"
    r"(?P<list>(?:{E}(?:,\s+(?:and\s+)?|\s+and\s+)?){1,6})(?=[,;.]|$)",
    "backed by",
    "funded by",
)
_COUNTS_BACKERS = cued(
    r"{E:co},?\s+(?:which|who)\s+counts\s+(?P<list>(?:{E}(?:,\s+(?:and\s+)?|\s+and\s+)?){1,6})"
    r"\s*among\s+its\s+(?:early\s+)?(?:backers|investors|shareholders)\b",
    "among its",
)
_PORTFOLIO_OF = cued(
    r"{E:co},\s+(?:a|one)\s+(?:of\s+the\s+)?portfolio\s+compan(?:y|ies)\s+of\s+{E:inv}",
    "portfolio compan",
)


def _backings(p: Parsed, ctx: Context, out: Found) -> None:
    for pattern in (_BACKED_BEFORE, _BACKED_AFTER, _COUNTS_BACKERS, _PORTFOLIO_OF):
        for m in pattern.finditer(p.masked):
            co = p.ent(m.group("co"))
            if m.groupdict().get("list"):
                start = m.start("list")
                backers = entity_list(p, start, m.end("list"))
            else:
                backers = [e for e in (p.ent(m.group("inv")),) if e is not None]
            company = company_name(co)
            names = [b.name for b in backers if org_name(b) and b.name != company]
            if not company or not names or blocked(p, m.start(), m.end()):
                continue
            fields: dict[str, Any] = {
                "company": company,
                "investors": names,
                "amount_usd": None,
                "stake_pct": None,
                "valuation_usd": None,
                "round": None,
            }
            out.add(p, "investment", fields, 0.6, names=[co], extra={"backing": True})


# "The pair raised a $14 million seed round": founders raise for the company they founded
_FOUNDERS_SUBJECT = re.compile(
    r"(?:^|[.;]\s+)(?:the\s+(?:pair|duo|trio|two|three|founders|co-?founders|researchers|"
    r"engineers)|they|the\s+(?:two|three)\s+(?:founders|co-?founders|researchers|engineers))\s+"
    r"(?:(?:have|had|has|also|then|quickly|already|since|now|reportedly)\s+)*$",
    re.IGNORECASE,
)


def _founders_company(p: Parsed, ctx: Context, pos: int) -> Ent | None:
    """The company the people a plural subject stands for founded or joined in the last
    sentences (two or more of them moving to it)."""
    if not _FOUNDERS_SUBJECT.search(p.masked, 0, pos):
        return None
    moves = [
        e
        for e in ctx.events
        if e.type == "talent_move"
        and e.fields.get("to")
        and p.sentence.index - e.extra.get("sentence_index", -99) <= 3
    ]
    if not moves:
        return None
    latest = moves[-1].fields["to"]
    if sum(e.fields["to"] == latest for e in moves) < 2:
        return None
    return Ent(0, 0, str(latest), str(latest), "company", "description")


def _investment(
    p: Parsed,
    ctx: Context,
    out: Found,
    co: Ent | None,
    investor: Ent | None,
    start: int,
    end: int,
    amount: MoneyMatch | None,
    *,
    also: list[Ent] | None = None,
) -> None:
    company = org_name(co) if investor is None else company_name(co)
    if company is None or blocked(p, start, end):
        return
    investors = [investor.name] if investor is not None and investor.name != company else []
    investors += [e.name for e in also or [] if e.name != company and e.name not in investors]
    if investor is not None and not investors:
        return
    fields: dict[str, Any] = {"company": company, "investors": investors}
    stop = clause_end(p, end)
    amount, total = _best_amount(p, start, stop, amount)
    valuation = _valuation(p, stop)
    if amount is not None and valuation is not None and amount.money.usd == valuation.money.usd:
        amount = None
    fields["amount_usd"] = amount.money.usd if amount else None
    fields["stake_pct"] = _stake(p)
    fields["valuation_usd"] = valuation.money.usd if valuation else None
    fields["round"] = _round(p, start)
    extra = {"total": total, "tranche": bool(_TRANCHE.search(p.masked[start:stop]))}
    extra.update(past_year(p, ctx))
    out.add(p, "investment", fields, 0.85, names=[co, investor], money=amount, extra=extra)


def _best_amount(
    p: Parsed, start: int, stop: int, given: MoneyMatch | None
) -> tuple[MoneyMatch | None, bool]:
    valuations = {id(v) for v in _valuations(p)}
    candidates = [
        (pos, m)
        for pos, m in money_after(p, start, stop)
        if id(m) not in valuations and not is_per_unit(p, pos)
    ]
    so_far = [m for pos, m in candidates if _COMPANY_TOTAL.search(p.masked[max(0, pos - 60) : pos])]
    candidates = [(pos, m) for pos, m in candidates if all(m is not t for t in so_far)]
    for pos, m in candidates:
        if _TOTAL.search(p.masked[max(0, pos - 60) : pos]):
            return m, True
    if given is not None and any(given is t for t in so_far):
        given = None
    if given is not None:
        return given, False
    return (candidates[0][1], False) if candidates else (None, False)


def _valuations(p: Parsed) -> list[MoneyMatch]:
    found = []
    for pattern in _VALUATION:
        for m in pattern.finditer(p.masked):
            amount = p.amount(m.group("m"))
            if amount is not None:
                found.append(amount)
    return found


def _valuation(p: Parsed, stop: int) -> MoneyMatch | None:
    post, plain, pre = None, None, None
    for pattern in _VALUATION:
        for m in pattern.finditer(p.masked):
            amount = p.amount(m.group("m"))
            kind = (m.groupdict().get("kind") or "").strip().lower()
            if kind.startswith("post"):
                post = post or amount
            elif kind.startswith("pre"):
                pre = pre or amount
            else:
                plain = plain or amount
    return post or plain or pre


def _stake(p: Parsed) -> float | None:
    m = _STAKE.search(p.masked)
    return float(m.group(1) or m.group(2)) if m else None


def _round(p: Parsed, start: int) -> str | None:
    found = list(_ROUND.finditer(p.masked))
    if not found:
        return None
    best = min(found, key=lambda m: abs(m.start() - start))
    return _round_name(best.group("round"))


def _round_name(found: str) -> str:
    word = re.sub(r"\s+", " ", found)
    return (
        word[0].upper() + word[1:]
        if not word.lower().startswith("series")
        else "Series " + word.split()[-1].upper()
    )


def _investor_lists(p: Parsed, ctx: Context, out: Found) -> None:
    names: list[Ent] = []
    for m in _LEAD.finditer(p.masked):
        if not blocked(p, m.start(), m.end()):
            names += entity_list(p, m.start("list"), m.end("list"))
    for m in _AMONG_INVESTORS.finditer(p.masked):
        names += entity_list(p, m.start("list"), m.end("list"))
    for m in _LED_GROUP.finditer(p.masked):
        lead = p.ent(m.group("inv"))
        names += [lead] if lead is not None else []
    debt = bool(_DEBT_WORDS.search(p.masked))
    for pattern in _INVESTOR_LISTS:
        for m in pattern.finditer(p.masked):
            if debt:
                break
            rest_start = m.start("rest")
            stop = _LIST_STOP.search(p.masked, rest_start)
            end = stop.start() if stop else m.end("rest")
            if not blocked(p, m.start(), m.start() + 5):
                names += entity_list(p, rest_start, end)
    names = [e for e in names if e.kind != "product" and e.via != "pronoun"]
    if not names:
        return
    target = _current_investment(p, ctx, out)
    if target is None:
        return
    company = target.fields.get("company")
    listed = [e.name for e in names if e.name != company]
    target.fields["investors"] = _union(target.fields.get("investors") or [], listed)
    if not target.fields.get("round"):
        target.fields["round"] = _round(p, 0)


# after a round told in the same paragraph: "Index led it, Nvidia came in, and our seed
# investor Amplify came back in", "Y joined", "Z participated": investors of that round
_JOINERS = cued(
    r"(?:^[A-Z]{1,3}:\s+|^|[.;,]\s+(?:and\s+)?|\s+and\s+)"
    r"(?:(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,3}?)?(?P<list>{E}(?:(?:,\s+|,?\s+and\s+){E})*)"
    r"\s+(?:also\s+)?(?:(?P<came>came|come|comes)\s+(?:back\s+)?in|joined|participated|"
    r"(?:led|co-led)(?:\s+(?P<it>it\b|{E}))?)(?=\s*(?:[,.;]|$)|\s+(?:too|as\s+well|again)\b|\s+and\s)",
    "came",
    "come",
    "joined",
    "participated",
    "led",
)


def round_joiners(p: Parsed, ctx: Context, out: Found) -> None:
    """Investors a paragraph names after its round ("Index led it", "X came in")."""
    if not _JOINERS.search(p.masked):
        return
    target = _current_investment(p, ctx, out)
    if target is None:
        return
    told = target.extra.get("sentence_index", p.sentence.index)
    if ctx.doc.sentences[told].block != p.sentence.block:
        return  # another paragraph's round
    names: list[Ent] = []
    for m in _JOINERS.finditer(p.masked):
        it = m.group("it")
        if it is not None and it != "it":
            led = p.ent(it[1:-1]) if it[:1] == E_OPEN else None
            if led is None or led.surface.lower() != "it":
                continue  # "X led Y": not the round
        if not blocked(p, m.start(), m.end()):
            names += entity_list(p, m.start("list"), m.end("list"))
    company = target.fields.get("company")
    listed = [
        e.name
        for e in names
        if e.name != company and e.via != "pronoun" and org_name(e) and e.kind != "product"
    ]
    if listed:
        target.fields["investors"] = _union(target.fields.get("investors") or [], listed)


def _current_investment(p: Parsed, ctx: Context, out: Found) -> Any:
    """The investment a list of investors belongs to: this sentence's, else one found in the
    previous sentences of the same block or paragraph."""
    here = [e for e in out.events if e.type == "investment"]
    if here:
        return here[-1]
    named = {e.name for e in p.ents if e.possessive or e is first_subject(p)}
    for event in reversed(ctx.events):  # "Tessellate's round came from angels including X"
        if (
            event.type == "investment"
            and event.fields.get("company") in named
            and p.sentence.index - event.extra.get("sentence_index", -99) <= 12
        ):
            return event
    for event in reversed(ctx.events):
        if event.type != "investment":
            continue
        index = event.extra.get("sentence_index", -10)
        same_item = p.sentence.kind != "item" or index >= ctx.block_start.get(p.sentence.block, 0)
        if p.sentence.index - index <= 3 and same_item:
            return event
        break
    return None


def _union(a: list[str], b: list[str]) -> list[str]:
    out = list(a)
    for name in b:
        if name not in out:
            out.append(name)
    return out


# acquisitions ------------------------------------------------------------------------------

_AGREE = (
    r"(?:agreed|agrees|agree|signed\s+(?:a|an)\s+(?:definitive\s+|merger\s+|binding\s+|"
    r"final\s+)?agreement|(?:has\s+)?entered\s+into\s+(?:a|an)\s+(?:definitive\s+)?"
    r"agreement|struck\s+(?:a\s+)?deal|reached\s+(?:a|an)\s+(?:deal|agreement)|plans|"
    r"planned|announced\s+plans|is\s+set|moved|move|deal|agreement|plan)"
)
_ACQUIRE_VERB = (
    r"(?:acquire[sd]?|acquiring|buy|buys|bought|buying|purchase[sd]?|purchasing|"
    r"pick(?:ed|s)?\s+up|picking\s+up|"
    r"snap(?:ped|s)?\s+up|snapping\s+up|take[sn]?\s+over|took\s+over|taking\s+over|"
    r"merge\s+with|swallow(?:ed|s)?|scoop(?:ed|s)?\s+up)"
)
_ACQUIRE = cued(
    rf"\b(?:{_AGREE}\s+to\s+|to\s+)?{_ACQUIRE_VERB}\s+{{DESC}}{{E:obj}}",
    "acquir",
    "buy",
    "bought",
    "purchas",
    "snap",
    "take",
    "took",
    "taking",
    "merge",
    "swallow",
    "scoop",
    "picked up",
    "picks up",
    "pick up",
    "picking up",
)
_ACQUIRED_BY = cued(
    r"\b(?:was|were|is|has\s+been|had\s+been|will\s+be|being|got|get)\s+(?:\w+\s+)?(?:(?:acquired|"
    r"bought|purchased|snapped\s+up|taken\s+over)\s+by|sold\s+to)\s+{DESC}{E:acq}",
    "acquired",
    "bought",
    "purchased",
    "snapped",
    "taken",
    "sold",
)
_THAT_ACQUIRED = cued(
    r"{E:obj},\s+(?:{E}\s+|(?:a|an|the)\s+[^,]{0,80}?\s+)?(?:that|which)\s+{E:acq}\s+"
    r"(?:had\s+|has\s+)?(?:acquired|bought|purchased|took\s+over)",
    "acquired",
    "bought",
    "purchased",
    "took over",
)
_ACQUISITION_NOUN = cued(
    r"\b(?:acquisition|purchase|takeover|buyout)\s+of\s+{DESC}{E:obj}(?:\s+by\s+{E:acq})?",
    "acquisition",
    "purchase",
    "takeover",
    "buyout",
)
_UNIT = re.compile(r"['’]s?\s+([a-z][\w-]+)\s+(?:division|unit|business|arm|operations|segment)\b")
_ALSO_BOUGHT = rx(
    r"(?:\s+(?:in|last|this)\s+\w+)?(?:,\s+|\s+and\s+|,\s+and\s+){DESC}{E:obj}(?=[\s,.;]|$)"
)
_OBJECT_FOLLOW = re.compile(r"^\s*(?:['’]s?\s|[a-z]+\b)")
_OBJECT_FOLLOW_OK = re.compile(
    r"^\s*(?:for|in|from|to|and|which|that|after|as|last|this|earlier|on|at|with|but|"
    r"outright|while|the|a|an|its|--|subject|days|weeks|months|back|two|three|four|five|six|"
    r"some|who|when|because|since|itself|themselves|entirely|fully|together|alongside)\b"
)
_FOR_AMOUNT = re.compile(
    r"(?:for|at|worth|valued\s+at|value\s+of|price\s+of|valuing\s+\S+\s+at)\s+"
    r"(?:(?:about|around|roughly|approximately|nearly|some|more\s+than|"
    r"an\s+estimated|a\s+reported|up\s+to)\s+)*$",
    re.IGNORECASE,
)


_MERGER = cued(
    r"{E:a}(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC)\.?)?\s+and\s+{E:b}(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC)\.?)?\s+(?:said\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:they|it)\s+)?(?:have\s+|had\s+|"
    r"has\s+)?(?:completed|closed|finalized|finalised|agreed\s+to|announced|sealed|signed)\s+"
    r"(?:their|a|an|the)\s+(?:[\w$-]+\s+){0,3}?(?:merger|combination|all-stock\s+deal)",
    "merger",
    "combination",
    "all-stock",
)


_ACQUIRE_DESCRIBED = cued(
    rf"\b(?:{_AGREE}\s+to\s+|to\s+)?{_ACQUIRE_VERB}\s+(?:the|its)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:platform|service|app|business|marketplace|network|tool|software\s+maker)\b",
    "acquir",
    "buy",
    "bought",
    "purchas",
)


def _described_target(p: Parsed, m: re.Match[str], acquirer: Ent | None) -> Ent | None:
    """ "OpenAI named Statsig's founder its CTO after agreeing to buy the experimentation
    platform": the company named before that is not the buyer."""
    for _pos, e in reversed(p.ents_in(0, m.start())):
        if (
            e.is_org()
            and not e.looks_like_person()
            and (acquirer is None or e.name != acquirer.name)
        ):
            return e
    return None


_PURCHASE_LIST = cued(
    r"(?:\b(?:its|their|the|two|three|four|five|several|other|earlier|smaller|previous|recent)\s+|"
    r"{E:acq}['’]s?\s+)(?:[\w-]+\s+){0,3}?(?:purchases|acquisitions|buys|takeovers|deals)\b"
    r"[^:;\ue000]{0,50}:\s+(?P<list>{E}.*)",
    "purchases",
    "acquisitions",
    "buys",
    "takeovers",
)


# "Its latest purchase, announced on Monday, is Corvid Labs": the deal named by a copula
_PURCHASE_IS = cued(
    r"(?:{E:acq}['’]s?|\b(?P<pro>[Ii]ts|[Tt]heir))\s+(?:(?:latest|newest|most\s+recent|"
    r"biggest|largest|first|second|third|(?:\$?[\w.-]+\s+)?(?:billion|million)|\ue002\d+\ue003|"
    r"[\w-]+-dollar)\s+)*(?:purchase|acquisition|buy|takeover)(?:,[^,;\ue000]{0,60},)?\s+"
    r"(?:is|was)\s+{DESC}{E:obj}",
    "purchase",
    "acquisition",
    "buy",
    "takeover",
)


def _purchase_list(p: Parsed, ctx: Context, out: Found) -> None:
    """ "The deal follows two smaller purchases: Mipsology, a French company, and Nod.ai": each
    bought by the company the sentence is about."""
    for m in _PURCHASE_LIST.finditer(p.masked):
        acquirer = (
            p.ent(m.group("acq")) or possessor(p, m.start("list")) or subject(p, m.start(), ctx)
        )
        if acquirer is None or not acquirer.is_org():
            name = focus_company(ctx, p.sentence.index)
            acquirer = Ent(0, 0, name, name, "company", "description") if name else None
        for target in _appositive_list(p, m.start("list")):
            _acquisition(p, ctx, out, acquirer, target, m.start(), m.end())


def _appositive_list(p: Parsed, start: int) -> list[Ent]:
    """ "A, a French company that makes X, and B, a US start-up": A and B."""
    found: list[Ent] = []
    for pos, e in p.ents_in(start, len(p.masked)):
        head = p.masked[start:pos]
        if found and not re.search(r"(?:^|,\s+(?:and\s+)?|\s+and\s+)$", head):
            continue
        if e.is_org() and not e.possessive:
            found.append(e)
        start = p.ent_pos[p.ents.index(e)][1]
    return found


def acquisitions(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X agreed to buy Y", "Y was bought by X", "X's acquisition of Y", "Y, which X acquired",
    "X and Y completed their merger"."""
    _purchase_list(p, ctx, out)
    _sales(p, ctx, out)
    for m in _PURCHASE_IS.finditer(p.masked):
        acquirer = p.ent(m.group("acq")) or (p.ref_at(m.start("pro")) if m.group("pro") else None)
        _acquisition(p, ctx, out, acquirer, object_at(p, m, "obj"), m.start(), m.end())
    for m in _MERGER.finditer(p.masked):
        _acquisition(p, ctx, out, p.ent(m.group("a")), p.ent(m.group("b")), m.start(), m.end())
    for m in _ACQUIRE.finditer(p.masked):
        target = object_at(p, m, "obj")
        if target is not None and (
            target.modifier or (not target.possessive and _object_is_modifier(p, m.end()))
        ):
            continue
        target = _unit(p, ctx, m, target)
        acquirer = subject(p, m.start(), ctx) or _person_buyer(p, ctx, m.start(), target)
        _acquisition(p, ctx, out, acquirer, target, m.start(), m.end())
        also = _ALSO_BOUGHT.match(p.masked, m.end())
        if also and m.group(0).split()[0].lower() in ("acquired", "bought", "purchased", "picked"):
            _acquisition(p, ctx, out, acquirer, p.ent(also.group("obj")), m.start(), also.end())
    for m in _ACQUIRE_DESCRIBED.finditer(p.masked):
        acquirer = subject(p, m.start(), ctx)
        _acquisition(p, ctx, out, acquirer, _described_target(p, m, acquirer), m.start(), m.end())
    for m in _ACQUIRED_BY.finditer(p.masked):
        target = subject(p, m.start(), ctx)
        _acquisition(p, ctx, out, p.ent(m.group("acq")), target, m.start(), m.end())
    for m in _THAT_ACQUIRED.finditer(p.masked):
        _acquisition(
            p, ctx, out, p.ent(m.group("acq")), p.ent(m.group("obj")), m.start("acq"), m.end()
        )
    for m in _ACQUISITION_NOUN.finditer(p.masked):
        acquirer = p.ent(m.group("acq")) or _possessor(p, m.start()) or subject(p, m.start(), ctx)
        _acquisition(p, ctx, out, acquirer, object_at(p, m, "obj"), m.start(), m.end())


def _person_buyer(p: Parsed, ctx: Context, pos: int, target: Ent | None) -> Ent | None:
    """ "Elon Musk, who bought Twitter for $44 billion in 2022": a person named as the buyer
    of a company the registry knows (never a pronoun or a description standing for one)."""
    if target is None or target.kind != "company" or target.via not in ("name", "alias"):
        return None
    person = subject(p, pos, ctx, kind="person")
    if person is None or person.kind != "person" or person.via not in ("name", "surname"):
        return None
    return person


# A divestiture is the buyer's acquisition: "AMD agreed to sell ZT Systems' manufacturing
# business to Sanmina", "Intel sold its Altera unit to Silver Lake"
_SELLS_TO = cued(
    rf"\b(?:{_AGREE}\s+to\s+|to\s+|will\s+)?(?:sell|sells|sold|selling|divest|divests|"
    r"divested|divesting|offload|offloads|offloaded|spin\s+off|spun\s+off)\s+(?:its\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?{E:obj}(?P<unit>['’]s?\s+(?:[\w-]+\s+){0,3}?(?:business|unit|division|"
    r"arm|operations|segment)|\s+(?:business|unit|division|arm|operations|segment))?\s+to\s+"
    r"{DESC}{E:acq}",
    "sell",
    "sold",
    "divest",
    "offload",
)


def _sales(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _SELLS_TO.finditer(p.masked):
        target = p.ent(m.group("obj"))
        if target is None or target.kind not in ("company", "unknown"):
            continue  # "sells H100s to Meta" is a supply, not a sale of a company
        _acquisition(p, ctx, out, p.ent(m.group("acq")), target, m.start(), m.end())


def _unit(p: Parsed, ctx: Context, m: re.Match[str], target: Ent | None) -> Ent | None:
    """ "ABB's robotics division": the unit, named as the article names it ("ABB Robotics")."""
    if target is None or not target.possessive:
        return target
    unit = _UNIT.match(p.masked, m.end("obj") + 1)
    if not unit:
        return target
    name = f"{target.name} {unit.group(1).title()}"
    known = ctx.doc.canonical(name)
    return Ent(target.start, target.end, name, known[0], "company", "description")


def _object_is_modifier(p: Parsed, end: int) -> bool:
    """ "buy Nvidia chips": the name describes the object, it is not the object."""
    tail = p.masked[end : end + 30]
    return (
        bool(_OBJECT_FOLLOW.match(tail))
        and not _OBJECT_FOLLOW_OK.match(tail)
        and not tail.lstrip().startswith((",", ".", ";", "(", ")"))
    )


def _possessor(p: Parsed, pos: int) -> Ent | None:
    """The owner in "X's $6.9 billion purchase of" or "its acquisition of"."""
    return possessor(p, pos)


def _acquisition(
    p: Parsed,
    ctx: Context,
    out: Found,
    acquirer: Ent | None,
    target: Ent | None,
    start: int,
    end: int,
) -> None:
    if _CONSORTIUM.search(p.masked, max(0, start - 40), start):
        return  # "X joined the consortium buying Y": the consortium buys
    buyer, bought = org_name(acquirer), company_name(target)
    if (
        buyer is None
        and acquirer is not None
        and acquirer.kind == "person"
        and acquirer.via in ("name", "surname")
        and target is not None
        and target.kind == "company"
    ):
        buyer = acquirer.name  # "Twitter, which Elon Musk bought": a named person buys
    if (
        buyer
        and bought
        and target is not None
        and bought.startswith(buyer + " ")
        and target.surface != bought
        and target.via == "name"
    ):
        bought = target.surface  # "DeepMind", not the unit it became inside its buyer
    if not buyer or not bought or buyer == bought or blocked(p, start, end):
        return
    amount = _deal_amount(p, start)
    if amount is None and p.sentence.cells:
        amount = next(
            (m for pos, m in p.money_in(0, len(p.masked)) if not is_per_unit(p, pos)), None
        )
    extra = past_year(p, ctx)
    out.add(
        p,
        "acquisition",
        {"acquirer": buyer, "target": bought, "amount_usd": amount.money.usd if amount else None},
        0.85,
        names=[acquirer, target],
        money=amount,
        extra=extra,
    )


_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=\ue000|the\s|its\s|it\s|they\s)")
_IN_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^,;]*$")
_CONSORTIUM = re.compile(
    r"\b(?:consortium|syndicate|group\s+of\s+investors|investor\s+group)\s+$", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\s|\s[—–]\s")


def _deal_amount(p: Parsed, start: int) -> MoneyMatch | None:
    """The price: an amount after "for", "valued at", "worth"; else the largest in the clause
    that is not per share."""
    stop = clause_end(p, start)
    begin = max((b.end() for b in _CLAUSE_BREAK.finditer(p.masked, 0, start)), default=0)
    limit = max(stop, start + 400)
    if _IN_RELATIVE.search(p.masked, 0, start) and "," in p.masked[start:stop]:
        limit = p.masked.index(",", start)  # "Canva, which bought A and B, is valued at $N"
    following = _NEXT_CLAUSE.search(p.masked, start)
    if following:
        limit = min(limit, following.start())  # "..., and Qualcomm bought Y for $2.4 billion"
    candidates = [
        (pos, m)
        for pos, m in p.money_in(begin, len(p.masked))
        if not is_per_unit(p, pos) and pos < limit
    ]
    for pos, m in candidates:
        if _FOR_AMOUNT.search(p.masked[max(0, pos - 40) : pos]) or re.search(
            r"(?:equity|enterprise|transaction|deal)\s+value\s+of\s+(?:\w+\s+)?$",
            p.masked[max(0, pos - 50) : pos],
            re.IGNORECASE,
        ):
            return m
    for pos, m in candidates:
        if re.match(
            r"\s+(?:deal|acquisition|purchase|takeover|buyout|transaction)\b",
            p.masked[p.masked.find(M_CLOSE, pos) + 1 :],
        ):
            return m
    return None
