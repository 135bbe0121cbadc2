"""What the console keeps follows the privacy rules (docs/privacy.md): a message waiting for
someone is deleted once it names a person who is erased, and an unread one is deleted once it
is as old as a sent message's words may be kept."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.domain.retention import RetentionPeriods
from handlers.bootstrap import bootstrap
from handlers.cli.main import main
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


def test_a_persons_export_holds_their_waiting_console_messages(
    t: Terminals, capsys: pytest.CaptureFixture[str]
) -> None:
    asked_for_a_coach(t)
    coach = chosen_coach(t)

    def waiting() -> list[dict[str, str]]:
        capsys.readouterr()
        assert main(["--database", t.database_url, "export-person", coach.email]) == 0
        exported: list[dict[str, str]] = json.loads(capsys.readouterr().out)[
            "console_messages_waiting"
        ]
        return exported

    (offer,) = waiting()
    assert OFFER in offer["text"]
    assert offer["arrived"].startswith("2026-11-24T09:30:00")
    assert OFFER in t.chat(coach.email)  # shown once: no longer held as waiting
    assert waiting() == []
