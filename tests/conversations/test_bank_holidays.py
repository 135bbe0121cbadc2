"""A coach's working days to answer skip the pool's bank holidays, in 2029 and after, by nation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.services import Services
from handlers.bootstrap import ConfigurationError, settings_from_environment
from handlers.pool.sample import load_sample_pool
from storage.store import SqlStore
from tests.conversations.test_booking import SAM, chosen_coach_email, shortlisted
from tests.conversations.transcript import LONDON, RecordingNotifier, Transcript, squeeze

# Tuesday 27 March 2029, 09:30 London. Good Friday is 30 March, Easter Monday 2 April.
EASTER_WEEK_2029 = datetime(2029, 3, 27, 9, 30, tzinfo=LONDON)


def _transcript(store: SqlStore) -> Transcript:
    clock = SimulatedClock(EASTER_WEEK_2029)
    load_sample_pool(store, now=clock.now())
    services = Services(store=store, clock=clock, settings=settings_from_environment())
    return Transcript(coaching_bot(services), clock, RecordingNotifier())


@pytest.mark.parametrize(
    ("setting", "nudged_on", "moves_on"),
    [
        # England and Wales: Good Friday and Easter Monday are holidays; 3 working days from
        # Tuesday are Wednesday, Thursday and Tuesday 3 April.
        ("", "2029-04-03", "Wednesday 4 April"),
        ("england", "2029-04-03", "Wednesday 4 April"),
        # Scotland: Good Friday only, so Monday 2 April is the third working day.
        ("scotland", "2029-04-02", "Tuesday 3 April"),
        ("northern_ireland", "2029-04-03", "Wednesday 4 April"),
    ],
)
def test_the_coachs_deadline_skips_the_nations_2029_easter_holidays(
    store: SqlStore,
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
    nudged_on: str,
    moves_on: str,
) -> None:
    monkeypatch.setenv("COACHPOOL_BANK_HOLIDAYS", setting)
    t = _transcript(store)
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    nudge = ""
    while not nudge and t.clock.now() < EASTER_WEEK_2029 + timedelta(days=14):
        t.clock.advance(timedelta(hours=1))
        nudge = squeeze(t.inbox(coach))
    assert "A gentle reminder: Sam is waiting to hear" in nudge
    assert t.clock.now().astimezone(LONDON).date().isoformat() == nudged_on
    assert f"If I haven't heard by {moves_on}" in nudge


def test_an_unknown_nation_is_a_clear_configuration_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COACHPOOL_BANK_HOLIDAYS", "Cornwall")
    with pytest.raises(ConfigurationError) as error:
        settings_from_environment()
    assert str(error.value) == (
        "COACHPOOL_BANK_HOLIDAYS='cornwall' is not one of england, scotland, northern_ireland "
        "(england means England and Wales)"
    )
