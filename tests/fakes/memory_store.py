"""`MemoryStore`: the core's `Store` in memory, for transcript tests that need no database.

A faithful fake, not a sketch: what the core relies on behaves as on SQLite and PostgreSQL
(tests/fakes/test_memory_store.py holds it to the same contract).
- Transactions: `transaction()` blocks nest; an exception undoes the block's writes, and a
  failing write inside a block undoes only itself (the savepoint every SqlStore write is).
  Writers in other threads take turns (SQLite's one write lock); readers never wait and see
  only committed work.
- Lifecycles: `update_request`, `update_engagement` and `update_session` compare-and-set on
  the state and refuse a move `bot.domain.lifecycles` does not allow (StaleState).
- Booking: confirmed and held sessions never overlap for a coach or a coachee (SlotTaken).
- Outbox: keys are unique; claims, leases and owners as in storage/repos/outbox.py.
- Values: datetimes are stored and returned as aware UTC (naive ones refused), JSON fields
  (payloads, conversation data, conversation references) are copied through JSON, unique
  emails and slugs raise Conflict, missing records NotFound.

Not implemented (NotImplementedError naming the method): `erase_person` and
`forget_expired`, which belong to the storage tests; the digest's queries are not part of
`Store` and this fake does not answer them (`bot.digest.source.digest_source` refuses it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.fakes.memory_coaching import CoachingParts
from tests.fakes.memory_outbox import OutboxParts
from tests.fakes.memory_people import PeopleParts
from tests.fakes.memory_records import RecordParts
from tests.fakes.memory_sessions import SessionParts


class MemoryStore(PeopleParts, CoachingParts, SessionParts, OutboxParts, RecordParts):
    """One object with every part, as `SqlStore` is one object of repository mixins."""


if TYPE_CHECKING:
    from bot.ports.store import Store

    _implements: type[Store] = MemoryStore  # mypy (pyproject.toml lists this file) checks it
