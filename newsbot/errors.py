"""Errors newsbot raises on purpose, all under one root.

    NewsbotError
    ├── ConfigError          a settings file or variable is wrong (names file, line and key)
    ├── DatabaseError        the knowledge base cannot be opened or migrated
    │   └── ReadOnlyError    a read-only query tried to write or broke a limit
    ├── FetchError           a page or feed could not be fetched (status, timeout, size, robots)
    │   └── BlockedURLError  a URL is refused before fetching (robots.txt, private address)
    ├── ParseError           bytes that are not an article, feed or sitemap
    ├── ExtractionError      an extractor failed (for the LLM one: after its retries)
    └── QuestionError        a question that cannot be understood at all

The CLI turns any NewsbotError into a one-line message and exit status 1; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations


class NewsbotError(Exception):
    """Root of every error newsbot raises on purpose."""


class ConfigError(NewsbotError):
    """A configuration file or environment variable is invalid."""


class DatabaseError(NewsbotError):
    """The knowledge base cannot be opened, migrated or queried."""


class ReadOnlyError(DatabaseError):
    """A read-only query tried to write, or broke its row or time limit."""


class FetchError(NewsbotError):
    """A URL could not be fetched."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class BlockedURLError(FetchError):
    """A URL refused before any request: robots.txt, or a private address not allowed."""


class ParseError(NewsbotError):
    """Bytes that could not be read as an article, feed or sitemap."""


class ExtractionError(NewsbotError):
    """An extractor failed for good."""


class QuestionError(NewsbotError):
    """A question newsbot cannot understand at all."""
