"""`coachpool digest [--week YYYY-Www] [--organisation SLUG] [--send] [--json]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from bot.digest.week import Week, parse_week, week_before
from bot.domain.audit import AuditEntry
from handlers.bootstrap import Application, settings_from_environment
from handlers.cli.common import UsageError, open_app, operator, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser("digest")
    parser.add_argument(
        "--week", metavar="YYYY-Www", help="the ISO week, e.g. 2026-W47 (default: last week)"
    )
    parser.add_argument(
        "--organisation", metavar="SLUG", help="one organisation's digest, as its leads get it"
    )
    parser.add_argument(
        "--send",
        action="store_true",
        help="queue the week's digest for every coordinator and organisation lead, and send",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--chart", metavar="FILE", type=Path, help="also write the chart (PNG)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.send and (args.organisation or args.json or args.chart):
        raise UsageError(
            "--send gives each recipient their own digest: leave out --organisation, "
            "--json and --chart"
        )
    from bot.digest.export import digest_json
    from bot.digest.figures import build_digest
    from bot.digest.render import digest_chart, digest_text

    # Checked before the database is opened: a typo fails fast and touches nothing.
    week = _parse(args.week) if args.week else None
    app = open_app(args)
    week = week or week_before(app.services.clock.now(), app.services.settings.pool_timezone)
    if args.send:
        return _send(app, week)
    digest = build_digest(app.services, week=week, organisation_id=_organisation(app, args))
    if args.chart:
        try:
            args.chart.write_bytes(digest_chart(digest).content)
        except OSError as error:
            raise UsageError(f"cannot write {args.chart}: {error.strerror}") from error
    if args.json:
        print_json(digest_json(digest))
    else:
        print(digest_text(digest))
    return 0


def _parse(text: str) -> Week:
    try:
        return parse_week(text, settings_from_environment().pool_timezone)
    except ValueError as error:
        raise UsageError(f"--week: {error}") from error


def _organisation(app: Application, args: argparse.Namespace) -> int | None:
    if not args.organisation:
        return None
    organisation = app.store.find_organisation(args.organisation.strip())
    if organisation is None:
        slugs = ", ".join(o.slug for o in app.store.list_organisations()) or "none yet"
        raise UsageError(f"there is no organisation {args.organisation!r} (slugs: {slugs})")
    return organisation.id


def _send(app: Application, week: Week) -> int:
    from bot.digest.schedule import queue_weekly_digests
    from bot.outbox.dispatcher import dispatch_due
    from handlers.channels import platform_notifier
    from handlers.console.left_for import LeftForServer, left_due
    from handlers.console.wiring import inbox_sender, reach_with
    from handlers.platforms import MOUNTERS

    queued = queue_weekly_digests(app.services, week_start=week.start)
    notifier = platform_notifier(
        app, MOUNTERS, fallback=inbox_sender(app, out=sys.stdout), environ=os.environ
    )
    reach = reach_with(notifier.platforms)
    report = dispatch_due(app.services, notifier, reach=reach)
    left = LeftForServer(app.store, reach).waiting(due_by=app.services.clock.now())
    app.store.audit(
        AuditEntry(
            app.services.clock.now(),
            None,
            "digest.sent",
            f"digest:{week.label}",
            f"{queued} queued, {report.sent} messages sent, by {operator()}",
        )
    )
    print(
        f"digest {week.label}: queued {queued} new; sent {report.sent}, skipped "
        f"{report.skipped}, to retry {report.retried}, failed {report.failed} "
        f"(of {report.claimed} messages due)",
        *left_due(left),
        sep="\n",
        file=sys.stderr,
    )
    return 0 if report.failed == 0 else 1
