"""A report (a Document and what recognition found in it) → a prefilled input.

The same reading and recognition as ``check`` say where each part is; this
package maps what is there onto the input model: the unit, recipients,
signature and date (``matter``); each part's items (``parts``, through
``items``); figures (``figures``); moving last year's report to this year
(``forward``); and the YAML text with comments (``emit``). The words
drafter's templates write are recognized by rendering the templates
(``phrases``), so they are never taken for the writer's text.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.checking.headings import Analyser, Unit
from drafter.checking.recognize import CheckResult, Section
from drafter.document import Document
from drafter.drafting.importer import emit
from drafter.drafting.importer.figures import Figures
from drafter.drafting.importer.forward import Mover
from drafter.drafting.importer.items import entries
from drafter.drafting.importer.matter import MatterReader
from drafter.drafting.importer.parts import PartBuilder
from drafter.drafting.importer.phrases import probe
from drafter.drafting.input import FORMAT_VERSION, Report
from drafter.errors import DrafterError
from drafter.standard import Standard
from drafter.yamlio import Loc

_META_ORDER = ("version", "unit", "year", "title", "recipients", "cc", "signer", "date", "doc_number", "issuer",
               "printer", "printed", "closing", "note", "layout", "order")


@dataclass
class Imported:
    data: dict[str, Any]
    comments: dict[Loc, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    blank: str = ""  # the standard's blank marker, as the header shows it

    def report(self) -> Report:
        """The input the data stands for (what validate will read)."""
        return Report.model_validate(self.data)

    def yaml(self, source: str) -> str:
        """The input as YAML text with comments; it reads back as exactly this input."""
        header = [
            f"由 drafter import 根据“{source}”生成。各部分的文字取自原文，请逐段核对：",
            f"把{self.blank}换成实际内容，运行 drafter validate 检查，再用 drafter render 生成文稿。",
            *(line for note in self.notes for line in textwrap.wrap(note, emit.COMMENT_WIDTH)),
        ]
        return emit.dump(self.data, _read_back, self.report(), self.comments, header)


def import_document(
    document: Document, result: CheckResult, std: Standard, year: int | None = None, templates: Path | None = None,
) -> Imported:
    """The input for ``document``; with ``year`` after the report's own, moved forward to that year."""
    units = Analyser(std).analyse(document)
    sections = result.sections
    matter = MatterReader(std).read(units, sections[0].start if sections else None)
    meta = matter.meta
    report_year = _year(result, meta, std)
    unit = meta.get("unit") or std.blank("报告单位全称")
    phrases = probe(std, unit, report_year, templates)
    figures = Figures(std, report_year, templates)
    builder = PartBuilder(std, report_year, figures, phrases)
    notes = [f.message for f in result.findings if f.rule == "report.not-a-report"] + matter.notes

    data: dict[str, Any] = {"meta": {}, "preamble": _preamble(matter.preamble, phrases)}
    intros: dict[str, str] = {}
    layout = None
    found = [(s, _entries(s, units)) for s in sections]
    found += _sub_sections(result, found)
    for part in std.parts:
        mine = [(s, e) for s, e in found if s.part == part.id]
        if not mine:
            data[part.id] = [] if not part.required else None
            continue
        built = builder.build(part.id, mine)
        data[part.id] = built.items
        layout = built.layout or layout
        if built.intro:
            intros[part.id] = built.intro
    if intros:
        data["intros"] = intros
    data["meta"] = _meta(meta, unit, report_year, layout, _order(sections, std), std, phrases)
    data = {"meta": data["meta"], "preamble": data["preamble"], **({"intros": intros} if intros else {}),
            **{pid: data[pid] for pid in std.order(data["meta"]["order"]).sequence if pid in data}}
    comments: dict[Loc, list[str]] = {}
    for part in std.parts:
        if data.get(part.id) is None or (part.required and not data.get(part.id)):
            data[part.id] = []
            comments[(part.id,)] = [f"原文中没有认出“{part.name}”，请补写。"]
            notes.append(f"原文中没有认出“{part.name}”，已留空待补写。")
    if year is not None and year < report_year:
        raise DrafterError(
            f"--year {year} 早于原报告的年度 {report_year}。导入去年的报告起草今年的，--year 写今年（晚于原报告）；"
            "原样导入时不写 --year。"
        )
    if year is not None and year != report_year:
        mover = Mover(std, figures, report_year, year)
        mover.move(data)
        comments.update(mover.comments)
        notes += mover.notes
    return Imported(data, comments, notes, std.blank("…"))


def from_form(
    source: Any, name: str | None, std: Standard, year: int | None = None, templates: Path | None = None,
) -> Imported | None:
    """A drafter Word form's data as an import (None when ``source`` is not a form); moved to ``year`` if later."""
    from drafter.drafting.form import reader as form

    if isinstance(source, (str, Path)) and Path(source).suffix.lower() != ".docx":
        return None
    if isinstance(source, bytes) and source[:4] != b"PK\x03\x04":
        return None
    data, label = form.load_bytes(source, name)
    if not form.is_form(data, label):
        return None
    located = form.read(data, label, std)
    report = _read_form(located)
    parts = {part.id for part in std.parts}
    compact = {key: value if key in parts else _compact(value) for key, value in _compact(report.model_dump()).items()}
    imported = Imported(compact, {}, [], std.blank("…"))
    if year is not None and year != report.meta.year:
        mover = Mover(std, Figures(std, report.meta.year, templates), report.meta.year, year)
        mover.move(imported.data)
        imported.comments.update(mover.comments)
        imported.notes += mover.notes
    return imported


def _compact(value: Any) -> Any:
    """Data without empty fields; a figure's blank value stays (it is a blank to fill)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _compact(item)
            if key == "value" or item not in (None, "", [], {}):
                out[key] = item
        return out
    if isinstance(value, list):
        return [_compact(item) for item in value]
    return value


def _read_form(located) -> Report:
    from drafter.drafting import input as model

    return model.build(located)[0]


def _entries(section: Section, units: list[Unit]) -> list:
    inside = [u for u in units if section.start <= u.index < section.end and u.content]
    found = entries(inside)
    if section.how == "heading" and found and found[0].heading and inside and inside[0].index == section.start:
        head = found.pop(0)
        if head.rest:
            found.insert(0, type(head)(head.rest, position=head.position))
    return found


def _sub_sections(result: CheckResult, found: list) -> list:
    """A part that is only a sub-heading inside another part is taken out into its own part.

    Recognition calls such a part partial (e.g. 加强组织领导 under a theme);
    the input holds it where it belongs, so the draft renders it as its part.
    """
    out = []
    own = {section.part for section, _ in found}
    for part in result.parts:
        if part.status != "partial" or part.id in own or part.position is None:
            continue
        for _section, entries_ in found:
            at = next((i for i, e in enumerate(entries_) if e.heading and e.position == part.position), None)
            if at is None:
                continue
            level, end = entries_[at].level, at + 1
            while end < len(entries_) and not (entries_[end].heading and 0 < entries_[end].level <= level):
                end += 1
            moved = entries_[at:end]
            del entries_[at:end]
            out.append((Section(part.id, "heading", moved[0].position, moved[-1].position + 1), moved))
            break
    return out


def _preamble(paragraphs: list[str], phrases) -> list[str]:
    """The opening paragraphs without the line the templates add."""
    out = [p for p in paragraphs if p != phrases.opening_alone]
    tail = phrases.preamble_tail
    if out and tail and out[-1].endswith(tail) and out[-1] != tail:
        out[-1] = out[-1][: -len(tail)]
    return out


def _year(result: CheckResult, meta: dict[str, Any], std: Standard) -> int:
    if result.year:
        return result.year
    if isinstance(meta.get("date"), dt.date):
        return meta["date"].year - std.dating.date_years_after
    return dt.date.today().year - std.dating.date_years_after


def _order(sections: list[Section], std: Standard) -> str:
    """The accepted order the draft's parts follow (the first one when none fits)."""
    seen: list[str] = []
    for section in sections:
        if section.part not in seen:
            seen.append(section.part)
    for order in std.orders:
        it = iter(order.sequence)
        if all(pid in it for pid in seen):
            return order.id
    return std.orders[0].id


def _meta(found: dict[str, Any], unit: str, year: int, layout: str | None, order: str, std: Standard, phrases) -> dict:
    meta = dict(found)
    meta.update(version=FORMAT_VERSION, unit=unit, year=year, layout=layout or "standard", order=order)
    if meta.get("title") and meta["title"] == std.title_for(unit, year):
        del meta["title"]
    if meta.get("signer") == unit:
        del meta["signer"]
    if meta.get("closing") == phrases.closing:
        del meta["closing"]
    if meta.get("printed") and meta.get("printed") == meta.get("date"):
        del meta["printed"]
    meta.setdefault("date", None)
    return {key: meta[key] for key in _META_ORDER if key in meta and meta[key] not in ("", [])}


def _read_back(text: str) -> Report:
    from drafter import yamlio
    from drafter.drafting import input as model

    return model.build(yamlio.parse(text, "导入结果"))[0]
