"""What the subcommands share: opening the application, printing tables and JSON."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.domain import Person
from handlers.bootstrap import Application, bootstrap


class UsageError(Exception):
    """Bad input on the command line: printed as one line, exit status 2."""


def open_app(
    args: argparse.Namespace, *, migrate: bool = True, create: bool = False
) -> Application:
    """Open the pool. Only the commands that set a pool up pass `create`: any other one on a
    SQLite file that does not exist says so instead of creating an empty pool."""
    return bootstrap(database_url=getattr(args, "database", None), migrate=migrate, create=create)


def person_by_email(app: Application, email: str) -> Person:
    person = app.store.find_person_by_email(email.strip())
    if person is None:
        raise UsageError(
            f"no one with the email {email!r} is in the pool (see `coachpool people` for who is)"
        )
    return person


def operator() -> str:
    """Who ran a command, for the audit log: the command line and the system account."""
    try:
        return f"command line ({getpass.getuser()})"
    except (OSError, KeyError):  # no login name in this environment (a container, say)
        return "command line"


def iso(instant: datetime, zone: Any) -> str:
    return instant.astimezone(zone).isoformat()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not rows:
        print("(none)")
        return
    widths = [max(len(h), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    print("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
