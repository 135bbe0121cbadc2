"""`dashboard` in chat: a coordinator or organisation lead gets a one-time sign-in link to
the web dashboard, in their own conversation with the bot."""

from __future__ import annotations

from bot.domain import Role
from bot.messages import Outcome
from bot.ports.sign_in import LINK_LIFETIME
from bot.registry import Context
from bot.replies import Text


def dashboard_link(ctx: Context) -> Outcome:
    services, person = ctx.services, ctx.person
    if not person.roles & {Role.COORDINATOR, Role.ORG_LEAD}:
        return Outcome((Text("The dashboard is for coordinators and organisation leads."),))
    if services.sign_in is None:
        return Outcome(
            (
                Text(
                    "The dashboard is not switched on for this pool yet: whoever runs "
                    "coachpool sets COACHPOOL_PUBLIC_URL and COACHPOOL_SECRET_KEY."
                ),
            )
        )
    link = services.sign_in.link_for(person.id, now=services.clock.now())
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    what = "the pool's figures" if Role.COORDINATOR in person.roles else "your organisation's"
    return Outcome(
        (
            Text(
                f"Here is your sign-in link to the dashboard ({what}): {link}\n"
                f"It works once, for the next {minutes} minutes, and signs in only you: "
                "please don't forward it. Say 'dashboard' again for a new one."
            ),
        )
    )
