"""Who a console chat leaves to the server: people reached on a chat platform that the
chat's environment has no settings for. Their messages stay due in the outbox (unclaimed,
no attempt counted) for `coachpool serve` or `coachpool dispatch --once` with that
platform's settings, and the chat says so in one line per recipient."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain import Channel
from bot.ports.store import Store
from bot.replies import Outgoing

# In the order the mounts rank them (handlers/channels.py): the one a person on both would
# be sent to is named.
NAMES = {Channel.TEAMS: "Microsoft Teams", Channel.SLACK: "Slack"}


@dataclass(frozen=True)
class LeftForServer:
    store: Store
    platforms: frozenset[Channel]  # the platforms with no sender in this chat

    def platform(self, person_id: int) -> Channel | None:
        """The platform a person's messages wait for, if they wait (their platforms are
        all unconfigured here); None when this chat delivers them."""
        theirs = {i.channel for i in self.store.identities_of(person_id)} - {Channel.CONSOLE}
        if not theirs or not theirs <= self.platforms:
            return None
        return next(c for c in NAMES if c in theirs)

    def notes(self, outgoing: Iterable[Outgoing]) -> list[str]:
        """One line for each person a turn's news waits for: who, and how it reaches them."""
        lines: list[str] = []
        seen: set[int] = set()
        for message in outgoing:
            if message.person_id in seen or not self.platforms:
                continue
            seen.add(message.person_id)
            channel = self.platform(message.person_id)
            person = self.store.get_person(message.person_id)
            if channel is None or person is None:
                continue
            name = NAMES[channel]
            lines.append(
                f"✉ for {person.name} <{person.email}>: left for `coachpool serve` to send "
                f"on {name} (this chat has no {name} settings)\n"
            )
        return lines
