"""Single mechanisms of the review, on small texts written for these tests."""

from __future__ import annotations

import yaml
from paths import EXAMPLES

import drafter

COUNTY = next(p for p in EXAMPLES if "county" in p.name)

DRAFT = """\
青川县公安局关于{year}年度法治政府建设情况的报告
{year}年，青川县公安局坚持以习近平法治思想为指导，扎实推进法治公安建设，现将有关情况报告如下。
一、{year}年推进法治政府建设的主要举措和成效
{measures}
二、党政主要负责人履行推进法治建设第一责任人职责情况
局长主持召开党委会专题研究法治建设4次，组织理论学习中心组专题学法6次，在年终述职中专题述法。
将法治建设纳入绩效考核，聘请法律顾问2名，负责人出庭应诉率100%。
三、存在的不足和原因
{shortcomings}
四、{next_year}年工作安排
{plans}
"""


def _check(tmp_path, year=2024, measures="全年法制审核案件620件，案件评查合格率98.2%。", shortcomings=None, plans=None):
    shortcomings = shortcomings or "一是基层执法培训针对性不强，原因是培训需求调研不够。"
    plans = plans or "一是开展基层执法培训需求调研，分层分类组织执法培训。"
    text = DRAFT.format(year=year, next_year=year + 1, measures=measures, shortcomings=shortcomings, plans=plans)
    path = tmp_path / "稿.txt"
    path.write_text(text, encoding="utf-8")
    return drafter.check(path)


def _rules(result, prefix):
    return [f for f in result.findings if f.rule == prefix or f.rule.startswith(prefix + ".")]


def test_the_small_draft_is_clean(tmp_path):
    # (Its parts are far shorter than the standard asks: that is all the review says.)
    assert {f.rule for f in _check(tmp_path).findings} == {"part.too-short"}


def test_identity_numbers_are_flagged_only_with_a_valid_check_digit(tmp_path):
    valid = _check(tmp_path, measures="违法行为人身份证号为11010519491231002X。")
    (f,) = _rules(valid, "privacy.id-number")
    assert f.level == "error" and f.position == 3
    invalid = _check(tmp_path, measures="违法行为人身份证号为110105194912310021。")
    assert not _rules(invalid, "privacy.id-number")


def test_masked_personal_data_passes(tmp_path):
    result = _check(tmp_path, measures="抓获犯罪嫌疑人张某某，查获渝A·1****号车辆，联系电话138****5678。")
    assert not _rules(result, "privacy")


def test_period_terms_are_judged_by_the_year_written_about(tmp_path):
    # 2024: the ninth five-year plan for legal publicity (2026-2030) is not due yet in the measures,
    # but next year's plans may prepare it.
    early = _check(tmp_path, measures="全面启动“九五”普法。")
    (f,) = _rules(early, "term.period")
    assert "2026年" in f.message and "“八五”普法" in f.message
    planned = _check(tmp_path, year=2025, plans="一是开展基层执法培训需求调研，谋划“九五”普法规划。")
    assert not _rules(planned, "term.period")


def test_stated_changes_are_recomputed(tmp_path):
    right = _check(tmp_path, measures="全年刑事案件从上年的800起降至700起，同比下降12.5%。")
    assert not _rules(right, "figures.inconsistent")
    wrong_size = _check(tmp_path, measures="全年刑事案件从上年的800起降至700起，同比下降15.5%。")
    (f,) = _rules(wrong_size, "figures.inconsistent")
    assert "下降12.5%" in f.message
    wrong_way = _check(tmp_path, measures="满意率由92%提高到95%，下降3个百分点。")
    (f,) = _rules(wrong_way, "figures.inconsistent")
    assert "上升3个百分点" in f.message


def test_vague_words_only_where_results_are_reported_without_figures(tmp_path):
    result = _check(tmp_path, measures="多次开展专项检查，治安状况显著改善。", shortcomings="一是多次发生执法不规范问题，原因是培训不够。")
    assert [f.excerpt.strip("…")[:8] for f in _rules(result, "figures.vague")]
    assert all(f.part == "measures" for f in _rules(result, "figures.vague"))
    figured = _check(tmp_path, measures="开展专项检查12次，治安警情显著下降。")
    assert not _rules(figured, "figures.vague")


def test_each_shortcoming_item_is_judged_on_its_own(tmp_path):
    result = _check(tmp_path, shortcomings=(
        "（一）执法培训针对性不强。原因是培训需求调研不够。\n"
        "（二）涉案财物入库登记不及时，个别案件超期未入库。\n"
        "（三）宣传力度需进一步加强。"
    ), plans="一是开展培训需求调研。二是对涉案财物入库登记实行超时提醒。三是拓展宣传渠道。")
    no_cause = _rules(result, "shortcoming.no-cause")
    assert [f.excerpt[:3] for f in no_cause] == ["（二）", "（三）"]
    (boilerplate,) = _rules(result, "shortcoming.boilerplate")
    assert boilerplate.excerpt.startswith("（三）")


def test_a_shortcoming_without_a_plan_is_named(tmp_path):
    result = _check(tmp_path, shortcomings=(
        "一是执法培训针对性不强，原因是培训需求调研不够。二是涉案财物入库登记不及时，原因是交接流程不细。"
    ), plans="一是开展执法培训需求调研，分层分类组织培训。")
    (f,) = _rules(result, "plans.unanswered")
    assert "涉案财物" in f.message


def test_plans_for_a_past_year_and_results_dated_after_the_year(tmp_path):
    result = _check(tmp_path, measures="截至2025年1月，已完成系统升级。", plans="2024年，我局将重点抓好执法培训。")
    (stale,) = [f for f in result.findings if f.rule == "plans.year"]
    assert stale.part == "plans" and "2025年" in stale.message
    (late,) = _rules(result, "plans.year.result-date")
    assert late.part == "measures"


def test_the_same_quantity_stated_twice_with_different_values(tmp_path):
    result = _check(tmp_path, measures="全年法制审核各类案件620件。经统计，全年法制审核各类案件602件。")
    (f,) = _rules(result, "figures.inconsistent.restated")
    assert "620件" in f.message


def test_a_wrong_order_is_still_warned_and_leadership_first_is_not(tmp_path):
    text = DRAFT.format(year=2024, next_year=2025, measures="全年法制审核案件620件。",
                        shortcomings="一是培训不足，原因是经费有限。", plans="一是加强培训。")
    lines = text.splitlines()
    plans_first = lines[:2] + lines[2:4] + lines[-2:] + lines[4:-2]
    path = tmp_path / "乱序.txt"
    path.write_text("\n".join(plans_first), encoding="utf-8")
    assert any("顺序" in w for w in drafter.check(path).warnings)
    leader_first = lines[:2] + lines[4:7] + lines[2:4] + lines[7:]
    path.write_text("\n".join(leader_first), encoding="utf-8")
    result = drafter.check(path)
    assert not any("顺序" in w for w in result.warnings) and result.complete


def test_order_labels_describe_the_sequence_without_claims(std):
    for order in std.orders:
        assert "多数" not in order.name and "省份" not in order.name
    assert {o.id for o in std.orders} == {"practice", "regulation", "leadership_first"}


def test_leftover_blanks_like_xxx_are_blanks_everywhere(tmp_path, std):
    draft = _check(tmp_path, shortcomings="XXX")
    assert next(p for p in draft.parts if p.id == "shortcomings").status == "missing"
    (f,) = _rules(draft, "placeholder")
    assert f.level == "error" and f.excerpt == "XXX"
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    data["leadership"][0]["text"] += "全年学法××次。"
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    validation = drafter.validate(path)
    assert not validation.complete
    assert any(f.rule == "placeholder" and "××" in f.message for f in validation.findings)


def test_input_findings_point_at_the_line_of_the_text(tmp_path):
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    data["plans"][1]["text"] += "截至目前，已完成前期调研。"
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    validation = drafter.validate(path)
    (f,) = [f for f in validation.review if f.rule == "time.relative"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "截至目前" in lines[f.line - 1] and f.path == "plans[1].text" and f.part == "plans"
