"""Load a file once per process: again only when its content has changed.

The standard and the style sheet are parsed and validated on every render and
check; a process that renders or checks many files (the API, ``check`` with a
pool of workers) reads each of them once. Whether the file has changed is
decided by its bytes, not its modification time, which many file systems keep
only to a few milliseconds. The results cached are frozen models, safe to share.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
MAX_BYTES = 1024 * 1024  # larger files are loaded every time (and refused by the loader)


def per_file(load: Callable[[Path], T]) -> Callable[[Path], T]:
    """``load(path)``, remembered for each path until that file's content changes."""
    cache: dict[str, tuple[bytes, T]] = {}

    @functools.wraps(load)
    def cached(path: Path) -> T:
        try:
            key = os.path.realpath(path)
            with open(key, "rb") as file:
                content = file.read(MAX_BYTES + 1)
        except OSError:
            return load(path)  # let the loader say what is wrong, in Chinese
        hit = cache.get(key)
        if hit is not None and hit[0] == content:
            return hit[1]
        value = load(path)
        if len(content) <= MAX_BYTES:
            cache[key] = (content, value)
        return value

    return cached
