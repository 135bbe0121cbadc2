"""Inbound activities must carry a Bot Framework token that the SDK verifies: signature
against the published keys, issuer, audience, expiry, and the serviceurl claim matching
the activity. Anything else is 401 and touches nothing."""

from __future__ import annotations

from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from teams_rig import APP_ID, DUDLEY_TENANT, SAM, TeamsRig, message

from handlers.channel_names import TEAMS


def _nothing_touched(teams: TeamsRig, activity: dict[str, Any]) -> None:
    store = teams.application.store
    sam = teams.person(SAM.email)
    assert teams.teams_identity(SAM.email) is None
    assert store.load_conversation(sam.id, TEAMS) is None
    assert store.list_outbox() == []
    assert teams.connector.seen == []  # no reply, no member lookup
    assert teams.kicks == []
    # The activity was never recorded as processed.
    event = f"{activity['conversation']['id']}:{activity['id']}"
    assert store.remember_event("teams", event, at=teams.clock.now())


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"aud": "someone-elses-bot"}, id="wrong-audience"),
        pytest.param({"iss": "https://sts.example.com/"}, id="wrong-issuer"),
        pytest.param({"exp_in": -600}, id="expired"),
        pytest.param({"serviceurl": "https://smba.trafficmanager.net/emea/"}, id="serviceurl"),
        pytest.param({"serviceurl": None}, id="no-serviceurl"),
    ],
)
def test_a_bad_token_is_refused_and_changes_nothing(
    teams: TeamsRig, claims: dict[str, Any]
) -> None:
    activity = message(teams, SAM, "I'd like some coaching please", tenant=DUDLEY_TENANT)
    response = teams.post(activity, **claims)
    assert response.status_code == 401
    _nothing_touched(teams, activity)


def test_a_token_signed_by_another_key_is_refused(teams: TeamsRig) -> None:
    activity = message(teams, SAM, "hello", tenant=DUDLEY_TENANT)
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(
        jwt.decode(
            teams.fakes.openid.token(app_id=APP_ID, service_url=activity["serviceUrl"]),
            options={"verify_signature": False},
        ),
        stranger,
        algorithm="RS256",
        headers={"kid": "fake-key-1"},
    )
    assert teams.post(activity, token=forged).status_code == 401
    _nothing_touched(teams, activity)


def test_no_token_at_all_is_refused(teams: TeamsRig) -> None:
    activity = message(teams, SAM, "hello", tenant=DUDLEY_TENANT)
    assert teams.post(activity, token="").status_code == 401
    assert teams.post(activity, token="not-a-jwt").status_code == 401
    _nothing_touched(teams, activity)


def test_a_valid_token_is_accepted(teams: TeamsRig) -> None:
    activity = message(teams, SAM, "hello", tenant=DUDLEY_TENANT)
    assert teams.post(activity).status_code == 200
    assert teams.teams_identity(SAM.email) is not None
    assert teams.kicks == [1]
