"""The fill-in Word form ``drafter init 报告.docx`` writes.

The form is laid out by the same writer and style sheet as a rendered
report (page, fonts, Heading 1–3 with outline levels, highlighted blanks);
this module adds what a form has and a report has not: tables (basic
information, figures, problems and causes, plans), grey notes in a style of
their own (the next paragraph goes back to body text), and the custom
property that marks the file as a drafter form. Only word/document.xml,
word/styles.xml and the package's property parts are touched, at the zip
level, so the writer's output otherwise stays as it is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape

from lxml import etree

from drafter.document import Document, markdown
from drafter.drafting import compose, stylesheet, template_run
from drafter.drafting.form import layout
from drafter.drafting.stylesheet import StyleSheet
from drafter.drafting.wordfile import writer as docx_writer
from drafter.standard import Standard

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{_W}"'
_TABLE_MARK = "\ue010"  # a paragraph holding only this and a number stands for a table
_NOTE_STYLE = "FormNote"
_CUSTOM = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_TWIPS_PER_MM = 1440 / 25.4
# Relative column widths by field: short codes narrow, prose wide.
_WEIGHTS = {"label": 1, "content": 2, "id": 0.7, "problem": 3, "cause": 3, "title": 1.6, "text": 3, "answers": 1,
            "name": 2.6, "value": 1.1, "previous": 1.1, "unit": 0.8, "yoy": 0.8}


FORM_TEMPLATE = "form.md.j2"


def form(std: Standard, unit: str, year: int, templates: Path | None = None) -> tuple[Document, list]:
    """The form's content for ``unit`` and ``year`` (its words from templates/form.md.j2), and its tables."""
    env = compose.environment(templates)
    tables: list[tuple[list[float], list[list[str]]]] = []  # column weights, rows (header first)
    specs = {t.kind: t for t in layout.tables(std)}

    def table(kind: str, rows: list[list[str]]) -> str:
        spec = specs[kind]
        tables.append(([_WEIGHTS.get(f, 2) for f in spec.columns], [list(spec.header), *rows]))
        return f"{_TABLE_MARK}{len(tables) - 1}"

    env.globals.update(blank=std.blank, note=lambda text: layout.NOTE + text, table=table)
    prefilled = {"unit": unit, "year": str(year), "recipients": std.blank("主送机关，几个之间用顿号隔开"),
                 "layout": "standard", "order": std.orders[0].id}
    context = {
        "title": std.title_for(unit, year), "unit": unit, "year": year, "next_year": year + 1,
        "parts": [_part(std.part(pid), std, year) for pid in std.orders[0].sequence],
        "orders": [o.id for o in std.orders],
        "labels": SimpleNamespace(meta=layout.META, opening=layout.OPENING, summary=layout.SUMMARY.rstrip("："),
                                  intro=layout.INTRO.rstrip("：")),
        "meta_rows": [[layout.meta_label(k), prefilled.get(k, "")] for k in layout.META_FIELDS],
    }
    return markdown.parse(template_run.run(env, FORM_TEMPLATE, context)), tables


def _part(part, std: Standard, year: int) -> SimpleNamespace:
    """A part as the form template sees it: what kind of items it holds, and its table rows."""
    fields = getattr(layout.item_model(part.id), "model_fields", {}) or {}
    kind = "table" if layout.tabular(part.id) else "points" if "points" in fields else "items" if fields else "text"
    rows = []
    if kind == "table":
        spec = next(t for t in layout.tables(std) if t.kind == part.id)
        rows = [_row(spec.fields, n, std, year) for n in range(1, max(part.minimum.items, 1) + 1)]
    return SimpleNamespace(id=part.id, name=part.name, content=part.content, guidance=part.guidance,
                           minimum=part.minimum, kind=kind, rows=rows)


def _row(fields: tuple[str, ...], n: int, std: Standard, year: int) -> list[str]:
    words = {"id": f"s{n}", "problem": std.blank(f"第{n}条：哪个环节、什么表现"), "cause": std.blank("原因分析"),
             "title": std.blank("小标题"), "text": std.blank(f"{year + 1}年要做的具体事情"),
             "answers": f"s{n}" if n <= 2 else ""}
    return [words.get(field, "") for field in fields]


def write(std: Standard, unit: str, year: int, fonts: stylesheet.FontProfile = "gov") -> bytes:
    """The form as .docx bytes."""
    document, tables = form(std, unit, year)
    sheet = stylesheet.load()
    day = dt.date(year + 1, 1, 1)
    created = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    properties = docx_writer.Properties(title=f"{unit}{year}年度报告填写表", author=unit, created=created)
    data = docx_writer.write(document, sheet, std.placeholder_re, properties, fonts)
    return _finish(data, tables, sheet, std.placeholder_re, fonts)


def _finish(data: bytes, tables: list, sheet: StyleSheet, blanks: re.Pattern[str], fonts) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {info.filename: src.read(info.filename) for info in src.infolist()}
        infos = src.infolist()
    parts["word/document.xml"] = _body(parts["word/document.xml"], tables, sheet, blanks)
    parts["word/styles.xml"] = _styles(parts["word/styles.xml"], sheet, fonts)
    parts[_CUSTOM] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{layout.PROPERTY}">'
        f"<vt:lpwstr>{layout.VERSION}</vt:lpwstr></property></Properties>"
    ).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/{_CUSTOM}" ContentType="{_CUSTOM_TYPE}"/></Types>').encode("utf-8")
    rels = parts["_rels/.rels"].decode("utf-8")
    parts["_rels/.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Id="rIdForm" Type="{_CUSTOM_REL}" Target="{_CUSTOM}"/></Relationships>'
    ).encode("utf-8")
    out = io.BytesIO()
    stamp = infos[0].date_time
    with zipfile.ZipFile(out, "w") as dst:
        for info in infos:
            dst.writestr(info, parts[info.filename])
        extra = zipfile.ZipInfo(_CUSTOM, date_time=stamp)
        extra.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(extra, parts[_CUSTOM])
    return out.getvalue()


def _body(xml: bytes, tables: list, sheet: StyleSheet, blanks: re.Pattern[str]) -> bytes:
    root = etree.fromstring(xml)
    width = round(sheet.type_width_mm * _TWIPS_PER_MM)
    for p in list(root.iter(f"{{{_W}}}p")):
        text = "".join(p.itertext())
        if text.startswith(_TABLE_MARK):
            weights, rows = tables[int(text[len(_TABLE_MARK):])]
            p.getparent().replace(p, etree.fromstring(_table(weights, rows, width, blanks)))
        elif text.startswith(layout.NOTE):
            ppr = p.find(f"{{{_W}}}pPr")
            if ppr is None:
                ppr = etree.SubElement(p, f"{{{_W}}}pPr")
                p.insert(0, ppr)
            style = ppr.find(f"{{{_W}}}pStyle")
            if style is None:
                style = etree.Element(f"{{{_W}}}pStyle")
                ppr.insert(0, style)
            style.set(f"{{{_W}}}val", _NOTE_STYLE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _table(weights: list[float], rows: list[list[str]], width: int, blanks: re.Pattern[str]) -> str:
    widths = [int(width * w / sum(weights)) for w in weights]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(
        "<w:tr>" + "".join(_cell(text, w, header=(n == 0), blanks=blanks) for text, w in zip(row, widths)) + "</w:tr>"
        for n, row in enumerate(rows)
    )
    return (
        f'<w:tbl {_NS}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
        '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'
    )


def _cell(text: str, width: int, header: bool, blanks: re.Pattern[str]) -> str:
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if header else ""
    runs, at = [], 0
    for found in blanks.finditer(text):
        runs.append(_run(text[at:found.start()], header))
        runs.append(_run(found.group(0), header, highlight=True))
        at = found.end()
    runs.append(_run(text[at:], header))
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:pPr><w:snapToGrid w:val="0"/>'
        '<w:spacing w:before="40" w:after="40" w:line="360" w:lineRule="exact"/>'
        '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>'
        f'{"".join(runs)}</w:p></w:tc>'
    )


def _run(text: str, bold: bool, highlight: bool = False) -> str:
    if not text:
        return ""
    props = ("<w:b/>" if bold else "") + ('<w:highlight w:val="yellow"/>' if highlight else "")
    return f'<w:r><w:rPr>{props}<w:spacing w:val="0"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>' \
           f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _styles(xml: bytes, sheet: StyleSheet, fonts) -> bytes:
    """The note style: small and grey, and the paragraph after a note is body text again."""
    root = etree.fromstring(xml)
    root.append(etree.fromstring(
        f'<w:style {_NS} w:type="paragraph" w:customStyle="1" w:styleId="{_NOTE_STYLE}">'
        '<w:name w:val="drafter 填写说明"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60" w:line="320" w:lineRule="exact"/></w:pPr>'
        '<w:rPr><w:color w:val="808080"/><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
    ))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
