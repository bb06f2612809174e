"""The files a reviewer circulates: workbook, CSV, HTML page, JSON, each opened as its
readers would (openpyxl, the csv module, an HTML parser) and holding one row per input file."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import openpyxl
import pytest
from batch_support import reviewer_folder
from paths import SEEDS

STATUS_FILLS = {"✓ 已找到": "FFC6EFCE", "△ 不完整": "FFFFEB9C", "✗ 缺失": "FFFFC7CE", "— 未写（可选）": "FFEDEDED"}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return reviewer_folder(tmp_path_factory.mktemp("desk"))


def _names(made) -> set[str]:
    folder = made["folder"][0]
    return {p.relative_to(folder).as_posix() for p in made["checked"]}


def test_workbook_has_a_summary_row_per_file_coloured_with_notes_frozen_and_filtered(cli, batch, tmp_path):
    out = tmp_path / "检查结果.xlsx"
    run = cli("check", batch["folder"][0], "-o", out)
    assert run.exit_code == 2 and f"已写出：{out}" in run.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "审查意见"]
    sheet = book["汇总"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["序号", "文件", "单位", "年度"] and header[-2:] == ["结论", "说明"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[1] for r in rows} == _names(batch) and len(rows) == len(batch["checked"])
    assert rows[0][header.index("结论")] == "无法读取" and "已损坏" in rows[0][-1]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{len(rows) + 1}"
    measures = header.index("主要举措和成效") + 1
    noted = 0
    for r in range(2, len(rows) + 2):
        cell = sheet.cell(r, measures)
        if cell.value is None:
            continue
        assert cell.fill.fgColor.rgb == STATUS_FILLS[cell.value]
        if cell.comment is not None:
            noted += 1
            assert "依据：" in cell.comment.text and "位置：第" in cell.comment.text
    assert noted == len(rows) - 1  # every readable file: the evidence and position as a note
    seed_004 = next(r for r in rows if r[1].startswith("004"))
    assert seed_004[2] == "重庆市公安局" and seed_004[3] == 2024
    assert seed_004[header.index("存在的不足和原因")] == "✗ 缺失"
    findings = book["审查意见"]
    assert [c.value for c in findings[1]] == ["文件", "部分", "位置", "规则", "级别", "说明", "原文"]
    listed = list(findings.iter_rows(min_row=2, values_only=True))
    assert listed and all(row[4] in ("错误", "提醒", "参考") and row[3] for row in listed)
    assert findings.freeze_panes == "B2" and findings.auto_filter.ref


def test_csv_is_utf8_with_bom_and_has_a_row_per_file(cli, batch, tmp_path):
    out = tmp_path / "检查结果.csv"
    assert cli("check", batch["folder"][0], "-o", out).exit_code == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[1] == "文件" and len(body) == len(batch["checked"])
    assert {r[1] for r in body} == _names(batch)
    assert body[0][header.index("结论")] == "无法读取"


class _Page(HTMLParser):
    """What a reader of the page sees: the matrix rows, sections, scripts and outside references."""

    def __init__(self):
        super().__init__()
        self.tables, self.rows, self.sections, self.scripts, self.outside = 0, [], [], 0, []
        self._cells: list[str] | None = None
        self._depth = 0
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            if attrs.get(key) and not attrs[key].startswith("#"):
                self.outside.append(attrs[key])
        if tag == "table":
            self.tables += 1
        if tag == "section":
            self.sections.append(attrs.get("id"))
        if tag == "tr" and self.tables == 1:
            self._cells = []
        if tag == "td" and self._cells is not None:
            self._text = ""

    def handle_endtag(self, tag):
        if tag == "td" and self._cells is not None:
            self._cells.append(self._text)
        if tag == "tr" and self._cells is not None:
            if self._cells:
                self.rows.append(self._cells)
            self._cells = None

    def handle_data(self, data):
        self._text += data


def test_html_is_one_self_contained_page_with_the_matrix_and_each_files_findings(cli, batch, tmp_path):
    out = tmp_path / "检查结果.html"
    assert cli("check", batch["folder"][0], "-o", out).exit_code == 2
    text = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    assert page.scripts == 0 and page.outside == []  # nothing to fetch, nothing to run
    assert len(page.rows) == len(batch["checked"]) and {r[0] for r in page.rows} == _names(batch)
    assert page.rows[0][-1] == "无法读取"
    assert len(page.sections) == len(batch["checked"])
    assert "<q>" in text  # findings quote their evidence


def test_html_escapes_what_a_draft_says(cli, tmp_path):
    draft = tmp_path / "<b>恶意<b>.txt"
    draft.write_text("一、<script>alert(1)</script>主要举措和成效\n法治政府建设推进，依法行政。\n", encoding="utf-8")
    out = tmp_path / "page.html"
    cli("check", draft, "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>恶意" not in text and "&lt;b&gt;恶意" in text
    assert "&lt;script&gt;" in text  # the quoted evidence, escaped


def test_json_file_matches_the_standard_output(cli, tmp_path):
    out = tmp_path / "r.json"
    seeds = SEEDS[:2]
    cli("check", *seeds, "-o", out)
    written = json.loads(out.read_text(encoding="utf-8"))
    printed = json.loads(cli("check", *seeds, "--format", "json").stdout)
    assert written == printed and [o["file"] for o in written] == [str(p) for p in seeds]


@pytest.mark.parametrize(
    "args, said",
    [
        (("--format", "json", "-o", "x.xlsx"), "不一致"),
        (("-o", "x.txt"), "不知道要生成哪种文件"),
        (("--format", "xlsx"), "-o"),
        (("--format", "table", "-o", "x.xlsx"), "不一致"),
        (("--format", "xml"), "只能是"),
    ],
)
def test_format_and_output_name_must_agree(cli, args, said, tmp_path):
    run = cli("check", SEEDS[0], *[a if not a.startswith("x.") else tmp_path / a for a in args])
    assert run.exit_code == 2 and said in run.stderr
    assert not any(tmp_path.iterdir())


def test_the_format_rule_is_one_shared_helper_for_check_and_render():
    from pathlib import Path

    import drafter
    from drafter.errors import DrafterError

    assert drafter.output_format(None, None, writes="review") == "table"
    assert drafter.output_format(Path("结果.HTM"), None, writes="review") == "html"
    assert drafter.output_format(Path("稿.MD")) == "md"
    for output, given, writes in ((Path("a.md"), "docx", "draft"), (Path("a.csv"), "json", "review")):
        with pytest.raises(DrafterError, match="不一致"):
            drafter.output_format(output, given, writes=writes)


def test_an_output_never_replaces_an_input_or_an_existing_file(cli, tmp_path):
    draft = tmp_path / "报告.txt"
    draft.write_bytes(SEEDS[3].read_bytes())
    existing = tmp_path / "已有.csv"
    existing.write_text("旧内容", encoding="utf-8")
    run = cli("check", draft, "-o", existing)
    assert run.exit_code == 2 and "已存在" in run.stderr and existing.read_text(encoding="utf-8") == "旧内容"
    assert cli("check", draft, "-o", existing, "--force").exit_code == 0
    assert existing.read_bytes().startswith(b"\xef\xbb\xbf")
