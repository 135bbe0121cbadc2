"""Numbers that `str.isdigit` accepts and `int` refuses ("²", "①", more than 4,300 digits),
and dates at the end of the calendar: a polite answer at every question, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import SORRY
from bot.domain import RequestState
from handlers.bootstrap import bootstrap
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
HUGE = "7" * 5000  # past int()'s 4,300 digits, and the chat's 2,000 characters
LONG = "7" * 1990  # within the chat's limit
ODD_NUMBERS = ["²", "①", "٣", "３", "-1", "0", "00001", "1.0", HUGE]
FAR_DATES = ["31/12/9999", "9999-12-31", "31 December 9999", "0/0/0", "1/1/0001", "29/2/2027"]


def _shortlisted(t: Transcript) -> None:
    t.say(SAM, "coaching on leading my team through a restructure, Tuesday afternoons, online")
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Yes, find me a coach")


def test_odd_numbers_at_the_which_time_question_are_asked_again(t: Transcript) -> None:
    _shortlisted(t)
    t.press(SAM, ", ")
    coach = t.store.get_person(t.store.list_requests()[-1].chosen_coach_id or 0)
    assert coach is not None
    t.inbox(coach.email)
    t.press(coach.email, "Accept Tuesday 1 December")
    t.say(SAM, "sessions")
    t.press(SAM, "Book a session with")
    assert "These times are free for you both" in t.say(SAM, "Thursday 3 December afternoon")
    assert "longer than I can take" in t.say(SAM, HUGE)
    for said in [*ODD_NUMBERS[:-1], LONG, "slot:²", "slot:①", "slot:" + LONG]:
        answer = squeeze(t.say(SAM, said))
        assert "Please choose one of the times shown" in answer, said[:20]
    assert "Your next session is booked" in squeeze(t.press(SAM, "Thursday 3 December"))


@pytest.mark.parametrize("said", FAR_DATES)
def test_dates_at_the_end_of_the_calendar_are_answered_politely_in_chat(
    t: Transcript, said: str
) -> None:
    t.say(SAM, "I need a coach")
    t.say(SAM, "handling conflict in my team")
    t.say(SAM, "be calmer in meetings")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    assert "When are you usually free" in t.press(SAM, "Online")
    answer = squeeze(t.say(SAM, said))
    assert SORRY not in answer
    assert any(
        words in answer
        for words in ("too far ahead", "has already passed", "couldn't find", "in the calendar")
    ), answer
    assert [r.state for r in t.store.list_requests()] in ([], [RequestState.OPEN])


@pytest.mark.parametrize("said", [*FAR_DATES, "1 - 3 December 9999", "week of 31/12/9999", HUGE])
def test_parse_when_answers_in_one_line(capsys: pytest.CaptureFixture[str], said: str) -> None:
    code = main(["parse-when", said, "--now", "2026-11-25T10:00:00+00:00", "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("coachpool: I couldn't understand a time in") and err.count("\n") == 1


def test_31_12_9999_is_too_far_ahead(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-when", "31/12/9999", "--now", "2026-11-25T10:00:00+00:00"]) == 1
    assert "31 December 9999 is too far ahead" in capsys.readouterr().err


def test_the_console_chat_survives_odd_numbers_at_numbered_choices(tmp_path: Path) -> None:
    """`coachpool chat`, scripted on standard input: the programme question is numbered."""
    url = f"sqlite:///{tmp_path}/pool.db"
    assert main(["--database", url, "seed", "--demo"]) == 0
    script = "\n".join(
        ["I need a coach", "handling conflict in my team", "be calmer", "skip", "skip",
         *ODD_NUMBERS, "1", "1", *ODD_NUMBERS, *FAR_DATES, "cancel", *ODD_NUMBERS]
    )  # fmt: skip
    chat = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", url, "chat", "--as", SAM],
        input=script, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    assert "Traceback" not in chat.stderr + chat.stdout
    assert SORRY not in chat.stdout
    # Each odd number is asked about again; the 5,000 digits are too long to take.
    assert chat.stdout.count("Sorry, I didn't catch which programme") == len(ODD_NUMBERS) - 1
    assert "That's longer than I can take in one message" in chat.stdout
    application = bootstrap(database_url=url)
    try:
        assert application.store.list_requests() == []
    finally:
        application.store.close()
