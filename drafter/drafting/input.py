"""The input model: what a bureau's legal-affairs officer fills in.

Field descriptions are the input format's documentation: they appear in the
JSON Schema (editor hovers) and as comments in the file ``drafter init`` writes.
Types are checked here; completeness (non-empty parts, minimum amounts, causes,
blanks) is judged against the standard in ``drafter.drafting.completeness``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from drafter.document.cjk import tidy

from drafter.yamlio import validation as modelcheck
from drafter import yamlio
from drafter.errors import DrafterError
from drafter.standard import Standard
from drafter.files.textcodec import decode

Layout = Literal["standard", "themed"]
# Prose typed by the officer: folded YAML lines are re-joined the Chinese way.
Text = Annotated[str, AfterValidator(tidy)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _paragraphs(value: Any) -> Any:
    """Accept one text or a list of texts; always hand on a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


class Figure(_Input):
    """A number worth stating, optionally with last year's value for 同比."""

    name: Text = Field(description="指标说法，紧接数字的前半句，如“全年共发刑事案件”")
    value: int | float = Field(description="本年度数值")
    unit: str = Field("", description="单位，如“起”“人”“%”")
    previous: int | float | None = Field(
        None, description="上年同期数值；填写后自动算出同比变化（单位为 % 时按百分点计）"
    )


class Point(_Input):
    """One concrete measure under a topic."""

    title: Text = Field("", description="小标题（可选），一句话概括，如“坚持案件质量评查”")
    text: Text = Field(description="具体做法和成效")
    figures: list[Figure] = Field(default_factory=list, description="相关数据（可选）")


class MeasureTopic(_Input):
    """A theme of the year's work, e.g. 执法规范化建设."""

    title: Text = Field(description="主题，如“聚焦推进执法规范化建设”")
    topic: str | None = Field(None, description="对应主题目录中的 id（可选），见 drafter schema 或标准文件 topics")
    summary: Text = Field("", description="本主题的导语（可选）")
    points: list[Point] = Field(default_factory=list, description="具体举措，每条一项")


class LeadershipItem(_Input):
    """What the principal leader personally did as 第一责任人."""

    title: Text = Field("", description="小标题（可选）")
    text: Text = Field(description="主要负责人履职的具体情况，尽量写出次数、比例")
    figures: list[Figure] = Field(default_factory=list, description="相关数据（可选）")


class Shortcoming(_Input):
    """A shortcoming together with its cause: both are required."""

    id: str | None = Field(None, description="编号（可选），供 plans 的 answers 引用，如 s1")
    problem: Text = Field(description="存在的不足：哪个环节、什么表现")
    cause: Text = Field("", description="原因分析：为什么会这样（必填，只写问题不写原因算不完整）")


class Plan(_Input):
    """One item of next year's plan."""

    title: Text = Field("", description="小标题（可选）")
    text: Text = Field(description="下一年度要做的具体事情")
    answers: str | None = Field(None, description="对应的不足的 id（可选），如 s1")


class Meta(_Input):
    unit: str = Field(description="报告单位全称，如“澄源县公安局”")
    year: int = Field(ge=2000, le=2100, description="报告年度（写的是哪一年的工作），如 2024")
    title: Text | None = Field(None, description="报告标题（可选）；不填则按标准生成")
    recipients: list[str] = Field(
        default_factory=list, description="主送机关，即报送对象，如“中共澄源县委”“澄源县人民政府”"
    )
    signer: str | None = Field(None, description="落款署名（可选）；不填则用报告单位")
    date: dt.date | None = Field(None, description="成文日期，写成 2025-02-20 的形式（定稿时必填）")
    layout: Layout = Field(
        "standard",
        description="版式：standard 为举措合成一部分、下分（一）（二）主题；"
        "themed 为每个举措主题单独成一部分",
    )
    order: str = Field("practice", description="部分顺序，取标准文件 orders 中的 id：practice 或 regulation")

    @field_validator("recipients", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Report(_Input):
    """The whole input file."""

    meta: Meta = Field(description="基本信息：报告单位、年度、主送机关、成文日期、版式")
    preamble: list[Text] = Field(default_factory=list, description="开头的总体情况（一段或几段）")
    # The parts, named by the standard's part ids; what each holds is described
    # by the standard (json_schema fills it in).
    measures: list[MeasureTopic] | None = None
    leadership: list[LeadershipItem] | None = None
    shortcomings: list[Shortcoming] | None = None
    plans: list[Plan] | None = None
    other: list[Text] = Field(default_factory=list, description="一段或几段文字")

    _v_paragraphs = field_validator("preamble", "other", mode="before")(
        classmethod(lambda cls, v: _paragraphs(v))
    )

    def part_content(self, part_id: str) -> list[Any]:
        """The items a part holds, by the standard's part id (empty if none)."""
        return list(getattr(self, part_id) or [])

    @property
    def signer(self) -> str:
        return self.meta.signer or self.meta.unit


def check_standard(std: Standard) -> None:
    """The input format must hold every part of the standard, under the part's id."""
    unknown = [part.id for part in std.parts if part.id not in Report.model_fields]
    if unknown:
        raise DrafterError(
            f"报告标准中的部分 {'、'.join(unknown)} 在输入文件格式中没有对应的字段"
            f"（可用：{'、'.join(f for f in Report.model_fields if f not in ('meta', 'preamble'))}）。"
            "请把标准文件 parts 中的 id 改回这些名称。"
        )


def describe(path: str) -> str:
    """The description of a field by dotted path, e.g. ``meta.unit`` or ``measures.points.text``."""
    model: Any = Report
    field = None
    for name in path.split("."):
        field = model.model_fields[name]
        model = modelcheck.inner_model(field.annotation)
    return (field.description or "") if field else ""


def load(source: Path | str | bytes, name: str | None = None) -> tuple[Report, yamlio.Located]:
    """Read, parse and type-check an input (a path, or its bytes and a name). DrafterError (exit 2) if unusable."""
    if isinstance(source, bytes):
        located = yamlio.parse(decode(source, name or "输入文件")[0], name or "输入文件")
    else:
        located = yamlio.load(Path(source))
    if located.data is None:
        raise DrafterError(f"{located.file}：文件是空的。请先用 drafter init 生成模板，再填写内容。")
    if not isinstance(located.data, dict):
        raise DrafterError(
            f"{located.file}：输入文件应由 meta、preamble、measures 等“键: 值”组成，"
            "但文件最外层不是这种结构。请用 drafter init 生成模板后再填写。"
        )
    return modelcheck.validate(Report, located, "输入文件"), located


def json_schema(std: Standard) -> dict[str, Any]:
    """The input's JSON Schema; each part's description comes from the standard."""
    schema = Report.model_json_schema()
    for part in std.parts:
        prop = schema["properties"].get(part.id)
        if prop is not None:
            prop["description"] = f"{part.name}{'（必填）' if part.required else '（可选）'}：{part.content}"
    # Class docstrings are developer notes in English; editors should show
    # only the Chinese field descriptions.
    schema.pop("description", None)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drafter 年度报告输入文件"
    return schema
