"""What the digest slice answers: Monday's digest, rendered when it is sent."""

from __future__ import annotations

from bot.digest.kinds import DigestKind
from bot.digest.schedule import render_digest
from bot.lapse import within
from bot.registry import Registry, Timer


def register(registry: Registry) -> None:
    # Next Monday's digest replaces a week-old one.
    registry.add_timer(DigestKind.DIGEST, Timer(render_digest, within(6, "a weekly digest")))
