"""The page in a real browser: Debian's Chromium driven by Playwright (no downloaded browser).

Skipped where Chromium or Playwright is not installed.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from paths import EXAMPLES, SEEDS
from render_support import open_docx

import drafter

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "")
                 if p and Path(p).exists()), None)
if CHROMIUM is None:
    pytest.skip("没有安装 Chromium（Debian 的 chromium 包），跳过浏览器测试", allow_module_level=True)

from web_support import Served  # noqa: E402

expect = playwright_api.expect
# Waits are for the page to catch up, not speed targets: a CI machine under load
# may take seconds for the first check or render.
expect.set_options(timeout=30_000)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
LONG = "全年坚持依法履职，规范执法程序，完善监督机制，落实案件评查制度，执法质量和群众满意度稳步提升。"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def served(tmp_path):
    server = Served(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(15000)
    yield tab
    context.close()
    assert not errors, errors


def _fill_blanks(page):
    """Type an answer into every field the skeleton left as 【待填写…】."""
    areas = page.locator("textarea")
    for i in range(areas.count()):
        area = areas.nth(i)
        if "【待填写" not in area.input_value():
            continue
        name = area.get_attribute("name")
        if name.startswith("meta.recipients"):
            area.fill(f"中共测试县委{i}")
        elif name.endswith((".title", ".name")):
            area.fill(f"推进第{i}项重点工作")
        else:
            area.fill(f"第{i}段。" + LONG * 10)


def test_a_report_from_nothing_to_a_word_file(page, served):
    page.goto(served.url)
    page.fill("input[name=unit]", "测试县公安局")
    page.fill("input[name=year]", "2025")
    page.click("text=新建并开始填写")
    page.wait_for_url(re.compile(r"/edit\?file="))
    expect(page.locator(".part").first).to_be_visible()
    assert page.url.find("token") < 0  # the token left the address for a cookie

    # A finding appears next to the field it concerns, and goes when fixed.
    cause = page.locator('textarea[name="shortcomings[0].cause"]')
    cause.fill("")
    notes = page.locator('[data-path="shortcomings[0].cause"] > .notes')  # next to the cause itself
    expect(notes).to_contain_text("没有写原因")
    cause.fill("原因在于基层执法人员流动较快，培训没有跟上。")
    expect(notes).not_to_contain_text("没有写原因")

    _fill_blanks(page)
    page.fill('input[name="meta.date"]', "2026-02-12")
    page.fill('input[name="measures[0].points[0].figures[0].value"]', "120")
    page.fill('input[name="measures[0].points[0].figures[0].previous"]', "100")
    expect(page.locator('[data-change-path="measures[0].points[0].figures[0]"]')).to_have_text("同比上升20%")
    expect(page.locator("#summary")).to_contain_text("内容完整")
    expect(page.locator("#preview")).to_contain_text("同比上升20%")

    page.click("#word")
    link = page.locator("#download-link")
    expect(link).to_be_visible()
    expect(page.locator("#state")).to_have_text("已保存")
    with page.expect_download() as download:
        link.click()
    text = "\n".join(p.text for p in open_docx(Path(download.value.path())).paragraphs)
    assert "测试县公安局" in text and LONG in text and "【待填写" not in text
    written = list(served.folder.glob("*.docx"))
    assert len(written) == 1 and "测试县公安局" in written[0].name
    assert open_docx(written[0]).paragraphs[0].text

    # The saved YAML is a normal input: the command line agrees it is complete.
    inputs = list(served.folder.glob("*.yaml"))
    assert drafter.validate(inputs[0]).complete


def test_items_are_added_reordered_and_removed(page, served):
    shutil.copy(next(p for p in EXAMPLES if p.name == "county_standard.yaml"), served.folder / "county.yaml")
    page.goto(served.url)
    page.click("text=county.yaml")
    plans = page.locator('section[data-path="plans"]')
    expect(plans.locator(":scope > .item").first).to_be_visible()
    count = plans.locator(":scope > .item").count()
    plans.locator(":scope > button.add").click()
    expect(plans.locator(":scope > .item")).to_have_count(count + 1)
    last = f"plans[{count}]"
    page.fill(f'textarea[name="{last}.text"]', "新增的一条安排，写得足够具体。")
    page.select_option(f'select[name="{last}.answers"]', index=2)
    page.locator(f'[data-path="{last}"] button[title="上移"]').click()
    moved = page.locator(f'textarea[name="plans[{count - 1}].text"]')
    expect(moved).to_have_value("新增的一条安排，写得足够具体。")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'[data-path="plans[{count - 1}]"] button.remove').click()
    expect(plans.locator(":scope > .item")).to_have_count(count)
    page.click("#save")
    expect(page.locator("#state")).to_have_text("已保存")


def test_a_stale_save_is_refused_with_a_message(page, served):
    path = served.folder / "county.yaml"
    shutil.copy(next(p for p in EXAMPLES if p.name == "county_standard.yaml"), path)
    page.goto(served.url)
    page.click("text=county.yaml")
    page.fill('textarea[name="meta.unit"]', "澄源县公安局（页面）")
    path.write_text(path.read_text(encoding="utf-8").replace("澄源县公安局", "澄源县公安局（别处）", 1), encoding="utf-8")
    page.click("#save")
    expect(page.locator("#message")).to_contain_text("被其他程序改过")
    assert "（别处）" in path.read_text(encoding="utf-8")


def test_review_a_folder(page, served):
    received = served.folder / "收到的报告"
    received.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, received / seed.name)
    (received / "坏文件.docx").write_bytes(b"not a zip")
    page.goto(served.url)
    page.click("text=审阅报告")
    page.select_option("#folder", "收到的报告")
    page.click("#check-folder")
    expect(page.locator("#progress")).to_contain_text(f"已检查 {len(SEEDS) + 1} 份")
    rows = page.locator("#matrix tbody tr")
    expect(rows).to_have_count(len(SEEDS) + 1)
    assert "坏文件.docx" in rows.first.inner_text() and "无法读取" in rows.first.inner_text()  # the worst first
    # file, unit, year, five parts, the count of findings, the verdict, the annotated copy
    assert page.locator("#matrix thead th").count() == 3 + 5 + 3
    expect(page.locator("#details")).to_contain_text("坏文件.docx")
    expect(page.locator("#matrix")).to_contain_text("✗ 缺失")

    # The workbook, as `drafter check -o` writes it: one row per file, the unreadable one included.
    expect(page.locator("#downloads")).to_be_visible()
    with page.expect_download() as download:
        page.click("#get-xlsx")
    assert download.value.suggested_filename == "审阅结果（收到的报告）.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    files = [row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert sorted(files) == sorted([seed.name for seed in SEEDS] + ["坏文件.docx"])
    assert len(list(book["审查意见"].iter_rows(min_row=2))) > len(SEEDS)

    # One draft's annotated copy: a Word file carrying the findings as comments.
    row = rows.filter(has_text=SEEDS[0].name)
    count = int(row.locator("td").nth(3 + 5).inner_text())
    with page.expect_download() as download:
        row.locator("a.copy").click()
    assert download.value.suggested_filename == f"{SEEDS[0].stem}（审阅意见）.docx"
    comments = [c.text for c in open_docx(Path(download.value.path())).comments]
    assert len(comments) > count and any("缺少" in text or "不完整" in text for text in comments)
    assert sorted(p.name for p in received.iterdir()) == sorted([s.name for s in SEEDS] + ["坏文件.docx"])


def test_review_uploaded_drafts(page, served):
    page.goto(served.url)
    page.click("text=审阅报告")
    page.set_input_files("#upload", [str(SEEDS[0]), str(SEEDS[3])])
    expect(page.locator("#progress")).to_contain_text("已检查 2 份")
    expect(page.locator("#matrix tbody tr")).to_have_count(2)
    expect(page.locator("#matrix")).to_contain_text(SEEDS[3].name)
    assert not list(served.folder.iterdir())  # uploads are never written


def test_a_review_finding_appears_beside_its_field_apart_from_the_gaps(page, served):
    shutil.copy(next(p for p in EXAMPLES if p.name == "county_standard.yaml"), served.folder / "county.yaml")
    page.goto(served.url)
    page.click("text=county.yaml")
    expect(page.locator("#summary")).to_contain_text("内容完整")
    cause = page.locator('textarea[name="shortcomings[0].cause"]')
    cause.fill("今年学习习法治思想不够深入，培训没有跟上。")
    notes = page.locator('[data-path="shortcomings[0].cause"] > .notes')
    expect(notes.locator(".finding.review")).to_have_count(2)
    expect(notes).to_contain_text("审查·错误")  # the leader's name cut short
    expect(notes).to_contain_text("习近平法治思想")
    expect(page.locator("#summary")).to_contain_text("内容完整；审查意见 2 条（1 条须改正）")
    cause.fill("原因在于培训没有跟上，学习习近平法治思想不够深入。")
    expect(notes.locator(".finding")).to_have_count(0)
    expect(page.locator("#summary")).to_have_text("内容完整；没有审查意见")


def test_import_last_years_report_and_the_editor_opens_filled(page, served):
    seed = SEEDS[0]  # 万州区公安局, 2024
    page.goto(served.url)
    page.set_input_files("#import input[name=report]", str(seed))
    page.fill("#import input[name=year]", "2025")
    page.click("text=导入并开始填写")
    page.wait_for_url(re.compile(r"/edit\?file="))
    name = "万州区公安局2025年度报告.yaml"
    expect(page.locator("#file-name")).to_have_text(name)
    expect(page.locator("#imported")).to_contain_text(f"已从“{seed.name}”导入")
    expect(page.locator("#imported")).to_contain_text("已按2025年度改写")
    expect(page.locator('textarea[name="meta.unit"]')).to_have_value("万州区公安局")
    expect(page.locator('input[name="meta.year"]')).to_have_value("2025")
    measures = page.locator('section[data-path="measures"]')
    expect(measures.locator(":scope > .notes .finding.remark")).to_contain_text("去年安排：")
    areas = page.locator('textarea[name^="measures["]')
    texts = [areas.nth(i).input_value() for i in range(areas.count())]
    seed_text = seed.read_text(encoding="utf-8")
    assert len(texts) > 5 and sum(t[:20] in seed_text for t in texts) >= 3  # the writer's sentences, verbatim
    expect(page.locator("#summary")).to_contain_text("缺项")  # this year's figures are still to fill
    assert drafter.validate(served.folder / name).report.meta.unit == "万州区公安局"

    # Importing again asks before replacing the file; declined, nothing changes.
    before = (served.folder / name).read_bytes()
    page.goto(served.url)
    page.set_input_files("#import input[name=report]", str(seed))
    page.fill("#import input[name=year]", "2025")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("text=导入并开始填写")
    expect(page.locator("#message")).to_contain_text(f"未导入，“{name}”没有改动")
    assert (served.folder / name).read_bytes() == before


def test_a_word_form_is_shown_read_only_with_its_findings_and_imported_to_edit(page, served):
    drafter.init(served.folder / "表单.docx", "测试县公安局", 2025)
    page.goto(served.url)
    row = page.locator("#inputs tbody tr", has_text="表单.docx")
    expect(row).to_contain_text("Word 表单")
    row.locator("a").click()
    page.wait_for_url(re.compile(r"/edit\?file="))
    expect(page.locator("#state")).to_have_text("Word 表单（只读）")
    unit = page.locator('textarea[name="meta.unit"]')
    expect(unit).to_have_value("测试县公安局")
    expect(unit).to_have_attribute("readonly", "")
    assert page.locator("button.add").count() == 0 and page.locator("button.remove").count() == 0
    expect(page.locator("#save")).to_be_hidden()
    notes = page.locator('[data-path="preamble[0]"] > .notes')
    expect(notes).to_contain_text("第2部分第1段")  # where it is in Word
    expect(notes).to_contain_text("还有空白未填写")
    expect(page.locator("#message")).to_contain_text("先把它导入为 YAML")
    expect(page.locator("#preview")).to_contain_text("测试县公安局")

    page.click("#convert")
    page.wait_for_url(re.compile(r"\.yaml$"))
    expect(page.locator("#imported")).to_contain_text("已把 Word 表单“表单.docx”导入为“测试县公安局2025年度报告.yaml”")
    editable = page.locator('textarea[name="meta.unit"]')
    expect(editable).not_to_have_attribute("readonly", "")
    editable.fill("测试县公安局（改）")
    page.click("#save")
    expect(page.locator("#state")).to_have_text("已保存")
    assert drafter.load_input(served.folder / "测试县公安局2025年度报告.yaml").report.meta.unit == "测试县公安局（改）"
    assert drafter.load_input(served.folder / "表单.docx").report.meta.unit == "测试县公安局"
