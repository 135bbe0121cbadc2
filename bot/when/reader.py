"""A cursor over the tokens, shared by the phrase rules in ``dayphrases`` and ``timephrases``."""

from __future__ import annotations

from bot.when.atoms import Item
from bot.when.tokens import Token

# Token kinds that can begin a day or time phrase (used to decide what a "not" applies to).
PHRASE_STARTS = frozenset(
    {
        "weekday", "rel", "date", "daterange", "weekref", "wc", "part", "time", "clock",
        "dotclock", "num", "mod", "unit", "month", "ordinal", "weekon", "freq",
    }
)  # fmt: skip
DAY_STARTS = frozenset({"weekday", "rel", "date", "daterange", "weekref", "wc", "ordinal"})


class Reader:
    """The tokens, the position reached, and the items recognised so far."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.items: list[Item] = []
        self.unused: list[Token] = []  # words about time that no rule could place

    def at(self, offset: int = 0) -> Token | None:
        index = self.pos + offset
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def kind(self, offset: int = 0) -> str:
        token = self.at(offset)
        return token.kind if token else ""

    def key(self, offset: int = 0) -> str:
        token = self.at(offset)
        return token.key if token else ""

    def token(self, offset: int = 0) -> Token:
        token = self.at(offset)
        if token is None:
            raise IndexError(offset)
        return token

    def text(self, count: int, start: int = 0) -> str:
        """The text of ``count`` tokens from ``start``, as the person wrote them."""
        return " ".join(self.token(start + i).text for i in range(count))

    def is_word(self, offset: int, words: frozenset[str]) -> bool:
        return self.kind(offset) == "word" and self.key(offset) in words

    def skip(self, offset: int, kinds: frozenset[str], keys: frozenset[str]) -> int:
        """The first offset from ``offset`` whose token isn't one of ``keys`` of ``kinds``."""
        while self.kind(offset) in kinds and self.key(offset) in keys:
            offset += 1
        return offset

    def emit(self, item: Item, consumed: int) -> bool:
        self.items.append(item)
        self.pos += consumed
        return True
