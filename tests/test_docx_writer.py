"""The .docx a unit receives: GB/T 9704 page, fonts, outline, footers, closing, markers, bytes."""

from __future__ import annotations

import io
import math
import re
import zipfile

import pytest
from docx.enum.text import WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from paths import EXAMPLES
from render_support import (
    body_text,
    east_asian_font,
    expected_headings,
    footer_has_page_field,
    headings,
    input_texts,
    open_docx,
    outline_level,
    report_data,
    style_element,
)

from drafter.drafting import input as model
from drafter.drafting import render, stylesheet
from drafter.drafting.input import Report
from drafter.drafting.stylesheet import em_width


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request, std):
    report, _ = model.load(request.param)
    data = render.draft(report, std)
    return report, data, open_docx(data)


@pytest.mark.parametrize(
    ("style_id", "font"),
    [("Normal", "仿宋_GB2312"), ("Title", "方正小标宋简体"), ("Heading1", "黑体"),
     ("Heading2", "楷体_GB2312"), ("Heading3", "仿宋_GB2312"), ("Heading4", "仿宋_GB2312"),
     ("Signature", "仿宋_GB2312"), ("Date", "仿宋_GB2312"), ("Footer", "宋体")],
)
def test_styles_carry_east_asian_fonts(example, style_id, font):
    assert east_asian_font(example[2], style_id) == font


def test_sizes_bold_and_latin_font(example):
    document = example[2]
    half_points = {sid: style_element(document, sid).find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))
                   for sid in ("Normal", "Title", "Heading1", "Heading2", "Footer")}
    assert half_points == {"Normal": "32", "Title": "44", "Heading1": "32", "Heading2": "32", "Footer": "28"}
    for sid in half_points:  # complex-script text (none expected, but Word reads both) the same size
        size = style_element(document, sid).find(f"{qn('w:rPr')}/{qn('w:szCs')}").get(qn("w:val"))
        assert size == half_points[sid]
    assert document.styles["Heading 3"].font.bold is True
    assert document.styles["Heading 1"].font.bold is False
    fonts = style_element(document, "Normal").find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    assert document.styles["Title"].paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER
    indent = document.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert indent.get(qn("w:firstLineChars")) == "200"


def test_heading_styles_have_outline_levels(example):
    for level in range(1, 5):
        assert outline_level(example[2], f"Heading{level}") == level - 1


def test_outline_follows_the_inputs_parts_and_topics(example, std):
    report, _, document = example
    found = headings(document)
    expected = expected_headings(report, std)
    assert [level for level, _ in found] == [level for level, _ in expected]
    for (_, text), (_, title) in zip(found, expected, strict=True):
        assert text.endswith(title)
    level1 = [text for level, text in found if level == 1]
    numbers = "一二三四五六七八九十"
    assert [text[: text.index("、")] for text in level1] == list(numbers[: len(level1)])


def test_every_input_text_is_in_the_draft(example):
    report, _, document = example
    text = body_text(document)
    missing = [t for t in input_texts(report) if t not in text]
    assert not missing


def test_footers_number_pages_odd_right_even_left(example):
    document = example[2]
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert footer_has_page_field(section.footer) and footer_has_page_field(section.even_page_footer)
    assert odd.alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT and even.alignment == WD_PARAGRAPH_ALIGNMENT.LEFT
    assert odd.paragraph_format.right_indent.pt == pytest.approx(14)
    assert even.paragraph_format.left_indent.pt == pytest.approx(14)
    assert odd.text.startswith("— ") and odd.text.endswith(" —")
    # The number's line (14 pt) starts 7 mm below the type area, which ends 35 mm above the edge.
    assert section.footer_distance.mm == pytest.approx(35 - 7 - 14 * 25.4 / 72, abs=0.3)


def test_signature_and_date_close_the_draft(example):
    report, _, document = example
    texts = [p for p in document.paragraphs if p.text.strip()]
    styles = [p.style.name for p in texts]
    at = styles.index("Signature")
    last = texts[at:at + 2]
    assert [p.style.name for p in last] == ["Signature", "Date"]
    assert texts[at - 1].text == "特此报告。"  # the closing formula before the signature
    assert last[0].text == report.signer
    date = report.meta.date
    assert last[1].text == f"{date.year}年{date.month}月{date.day}日"
    # GB/T 9704 7.3.5: the date's first character is two characters right of the signature's.
    sheet = stylesheet.load()
    char = (sheet.styles.body.size_pt * 20 + math.floor((sheet.char_pitch_pt - sheet.styles.body.size_pt) * 20)) * 635
    starts = [p.paragraph_format.right_indent + em_width(p.text) * char for p in last]  # from the right edge
    assert starts[0] - starts[1] == pytest.approx(2 * char, rel=0.01)
    # Only the publication note may follow the date in the text flow.
    assert [p.text for p in texts[at + 2:]] == ([report.meta.note] if report.meta.note else [])


def test_imprint_closes_the_draft_with_cc_and_printer(example):
    report, _, document = example
    if not report.meta.cc:
        pytest.skip("this example has no 抄送")
    table = document.tables[-1]
    rows = [row.cells[0].text for row in table.rows]
    assert rows[0] == "抄送：" + "，".join(report.meta.cc) + "。"
    date = report.meta.printed or report.meta.date
    assert rows[1] == f"{report.meta.printer}\t{date.year}年{date.month}月{date.day}日印发"
    # The table is the body's last block: nothing of the report follows the 版记.
    body = document.element.body
    blocks = [child.tag.rsplit("}", 1)[1] for child in body if not child.tag.endswith("sectPr")]
    assert blocks[-2] == "tbl" and not "".join(body[-2].itertext()).strip()


def test_core_properties_come_from_the_input(example):
    report, data, document = example
    props = document.core_properties
    assert props.author == report.signer and report.meta.unit in props.title
    assert props.created.date() == report.meta.date == props.modified.date()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stamps = {info.date_time[:3] for info in archive.infolist()}
        names = archive.namelist()
        assert b"python-docx" not in archive.read("docProps/core.xml")
    date = report.meta.date
    assert stamps == {(date.year, date.month, date.day)}
    assert "docProps/thumbnail.jpeg" not in names


def test_rendering_twice_gives_identical_bytes(example, std):
    report, data, _ = example
    assert render.draft(report, std) == data


def test_font_table_names_windows_stand_ins(example):
    with zipfile.ZipFile(io.BytesIO(example[1])) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>', table)
    assert re.search(r'w:name="楷体_GB2312"><w:altName w:val="楷体"/>', table)


def test_windows_font_profile_uses_windows_fonts(std):
    report = Report.model_validate(report_data())
    document = open_docx(render.draft(report, std, fonts="windows"))
    assert east_asian_font(document, "Normal") == "仿宋"
    assert east_asian_font(document, "Heading2") == "楷体"
    assert east_asian_font(document, "Title") == "宋体"


def test_gap_and_blank_markers_are_highlighted(std):
    data = report_data(leadership=None)
    data["plans"][0]["text"] = "分批轮训【待填写：轮训人数】名民警"
    document = open_docx(render.draft(Report.model_validate(data), std))
    marked = [(r.text, r.font.highlight_color) for p in document.paragraphs for r in p.runs
              if std.placeholder_re.search(r.text)]
    assert (std.gap(std.part("leadership").name), WD_COLOR_INDEX.YELLOW) in marked
    assert ("【待填写：轮训人数】", WD_COLOR_INDEX.YELLOW) in marked
    plan = next(p for p in document.paragraphs if "轮训" in p.text)
    assert [r.font.highlight_color for r in plan.runs if "分批" in r.text] == [None]


def test_long_title_is_one_title_paragraph_broken_after_the_unit(std):
    document = open_docx(render.draft(Report.model_validate(report_data()), std))
    titles = [p for p in document.paragraphs if p.style.name == "Title"]
    assert len(titles) == 1
    assert titles[0].text == "青岚县公安局\n关于2025年度法治政府建设情况的报告"


def test_markdown_format_is_the_template_text(std):
    report = Report.model_validate(report_data())
    text = render.draft(report, std, fmt="md").decode("utf-8")
    assert text.startswith("::: title\n") and "\n## 一、" in text
