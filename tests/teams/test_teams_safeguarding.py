"""Safeguarding on Teams: a risky answer in the intake card's inputs, or typed mid
conversation, gets the kind reply and leaves nothing in the store or in anyone's chat."""

from __future__ import annotations

from typing import Any

from teams_fakes import card_of, card_text, find_action, text_of
from teams_rig import DUDLEY_TENANT, SAM, TeamsRig, execute, installed, message

from handlers.channel_names import TEAMS
from storage.store import SqlStore
from tests.store_dump import places_holding


def _store(teams: TeamsRig) -> SqlStore:
    store = teams.application.store
    assert isinstance(store, SqlStore)
    return store


def _answer_text(response: Any) -> str:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["statusCode"] == 200
    return " ".join(card_text(body["value"]).split())


def test_a_risky_intake_card_is_answered_kindly_and_not_kept(teams: TeamsRig) -> None:
    assert teams.post(installed(teams, SAM, tenant=DUDLEY_TENANT)).status_code == 200
    welcome = card_of(teams.connector.posted()[-1])
    assert welcome is not None
    pressed = execute(teams, SAM, find_action(welcome, "Request coaching"), tenant=DUDLEY_TENANT)
    form = teams.post(pressed).json()["value"]
    answer = _answer_text(
        teams.post(
            execute(
                teams,
                SAM,
                find_action(form, "Find me a coach"),
                tenant=DUDLEY_TENANT,
                topic="quixotic budgeting",
                goal="honestly I want to kill myself",
                reality="",
                preferences="",
                programme="regional-pool",
                format="online",
                location="",
                when="Tuesday or Thursday afternoons",
            )
        )
    )
    assert "Sam, thank you for telling me" in answer
    assert "Employee Assistance Programme" in answer
    assert "Samaritans free on 116 123" in answer and "999" in answer
    assert "I haven't saved that form" in answer
    sam = teams.person(SAM.email)
    assert _store(teams).load_conversation(sam.id, TEAMS) is None
    assert _store(teams).list_requests() == []
    assert places_holding(_store(teams), ["kill myself", "quixotic"]) == []


def test_a_risky_message_mid_conversation_asks_the_question_again(teams: TeamsRig) -> None:
    said = "could I get coaching on leading my team through a restructure, online please"
    assert teams.post(message(teams, SAM, said, tenant=DUDLEY_TENANT)).status_code == 200
    before = len(teams.connector.posted())
    risky = "I can\u2019t go on like this"  # typed on a phone, with a curly apostrophe
    assert teams.post(message(teams, SAM, risky, tenant=DUDLEY_TENANT)).status_code == 200
    replies = " ".join(text_of(a) for a in teams.connector.posted()[before:])
    assert "Samaritans free on 116 123" in replies
    assert "What would you like to be different by the end of the coaching?" in replies
    teams.dispatch()
    assert places_holding(_store(teams), ["go on like this"]) == []


def test_a_question_about_the_service_is_answered_in_chat(teams: TeamsRig) -> None:
    before = len(teams.connector.posted())
    asked = message(teams, SAM, "what is a chemistry session?", tenant=DUDLEY_TENANT)
    assert teams.post(asked).status_code == 200
    replies = " ".join(text_of(a) for a in teams.connector.posted()[before:])
    assert "A chemistry session is a first conversation with your coach" in replies
    assert "Regional Coaching Pool and Member Mentoring start with one." in replies
    assert _store(teams).load_conversation(teams.person(SAM.email).id, TEAMS) is None
    assert _store(teams).list_requests() == []
