"""The 公文 elements around the body: the number line above the title and the 版记 at the end.

GB/T 9704 places 发文字号 and 签发人 on one line above the title of a report
sent upward, under a red rule, and ends a document with the 版记: 抄送 and
印发机关/印发日期 between rules at the foot of the last page. The Document
carries them as docnumber, issuer, cc and imprint blocks; the body writer
passes over them and these functions lay them out by the style sheet's
``number_line`` and ``imprint``, before and after the body.
"""

from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt, RGBColor, Twips

from drafter.document import Document
from drafter.drafting.stylesheet import em_width
from drafter.drafting.wordfile import oxml, tables
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.text import Marks

KINDS = frozenset({"docnumber", "issuer", "cc", "imprint"})
_LABEL = re.compile(r"^(.*?[:：])\s*(.*)$")
_GAP_ABOVE = 170  # twips (3 mm) between the body's last line and a 版记 fixed at the page's foot
_LEAST_LINE = 20  # twips: the smallest exact line height Word keeps


def number_line(document, blocks: Document, layout: Layout, marks: Marks) -> None:
    """发文字号 one character in from the left, 签发人 from the right, over a rule; nothing when neither is given."""
    numbers = [b.text for b in blocks.blocks if b.kind == "docnumber"]
    issuers = [b.text for b in blocks.blocks if b.kind == "issuer"]
    if not numbers and not issuers:
        return
    spec = layout.sheet.number_line
    indent = round(spec.indent_chars * spec.size_pt * 20)
    paragraph = document.add_paragraph()
    ppr = tables.exact_lines(paragraph, layout.pitch, after=layout.lines(spec.space_after_lines))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Twips(indent)
    fmt.tab_stops.add_tab_stop(Twips(layout.width - indent), WD_TAB_ALIGNMENT.RIGHT)
    oxml.rule_below(ppr, oxml.Rule(spec.rule_pt, spec.rule_color, space_pt=4))
    if numbers:
        _text(paragraph, numbers[-1], spec.font, spec.size_pt, layout, marks)
    if issuers:
        label, name = _labelled(issuers[-1])
        paragraph.add_run("\t")
        _text(paragraph, label, spec.font, spec.size_pt, layout, marks)
        _text(paragraph, name, spec.name_font, spec.size_pt, layout, marks)  # the name in 楷体 (7.2.5)


def imprint(document, blocks: Document, layout: Layout, marks: Marks) -> None:
    """The 版记 as a one-column table between rules; nothing when there is no 抄送 or 印发."""
    copies = [b.text for b in blocks.blocks if b.kind == "cc"]
    printed = [b.text for b in blocks.blocks if b.kind == "imprint"]
    if not copies and not printed:
        return
    spec = layout.sheet.imprint
    char = round(spec.size_pt * 20)
    indent = round(spec.indent_chars * char)
    line = round(spec.line_pt * 20)
    table, element, rows = tables.grid(document, len(copies) + bool(printed), [layout.width], layout.width)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    thick, thin = oxml.Rule(spec.thick_pt), oxml.Rule(spec.thin_pt)
    oxml.table_borders(element.tblPr, top=thick, left=None, bottom=thick, right=None, insideH=thin, insideV=None)
    oxml.cell_margins(element.tblPr, left=0, right=0)
    cells = [row[0] for row in rows]
    lines = 0
    for text, cell in zip(copies, cells, strict=False):  # the row after the copies is the 印发 line
        # A long 抄送 wraps under the first name after the colon (7.4.2).
        label, names = _labelled(text)
        hanging = len(label) * char
        lines += _lines(names, layout.width - 2 * indent - hanging, spec.size_pt)
        paragraph = cell.paragraphs[0]
        tables.exact_lines(paragraph, line)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.right_indent = Twips(indent + hanging), Twips(indent)
        fmt.first_line_indent = Twips(-hanging)
        _text(paragraph, label, spec.font, spec.size_pt, layout, marks)
        _text(paragraph, names, spec.font, spec.size_pt, layout, marks)
    if printed:
        # 印发机关 on the left, 印发日期 on the right (7.4.3).
        printer, date = (printed + [""])[:2]
        lines += 1
        paragraph = cells[-1].paragraphs[0]
        tables.exact_lines(paragraph, line)
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Twips(indent)
        fmt.tab_stops.add_tab_stop(Twips(layout.width - indent), WD_TAB_ALIGNMENT.RIGHT)
        _text(paragraph, printer, spec.font, spec.size_pt, layout, marks)
        paragraph.add_run("\t")
        _text(paragraph, date, spec.font, spec.size_pt, layout, marks)
    if spec.page_bottom:
        rules = 2 * round(spec.thick_pt * 8) * 20 / 8
        oxml.float_in_type_area(element.tblPr, round(layout.height - lines * line - rules), _GAP_ABOVE)
    # A document's body ends with a paragraph, also after a table: as small as Word
    # allows and off the grid, so it never starts a page of its own.
    tail = document.add_paragraph()
    oxml.mark_size(tables.exact_lines(tail, _LEAST_LINE, flush=False), 1)


def _labelled(text: str) -> tuple[str, str]:
    """"抄送：甲，乙" → ("抄送：", "甲，乙"); text without a colon has no label."""
    found = _LABEL.match(text)
    return (found.group(1), found.group(2)) if found else ("", text)


def _lines(text: str, width: int, size_pt: float) -> int:
    """How many lines ``text`` takes at ``size_pt`` in ``width`` twips."""
    per_line = max(1.0, width / (size_pt * 20))
    return max(1, -(-int(em_width(text) * 100) // int(per_line * 100)))


def _text(paragraph, text: str, role: str, size_pt: float, layout: Layout, marks: Marks) -> None:
    """Runs in a font role of the style sheet at ``size_pt``, black, without the body's tracking."""
    for run in marks.runs(paragraph, text):
        run.font.size = Pt(size_pt)
        run.font.color.rgb = RGBColor(0, 0, 0)
        rpr = run.element.get_or_add_rPr()
        oxml.run_fonts(rpr, layout.sheet.latin_font, layout.font(role))
        oxml.tracking(rpr, 0)
        oxml.complex_script_size(rpr, size_pt)
