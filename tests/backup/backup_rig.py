"""A pool with a booked session (so its outbox holds reminders yet to come), built with
chat turns, and the `coachpool backup` / `restore` commands as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.services import Services
from handlers.cli.main import main
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.conversations.test_aftercare import booked
from tests.conversations.transcript import START, RecordingNotifier, Transcript


def talk_to(store: SqlStore, clock: SimulatedClock) -> Transcript:
    return Transcript(coaching_bot(Services(store=store, clock=clock)), clock, RecordingNotifier())


def booked_pool(store: SqlStore) -> tuple[Transcript, str]:
    """The sample pool with Sam's first session booked; the transcript and the coach."""
    t = talk_to(store, SimulatedClock(START))
    load_sample_pool(store, now=t.clock.now())
    return t, booked(t)


def url_of(store: SqlStore) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def coachpool(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    """Run a command as the console script does: (exit status, stdout, stderr)."""
    capsys.readouterr()
    status = main(["--database", url, *argv])
    out, err = capsys.readouterr()
    return status, out, err


def backup(capsys: pytest.CaptureFixture[str], url: str, path: Path) -> None:
    status, out, err = coachpool(capsys, url, "backup", str(path))
    assert (status, err) == (0, ""), err
    assert out.startswith("Backed up ")
