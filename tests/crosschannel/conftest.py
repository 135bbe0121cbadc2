"""Fixtures for the tests that cross channels: the Teams fakes of tests/teams, once per
module, next to the fake Slack that `running_pool` starts per test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The Teams helpers import each other as top-level modules (tests/teams has no package);
# share those very modules rather than a second copy under another name.
_TEAMS = str(Path(__file__).resolve().parents[1] / "teams")
if _TEAMS not in sys.path:
    sys.path.insert(0, _TEAMS)

from teams_rig import Fakes  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    # The Teams SDK builds a deprecated client of its own for every activity.
    config.addinivalue_line(
        "filterwarnings", "ignore:The bot client is deprecated:DeprecationWarning"
    )


@pytest.fixture(scope="module")
def teams_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fakes]:
    with Fakes.running(tmp_path_factory.mktemp("tls")) as running:
        yield running


@pytest.fixture
def fakes(teams_services: Fakes, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """The Teams fakes, with nothing recorded yet, and this process set up to reach them."""
    # msal's HTTP library (requests) reads its CA bundle from the process environment.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(teams_services.ca_bundle))
    # Loopback only, whatever proxy the machine is configured with.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    teams_services.connector.seen.clear()
    teams_services.connector.failures.clear()
    teams_services.connector.members.clear()
    teams_services.login.seen.clear()
    return teams_services
