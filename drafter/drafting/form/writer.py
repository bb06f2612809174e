"""The fill-in Word form ``drafter init 报告.docx`` writes: what goes into it.

The form's words come from templates/form.md.j2; this module turns them
into a Document with what a form has and a report has not: table blocks
(basic information, figures, problems and causes, plans; header row and
column weights) and note blocks (grey 填写说明), and names the custom
property that marks the file as a drafter form. The .docx writer lays it
out with the same style sheet as a rendered report (the style sheet's
``form`` section for notes and tables).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from drafter.document import Block, Document, Table, markdown
from drafter.drafting import compose, stylesheet, template_run
from drafter.drafting.form import layout
from drafter.drafting.wordfile import writer as docx_writer
from drafter.standard import Standard

_TABLE_MARK = "\ue010"  # a paragraph holding only this and a number stands for a table
# Relative column widths by field: short codes narrow, prose wide.
_WEIGHTS = {"label": 1, "content": 2, "id": 0.7, "problem": 3, "cause": 3, "title": 1.6, "text": 3, "answers": 1,
            "name": 2.6, "value": 1.1, "previous": 1.1, "unit": 0.8, "yoy": 0.8}


FORM_TEMPLATE = "form.md.j2"


def form(std: Standard, unit: str, year: int, templates: Path | None = None) -> Document:
    """The form's content for ``unit`` and ``year`` (its words from templates/form.md.j2)."""
    env = compose.environment(templates)
    tables: list[Table] = []
    specs = {t.kind: t for t in layout.tables(std)}

    def table(kind: str, rows: list[list[str]]) -> str:
        spec = specs[kind]
        cells = (tuple(spec.header), *(tuple(row) for row in rows))
        tables.append(Table(rows=cells, weights=tuple(_WEIGHTS.get(f, 2) for f in spec.columns)))
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
    return _shaped(markdown.parse(template_run.run(env, FORM_TEMPLATE, context)), tables)


def _shaped(document: Document, tables: list[Table]) -> Document:
    """Table marks become table blocks, paragraphs opening with the note label note blocks."""
    out = Document(source=document.source)
    for block in document.blocks:
        if block.text.startswith(_TABLE_MARK):
            table = tables[int(block.text[len(_TABLE_MARK):])]
            text = "\n".join("\t".join(row) for row in table.rows)
            out.blocks.append(Block(kind="table", text=text, index=len(out.blocks), table=table))
        elif block.kind == "paragraph" and block.text.startswith(layout.NOTE):
            out.blocks.append(Block(kind="note", text=block.text, index=len(out.blocks)))
        else:
            block.index = len(out.blocks)
            out.blocks.append(block)
    return out


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
    """The form as .docx bytes, marked as a drafter form by a custom property."""
    day = dt.date(year + 1, 1, 1)
    created = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    properties = docx_writer.Properties(
        title=f"{unit}{year}年度报告填写表", author=unit, created=created, custom=((layout.PROPERTY, layout.VERSION),),
    )
    return docx_writer.write(form(std, unit, year), stylesheet.load(), std.placeholder_re, properties, fonts)
