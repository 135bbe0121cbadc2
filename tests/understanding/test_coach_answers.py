"""The one list of phrases that read a coach's plain-words answer to a request card."""

from __future__ import annotations

import pytest

from bot.understanding.coach_answers import CoachAnswer, coach_answer


@pytest.mark.parametrize(
    "text",
    [
        "sorry, I can't take this on at the moment",
        "I cant take it on, sorry",
        "I'm not able to take this on",
        "I'll have to decline this one",
        "no capacity this month I'm afraid",
        "I'm at full capacity",
        "too busy right now, sorry",
        "Decline",
    ],
)
def test_a_refusal_declines(text: str) -> None:
    assert coach_answer(text) is CoachAnswer.DECLINE


@pytest.mark.parametrize(
    "text",
    [
        "I could do Thursday 10th at 2pm instead",
        "how about Friday at 3?",
        "Would Monday 10am work?",
        "I can't do Tuesday but I could do Thursday afternoon",  # the offer wins
        "I'm free on Wednesday morning",
    ],
)
def test_an_offer_of_other_times_proposes(text: str) -> None:
    assert coach_answer(text) is CoachAnswer.PROPOSE


@pytest.mark.parametrize(
    "text", ["thanks", "sessions", "leading my team through a restructure", "hello"]
)
def test_other_words_are_no_answer(text: str) -> None:
    assert coach_answer(text) is None
