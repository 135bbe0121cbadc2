"""The container's start-up, without a container engine: what the Dockerfile and compose.yaml
declare, and the very commands they run, run here against a throwaway PostgreSQL database."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from tests.conftest import create_postgres_database, drop_postgres_database

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile() -> dict[str, list[str]]:
    """Each instruction of the Dockerfile (continuation lines joined) by keyword."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    instructions: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            instructions.setdefault(keyword.upper(), []).append(rest.strip())
    return instructions


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def _interpolate(value: str) -> str:
    """Compose's `${NAME:-default}` with nothing set: the default."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def _healthcheck_command() -> str:
    """The HEALTHCHECK's command, a shell command line."""
    (healthcheck,) = _dockerfile()["HEALTHCHECK"]
    return healthcheck.split(" CMD ", 1)[1]


def test_the_image_is_slim_python_311_runs_as_a_user_and_serves_on_all_addresses() -> None:
    instructions = _dockerfile()
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in [f"ARG {a}" for a in instructions["ARG"]]
    assert instructions["FROM"] == ["${PYTHON_IMAGE} AS build", "${PYTHON_IMAGE}"]
    (user,) = instructions["USER"]
    assert user not in {"root", "0"}
    assert any(f"--uid {user}" in run or f" {user}" in run for run in instructions["RUN"])
    entrypoint = json.loads(instructions["ENTRYPOINT"][0])
    command = json.loads(instructions["CMD"][0])
    assert [*entrypoint, *command] == ["coachpool", "serve", "--host", "0.0.0.0"]
    assert instructions["EXPOSE"] == ["3000"]
    assert "PORT=3000" in " ".join(instructions["ENV"])
    assert _healthcheck_command().startswith("python3 -c ")
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "tests", "*.db"} <= set(ignored)


def test_compose_starts_coachpool_after_a_healthy_postgres() -> None:
    services = _compose()["services"]
    postgres, coachpool = services["postgres"], services["coachpool"]
    assert postgres["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert coachpool["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    database = make_url(_interpolate(coachpool["environment"]["DATABASE_URL"]))
    assert (database.drivername, database.host, database.port) == ("postgresql", "postgres", 5432)
    environment = postgres["environment"]
    assert (database.username, database.database) == (
        environment["POSTGRES_USER"],
        environment["POSTGRES_DB"],
    )
    assert database.password == _interpolate(environment["POSTGRES_PASSWORD"])
    assert coachpool["entrypoint"][-1].startswith("coachpool db upgrade")
    assert coachpool["healthcheck"]["test"] == ["CMD-SHELL", _healthcheck_command()]
    assert coachpool["ports"] == ["127.0.0.1:3000:3000"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def empty_postgres(postgres_admin: Engine) -> Iterator[str]:
    """A new, empty database, as the postgres container creates on its first start."""
    name = f"coachpool_compose_{secrets.token_hex(4)}"
    url = create_postgres_database(postgres_admin, name)
    try:
        yield url
    finally:
        drop_postgres_database(postgres_admin, name)


@pytest.mark.postgres
def test_the_compose_start_up_commands_migrate_serve_and_pass_the_healthcheck(
    empty_postgres: str,
) -> None:
    coachpool = _compose()["services"]["coachpool"]
    port = _free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    environ.update(
        {k: _interpolate(v) for k, v in coachpool["environment"].items() if v is not None}
    )
    # The same commands, on this machine: its PostgreSQL for the postgres service, a free port.
    environ["DATABASE_URL"] = empty_postgres
    environ["PORT"] = str(port)
    environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environ.get('PATH', '')}"
    healthcheck = ["sh", "-c", _healthcheck_command()]

    server = subprocess.Popen(
        coachpool["entrypoint"],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answer = None
        deadline = time.monotonic() + 90
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None, "the start-up commands did not serve /healthz"
        assert answer.json()["status"] == "ok"
        healthy = subprocess.run(healthcheck, env=environ, timeout=30, check=False)
        assert healthy.returncode == 0
    finally:
        server.send_signal(signal.SIGTERM)
        out, errors = server.communicate(timeout=30)
    assert server.returncode in {0, -signal.SIGTERM}, errors
    assert out == ""
    entries = [json.loads(line) for line in errors.splitlines()]  # only JSON lines
    assert any(e["message"] == "coachpool server started" for e in entries)
    assert "\x1b" not in errors

    # Once the server is gone, the healthcheck fails.
    unhealthy = subprocess.run(
        healthcheck, env=environ, timeout=30, check=False, capture_output=True
    )
    assert unhealthy.returncode != 0
