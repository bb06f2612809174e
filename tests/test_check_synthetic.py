"""Drafts invented for these tests (not the seeds), to keep recognition general."""

from __future__ import annotations

import docx
import pytest
import yaml
from paths import ROOT

import drafter
from drafter import reading as readers
from drafter import standard
from drafter.checking.recognize import recognize

PART_NUMBERED_REGULATION_ORDER = """\
青川县公安局2023年度法治政府建设情况报告
2023年，青川县公安局坚持以习近平法治思想为指导，围绕法治公安建设目标扎实工作，现将有关情况报告如下。
第一部分 主要工作及成效
一、执法质量稳步提升。全年法制审核案件800余件，开展案件评查12次，发现并整改问题46个。
二、政务服务更加便捷。户政、出入境等高频事项实现网上办理，平均办理时间缩短三成。
第二部分 存在的不足及原因
一是基层执法能力参差不齐，主要原因是新警比例较高、岗位培训覆盖不足。二是信息化支撑不够，由于经费有限，部分执法系统尚未升级。
第三部分 党政主要负责人履行推进法治建设第一责任人职责情况
一、带头学法。局党委书记、局长主持理论学习中心组专题学法5次。
二、研究部署。主持召开党委会专题研究法治建设4次，并在年终述职中专题述法。
第四部分 2024年工作打算
一是继续推进执法规范化建设。二是分层分类开展执法培训。三是推进执法监督平台升级。
"""

PRACTICE_ORDER_NO_CAUSES = """\
一、2023年推进法治政府建设的主要举措和成效
（一）强化执法监督。建立执法问题通报制度，每月通报一次。
（二）深化普法宣传。落实谁执法谁普法责任制，开展以案释法活动30场。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局长认真履行第一责任人职责，带头述法，带头出庭应诉2次。
三、存在的不足
一是执法培训针对性不强。二是执法公开的广度不够。三是基层所队法制力量薄弱。
四、下一步工作安排
一是改进执法培训。二是扩大执法公开范围。三是充实基层法制员队伍。
"""

UNHEADED_PLANS_BY_NEXT_YEAR = """\
一、主要举措和成效
2023年共办理行政复议案件15件，行政应诉案件8件，负责人出庭应诉率达到100%。
二、主要负责人履行第一责任人职责情况
局党委专题研究法治建设工作6次，主要负责人带头述法。
三、存在的问题和不足
受编制所限，法制部门人手紧张，导致案件审核周期偏长。
2024年，我局将着力充实法制审核力量，推动案件审核提速增效。
"""

PLACEHOLDER_SHORTCOMINGS = """\
一、主要举措和成效
全年开展执法检查20次，整改问题35个，群众满意度持续提升。
二、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法、述法，主持研究法治建设重大事项。
三、存在的不足和原因
【待补充：存在的不足和原因】
四、下一步工作安排
一是深化执法监督。二是加强队伍培训。
"""

NOT_A_REPORT = """\
关于举办2024年职工乒乓球比赛的通知
各科室：
为丰富职工文化生活，经研究，定于5月中旬举办职工乒乓球比赛。
一、比赛项目
男子单打、女子单打、混合双打。
二、报名方式
请各科室于5月5日前将报名表报送工会办公室。
"""


def _check(tmp_path, text, std, name="draft.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return recognize(readers.read(path), std)


def _reviewed(tmp_path, text, name="draft.txt"):
    """Recognition and the content review together, as drafter check runs them."""
    import drafter

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return drafter.check(path)


def _statuses(result):
    return {p.id: p.status for p in result.parts}


def test_part_headings_with_nested_numbering_in_regulation_order(tmp_path, std):
    result = _check(tmp_path, PART_NUMBERED_REGULATION_ORDER, std)
    assert _statuses(result) == {
        "measures": "found", "leadership": "found", "shortcomings": "found", "plans": "found", "other": "missing",
    }
    leadership = next(p for p in result.parts if p.id == "leadership")
    assert leadership.evidence.startswith("第三部分")
    assert result.complete
    # Regulation order is accepted and the shortcomings give their causes.
    assert result.warnings == []


def test_nested_一_headings_inside_a_part_do_not_become_themed_measures(tmp_path, std):
    result = _check(tmp_path, PART_NUMBERED_REGULATION_ORDER, std)
    measures = next(p for p in result.parts if p.id == "measures")
    assert measures.evidence.startswith("第一部分") and "主题" not in measures.evidence


def test_shortcomings_listed_without_causes_warn(tmp_path, std):
    result = _reviewed(tmp_path, PRACTICE_ORDER_NO_CAUSES)
    assert result.complete
    # One warning per item without a cause, each quoting its item.
    no_cause = [f for f in result.findings if f.rule == "shortcoming.no-cause"]
    assert [f.excerpt[:2] for f in no_cause] == ["一是", "二是", "三是"]
    assert [w for w in result.warnings if "原因" in w]
    assert not [w for w in result.warnings if "顺序" in w]


def test_plans_without_heading_are_found_from_the_next_year_opening(tmp_path, std):
    result = _reviewed(tmp_path, UNHEADED_PLANS_BY_NEXT_YEAR)
    plans = next(p for p in result.parts if p.id == "plans")
    assert plans.status == "found" and plans.position == 6
    assert "无标题" in plans.evidence
    assert not [w for w in result.warnings if "原因" in w]  # 受……所限 / 导致 name causes


def test_a_part_holding_only_a_placeholder_counts_as_missing(tmp_path, std):
    result = _reviewed(tmp_path, PLACEHOLDER_SHORTCOMINGS)
    shortcomings = next(p for p in result.parts if p.id == "shortcomings")
    assert shortcomings.status == "missing"
    assert "待补充" in shortcomings.evidence and shortcomings.position == 4
    assert _statuses(result)["plans"] == "found"
    assert not result.complete
    (blank,) = [f for f in result.findings if f.rule == "placeholder"]
    assert blank.level == "error" and blank.position == 5 and "待补充" in blank.excerpt


def test_a_text_that_is_not_a_report_says_so(tmp_path, std):
    result = _check(tmp_path, NOT_A_REPORT, std)
    assert not result.complete
    assert [w for w in result.warnings if "不像法治政府建设年度报告" in w]
    statuses = _statuses(result)
    assert statuses["leadership"] == statuses["shortcomings"] == statuses["plans"] == "missing"


def test_report_sections_turn_after_shortcomings_so_an_untitled_heading_there_continues_it(tmp_path, std):
    text = PRACTICE_ORDER_NO_CAUSES.replace("四、下一步工作安排", "四、原因分析\n主要是由于培训经费不足。\n五、下一步工作安排")
    result = _check(tmp_path, text, std)
    assert _statuses(result)["measures"] == "found"
    measures = next(p for p in result.parts if p.id == "measures")
    assert "主题" not in measures.evidence
    assert not [w for w in result.warnings if "原因" in w]  # the cause analysis belongs to the shortcomings


def test_bold_unnumbered_headings_in_word(tmp_path, std):
    document = docx.Document()
    body = {
        "主要举措和成效": "全年办理刑事案件1200起，法制审核覆盖率100%。",
        "党政主要负责人履行第一责任人职责情况": "局长主持党委会专题研究法治建设5次，年终专题述法。",
        "存在的不足和原因": "执法培训不够系统，原因是培训经费和师资不足。",
        "下一年度工作打算": "将完善培训体系，分批轮训一线民警。",
    }
    document.add_paragraph().add_run("东岭区公安局2024年法治政府建设情况报告").bold = True
    for heading, text in body.items():
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(text)
    path = tmp_path / "bold.docx"
    document.save(path)
    result = recognize(readers.read(path), std)
    assert result.complete, [(p.id, p.status, p.evidence) for p in result.parts]
    assert [p.position for p in result.parts if p.required] == [1, 3, 5, 7]


def test_report_laid_out_in_a_table_is_read_cell_by_cell(tmp_path, std):
    document = docx.Document()
    rows = [
        ("一、主要举措和成效", "全年开展执法培训8期，参训民警600人次。"),
        ("二、主要负责人履行第一责任人职责情况", "主要负责人带头学法，主持研究法治建设重大问题。"),
        ("三、存在的不足和原因", "执法监督手段单一，主要原因是信息化建设滞后。"),
        ("四、下一步工作安排", "一是升级执法监督平台。二是推进案件网上审核。"),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (heading, text) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = heading, text
    path = tmp_path / "table.docx"
    document.save(path)
    result = recognize(readers.read(path), std)
    assert result.complete
    assert [p.position for p in result.parts if p.required] == [0, 2, 4, 6]


@pytest.mark.parametrize("numbering", ["一、", "一.", "一，", "第一部分 "])
def test_top_level_numbering_variants(tmp_path, std, numbering):
    text = PRACTICE_ORDER_NO_CAUSES
    for n in "一二三四":
        text = text.replace(f"{n}、", numbering.replace("一", n))
    result = _check(tmp_path, text, std)
    assert result.complete, (numbering, [(p.id, p.status) for p in result.parts])


def test_markdown_draft(tmp_path, std):
    text = "# 南江县公安局2024年法治政府建设情况报告\n\n" + "\n\n".join(
        f"## {line}" if line[1] == "、" else line for line in PRACTICE_ORDER_NO_CAUSES.splitlines()
    )
    result = _check(tmp_path, text, std, name="draft.md")
    assert result.complete
    assert result.year == 2024


def test_closing_formula_signature_and_date_belong_to_no_part(tmp_path, std):
    text = PLACEHOLDER_SHORTCOMINGS.replace(
        "四、下一步工作安排\n一是深化执法监督。二是加强队伍培训。\n",
        "四、下一步工作安排\n【待补充：下一年度主要安排】\n特此报告。\n（此件公开发布）\n松岗县公安局\n2025年2月10日\n",
    )
    result = _check(tmp_path, text, std)
    assert _statuses(result)["plans"] == "missing"


def test_word_signature_and_date_styles_are_back_matter(tmp_path, std):
    document = docx.Document()
    for line in PLACEHOLDER_SHORTCOMINGS.splitlines()[:-1]:
        document.add_paragraph(line)
    document.add_paragraph("【待补充：下一年度主要安排】")
    document.add_paragraph("松岗县公安局", style=document.styles.add_style("Signature", 1))
    document.add_paragraph("二〇二五年二月十日", style=document.styles.add_style("Date", 1))
    path = tmp_path / "signed.docx"
    document.save(path)
    blocks = readers.read(path).blocks
    assert [b.kind for b in blocks[-2:]] == ["signature", "date"]
    assert _statuses(recognize(readers.read(path), std))["plans"] == "missing"


def test_a_short_line_naming_an_earlier_part_does_not_reopen_it(tmp_path, std):
    text = PRACTICE_ORDER_NO_CAUSES.replace("一是改进执法培训。", "主要工作\n一是推广枫桥经验，改进执法培训。")
    result = _check(tmp_path, text, std)
    assert _statuses(result)["plans"] == "found"
    # The plans' text did not become measures: no measures section after the plans begin.
    sequence = [s.part for s in result.sections]
    assert sequence == ["measures", "leadership", "shortcomings", "plans"]


def test_unheaded_leadership_is_found_from_its_opening_and_other_from_its_heading(tmp_path, std):
    text = """\
一、2024年推进法治政府建设的主要举措和成效
全年法制审核案件620件，案件评查合格率98%。
开展“谁执法谁普法”活动40场，覆盖群众3万人次。
局党委书记、局长作为主要负责人，认真履行推进法治建设第一责任人职责，主持专题学法6次。
二、存在的不足和原因
执法监督覆盖不全，原因是监督平台功能单一。
三、2025年工作安排
一是升级执法监督平台。二是推进普法进社区。
四、其他需要报告的情况
本年度未发生行政执法过错责任追究事项。
"""
    result = _check(tmp_path, text, std)
    parts = {p.id: p for p in result.parts}
    assert parts["leadership"].status == "found" and parts["leadership"].position == 3
    assert parts["other"].status == "found"
    assert result.complete and result.warnings == []


@pytest.mark.parametrize(
    "original, variant, part",
    [
        ("一、2023年推进法治政府建设的主要举措和成效", "一、主要工作及成效", "measures"),
        ("一、2023年推进法治政府建设的主要举措和成效", "一、2023年法治政府建设取得的成效", "measures"),
        ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "二、主要负责人履职情况", "leadership"),
        ("三、存在的不足", "三、存在的主要问题", "shortcomings"),
        ("三、存在的不足", "三、工作中的薄弱环节", "shortcomings"),
        ("四、下一步工作安排", "四、2024年工作思路", "plans"),
        ("四、下一步工作安排", "四、下步打算", "plans"),
    ],
)
def test_real_world_part_heading_wordings(tmp_path, std, original, variant, part):
    result = _check(tmp_path, PRACTICE_ORDER_NO_CAUSES.replace(original, variant), std)
    found = next(p for p in result.parts if p.id == part)
    assert (found.status, found.evidence) == ("found", variant)
    assert result.complete


# A draft whose measures mention problems in passing: only a paragraph's first
# sentence says which part begins, so the later 存在…不足 does not start the shortcomings.
PROBLEMS_MENTIONED_IN_PASSING = """\
青禾县公安局2024年度法治政府建设情况报告
2024年，青禾县公安局坚持以习近平法治思想为指导，推进法治公安建设，现将有关情况报告如下。
一、主要举措和成效
深化执法办案管理中心建设，涉案人员全部进入中心办理，全程录音录像，法制民警现场指导取证，执法规范化水平持续提高，执法质量考评成绩位居全市前列，执法办案安全事故为零。
全年开展执法检查24次，覆盖全部派出所和执法办案单位，检查结果纳入绩效考核。各单位对照检查清单逐项自查，存在的问题和不足已全部整改。
开展行政复议和行政应诉工作，负责人出庭应诉率达到100%，全年行政诉讼无败诉案件，依法化解行政争议的能力明显增强，群众对公安执法工作的满意度进一步提升。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局长带头学法6次，主持党委会研究法治建设4次，年终专题述法。
一段时间以来，我局推进法治建设仍存在一些不足。一是执法培训覆盖不全，原因是警力紧张。二是信息化监督手段不足，原因是系统尚未联通。
下一步，我局将重点抓好执法培训和监督平台建设。
"""


def test_only_the_first_sentence_of_a_paragraph_cues_a_part(tmp_path, std):
    result = _check(tmp_path, PROBLEMS_MENTIONED_IN_PASSING, std)
    parts = {p.id: p for p in result.parts}
    assert parts["measures"].status == "found" and parts["measures"].position == 2
    # Paragraph 4 mentions 存在的问题和不足 in its second sentence: not the part's start.
    assert parts["shortcomings"].status == "found" and parts["shortcomings"].position == 8
    assert parts["plans"].status == "found" and parts["plans"].position == 9


def test_the_missing_cause_warning_names_plain_examples_not_patterns(tmp_path):
    # A unit's standard may list a pattern first; the warning still shows words.
    data = yaml.safe_load((ROOT / "schemas" / "rule_of_law_report.yaml").read_text(encoding="utf-8"))
    cues = data["parts"][2]["recognition"]["cause_cues"]
    cues.sort(key=lambda c: c.isalpha())
    assert not cues[0].isalpha()
    path = tmp_path / "standard.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    std = standard.load_standard(path)
    draft = tmp_path / "draft.txt"
    draft.write_text(PRACTICE_ORDER_NO_CAUSES, encoding="utf-8")
    result = drafter.check(draft, standard=std)
    warnings = [f for f in result.findings if f.rule == "shortcoming.no-cause"]
    plain = [c for c in std.role("problems").recognition.cause_cues if c.isalpha()][:3]
    assert len(warnings) == 3  # one per item without a cause
    for warning in warnings:
        assert len(plain) == 3 and all(f"“{c}”" in warning.message for c in plain)
        assert not any(ch in warning.message for ch in "[]{}\\^$|")
        assert warning.position == next(p.position for p in result.parts if p.id == "shortcomings") + 1
