"""What checking works out from a standard once, not once per draft: analysers, compiled
patterns, word tables. Kept by the standard's identity with the standard itself (so the
identity stays its own), a few standards at most in one process."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from drafter.standard import Standard

T = TypeVar("T")
_MADE: dict[tuple[int, Hashable], tuple[Standard, Any]] = {}
_MOST = 256  # entries kept; a process that loads many standards starts afresh


def per_standard(std: Standard, name: Hashable, build: Callable[[Standard], T]) -> T:
    """``build(std)``, made once for this standard under ``name``."""
    made = _MADE.get((id(std), name))
    if made is None or made[0] is not std:
        if len(_MADE) > _MOST:
            _MADE.clear()
        made = _MADE[(id(std), name)] = (std, build(std))
    return made[1]
