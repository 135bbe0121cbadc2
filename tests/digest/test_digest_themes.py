"""Themes in the digest, from the real flow: each coachee asks in chat, chooses a coach who
accepts; after the session the coach records it as held and picks themes, the coachee gives
feedback and answers the consent question; Monday's digest goes out through the dispatcher.

The coach's themes and the coachee's consent are saved on two rows of the session; the
digest counts a theme only where both are there, from at least 5 coachees."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.digest.schedule import queue_previous_week
from bot.domain import SessionState
from bot.services import Services
from handlers.pool.sample import DEMO_COORDINATOR_EMAIL, load_sample_pool
from storage.store import SqlStore
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import LONDON, START, RecordingNotifier, Transcript, squeeze

COACHEES = (
    "sam.patel@dudley.gov.uk",
    "jade.morris@sandwell.gov.uk",
    "ryan.cooper@birmingham.gov.uk",
    "emma.roberts@coventry.gov.uk",
    "liam.oconnor@wolverhampton.gov.uk",
    "natalie.webb@solihull.gov.uk",
)


@pytest.fixture
def t(store: SqlStore) -> Transcript:
    clock = SimulatedClock(START)
    load_sample_pool(store, now=clock.now())
    return Transcript(coaching_bot(Services(store=store, clock=clock)), clock, RecordingNotifier())


def coachee_emails(t: Transcript, count: int) -> list[str]:
    emails = [e for e in COACHEES if t.store.find_person_by_email(e) is not None]
    assert len(emails) >= count, emails
    return emails[:count]


def book(t: Transcript, coachee: str) -> str:
    """The coachee asks, chooses the first coach offered, the coach accepts; the coach's email."""
    shortlisted(t, coachee)
    t.press(coachee, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept")
    t.inbox(coachee)
    return coach


def after_each_session(
    t: Transcript, coaches: dict[str, str], themes: dict[str, list[str]], consent: dict[str, str]
) -> None:
    """Session by session: the coach records it held and picks themes, then the coachee
    gives feedback with their answer to the consent question."""
    sessions = sorted(t.store.list_sessions(), key=lambda s: s.window.start)
    assert len(sessions) == len(coaches)
    for session in sessions:
        coachee = t.store.get_person(session.coachee_id)
        assert coachee is not None
        coach = coaches[coachee.email]
        t.clock.set(max(t.clock.now(), session.window.end + timedelta(minutes=15)))
        assert "How did your session with" in squeeze(t.inbox(coach))
        assert "Which themes came up?" in t.press(coach, "It was held")
        for theme in themes[coachee.email]:
            t.press(coach, theme)
        assert "themes saved" in t.press(coach, "Done")
        t.clock.set(session.window.end + timedelta(minutes=30))
        assert "How was your session with" in squeeze(t.inbox(coachee.email))
        t.press(coachee.email, "Give feedback")
        answers = {
            "usefulness": "4",
            "progress": "6",
            "comment": "",
            "consent": consent[coachee.email],
        }
        assert "Thank you" in t.submit(coachee.email, answers)
    held = [s for s in t.store.list_sessions() if s.state is SessionState.HELD]
    assert len(held) == len(coaches)


def mondays_digest(t: Transcript) -> str:
    """Monday 09:00 after the last session: the job queues, the dispatcher delivers."""
    last = max(s.window.end for s in t.store.list_sessions()).astimezone(LONDON)
    monday = (last + timedelta(days=7 - last.weekday())).date()
    t.clock.set(datetime(monday.year, monday.month, monday.day, 9, 0, tzinfo=LONDON))
    t.inbox(DEMO_COORDINATOR_EMAIL)  # whatever else is due by then
    assert queue_previous_week(t.bot.services) > 0
    return squeeze(t.inbox(DEMO_COORDINATOR_EMAIL))


def run_pool(t: Transcript, count: int, *, declines: int = 0) -> str:
    coachees = coachee_emails(t, count)
    coaches = {coachee: book(t, coachee) for coachee in coachees}
    themes = {c: ["Leadership", *(["Confidence"] if i < 2 else [])] for i, c in enumerate(coachees)}
    consent = {c: "no" if i >= count - declines else "yes" for i, c in enumerate(coachees)}
    after_each_session(t, coaches, themes, consent)
    return mondays_digest(t)


def test_themes_from_five_consenting_coachees_are_reported(t: Transcript) -> None:
    digest = run_pool(t, 6, declines=1)
    assert "Themes this year (with the coachee's consent):" in digest
    # Six sessions had leadership; the sixth coachee said no, so five count.
    assert "• leadership: 5 sessions (to 2026-W48)" in digest
    # Confidence came up with two coachees only.
    assert "confidence" not in digest
    assert "• others from fewer than 5 people so far, not shown" in digest


def test_the_consent_and_the_themes_are_joined_from_their_two_rows(t: Transcript) -> None:
    run_pool(t, 5, declines=1)
    coach_rows = {f.session_id: f for f in t.store.list_feedback() if f.themes}
    coachee_rows = {f.session_id: f for f in t.store.list_feedback() if f.usefulness}
    assert set(coach_rows) == set(coachee_rows)  # the product writes two rows a session
    assert not any(f.consent_to_share_themes for f in coach_rows.values())
    facts = t.store.feedback_facts(
        submitted_from=START - timedelta(days=1), submitted_before=t.clock.now()
    )
    with_themes = [f for f in facts if f.themes]
    consented = {s for s, f in coachee_rows.items() if f.consent_to_share_themes}
    assert {f.session_id for f in with_themes} == consented and len(consented) == 4
    for fact in with_themes:
        assert fact.consent_to_share_themes and "leadership" in fact.themes
        coachee_row = coachee_rows[fact.session_id]
        assert fact.themes_at == max(
            coach_rows[fact.session_id].submitted_at, coachee_row.submitted_at
        )


def test_four_consenting_coachees_are_too_few(t: Transcript) -> None:
    digest = run_pool(t, 5, declines=1)
    assert "leadership" not in digest
    assert "• all from fewer than 5 people so far, not shown" in digest
