"""Hostile strings through the console chat, more of them than CI feeds.

Run: .venv/bin/python bench/bench_hostile.py [--count N] [--seed S]

The same generator and stages as tests/hostile/test_hostile_fuzz.py, on a temporary
SQLite file with the sample pool: prints how many inputs went through, how fast, and how
many got "something went wrong", raised, or left an unsafe character in the store.
Target: none of either.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import SORRY
from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.console.wiring import console_chat
from handlers.pool.sample import load_sample_pool
from tests.conversations.transcript import START
from tests.hostile.hostile_inputs import stored_unsafe
from tests.hostile.test_hostile_fuzz import SAM, rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        clock = SimulatedClock(START)
        app = bootstrap(database_url=f"sqlite:///{folder}/bench.db", clock=clock)
        load_sample_pool(app.store, now=clock.now())
        person = app.store.find_person_by_email(SAM)
        assert person is not None
        out = io.StringIO()
        chat = console_chat(app.bot, person, engine=app.store.engine, out=out)
        said = sorry = raised = 0
        started = time.perf_counter()
        for lead, hostile in rounds(args.count, args.seed):
            for line in ["cancel", "cancel", *lead]:
                chat.say(line)
            for line in hostile:
                out.seek(0)
                out.truncate()
                try:
                    chat.say(line)
                except Exception as error:  # counted and shown, not hidden
                    raised += 1
                    print(f"raised {type(error).__name__} on {line[:60]!r}")
                sorry += SORRY in out.getvalue()
                said += 1
        elapsed = time.perf_counter() - started
        unsafe = stored_unsafe(app.store.engine)
        app.store.close()
    print(f"{said} hostile inputs in {elapsed:.1f} s ({said / elapsed:.0f} a second)")
    print(f"'something went wrong': {sorry}; raised: {raised}; tables with unsafe text: {unsafe}")
    return 0 if not (sorry or raised or unsafe) else 1


if __name__ == "__main__":
    raise SystemExit(main())
