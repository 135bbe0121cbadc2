"""/coaching, the "Request coaching" shortcut and its modal, and the App Home tab."""

from __future__ import annotations

from typing import Any

from bot.domain import RequestState
from handlers.channel_names import SLACK
from handlers.slack.listeners import REQUEST_COACHING
from tests.slack import slack_payloads as payloads
from tests.slack.block_kit_rules import view_problems
from tests.slack.slack_harness import Harness, SlackUser, posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
COORDINATOR = "marcus.reid@wmemployers.org.uk"


def _opened_view(h: Harness, before: int) -> dict[str, Any]:
    (call,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
    view: dict[str, Any] = call.params["view"]
    assert view_problems(view) == []
    return view


def _submit(h: Harness, user: SlackUser, view: dict[str, Any], values: dict[str, str]) -> None:
    payload = payloads.view_submission(
        team_id=user.me.team_id, user=user.me.user_id, view=view, values=values
    )
    response = h.send_interaction(payload)
    assert response.status_code == 200
    assert response.text == ""  # an empty ack closes the modal
    h.wait_turns()


def test_the_shortcut_opens_the_intake_form_and_its_submission_starts_intake(
    sqlite_url: str,
) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        before = len(h.fake.calls)
        shortcut = payloads.global_shortcut(
            team_id=sam.me.team_id, user=sam.me.user_id, callback_id=REQUEST_COACHING
        )
        assert h.send_interaction(shortcut).status_code == 200
        h.wait_turns()
        view = _opened_view(h, before)
        assert view["title"]["text"] == "Request coaching"
        labels = [b["label"]["text"] for b in view["blocks"]]
        assert "What would you like coaching on?" in labels
        before = len(h.fake.calls)
        _submit(
            h,
            sam,
            view,
            {
                "topic": "leading my team through a restructure",
                "goal": "Keep my team motivated",
                "when": "Tuesday or Thursday afternoons",
            },
        )
        summary = words(sam.since(before))
        assert "Here's what I've understood" in summary
        assert "leading my team through a restructure" in summary
        person = h.application.store.find_person_by_email(SAM)
        assert person is not None
        state = h.application.store.load_conversation(person.id, SLACK)
        assert state is not None and state.step == "confirm"
        shortlist = sam.press("Yes, find me a coach")
        assert "Choose one and I'll ask them for a time" in words(shortlist)
        (request,) = h.application.store.list_requests()
        assert request.state is RequestState.SHORTLISTED


def test_coaching_with_no_words_opens_the_form(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        before = len(h.fake.calls)
        h.user(SAM).command("")
        assert _opened_view(h, before)["callback_id"] == "cp.form"


def test_coaching_sessions_answers_in_the_dm_with_a_note_where_it_was_typed(
    sqlite_url: str,
) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        calls = sam.command("sessions", channel="C0GENERAL")
        assert "You have no sessions booked" in words(posted(calls))
        assert all(c.params["channel"] == sam.dm for c in posted(calls))
        (note,) = [c for c in calls if c.method == "response_url"]
        assert note.params["response_type"] == "ephemeral"
        assert "direct messages" in note.params["text"]


def test_coaching_help_and_free_text(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        sam = h.user(SAM)
        assert "/coaching sessions" in words(posted(sam.command("help")))
        asked = sam.command("coaching on managing change, Tuesday afternoons, online")
        assert "What would you like to be different" in words(posted(asked))
        assert [c for c in asked if c.method == "response_url"] == []  # typed in the DM


def test_coaching_availability_for_a_coach(sqlite_url: str) -> None:
    with running_pool(sqlite_url) as h:
        coach = next(p for p in h.application.store.list_coaches())
        person = h.application.store.get_person(coach.person_id)
        assert person is not None
        answer = words(posted(h.user(person.email).command("availability")))
        assert "Your availability" in answer and "Capacity" in answer


def test_admin_requests_is_for_coordinators_only(sqlite_url: str) -> None:
    """The list is the core's own 'waiting' answer, reached through the door: before Sam's
    request is made nothing waits; once it is, it is listed with its stage."""
    with running_pool(sqlite_url) as h:
        sam, coordinator = h.user(SAM), h.user(COORDINATOR)
        sam.say("coaching on leading my team, Tuesday afternoons, online please")
        refused = words(posted(sam.command("admin requests")))
        assert "admin commands are for the pool's coordinators" in refused
        assert "No requests are waiting" in words(posted(coordinator.command("admin requests")))
        for answer in ("Keep my team motivated", "skip", "skip"):
            sam.say(answer)
        sam.press("Regional Coaching Pool")
        sam.press("Yes, find me a coach")
        request = h.application.store.list_requests()[0]
        listed = words(posted(coordinator.command("admin requests")))
        assert f"Request {request.id}" in listed
        assert "coachee choosing" in listed
        unknown = words(posted(coordinator.command("admin figures")))
        assert "So far I know" in unknown


def test_the_home_tab_shows_requests_sessions_and_for_coaches_their_availability(
    sqlite_url: str,
) -> None:
    with running_pool(sqlite_url) as h:
        coach = h.application.store.list_coaches()[0]
        person = h.application.store.get_person(coach.person_id)
        assert person is not None
        user = h.user(person.email)
        event = payloads.home_opened_event(user=user.me.user_id, channel=user.dm)
        assert h.send_event(user.me.team_id, event).status_code == 200
        h.wait_turns()
        (published,) = h.fake.calls_to("views.publish")
        assert published.params["user_id"] == user.me.user_id
        view = published.params["view"]
        assert view_problems(view) == []
        shown = words([published])
        for part in (
            "Your requests",
            "Your sessions",
            "Waiting for your answer",
            "Your availability",
        ):
            assert part in shown
        button = view["blocks"][1]["accessory"]
        assert button["text"]["text"] == "Request coaching"
        before = len(h.fake.calls)
        press = payloads.block_actions(
            team_id=user.me.team_id, user=user.me.user_id, button=button, home=True
        )
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        assert _opened_view(h, before)["title"]["text"] == "Request coaching"


def test_a_stranger_gets_the_explanation_in_the_shortcut_and_home(sqlite_url: str) -> None:
    with running_pool(sqlite_url, member_teams=False) as h:
        sam = h.user(SAM)
        before = len(h.fake.calls)
        shortcut = payloads.global_shortcut(
            team_id=sam.me.team_id, user=sam.me.user_id, callback_id=REQUEST_COACHING
        )
        assert h.send_interaction(shortcut).status_code == 200
        h.wait_turns()
        assert "isn't connected to the coaching pool" in words([h.fake.calls[-1]])
        assert _opened_view(h, before)["callback_id"] == "cp.info"
        event = payloads.home_opened_event(user=sam.me.user_id, channel=sam.dm)
        assert h.send_event(sam.me.team_id, event).status_code == 200
        h.wait_turns()
        assert "isn't connected to the coaching pool" in words(h.fake.calls_to("views.publish"))
        (note,) = [c for c in sam.command("sessions") if c.method == "response_url"]
        assert "isn't connected to the coaching pool" in note.params["text"]
        assert posted(h.fake.calls) == []
