"""Text hygiene at the door: control characters, bidirectional overrides, NUL and ANSI
escapes never reach the store (SQLite and PostgreSQL), and over-long text gets a polite
answer with nothing stored."""

from __future__ import annotations

import unicodedata

import pytest

from bot.domain import RequestState
from bot.text_hygiene import MESSAGE_LIMIT, clean_text
from handlers.channel_names import CONSOLE
from tests.conversations.transcript import Transcript, squeeze

SAM = "sam.patel@dudley.gov.uk"
DIRTY_TOPIC = "hand\x00ling \u202econflict\u202c in my \x1b[31mteam\x1b[0m\x07 \u2066now\u2069"
DIRTY_GOAL = "be \x1b]0;pwned\x07calmer\r\nin meetings\x0b\u200f\u061c\x85 e\u0301"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("plain words, ünïcödé and emoji 👩🏽‍💻", "plain words, ünïcödé and emoji 👩🏽‍💻"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("NUL\x00 gone", "NUL gone"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("a\u202eb\u202dc\u202ad\u202be\u202cf", "abcdef"),
        ("g\u2066h\u2067i\u2068j\u2069k\u200el\u200fm\u061cn", "ghijklmn"),
        ("bell\x07 back\x08space del\x7f c1\x9b", "bell backspace del c1"),
        ("crlf\r\nand cr\rand\u2028ls", "crlf\nand cr\nand\nls"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("e\u0301", "\u00e9"),  # NFC
    ],
)
def test_clean_text(given: str, kept: str) -> None:
    assert clean_text(given) == kept


def test_clean_text_leaves_nothing_unsafe_in_any_character() -> None:
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000)
    cleaned = clean_text(every + "\ud83d")
    assert not {c for c in cleaned if unicodedata.category(c) in {"Cc", "Cs"}} - {"\n", "\t"}
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert clean_text(cleaned) == cleaned


def test_request_text_is_stored_clean_and_can_be_submitted(t: Transcript) -> None:
    """On PostgreSQL a NUL in request text made the request impossible to submit."""
    t.say(SAM, "I need a coach")
    t.say(SAM, DIRTY_TOPIC)
    t.say(SAM, DIRTY_GOAL)
    t.say(SAM, "skip\x00")
    t.say(SAM, "\x1b[2Jskip")
    t.press(SAM, "Regional Coaching Pool")
    t.press(SAM, "Online")
    t.say(SAM, "Tuesday or Thursday afternoons\x00")
    assert "Choose one and I'll ask them" in squeeze(t.press(SAM, "Yes, find me a coach"))
    (request,) = t.store.list_requests()
    assert request.state is RequestState.SHORTLISTED
    assert request.topic == "handling conflict in my team now"
    assert request.goal == "be calmer\nin meetings\n\n \u00e9"
    for text in (request.topic, request.goal):
        assert all(unicodedata.category(c) != "Cc" or c in "\n\t" for c in text)


def test_an_over_long_message_is_refused_politely_and_nothing_is_stored(t: Transcript) -> None:
    t.say(SAM, "I need a coach")
    person = t.person(SAM)
    before = t.store.load_conversation(person.id, CONSOLE)
    answer = squeeze(t.say(SAM, "a" * (MESSAGE_LIMIT + 1)))
    assert answer == (
        "That's longer than I can take in one message (2,000 characters at most) — "
        "could you shorten it?"
    )
    assert t.store.load_conversation(person.id, CONSOLE) == before
    # Up to the limit the door lets it through (the question has its own, kinder limit),
    # and control characters removed at the door don't count towards it.
    sentence = "handling conflict in my team "
    answer = squeeze(t.say(SAM, (sentence * 100)[:MESSAGE_LIMIT] + "\x00" * 50))
    assert "longer than I can take" not in answer
    assert "could you keep it under 1,000 characters?" in answer
