"""`coachpool serve` as an operator runs it: a real process answering /healthz."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from handlers.cli.main import main


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environ(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a `coachpool serve` on a new pool, set up as an operator would."""
    database = f"sqlite:///{tmp_path / 'serve.db'}"
    if not (tmp_path / "serve.db").exists():
        assert main(["--database", database, "db", "upgrade"]) == 0
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    environ.pop("LOG_LEVEL", None)
    environ["DATABASE_URL"] = database
    environ.update(settings)
    return environ


def _serve_once(environ: dict[str, str], *args: str) -> tuple[httpx.Response, int, str]:
    """Start `coachpool serve`, ask /healthz once, stop it: the answer, exit status, stderr."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli.main", "serve", "--port", str(port), *args],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answer = _wait_for_health(port, server)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert answer is not None, f"coachpool serve did not answer within a minute: {errors}"
    return answer, server.returncode, errors


def _wait_for_health(port: int, server: subprocess.Popen[str]) -> httpx.Response | None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    return None


def test_serve_answers_healthz_and_stops_cleanly(tmp_path: Path) -> None:
    answer, returncode, errors = _serve_once(_environ(tmp_path))
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["channels"] == []
    # uvicorn shuts down gracefully, then re-raises the signal it was stopped with.
    assert returncode in {0, -signal.SIGTERM}, errors
    assert '"message": "coachpool server started"' in errors  # one JSON object a line
    assert '"message": "Application shutdown complete."' in errors


def test_serve_logs_only_plain_json_lines(tmp_path: Path) -> None:
    _, _, errors = _serve_once(_environ(tmp_path))
    entries = [json.loads(line) for line in errors.splitlines()]  # each line is one object
    assert "\x1b" not in errors
    assert "\\u001b" not in errors  # no colour codes, raw or JSON-escaped
    assert all("color_message" not in entry for entry in entries)
    loggers = {entry["logger"] for entry in entries}
    assert "coachpool.server" in loggers
    assert not {name for name in loggers if name.startswith(("alembic", "apscheduler"))}
    assert any(e["message"].startswith("Uvicorn running on http://") for e in entries)


def test_log_level_warning_keeps_only_warnings(tmp_path: Path) -> None:
    answer, _, errors = _serve_once(_environ(tmp_path, LOG_LEVEL="warning"))
    assert answer.status_code == 200
    assert '"level": "info"' not in errors
    assert "coachpool server started" not in errors


def test_an_unknown_log_level_is_one_clear_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "serve"],
        env=_environ(tmp_path, LOG_LEVEL="loud"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "coachpool: LOG_LEVEL='LOUD' is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
    )


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


def test_port_and_dispatcher_tick_come_from_the_environment(tmp_path: Path) -> None:
    port = _free_port()
    environ = _environ(tmp_path, PORT=str(port), COACHPOOL_DISPATCH_EVERY="1", LOG_LEVEL="debug")
    server = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli.main", "serve"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answer = _wait_for_health(port, server)
        time.sleep(2.5)  # long enough for a 1 s tick to run twice
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert answer is not None and answer.status_code == 200, errors
    ticks = [line for line in errors.splitlines() if "Running job" in line]
    assert ticks, errors
    assert all("interval[0:00:01]" in line for line in ticks)


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("PORT", "http", "coachpool: PORT='http' is not a port number (1 to 65535)"),
        (
            "COACHPOOL_DISPATCH_EVERY",
            "15s",
            "coachpool: COACHPOOL_DISPATCH_EVERY='15s' is not a number of seconds from 1 to 3600",
        ),
    ],
)
def test_a_bad_serve_setting_is_one_clear_line(
    tmp_path: Path, name: str, value: str, said: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "serve"],
        env=_environ(tmp_path, **{name: value}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr.strip()) == (2, said)


def test_serve_on_a_missing_sqlite_file_says_so_and_creates_nothing(tmp_path: Path) -> None:
    environ = _environ(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'typo.db'}")
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "serve", "--port", str(_free_port())],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"coachpool: SQLite file {tmp_path / 'typo.db'} does not exist")
    assert len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "typo.db").exists()


def test_serve_answers_metrics_and_its_dispatcher_reports_there(tmp_path: Path) -> None:
    port = _free_port()
    environ = _environ(tmp_path, PORT=str(port), COACHPOOL_DISPATCH_EVERY="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli.main", "serve"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for_health(port, server) is not None
        deadline, last_pass, text = time.monotonic() + 20, 0.0, ""
        while last_pass == 0 and time.monotonic() < deadline:
            text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
            last_pass = next(
                s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
                if s.name == "coachpool_dispatcher_last_pass_timestamp_seconds"
            )
            time.sleep(0.2)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert last_pass > 0, errors  # the scheduler's tick reports to the same registry
    assert "coachpool_outbox_due 0.0" in text
    assert "coachpool_store_up 1.0" in text
