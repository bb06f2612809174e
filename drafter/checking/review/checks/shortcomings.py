"""Shortcomings item by item: a cause given, more than a formula, about the unit itself, answered by a plan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.needles import may_match
from drafter.checking.review.checks.textsim import WordIndex, rarity_in, words
from drafter.checking.review.hits import Context, Hit
from drafter.checking.review.passages import Item
from drafter.document.cjk import count_chars, snippet
from drafter.standard.model import Regex


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _causes(ctx: Context) -> list[re.Pattern[str]]:
    return [re.compile(c) for c in map(ctx.fill, ctx.std.role("problems").recognition.cause_cues) if c]


def _caused(text: str, causes: list[re.Pattern[str]]) -> bool:
    return any(may_match(c, text) and c.search(text) for c in causes)


def _items(ctx: Context, part: str) -> list[Item]:
    """The part's entries that are written (an entry still holding a blank is judged once filled)."""
    blank = ctx.std.placeholder_re
    return [i for i in ctx.subject.items.get(part, []) if not (may_match(blank, i.text) and blank.search(i.text))]


class NoCauseParams(_Params):
    min_chars: int = Field(4, ge=0, description="短于这么多字的条目不判断")


def no_cause(ctx: Context, params: NoCauseParams) -> Iterator[Hit]:
    """A shortcoming item that states no cause (none of the standard's cause cues).

    ``{examples}`` in the message: the first plain words among the cues (a unit's cue list may
    start with a pattern, which a reader should not see)."""
    written = ctx.std.role("problems").recognition.cause_cues
    cues = _causes(ctx)
    plain = [c for c in written if re.escape(c) == c][:3]
    examples = "".join(f"“{c}”" for c in plain)
    for item in _items(ctx, ctx.std.roles.problems):
        if count_chars(item.text) >= params.min_chars and not _caused(item.text, cues):
            yield Hit.on_item(item, item=snippet(item.text, 20), examples=examples)


class BoilerplateParams(_Params):
    formulas: list[Regex] = Field(min_length=1, description="只说“要加强”而没有内容的套话（正则表达式）")
    max_chars: int = Field(30, ge=1, description="整条不超过这么多字、又只是套话时报告")


def boilerplate(ctx: Context, params: BoilerplateParams) -> Iterator[Hit]:
    """A shortcoming item that is only a formula ("…需进一步加强") with nothing concrete: short,
    and giving no cause either."""
    formulas = [re.compile(f) for f in params.formulas]
    causes = _causes(ctx)
    for item in _items(ctx, ctx.std.roles.problems):
        if _is_boilerplate(item.text, formulas, params.max_chars, causes):
            yield Hit.on_item(item, item=snippet(item.text, 20))


def _is_boilerplate(text: str, formulas: list[re.Pattern[str]], max_chars: int, causes: list[re.Pattern[str]]) -> bool:
    return (count_chars(text) <= max_chars and any(f.search(text) for f in formulas)
            and not _caused(text, causes))


class ExternalParams(_Params):
    others: list[str] = Field(min_length=1, description="其他机关、部门或社会方面的说法")
    own: list[str] = Field(min_length=1, description="本单位自身的说法")
    min_others: int = Field(2, ge=1, description="至少提到这么多次其他方面才判断")


_TITLED = re.compile(r"《[^》]*》")


def external(ctx: Context, params: ExternalParams) -> Iterator[Hit]:
    """A shortcoming item about other bodies' difficulties rather than the unit's own."""
    for item in _items(ctx, ctx.std.roles.problems):
        text = _TITLED.sub("", item.text)  # a cited title names no actor
        others = _count(text, params.others)
        if others >= params.min_others and _count(text, params.own) * 2 < others:
            named = [w for w in params.others if w in text][:3]
            yield Hit.on_item(item, item=snippet(item.text, 20), others="、".join(named))


def _count(text: str, terms: list[str]) -> int:
    """Occurrences of the terms, a longer term's occurrences not counted again for a shorter one inside it."""
    total = 0
    for term in sorted(terms, key=len, reverse=True):
        total += text.count(term)
        text = text.replace(term, "\0")
    return total


class UnansweredParams(_Params):
    formulas: list[Regex] = Field(default_factory=list, description="空泛的不足（不算具体的不足，不要求对应）")
    max_chars: int = Field(30, ge=1)
    stop: list[str] = Field(default_factory=list, description="太常见、不能说明对应关系的两字词")
    min_weight: float = Field(5.0, ge=0, description="与某条安排共有的两字词的分量（越少见的词分量越重）达到这个值才算有对应")


def unanswered(ctx: Context, params: UnansweredParams) -> Iterator[Hit]:
    """A concrete shortcoming that no plan item addresses (no shared topic words, no ``answers`` link)."""
    plans = ctx.subject.items.get(ctx.std.roles.follow_up, [])
    if not plans:
        return
    stop = frozenset(params.stop)
    formulas = [re.compile(f) for f in params.formulas]
    answered_ids = {p.answers for p in plans if p.answers}
    index = WordIndex([p.text for p in plans], stop, rarity_in(ctx.subject))
    causes = _causes(ctx)
    for item in _items(ctx, ctx.std.roles.problems):
        if item.id and item.id in answered_ids or _is_boilerplate(item.text, formulas, params.max_chars, causes):
            continue
        mine = words(item.text, stop)
        if mine and not index.reaches(mine, params.min_weight):
            yield Hit.on_item(item, item=snippet(item.text, 24))
