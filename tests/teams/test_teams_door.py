"""Teams reaches the core only through its one door: the intake card's submission is an
`Incoming` like any other (the core knows it by its token and starts afresh, whatever was
under way), and a repeated delivery of it is handled once (`handlers/once.py`)."""

from __future__ import annotations

from typing import Any

from teams_fakes import card_of, card_text, find_action
from teams_rig import DUDLEY_TENANT, SAM, TeamsRig, execute, installed, message

from bot.domain import RequestState
from handlers.channel_names import TEAMS

CARD = {
    "topic": "leading my team through a restructure",
    "goal": "feel confident leading the merged team",
    "reality": "",
    "preferences": "",
    "programme": "regional-pool",
    "format": "online",
    "location": "",
    "when": "Tuesday or Thursday afternoons",
}


def _card(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    card: dict[str, Any] = response.json()["value"]
    return card


def test_the_intake_card_starts_afresh_mid_conversation_and_once(teams: TeamsRig) -> None:
    assert teams.post(installed(teams, SAM, tenant=DUDLEY_TENANT)).status_code == 200
    welcome = card_of(teams.connector.posted()[-1])
    assert welcome is not None
    form = _card(
        teams.post(
            execute(teams, SAM, find_action(welcome, "Request coaching"), tenant=DUDLEY_TENANT)
        )
    )
    # Half-way through a typed request, the card's form is submitted: a fresh intake.
    typed = message(teams, SAM, "coaching on public speaking please", tenant=DUDLEY_TENANT)
    assert teams.post(typed).status_code == 200
    store, sam = teams.application.store, teams.person(SAM.email)
    half = store.load_conversation(sam.id, TEAMS)
    assert half is not None and half.step == "goal"

    submitted = execute(
        teams, SAM, find_action(form, "Find me a coach"), tenant=DUDLEY_TENANT, **CARD
    )
    summary = _card(teams.post(submitted))
    said = card_text(summary)
    assert "Here's what I've understood" in said
    assert "leading my team through a restructure" in said
    assert "public speaking" not in said
    fresh = store.load_conversation(sam.id, TEAMS)
    assert fresh is not None and fresh.step == "confirm"

    # Delivered again (a retry): nothing more happens.
    posted = len(teams.connector.posted())
    assert teams.post(submitted).status_code == 200
    assert len(teams.connector.posted()) == posted
    assert store.load_conversation(sam.id, TEAMS) == fresh

    yes = execute(teams, SAM, find_action(summary, "Yes, find me a coach"), tenant=DUDLEY_TENANT)
    assert "coaches who could work with you" in card_text(_card(teams.post(yes)))
    (request,) = store.list_requests(coachee_id=sam.id)
    assert request.state is RequestState.SHORTLISTED
    assert request.topic == CARD["topic"]
