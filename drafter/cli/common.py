"""What every command shares: the error boundary, option checks, the standard option."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafter.cli import helpformat

if TYPE_CHECKING:
    from drafter.checking.review import RuleSet
    from drafter.standard import Standard

StandardOption = typer.Option(
    None, "--standard", metavar="FILE",
    help="使用自定义的报告标准文件（复制内置的 schemas/rule_of_law_report.yaml 修改而成；默认用内置标准）。",
    show_default=False,
)
RulesOption = typer.Option(
    None, "--rules", metavar="FILE",
    help="本单位的审查规则文件（YAML）：增加规则（如本地常见错字），或用 off 关闭规则。格式见 README“内容审查”。",
    show_default=False,
)
# The option's name before 0.2; still accepted, no longer shown.
SchemaAlias = typer.Option(None, "--schema", hidden=True)


@contextmanager
def guarded() -> Iterator[None]:
    """The error boundary: DrafterError → its Chinese message and exit code; a bug → exit 3.

    Every command runs inside one (GuardedCommand); a command also uses it
    around each file it may give up on while going on with the others.
    """
    from drafter.errors import DrafterError

    try:
        yield
    except DrafterError as exc:
        err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err("已中断。")
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug in drafter, not the user's fault
        if _command_line_outcome(exc) or os.environ.get("DRAFTER_DEBUG"):
            raise
        err(
            f"drafter 内部错误（{type(exc).__name__}：{exc}）。这不是您的操作问题；"
            "请把所用命令和输入文件发给维护人员。设置环境变量 DRAFTER_DEBUG=1 可查看详细信息。"
        )
        raise typer.Exit(3) from None


def _command_line_outcome(exc: Exception) -> bool:
    """typer's own exits and usage errors (recognized by shape: typer vendors click's classes)."""
    return isinstance(exc, (typer.Exit, typer.Abort)) or (hasattr(exc, "exit_code") and hasattr(exc, "format_message"))


class GuardedCommand(helpformat.Command):
    """A command whose whole run is inside the error boundary."""

    # (typer.Context narrows click's Context, which typer vendors without exporting it)
    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        with guarded():
            return super().invoke(ctx)


def err(message: str) -> None:
    print(f"错误：{message}" if not message.startswith("错误") else message, file=sys.stderr)


def choice(option: str, value: str, allowed: tuple[str, ...]) -> None:
    """Refuse an option value outside ``allowed`` (exit 2, before any work)."""
    if value not in allowed:
        err(f"{option} 只能是 {' 或 '.join(allowed)}，而不是“{value}”。")
        raise typer.Exit(2)


def load_rules(std: Standard, rules: Path | None) -> RuleSet:
    """The review rules: the standard's, changed by the unit's --rules file."""
    from drafter import api

    with guarded():
        return api.load_rules(std, rules)


def load_standard(standard: Path | None, schema: Path | None) -> Standard:
    """The standard named by --standard (or its old name --schema), else the bundled one."""
    from drafter import api

    with guarded():
        return api.load_standard(standard or schema)

