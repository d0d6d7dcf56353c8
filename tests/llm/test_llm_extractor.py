"""The LLM extractor against a real chat-completions server on 127.0.0.1.

The server is the standard library's http.server in a thread; each test scripts its replies
(an answer, a status with headers, or a slow answer) and reads back what was asked.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from newsbot.core.article import Article
from newsbot.errors import ConfigError, ExtractionError
from newsbot.llm import (
    PROMPT_VERSION,
    ChatClient,
    LLMExtractor,
    MemoryCache,
    SqlCache,
    api_key_from_env,
    cache_key,
)
from newsbot.llm.answer import RESPONSE_FORMAT, SCHEMA, check_answer
from newsbot.llm.cache import LLM_CACHE
from newsbot.llm.client import _retry_after

KEY = "sk-test-0123456789abcdef-SECRET"
MODEL = "test-model"

ARTICLE = Article(
    url="https://news.example/acme-series-b",
    title="Acme Robotics raises $120 million",
    text=(
        "Acme Robotics, a maker of warehouse robots, said on Tuesday it raised $120 million "
        "in a Series B round led by Sequoia Capital.\n\n"
        "The company also hired Jane Doe, formerly of Globex, as chief technology officer."
    ),
    lang="en",
    published_at=datetime(2026, 3, 3, tzinfo=UTC),
)
INVESTMENT_SENTENCE = (
    "Acme Robotics, a maker of warehouse robots, said on Tuesday it raised $120 million "
    "in a Series B round led by Sequoia Capital."
)
HIRE_SENTENCE = "The company also hired Jane Doe, formerly of Globex, as chief technology officer."
EVENT_KEYS = list(SCHEMA["properties"]["events"]["items"]["properties"])


def event(**fields: Any) -> dict[str, Any]:
    """A schema-complete event: every field null but those given."""
    return {key: None for key in EVENT_KEYS} | {"confidence": 0.9} | fields


def answer(*events: dict[str, Any], entities: list[dict[str, Any]] | None = None) -> str:
    return json.dumps({"events": list(events), "entities": entities or []})


VALID = answer(
    event(type="investment", company="Acme Robotics", investors=["Sequoia Capital"],
          amount_usd=120_000_000, round="Series B", amount=120_000_000, currency="USD",
          sentence=INVESTMENT_SENTENCE),
    event(type="talent_move", person="Jane Doe", **{"from": "Globex", "to": "Acme Robotics"},
          role="chief technology officer", sentence=HIRE_SENTENCE),
    entities=[{"name": "Acme Robotics", "kind": "company", "aliases": ["Acme"]}],
)


# ---------------------------------------------------------------- the server


class ChatServer:
    """Scripted replies, one per request; records every request's headers and body."""

    def __init__(self) -> None:
        self.script: list[tuple[Any, ...]] = []
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,),
                                       daemon=True)
        self.endpoint = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def reply(self, *steps: tuple[Any, ...]) -> None:
        self.script.extend(steps)

    def _next(self, request: dict[str, Any]) -> tuple[Any, ...]:
        with self.lock:
            self.requests.append(request)
            return self.script.pop(0) if self.script else ("status", 500, {}, "no reply scripted")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                try:
                    body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                    step = server._next({"path": self.path, "headers": dict(self.headers),
                                         "body": body})
                    self._play(step)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass  # the client gave up (a timeout test)

            def _play(self, step: tuple[Any, ...]) -> None:
                if step[0] == "slow":
                    time.sleep(step[1])
                    step = ("answer", step[2])
                if step[0] == "answer":
                    payload = {"id": "x", "object": "chat.completion", "model": MODEL,
                               "choices": [{"index": 0, "finish_reason": "stop",
                                            "message": {"role": "assistant",
                                                        "content": step[1]}}]}
                    self._send(200, {}, json.dumps(payload))
                else:
                    self._send(step[1], step[2], step[3])

            def _send(self, status: int, headers: dict[str, str], body: str) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[ChatServer]:
    with ChatServer() as srv:
        yield srv


def make(server: ChatServer, cache: Any = None, *, timeout: float = 5.0, retries: int = 2,
         backoff: float = 0.01) -> LLMExtractor:
    client = ChatClient(server.endpoint, MODEL, api_key=KEY, timeout=timeout,
                        max_retries=retries, backoff=backoff)
    return LLMExtractor(server.endpoint, MODEL, KEY, cache, timeout, retries, client=client)


# ---------------------------------------------------------------- tests


def test_a_valid_answer_becomes_events(server: ChatServer) -> None:
    server.reply(("answer", VALID))
    with make(server) as llm:
        result = llm.extract(ARTICLE)
    investment, move = result.events
    assert investment.to_dict() == {
        "type": "investment", "company": "Acme Robotics", "investors": ["Sequoia Capital"],
        "amount_usd": 120_000_000, "round": "Series B",
    }
    assert investment.sentence == INVESTMENT_SENTENCE and investment.confidence == 0.9
    assert investment.money is not None and investment.money.currency == "USD"
    assert move.to_dict() == {"type": "talent_move", "person": "Jane Doe", "from": "Globex",
                              "to": "Acme Robotics", "role": "chief technology officer"}
    assert result.entities["Acme Robotics"].aliases == ("Acme",)
    assert result.entities["Jane Doe"].kind == "person"
    assert result.entities["Sequoia Capital"].kind == "company"
    (request,) = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == f"Bearer {KEY}"
    body = request["body"]
    assert body["model"] == MODEL and body["temperature"] == 0
    assert body["response_format"] == RESPONSE_FORMAT
    assert body["messages"][0]["role"] == "system"
    assert ARTICLE.text in body["messages"][1]["content"]


def test_an_invalid_answer_is_asked_again_with_its_errors(server: ChatServer) -> None:
    invalid = answer(
        event(type="investment", company=None, amount_usd="120 million",
              sentence="Acme raised a lot of money."),
        event(type="merger", sentence=HIRE_SENTENCE),
    )
    server.reply(("answer", invalid), ("answer", VALID))
    with make(server) as llm:
        result = llm.extract(ARTICLE)
    assert [e.type for e in result.events] == ["investment", "talent_move"]
    assert len(server.requests) == 2
    messages = server.requests[1]["body"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[2]["content"] == invalid
    feedback = messages[3]["content"]
    for problem in ("company is required", "amount_usd: must be a number",
                    "sentence must be copied exactly", "type must be one of"):
        assert problem in feedback


def test_text_that_is_not_json_is_asked_again(server: ChatServer) -> None:
    server.reply(("answer", "Sure! Here are the events: ..."), ("answer", f"```json\n{VALID}\n```"))
    with make(server) as llm:
        assert len(llm.extract(ARTICLE).events) == 2
    assert "not valid JSON" in server.requests[1]["body"]["messages"][3]["content"]


def test_no_json_after_the_reasks_is_an_error(server: ChatServer) -> None:
    server.reply(*[("answer", "no idea")] * 3)
    with make(server) as llm, pytest.raises(ExtractionError, match="no valid JSON"):
        llm.extract(ARTICLE)
    assert len(server.requests) == 3


def test_events_still_invalid_after_the_reasks_are_dropped_and_not_cached(
    server: ChatServer,
) -> None:
    partly = answer(
        event(type="investment", company="Acme Robotics", sentence=INVESTMENT_SENTENCE),
        event(type="layoff", company="Acme Robotics", count=50, sentence="Acme cut 50 jobs."),
    )
    server.reply(*[("answer", partly)] * 3, ("answer", VALID))
    with make(server) as llm:
        assert [e.type for e in llm.extract(ARTICLE).events] == ["investment"]
        assert len(server.requests) == 3
        assert len(llm.extract(ARTICLE).events) == 2  # not cached: asked again
    assert len(server.requests) == 4


def test_429_with_retry_after_then_success(server: ChatServer) -> None:
    server.reply(("status", 429, {"Retry-After": "1"}, '{"error": "slow down"}'),
                 ("answer", VALID))
    with make(server) as llm:
        start = time.monotonic()
        assert len(llm.extract(ARTICLE).events) == 2
        waited = time.monotonic() - start
    assert len(server.requests) == 2
    assert 0.9 <= waited < 4


def test_5xx_is_retried_and_then_fails_cleanly(server: ChatServer) -> None:
    server.reply(("status", 503, {}, "busy"), ("answer", VALID))
    with make(server) as llm:
        assert len(llm.extract(ARTICLE).events) == 2
    server.reply(*[("status", 502, {}, "bad gateway")] * 3)
    with make(server, retries=2) as llm, pytest.raises(ExtractionError, match="3 attempts"):
        llm.extract(ARTICLE)


def test_a_timeout_is_retried(server: ChatServer) -> None:
    server.reply(("slow", 1.0, VALID), ("answer", VALID))
    with make(server, timeout=0.3) as llm:
        assert len(llm.extract(ARTICLE).events) == 2
    assert len(server.requests) == 2


def test_timeouts_until_the_retries_run_out(server: ChatServer) -> None:
    server.reply(("slow", 1.0, VALID), ("slow", 1.0, VALID))
    with (
        make(server, timeout=0.3, retries=1) as llm,
        pytest.raises(ExtractionError, match="2 attempts: ReadTimeout"),
    ):
        llm.extract(ARTICLE)


def test_a_cache_hit_makes_no_second_request(server: ChatServer) -> None:
    server.reply(("answer", VALID))
    cache = MemoryCache()
    with make(server, cache) as llm:
        first = llm.extract(ARTICLE)
        second = llm.extract(ARTICLE)
    assert len(server.requests) == 1
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in second.events]
    assert [e.sentence for e in second.events] == [INVESTMENT_SENTENCE, HIRE_SENTENCE]
    assert second.events[0].money == first.events[0].money
    assert list(cache.data) == [cache_key(MODEL, PROMPT_VERSION,
                                          f"{ARTICLE.title}\n\n{ARTICLE.text}")]


def test_the_sql_cache_survives_a_new_extractor(server: ChatServer, engine: Engine) -> None:
    server.reply(("answer", VALID))
    with make(server, SqlCache(engine)) as llm:
        llm.extract(ARTICLE)
    with make(server, SqlCache(engine)) as llm:
        assert len(llm.extract(ARTICLE).events) == 2
    assert len(server.requests) == 1
    with engine.connect() as conn:
        rows = conn.execute(sa.select(LLM_CACHE.c.model, LLM_CACHE.c.created_at)).all()
    assert len(rows) == 1 and rows[0].model == MODEL
    SqlCache(engine).put("k", "v1", model=MODEL)
    SqlCache(engine).put("k", "v2", model=MODEL)
    assert SqlCache(engine).get("k") == "v2" and SqlCache(engine).get("absent") is None


def test_the_key_never_appears_in_logs_errors_or_reprs(
    server: ChatServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.reply(("status", 503, {}, "busy"), ("answer", VALID),
                 ("status", 401, {}, f'{{"error": "bad key {KEY}"}}'))
    with make(server) as llm:
        llm.extract(ARTICLE)
        other = Article(url="https://news.example/2", title="t", text="x", lang="en")
        with pytest.raises(ExtractionError) as failure:
            llm.extract(other)
        shown = repr(llm)
    assert "401" in str(failure.value)
    assert "llm_retry" in caplog.text
    for text in (caplog.text, str(failure.value), shown):
        assert KEY not in text
    assert all(r["headers"]["Authorization"] == f"Bearer {KEY}" for r in server.requests)


def test_no_key_sends_no_authorization(server: ChatServer) -> None:
    server.reply(("answer", VALID))
    with LLMExtractor(server.endpoint, MODEL) as llm:
        llm.extract(ARTICLE)
    assert "Authorization" not in server.requests[0]["headers"]


def test_api_key_from_env() -> None:
    assert api_key_from_env("MY_KEY", {"MY_KEY": " abc "}) == "abc"
    assert api_key_from_env(None, {}) is None
    with pytest.raises(ConfigError, match="MY_KEY"):
        api_key_from_env("MY_KEY", {})


def test_retry_after_forms() -> None:
    assert _retry_after("3") == 3.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    wait = _retry_after(later)
    assert wait is not None and 25 <= wait <= 31


def test_sentences_match_across_width_and_spacing() -> None:
    text = "米メタ・プラットフォームズは、ＡＩ新興の米スケールＡＩに143億ドルを出資すると発表した。"
    content = answer(event(
        type="investment", company="Scale AI", investors=["Meta"], amount_usd=14.3e9,
        sentence="米メタ・プラットフォームズは、AI新興の米スケールAIに143億ドルを出資すると発表した。",
    ))
    checked = check_answer(content, text)
    assert checked.errors == [] and checked.extraction.events[0].fields["company"] == "Scale AI"


def test_the_schema_is_strict_and_complete() -> None:
    assert RESPONSE_FORMAT["type"] == "json_schema"
    assert RESPONSE_FORMAT["json_schema"]["strict"] is True
    item = SCHEMA["properties"]["events"]["items"]
    assert set(item["required"]) == set(item["properties"])
    assert item["additionalProperties"] is False
    for name in ("company", "investors", "from", "to", "metric", "status", "sentence", "count"):
        assert name in item["properties"]
