"""The batch as one HTML file a reviewer can e-mail: the matrix on top, each file's findings below.

Self-contained: the style sheet is inline, there is no script and nothing is
fetched, so the page reads the same offline, in a mail client or printed.
Every piece of text from a draft is escaped (a draft is someone else's file).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from drafter.findings import LEVEL_WORDS
from drafter.views.batch import MARKS, STATUS_WORDS, Row, short_names, totals

if TYPE_CHECKING:
    from drafter.standard import Standard

_STYLE = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:1100px;
 padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.5em}h2{font-size:1.2em;border-top:1px solid #ccc;padding-top:1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#f0f0f0}td.mark{text-align:center;font-weight:bold}td.num{text-align:right}
.found{background:#c6efce}.partial{background:#ffeb9c}.missing{background:#ffc7ce}.absent{background:#ededed;color:#777}
.unreadable{background:#e4c8f0}.incomplete{background:#ffc7ce}.errors{background:#ffeb9c}.complete{background:#c6efce}
.error{color:#b00;font-weight:bold}.warning{color:#8a6d00}.info{color:#666}
q{background:#fff8dc}.nowrap{white-space:nowrap}.legend,.note{color:#555;font-size:.9em}
"""


def build(rows: list[Row], standard: Standard) -> bytes:
    title = f"{standard.name}检查结果"
    entries = [row.entry for row in rows]
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(totals(entries))}按需要处理的先后排列：无法读取、不齐全、有错误、齐全。</p>",
        _matrix(rows, standard),
        *(_section(row) for row in rows),
        "</body></html>",
    ]
    return "\n".join(out).encode("utf-8")


def _matrix(rows: list[Row], standard: Standard) -> str:
    parts = short_names(standard)
    head = "".join(f'<th title="{escape(name)}">{escape(short)}</th>' for _pid, short, name in parts)
    lines = [f'<table class="matrix"><thead><tr><th>文件</th><th>单位</th><th>年度</th>{head}'
             "<th>意见</th><th>结论</th></tr></thead><tbody>"]
    for row in rows:
        link = f'<a href="#file-{row.number}">{escape(row.label)}</a>'
        verdict = f'<td class="{row.verdict}">{escape(row.verdict_words)}</td>'
        if not row.cells:
            blank = "<td></td>" * len(parts)
            lines.append(f"<tr><td>{link}</td><td></td><td></td>{blank}<td></td>{verdict}</tr>")
            continue
        marks = "".join(
            f'<td class="mark {c.status}" title="{escape(c.words)}">{escape(c.mark)}</td>' for c in row.cells
        )
        lines.append(f"<tr><td>{link}</td><td>{escape(row.unit or '')}</td><td>{row.year or ''}</td>{marks}"
                     f'<td class="num">{row.counted}</td>{verdict}</tr>')
    lines.append("</tbody></table>")
    legend = "　".join(f"{MARKS[s]} {STATUS_WORDS[s]}" for s in MARKS)
    names = "；".join(f"{short}＝{name}" for _pid, short, name in parts)
    lines.append(f'<p class="legend">{escape(legend)}；意见：错误和提醒的条数。{escape(names)}</p>')
    return "\n".join(lines)


def _section(row: Row) -> str:
    out = [f'<section id="file-{row.number}"><h2>{escape(row.label)}</h2>']
    facts = [x for x in (row.unit, f"{row.year}年度" if row.year else None) if x]
    out.append(f'<p>{escape("，".join(facts) + "。" if facts else "")}结论：'
               f'<span class="{row.verdict}">{escape(row.verdict_words)}</span>'
               f'{escape("。" + row.note if row.note else "")}</p>')
    if row.cells:
        names = {p.id: p.name for p in row.entry.result.parts} if row.entry.result else {}
        out.append("<table><tr><th>部分</th><th>状态</th><th>依据</th><th>位置</th></tr>")
        for c in row.cells:
            out.append(f'<tr><td>{escape(names.get(c.part, c.part))}</td><td class="{c.status}">'
                       f"{escape(c.mark + ' ' + c.words)}</td><td>{_quoted(c.evidence)}</td>"
                       f'<td class="nowrap">{escape(c.where)}</td></tr>')
        out.append("</table>")
    if row.findings:
        out.append("<table><tr><th>位置</th><th>级别</th><th>说明</th><th>原文</th></tr>")
        for f in row.findings:
            quoted = _quoted(f.excerpt)
            out.append(f'<tr><td class="nowrap">{escape(f.where)}</td>'
                       f'<td class="{f.level} nowrap">{escape(LEVEL_WORDS[f.level])}</td>'
                       f'<td>{escape(f.message)} <span class="note">（{escape(f.rule)}）</span></td>'
                       f"<td>{quoted}</td></tr>")
        out.append("</table>")
    elif row.cells:
        out.append('<p class="note">没有审查意见。</p>')
    out.append("</section>")
    return "\n".join(out)


def _quoted(text: str | None) -> str:
    return f"<q>{escape(text)}</q>" if text else ""
