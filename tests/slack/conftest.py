"""Fixtures for the Slack channel tests: a private SQLite database per test (the
PostgreSQL leg runs where a test asks for `database_url`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    path = tmp_path / "slack.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"
