"""Telling headings from body text: numbering variants, run-in headings, styles, bold lines."""

from __future__ import annotations

import pytest

from drafter.checking.headings import Analyser
from drafter.document import Document


def _units(std, *blocks):
    document = Document(source="t")
    for block in blocks:
        if isinstance(block, tuple):
            text, attrs = block[0], dict(block[1])
            document.add(attrs.pop("kind", "paragraph"), text, **attrs)
        else:
            document.add("paragraph", block)
    return Analyser(std).analyse(document)


# An opening paragraph first, so that short lines are not taken for a title.
OPENING = "2024年，我局深入推进法治公安建设，各项工作取得新进展。"


@pytest.mark.parametrize(
    "line, level, number, words",
    [
        ("一、主要举措和成效", 1, 1, "主要举措和成效"),
        ("二.存在的不足", 1, 2, "存在的不足"),
        ("三，下一步工作安排", 1, 3, "下一步工作安排"),
        ("四 、其他情况", 1, 4, "其他情况"),
        ("十二、加强队伍建设", 1, 12, "加强队伍建设"),
        ("第一部分 主要工作", 1, 1, "主要工作"),
        ("第三部分：存在问题", 1, 3, "存在问题"),
        ("（一）强化执法监督", 2, 1, "强化执法监督"),
        ("(二)深化普法宣传", 2, 2, "深化普法宣传"),
        ("（三）、推进政务公开", 2, 3, "推进政务公开"),
        ("1.规范案件审核", 3, 1, "规范案件审核"),
        ("2、完善考评机制", 3, 2, "完善考评机制"),
        ("3．加强执法培训", 3, 3, "加强执法培训"),
        ("１．全角数字编号", 3, 1, "全角数字编号"),
        ("（1）落实法制员制度", 4, 1, "落实法制员制度"),
        ("(2)开展案件评查", 4, 2, "开展案件评查"),
    ],
)
def test_numbered_heading_variants(std, line, level, number, words):
    unit = _units(std, OPENING, line)[1]
    assert (unit.role, unit.level, unit.number, unit.heading, unit.run_in) == ("heading", level, number, words, False)


def test_run_in_heading_is_the_first_sentence(std):
    unit = _units(std, OPENING, "（二）聚焦执法规范化建设。一是完善制度。二是加强监督。")[1]
    assert unit.role == "heading" and unit.run_in
    assert (unit.level, unit.heading) == (2, "聚焦执法规范化建设")


@pytest.mark.parametrize(
    "line",
    [
        "一是完善依法决策机制。坚持法定职责必须为。",
        "二是强化执法监督，健全通报制度。",
        "2024年全区共发刑事案件1546起，同比下降。",
        "12.5%的案件实现网上办理，群众满意度明显提升，办事时间大幅缩短，获得广泛好评。",
        "全年共开展执法培训8期，参训民警600人次，执法资格考试通过率达到98%以上。",
        "局党委高度重视法治建设。",
    ],
)
def test_body_text_and_inline_enumerations_are_not_headings(std, line):
    unit = _units(std, OPENING, line)[1]
    assert unit.role == "para"


def test_inline_enumeration_number_is_kept_for_the_order_rules(std):
    assert _units(std, OPENING, "三是加强执法培训。")[1].inline == 3


def test_short_standalone_and_bold_lines_are_headings_of_unknown_level(std):
    units = _units(
        std,
        OPENING,
        "存在的不足和原因",
        ("执法培训不够系统，原因是培训经费不足、师资力量薄弱，一线民警参训机会少，培训内容与实战需求脱节。", {"bold": True}),
        ("下一步工作安排。", {"bold": True}),
    )
    assert [(u.role, u.level) for u in units[1:]] == [("heading", 0), ("para", 0), ("heading", 0)]
    assert units[3].heading == "下一步工作安排"


def test_word_heading_styles_and_outline_levels_give_the_level(std):
    units = _units(
        std,
        OPENING,
        ("主要举措和成效", {"kind": "heading", "level": 1, "style": "Heading 1"}),
        ("（一）依法打击犯罪", {"kind": "heading", "level": 1, "style": "自定义标题"}),
    )
    assert (units[1].role, units[1].level, units[1].numbered) == ("heading", 1, False)
    # Numbering wins over a mis-set style level: （一） is a second-level heading.
    assert (units[2].level, units[2].heading) == (2, "依法打击犯罪")


def test_title_recipient_and_web_metadata_are_set_apart(std):
    units = _units(
        std,
        "索引号：11500101/2025-00012 | 主题分类：公安 |",
        "发布日期：2025-03-10",
        "某区公安局关于2024年度法治政府建设情况的报告",
        "区人民政府：",
        OPENING,
        "一、主要举措和成效",
    )
    assert [u.role for u in units] == ["meta", "meta", "title", "front", "para", "heading"]


def test_a_line_naming_a_part_right_after_the_title_is_a_heading(std):
    units = _units(std, "某县公安局2024年法治政府建设工作报告", "存在的不足和原因", "执法力量不足，原因是编制紧张。")
    assert [u.role for u in units] == ["title", "heading", "para"]


def test_a_long_first_line_is_content_not_title(std):
    units = _units(std, "年，万象县公安局在县委县政府领导下，坚持依法行政，各项工作取得新成效，现报告如下。")
    assert units[0].role == "para"


def test_a_title_set_in_heading_1_is_still_the_title_unless_it_names_a_part(std):
    title = ("某区公安局2024年法治政府建设情况报告", {"kind": "heading", "level": 1})
    part = ("主要举措和成效", {"kind": "heading", "level": 1})
    assert [u.role for u in _units(std, title, part, OPENING)] == ["title", "heading", "para"]
    assert [u.role for u in _units(std, part, OPENING)] == ["heading", "para"]
