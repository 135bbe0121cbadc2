"""Platform events handled once, whatever the channel.

Slack retries an event it thinks went unacknowledged, Teams may deliver an activity twice,
and with several replicas each may get a copy. Every channel passes its platform's id for
what happened here, and only here; the store's `remember_event` records it (an insert of
which, among racing callers, exactly one wins; retention forgets old ids).

- `turn_once`: a person's turn through the core's one door. The id is recorded in the
  turn's own transaction, so the turn and the record of it commit together: a crash leaves
  neither (the redelivery is then processed), and a redelivery after the commit changes
  nothing and gets None.
- `first_time`: anything else done once per delivery (opening a form, publishing the Home
  tab, telling a stranger why not): recorded on its own, before the work.

An event without an id can't be recognised, so it always counts as the first.
"""

from __future__ import annotations

from bot.messages import Incoming, Outcome
from handlers.bootstrap import Application


def first_time(application: Application, *, platform: str, event_id: str) -> bool:
    """Whether this is the first delivery of `event_id` on `platform` (now recorded)."""
    if not event_id:
        return True
    now = application.services.clock.now()
    return application.store.remember_event(platform, event_id, at=now)


def turn_once(
    application: Application, incoming: Incoming, *, platform: str, event_id: str
) -> Outcome | None:
    """The core's answer to `incoming`; None when `event_id` was handled before.
    Synchronous: channels on the event loop call it with `run_sync`."""
    with application.store.transaction():
        if not first_time(application, platform=platform, event_id=event_id):
            return None
        return application.bot.handle(incoming)
