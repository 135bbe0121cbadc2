"""A proposal across channels: the Teams coach proposes other times in words, the Slack
coachee picks one of them with a button; both render the same core replies."""

from __future__ import annotations

from crosschannel_rig import both_channels
from teams_fakes import card_of, card_text, find_action
from teams_rig import CATHERINE, SHROPSHIRE_TENANT, Fakes, execute, installed, message

from bot.domain import RequestState, SessionState
from handlers.channel_names import SLACK
from tests.slack.slack_harness import posted, words

SAM = "sam.patel@dudley.gov.uk"
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def test_a_teams_coach_proposes_and_a_slack_coachee_picks(database_url: str, fakes: Fakes) -> None:
    fakes.connector.members[CATHERINE.user_id] = CATHERINE
    with both_channels(database_url, fakes, tenants={"shropshire": SHROPSHIRE_TENANT}) as both:
        h, teams = both.slack, both.teams
        store = h.application.store
        coach_inbox = f"a:personal-{CATHERINE.aad_object_id}"
        assert teams.post(installed(teams, CATHERINE, tenant=SHROPSHIRE_TENANT)).status_code == 200
        h.wait_turns()
        catherine = teams.person(CATHERINE.email)

        sam = h.user(SAM)
        sam.say(ONE_LINER)
        identity = store.find_identity(SLACK, sam.me.team_id, sam.me.user_id)
        assert identity is not None
        sam.say("Keep my team motivated")
        sam.say("skip")
        sam.say("skip")
        sam.press("Regional Coaching Pool")
        sam.press("Yes, find me a coach")
        before = len(fakes.connector.posted(coach_inbox))
        sam.press(catherine.name)
        (offer,) = [card_of(a) for a in fakes.connector.posted(coach_inbox)[before:]]
        assert offer is not None

        propose = find_action(offer, "Propose other times")
        response = teams.post(execute(teams, CATHERINE, propose, tenant=SHROPSHIRE_TENANT))
        assert response.status_code == 200, response.text
        h.wait_turns()
        slack_before = len(h.fake.calls)
        response = teams.post(
            message(teams, CATHERINE, "Wednesday 2 December 3pm", tenant=SHROPSHIRE_TENANT)
        )
        assert response.status_code == 200, response.text
        h.wait_turns()
        said = " ".join(
            card_text(card_of(a) or {}) + str(a.get("text", ""))
            for a in fakes.connector.posted(coach_inbox)
        )
        assert "I've offered Sam Wednesday 2 December, 15:00 GMT" in said
        (request,) = store.list_requests(coachee_id=identity.person_id)
        assert request.state is RequestState.WAITING_COACHEE

        assert "has suggested these times" in words(posted(sam.since(slack_before)))
        assert "Your session is booked" in words(sam.press("Wednesday 2 December, 15:00 GMT"))
        (session,) = store.list_sessions(person_id=catherine.id)
        assert session.state is SessionState.CONFIRMED
        assert session.window.start.isoformat() == "2026-12-02T15:00:00+00:00"
