"""The batch as plain rows of text: what the workbook and the CSV file hold.

Both tables have the same columns, so a reviewer who gets one or the other
sees the same thing: the summary (one row per input file, unreadable ones
included) and the findings (one row per finding).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.findings import LEVEL_WORDS
from drafter.views.batch import Row

if TYPE_CHECKING:
    from drafter.standard import Standard


def summary_header(standard: Standard) -> list[str]:
    return ["序号", "文件", "单位", "年度", *(p.name for p in standard.parts), "错误", "提醒", "参考", "结论", "说明"]


def summary_row(row: Row, standard: Standard) -> list[str | int | None]:
    if not row.cells:
        return [row.number, row.label, None, None, *([None] * len(standard.parts)), None, None, None,
                row.verdict_words, row.note]
    cells = [f"{c.mark} {c.words}" for c in row.cells]
    counts = [row.count(level) for level in LEVEL_WORDS]
    return [row.number, row.label, row.unit, row.year, *cells, *counts, row.verdict_words, row.note]


FINDINGS_HEADER = ["文件", "部分", "位置", "规则", "级别", "说明", "原文"]


def finding_rows(rows: list[Row], standard: Standard) -> list[list[str]]:
    names = {p.id: p.name for p in standard.parts}
    out = []
    for row in rows:
        for f in row.findings:
            out.append([row.label, names.get(f.part or "", ""), f.where, f.rule, LEVEL_WORDS[f.level], f.message,
                        f.excerpt or ""])
    return out

