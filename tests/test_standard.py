"""The bundled standard and the loading of user-supplied standards."""

from __future__ import annotations

import re

import pytest
import yaml
from paths import ROOT

from drafter import standard
from drafter.errors import DrafterError

SCHEMA = ROOT / "schemas" / "rule_of_law_report.yaml"


def test_bundled_standard_has_the_five_stable_parts(std):
    assert [p.id for p in std.parts] == ["measures", "leadership", "shortcomings", "plans", "other"]
    assert {p.id for p in std.parts if p.required} == {"measures", "leadership", "shortcomings", "plans"}
    assert not std.part("other").required


def test_accepted_orders_are_exactly_measures_before_shortcomings_before_plans_leadership_anywhere_before_plans(std):
    assert {o.id for o in std.orders} >= {"practice", "regulation", "leadership_first"}
    main = ["measures", "shortcomings", "plans"]
    for order in std.orders:
        seq = order.sequence
        assert [p for p in seq if p in main] == main
        assert seq.index("leadership") < seq.index("plans")
    # Every place leadership may take before plans is one of the accepted orders.
    placed = {tuple(o.sequence).index("leadership") for o in std.orders}
    assert placed == {0, 1, 2}
    assert std.order("regulation").sequence.index("shortcomings") < std.order("regulation").sequence.index("leadership")
    assert std.order("practice").sequence.index("leadership") < std.order("practice").sequence.index("shortcomings")


def test_headings_fill_the_year_and_next_year(std):
    assert std.part("measures").heading_for(2024).startswith("2024年")
    assert std.part("plans").heading_for(2024).startswith("2025年")
    assert "{" not in std.title_for("某县公安局", 2024)


def test_fill_year_keeps_regex_quantifiers():
    assert standard.fill_year(r"^{next_year}年[^。]{0,12}", 2024) == r"^2025年[^。]{0,12}"


def test_every_part_has_recognition_data_and_guidance(std):
    for part in std.parts:
        assert part.guidance and part.content
        assert part.recognition.aliases, part.id
    assert std.part("shortcomings").recognition.cause_cues
    assert len(std.topics) >= 10 and len(std.leadership_facts) >= 5


def test_folded_yaml_text_has_no_spaces_between_chinese_characters(std):
    for part in std.parts:
        assert not re.search(r"[\u4e00-\u9fff，。] [\u4e00-\u9fff，。]", part.guidance), part.id


def _write_variant(tmp_path, mutate):
    data = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "custom.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_custom_standard_is_used(tmp_path):
    def rename(data):
        data["parts"][0]["name"] = "工作举措"

    assert standard.load_standard(_write_variant(tmp_path, rename)).part("measures").name == "工作举措"


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: d["parts"].pop(1), "leadership"),
        (lambda d: d["parts"][2]["recognition"]["cues"].append("([unclosed"), "正则表达式"),
        (lambda d: d["parts"][0].update(requird=True), "是不是想写“required”"),
        (lambda d: d["orders"][0]["sequence"].append("appendix"), "appendix"),
        (lambda d: d.update(version="一"), "整数"),
        (lambda d: d["roles"].update(problems="problems"), "roles 中的 problems"),
        (lambda d: d.update(year_pattern="20\\d{2}年"), "year_pattern"),
    ],
)
def test_malformed_standard_is_refused_with_a_located_chinese_message(tmp_path, mutate, expected):
    path = _write_variant(tmp_path, mutate)
    with pytest.raises(DrafterError) as caught:
        standard.load_standard(path)
    text = str(caught.value)
    assert expected in text
    assert str(path) in text


def test_malformed_standard_via_cli_exits_2_without_traceback(tmp_path, cli_process):
    path = _write_variant(tmp_path, lambda d: d["parts"].pop())
    example = ROOT / "examples" / "county_standard.yaml"
    run = cli_process("validate", example, "--schema", path)
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    assert "other" in run.stderr


def test_a_standard_is_read_once_until_its_file_changes(tmp_path):
    def rename(name):
        return lambda data: data["parts"][0].update(name=name)

    path = _write_variant(tmp_path, rename("工作举措"))
    first = standard.load_standard(path)
    assert standard.load_standard(path) is first  # the same file: parsed and validated once
    _write_variant(tmp_path, rename("本年度主要举措"))
    again = standard.load_standard(path)
    assert again is not first and again.part("measures").name == "本年度主要举措"


def test_a_part_the_input_format_cannot_hold_is_refused_when_validating(tmp_path, cli_process):
    def rename(data):
        data["parts"][4]["id"] = "appendix"
        for order in data["orders"]:
            order["sequence"] = [("appendix" if p == "other" else p) for p in order["sequence"]]

    path = _write_variant(tmp_path, rename)
    assert standard.load_standard(path).part("appendix")  # a valid standard on its own
    run = cli_process("validate", ROOT / "examples" / "county_standard.yaml", "--standard", path)
    assert run.exit_code == 2 and "appendix" in run.stderr and "Traceback" not in run.stderr


def test_roles_name_parts_and_the_year_pattern_finds_years(std):
    assert std.role("themes").id == "measures" and std.role("problems").recognition.cause_cues
    assert [m.group(1) for m in std.year_re.finditer("2024年以来，2025 年将")] == ["2024", "2025"]
    assert not std.year_re.search("12024年")
