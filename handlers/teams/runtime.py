"""Starting the Teams channel: the SDK's app on its own loop, our routes and sender."""

from __future__ import annotations

from bot.domain import Channel
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

START_TIMEOUT = 30.0


def start_teams(
    context: ChannelContext, settings: TeamsSettings, *, policy: RetryPolicy | None = None
) -> ChannelMount:
    loop = LoopThread()
    adapter = StarletteAdapter(loop, after_turn=context.dispatch_soon, observer=context.observer)
    activities = TeamsActivities(
        application=context.application, settings=settings, observer=context.observer
    )

    async def build() -> App:
        # Built on its own loop: the SDK's HTTP clients belong to the loop that uses them.
        cloud = cloud_for(settings)
        tokens = MsalTokens(settings, login_url=cloud.login_endpoint)
        app = build_app(settings, cloud=cloud, tokens=tokens, adapter=adapter)
        activities.register(app)
        await app.initialize()
        return app

    try:
        app = loop.submit(build()).result(START_TIMEOUT)
    except BaseException:
        loop.stop()
        raise
    sender = TeamsSender(
        app=app, loop=loop, store=context.application.store, settings=settings, policy=policy
    )

    async def stop() -> None:
        await run_sync(loop.stop)

    return ChannelMount(
        channel=Channel.TEAMS, routes=list(adapter.routes), sender=sender, on_shutdown=[stop]
    )
