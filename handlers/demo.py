"""`coachpool demo`: the whole cycle on a fresh embedded store with a simulated clock.

The script is a list of scenes: who speaks, what they say. Everything goes through the
same core and console channel as `coachpool chat`; only the clock is simulated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.clock import SimulatedClock
from bot.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from handlers.bootstrap import Application, bootstrap
from handlers.console.chat import ConsoleChat
from handlers.console.wiring import console_deliverer

# A Tuesday morning in late November: the coachee's afternoons are still ahead.
DEMO_START = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/London"))


@dataclass(frozen=True)
class Line:
    who: str  # an email, or "coach" for whichever coach the coachee chose
    says: str
    note: str = ""


SCRIPT = (
    Line(
        DEMO_COACHEE_EMAIL,
        "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please",
        "A coachee asks for coaching in one sentence.",
    ),
    Line(
        DEMO_COACHEE_EMAIL,
        "Keep my team motivated and feel confident leading them through the changes",
        "The bot asks only for what it still needs (GROW).",
    ),
    Line(DEMO_COACHEE_EMAIL, "Two teams merge in January and people are anxious about their jobs"),
    Line(DEMO_COACHEE_EMAIL, "skip"),
    Line(DEMO_COACHEE_EMAIL, "1"),
    Line(DEMO_COACHEE_EMAIL, "1", "The summary is right: find me a coach."),
    Line(DEMO_COACHEE_EMAIL, "1", "The coachee chooses from the explained shortlist."),
    Line("coach", "pending", "The chosen coach looks at the request waiting for them."),
    Line("coach", "1", "The coach accepts the first time offered."),
    Line(DEMO_COACHEE_EMAIL, "sessions", "Both have a confirmation and a calendar invite."),
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
    deliverer = console_deliverer(app.services, out)
    chats: dict[str, ConsoleChat] = {}
    for line in SCRIPT:
        email = line.who if line.who != "coach" else _chosen_coach_email(app)
        if email not in chats:
            person = app.store.find_person_by_email(email)
            if person is None:
                raise RuntimeError(f"the sample pool has no {email}")
            chats[email] = ConsoleChat(
                app.bot,
                deliverer,
                person,
                out=out,
                attachments_dir=workdir / "coachpool-demo-invites",
            )
        chat = chats[email]
        if line.note:
            out.write(f"\n── {line.note}\n")
        out.write(f"{chat.person.name} says: {line.says}\n")
        chat.say(line.says)
    out.write(
        "\nThe demo is over. Calendar invites were saved in "
        f"{workdir / 'coachpool-demo-invites'}.\n"
        f"Explore the same pool: coachpool --database {database} chat --as {DEMO_COACHEE_EMAIL}\n"
    )
    return 0


def _chosen_coach_email(app: Application) -> str:
    requests = app.store.list_requests()
    coach_id = next((r.chosen_coach_id for r in reversed(requests) if r.chosen_coach_id), None)
    coach = app.store.get_person(coach_id) if coach_id else None
    if coach is None:
        raise RuntimeError("the demo expected the coachee to have chosen a coach by now")
    return coach.email
