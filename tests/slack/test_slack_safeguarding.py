"""Safeguarding on Slack, through signed HTTP: a risky answer in the intake modal, or in
a DM mid-conversation, gets the kind reply and leaves nothing in the store."""

from __future__ import annotations

from typing import Any

from handlers.channel_names import SLACK
from handlers.slack.listeners import REQUEST_COACHING
from storage.store import SqlStore
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import Harness, running_pool, words
from tests.store_dump import places_holding

SAM = "sam.patel@dudley.gov.uk"


def _store(h: Harness) -> SqlStore:
    store = h.application.store
    assert isinstance(store, SqlStore)
    return store


def _intake_modal(h: Harness) -> dict[str, Any]:
    sam = h.user(SAM)
    before = len(h.fake.calls)
    shortcut = payloads.global_shortcut(
        team_id=sam.me.team_id, user=sam.me.user_id, callback_id=REQUEST_COACHING
    )
    assert h.send_interaction(shortcut).status_code == 200
    h.wait_turns()
    (call,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
    view: dict[str, Any] = call.params["view"]
    return view


def test_a_risky_intake_modal_is_answered_kindly_and_not_kept(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        view = _intake_modal(h)
        before = len(h.fake.calls)
        values = {
            "topic": "quixotic budgeting",
            "goal": "Feel in control",
            "reality": "I keep thinking about suicide",
            "when": "Tuesday or Thursday afternoons",
        }
        submission = payloads.view_submission(
            team_id=sam.me.team_id, user=sam.me.user_id, view=view, values=values
        )
        response = h.send_interaction(submission)
        assert response.status_code == 200 and response.text == ""
        h.wait_turns()
        said = words(sam.since(before))
        assert "Sam, thank you for telling me" in said
        assert "Samaritans free on 116 123" in said and "999" in said
        assert "I haven't saved that form" in said
        person = h.application.store.find_person_by_email(SAM)
        assert person is not None
        assert h.application.store.load_conversation(person.id, SLACK) is None
        h.deliver()
        assert places_holding(_store(h), ["suicide", "quixotic"]) == []


def test_a_risky_dm_mid_conversation_asks_the_question_again(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        sam.say("I need a coach")
        said = words(sam.say("I'm at breaking point, I want to harm myself"))
        assert "Samaritans free on 116 123" in said
        assert "What would you like coaching on?" in said
        h.deliver()
        assert places_holding(_store(h), ["harm myself"]) == []


def test_a_question_about_the_service_is_answered_in_the_dm(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        said = words(h.user(SAM).say("Is coaching confidential?"))
        assert "Yes, coaching here is confidential." in said
        assert "never come from fewer than 5 people" in said
        person = h.application.store.find_person_by_email(SAM)
        assert person is not None
        assert h.application.store.load_conversation(person.id, SLACK) is None
        assert h.application.store.list_requests() == []
