"""`coachpool parse-when TEXT`: what the bot understands of a time phrase."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.bootstrap import settings_from_environment
from handlers.cli.common import UsageError, print_json
from handlers.wall_clock import WallClock


def register(commands: Any) -> None:
    parser = commands.add_parser("parse-when")
    parser.add_argument("text", help="e.g. 'Tuesday or Thursday afternoons'")
    parser.add_argument("--now", help="the moment to read it from, ISO 8601 (default: now)")
    parser.add_argument("--tz", help="the person's time zone (default: COACHPOOL_TIMEZONE)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.when import describe_window, parse_when

    try:
        zone = ZoneInfo(args.tz) if args.tz else settings_from_environment().pool_timezone
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise UsageError(
            f"--tz {args.tz!r} is not a time zone name (e.g. Europe/London)"
        ) from error
    now = _now(args.now, zone)
    result = parse_when(args.text, now=now, tz=zone)
    if not result.windows:
        reason = " ".join(result.questions) or "no time found"
        print(
            f"coachpool: I couldn't understand a time in {args.text!r}: {reason}", file=sys.stderr
        )
        return 1
    if args.json:
        windows = [
            {
                "start": w.start.astimezone(zone).isoformat(),
                "end": w.end.astimezone(zone).isoformat(),
            }
            for w in result.windows
        ]
        print_json({"windows": windows, "questions": list(result.questions)})
    else:
        for window in result.windows:
            print(describe_window(window, zone, now=now))
        for question in result.questions:
            print(f"? {question}")
    return 0


def _now(text: str | None, zone: ZoneInfo) -> datetime:
    if not text:
        return WallClock().now()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as error:
        raise UsageError(
            f"--now {text!r} is not an ISO 8601 time, e.g. 2026-11-25T10:00:00+00:00"
        ) from error
    # A time without an offset is read in the person's zone, as they would mean it.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
