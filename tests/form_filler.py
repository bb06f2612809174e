"""Fill a drafter Word form the way an officer would in Word: type into the blanks, add paragraphs and rows.

Used by the form round-trip tests. It works on the .docx with python-docx
only, knowing what a person sees: the section headings, the grey notes, the
tables and their header rows.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx

from drafter.drafting.form import layout
from drafter.drafting.input import Report
from drafter.standard import Standard

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def said(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "year") and hasattr(value, "month"):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, list):
        return "、".join(value)
    return str(value)


class Filler:
    def __init__(self, path: Path, std: Standard):
        self.document = docx.Document(str(path))
        self.std = std
        self.body = self.document.element.body
        figure_tables = [t for t in self.document.tables if t.rows[0].cells[0].text == "指标"]
        self.figure_table = copy.deepcopy(figure_tables[0]._tbl)

    # -- finding things ----------------------------------------------------------

    def is_section(self, element) -> str | None:
        """The section a Heading 1 paragraph opens, else None."""
        style = element.find(f"{W}pPr/{W}pStyle")
        if element.tag != f"{W}p" or style is None or style.get(f"{W}val") != "Heading1":
            return None
        return layout.section_of(text_of(element), self.std)

    def heading(self, key: str):
        return next(e for e in self.body if self.is_section(e) == key)

    def span(self, key: str) -> list:
        """The elements after a section's heading, up to the next section."""
        out, element = [], self.heading(key).getnext()
        while element is not None and not self.is_section(element) and not element.tag.endswith("sectPr"):
            out.append(element)
            element = element.getnext()
        return out

    # -- writing -----------------------------------------------------------------

    def clear(self, key: str) -> object:
        """Remove a section's content but the grey notes; return the element to insert before."""
        table = None
        for element in self.span(key):
            if element.tag == f"{W}tbl":
                table = table if table is not None else copy.deepcopy(element)
                element.getparent().remove(element)
            elif not text_of(element).startswith(layout.NOTE):
                element.getparent().remove(element)
        nxt = self.heading(key).getnext()
        while nxt is not None and text_of(nxt).startswith(layout.NOTE):
            nxt = nxt.getnext()
        self._kept_table = table
        return nxt

    def paragraph(self, before, text: str, style: str | None = None) -> None:
        p = self.document.add_paragraph(text, style=style)
        before.addprevious(p._p)

    def table(self, before, element, rows: list[list[str]]) -> None:
        table = copy.deepcopy(element)
        template_row = table.findall(f"{W}tr")[1]
        for tr in table.findall(f"{W}tr")[1:]:
            table.remove(tr)
        for row in rows:
            tr = copy.deepcopy(template_row)
            for tc, text in zip(tr.findall(f"{W}tc"), row, strict=True):
                paragraph = tc.find(f"{W}p")
                for r in paragraph.findall(f"{W}r"):
                    paragraph.remove(r)
                if text:
                    run = copy.deepcopy(template_row.find(f"{W}tc/{W}p/{W}r"))
                    highlight = run.find(f"{W}rPr/{W}highlight")
                    if highlight is not None:
                        highlight.getparent().remove(highlight)
                    for t in run.findall(f"{W}t"):
                        run.remove(t)
                    t = run.makeelement(f"{W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
                    t.text = text
                    run.append(t)
                    paragraph.append(run)
            table.append(tr)
        before.addprevious(table)

    def texts(self, before, text: str) -> None:
        for paragraph in text.split("\n\n"):
            self.paragraph(before, paragraph)

    def figures(self, before, figures) -> None:
        if figures:
            rows = [[f.name, number(f.value), number(f.previous), f.unit,
                     "" if f.yoy is None else (layout.YES if f.yoy else layout.NO)] for f in figures]
            self.table(before, self.figure_table, rows)

    # -- the report --------------------------------------------------------------

    def fill(self, report: Report, out: Path) -> Path:
        meta_table = self.document.tables[0]
        labels = {layout.meta_label(f): f for f in layout.META_FIELDS}
        for row in meta_table.rows[1:]:
            key = labels.get(row.cells[0].text)
            if key:
                row.cells[1].text = said(getattr(report.meta, key))
        before = self.clear("preamble")
        for paragraph in report.preamble:
            self.texts(before, paragraph)
        for part in self.std.parts:
            items = report.part_content(part.id)
            before = self.clear(part.id)
            intro = getattr(report.intros, part.id)
            if intro is not None:
                self.paragraph(before, layout.INTRO + intro)
            if layout.tabular(part.id):
                spec = next(t for t in layout.tables(self.std) if t.kind == part.id)
                rows = [[said(getattr(item, f)) for f in spec.fields] for item in items]
                self.table(before, self._kept_table, rows)
            elif part.minimum.points:
                for topic in items:
                    self.paragraph(before, topic.title, "Heading 2")
                    if topic.summary:
                        self.paragraph(before, layout.SUMMARY + topic.summary)
                    for point in topic.points:
                        if point.title:
                            self.paragraph(before, point.title, "Heading 3")
                        self.texts(before, point.text)
                        self.figures(before, point.figures)
            elif layout.item_model(part.id) is not None:
                for item in items:
                    if item.title:
                        self.paragraph(before, item.title, "Heading 2")
                    self.texts(before, item.text)
                    self.figures(before, item.figures)
            else:
                for paragraph in items:
                    self.texts(before, paragraph)
        self.document.save(str(out))
        return out
