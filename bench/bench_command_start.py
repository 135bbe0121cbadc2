"""How long `coachpool people --json`, `requests --json` and `parse-when` take, start to exit.

Run: .venv/bin/python bench/bench_command_start.py [--runs N]

Each command runs N times (default 7) as its own process, the way a person or a script runs
it, on the sample pool (`coachpool seed --demo`: 40 coaches) in a temporary SQLite file,
after one unmeasured run. The modules run from bytecode, as in an installed coachpool (pip
compiles it), cached in the temporary folder: a checkout run under PYTHONDONTWRITEBYTECODE
would compile the project's modules on every run instead (about 0.04 s more).
Prints the median wall time and the median CPU time (user + system, from the child's
rusage): on a machine other work is loading, the CPU time is the steadier figure.
Target: under 0.3 s each. `python -X importtime -m handlers.cli.main ...` shows where
the time goes: for the two that open the pool, mostly in importing SQLAlchemy (about
0.11 s at load average 7, half the command), its ORM and the models' mapping (0.04 s each).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = (
    ("people --json", ["people", "--json"]),
    ("requests --json", ["requests", "--json"]),
    ("parse-when", ["parse-when", "Tuesday or Thursday afternoons", "--json"]),
)


def _coachpool(database: str, argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of the console script's entry point."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", database, *argv],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "pool.db")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        # An installed coachpool runs from bytecode (pip compiles it); keep ours out of the tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        _coachpool(database, ["seed", "--demo"], env)
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {args.runs} runs")
        for label, argv in COMMANDS:
            _coachpool(database, argv, env)  # warm: the command's own modules compiled once
            runs = [_coachpool(database, argv, env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"  coachpool {label:<16} median {wall:.3f} s wall, {cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
