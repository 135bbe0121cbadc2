"""The app served for real on 127.0.0.1 (uvicorn in a thread) against the fake Slack,
with the sample pool, and a driver that plays Slack users: DMs, button presses,
commands, all as signed HTTP requests."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from unittest.mock import patch
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx
import uvicorn

from bot.clock import SimulatedClock
from bot.domain import Channel, Membership
from bot.outbox.dispatcher import dispatch_due
from handlers.bootstrap import Application, bootstrap
from handlers.channel_names import SLACK
from handlers.channels import ChannelContext, ChannelMount, ranked_senders
from handlers.delivery import ChannelNotifier, ChannelSender
from handlers.metrics.instruments import Metrics
from handlers.pool.sample import load_sample_pool
from handlers.secrets import KEY_VARIABLE
from handlers.server.app import create_app
from handlers.server.kick import DispatchKicker
from handlers.slack.channel import SlackChannel, slack_channel
from handlers.slack.installations import Installations, Workspace
from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import Call, FakeSlack, FakeUser, bot_user

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
LONDON = ZoneInfo("Europe/London")
# Tuesday 24 November 2026, 09:30 London, as in the demo and the transcript tests.
START = datetime(2026, 11, 24, 9, 30, tzinfo=LONDON)
SINGLE_TEAM = "T0POOL"
TEST_SECRET_KEY = "m4b8tSyM1I6cqQyWYQf6t6lqvJ6Bq0g6Rr2qf8eZkQc="


class ServerThread:
    """uvicorn serving `app` on a free port of 127.0.0.1, in a background thread."""

    def __init__(self, app: Any) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self._thread.join(10)


def team_of(slug: str) -> str:
    return "T" + slug.upper().replace("-", "")[:10]


def user_of(person_id: int) -> str:
    return f"U{person_id:05d}"


@dataclass
class Harness:
    application: Application
    fake: FakeSlack
    channel: SlackChannel
    url: str
    clock: SimulatedClock
    finished: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))
    # Other channels served by the same app (see `running_pool`'s `mounters`).
    mounts: list[ChannelMount] = field(default_factory=list)
    # The Slack channel's own mount, as the app serves it.
    slack_mount: ChannelMount | None = None
    # What the channels, the kicker and /metrics count into, wired as `coachpool serve` does.
    metrics: Metrics = field(default_factory=Metrics)

    # -- raw requests ------------------------------------------------------------------
    def post(
        self,
        body: str,
        *,
        content_type: str,
        headers: dict[str, str] | None = None,
        signed: bool = True,
        timestamp: int | None = None,
        path: str = "/slack/events",
    ) -> httpx.Response:
        sent = {"Content-Type": content_type}
        if signed:
            sent |= payloads.signature_headers(body, secret=SECRET, timestamp=timestamp)
        sent |= headers or {}
        return self.http.post(self.url + path, content=body.encode(), headers=sent)

    def send_event(
        self, team_id: str, event: dict[str, Any], *, event_id: str = "", **options: Any
    ) -> httpx.Response:
        body = json.dumps(payloads.event_callback(team_id, event, event_id=event_id))
        return self.post(body, content_type="application/json", **options)

    def send_interaction(self, payload: dict[str, Any], **options: Any) -> httpx.Response:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, content_type="application/x-www-form-urlencoded", **options)

    def send_command(self, form: dict[str, str], **options: Any) -> httpx.Response:
        return self.post(
            urlencode(form), content_type="application/x-www-form-urlencoded", **options
        )

    def wait_turns(self, count: int = 1, timeout: float = 15.0) -> None:
        """Until `count` more turns (and the deliveries they queued) have finished."""
        for _ in range(count):
            if not self.finished.acquire(timeout=timeout):
                raise AssertionError("a Slack turn did not finish in time")

    def senders(self) -> dict[Channel, ChannelSender]:
        """Every channel's proactive sender, Slack's and the other mounts', in the mounts'
        rank, as `coachpool serve` orders them."""
        return ranked_senders([self.slack_mount or self.channel.mount(), *self.mounts])

    # -- people ------------------------------------------------------------------------
    def user(self, who: str | FakeUser) -> SlackUser:
        """The Slack user with this email (the first such), or this very fake user."""
        return SlackUser(self, who if isinstance(who, FakeUser) else self.fake.user(who))

    def deliver(self) -> None:
        """Run a dispatcher pass now (as the scheduler's tick would)."""
        notifier = ChannelNotifier(self.application.services, self.senders())
        dispatch_due(self.application.services, notifier)


@dataclass
class SlackUser:
    harness: Harness
    me: FakeUser

    @property
    def dm(self) -> str:
        return self.me.dm

    def say(self, text: str, **event: Any) -> list[Call]:
        before = len(self.harness.fake.calls)
        event = payloads.dm_event(user=self.me.user_id, channel=self.dm, text=text, **event)
        response = self.harness.send_event(self.me.team_id, event)
        assert response.status_code == 200, response.text
        self.harness.wait_turns()
        return self.since(before)

    def press(self, label: str) -> list[Call]:
        button, call = self.find_button(label)
        before = len(self.harness.fake.calls)
        payload = payloads.block_actions(
            team_id=self.me.team_id,
            user=self.me.user_id,
            button=button,
            channel=self.dm,
            message={"ts": call.answer.get("ts", "1.0"), "blocks": call.params.get("blocks", [])},
        )
        response = self.harness.send_interaction(payload)
        assert response.status_code == 200, response.text
        self.harness.wait_turns()
        return self.since(before)

    def command(self, text: str, *, channel: str = "") -> list[Call]:
        before = len(self.harness.fake.calls)
        form = payloads.slash_command(
            team_id=self.me.team_id,
            user=self.me.user_id,
            text=text,
            channel=channel or self.dm,
            response_url=self.harness.fake.response_url(self.me.user_id),
        )
        response = self.harness.send_command(form)
        assert response.status_code == 200, response.text
        self.harness.wait_turns()
        return self.harness.fake.calls[before:]

    def since(self, index: int) -> list[Call]:
        """What reached this person's DM from call `index` on."""
        return [
            c
            for c in self.harness.fake.calls[index:]
            if c.params.get("channel") == self.dm or c.params.get("channel_id") == self.dm
        ]

    def messages(self) -> list[Call]:
        return [
            c
            for c in self.harness.fake.calls
            if c.method in {"chat.postMessage", "chat.postEphemeral"}
            and c.params.get("channel") == self.dm
            and c.params.get("user", self.me.user_id) == self.me.user_id
        ]

    def find_button(self, label: str) -> tuple[dict[str, Any], Call]:
        """The newest button with this label, or the "Choose" button of the newest
        section that names `label`."""
        for call in reversed(self.messages()):
            for block in reversed(call.params.get("blocks", [])):
                if block["type"] == "actions":
                    for element in block["elements"]:
                        if element["text"]["text"] == label:
                            return {**element, "block_id": block.get("block_id", "b1")}, call
                accessory = block.get("accessory")
                if accessory and label in block.get("text", {}).get("text", ""):
                    return {**accessory, "block_id": block.get("block_id", "b1")}, call
        raise AssertionError(f"no button {label!r} in {self.me.email}'s messages")


def words(calls: list[Call]) -> str:
    """Everything these calls showed, as one string (texts of all blocks)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                if isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for call in calls:
        walk(call.params.get("blocks", []))
        if not call.params.get("blocks"):
            walk(call.params)
    return " ".join(" ".join(out).split())


def posted(calls: list[Call], method: str = "chat.postMessage") -> list[Call]:
    return [c for c in calls if c.method == method]


@contextmanager
def running_pool(
    database_url: str,
    *,
    oauth: bool = False,
    member_teams: bool = True,
    extra_users: tuple[FakeUser, ...] = (),
    environ: dict[str, str] | None = None,
    mounters: Sequence[Callable[[ChannelContext], ChannelMount]] = (),
) -> Iterator[Harness]:
    """The sample pool behind the app, every person a Slack user: in one shared workspace
    (single-workspace mode) or, with `oauth`, one workspace per organisation, all
    installed. `mounters` add other channels to the same app (they get the same context,
    `environ` included); their senders join the dispatcher's."""
    clock = SimulatedClock(START)
    application = bootstrap(database_url=database_url, clock=clock)
    load_sample_pool(application.store, now=clock.now())
    store = application.store
    teams: dict[int, str] = {}
    for organisation in store.list_organisations():
        team = team_of(organisation.slug) if oauth else SINGLE_TEAM
        teams[organisation.id] = team
        if member_teams:
            memberships = (Membership(SLACK, team),)
            store.update_organisation(dataclasses.replace(organisation, memberships=memberships))
    users = [
        FakeUser(teams[p.organisation_id], user_of(p.id), p.email) for p in store.list_people()
    ]
    with ExitStack() as stack, FakeSlack(users=[*users, *extra_users]) as fake:
        env = {
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            **(environ or {}),
        }
        if oauth:
            env |= {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "client-secret"}
            # Installed workspaces' tokens are sealed at rest (handlers/secrets.py).
            env.setdefault(KEY_VARIABLE, TEST_SECRET_KEY)
            stack.enter_context(patch.dict(os.environ, {KEY_VARIABLE: env[KEY_VARIABLE]}))
        else:
            env["SLACK_BOT_TOKEN"] = f"xoxb-{SINGLE_TEAM}"
            fake.tokens[f"xoxb-{SINGLE_TEAM}"] = SINGLE_TEAM
        finished = threading.Semaphore(0)
        kicker: list[DispatchKicker] = []

        async def dispatch_soon() -> None:
            await kicker[0].kick()
            await kicker[0].wait_idle()
            finished.release()

        metrics = Metrics()
        context = ChannelContext(
            application=application, environ=env, dispatch_soon=dispatch_soon, observer=metrics
        )
        channel = slack_channel(context)
        assert channel is not None
        if oauth:
            installations = Installations(store.engine)
            for team in sorted(set(teams.values())):
                token = f"xoxb-{team}"
                fake.tokens[token] = team
                installations.save(
                    Workspace(team, token, f"B{team}", bot_user(team), team_name=f"Team {team}")
                )
        others = [mounter(context) for mounter in mounters]
        slack_mount = channel.mount()
        notifier = ChannelNotifier(application.services, ranked_senders([slack_mount, *others]))
        kicker.append(DispatchKicker(application.services, notifier, observer=metrics))
        asgi = create_app(application, mounts=[slack_mount, *others], metrics=metrics)
        try:
            with ServerThread(asgi) as url:
                harness = Harness(
                    application,
                    fake,
                    channel,
                    url,
                    clock,
                    finished,
                    mounts=others,
                    slack_mount=slack_mount,
                    metrics=metrics,
                )
                try:
                    yield harness
                finally:
                    harness.http.close()
        finally:
            application.store.close()
