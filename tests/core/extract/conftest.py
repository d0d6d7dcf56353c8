"""The built-in registry, loaded once for every extraction test that asks for it."""

from __future__ import annotations

import pytest

from newsbot.core.registry import Registry


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.default()
