"""The form's shape, shared by the writer and the reader.

Sections are headed (Heading 1) by the basic-information and opening labels
and by the standard's part names. Tables are known by their header row, whose
cells are the input model's field titles. A paragraph that begins with a
label (导语：, 引语：, 填写说明：) is that thing; everything else is the
writer's text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import BaseModel

from drafter.drafting.input import Figure, Meta, Plan, Report, Shortcoming
from drafter.standard import Standard
from drafter.yamlio.validation import inner_model

PROPERTY = "drafter-form"  # the custom document property naming the form's version
VERSION = "1"
META = "基本信息"
OPENING = Report.model_fields["preamble"].title or "开头"
NOTE = "填写说明："  # a paragraph the writer may keep or delete; never content
SUMMARY = "导语："  # a topic's summary
INTRO = "引语："  # a part's intro sentence
META_HEADER = ("项目", "内容")
# Meta fields the form asks for, in order (the format version is the form's own).
META_FIELDS = ("unit", "year", "recipients", "cc", "date", "signer", "doc_number", "issuer", "printer", "printed",
               "we", "closing", "note", "layout", "order")
FIGURE_FIELDS = ("name", "value", "previous", "unit", "yoy")
SHORTCOMING_FIELDS = ("id", "problem", "cause")
PLAN_FIELDS = ("title", "text", "answers")
YES, NO = "写", "不写"  # the 写同比 column


@dataclass(frozen=True)
class Table:
    kind: str  # meta, figures, or a part id
    fields: tuple[str, ...]  # the fields its rows hold (meta: one row per field)
    header: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return ("label", "content") if self.kind == "meta" else self.fields


def titles(model: type[BaseModel], fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(model.model_fields[f].title or f for f in fields)


def tables(std: Standard) -> list[Table]:
    """Every table the form has, by what its header says."""
    out = [Table("meta", META_FIELDS, META_HEADER), Table("figures", FIGURE_FIELDS, titles(Figure, FIGURE_FIELDS))]
    for part in std.parts:
        model = item_model(part.id)
        if model is Shortcoming:
            out.append(Table(part.id, SHORTCOMING_FIELDS, titles(Shortcoming, SHORTCOMING_FIELDS)))
        elif model is Plan:
            out.append(Table(part.id, PLAN_FIELDS, titles(Plan, PLAN_FIELDS)))
    return out


def meta_label(field: str) -> str:
    return Meta.model_fields[field].title or field


def tabular(part_id: str) -> bool:
    """Whether a part's items are rows of a table (problems with causes, plans) rather than headed text."""
    return item_model(part_id) in (Shortcoming, Plan)


def item_model(part_id: str) -> type[BaseModel] | None:
    """The model of one item of a part (None for a part of plain paragraphs)."""
    return inner_model(Report.model_fields[part_id].annotation)


def normal(text: str) -> str:
    """Text compared the forgiving way: width and spaces do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def section_of(text: str, std: Standard) -> str | None:
    """Which section a heading opens: meta, preamble or a part id; None if it names none."""
    words = normal(re.sub(r"[（(](必填|可选)[）)]$", "", text.strip()))
    if words == normal(META):
        return "meta"
    if words == normal(OPENING):
        return "preamble"
    for part in std.parts:
        if words == normal(part.name):
            return part.id
    return None
