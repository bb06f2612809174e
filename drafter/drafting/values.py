"""What an officer types, read the way they meant it.

Dates as 2026年2月10日, 2026.2.10 or 2026/2/10; a year as 2025年; a number
with its unit (1203起) or with full-width digits; a paragraph break as a blank
line or as a list of paragraphs. Each reader returns the plain value or raises
ValueError with a Chinese message that says what to write instead; the
annotated types at the end (Text, Line, Year, Date, Number) put the readers
to work in the input model.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from drafter.document.cjk import tidy

_DATE = re.compile(r"^(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?$")
_YEAR = re.compile(r"^(\d{4})\s*年?(?:度)?$")
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(.*)$")
# A line ending one of these marks ends its paragraph: the next line (after a
# blank line in a ``>-`` block, which YAML reads as one line break) starts a new one.
_PARAGRAPH_END = re.compile(r"(?<=[。！？；!?;…])([”’」』）)]*)\n(?!\n)")
DATE_EXAMPLE = "2026年2月10日（也可写 2026-02-10、2026.2.10、2026/2/10）"
# What a report can hold: a .docx records its date in its zip entries, which
# cannot go past 2107; a figure larger than this is a typing slip (and would
# print in exponent form).
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2107, 12, 31)
LARGEST_NUMBER = 1e15


def _plain(text: str) -> str:
    """Full-width digits, letters and signs as their ASCII forms; outer spaces gone."""
    return unicodedata.normalize("NFKC", text).strip()


def _shown(value: Any) -> str:
    """A typed value quoted back in a message, cut short (it may be 5000 digits long)."""
    text = value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value) if (
        not isinstance(value, int) or value.bit_length() < 200) else "很长的数字"
    return text if len(text) <= 24 else f"{text[:20]}…（共 {len(text)} 个字符）"


def date(value: Any) -> Any:
    """A date from 2026年2月10日 / 2026.2.10 / 2026/2/10 / 2026-02-10; blank is None."""
    found = _date(value)
    if isinstance(found, dt.date) and not FIRST_DATE <= found <= LAST_DATE:
        raise ValueError(
            f"“{_shown(value)}”超出了可用的范围：成文日期应在 {FIRST_DATE.year} 年至 {LAST_DATE.year} 年之间"
            f"（Word 文档记不下更晚的日期）。请核对年份。"
        )
    return found


def _date(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str):
        text = _plain(value)
        if not text:
            return None
        found = _DATE.match(text)
        if not found:
            raise ValueError(f"“{_shown(value)}”不是日期。请写成 {DATE_EXAMPLE}。")
        year, month, day = map(int, found.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"“{_shown(value)}”不是存在的日期（{year}年没有{month}月{day}日）。请核对月份和日子。") from None
    raise ValueError(f"这里应填日期，如 {DATE_EXAMPLE}。")


def year(value: Any) -> Any:
    """A year from 2025, "2025" or "2025年"; anything else is refused in Chinese."""
    if isinstance(value, bool):
        raise ValueError("这里应填年份，如 2025。")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        found = _YEAR.match(_plain(value))
        if found:
            return int(found.group(1))
    raise ValueError(f"“{_shown(value)}”不是年份。请写四位数字的年份，如 2025（写成 2025年 也可以）。")


def split_number(value: Any) -> tuple[float, str] | None:
    """A typed number and the unit written after it: "1,203起" → (1203.0, "起"); None if not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _float(value), ""
    if not isinstance(value, str):
        return None
    text = _plain(value).replace(",", "")
    found = _NUMBER.match(text)
    if not found:
        return None
    return _float(found.group(1)), found.group(2).strip()


def _float(value: int | float | str) -> float:
    """As a float; a number too large for one is infinite (and refused by ``number``)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf


def same_unit(a: str, b: str) -> bool:
    """Whether two unit spellings are the same unit (％ and %, full and half width)."""
    return _plain(a) == _plain(b)


def number(value: Any, unit: str = "") -> Any:
    """A number, also typed with its unit ("1203起" when the unit is 起); blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = split_number(value)
    if parsed is None:
        raise ValueError(f"“{_shown(value)}”不是数字。这里只写数字，如 1203；单位写在 unit 中。")
    amount, written_unit = parsed
    if not abs(amount) < LARGEST_NUMBER:  # also .nan and .inf, which are no amount at all
        raise ValueError(
            f"“{_shown(value)}”不是一个具体的数值（.nan、.inf 或上千万亿的数）。"
            "请填写实际的数字，如 1203。"
        )
    if written_unit and not same_unit(written_unit, unit):
        shown = f"unit 中写的是“{unit}”" if unit else "unit 没有填写"
        raise ValueError(
            f"“{_shown(value)}”带的单位“{written_unit}”与单位不符（{shown}）。"
            f"请在这里只写数字 {amount:g}，单位写在 unit 中。"
        )
    return amount


def unit_of(value: Any) -> str:
    """The unit typed after a number ("1203起" → "起"), or ""."""
    parsed = split_number(value)
    return parsed[1] if parsed else ""


def prose(value: Any) -> Any:
    """Text the officer typed: blank is "", a list is its paragraphs, a blank line starts a paragraph."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(item, (str, type(None))) for item in value):
        return "\n\n".join(prose(item) for item in value if item is not None and str(item).strip())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return _PARAGRAPH_END.sub(r"\1\n\n", value)
    return value


def single_line_breaks(value: Any) -> int:
    """Paragraph breaks typed as one line break (a blank line in a ``>-`` block).

    Format version 1 joined such lines into one paragraph; the migration notice counts them.
    """
    return len(_PARAGRAPH_END.findall(value)) if isinstance(value, str) else 0


# The types the input model is built from. Their JSON Schema stays the plain
# one (text, integer, date, number): editors and the web form read the types
# from it; drafter accepts more than it says (2025年, 1203起, lists of paragraphs).
# Prose typed by the officer: blank is empty, a list is its paragraphs, folded
# YAML lines are re-joined the Chinese way, a blank line starts a paragraph.
Text = Annotated[str, BeforeValidator(prose), AfterValidator(tidy)]
# A short value on one line (a unit, a name): blank is empty.
Line = Annotated[
    str, BeforeValidator(lambda v: "" if v is None else str(v) if isinstance(v, (int, float)) else v),
    AfterValidator(str.strip),
]
Year = Annotated[int, BeforeValidator(year), Field(ge=2000, le=2100)]
Date = Annotated[dt.date | None, BeforeValidator(date)]
Number = float | None
