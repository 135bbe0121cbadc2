"""Teams has no App Home here: its welcome is the home. A coordinator or organisation lead
who installs the bot gets, after the welcome card, a card with this week's figures, the
waiting requests and a dashboard sign-in link; a lead only their organisation's; a
coachee only the welcome."""

from __future__ import annotations

import re

import pytest
from teams_fakes import Member, card_of, card_text
from teams_rig import DUDLEY_TENANT, POOL_TENANT, SAM, TeamsRig, installed, set_tenants

from tests.conversations.test_booking import shortlisted
from tests.conversations.transcript import RecordingNotifier, Transcript

PUBLIC_URL = "https://coaching.example"
EMMA = "emma.roberts@coventry.gov.uk"  # a coachee at Coventry
COORDINATOR = Member("29:marcus", "aad-marcus", "marcus.reid@wmemployers.org.uk", "Marcus")
DUDLEY_LEAD = Member("29:martin", "aad-martin", "martin.shaw@dudley.gov.uk", "Martin Shaw")
LINK = re.compile(re.escape(PUBLIC_URL) + r"/dashboard/sign-in\?t=[A-Za-z0-9_.%-]+")


@pytest.fixture
def dashboard_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sign-in links are wired at bootstrap, from the process environment: this
    fixture comes before `teams` in a test's arguments."""
    monkeypatch.setenv("COACHPOOL_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.setenv("COACHPOOL_SECRET_KEY", "a-test-key-for-the-dashboard-0123456789abcdef")


def _requests_from_two_councils(teams: TeamsRig) -> dict[str, int]:
    """Sam (Dudley) and Emma (Coventry) ask for coaching through the console's door."""
    t = Transcript(teams.application.bot, teams.clock, RecordingNotifier())
    ids = {}
    for email in (SAM.email, EMMA):
        shortlisted(t, email)
        (request,) = teams.application.store.list_requests(coachee_id=t.person(email).id)
        ids[email] = request.id
    return ids


def _install(teams: TeamsRig, member: Member, *, tenant: str) -> list[str]:
    teams.connector.members[member.user_id] = member
    before = len(teams.connector.posted())
    assert teams.post(installed(teams, member, tenant=tenant)).status_code == 200
    cards = [card_of(a) for a in teams.connector.posted()[before:]]
    return [card_text(c) for c in cards if c is not None]


def test_a_coordinator_gets_the_pools_figures_after_the_welcome(
    dashboard_on: None, teams: TeamsRig
) -> None:
    set_tenants(teams.application, {"wm-employers": POOL_TENANT})
    ids = _requests_from_two_councils(teams)
    welcome, overview = _install(teams, COORDINATOR, tenant=POOL_TENANT)
    assert "Hello Marcus!" in welcome
    pool = teams.application.services.settings.pool_name
    assert f"Weekly digest for {pool}: 2026-W48" in overview
    assert "Coach answers overdue" in overview
    assert "2 requests waiting" in overview
    assert all(f"Request {i}" in overview for i in ids.values())
    assert LINK.search(overview) and "the pool's figures" in overview


def test_an_organisation_lead_gets_only_their_organisation(
    dashboard_on: None, teams: TeamsRig
) -> None:
    ids = _requests_from_two_councils(teams)
    welcome, overview = _install(teams, DUDLEY_LEAD, tenant=DUDLEY_TENANT)
    assert "Hello Martin!" in welcome
    assert "Weekly digest for Dudley Metropolitan Borough Council: 2026-W48" in overview
    assert "1 request waiting" in overview
    assert f"Request {ids[SAM.email]}" in overview
    assert f"Request {ids[EMMA]}" not in overview and "Coventry" not in overview
    assert "Coach answers overdue" not in overview
    assert LINK.search(overview) and "your organisation's" in overview


def test_a_coachee_gets_the_welcome_alone(dashboard_on: None, teams: TeamsRig) -> None:
    _requests_from_two_councils(teams)
    (welcome,) = _install(teams, SAM, tenant=DUDLEY_TENANT)
    assert "Hello Sam!" in welcome
    assert "Weekly digest" not in welcome and not LINK.search(welcome)
