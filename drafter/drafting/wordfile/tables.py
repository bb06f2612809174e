"""Tables: the grid python-docx adds, and the Word form's tables of cells.

python-docx adds the table, its columns' and cells' widths, fixed layout and
the cells' text and paragraph formatting; ``oxml`` adds what it has no API
for (the table's own width, borders, header shading, snapping off the grid).
"""

from __future__ import annotations

import copy

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Twips
from docx.table import Table as WordTable
from lxml import etree

from drafter.document import Table
from drafter.drafting.wordfile import oxml
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.text import Marks

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def grid(document, rows: int, widths: list[int], total: int) -> tuple[WordTable, etree._Element, list[list]]:
    """A fixed-layout table ``total`` twips wide with columns ``widths`` twips wide; its w:tbl and cells by row."""
    table = document.add_table(rows=rows, cols=len(widths))
    # python-docx gives a table no public element; the one just added is the body's last.
    element = document.element.body.tbl_lst[-1]
    table.autofit = False
    cells = [row.cells for row in table.rows]  # python-docx works each row's cells out anew on every call
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    for row in cells:
        for cell, width in zip(row, widths, strict=True):
            cell.width = Twips(width)
    oxml.table_width(element.tblPr, total)
    return table, element, cells


def exact_lines(paragraph, line: int, before: int = 0, after: int = 0, flush: bool = True) -> etree._Element:
    """Lines ``line`` twips high off the document grid; ``flush``: left-aligned, no first-line indent. The w:pPr."""
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Twips(before), Twips(after)
    fmt.line_spacing = Twips(line)  # a length: an exact line height
    ppr = fmt.element.get_or_add_pPr()
    oxml.no_grid_snap(ppr)
    if flush:
        fmt.first_line_indent = Twips(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        oxml.first_line_chars(ppr, 0)
    return ppr


def add(document, table: Table, layout: Layout, marks: Marks) -> None:
    """A form table: the full type width shared by the columns' weights, grey rules, the header row shaded and bold."""
    spec = layout.sheet.form.table
    weights = table.weights
    widths = [int(layout.width * w / sum(weights)) for w in weights]
    _, element, cells = grid(document, len(table.rows), widths, layout.width)
    rule = oxml.Rule(spec.rule_pt, spec.rule_color)
    oxml.table_borders(element.tblPr, **{edge: rule for edge in _EDGES})
    padding = round(spec.padding_pt * 20)
    # Every cell's paragraph is formatted alike: formatted once, copied to the rest.
    ppr = exact_lines(cells[0][0].paragraphs[0], round(spec.line_pt * 20), padding, padding)
    for number, (texts, row, tr) in enumerate(zip(table.rows, cells, element.tr_lst, strict=True)):
        header = number == 0
        for column, (text, cell, tc) in enumerate(zip(texts, row, tr.tc_lst, strict=True)):
            paragraph = cell.paragraphs[0]
            if number or column:
                paragraph.paragraph_format.element.insert(0, copy.deepcopy(ppr))
            for run in marks.runs(paragraph, text, bold=header):
                run.font.size = Pt(spec.size_pt)
                rpr = run.element.get_or_add_rPr()
                oxml.tracking(rpr, 0)
                oxml.complex_script_size(rpr, spec.size_pt)
            if header:
                oxml.cell_shading(tc.get_or_add_tcPr(), spec.header_fill)
