"""Every block kind a Document carries, written by the .docx writer straight from the Document.

The form's table and note blocks and the 公文 furniture (number line, 版记)
are laid out by the writer itself, from the style sheet; these tests build
the Document by hand, so they hold whatever template produced it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt
from render_support import open_docx, part_names, read_part

from drafter.document import Document, Table
from drafter.drafting import stylesheet
from drafter.drafting.stylesheet import Form, FormTable
from drafter.drafting.wordfile import writer

MARKERS = re.compile(r"【待填写：[^】]*】")
PROPERTIES = writer.Properties(title="测试", author="某县公安局",
                               created=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
TWIPS_PER_MM = 1440 / 25.4


@pytest.fixture(scope="module")
def sheet():
    return stylesheet.load()


def document(*blocks: tuple) -> Document:
    out = Document()
    for kind, text, *table in blocks:
        out.add(kind, text, **({"table": table[0]} if table else {}))
    return out


def test_a_table_block_is_a_table_of_its_cells_sized_by_weight(sheet):
    table = Table(rows=(("指标", "本年数值"), ("办理案件", "【待填写：数值】")), weights=(3, 1))
    data = writer.write(document(("paragraph", "正文。"), ("table", "", table), ("paragraph", "后文。")),
                        sheet, MARKERS, PROPERTIES)
    word = open_docx(data)
    [written] = word.tables
    assert [[c.text for c in row.cells] for row in written.rows] == [["指标", "本年数值"], ["办理案件", "【待填写：数值】"]]
    assert [p.text for p in word.paragraphs] == ["正文。", "后文。"]  # in its place between them
    width = round(sheet.type_width_mm * TWIPS_PER_MM)
    columns = [c.width.twips for c in written.columns]
    assert sum(columns) == pytest.approx(width, abs=2) and columns[0] == pytest.approx(3 * columns[1], abs=2)
    spec = sheet.form.table
    header, row = written.rows
    assert all(r.bold for c in header.cells for r in c.paragraphs[0].runs)
    shading = [c._tc.tcPr.find(qn("w:shd")) for c in header.cells]
    assert [s.get(qn("w:fill")) for s in shading] == [spec.header_fill] * 2
    assert all(c._tc.tcPr.find(qn("w:shd")) is None for c in row.cells)
    blank = row.cells[1].paragraphs[0].runs[0]
    assert blank.font.highlight_color == WD_COLOR_INDEX.YELLOW and blank.font.size == Pt(spec.size_pt)
    borders = written._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:color")) for b in borders} == {spec.rule_color}


def test_the_form_section_of_the_style_sheet_decides_the_table_look(sheet):
    table = Table(rows=(("指标",), ("办理案件",)), weights=(1,))
    custom = sheet.model_copy(update={"form": Form(table=FormTable(header_fill="FFF2CC", size_pt=10.5))})
    word = open_docx(writer.write(document(("table", "", table)), custom, MARKERS, PROPERTIES))
    header = word.tables[0].rows[0].cells[0]
    assert header._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF2CC"
    assert header.paragraphs[0].runs[0].font.size == Pt(10.5)


def test_a_note_block_is_in_the_grey_note_style_and_only_then_defined(sheet):
    with_note = open_docx(writer.write(document(("note", "填写说明：可以删掉。"), ("paragraph", "正文。")),
                                       sheet, MARKERS, PROPERTIES))
    note, body = with_note.paragraphs
    assert note.style.name == "drafter 填写说明" and body.style.name == "Normal"
    spec = sheet.form.note
    assert note.style.font.size == Pt(spec.size_pt) and str(note.style.font.color.rgb) == spec.color
    without = open_docx(writer.write(document(("paragraph", "正文。")), sheet, MARKERS, PROPERTIES))
    assert "drafter 填写说明" not in [s.name for s in without.styles]


def test_furniture_blocks_frame_the_body_wherever_the_document_lists_them(sheet):
    blocks = document(
        ("title", "关于某事的报告"), ("docnumber", "某公呈〔2026〕1号"), ("issuer", "签发人：【待填写：姓名】"),
        ("paragraph", "正文。"), ("cc", "抄送：甲单位，乙单位。"), ("imprint", "某局办公室"), ("imprint", "2026年1月5日印发"),
    )
    data = writer.write(blocks, sheet, MARKERS, PROPERTIES)
    word = open_docx(data)
    first = word.paragraphs[0]
    assert first.text == "某公呈〔2026〕1号\t签发人：【待填写：姓名】"
    assert [r.font.highlight_color for r in first.runs if r.text == "【待填写：姓名】"] == [WD_COLOR_INDEX.YELLOW]
    assert [p.text for p in word.paragraphs[1:3]] == ["关于某事的报告", "正文。"]
    body = read_part(data, "word/document.xml").find(qn("w:body"))
    *_, table, tail, section = list(body)
    assert (table.tag, tail.tag, section.tag) == (qn("w:tbl"), qn("w:p"), qn("w:sectPr"))
    assert [c.text for row in word.tables[0].rows for c in row.cells] == ["抄送：甲单位，乙单位。", "某局办公室\t2026年1月5日印发"]
    assert table.find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is not None  # held at the foot of the type area


def test_custom_properties_are_a_part_of_their_own_only_when_given(sheet):
    marked = writer.Properties(title="表", author="某局", created=PROPERTIES.created, custom=(("drafter-form", "1"),))
    data = writer.write(document(("paragraph", "正文。")), sheet, MARKERS, marked)
    custom = read_part(data, "docProps/custom.xml")
    [prop] = list(custom)
    assert (prop.get("name"), prop.get("pid"), prop[0].text) == ("drafter-form", "2", "1")
    assert "docProps/custom.xml" not in part_names(writer.write(document(("paragraph", "正文。")), sheet, MARKERS, PROPERTIES))
    assert data == writer.write(document(("paragraph", "正文。")), sheet, MARKERS, marked)  # still deterministic
