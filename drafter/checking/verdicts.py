"""Each part's status (found, partial, missing) with its evidence, once the starts are known.

A part started in the draft is found (partial when inferred, or a heading with no text under it;
missing when its body is only placeholder markers: an untouched template). A part not started
is partial when a sub-heading inside another part names it, or when a sentence of the text
states it; else missing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from drafter.checking.draft import Draft, Start
from drafter.checking.headings import Unit
from drafter.checking.needles import may_match
from drafter.checking.results import PartResult
from drafter.document.cjk import snippet
from drafter.standard import Part


def verdict(draft: Draft, part: Part, starts: list[Start]) -> PartResult:
    """The part's result; ``starts`` are sorted by unit."""
    result = PartResult(part.id, part.name, part.required, "missing")
    mine = [s for s in starts if s.part == part.id]
    if mine:
        first = mine[0]
        unit = draft.units[first.unit]
        body = _body(draft, _region(draft, starts, part.id), first)
        result.position, result.own_section = unit.index, True
        marker = may_match(draft.placeholder, body) and draft.placeholder.search(body)
        if marker and len(_residue(draft.placeholder.sub("", body))) < draft.std.placeholders.content_min_chars:
            # An untouched template: blanks, numbering and a stock lead-in sentence are not content.
            result.evidence = f"只有待填写的空白和套话，没有实际内容：{snippet(marker.group(0))}"
            return result
        if not (draft.placeholder.sub("", body) if marker else body).strip(" \t\r\n。，,.；;：:"):
            result.status, result.evidence = "partial", f"只有标题，没有正文：{snippet(heading_line(unit))}"
            return result
        result.status = "partial" if first.how == "inferred" else "found"
        result.evidence = _evidence(draft, first, mine)
        return result
    sub = _subheading(draft, part.id, starts)
    if sub is not None:
        parent, unit = sub
        result.status, result.position = "partial", unit.index
        where = f"“{snippet(heading_line(parent), 20)}”下" if parent is not None else "文中"
        result.evidence = f"未单独成部分，只在{where}作为小标题出现：{snippet(heading_line(unit))}"
        return result
    stated = _statement(draft, part)
    if stated is not None:
        unit, sentence = stated
        result.status, result.position = "partial", unit.index
        result.evidence = f"未单独成部分，只在正文中写到：{snippet(sentence, 40)}"
    return result


def _region(draft: Draft, starts: list[Start], pid: str) -> list[int]:
    """Unit indexes belonging to part ``pid`` (all its sections)."""
    out: list[int] = []
    for k, start in enumerate(starts):
        if start.part == pid:
            end = starts[k + 1].unit if k + 1 < len(starts) else len(draft.units)
            out.extend(i for i in range(start.unit, end) if draft.units[i].content)
    return out


def _body(draft: Draft, region: list[int], start: Start) -> str:
    parts = []
    for i in region:
        unit = draft.units[i]
        if i == start.unit and unit.role == "heading":
            if unit.run_in and unit.heading:  # a bare "一、" has no heading text to cut off
                parts.append(unit.text.split(unit.heading, 1)[-1])
            continue
        parts.append(unit.text)
    return "".join(parts)


def _statement(draft: Draft, part: Part) -> tuple[Unit, str] | None:
    """The first sentence of the text stating what part ``part`` is about, and its paragraph."""
    patterns = draft.patterns(part.recognition.statements)
    if not patterns:
        return None
    for i in draft.content:
        unit = draft.units[i]
        for pattern in patterns:
            found = pattern.search(unit.text)
            if found:
                start = max(unit.text.rfind(ch, 0, found.start()) for ch in "。！？；") + 1
                ends = [e for e in (unit.text.find(ch, found.end()) for ch in "。！？；") if e >= 0]
                return unit, unit.text[start: min(ends) + 1 if ends else len(unit.text)].strip()
    return None


def _evidence(draft: Draft, first: Start, mine: list[Start]) -> str:
    unit = draft.units[first.unit]
    if first.how == "heading":
        return snippet(heading_line(unit), 60)
    if first.how == "themed":
        themed = [s for s in mine if s.how == "themed"]
        extra = f"等 {len(themed)} 个主题标题（主题式结构）" if len(themed) > 1 else "（主题式标题）"
        return f"{snippet(heading_line(unit), 24)}{extra}"
    if first.how == "cue":
        return f"无标题，按段落开头认定：{snippet(unit.text)}"
    problems, follow_up = draft.std.role("problems").name, draft.std.role("follow_up").name
    return f"无标题；“{problems}”之后重新开始列举，按“{follow_up}在{problems}之后”推断：{snippet(unit.text)}"


def _subheading(draft: Draft, pid: str, starts: list[Start]) -> tuple[Unit | None, Unit] | None:
    """The first heading (not starting a part) that names part ``pid`` best, and the part it sits in."""
    own = {s.unit for s in starts}
    for i in draft.content:
        unit = draft.units[i]
        if unit.role != "heading" or i in own or not unit.heading:
            continue
        scores = draft.scores(unit.heading)
        if scores and max(scores, key=lambda p: scores[p]) == pid:
            # starts are sorted by unit: the parent is found by bisection.
            k = bisect_left(starts, i, key=lambda s: s.unit)
            parent = starts[k - 1] if k else None
            if parent is not None and draft.std.precedes(parent.part, pid):
                continue  # a part that always comes later cannot sit inside this one: the words are its own
            return (draft.units[parent.unit] if parent else None), unit
    return None


def heading_line(unit: Unit) -> str:
    """A heading as written, numbering included; for a run-in heading, its first sentence."""
    if unit.role == "heading" and unit.run_in and unit.heading in unit.text:
        return unit.text[: unit.text.index(unit.heading) + len(unit.heading)]
    return unit.text


_NOT_CONTENT = re.compile(r"[（(]?[一二三四五六七八九十\d]+[)）]?[是、.．]?|[\s\W_]")


def _residue(text: str) -> str:
    """What is left of a part's text once numbering, enumerators, digits and punctuation are taken out."""
    return _NOT_CONTENT.sub("", text)
