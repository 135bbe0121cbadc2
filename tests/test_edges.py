"""The chat channels reach the core only through its one door, and platform events are
de-duplicated in one place (`handlers/once.py`): no Slack or Teams module remembers event
ids itself or calls `CoachingBot.handle` around it."""

from __future__ import annotations

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[1] / "handlers"
CHANNELS = ("slack", "teams")
# A slash command is recorded on arrival (`Desk.first_time`), as it may open a form that
# can't be taken back; what it passes on to the core is then an ordinary turn.
HANDLE_ALLOWED = {"slack/commands.py"}


def calls(path: Path, name: str) -> list[int]:
    """Lines where `path` calls a method or function called `name`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Attribute) and node.func.attr == name)
            or (isinstance(node.func, ast.Name) and node.func.id == name)
        )
    ]


def core_handle_calls(path: Path) -> list[int]:
    """Lines where `path` calls `<...>.bot.handle(...)` or `bot.handle(...)`: the core's door
    (a web framework's own `handler.handle` is no concern here)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "handle"
        and (
            (isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "bot")
            or (isinstance(node.func.value, ast.Name) and node.func.value.id == "bot")
        )
    ]


def channel_modules() -> list[Path]:
    return sorted(p for channel in CHANNELS for p in (HANDLERS / channel).rglob("*.py"))


def test_only_the_one_module_remembers_platform_events() -> None:
    found = [f"{p}:{line}" for p in channel_modules() for line in calls(p, "remember_event")]
    assert found == []
    assert calls(HANDLERS / "once.py", "remember_event")


def test_channels_hand_turns_to_the_door_through_the_one_module() -> None:
    found = [
        f"{p}:{line}"
        for p in channel_modules()
        if str(p.relative_to(HANDLERS)) not in HANDLE_ALLOWED
        for line in core_handle_calls(p)
    ]
    assert found == []
    assert core_handle_calls(HANDLERS / "once.py")


def test_the_rule_sees_a_bypass(tmp_path: Path) -> None:
    leak = tmp_path / "leak.py"
    leak.write_text(
        "def f(desk, i):\n    desk.store.remember_event('slack', 'x', at=0)\n"
        "    return desk.bot.handle(i)\n"
    )
    assert calls(leak, "remember_event") == [2]
    assert core_handle_calls(leak) == [3]
