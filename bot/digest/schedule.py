"""Monday's digests: one outbox row per recipient per week, rendered when sent.

Every replica's scheduler may call `queue_weekly_digests`; the row's key
(`digest:<YYYY-Www>:person:<id>`) is unique, so each person gets the week's digest once.
The figures are computed at send time, as of then, from the store as it is.
"""

from __future__ import annotations

from datetime import datetime

from bot.digest.figures import build_digest
from bot.digest.kinds import DigestKind
from bot.digest.render import digest_replies
from bot.digest.week import parse_week, week_before, week_containing
from bot.domain import Role
from bot.domain.outbox import OutboxMessage
from bot.keys import digest_key
from bot.messages import Outcome
from bot.registry import Door
from bot.services import Services


def queue_weekly_digests(services: Services, *, week_start: datetime) -> int:
    """Queue, due now, the digest of the week holding `week_start` for every coordinator
    (the whole pool) and every organisation lead (their organisation; a lead who is also
    a coordinator gets the pool's). Returns how many were new: 0 on a second call."""
    store, now = services.store, services.clock.now()
    week = week_containing(week_start, services.settings.pool_timezone)
    recipients: dict[int, int | None] = {
        p.id: p.organisation_id for p in store.list_people(Role.ORG_LEAD)
    }
    recipients |= {p.id: None for p in store.list_people(Role.COORDINATOR)}
    added = 0
    with store.transaction():
        for person_id, organisation_id in sorted(recipients.items()):
            added += store.schedule(
                OutboxMessage(
                    key=digest_key(DigestKind.DIGEST, week.label, person_id),
                    recipient_id=person_id,
                    kind=DigestKind.DIGEST,
                    due_at=now,
                    payload={"week": week.label, "organisation_id": organisation_id},
                )
            )
    return added


def queue_previous_week(services: Services) -> int:
    """The Monday 09:00 job: queue the digests of the week before now."""
    week = week_before(services.clock.now(), services.settings.pool_timezone)
    return queue_weekly_digests(services, week_start=week.start)


def render_digest(bot: Door, message: OutboxMessage) -> Outcome:
    """The timer of kind "digest". The scope follows the recipient's roles at
    send time, not the payload: someone who stopped being a lead, or moved organisation,
    never receives figures they are no longer entitled to."""
    services = bot.services
    person = services.store.get_person(message.recipient_id)
    if person is None or person.erased:
        return Outcome()
    if Role.COORDINATOR in person.roles:
        organisation_id = None
    elif Role.ORG_LEAD in person.roles:
        organisation_id = person.organisation_id
    else:
        return Outcome()  # no longer a recipient: the message lapses
    week = parse_week(str(message.payload["week"]), services.settings.pool_timezone)
    digest = build_digest(services, week=week, organisation_id=organisation_id)
    return Outcome(digest_replies(digest))
