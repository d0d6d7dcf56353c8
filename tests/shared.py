"""Where the evaluation kit (../shared) is, and how tests that need it behave without it.

A user's checkout has no ../shared: those tests skip with a reason. In CI (CI=true) the
kit must be there, so its absence fails instead of hiding a regression behind a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_shared() -> Path:
    """The shared folder; skips (or, in CI, fails) the calling test when it is absent."""
    if not (SHARED / "corpus").is_dir():
        message = f"the evaluation kit is not at {SHARED}"
        if IN_CI:
            pytest.fail(message + " (CI=true: it must be)")
        pytest.skip(message)
    return SHARED
