"""Block Kit's limits (docs.slack.dev/reference/block-kit) and fitting text inside them.

Slack rejects a whole message when one field is too long, so everything we send is cut
to size on the way out, never trusted to fit.
"""

from __future__ import annotations

from collections.abc import Callable

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100  # a modal or the Home tab
SECTION_TEXT = 3000
FIELD_TEXT = 2000
SECTION_FIELDS = 10
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
CONTEXT_TEXT = 2000
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ID = 255
BLOCK_ID = 255
ACTIONS_ELEMENTS = 25
MODAL_TITLE = 24
MODAL_BUTTON = 24  # submit and close labels
INPUT_LABEL = 2000
INPUT_HINT = 2000
PLACEHOLDER = 150
INPUT_VALUE = 3000  # plain_text_input max_length and initial_value
SELECT_OPTIONS = 100
OPTION_TEXT = 75
OPTION_VALUE = 150
PRIVATE_METADATA = 3000
# chat.postMessage accepts 40,000 characters of `text`; as a notification line it only
# needs the start, and a short fallback keeps messages light.
FALLBACK_TEXT = 3000

ELLIPSIS = "…"


def size(text: str) -> int:
    """Length as Slack counts it: UTF-16 code units, so an emoji counts as two."""
    return len(text.encode("utf-16-le")) // 2


Measure = Callable[[str], int]


def prefix(text: str, limit: int, *, measure: Measure = size) -> str:
    """The longest start of `text` that measures at most `limit`."""
    if measure(text) <= limit:
        return text
    low, high = 0, min(len(text), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low]


def cut(text: str, limit: int, *, measure: Measure = size) -> str:
    """`text`, shortened with an ellipsis if it measures more than `limit`."""
    if measure(text) <= limit:
        return text
    return prefix(text, limit - size(ELLIPSIS), measure=measure).rstrip() + ELLIPSIS


def pages(text: str, limit: int, *, measure: Measure = size) -> list[str]:
    """`text` in pieces that each measure at most `limit`, broken at line ends where
    possible, else at a space, else anywhere."""
    out: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if measure(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        rest = line
        while measure(rest) > limit:
            head = prefix(rest, limit, measure=measure)
            space = head.rfind(" ")
            head = head[:space] if space > len(head) // 2 else head
            out.append(head)
            rest = rest[len(head) :].lstrip()
        current = rest
    if current or not out:
        out.append(current)
    return out
