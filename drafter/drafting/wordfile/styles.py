"""The draft's Word styles, from the style sheet.

The report's structure becomes Word's built-in styles (Title, Heading 1–4 with
outline levels, Salutation, Signature, Date), so Word's and WPS's navigation
pane show the outline and a unit can restyle the whole draft in one place.
python-docx's style API writes what it can express; ``oxml`` the rest.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle as WordStyle

from drafter.document.wordstyles import BUILT_IN
from drafter.drafting.stylesheet import ParagraphStyle
from drafter.drafting.wordfile import oxml
from drafter.drafting.wordfile.layout import LANGUAGE, Layout

ALIGNMENT = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# The template's styles that stay: the defaults every other style and run falls back on.
_KEPT = ("Normal", "Default Paragraph Font")
_FOOTER = ("Footer", "footer")  # style id, built-in name
# The Word form's notes: drafter's own style (id, name), so the officer sees
# what the grey text is and typing on after it is body text again.
NOTE = ("FormNote", "drafter 填写说明")
_HEADING_PRIORITY = 9  # Word's own priority for its heading styles


def define(document, layout: Layout, notes: bool = False) -> None:
    """Replace the template's styles with the style sheet's; with the note style when ``notes``."""
    styles = document.styles
    for style in list(styles):
        if style.name not in _KEPT:
            style.delete()
    sheet = layout.sheet
    body = sheet.styles.body
    oxml.document_defaults(styles.element, sheet.latin_font, layout.font(body.font), body.size_pt, LANGUAGE)

    normal = styles["Normal"]
    _format(normal, body, layout)
    oxml.tracking(normal.element.get_or_add_rPr(), layout.tracking)
    normal.paragraph_format.widow_control = False

    for key, (style_id, name) in BUILT_IN.items():
        spec, outline = _spec(key, layout)
        style = _add(styles, name, style_id, normal)
        _format(style, spec, layout)
        fmt = style.paragraph_format
        if outline is not None or key == "title":
            # A heading (or the title) never ends a page apart from its text.
            fmt.keep_with_next = True
            fmt.keep_together = True
        if outline is not None:
            style.priority = _HEADING_PRIORITY
            oxml.outline_level(style.element.get_or_add_pPr(), outline)
        if key in ("signature", "date"):
            oxml.no_autospace(style.element.get_or_add_pPr())

    number = sheet.page_number
    # One line exactly the number's size, so its distance below the type area is as computed.
    footer_spec = ParagraphStyle(font=number.font, size_pt=number.size_pt, align="left", line_pt=number.size_pt)
    footer = _add(styles, _FOOTER[1], _FOOTER[0], normal)
    footer.quick_style = False
    _format(footer, footer_spec, layout, latin=layout.font(number.font))
    if notes:
        _note(styles, layout, normal)


def _note(styles, layout: Layout, normal: WordStyle) -> None:
    """Small grey text off the grid, otherwise body text."""
    spec = layout.sheet.form.note
    style = styles.add_style(NOTE[1], WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = NOTE[0]
    style.base_style = normal
    style.next_paragraph_style = normal
    style.quick_style = True
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(spec.space_pt)
    fmt.line_spacing = Pt(spec.line_pt)  # a length: an exact line height
    oxml.no_grid_snap(style.element.get_or_add_pPr())
    style.font.size = Pt(spec.size_pt)
    style.font.color.rgb = RGBColor.from_string(spec.color)
    oxml.complex_script_size(style.element.get_or_add_rPr(), spec.size_pt)


def _spec(key: str | int, layout: Layout) -> tuple[ParagraphStyle, int | None]:
    """The style sheet entry for a block kind or heading level, and its outline level."""
    styles = layout.sheet.styles
    if isinstance(key, int):
        return getattr(styles, f"heading{key}"), key - 1
    if key in ("signature", "date"):
        closing = layout.sheet.closing
        return ParagraphStyle(font=closing.font, size_pt=closing.size_pt, align="right"), None
    return getattr(styles, key), None


def _add(styles, name: str, style_id: str, normal: WordStyle) -> WordStyle:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
    style.style_id = style_id
    style.base_style = normal
    style.next_paragraph_style = normal
    style.quick_style = True
    return style


def _format(style: WordStyle, spec: ParagraphStyle, layout: Layout, latin: str | None = None) -> None:
    """Paragraph and character formatting of one style, all of it explicit."""
    fmt = style.paragraph_format
    fmt.alignment = ALIGNMENT[spec.align]
    fmt.space_before = Twips(layout.lines(spec.space_before_lines))
    fmt.space_after = Twips(layout.lines(spec.space_after_lines))
    fmt.line_spacing = Twips(layout.line(spec))  # a length means an exact line height
    fmt.first_line_indent = Twips(layout.chars(spec.first_line_chars))
    ppr = style.element.get_or_add_pPr()
    oxml.first_line_chars(ppr, spec.first_line_chars)
    if layout.line(spec) != layout.pitch:
        oxml.no_grid_snap(ppr)

    font = style.font
    font.size = Pt(spec.size_pt)
    font.bold = font.cs_bold = spec.bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    oxml.run_fonts(rpr, latin or layout.sheet.latin_font, layout.font(spec.font))
    oxml.complex_script_size(rpr, spec.size_pt)
