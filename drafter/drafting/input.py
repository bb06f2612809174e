"""The input model: what a bureau's legal-affairs officer fills in.

Field descriptions are the input format's documentation: they appear in the
JSON Schema (editor hovers) and as comments in the file ``drafter init`` writes.
Field titles (and, for lists, what one item is called) put a place in words:
("shortcomings", 1, "cause") is 第2条不足的“原因”.

Types are checked here, forgivingly (see ``values``: natural dates, 2025年,
1203起, paragraphs as blank lines or lists, blank as empty). Completeness
(non-empty parts, minimum amounts, causes, blanks) is judged against the
standard in ``drafter.drafting.completeness``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from drafter import yamlio
from drafter.drafting import values
from drafter.drafting.values import Date, Line, Number, Text, Year
from drafter.errors import DrafterError
from drafter.findings import Finding
from drafter.standard import Standard
from drafter.yamlio import validation as modelcheck

FORMAT_VERSION = 2
Layout = Literal["standard", "themed"]
def _items(value: Any) -> Any:
    """A list left blank (``points:`` with nothing under it) is an empty list."""
    return [] if value is None else value


def _many(value: Any) -> Any:
    """One text or a list of texts; always a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


def listing(item: str, counter: str, **kwargs: Any) -> dict[str, Any]:
    """Field arguments for a list: what one item is called and how it is counted (第2条不足)."""
    return {"json_schema_extra": {"item": item, "counter": counter}, **kwargs}


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Figure(_Input):
    """A number worth stating, optionally with last year's value for 同比."""

    name: Text = Field("", title="指标", description="指标说法，紧接数字的前半句，如“破获刑事案件”")
    unit: Line = Field("", title="单位", description="单位，如“起”“人”“%”")
    value: Number = Field(
        None, title="本年数值", description="本年度数值，只写数字（写成“1203起”也可以，单位须与 unit 一致）"
    )
    previous: Number = Field(
        None, title="上年数值", description="上年同期数值；填写后自动算出同比变化（单位为 % 时按百分点计）"
    )
    yoy: bool | None = Field(
        None, title="写同比",
        description="false 表示不写同比；不填时按标准：上年数值很小或属于存量指标（如清单事项数）时不写",
    )

    @model_validator(mode="before")
    @classmethod
    def _unit_from_value(cls, data: Any) -> Any:
        """``value: 1203起`` with no unit written: the unit is 起."""
        if isinstance(data, dict) and not str(data.get("unit") or "").strip():
            typed = values.unit_of(data.get("value")) or values.unit_of(data.get("previous"))
            if typed:
                data = {**data, "unit": typed}
        return data

    @field_validator("value", "previous", mode="before")
    @classmethod
    def _number(cls, value: Any, info: ValidationInfo) -> Any:
        return values.number(value, str(info.data.get("unit") or ""))


class Point(_Input):
    """One concrete measure under a topic."""

    title: Text = Field("", title="小标题", description="小标题（可选），一句话概括，如“坚持案件质量评查”")
    text: Text = Field(
        "", title="内容",
        description="具体做法和成效；分段时空一行，或写成列表。写 {指标} 可把该项数据放在句中",
    )
    figures: Annotated[list[Figure], BeforeValidator(_items)] = Field(
        default_factory=list, title="相关数据", description="相关数据（可选）", **listing("数据", "项")
    )


class MeasureTopic(_Input):
    """A theme of the year's work, e.g. 执法规范化建设."""

    title: Text = Field("", title="标题", description="主题，如“聚焦推进执法规范化建设”")
    topic: str | None = Field(None, title="主题目录 id", description="对应主题目录中的 id（可选），见 drafter schema 或标准文件 topics")
    summary: Text = Field("", title="导语", description="本主题的导语（可选）")
    points: Annotated[list[Point], BeforeValidator(_items)] = Field(
        default_factory=list, title="具体举措", description="具体举措，每条一项", **listing("举措", "条")
    )


class LeadershipItem(_Input):
    """What the principal leader personally did as 第一责任人."""

    title: Text = Field("", title="小标题", description="小标题（可选）")
    text: Text = Field("", title="内容", description="主要负责人履职的具体情况，尽量写出次数、比例")
    figures: Annotated[list[Figure], BeforeValidator(_items)] = Field(
        default_factory=list, title="相关数据", description="相关数据（可选）", **listing("数据", "项")
    )


class Shortcoming(_Input):
    """A shortcoming together with its cause: both are required."""

    id: str | None = Field(None, title="编号", description="编号（可选），供 plans 的 answers 引用，如 s1")
    problem: Text = Field("", title="问题", description="存在的不足：哪个环节、什么表现")
    cause: Text = Field("", title="原因", description="原因分析：为什么会这样（必填，只写问题不写原因算不完整）")


class Plan(_Input):
    """One item of next year's plan."""

    title: Text = Field("", title="小标题", description="小标题（可选）")
    text: Text = Field("", title="内容", description="下一年度要做的具体事情")
    answers: str | None = Field(None, title="对应的不足", description="对应的不足的 id（可选），如 s1")


class Intros(_Input):
    """A part's opening sentence; blank keeps the template's plain default."""

    measures: Text | None = Field(None, title="举措部分的引语", description="主要举措部分开头的一句话（可选，默认不写）")
    leadership: Text | None = Field(None, title="第一责任人部分的引语", description="第一责任人部分开头的一句话（可选，默认不写）")
    shortcomings: Text | None = Field(
        None, title="不足部分的引语", description="不足部分开头引出下文的一句话（可选；不填用默认的一句，写“无”则不要）"
    )
    plans: Text | None = Field(
        None, title="安排部分的引语", description="安排部分开头引出下文的一句话（可选；不填用默认的一句，写“无”则不要）"
    )
    other: Text | None = Field(None, title="其他部分的引语", description="其他情况部分开头的一句话（可选，默认不写）")


class Meta(_Input):
    version: int | None = Field(
        None, title="格式版本", description=f"输入格式的版本，现为 {FORMAT_VERSION}；不写时按第 1 版读取并自动转换"
    )
    unit: Line = Field(min_length=1, title="报告单位", description="报告单位全称，如“隆化县公安局”")
    year: Year = Field(title="报告年度", description="报告年度（写的是哪一年的工作），如 2025（写成 2025年 也可以）")
    title: Text | None = Field(None, title="标题", description="报告标题（可选）；不填则按标准生成")
    recipients: Annotated[list[Line], BeforeValidator(_many)] = Field(
        default_factory=list, title="主送机关",
        description="主送机关，即报送对象，如“中共隆化县委”“隆化县人民政府”“承德市公安局”",
        **listing("主送机关", "个"),
    )
    cc: Annotated[list[Line], BeforeValidator(_many)] = Field(
        default_factory=list, title="抄送机关",
        description="抄送机关（可选），写在文末版记中，如“中共隆化县委全面依法治县委员会办公室”",
        **listing("抄送机关", "个"),
    )
    signer: Line | None = Field(None, title="署名", description="落款署名（可选）；不填则用报告单位")
    date: Date = Field(None, title="成文日期", description=f"成文日期，如 {values.DATE_EXAMPLE}（定稿时必填）")
    doc_number: Line | None = Field(None, title="发文字号", description="发文字号（可选，上行文用），如“隆公呈〔2025〕3号”")
    issuer: Line | None = Field(None, title="签发人", description="签发人（可选，上行文用），如单位主要负责人姓名")
    printer: Line | None = Field(None, title="印发机关", description="印发机关（可选），写在版记中，如“隆化县公安局办公室”")
    printed: Date = Field(None, title="印发日期", description="印发日期（可选）；不填时用成文日期")
    we: Line | None = Field(None, title="自称", description="报告中单位的自称（可选），默认取单位名称的最后一字，如“我局”")
    closing: Text | None = Field(None, title="结束语", description="正文后的结束语（可选）；不填为“特此报告。”，写“无”则不要")
    note: Text | None = Field(None, title="附注", description="成文日期下的附注（可选），如“（此件公开发布）”")
    layout: Layout = Field(
        "standard", title="版式",
        description="版式：standard 为举措合成一部分、下分（一）（二）主题；themed 为每个举措主题单独成一部分",
    )
    order: str = Field("practice", title="部分顺序", description="部分顺序，取标准文件 orders 中的 id：practice、regulation 或 leadership_first")


class Report(_Input):
    """The whole input file."""

    meta: Meta = Field(
        title="基本信息", description="基本信息：报告单位、年度、主送机关、成文日期、版式", json_schema_extra={"silent": True}
    )
    preamble: Annotated[list[Text], BeforeValidator(_many)] = Field(
        default_factory=list, title="开头", description="开头的总体情况（一段或几段）", **listing("", "段")
    )
    intros: Annotated[Intros, BeforeValidator(lambda v: {} if v is None else v)] = Field(
        default_factory=Intros, title="各部分引语", description="各部分开头引出下文的一句话（可选）"
    )
    measures: list[MeasureTopic] | None = Field(
        None, title="主要举措和成效", description="主要举措和成效：按主题分组", **listing("主题", "个")
    )
    leadership: list[LeadershipItem] | None = Field(
        None, title="第一责任人职责情况", description="主要负责人履行第一责任人职责情况", **listing("履职情况", "条")
    )
    shortcomings: list[Shortcoming] | None = Field(
        None, title="存在的不足和原因", description="存在的不足和原因：每条都写原因", **listing("不足", "条")
    )
    plans: list[Plan] | None = Field(None, title="下一年度主要安排", description="下一年度主要安排", **listing("安排", "条"))
    other: Annotated[list[Text], BeforeValidator(_many)] = Field(
        default_factory=list, title="其他需要报告的情况", description="其他需要报告的情况（可选，一段或几段）",
        **listing("", "段"),
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


def read(source: Path | str | bytes, name: str | None = None, std: Standard | None = None) -> yamlio.Located:
    """Parse an input: YAML, or a drafter Word form (.docx). DrafterError (exit 2) if unusable."""
    if _is_word(source, name):
        from drafter.drafting.form import reader as form

        return form.read(source, name, std)
    if isinstance(source, bytes):
        from drafter.files.textcodec import decode

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
    return located


def _is_word(source: Path | str | bytes, name: str | None) -> bool:
    if isinstance(source, bytes):
        return source[:4] == b"PK\x03\x04" or Path(name or "").suffix.lower() == ".docx"
    return Path(source).suffix.lower() == ".docx"


def build(located: yamlio.Located, std: Standard | None = None) -> tuple[Report, list[Finding]]:
    """The Report from parsed data, after migrating older formats (the notices say what changed)."""
    from drafter.drafting import migrate

    notices = migrate.migrate(located, std)
    return modelcheck.validate(Report, located, "输入文件"), notices


def load(
    source: Path | str | bytes, name: str | None = None, std: Standard | None = None
) -> tuple[Report, yamlio.Located]:
    """Read, parse and type-check an input (a path, or its bytes and a name). DrafterError (exit 2) if unusable."""
    located = read(source, name, std)
    report, _ = build(located, std)
    return report, located


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
