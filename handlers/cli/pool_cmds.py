"""`coachpool db upgrade | seed --demo | import coaches FILE | erase EMAIL`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handlers.cli.common import UsageError, open_app, operator, person_by_email


def register(commands: Any) -> None:
    db = commands.add_parser("db")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    up = db_commands.add_parser("upgrade", help="apply the schema migrations")
    up.set_defaults(run=run_upgrade)

    seed = commands.add_parser("seed")
    seed.add_argument(
        "--demo",
        action="store_true",
        required=True,
        help="the sample pool: 12 councils, 40 coaches, two programmes",
    )
    seed.set_defaults(run=run_seed)

    imports = commands.add_parser("import")
    kinds = imports.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    coaches = kinds.add_parser(
        "coaches", help="import a coach roster (CSV or .xlsx; see bot/pool/ROSTER.md)"
    )
    coaches.add_argument("file", type=Path)
    coaches.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows even if others have errors",
    )
    coaches.set_defaults(run=run_import_coaches)

    erase = commands.add_parser("erase")
    erase.add_argument("email")
    erase.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    erase.set_defaults(run=run_erase)


def run_upgrade(args: argparse.Namespace) -> int:
    from storage.engine import default_database_url
    from storage.migrate import upgrade

    url = args.database or default_database_url()
    upgrade(url)
    print("The database schema is up to date.")
    return 0


def run_seed(args: argparse.Namespace) -> int:
    from handlers.pool.sample import load_sample_pool

    app = open_app(args, create=True)
    summary = load_sample_pool(app.store, now=app.services.clock.now())
    print(summary.describe())
    return 0


def run_import_coaches(args: argparse.Namespace) -> int:
    from bot.pool.roster import import_roster
    from bot.requests.waitlist import rematch_and_queue
    from handlers.pool.roster_files import RosterFileError, read_roster_file

    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from error
    try:
        roster = read_roster_file(args.file, data)
    except RosterFileError as error:
        raise UsageError(f"{args.file}: {error}") from error
    app = open_app(args, create=True)
    parsed = roster.parse(known_organisations=app.store.list_organisations())
    report = import_roster(
        app.store,
        parsed,
        skip_invalid=args.skip_invalid,
        now=app.services.clock.now(),
        actor_id=None,
    )
    # The report's errors: the file's, and those only the pool can show (an organisation or
    # a line manager it doesn't have).
    for problem in (*report.errors, *report.warnings):
        print(f"{args.file}: {problem}")
    print(report.summary())
    # New coaches, or more room for existing ones, may suit requests on the waiting list.
    now = app.services.clock.now()
    told = rematch_and_queue(app.services, origin=f"import:{now.isoformat()}")
    if told:
        print(f"{told} waiting request(s) now have coaches to choose from; they will be told.")
    return 1 if report.errors and not args.skip_invalid else 0


def run_erase(args: argparse.Namespace) -> int:
    if not args.yes and not sys.stdin.isatty():
        raise UsageError("standard input is not a terminal: add --yes to erase without asking")
    from bot.privacy.erasure import erase_person

    app = open_app(args)
    person = person_by_email(app, args.email)
    if not args.yes:
        try:
            answer = input(
                f"Erase {person.name} <{person.email}>? Their name, email, platform links, "
                "conversations and words will be removed for good; their open coaching ends "
                "and the other person is told; anonymous hours stay. Type 'erase' to confirm: "
            )
        except EOFError:
            answer = ""
        if answer.strip().lower() != "erase":
            print("Nothing was erased.")
            return 1
    report = erase_person(app.services, person, by=operator())
    print(report.summary())
    return 0
