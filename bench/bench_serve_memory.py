"""How much memory an idle `coachpool serve` holds.

Run: .venv/bin/python bench/bench_serve_memory.py [--settle SECONDS] [--slack]

Starts `coachpool serve` on 127.0.0.1 on the sample pool in a temporary SQLite file (no
chat platform configured, so the console stands in; with --slack, fake Slack settings so
Bolt and its client are loaded too), waits until /healthz answers, lets it settle, then
reads VmRSS (resident) and VmHWM (its peak) from /proc/PID/status, prints them and stops
the server. Target: under 200 MB resident.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _status(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _megabytes(field: str) -> float:
    return int(field.split(maxsplit=1)[0]) / 1024  # the kernel reports kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=5.0)
    parser.add_argument("--slack", action="store_true", help="with (fake) Slack settings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        environ = {
            k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))
        }
        environ |= {"DATABASE_URL": f"sqlite:///{folder}/pool.db", "PYTHONPATH": str(ROOT)}
        if args.slack:
            environ |= {"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench"}
        command = [sys.executable, "-m", "handlers.cli.main"]
        subprocess.run([*command, "seed", "--demo"], env=environ, check=True, cwd=ROOT)
        port = _free_port()
        server = subprocess.Popen(
            [*command, "serve", "--port", str(port)],
            env=environ,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            started = time.monotonic()
            while True:
                try:
                    httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    if server.poll() is not None or time.monotonic() - started > 120:
                        raise SystemExit("coachpool serve did not start") from None
                    time.sleep(0.2)
            ready = time.monotonic() - started
            time.sleep(args.settle)
            status = _status(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    platform = "fake Slack settings" if args.slack else "no chat platform"
    print(
        f"coachpool serve ({platform}, SQLite, sample pool): answered /healthz after "
        f"{ready:.1f} s; idle {args.settle:.0f} s later: resident "
        f"{_megabytes(status['VmRSS']):.0f} MB, peak {_megabytes(status['VmHWM']):.0f} MB"
    )


if __name__ == "__main__":
    main()
