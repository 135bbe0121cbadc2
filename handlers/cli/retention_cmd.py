"""`coachpool retention [--run]`: the retention periods in force, and applying them now
(the server's scheduler does it every night)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from bot.privacy.retention import apply_retention
from handlers.cli.common import open_app
from handlers.retention import retention_periods


def register(commands: Any) -> None:
    parser = commands.add_parser("retention")
    parser.add_argument(
        "--run", dest="apply", action="store_true", help="forget what is past its period now"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    periods = retention_periods(os.environ)
    print(
        f"Kept: free text {periods.free_text.days} days after closing, abandoned "
        f"conversations {periods.conversations.days} days, the text of sent messages "
        f"{periods.sent_messages.days} days."
    )
    if args.apply:
        report = apply_retention(open_app(args).services, periods)
        print(f"Retention applied: {report.summary()}.")
    return 0
