"""The typer application every command registers on, and the root options."""

from __future__ import annotations

from typing import Any

import typer

from drafter import __version__
from drafter.cli import helpformat
from drafter.cli.common import GuardedCommand


class Typer(typer.Typer):
    """typer's app with drafter's plain help layout (see helpformat) for itself and its commands."""

    def __init__(self, **kwargs: Any):
        super().__init__(cls=helpformat.Group, rich_markup_mode=None, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        return super().command(*args, cls=GuardedCommand, **kwargs)


app = Typer(
    name="drafter",
    help=(
        "起草和检查法治政府建设年度报告。\n\n"
        "典型流程：drafter init 生成输入文件 → 填写 → drafter validate 检查完整性 → "
        "drafter render 生成 Word 文稿；收到别人写的报告时用 drafter check 检查是否缺项。"
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="显示版本号后退出。"
    ),
) -> None:
    """起草和检查法治政府建设年度报告。"""
