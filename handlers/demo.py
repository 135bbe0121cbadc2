"""`coachpool demo`: the whole cycle on a fresh embedded store with a simulated clock.

The script is a list of scenes: someone says something, or time moves on and the bot
sends what falls due. Everything goes through the same core, outbox and console channel
as `coachpool chat`; only the clock is simulated.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet

from bot.clock import SimulatedClock
from bot.digest.schedule import queue_previous_week
from bot.domain import Identity, Person, Session
from bot.replies import Reply
from handlers.bootstrap import Application, bootstrap
from handlers.console.chat import ConsoleChat
from handlers.console.sender import StageSender
from handlers.delivery import ChannelNotifier, ChannelSender, Deliverer
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL, load_sample_pool
from handlers.wall_clock import WallClock
from handlers.web.settings import PUBLIC_URL, SECRET_KEY, dashboard_settings

# A Tuesday morning in late November: the coachee's afternoons are still ahead.
DEMO_START = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))
SAM = DEMO_COACHEE_EMAIL
DEMO_PUBLIC_URL = "http://127.0.0.1:3000"


@dataclass(frozen=True)
class Say:
    who: str  # an email, or "coach" for whichever coach the coachee chose
    says: str
    note: str = ""


@dataclass(frozen=True)
class Wait:
    """Move the clock to a moment of the booked session and deliver what falls due."""

    until: Callable[[Session], datetime]
    note: str


@dataclass(frozen=True)
class Digest:
    """Move on to Monday 09:00, when the scheduler queues last week's digests."""

    note: str


class OnlyFor:
    """Shows one person's messages and counts the rest: every coordinator's digest is
    the same, so the demo prints one."""

    def __init__(self, inner: ChannelSender, person_id: int) -> None:
        self.inner, self.person_id, self.others = inner, person_id, 0

    def send(self, *, person: Person, identity: Identity | None, replies: list[Reply]) -> None:
        if person.id == self.person_id:
            self.inner.send(person=person, identity=identity, replies=replies)
        else:
            self.others += 1


SCRIPT: tuple[Say | Wait | Digest, ...] = (
    Say(SAM, "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please",
        "A coachee asks for coaching in one sentence."),
    Say(SAM, "Keep my team motivated and feel confident leading them through the changes",
        "The bot asks only for what it still needs, framed by GROW."),
    Say(SAM, "Two teams merge in January and people are anxious about their jobs"),
    Say(SAM, "skip"),
    Say(SAM, "Regional Coaching Pool"),
    Say(SAM, "Yes, find me a coach", "The summary is right: find me a coach."),
    Say(SAM, "1", "The coachee chooses from the explained shortlist."),
    Say("coach", "1", "The coach accepts the first time offered, from the message they got."),
    Wait(lambda s: s.window.start - timedelta(hours=24), "A day before, both are reminded."),
    Wait(lambda s: s.window.start - timedelta(hours=1), "An hour before, the last reminder."),
    Wait(lambda s: s.window.end + timedelta(minutes=15),
         "The session is held. Afterwards the coach is asked whether it took place."),
    Say("coach", "It was held", "Held sessions are what count as hours delivered."),
    Say("coach", "Managing change", "The coach logs themes, never content."),
    Say("coach", "Done"),
    Wait(lambda s: s.window.end + timedelta(minutes=30), "The coachee is asked for feedback."),
    Say(SAM, "Give feedback", "Feedback is one short form: a dialog in Slack and Teams."),
    Say(SAM, "5"),
    Say(SAM, "7"),
    Say(SAM, "It helped me plan how to talk to the team"),
    Say(SAM, "Yes"),
    Digest("Monday 09:00: each coordinator and organisation lead gets last week's digest."),
)  # fmt: skip


@dataclass
class Stage:
    app: Application
    clock: SimulatedClock
    deliverer: Deliverer
    sender: StageSender
    out: TextIO
    invites: Path
    chats: dict[str, ConsoleChat]

    def chat(self, email: str) -> ConsoleChat:
        if email not in self.chats:
            person = self.app.store.find_person_by_email(email)
            if person is None:
                raise RuntimeError(f"the sample pool has no {email}")
            chat = ConsoleChat(self.app.bot, self.deliverer, person, out=self.out,
                               attachments_dir=self.invites)  # fmt: skip
            self.sender.listen(person.id, chat.offered)
            self.chats[email] = chat
        return self.chats[email]

    def coach_email(self) -> str:
        requests = self.app.store.list_requests()
        coach_id = next((r.chosen_coach_id for r in reversed(requests) if r.chosen_coach_id), None)
        coach = self.app.store.get_person(coach_id) if coach_id else None
        if coach is None:
            raise RuntimeError("the demo expected the coachee to have chosen a coach by now")
        return coach.email

    def session(self) -> Session:
        sessions = self.app.store.list_sessions()
        if not sessions:
            raise RuntimeError("the demo expected a booked session by now")
        return sessions[0]


def _digest(stage: Stage, scene: Digest) -> None:
    zone = stage.app.services.settings.pool_timezone
    local = stage.clock.now().astimezone(zone)
    monday = (local + timedelta(days=7 - local.weekday())).replace(hour=9, minute=0, second=0)
    stage.clock.set(monday)
    stage.out.write(f"\n── {scene.note}\n   (simulated time: {monday:%A %d %B, %H:%M %Z})\n")
    queue_previous_week(stage.app.services)
    coordinator = stage.app.store.find_person_by_email(DEMO_COORDINATOR_EMAIL)
    if coordinator is None:
        raise RuntimeError(f"the sample pool has no {DEMO_COORDINATOR_EMAIL}")
    only = OnlyFor(stage.sender, coordinator.id)
    Deliverer(
        stage.app.services, ChannelNotifier(stage.app.services, {}, fallback=only)
    ).deliver_now()
    stage.out.write(
        f"   ({only.others} more digests went to the other coordinators and organisation leads.)\n"
    )


def run_demo(out: TextIO, *, workdir: Path) -> int:
    database = workdir / "coachpool-demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    clock = SimulatedClock(DEMO_START)
    app = bootstrap(database_url=f"sqlite:///{database}", clock=clock)
    summary = load_sample_pool(app.store, now=clock.now())
    out.write(f"coachpool demo: a fresh pool in {database}\n{summary.describe()}\n")
    out.write(f"Simulated time starts {DEMO_START:%A %d %B %Y, %H:%M %Z}.\n")
    sender = StageSender(out)
    deliverer = Deliverer(app.services, ChannelNotifier(app.services, {}, fallback=sender))
    stage = Stage(app, clock, deliverer, sender, out, workdir / "coachpool-demo-invites", {})
    for scene in SCRIPT:
        if isinstance(scene, Digest):
            _digest(stage, scene)
            continue
        if isinstance(scene, Wait):
            clock.set(scene.until(stage.session()))
            local = clock.now().astimezone(DEMO_START.tzinfo)
            out.write(f"\n── {scene.note}\n   (simulated time: {local:%A %d %B, %H:%M %Z})\n")
            deliverer.deliver_now()
            continue
        chat = stage.chat(scene.who if scene.who != "coach" else stage.coach_email())
        if scene.note:
            out.write(f"\n── {scene.note}\n")
        out.write(f"{chat.person.name} says: {scene.says}\n")
        chat.say(scene.says)
    out.write(
        f"\nThe demo is over. Calendar invites are in {stage.invites}.\n"
        f"Explore the same pool: coachpool --database {database} chat --as {SAM}\n"
    )
    _dashboard(app, database, out)
    return 0


def _dashboard(app: Application, database: Path, out: TextIO) -> None:
    """The dashboard's address and a sign-in link for the demo coordinator, made on the real
    clock (the demo's is simulated) so it works with `serve` for the next 15 minutes."""
    environ = dict(os.environ)
    environ.setdefault(PUBLIC_URL, DEMO_PUBLIC_URL)
    if not environ.get(SECRET_KEY, "").strip():
        environ[SECRET_KEY] = Fernet.generate_key().decode()
    settings = dashboard_settings(environ)
    coordinator = app.store.find_person_by_email(DEMO_COORDINATOR_EMAIL)
    if settings is None or coordinator is None:
        return
    link = settings.links().link_for(coordinator.id, now=WallClock().now())
    port = urlsplit(settings.public_url).port or 3000
    out.write(
        f"\nThe dashboard: {settings.public_url.rstrip('/')}/dashboard, once served with\n"
        f"  {PUBLIC_URL}={settings.public_url} {SECRET_KEY}={environ[SECRET_KEY]} \\\n"
        f"  coachpool --database {database} serve --port {port}\n"
        f"Sign in as the demo coordinator ({DEMO_COORDINATOR_EMAIL}) within 15 minutes, once:\n"
        f"  {link}\n"
        "(or say 'dashboard' in chat as a coordinator for a fresh link)\n"
    )
