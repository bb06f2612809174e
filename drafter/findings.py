"""One finding shape for every check: a draft's parts and content, an input's completeness.

A finding names its rule by a stable dotted id (``shortcoming.no-cause``), has a
level (error, warning, info), a Chinese message, and a place: a paragraph in a
draft (``position``, 0-based) or a line in an input (``line``, ``col``,
``path``). ``where`` says the place in words for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    rule: str
    level: Level
    message: str
    excerpt: str | None = None
    position: int | None = None  # paragraph index in a draft, 0-based
    part: str | None = None  # the standard's part id the finding concerns, if one
    file: str = ""
    line: int | None = None  # inputs: 1-based line and column, and the place in the data
    col: int | None = None
    path: str | None = None

    @property
    def where(self) -> str:
        if self.line is not None:
            return f"第{self.line}行"
        if self.position is not None:
            return f"第{self.position + 1}段"
        return "全文"

    @property
    def location(self) -> str:
        """file:line:col for messages on the terminal."""
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule, "level": self.level, "message": self.message,
            "excerpt": self.excerpt, "position": self.position, "where": self.where,
        }
        if self.part is not None:
            out["part"] = self.part
        if self.path is not None:
            out.update(line=self.line, col=self.col, path=self.path)
        return out


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)
