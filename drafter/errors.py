"""User-facing errors: a Chinese message, a place, a fix, and exit code 2."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One located problem in a user's file."""

    file: str
    line: int | None
    col: int | None
    path: str  # dotted place inside the data, e.g. "measures[0].points[1].text" (for tools)
    message: str
    place: str = ""  # the same place in words, counted from 1: 第1个主题第2条举措的“内容”
    anchor: str | None = None  # where in a Word form, when the input is one: 第3部分第2段

    def location(self) -> str:
        if self.line is None:
            return f"{self.file}（{self.anchor}）" if self.anchor else self.file
        return f"{self.file}:{self.line}:{self.col or 1}"

    def __str__(self) -> str:
        where = self.location()
        if self.place:
            return f"{where}  {self.place}：{self.message}"
        return f"{where}  {self.path}  {self.message}" if self.path else f"{where}  {self.message}"


class DrafterError(Exception):
    """Input drafter cannot use. The CLI prints it and exits with ``exit_code``."""

    exit_code = 2

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def __str__(self) -> str:
        lines = [self.message, *(f"  {p}" for p in self.problems)]
        return "\n".join(lines)
