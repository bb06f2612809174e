"""What drafter renders, drafter checks: complete examples, and exactly the part left out."""

from __future__ import annotations

import json

import pytest
import yaml
from paths import EXAMPLES

REQUIRED = ["measures", "leadership", "shortcomings", "plans"]


def _render(cli, source, out, *extra):
    run = cli("render", source, "-o", out, "--format", out.suffix[1:], "--force", *extra)
    assert out.exists(), run.stderr
    return out


def _check(cli, path) -> tuple[int, dict]:
    run = cli("check", path, "--format", "json")
    return run.exit_code, json.loads(run.stdout)


def test_there_are_examples_to_round_trip():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_rendered_example_checks_complete(cli, tmp_path, example, fmt):
    out = _render(cli, example, tmp_path / f"report.{fmt}")
    code, result = _check(cli, out)
    assert code == 0, result
    assert result["complete"]
    assert all(p["status"] == "found" for p in result["parts"] if p["id"] in REQUIRED)
    assert not [w for w in result["warnings"] if "顺序" in w or "不像" in w]


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("empty", [[], None], ids=["empty-list", "null"])
@pytest.mark.parametrize("part", REQUIRED)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_removing_one_part_makes_exactly_that_part_missing(cli, tmp_path, example, part, empty, fmt):
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data[part] = empty
    source = tmp_path / "input.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = _render(cli, source, tmp_path / f"report.{fmt}", "--allow-incomplete")
    code, result = _check(cli, out)
    statuses = {p["id"]: p["status"] for p in result["parts"]}
    assert code == 1 and not result["complete"]
    assert statuses[part] == "missing", result
    assert all(statuses[other] == "found" for other in REQUIRED if other != part), result
