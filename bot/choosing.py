"""The coachee's turn to choose (a coach from a shortlist, or one of the times a coach
proposed): the shortlist's buttons, and the deadlines, a nudge at the programme's answer
time and a working day later the pool coordinators are told (answered in
bot/booking/coachee_deadlines.py).

In the kernel because two slices hand the choice to the coachee: requests arms the
deadlines when it offers a shortlist and shows it again on request; booking arms them when
a coach proposes times, and its nudge shows the shortlist again. So the deadlines' outbox
kinds are named here too, beside what schedules them (as `NoticeKind` is in
bot/notices.py); booking registers their timers.
"""

from __future__ import annotations

from enum import StrEnum

from bot import keys
from bot.actions import action_value
from bot.answer_time import AnswerTime, answer_time
from bot.domain import CoachingRequest, RequestState, ShortlistEntry
from bot.domain.outbox import OutboxMessage
from bot.matching.shortfall import WIDEN_TO_ONLINE
from bot.replies import Choice, Choices
from bot.services import Services
from bot.verbs import BookingVerb, RequestVerb


class ChoosingKind(StrEnum):
    """The coachee's answer time to choose (stored in queued rows: never change a value)."""

    COACHEE_NUDGE = "coachee_nudge"
    COACHEE_CHOICE_DEADLINE = "coachee_choice_deadline"


# What the coachee is choosing from; each has its own deadlines in the outbox.
SHORTLIST = "shortlist"
TIMES = "times"
STATE_OF_STAGE = {SHORTLIST: RequestState.SHORTLISTED, TIMES: RequestState.WAITING_COACHEE}


def schedule_coachee_deadlines(
    services: Services, request: CoachingRequest, *, stage: str
) -> AnswerTime:
    """Arm the nudge and the coordinators' note for what the coachee now chooses from,
    replacing any earlier ones for the same stage."""
    store = services.store
    programme = store.get_programme(request.programme_id)
    assert programme is not None
    due = answer_time(services, programme)
    store.cancel_scheduled(keys.stage_prefix(request.id, stage))
    # A new key each round, so a nudge already sent for an earlier shortlist is no bar.
    round_ = int(services.clock.now().timestamp())
    payload = {"request_id": request.id, "stage": stage, "moves_on_at": due.moves_on_at.isoformat()}
    store.schedule(
        OutboxMessage(
            key=keys.stage_deadline_key(request.id, stage, round_, "nudge"),
            recipient_id=request.coachee_id,
            kind=ChoosingKind.COACHEE_NUDGE,
            due_at=due.nudge_at,
            payload=payload,
        )
    )
    store.schedule(
        OutboxMessage(
            key=keys.stage_deadline_key(request.id, stage, round_, "expiry"),
            recipient_id=request.coachee_id,
            kind=ChoosingKind.COACHEE_CHOICE_DEADLINE,
            due_at=due.moves_on_at,
            payload=payload,
        )
    )
    return due


def shortlist_choices(
    services: Services,
    request_id: int,
    entries: list[ShortlistEntry],
    *,
    note: str = "",
    choose_by: str = "",
) -> Choices:
    store = services.store
    options = []
    coaches = store.get_people([entry.coach_id for entry in entries])
    for entry in entries:
        coach = coaches.get(entry.coach_id)
        organisation = store.get_organisation(coach.organisation_id) if coach else None
        if coach is None or organisation is None:
            continue
        options.append(
            Choice(
                f"{coach.name}, {organisation.name}",
                action_value(BookingVerb.CHOOSE, request_id, coach.id),
                details=entry.reasons,
            )
        )
    if WIDEN_TO_ONLINE in note:
        options.append(
            Choice("Include online sessions", action_value(RequestVerb.ONLINE, request_id))
        )
    options.append(Choice("None of these suit me", action_value(BookingVerb.NONE, request_id)))
    intro = (
        f"Here {'is the coach' if len(entries) == 1 else f'are {len(entries)} coaches'} "
        "who could work with you. Choose one and I'll ask them for a time."
    )
    if note:
        intro += f" ({note})"
    if choose_by:
        intro += f" Please choose by {choose_by}."
    return Choices(intro, tuple(options))
