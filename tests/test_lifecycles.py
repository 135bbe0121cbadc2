"""Each lifecycle's diagram draws exactly its table: every allowed change (and start) is an
edge labelled with what causes it, no edge is drawn that the table refuses, and the final
states are those with no way out."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

from bot.domain.lifecycles import START, IllegalMove, Lifecycle
from bot.domain.lifecycles.engagement import ENGAGEMENT
from bot.domain.lifecycles.request import REQUEST
from bot.domain.lifecycles.session import SESSION

HERE = Path(__file__).resolve().parents[1] / "bot" / "domain" / "lifecycles"
EDGE = re.compile(r"^\s*(\S+)\s*-->\s*([^\s:]+)\s*(?::(.*))?$")
LIFECYCLES: dict[str, Lifecycle[Any]] = {
    "request": REQUEST,
    "engagement": ENGAGEMENT,
    "session": SESSION,
}


def drawn(diagram: Path) -> tuple[dict[tuple[str, str], str], set[str]]:
    """The diagram's edges with their labels, and the states drawn as final."""
    name = diagram.name
    edges: dict[tuple[str, str], str] = {}
    final: set[str] = set()
    lines = diagram.read_text(encoding="utf-8").splitlines()
    assert "stateDiagram-v2" in [line.strip() for line in lines]
    for line in lines:
        if line.lstrip().startswith("%%"):
            continue
        found = EDGE.match(line)
        if found is None:
            continue
        old, new, label = found.group(1), found.group(2), (found.group(3) or "").strip()
        if new == START:
            final.add(old)
            continue
        assert (old, new) not in edges, f"{name} draws {old} --> {new} twice"
        edges[(old, new)] = label
    return edges, final


@pytest.mark.parametrize("name", LIFECYCLES)
def test_the_diagram_draws_exactly_the_table(name: str) -> None:
    lifecycle = LIFECYCLES[name]
    edges, final = drawn(HERE / f"{name}.mmd")
    assert set(edges) == lifecycle.edges()
    unlabelled = [edge for edge, label in edges.items() if not label]
    assert unlabelled == [], f"{name}.mmd: every edge says what causes it"
    assert final == {old.value for old, news in lifecycle.moves.items() if not news}


@pytest.mark.parametrize("name", LIFECYCLES)
def test_the_table_covers_every_state(name: str) -> None:
    lifecycle = LIFECYCLES[name]
    states: type[StrEnum] = type(next(iter(lifecycle.moves)))
    assert set(lifecycle.moves) == set(states)
    reachable = {new for news in lifecycle.moves.values() for new in news} | lifecycle.starts
    assert reachable == set(states), "a state no record can ever be in"


def test_a_drifted_diagram_is_caught(tmp_path: Path) -> None:
    """The check above can fail: an edge the table refuses, or one it allows left out."""
    text = (HERE / "session.mmd").read_text(encoding="utf-8")
    extra, missing = tmp_path / "extra.mmd", tmp_path / "missing.mmd"
    extra.write_text(text + "    held --> cancelled: an old Cancel button\n", encoding="utf-8")
    missing.write_text(
        "\n".join(line for line in text.splitlines() if "--> held" not in line), encoding="utf-8"
    )
    assert set(drawn(extra)[0]) - SESSION.edges() == {("held", "cancelled")}
    assert SESSION.edges() - set(drawn(missing)[0]) == {("confirmed", "held")}


def test_an_illegal_move_or_start_raises() -> None:
    from bot.domain import RequestState, SessionState

    SESSION.check_move(SessionState.CONFIRMED, SessionState.CONFIRMED)  # staying is allowed
    with pytest.raises(IllegalMove, match="from held to cancelled"):
        SESSION.check_move(SessionState.HELD, SessionState.CANCELLED)
    with pytest.raises(IllegalMove, match="may not start matched"):
        REQUEST.started(RequestState.MATCHED)
