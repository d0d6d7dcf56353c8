"""Answering a question from the knowledge base: understand it, retrieve, compose.

``Answerer.ask`` parses the question (``newsbot.core.ask``) with a matcher that knows the
registry and the knowledge base's own names, runs the planned queries (``newsbot.queries``),
strictest first, and composes the answer with its sources. With ``rephrase`` (settings
``ask.llm``), a language model may then reword the composed answer — it gets the answer and
the events, never the database — and its wording is kept only when it adds no number or name.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsbot.core.ask import (
    Answer,
    Intent,
    Query,
    Slot,
    Source,
    anchor_query,
    anchor_window,
    compose_answer,
    context_queries,
    not_understood,
    parse_question,
    plan_queries,
    select_events,
)
from newsbot.core.ask_llm import accept_rephrasing, rephrase_messages
from newsbot.core.ask_names import AliasMatcher, government_spellings
from newsbot.core.registry import Registry
from newsbot.errors import NewsbotError, QuestionError
from newsbot.queries import (
    KnowledgeMatcher,
    entity_ids,
    event_ids,
    family_ids,
    registry_matcher,
)
from newsbot.store.events import event_records

if TYPE_CHECKING:
    from newsbot.app import App
    from newsbot.config import Settings

__all__ = ["Answer", "Answerer", "Source", "answerer_for", "answerer_from"]

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Rephrase = Callable[[list[dict[str, str]]], str]
Ids = dict[str, list[int]]
Records = list[dict[str, Any]]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Answerer:
    """Answers questions about one knowledge base. Safe to share between threads: each
    ``ask`` opens its own session."""

    def __init__(
        self, engine: Engine, registry: Registry, *, max_sources: int = 5,
        clock: Clock = utcnow, rephrase: Rephrase | None = None,
    ) -> None:  # fmt: skip
        self.engine = engine
        self.registry = registry
        self.max_sources = max_sources
        self.clock = clock
        self.rephrase = rephrase

    @cached_property
    def known(self) -> AliasMatcher:
        """Every registry name, indexed once."""
        return registry_matcher(self.registry)

    def ask(self, question: str) -> Answer:
        """The answer to ``question``; a question that cannot be understood gets a polite
        answer saying so (``understood`` False), never an exception."""
        started = time.perf_counter()
        with Session(self.engine) as session:
            _short_queries(session)
            try:
                intent = parse_question(question, entities=self.matcher(session),
                                        today=self.clock().date())  # fmt: skip
            except QuestionError as exc:
                return _not_understood(question, exc)
            answer = self._answer(session, intent)
        if self.rephrase is not None and answer.found:
            answer = self._rephrased(intent, answer)
        log.info("answered lang=%s types=%s entities=%s events=%d ms=%.1f", intent.lang,
                 ",".join(intent.types), ",".join(intent.entities), len(answer.events),
                 (time.perf_counter() - started) * 1000)  # fmt: skip
        return answer

    def matcher(self, session: Session) -> KnowledgeMatcher:
        return KnowledgeMatcher(session, self.registry, self.known)

    def understand(self, question: str) -> Intent:
        """The intent of ``question`` (raises QuestionError when there is none)."""
        with Session(self.engine) as session:
            return parse_question(question, entities=self.matcher(session),
                                  today=self.clock().date())  # fmt: skip

    def _answer(self, session: Session, intent: Intent) -> Answer:
        slots = [*intent.slots, *([intent.anchor] if intent.anchor else [])]
        if intent.unknown and not slots:
            return compose_answer(intent, [], max_sources=self.max_sources)  # only the note
        ids = self._ids(session, slots)
        family: dict[str, list[int]] = {}
        if any(not ids.get(s.name) for s in slots):
            family = family_ids(session, self._kin(slots))
            missing = [s.surface if intent.lang == "ja" and not s.surface.isascii() else s.name
                       for s in slots if not ids.get(s.name) and not family.get(s.name)]
            if missing:
                return compose_answer(intent, [], max_sources=self.max_sources, missing=missing)
            ids = {s.name: ids.get(s.name) or family[s.name] for s in slots}
        ids.update(self._ids(session, list(intent.context)))  # a context nobody knows: none
        events = self._retrieve(session, intent, ids)
        if slots and not select_events(intent, events):
            family = family or family_ids(session, self._kin(slots))
            wider = {n: sorted({*ids[n], *family.get(n, ())}) if n in family else ids[n]
                     for n in ids}
            if wider != ids:  # "SoftBank": the companies of the group
                events = self._retrieve(session, intent, wider)
        return compose_answer(intent, events, max_sources=self.max_sources)

    def _ids(self, session: Session, slots: list[Slot]) -> Ids:
        """Stored ids of each entity asked about, under any spelling of a government's name."""
        spellings = {s.name: government_spellings(s.name) for s in slots}
        found = entity_ids(session, [n for names in spellings.values() for n in names])
        return {name: sorted({i for n in names for i in found.get(n, ())})
                for name, names in spellings.items() if any(n in found for n in names)}

    def _kin(self, slots: list[Slot]) -> dict[str, tuple[str, ...]]:
        """Names to widen each entity to: itself, the words used, its parent company
        ("OpenAI Japan" → OpenAI) and, for a product, its maker."""
        kin: dict[str, tuple[str, ...]] = {}
        for slot in slots:
            entry = self.registry.lookup(slot.name)
            related = (entry.parent, entry.company) if entry is not None else ()
            kin[slot.name] = (slot.name, slot.surface, *(r for r in related if r))
        return kin

    def _retrieve(self, session: Session, intent: Intent, ids: Ids) -> Records:
        """The planned queries, tier by tier, until one finds events that answer."""
        pooled: Records = []
        window = None
        first = anchor_query(intent)
        if first is not None:
            pooled += self._run(session, first, ids)
            window = anchor_window(intent, pooled)
            if window is None:
                return []
        events = pooled
        for tier in plan_queries(intent, window=window):
            events = pooled + [e for query in tier for e in self._run(session, query, ids)]
            if select_events(intent, events):
                break
        return events + self._context(session, intent, ids, events)

    def _context(self, session: Session, intent: Intent, ids: Ids, events: Records) -> Records:
        """The deals that date a figure ("xAI's valuation when it bought X"), fetched only when
        there are several figures to choose between."""
        if len(select_events(intent, events)) < 2:
            return []
        return [e for query in context_queries(intent)
                if all(name in ids for name, _ in query.where)
                for e in self._run(session, query, ids)]  # fmt: skip

    def _run(self, session: Session, query: Query, ids: Ids) -> Records:
        groups = [(ids[name], roles or None) for name, roles in query.where]
        found = event_ids(session, groups, types=query.types, since=query.since,
                          until=query.until, limit=query.limit, bounded=query.bounded)  # fmt: skip
        return event_records(session, found)

    def _rephrased(self, intent: Intent, answer: Answer) -> Answer:
        body, _, tail = answer.text.partition("\nSources:" if answer.lang == "en" else "\n出典:")
        messages = rephrase_messages(intent.question, body, answer.events, answer.lang)
        assert self.rephrase is not None
        try:
            candidate = self.rephrase(messages)
        except NewsbotError as exc:
            log.warning("rephrase_failed error=%s", exc)
            return answer
        if not accept_rephrasing(candidate, body, intent.question, answer.events, answer.lang):
            log.info("rephrase_refused")
            return answer
        sources = ("\nSources:" if answer.lang == "en" else "\n出典:") + tail if tail else ""
        return replace(answer, text=candidate.strip() + sources)


def _short_queries(session: Session) -> None:
    """On PostgreSQL, no JIT compilation: answering runs a handful of short queries, which
    the planner may cost high on big names, and compiling them takes longer than running."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


def _not_understood(question: object, exc: QuestionError) -> Answer:
    text = question if isinstance(question, str) else ""
    lang = "ja" if any("\u3040" <= c <= "\u9fff" for c in text[:1000]) else "en"
    reason = f" ({exc})" if lang == "en" else f"（{exc}）"
    return Answer(not_understood(lang) + reason, lang=lang, understood=False)


def answerer_for(app: App) -> Answerer:
    """The answerer of a wired application, with the LLM rephrasing when ``ask.llm`` is on."""
    return _answerer(app.settings, app.engine, app.registry)


def answerer_from(settings: Settings) -> Answerer:
    """What ``answerer_for(App(settings))`` builds — the migrated knowledge base and the
    registry with the configured entities — without importing the crawler and extractors
    ``newsbot.app`` wires, so that ``newsbot ask`` starts faster. Dispose ``.engine`` after."""
    from newsbot.registries import configured_registry
    from newsbot.store.db import open_database

    return _answerer(settings, open_database(settings.database_url), configured_registry(settings))


def _answerer(settings: Settings, engine: Engine, registry: Registry) -> Answerer:
    rephrase: Rephrase | None = None
    if settings.ask.llm:
        from newsbot.llm.client import ChatClient

        key = settings.llm_api_key
        client = ChatClient(settings.extraction.llm_endpoint, settings.extraction.llm_model,
                            api_key=key.get_secret_value() if key else None,
                            timeout=settings.extraction.llm_timeout,
                            max_retries=settings.extraction.llm_retries)  # fmt: skip
        rephrase = client.complete
    return Answerer(engine, registry, max_sources=settings.ask.max_sources,
                    rephrase=rephrase)  # fmt: skip
