"""Proactive messages: the stored conversation reference, a new one-to-one conversation
for someone who has the app but never wrote, and Microsoft's retry guidance (429, 412,
502, 504 retried with backoff, a bounded number of times; anything else reported)."""

from __future__ import annotations

import pytest
from teams_fakes import Answer, card_of, card_text
from teams_rig import DUDLEY_TENANT, FAST, SAM, TeamsRig, message

from bot.domain import Identity
from bot.domain.outbox import OutboxState
from bot.notices import queue_outgoing
from bot.ports.notifier import DeliveryError
from bot.replies import Attachment, Card, Fact, Outgoing, Reply, Text
from handlers.channel_names import TEAMS


def _send(teams: TeamsRig, identity: Identity | None, replies: list[Reply]) -> None:
    assert teams.mount.sender is not None
    teams.mount.sender.send(person=teams.person(SAM.email), identity=identity, replies=replies)


def _known(teams: TeamsRig) -> Identity:
    assert teams.post(message(teams, SAM, "hello", tenant=DUDLEY_TENANT)).status_code == 200
    identity = teams.teams_identity(SAM.email)
    assert identity is not None
    teams.connector.seen.clear()
    return identity


def test_sends_to_the_stored_conversation_with_a_bot_token(teams: TeamsRig) -> None:
    identity = _known(teams)
    _send(teams, identity, [Text("Your coach has answered.")])
    [post] = teams.connector.requests("POST")
    assert post.path == f"/v3/conversations/a:personal-{SAM.aad_object_id}/activities"
    assert post.headers["Authorization"] == f"Bearer {teams.fakes.login.issued[-1]}"
    assert post.body["text"] == "Your coach has answered."


def test_opens_a_conversation_for_someone_who_never_wrote(teams: TeamsRig) -> None:
    sam = teams.person(SAM.email)
    installed_only = Identity(
        sam.id,
        TEAMS,
        DUDLEY_TENANT,
        SAM.aad_object_id,
        conversation_ref={
            "service_url": teams.service_url,
            "tenant_id": DUDLEY_TENANT,
            "aad_object_id": SAM.aad_object_id,
        },
    )
    teams.application.store.link_identity(installed_only)
    _send(teams, installed_only, [Card("Your session is booked", (Fact("With", "Asha"),))])
    opened, posted = teams.connector.requests("POST")
    assert opened.path == "/v3/conversations"
    assert opened.body["members"] == [{"id": SAM.aad_object_id}]
    assert opened.body["tenantId"] == DUDLEY_TENANT
    assert opened.body["isGroup"] is False
    assert opened.body["bot"]["id"].startswith("28:")
    conversation = posted.path.split("/")[3]
    assert conversation.startswith("a:opened-")
    card = card_of(posted.body)
    assert card is not None and "Your session is booked" in card_text(card)
    stored = teams.teams_identity(SAM.email)
    assert stored is not None and stored.conversation_ref["conversation_id"] == conversation


def test_without_an_identity_it_refuses_for_good(teams: TeamsRig) -> None:
    with pytest.raises(DeliveryError) as raised:
        _send(teams, None, [Text("hello")])
    assert raised.value.retryable is False
    assert teams.connector.seen == []


@pytest.mark.parametrize("status", [429, 412, 502, 504])
def test_transient_failures_are_retried(teams: TeamsRig, status: int) -> None:
    identity = _known(teams)
    teams.connector.fail_next(Answer(status, headers={"Retry-After": "0"}), Answer(status))
    _send(teams, identity, [Text("Reminder: your session is tomorrow.")])
    assert len(teams.connector.requests("POST")) == 3


def test_retries_are_bounded_and_leave_the_message_retryable(teams: TeamsRig) -> None:
    identity = _known(teams)
    teams.connector.fail_next(*[Answer(429, {"error": {"code": "Throttled"}})] * FAST.attempts)
    with pytest.raises(DeliveryError) as raised:
        _send(teams, identity, [Text("hello")])
    assert raised.value.retryable is True
    assert "429" in raised.value.reason
    assert len(teams.connector.requests("POST")) == FAST.attempts


def test_other_failures_are_not_retried(teams: TeamsRig) -> None:
    identity = _known(teams)
    refusal = {"error": {"code": "ConversationBlockedByUser", "message": "User blocked"}}
    teams.connector.fail_next(Answer(403, refusal))
    with pytest.raises(DeliveryError) as raised:
        _send(teams, identity, [Text("hello")])
    assert raised.value.retryable is False
    assert "403 (ConversationBlockedByUser: User blocked)" in raised.value.reason
    assert len(teams.connector.requests("POST")) == 1


def test_a_partly_delivered_message_is_not_retried(teams: TeamsRig) -> None:
    identity = _known(teams)
    invite = Attachment("session.ics", b"BEGIN:VCALENDAR", "text/calendar", "Add to calendar")
    teams.connector.fail_next(Answer(200, {"id": "ok"}), Answer(500))
    with pytest.raises(DeliveryError) as raised:
        _send(teams, identity, [Card("Booked"), invite])
    assert raised.value.retryable is False
    assert "after 1 of 2" in raised.value.reason


def test_the_dispatcher_records_a_failure_on_the_outbox_row(teams: TeamsRig) -> None:
    identity = _known(teams)
    store = teams.application.store
    queue_outgoing(
        store,
        (Outgoing(identity.person_id, (Text("Your coach has answered."),)),),
        now=teams.clock.now(),
        origin="test",
    )
    teams.connector.fail_next(Answer(404, {"error": {"code": "ConversationNotFound"}}))
    report = teams.dispatch()
    assert (report.sent, report.failed) == (0, 1)
    [row] = store.list_outbox()
    assert row.state is OutboxState.FAILED
    assert "404 (ConversationNotFound)" in row.last_error
