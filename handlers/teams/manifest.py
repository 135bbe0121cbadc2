"""The Teams app package: manifest.json (schema 1.22) and the two icons, zipped.

A personal-scope bot only (one-to-one chats), with `supportsFiles` for the .ics invite
and the commands people can pick from the compose box.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from importlib.resources import files
from typing import Any

# The icons Teams asks for: a 192x192 colour icon and a 32x32 white outline on transparency,
# two linked rings (a coach and a coachee) on the accent colour. Shipped as files beside this.
ICONS = files("handlers.teams") / "assets"
ACCENT = (0x1F, 0x6F, 0x66)  # the manifest's accentColor #1F6F66, the colour icon's background

MANIFEST_VERSION = "1.22"
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
PLACEHOLDER_SITE = "example.org"

COMMANDS = (
    ("coaching", "Ask for coaching, in your own words"),
    ("sessions", "See and change your booked sessions"),
    ("my requests", "See or withdraw your coaching requests"),
    ("pending", "Coaches: requests waiting for your answer"),
    ("availability", "Coaches: your weekly availability"),
    ("help", "What I can do for you"),
)


def manifest(*, app_id: str, domain: str | None, version: str) -> dict[str, Any]:
    if not GUID.match(app_id):
        raise ValueError(f"the app id must be the bot's Microsoft App ID (a GUID), not {app_id!r}")
    site = f"https://{domain or PLACEHOLDER_SITE}"
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": "Coaching pool",
            "websiteUrl": site,
            "privacyUrl": f"{site}/privacy",
            "termsOfUseUrl": f"{site}/terms",
        },
        "name": {"short": "Coaching pool", "full": "Coaching pool for public services"},
        "description": {
            "short": "Free coaching from a trained coach in another member organisation.",
            "full": (
                "Ask for coaching in your own words, choose a coach from a shortlist with "
                "the reasons each was matched, and book a time in chat. Coaches answer "
                "requests, keep their availability and confirm sessions; reminders, "
                "invites and feedback come to you here. Coaching is confidential."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal"],
                "supportsFiles": True,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal"],
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [domain] if domain else [],
    }


def package(*, app_id: str, domain: str | None, version: str) -> bytes:
    """The zip to upload: the three files at its root."""
    files = {
        "manifest.json": json.dumps(
            manifest(app_id=app_id, domain=domain, version=version), indent=2
        ).encode(),
        "color.png": (ICONS / "color.png").read_bytes(),
        "outline.png": (ICONS / "outline.png").read_bytes(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            # A fixed date keeps the package byte-for-byte reproducible.
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()
