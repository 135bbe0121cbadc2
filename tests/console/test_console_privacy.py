"""What the console keeps follows the privacy rules (docs/privacy.md): a message waiting for
someone is deleted once it names a person who is erased, and an unread one is deleted once it
is as old as a sent message's words may be kept."""

from __future__ import annotations

from datetime import timedelta

from bot.privacy.periods import RetentionPeriods
from handlers.bootstrap import bootstrap
from handlers.jobs import retention_tick
from handlers.retention import retention_periods
from tests.console.terminals import Terminals
from tests.console.test_console_terminals import EMMA, OFFER, asked_for_a_coach, chosen_coach


def _erase(t: Terminals, email: str) -> None:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        person = app.store.find_person_by_email(email)
        assert person is not None
        app.store.erase_person(person.id, at=t.clock.now(), by="test")
    finally:
        app.store.close()


def _retention(t: Terminals, periods: RetentionPeriods) -> None:
    app = bootstrap(database_url=t.database_url, clock=t.clock, migrate=False)
    try:
        retention_tick(app.services, periods)
    finally:
        app.store.close()


def test_a_waiting_message_about_an_erased_person_is_gone(t: Terminals) -> None:
    asked_for_a_coach(t)
    coach = chosen_coach(t)
    _erase(t, EMMA)
    shown = t.chat(coach.email)
    assert "Emma" not in shown and OFFER not in shown
    assert "leading my team" not in shown


def test_an_unread_message_lapses_with_the_sent_messages_period(t: Terminals) -> None:
    asked_for_a_coach(t)
    coach = chosen_coach(t)
    periods = retention_periods({})  # the documented default: 90 days for a message's words
    t.clock.set(t.clock.now() + timedelta(days=91))
    _retention(t, periods)
    shown = t.chat(coach.email)
    assert OFFER not in shown and "leading my team" not in shown
