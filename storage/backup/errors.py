"""What a backup or a restore refuses, each in one line."""

from __future__ import annotations

from bot.ports.errors import StoreError


class NotABackup(StoreError):
    """The file is not a coachpool backup, or one this coachpool cannot read (a newer schema)."""


class TargetNotEmpty(StoreError):
    """The database to restore into already holds a pool, and --replace was not given."""
