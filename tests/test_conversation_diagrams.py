"""Every conversation the bot holds has its diagram beside it: the module that defines the
conversation has a Mermaid file of the same name (`intake.py`, `intake.mmd`), and each of
its steps is a state there. A step added without drawing it fails here, as a lifecycle's
change does in tests/test_lifecycles.py."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from bot.assembly import build_registry
from bot.engine import Conversation

CONVERSATIONS = build_registry().conversations


def diagram_of(conversation: Conversation) -> Path:
    """The .mmd beside the module that defines the conversation (its first-step function's)."""
    source = inspect.getsourcefile(conversation.first_step)
    assert source is not None, f"{conversation.name}: where is it defined?"
    return Path(source).with_suffix(".mmd")


def undrawn_steps(conversation: Conversation, diagram: str) -> list[str]:
    """The steps no transition of the diagram reaches or leaves."""
    drawn: set[str] = set()
    for line in diagram.splitlines():
        edge = re.match(r"\s*(\S+)\s*-->\s*([^:\s]+)", line)
        if edge:
            drawn |= {edge[1], edge[2]}
    return [step for step in conversation.steps if step not in drawn]


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_each_conversation_draws_every_step(name: str) -> None:
    conversation = CONVERSATIONS[name]
    diagram = diagram_of(conversation)
    assert diagram.exists(), f"{name}: no diagram at {diagram}"
    assert undrawn_steps(conversation, diagram.read_text(encoding="utf-8")) == []


def test_a_step_left_out_of_the_diagram_is_caught() -> None:
    """The check can fail: the scheduling diagram without its 'pick' step."""
    conversation = CONVERSATIONS["schedule_session"]
    text = diagram_of(conversation).read_text(encoding="utf-8")
    without_pick = "\n".join(line for line in text.splitlines() if "pick" not in line)
    assert undrawn_steps(conversation, without_pick) == ["pick"]
