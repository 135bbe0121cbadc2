"""A fake Slack (the one the Slack tests use) that fails a bounded fraction of the
delivering calls in each of the ways Slack does: HTTP 500, 429 with Retry-After, a time-out
(no answer before the client gives up; nothing posted), `channel_not_found` for the
channels named doomed, and a slow answer that outlives the dispatcher's lease. It keeps a
ledger of what was delivered (answered ok), by message marker and by the bot token of the
dispatcher that delivered it."""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.slack.slack_fake_api import FakeSlack

MARKER = re.compile(r"soak-(\d+)")
DELIVERING = ("chat.postMessage", "files.completeUploadExternal")


@dataclass(frozen=True)
class Faults:
    """Fractions of delivering calls that fail each way; `slow_seconds` answers ok, late."""

    server_error: float = 0.03
    rate_limited: float = 0.03
    # Every so many delivering calls, without fail: a time-out, and a slow answer.
    timeout_every: int = 199
    slow_every: int = 97
    timeout_seconds: float = 3.0
    slow_seconds: float = 2.5
    doomed_channels: frozenset[str] = frozenset()
    seed: int = 12


@dataclass(frozen=True)
class Delivery:
    marker: int
    part: str  # "text" or "invite"
    token: str


@dataclass
class FaultySlack(FakeSlack):
    faults: Faults = field(default_factory=Faults)

    def __post_init__(self) -> None:
        super().__post_init__()
        self._random = random.Random(self.faults.seed)
        self._calls = 0
        self._ledger_lock = threading.Lock()
        self.deliveries: list[Delivery] = []
        self.injected: Counter[str] = Counter()

    def delivered(self) -> Counter[tuple[int, str]]:
        with self._ledger_lock:
            return Counter((d.marker, d.part) for d in self.deliveries)

    def deliveries_of(self, marker: int, part: str) -> list[Delivery]:
        with self._ledger_lock:
            return [d for d in self.deliveries if (d.marker, d.part) == (marker, part)]

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method not in DELIVERING:
            return await super()._api(request)
        params = await _params(request)
        fault = self._fault(params)
        if fault == "timeout":
            await asyncio.sleep(self.faults.timeout_seconds)  # the client has given up
            return web.json_response({"ok": False, "error": "timeout"}, status=504)
        if fault == "server_error":
            return web.json_response({"ok": False, "error": "internal_error"}, status=500)
        if fault == "rate_limited":
            headers = {"Retry-After": "1"}
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers=headers
            )
        if fault == "channel_not_found":
            return web.json_response({"ok": False, "error": "channel_not_found"})
        if fault == "slow":
            await asyncio.sleep(self.faults.slow_seconds)
        response = await super()._api(request)
        if response.status == 200 and json.loads(response.text or "{}").get("ok"):
            self._log(method, params, request)
        return response

    def _fault(self, params: dict[str, Any]) -> str:
        channel = str(params.get("channel") or params.get("channel_id") or "")
        if channel in self.faults.doomed_channels:
            return "channel_not_found"
        self._calls += 1
        roll, f = self._random.random(), self.faults
        for name, due in (("timeout", f.timeout_every), ("slow", f.slow_every)):
            if self._calls % due == 0:
                self.injected[name] += 1
                return name
        for name, share in (("server_error", f.server_error), ("rate_limited", f.rate_limited)):
            if roll < share:
                self.injected[name] += 1
                return name
            roll -= share
        return ""

    def _log(self, method: str, params: dict[str, Any], request: web.Request) -> None:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if method == "chat.postMessage":
            found = [(m, "text") for m in MARKER.findall(str(params.get("text", "")))[:1]]
        else:
            titles = [str(f.get("title", "")) for f in json.loads(params.get("files", "[]"))]
            found = [(m, "invite") for t in titles for m in MARKER.findall(t)[:1]]
        with self._ledger_lock:
            self.deliveries.extend(Delivery(int(m), part, token) for m, part in found)


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        raw = await request.text()
        params.update(json.loads(raw) if raw.strip() else {})
    elif request.method == "POST":
        params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    return params
