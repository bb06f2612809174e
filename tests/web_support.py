"""A real `drafter serve` server for tests: started in a thread on a free loopback port.

``Served`` knows its address and token; ``call`` sends a request over real
HTTP (urllib, no test client) and returns status, headers and body.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("ruamel.yaml")

import uvicorn  # noqa: E402

from drafter.web.app import create_app  # noqa: E402
from drafter.web.confine import Folder  # noqa: E402
from drafter.web.security import Gate, new_token  # noqa: E402
from drafter.web.server import _bind  # noqa: E402


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class Served:
    def __init__(self, folder: Path):
        self.folder = folder
        sock = _bind("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        self.token = new_token()
        self.base = f"http://127.0.0.1:{self.port}"
        app = create_app(Folder.at(folder), Gate(self.port, self.token))
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)

    @property
    def url(self) -> str:
        """The address `drafter serve` prints: with the token."""
        return f"{self.base}/?token={self.token}"

    def call(self, path: str, body: Any = None, *, token: bool = True, origin: str | bool = True,
             headers: dict[str, str] | None = None, raw: bytes | None = None) -> Reply:
        sent = dict(headers or {})
        if token:
            sent.setdefault("X-Drafter-Token", self.token)
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
            if origin is True:
                sent.setdefault("Origin", self.base)
        if isinstance(origin, str):
            sent["Origin"] = origin
        request = urllib.request.Request(self.base + path, data=data, headers=sent,
                                         method="POST" if data is not None else "GET")
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                return Reply(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, dict(error.headers), error.read())

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # see the 303 itself
        return None
