"""What the digest slice answers: Monday's digest, rendered when it is sent; in words,
'digest' and 'dashboard' from coordinators and organisation leads; on their home surface,
this week's figures and the dashboard link."""

from __future__ import annotations

from bot.digest.dashboard_link import dashboard_link
from bot.digest.kinds import DigestKind
from bot.digest.on_request import digest_now, this_week_figures
from bot.digest.schedule import render_digest
from bot.help_text import may_see_figures
from bot.lapse import within
from bot.messages import Outcome
from bot.registry import (
    Audience,
    Command,
    Context,
    HomePlace,
    HomeSection,
    Registry,
    Timer,
    phrases,
)


def register(registry: Registry) -> None:
    # Next Monday's digest replaces a week-old one.
    registry.add_timer(DigestKind.DIGEST, Timer(render_digest, within(6, "a weekly digest")))
    _register_words_and_home(registry)


def _register_words_and_home(registry: Registry) -> None:
    digest = phrases(("", "weekly "), ("digest", "figures", "report"), ("", " this week"))
    registry.add_command(Command(digest, _digest))
    registry.add_command(Command(phrases(("", "the "), ("dashboard",), ("", " link")), _dashboard))
    # The digest's card carries the week as its title: no heading above it.
    registry.add_home_section(
        HomePlace.FIGURES, HomeSection("", Audience.FIGURES, this_week_figures)
    )
    registry.add_home_section(
        HomePlace.DASHBOARD, HomeSection("Dashboard", Audience.FIGURES, dashboard_link)
    )


def _digest(ctx: Context, text: str) -> Outcome | None:
    if not may_see_figures(ctx.person):
        return None
    return digest_now(ctx.services, ctx.person, this_week="this week" in text.lower())


def _dashboard(ctx: Context, text: str) -> Outcome | None:
    if not may_see_figures(ctx.person):
        return None
    return dashboard_link(ctx)
