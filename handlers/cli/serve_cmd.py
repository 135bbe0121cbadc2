"""`coachpool serve`: the ASGI application and the scheduler, in one process."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import uvicorn

from handlers.cli.common import UsageError, open_app
from handlers.console.sender import ConsoleSender
from handlers.delivery import ChannelNotifier
from handlers.jobs import Scheduler
from handlers.logs import configure_logging
from handlers.server.app import create_app


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="run the Slack/Teams endpoints and the scheduler")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    parser.add_argument(
        "--socket-mode",
        action="store_true",
        help="connect to Slack over Socket Mode instead of receiving HTTP events",
    )
    parser.add_argument(
        "--no-scheduler",
        action="store_true",
        help="don't deliver scheduled messages from this process",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.socket_mode:
        raise UsageError(
            "--socket-mode needs the Slack channel, which this release does not "
            "include yet; run without it to serve /healthz"
        )
    configure_logging()
    app = open_app(args)
    notifier = ChannelNotifier(app.services, {}, fallback=ConsoleSender(sys.stdout))
    scheduler = None if args.no_scheduler else Scheduler(app.services, notifier)
    asgi = create_app(app, scheduler=scheduler)
    uvicorn.run(asgi, host=args.host, port=args.port, log_config=None)
    return 0
