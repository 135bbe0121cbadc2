"""Recognising the person behind a Teams account, and remembering how to reach them.

A Teams account is linked to a pool record by its verified email or UPN (from the
connector's member lookup), only when the person's organisation lists the tenant (a
tenant may serve several member organisations; the email tells their people apart), and only
if the person has no Teams account yet (the first keeps their messages; a coordinator
releases it with `coachpool accounts EMAIL --unlink teams`):
a tenant's admin can set any user's mail attribute, so the email alone is not proof.
Activities from tenants of no member organisation are refused politely.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain import Identity, Organisation, Person, organisations_of
from bot.ports.store import Store
from handlers.channel_names import TEAMS
from handlers.teams.caller import Caller

NOT_MEMBER = (
    "Sorry, I can only help people from the organisations in the coaching pool, and your "
    "Teams organisation isn't one of them. If you think it should be, please tell your pool "
    "coordinator."
)
UNKNOWN = (
    "Sorry, I don't know you yet. Please ask your pool coordinator to add you to the "
    "coaching pool{email}."
)
MISMATCH = (
    "Sorry, I couldn't match your Teams account to your record in the coaching pool. "
    "Please tell your pool coordinator, who can check which organisation you're listed under."
)
NOT_PERSONAL = "I work in a one-to-one chat: please message me there."
ALREADY_LINKED = (
    "Hello! Your pool record is already linked to another Teams account, and I keep talking "
    "to that one so your messages stay in one place. If that account is no longer yours, "
    "please ask your pool coordinator, who can release it."
)


@dataclass(frozen=True)
class Known:
    person: Person


@dataclass(frozen=True)
class Refused:
    text: str


def tenant_organisations(store: Store, tenant_id: str) -> list[Organisation]:
    return organisations_of(store.list_organisations(), TEAMS, tenant_id)


def recognise(store: Store, caller: Caller) -> Known | Refused | None:
    """From the stored identity; None when this account isn't linked yet (look up its
    email and call `link_by_email`)."""
    if not caller.personal:
        return Refused(NOT_PERSONAL)
    owners = tenant_organisations(store, caller.tenant_id)
    if not owners:
        return Refused(NOT_MEMBER)
    identity = store.find_identity(TEAMS, caller.tenant_id, caller.key)
    person = store.get_person(identity.person_id) if identity else None
    if identity is None or person is None or person.erased:
        return None
    if person.organisation_id not in {o.id for o in owners}:
        return Refused(MISMATCH)  # their organisation was unlinked from this tenant since
    if identity.conversation_ref != caller.reference():
        store.link_identity(dataclasses.replace(identity, conversation_ref=caller.reference()))
    return Known(person)


def link_by_email(store: Store, caller: Caller, emails: Sequence[str]) -> Known | Refused:
    """Link the account to the pool member with one of these verified addresses."""
    addresses = [e.strip() for e in emails if e and e.strip()]
    person = next(
        (p for p in (store.find_person_by_email(a) for a in addresses) if p is not None), None
    )
    if person is None:
        shown = f" with your email address, {addresses[0]}" if addresses else ""
        return Refused(UNKNOWN.format(email=shown))
    owners = {o.id for o in tenant_organisations(store, caller.tenant_id)}
    if person.organisation_id not in owners:
        return Refused(MISMATCH)
    held = store.claim_identity(
        Identity(
            person.id,
            TEAMS,
            caller.tenant_id,
            caller.key,
            conversation_ref=caller.reference(),
        )
    )
    if (held.workspace, held.user_id) != (caller.tenant_id, caller.key):
        return Refused(ALREADY_LINKED)  # the first account keeps the person's messages
    return Known(person)
