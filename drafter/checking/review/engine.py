"""Run the rules over a subject (a draft or an input) and turn what fires into findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from drafter.checking.review import matchers
from drafter.checking.review.hits import Context, Hit, Scope
from drafter.checking.review.loading import Rule, RuleSet
from drafter.checking.review.passages import Passage, Subject
from drafter.findings import Finding
from drafter.standard import Standard


def review(subject: Subject, rules: RuleSet, std: Standard, previous: Subject | None = None) -> list[Finding]:
    """Every finding of every active rule on one draft or input, in reading order."""
    findings: list[Finding] = []
    scopes: dict[tuple, Scope] = {}  # rules with the same parts share one joined text
    for rule, check, key in rules.plan(subject.source):
        if key not in scopes:
            scopes[key] = Scope(_in_scope(subject.passages, rule))
        ctx = Context(std, subject, scopes[key], previous)
        hits: Iterable[Hit]
        if check:
            hits = check.run(ctx, rule.params)
        else:
            assert rule.spec.matcher is not None  # a rule in a set is complete
            hits = matchers.scan(rule.spec.matcher, ctx)
        findings.extend(finding(rule, hit, subject) for hit in hits)
    return sorted(findings, key=_order)


def review_batch(subjects: list[Subject], rules: RuleSet) -> list[list[Finding]]:
    """Findings that need the whole batch (text shared across units), one list per subject."""
    out: list[list[Finding]] = [[] for _ in subjects]
    for rule, check in rules.batch():
        chosen = [n for n, s in enumerate(subjects) if s.source in rule.spec.on]
        scoped = [Subject(s.file, s.source, s.year, _in_scope(s.passages, rule)) for s in (subjects[n] for n in chosen)]
        for k, hits in check.run(scoped, rule.params).items():
            n = chosen[k]
            out[n].extend(finding(rule, hit, subjects[n]) for hit in hits)
    return [sorted(f, key=_order) for f in out]


def _in_scope(passages: list[Passage], rule: Rule) -> list[Passage]:
    spec = rule.spec
    if not spec.parts and spec.headings:
        return passages
    return [p for p in passages if (not spec.parts or p.where in spec.parts) and (spec.headings or p.kind == "para")]


def finding(rule: Rule, hit: Hit, subject: Subject) -> Finding:
    spec = rule.spec
    fields = _Fields({"year": subject.year, "next_year": subject.year + 1} if subject.year else {}, **hit.fields)
    text = spec.message.format_map(fields) + spec.suggestion.format_map(fields)  # type: ignore[union-attr]
    passage = hit.passage
    place: dict[str, Any] = {}
    if passage is not None:
        if subject.source == "draft":
            place = {"position": passage.position}
        else:
            place = {"line": passage.line, "col": passage.col, "path": passage.path, "place": passage.place,
                     "anchor": passage.anchor}
    return Finding(spec.id, spec.level, text, excerpt=hit.quote(), part=passage.part if passage else None,  # type: ignore[arg-type]
                   file=subject.file, **place)


class _Fields(dict):
    """Message fields; a name the hit did not fill stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _order(f: Finding) -> tuple:
    place = f.position if f.position is not None else f.line
    return (place is None, place or 0, f.col or 0)
