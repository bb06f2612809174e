"""The rendered text as a reviewer reads it: no template seams.

Closing formula, 版记 with 抄送, the number line of a report sent upward, the
unit calling itself 我局 after the first mention, part intros, figures inside
their sentence, 同比 only where it reads well, one rounding rule.
"""

from __future__ import annotations

import re

import pytest
from paths import EXAMPLES
from render_support import open_docx, report_data

from drafter.document import markdown
from drafter.drafting import compose, render
from drafter.drafting import input as model
from drafter.drafting.input import Report


def text_of(std, **parts) -> str:
    return compose.render(Report.model_validate(report_data(**parts)), std)


def with_meta(**meta) -> dict:
    data = report_data()
    data["meta"].update(meta)
    return data


def paragraphs(text: str) -> list[str]:
    return [b.text for b in markdown.parse(text).blocks]


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request, std):
    report, _ = model.load(request.param)
    return report, compose.render(report, std)


def test_examples_end_with_the_closing_formula_and_an_imprint_with_cc(example):
    report, text = example
    blocks = markdown.parse(text).blocks
    kinds = [b.kind for b in blocks]
    signature = kinds.index("signature")
    assert blocks[signature - 1].text == "特此报告。"
    assert [b.kind for b in blocks if b.kind in ("cc", "imprint")] == ["cc", "imprint", "imprint"]
    assert blocks[kinds.index("cc")].text == "抄送：" + "，".join(report.meta.cc) + "。"
    assert not any(re.search("依法治.{1,2}办|依法治.{1,3}委员会办公室", r) for r in report.meta.recipients)


def test_no_stock_sentence_names_the_unit_in_full(example, std):
    report, text = example
    typed = " ".join(t for t in report.preamble) + str(report.model_dump())
    for paragraph in paragraphs(text):
        if report.meta.unit in paragraph and paragraph not in typed and paragraph[:20] not in typed:
            assert paragraph in (report.meta.unit, report.signer) or paragraph.startswith(report.meta.unit), paragraph


def test_no_year_on_year_change_on_a_small_base_or_a_stock_count(example, std):
    report, text = example
    rules = std.figures
    for topic in report.measures:
        for point in topic.points:
            for figure in point.figures:
                change = compose.yoy(figure, rules)
                if (figure.previous is not None and figure.unit != "%"
                        and rules.base(figure.previous, figure.unit) < rules.yoy_min_previous):
                    assert change is None, figure
                if any(word in figure.name for word in rules.stock_words):
                    assert change is None, figure


def test_changes_have_at_most_one_decimal(example):
    _, text = example
    changes = re.findall(r"同比(?:上升|下降)(\d+(?:\.\d+)?)(?:%|个百分点)", text)
    assert changes and all(len(c.partition(".")[2]) <= 1 for c in changes)


def test_each_example_cites_review_and_litigation_figures(example):
    report, text = example
    assert "受理" not in "".join(re.findall(r"[^。；]*行政复议[^。；]*", text)), "a bureau does not 受理 复议"
    named = [f.name for topic in report.measures for p in topic.points for f in p.figures]
    assert any("复议" in n for n in named) and any("诉讼" in n or "应诉" in n for n in named)


def test_there_is_an_example_for_each_accepted_order(std):
    orders = {model.load(p)[0].meta.order for p in EXAMPLES}
    assert orders == {o.id for o in std.orders}
    regulation = [model.load(p)[0] for p in EXAMPLES if model.load(p)[0].meta.order == "regulation"]
    assert any(r.meta.layout == "standard" for r in regulation)


def test_closing_formula_is_configurable(std):
    assert "专此报告。" in paragraphs(compose.render(Report.model_validate(with_meta(closing="专此报告")), std))
    plain = paragraphs(compose.render(Report.model_validate(with_meta(closing="无")), std))
    assert "特此报告。" not in plain and "无" not in plain


def test_publication_note_follows_the_date(std):
    blocks = markdown.parse(compose.render(Report.model_validate(with_meta(note="（此件公开发布）")), std)).blocks
    kinds = [b.kind for b in blocks]
    assert blocks[kinds.index("date") + 1].text == "（此件公开发布）"


def test_the_unit_calls_itself_we(std):
    text = text_of(std)
    assert "我局工作中还存在以下不足。" in text and "下一步，我局将" in text
    custom = compose.render(Report.model_validate(with_meta(we="本局")), std)
    assert "本局工作中还存在以下不足" in custom and "我局" not in custom


def test_part_intros_can_be_written_or_dropped(std):
    written = text_of(std, intros={"shortcomings": "一年来的工作也暴露出一些问题", "leadership": "局长切实履行第一责任人职责。"})
    assert "一年来的工作也暴露出一些问题。\n\n一是基层执法水平不均衡" in written
    assert "局长切实履行第一责任人职责。\n\n一是带头学法" in written
    dropped = text_of(std, intros={"plans": "无"})
    assert "下一步" not in dropped and "## 四、2026年推进法治政府建设的主要安排\n\n一是加强基层培训" in dropped


def test_default_intros_do_not_repeat_the_year(std):
    for paragraph in paragraphs(text_of(std)):
        if paragraph.startswith(("我局工作中", "下一步")):
            assert not re.search(r"20\d\d年", paragraph)


def test_a_figure_sits_where_its_name_is_referenced(std):
    data = report_data()
    point = data["measures"][0]["points"][0]
    point["text"] = "重大案件一律审核，{全年审核案件}，做到应审尽审"
    text = compose.render(Report.model_validate(data), std)
    assert ("一是严格法制审核。重大案件一律审核，全年审核案件120件，同比上升20%，做到应审尽审。"
            "评查合格率为97.5%，同比下降0.5个百分点。") in text


def test_a_reference_to_no_figure_stays_as_written(std):
    data = report_data()
    data["measures"][0]["points"][0]["text"] = "执行{某规定}的要求"
    assert "执行{某规定}的要求。全年审核案件120件" in compose.render(Report.model_validate(data), std)


@pytest.mark.parametrize(
    "figure, wording",
    [
        ({"value": 11, "previous": 6}, "办理案件11件。"),  # a small base: no 同比
        ({"value": 11, "previous": 6, "yoy": True}, "办理案件11件，同比上升83.3%。"),  # asked for anyway
        ({"value": 120, "previous": 100, "yoy": False}, "办理案件120件。"),
        ({"value": 120, "previous": 100}, "办理案件120件，同比上升20%。"),
        ({"value": 2.4, "previous": 1.3, "unit": "万件"}, "办理案件2.4万件，同比上升84.6%。"),  # 13000 is no small base
    ],
)
def test_year_on_year_rules(std, figure, wording):
    data = report_data()
    data["measures"][0]["points"][1]["figures"] = [{"name": "办理案件", "unit": "件", **figure}]
    assert wording in compose.render(Report.model_validate(data), std)


def test_a_stock_count_gets_no_year_on_year_change(std):
    data = report_data()
    data["measures"][0]["points"][1]["figures"] = [{"name": "权责清单事项共", "value": 1236, "unit": "项", "previous": 1258}]
    assert "权责清单事项共1236项。" in compose.render(Report.model_validate(data), std)


def test_a_blank_value_becomes_a_gap_marker(std):
    data = report_data()
    data["measures"][0]["points"][1]["figures"] = [{"name": "办理案件", "unit": "件", "previous": 100}]
    assert f"办理案件{std.gap('本年数值')}件。" in compose.render(Report.model_validate(data), std)


def test_a_report_sent_upward_carries_its_number_and_issuer(std):
    data = with_meta(doc_number="青公呈〔2026〕3号", issuer="李某某")
    report = Report.model_validate(data)
    blocks = markdown.parse(compose.render(report, std)).blocks
    assert [(b.kind, b.text) for b in blocks[:2]] == [("docnumber", "青公呈〔2026〕3号"), ("issuer", "签发人：李某某")]
    document = open_docx(render.draft(report, std))
    first = document.paragraphs[0]
    assert first.text == "青公呈〔2026〕3号\t签发人：李某某"
    fonts = [r._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
             for r in first.runs if r.text.strip()]
    assert fonts[-1] == "楷体_GB2312" and fonts[0] == "仿宋_GB2312"  # the name in 楷体, GB/T 9704 7.2.5
    assert document.paragraphs[1].style.name == "Title"


def test_rendering_is_still_deterministic_with_furniture(std):
    data = with_meta(doc_number="青公呈〔2026〕3号", issuer="李某某", cc=["中共青岚县委全面依法治县委员会办公室"],
                     printer="青岚县公安局办公室")
    report = Report.model_validate(data)
    assert render.draft(report, std) == render.draft(report, std)
