"""The read side of the knowledge base: entities by name, autocomplete, events by who played
which role when, company and person profiles. Shared by ``newsbot ask`` and the Discord bot.

Every function takes an open ``Session`` and does a few indexed queries (never one per
row): events are found through ``ix_event_entities_entity_role`` and
``ix_events_type_date`` and returned by ``event_records`` in the FORMAT.md shape, newest
first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased
from sqlmodel import col

from newsbot.core.ask_lexicon import TYPE_ROLES
from newsbot.core.ask_names import (
    AliasMatcher,
    Mention,
    Span,
    candidate_spans,
    close_spellings,
    merge_mentions,
    name_spans,
)
from newsbot.core.ask_parse import detect_language
from newsbot.core.registry import Registry, normalise_name
from newsbot.core.resolve import similar_names
from newsbot.core.translit import (
    is_katakana_name,
    katakana_to_romaji,
    same_person,
    spelling_score,
)
from newsbot.store.events import event_records
from newsbot.store.models import Alias, Entity, Event, EventEntity
from newsbot.store.sql import pk

__all__ = [
    "EntityRef",
    "KnowledgeMatcher",
    "Profile",
    "company_profile",
    "entity_ids",
    "family_ids",
    "find_entity",
    "find_events",
    "person_profile",
    "registry_matcher",
    "suggest_entities",
]

FUZZY_PREFIX = 3
CLOSE_SPELLING = 90.0  # a katakana name spells a Latin one this closely or better
FUZZY_CANDIDATES = 500
CHUNK = 500
DEALS = ("investment", "acquisition", "partnership", "customer")
_ALIAS_ENTITY = col(Alias.entity_id) == pk(Entity.id)  # the join of an alias to its entity


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A stored entity."""

    id: int
    name: str
    kind: str


# ---------------------------------------------------------------- entities


def find_entity(session: Session, registry: Registry, name: str) -> EntityRef | None:
    """The stored entity ``name`` names: by alias, by the registry's canonical name, then by
    a close spelling of exactly one stored alias (so "Anthropc" finds Anthropic)."""
    norm = normalise_name(name)
    if not norm:
        return None
    found = _by_norms(session, [norm]).get(norm)
    if found is None:
        entry = registry.lookup(name)
        if entry is not None:
            found = _by_names(session, [entry.name]).get(entry.name) or _by_norms(
                session, [normalise_name(entry.name)]).get(normalise_name(entry.name))
    return found or _fuzzy_entity(session, name)


def _by_norms(session: Session, norms: Sequence[str]) -> dict[str, EntityRef]:
    out: dict[str, EntityRef] = {}
    for chunk in _chunks(list(dict.fromkeys(norms))):
        stmt = (select(col(Alias.norm), pk(Entity.id), col(Entity.name), col(Entity.kind))
                .join(Entity, pk(Entity.id) == col(Alias.entity_id))
                .where(col(Alias.norm).in_(chunk)))  # fmt: skip
        for norm, id_, name, kind in session.execute(stmt):
            out[norm] = EntityRef(id_, name, kind)
    return out


def _by_names(session: Session, names: Sequence[str]) -> dict[str, EntityRef]:
    out: dict[str, EntityRef] = {}
    for chunk in _chunks(list(dict.fromkeys(names))):
        stmt = (select(pk(Entity.id), col(Entity.name), col(Entity.kind))
                .where(col(Entity.name).in_(chunk)))
        for id_, name, kind in session.execute(stmt):
            out.setdefault(name, EntityRef(id_, name, kind))
    return out


def _fuzzy_entity(session: Session, name: str) -> EntityRef | None:
    norm = normalise_name(name)
    if len(norm) < 5:
        return None
    rows = _prefix_aliases(session, norm[:FUZZY_PREFIX])
    keys = list(dict.fromkeys(alias_norm for alias_norm, *_ in rows))
    near = set(close_spellings(norm, keys))
    hits = {EntityRef(i, n, k) for alias_norm, alias, i, n, k in rows
            if alias_norm in near and similar_names(name, alias, k)}  # fmt: skip
    if not hits:
        hits = {EntityRef(i, n, k) for alias_norm, _a, i, n, k in rows if alias_norm in near}
    return hits.pop() if len(hits) == 1 else None


def _prefix_aliases(session: Session, prefix: str) -> list[tuple[str, str, int, str, str]]:
    stmt = (
        select(col(Alias.norm), col(Alias.alias), pk(Entity.id), col(Entity.name), col(Entity.kind))
        .join(Entity, pk(Entity.id) == col(Alias.entity_id))
        .where(and_(col(Alias.norm) >= prefix, col(Alias.norm) < prefix + "\uffff"))
        .limit(FUZZY_CANDIDATES)
    )
    return list(session.execute(stmt))


def entity_ids(session: Session, names: Iterable[str]) -> dict[str, list[int]]:
    """Stored entity ids for canonical names (one name may be a company and an investor
    person at once: every kind counts), by entity name, else by alias."""
    wanted = list(dict.fromkeys(names))
    out: dict[str, list[int]] = defaultdict(list)
    for chunk in _chunks(wanted):
        stmt = select(col(Entity.name), pk(Entity.id)).where(col(Entity.name).in_(chunk))
        for name, id_ in session.execute(stmt):
            out[name].append(id_)
    rest = {normalise_name(n): n for n in wanted if n not in out}
    for norm, ref in _by_norms(session, list(rest)).items():
        out[rest[norm]].append(ref.id)
    return dict(out)


_LEGAL_TAIL = re.compile(
    r"[\s,]+(?:inc|corp|corporation|ltd|llc|co|plc|group|holdings|gmbh|ag|sa)\.?$", re.I
)


def family_ids(session: Session, names: Mapping[str, Sequence[str]]) -> dict[str, list[int]]:
    """Entities named like a name's family: "SoftBank" → SoftBank Group, SoftBank Corp.,
    SoftBank Vision Fund; "MUFG" → MUFG Bank. ``names`` maps each name to the spellings
    to widen (the canonical name, the words the question used)."""
    stems = {key: {s for s in (_LEGAL_TAIL.sub("", w.strip()) for w in words)
                   if len(s) >= 3} for key, words in names.items()}  # fmt: skip
    rows: set[tuple[int, str]] = set()
    for stem in sorted({s for group in stems.values() for s in group}):
        norm = normalise_name(stem)
        if len(norm) >= 3:  # a range of the unique index on aliases.norm
            stmt = (select(pk(Entity.id), col(Entity.name)).join(Alias, _ALIAS_ENTITY)
                    .where(col(Alias.norm) >= norm, col(Alias.norm) < norm + "\uffff").limit(200))
            rows.update((i, n) for i, n in session.execute(stmt))
    out: dict[str, list[int]] = {}
    for key, group in stems.items():
        lowered = {s.lower() for s in group}
        hits = [i for i, n in rows if any(_stem_of(n.lower(), s) for s in lowered)]
        if hits:
            out[key] = sorted(set(hits))
    return out


def _stem_of(name: str, stem: str) -> bool:
    """"softbank group" and "anysphere(cursor)" have the stem "softbank", "anysphere"."""
    return name == stem or (name.startswith(stem) and not name[len(stem)].isalnum())


def suggest_entities(session: Session, prefix: str, limit: int = 25) -> list[str]:
    """Entity names for autocomplete: aliases starting with ``prefix`` (any script, any
    case), then containing it; the entities in most events first. An empty prefix gives
    the names most present in the latest news."""
    norm = normalise_name(prefix)
    if prefix.strip() and not norm:
        return []
    if not norm:
        return _recently_prominent(session, limit)
    starts = (select(pk(Entity.id), col(Entity.name)).join(Alias, _ALIAS_ENTITY)
              .where(col(Alias.norm) >= norm, col(Alias.norm) < norm + "\uffff")
              .limit(SUGGEST_POOL))
    found = _by_prominence(session, list(session.execute(starts)))
    if len(found) < limit:
        pattern = f"%{_escape_like(prefix.strip())}%"
        contains = (select(pk(Entity.id), col(Entity.name)).join(Alias, _ALIAS_ENTITY)
                    .where(or_(col(Alias.alias).ilike(pattern, escape="\\"),
                               col(Alias.norm).like(f"%{_escape_like(norm)}%", escape="\\")))
                    .limit(SUGGEST_POOL))  # fmt: skip
        found += [n for n in _by_prominence(session, list(session.execute(contains)))
                  if n not in found]  # fmt: skip
    return found[:limit]


SUGGEST_POOL = 50
SUGGEST_CAP = 1_000
RECENT_EVENTS = 5_000


def _by_prominence(session: Session, rows: list[Any]) -> list[str]:
    """Candidate (id, name) rows ordered by their number of events (counted up to a cap)."""
    names = {i: n for i, n in rows}
    if not names:
        return []
    parts = [select(literal(i).label("e"), func.count().label("n")).select_from(
        select(col(EventEntity.event_id)).where(col(EventEntity.entity_id) == i).limit(SUGGEST_CAP)
        .subquery()) for i in names]  # fmt: skip
    counts = dict(session.execute(union_all(*parts)).all()) if len(parts) > 1 else {
        next(iter(names)): session.execute(parts[0]).one()[1]}
    ordered = sorted(names, key=lambda i: (-int(counts.get(i, 0)), names[i]))
    return list(dict.fromkeys(names[i] for i in ordered))


def _recently_prominent(session: Session, limit: int) -> list[str]:
    newest = session.execute(select(func.max(pk(Event.id)))).scalar_one() or 0
    recent = (select(col(EventEntity.entity_id), func.count().label("n"))
              .where(col(EventEntity.event_id) > newest - RECENT_EVENTS)
              .group_by(col(EventEntity.entity_id)).subquery())  # fmt: skip
    stmt = (select(col(Entity.name)).join(recent, recent.c.entity_id == pk(Entity.id))
            .order_by(recent.c.n.desc(), col(Entity.name)).limit(limit))
    return list(dict.fromkeys(row[0] for row in session.execute(stmt)))


def _escape_like(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


# ---------------------------------------------------------------- the question's names


def registry_matcher(registry: Registry) -> AliasMatcher:
    """An in-memory matcher over every registry name (built once per registry)."""
    return AliasMatcher(
        (alias, e.name, e.kind, e.is_ambiguous(alias)) for e in registry.entries()
        for alias in e.names
    )  # fmt: skip


class KnowledgeMatcher:
    """Finds the entities a question names: the registry (every alias, any case, surnames,
    typos), then the knowledge base's own aliases — exact first, then a unique surname or a
    unique close spelling."""

    def __init__(self, session: Session, registry: Registry, known: AliasMatcher):
        self.session = session
        self.registry = registry
        self.known = known

    def find(self, text: str) -> list[Mention]:
        exact = self.known.exact_mentions(text)
        exact += self._stored_mentions(text, exact)
        found = merge_mentions(exact)
        for span in name_spans(text, detect_language(text)):
            if any(m.start < span.end and span.start < m.end for m in found):
                continue
            loose = self.known.loose_mentions(span) or self._stored_loose(span)
            found = merge_mentions(found + loose)
        return [self._with_maker(m) for m in found]

    def _with_maker(self, m: Mention) -> Mention:
        if m.kind != "product":
            return m
        entry = self.registry.lookup(m.name, kind="product")
        maker = entry.company if entry is not None else None
        return replace(m, maker=maker) if maker else m

    def _stored_mentions(self, text: str, known: list[Mention]) -> list[Mention]:
        spans = [s for s in candidate_spans(text)
                 if not any(m.start <= s.start and s.end <= m.end for m in known)]  # fmt: skip
        by_norm: dict[str, list[Span]] = defaultdict(list)
        for span in spans:
            norm = normalise_name(span.text)
            if len(norm) >= 2 and not _common_word(span.text):
                by_norm[norm].append(span)
        refs = _by_norms(self.session, list(by_norm))
        return [Mention(s.start, s.end, s.text, ref.name, ref.kind)
                for norm, ref in refs.items() for s in by_norm[norm]]  # fmt: skip

    def _stored_loose(self, span: Span) -> list[Mention]:
        words = [span] + [Span(span.start + m.start(), span.start + m.end(), m.group(),
                               span.proper) for m in re.finditer(r"[^\s・]+", span.text)]
        single = " " not in span.text and "・" not in span.text
        if not single and is_katakana_name(span.text):  # ジョナサン・ロス → Jonathan Ross
            person = _transliterated_person(self.session, span.text)
            if person is not None:
                return [Mention(span.start, span.end, span.text, person.name, "person", "fuzzy")]
        if is_katakana_name(span.text) and len(span.text) >= 3:  # グロック → Groq
            company = _transliterated_company(self.session, span.text)
            if company is not None:
                return [Mention(span.start, span.end, span.text, company.name, "company",
                                "fuzzy")]  # fmt: skip
        stem = _stem_entity(self.session, span.text) if span.proper else None
        if stem is not None:  # "Thinking Machines" → Thinking Machines Lab
            return [Mention(span.start, span.end, span.text, stem.name, stem.kind, "fuzzy")]
        for piece in [span] if single else words:
            surname = piece.proper and single
            ref = (self._surname(piece.text) if surname else None) or _fuzzy_entity(
                self.session, piece.text)
            if ref is not None:
                how = "surname" if piece.proper and ref.kind == "person" else "fuzzy"
                return [Mention(piece.start, piece.end, piece.text, ref.name, ref.kind, how)]
        return []

    def _surname(self, word: str) -> EntityRef | None:
        if len(normalise_name(word)) < 3 and word.isascii():
            return None
        pattern = _escape_like(word)
        sqlite = self.session.get_bind().dialect.name == "sqlite"  # its LIKE ignores case
        alias = col(Alias.alias)
        latin = (alias.like if sqlite else alias.ilike)(f"% {pattern}", escape="\\")
        stmt = (select(pk(Entity.id), col(Entity.name), col(Entity.kind))
                .join(Alias, col(Alias.entity_id) == pk(Entity.id))
                .where(col(Entity.kind) == "person",
                       or_(latin, col(Alias.alias).like(f"%・{pattern}", escape="\\")))
                .distinct().limit(3))  # fmt: skip
        rows = {EntityRef(*r) for r in self.session.execute(stmt)}
        return rows.pop() if len(rows) == 1 else None


# Latin initials a katakana word's romaji may stand for (ジョ: Jo, Geo, Yo; ロ: Ro, Lo).
_INITIALS = {
    "a": "aeiouh", "i": "ieyh", "u": "uowh", "e": "eaih", "o": "oauh", "k": "kcq", "s": "sczx",
    "t": "t", "c": "ct", "n": "nk", "h": "hfw", "f": "fp", "m": "m", "y": "yji", "r": "rl",
    "w": "wvo", "g": "gj", "j": "jgyzd", "z": "zsx", "d": "dt", "b": "bv", "p": "p", "v": "vbw",
}  # fmt: skip


def _transliterated_person(session: Session, katakana: str) -> EntityRef | None:
    """The one stored person whose Latin name a katakana full name transliterates."""
    words = katakana_to_romaji(katakana).split()
    if len(words) < 2 or not all(words):
        return None
    first, last = _INITIALS.get(words[0][0], ""), _INITIALS.get(words[-1][0], "")
    patterns = [or_(col(Alias.alias).like(f"{a}% {b}%"), col(Alias.alias).like(f"{a.upper()}% "
                                                                                f"{b.upper()}%"))
                for a in first for b in last]  # fmt: skip
    if not patterns:
        return None
    stmt = (select(pk(Entity.id), col(Entity.name), col(Entity.kind), col(Alias.alias))
            .join(Alias, _ALIAS_ENTITY).where(col(Entity.kind) == "person", or_(*patterns))
            .limit(FUZZY_CANDIDATES))  # fmt: skip
    hits = {EntityRef(i, n, k) for i, n, k, alias in session.execute(stmt)
            if same_person(katakana, alias)}  # fmt: skip
    return hits.pop() if len(hits) == 1 else None


_VOWELS = {"a": "aeou", "i": "iey", "u": "uoa", "e": "eai", "o": "oau"}


def _latin_starts(romaji: str) -> list[str]:
    """The two letters a Latin name may start with, read from a katakana name's romaji
    (グロック gurokku: gu, go, …, gr, gl — katakana adds a vowel after a consonant)."""
    word = romaji.replace(" ", "")
    m = re.match(r"([^aeiou]*)([aeiou])([^aeiou]?)", word)
    if m is None:
        return []
    consonant, vowel, after = m.groups()
    firsts = _INITIALS.get((consonant or vowel)[:1], "")
    if not consonant:  # アンソロピック: an, en, on, un
        seconds = _INITIALS.get(after, after) if after else ""
    else:
        seconds = _VOWELS[vowel] + (_INITIALS.get(after, after) if vowel in "uo" and after else "")
    return sorted({a + b for a in firsts for b in seconds})


def _transliterated_company(session: Session, katakana: str) -> EntityRef | None:
    """The one stored company whose Latin name a katakana name spells (グロック → Groq)."""
    parts = [select(pk(Entity.id), col(Entity.name), col(Entity.kind), col(Alias.alias))
             .join(Alias, _ALIAS_ENTITY)
             .where(col(Alias.norm) >= start, col(Alias.norm) < start + "\uffff",
                    col(Entity.kind) == "company").limit(100)
             for start in _latin_starts(katakana_to_romaji(katakana))]  # fmt: skip
    if not parts:
        return None
    rows = session.execute(union_all(*[select(p.subquery()) for p in parts]))
    scores: dict[EntityRef, float] = {}
    for i, n, k, alias in rows:
        if alias.isascii():  # written as one word or word by word (クイルデータ, クイル・データ)
            ref = EntityRef(i, n, k)
            scores[ref] = max(scores.get(ref, 0.0), spelling_score(katakana, alias))
    best = sorted(scores.items(), key=lambda item: -item[1])
    if not best or best[0][1] < CLOSE_SPELLING or (len(best) > 1 and best[1][1] == best[0][1]):
        return None  # none close enough, or two as close: no guess
    return best[0][0]


def _stem_entity(session: Session, text: str) -> EntityRef | None:
    """The one stored company whose name starts with ``text`` as whole words."""
    norm, lowered = normalise_name(text), text.strip().lower()
    if len(norm) < 4:
        return None
    stmt = (select(pk(Entity.id), col(Entity.name), col(Entity.kind)).join(Alias, _ALIAS_ENTITY)
            .where(col(Alias.norm) > norm, col(Alias.norm) < norm + "\uffff",
                   col(Entity.kind) == "company")
            .limit(50))  # fmt: skip
    hits = {EntityRef(*row) for row in session.execute(stmt) if _stem_of(row[1].lower(), lowered)}
    return hits.pop() if len(hits) == 1 else None


def _common_word(text: str) -> bool:
    from newsbot.core.ask_lexicon import EN_COMMON

    return text.isascii() and text.islower() and (text in EN_COMMON or len(text) <= 2)


# ---------------------------------------------------------------- events

Where = Sequence[tuple[Collection[int], Collection[str] | None]]


def find_events(
    session: Session, *, entity_ids: Sequence[int] | None = None,
    roles: Collection[str] | Mapping[int, Collection[str]] | None = None,
    types: Collection[str] | None = None, since: date | None = None,
    until: date | None = None, limit: int = 50, where: Where | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Stored events, newest first, in which every one of ``entity_ids`` takes part (in one
    of ``roles``: a set for all, or per entity id), of ``types``, dated within
    ``since``..``until``. ``where`` gives the same as groups: each ``(ids, roles)`` group must
    have one of its ids in one of its roles (``None``: any role)."""
    groups = list(where or [])
    for entity_id in entity_ids or ():
        wanted = roles.get(entity_id) if isinstance(roles, Mapping) else roles
        groups.append(([entity_id], wanted))
    ids = event_ids(session, groups, types=types, since=since, until=until, limit=limit)
    return event_records(session, ids)


def event_ids(
    session: Session, groups: Where, *, types: Collection[str] | None = None,
    since: date | None = None, until: date | None = None, limit: int = 50,
    bounded: bool = False,
) -> list[int]:  # fmt: skip
    """The ids ``find_events`` returns, newest first.

    The rarest group drives the query. When even the rarest is a big name (thousands of
    events), its newest links are tried first (an index-only backward scan), and the whole
    history only when they do not fill ``limit`` — never when ``bounded`` (a hint worth
    only a bounded search, such as the deal that dates a figure).
    """
    norm = [(sorted(set(ids)), sorted(set(r)) if r else None) for ids, r in groups]
    if any(not ids for ids, _ in norm):
        return []
    if not norm:
        return _select_ids(session, [], types, since, until, limit)
    if (since or until) and _few_in_window(session, types, since, until):
        return _select_in_window(session, norm, types, since, until, limit)
    sizes = _bounded_sizes(session, norm, POPULAR)
    if len(norm) > 1 and min(sizes) >= POPULAR:  # tell big names apart before choosing
        sizes = _bounded_sizes(session, norm, BIG)
    norm = [g for _, g in sorted(zip(sizes, norm, strict=True), key=lambda p: p[0])]
    if min(sizes) >= POPULAR:
        roles = sorted({r for t in types or TYPE_ROLES for r in TYPE_ROLES.get(t, ())})
        found = []
        for window in RECENT_WINDOWS:
            if window * 2 > min(sizes) and window != RECENT_WINDOWS[0]:
                break  # the whole history is about as cheap
            found = _select_ids(session, norm, types, since, until, limit,
                                recent=(window, roles))  # fmt: skip
            if len(found) >= limit:
                return found
        if bounded:
            return found
    return _select_ids(session, norm, types, since, until, limit)


POPULAR = 2_000
BIG = 50_000
RECENT_WINDOWS = (2_000, 20_000)
Group = tuple[list[int], list[str] | None]


def _links(ids: list[int], roles: list[str] | None) -> Any:
    return select(col(EventEntity.event_id)).where(
        col(EventEntity.entity_id).in_(ids),
        *([col(EventEntity.role).in_(roles)] if roles else []),
    )


def _window_filter(types: Collection[str] | None, since: date | None,
                   until: date | None) -> list[Any]:  # fmt: skip
    conds: list[Any] = []
    if types:
        conds.append(col(Event.type).in_(sorted(types)))
    if since is not None:  # from a year's start, its year-only dates ("2024") too
        day = since.isoformat()
        conds.append(col(Event.date) >= (day[:4] if day[5:] == "01-01" else day[:7]))
    if until is not None:
        conds.append(col(Event.date) <= until.isoformat())
    return conds


def _few_in_window(session: Session, types: Collection[str] | None, since: date | None,
                   until: date | None) -> bool:  # fmt: skip
    """Whether the dates asked hold fewer than ``POPULAR`` events (then they drive)."""
    inner = select(pk(Event.id)).where(*_window_filter(types, since, until)).limit(POPULAR)
    return int(session.execute(select(func.count()).select_from(inner.subquery())).scalar_one()
               ) < POPULAR  # fmt: skip


def _select_in_window(
    session: Session, groups: list[Group], types: Collection[str] | None,
    since: date | None, until: date | None, limit: int,
) -> list[int]:  # fmt: skip
    """Events of a narrow window, newest first, each checked for the groups (PK probes)."""
    stmt = select(pk(Event.id)).where(*_window_filter(types, since, until))
    for ids, roles in groups:
        link = aliased(EventEntity)
        stmt = stmt.where(select(col(link.event_id)).where(
            col(link.event_id) == pk(Event.id), col(link.entity_id).in_(ids),
            *([col(link.role).in_(roles)] if roles else [])).exists())
    stmt = stmt.order_by(col(Event.date).desc().nulls_last(), pk(Event.id).desc()).limit(limit)
    return [row[0] for row in session.execute(stmt)]


def _bounded_sizes(session: Session, groups: list[Group], cap: int) -> list[int]:
    """How many links each group has, counted up to ``cap`` (one statement)."""
    parts = [select(literal(n).label("g"), func.count().label("n"))
             .select_from(_links(ids, roles).limit(cap).subquery())
             for n, (ids, roles) in enumerate(groups)]  # fmt: skip
    rows = dict(session.execute(union_all(*parts)).all()) if len(parts) > 1 else {
        0: session.execute(parts[0]).one()[1]}
    return [int(rows.get(n, 0)) for n in range(len(groups))]


def _recent_links(group: Group, window: int, type_roles: list[str], limit: int) -> Any:
    """The group's newest event ids, ``window`` in all, from each (entity, role) at least
    ``limit``: index-only backward scans of ix_event_entities_entity_role."""
    ids, roles = group
    pairs = [(i, r) for i in ids for r in (roles or type_roles)]
    each = max(limit, window // len(pairs))
    parts = [select(col(EventEntity.event_id))
             .where(col(EventEntity.entity_id) == i, col(EventEntity.role) == r)
             .order_by(col(EventEntity.event_id).desc()).limit(each)
             for i, r in pairs]  # fmt: skip
    return union_all(*[select(p.subquery().c.event_id) for p in parts])


def _select_ids(
    session: Session, groups: list[Group], types: Collection[str] | None,
    since: date | None, until: date | None, limit: int, *,
    recent: tuple[int, list[str]] | None = None,
) -> list[int]:  # fmt: skip
    stmt = select(pk(Event.id), col(Event.date))
    for n, (ids, wanted) in enumerate(groups):
        link = aliased(EventEntity, name=f"ee{n}")
        cond = [col(link.event_id) == pk(Event.id), col(link.entity_id).in_(ids)]
        if wanted:
            cond.append(col(link.role).in_(wanted))
        stmt = stmt.join(link, and_(*cond))
    if recent is not None and groups:
        window, type_roles = recent
        newest = _recent_links(groups[0], window, type_roles, limit)
        stmt = stmt.where(pk(Event.id).in_(newest))
    stmt = stmt.where(*_window_filter(types, since, until))
    stmt = stmt.distinct().order_by(col(Event.date).desc().nulls_last(),
                                    pk(Event.id).desc()).limit(limit)
    return [row[0] for row in session.execute(stmt)]


# ---------------------------------------------------------------- profiles


@dataclass(slots=True)
class Profile:
    """What the knowledge base knows about one company or person, newest first."""

    entity: EntityRef
    counts: dict[str, int] = field(default_factory=dict)  # events per type
    counts_complete: bool = True  # False: counted over the newest 5,000 links only
    deals: list[dict[str, Any]] = field(default_factory=list)
    people_in: list[dict[str, Any]] = field(default_factory=list)
    people_out: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    launches: list[dict[str, Any]] = field(default_factory=list)
    layoffs: list[dict[str, Any]] = field(default_factory=list)


def company_profile(session: Session, entity_id: int, *, per_kind: int = 10) -> Profile | None:
    """A company's recent deals, people moves in and out, figures, launches and layoffs."""
    profile = _profile(session, entity_id, per_kind)
    if profile is None:
        return None
    entity, records, counts, complete = profile
    out = Profile(entity, counts, complete)
    for record, role in records:
        kind = record["type"]
        if kind in DEALS:
            _add(out.deals, record)
        elif kind == "talent_move":
            _add(out.people_in if role == "to" else out.people_out, record)
        elif kind == "financial":
            _add(out.figures, record)
        elif kind == "product_launch":
            _add(out.launches, record)
        elif kind == "layoff":
            _add(out.layoffs, record)
    return out


def person_profile(session: Session, entity_id: int, *, per_kind: int = 10) -> Profile | None:
    """A person's moves (newest first) and any deals they took part in (as an investor)."""
    profile = _profile(session, entity_id, per_kind)
    if profile is None:
        return None
    entity, records, counts, complete = profile
    out = Profile(entity, counts, complete)
    for record, _role in records:
        _add(out.moves if record["type"] == "talent_move" else out.deals, record)
    return out


def _add(bucket: list[dict[str, Any]], record: dict[str, Any]) -> None:
    if all(r["id"] != record["id"] for r in bucket):
        bucket.append(record)


PROFILE_SAMPLE = 5_000
ALL_ROLES = tuple(dict.fromkeys(r for roles in TYPE_ROLES.values() for r in roles))


def _profile(
    session: Session, entity_id: int, per_kind: int
) -> tuple[EntityRef, list[tuple[dict[str, Any], str]], dict[str, int], bool] | None:
    """The entity, its newest events per (type, role), and its events per type (counted
    over its newest ``PROFILE_SAMPLE`` links when it has more: then ``complete`` is False)."""
    row = session.get(Entity, entity_id)
    if row is None or row.id is None:
        return None
    newest = _recent_links(([entity_id], None), PROFILE_SAMPLE, list(ALL_ROLES), per_kind)
    links = select(col(EventEntity.event_id), col(EventEntity.role)).where(
        col(EventEntity.entity_id) == entity_id, col(EventEntity.event_id).in_(newest)).subquery()
    rows = list(session.execute(select(links.c.event_id, links.c.role, col(Event.type),
                                       col(Event.date))
                                .join(Event, pk(Event.id) == links.c.event_id)).all())  # fmt: skip
    total = _bounded_sizes(session, [([entity_id], None)], PROFILE_SAMPLE + 1)[0]
    rows.sort(key=lambda r: (r[3] or "", r[0]), reverse=True)
    counts: dict[str, int] = defaultdict(int)
    picked: list[tuple[int, str]] = []
    taken: dict[tuple[str, str], int] = defaultdict(int)
    for event_id, role, kind, _date in rows:
        counts[kind] += 1
        if taken[(kind, role)] < per_kind:
            taken[(kind, role)] += 1
            picked.append((event_id, role))
    records = {r["id"]: r for r in event_records(session, list(dict.fromkeys(i for i, _ in picked)))}
    pairs = [(records[i], role) for i, role in picked if i in records]
    entity = EntityRef(row.id, row.name, row.kind)
    return entity, pairs, dict(counts), total <= PROFILE_SAMPLE
