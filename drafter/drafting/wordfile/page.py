"""The page: paper, margins, line grid, and page numbers in odd and even footers."""

from __future__ import annotations

from docx.shared import Mm, Twips

from drafter.drafting.wordfile import oxml
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.styles import ALIGNMENT


def set_up(document, layout: Layout) -> None:
    """Page size, margins and grid of the (only) section, and its footers."""
    sheet = layout.sheet
    page = sheet.page
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
    section.gutter = Mm(0)
    section.footer_distance = section.header_distance = Mm(sheet.footer_distance_mm)
    oxml.line_grid(document.element.body.sectPr, layout.pitch)

    number = sheet.page_number
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, number.odd), (section.even_page_footer, number.even)):
        footer.is_linked_to_previous = False
        _page_number(footer.paragraphs[0], align, layout)


def _page_number(paragraph, align: str, layout: Layout) -> None:
    """"— 7 —" (the style sheet's text around a PAGE field), one character in from its side."""
    number = layout.sheet.page_number
    paragraph.style = "Footer"
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGNMENT[align]
    indent = Twips(round(number.indent_chars * number.size_pt * 20))
    if align == "right":
        fmt.right_indent = indent
    elif align == "left":
        fmt.left_indent = indent
    before, _, after = number.text.partition("{page}")
    if before:
        paragraph.add_run(before)
    oxml.page_field(paragraph)
    if after:
        paragraph.add_run(after)
