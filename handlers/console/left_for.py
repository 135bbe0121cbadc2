"""Who a console chat leaves to the server: people reached on a chat platform that the
chat's environment has no settings for. Their messages stay due in the outbox (unclaimed,
no attempt counted) for `coachpool serve` or `coachpool dispatch --once` with that
platform's settings, and the chat says so in one line per recipient."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain import Channel
from bot.domain.outbox import Reach
from bot.ports.store import Store
from bot.replies import Outgoing
from handlers.channel_names import SLACK, TEAMS

# In the order the mounts rank them (handlers/channels.py): the one a person on both would
# be sent to is named. Any other channel is named as the store knows it.
NAMES = {TEAMS: "Microsoft Teams", SLACK: "Slack"}


@dataclass(frozen=True)
class LeftForServer:
    store: Store
    reach: Reach  # what this chat delivers on

    def platform(self, person_id: int) -> Channel | None:
        """The platform a person's messages wait for, if they wait (this chat reaches them
        on none of theirs); None when this chat delivers them."""
        theirs = frozenset(i.channel for i in self.store.identities_of(person_id))
        if not self.reach.leaves(theirs):
            return None
        waiting = theirs - self.reach.in_process
        return next((c for c in NAMES if c in waiting), None) or min(waiting)

    def notes(self, outgoing: Iterable[Outgoing]) -> list[str]:
        """One line for each person a turn's news waits for: who, and how it reaches them."""
        lines: list[str] = []
        seen: set[int] = set()
        for message in outgoing:
            if message.person_id in seen:
                continue
            seen.add(message.person_id)
            channel = self.platform(message.person_id)
            person = self.store.get_person(message.person_id)
            if channel is None or person is None:
                continue
            name = NAMES.get(channel, channel)
            lines.append(
                f"✉ for {person.name} <{person.email}>: left for `coachpool serve` to send "
                f"on {name} (this chat has no {name} settings)\n"
            )
        return lines
