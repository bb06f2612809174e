"""The public Python API, used the way another program would: no CLI involved."""

from __future__ import annotations

import io

import docx
import pytest

import drafter
from paths import EXAMPLES, SEEDS


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
