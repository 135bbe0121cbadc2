"""The digest asked for in chat, and this week's figures on the home surface: figures only,
as in the weekly digest, scoped as the Monday one would be; no coachee names."""

from __future__ import annotations

from bot.digest.figures import build_digest
from bot.digest.model import Digest
from bot.digest.render import digest_card, digest_replies
from bot.digest.week import week_before, week_containing
from bot.domain import Person, Role
from bot.help_text import may_see_figures
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Text
from bot.services import Services


def digest_now(services: Services, person: Person, *, this_week: bool) -> Outcome:
    """Last week's digest (or this week's so far), scoped as the Monday one would be."""
    if not may_see_figures(person):
        return Outcome((Text("The digest is for coordinators and organisation leads."),))
    return Outcome(digest_replies(_digest_for(services, person, this_week=this_week)))


def this_week_figures(ctx: Context) -> Outcome:
    """This week's headline figures so far, scoped and withheld exactly as the digest's."""
    services, person = ctx.services, ctx.person
    if not may_see_figures(person):
        return Outcome((Text("The figures are for coordinators and organisation leads."),))
    return Outcome((digest_card(_digest_for(services, person, this_week=True)),))


def _digest_for(services: Services, person: Person, *, this_week: bool) -> Digest:
    """A coordinator sees the pool; an organisation lead only their own organisation."""
    zone, now = services.settings.pool_timezone, services.clock.now()
    week = week_containing(now, zone) if this_week else week_before(now, zone)
    scope = None if Role.COORDINATOR in person.roles else person.organisation_id
    return build_digest(services, week=week, organisation_id=scope)
