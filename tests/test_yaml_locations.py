"""YAML errors point at the right line and column, whichever parser reads the file.

drafter parses with libyaml where PyYAML has it and with PyYAML's pure-Python
parser elsewhere; every test here runs under both.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from drafter.drafting import input as model
from drafter.errors import DrafterError
from drafter.yamlio import loader, parse

PARSERS = [
    pytest.param(loader.CLoader, id="libyaml", marks=pytest.mark.skipif(loader.CLoader is None, reason="no libyaml")),
    pytest.param(loader.PythonLoader, id="python"),
]


@pytest.fixture(params=PARSERS)
def parser(request, monkeypatch):
    monkeypatch.setattr(loader, "Loader", request.param)
    return request.param


def test_libyaml_is_the_default_where_pyyaml_has_it():
    assert loader.Loader is (loader.CLoader or loader.PythonLoader)


def _problem(text: str):
    with pytest.raises(DrafterError) as caught:
        parse(text, "输入.yaml")
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(
    "text, line, col, hint",
    [
        ("meta:\n  unit: 某县: 公安局\n", 2, 11, "冒号"),
        ("meta:\n\tunit: 某县公安局\n", 2, 1, "Tab"),
        ("meta:\n  unit: 某县公安局\n year: 2024\n", 3, 1, "缩进"),
        ('meta:\n  unit: "某县公安局\n  year: 2024\n', 2, 9, "引号"),
        ("meta:\n  unit: *某县\n", 2, 10, "引号括起来"),
        ("other: *x\n", 1, 8, "引用"),
        ("other: @某县\n", 1, 8, "“@”"),
        ("other: [某县, 公安局\nmeta: 1\n", 1, 8, "“[”没有配对"),
        ("meta:\n  unit: 某县公安局\n  year: 2024\n  year: 2025\n", 4, 3, "重复"),
        ("? [1, 2]\n: 某县\n", 1, 3, "键名"),
        ("meta:\n  unit: 某县\x07公安局\n", 2, 11, "控制字符"),
    ],
    ids=["colon", "tab", "indent", "quote", "star", "alias", "at", "bracket", "duplicate", "key-type", "control"],
)
def test_syntax_errors_point_at_the_place_with_a_chinese_hint(parser, text, line, col, hint):
    problem = _problem(text)
    assert (problem.line, problem.col) == (line, col)
    assert hint in problem.message
    assert problem.file == "输入.yaml"


def test_validation_errors_point_at_the_key_counting_characters_not_bytes(parser):
    text = (
        "meta: {unit: 某县公安局, year: 明年}\n"
        "measures:\n"
        "  - title: 聚焦执法规范化建设\n"
        "    points:\n"
        "      - text: 全年办理案件\n"
        "        figures: 三件\n"
    )
    with pytest.raises(DrafterError) as caught:
        model.load(text.encode("utf-8"), "输入.yaml")
    places = {p.path: (p.line, p.col) for p in caught.value.problems}
    assert places["meta.year"] == (1, 21)
    assert places["measures[0].points[0].figures"] == (6, 9)


def test_values_and_their_marks_are_the_same_under_both_parsers(parser):
    located = parse(
        "meta:\n  unit: 某县公安局\n  date: 2025-02-20\nother:\n  - no\n  - true\n  - 12\n", "输入.yaml"
    )
    assert located.data == {
        "meta": {"unit": "某县公安局", "date": dt.date(2025, 2, 20)},
        "other": ["no", True, 12],
    }
    assert located.position(("meta", "date")) == (3, 3)
    assert located.position(("other", 2)) == (7, 5)


def test_pyyaml_keeps_its_own_booleans_for_other_code():
    parse("other: yes\n", "输入.yaml")
    assert yaml.safe_load("a: yes") == {"a": True}
