"""One Teams tenant serving two member organisations (a regional pool's host tenant), linked
with `coachpool organisation link`: each person is served as a person of their own
organisation, told apart by verified email; someone of an organisation the tenant doesn't
serve is refused politely, also after their organisation is unlinked."""

from __future__ import annotations

from typing import Any

import pytest
from teams_fakes import Member, card_of, card_text, find_action
from teams_rig import CATHERINE, SAM, TeamsRig, execute, installed, message

from bot.domain import Person
from bot.domain.outbox import OutboxState
from bot.notices import queue_outgoing
from bot.replies import Outgoing, Text
from handlers.cli.main import main
from handlers.teams.people import MISMATCH

REGIONAL = "tenant-regional-pool"


def _link(database_url: str, slug: str, capsys: pytest.CaptureFixture[str]) -> str:
    argv = ["--database", database_url, "organisation", "link", slug, "--teams-tenant", REGIONAL]
    assert main(argv) == 0
    return capsys.readouterr().out


def _member(teams: TeamsRig, name: str) -> Member:
    person = next(p for p in teams.application.store.list_people() if p.name == name)
    member = Member(f"29:{person.id}", f"aad-{person.id}", person.email, person.name)
    teams.connector.members[member.user_id] = member
    return member


def _reply(teams: TeamsRig) -> str:
    return str(teams.connector.posted()[-1]["text"])


def _press(teams: TeamsRig, member: Member, card: dict[str, Any], title: str, **inputs: Any) -> Any:
    response = teams.post(
        execute(teams, member, find_action(card, title), tenant=REGIONAL, **inputs)
    )
    assert response.status_code == 200, response.text
    value: dict[str, Any] = response.json()["value"]
    return value


def _shortlisted_coaches(teams: TeamsRig, member: Member) -> list[Person]:
    """Install, the intake form, confirm: the coaches offered to this member."""
    assert teams.post(installed(teams, member, tenant=REGIONAL)).status_code == 200
    welcome = card_of(teams.connector.posted()[-1])
    assert welcome is not None and f"Hello {member.name.split()[0]}!" in card_text(welcome)
    form = _press(teams, member, welcome, "Request coaching")
    summary = _press(
        teams,
        member,
        form,
        "Find me a coach",
        topic="leading my team through a restructure",
        goal="feel confident leading the merged team",
        reality="",
        preferences="",
        programme="regional-pool",
        format="online",
        location="",
        when="Tuesday or Thursday afternoons",
    )
    shortlist = _press(teams, member, summary, "Yes, find me a coach")
    assert "coaches who could work with you" in card_text(shortlist)
    store = teams.application.store
    [request] = store.list_requests(coachee_id=teams.person(member.email).id)
    coaches = [store.get_person(entry.coach_id) for entry in store.get_shortlist(request.id)]
    return [c for c in coaches if c is not None]


def test_one_tenant_serves_two_organisations_each_person_as_themselves(
    teams: TeamsRig, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "shared" not in _link(database_url, "dudley", capsys)
    assert "Teams tenant tenant-regional-pool is shared with dudley" in _link(
        database_url, "walsall", capsys
    )
    store = teams.application.store
    for member in (SAM, _member(teams, "Adeel Khan")):
        coaches = _shortlisted_coaches(teams, member)
        person = teams.person(member.email)
        identity = teams.teams_identity(member.email)
        assert identity is not None
        assert (identity.workspace, identity.user_id) == (REGIONAL, member.aad_object_id)
        # Their own organisation's rules: never a coach of their own council, which has some.
        own = [p for p in store.list_people() if p.organisation_id == person.organisation_id]
        assert any(store.get_coach(p.id) for p in own)
        assert coaches and all(c.organisation_id != person.organisation_id for c in coaches)

    # Shropshire is a member organisation, but not of this tenant.
    assert teams.post(message(teams, CATHERINE, "hello", tenant=REGIONAL)).status_code == 200
    assert _reply(teams) == MISMATCH
    assert teams.teams_identity(CATHERINE.email) is None


def test_unlinking_one_organisation_stops_serving_its_linked_people_only(
    teams: TeamsRig, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for slug in ("dudley", "walsall"):
        _link(database_url, slug, capsys)
    adeel = _member(teams, "Adeel Khan")
    for member in (SAM, adeel):
        assert teams.post(message(teams, member, "sessions", tenant=REGIONAL)).status_code == 200
        assert "no sessions booked" in _reply(teams)

    unlink = ["organisation", "unlink", "walsall", "--teams-tenant", REGIONAL]
    assert main(["--database", database_url, *unlink]) == 0
    # Adeel's account was linked before; it is no longer served from this tenant.
    assert teams.post(message(teams, adeel, "sessions", tenant=REGIONAL)).status_code == 200
    assert _reply(teams) == MISMATCH
    assert teams.post(message(teams, SAM, "sessions", tenant=REGIONAL)).status_code == 200
    assert "no sessions booked" in _reply(teams)

    # Nor is anything sent to him there; Sam's messages still go.
    store = teams.application.store
    notes = tuple(
        Outgoing(teams.person(m.email).id, (Text(f"A note for {m.name}"),)) for m in (SAM, adeel)
    )
    queue_outgoing(store, notes, now=teams.clock.now(), origin="test")
    teams.connector.seen.clear()
    report = teams.dispatch()
    assert (report.sent, report.failed) == (1, 1)
    assert [p["text"] for p in teams.connector.posted()] == ["A note for Sam Patel"]
    [failed] = [row for row in store.list_outbox() if row.state is OutboxState.FAILED]
    assert failed.recipient_id == teams.person(adeel.email).id
    assert "no longer serves" in failed.last_error
