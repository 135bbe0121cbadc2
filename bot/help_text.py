"""What a person can say outside a conversation, by their roles: the help every surface
shows (chat, the Teams welcome, Slack's /coaching), and who may ask for the pool's figures."""

from __future__ import annotations

from bot.domain import Person, Role


def may_see_figures(person: Person) -> bool:
    """Coordinators and organisation leads: the digest, the waiting requests, the dashboard."""
    return bool(person.roles & {Role.COORDINATOR, Role.ORG_LEAD})


def help_text(person: Person) -> str:
    lines = [
        f"Hello {person.first_name}! I match people with a trained coach from another "
        "organisation in the pool, free of charge. You can say:",
        "• what you'd like coaching on, e.g. 'coaching on leading my team through a "
        "restructure, Tuesday afternoons, online'",
        "• 'sessions' to see and change your booked sessions",
        "• 'my requests' to see, change or withdraw a request",
    ]
    if Role.COACH in person.roles:
        lines += [
            "• 'pending' to see coaching requests waiting for your answer",
            "• 'availability' to see or change your weekly times, or to pause",
            "• 'profile' to see or change your bio, specialisms, capacity, formats and places",
        ]
    if Role.SPONSOR in person.roles:
        lines.append("• 'approvals' to see coaching waiting for your approval as a line manager")
    if may_see_figures(person):
        lines += [
            "• 'digest' for last week's figures ('digest this week' for this week so far)",
            "• 'waiting' for the requests still waiting for a coach",
            "• 'dashboard' for a one-time sign-in link to the web dashboard",
        ]
    lines.append("At any question, 'back' goes back, 'cancel' stops and 'help' explains.")
    return "\n".join(lines)
