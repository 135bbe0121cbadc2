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
- Privacy: `erase_person` and `forget_expired` delete, scrub and blank what
  storage/repos/erasure.py and storage/repos/retention.py do, and report the same counts.
- The digest: it answers the digest's own port (`bot.digest.source.DigestSource`) with the
  facts storage/repos/digest.py selects, in the same order.
(tests/fakes/test_memory_store.py compares all three with SqlStore on the same operations.)
The console's inbox and Slack installations are SqlStore's own tables, not the core's
`Store`: the console chat still needs a database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.fakes.memory_coaching import CoachingParts
from tests.fakes.memory_digest import DigestParts
from tests.fakes.memory_outbox import OutboxParts
from tests.fakes.memory_people import PeopleParts
from tests.fakes.memory_privacy import PrivacyParts
from tests.fakes.memory_records import RecordParts
from tests.fakes.memory_sessions import SessionParts


class MemoryStore(
    PeopleParts,
    CoachingParts,
    SessionParts,
    OutboxParts,
    RecordParts,
    PrivacyParts,
    DigestParts,
):
    """One object with every part, as `SqlStore` is one object of repository mixins."""


if TYPE_CHECKING:
    from bot.digest.source import DigestSource
    from bot.ports.store import Store

    # mypy (pyproject.toml lists this file) checks both.
    _implements: type[Store] = MemoryStore
    _answers: type[DigestSource] = MemoryStore
