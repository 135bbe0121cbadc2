"""Who may talk to the bot on Slack, and what a press on a stale button does."""

from __future__ import annotations

import dataclasses
import json

from bot.actions import action_value
from bot.domain import CoachingRequest, RequestState
from handlers.channel_names import SLACK
from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import FakeUser
from tests.slack.slack_harness import SINGLE_TEAM, posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
STRANGER = FakeUser(SINGLE_TEAM, "U0STRANGER", "someone@example.org")
UNCONFIRMED = FakeUser(SINGLE_TEAM, "U0NEW", "ryan.cooper@birmingham.gov.uk", confirmed=False)


def test_an_unknown_person_is_told_who_to_ask_and_nothing_is_linked(sqlite_url: str) -> None:
    with running_pool(sqlite_url, extra_users=(STRANGER,)) as h:
        stranger = h.user(STRANGER.email)
        answer = words(stranger.say("I'd like some coaching please"))
        assert "couldn't find someone@example.org in the coaching pool" in answer
        assert "pool coordinator" in answer
        assert "Marcus Reid (marcus.reid@wmemployers.org.uk)" in answer
        store = h.application.store
        assert store.find_identity(SLACK, SINGLE_TEAM, STRANGER.user_id) is None
        assert store.list_requests() == []


def test_an_unconfirmed_email_is_not_trusted(sqlite_url: str) -> None:
    with running_pool(sqlite_url, extra_users=(UNCONFIRMED,)) as h:
        answer = words(h.user(UNCONFIRMED).say("hello"))
        assert "confirm your email address in Slack" in answer
        store = h.application.store
        assert store.find_identity(SLACK, SINGLE_TEAM, UNCONFIRMED.user_id) is None


def test_a_workspace_of_no_member_organisation_is_refused_politely(sqlite_url: str) -> None:
    with running_pool(sqlite_url, member_teams=False) as h:
        sam = h.user(SAM)
        answer = words(sam.say("coaching on managing change please"))
        assert "This Slack workspace isn't connected to the coaching pool" in answer
        assert "ask the pool coordinator" in answer
        store = h.application.store
        assert store.find_identity(SLACK, SINGLE_TEAM, sam.me.user_id) is None
        assert store.list_requests() == []
        assert h.fake.calls_to("users.info") == []  # refused before looking anyone up


def test_a_known_person_is_linked_once_and_found_by_identity_after(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        sam.say("hello")
        sam.say("sessions")
        assert len(h.fake.calls_to("users.info")) == 1
        identity = h.application.store.find_identity(SLACK, SINGLE_TEAM, sam.me.user_id)
        assert identity is not None
        assert identity.conversation_ref == {"channel": sam.dm}


def test_an_old_button_gets_an_ephemeral_answer_and_changes_nothing(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        sam.say("coaching on leading my team through a restructure, Tuesday afternoons, online")
        sam.say("Keep my team motivated")
        sam.say("skip")
        sam.say("skip")  # now at the programme question
        old_button, old_message = sam.find_button("Regional Coaching Pool")
        sam.press("Regional Coaching Pool")  # answered: the summary follows
        store = h.application.store
        person = store.find_person_by_email(SAM)
        assert person is not None
        state = store.load_conversation(person.id, SLACK)
        assert state is not None and state.step == "confirm"

        before = len(h.fake.calls)
        press = payloads.block_actions(
            team_id=sam.me.team_id,
            user=sam.me.user_id,
            button=old_button,
            channel=sam.dm,
            message={"ts": "1.0", "blocks": old_message.params["blocks"]},
        )
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        after = h.fake.calls[before:]
        assert posted(after) == []  # nothing joins the conversation
        ephemeral = posted(after, "chat.postEphemeral")
        assert len(ephemeral) == 1
        assert ephemeral[0].params["user"] == sam.me.user_id
        assert "That button belongs to an earlier question" in words(ephemeral)
        state = store.load_conversation(person.id, SLACK)
        assert state is not None and state.step == "confirm"
        assert store.list_requests() == []


def test_a_button_for_someone_elses_request_changes_nothing(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        store = h.application.store
        sam_person = store.find_person_by_email(SAM)
        assert sam_person is not None
        programme = store.list_programmes()[0]
        request = store.add_request(
            CoachingRequest(
                0, sam_person.id, programme.id, RequestState.OPEN, h.clock.now(), topic="x"
            )
        )
        other = h.user("emma.roberts@coventry.gov.uk")
        button = {
            "action_id": "cp.choice.0",
            "text": {"type": "plain_text", "text": "Withdraw"},
            "value": json.dumps({"v": action_value("withdraw", request.id), "t": ""}),
        }
        press = payloads.block_actions(
            team_id=other.me.team_id, user=other.me.user_id, button=button, channel=other.dm
        )
        before = len(h.fake.calls)
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        after = h.fake.calls[before:]
        assert posted(after) == []
        assert "Sorry, I can't find that request" in words(posted(after, "chat.postEphemeral"))
        fresh = store.get_request(request.id)
        assert fresh is not None and dataclasses.replace(fresh) == request


def test_a_button_from_a_finished_conversation_is_refused_ephemerally(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        sam.say("coaching on leading my team through a restructure, Tuesday afternoons, online")
        sam.say("Keep my team motivated")
        sam.say("skip")
        sam.say("skip")  # the programme question, with its buttons
        assert "stopped there" in words(sam.say("cancel"))
        before = len(h.fake.calls)
        button, message = sam.find_button("Regional Coaching Pool")
        press = payloads.block_actions(
            team_id=sam.me.team_id,
            user=sam.me.user_id,
            button=button,
            channel=sam.dm,
            message={"ts": "1.0", "blocks": message.params["blocks"]},
        )
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        after = h.fake.calls[before:]
        assert posted(after) == []
        assert "conversation that has finished" in words(posted(after, "chat.postEphemeral"))
