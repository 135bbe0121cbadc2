"""A regional pool's own Slack workspace serving several member organisations: linked with
`coachpool organisation link`, it serves each person as a person of their own organisation
(told apart by verified email), and refuses, politely, someone whose organisation it
doesn't serve."""

from __future__ import annotations

import pytest

from bot.domain import Person, RequestState
from handlers.channel_names import SLACK
from handlers.cli.main import main
from tests.slack.slack_harness import SINGLE_TEAM, Harness, SlackUser, running_pool, words

SAM = "sam.patel@dudley.gov.uk"  # Dudley: linked to the shared workspace
ADEEL = "Adeel Khan"  # Walsall: linked to it too
SIOBHAN = "Siobhan Kelly"  # Coventry: a member organisation, but not of this workspace
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def _named(h: Harness, name: str) -> Person:
    return next(p for p in h.application.store.list_people() if p.name == name)


def _link(url: str, slug: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--database", url, "organisation", "link", slug, "--slack-team", SINGLE_TEAM]) == 0
    return capsys.readouterr().out


def _shortlist_for(h: Harness, user: SlackUser) -> list[Person]:
    """The person asks for coaching in their DM and confirms; the coaches offered."""
    assert "What would you like to be different" in words(user.say(ONE_LINER))
    user.say("Keep my team motivated")
    user.say("Two teams merge in January")
    if "Which programme" in words(user.say("skip")):
        user.press("Regional Coaching Pool")
    assert "coaches who could work with you" in words(user.press("Yes, find me a coach"))
    store = h.application.store
    person = store.find_person_by_email(user.me.email)
    assert person is not None
    [request] = store.list_requests(coachee_id=person.id)
    assert request.state is RequestState.SHORTLISTED
    coaches = [store.get_person(entry.coach_id) for entry in store.get_shortlist(request.id)]
    assert coaches and all(c is not None for c in coaches)
    return [c for c in coaches if c is not None]


def test_one_workspace_serves_two_organisations_each_person_as_themselves(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(database_url, member_teams=False) as h:
        store = h.application.store
        assert "shared" not in _link(database_url, "dudley", capsys)
        assert "is shared with dudley" in _link(database_url, "walsall", capsys)

        for coachee in (_named(h, "Sam Patel"), _named(h, ADEEL)):
            user = h.user(coachee.email)
            assert user.me.team_id == SINGLE_TEAM
            coaches = _shortlist_for(h, user)
            # Served as themselves: the account is theirs, and their own organisation's
            # rules apply (never a coach from their own council, though it has coaches).
            [identity] = store.identities_of(coachee.id)
            assert (identity.channel, identity.workspace) == (SLACK, SINGLE_TEAM)
            assert identity.user_id == user.me.user_id
            own = [p for p in store.list_people() if p.organisation_id == coachee.organisation_id]
            assert any(store.get_coach(p.id) for p in own)
            assert all(c.organisation_id != coachee.organisation_id for c in coaches)

        # Coventry is a member organisation, but this workspace doesn't serve it.
        siobhan = _named(h, SIOBHAN)
        answer = words(h.user(siobhan.email).say("sessions"))
        assert "belongs to an organisation that doesn't use this Slack workspace" in answer
        assert store.identities_of(siobhan.id) == []

        # Once Coventry is linked too, the same account is served.
        _link(database_url, "coventry", capsys)
        answer = words(h.user(siobhan.email).say("sessions"))
        assert "doesn't use this Slack workspace" not in answer
        assert [i.person_id for i in store.identities_of(siobhan.id)] == [siobhan.id]


def test_unlinking_one_organisation_leaves_the_other_served(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(sqlite_url, member_teams=False) as h:
        for slug in ("dudley", "walsall"):
            _link(sqlite_url, slug, capsys)
        sam, adeel = h.user(SAM), h.user(_named(h, ADEEL).email)
        for user in (sam, adeel):
            assert "no sessions" in words(user.say("sessions")).lower()

        unlink = ["organisation", "unlink", "walsall", "--slack-team", SINGLE_TEAM]
        assert main(["--database", sqlite_url, *unlink]) == 0
        # Adeel's account, linked before, is no longer served here; Sam's still is.
        assert "doesn't use this Slack workspace" in words(adeel.say("sessions"))
        assert "no sessions" in words(sam.say("sessions")).lower()


def test_a_coachee_and_a_coach_of_two_councils_book_in_the_shared_workspace(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(sqlite_url, member_teams=False) as h:
        _link(sqlite_url, "dudley", capsys)
        sam = h.user(SAM)
        coach_person = _shortlist_for(h, sam)[0]
        coach_org = h.application.store.get_organisation(coach_person.organisation_id)
        assert coach_org is not None
        # The coach's council joins the workspace: one link, and the offer reaches them there.
        assert "is shared with dudley" in _link(sqlite_url, coach_org.slug, capsys)
        coach = h.user(coach_person.email)
        assert coach.me.team_id == sam.me.team_id == SINGLE_TEAM

        assert f"I've asked {coach_person.name}" in words(sam.press(coach_person.name))
        assert "would like you as their coach" in words(coach.messages())
        accept = next(
            e["text"]["text"]
            for c in coach.messages()
            for b in c.params["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"].startswith("Accept")
        )
        before = len(h.fake.calls)
        assert "Your session is booked" in words(coach.press(accept))
        assert "Your session is booked" in words(sam.since(before))
        store = h.application.store
        [identity] = store.identities_of(coach_person.id)
        assert (identity.workspace, identity.user_id) == (SINGLE_TEAM, coach.me.user_id)
        sam_person = store.find_person_by_email(SAM)
        assert sam_person is not None
        [session] = store.list_sessions(person_id=sam_person.id)
        assert session.coach_id == coach_person.id
