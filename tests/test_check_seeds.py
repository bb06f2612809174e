"""The truth table of issue 4 on the five seeds, as .txt and as .docx (styled and plain)."""

from __future__ import annotations

import pytest
from docx_fixtures import build, lines_of
from paths import SEEDS, seed_file

from drafter import reading as readers
from drafter.checking.recognize import recognize

FOUND, PARTIAL, MISSING = {"found"}, {"partial"}, {"missing"}

TRUTH = {
    "000": {"measures": FOUND, "leadership": FOUND, "shortcomings": FOUND, "plans": FOUND | PARTIAL},
    "001": {"measures": FOUND, "leadership": MISSING, "shortcomings": FOUND | PARTIAL, "plans": FOUND},
    "002": {"measures": FOUND, "leadership": PARTIAL | FOUND, "shortcomings": FOUND, "plans": FOUND},
    "003": {"measures": FOUND, "leadership": FOUND, "shortcomings": FOUND, "plans": FOUND},
    "004": {"measures": FOUND, "leadership": FOUND, "shortcomings": MISSING, "plans": MISSING},
}



def _variant(prefix: str, variant: str, tmp_path):
    seed = seed_file(prefix)
    if variant == "txt":
        return seed
    document = build(lines_of(seed), tmp_path / f"{seed.stem}.docx", styled=variant == "docx-styled")
    return document


def test_all_five_seeds_are_present():
    assert sorted(TRUTH) == sorted(p.name[:3] for p in SEEDS)


@pytest.mark.parametrize("variant", ["txt", "docx-styled", "docx-plain"])
@pytest.mark.parametrize("prefix", sorted(TRUTH))
def test_truth_table(prefix, variant, tmp_path, std):
    path = _variant(prefix, variant, tmp_path)
    document = readers.read(path)
    if variant == "docx-styled":
        assert document.headings, "the styled variant must carry Word heading styles"
    result = recognize(document, std)
    statuses = {p.id: p.status for p in result.parts}
    for part_id, allowed in TRUTH[prefix].items():
        assert statuses[part_id] in allowed, (part_id, statuses[part_id], [p.evidence for p in result.parts])
    assert result.complete == all(s == FOUND for s in TRUTH[prefix].values())


@pytest.mark.parametrize("prefix", sorted(TRUTH))
def test_found_and_partial_parts_carry_evidence_and_a_position_in_the_file(prefix, std):
    path = seed_file(prefix)
    paragraphs = lines_of(path)
    result = recognize(readers.read(path), std)
    for part in result.parts:
        if part.status == "missing" and part.evidence is None:
            assert part.position is None
            continue
        assert part.evidence and 0 <= part.position < len(paragraphs)
        # The evidence quotes the paragraph the position points at.
        quoted = part.evidence.split("：", 1)[-1].rstrip("…")[:8]
        assert quoted in paragraphs[part.position], (part.id, part.evidence, paragraphs[part.position][:40])


def test_seed_000_lost_measures_heading_and_unheaded_later_parts_are_explained(std):
    result = recognize(readers.read(seed_file("000")), std)
    parts = {p.id: p for p in result.parts}
    assert "无标题" in parts["measures"].evidence
    assert "无标题" in parts["shortcomings"].evidence
    assert parts["measures"].position < parts["leadership"].position < parts["shortcomings"].position
    assert parts["shortcomings"].position < parts["plans"].position
    if parts["plans"].status == "partial":
        assert "推断" in parts["plans"].evidence


def test_seed_002_leadership_is_only_a_subheading_inside_the_first_theme(std):
    result = recognize(readers.read(seed_file("002")), std)
    leadership = next(p for p in result.parts if p.id == "leadership")
    assert leadership.status == "partial"
    assert "小标题" in leadership.evidence and "组织领导" in leadership.evidence


def test_seed_004_themed_measures_after_leadership_first_is_an_accepted_order(std):
    result = recognize(readers.read(seed_file("004")), std)
    measures = next(p for p in result.parts if p.id == "measures")
    assert "主题" in measures.evidence
    assert not any("顺序" in w for w in result.warnings)


@pytest.mark.parametrize("prefix, warns", [("001", False), ("002", True), ("003", True)])
def test_shortcomings_without_causes_are_flagged(prefix, warns, std):
    import drafter

    result = drafter.check(seed_file(prefix))
    assert any("原因" in w for w in result.warnings) == warns


def test_seeds_are_recognized_as_reports_and_003_is_in_an_accepted_order(std):
    for path in SEEDS:
        result = recognize(readers.read(path), std)
        assert not any("不像法治政府建设年度报告" in w for w in result.warnings), path.name
    result = recognize(readers.read(seed_file("003")), std)
    assert not any("顺序" in w for w in result.warnings)
