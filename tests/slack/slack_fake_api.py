"""A fake Slack on 127.0.0.1: the Web API methods the app calls, the file upload URL,
response URLs and a Socket Mode WebSocket. It records every call, answers like Slack
(including `ratelimited` with Retry-After, on request) and rejects Block Kit that Slack
would reject, so the tests see what a real workspace would."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.slack.block_kit_rules import problems, units, view_problems


@dataclass(frozen=True)
class FakeUser:
    team_id: str
    user_id: str
    email: str
    is_bot: bool = False
    confirmed: bool = True

    @property
    def dm(self) -> str:
        return f"D{self.user_id}"


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]
    team_id: str
    token: str
    body: bytes = b""
    # What the fake answered (a posted message's "ts", say).
    answer: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Install:
    """What oauth.v2.access answers for one authorization `code`."""

    team_id: str
    team_name: str
    token: str
    installer: str


def bot_user(team_id: str) -> str:
    return f"UBOT{team_id}"


@dataclass
class _Fault:
    error: str
    status: int
    retry_after: str = ""


@dataclass
class FakeSlack:
    users: list[FakeUser] = field(default_factory=list)
    # bot token -> team id
    tokens: dict[str, str] = field(default_factory=dict)
    installs: dict[str, Install] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_received: list[dict[str, Any]] = []
        self._faults: dict[str, list[_Fault]] = {}
        self._changed = threading.Condition()
        self._ids = itertools.count(1)
        # Messages posted and updated, by (team, channel, ts).
        self._messages: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._sockets: list[web.WebSocketResponse] = []
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> FakeSlack:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _start(self) -> None:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{key}", self._response)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, key: str = "1") -> str:
        return f"{self.base}/response/{key}"

    # -- test controls -----------------------------------------------------------------
    def fail(self, method: str, error: str, *, status: int = 200, times: int = 1) -> None:
        self._faults.setdefault(method, []).extend(_Fault(error, status) for _ in range(times))

    def rate_limit(self, method: str, *, retry_after: int = 1, times: int = 1) -> None:
        faults = self._faults.setdefault(method, [])
        faults.extend(_Fault("ratelimited", 429, str(retry_after)) for _ in range(times))

    def user(self, email: str) -> FakeUser:
        return next(u for u in self.users if u.email == email)

    def calls_to(self, method: str, **where: Any) -> list[Call]:
        with self._changed:
            return [
                c
                for c in self.calls
                if c.method == method and all(c.params.get(k) == v for k, v in where.items())
            ]

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                result = predicate()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the fake Slack never saw what the test waited for")
                self._changed.wait(left)

    @property
    def socket_connected(self) -> bool:
        return bool(self._sockets)

    def push_socket(self, envelope: dict[str, Any]) -> None:
        async def send() -> None:
            await self._sockets[-1].send_str(json.dumps(envelope))

        asyncio.run_coroutine_threadsafe(send(), self._loop).result(10)

    # -- the server --------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            raw = await request.text()
            params.update(json.loads(raw) if raw.strip() else {})
        elif request.method == "POST":
            params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
        for key in ("blocks", "view"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        token = token or str(params.get("token", ""))
        team_id = self.tokens.get(token, "")
        call = Call(method, params, team_id, token)
        self._record(call)
        faults = self._faults.get(method)
        if faults:
            fault = faults.pop(0)
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            body = {"ok": False, "error": fault.error}
            return web.json_response(body, status=fault.status, headers=headers)
        if method.startswith("oauth."):
            return web.json_response(self._oauth(request, params))
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"})
        if not team_id:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        answer = self._answers().get(method)
        if answer is None:
            return web.json_response({"ok": False, "error": "unknown_method"}, status=404)
        answered = answer(team_id, params)
        call.answer.update(answered)
        return web.json_response(answered)

    def _answers(self) -> dict[str, Callable[[str, dict[str, Any]], dict[str, Any]]]:
        return {
            "auth.test": self._auth_test,
            "conversations.open": self._conversations_open,
            "chat.postMessage": self._post_message,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.update": self._update,
            "conversations.history": self._history,
            "users.info": self._users_info,
            "users.lookupByEmail": self._lookup_by_email,
            "views.open": self._views_open,
            "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }

    def _auth_test(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": f"https://{team_id.lower()}.slack.com/",
            "team": f"Team {team_id}",
            "user": "coachpool",
            "team_id": team_id,
            "user_id": bot_user(team_id),
            "bot_id": f"B{team_id}",
            "is_enterprise_install": False,
        }

    def _conversations_open(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": f"D{params.get('users', '')}"}}

    def _post_message(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        answer = self._message_answer(params, "message")
        if answer["ok"]:
            key = (team_id, str(params.get("channel", "")), answer["ts"])
            self._messages[key] = {"ts": answer["ts"], "text": params.get("text", ""),
                                   "blocks": params.get("blocks", [])}  # fmt: skip
        return answer

    def _update(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        """Slack updates only a message the app posted, in the channel it was posted in."""
        key = (team_id, str(params.get("channel", "")), str(params.get("ts", "")))
        if key not in self._messages:
            return {"ok": False, "error": "message_not_found"}
        answer = self._message_answer(params, "message", ts=key[2])
        if answer["ok"]:
            self._messages[key] = {"ts": key[2], "text": params.get("text", ""),
                                   "blocks": params.get("blocks", [])}  # fmt: skip
        return answer

    def _history(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        """Only what `latest`/`oldest` at one ts with `inclusive` asks: that message."""
        key = (team_id, str(params.get("channel", "")), str(params.get("latest", "")))
        found = self._messages.get(key)
        return {"ok": True, "messages": [found] if found else [], "has_more": False}

    def _post_ephemeral(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        answer = self._message_answer(params, "message")
        return {"ok": answer["ok"], "message_ts": answer.get("ts"), **answer}

    def _message_answer(
        self, params: dict[str, Any], surface: str, *, ts: str = ""
    ) -> dict[str, Any]:
        found = problems(params.get("blocks", []), surface=surface)
        if units(str(params.get("text", ""))) > 40000:
            found.append("text too long")
        if found:
            return {"ok": False, "error": "invalid_blocks", "errors": found}
        for block in params.get("blocks", []):  # Slack names the blocks we left unnamed
            if isinstance(block, dict):
                block.setdefault("block_id", f"blk{next(self._ids)}")
        ts = ts or f"{time.time():.6f}{next(self._ids)}"  # unique, as Slack's are
        return {"ok": True, "channel": params.get("channel"), "ts": ts}

    def _users_info(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        user = next(
            (u for u in self.users if u.team_id == team_id and u.user_id == params.get("user")),
            None,
        )
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": self._user_object(user)}

    def _lookup_by_email(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        email = str(params.get("email", "")).lower()
        user = next((u for u in self.users if u.team_id == team_id and u.email == email), None)
        if user is None:
            return {"ok": False, "error": "users_not_found"}
        return {"ok": True, "user": self._user_object(user)}

    def _user_object(self, user: FakeUser) -> dict[str, Any]:
        return {
            "id": user.user_id,
            "team_id": user.team_id,
            "is_bot": user.is_bot,
            "deleted": False,
            "is_email_confirmed": user.confirmed,
            "profile": {"email": user.email, "real_name": user.email.split("@")[0]},
        }

    def _views_open(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        found = view_problems(params.get("view"))
        if not params.get("trigger_id"):
            found.append("no trigger_id")
        if found:
            return {"ok": False, "error": "invalid_arguments", "errors": found}
        return {"ok": True, "view": {**params["view"], "id": f"V{next(self._ids)}"}}

    def _views_publish(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        found = view_problems(params.get("view"))
        if found:
            return {"ok": False, "error": "invalid_arguments", "errors": found}
        return {"ok": True, "view": {**params["view"], "id": f"V{next(self._ids)}"}}

    def _upload_url(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._ids)}"
        return {"ok": True, "file_id": file_id, "upload_url": f"{self.base}/upload/{file_id}"}

    def _complete_upload(self, team_id: str, params: dict[str, Any]) -> dict[str, Any]:
        files = json.loads(params.get("files", "[]"))
        return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}

    def _oauth(self, request: web.Request, params: dict[str, Any]) -> dict[str, Any]:
        basic = request.headers.get("Authorization", "").removeprefix("Basic ")
        client_id = base64.b64decode(basic).decode().split(":")[0] if basic else ""
        install = self.installs.get(str(params.get("code", "")))
        if install is None or not client_id:
            return {"ok": False, "error": "invalid_code"}
        self.tokens[install.token] = install.team_id
        return {
            "ok": True,
            "app_id": "A0POOL",
            "authed_user": {"id": install.installer},
            "scope": "chat:write,commands",
            "token_type": "bot",
            "access_token": install.token,
            "bot_user_id": bot_user(install.team_id),
            "team": {"id": install.team_id, "name": install.team_name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    async def _upload(self, request: web.Request) -> web.Response:
        body = await request.read()
        self._record(Call("upload", {"file_id": request.match_info["file_id"]}, "", "", body))
        return web.Response(text="OK - 1")

    async def _response(self, request: web.Request) -> web.Response:
        self._record(Call("response_url", await request.json(), "", ""))
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_str(json.dumps({"type": "hello", "num_connections": 1}))
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                with self._changed:
                    self.socket_received.append(json.loads(message.data))
                    self._changed.notify_all()
        return socket
