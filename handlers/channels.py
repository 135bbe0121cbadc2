"""Which channels `coachpool serve` runs, from the environment.

Each platform package under `handlers/` offers `mount(context) -> ChannelMount | None`
(None when its settings are absent) declaring its `rank` among the channels. The server
mounts every route, the notifier gets every sender (a person on several channels is
reached on the one of lowest rank), and with no platform configured the console's inbox
reaches people on no platform, so the embedded setup still delivers (people on a platform
without settings here are left due: `handlers.console.wiring.reach_with`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.domain import Channel
from handlers.bootstrap import Application
from handlers.delivery import ChannelNotifier, ChannelSender
from handlers.observe import NOT_WATCHED, Observer

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

log = logging.getLogger("coachpool.channels")


@dataclass(frozen=True)
class ChannelContext:
    """What a channel gets from the composition root."""

    application: Application
    environ: Mapping[str, str]
    # Call after a turn that may have queued messages for others: delivers them soon,
    # off the event loop, instead of waiting for the scheduler's next tick.
    dispatch_soon: Callable[[], Awaitable[None]]
    # Who counts turns and refusals (`coachpool serve`'s metrics); nobody elsewhere.
    observer: Observer = NOT_WATCHED


@dataclass
class ChannelMount:
    channel: Channel
    # When a person uses several channels, proactive messages go to the one of lowest rank:
    # the richer channel first (Teams 10, Slack 20).
    rank: int
    routes: list[BaseRoute] = field(default_factory=list)
    sender: ChannelSender | None = None
    # Long-running tasks started with the server (e.g. a Socket Mode connection).
    background: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)
    on_shutdown: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


Mounter = Callable[[ChannelContext], "ChannelMount | None"]


def ranked_senders(mounts: Iterable[ChannelMount]) -> dict[Channel, ChannelSender]:
    """Each mount's sender, the preferred channel (lowest rank) first."""
    ranked = sorted(mounts, key=lambda m: m.rank)
    return {m.channel: m.sender for m in ranked if m.sender is not None}


def build_notifier(
    application: Application, mounts: list[ChannelMount], *, fallback: ChannelSender | None
) -> ChannelNotifier:
    senders = ranked_senders(mounts)
    if not senders and fallback is not None:
        log.info("no chat platform configured: the console inbox reaches people on no platform")
        return ChannelNotifier(application.services, {}, fallback=fallback)
    return ChannelNotifier(application.services, senders)


async def nothing_to_kick() -> None:
    """Outside the server the caller dispatches itself; there is no loop to kick."""


def platform_notifier(
    application: Application,
    mounters: Sequence[Mounter],
    *,
    fallback: ChannelSender | None,
    environ: Mapping[str, str],
) -> ChannelNotifier:
    """A notifier with every configured platform's sender, for commands that deliver
    without serving (`dispatch --once`, `digest --send`)."""
    context = ChannelContext(
        application=application, environ=environ, dispatch_soon=nothing_to_kick
    )
    return build_notifier(application, mount_all(context, mounters), fallback=fallback)


def mount_all(context: ChannelContext, mounters: Sequence[Mounter]) -> list[ChannelMount]:
    """Every platform whose settings are present."""
    return [m for m in (mount(context) for mount in mounters) if m is not None]
