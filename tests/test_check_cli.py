"""`drafter check` on the command line: output, the JSON contract, exit codes."""

from __future__ import annotations

import json
import os
import zipfile

import pytest
from paths import SEEDS, seed_file

PART_IDS = ["measures", "leadership", "shortcomings", "plans", "other"]



FINDING_KEYS = {"rule", "level", "message", "excerpt", "position", "where"}


def _assert_contract(obj: dict) -> None:
    assert set(obj) == {"file", "complete", "parts", "warnings", "findings"}
    assert isinstance(obj["file"], str) and isinstance(obj["complete"], bool)
    assert [p["id"] for p in obj["parts"]] == PART_IDS
    for part in obj["parts"]:
        assert set(part) == {"id", "status", "evidence", "position"}
        assert part["status"] in ("found", "partial", "missing")
        assert part["evidence"] is None or isinstance(part["evidence"], str)
        assert part["position"] is None or (isinstance(part["position"], int) and part["position"] >= 0)
    assert all(isinstance(w, str) for w in obj["warnings"])
    for finding in obj["findings"]:
        assert FINDING_KEYS <= set(finding)
        assert finding["level"] in ("error", "warning", "info") and "." in finding["rule"] or finding["rule"].isalpha()
    # Every warning is also a finding with a stable rule id.
    assert set(obj["warnings"]) <= {f["message"] for f in obj["findings"]}


def test_json_for_several_files_is_a_list_following_the_contract(cli):
    run = cli("check", *SEEDS, "--format", "json")
    assert run.exit_code == 1  # some seeds lack required parts
    payload = json.loads(run.stdout)
    assert isinstance(payload, list) and len(payload) == len(SEEDS)
    for obj, path in zip(payload, SEEDS, strict=True):
        _assert_contract(obj)
        assert obj["file"] == str(path)
    complete = {obj["file"][-len(SEEDS[0].name):][:3]: obj["complete"] for obj in payload}
    assert complete == {"000": False, "001": False, "002": False, "003": True, "004": False}


def test_json_for_one_file_is_one_object_and_complete_exits_0(cli):
    run = cli("check", seed_file("003"), "--format", "json")
    assert run.exit_code == 0
    obj = json.loads(run.stdout)
    _assert_contract(obj)
    assert obj["complete"] is True
    assert all(p["status"] == "found" for p in obj["parts"] if p["id"] != "other")


def test_json_complete_means_every_required_part_found(cli):
    payload = json.loads(cli("check", *SEEDS, "--format", "json").stdout)
    for obj in payload:
        required = [p["status"] for p in obj["parts"] if p["id"] != "other"]
        assert obj["complete"] == all(s == "found" for s in required)
    statuses = {p["status"] for obj in payload for p in obj["parts"]}
    assert statuses == {"found", "partial", "missing"}  # the seeds exercise all three


def test_table_output_names_parts_status_evidence_position_and_verdict(cli):
    run = cli("check", seed_file("004"))
    assert run.exit_code == 1
    out = run.stdout
    for text in ("主要举措和成效", "存在的不足和原因", "✗ 缺失", "✓ 已找到", "第 3 段", "结论：不齐全", "审查意见", "考核", "主题覆盖"):
        assert text in out, text
    complete = cli("check", seed_file("003"))
    assert complete.exit_code == 0 and "结论：必需的 4 个部分齐全" in complete.stdout


def test_unreadable_file_among_others_exits_2_and_the_rest_are_still_checked(cli, tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    run = cli("check", seed_file("003"), empty, "--format", "json")
    assert run.exit_code == 2
    payload = json.loads(run.stdout)
    assert [obj["file"] for obj in payload] == [str(seed_file("003")), str(empty)]
    readable, unreadable = payload
    _assert_contract(readable)
    # An unreadable file keeps its place, as an error entry: parts empty exactly then.
    assert "空的" in unreadable["error"] and unreadable["complete"] is False
    assert unreadable["parts"] == [] and unreadable["warnings"] == [] and unreadable["findings"] == []
    assert "error" not in readable and readable["parts"]
    assert str(empty) in run.stderr and "空的" in run.stderr
    alone = cli("check", empty, "--format", "json")
    assert alone.exit_code == 2
    assert json.loads(alone.stdout)["file"] == str(empty)  # one object, never null
    table = cli("check", seed_file("003"), empty)
    assert table.exit_code == 2 and "无法读取 1 个" in table.stdout


def test_bad_format_option_and_bad_schema_exit_2(cli, tmp_path):
    run = cli("check", seed_file("003"), "--format", "xml")
    assert run.exit_code == 2 and "table 或 json" in run.stderr
    schema = tmp_path / "bad.yaml"
    schema.write_text("id: [", encoding="utf-8")
    assert cli("check", seed_file("003"), "--schema", schema).exit_code == 2


def test_custom_schema_aliases_change_recognition(cli, tmp_path):
    import yaml
    from paths import ROOT

    data = yaml.safe_load((ROOT / "schemas" / "rule_of_law_report.yaml").read_text(encoding="utf-8"))
    leadership = next(p for p in data["parts"] if p["id"] == "leadership")
    leadership["recognition"]["aliases"].append("头雁领航工程")
    schema = tmp_path / "custom.yaml"
    schema.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "一、主要举措和成效\n全年法制审核案件500件，依法行政水平提升。\n"
        "二、头雁领航工程\n局长带头学法述法。\n"
        "三、存在的不足和原因\n培训不足，原因是经费紧张。\n四、下一步工作安排\n一是加强培训。\n",
        encoding="utf-8",
    )
    assert cli("check", draft).exit_code == 1
    assert cli("check", draft, "--schema", schema).exit_code == 0


def _bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            for _ in range(40):
                member.write(b"\x20" * (1024 * 1024))
    return path


def _sparse(path):
    path.write_bytes(b"")
    os.truncate(path, 64 * 1024 * 1024)  # a huge file that costs no disk


@pytest.mark.parametrize(
    "name, make",
    [
        ("empty.txt", lambda p: p.write_bytes(b"")),
        ("garbage.txt", lambda p: p.write_bytes(bytes(range(256)) * 100)),
        ("corrupt.docx", lambda p: p.write_bytes(b"PK\x03\x04" + bytes(300))),
        ("bomb.docx", _bomb),
        ("huge.txt", _sparse),
        ("report.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
        ("report.pdf", lambda p: p.write_bytes(b"%PDF-1.4")),
    ],
)
def test_robustness_inputs_exit_2_with_a_message_and_no_traceback(cli_process, tmp_path, name, make):
    path = tmp_path / name
    make(path)
    run = cli_process("check", path)
    assert run.exit_code == 2, run.stderr
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert run.stderr.startswith("错误：") and str(path) in run.stderr


def test_help_is_in_chinese_and_documents_exit_codes(cli):
    run = cli("check", "--help")
    assert run.exit_code == 0
    assert "退出码" in run.stdout and "--format" in run.stdout


def test_many_files_are_reported_in_the_order_given(cli_process, tmp_path):
    names = []
    for i, seed in enumerate(SEEDS * 3):
        copy = tmp_path / f"{len(SEEDS) * 3 - i:02d}_{seed.name}"  # names that do not sort in the given order
        copy.write_bytes(seed.read_bytes())
        names.append(str(copy))
    run = cli_process("check", *names, "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    assert [obj["file"] for obj in json.loads(run.stdout)] == names


def test_a_bug_while_checking_many_files_exits_3(cli, monkeypatch):
    from drafter import api

    def failing(sources, standard=None, jobs=None):
        yield api.check(sources[0], standard=standard)
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(api, "check_many", failing)
    run = cli("check", seed_file("003"), seed_file("001"))
    assert run.exit_code == 3 and "内部错误" in run.stderr and "Traceback" not in run.stderr


def test_mistyped_chinese_numbering_is_text_not_an_internal_error(cli, tmp_path):
    draft = tmp_path / "笔误.txt"
    lines = [seed_file("003").read_text(encoding="utf-8"), "一一、继续加强执法监督", "（十一十）深化普法", "二十二十、其他"]
    draft.write_text("\n".join(lines), encoding="utf-8")
    run = cli("check", draft, "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    assert json.loads(run.stdout)["file"] == str(draft)
