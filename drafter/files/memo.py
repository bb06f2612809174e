"""Load a file once per process: again only when it has changed.

The standard, the style sheet and the review's rule files are parsed and validated on every
render and check; a process that renders or checks many files (the API, ``check`` with a pool
of workers, the web page) reads each of them once.

Whether a file has changed is first asked of the file system: the same file (device and inode),
size, modification and change times as when it was read means unchanged, without opening it.
Those times are kept only to a few milliseconds by many file systems (two seconds on FAT), so a
file written again within that tick after it was read could look unchanged; such a file is
trusted by its times only once they are older than the read by more than that margin (git's
answer to the same "racy" problem), and until then it is read again and compared byte for byte.
What the times cannot show: a file rewritten with its size and both times put back by hand
(the change time cannot be set back without changing the clock). The results cached are frozen
models, safe to share.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
MAX_BYTES = 1024 * 1024  # larger files are loaded every time (and refused by the loader)
MARGIN_NS = 3 * 10**9  # times this close to the read may hide a later write (FAT keeps 2 s)
Signature = tuple[int, int, int, int, int]


@dataclass
class _Entry(Generic[T]):
    content: bytes
    value: T
    signature: Signature  # the file as it was read
    read_at: int  # time.time_ns() just before it was read


def signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def settled(sig: Signature, read_at: int) -> bool:
    """Whether a file with these times, read at ``read_at``, cannot have changed unseen since."""
    return max(sig[3], sig[4]) + MARGIN_NS < read_at


def per_file(load: Callable[[Path], T]) -> Callable[[Path], T]:
    """``load(path)``, remembered for each path until that file changes."""
    cache: dict[str, _Entry[T]] = {}  # by real path
    seen: dict[str, str] = {}  # path as given → real path

    @functools.wraps(load)
    def cached(path: Path) -> T:
        given = os.fspath(path)
        real = seen.get(given)
        entry = cache.get(real) if real is not None else None
        if entry is not None and settled(entry.signature, entry.read_at):
            try:
                if signature(os.stat(given)) == entry.signature:
                    return entry.value  # the same file, untouched since it was read
            except OSError:
                return load(path)  # let the loader say what is wrong, in Chinese
        try:
            real = seen[given] = os.path.realpath(given)
            read_at = time.time_ns()
            with open(real, "rb") as file:
                content = file.read(MAX_BYTES + 1)
                sig = signature(os.fstat(file.fileno()))
        except OSError:
            return load(path)
        entry = cache.get(real)
        if entry is not None and entry.content == content:
            entry.signature, entry.read_at = sig, read_at  # unchanged: trust its times from now on
            return entry.value
        value = load(path)
        if len(content) <= MAX_BYTES:
            cache[real] = _Entry(content, value, sig, read_at)
        return value

    return cached


_LISTINGS: dict[tuple[str, str], tuple[Signature, int, list[Path]]] = {}


def listing(folder: Path, pattern: str) -> list[Path]:
    """``sorted(folder.glob(pattern))``, listed again only when the folder has changed (a file
    added, removed or renamed changes the folder's times; the same margin applies)."""
    key = (os.fspath(folder), pattern)
    try:
        sig = signature(os.stat(folder))
    except OSError:
        return sorted(folder.glob(pattern))
    known = _LISTINGS.get(key)
    if known is not None and known[0] == sig and settled(sig, known[1]):
        return list(known[2])
    read_at = time.time_ns()
    found = sorted(folder.glob(pattern))
    _LISTINGS[key] = (sig, read_at, found)
    return list(found)
