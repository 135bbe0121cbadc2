"""`coachpool people | sessions | requests`: what is in the pool, for people and machines."""

from __future__ import annotations

import argparse
from typing import Any

from bot.domain import RequestState, Role
from bot.domain.outbox import OutboxState
from handlers.cli.common import iso, open_app, print_json, print_table


def register(commands: Any) -> None:
    people = commands.add_parser("people")
    people.add_argument(
        "--role", choices=[r.value for r in Role], help="only people with this role"
    )
    people.add_argument("--json", action="store_true", help="machine-readable output")
    people.set_defaults(run=run_people)
    sessions = commands.add_parser("sessions")
    sessions.add_argument("--json", action="store_true", help="machine-readable output")
    sessions.set_defaults(run=run_sessions)
    requests = commands.add_parser("requests")
    requests.add_argument("--json", action="store_true", help="machine-readable output")
    requests.set_defaults(run=run_requests)
    outbox = commands.add_parser("outbox")
    outbox.add_argument(
        "--state", choices=[state.value for state in OutboxState], help="only this state"
    )
    outbox.add_argument("--json", action="store_true", help="machine-readable output")
    outbox.set_defaults(run=run_outbox)


def run_people(args: argparse.Namespace) -> int:
    app = open_app(args)
    store = app.store
    organisations = {o.id: o for o in store.list_organisations()}
    role = Role(args.role) if args.role else None
    people = [
        {
            "email": p.email,
            "name": p.name,
            "organisation": organisations[p.organisation_id].name,
            "roles": sorted(r.value for r in p.roles),
        }
        for p in store.list_people(role)
    ]
    if args.json:
        print_json(people)
    else:
        print_table(
            ["name", "email", "organisation", "roles"],
            [[p["name"], p["email"], p["organisation"], ", ".join(p["roles"])] for p in people],
        )
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    app = open_app(args)
    store, zone = app.store, app.services.settings.pool_timezone
    emails = {p.id: p.email for p in store.list_people()}
    rows = [
        {
            "id": s.id,
            "coach": emails.get(s.coach_id, ""),
            "coachee": emails.get(s.coachee_id, ""),
            "start": iso(s.window.start, zone),
            "end": iso(s.window.end, zone),
            "state": s.state.value,
        }
        for s in store.list_sessions()
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["id", "start", "end", "coach", "coachee", "state"],
            [[r["id"], r["start"], r["end"], r["coach"], r["coachee"], r["state"]] for r in rows],
        )
    return 0


def run_requests(args: argparse.Namespace) -> int:
    app = open_app(args)
    store, zone = app.store, app.services.settings.pool_timezone
    emails = {p.id: p.email for p in store.list_people()}
    programmes = {p.id: p.slug for p in store.list_programmes()}
    rows = [
        {
            "id": r.id,
            "coachee": emails.get(r.coachee_id, ""),
            "programme": programmes.get(r.programme_id, ""),
            "state": r.state.value,
            "created": iso(r.created_at, zone),
        }
        for r in store.list_requests()
    ]
    if args.json:
        print_json(rows)  # the contract's keys only (DESIGN.md); the reasons are for people
    else:
        from bot.requests.waitlist import waiting_reasons  # matching: for the table only

        why = waiting_reasons(app.services, store.list_requests(states=[RequestState.WAITLISTED]))
        print_table(
            ["id", "created", "coachee", "programme", "state", "why waiting"],
            [
                [
                    r["id"],
                    r["created"],
                    r["coachee"],
                    r["programme"],
                    r["state"],
                    why[r["id"]].describe() if r["id"] in why else "",
                ]
                for r in rows
            ],
        )
    return 0


def run_outbox(args: argparse.Namespace) -> int:
    app = open_app(args)
    store, zone = app.store, app.services.settings.pool_timezone
    emails = {p.id: p.email for p in store.list_people()}
    rows = [
        {
            "id": m.id,
            "key": m.key,
            "kind": m.kind,
            "recipient": emails.get(m.recipient_id, ""),
            "due": iso(m.due_at, zone),
            "state": m.state.value,
            "attempts": m.attempts,
            "error": m.last_error,
            "skip_reason": m.skip_reason,
        }
        for m in store.list_outbox(states=[args.state] if args.state else None)
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["id", "due", "kind", "recipient", "state", "attempts", "why"],
            [
                [
                    r["id"],
                    r["due"],
                    r["kind"],
                    r["recipient"],
                    r["state"],
                    r["attempts"],
                    r["skip_reason"] or r["error"],
                ]
                for r in rows
            ],
        )
    return 0
