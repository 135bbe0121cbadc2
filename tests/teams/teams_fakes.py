"""Fake Microsoft services on 127.0.0.1 for the Teams channel tests.

- `FakeOpenId`: Bot Framework's OpenID metadata and signing keys (plain HTTP), and a
  signer for inbound activity tokens.
- `FakeLogin`: Entra ID's token endpoint for msal, over HTTPS with a certificate made
  here (msal insists on https), trusted through the bundle the channel is given.
- `FakeConnector`: the Bot Connector (the activities' serviceUrl): records every reply
  and proactive send, answers member lookups and conversation creation, can be told to
  fail, and doubles as the OneDrive upload URL.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import itertools
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm

BOT_ISSUER = "https://api.botframework.com"


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeServer:
    """A threaded HTTP(S) server whose subclasses answer in `answer`."""

    def __init__(self, *, tls: ssl.SSLContext | None = None) -> None:
        fake = self
        self.seen: list[Seen] = []
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(size) if size else b""
                kind = self.headers.get("Content-Type", "")
                body: Any = raw
                if "json" in kind and raw:
                    body = json.loads(raw)
                elif "x-www-form-urlencoded" in kind:
                    body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                seen = Seen(self.command, unquote(self.path), dict(self.headers), body)
                with fake.lock:
                    fake.seen.append(seen)
                answer = fake.answer(seen)
                data = b"" if answer.body is None else json.dumps(answer.body).encode()
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def do_PUT(self) -> None:
                self._handle()

            def do_PATCH(self) -> None:
                self._handle()

            def do_DELETE(self) -> None:
                self._handle()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_port}"

    def answer(self, seen: Seen) -> Answer:
        return Answer(404, {"error": {"code": "NotFound", "message": seen.path}})

    def requests(self, method: str = "", path_part: str = "") -> list[Seen]:
        with self.lock:
            return [
                s for s in self.seen if (not method or s.method == method) and path_part in s.path
            ]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- inbound tokens --------------------------------------------------------------------


class FakeOpenId(FakeServer):
    METADATA = "/v1/.well-known/openidconfiguration"

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        self.jwk = {**public, "kid": "fake-key-1", "use": "sig", "endorsements": ["msteams"]}
        super().__init__()

    @property
    def metadata_url(self) -> str:
        return self.url + self.METADATA

    def answer(self, seen: Seen) -> Answer:
        if seen.path == self.METADATA:
            return Answer(
                body={
                    "issuer": BOT_ISSUER,
                    "jwks_uri": f"{self.url}/v1/.well-known/keys",
                    "id_token_signing_alg_values_supported": ["RS256"],
                }
            )
        if seen.path == "/v1/.well-known/keys":
            return Answer(body={"keys": [self.jwk]})
        return super().answer(seen)

    def token(self, *, app_id: str, service_url: str, **changes: Any) -> str:
        """A Bot Framework connector token for an activity, with `changes` applied
        (`exp_in`: seconds from now; a claim set to None is left out)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": BOT_ISSUER,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 5,
            "iat": now - 5,
            "exp": now + int(changes.pop("exp_in", 600)),
        }
        claims.update(changes)
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "fake-key-1"})


# -- outbound tokens ---------------------------------------------------------------------


def self_signed(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context for 127.0.0.1 and the PEM file that trusts it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake login")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "fake-login.pem"
    key_file = directory / "fake-login.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context, cert_file


class FakeLogin(FakeServer):
    """Entra ID for a client-credentials grant; hands out `issued` tokens, which say
    which app (`appid`) in which tenant (`tid`) they were issued to, as Entra's do."""

    def __init__(self, tls: ssl.SSLContext, *, client_id: str, secret: str) -> None:
        self.client_id = client_id
        self.secret = secret
        # More apps, each single-tenant: client id -> (secret, its tenant).
        self.single_tenant: dict[str, tuple[str, str]] = {}
        self.issued: list[str] = []
        super().__init__(tls=tls)

    def register(self, *, client_id: str, secret: str, tenant: str) -> None:
        """A single-tenant app: Entra issues it tokens in its own tenant only."""
        with self.lock:
            self.single_tenant[client_id] = (secret, tenant)

    def _refusal(self, form: dict[str, Any], tenant: str) -> Answer | None:
        client_id = form.get("client_id")
        if client_id in self.single_tenant:
            secret, home = self.single_tenant[client_id]
            if tenant != home:
                return Answer(
                    400,
                    {
                        "error": "unauthorized_client",
                        "error_description": f"AADSTS700016: {client_id} not found in {tenant}",
                    },
                )
        elif client_id == self.client_id:
            secret = self.secret
        else:
            return Answer(401, {"error": "invalid_client", "error_description": "unknown app"})
        if form.get("client_secret") != secret:
            return Answer(401, {"error": "invalid_client", "error_description": "bad secret"})
        return None

    def answer(self, seen: Seen) -> Answer:
        tenant = seen.path.strip("/").split("/")[0]
        if seen.path.endswith("/v2.0/.well-known/openid-configuration"):
            base = f"{self.url}/{tenant}"
            return Answer(
                body={
                    "issuer": f"{base}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                }
            )
        if seen.path.endswith("/oauth2/v2.0/token"):
            form = seen.body if isinstance(seen.body, dict) else {}
            refusal = self._refusal(form, tenant)
            if refusal is not None:
                return refusal
            claims = {
                "aud": form.get("scope", ""),
                "appid": form.get("client_id", ""),
                "tid": tenant,
                "exp": int(time.time()) + 3600,
            }
            token = jwt.encode(
                claims,
                "the fake login server signs with this long enough key",
                algorithm="HS256",
            )
            self.issued.append(token)
            return Answer(body={"token_type": "Bearer", "expires_in": 3600, "access_token": token})
        return super().answer(seen)


# -- the Bot Connector ---------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    user_id: str
    aad_object_id: str
    email: str
    name: str = ""


class FakeConnector(FakeServer):
    def __init__(self) -> None:
        self.members: dict[str, Member] = {}
        self.failures: list[Answer] = []
        self._ids = itertools.count(1)
        super().__init__()

    def fail_next(self, *answers: Answer) -> None:
        """The next POSTs to activities or conversations get these answers, in order."""
        with self.lock:
            self.failures.extend(answers)

    def answer(self, seen: Seen) -> Answer:
        parts = seen.path.strip("/").split("/")
        if seen.method == "GET" and len(parts) == 5 and parts[3] == "members":
            member = self.members.get(parts[4])
            if member is None:
                return Answer(404, {"error": {"code": "MemberNotFound", "message": "no"}})
            return Answer(
                body={
                    "id": member.user_id,
                    "name": member.name,
                    "aadObjectId": member.aad_object_id,
                    "email": member.email,
                    "userPrincipalName": member.email,
                }
            )
        if seen.method == "POST" and parts[:2] == ["v3", "conversations"]:
            with self.lock:
                failure = self.failures.pop(0) if self.failures else None
            if failure is not None:
                return failure
            if len(parts) == 2:
                return Answer(body={"id": f"a:opened-{next(self._ids)}"})
            return Answer(body={"id": f"activity-{next(self._ids)}"})
        if seen.method == "PUT" and parts[0] == "upload":
            return Answer(201, {"id": "uploaded"})
        return super().answer(seen)

    def posted(self, conversation_id: str = "") -> list[dict[str, Any]]:
        """Activities posted (to one conversation), oldest first."""
        return [
            s.body
            for s in self.requests("POST", "/activities")
            if not conversation_id or f"/v3/conversations/{conversation_id}/" in s.path
        ]

    def wait_for(
        self, predicate: Callable[[list[dict[str, Any]]], bool], *, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Poll the posted activities until `predicate` holds (for follow-ups sent after
        a response)."""
        deadline = time.monotonic() + timeout
        while True:
            posted = self.posted()
            if predicate(posted) or time.monotonic() > deadline:
                return posted
            time.sleep(0.02)


# -- reading what the bot sent ----------------------------------------------------------


def card_of(activity: dict[str, Any]) -> dict[str, Any] | None:
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
            content: dict[str, Any] = attachment["content"]
            return content
    return None


def walk(element: Any) -> Iterator[dict[str, Any]]:
    """Every element and action in a card, depth first."""
    if isinstance(element, dict):
        yield element
        for key in ("body", "items", "actions", "columns"):
            for child in element.get(key) or []:
                yield from walk(child)
    elif isinstance(element, list):
        for child in element:
            yield from walk(child)


def card_text(card: dict[str, Any]) -> str:
    lines = []
    for element in walk(card):
        if element.get("type") == "TextBlock":
            lines.append(element["text"])
        elif element.get("type") == "FactSet":
            lines += [f"{f['title']}: {f['value']}" for f in element["facts"]]
    return "\n".join(lines)


def find_action(card: dict[str, Any], title_part: str) -> dict[str, Any]:
    for element in walk(card):
        if (
            element.get("type") == "Action.Execute"
            and title_part.lower() in element.get("title", "").lower()
        ):
            return element
    titles = [e.get("title") for e in walk(card) if e.get("type") == "Action.Execute"]
    raise AssertionError(f"no button like {title_part!r} among {titles}")


def text_of(activity: dict[str, Any]) -> str:
    card = card_of(activity)
    return card_text(card) if card else str(activity.get("text", ""))
