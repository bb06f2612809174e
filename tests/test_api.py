"""The public Python API, used the way another program would: no CLI involved."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest
from paths import EXAMPLES, SEEDS

import drafter


def test_render_and_check_the_example_through_the_api(tmp_path):
    example = next(p for p in EXAMPLES if p.name == "county_standard.yaml")
    validation = drafter.validate(example)
    assert validation.complete and validation.report.meta.unit == "澄源县公安局"
    rendered = drafter.render(validation)
    assert rendered.format == "docx" and rendered.default_name.endswith(".docx")
    document = docx.Document(io.BytesIO(rendered.data))
    assert "澄源县公安局" in document.paragraphs[0].text
    path = rendered.save(tmp_path / "报告.docx")
    assert path.read_bytes() == rendered.data
    with pytest.raises(drafter.DrafterError, match="--force"):
        rendered.save(path)  # never clobbers without force
    result = drafter.check(path)
    assert result.complete
    assert [p.id for p in result.parts] == [p.id for p in drafter.load_standard().parts]
    # The same file's bytes give the same answer.
    again = drafter.check(rendered.data, name="报告.docx")
    assert [(p.id, p.status, p.position) for p in again.parts] == [(p.id, p.status, p.position) for p in result.parts]


def test_render_refuses_an_incomplete_input_unless_allowed(tmp_path):
    text = EXAMPLES[0].read_text(encoding="utf-8").replace("date: 2026-", "date_removed: 2026-")
    source = text.replace("date_removed:", "# date:")
    validation = drafter.validate(source.encode("utf-8"), name="缺日期.yaml")
    assert not validation.complete
    assert any(f.rule == "meta.no-date" and f.line for f in validation.findings)
    with pytest.raises(drafter.IncompleteInput) as caught:
        drafter.render(validation)
    assert caught.value.exit_code == 1
    draft = drafter.render(validation, allow_incomplete=True, format="md")
    assert "【待补充：成文日期】" in draft.data.decode("utf-8")


def test_read_and_check_a_text_draft_from_bytes():
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    document = drafter.read(seed.read_bytes(), name=seed.name)
    assert document.blocks and document.source == seed.name
    result = drafter.check(document)
    assert result.complete and result.file == seed.name


def test_unusable_input_is_a_drafter_error_with_exit_code_2():
    with pytest.raises(drafter.DrafterError) as caught:
        drafter.validate(b"meta: [", name="x.yaml")
    assert caught.value.exit_code == 2 and "x.yaml" in str(caught.value)


def _many_sources(tmp_path):
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    missing = tmp_path / "不存在.txt"
    return [SEEDS[0], broken, SEEDS[3], missing, *SEEDS[1:3], SEEDS[4].read_bytes()]


def _summary(outcome):
    if isinstance(outcome, drafter.DrafterError):
        return ("error", str(outcome))
    return (outcome.file, outcome.complete, [(p.id, p.status, p.position) for p in outcome.parts], outcome.findings)


@pytest.mark.parametrize("jobs", [1, 2], ids=["here", "pool"])
def test_check_many_gives_each_result_or_error_in_input_order(tmp_path, jobs):
    sources = _many_sources(tmp_path)
    outcomes = list(drafter.check_many(sources, jobs=jobs))
    expected = []
    for source in sources:
        try:
            expected.append(_summary(drafter.check(source)))
        except drafter.DrafterError as exc:
            expected.append(_summary(exc))
    assert [_summary(o) for o in outcomes] == expected
    assert [kind for kind, *_ in expected].count("error") == 2
    errors = [o for o in outcomes if isinstance(o, drafter.DrafterError)]
    assert all(e.exit_code == 2 for e in errors) and "损坏.docx" in str(errors[0]) and "不存在.txt" in str(errors[1])


def test_check_many_uses_the_standard_it_is_given_in_every_worker(tmp_path):
    bundled = drafter.load_standard()
    markers = bundled.report_markers.model_copy(update={"min_hits": 99})  # no draft has that many
    custom = bundled.model_copy(update={"report_markers": markers})
    outcomes = list(drafter.check_many(SEEDS, standard=custom, jobs=2))
    assert all("report.not-a-report" in [f.rule for f in o.findings] for o in outcomes)


def test_a_bug_in_a_worker_is_raised_not_turned_into_a_result():
    with pytest.raises(TypeError):
        list(drafter.check_many([SEEDS[0], 42, SEEDS[1]], jobs=2))  # type: ignore[list-item]


def test_check_many_works_where_workers_are_spawned_not_forked():
    # Windows starts worker processes fresh: the standard and the work must travel by pickling.
    probe = (
        "import multiprocessing, sys\n"
        "multiprocessing.set_start_method('spawn')\n"
        "import drafter\n"
        "paths = sys.argv[1:]\n"
        "print([r.complete for r in drafter.check_many(paths, jobs=2)])\n"
    )
    paths = [str(p) for p in SEEDS]
    proc = subprocess.run([sys.executable, "-c", probe, *paths], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str([drafter.check(p).complete for p in paths])


def test_the_package_exports_exactly_the_api():
    from drafter import api

    assert sorted(drafter._API) == sorted(api.__all__)
    for name in api.__all__:
        assert getattr(drafter, name) is getattr(api, name)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_unit_is_read_from_the_title_even_under_a_number_line(example):
    # One example is sent upward: 发文字号 and 签发人 stand above its title.
    validation = drafter.validate(example)
    rendered = drafter.render(validation)
    result = drafter.check(rendered.data, name="x.docx")
    assert result.unit == validation.report.meta.unit
