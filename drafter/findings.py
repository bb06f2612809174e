"""One finding shape for every check: a draft's parts and content, an input's completeness.

A finding names its rule by a stable dotted id (``shortcoming.no-cause``), has a
level (error, warning, info), a Chinese message, and a place: a paragraph in a
draft (``position``, 0-based) or a line in an input (``line``, ``col``,
``path``, and ``place``: the path in words, counted from 1); a Word form input
has an ``anchor`` (第3部分第2段) instead of a line. ``where`` and ``spot`` say
the place in words for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_WORDS: dict[str, str] = {"error": "错误", "warning": "提醒", "info": "参考"}  # as every view names them


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
    place: str | None = None  # inputs: the place in words, counted from 1 (第2条不足的“原因”)
    anchor: str | None = None  # a Word form input: the paragraph (第3部分第2段)

    @property
    def where(self) -> str:
        if self.line is not None:
            return f"第{self.line}行"
        if self.anchor is not None:
            return self.anchor
        if self.position is not None:
            return f"第{self.position + 1}段"
        return "全文"

    @property
    def spot(self) -> str:
        """The place for people: 第2条不足的“原因”（第112行）, or just 第112行 / 第3段."""
        return f"{self.place}（{self.where}）" if self.place else self.where

    @property
    def location(self) -> str:
        """file:line:col for messages on the terminal (file and paragraph for a Word form)."""
        if self.line is None:
            return f"{self.file}（{self.anchor}）" if self.anchor else self.file
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
        if self.place is not None:
            out["place"] = self.place
        if self.anchor is not None:
            out["anchor"] = self.anchor
        return out


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)
