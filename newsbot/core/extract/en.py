"""English rules: ``extract_events(doc) -> list[Event]``."""

from __future__ import annotations

from newsbot.core.events import Event
from newsbot.core.extract.document import Document


def extract_events(doc: Document) -> list[Event]:
    """The events of an English article."""
    return []
