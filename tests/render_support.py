"""Helpers for render tests: a small input, and reading back what drafter render wrote."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafter.drafting.completeness import strings
from drafter.drafting.input import Report
from drafter.standard import Standard


def open_docx(data: bytes | Path):
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def read_part(data: bytes, name: str) -> etree._Element:
    """One XML part of a .docx (``word/settings.xml`` …), parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def style_element(document, style_id: str):
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    raise KeyError(style_id)


def east_asian_font(document, style_id: str) -> str | None:
    fonts = style_element(document, style_id).find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def outline_level(document, style_id: str) -> int | None:
    level = style_element(document, style_id).find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    return None if level is None else int(level.get(qn("w:val")))


def headings(document) -> list[tuple[int, str]]:
    """(level, text) of every paragraph whose style carries an outline level, in order."""
    out = []
    for paragraph in document.paragraphs:
        level = outline_level(document, paragraph.style.style_id)
        if level is not None:
            out.append((level + 1, paragraph.text))
    return out


def body_text(document) -> str:
    return "\n\n".join(p.text for p in document.paragraphs)


def input_texts(report: Report) -> list[str]:
    """Every piece of prose the officer typed into the parts (not ids or settings).

    A text is cut at its paragraph breaks and at its figure references
    ({名称}), where the draft puts other words.
    """
    texts = list(report.preamble) + list(report.other)
    for part in ("measures", "leadership", "shortcomings", "plans"):
        for loc, text in strings(report.part_content(part), (part,)):
            if loc[-1] in ("title", "text", "summary", "problem", "cause", "name") and text:
                texts.append(text)
    pieces = [p for text in texts for paragraph in text.split("\n\n") for p in re.split(r"\{[^{}]+\}", paragraph)]
    return [p for p in pieces if p.strip(" ，。；")]


def expected_headings(report: Report, std: Standard) -> list[tuple[int, str]]:
    """The outline the templates promise, as (level, text without numbering)."""
    out = []
    order = std.order(report.meta.order).sequence
    for part_id in order:
        if part_id == "other" and not report.other:
            continue
        if part_id == "measures" and report.meta.layout == "themed" and report.measures:
            for topic in report.measures:
                out.append((1, topic.title))
                out += [(2, point.title) for point in topic.points if point.title]
            continue
        out.append((1, std.part(part_id).heading_for(report.meta.year)))
        if part_id == "measures":
            out += [(2, topic.title) for topic in report.measures or []]
    return out


def footer_has_page_field(footer) -> bool:
    instructions = "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
    return "PAGE" in instructions.split()


def report_data(**parts) -> dict:
    """A small input (invented unit) in the standard layout; ``parts`` replace top-level keys."""
    data = {
        "meta": {
            "unit": "青岚县公安局",
            "year": 2025,
            "recipients": ["中共青岚县委", "青岚县人民政府"],
            "date": "2026-02-05",
            "layout": "standard",
            "order": "practice",
        },
        "preamble": ["全年全局围绕执法规范化开展工作，总体平稳。"],
        "measures": [
            {
                "title": "规范执法办案",
                "summary": "以办案中心为抓手。",
                "points": [
                    {"title": "严格法制审核", "text": "重大案件一律审核",
                     "figures": [{"name": "全年审核案件", "value": 120, "unit": "件", "previous": 100},
                                 {"name": "评查合格率为", "value": 97.5, "unit": "%", "previous": 98}]},
                    {"text": "每月通报执法质量情况"},
                ],
            },
            {"title": "深化普法宣传", "points": [{"title": "以案释法", "text": "发布典型案例"}]},
        ],
        "leadership": [
            {"title": "带头学法", "text": "局长主持第一议题学法8次。"},
            {"text": "局长在年终述职中专题述法。"},
        ],
        "shortcomings": [
            {"id": "s1", "problem": "基层执法水平不均衡", "cause": "原因是警力紧张。"},
            {"id": "s2", "problem": "普法形式单一", "cause": "调研群众需求不够"},
        ],
        "plans": [
            {"title": "加强基层培训", "text": "分批轮训派出所民警", "answers": "s1"},
            {"text": "开展分众普法", "answers": "s2"},
        ],
    }
    data.update(parts)
    return data
