"""The gate every request passes: the right host, the right origin, the run's token.

- **Host**: only an IP address literal, ``localhost`` or the name given with
  ``--host``, on this server's port. DNS rebinding needs a domain name that
  resolves to this machine, so such requests are refused.
- **Origin**: a request that carries one must come from this page itself;
  requests that change anything (POST) must carry one. Browsers mark requests
  from other sites, including other pages on 127.0.0.1 (``Sec-Fetch-Site``:
  ``same-site``/``cross-site``), and those are refused too.
- **Token**: random per run. The address printed by ``drafter serve`` carries
  it once (``?token=…``); the page then trades it for a cookie and drops it
  from the address. Scripts may send it as the ``X-Drafter-Token`` header.

Responses get headers that keep the page from loading anything from elsewhere
(Content-Security-Policy) and from being framed.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_PARAM = "token"
TOKEN_HEADER = "x-drafter-token"
_SAFE_METHODS = {"GET", "HEAD"}

HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Gate:
    """What the server accepts: its port, its token, and names besides IP literals."""

    port: int
    token: str
    names: frozenset[str] = field(default_factory=lambda: frozenset({"localhost"}))

    @property
    def cookie(self) -> str:
        # One cookie per port: two servers on one machine keep their own tokens.
        return f"drafter-{self.port}"

    def host_ok(self, host: str) -> bool:
        name, _, port = host.rpartition(":")
        if not name or not port.isdigit() or int(port) != self.port:
            return False
        name = name.lower()
        if name.startswith("[") and name.endswith("]"):
            name = name[1:-1]
        if name in self.names:
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    def token_ok(self, offered: str | None) -> bool:
        if not offered:
            return False
        return secrets.compare_digest(offered.encode(), self.token.encode())


class Guard:
    """ASGI middleware applying the :class:`Gate` to every HTTP request."""

    def __init__(self, app: ASGIApp, gate: Gate):
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await _refuse(send, 403, "不支持这种连接。")
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal:
            await _refuse(send, *refusal)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        from_query = dict(query).get(TOKEN_PARAM)
        if self.gate.token_ok(from_query) and scope["method"] in _SAFE_METHODS:
            # Trade the token in the address for a cookie, and drop it from the address.
            rest = urlencode([(k, v) for k, v in query if k != TOKEN_PARAM])
            await _redirect(send, quote(scope.get("path", "/")) + (f"?{rest}" if rest else ""), self._set_cookie())
            return
        if not (self.gate.token_ok(headers.get(TOKEN_HEADER))
                or self.gate.token_ok(_cookie(headers, self.gate.cookie))):
            await _refuse(send, 403, "缺少访问口令。请用启动 drafter serve 时终端里显示的完整网址（含 token=…）打开本页。")
            return
        await self.app(scope, receive, _with_headers(send))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if not self.gate.host_ok(host):
            return 421, "请求的主机名不被接受。请用 drafter serve 显示的网址（如 http://127.0.0.1:端口/）打开本页。"
        origin = headers.get("origin")
        if origin is not None and origin != f"http://{host}":
            return 403, "拒绝来自其他网页的请求。"
        if scope["method"] not in _SAFE_METHODS and origin is None:
            return 403, "拒绝没有来源标记的修改请求。"
        if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "拒绝来自其他网页的请求。"
        return None

    def _set_cookie(self) -> bytes:
        return f"{self.gate.cookie}={self.gate.token}; Path=/; HttpOnly; SameSite=Strict".encode()


def _cookie(headers: dict[str, str], name: str) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError:  # a malformed cookie header from elsewhere is no token
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def _with_headers(send: Send) -> Send:
    async def wrapped(message: dict) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in present)]
        await send(message)

    return wrapped


async def _refuse(send: Send, status: int, message: str) -> None:
    body = message.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), *HEADERS,
    ]})
    await send({"type": "http.response.body", "body": body})


async def _redirect(send: Send, location: str, cookie: bytes) -> None:
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie),
        (b"content-length", b"0"), *HEADERS,
    ]})
    await send({"type": "http.response.body", "body": b""})
