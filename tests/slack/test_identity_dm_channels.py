"""A person's DM comes only from Slack's own `conversations.open` for them: a correctly
signed request naming someone else's DM channel never re-points where they are answered,
nor where the dispatcher reaches them later."""

from __future__ import annotations

import json

from bot.domain import Person
from bot.replies import Text
from handlers.channel_names import SLACK
from handlers.delivery import ChannelNotifier
from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import FakeUser
from tests.slack.slack_harness import SINGLE_TEAM, Harness, SlackUser, posted, running_pool

SAM = "sam.patel@dudley.gov.uk"
EMMA = "emma.roberts@coventry.gov.uk"
STRANGER = FakeUser(SINGLE_TEAM, "U0STRANGER", "someone@example.org")


def _person(h: Harness, email: str) -> Person:
    person = h.application.store.find_person_by_email(email)
    assert person is not None
    return person


def _dm_of(h: Harness, person: Person) -> str:
    identity = h.application.store.identities_of(person.id)[0]
    return identity.conversation_ref["channel"]


def _say_in(h: Harness, user: SlackUser, channel: str, text: str) -> None:
    event = payloads.dm_event(user=user.me.user_id, channel=channel, text=text)
    assert h.send_event(user.me.team_id, event).status_code == 200
    h.wait_turns()


def test_a_message_naming_someone_elses_dm_changes_nothing(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam, emma = h.user(SAM), h.user(EMMA)
        emma.say("hello")
        before = len(h.fake.calls)
        _say_in(h, sam, emma.dm, "sessions")  # first contact, crafted channel
        _say_in(h, sam, emma.dm, "help")  # and once linked
        after = posted(h.fake.calls[before:])
        assert after and {c.params["channel"] for c in after} == {sam.dm}
        assert _dm_of(h, _person(h, SAM)) == sam.dm
        assert h.fake.calls_to("conversations.open", users=sam.me.user_id)

        # Later messages for Sam still go to Sam's own DM, never Emma's.
        before = len(h.fake.calls)
        ChannelNotifier(h.application.services, h.senders()).send(
            person_id=_person(h, SAM).id, replies=[Text("Your digest")]
        )
        assert [c.params["channel"] for c in posted(h.fake.calls[before:])] == [sam.dm]


def test_a_press_naming_someone_elses_dm_is_answered_in_the_pressers_dm(
    sqlite_url: str,
) -> None:
    with running_pool(sqlite_url) as h:
        sam, emma = h.user(SAM), h.user(EMMA)
        sam.say("hello")
        emma.say("hello")
        button = {
            "action_id": "cp.choice.0",
            "text": {"type": "plain_text", "text": "help"},
            "value": json.dumps({"v": "help", "t": ""}),
        }
        press = payloads.block_actions(
            team_id=sam.me.team_id, user=sam.me.user_id, button=button, channel=emma.dm
        )
        before = len(h.fake.calls)
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        sent = [c for c in h.fake.calls[before:] if "channel" in c.params]
        assert sent and {c.params["channel"] for c in sent} == {sam.dm}
        assert _dm_of(h, _person(h, SAM)) == sam.dm
        assert _dm_of(h, _person(h, EMMA)) == emma.dm


def test_a_stranger_naming_someone_elses_dm_is_answered_in_their_own(sqlite_url: str) -> None:
    with running_pool(sqlite_url, extra_users=(STRANGER,)) as h:
        emma, stranger = h.user(EMMA), h.user(STRANGER)
        emma.say("hello")
        before = len(h.fake.calls)
        _say_in(h, stranger, emma.dm, "hello")
        sent = posted(h.fake.calls[before:])
        assert [c.params["channel"] for c in sent] == [STRANGER.dm]
        store = h.application.store
        assert store.find_identity(SLACK, SINGLE_TEAM, STRANGER.user_id) is None
