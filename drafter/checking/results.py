"""What checking a draft gives: each part's status with its evidence, the findings, and where things are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drafter.findings import Finding
from drafter.standard import Topic

Status = Literal["found", "partial", "missing"]
# Rules whose messages are also the JSON's "warnings": recognition's own, and the two
# content-review rules that reported there before the review had its own list.
STRUCTURAL_RULES = ("report.not-a-report", "part.order", "shortcoming.no-cause", "placeholder")


@dataclass
class PartResult:
    id: str
    name: str
    required: bool
    status: Status
    evidence: str | None = None
    position: int | None = None
    own_section: bool = False  # the part stands as its own section (not a sub-heading)


@dataclass(frozen=True)
class Section:
    """A stretch of the draft that is (a section of) one part: blocks ``start`` to ``end`` (exclusive).

    ``how`` says how its start was recognized: heading, themed (a theme of the
    themes part), cue, inferred or unheaded. A themed report has several
    sections of one part. Importing reads the parts' text through these.
    """

    part: str
    how: str
    start: int  # Block.index of its first block
    end: int


@dataclass
class CheckResult:
    file: str
    parts: list[PartResult]
    findings: list[Finding] = field(default_factory=list)
    topics: list[tuple[Topic, bool]] = field(default_factory=list)  # the whole report's topic coverage
    year: int | None = None
    sections: list[Section] = field(default_factory=list)  # in reading order
    # position → title/front/meta/heading/para/back; a run-in heading ("（一）标题。正文……") reads as a para
    roles: dict[int, str] = field(default_factory=dict)
    passages: list = field(default_factory=list)  # the text the content review read, for rules across a batch
    unit: str | None = None  # the unit that wrote the draft, if it names itself

    @property
    def complete(self) -> bool:
        """Every required part found (content findings never change this)."""
        return all(p.status == "found" for p in self.parts if p.required)

    @property
    def warnings(self) -> list[str]:
        """The structural findings' messages (the JSON contract's ``warnings``)."""
        return [f.message for f in self.findings if f.rule in STRUCTURAL_RULES]
