"""`/coaching [sessions | availability | requests | pending | help | admin requests | TEXT]`.

Answers go to the person's DM with the bot, where buttons and follow-up questions
belong; when the command was typed elsewhere, a note there (only they see it) says so.
"""

from __future__ import annotations

import logging

from slack_sdk.webhook import WebhookClient

from bot.domain import Person, Role
from bot.help_text import help_text
from bot.messages import Incoming
from bot.replies import Reply, Text
from handlers.channel_names import SLACK
from handlers.slack.desk import Desk
from handlers.slack.identity import Stranger
from handlers.slack.intake import open_intake

log = logging.getLogger("coachpool.slack")

COMMAND = "/coaching"
USAGE = (
    "With /coaching you can say: `/coaching` to request coaching with a form, "
    "`/coaching sessions`, `/coaching requests`, `/coaching availability`, "
    "`/coaching pending` (coaches), or `/coaching` followed by what you'd like coaching on."
)
NOT_COORDINATOR = (
    "Sorry, the admin commands are for the pool's coordinators. If you need figures for "
    "your organisation, your organisation lead or the pool coordinator can help."
)
# The lists a subcommand asks for, as the words the core knows (bot/router.py).
LISTS = frozenset(
    {"sessions", "session", "bookings", "availability", "requests", "request", "status", "pending"}
)


def on_command(
    desk: Desk,
    *,
    bot_token: str,
    team_id: str,
    user_id: str,
    channel_id: str,
    text: str,
    trigger_id: str,
    response_url: str,
) -> None:
    if not desk.first_time("command", trigger_id):
        return
    client = desk.api.client(bot_token)
    who = desk.people.who(client, team_id=team_id, user_id=user_id)
    if not desk.api.answers_at(response_url):
        response_url = ""  # not Slack's: never called
    if isinstance(who, Stranger):
        _respond(response_url, who.text)
        return
    words = text.split()
    verb = words[0].lower() if words else ""
    if not verb:
        open_intake(desk, client, trigger_id=trigger_id)
        return
    replies = _answer(desk, who.person, verb, words[1:], text=text, trigger_id=trigger_id)
    desk.answer(client, to=who, replies=replies, turn=f"slack:command:{trigger_id}")
    if channel_id != who.channel:
        _respond(response_url, "I've answered in our direct messages.")


def _answer(
    desk: Desk, person: Person, verb: str, rest: list[str], *, text: str, trigger_id: str
) -> tuple[Reply, ...]:
    if verb in {"help", "?"}:
        return (Text(help_text(person)), Text(USAGE))
    if verb == "admin":
        return admin(desk, person, rest, trigger_id=trigger_id)
    # `/coaching sessions` is the word "sessions" said in the DM (whatever follows it);
    # anything else is said as typed. Both through the core's one door.
    said = verb if verb in LISTS else text
    incoming = Incoming(person.id, SLACK, text=said, event_id=f"slack:command:{trigger_id}")
    return desk.bot.handle(incoming).replies


def admin(desk: Desk, person: Person, rest: list[str], *, trigger_id: str) -> tuple[Reply, ...]:
    """Coordinators only. So far: the requests waiting, as the core lists them when a
    coordinator says 'waiting' (through the one door: the channel counts nothing itself)."""
    if Role.COORDINATOR not in person.roles:
        return (Text(NOT_COORDINATOR),)
    if rest[:1] not in ([], ["requests"]):
        return (Text("So far I know `/coaching admin requests`."),)
    incoming = Incoming(person.id, SLACK, text="waiting", event_id=f"slack:command:{trigger_id}")
    return desk.bot.handle(incoming).replies


def _respond(response_url: str, text: str) -> None:
    """An ephemeral note where the command was typed (best effort: it's only a pointer)."""
    if not response_url:
        return
    try:
        WebhookClient(response_url, timeout=10).send(text=text, response_type="ephemeral")
    except Exception:
        log.warning("could not answer a /coaching command in place", exc_info=True)
