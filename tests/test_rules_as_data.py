"""Domain facts live in schemas/ and templates/, not in the code.

The vocabulary is taken from the bundled standard itself (part names and ids,
aliases, markers, topics, closing formulas, front-matter words …); no string
literal in the drafting, reading, checking or document code may contain it.
Messages may talk about parts in general words, but a fact a unit might want
to change has to come from the data.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import drafter

PACKAGE = Path(drafter.__file__).resolve().parent
# The input model names its fields after the part ids: that is the input format,
# checked against the standard when an input is validated (input.check_standard).
INPUT_FORMAT = PACKAGE / "drafting" / "input.py"
CODE = sorted(
    p for folder in ("checking", "drafting", "reading", "document") for p in (PACKAGE / folder).rglob("*.py")
)


# Concept words messages may use when they explain a finding to the user.
GENERAL = {"成文日期", "下一年度"}


def _plain_words(patterns: list[str]) -> list[str]:
    """The literal phrases inside regular expressions (runs of three or more CJK characters;
    shorter runs are everyday words such as 不足 or 原因, which messages use too)."""
    return [w for p in patterns for w in re.findall(r"[\u4e00-\u9fff]{3,}", p)]


def _vocabulary() -> set[str]:
    std = drafter.load_standard()
    words = {std.name, std.domain}
    for part in std.parts:
        words |= {part.name, part.heading.replace("{year}", "").replace("{next_year}", "")}
        words |= {a for a in part.recognition.aliases if "{" not in a}
        words |= set(_plain_words(part.recognition.cues + part.recognition.cause_cues))
    words |= {o.name for o in std.orders}
    words |= set(_plain_words([std.placeholders.pattern, *std.metadata_lines, *std.closing.lines]))
    words |= set(std.report_markers.terms)
    for topic in std.topics:
        words |= {topic.name, *topic.keywords}
    for fact in std.leadership_facts:
        words |= {fact.name, *fact.keywords}
    words |= {std.front_guidance.recipients, std.front_guidance.preamble}
    words |= {std.placeholders.blank.split("{")[0], std.placeholders.gap.split("{")[0]}
    return {w for w in words if len(w) >= 2} - GENERAL


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_vocabulary_is_substantial():
    words = _vocabulary()
    assert len(words) > 100
    assert {"特此报告", "索引号", "第一责任人", "法治政府建设年度报告"} <= words


# The input model's field descriptions document the input format with examples
# (they reach editors and the init skeleton); what each part holds comes from the standard.
@pytest.mark.parametrize("path", [p for p in CODE if p != INPUT_FORMAT], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_domain_word_is_a_literal_in_the_code(path):
    words = _vocabulary()
    hits = [
        f"{path.name}:{line}: “{word}” in {text!r}"
        for line, text in _literals(path)
        for word in words
        if word in text
    ]
    assert not hits, "domain facts belong in schemas/ or templates/:\n" + "\n".join(hits)


@pytest.mark.parametrize("path", [p for p in CODE if p != INPUT_FORMAT], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_part_id_is_a_literal_in_the_code(path):
    ids = {p.id for p in drafter.load_standard().parts}
    hits = [f"{path.name}:{line}: {text!r}" for line, text in _literals(path) if text in ids]
    assert not hits, "part ids come from the standard (parts, roles):\n" + "\n".join(hits)


def test_part_descriptions_for_editors_come_from_the_standard():
    std = drafter.load_standard()
    schema = drafter.input_schema()
    for part in std.parts:
        assert schema["properties"][part.id]["description"].startswith(part.name)
