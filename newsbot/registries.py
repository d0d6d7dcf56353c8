"""The entity registry a set of settings asks for: the packaged one plus configured entities.

Kept apart from ``newsbot.app`` so that light commands (``newsbot ask``) can build it
without importing the crawler and extractors.
"""

from __future__ import annotations

from newsbot.config import Settings
from newsbot.core.registry import Registry


def configured_registry(settings: Settings) -> Registry:
    """``Registry.default()`` with ``[[extraction.entities]]`` merged in."""
    extra = settings.extraction.entities
    if not extra:
        return Registry.default()
    additions = {
        kind: [{"name": e.name, "aliases": e.aliases} for e in extra if e.kind == kind]
        for kind in ("company", "person", "product")
    }
    return Registry.default().merge(Registry.from_data(additions))
