"""Calling Slack's Web API from worker threads: rate limits waited out, failures sorted
into retryable or not, one WebClient per token.

Every call we make goes through `SlackApi.call`, so the dispatcher's outbox rows always
get a `DeliveryError` with Slack's own error code as the reason.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse, WebClient

from bot.ports.notifier import DeliveryError

log = logging.getLogger("coachpool.slack")

# Slack's errors that may pass if we try later; any other error code is final.
RETRYABLE = frozenset(
    {
        "ratelimited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "team_added_to_org",
    }
)
ATTEMPTS = 3  # tries per call when Slack says we're rate limited
MAX_WAIT = 30.0  # seconds: a longer Retry-After is left to the dispatcher's backoff


class SlackApi:
    """Web API clients for any number of workspaces, keyed by bot token."""

    def __init__(
        self,
        *,
        base_url: str = "",
        sleep: Callable[[float], None] = time.sleep,
        timeout: int = 15,
    ) -> None:
        self._base_url = base_url
        self._sleep = sleep
        self._timeout = timeout
        self._clients: dict[str, WebClient] = {}
        self._lock = threading.Lock()

    def answers_at(self, url: str) -> bool:
        """Whether `url` is where Slack takes answers to a command (its response URL):
        hooks.slack.com, or the host of a configured SLACK_API_URL. A payload's URL is
        never called otherwise, so a crafted one can't make us post anywhere."""
        parts = urlsplit(url)
        if parts.scheme == "https" and parts.hostname == "hooks.slack.com":
            return True
        base = urlsplit(self._base_url)
        return bool(self._base_url) and (parts.scheme, parts.netloc) == (base.scheme, base.netloc)

    def client(self, token: str) -> WebClient:
        with self._lock:
            if token not in self._clients:
                options: dict[str, Any] = {"token": token, "timeout": self._timeout}
                if self._base_url:
                    options["base_url"] = self._base_url
                self._clients[token] = WebClient(**options)
            return self._clients[token]

    def call(self, method: Callable[..., SlackResponse], **arguments: Any) -> SlackResponse:
        """`method(**arguments)`, e.g. `call(client.chat_postMessage, channel=..., ...)`."""
        name = getattr(method, "__name__", "call")
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return method(**arguments)
            except SlackApiError as error:
                code = _code(error)
                wait = _retry_after(error)
                if code == "ratelimited" or _status(error) == 429:
                    if attempt < ATTEMPTS and wait <= MAX_WAIT:
                        log.info("Slack rate limit on %s: waiting %.1fs", name, wait)
                        self._sleep(wait)
                        continue
                    raise DeliveryError(f"Slack {name}: ratelimited", retryable=True) from error
                raise DeliveryError(
                    f"Slack {name}: {code}", retryable=code in RETRYABLE or _status(error) >= 500
                ) from error
            except (SlackClientError, OSError) as error:  # network trouble, timeouts
                raise DeliveryError(f"Slack {name}: {error}", retryable=True) from error
        raise AssertionError("unreachable")  # pragma: no cover


def _code(error: SlackApiError) -> str:
    try:
        return str(error.response.get("error") or "unknown_error")
    except (AttributeError, TypeError):
        return "unknown_error"


def _status(error: SlackApiError) -> int:
    return int(getattr(error.response, "status_code", 0) or 0)


def _retry_after(error: SlackApiError) -> float:
    headers = getattr(error.response, "headers", None) or {}
    for key, value in dict(headers).items():
        if str(key).lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                break
    return 1.0
