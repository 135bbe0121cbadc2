"""Feedback after a session, as one form: usefulness 1-5, progress 0-10, an optional comment
and consent to count anonymised themes. Channels show it as a dialog (Slack modal, Teams
card inputs); the console asks it field by field."""

from __future__ import annotations

from bot.aftercare.forms import AftercareForm
from bot.domain import Person, Session, SessionState
from bot.domain.feedback import Feedback
from bot.messages import Outcome, refusal
from bot.replies import Choice, Field, Form, Text
from bot.services import Services
from bot.text_hygiene import small_number

_YES_NO = (Choice("Yes", "yes"), Choice("No", "no"))


def feedback_form(session: Session, *, coach_name: str) -> Form:
    return Form(
        title=f"Your session with {coach_name}",
        fields=(
            Field(
                "usefulness",
                "How useful was it? (1 = not at all, 5 = very)",
                kind="choice",
                options=tuple(Choice(str(n), str(n)) for n in range(1, 6)),
            ),
            Field(
                "progress",
                "How much progress towards your goal? (0 = none yet, 10 = reached it)",
                kind="choice",
                options=tuple(Choice(str(n), str(n)) for n in range(11)),
            ),
            Field(
                "comment",
                "Anything you'd like to add? Kept confidential, never shown with your name",
                kind="multiline",
                required=False,
            ),
            Field(
                "consent",
                "May the pool count your coaching's themes (like 'managing change') "
                "in its anonymous figures?",
                kind="choice",
                options=_YES_NO,
            ),
        ),
        submit_label="Send feedback",
        token=f"{AftercareForm.FEEDBACK}{session.id}",
    )


def already_given(services: Services, session: Session, person: Person) -> bool:
    return any(
        f.session_id == session.id and f.person_id == person.id
        for f in services.store.list_feedback(since=session.window.start)
    )


def open_feedback(services: Services, person: Person, session_id: int) -> Outcome:
    """The form, for the coachee of a session that went ahead and has no feedback yet."""
    session = services.store.get_session(session_id)
    refused = _refuse(services, person, session)
    if refused is not None or session is None:
        return refused or refusal("Sorry, I can't find that session.")
    coach = services.store.get_person(session.coach_id)
    return Outcome(
        (feedback_form(session, coach_name=coach.first_name if coach else "your coach"),)
    )


def submit_feedback(
    services: Services, person: Person, token: str, answers: dict[str, str]
) -> Outcome:
    session_id = small_number(token.removeprefix(AftercareForm.FEEDBACK), digits=9)
    session = services.store.get_session(session_id) if session_id is not None else None
    refused = _refuse(services, person, session)
    if refused is not None or session is None:
        return refused or refusal("Sorry, I can't find that session.")
    usefulness, progress = (
        _score(answers.get("usefulness"), 1, 5),
        _score(answers.get("progress"), 0, 10),
    )
    consent = answers.get("consent", "").strip().lower()
    if usefulness is None or progress is None or consent not in {"yes", "no"}:
        coach = services.store.get_person(session.coach_id)
        again = feedback_form(session, coach_name=coach.first_name if coach else "your coach")
        return Outcome(
            (
                Text(
                    "Please give both scores and answer the last question; nothing was saved yet."
                ),
                again,
            )
        )
    services.store.save_feedback(
        Feedback(
            session_id=session.id,
            person_id=person.id,
            submitted_at=services.clock.now(),
            usefulness=usefulness,
            progress=progress,
            comment=answers.get("comment", "").strip()[:2000],
            consent_to_share_themes=consent == "yes",
        )
    )
    return Outcome((Text("Thank you: that helps the pool keep coaching good."),))


def _refuse(services: Services, person: Person, session: Session | None) -> Outcome | None:
    if session is None or session.coachee_id != person.id:
        return refusal("Sorry, I can't find that session.")
    if session.state not in {SessionState.CONFIRMED, SessionState.HELD}:
        return refusal("That session didn't go ahead, so there's nothing to give feedback on.")
    if already_given(services, session, person):
        return refusal("You've already given feedback on that session. Thank you!")
    return None


def _score(text: str | None, low: int, high: int) -> int | None:
    score = small_number(text or "")
    return score if score is not None and low <= score <= high else None
