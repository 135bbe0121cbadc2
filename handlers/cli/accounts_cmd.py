"""`coachpool accounts EMAIL [--unlink slack|teams]`: the chat accounts a person is reached
through, and the coordinator's way to release one that is no longer theirs (the bot tells a
second account to ask the coordinator; this is what the coordinator does)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.domain.audit import AuditEntry
from handlers.channel_names import SLACK, TEAMS
from handlers.cli.common import open_app, operator, print_json, print_table

_UNLINKABLE = {"slack": SLACK, "teams": TEAMS}


def register(commands: Any) -> None:
    accounts = commands.add_parser("accounts")
    accounts.add_argument("email")
    accounts.add_argument(
        "--unlink",
        choices=sorted(_UNLINKABLE),
        help="forget their account on this platform: the next one they use there is linked",
    )
    accounts.add_argument("--json", action="store_true", help="machine-readable output")
    accounts.set_defaults(run=run_accounts)


def run_accounts(args: argparse.Namespace) -> int:
    app = open_app(args)
    store = app.store
    person = store.find_person_by_email(args.email.strip())
    if person is None:
        print(f"coachpool: no one with the email {args.email!r} is in the pool", file=sys.stderr)
        return 1
    if args.unlink:
        channel = _UNLINKABLE[args.unlink]
        with store.transaction():
            released = store.unlink_identities(person.id, channel)
            if released:
                store.audit(
                    AuditEntry(
                        app.services.clock.now(),
                        None,
                        "identity.unlinked",
                        f"person:{person.id}",
                        f"{channel}; {operator()}",
                    )
                )
        print(
            f"Released {released} {channel} account(s) of person {person.id}; the next "
            f"{channel} account they use is linked."
            if released
            else f"Person {person.id} has no {channel} account linked."
        )
        return 0
    rows = [
        {"channel": i.channel, "workspace": i.workspace, "user_id": i.user_id}
        for i in store.identities_of(person.id)
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["channel", "workspace or tenant", "user id"],
            [[r["channel"], r["workspace"], r["user_id"]] for r in rows],
        )
    return 0
