"""What checking works out once, not once per draft: from a standard (analysers, compiled
patterns, word tables) or from a rule's parameters. Kept by the object's identity together with
the object itself (so the identity stays its own), a bounded number in one process."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from drafter.standard import Standard

S = TypeVar("S")
T = TypeVar("T")
_MADE: dict[tuple[int, Hashable], tuple[Any, Any]] = {}
_MOST = 1024  # entries kept; a process that loads many standards or rule files starts afresh


def per_object(source: S, name: Hashable, build: Callable[[S], T]) -> T:
    """``build(source)``, made once for this object under ``name``."""
    made = _MADE.get((id(source), name))
    if made is None or made[0] is not source:
        if len(_MADE) > _MOST:
            _MADE.clear()
        made = _MADE[(id(source), name)] = (source, build(source))
    return made[1]


def per_standard(std: Standard, name: Hashable, build: Callable[[Standard], T]) -> T:
    """``build(std)``, made once for this standard under ``name``."""
    return per_object(std, name, build)
