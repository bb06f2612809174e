"""Show check results: a table for people, JSON for other programs.

The JSON shape is a contract outside tools rely on; ``to_json`` builds
{"file", "complete", "parts": [{"id", "status", "evidence", "position"}],
"warnings": [str], "findings": [...]} (topic coverage is table-only
information). A file that cannot be read is ``error_json``: the same keys plus
"error", with ``parts`` empty exactly then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.findings import LEVEL_WORDS
from drafter.views.batch import MARKS, STATUS_WORDS

if TYPE_CHECKING:  # rich is loaded only to print tables: JSON output goes without it
    from rich.console import Console
    from rich.text import Text

    from drafter.checking.recognize import CheckResult, PartResult
    from drafter.findings import Finding

_LEVEL = {level: (LEVEL_WORDS[level], style) for level, style in (("error", "red"), ("warning", "yellow"), ("info", "dim"))}
_STATUS = {status: (f"{MARKS[status]} {STATUS_WORDS[status]}", style)
           for status, style in (("found", "green"), ("partial", "yellow"), ("missing", "red"))}


def to_json(result: CheckResult, file: str | None = None) -> dict:
    return {
        "file": result.file if file is None else file,
        "complete": result.complete,
        "parts": [
            {"id": p.id, "status": p.status, "evidence": p.evidence, "position": p.position}
            for p in result.parts
        ],
        "warnings": list(result.warnings),
        "findings": [f.as_dict() for f in result.findings],
    }


def error_json(file: str, message: str) -> dict:
    return {"file": file, "error": message, "complete": False, "parts": [], "warnings": [], "findings": []}


def print_table(result: CheckResult, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    year = f"（报告年度：{result.year}）" if result.year else "（未能判断报告年度）"
    console.print(Text(f"检查 {result.file}{year}", style="bold"))
    table = Table(show_lines=True, expand=False)
    table.add_column("部分", overflow="fold", max_width=18)
    table.add_column("状态", no_wrap=True)
    table.add_column("依据", overflow="fold", ratio=1)
    table.add_column("位置", no_wrap=True)
    for part in result.parts:
        table.add_row(Text(_part_name(part)), _status(part), Text(part.evidence or "—"), _position(part))
    console.print(table)
    print_findings(result.findings, console)
    covered = [t.name for t, hit in result.topics if hit]
    if result.topics:
        missing = [t.name for t, hit in result.topics if not hit]
        line = f"主题覆盖（供参考）：全文涉及主题目录中 {len(covered)}/{len(result.topics)} 个主题"
        console.print(Text(line + (f"；未涉及：{'、'.join(missing)}" if missing else "。"), style="dim"))
    console.print(_verdict(result))
    console.print()


def print_findings(findings: list[Finding], console: Console) -> None:
    """What a reviewer would send the report back for: place, level, message, the words found.

    Errors and warnings get a row each; info findings (typography and the like) a count per
    rule, so the rows that matter stay in view (JSON lists them all).
    """
    from rich.table import Table
    from rich.text import Text

    counts = {level: sum(f.level == level for f in findings) for level in _LEVEL}
    summary = "，".join(f"{_LEVEL[level][0]} {n} 处" for level, n in counts.items() if n)
    shown = [f for f in findings if f.level != "info"]
    if shown:
        table = Table(title=f"审查意见（{summary}）", title_justify="left", show_lines=False, expand=False)
        table.add_column("位置", no_wrap=True)
        table.add_column("级别", no_wrap=True)
        table.add_column("说明", overflow="fold", ratio=3)
        table.add_column("原文", overflow="fold", ratio=2)
        for f in shown:
            label, style = _LEVEL[f.level]
            table.add_row(f.where, Text(label, style=style), Text(f"{f.message}（{f.rule}）"), Text(f.excerpt or "—"))
        console.print(table)
    info: dict[str, list[Finding]] = {}
    for f in findings:
        if f.level == "info":
            info.setdefault(f.rule, []).append(f)
    for rule, group in info.items():
        places = "、".join(f.where for f in group[:5]) + ("等" if len(group) > 5 else "")
        console.print(Text(f"参考（{rule}）：{len(group)} 处，在{places}。如{group[0].where}：{group[0].message}", style="dim"))


def _part_name(part: PartResult) -> str:
    return part.name if part.required else f"{part.name}（可选）"


def _status(part: PartResult) -> Text:
    from rich.text import Text

    if part.status == "missing" and not part.required:
        return Text("— 未写", style="dim")
    label, style = _STATUS[part.status]
    return Text(label, style=style)


def _position(part: PartResult) -> str:
    return f"第 {part.position + 1} 段" if part.position is not None else "—"


def _verdict(result: CheckResult) -> Text:
    from rich.text import Text

    required = [p for p in result.parts if p.required]
    errors = sum(f.level == "error" for f in result.findings)
    serious = f"但有 {errors} 处错误需要改正（见审查意见）。" if errors else ""
    if result.complete:
        return Text(f"结论：必需的 {len(required)} 个部分齐全{'，' + serious if serious else '。'}",
                    style="bold yellow" if errors else "bold green")
    missing = "、".join(p.name for p in required if p.status == "missing")
    partial = "、".join(p.name for p in required if p.status == "partial")
    details = "；".join(x for x in (missing and f"缺少：{missing}", partial and f"不完整：{partial}") if x)
    return Text(f"结论：不齐全。{details}。{serious}", style="bold red")
