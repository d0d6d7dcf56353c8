"""The package layout is the architecture: dependencies point one way, towards the pure core.

core imports nothing of newsbot but core and errors; crawl, store and bot import core (and
config/errors) but never each other; importing a module starts nothing.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsbot"
ALLOWED = {
    "core": {"core", "errors"},
    "crawl": {"crawl", "core", "config", "errors"},
    "store": {"store", "core", "config", "errors"},
    "bot": {"bot", "core", "config", "errors", "knowledge", "answers", "queries", "digests", "app"},
    "llm": {"llm", "core", "errors"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("newsbot.") and n.count(".") >= 1}
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_inwards(layer: str) -> None:
    wrong = {
        f"{path.relative_to(PACKAGE)} imports newsbot.{name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in _imports(path) - ALLOWED[layer]
    }
    assert not wrong, sorted(wrong)


def test_importing_everything_starts_nothing() -> None:
    """Import every module in a fresh interpreter: no config read, no connection, no thread."""
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, threading, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "assert threading.active_count() == 1, threading.enumerate()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr[-2000:]
