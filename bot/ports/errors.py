"""Errors the store raises in the core's terms, so the core never sees a database exception."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store failure the core may handle."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or is locked by another process."""


class NotFound(StoreError):
    """A record the caller named does not exist (or was erased)."""


class SlotTaken(StoreError):
    """The time was booked by someone else first: the coach or coachee already has a
    confirmed session overlapping it. Raised by `Store.confirm_session`."""


class Conflict(StoreError):
    """A uniqueness rule was broken (e.g. an email already used by another person)."""


class StaleState(StoreError):
    """A compare-and-set write was refused: the record is no longer in the state the caller
    read (someone else moved it on first). Nothing was written. (A change its lifecycle
    does not allow at all raises `bot.domain.lifecycles.IllegalMove`.)"""
