"""A scheduled message whose moment has passed is not sent, and the dispatcher says it
skipped it (what /metrics counts as skipped), apart from what it sent."""

from __future__ import annotations

from datetime import timedelta

from bot.aftercare.kinds import AftercareKind
from bot.outbox.dispatcher import Handled, dispatch_due
from tests.conversations.test_aftercare import SAM, booked, until
from tests.conversations.transcript import Transcript


def test_a_feedback_nudge_after_feedback_was_given_is_skipped(t: Transcript) -> None:
    coach = booked(t)
    (session,) = t.store.list_sessions()
    until(t, session.window.end + timedelta(minutes=30))
    t.inbox(coach)
    t.inbox(SAM)
    t.press(SAM, "Give feedback")
    answers = {"usefulness": "4", "progress": "6", "comment": "", "consent": "no"}
    assert "Thank you" in t.submit(SAM, answers)

    until(t, session.window.end + timedelta(days=3))
    watched: list[Handled] = []
    report = dispatch_due(t.bot.services, t.notifier, watch=watched.append)
    skipped = [h for h in watched if h.outcome == "skipped"]
    assert AftercareKind.FEEDBACK_FOLLOWUP in {h.kind for h in skipped}
    assert report.skipped == len(skipped) and report.sent == len(watched) - len(skipped)
    assert all(h.late_by >= timedelta(0) for h in watched)
    assert t.person(SAM).id not in t.notifier.sent  # Sam hears nothing more
