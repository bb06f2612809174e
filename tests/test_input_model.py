"""Reading the officer's YAML: positions, types, unknown keys, encodings."""

from __future__ import annotations

import codecs

import pytest
from paths import EXAMPLES

from drafter.drafting import input as model
from drafter.errors import DrafterError

MINIMAL = """\
meta:
  unit: 测试县公安局
  year: 2024
  date: 2025-02-20
preamble: >-
  第一行
  第二行
"""


def write(tmp_path, text, name="input.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def error_of(path) -> DrafterError:
    with pytest.raises(DrafterError) as caught:
        model.load(path)
    return caught.value


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load(path):
    report, located = model.load(path)
    assert report.meta.unit.endswith(("公安局", "分局"))
    assert report.measures and report.leadership and report.shortcomings and report.plans
    assert located.position(("measures", 0, "title"))[0] > 1


def test_folded_chinese_lines_join_without_spaces(tmp_path):
    report, _ = model.load(write(tmp_path, MINIMAL))
    assert report.preamble == ["第一行第二行"]


def test_yaml_words_like_no_stay_text(tmp_path):
    report, _ = model.load(write(tmp_path, MINIMAL + "other: no\n"))
    assert report.other == ["no"]


def test_syntax_error_points_at_line_and_column(tmp_path):
    err = error_of(write(tmp_path, "meta:\n  unit: 某县: 公安局\n"))
    problem = err.problems[0]
    assert (problem.line, problem.col) == (2, 11)  # the second colon
    assert "冒号" in problem.message


def test_all_type_errors_are_reported_at_once_with_places(tmp_path):
    text = MINIMAL.replace("year: 2024", "year: 二〇二四") + "measures:\n  - title: 主题\n    points: 3\n"
    err = error_of(write(tmp_path, text))
    rendered = [str(p) for p in err.problems]
    assert any(r.startswith(f"{tmp_path / 'input.yaml'}:3:3  “报告年度”：") and "不是年份" in r for r in rendered)
    assert any(":10:5  第1个主题的“具体举措”：" in r and "列表" in r for r in rendered)
    assert [p.path for p in err.problems] == ["meta.year", "measures[0].points"]


def test_a_bad_date_is_reported_at_the_date_line_under_its_field_name(tmp_path):
    # "date" is both a field name and the name pydantic gives a union member.
    err = error_of(write(tmp_path, MINIMAL.replace("date: 2025-02-20", "date: 明天")))
    (problem,) = err.problems
    assert (problem.line, problem.path) == (4, "meta.date")
    assert "日期" in problem.message and "明天" in problem.message


def test_unknown_key_suggests_the_right_one(tmp_path):
    err = error_of(write(tmp_path, MINIMAL + "shortcommings: []\n"))
    (problem,) = err.problems
    assert problem.line == 8 and problem.path == "shortcommings"
    assert "是不是想写“shortcomings”" in problem.message


def test_unknown_nested_key_suggests_within_its_level(tmp_path):
    text = MINIMAL + "shortcomings:\n  - problem: 问题\n    casue: 原因\n"
    (problem,) = error_of(write(tmp_path, text)).problems
    assert problem.path == "shortcomings[0].casue" and "“cause”" in problem.message


def test_duplicate_key_is_an_error(tmp_path):
    err = error_of(write(tmp_path, MINIMAL + "preamble: 再来一次\n"))
    assert "重复" in err.problems[0].message and err.problems[0].line == 8


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_encodings_are_read(tmp_path, encoding, prefix):
    path = write(tmp_path, prefix + MINIMAL.encode(encoding))
    report, _ = model.load(path)
    assert report.meta.unit == "测试县公安局"


def test_undecodable_file_is_refused_with_the_fix(tmp_path):
    err = error_of(write(tmp_path, b"meta:\n  unit: \xff\xfe\xfa\x80\x80\n"))
    assert "编码" in err.message and "UTF-8" in err.message


def test_binary_file_is_refused(tmp_path):
    assert "二进制" in error_of(write(tmp_path, b"\x00\x01\x02meta")).message


def test_empty_and_non_mapping_files_are_refused(tmp_path):
    assert "空" in error_of(write(tmp_path, "")).message
    assert "最外层" in error_of(write(tmp_path, "- a\n- b\n", name="list.yaml")).message


def test_missing_file_says_so(tmp_path):
    assert "找不到这个文件" in error_of(tmp_path / "nope.yaml").message
