"""Parts inferred from the draft's structure when no heading or cue starts them: plans from an
enumeration restarting inside the shortcomings, and measures from the text before every other part."""

from __future__ import annotations

from drafter.checking.draft import Draft, Start
from drafter.checking.results import PartResult
from drafter.document.cjk import snippet


def plans(draft: Draft, starts: list[Start]) -> None:
    """A fresh 一是/（一） enumeration restarting inside the shortcomings, with no plans found, is
    taken as the plans (added to ``starts``; partial: inferred from the statutory order)."""
    problems, follow_up = draft.roles.problems, draft.roles.follow_up
    if any(s.part == follow_up for s in starts):
        return
    ordered = sorted(starts, key=lambda s: s.unit)
    for k, start in enumerate(ordered):
        if start.part != problems:
            continue
        end = ordered[k + 1].unit if k + 1 < len(ordered) else len(draft.units)
        seen: set[tuple[str, int]] = set()
        for i in range(start.unit + 1, end):
            unit = draft.units[i]
            key = ("inline", 0) if unit.inline is not None else ("number", unit.level) if unit.numbered else None
            if key is None:
                continue
            number = unit.inline if unit.inline is not None else unit.number
            opening = draft.opening(unit)
            restart = number == 1 and key in seen
            if restart and not any(c.search(opening) for c in draft.causes + draft.cues[problems]):
                starts.append(Start(i, follow_up, "inferred"))
                return
            seen.add(key)
        return


def unheaded_themes(draft: Draft, result: PartResult, starts: list[Start]) -> None:
    """Substantial text before the first recognized part, after the opening paragraph, is the
    measures even without a heading (its heading may have been lost)."""
    first_start = min((s.unit for s in starts), default=len(draft.units))
    body = [i for i in draft.content[1:] if i < first_start]
    chars = sum(len(draft.placeholder.sub("", draft.units[i].text)) for i in body)
    threshold = draft.std.role("themes").recognition.unheaded_min_chars
    if body and threshold and chars >= threshold:
        unit = draft.units[body[0]]
        result.status, result.position, result.own_section = "found", unit.index, True
        result.evidence = f"无标题，按开头段之后、其他部分之前的正文认定：{snippet(unit.text)}"
        starts.insert(0, Start(body[0], draft.roles.themes, "unheaded"))  # before every other start: order kept
