"""What every Slack turn needs, bundled once: the core, the Web API, who's who, posting."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk.web import WebClient

from bot.app import CoachingBot
from bot.messages import Incoming, Outcome
from bot.notices import queue_outgoing
from bot.ports.notifier import DeliveryError
from bot.replies import Outgoing, Reply
from bot.services import Services
from handlers.bootstrap import Application
from handlers.observe import NOT_WATCHED, Observer
from handlers.once import first_time, turn_once
from handlers.slack.identity import People, Speaker
from handlers.slack.poster import Poster
from handlers.slack.pressed import PressedMessage
from handlers.slack.webapi import SlackApi

PLATFORM = "slack"
log = logging.getLogger("coachpool.slack")


@dataclass(frozen=True)
class Desk:
    application: Application
    api: SlackApi
    people: People
    poster: Poster

    @property
    def bot(self) -> CoachingBot:
        return self.application.bot

    @property
    def services(self) -> Services:
        return self.application.services

    def first_time(self, kind: str, platform_id: str) -> bool:
        """Slack retries and may deliver twice; across replicas only the first delivery
        of an id gets True (`handlers/once.py`). For what is not a turn: opening a form,
        the Home tab, telling a stranger why not."""
        return first_time(self.application, platform=PLATFORM, event_id=_key(kind, platform_id))

    def turn(self, incoming: Incoming, *, kind: str, platform_id: str) -> Outcome | None:
        """A person's turn through the core's one door, handled once: None for a delivery
        already handled (`handlers/once.py`)."""
        key = _key(kind, platform_id)
        return turn_once(self.application, incoming, platform=PLATFORM, event_id=key)

    def answer(
        self,
        client: WebClient,
        *,
        to: Speaker,
        replies: Sequence[Reply],
        turn: str,
        trigger_id: str = "",
        answering: PressedMessage | None = None,
    ) -> None:
        """Post the turn's replies in the speaker's DM; a modal among them remembers the
        message whose button opened it (`answering`). If Slack can't take them now (rate
        limits, an outage), the outbox delivers them later rather than losing them."""
        try:
            self.poster.post(
                client,
                channel=to.channel,
                replies=replies,
                trigger_id=trigger_id,
                answering=answering,
            )
        except DeliveryError as error:
            if not error.retryable:
                raise
            log.warning("Slack reply postponed to the outbox: %s", error.reason)
            queue_outgoing(
                self.services.store,
                (Outgoing(to.person.id, tuple(replies)),),
                now=self.services.clock.now(),
                origin=f"slack-retry:{turn}",
            )


def _key(kind: str, platform_id: str) -> str:
    return f"{kind}:{platform_id}" if platform_id else ""


def build_desk(
    application: Application, api: SlackApi, *, observer: Observer = NOT_WATCHED
) -> Desk:
    people = People(store=application.store, api=api, observer=observer)
    return Desk(application=application, api=api, people=people, poster=Poster(api))
