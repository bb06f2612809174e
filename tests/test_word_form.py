"""The Word form: written by init, filled in Word, read by import, validate and render."""

from __future__ import annotations

import json
import zipfile

import docx
import pytest
from form_filler import Filler, text_of
from paths import EXAMPLES

import drafter
from drafter.drafting.form import layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def form(tmp_path, cli):
    path = tmp_path / "填写表.docx"
    run = cli("init", path, "--unit", "澄源县公安局", "--year", "2025年")
    assert run.exit_code == 0, run.stderr
    return path


def test_the_form_has_the_parts_as_headings_grey_notes_blanks_and_figure_tables(form, std):
    document = docx.Document(str(form))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [layout.META, layout.OPENING, *(std.part(pid).name for pid in std.orders[0].sequence)]
    notes = [p for p in document.paragraphs if p.text.startswith(layout.NOTE)]
    assert notes and all(p.style.name == "drafter 填写说明" for p in notes)
    note_style = document.styles["drafter 填写说明"]
    assert str(note_style.font.color.rgb) == "808080" and note_style.font.size.pt < 16
    assert note_style.element.find(f"{W}next").get(f"{W}val") == "Normal"  # typing on after a note is body text
    highlighted = [r for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert highlighted and all(std.placeholder_re.fullmatch(r.text) for r in highlighted)
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["指标", "本年数值", "上年数值", "单位", "写同比"] in headers
    measures = std.part(std.roles.themes).minimum.items
    assert headers.count(["指标", "本年数值", "上年数值", "单位", "写同比"]) >= measures


def test_the_form_is_marked_as_a_drafter_form(form):
    with zipfile.ZipFile(form) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
        assert f'name="{layout.PROPERTY}"' in custom
        assert "docProps/custom.xml" in archive.read("[Content_Types].xml").decode("utf-8")


def test_a_fresh_form_is_incomplete_and_findings_point_at_paragraphs(form, cli):
    run = cli("validate", form, "--format", "json")
    assert run.exit_code == 1
    findings = json.loads(run.stdout)["findings"]
    blanks = [f for f in findings if f["rule"] == "placeholder"]
    assert blanks and all(f["line"] is None and f["anchor"].startswith("第") for f in blanks)
    opening = next(f for f in blanks if f["path"] == "preamble[0]")
    assert opening["anchor"] == "第2部分第1段" and opening["place"] == "“开头”第1段"
    date = next(f for f in findings if f["rule"] == "meta.no-date")
    assert date["anchor"].startswith("第1部分第1个表格第")
    table = cli("validate", form)
    assert "第2部分第1段" in table.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_form_filled_with_an_example_imports_as_that_example(example, tmp_path, std):
    report = drafter.load_input(example).report
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好的表.docx")
    imported = drafter.load_input(drafter.import_report(filled).text.encode("utf-8"), name="导入.yaml").report
    expected = report.model_copy(deep=True)
    for topic in expected.measures:
        topic.topic = None  # the form has no place for the catalogue id
    assert imported == expected
    validation = drafter.validate(filled)
    assert validation.complete and validation.findings == []
    # The form renders the very report the YAML renders.
    assert drafter.render(filled, format="md").data == drafter.render(example, format="md").data


def test_notes_may_be_deleted_and_paragraphs_added(tmp_path, std):
    example = next(p for p in EXAMPLES if p.stem == "county_standard")
    report = drafter.load_input(example).report
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好.docx")
    document = docx.Document(str(filled))
    for paragraph in list(document.paragraphs):
        if paragraph.text.startswith(layout.NOTE):
            paragraph._p.getparent().remove(paragraph._p)
    opening = next(p for p in document.paragraphs if p.text == report.preamble[0])
    opening.insert_paragraph_before("全年工作总体平稳。")
    document.save(str(tmp_path / "改过.docx"))
    imported = drafter.load_input(tmp_path / "改过.docx").report
    assert imported.preamble == ["全年工作总体平稳。", *report.preamble]
    assert imported.shortcomings == report.shortcomings


def test_a_value_typed_with_the_wrong_unit_is_reported_at_its_table_row(tmp_path, std, cli_process):
    example = next(p for p in EXAMPLES if p.stem == "county_standard")
    report = drafter.load_input(example).report
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好.docx")
    document = docx.Document(str(filled))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "指标")
    table.rows[1].cells[1].text = "2316件"
    document.save(str(filled))
    run = cli_process("validate", filled)
    assert run.exit_code == 2
    assert "第3部分第1个表格第2行" in run.stderr and "“2316件”" in run.stderr and "人次" in run.stderr


def test_a_word_file_that_is_not_a_form_is_refused_with_the_way_forward(tmp_path, cli_process):
    other = tmp_path / "别人的报告.docx"
    drafter.render(EXAMPLES[0]).save(other)
    run = cli_process("validate", other)
    assert run.exit_code == 2 and "drafter check" in run.stderr and "drafter import" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_hostile_docx_is_refused_before_its_properties_are_inflated(tmp_path):
    # A form's custom.xml that inflates 1000-fold: the zip guard refuses the file
    # before the form sniffing reads that part (import looks for a form first).
    import tracemalloc

    bomb = tmp_path / "表.docx"
    property_ = f'<property name="{layout.PROPERTY}"/>'.encode()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/custom.xml", b"<Properties>" + property_ + b" " * 20_000_000 + b"</Properties>")
    tracemalloc.start()
    try:
        with pytest.raises(drafter.DrafterError, match="压缩比异常"):
            drafter.import_report(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_the_form_input_is_never_overwritten_by_render(tmp_path, std, cli):
    example = EXAMPLES[0]
    report = drafter.load_input(example).report
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好.docx")
    before = filled.read_bytes()
    run = cli("render", filled, "-o", filled, "--force")
    assert run.exit_code == 2 and filled.read_bytes() == before
    out = tmp_path / "报告.docx"
    assert cli("render", filled, "-o", out).exit_code == 0
    assert text_of(docx.Document(str(out)).paragraphs[0]._p)  # a report, laid out


def test_a_form_opens_in_libreoffice(form, tmp_path):
    import shutil
    import subprocess

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(form)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "填写表.pdf").stat().st_size > 10_000


def test_a_sentence_repeated_in_a_form_is_placed_by_part_and_paragraph(tmp_path, std):
    example = next(p for p in EXAMPLES if p.stem == "county_standard")
    report = drafter.load_input(example).report
    sentence = "全年组织民警开展执法资格考试培训，参训率达到百分之百，执法能力明显增强。"
    report.preamble = [report.preamble[0], sentence, sentence]
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好的表.docx")
    (finding,) = [f for f in drafter.validate(filled).review if f.rule == "copy.repeated"]
    assert "None" not in finding.message and "部分第" in finding.message


def test_a_figure_restated_with_another_value_in_a_form_is_placed_by_part_and_paragraph(tmp_path, std):
    example = next(p for p in EXAMPLES if p.stem == "county_standard")
    report = drafter.load_input(example).report
    report.preamble = [report.preamble[0], "全年法制审核各类案件620件。", "经统计，全年法制审核各类案件602件。"]
    form = tmp_path / "表.docx"
    drafter.init(form, report.meta.unit, report.meta.year)
    filled = Filler(form, std).fill(report, tmp_path / "填好的表.docx")
    (finding,) = [f for f in drafter.validate(filled).review if f.rule == "figures.inconsistent.restated"]
    assert "None" not in finding.message and "部分第" in finding.message


def test_an_untouched_recipients_blank_is_one_blank(form):
    report = drafter.load_input(form).report
    assert len(report.meta.recipients) == 1 and report.meta.recipients[0].startswith("【待填写")
