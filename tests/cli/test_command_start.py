"""A command loads only what it uses: the chat SDKs, the server, the charts and Alembic
(on a database already at the head revision) stay out of the inspection commands, and
of the command modules only the one of the command being run is imported, so they start
quickly (bench/bench_command_start.py measures how quickly)."""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from handlers.cli.commands import COMMANDS, command_named, register_module
from handlers.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
# Each costs tens to hundreds of milliseconds to import, and none is used by these commands.
HEAVY = (
    "slack_bolt", "slack_sdk", "msal", "microsoft_teams", "aiohttp", "matplotlib", "starlette",
    "uvicorn", "apscheduler", "jinja2", "openpyxl", "httpx", "alembic", "holidays",
)  # fmt: skip
# A command that never opens the pool (parse-when, --help) needs no database toolkit either.
WITHOUT_A_POOL = (*HEAVY, "sqlalchemy")
COMMAND_MODULES = {f"handlers.cli.{c.module}" for c in COMMANDS.values()}
# What a listing does not use: other commands' needs (export: the reports; rotate-secrets:
# cryptography), the door, the matching and the coaching slices.
UNUSED_BY_LISTINGS = (
    "cryptography", "bot.app", "bot.reports", "bot.matching", "bot.requests", "bot.booking",
    "bot.engagements", "bot.coaches", "bot.overview",
)  # fmt: skip


def _loaded_by(*argv: str, heavy: tuple[str, ...] = HEAVY) -> tuple[set[str], str]:
    """Run the command in a fresh interpreter; the heavy packages and the modules named in
    `heavy` it imported, and its output."""
    script = (
        "import sys, json\n"
        "from handlers.cli.main import main\n"
        "try:\n"
        f"    code = main({list(argv)!r}) if {bool(argv)!r} else 0\n"
        "except SystemExit as exit:\n"  # --help
        "    code = exit.code\n"
        "sys.stdout.flush()\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
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
    modules = json.loads(done.stderr.strip().splitlines()[-1])
    loaded = {m.split(".")[0] for m in modules} | set(modules)
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


@pytest.mark.parametrize(
    ("command", "module"),
    [(["people", "--json"], "inspect_cmds"), (["requests", "--json"], "inspect_cmds")],
)
def test_a_listing_loads_its_own_command_module_and_nothing_it_does_not_use(
    pool: str, command: list[str], module: str
) -> None:
    lazy = (*COMMAND_MODULES, *UNUSED_BY_LISTINGS)
    loaded, out = _loaded_by("--database", pool, *command, heavy=lazy)
    assert loaded == {f"handlers.cli.{module}"}
    assert out


def test_help_lists_every_command_without_loading_any_command_module() -> None:
    loaded, out = _loaded_by("--help", heavy=(*WITHOUT_A_POOL, *COMMAND_MODULES))
    assert loaded == set()
    for name, command in COMMANDS.items():
        assert name in out
        assert command.help.split()[0] in out


def test_each_command_is_defined_by_the_module_the_table_names() -> None:
    commands = argparse.ArgumentParser().add_subparsers()
    for module in dict.fromkeys(c.module for c in COMMANDS.values()):
        assert register_module(commands, module) == [
            name for name, command in COMMANDS.items() if command.module == module
        ]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["people", "--json"], "people"),
        (["--database", "pool.db", "requests"], "requests"),
        (["--database=pool.db", "requests"], "requests"),
        (["--data", "people", "requests"], "requests"),  # an abbreviation takes its value
        (["--", "parse-when", "--now"], "parse-when"),
        (["--help"], None),
        (["-h", "people"], None),  # the help that lists every command
        (["--database", "pool.db", "--he"], None),
        ([], None),
    ],
)
def test_the_command_is_read_from_the_arguments_as_argparse_reads_them(
    argv: list[str], command: str | None
) -> None:
    assert command_named(argv) == command


def test_a_command_after_the_database_option_runs_with_its_own_arguments(pool: str) -> None:
    heavy, out = _loaded_by(f"--database={pool}", "people", "--role", "coach", "--json")
    assert heavy == set()
    assert all("coach" in person["roles"] for person in json.loads(out))


def _in_a_fresh_interpreter(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_script_collects_garbage_again_once_the_application_is_wired(pool: str) -> None:
    """`coachpool serve` must not run without the collector: bootstrap resumes it."""
    report = _in_a_fresh_interpreter(
        "import gc\n"
        "from handlers.startup import pause_collection\n"
        "pause_collection()\n"
        "paused = not gc.isenabled()\n"
        "from handlers.bootstrap import bootstrap\n"
        f"bootstrap(database_url={pool!r}, create=False)\n"
        "print(paused, gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    assert report == "True True True"


def test_the_script_resumes_collection_after_a_command_that_opens_no_pool() -> None:
    report = _in_a_fresh_interpreter(
        "import gc, sys\n"
        "from handlers.cli.main import console\n"
        "sys.argv = ['coachpool', 'parse-when', 'Tuesday afternoon', '--json']\n"
        "code = console()\n"
        "print(code, gc.isenabled())\n"
    )
    assert report == "0 True"


def test_main_called_in_a_program_leaves_the_collector_alone(pool: str) -> None:
    frozen = gc.get_freeze_count()
    assert main(["--database", pool, "people", "--json"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
