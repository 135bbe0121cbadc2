"""`coachpool serve`: the ASGI application and the scheduler, in one process."""

from __future__ import annotations

import argparse
import logging
import os
from typing import Any

from handlers.cli.common import UsageError, open_app


def register(commands: Any) -> None:
    parser = commands.add_parser("serve")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, help="port (default: $PORT, else 3000)")
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
    # The server's libraries load here, not with the command line: other commands need none.
    import uvicorn

    from handlers.channels import ChannelContext, build_notifier, mount_all
    from handlers.console.left_for import LeftForServer, left_due
    from handlers.console.wiring import inbox_sender, reach_with
    from handlers.jobs import Scheduler
    from handlers.logs import configure_logging, log_level_from_environ
    from handlers.metrics.instruments import Metrics  # prometheus-client: for serve only
    from handlers.platforms import MOUNTERS
    from handlers.retention import retention_periods
    from handlers.serve_settings import dispatch_every_from_environ, port_from_environ
    from handlers.server.app import create_app
    from handlers.server.kick import DispatchKicker

    if args.socket_mode and not os.environ.get("SLACK_APP_TOKEN"):
        raise UsageError("--socket-mode needs SLACK_APP_TOKEN (an app-level token, xapp-...)")
    configure_logging(log_level_from_environ(os.environ))
    retention = retention_periods(os.environ)  # a bad setting stops here, in one line
    port = args.port or port_from_environ(os.environ)
    dispatch_every = dispatch_every_from_environ(os.environ)
    app = open_app(args)
    environ = dict(os.environ)
    if args.socket_mode:
        environ["COACHPOOL_SLACK_SOCKET_MODE"] = "1"
    kicker: list[DispatchKicker] = []

    async def dispatch_soon() -> None:
        await kicker[0].kick()

    metrics = Metrics()  # counts everything this process does, for /metrics
    context = ChannelContext(
        application=app, environ=environ, dispatch_soon=dispatch_soon, observer=metrics
    )
    mounts = mount_all(context, MOUNTERS)
    notifier = build_notifier(app, mounts, fallback=inbox_sender(app))
    # People on a platform without settings here are left due, untried: said once, here.
    reach = reach_with(notifier.platforms)
    left = left_due(LeftForServer(app.store, reach).waiting(due_by=None))
    if left:
        logging.getLogger("coachpool.serve").warning("; ".join(left))
    kicker.append(DispatchKicker(app.services, notifier, observer=metrics, reach=reach))
    scheduler = (
        None
        if args.no_scheduler
        else Scheduler(
            app.services,
            notifier,
            retention,
            dispatch_every=dispatch_every,
            observer=metrics,
            reach=reach,
        )
    )
    asgi = create_app(app, mounts=mounts, scheduler=scheduler, environ=environ, metrics=metrics)
    uvicorn.run(asgi, host=args.host, port=port, log_config=None)
    return 0
