"""Completeness rules on a filled input, one rule at a time."""

from __future__ import annotations

import copy

import pytest
import yaml
from paths import EXAMPLES

from drafter.drafting import completeness
from drafter.drafting import input as model

BASE = yaml.safe_load(EXAMPLES[0].read_text(encoding="utf-8")) if EXAMPLES else None


def findings_for(tmp_path, std, mutate):
    data = copy.deepcopy(BASE)
    mutate(data)
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report, located = model.load(path)
    return completeness.check(report, std, located)


def codes(findings, severity=None):
    return [f.rule for f in findings if severity is None or f.level == severity]


@pytest.mark.parametrize("part", ["measures", "leadership", "shortcomings", "plans"])
@pytest.mark.parametrize("empty", [None, []])
def test_a_missing_required_part_is_an_error(tmp_path, std, part, empty):
    found = findings_for(tmp_path, std, lambda d: d.__setitem__(part, empty))
    errors = [f for f in found if f.level == "error"]
    assert [(f.rule, f.part) for f in errors] == [("part.missing", part)]
    assert not completeness.is_complete(found)


def test_other_is_optional(tmp_path, std):
    assert completeness.is_complete(findings_for(tmp_path, std, lambda d: d.__setitem__("other", None)))


def test_shortcoming_without_cause_is_an_error_at_its_line(tmp_path, std):
    found = findings_for(tmp_path, std, lambda d: d["shortcomings"][1].pop("cause"))
    (f,) = [f for f in found if f.rule == "shortcoming.no-cause"]
    assert f.path == "shortcomings[1].cause" and f.line and "原因" in f.message
    assert f.place == "第2条不足的“原因”" and f.spot == f"第2条不足的“原因”（第{f.line}行）"


def test_minimum_items_and_chars(tmp_path, std):
    def shrink(d):
        d["measures"] = d["measures"][:1]
        d["measures"][0]["points"] = [{"text": "开展了工作。"}]

    found = findings_for(tmp_path, std, shrink)
    assert "part.too-few" in codes(found, "error")
    # A part shorter than the guidance is advice: it never blocks rendering.
    assert "part.too-short" in codes(found, "warning") and "part.too-short" not in codes(found, "error")


def test_plan_answers_must_name_a_shortcoming(tmp_path, std):
    found = findings_for(tmp_path, std, lambda d: d["plans"][0].__setitem__("answers", "s9"))
    (f,) = [f for f in found if f.rule == "plans.unknown-answer"]
    assert f.path == "plans[0].answers"


def validation_for(tmp_path, mutate):
    """validate() as the command runs it: completeness and the content review."""
    import drafter

    data = copy.deepcopy(BASE)
    mutate(data)
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return drafter.validate(path)


def test_missing_leadership_facts_are_review_warnings_that_leave_the_input_complete(tmp_path, std):
    def vague(d):
        d["leadership"] = [{"text": "主要负责人高度重视法治建设，亲自过问重要工作。" * 10},
                           {"text": "主要负责人带头尊法学法守法用法，推动各项工作落实。" * 10}]

    validation = validation_for(tmp_path, vague)
    assert validation.complete
    missing = [f for f in validation.review if f.rule == "leadership.fact-missing"]
    # The slogan 尊法学法守法用法 does not count as stating the study sessions.
    assert len(missing) == len(std.leadership_facts)
    assert all(f.level == "warning" and f.path == "leadership" and f.line for f in missing)


def test_a_leadership_fact_stated_without_its_count_is_a_review_warning(tmp_path, std):
    def uncounted(d):
        d["leadership"][0]["text"] = "局长坚持把学习贯彻习近平法治思想列入局党委会“第一议题”，组织理论学习中心组专题学法。"

    validation = validation_for(tmp_path, uncounted)
    (f,) = [f for f in validation.review if f.rule == "leadership.fact-missing.count"]
    assert "学法" in f.message and f.path == "leadership[0].text"


def test_year_consistency_warnings(tmp_path, std):
    def stale(d):
        year = d["meta"]["year"]
        d["preamble"] = [f"{year - 1}年，全局上下认真贯彻落实各项部署。"]
        d["plans"][0]["text"] = f"{year}年将继续推进执法规范化建设。" + d["plans"][0]["text"]
        d["meta"]["date"] = f"{year}-12-30"

    validation = validation_for(tmp_path, stale)
    assert {"year.opening-stale", "meta.date-year"} <= set(codes(validation.findings, "warning"))
    (plans,) = [f for f in validation.review if f.rule == "plans.year"]
    assert plans.path == "plans[0].text" and plans.level == "warning"
    assert validation.complete


def test_unknown_order_and_topic(tmp_path, std):
    def bad(d):
        d["meta"]["order"] = "reverse"
        d["measures"][0]["topic"] = "law_enforcment"

    found = findings_for(tmp_path, std, bad)
    assert "meta.unknown-order" in codes(found, "error")
    (topic,) = [f for f in found if f.rule == "measures.unknown-topic"]
    assert "law_enforcement" in topic.message


def test_blank_left_from_init_is_an_error(tmp_path, std):
    found = findings_for(tmp_path, std, lambda d: d["plans"][2].__setitem__("text", std.blank("安排")))
    (f,) = [f for f in found if f.rule == "placeholder"]
    assert f.path == "plans[2].text" and f.part == "plans"
