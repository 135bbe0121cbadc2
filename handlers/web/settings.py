"""The dashboard's settings, from the environment; a bad one stops with one clear line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from handlers.bootstrap import ConfigurationError
from handlers.web.tokens import LinkIssuer, TokenSigner, derive_key

PUBLIC_URL = "COACHPOOL_PUBLIC_URL"
SECRET_KEY = "COACHPOOL_SECRET_KEY"
RATE = "COACHPOOL_COACHING_RATE"
SUBSCRIPTIONS = "COACHPOOL_SUBSCRIPTIONS"
# What an hour of external executive coaching costs a council, for value for money: a
# deliberately modest figure; pools quote £150 to £300.
DEFAULT_RATE = 150.0


@dataclass(frozen=True)
class DashboardSettings:
    public_url: str
    signer: TokenSigner
    rate: float = DEFAULT_RATE  # £ an hour
    subscriptions: Mapping[str, float] = field(default_factory=dict)  # £ a year, by slug

    @property
    def secure_cookie(self) -> bool:
        return urlsplit(self.public_url).scheme == "https"

    def links(self) -> LinkIssuer:
        return LinkIssuer(self.signer, self.public_url)


def dashboard_settings(environ: Mapping[str, str]) -> DashboardSettings | None:
    """None when the dashboard is not switched on (no public URL or no key)."""
    url = environ.get(PUBLIC_URL, "").strip()
    key = environ.get(SECRET_KEY, "").split(",")[0].strip()
    if not url or not key:
        return None
    if urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc:
        raise ConfigurationError(f"{PUBLIC_URL}={url!r} is not a URL like https://coaching.example")
    return DashboardSettings(
        public_url=url,
        signer=TokenSigner(derive_key(key)),
        rate=_money(environ.get(RATE, ""), RATE) if environ.get(RATE, "").strip() else DEFAULT_RATE,
        subscriptions=_subscriptions(environ.get(SUBSCRIPTIONS, "")),
    )


def _money(text: str, name: str) -> float:
    try:
        value = float(text.strip().lstrip("£").replace(",", ""))
    except ValueError:
        value = -1.0
    if not 0 <= value < 1e9:
        raise ConfigurationError(f"{name}: {text!r} is not an amount of pounds, like 150")
    return value


def _subscriptions(text: str) -> dict[str, float]:
    """'wmbc=5000;dudley=3,500' -> each organisation's yearly subscription, by slug."""
    found: dict[str, float] = {}
    for item in (i.strip() for i in text.replace(";", "\n").splitlines()):
        if not item:
            continue
        slug, equals, amount = item.partition("=")
        if not equals or not slug.strip():
            raise ConfigurationError(
                f"{SUBSCRIPTIONS}: write each as SLUG=POUNDS, separated by ';', not {item!r}"
            )
        found[slug.strip()] = _money(amount, SUBSCRIPTIONS)
    return found
