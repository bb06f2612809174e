"""The reviewer's overview on the terminal: one row per file, one column per part.

Built to fit an 80-column terminal: file names and unit names give way (cut
with an ellipsis), the marks, the year and the counts never do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.views.batch import MARKS, STATUS_WORDS, Row, short_names

if TYPE_CHECKING:
    from rich.console import Console

    from drafter.standard import Standard

_STYLE = {"found": "green", "partial": "yellow", "missing": "bold red", "absent": "dim"}
_VERDICT_STYLE = {"unreadable": "bold magenta", "incomplete": "bold red", "errors": "yellow", "complete": "green"}


def print_matrix(rows: list[Row], standard: Standard, console: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    parts = short_names(standard)
    # Fixed widths for what must never be cut (year 4, each part 4, count 4, verdict 8),
    # one space between columns; the two names share what is left.
    widths = [max(4, 2 * len(short)) for _pid, short, _name in parts]
    names = max(14, console.width - (4 + sum(widths) + 4 + 8) - (len(widths) + 4) - 1)
    table = Table(box=box.SIMPLE_HEAD, padding=0, pad_edge=False, expand=False, show_edge=False)
    table.add_column("文件", overflow="ellipsis", no_wrap=True, max_width=names * 3 // 5)
    table.add_column("单位", overflow="ellipsis", no_wrap=True, max_width=names - names * 3 // 5)
    table.add_column("年度", no_wrap=True, width=4)
    for (_pid, short, _name), width in zip(parts, widths, strict=True):
        table.add_column(short, no_wrap=True, justify="center", width=width)
    table.add_column("意见", no_wrap=True, justify="right", width=4)
    table.add_column("结论", no_wrap=True, width=8)
    for row in rows:
        verdict = Text(row.verdict_words, style=_VERDICT_STYLE[row.verdict])
        if not row.cells:
            blanks = [Text("·", style="dim") for _ in parts]
            table.add_row(Text(row.label), Text("—", style="dim"), "", *blanks, "", verdict)
            continue
        marks = [Text(cell.mark, style=_STYLE[cell.status]) for cell in row.cells]
        count = Text(str(row.counted), style="red" if row.count("error") else "")
        table.add_row(Text(row.label), Text(row.unit or "—"), str(row.year or "—"), *marks, count, verdict)
    console.print(table)
    legend = "  ".join(f"{MARKS[s]} {STATUS_WORDS[s]}" for s in MARKS)
    shortened = "；".join(f"{short}＝{name}" for _pid, short, name in parts if short != name)
    console.print(Text(f"{legend}；意见：错误和提醒的条数", style="dim"))
    if shortened:
        console.print(Text(shortened, style="dim"))
