"""English entity layer: each sentence with the entities it names, ready for the rules.

Registry mentions come first; names the registry does not know are recognised from their
shape and context (capitalised runs, corporate suffixes, "startup X", "X, a Paris-based
lab"); pronouns ("it", "he"), definite descriptions ("the startup", "the chipmaker") and
surnames are resolved to entities named earlier. Every entity and amount is then replaced
by a placeholder in ``Parsed.masked``, so rules are patterns over verbs and placeholders.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.document import Document, EntityMention, name_key
from newsbot.core.extract.en_lexicon import (
    DOMAIN_WORDS,
    FIRST_NAMES,
    NEWS_OUTLETS,
    PLACE_PHRASES,
    PLACES,
)
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.extract.patterns import boundary_words, by_first_letter
from newsbot.core.extract.text import Sentence

E_OPEN, E_CLOSE, M_OPEN, M_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ORG_SUFFIXES = _words(
    "AI Inc Inc. Corp Corp. Corporation Co. Ltd Ltd. LLC PLC GmbH AG SA NV Labs Lab Capital "
    "Ventures Venture Partners Global Holding Holdings Group Fund Funds Systems Technologies "
    "Technology Company Research Collective Management Invest Investments Bank Robotics "
    "Networks Software Intelligence Dynamics Foundation Institute Media Studios Studio "
    "Therapeutics Biosciences Energy Motors Semiconductor Semiconductors Microsystems Computing "
    "Analytics Security Health Financial Equity Advisors Associates Growth Platforms Industries "
    "Enterprises Solutions Labs. Games Entertainment Insurance Communications Telecom Mobile "
    "Digital Data Devices Instruments Electronics Aerospace Automotive Pharmaceuticals "
    "Engineering Automation Biotech Pharma Logistics Payments Finance Semiconductor Chips "
    "Materials Sciences Therapeutics Diagnostics Bio Cloud Computing Quantum Mobility"
)
_STOP = _words(
    "The A An This That These Those It Its He She His Her They Their We Our I In On At For "
    "From By With To Of And Or But As If When While After Before Since Until Under Over Into "
    "About Than Then There Here Also Only Even Just Still Yet So Not No Now Today Yesterday "
    "Tomorrow Last Next Earlier Later Meanwhile However Although Though Because During Within "
    "Without Among Between Through Across Per Via Both Each Every Either Neither Most Many "
    "Some Several Few More Much Other Another Such What Which Who Whom Whose Where Why How "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "June July August September October November December Q1 Q2 Q3 Q4 H1 H2 FY Chief "
    "Executive Officer Officers CEO CTO CFO COO CPO CSO CMO CIO CAIO President Vice Senior "
    "Director Directors Board Chairman Chair Chairwoman Co-Founder Cofounder Co-founder "
    "Interim Acting Former Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Sir Series Seed Billion Million "
    "Trillion Thousand Percent US U.S. UK U.K. EU E.U. USD NYSE NASDAQ Nasdaq IPO GPU GPUs CPU "
    "API APIs SaaS LLM LLMs AGI AI ML ARR GAAP EBITDA YoY R&D HR IT PR CRM ERP B2B B2C "
    "You Your Yours "
    "Raises Raised Announces Announced Acquires Acquired "
    "Acquire Acquisition Agrees Agreed Appoints Appointed Names Named Hires Hired Launches "
    "Launched Signs Signed Completes Completed Joins Joined Leaves Left Says Said Expands "
    "Unveils Releases Introduces Partnership Agreement Definitive Deal Deals Valuation Revenue "
    "Availability Annualized Funding Financing Investment Cuts Cut Layoffs Jobs Retires Steps "
    "Down Announcing SOURCE About Photo Comments Advertisement Sponsored Share Copy Email "
    "Print Read Take Done Good Morning Half Moves Dear Thanks Sign Surpasses Tops Turns "
    "Commits Completes Poaches Loses Snaps Bet Follow-On Follow-on To Be Is Are Was Were Has "
    "Have Had Will Would Can Could May Might Should Must Unlike Despite Following According "
    "Including Besides Amid Among Across Beyond Without Whether Instead Rather Overall Together "
    "Meanwhile Elsewhere Separately Similarly Additionally Further Furthermore Moreover "
    "Founder Founders Cofounder Cofounders Co-Founders Co-founders "
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands "
    "Existing Current Early Longtime Roughly About Nearly Almost"
)
_NATIONALITIES = _words(
    "American British Chinese French German Japanese Israeli Finnish Swiss Canadian Indian Korean "
    "European Swedish Dutch Italian Spanish Australian Singaporean Taiwanese Emirati Saudi "
    "Brazilian Irish Danish Norwegian Polish Russian Belgian Austrian Asian African Texan "
    "Californian Parisian Nordic Western Eastern Global"
)
_MONTH_ABBR = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
# Word alternations below are grouped by first letter (``by_first_letter``): same matches,
# a fraction of the work at each word of a sentence.
_ROLE = (
    r"(?:(?:"
    + by_first_letter(
        r"interim|acting|new|former|then|founding|outgoing|incoming|current|longtime|"
        r"executive|senior|deputy|associate|global"
    )
    + r")\s+)*(?:"
    + by_first_letter(
        r"co-?founder|founder|chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|chief executive|"
        r"chief scientist|chief architect|CEO|CTO|CFO|COO|CPO|CSO|CRO|CMO|CIO|CAIO|president|"
        r"vice[\s-]president|"
        r"head|chairman|chairwoman|chair|director|general manager|managing director|"
        r"general partner|partner|lead|leader|researcher|scientist|engineer|executive|EVP|SVP|"
        r"VP|board member|member of the board|principal|analyst|investor|manager|officer|chief|"
        r"boss"
    )
    + r")(?:\s+(?:of|for|at|on)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)?"
)
ROLE_RE = re.compile(_ROLE, re.IGNORECASE)
# the words a role ends with: a cheap test before the role patterns run
ROLE_CUE = re.compile(
    by_first_letter(
        r"founder|chief|ceo|cto|cfo|coo|cpo|cso|cro|cmo|cio|caio|president|head|chair|director|"
        r"executive|officer|vp|manager|partner|lead|scientist|researcher|engineer|principal|"
        r"analyst|investor|member"
    ),
    re.IGNORECASE,
)
ROLE_LIST = rf"{_ROLE}(?:(?:,\s*|\s+and\s+)(?:its\s+|their\s+|the\s+)?{_ROLE})*"
_COMPANY_NOUNS = (
    r"company|startup|start-up|firm|lab|laboratory|maker|chipmaker|developer|giant|provider|"
    r"outfit|unicorn|designer|publisher|retailer|automaker|carmaker|bank|"
    r"insurer|lender|group|rival|newcomer|challenger|supplier|vendor|operator|manufacturer|"
    r"conglomerate|investor|fund|studio|upstart|incumbent|specialist|venture"
)
_DESCRIPTION = re.compile(
    rf"(?P<det>{boundary_words('The|This|the|this')}|{E_OPEN}\d+{E_CLOSE}['’]s)\s+"
    rf"(?P<mods>(?:(?!(?:the|a|an|this|that|its)\s)(?:[\w.-]+|{E_OPEN}\d+{E_CLOSE}(?:-[\w-]+)?),?\s+){{0,3}}?)"
    rf"(?P<noun>{_COMPANY_NOUNS})\b"
    rf"(?!-)"
)
_PRONOUN = re.compile(
    "(?P<p>"
    + boundary_words(
        "it|its|It|Its|he|his|him|He|His|she|her|She|Her|we|We|us|our|Our|I|my|My|me|"
        "you|You|your|Your"
    )
    + r")\b(?:(?![.’'-]\w)|(?<=I)(?=['’](?:ve|m|d|ll)\b))"  # (and the "I" of "I've")
)
_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w’'&:.+\u00c0-\u024f-]*")
_RUN_TOKEN = re.compile(
    r"(?:[A-Z\u00c0-\u00de]|[a-z]{1,3}[A-Z])[\w’'&:.+\u00c0-\u024f-]*|\b(?:of|de|for)\b|&"
)
_DL_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DL_PLACE = r"[A-Z][A-Za-z.'’&-]*(?:\s+[A-Z][A-Za-z.'’&-]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_DL_PLACE}(?:\s+and\s+{_DL_PLACE})?)(?:,\s+{_DL_PLACE}){{0,2}}?"
    rf"(?P<date>,?\s+{_DL_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?\s*(?:--)?"
    rf"(?:\s*(?:\([^()]{{2,40}}\)|/[^/\s][^/]{{1,40}}/))?(?:\s*(?:--|—|–)\s*|\s+-\s+)"
)
_CAPS_PLACE = re.compile(r"[A-Z][A-Z.'’&-]+(?:\s+(?:[A-Z][A-Z.'’&-]*|and))*")
# "(NYSE: VTRA)", "(TSX/NYSE: TRI)", "(Nasdaq: MSFT)", "(MSFT)": a listing, not a name
_TICKER = re.compile(
    r"\s*\((?:(?:NYSE|NASDAQ|Nasdaq|TSX|LSE|TSE|TYO|OTC|OTCQX|HKEX|HKG|SGX|ASX|AMEX|Euronext|"
    r"XETRA|SIX|KRX|KOSDAQ|BSE|NSE|SEHK|FWB|TWSE|NYSE\s+American|Nasdaq\s+GS)"
    r"(?:\s*/\s*[A-Za-z ]+)*\s*:\s*[A-Z0-9.]{1,8}(?:[;,]\s*[A-Za-z ]+:\s*[A-Z0-9.]{1,8})*|"
    r"[A-Z]{2,5})\)"
)
_SUFFIX_ABBREV = {"Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "S.A.", "N.V."}
_ADJECTIVAL = re.compile(
    r"-(?:based|backed|owned|led|funded|founded|listed|headquartered|"
    r"powered|native|first|driven|focused|centric|made|style|like|era)$"
)
_PREPOSITIONS = _words(
    "in at of from with by for to like including include includes than about into on over "
    "after before between among behind via through toward towards against versus vs per "
    "across under alongside beside besides plus and or as"
)
_PERSONISH = re.compile(r"^[A-Z][a-z\u00c0-\u024f'’-]+(?:\s+[A-Z][a-z\u00c0-\u024f'’-]+){1,3}$")


@dataclass
class Ent:
    """An entity in one sentence (see module doc). ``name`` is canonical where known."""

    start: int
    end: int
    surface: str
    name: str
    kind: str  # company | person | product | unknown
    via: str = "name"  # name | alias | unknown | pronoun | description | surname
    possessive: bool = False
    org: str | None = None
    role: str | None = None
    former: bool = False
    founder_only: bool = False
    modifier: bool = False  # a company named only to describe a person ("Google's CEO X")
    owner: str | None = None  # a product's company, as the registry says

    @property
    def confidence(self) -> float:
        """How sure the name is: registry names highest, resolved references lowest."""
        return {
            "name": 1.0,
            "alias": 0.95,
            "surname": 0.9,
            "unknown": 0.8,
            "pronoun": 0.8,
            "description": 0.7,
        }.get(self.via, 0.7)

    def looks_like_person(self) -> bool:
        """A person, or an unknown name shaped like one ("Nat Friedman")."""
        if self.kind == "person":
            return True
        return self.kind == "unknown" and bool(_PERSONISH.match(self.name))

    def is_org(self) -> bool:
        """A company, or an unknown name that can be one."""
        return self.kind in ("company", "unknown")


@dataclass
class Parsed:
    """One sentence: its text, entities, amounts and the masked text rules match."""

    sentence: Sentence
    text: str
    ents: list[Ent]
    money: list[MoneyMatch]
    masked: str
    ent_pos: list[tuple[int, int]] = field(default_factory=list)  # masked spans of ents
    money_pos: list[tuple[int, int]] = field(default_factory=list)
    refs: dict[int, Ent] = field(default_factory=dict)  # masked start of "its", "his" -> whom
    memo: dict[str, Any] = field(default_factory=dict)  # what rules compute once per sentence

    @property
    def lowered(self) -> str:
        """The masked text in lower case, for cheap word tests before a pattern runs."""
        found = self.memo.get("lowered")
        if found is None:
            found = self.memo["lowered"] = self.masked.lower()
        return str(found)

    def ref_at(self, pos: int) -> Ent | None:
        """Whom the possessive pronoun at masked ``pos`` ("its", "his") refers to."""
        return self.refs.get(pos)

    def ent(self, index: str | int | None) -> Ent | None:
        """The entity behind placeholder number ``index``."""
        if index is None:
            return None
        i = int(index)
        return self.ents[i] if 0 <= i < len(self.ents) else None

    def amount(self, index: str | int | None) -> MoneyMatch | None:
        """The amount behind money placeholder number ``index``."""
        if index is None:
            return None
        i = int(index)
        return self.money[i] if 0 <= i < len(self.money) else None

    def ents_in(self, start: int, end: int) -> list[tuple[int, Ent]]:
        """``(masked position, ent)`` for entities whose placeholder lies in masked[start:end]."""
        return [
            (s, self.ents[i]) for i, (s, e) in enumerate(self.ent_pos) if start <= s and e <= end
        ]

    def money_in(self, start: int, end: int) -> list[tuple[int, MoneyMatch]]:
        """``(masked position, amount)`` for amounts in masked[start:end]."""
        return [
            (s, self.money[i]) for i, (s, e) in enumerate(self.money_pos) if start <= s and e <= end
        ]


@dataclass
class Context:
    """Coreference state carried from sentence to sentence through one article."""

    doc: Document
    mid_caps: set[str]
    topic: dict[int, tuple[str, str]] = field(default_factory=dict)
    last_subject: dict[str, str] = field(default_factory=dict)
    described: list[tuple[str, str]] = field(default_factory=list)  # (noun, name)
    people: dict[str, Ent] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    block_start: dict[int, int] = field(default_factory=dict)
    short_names: dict[str, str] = field(default_factory=dict)  # "Helix" -> "Helix Robotics"
    words: Counter[str] = field(default_factory=Counter)  # capitalised words of the body
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # adjacent such words
    listed: set[str] = field(default_factory=set)  # names followed by a stock listing
    titled: set[str] = field(default_factory=set)  # names after "Mr.", "Dr.": people
    subjects_before: dict[int, dict[str, str]] = field(default_factory=dict)  # per sentence
    weak_subject: bool = False  # the last company was only named, not the subject
    voice: tuple[str | None, str | None] | None = None  # whom "we" and "I" stand for
    weak_names: set[str] = field(default_factory=set)  # "io", "X": lower-case or one letter

    def product_owner(self, product: Ent) -> str | None:
        """The company behind a product: the registry's word, else a company whose name
        begins the product's ("GitHub Copilot Enterprise" → GitHub)."""
        if product.owner:
            return product.owner
        return self.parent_company(product.name)

    def parent_company(self, name: str) -> str | None:
        """A company named earlier whose name begins ``name`` ("Microsoft AI" → Microsoft)."""
        words = name.split()
        for n in range(len(words) - 1, 0, -1):
            head = " ".join(words[:n])
            known = self.doc.canonical(head)
            if known[1] == "company" or self.doc.salience.get(head):
                return known[0]
        return None


def build_context(doc: Document) -> Context:
    """The state for one article: which capitalised words appear mid-sentence in the body."""
    mid: set[str] = set()
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for s in doc.sentences:
        if s.kind in ("title", "heading"):
            continue
        mid.update(_strip_token(w)[0] for w in _MID_CAP.findall(s.text))
        lead = _LEADING_COMPANY.match(s.text)
        if lead:  # "Corvex, Inc. today announced", "Quillon, based in Oslo,": a name (headline too)
            mid.update(_strip_token(w)[0] for w in lead.group(1).split())
        for run in _CAP_SEQUENCE.findall(s.text):
            names = [_strip_token(w)[0] for w in run.split()]
            words.update(names)
            if len(names) > 1:
                pairs.update(pairwise(names))
    for s in doc.sentences:
        if not _ALIAS_QUOTE.search(s.text):
            continue
        for m in _ALIAS_DEFINITION.finditer(s.text):
            name = re.sub(r",$", "", m.group("name").strip())
            canonical, kind = doc.canonical(name)
            if kind is None:
                canonical, kind = doc.canonical(_CORP_TAIL.sub("", name))
            doc.define_alias(m.group("alias").strip(), canonical, kind or "company")
    return Context(doc, mid, words=words, pairs=pairs)


_LEADING_COMPANY = re.compile(
    r"((?:[A-Z][\w&'’.-]*\s+){0,2}[A-Z][\w&'’-]*)(?=,?\s+(?:Inc|Corp|Corporation|Ltd|LLC|PLC|"
    r"GmbH)\b|\s+\((?:NYSE|NASDAQ|Nasdaq)\b|\s+today\s+(?:announced|said|unveiled|launched)\b|"
    r",\s+(?:based|headquartered|founded)\s+in\b)"
)
_CAP_SEQUENCE = re.compile(r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*")
_HONORIFICS = frozenset(("Mr", "Ms", "Mrs", "Dr", "Prof", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."))


def person_evidence(ctx: Context, words: list[str]) -> str:
    """ "person", "company" or "unknown" for a person-shaped name the registry does not know,
    from the whole article: a known first name, "Ms. Reyes", the surname used alone later
    ("Mendes was ...") point to a person; the first word used alone ("Harbor raised ...")
    to a company."""
    first, last = words[0], words[-1]
    together = ctx.pairs[(words[-2], last)]
    honorific = any(ctx.pairs[(h, last)] for h in _HONORIFICS)
    last_alone = ctx.words[last] - together > 0
    first_alone = ctx.words[first] - ctx.pairs[(first, words[1])] > 0
    person = 2 * (first in FIRST_NAMES) + 2 * honorific + last_alone
    company = first_alone + (last in _COMPANY_LAST_WORDS)
    if person > company:
        return "person"
    return "company" if company > person else "unknown"


_COMPANY_LAST_WORDS = _words(
    "Exchange Compute Street Bank Works Bio Labs Lab Studio Studios Cloud Data Foods Motors "
    "Air Airlines Rail Energy Power Capital Partners Ventures Health Care Pharma Robotics "
    "Security Networks Semiconductor Systems Software Technologies Tech Group Holdings "
    "Insurance Brands Markets Media Pictures Records Telecom Wireless Mobility Logistics "
    "Therapeutics Sciences Foundry Forge Works Worldwide International Global Platforms "
    "Dynamics Analytics Intelligence Automation Electronics Instruments Industries Mining "
    "Bancorp Financial Reinsurance Re Group Hub Box Stack Base Line Point Path Scale Mind "
    "Minds Wave Flow Shift Stream Grid Hive Nest Loop Sense Signal Vision"
)


# a capitalised word after a space that follows no sentence punctuation or space (the pattern
# opens with the space, so the engine goes from space to space)
_MID_CAP = re.compile(r" (?<![.!?:;—“\"\s] )([A-Z\u00c0-\u00de][\w’'&:.+\u00c0-\u024f-]*)")
_CORP_TAIL = re.compile(r",?\s+(?:Inc|Corp|Corporation|Ltd|LLC|Co|PLC|GmbH|AG|SA)\.?$")
# what every alias definition holds: a quoted name opening a parenthesis (a quick search;
# _ALIAS_DEFINITION, tried at every character, is slow on long sentences)
_ALIAS_QUOTE = re.compile(r"\((?:the\s+|or\s+)?[“\"‘']")
_ALIAS_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w&:.'-]*|[a-z]{1,3}[A-Z][\w-]*)(?:\s+(?:[A-Z][\w&:.'-]*|&)){0,5}"
    r"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|LLC|Co|PLC|GmbH|AG|SA)\.?)?),?\s*"
    r"\((?:the\s+|or\s+)?[“\"‘'](?P<alias>[A-Z][^”\"’']{1,40})[”\"’']\)"
)


def parse_sentence(ctx: Context, sentence: Sentence, *, light: bool = False) -> Parsed:
    """Entities, references and amounts of one sentence, and its masked text. ``light``
    (a sentence no rule will read) keeps only what later sentences need: who was named."""
    return finish_parse(ctx, read_names(ctx, sentence), light=light)


@dataclass
class Names:
    """The first look at a sentence: its text without datelines or listings, and the names in
    it (registry mentions and unknown names). Enough to decide whether any rule will read it."""

    sentence: Sentence
    text: str
    cuts: list[tuple[int, int]]
    ents: list[Ent]


def read_names(ctx: Context, sentence: Sentence) -> Names:
    """Registry mentions and unknown names of one sentence (no references yet)."""
    cuts = _cuts(ctx, sentence.text)
    text = _cut(sentence.text, cuts)
    known = [
        _from_mention(ctx, m, cuts)
        for m in ctx.doc.mentions(sentence.index)
        if _moved(m.start, cuts) is not None
    ]
    ents = [e for e in _add_unknown(ctx, text, known, sentence) if not _generic_plural(text, e)]
    _absorb_suffixes(text, ents)
    _define_aliases(ctx, text, ents)
    _mark_possessives(text, ents)
    return Names(sentence, text, cuts, ents)


# a name that only describes a plural of institutions: "three NHS trusts", "in GP surgeries"
_INSTITUTIONS = re.compile(
    r"\s+(?:trusts|hospitals|surgeries|clinics|practices|banks|insurers|lenders|councils|"
    r"schools|universities|colleges|agencies|departments|ministries|authorities|regulators|"
    r"firms|carmakers|automakers|retailers|utilities|pharmacies|branches|stores|franchises|"
    r"dealerships|municipalities|districts|boards)\b"
)
_COUNTED = re.compile(
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|"
    r"hundreds\s+of|several|many|some|most|all|few|other|more|various|numerous|\d[\d,]*)\s+$"
)
_PLACED = re.compile(r"\b(?:in|at|across|for|with|from|into|among|inside|throughout)\s+$")


def _generic_plural(text: str, e: Ent) -> bool:
    if e.kind == "person" or e.kind == "product" or not _INSTITUTIONS.match(text, e.end):
        return False
    before = text[max(0, e.start - 20) : e.start]
    return bool(_COUNTED.search(before)) or (e.via == "unknown" and bool(_PLACED.search(before)))


def finish_parse(ctx: Context, names: Names, *, light: bool = False) -> Parsed:
    """References, amounts, people's roles and the masked text; then what the sentence
    teaches the context. ``light`` skips what only the rules need."""
    sentence, text, ents = names.sentence, names.text, names.ents
    money: list[MoneyMatch] = []
    if not light:
        ents = _add_references(ctx, text, ents, sentence)
        _mark_possessives(text, ents)
        money = [
            MoneyMatch(start, start + m.end - m.start, m.money, m.approximate)
            for m in ctx.doc.money(sentence.index)
            if (start := _moved(m.start, names.cuts)) is not None
        ]
    parsed = _mask(sentence, text, ents, money)
    if not light:
        _person_attributes(ctx, parsed)
    ctx.subjects_before[sentence.index] = dict(ctx.last_subject)
    _learn(ctx, parsed)
    return parsed


# registry and unknown names ---------------------------------------------------------------


def _from_mention(ctx: Context, m: EntityMention, cuts: list[tuple[int, int]]) -> Ent:
    start = _moved(m.start, cuts) or 0
    end = start + m.end - m.start
    defined = ctx.doc.alias_of(m.surface)
    if defined and defined[0] != m.name:
        return Ent(start, end, m.surface, defined[0], defined[1], "alias")
    return Ent(
        start,
        end,
        m.surface,
        m.name,
        m.kind,
        "name",
        owner=m.company if m.kind == "product" else None,
    )


def _cuts(ctx: Context, text: str) -> list[tuple[int, int]]:
    """Spans the rules must not read: a wire dateline ("SANTA CLARA, Calif., Dec 16
    (Reuters) - "), an answer turn's label naming the interviewee ("Raman: ") and stock
    listings ("(NYSE: VTRA)")."""
    cuts: list[tuple[int, int]] = []
    end = _dateline_end(ctx, text) or (_interviewee_label_end(ctx, text) if ":" in text else 0)
    if end:
        cuts.append((0, end))
    if "." in text:
        for m in _HONORIFIC.finditer(text, end):
            cuts.append((m.start(), m.end()))  # "Dr. Miriam Osei": the title is no part of a name
            named = _NAME_AFTER.match(text, m.end())
            if named:
                ctx.titled.add(named.group(0))
    if "(" in text:
        for m in _TICKER.finditer(text, end):
            cuts.append((m.start(), m.end()))
            named = _NAME_BEFORE.search(text, max(end, m.start() - 80), m.start())
            if named:
                ctx.listed.add(named.group(1))
    return sorted(cuts)


_HONORIFIC = re.compile("(?:" + boundary_words("Mr|Mrs|Ms|Dr|Prof") + r")\.\s+(?=[A-Z])")
_NAME_AFTER = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*?)\.?,?$")


def _cut(text: str, cuts: list[tuple[int, int]]) -> str:
    if not cuts:
        return text
    parts, pos = [], 0
    for start, end in cuts:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _moved(pos: int, cuts: list[tuple[int, int]]) -> int | None:
    """Where ``pos`` of the sentence is in the text without ``cuts`` (None: cut away)."""
    shift = 0
    for start, end in cuts:
        if pos < start:
            break
        if pos < end:
            return None
        shift += end - start
    return pos - shift


def _dateline_end(ctx: Context, text: str) -> int:
    head = text[:140]
    if not text[:1].isupper() or not ("—" in head or "-" in head or "–" in head):
        return 0
    m = _DATELINE.match(text)
    if not m:
        return 0
    place = m.group("place")
    if m.group("date") or (
        _CAPS_PLACE.fullmatch(place) and len(place) > 2 and ctx.doc.registry.lookup(place) is None
    ):
        return m.end()
    return 0


_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|LLC|L\.L\.C|PLC|plc|GmbH|AG|SA|S\.A|SE|NV|N\.V|Limited|"
    r"Holdings)\.?(?=[\s,;:)'’]|$))+"
)


_LEGAL_WORDS = frozenset(
    (
        "Inc",
        "Corp",
        "Corporation",
        "Co",
        "Ltd",
        "LLC",
        "PLC",
        "GmbH",
        "AG",
        "SA",
        "SE",
        "NV",
        "Limited",
        "Holdings",
    )
)


def _absorb_suffixes(text: str, ents: list[Ent]) -> None:
    """ "Hewlett Packard Enterprise Co. and Juniper": the legal suffix is part of the name."""
    for i, e in enumerate(ents):
        if e.kind not in ("company", "unknown"):
            continue
        m = _LEGAL_SUFFIX.match(text, e.end)
        if m and (i + 1 >= len(ents) or ents[i + 1].start >= m.end()):
            e.end = m.end()
            e.surface = text[e.start : e.end]


@functools.lru_cache(maxsize=4096)
def _strip_token(token: str) -> tuple[str, bool]:
    """A word without trailing punctuation or possessive; whether it was possessive."""
    possessive = False
    for tail in ("'s", "’s"):
        if token.endswith(tail):
            token, possessive = token[: -len(tail)], True
    if token not in _SUFFIX_ABBREV:
        token = token.rstrip(".:'’-")
    return token, possessive


def _is_cap(token: str) -> bool:
    return bool(token) and (token[0].isupper() or bool(_CAMEL.match(token)))


def _add_unknown(ctx: Context, text: str, known: list[Ent], sentence: Sentence) -> list[Ent]:
    taken = [(e.start, e.end) for e in known]
    found = list(known)
    if "overnment" in text or "Department" in text or "Army" in text or "Navy" in text:
        for m in _GOVERNMENT.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append(
                    Ent(m.start(), m.end(), m.group(0), _government_name(m), "company", "unknown")
                )
                taken.append((m.start(), m.end()))
    for ent in _weak_names(ctx, text, taken):
        found.append(ent)
        taken.append((ent.start, ent.end))
    for start, end, words in _cap_runs(ctx, text, taken, sentence):
        owner = next((e for e in found if e.end + 1 == start and e.kind == "company"), None)
        if (
            owner is not None
            and (all(w in ORG_SUFFIXES for w in words) or words[-1] in _FUND_WORDS)
            and text[owner.end] == " "
        ):
            found.remove(owner)  # "AMD Ventures", "Amazon Industrial Innovation Fund": a fund
            start, words = owner.start, [owner.surface, *words]
        surface = text[start:end]
        defined = ctx.doc.alias_of(surface)
        if defined:
            found.append(Ent(start, end, surface, defined[0], defined[1], "alias"))
            continue
        if len(words) == 1:
            full = ctx.doc.person_by_surname(surface)
            if full:
                found.append(Ent(start, end, surface, full, "person", "surname"))
                continue
            longer = ctx.short_names.get(surface)
            if longer:
                found.append(Ent(start, end, surface, longer, "company", "alias"))
                continue
        kind = _guess_kind(ctx, text, start, end, words)
        if kind:
            found.append(Ent(start, end, surface, surface, kind, "unknown"))
            if kind == "company" and len(words) > 1 and words[0] not in ORG_SUFFIXES:
                ctx.short_names.setdefault(words[0], surface)
    found.sort(key=lambda e: e.start)
    return found


# Names the capitalised-run reader cannot see: lower-case ("io Products", "dbt Labs", "io")
# or one letter ("X"). Such a word is a company only when the sentence says so: an appositive
# with a company noun ("X, the social network,") or a deal role ("acquiring io Products for"),
# never otherwise ("X" as a variable, "a" as an article). Once confirmed, the article's later
# mentions of it are the company too.
_WEAK_WORD = r"(?:[a-z][a-z0-9]{0,3}(?:\s+[A-Z][\w&’'-]*){1,2}|[a-z][a-z0-9]{0,3}|[A-HJ-Z])"
_WEAK_STOP = _words(
    "a an the it its this that his her our their my your one two all any new and or nor for "
    "from in on at by to of with as is was be are were not no more most some each own such "
    "who which when whom what why how then than them they we us he she i me him so if but "
    "out up off over into onto via per plus also only just even ever now yet both few many "
    "much less least very well too had has have did does do can may will lot lots part "
    "half rest top key big old few way day year time deal bid"
)
_APPOSITIVE_NOUNS = f"{_COMPANY_NOUNS}|network|platform|app|service|marketplace|site|website|maker"
# (a noun of the appositive is a word of its own: a sentence without any needs no search)
_APPOSITIVE_WORDS = frozenset(_APPOSITIVE_NOUNS.split("|"))
_WEAK_APPOSITIVE = re.compile(
    rf"(?<![\w.’'$-])(?P<n>{_WEAK_WORD}),\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,5}}?"
    rf"(?:{_APPOSITIVE_NOUNS})"
    r"(?:,|\.|;|$|\s+(?:founded|based|behind|backed|led|that|which|whose|known|run|owned|"
    r"started|created|in|from|he|she|they|it))"
)
_WEAK_DEAL = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy|buys|buying|bought|purchas(?:e|es|ed|ing)|"
    r"(?:acquisition|purchase|takeover)\s+of|merge\s+with|merged\s+with)\s+"
    rf"(?P<n>{_WEAK_WORD})(?=\s*(?:[,.;]|$)|\s+(?:for|in|from|last|this|earlier|on|at|to|with|"
    r"as|after|and|in|outright|through|via)\b)"
)


def _weak_names(ctx: Context, text: str, taken: list[tuple[int, int]]) -> list[Ent]:
    found: list[Ent] = []
    spans: list[tuple[int, int]] = []
    lower = text.lower()
    if (", a" in text or ", the " in text) and not _APPOSITIVE_WORDS.isdisjoint(
        sentence_words(text)
    ):
        spans += [m.span("n") for m in _WEAK_APPOSITIVE.finditer(text)]
    if any(w in lower for w in ("acqui", "buy", "bought", "purchas", "takeover", "merge")):
        spans += [m.span("n") for m in _WEAK_DEAL.finditer(text)]
    for known in ctx.weak_names:
        spans += [
            m.span() for m in re.finditer(rf"(?<![\w.’'$-]){re.escape(known)}(?![\w-])", text)
        ]
    for start, end in sorted(set(spans)):
        surface = text[start:end]
        first = surface.split()[0]
        if (
            first in _WEAK_STOP
            or any(s < end and start < e for s, e in taken)
            or any(s < end and start < e for s, e in ((f.start, f.end) for f in found))
        ):
            continue
        name, kind = ctx.doc.canonical(surface)
        if kind not in (None, "company"):
            continue
        ctx.weak_names.add(surface)
        found.append(Ent(start, end, surface, name, "company", "alias" if kind else "unknown"))
    return found


_GOVERNMENT = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<place>U\.S\.|US|United\s+States|UK|U\.K\.|British|Japanese|French|German|Chinese|"
    r"Indian|Canadian|Saudi|Emirati|Qatari|Singaporean|South\s+Korean|Korean|Italian|Spanish|Dutch|"
    r"Swedish|Norwegian|Australian|Israeli|Taiwanese|Brazilian|Mexican|federal|Federal)\s+"
    r"(?P<body>[Gg]overnment|Army|Navy|Air\s+Force|Marine\s+Corps|Space\s+Force|"
    r"Department\s+of\s+(?:[A-Z]\w+)(?:\s+(?:and|&)\s+[A-Z]\w+)?|"
    r"(?:Commerce|Defense|Energy|State|Treasury|Justice)\s+Department)\b"
)
_US = re.compile(r"^(?:U\.S\.|US|United\s+States|federal|Federal)$")


def _government_name(m: re.Match[str]) -> str:
    """ "US government", "the federal government" → "U.S. government"."""
    place = "U.S." if _US.match(m.group("place")) else re.sub(r"\s+", " ", m.group("place"))
    body = m.group("body")
    return f"{place} {body.lower() if body.lower() == 'government' else body}"


_VERB_AFTER = re.compile(
    r"\s+(?:said|says|is|was|has|had|have|will|would|announced|announces|ended|ends|agreed|agrees|"
    r"signed|signs|reported|reports|opened|closed|closes|launched|launches|filed|hired|hires|"
    r"bought|buys|acquired|acquires|raised|raises|cut|cuts|plans|declined|did|does|also|"
    r"became|becomes|confirmed|confirms|added|told)\b"
)


_CAP_TOKEN = re.compile(r"(?:[A-Z\u00c0-\u00de]|[a-z]{1,3}[A-Z])[\w’'&:.+\u00c0-\u024f-]*")
# _CAP_TOKEN for a text without a lower-case letter before a capital ("eBay"), cheaper to run
_CAPITAL_TOKEN = re.compile(r"[A-Z\u00c0-\u00de][\w’'&:.+\u00c0-\u024f-]*")
# a name may open with one digit ("8VC", "1Password"), not a unit ("5G", "4K", "1GW", "70B")
_DIGIT_LED = re.compile(
    r"(?<![\w.,$])\d(?=[A-Z](?!(?:W|B|M|K|G|T|D|X|GW|MW|KW|GB|TB|PB|MB|GHz|MHz|TFLOPS|"
    r"PFLOPS)\b)\w)"
)
_CAMEL_PAIR = re.compile(r"[A-Z](?<=[a-z][A-Z])")  # "[a-z][A-Z]", tried at capitals only
_CONNECTORS = {" of ": "of", " de ": "de", " for ": "for", " & ": "&"}
_FUND_WORDS = frozenset(
    (
        "Ventures",
        "Venture",
        "Capital",
        "Fund",
        "Funds",
        "Partners",
        "Investments",
        "Foundation",
        "Growth",
    )
)


def _cap_runs(
    ctx: Context, text: str, taken: list[tuple[int, int]], sentence: Sentence
) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised words outside known mentions: ``(start, end, words)``; "of", "de",
    "for" and "&" join two such words ("Bank of America")."""
    runs: list[tuple[int, int, list[str]]] = []
    current: list[tuple[int, int, str]] = []
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    tokens = _CAP_TOKEN if _CAMEL_PAIR.search(text) else _CAPITAL_TOKEN
    for m in tokens.finditer(text):
        word, possessive = _strip_token(m.group(0))
        start, end = m.start(), m.start() + len(word)
        if start and text[start - 1].isdigit() and _DIGIT_LED.match(text, start - 1):
            start, word = start - 1, text[start - 1] + word  # "8VC"
        if _I_CONTRACTED.match(word):
            if current:
                runs.append(_close(current))
                current = []
            continue  # "I've", "I'm": the first person, no name
        if possessive and _VERB_AFTER.match(text, m.end()):
            word, possessive, end = m.group(0), False, m.end()  # "McDonald's ended its test"
        gap = text[current[-1][1] : start] if current else ""
        if "-" in word and _ADJECTIVAL.search(word):
            if current and gap != " ":
                runs.append(_close(current))
            current = []  # "San Francisco-based", "AI-powered": describing, not a name
            continue
        connector = _CONNECTORS.get(gap)
        joins = gap == " " or connector is not None
        continues = joins and word in ORG_SUFFIXES
        if not covered[start] and (continues or _keep_word(ctx, text, word, start, sentence)):
            if current and not joins:
                runs.append(_close(current))
                current = []
            if connector:
                at = current[-1][1] + 1
                current.append((at, at + len(connector), connector))
            current.append((start, end, word))
            nxt = text[end : end + 1]
            if possessive or (nxt.strip() != "" and nxt not in "'’"):
                runs.append(_close(current))
                current = []
            continue
        if current:
            runs.append(_close(current))
            current = []
    if current:
        runs.append(_close(current))
    return [
        r
        for r in runs
        if r[2]
        and r[2][-1] not in ("of", "de", "for", "&")
        and not (
            len(r[2]) == 1
            and (
                len(r[2][0]) < 2
                or (r[2][0] in ORG_SUFFIXES and not (r[0] > 1 and covered[r[0] - 2]))
            )
        )
        and not all(w.rstrip(".") in _LEGAL_WORDS for w in r[2])
    ]


_I_CONTRACTED = re.compile(r"I['’](?:ve|m|d|ll)$")


def _close(tokens: list[tuple[int, int, str]]) -> tuple[int, int, list[str]]:
    while tokens and tokens[-1][2] in ("of", "de", "for", "&"):
        tokens = tokens[:-1]
    return tokens[0][0], tokens[-1][1], [t[2] for t in tokens]


_LEADING_NOUNS = frozenset(
    (
        *_COMPANY_NOUNS.split("|"),
        "rival",
        "rivals",
        "startups",
        "companies",
        "existing",
        "backers",
        "investors",
        "analysts",
        "researcher",
        "researchers",
        "executive",
        "executives",
        "former",
        "fellow",
        "longtime",
        "veteran",
        "billionaire",
        "entrepreneur",
    )
)
_TITLE_WORDS = (
    "Chief",
    "Vice",
    "Senior",
    "Executive",
    "Managing",
    "General",
    "Deputy",
    "Principal",
)
_NAME_WORDS = frozenset(("Will", "Grace", "Hope", "Bill"))  # first names that are also words
_SURNAME_NEXT = re.compile(r" [A-Z][a-z][\w'’-]+(?![\w'’-]*\s+(?:Inc|Corp|Ltd|Group)\b)")
_OPENERS = frozenset('“"—:(‘;')


def _keep_word(ctx: Context, text: str, word: str, start: int, sentence: Sentence) -> bool:
    if _ROUND_LETTER.fullmatch(word) and _ROUND_BEFORE.search(text, max(0, start - 12), start):
        return False  # "Series C1", "Series B-2": a round's name, not a company's
    if word in _STOP or word in _NATIONALITIES or (word[-1] == "." and word.rstrip(".") in _STOP):
        return (
            word in _NAME_WORDS and start > 0 and bool(_SURNAME_NEXT.match(text, start + len(word)))
        )
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j > 3 and text[j].islower() and text.endswith(_TITLE_WORDS, 0, j + 1):
        return False  # "Chief Scientific Officer": part of a title
    if word in _MONTH_ABBR and _DATE_AFTER.match(text, start + len(word)):
        return False
    at_start = j < 0 or text[j] in _OPENERS
    if sentence.kind in ("title", "heading") or at_start:
        rest = text[start + len(word) :]
        if word.lower() in _LEADING_NOUNS and _NEXT_CAP.match(rest):
            return False  # "Chipmaker Tenvia said", "Startup Corvala raised"
        nxt = _NEXT_CAP.match(rest)
        followed = nxt is not None and (
            nxt.group(1) not in _STOP or (nxt.group(1) in ORG_SUFFIXES and sentence.kind != "title")
        )
        return (
            word in ctx.mid_caps
            or word in ctx.short_names
            or ctx.doc.alias_of(word) is not None
            or (followed and sentence.kind != "title")
            or (word not in _COMMON_PLURALS and bool(_NAME_FOLLOWS.match(rest)))
            or bool(_INNER_CAP.search(word))
        )
    return True


_ROUND_LETTER = re.compile(r"[A-K](?:-?\d{1,2}|\+)?")
_ROUND_BEFORE = re.compile(r"\b(?:[Ss]eries|SERIES|[Pp]re-[Ss]eries)\s+$")
_NAME_FOLLOWS = re.compile(
    r"^(?:['’]s\s|,\s+(?:the|a|an|which|who|whose|based|founded|co-founded|cofounded|backed)\s|\s+[—–]\s|"
    r"\s+and\s+[A-Z]|\s+\((?:NYSE|NASDAQ|Nasdaq|TSE|LSE)|,?\s+(?:Inc|Corp|Ltd|LLC|PLC|GmbH)\b|"
    # a press release's "X today announced", "X also said"
    r"\s+(?:today|yesterday|also|recently|officially|formally)\s+(?:[a-z]+ed|said|says|"
    r"[a-z]{3,}(?<!er)s)\b|\s+(?:said|says|told|announced|has|have|"
    r"had|will|is|was|plans|agreed|[a-z]+ed|[a-z]{3,}(?<!er)s|struck|won|sold|bought|made|took|led|"
    r"hit|cut|set|put|got|gave|grew|rose|fell|paid|began|became|brought|built|chose|drew|ran|saw|"
    r"sent|spent|split|swept|wrote|lost|left|kept|held|found|came|went|laid|shed|won|sold|"
    r"can|could|may|might|"
    r"should|would|must)\b)"
)
_COMMON_PLURALS = _words(
    "Demand Growth Competition Interest Pressure Funding Spending Inflation Hiring Work "
    "Investment Research Training Usage Adoption Traffic Demand Supply Capital Money Cash "
    "Talent Security Privacy Regulation Policy Energy Power Compute Data Software "
    "Hardware Progress Momentum Confidence Sentiment Trading Business Everything Everyone "
    "Nobody Nothing Something Someone Each Neither Either Such Investors Analysts "
    "Customers Regulators Officials Executives Employees Users Researchers Sources Shares "
    "Sales Revenue Profits Companies Startups Critics Lawmakers Developers Engineers "
    "Founders Workers Staff Banks Funds Others Both Many Most Some Several Few All Prices "
    "Costs Margins Talks Negotiations Terms Details Reports Documents Filings Markets "
    "Stocks Bonds Rivals Competitors Partners Suppliers Vendors Buyers Sellers Teams "
    "Leaders Bookings Orders Earnings Losses Subscriptions Downloads Deliveries Shipments "
    "Renewals Signups Subscribers"
)


_CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")
_DATE_AFTER = re.compile(r"\.|\s\d")
_NEXT_CAP = re.compile(r"\s+([A-Z][\w’'-]*)")
_INNER_CAP = re.compile(r"[a-z][A-Z]|\d")
_ROLE_BEFORE = re.compile(rf"(?:{_ROLE}),?\s+$", re.IGNORECASE)
_NOUN_BEFORE = re.compile(rf"\b(?:{_COMPANY_NOUNS})\s+$")
_PERSON_VERB_AFTER = re.compile(
    r"\s+(?:(?:will|would|has|had|is|was|also|then|recently|formerly)\s+)*(?:step(?:s|ped|ping)?\s+"
    r"down|resign(?:s|ed|ing)?|retire[sd]?|retiring|quit|quits|joined|joins|rejoined|departed|"
    r"departs|left\s+(?!for\b)|co-?founded|said\s+(?:he|she)\b|told\s+\w+\s+(?:he|she)\b)"
)
_NOUN_APPOSITIVE = re.compile(
    rf",\s+(?:an?|the)\s+[^,]{{0,60}}?\b(?:{_COMPANY_NOUNS})\b(?!\s+(?:said|says|told|added|"
    rf"announced|confirmed|noted))"
)


def _guess_kind(ctx: Context, text: str, start: int, end: int, words: list[str]) -> str | None:
    surface = text[start:end]
    if surface in PLACE_PHRASES or (len(words) == 1 and surface in PLACES):
        return None
    last = words[-1]
    site = (
        _SITE_BEFORE.search(text[max(0, start - 60) : start]) if last not in ORG_SUFFIXES else None
    )
    if site and (not site.group("listed") or _LIST_GOES_ON.match(text, end)):
        return None  # "founded in 2021 in Rotterdam", "offices in Lisbon and Porto": a place
    if last in ORG_SUFFIXES or ":" in surface or words[0][:1].islower() or surface in ctx.listed:
        return "company"
    if _DOMAIN_NAME.search(surface) or (len(words) > 1 and words[0] in _FOREIGN_ARTICLES):
        return "company"  # "C3.ai", "H2O.ai", "Der Spiegel", "Le Monde"
    if len(words) == 1 and surface[:1].isdigit():
        return "company"  # "8VC", "1Password" (a product's version number trails: "GPT-4")
    if any(c.isdigit() for c in surface):
        return "product"
    before = text[max(0, start - 40) : start]
    after = text[end : end + 80]
    personish = bool(_PERSONISH.match(surface))
    if surface in ctx.titled or any(t.startswith(surface) for t in ctx.titled):
        return "person"
    if _HONORIFIC_BEFORE.search(before):
        return "person" if personish else "unknown"
    role = bool(ROLE_CUE.search(before))
    if role and _DOMAIN_BEFORE.search(before) and all(w in DOMAIN_WORDS for w in words):
        return None  # "head of Search", "CEO of Applications": what the role covers
    if role and _ROLE_BEFORE.search(before.lower()) and not _ORG_PREPOSITION.search(before):
        return "person" if personish and words[0] in FIRST_NAMES else "unknown"
    if personish and (_PERSON_APPOSITIVE.match(after) or _PERSON_VERB_AFTER.match(after)):
        return "person"  # "X, a co-founder of Y", "X will step down as", "X, who"
    if _NOUN_BEFORE.search(before.lower()) or _NOUN_APPOSITIVE.match(after):
        return "company"
    if len(words) == 1 and last.isupper() and 2 <= len(last) <= 5:
        return "company"
    if personish and len(words) <= 3:
        evidence = person_evidence(ctx, words)
        return (
            evidence if evidence != "unknown" or not _PERSON_APPOSITIVE.match(after) else "person"
        )
    return "unknown"


# where a company was founded, is based or has offices: the capitalised name after it is a
# place (the registry's companies never get here)
_SITE_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_SITE_BEFORE = re.compile(
    r"\b(?:[Ff]ounded|[Bb]ased|[Hh]eadquartered|[Ll]ocated|[Ii]ncorporated|offices?|"
    r"headquarters|HQ)\s+(?:in\s+(?:\d{4}|" + _SITE_NAME + r")\s+)?(?:in|at)\s+"
    r"(?P<listed>" + _SITE_NAME + r"(?:,\s+|,?\s+and\s+))*$"
)
# a list of places ends there: not "offices in Lisbon, and Kestrel invested"
_LIST_GOES_ON = re.compile(r"(?:[.,;:)]|\s+(?:and|or|in|as|while|with|where|since)\b|\s*$)")
_DOMAIN_BEFORE = re.compile(
    rf"\b(?:{_ROLE}|head|chief|lead|leader|director|adviser|advisor|president|vp|officer|"
    rf"manager|ceo|cto|cfo|coo)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z]{{2,5}}\s+)?$",
    re.IGNORECASE,
)
_ORG_PREPOSITION = re.compile(r"\b(?:at|of|for|from|with|by|to|joins|joined|leaves|left)\s+$")
_FOREIGN_ARTICLES = frozenset(("Der", "Die", "Das", "Le", "La", "Les", "El", "Il", "Los", "Las"))
_DOMAIN_NAME = re.compile(r"\w\.(?:ai|AI|io|com)$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+$")
_PERSON_APPOSITIVE = re.compile(
    rf",\s+(?:who\b|(?:an?|the|its|their)\s+(?:[\w-]+\s+){{0,4}}?(?:{_ROLE})\b)", re.IGNORECASE
)


_ALIAS_QUOTED = re.compile(r",?\s*\((?:the\s+)?[“\"']([^”\"']{2,40})[”\"']\)")
_ALIAS_FORMERLY = re.compile(r",?\s*\((?:formerly|previously|also known as)\s+([^)]{2,40})\)")
_ALIAS_CALLED = re.compile(
    r",\s+(?:the\s+)?[^,]{0,60}?\b(?:formerly|previously|once|which was|who was|until recently) "
    r"(?:known as|called|named) ([A-Z][\w&:. -]{1,40}?)(?=[,.;]|\s(?:until|before)\b)"
)


def _define_aliases(ctx: Context, text: str, ents: list[Ent]) -> None:
    """ "Figure AI Inc. (“Figure”)" and "formerly known as Holistic" name the same company."""
    for e in ents:
        if e.kind not in ("company", "unknown"):
            continue
        tail = text[e.end : e.end + 80]
        if not tail.startswith((",", " (", "(")):
            continue
        m = _ALIAS_QUOTED.match(tail) or _ALIAS_FORMERLY.match(tail) or _ALIAS_CALLED.match(tail)
        if m:
            ctx.doc.define_alias(m.group(1).strip(), e.name, "company")


# references --------------------------------------------------------------------------------


_SECOND_PERSON = frozenset(("you", "your"))
_PRONOUN_WORDS = (
    frozenset(("it", "its", "he", "his", "him", "she", "her", "we", "us", "our", "i", "my", "me"))
    | _SECOND_PERSON
)
_FIRST_PERSON = frozenset(("we", "us", "our", "i", "my", "me"))
_DESCRIPTION_NOUNS = frozenset(_COMPANY_NOUNS.split("|"))
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")


@functools.lru_cache(maxsize=256)
def sentence_words(text: str) -> frozenset[str]:
    """The lower-case words of a sentence (asked for several times per sentence)."""
    low = text.lower()
    words = _WORD_RE.findall(low)
    if "-" not in low:
        return frozenset(words)
    return frozenset((*words, *(part for w in words if "-" in w for part in w.split("-"))))


def _add_references(ctx: Context, text: str, ents: list[Ent], sentence: Sentence) -> list[Ent]:
    words = sentence_words(sentence.text)
    out = (
        _add_descriptions(ctx, text, list(ents), sentence)
        if not words.isdisjoint(_DESCRIPTION_NOUNS)
        else sorted(ents, key=lambda e: e.start)
    )
    if words.isdisjoint(_PRONOUN_WORDS):
        return out
    for m in _PRONOUN.finditer(text):
        if any(e.start <= m.start() < e.end for e in out):
            continue
        word = m.group("p").lower()
        if word in _FIRST_PERSON:
            ref = _first_person(ctx, text, word, m.start(), out, sentence)
        elif word in _SECOND_PERSON:
            ref = _second_person(ctx, sentence)
        else:
            ref = _resolve_pronoun(ctx, text, word, m.start(), out, sentence)
        if ref:
            out.append(Ent(m.start(), m.end(), m.group(0), ref[0], ref[1], "pronoun"))
    out.sort(key=lambda e: e.start)
    return out


def _resolve_pronoun(
    ctx: Context, text: str, word: str, pos: int, ents: list[Ent], sentence: Sentence
) -> tuple[str, str] | None:
    kind = "company" if word in ("it", "its") else "person"
    topic = ctx.topic.get(sentence.block)
    if kind == "person" and topic and topic[1] == "person" and sentence.kind == "item":
        return topic
    before = sorted(
        (e for e in ents if e.end <= pos and _kind_fits(e, kind)), key=lambda e: e.start
    )
    before = _not_antecedent(text, pos, before)
    for e in reversed(before):
        if _SAID_AFTER.match(text, e.end) and not re.search(r"[.;]", text[e.end : pos]):
            return e.name, kind  # "Apple said ... that it would": the speaker
    subjects = [e for e in before if not e.possessive and not e.modifier]
    if subjects and _SUBORDINATE_BEFORE.search(text, max(0, pos - 12), pos):
        acting = [e for e in subjects if _ACTS_AFTER.match(text, e.end)]
        if acting:
            return acting[-1].name, kind  # "the unit X had created after it bought Y": X
    if subjects:
        return subjects[0].name, kind
    before = [e for e in before if not e.modifier]  # "the Sequoia-backed company ... it"
    if before:
        return before[-1].name, kind
    if topic and topic[1] == kind:
        return topic
    if kind == "company":
        name = focus_company(ctx, sentence.index, pronoun=True)
    else:
        name = ctx.last_subject.get(kind) or ctx.doc.last(kind, before=sentence.index)
    main = ctx.doc.main(kind) if kind == "company" else None
    if (
        main
        and main != name
        and _named_recently(ctx, main, sentence.index)
        and any(e.name == main for e in ents)
    ):
        return main, kind  # "It is AMD's second deal": the article's company
    return (name, kind) if name else None


# first person: "we", "our" are the company the page is by or about, "I" its speaker --------
_FIRST_PERSON_I = re.compile(r"I(?:\s+[a-z]+|['’](?:ve|m|d|ll)\b)")
_QUESTION_LINE = re.compile(r"^(?:Q\s*[:.]|Question\s*:)")
_BYLINE = re.compile(
    r"^(?:By\s+|Written\s+by\s+)?(?P<person>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+"
    r"(?:(?:the\s+)?(?:co-?founder|founder|CEO|chief\s+executive|CTO|president|chair)"
    r"(?:\s+and\s+|,\s+|\s+&\s+)?){1,3}\s*(?:of|at)\s+(?P<org>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})"
)
_ORG_ROLE_PERSON = re.compile(
    r"(?!(?:Its|Their|The|His|Her|Our|A|An|As|Former)\s)"
    r"(?P<org>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}?)(?:['’]s)?\s+(?:co-?founder|founder|CEO|"
    r"chief\s+executive|CTO|president)(?:\s+and\s+(?:CEO|CTO|chief\s+executive))?,?\s+"
    r"(?P<person>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})\b"
)
_INTERVIEW_TITLE = re.compile(
    r"^(?:(?:Q\s*&\s*A|Interview|In\s+conversation)\s*[:|—–-]\s*)"
    r"(?P<org>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}?)['’]s\s+(?:(?:co-?founder|founder|CEO|"
    r"chief\s+executive|CTO|president)\s+(?:and\s+\w+\s+)?)?"
    r"(?P<person>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})\b"
)
# a bare byline ("By Aiko Brennan", "Posted by A on March 3"): whom a blog's "I" stands for
_BY_NAME = re.compile(
    r"^(?:By|Written\s+by|Posted\s+by)\s+(?P<person>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})"
    r"(?:\s*$|\s+on\s|\s*[,|·•—–])"
)
_ABOUT = re.compile(r"^About\s+(?P<org>[A-Z][\w&.’' -]{1,60}?)\s*$")


def _voice(ctx: Context) -> tuple[str | None, str | None]:
    """The company and the person an article's first person stands for: a byline's ("By A,
    CEO of X"; "X co-founder A on ..."), a press release's "About X" section, else the
    article's main company and person so far."""
    if ctx.voice is not None:
        return ctx.voice
    company = person = None
    doc = ctx.doc
    for s in doc.sentences:
        if s.kind == "heading":
            about = _ABOUT.match(s.text.strip())
            if about:
                company = doc.canonical(about.group("org"))[0]
    for s in doc.sentences[:8]:
        m = _BYLINE.match(s.text) or _ORG_ROLE_PERSON.search(s.text)
        if m:
            canonical, kind = doc.canonical(m.group("org").rstrip("."))
            if kind in (None, "company"):
                company = company or canonical
                person = doc.canonical(m.group("person"))[0]
            break
    title = doc.sentences[0] if doc.sentences and doc.sentences[0].kind == "title" else None
    interview = _INTERVIEW_TITLE.match(title.text) if title is not None else None
    if interview and company is None and person is None:
        company = doc.canonical(interview.group("org"))[0]  # "Q&A: X's A on ...": A speaks for X
        person = doc.canonical(interview.group("person"))[0]
    if person is None:
        named = next(filter(None, (_BY_NAME.match(s.text) for s in doc.sentences[:6])), None)
        named = named or next(filter(None, map(_author_line, doc.sentences[:3])), None)
        person = doc.canonical(named.group("person"))[0] if named else None
    ctx.voice = (company, person)
    return ctx.voice


def speaker_company(ctx: Context, sentence: Sentence) -> str | None:
    """The interviewee's company when ``sentence`` belongs to an answer of a transcript
    ("PR: ...", "A: ...")."""
    first = ctx.doc.sentences[ctx.block_start.get(sentence.block, sentence.index)]
    if not _ANSWER_TURN.match(first.text) and not _interviewee_label_end(ctx, first.text):
        return None
    return _voice(ctx)[0] or ctx.doc.main("company")


_ANSWER_TURN = re.compile(r"^(?!Q\s*:)[A-Z]{1,3}\s*:\s")
_NAME_LABEL = re.compile(r"^(?P<label>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})\s*:\s+")


def _interviewee_label_end(ctx: Context, text: str) -> int:
    """Where an answer turn's label ends when it names the interviewee ("Raman: ",
    "Priya Raman: ", "Priya: "; the voice's person, else the article's main person), as
    initials do ("PR: "); 0 for any other line."""
    m = _NAME_LABEL.match(text)
    if m is None or m.group("label") in ("Q", "Question"):
        return 0
    person = _voice(ctx)[1] or ctx.doc.main("person")
    if person is None:
        return 0
    label = m.group("label")
    parts = person.split()
    if label == person or label in (parts[0], parts[-1]) or ctx.doc.canonical(label)[0] == person:
        return m.end()
    return 0


def _author_line(s: Sentence) -> re.Match[str] | None:
    """A line that is only a person's name (a known first name) atop a post: its author."""
    m = _NAME_LINE.match(s.text) if s.kind == "heading" else None
    return m if m and m.group("person").split()[0] in FIRST_NAMES else None


_NAME_LINE = re.compile(r"^(?P<person>[A-Z][a-z’'-]+(?:\s+[A-Z][\w’'-]+){1,2})$")


def _first_person(
    ctx: Context, text: str, word: str, pos: int, ents: list[Ent], sentence: Sentence
) -> tuple[str, str] | None:
    """Whom "we", "our", "I" stand for: in a quote, the speaker's company (or the speaker);
    otherwise the article's voice. The interviewer's question lines stand for no one."""
    if _QUESTION_LINE.match(text):
        return None
    if word == "i" and not _FIRST_PERSON_I.match(text, pos):
        return None  # "Series I", "World War I"
    kind = "person" if word in ("i", "my", "me") else "company"
    speakers = [e for e in ents if e.kind == "person" and e.via != "pronoun"]
    speaker = next(
        (
            e
            for e in speakers
            if _SAID_AFTER.match(text, e.end) or _SAID_BEFORE.search(text, 0, e.start)
        ),
        None,
    )
    if speaker is not None:
        if kind == "person":
            return speaker.name, kind
        if speaker.org:
            return speaker.org, kind
    company, person = _voice(ctx)
    if kind == "person":
        person = person or ctx.last_subject.get("person") or ctx.doc.main("person")
        return (person, kind) if person else None
    company = company or ctx.doc.main("company")
    return (company, kind) if company else None


def _second_person(ctx: Context, sentence: Sentence) -> tuple[str, str] | None:
    """Whom "you", "your" stand for: in an interviewer's question turn ("Q: You raised $60
    million in March. What's it for?"), the interviewee's company; elsewhere (the reader, a
    quote's listener) no one."""
    first = ctx.doc.sentences[ctx.block_start.get(sentence.block, sentence.index)]
    if not _QUESTION_LINE.match(first.text):
        return None
    company = _voice(ctx)[0] or ctx.doc.main("company")
    return (company, "company") if company else None


_SAID_BEFORE = re.compile(r"\b(?:said|says|added|told|wrote)\s+(?:[\w-]+\s+){0,6}$")


_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|before|when|once|since|because|as|until|while)\s+$")
_ACTS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:had|has|have|was|is|were|will|would|also|then|later|"
    r"first|[a-z]+ed)\b"
)


_RELATIVE_OPEN = re.compile(r",?\s+(?:which|that|whom)\s+(?:(?:the|this|that)\s+)?$")


def _not_antecedent(text: str, pos: int, before: list[Ent]) -> list[Ent]:
    """ "Tabulon, which it bought in 2022", "Sieve, which the company acquired": the word
    after the relative pronoun is not the name the clause is about."""
    m = _RELATIVE_OPEN.search(text, max(0, pos - 20), pos)
    if m is None:
        return before
    return [e for e in before if e.end != m.start()]


def _named_recently(ctx: Context, name: str, index: int) -> bool:
    return any(n == name and index - i <= 3 for i, n, _k in ctx.doc.recent[-30:])


_SAID_AFTER = re.compile(
    r"\s+(?:also\s+|on\s+\w+\s+)?(?:said|says|announced|added|noted|"
    r"confirmed|told|wrote|argued|stated|explained)\b"
)


def _kind_fits(e: Ent, kind: str) -> bool:
    if kind == "person":
        return e.kind == "person" or (e.kind == "unknown" and e.looks_like_person())
    return e.kind == "company" or (e.kind == "unknown" and not e.looks_like_person())


def _add_descriptions(ctx: Context, text: str, ents: list[Ent], sentence: Sentence) -> list[Ent]:
    """Resolve "the startup", "the Paris-based lab", "Elon Musk's AI company"."""
    out = sorted(ents, key=lambda e: e.start)
    masked, spans = _mask_only(text, out)
    placed = list(out)  # the entities behind the placeholders of ``masked``
    for m in _DESCRIPTION.finditer(masked):
        start, end = _unmask_span(m.start(), m.end(), spans)
        owner = re.match(rf"{E_OPEN}(\d+){E_CLOSE}", m.group("det"))
        if owner and placed[int(owner.group(1))].kind != "person":
            continue  # "Microsoft's Azure AI unit" is part of Microsoft, not another company
        named_next = re.match(rf"\s+{E_OPEN}(\d+){E_CLOSE}", masked[m.end() :])
        if named_next and placed[int(named_next.group(1))].kind in ("company", "unknown"):
            continue  # "the British chip start-up Graphcore": the name says who
        inner = [
            placed[int(i)]
            for i in re.findall(rf"{E_OPEN}(\d+){E_CLOSE}(?!-)", m.group("mods"))
            if int(i) < len(placed)
        ]  # "the Sequoia-backed company" is not Sequoia
        named = [e for e in inner if e.kind == "company" and e.via in ("name", "alias")]
        if named:
            name: str | None = named[-1].name
        elif any(e.kind == "person" for e in inner):
            continue
        else:
            name = _resolve_description(ctx, text, start, m.group("noun").lower(), out, sentence)
        if name:
            out = [e for e in out if not (start <= e.start and e.end <= end)]
            out.append(Ent(start, end, text[start:end], name, "company", "description"))
            out.sort(key=lambda e: e.start)  # the next description's "earlier" names in order
    out.sort(key=lambda e: e.start)
    return out


def _mask_only(text: str, ents: list[Ent]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """``text`` with entities masked, and (masked start, masked end, start, end) per entity."""
    parts, spans, pos, mpos = [], [], 0, 0
    for i, e in enumerate(sorted(ents, key=lambda e: e.start)):
        if e.start < pos:
            continue
        parts.append(text[pos : e.start])
        mpos += e.start - pos
        token = f"{E_OPEN}{i}{E_CLOSE}"
        parts.append(token)
        spans.append((mpos, mpos + len(token), e.start, e.end))
        mpos += len(token)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), spans


def _unmask_span(start: int, end: int, spans: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    def convert(p: int) -> int:
        shift = 0
        for ms, me, s, e in spans:
            if me <= p:
                shift += (e - s) - (me - ms)
            elif ms < p:
                return s
        return p + shift

    return convert(start), convert(end)


def _resolve_description(
    ctx: Context, text: str, start: int, noun: str, ents: list[Ent], sentence: Sentence
) -> str | None:
    before = text[:start]
    earlier = [e for e in ents if e.end <= start and e.is_org() and not e.looks_like_person()]
    earlier = _not_antecedent(text, start, earlier)
    if earlier and re.fullmatch(r",\s*", text[earlier[-1].end : start]):
        ctx.described.append((noun, earlier[-1].name))
        return earlier[-1].name
    topic = ctx.topic.get(sentence.block)
    if topic and topic[1] == "company" and sentence.kind == "item":
        return topic[0]
    if noun not in ("company", "firm", "business", "group"):
        for described_noun, name in reversed(ctx.described):
            if described_noun == noun:
                return name
    subjects = [e for e in earlier if not e.possessive and not e.modifier]
    if _VALUES_BEFORE.search(before) and subjects:
        return subjects[0].name  # "a round that values the Toronto-based company at"
    if _clause_initial(before):
        if subjects:
            return subjects[0].name
        owners = [e for e in earlier if e.possessive and not e.modifier]
        if owners:
            return owners[-1].name  # "X joined OpenAI's team, the company said": OpenAI
        bought = _just_bought(ctx, sentence.index) if noun in _YOUNG_NOUNS else None
        focus = bought or focus_company(ctx, sentence.index)
        if focus and noun in _FUNDED_NOUNS and _investor_like(ctx, focus, noun):
            return _recent_company(ctx, sentence.index, focus) or focus
        return focus
    first = next((e for e in ents if e.end <= start and not e.possessive and not e.modifier), None)
    if (
        text[start:].lower().startswith(("the company's", "the firm's", "the group's"))
        and first is not None
        and first.is_org()
        and not first.looks_like_person()
        and _SAID_AFTER.match(text, first.end)
    ):
        return first.name  # "AMD said the deal builds on the company's acquisition of X"
    clause = max(before.rfind(w) for w in _CLAUSE_WORDS)
    own = [e for e in subjects if e.start > clause] if clause >= 0 else []
    if first is not None and first.looks_like_person():
        subject: str | None = None  # "X said she was leaving the company": no company to skip
    else:
        subject = (own or subjects)[0].name if subjects else ctx.last_subject.get("company")
    for e in reversed(earlier):
        if e.name != subject:
            return e.name
    main = ctx.doc.main("company")
    if main and main != subject and _named_recently(ctx, main, sentence.index):
        return main
    for _i, name, kind in reversed(ctx.doc.recent):
        if kind == "company" and name != subject:
            return name
    return None


_YOUNG_NOUNS = frozenset(("startup", "start-up", "upstart"))
_FUNDED_NOUNS = frozenset(("startup", "start-up", "upstart", "company"))


def _investor_like(ctx: Context, name: str, noun: str = "startup") -> bool:
    """A fund ("Sequoia Capital", "Lux Ventures"), or for "the startup" a name the article
    gave as an investor (a company that invests can still be "the company")."""
    if name.split()[-1] in _FUND_WORDS:
        return True
    return noun in _YOUNG_NOUNS and any(
        e.type == "investment" and name in (e.fields.get("investors") or []) for e in ctx.events
    )


def _recent_company(ctx: Context, index: int, other: str) -> str | None:
    """ "Sequoia Capital has backed Halcyon since 2021. The company is now valued at ...": the
    startup is the company named last that is no investor."""
    for i, name, kind in reversed(ctx.doc.recent):
        if i < index - 3:
            return None
        if kind == "company" and name != other and not _investor_like(ctx, name):
            return name
    return None


def _just_bought(ctx: Context, index: int) -> str | None:
    """ "OpenAI is acquiring io Products. The startup, co-founded by ...": the company just
    bought is the startup the next sentence opens with, not its buyer."""
    for event in reversed(ctx.events):
        if event.extra.get("sentence_index") != index - 1:
            return None
        if event.type == "acquisition":
            return str(event.fields.get("target") or "") or None
    return None


_CLAUSE_WORDS = (
    ", and ",
    "; ",
    " but ",
    " before ",
    " after ",
    " when ",
    " while ",
    " because ",
    " since ",
    " until ",
    " once ",
)


def focus_company(ctx: Context, index: int, *, pronoun: bool = False) -> str | None:
    """The company "it" or "the company" means when the sentence names none: the last
    subject, unless the article's main company dominates and was named a moment ago ("Hale
    spent five years at Nextdoor. The company also said ..." is about Perplexity)."""
    last = ctx.subjects_before.get(index, ctx.last_subject).get("company") or ctx.doc.last(
        "company", before=index
    )
    main = ctx.doc.main("company")
    if main is None or main == last or main in NEWS_OUTLETS:
        return last or main
    if last is None or last in NEWS_OUTLETS:
        return main
    salience = ctx.doc.salience
    if (
        pronoun
        and ctx.weak_subject
        and salience[main] >= salience[last]
        and _named_recently(ctx, main, index)
    ):
        return main
    if salience[main] >= 2 * salience[last] + 1 and _named_recently(ctx, main, index):
        return main
    return last


_VALUES_BEFORE = re.compile(r"\b(?:values|valued|valuing|value)\s+$")


def _clause_initial(before: str) -> bool:
    """Whether a phrase starting after ``before`` opens a clause (so is likely its subject)."""
    tail = before.rstrip()
    if not tail or tail.endswith((",", ";", ":", "—", "“", '"')):
        return True
    words = re.findall(r"[\w’']+", tail.lower())
    if len(words) <= 2 and not any(w in _PREPOSITIONS for w in words[-1:]):
        return True
    return bool(words) and words[-1] in (
        "that",
        "said",
        "says",
        "and",
        "but",
        "while",
        "when",
        "because",
        "although",
        "though",
        "whether",
        "after",
        "before",
        "since",
        "once",
        "until",
        "as",
    )


def _mark_possessives(text: str, ents: list[Ent]) -> None:
    """Flag "X's" (possessive) and "X-backed", "X-based" (describing, not acting)."""
    for e in ents:
        tail = text[e.end : e.end + 2]
        e.possessive = tail in ("'s", "’s") or (tail[:1] in ("'", "’") and e.surface.endswith("s"))
        if tail[:1] == "-" and _ADJECTIVAL.match(
            "-" + text[e.end + 1 : e.end + 20].split()[0]
            if text[e.end + 1 : e.end + 20].split()
            else ""
        ):
            e.modifier = True


# masking and people -------------------------------------------------------------------------


_POSSESSIVE_PRONOUNS = frozenset(("its", "his", "her", "their", "our", "my", "your"))
_THIRD_PERSON = {"our": "its", "Our": "Its", "your": "its ", "Your": "Its "}  # positions stay


def _mask(sentence: Sentence, text: str, ents: list[Ent], money: list[MoneyMatch]) -> Parsed:
    """Replace entities and amounts by placeholders; possessive pronouns stay as words."""
    refs: dict[int, Ent] = {}
    kept: list[Ent] = []
    pronouns: list[Ent] = []
    for e in ents:
        possessive = e.via == "pronoun" and e.surface.lower() in _POSSESSIVE_PRONOUNS
        (pronouns if possessive else kept).append(e)
    ents = kept
    items = [(e.start, e.end, "e", i) for i, e in enumerate(ents)]
    items += [(e.start, e.end, "r", i) for i, e in enumerate(pronouns)]
    items += [(m.start, m.end, "m", i) for i, m in enumerate(money)]
    items.sort()
    parts: list[str] = []
    ent_pos: list[tuple[int, int]] = [(-1, -1)] * len(ents)
    money_pos: list[tuple[int, int]] = [(-1, -1)] * len(money)
    pos = length = 0
    for start, end, what, i in items:
        if start < pos:
            continue
        parts.append(text[pos:start])
        length += start - pos
        if what == "r":
            refs[length] = pronouns[i]
            parts.append(_THIRD_PERSON.get(text[start:end], text[start:end]))
            length += end - start
            pos = end
            continue
        token = f"{E_OPEN}{i}{E_CLOSE}" if what == "e" else f"{M_OPEN}{i}{M_CLOSE}"
        if what == "e":
            ent_pos[i] = (length, length + len(token))
        else:
            money_pos[i] = (length, length + len(token))
        parts.append(token)
        length += len(token)
        pos = end
    parts.append(text[pos:])
    return Parsed(sentence, text, ents, money, "".join(parts), ent_pos, money_pos, refs)


_E = f"{E_OPEN}(\\d+){E_CLOSE}"
_PRE_ROLE = re.compile(
    rf"(?:(?P<former>former|ex-|then-)\s*)?(?:(?:{_E}(?:['’]s)?|\b[Ii]ts|\b[Tt]heir)\s+)?"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?(?P<role>{ROLE_LIST}),?\s+$",
    re.IGNORECASE,
)
_POST_ROLE = re.compile(
    rf"^,\s+(?:who\s+(?:is|was|had\s+been|has\s+been|will\s+be)\s+)?(?:(?:previously|formerly|"
    rf"most\s+recently|until\s+now|until\s+recently|currently|now)\s+)?(?:an?\s+|the\s+|its\s+|"
    rf"their\s+)?(?:(?:former|ex-)\s*)?(?:(?:{_E})(?:['’]s)?\s+)?(?:(?:top|lead|leading|former|longtime|star|senior|"
    rf"[A-Z][\w-]*|[a-z]+)\s+){{0,3}}?(?P<role>{ROLE_LIST})(?:\s+(?:at|of|for)\s+(?:the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_E}\s+)?{_E})?(?![\w-])",
    re.IGNORECASE,
)
_POST_ROLE_ORG = re.compile(
    rf"^,\s+(?:who\s+(?:is|was|had\s+been|has\s+been|will\s+be)\s+)?(?:(?:previously|formerly|"
    rf"most\s+recently|until\s+now|until\s+recently|currently|now)\s+)?(?:an?\s+|the\s+|its\s+|"
    rf"their\s+)?(?:(?:former|ex-)\s*)?(?:(?:{_E})(?:['’]s)?\s+)?(?:(?:top|lead|leading|former|longtime|star|senior|"
    rf"[A-Z][\w-]*|[a-z]+)\s+){{0,3}}?(?P<role>{ROLE_LIST})\s+(?:at|of|for)\s+(?:the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_E}\s+)?{_E}(?![\w-])",
    re.IGNORECASE,
)


_ROLE_ENDS = frozenset(
    (
        "founder",
        "co-founder",
        "cofounder",
        "officer",
        "executive",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cpo",
        "cso",
        "cro",
        "cmo",
        "cio",
        "caio",
        "president",
        "vice-president",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "manager",
        "partner",
        "lead",
        "leader",
        "researcher",
        "scientist",
        "engineer",
        "member",
        "principal",
        "analyst",
        "investor",
        "evp",
        "svp",
        "vp",
        "chief",
        "boss",
        "architect",
        "founders",
        "co-founders",
    )
)
_OWNER_BEFORE = re.compile(rf"{_E}['’]s?\s+$")


def _person_attributes(ctx: Context, p: Parsed) -> None:
    for i, e in enumerate(p.ents):
        if not e.looks_like_person() or p.ent_pos[i][0] < 0:
            continue
        start, end = p.ent_pos[i]
        window = p.masked[max(0, start - 90) : start]
        last = window.rstrip(" ,").rsplit(None, 1)[-1:]
        pre = (
            _PRE_ROLE.search(window)
            if last and (last[0].lower() in _ROLE_ENDS or " of " in window[-45:])
            else None
        )
        if pre is None:
            pre = _plural_role(p, window)  # "former OpenAI researchers A and B": B's too
        if pre is None and _list_goes_on(p, end):
            pre = _PLURAL_ROLE.search(window)  # "former OpenAI researchers A, B and C": A's
        tail = p.masked[end : end + 160]
        post = (
            (_POST_ROLE_ORG.match(tail) or _POST_ROLE.match(tail))
            if tail[:1] == "," and ROLE_CUE.search(tail)
            else None
        )
        if post and _is_person_at(p, end + post.end()):
            post = None  # "Varun Mohan, co-founder Douglas Chen": the next person's title
        for m, base in ((pre, max(0, start - 90)), (post, end)):
            if m:
                _apply_role(p, e, m, base)
        owner = _OWNER_BEFORE.search(p.masked[max(0, start - 40) : start])
        if owner and not pre and e.org is None:
            org = p.ent(owner.group(1))
            if org is not None and org.is_org() and not org.looks_like_person():
                org.modifier = True
                e.org = org.name
        if e.kind == "unknown" and (pre or post):
            e.kind = "person"


_LIST_NEXT = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_E}")


def _list_goes_on(p: Parsed, end: int) -> bool:
    """A person named next in a list ("A, B and C")."""
    m = _LIST_NEXT.match(p.masked, end)
    e = p.ent(m.group(1)) if m else None
    return e is not None and e.looks_like_person()


_PEOPLE_BEFORE = re.compile(rf"(?:{_E}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$")
_PLURAL_ROLE = re.compile(
    rf"(?:(?P<former>former|ex-)\s*)?(?:{_E}(?:['’]s)?\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
    r"(?P<role>co-?founders|founders|researchers|engineers|scientists|executives|veterans|"
    r"alumni|employees|staffers|leaders|partners|directors)\s+$",
    re.IGNORECASE,
)


def _plural_role(p: Parsed, window: str) -> re.Match[str] | None:
    """The plural role before a list of people that ``window`` ends inside: "former OpenAI
    researchers Lena Okafor and" describes the person that follows too."""
    people = _PEOPLE_BEFORE.search(window)
    if people is None or not all(
        (e := p.ent(i)) is not None and e.looks_like_person()
        for i in re.findall(rf"{E_OPEN}(\d+){E_CLOSE}", people.group(0))
    ):
        return None
    head = window[: people.start()]
    if not head.rstrip(" ,").lower().endswith(("s", "alumni")):
        return None
    return _PLURAL_ROLE.search(head)


def _is_person_at(p: Parsed, pos: int) -> bool:
    m = re.match(rf"\s+{_E}", p.masked[pos:])
    e = p.ent(m.group(1)) if m else None
    return e is not None and e.looks_like_person()


def _apply_role(p: Parsed, person: Ent, m: re.Match[str], base: int) -> None:
    org_index = next((g for g in reversed(m.groups()) if g and g.isdigit()), None)
    org = p.ent(org_index)
    its = re.search(r"\b(?:its|their)\s", m.group(0), re.IGNORECASE)
    if org is None and its:
        org = p.ref_at(base + m.start() + its.start())
    role = m.group("role")
    text = m.group(0).lower()
    if org is not None and org.is_org() and org is not person:
        org.modifier = True
        if person.org is None:
            person.org = org.name
    elif person.org is None and re.search(r"\bits\b", text):
        person.org = None
    if person.role is None:
        person.role = role
        person.former = bool(re.search(r"\b(?:former|ex-|then-|previously|had been|was)\b", text))
        person.founder_only = bool(
            re.fullmatch(r"(?:the\s+)?(?:co-?founder|founder)", role.strip(), re.IGNORECASE)
        )


def _learn(ctx: Context, p: Parsed) -> None:
    """Feed the document's salience and the context's coreference state."""
    doc, sentence = ctx.doc, p.sentence
    for e in p.ents:
        if e.via not in ("name", "alias", "unknown", "surname"):
            continue
        kind = e.kind
        if kind == "unknown" and e.looks_like_person():
            parts = e.name.split()
            doc.surnames.setdefault(name_key(parts[-1]), e.name)
            continue
        kind = "company" if kind == "unknown" else kind
        if kind in ("company", "person"):
            # a company named only to describe someone ("former OpenAI researchers") is
            # not what the article is about
            weight = 0 if e.modifier else 2 if sentence.kind == "title" else 1
            doc.see(sentence.index, e.name, kind, weight=weight)
            doc.note_entity(e.name, kind, e.surface)
        if e.kind == "person" and e.via != "pronoun":
            ctx.people.setdefault(e.name, e)
    subject = first_subject(p)
    if subject and subject.kind in ("company", "person", "unknown"):
        ctx.last_subject["person" if subject.looks_like_person() else "company"] = subject.name
        ctx.weak_subject = False
    if subject is None or subject.looks_like_person():
        orgs = [e for e in p.ents if e.is_org() and not e.looks_like_person() and not e.modifier]
        orgs = [e for e in orgs if not _past_employer(p, e)] or orgs
        if orgs:
            ctx.last_subject["company"] = orgs[0].name
            ctx.weak_subject = True  # "Hale spent five years at Nextdoor": no subject
    if sentence.first and sentence.kind == "item" and p.ents and p.ents[0].start <= 2:
        head = p.ents[0]
        if head.kind in ("company", "person", "unknown"):
            kind = "person" if head.looks_like_person() else "company"
            ctx.topic[sentence.block] = (head.name, kind)
    if sentence_words(p.sentence.text).isdisjoint(_DESCRIPTION_NOUNS_PLURAL):
        return
    for m in _DESCRIBED_AFTER.finditer(p.masked):
        named = p.ent(m.group(1))
        if named and named.is_org():
            ctx.described.append((m.group(2).lower(), named.name))
    for m in _DESCRIBED_BEFORE.finditer(p.masked):
        named = p.ent(m.group(2))
        if named and named.is_org():
            ctx.described.append((m.group(1).lower(), named.name))


def _past_employer(p: Parsed, e: Ent) -> bool:
    """ "A, who spent five years at X, co-founded Y", "after leaving X": X is where a person
    was, not the company the sentence goes on about."""
    at = p.ent_pos[p.ents.index(e)][0] if e in p.ents else -1
    if at < 0:
        return False
    if _PAST_JOB_BEFORE.search(p.masked, max(0, at - 40), at):
        return True
    relative = _WHO_CLAUSE.search(p.masked, 0, at)
    return relative is not None and "," in p.masked[at : at + 80]


_PAST_JOB_BEFORE = re.compile(
    r"(?:\b(?:years|months|decade|stint|spell|tenure|career|time)\s+(?:at|with)|\b(?:leaving|left|"
    r"quitting|quit|departing|former|ex-|formerly\s+(?:at|of))|\bwho\s+(?:had\s+)?(?:worked|"
    r"spent|served|was)\s+[^,;\ue000]{0,40}?\b(?:at|with|for))\s*$",
    re.IGNORECASE,
)
_WHO_CLAUSE = re.compile(r"\ue001,\s+(?:who\s|an?\s|the\s|former\s)[^,;\ue000]*$")


_DESCRIBED_AFTER = re.compile(
    rf"{_E},\s+(?:an?|the|one\s+of\s+the)\s+(?:[\w.-]+,?\s+){{0,4}}?"
    rf"({_COMPANY_NOUNS})s?\b"
)
_DESCRIBED_BEFORE = re.compile(rf"\b({_COMPANY_NOUNS})\s+{_E}")
_DESCRIPTION_NOUNS_PLURAL = frozenset(
    (*_COMPANY_NOUNS.split("|"), *(n + "s" for n in _COMPANY_NOUNS.split("|")))
)


_BOUNDARY = re.compile(
    r"(?:[;:]\s|\s[—–]\s|\s--\s|,\s(?:and|but)\s|\b"  # (the word ones start with a letter)
    + by_first_letter(
        r"that\s|which\s|who\s|when\s|after\s|before\s|"
        rf"as\s(?={E_OPEN})|because\s|while\s|but\s|said\s|says\s|"
        # ("has since signed": an adverb, no clause of its own)
        r"where\s|since\s(?<!has\ssince\s)(?<!had\ssince\s)(?<!have\ssince\s)|once\s|unless\s|"
        r"if\s"
    )
    + ")",
    re.IGNORECASE,
)


def subject_before(p: Parsed, pos: int) -> Ent | None:
    """The subject of the clause that reaches ``pos`` in the masked text, or None."""
    left = p.masked[:pos]
    relative = (
        _AFTER_RELATIVE.search(left)
        or _AFTER_RELATIVE_VERB.search(left)
        or _AFTER_RELATIVE_THEN.search(left)
    )
    if relative:
        return p.ent(relative.group(1))  # "Ke Yang, who ran the group, left for Meta"
    boundaries = list(_BOUNDARY.finditer(left))
    start = boundaries[-1].end() if boundaries else 0
    if (
        boundaries
        and re.match(r"(?:which|who)\s", boundaries[-1].group(0), re.IGNORECASE)
        and _RELATIVE_CLOSED.match(left, start)
    ):
        # "Relay, which counts Bosch among its backers, has since signed X and is working
        # with Y": the relative clause is over, the main clause's subject is its antecedent
        head = _antecedent(p, left[: boundaries[-1].start()])
        if head is not None:
            return head
    if _WHO_VERB.match(left, boundaries[-1].start() if boundaries else 0):
        # "A, who co-founded X after leaving Y": "who" is the subject, X its object
        head = _antecedent(p, left[: boundaries[-1].start()])
        if head is not None:
            return head
    found = _clause_subject(p, start, pos)
    if found:
        return found
    if boundaries and _COORDINATION.fullmatch(boundaries[-1].group(0)):
        return _clause_subject(p, 0, boundaries[-1].start())  # "X hired Y, and will take Z"
    if boundaries and _ADVERBIAL.fullmatch(boundaries[-1].group(0)):
        return subject_before(p, boundaries[-1].start())
    if boundaries and re.match(r"(?:which|who|that)\s", boundaries[-1].group(0), re.IGNORECASE):
        return _antecedent(p, left[: boundaries[-1].start()])
    return None


def _antecedent(p: Parsed, head: str) -> Ent | None:
    """The name a relative clause opening right after ``head`` is about."""
    head = head.rstrip()
    if head.endswith(","):
        head = head[:-1].rstrip()
    m = re.search(rf"{_E}(?:\s*\([^)]*\))?$", head)
    if m:
        return p.ent(m.group(1))
    appositive = re.search(rf"{_E},[^,]{{3,80}}$", head)
    if appositive:
        return p.ent(appositive.group(1))
    return None


# a comma-closed non-restrictive relative clause followed by the main clause's verb:
# "X, which counts Y among its backers, has since signed"
_RELATIVE_CLOSED = re.compile(
    r"[^;:]*?,\s+(?:has|have|had|is|are|was|were|will|would|can|"
    r"could|also|then|now|later|recently|since|still|already|won|bought|sold|took|made|began|"
    r"became|struck|hired|[a-z]{2,}ed(?!\s+by\s))\s|[^;:]*?,\s*$",
)


_TIME_PHRASE = re.compile(
    r"(?:on|in|at|by|during|since|until|from|after|before|early|late|earlier|later)\s+"
    r"(?:[\w,]+\s+){0,3}?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
    r"february|march|april|may|june|july|august|september|october|november|december|\d{4}|"
    r"week|month|year|morning|evening|afternoon|night|quarter|day|days|weeks|months|years|"
    r"time|spring|summer|autumn|fall|winter)[,.]?$"
)
_AFTER_RELATIVE = re.compile(
    rf"{_E},\s+(?:who|which)\s+[^,;\ue000]{{1,150}}(?:{_E}[^,;\ue000]{{0,60}})*,\s*"
    r"(?:has\s+|had\s+|have\s+|also\s+|then\s+|will\s+|is\s+|was\s+)?$"
)
# "Orion, which bought Tallis in 2023, reported revenue of": the verb's object follows
_AFTER_RELATIVE_VERB = re.compile(
    rf"^{_E},\s+(?:who|which)\s+[^,;\ue000]{{1,150}}(?:{_E}[^,;\ue000]{{0,60}})*,\s*"
    r"(?:also\s+)?(?:reported|reports|posted|posts|said|says|recorded|records|booked|books|"
    r"generated|generates|announced|announces)\s+(?:(?:its|a|an|the)\s+)?(?:[\w-]+\s+){0,2}$"
)
# "A, who had moved to X last year, left X in February to join Y": A joins
_AFTER_RELATIVE_THEN = re.compile(
    rf"^{_E},\s+(?:(?:an?|the|its)\s+[^,;]{{0,40}}?\s+)?(?:who|which)\s+[^,;\ue000]{{1,150}}"
    rf"(?:{_E}[^,;\ue000]{{0,60}})*,\s*(?:has\s+|had\s+|then\s+)?[a-z]+\s+(?:{_E}\s+)?(?:(?:in|on|last|this|earlier|later)\s+"
    r"\w+\s+)?(?:to|and)\s+$"
)
# "who" followed by its verb (not "who X hired"): the relative pronoun is the subject
_WHO_VERB = re.compile(r"[Ww]ho\s+(?:had\s+|has\s+|later\s+|then\s+|once\s+)*[a-z]")
_ADVERBIAL = re.compile(
    r"(?:after|before|when|while|since|once|because|unless|if)\s", re.IGNORECASE
)
_COORDINATION = re.compile(r",\s(?:and|but)\s|\bbut\s", re.IGNORECASE)
_DASH_GAP = re.compile(r"\s[—–]\s")


def _last_phrase(text: str) -> str | None:
    """The text's last phrase: what follows its last ',', ';', ':' or '(' (and the spaces
    after it), or the first ' — ' after a closing ')' that comes last of them; the whole
    text without any (None after a last ')' without a dash). What
    ``re.search(r"(?:^|[,;:(]\\s*|\\s[—–]\\s)([^,;:()]*)$", text).group(1)`` finds, without its
    search from every position."""
    last = max(map(text.rfind, ",;:()"))
    if last < 0:
        return text
    if text[last] != ")":
        return text[last + 1 :].lstrip()
    dash = _DASH_GAP.search(text, last + 1)
    return text[dash.end() :] if dash else None


def _clause_subject(p: Parsed, start: int, end: int) -> Ent | None:
    for pos, e in p.ents_in(start, end):
        if e.possessive or e.modifier:
            continue
        before = p.masked[start:pos].lower().split()
        if before and before[-1].strip(",") in _PREPOSITIONS:
            continue
        phrase = _last_phrase(p.masked[start:pos])
        words = phrase.lower().split() if phrase is not None else []
        if (
            len(words) >= 3
            and words[0] in _PREPOSITIONS
            and words[0] not in ("and", "or", "as")
            and not _TIME_PHRASE.match(" ".join(words))
        ):
            continue  # "In a letter to Alphabet's chief executive X, Perplexity promised"
        if (
            before
            and before[-1] in ("the", "a", "an")
            and re.match(r"\s+[a-z]", p.masked[p.ent_pos[p.ents.index(e)][1] :])
        ):
            continue
        return e
    return None


def first_subject(p: Parsed) -> Ent | None:
    """The subject of the sentence's first clause."""
    return _clause_subject(p, 0, len(p.masked))
