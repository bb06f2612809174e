"""Reading a user's file with bounded time and memory.

Only regular files are read: a folder, a device such as /dev/zero, a FIFO or a
socket named like a report is refused at once (opening a FIFO for reading
would wait forever for a writer, so the file is opened without blocking and
checked before any byte is read). At most ``limit`` bytes are read, however
large the file claims or grows to be.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError

_CHUNK = 1 << 20


NOT_A_FILE = "这不是普通文件（是设备、管道或套接字），drafter 不读取。请指定保存在磁盘上的报告文件。"


def is_special(path: Path) -> bool:
    """A device, FIFO or socket (looked at without opening it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def read_bytes(path: Path, name: str, limit: int, too_big: Callable[[int], str]) -> bytes:
    """The file's bytes; ``too_big(size)`` says what to do when it exceeds ``limit``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise DrafterError(f"{name}：找不到这个文件。请检查文件名和路径是否正确。") from None
    except IsADirectoryError:
        raise DrafterError(f"{name}：这是一个文件夹，不是文件。请写出其中的文件名。") from None
    except OSError as exc:
        raise DrafterError(f"{name}：无法读取文件（{exc.strerror or exc}）。请确认路径正确、文件有读取权限。") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DrafterError(f"{name}：这是一个文件夹，不是文件。请写出其中的文件名。")
        if not stat.S_ISREG(info.st_mode):
            raise DrafterError(f"{name}：{NOT_A_FILE}")
        if info.st_size > limit:
            raise DrafterError(too_big(info.st_size))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # the file grew while being read
            raise DrafterError(too_big(total))
        return b"".join(chunks)
    except OSError as exc:
        raise DrafterError(f"{name}：无法读取文件（{exc.strerror or exc}）。请确认文件有读取权限。") from None
    finally:
        os.close(fd)
