"""Japanese rules (owned by the Japanese-rules helper): ``extract_events(doc) -> list[Event]``.

A placeholder until those rules land: it finds nothing.
"""

from __future__ import annotations

from newsbot.core.events import Event
from newsbot.core.extract.document import Document


def extract_events(doc: Document) -> list[Event]:
    """The events of a Japanese article (none yet)."""
    return []
