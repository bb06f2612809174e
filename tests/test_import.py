"""drafter import: a report becomes an input; last year's report becomes this year's start."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from docx_fixtures import build, lines_of
from paths import EXAMPLES, SEEDS

import drafter
from drafter import yamlio
from drafter.drafting.importer import emit

COUNTY = next(p for p in EXAMPLES if p.stem == "county_standard")


def statuses(cli, path) -> dict[str, str]:
    run = cli("check", path, "--format", "json")
    return {p["id"]: p["status"] for p in json.loads(run.stdout)["parts"]}


def sentences(markdown_text: str) -> list[str]:
    document = drafter.read(markdown_text.encode("utf-8"), name="稿.md")
    return [s for b in document.blocks for s in re.findall(r"[^。！？；]+[。！？；]?", b.text) if s.strip()]


def loaded(text: str) -> drafter.InputFile:
    return drafter.load_input(text.encode("utf-8"), name="导入.yaml")


@pytest.fixture(scope="module")
def rendered():
    """Each example rendered as Markdown, as drafter writes it."""
    return {p.stem: drafter.render(p, format="md").data.decode("utf-8") for p in EXAMPLES}


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_seed_imports_to_an_input_that_loads_and_keeps_its_parts(cli, tmp_path, seed, kind):
    source = seed if kind == "txt" else build(lines_of(seed), tmp_path / f"{seed.stem}.docx", styled=True)
    before = statuses(cli, source)
    out = tmp_path / "导入.yaml"
    run = cli("import", source, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert cli("validate", out).exit_code in (0, 1)
    draft = tmp_path / "草稿.md"
    assert cli("render", out, "-o", draft, "--allow-incomplete").exit_code == 0
    after = statuses(cli, draft)
    kept = [pid for pid, status in before.items() if status in ("found", "partial")]
    assert kept and all(after[pid] in ("found", "partial") for pid in kept), (before, after)


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_rendered_example_imports_and_renders_back_sentence_for_sentence(example, rendered, fmt):
    data = drafter.render(example, format=fmt).data
    imported = drafter.import_report(data, name=f"稿.{fmt}")
    validation = drafter.validate(imported.text.encode("utf-8"), name="导入.yaml")
    assert validation.complete, [f.message for f in validation.findings if f.level == "error"]
    again = drafter.render(validation, format="md").data.decode("utf-8")
    original, back = sentences(rendered[example.stem]), set(sentences(again))
    kept = sum(s in back for s in original) / len(original)
    assert kept >= 0.95, f"{kept:.1%} of {len(original)} sentences kept"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_sentences_the_templates_wrote_are_not_imported_as_the_writers(example, rendered):
    report = drafter.load_input(example).report
    imported = loaded(drafter.import_report(rendered[example.stem].encode(), name="稿.md").text).report
    assert imported.meta.closing is None  # the default 特此报告。 is the template's
    assert imported.intros == report.intros  # default intros recognized; the writer's own kept
    for mine, theirs in zip(imported.shortcomings, report.shortcomings, strict=True):
        assert mine.cause == theirs.cause  # no 究其原因， added
    figures = [f for t in imported.measures for p in t.points for f in p.figures]
    trailing = [f for t in report.measures for p in t.points for f in p.figures if "{" + f.name + "}" not in p.text]
    # The figure sentences after the texts come back as figures, not as text (a reference that
    # filled a whole sentence reads the same way, and may come back as a figure too).
    assert {(f.name, f.value, f.unit) for f in trailing} <= {(f.name, f.value, f.unit) for f in figures}
    assert not any(f"{f.name}{emit.number(f.value)}{f.unit}" in p.text
                   for t in imported.measures for p in t.points for f in trailing)


def test_meta_comes_back_from_the_draft(rendered):
    report = drafter.load_input(COUNTY).report
    imported = loaded(drafter.import_report(rendered[COUNTY.stem].encode(), name="稿.md").text).report
    meta = imported.meta
    assert (meta.unit, meta.year, meta.date, meta.recipients, meta.cc, meta.printer) == (
        report.meta.unit, report.meta.year, report.meta.date, report.meta.recipients, report.meta.cc,
        report.meta.printer)
    assert meta.version == 2 and meta.layout == report.meta.layout and meta.order == report.meta.order


def test_a_report_sent_upward_keeps_its_number_and_issuer():
    example = next(p for p in EXAMPLES if drafter.load_input(p).report.meta.doc_number)
    report = drafter.load_input(example).report
    for fmt in ("md", "docx"):
        imported = loaded(drafter.import_report(drafter.render(example, format=fmt).data, name=f"稿.{fmt}").text)
        assert (imported.report.meta.doc_number, imported.report.meta.issuer) == (report.meta.doc_number,
                                                                                  report.meta.issuer)


def test_a_shortcoming_without_a_cause_gets_a_marked_blank(std):
    seed = next(p for p in SEEDS if p.name.startswith("002"))
    imported = loaded(drafter.import_report(seed).text).report
    assert imported.shortcomings
    for item in imported.shortcomings:
        assert item.problem and item.cause == std.blank("原因分析")


# -- moving last year's report forward -------------------------------------------------


@pytest.fixture(scope="module")
def moved(rendered):
    result = drafter.import_report(rendered[COUNTY.stem].encode(), name="去年.md", year="2026年")
    return result, loaded(result.text)


def test_moving_forward_shifts_years_and_leaves_this_years_figures_blank(moved):
    result, input_file = moved
    old = drafter.load_input(COUNTY).report
    new = input_file.report
    assert new.meta.year == 2026 and new.meta.date is None
    assert new.preamble[0].startswith("2026年")
    old_figures = {f.name: f.value for t in old.measures for p in t.points for f in p.figures}
    new_figures = [f for t in new.measures for p in t.points for f in p.figures]
    assert new_figures and all(f.value is None for f in new_figures)
    # Every figure of last year is there with its value as previous (names as the sentence says them).
    assert sorted(old_figures.values()) == sorted(f.previous for f in new_figures if f.previous in old_figures.values())
    texts = [p.text for t in new.measures for p in t.points]
    for name, value in old_figures.items():
        said = f"{name}{emit.number(value)}"
        assert not any(said in text for text in texts), said  # no sentence restates last year's figure


def test_moving_forward_turns_last_years_plans_into_questions(moved, std):
    result, input_file = moved
    old = drafter.load_input(COUNTY).report
    assert result.text.count("# 去年安排：") == len(old.plans)
    assert result.text.count("今年落实情况？") == len(old.plans)
    comments = result.text.index("# 去年安排：")
    assert comments < result.text.index("\nmeasures:")
    plans = input_file.report.plans
    assert plans and all(std.placeholder_re.search(p.text) for p in plans)
    assert "2027年" in plans[0].text  # the plans to write now are for the year after the new one


def test_the_moved_input_loads_and_is_incomplete_not_unusable(moved, cli, tmp_path):
    result, _ = moved
    path = tmp_path / "今年.yaml"
    path.write_text(result.text, encoding="utf-8")
    run = cli("validate", path, "--format", "json")
    assert run.exit_code == 1
    rules = {f["rule"] for f in json.loads(run.stdout)["findings"]}
    assert {"placeholder", "meta.no-date"} <= rules


def test_numbers_in_a_seeds_sentences_become_references_with_last_years_value():
    seed = next(p for p in SEEDS if p.name.startswith("000"))
    report = loaded(drafter.import_report(seed, year=2025).text).report
    points = [p for t in report.measures for p in t.points]
    point = next(p for p in points if "{立电信网络诈骗案}" in p.text)
    figure = next(f for f in point.figures if f.name == "立电信网络诈骗案")
    assert (figure.value, figure.previous, figure.unit) == (None, 775, "起")
    assert "同比下降45.7%" not in point.text  # last year's comparison goes with last year's number


def test_years_in_titles_and_ranges_stay(std):
    from drafter.drafting.importer.figures import Figures
    from drafter.drafting.importer.forward import Mover

    mover = Mover(std, Figures(std, 2024), 2024, 2025)
    text = "2024年，依照《2024年度考评方案》和《实施纲要（2021-2025年）》，部署2025年工作。"
    assert mover.years(text) == "2025年，依照《2024年度考评方案》和《实施纲要（2021-2025年）》，部署2026年工作。"


# -- the YAML it writes ------------------------------------------------------------------


def test_the_emitter_quotes_what_yaml_would_misread():
    data = {"meta": {"unit": "某局", "year": 2025, "we": "no", "signer": "2025", "note": "yes", "title": "- 标题",
                     "closing": "特此报告: 完", "doc_number": "#3", "issuer": "true", "printer": "2026-02-10"}}
    text = emit.dump(data, lambda t: yamlio.parse(t, "x").data, data)
    assert yamlio.parse(text, "x").data == data
    for word in ("no", "2025", "yes", "true", "2026-02-10", "#3"):
        assert f'"{word}"' in text
    assert "unit: 某局" in text  # plain Chinese stays plain


def test_long_texts_fold_between_chinese_characters_only():
    text = "全年共办理案件1203起，其中ABC专项行动中查处Word文档泄密案件12起。" * 3
    lines = emit.wrap(text, 20)
    assert "".join(lines) == text and len(lines) > 2
    assert all(re.match(r"[\u4e00-\u9fff，。]", line[0]) and re.search(r"[\u4e00-\u9fff，。]$", prev)
               for prev, line in itertools.pairwise(lines))


# -- the command ---------------------------------------------------------------------------


def test_a_file_that_is_not_a_report_still_loads_and_says_so(cli, tmp_path):
    source = tmp_path / "随笔.txt"
    source.write_text("今天天气很好。\n我们去公园散步，看见了很多花。\n", encoding="utf-8")
    out = tmp_path / "导入.yaml"
    run = cli("import", source, "-o", out)
    assert run.exit_code == 0 and "不像法治政府建设年度报告" in run.stderr
    assert cli("validate", out).exit_code == 1


def test_import_refuses_to_overwrite_and_says_what_next(cli, tmp_path):
    seed = SEEDS[0]
    out = tmp_path / "导入.yaml"
    out.write_text("我的内容", encoding="utf-8")
    run = cli("import", seed, "-o", out)
    assert run.exit_code == 2 and "--force" in run.stderr and out.read_text(encoding="utf-8") == "我的内容"
    run = cli("import", seed, "-o", out, "--force")
    assert run.exit_code == 0 and "drafter validate" in run.stderr


def test_import_with_a_bad_year_or_file_is_exit_2_in_chinese(cli_process, tmp_path):
    run = cli_process("import", SEEDS[0], "-o", tmp_path / "x.yaml", "--year", "明年")
    assert run.exit_code == 2 and "不是年份" in run.stderr and "Traceback" not in run.stderr
    run = cli_process("import", SEEDS[0], "-o", tmp_path / "x.yaml", "--year", "2020")
    assert run.exit_code == 2 and "早于原报告的年度" in run.stderr
    run = cli_process("import", tmp_path / "没有这个文件.docx", "-o", tmp_path / "y.yaml")
    assert run.exit_code == 2 and "找不到" in run.stderr
    assert not (tmp_path / "x.yaml").exists() and not (tmp_path / "y.yaml").exists()
