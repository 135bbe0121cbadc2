"""`coachpool dispatch --once`: deliver what is due, for cron-style operation."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from handlers.cli.common import open_app


def register(commands: Any) -> None:
    parser = commands.add_parser("dispatch")
    parser.add_argument(
        "--once",
        action="store_true",
        required=True,
        help="deliver what is due now (in passes of 200 until none is left), then exit",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.outbox.dispatcher import dispatch_all
    from handlers.channels import platform_notifier
    from handlers.console.left_for import LeftForServer, left_due
    from handlers.console.wiring import inbox_sender, reach_with
    from handlers.platforms import MOUNTERS

    app = open_app(args)
    notifier = platform_notifier(
        app, MOUNTERS, fallback=inbox_sender(app, out=sys.stdout), environ=os.environ
    )
    reach = reach_with(notifier.platforms)
    report = dispatch_all(app.services, notifier, reach=reach)
    now = app.services.clock.now()
    # People on a platform without settings here: not tried, said once per platform.
    left = LeftForServer(app.store, reach).waiting(due_by=now)
    remaining = app.store.count_due(now=now) - left.total()
    print(
        f"claimed {report.claimed}, sent {report.sent}, skipped {report.skipped}, "
        f"to retry {report.retried}, failed {report.failed}"
        + (f"; {remaining} due messages remain for the next run" if remaining > 0 else ""),
        *left_due(left),
        sep="\n",
        file=sys.stderr,
    )
    return 0
