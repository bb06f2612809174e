"""Show completeness results: a rich table for people, JSON for tools."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from drafter.drafting.completeness import PartSummary, is_complete
from drafter.findings import LEVEL_WORDS, Finding

_LEVEL = {level: f"[{style}]{LEVEL_WORDS[level]}[/{style}]" for level, style in (("error", "red"), ("warning", "yellow"), ("info", "dim"))}

# The codes validate's JSON used before findings had dotted rule ids. Kept as
# "code" (and "severity" for "level") for one release so tools can move over.
_LEGACY_CODES = {
    "part.missing": "missing_part", "part.too-few": "min_items", "part.too-short": "min_chars",
    "input.empty": "empty_text", "measures.too-few-points": "min_points", "measures.unknown-topic": "unknown_topic",
    "shortcoming.no-cause": "no_cause", "shortcoming.duplicate-id": "duplicate_id",
    "plans.unknown-answer": "unknown_answer", "leadership.fact-missing": "leadership_fact",
    "meta.no-date": "no_date", "meta.date-year": "date_year", "year.opening-stale": "stale_year",
    "plans.year": "plan_year", "placeholder": "blank", "meta.unknown-order": "unknown_order",
    "meta.no-recipients": "no_recipients", "meta.no-preamble": "no_preamble",
}


def finding_json(finding: Finding) -> dict:
    out = finding.as_dict()
    out["code"] = _LEGACY_CODES.get(finding.rule, finding.rule)  # rules added since have no old code
    out["severity"] = finding.level
    return out


def payload(file: str, parts: list[PartSummary], findings: list[Finding], complete: bool | None = None) -> dict:
    """``findings``: completeness and content findings together; ``complete`` is decided by the former alone."""
    return {
        "file": file,
        "complete": is_complete(findings) if complete is None else complete,
        "parts": [
            {"id": p.id, "required": p.required, "items": p.items, "chars": p.chars, "complete": p.complete}
            for p in parts
        ],
        "findings": [finding_json(f) for f in findings],
    }


def show(console: Console, file: str, parts: list[PartSummary], findings: list[Finding],
         review: list[Finding] = ()) -> None:  # type: ignore[assignment]
    """``findings`` decide completeness; ``review`` (content findings) is listed with them but only advises."""
    table = Table(title=f"{file} 各部分情况", title_justify="left")
    table.add_column("部分", overflow="fold")
    table.add_column("id", style="dim")
    table.add_column("条目", justify="right")
    table.add_column("字数", justify="right")
    table.add_column("状态")
    for p in parts:
        if p.complete:
            status = "[green]完整[/green]" if p.items else "[dim]未写（可选）[/dim]"
        else:
            status = "[red]不完整[/red]"
        table.add_row(p.name, p.id, str(p.items), str(p.chars), status)
    console.print(table)
    listed = sorted([*findings, *review], key=lambda f: (f.line is None, f.line or 0, f.col or 0))
    if listed:
        # The file is named in the title; each row says the place in words,
        # counted from 1, with its line (or, in a Word form, its paragraph).
        listing = Table(title=f"需要处理的问题（{file}）", title_justify="left", show_lines=False)
        listing.add_column("位置", overflow="fold", max_width=30)
        listing.add_column("级别", no_wrap=True)
        listing.add_column("说明", overflow="fold")
        for f in listed:
            place = f.spot if (f.line or f.anchor or f.place) else "—"
            listing.add_row(place, _LEVEL[f.level], f.message + (f"（原文：{f.excerpt}）" if f.excerpt else ""))
        console.print(listing)
    if any(f.rule == "placeholder" for f in findings):
        console.print("提示：把每个【待填写：…】连同括号替换为实际内容。")
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    if errors:
        console.print(f"[red]不完整[/red]：{errors} 处错误，{warnings} 处提醒。改完错误后再运行 drafter validate。")
    else:
        console.print(f"[green]完整[/green]：没有错误，{warnings} 处提醒。可以运行 drafter render 生成文稿。")
    if review:
        wrong = sum(f.level == "error" for f in review)
        tail = f"其中 {wrong} 处错误，定稿前必须改正" if wrong else "都是提醒或参考，不影响完整性"
        console.print(f"内容审查：{len(review)} 条意见，{tail}。")
