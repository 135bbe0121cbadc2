"""Shared by the privacy tests: driving a person's whole history through Slack, and
reading back every table of the store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from sqlalchemy import Engine, select

from storage.models import Base
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
