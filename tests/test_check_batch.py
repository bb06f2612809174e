"""`drafter check` on folders and batches: which files, the JSON contract for batches,
the matrix on an 80-column terminal, and the batch's exit code."""

from __future__ import annotations

import json
import re

from batch_support import reviewer_folder
from paths import seed_file
from rich.cells import cell_len


def test_a_folder_is_walked_for_drafts_in_order_passing_over_hidden_temporary_and_other_files(cli, tmp_path):
    made = reviewer_folder(tmp_path)
    run = cli("check", made["folder"][0], "--format", "json")
    assert run.exit_code == 2  # one file is unreadable; the others are still reported
    payload = json.loads(run.stdout)
    assert isinstance(payload, list)  # a folder always gives a list
    assert [obj["file"] for obj in payload] == [str(p) for p in made["checked"]]
    broken = next(obj for obj in payload if obj["file"].endswith("zz损坏的报告.docx"))
    assert broken["error"] and broken["parts"] == [] and broken["complete"] is False
    assert all(obj["parts"] for obj in payload if "error" not in obj)
    assert ".pdf 1 个" in run.stderr  # files of other kinds are counted, not checked


def test_one_file_gives_one_object_and_a_folder_with_one_file_a_list(cli, tmp_path):
    assert isinstance(json.loads(cli("check", seed_file("003"), "--format", "json").stdout), dict)
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_file("003").read_bytes())
    listed = json.loads(cli("check", folder, "--format", "json").stdout)
    assert isinstance(listed, list) and len(listed) == 1


def test_files_given_by_name_are_checked_whatever_their_name(cli, tmp_path):
    odd = tmp_path / "~$草稿.txt"
    odd.write_bytes(seed_file("003").read_bytes())
    run = cli("check", odd, "--format", "json")
    assert run.exit_code == 0 and json.loads(run.stdout)["complete"] is True


def test_an_empty_folder_is_refused(cli, tmp_path):
    run = cli("check", tmp_path)
    assert run.exit_code == 2 and "没有可检查的报告" in run.stderr


def _rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if re.search(r"(齐全|不齐全|有错误|无法读取)\s*$", line)]


def test_the_matrix_fits_80_columns_puts_unreadable_and_incomplete_first_and_keeps_numbers(cli_process, tmp_path):
    made = reviewer_folder(tmp_path)
    run = cli_process("check", made["folder"][0], env={"COLUMNS": "80"})
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), max(lines, key=cell_len)
    rows = _rows(run.stdout)
    assert len(rows) == len(made["checked"])
    verdicts = [re.search(r"(不齐全|齐全|有错误|无法读取)\s*$", row).group(1) for row in rows]
    rank = {"无法读取": 0, "不齐全": 1, "有错误": 2, "齐全": 3}
    assert [rank[v] for v in verdicts] == sorted(rank[v] for v in verdicts)
    incomplete = [p for p in made["checked"] if re.match(r"(\d\d_)?00[0124]", p.name)]  # seeds 000, 001, 002, 004
    assert verdicts[0] == "无法读取" and verdicts.count("不齐全") == len(incomplete)
    header = lines[0]
    for column in ("文件", "单位", "年度", "举措", "领导", "不足", "安排", "意见", "结论"):
        assert column in header
    seed_004 = next(row for row in rows if row.startswith("004"))
    assert "2024" in seed_004 and "重庆市公安局" in seed_004  # year and unit found, never cut here
    assert re.search(r"✓\s+✓\s+✗\s+✗\s+—\s+\d+\s+不齐全", seed_004)
    assert f"共 {len(made['checked'])} 个文件：无法读取 1 个，不齐全 {len(incomplete)} 个" in run.stdout
    # Not a terminal: no progress bar drawn on stderr.
    assert "检查中" not in run.stderr


def test_detail_adds_each_files_table_after_the_matrix(cli):
    plain = cli("check", seed_file("003"), seed_file("004"))
    detailed = cli("check", seed_file("003"), seed_file("004"), "--detail")
    assert "主题覆盖" not in plain.stdout and "依据" not in plain.stdout
    assert detailed.stdout.count("主题覆盖") == 2 and detailed.stdout.index("结论") < detailed.stdout.index("依据")


def test_batch_exit_codes_are_the_worst_of_the_files(cli, tmp_path):
    complete = seed_file("003")
    assert cli("check", complete, complete).exit_code == 0
    assert cli("check", complete, seed_file("004")).exit_code == 1
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert cli("check", complete, seed_file("004"), empty).exit_code == 2


def test_an_error_level_finding_makes_a_complete_report_exit_1(cli, monkeypatch):
    from drafter.checking import recognize as module
    from drafter.findings import Finding

    original = module.recognize

    def with_error(document, std):
        result = original(document, std)
        result.findings.append(Finding("term.test", "error", "测试用的错误级意见", position=1))
        return result

    monkeypatch.setattr(module, "recognize", with_error)
    run = cli("check", seed_file("003"), seed_file("003"))
    assert run.exit_code == 1 and "有错误" in run.stdout


def test_a_terminal_gets_a_progress_bar_for_more_than_a_few_files(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    files = []
    for n in range(6):
        copy = tmp_path / f"{n}.txt"
        copy.write_bytes(seed_file("003").read_bytes())
        files.append(str(copy))
    leader, follower = pty.openpty()
    try:
        run = subprocess.run([sys.executable, "-m", "drafter", "check", *files, "--format", "json"],
                             stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert run.returncode == 0 and len(json.loads(run.stdout)) == 6
    assert "检查中".encode() in drawn
