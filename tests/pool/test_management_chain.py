"""The management chain, above and below, and loops in the data."""

from __future__ import annotations

from bot.domain.management import in_a_loop, management_chain

# 1 manages 2, 2 manages 3 and 4, 4 manages 5; 6 stands alone.
MANAGERS: dict[int, int | None] = {1: None, 2: 1, 3: 2, 4: 2, 5: 4, 6: None}


def test_everyone_above_and_below_with_how_they_stand() -> None:
    assert management_chain(MANAGERS, 4) == {
        2: "is the coachee's line manager",
        1: "is above the coachee in their management chain (2 levels up)",
        5: "is line managed by the coachee",
    }
    chain = management_chain(MANAGERS, 1)
    assert chain[3] == "is below the coachee in their management chain (2 levels down)"
    assert chain[5] == "is below the coachee in their management chain (3 levels down)"
    assert 6 not in chain and management_chain(MANAGERS, 6) == {}


def test_a_loop_ends_the_walk_and_is_recognised() -> None:
    looped: dict[int, int | None] = {1: 2, 2: 3, 3: 1}
    assert set(management_chain(looped, 1)) == {2, 3}
    assert in_a_loop(looped, 1)
    assert not in_a_loop(MANAGERS, 5)
