"""Two terminals for real: separate `coachpool chat` processes on one SQLite file, on the
wall clock. Emma picks a coach; the coach, in theirs, sees the request and proposes other
times; Emma, in hers, sees them and picks one; the coach sees the booking."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handlers.bootstrap import bootstrap
from handlers.cli.main import main

EMMA = "emma.roberts@coventry.gov.uk"
ASK = "coaching on leading my team through a restructure, Tuesday or Thursday afternoons, online"


def chat(database: str, email: str, *lines: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", database, "chat", "--as",
         email], input="".join(f"{line}\n" for line in lines), capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_emma_and_her_coach_in_two_processes(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", database, "seed", "--demo"]) == 0
    asked = chat(database, EMMA, ASK, "Keep my team motivated", "skip", "skip", "1", "1", "1")
    assert "I've asked" in asked
    app = bootstrap(database_url=database, migrate=False)
    try:
        chosen = app.store.list_requests()[-1].chosen_coach_id
        coach = app.store.get_person(chosen) if chosen else None
    finally:
        app.store.close()
    assert coach is not None
    coach_name, coach_email = coach.name, coach.email
    assert f"I've asked {coach_name}" in asked

    seen = chat(database, coach_email, "Propose other times")
    assert "Emma would like you as their coach" in seen
    assert "Which times could you offer instead?" in seen
    proposed = chat(database, coach_email, "Wednesday at 10am or Friday at 2pm")
    assert "I've offered Emma" in proposed
    assert "has suggested these times" not in proposed

    suggested = chat(database, EMMA)
    assert f"{coach_name} would be glad to coach you and has suggested these times" in suggested
    assert "Your session is booked" in chat(database, EMMA, "1")
    assert "Your session is booked" in chat(database, coach_email)
