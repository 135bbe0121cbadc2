"""The digest as chat replies (a card, short lists, the chart) and as plain text."""

from __future__ import annotations

from datetime import timedelta

from bot.digest.chart import ChartSpec, cumulative, week_label
from bot.digest.model import Digest
from bot.digest.rules import RULES, DigestRules
from bot.digest.sources import year_bounds
from bot.digest.wording import DASHBOARD_POINTER, Section, sections, subtitle, summary, title
from bot.replies import Card, Fact, Image, Reply, Text
from bot.text_format import plural

# Slack cuts a section's text at 3,000 characters and a message at 50 blocks; Teams refuses
# a card much over 28 KB. A digest in chat stays well inside both.
MAX_TEXT = 2_800  # one list
MAX_TOTAL = 10_000  # the card, the lists and the alt text together
SMALLEST_LIMIT = 3


def digest_replies(digest: Digest, *, rules: DigestRules = RULES) -> tuple[Reply, ...]:
    card = digest_card(digest)
    chart = digest_chart(digest)
    limit = rules.list_limit
    while True:
        lists = [Text(_list_text(s)) for s in sections(digest, limit=limit)]
        size = _size(card) + len(chart.alt_text) + sum(len(t.text) for t in lists)
        longest = max((len(t.text) for t in lists), default=0)
        if (size <= MAX_TOTAL and longest <= MAX_TEXT) or limit <= SMALLEST_LIMIT:
            break
        limit = max(SMALLEST_LIMIT, limit // 2)
    return (card, *(Text(_cut(t.text, MAX_TEXT)) for t in lists), chart)


def digest_card(digest: Digest) -> Card:
    """The digest's headline figures: what a home surface shows without lists or chart."""
    return Card(
        title(digest),
        tuple(Fact(label, value) for label, value in summary(digest)),
        text=subtitle(digest),
    )


def _list_text(section: Section) -> str:
    return "\n".join([f"{section.heading}:", *(f"• {line}" for line in section.lines)])


def _size(card: Card) -> int:
    return len(card.title) + len(card.text) + sum(len(f.label) + len(f.value) for f in card.facts)


def _cut(text: str, limit: int) -> str:
    """Whole lines up to `limit` characters (only very long names get here)."""
    if len(text) <= limit:
        return text
    marker = f"\n• … cut for length: {DASHBOARD_POINTER}"
    kept = text[: limit - len(marker)].rpartition("\n")[0]
    return kept + marker


def digest_chart(digest: Digest) -> Image:
    """Hours per week and since the year began; the pool's against its targets, an
    organisation's without them (the targets are the pool's, not any one member's)."""
    from bot.digest.drawing import draw  # matplotlib loads only when a chart is drawn

    return Image(
        draw(chart_spec(digest)),
        alt_text=chart_alt_text(digest),
        filename=f"hours-{digest.week.label}.png",
    )


def chart_spec(digest: Digest, *, rules: DigestRules = RULES) -> ChartSpec:
    pool = digest.scope.is_pool
    start, end = year_bounds(digest.week, rules)
    who = "held in the pool" if pool else f"given by {digest.scope.name}'s coaches"
    return ChartSpec(
        title=f"{digest.scope.name}: hours of coaching {who}, to {_sunday(digest)}",
        weekly=digest.weekly_hours,
        weekly_target=digest.weekly_target if pool else None,
        year=digest.year_hours,
        year_start=start.date(),
        year_end=end.date(),
        annual_target=digest.year.annual_target if pool else None,
    )


def _sunday(digest: Digest) -> str:
    day = digest.week.monday + timedelta(days=6)
    return f"{day.day} {day:%B %Y}"


def digest_text(digest: Digest) -> str:
    """For the command line: every list in full."""
    facts = summary(digest)
    width = max(len(label) for label, _ in facts)
    lines = [title(digest), subtitle(digest), ""]
    lines += [f"  {label.ljust(width)}  {value}" for label, value in facts]
    for section in sections(digest, limit=10_000):
        lines += ["", f"{section.heading}:", *(f"  - {line}" for line in section.lines)]
    lines += ["", f"Chart: {chart_alt_text(digest)}"]
    return "\n".join(lines)


def chart_alt_text(digest: Digest, *, rules: DigestRules = RULES) -> str:
    weeks = ", ".join(
        f"{week_label(w.label)} {'withheld' if w.hours is None else f'{w.hours:,.1f}'}"
        for w in digest.weekly_hours
    )
    start = year_bounds(digest.week, rules)[0]
    since = f"{start.day} {start:%B %Y}"
    so_far = cumulative(digest.year_hours)[-1][1] if digest.year_hours else 0.0
    withheld = sum(w.hours is None for w in digest.year_hours)
    left_out = f" ({plural(withheld, 'withheld week')} left out)" if withheld else ""
    if digest.scope.is_pool:
        return (
            f"Two charts. Hours of coaching held per week against the weekly target of "
            f"{digest.weekly_target:,.1f} hours: {weeks}. Hours held since {since}: "
            f"{so_far:,.1f}{left_out}, against an annual target of "
            f"{digest.year.annual_target:,.0f} hours ({digest.year.target_to_date:,.1f} pro "
            "rata to date)."
        )
    return (
        f"Two charts. Hours of coaching {digest.scope.name}'s coaches gave per week: {weeks}. "
        f"Hours they gave since {since}: {so_far:,.1f}{left_out}."
    )
