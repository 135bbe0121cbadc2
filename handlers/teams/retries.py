"""Which Teams failures are worth repeating, and how long to wait between tries.

Microsoft's rate-limit guidance for bots: 429, 412, 502 and 504 are transient; retry
them with exponential backoff (and jitter), honouring Retry-After. Everything else is
reported at once and never repeated blindly, since a repeat could post a message twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import httpx

from bot.ports.notifier import DeliveryError
from handlers.teams.tokens import TokenUnavailable

log = logging.getLogger("coachpool.teams")
T = TypeVar("T")
TRANSIENT_STATUSES = frozenset({412, 429, 502, 504})


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    first_delay: float = 1.0
    max_delay: float = 20.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_delay)
        backoff = self.first_delay * 2 ** (attempt - 1)
        return float(min(backoff * random.uniform(0.8, 1.2), self.max_delay))


@dataclass(frozen=True)
class Failure:
    reason: str
    transient: bool
    retry_after: float | None = None


def classify(error: BaseException) -> Failure:
    if isinstance(error, httpx.HTTPStatusError):
        response = error.response
        status = response.status_code
        return Failure(
            f"Teams answered {status}{_detail(response)}",
            transient=status in TRANSIENT_STATUSES,
            retry_after=_retry_after(response),
        )
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        # The request never reached Teams, so repeating it cannot post twice.
        return Failure(f"cannot reach Teams: {error}", transient=True)
    if isinstance(error, TokenUnavailable):
        return Failure(str(error), transient=error.transient)
    if isinstance(error, httpx.TransportError):
        return Failure(f"lost the connection to Teams mid-request ({error!r})", transient=False)
    return Failure(f"{type(error).__name__}: {error}", transient=False)


async def with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy) -> T:
    """The call's result, or DeliveryError (retryable when the last failure was transient)."""
    for attempt in range(1, policy.attempts + 1):
        try:
            return await call()
        except Exception as error:
            failure = classify(error)
            if not failure.transient or attempt == policy.attempts:
                raise DeliveryError(failure.reason, retryable=failure.transient) from error
            wait = policy.delay(attempt, failure.retry_after)
            log.info("teams call failed, retrying", extra={"reason": failure.reason, "wait": wait})
            await asyncio.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return None


def _detail(response: httpx.Response) -> str:
    """Teams explains refusals as {"error": {"code", "message"}}."""
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        return ""
    if not isinstance(error, dict):
        return ""
    parts = [str(error[k]) for k in ("code", "message") if error.get(k)]
    return f" ({': '.join(parts)})" if parts else ""
