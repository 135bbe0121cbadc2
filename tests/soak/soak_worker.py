"""One dispatcher process of the soak: the product's own dispatcher, Slack sender and Web
API client against the faulty fake Slack, polling until it is killed.

Run by the soak as `python -m tests.soak.soak_worker`, configured by the environment:
DATABASE_URL, SLACK_API_URL, SLACK_BOT_TOKEN (one per process, so the fake can tell which
dispatcher delivered what), COACHPOOL_OUTBOX_LEASE_SECONDS, SOAK_SLACK_TIMEOUT, SOAK_BATCH.
Time is compressed in one way only: retries wait fractions of a second, not minutes.
"""

from __future__ import annotations

import os
import time
from datetime import timedelta

from bot.outbox import dispatcher
from handlers.bootstrap import bootstrap
from handlers.channel_names import SLACK
from handlers.delivery import ChannelNotifier
from handlers.slack.desk import build_desk
from handlers.slack.sender import SlackSender
from handlers.slack.webapi import SlackApi
from handlers.slack.workspaces import OneWorkspace
from handlers.wall_clock import WallClock

COMPRESSED_BACKOFF = tuple(timedelta(seconds=s) for s in (0.2, 0.4, 0.8, 1.6))


def main() -> None:
    dispatcher.BACKOFF = COMPRESSED_BACKOFF
    app = bootstrap(database_url=os.environ["DATABASE_URL"], clock=WallClock(), migrate=False)
    api = SlackApi(
        base_url=os.environ["SLACK_API_URL"], timeout=int(os.environ["SOAK_SLACK_TIMEOUT"])
    )
    token = os.environ["SLACK_BOT_TOKEN"]
    sender = SlackSender(build_desk(app, api), OneWorkspace(token=token, api=api))
    notifier = ChannelNotifier(app.services, {SLACK: sender})
    batch = int(os.environ.get("SOAK_BATCH", "50"))
    while True:
        if dispatcher.dispatch_due(app.services, notifier, limit=batch).claimed == 0:
            time.sleep(0.05)


if __name__ == "__main__":
    main()
