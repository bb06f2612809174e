"""Years: the report's own year in its opening, years named in plans and results, period-bound terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.checking.review.hits import Context, Hit, pattern
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
        for written in patterns:
            if "y" not in re.compile(written).groupindex:
                raise ValueError(f"正则表达式“{written}”中要用 (?P<y>…) 标出年份。")
        return patterns


def year_compare(ctx: Context, params: YearParams) -> Iterator[Hit]:
    """Years named where the report year rules them out: plans for a past year, results dated after the year."""
    if ctx.year is None:
        return
    seen: set[int] = set()
    for regex in map(pattern, params.patterns):
        for passage, start, end, m in ctx.scope.finditer(regex):
            y = int(m.group("y"))
            wrong = y <= ctx.year if params.compare == "not_after" else y > ctx.year
            if wrong and m.start("y") not in seen:
                seen.add(m.start("y"))
                yield Hit.at(passage, (start, end), named=y, year=ctx.year, next_year=ctx.year + 1)


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
    plans = ctx.std.roles.follow_up
    # Plans are about next year: a period may fit them and not the rest, or the other way round.
    fits = {id(p): {year: p.start - p.ahead <= year and (p.end is None or year <= p.end + p.behind)
                    for year in (ctx.year, ctx.year + 1)} for p in params.periods}
    suspect = [p for p in params.periods if not all(fits[id(p)].values())]
    if not suspect:
        return
    for period in suspect:
        reported: set[int] = set()  # one finding per period and paragraph
        for passage, start, end, _ in (hit for p in period.patterns for hit in ctx.scope.finditer(pattern(p))):
            year = ctx.year + 1 if passage.part == plans else ctx.year
            if fits[id(period)][year] or id(passage) in reported:
                continue
            reported.add(id(passage))
            current = [p for p in params.periods if p.kind == period.kind and _covers(p, year)]
            latest = max(current, key=lambda p: p.start).name if current else f"{year}年适用的提法"
            span = f"{period.start}年起" if period.end is None else f"{period.start}年" + (
                f"至{period.end}年" if period.end != period.start else "")
            yield Hit.at(passage, (start, end), term=period.name, span=span, year=year, right=latest)


def _covers(period: Period, year: int) -> bool:
    return period.start <= year and (period.end is None or year <= period.end)
