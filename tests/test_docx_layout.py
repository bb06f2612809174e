"""The GB/T 9704 layout as written into the .docx, read back from its XML:
margins, grid, characters per line, indents, fonts, keeping, language, settings.

Each number is checked against the style sheet the draft was made from and,
where GB/T 9704-2012 fixes it, against the standard's own figure.
"""

from __future__ import annotations

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from paths import EXAMPLES
from render_support import open_docx, part_names, read_part, style_element

from drafter.drafting import input as model
from drafter.drafting import render, stylesheet

TWIPS_PER_MM = 1440 / 25.4
HEADINGS = ("Heading1", "Heading2", "Heading3", "Heading4")
# Styles whose first line is indented two characters; the others start flush.
INDENTED = ("Normal", *HEADINGS)
FLUSH = ("Title", "Salutation", "Signature", "Date", "Footer")


@pytest.fixture(scope="module")
def sheet():
    return stylesheet.load()


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def draft(request, std):
    report, _ = model.load(request.param)
    return render.draft(report, std)


def section_values(data: bytes, tag: str) -> dict[str, int]:
    element = read_part(data, "word/document.xml").find(f"{qn('w:body')}/{qn('w:sectPr')}/{qn(tag)}")
    return {name.split("}")[1]: int(value) for name, value in element.attrib.items() if value.lstrip("-").isdigit()}


def ppr(data: bytes, style_id: str, tag: str):
    return style_element(open_docx(data), style_id).find(f"{qn('w:pPr')}/{qn(tag)}")


def defaults(data: bytes):
    return read_part(data, "word/styles.xml").find(qn("w:docDefaults"))


def attr(element, name: str) -> str | None:
    return None if element is None else element.get(qn(f"w:{name}"))


# -- page -----------------------------------------------------------------------


def test_every_page_measure_is_the_style_sheets(draft, sheet):
    size, margins = section_values(draft, "w:pgSz"), section_values(draft, "w:pgMar")
    page = sheet.page
    expected_mm = {
        ("size", "w"): page.width_mm, ("size", "h"): page.height_mm,
        ("margin", "top"): page.margin_top_mm, ("margin", "bottom"): page.margin_bottom_mm,
        ("margin", "left"): page.margin_left_mm, ("margin", "right"): page.margin_right_mm,
        ("margin", "footer"): sheet.footer_distance_mm, ("margin", "header"): sheet.footer_distance_mm,
        ("margin", "gutter"): 0,
    }
    written = {("size", k): v for k, v in size.items()} | {("margin", k): v for k, v in margins.items()}
    assert set(written) == set(expected_mm)
    for key, mm in expected_mm.items():
        assert written[key] == pytest.approx(mm * TWIPS_PER_MM, abs=1), key


def test_page_meets_gbt9704(draft):
    size = {k: v / TWIPS_PER_MM for k, v in section_values(draft, "w:pgSz").items()}
    mm = {k: v / TWIPS_PER_MM for k, v in section_values(draft, "w:pgMar").items()}
    assert size["w"] == pytest.approx(210, abs=0.5) and size["h"] == pytest.approx(297, abs=0.5)
    assert mm["top"] == pytest.approx(37, abs=1)  # 天头 37 mm ± 1
    assert mm["left"] == pytest.approx(28, abs=1)  # 订口 28 mm ± 1
    # 版心 156 mm × 225 mm
    assert size["w"] - mm["left"] - mm["right"] == pytest.approx(156, abs=0.3)
    assert size["h"] - mm["top"] - mm["bottom"] == pytest.approx(225, abs=0.3)
    # The page number's line (4号, 14 pt) starts 7 mm below the type area.
    assert mm["bottom"] - mm["footer"] - 14 * 25.4 / 72 == pytest.approx(7, abs=0.3)


def test_line_grid_holds_exactly_22_lines(draft):
    grid = section_values(draft, "w:docGrid")
    margins, size = section_values(draft, "w:pgMar"), section_values(draft, "w:pgSz")
    type_height = size["h"] - margins["top"] - margins["bottom"]
    assert attr(read_part(draft, "word/document.xml").find(f".//{qn('w:docGrid')}"), "type") == "lines"
    assert 22 * grid["linePitch"] <= type_height < 23 * grid["linePitch"]
    assert 28.8 <= grid["linePitch"] / 20 <= 29.0
    assert attr(ppr(draft, "Normal", "w:spacing"), "line") == str(grid["linePitch"])
    assert attr(ppr(draft, "Normal", "w:spacing"), "lineRule") == "exact"


# -- characters -------------------------------------------------------------------


def body_advance(data: bytes) -> int:
    """Twips one body character takes: its size plus the style's character spacing."""
    normal = style_element(open_docx(data), "Normal")
    size = int(normal.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))) * 10
    return size + int(normal.find(f"{qn('w:rPr')}/{qn('w:spacing')}").get(qn("w:val")))


def test_28_body_characters_fill_a_line(draft):
    margins, size = section_values(draft, "w:pgMar"), section_values(draft, "w:pgSz")
    type_width = size["w"] - margins["left"] - margins["right"]
    advance = body_advance(draft)
    assert 28 * advance <= type_width < 28 * (advance + 1)


def test_first_line_indent_is_two_body_characters(draft):
    advance = body_advance(draft)
    for style_id in INDENTED:
        indent = ppr(draft, style_id, "w:ind")
        assert (attr(indent, "firstLine"), attr(indent, "firstLineChars")) == (str(2 * advance), "200"), style_id
    for style_id in FLUSH:
        indent = ppr(draft, style_id, "w:ind")
        assert (attr(indent, "firstLine"), attr(indent, "firstLineChars")) == ("0", "0"), style_id


def test_every_font_slot_names_the_east_asian_font_with_its_hint(draft):
    styles = read_part(draft, "word/styles.xml")
    checked = 0
    for fonts in styles.iter(qn("w:rFonts")):
        assert attr(fonts, "eastAsia"), "no East Asian font"
        # Quotes, dashes and ellipses take the Chinese font.
        assert attr(fonts, "hint") == "eastAsia"
        assert attr(fonts, "ascii") == attr(fonts, "hAnsi") == attr(fonts, "cs")
        checked += 1
    assert checked == 1 + len(INDENTED) + len(FLUSH)  # document defaults and every style


# -- paragraphs -----------------------------------------------------------------------


def test_headings_and_title_keep_with_their_text(draft):
    styles = open_docx(draft).styles
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        fmt = styles[name].paragraph_format
        assert fmt.keep_with_next is True and fmt.keep_together is True, name
    assert not styles["Normal"].paragraph_format.keep_with_next


def test_widow_and_orphan_control_is_off(draft):
    # GB/T 9704 wants every full page to hold 22 lines; widow control would end some at 21.
    assert attr(defaults(draft).find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:widowControl')}"), "val") == "0"
    styles = open_docx(draft).styles
    assert styles["Normal"].paragraph_format.widow_control is False
    for style in styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            assert style.paragraph_format.widow_control in (None, False), style.name


# -- document ---------------------------------------------------------------------------


def test_language_is_simplified_chinese(draft):
    lang = defaults(draft).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert attr(lang, "eastAsia") == "zh-CN"
    theme = read_part(draft, "word/settings.xml").find(qn("w:themeFontLang"))
    assert attr(theme, "eastAsia") == "zh-CN"
    assert open_docx(draft).core_properties.language == "zh-CN"


def test_word_2013_opens_it_without_compatibility_mode(draft):
    settings = read_part(draft, "word/settings.xml")
    modes = [attr(s, "val") for s in settings.iter(qn("w:compatSetting")) if attr(s, "name") == "compatibilityMode"]
    assert modes == ["15"]
    assert attr(settings.find(qn("w:zoom")), "percent") == "100"
    assert settings.find(qn("w:evenAndOddHeaders")) is not None


def test_word_checks_the_spelling_of_a_fresh_draft(draft):
    # The template claimed its text was already proofed; Word would then mark no typos.
    settings = read_part(draft, "word/settings.xml")
    assert settings.find(qn("w:proofState")) is None and settings.find(qn("w:rsids")) is None


def test_no_list_definitions_are_left_from_the_template(draft):
    assert not [name for name in part_names(draft) if "numbering" in name]
    document = read_part(draft, "word/document.xml")
    assert next(document.iter(qn("w:numPr")), None) is None
    assert next(read_part(draft, "word/styles.xml").iter(qn("w:numPr")), None) is None
