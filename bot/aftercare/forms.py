"""The aftercare slice's standalone forms, by the prefix of their tokens
(`form:feedback:<session id>`, `form:evaluation:<engagement id>`). The tokens are on forms
already sent, so the values never change."""

from __future__ import annotations

from enum import StrEnum


class AftercareForm(StrEnum):
    FEEDBACK = "form:feedback:"
    EVALUATION = "form:evaluation:"
