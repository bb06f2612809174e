"""Last year's report as the start of this year's: move it forward.

Years shift with the report (the report year and the year after it; not a
year inside 《》 titles or a range such as 2021-2025年). No sentence may
restate last year's figure as this year's: a figure in an item that can
carry figures becomes a ``{名称}`` reference to a figure whose ``previous``
is last year's number and whose ``value`` is blank; elsewhere the number
becomes a marked blank that says last year's number. Last year's plans are
what this year's measures should report on: they become comments beside the
measures ("去年安排：…，今年落实情况？"), and the plans start blank. Dates
and the document number belong to last year's file and are left blank.
"""

from __future__ import annotations

from typing import Any

from drafter.drafting.importer.emit import chinese_date, number
from drafter.drafting.importer.figures import Figures, Found
from drafter.drafting.input import Report
from drafter.standard import Standard
from drafter.yamlio import Loc
from drafter.yamlio.validation import inner_model

_RANGE_BEFORE = "-－—–~～至到"


class Mover:
    def __init__(self, std: Standard, figures: Figures, old: int, new: int):
        self.std, self.figures, self.old, self.new = std, figures, old, new
        self.comments: dict[Loc, list[str]] = {}
        self.notes: list[str] = []
        self.counts = {"figures": 0, "blanks": 0, "years": 0}

    def move(self, data: dict[str, Any]) -> None:
        meta = data["meta"]
        self._meta(meta)
        data["preamble"] = [self.text(p) for p in data.get("preamble", [])]
        if data.get("intros"):
            data["intros"] = {k: self.text(v) for k, v in data["intros"].items()}
        follow_up = self.std.roles.follow_up
        for part in self.std.parts:
            if part.id == follow_up or data.get(part.id) is None:
                continue
            model = inner_model(Report.model_fields[part.id].annotation)
            data[part.id] = [self._item(item, model) for item in data[part.id]]
        self._plans(data, follow_up)
        self.notes.append(
            f"已按{self.new}年度改写：{self.counts['years']} 处年份顺延，{self.counts['figures']} 项数据改为待填"
            f"（去年的数写在 previous 中），{self.counts['blanks']} 处数字改为待填标记。"
        )

    # -- texts -----------------------------------------------------------------

    def years(self, text: str) -> str:
        """The report year and the next shifted by the move; titles in 《》 and ranges left alone."""
        shift = self.new - self.old
        out, at = [], 0
        for found in self.std.year_re.finditer(text):
            year = int(found.group(1))
            start = found.start(1)
            inside_title = text.count("《", 0, start) > text.count("》", 0, start)
            ranged = start > 0 and text[start - 1] in _RANGE_BEFORE
            if year in (self.old, self.old + 1) and not inside_title and not ranged:
                out.append(text[at:start] + str(year + shift))
                at = found.end(1)
                self.counts["years"] += 1
        return "".join(out) + text[at:]

    def text(self, text: Any) -> Any:
        """A text without references: years shifted, numbers turned into marked blanks."""
        if not isinstance(text, str):
            return text
        shifted = self.years(text)
        return self._blank(shifted, self.figures.find(shifted))

    def _blank(self, text: str, found: list[Found]) -> str:
        for figure in reversed(found):
            text = text[: figure.number] + self._marker(figure) + text[figure.end:]
        return text

    # -- items -----------------------------------------------------------------

    def _item(self, item: Any, model: Any) -> Any:
        if isinstance(item, str) or model is None:
            return self.text(item)
        fields = model.model_fields
        out = dict(item)
        for key in ("title", "summary", "problem", "cause"):
            if isinstance(out.get(key), str):
                out[key] = self.text(out[key])
        if "points" in out:
            points = inner_model(fields["points"].annotation)
            out["points"] = [self._item(p, points) for p in out["points"]]
        if "figures" in fields:
            out["text"], figures = self._referenced(out.get("text", ""), out.get("figures", []))
            out.pop("figures", None)
            if figures:
                out["figures"] = figures
        elif isinstance(out.get("text"), str):
            out["text"] = self.text(out["text"])
        return out

    def _referenced(self, text: str, figures: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
        """Figures in ``text`` become references to figures holding last year's number."""
        moved = [{"name": f["name"], "unit": f.get("unit", ""), "value": None, "previous": f.get("value")}
                 for f in figures]
        self.counts["figures"] += len(moved)
        text = self.years(text)
        names = {f["name"] for f in moved}
        pieces, at = [], 0
        for found in self.figures.find(text):
            pieces.append(text[at:found.start])
            if found.name and found.name not in names:
                names.add(found.name)
                pieces.append("{" + found.name + "}")
                moved.append({"name": found.name, "unit": found.unit, "value": None, "previous": found.value})
                self.counts["figures"] += 1
            else:
                pieces.append(text[found.start:found.number] + self._marker(found))
            at = found.end
        pieces.append(text[at:])
        return "".join(pieces), moved

    def _marker(self, found: Found) -> str:
        self.counts["blanks"] += 1
        return self.std.blank(f"今年的数，上年为{number(found.value)}{found.unit}")

    # -- plans and meta ----------------------------------------------------------

    def _plans(self, data: dict[str, Any], follow_up: str) -> None:
        last = data.get(follow_up) or []
        themes = self.std.roles.themes
        lines = []
        for plan in last:
            said = plan if isinstance(plan, str) else "。".join(x for x in (plan.get("title"), plan.get("text")) if x)
            said = said.rstrip("。；; ")  # quoted as last year wrote it
            lines.append(f"去年安排：{said}，今年落实情况？")  # one remark a line; the YAML writer wraps it
        if lines:
            head = [f"以下去年的 {len(last)} 条安排，是今年举措部分要交代的落实情况："]
            self.comments[(themes,)] = head + lines
        spec = self.std.part(follow_up)
        data[follow_up] = [
            {"title": self.std.blank("小标题"), "text": self.std.blank(f"{self.new + 1}年要做的具体事情")}
            for _ in range(max(spec.minimum.items, 1))
        ]
        self.comments[(follow_up,)] = [f"去年的安排已移到举措部分前的注释中；这里写{self.new + 1}年的安排。"]

    def _meta(self, meta: dict[str, Any]) -> None:
        meta["year"] = self.new
        for key in ("title",):
            if isinstance(meta.get(key), str):
                meta[key] = self.years(meta[key])
        last_date = meta.get("date")
        meta["date"] = None
        if last_date:
            self.comments[("meta", "date")] = [f"去年的成文日期是{chinese_date(last_date)}；请填今年的。"]
        for key in ("doc_number", "printed"):
            if meta.get(key):
                self.comments[("meta", key)] = [f"去年的是“{_said(meta[key])}”；请填今年的。"]
                meta[key] = None


def _said(value: Any) -> str:
    return chinese_date(value) if hasattr(value, "year") else str(value)
