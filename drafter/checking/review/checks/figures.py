"""Figures that contradict each other: a stated change against the numbers beside it, one quantity stated twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from drafter.checking.review.hits import Context, Hit, pattern, prepared
from drafter.standard.model import Regex


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChangeParams(_Params):
    patterns: list[Regex] = Field(
        min_length=1,
        description="含命名组 a（原值）、b（现值）、p（变化幅度）、dir（上升/下降的说法）、pct（% 或“个百分点”）的正则表达式",
    )
    up: list[str] = Field(description="表示上升的词")
    down: list[str] = Field(description="表示下降的词")
    multipliers: dict[str, float] = Field(description="数字后的单位词及其倍数（如 万: 10000），用于 au、bu 组")
    points: list[str] = Field(min_length=1, description="pct 组中含这些词时，变化幅度按百分点计（两个比例相减）")

    @field_validator("patterns")
    @classmethod
    def _named_groups(cls, patterns: list[str]) -> list[str]:
        for written in patterns:
            missing = {"a", "b", "p", "dir"} - set(re.compile(written).groupindex)
            if missing:
                raise ValueError(f"正则表达式“{written}”缺少命名组：{'、'.join(sorted(missing))}。")
        return patterns


def stated_changes(ctx: Context, params: ChangeParams) -> Iterator[Hit]:
    """同比/较上年 changes that do not follow from the two values stated with them."""
    seen: set[int] = set()
    for regex in map(pattern, params.patterns):
        for passage, start, end, m in ctx.scope.finditer(regex):
            if m.start() in seen:
                continue
            seen.add(m.start())
            wrong = _mismatch(m, params)
            if wrong:
                yield Hit.at(passage, (start, end), **wrong)


def _value(m: re.Match[str], name: str, params: ChangeParams) -> float:
    value = float(m.group(name))
    unit = m.groupdict().get(f"{name}u") or ""
    return value * next((f for w, f in params.multipliers.items() if unit.startswith(w)), 1.0)


def _mismatch(m: re.Match[str], params: ChangeParams) -> dict | None:
    a, b, stated = _value(m, "a", params), _value(m, "b", params), float(m.group("p"))
    direction = m.group("dir")
    rising = any(direction.startswith(w) for w in params.up)
    falling = any(direction.startswith(w) for w in params.down)
    pct = m.group("pct") or ""
    if any(word in pct for word in params.points):
        actual = b - a
        shown = f"{abs(actual):.2f}".rstrip("0").rstrip(".") + "个百分点"
    elif a:
        actual = (b - a) / a * 100
        shown = f"{abs(actual):.2f}".rstrip("0").rstrip(".") + "%"
    else:
        return None
    decimals = len(m.group("p").partition(".")[2])
    tolerance = 0.5 * 10 ** -decimals + 0.011  # whatever the stated rounding
    wrong_way = (rising and actual < 0) or (falling and actual > 0)
    if wrong_way or abs(abs(actual) - stated) > tolerance:
        trend = "上升" if actual > 0 else "下降" if actual < 0 else "持平"
        return {"actual": f"{trend}{shown}" if actual else "持平"}
    return None


class RestatedParams(_Params):
    min_key: int = Field(6, ge=2, description="数字前的说法至少这么多字才比较（太短的说法可能指不同的事）")
    skip: list[str] = Field(default_factory=list, description="说法中含这些词的不比较（如“同比”“分别”）")
    approximate: list[str] = Field(default_factory=list, description="紧跟数字、表示约数的词（如“余”“多”）：约数不比较")




def _quantity(params: RestatedParams) -> re.Pattern[str]:
    r"""A number, a word making it approximate, its unit; the words before it are taken from the
    text (_words_before). (\d\d* rather than \d+: an expression opening on a character class is
    searched for that class first, and most of a report is not digits.)"""
    about = "|".join(map(re.escape, sorted(params.approximate, key=len, reverse=True)))
    return re.compile(rf"(\d\d*(?:\.\d+)?)({about})?([\u4e00-\u9fff%％]{{1,2}})" if about
                      else r"(\d\d*(?:\.\d+)?)()([\u4e00-\u9fff%％]{1,2})")


def restated(ctx: Context, params: RestatedParams) -> Iterator[Hit]:
    """The same quantity (same words before the number, same unit) stated again with another value."""
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (words, unit) → (value, where)
    skip = prepared(params, "skip", lambda p: re.compile("|".join(map(re.escape, p.skip))) if p.skip else None)
    back = ("", "")  # the text read and the same backwards, to find the words before a number
    for passage, start, end, m in ctx.scope.finditer(prepared(params, "quantity", _quantity)):
        value, about, unit = m.group(1), m.group(2), m.group(3)
        if about:
            continue  # "20余次" is no figure to hold another against
        text = passage.text
        if start > 0 and text[start - 1] in "0123456789.":
            continue
        if back[0] is not text:
            back = (text, text[::-1])
        at, stop = _words_before(text, back[1], start)
        if stop - at < params.min_key:
            continue
        key_words = text[at:stop]
        if skip is not None and skip.search(key_words):
            continue
        key = (key_words, unit[0])
        if key not in first:
            first[key] = (value, passage.said_at)
        elif float(first[key][0]) != float(value):
            yield Hit.at(passage, (at, end), other=first[key][0] + unit, place=first[key][1])


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]*")


def _words_before(text: str, backwards: str, start: int, reach: int = 40) -> tuple[int, int]:
    """The run of Chinese characters right before ``start`` (or before a line break there),
    looking back ``reach`` characters at most: (where it begins, where it ends); empty when none.
    ``backwards`` is the text reversed: the run is one match there, not a step per character."""
    stop = start - 1 if start > 0 and text[start - 1] == "\n" else start
    n = len(text)
    low = max(0, start - reach)
    if stop <= low:
        return stop, stop
    run = _HAN_RUN.match(backwards, n - stop, n - low)
    return stop - (run.end() - (n - stop)), stop  # type: ignore[union-attr]
