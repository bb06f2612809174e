"""A draft as recognition sees it: its classified paragraphs, its year, and the standard's words
and orders made ready for it; with the matching every recognition step uses.

Recognition runs in steps (drafter.checking.recognize): where parts start (starts), parts
inferred from structure (inferred), and each part's status with its evidence (verdicts). Each
step reads this object and the list of :class:`Start` found so far.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from drafter.checking.headings import Unit, analyser, first_sentence, normalize
from drafter.checking.prepared import per_standard
from drafter.document import Document
from drafter.standard import Standard, fill_known_year

How = Literal["heading", "themed", "cue", "inferred", "unheaded"]


@dataclass
class Start:
    """Where a part begins, and how it was recognized."""

    unit: int  # index into the unit list
    part: str
    how: How


class Draft:
    def __init__(self, std: Standard, document: Document):
        self.std = std
        self.document = document
        self.units = analyser(std).analyse(document)
        self.content = [i for i, u in enumerate(self.units) if u.content]
        self.year = self._year()
        self.placeholder = std.placeholder_re
        self.roles = std.roles
        # The standard's words for a report of this year: the same for every draft of that year.
        (self.aliases, self.heading_patterns, self.cues, self.causes, self.after,
         self._following) = _words(std, self.year)

    @cached_property
    def top(self) -> int | None:
        """The top heading level among the content's headings."""
        return min((u.level for i in self.content if (u := self.units[i]).role == "heading" and u.level),
                   default=None)

    @cached_property
    def next_heading(self) -> list[int | None]:
        """Per content paragraph: the level of the next heading after it (None: no more headings)."""
        following: list[int | None] = [None] * len(self.content)
        level = None
        for k in range(len(self.content) - 1, -1, -1):
            following[k] = level
            unit = self.units[self.content[k]]
            if unit.role == "heading" and not unit.run_in:
                level = unit.level
            elif unit.role == "heading":
                level = unit.level or level
        return following

    @property
    def turned(self) -> set[str]:
        """Parts that show the report has turned from its work to its problems.

        Until then an untitled top-level heading is a theme of the measures (the
        measures may follow a leadership section opening the report); after it,
        such a heading continues the part before it (e.g. a cause analysis).
        """
        return {self.roles.problems} | self.must_follow(self.roles.problems)

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

    def patterns(self, patterns: list[str]) -> list[re.Pattern[str]]:
        """The standard's patterns with this draft's year filled in (those needing a year it lacks left out)."""
        return _patterns(patterns, self.year)

    # -- matching ----------------------------------------------------------

    def scores(self, heading: str) -> dict[str, int]:
        words = normalize(heading)
        scores = {pid: sum(len(a) for a in aliases if a in words) for pid, aliases in self.aliases.items()}
        for pid, patterns in self.heading_patterns.items():  # word classes: the longest match counts, once
            longest = max((len(m.group(0)) for c in patterns if (m := c.search(words))), default=0)
            scores[pid] = max(scores[pid], longest)
        return {pid: s for pid, s in scores.items() if s}

    def name_part(self, heading: str, started: set[str], strict: bool = False) -> str | None:
        """The part a heading names, preferring parts the accepted orders allow here.

        A numbered or styled heading names its part even out of order (the order
        warning reports it); a weak heading (a short or bold line) must fit the order.
        """
        scores = self.scores(heading)
        plausible = {pid: s for pid, s in scores.items() if not (self.must_follow(pid) & started)}
        pool = plausible if plausible or strict else scores
        return max(pool, key=lambda pid: pool[pid]) if pool else None

    def must_follow(self, pid: str) -> set[str]:
        """Parts that always come after ``pid``."""
        return self._following[pid]

    def opening(self, unit: Unit) -> str:
        return _SPACES.sub("", first_sentence(unit.text))


_SPACES = re.compile(r"\s+")
Words = tuple[dict[str, list[str]], dict[str, list[re.Pattern[str]]], dict[str, list[re.Pattern[str]]],
              list[re.Pattern[str]], dict[str, set[str]], dict[str, set[str]]]


def _words(std: Standard, year: int | None) -> Words:
    """Each part's aliases (normalized), heading patterns and cues, the cause cues, with the year
    filled in; and the accepted orders as "p always comes after q" and its converse."""
    return per_standard(std, ("words", year), lambda std: _make_words(std, year))


def _make_words(std: Standard, year: int | None) -> Words:
    after = {
        p.id: {q.id for q in std.parts if all(o.sequence.index(q.id) < o.sequence.index(p.id) for o in std.orders)}
        for p in std.parts
    }
    return (
        {p.id: [normalize(a) for a in (fill_known_year(a, year) for a in p.recognition.aliases) if a] for p in std.parts},
        {p.id: _patterns(p.recognition.heading_patterns, year) for p in std.parts},
        {p.id: _patterns(p.recognition.cues, year) for p in std.parts},
        _patterns(std.role("problems").recognition.cause_cues, year),
        after,
        {p.id: {q for q, before in after.items() if p.id in before} for p in std.parts},
    )


def _patterns(patterns: list[str], year: int | None) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in (fill_known_year(p, year) for p in patterns) if p]
