"""English rules for relations between companies: partnerships and customers.

A partnership is two or more companies working together ("X and Y signed a partnership", "X
is partnering with Y", "the companies will jointly develop"); a customer relation has a
direction, the vendor selling or licensing to the customer ("X signed a deal to use Y's
cloud", "X will pay Y for access to its data", "Y suspended X's account"), and a status.
"""

from __future__ import annotations

import re
from functools import cache

from newsbot.core.extract.en_common import (
    Found,
    blocked,
    clause_end,
    cued,
    entity_list,
    is_per_unit,
    object_at,
    org_name,
    partner_name,
    possessor,
    rx,
    subject,
)
from newsbot.core.extract.en_deals import conjuncts
from newsbot.core.extract.en_names import (
    M_CLOSE,
    M_OPEN,
    Context,
    Ent,
    Parsed,
    focus_company,
    speaker_company,
)
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.registry import Registry

# partnerships and customers ----------------------------------------------------------------

_DEAL_NOUN = (
    r"(?:partnership|collaboration|alliance|agreement|deal|pact|joint\s+venture|tie-up|"
    r"memorandum\s+of\s+understanding|memorandum\s+of\s+(?:cooperation|collaboration)|mou)"
)
_JOINTLY = (
    r"(?:(?:plan|plans|agreed|agree|are\s+going|aim|aims|intend|intends)\s+to\s+)?"
    r"(?:jointly\s+(?:develop|build|create|design|market|sell|offer|bid|research|invest|launch|"
    r"operate|run|produce|deploy)|co-?develop|co-?design|co-?create|co-?build|collaborate|"
    r"work\s+together|(?:are|be)\s+working\s+together|team(?:ed|ing)?\s+up|"
    r"join(?:ed|ing)?\s+forces|partner(?:ed|ing)?\s+(?:on|to))"
)
# The cue words of the deal nouns (_DEAL_NOUN): a sentence with none of them names no deal.
_DEAL_CUES = (
    "partnership", "collaboration", "alliance", "agreement", "deal", "pact", "venture",
    "tie-up", "memorandum", "mou",
)  # fmt: skip
_PARTNER_BOTH = cued(
    rf"{{E:a}}\s+and\s+{{E:b}}\s+(?:have\s+|has\s+|also\s+|on\s+\w+\s+|will\s+|are\s+|is\s+)*(?:(?:signed|"
    rf"announced|formed|struck|entered\s+into|agreed\s+on|agreed\s+to\s+form|agreed|inked|"
    rf"unveiled|reached|expanded|extended|launched|forged|sealed|sign|announce|form|expand)\s+(?:a\s+|an\s+|their\s+)?(?P<mods>(?:[\w,$\ue002\ue003-]+\s+){{0,4}}?)"
    rf"{_DEAL_NOUN}|{_JOINTLY})",
    *_DEAL_CUES,
    "jointly",
    "co-develop",
    "codevelop",
    "co-design",
    "codesign",
    "co-create",
    "cocreate",
    "co-build",
    "cobuild",
    "collaborate",
    "together",
    "team",
    "join",
    "partner",
)
_PARTNER_WITH = cued(
    r"\b(?:signed|announced|formed|struck|entered\s+into|inked|unveiled|reached|expanded|"
    r"extended|forged|sealed|signs|announces|forms|strikes|enters\s+into|inks|unveils|"
    r"expands|has|have|had)\s+(?:a\s+|an\s+|its\s+|their\s+|the\s+)?"
    r"(?P<mods>(?:[\w,$\ue002\ue003-]+\s+){0,4}?)(?:partnerships?|collaborations?|alliances?|agreements?|"
    r"deals?|pacts?|joint\s+ventures?|tie-ups?|memorand(?:um|a)\s+of\s+(?:understanding|"
    r"cooperation|collaboration)|mou)\s+with\s+"
    r"{DESC}{E:b}",
    *_DEAL_CUES,
    "contract",
)
_PARTNER_VERB = cued(
    r"\b(?:partnered|partners|partnering|partner|teamed\s+up|teams\s+up|teaming\s+up|team\s+up|"
    r"collaborated|collaborates|collaborating|collaborate|joined\s+forces|joins\s+forces|"
    r"joining\s+forces|join\s+forces|co-?developed|co-?develops|co-?developing)\s+with\s+"
    r"{DESC}{E:b}",
    "partner",
    "team",
    "collaborat",
    "forces",
    "develop",
)
_TIE_UP_OF = cued(
    r"{E:a}['’]s?\s+(?:[\w-]+\s+){0,2}?(?:tie-up|partnership|alliance|collaboration|pact)\s+with\s+"
    r"{DESC}{E:b}",
    "tie-up",
    "partnership",
    "alliance",
    "collaboration",
    "pact",
)
_WORKING_WITH = cued(
    r"\b(?:is|are|was|were|has\s+been|will\s+be|it\s+is|it\s+was)\s+(?:now\s+|also\s+)?"
    r"working\s+(?:closely\s+)?with\s+{DESC}{E:b}\s+(?:to|on)\s",
    "working",
)
_PREFERRED_PARTNER = cued(
    r"\b(?:will\s+become|became|becomes|has\s+become|is|was|as|named|names|chose|chosen\s+as|"
    r"selected\s+as|picked\s+as)\s+(?:the\s+|a\s+|an\s+)?{E:b}['’]s?\s+(?:[\w-]+\s+){0,3}?"
    r"partner\b",
    "partner",
)
_BOTH_JOINTLY = cued(
    r"\b(?:the\s+(?:two|three|four)\s+companies|both\s+companies|the\s+companies|the\s+pair|"
    r"the\s+partners|the\s+two|they)\s+(?:will\s+|would\s+|also\s+|have\s+|had\s+)*"
    rf"{_JOINTLY}",
    "jointly",
    "develop",
    "design",
    "create",
    "build",
    "collaborate",
    "together",
    "team",
    "forces",
    "partner",
)
_INTEGRATED_INTO = cued(
    r"(?:{E:owner}['’]s?\s+)?{E:prod}\s+(?:is|was|will\s+be|has\s+been|have\s+been|were|are|"
    r"being|now)\s+(?:now\s+)?(?:being\s+)?integrated\s+(?:into|in|with)\s+(?:the\s+)?"
    r"(?:{E:owner2}['’]s?\s+)?{E:prod2}",
    "integrated",
)
_VENTURE_SET_UP = cued(
    r"\b(?:joint\s+)?venture,?\s+(?:that\s+|which\s+)?{E:a}\s+(?:set\s+up|formed|created|launched|"
    r"established|started)\s+(?:in\s+\w+\s+)?with\s+(?P<list>{E}.*)",
    "venture",
)
_N_COMPANIES = cued(
    r"\b(?:the\s+)?(?:two|three|four|five)\s+companies\s+(?:said|announced|say|announce|confirmed)",
    "companies",
)
_UNDER_WHICH_BUYS = rx(
    r"[^.;]{0,40}?\b(?:under\s+which|that\s+(?:will\s+)?(?:see|has|lets))\s+{E:cust}\s+(?:will\s+|would\s+|is\s+to\s+)?"
    r"(?:deploy|buy|purchase|use|rent|license|licence|take|receive)\b"
)
_OFFERS_MODELS = cued(
    r"\b(?:offered|offers|offering|made|makes|making|will\s+make|will\s+offer|has\s+offered|"
    r"resell|resells|reselling|resold|distribute|distributes|distributing|distributed|"
    r"will\s+sell|sells|selling)\s+"
    r"(?:{E:b}['’]s?|its)\s+(?:[\w-]+\s+){0,2}?(?:models?|technology|tools)\s+(?:available\s+)?"
    r"(?:to|on|through|in)\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:customers|cloud|"
    r"platform|users|clients|marketplace)",
    "model",
    "technology",
    "tools",
)
_INTEGRATE = cued(
    r"\bintegrat(?:e|es|ed|ing)\s+(?:{E:owner}['’]s?\s+)?(?:[\w-]+\s+){0,2}?{E:prod}\s+"
    r"(?:\w+\s+){0,2}?(?:into|in|with|inside)\b",
    "integrat",
)
_CUSTOMER_WORDS = re.compile(
    r"\b(?:commercial|customer|supply|licen[cs]\w*|services|purchase|"
    r"procurement|content)\b",
    re.IGNORECASE,
)
_NOT_PARTNERSHIP = re.compile(
    r"\b(?:to\s+acquire|to\s+buy|merger|acquisition|to\s+be\s+acquired|"
    r"to\s+merge)\b",
    re.IGNORECASE,
)


# development and manufacturing work done together: "will co-develop AI chips with Intel",
# "named Kestrel its preferred manufacturing partner", "will take on design work across X's
# accelerators"
_CO_DEVELOP_WITH = cued(
    r"\b(?:co-?develop|co-?design|co-?build|co-?create|co-?engineer|jointly\s+(?:develop|design|"
    r"build|create|engineer))(?:s|ed|ing)?\s+(?:[^.;\ue000]{0,60}?\s)?(?:with|alongside)\s+"
    r"{DESC}{E:b}",
    "develop",
    "design",
    "build",
    "create",
    "engineer",
)
_NAMED_ITS_PARTNER = cued(
    r"\b(?:named|names|naming|chose|chooses|picked|picks|selected|selects|tapped|taps|appointed|"
    r"appoints)\s+{E:b}\s+(?:as\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,3}?partner\b",
    "partner",
)
_WORK_ACROSS = cued(
    r"\b(?:take|takes|took|taking|handle|handles|handled|handling|lead|leads|led|leading|do|does|"
    r"did|doing)\s+(?:on\s+)?(?:the\s+|all\s+|some\s+|most\s+)?(?:[\w-]+\s+)?(?:design|"
    r"engineering|manufacturing|development|integration|packaging)\s+work\s+(?:across|for|on)\s+"
    r"(?:(?:the|all|some|several|most)\s+(?:of\s+)?)?{DESC}{E:b}",
    "work",
)


# "the partnership between SAP and Mistral AI", "an alliance among A, B and C"
_BETWEEN = cued(
    r"\b(?:partnership|collaboration|alliance|tie-up|pact|joint\s+venture|agreement|deal)\s+"
    r"(?:between|among)\s+{E:a}\s*(?P<list>(?:,\s+{E}\s*)*(?:,\s+)?and\s+{E})",
    "between",
    "among",
)
# "A's models will be available natively in B's platform under a partnership", "under a
# partnership, A's models will be offered on B": offering the other's product is the deal
_OFFERED_ON = cued(
    r"{E:a}['’]s?\s+(?:[\w-]+\s+|{E}\s+){0,3}?(?:models?|technology|software|tools|agents?|"
    r"assistant|chatbot|apps?|services|{E:prod})\s+(?:will\s+be|would\s+be|are|is|become|became|"
    r"have\s+become|has\s+become|were|was)\s+(?:now\s+|also\s+|natively\s+|directly\s+)*"
    r"(?:available|offered|sold|hosted)\s+(?:natively\s+|directly\s+)?"
    r"(?:in|on|inside|within|through|via|into)\s+(?:the\s+)?{E:b}",
    "available",
    "offered",
    "sold",
    "hosted",
)


def partnerships(p: Parsed, ctx: Context, out: Found) -> None:
    """ "X and Y signed a partnership", "X entered into a collaboration agreement with Y",
    "X partnered with Y", "the three companies said", "X will integrate Y's product"."""
    for m in _PARTNER_BOTH.finditer(p.masked):
        _partnership(p, out, [p.ent(m.group("a")), p.ent(m.group("b"))], m, m.group("mods") or "")
    for m in _PARTNER_WITH.finditer(p.masked):
        a = subject(p, m.start(), ctx)
        b = p.ent(m.group("b"))
        if re.search(r"licen[cs]", m.group("mods") or "", re.IGNORECASE) and not _CONTENT.search(
            p.masked, m.start(), clause_end(p, m.end())
        ):
            # "X struck a licensing deal with Y": Y licenses its technology to X
            before = len(out.events)
            _customer(p, ctx, out, b, a, m, "active")
            for event in out.events[before:]:
                event.extra["licence"] = True
            continue
        if (
            _BUYER_WORDS.search(p.masked, m.end(), clause_end(p, m.end()))
            or _SELLS_AFTER.match(p.masked, m.end())
            or (_DEPLOYS_ITS.match(p.masked, m.end()) and not _COLLABORATION.search(m.group(0)))
            or re.search(rf"\b{_COMPUTE}\s*$", m.group("mods") or "", re.IGNORECASE)
            or infra_sale(p, ctx, a, b, m, m.group("mods") or "")
        ):
            # "a deal with Oracle ... for computing power", "a $10 billion agreement with Y
            # to supply it with chips", "a compute deal with Y": a sale (see customers)
            continue
        if not _COLLABORATION.search(m.group(0)) and _bought_from(p, m.start("b")):
            continue  # "a three-year agreement with Y for its software": a purchase (customers)
        for other in [b, *conjuncts(p, b)]:
            _partnership(p, out, [a, other], m, m.group("mods"))
        bought = _WHICH_BUYS_ITS.match(p.masked, m.end())
        if bought:  # "a partnership with Y, which will buy its software for $2 million"
            _customer(p, ctx, out, a, b, bought, "active")
    for pattern in (_PARTNER_VERB, _WORKING_WITH):
        for m in pattern.finditer(p.masked):
            b = p.ent(m.group("b"))
            for other in [b, *conjuncts(p, b)]:
                _partnership(p, out, [subject(p, m.start(), ctx), other], m, "")
    for pattern in (_CO_DEVELOP_WITH, _NAMED_ITS_PARTNER, _WORK_ACROSS):
        for m in pattern.finditer(p.masked):
            b = _owner(ctx, p.ent(m.group("b")))
            _partnership(p, out, [subject(p, m.start(), ctx), b], m, "", confidence=0.7)
    for m in _BETWEEN.finditer(p.masked):
        others = [e for _, e in p.ents_in(m.start("list"), m.end("list"))]
        _partnership(p, out, [p.ent(m.group("a")), *others], m, "", confidence=0.7)
    if _COLLABORATION.search(p.masked) and not any(e.type == "partnership" for e in out.events):
        for m in _OFFERED_ON.finditer(p.masked):
            a = _owner(ctx, p.ent(m.group("a")))
            _partnership(p, out, [a, _owner(ctx, object_at(p, m, "b"))], m, "", confidence=0.7)
    for m in _TIE_UP_OF.finditer(p.masked):
        _partnership(p, out, [p.ent(m.group("a")), p.ent(m.group("b"))], m, "", confidence=0.7)
    for m in _PREFERRED_PARTNER.finditer(p.masked):
        _partnership(
            p, out, [subject(p, m.start(), ctx), p.ent(m.group("b"))], m, "", confidence=0.7
        )
    for m in _BOTH_JOINTLY.finditer(p.masked):
        named = [e for _, e in p.ents_in(0, len(p.masked)) if org_name(e) and not e.modifier]
        pair: list[Ent | None] = (
            [*named] if len(named) >= 2 else _last_two_companies(p, ctx, m.start())
        )
        if len(pair) == 2 and not any(e.type == "partnership" for e in out.events):
            _partnership(p, out, pair, m, "", confidence=0.6)
    for m in _INTEGRATED_INTO.finditer(p.masked):
        a = p.ent(m.group("owner")) or _owner(ctx, p.ent(m.group("prod")))
        b = p.ent(m.group("owner2")) or _owner(ctx, p.ent(m.group("prod2")))
        _partnership(p, out, [a, b], m, "", confidence=0.6)
    for m in _VENTURE_SET_UP.finditer(p.masked):
        others = entity_list(p, m.start("list"), _list_end(p, m.start("list")))
        _partnership(p, out, [p.ent(m.group("a")), *others], m, "joint venture", confidence=0.7)
    for m in _N_COMPANIES.finditer(p.masked):
        if re.search(
            r"\b(?:arrangement|agreement|deal|partnership|collaboration|alliance)\b",
            p.masked,
            re.IGNORECASE,
        ):
            owners = [
                _owner(ctx, e)
                for _, e in p.ents_in(0, m.start())
                if e.kind in ("company", "product") or e.possessive
            ]
            _partnership(p, out, owners, m, "", confidence=0.7)
    for m in _TWO_COMPANIES.finditer(p.masked):
        pair = _last_two_companies(p, ctx, m.start())
        if len(pair) == 2:
            _partnership(p, out, pair, m, m.group("mods"), confidence=0.6)
    for m in _VENTURE_WITH.finditer(p.masked):
        founder = p.ent(m.group("a")) or subject(p, m.start(), ctx)
        others = entity_list(p, m.start("list"), _list_end(p, m.start("list")))
        _partnership(p, out, [founder, *others], m, "joint venture", confidence=0.7)
    for m in _OFFERS_MODELS.finditer(p.masked):
        _partnership(
            p, out, [subject(p, m.start(), ctx), p.ent(m.group("b"))], m, "", confidence=0.6
        )
    for m in _INTEGRATE.finditer(p.masked):
        product = p.ent(m.group("prod"))
        owner = p.ent(m.group("owner")) or _owner(ctx, product)
        if product is not None and (product.kind == "product" or owner is not product):
            a = subject(p, m.start(), ctx)
            _partnership(p, out, [a, owner], m, "", confidence=0.6)


_TWO_COMPANIES = cued(
    rf"\b(?:the\s+two\s+companies|both\s+companies|the\s+pair)\s+(?:have\s+|has\s+|also\s+|"
    rf"had\s+|on\s+\w+\s+)*(?:signed|announced|formed|struck|entered\s+into|agreed\s+(?:on|to\s+"
    rf"form)|inked|unveiled|reached|expanded|extended|forged|sealed)\s+(?:a\s+|an\s+|their\s+)?"
    rf"(?P<mods>(?:[\w,$\ue002\ue003-]+\s+){{0,4}}?){_DEAL_NOUN}",
    "companies",
    "pair",
)
_VENTURE_WITH = cued(
    r"(?:{E:a}\s+)?(?:set\s+up|sets\s+up|formed|forms|created|creates|established|launched|"
    r"agreed\s+to\s+form)\s+(?:in\s+\w+\s+)?(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:joint\s+venture|"
    r"venture|consortium|alliance)[^.;\ue000]{0,40}?\bwith\s+(?P<list>{E}.*)",
    "venture",
    "consortium",
    "alliance",
)


# a relative clause on the partner that buys the subject's product: the partner is a customer
_WHICH_BUYS_ITS = re.compile(
    r",\s+which\s+(?:will\s+|would\s+|is\s+to\s+|also\s+|has\s+agreed\s+to\s+|agreed\s+to\s+)*"
    r"(?:buys?|bought|purchase[sd]?|licen[cs]e[sd]?|pays?|paid|subscribes?|subscribed)\s+"
    r"[^.;,\ue000]{0,40}?\b(?:its|their)\s+[^.;\ue000]{0,60}"
)


def _bought_from(p: Parsed, vendor: int) -> bool:
    """Whether the deal with the company at ``vendor`` is for its product ("an agreement with
    Y for its software"): the customer rule (_DEAL_WITH_FOR) reads it as a purchase."""
    return any(
        d.start("vendor") == vendor and not _SUPPLY_NOUN.search(d.group(0))
        for d in _DEAL_WITH_FOR.finditer(p.masked)
    )


def _list_end(p: Parsed, start: int) -> int:
    stop = re.compile(r"\s(?:to|which|who|that|for|in\s+a)\s|;|\.(?:\s|$)").search(p.masked, start)
    return stop.start() if stop else len(p.masked)


def _last_two_companies(p: Parsed, ctx: Context, pos: int) -> list[Ent | None]:
    """The two companies "the two companies" means: the last two named before ``pos``."""
    names: list[str] = []
    for _pos, e in reversed(p.ents_in(0, pos)):
        if org_name(e) and e.name not in names:
            names.append(e.name)
    for _i, name, kind in reversed(ctx.doc.recent):
        if len(names) >= 2:
            break
        if kind == "company" and name not in names:
            names.append(name)
    return [Ent(0, 0, n, n, "company", "description") for n in names[:2]]


def _owner(ctx: Context, e: Ent | None) -> Ent | None:
    """A product's company (from the registry), else the entity itself."""
    if e is None or e.kind != "product":
        return e
    owner = ctx.product_owner(e)
    return Ent(e.start, e.end, e.surface, owner, "company", "alias") if owner else None


def _partnership(
    p: Parsed,
    out: Found,
    ents: list[Ent | None],
    m: re.Match[str],
    mods: str,
    *,
    confidence: float = 0.8,
) -> None:
    names: list[str] = []
    for e in ents:
        name = partner_name(e)
        if name and name not in names:
            names.append(name)
    if len(names) < 2 or blocked(p, m.start(), m.end()):
        return
    if _NOT_PARTNERSHIP.search(p.masked[m.start() : m.end() + 20]):
        return
    buyer = _UNDER_WHICH_BUYS.match(p.masked, m.end())
    if buyer and len(names) == 2 and not _COLLABORATION.search(m.group(0)):
        customer = org_name(p.ent(buyer.group("cust")))
        if customer in names:
            vendor = names[1] if customer == names[0] else names[0]
            out.add(
                p,
                "customer",
                {"vendor": vendor, "customer": customer, "amount_usd": None, "status": "active"},
                0.7,
                names=ents,
            )
            return
    if (
        _CUSTOMER_WORDS.search(mods or "")
        and len(names) == 2
        and re.search(r"\b(?:commercial|customer|supply)\b", mods, re.I)
    ):
        out.add(
            p,
            "customer",
            {"vendor": names[0], "customer": names[1], "amount_usd": None, "status": "active"},
            0.7,
            names=ents,
        )
        return
    summary = re.sub(r"\s+", " ", p.text).strip()[:200]
    out.add(p, "partnership", {"companies": names, "summary": summary}, confidence, names=ents)


_LICENCE = cued(
    r"\b(?:taking|took|takes|take|signed|secured|obtained|gets|got|get|receives|received|paying|"
    r"pays|paid|pay|bought|acquired|acquiring|acquires)\s+(?:[^.;]{0,80}?\s+)?(?:for\s+)?"
    r"(?:a\s+|an\s+)?(?:non-?exclusive\s+|exclusive\s+)?licen[cs]e\s+(?:to|for|of|on)\s+"
    r"(?:some\s+of\s+|parts\s+of\s+|certain\s+of\s+)?{E:vendor}(?:['’]s?)?",
    "licen",
)
# "X struck an arrangement with Y, paying $160 million for a licence to its voice models":
# "its" is the licensor, the company named before that is not the payer
_LICENCE_ITS = cued(
    r"\b(?:taking|took|takes|take|signed|secured|obtained|gets|got|get|receives|received|paying|"
    r"pays|paid|pay|bought|acquired|acquiring|acquires)\s+(?:[^.;]{0,80}?\s+)?(?:for\s+)?"
    r"(?:a\s+|an\s+)?(?:non-?exclusive\s+|exclusive\s+)?licen[cs]e\s+(?:to|for|of|on)\s+"
    r"(?:some\s+of\s+|parts\s+of\s+|certain\s+of\s+)?(?P<pro>its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:technology|technologies|models?|software|ip|intellectual\s+property|patents|designs?|"
    r"algorithms|know-how|tools|platform|code|weights|voices?|data|catalog(?:ue)?|content)\b",
    "licen",
)
_LICENSED = cued(
    r"\blicen[cs](?:e|ed|es|ing)\s+{E:vendor}['’]s?\s+(?:[\w-]+\s+){0,2}?(?:technology|"
    r"technologies|models?|software|ip|intellectual\s+property|patents|designs?|algorithms|"
    r"know-how|tools|platform|code|weights)",
    "licen",
)
_LICENSES_TO = cued(
    r"\blicen[cs](?:ed|es|ing)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:technology|"
    r"models?|software|ip|patents)\s+to\s+{E:customer}",
    "licen",
)
_STOPPED = cued(
    r"(?<!the\s)\b(?P<verb>is\s+ending|are\s+ending|ended|ends|end|has\s+ended|will\s+end|halted|halts|"
    r"halting|paused|pauses|pausing|suspended|suspends|suspending|stopped|stops|cut\s+ties|"
    r"cuts\s+ties|cutting\s+ties|severed\s+ties|dropped|drops|wound\s+down|winding\s+down|"
    r"no\s+longer\s+works|terminated|terminates|put\s+on\s+hold|froze|frozen|pulled\s+back|"
    r"scrapped|scraps|cancell?ed|cancels|pulled\s+the\s+plug\s+on)\s+"
    r"(?:(?:its|their|all|the|a)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:work|relationship|contracts?|"
    r"projects?|business|partnership|spending|engagement|use|test|tests|pilot|trial|deal|"
    r"agreement|program|programme|subscription|collaboration|arrangement)\s+)?"
    r"(?:with\s+|from\s+|of\s+)?{DESC}{E:vendor}(?!['’]s?\s+(?:[\w-]+\s+)?(?:access|accounts?)\b)",
    "end",
    "halt",
    "paus",
    "suspend",
    "stop",
    "ties",
    "dropped",
    "drops",
    "wound",
    "winding",
    "longer",
    "terminat",
    "hold",
    "froze",
    "frozen",
    "pulled",
    "scrap",
    "cancel",
)
_STOPPED_USING = cued(
    r"\b(?:stopped|stops|no\s+longer)\s+(?:using|uses|use)\s+{DESC}{E:vendor}", "stop", "longer"
)
_IS_CUSTOMER = cued(
    r"\b(?:is|has\s+been|was|became|becomes|remains|signed\s+on\s+as|signed\s+up\s+as|"
    r"joined\s+as|signs\s+on\s+as)\s+(?:already\s+|also\s+|now\s+|itself\s+)*"
    r"(?:a|an)\s+(?:{E:vendor}\s+)?(?:[\w-]+\s+){0,2}?customer(?:\s+of\s+{E:vendor2})?",
    "customer",
)
_APPOSITIVE_CUSTOMER = cued(
    r"{E:customer},\s+{E:vendor}['’]s\s+(?:largest\s+|biggest\s+|top\s+|main\s+|key\s+|"
    r"single\s+largest\s+|anchor\s+)?(?:customer|client)",
    "customer",
    "client",
)
_COUNTS_AS_CUSTOMER = cued(
    r"\b(?:counted|counts|count)\s+{E:customer}(?P<more>(?:(?:,\s+(?:and\s+)?|\s+and\s+){E})*)"
    r"(?:['’]s)?\s+(?:among|as)\b[^.;]{0,80}"
    r"\b(?:customers|clients|companies\s+that\s+use)",
    "count",
)
_COMMERCIAL = cued(
    r"(?:{E:vendor}['’]s?|its)\s+(?:first\s+|new\s+|latest\s+)?(?:commercial|customer|supply|"
    r"services)\s+(?:agreement|deal|contract)[^.;]{0,60}?\bwith\s+{DESC}{E:customer}",
    "commercial",
    "customer",
    "supply",
    "services",
)
_USES = cued(
    r"\b(?:will\s+|would\s+|to\s+)?(?:use|uses|used|tap|taps|tapped|rely\s+on|relies\s+on|"
    r"turned\s+to|turns\s+to|rent|rents|rented)\s+{E:vendor}(?:['’]s?)?\s+(?:{E}\s+|[\w-]+\s+)?(?:cloud|"
    r"chips|gpus|infrastructure|compute|capacity|models?|servers|data\s+centers|platform|"
    r"services|technology)",
    "use",
    "used",
    "tap",
    "rely",
    "relies",
    "turn",
    "rent",
)
_USES_PRODUCT = cued(
    r"\b(?:will\s+|would\s+|to\s+)?(?:use|uses|used|tap|taps|tapped|rely\s+on|"
    r"relies\s+on)\s+{E:product}\b",
    "use",
    "used",
    "tap",
    "rely",
    "relies",
)
_REVOKE = cued(
    r"\b(?P<verb>revoked|revokes|revoking|cut\s+off|cuts\s+off|cutting\s+off|suspended|suspends|"
    r"suspending|blocked|blocks|blocking|banned|bans|restricted|restricts|shut\s+off|shuts\s+off|"
    r"shut\s+down|shuts\s+down|terminated|terminates|limited|limits|disabled|disables|"
    r"closed|closes|deactivated|deactivates)\s+(?:most\s+of\s+|some\s+of\s+|all\s+of\s+)?"
    r"(?:{E:customer}['’]s?\s+(?:[\w-]+\s+){0,2}?(?:access|accounts?|api|subscriptions?|"
    r"licen[cs]es?)\b|(?:the\s+)?(?:[\w-]+\s+)?(?:access|accounts?)\s+(?:of|for|belonging\s+to)\s+"
    r"{DESC}{E:customer2})",
    "revok",
    "cut off",
    "cuts off",
    "cutting off",
    "suspend",
    "block",
    "ban",
    "restrict",
    "shut",
    "terminat",
    "limit",
    "disabl",
    "close",
    "deactivat",
)
_SUPPLY = cued(
    r"\b(?:signed|signs|won|wins|landed|lands|inked|struck|secured|secures)\s+(?:a|an)\s+"
    r"[^.;\ue000]{0,80}?\b(?:contract|deal|agreement|order)\b[^.;\ue000]{0,60}?\bto\s+"
    r"(?:supply|provide|deliver|sell)\s+[^.;\ue000]{0,60}?\bto\s+{E:customer}",
    "suppl",
    "provid",
    "deliver",
    "sell",
)
_SPEND_ON = cued(
    r"\b(?:spend|spends|spent|spending|commit|commits|committed|committing)\s+(?:to\s+spend(?:ing)?\s+)?"
    r"(?:(?:about|roughly|around|nearly|more\s+than|up\s+to|some|an\s+additional|another)\s+)*{M}"
    r"\s+(?:[\w-]+\s+){0,2}?(?:on|with|to)\s+{DESC}{E:vendor}",
    "spen",
    "commit",
)
_SPEND_FROM = cued(
    r"\b(?:spend|spends|spent|spending|commit|commits|committed|committing)\s+(?:to\s+spend(?:ing)?\s+)?"
    r"(?:(?:about|roughly|around|nearly|more\s+than|up\s+to|some|an\s+additional|another)\s+)*{M}"
    r"\s+on\s+[^.;\ue000]{0,60}?\bfrom\s+{DESC}{E:vendor}",
    "spen",
    "commit",
)
_SELECTED = cued(
    r"\b(?:selected|selects|chose|chooses|picked|picks|tapped|taps|adopted|adopts|standardi[sz]ed\s+on)\s+"
    r"{E:vendor}['’]s?\s+(?:{E}\s+)?(?:[\w-]+\s+){0,2}?(?:models?|chips|cloud|platform|software|"
    r"technology|services|ai|agents?|gpus|infrastructure)\b",
    "select",
    "chose",
    "choos",
    "picked",
    "picks",
    "tapped",
    "taps",
    "adopt",
    "standardi",
)
_TESTING_WITH = cued(
    r"\b(?:testing|tested|tests|piloting|piloted|pilots|trialling|trialing|trialled|trialed|"
    r"deploying|deployed)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:software|technology|models?|"
    r"systems?|platform|robots?|vehicles|cars|agents?|product|tools)\s+with\s+{DESC}{E:customer}",
    "testing",
    "tested",
    "tests",
    "pilot",
    "trial",
    "deploy",
)
_SUPPLY_TO = cued(
    r"\b(?:will\s+|to\s+|agreed\s+to\s+|would\s+)?(?:supply|supplies|supplied|supplying|provide|"
    r"provides|provided|providing|deliver|delivers|delivered|delivering|sell|sells|sold|selling)\s+"
    r"(?:(?:its|their|the|up\s+to|about|more\s+than)\s+)?(?:[^.;]{0,60}?\s)?(?:chips|gpus|"
    r"processors|accelerators|servers|memory|capacity|compute|computing|power|models?|software|"
    r"services|infrastructure|systems|cloud|data|semiconductors|hbm)\b[^.;\ue000]{0,40}?\bto\s+"
    r"{DESC}{E:customer}",
    "suppl",
    "provid",
    "deliver",
    "sell",
    "sold",
)
_BUY_FROM = cued(
    r"\b(?:committed|commits|agreed|agrees|signed\s+up|plans|pledged)\s+to\s+(?:buy|purchase|spend|"
    r"rent)\s+(?:up\s+to\s+|about\s+|more\s+than\s+)?{M}\s+(?:of|on|worth\s+of|in)\s+"
    r"[^.;\ue000]{0,60}?\bfrom\s+{E:vendor}",
    "to buy",
    "to purchase",
    "to spend",
    "to rent",
)
_PROVIDER = cued(
    r"{E:vendor}\s+(?:is|remains|became|becomes|will\s+be|has\s+been)\s+(?:also\s+|now\s+)?"
    r"{E:customer}['’]s?\s+(?:primary|main|preferred|exclusive|largest|biggest|key|lead|sole|"
    r"principal)?\s*(?:cloud\s+|chip\s+|compute\s+|data\s+|infrastructure\s+)?(?:provider|"
    r"supplier|vendor)",
    "provider",
    "supplier",
    "vendor",
)
_SUPPLIER_TO = cued(
    r"\b(?:is|remains|became|becomes|has\s+become|will\s+become|will\s+be|has\s+been|was|named|"
    r"chosen\s+as|selected\s+as)\s+(?:also\s+|now\s+)?(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?(?:supplier|"
    r"provider|vendor)\s+(?:to|of|for)\s+{DESC}{E:customer}",
    "supplier",
    "provider",
    "vendor",
)
# "the vendor it chose was Y", "the supplier Siemens uses is not a giant but Y": the
# chooser is the customer of the one named after the copula
_VENDOR_CHOSEN = cued(
    r"(?:\b(?:the|its|their)\s+(?:[\w-]+\s+)?(?:vendor|supplier|provider)|{E:noun})\s+"
    r"(?:that\s+|which\s+)?{E:customer}\s+(?:ended\s+up\s+)?(?:chose|chooses|picked|picks|"
    r"selected|selects|uses|used|relies\s+on|relied\s+on|went\s+with|goes\s+with|settled\s+on|hired|(?:has|had|have)\s+"
    r"(?:chosen|picked|selected|used|relied\s+on|gone\s+with|settled\s+on))\s+"
    r"(?:[^.;,\ue000]{0,40}?\s)?(?:was|is|has\s+been|had\s+been|turned\s+out\s+to\s+be)\s+"
    r"(?:(?P<neg>not\s+)[^.;]{0,80}?\bbut\s+)?{DESC}{E:vendor}",
    "chose",
    "choos",
    "pick",
    "select",
    "use",
    "reli",
    "went",
    "gone",
    "goes",
    "settled",
    "hired",
)
_BUT = re.compile(r"\bbut\s")
_VENDOR_NOUN = re.compile(
    r"^(?:the|its|their)\s+(?:[\w-]+\s+)?(?:vendor|supplier|provider)$", re.IGNORECASE
)
_SHARE_OF_REVENUE = cued(
    r"{E:customer},?\s+(?:which|who)\s+(?:accounted|accounts)\s+for\s+"
    r"(?:about\s+|roughly\s+|nearly\s+|more\s+than\s+)?\d[\d.]*\s?%\s+of",
    "accounted",
    "accounts",
)
_COLLABORATION = rx(r"\b(?:collaboration|partnership|alliance|joint\s+venture)\b")  # letters first
_PAUSE_WORDS = re.compile(r"paus|halt|suspend|hold|froz", re.IGNORECASE)


# A relation told from one side, the other being the company in focus or the pronoun's:
# "Microsoft, its largest customer", "Albertsons renewed", "Kaiser ended its contract",
# "GXO paused the deployment", "will deploy 500 robots for DHL", "signed Aldi as a customer".
_ITS_CUSTOMER = cued(
    r"{E:customer},\s+(?P<pro>its|their)\s+(?:largest|biggest|top|main|key|single\s+largest|"
    r"anchor|first|flagship|marquee|most\s+important|second-largest|second\s+largest)\s+"
    r"(?:customer|client)\b|(?P<pro2>its|their)\s+(?:largest|biggest|top|main|key|single\s+largest|"
    r"anchor|first|flagship|most\s+important|second-largest|second\s+largest)\s+"
    r"(?:customer|client),\s+{E:customer2}",
    "customer",
    "client",
)
_RELATION_NOUN = (
    r"(?:contracts?|deals?|agreements?|rollout|roll-out|deployments?|pilots?|trials?|"
    r"subscriptions?|orders?|programs?|programmes?|licen[cs]es?)"
)
_TOLD_FROM_ONE_SIDE = cued(
    r"{E:customer}\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+|later\s+|quietly\s+)*"
    r"(?P<verb>renewed|renews|extended|extends|expanded|expands|ended|ends|paused|pauses|halted|"
    r"halts|suspended|suspends|terminated|terminates|cancell?ed|cancels|froze|scrapped|"
    r"put\s+on\s+hold|wound\s+down|dropped|pulled)"
    r"(?:\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?" + _RELATION_NOUN + r"\b"
    r"(?!\s+(?:with|of|from|for)\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+){0,2}?\ue000)"
    r"|(?=\s*(?:[,.;]|$|\s+(?:but|and|last|this|earlier|in|on)\b)))",
    "renew",
    "extend",
    "expand",
    "end",
    "paus",
    "halt",
    "suspend",
    "terminat",
    "cancel",
    "froze",
    "scrap",
    "hold",
    "wound",
    "drop",
    "pulled",
)
_ONE_SIDE_WITH = cued(
    r"{E:customer}\s+(?:has\s+|have\s+|had\s+|also\s+)*(?P<verb>renewed|renews|extended|"
    r"extends|expanded|expands|paused|pauses|halted|halts|suspended|suspends|froze|ended|"
    r"terminated|cancell?ed|scrapped)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?"
    + _RELATION_NOUN
    + r"\s+(?:with|of)\s+(?:(?P<pro>its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:robots|systems|software|platform|products?|technology|tools|machines|devices|"
    r"services|models|chips)\b|{E:vendor})",
    "renew",
    "extend",
    "expand",
    "paus",
    "halt",
    "suspend",
    "froze",
    "end",
    "terminat",
    "cancel",
    "scrap",
)
_DEPLOYS_FOR = cued(
    r"\b(?:will\s+|to\s+|would\s+)?(?:deploy|deploys|deployed|deploying|install|installs|"
    r"installed|installing|roll\s+out|rolls\s+out|rolled\s+out|supply|supplies|supplied|"
    r"build|builds|built|building)\s+(?:[^.;\ue000]{0,60}?\s)?(?:for|at)\s+{E:customer}"
    r"(?:['’]s?\s+(?:[\w-]+\s+)?(?:warehouses?|stores?|factories|factory|plants?|"
    r"sites?|hospitals?|facilities|fulfil?ment\s+centers?|distribution\s+centers?|"
    r"data\s+centers?|branches|depots?|fleet|network)\b|(?!['’]|\s+(?:and|to|in)\b|"
    # "tunes models for AMD hardware": the platform they run on, not a buyer
    r"\s+(?:[\w-]+\s+)?(?:hardware|chips|gpus|processors|accelerators|silicon|devices|"
    r"platforms?|ecosystem|stack|instances)\b))",
    "deploy",
    "install",
    "roll",
    "supply",
    "supplies",
    "supplied",
    "build",
    "built",
)
_SIGNED_AS_CUSTOMER = cued(
    r"\b(?:signed|signs|added|adds|landed|lands|won|wins|secured|counts|counted)\s+(?:up\s+)?"
    r"{E:customer}\s+as\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:customer|client)\b",
    "customer",
    "client",
)
_ENDED_VERB = re.compile(r"^(?:ended|ends|terminat|cancel|scrap|wound|drop|pulled)", re.IGNORECASE)


def _status_of(verb: str) -> str:
    verb = verb.lower()
    if _PAUSE_WORDS.search(verb):
        return "paused"
    return "ended" if _ENDED_VERB.match(verb) else "active"


def _one_sided(p: Parsed, ctx: Context, out: Found, lowered: str) -> None:
    if "customer" in lowered or "client" in lowered:
        for m in _ITS_CUSTOMER.finditer(p.masked):
            pro = "pro" if m.group("pro") else "pro2"
            customer = p.ent(m.group("customer")) or p.ent(m.group("customer2"))
            vendor = p.ref_at(m.start(pro))
            if vendor is None or customer is None or vendor.name == customer.name:
                vendor = subject(p, m.start(), ctx)
            _customer(p, ctx, out, vendor, customer, m, "active")
        for m in _SIGNED_AS_CUSTOMER.finditer(p.masked):
            _customer(
                p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active"
            )
    for m in _ONE_SIDE_WITH.finditer(p.masked):
        customer = p.ent(m.group("customer"))
        vendor = p.ent(m.group("vendor"))
        if vendor is None:
            vendor = p.ref_at(m.start("pro"))
            if vendor is None or customer is None or vendor.name == customer.name:
                vendor = _speaker(p, ctx, m.start())
        status = _status_of(m.group("verb"))
        _customer(p, ctx, out, vendor, customer, m, status, allow=("continue", *_STATUS_VERBS))
    for m in _TOLD_FROM_ONE_SIDE.finditer(p.masked):
        status = _status_of(m.group("verb"))
        _customer(
            p,
            ctx,
            out,
            _speaker(p, ctx, m.start()),
            p.ent(m.group("customer")),
            m,
            status,
            allow=("continue", *_STATUS_VERBS),
            confidence=0.6,
        )
    for m in _DEPLOYS_FOR.finditer(p.masked):
        vendor, customer = subject(p, m.start(), ctx), p.ent(m.group("customer"))
        if not _bought_by(ctx, out, vendor, customer):
            _customer(p, ctx, out, vendor, customer, m, "active")


def _bought_by(ctx: Context, out: Found, target: Ent | None, buyer: Ent | None) -> bool:
    """Whether the article has ``buyer`` acquiring ``target``: "its purchase of Silo, a lab
    that builds models for AMD" is no sale of Silo's to AMD."""
    pair = (org_name(buyer), org_name(target))
    return None not in pair and any(
        e.type == "acquisition" and (e.fields.get("acquirer"), e.fields.get("target")) == pair
        for e in (*out.events, *ctx.events)
    )


def customers(p: Parsed, ctx: Context, out: Found) -> None:
    """Licences, "X is a Y customer", "Y's largest customer X", "X stopped working with Y",
    "X signed a deal to use Y's cloud", "X will pay Y for access", "Y's models will be
    available to X's customers"."""
    lowered = p.masked.lower()
    _one_sided(p, ctx, out, lowered)
    if "licen" in lowered:
        before = len(out.events)
        _licences(p, ctx, out)
        for event in out.events[before:]:
            event.extra["licence"] = True
    if any(w in lowered for w in _CONTRACT_WORDS):
        _contracts(p, ctx, out, lowered)
    _compute_deals(p, ctx, out, lowered)
    if any(w in lowered for w in _ENDING_WORDS):
        _endings(p, ctx, out)
    _relations(p, ctx, out, lowered)
    if "biggest" in lowered or "largest" in lowered or "main" in lowered or "top" in lowered:
        _biggest(p, ctx, out)


_LIST_CUES = ("customers", "clients", "users", "buyers", "adopters", "used", "deployed", "adopted")
_STATUS_VERBS = ("terminated", "terminates", "blocked", "blocks", "scrapped", "abandoned")
_ENDING_WORDS = (
    "end",
    "halt",
    "paus",
    "suspend",
    "stop",
    "ties",
    "drop",
    "wound",
    "winding",
    "longer",
    "terminat",
    "hold",
    "froze",
    "pulled",
    "revok",
    "cut off",
    "cuts off",
    "block",
    "restrict",
    "shut",
    "limit",
)


# "spent more than $900 million to hire its chief executive and to license its technology":
# the price of the licence, stated clauses before it
_SPENT_TO = rx(
    r"\b(?:spent|spends|spend|spending|paid|pays|pay|paying)\s+(?:(?:more\s+than|over|about|"
    r"roughly|nearly|some|around|up\s+to)\s+)*{M:amt}[^.;]{0,200}?\bto\s+$"
)


def _licence_price(p: Parsed, m: re.Match[str]) -> MoneyMatch | None:
    spent = _SPENT_TO.search(p.masked[: m.start()])
    return p.amount(spent.group("amt")) if spent else None


def _licences(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _LICENCE.finditer(p.masked):
        _customer(p, ctx, out, p.ent(m.group("vendor")), subject(p, m.start(), ctx), m, "active")
    for m in _LICENCE_ITS.finditer(p.masked):
        payer = subject(p, m.start(), ctx)
        _customer(p, ctx, out, _licensor(p, m.start("pro"), payer), payer, m, "active")
    for m in _LICENSED.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            p.ent(m.group("vendor")),
            subject(p, m.start(), ctx),
            m,
            "active",
            price=_licence_price(p, m),
        )
    for m in _LICENSES_TO.finditer(p.masked):
        _customer(p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active")


def _licensor(p: Parsed, pos: int, payer: Ent | None) -> Ent | None:
    """Whom "its" in "a licence to its models" stands for: a payer does not license its own
    models, so the company named last before it that is not the payer (or the pronoun's
    referent when it is another company)."""
    ref = p.ref_at(pos)
    paying = payer.name if payer is not None else None
    if ref is not None and ref.name != paying:
        return ref
    for _s, e in reversed(p.ents_in(0, pos)):
        if org_name(e) and e.name != paying and not e.modifier:
            return e
    return None


def _endings(p: Parsed, ctx: Context, out: Found) -> None:
    for pattern in (_STOPPED, _STOPPED_USING):
        for m in pattern.finditer(p.masked):
            verb = m.groupdict().get("verb") or ""
            status = "paused" if _PAUSE_WORDS.search(verb) else "ended"
            _customer(
                p,
                ctx,
                out,
                p.ent(m.group("vendor")),
                subject(p, m.start(), ctx),
                m,
                status,
                allow=("continue", *_STATUS_VERBS),
            )


def _relations(p: Parsed, ctx: Context, out: Found, lowered: str) -> None:
    for m in _ROLLED_OUT.finditer(p.masked):
        vendor = p.ent(m.group("vendor"))
        if vendor is not None and (vendor.possessive or vendor.kind == "product"):
            _customer(
                p,
                ctx,
                out,
                _owner(ctx, vendor),
                subject(p, m.start(), ctx),
                m,
                "active",
                confidence=0.6,
            )
    if any(w in lowered for w in ("customer", "client", "commercial", "supply", "services")):
        _named_customers(p, ctx, out)
    if any(w in lowered for w in _LIST_CUES):
        _customer_lists(p, ctx, out)
    if "access" in lowered or "account" in lowered or "api" in lowered or "licen" in lowered:
        for m in _REVOKE.finditer(p.masked):
            verb = m.group("verb").lower()
            status = (
                "paused" if verb.startswith(("suspend", "paus", "restrict", "limit")) else "ended"
            )
            customer = p.ent(m.group("customer")) or p.ent(m.group("customer2"))
            _customer(
                p, ctx, out, subject(p, m.start(), ctx), customer, m, status, allow=_STATUS_VERBS
            )
    if any(w in lowered for w in ("supply", "provide", "deliver", "sell")):
        for m in _SUPPLY.finditer(p.masked):
            _customer(
                p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active"
            )
    for m in _SELECTED.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            _owner(ctx, object_at(p, m, "vendor")),
            subject(p, m.start(), ctx),
            m,
            "active",
            confidence=0.6,
        )
    for m in _TESTING_WITH.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            subject(p, m.start(), ctx),
            object_at(p, m, "customer"),
            m,
            "active",
            confidence=0.6,
        )
    if "spen" in lowered or "commit" in lowered:
        for m in _SPEND_FROM.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                _owner(ctx, object_at(p, m, "vendor")),
                subject(p, m.start(), ctx),
                m,
                "active",
            )
        for m in _SPEND_ON.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                _owner(ctx, object_at(p, m, "vendor")),
                subject(p, m.start(), ctx),
                m,
                "active",
            )
    if any(w in lowered for w in ("suppl", "provid", "deliver", "sell", "sold")):
        for m in _SUPPLY_TO.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                subject(p, m.start(), ctx),
                p.ent(m.group("customer")),
                m,
                "active",
                confidence=0.65,
            )
    if " from " in lowered:
        for m in _BUY_FROM.finditer(p.masked):
            vendor = _owner(ctx, object_at(p, m, "vendor"))
            if vendor is None or not vendor.is_org():
                vendor = p.ent(m.group("vendor"))
            _customer(p, ctx, out, vendor, subject(p, m.start(), ctx), m, "active")
    if any(w in lowered for w in ("provider", "supplier", "vendor")):
        for m in _PROVIDER.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                p.ent(m.group("vendor")),
                p.ent(m.group("customer")),
                m,
                "active",
                allow=("continue",),
            )
        for m in _SUPPLIER_TO.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                subject(p, m.start(), ctx),
                object_at(p, m, "customer"),
                m,
                "active",
                allow=("continue",),
            )
    for m in _VENDOR_CHOSEN.finditer(p.masked):
        noun = p.ent(m.group("noun"))
        if noun is not None and not _VENDOR_NOUN.search(noun.surface):
            continue  # "the startup it chose was"
        vendor = p.ent(m.group("vendor"))
        customer = p.ent(m.group("customer"))
        # "was not one of the giants but Y": the 'not' is Y's foil, the clause holds
        # from 'but' on (a negation before it still blocks: see ``blocked``)
        but = _BUT.search(p.masked, m.end("neg"), m.end()) if m.group("neg") else None
        _customer(p, ctx, out, vendor, customer, but or m, "active")
    if "accounted" in lowered or "accounts for" in lowered:
        _revenue_shares(p, ctx, out)
    if _COLLABORATION.search(p.masked):
        return  # "a collaboration agreement under which X will use Y's models" is a partnership
    if any(w in lowered for w in ("use", "tap", "rely", "relies", "turn", "rent")):
        for pattern in (_USES, _USES_PRODUCT):
            for m in pattern.finditer(p.masked):
                vendor = p.ent(m.groupdict().get("vendor") or m.groupdict().get("product"))
                _customer(
                    p,
                    ctx,
                    out,
                    _seller_after(p, m.end()) or _owner(ctx, vendor),
                    subject(p, m.start(), ctx),
                    m,
                    "active",
                    confidence=0.55,
                )


# "its customers include A, B and C", "Customers such as A and B", "the software is used by
# A and B", "more than 150 organisations, including A and B", "two customers, A and B, ...":
# one customer event per named customer, the vendor the owner or the article's company.
# The head opens with optional words, so its pattern is tried at every character; each
# pattern runs only where its gate (the noun and what follows it, a literal first) is found.
_LIST_NOUNS = "customers|clients|users|buyers|adopters"
_LIST_HEAD = (
    r"(?:(?:{E:owner}['’]s?|\b(?P<pro>its|their))\s+)?(?:(?:[\w-]+\s+){0,3}?)"
    rf"\b(?P<noun>{_LIST_NOUNS})"
)
_LIST_VERB = (
    r"\s+(?:already\s+|now\s+|also\s+)?(?:include|includes|included|including|"
    r"such\s+as|like|are|have\s+included|range\s+from)\s+"
)
_LIST_APPOSED = (
    r"(?:\s*,\s+|\s*:\s+|\s+[—–]\s+)(?!(?:and|or|but|while|which|who|as|with|"
    r"according|including|said|says|among|from|for|in|at)\b)"
)
_CUSTOMER_LIST = cued(
    _LIST_HEAD + _LIST_VERB + r"(?P<list>)",
    "customers",
    "clients",
    "users",
    "buyers",
    "adopters",
    gate=rf"\b(?:{_LIST_NOUNS})" + _LIST_VERB,
)
_CUSTOMER_APPOSITION = cued(
    _LIST_HEAD + _LIST_APPOSED + r"(?P<list>)",
    "customers",
    "clients",
    gate=rf"\b(?:{_LIST_NOUNS})" + _LIST_APPOSED,
)
_USED_BY = cued(
    r"\b(?:is|are|was|were|being|been)\s+(?:also\s+|already\s+|now\s+|widely\s+)*"
    r"(?:used|deployed|adopted)\s+(?:by|at|in)\s+(?:(?:more\s+than|over|about|some|nearly)\s+"
    r"[\w,]+\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ations|companies|enterprises|customers|businesses|"
    r"firms|teams|banks)\s*,?\s+(?:including|such\s+as|among\s+them)\s+)?(?P<list>)",
    "used",
    "deployed",
    "adopted",
)
_LIST_USES = cued(
    r"(?P<list>)\s+(?:have|has|had)?\s*(?:already\s+|also\s+|now\s+)?(?:deployed|adopted|"
    r"rolled\s+out|are\s+(?:already\s+)?using|are\s+(?:already\s+)?running)\s+"
    r"(?:{E:owner}['’]s?|(?P<pro>its|their))\s+",
    "deployed",
    "adopted",
    "rolled",
    "using",
    "running",
)
_APPOSITION_CLOSED = re.compile(
    r"\s*(?:$|[,.;]|[—–]|(?:are|is|were|was|have|has|had|use|used|now|already|all)\b)"
)
_LIST_ITEMS = rx(
    r"(?:(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?{E}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)?)+",
    flags=0,
)


def _customer_lists(p: Parsed, ctx: Context, out: Found) -> None:
    for pattern in (_CUSTOMER_LIST, _CUSTOMER_APPOSITION, _USED_BY):
        for m in pattern.finditer(p.masked):
            items = _LIST_ITEMS.match(p.masked, m.end("list"))
            if not items or (
                pattern is _CUSTOMER_APPOSITION
                and not _APPOSITION_CLOSED.match(p.masked, items.end())
            ):
                continue  # "its customers, Cohere said" is no list of customers
            listed = entity_list(p, items.start(), items.end())
            vendor = _list_vendor(p, ctx, m, listed)
            for customer in listed:
                _customer(p, ctx, out, vendor, customer, m, "active", confidence=0.6)
    for m in _LIST_USES.finditer(p.masked):
        listed = entity_list(p, _list_start(p, m.start()), m.start())
        vendor = _list_vendor(p, ctx, m, listed)
        for customer in listed:
            _customer(p, ctx, out, vendor, customer, m, "active", confidence=0.6)


def _list_start(p: Parsed, end: int) -> int:
    """Where the list of names ending at masked ``end`` begins."""
    items = re.search(
        r"(?:(?:\ue000\d+\ue001)(?:\s*,\s*(?:and\s+)?|\s+and\s+))*\ue000\d+\ue001\s*$",
        p.masked[:end],
    )
    return items.start() if items else end


_LIST_CLAUSE = re.compile(r";|:|,\s+(?:and|but|while|whereas)\s|\s[—–]\s")


def _list_vendor(p: Parsed, ctx: Context, m: re.Match[str], customers: list[Ent]) -> Ent | None:
    """Whose customers: the owner named ("X's customers"), the one "its" stands for, the
    sentence's subject, else the article's company (never one of the customers listed)."""
    groups = m.groupdict()
    listed = {e.name for e in customers}
    if groups.get("owner"):
        return p.ent(groups["owner"])
    if groups.get("pro"):
        ref = p.ref_at(m.start("pro"))
        if ref is not None and ref.name not in listed:
            return ref
    begin = max((b.end() for b in _LIST_CLAUSE.finditer(p.masked, 0, m.start())), default=0)
    for _pos, e in p.ents_in(begin, m.start()):
        if org_name(e) and not e.modifier and e.name not in listed:
            return e  # "Quanta Grid's software is used by", "Voxa said customers include"
    listed |= {e.name for _pos, e in p.ents_in(m.start(), len(p.masked))}
    for pos, ref in sorted(p.refs.items()):
        if pos > m.start() and ref.is_org() and ref.name not in listed:
            return ref  # "Two customers, A and B, use an early version of its system"
    funded = {
        str(e.fields.get("company"))
        for e in ctx.events
        if e.type == "investment" and not e.extra.get("title")
    }
    # a funding story's customers are the funded company's; else the company in focus
    name = next(iter(funded)) if len(funded) == 1 else focus_company(ctx, p.sentence.index)
    return Ent(0, 0, name, name, "company", "description") if name else None


def _named_customers(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _IS_CUSTOMER.finditer(p.masked):
        vendor = p.ent(m.group("vendor")) or p.ent(m.group("vendor2"))
        _customer(p, ctx, out, vendor, subject(p, m.start(), ctx), m, "active", allow=("continue",))
    for pattern in (_APPOSITIVE_CUSTOMER, _COMMERCIAL):
        for m in pattern.finditer(p.masked):
            vendor = (
                p.ent(m.group("vendor"))
                or possessor(p, m.start() + 2)
                or subject(p, m.start(), ctx)
            )
            _customer(p, ctx, out, vendor, p.ent(m.group("customer")), m, "active")
    for m in _COUNTS_AS_CUSTOMER.finditer(p.masked):
        listed = [p.ent(m.group("customer"))]
        listed += [p.ent(i) for i in re.findall(r"\ue000(\d+)\ue001", m.group("more"))]
        for customer in listed:  # "counts HSBC, Aviva and Tesco among its clients"
            _customer(p, ctx, out, subject(p, m.start(), ctx), customer, m, "active")


def _revenue_shares(p: Parsed, ctx: Context, out: Found) -> None:
    """ "Microsoft, which accounted for 62% of its revenue": a customer of the company."""
    for m in _SHARE_OF_REVENUE.finditer(p.masked):
        whose = re.match(
            r"\s+(?:\ue000(\d+)\ue001['’]s?|(?P<pro>its|their))\s", p.masked[m.end() :]
        )
        vendor = (
            p.ent(whose.group(1))
            if whose and whose.group(1)
            else p.ref_at(m.end() + whose.start("pro"))
            if whose
            else None
        )
        vendor = vendor or subject(p, m.start(), ctx)
        _customer(p, ctx, out, vendor, p.ent(m.group("customer")), m, "active")


def _customer(
    p: Parsed,
    ctx: Context,
    out: Found,
    vendor: Ent | None,
    customer: Ent | None,
    m: re.Match[str],
    status: str,
    *,
    allow: tuple[str, ...] = (),
    confidence: float = 0.75,
    price: MoneyMatch | None = None,
) -> None:
    v, c = partner_name(vendor), partner_name(customer)
    if not v or not c or v == c or blocked(p, m.start(), m.end(), allow=allow):
        return
    amount = _deal_money(p, m.start(), m.end()) or price
    out.add(
        p,
        "customer",
        {
            "vendor": v,
            "customer": c,
            "amount_usd": amount.money.usd if amount else None,
            "status": status,
        },
        confidence,
        names=[vendor, customer],
        money=amount,
    )


# "X is our biggest customer"; in an interviewee's answer to who uses the product, "X is the
# biggest - they run all their invoices through us, roughly a $2 million-a-year contract"
_BIGGEST = cued(
    r"(?:^[A-Z]{1,3}:\s+|^|[.;]\s+)(?:(?:probably|definitely|easily|well,)\s+)?{E:customer}\s+"
    r"(?:is|was|has\s+been|remains)\s+(?:(?:probably|easily|still|now|by\s+far)\s+)?"
    r"(?P<det>its|the)\s+(?:single\s+)?(?:largest|biggest|main|top|anchor)"
    r"(?P<noun>\s+(?:customer|client|user|account|buyer))?"
    r"(?=\s*(?:[,.;:]|$)|\s*[—–]|\s+-(?:\s|$)|\s+(?:one|by\s+far|so\s+far|today|right\s+now)\b)",
    "biggest",
    "largest",
    "main",
    "top",
    "anchor",
)
# what a question about customers asks: who uses, buys or pays for the product
_ASKS_CUSTOMERS = re.compile(
    r"\b(?:customers?|clients?|users?|uses?|using|buys?|buying|pays?|paying|adopters?|"
    r"rel(?:y|ies|ying)\s+on|deploy(?:s|ed|ing)?|accounts?|signed\s+(?:up|on))\b",
    re.IGNORECASE,
)
# "roughly a $2 million-a-year contract": the price of the relation just named
_PRICE_AFTER = re.compile(
    r"(?:-a-year|\s+a\s+year|\s+per\s+year|\s+annually)?\s*(?:annual\s+)?"
    r"(?:contract|deal|agreement|account|subscription|licen[cs]e)\b",
    re.IGNORECASE,
)


def _biggest(p: Parsed, ctx: Context, out: Found) -> None:
    for m in _BIGGEST.finditer(p.masked):
        customer = p.ent(m.group("customer"))
        if customer is None or customer.via == "pronoun":
            continue
        its = m.group("det").lower() == "its"
        vendor = p.ref_at(m.start("det")) if its else None
        if not m.group("noun") and not _asked_about_customers(ctx, p):
            continue  # "X is the biggest": of what, only a question about customers says
        if vendor is None or vendor.name == customer.name:
            home = focus_company(ctx, p.sentence.index) if its else speaker_company(ctx, p.sentence)
            if not home:
                continue
            vendor = Ent(0, 0, home, home, "company", "description")
        price = next(
            (
                money
                for pos, money in p.money_in(m.end(), _sentence_part_end(p, m.end()))
                if _PRICE_AFTER.match(p.masked, p.masked.find(M_CLOSE, pos) + 1)
            ),
            None,
        )
        _customer(p, ctx, out, vendor, customer, m, "active", price=price)


def _sentence_part_end(p: Parsed, pos: int) -> int:
    """Where the sentence's part from ``pos`` ends: a dash goes on to say more of it."""
    stop = p.masked.find(";", pos)
    return len(p.masked) if stop < 0 else stop


def _asked_about_customers(ctx: Context, p: Parsed) -> bool:
    """Whether the interviewer's last question (a "Q: ..." line) asks who uses the product."""
    for sentence in reversed(ctx.doc.sentences[max(0, p.sentence.index - 12) : p.sentence.index]):
        if _QUESTION.match(sentence.text):
            return bool(_ASKS_CUSTOMERS.search(sentence.text))
    return False


_QUESTION = re.compile(r"^(?:Q\s*[:.]|Question\s*:)")


# contracts, payments and availability -------------------------------------------------------

_CONTRACT_WORDS = (
    "deal",
    "agreement",
    "contract",
    "commitment",
    "pay",
    "paid",
    "earn",
    "available",
    "customer",
    "client",
    "supplier",
)
_USE_VERB = (
    r"(?:use|rent|buy|purchase|access|tap|run\s+on|deploy|license|licence|lease|"
    r"host|train\s+on|power)"
)
_DEAL_TO_USE = cued(
    r"\b(?:signed|signs|struck|strikes|inked|inks|agreed|agrees|reached|reaches|secured|"
    r"secures|entered\s+into|enters\s+into|announced|announces|has|had|made|makes|landed)\s+"
    r"(?:a|an)\s+[^.;\ue000]{0,70}?\b(?:deal|agreement|contract|commitment|pact|arrangement)\s+"
    r"(?:[^.;\ue000]{0,30}?\s)?(?:to|that\s+(?:will\s+)?(?:lets?|allows?)\s+(?:it|them)\s+to)\s+"
    rf"{_USE_VERB}\s+(?:[^.;\ue000]{{0,40}}?\s)?(?:(?:on|from|at|in|through|via|of)\s+)?{{DESC}}"
    r"{E:vendor}",
    "deal",
    "agreement",
    "contract",
    "commitment",
    "pact",
    "arrangement",
)
# "Deloitte has signed a three-year contract to use the product": the product is the one the
# article is about, its maker the vendor
_DEAL_TO_USE_IT = cued(
    r"\b(?:signed|signs|struck|strikes|inked|inks|agreed|agrees|reached|reaches|"
    r"entered\s+into|enters\s+into|has|had|made|makes)\s+"
    r"(?:a|an)\s+[^.;\ue000]{0,70}?\b(?:deal|agreement|contract|pact|arrangement)\s+"
    rf"(?:[^.;\ue000]{{0,30}}?\s)?to\s+(?:{_USE_VERB}|roll\s+out|pilot|test|adopt)\s+"
    r"(?:the|its)\s+(?:[\w-]+\s+){0,2}?(?:product|products|software|platform|tools?|service|"
    r"system|technology|models?|agents?|assistant|app)\b",
    "deal",
    "agreement",
    "contract",
    "pact",
    "arrangement",
)
_DEAL_WITH_FOR = cued(
    r"\b(?:signed|signs|struck|strikes|inked|inks|reached|reaches|secured|secures|"
    r"entered\s+into|enters\s+into|announced|announces|expanded|expands|agreed\s+to|"
    r"agrees\s+to)\s+(?:a|an|its)\s+"
    r"[^.;\ue000]{0,70}?\b(?:deal|agreement|contract|commitment|pact|arrangement)\s+with\s+{DESC}"
    r"{E:vendor}(?:(?!\s(?:to|for)\s)[^.;\ue000]){0,60}?\s+(?:for|to\s+(?:use|rent|buy|access|secure|deploy|"
    r"roll\s+out|adopt|license|licence|pilot))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:computing|compute|cloud|capacity|chips|gpus|servers|infrastructure|"
    r"data\s+centers?|power|models?|services|software|technology|access|data|assistants?|"
    r"agents?|platform|tools?|products?|apps?|copilot|chatbots?|robots?)\b",
    "deal",
    "agreement",
    "contract",
    "commitment",
    "pact",
    "arrangement",
)
_CONTRACT_WITH = cued(
    r"\b(?:signed|signs|won|wins|landed|lands|inked|inks|secured|secures|struck|strikes|"
    r"announced|announces|awarded|has|had)\s+(?:a|an)\s+(?P<mods>[^.;\ue000]{0,60}?)\b"
    r"(?:contract|supply\s+(?:deal|agreement)|services\s+(?:deal|agreement)|customer\s+agreement|"
    r"order)\s+(?:with|from)\s+{DESC}{E:customer}",
    "contract",
    "supply",
    "services",
    "customer",
    "order",
)
_DEAL_TO_SUPPLY = cued(
    r"\b(?:signed|signs|struck|strikes|inked|inks|reached|reaches|secured|secures|entered\s+into|"
    r"announced|won|wins|landed|agreed)\s+(?:a|an)\s+[^.;\ue000]{0,60}?\b(?:deal|agreement|contract|"
    r"pact|arrangement)\s+with\s+{DESC}{E:customer}[^.;\ue000]{0,30}?\bto\s+(?:supply|provide|deliver|"
    r"sell)\b",
    "supply",
    "provide",
    "deliver",
    "sell",
)
_AGREED_TO_RENT = cued(
    r"\b(?:agreed|agrees|signed\s+up|committed|commits|will|plans)\s+to\s+(?:rent|lease|buy|purchase|"
    r"use|access)\s+[^.;\ue000]{0,60}?\bfrom\s+(?:(?P<its>its|their)\s|{DESC}{E:vendor})",
    "to rent",
    "to lease",
    "to buy",
    "to purchase",
    "to use",
    "to access",
)
_UNDER_WHICH = cued(
    r"\b(?:deal|agreement|contract|arrangement|pact)\s+under\s+which\s+{E:customer}\s+(?:will\s+|would\s+|"
    r"is\s+to\s+|can\s+)?(?:use|buy|rent|lease|deploy|license|licence|access|run\s+on|tap)\b",
    "under which",
)
_LOST_CONTRACT = cued(
    r"\b(?:lost|loses|losing)\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2}?(?:contract|deal|account|"
    r"business)\s+(?:with|from)\s+{DESC}{E:customer}",
    "lost",
    "loses",
    "losing",
)
_PAY = cued(
    r"\b(?:pay|pays|paid|paying)\s+{E:vendor}\s+(?:(?:about|roughly|around|nearly|more\s+than|"
    r"up\s+to|some|an\s+estimated|as\s+much\s+as)\s+)*(?:{M:amt}|[^.;\ue000]{0,40}?\bfor\b)",
    "pay",
    "paid",
)
_PAY_FOR = re.compile(
    r"\b(?:access|licen[cs]\w*|rights?|use|using|data|content|technology|"
    r"models?|chips|compute|computing|capacity|services|cloud|a\s+year|"
    r"annually|per\s+year|each\s+year)\b",
    re.IGNORECASE,
)
_EARNS_FROM = cued(
    r"\b(?:earns|earned|collects|collected|makes|made|gets|receives|received)\s+"
    r"(?:a\s+(?:similar|comparable|like)\s+(?:sum|amount)|{M}|[^.;\ue000]{0,30}?\b(?:fees|"
    r"royalties))\s+(?:(?:a|per|each)\s+year\s+|annually\s+)?from\s+{DESC}{E:customer}",
    "earn",
    "collect",
    "made",
    "makes",
    "gets",
    "receive",
)
_AVAILABLE = cued(
    r"{E:vendor}['’]s?\s+(?:[\w-]+\s+){0,3}?(?:models?|technology|software|chips|tools|"
    r"assistant|agents?|ai)\s+(?:will\s+be|would\s+be|are|is|become|became|have\s+become|"
    r"has\s+become)\s+(?:now\s+|also\s+)?available\s+(?:to|in|inside|within|for)\s+"
    r"(?:all\s+|the\s+)?{E:customer}",
    "available",
)
_USES_IN = cued(
    r"\b(?:will\s+|would\s+|to\s+|plans\s+to\s+)?(?:use|uses|using|used|adopt|adopts|adopted|"
    r"deploy|deploys|deployed|license|licenses|licensed)\s+"
    r"{E:vendor}['’]s?\s+(?:[\w-]+\s+){0,3}?(?:models?|technology|ai|software|chips|tools|"
    r"platform|assistant|agents?)\s+(?:in|into|inside|within|across|for|to\s+power)\s+"
    r"(?:its|their|the)\s",
    "use",
    "using",
    "used",
    "adopt",
    "deploy",
    "licens",
)
# "rolled out OpenAI's ChatGPT Enterprise to all of its staff", "is piloting Cohere's North
# platform in its risk team": the subject uses the named company's product
_ROLLED_OUT = cued(
    r"\b(?:rolled\s+out|rolls\s+out|rolling\s+out|has\s+rolled\s+out|(?:is|are|was|were|"
    r"has\s+been|have\s+been)\s+(?:piloting|trialling|trialing|testing)|piloted|trialled|"
    r"trialed)\s+{E:vendor}(?:['’]s?\s+(?:{E}|[\w-]+)(?:\s+[\w-]+){0,3}?)?\s+"
    r"(?:to|in|into|inside|within|across|for|throughout)\s+(?:all\s+|some\s+|the\s+|its\s+|"
    r"their\s+|\d)",
    "rolled out",
    "rolls out",
    "rolling out",
    "piloting",
    "trialling",
    "trialing",
    "testing",
    "piloted",
    "trialled",
    "trialed",
)
_BECAME_CUSTOMER = cued(
    r"{E:customer}\s+(?:has\s+|have\s+|had\s+)?(?:become|became|becomes|signed\s+on\s+as|"
    r"signed\s+up\s+as|is\s+now|joined\s+as)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:customer|client)\b(?!\s+of)",
    "customer",
    "client",
)
# "X signed a contract with the startup to deploy its assistant": the product is the one
# named after "with", so X is the customer (but "X won a contract with Y to deploy its
# robots": X sells)
_DEPLOYS_ITS = re.compile(
    r"[^.;\ue000]{0,40}?\bto\s+(?:deploy|roll\s+out|adopt|license|licence|pilot|integrate|"
    r"use|test|offer\s+(?:its|their)\s+(?:staff|employees|customers|clients))\s+"
    r"(?:its|their|the\s+(?:startup|company)['’]s)\s",
    re.IGNORECASE,
)
_WON = re.compile(r"(?:won|wins|landed|lands|secured|secures|awarded)\b", re.IGNORECASE)
_SELLS_AFTER = re.compile(
    r"[^.;\ue000]{0,30}?\bto\s+(?:supply|provide|deliver|sell)\b", re.IGNORECASE
)
_SUPPLY_NOUN = re.compile(r"\b(?:supply|services)\s+(?:deal|agreement)", re.IGNORECASE)
# content deals with publishers are partnerships (as the gold has them), not licences
_CONTENT = re.compile(
    r"\b(?:content|news|articles?|publish\w*|archives?|journalism|media|data)\b", re.IGNORECASE
)
# a purchase stated in the sentence of a partnership deal makes it a sale as well
_PURCHASE = rx(
    r"\b(?:buy|buys|buying|bought|purchas\w*|pay|pays|paying|paid|licens\w*|licenc\w*|"
    r"rent|rents|renting|rented|lease|leases|leasing|leased|subscri\w*)\b"
)
_BUYER_WORDS = re.compile(
    r"\b(?:to\s+(?:buy|use|rent|access|secure|purchase)|for\s+(?:[\w-]+\s+)?"
    r"(?:computing|compute|cloud|capacity|chips|gpus|servers))\b",
    re.IGNORECASE,
)


def _contracts(p: Parsed, ctx: Context, out: Found, lowered: str) -> None:
    for m in _DEAL_TO_USE.finditer(p.masked):
        vendor = _owner(ctx, object_at(p, m, "vendor"))
        _customer(p, ctx, out, vendor, subject(p, m.start(), ctx), m, "active")
    for m in _DEAL_TO_USE_IT.finditer(p.masked):
        buyer = subject(p, m.start(), ctx)
        maker = _speaker(p, ctx, m.start())
        if maker is not None and buyer is not None and maker.name != buyer.name:
            _customer(p, ctx, out, maker, buyer, m, "active")
    for m in _DEAL_WITH_FOR.finditer(p.masked):
        if _SUPPLY_NOUN.search(m.group(0)):
            continue  # "signed a supply agreement with Y to deploy its software": X supplies
        if _COLLABORATION.search(m.group(0)) and not _PURCHASE.search(p.masked):
            continue  # "a partnership agreement with Y for software": one event, the partnership
        _customer(
            p,
            ctx,
            out,
            _owner(ctx, p.ent(m.group("vendor"))),
            subject(p, m.start(), ctx),
            m,
            "active",
        )
    for m in _AGREED_TO_RENT.finditer(p.masked):
        vendor = (
            _owner(ctx, object_at(p, m, "vendor"))
            if m.group("vendor")
            else _speaker(p, ctx, m.start())
        )
        _customer(p, ctx, out, vendor, subject(p, m.start(), ctx), m, "active")
    for m in _UNDER_WHICH.finditer(p.masked):
        _customer(p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active")
    for m in _LOST_CONTRACT.finditer(p.masked):
        _customer(p, ctx, out, subject(p, m.start(), ctx), object_at(p, m, "customer"), m, "ended")
    for m in _DEAL_TO_SUPPLY.finditer(p.masked):
        _customer(p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active")
    for m in _CONTRACT_WITH.finditer(p.masked):
        a, b = subject(p, m.start(), ctx), p.ent(m.group("customer"))
        seller = _WON.match(m.group(0)) or _SUPPLY_NOUN.search(m.group(0))
        if _BUYER_WORDS.search(p.masked, m.end(), clause_end(p, m.end())) or (
            not seller and _DEPLOYS_ITS.match(p.masked, m.end())
        ):
            a, b = b, a  # "X signed a contract with Y to buy its chips": X is the customer
        a, b = infra_first(a, b)  # "OpenAI signed a contract with CoreWeave": CoreWeave sells
        _customer(p, ctx, out, a, b, m, "active")
    if "pa" in lowered:
        for m in _PAY.finditer(p.masked):
            if _PAY_FOR.search(p.masked, m.start(), clause_end(p, m.end())):
                _customer(
                    p, ctx, out, p.ent(m.group("vendor")), subject(p, m.start(), ctx), m, "active"
                )
    for m in _EARNS_FROM.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            subject(p, m.start(), ctx),
            p.ent(m.group("customer")),
            m,
            "active",
            confidence=0.6,
        )
    if _COLLABORATION.search(p.masked):
        return  # "a collaboration agreement under which X will use Y's models": a partnership
    if "available" in lowered:
        for m in _AVAILABLE.finditer(p.masked):
            _customer(
                p,
                ctx,
                out,
                _owner(ctx, p.ent(m.group("vendor"))),
                _owner(ctx, p.ent(m.group("customer"))),
                m,
                "active",
                confidence=0.6,
            )
    for m in _USES_IN.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            _owner(ctx, p.ent(m.group("vendor"))),
            subject(p, m.start(), ctx),
            m,
            "active",
            confidence=0.6,
        )
    for m in _BECAME_CUSTOMER.finditer(p.masked):
        _customer(
            p,
            ctx,
            out,
            _speaker(p, ctx, m.start()),
            p.ent(m.group("customer")),
            m,
            "active",
            confidence=0.6,
        )


# compute and supply contracts --------------------------------------------------------------

# Companies whose business is selling compute: chips, cloud capacity, data centres. In a
# compute deal between one of them and another company, they are the vendor ("OpenAI signed a
# $12 billion contract with CoreWeave": CoreWeave supplies the capacity).
# Sellers of compute the registry does not list yet (the rest come from its ``offers``).
_OTHER_INFRA_VENDORS = frozenset(
    ("Dell", "Digital Realty", "Equinix", "Marvell", "Micron", "SambaNova", "Microsoft Azure",
     "Samsung Electronics", "Supermicro")
)  # fmt: skip


@cache
def _infra_vendors() -> frozenset[str]:
    """Companies that sell chips, cloud or capacity: the registry's sellers of "chips" or
    "cloud" (read once), and the few it does not know."""
    sellers = {e.name for e in Registry.default().entries() if {"chips", "cloud"} & set(e.offers)}
    return frozenset(sellers) | _OTHER_INFRA_VENDORS


_COMPUTE = (
    r"(?:cloud|compute|computing|capacity|chips?|gpus?|tpus?|accelerators?|processors?|"
    r"servers?|infrastructure|data[\s-]cent(?:er|re)s?|semiconductors|silicon|hbm|memory|"
    r"systems|instances|clusters?|supercomputers?|racks)"
)
_QUANTITY = (
    r"(?:(?:up\s+to|as\s+many\s+as|about|around|roughly|nearly|more\s+than|over|some|at\s+least|"
    r"an\s+additional|another)\s+)*(?:[\d][\d.,]*|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|a|tens|hundreds|thousands|millions|billions)\s+(?:(?:of\s+)?(?:thousands?|millions?|"
    r"billions?|gigawatts?|megawatts?|gw|mw|dollars|units)\s+)*(?:worth\s+)?(?:of\s+)?"
)
# "X signed a $300 billion cloud deal with Y", "Y's $300 billion compute contract with X"
_COMPUTE_DEAL = cued(
    r"(?:{E:a}['’]s?|\b(?:signed|signs|struck|strikes|inked|inks|reached|reaches|secured|"
    r"secures|announced|announces|agreed\s+to|entered\s+into|enters\s+into|has|had|landed|"
    r"won|wins|expanded|expands))\s+(?:a|an|its|their)?\s*(?:[^.;\ue000]{0,50}?\s)?"
    rf"{_COMPUTE}\s+(?:(?:supply|services|hosting|rental|purchase)\s+)?(?:deal|contract|"
    r"agreement|pact|arrangement|order)\s+with\s+{DESC}{E:b}",
    "deal",
    "contract",
    "agreement",
    "pact",
    "arrangement",
    "order",
)
# "Anthropic will use up to one million of Google's TPUs", "agreed to deploy 6 gigawatts of
# AMD GPUs", "will gain access to up to a million TPUs from Google"
_USES_COMPUTE = cued(
    r"\b(?:use|uses|using|used|deploy|deploys|deploying|deployed|buy|buys|buying|bought|"
    r"purchase|purchases|purchased|rent|rents|renting|rented|lease|leases|leasing|leased|"
    r"access|run\s+on|runs\s+on|tap|taps|tapped|(?:its|their)\s+use\s+of|access\s+to)\s+"
    rf"(?:{_QUANTITY})?(?:(?:[\w-]+\s+){{0,2}}?(?:{_COMPUTE}|{{E:thing2}})\s+(?:from|of|made\s+by|"
    r"designed\s+by)\s+{DESC}{E:vendor2}|"
    rf"{{E:vendor}}(?:['’]s?)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_COMPUTE}\b|{{E:thing}}))",
    "use",
    "deploy",
    "buy",
    "bought",
    "purchas",
    "rent",
    "leas",
    "access",
    "run",
    "tap",
)
# "AMD will supply OpenAI with GPUs"
_SUPPLY_WITH = cued(
    r"\b(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|equip|"
    r"equips|equipped|equipping)\s+{E:customer}\s+with\b",
    "suppl",
    "provid",
    "equip",
)
# "Microsoft accounted for 62% of CoreWeave's revenue", "CoreWeave said Microsoft made up
# 62% of its revenue"
_SHARE_OF_SALES = cued(
    r"{E:customer}\s+(?:alone\s+)?(?:accounted\s+for|accounts\s+for|made\s+up|makes\s+up|"
    r"represented|represents|contributed|generated|brought\s+in)\s+(?:about\s+|roughly\s+|"
    r"nearly\s+|more\s+than\s+|almost\s+|around\s+|over\s+|some\s+)?\d[\d.]*\s?(?:%|percent)\s+"
    r"of\s+(?:(?P<pro>its|their)\s+|{E:vendor}['’]s?\s+|the\s+company['’]s\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:revenue|revenues|sales|turnover|bookings|backlog)\b",
    "accounted",
    "accounts",
    "made up",
    "makes up",
    "represent",
    "contributed",
    "generated",
    "brought",
)


# "OpenAI inked an $11.9 billion agreement with CoreWeave", "Oracle's $300 billion contract
# with OpenAI": a priced deal (or a contract) between a compute seller and another company,
# no product named, is a sale of compute (see ``infra_sale``)
_INFRA_DEAL = cued(
    r"(?:{E:a}['’]s?|\b(?:signed|signs|struck|strikes|inked|inks|reached|reaches|secured|"
    r"secures|announced|announces|agreed\s+to|entered\s+into|enters\s+into|has|had|landed|"
    r"won|wins|expanded|expands))\s+(?:(?:a|an|its|their|the)\s+)?"
    r"(?P<mods>[^.;\ue000]{0,50}?\s)?(?P<noun>deal|contract|agreement|pact|arrangement|order)"
    r"\s+with\s+{DESC}{E:b}",
    "deal",
    "contract",
    "agreement",
    "pact",
    "arrangement",
    "order",
)
# what makes a deal more than a sale: working together, a licence, content, a stake
_NOT_A_SALE_MODS = re.compile(
    r"\b(?:partner\w*|collaborat\w*|allian\w*|licen[cs]\w*|joint|content|news|data|research|"
    r"development|marketing|distribution|co-\w+|merger|acquisition|investment|equity|"
    r"settlement|memorandum)\b",
    re.IGNORECASE,
)
_NOT_A_SALE_AFTER = re.compile(
    r"[^.;\ue000]{0,60}?\bto\s+(?:jointly\s+|co-?\w+|develop|research|build\s+(?:\w+\s+)?together|"
    r"invest|acquire|buy\s+(?:a\s+)?(?:stake|shares)|take\s+a\s+stake|merge|partner|"
    r"collaborate|integrate|distribute|resell|license|licence)",
    re.IGNORECASE,
)
_STAKE_TYPES = ("acquisition", "investment")
_WORTH = rx(
    r",?\s+(?:worth|valued\s+at|totall?ing|of)\s+(?:(?:up\s+to|about|roughly|around|nearly|"
    r"more\s+than|some|an\s+estimated)\s+)*{M}"
)


def infra_sale(
    p: Parsed, ctx: Context, a: Ent | None, b: Ent | None, m: re.Match[str], mods: str
) -> bool:
    """Whether a deal between ``a`` and ``b`` ("an $11.9 billion agreement with CoreWeave")
    is a sale of compute: exactly one of them sells compute, the deal is priced or a
    contract, and nothing makes it a partnership, a licence or a stake (in the deal's words,
    after it, or an acquisition or investment between the two in the article)."""
    names = {org_name(a), org_name(b)}
    if None in names or len(names) < 2 or len(names & _infra_vendors()) != 1:
        return False
    priced = M_OPEN in mods or _WORTH.match(p.masked, m.end())
    if not priced and not re.search(r"\b(?:contracts?|orders?)\s+with\b", m.group(0), re.I):
        return False
    if _NOT_A_SALE_MODS.search(mods) or _NOT_A_SALE_AFTER.match(p.masked, m.end()):
        return False
    return not any(
        e.type in _STAKE_TYPES
        and names
        <= {str(v) for k, v in e.fields.items() if k in ("acquirer", "target", "company")}
        | {str(i) for i in e.fields.get("investors") or []}
        for e in ctx.events
    )


# "rent Nvidia chips from Oracle": the one rented from sells, Nvidia only made the chips
_FROM_SELLER = rx(
    r"(?:\s+(?:[\w-]+|{E}))?\s+(?:from|through|via)\s+(?:the\s+)?(?:cloud\s+)?{DESC}{E:seller}"
    r"(?!['’])"
)


def _seller_after(p: Parsed, end: int) -> Ent | None:
    """The company the compute named just before ``end`` is bought or rented from."""
    m = _FROM_SELLER.match(p.masked, end)
    seller = p.ent(m.group("seller")) if m else None
    return seller if org_name(seller) and seller is not None and seller.kind != "product" else None


def infra_first(vendor: Ent | None, customer: Ent | None) -> tuple[Ent | None, Ent | None]:
    """The pair of a compute deal with the compute seller as vendor: when only the customer is
    a company that sells compute, the two swap."""
    v, c, sellers = org_name(vendor), org_name(customer), _infra_vendors()
    if c in sellers and v not in sellers:
        return customer, vendor
    return vendor, customer


def _compute_deals(p: Parsed, ctx: Context, out: Found, lowered: str) -> None:
    for m in _INFRA_DEAL.finditer(p.masked):
        a = _owner(ctx, p.ent(m.group("a"))) if m.group("a") else subject(p, m.start(), ctx)
        b = _owner(ctx, object_at(p, m, "b"))
        if infra_sale(p, ctx, a, b, m, m.group("mods") or "") and not any(
            e.type in _STAKE_TYPES for e in out.events
        ):
            vendor, customer = infra_first(a, b)
            _customer(p, ctx, out, vendor, customer, m, "active")
    for m in _COMPUTE_DEAL.finditer(p.masked):
        a = _owner(ctx, p.ent(m.group("a"))) if m.group("a") else subject(p, m.start(), ctx)
        b = _owner(ctx, object_at(p, m, "b"))
        if org_name(a) in _infra_vendors() or org_name(b) in _infra_vendors():
            vendor, customer = infra_first(a, b)
        elif _BUYER_WORDS.search(p.masked, m.end(), clause_end(p, m.end())):
            vendor, customer = b, a
        else:
            continue  # neither side known to sell compute: the direction is unsaid
        _customer(p, ctx, out, vendor, customer, m, "active")
    for m in _USES_COMPUTE.finditer(p.masked):
        thing = p.ent(m.group("thing") or m.group("thing2"))
        if thing is not None and not re.fullmatch(_COMPUTE, thing.surface, re.IGNORECASE):
            continue  # "uses Google's Gemini": a product, not compute (see _USES)
        named = p.ent(m.group("vendor")) if m.group("thing") else object_at(p, m, "vendor")
        vendor = _seller_after(p, m.end()) or _owner(ctx, named or p.ent(m.group("vendor2")))
        _customer(p, ctx, out, vendor, subject(p, m.start(), ctx), m, "active", confidence=0.65)
    if any(w in lowered for w in ("suppl", "provid", "equip")):
        for m in _SUPPLY_WITH.finditer(p.masked):
            _customer(
                p, ctx, out, subject(p, m.start(), ctx), p.ent(m.group("customer")), m, "active"
            )
    for m in _SHARE_OF_SALES.finditer(p.masked):
        vendor = (
            p.ent(m.group("vendor"))
            if m.group("vendor")
            else p.ref_at(m.start("pro"))
            if m.group("pro")
            else None
        )
        customer = p.ent(m.group("customer"))
        if vendor is None or (customer is not None and vendor.name == customer.name):
            vendor = _speaker(p, ctx, m.start())
        _customer(p, ctx, out, vendor, customer, m, "active")


_SAID = rx(r"{E:who}\s+(?:also\s+)?(?:said|says|announced|announces|added)\b")


def _speaker(p: Parsed, ctx: Context, pos: int) -> Ent | None:
    """Who says so: "Corvala said Allianz has become a customer", else the article's company."""
    m = _SAID.search(p.masked, 0, pos)
    if m:
        return p.ent(m.group("who"))
    name = focus_company(ctx, p.sentence.index)
    return Ent(0, 0, name, name, "company", "description") if name else None


_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s+[^,;]*,")
_A_YEAR = re.compile(r"\s+(?:a|per|each)\s+year\b")
_BREAK = re.compile(r";|,\s+(?:and|but|while|days|weeks|months|after|before)\s|\s[—–]\s")


def _deal_money(p: Parsed, start: int, end: int) -> MoneyMatch | None:
    """The amount of the deal matched at masked[start:end]: one inside the match, else the
    nearest one in its clause (not a per-unit price)."""
    begin = max((b.end() for b in _BREAK.finditer(p.masked, 0, start)), default=0)
    stop = clause_end(p, end)
    stop = min(stop, next((b.start() for b in _BREAK.finditer(p.masked, end)), stop))
    asides = [
        (r.start(), r.end())
        for r in _RELATIVE_ASIDE.finditer(p.masked, begin, stop)
        if not r.start() <= start < r.end()
    ]
    found = [
        (pos, money)
        for pos, money in p.money_in(begin, stop)
        if not any(a <= pos < b for a, b in asides)
        and (not is_per_unit(p, pos) or _A_YEAR.match(p.masked, p.masked.find(M_CLOSE, pos) + 1))
    ]
    if not found:
        return None
    inside = [money for pos, money in found if start <= pos < end]
    if inside:
        return inside[0]
    return min(found, key=lambda f: abs(f[0] - end) if f[0] >= end else abs(start - f[0]) + 40)[1]
