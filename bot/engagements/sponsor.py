"""Three-way contracting, the sponsor's side: their approvals in chat, approving, and
concerns that reach the pool coordinators.

A sponsor (the coachee's line manager) sees only the name, the programme and the number of
sessions; coordinators hear who has concerns about which engagement, never the coachee's
name or anything from the request, so they can call the sponsor and talk it through.
"""

from __future__ import annotations

import dataclasses

from bot.actions import Action, action_value
from bot.domain import Engagement, EngagementState, Person, Role
from bot.domain.audit import AuditEntry
from bot.messages import Outcome, refusal
from bot.registry import Context, VerbHandler
from bot.replies import Card, Choice, Fact, Outgoing, Reply, Text
from bot.services import Services
from bot.verbs import EngagementVerb

CONCERNS = "engagement.sponsor_concerns"


def awaiting_approval(services: Services, sponsor: Person) -> list[Engagement]:
    return [
        e
        for e in services.store.list_engagements()
        if e.sponsor_id == sponsor.id and e.state is EngagementState.AWAITING_SPONSOR
    ]


def concerns_raised(services: Services, engagement: Engagement) -> bool:
    entries = services.store.list_audit(subject_prefix=f"engagement:{engagement.id}")
    return any(e.action == CONCERNS and e.subject == f"engagement:{engagement.id}" for e in entries)


def approvals(services: Services, person: Person) -> Outcome:
    """The sponsor's menu: what waits for their answer, and what each button does."""
    waiting = awaiting_approval(services, person)
    if not waiting:
        return Outcome(
            (
                Text(
                    "Nothing is waiting for your approval. When someone you manage is matched "
                    "in a programme that asks for a sponsor, I'll message you here."
                ),
            )
        )
    intro = Text(
        "As a sponsor you approve coaching for people you manage. 'Approve' lets it go ahead; "
        "'I have concerns' tells the pool coordinators, who will call you to talk it through "
        "(nothing is cancelled). The content of the sessions stays confidential."
    )
    return Outcome((intro, *(approval_card(services, e) for e in waiting)))


def approval_card(services: Services, engagement: Engagement) -> Reply:
    store = services.store
    coachee = store.get_person(engagement.coachee_id)
    programme = store.get_programme(engagement.programme_id)
    facts = (
        Fact("For", coachee.name if coachee else "(no longer in the pool)"),
        Fact("Programme", programme.name if programme else ""),
        Fact("Sessions", f"up to {engagement.sessions_allowed}"),
    )
    note = (
        "You've told the coordinators of your concerns; they'll be in touch."
        if concerns_raised(services, engagement)
        else ""
    )
    return Card(
        f"Coaching for {facts[0].value}",
        facts,
        text=note,
        actions=(
            Choice("Approve", action_value(EngagementVerb.APPROVE, engagement.id), style="primary"),
            Choice("I have concerns", action_value(EngagementVerb.REFUSE, engagement.id)),
        ),
    )


def _engagement_to_answer(ctx: Context, action: Action) -> Engagement | Outcome:
    engagement = ctx.services.store.get_engagement(action.int_arg(0))
    if engagement is None or engagement.sponsor_id != ctx.person.id:
        return refusal("Sorry, that approval isn't yours to give.")
    if engagement.state is not EngagementState.AWAITING_SPONSOR:
        return refusal("You've already answered this one. Thank you.")
    return engagement


def approve(ctx: Context, action: Action) -> Outcome:
    found = _engagement_to_answer(ctx, action)
    if isinstance(found, Outcome):
        return found
    store, now = ctx.services.store, ctx.services.clock.now()
    with store.transaction():
        store.update_engagement(
            dataclasses.replace(found, state=EngagementState.ACTIVE),
            expected=EngagementState.AWAITING_SPONSOR,
        )
        store.audit(AuditEntry(now, ctx.person.id, "engagement.approved", f"engagement:{found.id}"))
    return Outcome(
        (Text("Thank you: approved."),),
        tuple(
            Outgoing(pid, (Text(f"{ctx.person.name} has approved the coaching. You're all set."),))
            for pid in (found.coach_id, found.coachee_id)
        ),
    )


def raise_concerns(ctx: Context, action: Action) -> Outcome:
    """The coordinators are told once per engagement; the engagement waits as it was."""
    found = _engagement_to_answer(ctx, action)
    if isinstance(found, Outcome):
        return found
    services = ctx.services
    if concerns_raised(services, found):
        return refusal(
            "You've already told the coordinators of your concerns; they'll be in touch. "
            "You can still approve it here if you're happy for it to go ahead."
        )
    services.store.audit(
        AuditEntry(services.clock.now(), ctx.person.id, CONCERNS, f"engagement:{found.id}")
    )
    return Outcome(
        (
            Text(
                "Thank you. I've let the pool coordinators know, and they'll be in touch "
                "to talk it through. Nothing has been cancelled yet; say 'approvals' if you "
                "decide to approve it."
            ),
        ),
        _tell_coordinators(services, found, sponsor=ctx.person),
    )


def _tell_coordinators(
    services: Services, engagement: Engagement, *, sponsor: Person
) -> tuple[Outgoing, ...]:
    store = services.store
    programme = store.get_programme(engagement.programme_id)
    organisation = store.get_organisation(sponsor.organisation_id)
    note = Text(
        f"{sponsor.name} ({sponsor.email}, {organisation.name if organisation else 'a member'}) "
        f"has concerns about engagement {engagement.id} in "
        f"{programme.name if programme else 'a programme'}, which waits for their approval as "
        "line manager. Please get in touch with them to talk it through; nothing has been "
        "cancelled."
    )
    return tuple(Outgoing(p.id, (note,)) for p in store.list_people(Role.COORDINATOR))


ACTIONS: dict[EngagementVerb, VerbHandler] = {
    EngagementVerb.APPROVE: approve,
    EngagementVerb.REFUSE: raise_concerns,
}
