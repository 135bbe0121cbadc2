"""`coachpool serve`'s application over real HTTP: /healthz reports the store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from starlette.applications import Starlette

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.services import Services
from handlers.bootstrap import Application, bootstrap
from handlers.server.app import create_app
from storage.engine import make_engine
from storage.store import SqlStore
from tests.conversations.transcript import START


@contextmanager
def served(app: Starlette) -> Iterator[str]:
    """Serve the app on 127.0.0.1 on a free port; yields its base URL; stops by itself."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_healthz_reports_a_reachable_store(database_url: str) -> None:
    application = bootstrap(database_url=database_url, clock=SimulatedClock(START))
    with served(create_app(application)) as base:
        answer = httpx.get(f"{base}/healthz", timeout=5)
    assert answer.status_code == 200
    body = answer.json()
    assert (body["status"], body["store"], body["channels"]) == ("ok", "reachable", [])


def test_healthz_reports_an_unreachable_store() -> None:
    store = SqlStore(make_engine("postgresql://postgres@127.0.0.1:1/nothing", connect_timeout=2))
    services = Services(store=store, clock=SimulatedClock(START))
    application = Application(store, services, coaching_bot(services), "unreachable")
    with served(create_app(application)) as base:
        answer = httpx.get(f"{base}/healthz", timeout=15)
    assert answer.status_code == 503
    body = answer.json()
    assert body["status"] == "unhealthy"
    assert "127.0.0.1:1" in body["store"]
