"""drafter init, validate and schema, end to end through the CLI."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from paths import EXAMPLES

from drafter import yamlio


@pytest.fixture
def skeleton(tmp_path, cli):
    path = tmp_path / "x.yaml"
    run = cli("init", path, "--unit", "测试县公安局", "--year", "2025")
    assert run.exit_code == 0, run.stderr
    return path


def test_init_writes_a_skeleton_and_the_editor_schema(skeleton):
    text = skeleton.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./drafter-input.schema.json\n")
    data = yaml.safe_load(text)
    assert data["meta"]["unit"] == "测试县公安局" and data["meta"]["year"] == 2025
    for part in ("measures", "leadership", "shortcomings", "plans", "other"):
        assert part in data
    assert "2026年" in text  # plans are for the next year
    schema = json.loads((skeleton.parent / "drafter-input.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["meta"]


def test_init_comments_carry_the_standards_guidance(skeleton, std):
    text = skeleton.read_text(encoding="utf-8")
    assert std.part("shortcomings").guidance[:20] in text
    assert std.topics[0].id in text and std.leadership_facts[0].name in text


def test_init_refuses_to_overwrite_without_force(skeleton, cli):
    skeleton.write_text("我的内容", encoding="utf-8")
    run = cli("init", skeleton, "--unit", "测试县公安局", "--year", "2025")
    assert run.exit_code == 2
    assert "--force" in run.stderr
    assert skeleton.read_text(encoding="utf-8") == "我的内容"
    assert cli("init", skeleton, "--unit", "测试县公安局", "--year", "2025", "--force").exit_code == 0
    assert "meta:" in skeleton.read_text(encoding="utf-8")


def test_init_leaves_a_foreign_schema_file_alone(tmp_path, cli):
    foreign = tmp_path / "drafter-input.schema.json"
    foreign.write_text('{"title": "别人的"}', encoding="utf-8")
    assert cli("init", tmp_path / "y.yaml", "--unit", "某局", "--year", "2024").exit_code == 0
    assert foreign.read_text(encoding="utf-8") == '{"title": "别人的"}'


def test_validate_lists_every_blank_of_a_fresh_skeleton(skeleton, cli):
    run = cli("validate", skeleton, "--format", "json")
    assert run.exit_code == 1
    report = json.loads(run.stdout)
    blanks = [f for f in report["findings"] if f["code"] == "blank"]
    lines = skeleton.read_text(encoding="utf-8").splitlines()
    filled_in = [line for line in lines if not line.lstrip().startswith("#")]
    # Every 【待填写】 and every figure value left empty is a blank.
    assert len(blanks) == sum("【待填写" in line for line in filled_in) + sum(
        line.strip() == "value:" for line in filled_in)
    assert all(f["line"] for f in blanks)
    assert any(f["code"] == "no_date" for f in report["findings"])


def test_validate_table_output_names_places(skeleton, cli):
    run = cli("validate", skeleton)
    assert run.exit_code == 1
    assert "x.yaml" in run.stdout and "还有空白未填写" in run.stdout and "不完整" in run.stdout
    lines = skeleton.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "【待填写：主送机关" in text)
    assert f"第1个主送机关（第{line}行）" in run.stdout  # the first blank, in words, counted from 1


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate_clean(path, cli):
    run = cli("validate", path, "--format", "json")
    assert run.exit_code == 0, run.stdout
    report = json.loads(run.stdout)
    assert report["complete"] and report["findings"] == []


def test_examples_are_substantial():
    from drafter.drafting.completeness import count_chars, strings
    from drafter.drafting.input import load

    for path in EXAMPLES:
        report, _ = load(path)
        assert count_chars("".join(t for _, t in strings(report))) >= 3000, path.name
    assert {load(p)[0].meta.layout for p in EXAMPLES} == {"standard", "themed"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_json_schema_validates_the_examples(path, cli):
    run = cli("schema", "--json")
    assert run.exit_code == 0
    schema = json.loads(run.stdout)
    # drafter's own YAML reading (yaml.safe_load's booleans are not reliable once drafter's loader is imported).
    data = yamlio.parse(path.read_text(encoding="utf-8"), path.name).data
    data["meta"]["date"] = str(data["meta"]["date"])  # JSON has no date type
    jsonschema.validate(data, schema)
    data["meta"]["untis"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_schema_to_file_refuses_clobber(tmp_path, cli):
    out = tmp_path / "s.json"
    assert cli("schema", "--json", "-o", out).exit_code == 0
    assert cli("schema", "--json", "-o", out).exit_code == 2
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "object"


def test_validate_bad_format_option(cli):
    assert cli("validate", EXAMPLES[0], "--format", "xml").exit_code == 2


@pytest.mark.parametrize(
    "text, code",
    [
        ("meta:\n  unit: 某局\n  year: 2024\n  date: [\n", 2),  # YAML syntax
        ("meta:\n  unit: 某局\n  year: 明年\n", 2),  # wrong type
        ("meta:\n  unit: 某局\n  year: 2024\n  colour: red\n", 2),  # unknown key
    ],
)
def test_bad_inputs_exit_2_with_place_and_no_traceback(tmp_path, cli_process, text, code):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    run = cli_process("validate", path)
    assert run.exit_code == code
    assert "Traceback" not in run.stderr
    assert f"{path}:" in run.stderr


def test_validate_several_files_reports_each_and_exits_with_the_worst(tmp_path, skeleton, cli):
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [\n", encoding="utf-8")
    run = cli("validate", *EXAMPLES, "--format", "json")
    assert run.exit_code == 0 and [r["complete"] for r in json.loads(run.stdout)] == [True] * len(EXAMPLES)
    assert cli("validate", *EXAMPLES, skeleton).exit_code == 1
    run = cli("validate", EXAMPLES[0], broken, skeleton, "--format", "json")
    assert run.exit_code == 2
    assert [r["file"] for r in json.loads(run.stdout)] == [str(EXAMPLES[0]), str(broken), str(skeleton)]
    assert str(broken) in run.stderr


@pytest.mark.parametrize("unit", ["", "   ", "澄源县\n公安局", "澄源县公安局\nmeta:\n  year: 1999", "澄源\x00县"])
def test_init_refuses_a_unit_that_is_empty_or_breaks_lines(tmp_path, cli, unit):
    path = tmp_path / "x.yaml"
    run = cli("init", path, "--unit", unit, "--year", "2025")
    assert run.exit_code == 2 and "--unit" in run.stderr
    assert not path.exists()


@pytest.mark.parametrize("unit", ['澄源县"公安局"', "澄源县公安局 #1", "{{ unit }}", "- 澄源县: 公安局", "yes"])
def test_init_writes_any_one_line_unit_exactly(tmp_path, cli, unit):
    path = tmp_path / "x.yaml"
    assert cli("init", path, "--unit", unit, "--year", "2025").exit_code == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["meta"]["unit"] == unit and data["meta"]["year"] == 2025
