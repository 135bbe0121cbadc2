"""A person's overview for a channel's home surface (Slack's App Home, the Teams welcome):
their requests and sessions; for a coach the offers waiting for them and their availability;
for a coordinator or organisation lead this week's figures, the waiting requests and the
dashboard. Each section is registered by the slice that owns it (`HomePlace` orders them)
and is what the matching chat command answers, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Person, Role
from bot.help_text import may_see_figures
from bot.messages import Outcome
from bot.registry import Audience, Context, HomeSection


@dataclass(frozen=True)
class HomePart:
    heading: str  # "" where the part's own card already carries the title
    outcome: Outcome


def home_parts(ctx: Context) -> tuple[HomePart, ...]:
    """The sections this person may see, each built afresh; a coachee's home holds no
    counts (nothing for anyone who may not see figures). `ctx` is the door's for the
    person outside a turn (`CoachingBot.context`)."""
    return tuple(
        HomePart(section.heading, section.show(ctx))
        for section in ctx.bot.registry.home_sections()
        if _shown_to(section, ctx.person)
    )


def coordinator_overview(ctx: Context) -> Outcome:
    """The coordinator sections as one answer, for a channel whose home is a message (the
    Teams welcome); no replies for anyone else."""
    return Outcome(
        tuple(
            reply
            for section in ctx.bot.registry.home_sections()
            if section.audience is Audience.FIGURES and _shown_to(section, ctx.person)
            for reply in section.show(ctx).replies
        )
    )


def _shown_to(section: HomeSection, person: Person) -> bool:
    if section.audience is Audience.COACHES:
        return Role.COACH in person.roles
    if section.audience is Audience.FIGURES:
        return may_see_figures(person)
    return True
