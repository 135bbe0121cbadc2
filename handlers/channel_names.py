"""The channels this build has, by the names the store keeps for them.

The core knows a channel only as an opaque name (`bot.domain.Channel`); which ones exist is
the edges' business. These values are in stored rows (identities, conversations,
organisations' memberships): never change one. A new channel may name itself here or in
its own package.
"""

from __future__ import annotations

from bot.domain import Channel

SLACK = Channel("slack")
TEAMS = Channel("teams")
# A terminal: `coachpool chat`, the demo, and the inbox of people on no chat platform.
CONSOLE = Channel("console")
