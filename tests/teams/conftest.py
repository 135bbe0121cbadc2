"""Fixtures for the Teams channel tests: the fake Microsoft services (once per module)
and the real ASGI app served by uvicorn on 127.0.0.1 (per test), with a sample pool in the
store and a simulated clock."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest
from teams_rig import (
    CATHERINE,
    DUDLEY_TENANT,
    FAST,
    SAM,
    SHROPSHIRE_TENANT,
    START,
    Fakes,
    Recorder,
    TeamsRig,
    serving,
    set_tenants,
)

from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.channels import ChannelContext
from handlers.metrics.instruments import Metrics
from handlers.pool.sample import load_sample_pool
from handlers.server.app import create_app
from handlers.teams.registrations import registrations_from_environ
from handlers.teams.runtime import start_teams


def pytest_configure(config: pytest.Config) -> None:
    # The SDK builds a deprecated client of its own for every activity; not ours to fix.
    config.addinivalue_line(
        "filterwarnings", "ignore:The bot client is deprecated:DeprecationWarning"
    )


@pytest.fixture(scope="module")
def fakes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fakes]:
    with Fakes.running(tmp_path_factory.mktemp("tls")) as running:
        yield running


@pytest.fixture
def teams_environ(fakes: Fakes) -> Mapping[str, str]:
    """The channel's configuration: one registration (MICROSOFT_APP_*) unless a test module
    overrides this fixture."""
    return fakes.environ()


@pytest.fixture
def teams(
    fakes: Fakes,
    teams_environ: Mapping[str, str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[TeamsRig]:
    # msal's HTTP library (requests) reads its CA bundle from the process environment.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(fakes.ca_bundle))
    # Loopback only, whatever proxy the machine is configured with.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    fakes.connector.seen.clear()
    fakes.connector.failures.clear()
    fakes.connector.members.update({m.user_id: m for m in (SAM, CATHERINE)})
    fakes.login.seen.clear()
    clock = SimulatedClock(START)
    application = bootstrap(database_url=database_url, clock=clock)
    load_sample_pool(application.store, now=clock.now())
    set_tenants(application, {"dudley": DUDLEY_TENANT, "shropshire": SHROPSHIRE_TENANT})
    kicks: list[int] = []

    async def dispatch_soon() -> None:
        kicks.append(1)

    metrics = Metrics()  # wired as `coachpool serve` wires it
    context = ChannelContext(
        application=application,
        environ=teams_environ,
        dispatch_soon=dispatch_soon,
        observer=metrics,
    )
    registrations = registrations_from_environ(context.environ)
    assert registrations
    mount = start_teams(context, *registrations, policy=FAST)
    try:
        with serving(create_app(application, mounts=[mount], metrics=metrics)) as url:
            yield TeamsRig(application, clock, fakes, mount, url, Recorder(), kicks, metrics)
    finally:
        application.store.close()
