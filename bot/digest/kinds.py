"""The digest slice's outbox kind: coordinators' Monday figures. Stored in rows already
queued, so the value never changes."""

from __future__ import annotations

from enum import StrEnum


class DigestKind(StrEnum):
    DIGEST = "digest"
