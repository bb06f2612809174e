"""Saving from the page: comments and order kept, YAML 1.1 look-alikes read back as the
same values, and `drafter validate` saying exactly what the page showed."""

from __future__ import annotations

import json
import shutil

import pytest
from paths import EXAMPLES
from web_support import Served

import drafter

COUNTY = next(p for p in EXAMPLES if p.name == "county_standard.yaml")

# Text that YAML 1.1 (drafter's loader) or 1.2 (ruamel) would read as something else if written bare.
LOOKALIKES = ["yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "null", "~", "2025-02-20", "2025-02-20 10:00:00",
              "010", "0o17", "0x1F", "1:20", "1_000", "1e3", "1.5", ".5", "+1", "-0", "=", "<<", "12:30:00",
              ".inf", ".NaN",
              "@某", "`x`", "%YAML", "- 列表", "a: b", "#不是注释", "'引号'", '"双引号"', "  前后空格  ", "多\n行\n\n分段"]


@pytest.fixture
def served(tmp_path):
    shutil.copy(COUNTY, tmp_path / "county.yaml")
    server = Served(tmp_path)
    yield server
    server.stop()


def _open(served, name="county.yaml"):
    reply = served.call("/api/input?file=" + name)
    assert reply.status == 200, reply.body
    return reply.json


def _save(served, opened, data, name="county.yaml"):
    reply = served.call("/api/save", {"file": name, "version": opened["version"], "data": data})
    assert reply.status == 200, reply.body
    return reply.json


def _key(finding):
    return finding["rule"], finding["level"], finding["message"], finding.get("path")


def test_saving_unchanged_keeps_the_file_byte_for_byte(served):
    before = (served.folder / "county.yaml").read_bytes()
    opened = _open(served)
    assert opened["keeps_comments"]
    _save(served, opened, opened["data"])
    assert (served.folder / "county.yaml").read_bytes() == before


def test_an_edit_changes_only_its_own_lines(served):
    before = (served.folder / "county.yaml").read_text(encoding="utf-8").splitlines()
    opened = _open(served)
    opened["data"]["measures"][1]["points"][0]["figures"][0]["value"] = 190
    opened["data"]["shortcomings"][0]["cause"] = "原因在于新的说法。"
    _save(served, opened, opened["data"])
    after = (served.folder / "county.yaml").read_text(encoding="utf-8").splitlines()
    assert after[:4] == before[:4]  # the comment at the top stays
    changed = [line for line in after if line not in before]
    assert any("value: 190" in line for line in changed)
    assert any("原因在于新的说法。" in line for line in changed)
    assert len(changed) <= 3
    assert sum(line.lstrip().startswith("#") for line in after) == sum(line.lstrip().startswith("#") for line in before)


@pytest.mark.parametrize("text", LOOKALIKES)
def test_text_that_looks_like_another_yaml_value_reads_back_as_the_same_text(served, text):
    opened = _open(served)
    data = opened["data"]
    data["meta"]["signer"] = text
    data["measures"][0]["points"][0]["title"] = text
    data["other"] = [text]
    _save(served, opened, data)
    report = drafter.load_input(served.folder / "county.yaml").located.data
    assert report["meta"]["signer"] == text
    assert report["measures"][0]["points"][0]["title"] == text
    assert report["other"] == [text]


def test_numbers_and_dates_stay_numbers_and_dates(served):
    import datetime as dt

    opened = _open(served)
    data = opened["data"]
    figure = data["measures"][0]["points"][0]["figures"][0]
    figure.update(value=0.00001, previous=1000000)
    data["meta"]["date"] = "2026-03-01"
    _save(served, opened, data)
    saved = drafter.load_input(served.folder / "county.yaml").located.data
    assert saved["measures"][0]["points"][0]["figures"][0]["value"] == 0.00001
    assert saved["measures"][0]["points"][0]["figures"][0]["previous"] == 1000000
    assert saved["meta"]["date"] == dt.date(2026, 3, 1)


def test_after_saving_drafter_validate_says_what_the_page_showed(served, cli):
    opened = _open(served)
    data = opened["data"]
    data["shortcomings"][1]["cause"] = ""
    data["plans"][0]["answers"] = "s9"
    data["measures"][2]["points"].append({"text": "【待填写：新的举措】"})
    data["meta"]["date"] = "2027-01-05"
    data["shortcomings"][0]["cause"] = "今年截至目前，学习习法治思想不够深入。"  # what the content review reports
    data["measures"][0]["points"][0]["figures"][0]["value"] = "1203起"  # typed where a number belongs
    shown = served.call("/api/check-input", {"file": "county.yaml", "version": opened["version"], "data": data}).json
    assert shown["findings"] and not shown["complete"]
    _save(served, opened, data)
    run = cli("validate", served.folder / "county.yaml", "--format", "json")
    assert run.exit_code == 2  # the number typed with its unit makes the file unusable, as the page said
    data["measures"][0]["points"][0]["figures"][0]["value"] = 1203
    shown = served.call("/api/check-input", {"file": "county.yaml", "version": opened["version"], "data": data}).json
    saved = _save(served, _open(served), data)
    for kind in ("findings", "review"):
        assert sorted(map(_key, saved[kind])) == sorted(map(_key, shown[kind]))
    run = cli("validate", served.folder / "county.yaml", "--format", "json")
    assert run.exit_code == 1
    cli_findings = json.loads(run.stdout)["findings"]  # completeness and review together
    assert sorted(map(_key, cli_findings)) == sorted(map(_key, shown["findings"] + shown["review"]))
    rules = {f["rule"] for f in cli_findings}
    assert {"shortcoming.no-cause", "plans.unknown-answer", "placeholder", "meta.date-year"} <= rules
    review = {f["rule"]: f for f in shown["review"]}
    assert {"time.relative", "term.leader-name"} <= set(review)  # apart from the completeness findings
    assert not {"time.relative", "term.leader-name"} & {f["rule"] for f in shown["findings"]}
    assert review["term.leader-name"]["path"] == "shortcomings[0].cause"  # placed beside its field


def test_a_file_ruamel_cannot_follow_is_rewritten_and_the_page_says_so(served):
    path = served.folder / "merged.yaml"
    text = (served.folder / "county.yaml").read_text(encoding="utf-8")
    # ruamel merges "<<" into meta; drafter reads no merge keys (nor the anchors they go with): a key "<<".
    text = text.replace("meta:\n", "meta:\n  <<: {layout: standard}\n", 1)
    text = text.replace("  layout: standard\n  order: practice", "  order: practice", 1)
    path.write_text(text, encoding="utf-8")
    opened = _open(served, "merged.yaml")
    assert opened["keeps_comments"] is False
    data = opened["data"]
    assert data["meta"].pop("<<") == {"layout": "standard"}
    data["meta"]["unit"] = "澄源县公安局"
    _save(served, opened, data, "merged.yaml")
    validation = drafter.validate(path)
    assert validation.report.meta.layout == "standard" and validation.complete


def test_checks_arriving_together_each_get_their_own_answer(served):
    """The page sends check and preview at once; answers must not mix."""
    from concurrent.futures import ThreadPoolExecutor

    opened = _open(served)

    def check(i):
        data = json.loads(json.dumps(opened["data"]))
        data["plans"][0]["answers"] = f"x{i}"
        reply = served.call("/api/check-input", {"file": "county.yaml", "version": opened["version"], "data": data})
        return i, reply.json["findings"]

    with ThreadPoolExecutor(8) as pool:
        for i, findings in pool.map(check, range(24)):
            assert [f["message"] for f in findings if f["rule"] == "plans.unknown-answer"][0].startswith(f"找不到编号为“x{i}”")
