"""Findings about a draft as a whole: page furniture around it, whether it is a report at all,
and whether its parts come in an accepted order."""

from __future__ import annotations

from drafter.checking.headings import Unit
from drafter.checking.results import PartResult
from drafter.document.cjk import snippet
from drafter.findings import Finding
from drafter.standard import Standard


def findings(std: Standard, content: list[Unit], meta: list[Unit], results: list[PartResult]) -> list[Finding]:
    out = []
    if meta:
        shown = snippet(meta[0].text, 20)
        out.append(Finding(
            "front.page-furniture", "info",
            f"有 {len(meta)} 行是网页或文件的附加信息（如“{shown}”），"
            "不算报告正文，其中的日期也不作为报告年度。转发或归档时可以删去。",
            excerpt=meta[0].text, position=meta[0].index,
        ))
    full = "".join(u.text for u in content)
    markers = std.report_markers
    hits = [t for t in markers.terms if t in full]
    if len(hits) < markers.min_hits:
        seen = "、".join(hits) if hits else "一个也没有"
        out.append(Finding(
            "report.not-a-report", "warning",
            f"这份文件不像{std.name}：报告常用词（如“{markers.terms[0]}”“{markers.terms[1]}”）"
            f"只出现了 {len(hits)} 个（{seen}），至少应有 {markers.min_hits} 个。请确认选对了文件。",
        ))
    order = _order(std, results)
    if order is not None:
        out.append(order)
    return out


def _order(std: Standard, results: list[PartResult]) -> Finding | None:
    """A warning when the parts standing as sections come in none of the accepted orders."""
    # (a part standing as its own section always has the position of its heading)
    placed = sorted((r for r in results if r.own_section and r.status != "missing"), key=lambda r: r.position or 0)
    sequence = [r.id for r in placed]
    if any(_is_subsequence(sequence, o.sequence) for o in std.orders):
        return None
    names = {p.id: p.name for p in std.parts}
    shown = " → ".join(names[pid] for pid in sequence)
    accepted: dict[str, list[str]] = {}
    for order in std.orders:  # the accepted orders, restricted to the parts present
        expected = " → ".join(names[pid] for pid in order.sequence if pid in sequence)
        accepted.setdefault(expected, []).append(order.name)
    options = "；或".join(f"“{seq}”（{'、'.join(by)}）" for seq, by in accepted.items())
    return Finding("part.order", "warning", f"各部分的顺序是“{shown}”，不符合认可的顺序。应为{options}。")


def _is_subsequence(seq: list[str], order: list[str]) -> bool:
    it = iter(order)
    return all(pid in it for pid in seq)
