"""`coachpool export-person EMAIL` (the right of access) and `coachpool audit` (who did
what: erasures, exports, imports, workspace links, digests)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from pathlib import Path
from typing import Any

from bot.domain.audit import AuditEntry
from bot.privacy.access import person_record
from bot.privacy.audit_trail import entries_about
from handlers.bootstrap import Application
from handlers.cli.common import UsageError, iso, open_app, operator, print_json, print_table
from handlers.cli.export_cmd import day


def register(commands: Any) -> None:
    export = commands.add_parser("export-person")
    export.add_argument("email")
    export.add_argument("--out", type=Path, help="write to this file instead of standard output")
    export.set_defaults(run=run_export_person)

    audit = commands.add_parser("audit")
    audit.add_argument("--since", help="from this day, YYYY-MM-DD")
    audit.add_argument("--person", metavar="EMAIL", help="only entries by or about this person")
    audit.add_argument("--json", action="store_true", help="machine-readable output")
    audit.set_defaults(run=run_audit)


def _unknown(email: str) -> int:
    print(f"coachpool: no one with the email {email!r} is in the pool", file=sys.stderr)
    return 1


def run_export_person(args: argparse.Namespace) -> int:
    # The console inbox's table (SQLAlchemy Core): loaded by this command only.
    from handlers.console.inbox import ConsoleInbox
    from handlers.console.render import render

    app = open_app(args)
    person = app.store.find_person_by_email(args.email.strip())
    if person is None:
        return _unknown(args.email)
    record = person_record(app.services, person)
    zone = app.services.settings.pool_timezone
    record["console_messages_waiting"] = [
        {"arrived": iso(message.arrived_at, zone), "text": render(message.replies).text}
        for message in ConsoleInbox(app.store.engine).waiting(person.id)
    ]
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {args.out}: {error.strerror}") from error
        print(f"Wrote everything held about person {person.id} to {args.out}.", file=sys.stderr)
    app.store.audit(
        AuditEntry(
            app.services.clock.now(), None, "person.exported", f"person:{person.id}", operator()
        )
    )
    return 0


def run_audit(args: argparse.Namespace) -> int:
    first = day(args.since, "--since")
    app = open_app(args)
    zone = app.services.settings.pool_timezone
    since = datetime.combine(first, time(), tzinfo=zone) if first else None
    entries = app.store.list_audit(since=since)
    if args.person:
        person = app.store.find_person_by_email(args.person.strip())
        if person is None:
            return _unknown(args.person)
        entries = entries_about(app.store, person.id, entries)
    rows = [_row(app, entry) for entry in entries]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["at", "by", "action", "subject", "detail"],
            [[r["at"], r["by"], r["action"], r["subject"], r["detail"]] for r in rows],
        )
    return 0


def _row(app: Application, entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": iso(entry.at, app.services.settings.pool_timezone),
        "by": _actor(app, entry.actor_id),
        "action": entry.action,
        "subject": entry.subject,
        "detail": entry.detail,
    }


def _actor(app: Application, actor_id: int | None) -> str:
    """The actor's email; an erased person is only a number, as they asked."""
    if actor_id is None:
        return "-"
    person = app.store.get_person(actor_id)
    if person is None or person.erased:
        return f"person:{actor_id}"
    return person.email
