"""The console entry point: help, version, and usage errors in Chinese."""

from __future__ import annotations

import pytest

from drafter import __version__


def test_version(cli_process):
    run = cli_process("--version")
    assert run.exit_code == 0 and run.stdout.strip() == f"drafter {__version__}"


def test_help_lists_every_command(cli_process):
    run = cli_process("--help")
    assert run.exit_code == 0
    for command in ("init", "validate", "schema"):
        assert command in run.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (["init"], "缺少参数 PATH"),
        (["init", "x.yaml", "--year", "2024"], "缺少选项 --unit"),
        (["validate", "--bogus", "x.yaml"], "没有这个选项：--bogus"),
        (["frobnicate"], "没有这个命令：frobnicate"),
    ],
)
def test_usage_errors_are_chinese_exit_2_without_traceback(cli_process, tmp_path, args, expected):
    run = cli_process(*args, cwd=tmp_path)
    assert run.exit_code == 2
    assert expected in run.stderr and "--help" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_standard_option_and_its_old_name(cli, tmp_path):
    from paths import SEEDS

    seed = next(p for p in SEEDS if p.name.startswith("003"))
    broken = tmp_path / "标准.yaml"
    broken.write_text("id: x\n", encoding="utf-8")
    for option in ("--standard", "--schema"):
        run = cli("check", seed, option, broken)
        assert run.exit_code == 2 and str(broken) in run.stderr
    help_text = cli("check", "--help").stdout
    assert "--standard" in help_text and "--schema" not in help_text
