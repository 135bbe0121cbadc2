"""Retention: free text, abandoned conversations and the words of sent messages are kept
only as long as the pool's settings say; the anonymous figures (states, times, hours,
ratings, themes) stay, so digests and exports do not change."""

from __future__ import annotations

from bot.domain.audit import AuditEntry
from bot.domain.retention import RetentionPeriods, RetentionReport, cutoffs
from bot.services import Services


def apply_retention(services: Services, periods: RetentionPeriods) -> RetentionReport:
    """Forget what has outlived its period; audited when anything was forgotten."""
    store, now = services.store, services.clock.now()
    with store.transaction():
        report = store.forget_expired(cutoffs(now, periods))
        if report.total:
            store.audit(AuditEntry(now, None, "retention.applied", "retention", report.summary()))
    return report
