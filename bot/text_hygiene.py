"""Text hygiene at the door: what a person types, made safe to read, store and forward.

Every channel's input passes `admit` before anything else sees it (`CoachingBot.handle` is
wrapped with `at_the_door`). It removes what no one means to type and what could mislead a
reader or a terminal — control characters (newline and tab stay), bidirectional overrides
and isolates, NUL bytes (PostgreSQL can't store them), lone surrogates, ANSI escape
sequences — normalises to NFC, and refuses text longer than a limit with a polite message,
storing nothing. Everything here is pure.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from bot.messages import Incoming, Outcome, refusal

MESSAGE_LIMIT = 2000  # characters in one chat message
FIELD_LIMIT = 3000  # characters in one form answer (Slack's own input limit)
VALUE_LIMIT = 2000  # a button's value or a question's token (Slack's button value limit)
FORM_FIELDS_LIMIT = 100  # answers in one form: ours have a handful

# Bidirectional embeddings, overrides, isolates and marks: they can make a name or a date
# read differently from what it is ("Trojan Source").
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and the
# two-character escapes; also the single-character C1 CSI.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_KEPT_CONTROLS = frozenset("\n\t")
_SMALL_NUMBER = re.compile(r"[0-9]{1,12}")


def clean_text(text: str) -> str:
    """`text` without control characters (but newline and tab), bidi controls, NUL, lone
    surrogates or ANSI escapes, line breaks as "\\n", in NFC."""
    text = _LINE_BREAKS.sub("\n", _ANSI.sub("", text))
    kept = "".join(c for c in text if _keep(c))
    return unicodedata.normalize("NFC", kept)


def _keep(char: str) -> bool:
    if char in _KEPT_CONTROLS:
        return True
    if char in BIDI:
        return False
    return unicodedata.category(char) not in {"Cc", "Cs"}


def too_long(limit: int) -> str:
    return (
        f"That's longer than I can take in one message ({limit:,} characters at most) — "
        "could you shorten it?"
    )


def admit(incoming: Incoming) -> Incoming | Outcome:
    """The input cleaned, or a polite refusal when some part of it is too long."""
    text = clean_text(incoming.text)
    if len(text) > MESSAGE_LIMIT:
        return refusal(too_long(MESSAGE_LIMIT))
    value, token = clean_text(incoming.value), clean_text(incoming.token)
    if max(len(value), len(token)) > VALUE_LIMIT:
        return refusal(too_long(VALUE_LIMIT))
    form = None
    if incoming.form is not None:
        if len(incoming.form) > FORM_FIELDS_LIMIT:
            return refusal(too_long(FIELD_LIMIT))
        form = {clean_text(k): clean_text(v) for k, v in incoming.form.items()}
        if any(len(k) > VALUE_LIMIT or len(v) > FIELD_LIMIT for k, v in form.items()):
            return refusal(too_long(FIELD_LIMIT))
    return replace(incoming, text=text, value=value, token=token, form=form)


Bot = TypeVar("Bot")


def at_the_door(
    handle: Callable[[Bot, Incoming], Outcome],
) -> Callable[[Bot, Incoming], Outcome]:
    """Wraps the one door (`CoachingBot.handle`) so every input is `admit`ted first."""

    @functools.wraps(handle)
    def admitted(bot: Bot, incoming: Incoming) -> Outcome:
        checked = admit(incoming)
        return checked if isinstance(checked, Outcome) else handle(bot, checked)

    return admitted


def small_number(text: str, *, digits: int = 3) -> int | None:
    """The number in `text` if it is written with 1 to `digits` ASCII digits (and nothing
    else but surrounding spaces); None otherwise. `str.isdigit` accepts "²" and "①", which
    `int` refuses, and `int` refuses more than 4,300 digits: this never raises."""
    text = text.strip()
    if len(text) > digits or not _SMALL_NUMBER.fullmatch(text):
        return None
    return int(text)
