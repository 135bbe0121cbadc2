"""The pause of the cyclic garbage collector around a week's read: the collector is back
as it was when the last pause ends, however the pauses nest, and never switched on by a
pause if it was off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from handlers.web.figures import collector_paused


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_nested_pauses_restore_the_collector_when_the_last_ends(collector: None) -> None:
    gc.enable()
    outer = collector_paused()
    outer.__enter__()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the outer pause (another request's read) still runs
    outer.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_that_fails_restores_the_collector(collector: None) -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the store went away")
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off(collector: None) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
