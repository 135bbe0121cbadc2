"""The store: everything the core reads and writes, in the core's own types.

`Store` is the small per-aggregate Protocols of `bot.ports.aggregates` on one object, with
`transaction()` over them all. Code that needs one aggregate may take only its Protocol
(`RequestStore`, `OutboxStore`, ...). The digest's read-only queries are not here: they
are the digest's own port, `bot.digest.source.DigestSource`.

Contract for implementations:
- Every datetime given or returned is timezone-aware UTC.
- Records with `id == 0` are new; `add_*` returns them with their stored id.
- Each method is atomic on its own. Inside `with store.transaction():` all calls share
  one database transaction, committed at the end or rolled back on an exception;
  transactions nest (the inner block joins the outer one). `with store.reading():` does
  the same for reads alone (one read-only transaction; writing inside it is an error).
- Errors are raised as `bot.ports.errors` types, never as database exceptions.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from bot.ports.aggregates.coaches import CoachStore, MatchingReads, PoolRevisions, ProgrammeStore
from bot.ports.aggregates.conversations import ConversationStore, EventStore
from bot.ports.aggregates.engagements import EngagementStore, SessionStore
from bot.ports.aggregates.feedback import FeedbackStore
from bot.ports.aggregates.outbox import OutboxStore
from bot.ports.aggregates.people import IdentityStore, OrganisationStore, PeopleStore
from bot.ports.aggregates.records import AuditStore, PrivacyStore
from bot.ports.aggregates.requests import RequestStore

__all__ = ["PoolRevisions", "Store"]


class Store(
    OrganisationStore,
    PeopleStore,
    IdentityStore,
    CoachStore,
    ProgrammeStore,
    MatchingReads,
    RequestStore,
    EngagementStore,
    SessionStore,
    ConversationStore,
    EventStore,
    OutboxStore,
    FeedbackStore,
    AuditStore,
    PrivacyStore,
    Protocol,
):
    def transaction(self) -> AbstractContextManager[None]:
        """Group the calls inside into one atomic unit of work."""
        ...

    def reading(self) -> AbstractContextManager[None]:
        """Group the reads inside into one read-only unit of work: one transaction for many
        small reads. Inside `transaction()` it joins it; a write inside raises."""
        ...

    def ping(self) -> None:
        """Raise StoreUnavailable if the database cannot be reached."""
        ...
