"""The report standard: schemas/*.yaml loaded and validated into objects.

Nothing here knows what the parts are called or how they are recognized; the
YAML says so. This module only gives that data a checked shape and small
helpers (year substitution, compiled patterns).
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from drafter import yamlio
from drafter.document.cjk import tidy
from drafter.files.memo import per_file
from drafter.resources import data_dir, default_standard_path
from drafter.yamlio import validation as modelcheck

Prose = Annotated[str, AfterValidator(tidy)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def fill_year(text: str, year: int) -> str:
    """Substitute {year} and {next_year}; leaves regex braces like {0,12} alone."""
    return text.replace("{year}", str(year)).replace("{next_year}", str(year + 1))


def fill_known_year(text: str, year: int | None) -> str | None:
    """``fill_year`` for a report whose year may be unknown: None when the text needs it and it is."""
    if "{year}" in text or "{next_year}" in text:
        return fill_year(text, year) if year else None
    return text


def _regex(pattern: str) -> str:
    try:
        re.compile(fill_year(pattern, 2000))
    except re.error as exc:
        raise ValueError(f"正则表达式“{pattern}”写法有误（{exc}）。") from None
    return pattern


# A regular expression from the standard, checked when the standard loads.
Regex = Annotated[str, AfterValidator(_regex)]


class Minimum(_Strict):
    items: int = Field(0, ge=0, description="最少条目数（主题、条目或问题的个数）")
    points: int = Field(0, ge=0, description="每个主题最少举措条数（仅 measures）")
    chars: int = Field(0, ge=0, description="本部分正文最少字数")


class Recognition(_Strict):
    aliases: list[str] = Field(default_factory=list, description="标题中出现即认定为本部分的词")
    heading_patterns: list[Regex] = Field(
        default_factory=list, description="标题中出现即认定为本部分的说法（正则表达式，按词类组合，补充 aliases）"
    )
    cues: list[Regex] = Field(default_factory=list, description="无标题时识别段落开头的正则表达式")
    cause_cues: list[Regex] = Field(default_factory=list, description="写了原因的迹象（正则表达式）")
    statements: list[Regex] = Field(
        default_factory=list, description="本部分没有单独成部分时，正文中任何位置写到本部分内容的句子（正则表达式）"
    )
    unheaded_min_chars: int = Field(
        0, ge=0, description="没有标题时，开头段之后的正文达到这么多字即认定为本部分（0 表示不用此规则）"
    )


class Part(_Strict):
    id: str
    name: str
    short: str = Field("", max_length=4, description="列宽有限时（如多份报告的汇总表）的简称，不超过 4 个字")
    required: bool
    heading: str
    content: Prose
    minimum: Minimum = Minimum()
    guidance: Prose
    recognition: Recognition = Recognition()

    def heading_for(self, year: int) -> str:
        return fill_year(self.heading, year)


class HeadingRules(_Strict):
    """Layout facts the checker uses to tell headings from body text."""

    item_title_max_chars: int = Field(
        30, ge=1, description="“一是……。”列举项的第一句不超过这个字数、后面还有正文时，导入为小标题"
    )
    max_chars: int = Field(40, ge=1, description="单独成行的标题最多字数")
    run_in_max_chars: int = Field(50, ge=1, description="编号段落的第一句不超过这个字数时视为段首标题")
    title_max_chars: int = Field(60, ge=1, description="文首标题行最多字数")


class Closing(_Strict):
    """The end of a report that belongs to no part: formula, notes, signature, date."""

    lines: list[Regex] = Field(default_factory=list, description="结束语、附注（正则表达式）")
    date: Regex = Field("^$", description="成文日期行（正则表达式）；紧挨在它前面的短行是落款单位")


class Roles(_Strict):
    """Which part plays which role in recognition and checks (part ids)."""

    themes: str = Field(description="主题式写法中未点明部分的一级标题所属的部分；它可以没有标题")
    problems: str = Field(description="在其中找原因的部分；它开始后，未点明部分的一级标题不再算主题")
    follow_up: str = Field(description="没有标题时，由 problems 部分中重新开始的列举推断其开始的部分")
    leader: str = Field(description="第一责任人职责要点所在的部分")


class Identity(_Strict):
    """How a draft names the unit that wrote it."""

    unit: Regex = Field(
        "(?P<unit>(?!))", description="单位名称（正则表达式，用命名组 unit 标出名称）；在标题、落款和开头一句的句首找"
    )

    @model_validator(mode="after")
    def _named(self) -> Identity:
        if "unit" not in re.compile(self.unit).groupindex:
            raise ValueError("identity.unit 必须用命名组 (?P<unit>…) 标出单位名称。")
        return self


class Dating(_Strict):
    date_years_after: int = Field(1, ge=0, le=5, description="成文日期在报告年度之后第几年")


class FrontGuidance(_Strict):
    recipients: Prose = Field(description="没有填写主送机关时的提示")
    preamble: Prose = Field(description="没有填写开头总体情况时的提示")


class Order(_Strict):
    id: str
    name: str
    sequence: list[str]


class NumberingLevel(_Strict):
    level: int = Field(ge=1, le=4)
    format: str
    patterns: list[Regex]


class InlineNumbering(_Strict):
    format: str
    pattern: Regex


class Numbering(_Strict):
    levels: list[NumberingLevel]
    inline: InlineNumbering


class Placeholders(_Strict):
    blank: str
    gap: str
    pattern: Regex
    leftovers: list[Regex] = Field(default_factory=list, description="手写稿中常见的其他占位写法（正则表达式）")
    content_min_chars: int = Field(
        60, ge=0, description="有待填写标记的部分，去掉标记、编号和标点后不到这么多字时，算没有写（未填的模板）"
    )


class ReportMarkers(_Strict):
    min_hits: int = Field(ge=1)
    terms: list[str]


class Topic(_Strict):
    id: str
    name: str
    keywords: list[str] = Field(min_length=1)


class LeadershipFact(_Strict):
    id: str
    name: str
    keywords: list[str] = Field(min_length=1)
    hint: Prose
    count: bool = Field(False, description="写作指引要求写出次数或比例：提到了但没有数字时也提醒")
    ignore: list[str] = Field(default_factory=list, description="不算写到这一事项的口号式说法，如“尊法学法守法用法”")


class Addressing(_Strict):
    """Who a report goes to, and how its sender's name and document number look."""

    cc_only: list[Regex] = Field(default_factory=list, description="只应列在抄送、不列主送的机关（正则表达式）")
    unit: Regex = Field("^$", description="报告单位名称的样子（正则表达式），导入时从标题、落款或开头认出单位")
    doc_number: Regex = Field("^$", description="发文字号的样子（正则表达式）")
    issuer: Regex = Field("^$", description="签发人一行（正则表达式，name 组为姓名）")
    cc_line: Regex = Field("^$", description="版记中的抄送一行（正则表达式，names 组为各机关）")
    imprint_line: Regex = Field("^$", description="版记中的印发一行（正则表达式，printer、date 组）")
    note_line: Regex = Field("^$", description="成文日期下的附注（正则表达式）")


class FigureRules(_Strict):
    """How figures are written: their units, when 同比 reads well, rounding."""

    units: list[str] = Field(default_factory=list, description="数据的计量单位，导入时据此从正文中认出数据")
    approximate: list[str] = Field(default_factory=list, description="约数的写法（余、多），导入时算作单位的一部分")
    yoy_min_previous: float = Field(0, ge=0, description="上年数值小于此数时默认不写同比（百分比指标除外）")
    scales: dict[str, float] = Field(default_factory=dict, description="单位开头的倍数字及其倍数，如 万: 10000")
    stock_words: list[str] = Field(default_factory=list, description="指标说法含这些词的是存量指标，默认不写同比")
    decimals: int = Field(1, ge=0, le=4, description="算出的同比变化保留几位小数")

    def base(self, amount: float, unit: str) -> float:
        """``amount`` in plain units: 1.21 with unit 万件 is 12100."""
        return amount * next((f for p, f in self.scales.items() if unit.strip().startswith(p)), 1)


class Standard(_Strict):
    """One report standard (for now: the rule-of-law annual report)."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    id: str
    name: str
    version: int
    domain: str = ""
    title: str
    parts: list[Part] = Field(min_length=1)
    roles: Roles
    year_pattern: Regex = Field(description="写年份的方式；第一个括号是四位年份")
    dating: Dating = Dating()
    identity: Identity = Identity()
    front_guidance: FrontGuidance
    orders: list[Order] = Field(min_length=1)
    numbering: Numbering
    placeholders: Placeholders
    metadata_lines: list[Regex] = Field(default_factory=list)
    closing: Closing = Closing()
    headings: HeadingRules = HeadingRules()
    report_markers: ReportMarkers
    addressing: Addressing = Addressing()
    figures: FigureRules = FigureRules()
    topics: list[Topic] = Field(default_factory=list)
    leadership_facts: list[LeadershipFact] = Field(default_factory=list)
    rules: str = Field("rules", description="内容审查规则文件所在的文件夹（相对于本文件）")
    _directory: Path | None = PrivateAttr(None)  # where the standard's file is

    @model_validator(mode="after")
    def _consistent(self) -> Standard:
        ids = [p.id for p in self.parts]
        repeated = sorted({pid for pid in ids if ids.count(pid) > 1})
        if repeated:
            raise ValueError(f"parts 中的 id 重复：{'、'.join(repeated)}。每个部分的 id 只能出现一次。")
        for role, pid in self.roles:
            if pid not in ids:
                raise ValueError(f"roles 中的 {role} 写的是“{pid}”，parts 中没有这个部分。可用的 id：{'、'.join(ids)}。")
        if not re.compile(self.year_pattern).groups:
            raise ValueError("year_pattern 必须用一对括号标出四位年份，如 (20\\d{2})。")
        for order in self.orders:
            unknown = [pid for pid in order.sequence if pid not in ids]
            if unknown:
                raise ValueError(f"orders 中的“{order.id}”引用了不存在的部分：{'、'.join(unknown)}。")
            if sorted(order.sequence) != sorted(ids):
                raise ValueError(f"orders 中的“{order.id}”必须把五个部分各列一次。")
        return self

    def part(self, part_id: str) -> Part:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(part_id)

    def order(self, order_id: str) -> Order:
        for order in self.orders:
            if order.id == order_id:
                return order
        raise KeyError(order_id)

    def title_for(self, unit: str, year: int) -> str:
        return fill_year(self.title, year).replace("{unit}", unit)

    @cached_property
    def placeholder_re(self) -> re.Pattern[str]:
        """Blanks left unfilled: drafter's own markers and the leftovers people type."""
        return re.compile("|".join(f"(?:{p})" for p in [self.placeholders.pattern, *self.placeholders.leftovers]))

    @property
    def rules_dir(self) -> Path:
        """The review rules' folder, beside the standard's file; the bundled one when a copied
        standard has no folder of its own."""
        if self._directory is not None and (self._directory / self.rules).is_dir():
            return self._directory / self.rules
        return data_dir("schemas") / "rules"

    @cached_property
    def year_re(self) -> re.Pattern[str]:
        """Years as reports write them; group 1 is the four digits."""
        return re.compile(self.year_pattern)

    def role(self, name: str) -> Part:
        """The part playing ``name`` (themes, problems, follow_up)."""
        return self.part(getattr(self.roles, name))

    def precedes(self, first: str, then: str) -> bool:
        """Whether part ``first`` comes before part ``then`` in every accepted order."""
        return all(o.sequence.index(first) < o.sequence.index(then) for o in self.orders)

    def blank(self, hint: str) -> str:
        return self.placeholders.blank.replace("{hint}", hint)

    def gap(self, what: str) -> str:
        return self.placeholders.gap.replace("{what}", what)


def load_standard(path: Path | None = None) -> Standard:
    """Load and validate a standard; the bundled one when ``path`` is None (once per file and process)."""
    return _load(Path(path) if path is not None else default_standard_path())


@per_file
def _load(path: Path) -> Standard:
    located = yamlio.load(path, aliases=True)
    std = modelcheck.validate(Standard, located, "报告标准文件")
    std._directory = path.resolve().parent
    return std
