"""The optional LLM extractor: an article goes to a chat-completions endpoint with a JSON
schema, the answer is validated (re-asking with the problems when it is wrong) and becomes
the same ``Extraction`` the rules extractor produces.

Answers are cached by sha256(model + PROMPT_VERSION + hash of the article's title and text),
so re-reading an article never calls the model twice; change PROMPT_VERSION whenever the
prompt or the schema changes.
"""

from __future__ import annotations

import json
import logging

from newsbot.core.article import Article
from newsbot.core.events import Extraction
from newsbot.errors import ExtractionError
from newsbot.llm.answer import RESPONSE_FORMAT, Checked, check_answer, describe_fields
from newsbot.llm.cache import LLMCache, MemoryCache, cache_key
from newsbot.llm.client import ChatClient

__all__ = ["MAX_TEXT", "PROMPT_VERSION", "LLMExtractor", "build_messages"]

log = logging.getLogger(__name__)

PROMPT_VERSION = "events-v1"
MAX_TEXT = 24_000  # characters of article text sent; news articles are far shorter

SYSTEM_PROMPT = f"""\
You read one AI-industry news article (English or Japanese) and record the business events it
states, the way a careful analyst would. Answer with one JSON object that follows the schema:
{{"events": [...], "entities": [...]}}. No prose, no Markdown.

Event types and their fields:
{describe_fields()}

Every event object carries every field of the schema: the fields of its type filled in when
the article says them, all other fields null.

Rules:
- Names of companies, people and products in their usual English form ("メタ" -> "Meta",
  "ソフトバンクグループ" -> "SoftBank Group", "ギヨーム・ランプル" -> "Guillaume Lample"),
  without country prefixes (米, 英) or legal suffixes (Inc., 株式会社).
- Money in US dollars as plain numbers (amount_usd, valuation_usd, value_usd), converted at the
  article's own figure when it gives one ("143億ドル" -> 14300000000); also give the amount as
  stated in "amount" and its ISO currency in "currency" ("1兆円" -> 1000000000000, "JPY").
- investment: company receives the money; investors lists who pays; valuation_usd is
  post-money when both are given; round like "Series B". acquisition: acquirer buys target.
  partnership: two or more companies and a short summary. customer: vendor sells to customer;
  a licence deal is a customer event with the licensor as vendor; status is active, paused or
  ended. talent_move: person moves from one company to another; from or to may be null; role
  is the role at the destination; founding a company is a move to it with role "co-founder";
  an internal promotion moves from and to the same company. financial: metric is revenue,
  arr, valuation, gross_margin or funding_total, for a period such as "2024" or "2024-08".
  product_launch: company releases product. layoff: company cuts count jobs.
- Record past events the article states as fact, and agreed deals awaiting approval. Do not
  record rumours, talks, plans, denials, refused offers or things that did not happen.
- Only the article body counts, one event per real event.
- "sentence": copy, character for character, the one sentence of the article that states
  the event. "confidence": 0 to 1, how sure you are the event is stated.
- "date": when it happened if the article says (2024-08-01, 2024-08 or 2024), else null.
- "entities": each company, person and product in your events, with the names the article
  uses for it in "aliases" (other spellings, Japanese names).
If the article states no such event, answer {{"events": [], "entities": []}}.
"""


def article_input(article: Article) -> str:
    """The part of the article the model reads, and whose hash keys the cache."""
    return f"{article.title.strip()}\n\n{article.text[:MAX_TEXT]}"


def build_messages(article: Article) -> list[dict[str, str]]:
    published = article.published_at.date().isoformat() if article.published_at else "unknown"
    user = (f"Language: {article.lang}\nPublished: {published}\nURL: {article.url}\n\n"
            f"Title and text:\n{article_input(article)}")
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def _reask(errors: list[str]) -> str:
    listed = "\n".join(f"- {e}" for e in errors[:20])
    return ("Your answer does not pass validation:\n" + listed +
            "\nAnswer again with the whole corrected JSON object only. Drop an event rather "
            "than invent a sentence the article does not contain.")


class LLMExtractor:
    """Article -> Extraction through an OpenAI-compatible endpoint (off by default)."""

    name = "llm"

    def __init__(
        self,
        endpoint: str,
        model: str,
        api_key: str | None = None,
        cache: LLMCache | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        *,
        reasks: int = 2,
        client: ChatClient | None = None,
    ) -> None:
        self.model = model
        self.cache: LLMCache = cache if cache is not None else MemoryCache()
        self.reasks = max(0, reasks)
        self.client = client or ChatClient(
            endpoint, model, api_key=api_key, timeout=timeout, max_retries=max_retries
        )

    def __repr__(self) -> str:
        return f"LLMExtractor(model={self.model!r}, client={self.client!r})"

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> LLMExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def extract(self, article: Article) -> Extraction:
        """The events the model finds, validated; raises ExtractionError when the endpoint
        fails after its retries or never answers with the JSON object asked for."""
        key = cache_key(self.model, PROMPT_VERSION, article_input(article))
        haystack = article_input(article)
        cached = self.cache.get(key)
        if cached is not None:
            checked = check_answer(cached, haystack)
            if not checked.errors:
                log.debug("llm_cache_hit model=%s url=%s", self.model, article.url)
                return checked.extraction
        checked = self._ask(article, haystack)
        if not checked.errors:
            self.cache.put(key, _canonical_json(checked), model=self.model)
        return checked.extraction

    def _ask(self, article: Article, haystack: str) -> Checked:
        messages = build_messages(article)
        for attempt in range(self.reasks + 1):
            content = self.client.complete(messages, response_format=RESPONSE_FORMAT)
            checked = check_answer(content, haystack)
            if not checked.errors:
                return checked
            log.info("llm_invalid_answer model=%s url=%s attempt=%d errors=%d",
                     self.model, article.url, attempt + 1, len(checked.errors))
            messages += [{"role": "assistant", "content": content},
                         {"role": "user", "content": _reask(checked.errors)}]
        if not checked.parsed:
            raise ExtractionError(
                f"LLM {self.model} gave no valid JSON for {article.url} after "
                f"{self.reasks + 1} answers: {checked.errors[0]}"
            )
        log.warning("llm_events_dropped model=%s url=%s errors=%d kept=%d", self.model,
                    article.url, len(checked.errors), len(checked.extraction.events))
        return checked


def _canonical_json(checked: Checked) -> str:
    """The validated answer as stored: the events and entities that passed."""
    extraction = checked.extraction
    events = []
    for event in extraction.events:
        item = {**event.to_dict(), "sentence": event.sentence, "confidence": event.confidence,
                "date": event.date}
        if event.money is not None:
            item |= {"amount": event.money.amount, "currency": event.money.currency}
        events.append(item)
    entities = [{"name": e.name, "kind": e.kind, "aliases": list(e.aliases)}
                for e in extraction.entities.values()]
    return json.dumps({"events": events, "entities": entities}, ensure_ascii=False)
