"""Nothing a person types becomes a Slack mention, link or formatting, card markdown in
Teams, or a new line in the .ics, in what the bot sends to someone else."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from bot.calendar_invite import session_invite
from bot.domain import Person, Role, Session, SessionKind, SessionState
from bot.domain.timewindow import TimeWindow
from bot.meeting_links import meeting_link
from bot.replies import Reply
from handlers.slack.render import Message, render
from handlers.slack.text import ZERO_WIDTH_SPACE
from handlers.teams.cards import reply_card
from tests.conversations.transcript import Transcript

SAM = "sam.patel@dudley.gov.uk"
HOSTILE = (
    "<!channel> <!here> <@U0BOSS> <#C0GENERAL> <http://evil.example|click me> "
    "[click](http://evil.example) *bold* _italic_ ~gone~ `code` <b>html</b> & more"
)
MARKERS = re.compile(r"[*_~`]+")


def _coach_is_asked(t: Transcript) -> list[Reply]:
    t.say(SAM, "coaching on leading my team through a restructure, Tuesday afternoons, online")
    t.say(SAM, HOSTILE)  # the goal
    t.say(SAM, "Things are " + HOSTILE)  # where things are now
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Yes, find me a coach")
    t.press(SAM, ", ")
    coach = t.store.get_person(t.store.list_requests()[-1].chosen_coach_id or 0)
    assert coach is not None
    assert "would like you as their coach" in t.inbox(coach.email)
    return t.last[coach.id]


def _mrkdwn_texts(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn":
            found.append(node["text"])
        for value in node.values():
            found += _mrkdwn_texts(value)
    elif isinstance(node, list):
        for item in node:
            found += _mrkdwn_texts(item)
    return found


def test_slack_shows_the_coachees_words_exactly_and_pings_no_one(t: Transcript) -> None:
    replies = _coach_is_asked(t)
    parts = [p for p in render(replies) if isinstance(p, Message)]
    texts = [p.text for p in parts] + _mrkdwn_texts([list(p.blocks) for p in parts])
    shown = "\n".join(texts)
    assert "&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &lt;#C0GENERAL&gt;" in shown
    assert "&lt;http://evil.example|click me&gt;" in shown
    for control in ("<!", "<@", "<#", "<http", "&amp;lt;"):
        assert control not in shown
    assert any("bold" in text for text in texts)
    for text in texts:
        body = re.sub(r"^\*[^*\n]+\*\n", "", text)  # a fact's bold label
        for marker in MARKERS.finditer(body):
            before = body[marker.start() - 1] if marker.start() else ""
            after = body[marker.end()] if marker.end() < len(body) else ""
            inside_a_word = before.isalnum() and after.isalnum()
            assert inside_a_word or before == after == ZERO_WIDTH_SPACE, body


def test_teams_cards_show_the_coachees_words_exactly(t: Transcript) -> None:
    replies = _coach_is_asked(t)
    card = json.dumps(reply_card(replies).model_dump(by_alias=True, exclude_none=True))
    texts = re.findall(r'"(?:text|value|title)": "((?:[^"\\]|\\.)*)"', card)
    shown = [json.loads(f'"{text}"') for text in texts]
    goal = next(s for s in shown if "gone" in s)
    assert goal == (
        r"\<!channel\> \<!here\> \<@U0BOSS\> \<#C0GENERAL\> \<http://evil.example|click me\> "
        r"\[click\](http://evil.example) \*bold\* \_italic\_ \~gone\~ \`code\` \<b\>html\</b\> "
        r"& more"
    )


def _session(link: str = "", location: str = "Online") -> Session:
    start = datetime(2026, 12, 1, 14, tzinfo=UTC)
    return Session(
        id=7,
        engagement_id=1,
        coach_id=1,
        coachee_id=2,
        window=TimeWindow(start, start + timedelta(hours=1)),
        state=SessionState.CONFIRMED,
        kind=SessionKind.COACHING,
        location=location,
        meeting_link=link,
    )


def test_the_invite_keeps_every_value_on_its_own_line() -> None:
    coach = Person(
        1, "coach@x.org", "Ann\r\nATTENDEE:mailto:evil@x.org", 1, frozenset({Role.COACH})
    )
    coachee = Person(2, "sam@x.org", 'Sam "the" Patel', 1, frozenset({Role.COACHEE}))
    invite = session_invite(
        _session(link="https://meet.example/a\r\nATTENDEE:mailto:evil@x.org",
                 location="Room 1\r\nEND:VEVENT\r\nBEGIN:VEVENT"),
        coach=coach, coachee=coachee, stamp=datetime(2026, 11, 24, tzinfo=UTC),
        title="Coaching:\r\nATTENDEE:mailto:evil@x.org", location="Room 1\nEND:VEVENT",
        organizer="pool@x.org", organizer_name="Pool\r\nATTENDEE:mailto:evil@x.org",
    )  # fmt: skip
    text = invite.content.decode()
    lines = text.replace("\r\n ", "").split("\r\n")  # unfolded
    assert not [line for line in lines if line.startswith(("ATTENDEE:mailto:evil", "END:VEVENT X"))]
    assert sum(line.startswith("BEGIN:VEVENT") for line in lines) == 1
    assert "URL" not in {line.split(":")[0] for line in lines}
    event = Calendar.from_ical(invite.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Coaching: ATTENDEE:mailto:evil@x.org"
    assert len(event["ATTENDEE"]) == 2


@pytest.mark.parametrize(
    "typed",
    ["https://meet.example/a\nATTENDEE:x", "https://meet.example/a\tb", 'https://m.example/"x',
     "https://meet.example/a\u202eb", "https://m.example/<x>"],
)  # fmt: skip
def test_a_meeting_link_with_breaks_or_controls_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a web link"):
        meeting_link(typed)
