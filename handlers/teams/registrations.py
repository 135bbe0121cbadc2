"""Several single-tenant bot registrations behind one /api/messages.

Since July 2025 a new bot registration is single-tenant: it serves its own tenant's users
(and the guests there) only. A regional pool whose councils are each their own Microsoft 365
tenant lets each council register its own bot, all pointing at the same endpoint, and lists
them in the TOML file MICROSOFT_APP_REGISTRATIONS names, one table each:

    [[registration]]
    name = "dudley"            # lower case: logs and its app package use it
    app_id = "GUID"            # Application (client) ID
    tenant_id = "GUID"         # Directory (tenant) ID
    password = "SECRET VALUE"  # the client secret's value

An activity is answered by the registration whose app id its token is for AND whose tenant
it comes from; a proactive message goes out through the registration of the recipient's
tenant. Without the file, MICROSOFT_APP_ID/PASSWORD/TENANT_ID are the one registration, as
before. Every mistake is one ConfigurationError line; a secret never appears in one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from handlers.bootstrap import ConfigurationError
from handlers.teams.manifest import GUID
from handlers.teams.settings import Deployment, TeamsSettings, deployment_from_environ

VARIABLE = "MICROSOFT_APP_REGISTRATIONS"
KEYS = ("name", "app_id", "tenant_id", "password")
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def registrations_from_environ(environ: Mapping[str, str]) -> tuple[TeamsSettings, ...]:
    """Every registration the deployment answers for; () when Teams is not configured."""
    path = environ.get(VARIABLE, "").strip()
    if not path:
        single = TeamsSettings.from_environ(environ)
        return (single,) if single is not None else ()
    if environ.get("MICROSOFT_APP_ID", "").strip():
        raise ConfigurationError(
            f"{VARIABLE} and MICROSOFT_APP_ID are both set: list every registration in {path} "
            "(the MICROSOFT_APP_ID one too) and unset the MICROSOFT_APP_* variables"
        )
    deployment = deployment_from_environ(environ)
    tables = _tables(path)
    registrations = tuple(
        _registration(f"{path}, registration {number}", table, deployment)
        for number, table in enumerate(tables, start=1)
    )
    _unique(path, registrations)
    return registrations


def addressed(
    registrations: Iterable[TeamsSettings], *, audiences: Sequence[str], tenant_id: str
) -> TeamsSettings | None:
    """The registration an inbound activity is for: its token's audience and its tenant."""
    return next(
        (
            r
            for r in registrations
            if r.serves(tenant_id) and any(r.is_audience(a) for a in audiences)
        ),
        None,
    )


def for_tenant(registrations: Iterable[TeamsSettings], tenant_id: str) -> TeamsSettings | None:
    """The registration that reaches people of this tenant."""
    return next((r for r in registrations if r.serves(tenant_id)), None)


def _tables(path: str) -> list[dict[str, Any]]:
    try:
        with open(path, "rb") as file:
            document = tomllib.load(file)
    except OSError as error:
        raise ConfigurationError(
            f"{VARIABLE}={path}: cannot read it ({error.strerror or error})"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(f"{path} is not valid TOML: {error}") from error
    except UnicodeDecodeError as error:
        raise ConfigurationError(f"{path} is not valid TOML: it is not UTF-8 text") from error
    unknown = sorted(set(document) - {"registration"})
    if unknown:
        raise ConfigurationError(
            f"{path}: unknown key {unknown[0]!r}; the file holds [[registration]] tables only"
        )
    tables = document.get("registration")
    if isinstance(tables, dict):
        raise ConfigurationError(
            f"{path}: write each registration as [[registration]] (double brackets)"
        )
    if not isinstance(tables, list) or not tables:
        raise ConfigurationError(f"{path} lists no [[registration]] tables (see docs/teams.md)")
    return tables


def _registration(where: str, table: Any, deployment: Deployment) -> TeamsSettings:
    if not isinstance(table, dict):
        raise ConfigurationError(f"{where}: write it as a [[registration]] table")
    name = table.get("name")
    if isinstance(name, str) and NAME.match(name):
        where = f"{where} ({name})"
    for key in table:
        if key not in KEYS:
            raise ConfigurationError(
                f"{where}: unknown key {key!r} (the keys are {', '.join(KEYS)})"
            )
    for key in KEYS:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            state = "is missing" if value is None else "must be a non-empty text in quotes"
            raise ConfigurationError(f"{where}: {key} {state}")
    if not NAME.match(table["name"]):
        raise ConfigurationError(
            f"{where}: name {table['name']!r} must be lower-case letters, digits and hyphens "
            "(up to 40; it names the registration in logs and its app package)"
        )
    app_id = table["app_id"].strip()
    if not GUID.match(app_id):
        raise ConfigurationError(
            f"{where}: app_id must be the registration's Application (client) ID, a GUID"
        )
    return TeamsSettings(
        app_id=app_id,
        app_password=table["password"].strip(),
        tenant_id=table["tenant_id"].strip(),
        name=table["name"],
        own_tenant_only=True,
        **deployment,
    )


def _unique(path: str, registrations: Sequence[TeamsSettings]) -> None:
    for key in ("name", "app_id", "tenant_id"):
        seen: dict[str, str] = {}
        for registration in registrations:
            value = getattr(registration, key).lower()
            if value in seen:
                rule = "one registration per tenant" if key == "tenant_id" else "each is its own"
                raise ConfigurationError(
                    f"{path}: registrations {seen[value]} and {registration.name} have the same "
                    f"{key}: {rule}"
                )
            seen[value] = registration.name
