"""A command loads only what it uses: the chat SDKs, the server, the charts and Alembic
(on a database already at the head revision) stay out of the inspection commands, so
they start quickly (bench/bench_command_start.py measures how quickly)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handlers.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
# Each costs tens to hundreds of milliseconds to import, and none is used by these commands.
HEAVY = (
    "slack_bolt", "slack_sdk", "msal", "microsoft_teams", "aiohttp", "matplotlib", "starlette",
    "uvicorn", "apscheduler", "jinja2", "openpyxl", "httpx", "alembic", "holidays",
)  # fmt: skip
# A command that never opens the pool (parse-when, --help) needs no database toolkit either.
WITHOUT_A_POOL = (*HEAVY, "sqlalchemy")


def _loaded_by(*argv: str, heavy: tuple[str, ...] = HEAVY) -> tuple[set[str], str]:
    """Run the command in a fresh interpreter; the heavy packages it imported, and its output."""
    script = (
        "import sys, json\n"
        "from handlers.cli.main import main\n"
        f"code = main({list(argv)!r}) if {bool(argv)!r} else 0\n"
        "sys.stdout.flush()\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    return loaded & set(heavy), done.stdout


@pytest.fixture
def pool(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    return url


def test_importing_the_command_line_loads_no_heavy_package() -> None:
    heavy, _ = _loaded_by(heavy=WITHOUT_A_POOL)
    assert heavy == set()


@pytest.mark.parametrize("command", [["people", "--json"], ["requests", "--json"]])
def test_inspection_commands_load_no_heavy_package(pool: str, command: list[str]) -> None:
    heavy, out = _loaded_by("--database", pool, *command)
    assert heavy == set()
    assert isinstance(json.loads(out), list)


def test_parse_when_loads_no_heavy_package() -> None:
    heavy, out = _loaded_by(
        "parse-when",
        "Tuesday afternoon",
        "--now",
        "2026-11-25T10:00:00+00:00",
        "--json",
        heavy=WITHOUT_A_POOL,
    )
    assert heavy == set()
    assert json.loads(out)["windows"]
