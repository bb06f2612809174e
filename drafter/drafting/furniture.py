"""The 公文 elements around a report's body: the number line above the title and the 版记 at its end.

GB/T 9704 places 发文字号 and 签发人 on one line above the title of a report
sent upward, under a red rule, and ends a document with the 版记: 抄送 and
印发机关/印发日期 between rules at the foot of the last page. The body writer
(``drafting.wordfile``) lays out the text flow; this module takes those
blocks out of the Document before it, and adds them to the finished .docx
afterwards, laid out by the style sheet's ``number_line`` and ``imprint``.
The .docx is changed in place: only word/document.xml is rewritten, every
other part and the zip's fixed metadata stay as the writer made them, so the
output stays deterministic.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from drafter.document import Document
from drafter.drafting.stylesheet import FontProfile, StyleSheet, em_width

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{_W}"'
_BODY_XML = "word/document.xml"
_TWIPS_PER_MM = 1440 / 25.4
_KINDS = ("docnumber", "issuer", "cc", "imprint")
_LABEL = re.compile(r"^(.*?[:：])\s*(.*)$")


@dataclass
class Furniture:
    doc_number: str = ""
    issuer: str = ""  # as written, "签发人：张某"
    cc: list[str] = field(default_factory=list)
    imprint: list[str] = field(default_factory=list)  # 印发机关, then 印发日期

    def __bool__(self) -> bool:
        return bool(self.doc_number or self.issuer or self.cc or self.imprint)


def split(document: Document) -> tuple[Document, Furniture]:
    """The body blocks (for the writer) and the furniture blocks, apart."""
    body = Document(source=document.source)
    furniture = Furniture()
    for block in document.blocks:
        if block.kind == "docnumber":
            furniture.doc_number = block.text
        elif block.kind == "issuer":
            furniture.issuer = block.text
        elif block.kind == "cc":
            furniture.cc.append(block.text)
        elif block.kind == "imprint":
            furniture.imprint.append(block.text)
        else:
            body.blocks.append(block)
    return body, furniture


def add(data: bytes, furniture: Furniture, sheet: StyleSheet, profile: FontProfile = "gov") -> bytes:
    """The .docx ``data`` with the number line and the 版记 added."""
    if not furniture:
        return data
    layout = _Layout(sheet, profile)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        root = etree.fromstring(src.read(_BODY_XML))
        body = root.find(f"{{{_W}}}body")
        if furniture.doc_number or furniture.issuer:
            body.insert(0, etree.fromstring(layout.number_line(furniture.doc_number, furniture.issuer)))
        if furniture.cc or furniture.imprint:
            section = body.find(f"{{{_W}}}sectPr")
            at = list(body).index(section) if section is not None else len(body)
            body.insert(at, etree.fromstring(layout.imprint(furniture.cc, furniture.imprint)))
            # A document's body ends with a paragraph, also after a table.
            # (as small as Word allows, off the line grid, so it never starts a page of its own).
            body.insert(at + 1, etree.fromstring(
                f'<w:p {_NS}><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" '
                'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
            ))
        document_xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, document_xml if info.filename == _BODY_XML else src.read(info.filename))
    return out.getvalue()


class _Layout:
    def __init__(self, sheet: StyleSheet, profile: FontProfile):
        self.sheet = sheet
        self.profile = profile
        self.width = round(sheet.type_width_mm * _TWIPS_PER_MM)
        self.pitch = round(sheet.line_pitch_pt * 20)

    def run(self, text: str, role: str, size_pt: float) -> str:
        font = quoteattr(self.sheet.fonts[role].name(self.profile))
        latin = quoteattr(self.sheet.latin_font)
        half = round(size_pt * 2)
        return (
            f"<w:r><w:rPr><w:rFonts w:ascii={latin} w:eastAsia={font} w:hAnsi={latin} w:cs={latin} w:hint=\"eastAsia\"/>"
            f'<w:color w:val="000000"/><w:spacing w:val="0"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        )

    @staticmethod
    def tab() -> str:
        return "<w:r><w:tab/></w:r>"

    def number_line(self, doc_number: str, issuer: str) -> str:
        spec = self.sheet.number_line
        indent = round(spec.indent_chars * spec.size_pt * 20)
        rule = round(spec.rule_pt * 8)
        runs = self.run(doc_number, spec.font, spec.size_pt) if doc_number else ""
        if issuer:
            label, name = (_LABEL.match(issuer).groups() if _LABEL.match(issuer) else ("", issuer))
            runs += self.tab() + self.run(label, spec.font, spec.size_pt) + self.run(name, spec.name_font, spec.size_pt)
        return (
            f"<w:p {_NS}><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"{rule}\" w:space=\"4\" "
            f'w:color="{spec.rule_color}"/></w:pBdr>'
            f'<w:tabs><w:tab w:val="right" w:pos="{self.width - indent}"/></w:tabs>'
            f'<w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="{round(spec.space_after_lines * self.pitch)}" '
            f'w:line="{self.pitch}" w:lineRule="exact"/>'
            f'<w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0" w:firstLineChars="0"/>'
            f'<w:jc w:val="left"/></w:pPr>{runs}</w:p>'
        )

    def imprint(self, cc: list[str], imprint: list[str]) -> str:
        spec = self.sheet.imprint
        char = round(spec.size_pt * 20)
        indent = round(spec.indent_chars * char)
        thick, thin = round(spec.thick_pt * 8), round(spec.thin_pt * 8)
        rows, lines = [], 0
        for text in cc:
            label, rest = _LABEL.match(text).groups() if _LABEL.match(text) else ("", text)
            hanging = len(label) * char
            lines += self.lines(rest, self.width - 2 * indent - hanging, spec.size_pt)
            rows.append(self.cell(
                self.run(label, spec.font, spec.size_pt) + self.run(rest, spec.font, spec.size_pt),
                f'<w:ind w:left="{indent + hanging}" w:right="{indent}" w:hanging="{hanging}" w:firstLineChars="0"/>',
            ))
        if imprint:
            printer, date = (imprint + [""])[:2]
            lines += 1
            runs = self.run(printer, spec.font, spec.size_pt) + self.tab() + self.run(date, spec.font, spec.size_pt)
            rows.append(self.cell(
                runs, f'<w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0" w:firstLineChars="0"/>',
                tab=self.width - indent,
            ))
        # At the foot of the type area: an absolute offset, which Word, WPS and
        # LibreOffice all honour (LibreOffice ignores "bottom" alignment).
        top = round(self.sheet.type_height_mm * _TWIPS_PER_MM - lines * spec.line_pt * 20 - 2 * thick * 20 / 8)
        floating = (
            '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="170" w:bottomFromText="0" '
            f'w:vertAnchor="margin" w:horzAnchor="margin" w:tblpXSpec="center" w:tblpY="{top}"/>'
            if spec.page_bottom else ""
        )
        return (
            f"<w:tbl {_NS}><w:tblPr>{floating}<w:tblW w:w=\"{self.width}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            f'<w:tblBorders><w:top w:val="single" w:sz="{thick}" w:space="0" w:color="000000"/>'
            '<w:left w:val="nil"/>'
            f'<w:bottom w:val="single" w:sz="{thick}" w:space="0" w:color="000000"/>'
            '<w:right w:val="nil"/>'
            f'<w:insideH w:val="single" w:sz="{thin}" w:space="0" w:color="000000"/>'
            '<w:insideV w:val="nil"/></w:tblBorders>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="{self.width}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
        )

    @staticmethod
    def lines(text: str, width_twips: int, size_pt: float) -> int:
        """How many lines ``text`` takes at ``size_pt`` in ``width_twips``."""
        per_line = max(1.0, width_twips / (size_pt * 20))
        return max(1, -(-int(em_width(text) * 100) // int(per_line * 100)))

    def cell(self, runs: str, indent: str, tab: int | None = None) -> str:
        spec = self.sheet.imprint
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs>' if tab else ""
        return (
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{self.width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr>{tabs}<w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="0" w:line="{round(spec.line_pt * 20)}" w:lineRule="exact"/>'
            f'{indent}<w:jc w:val="left"/></w:pPr>{runs}</w:p></w:tc></w:tr>'
        )
