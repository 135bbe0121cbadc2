"""The layer rule: the core knows nothing of Slack, Teams, SQL, the scheduler or the wall clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "bot"
FORBIDDEN_IMPORTS = (
    "slack_bolt", "slack_sdk", "msal", "sqlalchemy", "alembic", "apscheduler", "microsoft_teams",
    "starlette", "uvicorn", "httpx", "psycopg", "handlers", "storage",
)  # fmt: skip
WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
}


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_imports_no_outer_package(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    leaks = sorted(_imports(tree) & set(FORBIDDEN_IMPORTS))
    assert not leaks, f"bot/{module.relative_to(CORE)} imports {leaks}"


@pytest.mark.parametrize("module", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_never_reads_the_wall_clock(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    calls = {
        (node.func.value.id, node.func.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
    }
    assert not calls & WALL_CLOCK_CALLS, f"bot/{module.relative_to(CORE)} reads the wall clock"


def test_the_rule_catches_a_leak(tmp_path: Path) -> None:
    """The checks above can fail: a module importing SQLAlchemy is reported."""
    tree = ast.parse("from sqlalchemy import select\nimport slack_sdk.web\n")
    assert _imports(tree) & set(FORBIDDEN_IMPORTS) == {"sqlalchemy", "slack_sdk"}
