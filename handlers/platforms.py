"""The chat platforms this build can serve; each mounts only when its settings are present."""

from __future__ import annotations

from handlers.channels import Mounter
from handlers.slack.mount import mount as slack_mount
from handlers.teams.mount import mount as teams_mount

MOUNTERS: tuple[Mounter, ...] = (slack_mount, teams_mount)
