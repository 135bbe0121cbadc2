"""What a person types when no conversation is waiting: a greeting, a command, a question
about the service, an answer a slice reads (at a shortlist, to a coach's offer), or a
request for coaching.

Registered as the bot's `Talk` (bot/registry.py) by this slice's `register`. The commands,
the typed answers and starting a request are the owning slices' registrations, read here
at their places (`Before`), so this module imports no other slice."""

from __future__ import annotations

import re

from bot.help_text import help_text
from bot.messages import Outcome
from bot.registry import Before, Context
from bot.replies import Text
from bot.understanding.first_message import Intent, message_intent
from bot.understanding.language import WELSH_REPLY
from bot.understanding.service_answers import answer as answer_question
from bot.understanding.service_questions import recognise as recognise_question

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|good (morning|afternoon|evening)|help|\?|start)\W*$", re.I
)


def route_text(ctx: Context, typed: str) -> Outcome:
    person, text = ctx.person, typed.strip()
    if not text:
        return Outcome((Text(help_text(person)),))
    answered = _typed_answer(ctx, Before.GREETINGS, typed)
    if answered is not None:
        return answered
    if _GREETING.match(text):
        return Outcome((Text(help_text(person)),))
    aside = route_aside(ctx, text)
    if aside is not None:
        return aside
    answered = _typed_answer(ctx, Before.INTENT, typed)
    if answered is not None:
        return answered
    intent = message_intent(text)
    if intent is Intent.REQUEST:
        return ctx.bot.registry.start_request(ctx)
    if intent is Intent.OTHER_LANGUAGE:
        return Outcome((Text(WELSH_REPLY),))
    return Outcome((Text("Sorry, I'm not sure what you mean. " + help_text(person)),))


def route_aside(ctx: Context, text: str) -> Outcome | None:
    """What may be said anywhere, even mid-conversation: a command, or a question about
    the service (answered without starting anything); None for anything else."""
    command = ctx.bot.registry.command(text)
    answer = None if command is None else command.answer(ctx, text)
    if answer is not None:
        return answer
    question = recognise_question(text)
    if question is None:
        return None
    programmes = ctx.services.store.list_programmes()
    first_name = ctx.person.first_name
    return Outcome((Text(answer_question(question, programmes, first_name=first_name)),))


def _typed_answer(ctx: Context, before: Before, typed: str) -> Outcome | None:
    interpreter = ctx.bot.registry.typed_answer(before)
    return None if interpreter is None else interpreter(ctx, typed)
