"""Completeness of a filled input, judged against the standard.

Types were already checked by the model; this asks whether the report would be
complete: required parts present and non-empty, minimum amounts met, every
shortcoming with its cause, no blanks left from ``drafter init`` (a figure's
empty value, or the skeleton's 0 and 0, count as blanks), dates consistent.
Errors make the input incomplete (exit 1); warnings are advice and never block
rendering (a part shorter than the guidance is one). What the text says
(leadership facts, years named in plans, wording) is the content review's
(drafter.checking.review), which never changes completeness.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from drafter.document.cjk import count_chars
from drafter.drafting.input import Figure, Report
from drafter.findings import Finding, Level, has_errors
from drafter.standard import Standard
from drafter.yamlio import Loc, Located, format_loc
from drafter.yamlio import validation as modelcheck


@dataclass
class PartSummary:
    id: str
    name: str
    required: bool
    items: int
    chars: int
    complete: bool


def strings(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string in a model or plain value, with its input path."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, loc + (i,))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name), loc + (name,))


class _Checker:
    def __init__(self, report: Report, std: Standard, located: Located | None):
        self.report = report
        self.std = std
        self.located = located
        self.findings: list[Finding] = []

    def add(self, rule: str, level: Level, part: str | None, loc: Loc, message: str) -> None:
        line, col = self.located.position(loc) if self.located else (None, None)
        file = self.located.file if self.located else ""
        anchor = modelcheck.anchor(self.located, loc) if self.located else None
        self.findings.append(Finding(
            rule, level, message, part=part, file=file, line=line, col=col, path=format_loc(loc),
            place=modelcheck.place(Report, loc) or None, anchor=anchor,
        ))

    def run(self) -> list[Finding]:
        self.meta()
        self.blanks()
        self.figures()
        for part in self.std.parts:
            self.part(part.id)
        self.measures()
        self.shortcomings()
        self.plans()
        self.years()
        self.findings.sort(key=lambda f: (f.line is None, f.line or 0, f.col or 0))
        return self.findings

    def meta(self) -> None:
        meta = self.report.meta
        order_ids = [o.id for o in self.std.orders]
        if meta.order not in order_ids:
            self.add("meta.unknown-order", "error", None, ("meta", "order"),
                     f"部分顺序“{meta.order}”不在标准认可的顺序中，请改为：{'、'.join(order_ids)}。")
        if not meta.recipients:
            self.add("meta.no-recipients", "warning", None, ("meta", "recipients"),
                     f"没有填写主送机关（报送对象），文稿开头将不写主送。{self.std.front_guidance.recipients}")
        cc_only = [re.compile(p) for p in self.std.addressing.cc_only]
        for i, name in enumerate(meta.recipients):
            if any(p.search(name) for p in cc_only):
                self.add("meta.cc-in-recipients", "warning", None, ("meta", "recipients", i),
                         f"“{name}”通常列在抄送中，不列主送：请把它移到 meta 的 cc 下，生成时写在文末版记的“抄送”里。")
        if not self.report.preamble:
            self.add("meta.no-preamble", "warning", None, ("preamble",), f"没有填写开头的总体情况。{self.std.front_guidance.preamble}")

    def blanks(self) -> None:
        pattern = self.std.placeholder_re
        for loc, text in strings(self.report):
            found = pattern.search(text)
            if found:
                part = loc[0] if loc and loc[0] in {p.id for p in self.std.parts} else None
                self.add("placeholder", "error", part, loc, f"还有空白未填写：{found.group(0)}。请换成实际内容。")

    def figures(self) -> None:
        """A figure's value left empty, or the skeleton's 0 and 0 left untouched, is a blank."""
        for loc, figure in _figures(self.report, self.std):
            part = str(loc[0])
            if figure.value is None:
                hint = f"（上年为{figure.previous:g}{figure.unit}）" if figure.previous is not None else ""
                unnamed = not figure.name or self.std.placeholder_re.search(figure.name)
                named = "这项数据" if unnamed else f"“{figure.name}”"
                self.add("placeholder", "error", part, loc + ("value",),
                         f"{named}的本年数值还没有填{hint}。请填上数字（value）。")
            elif figure.value == 0 and figure.previous == 0:
                self.add("placeholder", "error", part, loc + ("value",),
                         "本年和上年数值都是 0，像是模板留下的空白。请填上实际数字；确实为 0 时删去 previous 一行。")
            if not figure.name.strip() and figure.value is not None:
                self.add("input.empty", "error", part, loc + ("name",), "数据缺少指标说法（name），即紧接数字的前半句。")

    def part(self, part_id: str) -> None:
        spec = self.std.part(part_id)
        items = self.report.part_content(part_id)
        text = "".join(t for _, t in strings(items))
        if not items or not text.strip():
            if spec.required:
                self.add("part.missing", "error", part_id, (part_id,),
                         f"缺少“{spec.name}”部分（必填）。请在 {part_id} 下填写，写法见 drafter init 生成的模板中的提示。")
            return
        if self.std.placeholder_re.search(text):
            return  # blanks are reported one by one; amounts are judged once they are filled
        minimum = spec.minimum
        if minimum.items and len(items) < minimum.items:
            self.add("part.too-few", "error", part_id, (part_id,),
                     f"“{spec.name}”只有{len(items)}条，至少需要{minimum.items}条。")
        chars = count_chars(text)
        if minimum.chars and chars < minimum.chars:
            self.add("part.too-short", "warning", part_id, (part_id,),
                     f"“{spec.name}”正文约{chars}字，指引建议不少于{minimum.chars}字。可补充具体做法、数据或案例"
                     "（只是提醒，不影响生成文稿）。")
        for i, item in enumerate(items):
            for field in ("text", "problem"):
                if field in getattr(type(item), "model_fields", {}) and not getattr(item, field).strip():
                    self.add("input.empty", "error", part_id, (part_id, i, field), "内容为空，请填写。")

    def measures(self) -> None:
        spec = self.std.role("themes")
        pid = spec.id
        topic_ids = [t.id for t in self.std.topics]
        for i, topic in enumerate(self.report.part_content(pid)):
            if not topic.title.strip():
                self.add("input.empty", "error", pid, (pid, i, "title"), "主题标题为空，请用一句话概括这一组内容。")
            if len(topic.points) < spec.minimum.points:
                self.add("measures.too-few-points", "error", pid, (pid, i, "points"),
                         f"主题“{topic.title}”下至少需要{spec.minimum.points}条具体内容（points）。")
            for j, point in enumerate(topic.points):
                if not point.text.strip():
                    self.add("input.empty", "error", pid, (pid, i, "points", j, "text"), "内容为空，请填写。")
            if topic.topic and topic.topic not in topic_ids:
                close = difflib.get_close_matches(topic.topic, topic_ids, n=1)
                hint = f"是不是想写“{close[0]}”？" if close else f"可用的主题：{'、'.join(topic_ids)}。"
                self.add("measures.unknown-topic", "warning", pid, (pid, i, "topic"), f"主题目录中没有“{topic.topic}”。{hint}")

    def shortcomings(self) -> None:
        seen: set[str] = set()
        pid = self.std.roles.problems
        for i, item in enumerate(self.report.part_content(pid)):
            if item.problem.strip() and not item.cause.strip():
                self.add("shortcoming.no-cause", "error", pid, (pid, i, "cause"),
                         f"第{i + 1}条不足没有写原因。请在 cause 中写明为什么会这样；只列问题不分析原因，评估时会被认为不完整。")
            if item.id:
                if item.id in seen:
                    self.add("shortcoming.duplicate-id", "error", pid, (pid, i, "id"),
                             f"编号“{item.id}”重复，请给每条不足一个不同的编号。")
                seen.add(item.id)

    def plans(self) -> None:
        problems = self.report.part_content(self.std.roles.problems)
        pid = self.std.roles.follow_up
        ids = [s.id for s in problems if s.id]
        if not problems:
            return  # the missing part is the error to fix first
        for i, plan in enumerate(self.report.part_content(pid)):
            if plan.answers and plan.answers not in ids:
                close = difflib.get_close_matches(plan.answers, ids, n=1)
                hint = f"是不是想写“{close[0]}”？" if close else (
                    f"已有的不足编号：{'、'.join(ids)}。" if ids else f"请先在 {self.std.roles.problems} 中给对应的不足加上 id。")
                self.add("plans.unknown-answer", "error", pid, (pid, i, "answers"), f"找不到编号为“{plan.answers}”的不足。{hint}")

    def years(self) -> None:
        year = self.report.meta.year
        date = self.report.meta.date
        if date is None:
            self.add("meta.no-date", "error", None, ("meta", "date"),
                     f"没有填写成文日期（date），如 {year + self.std.dating.date_years_after}年2月20日。")
        elif date.year != year + self.std.dating.date_years_after:
            expected = year + self.std.dating.date_years_after
            self.add("meta.date-year", "warning", None, ("meta", "date"),
                     f"成文日期是{date.year}年，而报告年度是{year}年。年度报告通常在{expected}年初成文，请核对。")
        years = self.std.year_re
        for loc, text in strings(self.report.preamble, ("preamble",)):
            first = years.search(text)
            if first and int(first.group(1)) != year:
                self.add("year.opening-stale", "warning", None, loc,
                         f"开头写的是{first.group(1)}年，而报告年度是{year}年。是否沿用了往年的材料？")
                break


def _figures(report: Report, std: Standard) -> Iterator[tuple[Loc, Figure]]:
    """Every figure in the report, with its input path (items of any part may carry figures)."""
    for part in std.parts:
        for i, item in enumerate(report.part_content(part.id)):
            for j, point in enumerate(getattr(item, "points", [])):
                for k, figure in enumerate(point.figures):
                    yield (part.id, i, "points", j, "figures", k), figure
            for k, figure in enumerate(getattr(item, "figures", [])):
                yield (part.id, i, "figures", k), figure


def check(report: Report, std: Standard, located: Located | None = None) -> list[Finding]:
    """All completeness findings for ``report``, in file order."""
    return _Checker(report, std, located).run()


def summarize(report: Report, std: Standard, findings: list[Finding]) -> list[PartSummary]:
    """Per-part counts and whether the part has no errors."""
    broken = {f.part for f in findings if f.level == "error"}
    out = []
    for part in std.parts:
        items = report.part_content(part.id)
        chars = count_chars("".join(t for _, t in strings(items)))
        complete = part.id not in broken and (bool(items) or not part.required)
        out.append(PartSummary(part.id, part.name, part.required, len(items), chars, complete))
    return out


def is_complete(findings: list[Finding]) -> bool:
    return not has_errors(findings)
