"""Help pages: quick to show (no heavy library loaded) and laid out for Chinese text."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest

from drafter.cli.helpformat import wrap

COMMANDS = [[], ["init"], ["validate"], ["render"], ["check"], ["import"], ["schema"], ["templates"],
            ["templates", "export"]]


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _help(args: list[str], columns: int = 80) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", *args, "--help"], capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_help_loads_none_of_the_heavy_libraries():
    heavy = ("pydantic", "docx", "jinja2", "lxml", "yaml", "rich")
    probe = (
        "import sys\n"
        "sys.argv = ['drafter', '--help']\n"
        "from drafter.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert "check" in proc.stdout  # the help was printed
    assert proc.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "drafter")
def test_every_help_line_fits_an_80_column_terminal(args):
    text = _help(args)
    assert "Usage:" in text
    too_wide = [line for line in text.splitlines() if _columns(line) > 80]
    assert not too_wide


def test_examples_in_help_keep_their_lines_and_text_is_not_broken_before_closing_marks():
    text = _help(["render"])
    examples = [line for line in text.splitlines() if line.startswith("      drafter render ")]
    assert len(examples) == 4 and examples[-1].endswith(".yaml --format md -o -")
    assert examples[0].endswith(".yaml")  # each example on its own line, as written
    body = [line.strip() for line in text.splitlines() if line.strip()]
    assert not [line for line in body if line[0] in "，。、；：）】》”"]


def test_chinese_wraps_by_columns_and_keeps_closing_marks_on_their_line():
    assert wrap("一二三，四五", 6) == ["一二", "三，四", "五"]
    assert wrap("用 drafter check 检查", 12) == ["用 drafter", "check 检查"]
    assert wrap("（一）开头", 4) == ["（一）", "开头"]
