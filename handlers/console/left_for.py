"""Who a dispatcher leaves to another: people reached on a chat platform that this process
has no settings for (a console chat, or `coachpool serve`, `dispatch --once` and
`digest --send` on a server missing them). Their messages stay due in the outbox (unclaimed,
no attempt counted) for a process with that platform's settings. A console chat says so in
one line per recipient; the commands in one line per platform, naming no one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.domain import Channel
from bot.domain.outbox import OutboxState, Reach
from bot.ports.store import Store
from bot.replies import Outgoing
from handlers.channel_names import SLACK, TEAMS

# In the order the mounts rank them (handlers/channels.py): the one a person on both would
# be sent to is named. Any other channel is named as the store knows it.
NAMES = {TEAMS: "Microsoft Teams", SLACK: "Slack"}
# The settings that configure each platform, for an operator's line.
SETTINGS = {
    TEAMS: "MICROSOFT_APP_ID/PASSWORD/TENANT_ID or MICROSOFT_APP_REGISTRATIONS",
    SLACK: "SLACK_BOT_TOKEN or SLACK_CLIENT_ID/SECRET, with SLACK_SIGNING_SECRET",
}


@dataclass(frozen=True)
class LeftForServer:
    store: Store
    reach: Reach  # what this process delivers on

    def platform(self, person_id: int) -> Channel | None:
        """The platform a person's messages wait for, if they wait (this process reaches
        them on none of theirs); None when this process delivers them."""
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

    def waiting(self, *, due_by: datetime | None) -> Counter[Channel]:
        """How many queued messages this process leaves due, by the platform they wait for:
        those due by `due_by`, or with None every one queued."""
        counts: Counter[Channel] = Counter()
        waits: dict[int, Channel | None] = {}
        for message in self.store.list_outbox(states=[OutboxState.PENDING]):
            if due_by is not None and message.due_at > due_by:
                continue
            if message.recipient_id not in waits:
                waits[message.recipient_id] = self.platform(message.recipient_id)
            channel = waits[message.recipient_id]
            if channel is not None:
                counts[channel] += 1
        return counts


def left_due(counts: Counter[Channel]) -> list[str]:
    """For an operator, one line per platform: how many messages wait for it and which
    settings would send them. It names no one (`serve` logs it)."""
    return [_left_due(channel, count) for channel, count in counts.most_common()]


def _left_due(channel: Channel, count: int) -> str:
    name = NAMES.get(channel, channel)
    settings = SETTINGS.get(channel, "its settings")
    messages = "1 message" if count == 1 else f"{count} messages"
    verb = "is" if count == 1 else "are"
    return (
        f"{messages} for people on {name} {verb} left due: {name} is not configured here "
        f"({settings})"
    )
