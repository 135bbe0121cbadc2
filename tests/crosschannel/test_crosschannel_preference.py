"""A person on both channels is reached on the channel of lowest mount rank (Teams before
Slack), whichever channel the message came from: the preference belongs to the mounts
(`ChannelMount.rank`), not to the notifier."""

from __future__ import annotations

from crosschannel_rig import both_channels
from teams_fakes import card_of, card_text
from teams_rig import CATHERINE, SHROPSHIRE_TENANT, Fakes, installed

from handlers.channel_names import SLACK, TEAMS
from tests.slack.slack_harness import words

SAM = "sam.patel@dudley.gov.uk"


def test_a_coach_on_slack_and_teams_gets_the_request_on_teams(
    database_url: str, fakes: Fakes
) -> None:
    fakes.connector.members[CATHERINE.user_id] = CATHERINE
    with both_channels(database_url, fakes, tenants={"shropshire": SHROPSHIRE_TENANT}) as both:
        h, teams = both.slack, both.teams
        store = h.application.store
        coach_inbox = f"a:personal-{CATHERINE.aad_object_id}"

        # Catherine talks to the bot in Slack first, then installs the app in Teams.
        coach_on_slack = h.user(CATHERINE.email)
        assert coach_on_slack.say("hello")
        response = teams.post(installed(teams, CATHERINE, tenant=SHROPSHIRE_TENANT))
        assert response.status_code == 200, response.text
        h.wait_turns()
        catherine = teams.person(CATHERINE.email)
        channels = {i.channel for i in store.identities_of(catherine.id)}
        assert channels == {SLACK, TEAMS}

        # Sam, on Slack, asks for her.
        sam = h.user(SAM)
        sam.say(
            "could I get coaching on leading my team through a restructure, "
            "Tuesday or Thursday afternoons, online please"
        )
        sam.say("Keep my team motivated")
        sam.say("Two teams merge in January")
        sam.say("skip")
        sam.press("Regional Coaching Pool")
        assert "coaches who could work with you" in words(sam.press("Yes, find me a coach"))
        slack_before = len(coach_on_slack.messages())
        offers_before = len(fakes.connector.posted(coach_inbox))
        assert f"I've asked {catherine.name}" in words(sam.press(catherine.name))

        # The request reaches her on Teams, and not on Slack.
        offers = fakes.connector.posted(coach_inbox)[offers_before:]
        assert len(offers) == 1
        offer = card_of(offers[0])
        assert offer is not None, offers[0]
        assert "Sam would like you as their coach" in card_text(offer)
        assert coach_on_slack.messages()[slack_before:] == []
