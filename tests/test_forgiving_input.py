"""The officer's mistakes with the input, each as the officer meets it on the command line.

Every case checks the line (or place) named, that the message is Chinese and
says the fix, the exit code, and that no English leaks out.
"""

from __future__ import annotations

import json
import re

import pytest
from paths import EXAMPLES

COUNTY = next(p for p in EXAMPLES if p.stem == "county_standard")
# Words that may appear in Chinese messages: the input's keys, commands, options, formats.
_ALLOWED = {
    "drafter", "validate", "render", "init", "import", "cause", "value", "unit", "previous", "meta", "version",
    "force", "format", "docx", "json", "yaml", "allow", "incomplete", "recipients", "problem", "text", "name",
    "figures", "date", "year", "layout", "order", "standard", "themed", "practice", "regulation", "plans",
    "answers", "false", "true", "help", "table", "measures", "points", "title", "markdown", "leadership",
    "shortcomings", "other", "word", "templates",
}


def english(text: str, *paths) -> list[str]:
    """English words in ``text``: not file names, not the user's own words echoed in “”, not the format's keys."""
    for path in paths:
        text = text.replace(str(path), "")
    text = re.sub(r"“[^”]*”", "", text)
    text = re.sub(r"\S+\.(?:j2|yaml|docx|md)\b", "", text)
    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in _ALLOWED]


def line_of(path, needle: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[nth - 1]


@pytest.fixture
def county(tmp_path):
    path = tmp_path / "县局.yaml"
    path.write_text(COUNTY.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def edit(path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def findings(cli, path) -> tuple[int, list[dict]]:
    run = cli("validate", path, "--format", "json")
    return run.exit_code, json.loads(run.stdout)["findings"] if run.stdout.strip() else []


def test_places_are_said_in_words_counted_from_one(cli, county, monkeypatch):
    edit(county, "原因在于县局执法监督平台功能较为单一", "【待填写：原因分析】")
    line = line_of(county, "cause:", 2)
    monkeypatch.chdir(county.parent)  # a short name, so the table does not wrap it
    run = cli("validate", county.name)
    assert run.exit_code == 1
    assert f"第2条不足的“原因”（第{line}行）" in run.stdout
    assert "shortcomings[1]" not in run.stdout and not english(run.stdout, county)


@pytest.mark.parametrize("blank", ["    cause:\n", "    cause: \"\"\n", ""], ids=["empty", "quotes", "missing"])
def test_blank_and_missing_cause_are_the_same_finding(cli, county, blank):
    text = county.read_text(encoding="utf-8")
    start = text.index("    cause: >-\n      原因在于县局执法监督平台")
    end = text.index("  - id: s3")
    county.write_text(text[:start] + blank + text[end:], encoding="utf-8")
    code, found = findings(cli, county)
    assert code == 1  # incomplete, not unusable
    (finding,) = [f for f in found if f["rule"] == "shortcoming.no-cause"]
    assert finding["place"] == "第2条不足的“原因”"
    assert finding["line"] == (line_of(county, "cause:", 2) if blank else line_of(county, "- id: s2"))
    assert "cause" in finding["message"] and not english(finding["message"])


@pytest.mark.parametrize("written", ["2026年2月10日", "2026.2.10", "2026/2/10", "2026-2-10", "２０２６年２月１０日"])
def test_natural_dates_are_accepted(cli, county, tmp_path, written):
    edit(county, "date: 2026年2月12日", f"date: {written}")
    assert cli("validate", county).exit_code == 0
    out = tmp_path / "报告.md"
    assert cli("render", county, "-o", out).exit_code == 0
    assert "2026年2月10日" in out.read_text(encoding="utf-8")


def test_an_impossible_date_is_reported_at_its_own_line(cli_process, county):
    edit(county, "date: 2026年2月12日", "date: 2026年2月30日")
    run = cli_process("validate", county)
    assert run.exit_code == 2
    assert f"{county}:{line_of(county, 'date: 2026年2月30日')}:" in run.stderr
    assert "“成文日期”" in run.stderr and "2月30日" in run.stderr and "Traceback" not in run.stderr
    assert not english(run.stderr, county)


def test_a_year_written_with_nian_is_accepted(cli, county):
    edit(county, "  year: 2025\n", "  year: 2025年\n")
    assert cli("validate", county).exit_code == 0


def test_init_takes_a_year_written_with_nian(cli, tmp_path):
    path = tmp_path / "x.yaml"
    run = cli("init", path, "--unit", "某县公安局", "--year", "2025年")
    assert run.exit_code == 0, run.stderr
    assert "  year: 2025\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("year, expected", [("明年", "不是年份"), ("1850", "2000 到 2100")])
def test_init_refuses_a_bad_year_in_chinese(cli_process, tmp_path, year, expected):
    run = cli_process("init", tmp_path / "x.yaml", "--unit", "某县公安局", "--year", year)
    assert run.exit_code == 2 and expected in run.stderr and "2025" in run.stderr
    assert not english(run.stderr, tmp_path) and not (tmp_path / "x.yaml").exists()


def test_a_value_typed_with_its_unit_is_accepted(cli, county):
    edit(county, "value: 2316\n", "value: 2316人次\n")
    edit(county, "value: 186\n            unit: 起\n", "value: 186起\n")  # the unit comes from the value
    assert cli("validate", county).exit_code == 0


def test_a_value_with_the_wrong_unit_is_one_clear_message(cli_process, county):
    edit(county, "value: 538\n", "value: 538件\n")
    edit(county, "previous: 502\n", "previous: 502件\n")
    run = cli_process("validate", county)
    assert run.exit_code == 2
    problems = [line for line in run.stderr.splitlines() if line.startswith("  ")]
    assert len(problems) == 2  # one per mistake
    assert f"{county}:{line_of(county, 'value: 538件')}:" in problems[0]
    assert "“538件”" in problems[0] and "“起”" in problems[0] and "只写数字 538" in problems[0]
    assert "第2个主题第2条举措第1项数据的“本年数值”" in problems[0]
    assert not english(run.stderr, county)


def test_a_blank_line_starts_a_new_paragraph(cli, county, tmp_path):
    edit(county, "派驻法制民警现场指导取证。", "派驻法制民警现场指导取证。\n\n          ")
    out = tmp_path / "报告.md"
    assert cli("render", county, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "派驻法制民警现场指导取证。\n\n经中心办理的涉案人员2316人次" in text


def test_paragraphs_can_be_a_list(cli, county, tmp_path):
    text = county.read_text(encoding="utf-8")
    start = text.index("        text: >-\n          建成县局涉案财物集中保管中心")
    end = text.index("        figures:", start)
    listed = "        text:\n          - 第一段写在这里。\n          - 第二段写在这里。\n"
    county.write_text(text[:start] + listed + text[end:], encoding="utf-8")
    out = tmp_path / "报告.md"
    assert cli("render", county, "-o", out).exit_code == 0
    assert "三是规范涉案财物管理。第一段写在这里。\n\n第二段写在这里。依法返还" in out.read_text(encoding="utf-8")


def test_skeleton_zeros_are_blanks_not_figures(cli, county, tmp_path):
    edit(county, "value: 2316\n            unit: 人次\n            previous: 1984\n",
         "value: 0\n            unit: 人次\n            previous: 0\n")
    code, found = findings(cli, county)
    assert code == 1
    (zero,) = [f for f in found if f["rule"] == "placeholder" and f["path"].endswith("value")]
    assert zero["line"] == line_of(county, "value: 0") and "0" in zero["message"] and "previous" in zero["message"]
    run = cli("render", county, "-o", tmp_path / "报告.md")
    assert run.exit_code == 1 and not (tmp_path / "报告.md").exists()


def test_a_short_part_is_a_warning_that_does_not_block_rendering(cli, county, tmp_path):
    text = county.read_text(encoding="utf-8")
    start, end = text.index("measures:\n"), text.index("leadership:")
    topics = "".join(f"  - title: 主题{n}\n    points:\n      - text: 开展了第{n}项工作，取得一定成效。\n" for n in (1, 2, 3))
    county.write_text(text[:start] + "measures:\n" + topics + "\n" + text[end:], encoding="utf-8")
    code, found = findings(cli, county)
    assert code == 0
    (short,) = [f for f in found if f["rule"] == "part.too-short"]
    assert short["level"] == "warning" and "1200" in short["message"] and "不影响生成" in short["message"]
    assert cli("render", county, "-o", tmp_path / "报告.docx").exit_code == 0


def test_the_skeleton_states_the_minimum_lengths(cli, tmp_path, std):
    path = tmp_path / "x.yaml"
    assert cli("init", path, "--unit", "某县公安局", "--year", "2025").exit_code == 0
    text = path.read_text(encoding="utf-8")
    measures = std.part("measures").minimum
    assert f"至少 {measures.items} 项" in text and f"正文约 {measures.chars} 字以上" in text
    assert "只提醒，不影响生成文稿" in text and "空一行" in text


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--format", "md", "-o", "报告.docx"], "扩展名不一致"),
        (["-o", "报告.doc"], "报告.docx"),
        (["-o", "报告"], "没有扩展名"),
        (["-o", "报告.pdf"], "“.pdf”"),
    ],
)
def test_the_output_name_and_format_must_agree(cli_process, county, tmp_path, args, expected):
    run = cli_process("render", county, *args, cwd=tmp_path)
    assert run.exit_code == 2 and expected in run.stderr
    assert list(tmp_path.iterdir()) == [county]
    assert not english(run.stderr, county)


def test_the_extension_decides_the_format(cli, county, tmp_path):
    assert cli("render", county, "-o", tmp_path / "报告.md").exit_code == 0
    assert (tmp_path / "报告.md").read_text(encoding="utf-8").startswith("::: title")


def test_an_input_for_format_1_loads_with_a_notice(cli, county, tmp_path):
    edit(county, "  version: 2\n", "")
    edit(county, "    - 云陵市公安局\n", "    - 云陵市公安局\n    - 中共澄源县委全面依法治县委员会办公室\n")
    edit(county, "  cc:\n    - 中共澄源县委全面依法治县委员会办公室\n", "")
    code, found = findings(cli, county)
    assert code == 0
    (notice,) = [f for f in found if f["rule"] == "input.migrated"]
    assert notice["level"] == "info" and "抄送" in notice["message"] and "version: 2" in notice["message"]
    out = tmp_path / "报告.md"
    assert cli("render", county, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "抄送：中共澄源县委全面依法治县委员会办公室。" in text
    assert "云陵市公安局：" in text and "依法治县委员会办公室：" not in text


def test_a_newer_format_version_is_refused(cli_process, county):
    edit(county, "  version: 2\n", "  version: 9\n")
    run = cli_process("validate", county)
    assert run.exit_code == 2 and "升级 drafter" in run.stderr and not english(run.stderr, county)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("  year: 2025\n", "  year: 1999\n", "不能小于 2000"),
        ("  layout: standard\n", "  layout: theme\n", "只能填以下之一：standard、themed"),
        ("  recipients:\n", "  recipients:\n    - 某机关\n  recipent: x\n  recipients_:\n", "是不是想写“recipients”"),
    ],
)
def test_type_errors_are_chinese(cli_process, county, old, new, expected):
    edit(county, old, new)
    run = cli_process("validate", county)
    assert run.exit_code == 2 and expected in run.stderr
    assert not english(run.stderr, county)


def test_a_template_naming_a_missing_field_is_reported_in_chinese(cli_process, county, tmp_path):
    folder = tmp_path / "模板"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "plans.md.j2").write_text("{{ report.meta.unti }}\n", encoding="utf-8")
    run = cli_process("render", county, "-o", tmp_path / "报告.docx", "--templates", folder)
    assert run.exit_code == 2 and "不存在的字段“unti”" in run.stderr and "plans.md.j2:1" in run.stderr
    assert not english(run.stderr, county, folder, tmp_path)
