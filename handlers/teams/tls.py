"""Which certificate authorities our own HTTPS clients trust."""

from __future__ import annotations

import ssl


def verify_for(ca_bundle: str | None) -> ssl.SSLContext | bool:
    """An explicit bundle (REQUESTS_CA_BUNDLE or SSL_CERT_FILE), else the default trust
    store; `True` lets httpx honour SSL_CERT_FILE/SSL_CERT_DIR itself."""
    return ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
