"""`coachpool serve`'s own settings from the environment, each checked with a one-line error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from handlers.bootstrap import ConfigurationError
from handlers.jobs import DISPATCH_EVERY

DEFAULT_PORT = 3000
# A tick under a second would only make the database busier; over an hour, reminders go late.
DISPATCH_EVERY_RANGE = (1.0, 3600.0)


def port_from_environ(environ: Mapping[str, str]) -> int:
    """`PORT` (as container platforms set it), else 3000."""
    text = environ.get("PORT", "").strip()
    if not text:
        return DEFAULT_PORT
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ConfigurationError(f"PORT={text!r} is not a port number (1 to 65535)")
    return int(text)


def dispatch_every_from_environ(environ: Mapping[str, str]) -> timedelta:
    """`COACHPOOL_DISPATCH_EVERY`: seconds between the dispatcher's ticks, else 15."""
    text = environ.get("COACHPOOL_DISPATCH_EVERY", "").strip()
    if not text:
        return DISPATCH_EVERY
    low, high = DISPATCH_EVERY_RANGE
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not low <= seconds <= high:
        raise ConfigurationError(
            f"COACHPOOL_DISPATCH_EVERY={text!r} is not a number of seconds from {low:g} to {high:g}"
        )
    return timedelta(seconds=seconds)
