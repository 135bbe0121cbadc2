"""After a press, the pressed Slack message shows what happened instead of its buttons
(`chat.update`, as Teams refreshes its card); a form answered in a modal marks the message
whose button opened it when it is submitted; a late press on an old message is answered
only to the presser, changing nothing. Signed requests over real HTTP, fake Slack Web API."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import Call
from tests.slack.slack_harness import Harness, SlackUser, running_pool, words
from tests.slack.test_slack_aftercare import SAM, booked

ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def _updates(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "chat.update"]


def _types(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["type"] for b in blocks]


def _has_buttons(blocks: list[dict[str, Any]]) -> bool:
    return any(b["type"] == "actions" or "accessory" in b for b in blocks)


def _shortlisted(h: Harness) -> SlackUser:
    sam = h.user(SAM)
    for line in (ONE_LINER, "Keep my team motivated", "skip", "skip"):
        sam.say(line)
    sam.press("Regional Coaching Pool")
    sam.press("Yes, find me a coach")
    return sam


def test_an_accept_replaces_the_offers_buttons_with_what_happened(database_url: str) -> None:
    with running_pool(database_url) as h:
        sam = _shortlisted(h)
        request = h.application.store.list_requests()[0]
        first = h.application.store.get_shortlist(request.id)[0]
        coach_person = h.application.store.get_person(first.coach_id)
        assert coach_person is not None
        shortlist = sam.messages()[-1]
        before = len(h.fake.calls)
        sam.press(coach_person.name)
        (chose,) = _updates(h.fake.calls[before:])
        assert (chose.params["channel"], chose.params["ts"]) == (sam.dm, shortlist.answer["ts"])
        assert chose.params["text"].startswith(f"✓ You chose: {coach_person.name}, ")
        assert not _has_buttons(chose.params["blocks"])
        assert "coaches who could work with you" in words([chose])  # the message stays

        coach = h.user(coach_person.email)
        offer = coach.messages()[-1]
        accept = next(
            e["text"]["text"]
            for b in offer.params["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"].startswith("Accept")
        )
        before = len(h.fake.calls)
        assert "Your session is booked" in words(coach.press(accept))
        (accepted,) = _updates(h.fake.calls[before:])
        assert accepted.team_id == coach.me.team_id
        assert (accepted.params["channel"], accepted.params["ts"]) == (
            coach.dm,
            offer.answer["ts"],
        )
        blocks = accepted.params["blocks"]
        assert not _has_buttons(blocks)
        assert _types(blocks)[-1] == "context"
        assert blocks[-1]["elements"][0]["text"] == f"✓ You chose: {accept}"
        assert "would like you as their coach" in words([accepted])
        assert accepted.answer["ok"] is True  # Slack took the update


def test_a_late_press_on_an_old_message_is_answered_to_the_presser_only(
    database_url: str,
) -> None:
    with running_pool(database_url) as h:
        sam = _shortlisted(h)
        store = h.application.store
        request = store.list_requests()[0]
        first, second = store.get_shortlist(request.id)[:2]
        names = [store.get_person(e.coach_id).name for e in (first, second)]  # type: ignore[union-attr]
        sam.press(names[0])
        # The old shortlist's other button, pressed later (another device had it open).
        before = len(h.fake.calls)
        sam.press(names[1])
        after = h.fake.calls[before:]
        (told,) = [c for c in after if c.method == "chat.postEphemeral"]
        assert told.params["user"] == sam.me.user_id
        assert "so I've left it as it is" in words([told]), words([told])
        assert not _updates(after)  # nothing changed, so the message isn't marked
        assert not [c for c in after if c.method == "chat.postMessage"]
        assert store.list_requests()[0].chosen_coach_id == first.coach_id


def test_a_modal_answer_marks_the_message_that_opened_it(database_url: str) -> None:
    with running_pool(database_url) as h:
        sam, _ = booked(h)
        (session,) = h.application.store.list_sessions()
        h.clock.set(session.window.end + timedelta(minutes=30))
        h.deliver()
        prompt = sam.messages()[-1]
        assert "How was your session with" in words([prompt])
        before = len(h.fake.calls)
        sam.press("Give feedback")
        pressed = h.fake.calls[before:]
        assert not _updates(pressed)  # not answered yet: the modal may be closed unsent
        (opened,) = [c for c in pressed if c.method == "views.open"]
        view = opened.params["view"]
        private = json.loads(view["private_metadata"])
        assert (private["c"], private["m"]) == (sam.dm, prompt.answer["ts"])

        before = len(h.fake.calls)
        answers = {"usefulness": "4", "progress": "7", "comment": "", "consent": "yes"}
        submission = payloads.view_submission(
            team_id=sam.me.team_id, user=sam.me.user_id, view=view, values=answers
        )
        assert h.send_interaction(submission).status_code == 200
        h.wait_turns()
        after = h.fake.calls[before:]
        assert "Thank you" in words(sam.since(before))
        (read,) = [c for c in after if c.method == "conversations.history"]
        assert (read.params["channel"], read.params["latest"]) == (sam.dm, prompt.answer["ts"])
        (marked,) = _updates(after)
        assert marked.params["ts"] == prompt.answer["ts"]
        assert not _has_buttons(marked.params["blocks"])
        assert marked.params["text"] == f"✓ You sent: {view['title']['text']}"
        assert "How was your session with" in words([marked])
