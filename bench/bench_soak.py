"""The long soak: N dispatcher processes on PostgreSQL drain thousands of due messages
through a fake Slack failing a bounded fraction of calls (500, 429 with Retry-After,
time-outs, channel_not_found, slow answers that outlive the lease), while dispatchers are
killed with SIGKILL at random and restarted. Prints delivered once / duplicated (and the
kill windows that excuse them) / lost / failed with reason / time to drain; exits 1 on any
loss or any duplicate outside a kill window.

Run: .venv/bin/python bench/bench_soak.py [--messages 5000] [--dispatchers 3]
     [--kill-every 2 5] [--postgres URL]

The short version runs in the test suite: tests/soak/test_soak.py (pytest -m soak).
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from storage.migrate import upgrade
from tests.soak.soak_rig import SoakPlan, run_soak

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--dispatchers", type=int, default=3)
    parser.add_argument("--kill-every", type=float, nargs=2, default=(2.0, 5.0))
    parser.add_argument("--deadline", type=float, default=900.0, help="seconds")
    parser.add_argument("--postgres", default=ADMIN_URL, help="a server to make a database on")
    args = parser.parse_args()
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    name = f"coachpool_soak_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        plan = SoakPlan(
            messages=args.messages,
            dispatchers=args.dispatchers,
            people=max(40, args.messages // 50),
            kill_every=tuple(args.kill_every),  # type: ignore[arg-type]
            deadline_seconds=args.deadline,
        )
        result = run_soak(url, plan)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print("\n".join(result.lines()))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
