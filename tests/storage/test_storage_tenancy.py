"""Organisations' workspaces, stored channel-neutral (0015_tenancy_memberships): what a pool
linked before the change is kept through the upgrade and back, and an organisation's change
still retags the coaches (the migration alters the table in place, keeping its triggers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from alembic import command

from bot.domain import Membership, Organisation, organisations_of
from handlers.channel_names import SLACK, TEAMS
from storage.engine import make_engine
from storage.migrate import alembic_config, upgrade
from storage.store import SqlStore

BEFORE = "0013_path_manager_index"


def _migrate(url: str, step: Callable[..., None], revision: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            step(config, revision)
    finally:
        engine.dispose()


def _organisation_rows(url: str, *columns: str) -> list[dict[str, Any]]:
    table = sa.table(
        "organisations", sa.column("slug"), *(sa.column(c, sa.JSON()) for c in columns)
    )
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.select(table).order_by(table.c.slug)).mappings()
            return [dict(row) for row in rows]
    finally:
        engine.dispose()


def test_workspaces_linked_before_the_change_are_kept_both_ways(
    fresh_database_url: Callable[[], str],
) -> None:
    url = fresh_database_url()
    _migrate(url, command.upgrade, BEFORE)
    # Rows as `coachpool organisation link` wrote them before this revision.
    old = sa.table(
        "organisations",
        sa.column("slug"),
        sa.column("name"),
        sa.column("eap_contact"),
        sa.column("slack_team_ids", sa.JSON()),
        sa.column("teams_tenant_ids", sa.JSON()),
    )
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                sa.insert(old),
                [
                    {
                        "slug": "dudley",
                        "name": "Dudley Council",
                        "eap_contact": "",
                        "slack_team_ids": ["T0DUDLEY", "T0SHARED"],
                        "teams_tenant_ids": ["tenant-dudley"],
                    },
                    {
                        "slug": "walsall",
                        "name": "Walsall Council",
                        "eap_contact": "",
                        "slack_team_ids": ["T0SHARED"],
                        "teams_tenant_ids": [],
                    },
                ],
            )
    finally:
        engine.dispose()

    upgrade(url)
    store = SqlStore.open(url)
    try:
        dudley, walsall = store.find_organisation("dudley"), store.find_organisation("walsall")
        assert dudley is not None and walsall is not None
        assert dudley.memberships == (
            Membership(SLACK, "T0DUDLEY"),
            Membership(SLACK, "T0SHARED"),
            Membership(TEAMS, "tenant-dudley"),
        )
        assert walsall.memberships == (Membership(SLACK, "T0SHARED"),)
        shared = organisations_of(store.list_organisations(), SLACK, "T0SHARED")
        assert [o.slug for o in shared] == ["dudley", "walsall"]
        assert organisations_of(store.list_organisations(), TEAMS, "T0SHARED") == []
    finally:
        store.close()

    _migrate(url, command.downgrade, BEFORE)
    assert _organisation_rows(url, "slack_team_ids", "teams_tenant_ids") == [
        {
            "slug": "dudley",
            "slack_team_ids": ["T0DUDLEY", "T0SHARED"],
            "teams_tenant_ids": ["tenant-dudley"],
        },
        {"slug": "walsall", "slack_team_ids": ["T0SHARED"], "teams_tenant_ids": []},
    ]


def test_linking_a_workspace_retags_the_coaches(store: SqlStore) -> None:
    organisation = store.add_organisation(Organisation(id=0, slug="dudley", name="Dudley"))
    before = store.pool_revisions().coaches
    linked = replace(organisation, memberships=(Membership(TEAMS, "tenant-dudley"),))
    store.update_organisation(linked)
    assert store.pool_revisions().coaches != before
    assert store.get_organisation(organisation.id) == linked
