"""Three-way contracting switched on from the command line: the sponsor's ask, their menu,
concerns that reach the coordinators through the dispatcher, and approval."""

from __future__ import annotations

import pytest

from bot.domain import EngagementState
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from tests.conversations.test_booking import chosen_coach_email, shortlisted
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
KAREN = "karen.lloyd@dudley.gov.uk"  # Sam's line manager


def set_sponsor_approval(database_url: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--database", database_url, "programme", "set", "regional-pool"]
    assert main([*argv, "--sponsor-approval", value]) == 0
    assert f"sponsor approval {value}" in capsys.readouterr().out


def matched_and_accepted(t: Transcript) -> str:
    shortlisted(t)
    t.press(SAM, ", ")
    coach = chosen_coach_email(t)
    t.inbox(coach)
    t.press(coach, "Accept")
    return coach


def test_concerns_reach_the_coordinators_and_the_sponsor_can_still_approve(
    t: Transcript, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_sponsor_approval(database_url, "yes", capsys)
    coach = matched_and_accepted(t)
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.AWAITING_SPONSOR
    ask = squeeze(t.inbox(KAREN))
    assert "do you support this coaching?" in ask and "say 'approvals' any time" in ask

    menu = squeeze(t.say(KAREN, "approvals"))
    assert "Coaching for Sam Patel" in menu
    assert "Regional Coaching Pool" in menu and "up to 6" in menu
    assert "restructure" not in menu  # the sponsor never sees what the coaching is about

    told = squeeze(t.press(KAREN, "I have concerns"))
    assert "I've let the pool coordinators know" in told
    note = squeeze(t.inbox(DEMO_COORDINATOR_EMAIL))
    assert f"Karen Lloyd ({KAREN}, Dudley" in note
    assert f"has concerns about engagement {engagement.id} in Regional Coaching Pool" in note
    assert "Sam" not in note and "restructure" not in note  # coordinators get no coachee name
    assert t.store.list_engagements()[0].state is EngagementState.AWAITING_SPONSOR

    t.say(KAREN, "approvals")
    assert "already told the coordinators" in t.press(KAREN, "I have concerns")
    assert t.inbox(DEMO_COORDINATOR_EMAIL) == ""  # told once, not twice

    menu = squeeze(t.say(KAREN, "approvals"))
    assert "You've told the coordinators of your concerns" in menu
    assert "approved" in t.press(KAREN, "Approve")
    assert t.store.list_engagements()[0].state is EngagementState.ACTIVE
    assert "Karen Lloyd has approved the coaching" in t.inbox(SAM)
    assert "Karen Lloyd has approved the coaching" in t.inbox(coach)
    assert "Nothing is waiting for your approval" in t.say(KAREN, "approvals")


def test_with_sponsor_approval_switched_off_again_the_coaching_starts_at_once(
    t: Transcript, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_sponsor_approval(database_url, "yes", capsys)
    set_sponsor_approval(database_url, "no", capsys)
    matched_and_accepted(t)
    (engagement,) = t.store.list_engagements()
    assert engagement.state is EngagementState.ACTIVE
    assert engagement.sponsor_id is None
    assert t.inbox(KAREN) == ""


def test_a_sponsor_menu_for_someone_with_nothing_to_approve(t: Transcript) -> None:
    assert "'approvals'" in t.say(KAREN, "help")
    assert "Nothing is waiting for your approval" in t.say(KAREN, "approvals")
    assert "isn't yours to give" in t.press_raw(SAM, "act:refuse:1", "")
