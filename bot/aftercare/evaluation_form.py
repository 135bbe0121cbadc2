"""The final evaluation when an engagement ends, as one form: how far the coachee got towards
their goal (0-10) and whether they would recommend the pool (0-10)."""

from __future__ import annotations

from bot.aftercare.forms import AftercareForm
from bot.domain import Engagement, Person
from bot.domain.feedback import FinalEvaluation
from bot.messages import Outcome, refusal
from bot.replies import Choice, Field, Form, Text
from bot.services import Services
from bot.text_hygiene import small_number

_SCALE = tuple(Choice(str(n), str(n)) for n in range(11))


def evaluation_form(engagement: Engagement) -> Form:
    return Form(
        title="Your coaching has finished",
        fields=(
            Field(
                "goal_attainment",
                "Thinking of the goal you set at the start, how far did you get? "
                "(0 = not at all, 10 = completely)",
                kind="choice",
                options=_SCALE,
            ),
            Field(
                "would_recommend",
                "How likely are you to recommend the coaching pool to a colleague? "
                "(0 = not at all, 10 = certainly)",
                kind="choice",
                options=_SCALE,
            ),
        ),
        submit_label="Send",
        token=f"{AftercareForm.EVALUATION}{engagement.id}",
    )


def already_evaluated(services: Services, engagement: Engagement, person: Person) -> bool:
    return any(
        e.engagement_id == engagement.id and e.person_id == person.id
        for e in services.store.list_evaluations()
    )


def open_evaluation(services: Services, person: Person, engagement_id: int) -> Outcome:
    engagement = services.store.get_engagement(engagement_id)
    if engagement is None or engagement.coachee_id != person.id:
        return refusal("Sorry, I can't find that coaching engagement.")
    if already_evaluated(services, engagement, person):
        return refusal("You've already sent your evaluation. Thank you!")
    return Outcome((evaluation_form(engagement),))


def submit_evaluation(
    services: Services, person: Person, token: str, answers: dict[str, str]
) -> Outcome:
    engagement_id = small_number(token.removeprefix(AftercareForm.EVALUATION), digits=9)
    if engagement_id is None:
        return refusal("Sorry, I can't find that coaching engagement.")
    form = open_evaluation(services, person, engagement_id)
    if form.refused:
        return form
    attainment = _score(answers.get("goal_attainment"))
    recommend = _score(answers.get("would_recommend"))
    if attainment is None or recommend is None:
        again = Text("Please answer both questions; nothing was saved yet.")
        return Outcome((again, *form.replies))
    services.store.save_evaluation(
        FinalEvaluation(
            engagement_id=engagement_id,
            person_id=person.id,
            submitted_at=services.clock.now(),
            goal_attainment=attainment,
            would_recommend=recommend,
        )
    )
    return Outcome((Text("Thank you, and all the best with what comes next."),))


def _score(text: str | None) -> int | None:
    score = small_number(text or "")
    return score if score is not None and 0 <= score <= 10 else None
