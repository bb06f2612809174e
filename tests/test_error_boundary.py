"""One error boundary per command: whatever a command does outside its own
``guarded`` blocks still ends as a Chinese message and an exit code."""

from __future__ import annotations

from paths import ROOT

from drafter.errors import DrafterError

COUNTY = ROOT / "examples" / "county_standard.yaml"


def test_a_bug_anywhere_in_a_command_is_exit_3_without_a_traceback(cli, monkeypatch):
    from drafter.views import validate as view

    def broken(*args, **kwargs):
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(view, "show", broken)  # called outside validate's per-file guarded block
    run = cli("validate", COUNTY)
    assert run.exit_code == 3 and "内部错误" in run.stderr and "Traceback" not in run.stderr


def test_a_refusal_anywhere_in_a_command_is_its_message_and_exit_2(cli, monkeypatch):
    from drafter.views import validate as view

    def refusing(*args, **kwargs):
        raise DrafterError("某文件：无法显示。请换一个终端。")

    monkeypatch.setattr(view, "show", refusing)
    run = cli("validate", COUNTY)
    assert run.exit_code == 2 and "无法显示" in run.stderr and "内部错误" not in run.stderr


def test_the_commands_own_exit_codes_pass_through_the_boundary(cli):
    assert cli("validate", COUNTY).exit_code == 0
    assert cli("validate", "--format", "xml", COUNTY).exit_code == 2  # an option refused before any work
