"""Whole parts: shorter than the standard asks, or still holding blanks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from drafter.checking.needles import may_match
from drafter.checking.review.hits import Context, Hit
from drafter.checking.review.passages import Passage
from drafter.document.cjk import count_chars


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LengthParams(_Params):
    pass


def part_length(ctx: Context, params: LengthParams) -> Iterator[Hit]:
    """A part present on its own whose text is below the standard's minimum number of characters."""
    scope = {p.where for p in ctx.passages}
    for part in ctx.std.parts:
        body = ctx.subject.parts.get(part.id)
        anchor = ctx.subject.anchors.get(part.id)
        if not body or anchor is None or not part.minimum.chars or part.id not in scope:
            continue
        chars = _chars(body, ctx.std.placeholder_re, part.minimum.chars)
        if 0 < chars < part.minimum.chars:  # a part with no text at all is reported missing
            yield Hit(anchor, fields={"name": part.name, "chars": chars, "minimum": part.minimum.chars, "found": ""})


def _chars(body: list[Passage], blanks: re.Pattern[str], enough: int) -> int:
    """The characters of a part's text without its blanks; counted only as far as ``enough`` when
    it has no blanks (a long part is not counted to its end)."""
    text = "".join(p.text for p in body)
    if may_match(blanks, text):
        return count_chars(blanks.sub("", text))
    chars = 0
    for passage in body:
        chars += count_chars(passage.text)
        if chars >= enough:
            break
    return chars


class BlankParams(_Params):
    pass


def blanks(ctx: Context, params: BlankParams) -> Iterator[Hit]:
    """Blanks left unfilled: the standard's one list of markers (【待填写】, XXX, ××, 此处填写 …)."""
    for passage, start, end, _ in ctx.scope.finditer(ctx.std.placeholder_re):
        yield Hit.at(passage, (start, end))
