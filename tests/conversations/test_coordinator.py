"""What coordinators and organisation leads can ask for in chat."""

from __future__ import annotations

from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from tests.conversations.test_booking import shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
COORDINATOR = DEMO_COORDINATOR_EMAIL


def test_a_coordinator_sees_waiting_requests_without_names(t: Transcript) -> None:
    assert "No requests are waiting" in t.say(COORDINATOR, "waiting")
    shortlisted(t)
    waiting = squeeze(t.say(COORDINATOR, "waiting"))
    (request,) = t.store.list_requests()
    assert "1 request waiting" in waiting
    assert (
        f"Request {request.id} Regional Coaching Pool, Dudley Metropolitan Borough Council: "
        "coachee choosing, 0 days" in waiting
    )
    assert "Sam" not in waiting
    assert "'waiting' for the requests" in t.say(COORDINATOR, "help")


def test_the_digest_on_demand_for_coordinators_only(t: Transcript) -> None:
    digest = squeeze(t.say(COORDINATOR, "digest"))
    assert "Weekly digest for" in digest
    assert "2026-W47" in digest  # the week before Tuesday 24 November
    assert "2026-W48" in squeeze(t.say(COORDINATOR, "digest this week"))
    # Anyone else: "digest" is not a command for them, so it isn't taken as one.
    assert "Weekly digest" not in t.say(SAM, "digest")
    assert "'digest'" not in t.say(SAM, "help")
