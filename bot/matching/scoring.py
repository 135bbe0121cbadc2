"""How eligible coaches are ranked: five components in [0, 1], weighted to a 0-100 score.

All weights live here. Components:
- topic: the request's themes (THEME_SHARE) and words (the rest) against the coach's
  specialisms (full credit) and bio (BIO_FACTOR credit). What the request's topic says counts
  TOPIC_FIELD_FACTOR times what its goal, reality or preferences say. Words are weighted by
  rarity in the pool (inverse document frequency): a word every coach has counts for nothing.
- availability: the share of the coachee's wanted days on which a session fits.
- load: fewer coachees and hours relative to the coach's own limits rank higher, spreading work.
- balance: coaches whose organisation has received more hours than it gave rank higher, so the
  pool stays a fair exchange; a tanh curve, 0.5 when even, reaching ~0.88 at -BALANCE_SCALE_HOURS.
- format: how well the coach's formats and places fit what the coachee asked for.
Ties (to the displayed 0.1) go to the lower coach id, so a shortlist is reproducible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.domain.coaches import Format


@dataclass(frozen=True)
class Weights:
    topic: float = 40.0  # what the coachee asked for comes first
    availability: float = 25.0  # then whether they can actually meet
    load: float = 15.0  # then spreading the work among coaches
    balance: float = 10.0  # and among organisations
    format: float = 10.0  # the hard rule already removed coaches who cannot meet as asked

    @property
    def total(self) -> float:
        return self.topic + self.availability + self.load + self.balance + self.format


WEIGHTS = Weights()  # sums to 100 (a test holds it to that)

BIO_FACTOR = 0.5
TOPIC_FIELD_FACTOR = 2.0
THEME_SHARE = 0.75  # the rest of topic fit is word overlap
BALANCE_SCALE_HOURS = 20.0


@dataclass(frozen=True, slots=True)
class Components:
    topic: float
    availability: float
    load: float
    balance: float
    format: float

    @property
    def score(self) -> float:
        return round(
            WEIGHTS.topic * self.topic
            + WEIGHTS.availability * self.availability
            + WEIGHTS.load * self.load
            + WEIGHTS.balance * self.balance
            + WEIGHTS.format * self.format,
            1,
        )


def topic_component(
    *, theme_hits: float, theme_total: float, word_hits: float, word_total: float
) -> float:
    """Share of the request's (weighted) themes and words the coach covers."""
    theme_fit = theme_hits / theme_total if theme_total else 0.0
    word_fit = word_hits / word_total if word_total else 0.0
    if not theme_total:
        return min(word_fit, 1.0)
    return min(THEME_SHARE * theme_fit + (1 - THEME_SHARE) * word_fit, 1.0)


def load_component(*, active: int, max_coachees: int, hours: float, max_hours: float) -> float:
    places_used = active / max_coachees if max_coachees > 0 else 1.0
    hours_used = hours / max_hours if max_hours > 0 else 1.0
    return _clamp(1.0 - 0.5 * places_used - 0.5 * hours_used)


def balance_component(balance_hours: float) -> float:
    return 0.5 - 0.5 * math.tanh(balance_hours / BALANCE_SCALE_HOURS)


def format_component(
    wanted: Format, *, online: bool, in_person: bool, same_place: bool | None
) -> float:
    """Online wanted: any online coach fits. In person: a named matching place beats an unknown
    one. Either: a coach offering both, or meeting in the coachee's place, fits best."""
    if wanted is Format.ONLINE:
        return 1.0
    if wanted is Format.IN_PERSON:
        return 1.0 if same_place else 0.6
    if online and in_person:
        return 1.0
    if in_person:
        return 1.0 if same_place else 0.7
    return 0.8


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)
