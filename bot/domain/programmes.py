"""Programmes and the rules they carry."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.coaches import Accreditation


@dataclass(frozen=True)
class Programme:
    """A coaching offer with its rules.

    The regional coaching pool is cross-organisation only with up to 6 sessions; the
    rapid-support offer is up to 3 x 1 hour with at most 3 people per organisation.
    """

    id: int
    slug: str
    name: str
    description: str = ""
    session_minutes: int = 60
    max_sessions: int = 6
    # At most this many people per organisation in the programme at once (None: no cap).
    max_per_organisation: int | None = None
    same_organisation_allowed: bool = False
    required_accreditation: Accreditation = Accreditation.NONE
    chemistry_session: bool = False
    sponsor_approval: bool = False
    feedback_required: bool = True
    # How long a coach has to answer a request before the coachee is offered the next.
    response_deadline_working_days: int = 3
    reminder_hours_before: tuple[int, ...] = (24, 1)
    # Unnotified no-shows that end an engagement (0: never).
    no_show_limit: int = 2
    # Minimum notice for a cancellation not to count as late.
    late_cancellation_hours: int = 24
    active: bool = True
    # Who may ask, by the directorate the roster gives them (e.g. "Elected Members" for
    # Member Mentoring); empty: everyone in a member organisation.
    open_to: tuple[str, ...] = ()
