"""What identifies one person in stored text: the strings erasure searches for and scrubs.

Exact strings (email, platform user ids, DM channel ids) are found anywhere, ignoring case;
names are found as whole words with their capital (so "Sam" matches "Thanks Sam," but not
"Samaritans" or "sample"), which keeps false matches on other people's messages rare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.domain import Identity, Person

# What a scrubbed mention reads as, in a message that must survive (e.g. one still queued).
STAND_IN = "a pool member"
# Short ids and names match too much by chance ("Al", "U1"): never searched for alone.
SHORTEST = 3
# The parts of a stored conversation reference that are the person's own; the rest (the
# tenant, the service's address, the bot) is shared with everyone in their organisation.
PERSONAL_REFERENCE_KEYS = ("channel", "conversation_id", "user_id", "aad_object_id")


@dataclass(frozen=True)
class PersonTraces:
    exact: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        parts = [re.escape(s) for s in sorted(self.exact, key=len, reverse=True)]
        # Longest first, so the full name is replaced before its parts.
        parts += [
            rf"(?<![\w@.]){re.escape(n)}(?!\w)" for n in sorted(self.names, key=len, reverse=True)
        ]
        if parts:
            # Exact strings ignore case; names keep theirs (inline flags per alternative).
            exact = [f"(?i:{p})" for p in parts[: len(self.exact)]]
            pattern = re.compile("|".join([*exact, *parts[len(self.exact) :]]))
            object.__setattr__(self, "_pattern", pattern)

    def found_in(self, text: str) -> bool:
        return self._pattern is not None and self._pattern.search(text) is not None

    def scrub(self, text: str, stand_in: str = STAND_IN) -> str:
        return self._pattern.sub(stand_in, text) if self._pattern is not None else text

    def found_in_json(self, value: Any) -> bool:
        return any(self.found_in(s) for s in _strings(value))

    def scrub_json(self, value: Any, stand_in: str = STAND_IN) -> Any:
        """A copy of a JSON-like value with every mention replaced, keys included."""
        if isinstance(value, str):
            return self.scrub(value, stand_in)
        if isinstance(value, list | tuple):
            return [self.scrub_json(v, stand_in) for v in value]
        if isinstance(value, dict):
            return {
                self.scrub(str(k), stand_in): self.scrub_json(v, stand_in) for k, v in value.items()
            }
        return value


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)


def traces_of(person: Person, identities: Iterable[Identity]) -> PersonTraces:
    exact = {person.email.strip()}
    for identity in identities:
        exact.add(identity.user_id)
        exact.update(str(identity.conversation_ref.get(key, "")) for key in PERSONAL_REFERENCE_KEYS)
    name = " ".join(person.name.split())
    names = {name, *name.split()} if name else set()
    return PersonTraces(
        exact=tuple(sorted(e for e in exact if len(e) >= SHORTEST)),
        names=tuple(sorted(n for n in names if len(n) >= SHORTEST)),
    )
