"""The batch as an Excel workbook (openpyxl): what review offices circulate.

Sheet 汇总: one row per input file (unreadable ones included), one column per
part, each part's cell coloured by its status with the evidence and the
position as a cell note; the header row and the file column stay in view
(frozen) and every column has a filter. Sheet 审查意见: one row per finding.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from drafter.views.batch import Row
from drafter.views.table_rows import FINDINGS_HEADER, finding_rows, summary_header, summary_row

if TYPE_CHECKING:
    from drafter.standard import Standard

# Fill colours (ARGB) by part status and by verdict: the usual traffic lights, pale so text stays legible.
_FILLS = {"found": "FFC6EFCE", "partial": "FFFFEB9C", "missing": "FFFFC7CE", "absent": "FFEDEDED"}
_VERDICT_FILLS = {"unreadable": "FFE4C8F0", "incomplete": "FFFFC7CE", "errors": "FFFFEB9C", "complete": "FFC6EFCE"}
_WIDTHS = {"序号": 6, "文件": 36, "单位": 18, "年度": 7, "错误": 6, "提醒": 6, "参考": 6, "结论": 9, "说明": 60}
_FINDING_WIDTHS = [30, 18, 9, 24, 7, 70, 40]
_AUTHOR = "drafter"


def build(rows: list[Row], standard: Standard) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    _summary(summary, rows, standard)
    findings = book.create_sheet("审查意见")
    _findings(findings, rows, standard)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary(sheet, rows: list[Row], standard: Standard) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header = summary_header(standard)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    first_part = header.index(standard.parts[0].name) + 1
    verdict_column = header.index("结论") + 1
    for r, row in enumerate(rows, start=2):
        sheet.append(summary_row(row, standard))
        for k, part in enumerate(row.cells):
            cell = sheet.cell(r, first_part + k)
            cell.fill = PatternFill("solid", fgColor=_FILLS[part.status])
            cell.alignment = Alignment(horizontal="center")
            note = "\n".join(x for x in (part.evidence and f"依据：{part.evidence}", part.where and f"位置：{part.where}") if x)
            if note:
                cell.comment = Comment(note, _AUTHOR, width=320, height=120)
        sheet.cell(r, verdict_column).fill = PatternFill("solid", fgColor=_VERDICT_FILLS[row.verdict])
        sheet.cell(r, len(header)).alignment = Alignment(wrap_text=True, vertical="top")
    for c, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(name, 12)
    sheet.freeze_panes = "C2"  # the header row and the 序号/文件 columns
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def _findings(sheet, rows: list[Row], standard: Standard) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(FINDINGS_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    listed = finding_rows(rows, standard)
    for values in listed:
        sheet.append(values)
    for c, width in enumerate(_FINDING_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    for line in sheet.iter_rows(min_row=2, min_col=6, max_col=7):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDINGS_HEADER))}{len(listed) + 1}"
