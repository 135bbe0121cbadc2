"""The Teams channel under test (`TeamsRig`) and activities shaped as Teams sends them."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import uvicorn
from starlette.applications import Starlette
from teams_fakes import FakeConnector, FakeLogin, FakeOpenId, Member, self_signed

from bot.clock import SimulatedClock
from bot.domain import Identity, Membership, Person
from bot.outbox.dispatcher import DispatchReport, dispatch_due
from bot.ports.store import Store
from bot.replies import Reply
from handlers.bootstrap import Application
from handlers.channel_names import TEAMS
from handlers.channels import ChannelMount
from handlers.console.render import render
from handlers.delivery import ChannelNotifier
from handlers.metrics.instruments import Metrics
from handlers.teams.retries import RetryPolicy

APP_ID = "6f1c0a3e-0000-4000-8000-00000000b0b0"
SECRET = "the-bot-secret"
POOL_TENANT = "tenant-pool-host"
DUDLEY_TENANT = "tenant-dudley"
SHROPSHIRE_TENANT = "tenant-shropshire"
# Tuesday 24 November 2026, 09:30 London, as in the demo.
START = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))
FAST = RetryPolicy(attempts=3, first_delay=0.01, max_delay=0.05)

SAM = Member("29:sam", "aad-sam", "sam.patel@dudley.gov.uk", "Sam Patel")
CATHERINE = Member(
    "29:catherine", "aad-catherine", "catherine.ellis@shropshire.gov.uk", "Catherine"
)


@dataclass
class Fakes:
    openid: FakeOpenId
    login: FakeLogin
    connector: FakeConnector
    ca_bundle: Path

    @classmethod
    @contextmanager
    def running(cls, folder: Path) -> Iterator[Fakes]:
        """The fake OpenID, login and connector servers on 127.0.0.1, stopped at the end."""
        tls, bundle = self_signed(folder)
        fakes = cls(
            FakeOpenId(), FakeLogin(tls, client_id=APP_ID, secret=SECRET), FakeConnector(), bundle
        )
        try:
            yield fakes
        finally:
            for server in (fakes.openid, fakes.login, fakes.connector):
                server.close()

    def environ(self) -> dict[str, str]:
        return {
            "MICROSOFT_APP_ID": APP_ID,
            "MICROSOFT_APP_PASSWORD": SECRET,
            "MICROSOFT_APP_TENANT_ID": POOL_TENANT,
            "MICROSOFT_LOGIN_URL": self.login.url,
            "BOTFRAMEWORK_OPENID_URL": self.openid.metadata_url,
            "REQUESTS_CA_BUNDLE": str(self.ca_bundle),
        }


@dataclass
class Recorder:
    """The console side of delivery: what people without Teams were sent."""

    sent: dict[str, list[Reply]] = field(default_factory=dict)

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        self.sent.setdefault(person.email, []).extend(replies)

    def take(self, email: str) -> list[Reply]:
        return self.sent.pop(email, [])

    def text(self, email: str) -> str:
        return render(self.take(email)).text


@contextmanager
def serving(asgi: Starlette) -> Iterator[str]:
    server = uvicorn.Server(
        uvicorn.Config(asgi, host="127.0.0.1", port=0, log_config=None, lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the app did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@dataclass
class TeamsRig:
    application: Application
    clock: SimulatedClock
    fakes: Fakes
    mount: ChannelMount
    url: str
    console: Recorder
    kicks: list[int]
    metrics: Metrics = field(default_factory=Metrics)

    @property
    def connector(self) -> FakeConnector:
        return self.fakes.connector

    @property
    def service_url(self) -> str:
        return self.connector.url + "/"

    def person(self, email: str) -> Person:
        person = self.application.store.find_person_by_email(email)
        assert person is not None, email
        return person

    def post(
        self, activity: dict[str, Any], *, token: str | None = None, **claims: Any
    ) -> httpx.Response:
        """Send an activity as the Bot Framework would, signed unless told otherwise."""
        if token is None:
            token = self.fakes.openid.token(
                app_id=APP_ID, service_url=activity["serviceUrl"], **claims
            )
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.post(f"{self.url}/api/messages", json=activity, headers=headers, timeout=20)

    def dispatch(self) -> DispatchReport:
        senders = {TEAMS: self.mount.sender} if self.mount.sender else {}
        notifier = ChannelNotifier(self.application.services, senders, fallback=self.console)
        return dispatch_due(self.application.services, notifier)

    def teams_identity(self, email: str) -> Identity | None:
        person = self.person(email)
        return next(
            (i for i in self.application.store.identities_of(person.id) if i.channel == TEAMS),
            None,
        )


def set_tenants(application: Application, tenants: dict[str, str]) -> None:
    set_tenants_in(application.store, tenants)


def set_tenants_in(store: Store, tenants: dict[str, str]) -> None:
    """Give organisations (by slug) their Teams tenant."""
    for slug, tenant in tenants.items():
        organisation = store.find_organisation(slug)
        assert organisation is not None, slug
        others = [m for m in organisation.memberships if m.channel != TEAMS]
        memberships = (*others, Membership(TEAMS, tenant))
        store.update_organisation(dataclasses.replace(organisation, memberships=memberships))


# -- activities as Teams sends them --------------------------------------------------------


def activity(
    rig: TeamsRig, member: Member, *, tenant: str, kind: str = "message", **fields: Any
) -> dict[str, Any]:
    conversation = f"a:personal-{member.aad_object_id}"
    return {
        "type": kind,
        "id": fields.pop("id", f"{kind}-{time.monotonic_ns()}"),
        "timestamp": "2026-11-24T09:30:00.000Z",
        "channelId": "msteams",
        "serviceUrl": rig.service_url,
        "from": {"id": member.user_id, "name": member.name, "aadObjectId": member.aad_object_id},
        "conversation": {"conversationType": "personal", "tenantId": tenant, "id": conversation},
        "recipient": {"id": f"28:{APP_ID}", "name": "Coaching pool"},
        "channelData": {"tenant": {"id": tenant}},
        "locale": "en-GB",
        **fields,
    }


def message(rig: TeamsRig, member: Member, text: str, *, tenant: str) -> dict[str, Any]:
    return activity(rig, member, tenant=tenant, text=text, textFormat="plain")


def execute(
    rig: TeamsRig, member: Member, action: dict[str, Any], *, tenant: str, **inputs: Any
) -> dict[str, Any]:
    """A press of an Action.Execute button: an adaptiveCard/action invoke."""
    data = {**action["data"], **inputs}
    value = {"action": {"type": "Action.Execute", "verb": action["verb"], "data": data}}
    return activity(
        rig, member, tenant=tenant, kind="invoke", name="adaptiveCard/action", value=value
    )


def submit(
    rig: TeamsRig, member: Member, action: dict[str, Any], *, tenant: str, **inputs: Any
) -> dict[str, Any]:
    """The same press through the Action.Submit fallback: a message with a value."""
    data = {**action["fallback"]["data"], **inputs}
    return activity(rig, member, tenant=tenant, value=data)


def installed(rig: TeamsRig, member: Member, *, tenant: str) -> dict[str, Any]:
    return activity(
        rig,
        member,
        tenant=tenant,
        kind="conversationUpdate",
        membersAdded=[{"id": f"28:{APP_ID}"}],
    )
