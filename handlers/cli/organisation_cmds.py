"""`coachpool organisations` and `coachpool organisation link|unlink`: which channels'
workspaces (Slack workspaces, Teams tenants: `handlers/tenancy.py`) serve which member
organisation. Messages from a workspace or tenant that serves no member organisation are
refused politely. One workspace or tenant may serve several organisations (a regional pool's
own workspace): people in it are told apart by their verified email, each served as a person
of their own organisation."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from bot.domain import Membership, Organisation
from bot.domain.audit import AuditEntry
from handlers.cli.common import UsageError, open_app, print_json, print_table
from handlers.tenancy import TENANCIES


def register(commands: Any) -> None:
    listing = commands.add_parser("organisations")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_list)
    one = commands.add_parser("organisation")
    actions = one.add_subparsers(dest="organisation_action", required=True, metavar="ACTION")
    for name, run in (("link", run_link), ("unlink", run_unlink)):
        action = actions.add_parser(name, help=f"{name} workspaces or tenants")
        action.add_argument("slug", help="the organisation's slug (see `coachpool organisations`)")
        for tenancy in TENANCIES:
            action.add_argument(
                f"--{tenancy.option}", action="append", default=[], metavar=tenancy.metavar
            )
        action.set_defaults(run=run)


def run_list(args: argparse.Namespace) -> int:
    organisations = open_app(args).store.list_organisations()
    rows: list[dict[str, Any]] = [
        {
            "slug": o.slug,
            "name": o.name,
            **{t.key: list(o.workspaces(t.channel)) for t in TENANCIES},
        }
        for o in organisations
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["slug", "name", *(t.heading for t in TENANCIES)],
            [[r["slug"], r["name"], *(", ".join(r[t.key]) for t in TENANCIES)] for r in rows],
        )
    return 0


def _named(args: argparse.Namespace) -> list[Membership]:
    """The workspaces named on the command line, in the channels' order."""
    return [
        Membership(t.channel, workspace.strip())
        for t in TENANCIES
        for workspace in getattr(args, t.dest)
        if workspace.strip()
    ]


def _change(args: argparse.Namespace, *, add: bool) -> int:
    if not any(getattr(args, t.dest) for t in TENANCIES):
        raise UsageError(f"name at least one {' or '.join(f'--{t.option}' for t in TENANCIES)}")
    app = open_app(args)
    store = app.store
    with store.transaction():
        organisation = store.find_organisation(args.slug)
        if organisation is None:
            known = ", ".join(o.slug for o in store.list_organisations())
            raise UsageError(f"there is no organisation {args.slug!r}; known: {known}")
        updated = dataclasses.replace(
            organisation, memberships=_apply(organisation.memberships, _named(args), add=add)
        )
        store.update_organisation(updated)
        store.audit(
            AuditEntry(
                app.services.clock.now(),
                None,
                f"organisation.{'link' if add else 'unlink'}",
                f"organisation:{organisation.id}",
                " ".join(f"{t.channel}={getattr(args, t.dest)}" for t in TENANCIES),
            )
        )
        others = [o for o in store.list_organisations() if o.id != organisation.id]
    linked = "; ".join(
        f"{t.many} {', '.join(updated.workspaces(t.channel)) or 'none'}" for t in TENANCIES
    )
    print(f"{updated.name}: {linked}.")
    if add:
        for line in _shared_with(updated, others):
            print(line)
    return 0


def _shared_with(organisation: Organisation, others: list[Organisation]) -> list[str]:
    """What it means that another organisation uses one of these workspaces or tenants."""
    links = [
        (t.one, workspace, [o.slug for o in others if o.serves(t.channel, workspace)])
        for t in TENANCIES
        for workspace in organisation.workspaces(t.channel)
    ]
    return [
        f"{label} {link} is shared with {', '.join(sorted(sharing))}: people there are told "
        "apart by their verified email, each served as a person of their own organisation."
        for label, link, sharing in links
        if sharing
    ]


def _apply(
    current: tuple[Membership, ...], changes: list[Membership], *, add: bool
) -> tuple[Membership, ...]:
    if add:
        return tuple(dict.fromkeys([*current, *changes]))
    return tuple(m for m in current if m not in changes)


def run_link(args: argparse.Namespace) -> int:
    return _change(args, add=True)


def run_unlink(args: argparse.Namespace) -> int:
    return _change(args, add=False)
