"""A filled Word form → the input's data, with every value's place in the form.

The officer may have added paragraphs and rows, deleted notes, kept notes,
cleared a figure row; the reader follows the form's shape (``layout``):
Heading 1 (or a paragraph that is exactly a section's name) opens a section,
Heading 2 and 3 open topics, points and items, labelled paragraphs are
summaries and intros, tables are known by their header row. A value's place
is said the way a person finds it in Word: 第3部分第2段, 第1部分表格第4行.

The package passes the reading side's zip guard before anything opens it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from drafter.document import wordstyles
from drafter.drafting.form import layout
from drafter.errors import DrafterError
from drafter.reading import zipguard
from drafter.standard import Standard
from drafter.yamlio import Loc, Located

MAX_FORM_BYTES = 100 * 1024 * 1024
_CUSTOM = "docProps/custom.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_NOT_A_FORM = (
    "这不是 drafter 生成的填写表（Word 表单）。别人写好的报告请用 drafter check 检查，"
    "或用 drafter import 转成输入文件；新的填写表用 drafter init 报告.docx --unit 单位 --year 年度 生成。"
)


@dataclass
class FormLocated(Located):
    """Located data from a Word form: no lines, but a paragraph or table row for every value."""

    anchors: dict[Loc, str] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        return None, None

    def anchor(self, loc: Loc) -> str | None:
        loc = tuple(loc)
        while True:
            if loc in self.anchors:
                return self.anchors[loc]
            if not loc:
                return None
            loc = loc[:-1]


def is_form(data: bytes, label: str) -> bool:
    """Whether a .docx carries the drafter form property; DrafterError when the zip guard refuses it."""
    zipguard.check(data, label)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if _CUSTOM not in archive.namelist():
            return False
        try:
            properties = etree.fromstring(archive.read(_CUSTOM), _PARSER)
        except Exception:  # a stranger's zip member fails in many ways (CRC, inflating, offsets, XML): no form
            return False
    return any(p.get("name") == layout.PROPERTY for p in properties)


def load_bytes(source: Path | str | bytes, name: str | None) -> tuple[bytes, str]:
    from drafter.files.source import read_bytes

    if isinstance(source, bytes):
        return source, name or "（未命名）.docx"
    label = name or str(source)
    limit = MAX_FORM_BYTES
    return read_bytes(Path(source), label, limit, lambda size: f"{label}：文件有 {size // 1048576} MB，超过上限。"), label


def read(source: Path | str | bytes, name: str | None = None, std: Standard | None = None) -> FormLocated:
    """The form's data, or DrafterError (exit 2) when the .docx is not a drafter form."""
    data, label = load_bytes(source, name)
    if not is_form(data, label):
        raise DrafterError(f"{label}：{_NOT_A_FORM}")
    from drafter.standard import load_standard

    return _Reader(std or load_standard(), label).read(data)


class _Reader:
    def __init__(self, std: Standard, file: str):
        self.std = std
        self.located = FormLocated(file=file, data={})
        self.located.anchors[()] = "全文"  # what has no place of its own (a table the writer deleted) is the whole form's
        self.tables = layout.tables(std)
        self.section: str | None = None
        self.number = 0  # sections so far (第几部分)
        self.paragraph = 0  # paragraphs in this section (第几段)
        self.table_count = 0

    def read(self, data: bytes) -> FormLocated:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        from drafter.drafting.input import FORMAT_VERSION

        try:
            word = docx.Document(io.BytesIO(data))
        except Exception:  # python-docx reports broken packages with many exception types
            raise DrafterError(f"{self.located.file}：无法作为 Word 文档打开。请用 Word 或 WPS 打开后“另存为” .docx。") from None
        body = word.element.body
        if body is None:
            raise DrafterError(f"{self.located.file}：Word 文档没有正文（w:body），文件不完整。请用 Word 或 WPS 打开后“另存为” .docx。")
        self.data: dict[str, Any] = {"meta": {"version": FORMAT_VERSION}, "preamble": []}
        for element in body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                self._paragraph(Paragraph(element, word))
            elif tag == "tbl":
                self._table(Table(element, word))
        self.located.data = self.data
        return self.located

    # -- places ---------------------------------------------------------------

    def here(self, row: int | None = None) -> str:
        if row is not None:
            return f"第{self.number}部分第{self.table_count}个表格第{row}行"
        return f"第{self.number}部分第{self.paragraph}段"

    def mark(self, loc: Loc, anchor: str) -> None:
        self.located.anchors.setdefault(loc, anchor)

    # -- paragraphs -------------------------------------------------------------

    def _paragraph(self, paragraph) -> None:
        text = paragraph.text.strip()
        if not text or text.startswith(layout.NOTE):
            return
        style = paragraph.style.name if paragraph.style is not None else ""
        level = wordstyles.heading_level(style)
        opened = layout.section_of(text, self.std)
        if wordstyles.matter_kind(style) == "title" and self.section is None:
            return
        if opened is not None and (level in (None, 1)):
            self.section, self.number, self.paragraph, self.table_count = opened, self.number + 1, 0, 0
            self.mark((opened,), self.here())
            if opened not in ("meta", "preamble"):
                self.data.setdefault(opened, [])
            return
        self.paragraph += 1
        if self.section is None:
            return
        if self.section == "preamble":
            self._append("preamble", text)
        elif self.section == "meta":
            return
        elif text.startswith(layout.INTRO):
            self.data.setdefault("intros", {})[self.section] = text[len(layout.INTRO):].strip()
            self.mark(("intros", self.section), self.here())
        else:
            self._part_paragraph(self.section, text, level)

    def _append(self, key: str, text: str) -> None:
        items = self.data.setdefault(key, [])
        self.mark((key, len(items)), self.here())
        items.append(text)

    def _part_paragraph(self, pid: str, text: str, level: int | None) -> None:
        fields = self._fields(pid)
        if not fields:  # a part of plain paragraphs
            self._append(pid, text)
            return
        items = self.data.setdefault(pid, [])
        if "points" in fields:
            self._topic_paragraph(pid, items, text, level)
        elif layout.tabular(pid):  # a paragraph where the form has a table: one more item
            items.append({"problem" if "problem" in fields else "text": text})
            self.mark((pid, len(items) - 1), self.here())
        elif level:
            items.append({"title": text})
            self.mark((pid, len(items) - 1), self.here())
        else:
            if not items:
                items.append({})
                self.mark((pid, 0), self.here())
            self._text(items[-1], (pid, len(items) - 1), text)

    def _topic_paragraph(self, pid: str, topics: list, text: str, level: int | None) -> None:
        if level in (None, 0) and not topics:
            topics.append({"title": "", "points": []})
            self.mark((pid, 0), self.here())
        if level == 2 or (level and level < 2):
            topics.append({"title": text, "points": []})
            self.mark((pid, len(topics) - 1), self.here())
            return
        topic = topics[-1]
        at = (pid, len(topics) - 1)
        if level:
            topic["points"].append({"title": text})
            self.mark(at + ("points", len(topic["points"]) - 1), self.here())
        elif text.startswith(layout.SUMMARY) and not topic["points"]:
            topic["summary"] = text[len(layout.SUMMARY):].strip()
            self.mark(at + ("summary",), self.here())
        else:
            if not topic["points"]:
                topic["points"].append({})
                self.mark(at + ("points", 0), self.here())
            self._text(topic["points"][-1], at + ("points", len(topic["points"]) - 1), text)

    def _text(self, item: dict, loc: Loc, text: str) -> None:
        if item.get("text"):
            item["text"] += "\n\n" + text
        else:
            item["text"] = text
            self.mark(loc + ("text",), self.here())

    # -- tables -----------------------------------------------------------------

    def _table(self, table) -> None:
        self.table_count += 1
        rows = [[_cell_text(cell) for cell in row.cells] for row in table.rows]
        if not rows:
            return
        spec = self._by_header(rows[0])
        if spec is None:
            return  # a table the officer added for their own use
        body = [(n + 1, row) for n, row in enumerate(rows) if n > 0 and any(c.strip() for c in row)]
        if spec.kind == "meta":
            body = [(n + 1, row) for n, row in enumerate(rows) if n > 0]
            self._meta(body)
        elif spec.kind == "figures":
            self._figures(spec, body)
        else:
            items = self.data.setdefault(spec.kind, [])
            for number, row in body:  # (a column the officer added is ignored, a missing one left empty)
                items.append({f: c for f, c in zip(spec.fields, row, strict=False) if c.strip()})
                self.mark((spec.kind, len(items) - 1), self.here(number))

    def _by_header(self, header: list[str]):
        words = tuple(layout.normal(c) for c in header)
        for spec in self.tables:
            if tuple(layout.normal(h) for h in spec.header) == words:
                return spec
        return None

    def _meta(self, body: list[tuple[int, list[str]]]) -> None:
        labels = {layout.normal(layout.meta_label(f)): f for f in layout.META_FIELDS}
        meta = self.data["meta"]
        for number, row in body:
            key = labels.get(layout.normal(row[0])) if row else None
            value = row[1].strip() if len(row) > 1 else ""
            if key is not None:
                self.mark(("meta", key), self.here(number))
            if key is None or not value:
                continue
            if key in ("recipients", "cc"):
                meta[key] = _names(value)
            elif key in ("layout", "order"):
                word = re.search(r"[A-Za-z_]+", value)  # an id such as leadership_first
                meta[key] = word.group(0) if word else value
            else:
                meta[key] = value

    def _figures(self, spec, body: list[tuple[int, list[str]]]) -> None:
        pid = self.section
        items = self.data.get(pid) if pid else None
        if not pid or not items:
            return
        holder = items[-1]
        at: Loc = (pid, len(items) - 1)
        if "points" in holder:
            if not holder["points"]:
                holder["points"].append({})
            at = at + ("points", len(holder["points"]) - 1)
            holder = holder["points"][-1]
        figures = holder.setdefault("figures", [])
        for number, row in body:
            figure: dict[str, Any] = {f: c.strip() for f, c in zip(spec.fields, row, strict=False) if c.strip()}
            if "yoy" in figure:
                figure["yoy"] = {layout.YES: True, layout.NO: False}.get(figure["yoy"], figure["yoy"])
            figures.append(figure)
            self.mark(at + ("figures", len(figures) - 1), self.here(number))

    # -- what each part holds ------------------------------------------------------

    def _fields(self, pid: str) -> dict:
        return getattr(layout.item_model(pid), "model_fields", {}) or {}


def _cell_text(cell) -> str:
    return "\n\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


# A list of bodies typed in one cell: split at 、，； and line breaks, but not
# inside 【…】 (an untouched blank is one blank, whatever punctuation it holds).
_NAME_LIST = re.compile(r"【[^】]*】|[^、，,；;\n【]+")


def _names(value: str) -> list[str]:
    names, current = [], ""
    for piece in _NAME_LIST.finditer(value):
        start = piece.start()
        if start and value[start - 1] in "、，,；;\n" and current:
            names.append(current)
            current = ""
        current += piece.group(0)
    if current:
        names.append(current)
    return [n.strip() for n in names if n.strip()]
