"""One deployment, two councils' own single-tenant bot registrations (MICROSOFT_APP_REGISTRATIONS),
over real HTTP against the fake Microsoft services: each council's people talk to their own
bot; a booking made by Dudley's coachee reaches Shropshire's coach through Shropshire's bot
(its client id, its tenant), and the coachee hears back through Dudley's; a token for one
council's bot on an activity of the other council's tenant is refused."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from prometheus_client.parser import text_string_to_metric_families
from teams_fakes import Member, card_of, card_text, find_action
from teams_rig import (
    CATHERINE,
    DUDLEY_TENANT,
    FAST,
    SAM,
    SHROPSHIRE_TENANT,
    Fakes,
    TeamsRig,
    execute,
    installed,
    message,
)

from bot.domain import SessionState
from bot.ports.notifier import DeliveryError
from bot.replies import Text
from handlers.channels import ChannelContext
from handlers.teams.registrations import registrations_from_environ
from handlers.teams.runtime import start_teams

DUDLEY_APP = "d0d1e700-0000-4000-8000-0000000000da"
DUDLEY_SECRET = "dudley-bot-secret"
SHROPSHIRE_APP = "5a10b000-0000-4000-8000-0000000000bb"
SHROPSHIRE_SECRET = "shropshire-bot-secret"
APPS = {DUDLEY_TENANT: DUDLEY_APP, SHROPSHIRE_TENANT: SHROPSHIRE_APP}
REFUSED = (
    "coachpool_refusals_total",
    frozenset({("channel", "teams"), ("reason", "signature")}),
)

REGISTRATIONS = f"""
# One table per council's own bot; all point at the same /api/messages.
[[registration]]
name = "dudley"
app_id = "{DUDLEY_APP}"
tenant_id = "{DUDLEY_TENANT}"
password = "{DUDLEY_SECRET}"

[[registration]]
name = "shropshire"
app_id = "{SHROPSHIRE_APP}"
tenant_id = "{SHROPSHIRE_TENANT}"
password = "{SHROPSHIRE_SECRET}"
"""


@pytest.fixture
def teams_environ(fakes: Fakes, tmp_path: Path) -> Mapping[str, str]:
    """The two registrations instead of MICROSOFT_APP_*; Entra knows each app in its own
    tenant only."""
    fakes.login.register(client_id=DUDLEY_APP, secret=DUDLEY_SECRET, tenant=DUDLEY_TENANT)
    fakes.login.register(
        client_id=SHROPSHIRE_APP, secret=SHROPSHIRE_SECRET, tenant=SHROPSHIRE_TENANT
    )
    listed = tmp_path / "teams-registrations.toml"
    listed.write_text(REGISTRATIONS)
    shared = {k: v for k, v in fakes.environ().items() if not k.startswith("MICROSOFT_APP_")}
    return {**shared, "MICROSOFT_APP_REGISTRATIONS": str(listed)}


def _to_bot(teams: TeamsRig, sent: dict[str, Any], *, app_id: str) -> httpx.Response:
    """An activity as the Bot Framework delivers it to one registration's bot."""
    sent["recipient"]["id"] = f"28:{app_id}"
    if sent.get("membersAdded"):
        sent["membersAdded"] = [{"id": f"28:{app_id}"}]
    token = teams.fakes.openid.token(app_id=app_id, service_url=sent["serviceUrl"])
    return teams.post(sent, token=token)


def _own_bot(teams: TeamsRig, sent: dict[str, Any]) -> httpx.Response:
    """To the bot of the tenant the activity comes from."""
    return _to_bot(teams, sent, app_id=APPS[sent["conversation"]["tenantId"]])


def _press(teams: TeamsRig, member: Member, card: dict[str, Any], title: str, **inputs: Any) -> Any:
    tenant = DUDLEY_TENANT if member is SAM else SHROPSHIRE_TENANT
    response = _own_bot(
        teams, execute(teams, member, find_action(card, title), tenant=tenant, **inputs)
    )
    assert response.status_code == 200, response.text
    value: dict[str, Any] = response.json()["value"]
    return value


def _bearer(post_headers: dict[str, str]) -> dict[str, Any]:
    """Who the fake Entra issued the token a call carried to (its appid and tid)."""
    token = post_headers["Authorization"].removeprefix("Bearer ")
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


def _posts_to(teams: TeamsRig, member: Member) -> list[Any]:
    return teams.connector.requests("POST", f"/v3/conversations/a:personal-{member.aad_object_id}/")


def _refusals(teams: TeamsRig) -> float:
    answer = httpx.get(f"{teams.url}/metrics", timeout=10)
    return next(
        s.value
        for family in text_string_to_metric_families(answer.text)
        for s in family.samples
        if (s.name, frozenset(s.labels.items())) == REFUSED
    )


def test_each_council_talks_to_its_own_bot(teams: TeamsRig) -> None:
    for member, tenant in ((SAM, DUDLEY_TENANT), (CATHERINE, SHROPSHIRE_TENANT)):
        assert _own_bot(teams, message(teams, member, "sessions", tenant=tenant)).status_code == 200
        [post] = _posts_to(teams, member)
        assert "no sessions booked" in post.body["text"]
        identity = teams.teams_identity(member.email)
        assert identity is not None and identity.workspace == tenant
        assert identity.conversation_ref["bot_id"] == f"28:{APPS[tenant]}"
        # The reply went out with a token of that council's bot, from that council's tenant.
        assert _bearer(post.headers)["appid"] == APPS[tenant]
        assert _bearer(post.headers)["tid"] == tenant


@pytest.mark.parametrize(
    ("tenant", "app_id"),
    [
        pytest.param(SHROPSHIRE_TENANT, DUDLEY_APP, id="dudleys-bot-for-a-shropshire-activity"),
        pytest.param(DUDLEY_TENANT, SHROPSHIRE_APP, id="shropshires-bot-for-a-dudley-activity"),
        pytest.param(DUDLEY_TENANT, "0b0b0b0b-0000-4000-8000-000000000000", id="a-stranger-bot"),
    ],
)
def test_a_token_for_another_councils_bot_is_refused(
    teams: TeamsRig, tenant: str, app_id: str
) -> None:
    before = _refusals(teams)
    member = SAM if tenant == DUDLEY_TENANT else CATHERINE
    sent = message(teams, member, "I'd like some coaching please", tenant=tenant)
    assert _to_bot(teams, sent, app_id=app_id).status_code == 401
    assert _refusals(teams) == before + 1
    # Nothing was touched: no reply, no member lookup, no identity, no turn.
    assert teams.connector.seen == []
    assert teams.teams_identity(member.email) is None
    assert teams.kicks == []
    event = f"{sent['conversation']['id']}:{sent['id']}"
    assert teams.application.store.remember_event("teams", event, at=teams.clock.now())


def test_the_tenant_in_channel_data_counts_when_the_conversation_has_none(
    teams: TeamsRig,
) -> None:
    sent = message(teams, CATHERINE, "sessions", tenant=SHROPSHIRE_TENANT)
    del sent["conversation"]["tenantId"]
    assert _to_bot(teams, sent, app_id=DUDLEY_APP).status_code == 401
    assert _to_bot(teams, dict(sent, id="again"), app_id=SHROPSHIRE_APP).status_code == 200


def test_a_booking_in_dudley_reaches_the_shropshire_coach_through_shropshires_bot(
    teams: TeamsRig,
) -> None:
    store = teams.application.store
    # Sam, in Dudley's tenant, asks through Dudley's bot and chooses Catherine.
    assert _own_bot(teams, installed(teams, SAM, tenant=DUDLEY_TENANT)).status_code == 200
    welcome = card_of(teams.connector.posted()[-1])
    assert welcome is not None
    form = _press(teams, SAM, welcome, "Request coaching")
    summary = _press(
        teams,
        SAM,
        form,
        "Find me a coach",
        topic="leading my team through a restructure",
        goal="feel confident leading the merged team",
        reality="",
        preferences="",
        programme="regional-pool",
        format="online",
        location="",
        when="Tuesday or Thursday afternoons",
    )
    shortlist = _press(teams, SAM, summary, "Yes, find me a coach")
    asked = _press(teams, SAM, shortlist, "Choose Catherine")
    assert "I've asked Catherine Ellis" in card_text(asked)

    # Catherine has Shropshire's bot (installing it linked her account).
    assert _own_bot(teams, installed(teams, CATHERINE, tenant=SHROPSHIRE_TENANT)).status_code == 200
    teams.connector.seen.clear()

    # The request reaches her proactively through Shropshire's bot.
    report = teams.dispatch()
    assert (report.sent, report.failed) == (1, 0)
    [offer_post] = _posts_to(teams, CATHERINE)
    assert _bearer(offer_post.headers)["appid"] == SHROPSHIRE_APP
    assert _bearer(offer_post.headers)["tid"] == SHROPSHIRE_TENANT
    offer = card_of(offer_post.body)
    assert offer is not None and "Sam would like you as their coach" in card_text(offer)

    # She accepts through her bot; Sam's confirmation goes back through Dudley's.
    booked = _press(teams, CATHERINE, offer, "Accept")
    assert "Your session is booked" in card_text(booked)
    catherine = teams.person(CATHERINE.email)
    assert [s.state for s in store.list_sessions(person_id=catherine.id)] == [
        SessionState.CONFIRMED
    ]
    teams.connector.seen.clear()
    report = teams.dispatch()
    assert report.sent >= 1 and report.failed == 0
    for_sam = _posts_to(teams, SAM)
    assert any("Your session is booked" in card_text(card_of(p.body) or {}) for p in for_sam)
    assert all(_bearer(p.headers)["appid"] == DUDLEY_APP for p in for_sam)
    assert all(_bearer(p.headers)["tid"] == DUDLEY_TENANT for p in for_sam)

    # Every token came from its own app's tenant: Entra saw Shropshire's client id in
    # Shropshire's tenant and Dudley's in Dudley's, never one in the other's.
    grants = [
        (s.path.strip("/").split("/")[0], s.body["client_id"])
        for s in teams.fakes.login.requests("POST", "/oauth2/v2.0/token")
    ]
    assert (SHROPSHIRE_TENANT, SHROPSHIRE_APP) in grants
    assert set(grants) == {(SHROPSHIRE_TENANT, SHROPSHIRE_APP), (DUDLEY_TENANT, DUDLEY_APP)}


def test_a_council_whose_registration_was_removed_is_not_sent_to_through_another(
    teams: TeamsRig, teams_environ: Mapping[str, str]
) -> None:
    assert (
        _own_bot(teams, message(teams, CATHERINE, "hello", tenant=SHROPSHIRE_TENANT)).status_code
        == 200
    )
    identity = teams.teams_identity(CATHERINE.email)
    assert identity is not None
    # The same pool restarted with Dudley's registration only.
    dudley_only = [r for r in registrations_from_environ(teams_environ) if r.name == "dudley"]

    async def kick() -> None:
        return None

    context = ChannelContext(application=teams.application, environ={}, dispatch_soon=kick)
    mount = start_teams(context, *dudley_only, policy=FAST)
    try:
        assert mount.sender is not None
        teams.connector.seen.clear()
        with pytest.raises(
            DeliveryError, match="no Teams bot registration serves tenant"
        ) as raised:
            mount.sender.send(
                person=teams.person(CATHERINE.email), identity=identity, replies=[Text("A note")]
            )
        assert not raised.value.retryable
        assert teams.connector.seen == []
    finally:
        for stop in mount.on_shutdown:
            asyncio.run(stop())


def test_a_council_that_registers_a_new_bot_reaches_its_people_through_it(
    teams: TeamsRig, teams_environ: Mapping[str, str], tmp_path: Path
) -> None:
    """Shropshire's people talked to an earlier bot; the pool restarts with Shropshire's new
    registration: the next message opens a conversation with the new bot, then uses it."""
    sent = message(teams, CATHERINE, "hello", tenant=SHROPSHIRE_TENANT)
    assert _own_bot(teams, sent).status_code == 200
    new_app, new_secret = "5a10b000-0000-4000-8000-0000000000cc", "new-shropshire-secret"
    teams.fakes.login.register(client_id=new_app, secret=new_secret, tenant=SHROPSHIRE_TENANT)
    listed = tmp_path / "renewed.toml"
    listed.write_text(
        REGISTRATIONS.replace(SHROPSHIRE_APP, new_app).replace(SHROPSHIRE_SECRET, new_secret)
    )
    renewed = registrations_from_environ(
        {**teams_environ, "MICROSOFT_APP_REGISTRATIONS": str(listed)}
    )

    async def kick() -> None:
        return None

    context = ChannelContext(application=teams.application, environ={}, dispatch_soon=kick)
    mount = start_teams(context, *renewed, policy=FAST)
    try:
        assert mount.sender is not None
        catherine = teams.person(CATHERINE.email)

        def send(note: str) -> list[Any]:
            teams.connector.seen.clear()
            identity = teams.teams_identity(CATHERINE.email)
            assert mount.sender is not None
            mount.sender.send(person=catherine, identity=identity, replies=[Text(note)])
            return teams.connector.requests("POST")

        opened, posted = send("A first note")
        assert opened.path == "/v3/conversations"
        assert opened.body["bot"]["id"] == f"28:{new_app}"
        assert opened.body["members"] == [{"id": CATHERINE.aad_object_id}]
        assert (posted.body["text"], _bearer(posted.headers)["appid"]) == ("A first note", new_app)
        identity = teams.teams_identity(CATHERINE.email)
        assert identity is not None
        assert identity.conversation_ref["bot_id"] == f"28:{new_app}"
        # The next one goes straight into that conversation.
        [posted] = send("A second note")
        new_conversation = identity.conversation_ref["conversation_id"]
        assert posted.path == f"/v3/conversations/{new_conversation}/activities"
        assert _bearer(posted.headers)["appid"] == new_app
    finally:
        for stop in mount.on_shutdown:
            asyncio.run(stop())
