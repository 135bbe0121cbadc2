"""The requests slice's standalone form: the request form, which starts intake all at
once. Its token is on forms already sent, so the value never changes."""

from __future__ import annotations

from enum import StrEnum


class RequestForm(StrEnum):
    # Its submission starts a request afresh, whatever was under way.
    INTAKE = "form:intake"
