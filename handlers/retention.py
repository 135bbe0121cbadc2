"""The retention periods from the environment (days), checked once at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from bot.domain.retention import RetentionPeriods
from handlers.bootstrap import ConfigurationError

# variable -> (field of RetentionPeriods, default days)
VARIABLES = {
    "COACHPOOL_KEEP_FREE_TEXT_DAYS": ("free_text", 365),
    "COACHPOOL_KEEP_CONVERSATIONS_DAYS": ("conversations", 30),
    "COACHPOOL_KEEP_SENT_MESSAGES_DAYS": ("sent_messages", 90),
}


def retention_periods(environ: Mapping[str, str]) -> RetentionPeriods:
    periods: dict[str, timedelta] = {}
    for variable, (name, default) in VARIABLES.items():
        text = environ.get(variable, "").strip()
        try:
            days = int(text) if text else default
        except ValueError:
            days = -1
        if days < 1:
            raise ConfigurationError(
                f"{variable}={text!r} must be a whole number of days, 1 or more"
            )
        periods[name] = timedelta(days=days)
    return RetentionPeriods(**periods)
