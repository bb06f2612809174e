"""Which of the standard's parts a draft contains, and where.

The mechanism, in the order it runs (the words it looks for are all data in
the standard: aliases, cues, cause cues, orders, markers):

1. Headings are found (drafter.checking.headings). The shallowest heading level is the
   top level (when two numbering kinds share it, e.g. 第一部分 and 一、, the
   one met first is the outer); each top-level heading maps to the part whose
   aliases it names.
   A top-level heading naming no part is a themed measures heading until the
   report has turned to its shortcomings, and continues the part before it
   after that. Short standalone lines naming a part also start it.
2. Parts without a heading are found from the opening sentence of an
   unnumbered paragraph (the part's cues), only where the accepted orders
   allow that part to begin: after the parts that always precede it.
3. A fresh 一是/（一） enumeration restarting inside the shortcomings, with no
   plans found, is taken as the plans (partial: inferred from the statutory
   order, plans follow shortcomings).
4. Substantial text before the first other part is the measures even without
   a heading (its heading may have been lost).
5. A part still not found but named by a sub-heading inside another part is
   partial; a part whose body is only placeholder markers (with numbering and
   at most a stock lead-in sentence: an untouched template) is missing.

Positions are 0-based paragraph indexes (Block.index): the place in the
file's non-empty paragraphs, title included, in reading order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from drafter.document import Document
from drafter.findings import Finding
from drafter.checking.headings import Analyser, Unit, first_sentence, normalize
from drafter.checking import structure
from drafter.checking.identity import unit_name
from drafter.checking.results import STRUCTURAL_RULES, CheckResult, PartResult, Section, Status  # noqa: F401  (re-exported)
from drafter.standard import Part, Standard, Topic, fill_year

_SNIPPET = 30


@dataclass
class _Start:
    """Where a part begins, and how it was recognized."""

    unit: int  # index into the unit list
    part: str
    how: Literal["heading", "themed", "cue", "inferred", "unheaded"]


def recognize(document: Document, std: Standard) -> CheckResult:
    return _Recogniser(std, document).run()


def _snippet(text: str, limit: int = _SNIPPET) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "……"


class _Recogniser:
    def __init__(self, std: Standard, document: Document):
        self.std = std
        self.document = document
        self.units = Analyser(std).analyse(document)
        self.content = [i for i, u in enumerate(self.units) if u.content]
        self.year = self._year()
        self.placeholder = std.placeholder_re
        self.top: int | None = None  # the top heading level (set by _explicit_starts)
        self._next_heading: list[int | None] | None = None  # per content paragraph: the next heading's level
        self.aliases = {p.id: self._aliases(p) for p in std.parts}
        self.heading_patterns = {p.id: self._patterns(p.recognition.heading_patterns) for p in std.parts}
        self.cues = {p.id: self._patterns(p.recognition.cues) for p in std.parts}
        self.roles = std.roles
        self.causes = self._patterns(std.role("problems").recognition.cause_cues)
        # "p always comes after q" in every accepted order.
        self.after = {
            p.id: {q.id for q in std.parts if all(o.sequence.index(q.id) < o.sequence.index(p.id) for o in std.orders)}
            for p in std.parts
        }

    @property
    def _turned(self) -> set[str]:
        """Parts that show the report has turned from its work to its problems.

        Until then an untitled top-level heading is a theme of the measures (the
        measures may follow a leadership section opening the report); after it,
        such a heading continues the part before it (e.g. a cause analysis).
        """
        return {self.roles.problems} | self._must_follow(self.roles.problems)

    # -- data prepared for this document ---------------------------------

    def _year(self) -> int | None:
        years = self.std.year_re
        titles = [u.text for u in self.units if u.role == "title"]
        for text in titles:
            m = years.search(text)
            if m:
                return int(m.group(1))
        counts = Counter(int(m.group(1)) for u in self.units if u.content for m in years.finditer(u.text))
        return max(counts, key=lambda y: counts[y]) if counts else None

    def _fill(self, text: str) -> str | None:
        if "{year}" in text or "{next_year}" in text:
            return fill_year(text, self.year) if self.year else None
        return text

    def _aliases(self, part: Part) -> list[str]:
        filled = (self._fill(a) for a in part.recognition.aliases)
        return [normalize(a) for a in filled if a]

    def _patterns(self, patterns: list[str]) -> list[re.Pattern[str]]:
        filled = (self._fill(p) for p in patterns)
        return [re.compile(p) for p in filled if p]

    # -- matching ----------------------------------------------------------

    def _scores(self, heading: str) -> dict[str, int]:
        words = normalize(heading)
        scores = {pid: sum(len(a) for a in aliases if a in words) for pid, aliases in self.aliases.items()}
        for pid, patterns in self.heading_patterns.items():  # word classes: the longest match counts, once
            scores[pid] = max(scores[pid], max((len(m.group(0)) for c in patterns if (m := c.search(words))), default=0))
        return {pid: s for pid, s in scores.items() if s}

    def _name_part(self, heading: str, started: set[str], strict: bool = False) -> str | None:
        """The part a heading names, preferring parts the accepted orders allow here.

        A numbered or styled heading names its part even out of order (the order
        warning reports it); a weak heading (a short or bold line) must fit the order.
        """
        scores = self._scores(heading)
        plausible = {pid: s for pid, s in scores.items() if not (self._must_follow(pid) & started)}
        pool = plausible if plausible or strict else scores
        return max(pool, key=lambda pid: pool[pid]) if pool else None

    def _must_follow(self, pid: str) -> set[str]:
        """Parts that always come after ``pid``."""
        return {q for q, before in self.after.items() if pid in before}

    def _opening(self, unit: Unit) -> str:
        return re.sub(r"\s+", "", first_sentence(unit.text))

    # -- the steps -----------------------------------------------------------

    def run(self) -> CheckResult:
        starts = self._explicit_starts()
        self._implicit_starts(starts)
        self._inferred_plans(starts)
        starts.sort(key=lambda s: s.unit)  # every step below relies on this order
        results = [self._result(part, starts) for part in self.std.parts]
        themes = next(r for r in results if r.id == self.roles.themes)
        if themes.status == "missing":
            self._unheaded_themes(themes, starts)
        findings = self._findings(results)
        roles = {u.index: "para" if u.run_in else u.role for u in self.units}
        return CheckResult(self.document.source, results, findings, self._topics(), self.year,
                           self._sections(starts), roles, unit=unit_name(self.units, self.std))

    def _sections(self, starts: list[_Start]) -> list[Section]:
        ends = [self.units[s.unit].index for s in starts[1:]] + [len(self.document.blocks)]
        return [Section(s.part, s.how, self.units[s.unit].index, end) for s, end in zip(starts, ends)]

    def _explicit_starts(self) -> list[_Start]:
        headings = [self.units[i] for i in self.content if self.units[i].role == "heading"]
        top = self.top = min((u.level for u in headings if u.level), default=None)
        top_shape = next((u.shape for u in headings if u.level == top and u.numbered), "")
        starts: list[_Start] = []
        started: set[str] = set()
        for i in self.content:
            unit = self.units[i]
            at_top = unit.level == top and (not unit.numbered or unit.shape == top_shape)
            if unit.role != "heading" or not (at_top or unit.level == 0):
                continue
            pid = self._name_part(unit.heading, started, strict=unit.level == 0)
            how = "heading"
            if pid is None and at_top and not (self._turned & started):
                pid, how = self.roles.themes, "themed"
            if pid is None:
                continue  # an untitled top-level heading continues the part before it
            starts.append(_Start(i, pid, how))
            started.add(pid)
        return starts

    def _implicit_starts(self, starts: list[_Start]) -> None:
        # One pass over the paragraphs with running state, so the time stays
        # linear in their number: the parts started, where each first starts,
        # and the start the pass is inside (explicit starts are in unit order).
        last_explicit = max((s.unit for s in starts), default=-1)
        intro = self.content[0] if self.content else -1
        explicit = list(starts)
        first: dict[str, int] = {}
        for s in starts:
            first.setdefault(s.part, s.unit)
        current: _Start | None = None
        next_explicit = 0
        for n, i in enumerate(self.content):
            while next_explicit < len(explicit) and explicit[next_explicit].unit < i:
                if current is None or explicit[next_explicit].unit > current.unit:
                    current = explicit[next_explicit]
                next_explicit += 1
            unit = self.units[i]
            previous = self.units[self.content[n - 1]] if n else None
            if unit.role != "para" or unit.inline is not None or i == intro:
                continue
            if previous is not None and previous.role == "heading" and not previous.run_in:
                continue  # the first paragraph under a heading belongs to that heading
            opening = self._opening(unit)
            for part in self.std.parts:
                pid = part.id
                if pid in first or not self.cues[pid]:
                    continue
                if not self._may_begin_at(pid, i, current, first, last_explicit):
                    continue
                resumed = next_explicit < len(explicit) and current is not None and (
                    explicit[next_explicit].part == current.part)  # the part it interrupts goes on after it
                if any(c.search(opening) for c in self.cues[pid]) and not resumed and not self._nested(n):
                    start = _Start(i, pid, "cue")
                    starts.append(start)
                    first[pid] = i
                    current = start  # later paragraphs are inside it (i grows; explicit ones before i are older)
                    break

    def _nested(self, n: int) -> bool:
        """Whether content paragraph ``n`` lies inside a section whose sub-headings go on after it.

        Such a paragraph is body text of that section (e.g. the leadership duty
        mentioned among the measures), however its first sentence reads: a
        part can begin only where the next heading is not a sub-heading.
        """
        if self._next_heading is None:
            following: list[int | None] = [None] * len(self.content)
            level = None
            for k in range(len(self.content) - 1, -1, -1):
                following[k] = level
                unit = self.units[self.content[k]]
                if unit.role == "heading" and not unit.run_in:
                    level = unit.level
                elif unit.role == "heading":
                    level = unit.level or level
            self._next_heading = following
        level = self._next_heading[n]
        return self.top is not None and level is not None and level > self.top

    def _may_begin_at(
        self, pid: str, i: int, current: _Start | None, first: dict[str, int], last_explicit: int
    ) -> bool:
        """Whether the accepted orders let part ``pid`` begin at unit ``i``.

        ``current`` is the last start before ``i``; ``first`` maps each part
        started so far to its first unit.
        """
        if current is not None and current.part in self._must_follow(pid):
            return False  # inside a part that always comes later
        for before in self.after[pid] - {self.roles.themes}:  # that part may have no heading
            start = first.get(before)
            if start is None and self.std.part(before).required and i < last_explicit:
                return False  # a preceding part is absent: only the tail may hold this one
            if start is not None and start > i:
                return False
        return True

    def _inferred_plans(self, starts: list[_Start]) -> None:
        problems, follow_up = self.roles.problems, self.roles.follow_up
        if any(s.part == follow_up for s in starts):
            return
        ordered = sorted(starts, key=lambda s: s.unit)
        for k, start in enumerate(ordered):
            if start.part != problems:
                continue
            end = ordered[k + 1].unit if k + 1 < len(ordered) else len(self.units)
            seen: set[tuple[str, int]] = set()
            for i in range(start.unit + 1, end):
                unit = self.units[i]
                key = ("inline", 0) if unit.inline is not None else ("number", unit.level) if unit.numbered else None
                if key is None:
                    continue
                number = unit.inline if unit.inline is not None else unit.number
                opening = self._opening(unit)
                restart = number == 1 and key in seen
                if restart and not any(c.search(opening) for c in self.causes + self.cues[problems]):
                    starts.append(_Start(i, follow_up, "inferred"))
                    return
                seen.add(key)
            return

    def _region(self, starts: list[_Start], pid: str) -> list[int]:
        """Unit indexes belonging to part ``pid`` (all its sections)."""
        out: list[int] = []
        for k, start in enumerate(starts):
            if start.part == pid:
                end = starts[k + 1].unit if k + 1 < len(starts) else len(self.units)
                out.extend(i for i in range(start.unit, end) if self.units[i].content)
        return out

    def _body(self, region: list[int], start: _Start) -> str:
        parts = []
        for i in region:
            unit = self.units[i]
            if i == start.unit and unit.role == "heading":
                if unit.run_in and unit.heading:  # a bare "一、" has no heading text to cut off
                    parts.append(unit.text.split(unit.heading, 1)[-1])
                continue
            parts.append(unit.text)
        return "".join(parts)

    def _result(self, part: Part, starts: list[_Start]) -> PartResult:
        result = PartResult(part.id, part.name, part.required, "missing")
        mine = [s for s in starts if s.part == part.id]
        if mine:
            first = mine[0]
            unit = self.units[first.unit]
            region = self._region(starts, part.id)
            body = self._body(region, first)
            result.position, result.own_section = unit.index, True
            marker = self.placeholder.search(body)
            if marker and len(_residue(self.placeholder.sub("", body))) < self.std.placeholders.content_min_chars:
                # An untouched template: blanks, numbering and a stock lead-in sentence are not content.
                result.evidence = f"只有待填写的空白和套话，没有实际内容：{_snippet(marker.group(0))}"
                return result
            if not self.placeholder.sub("", body).strip(" \t\r\n。，,.；;：:"):
                result.status, result.evidence = "partial", f"只有标题，没有正文：{_snippet(_heading_line(unit))}"
                return result
            result.status = "partial" if first.how == "inferred" else "found"
            result.evidence = self._evidence(first, mine)
            return result
        sub = self._subheading(part.id, starts)
        if sub is not None:
            parent, unit = sub
            result.status, result.position = "partial", unit.index
            where = f"“{_snippet(_heading_line(parent), 20)}”下" if parent is not None else "文中"
            result.evidence = f"未单独成部分，只在{where}作为小标题出现：{_snippet(_heading_line(unit))}"
            return result
        stated = self._statement(part)
        if stated is not None:
            unit, sentence = stated
            result.status, result.position = "partial", unit.index
            result.evidence = f"未单独成部分，只在正文中写到：{_snippet(sentence, 40)}"
        return result

    def _statement(self, part: Part) -> tuple[Unit, str] | None:
        """The first sentence of the text stating what part ``part`` is about, and its paragraph."""
        patterns = self._patterns(part.recognition.statements)
        if not patterns:
            return None
        for i in self.content:
            unit = self.units[i]
            for pattern in patterns:
                found = pattern.search(unit.text)
                if found:
                    start = max(unit.text.rfind(ch, 0, found.start()) for ch in "。！？；") + 1
                    ends = [e for e in (unit.text.find(ch, found.end()) for ch in "。！？；") if e >= 0]
                    return unit, unit.text[start: min(ends) + 1 if ends else len(unit.text)].strip()
        return None

    def _evidence(self, first: _Start, mine: list[_Start]) -> str:
        unit = self.units[first.unit]
        if first.how == "heading":
            return _snippet(_heading_line(unit), 60)
        if first.how == "themed":
            themed = [s for s in mine if s.how == "themed"]
            extra = f"等 {len(themed)} 个主题标题（主题式结构）" if len(themed) > 1 else "（主题式标题）"
            return f"{_snippet(_heading_line(unit), 24)}{extra}"
        if first.how == "cue":
            return f"无标题，按段落开头认定：{_snippet(unit.text)}"
        problems, follow_up = self.std.role("problems").name, self.std.role("follow_up").name
        return f"无标题；“{problems}”之后重新开始列举，按“{follow_up}在{problems}之后”推断：{_snippet(unit.text)}"

    def _subheading(self, pid: str, starts: list[_Start]) -> tuple[Unit | None, Unit] | None:
        """The first heading (not starting a part) that names part ``pid`` best, and the part it sits in."""
        own = {s.unit for s in starts}
        for i in self.content:
            unit = self.units[i]
            if unit.role != "heading" or i in own or not unit.heading:
                continue
            scores = self._scores(unit.heading)
            if scores and max(scores, key=lambda p: scores[p]) == pid:
                # starts are sorted by unit (run() relies on it): the parent is found by bisection.
                k = bisect_left(starts, i, key=lambda s: s.unit)
                parent = starts[k - 1] if k else None
                if parent is not None and self.std.precedes(parent.part, pid):
                    continue  # a part that always comes later cannot sit inside this one: the words are its own
                return (self.units[parent.unit] if parent else None), unit
        return None

    def _unheaded_themes(self, result: PartResult, starts: list[_Start]) -> None:
        """Text before the first recognized part, after the opening paragraph."""
        first_start = min((s.unit for s in starts), default=len(self.units))
        body = [i for i in self.content[1:] if i < first_start]
        chars = sum(len(self.placeholder.sub("", self.units[i].text)) for i in body)
        threshold = self.std.role("themes").recognition.unheaded_min_chars
        if body and threshold and chars >= threshold:
            unit = self.units[body[0]]
            result.status, result.position, result.own_section = "found", unit.index, True
            result.evidence = f"无标题，按开头段之后、其他部分之前的正文认定：{_snippet(unit.text)}"
            starts.insert(0, _Start(body[0], self.roles.themes, "unheaded"))  # before every other start: order kept

    # -- warnings and extra information --------------------------------------

    def _findings(self, results: list[PartResult]) -> list[Finding]:
        content = [self.units[i] for i in self.content]
        meta = [u for u in self.units if u.role == "meta"]
        return structure.findings(self.std, content, meta, results)

    def _topics(self) -> list[tuple[Topic, bool]]:
        text = "".join(self.units[i].text for i in self.content)
        return [(t, any(k in text for k in t.keywords)) for t in self.std.topics]


def _heading_line(unit: Unit) -> str:
    """A heading as written, numbering included; for a run-in heading, its first sentence."""
    if unit.role == "heading" and unit.run_in and unit.heading in unit.text:
        return unit.text[: unit.text.index(unit.heading) + len(unit.heading)]
    return unit.text


_NOT_CONTENT = re.compile(r"[（(]?[一二三四五六七八九十\d]+[)）]?[是、.．]?|[\s\W_]")


def _residue(text: str) -> str:
    """What is left of a part's text once numbering, enumerators, digits and punctuation are taken out."""
    return _NOT_CONTENT.sub("", text)
