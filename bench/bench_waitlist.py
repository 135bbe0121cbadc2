"""What the waiting list costs a turn that frees a place: one re-match pass over N waiting
requests on the sample pool (40 coaches), and the coordinators' list of why each waits.

    .venv/bin/python bench/bench_waitlist.py [--waiting N] [--repeat N]

A throwaway SQLite file; the requests are submitted through the core (`submit_request`) with
times no coach has (Sunday 06:00), so every pass matches all of them and offers none: the
worst case for a turn that closes an engagement or withdraws a request.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import SimulatedClock
from bot.domain import Format, Person, RequestState, Role
from bot.domain.timewindow import TimeWindow
from bot.requests.submit import RequestDraft, submit_request
from bot.requests.waitlist import rematch_waiting, waiting_reasons
from bot.services import Services
from handlers.pool.sample import load_sample_pool
from storage.migrate import upgrade
from storage.store import SqlStore

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 24, 9, 30, tzinfo=LONDON)
SUNDAY_DAWN = TimeWindow(
    datetime(2026, 11, 29, 6, tzinfo=LONDON), datetime(2026, 11, 29, 7, tzinfo=LONDON)
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiting", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        store = SqlStore.open(url)
        clock = SimulatedClock(START)
        load_sample_pool(store, now=clock.now())
        services = Services(store=store, clock=clock)
        organisations = store.list_organisations()
        for n in range(args.waiting):
            person = store.add_person(
                Person(0, f"waiting{n}@example.gov.uk", f"Waiting {n}",
                       organisations[n % len(organisations)].id, frozenset({Role.COACHEE}))
            )  # fmt: skip
            draft = RequestDraft(None, "leading my team through a restructure", "Keep them",
                                 "", "", Format.ONLINE, "", (SUNDAY_DAWN,))  # fmt: skip
            submit_request(services, person, draft)
            clock.advance(timedelta(seconds=1))
        waiting = store.list_requests(states=[RequestState.WAITLISTED])
        assert len(waiting) == args.waiting, len(waiting)
        passes, listings = [], []
        for _ in range(args.repeat):
            began = time.perf_counter()
            assert rematch_waiting(services) == ()
            passes.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            waiting_reasons(services, waiting)
            listings.append((time.perf_counter() - began) * 1000)
        store.close()
    print(f"waiting requests: {args.waiting}, sample pool of 40 coaches, SQLite")
    print(f"re-match pass (offers none): median {statistics.median(passes):.0f} ms")
    print(f"why each waits (coordinators' list): median {statistics.median(listings):.0f} ms")


if __name__ == "__main__":
    main()
