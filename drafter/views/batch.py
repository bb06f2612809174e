"""A batch of checked drafts, as every reviewer's view sees it.

One :class:`Entry` per input file, readable or not; the matrix on the
terminal, the workbook, the CSV and the HTML page all take their rows from
:func:`rows`, so they never disagree about a file's verdict or its order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafter.findings import Finding, has_errors

if TYPE_CHECKING:
    from drafter.checking.recognize import CheckResult, PartResult
    from drafter.standard import Standard

Verdict = Literal["unreadable", "incomplete", "errors", "complete"]
VERDICTS: dict[Verdict, str] = {
    "unreadable": "无法读取",
    "incomplete": "不齐全",
    "errors": "有错误",  # every required part there, but an error-level finding to fix
    "complete": "齐全",
}
# A part's status in one character, and in words.
MARKS = {"found": "✓", "partial": "△", "missing": "✗", "absent": "—"}
STATUS_WORDS = {"found": "已找到", "partial": "不完整", "missing": "缺失", "absent": "未写（可选）"}


@dataclass(frozen=True)
class Entry:
    """One input file: its checked result, or why it could not be read."""

    file: str  # the path as the user gave or the folder walk found it
    label: str  # the name people see (the path below the folder given)
    result: CheckResult | None = None
    error: str | None = None


@dataclass(frozen=True)
class Cell:
    """One part of one file."""

    part: str
    status: str  # found / partial / missing, or "absent" for an optional part not written
    evidence: str | None
    position: int | None

    @property
    def mark(self) -> str:
        return MARKS[self.status]

    @property
    def words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def where(self) -> str:
        return f"第{self.position + 1}段" if self.position is not None else ""


@dataclass(frozen=True)
class Row:
    number: int  # the file's place in the order given, from 1
    entry: Entry
    verdict: Verdict
    unit: str | None
    year: int | None
    cells: list[Cell]  # one per part of the standard; empty for an unreadable file
    findings: list[Finding]

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def verdict_words(self) -> str:
        return VERDICTS[self.verdict]

    @property
    def counted(self) -> int:
        """Review findings that ask for a change (errors and warnings; info is advice)."""
        return sum(f.level != "info" for f in self.findings)

    def count(self, level: str) -> int:
        return sum(f.level == level for f in self.findings)

    @property
    def note(self) -> str:
        """What is wrong in one line: missing and incomplete parts, or why it is unreadable."""
        if self.entry.error is not None:
            return self.entry.error
        missing = [c for c in self.cells if c.status == "missing"]
        partial = [c for c in self.cells if c.status == "partial"]
        names = self._names
        said = [f"缺少：{'、'.join(names[c.part] for c in missing)}" if missing else "",
                f"不完整：{'、'.join(names[c.part] for c in partial)}" if partial else ""]
        errors = self.count("error")
        said.append(f"{errors} 处错误" if errors else "")
        return "；".join(s for s in said if s)

    @property
    def _names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.entry.result.parts} if self.entry.result else {}


def verdict(entry: Entry) -> Verdict:
    if entry.result is None:
        return "unreadable"
    if not entry.result.complete:
        return "incomplete"
    if has_errors(entry.result.findings):
        return "errors"
    return "complete"


_RANK = {verdict: n for n, verdict in enumerate(VERDICTS)}  # VERDICTS lists the worst first


def rows(entries: list[Entry]) -> list[Row]:
    """One row per entry; the ones needing attention first (stable: input order within a verdict)."""
    out = [_row(n, entry) for n, entry in enumerate(entries, start=1)]
    return sorted(out, key=lambda r: _RANK[r.verdict])


def exit_code(entries: list[Entry]) -> int:
    """2 when any file is unreadable; else 1 when any is incomplete or has an error; else 0."""
    verdicts = {verdict(e) for e in entries}
    if "unreadable" in verdicts:
        return 2
    return 1 if verdicts & {"incomplete", "errors"} else 0


def totals(entries: list[Entry]) -> str:
    """The batch in one sentence."""
    counted = {v: 0 for v in VERDICTS}
    for entry in entries:
        counted[verdict(entry)] += 1
    said = "，".join(f"{VERDICTS[v]} {n} 个" for v, n in counted.items() if n)
    return f"共 {len(entries)} 个文件：{said}。"


def short_names(standard: Standard) -> list[tuple[str, str, str]]:
    """(id, short name for a column, full name) for each part."""
    return [(p.id, p.short or p.name, p.name) for p in standard.parts]


def _row(number: int, entry: Entry) -> Row:
    result = entry.result
    if result is None:
        return Row(number, entry, "unreadable", None, None, [], [])
    cells = [_cell(p) for p in result.parts]
    return Row(number, entry, verdict(entry), result.unit, result.year, cells, list(result.findings))


def _cell(part: PartResult) -> Cell:
    status = "absent" if part.status == "missing" and not part.required else part.status
    return Cell(part.id, status, part.evidence, part.position)
