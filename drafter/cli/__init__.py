"""The ``drafter`` command line: a thin shell over :mod:`drafter.api`.

Each command parses options, calls the API, prints, and picks the exit code.
Heavy libraries (pydantic, python-docx, jinja2) are imported inside commands so
that ``drafter --help`` stays fast.

Exit codes, for every command: 0 success/complete, 1 incomplete (or an
error-level finding), 2 unusable input (the message says which file, where,
and what to do), 3 a bug in drafter.
"""

from __future__ import annotations

import os
import re
import sys

from drafter.cli import bundling, checking, drafting, importing, serving  # noqa: F401  (commands register on import)
from drafter.cli.app import app
from drafter.cli.common import err

__all__ = ["app", "main"]

# click's usage errors, said in Chinese. The pattern's groups fill the message.
_USAGE_MESSAGES = (
    (r"Missing argument '([^']+)'", "缺少参数 {0}。"),
    (r"Missing option '([^']+)'", "缺少选项 {0}。"),
    (r"No such option: (\S+)", "没有这个选项：{0}。"),
    (r"No such command '([^']+)'", "没有这个命令：{0}。可用的命令见 drafter --help。"),
    (r"Got unexpected extra arguments? \(([^)]*)\)", "多出了参数：{0}。"),
    (r"Option '([^']+)' requires an argument", "选项 {0} 后面需要跟一个值。"),
    (r"Invalid value for '([^']+)': (.*)", "参数 {0} 的值不对（{1}）。"),
)


def _usage_message(message: str) -> str:
    for pattern, chinese in _USAGE_MESSAGES:
        found = re.search(pattern, message)
        if found:
            return chinese.format(*found.groups())
    return f"命令用法有误（{message}）。"


def main() -> None:
    """Console entry point: command-line usage errors in Chinese, exit code 2."""
    # drafter's models use no pydantic plugin, and looking for plugins reads
    # every installed package's metadata on each run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    # A file name that is not valid in the file system's encoding, or a character
    # the console's code page lacks (GBK on a Chinese Windows), is shown escaped
    # rather than ending the run after its work is done.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        code = app(prog_name="drafter", standalone_mode=False)
    except Exception as exc:
        # Usage errors come from the click layer typer is built on; they are
        # recognized by shape (exit code 2 and a message), not by class, so
        # this holds whether typer vendors click or depends on it.
        if getattr(exc, "exit_code", None) != 2 or not hasattr(exc, "format_message"):
            raise
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help())
            sys.exit(0)
        name = ctx.command_path if ctx is not None else "drafter"
        err(f"{_usage_message(exc.format_message())}运行 {name} --help 查看用法。")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
