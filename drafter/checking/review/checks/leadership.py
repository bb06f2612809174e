"""The leadership part: the facts the guidance expects, with a count where it asks for one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.needles import may_match
from drafter.checking.review.hits import Context, Hit
from drafter.checking.review.passages import Passage
from drafter.standard.model import Regex

_CLAUSE = re.compile(r"[，,；;：:]")


class FactParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    report: Literal["missing", "uncounted"] = Field(
        description="missing：完全没写到的事项；uncounted：写到了但没有写出要求的次数或比例"
    )
    count: Regex = Field(description="算作“写出了次数或比例”的正则表达式；要出现在说到这一事项的分句或紧接的分句中")


def leadership_facts(ctx: Context, params: FactParams) -> Iterator[Hit]:
    """Each of the standard's leadership facts absent from the leadership part, or stated without its count."""
    body = ctx.subject.parts.get(ctx.std.roles.leader)
    anchor = ctx.subject.anchors.get(ctx.std.roles.leader)
    if not body or anchor is None:
        return  # a missing part is reported as such
    blank = ctx.std.placeholder_re
    if any(may_match(blank, p.text) and blank.search(p.text) for p in body):
        return  # not written yet
    count = re.compile(params.count)
    facts = ctx.std.leadership_facts
    for fact, stated in zip(facts, _stated(ctx, body), strict=True):
        if params.report == "missing" and not stated:
            yield Hit(anchor, fields={"fact": fact.name, "hint": fact.hint, "found": ""})
        elif params.report == "uncounted" and stated and fact.count:
            others = [k for f in facts if f is not fact for k in f.keywords]
            if not any(_counted(s[3], fact.keywords, others, count) for s in stated):
                passage, start, end, _ = stated[0]
                yield Hit.at(passage, (start, end), fact=fact.name, hint=fact.hint)


def _stated(ctx: Context, body: list[Passage]) -> list[list[tuple[Passage, int, int, str]]]:
    """For each leadership fact, (passage, start, end, sentence without slogans) of each sentence
    stating it: the same for every rule on the leadership part, so found once per report."""
    key = ("leadership-stated", id(ctx.std))
    if key not in ctx.subject.memo:
        found: list[list[tuple[Passage, int, int, str]]] = []
        whole = "\n".join(p.text for p in body)
        for fact in ctx.std.leadership_facts:
            slogans = sorted(fact.ignore, key=len, reverse=True)
            stated = []
            named = [k for k in fact.keywords if k in whole]  # (dropping slogans only takes words away)
            for passage in body if named else ():
                for start, end in ctx.sentences(passage.text):
                    sentence = passage.text[start:end]
                    if not any(k in sentence for k in named):
                        continue
                    for slogan in slogans:
                        sentence = sentence.replace(slogan, "")
                    if any(k in sentence for k in named):
                        stated.append((passage, start, end, sentence))
            found.append(stated)
        ctx.subject.memo[key] = found
    return ctx.subject.memo[key]


def _counted(sentence: str, keywords: list[str], others: list[str], count: re.Pattern[str]) -> bool:
    """A count in a clause naming the fact, or in a clause next to it that names no other fact
    ("……专题学法，全年共6次"; "10月26日，……出庭应诉")."""
    clauses = _CLAUSE.split(sentence)
    for i, clause in enumerate(clauses):
        if not any(k in clause for k in keywords):
            continue
        neighbours = clauses[max(0, i - 1):i] + clauses[i + 1:i + 2]
        near = [clause] + [c for c in neighbours if not any(k in c for k in others)]
        if any(count.search(c) for c in near):
            return True
    return False
