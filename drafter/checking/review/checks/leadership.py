"""The leadership part: the facts the guidance expects, with a count where it asks for one."""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.review.hits import Context, Hit, sentences
from drafter.standard.model import Regex


class FactParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    report: Literal["missing", "uncounted"] = Field(
        description="missing：完全没写到的事项；uncounted：写到了但没有写出要求的次数或比例"
    )
    count: Regex = Field(description="算作“写出了次数或比例”的正则表达式")


def leadership_facts(ctx: Context, params: FactParams) -> Iterator[Hit]:
    """Each of the standard's leadership facts absent from the leadership part, or stated without its count."""
    body = ctx.subject.parts.get("leadership")
    anchor = ctx.subject.anchors.get("leadership")
    if not body or anchor is None:
        return  # a missing part is reported as such
    if any(ctx.std.placeholder_re.search(p.text) for p in body):
        return  # not written yet
    count = re.compile(params.count)
    for fact in ctx.std.leadership_facts:
        stated = []  # (passage, start, end) of each sentence stating the fact
        for passage in body:
            for start, end in sentences(passage.text):
                sentence = passage.text[start:end]
                for slogan in sorted(fact.ignore, key=len, reverse=True):
                    sentence = sentence.replace(slogan, "")
                if any(k in sentence for k in fact.keywords):
                    stated.append((passage, start, end, sentence))
        if params.report == "missing" and not stated:
            yield Hit(anchor, fields={"fact": fact.name, "hint": fact.hint, "found": ""})
        elif params.report == "uncounted" and stated and fact.count and not any(count.search(s[3]) for s in stated):
            passage, start, end, _ = stated[0]
            yield Hit.at(passage, (start, end), fact=fact.name, hint=fact.hint)
