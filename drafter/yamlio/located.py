"""YAML data together with where every value came from (file:line:col)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.errors import Problem

Loc = tuple[str | int, ...]


@dataclass
class Located:
    """Parsed YAML data plus the source position of every path in it."""

    file: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    # Where a mapping's value starts, when not on its key's line (a block under "meta:").
    starts: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """Line and column (1-based) of ``loc`` or of its nearest recorded ancestor."""
        loc = tuple(loc)
        while True:
            if loc in self.marks:
                return self.marks[loc]
            if not loc:
                return None, None
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str) -> Problem:
        line, col = self.position(loc)
        return Problem(self.file, line, col, format_loc(loc), message)


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
