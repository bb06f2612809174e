"""Document → .docx bytes, laid out by a style sheet (GB/T 9704).

Everything about python-docx and WordprocessingML stays in this module. The
report's structure becomes real Word styles (Title, Heading 1–4 with outline
levels, Salutation, Signature, Date), so Word's and WPS's navigation pane show
the outline and a unit can restyle the whole draft in one place.

Output is deterministic: no clock, no random ids, fixed zip metadata, so the
same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Mm, Twips

from drafter.document import Block, Document
from drafter.drafting.stylesheet import FontProfile, ParagraphStyle, StyleSheet, em_width
from drafter.document.wordstyles import BUILT_IN

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_ALIGNMENT = {
    "left": WD_PARAGRAPH_ALIGNMENT.LEFT, "center": WD_PARAGRAPH_ALIGNMENT.CENTER, "right": WD_PARAGRAPH_ALIGNMENT.RIGHT,
}
_FONT_TABLE = "word/fontTable.xml"
_APP_PROPERTIES = "docProps/app.xml"
# The template's app.xml claims to come from Word for Mac; say what made the file.
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>drafter</Application><DocSecurity>0</DocSecurity></Properties>"
)
_GB2312_CHARSET = "86"
# Parts of python-docx's default template that do not belong in a report.
_DROP_PACKAGE_RELS = (RT.THUMBNAIL,)
_DROP_DOCUMENT_RELS = (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")


@dataclass(frozen=True)
class Properties:
    """Document properties (File → Properties in Word)."""

    title: str
    author: str
    created: dt.datetime  # from the input, never the clock


def write(
    document: Document,
    sheet: StyleSheet,
    markers: re.Pattern[str],
    properties: Properties,
    fonts: FontProfile = "gov",
) -> bytes:
    """The .docx file for ``document``; text matching ``markers`` is highlighted."""
    writer = _Writer(sheet, markers, fonts)
    return writer.build(document, properties)


class _Writer:
    def __init__(self, sheet: StyleSheet, markers: re.Pattern[str], profile: FontProfile):
        self.sheet = sheet
        self.markers = markers
        self.profile = profile
        self.highlight = WD_COLOR_INDEX.from_xml(sheet.marker.highlight)

    # -- measures -------------------------------------------------------------

    def font(self, role: str) -> str:
        return self.sheet.fonts[role].name(self.profile)

    @property
    def tracking(self) -> int:
        """Character spacing in twips that fits ``grid.chars`` body characters on a line.

        Rounded down: 28 characters must fit, not 27.9.
        """
        return math.floor((self.sheet.char_pitch_pt - self.sheet.styles.body.size_pt) * 20)

    @property
    def pitch_twips(self) -> int:
        return round(self.sheet.line_pitch_pt * 20)

    def chars_twips(self, chars: float) -> int:
        """Width of ``chars`` body characters as laid out (size plus spacing)."""
        return round(chars * (self.sheet.styles.body.size_pt * 20 + self.tracking))

    # -- build ----------------------------------------------------------------

    def build(self, document: Document, properties: Properties) -> bytes:
        d = docx.Document()
        self.prune(d)
        self.styles(d)
        self.section(d)
        self.settings(d)
        self.body(d, document)
        self.core(d, properties)
        raw = io.BytesIO()
        d.save(raw)
        return self.repack(raw.getvalue(), properties.created)

    def prune(self, d) -> None:
        package_rels = d.part.package.rels
        for rid, rel in list(package_rels.items()):
            if rel.reltype in _DROP_PACKAGE_RELS:
                package_rels.pop(rid)
        for rid, rel in list(d.part.rels.items()):
            if rel.reltype in _DROP_DOCUMENT_RELS:
                d.part.rels.pop(rid)

    def styles(self, d) -> None:
        root = d.styles.element
        for style in root.findall(qn("w:style")):
            root.remove(style)
        body = self.sheet.styles.body
        defaults = root.find(qn("w:docDefaults"))
        root.remove(defaults)
        root.insert(0, parse_xml(
            f"<w:docDefaults {nsdecls('w')}>"
            f"<w:rPrDefault><w:rPr>{self.rfonts(body.font)}"
            f'<w:spacing w:val="{self.tracking}"/>{self.size(body.size_pt)}'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="{self.pitch_twips}" w:lineRule="exact"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ))
        root.append(self.paragraph_style("Normal", "Normal", body, default=True))
        root.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
            "<w:unhideWhenUsed/></w:style>"
        ))
        styles = self.sheet.styles
        closing = ParagraphStyle(font=self.sheet.closing.font, size_pt=self.sheet.closing.size_pt, align="right")
        by_key = {"title": styles.title, "recipient": styles.recipient, 1: styles.heading1,
                  2: styles.heading2, 3: styles.heading3, 4: styles.heading4,
                  "signature": closing, "date": closing}
        for key, (style_id, name) in BUILT_IN.items():
            outline = key - 1 if isinstance(key, int) else None
            autospace = key not in ("signature", "date")
            root.append(self.paragraph_style(style_id, name, by_key[key], outline=outline, autospace=autospace))
        number = self.sheet.page_number
        # One line exactly the number's size, so the distance below the type area is as computed.
        footer = ParagraphStyle(font=number.font, size_pt=number.size_pt, align="left", line_pt=number.size_pt)
        root.append(self.paragraph_style("Footer", "footer", footer, latin=self.font(number.font)))

    def paragraph_style(
        self, style_id: str, name: str, style: ParagraphStyle, default: bool = False,
        outline: int | None = None, latin: str | None = None, autospace: bool = True,
    ):
        """One w:style; children are written in the order the OOXML schema requires."""
        pitch = self.pitch_twips
        line = round(style.line_pt * 20) if style.line_pt else pitch
        header = (
            f'<w:name w:val="{name}"/>'
            + ("" if default else '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>')
            + ('<w:uiPriority w:val="9"/>' if outline is not None else "")
            + "<w:qFormat/>"
        )
        ppr = "<w:keepNext/><w:keepLines/>" if outline is not None or style_id == "Title" else ""
        if not autospace:
            # No automatic gap between Chinese and digits, so widths are as computed.
            ppr += '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        if line != pitch:
            # Own line spacing: LibreOffice would otherwise round it up to whole grid lines.
            ppr += '<w:snapToGrid w:val="0"/>'
        ppr += (
            f'<w:spacing w:before="{round(style.space_before_lines * pitch)}" '
            f'w:after="{round(style.space_after_lines * pitch)}" w:line="{line}" w:lineRule="exact"/>'
            f'<w:ind w:firstLineChars="{round(style.first_line_chars * 100)}" '
            f'w:firstLine="{self.chars_twips(style.first_line_chars)}"/>'
            f'<w:jc w:val="{_ALIGN[style.align]}"/>'
        )
        if outline is not None:
            ppr += f'<w:outlineLvl w:val="{outline}"/>'
        bold = "<w:b/><w:bCs/>" if style.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
        rpr = f'{self.rfonts(style.font, latin)}{bold}<w:color w:val="000000"/>{self.size(style.size_pt)}'
        default_attr = ' w:default="1"' if default else ""
        return parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph"{default_attr} w:styleId="{style_id}">'
            f"{header}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )

    def rfonts(self, role: str, latin: str | None = None) -> str:
        latin = quoteattr(latin or self.sheet.latin_font)
        # hint: quotes, dashes and ellipses take the Chinese font, as Chinese text expects.
        return (
            f"<w:rFonts w:ascii={latin} w:eastAsia={quoteattr(self.font(role))} "
            f'w:hAnsi={latin} w:cs={latin} w:hint="eastAsia"/>'
        )

    @staticmethod
    def size(points: float) -> str:
        half = round(points * 2)
        return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'

    def section(self, d) -> None:
        page = self.sheet.page
        section = d.sections[0]
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
        section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
        section.footer_distance = Mm(self.sheet.footer_distance_mm)
        section.header_distance = Mm(self.sheet.footer_distance_mm)
        section.gutter = 0
        # A line grid (22 lines). Characters per line come from character
        # spacing (see ``tracking``), not from a "lines and characters" grid:
        # LibreOffice lays such a grid out with huge gaps, while spacing gives
        # 28 characters a line in Word, WPS and LibreOffice alike.
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(self.pitch_twips))
        number = self.sheet.page_number
        for footer, align in ((section.footer, number.odd), (section.even_page_footer, number.even)):
            footer.is_linked_to_previous = False
            self.page_number(footer.paragraphs[0], align)

    def page_number(self, paragraph, align: str) -> None:
        number = self.sheet.page_number
        paragraph.style = "footer"
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGNMENT[align]
        indent = Twips(round(number.indent_chars * number.size_pt * 20))
        if align == "right":
            fmt.right_indent = indent
        elif align == "left":
            fmt.left_indent = indent
        p = paragraph._p
        before, _, after = number.text.partition("{page}")
        runs = []
        if before:
            runs.append(_text_run(before))
        runs += [
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
            _text_run("1"),
            f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
        ]
        if after:
            runs.append(_text_run(after))
        for run in runs:
            p.append(parse_xml(run))

    def settings(self, d) -> None:
        d.settings.odd_and_even_pages_header_footer = True
        root = d.settings.element
        lang = root.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")

    def body(self, d, document: Document) -> None:
        styles = {key: d.styles[name] for key, (_, name) in BUILT_IN.items()}
        body_style = d.styles["Normal"]
        closing = [b for b in document.blocks if b.kind in ("signature", "date")]
        indents = self.closing_indents(closing)
        title = None
        for block in document.blocks:
            if block.kind == "title":
                if title is None:
                    title = d.add_paragraph(style=styles["title"])
                else:
                    title.add_run().add_break()
                self.runs(title, block)
                continue
            title = None
            key = block.level if block.kind == "heading" else block.kind
            paragraph = d.add_paragraph(style=styles.get(key, body_style))
            if block.kind in indents:
                self.closing_format(paragraph, block, indents[block.kind])
            self.runs(paragraph, block)

    def runs(self, paragraph, block: Block) -> None:
        """Add the block's text; placeholder markers become highlighted runs."""
        at = 0
        for found in self.markers.finditer(block.text):
            if found.start() > at:
                self.run(paragraph, block.text[at:found.start()], block.bold)
            self.run(paragraph, found.group(0), block.bold).font.highlight_color = self.highlight
            at = found.end()
        if at < len(block.text):
            self.run(paragraph, block.text[at:], block.bold)

    @staticmethod
    def run(paragraph, text: str, bold: bool):
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        return run

    def closing_indents(self, blocks: list[Block]) -> dict[str, float]:
        """Right indents (in characters) of signature and date, per GB/T 9704 7.3.5.

        The signature sits ``right_chars`` from the right; the date's first
        character is ``date_shift_chars`` right of the signature's; a date that
        would then come closer than ``right_chars`` to the edge moves the pair left.
        """
        closing = self.sheet.closing
        text = {b.kind: b.text for b in blocks}
        if "date" not in text:
            return {"signature": closing.right_chars} if "signature" in text else {}
        sig, date = em_width(text.get("signature", "")), em_width(text["date"])
        date_right = max(closing.right_chars, closing.right_chars + sig - date - closing.date_shift_chars)
        indents = {"date": date_right}
        if "signature" in text:
            indents["signature"] = date_right + date + closing.date_shift_chars - sig
        return indents

    def closing_format(self, paragraph, block: Block, chars: float) -> None:
        fmt = paragraph.paragraph_format
        fmt.right_indent = Twips(self.chars_twips(chars))
        if block.kind == "signature":
            fmt.space_before = Twips(round(self.sheet.closing.space_before_lines * self.pitch_twips))

    def core(self, d, properties: Properties) -> None:
        core = d.core_properties
        core.title = properties.title
        core.author = properties.author
        core.last_modified_by = properties.author
        core.created = properties.created
        core.modified = properties.created
        core.revision = 1
        core.comments = ""
        core.subject = ""
        core.keywords = ""
        core.category = ""
        core.language = "zh-CN"

    def repack(self, data: bytes, created: dt.datetime) -> bytes:
        """Rewrite the zip with fixed metadata (python-docx stamps the current time)."""
        stamp = (max(created.year, 1980), created.month, created.day, 0, 0, 0)
        out = io.BytesIO()
        replaced = self.replaced
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                payload = replaced.get(item.filename) or src.read(item.filename)
                info = zipfile.ZipInfo(item.filename, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                dst.writestr(info, payload)
        return out.getvalue()

    @property
    def replaced(self) -> dict[str, bytes]:
        """Parts written here instead of taken from python-docx's template."""
        return {_FONT_TABLE: self.font_table(), _APP_PROPERTIES: _APP_XML}

    def font_table(self) -> bytes:
        """The fonts the draft uses; in the gov profile each names its Windows stand-in.

        w:altName is how a .docx says "if this font is missing, use that one";
        Word applies it, and the GB2312 charset steers other substitutions
        (WPS, LibreOffice) towards a Chinese font.
        """
        entries: dict[str, str | None] = {self.sheet.latin_font: None}
        for font in self.sheet.fonts.values():
            name = font.name(self.profile)
            alt = font.windows if self.profile == "gov" and font.windows != name else None
            entries.setdefault(name, alt)
        xml = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {nsdecls("w")}>']
        for name, alt in entries.items():
            if name == self.sheet.latin_font:
                xml.append(
                    f'<w:font w:name={quoteattr(name)}><w:charset w:val="00"/>'
                    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
                )
                continue
            alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
            xml.append(
                f"<w:font w:name={quoteattr(name)}>{alt_xml}<w:charset w:val=\"{_GB2312_CHARSET}\"/>"
                '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
            )
        xml.append("</w:fonts>")
        return "".join(xml).encode("utf-8")


def _text_run(text: str) -> str:
    return f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
