"""Socket Mode: Slack pushes the same events over a WebSocket the app opens (no public
URL needed). The same Bolt app and listeners serve both transports."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp


def socket_mode(
    bolt: AsyncApp, *, app_token: str
) -> tuple[Callable[[], Coroutine[Any, Any, None]], Callable[[], Awaitable[None]]]:
    """(run, stop): `run` connects and stays connected until cancelled."""
    # The handler's aiohttp session needs the running loop, so it is made inside `run`.
    handlers: list[AsyncSocketModeHandler] = []

    async def run() -> None:
        handler = AsyncSocketModeHandler(bolt, app_token=app_token)
        handlers.append(handler)
        await handler.connect_async()  # type: ignore[no-untyped-call]
        await asyncio.Event().wait()

    async def stop() -> None:
        for handler in handlers:
            await handler.close_async()  # type: ignore[no-untyped-call]

    return run, stop
