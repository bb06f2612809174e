"""``drafter serve``: bind, print the address with its token, open the browser, run.

The socket is bound here, before the server starts, so a port in use is a
clear message, and the browser's first request waits in the socket's queue
instead of finding nothing.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.web.confine import Folder
from drafter.web.security import Gate, new_token

LOOPBACK = "127.0.0.1"


def serve(root: Path, host: str | None, port: int, open_browser: bool, say: Callable[[str], None]) -> None:
    import uvicorn

    from drafter.web.app import create_app

    folder = Folder.at(root)
    bound_host = host or LOOPBACK
    sock = _bind(bound_host, port)
    port = sock.getsockname()[1]
    gate = Gate(port, new_token(), _names(bound_host))
    app = create_app(folder, gate)
    url = f"http://{_shown(bound_host)}:{port}/?token={gate.token}"
    if host is not None and not _is_loopback(bound_host):
        say(f"警告：--host {host} 使本机以外的电脑也能连接本页面（仍需网址中的口令）。"
            "只在确有需要的内部网络中这样用，用完请关闭。")
    say(f"drafter 网页已启动，只处理文件夹“{folder.root}”中的文件。")
    say(f"请在浏览器中打开：{url}")
    say("按 Ctrl+C 停止。")
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def _bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise DrafterError(f"--host {host}：无法识别这个主机名或地址。通常不必写 --host，默认只在本机 {LOOPBACK} 上提供服务。") from None
    family, kind, proto, _, address = infos[0]
    # The protocol must say TCP: asyncio turns off Nagle's algorithm (TCP_NODELAY) only on
    # sockets that do, and without that every reply waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, kind, proto or socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows this option would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise DrafterError(
            f"无法在 {host}:{port} 上启动（{exc.strerror or exc}）。端口可能已被占用：换一个 --port，或不写 --port 让 drafter 自选。"
        ) from None
    sock.setblocking(False)
    return sock


def _names(host: str) -> frozenset[str]:
    """Host names accepted besides IP literals: localhost, and the name given with --host."""
    names = {"localhost", host.lower()}
    if _is_wildcard(host):
        names.add(socket.gethostname().lower())
    return frozenset(names)


def _is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown(host: str) -> str:
    if _is_wildcard(host):
        return LOOPBACK
    return f"[{host}]" if ":" in host else host
