"""`SqlStore`: the core's `Store` on SQLAlchemy, for SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from storage.engine import DEFAULT_BUSY_TIMEOUT, check_exists, default_database_url, make_engine
from storage.errors import UPGRADE_HINT, SchemaOutOfDate
from storage.migrate import head_revision, known_revisions, revision_of, upgrade_engine
from storage.repos.coaches import CoachRepo
from storage.repos.conversations import ConversationRepo
from storage.repos.digest import DigestRepo
from storage.repos.engagements import EngagementRepo
from storage.repos.erasure import ErasureRepo
from storage.repos.events import EventRepo
from storage.repos.feedback import FeedbackRepo
from storage.repos.identities import IdentityRepo
from storage.repos.matching import MatchingRepo
from storage.repos.organisations import OrganisationRepo
from storage.repos.outbox import OutboxRepo
from storage.repos.people import PeopleRepo
from storage.repos.programmes import ProgrammeRepo
from storage.repos.requests import RequestRepo
from storage.repos.retention import RetentionRepo
from storage.repos.sessions import SessionRepo


class SqlStore(
    OrganisationRepo,
    PeopleRepo,
    IdentityRepo,
    CoachRepo,
    ProgrammeRepo,
    RequestRepo,
    EngagementRepo,
    SessionRepo,
    ConversationRepo,
    OutboxRepo,
    FeedbackRepo,
    EventRepo,
    ErasureRepo,
    RetentionRepo,
    DigestRepo,
    MatchingRepo,
):
    """The store on one engine. Safe to share between threads and asyncio tasks; every
    method blocks, so async code calls it off the event loop.

    `SqlStore(engine)` trusts the schema; `SqlStore.open(url)` checks it first.
    """

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        migrate: bool = False,
        create: bool = True,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> SqlStore:
        """Connect to `url` (default: `default_database_url()`) and check the schema is the
        one this code needs. With `migrate`, upgrade it first (what the CLI does);
        otherwise an unmigrated or outdated database raises SchemaOutOfDate telling the user
        to run `coachpool db upgrade`. An unreachable or locked database raises
        StoreUnavailable. Without `create`, a SQLite file that does not exist raises
        DatabaseMissing instead of being created empty."""
        url = url or default_database_url()
        if not create:
            check_exists(url)
        engine = make_engine(url, busy_timeout=busy_timeout)
        store = cls(engine)
        try:
            if migrate and store.schema_revision() != head_revision():
                upgrade_engine(engine)
            store.check_schema()
        except BaseException:
            engine.dispose()
            raise
        return store

    def schema_revision(self) -> str | None:
        """The schema revision the database is at; None if it was never migrated."""
        with self._read() as s:
            return revision_of(s.connection())

    def check_schema(self) -> None:
        """Raise SchemaOutOfDate unless the database is at this code's migration head."""
        found = self.schema_revision()
        wanted = head_revision()
        if found == wanted:
            return
        if found is None:
            raise SchemaOutOfDate(f"{self.where} has no coachpool tables yet: {UPGRADE_HINT}")
        if found not in known_revisions():
            raise SchemaOutOfDate(
                f"{self.where} was migrated by a newer coachpool (schema {found}); "
                "upgrade coachpool itself"
            )
        raise SchemaOutOfDate(
            f"{self.where} has schema {found}, this coachpool needs {wanted}: {UPGRADE_HINT}"
        )

    def ping(self) -> None:
        """Raise StoreUnavailable if the database cannot be reached."""
        with self._read() as s:
            s.execute(text("SELECT 1"))

    def close(self) -> None:
        """Close pooled connections. The store may not be used afterwards."""
        self.engine.dispose()


if TYPE_CHECKING:
    from bot.digest.source import DigestSource
    from bot.ports.store import Store

    # mypy checks that SqlStore is both the core's Store and the digest's source.
    _implements: type[Store] = SqlStore
    _answers_digests: type[DigestSource] = SqlStore
