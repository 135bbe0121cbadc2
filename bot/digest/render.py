"""The digest as chat replies (a card, short lists, the chart) and as plain text."""

from __future__ import annotations

from bot.digest.chart import hours_chart
from bot.digest.model import Digest
from bot.digest.rules import RULES, DigestRules
from bot.digest.wording import sections, subtitle, summary, title
from bot.replies import Card, Fact, Image, Reply, Text


def digest_replies(digest: Digest, *, rules: DigestRules = RULES) -> tuple[Reply, ...]:
    card = Card(
        title(digest),
        tuple(Fact(label, value) for label, value in summary(digest)),
        text=subtitle(digest),
    )
    lists = [
        Text("\n".join([f"{s.heading}:", *(f"• {line}" for line in s.lines)]))
        for s in sections(digest, limit=rules.list_limit)
    ]
    return (card, *lists, digest_chart(digest))


def digest_chart(digest: Digest) -> Image:
    """Hours per week; the pool's against its weekly target, an organisation's without
    one (the target is the pool's, not any one member's)."""
    target = digest.weekly_target if digest.scope.is_pool else None
    return Image(
        hours_chart(digest.weekly_hours, target=target),
        alt_text=chart_alt_text(digest),
        filename=f"hours-{digest.week.label}.png",
    )


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


def chart_alt_text(digest: Digest) -> str:
    weeks = ", ".join(
        f"{w.label} {'withheld' if w.hours is None else f'{w.hours:,.1f}'}"
        for w in digest.weekly_hours
    )
    if digest.scope.is_pool:
        return (
            f"Hours of coaching held per week against the weekly target of "
            f"{digest.weekly_target:,.1f} hours: {weeks}."
        )
    return f"Hours of coaching {digest.scope.name}'s coaches gave per week: {weeks}."
