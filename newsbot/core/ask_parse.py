"""Question → ``Intent``: which entities, in which roles, which events, when, and what shape
of answer — in English or Japanese, by rules.

Trigger words (``ask_lexicon``) choose the event types; each entity's role comes from the
word or particle next to it ("in OpenAI" → the company invested in, "OpenAIから" → the
company left, "Anthropic's" → the owner) or, failing that, from its side of the nearest
trigger (the subject invests, the object is invested in). Titles ("CEO", 「社長」) make a
people question; a company named with one takes its side from the verb of the move.

Words that only describe ("the U.S. chipmaker", "the SoftBank-led round", 「モビリティAI基盤」)
are neither names nor unknown names; an unknown name is reported only when it plays a part
of the event that no known entity plays.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from newsbot.core import ask_lexicon as lx
from newsbot.core.ask_lexicon import TYPE_ROLES, Frame, Roles
from newsbot.core.ask_names import (
    MODIFIER,
    EntityMatcher,
    Mention,
    Span,
    merge_mentions,
    modifier_after,
    name_spans,
)
from newsbot.core.ask_time import TimeWindow, parse_time
from newsbot.errors import QuestionError

MAX_CHARS = 1000
_EN_FUNCTION = re.compile(r"\b(?:who|what|which|how|when|where|did|does|is|was|the|of|in)\b", re.I)


@dataclass(frozen=True, slots=True)
class Slot:
    """An entity the question names and the roles it may play (``()``: any)."""

    name: str
    kind: str
    surface: str
    roles: Roles = ()


@dataclass(frozen=True, slots=True)
class Intent:
    """What a question asks, ready for retrieval (``plan_queries``) and the answer."""

    question: str
    lang: str
    types: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    want: str = lx.NEWS
    want_roles: Roles = ()
    metric: str | None = None
    status: tuple[str, ...] = ()
    round: str | None = None
    role_title: str | None = None
    role_titles: tuple[str, ...] = ()
    holder: bool = False
    amount_hint: float | None = None
    count_hint: int | None = None
    field: str | None = None
    time: TimeWindow | None = None
    latest: bool = False
    total: bool = False
    other: bool = False
    anchor: Slot | None = None
    anchor_unit: str = "day"
    unknown: tuple[str, ...] = ()
    talent: tuple[str, ...] = ()
    lead: bool = False
    no_destination: bool = False
    count_asked: int | None = None
    list_all: bool = False
    history: bool = False
    context: tuple[Slot, ...] = ()
    words: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    still: bool = False

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.slots)

    @property
    def understood(self) -> bool:
        """Whether there is anything to look for."""
        return bool(self.slots or self.types or self.unknown or self.anchor or self.time)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    frame: Frame
    passive: bool = False


def clean_question(text: object) -> str:
    """NFKC, no control characters, one space between words; QuestionError when empty,
    wordless or too long."""
    if not isinstance(text, str):
        raise QuestionError("a question must be text")
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    if not folded:
        raise QuestionError("the question is empty")
    if len(folded) > MAX_CHARS:
        raise QuestionError(f"the question is too long ({len(folded)} characters; "
                            f"at most {MAX_CHARS})")  # fmt: skip
    if not any(c.isalnum() for c in folded):
        raise QuestionError("the question has no words")
    return folded


def detect_language(text: str) -> str:
    """``ja`` for a question written in Japanese (kana, or kanji without English words)."""
    if re.search(r"[\u3040-\u309f]", text):
        return "ja"
    if re.search(r"[\u30a0-\u30ff\u3400-\u9fff]", text) and not _EN_FUNCTION.search(text):
        return "ja"
    return "en"


def parse_question(text: str, *, entities: EntityMatcher, today: date) -> Intent:
    """Understand a question (raises QuestionError only for empty or oversized input)."""
    q = clean_question(text)
    lang = detect_language(q)
    time = parse_time(q, lang, today)
    mentions = [m for m in merge_mentions(entities.find(q)) if not _in_time(m, time)]
    hits = _earning(q, lang, mentions, _triggers(q, lang, mentions))
    types, frames = _choose(hits, _want_hint(q, lang))
    types, owning = _owning(q, lang, types, hits)
    if types == (lx.LAUNCH,) and frames and all(h.frame is lx.ANNOUNCE for h in frames) and not (
        lx.PRODUCT_NOUN_JA if lang == "ja" else lx.PRODUCT_NOUN_EN
    ).search(q):
        types, frames = (), []  # "What did Nvidia announce in December?": any news
    no_dest = bool((lx.NO_DEST_JA if lang == "ja" else lx.NO_DEST_EN).search(q))
    if no_dest and not types:
        types, frames = (lx.MOVE,), [h for h in hits if lx.MOVE in h.frame.types]
    mentions = [_maker(m, types) for m in mentions]
    anchor, unit, mentions = _anchor(q, lang, mentions)
    excluded = [m for m in mentions if _replaced(q, lang, m)]
    mentions = [m for m in mentions if m not in excluded]
    frames = _outside_replaced(q, lang, frames, excluded)
    want = _want(q, lang, types, frames)
    if not types and want == lx.PLACE and any(m.kind == "person" for m in mentions):
        types = (lx.MOVE,)  # "Where is Mira Murati now?"
    if no_dest and lx.MOVE in types:
        want = lx.PERSON  # "Who left Apple without naming a new employer?"
    slots = _slots(q, lang, mentions, frames, types, hits)
    if types == (lx.LAYOFF,) and want == lx.NAMES and any(s.kind == "company" for s in slots):
        want = lx.COUNT  # "Any layoffs at Meta?", "meta layoffs": how many, not who
    want_roles = _want_roles(q, lang, want, types, frames, slots) if not no_dest else ("person",)
    if want in (lx.NAMES, lx.PERSON, lx.PLACE):
        slots = _other_side(slots, want_roles, types)
    titles = _role_titles(q, lang, frames)
    slots, titles = _former_company(q, lang, slots, mentions, titles)
    if titles and set(titles) <= {"founder", "co-founder"} and any(
        "from" in s.roles for s in slots
    ) and lx.FOUNDER_NOUN.search(q):
        titles = ()  # "the co-founder who left X for Meta": who they are, not their new role
    metric = next((h.frame.metric for h in frames if h.frame.metric), None)
    status = _status(q, frames, types)
    still = want == lx.YESNO and status == ("active",) and not any(h.frame.status for h in frames)
    if still:
        status = ()  # "Is OpenAI still a customer of Scale AI?": the latest status answers
    slots, context = _metric_context(q, lang, slots, metric, mentions)
    unknown, words = _unknown(q, lang, mentions + excluded, anchor, hits, time, slots, frames, types)
    return Intent(
        question=q, lang=lang, types=types, slots=slots, want=want,
        want_roles=want_roles,
        metric=metric, status=status, still=still, round=_round(q, lang),
        role_title=titles[0] if titles else None, role_titles=titles, count_hint=_count_hint(q, lang),
        holder=bool(titles) and _holder(q, lang, hits), amount_hint=_amount(q, lang),
        field=_field(q, lang, types),
        time=time, latest=bool((lx.LATEST_JA if lang == "ja" else lx.LATEST_EN).search(q)),
        total=bool((lx.TOTAL_JA if lang == "ja" else lx.TOTAL_EN).search(q)),
        other=bool((lx.OTHER_JA if lang == "ja" else lx.OTHER_EN).search(q)),
        anchor=anchor, anchor_unit=unit,
        unknown=unknown, words=words, excluded=tuple(m.name for m in excluded),
        talent=tuple(dict.fromkeys(h.frame.talent for h in frames if h.frame.talent)),
        lead=_lead(q, lang, mentions, types), no_destination=no_dest,
        count_asked=_count_asked(q, lang), list_all=bool(
            (lx.LIST_ALL_JA if lang == "ja" else lx.LIST_ALL_EN).search(q)),
        history=owning or _bought_what(types, want, slots), context=context,
    )  # fmt: skip


def _maker(m: Mention, types: tuple[str, ...]) -> Mention:
    """A product named where a company is meant ("Cursor's ARR"): its maker."""
    if m.kind == "product" and m.maker and types and lx.LAUNCH not in types:
        return Mention(m.start, m.end, m.surface, m.maker, "company", m.how)
    return m


def _in_time(m: Mention, time: TimeWindow | None) -> bool:
    return time is not None and m.start < time.end and time.start < m.end


# ---------------------------------------------------------------- triggers and types


def _triggers(q: str, lang: str, mentions: list[Mention]) -> list[_Hit]:
    """Trigger words left to right; none inside an entity's name, none overlapping another."""
    table = lx.JA_TRIGGERS if lang == "ja" else lx.EN_TRIGGERS
    hits: list[_Hit] = []
    for pattern, frame in table:
        for m in pattern.finditer(q):
            if any(x.start <= m.start() and m.end() <= x.end for x in mentions):
                continue
            if any(m.start() == x.end + 1 and q[x.end] == "-" for x in mentions):
                continue  # "the Meta-backed Scale AI": a description of Scale AI
            if any(h.start < m.end() and m.start() < h.end for h in hits):
                continue
            hits.append(_Hit(m.start(), m.end(), frame, _passive(q, lang, m.start(), m.end())))
    if any(h.frame is lx.CUT for h in hits):  # "How many customer support jobs did X cut?"
        after = lx.WORKFORCE_AFTER_JA if lang == "ja" else lx.WORKFORCE_AFTER_EN
        hits = [h for h in hits if h.frame is lx.CUT or not after.match(q[h.end :])]
    return sorted(hits, key=lambda h: h.start)


def _earning(q: str, lang: str, mentions: list[Mention], hits: list[_Hit]) -> list[_Hit]:
    """"How much is Anysphere making?", "How much does CoreWeave bring in?": revenue, when
    nothing else says what the figure is."""
    if lang == "ja" or hits or _want_hint(q, lang) != lx.FIGURE:
        return hits
    m = lx.EARNING_EN.search(q)
    if m is None or any(x.start < m.end() and m.start() < x.end for x in mentions):
        return hits
    return [_Hit(m.start(), m.end(), lx.REVENUE)]


def _passive(q: str, lang: str, start: int, end: int) -> bool:
    if lang == "ja":
        return bool(lx.JA_PASSIVE_AFTER.match(q[end:]))
    if re.match(r"\s+by\b", q[end:], re.I):
        return True
    word = q[start:end].lower()
    participle = word.endswith(("ed", "ought", "aid", "ired", "ught"))
    return participle and bool(lx.EN_PASSIVE_BEFORE.search(q[:start]))


_HINT_TYPES = {
    lx.PERSON: (lx.MOVE,), lx.PRODUCT: (lx.LAUNCH,),
    lx.FIGURE: (lx.FIN, lx.INV, lx.ACQ, lx.CUST, lx.LAYOFF),
}  # fmt: skip


def _want_hint(q: str, lang: str) -> str | None:
    """The shape of answer the question words alone ask for ("how much", 「誰」)."""
    return next((w for p, w in (lx.JA_WANT if lang == "ja" else lx.EN_WANT) if p.search(q)), None)


def _choose(hits: list[_Hit], hint: str | None = None) -> tuple[tuple[str, ...], list[_Hit]]:
    """The event types asked about: what the strongest triggers agree on (their intersection,
    else the types most of them name, then those the question word suits), narrowed by weaker
    ones when they agree; and the triggers that apply."""
    if not hits:
        return (), []
    top = max(h.frame.weight for h in hits)
    strong = [h for h in hits if h.frame.weight == top]
    types = _agree([h.frame.types for h in strong], hint)
    keep = {lx.FIN} if any(h.frame.metric for h in strong) else set()
    for h in sorted(hits, key=lambda h: -h.frame.weight):
        narrowed = tuple(t for t in types if t in h.frame.types or t in keep)
        if narrowed:
            types = narrowed  # but a figure asked stays one ("total funding … raised")
    applying = [h for h in hits if set(h.frame.types) & set(types)]
    return types, applying


def _agree(sets: list[tuple[str, ...]], hint: str | None) -> tuple[str, ...]:
    common = [t for t in sets[0] if all(t in s for s in sets[1:])]
    if common:
        return tuple(common)
    named = list(dict.fromkeys(t for s in sets for t in s))
    votes = {t: sum(t in s for s in sets) for t in named}
    most = [t for t in named if votes[t] == max(votes.values())]
    suited = [t for t in most if t in _HINT_TYPES.get(hint or "", ())]
    return tuple(suited or most)


def _owning(q: str, lang: str, types: tuple[str, ...], hits: list[_Hit]
            ) -> tuple[tuple[str, ...], bool]:  # fmt: skip
    """"Who owns X?", "Which companies have owned X?", 「…を傘下に収めた企業」: the acquisitions
    of X, oldest first — unless a stake is asked ("owns 10% of"), which is an investment."""
    if lx.ACQ not in types or not any(h.frame is lx.OWN for h in hits):
        return types, False
    stake = lx.STAKE_JA.search(q) if lang == "ja" else lx.STAKE_OWN.search(q)
    return ((lx.INV,), False) if stake else (types, True)


def _bought_what(types: tuple[str, ...], want: str, slots: tuple[Slot, ...]) -> bool:
    """"Who bought X?": every buyer of X, oldest first."""
    return (types == (lx.ACQ,) and want in (lx.PERSON, lx.NAMES)
            and any(s.roles == ("target",) for s in slots)
            and not any("acquirer" in s.roles for s in slots))  # fmt: skip


# ---------------------------------------------------------------- entities and roles


def _anchor(q: str, lang: str, mentions: list[Mention]) -> tuple[Slot | None, str, list[Mention]]:
    """"…on the same day as Mira Murati" / "ムラティ氏と同じ日に": a reference, not a filter."""
    for m in mentions:
        hit = (lx.ANCHOR_JA.match(q[m.end :]) if lang == "ja"
               else lx.ANCHOR_EN.search(q[: m.start]))  # fmt: skip
        if hit:
            unit = {"日": "day", "週": "week", "月": "month", "時期": "month"}.get(
                hit.groupdict().get("unit") or "day", (hit.groupdict().get("unit") or "day"))
            unit = "day" if unit in ("date", "time") else unit
            rest = [x for x in mentions if x is not m]
            return Slot(m.name, m.kind, m.surface), unit, rest
    return None, "day", mentions


def _slots(
    q: str, lang: str, mentions: list[Mention], frames: list[_Hit], types: tuple[str, ...],
    hits: list[_Hit],
) -> tuple[Slot, ...]:  # fmt: skip
    """Each entity and its roles; an entity attached to another kind of event ("After
    Meta's investment, how many people did Scale AI lay off?") is context, not a filter."""
    slots: list[Slot] = []
    subjects: list[bool] = []
    previous: Roles | None = None
    valued = False
    allowed = {r for t in types for r in TYPE_ROLES[t]}
    every = all(_context(q, lang, m, hits, types) for m in mentions)
    kept = False
    for m in mentions:
        joined = kept and lang != "ja" and _cue_en(q, m) == "and"  # "X and Y set up": as X
        kept = every or joined or not _context(q, lang, m, hits, types)
        if not kept:
            continue
        roles = _roles_of(q, lang, m, frames, types, previous)
        previous = roles
        if types:
            roles = tuple(r for r in roles if r in allowed)
        if not any(s.name == m.name for s in slots):
            slots.append(Slot(m.name, m.kind, m.surface, roles))
            subjects.append((_cue_ja(q, m) if lang == "ja" else _cue_en(q, m)) == "subj")
            valued = valued or (lang != "ja" and _valued(q, m, frames, types))
    if valued and "investor" in allowed:  # "NVIDIA's round valued Perplexity at": the investor
        slots = [s if s.kind != "company" or s.roles != ("company",) or (
            _valued(q, next(x for x in mentions if x.name == s.name), frames, types)
        ) else Slot(s.name, s.kind, s.surface, ("investor",)) for s in slots]  # fmt: skip
    return _complement(slots, subjects, frames, allowed)


def _replaced(q: str, lang: str, m: Mention) -> bool:
    """"Who replaced Jonathan Ross as CEO?", 「ロス氏の後任」: the person replaced is not asked."""
    if m.kind != "person":
        return False
    if lang == "ja":
        return bool(lx.REPLACED_JA.match(q[m.end :]))
    if lx.LEFT_BEFORE_EN.search(q[: m.start]) and lx.LEFT_AFTER_EN.match(q[m.end :]):
        return True
    return bool(lx.REPLACED_EN.search(q[: m.start]))


def _outside_replaced(q: str, lang: str, frames: list[_Hit], excluded: list[Mention]
                      ) -> list[_Hit]:  # fmt: skip
    """"Who became CEO of X after Y left?": the departure belongs to the person replaced,
    not to the move asked about (X is joined, not left)."""
    spans = []
    for m in excluded:
        clause = (lx.REPLACED_JA if lang == "ja" else lx.LEFT_AFTER_EN).match(q[m.end :])
        if clause:
            spans.append((m.end, m.end + clause.end()))
    kept = [h for h in frames if not any(a <= h.start < b for a, b in spans)]
    return kept or frames


def _former_company(
    q: str, lang: str, slots: tuple[Slot, ...], mentions: list[Mention], titles: tuple[str, ...]
) -> tuple[tuple[Slot, ...], tuple[str, ...]]:
    """「グーグルに移籍したCharacter.AIの創業者」, "Which Windsurf co-founders joined Google?":
    the title is the people's at the company they left, not at their destination."""
    going = [s for s in slots if s.kind == "company" and "to" in s.roles]
    if not titles or len(going) < 2:
        return slots, titles
    for slot in going:
        m = next((x for x in mentions if x.name == slot.name), None)
        if m is not None and _owns_title(q, lang, m):
            moved = Slot(slot.name, slot.kind, slot.surface, ("from",))
            return tuple(moved if s is slot else s for s in slots), ()
    return slots, titles


def _owns_title(q: str, lang: str, m: Mention) -> bool:
    after = q[m.end :]
    if lang == "ja":
        return bool(re.match(rf"(?:社)?の?(?:{lx.JA_TITLES}|共同創業者|創業者)", after))
    return bool(re.match(rf"(?:['’]s?)?\s+(?:{lx.EN_TITLES}|co-?founders?|founders?)\b", after,
                         re.I))  # fmt: skip


_SIDES: dict[Roles, Roles] = {
    ("to",): ("from",), ("from",): ("to",), ("customer",): ("vendor",), ("vendor",): ("customer",),
    ("investor",): ("company",), ("company",): ("investor",), ("acquirer",): ("target",),
    ("target",): ("acquirer",),
}  # fmt: skip


def _other_side(slots: tuple[Slot, ...], want_roles: Roles, types: tuple[str, ...]
                ) -> tuple[Slot, ...]:  # fmt: skip
    """"Where did Character.AI's founders go?", "Which customer did Anthropic cut off?": the
    one company given the side that is asked for is the other side."""
    swap = _SIDES.get(want_roles)
    if swap is not None and not set(swap) <= {r for t in types for r in TYPE_ROLES[t]}:
        return slots
    companies = [s for s in slots if s.kind == "company"]
    if swap is None or len(companies) != 1 or companies[0].roles != want_roles:
        return slots
    return tuple(Slot(s.name, s.kind, s.surface, swap) if s is companies[0] else s for s in slots)


def _complement(
    slots: list[Slot], subjects: list[bool], frames: list[_Hit], allowed: set[str]
) -> tuple[Slot, ...]:
    """Two companies given the same side of a deal ("ソフトバンクグループがOpenAIのAI導入に支払う"):
    the one that is not the subject takes the other side."""
    if len(slots) != 2 or slots[0].roles != slots[1].roles or not slots[0].roles or (
        subjects.count(True) != 1 or not frames
    ):
        return tuple(slots)
    top = max(h.frame.weight for h in frames)
    frame = next(h.frame for h in frames if h.frame.weight == top)
    agent, patient = set(frame.agent) & allowed, set(frame.patient) & allowed
    roles = set(slots[0].roles)
    if not agent or not patient or agent & patient or not (roles <= agent or roles <= patient):
        return tuple(slots)
    flip = subjects.index(not (roles <= agent))  # the object when both are agents, and back
    side = patient if roles <= agent else agent
    other = tuple(r for r in (frame.patient if roles <= agent else frame.agent) if r in side)
    slots[flip] = Slot(slots[flip].name, slots[flip].kind, slots[flip].surface, other)
    return tuple(slots)


def _roles_of(
    q: str, lang: str, m: Mention, frames: list[_Hit], types: tuple[str, ...],
    previous: Roles | None,
) -> Roles:  # fmt: skip
    if m.kind == "product" and (not types or lx.LAUNCH in types):
        return ("product",)
    if m.kind == "person" and (not types or lx.MOVE in types):
        return ("person",) if types else ()
    modifier = modifier_after(q, m.end) if lang != "ja" else None
    if modifier in _LED and lx.INV in types:
        return ("investor",)  # "the SoftBank-led round"
    if modifier in ("owned", "controlled"):
        return ("acquirer", "investor")
    if lang != "ja" and _valued(q, m, frames, types):
        return ("company",)
    cue = _cue_ja(q, m) if lang == "ja" else _cue_en(q, m)
    if cue == "and" and previous is not None:
        return previous
    titled = _titled_role(q, lang, m, frames, cue) if lx.MOVE in types else None
    if titled is not None:
        return titled
    hit = _governing(q, frames, m, lang, cue)
    if hit is None:
        return ()
    before = m.end <= hit.start
    if lang == "ja" and cue == "owner" and before and _JA_OWNED_OBJECT.match(q[m.end : hit.start]):
        cue = "obj"  # 「Groqの技術をライセンスした」: the owner of what is licensed
    if cue == "owner" and not before and hit.frame.patient:
        cue = None  # "license Windsurf's technology": the object, not the owner
    if cue is None and lang != "ja" and 0 <= hit.start - m.end <= 3:
        return ()  # "the Informatica deal": any part in it
    return _role(hit, cue, before, lang)


def _valued(q: str, m: Mention, frames: list[_Hit], types: tuple[str, ...]) -> bool:
    """"What did the Series B value xAI at?", "gave Cohere a valuation": the company valued."""
    return m.kind == "company" and bool(set(types) & {lx.INV, lx.FIN}) and any(
        h.frame.metric == "valuation" for h in frames
    ) and bool(lx.VALUED_BEFORE_EN.search(q[: m.start]))


_LED = frozenset({"led", "co-led", "backed", "funded", "financed"})
_JA_OWNED_OBJECT = re.compile(r"^の[^、。はがにへとでもの]{1,12}を$")


_DETERMINERS = frozenset("the a an its their his her both".split())
_AUX = frozenset("did does do has have had will would can could is was are were".split())


def _cue_en(q: str, m: Mention) -> str | None:
    after = q[m.end :]
    if re.match(r"['’]s?\b|['’]\s", after):
        return "owner"
    if lx.EN_AUX_BEFORE.search(q[: m.start]):
        return "subj"  # "did Meta take", "has xAI raised", "Is Google an investor"
    if lx.EN_PEOPLE_AFTER.match(after):
        return "people"
    words = re.findall(r"[A-Za-z][A-Za-z.-]*[A-Za-z]|[A-Za-z]|[^\sA-Za-z.]", q[: m.start])[-8:]
    described = False
    while words and (words[-1].lower() in lx.EN_SKIP_BEFORE or
                     words[-1].lower().rstrip(".") in lx.PLACE_WORDS or
                     MODIFIER.search(words[-1])):  # fmt: skip
        described |= words.pop().lower() not in _DETERMINERS
    if described and words and words[-1].lower() in _AUX:
        return "subj"  # "did the U.S. chipmaker NVIDIA invest": a description of NVIDIA
    if len(words) >= 2 and f"{words[-2]} {words[-1]}".lower() in lx.EN_PREPS:
        return lx.EN_PREPS[f"{words[-2]} {words[-1]}".lower()]
    if words and words[-1].lower() in lx.EN_PREPS:
        return lx.EN_PREPS[words[-1].lower()]
    return None


def _cue_ja(q: str, m: Mention) -> str | None:
    if re.search(r"元\s*$", q[: m.start]):
        return "from"
    after = lx.JA_HONORIFICS.sub("", q[m.end :], count=1)
    for particle, cue in lx.JA_PARTICLES:
        if after.startswith(particle):
            return cue
    return None


def _context(q: str, lang: str, m: Mention, hits: list[_Hit], types: tuple[str, ...]) -> bool:
    """Whether the trigger an entity attaches to is about other events than those asked."""
    if not types or m.kind != "company":
        return False
    modifier = modifier_after(q, m.end) if lang != "ja" else None
    if modifier in _LED | {"owned", "controlled"}:  # "the Meta-backed Scale AI's revenue"
        described = re.match(r"-[\w-]+\s+(?:the\s+)?[A-Z\u30a0-\u30ff\u4e00-\u9fff]", q[m.end :])
        return bool(described) or not set(types) & {lx.INV, lx.ACQ}
    if modifier is not None:
        return True  # "the Paris-based Mistral"
    strong = [h for h in hits if h.frame.weight >= 2]
    cue = _cue_ja(q, m) if lang == "ja" else _cue_en(q, m)
    hit = _nearest(q, strong, m, lang, cue)
    return hit is not None and not set(hit.frame.types) & set(types)


def _governing(
    q: str, frames: list[_Hit], m: Mention, lang: str, cue: str | None
) -> _Hit | None:
    """The strongest applying trigger the entity attaches to (a title only when no verb of
    the move is there: "Stability AIのCEOを辞任した" is a departure from Stability AI)."""
    if _move_verb(frames) is not None and any(h.frame is lx.TITLE for h in frames):
        frames = [h for h in frames if h.frame is not lx.TITLE]
    if not frames:
        return None
    top = max(h.frame.weight for h in frames)
    return _nearest(q, [h for h in frames if h.frame.weight == top], m, lang, cue)


def _move_verb(frames: list[_Hit], lang: str = "en") -> _Hit | None:
    """The verb of a people move ("took over as", "辞任"), not a title or a noun: the first in
    English, the last (the main verb) in Japanese."""
    verbs = [h for h in frames if h.frame.talent in ("join", "hire", "leave", "move", "found")
             and h.frame is not lx.TITLE and h.frame.weight >= 2]  # fmt: skip
    if not verbs:
        return None
    return verbs[-1] if lang == "ja" else verbs[0]


def _titled_role(q: str, lang: str, m: Mention, frames: list[_Hit], cue: str | None
                 ) -> Roles | None:  # fmt: skip
    """A company named with a title ("CEO of Snowflake", "Snowflake's CEO", 「XのCEO」) in a
    question with a verb: the company left for a departure, else the one joined."""
    verb = _move_verb(frames, lang)
    titles = [h for h in frames if h.frame is lx.TITLE]
    if verb is None or not titles:
        return None
    if cue == "owner":
        attached = any(0 <= h.start - m.end <= 4 for h in titles)
    elif lang != "ja":
        attached = any(re.fullmatch(r"\s+(?:of|at|for)\s+(?:the\s+)?", q[h.end : m.start])
                       for h in titles if h.end <= m.start)  # fmt: skip
    else:
        attached = False
    if not attached:
        return None
    return ("from",) if verb.frame.talent == "leave" else ("to",)


def _nearest(
    q: str, hits: list[_Hit], m: Mention, lang: str, cue: str | None
) -> _Hit | None:
    """The trigger nearest the entity on the side it attaches to: the verb after it in
    Japanese; in English the word before it, unless it is a subject or an owner ("did Meta
    invest", "Anthropic's round"), which attach to what follows."""
    inside = [h for h in hits if h.start <= m.start and m.end <= h.end]
    if inside:
        return inside[0]
    if lang != "ja":  # "the Nvidia licensing deal", "OpenAI researchers": the noun it modifies
        modified = [h for h in hits if 0 <= h.start - m.end <= 3]
        if modified:
            return modified[0]
    left = [h for h in hits if h.end <= m.start][::-1]
    right = [h for h in hits if h.start >= m.end]
    ahead = lang == "ja" or cue in ("subj", "owner", "people")
    if cue == "subj" and lang != "ja" and left and right and len(
        re.findall(r"\w+", q[m.end : right[0].start])
    ) > 1:
        ahead = False  # "What valuation did Mistral AI reach with ASML's investment?"
    first, second = (right, left) if ahead else (left, right)
    chosen = first or second
    return chosen[0] if chosen else None


def _role(hit: _Hit, cue: str | None, before: bool, lang: str) -> Roles:
    f, passive = hit.frame, hit.passive
    agent, patient = (f.patient or f.agent, f.agent) if passive else (f.agent, f.patient or f.agent)
    if cue == "owner":
        return f.owner or f.agent
    if cue == "people":
        if f.talent:
            return ("from",) if f.talent in ("leave", "people", "move") else ("from", "to")
        return f.owner or f.agent
    if cue == "subj":
        return agent
    if cue == "obj":
        return patient
    if cue == "to" and lang == "ja" and passive:
        return f.agent
    if cue is not None and cue in f.preps:
        return f.preps[cue]
    if cue == "to" and lang == "ja":
        return f.patient or f.agent
    if cue is not None and cue not in ("and",):
        return ()
    return agent if before else patient


# ---------------------------------------------------------------- what is wanted


def _want(q: str, lang: str, types: tuple[str, ...], frames: list[_Hit]) -> str:
    """The shape of answer: a figure, a count, names, a place, a product, a date, news."""
    table = lx.JA_WANT if lang == "ja" else lx.EN_WANT
    want = next((w for p, w in table if p.search(q)), None)
    metric = any(h.frame.metric for h in frames)
    if (metric or _field(q, lang, types)) and want in (None, lx.NAMES, lx.PRODUCT):
        return lx.FIGURE
    if not types and want in (None, lx.NAMES, lx.PERSON, lx.PRODUCT):
        return lx.NEWS  # "What's new with OpenAI?", "Tell me about Anthropic"
    if want is None:
        if (lx.JA_YESNO if lang == "ja" else lx.EN_YESNO).search(q):
            return lx.YESNO
        if (lx.JA_NEWS if lang == "ja" else lx.EN_NEWS).search(q):
            return lx.NEWS
        want = lx.NAMES
    if want == lx.NAMES and types == (lx.LAUNCH,) and not (
        lx.MAKER_JA if lang == "ja" else lx.MAKER_EN
    ).search(q):
        return lx.PRODUCT
    if want == lx.PRODUCT and types and lx.LAUNCH not in types:
        return lx.NAMES  # "What did OpenAI announce about its acquisition of Windsurf?"
    return want


def _want_roles(
    q: str, lang: str, want: str, types: tuple[str, ...], frames: list[_Hit],
    slots: tuple[Slot, ...],
) -> Roles:  # fmt: skip
    allowed = {r for t in types for r in TYPE_ROLES[t]} | ({"role"} if lx.MOVE in types else set())
    for pattern, roles in lx.JA_WANT_ROLE if lang == "ja" else lx.EN_WANT_ROLE:
        chosen = tuple(r for r in roles if r in allowed)
        found = pattern.search(q)
        if chosen and found and (want != lx.PLACE or lx.MOVE in types):
            if lang == "ja" and found.group().endswith("のは") and chosen in _SIDES and any(
                s.roles == chosen for s in slots
            ):
                return _SIDES[chosen]  # 「Xが出資したのは」: X invested, what in is asked
            return chosen
    if want == lx.PLACE and lx.MOVE in types:
        come_from = lx.EN_FROM_PLACE.search(q) if lang == "en" else "どこから" in q
        return ("from",) if come_from else ("to",)
    if want == lx.PRODUCT:
        return ("product",)
    if lx.MOVE in types and (want == lx.PERSON or not any(s.kind == "person" for s in slots)):
        return ("person",)
    return _unfilled(want, frames, slots, _asks_subject(q, lang, frames))


def _asks_subject(q: str, lang: str, frames: list[_Hit]) -> bool:
    """"Which companies bought AI startups?": the question word is the verb's subject (no
    "did" between them)."""
    if lang == "ja" or not frames:
        return False
    m = re.match(r"\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?$", q[: frames[0].start], re.I)
    return m is not None and not re.search(r"\b(?:did|does|do|has|have|had|is|was|are|were|"
                                         r"will)\b", m.group(), re.I)  # fmt: skip


def _unfilled(want: str, frames: list[_Hit], slots: tuple[Slot, ...], subject: bool = False
              ) -> Roles:  # fmt: skip
    """The side of the main trigger no named entity fills: what "who"/"which" asks for."""
    if not frames:
        return ()
    top = max(h.frame.weight for h in frames)
    f = next(h for h in frames if h.frame.weight == top)
    if subject and not slots:
        return f.frame.patient if f.passive and f.frame.patient else f.frame.agent
    agent, patient = (f.frame.patient, f.frame.agent) if f.passive else (f.frame.agent,
                                                                            f.frame.patient)
    filled = {r for s in slots for r in s.roles}
    if patient and filled & set(agent) and not filled & set(patient):
        return patient
    if filled & set(patient) and not filled & set(agent):
        return agent
    if f.frame.types == (lx.PART,):
        return ("partner",)
    return agent if want == lx.PERSON or not patient else patient


def _field(q: str, lang: str, types: tuple[str, ...]) -> str | None:
    """A figure other than the main amount: the stake ("What stake did Meta take…")."""
    if lx.INV in types and (lx.STAKE_JA if lang == "ja" else lx.STAKE_EN).search(q) and not (
        lx.PAID_JA if lang == "ja" else lx.PAID_EN
    ).search(q):
        return "stake_pct"  # but "How much did Meta pay for its 49% stake?" asks the price
    return None


def _status(q: str, frames: list[_Hit], types: tuple[str, ...]) -> tuple[str, ...]:
    found = tuple(dict.fromkeys(s for h in frames for s in h.frame.status))
    if not found and lx.CUST in types and lx.STATUS_ACTIVE.search(q):
        return ("active",)
    return found


def _round(q: str, lang: str) -> str | None:
    m = lx.ROUND_EN.search(q)
    if m:
        text = m.group(1)
        return text[0].upper() + text[1:].lower() if " " not in text else (
            "Series " + text.split(" ", 1)[1].upper())
    m = lx.ROUND_JA.search(q) if lang == "ja" else None
    if m:
        return f"Series {m.group(1).upper()}" if m.group(1) else (
            "Seed" if m.group(2) == "シード" else "Pre-seed")
    return None


_COUNT_EN = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:jobs?|employees|people|staff|workers|"
                       r"positions|roles|posts)\b", re.I)
_COUNT_JA = re.compile(r"(\d+(?:,\d{3})*|\d+万\d*)\s*(?:人|名)")


def _count_hint(q: str, lang: str) -> int | None:
    """A head count the question gives ("Which company cut 18,000 jobs?", 「1万4000人」)."""
    m = (_COUNT_JA if lang == "ja" else _COUNT_EN).search(q)
    if not m:
        return None
    raw = m.group(1).replace(",", "")
    if "万" in raw:
        high, _, low = raw.partition("万")
        return int(high) * 10_000 + (int(low) if low else 0)
    return int(raw)


_MAY_NAME_MONEY = re.compile(r"\d|[０-９]|billion|million|trillion|thousand|億|兆|万", re.I)


def _amount(q: str, lang: str) -> float | None:
    """An amount the question gives ("the $13 billion round"); the extractor's money grammar
    is imported only for a question that may name one."""
    if not _MAY_NAME_MONEY.search(q):
        return None
    from newsbot.core.extract.money import find_money

    found = find_money(q, lang=lang)
    return found[0].money.usd if found else None


def _role_titles(q: str, lang: str, frames: list[_Hit]) -> tuple[str, ...]:
    """The titles asked about ("as CFO and chief product officer"), as ``lx.role_key``s."""
    found = [lx.role_key(m.group(1)) for m in
             (lx.ROLE_TITLE_JA if lang == "ja" else lx.ROLE_TITLE_EN).finditer(q)]
    if not found:
        found = [h.frame.role_title for h in frames if h.frame.role_title]
    return tuple(dict.fromkeys(found))


def _holder(q: str, lang: str, hits: list[_Hit]) -> bool:
    """"Who is the CEO of X?" (who holds it now), not "Who joined X as CEO?" (an event)."""
    events = {"join", "hire", "leave", "move"}
    if any(h.frame.name in events for h in hits):
        return False
    if any(h.frame is lx.RUN for h in hits):
        return True  # "Who runs X?", 「Xを率いるのは」
    return bool((lx.HOLDER_JA if lang == "ja" else lx.HOLDER_EN).search(q))


def _lead(q: str, lang: str, mentions: list[Mention], types: tuple[str, ...]) -> bool:
    """"Who led X's round?", 「主導したのは」, "the SoftBank-led round": the lead investor."""
    if lx.INV not in types:
        return False
    if lang != "ja" and any(modifier_after(q, m.end) in ("led", "co-led") for m in mentions):
        return True
    return bool((lx.LEAD_JA if lang == "ja" else lx.LEAD_EN).search(q))


_KANJI_DIGITS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count_asked(q: str, lang: str) -> int | None:
    """How many names "Which eight companies…" / 「8社」 expects."""
    m = (lx.COUNT_ASKED_JA if lang == "ja" else lx.COUNT_ASKED_EN).search(q)
    if not m:
        return None
    raw = m.group("n").lower()
    if raw.isdigit():
        return int(raw)
    if raw in lx.EN_NUMBER_WORDS:
        return lx.EN_NUMBER_WORDS[raw]
    if len(raw) == 2 and raw[0] == "十":
        return 10 + _KANJI_DIGITS.get(raw[1], 0)
    return _KANJI_DIGITS.get(raw)


def _metric_context(
    q: str, lang: str, slots: tuple[Slot, ...], metric: str | None, mentions: list[Mention],
) -> tuple[tuple[Slot, ...], tuple[Slot, ...]]:  # fmt: skip
    """A figure's company and the entities that only date it ("xAI's valuation when it bought
    X", "Inflection AI's valuation when Microsoft put in $1.3 billion")."""
    companies = [s for s in slots if s.kind == "company"]
    if metric is None or not companies:
        return slots, ()
    main = next((s for s in companies if "company" in s.roles), companies[0])
    kept = [s for s in slots if s is main or ("investor" in s.roles and s.kind == "company")]
    names = {s.name for s in kept}
    context = [Slot(s.name, s.kind, s.surface) for s in slots if s not in kept]
    context += [Slot(m.name, m.kind, m.surface) for m in mentions if m.name not in names]
    return tuple(kept), tuple({s.name: s for s in context}.values())


def _unknown(
    q: str, lang: str, mentions: list[Mention], anchor: Slot | None, hits: list[_Hit],
    time: TimeWindow | None, slots: tuple[Slot, ...] = (), frames: list[_Hit] | None = None,
    types: tuple[str, ...] = (),
) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """Names the question uses that nothing knows (so the answer can say so): words that look
    like names — not loanwords in a compound, places, modifiers — and, when the question names
    entities that are known, only those in a part of the event no known entity fills. Also
    the name-like words that only describe (a hint: "ABB's robotics unit")."""
    taken = [(m.start, m.end) for m in mentions] + [(h.start, h.end) for h in hits]
    if time is not None:
        taken.append((time.start, time.end))
    for pattern in (lx.ROUND_EN, lx.ROLE_TITLE_EN, lx.ROLE_TITLE_JA, lx.ROUND_JA):
        taken += [(m.start(), m.end()) for m in pattern.finditer(q)]
    names, words = [], []
    for span in name_spans(q, lang):
        if not span.proper or span.compound or any(s < span.end and span.start < e
                                                   for s, e in taken):  # fmt: skip
            continue
        if anchor is not None and anchor.surface == span.text:
            continue
        if slots and not _open_role(q, lang, span, slots, frames or [], types, hits):
            words.append(span.text)
            continue
        names.append(span.text)
    return tuple(dict.fromkeys(names)), tuple(dict.fromkeys(words))


_JA_PARTICLE = re.compile(r"[はがをにでとへもや]|から|まで|より")


def _describes(q: str, lang: str, span: Span, slots: tuple[Slot, ...]) -> bool:
    """「イスラエルのGPU企業Run:ai」, 「サーバーレスPostgresのNeon」: a word that only says
    what a known entity right after it is."""
    if lang != "ja" or not q[span.end :].startswith("の"):
        return False
    rest = q[span.end + 1 :]
    for slot in slots:
        at = rest.find(slot.surface)
        if at >= 0 and not _JA_PARTICLE.search(rest[:at]) and " " not in rest[:at]:
            return True
    return False


def _open_role(
    q: str, lang: str, span: Span, slots: tuple[Slot, ...], frames: list[_Hit],
    types: tuple[str, ...], hits: list[_Hit],
) -> bool:  # fmt: skip
    """Whether an unknown word would play a part of the event that no known entity plays
    ("Did Quuxly acquire Anthropic?"), rather than describe one ("CEO of Applications")."""
    pseudo = Mention(span.start, span.end, span.text, span.text, "company")
    if _context(q, lang, pseudo, hits, types) or _describes(q, lang, span, slots):
        return False
    roles = set(_roles_of(q, lang, pseudo, frames, types, None))
    if types:
        roles &= {r for t in types for r in TYPE_ROLES[t]}
    filled = {r for s in slots for r in s.roles}
    return bool(roles) and not roles <= filled
