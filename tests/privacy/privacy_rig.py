"""Shared by the privacy tests: driving a person's whole history through Slack, and
reading back every table of the store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Engine, select

from handlers.bootstrap import bootstrap
from handlers.cli.main import main
from storage.models import Base
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import Harness, SlackUser, words


def every_cell(engine: Engine) -> Iterator[tuple[str, str, str]]:
    """(table, column, value as text) for every column of every row of every table; JSON
    values as their JSON text."""
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)).mappings():
                for column, value in row.items():
                    if value is None:
                        continue
                    if isinstance(value, dict | list):
                        text = json.dumps(value, ensure_ascii=False)
                    elif isinstance(value, datetime | date):
                        text = value.isoformat()
                    else:
                        text = str(value)
                    yield table.name, column, text


def traces_left(engine: Engine, needles: Iterable[str]) -> list[str]:
    """Where any needle survives: exact strings anywhere (any case), except names, which
    count as whole words with their capital."""
    patterns = [
        re.compile(rf"(?<![\w@.]){re.escape(n)}(?!\w)")
        if n[:1].isupper() and " " not in n
        else re.compile(re.escape(n), re.I)
        for n in needles
        if n
    ]
    found = []
    for table, column, text in every_cell(engine):
        for pattern in patterns:
            if pattern.search(text):
                found.append(f"{table}.{column} holds {pattern.pattern!r}: {text[:200]}")
    return found


def button_label(user: SlackUser, starts: str) -> str:
    return next(
        e["text"]["text"]
        for c in reversed(user.messages())
        for b in c.params.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
        if e["text"]["text"].startswith(starts)
    )


def request_and_book(h: Harness, coachee: SlackUser, said: list[str]) -> SlackUser:
    """The coachee asks in plain words, answers, picks the first coach; the coach accepts
    the first time offered. Returns the coach."""
    for text in said:
        coachee.say(text)
    coachee.press("Regional Coaching Pool")
    assert "coaches who could work with you" in words(coachee.press("Yes, find me a coach"))
    store = h.application.store
    request = store.list_requests(coachee_id=_person_id(h, coachee))[-1]
    first = store.get_shortlist(request.id)[0]
    coach_person = store.get_person(first.coach_id)
    assert coach_person is not None
    coachee.press(coach_person.name)
    coach = h.user(coach_person.email)
    assert "Your session is booked" in words(coach.press(button_label(coach, "Accept")))
    return coach


def _person_id(h: Harness, user: SlackUser) -> int:
    person = h.application.store.find_person_by_email(user.me.email)
    assert person is not None
    return person.id


SAM = "sam.patel@dudley.gov.uk"
FIRST_ASK = [
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please",
    "Keep my team motivated through the merger",
    "Two depots close in January",
    "skip",
]
SECOND_ASK = [
    "I'd like coaching on handling a quarrelsome board member, Wednesday mornings, online",
    "Chair meetings without dreading them",
    "The vice-chair interrupts me constantly",
    "skip",
]
COMMENT = "The mirror exercise unlocked my worries about the depots"
PAUSE_REASON = "sick leave until the spring"
# Words only they wrote (as whole phrases: single words would match the product's own).
THEIR_WORDS = [
    "leading my team through a restructure",
    "Keep my team motivated",
    "Two depots close",
    "quarrelsome board member",
    "Chair meetings without dreading",
    "vice-chair interrupts",
    COMMENT,
    PAUSE_REASON,
]


def on_the_pool_clock(monkeypatch: pytest.MonkeyPatch, h: Harness) -> None:
    """The command line reads the harness's simulated clock instead of the wall's."""
    monkeypatch.setattr("handlers.cli.common.bootstrap", partial(bootstrap, clock=h.clock))


def history(h: Harness) -> tuple[SlackUser, SlackUser, SlackUser, str]:
    """Sam's full history with his first coach (who set a meeting link, then paused), and
    a second engagement with another coach, a session still to come. Returns (Sam, the
    first coach, the second coach, the first coach's meeting link)."""
    store = h.application.store
    sam = h.user(SAM)
    # The first coach is whoever the matching puts first; they set their room beforehand.
    coach = request_and_book(h, sam, FIRST_ASK)
    coach_person = store.find_person_by_email(coach.me.email)
    assert coach_person is not None
    link = f"https://meet.example.org/{coach_person.name.lower().replace(' ', '.')}"
    assert "Your availability" in words(coach.say("availability"))
    coach.press("Set my online meeting link")
    assert "Saved" in words(coach.say(link))
    (session,) = store.list_sessions()

    # Reminders, attendance and themes, feedback with a comment: each from the dispatcher.
    for before_start in (timedelta(hours=24), timedelta(hours=1)):
        h.clock.set(session.window.start - before_start)
        h.deliver()
    h.clock.set(session.window.end + timedelta(minutes=15))
    h.deliver()
    coach.press("It was held")
    coach.press("Managing change")
    coach.press("Done")
    h.clock.set(session.window.end + timedelta(minutes=30))
    h.deliver()
    before = len(h.fake.calls)
    sam.press("Give feedback")
    (opened,) = [c for c in h.fake.calls[before:] if c.method == "views.open"]
    answers = {"usefulness": "5", "progress": "8", "comment": COMMENT, "consent": "yes"}
    submission = payloads.view_submission(
        team_id=sam.me.team_id, user=sam.me.user_id, view=opened.params["view"], values=answers
    )
    assert h.send_interaction(submission).status_code == 200
    h.wait_turns()

    # Sam ends that coaching ("ended by Sam Patel"); the coach pauses with a reason.
    sam.say("sessions")
    sam.press(f"End coaching with {coach_person.name}")
    assert "coaching has ended" in words(sam.press("Yes, end the coaching"))
    coach.say("availability")
    coach.press("Pause (leave, supervision)")
    assert "Paused" in words(coach.say(PAUSE_REASON))

    # A second request: another coach (the first is paused) and a session still to come.
    other = request_and_book(h, sam, SECOND_ASK)
    assert other.me.email != coach.me.email
    h.deliver()
    return sam, coach, other, link


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `coachpool` in-process: (exit status, standard output, standard error)."""
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
