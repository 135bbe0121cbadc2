"""`coachpool organisations` and `coachpool organisation link|unlink`: which Slack workspaces
and Teams tenants serve which member organisation. Messages from a workspace or tenant
that serves no member organisation are refused politely. One workspace or tenant may
serve several organisations (a regional pool's own workspace): people in it are told
apart by their verified email, each served as a person of their own organisation."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from bot.domain import Organisation
from bot.domain.audit import AuditEntry
from handlers.cli.common import UsageError, open_app, print_json, print_table


def register(commands: Any) -> None:
    listing = commands.add_parser("organisations")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_list)
    one = commands.add_parser("organisation")
    actions = one.add_subparsers(dest="organisation_action", required=True, metavar="ACTION")
    for name, run in (("link", run_link), ("unlink", run_unlink)):
        action = actions.add_parser(name, help=f"{name} workspaces or tenants")
        action.add_argument("slug", help="the organisation's slug (see `coachpool organisations`)")
        action.add_argument("--slack-team", action="append", default=[], metavar="TEAM_ID")
        action.add_argument("--teams-tenant", action="append", default=[], metavar="TENANT_ID")
        action.set_defaults(run=run)


def run_list(args: argparse.Namespace) -> int:
    organisations = open_app(args).store.list_organisations()
    rows = [
        {
            "slug": o.slug,
            "name": o.name,
            "slack_teams": list(o.slack_team_ids),
            "teams_tenants": list(o.teams_tenant_ids),
        }
        for o in organisations
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["slug", "name", "slack teams", "teams tenants"],
            [
                [r["slug"], r["name"], ", ".join(r["slack_teams"]), ", ".join(r["teams_tenants"])]
                for r in rows
            ],
        )
    return 0


def _change(args: argparse.Namespace, *, add: bool) -> int:
    if not args.slack_team and not args.teams_tenant:
        raise UsageError("name at least one --slack-team or --teams-tenant")
    app = open_app(args)
    store = app.store
    with store.transaction():
        organisation = store.find_organisation(args.slug)
        if organisation is None:
            known = ", ".join(o.slug for o in store.list_organisations())
            raise UsageError(f"there is no organisation {args.slug!r}; known: {known}")
        updated = dataclasses.replace(
            organisation,
            slack_team_ids=_apply(organisation.slack_team_ids, args.slack_team, add=add),
            teams_tenant_ids=_apply(organisation.teams_tenant_ids, args.teams_tenant, add=add),
        )
        store.update_organisation(updated)
        store.audit(
            AuditEntry(
                app.services.clock.now(),
                None,
                f"organisation.{'link' if add else 'unlink'}",
                f"organisation:{organisation.id}",
                f"slack={args.slack_team} teams={args.teams_tenant}",
            )
        )
        others = [o for o in store.list_organisations() if o.id != organisation.id]
    print(
        f"{updated.name}: Slack workspaces {', '.join(updated.slack_team_ids) or 'none'}; "
        f"Teams tenants {', '.join(updated.teams_tenant_ids) or 'none'}."
    )
    if add:
        for line in _shared_with(updated, others):
            print(line)
    return 0


def _shared_with(organisation: Organisation, others: list[Organisation]) -> list[str]:
    """What it means that another organisation uses one of these workspaces or tenants."""
    links = [
        *(
            ("Slack workspace", team, [o.slug for o in others if team in o.slack_team_ids])
            for team in organisation.slack_team_ids
        ),
        *(
            ("Teams tenant", tenant, [o.slug for o in others if tenant in o.teams_tenant_ids])
            for tenant in organisation.teams_tenant_ids
        ),
    ]
    return [
        f"{label} {link} is shared with {', '.join(sorted(sharing))}: people there are told "
        "apart by their verified email, each served as a person of their own organisation."
        for label, link, sharing in links
        if sharing
    ]


def _apply(current: tuple[str, ...], changes: list[str], *, add: bool) -> tuple[str, ...]:
    cleaned = [c.strip() for c in changes if c.strip()]
    if add:
        return tuple(dict.fromkeys([*current, *cleaned]))
    return tuple(c for c in current if c not in cleaned)


def run_link(args: argparse.Namespace) -> int:
    return _change(args, add=True)


def run_unlink(args: argparse.Namespace) -> int:
    return _change(args, add=False)
