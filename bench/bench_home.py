"""The Slack Home tab's and the Teams welcome's coordinator view over a year of a large pool.

    .venv/bin/python bench/bench_home.py [--runs N] [--seed N]

Loads the year `bench_digest.py` builds (50 organisations, 2,000 coaches) into a temporary
SQLite file and times `home_parts` (what views.publish carries) for a coordinator and for an
organisation lead, each as the median of --runs. Every opening of the tab reads the store and
decides the week's figures afresh (no cache), so this is what each opening costs the server.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_digest import AS_OF, SETTINGS, load

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.domain import Person, Role
from bot.overview.home import home_parts
from bot.services import Services
from handlers.channel_names import SLACK
from handlers.web.settings import dashboard_settings
from storage.migrate import upgrade
from storage.store import SqlStore

ENVIRON = {
    "COACHPOOL_PUBLIC_URL": "http://127.0.0.1",
    "COACHPOOL_SECRET_KEY": "bench-key-not-a-secret-0123456789",
}


def median_ms(runs: int, services: Services, person: Person) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        home_parts(coaching_bot(services).context(person, SLACK))
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = str(Path(folder) / "bench.db")
        upgrade(url)
        store = SqlStore.open(url)
        counts = load(store, random.Random(args.seed))
        settings = dashboard_settings(ENVIRON)
        assert settings is not None
        services = Services(
            store=store, clock=SimulatedClock(AS_OF), settings=SETTINGS, sign_in=settings.links()
        )
        coordinator = store.list_people(Role.COORDINATOR)[0]
        leads = store.list_people(Role.ORG_LEAD)
        timings = {"coordinator (the pool)": median_ms(args.runs, services, coordinator)}
        if leads:
            timings["organisation lead"] = median_ms(args.runs, services, leads[0])
        store.close()
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"   (load average {load_average} on {os.cpu_count()} CPUs while measuring)")
    print(f"== SQLite: {', '.join(f'{n:,} {k}' for k, n in counts.items())} rows")
    print(f"   home view built, median of {args.runs} runs:")
    for name, ms in timings.items():
        print(f"   {name:<28} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
