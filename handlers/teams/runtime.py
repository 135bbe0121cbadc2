"""Starting the Teams channel: one SDK app per bot registration on its own loop, the
one route they share and the sender that picks among them."""

from __future__ import annotations

import logging

from handlers.channel_names import TEAMS
from handlers.channels import ChannelContext, ChannelMount
from handlers.server.blocking import run_sync
from handlers.teams.activities import TeamsActivities
from handlers.teams.adapter import StarletteAdapter
from handlers.teams.cloud import cloud_for
from handlers.teams.loop import LoopThread
from handlers.teams.retries import RetryPolicy
from handlers.teams.sdk import App, build_app
from handlers.teams.sender import TeamsSender
from handlers.teams.settings import TeamsSettings
from handlers.teams.tokens import MsalTokens

log = logging.getLogger("coachpool.teams")
START_TIMEOUT = 30.0
# Before Slack (handlers/slack/channel.py): a person on both is reached on Teams.
TEAMS_RANK = 10


def start_teams(
    context: ChannelContext, *registrations: TeamsSettings, policy: RetryPolicy | None = None
) -> ChannelMount:
    if not registrations:
        raise ValueError("the Teams channel needs at least one bot registration")
    loop = LoopThread()
    adapter = StarletteAdapter(loop, after_turn=context.dispatch_soon, observer=context.observer)
    # What the handlers read of the settings (the CA bundle) is the deployment's, shared.
    activities = TeamsActivities(
        application=context.application, settings=registrations[0], observer=context.observer
    )

    async def build() -> list[App]:
        # Built on its own loop: the SDK's HTTP clients belong to the loop that uses them.
        apps = []
        for registration in registrations:
            cloud = cloud_for(registration)
            tokens = MsalTokens(registration, login_url=cloud.login_endpoint)
            app = build_app(
                registration,
                cloud=cloud,
                tokens=tokens,
                adapter=adapter.for_registration(registration),
            )
            activities.register(app)
            await app.initialize()
            apps.append(app)
        return apps

    try:
        apps = loop.submit(build()).result(START_TIMEOUT)
    except BaseException:
        loop.stop()
        raise
    log.info(
        "teams bot registrations",
        extra={
            "registrations": [
                {"name": r.label, "app_id": r.app_id, "tenant": r.tenant_id} for r in registrations
            ]
        },
    )
    sender = TeamsSender(
        apps=list(zip(registrations, apps, strict=True)),
        loop=loop,
        store=context.application.store,
        policy=policy,
    )

    async def stop() -> None:
        await run_sync(loop.stop)

    return ChannelMount(
        channel=TEAMS,
        rank=TEAMS_RANK,
        routes=list(adapter.routes),
        sender=sender,
        on_shutdown=[stop],
    )
