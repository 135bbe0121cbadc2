"""A determined reader of digests: takes every digest printed (the coordinators' and each
organisation lead's, for every week of the year up to now, as `--json` prints them) and
tries every combination of sums and differences of printed figures to recover a withheld
one.

Each figure a digest prints means a sum of unknown cells: hours held in a week from coaches
of one organisation to coachees of another, sessions held by a week's coachees of one
organisation, cancellations by organisation, lateness and who cancelled, requests by
organisation, scores (feedback and final evaluations) by the raters' organisation. The
reader knows the rules (which weeks a "this year" figure adds up, from the weekly figures
each digest printed). A withheld figure can be worked out from printed ones exactly when
its cells are a linear combination of theirs: checked by exact elimination over the
rationals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

Atom = tuple[Any, ...]
Vector = dict[Atom, Fraction]

BY = ("coach", "coachee", "otherwise")
# Means of coachees' scores, by the raters' organisation: (section of the JSON, figure).
SCORES = (
    ("feedback", "usefulness"),
    ("feedback", "progress"),
    ("final_evaluations", "goal_attainment"),
    ("final_evaluations", "would_recommend"),
    ("final_evaluations", "would_recommend_share"),
)


@dataclass
class Reader:
    organisations: Mapping[str, int]  # name -> id, as the reader would know
    printed: list[tuple[str, Vector, float]] = field(default_factory=list)
    withheld: list[tuple[str, Vector]] = field(default_factory=list)
    # What each weekly figure was in its own digest: (figure, scope, week) -> printed?
    shown: dict[tuple[str, int | None, str], bool] = field(default_factory=dict)

    # -- cells ---------------------------------------------------------------------------
    def _orgs(self, only: int | None) -> list[int]:
        return [only] if only is not None else list(self.organisations.values())

    def hours(self, week: str, *, coach: int | None = None, coachee: int | None = None) -> Vector:
        return _sum(("hours", week, c, e) for c in self._orgs(coach) for e in self._orgs(coachee))

    def per_org(self, name: str, week: str, org: int | None, *more: Iterable[Any]) -> Vector:
        cells = [()]
        for values in more:
            cells = [(*cell, value) for cell in cells for value in values]
        return _sum((name, week, o, *cell) for o in self._orgs(org) for cell in cells)

    # -- reading -------------------------------------------------------------------------
    def read(self, digest: Mapping[str, Any]) -> None:
        """One digest's JSON: every figure in it, printed or withheld."""
        org: int | None = digest["scope"]["organisation_id"]
        week: str = digest["week"]
        as_of: str = digest["as_of"]
        s, r = digest["sessions"], digest["requests"]
        self._figure(f"{week} {org} held", s["held"], self.per_org("held", week, org))
        received = self.hours(week, coachee=org)
        self._figure(f"{week} {org} hours", s["hours"], received)
        self.shown["hours", org, week] = s["hours"] is not None
        lateness, who = ((True, False), BY)
        cancelled = self.per_org("cancel", week, org, lateness, who)
        self._figure(f"{week} {org} cancellations", s["cancellations"], cancelled)
        self._figure(f"{week} {org} no-shows", s["no_shows"], self.per_org("absent", week, org, BY))
        if org is None:
            for key, late, by in (
                ("late_cancellations", (True,), BY),
                ("cancelled_by_coach", lateness, ("coach",)),
                ("cancelled_by_coachee", lateness, ("coachee",)),
            ):
                self._figure(f"{week} {key}", s[key], self.per_org("cancel", week, None, late, by))
            for key, by in (("coach_no_shows", ("coach",)), ("coachee_no_shows", ("coachee",))):
                self._figure(f"{week} {key}", s[key], self.per_org("absent", week, None, by))
            self._figure(
                f"{as_of} overdue", r["overdue"], self.per_org("waiting", as_of, None, (True,))
            )
        self._figure(f"{week} {org} new", r["new"], self.per_org("new", week, org))
        self._figure(f"{week} {org} matched", r["matched"], self.per_org("matched", week, org))
        waiting = self.per_org("waiting", as_of, org, (True, False))
        self._figure(f"{as_of} {org} waiting", r["waiting"], waiting)
        for section, name in SCORES:
            value = digest[section]["week"][name]
            self._figure(f"{week} {org} {name}", value, self.per_org(name, week, org))
            self.shown[name, org, week] = value is not None
        for row in digest["organisations"]:
            oid = self.organisations[row["name"]]
            given = self.hours(week, coach=oid)
            self._figure(f"{week} {row['name']} given", row["given_week"], given)
            self._figure(
                f"{week} {row['name']} received", row["received_week"], received_of(self, week, oid)
            )
            self.shown["given", oid, week] = row["given_week"] is not None
            self.shown["received", oid, week] = row["received_week"] is not None
        for gap in digest["capacity_gaps"]["shown"]:
            self._figure(
                f"{as_of} {org} {gap['topic']}",
                gap["requests"],
                self.per_org(("gap", gap["topic"]), as_of, org),
            )

    def read_year(self, digest: Mapping[str, Any], year_weeks: list[str]) -> None:
        """The "this year" figures: sums of the weekly figures printed in their weeks. Read
        after every earlier week's digest, so `shown` knows which those were."""
        org: int | None = digest["scope"]["organisation_id"]
        week = digest["week"]
        upto = year_weeks[: year_weeks.index(week) + 1]

        def summed(kind: str, scope: int | None, cells: Any) -> Vector:
            total: Vector = defaultdict(Fraction)
            for w in upto:
                if self.shown.get((kind, scope, w)):
                    for atom, c in cells(w).items():
                        total[atom] += c
            return dict(total)

        year = digest["year_to_date"]
        self._figure(
            f"{week} {org} year",
            year["hours"],
            summed("hours", org, lambda w: self.hours(w, coachee=org)),
        )
        self._figure(f"{week} pool year", year["pool_hours"], summed("hours", None, self.hours))
        for row in digest["organisations"]:
            oid = self.organisations[row["name"]]
            given = summed("given", oid, lambda w, o=oid: self.hours(w, coach=o))
            self._figure(f"{week} {row['name']} given year", row["given_year"], given)
            got = summed("received", oid, lambda w, o=oid: self.hours(w, coachee=o))
            self._figure(f"{week} {row['name']} received year", row["received_year"], got)
        for section, name in SCORES:
            value = digest[section]["year"][name]
            cells = summed(name, org, lambda w, n=name: self.per_org(n, w, org))
            self._figure(f"{week} {org} {name} year", value, cells)
        for bar in digest["weekly_hours"]:
            label = bar["week"]
            cells = self.hours(label, coachee=None) if org is None else self.hours(label, coach=org)
            self._figure(f"{week} {org} chart {label}", bar["hours"], cells)

    def _figure(self, name: str, value: Any, cells: Vector) -> None:
        if value is None:
            if cells:  # a year's rating from no printed week is about nothing: no responses
                self.withheld.append((name, cells))
        else:
            self.printed.append((name, cells, float(value)))

    # -- the attack ----------------------------------------------------------------------
    def recovered(self) -> list[str]:
        """The withheld figures that some combination of printed ones gives exactly. Every
        cell is a count, hours or a sum of scores, never negative, so a printed 0 tells the
        reader each of its cells is 0: those are known outright."""
        zero = {atom for _, cells, value in self.printed if value == 0 for atom in cells}
        basis = Basis()
        for _, cells, _ in self.printed:
            basis.add({a: c for a, c in cells.items() if a not in zero})
        found = set()
        for name, cells in self.withheld:
            if basis.spans({a: c for a, c in cells.items() if a not in zero}):
                found.add(name)
        return sorted(found)


def received_of(reader: Reader, week: str, org: int) -> Vector:
    return reader.hours(week, coachee=org)


def _sum(atoms: Iterable[Atom]) -> Vector:
    return {atom: Fraction(1) for atom in atoms}


class Basis:
    """Row echelon form over the rationals, kept sparse: pivot cell -> reduced row."""

    def __init__(self) -> None:
        self.rows: dict[Atom, Vector] = {}

    def _reduce(self, vector: Vector) -> Vector:
        row = {k: v for k, v in vector.items() if v}
        while True:
            pivot = next((k for k in row if k in self.rows), None)
            if pivot is None:
                return row
            factor = row[pivot]
            for k, v in self.rows[pivot].items():
                row[k] = row.get(k, Fraction(0)) - factor * v
                if not row[k]:
                    del row[k]

    def add(self, vector: Vector) -> None:
        row = self._reduce(vector)
        if not row:
            return
        pivot = min(row, key=repr)
        scale = row[pivot]
        row = {k: v / scale for k, v in row.items()}
        for other in self.rows.values():  # keep every row free of the new pivot
            if pivot in other:
                factor = other[pivot]
                for k, v in row.items():
                    other[k] = other.get(k, Fraction(0)) - factor * v
                    if not other[k]:
                        del other[k]
        self.rows[pivot] = row

    def spans(self, vector: Vector) -> bool:
        return not self._reduce(vector)
