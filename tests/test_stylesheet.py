"""The GB/T 9704 style sheet: built-in values, derived pitches, Chinese errors."""

from __future__ import annotations

import pytest
import yaml

from drafter.drafting import stylesheet
from drafter.errors import DrafterError
from drafter.resources import templates_dir


def test_builtin_sheet_holds_the_gbt9704_values():
    sheet = stylesheet.load()
    assert (sheet.page.width_mm, sheet.page.height_mm) == (210, 297)
    assert (sheet.type_width_mm, sheet.type_height_mm) == (156, 225)
    assert sheet.styles.body.size_pt == 16 and sheet.styles.title.size_pt == 22
    assert sheet.fonts[sheet.styles.body.font].gov == "仿宋_GB2312"
    assert sheet.fonts[sheet.styles.heading2.font].windows == "楷体"
    # 22 lines of about 28.9 pt fill the 225 mm type area; 28 characters fit a line.
    assert 28.9 <= sheet.line_pitch_pt <= 29.0
    assert sheet.line_pitch_pt * 22 <= 225 / stylesheet.MM_PER_PT
    assert 15.7 < sheet.char_pitch_pt < 15.8


def test_em_width_counts_chinese_as_one_and_digits_as_half():
    assert stylesheet.em_width("2025年2月20日") == 6.5
    assert stylesheet.em_width("“澄源”") == 4


def sheet_with(tmp_path, change) -> stylesheet.StyleSheet:
    data = yaml.safe_load((templates_dir() / stylesheet.STYLE_FILE).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "gbt9704.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return stylesheet.load(path)


def test_unknown_font_name_is_refused_with_the_choices(tmp_path):
    def change(data):
        data["styles"]["heading1"]["font"] = "weiruanyahei"

    with pytest.raises(DrafterError) as caught:
        sheet_with(tmp_path, change)
    text = str(caught.value)
    assert "版式样式表" in text and "weiruanyahei" in text and "fangsong" in text


def test_margins_larger_than_the_page_are_refused(tmp_path):
    def change(data):
        data["page"]["margin_left_mm"] = 200

    with pytest.raises(DrafterError, match="版心"):
        sheet_with(tmp_path, change)


def test_wrong_types_name_the_line(tmp_path):
    def change(data):
        data["grid"]["lines"] = "二十二"

    with pytest.raises(DrafterError) as caught:
        sheet_with(tmp_path, change)
    assert caught.value.problems and caught.value.problems[0].line is not None
    assert "grid.lines" in str(caught.value)


def test_custom_folder_without_a_sheet_falls_back_to_the_builtin(tmp_path):
    assert stylesheet.path_in(tmp_path) == templates_dir() / stylesheet.STYLE_FILE
    (tmp_path / "styles").mkdir()
    (tmp_path / stylesheet.STYLE_FILE).write_text("page: {}\n", encoding="utf-8")
    assert stylesheet.path_in(tmp_path) == tmp_path / stylesheet.STYLE_FILE


def test_a_style_sheet_is_read_once_until_its_file_changes(tmp_path):
    path = tmp_path / "sheet.yaml"
    text = stylesheet.path_in(None).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = stylesheet.load(path)
    assert stylesheet.load(path) is first
    # Same size, written within the file system's timestamp resolution: still seen as changed.
    path.write_text(text.replace("lines: 22", "lines: 20"), encoding="utf-8")
    assert stylesheet.load(path).grid.lines == 20


@pytest.mark.parametrize(
    ("section", "key", "value", "said"),
    [
        ("number_line", "rule_color", "红色", ["number_line.rule_color", "红色", "6 位十六进制", "FF0000"]),
        ("page_number", "text", "第页", ["page_number.text", "{page}", "— {page} —"]),
    ],
    ids=["colour-in-words", "page-text-without-page"],
)
def test_a_value_in_the_wrong_form_is_explained_with_an_example(tmp_path, section, key, value, said):
    def change(data):
        data[section][key] = value

    with pytest.raises(DrafterError) as caught:
        sheet_with(tmp_path, change)
    text = str(caught.value)
    assert all(word in text for word in said), text
    assert "应填文字" not in text
