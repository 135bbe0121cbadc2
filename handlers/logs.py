"""One log format for every entry point: one JSON object a line, with the event's context."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from handlers.bootstrap import ConfigurationError

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
# uvicorn adds a copy of some messages with terminal colour codes: meaningless in a log file.
_DROPPED = {"color_message"}
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_LEVEL = "INFO"
# Libraries that say routine things at INFO on every start or tick (Alembic's migration
# context, APScheduler's "Running job" every 15 s): heard only at LOG_LEVEL=DEBUG.
CHATTY_LIBRARIES = ("alembic", "apscheduler")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": _plain(record.getMessage()),
        }
        entry.update(
            {k: v for k, v in record.__dict__.items() if k not in _STANDARD and k not in _DROPPED}
        )
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def _plain(text: str) -> str:
    return _ANSI_ESCAPE.sub("", text)


def log_level_from_environ(environ: Mapping[str, str]) -> str:
    """`LOG_LEVEL` (any case), default INFO; anything else is a ConfigurationError."""
    level = environ.get("LOG_LEVEL", "").strip().upper() or DEFAULT_LEVEL
    if level not in LEVELS:
        raise ConfigurationError(f"LOG_LEVEL={level!r} is not one of {', '.join(LEVELS)}")
    return level


def configure_logging(level: str = DEFAULT_LEVEL, *, stream: Any = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet = logging.DEBUG if level == "DEBUG" else max(logging.WARNING, root.level)
    for library in CHATTY_LIBRARIES:
        logging.getLogger(library).setLevel(quiet)
