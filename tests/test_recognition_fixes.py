"""Recognition fixes from real reports: dates and page furniture above the title, the
leadership part under other words or only stated in the body, sub-headings that read like
later parts, accepted orders, and a template nobody filled in."""

from __future__ import annotations

import pytest

import drafter
from drafter.document import Document

MEASURES = "全年法制审核案件{n}件，纠正执法问题{k}个，执法质量考评优秀率达到96%，案件办理更加规范。"


def _check(lines: list[str]):
    document = Document(source="稿件.txt")
    for line in lines:
        document.add("paragraph", line)
    return drafter.check(document)


def _statuses(result) -> dict[str, str]:
    return {p.id: p.status for p in result.parts if p.required}


def _body(n: int = 3) -> list[str]:
    return [MEASURES.format(n=100 + 7 * k, k=k + 2) * 2 for k in range(n)]


def test_page_furniture_and_a_date_line_never_set_the_year_and_are_front_matter():
    lines = [
        "索引号：11500101/2019-00123", "发布机构：某区公安局", "今天是：2019年10月31日 星期四", "浏览次数：128",
        "2019年3月20日",
        "某区公安局关于2018年度法治政府建设情况的报告",
        "2018年，我局深入推进法治政府建设。",
        "一、主要举措和成效", *_body(),
        "二、党政主要负责人履行推进法治建设第一责任人职责情况", "局长主持党委会专题研究法治建设5次。",
        "三、存在的不足和原因", "基层执法力量不足，主要原因是新警比例较高。",
        "四、2019年工作安排", "将继续加强执法培训。",
    ]
    result = _check(lines)
    assert result.year == 2018
    assert _statuses(result) == dict.fromkeys(("measures", "leadership", "shortcomings", "plans"), "found")
    plans = next(p for p in result.parts if p.id == "plans")
    assert plans.evidence.startswith("四、")  # not the title, which names 2019 too
    front = [f for f in result.findings if f.rule == "front.page-furniture"]
    assert len(front) == 1 and front[0].level == "info" and "5 行" in front[0].message and front[0].position == 0


def test_a_date_line_is_never_a_heading():
    result = _check(["某县公安局2024年法治政府建设情况", "2025年1月5日", *_body(2)])
    assert not any("2025年1月5日" in (p.evidence or "") for p in result.parts)


@pytest.mark.parametrize("heading", ["加强领导组织，压实第一责任", "强化领导责任，统筹推进法治建设", "主要负责人带头推进法治建设情况"])
def test_leadership_headings_in_other_words_are_found(heading):
    lines = ["一、主要举措和成效", *_body(), f"二、{heading}", "局长主持党委会研究法治建设4次。",
             "三、存在的不足和原因", "执法力量不足，原因是编制紧张。", "四、下一步工作安排", "将加强培训。"]
    assert _statuses(_check(lines))["leadership"] == "found"


def test_the_duty_stated_inside_the_measures_makes_leadership_partial_with_that_sentence():
    lines = [
        "一、主要举措和成效",
        "（一）规范执法办案", *_body(1),
        "全年工作有序推进，局党委书记切实扛起法治建设第一责任人职责，定期听取执法情况汇报。",
        "（二）深化执法监督", *_body(1),
        "二、存在的不足和原因", "执法力量不足，原因是编制紧张。",
        "三、下一步工作安排", "将加强培训。",
    ]
    leadership = next(p for p in _check(lines).parts if p.id == "leadership")
    assert leadership.status == "partial"
    assert "扛起法治建设第一责任人职责" in leadership.evidence and leadership.position == 3


def test_a_cue_inside_a_section_whose_sub_headings_go_on_does_not_start_a_part():
    lines = [
        "一、主要举措和成效",
        "（一）规范执法办案", *_body(1),
        "局主要负责人认真履行推进法治建设第一责任人职责，带头学法述法。",
        "（二）深化执法监督", *_body(1),
        "二、存在的不足和原因", "执法力量不足，原因是编制紧张。", "三、下一步工作安排", "将加强培训。",
    ]
    result = _check(lines)
    assert _statuses(result)["leadership"] == "partial"
    assert not any(f.rule == "part.order" for f in result.findings)


def test_sub_headings_of_the_measures_that_read_like_later_parts_stay_measures():
    lines = [
        "一、主要举措和成效",
        "（一）着眼下一步安排，完善执法制度体系", *_body(1),
        "（二）正视执法短板不足，强化执法监督", *_body(1),
        "二、党政主要负责人履行推进法治建设第一责任人职责情况", "局长主持党委会研究法治建设4次。",
    ]
    statuses = _statuses(_check(lines))
    assert statuses == {"measures": "found", "leadership": "found", "shortcomings": "missing", "plans": "missing"}


@pytest.mark.parametrize(
    "order, warned",
    [
        (["measures", "leadership", "shortcomings", "plans"], False),
        (["measures", "shortcomings", "leadership", "plans"], False),
        (["leadership", "measures", "shortcomings", "plans"], False),
        (["measures", "shortcomings", "plans", "leadership"], True),
        (["shortcomings", "measures", "leadership", "plans"], True),
    ],
)
def test_accepted_orders_warn_only_outside_them(order, warned):
    sections = {
        "measures": ["主要举措和成效", *_body()],
        "leadership": ["党政主要负责人履行推进法治建设第一责任人职责情况", "局长主持党委会研究法治建设4次。"],
        "shortcomings": ["存在的不足和原因", "执法力量不足，原因是编制紧张。"],
        "plans": ["下一步工作安排", "将加强培训。"],
    }
    lines = []
    for k, part in enumerate(order):
        heading, *body = sections[part]
        lines += [f"{'一二三四'[k]}、{heading}", *body]
    result = _check(lines)
    assert any(f.rule == "part.order" for f in result.findings) == warned


def test_a_docx_rendered_from_an_untouched_init_skeleton_checks_incomplete(cli, tmp_path):
    skeleton = tmp_path / "待填写.yaml"
    assert cli("init", skeleton, "--unit", "青岚区公安局", "--year", "2025").exit_code == 0
    draft = tmp_path / "草稿.docx"
    cli("render", skeleton, "-o", draft, "--allow-incomplete")
    run = cli("check", draft, "--format", "json")
    assert run.exit_code == 1
    import json

    payload = json.loads(run.stdout)
    assert payload["complete"] is False
    assert {p["id"]: p["status"] for p in payload["parts"] if p["id"] != "other"} == dict.fromkeys(
        ("measures", "leadership", "shortcomings", "plans"), "missing")


def test_a_part_with_one_blank_left_among_real_text_is_still_found():
    lines = ["一、主要举措和成效", *_body(), "全年受理群众投诉【待补充：本年数值】件。",
             "二、党政主要负责人履行推进法治建设第一责任人职责情况", "局长主持党委会研究法治建设4次，年终专题述法。" * 3,
             "三、存在的不足和原因", "执法力量不足，原因是编制紧张。", "四、下一步工作安排", "将加强培训。"]
    assert _statuses(_check(lines))["measures"] == "found"
