"""Load the review rules: the standard's folder of rule files, and a unit's own file on top.

Every file is validated like the standard (file:line:col, in Chinese, exit 2):
the rule shape by pydantic, each built-in check's parameters by that check's
own model, and across files: ids unique, a unit's ``off`` and changes naming
rules that exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from drafter import yamlio
from drafter.checking.review.checks import CHECKS, Check
from drafter.checking.review.model import RuleEntry, RuleFile, UnitRules
from drafter.checking.review.passages import FRONT
from drafter.errors import DrafterError, Problem
from drafter.files.memo import listing, per_file
from drafter.standard import Standard
from drafter.yamlio import Loc, Located, format_loc
from drafter.yamlio import validation as modelcheck


@dataclass(frozen=True)
class Rule:
    spec: RuleEntry  # a complete rule (it has a matcher)
    params: BaseModel | None  # the built-in check's parameters, validated
    family: str


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def plan(self, source: str) -> list[tuple[Rule, Check | None, tuple]]:
        """The rules one draft or input is reviewed by: each with its built-in check (None for a
        word list or patterns) and the key of the passages it reads (rules with one key share them)."""
        return self._plans[source]

    def batch(self) -> list[tuple[Rule, Check]]:
        """The enabled rules that need a whole batch, with their checks."""
        return self._plans["batch"]

    @cached_property
    def _plans(self) -> dict[str, list]:  # worked out once per rule set, not once per report
        plans: dict[str, list] = {"draft": [], "input": [], "batch": []}
        for rule in self.rules:
            matcher = rule.spec.matcher
            check = CHECKS.get(matcher.check) if matcher and matcher.check else None
            if not rule.spec.enabled:
                continue
            if check is not None and check.scope == "batch":
                plans["batch"].append((rule, check))
                continue
            for source in rule.spec.on:
                plans[source].append((rule, check, (tuple(rule.spec.parts), rule.spec.headings)))
        return plans

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.spec.id == rule_id), None)

    @property
    def ids(self) -> list[str]:
        return [r.spec.id for r in self.rules]


def load_rules(std: Standard, unit_file: Path | None = None) -> RuleSet:
    """The rules in the standard's folder (one file per family), changed by a unit's file if given."""
    scopes = (FRONT, *(p.id for p in std.parts))
    bundled = _load_folder(str(std.rules_dir.resolve()), scopes)
    return _apply_unit_file(bundled, Path(unit_file), scopes) if unit_file is not None else bundled


@per_file
def _family(path: Path) -> tuple[Located, RuleFile]:
    """A bundled rule file, parsed and validated (once per process while it is unchanged)."""
    located = yamlio.load(path, aliases=True)
    return located, modelcheck.validate(RuleFile, located, "审查规则文件")


@per_file
def _unit(path: Path) -> tuple[Located, UnitRules]:
    located = yamlio.load(path, aliases=True)
    return located, modelcheck.validate(UnitRules, located, "审查规则文件")


# The rules last compiled: from these parsed files, for these scopes (compiling checks every
# rule's parameters; a check of many drafts needs it once).
_last: tuple[list[tuple[Located, RuleFile]], tuple[str, ...], RuleSet] | None = None


def _load_folder(folder: str, scopes: tuple[str, ...]) -> RuleSet:
    global _last
    files = listing(Path(folder), "*.yaml")
    if not files:
        raise DrafterError(f"{folder}：没有找到审查规则文件（*.yaml）。请检查报告标准文件中 rules 指向的文件夹。")
    parsed = [_family(path) for path in files]
    if _last is not None and _last[1] == scopes and len(_last[0]) == len(parsed) and all(
        a is b for a, b in zip(_last[0], parsed, strict=True)
    ):
        return _last[2]
    rules: list[Rule] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, (located, family) in zip(files, parsed, strict=True):
        for i, entry in enumerate(family.rules):
            loc: Loc = ("rules", i)
            if not entry.full:
                problems.append(located.problem(loc, f"规则“{entry.id}”缺少 matcher（words、patterns 或 check）。"))
                continue
            if entry.id in seen:
                problems.append(located.problem(loc + ("id",), f"规则编号“{entry.id}”与 {seen[entry.id]} 中的重复。"))
                continue
            seen[entry.id] = path.name
            rule = _compile(entry, family.family, located, loc, scopes, problems)
            if rule is not None:
                rules.append(rule)
    if problems:
        raise DrafterError(f"{folder}：审查规则有 {len(problems)} 处错误，请逐条修改：", problems)
    _last = (parsed, scopes, RuleSet(tuple(rules)))
    return _last[2]


def _apply_unit_file(bundled: RuleSet, path: Path, scopes: tuple[str, ...]) -> RuleSet:
    located, unit = _unit(path)
    problems: list[Problem] = []
    rules = {r.spec.id: r for r in bundled.rules}
    for i, entry in enumerate(unit.rules):
        loc: Loc = ("rules", i)
        if entry.full:
            rule = _compile(entry, entry.id.split(".")[0], located, loc, scopes, problems)
            if rule is not None:
                rules[entry.id] = rule  # a new rule, or the unit's own version of a bundled one
            continue
        if entry.id not in rules:
            problems.append(located.problem(loc + ("id",), _unknown(entry.id, rules, "新增规则要写 level、message 和 matcher")))
            continue
        other = sorted(entry.model_fields_set - {"id", "enabled", "level"})
        if other:
            problems.append(located.problem(loc + (other[0],), (
                f"修改内置规则“{entry.id}”时只能写 enabled 和 level；要改{'、'.join(other)}，"
                "请写出完整的规则（含 level、message 和 matcher），它会替换内置的那一条。")))
            continue
        changes: dict[str, Any] = {k: getattr(entry, k) for k in ("enabled", "level") if k in entry.model_fields_set}
        old = rules[entry.id]
        rules[entry.id] = Rule(old.spec.model_copy(update=changes), old.params, old.family)
    for i, target in enumerate(unit.off):
        matched = [rid for rid in rules if rid == target or rid.startswith(target + ".")]
        if not matched:
            problems.append(located.problem(("off", i), _unknown(target, rules, "off 中写规则编号或一类规则的前缀")))
        for rid in matched:
            old = rules[rid]
            rules[rid] = Rule(old.spec.model_copy(update={"enabled": False}), old.params, old.family)
    if problems:
        raise DrafterError(f"{path}：审查规则有 {len(problems)} 处错误，请逐条修改：", problems)
    return RuleSet(tuple(rules.values()))


def _unknown(rule_id: str, rules: dict[str, Rule], hint: str) -> str:
    families = sorted({rid.split(".")[0] for rid in rules})
    return f"没有编号为“{rule_id}”的规则（{hint}）。现有的规则类别：{'、'.join(families)}；完整编号见 README“内容审查”一节。"


def _compile(
    entry: RuleEntry, family: str, located: Located, loc: Loc, scopes: tuple[str, ...], problems: list[Problem],
) -> Rule | None:
    matcher = entry.matcher
    assert matcher is not None
    for i, part in enumerate(entry.parts):
        if part not in scopes:
            problems.append(located.problem(loc + ("parts", i), f"没有“{part}”这个部分。可用的有：{'、'.join(scopes)}。"))
            return None
    if matcher.check is None:
        return Rule(entry, None, family)
    check = CHECKS.get(matcher.check)
    if check is None:
        known = "、".join(sorted(CHECKS))
        problems.append(located.problem(loc + ("matcher", "check"), f"没有名为“{matcher.check}”的内置检查。可用的有：{known}。"))
        return None
    where = loc + ("matcher", "params")
    marks = {k[len(where):]: v for k, v in located.marks.items() if k[:len(where)] == where}
    sub = Located(located.file, matcher.params, marks)
    sub.marks.setdefault((), located.position(where))  # type: ignore[arg-type]
    try:
        params = modelcheck.validate(check.params, sub, "规则参数")
    except DrafterError as exc:
        prefix = format_loc(where)
        for p in exc.problems:
            path = prefix + ("" if not p.path else p.path if p.path.startswith("[") else "." + p.path)
            problems.append(Problem(p.file, p.line, p.col, path, p.message))
        return None
    return Rule(entry, params, family)
