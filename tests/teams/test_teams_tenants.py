"""Several tenants: an account is linked to a pool member by verified email, and only
from a tenant their organisation lists; other tenants are refused politely."""

from __future__ import annotations

import pytest
from teams_fakes import Member
from teams_rig import DUDLEY_TENANT, SAM, SHROPSHIRE_TENANT, TeamsRig, activity, message

from handlers.channel_names import TEAMS
from handlers.cli.main import main
from handlers.teams.people import ALREADY_LINKED, MISMATCH, NOT_MEMBER, NOT_PERSONAL


def _reply(teams: TeamsRig) -> str:
    return str(teams.connector.posted()[-1]["text"])


def test_a_tenant_outside_the_pool_is_refused(teams: TeamsRig) -> None:
    outsider = message(teams, SAM, "hello", tenant="tenant-of-a-private-firm")
    assert teams.post(outsider).status_code == 200
    assert _reply(teams) == NOT_MEMBER
    assert teams.connector.requests("GET") == []  # not even looked up
    assert teams.teams_identity(SAM.email) is None


def test_someone_unknown_is_told_how_to_join(teams: TeamsRig) -> None:
    stranger = Member("29:new", "aad-new", "new.starter@dudley.gov.uk", "New Starter")
    teams.connector.members[stranger.user_id] = stranger
    assert teams.post(message(teams, stranger, "hello", tenant=DUDLEY_TENANT)).status_code == 200
    assert "I don't know you yet" in _reply(teams)
    assert "new.starter@dudley.gov.uk" in _reply(teams)


def test_an_email_from_another_members_tenant_is_not_enough(teams: TeamsRig) -> None:
    # Sam's address, but the account lives in Shropshire's tenant, not Dudley's.
    assert teams.post(message(teams, SAM, "hello", tenant=SHROPSHIRE_TENANT)).status_code == 200
    assert _reply(teams) == MISMATCH
    assert teams.teams_identity(SAM.email) is None


def test_a_linked_account_is_recognised_without_another_lookup(teams: TeamsRig) -> None:
    assert teams.post(message(teams, SAM, "hello", tenant=DUDLEY_TENANT)).status_code == 200
    sam = teams.person(SAM.email)
    [identity] = [i for i in teams.application.store.identities_of(sam.id) if i.channel == TEAMS]
    assert identity.workspace == DUDLEY_TENANT
    # A second message is recognised from the stored identity: no second lookup.
    assert teams.post(message(teams, SAM, "sessions", tenant=DUDLEY_TENANT)).status_code == 200
    assert len(teams.connector.requests("GET", "/members/")) == 1
    assert "no sessions booked" in _reply(teams)


def test_group_chats_are_pointed_to_the_personal_chat(teams: TeamsRig) -> None:
    group = activity(teams, SAM, tenant=DUDLEY_TENANT, text="hello")
    group["conversation"]["conversationType"] = "groupChat"
    assert teams.post(group).status_code == 200
    assert _reply(teams) == NOT_PERSONAL
    assert teams.teams_identity(SAM.email) is None


def test_a_second_account_never_takes_over_until_the_coordinator_releases_the_first(
    teams: TeamsRig, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert teams.post(message(teams, SAM, "hello", tenant=DUDLEY_TENANT)).status_code == 200
    second = Member("29:second-sam", "aad-second-sam", SAM.email, SAM.name)
    teams.connector.members[second.user_id] = second
    assert teams.post(message(teams, second, "sessions", tenant=DUDLEY_TENANT)).status_code == 200
    assert _reply(teams) == ALREADY_LINKED
    identity = teams.teams_identity(SAM.email)
    assert identity is not None and identity.user_id == SAM.aad_object_id

    # The coordinator releases the first account; the next one Sam uses is linked.
    assert main(["--database", database_url, "accounts", SAM.email, "--unlink", "teams"]) == 0
    assert "Released 1 teams account(s)" in capsys.readouterr().out
    assert teams.post(message(teams, second, "sessions", tenant=DUDLEY_TENANT)).status_code == 200
    assert "no sessions booked" in _reply(teams)
    identity = teams.teams_identity(SAM.email)
    assert identity is not None and identity.user_id == second.aad_object_id
    audit = [e.action for e in teams.application.store.list_audit()]
    assert "identity.unlinked" in audit


@pytest.mark.parametrize(
    ("where", "field"),
    [((), "id"), (("from",), "id"), (("from",), "aadObjectId"), (("conversation",), "id")],
)
def test_an_activity_with_a_control_character_in_an_id_gets_400(
    teams: TeamsRig, where: tuple[str, ...], field: str
) -> None:
    hostile = message(teams, SAM, "hello", tenant=DUDLEY_TENANT)
    container = hostile
    for key in where:
        container = container[key]
    container[field] = "29:sam\x00"
    response = teams.post(hostile)
    assert response.status_code == 400
    assert "isn't printable" in response.text
    assert teams.teams_identity(SAM.email) is None
    # The same person, well formed, is served as usual afterwards.
    assert teams.post(message(teams, SAM, "sessions", tenant=DUDLEY_TENANT)).status_code == 200
    assert "no sessions booked" in _reply(teams)
