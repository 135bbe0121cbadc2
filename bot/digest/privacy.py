"""Figures that may be withheld: the digest's confidentiality rule in one type.

A `Figure` built with `guarded` carries no value at all when fewer than the minimum group
of people contributed, so neither the rendering, nor the JSON, nor the chart can leak it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    value: float | None
    # How many people it comes from, where that is worth saying (ratings); None otherwise.
    people: int | None = None

    @property
    def withheld(self) -> bool:
        return self.value is None

    def text(self, *, digits: int = 0, unit: str = "", withheld: str = "withheld") -> str:
        if self.value is None:
            return withheld
        return f"{self.value:,.{digits}f}{unit}"


def exact(value: float) -> Figure:
    return Figure(value)


def guarded(value: float, *, people: int, min_group: int) -> Figure:
    """`value` if at least `min_group` distinct people contributed, else withheld. Nothing
    from nobody is shown as it is: a zero says nothing about anyone."""
    return Figure(value, people) if people >= min_group or people == 0 else Figure(None)
