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

The steps live in their own modules, each reading the draft as prepared once
(draft): where parts start (starts: steps 1 and 2), parts inferred from the
structure (inferred: steps 3 and 4), and each part's status with its evidence
(verdicts: step 5).
"""

from __future__ import annotations

from drafter.checking import inferred, structure
from drafter.checking import starts as found
from drafter.checking.draft import Draft, Start
from drafter.checking.identity import unit_name
from drafter.checking.results import (  # noqa: F401  (re-exported)
    STRUCTURAL_RULES,
    CheckResult,
    PartResult,
    Section,
    Status,
)
from drafter.checking.verdicts import verdict
from drafter.document import Document
from drafter.standard import Standard, Topic


def recognize(document: Document, std: Standard) -> CheckResult:
    draft = Draft(std, document)
    starts = found.explicit(draft)
    found.implicit(draft, starts)
    inferred.plans(draft, starts)
    starts.sort(key=lambda s: s.unit)  # every step below relies on this order
    results = [verdict(draft, part, starts) for part in std.parts]
    themes = next(r for r in results if r.id == draft.roles.themes)
    if themes.status == "missing":
        inferred.unheaded_themes(draft, themes, starts)
    content = [draft.units[i] for i in draft.content]
    findings = structure.findings(std, content, [u for u in draft.units if u.role == "meta"], results)
    roles: dict[int, str] = {u.index: "para" if u.run_in else u.role for u in draft.units}
    return CheckResult(document.source, results, findings, _topics(draft), draft.year, _sections(draft, starts),
                       roles, unit=unit_name(draft.units, std))


def _sections(draft: Draft, starts: list[Start]) -> list[Section]:
    # (the closing end is there even with no starts: no starts, no sections)
    ends = [draft.units[s.unit].index for s in starts[1:]] + [len(draft.document.blocks)]
    return [Section(s.part, s.how, draft.units[s.unit].index, end) for s, end in zip(starts, ends, strict=False)]


def _topics(draft: Draft) -> list[tuple[Topic, bool]]:
    """The whole report's topic coverage."""
    text = "".join(draft.units[i].text for i in draft.content)
    return [(t, any(k in text for k in t.keywords)) for t in draft.std.topics]
