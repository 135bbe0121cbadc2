"""Tags that change whenever what matching caches changes, written by database triggers."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class PoolRevisionRow(Base):
    """One row per topic ('coaches', 'hours'). Triggers (migration 0007_perf) give it a new
    random value in every transaction that changes the topic's tables, so any process can
    tell with one primary-key read whether what it cached is still the truth. Random rather
    than a counter: a rolled-back change cannot leave a cache holding a tag that a later,
    different change is given too."""

    __tablename__ = "pool_revisions"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
