"""From tokens to a stream of items: day and time atoms, list joints, breaks and negations.

Rules are tried in a fixed order at each position: time phrases first (so "at 2" is a time before
"at" is dropped as a filler), then day phrases, then parts of the day, negations and punctuation.
Words the grammar doesn't know break a phrase, which is how the rest of a message is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeGuard

from bot.when.atoms import At, Between, Break, Item, Joint, Negation, Open, Part
from bot.when.dayphrases import day_rule
from bot.when.reader import PHRASE_STARTS, Reader
from bot.when.timephrases import counted, time_rule, with_context
from bot.when.tokens import Token
from bot.when.vocabulary import EVENT_NOUNS, NEGATION_OBJECT_VERBS, PARTS_OF_DAY, TIMEISH_WORDS

_SKIPPABLE = frozenset({"prep", "filler"})


def read_items(tokens: list[Token]) -> list[Item]:
    """The items of a tokenised message, with parts of the day attached to times beside them."""
    return read(tokens)[0]


def read(tokens: list[Token]) -> tuple[list[Item], list[Token]]:
    """The items, and the tokens about time that no rule could place (see ``_unplaced``)."""
    reader = Reader(tokens)
    while reader.pos < len(tokens):
        if not any(rule(reader) for rule in _RULES):
            if _unplaced(reader):
                reader.unused.append(reader.token())
            reader.pos += 1  # a filler, or a number that isn't a time
    return _attach_parts(reader.items), reader.unused


_TIMEISH_KINDS = frozenset(
    {"weekday", "rel", "date", "daterange", "weekref", "wc", "part", "time", "clock",
     "dotclock", "ordinal", "weekon", "freq", "month"}
)  # fmt: skip
_TIMEISH_MODIFIERS = frozenset({"next", "last", "following", "coming"})
_TIMEISH_UNITS = frozenset({"week", "weeks", "fortnight", "weekend", "weekends"})


def _unplaced(r: Reader) -> bool:
    """Whether the token no rule took says something about time, so leaving it out of the
    reading would change what the person said ("early next week", a stray "1:1")."""
    token, kind = r.token(), r.kind()
    if kind in _TIMEISH_KINDS:
        return True
    if kind == "num":  # not a count ("2-3 sessions") or a label ("ILM 7", "team of 5")
        label = r.kind(-1) == "word" or r.key(-1) == "of"
        count = counted(r, 1) or (r.kind(1) in {"dash", "to"} and counted(r, 3))
        return token.n <= 24 and not label and not count
    if kind == "mod":
        return token.key in _TIMEISH_MODIFIERS
    if kind == "unit":
        return token.key in _TIMEISH_UNITS
    return kind == "word" and token.key in TIMEISH_WORDS


def _part_rule(r: Reader) -> bool:
    if r.kind() != "part":
        return False
    token = r.token()
    start, end = PARTS_OF_DAY[token.key]
    return r.emit(Part(token.key, start, end, token.text, token.plural), 1)


def _negation_rule(r: Reader) -> bool:
    kind = r.kind()
    if kind == "neg":
        return r.emit(Negation(bound=_phrase_follows(r, 1)), 1)
    if kind == "negverb":  # "can't do Monday" is bound; "can't wait" is not
        verb = r.is_word(1, NEGATION_OBJECT_VERBS)
        return r.emit(Negation(bound=verb and _phrase_follows(r, 2)), 2 if verb else 1)
    if kind == "negcue":
        return r.emit(Negation(bound=False), 1)
    if kind == "word" and r.key() in EVENT_NOUNS and _phrase_follows(r, 1):
        return r.emit(Negation(bound=True), 1)  # "a board next week": busy then
    return False


def _phrase_follows(r: Reader, offset: int) -> bool:
    while r.kind(offset) in _SKIPPABLE or r.kind(offset) == "to":
        offset += 1
    return r.kind(offset) in PHRASE_STARTS


def _punctuation_rule(r: Reader) -> bool:
    kind = r.kind()
    if kind == "joint":
        return r.emit(Joint(comma=r.key() == ","), 1)
    if kind == "stop":
        return r.emit(Break(sentence=True), 1)
    if kind == "but":
        return r.emit(Break(sentence=False, cancels_negation=True), 1)
    if kind == "word":
        if r.key() in TIMEISH_WORDS:
            r.unused.append(r.token())
        return r.emit(Break(sentence=False), 1)
    return False


_RULES: tuple[Callable[[Reader], bool], ...] = (
    time_rule,
    day_rule,
    _part_rule,
    _negation_rule,
    _punctuation_rule,
)


def _attach_parts(items: list[Item]) -> list[Item]:
    """ "evening at 7", "7 in the evening": the part of day only chooses the time's reading."""
    out: list[Item] = []
    for item in items:
        previous = out[-1] if out else None
        if isinstance(item, At | Between | Open) and isinstance(previous, Part):
            out[-1] = with_context(item, previous)
        elif isinstance(item, Part) and _uncontexted(previous):
            out[-1] = with_context(previous, item)
        else:
            out.append(item)
    return out


def _uncontexted(item: Item | None) -> TypeGuard[At | Between | Open]:
    return isinstance(item, At | Between | Open) and item.context is None
