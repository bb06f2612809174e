"""YAML errors point at the right line and column, whichever parser reads the file.

drafter parses with libyaml where PyYAML has it and with PyYAML's pure-Python
parser elsewhere; every test here runs under both.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from drafter.drafting import input as model
from drafter.errors import DrafterError
from drafter.yamlio import loader, parse


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
        (":\t", 1, 1, "缩进"),  # found by the long fuzz run: a value of only a tab
        ("meta:\n  unit: 某县\x07公安局\n", 2, 11, "控制字符"),
    ],
    ids=["colon", "tab", "indent", "quote", "star", "alias", "at", "bracket", "duplicate", "key-type", "bare-colon-tab",
         "control"],
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


COUNTY = (Path(__file__).parent.parent / "examples" / "county_standard.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, hint",
    [
        ("  unit: 澄源县公安局", "  unit: [澄源县公安局", "“[”没有配对"),
        ("  unit: 澄源县公安局", "  unit: {澄源县公安局", "“{”没有配对"),
        ("  unit: 澄源县公安局", '  unit: "澄源县公安局', "结尾引号"),
        ("  unit: 澄源县公安局", "  unit: '澄源县公安局", "结尾引号"),
        ("  year: 2025", "  year 2025", "应写成“year: 2025”"),
        ("  year: 2025", "\tyear: 2025", "Tab"),
        ("  year: 2025", "  year:2025", "冒号后面缺少空格"),
        ("  unit: 澄源县公安局", '  unit："青川县公安局"', '请改为“unit: "青川县公安局"”'),
        ("  order: practice", "  order：practice", "请改为“order: practice”"),
        ("    cause: >-\n      原因在于", "    cause：>-\n      原因在于", "请改为“cause: >-”"),
        ("  year: 2025", "  year:\u30002025", "全角空格"),
        ("  year: 2025", "\u3000year: 2025", "全角空格"),
        ("      - title: 落实案件法制审核和质量评查", "      - title 落实案件法制审核和质量评查", "缺少冒号"),
        ("    topic: law_enforcement", "      topic: law_enforcement", "缩进"),
    ],
    ids=["bracket", "brace", "quote", "single-quote", "no-colon", "tab", "no-space", "ime-colon-quoted",
         "ime-colon", "ime-colon-block", "wide-space", "wide-indent", "item-no-colon", "over-indented"],
)
def test_a_slip_in_the_middle_of_a_real_input_is_reported_on_its_line(parser, old, new, hint):
    assert old in COUNTY
    line = COUNTY[: COUNTY.index(old)].count("\n") + 1
    with pytest.raises(DrafterError) as caught:
        parse(COUNTY.replace(old, new, 1), "输入.yaml")
    first = caught.value.problems[0]
    assert first.line == line, str(caught.value)
    assert hint in first.message, first.message
    assert not re.search(r"expected|found|while|could not|mapping|scanning|parsing|allowed", first.message)


def test_several_slips_are_reported_at_once_each_on_its_line(parser):
    text = COUNTY.replace("  unit: 澄源县公安局", "  unit：澄源县公安局", 1).replace("  order: practice", "  order：practice", 1)
    with pytest.raises(DrafterError) as caught:
        parse(text, "输入.yaml")
    lines = [COUNTY[: COUNTY.index(old)].count("\n") + 1 for old in ("  unit: 澄源县公安局", "  order: practice")]
    assert [p.line for p in caught.value.problems] == lines


def test_aliases_tags_and_depth_are_refused_before_anything_is_built(parser):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    for text, hint in [(bomb, "引用"), ("unit: !foo 某局\n", "!foo"), ("unit: !!python/none x\n", "标记"),
                       ("other: " + "[" * 60 + "]" * 60 + "\n", "嵌套"), ("a: 1\n---\nb: 2\n", "第二份")]:
        with pytest.raises(DrafterError) as caught:
            parse(text, "输入.yaml")
        assert hint in str(caught.value) and all(p.line for p in caught.value.problems), str(caught.value)


def test_yaml_guesses_an_officer_does_not_mean_stay_text(parser):
    located = parse("a: yes\nb: 012\nc: 9:30\nd: =\ne: <<\nf: 2025-02-30\ng: '2025'\nh: 1_000\n", "输入.yaml")
    assert located.data == {"a": "yes", "b": "012", "c": "9:30", "d": "=", "e": "<<", "f": "2025-02-30",
                            "g": "2025", "h": 1000}


def test_data_files_may_share_content_through_aliases_counted_expanded(parser):
    located = parse("a: &x [1, 2]\nb: *x\nc: &s 文字\nd: *s\n", "规则.yaml", aliases=True)
    assert located.data == {"a": [1, 2], "b": [1, 2], "c": "文字", "d": "文字"}
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
    )
    with pytest.raises(DrafterError) as caught:
        parse(bomb, "规则.yaml", aliases=True)
    (problem,) = caught.value.problems
    assert problem.line == 6 and "展开后" in problem.message  # within the line of *e (9**5 nodes each)
