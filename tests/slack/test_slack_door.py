"""Slack reaches the core only through its one door. A slash command's lists are the same
word said in the DM: mid-conversation, `/coaching sessions` is answered and the open
question asked again. The intake modal's submission is a turn like any other, handled once."""

from __future__ import annotations

from handlers.channel_names import SLACK
from handlers.slack.listeners import REQUEST_COACHING
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"


def test_coaching_sessions_mid_conversation_is_an_aside(database_url: str) -> None:
    with running_pool(database_url) as h:
        sam = h.user(SAM)
        asked = words(sam.say("coaching on managing change, Tuesday afternoons, online"))
        assert "What would you like to be different" in asked
        person = h.application.store.find_person_by_email(SAM)
        assert person is not None
        before = h.application.store.load_conversation(person.id, SLACK)
        assert before is not None

        aside = words(posted(sam.command("sessions")))
        assert "You have no sessions booked" in aside
        assert "To carry on where we were" in aside
        assert "What would you like to be different" in aside
        after = h.application.store.load_conversation(person.id, SLACK)
        assert after is not None and after.step == before.step
        assert "where are things now" in words(sam.say("Lead the merged team with confidence"))


def test_the_intake_modal_mid_conversation_starts_afresh_once(database_url: str) -> None:
    """Its submission is a turn like any other, known to the core by the intake form's
    token; sent twice (a retry), it is handled once."""
    with running_pool(database_url) as h:
        sam = h.user(SAM)
        sam.say("coaching on public speaking please")
        before = len(h.fake.calls)
        shortcut = payloads.global_shortcut(
            team_id=sam.me.team_id, user=sam.me.user_id, callback_id=REQUEST_COACHING
        )
        assert h.send_interaction(shortcut).status_code == 200
        h.wait_turns()
        (opened,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
        values = {
            "topic": "leading my team through a restructure",
            "goal": "Keep my team motivated",
            "when": "Tuesday or Thursday afternoons",
        }
        submission = payloads.view_submission(
            team_id=sam.me.team_id,
            user=sam.me.user_id,
            view={**opened.params["view"], "id": "V0INTAKE"},
            values=values,
        )
        before = len(h.fake.calls)
        for _ in range(2):
            assert h.send_interaction(submission).status_code == 200
            h.wait_turns()
        summaries = [c for c in posted(sam.since(before)) if "understood" in words([c])]
        assert len(summaries) == 1
        said = words(summaries)
        assert "leading my team through a restructure" in said and "public speaking" not in said
