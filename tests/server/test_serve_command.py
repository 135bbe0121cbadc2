"""`coachpool serve` as an operator runs it: a real process answering /healthz."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_answers_healthz_and_stops_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    environ["DATABASE_URL"] = f"sqlite:///{tmp_path / 'serve.db'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli.main", "serve", "--port", str(port)],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None, "coachpool serve did not answer within a minute"
        assert answer.status_code == 200
        assert answer.json()["status"] == "ok"
        assert answer.json()["channels"] == []
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    # uvicorn shuts down gracefully, then re-raises the signal it was stopped with.
    assert server.returncode in {0, -signal.SIGTERM}, errors
    assert '"message": "coachpool server started"' in errors  # one JSON object a line
    assert '"message": "Application shutdown complete."' in errors


def test_socket_mode_without_an_app_token_is_a_clear_error(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    environ["DATABASE_URL"] = f"sqlite:///{tmp_path / 'serve.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "serve", "--socket-mode"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "coachpool: --socket-mode needs SLACK_APP_TOKEN (an app-level token, xapp-...)"
    )
