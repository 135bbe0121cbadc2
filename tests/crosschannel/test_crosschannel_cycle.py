"""The whole cycle with a Teams coach and a Slack coachee, over real HTTP into one app
that serves both channels.

Sam asks in a Slack DM (Dudley's workspace), answers the follow-ups, confirms and picks
Catherine; Catherine has the app in Teams (Shropshire's tenant), so the dispatcher brings
her the request as an Adaptive Card through the Bot Connector; she accepts with an
Action.Execute invoke; Sam's confirmation and .ics invite reach him in Slack, hers come
back in Teams.
"""

from __future__ import annotations

from typing import Any

from crosschannel_rig import both_channels
from teams_fakes import card_of, card_text, find_action
from teams_rig import CATHERINE, SHROPSHIRE_TENANT, Fakes, execute, installed

from bot.domain import RequestState, SessionState
from handlers.channel_names import SLACK
from tests.slack.slack_harness import posted, team_of, words

SAM = "sam.patel@dudley.gov.uk"
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)
CONSENT = "application/vnd.microsoft.teams.card.file.consent"


def _attachment(activity: dict[str, Any], content_type: str) -> dict[str, Any] | None:
    return next(
        (a for a in activity.get("attachments") or [] if a.get("contentType") == content_type),
        None,
    )


def test_a_slack_coachee_books_a_teams_coach(database_url: str, fakes: Fakes) -> None:
    fakes.connector.members[CATHERINE.user_id] = CATHERINE
    with both_channels(database_url, fakes, tenants={"shropshire": SHROPSHIRE_TENANT}) as both:
        h, teams = both.slack, both.teams
        store = h.application.store
        coach_inbox = f"a:personal-{CATHERINE.aad_object_id}"

        # The coach has the app in Teams: installing it linked her by verified email.
        response = teams.post(installed(teams, CATHERINE, tenant=SHROPSHIRE_TENANT))
        assert response.status_code == 200, response.text
        h.wait_turns()
        catherine = teams.person(CATHERINE.email)
        assert teams.teams_identity(CATHERINE.email) is not None

        # The coachee asks in a Slack DM, in his own council's workspace.
        sam = h.user(SAM)
        assert sam.me.team_id == team_of("dudley")
        assert "What would you like to be different" in words(sam.say(ONE_LINER))
        identity = store.find_identity(SLACK, sam.me.team_id, sam.me.user_id)
        assert identity is not None
        assert "where are things now" in words(sam.say("Keep my team motivated"))
        assert "Anything you'd like in a coach" in words(sam.say("Two teams merge in January"))
        assert "Which programme" in words(sam.say("skip"))
        assert "Here's what I've understood" in words(sam.press("Regional Coaching Pool"))
        shortlist = sam.press("Yes, find me a coach")
        assert "coaches who could work with you" in words(shortlist)
        (request,) = store.list_requests(coachee_id=identity.person_id)
        assert request.state is RequestState.SHORTLISTED
        assert catherine.id in [c.coach_id for c in store.get_shortlist(request.id)]

        # He picks the Teams coach; the delivery after his turn reaches her on Teams.
        offers_before = len(fakes.connector.posted(coach_inbox))
        assert f"I've asked {catherine.name}" in words(sam.press(catherine.name))
        offers = fakes.connector.posted(coach_inbox)[offers_before:]
        assert len(offers) == 1
        offer = card_of(offers[0])
        assert offer is not None, offers[0]
        assert "Sam would like you as their coach" in card_text(offer)
        # ... and nowhere on Slack, though she is a member of Shropshire's workspace.
        coach_on_slack = h.user(CATHERINE.email)
        assert coach_on_slack.messages() == []
        assert h.fake.calls_to("users.lookupByEmail", email=CATHERINE.email) == []

        # She accepts with the card's button: a signed Action.Execute invoke.
        slack_before = len(h.fake.calls)
        connector_before = len(fakes.connector.posted(coach_inbox))
        accept = find_action(offer, "Accept")
        response = teams.post(execute(teams, CATHERINE, accept, tenant=SHROPSHIRE_TENANT))
        assert response.status_code == 200, response.text
        h.wait_turns()
        booked = card_text(response.json()["value"])
        assert "Your session is booked" in booked
        assert "With: Sam Patel" in booked

        (session,) = store.list_sessions(person_id=identity.person_id)
        assert session.state is SessionState.CONFIRMED
        assert session.coach_id == catherine.id
        assert [s.id for s in store.list_sessions(person_id=catherine.id)] == [session.id]

        # Sam's confirmation reached his Slack DM, with the invite uploaded there.
        for_sam = sam.since(slack_before)
        assert "Your session is booked" in words(posted(for_sam))
        assert catherine.name in words(posted(for_sam))
        completes = [c for c in for_sam if c.method == "files.completeUploadExternal"]
        assert len(completes) == 1
        assert completes[0].team_id == sam.me.team_id
        uploads = [c for c in h.fake.calls[slack_before:] if c.method == "upload"]
        assert len(uploads) == 1
        assert uploads[0].body.startswith(b"BEGIN:VCALENDAR")
        assert coach_on_slack.messages() == []

        # Catherine's invite follows in Teams, through the connector, as a file card.
        def consents() -> list[dict[str, Any]]:
            after = fakes.connector.posted(coach_inbox)[connector_before:]
            return [c for c in (_attachment(a, CONSENT) for a in after) if c]

        fakes.connector.wait_for(lambda _: bool(consents()), timeout=5)
        (consent,) = consents()
        assert consent["name"] == f"coaching-session-{session.id}.ics"

        # Everything due has gone out; nothing failed on either channel.
        now = h.clock.now()
        assert all(m.state == "sent" for m in store.list_outbox() if m.due_at <= now)
