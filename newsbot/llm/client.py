"""A small client for OpenAI-compatible chat-completions endpoints (OpenAI, Ollama, vLLM,
llama.cpp server): one POST, timeouts, retries with backoff on 429, 5xx, timeouts and
connection errors, honouring Retry-After.

The API key goes into the Authorization header and nowhere else: it is never logged, never
part of an error message, and hidden from ``repr``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from newsbot.errors import ConfigError, ExtractionError

__all__ = ["ChatClient", "api_key_from_env"]

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
USER_AGENT = "newsbot-llm/0.1"


def api_key_from_env(var: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The key held in the environment variable the settings name (None: no key needed)."""
    if not var:
        return None
    value = (os.environ if environ is None else environ).get(var, "").strip()
    if not value:
        raise ConfigError(f"the LLM API key variable {var} is not set")
    return value


class ChatClient:
    """POST ``{endpoint}/chat/completions``; ``complete`` returns the first choice's content.

    ``max_retries`` extra attempts follow a 429, a 5xx, a timeout or a connection error,
    after the server's Retry-After (capped at ``max_wait``) or an exponential backoff.
    """

    def __init__(
        self,
        endpoint: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        backoff: float = 0.5,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = endpoint.rstrip("/") + "/chat/completions"
        self.model = model
        self.max_retries = max(0, max_retries)
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep
        self._key = api_key or None
        headers = {"User-Agent": USER_AGENT, "Content-Type": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        self._http = httpx.Client(headers=headers, timeout=timeout, transport=transport)

    def __repr__(self) -> str:
        key = "set" if self._key else "none"
        return f"ChatClient(url={self.url!r}, model={self.model!r}, api_key={key})"

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        response_format: dict[str, Any] | None = None,
        temperature: float = 0.0,
    ) -> str:
        """The assistant's reply text; raises ExtractionError when the endpoint fails for good."""
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": temperature,
        }
        if response_format is not None:
            payload["response_format"] = response_format
        return _content(self._post(payload))

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        attempt = 0
        while True:
            try:
                response = self._http.post(self.url, json=payload)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                problem, wait = type(exc).__name__, self._backoff_wait(attempt)
            else:
                if response.status_code < 300:
                    return _json(response)
                if response.status_code not in RETRY_STATUSES:
                    raise ExtractionError(self._scrub(_status_message(response)))
                problem, wait = f"status {response.status_code}", self._wait(response, attempt)
            attempt += 1
            if attempt > self.max_retries:
                raise ExtractionError(
                    f"LLM endpoint {self.url} failed after {attempt} attempts: {problem}"
                )
            log.warning("llm_retry model=%s attempt=%d problem=%s wait=%.2f",
                        self.model, attempt, problem, wait)
            self._sleep(wait)

    def _backoff_wait(self, attempt: int) -> float:
        return float(min(self.max_wait, self.backoff * 2**attempt))

    def _wait(self, response: httpx.Response, attempt: int) -> float:
        after = _retry_after(response.headers.get("Retry-After"))
        if after is None:
            return self._backoff_wait(attempt)
        return min(self.max_wait, after)

    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "[redacted]") if self._key else text


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as exc:
        raise ExtractionError(f"LLM endpoint answered with non-JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ExtractionError("LLM endpoint answered with JSON that is not an object")
    return data


def _content(data: dict[str, Any]) -> str:
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise ExtractionError("LLM endpoint answer has no choices[0].message.content") from None
    if not isinstance(content, str):
        raise ExtractionError("LLM endpoint answer content is not text")
    return content


def _status_message(response: httpx.Response) -> str:
    body = response.text.strip().replace("\n", " ")[:300]
    return f"LLM endpoint {response.request.url} answered {response.status_code}: {body}"
