"""compose: input → report text through the templates (layouts, gaps, filters, sandbox)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from render_support import report_data

from drafter.document import markdown
from drafter.drafting import compose
from drafter.drafting.input import Report
from drafter.errors import DrafterError


def text_of(std, templates=None, **parts) -> str:
    return compose.render(Report.model_validate(report_data(**parts)), std, templates)


def doc_of(std, **parts):
    return markdown.parse(text_of(std, **parts))


def heading_texts(doc) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in doc.headings]


def following(doc, heading_prefix: str) -> list[str]:
    """Paragraph texts after the heading starting with ``heading_prefix``, up to the next heading."""
    blocks = doc.blocks
    start = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith(heading_prefix))
    out = []
    for block in blocks[start + 1:]:
        if block.kind != "paragraph":
            break
        out.append(block.text)
    return out


def test_standard_layout_numbers_parts_and_topics(std):
    doc = doc_of(std)
    assert heading_texts(doc) == [
        (1, "一、" + std.part("measures").heading_for(2025)),
        (2, "（一）规范执法办案"),
        (2, "（二）深化普法宣传"),
        (1, "二、" + std.part("leadership").heading_for(2025)),
        (1, "三、" + std.part("shortcomings").heading_for(2025)),
        (1, "四、2026年推进法治政府建设的主要安排"),
    ]
    titles = [b.text for b in doc.blocks if b.kind == "title"]
    assert "".join(titles) == std.title_for("青岚县公安局", 2025)
    assert [b.text for b in doc.blocks if b.kind == "recipient"] == ["中共青岚县委、青岚县人民政府："]
    assert [b.text for b in doc.blocks[-2:]] == ["青岚县公安局", "2026年2月5日"]
    assert [b.kind for b in doc.blocks[-2:]] == ["signature", "date"]


def test_points_with_titles_are_enumerated_inline_and_carry_their_figures(std):
    paragraphs = following(doc_of(std), "（一）")
    assert paragraphs[0] == "以办案中心为抓手。"
    assert paragraphs[1] == (
        "一是严格法制审核。重大案件一律审核。全年审核案件120件，同比上升20%；评查合格率为97.5%，同比下降0.5个百分点。"
    )
    assert paragraphs[2] == "每月通报执法质量情况。"  # no title: a plain paragraph, not 二是


def test_themed_layout_gives_each_topic_a_chapter_and_continues_numbering(std):
    data = report_data()
    data["meta"]["layout"] = "themed"
    doc = markdown.parse(compose.render(Report.model_validate(data), std))
    assert heading_texts(doc) == [
        (1, "一、规范执法办案"),
        (2, "（一）严格法制审核"),
        (1, "二、深化普法宣传"),
        (2, "（一）以案释法"),
        (1, "三、" + std.part("leadership").heading_for(2025)),
        (1, "四、" + std.part("shortcomings").heading_for(2025)),
        (1, "五、" + std.part("plans").heading_for(2025)),
    ]
    assert following(doc, "（一）严格法制审核")[0].startswith("重大案件一律审核。全年审核案件120件")


def test_regulation_order_puts_shortcomings_before_leadership(std):
    data = report_data()
    data["meta"]["order"] = "regulation"
    doc = markdown.parse(compose.render(Report.model_validate(data), std))
    level1 = [text for level, text in heading_texts(doc) if level == 1]
    assert level1[1] == "二、" + std.part("shortcomings").heading_for(2025)
    assert level1[2] == "三、" + std.part("leadership").heading_for(2025)


@pytest.mark.parametrize("empty", [None, []])
def test_empty_required_part_is_its_heading_and_one_gap_marker(std, empty):
    doc = doc_of(std, leadership=empty)
    assert following(doc, "二、") == [std.gap(std.part("leadership").name)]
    assert std.placeholder_re.fullmatch(following(doc, "二、")[0])


def test_shortcoming_causes(std):
    doc = doc_of(std, shortcomings=[
        {"problem": "基层执法水平不均衡", "cause": "原因是警力紧张。"},
        {"problem": "普法形式单一", "cause": "调研群众需求不够"},
        {"problem": "监督手段不足"},
    ])
    paragraphs = following(doc, "三、")
    assert paragraphs[1] == "一是基层执法水平不均衡。原因是警力紧张。"  # already worded as a cause: kept as is
    assert paragraphs[2] == "二是普法形式单一。究其原因，调研群众需求不够。"
    assert paragraphs[3] == "三是监督手段不足。" + std.gap("原因分析")
    assert not paragraphs[0].startswith("一是")  # the opening sentence comes from the template


def test_other_part_only_when_written(std):
    assert len([h for h in doc_of(std).headings if h.level == 1]) == 4
    doc = doc_of(std, other=["本年度未发生需要专门报告的事项。"])
    assert doc.headings[-1].text == "五、" + std.part("other").heading_for(2025)
    assert following(doc, "五、") == ["本年度未发生需要专门报告的事项。", "特此报告。"]


def test_missing_date_becomes_a_gap_marker(std):
    data = report_data()
    del data["meta"]["date"]
    doc = markdown.parse(compose.render(Report.model_validate(data), std))
    assert doc.blocks[-1].kind == "date" and doc.blocks[-1].text == std.gap("成文日期")


def test_input_text_is_data_never_template_code(std):
    tricky = [
        "{{ 7*7 }}",
        "{% for x in range(3) %}重复{% endfor %}",
        "# 不是标题",
        "::: signature",
        "**不加粗** 和 _下划线_ 与 \\ 反斜杠",
        "{{ report.__class__ }}",
    ]
    report = Report.model_validate(report_data(other=tricky))
    doc = markdown.parse(compose.render(report, std))
    assert following(doc, "五、") == [*report.other, "特此报告。"]  # as the input model keeps them
    assert "{{ 7*7 }}" in report.other and "49" not in doc.text()


def test_input_in_titles_and_unit_stays_literal(std):
    data = report_data()
    data["meta"]["unit"] = "{{ year }}县公安局"
    data["measures"][0]["title"] = "{% if true %}真{% endif %}"
    doc = markdown.parse(compose.render(Report.model_validate(data), std))
    assert doc.headings[1].text == "（一）{% if true %}真{% endif %}"
    assert doc.blocks[-2].text == "{{ year }}县公安局"


def fig(value, previous, unit="起"):
    return SimpleNamespace(value=value, previous=previous, unit=unit)


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (fig(563, 1000), ("down", "43.7", False)),
        (fig(1482, 1365), ("up", "8.6", False)),  # one decimal, one rule for the whole draft
        (fig(98.7, 96.9, "%"), ("up", "1.8", True)),
        (fig(4.2, 6.3, "％"), ("down", "2.1", True)),
        (fig(12, 12), ("flat", "0", False)),
        (fig(0, 0), ("flat", "0", False)),
    ],
)
def test_yoy_computes_direction_and_change(figure, expected):
    change = compose.yoy(figure)
    assert (change.direction, compose.number(change.change), change.points) == expected


def test_yoy_is_absent_without_a_usable_previous_value():
    assert compose.yoy(fig(5, None)) is None
    assert compose.yoy(fig(5, 0)) is None  # a ratio to zero has no meaning


@pytest.mark.parametrize(
    ("value", "text"), [(1234, "1234"), (1.86, "1.86"), (100.0, "100"), (2 / 3, "0.67"), (0.005, "0.01")]
)
def test_number_formatting(value, text):
    assert compose.number(value) == text


@pytest.mark.parametrize(
    ("text", "result"),
    [("做了工作", "做了工作。"), ("做了工作。", "做了工作。"), ("确有成效！", "确有成效！"),
     ("提出“严格执法。”", "提出“严格执法。”"), ("见（附件）", "见（附件）。"), ("达到100%", "达到100%。")],
)
def test_ending_adds_a_full_stop_only_when_missing(text, result):
    assert compose.ending(text, "。") == result


def test_title_breaks_after_the_unit_when_too_long():
    title = "澄源县公安局关于2025年度法治政府建设情况的报告"
    assert compose.title_lines(title, "澄源县公安局", 20) == ["澄源县公安局", "关于2025年度法治政府建设情况的报告"]
    assert compose.title_lines("某局2025年工作报告", "某局", 20) == ["某局2025年工作报告"]
    assert compose.title_lines("第一行\n第二行", "某局", 20) == ["第一行", "第二行"]


def test_date_has_no_zero_padding(std):
    data = report_data()
    data["meta"]["date"] = dt.date(2026, 3, 1)
    doc = markdown.parse(compose.render(Report.model_validate(data), std))
    assert doc.blocks[-1].text == "2026年3月1日"


def test_custom_templates_override_only_the_files_they_contain(std, tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "plans.md.j2").write_text(
        "{% for plan in items %}\n第{{ loop.index }}项：{{ plan.text }}\n\n{% endfor %}\n", encoding="utf-8"
    )
    doc = markdown.parse(text_of(std, templates=tmp_path))
    assert following(doc, "四、") == ["第1项：分批轮训派出所民警", "第2项：开展分众普法", "特此报告。"]
    assert following(doc, "三、")[1].startswith("一是基层执法水平不均衡")  # built-in template still used


def test_default_file_name_comes_from_a_template_and_is_safe(std, tmp_path):
    report = Report.model_validate(report_data())
    assert compose.file_stem(report) == "青岚县公安局2025年法治政府建设年度报告"
    (tmp_path / "filename.txt.j2").write_text("{{ unit }}/{{ year }}:草稿", encoding="utf-8")
    assert compose.file_stem(report, tmp_path) == "青岚县公安局_2025_草稿"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ report.__class__.__mro__ }}", "report.md.j2:1"),
        ("{{ ''.__class__.__subclasses__() }}", "report.md.j2:1"),
        ("\n{{ no_such_thing }}", "report.md.j2:2"),
        ("{% for x in report.preamble %}", "report.md.j2:1"),
        ("{{ report.meta.unit|no_such_filter }}", "report.md.j2:1"),
    ],
)
def test_broken_or_unsafe_custom_templates_are_refused_with_place(std, tmp_path, template, expected):
    (tmp_path / "report.md.j2").write_text(template, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        text_of(std, templates=tmp_path)
    assert expected in caught.value.message
    assert "模板" in caught.value.message


def test_missing_templates_folder_is_a_clear_error(std, tmp_path):
    with pytest.raises(DrafterError, match="模板文件夹不存在"):
        text_of(std, templates=tmp_path / "nope")
