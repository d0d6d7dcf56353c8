"""Shared pieces of the English rules: pattern macros over masked sentences, the checks
that turn a match into nothing (rumour, hypothesis, negation, refusal), and event building.

Patterns are written with macros: ``{E:name}`` is an entity placeholder captured as group
``name`` (``{E}`` uncaptured), ``{M:name}``/``{M}`` an amount, ``{ROLE}`` a job title,
``{DESC}`` a few describing words before a name ("the British chip designer").
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsbot.core.events import Event
from newsbot.core.extract.en_lexicon import FIRST_NAMES
from newsbot.core.extract.en_names import (
    E_CLOSE,
    E_OPEN,
    M_CLOSE,
    M_OPEN,
    ROLE_LIST,
    Context,
    Ent,
    Parsed,
    first_subject,
    subject_before,
)
from newsbot.core.extract.money import MoneyMatch
from newsbot.core.extract.patterns import (
    letters_first,
    open_with_letters,
    regroup_alternations,
)
from newsbot.core.extract.periods import find_periods

_NOT_DESC = (
    r"(?!(?:from|of|in|for|with|to|at|on|into|by|and|or|as|that|which|who|than|inside|"
    r"within|through|via|across|over|under|about|onto|directly|also)\b)"
)
_MACROS = {
    "{E}": f"{E_OPEN}\\d+{E_CLOSE}",
    "{M}": f"{M_OPEN}\\d+{M_CLOSE}",
    "{ROLE}": ROLE_LIST,
    "{DESC}": rf"(?:(?:the|a|an|its|their|fellow|rival)\s+)?(?:{_NOT_DESC}[\w.-]+(?:['’]s)?,?\s+){{0,4}}?",
    "{ADV}": r"(?:(?:has|have|had|will|would|is|are|was|were|also|now|just|recently|officially|"
    r"formally|already|finally|quietly|reportedly|then|previously|earlier|later|first|"
    r"today|yesterday|last\s+\w+|this\s+\w+|on\s+\w+|in\s+\w+|said\s+it|says\s+it|"
    r"has\s+been|had\s+been|will\s+be)\s+){0,4}",
}
_NAMED = re.compile(r"\{([EM]):(\w+)\}")


@functools.lru_cache(maxsize=1024)
def rx(pattern: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a rule pattern, expanding the macros; its long word alternations are grouped
    by first letter (``regroup_alternations``: same matches, cheaper to try), and a pattern
    that opens with ``\\b(?:words)`` opens with the class of their first letters instead
    (``open_with_letters``: the engine skips to those letters). Cached: a rule may build its
    pattern where it runs."""
    expanded = expand(pattern)
    opened = open_with_letters(expanded, ignorecase=bool(flags & re.IGNORECASE))
    if opened is not None:
        return re.compile(regroup_alternations(opened), flags & ~re.IGNORECASE)
    return re.compile(regroup_alternations(expanded), flags)


def expand(pattern: str) -> str:
    """A rule pattern with its macros expanded."""

    def named(m: re.Match[str]) -> str:
        open_, close = (E_OPEN, E_CLOSE) if m.group(1) == "E" else (M_OPEN, M_CLOSE)
        return f"{open_}(?P<{m.group(2)}>\\d+){close}"

    pattern = _NAMED.sub(named, pattern)
    for macro, body in _MACROS.items():
        pattern = pattern.replace(macro, body)
    return pattern


class Cued:
    """A rule pattern with the words (lower-case stems) without which it cannot match:
    ``finditer`` looks for one of them first, which is much cheaper than running the pattern
    over a sentence that lacks them all. A ``gate``, when given, is a cheap pattern that finds
    a part every match has (the list noun and its verb of "its customers include"): a pattern
    that opens with optional words is tried at every character, its gate skips to a literal."""

    __slots__ = ("cues", "gate", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], cues: tuple[str, ...], gate: re.Pattern[str] | None = None
    ) -> None:
        self.pattern = pattern
        self.cues = cues
        self.gate = gate

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer`` when ``text`` has a cue (and the gate's part), else nothing."""
        if _has_cue(text, self.cues) and (self.gate is None or self.gate.search(text)):
            return self.pattern.finditer(text, pos, endpos)
        return iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search`` when ``text`` has a cue (and the gate's part)."""
        if _has_cue(text, self.cues) and (self.gate is None or self.gate.search(text)):
            return self.pattern.search(text, pos, endpos)
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.match`` (a match is anchored: no cue test)."""
        return self.pattern.match(text, pos, endpos)


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds one of the cues."""
    lowered = _lower(text)
    for cue in cues:  # noqa: SIM110 (any() over a generator is slower here)
        if cue in lowered:
            return True
    return False


@functools.lru_cache(maxsize=16)
def _lower(text: str) -> str:
    return text.lower()


def cued(pattern: str, *cues: str, gate: str | None = None) -> Cued:
    """``rx(pattern)`` that runs only on sentences with one of ``cues`` (lower case) and, when
    a ``gate`` is given, a match of ``rx(gate)`` (a part of the pattern every match holds)."""
    return Cued(rx(pattern), cues, rx(gate) if gate is not None else None)


ENT = rx("{E:i}")
MONEY = rx("{M:i}")

# Words that make a statement not (yet) an event, case-insensitive. Each pattern opens with
# the class of its words' first letters (``letters_first``, compiled without re.IGNORECASE):
# the engine skips to those letters; the same matches as ``\b(?:words)``.
_RUMOUR = re.compile(
    letters_first(
        r"in\s+(?:early\s+|advanced\s+|exclusive\s+|preliminary\s+|final\s+)?(?:talks|discussions|"
        r"negotiations)|held\s+talks|holding\s+talks|talks\s+(?:to|with|about|over|on)\b|negotiat\w+|"
        r"considering|considers|considered|exploring|explores|explored|weighing|weighs|mulling|"
        r"mulls|is\s+raising|are\s+raising|is\s+seeking|are\s+seeking|in\s+the\s+process\s+of|"
        r"close\s+to\s+(?:a|an)\s+(?:deal|agreement)|nearing\s+(?:a|an)\s+(?:deal|agreement)|"
        r"(?:is|are|was|were)\s+said\s+to|rumou?r\w*|speculat\w*|hypothetical\w*|potential(?:ly)?|"
        r"possible|possibly|bid\s+to|offer(?:ed)?\s+to|attempt(?:ed|s)?\s+to|effort\s+to|tried\s+to|"
        r"trying\s+to|seeks?\s+to|seeking\s+to|sought\s+to|hopes?\s+to|hoping\s+to|looking\s+to|"
        r"wants?\s+to|aims?\s+to|abandoned|called\s+off|scrapped|blocked|terminated|collapsed|"
        r"fell\s+through|walked\s+away|rejected|refused|declined|turned\s+(?:\w+\s+)?down|denied|"
        r"denies|deny|no\s+deal|approached|courted|courting|pitched|would\s+consider|"
        r"expected\s+to\s+(?:announce|sign|raise|buy|acquire)|set\s+to\s+(?:announce|raise)|"
        r"planning\s+to|plans\s+to\s+(?:raise|cut|hire|leave)|is\s+due\s+to|"
        r"(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?confirmed|neither\s+\w+\s+(?:has\s+)?"
        r"confirmed|unconfirmed|(?:reported|reports)\s+that|promised\s+to|pledged\s+to|"
        r"proposed\s+to|offering\s+to|would\s+like\s+to",
        ignorecase=True,
    )
    + r"\b"
)
_UNCONFIRMED = re.compile(
    letters_first(
        r"neither\s+(?:company|side|party|firm)\s+(?:has\s+)?(?:confirmed|"
        r"commented)|(?:has|have)\s+not\s+(?:yet\s+)?confirmed\b",
        ignorecase=True,
    )
)
_HYPOTHETICAL = re.compile(  # (case-sensitive)
    letters_first(r"[Cc]ould|[Mm]ight|may|[Ii]f|[Ww]hether|[Ss]hould|[Uu]nless", ignorecase=False)
    + r"\b"
)
_WOULD = re.compile(r"would(?<!\wwould)\b")  # "\bwould\b", opening with its literal
_REPORTED_WOULD = re.compile(
    r"\b(?:said|says|announced|confirmed|agreed|added|told|wrote|stated|disclosed)\b[^.;]{0,250}"
    r"\bwould\b",
    re.IGNORECASE,
)
# \b(?:not|never|no\s+longer|neither|nor|without)\b|n['’]t\b, written to open with its letters
_NEGATION = re.compile(
    r"[nNwW](?:(?<!\w(?s:.))(?:(?<=[nN])(?i:ot|ever|o\s+longer|either|or)|(?<=[wW])(?i:ithout))\b"
    r"|(?<=[nN])['’][tT]\b)"
)
_CONTINUE = re.compile(
    letters_first(
        r"continue[sd]?\s+to|remain(?:s|ed)?|stay(?:s|ed|ing)?|keeps?\s+(?:his|her)\s+",
        ignorecase=True,
    )
    + r"\b"
)


_CLAUSE_START = re.compile(
    r".*\b(?:before|after|until|once|but|whereas)\s+|.*,\s+(?:and|while|which|"
    r"who)\s+",
    re.DOTALL,
)


def blocked(
    p: Parsed, start: int, end: int, *, allow: tuple[str, ...] = (), stay: bool = False
) -> bool:
    """Whether the clause around masked[start:end] is a rumour, hypothesis or negation."""
    doubts = _doubts(p)
    if not doubts:
        return False
    left_edge = sentence_edge = (
        max(p.masked.rfind(";", 0, start), p.masked.rfind(" — ", 0, start), -1) + 1
    )
    clause = _CLAUSE_START.match(p.masked, left_edge, start)
    if clause:
        left_edge = clause.end()  # "X explored a purchase of Y before Z bought it": Z did
    left = max(left_edge, start - 160)
    near = max(left_edge, start - 40)

    def within(kind: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        return [d for d in doubts.get(kind, ()) if lo <= d[0] and d[1] <= hi]

    if any(d[0] >= end for d in doubts.get("unconfirmed", ())):
        return True  # "...; neither company has confirmed a deal."
    if any(d[2] not in allow for d in within("rumour", left, end)):
        return True
    if within("hypothetical", left, end):
        return True
    if within("would", left, end) and not _REPORTED_WOULD.search(p.masked[sentence_edge:end]):
        return True
    text = p.masked[near:end]
    negations = [d for d in within("negation", near, end) if not _contrasted(p.masked, d[1], start)]
    if negations and "not disclose" not in text and "not say" not in text:
        return True
    return stay and bool(within("continue", near, end))


_CONTRAST_BUT = re.compile(r"\bbut\s")


def _contrasted(masked: str, negation_end: int, start: int) -> bool:
    """Whether a 'but' between a negation and ``start`` closes it ("was not one of the
    giants but Relay": what follows 'but' holds)."""
    if negation_end > start:
        return False
    but = _CONTRAST_BUT.search(masked, negation_end)
    return but is not None and but.start() <= start


_DOUBT_KINDS = (
    ("rumour", _RUMOUR),
    ("unconfirmed", _UNCONFIRMED),
    ("hypothetical", _HYPOTHETICAL),
    ("would", _WOULD),
    ("negation", _NEGATION),
    ("continue", _CONTINUE),
)


def _doubts(p: Parsed) -> dict[str, list[tuple[int, int, str]]]:
    """Every rumour, hypothesis, negation ... word of the sentence, found once."""
    known: dict[str, list[tuple[int, int, str]]] | None = p.memo.get("doubts")
    if known is not None:
        return known
    found: dict[str, list[tuple[int, int, str]]] = {}
    for kind, pattern in _DOUBT_KINDS:
        spans = [
            (m.start(), m.end(), m.group(0).lower().split()[0]) for m in pattern.finditer(p.masked)
        ]
        if spans:
            found[kind] = spans
    p.memo["doubts"] = found
    return found


def subject(p: Parsed, pos: int, ctx: Context, *, kind: str = "org") -> Ent | None:
    """The clause subject before ``pos``, or for a description-only subject ("OpenAI's
    co-founder", "The Instagram co-founder") the person it refers to."""
    found = subject_before(p, pos)
    if found is None and _PARTICIPLE.search(p.masked[max(0, pos - 30) : pos]):
        found = first_subject(p)  # "X joined Y after leaving Z": X left
    if found is not None:
        if kind == "org" and org_name(found):
            return found
        if kind == "person" and found.looks_like_person():
            return found
        if kind == "any":
            return found
    if kind == "person":
        return described_person(p, pos, ctx)
    return None


_PARTICIPLE = re.compile(
    r"\b(?:after|before|since|while|when|upon|following|by|without)\s+$", re.IGNORECASE
)
_PERSON_DESCRIPTION = rx(
    r"(?:^|[,;:]\s+|\bthat\s+|\bwho\s+)(?:the\s+)?(?:{E:org}['’]?s?\s+)?(?:{E}\s+)?"
    r"(?:former\s+|ex-)?{ROLE}\s*$"
)


def described_person(p: Parsed, pos: int, ctx: Context) -> Ent | None:
    """ "OpenAI's co-founder and former chief scientist departed": the block's person."""
    m = _PERSON_DESCRIPTION.search(p.masked[max(0, pos - 160) : pos].rstrip() + " ")
    if not m:
        return None
    return topic_person(p, ctx, org=p.ent(m.group("org")), text=m.group(0))


def topic_person(p: Parsed, ctx: Context, *, org: Ent | None, text: str) -> Ent | None:
    """The person a list item is about, as an entity carrying the described role."""
    topic = ctx.topic.get(p.sentence.block)
    if not topic or topic[1] != "person":
        return None
    founder_only = bool(
        re.fullmatch(r"(?:the\s+)?(?:\S+\s+)?co-?founder\s*", text.strip(" ,"), re.IGNORECASE)
    )
    former = bool(re.search(r"\bformer\b|\bex-", text, re.IGNORECASE))
    org_name = org.name if org is not None and org.is_org() else None
    return Ent(
        0,
        0,
        text,
        topic[0],
        "person",
        "description",
        org=org_name,
        role=text.strip(),
        former=former,
        founder_only=founder_only or org_name is None,
    )


def money_after(p: Parsed, start: int, end: int | None = None) -> list[tuple[int, MoneyMatch]]:
    """Amounts in masked[start:end] (the rest of the sentence by default)."""
    return p.money_in(start, len(p.masked) if end is None else end)


_PER = re.compile(
    r"^\s*(?:in\s+(?:cash|stock)\s+|cash\s+)?(?:per|a|for\s+each|each)\s+"
    r"(?:share|head|user|month|year|seat|person)\b(?!\s+(?:earlier|before|ago)\b)"
    r"|^\s*(?:in\s+)?(?:cash\s+)?for\s+each\b",
    re.IGNORECASE,
)


def is_per_unit(p: Parsed, money_pos: int) -> bool:
    """ "$25 per share", "$39 per user per month": not a deal amount."""
    close = p.masked.find(M_CLOSE, money_pos)
    return bool(_PER.match(p.masked[close + 1 : close + 30]))


_CLAUSE_END = re.compile(r";|\s[—–]\s|\s--\s|\.\s|$")
_CELL_END = re.compile(r"\s[—–]\s|\s--\s|\.\s|$")  # table rows: cells are one clause


def clause_end(p: Parsed, pos: int) -> int:
    """Where the clause that contains ``pos`` ends (next ';' or sentence end); an aside
    between two dashes ("revenue — the figure investors call ARR — grew") does not end it."""
    ends = _CELL_END if p.sentence.cells else _CLAUSE_END
    while True:
        m = ends.search(p.masked, pos)
        if not m:
            return len(p.masked)
        if m.group(0).strip() in ("—", "–", "--"):
            closing = _CLAUSE_END.search(p.masked, m.end())
            if closing and closing.group(0).strip() == m.group(0).strip():
                pos = closing.end()
                continue
        return m.start()


def entity_list(p: Parsed, start: int, end: int) -> list[Ent]:
    """Entities of a list ("A, B and former Google CEO C"): one per comma/and chunk, its
    last name that is not a describing modifier; "X through Y" keeps X."""
    segment = p.masked[start:end]
    segment = re.sub(r"\([^()]{0,60}\)", lambda m: " " * len(m.group(0)), segment)
    out: list[Ent] = []
    pos = 0
    for chunk in re.split(
        r",\s+(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+", segment
    ):
        offset = segment.find(chunk, pos)
        pos = offset + len(chunk)
        head = re.split(r"\s+(?:through|via|by\s+way\s+of)\s+", chunk)[0]
        found = [p.ent(m.group("i")) for m in ENT.finditer(head)]
        names = [e for e in found if e is not None and not e.modifier]
        if names:
            out.append(names[-1])
    return out


@dataclass
class Found:
    """Events found in one sentence, with how they were found."""

    events: list[Event] = field(default_factory=list)

    def add(
        self,
        p: Parsed,
        type_: str,
        fields: dict[str, Any],
        confidence: float,
        *,
        names: Sequence[Ent | None] = (),
        money: MoneyMatch | None = None,
        extra: dict[str, Any] | None = None,
        date: str | None = None,
    ) -> Event:
        """Record an event: confidence scaled by how surely its names were resolved."""
        for e in names:
            if e is not None:
                confidence *= e.confidence
        if p.sentence.kind == "title":
            confidence *= 0.9
        event = Event(
            type_,
            fields,
            p.text,
            round(min(confidence, 0.99), 3),
            money.money if money else None,
            date,
            dict(extra or {}),
        )
        event.extra.setdefault("sentence_index", p.sentence.index)
        if p.sentence.kind == "title":
            event.extra["title"] = True
        self.events.append(event)
        return event


def org_name(e: Ent | None) -> str | None:
    """The company an entity stands for (a product's owner is not it). A name the registry
    does not know that is shaped like a person's ("Deutsche Telekom") counts unless it starts
    with a first name."""
    if e is None or not e.is_org():
        return None
    if e.looks_like_person() and (e.kind != "unknown" or e.name.split()[0] in FIRST_NAMES):
        return None
    return e.name


def partner_name(e: Ent | None) -> str | None:
    """The company in a slot of a relation between companies ("a collaboration with Novo
    Nordisk"): a name shaped like a person's counts too, unless it starts with a first name
    or the registry knows a person by it."""
    name = org_name(e)
    if (
        name is None
        and e is not None
        and e.kind == "unknown"
        and e.name.split()[0] not in FIRST_NAMES
    ):
        return e.name
    return name


def company_name(e: Ent | None) -> str | None:
    """Like ``org_name`` but for a slot only a company can fill ("acquired X", "invested in
    X"): a name shaped like a person's counts too, unless the registry says it is one."""
    if e is None or e.kind not in ("company", "unknown"):
        return None
    return e.name


def person_ok(e: Ent | None) -> bool:
    """Whether ``e`` can be the person of a talent move."""
    return e is not None and e.looks_like_person() and e.kind != "company"


_COORDINATE = re.compile(r"\s(?:and|but|then)\s")
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\s+[^,;]*,")


def past_year(p: Parsed, ctx: Context, near: Ent | None = None) -> dict[str, Any]:
    """``{"year": YYYY}`` when the sentence (or the words around ``near``) dates the event
    before the article's year."""
    on = ctx.doc.date
    text = p.masked
    if near is not None and near in p.ents:
        start, end = p.ent_pos[p.ents.index(near)]
        before = _RELATIVE.sub(" ", p.masked[max(0, start - 50) : start])
        before = _COORDINATE.split(before)[-1]  # "moved to X in 2024 and left to become Y's"
        text = before + p.masked[start : end + 40]
    for period in find_periods(text, lang="en", on=on):
        year = int(period.period[:4])
        if on is None or year < on.year:
            return {"year": year}
    return {}


_POSSESSOR = re.compile(
    rf"(?:{E_OPEN}(?P<i>\d+){E_CLOSE}['’]s?|\b(?P<pro>[Ii]ts|[Tt]heir|[Hh]is|[Hh]er))\s+"
    rf"(?:(?:[\w.,-]+|{M_OPEN}\d+{M_CLOSE})\s+){{0,6}}$"
)


def possessor(p: Parsed, pos: int) -> Ent | None:
    """The owner named just before ``pos``: "X's $6.9 billion purchase", "its revenue"."""
    base = max(0, pos - 90)
    m = _POSSESSOR.search(p.masked[base:pos])
    if not m:
        return None
    if m.group("i"):
        return p.ent(m.group("i"))
    return p.ref_at(base + m.start("pro"))


# funding totals ---------------------------------------------------------------------------

_TOTAL_AFTER = re.compile(
    r"^\s*(?:in\s+total|to\s+date|so\s+far|altogether|"
    r"since\s+(?:(?:it|the\s+company|\ue000\d+\ue001)\s+was\s+)?(?:its\s+)?(?:founding|founded|inception|launch|"
    r"launched|started|creation|(?:19|20)\d\d)|"
    r"in\s+(?:total\s+)?(?:funding|capital|venture\s+\w+)\s+(?:to\s+date|so\s+far|since))",
    re.IGNORECASE,
)
_PERFECT = re.compile(
    r"(?:\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|previously\s+|already\s+|"
    r"collectively\s+|reportedly\s+)?|\b(?:previously|already|earlier)\s+)$",
    re.IGNORECASE,
)
_GENERIC_SOURCE = re.compile(
    r"^\s*(?:$|[,.;:]|\s*[—–]|(?:in\s+)?(?:total\s+)?(?:funding|capital|venture\s+\w+|equity|"
    r"financing)\b|from\s+(?:(?:a\s+(?:group|range|number)\s+of|its|existing|new|private|venture|"
    r"institutional|outside|several|various|other|prominent|high-profile|backers\s+and)\s+)*"
    r"(?:investors|backers|venture\s+capitalists|venture\s+firms|vcs|funds|shareholders)\b)",
    re.IGNORECASE,
)
_ROUND_WORDS = re.compile(
    r"\b(?:round|series\s+[a-k]|seed|tranche|led\s+by|co-led|"
    r"valu(?:ed|ing|ation))\b",
    re.IGNORECASE,
)


def funding_total(p: Parsed, verb: int, amount: int) -> bool:
    """Whether "raised $N" at masked ``verb`` (amount placeholder at ``amount``) states the
    company's funding so far ("had raised about $180 million from investors", "has raised
    $350 million since it was founded"), not a new round."""
    close = p.masked.find(M_CLOSE, amount) + 1
    after = p.masked[close : clause_end(p, close)]
    if _TOTAL_AFTER.match(after):
        return True
    if not _PERFECT.search(p.masked[max(0, verb - 40) : verb]):
        return False
    return not _ROUND_WORDS.search(p.masked[verb : clause_end(p, close)]) and bool(
        _GENERIC_SOURCE.match(after)
    )


def entity_at(p: Parsed, pos: int) -> Ent | None:
    """The entity whose placeholder starts at masked position ``pos``."""
    m = ENT.match(p.masked, pos)
    return p.ent(m.group("i")) if m else None


def object_at(p: Parsed, m: re.Match[str], group: str) -> Ent | None:
    """The entity a pattern captured, or for "Finland's Silo AI" the one it qualifies."""
    e = p.ent(m.group(group))
    if e is not None and e.possessive:
        nxt = re.match(r"['’]s?\s+\ue000(\d+)\ue001", p.masked[m.end(group) + 1 :])
        if nxt:
            return p.ent(nxt.group(1))
    return e
