"""The coachee's turn to choose (a coach from a shortlist, or one of the times a coach
proposed) and its deadlines: a nudge at the programme's answer time, and a working day later
the pool coordinators are told (answered in bot/booking/coachee_deadlines.py).

The request slice arms them when it offers a shortlist; booking arms them again when a coach
proposes times.
"""

from __future__ import annotations

from bot import keys
from bot.answer_time import AnswerTime, answer_time
from bot.domain import CoachingRequest, RequestState
from bot.domain.outbox import OutboxMessage
from bot.requests.kinds import RequestKind
from bot.services import Services

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
            kind=RequestKind.COACHEE_NUDGE,
            due_at=due.nudge_at,
            payload=payload,
        )
    )
    store.schedule(
        OutboxMessage(
            key=keys.stage_deadline_key(request.id, stage, round_, "expiry"),
            recipient_id=request.coachee_id,
            kind=RequestKind.COACHEE_CHOICE_DEADLINE,
            due_at=due.moves_on_at,
            payload=payload,
        )
    )
    return due
