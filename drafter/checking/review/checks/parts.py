"""Whole parts: shorter than the standard asks, or still holding blanks."""

from __future__ import annotations

from typing import Iterator

from pydantic import BaseModel, ConfigDict

from drafter.checking.review.hits import Context, Hit
from drafter.checking.review.needles import may_match
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
        text = "".join(p.text for p in body)
        blanks = ctx.std.placeholder_re
        chars = count_chars(blanks.sub("", text) if may_match(blanks, text) else text)
        if 0 < chars < part.minimum.chars:  # a part with no text at all is reported missing
            yield Hit(anchor, fields={"name": part.name, "chars": chars, "minimum": part.minimum.chars, "found": ""})


class BlankParams(_Params):
    pass


def blanks(ctx: Context, params: BlankParams) -> Iterator[Hit]:
    """Blanks left unfilled: the standard's one list of markers (【待填写】, XXX, ××, 此处填写 …)."""
    for passage, start, end, _ in ctx.scope.finditer(ctx.std.placeholder_re):
        yield Hit.at(passage, (start, end))
