"""Personal data in a text that will be published: identity card numbers, private parties' names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.review.hits import Context, Hit
from drafter.checking.review.wordsearch import alternation

# (The condition on the character before is written after the first digit: the search stays fast.)
_ID = re.compile(r"[1-9](?<![0-9A-Za-z][1-9])\d{5}(?:18|19|20)\d{2}"  # region, year of birth
                 r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")  # month, day, sequence, check
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_DIGITS = "10X98765432"


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class IdParams(_Params):
    pass


def id_numbers(ctx: Context, params: IdParams) -> Iterator[Hit]:
    """18-digit resident identity card numbers whose check digit is right (GB 11643-1999)."""
    for passage, start, end, m in ctx.scope.finditer(_ID):
        if valid_id(m.group(0)):
            yield Hit.at(passage, (start, end))


def valid_id(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK_DIGITS[total % 11] == number[17].upper()


class NameParams(_Params):
    roles: list[str] = Field(min_length=1, description="案件中私人当事方的称谓，如“犯罪嫌疑人”“被害人”")
    surnames: list[str] = Field(min_length=1, description="常见姓氏（含复姓）")
    masks: str = Field("某×XＸ*＊○〇", description="已隐去姓名时用的字")
    ends: str = Field(description="姓名后面可能紧跟的字：标点和“等”“被”“因”之类")
    except_: list[str] = Field(default_factory=list, alias="except",
                               description="以姓氏用字开头的常用词，如“陈述”“全部”")


def names(ctx: Context, params: NameParams) -> Iterator[Hit]:
    """A private party named in full right after a role word (犯罪嫌疑人张某某 is masked and fine)."""
    pattern = re.compile(rf"(?:{alternation(tuple(params.roles))})[：:]?(?P<name>(?:{alternation(tuple(params.surnames))})[\u4e00-\u9fff]{{1,2}})")
    for passage, start, _, m in ctx.scope.finditer(pattern):
        at = start + m.start("name") - m.start()
        name = _name(passage.text, at, m.group("name"), params)
        if name:
            yield Hit.at(passage, (at, at + len(name)))


def _name(text: str, at: int, candidate: str, params: NameParams) -> str | None:
    """The full name starting at ``at``: surname and a one- or two-character given name followed by an end."""
    if any(ch in params.masks for ch in candidate) or any(text.startswith(e, at) for e in params.except_):
        return None
    for length in (len(candidate), len(candidate) - 1):
        if length < 2:
            continue
        after = text[at + length:at + length + 1]
        if (not after or after in params.ends) and not any(ch in params.masks for ch in text[at:at + length + 1]):
            return text[at:at + length]
    return None
