"""Chinese structural numbering, in both directions.

Formatting (一、 （一） 1. （1） and inline 一是) and recognition use the same
definitions from the standard's ``numbering`` section, so what drafter writes
is exactly what its checker reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from drafter.standard import Numbering

_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 99 → 九十九, 100 → 一百, 105 → 一百零五, 1010 → 一千零一十.

    Total: zero, negative numbers and numbers past 9999 (no list has so many
    items, but an input may) are written in arabic digits.
    """
    if not 1 <= n <= 9999:
        return str(n)
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
        return head + (_DIGITS[ones] if ones else "")
    out, gap = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if gap and out else "") + _DIGITS[digit] + name
            gap = False
        elif out:
            gap = True
    return out


_CN_NUMBER = re.compile(r"^(?:([一二三四五六七八九]?)(十))?([一二三四五六七八九]?)$")


def parse_cn(text: str) -> int | None:
    """Inverse of :func:`cn`, also for arabic digits; None for what is not a number
    (一一, 十一十, 二十二十: typing slips a heading pattern may still catch)."""
    if text.isdigit():
        return int(text)
    found = _CN_NUMBER.match(text)
    if not text or found is None:
        return None
    tens_digit, ten, ones = found.groups()
    tens = (_DIGITS.index(tens_digit) if tens_digit else 1) if ten else 0
    return tens * 10 + (_DIGITS.index(ones) if ones else 0)


@dataclass(frozen=True)
class Match:
    level: int
    number: int
    prefix: str  # the numbering as written, e.g. "(一)"
    rest: str  # the text after it


class Numberer:
    def __init__(self, spec: Numbering):
        self.spec = spec

    @cached_property
    def _formats(self) -> dict[int, str]:
        return {lv.level: lv.format for lv in self.spec.levels}

    @cached_property
    def _patterns(self) -> list[tuple[int, re.Pattern[str]]]:
        return [(lv.level, re.compile(p)) for lv in self.spec.levels for p in lv.patterns]

    @cached_property
    def _inline(self) -> re.Pattern[str]:
        return re.compile(self.spec.inline.pattern)

    def format(self, level: int, n: int) -> str:
        return self._formats[level].replace("{cn}", cn(n)).replace("{n}", str(n))

    def inline(self, n: int) -> str:
        return self.spec.inline.format.replace("{cn}", cn(n)).replace("{n}", str(n))

    def match(self, text: str) -> Match | None:
        """The heading numbering at the start of ``text``, if any."""
        stripped = text.lstrip()
        for level, pattern in self._patterns:
            m = pattern.match(stripped)
            if m:
                number = parse_cn(m.group("n"))
                if number is not None:
                    return Match(level, number, m.group(0).strip(), stripped[m.end():])
        return None

    def inline_match(self, text: str) -> int | None:
        """The number of an inline enumeration (一是…) at the start of ``text``."""
        m = self._inline.match(text.lstrip())
        return parse_cn(m.group("n")) if m else None
