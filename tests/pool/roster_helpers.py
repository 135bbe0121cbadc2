"""Organisations and CSV snippets shared by the roster tests."""

from __future__ import annotations

from bot.domain import Organisation
from bot.pool.roster import RosterParse
from handlers.pool.roster_csv import parse_roster

ORGANISATIONS = (
    Organisation(1, "birmingham", "Birmingham City Council"),
    Organisation(2, "dudley", "Dudley Metropolitan Borough Council"),
    Organisation(3, "telford-wrekin", "Telford & Wrekin Council"),
)

HEADER = (
    "email,name,organisation,accreditation,specialisms,bio,formats,locations,max_coachees,"
    "max_hours_per_month,availability,timezone,paused,pause_reason,job_title,directorate"
)


def parse(text: str) -> RosterParse:
    return parse_roster(text, known_organisations=ORGANISATIONS)


def messages(result: RosterParse) -> list[str]:
    return [str(error) for error in result.errors]
