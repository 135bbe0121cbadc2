"""What every Slack turn needs, bundled once: the core, the Web API, who's who, posting."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk.web import WebClient

from bot.app import CoachingBot
from bot.notices import queue_outgoing
from bot.ports.notifier import DeliveryError
from bot.replies import Outgoing, Reply
from bot.services import Services
from handlers.bootstrap import Application
from handlers.observe import NOT_WATCHED, Observer
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
        of an id gets True. Something without an id can't be recognised, so it passes."""
        if not platform_id:
            return True
        now = self.services.clock.now()
        return self.services.store.remember_event(PLATFORM, f"{kind}:{platform_id}", at=now)

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


def build_desk(
    application: Application, api: SlackApi, *, observer: Observer = NOT_WATCHED
) -> Desk:
    people = People(store=application.store, api=api, observer=observer)
    return Desk(application=application, api=api, people=people, poster=Poster(api))
