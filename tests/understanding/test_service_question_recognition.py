"""Which texts are questions about the service, and which are ordinary answers."""

from __future__ import annotations

import pytest

from bot.understanding.service_questions import ServiceQuestion, recognise

Q = ServiceQuestion


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Is coaching confidential?", Q.CONFIDENTIAL),
        ("is what I say kept private", Q.CONFIDENTIAL),
        ("confidentiality?", Q.CONFIDENTIAL),
        ("can my manager see this?", Q.WHO_SEES),
        ("Will my boss find out?", Q.WHO_SEES),
        ("who will see my request?", Q.WHO_SEES),
        ("what can the coordinators see?", Q.WHO_SEES),
        ("will you tell my line manager?", Q.WHO_SEES),
        ("how does this work", Q.HOW_IT_WORKS),
        ("what happens next?", Q.HOW_IT_WORKS),
        ("how do I request a coach?", Q.HOW_IT_WORKS),
        ("what is a chemistry session?", Q.CHEMISTRY),
        ("how much does it cost?", Q.COST),
        ("is it free?", Q.COST),
        ("do I have to pay?", Q.COST),
        ("how long does it take?", Q.HOW_LONG),
        ("how many sessions do I get?", Q.HOW_LONG),
        ("how soon will I hear?", Q.HOW_LONG),
        ("who are the coaches?", Q.COACHES),
        ("are the coaches qualified?", Q.COACHES),
        ("how do I complain?", Q.STOP),
        ("can I stop?", Q.STOP),
        ("can I leave?", Q.STOP),
        ("can I change my coach?", Q.STOP),
        ("how do I withdraw my request?", Q.STOP),
        ("I want to complain", Q.STOP),
        ("please delete my data", Q.STOP),
        ("thank you", Q.THANKS),
        ("Thanks!", Q.THANKS),
        ("cheers", Q.THANKS),
        ("ok thanks for your help", Q.THANKS),
    ],
)
def test_questions_people_ask(text: str, kind: ServiceQuestion) -> None:
    assert recognise(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        # intake answers: topics, goals, situations, preferences, times
        "handling confidential casework",
        "leading my team through a restructure",
        "How do I get better at delegating?",
        "Can I stop feeling anxious before presentations?",
        "How do I ask for a pay rise?",
        "How do I keep a secret from my team?",
        "coaching on dealing with complaints from residents",
        "someone who has led a team through change",
        "Thursday afternoons?",
        "not someone from my directorate",
        "skip",
        "coaching",
        "Could I get support around my confidence after a period of sick leave?",
        "How do I cope now my deputy is about to leave?",
    ],
)
def test_ordinary_answers_are_not_mistaken_for_questions(text: str) -> None:
    assert recognise(text) is None
