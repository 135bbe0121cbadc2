"""A slash command's lists come through the core's one door, as the same word said in the
DM does: mid-conversation, `/coaching sessions` is answered and the open question asked
again, and the conversation carries on where it was."""

from __future__ import annotations

from bot.domain import Channel
from tests.slack.slack_harness import posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"


def test_coaching_sessions_mid_conversation_is_an_aside(database_url: str) -> None:
    with running_pool(database_url) as h:
        sam = h.user(SAM)
        asked = words(sam.say("coaching on managing change, Tuesday afternoons, online"))
        assert "What would you like to be different" in asked
        person = h.application.store.find_person_by_email(SAM)
        assert person is not None
        before = h.application.store.load_conversation(person.id, Channel.SLACK)
        assert before is not None

        aside = words(posted(sam.command("sessions")))
        assert "You have no sessions booked" in aside
        assert "To carry on where we were" in aside
        assert "What would you like to be different" in aside
        after = h.application.store.load_conversation(person.id, Channel.SLACK)
        assert after is not None and after.step == before.step
        assert "where are things now" in words(sam.say("Lead the merged team with confidence"))
