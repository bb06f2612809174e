"""drafter render and drafter templates export, end to end through the CLI."""

from __future__ import annotations

import shutil

import pytest
import yaml
from paths import EXAMPLES
from render_support import body_text, headings, open_docx, report_data

from drafter.document import markdown

COUNTY = next(p for p in EXAMPLES if p.stem == "county_standard")


@pytest.fixture
def county(tmp_path):
    path = tmp_path / "county.yaml"
    shutil.copy(COUNTY, path)
    return path


def write_input(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_render_writes_the_default_name_in_the_current_folder(cli, tmp_path, monkeypatch, example):
    monkeypatch.chdir(tmp_path)
    meta = yaml.safe_load(example.read_text(encoding="utf-8"))["meta"]
    run = cli("render", example)
    assert run.exit_code == 0, run.stderr
    produced = list(tmp_path.iterdir())
    assert [p.name for p in produced] == [f"{meta['unit']}{meta['year']}年法治政府建设年度报告.docx"]
    assert "已生成" in run.stderr
    assert headings(open_docx(produced[0]))


def test_render_twice_gives_identical_files(cli, county, tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert cli("render", county, "-o", first).exit_code == 0
    assert cli("render", county, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_incomplete_input_is_refused_with_the_gap_list(cli, tmp_path):
    data = report_data(leadership=None)
    data["shortcomings"][1]["cause"] = ""
    source = write_input(tmp_path / "in.yaml", data)
    run = cli("render", source, "-o", tmp_path / "out.docx")
    assert run.exit_code == 1
    assert "未生成" in run.stderr and "--allow-incomplete" in run.stderr
    assert "第2条不足没有写原因" in run.stderr
    assert f"{source}:" in run.stderr  # each gap with file:line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml"]


def test_allow_incomplete_renders_visible_markers(cli, std, tmp_path):
    data = report_data(leadership=None)
    data["shortcomings"][1]["cause"] = ""
    source = write_input(tmp_path / "in.yaml", data)
    out = tmp_path / "draft.docx"
    run = cli("render", source, "-o", out, "--allow-incomplete")
    assert run.exit_code == 0, run.stderr
    assert "草稿" in run.stderr
    text = body_text(open_docx(out))
    assert std.gap(std.part("leadership").name) in text
    assert std.gap("原因分析") in text


def test_existing_output_is_not_clobbered_without_force(cli, county, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"officer's edited draft")
    run = cli("render", county, "-o", out)
    assert run.exit_code == 2 and "--force" in run.stderr
    assert out.read_bytes() == b"officer's edited draft"
    assert cli("render", county, "-o", out, "--force").exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_the_input_is_never_overwritten(cli, county, tmp_path):
    before = county.read_bytes()
    alias = tmp_path / "草稿.md"
    alias.symlink_to(county)  # an output name that is really the input
    run = cli("render", county, "-o", alias, "--force")
    assert run.exit_code == 2 and "输入" in run.stderr
    assert county.read_bytes() == before


def test_markdown_format_to_file_and_screen(cli, county, tmp_path):
    out = tmp_path / "draft.md"
    assert cli("render", county, "--format", "md", "-o", out).exit_code == 0
    run = cli("render", county, "--format", "md", "-o", "-")
    assert run.exit_code == 0
    assert run.stdout == out.read_text(encoding="utf-8")
    docx_out = tmp_path / "draft.docx"
    assert cli("render", county, "-o", docx_out).exit_code == 0
    md_headings = [(b.level, b.text) for b in markdown.parse(run.stdout).headings]
    assert md_headings == headings(open_docx(docx_out))


def test_template_syntax_in_input_is_printed_literally(cli, tmp_path):
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    data["other"] = ["{{ 7*7 }} 与 {% for x in range(3) %}重复{% endfor %}"]
    data["measures"][0]["title"] = "{{ report.meta.unit }}"
    source = write_input(tmp_path / "in.yaml", data)
    out = tmp_path / "out.docx"
    assert cli("render", source, "-o", out).exit_code == 0
    text = body_text(open_docx(out))
    assert "{{ 7*7 }}与{% for x in range(3) %}重复{% endfor %}" in text
    assert "{{ 7*7 }}与{% for x in range(3) %}重复{% endfor %}\n" in text and "重复重复" not in text
    assert "（一）{{ report.meta.unit }}" in text


def test_export_then_render_with_adapted_templates(cli, county, tmp_path):
    folder = tmp_path / "我局模板"
    run = cli("templates", "export", folder)
    assert run.exit_code == 0, run.stderr
    assert (folder / "report.md.j2").is_file() and (folder / "styles" / "gbt9704.yaml").is_file()
    plans = folder / "parts" / "plans.md.j2"
    plans.write_text(plans.read_text(encoding="utf-8").replace("重点做好以下工作", "着重抓好下列事项"), encoding="utf-8")
    sheet = folder / "styles" / "gbt9704.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("margin_left_mm: 28", "margin_left_mm: 30"),
                     encoding="utf-8")
    out = tmp_path / "out.docx"
    assert cli("render", county, "-o", out, "--templates", folder).exit_code == 0
    document = open_docx(out)
    assert "着重抓好下列事项" in body_text(document)
    assert document.sections[0].left_margin.mm == pytest.approx(30, abs=0.5)


def test_export_refuses_to_overwrite_without_force(cli, tmp_path):
    folder = tmp_path / "tpl"
    assert cli("templates", "export", folder).exit_code == 0
    report = folder / "report.md.j2"
    report.write_text("adapted", encoding="utf-8")
    run = cli("templates", "export", folder)
    assert run.exit_code == 2 and "--force" in run.stderr
    assert report.read_text(encoding="utf-8") == "adapted"
    assert cli("templates", "export", folder, "--force").exit_code == 0
    assert report.read_text(encoding="utf-8") != "adapted"


def test_broken_custom_template_is_exit_2_without_traceback(cli_process, county, tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("{% if %}", encoding="utf-8")
    run = cli_process("render", county, "-o", tmp_path / "out.docx", "--templates", folder)
    assert run.exit_code == 2
    assert "模板语法错误" in run.stderr and "report.md.j2:1" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "pdf"], "--format"), (["--fonts", "mac"], "--fonts"), (["--format", "docx", "-o", "-"], "不能输出到屏幕")],
)
def test_bad_options_are_exit_2(cli, county, args, message):
    run = cli("render", county, *args)
    assert run.exit_code == 2 and message in run.stderr


def test_unusable_input_is_exit_2(cli, tmp_path):
    source = tmp_path / "in.yaml"
    source.write_text("meta: [\n", encoding="utf-8")
    run = cli("render", source, "-o", tmp_path / "out.docx")
    assert run.exit_code == 2 and "YAML" in run.stderr
    assert not (tmp_path / "out.docx").exists()
