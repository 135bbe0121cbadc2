"""The Slack channel under load: how fast Slack gets its acknowledgement, and how long a
DM takes to be answered.

    .venv/bin/python bench/bench_slack.py [--seconds S] [--rates 25,50,100,200] [--samples N]

Three processes on 127.0.0.1 only: the app (`handlers.slack` mounted on the real ASGI
server under uvicorn, SQLite, the sample pool plus synthetic coachees already linked to
Slack), a fake Slack Web API (tests/slack/slack_fake_api.py), and this one, which fires
signed Events API requests (a DM "hello" from a different person each time) open-loop
at each rate. The same requests go to a bare Bolt AsyncApp that only acknowledges,
served the same way, as the floor. Printed per rate: p50/p99 of the time to Slack's
acknowledgement (the HTTP 200) and the events/s acknowledged; for the app also how long
the backlog of full turns took to drain.

Then, one at a time: a DM opening a request (parsed, first question posted) and the
"Yes, find me a coach" press (matching, shortlist posted), each timed from sending the
request to the fake Slack receiving chat.postMessage (CLOCK_MONOTONIC is shared by the
processes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # runnable from a checkout; the fake Slack lives in tests/

import httpx  # noqa: E402

SECRET = "bench-signing-secret"
TEAM = "T0BENCH"
TOKEN = "xoxb-bench"
START = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))
OPENING = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


# -- the child processes ---------------------------------------------------------------


def _bound_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _serve(asgi: Any, ports: Queue[int]) -> None:
    import uvicorn

    sock = _bound_socket()
    ports.put(sock.getsockname()[1])
    config = uvicorn.Config(asgi, log_level="error", lifespan="on", backlog=2048)
    uvicorn.Server(config).run(sockets=[sock])


def run_fake_slack(ports: Queue[int], posts: Queue[tuple[str, float]]) -> None:
    from tests.slack.slack_fake_api import Call, FakeSlack

    class Reporting(FakeSlack):
        def _record(self, call: Call) -> None:
            if call.method == "chat.postMessage":
                posts.put((str(call.params.get("channel", "")), time.monotonic()))
            else:
                super()._record(call)  # posts aren't kept: thousands of them

    with Reporting(tokens={TOKEN: TEAM}) as fake:
        ports.put(fake.port)
        threading.Event().wait()


def run_app(database_url: str, api_url: str, ports: Queue[int]) -> None:
    import logging

    from bot.clock import SimulatedClock
    from handlers.bootstrap import bootstrap
    from handlers.channels import ChannelContext, build_notifier
    from handlers.server.app import create_app
    from handlers.server.kick import DispatchKicker
    from handlers.slack.mount import mount

    logging.basicConfig(level=logging.WARNING)
    application = bootstrap(database_url=database_url, clock=SimulatedClock(START))
    kicker: list[DispatchKicker] = []

    async def dispatch_soon() -> None:
        await kicker[0].kick()

    environ = {
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_API_URL": api_url,
    }
    mounted = mount(ChannelContext(application, environ, dispatch_soon))
    assert mounted is not None
    notifier = build_notifier(application, [mounted], fallback=None)
    kicker.append(DispatchKicker(application.services, notifier))
    _serve(create_app(application, mounts=[mounted]), ports)


def run_bare_bolt(api_url: str, ports: Queue[int]) -> None:
    from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    bolt = AsyncApp(
        client=AsyncWebClient(token=TOKEN, base_url=api_url),
        signing_secret=SECRET,
        process_before_response=False,
    )

    async def acknowledged() -> None:
        return None

    bolt.event("message")(acknowledged)
    handler = AsyncSlackRequestHandler(bolt)

    async def endpoint(request: Request) -> Response:
        return await handler.handle(request)

    _serve(Starlette(routes=[Route("/slack/events", endpoint, methods=["POST"])]), ports)


# -- preparing the pool ----------------------------------------------------------------


@dataclass
class Pool:
    database_url: str
    users: list[str]  # Slack user ids of linked coachees, for the load
    fresh: list[str]  # coachees with no conversation, for timing a request's opening
    at_summary: list[tuple[str, str]]  # (user id, token) of coachees at "Is that right?"


def prepare(directory: Path, *, load_users: int, samples: int) -> Pool:
    import dataclasses

    from bot.clock import SimulatedClock
    from bot.domain import Identity, Membership, Person, Role
    from bot.messages import Incoming
    from handlers.bootstrap import bootstrap
    from handlers.channel_names import SLACK
    from handlers.pool.sample import load_sample_pool

    url = f"sqlite:///{directory / 'bench.db'}"
    app = bootstrap(database_url=url, clock=SimulatedClock(START))
    store = app.store
    load_sample_pool(store, now=app.services.clock.now())
    organisations = store.list_organisations()
    for organisation in organisations:
        memberships = (Membership(SLACK, TEAM),)
        store.update_organisation(dataclasses.replace(organisation, memberships=memberships))
    home = next(o for o in organisations if o.slug == "dudley")

    def coachee(n: int) -> str:
        person = store.add_person(
            Person(
                0,
                f"bench.{n}@dudley.gov.uk",
                f"Bench Person{n}",
                home.id,
                frozenset({Role.COACHEE}),
            )
        )
        user = f"U{n:06d}"
        store.link_identity(Identity(person.id, SLACK, TEAM, user, {"channel": f"D{user}"}))
        return user

    users = [coachee(n) for n in range(load_users)]
    fresh = [coachee(load_users + n) for n in range(samples)]
    at_summary = []
    for n in range(samples):
        user = coachee(load_users + samples + n)
        identity = store.find_identity(SLACK, TEAM, user)
        assert identity is not None
        for said in (OPENING, "Keep my team motivated", "skip", "skip", "regional-pool"):
            app.bot.handle(Incoming(identity.person_id, SLACK, text=said, value=""))
        state = store.load_conversation(identity.person_id, SLACK)
        assert state is not None and state.step == "confirm", state
        at_summary.append((user, str(state.data["_token"])))
    store.close()
    return Pool(url, users, fresh, at_summary)


# -- load ------------------------------------------------------------------------------


def signed(body: str) -> dict[str, str]:
    import hashlib
    import hmac

    stamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


def dm_request(user: str, text: str, event_id: str) -> tuple[str, dict[str, str]]:
    ts = f"{time.time():.6f}"
    body = json.dumps(
        {
            "token": "t",
            "team_id": TEAM,
            "api_app_id": "A0BENCH",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM, "user_id": "UBOT", "is_bot": True}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": f"D{user}",
                "user": user,
                "text": text,
                "ts": ts,
                "event_ts": ts,
            },
        }
    )
    return body, {"Content-Type": "application/json", **signed(body)}


def press_request(user: str, token: str) -> tuple[str, dict[str, str]]:
    payload = {
        "type": "block_actions",
        "user": {"id": user, "team_id": TEAM},
        "team": {"id": TEAM},
        "api_app_id": "A0BENCH",
        "trigger_id": f"trigger.{user}",
        "container": {"type": "message", "channel_id": f"D{user}", "message_ts": "1.0"},
        "channel": {"id": f"D{user}"},
        "state": {"values": {}},
        "actions": [
            {
                "action_id": "cp.choice.0",
                "text": {"type": "plain_text", "text": "Yes, find me a coach"},
                "value": json.dumps({"v": "confirm", "t": token}),
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    body = urlencode({"payload": json.dumps(payload)})
    return body, {"Content-Type": "application/x-www-form-urlencoded", **signed(body)}


@dataclass
class Posts:
    """chat.postMessage arrivals at the fake Slack, by channel."""

    queue: Queue[tuple[str, float]]
    seen: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    total: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def start(self) -> None:
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            channel, at = self.queue.get()
            with self.changed:
                self.seen[channel].append(at)
                self.total += 1
                self.changed.notify_all()

    def wait_total(self, total: int, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.total >= total, timeout)

    def count(self, channel: str) -> int:
        with self.changed:
            return len(self.seen[channel])

    def arrival(self, channel: str, index: int, timeout: float = 30) -> float:
        """When the `index`-th post to `channel` arrived (waiting for it)."""
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.seen[channel]) > index, timeout):
                raise RuntimeError(f"no reply posted to {channel} within {timeout:g}s")
            return self.seen[channel][index]


@dataclass
class Phase:
    rate: int
    sent: int
    acked: int
    latencies_ms: list[float]
    achieved: float
    drained_s: float = 0.0


async def fire(url: str, *, rate: int, seconds: float, bodies: list[Any]) -> Phase:
    limits = httpx.Limits(max_connections=2000, max_keepalive_connections=2000)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        latencies: list[float] = []
        finished: list[float] = []

        async def one(body: str, headers: dict[str, str]) -> bool:
            began = time.perf_counter()
            response = await client.post(url, content=body.encode(), headers=headers)
            now = time.perf_counter()
            latencies.append((now - began) * 1000)
            finished.append(now)
            return response.status_code == 200

        count = int(rate * seconds)
        start = time.perf_counter()
        tasks = []
        for i in range(count):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(*bodies[i])))
        ok = sum(await asyncio.gather(*tasks))
        span = max(finished) - start if finished else 1.0
        return Phase(rate, count, ok, latencies, ok / span)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="per rate (default 3)")
    parser.add_argument("--rates", default="25,50,100,200", help="events per second")
    parser.add_argument("--samples", type=int, default=30, help="timed DMs of each kind")
    parser.add_argument(
        "--text", default="hello", help="what each load DM says (default: hello, the help)"
    )
    args = parser.parse_args()
    rates = [int(r) for r in args.rates.split(",")]
    total = int(sum(rates) * args.seconds) + 50
    context = mp.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="coachpool-bench-") as directory:
        began = time.monotonic()
        pool = prepare(Path(directory), load_users=min(total, 600), samples=args.samples)
        print(
            f"pool ready in {time.monotonic() - began:.1f}s: {len(pool.users)} coachees on "
            f"Slack; {os.cpu_count()} CPUs; app, fake Slack and load in separate processes"
        )
        ports: Queue[int] = context.Queue()
        post_queue: Queue[tuple[str, float]] = context.Queue()
        children = [context.Process(target=run_fake_slack, args=(ports, post_queue), daemon=True)]
        children[0].start()
        api_url = f"http://127.0.0.1:{ports.get(timeout=30)}/api/"
        app = context.Process(target=run_app, args=(pool.database_url, api_url, ports), daemon=True)
        app.start()
        app_url = f"http://127.0.0.1:{ports.get(timeout=60)}/slack/events"
        bare = context.Process(target=run_bare_bolt, args=(api_url, ports), daemon=True)
        bare.start()
        bare_url = f"http://127.0.0.1:{ports.get(timeout=60)}/slack/events"
        children += [app, bare]
        posts = Posts(post_queue)
        posts.start()
        try:
            return _measure(
                pool,
                posts,
                app_url=app_url,
                bare_url=bare_url,
                rates=rates,
                seconds=args.seconds,
                text=args.text,
            )
        finally:
            for child in children:
                child.terminate()
                child.join(5)


def _measure(
    pool: Pool,
    posts: Posts,
    *,
    app_url: str,
    bare_url: str,
    rates: list[int],
    seconds: float,
    text: str,
) -> int:
    numbers = iter(range(10**9))

    def bodies(count: int) -> list[tuple[str, dict[str, str]]]:
        return [
            dm_request(pool.users[n % len(pool.users)], text, f"Ev{next(numbers):09d}")
            for n in range(count)
        ]

    # Warm both up (imports, the first auth.test, SQLite's caches); let the replies land.
    for url in (bare_url, app_url):
        asyncio.run(fire(url, rate=20, seconds=1, bodies=bodies(20)))
    posts.wait_total(20, 30)

    print(
        f"\nAcknowledgement to Slack, {seconds:g}s per rate "
        f"(signed message.im events, each DM saying {text!r}):"
    )
    print(
        f"{'ev/s':>5}  {'bare Bolt p50 / p99':>20}  {'coachpool p50 / p99':>20}"
        f"  {'acked ev/s':>10}  all turns done"
    )
    for rate in rates:
        count = int(rate * seconds)
        floor = asyncio.run(fire(bare_url, rate=rate, seconds=seconds, bodies=bodies(count)))
        before = posts.total
        phase = asyncio.run(fire(app_url, rate=rate, seconds=seconds, bodies=bodies(count)))
        fired = time.monotonic()
        drained = posts.wait_total(before + phase.acked, 120)
        print(_row(rate, floor, phase, drained_after=time.monotonic() - fired if drained else None))

    opening = _timed(
        app_url, posts, [(u, dm_request(u, OPENING, f"Ev{next(numbers):09d}")) for u in pool.fresh]
    )
    confirm = _timed(app_url, posts, [(u, press_request(u, t)) for u, t in pool.at_summary])
    print("\nA whole turn, one at a time (request sent -> reply received by the fake Slack):")
    for name, values in (
        ("DM opening a request (parse, first question)", opening),
        ("'Yes, find me a coach' (match, shortlist)", confirm),
    ):
        print(
            f"  {name:<46} p50 {statistics.median(values):6.1f} ms   "
            f"p95 {percentile(values, 0.95):6.1f} ms   (n={len(values)})"
        )
    return 0


def _ms(latencies: list[float]) -> str:
    return f"{percentile(latencies, 0.5):6.1f} / {percentile(latencies, 0.99):6.1f} ms"


def _row(rate: int, floor: Phase, phase: Phase, *, drained_after: float | None) -> str:
    done = "not within 120 s" if drained_after is None else f"{drained_after:4.1f} s after"
    lost = "" if phase.acked == phase.sent else f"  ({phase.sent - phase.acked} NOT acked)"
    return (
        f"{rate:>5}  {_ms(floor.latencies_ms):>20}  {_ms(phase.latencies_ms):>20}"
        f"  {phase.achieved:>10.1f}  {done}{lost}"
    )


def _timed(
    url: str, posts: Posts, requests: list[tuple[str, tuple[str, dict[str, str]]]]
) -> list[float]:
    took = []
    with httpx.Client(timeout=30) as client:
        for user, (body, headers) in requests:
            channel = f"D{user}"
            index = posts.count(channel)
            sent = time.monotonic()
            response = client.post(url, content=body.encode(), headers=headers)
            assert response.status_code == 200, response.text
            took.append((posts.arrival(channel, index) - sent) * 1000)
            time.sleep(0.05)  # the turn's tail (a delivery pass) finishes before the next
    return took


if __name__ == "__main__":
    sys.exit(main())
