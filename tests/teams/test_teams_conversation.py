"""A coachee on Teams: install, the intake as a card form, plain text, buttons pressed
through Action.Execute (the card updates in place) and through the Action.Submit
fallback, old buttons and repeated deliveries."""

from __future__ import annotations

from typing import Any

from teams_fakes import card_of, card_text, find_action, text_of, walk
from teams_rig import DUDLEY_TENANT, SAM, TeamsRig, execute, installed, message, submit

from bot.domain import RequestState
from handlers.channel_names import TEAMS

ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def _card_response(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["statusCode"] == 200
    assert body["type"] == ADAPTIVE
    card: dict[str, Any] = body["value"]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    return card


def _welcome(teams: TeamsRig) -> dict[str, Any]:
    assert teams.post(installed(teams, SAM, tenant=DUDLEY_TENANT)).status_code == 200
    card = card_of(teams.connector.posted()[-1])
    assert card is not None
    return card


def test_install_stores_the_reference_and_says_hello(teams: TeamsRig) -> None:
    card = _welcome(teams)
    assert "Hello Sam!" in card_text(card)
    find_action(card, "Request coaching")
    identity = teams.teams_identity(SAM.email)
    assert identity is not None
    assert identity.workspace == DUDLEY_TENANT
    assert identity.user_id == SAM.aad_object_id
    assert identity.conversation_ref == {
        "service_url": teams.service_url,
        "conversation_id": f"a:personal-{SAM.aad_object_id}",
        "tenant_id": DUDLEY_TENANT,
        "user_id": SAM.user_id,
        "aad_object_id": SAM.aad_object_id,
        "bot_id": identity.conversation_ref["bot_id"],
    }
    # The member lookup that linked the account used a token from the login service.
    lookup = teams.connector.requests("GET", "/members/")[0]
    assert lookup.headers["Authorization"] == f"Bearer {teams.fakes.login.issued[-1]}"


def test_intake_as_a_card_form_to_a_shortlist(teams: TeamsRig) -> None:
    welcome = _welcome(teams)
    form = _card_response(
        teams.post(
            execute(teams, SAM, find_action(welcome, "Request coaching"), tenant=DUDLEY_TENANT)
        )
    )
    inputs = {e["id"]: e for e in walk(form) if e.get("type", "").startswith("Input.")}
    assert set(inputs) >= {"topic", "goal", "programme", "format", "when"}
    assert inputs["topic"]["isRequired"] is True
    assert inputs["topic"]["isMultiline"] is True
    assert {c["value"] for c in inputs["programme"]["choices"]} >= {"regional-pool"}

    summary = _card_response(
        teams.post(
            execute(
                teams,
                SAM,
                find_action(form, "Find me a coach"),
                tenant=DUDLEY_TENANT,
                topic="leading my team through a restructure",
                goal="feel confident leading the merged team",
                reality="",
                preferences="",
                programme="regional-pool",
                format="online",
                location="",
                when="Tuesday or Thursday afternoons",
            )
        )
    )
    assert "Here's what I've understood" in card_text(summary)
    assert "leading my team through a restructure" in card_text(summary)

    shortlist = _card_response(
        teams.post(
            execute(teams, SAM, find_action(summary, "Yes, find me a coach"), tenant=DUDLEY_TENANT)
        )
    )
    text = card_text(shortlist)
    assert "coaches who could work with you" in text
    chooses = [e for e in walk(shortlist) if e.get("title", "").startswith("Choose ")]
    assert len(chooses) == 3
    for button in chooses:
        assert button["type"] == "Action.Execute"
        assert button["data"]["coachpool"]["value"].startswith("act:choose:")
        assert button["fallback"]["type"] == "Action.Submit"
        assert button["fallback"]["data"] == button["data"]
    assert "Specialises in managing change" in text  # the reasons travel with each coach
    requests = teams.application.store.list_requests(coachee_id=teams.person(SAM.email).id)
    assert [r.state for r in requests] == [RequestState.SHORTLISTED]


def test_plain_text_goes_through_the_same_language_path(teams: TeamsRig) -> None:
    said = (
        "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please"
    )
    assert teams.post(message(teams, SAM, said, tenant=DUDLEY_TENANT)).status_code == 200
    reply = teams.connector.posted()[-1]
    assert reply["text"] == "What would you like to be different by the end of the coaching?"
    sam = teams.person(SAM.email)
    state = teams.application.store.load_conversation(sam.id, TEAMS)
    assert state is not None
    assert state.data["topic"] == "leading my team through a restructure"


def _to_the_summary(teams: TeamsRig) -> dict[str, Any]:
    for line in (
        "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please",
        "Keep my team motivated through the changes",
        "skip",
        "skip",
    ):
        assert teams.post(message(teams, SAM, line, tenant=DUDLEY_TENANT)).status_code == 200
    card = card_of(teams.connector.posted()[-1])
    assert card is not None, teams.connector.posted()[-1]
    if "Which programme" in card_text(card):
        pressed = execute(teams, SAM, find_action(card, "Regional"), tenant=DUDLEY_TENANT)
        card = _card_response(teams.post(pressed))
    assert "Is that right?" in card_text(card)
    return card


def test_the_submit_fallback_works_like_execute(teams: TeamsRig) -> None:
    summary = _to_the_summary(teams)
    button = find_action(summary, "Change the goal")
    before = len(teams.connector.posted())
    assert teams.post(submit(teams, SAM, button, tenant=DUDLEY_TENANT)).status_code == 200
    posted = teams.connector.posted()
    assert len(posted) == before + 1
    assert "What would you like to be different" in text_of(posted[-1])


def test_an_old_button_is_answered_politely_and_changes_nothing(teams: TeamsRig) -> None:
    summary = _to_the_summary(teams)
    old = find_action(summary, "Change the goal")
    _card_response(teams.post(execute(teams, SAM, old, tenant=DUDLEY_TENANT)))
    sam = teams.person(SAM.email)
    store = teams.application.store
    asked = store.load_conversation(sam.id, TEAMS)
    assert asked is not None and asked.step == "goal"

    again = _card_response(teams.post(execute(teams, SAM, old, tenant=DUDLEY_TENANT)))
    assert "belongs to an earlier question" in card_text(again)
    still = store.load_conversation(sam.id, TEAMS)
    assert still is not None and still.step == "goal"
    assert still.data["goal"] == asked.data["goal"]


def test_a_repeated_delivery_is_handled_once(teams: TeamsRig) -> None:
    activity = message(teams, SAM, "coaching on public speaking please", tenant=DUDLEY_TENANT)
    assert teams.post(activity).status_code == 200
    replies = len(teams.connector.posted())
    assert teams.post(activity).status_code == 200
    assert len(teams.connector.posted()) == replies
    sam = teams.person(SAM.email)
    state = teams.application.store.load_conversation(sam.id, TEAMS)
    assert state is not None and state.step == "goal"
