"""`coachpool export`: anonymous sessions or requests as CSV, for a coordinator's own figures."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from bot.domain.audit import AuditEntry
from bot.reports.export import Table, request_table, session_table
from handlers.cli.common import UsageError, open_app, operator


def register(commands: Any) -> None:
    parser = commands.add_parser("export")
    parser.add_argument("what", nargs="?", choices=["sessions", "requests"], default="sessions")
    parser.add_argument("--since", help="first day, YYYY-MM-DD (default: 1 April this year)")
    parser.add_argument("--until", help="last day, YYYY-MM-DD (default: today)")
    parser.add_argument("--out", type=Path, help="write to this file instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    app = open_app(args)
    zone = app.services.settings.pool_timezone
    today = app.services.clock.now().astimezone(zone).date()
    first = day(args.since, "--since") or _financial_year_start(today)
    last = day(args.until, "--until") or today
    if last < first:
        raise UsageError(f"--until {last} is before --since {first}")
    since = datetime.combine(first, time(), tzinfo=zone)
    until = datetime.combine(last + timedelta(days=1), time(), tzinfo=zone)
    build = session_table if args.what == "sessions" else request_table
    table = build(app.store, since=since, until=until, zone=zone)
    app.store.audit(
        AuditEntry(
            app.services.clock.now(),
            None,
            "figures.exported",
            f"export:{args.what}",
            f"{first} to {last}, {len(table.rows)} rows, by {operator()}",
        )
    )
    if args.out is None:
        _write(table, sys.stdout)
    else:
        try:
            with args.out.open("w", newline="", encoding="utf-8") as handle:
                _write(table, handle)
        except OSError as error:
            raise UsageError(f"cannot write {args.out}: {error.strerror}") from error
        print(f"Wrote {len(table.rows)} {args.what} to {args.out}.", file=sys.stderr)
    return 0


def _write(table: Table, handle: TextIO) -> None:
    writer = csv.writer(handle)
    writer.writerow(table.columns)
    writer.writerows(table.rows)


def day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"{option} {text!r} is not a date like 2026-04-01") from error


def _financial_year_start(today: date) -> date:
    """UK councils count from 1 April."""
    year = today.year if today.month >= 4 else today.year - 1
    return date(year, 4, 1)
