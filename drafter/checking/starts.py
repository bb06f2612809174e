"""Where parts start: at headings naming them (explicit starts), then at unheaded paragraphs whose
opening sentence carries a part's cues, where the accepted orders let that part begin."""

from __future__ import annotations

from drafter.checking.draft import Draft, How, Start


def explicit(draft: Draft) -> list[Start]:
    """Top-level headings (and short standalone lines) naming a part; an untitled top-level heading
    is a theme of the measures until the report has turned to its problems."""
    units = draft.units
    headings = [units[i] for i in draft.content if units[i].role == "heading"]
    top = draft.top
    top_shape = next((u.shape for u in headings if u.level == top and u.numbered), "")
    starts: list[Start] = []
    started: set[str] = set()
    for i in draft.content:
        unit = units[i]
        at_top = unit.level == top and (not unit.numbered or unit.shape == top_shape)
        if unit.role != "heading" or not (at_top or unit.level == 0):
            continue
        pid = draft.name_part(unit.heading, started, strict=unit.level == 0)
        how: How = "heading"
        if pid is None and at_top and not (draft.turned & started):
            pid, how = draft.roles.themes, "themed"
        if pid is None:
            continue  # an untitled top-level heading continues the part before it
        starts.append(Start(i, pid, how))
        started.add(pid)
    return starts


def implicit(draft: Draft, starts: list[Start]) -> None:
    """Parts without a heading, from the opening sentence of an unnumbered paragraph (added to ``starts``)."""
    # One pass over the paragraphs with running state, so the time stays
    # linear in their number: the parts started, where each first starts,
    # and the start the pass is inside (explicit starts are in unit order).
    units = draft.units
    last_explicit = max((s.unit for s in starts), default=-1)
    intro = draft.content[0] if draft.content else -1
    explicit = list(starts)
    first: dict[str, int] = {}
    for s in starts:
        first.setdefault(s.part, s.unit)
    current: Start | None = None
    next_explicit = 0
    for n, i in enumerate(draft.content):
        while next_explicit < len(explicit) and explicit[next_explicit].unit < i:
            if current is None or explicit[next_explicit].unit > current.unit:
                current = explicit[next_explicit]
            next_explicit += 1
        unit = units[i]
        previous = units[draft.content[n - 1]] if n else None
        if unit.role != "para" or unit.inline is not None or i == intro:
            continue
        if previous is not None and previous.role == "heading" and not previous.run_in:
            continue  # the first paragraph under a heading belongs to that heading
        opening = draft.opening(unit)
        for part in draft.std.parts:
            pid = part.id
            if pid in first or not draft.cues[pid]:
                continue
            if not _may_begin_at(draft, pid, i, current, first, last_explicit):
                continue
            resumed = next_explicit < len(explicit) and current is not None and (
                explicit[next_explicit].part == current.part)  # the part it interrupts goes on after it
            if any(c.search(opening) for c in draft.cues[pid]) and not resumed and not _nested(draft, n):
                start = Start(i, pid, "cue")
                starts.append(start)
                first[pid] = i
                current = start  # later paragraphs are inside it (i grows; explicit ones before i are older)
                break


def _nested(draft: Draft, n: int) -> bool:
    """Whether content paragraph ``n`` lies inside a section whose sub-headings go on after it.

    Such a paragraph is body text of that section (e.g. the leadership duty
    mentioned among the measures), however its first sentence reads: a
    part can begin only where the next heading is not a sub-heading.
    """
    level = draft.next_heading[n]
    return draft.top is not None and level is not None and level > draft.top


def _may_begin_at(
    draft: Draft, pid: str, i: int, current: Start | None, first: dict[str, int], last_explicit: int
) -> bool:
    """Whether the accepted orders let part ``pid`` begin at unit ``i``.

    ``current`` is the last start before ``i``; ``first`` maps each part
    started so far to its first unit.
    """
    if current is not None and current.part in draft.must_follow(pid):
        return False  # inside a part that always comes later
    for before in draft.after[pid] - {draft.roles.themes}:  # that part may have no heading
        start = first.get(before)
        if start is None and draft.std.part(before).required and i < last_explicit:
            return False  # a preceding part is absent: only the tail may hold this one
        if start is not None and start > i:
            return False
    return True
