"""One running app with both channels mounted: the Slack harness (`running_pool`, fake
Slack Web API) and the Teams channel against the Teams fakes, driven by the same
dispatcher. Drive Slack people through `slack` and Teams people through `teams`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from teams_rig import FAST, Fakes, Recorder, TeamsRig, set_tenants

from handlers.channels import ChannelContext, ChannelMount
from handlers.teams.runtime import start_teams
from handlers.teams.settings import TeamsSettings
from tests.slack.slack_harness import Harness, running_pool


@dataclass
class CrossChannel:
    slack: Harness
    teams: TeamsRig


def _teams_mount(context: ChannelContext) -> ChannelMount:
    settings = TeamsSettings.from_environ(context.environ)
    assert settings is not None, "the Teams settings are missing from the environment"
    return start_teams(context, settings, policy=FAST)


@contextmanager
def both_channels(
    database_url: str, fakes: Fakes, *, tenants: dict[str, str]
) -> Iterator[CrossChannel]:
    """The sample pool behind one app serving /slack/events and /api/messages; every
    person is a Slack user in their council's workspace, and the councils in `tenants`
    (slug -> tenant id) also have Teams."""
    with running_pool(
        database_url, oauth=True, environ=fakes.environ(), mounters=[_teams_mount]
    ) as slack:
        set_tenants(slack.application, tenants)
        (mount,) = slack.mounts
        teams = TeamsRig(slack.application, slack.clock, fakes, mount, slack.url, Recorder(), [])
        yield CrossChannel(slack, teams)
