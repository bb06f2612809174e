"""Years: the report's own year in its opening, years named in plans and results, period-bound terms."""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.checking.review.hits import Context, Hit
from drafter.standard.model import Regex


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OpeningParams(_Params):
    forms: list[Regex] = Field(default_factory=lambda: [r"{year}\s*年"], description="开头段写明年度的写法")


def opening_year(ctx: Context, params: OpeningParams) -> Iterator[Hit]:
    """The opening paragraph does not name the report year."""
    opening = [p for p in ctx.passages if p.opening]
    if not opening or ctx.year is None:
        return
    forms = [re.compile(f) for f in map(ctx.fill, params.forms) if f]
    if not any(f.search(p.text) for p in opening for f in forms):
        first = opening[0]
        yield Hit(first, 0, 0, {"found": first.text[:10], "year": ctx.year})


class YearParams(_Params):
    patterns: list[Regex] = Field(min_length=1, description="含命名组 (?P<y>…) 的正则表达式，y 为年份")
    compare: Literal["not_after", "after"] = Field(description="not_after：y 不晚于报告年度时报告；after：y 晚于报告年度时报告")

    @field_validator("patterns")
    @classmethod
    def _named_year(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            if "y" not in re.compile(pattern).groupindex:
                raise ValueError(f"正则表达式“{pattern}”中要用 (?P<y>…) 标出年份。")
        return patterns


def year_compare(ctx: Context, params: YearParams) -> Iterator[Hit]:
    """Years named where the report year rules them out: plans for a past year, results dated after the year."""
    if ctx.year is None:
        return
    regexes = [re.compile(p) for p in params.patterns]
    for passage in ctx.passages:
        seen: set[int] = set()
        for regex in regexes:
            for m in regex.finditer(passage.text):
                y = int(m.group("y"))
                wrong = y <= ctx.year if params.compare == "not_after" else y > ctx.year
                if wrong and m.start("y") not in seen:
                    seen.add(m.start("y"))
                    yield Hit.at(passage, m, named=y, year=ctx.year, next_year=ctx.year + 1)


class Period(_Params):
    name: str
    kind: str = Field(description="同类期别的名称，用于提示当年应写哪一期")
    patterns: list[Regex] = Field(min_length=1)
    start: int
    end: int | None = None
    ahead: int = Field(0, ge=0, description="开始前这么多年内提到也正常（如提前谋划）")
    behind: int = Field(0, ge=0, description="结束后这么多年内提到也正常（如总结收尾）")


class PeriodParams(_Params):
    periods: list[Period] = Field(min_length=1)


def periods(ctx: Context, params: PeriodParams) -> Iterator[Hit]:
    """Terms bound to a period (a five-year plan, a Party congress or plenum) that do not fit the year written about."""
    if ctx.year is None:
        return
    compiled = [(p, [re.compile(x) for x in p.patterns]) for p in params.periods]
    for passage in ctx.passages:
        year = ctx.year + 1 if passage.part == ctx.std.roles.follow_up else ctx.year  # plans are about next year
        for period, regexes in compiled:
            too_early = year < period.start - period.ahead
            too_late = period.end is not None and year > period.end + period.behind
            if not (too_early or too_late):
                continue
            for m in (m for r in regexes for m in r.finditer(passage.text)):
                current = [p for p in params.periods if p.kind == period.kind and _covers(p, year)]
                latest = max(current, key=lambda p: p.start).name if current else f"{year}年适用的提法"
                span = f"{period.start}年" + (f"至{period.end}年" if period.end and period.end != period.start else "")
                if period.end is None:
                    span = f"{period.start}年起"
                yield Hit.at(passage, m, term=period.name, span=span, year=year, right=latest)
                break


def _covers(period: Period, year: int) -> bool:
    return period.start <= year and (period.end is None or year <= period.end)
