"""A person's overview for a channel's home surface (Slack's App Home, the Teams welcome):
their requests and sessions; for a coach the offers waiting for them and their availability;
for a coordinator or organisation lead this week's figures, the waiting requests and the
dashboard. Each part is what the matching chat command answers, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from bot.digest.dashboard_link import dashboard_link
from bot.domain import Person, Role
from bot.messages import Outcome
from bot.overview import coordinator, overview
from bot.services import Services


@dataclass(frozen=True)
class HomePart:
    heading: str  # "" where the part's own card already carries the title
    outcome: Outcome


def home_parts(services: Services, person: Person) -> tuple[HomePart, ...]:
    parts = [
        HomePart("Your requests", overview.requests(services, person)),
        HomePart("Your sessions", overview.sessions(services, person)),
    ]
    if Role.COACH in person.roles:
        parts += [
            HomePart("Waiting for your answer", overview.pending_offers(services, person)),
            HomePart("", overview.availability(services, person)),  # titled "Your availability"
        ]
    return (*parts, *coordinator_parts(services, person))


def coordinator_parts(services: Services, person: Person) -> tuple[HomePart, ...]:
    """Nothing for anyone who may not see figures: a coachee's home holds no counts."""
    if not coordinator.may_see_figures(person):
        return ()
    return (
        # Both cards are titled (the digest's week, "N requests waiting"): no heading above.
        HomePart("", coordinator.this_week_figures(services, person)),
        HomePart("", coordinator.waiting_requests(services, person, reasons=False)),
        HomePart("Dashboard", dashboard_link(services, person)),
    )


def coordinator_overview(services: Services, person: Person) -> Outcome:
    """The coordinator parts as one answer, for a channel whose home is a message (the
    Teams welcome); no replies for anyone else."""
    return Outcome(
        tuple(
            reply for part in coordinator_parts(services, person) for reply in part.outcome.replies
        )
    )
